"""Dates stated in news text, in several languages, to ISO 8601.

`find_date("May 19, 2021")` -> DateHit("2021-05-19", 0, 12); also "19. Mai 2021",
"19 de maio de 2021", "19.05.2021 14:30", "2021.05.19", "2021年5月19日", "2021년 5월 19일".
A date without a year gives "--MM-DD" (ISO 8601 for a day without year).
`date_line` reads a line that is a date, with its label ("Published", "Atualizado em",
"입력", "公開日"), weekday, time and zone; `posted_day` a labelled day without a year;
`relative_stamp` a line dating a story only relative to now ("2 hours ago"). The time
of day and zone written next to a date are read in `clock`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from newstrace.clean.clock import CLOCK_BEFORE, china_site, hh_mm, time_line, with_clock, with_zone

_MONTHS_RAW = {
    1: "jan january janv janvier januar jänner enero ene gennaio gen janeiro januari "
       "января январь янв січня styczeń stycznia",
    2: "feb february febr févr février februar febrero febbraio fevereiro februari "
       "февраля февраль фев лютого lutego",
    3: "mar march mars märz marz marzo março maret maart марта март мар березня marca",
    4: "apr april avr avril abril abr aprile апреля апрель апр квітня kwietnia",
    5: "may mai mayo maggio mag maio mei мая май травня maja",
    6: "jun june juin juni junio giugno giu junho июня июнь июн червня czerwca",
    7: "jul july juil juillet juli julio luglio lug julho июля июль июл липня lipca",
    8: "aug august août aout agosto ago agustus augustus августа август авг серпня sierpnia",
    9: "sep sept september septembre septiembre settembre set setembro сентября "
       "сентябрь сен вересня września",
    10: "oct october octobre oktober octubre ottobre ott outubro okt oktober "
        "октября октябрь окт жовтня października",
    11: "nov november novembre noviembre novembro ноября ноябрь ноя листопада listopada",
    12: "dec december décembre dezember diciembre dic dicembre dezembro des desember "
        "декабря декабрь дек грудня grudnia",
}
MONTHS: dict[str, int] = {w: n for n, ws in _MONTHS_RAW.items() for w in ws.split()}
_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_M = rf"(?P<mon>{_MONTH})\.?"
_TIME = r"(?:,?\s*(?:at\s+|um\s+|à\s+|в\s+)?(?P<hh>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?:\s*(?P<ap>[ap]\.?m\.?))?)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_DIGIT = re.compile(r"\d")  # every date form holds a digit

# a word, then a day: what "May 19" needs, tested before the month names are tried
_BEFORE_DAY = r"(?=[^\W\d_]+\.?\s+\d)"
_PATTERNS = [
    # 2021-05-19, 2021-05-19T14:30
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d)"
               r"(?:\s?(?P<ap>[ap]\.?m\.?)(?![a-z]))?)?", re.I),
    # 19.05.2021 14:30, 19/05/2021, 05/19/2021
    re.compile(rf"\b(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep){_YEAR}(?!\d){_TIME}", re.I),
    # 11/13/19 (two-digit year, slash only)
    re.compile(rf"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>/)(?P<b>[0-3]?\d)/(?P<y2>[0-3]\d)(?![\d/.]){_TIME}", re.I),
    # May 19, 2021 / May 19 2021 / Nov 29
    re.compile(rf"\b{_BEFORE_DAY}{_M}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}(?:\b|(?=\d{{1,2}}:\d\d)))?{_TIME}",
               re.I),
    # 19 May 2021 / 3. Mai 2021 / 19 de mayo de 2021 / 29 ноя / 19 мая 2021 г.
    re.compile(rf"\b(?P<d>[0-3]?\d)(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{_M}(?=[\s,.]|$)"
               rf"(?:,?\s*(?:de\s+)?{_YEAR}\b)?{_TIME}", re.I),
    # 2021.05.19 14:30, 2021. 5. 19., 2021/05/19 (year first: East Asian and some European pages)
    re.compile(r"(?<![\d./])(?P<y>(?:19|20)\d{2})(?P<sep>\.\s?|/)(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d/])\.?"
               r"(?:\s*\([^)\d]{1,3}\))?(?:\s+(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s?(?P<ap>[ap]\.?m\.?)(?![a-z]))?)?",
               re.I),
    # 2021年5月19日 10:30 / 2021년 5월 19일 (Japanese, Chinese, Korean)
    re.compile(r"(?P<y>(?:19|20)\d{2})\s?[年년]\s?(?P<mo>[01]?\d)\s?[月월]\s?(?P<d>[0-3]?\d)\s?[日일]"
               r"(?:\s*[(（][^)）\d]{1,3}[)）])?(?:\s*(?P<hh>[01]?\d|2[0-3])\s?[:時시]\s?(?P<mi>[0-5]\d))?"),
]


# what each pattern above cannot match without (a cheap test before it, in the same order)
_NEEDS = [re.compile(r"\d{4}-[01]"), re.compile(r"\d[./]\d"), re.compile(r"\d/\d"), re.compile(r"\s\d"),
          re.compile(r"\d(?:\.|er|st|nd|rd|th)?\s", re.I), re.compile(r"\d{4}(?:\.\s?|/)\d"), re.compile(r"[年년]")]

# month words that are also common words: without a year they need a capital
_AMBIGUOUS = {"may", "mar", "set", "gen", "ago", "des", "mag", "ene", "mei", "dic", "ott", "lug",
              "giu", "jun", "jul", "mai", "okt", "abr", "dec", "sep", "nov", "feb", "apr", "aug", "oct", "jan"}


class DateHit(NamedTuple):
    iso: str
    start: int
    end: int


def _iso(y: str | None, mo: int, d: int, hh: str | None, mi: str | None, ap: str | None) -> str | None:
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    day = f"{y}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
    return f"{day}T{hh_mm(hh, mi, ap)}" if y and hh is not None and mi is not None else day


def _from_match(m: re.Match) -> str | None:
    g = m.groupdict()
    hh, mi, ap = g.get("hh"), g.get("mi"), g.get("ap")
    if "a" in g and g.get("a") is not None:
        a, b = int(g["a"]), int(g["b"])
        if a <= 12 < b:  # US month/day/year ("11/14/2019", "11.14.2019")
            a, b = b, a
        if g.get("y2") and a <= 12 and b <= 12 and a != b:
            return None  # "11/12/19": day or month first, the short form does not say
        year = g.get("y") or ("20" + g["y2"] if g.get("y2") else None)
        return _iso(year, b, a, hh, mi, ap)
    if g.get("mon"):
        mon = g["mon"]
        mo = MONTHS.get(mon.lower().rstrip("."))
        if mo is None or (not g.get("y") and mon.islower() and mon in _AMBIGUOUS):
            return None
        return _iso(g.get("y"), mo, int(g["d"]), hh, mi, ap)
    return _iso(g["y"], int(g["mo"]), int(g["d"]), hh, mi, ap)


WEAK_DATE = "first date on the page (weak)"  # evidence of a published date found by no other rule


def firm_published(article) -> str | None:
    """An article's published date, unless it is only the page's first date (a site
    header's date may be the day the page was fetched): for ordering copies."""
    found = article.published
    return found.value if found and found.evidence != WEAK_DATE else None


_POST_SIGN = re.compile(r"[—–-]\s[^\n]*\(@\w{1,15}\)\s*$")  # "— Jane Doe (@jdoe) May 19, 2021"
_HANDLE = re.compile(r"(?:^|\s)@\w{1,15}\s*[-–—·|]?\s*$")  # "@outlet - May 19, 2021" in a feed


def signs_post(before: str, *, bare_handle: bool = False) -> bool:
    """Whether text just before a date signs an embedded social post ("— Jane Doe (@jdoe)"),
    or with `bare_handle` also a feed item ("@outlet -"): that date is the post's, not the story's."""
    before = before.rstrip()
    return bool(_POST_SIGN.search(before) or (bare_handle and _HANDLE.search(before)))


def find_dates(text: str, *, need_year: bool = False) -> list[DateHit]:
    """Every date in `text`, left to right, without overlaps."""
    hits: list[DateHit] = []
    if not _DIGIT.search(text):
        return hits
    taken: list[tuple[int, int]] = []
    for rx, need in zip(_PATTERNS, _NEEDS, strict=True):
        if not need.search(text):
            continue
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            iso = _from_match(m)
            if iso is None or (need_year and iso.startswith("--")):
                continue
            hits.append(DateHit(iso, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def find_date(text: str, *, need_year: bool = False) -> DateHit | None:
    """The first date in `text`, or None."""
    hits = find_dates(text, need_year=need_year)
    return hits[0] if hits else None


# what may stand by a date in a date line: a time word or zone, a weekday
_AROUND = re.compile(r"(?:\b(?:(?i:at|um|à|às|alle|ore|pukul|jam|в|г|года?|uhr|hrs?|utc|gmt|msk|cet|cest|est|edt)|"
                     r"[+-]\d{2}:?\d{2}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d\d)?|[A-Z]{1,3}[SD]?T|WIB|WITA|WIT|МСК|IST|"
                     r"\d{1,2}[:.h]\d\d(?::\d\d)?(?:\s*(?i:[ap]\.?m\.?))?|"
                     r"(?i:(?:updated\s+)?\d{1,2}\s+(?:hours?|minutes?|mins?)\s+ago))\b|[(（][^)）\d]{1,3}[)）])\.?")
_WEEKDAY = re.compile(r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
                      r"(?:segunda|terça|quarta|quinta|sexta)(?:-feira)?|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|"
                      r"domenica|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|senin|selasa|"
                      r"rabu|kamis|jumat|jum'at|sabtu|minggu|понедельник|вторник|среда|четверг|пятница|суббота|"
                      r"воскресенье|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?,?", re.I)
_LABEL_RE = re.compile(
    r"^\s*(?P<label>(?:first |originally )?published|posted|updated|last updated|modified|date|опубликовано|"
    r"обновлено|дата публикации|veröffentlicht|aktualisiert|publié le|publié|mis à jour|erschienen|stand|"
    r"publicado|actualizado|atualizado|pubblicato|aggiornato|diterbitkan|dipublikasikan|diperbarui|"
    r"입력|수정|최종수정|기사입력|등록|公開日?|更新日?|配信|发布时间|发布|更新时间)\b\s*(?:on|am|le|el|il|em|pada)?\s*[:：]?\s*",
    re.I)


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def date_line(text: str) -> tuple[str, str, int, int] | None:
    """A line that is (mostly) a date: (iso, evidence, start, end) in the line, else None.

    "Published: May 19, 2021 14:30" -> ("2021-05-19T14:30", "published line", ...);
    "19.05.2021" -> ("2021-05-19", "date line", ...).
    """
    if not _DIGIT.search(text):
        return None  # every date form holds a digit
    label = _LABEL_RE.match(text)
    offset = label.end() if label else 0
    rest = text[offset:]
    hit = find_date(rest, need_year=True)
    if hit is None:
        return None
    leftover = (rest[: hit.start] + rest[hit.end:]).strip(" \t|,.-–—")
    leftover = _AROUND.sub("", leftover)
    leftover = _WEEKDAY.sub("", leftover.strip())
    if len(leftover.strip(" ,.|()")) > 4:
        return _date_parts(text)
    evidence = _label_evidence(label.group("label")) if label else "date line"
    return hit.iso, evidence, offset + hit.start, offset + hit.end


def _date_parts(text: str) -> tuple[str, str, int, int] | None:
    """A line of date lines joined by "|" or ";" ("Published: 10:31 EST, 19 November 2019 |
    Updated: ..."): its published part, else its first."""
    if not any(c in text for c in "|;•·"):
        return None
    found = []
    for at, part in _parts(text):
        hit = date_line(part) if part else None
        if hit is None:
            return None
        found.append((hit[1] != "published line", hit[0], hit[1], at + hit[2], at + hit[3]))
    return min(found)[1:] if len(found) >= 2 else None


def _label_evidence(label: str) -> str:
    updated = label.lower().startswith(("updated", "last", "modified", "обнов", "aktual", "mis à", "actual", "aggior",
                                        "atualiz", "diperbarui", "stand", "수정", "최종", "更新"))
    return "updated line" if updated else "published line"


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def label_line(text: str) -> str | None:
    """A line that is only a date label ("Updated", "Published:"): the evidence its date line
    below gets ("updated line" / "published line"), else None."""
    label = _LABEL_RE.match(text.lstrip(" |·•-–—"))  # "| Updated :" after a byline's separator
    if label is None or label.string[label.end():].strip(" |:·•-–—"):
        return None
    return _label_evidence(label.group("label"))


# a label ending the text before a date inside a longer line ("Jane Doe | Last Updated : Nov 20, 2019")
_LABEL_END = re.compile(
    r"(?:^|(?<=[\s|·•(\[]))(?P<label>(?:first |originally )?published|posted|updated|modified|опубликовано|"
    r"обновлено|veröffentlicht|aktualisiert|publié(?: le)?|mis à jour|publicado|actualizado|atualizado|pubblicato|"
    r"aggiornato|diterbitkan|diperbarui|입력|수정|기사입력|公開日?|更新日?|发布时间|更新时间)"
    r"\s*(?:on|at|am|le|el|il|em|pada)?\s*[:：]?\s*[\[(]?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$", re.I)


def label_before(text: str) -> str | None:
    """The evidence ("published line" / "updated line") a label right before a date gives it,
    a clock time between them aside ("Updated 10:28am EST, "), else None."""
    tail = text[-60:]
    clock = CLOCK_BEFORE.search(tail)
    if clock is not None:
        text = text[:len(text) - len(tail) + clock.start()]
    m = _LABEL_END.search(text[-40:])
    return _label_evidence(m.group("label")) if m else None


_PARTS = re.compile(r"\s*[;|•·]\s*")


def _parts(text: str):
    """(offset, part) of each part of a line cut at "|", ";", "•" or "·"."""
    pos = 0
    for part in _PARTS.split(text):
        at = text.find(part, pos)
        pos = at + len(part)
        yield at, part


_NUMERIC = re.compile(r"(?<![\d./])(?P<a>[01]?\d|2\d|3[01])(?P<sep>[./])(?P<b>[01]?\d|2\d|3[01])(?P=sep)(?:19|20)?\d\d(?![\d/])")
_US_ZONE = re.compile(r"[\s,]*(?:at\s+)?(?:\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?)?\s*\(?"
                      r"(?-i:[ECMP][SD]?T|AK[SD]T|HST)\b", re.I)


def month_first(day: str, after: str, texts: list[str] | tuple[str, ...]) -> bool:
    """Whether a numeric day that reads both ways ("11/05/2019") is month first: the page's
    other numeric days prove it ("11/19/2019" beside it; "19/11/2019" says day first), else a
    US time zone written by it ("11/05/2019 9:12 AM EST") does."""
    m = _NUMERIC.match(day)
    if m is None or int(m["a"]) > 12 or int(m["b"]) > 12 or m["a"].lstrip("0") == m["b"].lstrip("0"):
        return False
    order = _page_order(tuple(texts), m["sep"])
    if order:
        return order == frozenset({False})
    return _US_ZONE.match(after) is not None


@lru_cache(maxsize=8)  # one page asks once per numeric day it reads
def _page_order(texts: tuple[str, ...], sep: str) -> frozenset[bool]:
    """How the page's numeric days that read one way only are written: True day first, False month first."""
    return frozenset(int(o["a"]) > 12 for t in texts if sep in t for o in _NUMERIC.finditer(t)
                     if o["sep"] == sep and max(int(o["a"]), int(o["b"])) > 12)


_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?(?P<y>(?:19|20)\d{2})\b", re.I)


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def posted_day(text: str) -> tuple[str, int, int] | None:
    """A labelled published day without a year ("Posted Nov 19, 6:51 AM", also after an
    "Updated ...;" part): ("--11-19", start, end) in the line, else None."""
    if len(text) > 100 or not _DIGIT.search(text):
        return None
    for at, part in _parts(text):
        label = _LABEL_RE.match(part)
        if label is None or _label_evidence(label.group("label")) != "published line":
            continue
        hit = find_date(part[label.end():])
        if hit is not None and hit.iso.startswith("--") and hit.start == 0:
            return hit.iso[:7], at + label.end(), at + label.end() + hit.end
    return None


_CLOCK = r"\s*(?:at\s+|,\s*)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
_RELATIVE = re.compile(
    r"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:"
    r"(?:\d{1,2}|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?)(?:\s+ago)?|just now|"
    rf"(?:yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day){_CLOCK}|"
    r"hace\s+\d{1,2}\s+(?:horas?|minutos?|días?)|há\s+\d{1,2}\s+(?:horas?|minutos?|dias?)|"
    r"vor\s+\d{1,2}\s+(?:stunden?|minuten?|tagen?)|\d{1,2}\s+(?:or[ae]|minuti|giorni)\s+fa|"
    r"\d{1,2}\s+(?:jam|menit|hari)\s+(?:yang\s+)?lalu|\d{1,2}\s+(?:час(?:а|ов)?|минут[уы]?|дн(?:я|ей))\s+назад|"
    r"\d{1,2}\s*(?:시간|분|일)\s*전|\d{1,2}\s*(?:時間|分|日)前)\s*$", re.I)


def relative_stamp(text: str) -> bool:
    """A line that dates a story only relative to now ("2 days", "Monday 5:30 PM", "vor 3
    Stunden"): the page names no day for it."""
    return len(text) <= 40 and _RELATIVE.match(text.strip()) is not None


def page_year(texts: list[str] | tuple[str, ...]) -> str | None:
    """The latest year a page's copyright line states ("© 2005-2019 The Gazette" -> "2019")."""
    years = [m.group("y") for t in texts if len(t) <= 300 for m in _COPYRIGHT.finditer(t)]
    return max(years) if years else None


# with the `clock` names other modules and tests read here
__all__ = ["DateHit", "find_date", "find_dates", "date_line", "label_line", "signs_post", "with_zone", "with_clock",
           "time_line", "label_before", "month_first", "china_site",
           "posted_day", "page_year", "relative_stamp", "MONTHS"]
