"""Train the HTML block model (html_blocks.BlockModel) on pages with gold bodies.

Needs scikit-learn (training only; the shipped model is plain JSON). Labels: a block
is body text when most of its token 4-grams (or, if shorter, its whole token run)
occur in the gold body. `cross_validate` gives honest figures: folds by page, each
page extracted by a model that never saw it.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections import Counter
from pathlib import Path

from ..errors import InputError, MissingExtra
from .html import HtmlExtract, HtmlOptions, PageParts, finish_page, page_parts
from .html_blocks import BlockModel, block_features, kept_grams

_TOKEN = re.compile(r"\w+")
log = logging.getLogger(__name__)


def _grams(toks: list[str], n: int = 4) -> Counter:
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def block_labels(parts: PageParts, gold: str) -> list[int]:
    """1 for blocks whose text is (mostly) in `gold`, else 0."""
    gtoks = _TOKEN.findall(gold)
    g = _grams(gtoks)
    joined = " " + " ".join(gtoks) + " "
    out = []
    for b in parts.blocks:
        toks = _TOKEN.findall(b.text)
        if len(toks) < 4:
            out.append(int(bool(toks) and f" {' '.join(toks)} " in joined))
        else:
            s = _grams(toks)
            out.append(int(sum((s & g).values()) >= 0.5 * sum(s.values())))
    return out


def collect(pages: dict[str, tuple[str, str | None]],
            opts: HtmlOptions | None = None) -> dict[str, PageParts]:
    """Parse every page once: {id: PageParts}; `pages` maps id -> (html, url)."""
    opts = opts or HtmlOptions(model=True)
    return {k: page_parts(html, url, opts) for k, (html, url) in pages.items()}


def _rows(parts: PageParts) -> list[list[float]]:
    title = parts.meta["title"].value if "title" in parts.meta else ""
    return block_features(parts.blocks, kept_grams([parts.traf_text]), title)


def _labelled(data: dict[str, PageParts], golds: dict[str, str]):
    X, y = [], []
    for k, parts in data.items():
        X.extend(_rows(parts))
        y.extend(block_labels(parts, golds[k]))
    return X, y


def to_block_model(gb, X, threshold: float) -> BlockModel:
    """A BlockModel with the trees of a fitted sklearn GradientBoostingClassifier."""
    import numpy as np

    feature, cut, left, right, value, roots = [], [], [], [], [], []
    rate = gb.learning_rate
    for est in gb.estimators_[:, 0]:
        t = est.tree_
        off = len(feature)
        roots.append(off)
        for i in range(t.node_count):
            leaf = t.children_left[i] < 0
            feature.append(0 if leaf else int(t.feature[i]))
            cut.append(float("inf") if leaf else float(t.threshold[i]))
            left.append(off + i if leaf else off + int(t.children_left[i]))
            right.append(off + i if leaf else off + int(t.children_right[i]))
            value.append(rate * float(t.value[i].ravel()[0]) if leaf else 0.0)
    trees = rate * sum(e.predict(np.asarray(X[:50])) for e in gb.estimators_[:, 0])
    base = float(np.median(gb.decision_function(np.asarray(X[:50])) - trees))
    return BlockModel.from_lists(feature, cut, left, right, value, roots, gb.max_depth, base,
                                 threshold)


def fit(data: dict[str, PageParts], golds: dict[str, str], threshold: float = 0.5,
        trees: int = 50, depth: int = 4, rate: float = 0.2, leaf: int = 50,
        subsample: float = 0.7) -> BlockModel:
    """A boosted-trees BlockModel fitted on the blocks of `data`'s pages.

    Defaults were picked by 5-fold CV (folds by page) over 5 fold assignments; large
    leaves and row subsampling matter more than the number or depth of trees.
    """
    try:
        from sklearn.ensemble import GradientBoostingClassifier
    except ImportError as err:
        raise MissingExtra("train", "scikit-learn", "training the HTML block model") from err
    X, y = _labelled(data, golds)
    gb = GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=rate,
                                    min_samples_leaf=leaf, subsample=subsample,
                                    random_state=0).fit(X, y)
    return to_block_model(gb, X, threshold)


def cross_validate(data: dict[str, PageParts], pages: dict[str, tuple[str, str | None]],
                   golds: dict[str, str], folds: int = 5, **kw) -> dict[str, HtmlExtract]:
    """{id: extract} where each page's model was fitted on the other folds only.

    Folds are fixed by page id order (every `folds`-th page), so runs are repeatable.
    """
    ids = sorted(data)
    opts = HtmlOptions(model=True)
    out: dict[str, HtmlExtract] = {}
    for f in range(folds):
        test = ids[f::folds]
        model = fit({k: data[k] for k in ids if k not in test}, golds, **kw)
        for k in test:
            html, url = pages[k]
            out[k] = finish_page(data[k], html, url, opts, model)
    return out


def write_model(model: BlockModel, path: str | None = None) -> str:
    """Save `model` as JSON (default: the package's data/html_model.json); returns the path."""
    from pathlib import Path

    target = Path(path) if path else Path(__file__).resolve().parents[1] / "data" / "html_model.json"
    target.write_text(model.to_json() + "\n")
    return str(target)


def load_pages(path: str | Path) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """Pages and gold bodies from a JSONL (`html`, `gold_text`, optional `id`, `url`) or a
    folder in the scrapinghub article-extraction-benchmark layout (`ground-truth.json`
    with `articleBody` and `url`, pages in `html/<id>.html.gz`)."""
    path = Path(path)
    pages: dict[str, tuple[str, str | None]] = {}
    golds: dict[str, str] = {}
    if path.is_dir():
        truth = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
        for k, row in truth.items():
            raw = gzip.open(path / "html" / f"{k}.html.gz").read()
            pages[k] = (raw.decode("utf-8", "replace"), row.get("url"))
            golds[k] = row["articleBody"]
        return pages, golds
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                key = str(row.get("id", n))
                pages[key], golds[key] = (row["html"], row.get("url")), row["gold_text"]
            except (ValueError, KeyError, TypeError) as err:
                raise InputError(str(path), f"line {n}", f"not a training row ({err})",
                                 "give each line a JSON object with `html` and `gold_text`") from err
    return pages, golds


def train(path: str | Path, out_path: str | Path | None = None) -> BlockModel:
    """Fit the block model on every page of `path` (see `load_pages`) and write it to
    `out_path` (default: the package's data/html_model.json)."""
    pages, golds = load_pages(path)
    if not pages:
        raise InputError(str(path), "", "no pages with a gold body", "see `load_pages`")
    log.info("training the HTML block model on %d pages", len(pages))
    try:
        model = fit(collect(pages), golds)
    except ValueError as err:  # e.g. every block has the same label
        raise InputError(str(path), "", f"cannot train: {err}",
                         "give more pages, with both body and debris blocks") from err
    write_model(model, None if out_path is None else str(out_path))
    return model


__all__ = ["block_labels", "collect", "cross_validate", "fit", "load_pages", "train",
           "write_model"]
