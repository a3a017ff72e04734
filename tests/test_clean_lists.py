"""Data lists going on from the article (clean/lists.py): kept when they start right below
kept text, left to the model elsewhere."""

import numpy as np

from newstrace.clean.lines import build_page
from newstrace.clean.lists import data_rows, row_shape

ROWS = ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
        "June 10 – Tampa, FL @ MIDFLORIDA Credit Union Amphitheatre",
        "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre",
        "Aug. 2 – Clarkston, MI @ DTE Energy Music Theatre",
        "Sept. 18 – Los Angeles, CA @ The Forum"]
STORY = ["The band will tour North America next summer, its first run with all four founders.",
         "Tickets go on sale on Friday at the usual outlets, the promoter said on Monday.",
         "The tour dates:"]


def test_row_shape_needs_a_number_or_date_up_front_and_a_separator():
    assert row_shape(ROWS[0]) == row_shape(ROWS[3]) == ("month", "–")
    assert row_shape("1a etapa: 10 de março – Interlagos") == ("number", ":")
    assert row_shape("Notícias da Fórmula 1") is None  # no separator
    assert row_shape("Home, World, Politics") is None  # no number up front
    assert row_shape("The band said on Friday, June 9, that it will tour") is None


def test_rows_right_below_kept_text_are_kept():
    page = build_page("\n".join(STORY + ROWS + ["Sign up for our newsletter"]))
    keep = np.array([True, True, False] + [False] * 6)
    got = data_rows(page, keep)
    assert got.tolist() == [False] * 3 + [True] * 5 + [False]


def test_rows_far_from_kept_text_or_too_few_are_left_alone():
    menu = ["Home", "World", "Politics", "Sport", "Weather"]
    page = build_page("\n".join(STORY[:2] + menu + ROWS))
    keep = np.array([True, True] + [False] * 10)
    assert not data_rows(page, keep).any()  # five lines of menu between story and rows
    page = build_page("\n".join(STORY + ROWS[:3]))
    assert not data_rows(page, np.array([True, True, False, False, False, False])).any()


def test_a_feed_of_other_stories_goes_with_its_relative_times():
    from newstrace.clean.lists import feed_items

    feed = []
    for k, ago in enumerate(("2H ago", "14H ago", "updated 16M ago")):
        feed += [f"Headline of another story number {k}",
                 f"A summary of that other story, number {k}, in one sentence.", ago]
    page = build_page("\n".join(STORY[:2] + feed))
    assert feed_items(page).tolist() == [False, False] + [True] * 9
    page = build_page("\n".join(STORY[:2] + feed[:6]))  # two times: no feed
    assert not feed_items(page).any()
