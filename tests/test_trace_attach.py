"""A page in no reuse family that credits a site of the corpus and quotes that site's
page of a story word for word is a copy of that page (a roundup borrowing a passage
too short for the reuse stage)."""

from test_trace import P1, P2, P3, P4, P5, art, by_doc

from newstrace.records import Member
from newstrace.trace import trace_families
from newstrace.trace.attach import Page, choose
from newstrace.trace.members import build_info

T = "2023-05-02T%02d:00:00+00:00"
OTHER_A = "Rail workers in the northern province voted to strike over pay for the third time."
OTHER_B = "The weather service expects heavy snow across the mountain passes over the weekend."


def corpus(roundup_credits=(), roundup_paras=(OTHER_A, P3, OTHER_B), roundup_time=T % 12):
    """o: the origin; m: a copy that dropped the last paragraph; r: a roundup in no
    family quoting one sentence of them."""
    o = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published=T % 8)
    m = art("m", "middleman.net", [P1, P2, P3, P4], published=T % 10,
            credits=[("harbourpost.com", "source", "Source: harbourpost.com")])
    r = art("r", "roundup.org", list(roundup_paras), title="Morning briefing",
            published=roundup_time, credits=roundup_credits)
    articles = {a.doc_id: a for a in (o, m, r)}
    members = [Member("o", "F1", "copy", 1.0), Member("m", "F1", "copy", 1.0)]
    return by_doc(trace_families(articles, members)[0])


def test_a_roundup_crediting_a_copy_it_quotes_goes_under_that_copy():
    rows = corpus([("middleman.net", "via", "Via middleman.net")])
    r = rows["r"]
    assert (r.family_id, r.parent_doc_id, r.origin_doc_id) == (None, "m", "o")
    assert r.origin_outlet == rows["m"].origin_outlet == "harbourpost.com"
    assert r.credit_status == "credited"
    assert "quotes 1 sentence(s)" in r.evidence[0] and "(m)" in r.evidence[0]


def test_without_a_credit_the_quote_is_no_evidence():
    r = corpus()["r"]
    assert (r.parent_doc_id, r.origin_doc_id, r.credit_status) == (None, "r", "origin")


def test_a_credit_without_a_shared_sentence_names_an_outside_source():
    r = corpus([("middleman.net", "via", "Via middleman.net")], (OTHER_A, OTHER_B))["r"]
    assert (r.parent_doc_id, r.origin_doc_id, r.origin_outlet) == (None, None, "middleman.net")


def test_a_credit_naming_another_member_than_the_quoted_one_does_not_attach():
    r = corpus([("newsline.com", "via", "Via newsline.com")])["r"]
    assert r.parent_doc_id is None and r.origin_outlet == "newsline.com"


def test_a_page_out_days_before_the_story_did_not_quote_it():
    r = corpus([("middleman.net", "via", "Via middleman.net")],
               roundup_time="2023-04-20T08:00:00+00:00")["r"]
    assert r.parent_doc_id is None


def page(doc_id, site="middleman.net", hour=10):
    return Page(doc_id, site, 1682985600.0 + 3600 * hour, 0.5)


def roundup_info(credits=(("middleman.net", "via", "Via middleman.net"),)):
    return build_info(art("r", "roundup.org", [OTHER_A, P3, OTHER_B], credits=credits,
                          published=T % 12), "partial")


def test_a_sentence_on_two_pages_of_one_site_is_its_furniture():
    unit = next(iter(build_info(art("x", "a.org", [P3]), "copy").units))
    assert choose(roundup_info(), [(unit, page("m"))])[0].doc_id == "m"
    assert choose(roundup_info(), [(unit, page("m")), (unit, page("m2", hour=9))]) is None


def test_the_page_sharing_most_text_wins_then_the_earliest():
    units = sorted(build_info(art("x", "a.org", [P3, OTHER_A]), "copy").units)
    p3 = next(u for u in units if "fishermen" in u)
    both = roundup_info((("middleman.net", "via", "Via middleman.net"),
                         ("othernews.net", "via", "and othernews.net")))
    longer = [(u, page("m")) for u in units]
    assert choose(both, [(p3, page("n", "othernews.net", hour=9)), *longer])[0].doc_id == "m"
    got = choose(both, [(p3, page("m")), (p3, page("n", "othernews.net", hour=9))])
    assert got[0].doc_id == "n" and got[1] == [p3]


def test_a_short_shared_sentence_is_not_enough():
    short = "Officials said the talks failed."
    info = build_info(art("r", "roundup.org", [OTHER_A, short],
                          credits=(("middleman.net", "via", "Via middleman.net"),)), "partial")
    unit = next(u for u in info.units if u.startswith("officials"))
    assert choose(info, [(unit, page("m"))]) is None
