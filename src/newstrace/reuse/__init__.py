"""Text reuse: shared passages between documents and reprint families.

`find_reuse` runs the whole stage in-process. The stages are exposed on their
own so an engine can run them per batch or per partition:

    signatures(doc_ids, texts, options) -> Table(doc, hash, pos)
    candidates(sig_table, options) -> Table(a, b, shared)
    verify(pairs, texts_by_id, options) -> list[Alignment]
    families(alignments, lengths, options) -> list[Member]

All are pure and seeded: the same documents give the same output in any order
or batching.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..errors import InputError
from .align import verify
from .candidates import candidates, merge_counts
from .families import families
from .options import ReuseOptions, ReuseResult
from .shards import candidate_pairs
from .shingles import doc_keys, ngrams, signatures
from .tokens import tokenize

log = logging.getLogger(__name__)


class ReuseInputError(InputError, ValueError):
    """A document given to find_reuse is not usable as it is."""


def _check(docs: Sequence[tuple[str, str]]) -> tuple[list[str], list[str]]:
    ordered = sorted(docs, key=lambda d: d[0])
    ids = [d[0] for d in ordered]
    for i in range(1, len(ids)):
        if ids[i] == ids[i - 1]:
            raise ReuseInputError("find_reuse input", f"doc {ids[i]!r}", "the doc id appears twice",
                                  "give each document one id")
    texts = []
    for doc_id, text in ordered:
        if not isinstance(text, str):
            raise ReuseInputError("find_reuse input", f"doc {doc_id!r}",
                                  f"text is {type(text).__name__}, expected str",
                                  "pass the clean text as a str")
        texts.append(text)
    return ids, texts


def find_reuse(docs: Sequence[tuple[str, str]], options: ReuseOptions | None = None) -> ReuseResult:
    """Shared passages and reprint families of (doc_id, clean text) documents."""
    opt = options or ReuseOptions()
    ids, texts = _check(docs)
    a, b = candidate_pairs(texts, opt)
    log.info("%d documents, %d candidate pairs", len(ids), a.size)
    texts_by_id = dict(zip(ids, texts, strict=True))
    pairs = [(ids[i], ids[j]) for i, j in zip(a.tolist(), b.tolist(), strict=True)]
    alignments = verify(pairs, texts_by_id, opt)
    lengths = {i: len(t) for i, t in zip(ids, texts, strict=True)}
    members = families(alignments, lengths, opt)
    extra = _family_pairs(members, alignments)
    if extra:  # a passage shared with one copy is looked for in the other copies too
        alignments = sorted([*alignments, *verify(extra, texts_by_id, opt)],
                            key=lambda al: (al.a, al.b, al.a_start, al.b_start))
        members = families(alignments, lengths, opt)
    return ReuseResult(alignments=alignments, members=members)


def _family_pairs(members: list, alignments: list) -> list[tuple[str, str]]:
    """Pairs (partial member, copy member of its family) not verified yet."""
    linked = {(al.a, al.b) for al in alignments}
    copies: dict[str, list[str]] = {}
    for m in members:
        if m.role == "copy":
            copies.setdefault(m.family_id, []).append(m.doc_id)
    out = set()
    for m in members:
        if m.role == "partial":
            for c in copies.get(m.family_id, ()):
                pair = (min(m.doc_id, c), max(m.doc_id, c))
                if pair not in linked:
                    out.add(pair)
    return sorted(out)


__all__ = [
    "ReuseOptions", "ReuseResult", "ReuseInputError", "find_reuse", "signatures",
    "candidates", "merge_counts", "verify", "families", "tokenize", "ngrams", "doc_keys",
    "candidate_pairs",
]
