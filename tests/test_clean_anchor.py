"""Text-mode cleaner: the story right under the headline (the anchor repair)."""

from __future__ import annotations

import numpy as np

from newstrace.clean.context import anchor_line, run_under
from newstrace.clean.lines import build_page
from newstrace.clean.text import _story_under_headline, classify_lines

TITLE = "Stock Car calendar 2018"
NAV = ["Home", "News", "Formula 1", "MotoGP", "Stock Car", "Forum", "Contact"]
HEAD = ["Monday, 22 January 2018 at 0:13", "Share this on WhatsApp"]
STORY = [f"Round {k}: {track} – {city}" for k, (track, city) in enumerate(
    [("Interlagos", "São Paulo"), ("Curitiba", "Pinhais"), ("Velopark", "Nova Santa Rita"),
     ("Londrina", "Paraná"), ("Santa Cruz do Sul", "Rio Grande do Sul"), ("Goiania", "Goiás"),
     ("Velo Città", "Mogi Guaçu"), ("Cascavel", "Paraná")], 1)]
AFTER = ["Share this on WhatsApp", "Tags"]
SIDEBAR = [
    "Click on the photo of our columnist and read his weekly columns about racing here.",
    "Click on the image above and see how the drivers rank after this weekend's race.",
]


def page_text(story: list[str] = STORY) -> str:
    return "\n".join([f"{TITLE} | Racing Site | F1 | MotoGP", *NAV, TITLE, *HEAD, *story,
                      *AFTER, *SIDEBAR])


class SidebarModel:
    """A stand-in line model that only trusts the sidebar prose (as a model that cannot
    read a list of short lines would)."""

    threshold = 0.5

    def scores(self, page):
        return np.array([0.9 if t in SIDEBAR else 0.05 for t in page.texts])


def test_anchor_is_the_headline_line_above_the_prose():
    title = np.array([False, True, False, False, True, False, False, True])
    assert anchor_line(title, 5) == 4  # the last copy at or above the densest block
    assert anchor_line(title, 0) == 1  # none above: the first copy
    assert anchor_line(np.zeros(4, dtype=bool), 2) == -1


def test_run_under_skips_header_lines_and_stops_at_debris():
    header = np.array([False, True, True, False, False, False, True, False])
    stop = np.array([False, False, True, False, False, False, True, False])
    assert run_under(0, header, stop, 4) == (3, 6)
    assert run_under(0, header, stop, 1) == (2, 2)  # the second header line is a stop
    assert run_under(5, header, np.zeros(8, dtype=bool), 4) == (7, 8)


def test_list_under_the_headline_is_kept_when_only_a_sidebar_was():
    lines = classify_lines(page_text(), model=SidebarModel())
    kept = [ln.text for ln in lines if ln.keep]
    assert kept[:len(STORY)] == STORY
    assert not any(ln.keep for ln in lines if ln.text in NAV + HEAD + AFTER or ln.text == TITLE)


def test_no_repair_when_the_model_kept_the_story_or_the_run_is_small():
    page = build_page(page_text())
    texts = page.texts
    keep = np.array([t in SIDEBAR for t in texts])
    added = _story_under_headline(page, keep)
    assert [texts[i] for i in added.nonzero()[0]] == STORY
    keep[texts.index(STORY[2])] = True  # a kept line inside the run: the model read the story
    assert not _story_under_headline(page, keep).any()
    short = build_page(page_text(STORY[:2]))  # a two-line deck: under STORY_WORDS words
    keep = np.array([t in SIDEBAR for t in short.texts])
    assert not _story_under_headline(short, keep).any()


def test_no_repair_when_much_more_text_was_kept_below():
    long_sidebar = SIDEBAR * 6
    text = page_text().replace("\n".join(SIDEBAR), "\n".join(
        f"{s} Item {k} of the long story that the model kept." for k, s in enumerate(long_sidebar)))
    page = build_page(text)
    keep = np.array([t.startswith("Click") for t in page.texts])
    assert keep.sum() == len(long_sidebar)
    assert not _story_under_headline(page, keep).any()


def test_no_repair_over_a_repeated_teaser_list():
    teasers = [f"Driver {k} wins the race after a long fight with his team mate" for k in range(4)]
    text = page_text(teasers) + "\n" + "\n".join(teasers)  # the list is printed again below
    page = build_page(text)
    keep = np.array([t in SIDEBAR for t in page.texts])
    assert not _story_under_headline(page, keep).any()
