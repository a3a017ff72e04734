"""Attribution audit: what a copy lacks or changed against the page it copies.

`audit_copy(copy, origin)` compares two clean articles and returns findings,
one per problem, each naming the field, the finding and the detail:
link, credit, date, byline, photo credit, dateline agency, headline,
paragraphs (dropped / added / reworded) and quotes (speaker swapped,
"reportedly" added or dropped).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..ingest.common import site_of
from ..records import Article, Credit

REWORD_MIN = 80.0  # rapidfuzz ratio above which a paragraph is the same one, edited
_PHOTO_RE = re.compile(r"©[^.\n]{2,60}|\b(?:photo|image|picture|foto)\s*(?:by|:|credit:?)\s*[^.\n]{2,60}"
                       r"|\((?:[A-Z][\w.]*\s?){1,3}(?:Photo|Images)?/[^)]{2,60}\)"
                       r"|\b[\w .]{2,30}/(?:Reuters|AP|AFP|Getty Images|Sputnik|TASS|EPA)\b", re.I)
# a dropped line that starts like a credit the parser did not read ("Vía X", "HT x.com")
_CREDIT_HINT = re.compile(r"^\s*(?:sour[cs]e?s?|souce|via|vía|h/?t|hat tip|read mor\w*|"
                          r"continue reading|originall?y published|this article first appeared|"
                          r"credit)\b", re.I)
_HEDGES = ("reportedly", "allegedly", "according to", "is said to", "was said to")


@dataclass(frozen=True, slots=True)
class AuditFinding:
    field: str  # link | credit | date | byline | photo_credit | dateline | headline | paragraph | quote
    finding: str  # e.g. "no link", "byline dropped", "intro added", "speaker changed"
    detail: str


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def paragraphs(article: Article) -> list[str]:
    """The article's paragraph texts (from spans, else blank-line blocks)."""
    spans = [s for s in article.paragraphs if s.kind in ("", "paragraph")]
    if spans:
        return [article.text[s.start:s.end].strip() for s in spans if s.end > s.start]
    return [p.strip() for p in re.split(r"\n\s*\n", article.text) if p.strip()]


def _title(article: Article) -> str:
    return article.title.value.strip() if article.title else ""


def _domain(article: Article) -> str | None:
    return site_of(article.url) or article.site


def _raw_mentions(article: Article) -> str:
    parts = [article.text] + [c.line for c in article.credits] + [r.text for r in article.removed]
    return "\n".join(parts).lower()


def _link(copy: Article, origin: Article) -> list[AuditFinding]:
    domain = _domain(origin)
    seen = _raw_mentions(copy)
    if origin.url and origin.url.lower() in seen:
        return []
    names = {c.domain for c in copy.credits if c.domain}
    if domain and (domain in names or domain in seen):
        return [AuditFinding("link", "no link", f"names {domain} but not the story's URL")]
    return [AuditFinding("link", "no link", f"neither {origin.url or domain} nor its domain appears")]


def _copyright_names(article: Article) -> set[str]:
    """Names in `© 2021 Name. All rights reserved.` lines the cleaner dropped."""
    out = set()
    for r in article.removed:
        m = re.match(r"^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(.{2,60}?)\.?\s*"
                     r"(?:all rights reserved\.?)?\s*$", r.text, re.I)
        if m:
            out.add(_norm(m.group(1)))
    return out - {""}


def _squash(name: str) -> str:
    return re.sub(r"\W+", "", name.lower())


def own_copyright(credit: Credit, article: Article, footers: frozenset[str] = frozenset()) -> bool:
    """Whether a copyright credit is the page's own footer, not a source named.

    True when it names the site itself (`© 2021 Open Times` on opentimes1.com) or a
    name in `footers` (the site's recurring copyright lines, see `site_footers`).
    """
    if credit.form != "copyright":
        return False
    name = _norm(credit.outlet)
    squashed = _squash(re.sub(r"^the\s+", "", credit.outlet, flags=re.I))
    host = _squash((_domain(article) or "").split(".")[0])
    return name in footers or bool(squashed and host and (squashed in host or host in squashed))


