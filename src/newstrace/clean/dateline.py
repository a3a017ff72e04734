"""Datelines at the start of a story: `MOSCOW, Nov 29 (Reuters) -`, `(ANSA) - ROMA`.

`find_dateline(paragraph)` -> DatelineHit(place, agency, date, start, end) with
offsets into the paragraph; `end` is where the story text begins.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newstrace.clean.dates import find_date

AGENCIES: dict[str, str] = {
    "sputnik": "Sputnik", "спутник": "Sputnik", "reuters": "Reuters", "рейтер": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP", "afp": "AFP",
    "ria novosti": "RIA Novosti", "риа новости": "RIA Novosti", "риа": "RIA Novosti",
    "tass": "TASS", "тасс": "TASS", "itar-tass": "TASS", "итар-тасс": "TASS", "ansa": "ANSA",
    "dpa": "dpa", "efe": "EFE", "xinhua": "Xinhua", "синьхуа": "Xinhua", "upi": "UPI",
    "pti": "PTI", "ians": "IANS", "bloomberg": "Bloomberg", "interfax": "Interfax",
    "интерфакс": "Interfax", "kyodo": "Kyodo", "yonhap": "Yonhap", "anadolu": "Anadolu",
    "aa": "Anadolu", "bernama": "Bernama", "antara": "Antara", "pap": "PAP", "ctk": "ČTK",
    "čtk": "ČTK", "apa": "APA", "aap": "AAP", "cp": "The Canadian Press", "kuna": "KUNA",
    "wam": "WAM", "spa": "SPA", "irna": "IRNA", "unian": "UNIAN", "ukrinform": "Ukrinform",
    "belta": "BelTA", "белта": "BelTA", "prensa latina": "Prensa Latina", "lusa": "Lusa",
    "agência brasil": "Agência Brasil", "europa press": "Europa Press", "kna": "KNA",
    "epd": "epd", "sda": "SDA", "ats": "ATS", "ani": "ANI", "cna": "CNA", "bna": "BNA",
    "mena": "MENA", "sana": "SANA", "rtrs": "Reuters", "ap photo": "AP", "ria": "RIA Novosti",
    "cnn": "CNN", "bbc": "BBC", "rt": "RT", "tass.ru": "TASS", "ria.ru": "RIA Novosti",
}


class DatelineHit(NamedTuple):
    text: str
    place: str | None
    agency: str | None
    date: str | None
    start: int
    end: int


_UP = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
_LOW = "a-zß-öø-ÿā-žа-яёіїєґ"
_PLACE_UP = rf"[{_UP}][{_UP}.'’\-]*(?:\s+[{_UP}][{_UP}.'’\-]*){{0,3}}"
_PLACE_ANY = rf"[{_UP}][{_UP}{_LOW}.'’\-]*(?:\s+(?:[{_UP}][{_UP}{_LOW}.'’\-]*|de|do|da|del|di|am|an|upon|on|la|le)){{0,3}}"
_REGION = rf"(?:,\s*[{_UP}][{_LOW}]+\.?(?:\s+[{_UP}][{_LOW}]+)?(?=[\s,(]))?"
_DATE = r"(?:,\s*(?P<date>[^()\-–—/]{3,30}?))?"
_DASH = r"\s*(?:[-–—]{1,2}|\.\s*-|\.\s*—|:)\s*"
_AGENCY = r"\((?P<agency>[^()]{2,30})\)"

_FORMS = [
    # MOSCOW, Nov 29 (Reuters) -   /   Madrid, 19 may (EFE).-
    re.compile(rf"^\s*(?P<place>{_PLACE_ANY}){_REGION}{_DATE}\s*{_AGENCY}\.?{_DASH}"),
    # MOSCOW, May 29. /TASS/.
    re.compile(rf"^\s*(?P<place>{_PLACE_UP}){_REGION}{_DATE}\.?\s*/(?P<agency>[^/]{{2,20}})/\.?\s*"),
    # МОСКВА, 29 ноя — РИА Новости.
    re.compile(rf"^\s*(?P<place>{_PLACE_UP}){_REGION}{_DATE}\s*[-–—]\s*"
               rf"(?P<agency>[{_UP}][^\s.,]*(?:\s[{_UP}][^\s.,]*)?)\.\s+"),
    # (ANSA) - ROMA, 19 MAG -    /   (AP) — WASHINGTON
    re.compile(rf"^\s*{_AGENCY}{_DASH}(?P<place>{_PLACE_UP})(?:,\s*(?P<date>[^-–—]{{3,20}}?))?{_DASH}"),
    re.compile(rf"^\s*{_AGENCY}{_DASH}(?P<place>{_PLACE_UP})\b"),
    # WASHINGTON — (no agency); upper-case place only
    re.compile(rf"^\s*(?P<place>{_PLACE_UP}){_REGION}{_DATE}\s*[-–—]{{1,2}}\s+(?=[{_UP}\"“«])"),
]


def normalise_agency(name: str) -> str | None:
    """`Reuters` / `РИА Новости` / `The Associated Press` -> canonical name, else None."""
    key = " ".join(name.strip(" ./").split()).lower()
    return AGENCIES.get(key)


def find_dateline(paragraph: str) -> DatelineHit | None:
    """The dateline opening `paragraph`, or None."""
    head = paragraph[:160]
    for rx in _FORMS:
        m = rx.match(head)
        if not m:
            continue
        place = m.group("place").strip(" ,.")
        raw_agency = m.groupdict().get("agency")
        agency = normalise_agency(raw_agency) if raw_agency else None
        if raw_agency and agency is None and not _looks_like_agency(raw_agency):
            continue
        if not raw_agency and (not place.isupper() or len(place) < 3):
            continue
        if raw_agency and agency is None:
            agency = raw_agency.strip()
        if not place.isupper() and raw_agency is None:
            continue
        date = None
        raw_date = m.groupdict().get("date")
        if raw_date:
            hit = find_date(raw_date.title())
            if hit is None:
                continue  # ", something" that is not a date: not a dateline
            date = hit.iso
        start = len(head) - len(head.lstrip())
        return DatelineHit(paragraph[start: m.end()].rstrip(), place, agency, date, start, m.end())
    return None


def _looks_like_agency(text: str) -> bool:
    text = text.strip()
    return bool(re.fullmatch(r"[A-Z][A-Za-z&.\-]{1,12}", text)) and sum(c.isupper() for c in text) >= 2


__all__ = ["find_dateline", "normalise_agency", "DatelineHit", "AGENCIES"]
