"""Credit lines on HTML pages keep their link target (the href the extracted text drops)."""

import pytest
from test_html_credits import PARAS

from newstrace.clean import clean_document
from newstrace.clean.credits import link_domain, with_link
from newstrace.clean.html import HtmlOptions, extract_html
from newstrace.clean.html_credits import pick_link
from newstrace.records import Article, Credit, RawDoc
from newstrace.trace.members import build_info

URL = "https://www.dailysite.example/world/2019/11/29/arctic-talks"
DEEP = "https://sputniknews.com/20191129/lavrov-arctic-council-talks-1077412345.html"


def page(inside: str = "", after: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return ("<html><head><title>Lavrov on Arctic Council talks - Daily Site</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<div class='article'><h1>Lavrov on Arctic Council talks</h1>{body}{inside}</div>{after}"
            "<footer><p>© 2019 Daily Site Media Group. All rights reserved.</p></footer></body></html>")


def credits(html: str) -> list[Credit]:
    return list(clean_document(RawDoc("d", "t.html", "", "html", html, url=URL)).credits)


def test_source_line_in_the_body_gives_the_deep_link():
    got = credits(page(f"<p>Source: <a href='{DEEP}'>Sputnik</a></p>"))
    assert [(c.outlet, c.domain, c.form, c.link) for c in got] == [
        ("Sputnik", "sputniknews.com", "source", DEEP)]


def test_domain_comes_from_the_href_when_the_text_names_none():
    link = "https://www.senivikchronicle.com/2019/11/29/arctic-council-talks-resume/"
    got = credits(page(f"<p><em>Via <a href='{link}'>Senivik Chronicle</a></em></p>"))
    assert [(c.outlet, c.domain, c.link) for c in got] == [
        ("Senivik Chronicle", "senivikchronicle.com", link)]


def test_credit_without_a_link_is_unchanged():
    got = credits(page("<p>Via Senivik Chronicle</p>"))
    assert [(c.outlet, c.domain, c.form, c.link) for c in got] == [
        ("Senivik Chronicle", None, "via", None)]


@pytest.mark.parametrize("href", [
    "https://www.dailysite.example/tag/senivik-chronicle",  # the page's own site
    "https://news.dailysite.example/2019/11/29/arctic-council-talks-resume",  # ... a subdomain of it
    "/tag/senivik-chronicle",  # relative: its own site too
    "https://twitter.com/senivik/status/1200000000000",  # a platform
])
def test_link_to_the_own_site_or_a_platform_is_no_credit_link(href):
    got = credits(page(f"<p>Via <a href='{href}'>Senivik Chronicle</a></p>"))
    assert [(c.outlet, c.domain, c.link) for c in got] == [("Senivik Chronicle", None, None)]


def test_box_after_the_story_keeps_its_link():
    link = "https://graardorobserver.com/news/2019/arctic-talks"
    after = f"<div class='post-source'><p>Originally published by <a href='{link}'>The Graardor Observer</a></p></div>"
    got = credits(page(after=after))
    assert [(c.domain, c.form, c.link) for c in got] == [("graardorobserver.com", "first-appeared", link)]


def test_named_anchor_picks_its_site_and_the_deepest_link_there():
    line = ("<p>This article was originally published by <a href='https://futurism.example/'>Futurism</a>."
            " Read the <a href='https://futurism.example/scientists-confirm-water-vapor'>original article</a>."
            " Licensed under <a href='https://creativecommons.org/licenses/by-nd/4.0/'>CC BY-ND</a>.</p>")
    got = credits(page(line))
    assert [(c.domain, c.link) for c in got] == [
        ("futurism.example", "https://futurism.example/scientists-confirm-water-vapor")]


def test_two_unnamed_sites_give_no_link():
    anchors = [("here", "https://one.example/2019/a-story-here"), ("there", "https://two.example/2019/b")]
    assert pick_link(anchors, ("Senivik Chronicle", None, "via"), "dailysite.example") is None
    assert pick_link(anchors[:1], ("Senivik Chronicle", None, "via"), "dailysite.example") == anchors[0][1]


def test_policy_page_is_not_the_credit_link():
    anchors = [("All rights reserved", "https://foo-news.example/terms-of-use")]
    assert pick_link(anchors, ("Foo News", None, "copyright"), None) is None


def test_body_text_is_the_same_with_or_without_links():
    html = page(f"<p>Source: <a href='{DEEP}'>Sputnik</a></p>")
    plain = html.replace(f"<a href='{DEEP}'>", "").replace("</a></p>", "</p>")
    with_links = extract_html(html, URL)
    assert with_links.text == extract_html(plain, URL).text
    assert with_links.text == extract_html(html, URL, options=HtmlOptions(page_credits=False)).text
    assert [ln.link for ln in with_links.lines if ln.text == "Source: Sputnik"] == [DEEP]


def test_link_helpers():
    assert link_domain("//www.sputniknews.com/x") == "sputniknews.com"
    assert link_domain("/local/page") is None and link_domain("mailto:a@b.example") is None
    assert with_link(("X Daily", None, "via"), "https://xdaily.example/a") == ("X Daily", "xdaily.example", "via")
    assert with_link(("Sputnik", "sputniknews.com", "source"), "https://other.example/a")[1] == "sputniknews.com"


def test_trace_sees_the_story_link_in_the_href():
    def article(link):
        credit = Credit("Sputnik", "sputniknews.com", "source", "Source: Sputnik", -1, -1, link)
        return Article("d", "One paragraph of text that is long enough.", url=URL, credits=(credit,))

    assert build_info(article(DEEP), "copy").links_outlet("sputniknews.com")
    assert not build_info(article(None), "copy").links_outlet("sputniknews.com")
    assert not build_info(article("https://sputniknews.com/"), "copy").links_outlet("sputniknews.com")
