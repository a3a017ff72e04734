"""The copy tree: each copy's parent, stemmatology-style.

A copy of a copy carries its parent's edits (dropped paragraphs, an added intro,
a reworded sentence, a new headline). The cost of explaining copy `c` from
candidate `p` counts the units `c` has that `p` lacks (additions) plus, at a
lower weight, the units `p` has that `c` lacks (drops); a new passage in the
middle of the body costs more (copies abridge), so does a passage cut from the
middle (the ends come and go with extraction), and so does an edit another copy
made too (the same sentence changed the same way, a passage before the last
paragraph: made twice, or taken from that copy); credits naming `p` and
timestamps shift the cost; an uncredited copy costs what its site's habit says (a
site that credits its sources on most pages rarely copies without one). Sister sites
(one owner's copyright footer on both) run one feed: a copy there is cheaper under the
network's first page of the story (`sister_feed`), which text alone cannot tell from
the other sisters' identical copies. In the origin search, a copy that changed nothing
of its parent's text or headline costs a little more (`same_text`): copies mostly change
something, so a page no edit of its own sets apart is more likely the origin than a
verbatim copy of it. The tree is the cheapest one over all the copies' candidate
parents (Chu-Liu/Edmonds: each copy takes its cheapest parent, and where two copies
would descend from each other, the cycle is opened where that costs least). Next to
each other, an edit the copies share and one a copy made alone are two edit events. A
unit a text shows only among the lines its cleaner removed is no edit of that text:
whether it has it is unknown, so it is neither dropped nor added against it (a line
two copies' cleaners dropped is no shared cut).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .arborescence import min_arborescence
from .compare import (
    consensus,
    holders_of,
    inner_gaps,
    inner_units,
    inserts,
    known,
    runs,
    shares_an_edit,
    unit_list,
)
from .members import Info, is_title_unit, link_credits, order_ll
from .outlets import same_outlet

ROOT = "\x00root"  # the origin when it is not in the corpus
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TreeOptions:
    """Costs are negative log-likelihoods (nats) of "child copied candidate"."""

    drop_weight: float = 0.65  # a dropped unit is weaker evidence than an added one
    unit_cost: float = 1.8  # nats per unit of text difference (added + drop_weight * dropped)
    p_root: float = 0.58  # prior: a copy copies the origin (the rest: one of the other copies)
    # what a copy's credit names, given its parent: the origin | its parent (a copy) | ...
    p_names_origin_direct: float = 0.45  # parent is the origin, credit names it
    p_names_parent: float = 0.35  # parent is a copy, credit names the parent's site
    p_names_origin_via: float = 0.4  # parent is a copy, credit names the origin
    p_names_bystander: float = 0.0071  # credit names a family member that is not the parent
    p_names_outsider: float = 0.04  # credit names an outlet outside the family (miscredit)
    p_names_outsider_linked: float = 0.008  # the same by a credit linking to a story there
    p_names_none: float = 0.47  # no credit line
    p_bad_clock: float = 0.15  # a site's clock (or zone) is simply wrong
    time_weight: float = 1.0
    lede_extra: float = 1.4  # copies keep the first paragraph: dropping it costs this much more
    insert_extra: float = 0.5  # copies abridge: a new passage in the middle of the body costs more
    headline_grow: float = 0.5  # a copy's headline containing its parent's is the likely way round
    max_parents: int = 40  # in larger families, only the closest copies are candidate parents
    shared_add: float = 1.5  # an edit another copy made too: made twice, or taken from that copy
    inner_drop: float = 0.6  # a passage cut from the middle is an edit; the ends come and go
    split_events: bool = True  # units the same members share make one edit event, not a run
    hidden_titles: bool = True  # a headline in a removed line of the other text is no edit
    habit_weight: float = 1.0  # an uncredited copy: weigh its site's credit habit (0: a flat rate)
    sister_feed: float = 3.0  # a copy under its network's first page of the story (`_feeds`):
    #                           this much cheaper (sister sites share an owner's footer)
    same_text: float = 0.0  # a copy that changed nothing of its parent's text or headline
    #                         (the origin search sets it: `OriginOptions.same_text`)


@dataclass(frozen=True, slots=True)
class Edge:
    child: str
    parent: str | None  # None: the origin, which is not in the corpus
    cost: float
    text_cost: float  # the text part of `cost`: units added + drop_weight * units dropped
    confidence: float
    why: tuple[str, ...]


@dataclass(slots=True)
class _Family:
    """What the trees of one family share whatever their root: the members' units and
    the text comparison of two texts (a cache kept across find_origin's candidate roots)."""

    key: tuple
    by_id: dict[str, Info]
    orders: dict[str, list[str]]
    units: dict[str, set[str]]
    held: Counter
    inner: dict[str, set[str]]
    holders: dict[str, tuple[int, ...]] | None
    hidden: dict[str, frozenset[str]]
    pairs: dict[tuple[str, str | None], tuple]
    clock: dict[tuple[str, str], float]
    common: tuple[set[str], list[str]] | None = None  # the copies' consensus and its order


def _family(members: list[Info], o: TreeOptions, cache: dict | None) -> _Family:
    key = (tuple(map(id, members)), o)
    fam = cache.get("family") if cache is not None else None
    if fam is not None and fam.key == key:
        return fam
    orders = {m.doc_id: unit_list(m) for m in members}
    units = {d: set(v) for d, v in orders.items()}
    text = set().union(*units.values())
    hidden = {m.doc_id: m.hidden & text for m in members}  # units another member shows
    if not o.hidden_titles:
        hidden = {d: frozenset(u for u in h if not is_title_unit(u)) for d, h in hidden.items()}
    fam = _Family(key, {m.doc_id: m for m in members}, orders, units,
                  Counter(u for m in members if m.role != "partial" for u in units[m.doc_id]),
                  {m.doc_id: inner_units(m) for m in members},
                  holders_of(members, units) if o.split_events else None, hidden, {}, {})
    if cache is not None:
        cache["family"] = fam
    return fam


def _common(fam: _Family, members: list[Info]) -> tuple[set[str], list[str]]:
    """The absent origin's units (the consensus), in their mean relative place among the copies."""
    if fam.common is None:
        root_units = consensus(members)
        place: dict[str, list[float]] = {}
        for v in fam.orders.values():
            for i, u in enumerate(v):
                if u in root_units:
                    place.setdefault(u, []).append(i / max(1, len(v)))
        fam.common = root_units, sorted(place, key=lambda u: (sum(place[u]) / len(place[u]), u))
    return fam.common


def build_tree(members: list[Info], origin_doc: str | None, origin_outlet: str | None,
               options: TreeOptions | None = None,
               pair_score: dict[frozenset, float] | None = None,
               root_like: str | None = None, cache: dict | None = None) -> dict[str, Edge]:
    """Each member's parent (origin excluded). Parent None = the absent origin.
    `pair_score` (aligned characters per document pair) breaks ties for partial reuse.
    `root_like`: a member whose text stands for the absent origin's (else the consensus).
    `cache`: a dict passed to every call on the same members and options (the text
    comparisons do not depend on the root; they are made once)."""
    o = options or TreeOptions()
    if any(m.named is None for m in members):
        link_credits(members)
    fam = _family(members, o, cache)
    by_id, units = fam.by_id, fam.units
    text_of = origin_doc or root_like
    root_units = units[text_of] if text_of else _common(fam, members)[0]
    root_key = origin_doc or ROOT
    full = [m for m in members if m.role != "partial" and m.doc_id != origin_doc]
    parts = [m for m in members if m.role == "partial" and m.doc_id != origin_doc]
    options_of: dict[str, list[tuple[float, str]]] = {}
    text_costs: dict[tuple[str, str], float] = {}
    root_info = by_id.get(origin_doc) if origin_doc else None
    logs = _Logs(o, len(full))
    feeds = _feeds(full, root_info, origin_outlet) if o.sister_feed else {}
    for c in full:
        cands = []
        # what the child's credits say whatever the parent: they name the origin, an outsider,
        # an outsider with a link to the story
        says = (bool(origin_outlet) and c.credits_outlet(origin_outlet),
                any(form != "mention" for _, _, form in c.credits),
                any(form != "mention" and mention in c.linked for mention, _, form in c.credits))
        pool = [(root_key, root_info, text_of)] + [
            (p.doc_id, p, p.doc_id) for p in _parent_pool(c, full, units, o.max_parents)]
        for key, p, src in pool:
            counts = _pair(fam, members, o, c.doc_id, src)
            t = _clock(fam, p, c, o.p_bad_clock) if p is not None else None
            cost, tc = _cost_plain(c, p, counts, says, t, o, key == root_key, logs)
            if counts[-1]:
                cost += o.shared_add  # one event, however many units
            if key == feeds.get(c.doc_id):
                cost -= o.sister_feed
            cands.append((cost, key))
            text_costs[(c.doc_id, key)] = tc
        cands.sort(key=lambda t: t[0])
        options_of[c.doc_id] = cands
    tree = _min_tree(options_of, root_key)
    choice = {c: next(t for t in opts if t[1] == tree[c]) for c, opts in options_of.items()}
    edges = {}
    for c, (cost, parent) in choice.items():
        alts = [t for t in options_of[c] if t[1] != parent]
        margin = (alts[0][0] - cost) if alts else 3.0
        conf = round(min(0.99, 0.5 + margin / 4), 3) if margin > 0 else 0.5
        why = _why(fam, members, o, by_id[c], parent, root_key, root_info, text_of, root_units,
                   origin_outlet)
        if parent == feeds.get(c):
            p = fam.by_id[parent]
            shared = _owners(p, origin_outlet) & _owners(by_id[c], origin_outlet)
            why += (f"a sister site (footer of {', '.join(sorted(shared))}): "
                    f"its network's first page of the story ({p.site})",)
        edges[c] = Edge(c, None if parent == ROOT else parent, round(cost, 2),
                        text_costs[(c, parent)], conf, why)
    for c in parts:
        edges[c.doc_id] = _partial_parent(c, units, full, by_id.get(origin_doc), pair_score or {})
    return edges


def _pair(fam: _Family, members: list[Info], o: TreeOptions, c: str, src: str | None) -> tuple:
    """The text comparison of copy `c` with the text of `src` (None: the consensus):
    (added, dropped, inserts, inner gaps, lede dropped, headline change, shares an edit)."""
    got = fam.pairs.get((c, src))
    if got is not None:
        return got
    if src is None:
        pu, p_order = _common(fam, members)
        p_hid = _NONE
    else:
        pu, p_order, p_hid = fam.units[src], fam.orders[src], fam.hidden[src]
    cu, c_hid = fam.units[c], fam.hidden[c]
    c_order, p_order = known(fam.orders[c], p_hid), known(p_order, c_hid)
    lede = next((u for u in p_order if not is_title_unit(u)), None)
    ct = next((u for u in c_order if is_title_unit(u)), None)
    pt = next((u for u in p_order if is_title_unit(u)), None)
    head = 0
    if ct and pt and ct != pt:
        if pt[7:] in ct:  # "BREAKING: X" from "X": copies add to headlines
            head = -1
        elif ct[7:] in pt:  # "X" from "X | Site": stripping is rarer
            head = 1
    shares = bool(o.shared_add) and shares_an_edit(cu - pu - p_hid, pu - cu - c_hid,
                                                    fam.held, fam.inner[c])
    got = (runs(c_order, pu, fam.holders), runs(p_order, cu, fam.holders),
           inserts(c_order, p_order), inner_gaps(p_order, cu),
           lede is not None and lede not in cu, head, shares)
    fam.pairs[(c, src)] = got
    return got


class _Logs:
    """The options' prior and credit terms, -log p, taken once per tree."""

    __slots__ = ("root", "copy", "parent", "origin_direct", "origin_via", "bystander",
                 "outsider", "outsider_linked", "none")

    def __init__(self, o: TreeOptions, n_copies: int):
        self.root, self.copy = _log(o.p_root), _log((1 - o.p_root) / max(1, n_copies - 1))
        self.parent = _log(o.p_names_parent)
        self.origin_direct, self.origin_via = _log(o.p_names_origin_direct), _log(o.p_names_origin_via)
        self.bystander, self.outsider = _log(o.p_names_bystander), _log(o.p_names_outsider)
        self.outsider_linked = _log(o.p_names_outsider_linked)
        self.none = _log(o.p_names_none)


def _clock(fam: _Family, parent: Info, child: Info, p_bad_clock: float) -> float:
    key = (parent.doc_id, child.doc_id)
    t = fam.clock.get(key)
    if t is None:
        t = fam.clock[key] = order_ll(parent, child, p_bad_clock)
    return t


def _cost_plain(child: Info, parent: Info | None, counts: tuple, says: tuple[bool, bool, bool],
                t: float | None, o: TreeOptions, root: bool, logs: _Logs) -> tuple[float, float]:
    """-log P(child copied `parent`) and its text part; `root`: the parent is the origin;
    `says`: the child credits the origin outlet, an outside outlet, one with a link to a story
    there (a miscredit rarely carries one); `t`: their dates' `order_ll`."""
    added, dropped, n_inserts, n_gaps, lede_dropped, head, _ = counts
    text_cost = added + o.drop_weight * dropped
    cost = o.unit_cost * text_cost
    cost -= logs.root if root else logs.copy
    pid = parent.doc_id if parent else None
    if not root and pid in child.named:
        cost -= logs.parent
    elif says[0]:
        cost -= logs.origin_direct if root else logs.origin_via
    elif any(d != pid for d in child.named):
        cost -= logs.bystander
    elif says[1]:
        cost -= logs.outsider_linked if says[2] else logs.outsider
    elif child.habit is not None and o.habit_weight:  # a site that always credits, uncredited
        cost -= o.habit_weight * _log(1 - child.habit) + (1 - o.habit_weight) * logs.none
    else:
        cost -= logs.none
    if t is not None:
        cost -= o.time_weight * t
    cost += o.unit_cost * o.insert_extra * n_inserts
    cost += o.unit_cost * o.inner_drop * n_gaps
    if lede_dropped:
        cost += o.unit_cost * o.lede_extra
    if head < 0:
        cost -= o.unit_cost * o.headline_grow
    elif head > 0:
        cost += o.unit_cost * o.headline_grow
    if not added and not dropped:
        cost += o.same_text
    return cost, text_cost


def _why(fam: _Family, members: list[Info], o: TreeOptions, child: Info, key: str,
         root_key: str, root_info: Info | None, text_of: str | None, root_units: set[str],
         origin_outlet: str | None) -> tuple[str, ...]:
    """The evidence for the parent the tree gave `child` (`key`)."""
    root = key == root_key
    parent = root_info if root else fam.by_id[key]
    added, dropped = _pair(fam, members, o, child.doc_id, text_of if root else key)[:2]
    why = [f"{added} passage(s) added, {dropped} dropped against it"]
    if not root:
        shared_new = len((fam.units[child.doc_id] & fam.units[key]) - root_units)
        if shared_new:
            why.insert(0, f"shares {shared_new} edited unit(s) with it that the origin lacks")
    if not root and parent.doc_id in child.named:
        why.append(f"credits the parent's site ({parent.site})")
    elif bool(origin_outlet) and child.credits_outlet(origin_outlet):
        why.append(f"credits the origin outlet ({origin_outlet})")
    if parent is not None and _clock(fam, parent, child, o.p_bad_clock) < -0.5:
        why.append("parent dated after the copy (clock or time zone?)")
    return tuple(why)


def _feeds(full: list[Info], origin: Info | None, origin_outlet: str | None) -> dict[str, str]:
    """Copy -> the first-dated page on a sister site (another site with a footer name of
    its own site's: one owner's network), when that page came out before it or the copy
    has no date. Such sites run one feed: the network's first page of the story is the
    one the others took. A footer naming the origin outlet is its copyright carried on
    copies (sites that run its stories), not an owner."""
    by_owner: dict[str, list[Info]] = {}
    for m in [*full, origin] if origin else full:
        for name in _owners(m, origin_outlet):
            by_owner.setdefault(name, []).append(m)
    out = {}
    for c in full:
        sisters = [m for name in _owners(c, origin_outlet) for m in by_owner.get(name, ())
                   if m.site != c.site and m.time is not None
                   and (c.time is None or m.time < c.time)]
        if sisters:
            out[c.doc_id] = min(sisters, key=lambda m: (m.time, m.doc_id)).doc_id
    return out


def _owners(m: Info, origin_outlet: str | None) -> set[str]:
    """The footer names of `m`'s site that name an owner: not the origin outlet's
    copyright, which sites running its stories carry."""
    return {n for n in m.owners if not (origin_outlet and same_outlet(n, origin_outlet))}


def _parent_pool(c: Info, full: list[Info], units: dict[str, set[str]], cap: int) -> list[Info]:
    """Candidate parents of `c`: every other copy, or in a large family the `cap` closest
    in text plus those its credits name."""
    others = [p for p in full if p is not c]
    if len(others) <= cap:
        return others
    cu = units[c.doc_id]
    near = sorted(others, key=lambda p: len(cu ^ units[p.doc_id]))[:cap]
    keep = {p.doc_id for p in near} | (c.named or set())
    return [p for p in others if p.doc_id in keep]


def _log(p: float) -> float:
    return math.log(max(p, 1e-9))


def _min_tree(options_of: dict, root_key: str) -> dict[str, str]:
    """Child -> parent key: the cheapest tree over every copy's candidate parents."""
    return min_arborescence({(t[1], c): t[0] for c, opts in options_of.items() for t in opts},
                            root_key)


def _partial_parent(c: Info, units, full: list[Info], origin: Info | None,
                    pair_score: dict[frozenset, float]) -> Edge:
    """A partial reuse (a roundup borrowing a paragraph) takes the member it credits, else
    the one it shares most text with, else the best aligned, else the origin."""
    cu = units[c.doc_id]
    pool = ([origin] if origin else []) + full
    best, best_key = None, None
    for rank, p in enumerate(pool):
        shared = len(cu & units[p.doc_id])
        credited = bool(p.site and c.credits_outlet(p.site))
        aligned = pair_score.get(frozenset((c.doc_id, p.doc_id)), 0.0)
        key = (credited, shared, round(aligned, -1), -rank)
        if best_key is None or key > best_key:
            best, best_key = p, key
    if best is None or best_key[1] == 0:
        return Edge(c.doc_id, None, 0.0, 0.0, 0.3, ("partial reuse; source not in the corpus",))
    why = [f"partial reuse: shares {best_key[1]} passage unit(s)"]
    if best_key[0]:
        why.append(f"credits {best.site}")
    ties = sum(1 for p in pool if len(cu & units[p.doc_id]) == best_key[1])
    return Edge(c.doc_id, best.doc_id, 0.0, 0.0,
                round(1.0 / ties, 3) if not best_key[0] else 0.9, tuple(why))
