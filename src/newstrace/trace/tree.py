"""The copy tree: each copy's parent, stemmatology-style.

A copy of a copy carries its parent's edits (dropped paragraphs, an added intro,
a reworded sentence, a new headline). The cost of explaining copy `c` from
candidate `p` counts the units `c` has that `p` lacks (additions) plus, at a
lower weight, the units `p` has that `c` lacks (drops); a new passage in the
middle of the body costs more (copies abridge), so does a passage cut from the
middle (the ends come and go with extraction), and so does an edit another copy
made too (the same sentence changed the same way, a passage before the last
paragraph: made twice, or taken from that copy); credits naming `p` and
timestamps shift the cost. The tree is the cheapest one over all the copies'
candidate parents (Chu-Liu/Edmonds: each copy takes its cheapest parent, and
where two copies would descend from each other, the cycle is opened where that
costs least). Next to each other, an edit the copies share and one a copy made
alone are two edit events. A unit a text shows only among the lines its cleaner
removed is no edit of that text: whether it has it is unknown, so it is neither
dropped nor added against it (a line two copies' cleaners dropped is no shared cut).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .arborescence import min_arborescence
from .members import Info, is_title_unit, link_credits, order_ll, title_unit
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


@dataclass(frozen=True, slots=True)
class Edge:
    child: str
    parent: str | None  # None: the origin, which is not in the corpus
    cost: float
    text_cost: float  # the text part of `cost`: units added + drop_weight * units dropped
    confidence: float
    why: tuple[str, ...]


def unit_list(m: Info) -> list[str]:
    """A member's text units in text order, headline first unless it is just the site's name."""
    out = list(m.units)
    if m.title and len(m.title.split()) >= 3 and not same_outlet(m.title, m.site):
        out.insert(0, title_unit(m.title))
    return out


def runs(order: list[str], other: set[str], holders: dict[str, tuple[int, ...]] | None = None) -> int:
    """Edit events: maximal runs of `order` missing from `other` (a dropped paragraph is one
    event however many sentences it had; a new headline is one event). With `holders`
    (unit -> which members have it), a run also ends where that changes: next to each
    other, an edit the copies share and one only this copy has are two events."""
    n, inside, last = 0, False, None
    for u in order:
        missing = u not in other
        if missing:
            key = holders.get(u) if holders else None
            if not inside or is_title_unit(u) or key != last:
                n += 1
            last = key
        inside = missing and not is_title_unit(u)
    return n


def inner_gaps(order: list[str], other: set[str]) -> int:
    """Runs of body units of `order` missing from `other` with kept units on both sides."""
    n, seen, gap = 0, False, False
    for u in order:
        if is_title_unit(u):
            continue
        if u in other:
            n += gap and seen
            seen, gap = True, False
        else:
            gap = True
    return n


def inserts(order: list[str], parent: list[str]) -> int:
    """Passages of `order` put between two units that follow each other in `parent` (a
    pure insertion in the body; not a replacement, not at the start or the end)."""
    place = {u: i for i, u in enumerate(parent)}
    n, last, gap = 0, None, False
    for u in order:
        if is_title_unit(u):
            continue
        i = place.get(u)
        if i is None:
            gap = gap or last is not None
            continue
        if gap and last is not None and i == last + 1:
            n += 1
        last, gap = i, False
    return n


def consensus(members: list[Info], ties: bool = False) -> set[str]:
    """Text units of an absent origin: those most full copies have. Of two copies, either
    (copies abridge more often than they add). On a tie, a unit in the body is kept (two
    copies dropping it is likelier than two adding it there); a headline or an opening
    line is not (that is where copies add)."""
    full = [m for m in members if m.role != "partial"] or members
    counts: dict[str, int] = {}
    opening: set[str] = set()
    for m in full:
        order = unit_list(m)
        opening.update(u for u in order[:2] if is_title_unit(u) or u == order[0])
        body = next((u for u in order if not is_title_unit(u)), None)
        if body:
            opening.add(body)
        for u in order:
            counts[u] = counts.get(u, 0) + 1
    if len(full) <= 2:
        return _one_variant(set(counts), counts)
    half = len(full) / 2
    return _one_variant({u for u, n in counts.items()
                         if n > half or (n == half and (ties or u not in opening))}, counts)


def _one_variant(units: set[str], counts: dict[str, int]) -> set[str]:
    """Of two versions of one sentence (a word swapped or slipped in), a text has one: keep
    the one more copies have (on a tie, the shorter: copies slip words in)."""
    body = sorted((u for u in units if not is_title_unit(u)),
                  key=lambda u: (-counts.get(u, 0), len(u), u))
    drop: set[str] = set()
    for i, u in enumerate(body):
        if u in drop:
            continue
        uw = u.split()
        for v in body[i + 1:]:
            if v not in drop and _small_change(uw, v.split()):
                drop.add(v)
    return units - drop


def build_tree(members: list[Info], origin_doc: str | None, origin_outlet: str | None,
               options: TreeOptions | None = None,
               pair_score: dict[frozenset, float] | None = None,
               root_like: str | None = None) -> dict[str, Edge]:
    """Each member's parent (origin excluded). Parent None = the absent origin.
    `pair_score` (aligned characters per document pair) breaks ties for partial reuse.
    `root_like`: a member whose text stands for the absent origin's (else the consensus)."""
    o = options or TreeOptions()
    if any(m.named is None for m in members):
        link_credits(members)
    by_id = {m.doc_id: m for m in members}
    orders = {m.doc_id: unit_list(m) for m in members}
    units = {d: set(v) for d, v in orders.items()}
    text_of = origin_doc or root_like
    root_units = units[text_of] if text_of else consensus(members)
    if text_of:
        root_order = orders[text_of]
    else:  # the absent origin's units, in their mean relative place among the copies
        place: dict[str, list[float]] = {}
        for v in orders.values():
            for i, u in enumerate(v):
                if u in root_units:
                    place.setdefault(u, []).append(i / max(1, len(v)))
        root_order = sorted(place, key=lambda u: (sum(place[u]) / len(place[u]), u))
    root_key = origin_doc or ROOT
    full = [m for m in members if m.role != "partial" and m.doc_id != origin_doc]
    parts = [m for m in members if m.role == "partial" and m.doc_id != origin_doc]
    options_of: dict[str, list[tuple[float, str, list[str]]]] = {}
    text_costs: dict[tuple[str, str], float] = {}
    held = Counter(u for m in members if m.role != "partial" for u in units[m.doc_id])
    inner = {m.doc_id: _inner_units(m) for m in members}
    holders = _holders(members, units) if o.split_events else None
    text = set().union(*units.values())
    hidden = {m.doc_id: m.hidden & text for m in members}  # units another member shows
    if not o.hidden_titles:
        hidden = {d: frozenset(u for u in h if not is_title_unit(u)) for d, h in hidden.items()}
    for c in full:
        cu = units[c.doc_id]
        cands = []
        root_info = by_id.get(origin_doc) if origin_doc else None
        pool = [(root_key, root_info, root_order, root_units)] + [
            (p.doc_id, p, orders[p.doc_id], units[p.doc_id])
            for p in _parent_pool(c, full, units, o.max_parents)]
        for key, p, p_order, pu in pool:
            p_hid = hidden[text_of] if key == root_key and text_of else hidden[p.doc_id] if p else _NONE
            c_order, p_order = _known(orders[c.doc_id], p_hid), _known(p_order, hidden[c.doc_id])
            cost, tc, why = _cost_plain(c, (c_order, cu), p, (p_order, pu), origin_outlet,
                                        o, None if key == root_key else root_units, len(full), holders)
            if _shares_an_edit(cu - pu - p_hid, pu - cu - hidden[c.doc_id], held,
                               inner[c.doc_id]):
                cost += o.shared_add  # one event, however many units
            cands.append((cost, key, why))
            text_costs[(c.doc_id, key)] = tc
        cands.sort(key=lambda t: t[0])
        options_of[c.doc_id] = cands
    tree = _min_tree(options_of, root_key)
    choice = {c: next(t for t in opts if t[1] == tree[c]) for c, opts in options_of.items()}
    edges = {}
    for c, (cost, parent, why) in choice.items():
        alts = [t for t in options_of[c] if t[1] != parent]
        margin = (alts[0][0] - cost) if alts else 3.0
        conf = round(min(0.99, 0.5 + margin / 4), 3) if margin > 0 else 0.5
        edges[c] = Edge(c, None if parent == ROOT else parent, round(cost, 2),
                        text_costs[(c, parent)], conf, tuple(why))
    for c in parts:
        edges[c.doc_id] = _partial_parent(c, units, full, by_id.get(origin_doc), pair_score or {})
    return edges


