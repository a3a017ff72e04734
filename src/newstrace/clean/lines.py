"""Line features for text-mode cleaning: one numeric row per non-blank line.

Features mix what a line looks like on its own (length, punctuation, case,
debris cue words from `cues`, comment-section marks), what it repeats in the page
(headline, nav items) and its neighbourhood (prose windows, the densest block
of prose, fragment blocks when a scraper cut sentences at links, comment
marks above and below). Pure functions, numpy only.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import xxhash

from .context import best_block, block_distance, median, rank, since, window_mean, zone
from .cues import page_cues

SPACE = re.compile(r"\s+")
DIGITS = re.compile(r"\d")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# sentence end, allowing closing quotes/brackets after it
TITLE_SPLIT = re.compile(r"\s+[|\-–—:•»]\s+|\s*[|•»]\s*")
INVISIBLE = "\u200b\u200c\u200d\ufeff\u2060"

COUNTER = re.compile(
    r"^[\W\d_]*\d[\W\d_]*$|^\d[\d.,]*\s*[kKmM]?\s*(?:views?|comments?|shares?|votes?|likes?"
    r"|просмотр\w*|коммент\w*|visualiza\w*|comentários?|commenti|aufrufe|조회\w*)$",
    re.I,
)
BYLINE = re.compile(r"^(?:by|por|di|von|от|oleh|автор)\s", re.I)
NAV_SEPS = re.compile(r"[|»›•/·]")
UPPER_START = re.compile(r"\b[A-Z]")  # ASCII lines only: words starting upper-case
LOWER_START = re.compile(r"\b[a-z]")
SHORT_LOWER = re.compile(r"\b[a-z]\w{0,2}\b")
SENT_MARKS = re.compile(r"[.!?。！？]")
TERMINALS = ".!?。！？…"
CLOSERS = "\"'”’»)]"

# names of the `own_features` columns, in order
OWN_NAMES = (
    "log_chars", "log_words", "cjk_share", "terminal", "ends_colon", "ends_open", "sentence_marks",
    "punct_share", "digit_share", "upper_share", "lower_share", "short_share", "starts_lower",
    "starts_punct", "word_len", "commas", "copyright", "cookie", "subscribe", "share", "related",
    "advert", "counter", "rating", "date", "byline", "link", "nav_seps", "all_caps",
    "starts_quote", "prose", "nav_like", "all_capitalised", "comment", "author", "clock",
)
COL = {name: i for i, name in enumerate(OWN_NAMES)}
N_OWN = len(OWN_NAMES)


@dataclass(frozen=True, slots=True)
class Page:
    """Non-blank lines of a text with their offsets and the feature matrix."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    X: np.ndarray
    repeats: list[int]
    title_match: list[bool]
    main: tuple[int, int] = (0, 0)  # [start, end) line range of the densest prose block
    keys: list[str] | None = None  # `normalise` of each line
    teaser: np.ndarray | None = None  # see `glued_heads`


def normalise(text: str) -> str:
    return SPACE.sub(" ", DIGITS.sub("0", text.casefold())).strip()


def normalise_lines(texts: list[str]) -> list[str]:
    """`normalise` of each line (lines hold no newline), in a few whole-page passes.

    Digits and whitespace are replaced on code points first: casefold() makes
    neither, so the order does not matter.
    """
    cp, bits = _char_bits("\n".join(texts))
    space = ((bits & _WS) != 0) & (cp != 10)
    out = np.where((bits & _D) != 0, 48, np.where(space, 32, cp))
    out = out[~(space & np.concatenate(([False], space[:-1])))]  # one space per run
    joined = out.tobytes().decode("utf-32-le", "surrogatepass").casefold()
    return list(map(str.strip, joined.split("\n")))


def line_key(text: str) -> int:
    """A stable 64-bit hash of a normalised line (case, digits and spacing folded)."""
    return xxhash.xxh3_64_intdigest(normalise(text).encode("utf-8"))


def split_lines(text: str) -> tuple[list[str], list[int], list[int]]:
    """Non-blank lines with offsets of their stripped content in `text`."""
    starts, ends = _line_spans(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32))
    return [text[a:b] for a, b in zip(starts, ends, strict=True)], starts, ends


