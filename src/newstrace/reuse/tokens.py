"""Word tokens of a batch of texts, hashed with numpy over the UTF-8 bytes.

One pass for the whole batch, no Python object per token. A token is a run of
ASCII letters/digits or non-ASCII letters (Unicode punctuation such as dashes,
curly quotes and no-break spaces separates words); each CJK ideograph or kana
is a token of its own. Case is folded. A word broken by a hyphen at a line end
("exam-\\nple") is joined back into one token, as OCR text needs.

A token's hash is exact for tokens up to 24 bytes (its first, middle and last
8 bytes plus its length), so equal words hash equal in any document. Case is
folded by setting bit 5 of every byte (exact for ASCII letters, and for most
Latin and Cyrillic capitals in UTF-8).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

U64 = np.uint64
_C1 = U64(0xBF58476D1CE4E5B9)
_C2 = U64(0x94D049BB133111EB)
_K1 = U64(0x9E3779B97F4A7C15)
_K2 = U64(0xC2B2AE3D27D4EB4F)
_K3 = U64(0x165667B19E3779F9)
_FOLD = U64(0x2020202020202020)  # ASCII case folding, byte-wise
_LOW = np.array([0] + [(1 << (8 * k)) - 1 for k in range(1, 8)] + [(1 << 64) - 1], dtype=np.uint64)
_LOW.setflags(write=False)


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser on a uint64 array (returns a new array)."""
    x = x ^ (x >> U64(30))
    x *= _C1
    x ^= x >> U64(27)
    x *= _C2
    x ^= x >> U64(31)
    return x


@dataclass(frozen=True)
class Tokens:
    """Hashed tokens of a batch. Offsets are byte offsets into the batch buffer."""

    hashes: np.ndarray  # uint64, one per token
    starts: np.ndarray  # int64 start byte (in the compacted buffer)
    ends: np.ndarray  # int64 end byte (exclusive)
    doc_tok: np.ndarray  # int64 [n_docs + 1]: tokens of doc i are doc_tok[i]:doc_tok[i+1]
    doc_byte: np.ndarray  # int64 [n_docs]: first byte of each doc in the original buffer
    raw: bytes  # the UTF-8 batch buffer, docs joined by one NUL byte
    removed: np.ndarray  # int64 compacted positions where joined bytes were removed

    def token_docs(self) -> np.ndarray:
        """The doc index of every token."""
        counts = np.diff(self.doc_tok)
        return np.repeat(np.arange(counts.size), counts)

    def original_byte(self, pos: np.ndarray) -> np.ndarray:
        """Map compacted byte offsets back to offsets into `raw`."""
        if not self.removed.size:
            return pos
        return pos + np.searchsorted(self.removed, pos, side="right")


def _buffer(texts: Sequence[str]) -> tuple[bytes, np.ndarray]:
    """The UTF-8 buffer (docs joined by one NUL byte) and each doc's first byte."""
    raw = "\x00".join(texts).encode("utf-8", "surrogatepass")
    arr = np.frombuffer(raw, dtype=np.uint8)
    seps = np.flatnonzero(arr == 0)
    if seps.size != max(len(texts) - 1, 0):  # a text holds NUL bytes itself
        sizes = np.array([len(t.encode("utf-8", "surrogatepass")) for t in texts])
        starts = np.concatenate(([0], np.cumsum(sizes + 1)[:-1])).astype(np.int64)
        return raw, starts
    return raw, np.concatenate(([0], seps + 1)).astype(np.int64)


