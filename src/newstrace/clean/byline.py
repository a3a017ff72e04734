"""Bylines in text mode: the author named by dropped lines above the story.

`read_byline(text)` reads one line on its own ("By Jane Doe", "Jane Doe, Staff
Writer", "Автор: Иван Петров", "홍길동 기자"); `head_byline(lines, first_kept,
headline_rows)` searches the lines between the headline and the first kept line,
also using neighbours ("By" and the name cut apart, a bare name next to the date
line or right under the headline, a name over its "@handle").

A byline is a person-like name (2-5 capitalised words, particles allowed, or a
CJK name with its title), several joined by "and" or commas, or a news agency
after an explicit "By". Never a sentence, a section name or "Staff".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from newstrace.clean.blocks import is_caption, is_title_like, parse_byline
from newstrace.clean.credits import outlet_for
from newstrace.clean.dateline import normalise_agency
from newstrace.clean.dates import date_line, find_date
from newstrace.records import Line

HEAD_ZONE = 15  # lines above the first kept one where any byline form counts
WIDE_ZONE = 40  # lines above it where a clear byline right after the headline counts

_MARK = re.compile(r"^(?:[|•·]\s*)?(?:(?:written|words|text|story|posted|reported|photos and text)\s+by|by|von|por|"
                   r"par|door|av|oleh|di|от)(?:\s*[:\-–—]\s*|\s+)(?=\S)", re.I)
_LABEL = re.compile(r"^(?:author|authors|autor|autore|auteur|autores|penulis|reporter|text|texto|testo|"
                    r"автор|авторы|текст|written by|byline)\s*[:：]\s*", re.I)
_BARE_BY = re.compile(r"^(?:[|•·]\s*)?(?:by|von|por|par|door|oleh|di|от|автор|author)\s*:?$", re.I)
_KO = re.compile(r"^(?:\[[^\]]{1,20}\]\s*|\([^)]{1,20}\)\s*)?(?P<name>[가-힣]{2,4})\s?"
                 r"(?:기자|특파원|선임기자|전문기자|논설위원|객원기자|인턴기자)(?:\s|$|[\w.+\-]+@)")
_CJK = re.compile(r"^(?:记者|記者|作者|文|撰文|编辑|編輯|责任编辑|責任編輯)\s*[:：/|]?\s*(?P<name>[\u4e00-\u9fff]{2,4})"
                  r"(?:\s|$|[,，、])")
_HANDLE = re.compile(r"\s*@\w{2,30}\s*$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?"
                      r"|\b(?:GMT|UTC|[ECMP][SD]T|BST|CET|CEST|IST)\b", re.I)
_EDGE = " -–—|,;:·•/"
_LEAD = re.compile(r"^(?:(?:written|posted)\s+)?(?:by|von|por|par|door|oleh)\s+", re.I)
_GLUE = re.compile(r"(?<=[a-zà-ÿа-яё]{2})(?=[A-ZÀ-ÞА-ЯЁ])")
_TAIL = re.compile(r"(?:\s+(?:on|at|am|le|el|il|в|updated|published|posted))+$", re.I)
_ROLE = re.compile(r"\b(?:writer|contributor|correspondent|reporter|editor|columnist|staff|journalist|"
                   r"producer|analyst|critic|intern|redakteur|redakteurin|korrespondent|correspondant|"
                   r"corrispondente|giornalista|jornalista|periodista|redactor|wartawan|корреспондент|"
                   r"обозреватель|журналист)s?\b", re.I)
_SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\by\b|\bet\b|\be\b|\bи\b|&|\bdan\b)\s*")
_PARTICLES = frozenset("van von der den de del della da dos das du di la le al el bin ibn ter ten st. y".split())
_NOT_NAME = frozenset(
    "the news entertainment institute talk sports sport media business world home live tv radio online daily weekly "
    "magazine network group editorial editorials desk team reviews review opinion opinions politics tech technology "
    "science health culture stories story top latest more staff writer writers reporter reporters correspondent "
    "editor editors contributor contributors columnist author authors admin administrator share comments comment "
    "photo photos video videos updated published posted read min follow subscribe sign log login newsletter "
    "newsletters key points gallery image images view articles article archive archives policy privacy terms "
    "contact about advertisement sponsored partner content press release bureau agency wire service services "
    "breaking analysis column columns blog blogs podcast podcasts watch listen search menu skip main back next "
    "previous related travel food style life lifestyle local national international economy markets market "
    "finance money weather crime education environment climate music movies film books arts games gaming "
    "entertainment celebrity fashion beauty cars auto autos motoring property jobs careers shop store "
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday ago hours minutes "
    "new old united states kingdom city county state north south east west league cup club university "
    "company inc ltd corp llc plans plan tips guide guides how what why who when where all browse post posts page "
    "pages print email save like tweet pin comments recommended sponsored trending popular".split())
_WORD_OK = re.compile(r"[^\W\d_][^\W\d_]['’\-\w]*\.?|[^\W\d_]\.", re.U)  # a word, or an initial "E."


def _is_person(s: str) -> bool:
    """2-5 capitalised words, particles allowed; no digits, no section or UI words."""
    words = s.split()
    if not 2 <= len(words) <= 6 or words[-1].lower() in _PARTICLES:
        return False
    caps = 0
    for w in words:
        if w.lower() in _PARTICLES and caps:
            continue
        if not _WORD_OK.fullmatch(w) or not w[0].isupper() or w.lower().strip(".") in _NOT_NAME:
            return False
        caps += 1
    return 2 <= caps <= 5


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def person_names(s: str) -> str | None:
    """`s` when it is one person's name or several joined by commas / "and", else None."""
    s = _HANDLE.sub("", s.strip(_EDGE)).strip(_EDGE)
    parts = [p for p in _SPLIT.split(s) if p]
    if parts and all(_is_person(p) for p in parts) and len(parts) <= 6:
        return s
    return None


