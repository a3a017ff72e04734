"""Provenance of a document in no reuse family: its own origin, or a credited copy of
an outlet outside the corpus (a credit line or a dateline agency names it)."""

from __future__ import annotations

from ..clean.credits import WIRE_FORMS
from ..records import Article, Provenance
from .members import own_footer, site_of_article
from .outlets import same_outlet


def _domain_of(name: str) -> str | None:
    """The normalised domain of an outlet name or domain, where the cleaner's table knows it."""
    try:
        from ..clean.credits import outlet_for
    except ImportError:
        return None
    return outlet_for(name)[1]


def _named_outlet(article: Article, site: str | None,
                  footers: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(outlet, evidence) for the outside outlet the article names, else None.
    Credit lines first, then the dateline agency; a copyright line counts only when it
    names an outlet the table knows (a footer naming the site's owner is not a credit)."""
    credits = [c for c in article.credits
               if (c.domain or c.outlet) and not same_outlet(c.domain or c.outlet, site)
               and not own_footer(c, article, footers)]
    for c in credits:
        if c.form != "copyright" and c.form not in WIRE_FORMS:
            return c.domain or _domain_of(c.outlet) or c.outlet, f"credit line names the source: {c.line}"
    dl = article.dateline
    if dl and dl.agency and not same_outlet(dl.agency, site):
        return _domain_of(dl.agency) or dl.agency, f"the dateline names an agency: {dl.text}"
    for c in credits:
        if c.form in WIRE_FORMS:
            return c.domain or _domain_of(c.outlet) or c.outlet, f"credit line names the source: {c.line}"
    for c in credits:
        if c.form == "copyright" and c.domain:
            return c.domain, f"copyright line names the source: {c.line}"
    return None


def trace_single(article: Article, footers: frozenset[str] = frozenset()) -> Provenance:
    """The provenance row of a document that shares no text with any other.
    `footers`: copyright names recurring on its site (its own footer, not a credit)."""
    site = site_of_article(article)
    named = _named_outlet(article, site, footers)
    if named is None:
        return Provenance(article.doc_id, None, article.doc_id, site, None, "origin", 0.5,
                          ("in no reuse family; no credit line or dateline names another outlet",))
    outlet, why = named
    return Provenance(article.doc_id, None, None, outlet, None, "credited", 0.7,
                      (f"in no reuse family; origin outside the corpus: {outlet}",
                       why))
