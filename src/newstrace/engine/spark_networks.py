"""The networks stage on Spark: outlet profiles and the attribution audit as Spark jobs.

DuckDB writes the articles, provenance, edit ops and each copy's ancestors (a
recursive query over the parent links) as Parquet into the work folder; Spark
reads them there.

- profiles: a row per page and a row per copy (the copy joined with its parent's
  and origin's site and date, its edit ops and ancestors), grouped by outlet; a
  task per outlet builds its profile (`add_page`, `add_copy`, in doc id order as
  `build_profiles` does). The profiles reach the driver without `family_times`:
  per outlet its distinct traces and counts, per copy its delays, per page its
  counter values (medians are taken over them).
- co-timing: each outlet's last copy per family, grouped by family,
  `group.family_steps` per family, a count per outlet pair; only the pairs in step
  reach the driver, where `find_networks` runs.
- audit: a join of each copy with its origin's article, `audit_copy` per pair,
  with the per-site footers of `spark_trace.footers_on_spark`; Spark writes the
  findings as Parquet.

DuckDB loads both tables and marks the stage done in one transaction.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from functools import partial
from pathlib import Path

from ..networks.profiles import outlet_key
from ..records import Provenance
from ..settings import Settings
from ..store import db as store
from .local import Progress
from .spark import columns, sql_path
from .spark_trace import footers_on_spark, slim_article
from .stages import networks_pending, write_stage

log = logging.getLogger(__name__)

PAGE_COLUMNS = ("doc_id", "site", "url", "fields", "removed", "credits", "counters")
SLIM_COLUMNS = ("doc_id", "site", "url", "fields")  # what a copy needs of its parent, origin
AUDIT_SCHEMA = ("doc_id string, origin_doc_id string, field string, finding string, "
                "detail string, k bigint")
_ANCESTORS = """
WITH RECURSIVE up(doc_id, above) AS (
  SELECT doc_id, parent_doc_id FROM provenance WHERE coalesce(parent_doc_id, '') <> ''
  UNION
  SELECT up.doc_id, p.parent_doc_id FROM up JOIN provenance p ON p.doc_id = up.above
  WHERE coalesce(p.parent_doc_id, '') <> '')
SELECT doc_id, above FROM up"""


def _profile(item, traced: bool) -> tuple:
    """(first doc id, outlet, profile) from an outlet's page and copy rows."""
    from ..networks.profiles import OutletProfile, add_copy, add_page

    site, rows = item
    rows = sorted(rows, key=lambda r: (r[0], r[1]))
    p = OutletProfile(site)
    for kind, _, r in rows:
        if kind == 0:
            add_page(p, slim_article(r))
            continue
        prov = Provenance(r.doc_id, r.family_id, r.origin_doc_id, r.origin_outlet,
                          r.parent_doc_id, r.credit_status, 0.0)
        add_copy(p, prov, slim_article(r.a), slim_article(r.p), slim_article(r.o), Counter(sorted(r.ops or ())),
                 traced, frozenset())
    p.family_times = {}  # co-timing is counted per family (`_steps`), not on the driver
    return rows[0][1] if rows else "", site, p


def _entry(r) -> tuple:
    """((family, outlet), (doc id, `family_times` value)) of one copy row."""
    from ..clean.dates import firm_published
    from ..networks.profiles import parse_time

    a = slim_article(r.a)
    when = parse_time(firm_published(a))
    return (r.family_id, outlet_key(a.site)), (r.doc_id, (when, r.doc_id, frozenset(r.above or ())))


def _steps(item, n: int, opts) -> list[tuple]:
    from ..networks.group import family_steps

    _, entries = item
    return family_steps(list(entries), n, opts)


def _is_copy(F):
    """Spark's `profiles.is_copy`, None-safe as Python compares."""
    return (F.col("family_id").isNotNull() & ~F.col("credit_status").eqNullSafe("origin")
            & ~F.col("origin_doc_id").eqNullSafe(F.col("doc_id")))


