"""Counters a page shows around a story: views, comments, votes, rating, likes.

`parse_counters("0.00 (0%) 0 votes")` -> [("rating", "0.00"), ("votes", "0")];
`parse_counters("201")` -> [("unlabelled", "201")]. A line that holds anything
besides counters gives []; `strip_counters` returns what is left.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NUM = r"\d(?:[,.\u00a0\u202f]?\d|\s\d{3}\b)*(?:\s?(?:[kKmM]|тыс\.?)(?!\w))?"
_LABELS: dict[str, str] = {}
for _label, _words in {
    "views": "views view reads read hits просмотров просмотра просмотр просмотры aufrufe "
             "vues visualizzazioni visitas vistas visualizações dilihat",
    "comments": "comments comment replies kommentare kommentar commentaires commentaire "
                "commenti commento comentarios comentários комментариев комментария "
                "комментарий комментарии komentar",
    "votes": "votes vote ratings голосов голоса голос stimmen votos voti",
    "likes": "likes like лайков лайка лайк",
    "shares": "shares share репостов репоста репост",
    "rating": "rating рейтинг bewertung note valoración",
}.items():
    for _w in _words.split():
        _LABELS[_w] = _label
_WORD = "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True))
_ICONS = "👁👍💬❤⭐★☆✩✭🔥📊🗨"
_ICON_LABEL = {"👁": "views", "👍": "likes", "❤": "likes", "💬": "comments", "🗨": "comments"}

_TOKENS = re.compile(
    rf"(?P<pre>(?:{_WORD})\s*:?\s*(?P<pn>{_NUM}))"
    rf"|(?P<post>(?P<qn>{_NUM})\s*(?:{_WORD})\b)"
    rf"|(?P<score>(?P<sn>\d{{1,2}}[.,]\d{{1,2}})\s*(?:/\s*(?:5|10)(?:[.,]0+)?)?(?:\s*\(\d{{1,3}}(?:[.,]\d+)?%\))?)"
    rf"|(?P<pct>\(\d{{1,3}}%\))"
    rf"|(?P<stars>[★☆✩✭]{{3,10}})"
    rf"|(?P<icon>[{_ICONS}]\ufe0f?\s*(?P<in>{_NUM})?)"
    rf"|(?P<bare>(?P<bn>{_NUM}))",
    re.I,
)
_LETTERS = re.compile(r"[^\W\d_]+")
_UNITS = {"k", "m", "тыс", "rating", "votes"}
_SEPARATORS = re.compile(r"^[\s|·•/,;:()\-–—]*$")


def _label_of(word_text: str) -> str:
    m = re.search(_WORD, word_text, re.I)
    return _LABELS.get(m.group(0).lower(), "unlabelled") if m else "unlabelled"


def _scan(line: str) -> tuple[list[tuple[str, str]], str]:
    found: list[tuple[str, str]] = []
    rest: list[str] = []
    pos = 0
    for m in _TOKENS.finditer(line):
        rest.append(line[pos:m.start()])
        pos = m.end()
        if m.group("pre"):
            found.append((_label_of(m.group("pre")), m.group("pn").strip()))
        elif m.group("post"):
            found.append((_label_of(m.group("post")), m.group("qn").strip()))
        elif m.group("score"):
            found.append(("rating", m.group("sn")))
        elif m.group("icon"):
            icon = m.group("icon")[0]
            if m.group("in"):
                found.append((_ICON_LABEL.get(icon, "rating"), m.group("in").strip()))
        elif m.group("stars"):
            found.append(("rating", str(m.group("stars").count("★") + m.group("stars").count("✭"))))
        elif m.group("bare"):
            found.append(("unlabelled", m.group("bn").strip()))
    rest.append(line[pos:])
    return found, "".join(rest)


def parse_counters(line: str) -> list[tuple[str, str]]:
    """[(label, value)] when the whole line is counters, else []."""
    text = line.strip()
    if not text or len(text) > 80 or not _has_figure(text):
        return []
    return list(_counters(text))


_FIGURE = re.compile(rf"[0-9{_ICONS}]")


def _has_figure(text: str) -> bool:
    """A digit (any script) or a counter icon in `text`; ASCII text takes the regex test only."""
    if _FIGURE.search(text):
        return True
    return not text.isascii() and any(map(str.isdigit, text))


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def _counters(text: str) -> tuple[tuple[str, str], ...]:
    if any(w.lower() not in _LABELS and w.lower() not in _UNITS for w in _LETTERS.findall(text)):
        return ()  # a word that is no counter label: not a counter line
    found, rest = _scan(text)
    if not found or not _SEPARATORS.match(rest):
        return ()
    # a lone year or a long digit run is not a counter line
    if len(found) == 1 and found[0][0] == "unlabelled" and not re.fullmatch(r"\d{1,7}|\d{1,3}(?:[,.\s]\d{3})+", found[0][1]):
        return ()
    return tuple(found)


_WORD_THEN_NUM = r"(?=[^\W\d_]+\s*:?\s*\d)"  # "views: 5" needs it: tested before the label words
_TAIL = re.compile(
    rf"(?:\s*[|·•]?\s*(?:\d{{1,2}}[.,]\d{{1,2}}(?:\s*\(\d{{1,3}}%\))?|\(\d{{1,3}}%\)|"
    rf"{_NUM}\s*(?:{_WORD})|{_WORD_THEN_NUM}(?:{_WORD})\s*:?\s*{_NUM}|[{_ICONS}]\s*(?:{_NUM})?))\s*$", re.I)


def _may_end_counter(text: str) -> bool:
    """Whether `text` (no trailing space) may end in a `_TAIL` widget: a letter or digit,
    ")", an icon, or the "." of "тыс." (after a non-ASCII letter)."""
    last = text[-1]
    if last == ".":
        return len(text) >= 2 and not text[-2].isascii()
    return last.isalnum() or last == ")" or last in _ICONS


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def strip_counters(line: str) -> str:
    """The line without trailing counter / rating widgets ("Title 0.00 (0%) 0 votes" -> "Title")."""
    text = line.rstrip()
    if not _has_figure(text[-40:]) or not _may_end_counter(text):
        return text
    while True:
        cut = max(0, len(text) - 60)  # widgets are short: look at the tail only
        m = _TAIL.search(text, cut)
        if not m or m.start() == 0:
            return text
        text = text[: m.start()].rstrip()


__all__ = ["parse_counters", "strip_counters"]
