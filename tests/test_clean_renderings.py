"""The text cleaner reads other scrapers' layouts of a page like the plain dump:
indentation, list markers ("* ", "• ", a marker alone on a line), blank lines
and image names leave the lines and their features as they are; a page title given
apart from the text stands in for the title line other scrapers leave out."""

from __future__ import annotations

import numpy as np

from newstrace.clean.lines import build_page
from newstrace.clean.text import classify_lines

TITLE = "Council approves new bridge over the river | Valley News"
NAV = ["Home", "News", "Sport", "Business", "Weather", "Contact us"]
BODY = [
    "Council approves new bridge over the river",
    "By Anna Berg",
    "The town council voted on Tuesday to build a new bridge over the river, ending a debate "
    "that has run for more than ten years.",
    "The bridge will link the old market to the station and carry cars, bicycles and people "
    "on foot, the mayor said after the vote.",
    "Work is due to start next spring and should take two years, according to the plans "
    "the council published in October.",
    "Some shop owners fear the building work will keep customers away, but most welcomed the "
    "decision at a public meeting last week.",
    "The cost, about 40 million euros, will be shared by the town and the region.",
]
RELATED = ["Related stories", "Flood warning lifted for the valley", "New bus lines from May"]
FOOT = ["Privacy policy", "Terms of use", "© 2024 Valley News. All rights reserved."]


def plain() -> str:
    return "\n".join([TITLE, *NAV, *BODY, *RELATED, *FOOT]) + "\n"


def inscriptis_like() -> str:
    """Indented blocks, "* " list items, blank lines between paragraphs; no title line."""
    out = ["      * " + s for s in NAV]
    out += ["", "  " + BODY[0], "", "    " + BODY[1]]
    for s in BODY[2:]:
        out += ["", "    " + s]
    out += ["", "        " + RELATED[0]] + ["          + " + s for s in RELATED[1:]]
    out += ["", *("    * " + s for s in FOOT)]
    return "\n".join(out) + "\n"


def resiliparse_like() -> str:
    """"•" bullets (some alone on a line above their item), image names, no-break spaces
    and zero-width ones around and between paragraphs; no title line."""
    out = ["  • " + s for s in NAV[:3]] + ["  •", "    " + NAV[3]] + ["  • " + s for s in NAV[4:]]
    out += ["", BODY[0], "bridge-plan-2024.jpg", BODY[1], "[https://img.example.com/a/bridge.jpg]"]
    out += [s for p in BODY[2:] for s in ("\u200b" + p + "\xa0", "\xa0")]
    out += [RELATED[0], *("  • " + s for s in RELATED[1:]), "", *FOOT]
    return "\n".join(out) + "\n"


def kept(text: str, title: str | None = None) -> list[str]:
    lines = classify_lines(text, title=title)
    for ln in lines:  # offsets point into the text as given
        assert text[ln.start:ln.end] == ln.text
    return [ln.text for ln in lines if ln.keep]


def test_plain_page_keeps_the_story():
    got = kept(plain())
    assert BODY[2] in got and BODY[-1] in got
    assert not set(NAV) & set(got) and FOOT[-1] not in got


def test_other_layouts_give_the_same_lines_and_features():
    ref = build_page(plain().split("\n", 1)[1])  # the plain page without its title line
    for text in (inscriptis_like(), resiliparse_like()):
        page = build_page(text)
        assert page.texts == ref.texts
        assert page.keys == ref.keys
        np.testing.assert_allclose(page.X, ref.X)


def test_other_layouts_keep_the_same_lines_given_the_title():
    ref = kept(plain())
    assert ref
    for text in (inscriptis_like(), resiliparse_like()):
        assert kept(text, title=TITLE) == ref


def test_title_not_added_twice():
    text = plain()
    assert kept(text, title=TITLE) == kept(text)
    lines = classify_lines(text, title="  Council approves new bridge over the river |  Valley News ")
    assert lines[0].text == TITLE and lines[0].start == 0
    assert kept(text, title=BODY[0]) == kept(text)  # the headline alone: held in the first line


def test_markers_inside_words_stay():
    text = "-5 degrees tonight\n*Note: roads may freeze\nA - b\n  - \n•\n"
    page = build_page(text)
    assert page.texts == ["-5 degrees tonight", "*Note: roads may freeze", "A - b"]
    assert [text[a:b] for a, b in zip(page.starts, page.ends, strict=True)] == page.texts


def test_marker_image_and_space_lines_are_dropped_unread():
    text = "  •\nphoto.jpg\n\xa0\n[https://x.example/p.png]\n* [image: a bridge]\n"
    lines = classify_lines(text)
    assert [(ln.text, ln.keep, ln.reason) for ln in lines] == [
        ("•", False, "list marker"), ("photo.jpg", False, "image"), ("\xa0", False, "empty"),
        ("[https://x.example/p.png]", False, "image"), ("* [image: a bridge]", False, "image")]
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)
    assert not build_page(text).texts


def test_dropped_unread_lines_keep_their_place():
    text = inscriptis_like().replace("      * Home", "      *\n      Home") + "\xa0\n"
    lines = classify_lines(text, title=TITLE)
    assert [ln.start for ln in lines] == sorted(ln.start for ln in lines)
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)
    assert [ln.reason for ln in lines if ln.text in ("*", "\xa0")] == ["list marker", "empty"]
    assert [ln.text for ln in lines if ln.keep] == kept(plain())


def test_title_line_never_in_the_output():
    # the title read as the page's first line is not the input's: left out with or without
    # other lines to read, and the offsets are the input's
    for text, title in [("\u00a0", "•"), ("", "•"), ("• ", "x.jpg"), ("\u00a0\nimage.png", "photo.jpg"),
                        ("Opening words of a story that goes on for a while.", "A title for it")]:
        lines = classify_lines(text, title=title)
        assert len(lines) == sum(1 for ln in text.split("\n") if ln.strip(" \t\r")), (text, title)
        assert all(text[ln.start:ln.end] == ln.text for ln in lines), (text, title)
