"""HTML page -> body lines + metadata, wrapping trafilatura.

One lxml parse per page: metadata and figure captions are read from the tree, tags
no extractor keeps are stripped in C, the tree is narrowed to the block holding most
of the page's <p> text (`narrow_tree`), and trafilatura (fast mode) runs on that.
The narrowed block is then cut into text blocks (`html_blocks`, which also knows
which ones sit inside the paragraphs' own container); a small learned model
(boosted trees shipped as data/html_model.json, trained by `train_html`) keeps or
drops each block, using how much of it trafilatura kept as its main evidence, plus
its neighbours, container, link share and shape. This recovers subheads, lists and
split article bodies trafilatura drops, and drops related/newsletter boxes it keeps.
When the model keeps almost nothing, or runs away (`max_growth` times trafilatura's
text), trafilatura's own lines are used; when those are short too, a second
extractor is tried (readability-lxml from the `bench` extra if installed, else
trafilatura's full cascade). Lines then go through `html_filters` (repeated
headline, link-bait and share/subscribe debris). Credit lines around the story
(an article's <footer>, a "Source:" box beside or after it) are read apart, as
text pages' are (`html_credits`); every credit line keeps its link target (`Line.link`:
the href the extracted text drops), which the body lines' text never shows.
"""

from __future__ import annotations

import logging
import re
from copy import copy
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from ..errors import ExtractionError, InputError
from ..records import Found, Line
from .credits import link_domain
from .html_credits import (
    NEXT_SIBLINGS,
    add_links,
    block_credit_lines,
    credit_lines,
    footer_credit_lines,
)
from .html_filters import filter_lines
from .html_meta import extract_meta

log = logging.getLogger(__name__)

# Tags whose content no extractor keeps: removed before extraction (saves tree walks).
_STRIP = ("script", "style", "noscript", "svg", "template", "link", "meta", "iframe",
          "embed", "object", "nav", "footer", "aside", "button", "select", "input",
          "textarea", "img", "picture", "source", "video", "audio", "canvas", "map", "track")
_KIND = {"p": "paragraph", "quote": "paragraph", "item": "paragraph", "head": "subhead",
         "code": "paragraph", "row": "paragraph"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WS = re.compile(r"\s+")
CORE = "data-newstrace-core"  # marks the element holding the page's <p> text


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """How `extract_html` works. Defaults suit news pages."""

    # trafilatura's mode: recall (default: keeps more, then the block model and filters
    # judge; also its fastest) | balanced | precision (slower)
    favor: str = "recall"
    fallback: bool = True  # try a second extractor when the first finds < min_chars
    min_chars: int = 250
    captions: bool = True  # report <figcaption> lines next to the paragraph they follow
    filters: bool = True  # drop repeated headline and debris lines (see html_filters)
    dates: bool = True  # ask htmldate when <meta>/JSON-LD give no date
    narrow: bool = True  # hand trafilatura only the block holding most <p> text
    narrow_share: float = 0.8  # ... when one block holds this share of it
    # let the learned block model (html_blocks) choose the lines from the narrowed block
    # (bench/extract_html.py: CV F1 0.979 vs 0.973 without, ~20% slower); False =
    # trafilatura's lines
    model: bool = True
    # ... unless it keeps this many times more text than trafilatura did (a runaway)
    max_growth: float = 2.5
    # read credit lines ("Source: ...", "First appeared on ...", "© Agency") around the
    # story too, not only in the extracted body (`html_credits`)
    page_credits: bool = True


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """Kept body lines in page order, dropped ones (keep=False + reason), metadata."""

    lines: list[Line]
    meta: dict[str, Found]
    method: str
    removed: list[Line] = field(default_factory=list)
    credits: list[Line] = field(default_factory=list)  # credit lines around the story, outside the body

    @property
    def text(self) -> str:
        """The article body: paragraphs and subheads (not captions), blank-line joined."""
        return "\n\n".join(x.text for x in self.lines if x.kind != "caption")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def check_html(html: str, source: str = "<html>") -> None:
    """Raise InputError when `html` is not markup text (binary junk, control bytes)."""
    head = html[:4096]
    if not head.strip():
        raise InputError(source, "", "empty page", "skip empty records")
    bad = len(_CONTROL.findall(head)) + head.count("\ufffd")
    if "\x00" in head or bad > 0.02 * len(head) or "<" not in head:
        raise InputError(
            source, "", "not HTML (binary or control bytes)",
            "pass decoded HTML text (see newstrace.ingest.decode.decode_html) and skip "
            "non-HTML records such as images or PDFs",
        )


def _parser(encoding: str | None = None):
    """lxml.html parser giving one element class for every tag, looked up in C.

    lxml.html's default lookup calls Python for each element touched (to give forms
    and inputs their own classes), which no stage here needs.
    """
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding=encoding,
                                  remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement))
    return parser


