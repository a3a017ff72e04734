"""Clean stage: a RawDoc becomes an Article (body, structure, evidence)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..records import Article, Found, RawDoc, Removed


@dataclass(frozen=True, slots=True)
class CleanOptions:
    entities: bool = False  # run spaCy NER (needs the nlp extra)
    # site -> keys of lines that recur across many of its pages (from a corpus pass)
    site_lines: tuple[tuple[str, frozenset[int]], ...] = ()

    def common_lines(self, site: str | None) -> frozenset[int] | None:
        for name, keys in self.site_lines:
            if name == site:
                return keys
        return None


def clean_document(raw: RawDoc, options: CleanOptions | None = None, *, nlp=None) -> Article:
    """The clean article of one document. Raises on pages that cannot be cleaned."""
    from .structure import build_article

    options = options or CleanOptions()
    meta: dict[str, Found] = {}
    dropped: list = []
    if raw.kind == "html":
        from .html import extract_html

        extract = extract_html(raw.body, raw.url)
        lines, meta, method = extract.lines, dict(extract.meta), extract.method
        body = {ln.text for ln in lines}
        lines = lines + [ln for ln in extract.credits if ln.text not in body]
        dropped = [ln for ln in extract.removed if ln.text not in body]  # blocks left out of the body
    else:
        from .text import classify_lines

        # the input's title, when the text lacks it (an export's title field; a scraper that
        # leaves the <title> out): the cleaner reads the page against its title
        lines = classify_lines(raw.body, common_lines=options.common_lines(raw.site), title=raw.title)
        method = "text:lines"
    if raw.title:
        meta["title"] = Found(raw.title, "input field title")
    if raw.published:
        meta["published"] = Found(raw.published, "input field published")
    article = build_article(raw, lines, meta or None, nlp=nlp if options.entities else None)
    if article.published is None:
        from .infer_date import infer_date

        found = infer_date(article.text, captions=article.captions)
        if found is not None:
            article = replace(article, published=found)
    if dropped:  # kept with their reasons, as a text page's dropped lines are (UI, audits, trace)
        seen = {r.text for r in article.removed}
        more = tuple(Removed(ln.text, -1, -1, ln.reason or "dropped") for ln in dropped if ln.text not in seen)
        article = replace(article, removed=article.removed + more)
    return _with(article, raw, method)


def _with(article: Article, raw: RawDoc, method: str) -> Article:
    return replace(
        article,
        doc_id=raw.doc_id,
        site=article.site or raw.site,
        url=article.url or raw.url,
        method=method,
    )


__all__ = ["CleanOptions", "clean_document"]
