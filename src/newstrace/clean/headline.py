"""The headline of a page and the lines that repeat it.

`find_headline(lines, meta_title)` -> (Found | None, set of line indices that
are copies of the headline). Order of evidence: metadata; a line repeating the
first line's page title (a piece of "Headline | Site", or the headline reworded);
a line the page repeats (also inside widget lines such as "Title 0.00 (0%) 0
votes", or as a list item "* Title" once printed plain; never the site's name its
copyright line gives), unless it is the author's name or date under the line
heading the story (`head_line`); the cleaner's headline line; the first
title-like line; the line heading the story; the page title itself. A headline
cut in two lines by wrapping is joined again (`_continued`).
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
from newstrace.clean.story_head import (
    ACTION,
    BULLET,
    FURNITURE,
    MARK_CHARS,
    NAV,
    NOT_TITLE,
    dated,
    first_kept_row,
    head_line,
    header_line,
    unbullet,
)
from newstrace.records import Found, Line

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
        text = unbullet(ln.text.strip())
        if keys.intersection(_variants(text)) or keys.intersection(_variants(strip_counters(text))):
            out.add(i)
    return out


def _candidate(ln: Line, repeated: bool = False) -> str | None:
    """The line's text as a possible headline (list mark and counters stripped), else None.
    `repeated`: the page prints the line again, so two words ("Opening bell") may be a headline."""
    if len(ln.text) > 300 or (not ln.keep and ln.reason in FURNITURE):
        return None
    text = unbullet(" ".join(ln.text.split()))
    if parse_counters(text):
        return None
    residue = strip_counters(text)
    if (not is_title_like(residue, 2 if repeated else 3) or parse_credit(residue)
            or parse_byline(residue)):
        return None
    if read_byline(residue) or dated(residue):
        return None  # an author's byline or the date line, printed by each story on the page
    return residue


def _vote(lines: Sequence[Line], body_at: int) -> tuple[list[int] | None, str]:
    """The rows and key of the title-like line the page repeats most above the body."""
    counts: dict[str, list[int]] = {}
    plain: dict[str, list[int]] = {}  # rows of each key printed without a list mark
    keys = [norm(unbullet(ln.text.strip())) for ln in lines]
    seen = Counter(keys)
    above: tuple[set[str], list[str]] | None = None
    for i, ln in enumerate(lines):
        if i >= body_at:  # a key first seen here is never eligible: only lines adding to one above count
            above = above or ({k[:8] for k in counts}, [k for k in counts if len(k) < 8])
            if not _may_extend(ln.text, *above):
                continue
        residue = _candidate(ln, seen[keys[i]] >= 2)
        if residue is None:
            continue
        listed = ln.text.lstrip()[:1] in MARK_CHARS
        if listed and len(residue.split()) < 4:
            continue  # a menu item ("* Politics & Policy"); a headline in a list is longer
        for key in _variants(residue):  # "Title - Site" counts for "Title" too
            counts.setdefault(key, []).append(i)
            if not listed:
                plain.setdefault(key, []).append(i)
    first_rows = [i for i, ln in enumerate(lines) if ln.text.strip()][:3]
    owner: str | None = None
    best, best_key, best_score = None, "", 0.0
    for key, rows in counts.items():
        if len(rows) < 2:
            continue
        if len(key.split()) <= 5:
            owner = _owner(lines) if owner is None else owner
            if key in owner:
                continue  # the site's name (logo, header) that its copyright line names
        score = len(rows) + (0.5 if rows[0] in first_rows else 0.0)
        if len(key.split()) < 3:  # a two-word line ("Most Read") yields to a longer one
            score -= 0.25
        # list items and template lines repeat often; a headline a few times
        # (a headline in share buttons or a list of links counts, once printed plain above the body)
        bare = plain.get(key, (body_at,))
        eligible = bare[0] < body_at and (rows[0] in first_rows or len(bare) <= 8)
        if eligible and score > best_score:
            best, best_key, best_score = rows, key, score
    return best, best_key


_OWNER = re.compile(r"©|\(c\)|copyright|all rights reserved", re.I)


def _owner(lines: Sequence[Line]) -> str:
    """The page's copyright lines ("© 2019 Daily Planet. All rights reserved."), casefolded."""
    return " | ".join(norm(ln.text) for ln in lines if len(ln.text) <= 200 and _OWNER.search(ln.text))