def parse_html(html: str, source: str = "<html>"):
    """One lxml.html tree for the page (raises InputError when it is not HTML).

    The text goes to lxml as UTF-8 bytes (the same tree, parsed faster than a str),
    except text with an XML declaration or with lone surrogates.
    """
    import lxml.html
    from lxml import etree

    check_html(html, source)
    data = None
    if not html.startswith("<?xml"):
        try:
            data = html.encode("utf-8")
        except UnicodeEncodeError:
            pass
    try:
        if data is not None:
            return lxml.html.document_fromstring(data, parser=_parser("utf-8"))
        try:
            return lxml.html.document_fromstring(html, parser=_parser())
        except ValueError:  # a string carrying an XML encoding declaration
            return lxml.html.document_fromstring(html.encode("utf-8"), parser=_parser())
    except etree.ParserError as err:
        raise InputError(source, "", f"unparsable HTML: {err}") from err


def _captions(tree) -> list[tuple[str, str]]:
    """(caption, text of the paragraph just before its figure) per <figcaption>."""
    out = []
    for cap in tree.iter("figcaption"):
        text = _norm(cap.text_content())
        if not text:
            continue
        prev = cap.xpath("preceding::p[1]")
        out.append((text, _norm(prev[0].text_content()) if prev else ""))
    return out


def _lines_of(body) -> list[Line]:
    """Lines from trafilatura's XML body: one per block, kinds from tags, loose text too."""
    out: list[Line] = []

    def add(text: str | None, kind: str) -> None:
        text = _norm(text or "")
        if text:
            out.append(Line(text, -1, -1, True, "", kind))

    def walk(node) -> None:
        add(node.text, "paragraph")
        for el in node:
            if el.tag in _KIND:
                kind = _KIND[el.tag]
                if kind == "subhead" and el.get("rend") == "h1":
                    kind = "headline"
                sep = " " if el.tag == "row" else ""
                add(sep.join(el.itertext()), kind)
            elif len(el):
                walk(el)  # container (list, table, div): its blocks become lines
            else:
                add(el.text, "paragraph")
            add(el.tail, "paragraph")

    walk(body)
    return out


def narrow_tree(tree, share: float = 0.8, after: list | None = None):
    """A small document holding only the block with `share` of the page's <p> text.

    The deepest element holding that share, then its parent (lists, subheads and
    tables often sit beside the paragraphs' own container). None when no block
    below <body> qualifies. Moves the block out of `tree`; `after`, when given,
    gets the elements that followed it (up to NEXT_SIBLINGS, for `html_credits`).
    """
    import lxml.html

    own: dict = {}  # element -> <p> text directly inside it
    total = 0
    for p in tree.iter("p"):
        n = len(p.text_content())
        if n < 20:
            continue
        total += n
        parent = p.getparent()
        if parent is not None:
            own[parent] = own.get(parent, 0) + n
    if not total:
        return None
    held: dict = {}  # element -> <p> text anywhere below it
    for el, n in own.items():
        held[el] = held.get(el, 0) + n
        for a in el.iterancestors():
            held[a] = held.get(a, 0) + n
    best, depth = None, -1
    for el, n in held.items():
        if n >= share * total:
            d = sum(1 for _ in el.iterancestors())
            if d > depth:
                best, depth = el, d
    parent = best.getparent() if best is not None else None
    if parent is not None and parent.tag not in ("body", "html"):
        best.set(CORE, "1")  # html_blocks tells the paragraphs' own container apart
        best = parent
    if best is None or best.tag in ("body", "html"):
        return None
    if after is not None:
        after.extend(islice(best.itersiblings(), NEXT_SIBLINGS))
    doc = lxml.html.document_fromstring("<html><head></head><body></body></html>",
                                        parser=_parser())
    doc.find("body").append(best)
    return doc


