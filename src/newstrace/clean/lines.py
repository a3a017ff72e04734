"""Line features for text-mode cleaning: one numeric row per non-blank line.

Features mix what a line looks like on its own (length, punctuation, case,
debris cue words from `cues`, comment-section marks), what it repeats in the page
(headline, nav items) and its neighbourhood (prose windows, the densest block
of prose, fragment blocks when a scraper cut sentences at links, comment
marks above and below). Words are runs of word characters, but Chinese and Japanese,
written without spaces, count by characters (`cjk.cjk_words`). Pure functions, numpy only.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat

import numpy as np
import xxhash

from . import charclass as C
from .cjk import cjk_words
from .context import best_block, block_distance, median, rank, since, window_mean, zone
from .cues import page_cues
from .layout import INVISIBLE, INVISIBLE_ARR, as_spaces, image_lines, list_marks

CJK_WORD_LEN = 5  # letters a Chinese or Japanese word counts for in `word_len` (about an English word's)
SPACE = re.compile(r"\s+")
TITLE_SPLIT = re.compile(r"\s+[|\-–—:•»]\s+|\s*[|•»]\s*")
STRIP_CHARS = " \t\r\f\v"  # what the line spans leave out at either end (with "\n", `C.STRIP`)

COUNTER = re.compile(
    r"^[\W\d_]*\d[\W\d_]*$|^\d[\d.,]*\s*[kKmM]?\s*(?:views?|comments?|shares?|votes?|likes?"
    r"|просмотр\w*|коммент\w*|visualiza\w*|comentários?|commenti|aufrufe|조회\w*)$",
    re.I,
)
BYLINE = re.compile(r"^(?:by|por|di|von|от|oleh|автор)\s", re.I)
UPPER_START = re.compile(r"\b[A-Z]")  # ASCII lines only: words starting upper-case
LOWER_START = re.compile(r"\b[a-z]")
SHORT_LOWER = re.compile(r"\b[a-z]\w{0,2}\b")

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


@dataclass(frozen=True, slots=True)
class Page:
    """Non-blank lines of a text with their offsets and the feature matrix."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    X: np.ndarray
    counts: np.ndarray  # how many lines of the page share each line's `normalise` key
    title: np.ndarray  # bool: the line repeats a piece of the first line (the page title)
    main: tuple[int, int] = (0, 0)  # [start, end) line range of the densest prose block
    keys: list[str] = field(default_factory=list)  # `normalise` of each line
    teaser: np.ndarray | None = None  # see `glued_heads`
    edges: np.ndarray | None = None  # class bits of each line's first and last character (2 x lines)
    chars: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))  # ends - starts
    # [start, end) of the lines of the text read as blank (white space other than " \t\r\f\v",
    # a list marker or an image name alone): not among `texts`
    blank: list[tuple[int, int]] = field(default_factory=list)


def normalise(text: str) -> str:
    return SPACE.sub(" ", C.DIGITS.sub("0", text.casefold())).strip()


def normalise_lines(texts: list[str]) -> list[str]:
    """`normalise` of each line (lines hold no newline), in a few whole-page passes.

    Digits and whitespace are replaced on code points first: casefold() makes
    neither, so the order does not matter.
    """
    cp, bits = C.char_bits("\n".join(texts))
    space = ((bits & C.WS) != 0) & (cp != 10)
    out = np.where((bits & C.D) != 0, 48, np.where(space, 32, cp))
    out = out[~(space & np.concatenate(([False], space[:-1])))]  # one space per run
    joined = out.tobytes().decode("utf-32-le", "surrogatepass").casefold()
    return list(map(str.strip, joined.split("\n")))


