"""The cheap paths of clean/tail.py give what the plain ones would: the cue screen, the
word counts, the units read from the end."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from newstrace.clean import cue_screen, tail

DUMPS = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "textdump.jsonl"

CUE_LINES = [
    "Unsubscribe at any time.", "You can unsubscribe at any time.", "Did you like this article?",
    "Enjoyed this story? Share it.", "Sign up for our free newsletter", "Subscribe to our newsletter today",
    "We'll send you an email every morning.", "We’d love to hear from you.", "Contact: jane@example.com",
    "Thanks for signing up!", "By submitting this form you agree to our terms.", "Click here to read more",
    "Klicken Sie hier", "Jetzt abonnieren und nichts verpassen", "Abonnez-vous à notre lettre d’information",
    "Suscríbete a nuestro boletín", "Подпишитесь на рассылку", "Read our comment policy.",
    "Acme is a leading provider of harbour cranes for ports in Europe.", "The firm employs 1,300 people.",
    "Nordwell is headquartered in Bergen.", "Mit Sitz in Berlin beschäftigt die Firma rund 200 Menschen.",
    "For more information, please visit www.example.com", "[/caption]", "See the full gallery",
]
NEAR_MISSES = [
    "The nearby town was unsubscribed from the list.", "A newsletterish note", "clicking on nothing",
    "They were unsubscribing.", "webby: we said", "Theby the way", "somewhere in between",
    "Our privacy was invaded, she said.", "the data protection rules changed", "İstanbul İİ and ǅ",
]


def _plain(cues: cue_screen.Cues, low: str) -> bool:
    return any(p.search(low) for p in cues.patterns)


def _lines() -> list[str]:
    out = CUE_LINES + NEAR_MISSES + [s.upper() for s in CUE_LINES]
    if DUMPS.exists():
        rng = random.Random(3)
        with DUMPS.open(encoding="utf-8") as f:
            rows = [json.loads(x) for x in f]
        pool = [ln for r in rows for ln in r["text_dump"].split("\n") if ln.strip()]
        out += rng.sample(pool, min(1500, len(pool)))
    return out


@pytest.mark.parametrize("name", ["STRONG", "WEAK"])
def test_cue_screen_gives_what_every_pattern_gives(name):
    cues = getattr(tail, name)
    hits = 0
    for line in _lines():
        low = line.strip().lower()
        want = _plain(cues, low)
        hits += want
        assert cues.search(low) == want, line
        assert cues.search(low, set(cue_screen.WORD.findall(low))) == want, line
    assert hits >= 10  # the lines do hold cues


def test_every_pattern_is_screened_by_a_literal_but_two():
    always = [tail.STRONG.patterns[k].pattern for k in tail.STRONG.always]
    assert len(always) <= 2 and not tail.WEAK.always
    # the literal after a leading group, and whole words at a \b
    assert cue_screen._trigger(r"\b(?:like|enjoy(?:ed)?) this (?:article|story|post)\?") == ((" this ", ["this"]),)
    assert cue_screen._trigger(r"\bunsubscribe\b") == (("unsubscribe", ["unsubscribe"]),)
    assert cue_screen._trigger(r"\b(?:désinscri|désabonn)") == (("désinscri", []), ("désabonn", []))
    assert cue_screen._trigger(r"\bsee (?:the )?full gallery\b") == (("see ", ["see"]),)
    assert cue_screen._after_group(r"(?:a|b) x(?:c|d)|y") == ""
    assert cue_screen._after_group(r"(?:a|b)? x") == ""


def test_lowering_that_keeps_the_length_keeps_the_words():
    # _kind counts the words of the lowered line when lower() kept its length
    w = re.compile(r"\w")
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        low = c.lower()
        if len(low) == 1:
            assert bool(w.match(c)) == bool(w.match(low)), hex(i)
    assert tail._kind("İİ İİ.") == "filler"  # two words; "i̇i̇ i̇i̇." lowered has four runs


STORY_WORD = "harbour"
CONSENT = ["By submitting this form you agree to Harbour Daily storing your name and e-mail address.",
           "You may withdraw your consent at any time; see our privacy policy for details."]


def _story(words: int) -> list[str]:
    """Story lines of `words` words in all (counted as spaces + 1), 25 to a line."""
    return [" ".join([STORY_WORD] * min(25, words - k)) + "." for k in range(0, words, 25)]


@pytest.mark.parametrize("words,dropped", [(49, False), (50, True)])
def test_a_block_needs_min_story_words_above_it(words, dropped):
    story = _story(words)
    assert sum(s.count(" ") + 1 for s in story) == words == tail.MIN_STORY - 1 + dropped
    texts = story + CONSENT
    out = tail.edge_boilerplate(texts, np.ones(len(texts), dtype=bool))
    assert out.tolist() == [False] * len(story) + [dropped] * len(CONSENT)


@pytest.mark.parametrize("story_words,dropped", [(60, False), (70, True)])
def test_an_about_section_holds_at_most_a_third_of_the_words(story_words, dropped):
    prose = ("The yard on the north quay builds tugs and small ferries for the coast and has done so "
             "for three generations of the same family since the war ended.")
    about = ["About", "Nordwell Systems", prose]  # the heading cut after its first word is one unit
    below = 3 + prose.count(" ") + 1
    total = story_words + below
    assert (below <= tail.ABOUT_SHARE * total) == dropped
    texts = _story(story_words) + about
    out = tail.edge_boilerplate(texts, np.ones(len(texts), dtype=bool))
    assert out.tolist() == [False] * (len(texts) - 3) + [dropped] * 3


def test_units_are_read_across_kept_lines_only():
    texts = _story(60) + ["dropped menu", "About", "Nordwell Systems", "Nordwell Systems builds tugs."]
    keep = np.ones(len(texts), dtype=bool)
    keep[len(texts) - 4] = False
    out = tail.edge_boilerplate(texts, keep)
    assert out[-3:].all() and not out[:-3].any()
    keep[len(texts) - 2] = False  # "About" cut off from its name: no heading
    assert not tail.edge_boilerplate(texts, keep).any()


def test_one_unit_is_never_a_block():
    texts = ["Join our forums", "to keep talking about the harbour"]
    assert not tail.edge_boilerplate(texts, np.ones(2, dtype=bool)).any()
    assert not tail.edge_boilerplate(CONSENT[:1], np.ones(1, dtype=bool)).any()
    assert not tail.edge_boilerplate([], np.zeros(0, dtype=bool)).any()


def test_a_heading_must_start_its_unit():
    about = ["about Nordwell Systems", "Nordwell Systems builds tugs."]
    texts = _story(60) + ["Find out more"] + about
    out = tail.edge_boilerplate(texts, np.ones(len(texts), dtype=bool))
    assert not out.any()  # "Find out more about Nordwell Systems" is one unit, no heading
    texts = _story(60) + ["Find out more."] + about
    out = tail.edge_boilerplate(texts, np.ones(len(texts), dtype=bool))
    assert out.tolist() == [False] * (len(texts) - 2) + [True] * 2
