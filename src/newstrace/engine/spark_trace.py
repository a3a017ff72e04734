"""The trace stage on Spark: `trace_families`' passes as Spark jobs (trace/corpus.py).

DuckDB writes articles, families and alignments as Parquet into the work folder;
Spark reads them there. What reaches the driver is small:

- the copyright names counted per site (a few names each), decided there;
- the families of each document in two families or more (the links that join
  families into groups for the debris count); one row per such document;
- the credit pairs (a few per family), the first trace's copy-tree pairs (one per
  dated copy) and the clock offsets fitted from them.

Everything else stays on the executors: infos per family (a group-by on the
family id), debris units (a group-by on the unit), the traced rows (a reduce on
the doc id keeps each document's best family), documents in no family (an
anti-join; those quoting a page of a site their credit names: a join on the text
unit), edits (a join of each copy with its parent's article). Spark writes
provenance and edits as Parquet; DuckDB loads them with INSERT ... SELECT in the
same transaction that marks the stage done (`stages.write_stage`).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial
from pathlib import Path

from ..records import Alignment, Member
from ..settings import Settings
from ..store import db as store
from ..store.read import article_from_row
from ..trace import TraceOptions
from .local import Progress
from .spark import columns, sql_path
from .stages import trace_pending, write_stage

log = logging.getLogger(__name__)


def _schema(table: str, extra: str = "") -> str:
    return ", ".join([f"`{n}` {t}" for n, t in columns(table)] + ([extra] if extra else []))


FOOTER_COLUMNS = ("doc_id", "site", "url", "credits")  # what `footer_names` reads


def slim_article(row):
    """An Article from a row holding only some of its columns (None for None)."""
    if row is None:
        return None
    return article_from_row({"lang": None, "text": "", "method": None, **row.asDict()})


def _footer_items(row) -> list[tuple]:
    from ..networks.audit import footer_names

    site, names = footer_names(slim_article(row))
    return [((site, None), 1)] + [((site, n), 1) for n in names]


def footers_on_spark(arts) -> dict[str, frozenset[str]]:
    """`site_footers` of the articles DataFrame: pages and copyright names counted per site
    on the executors; the counts (a few names per site) decided on the driver."""
    from ..trace.corpus import footers_from_counts

    counts = (arts.select(*FOOTER_COLUMNS).rdd.flatMap(_footer_items)
              .reduceByKey(lambda x, y: x + y))
    pages = counts.filter(lambda kv: kv[0][1] is None).map(lambda kv: (kv[0][0], kv[1]))
    names = counts.filter(lambda kv: kv[0][1] is not None).map(
        lambda kv: (kv[0][0], (kv[0][1], kv[1])))
    return footers_from_counts((site, name, n, total)
                               for site, ((name, n), total) in names.join(pages).collect())


def _infos(item, footers) -> tuple:
    """(fid, ([(doc_id, rank)], infos)) from a family's (Member, article row) pairs."""
    from ..trace import member_rank
    from ..trace.members import build_info, footers_of

    fid, rows = item
    rows = sorted(rows, key=lambda r: r[0].doc_id)
    infos, ranks, memo = [], [], {}  # memo: the family's paragraphs split into units once
    for m, row in rows:
        a = article_from_row(row)
        infos.append(build_info(a, m.role, footers_of(a, footers.value), m.coverage, memo=memo))
        ranks.append((m.doc_id, member_rank(m, len(rows))))
    return fid, (ranks, infos)


def _units(item, comp) -> list[tuple]:
    from ..trace.corpus import family_units

    fid, (_, infos) = item
    group = comp.value.get(fid, fid)
    return [(u, (group, fid)) for u in family_units(infos)]


def _debris(item, limit: int) -> list[tuple]:
    unit, seen = item
    seen = list(seen)
    if len({g for g, _ in seen}) < limit:
        return []
    return [(fid, unit) for _, fid in seen]


def _pairs(item) -> list[tuple]:
    from ..trace.corpus import new_credit_pairs

    fid, ((_, infos), earlier) = item
    earlier = sorted(earlier or ())
    return [(fid, k, p) for k, p in enumerate(new_credit_pairs(infos, [d for _, d in earlier]))]


