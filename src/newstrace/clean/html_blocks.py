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
from dataclasses import dataclass
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
_BAD_HINT = re.compile(
    r"relat|recommend|newsletter|subscri|signup|share|social|promo|sponsor|advert|\bads?\b|"
    r"comment|footer|\btags?\b|byline|author|caption|credit|breadcrumb|widget|sidebar|"
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


def _cover(low: str, words: list[str], kept) -> float:
    """1.0 when the block's text is in the trafilatura text, else its word share."""
    if not words:
        return 0.0
    joined, vocab = kept
    if low in joined:
        return 1.0
    return 0.9 * sum(w in vocab for w in words) / len(words)


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


def _group_cover(blocks: list[Block], cover: list[float], key) -> dict:
    """Char-weighted trafilatura cover of the blocks sharing key(block)."""
    num: dict = {}
    den: dict = {}
    for b, c in zip(blocks, cover, strict=True):
        k = key(b)
        num[k] = num.get(k, 0.0) + c * len(b.text)
        den[k] = den.get(k, 0) + len(b.text)
    return {k: num[k] / den[k] for k in num}


def block_features(blocks: list[Block], kept: tuple | None, title: str) -> list[list[float]]:
    """One feature row per block (see FEATURES); `kept` None = no trafilatura pass."""
    tset = set(title.lower().split()) if title else set()
    n = len(blocks)
    lows = [b.text.lower() for b in blocks]
    low_toks = [x.split() for x in lows]
    cover = [_cover(x, t, kept) if kept is not None else 0.0 for x, t in zip(lows, low_toks, strict=True)]
    total = sum(len(b.text) for b in blocks) or 1
    box_cover = _group_cover(blocks, cover, lambda b: b.box)
    hint_cover = _group_cover(blocks, cover, lambda b: b.hints)
    box_chars: dict = {}
    for b in blocks:
        box_chars[b.box] = box_chars.get(b.box, 0) + len(b.text)
    full = [i for i, c in enumerate(cover) if c >= 1.0]
    gap = _gaps(full, n)
    first, last = (full[0], full[-1]) if full else (n, -1)
    core_cover = _group_cover(blocks, cover, lambda b: b.core)
    furniture = {h: float(bool(_BAD_HINT.search(h.lower()))) for h in hint_cover}
    log_chars = [math.log1p(len(b.text)) for b in blocks]
    seen = 0
    rows = []
    for i, b in enumerate(blocks):
        text = b.text
        toks = low_toks[i]
        nw = len(toks) or 1
        chars = len(text)
        if tset and not tset.isdisjoint(toks):
            low = set(toks)
            common = len(tset.intersection(low))
            title = common / ((len(low) + len(tset) - common) or 1)
        else:
            title = 0.0
        punct = sum(map(text.count, ".,?!")) / nw
        row = [
            log_chars[i], math.log1p(nw), b.link / chars, float(text[-1] in _END), punct,
            i / n, seen / total, title,
            cover[i], cover[i - 1] if i else 0.0, cover[i + 1] if i + 1 < n else 0.0,
            log_chars[i - 1] if i else 0.0, log_chars[i + 1] if i + 1 < n else 0.0,
            box_cover[b.box], hint_cover[b.hints], box_chars[b.box] / total, gap[i],
        ]
        row.extend((float(b.core), core_cover[b.core], float(i < first), float(i > last),
                    furniture[b.hints]))
        row.extend(_ONE_HOT.get(b.tag, _NO_TAG))
        rows.append(row)
        seen += chars
    return rows


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

    def proba(self, rows: list[list[float]]) -> np.ndarray:
        X = np.asarray(rows, dtype=float)
        flat = X.ravel()
        start = (np.arange(len(X), dtype=np.int64) * X.shape[1])[:, None]
        child = np.stack([self.right, self.left], 1).ravel()  # 2*node + went_left
        node = np.broadcast_to(self.roots, (len(X), len(self.roots)))
        for _ in range(self.depth):
            go_left = flat[start + self.feature[node]] <= self.cut[node]
            node = child[2 * node + go_left]
        z = self.base + self.value[node].sum(1)
        return 1.0 / (1.0 + np.exp(-z))

    def keep(self, rows: list[list[float]]) -> list[bool]:
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
