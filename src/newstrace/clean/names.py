"""Person names in text mode: whether a short string is one person's name (or several),
and the author-page links that carry one ("View all posts by Jane Doe", "Jane Doe View
More Articles").

A name is 2-5 capitalised words, particles allowed ("Ludwig van Beethoven"), no
digits and no section or UI word ("Top Stories", "Browse All Posts").
"""

from __future__ import annotations

import re
from functools import lru_cache

HANDLE = re.compile(r"\s*(?:@\w{2,30}|\(@\w{2,30}\))\s*$")
EDGE = " -–—|,;:·•/"
SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\by\b|\bet\b|\be\b|\bи\b|&|\bdan\b)\s*")
JOINS = frozenset("and und y et e и & dan".split())  # the words SPLIT cuts at
PARTICLES = frozenset("van von der den de del della da dos das du di la le al el bin ibn ter ten st. y".split())
NOT_NAME = frozenset(
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
    "pages print email save like tweet pin comments recommended sponsored trending popular "
    "u.s u.k u.n e.u d.c n.y l.a".split())
# a word ("Jean-Luc", "O'Brien"), or initials ("E.", "J.R.")
_WORD_OK = re.compile(r"[^\W\d_](?:['’](?=[^\W\d_]))?[^\W\d_]['’\-\w]*\.?|(?:[^\W\d_]\.){1,3}", re.U)


def _is_person(s: str) -> bool:
    """2-5 capitalised words, particles allowed; no digits, no section or UI words."""
    words = s.split()
    if not 2 <= len(words) <= 6 or words[-1].lower() in PARTICLES:
        return False
    caps = 0
    for w in words:
        if w.lower() in PARTICLES and caps:
            continue
        if not _WORD_OK.fullmatch(w) or not w[0].isupper():
            return False
        low = w.lower().strip(".")
        if low in NOT_NAME or "-" in low and low.split("-", 1)[0] in NOT_NAME:  # "Editor-at-large"
            return False
        caps += 1
    return 2 <= caps <= 5


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def person_names(s: str) -> str | None:
    """`s` when it is one person's name or several joined by commas / "and", else None."""
    s = HANDLE.sub("", s.strip(EDGE)).strip(EDGE)
    parts = [p for p in SPLIT.split(s) if p]
    if parts and all(_is_person(p) for p in parts) and len(parts) <= 6:
        return s
    return None


# an author page's link before the name ("View all posts by", "More stories from") or after
# it with a verb, glued or not ("Jane DoeView More Articles", "Jane Doe - See all posts")
_LINK_BEFORE = re.compile(r"^(?:(?:view|see|read|browse)\s+)?(?:(?:all|more|other)\s+)?(?:the\s+)?"
                          r"(?:posts|articles|stories|columns|entries)\s+(?:by|from)\s+", re.I)
_LINK_AFTER = re.compile(r"\s*(?:view|see|read|browse)\s+(?:all|more)\s+(?:posts|articles|stories)"
                         r"(?:\s+by\s+(?:this\s+)?author)?\s*[»›>→]?$", re.I)
# the link alone (a verb first: a list's "More Stories" or a blog's "All Posts" is none)
_LINK_LINE = re.compile(r"(?:view|see|read)\s+(?:all|more)\s+(?:posts|articles|stories)"
                        r"(?:\s+by\s+(?:this\s+)?author)?\s*[»›>→]?", re.I)
_LINK_WORDS = re.compile(r"posts|articles|stories|columns|entries", re.I)  # a cheap test first


def author_link(s: str) -> str | None:
    """The person an author-page link names ("View all posts by Jane Doe"), else None."""
    if len(s) > 100 or not _LINK_WORDS.search(s):
        return None
    m = _LINK_BEFORE.match(s)
    if m:
        return person_names(s[m.end():])
    m = _LINK_AFTER.search(s)
    return person_names(s[:m.start()]) if m and m.start() else None


def link_alone(s: str) -> bool:
    """Whether `s` is an author page's link with no name ("View More Articles"), as the
    line under a name prints it."""
    return len(s) <= 40 and _LINK_LINE.fullmatch(s) is not None


__all__ = ["author_link", "link_alone", "person_names"]
