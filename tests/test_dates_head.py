"""Which date on a text page is the story's: by its headline, not a teaser's or a post's."""

import pytest

from newstrace.clean import clean_document
from newstrace.clean.dates import (
    WEAK_DATE,
    date_line,
    find_date,
    firm_published,
    page_year,
    posted_day,
    relative_stamp,
    signs_post,
)
from newstrace.clean.infer_date import infer_date
from newstrace.clean.structure import build_article
from newstrace.records import Line, RawDoc

HEADLINE = "Council approves harbour budget"
BODY = [
    "The regional council approved a new budget for the harbour district on Monday evening, "
    "after a debate that lasted well into the night and drew a large crowd.",
    "Officials said the plan would raise spending on ferries by twelve percent next year, "
    "most of it paid from a regional transport fund approved by voters.",
]
MENU = [f"Section {k}" for k in range(25)]


def _page(above: list[str], below: list[str] = ()):
    """A page: dropped lines `above`, the kept body, dropped lines `below`."""
    texts = [*above, *BODY, *below]
    lines, pos = [], 0
    for k, t in enumerate(texts):
        keep = len(above) <= k < len(above) + len(BODY)
        lines.append(Line(t, pos, pos + len(t), keep, "" if keep else "navigation"))
        pos += len(t) + 1
    return build_article(RawDoc("d1", "t.txt", "", "text", "\n".join(texts)), lines)


def test_date_under_the_headline_counts_when_the_body_starts_far_below():
    # a long car-brand menu sits between the story's head and its body; a teaser
    # list with an old date lies just above the body
    head = [f"{HEADLINE} - The Gazette", *MENU[:3], HEADLINE, "Jane Roe", "Harbour", "November 20, 2019 13:42"]
    teasers = ["FEATURES", "The old ferry line", "June 15, 2010", "FEATURES", "A sea wall", "May 2, 2011"]
    a = _page([*head, *MENU, *teasers])
    assert a.title.value == HEADLINE
    assert a.published.value == "2019-11-20T13:42" and a.published.evidence == "date line"
    assert firm_published(a) == "2019-11-20T13:42"
    # the same date split from its tag by a link one line further down still counts
    a = _page([*head[:-1], "Ports", *head[-1:], *MENU, *teasers])
    assert a.published.value == "2019-11-20T13:42"


def test_far_date_line_without_a_headline_near_it_keeps_its_old_answer():
    a = _page([*MENU, "FEATURES", "The old ferry line", "June 15, 2010", *MENU])
    assert a.published.value == "2010-06-15" and a.published.evidence == "date line"


def test_embedded_post_date_is_not_the_story_date():
    sign = "— Jane Doe (@janedoe) November 18, 2019"
    a = _page([*MENU], [sign])
    assert a.published is None  # was the weak first date, 2019-11-18
    a = _page([*MENU], ["— Jane Doe (@janedoe)", "November 18, 2019"])  # the date cut off at its link
    assert a.published is None
    # a story date above the body still wins, and a post elsewhere does not disturb it
    a = _page([*MENU, HEADLINE, "By Jane Roe", "Nov 19, 2019"], [sign])
    assert a.published.value == "2019-11-19" and firm_published(a) == "2019-11-19"


def test_a_feed_of_posts_away_from_the_story_gives_no_date():
    feed = ["@harbourgazette", "-", "November 20, 2019, 10:54 am", "Ferry times change", "@harbourgazette",
            "-", "November 20, 2019, 9:57 am"]
    a = _page([*MENU], [*MENU, *feed])
    assert a.published is None
    # the author's handle right above the date at the head of the story is no feed
    a = _page([*MENU, HEADLINE, "by", "Jane Roe", "@janeroe", "Nov 18, 2019"])
    assert a.published.value == "2019-11-18" and a.published.evidence == "date line"


def test_header_date_alone_stays_weak():
    a = _page(["Weather 12°C Thursday, November 21, 2019", *MENU])
    assert a.published.value == "2019-11-21" and a.published.evidence == WEAK_DATE
    assert firm_published(a) is None


