"""Trace stage: for each reuse family, the origin, the copy tree, credit status and edits.

`trace_families(articles, members, alignments)` -> (provenance rows, edits).

How: each member becomes an `Info` (site, date with how far it may be off,
credits, dateline, sentences as text units, and the units only its removed lines
show, which are no edits; members.py); a site's own copyright
footer (naming the site, or on most of its pages in the corpus) is no credit.
Sites whose dates are off by a steady number of hours are corrected from the
credit pairs of the whole corpus (clocks.py). Sentences found in
several unrelated families are page furniture and dropped. A family chained by
a stray shared paragraph is traced as separate stories. Every hypothesis for
the origin (a member, or an outlet the credits and datelines name that is not
in the corpus) is scored by the likelihood of the copy tree rooted there
(origin.py, tree.py): edits (dropped / added passages, headline changes; a copy
of a copy shares its parent's), credits (a copy names the origin or its parent)
and dates (weighed with slack for zone-less and wrong clocks). Then the cheapest
copy tree gives each copy its parent (arborescence.py), then its credit status
(credit.py) and its edits against that parent (edits.py). A partial member
dated days before the origin or a month after the family's last copy, or sharing
under 12% of its text with the family (5% when it is a paragraph lifted whole),
did not take the passage from this story: it is its own origin, or a copy of the
outlet its credit names (a row other families' rows outrank).
Site clocks are fitted from credit pairs, then again with the copy trees of a
first trace (clocks.py). `outlet_stats` sums it up per outlet (stats.py).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..records import Alignment, Article, Edit, Member, Provenance
from ..reuse.passages import shared_paragraph
from .attach import attach_quotes
from .clocks import (
    ClockOptions,
    credit_pairs,
    shift_clocks,
    shift_families,
    site_offsets,
    tree_pairs,
    unique_pairs,
)
from .compare import restore_units
from .corpus import components
from .credit import credit_status
from .edits import diff_articles
from .members import (
    HABIT_STRENGTH,
    Info,
    build_info,
    credit_habits,
    find_titles,
    footers_of,
    site_footers,
)
from .origin import Origin, OriginOptions, find_origin
from .single import trace_single
from .stats import outlet_stats, read_outlets
from .tree import TreeOptions, build_tree

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TraceOptions:
    origin: OriginOptions = field(default_factory=OriginOptions)
    tree: TreeOptions = field(default_factory=TreeOptions)
    edits: bool = True  # compute Edit records (copy against parent)
    debris_families: int = 2  # a text unit found in this many families is debris, not story
    split_share: float = 0.3  # members sharing less than this share of units are different stories
    before_h: float = 72.0  # a partial member out this long before the origin is its own story,
    after_h: float = 720.0  # ... and one out this long after the family's last dated copy
    thin_share: float = 0.12  # a partial member sharing less of its text is its own story,
    thin_paragraph: float = 0.05  # ... unless it lifted a whole paragraph (`borrowed_pairs`)
    clocks: ClockOptions | None = field(default_factory=ClockOptions)  # None: take dates as shown


def trace_families(articles: Mapping[str, Article], members: Sequence[Member],
                   alignments: Sequence[Alignment] = (), *,
                   options: TraceOptions | None = None) -> tuple[list[Provenance], list[Edit]]:
    """Provenance for every article, and the edits of each copy against its parent.

    One row per document: a document in several families (a copy in one, a partial
    reuse in another) gets the row of the family holding most of its text. A family
    that is really two stories chained by a stray shared paragraph is traced as two
    (same family_id; the evidence says so). Members whose article is missing are
    skipped (logged). Alignments break ties between sources of a partial reuse.
    An article in no family gets family_id None: credited to the outside outlet its
    credit line or dateline names, else its own origin (single.py).
    """
    opts = options or TraceOptions()
    families: dict[str, list[Member]] = {}
    for m in members:
        if m.doc_id not in articles:
            log.warning("member %s of family %s has no article; skipped", m.doc_id, m.family_id)
            continue
        families.setdefault(m.family_id, []).append(m)
    footers = site_footers(articles.values())  # corpus-level: each site's own copyright lines
    infos = {fid: _infos(ms, articles, footers) for fid, ms in families.items()}
    _drop_debris(infos, opts.debris_families)
    # corpus-level: how often each site credits a source, smoothed toward the tree's flat rate
    credit_habits(list(infos.values()), HABIT_STRENGTH, 1 - opts.tree.p_names_none)
    pair_score = pair_scores(alignments)
    borrowed = borrowed_pairs(alignments, {d: a.text for d, a in articles.items()})
    if opts.clocks is not None:
        pairs = credit_pairs(list(infos.values()))
        offsets = site_offsets(pairs, opts.clocks)
        if opts.clocks.tree_pairs:  # a first trace: its copy trees are clock pairs too
            found = [p for fid in sorted(infos) for p in
                     first_pass_pairs(fid, infos[fid], opts, offsets, pair_score, borrowed)]
            offsets = site_offsets(pairs + unique_pairs(found),
                                   replace(opts.clocks, min_pairs=opts.clocks.tree_min_pairs))
        shifted = shift_families(infos.values(), offsets, opts.clocks)
        if shifted:
            log.info("site clocks corrected (hours): %s", shifted)
    rank = {(m.doc_id, m.family_id): member_rank(m, len(families[m.family_id]))
            for ms in families.values() for m in ms}
    ranked: dict[str, tuple[tuple, Provenance]] = {}
    for fid in sorted(infos):
        for r in trace_split(fid, infos[fid], opts, pair_score, borrowed):
            key = row_rank(rank[(r.doc_id, fid)], r)
            if r.doc_id not in ranked or key > ranked[r.doc_id][0]:
                ranked[r.doc_id] = key, r
    best = {d: r for d, (_, r) in ranked.items()}
    # documents in no family: a copy of the page they quote and credit, their own origin,
    # or a credited copy of an outside outlet
    singles = {d: build_info(a, "partial", footers_of(a, footers))
               for d, a in articles.items() if d not in best and a.credits}
    best.update(attach_quotes(singles, infos.values(), best, opts.before_h))
    for d, a in articles.items():
        if d not in best:
            best[d] = trace_single(a, footers_of(a, footers))
    prov = [best[d] for d in sorted(best)]
    edits: list[Edit] = []
    if opts.edits:
        for r in prov:
            if r.parent_doc_id and r.credit_status != "origin" and r.parent_doc_id in articles:
                edits += diff_articles(articles[r.doc_id], articles[r.parent_doc_id])
    return prov, edits


def _infos(ms: list[Member], articles: Mapping[str, Article],
           footers: dict[str, frozenset[str]]) -> list[Info]:
    memo: dict[str, list[str]] = {}  # copies share paragraphs: their units are found once
    return [build_info(articles[m.doc_id], m.role, footers_of(articles[m.doc_id], footers),
                       m.coverage, memo) for m in ms]


def member_rank(m: Member, size: int) -> tuple[bool, float, int]:
    """How strongly a document belongs to a family of `size` members: a document in
    several keeps the row of the family ranked highest (the first such family id)."""
    return (m.role != "partial", m.coverage, size)


def row_rank(rank: tuple, row: Provenance) -> tuple:
    """`member_rank` of the row's document in its family, below every other row when that
    family found it is its own story (`_own_story`): another family may hold its source."""
    return (not any(e.startswith(OWN_STORY) for e in row.evidence), *rank)


def trace_split(fid: str, members: list[Info], opts: TraceOptions,
                pair_score: Mapping[frozenset, float] | None = None,
                borrowed: Collection[frozenset] = ()) -> list[Provenance]:
    """`trace_family` on each story of the family (`split_family`), evidence noting a split.
    A partial member sharing under `thin_share` of its text (a quote, a stock sentence) is
    its own story: it is left out and gets the row of a document in no family. One that
    borrowed a whole paragraph of a member (`borrowed`, see `borrowed_pairs`: a roundup)
    stays down to `thin_paragraph`. One out `after_h` hours after the family's last dated
    copy is its own story too: it reused older text, it is no part of that story's run."""
    thin = [m for m in members if m.role == "partial" and m.coverage < opts.thin_share
            and not (m.coverage >= opts.thin_paragraph and _borrows(m, members, borrowed))]
    out: list[Provenance] = [_own_story(m, fid, f"shares {m.coverage:.0%} of its text with the "
                                        "family: not a copy of that story") for m in thin]
    members = [m for m in members if m not in thin]
    last = max((m for m in members if m.role != "partial" and m.time is not None),
               key=lambda m: m.time, default=None)
    if last is not None:
        late = [m for m in members if m.role == "partial" and _long_before(last, m, opts.after_h)]
        out += [_own_story(m, fid, f"shares a passage with the family but came out "
                                   f"{(m.time - last.time).total_seconds() / 86400:.0f} day(s) "
                                   "after its last copy") for m in late]
        members = [m for m in members if m not in late]
    if not members:
        return out
    parts = split_family(members, opts.split_share)
    for k, part in enumerate(parts):
        rows = trace_family(fid, part, opts, pair_score)
        if len(parts) > 1:
            note = f"traced apart: story {k + 1} of {len(parts)} in this reuse family"
            rows = [replace(r, evidence=(note, *r.evidence)) for r in rows]
        out += rows
    return out


