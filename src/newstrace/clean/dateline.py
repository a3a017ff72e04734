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
    "uni": "UNI", "app": "APP", "nna": "NNA", "vna": "VNA", "pna": "PNA", "bss": "BSS", "anp": "ANP",
    "jiji": "Jiji Press", "jiji press": "Jiji Press", "interfax.ru": "Interfax", "интерфакс.ru": "Interfax",
    "interfax-ukraine": "Interfax-Ukraine", "интерфакс-украина": "Interfax-Ukraine",
    "укрінформ": "Ukrinform", "укринформ": "Ukrinform", "dpa-afx": "dpa", "afp-jiji": "AFP",
    "agencia efe": "EFE", "agence france-presse": "AFP", "agence france presse": "AFP",
    "united press international": "UPI", "press trust of india": "PTI", "anadolu agency": "Anadolu",
    "kyodo news": "Kyodo", "antara news": "Antara", "cgtn": "CGTN", "xinhua news agency": "Xinhua",
    "新华社": "Xinhua", "中新社": "China News Service", "中新网": "China News Service",
    "人民网": "People's Daily", "共同": "Kyodo", "時事": "Jiji Press", "연합뉴스": "Yonhap",
    "뉴시스": "Newsis", "뉴스1": "News1", "ukrinform.": "Ukrinform", "benarnews": "BenarNews",
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
_WORD_ANY = rf"[{_UP}][{_UP}{_LOW}.'’\-]*"
_PLACE_ANY = (rf"{_WORD_ANY}(?:\s+(?:{_WORD_ANY}|de|do|da|del|di|am|an|upon|on|la|le)){{0,3}}"
              rf"(?:\s*/\s*{_WORD_ANY}){{0,2}}")  # "Berlin/Moskau"
_REGION = rf"(?:,\s*[{_UP}][{_LOW}]+\.?(?:\s+[{_UP}][{_LOW}]+)?(?=[\s,(]))?"
_DATE = r"(?:[,.]\s*(?P<date>[^()\-–—/]{3,30}?))?"
_DASH = r"\s*(?:[-–—]{1,2}|\.\s*-|\.\s*—|:)\s*"
_AGENCY = r"\((?P<agency>[^()]{2,30})\)"
_OPEN = rf"(?=[{_UP}\"“«‘'\d])"  # the story's first word

# (regex, need): need "known" = the agency must be in AGENCIES; "upper" = a place in capitals
# and no agency: a place that is not a label ("UPDATE:", "WATCH —"); "colon": the same, and a
# sentence follows ("NCIS: The Cases They Can't Forget" is a title)
_FORMS = [
    # MOSCOW, Nov 29 (Reuters) -   /   Madrid, 19 may (EFE).-   /   MOSCOW. Nov 29 (Interfax) -
    (re.compile(rf"^\s*(?P<place>{_PLACE_ANY}){_REGION}{_DATE}\s*{_AGENCY}\.?{_DASH}"), ""),
    # New Delhi, Nov 29 (PTI) The government   /   La Habana, 29 nov (Prensa Latina) El
    (re.compile(rf"^\s*(?P<place>{_PLACE_ANY}){_REGION}{_DATE}\s*{_AGENCY}\s+{_OPEN}"), "known"),
    # MOSCOW, May 29. /TASS/.
    (re.compile(rf"^\s*(?P<place>{_PLACE_UP}){_REGION}{_DATE}\.?\s*/(?P<agency>[^/]{{2,20}})/\.?\s*"), ""),
    # МОСКВА, 29 ноя — РИА Новости.
    (re.compile(rf"^\s*(?P<place>{_PLACE_UP}){_REGION}{_DATE}\s*[-–—]\s*"
                rf"(?P<agency>[{_UP}][^\s.,]*(?:\s[{_UP}][^\s.,]*)?)\.\s+"), ""),
    # Kyiv, 29 November 2022, 10:15 — Ukrinform.   /   Москва. 29 ноября. INTERFAX.RU -
    (re.compile(rf"^\s*(?P<place>{_PLACE_ANY})[,.]\s*(?P<date>[^()\-–—/]{{3,30}}?)\.?\s*[-–—]?\s*"
                rf"(?P<agency>[{_UP}][^\s,]*?(?:\s[{_UP}][^\s.,]*)?)(?:\.\s+|\s*[-–—]\s*)"), "known"),
    # ROMA, 29 NOV - (ANSA) Il governo
    (re.compile(rf"^\s*(?P<place>{_PLACE_ANY}){_REGION}{_DATE}{_DASH}{_AGENCY}\.?(?:{_DASH}|\s+{_OPEN})"), ""),
    # (ANSA) - ROMA, 19 MAG -    /   (AP) — WASHINGTON
    (re.compile(rf"^\s*{_AGENCY}{_DASH}(?P<place>{_PLACE_UP})(?:,\s*(?P<date>[^-–—]{{3,20}}?))?{_DASH}"), ""),
    (re.compile(rf"^\s*{_AGENCY}{_DASH}(?P<place>{_PLACE_UP})\b"), ""),
    # (CNN) — The Senate   /   (Reuters) - Tesla said: an agency and no place
    (re.compile(rf"^\s*{_AGENCY}\s*(?:[-–—]{{1,2}}|:)\s*{_OPEN}"), "known"),
    # WASHINGTON — (no agency); upper-case place only   /   WASHINGTON—The
    (re.compile(rf"^\s*(?P<place>{_PLACE_UP}){_REGION}{_DATE}\s*(?:[-–—]{{1,2}}\s+|—\s*){_OPEN}"), "upper"),
    # NEW DELHI: The government   /   KATHMANDU, Nov 29: Nepal
    (re.compile(rf"^\s*(?P<place>{_PLACE_UP}){_REGION}{_DATE}:\s+{_OPEN}"), "colon"),
]
# wire datelines in Chinese, Japanese and Korean: 新华社北京11月29日电 / 【ワシントン共同】 / (서울=연합뉴스)
_CJK = [
    re.compile(r"^\s*(?P<agency>新华社|中新社|中新网|人民网)(?P<place>[^\s\d，。]{0,6}?)"
               r"(?:(?P<month>\d{1,2})月(?P<day>\d{1,2})日)?电"),
    re.compile(r"^\s*【(?P<place>[^】]{1,12}?)(?P<agency>共同|時事)】"),
    re.compile(r"^\s*[(（](?P<place>[^=()（）]{1,12})=(?P<agency>연합뉴스|뉴시스|뉴스1)[)）]"),
]
# capitals that open a paragraph but are no place
_LABELS = set("""UPDATE UPDATED UPDATES BREAKING EXCLUSIVE WATCH VIDEO VIDEOS PHOTOS PHOTO LISTEN READ NOTE
LIVE ALERT SPONSORED ADVERTISEMENT FILE CORRECTION CLARIFICATION WARNING SPOILER SUMMARY RELATED
MORE PLUS POLL QUIZ REVIEW INTERVIEW COMMENTARY EDITORIAL OPINION ANALYSIS FEATURE SPECIAL REPORT
DISCLAIMER DISCLOSURE TOPLINE HIGHLIGHTS FACT EDITOR'S NB PS OK WHO WHAT WHY WHEN WHERE HOW
NATO UN EU US USA UK FBI CIA IMF WTO OPEC ECB GOP BBC CNN NOTICE ATTENTION IMPORTANT ALSO DEAR ASK
HOST ANSWER QUESTION TRANSCRIPT SPEAKER MODERATOR INTERVIEWER ANNOUNCER REPORTER PUBLISHED POSTED SEE
GET FTC NEU ATENÇÃO ATENCIÓN ACHTUNG ВНИМАНИЕ AVISO NOTA OBS""".split())


