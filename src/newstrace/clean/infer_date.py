"""A publication date inferred from the text when the page states none.

"On Wednesday, ... met ..." plus a caption dated "May 19, 2021" (a Wednesday)
gives 2021-05-19. The value is marked inferred in its evidence; offsets point
into the text given (the dated mention).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..records import Found, Span
from .dates import find_dates, signs_post

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# a file or archive photo's caption: "FILE - In this May 19, 2021 photo", "(File photo)"
_FILE = re.compile(r"\b(?:FILE\b|(?i:file|archive) (?:photo|image|picture)|\((?i:file)\))")
_WEEKDAY_RE = re.compile(r"\b(?:on|this|last|late|early|since)?\s*(" + "|".join(WEEKDAYS) + r")\b",
                         re.I)


def _day(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def infer_date(text: str, *, captions: Sequence[Span] = ()) -> Found | None:
    """The date a story was written, from a weekday it names and a dated mention.

    Returns Found(iso_date, evidence, start, end) or None when the text does
    not settle it: the weekday must match exactly one distinct full date.
    """
    found = list(_WEEKDAY_RE.finditer(text))
    if not found:
        return None
    matches: dict[str, tuple] = {}
    for hit in find_dates(text, need_year=True):
        day = _day(hit.iso)
        start, end = text.rfind("\n", 0, hit.start) + 1, text.find("\n", hit.end)
        if day is None or signs_post(text[start:hit.start]) or _FILE.search(text, start, end if end > 0 else len(text)):
            continue  # an embedded post's date ("— Jane Doe (@jdoe) May 18, 2021"), a file photo's
        name = WEEKDAYS[day.weekday()]
        # the weekday written by the date itself ("Tuesday, Nov. 19, 2019") says nothing of the story
        told = next((m for m in found if m.group(1).lower() == name and not hit.start - 16 <= m.end() <= hit.start),
                    None)
        if told is not None:
            matches.setdefault(day.isoformat(), (told, hit))
    if len(matches) != 1:
        return None
    iso, (told, hit) = next(iter(matches.items()))
    where = "caption" if any(s.start <= hit.start < s.end for s in captions) else "text"
    evidence = (f"inferred: weekday '{told.group(1)}' + date "
                f"'{text[hit.start:hit.end]}' in {where}")
    return Found(iso, evidence, hit.start, hit.end)


__all__ = ["infer_date"]