def test_signs_post():
    assert signs_post("— Jane Doe (@janedoe) ")
    assert signs_post("pic.twitter.com/x1 — Mayor Roe (@mayor_roe)")
    assert not signs_post("@harbourgazette -")
    assert signs_post("@harbourgazette -", bare_handle=True)
    assert not signs_post("By Jane Roe |", bare_handle=True)
    assert not signs_post("Posted by @admin on", bare_handle=True)  # text after the handle


def test_inferred_date_skips_a_quoted_post():
    text = ("On Monday the council met. People reacted online.\n"
            "Great news for the harbour — Jane Doe (@janedoe) November 18, 2019\n"
            "The vote passed.")
    assert infer_date(text) is None  # the only Monday date signs a post
    text = text.replace("The vote passed.", "Councillors vote in the hall, November 18, 2019")
    found = infer_date(text)
    assert found.value == "2019-11-18" and text[found.start:found.end] == "November 18, 2019"


def test_text_page_end_to_end():
    body = "\n".join([f"{HEADLINE} | The Gazette", HEADLINE, "Jane Roe", "November 19, 2019", *BODY,
                      "— Jane Doe (@janedoe) November 18, 2019"])
    a = clean_document(RawDoc("d2", "t.txt", "", "text", body))
    assert a.published.value == "2019-11-19" and firm_published(a) == "2019-11-19"


def test_with_zone_keeps_the_clock_and_adds_the_offset():
    from newstrace.clean.dates import with_zone

    assert with_zone("2019-11-19T22:31", " CST") == "2019-11-19T22:31-06:00"
    assert with_zone("2019-11-18T19:04", " ET") == "2019-11-18T19:04-05:00"  # US winter
    assert with_zone("2019-07-18T19:04", " ET |") == "2019-07-18T19:04-04:00"  # US summer
    assert with_zone("2019-11-19T05:44", " GMT") == "2019-11-19T05:44+00:00"
    assert with_zone("2021-05-19T14:30", ":00+03:00") == "2021-05-19T14:30+03:00"
    assert with_zone("2021-05-19T14:30", " (UTC+5:30)") == "2021-05-19T14:30+05:30"
    assert with_zone("2022-11-29T10:15", " IST") == "2022-11-29T10:15+05:30"  # India, half an hour off
    assert with_zone("2022-11-29T10:15", " NPT") == "2022-11-29T10:15+05:45"
    assert with_zone("2022-11-29T10:15", " HKT") == "2022-11-29T10:15+08:00"
    assert with_zone("2022-11-29T10:15", " CST", china=True) == "2022-11-29T10:15+08:00"  # China's CST
    assert with_zone("2022-11-29T10:15", " EST", china=True) == "2022-11-29T10:15-05:00"
    # no zone, an unknown or ambiguous one, a word, or a day without time: unchanged
    for after in ("", " pm", " AST", " ETA", " +8 comments", " Et"):
        assert with_zone("2019-11-19T22:31", after) == "2019-11-19T22:31"
    assert with_zone("2019-11-19", " EST") == "2019-11-19"


def test_chinese_sites_read_cst_as_china_time():
    from newstrace.clean.dates import china_site

    assert [china_site(s) for s in ("chinadaily.com.cn", "www.globaltimes.cn", "english.news.cn",
                                    "scmp.com", "focustaiwan.tw")] == [True] * 5
    assert [china_site(s) for s in ("cnn.com", "chron.com", "news.com.au", None)] == [False] * 4
    for url, want in (("https://www.chinadaily.com.cn/a/202211/29/x.html", "2022-11-29T10:15+08:00"),
                      ("https://www.chron.com/news/x.php", "2022-11-29T10:15-06:00")):
        texts = [HEADLINE, "Updated: 2022-11-29 10:15 CST", *BODY]
        lines, pos = [], 0
        for k, t in enumerate(texts):
            lines.append(Line(t, pos, pos + len(t), k >= 2, "" if k >= 2 else "navigation"))
            pos += len(t) + 1
        a = build_article(RawDoc("d1", "t.txt", "", "text", "\n".join(texts), url=url), lines)
        assert a.published.value == want


