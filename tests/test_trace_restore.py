"""A line one page's cleaner removed but other copies keep is text again (compare.restore_units),
and subheads and captions are text units (members.paragraph_spans)."""

from dataclasses import replace

from test_trace import P1, P2, P3, P4, P5, art, by_doc, family
from test_trace_hidden import infos, lost

from newstrace.records import Span
from newstrace.trace import trace_families
from newstrace.trace.compare import restore_units, unit_list
from newstrace.trace.members import build_info, is_title_unit, norm
from newstrace.trace.tree import build_tree

T = "2023-05-02T%02d:00:00+00:00"
FULL = [P1, P2, P3, P4, P5]
P3_NEW = P3.replace("ignored", "long ignored")  # a reworded sentence


def body(m):
    return [u for u in unit_list(m) if not is_title_unit(u)]


def test_removed_line_the_other_copies_keep_is_text_again_in_its_place():
    o = art("o", "harbourpost.com", FULL, published=T % 8)
    a = art("a", "middleman.net", FULL, published=T % 9)
    b = lost(art("b", "leafnews.org", [P1, P2, P4, P5], published=T % 10), P3)
    members = infos([o, a, b])
    restore_units(members)
    got = next(m for m in members if m.doc_id == "b")
    assert body(got) == [norm(p) for p in FULL]
    assert norm(P3) not in got.hidden


def test_a_reworded_line_the_cleaner_removed_comes_back_as_its_own_words():
    """`b` copied `a`, which reworded P3; `b`'s cleaner dropped that line. Only hidden, `b`
    looks like a verbatim copy of the origin; restored, it shares `a`'s reword."""
    o = art("o", "harbourpost.com", FULL, published=T % 8)
    a = art("a", "middleman.net", [P1, P2, P3_NEW, P4, P5], published=T % 9)
    b = lost(art("b", "leafnews.org", [P1, P2, P4, P5], published=T % 10), P3_NEW)
    assert build_tree(infos([o, a, b]), "o", "harbourpost.com")["b"].parent == "o"
    members = infos([o, a, b])
    restore_units(members)
    assert build_tree(members, "o", "harbourpost.com")["b"].parent == "a"
    # a small variant of a kept line counts too: `c` removed its own rewording of P3
    c = lost(art("c", "thirdpage.org", [P1, P2, P4, P5], published=T % 11),
             P3.replace("for years", "for many years"))
    members = infos([o, c])
    restore_units(members)
    assert norm(P3.replace("for years", "for many years")) in next(
        m for m in members if m.doc_id == "c").units


def test_a_line_no_other_copy_keeps_stays_hidden():
    promo = "Sign up for the harbour newsletter to get every council story first."
    o = art("o", "harbourpost.com", FULL, published=T % 8)
    b = lost(art("b", "leafnews.org", FULL, published=T % 10), promo)
    members = infos([o, b])
    restore_units(members)
    got = next(m for m in members if m.doc_id == "b")
    assert norm(promo) in got.hidden and norm(promo) not in got.units


def test_a_line_only_a_few_copies_have_is_not_brought_back():
    """One member keeps a line, one removed it, three lack it: 2 of 5 is under half."""
    extra = "The ferry operator said it would publish new timetables within days."
    pages = [art("o", "harbourpost.com", [*FULL, extra], published=T % 8),
             lost(art("b", "leafnews.org", FULL, published=T % 10), extra),
             *(art(d, f"{d}news.org", FULL, published=T % (11 + k)) for k, d in enumerate("cde"))]
    members = infos(pages)
    restore_units(members)
    assert norm(extra) not in next(m for m in members if m.doc_id == "b").units


def test_the_trace_restores_before_it_places_copies():
    o = art("o", "harbourpost.com", FULL, published=T % 8)
    a = art("a", "middleman.net", [P1, P2, P3_NEW, P4, P5], published=T % 9)
    b = lost(art("b", "leafnews.org", [P1, P2, P4, P5], published=T % 10), P3_NEW)
    prov, _ = trace_families(*family([o, a, b]))
    assert by_doc(prov)["b"].parent_doc_id == "a"


def test_subheads_and_captions_are_text_units():
    text = "\n\n".join([P1, "What happens to the ferries next", P2, "The harbour at dawn on Monday"])
    start = [text.index(x) for x in (P1, "What happens to the ferries next", P2, "The harbour at dawn")]
    page = replace(art("a", "a.com", [P1]), text=text,
                   paragraphs=(Span(start[0], start[0] + len(P1)), Span(start[2], start[2] + len(P2))),
                   subheads=(Span(start[1], start[1] + len("What happens to the ferries next"), "subhead"),),
                   captions=(Span(start[3], len(text), "caption"),))
    units = list(build_info(page, "copy").units)
    assert units == [norm(P1), "what happens to the ferries next", norm(P2), "the harbour at dawn on monday"]
