"""Sentences a scraper cut into pieces at links: score them again as whole sentences.

A dump that puts every text node on its own line cuts a sentence with links
into fragments ("This system, says" / "Richard Locksley" / ", an immunologist
at ..."). The line model sees each piece alone, and a stretch of such pieces
looks like a menu to it, so whole paragraphs around them are dropped too.
`rescore` joins the pieces back into sentences (`sentence_groups`), scores the
joined page with the same model and gives each line the higher of its own
score and its sentence's. It runs only on pages cut that way: at least
MIN_REBUILT sentences of PROSE_WORDS or more words rebuilt from several lines,
MIN_LOST of them (LOST_SHARE of the page's words) holding a line the model
would drop. `copies` finds a second copy of the article that was cut into
lines differently from the first, which line-by-line comparison misses.
Numpy only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain
from typing import NamedTuple

import numpy as np

from . import charclass as C
from .lines import COL, Page, build_page, fragment_joins

CHAIN_WORDS = 5  # a capitalised piece this short between two pieces of a sentence joins both
LABEL_WORDS = 6  # a label this short ending in ":" joins the line below
PROSE_WORDS, MIN_REBUILT, MIN_LOST, LOST_SHARE = 10, 5, 3, 0.08  # see `rescore`
_CLOSING = frozenset(C.JOIN_START_CHARS)  # no space before these when lines are joined

__all__ = ["Sentences", "copies", "joined_text", "rebuilt_lines", "rescore", "sentence_groups", "sentences"]


def sentence_groups(texts: list[str], terminal: np.ndarray, words: np.ndarray,
                    edges: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Group id per line (stripped, non-blank): a line joins the one above when it goes
    on with the same sentence.

    `terminal`: the line ends a sentence; `words`: its word count. A line joins the
    one above as a fragment does (`lines.fragment_joins`: the line above ends no
    sentence, and the line starts lower-case or with closing punctuation, or the
    line above ends with an opening one: ",", "(", a dash); a short piece between two such joins ("says" / "Richard
    Locksley" / ", an ...", a linked name) joins both; a short label ending in
    ":" joins the line below ("Palm Bay (1-0):" / "Tolivert 25 points.").
    `edges`, when the caller has them: the class bits of each line's first and last
    character, and whether the line ends with ":".
    """
    n = len(texts)
    if n < 2:
        return np.zeros(n, dtype=np.intp)
    terminal = np.asarray(terminal)
    opens = terminal == 0
    words = np.asarray(words)
    if edges is None:
        _, first = C.char_bits("".join([t[0] for t in texts]))
        last_cp, last = C.char_bits("".join([t[-1] for t in texts]))
        colon = last_cp == ord(":")
    else:
        first, last, colon = edges
    join = fragment_joins(first, last, terminal)  # join[i]: line i + 1 joins line i
    join[:-1] |= opens[:-2] & opens[1:-1] & (words[1:-1] <= CHAIN_WORDS) & join[1:]
    join |= colon[:-1] & (words[:-1] <= LABEL_WORDS)
    return np.concatenate(([0], (~join).cumsum()))


def joined_text(texts: list[str], groups: np.ndarray) -> str:
    """One line per group: its lines joined by a space (none before closing punctuation)."""
    parts: list[str] = []
    prev = -1
    for t, g in zip(texts, groups.tolist(), strict=True):
        if g != prev:
            if parts:
                parts.append("\n")
            prev = g
        elif t[0] not in _CLOSING:
            parts.append(" ")
        parts.append(t)
    return "".join(parts)


class Sentences(NamedTuple):
    """A page's lines in sentences (`sentence_groups`), read once per page by the
    cleaner's rules (`rescore`, `rebuilt_lines`, `promo.page_promo`)."""

    groups: np.ndarray  # sentence per line
    words: np.ndarray  # words per line
    gwords: np.ndarray  # words per sentence
    rebuilt: np.ndarray  # per sentence: several lines, PROSE_WORDS words or more, a sentence end


def sentences(page: Page) -> Sentences:
    """The page's lines grouped into sentences, with their word counts (`Sentences`)."""
    X = page.X
    words = np.expm1(X[:, COL["log_words"]])
    edges = None if page.edges is None else (*page.edges, X[:, COL["ends_colon"]] > 0)
    groups = sentence_groups(page.texts, X[:, COL["terminal"]], words, edges)
    size = np.bincount(groups)
    last = np.concatenate((groups[1:] != groups[:-1], [True]))
    gwords = np.bincount(groups, weights=words)
    return Sentences(groups, words, gwords, (size > 1) & (gwords >= PROSE_WORDS) & (X[last, COL["terminal"]] > 0))


