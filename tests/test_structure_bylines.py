"""Bylines (and the dates next to them) that text mode finds above the story."""

from __future__ import annotations

import pytest

from newstrace.clean.byline import head_byline, person_names, read_byline
from newstrace.clean.dates import date_line, find_date, label_line
from newstrace.clean.structure import build_article
from newstrace.records import Found, Line, RawDoc

HEADLINE = "Council approves harbour budget after a long night"
BODY = [
    "The regional council approved a new budget for the harbour district on Monday evening, "
    "after a debate that lasted well into the night and drew a large crowd.",
    "Officials said the plan would raise spending on ferries by twelve percent next year, "
    "most of it paid from a regional transport fund approved by voters.",
]


def _lines(above: list[str]) -> list[Line]:
    out, pos = [], 0
    for k, t in enumerate([*above, *BODY]):
        keep = k >= len(above)
        out.append(Line(t, pos, pos + len(t), keep, "" if keep else "navigation"))
        pos += len(t) + 1
    return out


def _article(*above: str):
    """An article whose cleaner dropped `above`; the page's title names the headline line."""
    lines = _lines(list(above))
    raw = RawDoc("d1", "t.txt", "", "text", "\n".join(ln.text for ln in lines))
    return build_article(raw, lines, {"title": Found(HEADLINE, "meta og:title")})


@pytest.mark.parametrize("line, names, how", [
    ("By Jane Doe", "Jane Doe", "byline"),
    ("by Laura Winter", "Laura Winter", "byline"),
    ("BY: Jane Doe", "Jane Doe", "byline"),
    ("By Sherif Saed,", "Sherif Saed", "byline"),
    ("By Justine Coleman -", "Justine Coleman", "byline"),
    ("By Jane Doe and John Roe", "Jane Doe and John Roe", "byline"),
    ("By Stefan Becket, Kathryn Watson, Grace Segers", "Stefan Becket, Kathryn Watson, Grace Segers", "byline"),
    ("By Jane Doe, Staff Writer", "Jane Doe", "byline"),
    ("Written by Jane Doe", "Jane Doe", "byline"),
    ("Posted by Jane Doe on November 19, 2019", "Jane Doe", "byline"),
    ("by Regan September 15, 2014", "Regan", "byline"),
    ("Von Hans Müller", "Hans Müller", "byline"),
    ("Por María García", "María García", "byline"),
    ("Di Mario Rossi", "Mario Rossi", "byline"),
    ("Oleh Budi Santoso", "Budi Santoso", "byline"),
    ("Автор: Иван Петров", "Иван Петров", "byline"),
    ("Текст: Венера Ерофеева", "Венера Ерофеева", "byline"),
    ("홍길동 기자", "홍길동", "byline"),
    ("(서울=연합뉴스) 김철수 기자", "김철수", "byline"),
    ("记者 张伟", "张伟", "byline"),
    ("By Reuters", "Reuters", "byline"),
    ("Jane Doe, Staff Writer", "Jane Doe", "role"),
    ("Meg JamesStaff Writer", "Meg James", "role"),
    ("Jane Doe | Reuters", "Jane Doe", "outlet"),
    ("Jane Doe @janedoe", "Jane Doe", "handle"),
    ("Chaim Gartenberg@cgartenberg", "Chaim Gartenberg", "handle"),
    ("Jane Doe  Nov 19, 2019", "Jane Doe", "date"),
    ("Reuters November 18, 2019 11:03 PM", "Reuters", "date"),
    # names with apostrophes and run-together initials
    ("By Mary O'Brien", "Mary O'Brien", "byline"),
    ("By J.R. Smith", "J.R. Smith", "byline"),
    # an outlet the writer works for, a relative time, a role with no mark before it
    ("By Jane Doe For Dailymail.com", "Jane Doe", "byline"),
    ("By JANE DOE FOR THE DAILY NEWS", "JANE DOE", "byline"),
    ("By Jane Doe • 2 hours ago", "Jane Doe", "byline"),
    ("By Jane Doe Contributor", "Jane Doe", "byline"),
    ("Jane Doe Senior Writer", "Jane Doe", "role"),
    # agencies with a staff tail, and a writer with an agency
    ("By Reuters Staff", "Reuters Staff", "byline"),
    ("By Jane Doe and The Associated Press", "Jane Doe and The Associated Press", "byline"),
    # "written by" in the languages of the set
    ("Escrito por Maria Silva", "Maria Silva", "byline"),
    ("Scritto da Mario Rossi", "Mario Rossi", "byline"),
    ("Geschrieben von Hans Müller", "Hans Müller", "byline"),
    ("Ditulis oleh Budi Santoso", "Budi Santoso", "byline"),
    # a blog's date first, then its "by"
    ("Posted on: November 19, 2019 by Jane Doe", "Jane Doe", "byline"),
    ("19.11.2019 by Regan", "Regan", "byline"),
    # Korean "writer" labels
    ("글·사진 홍길동 기자", "홍길동", "byline"),
    ("글 홍길동", "홍길동", "byline"),
    ("取材・文／山田太郎", "山田太郎", "byline"),
])
def test_read_byline_forms(line, names, how):
    assert read_byline(line) == (names, how)