def test_page_zone_goes_into_published_without_moving_the_day():
    a = _page([*MENU, HEADLINE, "Chris Davies - Nov 19, 2019, 10:31 pm CST"])
    assert a.published.value == "2019-11-19T22:31-06:00"  # the day the page shows, not UTC's Nov 20
    a = _page([*MENU, HEADLINE, "By Jane Roe", "Nov 19, 2019 10:31"])
    assert a.published.value == "2019-11-19T10:31"


def test_year_first_and_east_asian_dates():
    assert find_date("2019.11.19 10:30").iso == "2019-11-19T10:30"
    assert find_date("2019. 11. 19. (화) 10:30").iso == "2019-11-19T10:30"
    assert find_date("2019/11/19").iso == "2019-11-19"
    assert find_date("2019年11月19日 10時30分").iso == "2019-11-19T10:30"
    assert find_date("2019년 11월 19일 오전").iso == "2019-11-19"
    # a date in a link's path, a version number and an impossible month are no dates
    assert find_date("https://example.com/2019/11/19/story") is None
    assert find_date("release 2019.13.01") is None and find_date("2019年13月1日") is None


@pytest.mark.parametrize("line, iso, evidence", [
    ("Selasa, 19 Nov 2019 10:00 WIB", "2019-11-19T10:00", "date line"),
    ("Kamis, 21 November 2019 | 10:30 WIB", "2019-11-21", "date line"),
    ("Dienstag, 19.11.2019, 10:30 Uhr", "2019-11-19T10:30", "date line"),
    ("terça-feira, 19 de novembro de 2019", "2019-11-19", "date line"),
    ("Publicado em 19/11/2019 - 10h30", "2019-11-19", "published line"),
    ("Atualizado em 19/11/2019", "2019-11-19", "updated line"),
    ("Diperbarui 19 November 2019", "2019-11-19", "updated line"),
    ("Stand: 19.11.2019 10:30 Uhr", "2019-11-19T10:30", "updated line"),
    ("입력 2019.11.19 10:30", "2019-11-19T10:30", "published line"),
    ("수정 2019-11-19 10:30", "2019-11-19T10:30", "updated line"),
    ("公開日：2019年11月19日", "2019-11-19", "published line"),
    ("Last Updated: Nov 19, 2019 10:31 IST", "2019-11-19T10:31", "updated line"),
])
def test_date_lines_in_the_languages_of_news_pages(line, iso, evidence):
    assert date_line(line)[:2] == (iso, evidence)


def test_text_with_a_date_is_no_date_line():
    for line in ("Selasa, 19 Nov 2019 the minister said", "19.11.2019 Berlin Marathon results",
                 "Posted: 19 Nov 2019 by the harbour desk"):
        assert date_line(line) is None, line


def test_posted_line_without_a_year():
    assert posted_day("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM")[0] == "--11-19"
    assert posted_day("Posted Nov 18, 8:19 PM")[0] == "--11-18"
    assert posted_day("Updated Nov 19, 6:55 AM") is None  # an update is no publication
    assert posted_day("Posted Nov 19, 2019") is None  # with its year it is a date line
    assert page_year(["© 2005-2019 The Gazette. All rights reserved.", "Copyright 2017 X"]) == "2019"
    assert page_year(["No rights here"]) is None
    head = [*MENU, HEADLINE, "Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM", "By Jane Roe"]
    a = _page(head, ["© 2019 The Gazette. All rights reserved."])
    assert a.published.value == "2019-11-18"
    assert a.published.evidence == "published line (year from the page's copyright line)"
    assert a.removed and a.published.start > 0
    assert _page(head).published is None  # no year anywhere: no date
    # the year the page was fetched wins; a day after the fetch is last year's
    for fetched, want in (("2020-03-02T10:00:00Z", "2019-11-18"), ("2019-12-01T10:00:00Z", "2019-11-18"),
                          ("2019-11-10T10:00:00Z", "2018-11-18")):
        texts = [*head, *BODY, "© 2021 The Gazette"]
        lines, pos = [], 0
        for k, t in enumerate(texts):
            keep = len(head) <= k < len(head) + len(BODY)
            lines.append(Line(t, pos, pos + len(t), keep, "" if keep else "navigation"))
            pos += len(t) + 1
        raw = RawDoc("d1", "t.txt", "", "text", "\n".join(texts), fetched_at=fetched)
        a = build_article(raw, lines)
        assert (a.published.value, a.published.evidence) == (want, "published line (year from fetched_at)")