def _word_mask(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Word bytes and the lead bytes of CJK characters (each one token)."""
    high = arr >= 0x80
    word = ((arr | np.uint8(0x20)) - np.uint8(0x61) < 26) | (arr - np.uint8(0x30) < 10) | high
    if not high.any():
        return word, np.zeros(0, dtype=np.int64)
    lead = np.flatnonzero(arr >= 0xC2)
    lead = lead[lead + 2 < arr.size]
    b0, b1 = arr[lead], arr[lead + 1]
    two = lead[b0 == 0xC2]  # U+0080..U+00BF: controls, no-break space, symbols, quotes
    word[two] = False
    word[two + 1] = False
    three = lead[((b0 == 0xE2) & (b1 <= 0x81)) | ((b0 == 0xE3) & (b1 == 0x80))]
    for k in range(3):  # U+2000..U+207F general punctuation, U+3000..U+303F CJK punctuation
        word[three + k] = False
    cjk = lead[(b0 >= 0xE3) & (b0 <= 0xE9) & ~((b0 == 0xE3) & (b1 == 0x80))]
    return word, cjk


def _joins(arr: np.ndarray, word: np.ndarray) -> np.ndarray:
    """Positions of '-' '\\n' pairs that split a word at a line end."""
    nl = np.flatnonzero(arr == 10)
    nl = nl[(nl >= 2) & (nl + 1 < arr.size)]
    hit = nl[(arr[nl - 1] == 45) & word[nl - 2] & word[nl + 1]]
    return np.sort(np.concatenate((hit - 1, hit)))


def _bounds(word: np.ndarray, cjk: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Token start and end byte offsets from the word mask."""
    padded = np.concatenate(([False], word, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = edges[0::2], edges[1::2]
    if not cjk.size:
        return starts, ends
    brk = np.zeros(word.size + 1, dtype=bool)
    brk[cjk] = True
    brk[np.minimum(cjk + 3, word.size)] = True
    inner = np.flatnonzero(brk[:-1] & word & np.concatenate(([False], word[:-1])))
    starts = np.union1d(starts, inner)
    ends = np.union1d(ends, inner)
    return starts, ends


def _hash(arr: np.ndarray, starts: np.ndarray, ends: np.ndarray, seed: int) -> np.ndarray:
    """Case-folded token hashes from the first, middle and last 8 bytes and the length."""
    pad = np.zeros(arr.size + 16, dtype=np.uint8)
    pad[8 : 8 + arr.size] = arr
    words = np.ndarray((pad.size - 7,), dtype="<u8", buffer=pad, strides=(1,))  # any offset
    lens = ends - starts
    h = words[starts + 8]
    h |= _FOLD
    h &= _LOW[np.minimum(lens, 8)]
    long = np.flatnonzero(lens > 8)
    if long.size:
        last = words[ends[long]] | _FOLD
        extra = last * _K2
        extra ^= extra >> U64(29)
        longer = long[lens[long] > 16]
        if longer.size:
            mid = words[starts[longer] + 8 + (lens[longer] - 8) // 2] | _FOLD
            extra[np.searchsorted(long, longer)] ^= mid * _K3
        h[long] ^= extra
    h ^= lens.astype(np.uint64) << U64(56)
    h ^= U64(seed)
    h *= _K1
    h ^= h >> U64(32)
    return h


def tokenize(texts: Sequence[str], seed: int = 0) -> Tokens:
    """Hashed word tokens of every text in the batch."""
    raw, doc_byte = _buffer(texts)
    arr = np.frombuffer(raw, dtype=np.uint8)
    word, cjk = _word_mask(arr)
    rem = _joins(arr, word)
    if rem.size:
        keep = np.ones(arr.size, dtype=bool)
        keep[rem] = False
        arr, word = arr[keep], word[keep]
        cjk = cjk - np.searchsorted(rem, cjk)
        removed = rem - np.arange(rem.size)
    else:
        removed = rem
    starts, ends = _bounds(word, cjk)
    hashes = _hash(arr, starts, ends, seed)
    doc_start = doc_byte - np.searchsorted(rem, doc_byte) if rem.size else doc_byte
    doc_tok = np.append(np.searchsorted(starts, doc_start), starts.size).astype(np.int64)
    return Tokens(hashes, starts, ends, doc_tok, doc_byte, raw, removed.astype(np.int64))
