"""Options and result of the text-reuse stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Alignment, Member


@dataclass(frozen=True, slots=True)
class ReuseOptions:
    """How text reuse is found. The defaults suit news of a few hundred words.

    Candidates come from word n-grams: every n-gram is hashed and one in
    `sample` (chosen by its hash, so the same in every document) is kept.
    Documents that share at least `min_shared` kept n-grams are verified by
    aligning all their n-grams along diagonals. Passages in short title-like
    lines ("Related posts", navigation) count as prose only for a long list.
    """

    ngram: int = 5  # words per shingle
    sample: int = 4  # keep one shingle in `sample` for candidate generation
    max_df: int = 1000  # shingles in more documents are site templates: ignored
    pair_cap: int = 64  # shingles in more documents emit a star + chain of pairs, not all
    min_shared: int = 2  # sampled shingles two documents must share to be verified
    min_passage_tokens: int = 25  # aligned prose words a link needs (over its passages)
    min_segment_tokens: int = 10  # shorter aligned runs are noise
    min_paragraph_tokens: int = 10  # a whole paragraph shared by both texts is a link from this
    paragraph_keys: bool = True  # a whole paragraph of min_paragraph_tokens words is a
    #                              candidate key (short ones share too few sampled shingles)
    max_gap: int = 40  # words between two matching shingles of one passage
    max_shift: int = 12  # words a passage may drift between its two texts
    edge_tokens: int = 45  # prose words under which a passage at the same edge of both
    #                        texts is boilerplate (disclaimer, credit line)
    strong_coverage: float = 0.5  # share of the shorter text a copy link covers
    identity: bool = True  # exact character identity between matches (rapidfuzz LCS);
    #                        False: characters outside matching n-grams count as changed
    batch_docs: int = 1024  # documents tokenised at once (small batches stay in cache)
    shards: int = 16  # hash-space partitions (in memory: at most one per 20,000 docs)
    spill_dir: str | None = None  # keep shingle shards in files here, not in memory
    seed: int = 0  # hashing seed


@dataclass(frozen=True, slots=True)
class ReuseResult:
    """Shared passages (a < b by doc id) and the members of every family."""

    alignments: list[Alignment] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