def _cost_plain(child: Info, c_units: tuple[list[str], set[str]], parent: Info | None,
                p_units: tuple[list[str], set[str]], origin_outlet: str | None, o: TreeOptions,
                root_units: set[str] | None, n_copies: int,
                holders: dict[str, tuple[int, ...]] | None = None):
    """-log P(child copied `parent`); root_units None = parent is the origin."""
    root = root_units is None
    (c_order, cu), (p_order, pu) = c_units, p_units
    added = runs(c_order, pu, holders)
    dropped = runs(p_order, cu, holders)
    text_cost = added + o.drop_weight * dropped
    cost = o.unit_cost * text_cost
    why = [f"{added} passage(s) added, {dropped} dropped against it"]
    if not root:
        shared_new = len((cu & pu) - root_units)
        if shared_new:
            why.insert(0, f"shares {shared_new} edited unit(s) with it that the origin lacks")
    cost -= _log(o.p_root if root else (1 - o.p_root) / max(1, n_copies - 1))
    names_origin = bool(origin_outlet) and child.credits_outlet(origin_outlet)
    names_parent = not root and parent.doc_id in child.named
    names_other_member = any(d != (parent.doc_id if parent else None) for d in child.named)
    if names_parent:
        cost -= _log(o.p_names_parent)
        why.append(f"credits the parent's site ({parent.site})")
    elif names_origin:
        cost -= _log(o.p_names_origin_direct if root else o.p_names_origin_via)
        why.append(f"credits the origin outlet ({origin_outlet})")
    elif names_other_member:
        cost -= _log(o.p_names_bystander)
    elif any(form != "mention" for _, _, form in child.credits):
        cost -= _log(o.p_names_outsider)
    else:
        cost -= _log(o.p_names_none)
    if parent is not None:
        t = order_ll(parent, child, o.p_bad_clock)
        cost -= o.time_weight * t
        if t < -0.5:
            why.append("parent dated after the copy (clock or time zone?)")
    cost += o.unit_cost * o.insert_extra * inserts(c_order, p_order)
    cost += o.unit_cost * o.inner_drop * inner_gaps(p_order, cu)
    lede = next((u for u in p_order if not is_title_unit(u)), None)
    if lede is not None and lede not in cu:
        cost += o.unit_cost * o.lede_extra
    ct = next((u for u in c_order if is_title_unit(u)), None)
    pt = next((u for u in p_order if is_title_unit(u)), None)
    if ct and pt and ct != pt:
        if pt[7:] in ct:  # "BREAKING: X" from "X": copies add to headlines
            cost -= o.unit_cost * o.headline_grow
        elif ct[7:] in pt:  # "X" from "X | Site": stripping is rarer
            cost += o.unit_cost * o.headline_grow
    return cost, text_cost, why


