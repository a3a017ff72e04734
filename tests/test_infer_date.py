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


def test_the_weekday_written_by_the_date_itself_infers_nothing():
    # a photo dated "Wednesday, May 19, 2021": the story never says when it happened
    text = "The ministers met in Reykjavik.\n\nLavrov arrives for a meeting, Wednesday, May 19, 2021"
    assert infer_date(text) is None
    text = "On Wednesday the ministers met.\n\nLavrov arrives for a meeting, Wednesday, May 19, 2021"
    found = infer_date(text)
    assert found.value == "2021-05-19" and text.index("On Wednesday") < text.index("Wednesday, May")


def test_a_file_photo_date_infers_nothing():
    for caption in ("FILE - In this Wednesday, May 12, 2021 photo, ministers meet in Reykjavik",
                    "Ministers meet in Reykjavik on May 12, 2021 (File photo)",
                    "Ministers meet in Reykjavik, May 12, 2021. Archive photo"):
        text = f"On Wednesday the ministers met again.\n\n{caption}"
        assert infer_date(text) is None, caption
    text = "On Wednesday the ministers met again.\n\nMinisters meet in Reykjavik, May 12, 2021"
    assert infer_date(text).value == "2021-05-12"
