"""The head of a story in a text page: the line heading it and the lines around it.

`head_line(lines, first_kept)`: the headline row printed just above the story's first
kept line, walking up over the lines a story header prints besides its headline
(`header_line`: byline, date, counter, caption, label, menu, button). Also the shapes
the headline finder shares: list marks (`unbullet`), date lines (`dated`), lines that
are never a headline (`NOT_TITLE`) and site furniture (`FURNITURE`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.clean.blocks import is_caption, is_terminal, is_title_like, parse_byline
from newstrace.clean.byline import person_names, read_byline
from newstrace.clean.counters import parse_counters, strip_counters
from newstrace.clean.credits import parse_credit
from newstrace.clean.dates import date_line, find_date
from newstrace.records import Line

# cleaner reasons that say "site furniture", never a headline
FURNITURE = {"site template", "share buttons", "related links", "subscription", "advertisement",
             "cookie notice", "navigation", "copyright"}
# a list item's mark: a breadcrumb's last item or a list of links holding the headline
MARK_CHARS = "*•·▪●■►▸◦‣-"
BULLET = re.compile(r"^[*•·▪●■►▸◦‣-]\s+")


def unbullet(text: str) -> str:
    """The text without a leading list mark ("* Headline", "• Headline")."""
    return BULLET.sub("", text, count=1) if text[:1] in MARK_CHARS else text


# what stands around a date in a date line: a label, a time and zone, a weekday
_DATE_REST = re.compile(r"\b(?i:published|updated|posted|last updated|on|at|[ap]\.?m\.?|"
                        r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b\.?|\b[A-Z]{2,4}\b|\d{1,2}[:.]\d{2}")


def dated(text: str) -> bool:
    """A date line, also with a label or time around it ("Published 10:02 AM EST Nov 19, 2019")."""
    if date_line(text):
        return True
    hit = find_date(text, need_year=True) if len(text) <= 60 else None
    return hit is not None and not _DATE_REST.sub("", text[:hit.start] + " " + text[hit.end:]).strip(" ,|·•-–—:")


NOT_TITLE = re.compile(
    r"@|\d{3}\)?[\s.-]\d{3}"  # e-mail, phone
    r"|^[A-Z]{2,3}-[A-Z]{2}-"  # wire slug "BC-EU-..."
    r"|[a-z.)](?:[A-Z][\w ]*/)?(?:Getty|Reuters|AP|AFP|EPA|Shutterstock|Bloomberg)\w*$"  # photo credit
    r"|(?i:\bcomments?\b)"
    r"|^(?i:skip to|jump to)\b")  # a skip link


HEAD_WALK = 16  # lines above the story searched for its headline
NAV = re.compile(r"(?:\s[|•·»>›]\s.*){2}")  # a menu or breadcrumb: three or more items in a row
_META = re.compile(r"^(?:published|updated|posted|last updated|filed|photo|image|foto|source|"
                   r"key points|advertisement)\b", re.I)
# a button's label ("Watch the video", "Share this article"), not a "WATCH: <headline>"
ACTION = re.compile(r"^(?:read|listen|watch|share)\b(?!:)", re.I)


def header_line(text: str, labels: bool = True) -> bool:
    """A line that a story header prints besides its headline: byline or author's name,
    date, counter, caption or photo credit, "@handle", a label of three words or less
    (`labels`: a short headline is no label when it is the line the page repeats)."""
    if labels and len(text.split()) <= 3 or NAV.search(text):
        return True
    if parse_counters(text) or _META.match(text) or is_caption(text):
        return True
    if ACTION.match(text):
        return True
    if date_line(text) or parse_byline(text) or read_byline(text) or person_names(text):
        return True  # (a short line holding any date is a header line below: no `dated` here)
    if parse_credit(text) is not None:
        return True
    hit = find_date(text) if len(text) <= 60 else None
    return hit is not None and not _dated_title(text, hit.start, hit.end)


# "News in brief: July 12", "Morning briefing - Nov 19, 2019": a roundup's title ends on its day
_TITLE_HEAD = re.compile(r"^(\w[\w'’ ]*?)\s*(?::|\s[-–—]|,)\s*$")


_NAV_TITLE = re.compile(r"^\w[\w'’ ]+:\s+\w")


def _labelled_title(text: str) -> bool:
    """"Label: words" or a title naming its day: a line the cleaner may take for a menu item
    that can head a story ("News in brief: July 12", "JUST IN: Storm hits the coast")."""
    if _NAV_TITLE.match(text):
        return True
    hit = find_date(text) if len(text) <= 60 else None
    return hit is not None and _dated_title(text, hit.start, hit.end)


def _dated_title(text: str, start: int, end: int) -> bool:
    """Whether `text`, holding a date at [start, end), is a title naming its day: two words or
    more, not a date label ("Published:"), then a colon or dash and the date ending the line."""
    if text[end:].strip(" .") or start == 0:
        return False
    head = _TITLE_HEAD.match(text[:start])
    if head is None or len(head.group(1).split()) < 2:
        return False
    return not (_META.match(head.group(1)) or _DATE_REST.sub("", head.group(1)).strip() == "")


def head_line(lines: Sequence[Line], first_kept: int) -> int | None:
    """The row of the headline printed just above the story: walking up from the first
    kept line over the lines that sit between a headline and its story (and one
    standfirst sentence), the first title-like line; None when another line comes first."""
    dek = False
    for i in range(first_kept - 1, max(-1, first_kept - HEAD_WALK), -1):
        ln = lines[i]
        text = strip_counters(" ".join(ln.text.split()))
        if not text or header_line(text):
            continue
        if ln.reason in FURNITURE and not (ln.reason == "navigation" and _labelled_title(text)):
            continue  # (a roundup's title naming its day may be taken for a menu)
        if is_title_like(text, 3) and not NOT_TITLE.search(text) and len(text.split()) <= 25:
            return i
        if ln.reason in FURNITURE:
            continue
        if not dek and len(text.split()) >= 8 and is_terminal(text):
            dek = True  # a standfirst under the headline
            continue
        return None
    return None


def first_kept_row(lines: Sequence[Line], default: int) -> int:
    """The first line the cleaner kept (where the story starts), `default` when none."""
    return next((i for i, ln in enumerate(lines) if ln.keep and ln.text.strip()), default)


__all__ = ["ACTION", "BULLET", "FURNITURE", "MARK_CHARS", "NAV", "NOT_TITLE", "dated", "first_kept_row",
           "head_line", "header_line", "unbullet"]