def _normalise_spans(cp: np.ndarray, bits: np.ndarray, starts: np.ndarray, plain: bool = False) -> list[str]:
    """`normalise_lines` of the non-blank lines of a text given as code points and class
    bits (`starts`: where each line's stripped content starts): the whole text is
    normalised at once, then cut at its newlines. `plain`: each line of the text is empty
    or non-blank with no white space (`C.WS`) at either end, so needs no strip()."""
    newline = cp == 10
    space = ((bits & C.WS) != 0) & ~newline
    bmp = not len(cp) or cp.max() < 0x10000
    if bmp:
        out = cp.view(np.int32) + C.fold_delta().take(cp.astype(np.intp), mode="wrap")  # all in range
    else:
        out = np.where((bits & C.D) != 0, 48, np.where(space, 32, cp))
    out = out[~(space & np.concatenate(([False], space[:-1])))]  # one space per run
    raw = out.tobytes().decode("utf-32-le", "surrogatepass")
    if not bmp or (bits & C.FOLD).any():  # else casefold() would only lower ASCII capitals
        raw = raw.casefold()
    raw = raw.split("\n")
    if plain:  # a non-empty line stays non-empty and starts and ends with no white space
        return list(filter(None, raw))
    line_no = newline.nonzero()[0].searchsorted(starts).tolist()
    return [raw[j].strip() for j in line_no]


def line_key(text: str) -> int:
    """A stable 64-bit hash of a normalised line (case, digits and spacing folded)."""
    return xxhash.xxh3_64_intdigest(normalise(text).encode("utf-8"))


def split_lines(text: str) -> tuple[list[str], list[int], list[int]]:
    """Non-blank lines with offsets of their stripped content in `text`."""
    starts, ends = _line_spans(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32))
    return [text[a:b] for a, b in zip(starts, ends, strict=True)], starts, ends


def _line_spans(cp: np.ndarray) -> tuple[list[int], list[int]]:
    """Starts and ends of the stripped non-blank lines of a text given as code points."""
    starts, ends = _span_arrays(cp)
    return starts.tolist(), ends.tolist()