@lru_cache(maxsize=8)
def _settings(favor: str, fast: bool):
    """trafilatura's Extractor for these options (building one reads its config: slow)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=fast, precision=favor == "precision",
                     recall=favor == "recall", comments=False, tables=True)


def _trafilatura_doc(tree, url, options: HtmlOptions, fast: bool):
    """trafilatura's (XML body or None, plain text) for a tree."""
    import trafilatura

    settings = copy(_settings(options.favor, fast))  # a copy per page: it holds the url
    settings.url = url
    settings.source = url and url.encode("utf-8", "replace").decode("utf-8")
    doc = trafilatura.bare_extraction(tree, url=url, fast=fast, options=settings)
    if doc is None:
        return None, ""
    return doc.body, doc.text or ""


def _trafilatura(tree, url, options: HtmlOptions, fast: bool) -> list[Line]:
    body, _ = _trafilatura_doc(tree, url, options, fast)
    return _lines_of(body) if body is not None else []


def _readability(html: str) -> list[Line] | None:
    try:
        from readability import Document
    except ImportError:
        return None
    import lxml.html

    try:
        summary = Document(html).summary(html_partial=True)
    except Exception as err:  # third-party parser: a failure means "no answer"
        log.debug("readability failed: %s", err)
        return None
    node = lxml.html.fragment_fromstring(summary, create_parent="div")
    out = []
    for el in node.iter("p", "h2", "h3", "h4", "li", "blockquote", "pre"):
        if el.tag == "p" and any(a.tag in ("li", "blockquote") for a in el.iterancestors()):
            continue
        text = _norm(el.text_content())
        if text:
            kind = "subhead" if el.tag in ("h2", "h3", "h4") else "paragraph"
            out.append(Line(text, -1, -1, True, "", kind))
    return out


def _size(lines: list[Line]) -> int:
    return sum(len(x.text) for x in lines if x.kind != "headline")


def _add_captions(lines: list[Line], caps: list[tuple[str, str]]) -> list[Line]:
    if not caps:
        return lines
    after: dict[str, list[str]] = {}
    for cap, prev in caps:
        if prev:
            after.setdefault(prev, []).append(cap)
    out = []
    seen = {x.text for x in lines}
    for line in lines:
        out.append(line)
        for cap in after.pop(line.text, []):
            if cap not in seen:
                out.append(Line(cap, -1, -1, True, "", "caption"))
                seen.add(cap)
    return out


@dataclass(slots=True)
class PageParts:
    """What one parse of a page gives before the body lines are chosen."""

    meta: dict[str, Found]
    captions: list[tuple[str, str]]
    blocks: list  # html_blocks.Block of the narrowed tree ([] when not narrowed)
    body: object  # trafilatura's XML body (None when it found nothing)
    traf_text: str  # ... and its plain text
    method: str
    credits: list[Line] = field(default_factory=list)  # credit lines around the story (html_credits)
    root: object = None  # the element holding the story: credit lines' links are read there
    page: str | None = None  # the page's own domain (its links credit no one)

    @property
    def lines(self) -> list[Line]:
        """trafilatura's lines (built on demand: the block model reads only the text)."""
        return _lines_of(self.body) if self.body is not None else []


