"""The reuse stage on Spark: the `newstrace.reuse` stage functions per partition.

articles (Parquet) -> `signatures` per partition -> shuffle on the shingle hash
(every row of a hash lands in one partition) -> `candidates(minimum=1)` per
partition -> group-by (a, b) summing the shared counts, keep >= min_shared ->
doc keys joined back to ids and texts -> `verify` per partition -> alignments
collected (small) -> `families` on the driver. The output and the `stages`
digest are written by `stages.write_reuse`, as the local executor does.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

import numpy as np

from ..records import Alignment
from ..settings import Settings
from ..store import db as store
from .local import Progress
from .stages import reuse_options, reuse_pending, write_reuse

log = logging.getLogger(__name__)

_U64 = np.uint64
VERIFY_PAIRS = 2000  # candidate pairs verified at once inside a task


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def sign_partition(rows: Iterable, options, shards: int) -> Iterator[tuple[int, tuple]]:
    """(shard, (doc, hash, pos) as bytes) for the sampled shingles of a partition's docs.

    The shard is the hash modulo `shards`: every row of a hash goes to one shard.
    """
    from ..reuse import signatures

    for chunk in _chunks(rows, options.batch_docs):
        sig = signatures([r[0] for r in chunk], [r[1] for r in chunk], options)
        doc, hashes = sig.column("doc").to_numpy(), sig.column("hash").to_numpy()
        pos = sig.column("pos").to_numpy()
        shard = (hashes % _U64(shards)).astype(np.int64)
        order = np.argsort(shard, kind="stable")
        cuts = np.searchsorted(shard[order], np.arange(1, shards))
        for k, idx in enumerate(np.split(order, cuts)):
            if idx.size:
                yield k, (doc[idx].tobytes(), hashes[idx].tobytes(), pos[idx].tobytes())


def candidates_partition(items: Iterable[tuple[int, tuple]], options) -> Iterator[tuple]:
    """(a, b, shared) with doc keys as signed 64-bit ints, for every pair of a partition."""
    import pyarrow as pa

    from ..reuse import candidates

    parts = [v for _, v in items]
    if not parts:
        return
    table = pa.table({
        "doc": np.concatenate([np.frombuffer(p[0], _U64) for p in parts]),
        "hash": np.concatenate([np.frombuffer(p[1], _U64) for p in parts]),
        "pos": np.concatenate([np.frombuffer(p[2], np.uint32) for p in parts]),
    })
    pairs = candidates(table, options, minimum=1)
    a = pairs.column("a").to_numpy().view(np.int64)
    b = pairs.column("b").to_numpy().view(np.int64)
    yield from zip(a.tolist(), b.tolist(), pairs.column("shared").to_numpy().tolist(),
                   strict=True)


def key_partition(rows: Iterable, seed: int) -> Iterator[tuple]:
    """(doc key as a signed 64-bit int, doc id, text) per article."""
    from ..reuse import doc_keys

    for chunk in _chunks(rows, 4096):
        keys = doc_keys([r[0] for r in chunk], seed).view(np.int64).tolist()
        for key, (doc_id, text) in zip(keys, chunk, strict=True):
            yield key, doc_id, text


def verify_partition(rows: Iterable, options) -> Iterator[tuple]:
    """Alignment rows of the (a id, a text, b id, b text) pairs of a partition.

    Pairs are verified VERIFY_PAIRS at a time (`verify` gives the same
    alignments for a pair in any batch).
    """
    from ..reuse import verify

    for chunk in _chunks(rows, VERIFY_PAIRS):
        texts, pairs = {}, []
        for a_id, a_text, b_id, b_text in chunk:
            texts[a_id], texts[b_id] = a_text, b_text
            pairs.append((a_id, b_id))
        yield from store.alignment_rows(verify(pairs, texts, options))


def alignments_on_spark(spark, articles: str, options) -> list[Alignment]:
    """Verified alignments of the articles in a Parquet file (doc_id, text)."""
    from pyspark.sql import functions as F

    shards = int(spark.conf.get("spark.sql.shuffle.partitions"))
    arts = spark.read.parquet(articles).select("doc_id", "text")
    sig = arts.rdd.mapPartitions(partial(sign_partition, options=options, shards=shards))
    counts = sig.partitionBy(shards, lambda k: k).mapPartitions(
        partial(candidates_partition, options=options))
    pairs = (spark.createDataFrame(counts, "a bigint, b bigint, shared bigint")
             .groupBy("a", "b").agg(F.sum("shared").alias("shared"))
             .where(F.col("shared") >= options.min_shared))
    keyed = spark.createDataFrame(arts.rdd.mapPartitions(partial(key_partition,
                                                                 seed=options.seed)),
                                  "key bigint, doc_id string, text string")
    side = {s: keyed.select(F.col("key").alias(s), F.col("doc_id").alias(f"{s}_id"),
                            F.col("text").alias(f"{s}_text")) for s in "ab"}
    joined = (pairs.join(side["a"], "a").join(side["b"], "b")
              .select("a_id", "a_text", "b_id", "b_text"))
    rows = joined.rdd.mapPartitions(partial(verify_partition, options=options)).collect()
    out = [Alignment(*r) for r in rows]
    out.sort(key=lambda al: (al.a, al.b, al.a_start, al.b_start))
    return out


def reuse_on_spark(spark, con, settings: Settings, work: Path,
                   on_progress: Progress | None = None) -> None:
    """The reuse stage (same output and digest as `stages.reuse_stage`), run by Spark."""
    from ..reuse import families

    options = reuse_options(settings)
    digest = reuse_pending(con, options)
    if digest is None:
        return
    total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    if on_progress:
        on_progress("reuse", 0, total)
    if not total:
        write_reuse(con, digest, [], [])
        return
    path = work / "articles.parquet"
    work.mkdir(parents=True, exist_ok=True)
    con.execute(f"COPY (SELECT doc_id, text FROM articles ORDER BY doc_id) TO "
                f"'{str(path).replace(chr(39), chr(39) * 2)}' (FORMAT PARQUET)")
    alignments = alignments_on_spark(spark, str(path), options)
    ids = sorted({d for al in alignments for d in (al.a, al.b)})
    lengths = dict(con.execute("SELECT doc_id, chars FROM articles "
                               "WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall())
    members = families(alignments, lengths, options)
    write_reuse(con, digest, alignments, members)
    log.info("%d articles, %d alignments, %d family members", total, len(alignments),
             len(members))
    if on_progress:
        on_progress("reuse", total, total)


__all__ = ["reuse_on_spark", "alignments_on_spark", "sign_partition", "candidates_partition",
           "verify_partition", "key_partition"]