@pytest.mark.parametrize("line", [
    "By Monday, the deal will be done.", "By the time we arrived, it was over", "By Staff", "Staff",
    "Staff Writer", "World News", "Breaking News | World", "Sign In", "More Stories", "Jane Doe",
    "Photo: Jane Doe/Reuters", "Di Maio attacca il governo", "Follow us @newsdesk", "Reuters",
    "Jane Doe said the plan. It was late.", "By Admin", "Updated Nov 19, 2019",
    "Reuters Staff", "By Staff Writer", "Jane Doe for the win", "By Mary O' Brien", "Scritto da Roma",
    "Jane Doe 2 hours", "By Monday Contributor", "November 19, 2019 by the harbour", "In May 19, 2019 by Jane Doe",
    "글쓰기", "사진 홍길동 기자", "Jane Doe · 5 mins ago", "Harbour Budget Vote 2 hours ago",
])
def test_read_byline_rejects(line):
    assert read_byline(line) is None


def test_person_names():
    assert person_names("Troy L. Smith") == "Troy L. Smith"
    assert person_names("Ludwig van Beethoven") == "Ludwig van Beethoven"
    assert person_names("VICTOR TANGERMANN") == "VICTOR TANGERMANN"
    for s in ("U.S. Senate", "U.K. Parliament", "Dubai Airshow Plans", "Top Stories", "Browse All Posts", "Jane", "Jane 2 Doe", "the Doe family",
              "A Fantástica Loja dos Materiais Educativos"):
        assert person_names(s) is None, s


@pytest.mark.parametrize("above, name, evidence", [
    ([HEADLINE, "By", "Umair Irfan", "Updated", "Nov 13, 2019"], "Umair Irfan", "byline line above the body"),
    ([HEADLINE, "Catherine Shu", "@catherineshu", "2 days"], "Catherine Shu", "name and handle above the body"),
    ([HEADLINE, "Menu", "VICTOR TANGERMANN, FUTURISM", "18 NOV 2019"], "VICTOR TANGERMANN",
     "name next to a date line above the body"),
    ([HEADLINE, "Rodrigo Campos", "5 Min Read"], "Rodrigo Campos", "name under the headline"),
    ([HEADLINE, "Share", "Jane Doe", "Senior Reporter", "Share"], "Jane Doe", "name and role above the body"),
    ([HEADLINE, "By", "Reuters"], "Reuters", "byline line above the body"),
    ([HEADLINE, "By", "Troy L. Smith, Cleveland.com"], "Troy L. Smith", "byline line above the body"),
    # a one-word pen name under a bare "by" / "written by"
    ([HEADLINE, "by", "Regan", "September 15, 2014"], "Regan", "byline line above the body"),
    ([HEADLINE, "Written by", "Regan"], "Regan", "byline line above the body"),
    # an explicit one-word byline beside the story's date
    ([HEADLINE, "November 12, 2018", "| BY: Gazette", "Share"], "Gazette", "byline line above the body"),
    # an agency and its place beside the story's date
    ([HEADLINE, "Share", "PTI, New Delhi,", "Nov 20 2019, 11:06am IST"], "PTI",
     "name next to a date line above the body"),
])
def test_head_byline_from_neighbouring_lines(above, name, evidence):
    a = _article(*above)
    assert a.byline is not None and (a.byline.value, a.byline.evidence) == (name, evidence)
    assert a.text.startswith("The regional council")  # the body is untouched


