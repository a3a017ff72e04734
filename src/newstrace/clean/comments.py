"""Comment-policy lines: the notes a site puts over or under its reader comments.

"Comments are subject to our community guidelines", "You must be logged in to post
a comment", "Please enable JavaScript to view the comments powered by Disqus",
"ATENÇÃO: Comentários ... não serão aprovados pelo moderador". Such a line names
the comments and, a few words away, what rules them (moderation, approval,
guidelines, respect, spam, logging in, publishing, a comment widget). It stands
at the top of a comment section or form: the article is above it. A line of
article prose that reports a comment ("declined to comment on the rules") is
longer, has the two words farther apart, or uses the reporter's idioms ("declined
to comment", "a request for comment", "comment on", "não quis comentar"), which
make no policy line. Numpy and re only.
"""

from __future__ import annotations

import re

import numpy as np

# the comments, in the languages of the cue lists ("commentary", "commentator" are no comments)
COMMENT = re.compile(
    r"\b(?:comment(?!ar|at)|coment[aá]r|komment|komentar|коммент|commento|commenti|commentaire)"
    r"|댓글|コメント|评论|評論", re.IGNORECASE)
# what rules them: moderation, approval, guidelines, manners, spam, logging in, publishing, widgets
POLICY = re.compile(
    r"\b(?:moderat|moderad|moderiert|approv|aprovad|aprobad|genehmig|guideline|rules\b|regras\b"
    r"|normas\b|regeln\b|правил|respect|respeit|respet|offensiv|ofensiv|beleidig|abus|profan"
    r"|spam\b|delet|exclu[ií]d|removed?\b|reviewed\b|publish|publicad|publicar|pubblicat"
    r"|veröffentlich|опублик|публику|модер|log ?in|logged\b|regist|connesso|submit|javascript|disqus"
    r"|akismet|netiquette)"
    r"|審核|审核|承認", re.IGNORECASE)
# a reporter's use of the word: someone comments on something, or does not
REPORTED = re.compile(
    r"\b(?:declin|refus|request|reached|asked|unavailable|respond|immediately|not|did|would|could"
    r"|não|nao|no|sin|nicht|non)\w*(?:'t)?\s+(?:\w+\s+){0,2}?(?:to\s+|for\s+|a\s+|de\s+)?"
    r"(?:comment|comentar|kommentieren|commentare)\b"
    r"|\b(?:comment(?:s|ed|ing)?|coment[oó]u?|comentó|kommentierte)\s+(?:on|about|upon|sobre)\b",
    re.IGNORECASE)
WORD = re.compile(r"\w+")
# lower-case pieces every match of COMMENT holds
NEEDLES = ("comment", "coment", "komment", "komentar", "коммент", "댓글", "コメント", "评论", "評論")
UPPER_ONLY = {"k": "\u212a"}  # a character other than "K" whose lower() is the letter (the Kelvin sign)


def _cased(word: str) -> str:
    """A pattern for `word` (lower-case) as written in any case: each letter as any character
    whose lower() it is (the needles' letters; checked over all code points in the tests)."""
    return "".join(f"[{c}{c.upper()}{UPPER_ONLY.get(c, '')}]" if c.upper() != c else c for c in word)


# the needles in the page as written (no lower-casing of the page): the Latin ones found from
# their "m" (a scan for one character is fast), the letters around it checked after and before
_AFTER_M = "|".join(f"{_cased(w[3:])}(?<={_cased(w)})" for w in NEEDLES[:4])
LATIN = tuple(re.compile(f"{m}(?:{_AFTER_M})") for m in "mM")
OTHER = re.compile("|".join(map(_cased, NEEDLES[4:])))  # read where a page holds their first letters
OTHER_FIRST = "".join(sorted({c for w in NEEDLES[4:] for c in (w[0], w[0].upper())}))
POLICY_NEAR, POLICY_WORDS = 8, 60  # see `is_policy`

__all__ = ["is_policy", "policy_lines"]


def is_policy(text: str) -> bool:
    """A comment-policy line: a comment word and a policy word at most POLICY_NEAR words
    apart, in a line of at most POLICY_WORDS words that does not report a comment
    (`REPORTED`)."""
    if COMMENT.search(text) is None:
        return False
    if POLICY.search(text) is None or len(WORD.findall(text)) > POLICY_WORDS or REPORTED.search(text):
        return False
    at_comment = [len(WORD.findall(text, 0, m.start())) for m in COMMENT.finditer(text)]
    at_policy = [len(WORD.findall(text, 0, m.start())) for m in POLICY.finditer(text)]
    return any(abs(a - b) <= POLICY_NEAR for a in at_comment for b in at_policy)


def policy_lines(texts: list[str]) -> np.ndarray:
    """Flags over `texts` (lines without a line break): the comment-policy lines
    (`is_policy`). Only lines holding one of NEEDLES (lower-cased) are read (a regular
    expression per line is slow): the needles are found in a few scans of the joined page."""
    out = np.zeros(len(texts), dtype=bool)
    text = "\n".join(texts)
    found = [m.start() for rx in LATIN for m in rx.finditer(text)]
    if any(map(text.__contains__, OTHER_FIRST)):
        found += map(re.Match.start, OTHER.finditer(text))
    line, pos, read = 0, 0, -1
    for at in sorted(found):  # positions -> line numbers
        line += text.count("\n", pos, at)
        pos = at
        if line != read:
            read = line
            out[line] = is_policy(texts[line])
    return out
