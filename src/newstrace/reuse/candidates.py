"""Candidate document pairs from shingle postings.

Rows are grouped by shingle hash (a posting list per shingle). A posting of
2..pair_cap documents yields all its pairs; a longer one (a big reprint family
or a template) yields a star on its first document plus a chain, so the cost
stays linear; one of more than max_df documents is a template and is dropped.
Pairs sharing at least `min_shared` shingles are the candidates.

The hash space can be cut in shards (`shard_of`): each shard holds every row
of its hashes, so `candidates` runs per shard and `merge_counts` adds them up.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from .options import ReuseOptions
from .tokens import U64


def shard_of(hashes: np.ndarray, shards: int) -> np.ndarray:
    """The shard of each hash (top bits, independent of the sampling bits)."""
    return ((hashes >> U64(48)) % U64(max(shards, 1))).astype(np.int64)


def groups(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and size of each run of equal values in a sorted array."""
    if not sorted_keys.size:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    new = np.empty(sorted_keys.size, dtype=bool)
    new[0] = True
    np.not_equal(sorted_keys[1:], sorted_keys[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    return starts, np.diff(np.append(starts, sorted_keys.size))


def _postings(packed: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Docs sorted by (hash, doc) without repeats, group start of each row, group sizes.

    `packed` holds the hash in its high bits and the doc index in its `bits`
    low bits (the hash loses those bits), so one plain sort does it.
    """
    if not packed.size:
        empty = np.zeros(0, np.int64)
        return empty, empty, empty
    key = np.sort(packed)
    key = key[np.append(True, key[1:] != key[:-1])]
    starts, sizes = groups(key >> U64(bits))
    return (key & ((U64(1) << U64(bits)) - U64(1))).astype(np.int64), starts, sizes


def pack(doc: np.ndarray, hashes: np.ndarray) -> tuple[np.ndarray, int]:
    """Hash (high bits) and doc index (low bits) in one uint64, and the doc bits."""
    bits = max(int(doc.max()).bit_length(), 1) if doc.size else 1
    low = (U64(1) << U64(bits)) - U64(1)
    return (hashes & ~low) | doc.astype(np.uint64), bits


def posting_pairs(starts: np.ndarray, sizes: np.ndarray, pair_cap: int, max_df: int):
    """Row pairs (i, j), i < j, that the postings (runs starts/sizes) emit.

    A run of 2..pair_cap rows gives all its pairs; a longer one (up to max_df)
    a chain (each row with the one before) and a star on its first row.
    """
    first = np.repeat(starts, sizes)
    size = np.repeat(sizes, sizes)
    rank = np.arange(first.size) - first
    out_i, out_j = [], []
    small = np.flatnonzero((size >= 2) & (size <= min(pair_cap, max_df)))
    left = size[small] - rank[small] - 1
    j = 1
    while small.size:
        live = left >= j
        small, left = small[live], left[live]
        if not small.size:
            break
        out_i.append(small)
        out_j.append(small + j)
        j += 1
    big = np.flatnonzero((size > pair_cap) & (size <= max_df) & (rank > 0))
    if big.size:
        out_i.append(big - 1)
        out_j.append(big)
        head = big[rank[big] > 1]
        out_i.append(first[head])
        out_j.append(head)
    if not out_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_i), np.concatenate(out_j)


def count_packed(packed: np.ndarray, bits: int, options: ReuseOptions | None = None):
    """(a, b, shared) over dense doc indices, a < b, every pair sharing >= 1 shingle."""
    opt = options or ReuseOptions()
    d, starts, sizes = _postings(packed, bits)
    i, j = posting_pairs(starts, sizes, opt.pair_cap, opt.max_df)
    if not i.size:
        z = np.zeros(0, np.int64)
        return z, z, z
    width = np.int64(1) << np.int64(bits)
    key = np.sort(d[i] * width + d[j])  # d[i] < d[j] inside a posting
    at, shared = groups(key)
    return key[at] >> np.int64(bits), key[at] & (width - 1), shared


def count_pairs(doc: np.ndarray, hashes: np.ndarray, options: ReuseOptions | None = None):
    """count_packed over separate doc and hash arrays."""
    packed, bits = pack(doc.astype(np.int64), hashes)
    return count_packed(packed, bits, options)


def candidates(sig: pa.Table, options: ReuseOptions | None = None, minimum: int | None = None
               ) -> pa.Table:
    """Candidate pairs of a signature table: columns a, b (doc keys, a < b), shared.

    Pairs need `minimum` shared shingles (default options.min_shared); give
    minimum=1 for one shard of many and pass the shards to `merge_counts`.
    """
    opt = options or ReuseOptions()
    docs = sig.column("doc").to_numpy()
    keys, dense = np.unique(docs, return_inverse=True)
    a, b, shared = count_pairs(dense, sig.column("hash").to_numpy(), opt)
    keep = shared >= (opt.min_shared if minimum is None else minimum)
    return pa.table(
        {"a": keys[a[keep]], "b": keys[b[keep]], "shared": shared[keep].astype(np.int64)}
    )


def merge_counts(tables: list[pa.Table], options: ReuseOptions | None = None) -> pa.Table:
    """Add up per-shard pair tables (each with every pair) and keep the candidates."""
    opt = options or ReuseOptions()
    tables = [t for t in tables if t.num_rows]
    if not tables:
        return pa.table({"a": pa.array([], pa.uint64()), "b": pa.array([], pa.uint64()),
                         "shared": pa.array([], pa.int64())})
    a = np.concatenate([t.column("a").to_numpy() for t in tables])
    b = np.concatenate([t.column("b").to_numpy() for t in tables])
    s = np.concatenate([t.column("shared").to_numpy() for t in tables])
    order = np.lexsort((b, a))
    a, b, s = a[order], b[order], s[order]
    new = np.empty(a.size, dtype=bool)
    new[0] = True
    new[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    at = np.flatnonzero(new)
    total = np.add.reduceat(s, at)
    keep = total >= opt.min_shared
    return pa.table({"a": a[at][keep], "b": b[at][keep], "shared": total[keep]})
