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
    weekdays = {m.group(1).lower(): m for m in _WEEKDAY_RE.finditer(text)}
    if not weekdays:
        return None
    matches: dict[str, tuple] = {}
    for hit in find_dates(text, need_year=True):
        day = _day(hit.iso)
        if day is None or signs_post(text[text.rfind("\n", 0, hit.start) + 1:hit.start]):
            continue  # an embedded post's date ("— Jane Doe (@jdoe) May 18, 2021") is not the story's
        name = WEEKDAYS[day.weekday()]
        if name in weekdays:
            matches.setdefault(day.isoformat(), (name, hit))
    if len(matches) != 1:
        return None
    iso, (name, hit) = next(iter(matches.items()))
    where = "caption" if any(s.start <= hit.start < s.end for s in captions) else "text"
    evidence = (f"inferred: weekday '{weekdays[name].group(1)}' + date "
                f"'{text[hit.start:hit.end]}' in {where}")
    return Found(iso, evidence, hit.start, hit.end)


__all__ = ["infer_date"]