FOOTER_SHARE = 0.5  # a copyright name on this share of a site's pages (and two) is its footer


def footer_names(article: Article) -> tuple[str, frozenset[str]]:
    """(site key, copyright names) of one page, as `site_footers` counts them."""
    site = article.site or _domain(article) or ""
    return site, frozenset(_norm(c.outlet) for c in article.credits if c.form == "copyright")


def is_footer(n: int, pages: int, share: float = FOOTER_SHARE) -> bool:
    """Whether a copyright name on `n` of a site's `pages` pages is its footer."""
    return n >= max(2, share * pages)


def site_footers(articles: Iterable[Article], share: float = FOOTER_SHARE) -> dict[str, frozenset[str]]:
    """Per site: copyright names on at least two and `share` of its pages (its footer)."""
    pages: Counter = Counter()
    names: dict[str, Counter] = {}
    for a in articles:
        site, found = footer_names(a)
        pages[site] += 1
        names.setdefault(site, Counter()).update(found)
    return {s: frozenset(k for k, n in c.items() if is_footer(n, pages[s], share))
            for s, c in names.items()}


def _credit(copy: Article, origin: Article, footers: frozenset[str] = frozenset()) -> list[AuditFinding]:
    domain = _domain(origin)
    own = {(origin.site or "").lower(), (domain or "").lower()} - {""}
    credits = [c for c in copy.credits
               if not own_copyright(c, copy, footers) or {(c.domain or "").lower(), c.outlet.lower()} & own]
    if not credits and (_copyright_names(copy) - footers) & _copyright_names(origin):
        return []  # the copy carries the origin's own copyright line
    if not credits:
        hint = next((r.text for r in copy.removed if _CREDIT_HINT.match(r.text)), None)
        if hint:
            return [AuditFinding("credit", "credit not read", f"a line looks like a credit: {hint!r}")]
        return [AuditFinding("credit", "no credit", "the copy names no source")]
    named = {(c.domain or "").lower() for c in credits} | {c.outlet.lower() for c in credits}
    if own & named:
        return []
    return [AuditFinding("credit", "credits another outlet",
                         "names " + ", ".join(sorted({c.outlet for c in credits})))]


def _date(copy: Article, origin: Article) -> list[AuditFinding]:
    from ..clean.dates import find_dates, firm_published

    day = (firm_published(origin) or "")[:10]
    if not day:
        return []
    if any(h.iso[:10] == day for h in find_dates(copy.text)):
        return []
    return [AuditFinding("date", "no original date", f"the origin's date {day} is not stated")]


def _byline(copy: Article, origin: Article) -> list[AuditFinding]:
    if not origin.byline:
        return []
    if not copy.byline:
        return [AuditFinding("byline", "byline dropped", origin.byline.value)]
    if _norm(copy.byline.value) != _norm(origin.byline.value):
        return [AuditFinding("byline", "byline changed",
                             f"{origin.byline.value!r} -> {copy.byline.value!r}")]
    return []


def _photo(copy: Article, origin: Article) -> list[AuditFinding]:
    out = []
    text = _norm(copy.text)
    for s in origin.captions:
        for m in _PHOTO_RE.finditer(origin.text[s.start:s.end]):
            if _norm(m.group(0)) not in text:
                out.append(AuditFinding("photo_credit", "photo credit dropped", m.group(0).strip()))
    return out


def _dateline(copy: Article, origin: Article) -> list[AuditFinding]:
    agency = origin.dateline.agency if origin.dateline else None
    if not agency:
        return []
    if copy.dateline and copy.dateline.agency and _norm(copy.dateline.agency) == _norm(agency):
        return []
    if re.search(r"\(\s*" + re.escape(agency) + r"\s*\)", copy.text, re.I):
        return []
    return [AuditFinding("dateline", "dateline agency stripped", origin.dateline.text)]