def first_pass_pairs(fid: str, members: list[Info], opts: TraceOptions,
                     offsets: Mapping[str, tuple[float, int]],
                     pair_score: Mapping[frozenset, float] | None = None,
                     borrowed: Collection[frozenset] = ()) -> list[tuple]:
    """The clock pairs (`clocks.tree_pairs`) of the family's copy trees, traced on a copy
    of `members` with clocks shifted by `offsets`; `members` stay as they are (the trace
    sets their fields anew, but for credits, which it appends to)."""
    work = [replace(m, credits=list(m.credits)) for m in members]
    shift_clocks(work, dict(offsets), opts.clocks)
    return tree_pairs(members, trace_split(fid, work, opts, pair_score, borrowed))


def trace_family(fid: str, members: list[Info], opts: TraceOptions,
                 pair_score: Mapping[frozenset, float] | None = None) -> list[Provenance]:
    members = sorted(members, key=lambda m: m.doc_id)  # same answer whatever the input order
    if len(members) == 1:
        m = members[0]
        return [Provenance(m.doc_id, fid, m.doc_id, m.site, None, "origin", 1.0,
                           ("only member of its family",))]
    restore_units(members)  # lines a cleaner removed on one page and kept on others
    mark_carried(members)
    origin: Origin = find_origin(members, opts.origin, opts.tree)
    find_titles(members)  # places copies; the origin is chosen on the headlines the cleaner found
    edges = build_tree(members, origin.doc_id, origin.outlet, opts.tree, dict(pair_score or {}),
                       root_like=origin.root_like)
    sites = [m.site for m in members if m.site]
    first = next((m for m in members if m.doc_id == origin.doc_id), None)
    out = []
    for m in members:
        if m.role == "partial" and first is not None and _long_before(m, first, opts.before_h):
            days = (first.time - m.time).total_seconds() / 86400
            out.append(_own_story(m, fid, f"shares a passage with the family but came out "
                                          f"{days:.0f} day(s) before its origin"))
            continue
        if m.doc_id == origin.doc_id:
            out.append(Provenance(m.doc_id, fid, m.doc_id, origin.outlet, None, "origin",
                                  origin.confidence, origin.evidence))
            continue
        edge = edges[m.doc_id]
        status, why = credit_status(m, origin.outlet, sites)
        ev = (*edge.why, why)
        if origin.doc_id is None:
            ev = (*origin.evidence, *ev)
        out.append(Provenance(m.doc_id, fid, origin.doc_id, origin.outlet, edge.parent,
                              status, round(min(edge.confidence, origin.confidence), 3), ev))
    return out


