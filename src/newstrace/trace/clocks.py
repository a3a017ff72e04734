"""Per-site clocks: a site whose dates are all off by the same hours (a wrong clock, a
local time written without its zone) is found from corpus-wide evidence and corrected.

Evidence: a page whose credit names another family member's site came out after it,
typically a few hours after. Each such pair gives the difference of the two sites'
offsets plus a delay; the offsets are the medians that fit all pairs (a few rounds of
coordinate medians), anchored so that the typical site is right. A site with enough
pairs gets its dates shifted and its slack narrowed; the rest stay as they are.

A second pass (`ClockOptions.tree_pairs`) adds the copy trees a first trace (with the
credit pairs' offsets) finds: each copy came out after the parent it was placed under
(`tree_pairs`). With those, a site needs fewer pairs (`tree_min_pairs`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from statistics import median

from ..records import Provenance
from .members import Info
from .outlets import same_outlet


@dataclass(frozen=True, slots=True)
class ClockOptions:
    delay_h: float = 4.0  # typical gap between a page and a copy crediting it
    min_pairs: int = 10  # pairs a site needs before its offset is trusted
    min_shift_h: float = 4.0  # smaller offsets are left alone (noise)
    spread_h: float = 12.0  # slack after correction: spread_h / sqrt(pairs), at least min_slack_h
    min_slack_h: float = 3.0
    rounds: int = 8
    tree_pairs: bool = True  # a first trace's copy-tree edges are pairs too (a second pass)
    tree_min_pairs: int = 4  # pairs a site needs then (credit and tree pairs together)


def credit_pairs(families: Iterable[list[Info]], max_gap_h: float = 48.0
                 ) -> list[tuple[str, str, float]]:
    """(earlier site, later site, hours later minus earlier) for each page whose credit
    names another member's site; each document pair once."""
    out, seen = [], set()
    for members in families:
        for m in members:
            if not _timed(m) or not m.site or not m.credits:
                continue
            for x in members:
                key = (x.doc_id, m.doc_id)
                if x is m or key in seen or not x.site or not m.credits_outlet(x.site):
                    continue
                seen.add(key)
                pair = dated_pair(x, m, max_gap_h)
                if pair is not None:
                    out.append(pair)
    return out


def dated_pair(early: Info, late: Info, max_gap_h: float = 48.0
               ) -> tuple[str, str, float] | None:
    """(early's site, late's site, hours late came out after early) when both pages show a
    time of day, on two different sites, at most `max_gap_h` apart (farther apart: another
    story, or a lost date); else None."""
    if (not _timed(early) or not _timed(late) or not early.site or not late.site
            or same_outlet(early.site, late.site)):
        return None
    gap = (late.time - early.time).total_seconds() / 3600
    return (early.site, late.site, gap) if abs(gap) <= max_gap_h else None


def tree_pairs(members: list[Info], rows: Iterable[Provenance]
               ) -> list[tuple[str, str, tuple[str, str, float]]]:
    """(parent doc, copy doc, (parent's site, copy's site, hours later)) for each copy a
    trace placed under a parent, both dated with a time of day (`credit_pairs`' form);
    a copy whose credit names its parent's site is a credit pair already."""
    by_id = {m.doc_id: m for m in members}
    out = []
    for r in rows:
        parent, copy = by_id.get(r.parent_doc_id or ""), by_id.get(r.doc_id)
        if parent is None or copy is None or r.credit_status == "origin":
            continue
        pair = dated_pair(parent, copy)
        if pair is not None and not copy.credits_outlet(parent.site):
            out.append((parent.doc_id, copy.doc_id, pair))
    return out


def unique_pairs(found: Iterable[tuple[str, str, tuple[str, str, float]]]
                 ) -> list[tuple[str, str, float]]:
    """The pairs of `tree_pairs` (in order), each document pair once (a document in two
    families may sit under the same parent in both)."""
    seen, out = set(), []
    for parent, copy, pair in found:
        if (parent, copy) not in seen:
            seen.add((parent, copy))
            out.append(pair)
    return out


def site_offsets(pairs: list[tuple[str, str, float]], o: ClockOptions | None = None
                 ) -> dict[str, tuple[float, int]]:
    """site -> (hours its dates run ahead of the truth, pairs behind the estimate)."""
    o = o or ClockOptions()
    by_site: dict[str, list[tuple[str, float, int]]] = {}
    for early, late, gap in pairs:
        by_site.setdefault(late, []).append((early, gap, 1))
        by_site.setdefault(early, []).append((late, gap, -1))
    off = {s: 0.0 for s in by_site}
    fit = {s for s, obs in by_site.items() if len(obs) >= 3}  # estimated (trusted: min_pairs)
    for _ in range(o.rounds):
        for s, obs in by_site.items():
            if s not in fit:
                continue
            # later site: gap = delay + off_s - off_other; earlier: gap = delay + off_other - off_s
            samples = [(gap - o.delay_h + off[other]) if sign > 0 else (off[other] - gap + o.delay_h)
                       for other, gap, sign in obs]
            off[s] = median(samples)
        shift = median(off[s] for s in fit) if fit else 0.0  # the typical site keeps its clock
        off = {s: v - shift if s in fit else 0.0 for s, v in off.items()}
    return {s: (off[s], len(by_site[s])) for s in off if len(by_site[s]) >= o.min_pairs}


def _timed(m: Info) -> bool:
    """A time of day (a bare date says nothing about a clock)."""
    return m.time is not None and m.slack_h < 24


def shift_clocks(members: list[Info], offsets: dict[str, tuple[float, int]],
                 o: ClockOptions | None = None) -> dict[str, float]:
    """Apply site offsets (`site_offsets`) to one family's members, in place; returns
    site -> hours shifted."""
    o = o or ClockOptions()
    done: dict[str, float] = {}
    for m in members:
        if not _timed(m) or m.site not in offsets:
            continue
        hours, n = offsets[m.site]
        slack = max(o.min_slack_h, o.spread_h / math.sqrt(n))
        if abs(hours) >= o.min_shift_h:
            m.time = m.time - timedelta(hours=hours)
            done[m.site] = round(hours, 1)
        if slack < m.slack_h:
            m.slack_h = slack
    return done


def shift_families(families: Iterable[list[Info]], offsets: dict[str, tuple[float, int]],
                   o: ClockOptions | None = None) -> dict[str, float]:
    """`shift_clocks` on every family (in place); returns site -> hours shifted."""
    done: dict[str, float] = {}
    for members in families:
        done.update(shift_clocks(members, offsets, o))
    return done


def correct_clocks(families: list[list[Info]], o: ClockOptions | None = None) -> dict[str, float]:
    """Shift the dates of sites with a clear offset from the credit pairs alone (one pass,
    in place); returns site -> hours shifted."""
    o = o or ClockOptions()
    return shift_families(families, site_offsets(credit_pairs(families), o), o)
