"""Synthetic news articles built from the word lists in `words.py`."""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from . import words as W

_ALT = re.compile(r"\[([^\[\]]*)\]")


_LISTS = {"role": W.ROLES, "day": W.DAYS, "period": W.PERIODS, "up": W.VERB_UP,
          "down": W.VERB_DOWN, "action": W.ACTIONS, "action_h": W.ACTIONS_H,
          "event_h": W.EVENTS_H, "nth": W.NTH, "moved": W.MOVED}


@lru_cache(maxsize=4096)
def _names(template: str) -> tuple[str, ...]:
    """Slot names in a template, in order (place before place2 etc. does not matter)."""
    return tuple(sorted({f for _, f, _, _ in string.Formatter().parse(template) if f}))


@lru_cache(maxsize=512)
def _compiled(template: str) -> tuple:
    """A template split into fixed text and alternation tuples (cached, immutable)."""
    out: list = []
    pos = 0
    for m in _ALT.finditer(template):
        out.append(template[pos:m.start()])
        out.append(tuple(m.group(1).split("|")))
        pos = m.end()
    out.append(template[pos:])
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    domain: str
    kind: str = "paper"  # agency | paper | blog
    short: str | None = None  # the name used in datelines, e.g. "Kestrel"


@dataclass(frozen=True, slots=True)
class BaseArticle:
    """An original story as its outlet published it."""

    base_id: str
    title: str
    paragraphs: tuple[str, ...]
    outlet: Outlet
    published: datetime
    place: str = ""  # the dateline city
    extra: dict = field(default_factory=dict, compare=False)  # unused passthrough


def place_name(rng: random.Random) -> str:
    name = rng.choice(W.HEAD) + rng.choice(W.MID) + rng.choice(W.TAIL)
    return name.capitalize()


def person(rng: random.Random) -> str:
    return f"{rng.choice(W.FIRST)} {rng.choice(W.LAST)}"


def org(rng: random.Random) -> str:
    return f"{rng.choice(W.ORG_ADJ)} {rng.choice(W.ORG_NOUN)} {rng.choice(W.ORG_TYPE)}"


def vary(rng: random.Random, template: str) -> str:
    """Resolve `[a|b|c]` alternations (so unrelated stories share few long phrases)."""
    parts = _compiled(template)
    if len(parts) == 1:
        return template
    return "".join(p if isinstance(p, str) else rng.choice(p) for p in parts)


class _Cast:
    """The people, places and organisations of one story (so they recur)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.people = [person(rng) for _ in range(3)]
        self.places = [place_name(rng) for _ in range(3)]
        self.orgs = [org(rng) for _ in range(3)]
        self.things = rng.sample(W.THINGS, 3)
        self.thing = self.things[0]

    def slots(self, names) -> dict:
        """Values for the slots a template uses (only those: this is the hot loop)."""
        r = self.rng
        out: dict = {}
        for name in names:
            if name not in out:
                out[name] = self._slot(name, r, out)
        return out

    def _slot(self, name: str, r: random.Random, done: dict):
        if name in ("place", "place2"):
            other = done.get("place2" if name == "place" else "place")
            return r.choice([p for p in self.places if p != other])
        if name in ("org", "org2"):
            other = done.get("org2" if name == "org" else "org")
            return r.choice([o for o in self.orgs if o != other])
        if name in ("thing", "thing_c", "goal"):
            thing = done.get("thing") or self.thing
            if name == "thing_c":
                return thing.capitalize()
            if name == "goal":
                return r.choice(W.GOALS).format(thing=thing)
            return thing
        if name == "event":
            org2 = done.get("org2") or r.choice(self.orgs)
            place2 = done.get("place2") or r.choice(self.places)
            return self.vary(r.choice(W.EVENTS)).format(org=org2, place=place2)
        if name == "person":
            return r.choice(self.people)
        if name == "last":
            return r.choice(self.people).split()[1]
        if name == "num":
            return r.randint(2, 95)
        if name == "num2":
            return r.randint(3, 4000)
        if name == "year":
            return r.randint(2004, 2020)
        return r.choice(_LISTS[name])

    def sentence(self) -> str:
        self.thing = self.rng.choice(self.things)
        text = self.vary(self.rng.choice(W.SENTENCES))
        return text.format(**self.slots(_names(text)))

    def vary(self, template: str) -> str:
        return vary(self.rng, template)

    def headline(self) -> str:
        self.thing = self.rng.choice(self.things)
        text = self.rng.choice(W.HEADLINES)
        return text.format(**self.slots(_names(text)))


def make_outlets(rng: random.Random, n_papers: int = 24, n_blogs: int = 0) -> list[Outlet]:
    """Invented outlets: a few agencies, `n_papers` papers, `n_blogs` blogs."""
    out: list[Outlet] = []
    seen: set[str] = set()
    for a in W.AGENCY_NAMES:
        name = f"{a} {rng.choice(W.AGENCY_FORMS)}"
        short = "".join(w[0] for w in name.split()).upper()  # "Kestrel Press Agency" -> KPA
        domain = short.lower() + rng.choice(("", "news", "-agency")) + rng.choice((".com", ".net", ".org"))
        out.append(Outlet(name, domain, "agency", short))
        seen.add(domain)
    while len(out) < len(W.AGENCY_NAMES) + n_papers:
        p = place_name(rng)
        name = rng.choice(W.PAPER_FORMS).format(P=p)
        domain = "".join(ch for ch in name.lower().removeprefix("the ") if ch.isalnum())
        domain += rng.choice((".com", ".co.uk", ".net", ".de", ".com.au"))
        if domain not in seen:
            seen.add(domain)
            out.append(Outlet(name, domain, "paper", p))
    while len(out) < len(W.AGENCY_NAMES) + n_papers + n_blogs:
        a, b = rng.choice(W.BLOG_ADJ), rng.choice(W.BLOG_WORDS)
        domain = a + rng.choice(("", "-")) + b + rng.choice(W.TLDS)
        if domain not in seen:
            seen.add(domain)
            name = f"{a.capitalize()} {b.capitalize()}"
            out.append(Outlet(name, domain, "blog", name))
    return out


def synthetic_articles(n: int, seed: int) -> list[BaseArticle]:
    """`n` invented news articles (4-10 paragraphs each), deterministic per seed."""
    rng = random.Random(seed)
    outlets = [o for o in make_outlets(random.Random(seed ^ 0x5EED)) if o.kind != "blog"]
    start = datetime(2021, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        cast = _Cast(rng)
        paras = []
        for _ in range(rng.randint(4, 10)):
            k = rng.choice((1, 2, 2, 3))
            paras.append(" ".join(cast.sentence() for _ in range(k)))
        outlet = rng.choice(outlets)
        when = start + timedelta(minutes=rng.randrange(4 * 365 * 24 * 60))
        out.append(BaseArticle(f"b{seed}-{i}", cast.headline(), tuple(paras), outlet, when,
                               cast.places[0]))
    return out
