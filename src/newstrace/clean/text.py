"""Text-mode body cleaning: keep the article lines of a scraped page, drop debris.

`classify_lines` scores every non-blank line with a small boosted-tree model
over features of the line and its neighbourhood (`lines.build_page`), then
keeps doubtful lines sandwiched between kept ones, applies a few hard rules
(repeated headline, counters, site template lines) and a fallback (a page
left nearly empty keeps its densest block of prose). Dropped lines get a
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

from ..errors import NewstraceError
from ..records import Line
from . import lines as L
from .lines import Page, build_page, is_blank, line_key

log = logging.getLogger(__name__)

MODEL_FILE = "text_model.json"
MIN_WORDS = 25  # fewer kept words than this: fall back to the densest prose block
SANDWICH_MIN, SANDWICH_GAP = 0.15, 4  # see `_sandwich`

__all__ = ["classify_lines", "common_site_lines", "line_key", "load_model", "TreeEnsemble",
           "TextModel", "kept_text"]


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
            "threshold": self.threshold.tolist(),
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [round(float(v), 8) for v in self.value],
            "roots": self.roots.tolist(),
            "depth": self.depth,
            "baseline": self.baseline,
        }

    def __post_init__(self) -> None:
        object.__setattr__(self, "_heap", _heap_layout(self))

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability of the positive class for each row of X."""
        n = X.shape[0]
        if n == 0:
            return np.zeros(0)
        feature, threshold, leaves = self._heap
        n_trees, inner = feature.shape
        # trees x rows, walked level by level; `at` = flat heap slot of each (tree, row)
        col = feature.ravel().astype(np.intp) * n  # offset of the feature's column in X.T
        thr = threshold.ravel()
        xt_rows = np.ascontiguousarray(X.T, dtype=float)
        xt = xt_rows.ravel()
        rows = np.arange(n, dtype=np.intp)
        base = (np.arange(n_trees, dtype=np.intp) * inner)[:, None]
        levels = self.depth
        if levels:  # the roots: one feature per tree, compared for all rows at once
            at = base + 1 + (xt_rows[feature[:, 0]] > threshold[:, :1])
            levels -= 1
        else:
            at = np.repeat(base, n, axis=1)
        for _ in range(levels):
            go = xt.take(col.take(at) + rows) > thr.take(at)
            at += at - base + 1 + go  # child slot 2h+1 (left) or 2h+2 (right)
        leaf = at + base // inner - inner
        raw = self.baseline + leaves.ravel().take(leaf.T).sum(1)  # same summation order per row
        return 1.0 / (1.0 + np.exp(-raw))


