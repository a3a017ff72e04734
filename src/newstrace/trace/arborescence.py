"""The cheapest tree (minimum-cost arborescence) over weighted candidate edges."""

from __future__ import annotations


def min_arborescence(cost: dict[tuple, float], root) -> dict:
    """Chu-Liu/Edmonds: the minimum-cost arborescence from `root` over the edges
    (parent, child) -> cost. Each node takes its cheapest parent; a cycle is contracted
    into one node whose incoming edges cost what they save over the edge they replace,
    the smaller tree is solved, and the cycle is opened where the chosen edge enters."""
    best: dict = {}
    for (u, v), c in cost.items():
        if v != root and u != v and (v not in best or c < cost[(best[v], v)]):
            best[v] = u
    cycle = find_cycle(best)
    if not cycle:
        return best
    ring = set(cycle)
    node = ("cycle", cycle[0])
    sub: dict[tuple, float] = {}
    enters: dict = {}
    leaves: dict = {}
    for (u, v), c in cost.items():
        if u in ring and v in ring:
            continue
        if v in ring:
            key, c = (u, node), c - cost[(best[v], v)]
            if key not in sub or c < sub[key]:
                sub[key], enters[u] = c, v
        elif u in ring:
            key = (node, v)
            if key not in sub or c < sub[key]:
                sub[key], leaves[v] = c, u
        else:
            sub[(u, v)] = c
    out = {v: best[v] for v in ring}
    for v, u in min_arborescence(sub, root).items():
        if v == node:
            out[enters[u]] = u
        else:
            out[v] = leaves[v] if u == node else u
    return out


def find_cycle(parent: dict) -> list | None:
    """A cycle in the child -> parent map, as a list of its nodes, or None."""
    done: set = set()
    for start in parent:
        path: list = []
        place: dict = {}
        cur = start
        while cur in parent and cur not in done and cur not in place:
            place[cur] = len(path)
            path.append(cur)
            cur = parent[cur]
        if cur in place:
            return path[place[cur]:]
        done.update(path)
    return None
