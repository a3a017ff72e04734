"""Headline from a dropped title-like line just above the body."""

from newstrace.clean.headline import find_headline
from newstrace.records import Line

BODY = ("In a press release, the agency said it was ordered by a court to end subsidies "
        "for grain exports before the end of the current season, officials said on Friday.")


def lines(*texts_keep):
    out, pos = [], 0
    for text, keep in texts_keep:
        out.append(Line(text, pos, pos + len(text), keep, "" if keep else "low score"))
        pos += len(text) + 1
    return out


def test_title_line_the_cleaner_dropped_is_the_headline():
    found, copies = find_headline(lines(
        ("Pension group delays plan to publish new rules on wages", False),
        ("3", False), ("2023-12-24", False), (BODY, True), (BODY.upper(), True)))
    assert found.value == "Pension group delays plan to publish new rules on wages"
    assert found.evidence == "title-like line above the body" and copies == {0}


def test_contact_lines_and_photo_credits_are_not_headlines():
    for line in ("Megan Rowe meganr@example.com (509) 459-5382",
                 "The WeWork logo is displayed outside a space in New York.Reuters",
                 "October 12, 2018 in Promotion by admin"):
        found, _ = find_headline(lines((line, False), (BODY, True), (BODY.upper(), True)))
        assert found is None, line


def test_two_word_headline_the_page_repeats():
    """A short headline printed twice is the headline; a two-word line printed once is not."""
    found, copies = find_headline(lines(
        ("Kabarislamia", False), ("Opening bell", False), ("2021-09-22", False),
        ("Opening bell", False), (BODY, True), (BODY.upper(), True)))
    assert found.value == "Opening bell" and found.evidence == "repeated line x2"
    assert copies == {1, 3}
    once, _ = find_headline(lines(("Opening bell", False), ("Weather", False), (BODY, True),
                                  (BODY.upper(), True)))
    assert once is None or once.value != "Opening bell"


def test_longer_repeated_headline_beats_a_repeated_two_word_label():
    title = "Pension group delays plan to publish new rules"
    found, _ = find_headline(lines(
        ("Most Read", False), (title, False), ("Most Read", False), (title, False),
        (BODY, True), (BODY.upper(), True)))
    assert found.value == title


def test_line_repeating_the_page_title_beats_a_repeated_menu_item():
    """A dump's first line is often the page's <title> ("Headline - Site"): the line that
    repeats its headline part is the headline, not a menu item the page prints three times."""
    head = "Emirates inks $9 billion order for 30 Boeing jets"
    found, copies = find_headline(lines(
        (f"{head} – Business News", False), ("Top Stories", False), ("Markets", False),
        ("Top Stories", False), ("Emirates inks $9 billion order for 30 Boeing jets", False),
        (BODY, True), ("Top Stories", False), (BODY.upper(), True)))
    assert found.value == head and found.evidence == "line repeating the page title"
    assert copies == {0, 4}  # the title line holds it too
    # quote and dash forms may differ between the <title> and the page
    found, _ = find_headline(lines(
        ("Star Wars review - it's a hit - VG247", False), ("Games", False), ("Games", False),
        ("Star Wars review – it’s a hit", False), (BODY, True), (BODY.upper(), True)))
    assert found.value == "Star Wars review – it’s a hit"


def test_menu_item_the_page_title_does_not_name_yields_to_the_title():
    found, _ = find_headline(lines(
        ("Delhi air pollution: the law that fuels it | World News", False),
        ("Science & Health", False), ("Science & Health", False), ("Science & Health", False),
        (BODY, True), (BODY.upper(), True)))
    assert found.value == "Delhi air pollution: the law that fuels it"
    assert found.evidence == "page title (first line)"


def test_a_first_paragraph_is_no_page_title():
    """A plain-text article starting with its first paragraph: a pull quote repeating one
    of its sentences is not taken for the headline."""
    quote = "Ordered by a court to end subsidies for grain exports"
    found, _ = find_headline(lines((BODY, True), (quote, False), (BODY.upper(), True)))
    assert found is None or found.value != quote
