"""Promo lines and credited captions inside the story (clean/promo.py), on made-up texts."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import KeepAll
from test_clean_tail import STORY

from newstrace.clean import promo
from newstrace.clean.html_filters import _line_reason
from newstrace.clean.text import classify_lines, kept_text
from newstrace.records import Line

PROMOS = [
    "READ MORE: Council approves new bus lanes on the coast road",
    "CLICK HERE TO GET THE HARBOUR DAILY APP",
    "Need more news? Subscribe to our weekly magazine for the best stories of the month!",
    "Let our news meet your inbox. The stories that matter, delivered every morning.",
    "FERRY OPERATOR SAYS NEW PIER WILL DOUBLE THE NUMBER OF SUMMER CROSSINGS",
    "On HarbourDaily.com: Storm damage bill rises to 20 million",
    "Baca juga: Dermaga baru akan dibuka tahun depan",
    "Lesen Sie auch: Neue Fähre für die Insel",
    "Leia também: Prefeitura aprova nova ponte",
    "Читайте также: Новый паром выйдет в рейс летом",
    # one call per piece the text mode's needle scan looks for
    "Sign up for the Harbour Daily newsletter",
    "Follow us on Twitter for live updates from the quay",
    "Share this story with your friends",
    "Like this article? There is more in our weekend edition",
    "Have a tip? Write to the newsroom",
    "Download the Harbour Daily app",
    "Tap here to watch the crossing",
    "Want the full story? Check out our harbour guide.",
    "Abonnez-vous à notre lettre du port",
    "Inscrivez-vous pour recevoir la lettre du port",
    "¿Te gustó? Suscríbete al boletín del puerto",
    "Gostou? Assine já a newsletter do porto",
    "Iscriviti alla newsletter del porto",
    "Подписывайтесь на наш канал о порте",
    "Berlangganan sekarang untuk kabar pelabuhan",
    "Harbour Daily, now on YouTube",
]
CAPTIONS = [
    "Divers inspect the damaged pillars of the old pier in March (Image: GETTY)",
    "The ferry leaves the harbour at dawn. Jane Doe/Harbour Daily/Getty Images",
    "Fishermen wait on the quay (AP Photo/John Roe, File)",
    # one per form of photo credit
    "The mayor opens the new pier on Monday (Photo credit: Harbour Daily)",
    "Crowds gather on the quay for the first crossing via Reuters",
    "The old ferry is towed out of the harbour / AP",
    "The new bridge at night. Credit: Jane Doe/Harbour Daily",
    "A ferry crosses the bay at sunset. Shutterstock",
    "Lighthouse on the cape at dawn. iStockphoto",
    "Storm waves hit the harbour wall /AFP",
    "Boats in the harbour after the storm. Reuters/Jane Doe",
]
# article lines that name the same things and must stay
KEEPERS = [
    "Residents can subscribe to the council's minutes, which are published every month.",
    "\"Click here and you will see the cracks,\" the engineer said, pointing at a photo of the pier.",
    "The mayor read more than 200 letters from residents before the vote, his office said.",
    "She told Reuters the work would start in spring.",
    "Most read the report as a sign that the council had finally made up its mind.",
    "WHO IS PAYING?",
]


def _read(parts: list[str]) -> dict[str, Line]:
    return {ln.text: ln for ln in classify_lines("\n".join(parts), model=KeepAll())}


@pytest.mark.parametrize("line", PROMOS)
def test_a_promo_line_inside_the_story_is_dropped(line):
    lines = _read(STORY[:2] + [line] + STORY[2:])
    assert not lines[line].keep and lines[line].reason == "promo"
    assert all(lines[t].keep for t in STORY)


@pytest.mark.parametrize("line", CAPTIONS)
def test_a_caption_with_a_photo_credit_is_dropped(line):
    lines = _read(STORY[:1] + [line] + STORY[1:])
    assert not lines[line].keep and lines[line].reason == "caption"
    assert all(lines[t].keep for t in STORY)


@pytest.mark.parametrize("line", KEEPERS)
def test_article_lines_that_look_alike_are_kept(line):
    assert not promo.is_promo(line) and not promo.credit_caption(line)
    lines = _read(STORY[:2] + [line] + STORY[2:])
    assert lines[line].keep


def test_copyright_lines_stay_in_text_mode_but_not_in_html():
    line = "© 2019 Harbour Daily. All rights reserved."
    assert not promo.is_promo(line)
    assert _read(STORY + [line])[line].keep
    assert _line_reason(Line(line, -1, -1, True, "", "paragraph"), 5, False, "") == "promo"


def test_a_promo_sentence_cut_at_links_goes_with_all_its_pieces():
    pieces = ["Subscribe to", "Harbour Daily", "and stay up to date with more of your favourite", "writers."]
    lines = classify_lines("\n".join(STORY[:2] + pieces + STORY[2:]), model=KeepAll())
    for ln in lines:
        assert ln.keep == (ln.text in STORY), ln.text
    assert "Harbour Town council" in kept_text(lines)


def test_a_label_joined_to_the_next_sentence_goes_alone():
    texts = ["Read More", "US stock futures were last", "trading slightly higher", "after small losses earlier."]
    groups = np.zeros(len(texts), dtype=np.intp)
    assert promo.promo_lines(texts, groups).tolist() == ["promo", "", "", ""]
    assert promo.promo_lines(texts).tolist() == ["promo", "", "", ""]
    # a sentence that is promo only as a whole goes whole
    texts = ["Subscribe to", "Harbour Daily", "and stay up to date."]
    assert promo.promo_lines(texts, np.zeros(3, dtype=np.intp)).tolist() == ["promo"] * 3
    assert promo.promo_lines(texts).tolist() == ["promo", "", ""]


def test_only_limits_the_lines_read():
    texts = ["READ MORE: a teaser", "READ MORE: another teaser"]
    assert promo.promo_lines(texts, only=np.array([False, True])).tolist() == ["", "promo"]


def test_capital_teasers_need_length_and_no_sentence_end():
    assert promo.caps_teaser("SINGER SAYS NEW ALBUM WAS WRITTEN DURING A LONG FEUD WITH LABEL")
    assert not promo.caps_teaser("HOW TO MAKE JAM")  # a subhead
    assert not promo.caps_teaser("WILL THE COUNCIL FIND THE MONEY FOR THE NEW PIER NEXT YEAR?")
    assert not promo.caps_teaser("남상미는 알다시피 롯데리아 한양대점 알바생으로 유명세를 탄 후 연여계로 들어온 배우다")


def test_long_lines_are_never_promo():
    long = "Read more: " + " ".join(["word"] * promo.MAX_WORDS)
    assert promo.is_promo("Read more: " + " ".join(["word"] * 10))
    assert not promo.is_promo(long)


def test_html_patterns_are_the_shared_ones():
    for text in ("Sign up now for our weekly newsletters", "Gazette©2021", "Read on the go by clicking here"):
        assert promo.html_line(text.lower())
    assert not promo.html_line(STORY[0].lower())


def test_nothing_is_dropped_without_a_story_around_it():
    short = ["Harbour Town council voted on Tuesday to rebuild the old ferry pier.",
             "READ MORE: Council approves new bus lanes on the coast road"]
    lines = _read(short)
    assert all(ln.keep for ln in lines.values())
