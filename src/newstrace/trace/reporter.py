"""The outlet a story's own reporting names: "a spokesman told Reuters", "did not respond
to The Hill's request for comment", "... do not necessarily reflect those of Sputnik".

Only the outlet that did the reporting writes such a sentence about itself; a copy carries
it with the text, so it says who wrote the story, much as a dateline agency does. Another
outlet's story may cite one ("told CNN last week"), so it is evidence, not proof.
`told_names` reads the candidate names of a text; `reporter_of` keeps those that are
outlets (a family member's site, an outlet a credit names, the cleaner's outlet table, a
domain) and returns the one most members' texts name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .outlets import host_of, outlet_keys, same_outlet, tally

# a name: up to four capitalised words, "The" allowed first ("The Hill", "Polygraph.info")
_WORD = r"[A-Z][\w&\-]*(?:\.[\w\-]+)*"  # a dot only inside a word: "Lenta.ru", not "Journal."
_NAME = rf"((?:[Tt]he )?{_WORD}(?: {_WORD}){{0,3}})"
# the name follows these words: "told Reuters", "seen by The Wall Street Journal"
_AFTER = tuple(re.compile(re.escape(w) + " " + _NAME) for w in (
    "told", "speaking to", "spoke to", "spoke with", "contacted by", "in a statement to",
    "confirmed to", "request for comment from", "seen by", "obtained by", "reviewed by",
    "necessarily reflect those of", "necessarily reflect the views of"))
# the name comes before these words: "The Hill's request for comment", "CNN has reached
# out to", "Reuters could not independently verify"; (cue, what may stand between)
_NOT = r" (?:could not|cannot|has not|did not|was unable to)"
_BEFORE = tuple((re.compile(re.escape(cue)), re.compile(_NAME + between + "$")) for cue, between in (
    ("’s request", ""), ("'s request", ""), ("’s inquir", ""), ("'s inquir", ""),
    (" reached out to", r"(?: has| have)?"), (" independently verify", _NOT),
    (" independently confirm", _NOT)))


def told_names(text: str) -> tuple[str, ...]:
    """Names the text's own reporting mentions (not yet known to be outlets), in order.
    Literal cues first (fast), then the name next to each."""
    found: list[tuple[int, str]] = []
    for pattern in _AFTER:
        for m in pattern.finditer(text):
            if m.start() == 0 or not text[m.start() - 1].isalnum():
                found.append((m.start(1), m.group(1)))
    for cue, name_re in _BEFORE:
        for m in cue.finditer(text):
            name = name_re.search(text, max(0, m.start() - 80), m.start())
            if name:
                found.append((name.start(1), name.group(1)))
    out: list[str] = []
    for _, name in sorted(found):
        name = name.rstrip("-")
        if name not in out:
            out.append(name)
    return tuple(out)


def as_outlet(name: str, known: Sequence[str]) -> str | None:
    """`name` (or its longest part that is: "Fox News Digital" -> "Fox News") as an
    outlet: one of `known` (sites and credited outlets), else a domain or a name in the
    outlet table."""
    words = name.split()
    spans = sorted(((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)),
                   key=lambda s: (s[0] - s[1], s[0]))  # longest first, then leftmost
    for i, j in spans:
        cand = " ".join(words[i:j])
        if cand.lower() == "the":
            continue
        hit = next((k for k in known if same_outlet(cand, k)), None)
        if hit:
            return hit
        if host_of(cand) or any(k.startswith("=") for k in outlet_keys(cand)):
            return cand
    return None


def reporter_of(texts_names: Sequence[tuple[str, ...]], known: Sequence[str]) -> str | None:
    """The outlet that at least half of the texts (each given by its `told_names`) name."""
    if not texts_names:
        return None
    votes = tally([o for o in (as_outlet(n, known) for n in names) if o]
                  for names in texts_names)
    best = max(votes, key=lambda g: g[1], default=None)
    if best is None or best[1] * 2 < len(texts_names):
        return None
    return best[0]