def _line_spans(cp: np.ndarray) -> tuple[list[int], list[int]]:
    """Starts and ends of the stripped non-blank lines of a text given as code points."""
    newline = (cp == 10).nonzero()[0]
    lo = np.concatenate(([0], newline + 1))
    hi = np.concatenate((newline, [len(cp)]))
    ink = ((cp != 32) & ((cp < 9) | (cp > 13))).nonzero()[0]  # not " \t\n\r\f\v"
    if len(ink) == 0:
        return [], []
    first = ink.searchsorted(lo)
    last = ink.searchsorted(hi) - 1
    has = last >= first
    return ink[first[has]].tolist(), (ink[last[has]] + 1).tolist()


def is_blank(text: str) -> bool:
    return not text.strip().strip(INVISIBLE).strip()


# character classes, one bit each, looked up per code point
(_W, _D, _UP, _LO, _CJK, _SENT, _NAV, _COMMA, _SP, _ALNUM, _TERM, _CLOSER,
 _OPENS, _NOT_PUNCT, _QUOTE, _JOIN_START, _JOIN_END, _WS) = (1 << k for k in range(18))
_CLASS_RES = ((_W, re.compile(r"\w")), (_D, DIGITS), (_CJK, CJK), (_SENT, SENT_MARKS),
              (_NAV, NAV_SEPS), (_COMMA, re.compile("[,、，]")), (_SP, re.compile(" ")),
              (_TERM, re.compile("[" + re.escape(TERMINALS) + "]")),
              (_CLOSER, re.compile("[" + re.escape(CLOSERS) + "]")),
              (_OPENS, re.compile("[" + re.escape(",;(–—-") + "]")),
              (_NOT_PUNCT, re.compile("[" + re.escape("\"'“‘«([") + "]")),
              (_QUOTE, re.compile("[" + re.escape("\"'“‘«„") + "]")),
              (_JOIN_START, re.compile("[" + re.escape(",.;:)!?%’”»") + "]")),
              (_JOIN_END, re.compile("[" + re.escape(",(“‘«\"'-–—") + "]")), (_WS, re.compile(r"\s")))
def _class_bits(chars: str) -> np.ndarray:
    """Class bits of each character of `chars`."""
    bits = np.zeros(len(chars), dtype=np.int64)
    for bit, rx in _CLASS_RES:
        hit = [m.start() for m in rx.finditer(chars)]
        bits[hit] |= bit
    for bit, test in ((_UP, str.isupper), (_LO, str.islower), (_ALNUM, str.isalnum)):
        bits[np.fromiter(map(test, chars), dtype=bool, count=len(chars))] |= bit
    return bits


@lru_cache(maxsize=1)
def _bmp_bits() -> np.ndarray:
    """Class bits for the whole Basic Multilingual Plane, built once per process."""
    bits = _class_bits("".join(map(chr, range(0x10000)))).astype(np.int32)
    bits.setflags(write=False)
    return bits


