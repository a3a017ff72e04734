"""Headline forms of scraped text pages (issue 3): list marks, breadcrumbs, a site name
glued or printed first, counters glued, headlines cut by wrapping, menus and buttons."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from newstrace.clean import clean_document
from newstrace.clean.headline import find_headline, unbullet
from newstrace.records import Line, RawDoc

BODY = ("In a press release, the agency said it was ordered by a court to end subsidies "
        "for grain exports before the end of the current season, officials said on Friday.")
BODY2 = ("The ministry did not say how the plan would be paid for, and two unions said they "
         "would go to court to stop it before the harvest starts next month in the north.")
HEAD = "Port authority agrees to expand night ferry service to the islands"


def lines(*rows, gap: int = 1):
    """Lines from (text, keep) or (text, keep, reason); `gap`: characters between lines."""
    out, pos = [], 0
    for row in rows:
        text, keep = row[0], row[1]
        reason = row[2] if len(row) > 2 else ("" if keep else "low score")
        out.append(Line(text, pos, pos + len(text), keep, reason))
        pos += len(text) + gap
    return out


def page(*texts: str) -> str:
    return "\n\n".join(texts)


def title_of(text: str) -> str | None:
    a = clean_document(RawDoc("d", "s", "", "text", text))
    return a.title.value if a.title else None


def test_unbullet_cuts_one_list_mark_only():
    assert unbullet("* Headline here") == "Headline here"
    assert unbullet("• Headline here") == "Headline here"
    assert unbullet("- Headline here") == "Headline here"
    assert unbullet("-5% for the index") == "-5% for the index"
    assert unbullet("Headline * here") == "Headline * here"


def test_headline_repeated_as_the_last_item_of_a_bulleted_breadcrumb():
    found, copies = find_headline(lines(
        ("You are here:", False), ("* Home", False, "navigation"), ("* World", False, "navigation"),
        (f"* {HEAD}", False), (HEAD, False), (BODY, True), (BODY2, True)))
    assert found.value == HEAD and found.evidence == "repeated line x2"
    assert copies == {3, 4}


def test_bulleted_menu_items_are_no_headline():
    """Menu items printed as list items over and over ("* Politics & Policy") never win the vote:
    a list item counts only for a line of four words or more the page also prints plain."""
    menu = [(f"* {m}", False, "navigation") for m in ("Politics & Policy", "Climate & Energy", "Sports")]
    found, _ = find_headline(lines(
        *menu, ("Politics & Policy", False), *menu, (HEAD, False), ("By Jane Roe", False),
        (BODY, True), (BODY2, True)))
    assert found is not None and found.value == HEAD


def test_related_story_in_a_list_and_below_the_story_is_no_headline():
    """A related headline listed above the story and printed twice under it loses to the line
    heading the story: a headline is printed plain above the story's first paragraph."""
    other = "Minister says grain subsidies will end next year"
    found, _ = find_headline(lines(
        (f"* {other}", False), ("Menu", False), (HEAD, False), (BODY, True), (BODY2, True),
        (other, False), (other, False)))
    assert found.value == HEAD


def test_breadcrumb_with_angle_marks_is_a_menu_not_a_headline():
    found, _ = find_headline(lines(
        ("Blog > Nutrition > Meal Plans", False), (BODY, True), (BODY2, True)))
    assert found is None


def test_site_name_first_then_menu_then_headline_read_once():
    """A page whose first line is the site's name and whose headline is printed once, over
    counters and a date: the line heading the story, not the site's name."""
    text = page("Harbor Times", "Home | World | Politics | Sport | Contact", HEAD, "9", "3408",
                "2023-05-04", BODY, BODY2, "© 2023 Harbor Times. All rights reserved.")
    assert title_of(text) == HEAD


def test_site_name_printed_twice_is_not_the_headline():
    """Logo text and header both print the site's name; the copyright line names it too."""
    found, _ = find_headline(lines(
        ("Harbor Times", False, "navigation"), ("Harbor Times", False, "navigation"),
        (HEAD, False), (BODY, True), (BODY2, True),
        ("© 2023 Harbor Times. All rights reserved.", False, "copyright")))
    assert found is not None and found.value == HEAD


def test_roundup_title_naming_its_day_is_a_headline():
    for head in ("News in brief: July 12", "Morning briefing - Nov 19, 2019"):
        text = page("Harbor Times", "Home | World | Sport", head, BODY, BODY2)
        assert title_of(text) == head, head
    # a date with a label only is no headline
    found, _ = find_headline(lines(("Published: July 12", False), (BODY, True), (BODY2, True)))
    assert found is None


