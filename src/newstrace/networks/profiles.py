"""Outlet fingerprints: what each site's pages leave behind.

A profile holds, per outlet, in how many of its pages each trace occurs:
template debris (digits normalised), credit-line forms (the named outlet
replaced by a placeholder), the outlets it copies, the families it joins
(with times, for co-timing), its delay after the origin, its edits and reach.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..clean.dates import firm_published
from ..records import Article, Edit, Provenance

# removed-line reasons that say nothing about the site's template
_SKIP_REASONS = ("headline", "title", "date", "credit", "byline")
_URL_RE = re.compile(r"https?://\S+|www\.\S+", re.I)


@dataclass(slots=True)
class OutletProfile:
    outlet: str
    pages: int = 0
    debris: Counter = field(default_factory=Counter)  # normalised line -> pages showing it
    credits: Counter = field(default_factory=Counter)  # credit template -> pages
    copies: int = 0  # pages that copy another document
    sources: Counter = field(default_factory=Counter)  # origin outlet -> copies
    parents: Counter = field(default_factory=Counter)  # parent's outlet -> copies
    relays: Counter = field(default_factory=Counter)  # outlet whose copy it copied -> copies
    delays: list[float] = field(default_factory=list)  # minutes after the origin
    parent_delays: list[float] = field(default_factory=list)  # minutes after the page copied
    # family_id -> (UTC time of its copy or None, doc_id, doc_ids of the pages it descends from)
    family_times: dict = field(default_factory=dict)
    edits: Counter = field(default_factory=Counter)  # op -> count
    verbatim: int = 0  # copies with no edit against their parent
    reach: dict = field(default_factory=dict)  # label -> list of values


def debris_key(line: str) -> str:
    """A debris line as a template trace: digits folded, spacing and case kept plain.

    `4.50 (90%) 2 votes` and `0.00 (0%) 0 votes` both give `0.0 (0%) 0 votes`.
    """
    text = " ".join(line.split())
    return re.sub(r"\d+", "0", text)


def credit_template(line: str, outlet: str | None, domain: str | None) -> str:
    """The credit line with the named outlet replaced: `Sourse: {domain}`."""
    text = " ".join(line.split())
    text = _URL_RE.sub("{url}", text)
    for value, slot in ((domain, "{domain}"), (outlet, "{outlet}")):
        if value and len(value) > 1:
            text = re.sub(re.escape(value), slot, text, flags=re.I)
    return re.sub(r"\d+", "0", text)


def parse_time(value: str | None) -> datetime | None:
    """An ISO date or datetime as UTC (naive values are taken as UTC)."""
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        return t.replace(tzinfo=timezone.utc)
    return t.astimezone(timezone.utc)


def _number(value: str) -> float | None:
    text = value.replace(",", "").replace("\u00a0", "").replace(" ", "").lower()
    mult = 1000.0 if text.endswith("k") else 1e6 if text.endswith("m") else 1.0
    try:
        return float(text.rstrip("km")) * mult
    except ValueError:
        return None


def outlet_key(site: str | None) -> str:
    """The outlet a page counts for (pages without a site share one)."""
    return site or "(unknown)"


def _site(article: Article) -> str:
    return outlet_key(article.site)


def build_profiles(articles: Iterable[Article], provenance: Iterable[Provenance] = (),
                   edits: Iterable[Edit] = ()) -> dict[str, OutletProfile]:
    """Profiles by outlet from clean articles, their provenance and edits."""
    arts = {a.doc_id: a for a in articles}
    out: dict[str, OutletProfile] = {}
    for a in arts.values():
        add_page(out.setdefault(_site(a), OutletProfile(_site(a))), a)
    edited: dict[str, Counter] = defaultdict(Counter)
    for e in edits:
        edited[e.doc_id][e.op] += 1
    provenance = list(provenance)
    parent_of = {p.doc_id: p.parent_doc_id for p in provenance if p.parent_doc_id}
    for prov in provenance:
        a = arts.get(prov.doc_id)
        if a is None or not is_copy(prov):
            continue
        add_copy(out[_site(a)], prov, a, arts.get(prov.parent_doc_id or ""),
                 arts.get(prov.origin_doc_id or ""), edited.get(prov.doc_id, Counter()),
                 bool(edited), ancestors(prov.doc_id, parent_of))
    return out


def is_copy(prov: Provenance) -> bool:
    """Whether a provenance row is a copy a profile counts (in a family, not its origin)."""
    return (prov.family_id is not None and prov.credit_status != "origin"
            and prov.origin_doc_id != prov.doc_id)


def add_page(p: OutletProfile, a: Article) -> None:
    """Count one page of the outlet: its debris, credit forms and counters."""
    p.pages += 1
    title = (a.title.value if a.title else "").strip().lower()
    seen = set()
    for r in a.removed:
        if any(w in r.reason.lower() for w in _SKIP_REASONS):
            continue
        if not r.text.strip() or r.text.strip().lower() == title:
            continue
        seen.add(debris_key(r.text))
    # a copyright line is the site's footer far more often than a credit: keep it
    # whole as a template trace (`© 0 Foo Media Group`), where `© 0 {outlet}` says nothing
    seen |= {debris_key(c.line) for c in a.credits if c.form == "copyright"}
    p.debris.update(seen)
    p.credits.update({credit_template(c.line, c.outlet, c.domain) for c in a.credits
                      if c.form != "copyright"})
    for c in a.counters:
        n = _number(c.value)
        if n is not None:
            p.reach.setdefault(c.label, []).append(n)


def add_copy(p: OutletProfile, prov: Provenance, a: Article, parent: Article | None,
             origin: Article | None, ops: Counter, traced: bool,
             ancestors: frozenset[str]) -> None:
    """Count one copy (`is_copy`) of the outlet: page `a`, the pages it copies (None when not
    in the corpus), its edit ops, whether edits were traced at all, the ids above it."""
    when = parse_time(firm_published(a))
    p.family_times[prov.family_id] = (when, prov.doc_id, ancestors)
    p.copies += 1
    if prov.origin_outlet:
        p.sources[prov.origin_outlet] += 1
    if parent is not None:
        p.parents[_site(parent)] += 1
        if prov.parent_doc_id != prov.origin_doc_id:
            p.relays[_site(parent)] += 1
        p.edits.update(ops)
        p.verbatim += traced and not ops  # only when edits were traced
    tp = parse_time(firm_published(parent) if parent else None)
    if when and tp:
        p.parent_delays.append((when - tp).total_seconds() / 60.0)
    t0 = parse_time(firm_published(origin) if origin else None)
    if when and t0:
        p.delays.append((when - t0).total_seconds() / 60.0)


def ancestors(doc_id: str, parent_of: dict[str, str]) -> frozenset[str]:
    out: set[str] = set()
    while (doc_id := parent_of.get(doc_id)) and doc_id not in out:
        out.add(doc_id)
    return frozenset(out)


def reach_summary(profile: OutletProfile) -> dict[str, dict]:
    """Per counter label: pages showing it and the median value."""
    return {label: {"pages": len(v), "median": statistics.median(v), "max": max(v)}
            for label, v in sorted(profile.reach.items()) if v}


def _top(counter: Counter, n: int) -> list[tuple[str, int]]:
    """`most_common(n)` with ties broken by name, so the same corpus gives the same row."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def profile_row(profile: OutletProfile) -> dict:
    """One outlet's fingerprint in plain fields (for printing and JSON)."""
    med = (lambda v: round(statistics.median(v), 1) if v else None)  # noqa: E731
    return {
        "outlet": profile.outlet, "pages": profile.pages, "copies": profile.copies,
        "copies_from": dict(_top(profile.sources, 3)),
        "median_delay_min": med(profile.delays),
        "median_delay_after_parent_min": med(profile.parent_delays),
        "credit_forms": dict(_top(profile.credits, 3)),
        "template_lines": [k for k, n in _top(profile.debris, 5) if n >= 2],
        "edits": dict(profile.edits), "verbatim_copies": profile.verbatim,
        "reach": reach_summary(profile),
    }


__all__ = ["profile_row", "OutletProfile", "add_copy", "add_page", "ancestors", "build_profiles",
           "is_copy", "credit_template", "debris_key", "parse_time",
           "reach_summary"]