def test_explicit_byline_beats_a_bare_name_and_a_photo_credit():
    a = _article(HEADLINE, "Credit...", "Anna Moneymaker/The New York Times", "Jane Doe", "Nov. 19, 2019",
                 "By", "Ana Swanson")
    assert a.byline.value == "Ana Swanson"


def test_byline_right_after_the_headline_far_above_the_body():
    gallery = [f"Photo {k} of 30: harbour boats at dawn" for k in range(30)]
    a = _article(HEADLINE, "Tom Krisher, Ap Auto Writer", "Updated", *gallery)
    assert a.byline.value == "Tom Krisher"
    # far from the story and not after the headline: a bare name counts for nothing
    assert _article("Jane Doe", "Nov 19, 2019", *gallery, HEADLINE).byline is None


@pytest.mark.parametrize("above", [
    [HEADLINE, "Staff", "Nov 19, 2019"],
    [HEADLINE, "World News", "Nov 19, 2019"],
    ["Dubai Airshow", "Emirates inks a new order for thirty long range jets today", "Nov 20, 2019"],
    [HEADLINE, "Credit", "Jane Doe", "Nov 19, 2019"],
    [HEADLINE, "By Monday, the deal will be done.", "Nov 19, 2019"],
    ["Jane Doe", HEADLINE],  # a name with nothing saying it is the author
    [HEADLINE, "Donald Trump", "Kurt Volker", "Nov 19, 2019"],  # topic tags
    # photo captions of a gallery: the last name over the date is one of them
    [HEADLINE, "Ann Lee 100 freestyle", "Tom Ray North Diving", "Ben Cole Trinity", "Posted: Fri 6:45 PM, Feb 16, 2018"],
    [HEADLINE, "by", "Sponsored"],  # a pen name is no section or UI word
    [HEADLINE, "By: Sponsored", "Nov 19, 2019"],
    [HEADLINE, "Share", "Sponsored by", "Acme Harbour Supplies", "Nov 19, 2019"],  # a sponsor, not a writer
    [HEADLINE, "Share", "Powered by", "Harbourtech", "Nov 19, 2019"],
])
def test_no_byline(above):
    assert _article(*above).byline is None


def test_a_name_printed_twice_under_the_headline():
    assert _article(HEADLINE, "Anna Menin", "Anna Menin", "Share", "Nov 20, 2019").byline.value == "Anna Menin"


def test_explicit_byline_kept_in_the_body_is_read_and_taken_out():
    lines = _lines([HEADLINE])
    lines.insert(2, Line("Текст: Венера Ерофеева·24 сентября 2018", 400, 440, True))
    a = build_article(RawDoc("d1", "t.txt", "", "text", "x" * 600), lines, {"title": Found(HEADLINE, "meta")})
    assert (a.byline.value, a.byline.evidence) == ("Венера Ерофеева", "byline line")
    assert "Венера Ерофеева" not in a.text
    assert any("Венера Ерофеева" in r.text for r in a.removed)


def test_head_byline_returns_the_row():
    lines = _lines([HEADLINE, "Share", "By Jane Doe", "Nov 19, 2019"])
    assert head_byline(lines, 4, {0}) == ("Jane Doe", "byline line above the body", 2)
    assert head_byline(lines, 0, {0}) is None  # nothing above the first kept line


def test_dates_beside_bylines():
    assert find_date("11.14.2019 09:00 AM").iso == "2019-11-14T09:00"  # month first when the day is over 12
    assert date_line("On 11/13/19 at 4:00 PM EST")[0] == "2019-11-13T16:00"
    assert find_date("Published Wed, Nov 20 20194:29 AM EST").iso == "2019-11-20T04:29"
    assert find_date("21:17 18.11.2019Get short URL").iso == "2019-11-18"
    assert find_date("1/2/3/4") is None and find_date("version 2.10.19") is None
    assert find_date("11/12/19") is None and find_date("25/12/19").iso == "2019-12-25"  # day or month first?
    assert label_line("Updated") == "updated line" and label_line("Published:") == "published line"
    assert label_line("Updated Nov 19, 2019") is None and label_line("Jane Doe") is None


