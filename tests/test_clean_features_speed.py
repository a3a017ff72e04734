"""Cheaper feature steps of the text cleaner give what their plain definitions give."""

from __future__ import annotations

import random
import re

from newstrace.clean import charclass as C
from newstrace.clean import cues
from newstrace.clean import lines as L
from newstrace.clean.own_features import word_runs

PIECES = ["http", "HTTP", "www.", "wwww.", ".com", ".COM", "(c) ", "(C) ", "(c)", "copyright", "Copyr",
          "cookie", "COOKIES", "all rights", "All  rights", "privacy", "priv", "Privacy", "é", "ß", "İ", "日本",
          "’", "\u00a0", " ", "\n", "a", "c", "h", "w", ".", "(", "all", "pr", "co", "x"]


def random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def test_needles_found_at_once_as_one_by_one():
    rng = random.Random(7)
    texts = ["", "h", "http", "xhttp", "wwww.x.com", "(c) (c) ", "all rights all rights", "privac",
             "cookiecookie", "ends with copyright"] + [random_text(rng, rng.randint(1, 80)) for _ in range(400)]
    for text in texts:
        low_cp = C.lower_bmp(C.char_bits(text)[0])
        if low_cp is None or C.changes_length(text):
            continue
        low = low_cp.tobytes().decode("utf-32-le", "surrogatepass")
        got = cues.find_needles(low, cues.grams(low_cp))
        assert got == {n: cues.find_all(low, n) for n in cues.GRAM_NEEDLES}, text


def test_grams_pack_four_code_points():
    cp = C.char_bits("ab\u00e9’xyz")[0]
    g = cues.grams(cp)
    padded = cp.tolist() + [0, 0, 0]
    assert g.tolist() == [sum(padded[i + j] << (16 * j) for j in range(4)) for i in range(len(cp))]


def test_normalising_folds_every_cased_character_as_casefold():
    folding = [chr(c) for c in range(0x10000) if chr(c).casefold() != chr(c) and not 0xD800 <= c < 0xE000]
    rng = random.Random(9)
    rng.shuffle(folding)
    lines = ["".join(folding[k:k + 40]) + " 12 x\u00a0\u00a0y" for k in range(0, len(folding), 40)]
    text = "\n".join(lines)
    cp, bits = C.char_bits(text)
    starts = L._span_arrays(cp, bits)[0]
    assert L._normalise_spans(cp, bits, starts) == [L.normalise(t) for t in lines]
    plain = [ln for ln in lines if "ß" not in ln and "İ" not in ln]  # no casefold() of the whole text
    cp, bits = C.char_bits("\n".join(plain))
    assert L._normalise_spans(cp, bits, L._span_arrays(cp, bits)[0]) == [L.normalise(t) for t in plain]


def test_spans_with_and_without_class_bits():
    rng = random.Random(10)
    for _ in range(300):
        text = "".join(rng.choice(["a", "b c", " ", "\t", "\n", "\r", "\u00a0", "x\n\n"]) for _ in range(30))
        cp, bits = C.char_bits(text)
        with_bits = [a.tolist() for a in L._spans(cp, bits)[:2]]
        assert with_bits == [a.tolist() for a in L._spans(cp, None)[:2]]
        plain = [(m.start(), m.end()) for m in re.finditer(r"[^ \t\n\r\f\v](?:[^\n]*[^ \t\n\r\f\v])?", text)]
        assert list(zip(*with_bits, strict=True)) == plain
        runs = [(m.start(), len(m.group())) for m in re.finditer(r"\w+", text)]
        assert list(zip(*(a.tolist() for a in word_runs(bits)), strict=True)) == runs
