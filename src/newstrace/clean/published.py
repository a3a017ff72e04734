"""The story's published date on a text page (`find_published`): from the page's
metadata, a date line at the head of the story (by the headline or above the body,
with the time and zone written by it, `clock.with_clock`), a labelled day without a
year, the dateline, else the page's first date (weak). A date signing an embedded
social post, an event's span of days or a caption's date is not the story's.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from newstrace.clean.blocks import is_terminal
from newstrace.clean.byline import HEAD_ZONE
from newstrace.clean.clock import CLOCK_WORDS, china_site, time_line, with_clock
from newstrace.clean.dates import (
    WEAK_DATE,
    date_line,
    find_date,
    find_dates,
    label_before,
    label_line,
    month_first,
    page_year,
    posted_day,
    relative_stamp,
    signs_post,
)
from newstrace.clean.headline import first_kept_row
from newstrace.ingest.common import site_of
from newstrace.records import Dateline, Found, Line, RawDoc


def find_published(raw: RawDoc, lines: Sequence[Line], meta: Mapping[str, Found],
                   dateline: Dateline | None, headline_rows: Collection[int],
                   texts: Sequence[str]) -> Found | None:
    """The story's date: from the page's metadata, a date line at the head of the story
    (by the headline or above the body), the dateline, else the page's first date (weak).
    Caption dates are not used: a photo's date is not the story's. `texts`: the lines cleaned."""
    for key in ("published", "date"):
        if meta.get(key):
            return meta[key]
    if raw.published:
        return Found(raw.published, "input published")
    best: tuple[tuple[int, int], Found] | None = None
    rank = {"published line": 0, "date line": 1, "updated line": 2, "date above the body": 3}
    first_kept = first_kept_row(lines, 0)
    top = min((r for r in headline_rows if r > 0), default=0)  # the headline (row 0: the page title)
    china = china_site(raw.site or site_of(raw.url))
    for i, ln in enumerate(lines):
        near = first_kept - HEAD_ZONE <= i <= first_kept + 2 or 0 < top < i <= top + 6
        words = texts[i]
        hit = date_line(words) if len(ln.text) <= 80 else None
        if (hit is None and near and len(words) <= 120 and i not in headline_rows  # a headline's date is a mention
                and (i <= first_kept or not is_terminal(words))):
            hit = _date_in_line(words)  # "Jane Doe - Nov 19, 2019, 10:31 pm"
        if hit is None or _post_date(lines, i, words[:hit[2]], far=not near) or _span_of_days(words, hit[1]):
            continue
        label = label_line(texts[i - 1]) if hit[1] == "date line" and i else None
        if label:
            hit = (hit[0], label, hit[2], hit[3])  # "Updated" above the date
        after = words[hit[3]:] or _time_below(texts, i)
        before = words[:hit[2]] or (texts[i - 1] + " " if i and time_line(texts[i - 1]) else "")
        value = with_clock(hit[0], before, after, china=china)
        if month_first(words[hit[2]:hit[3]], after, texts):  # "11/05/2019 9:12 AM EST": November 5
            value = f"{value[:5]}{value[8:10]}-{value[5:7]}{value[10:]}"
        found = _found_in(ln, value, *hit[1:])
        key = (0 if near else 1, rank[found.evidence])  # the story's own date sits above it
        if best is None or key < best[0]:
            best = (key, found)
            if key == (0, 0):
                break  # a published line at the story's head: nothing below comes first
    if best is not None and best[0][0] == 0:
        return best[1]
    head = _head_rows(len(lines), first_kept, top)
    found = _posted_without_year(raw, lines, texts, head)
    if found is not None:
        return found
    # the story's head dates it only relative to now ("2 days", "Monday 5:30 PM"): a date far
    # from it is another item's (a teaser list), and the page's first date says nothing
    relative = any(relative_stamp(texts[i]) for i in head)
    if best is not None and not relative:
        return best[1]
    if dateline is not None and dateline.date:
        year = (raw.fetched_at or "")[:4]
        if not dateline.date.startswith("--"):
            return Found(dateline.date, "dateline")
        if year.isdigit():
            return Found(year + dateline.date[1:], "dateline (year from fetched_at)")
        return Found(dateline.date, "dateline (no year)")
    if relative:
        return None
    for i, ln in enumerate(lines):  # weak: a site header's date is the day the page was fetched
        hit = find_date(ln.text, need_year=True)
        if hit is not None and not _post_date(lines, i, ln.text[:hit.start], far=True):
            return _found_in(ln, hit.iso, WEAK_DATE, hit.start, hit.end)
    return None


def _date_in_line(words: str) -> tuple[str, str, int, int] | None:
    """A date inside a longer line at the story's head, named by the label before it ("Jane Doe |
    Last Updated: Nov 20, 2019"); of several, the published one ("Updated Nov 20, 2019 Published
    Nov 19, 2019"), else the first."""
    named = [(label_before(words[:d.start]) or "date above the body", d)
             for d in find_dates(words, need_year=True)]
    if not named:
        return None
    label, d = next((x for x in named if x[0] == "published line"), named[0])
    return d.iso, label, d.start, d.end


