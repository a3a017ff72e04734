"""From chained runs of matching n-grams to passages and links.

A run is kept when it is long and dense enough. Its words are split into
prose and title-like (short lines without a sentence end: "Related posts"
lists, navigation, headlines). A run at the same edge of both texts with
under `edge_tokens` prose words is a disclaimer, credit line or sign-off and
is dropped. A pair is a link when its runs hold at least `min_passage_tokens`
prose words, or 80% of the shorter text (a short copy), or one run is a whole
paragraph of `min_paragraph_tokens` prose words in both texts (a roundup's
borrowed paragraph; the few words a match runs on into a next paragraph that starts
alike are not counted against it); title-like words
count only when they are three times as many, or half the shorter text (a
shared list article). Words one text has once and the other twice count once,
and a passage inside longer ones on both sides is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..records import Alignment
from .options import ReuseOptions
from .tokens import Tokens

_CLOSE = frozenset(".,;:!?\"')]’”»…。、」』）！？")
_ENDS = frozenset('.!?:;"”»…)。！？」』')
_STATEMENT = frozenset('.!"”»’\'…。！')  # how a paragraph that states something ends
_EDGE = 5  # words from a text's start or end that still count as its edge
SPILL = 3  # words a matched passage may run into a neighbouring line (see trim_spill)


@dataclass(frozen=True)
class Runs:
    """Chained runs (one row each) and the matches they are made of."""

    pair: np.ndarray  # index of the pair in its chunk
    a0: np.ndarray  # token range in the first text
    a1: np.ndarray
    b0: np.ndarray  # token range in the second text
    b1: np.ndarray
    count: np.ndarray  # matching n-grams
    first: np.ndarray  # first match of the run in pa / pb
    pa: np.ndarray  # all kept matches, sorted by (pair, position in a)
    pb: np.ndarray

    @staticmethod
    def empty() -> Runs:
        z = np.zeros(0, dtype=np.int64)
        return Runs(z, z, z, z, z, z, z, z, z)


def title_share(text: str) -> float:
    """Share of the passage's characters in short lines without a sentence end."""
    total = short = 0
    for line in text.split("\n"):
        ln = line.strip()
        if not ln:
            continue
        total += len(ln)
        if len(ln) <= 90 and ln[-1] not in _ENDS and not ln[0].islower():
            short += len(ln)
    return short / total if total else 0.0


