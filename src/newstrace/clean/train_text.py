"""Train the text-mode line model from a JSONL of pages with gold article text.

Each JSONL row needs `gold_text` and one or more dump fields (`text_dump`,
`text_dump_inline_split`); each dump is one training page. A line is labelled
body when at least 70 % of its tokens sit in a token 4-gram that also occurs
in the gold text (4-grams may span lines, so link fragments get labels too).
Lines are weighted by their tokens, as the extraction metric weighs them.
Trees are fit with scikit-learn's HistGradientBoostingClassifier and exported
to plain JSON (`text_model.TreeEnsemble`), so scikit-learn is needed to train only.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import InputError, MissingExtra
from .lines import Page, build_page
from .text_model import TextModel, TreeEnsemble

log = logging.getLogger(__name__)

TOKEN = re.compile(r"\w+")
VARIANTS = ("text_dump", "text_dump_inline_split")
PARAMS = {"max_iter": 80, "learning_rate": 0.24, "max_depth": 5, "max_leaf_nodes": 32,
          "min_samples_leaf": 20, "l2_regularization": 1.0}
LABEL_SHARE = 0.7


def load_rows(jsonl_path: str | Path) -> list[dict]:
    path = Path(jsonl_path)
    rows = []
    with path.open(encoding="utf-8") as fh:
        for no, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"line {no}", f"not JSON ({exc})",
                                 "fix or remove the line") from exc
            if "gold_text" not in row:
                raise InputError(str(path), f"line {no}", "no 'gold_text' field",
                                 "give each row the article text as 'gold_text'")
            rows.append(row)
    return rows


def line_labels(lines: Sequence[str], gold: str, n: int = 4) -> np.ndarray:
    """1 for lines whose tokens mostly lie in 4-grams shared with the gold text."""
    toks: list[str] = []
    owner: list[int] = []
    for i, s in enumerate(lines):
        t = TOKEN.findall(s)
        toks += t
        owner += [i] * len(t)
    g = TOKEN.findall(gold)
    grams = {tuple(g[i : i + n]) for i in range(len(g) - n + 1)}
    covered = np.zeros(len(toks), dtype=bool)
    for i in range(len(toks) - n + 1):
        if tuple(toks[i : i + n]) in grams:
            covered[i : i + n] = True
    own = np.asarray(owner, dtype=np.int64)
    total = np.bincount(own, minlength=len(lines))
    hit = np.bincount(own, weights=covered, minlength=len(lines))
    share = np.divide(hit, total, out=np.zeros(len(lines)), where=total > 0)
    return (share >= LABEL_SHARE).astype(np.int64)


def pages_of(rows: Sequence[dict], variants: Sequence[str] = VARIANTS) -> list[tuple[Page, np.ndarray]]:
    out = []
    for row in rows:
        for v in variants:
            if row.get(v):
                page = build_page(row[v])
                out.append((page, line_labels(page.texts, row["gold_text"])))
    return out


def _sklearn():
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtra("train", "scikit-learn", "training the text cleaner") from exc
    return HistGradientBoostingClassifier


def fit_trees(X: np.ndarray, y: np.ndarray, params: dict, seed: int = 0,
              sample_weight: np.ndarray | None = None) -> TreeEnsemble:
    """Fit boosted trees and export them to a numpy-only `TreeEnsemble`."""
    clf = _sklearn()(random_state=seed, early_stopping=False, **params)
    clf.fit(X, y, sample_weight=sample_weight)
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    depth = 0
    for (pred,) in clf._predictors:
        nodes = pred.nodes
        base = len(feature)
        roots.append(base)
        for nd in nodes:
            here = len(feature)
            leaf = bool(nd["is_leaf"])
            feature.append(-1 if leaf else int(nd["feature_idx"]))
            threshold.append(float(nd["num_threshold"]))
            left.append(here if leaf else base + int(nd["left"]))  # leaves point to themselves
            right.append(here if leaf else base + int(nd["right"]))
            value.append(float(nd["value"]) if leaf else 0.0)
        depth = max(depth, int(nodes["depth"].max()))
    baseline = float(np.ravel(clf._baseline_prediction)[0])
    return TreeEnsemble(np.array(feature), np.array(threshold), np.array(left),
                        np.array(right), np.array(value), np.array(roots), depth, baseline)


def _stack(pages: Sequence[tuple[Page, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    X = np.vstack([p.X for p, _ in pages])
    y = np.concatenate([y for _, y in pages])
    return X, y, np.concatenate([token_weights(p) for p, _ in pages])


def token_weights(page: Page) -> np.ndarray:
    """Line weights proportional to tokens, summing to the page's line count.

    The metric weighs every page alike and, within a page, every token alike.
    """
    w = np.expm1(page.X[:, 1]) + 1.0
    return w * (len(w) / w.sum())


def fit(pages: Sequence[tuple[Page, np.ndarray]], threshold: float = 0.5,
        seed: int = 0, weights: Sequence[float] | None = None) -> TextModel:
    """Fit the line model on labelled pages (see `pages_of`).

    `weights`, one per page, scale that page's line weights (default: all 1).
    """
    X, y, w = _stack(pages)
    if weights is not None:
        if len(weights) != len(pages):
            raise ValueError(f"{len(weights)} weights for {len(pages)} pages")
        w = w * np.repeat(np.asarray(weights, dtype=float), [len(y) for _, y in pages])
    return TextModel(fit_trees(X, y, PARAMS, seed, sample_weight=w), threshold)


def train(jsonl_path: str | Path, out_path: str | Path, seed: int = 0) -> TextModel:
    """Train on every page of `jsonl_path` and write the model JSON to `out_path`."""
    pages = pages_of(load_rows(jsonl_path))
    if not pages:
        raise InputError(str(jsonl_path), "", "no rows with a text dump field",
                         f"give rows one of: {', '.join(VARIANTS)}")
    log.info("training the text cleaner on %d pages", len(pages))
    model = fit(pages, seed=seed)
    Path(out_path).write_text(json.dumps(model.to_dict(), separators=(",", ":")), "utf-8")
    return model