def _ready(item, opts: TraceOptions, habits):
    """(fid, ranks, infos, (pair scores, borrowed pairs)) of one family: debris left out
    and credit habits set as `trace_families` does before tracing, its alignments read
    once for both traces; None for a family without infos."""
    from ..trace import drop_units
    from ..trace.members import HABIT_STRENGTH, set_habits

    fid, (main, debris, aligned) = item
    main = list(main)
    if not main:
        return None
    ranks, infos = main[0]
    common = set(debris)
    if common:
        drop_units(infos, common)
    set_habits(infos, habits.value, HABIT_STRENGTH, 1 - opts.tree.p_names_none)
    return fid, ranks, infos, _scores(sorted(aligned), infos)


def _shifted(item, opts: TraceOptions, offsets):
    """The family with its members' clocks shifted by the site offsets."""
    from ..trace.corpus import shift_clocks

    if offsets.value:
        shift_clocks(item[2], offsets.value, opts.clocks)
    return item


def _scores(aligned, infos) -> tuple:
    from ..trace import borrowed_pairs, pair_scores

    alignments = [Alignment(*r) for r in aligned]
    return pair_scores(alignments), borrowed_pairs(alignments, {m.doc_id: m.text for m in infos})


def _first_pass(item, opts: TraceOptions, offsets) -> list[tuple]:
    """(fid, k, pair) for the clock pairs of the family's first trace (`first_pass_pairs`)."""
    from ..trace import first_pass_pairs

    fid, _, infos, (scores, borrowed) = item
    found = first_pass_pairs(fid, infos, opts, offsets.value, scores, borrowed)
    return [(fid, k, p) for k, p in enumerate(found)]


def _trace(item, opts: TraceOptions) -> list[tuple]:
    """(doc_id, (rank, fid, provenance row)) per member of one family."""
    from ..trace import row_rank, trace_split

    fid, ranks, infos, (scores, borrowed) = item
    rank = dict(ranks)
    rows = trace_split(fid, infos, opts, scores, borrowed)
    return [(r.doc_id, (row_rank(rank[r.doc_id], r), fid, store.provenance_rows([r])[0]))
            for r in rows]


def _single(row, footers) -> tuple:
    """(doc_id, (its row as a document in no family, its Info when it has credits))."""
    from ..trace.members import build_info, footers_of
    from ..trace.single import trace_single

    a = article_from_row(row.asDict())
    own = footers_of(a, footers.value)
    info = build_info(a, "partial", own) if a.credits else None
    return a.doc_id, (store.provenance_rows([trace_single(a, own)])[0], info)


def _choose(item, before_h: float) -> list[tuple]:
    """(page doc_id, (doc_id, info, page, units)) for a document in no family
    that quotes a page of a site its credit names (trace/attach.py)."""
    from ..trace.attach import choose

    doc_id, (hits, (_, info)) = item
    got = choose(info, list(hits), before_h)
    return [] if got is None else [(got[0].doc_id, (doc_id, info, *got))]


def _attached(item) -> tuple:
    from ..trace.attach import attached_row

    _, ((doc_id, info, page, units), (_, _, row)) = item
    return doc_id, store.provenance_rows([attached_row(info, page, units, row[2], row[3],
                                                       row[6])])[0]


def _edits(row) -> list[tuple]:
    from ..trace import diff_articles

    edits = diff_articles(article_from_row(row.c.asDict()), article_from_row(row.p.asDict()))
    return [(*e, k) for k, e in enumerate(store.edit_rows(edits))]


