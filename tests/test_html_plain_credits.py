"""Plain credit lines on HTML pages: a bare domain or a © line naming an unknown outlet
where a news template puts a credit (made-up pages)."""

import pytest

from newstrace.clean import clean_document
from newstrace.clean.credits import parse_credit
from newstrace.clean.html_credits import plain_credit
from newstrace.records import RawDoc

PARAS = [
    "The city council voted on Tuesday to extend the night bus service to the eastern suburbs, "
    "after two years of complaints from shift workers who have no other way home.",
    "The new routes will start in March and cost about four million a year, paid from the transport "
    "budget that the council had set aside for the tram extension now on hold.",
    "Residents of the eastern districts said at the meeting that the last bus now leaves the centre "
    "before midnight, leaving nurses and cleaners to pay for taxis every night.",
    "The transport committee will publish the timetable next month and said it would review the "
    "service after six months to see whether more buses are needed on weekends.",
]
URL = "https://dailynorth.example/city/night-buses"


def page(inside: str = "", box: str = "", footer: str = "", after: str = "", site_footer: str = "",
         last: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS) + last
    return ("<html><head><title>Night buses for the east | Daily North</title></head><body>"
            "<header><div class='logo'>Daily North</div><nav><ul><li><a href='/city'>City</a></li>"
            "<li><a href='/sport'>Sport</a></li></ul></nav></header><main><article class='post'>"
            f"<h1>Night buses for the east</h1><div class='entry-content'>{body}</div>{inside}{box}"
            "<div class='share'><a href='#'>Facebook</a><a href='#'>Email</a></div>"
            f"{footer}</article>{after}<aside class='widget'><h3>Most read</h3></aside></main>"
            f"<div class='wrap'><footer class='site'><p>© 2019 Daily North. All rights reserved.</p>"
            f"{site_footer}</footer></div></body></html>")


def credits(html: str) -> list[tuple]:
    raw = RawDoc("d", "t.html", "", "html", html, url=URL)
    return [(c.outlet, c.domain, c.form) for c in clean_document(raw).credits
            if c.domain != "dailynorth.example" and c.outlet != "Daily North"]


@pytest.mark.parametrize("kw", [
    {"box": "<div class='source'>techcrunch.com</div>"},
    {"footer": "<footer class='entry-footer'><span>techcrunch.com</span></footer>"},
    {"after": "<div class='post-source'><p>techcrunch.com</p></div>"},
    {"last": "<p><em>techcrunch.com</em></p>"},
    {"after": "<div class='origin'><a href='https://techcrunch.com/2021/05/01/night-buses/'>"
              "https://techcrunch.com/2021/05/01/night-buses/</a></div>"},
])
def test_bare_domain_where_a_template_puts_a_credit(kw):
    found = credits(page(**kw))
    assert len(found) == 1 and found[0][1] == "techcrunch.com" and found[0][2] in ("domain", "url")


@pytest.mark.parametrize("kw", [
    {"box": "<div class='source'>© 2021 Techcrunch</div>"},
    {"footer": "<footer class='entry-footer'><span>© 2021 Techcrunch. All rights reserved.</span></footer>"},
    {"after": "<div class='post-source'><p>© 2021 Techcrunch</p></div>"},
    {"last": "<p><em>© 2021 Techcrunch. All rights reserved.</em></p>"},
])
def test_copyright_of_an_unknown_outlet_beside_the_story(kw):
    assert credits(page(**kw)) == [("Techcrunch", None, "copyright")]


@pytest.mark.parametrize("kw", [
    # a group's footer, a copyright running over years, the page's own name
    {"after": "<div class='rights'>© 2019 Hearst Communications, Inc.</div>"},
    {"after": "<div class='rights'>© 2004-2019 Northern Papers</div>"},
    {"footer": "<footer class='entry-footer'><p>© 2019 Daily North</p></footer>"},
    # a sister site's home page, the page's own site, a site host
    {"after": "<p><a href='https://sisterpaper.com'>sisterpaper.com</a></p>"},
    {"after": "<div class='x'>dailynorth.example</div>"},
    {"footer": "<footer class='entry-footer'><span>WordPress.com</span></footer>"},
    # a © line in a box that says more (a site footer nested in the page)
    {"site_footer": "<p>© 2021 Northwire</p>"},
    {"after": "<div class='legal'><p>© 2021 Northwire</p><p>Terms of use and privacy notice</p></div>"},
    # a photo credit with no year in the story's box
    {"box": "<div class='photo'>© Northwire</div>"},
])
def test_furniture_is_no_plain_credit(kw):
    assert credits(page(**kw)) == []


MORE = [
    "Bus drivers' union leaders welcomed the vote but warned that the operator is already short of "
    "drivers and would need to hire at least forty more before the new routes can run.",
    "The operator said recruitment had begun and that training takes about ten weeks, so the first "
    "night routes may run with a reduced timetable until the early summer.",
    "Opposition members voted against the plan, arguing that the money should go to the delayed "
    "tram line, which they said would serve the same districts better in the long run.",
]


def test_bare_domain_mid_story_is_no_credit():
    # a line the story's text goes on after (a link in the story) is no credit
    more = "".join(f"<p>{p}</p>" for p in MORE)
    html = page(last=more).replace(f"<p>{PARAS[2]}</p>", f"<p>{PARAS[2]}</p><p>techcrunch.com</p>")
    assert credits(html) == []


def test_plain_footer_outside_an_article_is_not_read():
    # an inner <footer> that is no article's (a site footer wrapped in a div)
    html = page(site_footer="").replace("<div class='wrap'>", "<div class='wrap'><footer class='band'>"
                                        "<span>© 2021 Northwire</span></footer>")
    assert credits(html) == []


def test_plain_credit_rules():
    def ok(line: str) -> bool:
        return plain_credit(line, parse_credit(line), "dailynorth.example")

    assert ok("techcrunch.com") and ok("https://techcrunch.com/2021/05/01/x") and ok("© 2021 Techcrunch")
    assert not ok("https://techcrunch.com/logo.png")
    assert not ok("www.dailynorth.example")
    assert not ok("© 2019 Vox Media, LLC. All Rights Reserved")
    assert not ok("© 2000-2019 Rogers Sportsnet")
    assert not ok("© Sputnik")
    # explicit forms are not plain ones (they count anywhere the scan reads)
    assert not ok("Source: techcrunch.com") and not ok("© 2019 The Associated Press")
