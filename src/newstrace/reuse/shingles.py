"""Word n-gram shingles and the sampled signature table of a batch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import xxhash

from .options import ReuseOptions
from .tokens import U64, Tokens, mix64, tokenize

_P = U64(0x100000001B3)
_SALT = U64(0x9E3779B97F4A7C15)


def doc_keys(doc_ids: Sequence[str], seed: int = 0) -> np.ndarray:
    """A uint64 key per doc id (xxh3), the same in every batch and partition."""
    return np.fromiter(
        (xxhash.xxh3_64_intdigest(d.encode("utf-8", "surrogatepass"), seed) for d in doc_ids), dtype=np.uint64, count=len(doc_ids)
    )


def ngrams(tok: Tokens, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hash, doc index, token position in its doc) of every n-gram in the batch.

    The hash is a polynomial over the token hashes (mod 2**64); its high bits
    depend on every token, which the sampling and sharding use.
    """
    total = tok.hashes.size
    if total < n:
        empty = np.zeros(0, dtype=np.int64)
        return empty.astype(np.uint64), empty, empty
    m = total - n + 1
    acc = tok.hashes[:m] * _P
    for k in range(1, n):
        acc += tok.hashes[k : k + m]
        if k < n - 1:
            acc *= _P
    doc = tok.token_docs()[:m]
    first = np.arange(m, dtype=np.int64)
    start = tok.doc_tok[:-1][doc]
    ok = first + n <= tok.doc_tok[1:][doc]
    return acc[ok], doc[ok], (first - start)[ok]


def sampled(grams: np.ndarray, sample: int) -> np.ndarray:
    """Mask of the n-grams kept for candidates (by hash: same choice in every doc)."""
    if sample <= 1:
        return np.ones(grams.size, dtype=bool)
    return (grams >> U64(40)) % U64(sample) == 0


def paragraph_keys(tok: Tokens, min_tokens: int, copies: int
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hash, doc index, first token position) keys of every line of `min_tokens` words or
    more, `copies` salted keys each: two texts sharing a short paragraph whole share
    `copies` keys, a candidate pair even when too few of its shingles are sampled."""
    empty = np.zeros(0, dtype=np.int64)
    if not tok.hashes.size or copies < 1:
        return empty.astype(np.uint64), empty, empty
    doc = tok.token_docs()
    raw = np.frombuffer(tok.raw, dtype=np.uint8)
    line = np.cumsum(raw == 10)[tok.original_byte(tok.starts)]
    new = np.empty(doc.size, dtype=bool)
    new[0] = True
    new[1:] = (doc[1:] != doc[:-1]) | (line[1:] != line[:-1])
    starts = np.flatnonzero(new)
    sizes = np.diff(np.append(starts, doc.size))
    rank = (np.arange(doc.size) - np.repeat(starts, sizes)).astype(np.uint64)
    mixed = mix64(tok.hashes ^ (rank * _SALT))  # order matters inside a line
    whole = mix64(np.add.reduceat(mixed, starts) ^ sizes.astype(np.uint64))
    keep = sizes >= min_tokens
    whole, first = whole[keep], starts[keep]
    salts = np.arange(1, copies + 1, dtype=np.uint64) * _SALT
    hashes = np.concatenate([mix64(whole ^ salt) for salt in salts])
    first = np.tile(first, copies)
    return hashes, doc[first], first - tok.doc_tok[:-1][doc[first]]


def keys(tok: Tokens, opt: ReuseOptions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate keys of a batch: sampled shingles and whole short paragraphs."""
    grams, doc, pos = ngrams(tok, opt.ngram)
    keep = sampled(grams, opt.sample)
    ph, pd, pp = paragraph_keys(tok, opt.min_paragraph_tokens,
                                opt.min_shared if opt.paragraph_keys else 0)
    return (np.concatenate((grams[keep], ph)), np.concatenate((doc[keep], pd)),
            np.concatenate((pos[keep], pp)))


def signatures(
    doc_ids: Sequence[str], texts: Sequence[str], options: ReuseOptions | None = None
) -> pa.Table:
    """Sampled shingles of a batch: columns doc (uint64 key), hash (uint64), pos (uint32).

    `pos` is the shingle's first word in its document. Pure and per-document:
    any batching of the same documents gives the same rows.
    """
    opt = options or ReuseOptions()
    dkeys = doc_keys(doc_ids, opt.seed)
    tok = tokenize(texts, opt.seed)
    hashes, doc, pos = keys(tok, opt)
    return pa.table({"doc": dkeys[doc], "hash": hashes, "pos": pos.astype(np.uint32)})