def test_updated_label_on_its_own_line_loses_to_the_published_date():
    a = _article(HEADLINE, "Published", "Nov 8, 2019", "Updated", "Nov 13, 2019, 10:28am EST")
    assert a.published.value.startswith("2019-11-08") and a.published.evidence == "published line"
    b = _article(HEADLINE, "Updated", "Nov 13, 2019, 10:28am EST", "Nov 8, 2019")
    assert b.published.value.startswith("2019-11-08")


@pytest.mark.parametrize("line, names, how", [
    ("Published by Jane Doe on November 19, 2019", "Jane Doe", "byline"),
    ("Jane Doe Last updated: Nov 19, 2019", "Jane Doe", "date"),  # not "Jane Doe Last"
    ("Jane Doe (@janedoe)", "Jane Doe", "handle"),
    ("Contributor: Jane Doe", "Jane Doe", "byline"),
    ("Columnist: Jane Doe", "Jane Doe", "byline"),
    ("Opinion by Jane Doe", "Jane Doe", "byline"),
    ("by Jane Doe in Politics", "Jane Doe", "byline"),  # a blog's section after the name
    ("Author: The Morning Brief", "The Morning Brief", "byline"),  # a newsletter signs the piece
    ("View all posts by Jane Doe", "Jane Doe", "link"),
    ("More stories from Jane Doe", "Jane Doe", "link"),
    ("Jane DoeView More Articles", "Jane Doe", "link"),
    ("Jane Doe - See all posts", "Jane Doe", "link"),
    # share links, a bracketed agency, two dates and a reading time after the name
    ("By Jane DoeTwitterEmail", "Jane Doe", "byline"),
    ("By Jane Doe Email the author", "Jane Doe", "byline"),
    ("By Jane Doe (Reuters)", "Jane Doe", "byline"),
    ("By Jane Doe, CNN Editor-at-large", "Jane Doe", "byline"),
    ("By Jane Doe Nov. 19, 2019 Updated: Nov. 20, 2019 10:31 a.m.", "Jane Doe", "byline"),
    ("By Jane Doe 3 min read", "Jane Doe", "byline"),
])
def test_read_byline_more_forms(line, names, how):
    assert read_byline(line) == (names, how)


@pytest.mark.parametrize("line", [
    "View all posts", "More Stories", "Related Articles", "More from Jane Doe", "By The Numbers",
    "Published by The Daily News", "Jane Doe · 3 min read", "Jane Doe (Photo)", "Stories by Reuters",
    "WEST HARBOUR (AP)", "Jane Doe (AP)",  # a dateline opens with a place and its agency in brackets
    "Top Stories More Articles", "Donald Trump More Stories", "Jane Doe More Articles",
])
def test_read_byline_rejects_more(line):
    assert read_byline(line) is None


@pytest.mark.parametrize("above, name, evidence", [
    ([HEADLINE, "Jane Doe", "View all posts", "Share"], "Jane Doe", "name and link above the body"),
    ([HEADLINE, "Author:", "The Morning Brief", "Publish date:", "Nov 18, 2019"], "The Morning Brief",
     "byline line above the body"),
])
def test_head_byline_more_neighbours(above, name, evidence):
    a = _article(*above)
    assert (a.byline.value, a.byline.evidence) == (name, evidence)


def test_byline_right_under_a_headline_far_above_the_body():
    menu = [f"Brand {chr(65 + k)}{chr(97 + k)}" for k in range(26)] * 2
    top = ["Harbour Post", "Home", HEADLINE]  # the page's title line, a menu, the headline
    a = _article(*top, "Jane DoeView More Articles", "Nov 19, 2019", *menu)
    assert (a.byline.value, a.byline.evidence) == ("Jane Doe", "name and link above the body")
    assert _article(*top, "Jane Doe", "Nov 19, 2019", *menu).byline is None  # a bare name: too weak so far up
    assert _article(*top, "Jane Doe", "More Stories", *menu).byline is None
    assert _article(*top, *menu[:4], "Jane DoeView More Articles", *menu).byline is None  # not under the headline