_SEGMENTS = re.compile(r"\s*(?:[,|/]|\s[-–—]\s|\s[-–—]$)\s*")
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")


def _names_then_rest(s: str, agency_ok: bool) -> str | None:
    """The names opening `s` ("Jane Doe, Staff Writer" -> "Jane Doe"), or an agency alone."""
    s = _undate(s)
    s = _HANDLE.sub("", s)
    segs = [x.strip() for x in _SEGMENTS.split(s) if x.strip()]
    names: list[str] = []
    for seg in segs:
        seg = _HANDLE.sub("", seg).strip(_EDGE)
        if person_names(seg):
            names.append(seg)
            continue
        glued = next((seg[:g.start()] for g in _GLUE.finditer(seg) if person_names(seg[:g.start()])), None)
        if glued:  # "Meg JamesStaff Writer": a name run into its role
            names.append(glued)
        break
    if names:
        return ", ".join(names)
    if agency_ok and segs and normalise_agency(segs[0]):
        return segs[0]
    return None


def _undate(s: str) -> str:
    """`s` without a date, time or weekday in it ("Jane Doe Nov 19, 2019 10:31 pm" -> "Jane Doe")."""
    hit = find_date(s, need_year=False)
    if hit is not None:
        s = s[:hit.start] + " " + s[hit.end:]
    s = _WEEKDAY.sub(" ", _TIME.sub(" ", s))
    s = _LEAD.sub("", " ".join(s.split()).strip(_EDGE))
    return _TAIL.sub("", s).strip(_EDGE)


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def read_byline(text: str) -> tuple[str, str] | None:
    """(names, how) for a line that is a byline by itself: how is "byline" for an explicit
    one ("By", "Author:", "기자"), else what stands with the name: "role", "outlet", "date"
    or "handle". None otherwise."""
    s = " ".join(text.split())
    if not s or len(s) > 160 or _SENTENCE_END.search(s):
        return None
    m = _KO.match(s) or _CJK.match(s)
    if m:
        return m.group("name"), "byline"
    m = _MARK.match(s) or _LABEL.match(s)
    if m:
        rest = s[m.end():]
        if rest.rstrip().endswith(("!", "?")) or re.search(r"[a-z]\.\s*$", rest):
            return None  # "By Monday, the deal will be done."
        names = _names_then_rest(rest, agency_ok=True)
        if names is None and (find_date(rest, need_year=True) or m.group(0).lower().startswith(("written", "posted"))):
            names = _single(_undate(rest))  # a blog's "by Regan September 15, 2014"
        return (names, "byline") if names else None
    if is_caption(s):
        return None
    by = parse_byline(s)
    if by is not None and person_names(by[0]):
        return by[0], "outlet"  # "Jane Doe | Reuters"
    if not _may_stand_with(s):
        return None
    names = _names_then_rest(s, agency_ok=True)
    if names is None or names == s.strip(_EDGE):
        return None
    if normalise_agency(names):  # "Reuters November 18, 2019 11:03 PM"
        return (names, "date") if find_date(s, need_year=True) else None
    if not person_names(names):
        return None
    has_role = bool(_ROLE.search(s)) and not re.search(r"\b(?:staff|team|desk)\s*$", names, re.I)
    has_date = find_date(s, need_year=True) is not None
    has_handle = bool(re.search(r"@\w{2,}", s))
    has_outlet = any(outlet_for(x)[1] for x in re.split(r"[,|/]", s)[1:])
    how = [k for k, ok in (("role", has_role), ("date", has_date), ("handle", has_handle), ("outlet", has_outlet)) if ok]
    return (names, how[0]) if how else None


