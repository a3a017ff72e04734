"""Which member published first, or which outlet it must have been when the origin
is not in the corpus.

Each hypothesis ("member m is the origin", "outlet X, absent from the corpus, is
the origin") is scored as a log-likelihood: the copy tree rooted there (each
copy's edits, credits and dates against its parent, see tree.py), plus what
only the origin says (an origin rarely credits another outlet), the dateline
and credit lines every copy carries (they travel with the text), the outlet the text's
own reporting names ("told Reuters", reporter.py; it travels too), and a prior on the
origin being absent. Each copy's credit is weighed in the tree, edge by edge (a loose line
naming an outlet another copy credits is a credit there too); no vote of the crediting
copies is added on top (it counted the same credits twice: a copy that most copies credit
as their parent beat the origin). An outside outlet only one copy names loses against a
best member that other copies credit.
A credit that links to a story there (a URL with a story's path, members.story_link)
is firmer than a bare name: it loses less as a lone credit, and a member whose own
credit links elsewhere is a less likely origin.
Dates: the root's date against each member counts once (half in the root's own
term, half from its children's edges; OriginOptions.root_edge_time), not twice. All
those pairs are one observation of the root's clock, which may simply be wrong: a root
dated after every copy loses at most log(p_root_clock), however many copies (root_time).
Present-or-absent is decided first by summing over
the members, then the best hypothesis of that kind wins. No single clue, a
date least of all, decides alone. Edits two copies share place one under the
other in the final tree but do not score the roots (an origin page the cleaner
cut short would look like a copy that dropped what the others share). Headlines
the cleaner removed do not score the roots either (the root is chosen on the
headlines it found); other removed sentences do (see tree.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .members import Info, full_members, link_credits, link_outlet, order_ll
from .outlets import canonical, host_of, same_outlet
from .reporter import reporter_of, told_names
from .tree import TreeOptions, build_tree


@dataclass(frozen=True, slots=True)
class OriginOptions:
    p_origin_credits: float = 0.005  # an origin page with a credit line naming another outlet
    p_origin_links: float = 0.002  # the same with a link to a story there
    p_dateline_match: float = 0.9  # the text's dateline agency names the origin outlet
    p_dateline_other: float = 0.14  # an origin in the corpus runs another agency's dateline
    p_bad_clock: float = 0.2  # a site's clock (or zone) is simply wrong (evidence text only)
    p_absent: float = 0.2  # prior: the origin is not in the corpus
    max_candidates: int = 8  # members scored with a full tree (large families)
    root_time_weight: float = 0.5  # the origin came out before every member, not only its children
    absent_texts: int = 3  # copies whose text is tried as the absent origin's (besides the consensus)
    lone_absent_penalty: float = 2.0  # an outside outlet only one copy's credit names
    lone_linked_penalty: float = 0.5  # the same when that credit links to a story there
    root_edge_time: float = 0.5  # the root's children: share of their date terms kept (with
    # root_time_weight, each root-child date pair then counts once)
    p_root_clock: float = 0.15  # the root's own clock is wrong (explains all its date pairs)
    p_told: float = 0.85  # the outlet the text's reporting names ("told Reuters") is the origin
    same_text: float = 0.7  # a copy that changed nothing of its parent's text or headline
    # (`TreeOptions.same_text`, in the candidate roots' trees only): copies mostly change
    # something, the origin need not; it sets the root apart, not the parents


@dataclass(frozen=True, slots=True)
class Origin:
    doc_id: str | None
    outlet: str | None
    confidence: float
    evidence: tuple[str, ...]
    scores: tuple[tuple[str, float], ...] = ()
    root_like: str | None = None  # absent origin: the member whose text stands for it


def _log(p: float) -> float:
    return math.log(max(p, 1e-9))


def _counted(c: Info, family_sites: list[str], outlet: str | None) -> list[str]:
    """A member's credit mentions; loose mentions count only when they name the family."""
    out = []
    for mention, _line, form in c.credits:
        if form == "mention" and not (
                same_outlet(mention, outlet) or any(same_outlet(mention, s) for s in family_sites)):
            continue
        out.append(mention)
    return out


def _named_by(members: list[Info], outlet: str | None) -> list[str]:
    return [c.doc_id for c in members if outlet and c.credits_outlet(outlet)]


