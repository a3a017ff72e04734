"""The text-mode line model: boosted trees as flat numpy arrays, read from plain JSON.

`TreeEnsemble.predict` walks all trees level by level in one heap (`_heap_layout`);
`load_model` reads the shipped `data/text_model.json` once per process.
scikit-learn is needed only to train (`train_text`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import NewstraceError
from . import lines as L
from .lines import Page

MODEL_FILE = "text_model.json"


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
        feature, threshold, leaves, roots, levels = self._heap
        # trees x rows, walked level by level in one heap holding all trees (children of
        # slot h: 2h, 2h+1); `at` = heap slot of each (tree, row). Every index is in range:
        # take(mode="wrap") only skips the bounds checks' slower path
        col = feature * n  # offset of each node's feature column in X.T
        xt_rows = np.ascontiguousarray(X.T, dtype=float)
        xt = xt_rows.ravel()
        rows = np.arange(n, dtype=np.intp)
        # the roots: one feature per tree, compared for all rows at once
        at = (roots + roots)[:, None] + (xt_rows[feature[roots]] > threshold[roots][:, None])
        for _ in range(levels - 1):
            idx = col.take(at, mode="wrap")
            idx += rows
            go = xt.take(idx, mode="wrap") > threshold.take(at, mode="wrap")
            at += at
            at += go.view(np.uint8)  # adding bytes is faster than adding bools
        raw = self.baseline + np.add.reduce(leaves.take(at.T, mode="wrap"), axis=1)  # same order per row
        return 1.0 / (1.0 + np.exp(-raw))


def _heap_layout(te: TreeEnsemble) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
    """All trees in one heap (children of slot h: 2h and 2h+1), each padded to full depth.

    Tree t's root sits at slot 2**top + t, so every tree has its inner nodes
    on the same `depth` levels, and its leaves at slots len(feature) + t * 2**depth + j
    (`leaves` is indexed by heap slot: zeros before the leaf slots).
    A leaf above the last level becomes a node that always goes left
    (threshold +inf) down to copies of its value, so evaluation is a fixed
    number of vectorised steps.
    """
    depth = max(te.depth, 1)
    n_trees = len(te.roots)
    top = max(n_trees - 1, 1).bit_length()
    size = 2 ** (top + depth)
    feature = np.zeros(size, dtype=np.intp)
    threshold = np.full(size, np.inf)
    leaves = np.zeros(size + n_trees * 2**depth)
    for t, root in enumerate(te.roots.tolist()):
        stack = [(root, 2**top + t, 0)]  # node, heap slot, level
        while stack:
            node, slot, level = stack.pop()
            if te.feature[node] < 0:
                width = 2 ** (depth - level)
                first = slot * width
                leaves[first:first + width] = te.value[node]
                continue
            feature[slot] = te.feature[node]
            threshold[slot] = te.threshold[node]
            stack.append((int(te.left[node]), 2 * slot, level + 1))
            stack.append((int(te.right[node]), 2 * slot + 1, level + 1))
    roots = 2**top + np.arange(n_trees, dtype=np.intp)
    return feature, threshold, leaves, roots, depth


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