_DIGIT = re.compile(r"\d")


def _may_stand_with(s: str) -> bool:
    """Whether `s` may hold what a name stands with in `read_byline`: a role, a date (a
    digit), a handle ("@") or an outlet after a "," "|" or "/"."""
    return bool("@" in s or "," in s or "|" in s or "/" in s or _DIGIT.search(s) or _ROLE.search(s))


def _single(s: str) -> str | None:
    """A one-word pen name ("Regan"): letters only, capitalised, no section or UI word."""
    word = re.split(r"\s*[,|/]\s*|\s[-–—]\s", s, maxsplit=1)[0].strip(_EDGE)
    ok = word.isalpha() and len(word) >= 3 and word[0].isupper() and word.lower() not in _NOT_NAME
    return word if ok else None


def _date_near(lines: Sequence[Line], i: int) -> bool:
    near = [ln.text.strip() for ln in lines[max(0, i - 2):i + 3] if ln.text.strip()]
    return any(len(t) <= 80 and date_line(t) is not None for t in near if t != lines[i].text.strip())


def _credit_above(lines: Sequence[Line], i: int) -> bool:
    """A photo credit: the line above says "Credit", "Photo" or is a caption."""
    above = lines[i - 1].text.strip().lower() if i else ""
    return above.startswith(("credit", "photo", "image", "foto", "фото")) or above.endswith(("credit", "credit..."))


def _title_after(lines: Sequence[Line], i: int) -> bool:
    after = next((ln.text.strip() for ln in lines[i + 1:i + 3] if ln.text.strip()), "")
    return len(after.split()) >= 6 and is_title_like(after) and date_line(after) is None