def _long_before(m: Info, other: Info, hours: float) -> bool:
    """Whether `m` came out `hours` (beyond both dates' slack) before `other`."""
    if m.time is None or other.time is None:
        return False
    gap_h = (other.time - m.time).total_seconds() / 3600
    return gap_h > hours + m.slack_h + other.slack_h


OWN_STORY = "its own story: "  # the evidence of `_own_story` rows starts so


def _own_story(m: Info, fid: str, why: str) -> Provenance:
    """The row of a partial member that did not take the shared passage from this story
    (`why`): its own origin, or the outlet its credit names."""
    why = OWN_STORY + why
    named = next((c for c in m.credits if c[2] not in ("mention", "copyright")), None)
    if named is None and m.agency:  # the order of `single._named_outlet`
        named = (m.agency, m.agency, "agency")
    if named is None:
        named = next((c for c in m.credits if c[2] == "copyright"), None)
    if named is None:
        return Provenance(m.doc_id, fid, m.doc_id, m.site, None, "origin", 0.5,
                          (why, "no credit line or dateline names another outlet"))
    return Provenance(m.doc_id, fid, None, named[0], None, "credited", 0.5,
                      (why, f"credit line names the source: {named[1]}"))


def mark_carried(members: list[Info], share: float = 0.8, link_share: float = 0.5) -> None:
    """Credit lines (nearly) every member has, word for word, came with the text: they say
    where the text came from, not who copied whom. Move them to `carried`. A bare link
    (a dropped line ending in a domain, "More info: www.maker.com") is text already when
    half the members have it."""
    if len(members) < 2:
        return
    from .members import norm

    keys = [[norm(c[1]) for c in m.credits] for m in members]
    count: dict[str, int] = {}
    links: set[str] = set()
    for m, ks in zip(members, keys, strict=True):
        for key in set(ks):
            count[key] = count.get(key, 0) + 1
        links |= {k for c, k in zip(m.credits, ks, strict=True) if c[2] == "mention"}
    common = {k for k, n in count.items()
              if n >= 2 and n >= (link_share if k in links else share) * len(members)}
    if not common:
        return
    for m, ks in zip(members, keys, strict=True):
        m.carried = [c for c, k in zip(m.credits, ks, strict=True) if k in common]
        m.credits = [c for c, k in zip(m.credits, ks, strict=True) if k not in common]