def page_parts(html: str, url: str | None, opts: HtmlOptions) -> PageParts:
    """Parse once: metadata, captions, narrowed blocks and trafilatura's lines."""
    from lxml import etree

    from .html_blocks import blocks_of

    tree = parse_html(html, url or "<html>")
    meta = extract_meta(tree, url, dates=opts.dates)
    caps = _captions(tree) if opts.captions else []
    page = link_domain(url)
    credits = footer_credit_lines(tree, page) if opts.page_credits else []  # before <footer>s go
    etree.strip_elements(tree, *_STRIP, with_tail=False)
    after: list = []
    small = narrow_tree(tree, opts.narrow_share, after) if opts.narrow else None
    method = "html:trafilatura" if small is None else "html:trafilatura+narrow"
    try:
        body, text = _trafilatura_doc(tree if small is None else small, url, opts, fast=True)
    except Exception as err:  # trafilatura raises bare ValueError/TypeError on odd trees
        raise ExtractionError(f"trafilatura failed on {url or 'page'}: {err}") from err
    # trafilatura works on a copy; walking the tree after it, not before, keeps it fast
    blocks = blocks_of(small.find("body")) if small is not None and opts.model else []
    if opts.page_credits:  # around the story: the blocks beside it and the elements after it
        credits += block_credit_lines(blocks, page) + credit_lines(after, page)
    root = (tree if small is None else small).find("body")
    return PageParts(meta, caps, blocks, body, text, method, credits, root, page)


_BLOCK_KIND = {"h1": "headline", "h2": "subhead"}


def choose_blocks(parts: PageParts, model) -> tuple[list[Line], list[Line]] | None:
    """(kept, dropped) blocks by the learned model (None when there are none to judge)."""
    from .html_blocks import block_features, kept_grams

    if not parts.blocks or model is None:
        return None
    title = parts.meta["title"].value if "title" in parts.meta else ""
    rows = block_features(parts.blocks, kept_grams([parts.traf_text]), title)
    kept: list[Line] = []
    dropped: list[Line] = []
    for b, keep in zip(parts.blocks, model.keep(rows), strict=True):
        if b.tag == "figcaption":  # captions are placed by _add_captions, as on other paths
            continue
        kind = _BLOCK_KIND.get(b.tag, "paragraph")
        if keep:
            kept.append(Line(b.text, -1, -1, True, "", kind))
        else:
            dropped.append(Line(b.text, -1, -1, False, "block model", kind))
    return kept, dropped


def _model(opts: HtmlOptions):
    if not opts.model:
        return None
    from .html_blocks import load_model

    return load_model()


def extract_html(html: str, url: str | None = None, *,
                 options: HtmlOptions | None = None, model=None) -> HtmlExtract:
    """Body lines, metadata and the path taken for one HTML page.

    `model` overrides the shipped block model (html_blocks.BlockModel), for training.
    Raises InputError for input that is not HTML; an HTML page with no findable body
    gives no lines (method "html:empty"), not an error.
    """
    opts = options or HtmlOptions()
    return finish_page(page_parts(html, url, opts), html, url, opts, model or _model(opts))


def finish_page(parts: PageParts, html: str, url: str | None, opts: HtmlOptions,
                model) -> HtmlExtract:
    """The second half of `extract_html`: choose, fall back, add captions, filter, link credits."""
    judged = choose_blocks(parts, model)
    removed: list[Line] = []
    traf = len(parts.traf_text)
    if judged is not None and _size(judged[0]) >= opts.min_chars and (
            _size(judged[0]) <= opts.max_growth * traf or traf < opts.min_chars):
        (lines, removed), method = judged, "html:blocks"
    else:
        lines, method = parts.lines, parts.method
    if opts.fallback and _size(lines) < opts.min_chars:
        other = _readability(html)
        name = "html:readability"
        if other is None:
            other, name = _trafilatura(parse_html(html), url, opts, fast=False), "html:trafilatura-full"
        if _size(other) > _size(lines):
            lines, method, removed = other, name, []
    meta = parts.meta
    if lines:
        lines = _add_captions(lines, parts.captions)
        if opts.filters:
            title = meta["title"].value if "title" in meta else None
            lines, filtered = filter_lines(lines, title)
            removed = removed + filtered
    credits = parts.credits
    if opts.page_credits:  # the links of credit lines, in the body or beside it
        both = add_links(lines + credits, parts.root, parts.page)
        lines, credits = both[:len(lines)], both[len(lines):]
    if not lines:
        return HtmlExtract([], meta, "html:empty", [], credits)
    return HtmlExtract(lines, meta, method, removed, credits)


__all__ = ["HtmlOptions", "HtmlExtract", "extract_html", "parse_html", "check_html"]
