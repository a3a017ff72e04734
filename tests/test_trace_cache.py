"""Trees sharing one cache (find_origin's candidate roots) equal trees built alone."""

from test_trace import P1, P2, P2_CHANGED, P3, P4, P5, P6, P7, art

from newstrace.trace.members import build_info, text_units
from newstrace.trace.tree import TreeOptions, build_tree

BODY = [P1, P2, P3, P4, P5, P6, P7]


def family():
    pages = [art("o", "harbourpost.com", BODY),
             art("a", "middleman.net", [P1, P2_CHANGED, P3, P4, P5, P6, P7]),
             art("b", "leafnews.org", [P1, P2_CHANGED, P3, P4, P5]),
             art("c", "otherpost.com", [P2, P3, P4, P5, P6, P7])]
    return sorted((build_info(p, "copy") for p in pages), key=lambda m: m.doc_id)


def test_shared_cache_gives_the_same_trees_for_every_root():
    members = family()
    o = TreeOptions(shared_add=0.0, split_events=False)
    cache: dict = {}
    roots = [(m.doc_id, m.site, None) for m in members] + [(None, "wire.com", None),
                                                           (None, "wire.com", "a")]
    for doc, outlet, like in roots:
        with_cache = build_tree(members, doc, outlet, o, root_like=like, cache=cache)
        alone = build_tree(members, doc, outlet, o, root_like=like)
        assert with_cache == alone
        assert set(alone) == {m.doc_id for m in members} - {doc}
    assert cache["family"].pairs  # the comparisons were kept


def test_cache_for_other_options_is_not_reused():
    members = family()
    cache: dict = {}
    build_tree(members, "o", "harbourpost.com", TreeOptions(split_events=False), cache=cache)
    got = build_tree(members, "o", "harbourpost.com", TreeOptions(), cache=cache)
    assert got == build_tree(members, "o", "harbourpost.com", TreeOptions())
    assert got["b"].parent == "a"  # shares a's changed sentence


def test_text_units_memo_gives_the_same_units():
    memo: dict = {}
    for p in BODY + BODY:
        assert text_units(p, memo) == text_units(p)
    assert len(memo) == len(set(BODY))
