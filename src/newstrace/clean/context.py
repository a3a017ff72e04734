"""Neighbourhood helpers for line features: window means, runs since a flag, the
densest block of prose and distances to it, ranks and zones within a page. Numpy only."""

from __future__ import annotations

import numpy as np


def window_sum(v: np.ndarray, k: int) -> np.ndarray:
    """Sum over rows i-k..i+k of `v` (1-D, or 2-D by column; clipped to the page), as
    differences of prefix sums."""
    n = len(v)
    c = np.zeros((n + 1,) + v.shape[1:])
    np.add.accumulate(v, axis=0, out=c[1:])
    a = max(n - k, 0)  # rows whose window ends inside the page
    sums = np.empty_like(c[1:])
    sums[:a] = c[k + 1:]
    sums[a:] = c[n]
    if a:
        sums[k:] -= c[:a]  # rows whose window starts inside the page (the others start at 0)
    return sums


def window_mean(v: np.ndarray, k: int) -> np.ndarray:
    """Mean over rows i-k..i+k of `v` (1-D, or 2-D by column)."""
    n = len(v)
    i = np.arange(n)
    size = np.minimum(i + (k + 1), n) - np.maximum(i - k, 0)
    return window_sum(v, k) / size.reshape((n,) + (1,) * (v.ndim - 1))


def window_means(v: np.ndarray, ks: tuple[int, ...]) -> list[np.ndarray]:
    """`window_mean(v, k)` for each k of `ks` (the same sums), from one set of prefix
    sums padded so that each window's ends are slices."""
    n, pad = len(v), max(ks) + 1
    c = np.zeros((n + 1 + 2 * pad,) + v.shape[1:])  # row pad + i: the sum of the first i rows
    np.add.accumulate(v, axis=0, out=c[pad + 1:pad + 1 + n])
    c[pad + 1 + n:] = c[pad + n]
    at = np.minimum(np.maximum(np.arange(len(c)) - pad, 0), n).reshape((len(c),) + (1,) * (v.ndim - 1))
    out = []
    for k in ks:
        hi, lo = slice(pad + k + 1, pad + k + 1 + n), slice(pad - k, pad - k + n)
        out.append((c[hi] - c[lo]) / (at[hi] - at[lo]))
    return out


def best_block(gain: np.ndarray) -> tuple[int, int]:
    """[start, end) of the maximum-sum run of `gain` (Kadane)."""
    best, best_lo, best_hi = -np.inf, 0, 0
    run, lo = 0.0, 0
    for i, g in enumerate(gain.tolist()):
        if run <= 0:
            run, lo = g, i
        else:
            run += g
        if run > best:
            best, best_lo, best_hi = run, lo, i + 1
    return best_lo, best_hi


def block_distance(n: int, lo: int, hi: int) -> np.ndarray:
    """Signed distance in lines to the block [lo, hi): 0 inside, <0 before, >0 after."""
    idx = np.arange(n, dtype=float)
    return np.where(idx < lo, idx - lo, np.where(idx >= hi, idx - hi + 1, 0.0))


def since(flags: np.ndarray, cap: int = 1000) -> np.ndarray:
    """Lines since the last True flag (0 on it), `cap` before the first."""
    idx = np.arange(len(flags))
    last = np.maximum.accumulate(np.where(flags, idx, -1))
    return np.where(last >= 0, idx - last, cap).astype(float)


def median(v: np.ndarray) -> float:
    """np.median of a non-empty 1-D array, without its overhead."""
    s = np.sort(v)
    m = len(s) // 2
    return float(s[m]) if len(s) % 2 else float((s[m - 1] + s[m]) / 2)


def rank(v: np.ndarray) -> np.ndarray:
    """Percentile rank of each value within the page (1 = largest)."""
    rank = np.empty(len(v), dtype=np.intp)
    rank[v.argsort(kind="stable")] = np.arange(len(v))
    return (rank + 1) / len(v)


def zone(flags: np.ndarray, n: int) -> np.ndarray:
    """Position relative to the span from the first to the last flagged line (0..1 inside)."""
    hit = flags.nonzero()[0]
    if len(hit) == 0:
        return np.full(n, -1.0)
    a, b = hit[0], hit[-1]
    return (np.arange(n) - a) / max(b - a, 1)


def anchor_line(title: np.ndarray, main_lo: int) -> int:
    """The headline line a story hangs under: the last line flagged in `title` (lines
    repeating the page title) at or above `main_lo` (the densest prose block's first
    line), else the first flagged line; -1 when none is."""
    hit = title.nonzero()[0]
    if not len(hit):
        return -1
    above = hit[hit <= main_lo]
    return int(above[-1]) if len(above) else int(hit[0])


def run_under(at: int, header: np.ndarray, stop: np.ndarray, max_header: int) -> tuple[int, int]:
    """[start, end) of the run of lines under line `at`: up to `max_header` lines flagged
    in `header` (a date, a byline, share buttons) are skipped, the run ends before the
    next line flagged in `stop` (or at the end of the page)."""
    n = len(header)
    lo = at + 1
    while lo < n and lo - at <= max_header and header[lo]:
        lo += 1
    ends = stop[lo:].nonzero()[0]
    return lo, lo + int(ends[0]) if len(ends) else n