def _bare(lines: Sequence[Line], i: int, text: str, after_head: bool) -> tuple[str, str, int] | None:
    """A line that is only a name: its neighbours say whether it is the byline."""
    before = lines[i - 1].text.strip() if i else ""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    glued = _HANDLE.sub("", text) != text
    names = person_names(text) or normalise_agency(text.strip(_EDGE)) and text.strip(_EDGE)
    if not names:
        if not (_BARE_BY.match(before) or _date_near(lines, i)):
            return None
        lead = _names_then_rest(text, agency_ok=False)
        if lead is None:
            return None
        names = lead  # "Troy L. Smith, Cleveland.com" under "By"
    if _BARE_BY.match(before) or before.lower().rsplit(" ", 1)[-1] in ("by", "von", "por", "par"):
        return names, "byline line above the body", 0
    if glued or re.fullmatch(r"@\w{2,30}", after):
        return names, "name and handle above the body", 1
    if len(after.split()) <= 5 and _ROLE.search(after) and not person_names(after):
        return names, "name and role above the body", 1  # "Jane Doe" over "Senior Reporter"
    if _title_after(lines, i) or any(person_names(x) and x != text for x in (before, after)):
        return None  # a section name over the headline, a list of names or topics
    if _date_near(lines, i):
        return names, "name next to a date line above the body", 2
    if after_head:
        return names, "name under the headline", 2
    return None


def _explicit(s: str) -> bool:
    """Whether `read_byline(s)` may say "byline": only a marker, label or CJK title does."""
    return bool(_MARK.match(s) or _LABEL.match(s) or _KO.match(s) or _CJK.match(s))


def _by_above(lines: Sequence[Line], i: int) -> bool:
    """The line above is a bare "By" (or ends in one): the name under it is explicit."""
    before = lines[i - 1].text.strip() if i else ""
    return bool(_BARE_BY.match(before)) or before.lower().rsplit(" ", 1)[-1] in ("by", "von", "por", "par")


def _may_be_strong(lines: Sequence[Line], i: int, text: str) -> bool:
    """Whether `_bare` may find a name with a "By", a handle or a role (rank 0 or 1, all
    that counts away from the story) on line i."""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    return "@" in text or after.startswith("@") or _by_above(lines, i) or bool(_ROLE.search(after))


def head_byline(lines: Sequence[Line], first_kept: int,
                headline_rows: Collection[int] = ()) -> tuple[str, str, int] | None:
    """(names, evidence, row) of the byline among the dropped lines above the story, else None.

    Any form counts up to HEAD_ZONE lines above the first kept line; further up
    (to WIDE_ZONE) a name with a marker, role, date or handle counts when it
    follows the headline, and a line with an explicit marker ("By ...") as a last
    resort. The strongest form wins, then the one nearest the headline."""
    heads = [h for h in headline_rows if first_kept - WIDE_ZONE <= h < first_kept]
    start = max(0, first_kept - HEAD_ZONE)
    best: tuple[tuple[int, int, int], tuple[str, str, int]] | None = None
    for i in range(max(0, first_kept - WIDE_ZONE), first_kept):
        ln = lines[i]
        text = " ".join(ln.text.split())
        if not text or i in headline_rows or ln.keep or _credit_above(lines, i):
            continue
        far = 0 if i >= start else 1 if any(h < i for h in heads) else 2
        if far == 2 and not _explicit(text) and not _by_above(lines, i):
            continue  # far up, only an explicit byline counts: none here
        found: tuple[str, str, int] | None = None
        read = read_byline(text)
        if read is not None:
            explicit = read[1] == "byline" or bool(i and _BARE_BY.match(lines[i - 1].text.strip()))
            found = (read[0], "byline line above the body" if explicit else f"name and {read[1]} above the body",
                     0 if explicit else 1)
        elif len(text) <= 80 and (far == 0 or _may_be_strong(lines, i, text)):
            found = _bare(lines, i, text, any(1 <= i - h <= 2 for h in heads))
        if found is None:
            continue
        if found[2] > (2, 1, 0)[far]:
            continue  # far from the story: only a clear byline after the headline, or an explicit one
        key = (far == 2, found[2], i)
        if best is None or key < best[0]:
            best = (key, (found[0], found[1], i))
            if key[:2] == (False, 0):
                break  # an explicit byline near the story: no line below it can come first
    return best[1] if best else None


__all__ = ["head_byline", "person_names", "read_byline", "HEAD_ZONE"]