def test_story_dated_only_relative_to_now_takes_no_far_date():
    teasers = ["Recent from Jane Roe", "Ferry fares rise again", "Jane Roe", "11/13/19 11:00AM",
               "Sea wall plans", "Jane Roe", "11/12/19 4:40PM"]
    for stamp in ("Monday 5:30PM", "2 days", "Published 22 hours ago", "vor 3 Stunden", "3時間前"):
        a = _page([*teasers, *MENU, HEADLINE, "Jane Roe", stamp])
        assert a.published is None, stamp
    # without the relative stamp the far date stays the answer, as before
    a = _page([*teasers, *MENU, HEADLINE, "Jane Roe", "Harbour"])
    assert a.published.value == "2019-11-13T11:00"
    # a full date at the story's head still wins over a relative one
    a = _page([*teasers, *MENU, HEADLINE, "Jane Roe", "2 days", "Nov 19, 2019"])
    assert a.published.value == "2019-11-19"


def test_relative_stamps():
    for t in ("2 days", "Yesterday 2:45PM", "hace 2 horas", "2 jam lalu", "5 часов назад", "2시간 전"):
        assert relative_stamp(t), t
    for t in ("Today", "Monday", "2 days of talks", "Nov 19, 2019", "Published 2 days after the vote"):
        assert not relative_stamp(t), t


@pytest.mark.parametrize("before, iso, after, want", [
    ("", "2019-11-18", " / 10:07 AM", "2019-11-18T10:07"),  # "Month D, YYYY / time"
    ("", "2019-11-18", " -- 19:14 GMT (19:14 GMT)", "2019-11-18T19:14+00:00"),
    ("", "2019-11-18", " @17:19", "2019-11-18T17:19"),
    ("", "2019-11-18", " | 4:10pm", "2019-11-18T16:10"),
    ("", "2019-11-18", " at 9:24 pm ET", "2019-11-18T21:24-05:00"),
    ("", "2019-11-19", " - 10h30", "2019-11-19T10:30"),
    ("", "2019-11-19", ", 14.30 Uhr", "2019-11-19T14:30"),
    ("Published 11:11 PM EST ", "2019-11-19", "", "2019-11-19T23:11-05:00"),  # the clock before the day
    ("1:39 am EST, Wednesday, ", "2019-11-20", "", "2019-11-20T01:39-05:00"),
    ("Published: 10:31 GMT, ", "2019-11-19", "", "2019-11-19T10:31+00:00"),
    ("Posted: Fri 6:45 PM, ", "2018-02-16", " |", "2018-02-16T18:45"),
    ("Updated at 12:05 AM CST on ", "2019-11-18", "", "2019-11-18T00:05-06:00"),
    ("", "2019-11-19T22:31", " CST", "2019-11-19T22:31-06:00"),  # a time already read: its zone only
    # no clock by the day: a number, a reading time, a day without a year
    ("", "2019-11-18", " - 10.50 euros", "2019-11-18"),
    ("", "2019-11-18", " - 3 min read", "2019-11-18"),
    ("Jane Roe - ", "2019-11-18", "", "2019-11-18"),
    ("", "--11-18", " 10:30", "--11-18"),
])
def test_with_clock_reads_the_time_by_a_day(before, iso, after, want):
    from newstrace.clean.dates import with_clock

    assert with_clock(iso, before, after) == want


def test_time_line_and_label_before():
    from newstrace.clean.dates import label_before, time_line

    assert all(map(time_line, ("9:24 pm ET", "at 9:24 PM", "10:31", "21:14 GMT+3")))
    assert not any(map(time_line, ("12:00 noon", "2 min read", "Score 2:1", "10:31 in the harbour")))
    assert label_before("Jane Roe | Last Updated : ") == "updated line"
    assert label_before("Updated 10:28am EST, ") == "updated line"  # a clock between label and day
    assert label_before("By Jane Roe Posted: Fri 6:45 PM, ") == "published line"
    assert label_before("Jane Roe - ") is None and label_before("") is None