def rebuilt_lines(page: Page, sents: Sentences | None = None) -> np.ndarray:
    """Lines that are pieces of a sentence cut into several lines (`sentence_groups`)
    of PROSE_WORDS words or more ending a sentence (`sents`: `sentences(page)`, if read)."""
    if len(page.texts) < 2:
        return np.zeros(len(page.texts), dtype=bool)
    groups, _, _, rebuilt = sents or sentences(page)
    return rebuilt[groups]


def rescore(page: Page, q: np.ndarray, score: Callable[[Page], np.ndarray], threshold: float,
            sents: Sentences | None = None) -> np.ndarray:
    """Line scores `q` of `page`, raised to the score of each line's rebuilt sentence
    (`score`: the line model, page -> scores) on pages cut at links; else `q` itself
    (`sents`: `sentences(page)`, if read)."""
    if len(q) < 2:
        return q
    groups, _, gwords, rebuilt = sents or sentences(page)
    if len(rebuilt) == len(q):
        return q
    if rebuilt.sum() < MIN_REBUILT:
        return q
    lost = rebuilt & (np.bincount(groups, weights=q < threshold) > 0)
    if lost.sum() < MIN_LOST or gwords[lost].sum() < LOST_SHARE * gwords.sum():
        return q
    joined = score(build_page(joined_text(page.texts, groups), teaser=False))
    return np.maximum(q, joined[groups])


COPY_WORDS, COPY_RATIO, COPY_SHARE, COPY_HINT = 50, 0.6, 0.9, 4  # see `copies`
_WORD = re.compile(r"\w+")


def copies(page: Page, keep: np.ndarray) -> np.ndarray:
    """Kept lines of a second copy of the article: a run of kept lines whose words
    repeat text kept higher up, however the two copies were cut into lines (a
    print copy whose paragraphs hold no links, below an article cut at every link).

    A word repeats when a 4-word sequence holding it occurred earlier, not
    overlapping, in the kept text; a line repeats when COPY_SHARE of its words do
    (lines without words go along). A run counts with COPY_WORDS words or more and
    at least COPY_RATIO times the words kept above it: a copy repeats most of the
    article, a recurring passage within it (a menu per day in a meal plan) does not.
    Pages with fewer than COPY_HINT kept lines of 60+ characters seen twice are skipped.
    """
    out = np.zeros(len(keep), dtype=bool)
    kept = keep.nonzero()[0]
    if ((page.counts[kept] > 1) & (page.chars[kept] >= 60)).sum() < COPY_HINT:
        return out
    words = list(map(_WORD.findall, map(page.keys.__getitem__, kept.tolist())))
    flat = list(chain.from_iterable(words))
    ids = {w: k for k, w in enumerate(dict.fromkeys(flat))}  # in order of first use
    stream = np.fromiter(map(ids.__getitem__, flat), np.int64, len(flat))
    owner = np.repeat(np.arange(len(kept)), list(map(len, words)))
    if len(stream) < 8:
        return out
    v = len(ids)  # one number per 4-gram: exact below 55,000 distinct words (then int64 wraps)
    grams = ((stream[:-3] * v + stream[1:-2]) * v + stream[2:-1]) * v + stream[3:]
    _, first, inverse = np.unique(grams, return_index=True, return_inverse=True)
    again = first[inverse] + 4 <= np.arange(len(grams))  # seen before, not overlapping
    covered = np.zeros(len(stream), dtype=bool)
    for k in range(4):
        covered[k:len(grams) + k] |= again
    n = np.bincount(owner, minlength=len(kept))
    share = np.bincount(owner, weights=covered, minlength=len(kept)) / np.maximum(n, 1)
    rep = (share >= COPY_SHARE) | (n == 0)  # runs of repeating lines: [a, b) in `kept` order
    edges = np.flatnonzero(np.diff(np.concatenate(([0], rep.view(np.int8), [0]))))
    for a, b in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        words = n[a:b].sum()
        if words >= COPY_WORDS and words >= COPY_RATIO * n[:a].sum() and rep[a:b].sum() > (n[a:b] == 0).sum():
            out[kept[a:b]] = True
    return out
