"""Lists on a news page the line model gets wrong.

A numbered list that goes on from the article (`numbered_list`): "1) ...",
"2) ...", "3) ..." with the lines between the items. Rows of data that go on
from the article (`data_rows`): a tour's dates, a season's calendar, a list of
results, short lines of one shape right below the story ("June 9 – Tampa, FL @ Arena", "1a etapa: 10 de março – Interlagos").
Each row is keyed by a number or a date in its first words and cut by the same
separator; menus and teaser lists are not.

A feed of other stories (`feed_items`): each item a headline and a summary over
a relative time ("2H ago", "há 3 horas", "5 часов назад"), prose the model may keep.
"""

from __future__ import annotations

import re

import numpy as np

from .dates import MONTHS
from .lines import COL, Page, debris_cue

LIST_RUN, LIST_GAP, LIST_NEAR = 3, 6, 3  # see `numbered_list`
ITEM = re.compile(r"\s*(\d{1,2})(?:[.):]|\s[-–])\s*[^\W\d_]")  # "3) Lego ...", "1. Define ..."
ROWS_MIN, ROWS_NEAR = 4, 3  # see `data_rows`
ROW_SEP = re.compile(r"\s(?:--?|[–—|@])\s|[:,]\s|\t")
FEED_MIN, FEED_ABOVE = 3, 2  # see `feed_items`
AGO = re.compile(
    r"(?:updated\s+)?\d+\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?"
    r"|w|wks?|weeks?)\s+ago"
    r"|(?:há|hace|il y a|vor)\s+\d+\s+\w+"  # pt, es, fr, de
    r"|\d+\s+\w+\s+(?:назад|lalu|fa)"  # ru, id, it
    r"|\d+\s?(?:分|時間|日)前|\d+\s?(?:분|시간|일)\s?전",  # ja, ko
    re.IGNORECASE)

__all__ = ["AGO", "data_rows", "feed_items", "numbered_list", "row_shape"]


def numbered_list(page: Page, keep: np.ndarray) -> np.ndarray:
    """Lines of a numbered list that goes on from the article: items numbered 1, 2, 3, ...
    (LIST_RUN or more, at most LIST_GAP lines apart) whose first item comes at most
    LIST_NEAR lines after a kept line, with the lines between items and after the last
    one (a link, a caption); lines with a debris cue stay out."""
    out = np.zeros(len(keep), dtype=bool)
    texts = page.texts
    digits = (page.X[:, COL["digit_share"]] > 0).nonzero()[0].tolist()
    items = [(i, int(m.group(1))) for i in digits if (m := ITEM.match(texts[i]))]
    runs: list[list[tuple[int, int]]] = []
    for i, k in items:
        if runs and k == runs[-1][-1][1] + 1 and i - runs[-1][-1][0] <= LIST_GAP:
            runs[-1].append((i, k))
        else:
            runs.append([(i, k)])
    for run in runs:
        first, last = run[0][0], run[-1][0]
        if len(run) < LIST_RUN or not keep[max(0, first - LIST_NEAR):first + 1].any():
            continue
        end = min(len(keep), last + (last - run[-2][0]))  # the last item's lines, as the others
        cue = debris_cue(page.X[first:end])
        out[first:end] = ~cue
    return out


def row_shape(text: str) -> tuple[str, str] | None:
    """(what the row starts with: a number, a month or a word; its first separator), or
    None for a line that is no data row (no digit in its first three words, no separator)."""
    words = text.split(None, 3)  # the first three words are all that is looked at
    if len(words) < 2 or not any(map(str.isdigit, "".join(words[:3]))):
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
    n = len(keep)
    out = np.zeros(n, dtype=bool)
    digits = page.X[:, COL["digit_share"]] > 0
    seen = np.concatenate(([0], np.cumsum(keep)))
    at = np.arange(n)
    near = seen[at] - seen[np.maximum(0, at - ROWS_NEAR)] > 0  # a kept line just above
    texts = page.texts
    for i in (digits & near).nonzero()[0].tolist():  # shapes only where a run may start
        shape = row_shape(texts[i])
        if shape is None or (i and digits[i - 1] and row_shape(texts[i - 1]) == shape):
            continue
        j = i + 1
        while j < n and digits[j] and row_shape(texts[j]) == shape:
            j += 1
        if j - i >= ROWS_MIN:
            cue = debris_cue(page.X[i:j])
            out[i:j] = ~cue
    return out


def feed_items(page: Page) -> np.ndarray:
    """Lines of a feed of other stories: on a page with FEED_MIN or more lines that are
    only a relative time ("14H ago"), those lines and the FEED_ABOVE lines above each."""
    out = np.zeros(len(page.texts), dtype=bool)
    texts = page.texts
    short = ((page.X[:, COL["digit_share"]] > 0) & (page.chars <= 30)).nonzero()[0].tolist()
    times = [i for i in short if AGO.fullmatch(texts[i])]
    if len(times) < FEED_MIN:
        return out
    for i in times:
        out[max(0, i - FEED_ABOVE):i + 1] = True
    return out