def _span_of_days(words: str, evidence: str) -> bool:
    """An unlabelled line of two days ("29 November 2018 | 20 January 2019"): an event's
    dates, not the story's."""
    return evidence == "date line" and len({h.iso[:10] for h in find_dates(words, need_year=True)}) > 1


def _time_below(texts: Sequence[str], i: int) -> str:
    """The time of a date that ends line i, cut onto the next line or two ("Nov 18, 2019" /
    "at" / "9:24 pm ET"), as text to read after the date; else ""."""
    below = list(texts[i + 1:i + 3])
    if below and below[0].lower() in (*CLOCK_WORDS, "-", "|", "/", "·", "•") and len(below) > 1:
        below = below[1:]
    return " " + below[0] if below and time_line(below[0]) else ""


def _head_rows(n: int, first_kept: int, top: int) -> list[int]:
    """The rows at the story's head: above the first kept line, and under the headline (`top`)."""
    rows = set(range(max(0, first_kept - HEAD_ZONE), min(n, first_kept + 1)))
    return sorted(rows.union(range(top + 1, min(n, top + 7)) if top > 0 else ()))


def _posted_without_year(raw: RawDoc, lines: Sequence[Line], texts: Sequence[str], rows: list[int]) -> Found | None:
    """A "Posted Nov 19, 6:51 AM" line among `rows` (the story's head): sites leave out the
    year of the current year's stories, so the year is the one the page was fetched in,
    else the year of its copyright line."""
    for i in rows:
        hit = posted_day(texts[i])
        if hit is None:
            continue
        ln = lines[i]
        year, how = (raw.fetched_at or "")[:4], "fetched_at"
        if year.isdigit() and hit[0][2:] > raw.fetched_at[5:10]:
            year = str(int(year) - 1)  # a day after the fetch: last year's
        if not year.isdigit():
            year, how = page_year(texts) or "", "the page's copyright line"
        if year:
            return _found_in(ln, year + hit[0][1:], f"published line (year from {how})", hit[1], hit[2])
    return None


def _post_date(lines: Sequence[Line], i: int, before: str, *, far: bool) -> bool:
    """The date on line i (after the text `before` on its line) signs an embedded social
    post: "— Name (@handle)" before it, or, away from the story's head, a bare "@handle"."""
    if not before.strip():
        above = [ln.text.strip() for ln in lines[max(0, i - 2):i]]
        above = [t for t in above if t.strip("-–—·|")]  # "@outlet" / "-" / date
        before = above[-1] if above else ""
    return signs_post(before, bare_handle=far)


def _found_in(ln: Line, value: str, evidence: str, s: int, e: int) -> Found:
    """A Found for [s, e) of line `ln` (raw offsets; -1 for lines without them)."""
    if ln.start < 0:
        return Found(value, evidence, -1, -1)
    return Found(value, evidence, ln.start + s, ln.start + e)


__all__ = ["find_published"]
