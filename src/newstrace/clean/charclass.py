"""Character classes for the line features: one bit per class, looked up per code point
(a table for the Basic Multilingual Plane, built once per process)."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

DIGITS = re.compile(r"\d")
CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SENT_MARKS = re.compile(r"[.!?。！？]")
NAV_SEPS = re.compile(r"[|»›•/·]")
TERMINALS = ".!?。！？…"
CLOSERS = "\"'”’»)]"
JOIN_START_CHARS = ",.;:)!?%’”»"  # a line starting so goes on from the line above
JOIN_END_CHARS = ",(“‘«\"'-–—"  # a line ending so goes on below

# character classes, one bit each, looked up per code point
(W, D, UP, LO, CJK, SENT, NAV, COMMA, SP, ALNUM, TERM, CLOSER,
 OPENS, NOT_PUNCT, QUOTE, JOIN_START, JOIN_END, WS, ALO, AUP, ADIGIT, ASTOP, FOLD,
 STRIP, BY) = (1 << k for k in range(25))  # A...: ASCII [a-z], [A-Z], [0-9], [.?!]; see `folds`
_CLASS_RES = ((W, re.compile(r"\w")), (D, DIGITS), (CJK, CJK_CHARS), (SENT, SENT_MARKS),
              (NAV, NAV_SEPS), (COMMA, re.compile("[,、，]")), (SP, re.compile(" ")),
              (TERM, re.compile("[" + re.escape(TERMINALS) + "]")),
              (CLOSER, re.compile("[" + re.escape(CLOSERS) + "]")),
              (OPENS, re.compile("[" + re.escape(",;(–—-") + "]")),
              (NOT_PUNCT, re.compile("[" + re.escape("\"'“‘«([") + "]")),
              (QUOTE, re.compile("[" + re.escape("\"'“‘«„") + "]")),
              (JOIN_START, re.compile("[" + re.escape(JOIN_START_CHARS) + "]")),
              (JOIN_END, re.compile("[" + re.escape(JOIN_END_CHARS) + "]")), (WS, re.compile(r"\s")),
              (ALO, re.compile("[a-z]")), (AUP, re.compile("[A-Z]")), (ADIGIT, re.compile("[0-9]")),
              (ASTOP, re.compile("[.?!]")), (STRIP, re.compile("[ \t\n\r\f\v]")),
              (BY, re.compile("[bpdvoоа]", re.I)))  # first letters of own_features.BYLINE's words


def class_bits(chars: str) -> np.ndarray:
    """Class bits of each character of `chars`."""
    bits = np.zeros(len(chars), dtype=np.int64)
    for bit, rx in _CLASS_RES:
        hit = [m.start() for m in rx.finditer(chars)]
        bits[hit] |= bit
    for bit, test in ((UP, str.isupper), (LO, str.islower), (ALNUM, str.isalnum), (FOLD, folds)):
        bits[np.fromiter(map(test, chars), dtype=bool, count=len(chars))] |= bit
    return bits


def folds(c: str) -> bool:
    """A character that casefold() changes, ASCII capitals aside."""
    return c.casefold() != c and not "A" <= c <= "Z"


MULTI_FOLD = 0x10000  # see `fold_delta`


@lru_cache(maxsize=1)
def fold_delta() -> np.ndarray:
    """What `normalise` adds to each BMP code point: digits become "0", whitespace but
    newlines " ", other characters their casefold() where that is one character; those
    whose casefold() is longer are pushed out of the BMP (+ MULTI_FOLD, for the caller to
    take back and casefold() the text); 0 elsewhere."""
    bits, cp = bmp_bits(), np.arange(0x10000, dtype=np.int32)
    delta = np.where((bits & AUP) != 0, 32, 0).astype(np.int32)
    for c in ((bits & FOLD) != 0).nonzero()[0].tolist():
        folded = chr(c).casefold()
        delta[c] = ord(folded) - c if len(folded) == 1 else MULTI_FOLD
    space = ((bits & WS) != 0) & (cp != 10)
    delta[space] = 32 - cp[space]
    digit = (bits & D) != 0
    delta[digit] = 48 - cp[digit]
    delta.setflags(write=False)
    return delta


@lru_cache(maxsize=1)
def bmp_bits() -> np.ndarray:
    """Class bits for the whole Basic Multilingual Plane, built once per process."""
    bits = class_bits("".join(map(chr, range(0x10000)))).astype(np.int32)
    bits.setflags(write=False)
    return bits


def char_bits(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Code points of `text` and their class bits."""
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = bmp_bits()
    astral = cp >= 0x10000
    if not astral.any():
        return cp, table.take(cp.astype(np.intp), mode="wrap")  # faster than table[cp] (all in range)
    out = table[np.where(astral, 0, cp)]
    uniq = np.unique(cp[astral])
    extra = class_bits("".join(map(chr, uniq.tolist())))
    out[astral] = extra[uniq.searchsorted(cp[astral])]
    return cp, out


@lru_cache(maxsize=1)
def _lower_table() -> tuple[np.ndarray, str]:
    """Each BMP code point lower-cased alone (kept where lower() gives several characters),
    and the BMP characters whose lower() has another length (only "İ")."""
    low = [chr(c).lower() for c in range(0x10000)]
    table = np.array([ord(x) if len(x) == 1 else c for c, x in enumerate(low)], dtype=np.uint32)
    table.setflags(write=False)
    return table, "".join(chr(c) for c, x in enumerate(low) if len(x) != 1)


def lower_bmp(cp: np.ndarray) -> np.ndarray | None:
    """The code points of `text.lower()` for a text of BMP code points `cp` whose lower()
    keeps its length (`changes_length`), except that a final sigma stays "σ"; None when
    some code point is astral."""
    if len(cp) and cp.max() >= 0x10000:
        return None
    return _lower_table()[0].take(cp.astype(np.intp), mode="wrap")  # all in range


def changes_length(text: str) -> bool:
    """Whether `text.lower()` has another length than `text` (a BMP text)."""
    return any(c in text for c in _lower_table()[1])


def word_spans(word: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and lengths of the runs of True in a word-character mask (the words)."""
    word = np.concatenate(([False], word, [False]))
    edges = (word[1:] != word[:-1]).nonzero()[0]
    starts = edges[0::2].copy()
    return starts, edges[1::2] - starts