def provenance_on_spark(spark, folder: Path, opts: TraceOptions) -> None:
    """Provenance rows of the articles in `folder`/articles.parquet (families and
    alignments beside it), written to `folder`/provenance as Parquet."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from ..trace.clocks import site_offsets, unique_pairs
    from ..trace.corpus import better, components

    sc = spark.sparkContext
    arts = spark.read.parquet(str(folder / "articles.parquet"))
    fams = spark.read.parquet(str(folder / "families.parquet"))
    present = fams.join(arts.select("doc_id"), "doc_id", "left_semi")

    footers = sc.broadcast(footers_on_spark(arts))

    # docs in several families link them: collected, one row per such document
    multi = (present.groupBy("doc_id").agg(F.sort_array(F.collect_list("family_id")).alias("f"))
             .where(F.size("f") > 1))
    comp = sc.broadcast(components(r.f for r in multi.select("f").collect()))

    cols = list(arts.columns)
    fam_rows = (present.join(arts, "doc_id").rdd
                .map(lambda r: (r.family_id, (Member(r.doc_id, r.family_id, r.role, r.coverage),
                                              {c: r[c] for c in cols}))))
    infos = fam_rows.groupByKey().map(partial(_infos, footers=footers))
    infos.persist(StorageLevel.MEMORY_AND_DISK)

    debris = (infos.flatMap(partial(_units, comp=comp)).groupByKey()
              .flatMap(partial(_debris, limit=opts.debris_families)))

    offsets, pairs = {}, []
    if opts.clocks is not None:
        with_earlier = infos.mapValues(lambda v: (v, None))
        if comp.value:  # the docs each family shares with each earlier one (two or more)
            m = present.join(multi.select("doc_id"), "doc_id").select("doc_id", "family_id")
            shared = (m.alias("x").join(m.alias("y"), "doc_id")
                      .where(F.col("x.family_id") < F.col("y.family_id"))
                      .groupBy(F.col("y.family_id").alias("fid"), F.col("x.family_id").alias("early"))
                      .agg(F.collect_list("doc_id").alias("docs")).where(F.size("docs") > 1))
            earlier = shared.rdd.map(lambda r: (r.fid, (r.early, r.docs))).groupByKey()
            with_earlier = infos.leftOuterJoin(earlier)
        found = with_earlier.flatMap(_pairs).collect()
        found.sort(key=lambda x: (x[0], x[1]))
        pairs = [p for _, _, p in found]
        offsets = site_offsets(pairs, opts.clocks)
        log.info("%d credit pairs; site clock offsets: %s", len(pairs), offsets)
    from ..trace.members import habit_pages

    # site -> (pages counted, pages with a credit line): a few numbers per site
    habits = sc.broadcast(infos.flatMap(lambda kv: habit_pages(kv[1][1]))
                          .map(lambda r: (r[0], (1, int(r[1]))))
                          .reduceByKey(lambda a, b: (a[0] + b[0], a[1] + b[1])).collectAsMap())

    al = spark.read.parquet(str(folder / "alignments.parquet"))
    x, y = present.alias("x"), present.alias("y")
    aligned = (al.join(x, al.a == F.col("x.doc_id"))
               .join(y, (al.b == F.col("y.doc_id")) & (F.col("x.family_id") == F.col("y.family_id")))
               .select(F.col("x.family_id").alias("fid"), *[al[c] for c in al.columns]))
    aligned = aligned.rdd.map(lambda r: (r[0], tuple(r[1:])))

    base = (infos.groupWith(debris, aligned).map(partial(_ready, opts=opts, habits=habits))
            .filter(lambda x: x is not None))
    base.persist(StorageLevel.MEMORY_AND_DISK)
    if opts.clocks is not None and opts.clocks.tree_pairs:  # a first trace's copy trees
        first = sc.broadcast(offsets)
        found = base.flatMap(partial(_first_pass, opts=opts, offsets=first)).collect()
        found.sort(key=lambda x: (x[0], x[1]))
        offsets = site_offsets(pairs + unique_pairs(p for _, _, p in found),
                               replace(opts.clocks, min_pairs=opts.clocks.tree_min_pairs))
        log.info("%d copy-tree pairs; site clock offsets: %s", len(found), offsets)
    ready = base.map(partial(_shifted, opts=opts, offsets=sc.broadcast(offsets)))
    ready.persist(StorageLevel.MEMORY_AND_DISK)
    best = ready.flatMap(partial(_trace, opts=opts)).reduceByKey(better)
    singles = arts.join(present.select("doc_id"), "doc_id", "left_anti").rdd.map(
        partial(_single, footers=footers))
    singles.persist(StorageLevel.MEMORY_AND_DISK)
    # a document in no family that quotes the page of a site its credit names: a join of
    # its text units with the family members' (trace/attach.py)
    from ..trace.attach import member_units, quote_units

    quotes = singles.flatMap(lambda kv: [(u, kv[0]) for u in quote_units(kv[1][1])]
                             if kv[1][1] is not None else [])
    pages = ready.flatMap(lambda x: [r for m in x[2] for r in member_units(m)])
    attached = (quotes.join(pages).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
                .groupByKey().join(singles).flatMap(partial(_choose, before_h=opts.before_h))
                .join(best).map(_attached))
    rows = (singles.mapValues(lambda v: v[0]).leftOuterJoin(attached)
            .map(lambda kv: kv[1][1] or kv[1][0]))
    prov = spark.createDataFrame(best.map(lambda kv: kv[1][2]).union(rows), _schema("provenance"))
    prov.write.mode("overwrite").parquet(str(folder / "provenance"))
    for rdd in (infos, base, ready, singles):
        rdd.unpersist()


def edits_on_spark(spark, folder: Path) -> None:
    """Edits of each copy against its parent, written to `folder`/edits as Parquet."""
    from pyspark.sql import functions as F

    arts = spark.read.parquet(str(folder / "articles.parquet"))
    prov = spark.read.parquet(str(folder / "provenance"))
    whole = F.struct(*[F.col(c) for c in arts.columns])
    child = arts.select("doc_id", whole.alias("c"))
    parent = arts.select(F.col("doc_id").alias("parent_doc_id"), whole.alias("p"))
    pairs = (prov.where(F.col("parent_doc_id").isNotNull() & (F.col("credit_status") != "origin"))
             .select("doc_id", "parent_doc_id").join(child, "doc_id").join(parent, "parent_doc_id"))
    rows = pairs.rdd.flatMap(_edits)
    edits = spark.createDataFrame(rows, _schema("edits", "k bigint"))
    edits.write.mode("overwrite").parquet(str(folder / "edits"))


def _load(con, folder: Path, provenance: bool, edits: bool) -> int:
    """Replace provenance and edits with the Parquet rows (inside the caller's transaction)."""
    con.execute("DELETE FROM provenance")
    con.execute("DELETE FROM edits")
    prov = [n for n, _ in columns("provenance")]
    if provenance and any((folder / "provenance").glob("*.parquet")):
        con.execute(f"INSERT INTO provenance SELECT {', '.join(prov)} FROM read_parquet("
                    f"'{sql_path(folder / 'provenance')}/*.parquet') ORDER BY doc_id")
    if edits and any((folder / "edits").glob("*.parquet")):
        cols = ", ".join(f'"{n}"' for n, _ in columns("edits"))
        con.execute(f"INSERT INTO edits SELECT {cols} FROM read_parquet("
                    f"'{sql_path(folder / 'edits')}/*.parquet') ORDER BY doc_id, k")
    return con.execute("SELECT count(*) FROM provenance").fetchone()[0]


def trace_on_spark(spark, con, settings: Settings, work: Path,
                   on_progress: Progress | None = None, options: TraceOptions | None = None) -> None:
    """The trace stage (same output and digest as `stages.trace_stage`), run by Spark."""
    opts = options or TraceOptions()
    digest = trace_pending(con)
    if digest is None:
        return
    folder = work / "trace"
    folder.mkdir(parents=True, exist_ok=True)
    total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    if total:
        for table in ("articles", "families", "alignments"):
            con.execute(f"COPY (SELECT * FROM {table}) TO "
                        f"'{sql_path(folder / table)}.parquet' (FORMAT PARQUET)")
        provenance_on_spark(spark, folder, opts)
        if opts.edits:
            edits_on_spark(spark, folder)
    n = write_stage(con, "trace", digest,
                    partial(_load, folder=folder, edits=opts.edits and total > 0, provenance=total > 0))
    log.info("trace on Spark: %d provenance rows", n)
    if on_progress:
        on_progress("trace", n, n)


__all__ = ["trace_on_spark", "provenance_on_spark", "edits_on_spark", "footers_on_spark"]