def _headline(copy: Article, origin: Article) -> list[AuditFinding]:
    a, b = _title(origin), _title(copy)
    if a and b and " ".join(a.split()) != " ".join(b.split()):
        return [AuditFinding("headline", "headline changed", f"{a!r} -> {b!r}")]
    return []


def _body(paragraph: str) -> str:
    """The paragraph without a leading dateline (`MOSCOW (Sputnik) –`), normalised."""
    from ..clean.dateline import find_dateline

    hit = find_dateline(paragraph)
    return _norm(paragraph[hit.end:] if hit and hit.end < len(paragraph) else paragraph)


def match_paragraphs(copy: list[str], origin: list[str]) -> list[tuple[int | None, float]]:
    """For each copy paragraph: the origin paragraph it matches and the ratio.

    Datelines are left out of the comparison (a stripped one is its own finding).
    """
    from rapidfuzz import fuzz

    norm_o = [_body(p) for p in origin]
    exact = {p: i for i, p in enumerate(norm_o)}
    out = []
    for p in copy:
        n = _body(p)
        if n in exact:
            out.append((exact[n], 100.0))
            continue
        best, score = None, 0.0
        for i, o in enumerate(norm_o):
            r = fuzz.ratio(n, o, score_cutoff=REWORD_MIN)
            if r > score:
                best, score = i, r
        out.append((best, score))
    return out


def _paragraphs(copy: Article, origin: Article) -> list[AuditFinding]:
    cp, op = paragraphs(copy), paragraphs(origin)
    if not cp or not op:
        return []
    matches = match_paragraphs(cp, op)
    out = []
    first = next((k for k, (i, _) in enumerate(matches) if i is not None), len(matches))
    for k, (i, score) in enumerate(matches):
        if i is None:
            what = "intro added" if k < first else "passage added"
            out.append(AuditFinding("paragraph", what, cp[k][:200]))
        elif score < 100.0:
            out.append(AuditFinding("paragraph", "reworded", f"{op[i][:200]!r} -> {cp[k][:200]!r}"))
            out += _hedges(op[i], cp[k])
    used = {i for i, _ in matches if i is not None}
    for i, p in enumerate(op):
        if i not in used:
            out.append(AuditFinding("paragraph", "paragraph dropped", p[:200]))
    return out


def _hedges(before: str, after: str) -> list[AuditFinding]:
    out = []
    for h in _HEDGES:
        a, b = h in before.lower(), h in after.lower()
        if a != b:
            out.append(AuditFinding("quote", f"'{h}' {'dropped' if a else 'added'}", after[:200]))
    return out


def _quotes(copy: Article, origin: Article) -> list[AuditFinding]:
    out = []
    theirs = {_norm(q.text): q for q in copy.quotes}
    for q in origin.quotes:
        c = theirs.get(_norm(q.text))
        if c is None or not q.speaker:
            continue
        if not c.speaker or _norm(c.speaker) != _norm(q.speaker):
            out.append(AuditFinding("quote", "speaker changed",
                                    f"{q.text[:80]!r}: {q.speaker!r} -> {c.speaker!r}"))
    return out


CHECKS = (_date, _byline, _photo, _dateline, _headline, _paragraphs, _quotes)


def audit_copy(copy: Article, origin: Article, footers: frozenset[str] = frozenset()) -> list[AuditFinding]:
    """Everything `copy` lacks or changed against `origin` (its origin or parent).

    footers: the copy's site's own copyright names (`site_footers`), not read as credits.
    """
    out = _link(copy, origin) + _credit(copy, origin, footers)
    for check in CHECKS:
        out += check(copy, origin)
    return out


def edit_kinds(findings: list[AuditFinding]) -> set[str]:
    """Findings as the simulator's edit names: drop | intro | reword | headline."""
    names = {"paragraph dropped": "drop", "intro added": "intro", "reworded": "reword",
             "headline changed": "headline"}
    return {names[f.finding] for f in findings if f.finding in names}


__all__ = ["AuditFinding", "audit_copy", "edit_kinds", "match_paragraphs", "own_copyright",
           "paragraphs", "site_footers"]
