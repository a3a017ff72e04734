"""Boilerplate blocks after the story (clean/tail.py), on made-up pages."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import KeepAll

from newstrace.clean import tail
from newstrace.clean.text import classify_lines, kept_text

STORY = [
    "Harbour Town council voted on Tuesday to rebuild the old ferry pier, which has been closed "
    "since a storm damaged its pillars two winters ago.",
    "The works will cost about 12 million euros and are due to start in March, the council said "
    "in a statement after a meeting that ran late into the evening.",
    "Fishermen who use the pier have waited for a decision for months, and several of them "
    "watched the vote from the public gallery.",
    "The pier should reopen to ferries and small boats by the summer of next year if the "
    "weather allows the divers to finish their part of the job on time.",
]
ABOUT = [
    "About Nordwell Systems",
    "Nordwell Systems is a leading provider of marine engineering services for ports and "
    "harbour authorities across northern Europe.",
    "Nordwell Systems is headquartered in Bergen, has offices in six countries and employs "
    "around 900 people.",
]
CONSENT = [
    "By submitting this form you agree to Harbour Daily storing your name and e-mail address.",
    "You may withdraw your consent at any time; see our privacy policy for details.",
    "Stay up to date",
    "Get the latest harbour news in your inbox every morning.",
]


def _lines(parts: list[str]):
    return classify_lines("\n".join(parts), model=KeepAll())


def _by_text(lines):
    return {ln.text: ln for ln in lines}


@pytest.mark.parametrize("block", [ABOUT, CONSENT], ids=["about", "consent"])
def test_block_after_story_is_dropped_with_its_reason(block):
    lines = _by_text(_lines(STORY + block))
    for text in STORY:
        assert lines[text].keep
    for text in block:
        assert not lines[text].keep
        assert lines[text].reason == tail.REASON


def test_company_facts_quoted_inside_the_story_stay():
    quoted = ("“Nordwell Systems is a leading provider of marine engineering services,” the mayor "
              "said, adding that the company is headquartered in Bergen and employs around 900 people.")
    parts = STORY[:2] + [quoted] + STORY[2:]
    lines = _lines(parts)
    assert all(ln.keep for ln in lines)
    assert tail.REASON not in {ln.reason for ln in lines}


def test_about_heading_inside_the_story_starts_no_section():
    # "About X" high up in the story is a subhead, not a press release's About section
    parts = STORY[:1] + ["About Harbour Town"] + STORY[1:] + STORY
    lines = _lines(parts)
    assert tail.REASON not in {ln.reason for ln in lines}


def test_one_fact_at_the_end_is_story():
    # a single company fact closing a story needs a second cue line to count as a block
    last = "The contractor, Nordwell Systems, is headquartered in Bergen."
    lines = _by_text(_lines(STORY + [last]))
    assert lines[last].keep


def test_block_needs_a_story_above():
    # a page that is all consent text keeps it: nothing is left to call the story
    text = "\n".join(CONSENT)
    assert kept_text(classify_lines(text, model=KeepAll())) == text


def test_other_languages():
    de = ["Über die Hafenwerke AG",
          "Die Hafenwerke AG ist ein führender Anbieter von Hafentechnik mit Sitz in Kiel.",
          "Sie beschäftigt rund 900 Mitarbeiter."]
    pt = ["Ao enviar este formulário, você concorda com o tratamento dos seus dados pessoais.",
          "Inscreva-se na nossa newsletter."]
    for block in (de, pt):
        lines = _by_text(_lines(STORY + block))
        assert [lines[t].reason for t in block] == [tail.REASON] * len(block)
        assert all(lines[t].keep for t in STORY)


def test_sidebar_appeal_and_sources_below_the_story():
    # a run of appeal lines cut off from the story by dropped lines, then a source list
    texts = STORY + ["x"] * 3 + [
        "Our reporters answer readers' questions every day.",
        "We rely on readers like you to fund this work.",
        "Support Harbour Daily today and become a member.",
        "Sources",
        "Harbour Gazette. 14 March 2019.",
    ]
    keep = np.ones(len(texts), dtype=bool)
    keep[len(STORY):len(STORY) + 3] = False
    out = tail.edge_boilerplate(texts, keep)
    assert not out[:len(STORY)].any()
    assert out[len(STORY) + 3:].all()


def test_edge_boilerplate_on_a_single_document_is_pure():
    texts = STORY + CONSENT
    keep = np.ones(len(texts), dtype=bool)
    first = tail.edge_boilerplate(texts, keep)
    assert keep.all()  # the input mask is left alone
    assert (tail.edge_boilerplate(texts, keep) == first).all()
    assert first.tolist() == [False] * len(STORY) + [True] * len(CONSENT)
    assert not tail.edge_boilerplate([], np.zeros(0, dtype=bool)).any()


def test_late_subhead_named_about_keeps_its_section():
    # "About Harbour Town" as the last subhead of a long story, three paragraphs under it
    parts = STORY * 3 + ["About Harbour Town"] + STORY[:3]
    keep = np.ones(len(parts), dtype=bool)
    assert not tail.edge_boilerplate(parts, keep).any()
    short = STORY * 3 + ["About Harbour Town"] + STORY[:1]  # one paragraph: a bio-like box
    assert tail.edge_boilerplate(short, np.ones(len(short), dtype=bool))[-2:].all()


@pytest.mark.parametrize("line", [
    "Subscribe to our newsletter and get the best stories in your inbox.",
    "Abonnez-vous à notre lettre d'information.",
    "Melden Sie sich jetzt an: Datenschutzerklärung und Nutzungsbedingungen gelten.",
    "Suscríbete a nuestro boletín de noticias.",
    "Inscreva-se na nossa newsletter.",
    "Iscriviti alla newsletter per restare aggiornato.",
    "Подпишитесь на нашу рассылку.",
    "Ayo berlangganan newsletter kami sekarang juga.",
    "Support independent journalism: become a member today.",
])
def test_sign_up_and_appeal_lines_after_the_story_go(line):
    texts = STORY + [line]
    assert tail.edge_boilerplate(texts, np.ones(len(texts), dtype=bool)).tolist() == [False] * 4 + [True]


@pytest.mark.parametrize("line", [
    "The attackers stole the personal data of five million customers, the regulator said.",
    "Facebook changed its privacy policy after the ruling, the company said on Friday.",
    "El Boletín Oficial del Estado publicará la norma el lunes, según el ministerio.",
    "Die Grünen unterstützen sie bei der Wahl, sagte die Sprecherin am Abend.",
    "The mayor repeated the figures at the daily briefing on Wednesday afternoon.",
    "Residents were urged to stay informed and to keep away from the harbour walls.",
])
def test_a_story_ending_on_such_words_keeps_its_last_line(line):
    texts = STORY + [line]
    assert not tail.edge_boilerplate(texts, np.ones(len(texts), dtype=bool)).any()



def test_html_extraction_drops_a_consent_block_after_the_story():
    from newstrace.clean.html import extract_html

    story = "".join(f"<p>{p}</p>" for p in STORY)
    form = "".join(f"<p>{p}</p>" for p in CONSENT)
    html = ("<html><head><title>Council backs pier plan</title></head><body><article>"
            f"<h1>Council backs pier plan</h1>{story}{form}</article></body></html>")
    out = extract_html(html)
    assert all(p in out.text for p in STORY)
    assert not any(p in out.text for p in CONSENT[:2])
    assert {x.text for x in out.removed if x.reason == "boilerplate"} >= set(CONSENT[:2])
