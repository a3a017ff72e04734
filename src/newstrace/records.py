"""The record types that flow between stages. No I/O here.

Every offset is a character offset: spans on an `Article` point into its
`text` (the clean body) unless the field says `raw`, which points into the
`RawDoc.body` it came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document, as read. `error` is set when reading failed."""

    doc_id: str
    source: str  # the input file
    locator: str  # where in the file: "" (whole file), "line 12", "record 7", "row 3"
    kind: str  # "html" | "text"
    body: str
    url: str | None = None
    site: str | None = None
    fetched_at: str | None = None
    published: str | None = None
    title: str | None = None
    extra: str | None = None  # JSON of input fields newstrace does not use (passthrough)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document with the cleaner's decision.

    `start`/`end` are offsets into the raw body (HTML extraction yields lines
    whose offsets are -1: they come from the DOM, not from the raw bytes).
    `kind` is what the line is when kept: paragraph | subhead | caption |
    headline | byline | dateline | "" (unknown).
    """

    text: str
    start: int
    end: int
    keep: bool
    reason: str = ""  # why dropped: "repeated headline", "counter", "navigation", ...
    kind: str = ""
    link: str | None = None  # an HTML credit line's link target (the href naming the outlet)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str = ""  # paragraph | subhead | caption | headline | byline ...


@dataclass(frozen=True, slots=True)
class Removed:
    """A debris line dropped by the cleaner, with offsets into the raw body."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Found:
    """A scalar field's value plus where it came from (evidence)."""

    value: str
    evidence: str  # e.g. "meta og:title", "repeated line x5", "dateline"
    start: int = -1  # offsets into the raw body, -1 when not from the text
    end: int = -1


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str
    place: str | None
    agency: str | None
    date: str | None
    start: int  # offsets into Article.text
    end: int


@dataclass(frozen=True, slots=True)
class Credit:
    """A line naming the outlet the text came from (`Sourse: sputniknews.com`)."""

    outlet: str  # normalised outlet name, e.g. "sputniknews.com" or "Reuters"
    domain: str | None
    # source | via | read-more | first-appeared | partner | copyright | hat-tip | credit | domain | url
    # | with ("With inputs from PTI") | agency (a wire's name alone, "— PTI") | signoff (a wire's own
    # sign-off, "(Reporting by ...; Editing by ...)": who wrote the text) | byline
    form: str
    line: str
    start: int  # offsets into the raw body
    end: int
    link: str | None = None  # the URL the credit links to on an HTML page (its href), if any


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None
    kind: str  # direct | according-to
    start: int  # offsets into Article.text
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str  # PERSON | ORG | GPE | ...
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Counter:
    """A number the page showed outside the text (views, votes, rating)."""

    label: str  # views | comments | votes | rating | unlabelled
    value: str
    line: str
    start: int  # raw offsets
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    text: str  # the clean body, paragraphs joined by "\n\n"
    site: str | None = None
    url: str | None = None
    title: Found | None = None
    byline: Found | None = None
    published: Found | None = None
    lang: str | None = None
    dateline: Dateline | None = None
    credits: tuple[Credit, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    subheads: tuple[Span, ...] = ()
    captions: tuple[Span, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    counters: tuple[Counter, ...] = ()
    removed: tuple[Removed, ...] = ()
    method: str = ""  # which cleaner produced it: "html:trafilatura", "text:lines" ...


@dataclass(frozen=True, slots=True)
class Alignment:
    """A passage two documents share. Spans are offsets into each Article.text."""

    a: str
    b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float  # matched shingles in the passage
    identity: float  # share of aligned characters that are identical


@dataclass(frozen=True, slots=True)
class Member:
    doc_id: str
    family_id: str
    role: str  # copy | partial
    coverage: float  # share of this document's text shared with the family


@dataclass(frozen=True, slots=True)
class Provenance:
    doc_id: str
    family_id: str
    origin_doc_id: str | None  # None when the origin is not in the corpus
    origin_outlet: str | None
    parent_doc_id: str | None
    credit_status: str  # origin | credited | uncredited | miscredited
    confidence: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Edit:
    doc_id: str
    parent_doc_id: str
    op: str  # added | removed | changed | headline
    text: str  # the passage in the copy (added/changed) or in the parent (removed)
    parent_text: str | None
    start: int  # offsets into the copy's text (-1 for removed)
    end: int


def to_dict(record: Any) -> dict:
    """A record as plain dicts/lists (tuples become lists), for JSON and tables."""
    return asdict(record)


def from_dict(cls: type, data: dict) -> Any:
    """Rebuild a record (with nested records) from `to_dict` output."""
    return _build(cls, data)


_NESTED = {
    "title": Found,
    "byline": Found,
    "published": Found,
    "dateline": Dateline,
    "credits": Credit,
    "paragraphs": Span,
    "subheads": Span,
    "captions": Span,
    "quotes": Quote,
    "entities": Entity,
    "counters": Counter,
    "removed": Removed,
}


def _build(cls: type, data: dict) -> Any:
    kwargs = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        sub = _NESTED.get(f.name) if cls is Article else None
        if sub is not None and value is not None:
            if isinstance(value, list):
                value = tuple(sub(**v) for v in value)
            else:
                value = sub(**value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


__all__ = [
    "RawDoc", "Span", "Removed", "Found", "Dateline", "Credit", "Quote", "Entity",
    "Counter", "Article", "Alignment", "Member", "Provenance", "Edit", "Line",
    "to_dict", "from_dict",
]
