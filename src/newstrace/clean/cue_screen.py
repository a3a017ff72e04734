"""Many regular expressions searched in one line, each only when the line holds a
literal text it needs (`Cues`, built by `cue_set`): one alternation of 150 patterns
costs about a millisecond per line. A literal is read off the pattern's start
(`_trigger`); one with a whole word in it is tried only when the line has that word.
Used by `tail` for its cue phrases."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import compress
from types import MappingProxyType

WORD = re.compile(r"\w+")


def _trigger(pattern: str) -> tuple[tuple[str, list[str]], ...]:
    """Literal texts one of which a match of `pattern` must contain, each with its whole
    words (see `_whole`): the pattern's leading literal words, or those of each choice of
    a leading group "(?:a|b)", or else the literal text right after a leading group;
    () when there are none."""
    head = re.match(r"(?:\\b|\^)?", pattern).end()
    group = re.match(r"\(\?:([^()]*)\)", pattern[head:])
    if group:
        rest = pattern[head + group.end():]
        choices = [c + rest if c.isalpha() else c for c in group.group(1).split("|")]
    else:
        choices = [pattern[head:]]
    out = []
    for c in choices:
        lead = _lead(c)
        if len(lead) < 2:
            break
        out.append((lead, _whole(lead, head > 0, c[len(lead):].startswith("\\b"))))
    else:
        return tuple(out)
    after = _after_group(pattern[head:])
    return ((after, _whole(after, False, False)),) if len(after) >= 2 else ()


def _lead(part: str) -> str:
    """The literal text `part` of a pattern starts with."""
    lead = re.match(r"[^\\()\[\]{}?*+|.^$]*", part).group(0)
    if part[len(lead):len(lead) + 1] in ("?", "*", "{"):  # the last letter is optional
        lead = lead[:-1]
    return lead


def _after_group(pattern: str) -> str:
    """The literal text right after the group "(...)" `pattern` starts with, which a match
    must then hold; "" when there is none (or the pattern is not that simple)."""
    if pattern[:1] != "(":
        return ""
    depth = 0
    for i, c in enumerate(pattern):
        if c in "\\[":
            return ""
        depth += (c == "(") - (c == ")")
        if depth == 0:
            rest = pattern[i + 1:]
            top = re.sub(r"\\.|\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\)", "", rest)  # no choice outside groups
            return "" if rest[:1] in ("?", "*", "+", "{") or "|" in top else _lead(rest)
    return ""


def _whole(literal: str, left: bool, right: bool) -> list[str]:
    """The words of `literal` that a text holding it holds whole: those with a non-word
    character on both sides in it (`left`, `right`: the literal starts, ends at a word
    boundary in the pattern)."""
    return [m.group(0) for m in WORD.finditer(literal)
            if (m.start() > 0 or left) and (m.end() < len(literal) or right)]


@dataclass(frozen=True)
class Cues:
    """Cue patterns (lower case) with the literals each needs, so that a line is searched
    only with the few patterns whose literal it holds (one alternation of 150 patterns
    costs about a millisecond per line). A literal with a whole word in it is tried only
    when the line has that word (one set operation for all of them), the others one by one."""

    patterns: tuple[re.Pattern, ...]
    by_word: Mapping[str, tuple[tuple[str, int], ...]] = field(compare=False)  # word -> (literal, pattern)
    words: frozenset[str]  # the keys of by_word
    literals: tuple[str, ...]  # literals without a whole word, with their pattern in `owner`
    owner: tuple[int, ...]
    always: frozenset[int]  # patterns without a literal

    def search(self, low: str, words: set[str] | None = None) -> bool:
        """Whether one of the patterns matches the lower-cased line `low` (`words`: its
        words, WORD.findall(low), as a set)."""
        found = (set(WORD.findall(low)) if words is None else words) & self.words
        todo = self.always.union(compress(self.owner, map(low.__contains__, self.literals)),
                                 [k for w in found for t, k in self.by_word[w] if t in low])
        return any(self.patterns[k].search(low) for k in sorted(todo))


def cue_set(*parts: str) -> Cues:
    """The `Cues` of these patterns (lower case), each screened by the literals it needs."""
    by_word: dict[str, list[tuple[str, int]]] = {}
    loose, always = [], []
    for k, p in enumerate(parts):
        found = _trigger(p)
        for t, words in found:
            if words:
                by_word.setdefault(max(words, key=len), []).append((t, k))
            else:
                loose.append((t, k))
        if not found:
            always.append(k)
    return Cues(tuple(map(re.compile, parts)), MappingProxyType({w: tuple(v) for w, v in by_word.items()}),
                frozenset(by_word),
                tuple(t for t, _ in loose), tuple(k for _, k in loose), frozenset(always))


__all__ = ["WORD", "Cues", "cue_set"]
