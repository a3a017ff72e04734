"""Shortcuts of the text cleaner (pages without edge white space, per-code-point lower
case, cue words found by prefix, arrays kept on the page) agree with the plain paths."""

from __future__ import annotations

import random

import numpy as np

from newstrace.clean import charclass as C
from newstrace.clean import cues, fragments, own_features
from newstrace.clean import lines as L
from newstrace.clean import text as text_cleaner

WORDS = ["the", "Council", "said", "on", "Tuesday", "vote", "a", "B", "É", "ß", "Σ", "ΟΔΟΣ", "K",
         "İstanbul", "日本語", "기사", "😀", "\u00a0", "\u2028", "\x1c", "©", "(c)", "(C) 2020", "1999",
         "http://x.COM", "@user", "Read", "more", "READ MORE", "Sign", "up", "says:", "wrote",
         "12 Comments", "By", "COPYRIGHT", "Copyrighted", "Cookies", "cookie-free", "newsletter",
         "Newsletters", "Advertisement", "advertising", "sponsored", "Recommended", "share",
         "Share", "tweet", "WhatsApp", "ad", "ads", "add", "adder", "subscribers", "all", "rights",
         "reserved", "Leia", "também", "Читайте", "также", "…", "|", "»", "12:45", "Spons", "cooki", "recom"]


def page(rng: random.Random, edges: bool) -> str:
    lines = []
    for _ in range(rng.randint(1, 30)):
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 30)))
        if edges:
            line = rng.choice(["", " ", "\t"]) + line + rng.choice(["", " ", "\r", "."])
        lines.append(line)
    return "\n".join(lines)


def ink_spans(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    at = 0
    for line in text.split("\n"):
        stripped = line.strip(" \t\r\f\v")
        if stripped:
            starts.append(at + line.index(stripped))
            ends.append(starts[-1] + len(stripped))
        at += len(line) + 1
    return starts, ends


def test_spans_with_and_without_edge_white_space():
    rng = random.Random(3)
    bare = 0
    for k in range(300):
        text = page(rng, edges=k % 2 == 0)
        cp, bits = C.char_bits(text)
        starts, ends, plain = L._spans(cp, bits)
        assert (starts.tolist(), ends.tolist()) == ink_spans(text), text
        assert L._spans(cp, None)[:2][0].tolist() == starts.tolist()
        bare += plain
        texts = [text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        # invisible characters read as spaces: a line of them alone is blank
        assert L.build_page(text).texts == [s for s in (t.strip().strip(L.INVISIBLE).strip() for t in texts) if s]
        if plain and texts:  # spaces summed with the other planes
            want = L.own_matrix(text, texts, starts, ends)
            assert (L.own_matrix(text, texts, starts, ends, bare=True) == want).all()
            assert (want == np.array([L.own_features(t) for t in texts])).all()
    assert 100 < bare < 300  # both paths ran


def test_normalising_without_strip_on_plain_pages():
    rng = random.Random(4)
    for _ in range(300):
        text = page(rng, edges=False)
        cp, bits = C.char_bits(text)
        starts, ends, plain = L._spans(cp, bits)
        want = [L.normalise(text[a:b]) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        edge = (bits[starts] | bits[ends - 1]) & C.WS
        assert L._normalise_spans(cp, bits, starts, plain and not edge.any()) == want, text


def test_lower_one_code_point_at_a_time():
    rng = random.Random(5)
    for _ in range(300):
        text = page(rng, edges=True)
        cp, _ = C.char_bits(text)
        low = C.lower_bmp(cp)
        if cp.max(initial=0) >= 0x10000:
            assert low is None
            continue
        assert C.changes_length(text) == (len(text.lower()) != len(text))
        if not C.changes_length(text):
            got = low.tobytes().decode("utf-32-le", "surrogatepass")
            want = text.lower()
            assert len(got) == len(want)
            # only a final sigma may differ
            assert all(a == b or {a, b} == {"σ", "ς"} for a, b in zip(got, want, strict=True))


def test_cue_words_by_prefix_match_line_cues():
    rng = random.Random(6)
    for _ in range(300):
        text = page(rng, edges=False)
        cp, bits = C.char_bits(text)
        starts, ends = L._span_arrays(cp, bits)
        texts = [text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        nws = np.array([len(cues.WORD.findall(t)) for t in texts], dtype=np.int64)
        want = np.zeros((len(texts), len(cues.CUE_CATS)), dtype=np.int64)
        for i, t in enumerate(texts):
            for cat in cues.line_cues(t, cues.WORD.findall(t)):
                want[i, cues.CAT[cat]] = 1
        got = cues.page_cues(texts, nws, None, (cp, None, starts, ends), text=text, words=own_features.word_runs(bits))
        assert (got == want).all(), text


def test_page_arrays_and_sentence_edges():
    rng = random.Random(7)
    for _ in range(100):
        text = page(rng, edges=True)
        p = L.build_page(text)
        if not p.texts:
            continue
        segs, head = L.title_segments(p.texts[0]), p.keys[0]
        assert p.title.tolist() == [k > 0 and (key in segs or (len(key) >= 12 and key in head))
                                    for k, key in enumerate(p.keys)]
        assert p.counts.tolist() == [p.keys.count(key) for key in p.keys]
        assert p.chars.tolist() == [b - a for a, b in zip(p.starts, p.ends, strict=True)]
        terminal = p.X[:, L.COL["terminal"]]
        words = np.expm1(p.X[:, L.COL["log_words"]])
        plain = fragments.sentence_groups(p.texts, terminal, words)
        edges = (*p.edges, p.X[:, L.COL["ends_colon"]] > 0)
        assert (fragments.sentence_groups(p.texts, terminal, words, edges) == plain).all()
        assert L.build_page(text, teaser=False).teaser is None
        assert (L.build_page(text, teaser=False).X == p.X).all()


def test_a_text_of_closing_quotes_only():
    for text in ("»", '""', ")", "» »\n)"):
        lines = text_cleaner.classify_lines(text)
        assert [ln.text for ln in lines] == [t.strip() for t in text.split("\n")]  # no IndexError
        assert (L.build_page(text).X[:, L.COL["terminal"]] == 0).all()
