"""Fast paths of the text cleaner agree with the plain definitions they replace."""

from __future__ import annotations

import random

import numpy as np

from newstrace.clean import charclass as C
from newstrace.clean import cues, own_features
from newstrace.clean import lines as L
from newstrace.clean.context import window_mean, window_means, window_sum
from newstrace.clean.text import _make_lines
from newstrace.records import Line

ODD = ["É", "İ", "ß", "ﬁ", "Σ", "ς", "K", "日本語", "기사", "😀", "𝟎", "\u00a0", "\u2028", "\x1c", "\t",
       "\r", "©", "(c) ", "(C)", "…", "|", "»", "Привет", "12:45", "1999", "2020", "http://x.COM",
       "@user", "Read more", "Sign up", "says:", "12 Comments", "By ", "COPYRIGHT", "Cookies",
       "newsletter", "Advertisement", "share", " ", "  ", "Title Case HeadlineA story"]


def random_page(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 30)):
        words = [rng.choice(ODD + ["the", "Council", "said", "on", "Tuesday", "vote", "a", "B"])
                 for _ in range(rng.randint(0, 30))]
        lines.append(rng.choice(["", " ", "\t"]) + " ".join(words) + rng.choice(["", " ", "\r", "."]))
    return "\n".join(lines)


def spans_of(text: str):
    cp, bits = C.char_bits(text)
    starts, ends = L._span_arrays(cp, bits)
    return cp, bits, starts, ends, [text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]


def test_whole_text_normalising_matches_line_by_line():
    rng = random.Random(1)
    for _ in range(200):
        text = random_page(rng)
        cp, bits, starts, _, texts = spans_of(text)
        assert L._normalise_spans(cp, bits, starts) == [L.normalise(t) for t in texts]


def test_page_cues_fast_path_matches_line_cues():
    rng = random.Random(2)
    for _ in range(200):
        text = random_page(rng)
        cp, bits, starts, ends, texts = spans_of(text)
        nws = np.array([len(cues.WORD.findall(t)) for t in texts], dtype=np.int64)
        want = np.zeros((len(texts), len(cues.CUE_CATS)), dtype=np.int64)
        for i, t in enumerate(texts):
            for cat in cues.line_cues(t, cues.WORD.findall(t)):
                want[i, cues.CAT[cat]] = 1
        spans = (cp, (bits & C.W) != 0, starts, ends)
        assert (cues.page_cues(texts, nws, None, spans) == want).all(), text
        got = cues.page_cues(texts, nws, None, spans, text=text, words=own_features.word_runs(bits))
        assert (got == want).all(), text


def test_joined_words_of_kept_lines():
    rng = random.Random(3)
    for _ in range(100):
        text = random_page(rng)
        cp, bits, starts, _, texts = spans_of(text)
        keep = np.array([rng.random() < 0.6 for _ in texts], dtype=bool)
        joined, w_off, line = cues._joined_words(cp, *own_features.word_runs(bits), starts, keep)
        words = [(w, i) for i, t in enumerate(texts) if keep[i] for w in cues.WORD.findall(t)]
        assert joined == " ".join(w for w, _ in words)
        assert line.tolist() == [i for _, i in words]
        assert [joined[a:].split(" ")[0] for a in w_off.tolist()] == [w for w, _ in words]


def test_windows_match_plain_loops():
    rng = np.random.default_rng(4)
    for n in (1, 2, 3, 7, 12, 40):
        for k in (1, 3, 5, 10):
            v = rng.random((n, 3))
            for i in range(n):
                lo, hi = max(i - k, 0), min(i + k + 1, n)
                assert np.allclose(window_sum(v, k)[i], v[lo:hi].sum(axis=0))
                assert np.allclose(window_mean(v, k)[i], v[lo:hi].mean(axis=0))
            flags = rng.random(n) > 0.5
            assert window_sum(flags, k).tolist() == [
                float(flags[max(i - k, 0):i + k + 1].sum()) for i in range(n)]
        # several windows at once give exactly the one-window means (the features rely on it)
        v = rng.integers(0, 50, (n, 4)).astype(float) / 7
        for k, got in zip((3, 5, 10), window_means(v, (3, 5, 10)), strict=True):
            assert np.array_equal(got, window_mean(v, k))


def test_features_do_not_depend_on_shared_arrays():
    rng = random.Random(5)
    for _ in range(50):
        text = random_page(rng)
        cp, bits, starts, ends, texts = spans_of(text)
        if not texts:
            continue
        words = own_features.word_runs(bits)
        alone = L.own_matrix(text, texts, starts, ends)
        shared = L.own_matrix(text, texts, starts, ends, (cp, bits), words)
        assert alone.tobytes() == shared.tobytes()
        assert (L.glued_heads(cp, bits, starts, ends) == L.glued_heads(cp, bits, starts, ends, words)).all()


def test_lines_are_built_as_the_constructor_builds_them():
    cols = (["a", "b"], [0, 2], [1, 3], [True, False], ["", "low score"])
    made = _make_lines(*cols)
    assert made == list(map(Line, *cols))
    assert all(type(ln) is Line and ln.kind == "" for ln in made)
