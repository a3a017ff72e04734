"""Post-filters on extracted HTML body lines: the debris trafilatura lets through.

Rules are generic news conventions (written from half of the benchmark pages, scored
on the other half): the headline repeated in the body, a standfirst set as a subhead
before the first paragraph, promo / share / subscribe lines (`promo.html_line`), and
everything after a closing marker such as "You may also like" near the end, and
the boilerplate blocks text pages lose too (`tail.edge_boilerplate`: an About
section, consent and sign-up text, appeals after the story).
"""

from __future__ import annotations

import re

import numpy as np

from ..records import Line
from .promo import MAX_WORDS as _MAX_PROMO_WORDS
from .promo import html_line
from .tail import REASON as BOILERPLATE
from .tail import edge_boilerplate

_TOKEN = re.compile(r"\w+")
_MARKER = re.compile(
    r"^\W*(you (may|might) (also )?like|related (stories|articles|posts|content|news|links)|"
    r"more (stories|from [\w .]+|on this( story| topic)?)|recommended( for you)?|"
    r"most (read|popular|viewed)|tell us what you think|comments?|\d+ comments?|leave a (comment|reply)|"
    r"further reading|popular (stories|posts)|what to read next|top stories)\W*$",
)  # matched against lower-cased text (faster than IGNORECASE)


def _key(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def _is_title(key: str, tkey: str) -> bool:
    return bool(key) and (key == tkey or (len(key) > 20 and tkey.startswith(key)))


def _words(text: str, cap: int) -> int:
    """The number of words in `text`, or cap + 1 when it has more (no full split)."""
    return len(text.split(None, cap))


def _line_reason(line: Line, i: int, before_body: bool, tkey: str) -> str:
    words = _words(line.text, _MAX_PROMO_WORDS + 1)  # exact up to the promo limit
    if line.kind == "headline" or (i < 3 and tkey and _is_title(_key(line.text), tkey)):
        return "repeated headline"
    if before_body and line.kind == "subhead" and words >= 10:
        return "standfirst"
    if words > _MAX_PROMO_WORDS:
        return ""
    return "promo" if html_line(line.text.lower()) else ""


def _tail_start(lines: list[Line]) -> int:
    """Index of a closing marker line in the last 40% of the text, else len(lines)."""
    total = sum(len(x.text) for x in lines) or 1
    seen = 0
    for i, line in enumerate(lines):
        if seen > 0.6 * total and _words(line.text, 9) <= 8 and _MARKER.match(line.text.lower()):
            return i
        seen += len(line.text)
    return len(lines)


def filter_lines(lines: list[Line], title: str | None) -> tuple[list[Line], list[Line]]:
    """(kept, removed): removed lines carry keep=False and the reason."""
    kept: list[Line] = []
    removed: list[Line] = []
    tkey = _key(title) if title else ""
    cut = _tail_start(lines)
    before_body = True
    for i, line in enumerate(lines):
        reason = "after closing marker" if i >= cut else _line_reason(line, i, before_body, tkey)
        if reason:
            removed.append(Line(line.text, -1, -1, False, reason, line.kind))
        else:
            kept.append(line)
            if line.kind == "paragraph":
                before_body = False
    boiler = edge_boilerplate([x.text for x in kept], np.ones(len(kept), dtype=bool))
    if boiler.any():
        removed += [Line(x.text, -1, -1, False, BOILERPLATE, x.kind) for x, b in zip(kept, boiler, strict=True) if b]
        kept = [x for x, b in zip(kept, boiler, strict=True) if not b]
    return kept, removed


__all__ = ["filter_lines"]
