"""Bylines in text mode: the author named by dropped lines above the story.

`read_byline(text)` reads one line on its own ("By Jane Doe", "Jane Doe, Staff
Writer", "Escrito por Maria Silva", "By Jane Doe for The Daily News", "By Reuters
Staff", "Автор: Иван Петров", "홍길동 기자", "View all posts by Jane Doe");
`head_byline(lines, first_kept, headline_rows)` searches the lines between the
headline and the first kept line (and those under a kept dek), also using
neighbours ("By" and the name cut apart, a bare name next to the date line or
right under the headline, a name over its "@handle" or "View More Articles",
"PTI, New Delhi" by the date line). `author_box.tail_byline` reads the lines
after the story; `byline_names` reads the names out of a byline's text.

A byline is a person-like name (2-5 capitalised words, particles allowed, or a
CJK name with its title), several joined by "and" or commas, or a news agency or
a "The ..." name (a newsletter) after an explicit "By"; a single word only right
after an explicit marker. Never
a sentence, a section name, "Staff", a sponsor ("Sponsored by") or one name of a
list of captions.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from newstrace.clean.blocks import is_caption, is_title_like, parse_byline
from newstrace.clean.byline_names import (
    MARKED,
    agency,
    agency_place,
    filed_or_named,
    names_then_rest,
    single_name,
    the_name,
    undate,
)
from newstrace.clean.credits import outlet_for
from newstrace.clean.dates import date_line, find_date
from newstrace.clean.names import EDGE, HANDLE, author_link, link_alone, person_names
from newstrace.records import Line

HEAD_ZONE = 15  # lines above the first kept one where any byline form counts
WIDE_ZONE = 40  # lines above it where a clear byline right after the headline counts

_MARK = re.compile(rf"^(?:[|•·]\s*)?(?:{MARKED}|by|von|por|par|door|av|oleh|di|от)(?:\s*[:\-–—]\s*|\s+)(?=\S)", re.I)
_LABEL = re.compile(r"^(?:author|authors|autor|autore|auteur|autores|penulis|reporter|contributor|columnist|"
                    r"correspondent|text|texto|testo|"
                    r"автор|авторы|текст|written by|byline)\s*[:：]\s*", re.I)
_BARE_BY = re.compile(rf"^(?:[|•·]\s*)?(?:{MARKED}|by|von|por|par|door|oleh|di|от|автор|author)\s*:?$", re.I)
# "... by" lines that name a sponsor, a maker or a photographer, not the writer
_NOT_BY = re.compile(r"\b(?:sponsored|powered|presented|brought to you|supported|hosted|funded|designed|developed|"
                     r"built|made|photos?|photographs?|photographed|illustrated|images?|video|curated|selected)\s+by$",
                     re.I)
_KO = re.compile(r"^(?:\[[^\]]{1,20}\]\s*|\([^)]{1,20}\)\s*)?(?:(?:글|글[·ㆍ]사진|사진[·ㆍ]글)(?:\s*[=:/]\s*|\s+))?"
                 r"(?P<name>[가-힣]{2,4})\s?(?:기자|특파원|선임기자|전문기자|논설위원|객원기자|인턴기자)(?:\s|$|[\w.+\-]+@)"
                 r"|^글(?:\s*[=:/]\s*|\s+)(?P<writer>[가-힣]{2,4})$")  # "글·사진 홍길동 기자", "글 홍길동"
_CJK = re.compile(r"^(?:记者|記者|作者|取材・文|文・写真|写真・文|文|撰文|编辑|編輯|责任编辑|責任編輯)\s*[:：/／|]?\s*"
                  r"(?P<name>[\u4e00-\u9fff]{2,4})"
                  r"(?:\s|$|[,，、])")
_ROLE = re.compile(r"\b(?:writer|contributor|correspondent|reporter|editor|columnist|staff|journalist|"
                   r"producer|analyst|critic|intern|redakteur|redakteurin|korrespondent|correspondant|"
                   r"corrispondente|giornalista|jornalista|periodista|redactor|wartawan|корреспондент|"
                   r"обозреватель|журналист)s?\b", re.I)
# share and follow links printed after an explicit byline, spaced or glued ("By Jane DoeTwitterEmail")
_UI_TAIL = re.compile(r"(?:(?<=[a-z])|\s+)(?:(?:Twitter|Email|E-mail|Facebook|LinkedIn|Instagram|Follow|Share|"
                      r"Contact|Bio|Email the author|Read more)\s*)+$")
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_SIGNED = re.compile(r"[—–-]\s*[^()]{2,60}\(@\w{1,30}\)")  # "— Jane Doe (@janedoe) May 19, 2021"



@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def read_byline(text: str) -> tuple[str, str] | None:
    """(names, how) for a line that is a byline by itself: how is "byline" for an explicit
    one ("By", "Author:", "기자"), else what stands with the name: "role", "outlet", "date",
    "handle" or "link" (an author page's). None otherwise."""
    s = " ".join(text.split())
    if not s or len(s) > 160 or _SENTENCE_END.search(s) or "(@" in s and _SIGNED.match(s):
        return None  # a sentence, or the signature of an embedded post
    m = _KO.match(s) or _CJK.match(s)
    if m:
        return m.group("name") or m.group("writer"), "byline"
    m = _MARK.match(s) or _LABEL.match(s)
    dated = None if m else _date_then_mark(s)  # "Posted on November 19, 2019 by Jane Doe"
    if m or dated:
        rest = s[m.end():] if m else dated
        rest = _UI_TAIL.sub("", rest) if rest[-1:].isalpha() else rest
        if rest.rstrip().endswith(("!", "?")) or re.search(r"[a-z]{2}\.\s*$", rest):
            return None  # "By Monday, the deal will be done."
        names = names_then_rest(rest, agency_ok=True) or filed_or_named(rest)
        if names is None and (dated or find_date(rest, need_year=True)
                              or m.group(0).lower().startswith(("written", "posted"))):
            names = single_name(undate(rest))  # a blog's "by Regan September 15, 2014"
        return (names, "byline") if names else None
    link = author_link(s)
    if link:
        return link, "link"  # "View all posts by Jane Doe"
    if is_caption(s):
        return None
    by = parse_byline(s)
    if by is not None and person_names(by[0]):
        return by[0], "outlet"  # "Jane Doe | Reuters"
    if not _may_stand_with(s):
        return None
    names = names_then_rest(s, agency_ok=True)
    if names is None or names == s.strip(EDGE):
        return None
    if agency(names):  # "Reuters November 18, 2019 11:03 PM"
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
_DATE_LABEL = re.compile(r"(?:(?:posted|published|updated)(?:\s+on)?\s*:?\s*)?$", re.I)


def _date_then_mark(s: str) -> str | None:
    """What follows "by" in a line opening with a date ("November 19, 2019 by Jane Doe",
    "Posted on: 19.11.2019 by Jane Doe"), else None."""
    hit = find_date(s, need_year=True) if s[:1].isdigit() or len(s) > 12 and _DIGIT.search(s[:30]) else None
    if hit is None or hit.start > 20 or not _DATE_LABEL.match(s[:hit.start]):
        return None
    tail = s[hit.end:].lstrip(" ,|·•-–—")
    m = _MARK.match(tail)
    return tail[m.end():] if m and m.group(0).strip().lower().startswith(("by", "posted by", "written by")) else None


def _may_stand_with(s: str) -> bool:
    """Whether `s` may hold what a name stands with in `read_byline`: a role, a date (a
    digit), a handle ("@") or an outlet after a "," "|" or "/" (not in brackets: "CITY (AP)"
    opens a story's dateline)."""
    return bool("@" in s or "," in s or "|" in s or "/" in s or _DIGIT.search(s) or _ROLE.search(s))



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


def _bare(lines: Sequence[Line], i: int, text: str, heads: Collection[int]) -> tuple[str, str, int] | None:
    """A line that is only a name: its neighbours say whether it is the byline."""
    before = lines[i - 1].text.strip() if i else ""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    if _NOT_BY.search(before):
        return None  # "Sponsored by" over a brand
    glued = HANDLE.sub("", text) != text
    by_above = _by_above(lines, i)
    names = person_names(text) or agency(text) and text.strip(EDGE)
    if not names:
        if not (by_above or _date_near(lines, i)):
            return None
        # "Troy L. Smith, Cleveland.com" or a pen name under "By"; "Reuters, Washington" by a date
        names = names_then_rest(text, agency_ok=False) or (
            (single_name(text) or the_name(text) if _BARE_BY.match(before) else None) if by_above
            else agency_place(text))
        if names is None:
            return None
    if by_above:
        return names, "byline line above the body", 0
    if glued or re.fullmatch(r"@\w{2,30}", after):
        return names, "name and handle above the body", 1
    if len(after.split()) <= 5 and _ROLE.search(after) and not person_names(after):
        return names, "name and role above the body", 1  # "Jane Doe" over "Senior Reporter"
    if link_alone(after):
        return names, "name and link above the body", 1  # "Jane Doe" over "View all posts"
    if _title_after(lines, i) or any(person_names(x) and x != text for x in (before, after)):
        return None  # a section name over the headline, a list of names or topics
    if _date_near(lines, i):
        return None if _listed(lines, i, heads) else (names, "name next to a date line above the body", 2)
    if any(1 <= i - h <= 2 for h in heads):
        return names, "name under the headline", 2
    return None


def _entry(lines: Sequence[Line], k: int, heads: Collection[int]) -> bool:
    """Line k is a short entry of a list with two capitalised words or more (a caption, a
    name), not the headline."""
    words = lines[k].text.split() if k >= 0 else []
    return (k not in heads and 2 <= len(words) <= 6 and sum(w[:1].isupper() for w in words) >= 2
            and not words[-1].endswith((".", "!", "?")) and date_line(" ".join(words)) is None)


def _listed(lines: Sequence[Line], i: int, heads: Collection[int]) -> bool:
    """The name on line i ends a list: the two lines above it are short entries too."""
    return _entry(lines, i - 1, heads) and _entry(lines, i - 2, heads)


def _explicit(s: str) -> bool:
    """Whether `read_byline(s)` may say "byline": only a marker, label or CJK title does."""
    return bool(_MARK.match(s) or _LABEL.match(s) or _KO.match(s) or _CJK.match(s))


def _by_above(lines: Sequence[Line], i: int) -> bool:
    """The line above is a bare "By" (or ends in one, not "Sponsored by"): the name under it is explicit."""
    before = lines[i - 1].text.strip() if i else ""
    if _BARE_BY.match(before):
        return True
    return before.lower().rsplit(" ", 1)[-1] in ("by", "von", "por", "par") and not _NOT_BY.search(before)


def _may_be_strong(lines: Sequence[Line], i: int, text: str) -> bool:
    """Whether `_bare` may find a name with a "By", a handle or a role (rank 0 or 1, all
    that counts away from the story) on line i."""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    return ("@" in text or after.startswith("@") or _by_above(lines, i) or bool(_ROLE.search(after))
            or link_alone(after))


def _below(lines: Sequence[Line], first_kept: int) -> dict[int, int]:
    """The dropped rows between the first kept line (a dek, a lead caption) and the third,
    each with the weakest rank a byline there may have: a name by a date only right
    under the first kept line, else a clear one; when no kept line follows within a
    dozen rows, those rows with an explicit one only. Rows after the last kept line are none."""
    out: dict[int, int] = {}
    if not (0 <= first_kept < len(lines) and lines[first_kept].keep):
        return out
    kept, last = 0, first_kept
    end = min(len(lines), first_kept + 12)
    for r in range(first_kept + 1, end):
        if lines[r].keep:
            out.update((k, 2 if kept == 0 else 1) for k in range(last + 1, r))
            kept, last = kept + 1, r
            if kept == 2:
                break
    else:  # the story starts further down: under the dek, an explicit byline only
        if kept == 0 and any(ln.keep for ln in lines[end:]):
            out.update((k, 0) for k in range(first_kept + 1, end))
    return out


def head_byline(lines: Sequence[Line], first_kept: int,
                headline_rows: Collection[int] = ()) -> tuple[str, str, int] | None:
    """(names, evidence, row) of the byline among the dropped lines above the story (or
    among its first lines: under a dek), else None.

    Any form counts up to HEAD_ZONE lines above the first kept line; further up
    (to WIDE_ZONE) a name with a marker, role, date, handle or author link counts
    when it follows the headline, and a line with an explicit marker ("By ...") as
    a last resort; still further up, such a name counts in the three lines under a
    headline (an explicit one in eight), when none is found nearer. Under the first
    kept line (a dek), any form counts before the next kept line, then a clear one
    before the third (an explicit one only when the next kept line is more than a
    dozen lines down), and under a headline below the first kept line (a kept
    teaser or quote above it) as under one above. Under a bare "By", the first kept
    line itself counts (then the caller drops it from the body). The strongest form wins, then the one nearest the
    headline."""
    heads = [h for h in headline_rows if first_kept - WIDE_ZONE <= h < first_kept]
    start = max(0, first_kept - HEAD_ZONE)
    best: tuple[tuple[int, int, int], tuple[str, str, int]] | None = None
    low = max(0, first_kept - WIDE_ZONE)
    under: dict[int, int] = {}  # under a headline far up: a clear byline in 3 lines, an explicit one in 8
    for h in (h for h in headline_rows if 0 < h < low):
        for r in range(h + 1, min(h + 9, low)):
            under[r] = max(under.get(r, 0), 1 if r <= h + 3 else 0)
    below = _below(lines, first_kept)
    for h in (h for h in headline_rows if h > first_kept):  # the headline under a kept teaser or quote
        for r in range(h + 1, min(h + 9, len(lines))):
            below[r] = max(below.get(r, 0), 1 if r <= h + 3 else 0)
    # a bare "By" over the first kept line: the line is the name the model took for the story
    named = (first_kept,) if 0 < first_kept < len(lines) and _BARE_BY.match(lines[first_kept - 1].text.strip()) else ()
    for i in (*sorted(under), *range(low, first_kept), *named, *below):
        ln = lines[i]
        text = " ".join(ln.text.split())
        if not text or i in headline_rows or (ln.keep and i not in named) or _credit_above(lines, i):
            continue
        far = 0 if i >= start else 1 if i < low or any(h < i for h in heads) else 2
        limit = below[i] if i > first_kept else under[i] if i < low else (2, 1, 0)[far]  # the weakest rank
        if limit == 0 and not _explicit(text) and not _by_above(lines, i):
            continue  # only an explicit byline counts here: none
        found: tuple[str, str, int] | None = None
        read = read_byline(text)
        if read is not None:
            explicit = read[1] == "byline" or bool(i and _BARE_BY.match(lines[i - 1].text.strip()))
            found = (read[0], "byline line above the body" if explicit else f"name and {read[1]} above the body",
                     0 if explicit else 1)
        elif len(text) <= 80 and (limit == 2 or _may_be_strong(lines, i, text)):
            found = _bare(lines, i, text, heads)
        if found is None and (mark := _MARK.match(text) or _LABEL.match(text)) and _date_near(lines, i):
            single = single_name(undate(text[mark.end():]))  # "By: Beachbody" by the story's date
            found = (single, "byline line above the body", 0) if single else None
        if found is None:
            continue
        if found[2] > limit:
            continue  # far from the story: only a clear byline after the headline, or an explicit one
        if i > first_kept:
            found = (found[0], found[1].replace("above the body", "under the first body line"), found[2])
        key = (far == 2 or i < low, found[2], i)  # right under a headline far up: when none nearer
        if best is None or key < best[0]:
            best = (key, (found[0], found[1], i))
            if key[:2] == (False, 0):
                break  # an explicit byline near the story: no line below it can come first
    return best[1] if best else None


__all__ = ["head_byline", "person_names", "read_byline", "HEAD_ZONE"]
