"""The copy tree: which edits count as one event, headlines the cleaner dropped, the cheapest tree."""

from test_trace import P1, P2, P2_CHANGED, P3, P4, P5, P6, P7, art

from newstrace.trace.members import build_info
from newstrace.trace.tree import TreeOptions, build_tree

P3_CHANGED = P3.replace("had ignored", "had long ignored")
BODY = [P1, P2, P3, P4, P5, P6, P7]


def tree(pages, **options):
    infos = sorted((build_info(p, "copy") for p in pages), key=lambda m: m.doc_id)
    return build_tree(infos, "o", "harbourpost.com", TreeOptions(**options))


def test_own_edit_next_to_an_inherited_one_is_a_second_event():
    """`c` keeps the sentence `a` changed and changes the next one itself. Against the
    origin the two changes touch, but they are two edits (one `a` shares, one its own):
    `c` goes under `a`. No credits, no dates."""
    pages = [art("o", "harbourpost.com", BODY),
             art("a", "middleman.net", [P1, P2_CHANGED, P3, P4, P5, P6, P7]),
             art("c", "leafnews.org", [P1, P2_CHANGED, P3_CHANGED, P4, P5, P6, P7])]
    pages += [art(k, f"{k}site.com", BODY) for k in "xyz"]
    got = tree(pages)
    assert got["c"].parent == "a" and got["a"].parent == "o"
    assert all(got[k].parent == "o" for k in "xyz")
    assert tree(pages, split_events=False)["c"].parent == "o"  # one run: the origin looked as good


def test_headline_the_cleaner_dropped_still_places_the_copy():
    """`c`'s page lost its headline to the cleaner but shows `a`'s changed headline in a
    dropped line: it goes under `a`, not the origin."""
    from dataclasses import replace

    from newstrace.records import Member, Removed
    from newstrace.trace import trace_families

    t = "2023-05-02T%02d:00:00+00:00"
    breaking = "BREAKING: Council approves harbour budget"
    body = [P1, P2, P3, P4, P5]
    c = art("c", "leafnews.org", body, published=t % 12)
    pages = [art("o", "harbourpost.com", body, published=t % 8),
             art("a", "middleman.net", body, title=breaking, published=t % 9),
             replace(c, title=None, removed=(Removed("Menu", 0, 4, "navigation"),
                                             Removed(breaking, 5, 46, "navigation"))),
             art("x", "xsite.com", body, published=t % 10),
             art("y", "ysite.com", body, published=t % 11)]
    articles = {p.doc_id: p for p in pages}
    members = [Member(p.doc_id, "F1", "copy", 1.0) for p in pages]
    rows = {r.doc_id: r for r in trace_families(articles, members)[0]}
    assert rows["o"].credit_status == "origin"
    assert rows["c"].parent_doc_id == "a"
    assert rows["x"].parent_doc_id == rows["y"].parent_doc_id == "o"


def test_copy_tree_is_the_cheapest_tree():
    """The tree is the cheapest over all the candidate parents (every assignment without a
    cycle tried by brute force), also where copies would descend from each other."""
    import itertools
    import random

    from newstrace.trace.arborescence import min_arborescence

    def total(par, cost):
        return sum(cost[(p, c)] for c, p in par.items())

    def acyclic(par):
        for c in par:
            seen, cur = set(), c
            while cur in par:
                if cur in seen:
                    return False
                seen.add(cur)
                cur = par[cur]
        return True

    rng = random.Random(7)
    kids = ["a", "b", "c", "d", "e"]
    for _ in range(80):
        cost = {("r", k): rng.uniform(2, 9) for k in kids}
        cost.update({(p, k): rng.uniform(0, 6) for p in kids for k in kids if p != k})
        got = min_arborescence(cost, "r")
        assert set(got) == set(kids) and acyclic(got)
        trees = (dict(zip(kids, ps, strict=True))
                 for ps in itertools.product(["r", *kids], repeat=len(kids)))
        best = min(total(t, cost) for t in trees
                   if all(p != k for k, p in t.items()) and acyclic(t))
        assert abs(total(got, cost) - best) < 1e-9
