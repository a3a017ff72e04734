"""Lines the cleaner removed are not edits: a sentence a page shows only among its removed
lines is neither dropped nor added by that page (members.build_info `hidden`, tree.py).
Each case is also run with the removed lines taken away, so the test fails if the rule goes."""

from dataclasses import replace

from test_trace import P1, P2, P3, P4, P5, art

from newstrace.records import Removed
from newstrace.trace import mark_carried
from newstrace.trace.members import build_info, norm
from newstrace.trace.origin import find_origin
from newstrace.trace.tree import build_tree

T = "2023-05-02T%02d:00:00+00:00"
FULL = [P1, P2, P3, P4, P5]


def lost(page, *lines):
    """`page` as the cleaner left it when it dropped `lines` (scored too low to keep)."""
    return replace(page, removed=tuple(Removed(x, 0, len(x), "low score") for x in lines))


def infos(pages):
    return sorted((build_info(p, "copy") for p in pages), key=lambda m: m.doc_id)


def test_hidden_units_are_removed_sentences_not_in_the_body():
    head = "Council votes on harbour budget"
    page = lost(art("a", "a.com", [P1, P2, P3]), P4 + " " + P5, "Share this", P1, head)
    m = build_info(page, "copy")
    assert norm(P4) in m.hidden and norm(P5) in m.hidden  # a line split into its sentences
    assert norm(P1) not in m.hidden  # in the body: known, not hidden
    assert not any(u.endswith("share this") for u in m.hidden)  # too short to be a unit
    assert "title: " + norm(head) in m.hidden  # a removed line may be another page's headline


def test_two_copies_that_lost_the_same_line_to_the_cleaner_stay_under_the_origin():
    """`a` and `b` both copy the origin; the cleaner dropped the last paragraph of both pages.
    Read as an edit, `b` shares `a`'s cut and goes under `a`; it is no edit."""
    o = art("o", "harbourpost.com", FULL, published=T % 8)
    a = art("a", "middleman.net", FULL[:4], published=T % 9)
    b = art("b", "leafnews.org", FULL[:4], published=T % 10)
    got = build_tree(infos([o, lost(a, P5), lost(b, P5)]), "o", "harbourpost.com")
    assert got["a"].parent == "o" and got["b"].parent == "o"
    assert got["b"].text_cost == 0
    assert build_tree(infos([o, a, b]), "o", "harbourpost.com")["b"].parent == "a"


def origin_of(pages):
    members = infos(pages)
    mark_carried(members)
    return find_origin(members)


def test_origin_whose_page_lost_a_paragraph_to_the_cleaner_is_still_the_origin():
    """The origin's page shows its third paragraph only among the removed lines: the copies
    did not insert it; the earliest page stays the origin."""
    o = art("o", "harbourpost.com", [P1, P2, P4, P5], published=T % 8)
    copies = [art("a", "middleman.net", FULL, published=T % 9),
              art("b", "leafnews.org", FULL, published=T % 10)]
    assert origin_of([lost(o, P3), *copies]).doc_id == "o"
    assert origin_of([o, *copies]).doc_id == "a"  # read as an insertion, `a` looked first


def test_headline_among_the_removed_lines_is_not_dropped():
    """The cleaner took the wrong line as `b`'s headline and dropped the real one, `a`'s
    changed headline: `b` did not drop it, and goes under `a`."""
    from newstrace.trace.tree import TreeOptions

    breaking = "BREAKING: Council approves harbour budget"
    pages = [art("o", "harbourpost.com", FULL, published=T % 8),
             art("a", "middleman.net", FULL, title=breaking, published=T % 9),
             lost(art("b", "leafnews.org", FULL, title="Sign up for our newsletter today",
                      published=T % 10), breaking)]
    assert build_tree(infos(pages), "o", "harbourpost.com")["b"].parent == "a"
    off = TreeOptions(hidden_titles=False)
    assert build_tree(infos(pages), "o", "harbourpost.com", off)["b"].parent == "o"


def test_edits_leave_out_passages_the_other_page_shows_among_removed_lines():
    """The copy's cleaner dropped P5 and the parent's dropped P1: neither is an edit. A real
    cut (P3) and a real intro still are."""
    from newstrace.trace.edits import diff_articles

    intro = "Officials in Ostvik said on Tuesday that the vote had been expected for weeks."
    parent = art("p", "harbourpost.com", [P2, P3, P4, P5])
    copy = art("c", "leafnews.org", [intro, P1, P2, P4])
    ops = lambda c, p: sorted((e.op, e.text) for e in diff_articles(c, p))  # noqa: E731
    assert ops(lost(copy, P5), lost(parent, P1)) == sorted(
        [("added", intro), ("removed", P3)])
    assert ops(copy, parent) == sorted([("added", intro), ("added", P1), ("removed", P3),
                                        ("removed", P5)])
