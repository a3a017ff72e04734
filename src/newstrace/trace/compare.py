"""How the text units of two versions of a story differ: edit events (runs of missing
units), passages put in or cut from the middle, edits other copies made too, and the
text the copies agree on (an absent origin's)."""

from __future__ import annotations

from collections import Counter

from .members import TITLE_PREFIX, Info, full_members, is_title_unit, title_unit
from .outlets import same_outlet


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
        if u in other:
            inside = False
            continue
        title = u.startswith(TITLE_PREFIX)
        key = holders.get(u) if holders else None
        if not inside or title or key != last:
            n += 1
        last, inside = key, not title
    return n


def inner_gaps(order: list[str], other: set[str]) -> int:
    """Runs of body units of `order` missing from `other` with kept units on both sides."""
    n, seen, gap = 0, False, False
    for u in order:
        if u.startswith(TITLE_PREFIX):
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
        if u.startswith(TITLE_PREFIX):
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
    full = full_members(members)
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
        return one_variant(set(counts), counts)
    half = len(full) / 2
    return one_variant({u for u, n in counts.items()
                         if n > half or (n == half and (ties or u not in opening))}, counts)


def one_variant(units: set[str], counts: dict[str, int]) -> set[str]:
    """Of two versions of one sentence (a word swapped or slipped in), a text has one: keep
    the one more copies have (on a tie, the shorter: copies slip words in)."""
    body = sorted((u for u in units if not is_title_unit(u)),
                  key=lambda u: (-counts.get(u, 0), len(u), u))
    words = [u.split() for u in body]
    drop: set[str] = set()
    for i, u in enumerate(body):
        if u in drop:
            continue
        uw = words[i]
        for v, vw in zip(body[i + 1:], words[i + 1:], strict=True):
            if v not in drop and small_change(uw, vw):
                drop.add(v)
    return units - drop


def restore_units(members: list[Info], share: float = 0.5) -> None:
    """Lines one member's cleaner removed that other members keep are text, not debris (a
    cleaner judges a line by its neighbours: the same paragraph is kept on one page and
    dropped on another, which reads as an edit or hides one). A unit among a full member's
    removed lines, or a small variant of one (a reworded sentence), that another full
    member keeps and at least `share` of them have (kept or removed) is its unit again,
    placed after the nearest unit before it in a member that keeps it (in place)."""
    full = full_members(members)
    kept = Counter(u for m in full for u in m.units)
    removed = Counter(u for m in full for u in m.hidden)
    first = {u: i for i, u in enumerate(kept)}
    by_size: dict[int, list[tuple[str, list[str]]]] = {}
    for u in kept:
        by_size.setdefault(u.count(" "), []).append((u, u.split()))
    plans = []
    for m in full:
        back = []
        for u in sorted(m.hidden):
            if is_title_unit(u) or u in m.units:
                continue
            like = u if u in kept else _variant(u, m, by_size, first)
            if like is not None and 1 + kept[like] + removed[like] - (like in m.hidden) >= \
                    share * len(full):
                back.append((u, like))
        plans.append((m, back))
    for m, back in plans:  # decided on the members as the cleaner left them, then applied
        if back:
            m.units = _placed(m, back, full)
            m.hidden = m.hidden - {u for u, _ in back}


def _variant(u: str, m: Info, by_size: dict[int, list[tuple[str, list[str]]]],
             first: dict[str, int]) -> str | None:
    """The first kept unit `m` lacks that is a small variant of `u` (a word or so apart)."""
    uw, n = u.split(), u.count(" ")
    return min((v for size in range(n - 2, n + 3) for v, vw in by_size.get(size, ())
                if v not in m.units and small_change(uw, vw)), key=first.__getitem__, default=None)


def _placed(m: Info, back: list[tuple[str, str]], full: list[Info]) -> dict[str, int]:
    """`m.units` with each (unit, the unit a keeping member has) put back after the nearest
    unit before it there, in that unit's paragraph."""
    order = list(m.units.items())
    for u, like in back:
        src = list(next(x for x in full if like in x.units).units)
        at = {k: j for j, (k, _) in enumerate(order)}
        prev = next((v for v in reversed(src[:src.index(like)]) if v in at), None)
        if prev is None:
            order.insert(0, (u, order[0][1] if order else 0))
        else:
            order.insert(at[prev] + 1, (u, order[at[prev]][1]))
    return dict(order)


def known(order: list[str], hidden: frozenset[str]) -> list[str]:
    """`order` without the units the other text hides in lines the cleaner removed: whether
    that text has them is unknown, so they are neither dropped nor added."""
    return [u for u in order if u not in hidden] if hidden else order


def holders_of(members: list[Info], units: dict[str, set[str]]) -> dict[str, tuple[int, ...]]:
    """Unit -> the members that have it (their places in `members`)."""
    sets: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        for u in units[m.doc_id]:
            sets.setdefault(u, []).append(i)
    return {u: tuple(v) for u, v in sets.items()}


def inner_units(m: Info) -> set[str]:
    """Units before the last paragraph (where extraction keeps or loses footer-like lines)."""
    last = max(m.units.values(), default=0)
    return {u for u, i in m.units.items() if i < last}


def shares_an_edit(added: set[str], dropped: set[str], held: dict[str, int],
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
        if len(uw) >= 6 and any(not is_title_unit(v) and small_change(uw, v.split())
                                for v in dropped):
            return True
    return False


def small_change(a: list[str], b: list[str]) -> bool:
    """Two versions of one sentence: a word or so swapped or slipped in."""
    if abs(len(a) - len(b)) > 2 or len(set(a).symmetric_difference(b)) > 3:
        return False  # (words in one only are a lower bound of the multiset difference)
    ca, cb = Counter(a), Counter(b)
    return sum(((ca - cb) + (cb - ca)).values()) <= 3
