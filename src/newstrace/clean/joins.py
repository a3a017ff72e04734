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


def glue_points(bits: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray) -> np.ndarray:
    """Places per line (lines over 20 characters) where inline elements were glued
    without a space: an ASCII lower-case letter, maybe [.?!], then upper + lower."""
    lo = (bits & C.ALO) != 0
    up = (bits & C.AUP) != 0
    stop = (bits & C.ASTOP) != 0
    at = (lo[:-2] & up[1:-1] & lo[2:]).nonzero()[0]
    at = np.concatenate((at, (lo[:-3] & stop[1:-2] & up[2:-1] & lo[3:]).nonzero()[0]))
    line = s_arr.searchsorted(at, side="right") - 1
    return np.bincount(line, minlength=len(s_arr)) * (e_arr - s_arr > 20)


def glued_heads(cp: np.ndarray, bits: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray,
                words: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Lines that start with a Title Case headline glued to a summary ("...Student-AthleteA
    woman ..."): a lower-case letter or digit runs into a capital after at least
    GLUE_WORDS words, GLUE_CAPS of them capitalised and no lower-case word of 4+
    letters. Teaser lists show many. `words`: starts and lengths of the words
    (runs of word characters) of the text, when the caller has them."""
    up = (bits & C.AUP) != 0
    before = ((bits & (C.ALO | C.ADIGIT)) != 0)[:-2]
    after = ((bits & (C.ALO | C.SP)) != 0)[2:]
    at = (before & up[1:-1] & after).nonzero()[0] + 1
    if not len(at):
        return np.zeros(len(s_arr), dtype=bool)
    w_starts, w_lens = words if words is not None else word_runs(bits)
    first = bits[w_starts]
    caps = w_starts[(first & C.UP) != 0]
    lows = w_starts[(w_lens >= 4) & ((first & C.LO) != 0)]  # lower-case words of 4+ letters
    g = at[np.minimum(at.searchsorted(s_arr), len(at) - 1)]
    # words (and capitalised ones) starting in [line start, g); none of 4+ lower-case letters
    nw = np.where((g > s_arr) & (g < e_arr), w_starts.searchsorted(g) - w_starts.searchsorted(s_arr), 0)
    return ((nw >= GLUE_WORDS) & (caps.searchsorted(g) - caps.searchsorted(s_arr) >= GLUE_CAPS * nw)
            & (lows.searchsorted(g) == lows.searchsorted(s_arr)))