def test_watch_prefix_is_a_headline_a_button_label_is_not():
    head = "WATCH: Crews pull stranded hikers from the river gorge"
    found, _ = find_headline(lines(("Harbor Times", False, "navigation"), (head, False), ("2", False),
                                   (BODY, True), (BODY2, True)))
    assert found.value == head
    for button in ("Share All sharing options for: " + HEAD, "Watch the full interview here"):
        found, _ = find_headline(lines((button, False), (BODY, True), (BODY2, True)))
        assert found is None, button


def test_skip_link_first_line_is_no_page_title():
    found, _ = find_headline(lines(("Skip to main content", False), ("Menu", False),
                                   (BODY, True), (BODY2, True)))
    assert found is None


def test_counter_glued_to_every_copy_is_cut():
    glued = f"{HEAD} 12 Comments"
    text = page(glued, "3", glued, BODY, BODY2, glued)
    assert title_of(text) == HEAD
    # a number that is part of the headline stays
    found, _ = find_headline(lines(("Opening Bell 11.18.19", False), ("Opening Bell 11.18.19", False),
                                   (BODY, True), (BODY2, True)))
    assert found.value == "Opening Bell 11.18.19"


def test_site_name_glued_to_the_page_title_is_cut():
    for first in (f"{HEAD} | Harbor Times", f"{HEAD} - Harbor Times News"):
        text = page(first, "Harbor Times", "Home | World | Sport", HEAD, "By Jane Roe", BODY, BODY2)
        assert title_of(text) == HEAD, first
        # the <title> alone (nothing on the page heads the story): its headline piece
        assert title_of(page(first, BODY, BODY2, BODY.upper())) == HEAD, first


def test_headline_cut_in_two_lines_by_wrapping_is_joined():
    """Text wrapped at a width cuts a long headline: each copy is followed by the same rest,
    and the rest's first word would not have fitted on the line."""
    top, rest = "Port authority agrees to expand night ferry service", "across the islands"
    wrapped = [("Harbor Times", False), (top, False), (rest, False), ("2", False), (top, False),
               (rest, False)] + [(w, True) for w in textwrap.wrap(BODY + " " + BODY2, 56)]
    assert max(len(t) for t, _ in wrapped) < len(top) + 1 + len("across")
    found, copies = find_headline(lines(*wrapped))
    assert found.value == f"{top} {rest}" and {1, 2, 4, 5} <= copies


def test_headline_and_its_standfirst_are_not_joined():
    """On a page that is not wrapped, a line printed under each copy (a subheadline) stays apart."""
    dek = "Two more crossings a day from June"
    found, _ = find_headline(lines((HEAD, False), (dek, False), ("2", False), (HEAD, False),
                                   (dek, False), (BODY, True), (BODY2, True)))
    assert found.value == HEAD


def test_single_wrapped_headline_is_not_joined_across_a_blank_line():
    top = "Port authority agrees to expand night ferry service"
    found, _ = find_headline(lines(("x" * 58, False), (top, False), ("Islands", False),
                                   ("In a press release, the agency said it was ordered by", True),
                                   ("a court to end subsidies for grain exports before the", True),
                                   ("end of the current season, officials said on Friday.", True), gap=2))
    assert found is None or found.value == top


def test_title_pieces_as_long_give_the_same_headline_under_any_hash_seed():
    """Of two title pieces as long, the first is taken, whatever the hash seed (sets vary)."""
    code = ("from newstrace.clean import clean_document\nfrom newstrace.records import RawDoc\n"
            "t = 'Ferry plan split | Night ferry plan\\n\\nNight ferry plan\\n\\nFerry plan split\\n\\n'"
            f" + {BODY!r} + '\\n\\n' + {BODY2!r}\n"
            "a = clean_document(RawDoc('d', 's', '', 'text', t))\nprint(a.title.value if a.title else None)")
    src = str(Path(__file__).resolve().parents[1] / "src")
    outs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=src)
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        outs.add(run.stdout.strip())
    assert len(outs) == 1


def test_title_piece_with_its_second_part_beats_the_piece_alone():
    """<title> "Headline - second part | Site": the line printing the headline with its second
    part is the headline, not a shorter line holding its first piece (a related link, a box)."""
    head, second = "Ferry review", "more crossings, fewer seats on the night boats"
    found, _ = find_headline(lines(
        (f"{head} - {second} | Harbor Times", False), (head, False),
        (f"{head} - {second}", False), (BODY, True), (BODY2, True)))
    assert found.value == f"{head} - {second}"
