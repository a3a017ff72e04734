"""Sentences cut at links (one text node per line): `clean.fragments` joins them back."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from newstrace.clean import fragments, text
from newstrace.clean.lines import COL, build_page

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction" / "textdump.jsonl"

MENU = ["Home", "World", "Politics", "Science", "Subscribe"]
SENTENCE = ["The study, says", "Richard Locksley", ", an immunologist at the University of California,",
            "shows that", "tuft cells", "sense the parasites in the gut within days of an infection."]


def _groups(lines: list[str]) -> list[int]:
    page = build_page("\n".join(lines))
    return fragments.sentence_groups(page.texts, page.X[:, COL["terminal"]],
                                     np.expm1(page.X[:, COL["log_words"]])).tolist()


def test_pieces_of_a_sentence_join_and_a_menu_does_not():
    g = _groups(MENU + SENTENCE + ["Share this article"])
    assert g[:len(MENU)] == list(range(len(MENU)))  # menu items stay apart
    body = g[len(MENU):len(MENU) + len(SENTENCE)]
    assert len(set(body)) == 1  # "says" / "Richard Locksley" / ", an ..." is one sentence
    assert g[-1] != body[0]  # the sentence ended: the next line starts a new group


def test_label_joins_its_line_and_sentences_stay_apart():
    g = _groups(["Palm Bay (1-0):", "Tolivert 25 points. Davis 17 points.",
                 "It rained all day.", "Then the sun came out."])
    assert g == [0, 0, 1, 2]


def test_joined_text_puts_no_space_before_closing_punctuation():
    g = np.array([0, 0, 0, 1])
    assert fragments.joined_text(["says", "Jane Doe", ", a nurse.", "Next"], g) == "says Jane Doe, a nurse.\nNext"


def _prose_scorer(page):
    """A stand-in line model: only long lines that end a sentence look like article text."""
    words = np.expm1(page.X[:, COL["log_words"]])
    return np.where((words >= 10) & (page.X[:, COL["terminal"]] > 0), 0.9, 0.1)


def _cut_page() -> str:
    sentences = [[f"In the {k + 2}th report on the basin, researchers led by", "Maria Lopez",
                  f"said the water had fallen for {k + 3} years, and", "the World Bank",
                  ", which funded the study, agreed."] for k in range(6)]
    lead = ["Water levels in the basin have been falling for years, and farmers say the dry "
            "seasons now last longer than anyone in the valley can remember."] * 2
    return "\n".join(MENU + lead + [s for sent in sentences for s in sent] + ["Share this article"])


def test_rescore_raises_pieces_to_their_sentence():
    page = build_page(_cut_page())
    q = _prose_scorer(page)
    out = fragments.rescore(page, q, _prose_scorer, 0.5)
    names = [i for i, t in enumerate(page.texts) if t in ("Maria Lopez", "the World Bank")]
    assert (q[names] < 0.5).all() and (out[names] >= 0.5).all()
    menu = [i for i, t in enumerate(page.texts) if t in MENU]
    assert (out[menu] < 0.5).all()
    assert (out >= q).all()


def test_rescore_leaves_an_uncut_page_alone():
    page = build_page("\n".join(MENU + [" ".join(SENTENCE)] * 6))

    def fail(_page):
        raise AssertionError("scored a page that was not cut at links")

    q = _prose_scorer(page)
    assert fragments.rescore(page, q, fail, 0.5) is q


class _Model:
    """Duck-typed `TextModel` for `classify_lines`."""

    threshold = 0.5

    def scores(self, page):
        return _prose_scorer(page)


def test_classify_lines_keeps_linked_names_of_a_cut_page():
    lines = text.classify_lines(_cut_page(), model=_Model())
    kept = {ln.text for ln in lines if ln.keep}
    assert {"Maria Lopez", "the World Bank"} <= kept
    assert not kept & set(MENU)


TOPICS = ["the river", "the harbour", "the old mill", "the school", "the market", "the bridge",
          "the orchard", "the clinic", "the stadium", "the library", "the station", "the farm"]
PLACES = ["north", "south", "east", "west", "upper", "lower", "central", "coastal", "inland",
          "valley", "hill", "island"]


def _sentence(k: int) -> str:
    return (f"Officials in the {PLACES[k]} district said {TOPICS[k]} needs repairs before winter, "
            f"and residents near {TOPICS[(k + 5) % 12]} asked for a public meeting.")


def _cut(paragraph: str) -> list[str]:
    """The paragraph as a dump cut at links shows it: three pieces."""
    words = paragraph.split()
    return [" ".join(words[:5]), " ".join(words[5:8]), " ".join(words[8:])]


def test_second_copy_cut_differently_is_found():
    paras = [_sentence(k) for k in range(8)]
    cut = [piece for k, p in enumerate(paras) for piece in (_cut(p) if k % 2 else [p])]  # links in odd ones
    lines = MENU + cut + ["Print this article"] + paras
    page = build_page("\n".join(lines))
    found = fragments.copies(page, np.ones(len(page.texts), dtype=bool))
    first = len(MENU) + len(cut)
    assert not found[:first + 1].any()  # the first copy and the line between stay
    assert found[first + 1:].all()  # the copy without links goes


def test_a_passage_recurring_within_the_article_is_no_copy():
    plan = ["Breakfast: a cup of oats with milk and berries, eaten slowly before the walk.",
            "Lunch: grilled chicken with rice, beans and a green salad on the side today.",
            "Dinner: baked salmon with potatoes and broccoli, and a glass of water after.",
            "Snack: an apple with peanut butter in the middle of the long afternoon break."]
    lines = [_sentence(k) for k in range(8)] + plan + [_sentence(k) for k in range(8, 12)] + plan
    page = build_page("\n".join(lines))
    assert not fragments.copies(page, np.ones(len(page.texts), dtype=bool)).any()
    doubled = build_page("\n".join(lines[:12] + lines[:12]))  # the same with the whole text twice
    assert fragments.copies(doubled, np.ones(len(doubled.texts), dtype=bool))[12:].all()


@pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data/extraction/textdump.jsonl")
def test_held_out_pages_cut_at_links_score_higher(monkeypatch):
    """A small model trained on other pages: rescoring wins back dropped pieces of sentences."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from metric import score  # bench/metric.py (conftest puts bench/ on the path)

    from newstrace.clean import train_text

    rows = train_text.load_rows(DATA)
    test_ids = ("16c30add", "23aaecd1", "785affa2")  # vox, comoeducar, theverge: many links
    held = [r for r in rows if r["id"][:8] in test_ids]
    train = [r for r in rows if r["id"][:8] not in test_ids][::6]
    X, y, w = train_text._stack(train_text.pages_of(train))
    model = text.TextModel(train_text.fit_trees(X, y, dict(train_text.PARAMS, max_iter=30),
                                                sample_weight=w), 0.5)
    gold = {r["id"]: r["gold_text"] for r in held}

    def f1() -> float:
        preds = {r["id"]: text.kept_text(text.classify_lines(r["text_dump_inline_split"], model=model))
                 for r in held}
        return score(preds, gold)["f1"]

    with_rescore = f1()
    monkeypatch.setattr(fragments, "MIN_REBUILT", 10**9)
    assert with_rescore > f1() + 0.02
