"""The headline of a page and the lines that repeat it.

`find_headline(lines, meta_title)` -> (Found | None, set of line indices that
are copies of the headline). Order of evidence: metadata, a line the page
repeats (also inside widget lines such as "Title 0.00 (0%) 0 votes"), the
cleaner's headline line, the first title-like line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.clean.blocks import is_caption, is_terminal, is_title_like, parse_byline
from newstrace.clean.counters import parse_counters, strip_counters
from newstrace.clean.credits import parse_credit
from newstrace.clean.dates import find_date
from newstrace.clean.lines import TITLE_SPLIT
from newstrace.records import Found, Line

# cleaner reasons that say "site furniture", never a headline
_FURNITURE = {"site template", "share buttons", "related links", "subscription", "advertisement",
              "cookie notice", "navigation", "copyright"}
_SITE_SUFFIX = re.compile(r"(?:\s+[\-–—]\s+|\s*[|·•]\s*)[^|\-–—·•]{2,40}$")


def norm(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .")


def _variants(title: str) -> list[str]:
    """The title, and the title without a " - Site Name" suffix."""
    out = [norm(title)]
    stripped = norm(_SITE_SUFFIX.sub("", title))
    if len(stripped.split()) >= 3 and stripped != out[0]:
        out.append(stripped)
    return out


def copies_of(title: str, lines: Sequence[Line]) -> set[int]:
    """Indices of lines that are the headline, alone or followed by a widget."""
    keys = set(_variants(title))
    out = set()
    for i, ln in enumerate(lines):
        if len(ln.text) > 300:
            continue
        if keys.intersection(_variants(ln.text)) or keys.intersection(_variants(strip_counters(ln.text))):
            out.add(i)
    return out


def _candidate(ln: Line, repeated: bool = False) -> str | None:
    """The line's text as a possible headline (counters stripped), else None. `repeated`:
    the page prints the line again, so two words ("Opening bell") may be a headline."""
    if len(ln.text) > 300 or (not ln.keep and ln.reason in _FURNITURE):
        return None
    text = " ".join(ln.text.split())
    if parse_counters(text):
        return None
    residue = strip_counters(text)
    if (not is_title_like(residue, 2 if repeated else 3) or parse_credit(residue)
            or parse_byline(residue)):
        return None
    return residue


def find_headline(lines: Sequence[Line], meta_title: Found | None = None) -> tuple[Found | None, set[int]]:
    """The headline Found (raw offsets of its first line) and the lines that copy it."""
    if meta_title is not None and meta_title.value.strip():
        return meta_title, copies_of(meta_title.value, lines)
    titled = _title_copy(lines)
    if titled is not None:
        return titled
    counts: dict[str, list[int]] = {}
    seen = {}
    for ln in lines:
        key = norm(ln.text)
        seen[key] = seen.get(key, 0) + 1
    for i, ln in enumerate(lines):
        residue = _candidate(ln, seen.get(norm(ln.text), 0) >= 2)
        if residue is not None:
            for key in _variants(residue):  # "Title - Site" counts for "Title" too
                counts.setdefault(key, []).append(i)
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    first_rows = filled[:3]
    # a headline comes before the story's first full paragraph
    body_at = _body_at(lines)
    best, best_key, best_score = None, "", 0.0
    for key, rows in counts.items():
        score = len(rows) + (0.5 if rows[0] in first_rows else 0.0)
        if len(key.split()) < 3:  # a two-word line ("Most Read") yields to a longer one
            score -= 0.25
        # list items and template lines repeat often; a headline a few times
        eligible = rows[0] < body_at and (rows[0] in first_rows or len(rows) <= 8)
        if len(rows) >= 2 and eligible and score > best_score:
            best, best_key, best_score = rows, key, score
    page_title = _page_title(lines)
    if best is not None and page_title is not None and best[0] > 0 \
            and _shared(best_key, page_title[0].value) < 0.5:
        return page_title  # a repeated menu item ("Top Stories") that the page title does not name
    if best is not None:
        ln = next((lines[j] for j in best if norm(_candidate(lines[j], True) or "") == best_key),
                  lines[best[0]])
        title = strip_counters(" ".join(ln.text.split()))
        if norm(title) != best_key:
            title = _SITE_SUFFIX.sub("", title)
        return Found(title, f"repeated line x{len(best)}", ln.start, ln.end), copies_of(title, lines)
    for ln in lines:
        if ln.kind == "headline" and ln.text.strip():
            title = " ".join(ln.text.split())
            return Found(title, "cleaner headline line", ln.start, ln.end), copies_of(title, lines)
    for i, ln in enumerate(lines):
        residue = _candidate(ln)
        if residue is not None and residue != " ".join(ln.text.split()) and not ln.keep:
            return Found(residue, "widget line", ln.start, ln.end), {i}
    found = _first_line(lines)
    return found if found[0] is not None else _line_before_body(lines, body_at)


TITLE_MAX_WORDS = 30  # a first line longer than this is no page title
_MARKS = str.maketrans("‘’‚′“”„″–—‑", "\'\'\'\'\"\"\"\"---")  # typographic forms
# "Headline | Site": a page title's pieces (no colon: "Delhi air pollution: the law ..." is one)
_SITE_SPLIT = re.compile(r"\s+[-|·•»–—]\s+|\s*\|\s*")


def title_key(text: str) -> str:
    """A headline as compared: case, spacing, a final period and typographic quote or dash
    forms aside; other punctuation counts ("!", "?")."""
    return " ".join(text.casefold().translate(_MARKS).split()).strip(" .")


def _title_copy(lines: Sequence[Line]) -> tuple[Found, set[int]] | None:
    """A line that repeats the page title's headline part: the first line of a dump is
    often the page's <title> ("Headline | Site"); a later line equal to a piece of it,
    or to the part of it before the site name, is the headline. The longest such line
    before the first full paragraph wins (related links repeat a shorter piece)."""
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    if len(filled) < 2:
        return None
    if not _title_line(lines[filled[0]].text):
        return None
    head = title_key(lines[filled[0]].text)
    pieces = {p for p in TITLE_SPLIT.split(head) if len(p.split()) >= 2}
    found = []
    for i in filled[1:]:
        text = " ".join(lines[i].text.split())
        key = title_key(text)
        if len(text) > 300 or not (key in pieces or (len(key) >= 12 and key in head)):
            continue
        if key == head and len(key.split()) < 3:
            continue  # a short label printed twice ("Most Read") is left to the vote below
        if lines[i].keep and lines[i].reason == "" and len(text.split()) > 20:
            continue
        found.append((i, text))
    if not found:
        return None
    body_at = _body_at(lines)
    i, text = max(found, key=lambda t: (t[0] < body_at, len(t[1].split()), -t[0]))
    if not (is_title_like(text, 2) or _candidate(lines[i], True)):
        return None
    copies = copies_of(text, lines)
    why = f"repeated line x{len(copies)}" if title_key(text) == head else "line repeating the page title"
    return Found(text, why, lines[i].start, lines[i].end), copies


def _title_line(text: str) -> bool:
    """Whether a first line may be a page title: short, and not a sentence of 20 words or
    more ending in a period (a plain-text article's first paragraph)."""
    words = text.split()
    return len(words) <= TITLE_MAX_WORDS and not (len(words) >= 20 and text.rstrip().endswith("."))


def _page_title(lines: Sequence[Line]) -> tuple[Found, set[int]] | None:
    """The headline part of a first line that reads like a page title ("Headline | Site"):
    the longest piece between its separators."""
    ln = next((x for x in lines if x.text.strip()), None)
    if ln is None:
        return None
    text = " ".join(ln.text.split())
    if not _title_line(text):
        return None
    pieces = [p for p in _SITE_SPLIT.split(text) if p]
    if len(pieces) < 2:
        return None
    piece = max(pieces, key=lambda p: len(p.split()))
    if not is_title_like(piece):
        return None
    start = ln.start + ln.text.find(piece) if piece in ln.text else ln.start
    return Found(piece, "page title (first line)", start, start + len(piece)), copies_of(piece, lines)


def _shared(key: str, title: str) -> float:
    """Share of the words of `key` that `title` has."""
    words = key.split()
    have = set(title_key(title).split())
    return sum(w in have for w in words) / max(1, len(words))


def _body_at(lines: Sequence[Line]) -> int:
    """The first full paragraph the cleaner kept (a headline comes before it)."""
    return next((i for i, ln in enumerate(lines) if ln.keep and len(ln.text.split()) >= 25
                 and is_terminal(ln.text)), len(lines))


def _first_line(lines: Sequence[Line]) -> tuple[Found | None, set[int]]:
    """The first kept line when it is short, title-like and followed by longer text."""
    kept = [i for i, ln in enumerate(lines) if ln.keep and ln.text.strip()]
    if len(kept) < 2:
        return None, set()
    i = kept[0]
    text = " ".join(lines[i].text.split())
    if is_title_like(text) and len(text.split()) <= 20 and not text.endswith(("?", "!")) \
            and not is_caption(text) and not parse_byline(text) \
            and max(len(lines[j].text) for j in kept[1:4]) > len(text):
        return Found(text, "first line", lines[i].start, lines[i].end), {i}
    return None, set()


_NOT_TITLE = re.compile(
    r"@|\d{3}\)?[\s.-]\d{3}"  # e-mail, phone
    r"|^[A-Z]{2,3}-[A-Z]{2}-"  # wire slug "BC-EU-..."
    r"|[a-z.)](?:[A-Z][\w ]*/)?(?:Getty|Reuters|AP|AFP|EPA|Shutterstock|Bloomberg)\w*$"  # photo credit
    r"|(?i:\bcomments?\b)")


def _line_before_body(lines: Sequence[Line], body_at: int) -> tuple[Found | None, set[int]]:
    """A dropped title-like line just above the first paragraph (headline, then at most
    a few short lines such as a date or a counter)."""
    for i in range(body_at - 1, max(-1, body_at - 5), -1):
        ln = lines[i]
        residue = _candidate(ln)
        if residue is None or ln.keep or is_caption(residue) or len(residue.split()) > 20:
            continue
        if _NOT_TITLE.search(residue) or find_date(residue):
            continue
        return Found(residue, "title-like line above the body", ln.start, ln.end), {i}
    return None, set()


__all__ = ["find_headline", "copies_of", "norm", "title_key"]