def whole_paragraph(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is a whole paragraph of `text` (quotes and dashes aside) ending
    a statement: not a question (interview and FAQ templates repeat those)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    tail = text[lo:hi].rstrip()
    return (tail[-1:] in _STATEMENT and not any(c.isalnum() for c in text[lo:start])
            and not any(c.isalnum() for c in text[end:hi]))


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def trim_spill(text: str, start: int, end: int, spill: int = SPILL) -> tuple[int, int]:
    """The span without the few words it runs into a neighbouring line: a passage matched
    by n-grams goes on past a paragraph's end when the next paragraph starts alike in both
    texts ("... last week. / It is" and "... last week. / It's"), or starts before it when
    the previous one ends alike. Up to `spill` words go at each end; a span that holds
    no line end stays as it is."""
    first = text.find("\n", start, end)
    if first < 0:
        return start, end
    lo = text.rfind("\n", 0, start) + 1
    if any(c.isalnum() for c in text[lo:start]) and _words(text[start:first]) <= spill:
        start = first
        while start < end and text[start].isspace():
            start += 1
    last = text.rfind("\n", start, end)
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if last >= 0 and any(c.isalnum() for c in text[end:hi]) and _words(text[last:end]) <= spill:
        end = last
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def shared_paragraph(x: str, sx: tuple[int, int], y: str, sy: tuple[int, int]) -> bool:
    """Whether two matched spans are a whole paragraph (or run of them) in both texts, once
    the words they spill into a neighbouring line are left out (`trim_spill`)."""
    return whole_paragraph(x, *trim_spill(x, *sx)) and whole_paragraph(y, *trim_spill(y, *sy))


def _span_end(text: str, end: int) -> int:
    for _ in range(3):
        if end < len(text) and text[end] in _CLOSE:
            end += 1
    return end


def char_offsets(tok: Tokens, i: int, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Character start/end of each token of document i of the batch."""
    lo, hi = tok.doc_tok[i], tok.doc_tok[i + 1]
    base = tok.doc_byte[i]
    s = tok.original_byte(tok.starts[lo:hi]) - base
    e = tok.original_byte(tok.ends[lo:hi]) - base
    end = tok.doc_byte[i + 1] - 1 if i + 1 < tok.doc_byte.size else len(tok.raw)
    if end - base == len(text):  # ASCII: bytes are characters
        return s, e
    lead = np.frombuffer(tok.raw, dtype=np.uint8, count=end - base, offset=base)
    chars = np.concatenate(([0], np.cumsum((lead & 0xC0) != 0x80)))
    return chars[s], chars[e]


def _uncovered(text: str, span: tuple[int, int], starts: np.ndarray, ends: np.ndarray
               ) -> tuple[int, str]:
    """Characters of the span inside matched n-grams, and the rest as one string."""
    order = np.argsort(starts, kind="stable")
    s, e = starts[order], np.maximum.accumulate(ends[order])
    gap = np.flatnonzero(s[1:] > e[:-1])
    pieces = [text[span[0] : s[0]]] if s[0] > span[0] else []
    pieces += [text[e[g] : s[g + 1]] for g in gap.tolist()]
    if e[-1] < span[1]:
        pieces.append(text[e[-1] : span[1]])
    rest = "".join(pieces)
    return span[1] - span[0] - len(rest), rest


def identity(x: str, y: str, sx, sy, ex, ey, exact: bool = True) -> float:
    """Share of aligned characters that are identical (LCS), anchored on the matches.

    Characters inside matching n-grams count as identical; the characters
    between them are compared with one LCS (rapidfuzz when installed and
    `exact`; else they count as different, a lower bound).
    """
    cx, rx = _uncovered(x, sx, ex[0], ex[1])
    cy, ry = _uncovered(y, sy, ey[0], ey[1])
    if exact and rx and ry:
        try:
            from rapidfuzz.distance import LCSseq
        except ImportError:  # pragma: no cover
            lcs = 0
        else:
            lcs = LCSseq.similarity(rx, ry)
    else:
        lcs = 0
    total = (sx[1] - sx[0]) + (sy[1] - sy[0])
    return round(min(1.0, (cx + cy + 2 * lcs) / max(total, 1)), 4)


def _filter(runs: Runs, ntok: np.ndarray, xs: np.ndarray, ys: np.ndarray, opt: ReuseOptions):
    """Runs long and dense enough; and which of them touch the same edge of both texts."""
    size = runs.a1 - runs.a0
    nx, ny = ntok[xs[runs.pair]], ntok[ys[runs.pair]]
    dense = (size >= opt.min_segment_tokens) & (runs.count >= 3)
    dense &= runs.count * 10 >= size - opt.ngram + 1
    small = size < 0.5 * np.minimum(nx, ny)
    edge = ((runs.a0 <= _EDGE) & (runs.b0 <= _EDGE)) | (
        (runs.a1 >= nx - _EDGE) & (runs.b1 >= ny - _EDGE))
    keep = np.flatnonzero(dense)
    return keep, (small & edge)[keep]


def accept(runs: Runs, chunk: Sequence[tuple[str, str]], xs: np.ndarray, ys: np.ndarray,
           tok: Tokens, texts: Sequence[str], opt: ReuseOptions) -> list[Alignment]:
    """Alignments of the pairs whose runs make a link."""
    ntok = np.diff(tok.doc_tok)
    keep, at_edge = _filter(runs, ntok, xs, ys, opt)
    offsets: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def offs(i: int):
        if i not in offsets:
            offsets[i] = char_offsets(tok, i, texts[i])
        return offsets[i]

    n = opt.ngram
    out: list[Alignment] = []
    bounds = np.append(runs.first, runs.pa.size)
    cur, rows, prose, titles, spans, para = -1, [], 0, 0, [], False
    for r, edge in [*zip(keep.tolist(), at_edge.tolist(), strict=True), (-1, False)]:
        p = int(runs.pair[r]) if r >= 0 else -2
        if p != cur:
            if cur >= 0:
                once = _once(spans)  # words matched twice (a text repeating itself) count once
                prose, titles = prose * once, titles * once
                short = min(ntok[xs[cur]], ntok[ys[cur]])
                lists = titles >= min(3 * opt.min_passage_tokens, 0.5 * short)
                whole = prose >= max(opt.min_segment_tokens, 0.8 * short)  # a short copy
                if prose >= opt.min_passage_tokens or lists or whole or para:
                    out.extend(_unrepeated(rows))
            cur, rows, prose, titles, spans, para = p, [], 0, 0, [], False
        if r < 0:
            break
        x, y = int(xs[p]), int(ys[p])
        (xs0, xs1), (ys0, ys1) = offs(x), offs(y)
        ta0, ta1, tb0, tb1 = int(runs.a0[r]), int(runs.a1[r]), int(runs.b0[r]), int(runs.b1[r])
        cs, ce = int(xs0[ta0]), _span_end(texts[x], int(xs1[ta1 - 1]))
        ds, de = int(ys0[tb0]), _span_end(texts[y], int(ys1[tb1 - 1]))
        share = title_share(texts[x][cs:ce])
        words = (ta1 - ta0) * (1.0 - share)
        if edge and words < opt.edge_tokens:
            continue
        prose += words
        titles += (ta1 - ta0) * share
        para = para or (ta1 - ta0 >= opt.min_paragraph_tokens
                        and _whole_in_both(texts[x], cs, ce, texts[y], ds, de, share, opt))
        spans.append((ta0, ta1, tb0, tb1))
        ma = runs.pa[bounds[r] : bounds[r + 1]]
        mb = runs.pb[bounds[r] : bounds[r + 1]]
        ident = identity(texts[x], texts[y], (cs, ce), (ds, de), (xs0[ma], xs1[ma + n - 1]),
                         (ys0[mb], ys1[mb + n - 1]), exact=opt.identity)
        a, b = chunk[p]
        rows.append(Alignment(a, b, cs, ce, ds, de, float(runs.count[r]), ident))
    return out


def _once(spans: list[tuple[int, int, int, int]]) -> float:
    """Share of the runs' words that are distinct on both sides."""
    if len(spans) < 2:
        return 1.0
    total = sum(a1 - a0 for a0, a1, _, _ in spans)
    return min(covered([(a0, a1) for a0, a1, _, _ in spans]),
               covered([(b0, b1) for _, _, b0, b1 in spans])) / max(total, 1)


def covered(spans: list[tuple[int, int]]) -> int:
    """Positions inside at least one of the (start, end) spans."""
    total, end = 0, -1
    for s, e in sorted(spans):
        if e > end:
            total += e - max(s, end)
            end = e
    return total


def _unrepeated(rows: list[Alignment]) -> list[Alignment]:
    """A pair's passages less those lying inside longer ones on both sides (a text that
    repeats itself matches each repeat of its copy too)."""
    if len(rows) < 2:
        return rows
    size = [r.a_end - r.a_start for r in rows]

    def inside(i: int, lo: str, hi: str) -> bool:
        s, e = getattr(rows[i], lo), getattr(rows[i], hi)
        return any(j != i and (size[j], -j) > (size[i], -i)
                   and getattr(x, lo) <= s and e <= getattr(x, hi) for j, x in enumerate(rows))

    return [r for i, r in enumerate(rows)
            if not (inside(i, "a_start", "a_end") and inside(i, "b_start", "b_end"))]


def _whole_in_both(x: str, cs: int, ce: int, y: str, ds: int, de: int, share: float,
                   opt: ReuseOptions) -> bool:
    """A whole prose paragraph of both texts, of `min_paragraph_tokens` words once the words
    the match spilled into its neighbours are left out (`trim_spill`)."""
    if share == 0 and whole_paragraph(x, cs, ce) and whole_paragraph(y, ds, de):
        return True
    (cs, ce), (ds, de) = trim_spill(x, cs, ce), trim_spill(y, ds, de)
    return (_words(x[cs:ce]) >= opt.min_paragraph_tokens and title_share(x[cs:ce]) == 0
            and whole_paragraph(x, cs, ce) and whole_paragraph(y, ds, de))