def _known(order: list[str], hidden: frozenset[str]) -> list[str]:
    """`order` without the units the other text hides in lines the cleaner removed: whether
    that text has them is unknown, so they are neither dropped nor added."""
    return [u for u in order if u not in hidden] if hidden else order


def _holders(members: list[Info], units: dict[str, set[str]]) -> dict[str, tuple[int, ...]]:
    """Unit -> the members that have it (their places in `members`)."""
    sets: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        for u in units[m.doc_id]:
            sets.setdefault(u, []).append(i)
    return {u: tuple(v) for u, v in sets.items()}


def _inner_units(m: Info) -> set[str]:
    """Units before the last paragraph (where extraction keeps or loses footer-like lines)."""
    last = max(m.units.values(), default=0)
    return {u for u, i in m.units.items() if i < last}


def _shares_an_edit(added: set[str], dropped: set[str], held: dict[str, int],
                    inner: set[str]) -> bool:
    """Whether a passage the copy adds (against a candidate parent) is in another copy too:
    a passage before its last paragraph, or a sentence changed the same small way (a word
    swapped or slipped in). Extraction noise adds or loses lines at the edges, never the
    same small change."""
    for u in added:
        if held.get(u, 0) < 2 or is_title_unit(u):
            continue
        if u in inner:
            return True
        uw = u.split()
        if len(uw) >= 6 and any(not is_title_unit(v) and _small_change(uw, v.split())
                                for v in dropped):
            return True
    return False


def _small_change(a: list[str], b: list[str]) -> bool:
    """Two versions of one sentence: a word or so swapped or slipped in."""
    if abs(len(a) - len(b)) > 2 or len(set(a).symmetric_difference(b)) > 3:
        return False  # (words in one only are a lower bound of the multiset difference)
    ca, cb = Counter(a), Counter(b)
    return sum(((ca - cb) + (cb - ca)).values()) <= 3


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