def _heap_layout(te: TreeEnsemble) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every tree padded to full depth in heap order (children of h: 2h+1, 2h+2).

    A leaf above the last level becomes a node that always goes left
    (threshold +inf) down to copies of its value, so evaluation is a fixed
    number of vectorised steps.
    """
    depth = max(te.depth, 1)
    inner, n_trees = 2**depth - 1, len(te.roots)
    feature = np.zeros((n_trees, inner), dtype=np.int32)
    threshold = np.full((n_trees, inner), np.inf)
    leaves = np.zeros((n_trees, inner + 1))
    for t, root in enumerate(te.roots.tolist()):
        stack = [(root, 0, 0)]  # node, heap slot, level
        while stack:
            node, slot, level = stack.pop()
            if te.feature[node] < 0:
                first = slot
                for _ in range(depth - level):
                    first = 2 * first + 1
                width = 2 ** (depth - level)
                leaves[t, first - inner:first - inner + width] = te.value[node]
                continue
            feature[t, slot] = te.feature[node]
            threshold[t, slot] = te.threshold[node]
            stack.append((int(te.left[node]), 2 * slot + 1, level + 1))
            stack.append((int(te.right[node]), 2 * slot + 2, level + 1))
    return feature, threshold, leaves


@dataclass(frozen=True)
class TextModel:
    trees: TreeEnsemble
    threshold: float

    @classmethod
    def from_dict(cls, d: dict) -> TextModel:
        if d.get("n_features") != L.n_features():
            raise NewstraceError(
                f"text model expects {d.get('n_features')} line features, this version computes "
                f"{L.n_features()}: retrain it with `newstrace train-cleaner`"
            )
        return cls(TreeEnsemble.from_dict(d["trees"]), float(d["threshold"]))

    def to_dict(self) -> dict:
        return {"version": 2, "trees": self.trees.to_dict(), "threshold": self.threshold,
                "n_features": L.n_features()}

    def scores(self, page: Page) -> np.ndarray:
        return self.trees.predict(page.X)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> TextModel:
    """The shipped model (or one at `path`), read once per process."""
    if path is None:
        raw = resources.files("newstrace").joinpath("data", MODEL_FILE).read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    return TextModel.from_dict(json.loads(raw))


C = L.COL
# columns the rules below read, taken out of X once per page as Python floats
_RULE_COLS = ("counter", "rating", "copyright", "cookie", "log_words", "share", "related",
              "subscribe", "advert", "terminal", "upper_share")
_RULE_IDX = [C[k] for k in _RULE_COLS]
(X_COUNTER, X_RATING, X_COPYRIGHT, X_COOKIE, X_LOG_WORDS, X_SHARE, X_RELATED, X_SUBSCRIBE,
 X_ADVERT, X_TERMINAL, X_UPPER_SHARE) = range(len(_RULE_COLS))  # positions in those rows
LOG1P_4, LOG1P_6 = float(np.log1p(4)), float(np.log1p(6))


def _reason(page: Page, i: int, common: bool, x: list[float]) -> str:
    s = page.texts[i]
    if common:
        return "site template"
    if page.title_match[i] or _repeated_first(page, i):
        return "repeated headline"
    if x[X_COUNTER]:
        return "counter"
    if x[X_RATING]:
        return "rating widget"
    if x[X_COPYRIGHT]:
        return "copyright"
    if x[X_COOKIE] and x[X_LOG_WORDS] >= LOG1P_4:
        return "cookie notice"
    if x[X_SHARE]:
        return "share buttons"
    if x[X_RELATED]:
        return "related links"
    if x[X_SUBSCRIBE]:
        return "subscription"
    if x[X_ADVERT]:
        return "advertisement"
    if page.repeats[i] > 1:
        return "repeated line"
    if len(s) < 40 and not x[X_TERMINAL]:
        return "navigation" if x[X_UPPER_SHARE] >= 0.5 else "short line"
    return "low score"


def _sandwich(page: Page, q: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Also keep a doubtful line that sits between kept lines (a caption, a subhead).

    Needs a score of at least SANDWICH_MIN, no debris cue, and kept lines at
    most SANDWICH_GAP lines apart around it (repeated headlines do not count).
    """
    title = np.asarray(page.title_match, dtype=bool)
    cue = page.X[:, C["copyright"]:C["rating"] + 1].max(axis=1) > 0
    kept = np.flatnonzero(keep & ~title)
    out = keep.copy()
    for i in np.flatnonzero(~keep & ~cue & ~title & (q >= SANDWICH_MIN)).tolist():
        j = int(np.searchsorted(kept, i))
        if 0 < j < len(kept) and kept[j] - kept[j - 1] <= SANDWICH_GAP:
            out[i] = True
    return out


def _words(page: Page, keep: np.ndarray) -> float:
    return float(np.expm1(page.X[keep, C["log_words"]]).sum())


def _hard_drop(page: Page, i: int, x: list[float]) -> bool:
    """Lines dropped whatever the model says."""
    if x[X_COUNTER] and len(page.texts[i]) < 24:  # bare counters: "0", "201"
        return True
    if x[X_RATING] and x[X_LOG_WORDS] <= LOG1P_6 and not x[X_TERMINAL]:  # "0.00 (0%) 0 votes"
        return True
    return page.title_match[i] or _repeated_first(page, i)


def _repeated_first(page: Page, i: int) -> bool:
    """The first line, when it recurs as the page's headline."""
    return i == 0 and page.repeats[0] > 1 and not page.X[0, C["terminal"]] and any(page.title_match)


def classify_lines(
    text: str, *, common_lines: set[int] | None = None, model: TextModel | None = None
) -> list[Line]:
    """One `Line` per non-blank line of `text`: keep (article body) or drop with a reason."""
    model = model or load_model()
    page = build_page(text)
    out: list[Line] = []
    if not page.texts:
        return out
    q = model.scores(page)
    keep_all = _sandwich(page, q, q >= model.threshold)
    if _words(page, keep_all) < MIN_WORDS:
        lo, hi = page.main
        keep_all[lo:hi] = True
    rule_x = page.X[:, _RULE_IDX].tolist()
    keep_list = keep_all.tolist()
    check_common = bool(common_lines)
    for i, (s, start, end, x, kept) in enumerate(
            zip(page.texts, page.starts, page.ends, rule_x, keep_list, strict=True)):
        if not x[X_LOG_WORDS] and is_blank(s):  # a line with a word is never blank
            out.append(Line(s, start, end, False, "empty"))
            continue
        common = check_common and line_key(s) in common_lines
        keep = kept and not common and not _hard_drop(page, i, x)
        out.append(Line(s, start, end, keep, "" if keep else _reason(page, i, common, x)))
    return out


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
