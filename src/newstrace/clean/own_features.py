"""What a line looks like on its own: the first `N_OWN` columns of the text model's
features (`OWN_NAMES`; `COL` maps a name to its column, an order the shipped model
relies on). Length, punctuation, case, cue words from `cues`, counters, bylines,
comment marks and clock stamps; Chinese and Japanese count words by characters
(`cjk.cjk_words`). Pure functions, numpy only.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from . import charclass as C
from .cjk import cjk_words
from .cues import CAT, page_cues

CJK_WORD_LEN = 5  # letters a Chinese or Japanese word counts for in `word_len` (about an English word's)

COUNTER = re.compile(
    r"^[\W\d_]*\d[\W\d_]*$|^\d[\d.,]*\s*[kKmM]?\s*(?:views?|comments?|shares?|votes?|likes?"
    r"|просмотр\w*|коммент\w*|visualiza\w*|comentários?|commenti|aufrufe|조회\w*)$",
    re.I,
)
BYLINE = re.compile(r"^(?:by|por|di|von|от|oleh|автор)\s", re.I)

# names of the `own_features` columns, in order
OWN_NAMES = (
    "log_chars", "log_words", "cjk_share", "terminal", "ends_colon", "ends_open", "sentence_marks",
    "punct_share", "digit_share", "upper_share", "lower_share", "short_share", "starts_lower",
    "starts_punct", "word_len", "commas", "copyright", "cookie", "subscribe", "share", "related",
    "advert", "counter", "rating", "date", "byline", "link", "nav_seps", "all_caps",
    "starts_quote", "prose", "nav_like", "all_capitalised", "comment", "author", "clock",
)
COL = {name: i for i, name in enumerate(OWN_NAMES)}
# classes counted per line in `own_matrix`, all in the low byte of the class bits
PLANE_FLAGS = np.array([C.W, C.D, C.CJK, C.SENT, C.NAV, C.COMMA], dtype=np.uint8)[:, None]
PLANE_FLAGS.flags.writeable = False
N_OWN = len(OWN_NAMES)
# the cue categories of `cues.page_cues` (but "author") are features of lines of fewer words
# than this (None: of any line)
CUE_MAX_WORDS = {"copyright": None, "cookie": None, "subscribe": None, "share": 12, "related": 12,
                 "advert": 6, "rating": 8, "date": 15, "link": None, "comment": 6}
CUE_COLS = np.array([COL[c] for c in CUE_MAX_WORDS])
CUE_IDX = np.array([CAT[c] for c in CUE_MAX_WORDS])
CUE_LIMITS = np.array([1 << 62 if m is None else m for m in CUE_MAX_WORDS.values()])[:, None]
# classes of a line's first character tested in `own_matrix`
FIRST_MASKS = np.array([C.LO, C.QUOTE, C.ALNUM | C.NOT_PUNCT, C.W, C.D, C.BY])[:, None]
CUE_COLS.flags.writeable = CUE_IDX.flags.writeable = CUE_LIMITS.flags.writeable = False
FIRST_MASKS.flags.writeable = False


@lru_cache(maxsize=1)
def _log1p_table() -> np.ndarray:
    return np.array([math.log1p(v) for v in range(4096)])


def _log1p_int(v: np.ndarray) -> np.ndarray:
    """math.log1p of non-negative ints (np.log1p may differ in the last bit)."""
    out = _log1p_table()[np.minimum(v, 4095)]
    big = (v >= 4096).nonzero()[0]
    if len(big):
        out[big] = [math.log1p(x) for x in v[big].tolist()]
    return out


def own_features(s: str) -> list[float]:
    """Features of one (stripped) line taken alone."""
    return own_matrix(s, [s], [0], [len(s)])[0].tolist()


def own_matrix(text: str, texts: list[str], starts: list[int] | np.ndarray,
               ends: list[int] | np.ndarray, char_bits: tuple[np.ndarray, np.ndarray] | None = None,
               words: tuple[np.ndarray, np.ndarray] | None = None, bare: bool = False) -> np.ndarray:
    """`own_features` of every line, lines given as stripped spans [start, end) of `text`
    (all its non-blank lines, in order: only whitespace lies between them; only newlines
    when `bare`).

    Character and word counts come from per-character class bits summed over
    each span, cues from page-wide searches; few steps run per line.
    `char_bits` is `C.char_bits(text)` and `words` is `word_runs(bits)` when the caller has them.
    """
    cp, bits = char_bits if char_bits is not None else C.char_bits(text)
    w_starts, w_lens = words if words is not None else word_runs(bits)
    first = bits[w_starts]
    lower = (first & C.LO) != 0
    # per-character planes summed over each line; only spaces occur between lines (the
    # others are summed from one line's start to the next), so spaces are summed apart
    planes = np.zeros((len(PLANE_FLAGS) + 4 + bare, len(bits)), dtype=np.uint8)
    np.not_equal(bits.astype(np.uint8) & PLANE_FLAGS, 0, out=planes[:len(PLANE_FLAGS)].view(bool))
    planes[6, w_starts] = 1
    planes[7, w_starts] = (first & C.UP) != 0
    planes[8, w_starts] = lower
    planes[9, w_starts] = lower & (w_lens <= 3)
    if bare:  # no space between lines: spaces are summed with the rest
        np.equal(cp, 32, out=planes[10].view(bool))
    s_arr, e_arr = np.asarray(starts, dtype=np.intp), np.asarray(ends, dtype=np.intp)
    sums = np.add.reduceat(planes, s_arr, axis=1, dtype=np.int32)
    letters, digits, cjk, sent, nav, commas, nws, upper, low, short = sums[:10]
    runs, word_letters = nws, letters
    if cjk.any():  # Chinese and Japanese words: no case, read as lower-case words of CJK_WORD_LEN letters
        nws, cjk_w, cjk_chars = cjk_words(cp, bits, s_arr, nws)
        low = low + cjk_w
        word_letters = letters + (CJK_WORD_LEN * cjk_w - cjk_chars)
    if bare:
        spaces = sums[10]
    else:
        idx = np.empty(2 * len(starts), dtype=np.intp)
        idx[0::2], idx[1::2] = s_arr, e_arr
        space = np.zeros(len(bits) + 1, dtype=np.int32)
        space[:-1] = (bits & C.SP) != 0
        spaces = np.add.reduceat(space, idx)[0::2]
    # cues count words as runs, as `cues.line_cues` does on pages read line by line (the
    # word-character mask is only needed without `words`)
    cues = page_cues(texts, runs, cjk, (cp, None, s_arr, e_arr), text=text, words=(w_starts, w_lens))
    c1, b0, b1 = cp[e_arr - 1], bits[s_arr], bits[e_arr - 1]
    # the last character that is not a closing quote or bracket ends a sentence: step back
    # over the closing marks that end lines (a few at a time, then one line at a time)
    last = e_arr - 1
    shut = ((b1 & C.CLOSER) != 0).nonzero()[0]
    for _ in range(4):
        if not len(shut):
            break
        last[shut] -= 1
        at = last[shut]
        shut = shut[(at >= s_arr[shut]) & ((bits[at] & C.CLOSER) != 0)]
    for i in shut.tolist():
        while last[i] >= s_arr[i] and bits[last[i]] & C.CLOSER:
            last[i] -= 1
    terminal = (last >= s_arr) & ((bits[last] & C.TERM) != 0)  # none on a line of closing marks only
    n = (e_arr - s_arr).astype(float)
    na = np.maximum(upper + low, 1)
    small = nws < 12
    colon_end = c1 == ord(":")
    lo0, quote0, punct0, word0, digit0, by0 = (b0 & FIRST_MASKS) != 0  # tests of each line's first character
    out = np.zeros((N_OWN, len(texts)))  # features x lines (returned transposed): rows written one by one
    out[0:2] = _log1p_int(np.concatenate((e_arr - s_arr, nws))).reshape(2, -1)
    out[[2, 8, 7]] = np.array([cjk, digits, n - letters - spaces]) / n
    out[3] = terminal
    out[4] = colon_end
    out[5] = (b1 & (C.OPENS | C.COMMA)) != 0  # COMMA adds the CJK commas "、" and "，"
    out[6] = sent
    out[9:12] = np.array([upper, low, short]) / na
    out[12] = lo0
    out[13] = ~punct0
    out[14] = word_letters / np.maximum(nws, 1)
    out[15] = commas
    out[CUE_COLS] = cues.T[CUE_IDX] * (nws < CUE_LIMITS)
    # COUNTER needs a digit, and a first character that is a digit or no letter
    maybe = ~word0 | digit0 | (cp[s_arr] == 95)
    few = ((n < 40) & (digits > 0) & maybe).nonzero()[0].tolist()
    out[22, few] = [COUNTER.match(texts[i]) is not None for i in few]
    # BYLINE needs whitespace right after its 2-5 letter word
    at = s_arr[:, None] + np.arange(2, 6)  # characters 2-5 of each line
    gap = ((bits.take(np.minimum(at, len(bits) - 1)) & C.WS) != 0) & (at < e_arr[:, None])
    gap = gap.view(np.uint32).ravel() != 0  # any of the 4 (one byte each)
    few = (small & gap & by0).nonzero()[0].tolist()
    out[25, few] = [BYLINE.match(texts[i]) is not None for i in few]
    out[27] = nav * small
    out[28] = np.fromiter(map(str.isupper, texts), bool, len(texts))
    out[29] = quote0
    out[30] = (nws >= 10) & terminal
    out[31] = (nws <= 4) & ~terminal
    out[32] = (upper == na) & (nws <= 8)
    out[34] = cues[:, CAT["author"]] * (colon_end | (nws <= 4))  # "Name says:"
    # a time of day (d:dd) on a short line: comment and live-blog stamps
    colon = (cp[1:-2] == ord(":")).nonzero()[0] + 1
    colon = colon[(bits[colon - 1] & bits[colon + 1] & bits[colon + 2] & C.D) != 0]
    clock = np.bincount(s_arr.searchsorted(colon, side="right") - 1, minlength=len(texts))
    out[35] = (clock > 0) & (nws < 10)
    return out.T


def word_runs(bits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and lengths of the words (runs of word characters) of a text's class bits."""
    return C.word_spans((bits & C.W) != 0)


def debris_cue(X: np.ndarray) -> np.ndarray:
    """Rows of a feature matrix with a debris cue (copyright, cookie, subscribe, share,
    related, advert)."""
    return X[:, COL["copyright"]:COL["advert"] + 1].max(axis=1) > 0


def comment_marks(X: np.ndarray) -> np.ndarray:
    """1.0 on comment-section headers and author lines (from `own_features` columns)."""
    return np.maximum(X[:, COL["comment"]], X[:, COL["author"]])
