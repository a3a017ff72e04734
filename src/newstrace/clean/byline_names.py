"""The names in a byline's text once its marker is read ("Jane Doe, Staff Writer" ->
"Jane Doe"): person names (`names.person_names`) with the date, time, role, outlet
and handle around them left out, news agencies ("Reuters Staff"), "The ..." names
(a newsletter or desk) and one-word pen names. `byline` says which lines are bylines.
"""

from __future__ import annotations

import re

from newstrace.clean.dateline import normalise_agency
from newstrace.clean.dates import find_date
from newstrace.clean.names import EDGE, HANDLE, JOINS, NOT_NAME, SPLIT, person_names

# "written by" and its kin in the languages of news pages, then the bare markers
MARKED = (r"(?:written|words|text|story|posted|published|reported|photos and text|opinion|analysis|"
          r"commentary|column|essay|review)\s+by|(?:escrito|publicado|postado)\s+por|"
          r"(?:texto|reportagem)\s+de|scritto\s+da|(?:testo|articolo)\s+di|geschrieben\s+von|"
          r"(?:ditulis|dilaporkan)\s+oleh")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?"
                      r"|\b(?:GMT|UTC|[ECMP][SD]T|BST|CET|CEST|IST)\b", re.I)
_LEAD = re.compile(rf"^(?:{MARKED}|by|von|por|par|door|oleh)\s+", re.I)
_AGO = re.compile(r"\b\d{1,2}\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b", re.I)  # "2 hours ago"
# a role run on after a name with no mark between ("Jane Doe Senior Writer")
_ROLE_TAIL = re.compile(r"(?:\s+(?:senior|staff|contributing|chief|special|associate|deputy|managing|political|"
                        r"business|sports|foreign|investigative|guest))*\s+(?:writer|contributor|correspondent|"
                        r"reporter|editor|columnist|journalist)s?$", re.I)
_AGENCY_TAIL = re.compile(r"\s+(?:staff|staff writers?|reporters?|wire|news service)$", re.I)  # "Reuters Staff"
_TAIL_ENDS = frozenset(("taff", "iter", "ters", "rter", "wire", "vice"))  # how those tails end
_ROLE_ENDS = frozenset("writer contributor correspondent reporter editor columnist journalist".split())
_GLUE = re.compile(r"(?<=[a-zà-ÿа-яё]{2})(?=[A-ZÀ-ÞА-ЯЁ])")
_TAIL = re.compile(r"(?:\s+(?:on|at|am|le|el|il|в|(?:last\s+)?(?:updated|modified)|published|posted))+$", re.I)
_SEGMENTS = re.compile(r"\s*(?:[,|/•·()]|\s[-–—]\s|\s[-–—]$)\s*")
_READ = re.compile(r"\b\d{1,3}\s*-?\s*min(?:ute)?s?\.?\s+read\b", re.I)  # "3 min read"
_FOR = re.compile(r"\s(?:for|special to)\s.*", re.I)  # "Jane Doe for The Daily News": the outlet
_DIGIT = re.compile(r"\d")


def names_then_rest(s: str, agency_ok: bool) -> str | None:
    """The names opening `s` ("Jane Doe, Staff Writer" -> "Jane Doe"), or an agency alone."""
    s = HANDLE.sub("", undate(s))
    if " for " in s.lower() or " special to " in s.lower():
        s = _FOR.sub("", s)
    segs = [x.strip() for x in _SEGMENTS.split(s) if x.strip()]
    names: list[str] = []
    for seg in segs:
        seg = HANDLE.sub("", seg).strip(EDGE)
        if person_names(seg):
            names.append(seg)
            continue
        if agency_ok and _with_agency(seg):  # "Jane Doe and The Associated Press"
            names.append(seg)
            continue
        glued = next((seg[:g.start()] for g in _GLUE.finditer(seg) if person_names(seg[:g.start()])), None)
        bare = _ROLE_TAIL.sub("", seg) if seg[seg.rfind(" ") + 1:].lower().rstrip("s") in _ROLE_ENDS else seg
        if glued:  # "Meg JamesStaff Writer": a name run into its role
            names.append(glued)
        elif bare != seg and person_names(bare):  # "Jane Doe Contributor"
            names.append(bare)
        break
    if names:
        return ", ".join(names)
    if agency_ok and segs and agency(segs[0]):
        return segs[0]
    return None


def agency(s: str) -> str | None:
    """The canonical agency `s` names, also with a staff tail ("Reuters Staff"), else None."""
    s = s.strip(EDGE)
    found = normalise_agency(s)
    if found is None and s[-4:].lower() in _TAIL_ENDS:
        found = normalise_agency(_AGENCY_TAIL.sub("", s))
    return found


def _with_agency(s: str) -> bool:
    """Names joined by "and" with at least one person and the rest agencies."""
    if not JOINS.intersection(s.lower().split()):
        return False
    parts = [p for p in SPLIT.split(s) if p]
    people = [bool(person_names(p)) for p in parts]
    return any(people) and all(ok or agency(p) for ok, p in zip(people, parts, strict=True))


def agency_place(s: str) -> str | None:
    """"Reuters, Washington" / "PTI, New Delhi": an agency and at most a place after it."""
    segs = [x.strip(EDGE) for x in s.split(",") if x.strip(EDGE)]
    if not segs or len(segs) > 2 or not agency(segs[0]):
        return None
    place = segs[1].split() if len(segs) == 2 else []
    return segs[0] if len(place) <= 3 and all(w[:1].isupper() for w in place) else None


def undate(s: str) -> str:
    """`s` without a date, time or weekday in it ("Jane Doe Nov 19, 2019 10:31 pm" -> "Jane Doe")."""
    for _ in range(3):  # "Nov. 19, 2019 Updated: Nov. 20, 2019"
        hit = find_date(s, need_year=False)
        if hit is None:
            break
        s = s[:hit.start] + " " + s[hit.end:]
        if not _DIGIT.search(s):
            break
    if "read" in s.lower():
        s = _READ.sub(" ", s)
    s = _WEEKDAY.sub(" ", _TIME.sub(" ", _AGO.sub(" ", s) if "ago" in s else s))
    s = _LEAD.sub("", " ".join(s.split()).strip(EDGE))
    return _TAIL.sub("", s).strip(EDGE)


_FILED_IN = re.compile(r"\s+in\s+(?=[A-Z])")  # "by Jane Doe in Politics": the section a post is filed in


def filed_or_named(rest: str) -> str | None:
    """After an explicit marker: the names before "in Section", or a name with "The"
    ("Author: The Morning Brief", a newsletter or desk that signs the piece)."""
    cut = _FILED_IN.split(rest, maxsplit=1) if " in " in rest else ()
    names = names_then_rest(cut[0], agency_ok=True) if len(cut) == 2 else None
    return names or (the_name(rest) if rest.lstrip()[:4] in ("The ", "THE ") else None)


def the_name(s: str) -> str | None:
    """"The Morning Brief": "The" and a name's shape after it (first segment of `s`), else None."""
    seg = _SEGMENTS.split(undate(s), maxsplit=1)[0].strip(EDGE)
    return seg if seg[:4] in ("The ", "THE ") and person_names(seg[4:]) == seg[4:] else None


def single_name(s: str) -> str | None:
    """A one-word pen name ("Regan"): letters only, capitalised, no section or UI word."""
    word = re.split(r"\s*[,|/]\s*|\s[-–—]\s", s, maxsplit=1)[0].strip(EDGE)
    ok = word.isalpha() and len(word) >= 3 and word[0].isupper() and word.lower() not in NOT_NAME
    return word if ok else None
