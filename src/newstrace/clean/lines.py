"""Line features for text-mode cleaning: one numeric row per non-blank line.

Here: the text cut into its non-blank lines (offsets, `normalise` keys) and
`build_page`, which adds to each line's own features (`own_features`: what it looks
like alone) what it repeats in the page (headline, nav items) and its neighbourhood
(prose windows, the densest block of prose, fragment blocks when a scraper cut
sentences at links (`joins`), comment marks above and below). Pure functions, numpy only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np
import xxhash

from . import charclass as C
from .context import best_block, block_distance, median, rank, since, window_means, zone
from .joins import capitals, fragment_blocks, fragment_joins, glue_points, glued_heads
from .layout import INVISIBLE, INVISIBLE_ARR, as_spaces, image_lines, list_marks
from .own_features import COL, N_OWN, comment_marks, debris_cue, own_features, own_matrix, word_runs

SPACE = re.compile(r"\s+")
TITLE_SPLIT = re.compile(r"\s+[|\-–—:•»]\s+|\s*[|•»]\s*")
STRIP_CHARS = " \t\r\f\v"  # what the line spans leave out at either end (with "\n", `C.STRIP`)


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
    bmp = not len(cp) or cp.max() < 0x10000
    if bmp:  # case folded one character at a time, but where casefold() gives several
        out = cp.view(np.int32) + C.fold_delta().take(cp.astype(np.intp), mode="wrap")  # all in range
        fold = len(out) and out.max() >= C.MULTI_FOLD
        if fold:  # those are folded with the whole text (casefold() keeps what it made)
            out[out >= C.MULTI_FOLD] -= C.MULTI_FOLD
        space = out == 32  # only white space (but newlines) became " "
    else:
        fold = True
        space = ((bits & C.WS) != 0) & (cp != 10)
        out = np.where((bits & C.D) != 0, 48, np.where(space, 32, cp))
    out = out[~(space & np.concatenate(([False], space[:-1])))]  # one space per run
    raw = out.tobytes().decode("utf-32-le", "surrogatepass")
    if fold:
        raw = raw.casefold()
    raw = raw.split("\n")
    if plain:  # a non-empty line stays non-empty and starts and ends with no white space
        return list(filter(None, raw))
    line_no = (cp == 10).nonzero()[0].searchsorted(starts).tolist()
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
    full = lo < hi
    lo, hi = lo[full], hi[full]
    if bits is None:
        space = (cp == 32) | ((cp >= 9) & (cp <= 13))  # " \t\n\r\f\v"
        if not (space[lo].any() or space[hi - 1].any()):  # then each line is its own span
            return lo, hi, True
    elif not ((bits[lo] | bits[hi - 1]) & C.STRIP).any():
        return lo, hi, True
    else:
        space = (bits & C.STRIP) != 0
    ink = (~space).nonzero()[0]
    if len(ink) == 0:
        return ink, ink, False
    first = ink.searchsorted(lo)
    last = ink.searchsorted(hi) - 1
    has = last >= first
    return ink[first[has]], ink[last[has]] + 1, False


def is_blank(text: str) -> bool:
    return not text.strip().strip(INVISIBLE).strip()


def title_segments(first: str) -> set[str]:
    """Normalised pieces of a page title such as 'Headline | Site'."""
    parts = {normalise(p) for p in TITLE_SPLIT.split(first)}
    parts.add(normalise(first))
    return {p for p in parts if len(p) >= 12}


def build_page(text: str, *, teaser: bool = True) -> Page:
    """Split `text` into non-blank lines and compute their feature matrix (and the
    teaser headlines, `glued_heads`, unless `teaser` is False: a page only scored)."""
    cp0, bits0 = cp, bits = C.char_bits(text)
    # read other white space (no-break spaces) and invisible characters as spaces, then
    # list markers and image names: other scrapers' layouts of the page then give the
    # lines and features of the plain dump
    odd = ((bits & (C.WS | C.STRIP)) == C.WS).nonzero()[0]
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
    words = word_runs(bits)
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
    caps = capitals(bits)
    glue = glue_points(bits, s_arr, e_arr, caps)
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
    around = np.array([nw, terminal, bprose, own[:, COL["nav_like"]], own[:, COL["clock"]], prose_chars]).T
    w3, w5, w10 = window_means(around, (3, 5, 10))

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
    ctx[15] = w5[:, 5] * 11 / prose_total
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
    k = N_OWN + 31
    for a, b in ((4, n + 4), (3, n + 3), (1, n + 1), (0, n)):
        M[k:k + 4] = near[a:b].T
        k += 4
    M[k:k + 4] = w3[:, :4].T
    M[k + 4:k + 8] = w10[:, :4].T
    ctx[30] = w10[:, 4]
    X = M.T
    heads = glued_heads(cp, bits, s_arr, e_arr, words, caps) if teaser else None
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


def n_features() -> int:
    return N_OWN + 27 + 4 + 16 + 8


# with the names other modules and tests read here from `own_features` and `joins`
__all__ = ["COL", "N_OWN", "Page", "build_page", "comment_marks", "debris_cue", "fragment_blocks", "fragment_joins",
           "glued_heads", "is_blank", "line_key", "n_features", "normalise", "normalise_lines", "own_features",
           "own_matrix", "split_lines", "title_segments"]