def dateline_ll(members: list[Info], outlet: str | None, o: OriginOptions,
                absent: bool = False) -> tuple[float, int]:
    """The dateline travels with the text: one observation per family, not per member.
    Credit lines every copy carries (part of the text, e.g. "© The Associated Press")
    count the same way; a bare link every copy carries ("More info: www.maker.com") does not.
    A page that only shares a passage heads its own text: its dateline is no observation."""
    members = full_members(members)
    agencies = [c.agency for c in members if c.agency]
    agencies += [next(x[0] for x in c.carried if x[2] != "mention") for c in members
                 if not c.agency and any(x[2] != "mention" for x in c.carried)]
    if not agencies:
        return 0.0, 0
    hits = sum(1 for a in agencies if same_outlet(a, outlet))
    if hits * 2 >= len(agencies):
        return _log(o.p_dateline_match), hits
    return _log(1 - o.p_dateline_match if absent else o.p_dateline_other), hits


def _reporter(members: list[Info]) -> str | None:
    """The outlet most full members' texts name in their own reporting ("told Reuters"):
    an outlet a member's site, credit or dateline names, or one the outlet table knows."""
    full = full_members(members)
    names = [told_names(m.text) for m in full]  # read here: only families need them
    if not any(names):
        return None
    known = [x for m in members for x in
             ([m.site] if m.site else []) + [c[0] for c in m.credits + m.carried]
             + ([m.agency] if m.agency else [])]
    return reporter_of(names, known)


def told_ll(reporter: str | None, outlet: str | None, o: OriginOptions) -> float:
    if reporter is None:
        return 0.0
    return _log(o.p_told if same_outlet(reporter, outlet) else 1 - o.p_told)


def _dated_before(members: list[Info], root: Info, p_bad_clock: float) -> int:
    return sum(1 for c in members if c is not root and order_ll(root, c, p_bad_clock) < -0.5)


def _external(members: list[Info]) -> list[tuple[str, int, int]]:
    """Outlets named by credits or datelines that no full member's site is: (mention, credits,
    datelines). A page that only shares a paragraph (a site's promo line) may be by the
    absent origin's outlet: its site does not count as present."""
    groups: list[list] = []
    full = full_members(members)  # a partial one is no origin
    for m in members:
        named = [(c[0], 1) for c in m.credits if c[2] != "mention" or host_of(c[0])]
        if m.agency:
            named.append((m.agency, 2))
        for mention, kind in named:
            if any(same_outlet(mention, x.site) for x in full):
                continue
            g = next((g for g in groups if same_outlet(mention, g[0])), None)
            if g is None:
                g = [mention, set(), set()]
                groups.append(g)
            g[kind].add(m.doc_id)
    return [(g[0], len(g[1]), len(g[2])) for g in groups]


def root_time(m: Info, dated: float, o: OriginOptions) -> float:
    """What the dates say of `m` as the origin: `dated`, the sum of its date pairs with the
    other members (`order_ll`, each allowing for the other page's clock being wrong), mixed
    with the chance `p_root_clock` that its own clock is wrong, which explains all its
    pairs at once (a root dated after every copy loses at most log(p_root_clock))."""
    if not o.p_root_clock or m.time is None:
        return dated
    q = o.p_root_clock
    return math.log((1 - q) * math.exp(min(dated, 50.0)) + q)


def _prelim(m: Info, members: list[Info]) -> tuple:
    by = sum(1 for x in members if x.named and m.doc_id in x.named)
    return (-by, m.time.timestamp() if m.time else float("inf"))


