"""Lists that go on from the article: rows of data a line model reads as debris.

A tour's dates, a season's calendar, a list of results: short lines of one shape
right below the story ("June 9 – Tampa, FL @ Arena", "1a etapa: 10 de março –
Interlagos"). Each row is keyed by a number or a date in its first words and cut
by the same separator; menus and teaser lists are not.
"""

from __future__ import annotations

import re

import numpy as np

from .dates import MONTHS
from .lines import COL, Page

ROWS_MIN, ROWS_NEAR = 4, 3  # see `data_rows`
ROW_SEP = re.compile(r"\s(?:--?|[–—|@])\s|[:,]\s|\t")

__all__ = ["data_rows", "row_shape"]


def row_shape(text: str) -> tuple[str, str] | None:
    """(what the row starts with: a number, a month or a word; its first separator), or
    None for a line that is no data row (no digit in its first three words, no separator)."""
    words = text.split()
    if len(words) < 2 or not any(c.isdigit() for w in words[:3] for c in w):
        return None
    sep = ROW_SEP.search(text)
    if sep is None:
        return None
    first = words[0].lower().rstrip(".")
    kind = "number" if words[0][0].isdigit() else "month" if first in MONTHS else "word"
    return kind, sep.group().strip()[:1] or "\t"


def data_rows(page: Page, keep: np.ndarray) -> np.ndarray:
    """Lines of a data list going on from the article: ROWS_MIN or more lines in a row of
    one `row_shape`, the first at most ROWS_NEAR lines below a kept line. Rows with a
    debris cue (copyright, advert, ...) stay out."""
    out = np.zeros(len(keep), dtype=bool)
    digits = page.X[:, COL["digit_share"]] > 0
    shapes = [row_shape(t) if d else None for t, d in zip(page.texts, digits.tolist(), strict=True)]
    n, i = len(shapes), 0
    while i < n:
        j = i + 1
        while j < n and shapes[i] is not None and shapes[j] == shapes[i]:
            j += 1
        if j - i >= ROWS_MIN and keep[max(0, i - ROWS_NEAR):i].any():
            cue = page.X[i:j, COL["copyright"]:COL["advert"] + 1].max(axis=1) > 0
            out[i:j] = ~cue
        i = j
    return out