def _may_extend(text: str, heads: set[str], short: list[str]) -> bool:
    """Whether a key of line `text` (`_variants` of a prefix of it) may be one of the keys
    whose first 8 characters are `heads` (`short`: those under 8 characters)."""
    flat = unbullet(" ".join(text.casefold().split())).lstrip(" .")
    return flat[:8] in heads or any(flat.startswith(k) for k in short)


def find_headline(lines: Sequence[Line], meta_title: Found | None = None) -> tuple[Found | None, set[int]]:
    """The headline Found (raw offsets of its first line) and the lines that copy it."""
    if meta_title is not None and meta_title.value.strip():
        return meta_title, copies_of(meta_title.value, lines)
    found, rows = _find(lines)
    return _continued(lines, found, rows)


WRAP_MIN = 40  # a headline line cut by a wrapping width is at least this long
WRAPPED_MAX = 120  # a page wrapped at a width has no longer line
_RUN_ON = re.compile(r"[.!?…:;]$")


def _continued(lines: Sequence[Line], found: Found | None, rows: set[int]) -> tuple[Found | None, set[int]]:
    """A headline cut in two lines (text wrapped at a width, "Long headline of the / story"):
    the rest's first word would not fit the page's widest line, and two copies or more are
    each followed by the same short rest (the <title>'s with its site name), or the page is
    hard-wrapped (no line over WRAPPED_MAX characters) and the one copy is followed by it."""
    if found is None or len(found.value) < WRAP_MIN or _RUN_ON.search(found.value):
        return found, rows
    key = title_key(found.value)
    heads = [r for r in sorted(rows) if r + 1 < len(lines)
             and title_key(unbullet(" ".join(lines[r].text.split()))).startswith(key)]
    if len(heads) < 2:
        if found.start < 0 or any(len(ln.text) > WRAPPED_MAX for ln in lines):
            return found, rows
        heads = [i for i, ln in enumerate(lines[:-1]) if ln.start == found.start
                 and title_key(" ".join(ln.text.split())) == key
                 and lines[i + 1].start - ln.end == 1][:1]  # one line break: no blank line between
        if not heads:
            return found, rows
    rests = [(r + 1, " ".join(lines[r + 1].text.split())) for r in heads]
    r, rest = min(rests, key=lambda x: len(x[1]))
    bare = title_key(rest)
    if not rest or not all(title_key(t).startswith(bare) for _, t in rests) or not _rest_like(rest, found.value):
        return found, rows
    width = max(len(ln.text.strip()) for ln in lines)  # the page's longest line: at most the width
    if len(found.value) + 1 + len(rest.split()[0]) <= width:
        return found, rows  # the rest's first word fits on the line: not cut by wrapping (a dek)
    return Found(f"{found.value} {rest}", found.evidence + " (cut in two lines)", found.start,
                 lines[r].end if lines[r].start >= 0 else found.end), rows | {i for i, _ in rests}


def _rest_like(rest: str, head: str) -> bool:
    """Whether `rest` may end a headline whose first line is `head`."""
    words = rest.split()
    if not 1 <= len(words) <= 15 or len(head) + len(rest) > 220 or len(head.split()) + len(words) > 30:
        return False
    if rest.rstrip().endswith(".") or not (rest[0].isalnum() or rest[0] in "\"“«‘'("):
        return False
    if words[0].casefold() in ("by", "von", "por", "par", "oleh", "di") or read_byline(rest):
        return False  # the byline under the headline ("By Jane Doe, John Roe")
    return not (date_line(rest) or parse_byline(rest) or parse_counters(rest) or NAV.search(rest))