def test_a_time_cut_onto_the_lines_below_its_day_is_kept():
    a = _page([*MENU, HEADLINE, "by", "Jane Roe", "Nov 18, 2019", "at", "9:24 pm ET", "• 2 min read"])
    assert a.published.value == "2019-11-18T21:24-05:00" and a.published.evidence == "date line"
    a = _page([*MENU, HEADLINE, "Jane Roe", "Nov 18, 2019", "10:31"])
    assert a.published.value == "2019-11-18T10:31"
    a = _page([*MENU, HEADLINE, "Jane Roe", "Nov 18, 2019", "Harbour"])  # no time below: the day alone
    assert a.published.value == "2019-11-18"
    a = _page([*MENU, HEADLINE, "Jane Roe", "10:31 PM EST", "Nov 18, 2019"])  # or above it
    assert a.published.value == "2019-11-18T22:31-05:00"


def test_labels_by_a_date_inside_a_longer_line():
    a = _page([*MENU, HEADLINE, "Last Updated : Nov 20, 2019 01:41 PM IST | Source: The Gazette"])
    assert (a.published.value, a.published.evidence) == ("2019-11-20T13:41+05:30", "updated line")
    a = _page([*MENU, HEADLINE, "Jane Roe", "| Updated :", "19 November 2019, 09:01 AM"])
    assert (a.published.value, a.published.evidence) == ("2019-11-19T09:01", "updated line")
    # of two labelled dates on one line the published one
    for line in ("Updated Nov 20, 2019 Published Nov 18, 2019", "Jane Roe Published Nov 18, 2019 Updated Nov 20, 2019"):
        a = _page([*MENU, HEADLINE, line])
        assert (a.published.value, a.published.evidence) == ("2019-11-18", "published line"), line
    # a published line wins over an updated one beside it
    a = _page([*MENU, HEADLINE, "Last Updated : Nov 20, 2019 | Source: The Gazette", "Published: Nov 18, 2019"])
    assert (a.published.value, a.published.evidence) == ("2019-11-18", "published line")


def test_a_date_in_the_headline_or_an_event_span_is_not_the_story_date():
    head = "As of 29 November 2018, thirty artworks light up the harbour"
    texts = [head, head, *BODY]
    lines, pos = [], 0
    for k, t in enumerate(texts):
        lines.append(Line(t, pos, pos + len(t), k >= 2, "" if k >= 2 else "navigation"))
        pos += len(t) + 1
    a = build_article(RawDoc("d1", "t.txt", "", "text", "\n".join(texts)), lines)
    assert a.title.value == head
    assert a.published is None or firm_published(a) is None  # at most the weak first date
    a = _page([*MENU, HEADLINE, "Jane Roe"], ["Light festival", "29 November 2018 | 20 January 2019"])
    assert a.published is None or firm_published(a) is None
    a = _page([*MENU, HEADLINE, "Jane Roe"], ["Light festival", "29 November 2018"])  # a lone far date stays
    assert a.published.value == "2018-11-29" and a.published.evidence == "date line"


def test_a_numeric_day_that_reads_both_ways_follows_the_page():
    from newstrace.clean.dates import month_first

    # day first unless shown otherwise (most of the world writes 11/05/2019 for 11 May)
    assert _page([*MENU, HEADLINE, "Jane Roe", "11/05/2019"]).published.value == "2019-05-11"
    # the page's other numeric days say month first, or a US zone by the date does
    a = _page([*MENU, HEADLINE, "Jane Roe", "11/05/2019"], ["Ferry fares rise", "10/28/2019"])
    assert a.published.value == "2019-11-05"
    a = _page([*MENU, HEADLINE, "By Jane Roe - 11/05/2019 09:12 AM EST"])
    assert a.published.value == "2019-11-05T09:12-05:00"
    # a page that writes day first keeps it, whatever the zone
    a = _page([*MENU, HEADLINE, "Jane Roe", "11/05/2019 09:12 EST"], ["Ferry fares rise", "28/10/2019"])
    assert a.published.value.startswith("2019-05-11")
    assert not month_first("19/11/2019", " EST", []) and not month_first("05/05/2019", " EST", [])
    assert not month_first("11.05.2019", "", ["10/28/2019"])  # another separator proves nothing
