"""Reprint families from verified alignments.

A link is strong (a copy) when its passages cover at least `strong_coverage`
of the shorter text. Families are connected components of strong links, cut
so that chains do not glue stories: in a component of three or more, the
anchor (most strong links) keeps only the members whose shared passages agree
with each other on the anchor's text; the rest form families of their own.
Documents that share a passage with a family but are no copy join it with
role "partial" (one row per family they share with). Partial links between
documents outside any family make stars (the best-linked document and its
partners, all "partial"), never chains. A family's id is its smallest copy
member's doc id (a star's: its hub's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import numpy as np

from ..records import Alignment, Member
from .options import ReuseOptions
from .passages import covered

_BINS = 256  # slices of the anchor text when checking that members agree


class _Links:
    """Per pair: spans on each side and the coverage they give."""

    def __init__(self, alignments: Iterable[Alignment], lengths: Mapping[str, int]):
        self.spans: dict[tuple[str, str], list[Alignment]] = defaultdict(list)
        for al in alignments:
            self.spans[(al.a, al.b)].append(al)
        self.lengths = lengths
        self.cov = {}
        for (a, b), als in self.spans.items():
            ca = covered([(x.a_start, x.a_end) for x in als]) / max(lengths.get(a, 1), 1)
            cb = covered([(x.b_start, x.b_end) for x in als]) / max(lengths.get(b, 1), 1)
            self.cov[(a, b)] = (min(ca, 1.0), min(cb, 1.0))

    def strong(self, a: str, b: str, threshold: float) -> bool:
        ca, cb = self.cov[(a, b)]
        return (ca if self.lengths.get(a, 0) <= self.lengths.get(b, 0) else cb) >= threshold

    def on(self, anchor: str, other: str) -> list[tuple[int, int]]:
        """The anchor's spans shared with `other`."""
        if (anchor, other) in self.spans:
            return [(x.a_start, x.a_end) for x in self.spans[(anchor, other)]]
        return [(x.b_start, x.b_end) for x in self.spans.get((other, anchor), [])]


def _components(nodes: list[str], adj: Mapping[str, set[str]]) -> list[list[str]]:
    seen, out, allowed = set(), [], frozenset(nodes)
    for n in sorted(nodes):
        if n in seen:
            continue
        comp, stack = [], [n]
        seen.add(n)
        while stack:
            cur = stack.pop()
            comp.append(cur)
            for nxt in adj.get(cur, ()):
                if nxt not in seen and nxt in allowed:
                    seen.add(nxt)
                    stack.append(nxt)
        out.append(sorted(comp))
    return out


def _bins(spans: list[tuple[int, int]], length: int) -> np.ndarray:
    """Which of _BINS equal slices of a text the spans cover whole (the one
    holding the middle of a span shorter than a slice)."""
    out = np.zeros(_BINS, dtype=bool)
    size = max(length, 1) / _BINS
    for s, e in spans:
        lo, hi = int(np.ceil(s / size)), int(e / size)
        if hi > lo:
            out[lo:hi] = True
        else:
            out[min(int((s + e) / 2 / size), _BINS - 1)] = True
    return out


def _cut(comp: list[str], adj: Mapping[str, set[str]], links: _Links) -> list[str]:
    """The members of a component that agree with its anchor's story.

    The anchor (most strong links) is cut in slices; the seed is the member
    that covers the most shared slice (the widest one on ties); members whose
    passages on the anchor meet the seed's stay, with those linked to them.
    """
    if len(comp) < 3:
        return comp
    inside = set(comp)
    anchor = min(comp, key=lambda d: (-len(adj[d] & inside), -links.lengths.get(d, 0), d))
    near = sorted(adj[anchor] & inside)
    length = links.lengths.get(anchor, 1)
    cover = np.array([_bins(links.on(anchor, m), length) for m in near])
    top = int(np.argmax(cover.sum(axis=0)))
    holders = np.flatnonzero(cover[:, top])
    seed = holders[np.argmax(cover[holders].sum(axis=1))]  # first of the widest
    keep = {anchor} | {near[i] for i in np.flatnonzero((cover & cover[seed]).any(axis=1))}
    stack = [m for m in keep if m != anchor]
    while stack:  # members linked only through a kept member (not the anchor)
        cur = stack.pop()
        for nxt in adj[cur] & inside:
            if nxt not in keep and nxt not in adj[anchor]:
                keep.add(nxt)
                stack.append(nxt)
    return sorted(keep)


def _split(comp: list[str], adj: Mapping[str, set[str]], links: _Links) -> list[list[str]]:
    """Cut a component where members share no text on the anchor; the rest again."""
    out, todo = [], [comp]
    while todo:
        cur = todo.pop()
        keep = _cut(cur, adj, links)
        out.append(keep)
        kept = set(keep)
        rest = [d for d in cur if d not in kept]
        todo.extend(_components(rest, adj))
    return sorted(out)


def families(alignments: Iterable[Alignment], lengths: Mapping[str, int],
             options: ReuseOptions | None = None) -> list[Member]:
    """Members of every family of two or more documents, sorted by (family_id, doc_id).

    `lengths` gives each document's text length in characters.
    """
    opt = options or ReuseOptions()
    links = _Links(alignments, lengths)
    adj: dict[str, set[str]] = defaultdict(set)
    for a, b in links.cov:
        if links.strong(a, b, opt.strong_coverage):
            adj[a].add(b)
            adj[b].add(a)
    family: dict[str, str] = {}
    for comp in _components(list(adj), adj):
        for fam in _split(comp, adj, links):
            if len(fam) >= 2:
                for d in fam:
                    family[d] = fam[0]
    partial: dict[str, set[str]] = defaultdict(set)  # doc -> families it partly shares
    loose: dict[str, set[str]] = defaultdict(set)  # partial links outside any family
    for a, b in links.cov:
        fa, fb = family.get(a), family.get(b)
        if fa is not None and fa == fb:
            continue
        if fb is not None:
            partial[a].add(fb)
        if fa is not None:
            partial[b].add(fa)
        if fa is None and fb is None:
            loose[a].add(b)
            loose[b].add(a)
    done: set[str] = set()  # partial links outside families: stars, not chains
    for hub in sorted(loose, key=lambda d: (-len(loose[d]), d)):
        if hub in done:
            continue
        for d in (hub, *loose[hub]):
            partial[d].add(hub)
            done.add(d)
    return _members(family, partial, links)


def _members(family: dict[str, str], partial: dict[str, set[str]], links: _Links) -> list[Member]:
    fams: dict[str, set[str]] = defaultdict(set)  # doc -> the families it is in
    for d, f in family.items():
        fams[d].add(f)
    for d, fs in partial.items():
        fams[d].update(fs)
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    copied = set(family.values())
    for (a, b), als in links.spans.items():
        for f in fams.get(a, set()) & fams.get(b, set()):
            # in a family of copies, text counts when shared with one of its copies
            if f not in copied or family.get(b) == f:
                spans[(a, f)].extend((x.a_start, x.a_end) for x in als)
            if f not in copied or family.get(a) == f:
                spans[(b, f)].extend((x.b_start, x.b_end) for x in als)
    rows = []
    for d, fs in fams.items():
        for f in fs:
            cov = covered(spans.get((d, f), [])) / max(links.lengths.get(d, 1), 1)
            role = "copy" if family.get(d) == f else "partial"
            rows.append(Member(d, f, role, round(min(cov, 1.0), 4)))
    rows.sort(key=lambda m: (m.family_id, m.doc_id))
    return rows
