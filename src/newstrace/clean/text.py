"""Text-mode body cleaning: keep the article lines of a scraped page, drop debris.

`classify_lines` scores every non-blank line with a small boosted-tree model
over features of the line and its neighbourhood (`lines.build_page`), then
keeps doubtful lines sandwiched between kept ones, applies a few hard rules
(repeated headline, counters, site template lines) and a fallback (a page
left nearly empty keeps its densest block of prose). Two rules use the
shape of a news page: a second copy of the article (a run of lines kept
already) is dropped, and so is a reader-comment section that starts below
the article. Dropped lines get a short reason. The model is plain JSON evaluated with numpy; scikit-learn is
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
DUP_MIN_CHARS, DUP_RUN = 60, 2  # see `_second_copies`
COMMENT_MARKS, COMMENT_ABOVE = 3, 50  # see `_comment_start`

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
LOG1P_4, LOG1P_6 = float(np.log1p(4)), float(np.log1p(6))
# why a line was dropped, first match wins (see `_reasons`)
CUE_REASONS = (("counter", "counter"), ("rating", "rating widget"), ("copyright", "copyright"),
               ("cookie", "cookie notice"), ("share", "share buttons"),
               ("related", "related links"), ("subscribe", "subscription"),
               ("advert", "advertisement"))


def _headline_copies(page: Page) -> np.ndarray:
    """Lines that repeat the page's headline (and a first line that is the headline)."""
    out = np.asarray(page.title_match, dtype=bool).copy()
    out[0] |= _repeated_first(page, 0)
    return out


def _reasons(page: Page, common: np.ndarray, headline: np.ndarray) -> list[str]:
    """A short reason for each line, as if it were dropped."""
    X = page.X
    conds = [common, headline]
    names = ["site template", "repeated headline"]
    for col, name in CUE_REASONS:
        hit = X[:, C[col]] > 0
        if col == "cookie":
            hit &= X[:, C["log_words"]] >= LOG1P_4
        conds.append(hit)
        names.append(name)
    chars = np.asarray(page.ends) - np.asarray(page.starts)
    short = (chars < 40) & (X[:, C["terminal"]] == 0)
    conds += [np.asarray(page.repeats) > 1, short & (X[:, C["upper_share"]] >= 0.5), short]
    names += ["repeated line", "navigation", "short line", "low score"]
    codes = np.select(conds, np.arange(len(conds)), default=len(conds))
    return np.array(names, dtype=object)[codes].tolist()


def _sandwich(page: Page, q: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Also keep a doubtful line that sits between kept lines (a caption, a subhead).

    Needs a score of at least SANDWICH_MIN, no debris cue, and kept lines at
    most SANDWICH_GAP lines apart around it (repeated headlines do not count).
    """
    title = np.asarray(page.title_match, dtype=bool)
    cue = page.X[:, C["copyright"]:C["rating"] + 1].max(axis=1) > 0
    kept = np.flatnonzero(keep & ~title)
    out = keep.copy()
    cand = np.flatnonzero(~keep & ~cue & ~title & (q >= SANDWICH_MIN))
    if len(kept) < 2 or not len(cand):
        return out
    j = np.searchsorted(kept, cand)
    inner = (j > 0) & (j < len(kept))
    j = np.clip(j, 1, len(kept) - 1)
    out[cand[inner & (kept[j] - kept[j - 1] <= SANDWICH_GAP)]] = True
    return out


def _words(page: Page, keep: np.ndarray) -> float:
    return float(np.expm1(page.X[keep, C["log_words"]]).sum())


def _second_copies(page: Page, keep: np.ndarray) -> np.ndarray:
    """Runs of DUP_RUN or more kept lines that all repeat lines kept higher up.

    Pages that show an article twice (a summary box, a print copy) would
    otherwise count its text twice; a lone repeated line (an interview's
    recurring question, a table's recurring row) stays.
    """
    out = np.zeros(len(keep), dtype=bool)
    kept = np.flatnonzero(keep).tolist()
    if (np.asarray(page.repeats)[kept] > 1).sum() < 2 * DUP_RUN:
        return out
    seen: set[str] = set()
    again = []
    for k in L.normalise_lines([page.texts[i] for i in kept]):
        again.append(k in seen and len(k) >= DUP_MIN_CHARS)
        seen.add(k)
    run = 0
    for j, dup in enumerate(again + [False]):
        if dup:
            run += 1
            continue
        if run >= DUP_RUN:
            out[kept[j - run:j]] = True
        run = 0
    return out


def _comment_start(page: Page, keep: np.ndarray) -> int:
    """First line of a reader-comment section below the article (len(lines) if none).

    A comment mark ("12 Comments", "Name says:", "Leave a reply") starts one
    when at least COMMENT_MARKS more follow it and the lines kept above it
    hold at least COMMENT_ABOVE words.
    """
    marks = np.flatnonzero(L.comment_marks(page.X)).tolist()
    if len(marks) <= COMMENT_MARKS:
        return len(keep)
    words = np.cumsum(np.where(keep, np.expm1(page.X[:, C["log_words"]]), 0.0))
    for i in marks[:-COMMENT_MARKS]:
        if i > 0 and words[i - 1] >= COMMENT_ABOVE:
            return i
    return len(keep)


def _hard_drop(page: Page, headline: np.ndarray) -> np.ndarray:
    """Lines dropped whatever the model says."""
    X = page.X
    chars = np.asarray(page.ends) - np.asarray(page.starts)
    counter = (X[:, C["counter"]] > 0) & (chars < 24)  # bare counters: "0", "201"
    rating = ((X[:, C["rating"]] > 0) & (X[:, C["log_words"]] <= LOG1P_6)
              & (X[:, C["terminal"]] == 0))  # "0.00 (0%) 0 votes"
    return counter | rating | headline


def _repeated_first(page: Page, i: int) -> bool:
    """The first line, when it recurs as the page's headline."""
    return i == 0 and page.repeats[0] > 1 and not page.X[0, C["terminal"]] and any(page.title_match)


def classify_lines(
    text: str, *, common_lines: set[int] | None = None, model: TextModel | None = None
) -> list[Line]:
    """One `Line` per non-blank line of `text`: keep (article body) or drop with a reason."""
    model = model or load_model()
    page = build_page(text)
    if not page.texts:
        return []
    q = model.scores(page)
    keep_all = _sandwich(page, q, q >= model.threshold)
    if _words(page, keep_all) < MIN_WORDS:
        lo, hi = page.main
        keep_all[lo:hi] = True
    keep_all &= ~_second_copies(page, keep_all)
    keep_all[_comment_start(page, keep_all):] = False
    n = len(page.texts)
    common = np.zeros(n, dtype=bool)
    if common_lines:
        common[[i for i, t in enumerate(page.texts) if line_key(t) in common_lines]] = True
    headline = _headline_copies(page)
    keep_all &= ~common & ~_hard_drop(page, headline)
    reasons = _reasons(page, common, headline)
    for i in np.flatnonzero(page.X[:, C["log_words"]] == 0).tolist():
        if is_blank(page.texts[i]):  # a line with a word is never blank
            keep_all[i] = False
            reasons[i] = "empty"
    return [Line(s, a, b, k, "" if k else r) for s, a, b, k, r in zip(
        page.texts, page.starts, page.ends, keep_all.tolist(), reasons, strict=True)]


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