def _tail_article(*below: str, body=BODY, above=(HEADLINE, "Share")):
    """An article whose cleaner dropped `above` and `below` around the kept `body`."""
    out, pos = [], 0
    for k, t in enumerate([*above, *body, *below]):
        keep = len(above) <= k < len(above) + len(body)
        out.append(Line(t, pos, pos + len(t), keep, "" if keep else "navigation"))
        pos += len(t) + 1
    raw = RawDoc("d1", "t.txt", "", "text", "\n".join(ln.text for ln in out))
    return build_article(raw, out, {"title": Found(HEADLINE, "meta og:title")})


@pytest.mark.parametrize("below, name, evidence", [
    (["Share this story", "About the author", "Jane Doe"], "Jane Doe", "author box after the body"),
    (["About the Author:", "Jane Doe is a freelance writer based in Lisbon."], "Jane Doe", "author box after the body"),
    (["Posted by Jane Doe at 10:31 AM", "No comments:"], "Jane Doe", "byline line after the body"),
    (["Tags: harbour, budget", "View all posts by Jane Doe"], "Jane Doe", "author link after the body"),
    (["Jane Doe (@janedoe) is a staff writer at The Daily Harbour."], "Jane Doe", "author's note after the body"),
    (["Jane Doe covers local government for The Daily Harbour."], "Jane Doe", "author's note after the body"),
    (["Jane Doe", "(@janedoe) is a staff writer at", "The Daily Harbour"], "Jane Doe", "author's note after the body"),
])
def test_tail_byline(below, name, evidence):
    a = _tail_article(*below)
    assert (a.byline.value, a.byline.evidence) == (name, evidence)
    assert a.text.startswith("The regional council") and "Jane Doe" not in a.text  # the body is untouched


def test_tail_byline_needs_an_author_and_loses_to_the_head():
    # the story is about the person its last line names: no author's note
    about = [*BODY, "Jane Doe, the harbour master, said the ferries would run all winter."]
    assert _tail_article("Jane Doe is a former editor of the harbour newsletter.", body=about).byline is None
    assert _tail_article("Jane Doe is expected to resign next week.").byline is None  # no author's role
    assert _tail_article("More Stories", "Jane Doe", "Harbour News").byline is None
    a = _tail_article("View all posts by John Roe", above=(HEADLINE, "By Jane Doe"))
    assert a.byline.value == "Jane Doe"


DEK = "A long night of debate ends with a budget that raises ferry spending across the district."


def _kept_article(*spec: tuple[str, bool]):
    """An article from (line, kept) pairs."""
    out, pos = [], 0
    for t, keep in spec:
        out.append(Line(t, pos, pos + len(t), keep, "" if keep else "navigation"))
        pos += len(t) + 1
    raw = RawDoc("d1", "t.txt", "", "text", "\n".join(ln.text for ln in out))
    return build_article(raw, out, {"title": Found(HEADLINE, "meta og:title")})


@pytest.mark.parametrize("under, name, evidence", [
    (["By Jane Doe", "Nov 19, 2019"], "Jane Doe", "byline line under the first body line"),
    (["Jane Doe", "Nov 19, 2019"], "Jane Doe", "name next to a date line under the first body line"),
    (["Jane Doe, Staff Writer"], "Jane Doe", "name and role under the first body line"),
    (["Jane Doe", "@janedoe"], "Jane Doe", "name and handle under the first body line"),
])
def test_byline_under_a_kept_dek(under, name, evidence):
    a = _kept_article((HEADLINE, False), (DEK, True), *((t, False) for t in under), (BODY[0], True), (BODY[1], True))
    assert (a.byline.value, a.byline.evidence) == (name, evidence)
    assert a.text.startswith(DEK) and "Jane Doe" not in a.text


