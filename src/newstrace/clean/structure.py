"""Turn a cleaned page (raw document + per-line decisions) into an `Article`.

`build_article(raw, lines, meta, nlp=None)`: the kept lines become the body
(`text`, blocks joined by "\\n\\n"), with paragraph / subhead / caption spans,
headline, byline, dateline, credits, counters, published date (`published`), quotes
and (when `nlp` is given) entities. Every dropped line, including the ones
dropped here (headline copies, credit lines, bylines, counters), is kept in
`removed` with raw offsets and a reason.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from newstrace.clean.author_box import tail_byline
from newstrace.clean.blocks import is_caption, is_subhead, is_terminal, parse_byline, split_glued
from newstrace.clean.byline import head_byline, read_byline
from newstrace.clean.counters import parse_counters, strip_counters
from newstrace.clean.credits import outlet_for, parse_credit, with_link
from newstrace.clean.dateline import find_dateline, normalise_agency
from newstrace.clean.dates import date_line
from newstrace.clean.entities import find_entities
from newstrace.clean.headline import find_headline, first_kept_row
from newstrace.clean.published import find_published
from newstrace.clean.quotes import find_quotes
from newstrace.records import (
    Article,
    Counter,
    Credit,
    Dateline,
    Found,
    Line,
    RawDoc,
    Removed,
    Span,
)

log = logging.getLogger(__name__)

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_KINDS = {"paragraph", "subhead", "caption"}


@dataclass
class _Block:
    text: str
    kind: str  # paragraph | subhead | caption | "" (undecided)
    rows: list[int]  # line indices


def clean_line(text: str) -> str:
    """One line of body text: invisible characters out, whitespace runs to one space."""
    return " ".join((text if text.isascii() else _INVISIBLE.sub("", text)).split())


def build_article(raw: RawDoc, lines: Sequence[Line], meta: Mapping[str, Found] | None = None,
                  *, nlp=None) -> Article:
    """The structured Article for one document (see module doc)."""
    meta = meta or {}
    meta_title = meta.get("title") or (Found(raw.title, "input title") if raw.title else None)
    title, headline_rows = find_headline(lines, meta_title)
    removed: list[Removed] = []
    credits: list[Credit] = []
    counters: list[Counter] = []
    byline: Found | None = meta.get("byline") or meta.get("author")
    body: list[int] = []
    first_kept = first_kept_row(lines, 0)
    texts = [clean_line(ln.text) for ln in lines]
    kept = _kept_before(lines)
    named = -1  # a kept line read as the byline (a name under a bare "By")
    if byline is None:  # "By Jane Doe" above the story
        head = head_byline(lines, first_kept, headline_rows)
        if head is not None:
            ln = lines[head[2]]
            byline = Found(head[0], head[1], ln.start, ln.end)
            named = head[2] if ln.keep else -1
    for i, ln in enumerate(lines):
        text = texts[i]
        if i == named:
            removed.append(Removed(ln.text, ln.start, ln.end, "byline"))
            continue
        if not text:
            if not ln.keep or ln.text.strip(" \t\r\n"):
                removed.append(Removed(ln.text, ln.start, ln.end, ln.reason or "empty"))
            continue
        credit = parse_credit(text)
        if credit is not None and credit[2] in ("url", "domain") and ln.keep and _mid_body(kept, i):
            credit = None  # a bare link inside the story is a reference, not a credit line
        if credit is not None:
            credit = with_link(credit, ln.link)  # an HTML line's href: the domain its text lacks
            credits.append(Credit(credit[0], credit[1], credit[2], ln.text, ln.start, ln.end, ln.link))
            removed.append(Removed(ln.text, ln.start, ln.end, "credit"))
            continue
        whole = parse_counters(text)
        found = whole or (parse_counters(text[len(strip_counters(text)):])
                          if i in headline_rows or not ln.keep else [])
        counters.extend(Counter(label, value, ln.text, ln.start, ln.end) for label, value in found)
        if i in headline_rows:
            removed.append(Removed(ln.text, ln.start, ln.end, ln.reason or "headline"))
            continue
        if not ln.keep:
            removed.append(Removed(ln.text, ln.start, ln.end, ln.reason or "dropped"))
            continue
        if whole:
            removed.append(Removed(ln.text, ln.start, ln.end, "counter"))
            continue
        if len(text) <= 80 and date_line(text) is not None:
            removed.append(Removed(ln.text, ln.start, ln.end, "date"))
            continue
        by = parse_byline(text) if ln.kind in ("", "byline") else None
        if by is not None and (ln.kind == "byline" or len(body) < 3 or _near_end(kept, i)):
            byline = byline or Found(by[0], "byline line", ln.start, ln.end)
            _byline_credit(by[1], ln, credits)
            removed.append(Removed(ln.text, ln.start, ln.end, "byline"))
            continue
        read = read_byline(text) if ln.kind == "" and (len(body) < 3 or _near_end(kept, i)) else None
        if read is not None and read[1] == "byline":  # "Текст: Венера Ерофеева·24 сентября 2018"
            byline = byline or Found(read[0], "byline line", ln.start, ln.end)
            removed.append(Removed(ln.text, ln.start, ln.end, "byline"))
            continue
        body.append(i)
    if byline is None:  # "About the author", "Jane Doe is a staff writer at ..." after the story
        tail = tail_byline(lines, body)
        if tail is not None:
            ln = lines[tail[2]]
            byline = Found(tail[0], tail[1], ln.start, ln.end)
    blocks = _kinds(_split_captions(_group(raw, lines, body, texts)))
    text, spans = _layout(blocks)
    paragraphs = tuple(s for s in spans if s.kind == "paragraph")
    dateline = _dateline(text, paragraphs)
    return Article(
        doc_id=raw.doc_id,
        text=text,
        site=raw.site,
        url=raw.url,
        title=title,
        byline=byline,
        published=find_published(raw, lines, meta, dateline, headline_rows, texts),
        lang=meta["lang"].value if meta.get("lang") else None,
        dateline=dateline,
        credits=tuple(credits),
        paragraphs=paragraphs,
        subheads=tuple(s for s in spans if s.kind == "subhead"),
        captions=tuple(s for s in spans if s.kind == "caption"),
        quotes=find_quotes(text, paragraphs),
        entities=find_entities(text, nlp) if nlp is not None else (),
        counters=tuple(counters),
        removed=tuple(removed),
        method="text:lines" if any(ln.start >= 0 for ln in lines) else "html:lines",
    )


def _kept_before(lines: Sequence[Line]) -> list[int]:
    """Item i: how many of lines[:i] the cleaner kept (one item more than lines)."""
    return [0, *accumulate(1 if ln.keep else 0 for ln in lines)]


def _mid_body(kept: list[int], i: int) -> bool:
    return kept[i] >= 2 and not _near_end(kept, i, 3)


def _near_end(kept: list[int], i: int, n: int = 2) -> bool:
    """At most n kept lines after line i (`kept` from `_kept_before`)."""
    return kept[-1] - kept[i + 1] <= n


def _byline_credit(org: str | None, ln: Line, credits: list[Credit]) -> None:
    """`Jane Doe | Reuters`: the agency in a byline is a credit too."""
    if not org:
        return
    agency = normalise_agency(org)
    outlet, domain = outlet_for(agency or org)
    if agency or domain:
        credits.append(Credit(outlet, domain, "byline", ln.text, ln.start, ln.end))


def _wrap_width(raw: RawDoc, lines: Sequence[Line], body: list[int]) -> float:
    """The width a hard-wrapped text is broken at, or 0 when it is not wrapped."""
    if not body or lines[body[0]].start < 0:
        return 0.0
    glued = [a for a, b in zip(body, body[1:], strict=False) if _single_break(raw, lines[a], lines[b])]
    if len(glued) < 3:
        return 0.0
    width = statistics.median(len(lines[a].text) for a in glued)
    longest = max(len(lines[i].text) for i in body)
    wrapped = longest <= 110 and width >= 50 and \
        sum(not is_terminal(lines[a].text) for a in glued) >= 0.5 * len(glued)
    return float(width) if wrapped else 0.0


def _single_break(raw: RawDoc, a: Line, b: Line) -> bool:
    if a.start < 0 or b.start < 0 or a.end > b.start:
        return False
    return raw.body[a.end:b.start].count("\n") == 1


def _group(raw: RawDoc, lines: Sequence[Line], body: list[int], texts: Sequence[str]) -> list[_Block]:
    """Body lines into blocks: one per line, or per wrapped paragraph (`texts`: the lines cleaned)."""
    width = _wrap_width(raw, lines, body)
    blocks: list[_Block] = []
    prev: int | None = None
    for i in body:
        ln = lines[i]
        kind = ln.kind if ln.kind in _KINDS else ""
        joins = (width > 0 and prev is not None and prev == i - 1 and blocks and not blocks[-1].kind
                 and not kind and len(lines[prev].text) >= 0.6 * width
                 and _single_break(raw, lines[prev], ln))
        if joins:
            blocks[-1].text += " " + texts[i]
            blocks[-1].rows.append(i)
        else:
            blocks.append(_Block(texts[i], kind, [i]))
        prev = i
    return blocks


def _split_captions(blocks: list[_Block]) -> list[_Block]:
    """Split "…Arctic CouncilThe Russian foreign minister…" into caption + paragraph."""
    out: list[_Block] = []
    for b in blocks:
        cut = split_glued(b.text) if b.kind in ("", "paragraph") else None
        if cut is not None and is_caption(b.text[:cut]):
            out.append(_Block(b.text[:cut].strip(), "caption", b.rows))
            out.append(_Block(b.text[cut:].strip(), "paragraph", b.rows))
        else:
            out.append(b)
    return out


def _kinds(blocks: list[_Block]) -> list[_Block]:
    """Decide caption / subhead / paragraph for undecided blocks."""
    for n, b in enumerate(blocks):
        if b.kind:
            continue
        if is_caption(b.text):
            b.kind = "caption"
        elif is_subhead(b.text) and n > 0 and n + 1 < len(blocks) \
                and _prose(blocks[n + 1]) and not is_subhead(blocks[n - 1].text) \
                and not (blocks[n - 1].kind == "subhead"):
            b.kind = "subhead"
        else:
            b.kind = "paragraph"
    return blocks


def _prose(b: _Block) -> bool:
    """A block that reads as running text (a subhead must lead into one)."""
    return b.kind in ("", "paragraph") and (len(b.text.split()) >= 12 or is_terminal(b.text))


def _layout(blocks: list[_Block]) -> tuple[str, list[Span]]:
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for b in blocks:
        if not b.text:
            continue
        if parts:
            pos += 2
        parts.append(b.text)
        spans.append(Span(pos, pos + len(b.text), b.kind))
        pos += len(b.text)
    return "\n\n".join(parts), spans


def _dateline(text: str, paragraphs: Sequence[Span]) -> Dateline | None:
    for span in paragraphs[:3]:
        hit = find_dateline(text[span.start:span.end])
        if hit is not None:
            return Dateline(hit.text, hit.place, hit.agency, hit.date,
                            span.start + hit.start, span.start + hit.start + len(hit.text))
    return None


__all__ = ["build_article", "clean_line"]
