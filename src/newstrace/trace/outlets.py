"""Outlet identity: does a credit ("Sourse: sputniknews.com", "Kestrel News Agency",
"(KNA)") name the same outlet as a site ("kna-agency.com")?"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..domains import label, registrable

_FILLER = {"the", "of", "and", "news", "agency", "press", "media", "online", "daily", "group",
           "service", "wire", "international", "tv", "com", "net", "org", "www"}
_DOMAIN_RE = re.compile(r"^(?:[a-z]+://)?(?:www\.)?([a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+)", re.I)
_SUFFIXES = ("news", "agency", "press", "online", "daily", "media", "wire", "tv", "today", "times")
# words that tell two outlets with one core apart ("Prime Daily" is not "Prime Wire")
_KIND_WORDS = (_FILLER | set(_SUFFIXES)) - {"the", "of", "and", "com", "net", "org", "www"}


@lru_cache(maxsize=1)
def _table():
    """The cleaner's built-in outlet table when present: (domain->name, alias->name)."""
    try:
        from newstrace.clean.credits import ALIASES, OUTLETS
    except ImportError:
        return {}, {}
    return OUTLETS, ALIASES


@lru_cache(maxsize=1 << 16)
def host_of(text: str | None) -> str | None:
    """`https://www.x.co.uk/a` -> `x.co.uk`; None when `text` is not a domain or URL."""
    if not text:
        return None
    t = text.strip().lower()
    if " " in t:
        return None
    m = _DOMAIN_RE.match(t)
    if not m or not re.search(r"\.[a-z]{2,}$", m.group(1)):
        return None
    return m.group(1)


def _name_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _core(words: list[str]) -> str:
    """An outlet name's words less the fillers, joined ("Prime Daily" -> "prime")."""
    return "".join(w for w in words if w not in _FILLER)


def name_keys(name: str) -> set[str]:
    """Keys of an outlet name: joined words, words without fillers, the acronym."""
    words = _name_words(name)
    if not words:
        return set()
    keys = {"".join(words)}
    core = _core(words)
    if core:
        keys.add(core)
    if len(words) >= 3:
        keys.add("".join(w[0] for w in words if w != "the"))
    return {k for k in keys if len(k) >= 2}


@lru_cache(maxsize=1 << 16)
def outlet_keys(text: str | None) -> frozenset[str]:
    """Comparable keys for a domain, URL or outlet name (pure; cached per string)."""
    if not text:
        return frozenset()
    domains, aliases = _table()
    host = host_of(text)
    if host:
        reg = registrable(host)
        keys = {reg, label(host)} - {""}
        name = domains.get(reg) or domains.get(host)
        if name:
            keys |= {"=" + name.lower()}
        return frozenset(keys)
    name = aliases.get(text.strip().lower()) or text.strip()
    keys = name_keys(name)
    if name in _names() or name != text.strip():
        keys.add("=" + name.lower())
    return frozenset(keys)


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return frozenset(_table()[0].values())


def _kind_words(text: str) -> set[str]:
    return set(_name_words(text)) & _KIND_WORDS


def _label_matches(name: str, key: str, kinds: set[str], core: str) -> bool:
    """Whether a domain label is a key of an outlet name plus a suffix ("sputnik" +
    "news"). On the name's `core` (its words less the fillers) a name with `kinds`
    (kind words) of its own takes only those: "Prime Daily" is primedaily or prime, not
    primewire; "Kestrel Wire Service" is still kwsnews (its acronym)."""
    if name == key:
        return True
    if len(key) >= 2 and name.startswith(key):
        rest = name[len(key):]
        if rest in _SUFFIXES:
            return rest in kinds or not kinds or key != core
        return rest.isdigit() or (len(key) >= 5 and len(rest) <= 2)
    return False


def _other_kind(a: str, b: str, shared: frozenset[str]) -> bool:
    """Two names that share their core but not their kind words ("Grand Daily", "Grand
    Wire"): two outlets, unless the outlet table says they are one."""
    if any(k.startswith("=") for k in shared):
        return False
    wa, wb = _kind_words(a), _kind_words(b)
    return bool(wa) and bool(wb) and wa.isdisjoint(wb)


@lru_cache(maxsize=1 << 16)
def same_outlet(a: str | None, b: str | None) -> bool:
    """Whether two outlet mentions (domains, URLs or names) point to the same outlet."""
    if not a or not b:
        return False
    ka, kb = outlet_keys(a), outlet_keys(b)
    ha, hb = host_of(a), host_of(b)
    if ka & kb:
        return bool(ha or hb) or not _other_kind(a, b, ka & kb)
    if ha and hb:
        return registrable(ha) == registrable(hb)
    if ha or hb:
        host, other, text = (ha, kb, b) if ha else (hb, ka, a)
        name, words = label(host), _name_words(text)
        kinds, core = set(words) & _KIND_WORDS, _core(words)
        return any(_label_matches(name, k, kinds, core) for k in other if not k.startswith("="))
    return False


def tally(pages: Iterable[Iterable[str]]) -> list[list]:
    """[outlet, pages] for the outlets the pages' mentions name (`same_outlet` groups them;
    the first mention names the group): each page counts once per outlet."""
    votes: list[list] = []
    for mentions in pages:
        seen: list[list] = []
        for mention in mentions:
            g = next((g for g in votes if same_outlet(mention, g[0])), None)
            if g is None:
                g = [mention, 0]
                votes.append(g)
            if g not in seen:
                seen.append(g)
                g[1] += 1
    return votes


def canonical(text: str | None) -> str | None:
    """A display form: the registrable domain for domains/URLs, else the name."""
    if not text:
        return None
    host = host_of(text)
    return registrable(host) if host else text.strip()