def _span_arrays(cp: np.ndarray, bits: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """`_line_spans` as arrays (`bits`: the class bits of `cp`, when the caller has them)."""
    return _spans(cp, bits)[:2]


def _spans(cp: np.ndarray, bits: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, bool]:
    """`_span_arrays`, and whether no line starts or ends with white space (" \t\r\f\v")."""
    newline = (cp == 10).nonzero()[0]
    lo = np.concatenate(([0], newline + 1))
    hi = np.concatenate((newline, [len(cp)]))
    if bits is None:
        space = (cp == 32) | ((cp >= 9) & (cp <= 13))  # " \t\n\r\f\v"
    else:
        space = (bits & C.STRIP) != 0
    full = lo < hi
    lo, hi = lo[full], hi[full]
    if not (space[lo].any() or space[hi - 1].any()):  # then each line is its own span
        return lo, hi, True
    ink = (~space).nonzero()[0]
    if len(ink) == 0:
        return ink, ink, False
    first = ink.searchsorted(lo)
    last = ink.searchsorted(hi) - 1
    has = last >= first
    return ink[first[has]], ink[last[has]] + 1, False


def is_blank(text: str) -> bool:
    return not text.strip().strip(INVISIBLE).strip()


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
    `char_bits` is `C.char_bits(text)` and `words` is `_words(bits)` when the caller has them.
    """
    cp, bits = char_bits if char_bits is not None else C.char_bits(text)
    w_starts, w_lens = words if words is not None else _words(bits)
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
    # the last character that is not a closing quote or bracket ends a sentence
    open_pos = ((bits & C.CLOSER) == 0).nonzero()[0]
    if len(open_pos):
        last = open_pos[np.maximum(open_pos.searchsorted(e_arr) - 1, 0)]
        terminal = (last >= s_arr) & ((bits[last] & C.TERM) != 0)
    else:  # a text of closing quotes and brackets only
        terminal = np.zeros(len(starts), dtype=bool)
    c1, b0, b1 = cp[e_arr - 1], bits[s_arr], bits[e_arr - 1]
    n = (e_arr - s_arr).astype(float)
    na = np.maximum(upper + low, 1)
    small = nws < 12
    out = np.zeros((N_OWN, len(texts))).T  # column-major: columns are written one by one
    out[:, 0:2] = _log1p_int(np.concatenate((e_arr - s_arr, nws))).reshape(2, -1).T
    out[:, 2] = cjk / n
    out[:, 3] = terminal
    out[:, 4] = c1 == ord(":")
    out[:, 5] = (b1 & (C.OPENS | C.COMMA)) != 0  # COMMA adds the CJK commas "、" and "，"
    out[:, 6] = sent
    out[:, 7] = (n - letters - spaces) / n
    out[:, 8] = digits / n
    out[:, 9] = upper / na
    out[:, 10] = low / na
    out[:, 11] = short / na
    out[:, 12] = (b0 & C.LO) != 0
    out[:, 13] = (b0 & (C.ALNUM | C.NOT_PUNCT)) == 0
    out[:, 14] = word_letters / np.maximum(nws, 1)
    out[:, 15] = commas
    out[:, 16:19] = cues[:, 0:3]
    out[:, 19:21] = cues[:, 3:5] * small[:, None]
    out[:, 21] = cues[:, 5] * (nws < 6)
    # COUNTER needs a digit, and a first character that is a digit or no letter
    maybe = ((b0 & C.W) == 0) | ((b0 & C.D) != 0) | (cp[s_arr] == 95)
    few = ((n < 40) & (digits > 0) & maybe).nonzero()[0].tolist()
    out[few, 22] = [COUNTER.match(texts[i]) is not None for i in few]
    out[:, 23] = cues[:, 6] * (nws < 8)
    out[:, 24] = cues[:, 7] * (nws < 15)
    # BYLINE needs whitespace right after its 2-5 letter word
    at = s_arr[:, None] + np.arange(2, 6)  # characters 2-5 of each line
    gap = ((bits.take(np.minimum(at, len(bits) - 1)) & C.WS) != 0) & (at < e_arr[:, None])
    gap = gap.view(np.uint32).ravel() != 0  # any of the 4 (one byte each)
    few = (small & gap & ((b0 & C.BY) != 0)).nonzero()[0].tolist()
    out[few, 25] = [BYLINE.match(texts[i]) is not None for i in few]
    out[:, 26] = cues[:, 8]
    out[:, 27] = nav * small
    out[:, 28] = np.fromiter(map(str.isupper, texts), bool, len(texts))
    out[:, 29] = (b0 & C.QUOTE) != 0
    out[:, 30] = (nws >= 10) & terminal
    out[:, 31] = (nws <= 4) & ~terminal
    out[:, 32] = (upper == na) & (nws <= 8)
    out[:, 33] = cues[:, 9] * (nws <= 5)  # a comment-section header
    out[:, 34] = cues[:, 10] * ((c1 == ord(":")) | (nws <= 4))  # "Name says:"
    # a time of day (d:dd) on a short line: comment and live-blog stamps
    colon = (cp[1:-2] == ord(":")).nonzero()[0] + 1
    colon = colon[(bits[colon - 1] & bits[colon + 1] & bits[colon + 2] & C.D) != 0]
    clock = np.bincount(s_arr.searchsorted(colon, side="right") - 1, minlength=len(texts))
    out[:, 35] = (clock > 0) & (nws < 10)
    return out


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


def title_segments(first: str) -> set[str]:
    """Normalised pieces of a page title such as 'Headline | Site'."""
    parts = {normalise(p) for p in TITLE_SPLIT.split(first)}
    parts.add(normalise(first))
    return {p for p in parts if len(p) >= 12}


def debris_cue(X: np.ndarray) -> np.ndarray:
    """Rows of a feature matrix with a debris cue (copyright, cookie, subscribe, share,
    related, advert)."""
    return X[:, COL["copyright"]:COL["advert"] + 1].max(axis=1) > 0


def build_page(text: str, *, teaser: bool = True) -> Page:
    """Split `text` into non-blank lines and compute their feature matrix (and the
    teaser headlines, `glued_heads`, unless `teaser` is False: a page only scored)."""
    cp0, bits0 = cp, bits = C.char_bits(text)
    # read other white space (no-break spaces) and invisible characters as spaces, then
    # list markers and image names: other scrapers' layouts of the page then give the
    # lines and features of the plain dump
    odd = (((bits & C.WS) != 0) & ((bits & C.STRIP) == 0)).nonzero()[0]
    if len(odd) or any(map(text.__contains__, INVISIBLE)):
        odd = np.concatenate((odd, np.isin(cp, INVISIBLE_ARR).nonzero()[0]))
        cp, bits = as_spaces(cp, bits, odd)
    s_arr, e_arr, bare = _spans(cp, bits)
    marks = list_marks(cp, bits, s_arr, e_arr)
    images = image_lines(text, cp, s_arr, e_arr)
    if images:
        marks = np.concatenate([marks, *(np.arange(a, b) for a, b in images)])
    if len(marks):
        cp, bits = as_spaces(cp, bits, marks)
        s_arr, e_arr, bare = _spans(cp, bits)
    changed = bool(len(marks) or len(odd))
    blank = _blank_lines(cp0, bits0, s_arr) if changed else []
    n = len(s_arr)
    if n == 0:
        return Page([], [], [], np.zeros((0, n_features())), np.zeros(0, dtype=np.intp),
                    np.zeros(0, dtype=bool), blank=blank)
    starts, ends = s_arr.tolist(), e_arr.tolist()
    if changed:
        texts = list(map(text.__getitem__, map(slice, starts, ends)))
    else:
        texts = text.split("\n")  # the spans: the non-blank lines, stripped
        texts = list(filter(None, texts if bare else map(str.strip, texts, repeat(STRIP_CHARS))))
    words = _words(bits)
    own = own_matrix(text, texts, s_arr, e_arr, (cp, bits), words, bare)
    edges = np.array((bits[s_arr], bits[e_arr - 1]))
    norm = _normalise_spans(cp, bits, s_arr, bare and not ((edges[0] | edges[1]) & C.WS).any())
    counts = np.array(list(map(Counter(norm).__getitem__, norm)))
    segs, head = title_segments(texts[0]), norm[0]
    title = np.array([k in segs or (len(k) >= 12 and k in head) for k in norm])
    title[0] = False
    nw = own[:, COL["log_words"]]
    terminal = own[:, COL["terminal"]]
    chars = np.expm1(own[:, COL["log_chars"]])

    cue = np.maximum.reduce(own[:, COL["copyright"]:COL["advert"] + 1], axis=1)
    glue = _glue(bits, s_arr, e_arr)
    blocks = fragment_blocks(edges[0], edges[1], terminal)
    bchars = np.bincount(blocks, weights=chars)[blocks]
    bwords = np.bincount(blocks, weights=np.expm1(nw))[blocks]
    blines = np.bincount(blocks)[blocks]
    last_of_block = np.concatenate((blocks[1:] != blocks[:-1], [True]))
    bterm = terminal[last_of_block][blocks]  # a block ends where its last line ends
    prose = (bwords >= 10) & (bterm > 0)
    bprose = prose.astype(float)

    gain = np.where(prose, chars, -np.minimum(chars, 80.0) - 20.0)
    lo, hi = best_block(gain)
    dist = block_distance(n, lo, hi)
    total = np.add.reduce(chars) or 1.0
    idx = np.arange(n, dtype=float)
    cum_chars = np.add.accumulate(chars)
    main_chars = np.add.reduce(chars[lo:hi])
    prose_chars = bprose * chars
    prose_total = np.add.reduce(prose_chars) or 1.0
    abs_dist = np.abs(dist)

    # column-major (features x lines, transposed): each feature is written as one row
    M = np.empty((n_features(), n))
    M[:N_OWN] = own.T
    ctx = M[N_OWN:]
    ctx[0] = np.log1p(counts.astype(float))
    ctx[1] = title
    ctx[2] = idx / n
    ctx[3] = cum_chars / total
    ctx[4] = np.log1p(bchars)
    ctx[5] = np.log1p(bwords)
    ctx[6] = np.log1p(blines)
    ctx[7] = bterm
    ctx[8] = bprose
    ctx[9] = np.sign(dist)
    ctx[10] = np.log1p(abs_dist)
    ctx[11] = main_chars / total
    ctx[12] = np.log1p(n)
    ctx[13] = chars / np.maximum.reduce(chars)
    ctx[14] = bchars / np.maximum.reduce(bchars)
    ctx[15] = window_mean(prose_chars, 5) * 11 / prose_total
    ctx[16] = np.log1p(since(title))
    ctx[17] = np.log1p(since(title[::-1])[::-1])
    ctx[18] = np.add.accumulate(prose_chars) / prose_total
    ctx[19] = np.log1p(np.add.accumulate(cue))
    ctx[20] = np.log1p(np.add.accumulate(cue[::-1])[::-1])
    ctx[21] = np.count_nonzero(blines > 1) / n
    ctx[22] = glue
    ctx[23] = rank(bchars)
    ctx[24] = np.exp(nw) / (median(np.exp(nw[prose])) if prose.any() else 10.0)
    ctx[25] = zone(prose, n)
    ctx[26] = (abs_dist > 0) * np.minimum(
        np.where(idx < lo, np.add.accumulate(chars[::-1])[::-1] - np.add.reduce(chars[lo:]),
                 cum_chars - np.add.reduce(chars[:hi])), 20000.0) / (main_chars + 1.0)
    ctx[27:30] = _comment_features(own)
    near = np.zeros((n + 4, 4))  # lines -2, -1, +1, +2 away (0 past either end)
    near[2:-2] = np.array([nw, terminal, bprose, own[:, COL["all_capitalised"]]]).T
    # the clock stamps' window (the last comment feature) joins the window over 10 lines
    around = np.array([nw, terminal, bprose, own[:, COL["nav_like"]], own[:, COL["clock"]]]).T
    k = N_OWN + 31
    for a, b in ((4, n + 4), (3, n + 3), (1, n + 1), (0, n)):
        M[k:k + 4] = near[a:b].T
        k += 4
    M[k:k + 4] = window_mean(around[:, :4], 3).T
    wide = window_mean(around, 10).T
    M[k + 4:k + 8] = wide[:4]
    ctx[30] = wide[4]
    X = M.T
    heads = glued_heads(cp, bits, s_arr, e_arr, words) if teaser else None
    return Page(texts, starts, ends, X, counts, title, (lo, hi), norm, heads, edges, e_arr - s_arr, blank)


def _blank_lines(cp: np.ndarray, bits: np.ndarray, starts: np.ndarray) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of a text (code points, class bits) in which none of
    `starts` (the lines kept for reading) lies."""
    s0, e0 = _span_arrays(cp, bits)
    gone = np.ones(len(s0), dtype=bool)
    if len(starts):
        hit = starts[np.minimum(starts.searchsorted(s0), len(starts) - 1)]
        gone = (hit < s0) | (hit >= e0)
    gone = gone.nonzero()[0]
    return list(zip(s0[gone].tolist(), e0[gone].tolist(), strict=True))


def _comment_features(own: np.ndarray) -> list[np.ndarray]:
    """Comment-section marks counted above and below each line, clock stamps above
    (the fourth comment feature, clock stamps nearby, comes with the other windows)."""
    mark = comment_marks(own)
    before = np.add.accumulate(mark)
    return [np.log1p(before), np.log1p(before[-1] - before + mark),
            np.log1p(np.add.accumulate(own[:, COL["clock"]]))]


def comment_marks(X: np.ndarray) -> np.ndarray:
    """1.0 on comment-section headers and author lines (from `own_features` columns)."""
    return np.maximum(X[:, COL["comment"]], X[:, COL["author"]])


def _glue(bits: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray) -> np.ndarray:
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
    w_starts, w_lens = words if words is not None else _words(bits)
    first = bits[w_starts]
    caps = w_starts[(first & C.UP) != 0]
    lows = w_starts[(w_lens >= 4) & ((first & C.LO) != 0)]  # lower-case words of 4+ letters
    g = at[np.minimum(at.searchsorted(s_arr), len(at) - 1)]
    # words (and capitalised ones) starting in [line start, g); none of 4+ lower-case letters
    nw = np.where((g > s_arr) & (g < e_arr), w_starts.searchsorted(g) - w_starts.searchsorted(s_arr), 0)
    return ((nw >= GLUE_WORDS) & (caps.searchsorted(g) - caps.searchsorted(s_arr) >= GLUE_CAPS * nw)
            & (lows.searchsorted(g) == lows.searchsorted(s_arr)))


def _words(bits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and lengths of the words (runs of word characters) of a text's class bits."""
    return C.word_spans((bits & C.W) != 0)


GLUE_WORDS, GLUE_CAPS = 3, 0.6


def n_features() -> int:
    return N_OWN + 27 + 4 + 16 + 8