def _find(lines: Sequence[Line]) -> tuple[Found | None, set[int]]:
    """The headline (no metadata) and the lines that copy it."""
    titled = _title_copy(lines)
    if titled is not None:
        return titled
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    body_at = _body_at(lines)  # a headline comes before the story's first full paragraph
    best, best_key = _vote(lines, body_at)
    first_kept = first_kept_row(lines, len(lines))
    top = head_line(lines, first_kept)
    if best is not None and top is not None and top != filled[0] and \
            any(top < r < first_kept and header_line(" ".join(lines[r].text.split()), labels=False)
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
        title = strip_counters(unbullet(" ".join(ln.text.split())))
        if norm(title) != best_key:
            title = _SITE_SUFFIX.sub("", title)
        return Found(title, f"repeated line x{len(best)}", ln.start, ln.end), copies_of(title, lines)
    for ln in lines:
        if ln.kind == "headline" and ln.text.strip():
            title = " ".join(ln.text.split())
            return Found(title, "cleaner headline line", ln.start, ln.end), copies_of(title, lines)
    for i, ln in enumerate(lines):
        residue = _candidate(ln)
        if residue is not None and residue != " ".join(ln.text.split()) and not ln.keep \
                and ln.text.lstrip()[:1] not in MARK_CHARS:
            return Found(residue, "widget line", ln.start, ln.end), {i}
    found = _first_line(lines)
    if found[0] is None:
        found = _line_before_body(lines, body_at)
        if found[0] is not None and page_title is not None \
                and (found[1] == {filled[0]} or _shared(norm(found[0].value), page_title[0].value) < 0.5):
            return page_title  # the <title> itself, or a line it does not name (a related link)
    if found[0] is not None:
        return found
    if top is not None and top != filled[0]:
        # the title-like line over the story's first lines (past counters, a date, a byline),
        # unless a "Headline | Site" first line names another story: then that headline
        text = strip_counters(" ".join(lines[top].text.split()))
        if page_title is not None and _shared(norm(text), page_title[0].value) < 0.5:
            return page_title
        return Found(text, "line heading the story", lines[top].start, lines[top].end), \
            copies_of(text, lines) | {top}
    # the page's <title>, when nothing on the page heads the story: no row is marked as
    # the page's headline (it is not a line of the page)
    return (_first_line_title(lines[filled[0]]) if filled else None), set()


def _first_line_title(ln: Line) -> Found | None:
    """The first line as the page's <title>, its site name cut, when it reads like one."""
    if not _title_line(ln.text):
        return None
    text = _SITE_SUFFIX.sub("", " ".join(ln.text.split()))
    if not is_title_like(text) or NOT_TITLE.search(text) or header_line(text):
        return None
    end = ln.start + len(text) if ln.text.startswith(text) else ln.end
    return Found(text, "page title (first line)", ln.start, end)


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
    # in the title's order: of two pieces as long, the first is its headline (a set's order
    # would vary with the hash seed)
    pieces = dict.fromkeys(p.strip(" .") for p in TITLE_SPLIT.split(head) if len(p.split()) >= 2)
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
            # a piece and what follows it in the title ("Headline: its second part"): as good
            rank = 2 if any(key.startswith(p) and len(key) > len(p) for p in pieces) else 1
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
    bare = strip_counters(text)  # "Headline 12 Comments" on every copy, the first line's too
    if len(bare.split()) < 2 or not _LABEL.search(text[len(bare):]):
        bare = text  # a bare number ends the headline ("Opening Bell 11.18.19")
    return Found(bare, why, lines[i].start, lines[i].end), copies


_LABEL = re.compile(r"[^\W\d_]{2}")  # a counter's label word ("12 Comments")
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
    if BULLET.match(text.lstrip()):
        return False  # a list item ("* Politics & Policy") is no page title
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


def _line_before_body(lines: Sequence[Line], body_at: int) -> tuple[Found | None, set[int]]:
    """A dropped title-like line just above the first paragraph (headline, then at most
    a few short lines such as a date or a counter)."""
    for i in range(body_at - 1, max(-1, body_at - 5), -1):
        ln = lines[i]
        residue = _candidate(ln)
        if residue is None or ln.keep or is_caption(residue) or len(residue.split()) > 20:
            continue
        if NOT_TITLE.search(residue) or find_date(residue) or NAV.search(residue) or ACTION.match(residue):
            continue  # a menu ("Home | World | Politics | ...") heads no story
        return Found(residue, "title-like line above the body", ln.start, ln.end), {i}
    return None, set()


__all__ = ["find_headline", "first_kept_row", "copies_of", "head_line", "norm", "title_key"]