def profiles_on_spark(spark, folder: Path, traced: bool, opts) -> tuple[dict, dict]:
    """`build_profiles` of the tables in `folder` (outlet -> OutletProfile, without
    `family_times`) and `group.in_step` of the outlets kept by `opts`."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    arts = spark.read.parquet(str(folder / "articles.parquet"))
    prov = spark.read.parquet(str(folder / "provenance.parquet"))
    ops = (spark.read.parquet(str(folder / "edit_ops.parquet"))
           .groupBy("doc_id").agg(F.collect_list("op").alias("ops")))
    above = (spark.read.parquet(str(folder / "ancestors.parquet"))
             .groupBy("doc_id").agg(F.collect_list("above").alias("above")))
    slim = F.struct(*[F.col(c) for c in SLIM_COLUMNS])
    copy = arts.select("doc_id", slim.alias("a"))
    parent = arts.select(F.col("doc_id").alias("parent_doc_id"), slim.alias("p"))
    origin = arts.select(F.col("doc_id").alias("origin_doc_id"), slim.alias("o"))
    copies = (prov.where(_is_copy(F)).join(copy, "doc_id")
              .join(parent, "parent_doc_id", "left").join(origin, "origin_doc_id", "left")
              .join(ops, "doc_id", "left").join(above, "doc_id", "left"))
    copies = copies.rdd.persist(StorageLevel.MEMORY_AND_DISK)
    pages = arts.select(*PAGE_COLUMNS).rdd.map(lambda r: (outlet_key(r.site), (0, r.doc_id, r)))
    copied = copies.map(lambda r: (outlet_key(r.a.site), (1, r.doc_id, r)))
    found = pages.union(copied).groupByKey().map(partial(_profile, traced=traced)).collect()
    profiles = {site: p for _, site, p in sorted(found, key=lambda x: x[0])}
    # co-timing: per family, each kept outlet's last copy (as `family_times` keeps it)
    kept = spark.sparkContext.broadcast({k for k, p in profiles.items() if p.pages >= opts.min_pages})
    steps = (copies.map(_entry).filter(lambda kv: kv[0][1] in kept.value)
             .reduceByKey(lambda x, y: max(x, y, key=lambda e: e[0]))
             .map(lambda kv: (kv[0][0], (kv[0][1], kv[1][1]))).groupByKey()
             .flatMap(partial(_steps, n=len(kept.value), opts=opts)).map(lambda pair: (pair, 1))
             .reduceByKey(lambda x, y: x + y).collect())
    copies.unpersist()
    return profiles, dict(steps)


def _audit(row, footers) -> list[tuple]:
    from ..networks.audit import audit_copy

    copy, origin = slim_article(row.c), slim_article(row.o)
    found = audit_copy(copy, origin, footers.value.get(copy.site or "", frozenset()))
    return [(row.doc_id, row.origin_doc_id, f.field, f.finding, f.detail, k)
            for k, f in enumerate(found)]


def audit_on_spark(spark, folder: Path) -> None:
    """`audit_stage`'s findings, written to `folder`/audit as Parquet."""
    from pyspark.sql import functions as F

    arts = spark.read.parquet(str(folder / "articles.parquet"))
    prov = spark.read.parquet(str(folder / "provenance.parquet"))
    footers = spark.sparkContext.broadcast(footers_on_spark(arts))
    whole = F.struct(*[F.col(c) for c in arts.columns])
    pairs = (prov.where((F.coalesce(F.col("origin_doc_id"), F.lit("")) != "")
                        & (F.col("origin_doc_id") != F.col("doc_id"))
                        & ~F.col("credit_status").eqNullSafe("origin"))
             .select("doc_id", "origin_doc_id")
             .join(arts.select("doc_id", whole.alias("c")), "doc_id")
             .join(arts.select(F.col("doc_id").alias("origin_doc_id"), whole.alias("o")),
                   "origin_doc_id"))
    rows = pairs.rdd.flatMap(partial(_audit, footers=footers))
    spark.createDataFrame(rows, AUDIT_SCHEMA).write.mode("overwrite").parquet(str(folder / "audit"))


def _load(con, rows: list[tuple], audit: Path | None) -> int:
    """Replace networks and audit (inside `stages.write_stage`'s transaction)."""
    store.replace_table(con, "networks", rows)
    con.execute("DELETE FROM audit")
    if audit is not None and any(audit.glob("*.parquet")):
        cols = ", ".join(n for n, _ in columns("audit"))
        con.execute(f"INSERT INTO audit SELECT {cols} FROM read_parquet("
                    f"'{sql_path(audit)}/*.parquet') ORDER BY doc_id, k")
    return len(rows)


def networks_on_spark(spark, con, settings: Settings, work: Path,
                      on_progress: Progress | None = None, options=None) -> None:
    """The networks stage (same tables and digest as `stages.networks_stage`), run by Spark."""
    from ..networks.group import NetworkOptions, find_networks

    digest = networks_pending(con)
    if digest is None:
        return
    folder = work / "networks"
    folder.mkdir(parents=True, exist_ok=True)
    rows, audit = [], None
    if con.execute("SELECT count(*) FROM articles").fetchone()[0]:
        queries = {"articles": "SELECT * FROM articles", "provenance": "SELECT * FROM provenance",
                   "edit_ops": "SELECT doc_id, op FROM edits", "ancestors": _ANCESTORS}
        for name, sql in queries.items():
            con.execute(f"COPY ({sql}) TO '{sql_path(folder / name)}.parquet' (FORMAT PARQUET)")
        traced = bool(con.execute("SELECT count(*) FROM edits").fetchone()[0])
        opts = options or NetworkOptions()
        profiles, steps = profiles_on_spark(spark, folder, traced, opts)
        found = find_networks(profiles, opts, steps)
        log.info("networks: %d outlets in %d networks", len(found), len({r.network for r in found}))
        rows = [(r.network, r.outlet, r.score, json.dumps(list(r.evidence))) for r in found]
        audit_on_spark(spark, folder)
        audit = folder / "audit"
    write_stage(con, "networks", digest, partial(_load, rows=rows, audit=audit))
    if on_progress:
        on_progress("network", len(rows), len(rows))


__all__ = ["networks_on_spark", "profiles_on_spark", "audit_on_spark"]