def split_family(members: list[Info], share: float) -> list[list[Info]]:
    """A family chained together by a shared stray paragraph is two stories: split it
    where full copies share less than `share` of the smaller one's text units."""
    full = [m for m in members if m.role != "partial"]
    if len(full) < 4:
        return [members]
    group = {m.doc_id: i for i, m in enumerate(full)}

    def root(i: int) -> int:
        while group[full[i].doc_id] != i:
            i = group[full[i].doc_id]
        return i

    for i, a in enumerate(full):
        for j in range(i + 1, len(full)):
            b = full[j]
            small = min(len(a.units), len(b.units)) or 1
            shared = sum(1 for u in a.units if u in b.units)
            if shared >= 2 and shared / small >= share:
                ra, rb = root(i), root(j)
                if ra != rb:
                    group[full[rb].doc_id] = ra
    comps: dict[int, list[Info]] = {}
    for i in range(len(full)):
        comps.setdefault(root(i), []).append(full[i])
    if len(comps) == 1:
        return [members]
    parts = sorted(comps.values(), key=lambda c: -len(c))
    for m in members:
        if m.role == "partial":  # goes with the part it shares most with
            best = max(parts, key=lambda c: sum(1 for x in c for u in m.units if u in x.units))
            best.append(m)
    return parts


def _drop_debris(infos: dict[str, list[Info]], limit: int) -> None:
    """Text units (sentences) seen in `limit` or more unrelated families are page furniture.
    Families that share a document count as one here."""
    comp = _components(infos)
    seen: dict[str, set[str]] = {}
    for fid, ms in infos.items():
        for m in ms:
            for u in m.units:
                seen.setdefault(u, set()).add(comp[fid])
    common = {u for u, groups in seen.items() if len(groups) >= limit}
    if not common:
        return
    for ms in infos.values():
        drop_units(ms, common)


def drop_units(members: list[Info], common) -> None:
    """Leave the text units in `common` (debris) out of each member's units."""
    for m in members:
        m.units = {u: i for u, i in m.units.items() if u not in common}


def _components(infos: dict[str, list[Info]]) -> dict[str, str]:
    """family id -> a representative of the families linked to it through shared documents."""
    fams: dict[str, list[str]] = {}
    for fid, ms in infos.items():
        for m in ms:
            fams.setdefault(m.doc_id, []).append(fid)
    linked = components(fs for fs in fams.values() if len(fs) > 1)
    return {fid: linked.get(fid, fid) for fid in infos}


def _borrows(m: Info, members: list[Info], borrowed: Collection[frozenset]) -> bool:
    return any(frozenset((m.doc_id, x.doc_id)) in borrowed for x in members if x is not m)


def borrowed_pairs(alignments: Iterable[Alignment], texts: Mapping[str, str]) -> set[frozenset]:
    """Document pairs sharing a passage that is a whole paragraph in both texts: a page
    that lifts a paragraph whole borrowed it; two reports sharing a quote inside their own
    sentences may both have it from the speaker."""
    out = set()
    for a in alignments:
        ta, tb = texts.get(a.a), texts.get(a.b)
        if (ta is not None and tb is not None
                and shared_paragraph(ta, (a.a_start, a.a_end), tb, (a.b_start, a.b_end))):
            out.add(frozenset((a.a, a.b)))
    return out


def pair_scores(alignments: Sequence[Alignment]) -> dict[frozenset, float]:
    out: dict[frozenset, float] = {}
    for a in alignments:
        key = frozenset((a.a, a.b))
        out[key] = out.get(key, 0.0) + a.identity * (a.a_end - a.a_start)
    return out


__all__ = ["trace_families", "trace_family", "TraceOptions", "OriginOptions", "TreeOptions", "ClockOptions",
           "outlet_stats", "read_outlets", "diff_articles", "trace_split", "member_rank", "row_rank", "drop_units",
           "pair_scores", "borrowed_pairs", "first_pass_pairs"]