def test_no_byline_inside_the_story():
    # a bare name by a date past the second body line: a list or a post, not the byline
    assert _kept_article((HEADLINE, False), (DEK, True), (BODY[0], True), ("Jane Doe", False),
                         ("Nov 19, 2019", False), (BODY[1], True)).byline is None
    post = "— Jane Doe (@janedoe) November 19, 2019"  # an embedded post's signature
    assert read_byline(post) is None
    assert _kept_article((HEADLINE, False), (DEK, True), (post, False), (BODY[0], True)).byline is None


def test_explicit_byline_a_few_lines_under_a_headline_far_above_the_body():
    menu = [f"Brand {chr(65 + k)}{chr(97 + k)}" for k in range(26)] * 2
    top = ["Harbour Post", "Home", HEADLINE, "Share", "Tweet", "Email", "Print", "Save"]
    assert _article(*top, "By Jane Doe", *menu).byline.value == "Jane Doe"
    assert _article(*top, "Jane Doe, Staff Writer", *menu).byline is None  # not explicit: only right under it
    assert _article(*top, "Comments", "Tags", "Related", "By Jane Doe", *menu).byline is None  # too far under it


def test_no_tail_byline_from_a_list_of_authors():
    assert _tail_article("Authors", "Jane Doe", "John Roe", "Ann Lee").byline is None


def test_a_name_kept_under_a_bare_by_is_the_byline_not_the_story():
    # the model kept the name line under "By" as the story's first line
    above = [HEADLINE, "By"]
    lines = _lines(above)
    name = "Troy L. Smith, Cleveland.com"
    pos = lines[-len(BODY)].start
    shifted = [Line(ln.text, ln.start + len(name) + 1, ln.end + len(name) + 1, ln.keep, ln.reason)
               for ln in lines[len(above):]]
    lines = [*lines[:len(above)], Line(name, pos, pos + len(name), True), *shifted]
    raw = RawDoc("d1", "t.txt", "", "text", "\n".join(ln.text for ln in lines))
    art = build_article(raw, lines, {"title": Found(HEADLINE, "meta og:title")})
    assert art.byline.value == "Troy L. Smith"
    assert name not in art.text and art.text.startswith(BODY[0])
    assert any(r.text == name and r.reason == "byline" for r in art.removed)
    # under a line that is no bare "By", the kept line stays in the story
    lines[1] = Line("Photo of the day.", lines[1].start, lines[1].start + 17, False, "caption")
    art = build_article(raw, lines, {"title": Found(HEADLINE, "meta og:title")})
    assert art.text.startswith(name)


def _rows(rows: list[tuple[str, bool]]) -> list[Line]:
    out, pos = [], 0
    for t, keep in rows:
        out.append(Line(t, pos, pos + len(t), keep, "" if keep else "navigation"))
        pos += len(t) + 1
    return out


JUNK = [("NEWSLETTERS", False), ("Receive the latest local updates in your inbox", False),
        *[(f"Section {k}", False) for k in range(12)]]


def test_an_explicit_byline_under_a_kept_dek_counts_when_the_story_starts_far_below():
    dek = "The suspect confessed and the jury took just fifteen minutes to find him guilty"
    lines = _rows([(HEADLINE, False), (dek, True), ("By", False), ("Scott Gordon", False), *JUNK,
                   *[(b, True) for b in BODY]])
    assert head_byline(lines, 1, {0}) == ("Scott Gordon", "byline line under the first body line", 3)
    # a bare name with no "By" so far from the story is no byline
    lines = _rows([(HEADLINE, False), (dek, True), ("Scott Gordon", False), *JUNK, *[(b, True) for b in BODY]])
    assert head_byline(lines, 1, {0}) is None


def test_a_byline_under_a_headline_below_a_kept_quote_counts():
    # a fact-check page: the claim, who made it and when are kept above the headline
    lines = _rows([("\"Fifty million a week is coming across the border.\"", True), ("Jane Roe", True),
                   ("on Sunday, October 13th, 2019 in a local newspaper", True),
                   (HEADLINE, False), ("By", False), ("Matthew Digby", False), ("Section 1", False),
                   *[(b, True) for b in BODY]])
    found = head_byline(lines, 0, {3})
    assert found is not None and found[0] == "Matthew Digby" and found[2] == 5
