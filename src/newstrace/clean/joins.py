"""Where a scraper cut or glued a page's text: lines that go on from the line above
(a sentence cut at a link or bold), words of inline elements run together without a
space, and teaser headlines glued to their summary. Pure functions, numpy only.
"""

from __future__ import annotations

import numpy as np

from . import charclass as C
from .own_features import word_runs

GLUE_WORDS, GLUE_CAPS = 3, 0.6


def fragment_joins(first: np.ndarray, last: np.ndarray, terminal: np.ndarray) -> np.ndarray:
    """joins[i]: line i + 1 goes on from line i, a fragment a scraper cut at a link or bold.
    Line i ends no sentence, and line i + 1 starts lower-case or with closing punctuation
    or line i ends with an opening one (",", "(", a dash, the CJK commas "、" and "，").

    `first` and `last` are the class bits of each line's first and last character.
    """
    return (terminal[:-1] == 0) & (((first[1:] & (C.LO | C.JOIN_START))
                                    | (last[:-1] & (C.JOIN_END | C.COMMA))) != 0)


def fragment_blocks(first: np.ndarray, last: np.ndarray, terminal: np.ndarray) -> np.ndarray:
    """Block id per line, joining fragments (`fragment_joins`)."""
    return np.concatenate(([0], (~fragment_joins(first, last, terminal)).cumsum()))


def capitals(bits: np.ndarray) -> np.ndarray:
    """Positions of the ASCII capitals of a text (given as class bits) but at either end:
    where `glue_points` and `glued_heads` look (the rest of each pattern is read there)."""
    return ((bits[1:-1] & C.AUP) != 0).nonzero()[0] + 1


def glue_points(bits: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray,
                caps: np.ndarray | None = None) -> np.ndarray:
    """Places per line (lines over 20 characters) where inline elements were glued
    without a space: an ASCII lower-case letter, maybe [.?!], then upper + lower
    (`caps`: `capitals(bits)`, when the caller has them)."""
    p = capitals(bits) if caps is None else caps
    prev, lo_next = bits[p - 1], (bits[p + 1] & C.ALO) != 0
    at = p[((prev & C.ALO) != 0) & lo_next] - 1  # where each place starts
    q = p[((prev & C.ASTOP) != 0) & lo_next & (p >= 2)]
    at = np.concatenate((at, q[(bits[q - 2] & C.ALO) != 0] - 2))
    line = s_arr.searchsorted(at, side="right") - 1
    return np.bincount(line, minlength=len(s_arr)) * (e_arr - s_arr > 20)


def glued_heads(cp: np.ndarray, bits: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray,
                words: tuple[np.ndarray, np.ndarray] | None = None,
                caps: np.ndarray | None = None) -> np.ndarray:
    """Lines that start with a Title Case headline glued to a summary ("...Student-AthleteA
    woman ..."): a lower-case letter or digit runs into a capital after at least
    GLUE_WORDS words, GLUE_CAPS of them capitalised and no lower-case word of 4+
    letters. Teaser lists show many. `words`: starts and lengths of the words
    (runs of word characters) of the text, `caps`: `capitals(bits)`, when the caller has them."""
    p = capitals(bits) if caps is None else caps
    at = p[((bits[p - 1] & (C.ALO | C.ADIGIT)) != 0) & ((bits[p + 1] & (C.ALO | C.SP)) != 0)]
    out = np.zeros(len(s_arr), dtype=bool)
    if not len(at):
        return out
    g = at[np.minimum(at.searchsorted(s_arr), len(at) - 1)]  # the first such capital from each line start
    hit = ((g > s_arr) & (g < e_arr)).nonzero()[0]  # lines with one inside
    if not len(hit):
        return out
    g, s_arr = g[hit], s_arr[hit]
    w_starts, w_lens = words if words is not None else word_runs(bits)
    first = bits[w_starts]
    caps_w = w_starts[(first & C.UP) != 0]
    lows = w_starts[(w_lens >= 4) & ((first & C.LO) != 0)]  # lower-case words of 4+ letters
    # words (and capitalised ones) starting in [line start, g); none of 4+ lower-case letters
    nw = w_starts.searchsorted(g) - w_starts.searchsorted(s_arr)
    out[hit] = ((nw >= GLUE_WORDS) & (caps_w.searchsorted(g) - caps_w.searchsorted(s_arr) >= GLUE_CAPS * nw)
                & (lows.searchsorted(g) == lows.searchsorted(s_arr)))
    return out