def find_origin(members: list[Info], options: OriginOptions | None = None,
                tree: TreeOptions | None = None) -> Origin:
    o = options or OriginOptions()
    # shared edits place a copy under the copy it took them from, and a sister site's copy
    # under its network's first page; they do not move the root. A verbatim copy does.
    tree = replace(tree or TreeOptions(), shared_add=0.0, inner_drop=0.0, sister_feed=0.0,
                   split_events=False, hidden_titles=False, same_text=o.same_text)
    externals = _external(members)
    told = _reporter(members)
    if told and not any(same_outlet(told, x.site) for x in members if x.role != "partial"):
        hit = next((i for i, e in enumerate(externals) if same_outlet(told, e[0])), None)
        if hit is None:
            externals.append((told, 0, 1))
        else:
            externals[hit] = (externals[hit][0], externals[hit][1], externals[hit][2] + 1)
    for mention, _, _ in externals:  # loose lines naming an outlet others credit
        link_outlet(members, mention)
    link_credits(members)
    full = full_members(members)
    limit = min(o.max_candidates, max(2, 400 // len(full)))  # large families: fewer trees
    cands = sorted(full, key=lambda m: _prelim(m, members))[:limit]
    sites = [x.site for x in members if x.site]
    scored: list[tuple[float, str | None, str | None, list[str], str | None]] = []
    cache: dict = {}  # text comparisons shared by the trees from every candidate root
    for m in cands:
        edges = build_tree(members, m.doc_id, m.site, tree, cache=cache)
        own = _counted(m, sites, m.site)
        p_own = o.p_origin_links if any(m.links_outlet(x) for x in own) else o.p_origin_credits
        dl, dl_hits = dateline_ll(members, m.site, o)
        kids = tree.time_weight * sum(order_ll(m, c, tree.p_bad_clock) for c in full
                                      if c is not m and edges[c.doc_id].parent == m.doc_id)
        dated = o.root_time_weight * sum(order_ll(m, c, o.p_bad_clock) for c in full if c is not m)
        dated += o.root_edge_time * kids  # the root's children: each date pair counts once
        ll = (_log(1 - o.p_absent) - math.log(len(full)) + dl + root_time(m, dated, o)
              + told_ll(told, m.site, o)
              + _log(p_own if own else 1 - o.p_origin_credits)
              - sum(e.cost for e in edges.values()) - kids)  # (kids: taken out of the edges)
        ev = []
        named = _named_by(members, m.site)
        if named:
            ev.append(f"{len(named)} member(s) credit its site ({m.site})")
        if dl_hits:
            ev.append(f"{dl_hits} dateline(s) or carried credit(s) name it")
        if told and same_outlet(told, m.site):
            ev.append(f"the text's own reporting names its site ({told}: \"told ...\" and the like)")
        if own:
            ev.append(f"it credits another outlet itself ({own[0]})")
        if m.time is not None:
            early = _dated_before(members, m, o.p_bad_clock)
            ev.append(f"{early} member(s) dated before it ({m.time_text}): clocks or zones off"
                      if early else f"no member dated clearly before it ({m.time_text})")
        text = sum(e.text_cost for e in edges.values())
        ev.append(f"the copy tree from it needs {text:.1f} text edits")
        scored.append((ll, m.doc_id, m.site, ev, None))
    roots = [None] + [m.doc_id for m in cands[:o.absent_texts]]
    lead_id = max(scored, key=lambda t: t[0])[1]
    lead = next(m for m in cands if m.doc_id == lead_id)
    for mention, n_credits, n_datelines in externals:
        dl, dl_hits = dateline_ll(members, mention, o, absent=True)
        # the absent origin's text: the copies' consensus, or one copy's text as it stands
        cost, like, edges = min(((sum(e.cost for e in t.values()), r, t) for r in roots
                                 for t in [build_tree(members, None, mention, tree, root_like=r,
                                                          cache=cache)]),
                                key=lambda x: x[0])
        ll = _log(o.p_absent) + dl - cost + told_ll(told, mention, o)
        links = sum(1 for x in members if x.links_outlet(mention))
        # the best member is one others credit, and it does not itself point at the outside outlet
        inside = not lead.credits_outlet(mention) and any(
            x.named and lead.doc_id in x.named and not x.credits_outlet(mention) for x in members)
        if n_credits <= 1 and not n_datelines and not dl_hits and inside:
            # one copy's credit against copies crediting a member; a story link weighs more
            ll -= o.lone_linked_penalty if links else o.lone_absent_penalty
        text = sum(e.text_cost for e in edges.values())
        ev = [f"origin not in the corpus: {len(_named_by(members, mention))} credit(s) and "
              f"{dl_hits} dateline(s) name {mention}",
              f"the copy tree from the copies' common text needs {text:.1f} text edits"]
        if links:
            ev.append(f"{links} credit(s) link to a story on {canonical(mention)}")
        if told and same_outlet(told, mention):
            ev.append(f"the copies' text names it as the outlet that reported the story "
                      f"(\"told {told}\" and the like)")
        scored.append((ll, None, canonical(mention), ev, like))
    scored.sort(key=lambda t: -t[0])
    # present or absent first (summing over the members), then the best of that kind
    top = scored[0][0]
    mass_in = sum(math.exp(s[0] - top) for s in scored if s[1] is not None)
    mass_out = sum(math.exp(s[0] - top) for s in scored if s[1] is None)
    inside = mass_in >= mass_out
    best = next(s for s in scored if (s[1] is not None) == inside)
    conf = math.exp(best[0] - top) / (mass_in + mass_out)
    table = tuple((s[1] or f"absent:{s[2]}", round(s[0], 2)) for s in scored)
    return Origin(best[1], best[2], round(conf, 3), tuple(best[3]), table, best[4])
