"""Word n-gram shingles and the sampled signature table of a batch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import xxhash

from .options import ReuseOptions
from .tokens import U64, Tokens, tokenize

_P = U64(0x100000001B3)


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
    counts = np.diff(tok.doc_tok)
    doc = np.repeat(np.arange(counts.size), counts)[:m]
    first = np.arange(m, dtype=np.int64)
    start = tok.doc_tok[:-1][doc]
    ok = first + n <= start + counts[doc]
    return acc[ok], doc[ok], (first - start)[ok]


def sampled(grams: np.ndarray, sample: int) -> np.ndarray:
    """Mask of the n-grams kept for candidates (by hash: same choice in every doc)."""
    if sample <= 1:
        return np.ones(grams.size, dtype=bool)
    return (grams >> U64(40)) % U64(sample) == 0


def signatures(
    doc_ids: Sequence[str], texts: Sequence[str], options: ReuseOptions | None = None
) -> pa.Table:
    """Sampled shingles of a batch: columns doc (uint64 key), hash (uint64), pos (uint32).

    `pos` is the shingle's first word in its document. Pure and per-document:
    any batching of the same documents gives the same rows.
    """
    opt = options or ReuseOptions()
    keys = doc_keys(doc_ids, opt.seed)
    tok = tokenize(texts, opt.seed)
    grams, doc, pos = ngrams(tok, opt.ngram)
    keep = sampled(grams, opt.sample)
    return pa.table(
        {
            "doc": keys[doc[keep]],
            "hash": grams[keep],
            "pos": pos[keep].astype(np.uint32),
        }
    )
