"""Text blocks of a (narrowed) HTML tree, their features, and a small learned filter.

`blocks_of` cuts the tree into blocks (one per run of inline text between block
tags), each with its tag, link share, class/id hints, parent box and whether it sits
inside the paragraphs' own container (the element `html.narrow_tree` marks).
`block_features` turns them into numbers (text shape, position, DOM hints, and how
much of the block, its box, its class and the core the trafilatura pass also kept).
`BlockModel` is boosted trees read from `newstrace/data/html_model.json` (trained by
`newstrace.clean.train_html`) and evaluated with numpy.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

_BLOCK = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "pre", "tr", "table", "blockquote", "figcaption", "figure", "section",
    "article", "header", "main", "form", "address", "hr", "center", "caption",
))
_TAGS = ("p", "h1", "h2", "li", "tr", "blockquote", "figcaption", "div")
_ONE_HOT = {t: tuple(float(t == u) for u in _TAGS) for t in _TAGS}
_NO_TAG = (0.0,) * len(_TAGS)
_TAG_GROUP = {"h3": "h2", "h4": "h2", "h5": "h2", "h6": "h2", "dt": "li",
              "dd": "li", "pre": "p", "address": "p"}
_WS = re.compile(r"\s+")
_END = frozenset('.!?"”’\')»:。！？')
# class/id words of page furniture and of article bodies (markup names are mostly English)
# (every branch starts with a letter, so re scans for those letters first; "a(?<=\ba)" is
# "\ba", "t(?<=\bt)" is "\bt")
_BAD_HINT = re.compile(
    r"relat|recommend|newsletter|subscri|signup|share|social|promo|sponsor|advert|a(?<=\ba)ds?\b|"
    r"comment|footer|t(?<=\bt)ags?\b|byline|author|caption|credit|breadcrumb|widget|sidebar|"
    r"trending|popular|teaser|more-|read-?more|outbrain|taboola|newsfeed|toolbar|meta")  # lower


@dataclass(slots=True)
class Block:
    """One run of text: `tag` is its innermost block element, `link` its chars in <a>."""

    text: str
    tag: str
    link: int
    hints: str
    box: int  # which element holds the block's element (blocks sharing it are siblings)
    core: bool = False  # inside the element holding most of the page's <p> text


def _hints(el, levels: int = 3) -> str:
    """class and id of `el` and its ancestors, `levels` deep, space-joined."""
    parts = []
    for _ in range(levels):
        if el is None:
            break
        parts.append(el.get("class") or "")
        parts.append(el.get("id") or "")
        el = el.getparent()
    return " ".join(parts)


def blocks_of(root) -> list[Block]:
    """Blocks of `root` in page order (empty ones skipped)."""
    from lxml import etree

    from .html import CORE

    out: list[Block] = []
    pieces: list[str] = []
    link = 0
    stack = [root]  # open block elements
    in_a = 0
    core = 0  # 1 inside the marked core element
    boxes: dict = {}  # parent element -> (number, hints); holding it keeps its proxy alive

    def flush() -> None:  # callers check `pieces` first (saves most calls)
        nonlocal pieces, link
        if pieces:
            text = " ".join("".join(pieces).split())
            if text:
                el = stack[-1]
                tag = el.tag if isinstance(el.tag, str) else "div"
                parent = el.getparent()
                if parent not in boxes:  # its number and the hints of its two levels
                    boxes[parent] = (len(boxes), _hints(parent, 2))
                box, up = boxes[parent]
                own = f"{el.get('class') or ''} {el.get('id') or ''}"
                out.append(Block(text, _TAG_GROUP.get(tag, tag), link,
                                 f"{own} {up}" if parent is not None else own, box, core > 0))
            pieces = []
            link = 0

    mark = root if root.get(CORE) else root.find(f".//*[@{CORE}]")
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if el is mark:
                if pieces:
                    flush()
                core = 1
            if tag in _BLOCK:
                if pieces:
                    flush()
                stack.append(el)
            elif tag == "br":
                if pieces:
                    flush()
            elif tag == "a":
                in_a += 1
            elif tag in ("td", "th"):
                pieces.append(" ")  # cells of a row stay one block, space-separated
            text = el.text
        else:
            if tag in _BLOCK:
                if pieces:
                    flush()
                stack.pop()
            elif tag == "a":
                in_a -= 1
            if el is mark:
                if pieces:
                    flush()
                core = 0
            text = el.tail if el is not root else None
        if text and (pieces or not text.isspace()):  # leading blanks would be dropped
            pieces.append(text)
            if in_a:
                link += len(text.strip())
    flush()
    return out


def kept_grams(lines: list[str]) -> tuple[str, set]:
    """The trafilatura pass as one lower-case, space-normalised string and its word set."""
    words = " ".join(lines).lower().split()
    return " ".join(words), set(words)


def _gaps(full: list[int], n: int, cap: int = 10) -> list[float]:
    """Per block: distance in blocks to the nearest fully covered one (capped)."""
    gap = [float(cap)] * n
    marks = set(full)
    for sweep in (range(n), range(n - 1, -1, -1)):
        d = cap
        for i in sweep:
            d = 0 if i in marks else min(cap, d + 1)
            gap[i] = min(gap[i], d)
    return gap


def _text_columns(blocks: list[Block], kept, tset: set) -> tuple[list, ...]:
    """Per block, in one pass: chars, words, trafilatura cover, title Jaccard, punctuation.

    Cover is 1.0 when the block's text is in the trafilatura text, else 0.9 x its word
    share. Blocks mostly come in the text's own order, so the search starts where the
    last match ended; a block with an inner word missing from the text cannot be in it.
    """
    joined, vocab = kept if kept is not None else ("", set())
    known = vocab.__contains__
    sizes, words, cover, jac, punct = [], [], [], [], []
    pos = 0
    for b in blocks:
        text = b.text
        low = text.lower()
        toks = low.split()
        nw = len(toks) or 1
        sizes.append(len(text))
        words.append(nw)
        punct.append((text.count(".") + text.count(",") + text.count("?") + text.count("!")) / nw)
        if not tset or tset.isdisjoint(toks):
            jac.append(0.0)
        else:
            uniq = set(toks)
            common = len(tset.intersection(uniq))
            jac.append(common / ((len(uniq) + len(tset) - common) or 1))
        if kept is None or not toks:
            cover.append(0.0)
            continue
        at = joined.find(low, pos)
        if at < 0 and vocab.issuperset(toks[1:-1]):
            at = joined.find(low, 0, pos + len(low) - 1)
        if at >= 0:
            cover.append(1.0)
            pos = at + len(low)
        else:
            cover.append(0.9 * sum(map(known, toks)) / len(toks))
    return sizes, words, cover, jac, punct


def _shares(blocks: list[Block], cover: list[float], sizes: list[int]) -> tuple[dict, ...]:
    """Char-weighted trafilatura cover of the blocks sharing a box, hints, core-ness."""
    sums: tuple[dict, ...] = ({}, {}, {}, {}, {}, {})  # (cover x chars, chars) per key kind
    nb, db, nh, dh, nc, dc = sums
    for b, c, size in zip(blocks, cover, sizes, strict=True):
        w = c * size
        k = b.box
        nb[k] = nb.get(k, 0.0) + w
        db[k] = db.get(k, 0) + size
        k = b.hints
        nh[k] = nh.get(k, 0.0) + w
        dh[k] = dh.get(k, 0) + size
        k = b.core
        nc[k] = nc.get(k, 0.0) + w
        dc[k] = dc.get(k, 0) + size
    return tuple({k: num[k] / den[k] for k in num} for num, den in ((nb, db), (nh, dh), (nc, dc)))


def block_features(blocks: list[Block], kept: tuple | None, title: str) -> np.ndarray:
    """One feature row per block (see FEATURES), filled column by column; `kept` None =
    no trafilatura pass."""
    tset = set(title.lower().split()) if title else set()
    n = len(blocks)
    X = np.zeros((n, len(FEATURES)))
    if not n:
        return X
    sizes, words, cover, jac, punct = _text_columns(blocks, kept, tset)
    total = sum(sizes) or 1
    boxes = [b.box for b in blocks]
    hints = [b.hints for b in blocks]
    cores = [b.core for b in blocks]
    box_chars: dict = {}
    for k, size in zip(boxes, sizes, strict=True):
        box_chars[k] = box_chars.get(k, 0) + size
    full = [i for i, c in enumerate(cover) if c >= 1.0]
    first, last = (full[0], full[-1]) if full else (n, -1)
    log_chars = [math.log1p(x) for x in sizes]
    X[:, 0] = log_chars
    X[:, 1] = [math.log1p(w) for w in words]
    X[:, 2] = [b.link / size for b, size in zip(blocks, sizes, strict=True)]
    X[:, 3] = [b.text[-1] in _END for b in blocks]
    X[:, 4] = punct
    X[:, 5] = np.arange(n) / n
    size = np.array(sizes, dtype=float)
    X[:, 6] = (np.cumsum(size) - size) / total
    X[:, 7] = jac
    X[:, 8] = cover
    X[1:, 9] = cover[:-1]
    X[:-1, 10] = cover[1:]
    X[1:, 11] = log_chars[:-1]
    X[:-1, 12] = log_chars[1:]
    for col, keys, share in zip((13, 14, 18), (boxes, hints, cores),
                                _shares(blocks, cover, sizes), strict=True):
        X[:, col] = [share[k] for k in keys]
    X[:, 15] = [box_chars[k] / total for k in boxes]
    X[:, 16] = _gaps(full, n)
    X[:, 17] = cores
    X[:first, 19] = 1.0
    X[last + 1:, 20] = 1.0
    furniture = {h: bool(_BAD_HINT.search(h.lower())) for h in set(hints)}
    X[:, 21] = [furniture[h] for h in hints]
    X[:, 22:] = [_ONE_HOT.get(b.tag, _NO_TAG) for b in blocks]
    return X


FEATURES = ("log_chars", "log_words", "link_share", "ends_sentence", "punct_per_word",
            "pos_index", "pos_chars", "title_jaccard", "traf_cover", "traf_cover_prev",
            "traf_cover_next", "log_chars_prev", "log_chars_next", "box_cover", "hint_cover",
            "box_share", "gap_to_kept", "in_core", "core_cover", "before_kept", "after_kept",
            "hint_furniture") + tuple("tag_" + t for t in _TAGS)


@dataclass(frozen=True, slots=True)
class BlockModel:
    """Boosted trees over block features, all trees walked at once with numpy.

    Node arrays are flat over all trees; a leaf points to itself, so `depth` steps
    from the roots land every row on a leaf. Keep a block when p >= threshold.
    """

    feature: np.ndarray
    cut: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int
    base: float
    threshold: float = 0.5
    # the walk's arrays, indexed by 2 * node: children (2 * child + went_left), features,
    # cuts and leaf values; and the roots' features and cuts (the first step is a column take)
    walk: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        child2 = 2 * np.stack([self.right, self.left], 1).ravel()
        object.__setattr__(self, "walk", (
            child2, np.repeat(self.feature, 2), np.repeat(self.cut, 2), np.repeat(self.value, 2),
            self.feature[self.roots], self.cut[self.roots], 2 * self.roots))

    def proba(self, rows) -> np.ndarray:
        """P(body) per row; `rows` is block_features' array (or a list of rows)."""
        X = np.asarray(rows, dtype=float)
        child2, feature2, cut2, value2, root_feature, root_cut, roots2 = self.walk
        # 2 * node after one step, in C order (the leaf sum below must add in row order)
        node2 = child2[roots2 + np.ascontiguousarray(X[:, root_feature] <= root_cut)]
        if self.depth > 1:
            flat = X.ravel()
            start = (np.arange(len(X), dtype=np.int64) * X.shape[1])[:, None]
            for _ in range(self.depth - 1):
                node2 = child2[node2 + (flat[start + feature2[node2]] <= cut2[node2])]
        z = self.base + value2[node2].sum(1)
        return 1.0 / (1.0 + np.exp(-z))

    def keep(self, rows) -> list[bool]:
        if not len(rows):
            return []
        return (self.proba(rows) >= self.threshold).tolist()

    def to_json(self) -> str:
        d: dict = {"features": list(FEATURES)}
        for k in _ARRAYS:
            d[k] = getattr(self, k).tolist()
        d.update(depth=self.depth, base=self.base, threshold=self.threshold)
        return json.dumps(d)

    @classmethod
    def from_json(cls, text: str) -> BlockModel:
        d = json.loads(text)
        if d.pop("features", None) != list(FEATURES):
            raise ValueError("html_model.json was trained on other features; retrain it")
        return cls.from_lists(**d)

    @classmethod
    def from_lists(cls, feature, cut, left, right, value, roots, depth: int, base: float,
                   threshold: float = 0.5) -> BlockModel:
        return cls(np.asarray(feature, dtype=np.int64), np.asarray(cut, dtype=float),
                   np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64),
                   np.asarray(value, dtype=float), np.asarray(roots, dtype=np.int64),
                   int(depth), float(base), float(threshold))


_ARRAYS = ("feature", "cut", "left", "right", "value", "roots")


@lru_cache(maxsize=1)
def load_model() -> BlockModel | None:
    """The shipped model, or None when the data file is missing."""
    try:
        text = resources.files("newstrace").joinpath("data/html_model.json").read_text()
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return BlockModel.from_json(text)


__all__ = ["Block", "BlockModel", "FEATURES", "block_features", "blocks_of", "kept_grams",
           "load_model"]
