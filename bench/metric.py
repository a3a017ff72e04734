"""The extraction metric of ../shared/data/extraction/README.md, re-implemented.

Tokens = regex \\w+ (Unicode). Shingles = token 4-grams (texts under 4 tokens
give one short shingle). Per page: multiset overlap -> tp, fp, fn. Precision =
mean over pages with tp+fp>0, recall = mean over pages with tp+fn>0,
F1 = harmonic mean of mean-P and mean-R. Empty output scores P=0, R=0.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"\w+")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXTRACTION = SHARED / "data" / "extraction"


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(pred: str, gold: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where undefined."""
    p, g = shingles(pred), shingles(gold)
    if not p:
        return (0.0, 0.0) if g else (None, None)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    prec = tp / (tp + fp) if tp + fp else None
    rec = tp / (tp + fn) if tp + fn else None
    return prec, rec


def score(preds: dict[str, str], golds: dict[str, str]) -> dict[str, float]:
    """F1/P/R over pages in `golds` (a missing prediction counts as empty)."""
    ps, rs = [], []
    for key, gold in golds.items():
        prec, rec = page_scores(preds.get(key, ""), gold)
        if prec is not None:
            ps.append(prec)
        if rec is not None:
            rs.append(rec)
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"f1": F, "precision": P, "recall": R, "pages": len(golds)}


def have_shared() -> bool:
    return (EXTRACTION / "textdump.jsonl").exists()