def _char_bits(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Code points of `text` and their class bits."""
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = _bmp_bits()
    astral = cp >= 0x10000
    if not astral.any():
        return cp, table[cp]
    out = table[np.where(astral, 0, cp)]
    uniq = np.unique(cp[astral])
    extra = _class_bits("".join(map(chr, uniq.tolist())))
    out[astral] = extra[uniq.searchsorted(cp[astral])]
    return cp, out


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
               ends: list[int] | np.ndarray, char_bits: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """`own_features` of every line, lines given as stripped spans [start, end) of `text`.

    Character and word counts come from per-character class bits summed over
    each span, cues from page-wide searches; few steps run per line.
    `char_bits` is `_char_bits(text)` when the caller has it.
    """
    cp, bits = char_bits if char_bits is not None else _char_bits(text)
    w = (bits & _W) != 0
    prev = np.concatenate(([False], w[:-1]))
    nxt = np.concatenate((w[1:], [False]))
    w_starts = (w & ~prev).nonzero()[0]
    w_lens = (w & ~nxt).nonzero()[0] + 1 - w_starts
    first = bits[w_starts]
    lower = (first & _LO) != 0
    # per-character planes summed over each line
    flags = (_W, _D, _CJK, _SENT, _NAV, _COMMA, _SP)
    planes = np.zeros((len(flags) + 4, len(bits) + 1), dtype=np.uint8)
    planes[:len(flags), :-1] = (bits & np.array(flags, dtype=bits.dtype)[:, None]) != 0
    planes[7, w_starts] = 1
    planes[8, w_starts] = (first & _UP) != 0
    planes[9, w_starts] = lower
    planes[10, w_starts] = lower & (w_lens <= 3)
    s_arr, e_arr = np.asarray(starts, dtype=np.intp), np.asarray(ends, dtype=np.intp)
    idx = np.empty(2 * len(starts), dtype=np.intp)
    idx[0::2], idx[1::2] = s_arr, e_arr
    sums = np.add.reduceat(planes, idx, axis=1, dtype=np.int32)[:, 0::2]
    letters, digits, cjk, sent, nav, commas, spaces, nws, upper, low, short = sums
    cues = page_cues(texts, nws, cjk, (cp, w, s_arr, e_arr))
    # the last character that is not a closing quote or bracket ends a sentence
    open_pos = ((bits & _CLOSER) == 0).nonzero()[0]
    last = open_pos[np.maximum(open_pos.searchsorted(e_arr) - 1, 0)]
    terminal = (last >= s_arr) & ((bits[last] & _TERM) != 0) if len(open_pos) else np.zeros(
        len(starts), dtype=bool)
    c1, b0, b1 = cp[e_arr - 1], bits[s_arr], bits[e_arr - 1]
    n = (e_arr - s_arr).astype(float)
    na = np.maximum(upper + low, 1)
    small = nws < 12
    out = np.zeros((N_OWN, len(texts))).T  # column-major: columns are written one by one
    out[:, 0] = _log1p_int(e_arr - s_arr)
    out[:, 1] = _log1p_int(nws)
    out[:, 2] = cjk / n
    out[:, 3] = terminal
    out[:, 4] = c1 == ord(":")
    out[:, 5] = (b1 & _OPENS) != 0
    out[:, 6] = sent
    out[:, 7] = (n - letters - spaces) / n
    out[:, 8] = digits / n
    out[:, 9] = upper / na
    out[:, 10] = low / na
    out[:, 11] = short / na
    out[:, 12] = (b0 & _LO) != 0
    out[:, 13] = (b0 & (_ALNUM | _NOT_PUNCT)) == 0
    out[:, 14] = letters / np.maximum(nws, 1)
    out[:, 15] = commas
    out[:, 16:19] = cues[:, 0:3]
    out[:, 19] = np.where(small, cues[:, 3], 0)
    out[:, 20] = np.where(small, cues[:, 4], 0)
    out[:, 21] = np.where(nws < 6, cues[:, 5], 0)
    few = ((n < 40) & (digits > 0)).nonzero()[0].tolist()  # COUNTER needs a digit
    out[few, 22] = [COUNTER.match(texts[i]) is not None for i in few]
    out[:, 23] = np.where(nws < 8, cues[:, 6], 0)
    out[:, 24] = np.where(nws < 15, cues[:, 7], 0)
    # BYLINE needs whitespace right after its 2-5 letter word
    space = np.concatenate(((bits & _WS) != 0, [False]))
    at = s_arr[:, None] + np.arange(2, 6)  # characters 2-5 of each line
    gap = space[np.where(at < e_arr[:, None], at, len(bits))].any(axis=1)
    few = (small & gap).nonzero()[0].tolist()
    out[few, 25] = [BYLINE.match(texts[i]) is not None for i in few]
    out[:, 26] = cues[:, 8]
    out[:, 27] = np.where(small, nav, 0)
    out[:, 28] = list(map(str.isupper, texts))
    out[:, 29] = (b0 & _QUOTE) != 0
    out[:, 30] = (nws >= 10) & terminal
    out[:, 31] = (nws <= 4) & ~terminal
    out[:, 32] = (upper == na) & (nws <= 8)
    out[:, 33] = np.where(nws <= 5, cues[:, 9], 0)  # a comment-section header
    out[:, 34] = cues[:, 10] * ((c1 == ord(":")) | (nws <= 4))  # "Name says:"
    # a time of day (d:dd) on a short line: comment and live-blog stamps
    colon = (cp[1:-2] == ord(":")).nonzero()[0] + 1
    digit = (bits & _D) != 0
    colon = colon[digit[colon - 1] & digit[colon + 1] & digit[colon + 2]]
    clock = np.bincount(s_arr.searchsorted(colon, side="right") - 1, minlength=len(texts))
    out[:, 35] = (clock > 0) & (nws < 10)
    return out


def fragment_blocks(first: np.ndarray, last: np.ndarray, terminal: np.ndarray) -> np.ndarray:
    """Block id per line, joining fragments a scraper cut at links or bold.

    `first` and `last` are the class bits of each line's first and last character.
    """
    joined = (terminal[:-1] == 0) & (((first[1:] & (_LO | _JOIN_START)) | (last[:-1] & _JOIN_END)) != 0)
    return np.concatenate(([0], (~joined).cumsum()))


def title_segments(first: str) -> set[str]:
    """Normalised pieces of a page title such as 'Headline | Site'."""
    parts = {normalise(p) for p in TITLE_SPLIT.split(first)}
    parts.add(normalise(first))
    return {p for p in parts if len(p) >= 12}


def build_page(text: str) -> Page:
    """Split `text` into non-blank lines and compute their feature matrix."""
    cp, bits = _char_bits(text)
    starts, ends = _line_spans(cp)
    n = len(starts)
    if n == 0:
        return Page([], [], [], np.zeros((0, n_features())), [], [])
    texts = list(map(text.__getitem__, map(slice, starts, ends)))
    s_arr, e_arr = np.array(starts, dtype=np.intp), np.array(ends, dtype=np.intp)
    own = own_matrix(text, texts, s_arr, e_arr, (cp, bits))
    norm = normalise_lines(texts)
    repeats = list(map(Counter(norm).__getitem__, norm))
    segs, head = title_segments(texts[0]), norm[0]
    title_match = [k in segs or (k in head and len(k) >= 12) for k in norm]
    title_match[0] = False
    nw = own[:, COL["log_words"]]
    terminal = own[:, COL["terminal"]]
    chars = np.expm1(own[:, COL["log_chars"]])

    cue = own[:, COL["copyright"]:COL["advert"] + 1].max(axis=1)
    glue = _glue(cp, s_arr, e_arr)
    blocks = fragment_blocks(bits[s_arr], bits[e_arr - 1], terminal)
    bchars = np.bincount(blocks, weights=chars)[blocks]
    bwords = np.bincount(blocks, weights=np.expm1(nw))[blocks]
    blines = np.bincount(blocks)[blocks]
    last_of_block = np.append(blocks[1:] != blocks[:-1], True)
    bterm = np.zeros(n)
    bterm[last_of_block] = terminal[last_of_block]
    bterm = np.bincount(blocks, weights=bterm)[blocks]
    bprose = ((bwords >= 10) & (bterm > 0)).astype(float)

    gain = np.where(bprose > 0, chars, -np.minimum(chars, 80.0) - 20.0)
    lo, hi = best_block(gain)
    dist = block_distance(n, lo, hi)
    total = chars.sum() or 1.0
    idx = np.arange(n, dtype=float)
    cum = chars.cumsum() / total
    title = np.array(title_match)

    ctx = [
        np.log1p(np.array(repeats, dtype=float)),
        title.astype(float),
        idx / n,
        cum,
        np.log1p(bchars),
        np.log1p(bwords),
        np.log1p(blines),
        bterm,
        bprose,
        np.sign(dist),
        np.log1p(np.abs(dist)),
        np.full(n, chars[lo:hi].sum() / total),
        np.full(n, np.log1p(n)),
        chars / chars.max(),
        bchars / bchars.max(),
        window_mean(bprose * chars, 5) * 11 / ((bprose * chars).sum() or 1.0),
        np.log1p(since(title)),
        np.log1p(since(title[::-1])[::-1]),
        (bprose * chars).cumsum() / ((bprose * chars).sum() or 1.0),
        np.log1p(cue.cumsum()),
        np.log1p(cue[::-1].cumsum()[::-1]),
        np.full(n, np.count_nonzero(blines > 1) / n),
        glue,
        rank(bchars),
        np.exp(nw) / (median(np.exp(nw[bprose > 0])) if bprose.any() else 10.0),
        zone(bprose > 0, n),
        (np.abs(dist) > 0) * np.minimum(
            np.where(idx < lo, chars[::-1].cumsum()[::-1] - chars[lo:].sum(),
                     chars.cumsum() - chars[:hi].sum()), 20000.0) / (chars[lo:hi].sum() + 1.0),
    ]
    ctx += _comment_features(own)
    near = np.zeros((n + 4, 4))  # lines -2, -1, +1, +2 away (0 past either end)
    near[2:-2] = np.array([nw, terminal, bprose, own[:, COL["all_capitalised"]]]).T
    around = np.array([nw, terminal, bprose, own[:, COL["nav_like"]]]).T
    # column-major (features x lines, transposed): columns are read one by one
    X = np.concatenate([own.T, np.array(ctx), near[4:].T, near[3:-1].T, near[1:-3].T, near[:-4].T]
                       + [window_mean(around, k).T for k in (3, 10)]).T
    return Page(texts, starts, ends, X, repeats, title_match, (lo, hi), norm,
                glued_heads(cp, bits, s_arr, e_arr))


def _comment_features(own: np.ndarray) -> list[np.ndarray]:
    """Comment-section marks counted above and below each line, clock stamps nearby."""
    mark = comment_marks(own)
    before = mark.cumsum()
    stamp = own[:, COL["clock"]]
    return [np.log1p(before), np.log1p(before[-1] - before + mark), np.log1p(stamp.cumsum()),
            window_mean(stamp, 10)]


def comment_marks(X: np.ndarray) -> np.ndarray:
    """1.0 on comment-section headers and author lines (from `own_features` columns)."""
    return np.maximum(X[:, COL["comment"]], X[:, COL["author"]])


def _glue(cp: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray) -> np.ndarray:
    """Places per line (lines over 20 characters) where inline elements were glued
    without a space: an ASCII lower-case letter, maybe [.?!], then upper + lower."""
    lo = (cp >= 97) & (cp <= 122)
    up = (cp >= 65) & (cp <= 90)
    stop = (cp == 46) | (cp == 63) | (cp == 33)
    at = (lo[:-2] & up[1:-1] & lo[2:]).nonzero()[0]
    at = np.concatenate((at, (lo[:-3] & stop[1:-2] & up[2:-1] & lo[3:]).nonzero()[0]))
    line = s_arr.searchsorted(at, side="right") - 1
    counts = np.bincount(line, minlength=len(s_arr)).astype(float)
    return np.where(e_arr - s_arr > 20, counts, 0.0)


def glued_heads(cp: np.ndarray, bits: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray) -> np.ndarray:
    """Lines that start with a Title Case headline glued to a summary ("...Student-AthleteA
    woman ..."): a lower-case letter or digit runs into a capital after at least
    GLUE_WORDS words, GLUE_CAPS of them capitalised and no lower-case word of 4+
    letters. Teaser lists show many."""
    up = (cp >= 65) & (cp <= 90)
    before = (((cp >= 97) & (cp <= 122)) | ((cp >= 48) & (cp <= 57)))[:-2]
    after = (((cp >= 97) & (cp <= 122)) | (cp == 32))[2:]
    at = (before & up[1:-1] & after).nonzero()[0] + 1
    if not len(at):
        return np.zeros(len(s_arr), dtype=bool)
    w = (bits & _W) != 0
    start = w & ~np.concatenate(([False], w[:-1]))
    w_starts = start.nonzero()[0]
    w_lens = (w & ~np.concatenate((w[1:], [False]))).nonzero()[0] + 1 - w_starts
    long_lower = np.zeros(len(w), dtype=bool)  # lower-case words of 4+ letters: not Title Case
    long_lower[w_starts[(w_lens >= 4) & ((bits[w_starts] & _LO) != 0)]] = True
    words = np.concatenate(([0], start.cumsum()))
    caps = np.concatenate(([0], (start & ((bits & _UP) != 0)).cumsum()))
    lows = np.concatenate(([0], long_lower.cumsum()))
    g = at[np.minimum(at.searchsorted(s_arr), len(at) - 1)]
    nw = np.where((g > s_arr) & (g < e_arr), words[g] - words[s_arr], 0)
    return ((nw >= GLUE_WORDS) & (caps[g] - caps[s_arr] >= GLUE_CAPS * nw)
            & (lows[g] == lows[s_arr]))


GLUE_WORDS, GLUE_CAPS = 3, 0.6


def n_features() -> int:
    return N_OWN + 27 + 4 + 16 + 8

