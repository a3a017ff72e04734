"""Per-page weights of the text cleaner's training (`train_text.fit(weights=...)`)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("sklearn")

from newstrace.clean import train_text  # noqa: E402
from newstrace.clean.lines import build_page  # noqa: E402

PROSE = [
    "The council voted on Tuesday to expand the bus network with three new routes to the north.",
    "Officials said the plan would cost about 40 million dollars over the next five years.",
    "Critics argued that the money would be better spent on repairing the existing roads.",
    "The mayor said better public transport was the only way to reduce traffic in the centre.",
]
NAV = ["Home", "News", "Sport", "Business", "Opinion", "Weather", "Contact", "Log in"]


def labelled_pages(flip: bool, n: int = 8) -> list:
    out = []
    for k in range(n):
        page = build_page("\n".join([f"Story {k} | Times", *NAV, *PROSE, "Privacy", "Terms"]))
        y = np.array([int(t in PROSE) for t in page.texts])
        out.append((page, 1 - y if flip else y))
    return out


def test_unit_weights_change_nothing_and_bad_lengths_fail():
    pages = labelled_pages(False)
    plain = train_text.fit(pages)
    assert train_text.fit(pages, weights=[1.0] * len(pages)).to_dict() == plain.to_dict()
    with pytest.raises(ValueError, match="weights"):
        train_text.fit(pages, weights=[1.0])


def test_page_weights_decide_between_contradicting_pages():
    good, flipped = labelled_pages(False), labelled_pages(True)
    probe = good[0][0]
    prose = np.array([t in PROSE for t in probe.texts])
    trust_good = train_text.fit(good + flipped, weights=[1.0] * 8 + [0.05] * 8).scores(probe)
    trust_flipped = train_text.fit(good + flipped, weights=[0.05] * 8 + [1.0] * 8).scores(probe)
    assert (trust_good[prose] > 0.5).all() and (trust_good[~prose] < 0.5).all()
    assert (trust_flipped[prose] < 0.5).all() and (trust_flipped[~prose] > 0.5).all()
