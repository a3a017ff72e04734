"""Text-mode body cleaning: keep the article lines of a scraped page, drop debris.

`classify_lines` scores every non-blank line with a small two-stage tree
ensemble (stage 1: the line and its neighbourhood, `lines.build_page`;
stage 2: the stage-1 scores of its neighbours), then a few hard rules
(repeated headline, counters, site template lines). Dropped lines get a
short reason. The model is plain JSON evaluated with numpy; scikit-learn is
only needed to train it (`newstrace.clean.train_text`).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..records import Line
from . import lines as L
from .lines import Page, build_page, is_blank, line_key

log = logging.getLogger(__name__)

MODEL_FILE = "text_model.json"

__all__ = ["classify_lines", "common_site_lines", "line_key", "load_model", "TreeEnsemble",
           "TextModel", "stage2_features", "kept_text"]


@dataclass(frozen=True)
class TreeEnsemble:
    """Boosted binary trees as flat arrays (all trees' nodes concatenated)."""

    feature: np.ndarray  # int, -1 at leaves
    threshold: np.ndarray  # go left when x <= threshold
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray  # leaf values (raw score)
    roots: np.ndarray
    depth: int
    baseline: float

    @classmethod
    def from_dict(cls, d: dict) -> TreeEnsemble:
        return cls(
            feature=np.asarray(d["feature"], dtype=np.int64),
            threshold=np.asarray(d["threshold"], dtype=float),
            left=np.asarray(d["left"], dtype=np.int64),
            right=np.asarray(d["right"], dtype=np.int64),
            value=np.asarray(d["value"], dtype=float),
            roots=np.asarray(d["roots"], dtype=np.int64),
            depth=int(d["depth"]),
            baseline=float(d["baseline"]),
        )

    def to_dict(self) -> dict:
        return {
            "feature": self.feature.tolist(),
            "threshold": [round(float(t), 6) for t in self.threshold],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [round(float(v), 6) for v in self.value],
            "roots": self.roots.tolist(),
            "depth": self.depth,
            "baseline": self.baseline,
        }

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability of the positive class for each row of X."""
        n = X.shape[0]
        if n == 0:
            return np.zeros(0)
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        leaf_feature = self.feature.copy()
        for _ in range(self.depth):
            f = leaf_feature[node]
            inner = f >= 0
            if not inner.any():
                break
            x = X[rows, np.where(inner, f, 0)]
            nxt = np.where(x <= self.threshold[node], self.left[node], self.right[node])
            node = np.where(inner, nxt, node)
        raw = self.baseline + self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


@dataclass(frozen=True)
class TextModel:
    stage1: TreeEnsemble
    stage2: TreeEnsemble
    threshold: float

    @classmethod
    def from_dict(cls, d: dict) -> TextModel:
        return cls(TreeEnsemble.from_dict(d["stage1"]), TreeEnsemble.from_dict(d["stage2"]),
                   float(d["threshold"]))

    def to_dict(self) -> dict:
        return {"version": 1, "stage1": self.stage1.to_dict(), "stage2": self.stage2.to_dict(),
                "threshold": self.threshold, "n_features": L.n_features()}

    def scores(self, page: Page) -> np.ndarray:
        q = self.stage1.predict(page.X)
        return self.stage2.predict(stage2_features(page, q))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> TextModel:
    """The shipped model (or one at `path`), read once per process."""
    if path is None:
        raw = resources.files("newstrace").joinpath("data", MODEL_FILE).read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    return TextModel.from_dict(json.loads(raw))


def stage2_features(page: Page, q: np.ndarray) -> np.ndarray:
    """Stage-2 rows: a line's stage-1 score, its neighbours' and a few own features."""
    n = len(q)
    X = page.X
    chars = np.expm1(X[:, 0])
    lo, hi = L.best_block(np.where(q >= 0.5, chars, -np.minimum(chars, 80.0) - 20.0) * 1.0)
    dist = L.block_distance(n, lo, hi)
    cols = [q]
    for k in (-3, -2, -1, 1, 2, 3):
        cols.append(L._shift(q, k))
    for k in (2, 5, 15):
        cols.append(L._window_mean(q, k))
    cols += [
        np.sign(dist),
        np.log1p(np.abs(dist)),
        np.full(n, q.mean() if n else 0.0),
        np.full(n, (q * chars).sum() / (chars.sum() or 1.0)),
        X[:, 1],  # words
        X[:, 3],  # terminal
        X[:, N_REPEAT],
        X[:, N_REPEAT + 2],  # title match
        X[:, N_REPEAT + 3],  # relative position
        X[:, N_REPEAT + 9],  # fragment block is prose
        X[:, N_REPEAT + 6],  # fragment block words
    ]
    return np.column_stack(cols)


N_REPEAT = L.N_OWN  # index of the first context column (log repeats)


def _reason(page: Page, i: int, common: bool) -> str:
    s = page.texts[i]
    x = page.X[i]
    if common:
        return "site template"
    if page.title_match[i]:
        return "repeated headline"
    if x[22]:
        return "counter"
    if x[23]:
        return "rating widget"
    if x[16]:
        return "copyright"
    if x[17] and x[1] >= np.log1p(4):
        return "cookie notice"
    if x[19]:
        return "share buttons"
    if x[20]:
        return "related links"
    if x[18]:
        return "subscription"
    if x[21]:
        return "advertisement"
    if page.repeats[i] > 1:
        return "repeated line"
    if len(s) < 40 and not x[3]:
        return "navigation" if x[9] >= 0.5 else "short line"
    return "low score"


def _hard_drop(page: Page, i: int, q: float) -> bool:
    """Lines dropped whatever the model says."""
    x = page.X[i]
    if x[22] and len(page.texts[i]) < 24:  # bare counters: "0", "201"
        return True
    if x[23] and x[1] <= np.log1p(6) and not x[3]:  # "0.00 (0%) 0 votes"
        return True
    if page.title_match[i]:
        return True
    return False


def classify_lines(
    text: str, *, common_lines: set[int] | None = None, model: TextModel | None = None
) -> list[Line]:
    """One `Line` per non-blank line of `text`: keep (article body) or drop with a reason."""
    model = model or load_model()
    page = _headline_page(build_page(text))
    out: list[Line] = []
    if not page.texts:
        return out
    q = model.scores(page)
    for i, s in enumerate(page.texts):
        start, end = page.starts[i], page.ends[i]
        if is_blank(s):
            out.append(Line(s, start, end, False, "empty"))
            continue
        common = bool(common_lines) and line_key(s) in common_lines
        keep = bool(q[i] >= model.threshold) and not common and not _hard_drop(page, i, q[i])
        out.append(Line(s, start, end, keep, "" if keep else _reason(page, i, common)))
    return out


def _headline_page(page: Page) -> Page:
    """Mark the headline's repeats when the page has no <title>-like first line match.

    A headline is the first line when it recurs later, or a recurring line
    without sentence punctuation that also opens the page.
    """
    if not page.texts or any(page.title_match):
        return page
    first = L.normalise(page.texts[0])
    if page.repeats[0] < 2 or page.X[0, 3] or len(first) < 12:
        return page
    match = [L.normalise(s) == first for s in page.texts]
    return Page(page.texts, page.starts, page.ends, page.X, page.repeats, match)


def kept_text(lines: Iterable[Line]) -> str:
    return "\n".join(ln.text for ln in lines if ln.keep)


def common_site_lines(texts: Iterable[str], min_share: float = 0.3, min_docs: int = 3) -> set[int]:
    """Hashes of lines that recur on at least `min_share` of a site's pages (and `min_docs`)."""
    seen: Counter = Counter()
    n_docs = 0
    for text in texts:
        n_docs += 1
        keys = {line_key(s) for s in L.split_lines(text)[0] if not is_blank(s)}
        seen.update(keys)
    need = max(min_docs, min_share * n_docs)
    return {k for k, c in seen.items() if c >= need}