def normalise_agency(name: str) -> str | None:
    """`Reuters` / `РИА Новости` / `The Associated Press` -> canonical name, else None."""
    key = " ".join(name.strip(" ./").split()).lower()
    found = AGENCIES.get(key)
    m = re.fullmatch(r"\s*([^/]+?)\s*/\s*[a-z]{2,4}\s*", name)
    if found is None and m:  # "dpa/lby": a regional service of dpa
        found = AGENCIES.get(m.group(1).lower())
    return found


def _label(place: str) -> bool:
    words = place.replace("’", "'").split()
    return words[0] in _LABELS or place in _LABELS or len(place.strip(".")) < 3


def _sentence(text: str) -> bool:
    """A story's first sentence: eight words or more, mostly not capitalised, no second label."""
    words = text.split()[:20]
    if len(words) < 8 or ": " in text[:40]:
        return False
    return sum(w[:1].isupper() or w[:1].isdigit() for w in words) <= 0.5 * len(words)


def find_dateline(paragraph: str) -> DatelineHit | None:
    """The dateline opening `paragraph`, or None."""
    head = paragraph[:160]
    for rx, need in _FORMS:
        m = rx.match(head)
        if not m:
            continue
        place = (m.groupdict().get("place") or "").strip(" ,.") or None
        raw_agency = m.groupdict().get("agency")
        agency = normalise_agency(raw_agency) if raw_agency else None
        if need == "known" and agency is None:
            continue
        if raw_agency and agency is None and not _looks_like_agency(raw_agency):
            continue
        if not raw_agency and (place is None or not place.isupper() or _label(place)):
            continue
        if need == "colon" and not _sentence(paragraph[m.end():m.end() + 300]):
            continue
        if raw_agency and agency is None:
            agency = raw_agency.strip()
        date = None
        raw_date = m.groupdict().get("date")
        if raw_date:
            hit = find_date(raw_date.title())
            if hit is None:
                continue  # ", something" that is not a date: not a dateline
            date = hit.iso
        start = len(head) - len(head.lstrip())
        return DatelineHit(paragraph[start: m.end()].rstrip(), place, agency, date, start, m.end())
    return _cjk(paragraph)


def _cjk(paragraph: str) -> DatelineHit | None:
    for rx in _CJK:
        m = rx.match(paragraph)
        if m:
            found = m.groupdict()
            date = f"--{int(found['month']):02d}-{int(found['day']):02d}" if found.get("month") else None
            start = len(paragraph) - len(paragraph.lstrip())
            return DatelineHit(paragraph[start:m.end()], m.group("place") or None, AGENCIES.get(m.group("agency")),
                               date, start, m.end())
    return None


def _looks_like_agency(text: str) -> bool:
    text = text.strip()
    return bool(re.fullmatch(r"[A-Z][A-Za-z&.\-]{1,12}", text)) and sum(c.isupper() for c in text) >= 2


__all__ = ["find_dateline", "normalise_agency", "DatelineHit", "AGENCIES"]
