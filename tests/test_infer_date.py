"""Dates inferred from the text when a page states none."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.clean.infer_date import infer_date
from newstrace.records import Span

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "republished-article.txt"


def test_weekday_plus_matching_date():
    text = ("On Wednesday, Lavrov met Blinken in Reykjavik.\n\n"
            "Lavrov and Blinken arrive for a meeting in Reykjavik, Iceland, May 19, 2021")
    cap = text.index("Lavrov and")
    found = infer_date(text, captions=(Span(cap, len(text), "caption"),))
    assert found is not None
    assert found.value == "2021-05-19"
    assert found.evidence == ("inferred: weekday 'Wednesday' + date 'May 19, 2021' in caption")
    assert text[found.start:found.end] == "May 19, 2021"


def test_no_weekday_or_no_match_gives_none():
    assert infer_date("The meeting took place on May 19, 2021 in Reykjavik.") is None
    # May 19, 2021 was a Wednesday, not a Friday
    assert infer_date("On Friday the minister spoke. Photo taken May 19, 2021.") is None
    assert infer_date("On Wednesday the minister spoke.") is None


def test_two_candidate_dates_is_ambiguous():
    text = "On Wednesday he spoke. Photos: May 19, 2021 and May 26, 2021."
    assert infer_date(text) is None
    text = "On Wednesday he spoke. Photos: May 19, 2021 and 19 May 2021."
    assert infer_date(text).value == "2021-05-19"  # the same day twice is fine


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example not available")
def test_shared_example():
    found = infer_date(EXAMPLE.read_text(encoding="utf-8"))
    assert found is not None and found.value == "2021-05-19"
    assert "Wednesday" in found.evidence and "May 19, 2021" in found.evidence
