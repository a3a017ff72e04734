"""Candidate pairs of a whole corpus, shard by shard of the hash space.

Sampled shingles are packed (hash in the high bits, dense doc index in the
low bits) and cut into shards by hash; each shard holds every row of its
hashes, so its pairs are counted alone and the counts added up. The shards
stay in memory, or with `spill_dir` in files, so that memory holds one batch
of documents and one shard at a time.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import numpy as np

from .candidates import count_packed, groups, shard_of
from .options import ReuseOptions
from .shingles import keys
from .tokens import U64, tokenize


class _Shards:
    """Rows per shard, in memory or appended to one file per shard."""

    def __init__(self, n: int, folder: str | None) -> None:
        self.n = n
        self.folder = tempfile.mkdtemp(prefix="newstrace-shards-", dir=folder) if folder else None
        self.rows: list[list[np.ndarray]] = [[] for _ in range(n)]

    def _path(self, s: int) -> str:
        return os.path.join(self.folder or "", f"{s:04d}.u64")

    def add(self, s: int, rows: np.ndarray) -> None:
        if self.folder is None:
            self.rows[s].append(rows)
            return
        with open(self._path(s), "ab") as f:
            rows.tofile(f)

    def take(self, s: int) -> np.ndarray:
        if self.folder is None:
            rows, self.rows[s] = self.rows[s], []
            return np.concatenate(rows) if rows else np.zeros(0, np.uint64)
        if not os.path.exists(self._path(s)):
            return np.zeros(0, np.uint64)
        return np.fromfile(self._path(s), dtype=np.uint64)

    def close(self) -> None:
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def _fill(texts: list[str], opt: ReuseOptions, shards: _Shards, bits: int) -> None:
    low = (U64(1) << U64(bits)) - U64(1)
    for lo in range(0, len(texts), opt.batch_docs):
        tok = tokenize(texts[lo : lo + opt.batch_docs], opt.seed)
        hashes, doc, _ = keys(tok, opt)
        packed = (hashes & ~low) | (doc + lo).astype(np.uint64)
        if shards.n == 1:
            shards.add(0, packed)
            continue
        shard = shard_of(packed, shards.n).astype(np.uint16)
        order = np.argsort(shard, kind="stable")  # radix sort
        cuts = np.searchsorted(shard[order], np.arange(1, shards.n))
        for s, idx in enumerate(np.split(order, cuts)):
            if idx.size:
                shards.add(s, packed[idx])


def candidate_pairs(texts: list[str], opt: ReuseOptions) -> tuple[np.ndarray, np.ndarray]:
    """Dense (a, b) index pairs, a < b, sharing at least min_shared sampled shingles."""
    n_shards = max(opt.shards, 1)
    if opt.spill_dir is None:  # in memory, shards only bound the pair counting
        n_shards = min(n_shards, max(1, len(texts) // 20_000))
    bits = max(len(texts) - 1, 1).bit_length()
    width = np.int64(len(texts))
    shards = _Shards(n_shards, opt.spill_dir)
    keys, counts = [], []
    try:
        _fill(texts, opt, shards, bits)
        for s in range(n_shards):
            a, b, shared = count_packed(shards.take(s), bits, opt)
            keys.append(a * width + b)
            counts.append(shared)
    finally:
        shards.close()
    key, count = np.concatenate(keys), np.concatenate(counts)
    if n_shards > 1:
        order = np.argsort(key, kind="stable")
        key, count = key[order], count[order]
    if not key.size:
        return key, key
    starts, _ = groups(key)
    total = np.add.reduceat(count, starts)
    key = key[starts][total >= opt.min_shared]
    return key // width, key % width
