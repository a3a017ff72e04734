"""Verify candidate pairs on the text: align their shingles into passages.

The documents of a chunk of pairs are tokenised together. Every n-gram is
matched against the other document of each pair with one sort for the whole
chunk (an n-gram repeated up to four times in a document matches each
repeat; the chaining keeps the consistent ones). Matches are grouped in bands
of nearby diagonals (one per repeat of a text that repeats itself), sorted along
the first text and chained while they stay on (nearly) one diagonal with small
gaps, so OCR
noise, light rewording and cut sentences leave holes inside a passage, while
reordered or dropped paragraphs start a new one. `passages.py` then turns the
chained runs into Alignments and decides which pairs are links.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

import numpy as np
import pyarrow as pa

from ..records import Alignment
from .candidates import groups, posting_pairs
from .options import ReuseOptions
from .passages import Runs, accept
from .shingles import doc_keys, ngrams
from .tokens import U64, tokenize

log = logging.getLogger(__name__)

CHUNK = 2048  # documents tokenised together while verifying
_REPEATS = 4  # an n-gram repeated more often in one document is not matched


def _matches(grams, doc, pos, pair_keys: np.ndarray, n_docs: int, opt: ReuseOptions):
    """(pair index, pos in a, pos in b) of every n-gram a candidate pair shares.

    Hash, doc and position are packed in one uint64 (doc and position take
    the low bits) so one plain sort groups the n-grams.
    """
    if not grams.size:
        z = np.zeros(0, dtype=np.int64)
        return z, z, z
    pbits = U64(max(int(pos.max()).bit_length(), 1))
    dbits = U64(max(n_docs - 1, 1).bit_length())
    low = (U64(1) << (pbits + dbits)) - U64(1)
    key = np.sort((grams & ~low) | (doc.astype(np.uint64) << pbits) | pos.astype(np.uint64))
    _, sizes = groups(key >> pbits)  # one run per (hash, doc)
    key = key[np.repeat(sizes, sizes) <= _REPEATS]  # drop n-grams repeated too often in a doc
    starts, sizes = groups(key >> (pbits + dbits))
    i, j = posting_pairs(starts, sizes, max(opt.pair_cap, 256), opt.max_df)
    d = ((key >> pbits) & ((U64(1) << dbits) - U64(1))).astype(np.int64)
    pk = d[i] * n_docs + d[j]  # d[i] < d[j]: rows are sorted by doc inside a group
    at = np.searchsorted(pair_keys, pk)
    at[at == pair_keys.size] = 0
    hit = pair_keys[at] == pk
    p = (key & ((U64(1) << pbits) - U64(1))).astype(np.int64)
    return at[hit], p[i[hit]], p[j[hit]]


def _bands(pair: np.ndarray, diag: np.ndarray, max_shift: int) -> np.ndarray:
    """Per match, its band: the matches of a pair whose diagonals follow each other at most
    `max_shift` apart (a passage drifting with small edits stays in one band; a text that
    repeats itself gives one band per repeat, which would otherwise interleave)."""
    order = np.lexsort((diag, pair))
    p, d = pair[order], diag[order]
    new = np.ones(p.size, dtype=bool)
    new[1:] = (p[1:] != p[:-1]) | (np.diff(d) > max_shift)
    band = np.empty(p.size, dtype=np.int64)
    band[order] = np.cumsum(new) - 1
    return band


def _runs(pair: np.ndarray, pa_: np.ndarray, pb: np.ndarray, opt: ReuseOptions) -> Runs:
    """Chain matches into runs along diagonals (vectorised over all pairs)."""
    band = _bands(pair, pb - pa_, opt.max_shift) if pair.size else pair
    order = np.argsort((band << 32) | pa_, kind="stable")
    pair, pa_, pb, band = pair[order], pa_[order], pb[order], band[order]
    diag = pb - pa_
    ok = np.zeros(pair.size, dtype=bool)
    for s in (1, 2):  # a match needs a close neighbour on its diagonal
        close = ((band[s:] == band[:-s]) & (pa_[s:] - pa_[:-s] <= opt.max_gap)
                 & (np.abs(diag[s:] - diag[:-s]) <= opt.max_shift))
        ok[s:] |= close
        ok[:-s] |= close
    pair, pa_, pb, diag, band = pair[ok], pa_[ok], pb[ok], diag[ok], band[ok]
    if not pair.size:
        return Runs.empty()
    brk = ((band[1:] != band[:-1]) | (np.diff(pa_) > opt.max_gap)
           | (np.abs(np.diff(diag)) > opt.max_shift))
    first = np.concatenate(([0], np.flatnonzero(brk) + 1))
    last = np.append(first[1:], pair.size) - 1
    n = opt.ngram
    return Runs(pair[first], pa_[first], pa_[last] + n, np.minimum.reduceat(pb, first),
                np.maximum.reduceat(pb, first) + n, last - first + 1, first, pa_, pb)


def _verify_chunk(chunk: list[tuple[str, str]], texts_by_id: Mapping[str, str],
                  opt: ReuseOptions) -> list[Alignment]:
    ids = sorted({d for p in chunk for d in p})
    local = {d: i for i, d in enumerate(ids)}
    texts = [texts_by_id[d] for d in ids]
    tok = tokenize(texts, opt.seed)
    grams, doc, pos = ngrams(tok, opt.ngram)
    xs = np.array([local[a] for a, _ in chunk], dtype=np.int64)
    ys = np.array([local[b] for _, b in chunk], dtype=np.int64)
    pair_keys = xs * len(ids) + ys  # chunk is sorted, so are the keys
    pair, pa_, pb = _matches(grams, doc, pos, pair_keys, len(ids), opt)
    runs = _runs(pair, pa_, pb, opt)
    return accept(runs, chunk, xs, ys, tok, texts, opt)


def _pair_ids(pairs, texts_by_id: Mapping[str, str], seed: int) -> list[tuple[str, str]]:
    if isinstance(pairs, pa.Table):
        a, b = pairs.column("a"), pairs.column("b")
        if pa.types.is_integer(a.type):
            ids = list(texts_by_id)
            keys = doc_keys(ids, seed)
            order = np.argsort(keys)
            skeys = keys[order]

            def back(col):
                return [ids[order[i]] for i in np.searchsorted(skeys, col.to_numpy())]

            return list(zip(back(a), back(b), strict=True))
        return list(zip(a.to_pylist(), b.to_pylist(), strict=True))
    return [(str(p[0]), str(p[1])) for p in pairs]


def verify(pairs: pa.Table | Iterable[tuple[str, str]], texts_by_id: Mapping[str, str],
           options: ReuseOptions | None = None) -> list[Alignment]:
    """Alignments of candidate pairs (a table with a, b as doc keys or ids, or id tuples).

    Rows come out with a < b by doc id, sorted by (a, b, a_start).
    """
    opt = options or ReuseOptions()
    todo = sorted({(min(p), max(p)) for p in _pair_ids(pairs, texts_by_id, opt.seed)
                   if p[0] != p[1]})
    out: list[Alignment] = []
    start = 0
    while start < len(todo):
        chunk, seen = [], set()
        while start < len(todo) and len(seen) < CHUNK:
            chunk.append(todo[start])
            seen.update(todo[start])
            start += 1
        out.extend(_verify_chunk(chunk, texts_by_id, opt))
    out.sort(key=lambda al: (al.a, al.b, al.a_start, al.b_start))
    log.debug("verified %d pairs into %d passages", len(todo), len(out))
    return out
