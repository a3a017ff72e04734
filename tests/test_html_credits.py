"""Credit lines read from the whole of an HTML page, not only its extracted body."""

import pytest
from test_credits import CREDITS
from test_credits_forms import CREDIT_FORMS

from newstrace.clean import clean_document
from newstrace.clean.credits import may_credit, parse_credit
from newstrace.clean.html import HtmlOptions, extract_html, parse_html
from newstrace.clean.html_credits import footer_credit_lines
from newstrace.records import RawDoc

PARAS = [
    "The Russian foreign minister said on Tuesday that talks with Iceland on the Arctic Council "
    "agenda would continue next month in Reykjavik, where the council meets.",
    "He told reporters that the council had agreed to keep working on shipping rules and on the "
    "rescue services that the eight member states share in the far north.",
    "The minister added that Moscow expected the new chair to keep science cooperation apart from "
    "the disputes over sanctions, which he called harmful to everyone involved.",
    "Officials in Reykjavik did not comment on the remarks, but a spokesman said the agenda for the "
    "meeting would be published on the council's website later this week.",
]


def page(after: str = "", inside: str = "", head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return ("<html><head><title>Lavrov on Arctic Council talks - Daily Site</title>" + head + "</head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/x'>Partner.com</a></nav>"
            f"<div class='article'><h1>Lavrov on Arctic Council talks</h1>{body}{inside}</div>{after}"
            "<div class='related'><h3>Related</h3><ul><li><a href='/y'>Another story of the day here"
            "</a></li></ul></div><footer><p>© 2019 Daily Site Media Group. All rights reserved.</p>"
            "<p><a href='https://sisterpaper.com'>SisterPaper.com</a></p></footer></body></html>")


def credits(html: str) -> list[tuple]:
    raw = RawDoc("d", "t.html", "", "html", html, url="https://dailysite.example/world/lavrov")
    return [(c.outlet, c.domain, c.form) for c in clean_document(raw).credits]


@pytest.mark.parametrize("after", [
    "<div class='source'>Sourse: sputniknews.com</div>",
    "<div class='post-meta'><span>Source:</span> <a href='https://sputniknews.com/x'>sputniknews.com</a></div>",
])
def test_credit_after_the_story(after):
    assert credits(page(after=after)) == [("Sputnik", "sputniknews.com", "source")]


@pytest.mark.parametrize("inside", [
    "<footer class='entry-footer'><p>Source: <b>sputniknews.com</b></p></footer>",
    "<aside><em>Source: sputniknews.com</em></aside>",
    "<div class='share'>Share</div><div class='source-box'><p>Source: sputniknews.com</p></div>",
])
def test_credit_beside_the_story(inside):
    assert credits(page(inside=inside)) == [("Sputnik", "sputniknews.com", "source")]


def test_credit_in_a_box_after_the_story_container():
    # the story sits in its own block; the credit box is that block's sibling
    html = page().replace("<div class='article'>", "<div class='region'><div class='article'>").replace(
        "</div><div class='related'>",
        "</div><section class='syndication'><p>Via <a href='https://syndigate.info'>SyndiGate.info</a>"
        "</p></section></div><div class='related'>")
    assert credits(html) == [("syndigate.info", "syndigate.info", "via")]


def test_credit_inside_the_body_is_read_once():
    found = credits(page(inside="<p>This article first appeared on Sputnik News.</p>"))
    assert found == [("Sputnik", "sputniknews.com", "first-appeared")]


def test_agency_copyright_outside_the_body():
    html = page(after="<div class='rights'>© 2019 The Associated Press. All rights reserved.</div>")
    assert credits(html) == [("AP", "apnews.com", "copyright")]


def test_page_furniture_is_no_credit():
    # the site's own footer, a group footer naming no outlet, a sister site's bare link, script text
    html = page(after="<div>© 2019 Big Media Holdings, Inc.</div><script>var s = 'Source: rt.com';</script>"
                      "<p><a href='https://partner.com'>partner.com</a></p>")
    assert credits(html) == []
    assert footer_credit_lines(parse_html(html)) == []


def test_site_footer_is_not_read():
    # a <footer> that is a child of <body> is the site's: "Source:" there is a data credit
    html = page().replace("<footer>", "<footer><p>Source: Reuters</p>")
    assert footer_credit_lines(parse_html(html)) == []
    assert credits(html) == []


def test_switch_off():
    html = page(after="<div class='source'>Source: sputniknews.com</div>")
    assert extract_html(html, options=HtmlOptions(page_credits=False)).credits == []
    got = extract_html(html).credits
    assert [ln.text for ln in got] == ["Source: sputniknews.com"] and not got[0].keep


@pytest.mark.parametrize("line", [c[0] for c in CREDITS] + [c[0] for c in CREDIT_FORMS])
def test_may_credit_lets_every_credit_through(line):
    text = " ".join(line.split())
    if parse_credit(text) is not None:
        assert may_credit(text)


def test_may_credit_is_a_filter():
    assert not may_credit("Home")
    assert sum(map(may_credit, ["Home", "World", "Sports", "Weather", "Log in", "Subscribe"])) == 0


def test_blocks_left_out_of_the_body_are_kept_with_a_reason():
    inside = ("<div class='newsletter'><p>Sign up for our newsletter to get the day's top stories "
              "in your inbox every morning.</p></div>")
    raw = RawDoc("d", "t.html", "", "html", page(inside=inside), url="https://dailysite.example/world/x")
    art = clean_document(raw)
    assert "newsletter" not in art.text
    removed = {r.text: r.reason for r in art.removed}
    line = "Sign up for our newsletter to get the day's top stories in your inbox every morning."
    assert line in removed and removed[line]
    assert all(r.start == -1 and r.end == -1 for r in art.removed)
