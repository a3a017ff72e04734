"""Bylines after the story: the author box and the author's note that close a piece.

`tail_byline(lines, body)` reads the last body lines and the dropped lines right
after them for, in this order of trust:
- an author box: "About the author" (or its kin in other languages) over the name;
- a blog's footer: "Posted by Jane Doe at 10:31 AM" ("written / published by");
- an author page's link: "View all posts by Jane Doe", "Jane Doe View More Articles";
- an author's note: "Jane Doe (@janedoe) is a staff writer at ...", "Jane Doe
  covers politics for ...", whose name the story above never mentions (a story
  that ends on a person it is about names them before).
Used only when nothing above the story names the author.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.clean.byline import read_byline
from newstrace.clean.names import author_link, person_names
from newstrace.records import Line

TAIL_ZONE = 25  # dropped lines after the last body line that may hold the author box

_ABOUT = re.compile(r"^(?:about\s+the\s+authors?|(?:the\s+)?authors?|über\s+(?:den|die)\s+autor(?:in)?|"
                    r"sobre\s+(?:el|la|o|a)\s+autora?|à\s+propos\s+de\s+l['’]auteur|об\s+авторе|tentang\s+penulis)"
                    r"\s*:?$", re.I)
_FOOTER = re.compile(r"^(?:posted|written|published)\s+by\b", re.I)
# "Jane Doe (@janedoe) is a staff writer at ...": the name, then what the author does
_NOTE = re.compile(r"^[*_—–\-\s]*(?P<name>[^\W\d][^,()]{2,60}?)(?:\s*\(@\w{2,30}\))?,?\s+"
                   r"(?:(?:is|was|has\s+been)\s+(?:a|an|the|our)\s+(?P<what>[^.;]{3,160})"
                   r"|(?:covers|writes\s+(?:about|for|on)|reports\s+(?:on|for|from))\s)")
_NOTE_ROLE = re.compile(r"\b(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|blogger|"
                        r"commentator|analyst|author|professor|lecturer|researcher|fellow|scholar|expert)s?\b", re.I)


def _note(text: str) -> str | None:
    """The person an author's note opens with, else None."""
    if len(text) > 400:
        return None
    m = _NOTE.match(text)
    if m is None or m.group("what") is not None and not _NOTE_ROLE.search(m.group("what")):
        return None
    return person_names(m.group("name"))


def _named(text: str) -> str | None:
    """The name on a line under "About the author": alone, with a link, in a note or a byline."""
    read = read_byline(text)
    return person_names(text) or author_link(text) or _note(text) or (read[0] if read else None)


def tail_byline(lines: Sequence[Line], body: Sequence[int]) -> tuple[str, str, int] | None:
    """(names, evidence, row) of the author named right after the story (`body`: the rows of
    its lines, in order), else None."""
    if not body:
        return None
    last = body[-1]
    rows = [*body[-2:], *(i for i in range(last + 1, min(len(lines), last + 1 + TAIL_ZONE)) if not lines[i].keep)]
    texts = {i: " ".join(lines[i].text.split()) for i in rows}
    notes = []
    for k, i in enumerate(rows):
        text = texts[i]
        if not text or len(text) > 400:
            continue
        if _ABOUT.match(text):
            after = [j for j in rows[k + 1:k + 4] if texts[j]]
            name = _named(texts[after[0]]) if after else None
            if name and not (len(after) > 1 and person_names(texts[after[1]])):  # not a list of the site's authors
                return name, "author box after the body", after[0]
            continue
        read = read_byline(text) if _FOOTER.match(text) else None
        if read is not None and read[1] == "byline":
            return read[0], "byline line after the body", i
        link = author_link(text)
        if link:
            return link, "author link after the body", i
        nxt = texts[rows[k + 1]] if k + 1 < len(rows) else ""
        if (nxt[:1] in ("(", ",") or nxt[:1].islower()) and person_names(text):
            text = f"{text} {nxt}"  # the name was a link: "Jane Doe" over "(@janedoe) is a ..."
        name = _note(text)
        if name:
            notes.append((name, i))
    for name, i in notes:
        above = " ".join(lines[j].text for j in body if j != i)
        if not re.search(rf"\b{re.escape(name.split()[-1])}\b", above, re.I):
            return name, "author's note after the body", i
    return None


__all__ = ["tail_byline", "TAIL_ZONE"]
