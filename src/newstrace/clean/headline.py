"""The headline of a page and the lines that repeat it.

`find_headline(lines, meta_title)` -> (Found | None, set of line indices that
are copies of the headline). Order of evidence: metadata; a line repeating the
first line's page title (a piece of "Headline | Site", or the headline reworded);
a line the page repeats (also inside widget lines such as "Title 0.00 (0%) 0
votes"), unless it is the author's name or date under the line heading the
story (`head_line`); the cleaner's headline line; the first title-like line; the
page title itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from newstrace.clean.blocks import is_caption, is_terminal, is_title_like, parse_byline
from newstrace.clean.byline import person_names, read_byline
from newstrace.clean.counters import parse_counters, strip_counters
from newstrace.clean.credits import parse_credit
from newstrace.clean.dates import date_line, find_date
from newstrace.clean.lines import TITLE_SPLIT
from newstrace.records import Found, Line

# cleaner reasons that say "site furniture", never a headline
_FURNITURE = {"site template", "share buttons", "related links", "subscription", "advertisement",
              "cookie notice", "navigation", "copyright"}
_SITE_SUFFIX = re.compile(r"(?:\s+[\-–—]\s+|\s*[|·•]\s*)[^|\-–—·•]{2,40}$")
_SUFFIX_MARK = re.compile(r"[|·•\-–—]")  # what _SITE_SUFFIX cannot match without


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
    heads = {k[:20] for k in keys}  # every variant of a line holds its text: a cheap test first
    out = set()
    for i, ln in enumerate(lines):
        if len(ln.text) > 300:
            continue
        flat = " ".join(ln.text.casefold().split())
        if not any(h in flat for h in heads):
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
    if read_byline(residue) or _dated(residue):
        return None  # an author's byline or the date line, printed by each story on the page
    return residue


# what stands around a date in a date line: a label, a time and zone, a weekday
_DATE_REST = re.compile(r"\b(?i:published|updated|posted|last updated|on|at|[ap]\.?m\.?|"
                        r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b\.?|\b[A-Z]{2,4}\b|\d{1,2}[:.]\d{2}")


def _dated(text: str) -> bool:
    """A date line, also with a label or time around it ("Published 10:02 AM EST Nov 19, 2019")."""
    if date_line(text):
        return True
    hit = find_date(text, need_year=True) if len(text) <= 60 else None
    return hit is not None and not _DATE_REST.sub("", text[:hit.start] + " " + text[hit.end:]).strip(" ,|·•-–—:")


def _vote(lines: Sequence[Line], body_at: int) -> tuple[list[int] | None, str]:
    """The rows and key of the title-like line the page repeats most above the body."""
    counts: dict[str, list[int]] = {}
    seen: dict[str, int] = {}
    for ln in lines:
        key = norm(ln.text)
        seen[key] = seen.get(key, 0) + 1
    above: tuple[set[str], list[str]] | None = None
    for i, ln in enumerate(lines):
        if i >= body_at:  # a key first seen here is never eligible: only lines adding to one above count
            above = above or ({k[:8] for k in counts}, [k for k in counts if len(k) < 8])
            if not _may_extend(ln.text, *above):
                continue
        residue = _candidate(ln, seen.get(norm(ln.text), 0) >= 2)
        if residue is not None:
            for key in _variants(residue):  # "Title - Site" counts for "Title" too
                counts.setdefault(key, []).append(i)
    first_rows = [i for i, ln in enumerate(lines) if ln.text.strip()][:3]
    best, best_key, best_score = None, "", 0.0
    for key, rows in counts.items():
        score = len(rows) + (0.5 if rows[0] in first_rows else 0.0)
        if len(key.split()) < 3:  # a two-word line ("Most Read") yields to a longer one
            score -= 0.25
        # list items and template lines repeat often; a headline a few times
        eligible = rows[0] < body_at and (rows[0] in first_rows or len(rows) <= 8)
        if len(rows) >= 2 and eligible and score > best_score:
            best, best_key, best_score = rows, key, score
    return best, best_key


def _may_extend(text: str, heads: set[str], short: list[str]) -> bool:
    """Whether a key of line `text` (`_variants` of a prefix of it) may be one of the keys
    whose first 8 characters are `heads` (`short`: those under 8 characters)."""
    flat = " ".join(text.casefold().split()).lstrip(" .")
    return flat[:8] in heads or any(flat.startswith(k) for k in short)


def find_headline(lines: Sequence[Line], meta_title: Found | None = None) -> tuple[Found | None, set[int]]:
    """The headline Found (raw offsets of its first line) and the lines that copy it."""
    if meta_title is not None and meta_title.value.strip():
        return meta_title, copies_of(meta_title.value, lines)
    titled = _title_copy(lines)
    if titled is not None:
        return titled
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    body_at = _body_at(lines)  # a headline comes before the story's first full paragraph
    best, best_key = _vote(lines, body_at)
    first_kept = first_kept_row(lines, len(lines))
    top = head_line(lines, first_kept)
    if best is not None and top is not None and top != filled[0] and \
            any(top < r < first_kept and _header_line(" ".join(lines[r].text.split()), labels=False)
                for r in best):
        # the repeated line sits between the story and the line heading it: the author's
        # name or a label each story card prints ("Adam Clark Estes" under the headline)
        text = " ".join(lines[top].text.split())
        return Found(text, "line heading the story", lines[top].start, lines[top].end), \
            copies_of(text, lines) | {top}
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
    if found[0] is None:
        found = _line_before_body(lines, body_at)
        if found[0] is not None and page_title is not None \
                and (found[1] == {filled[0]} or _shared(norm(found[0].value), page_title[0].value) < 0.5):
            return page_title  # the <title> itself, or a line it does not name (a related link)
    if found[0] is None and filled and _title_line(lines[filled[0]].text):
        ln = lines[filled[0]]  # the page's <title>, when nothing on the page heads the story
        text = _SITE_SUFFIX.sub("", " ".join(ln.text.split()))
        if is_title_like(text) and not (_NOT_TITLE.search(text) or _header_line(text)):
            end = ln.start + len(text) if ln.text.startswith(text) else ln.end
            # the <title>, not a line of the page: no row is marked as the page's headline
            found = Found(text, "page title (first line)", ln.start, end), set()
    return found


TITLE_MAX_WORDS = 30  # a first line longer than this is no page title
_MARKS = str.maketrans("‘’‚′“”„″–—‑", "\'\'\'\'\"\"\"\"---")  # typographic forms
# "Headline | Site": a page title's pieces (no colon: "Delhi air pollution: the law ..." is one)
_SITE_SPLIT = re.compile(r"\s+[-|·•»–—]\s+|\s*\|\s*")


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def title_key(text: str) -> str:
    """A headline as compared: case, spacing, a final period and typographic quote or dash
    forms aside; other punctuation counts ("!", "?")."""
    return " ".join(text.casefold().translate(_MARKS).split()).strip(" .")


def _title_copy(lines: Sequence[Line]) -> tuple[Found, set[int]] | None:
    """A line that repeats the page title's headline: the first line of a dump is often
    the page's <title> ("Headline | Site"); a later line equal to a piece of it (in any
    shape: "They just might be.", "[Review] ..."; a name only when it is the headline
    piece), contained in it, or worded nearly like its headline piece ("Emirates inks $9
    billion order for 30 Boeing 787 jets, will restart ..." under "Emirates inks order
    for 30 Boeing 787 jets, talks expansion plans") is the headline. Lines before the
    first full paragraph first (related links repeat a shorter piece), then a whole
    piece, then the longest."""
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    if len(filled) < 2 or not _title_line(lines[filled[0]].text):
        return None
    head = title_key(lines[filled[0]].text)
    pieces = {p.strip(" .") for p in TITLE_SPLIT.split(head) if len(p.split()) >= 2}
    main = max(pieces, key=lambda p: len(p.split()), default="")
    body_at = _body_at(lines)
    main_words = Counter(_WORD.findall(main.casefold()))
    found = []
    for i in filled[1:]:
        if i >= body_at and found and found[0][1] < body_at:
            break  # a line above the first paragraph wins over any below it
        text = " ".join(lines[i].text.split())
        if len(text) > 300 or (lines[i].keep and lines[i].reason == "" and text.count(" ") >= 20):
            continue
        key = title_key(text)
        # the key of a line cut short is a prefix of the line's key: a piece must start it
        if key not in head and _SUFFIX_MARK.search(text) and any(key.startswith(p) for p in pieces) \
                and title_key(_SITE_SUFFIX.sub("", text)) in pieces:
            text = _SITE_SUFFIX.sub("", text)  # "Headline - Site" under a first line "Headline"
            key = title_key(text)
        if key in pieces:
            if key == head and len(key.split()) < 3:
                continue  # a short label printed twice ("Most Read") is left to the vote below
            if not _plain(text, 2, names=key == main):
                continue  # a byline in the title ("Headline - Jane Doe | Site") names no headline
            rank = 2
        elif len(key) >= 12 and key in head:
            if not (is_title_like(text, 2) or _candidate(lines[i], True)):
                continue
            rank = 1
        elif i < body_at and len(text) <= 220 and 3 <= len(text.split()) <= 30 \
                and _near_title(key, main_words) and is_title_like(text) and _plain(text, 3):
            rank = 1
        else:
            continue
        found.append(((i < body_at, rank, len(text.split()), -i), i, text))
    if not found:
        return None
    _, i, text = max(found)
    copies = copies_of(text, lines) | {i}
    why = f"repeated line x{len(copies)}" if title_key(text) == head else "line repeating the page title"
    return Found(text, why, lines[i].start, lines[i].end), copies


NEAR_TITLE = 0.6  # word F1 with the page title's headline piece for a reworded copy
_WORD = re.compile(r"\w+")


def _near_title(a: str, words: Counter) -> bool:
    """Whether text `a` (casefolded) has a word-multiset F1 of NEAR_TITLE or more with the
    word counts `words` of the title's headline piece."""
    x = _WORD.findall(a.casefold())
    n = words.total()
    if not x or not n:
        return False
    if 2 * sum(w in words for w in x) / (len(x) + n) < NEAR_TITLE:
        return False  # even every word matching once cannot reach it
    tp = sum((Counter(x) & words).values())
    return 2 * tp / (len(x) + n) >= NEAR_TITLE


def _plain(text: str, min_words: int, names: bool = False) -> bool:
    """Shape of a line that a title names: a few words, not a date, byline or counter, nor
    a person's name unless `names` (a whole title piece may be in title case)."""
    words = text.split()
    if not (min_words <= len(words) <= 30 and len(text) <= 220):
        return False
    if not names and person_names(text):
        return False
    return not (date_line(text) or parse_byline(text) or parse_counters(text))


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


def first_kept_row(lines: Sequence[Line], default: int) -> int:
    """The first line the cleaner kept (where the story starts), `default` when none."""
    return next((i for i, ln in enumerate(lines) if ln.keep and ln.text.strip()), default)


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
        if _NOT_TITLE.search(residue) or find_date(residue) or _NAV.search(residue):
            continue  # a menu ("Home | World | Politics | ...") heads no story
        return Found(residue, "title-like line above the body", ln.start, ln.end), {i}
    return None, set()


HEAD_WALK = 16  # lines above the story searched for its headline
_NAV = re.compile(r"(?:\s[|•·»]\s.*){2}")  # a menu: three or more items in a row
_META = re.compile(r"^(?:published|updated|posted|last updated|filed|photo|image|foto|source|read|"
                   r"listen|watch|share|key points|advertisement)\b", re.I)


def _header_line(text: str, labels: bool = True) -> bool:
    """A line that a story header prints besides its headline: byline or author's name,
    date, counter, caption or photo credit, "@handle", a label of three words or less
    (`labels`: a short headline is no label when it is the line the page repeats)."""
    if labels and len(text.split()) <= 3 or _NAV.search(text):
        return True
    if parse_counters(text) or _META.match(text) or is_caption(text):
        return True
    if date_line(text) or parse_byline(text) or read_byline(text) or person_names(text):
        return True  # (a short line holding any date is a header line below: no `_dated` here)
    return parse_credit(text) is not None or (len(text) <= 60 and find_date(text) is not None)


def head_line(lines: Sequence[Line], first_kept: int) -> int | None:
    """The row of the headline printed just above the story: walking up from the first
    kept line over the lines that sit between a headline and its story (and one
    standfirst sentence), the first title-like line; None when another line comes first."""
    dek = False
    for i in range(first_kept - 1, max(-1, first_kept - HEAD_WALK), -1):
        ln = lines[i]
        text = strip_counters(" ".join(ln.text.split()))
        if not text or ln.reason in _FURNITURE or _header_line(text):
            continue
        if is_title_like(text, 3) and not _NOT_TITLE.search(text) and len(text.split()) <= 25:
            return i
        if not dek and len(text.split()) >= 8 and is_terminal(text):
            dek = True  # a standfirst under the headline
            continue
        return None
    return None


__all__ = ["find_headline", "first_kept_row", "copies_of", "head_line", "norm", "title_key"]
