"""A document in no reuse family that credits a site of the corpus, and quotes that
site's page of a story word for word, took the passage from that page: a roundup
that borrowed a paragraph too short for the reuse stage and said where from.

The steps are split so that an executor that cannot hold the corpus can run them as
joins (engine/spark_trace.py): `quote_units` of each such document and `member_units`
of each family member meet on the text unit; `choose` picks the page per document;
`attached_row` writes its row from the row of that page.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..records import Provenance
from .credit import credit_status
from .members import Info, is_title_unit
from .outlets import same_outlet

MIN_SHARED_TOKENS = 6  # the quoted sentences together: a stock phrase is shorter


@dataclass(frozen=True, slots=True)
class Page:
    """A family member as a candidate source: where and when it came out."""

    doc_id: str
    site: str | None
    time: float | None  # POSIX seconds
    slack_h: float


def crediting(info: Info) -> list[tuple[str, str, str]]:
    """The credit lines of `info` that name another outlet (a loose mention is no credit)."""
    return [c for c in info.credits if c[2] != "mention"]


def quote_units(info: Info) -> list[str]:
    """The text units of a document in no family that credits another outlet, else none."""
    return sorted(info.units) if crediting(info) else []


def member_units(info: Info) -> list[tuple[str, Page]]:
    """(unit, page) for each text unit of a family member (debris already left out),
    and for each sentence of the lines its cleaner removed (a short line of the story a
    cleaner takes for page furniture is still on the page)."""
    page = Page(info.doc_id, info.site, info.time.timestamp() if info.time else None,
                info.slack_h)
    units = set(info.units) | {u for u in info.hidden if not is_title_unit(u)}
    return [(u, page) for u in sorted(units)]


def choose(info: Info, hits: list[tuple[str, Page]], before_h: float = 72.0
           ) -> tuple[Page, list[str]] | None:
    """(page, units it shares) for the page on a site a credit of `info` names that
    shares the most text with it (at least MIN_SHARED_TOKENS words; then the earliest),
    and that `info` did not come out `before_h` hours (beyond both dates' slack) before.
    A sentence on two pages of one site is that site's furniture: it counts for neither."""
    hits = sorted(set(hits), key=lambda h: (h[0], h[1].doc_id))
    furniture = Counter((unit, page.site) for unit, page in hits)
    shared: dict[Page, list[str]] = {}
    for unit, page in hits:
        if furniture[(unit, page.site)] == 1:
            shared.setdefault(page, []).append(unit)
    credits = crediting(info)
    best = None
    for page, units in shared.items():
        named = any(same_outlet(c[0], page.site) for c in credits)
        if not named or page.doc_id == info.doc_id:
            continue
        words = _words(units)
        if words < MIN_SHARED_TOKENS or _long_before(info, page, before_h):
            continue
        key = (words, -(page.time if page.time is not None else math.inf), page.doc_id)
        if best is None or key > best[0]:
            best = (key, page, units)
    return None if best is None else best[1:]


def _words(units: list[str]) -> int:
    return sum(u.count(" ") + 1 for u in units)


def _long_before(info: Info, page: Page, hours: float) -> bool:
    if info.time is None or page.time is None:
        return False
    gap_h = (page.time - info.time.timestamp()) / 3600
    return gap_h > hours + info.slack_h + page.slack_h


def attached_row(info: Info, page: Page, units: list[str], origin_doc_id: str | None,
                 origin_outlet: str | None, confidence: float) -> Provenance:
    """The row of `info` as a copy of `page`, whose own row names the story's origin
    (`origin_doc_id`, `origin_outlet`) with `confidence`. It stays in no reuse family
    (family_id None); its parent is that page."""
    status, why = credit_status(info, origin_outlet, [page.site or ""])
    return Provenance(
        info.doc_id, None, origin_doc_id, origin_outlet, page.doc_id, status,
        round(min(0.7, confidence), 3),
        (f"in no reuse family, but its credit names {page.site} and it quotes "
         f"{len(units)} sentence(s) ({_words(units)} words) of that site's page of the story "
         f"({page.doc_id})", why))


def attach_quotes(singles: Mapping[str, Info], families: Iterable[list[Info]],
                  rows: Mapping[str, Provenance], before_h: float = 72.0
                  ) -> dict[str, Provenance]:
    """doc_id -> row for each document of `singles` (in no family) that quotes the page
    of a site its credit names (`choose`); `rows`: the family members' rows."""
    wanted: dict[str, list[str]] = {}
    for d, info in singles.items():
        for u in quote_units(info):
            wanted.setdefault(u, []).append(d)
    hits: dict[str, list[tuple[str, Page]]] = {}
    for members in families if wanted else ():
        for m in members:
            if not (wanted.keys().isdisjoint(m.units) and wanted.keys().isdisjoint(m.hidden)):
                for u, page in member_units(m):
                    for d in wanted.get(u, ()):
                        hits.setdefault(d, []).append((u, page))
    out = {}
    for d, found in hits.items():
        got = choose(singles[d], found, before_h)
        source = rows.get(got[0].doc_id) if got is not None else None
        if source is not None:
            out[d] = attached_row(singles[d], *got, source.origin_doc_id, source.origin_outlet,
                                  source.confidence)
    return out
