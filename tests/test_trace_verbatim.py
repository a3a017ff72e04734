"""In the origin search, a copy that changed nothing of its parent's text or headline
is rarer than one that changed something: a page whose text every other page's derives
from, and that no edit of its own sets apart, is more likely the origin than a verbatim
copy of an absent one that a lone credit names. The copy tree's parents do not weigh it
(tests/test_trace.py: two copies with the same cut still chain)."""

from test_trace import INTRO, P1, P2, P3, P4, P5, art

from newstrace.trace.members import build_info
from newstrace.trace.origin import OriginOptions, find_origin
from newstrace.trace.tree import TreeOptions, build_tree

BODY = [P1, P2, P3, P4, P5]


def family():
    """m: the full text, no credit; c1 added an intro and credits an outside outlet;
    c2 dropped the last paragraph. No dates."""
    pages = [art("m", "harbourpost.com", BODY),
             art("c1", "leafnews.org", [INTRO, *BODY],
                 credits=[("outsider.com", "source", "Source: outsider.com")]),
             art("c2", "middleman.net", BODY[:-1])]
    return [build_info(p, "copy") for p in pages]


def test_the_page_no_edit_sets_apart_is_the_origin():
    got = find_origin(family())
    assert (got.doc_id, got.outlet) == ("m", "harbourpost.com")


def test_without_the_verbatim_term_the_lone_credit_wins():
    got = find_origin(family(), OriginOptions(same_text=0.0))
    assert (got.doc_id, got.outlet) == (None, "outsider.com")


def test_the_term_is_paid_by_a_verbatim_copy_only():
    members = family()
    plain = build_tree(members, None, "outsider.com", TreeOptions(same_text=0.0), root_like="m")
    paid = build_tree(members, None, "outsider.com", TreeOptions(same_text=0.7), root_like="m")
    assert round(paid["m"].cost - plain["m"].cost, 6) == 0.7
    assert paid["c1"].cost == plain["c1"].cost and paid["c2"].cost == plain["c2"].cost
