"""The Spark executor: the same stage functions, run by a cluster.

1. site templates: tasks read the files and sample each site's text pages;
   a task per site finds its recurring lines.
2. clean: a task per input file reads it (`ingest.read_path`) and cleans it
   batch by batch with `clean_batch`, as the local executor does; Spark writes
   the rows as Parquet into a work folder and DuckDB loads them with
   INSERT ... SELECT (nothing goes through the driver). Duplicate ids are
   resolved as locally: the first record (file order, then record order)
   keeps the id.
3. reuse (`spark_reuse.reuse_on_spark`): signatures per partition, a shuffle
   on the shingle hash, candidates per partition, a group-by on the pairs,
   verification per partition; `families` runs on the driver.
4. trace (`spark_trace.trace_on_spark`): the corpus-level passes as Spark
   jobs, only per-site footers, family links and clock pairs reach the driver.
5. networks (`spark_networks.networks_on_spark`): outlet profiles grouped by
   outlet on the executors, `find_networks` on the driver over the collected
   profiles; the audit as a join of each copy with its origin.

The work folder must be visible to the driver and every executor (a shared
or local path in local mode). A killed run resumes at a file boundary: files
whose rows were all committed are skipped, the others are cleaned again.
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from ..clean import CleanOptions
from ..errors import MissingExtra
from ..ingest import expand, make_doc_id, read_path
from ..settings import Settings
from ..store import db as store
from ..store.schema import TABLES
from .clean_worker import Batch, clean_batch
from .local import Progress, RunSummary, summarize
from .stages import SITE_SAMPLE, site_lines_stage

log = logging.getLogger(__name__)

_SPARK_TYPES = {"VARCHAR": "string", "BIGINT": "bigint", "DOUBLE": "double",
                "BOOLEAN": "boolean"}


def session(master: str = "local[2]", app: str = "newstrace", partitions: int | None = None):
    """A SparkSession whose Python workers run this interpreter (UI off)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise MissingExtra("spark", "pyspark", "the Spark executor") from exc
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    local = master.startswith("local")
    partitions = partitions or (4 if local else 200)
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.pyspark.python", sys.executable)
               .config("spark.sql.shuffle.partitions", str(partitions)))
    if local:
        builder = builder.config("spark.default.parallelism", str(partitions))
    return builder.getOrCreate()


def columns(table: str) -> list[tuple[str, str]]:
    """(name, Spark type) of a table's columns, read from the DuckDB schema."""
    out = []
    for line in TABLES[table].splitlines():
        for part in line.split("--")[0].split(","):
            words = part.replace('"', "").split()
            if len(words) >= 2:
                out.append((words[0], _SPARK_TYPES[words[1].upper()]))
    return out


def _clean_schema() -> str:
    cols = [("f", "bigint"), ("r", "bigint"), ("alt_id", "string")]
    cols += columns("documents") + [("a_" + n, t) for n, t in columns("articles")]
    return ", ".join(f"`{n}` {t}" for n, t in cols)


def _read_batches(path: str, settings: Settings) -> Iterator[tuple[int, bool, list]]:
    """(records read so far, last, docs) per batch of one file, as the local executor."""
    records = read_path(path, settings.max_bytes)
    count = 0
    chunk = list(itertools.islice(records, settings.batch_size))
    while True:
        nxt = list(itertools.islice(records, settings.batch_size))
        count += len(chunk)
        yield count, not nxt, chunk
        if not nxt:
            return
        chunk = nxt


def clean_files(part: Iterable[tuple[int, str]], settings: Settings,
                options: CleanOptions) -> Iterator[tuple]:
    """A clean row (see `_clean_schema`) per record of each (index, path) given."""
    n_art = len(columns("articles"))
    for f, path in part:
        r = 0
        for count, last, docs in _read_batches(path, settings):
            _, rows = clean_batch(Batch(path, count, last, tuple(docs), options))
            for doc, article in rows:
                yield (f, r, make_doc_id(doc[1], doc[2]), *doc, *(article or (None,) * n_art))
                r += 1


def _site_samples(part: Iterable[tuple[int, str]], max_bytes: int) -> Iterator[tuple]:
    """(site, (file, record, body)) for the first text pages of each site in each file."""
    for f, path in part:
        taken: Counter = Counter()
        for r, raw in enumerate(read_path(path, max_bytes)):
            if raw.kind == "text" and raw.site and not raw.error and taken[raw.site] < SITE_SAMPLE:
                taken[raw.site] += 1
                yield raw.site, (f, r, raw.body)


def _site_keys(item) -> tuple[str, list[int]] | None:
    from ..clean.text import common_site_lines

    site, samples = item
    texts = [body for _, _, body in sorted(samples)[:SITE_SAMPLE]]
    return (site, sorted(common_site_lines(texts))) if len(texts) >= 3 else None


def _files_rdd(spark, files: list[tuple[int, str]]):
    """The (index, path) list as an RDD, a few files per task (in file order)."""
    slices = min(len(files), 4 * spark.sparkContext.defaultParallelism)
    return spark.sparkContext.parallelize(files, max(1, slices))


def site_lines_on_spark(spark, files: list[str], settings: Settings) -> dict[str, list[int]]:
    """`stages.site_lines_table` computed by Spark tasks (same table)."""
    rdd = _files_rdd(spark, list(enumerate(files)))
    samples = rdd.mapPartitions(partial(_site_samples, max_bytes=settings.max_bytes))
    found = samples.groupByKey().map(_site_keys).filter(lambda x: x is not None).collect()
    return dict(sorted(found))


def clean_on_spark(spark, con, files: list[str], settings: Settings, options: CleanOptions,
                   work: Path, on_progress: Progress | None = None) -> int:
    """Clean the files not yet committed; returns how many documents were written."""
    done = {s for s, _, d in con.execute("SELECT * FROM progress").fetchall() if d}
    todo = [(f, p) for f, p in enumerate(files) if p not in done]
    if not todo:
        return 0
    out = work / "clean"
    rdd = _files_rdd(spark, todo).mapPartitions(partial(clean_files, settings=settings,
                                                        options=options))
    spark.createDataFrame(rdd, _clean_schema()).write.mode("overwrite").parquet(str(out))
    n = load_clean(con, out, [p for _, p in todo])
    if on_progress:
        on_progress("clean", n, None)
    return n


def sql_path(path: Path) -> str:
    """A path as a DuckDB string literal's contents."""
    return str(path).replace("'", "''")


def load_clean(con, folder: Path, paths: list[str]) -> int:
    """Insert the clean Parquet rows into documents + articles and mark the files done.

    One transaction: rows of these files from an earlier, killed run are
    replaced; a record whose id is already taken (by an earlier record or a
    committed file) becomes a failed row under its alternative id.
    """
    docs = [n for n, _ in columns("documents")]
    arts = [n for n, _ in columns("articles")]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE OR REPLACE TEMP VIEW clean_rows AS SELECT * FROM "
                    f"read_parquet('{sql_path(folder)}/*.parquet')")
        con.execute("DELETE FROM articles WHERE doc_id IN (SELECT doc_id FROM documents "
                    "WHERE source IN (SELECT unnest(?)))", [paths])
        con.execute("DELETE FROM documents WHERE source IN (SELECT unnest(?))", [paths])
        con.execute("CREATE OR REPLACE TEMP TABLE clean_dups (f BIGINT, r BIGINT, "
                    "doc_id VARCHAR, error VARCHAR)")
        dups = _duplicates(con)
        if dups:
            con.executemany("INSERT INTO clean_dups VALUES (?, ?, ?, ?)", dups)
        picked = [f"coalesce(x.doc_id, c.{n})" if n == "doc_id" else
                  "CASE WHEN x.f IS NULL THEN c.status ELSE 'failed' END" if n == "status" else
                  "coalesce(x.error, c.error)" if n == "error" else f'c."{n}"' for n in docs]
        n = con.execute(f"INSERT INTO documents SELECT {', '.join(picked)} FROM clean_rows c "
                        "LEFT JOIN clean_dups x USING (f, r) ORDER BY c.f, c.r").fetchone()[0]
        con.execute(f"INSERT INTO articles SELECT {', '.join(f'c.a_{a}' for a in arts)} "
                    "FROM clean_rows c LEFT JOIN clean_dups x USING (f, r) "
                    "WHERE c.a_doc_id IS NOT NULL AND x.f IS NULL ORDER BY c.f, c.r")
        counts = dict(con.execute("SELECT source, count(*) FROM clean_rows GROUP BY source")
                      .fetchall())
        con.executemany("INSERT OR REPLACE INTO progress VALUES (?, ?, true)",
                        [(p, counts.get(p, 0)) for p in paths])
        con.execute("DROP VIEW clean_rows")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return n


def _duplicates(con) -> list[tuple]:
    """(file, record, alternative id, error) of every record whose id is taken."""
    rows = con.execute(
        "SELECT f, r, doc_id, source, locator, alt_id, fs, fl FROM ("
        " SELECT c.f, c.r, c.doc_id, c.source, c.locator, c.alt_id,"
        "  coalesce(d.source, first_value(c.source) OVER w) AS fs,"
        "  coalesce(d.locator, first_value(c.locator) OVER w) AS fl"
        " FROM clean_rows c LEFT JOIN documents d ON d.doc_id = c.doc_id"
        " WINDOW w AS (PARTITION BY c.doc_id ORDER BY c.f, c.r))"
        " WHERE source IS DISTINCT FROM fs OR locator IS DISTINCT FROM fl ORDER BY f, r"
    ).fetchall()
    out = []
    for f, r, doc_id, source, locator, alt_id, fs, fl in rows:
        err = f"{source} {locator}: duplicate id {doc_id!r} (first in {fs} {fl})"
        out.append((f, r, alt_id, err))
    return out


def run_spark(paths: Iterable[str], settings: Settings | None = None, spark=None,
              on_progress: Progress | None = None, work: str | Path | None = None,
              master: str = "local[2]") -> RunSummary:
    """Run every stage on Spark; results land in `settings.db` like a local run.

    `spark` is a SparkSession (default: `session(master)`, stopped at the end);
    `work` a folder the driver and all executors see (default: a temporary
    folder next to the database), removed at the end. `settings.workers` is
    not used: the cluster decides.
    """
    from .spark_networks import networks_on_spark
    from .spark_reuse import reuse_on_spark
    from .spark_trace import trace_on_spark

    settings = settings or Settings()
    started = time.perf_counter()
    own = spark is None
    spark = spark or session(master)
    files = expand(paths)
    base = Path(settings.db).parent if settings.db != ":memory:" else None
    folder = Path(work) if work else Path(tempfile.mkdtemp(prefix="newstrace-spark-", dir=base))
    con = store.connect(settings.db)
    try:
        common = None
        if settings.site_templates:
            compute = partial(site_lines_on_spark, spark)
            common = site_lines_stage(con, files, settings, compute=compute)
        options = CleanOptions(settings.entities, common)
        clean_on_spark(spark, con, files, settings, options, folder, on_progress)
        reuse_on_spark(spark, con, settings, folder, on_progress)
        trace_on_spark(spark, con, settings, folder, on_progress)
        networks_on_spark(spark, con, settings, folder, on_progress)
        summary = summarize(con)
    finally:
        con.close()
        if not work:
            shutil.rmtree(folder, ignore_errors=True)
        if own:
            spark.stop()
    summary.files = len(files)
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["session", "run_spark", "clean_on_spark", "load_clean", "site_lines_on_spark",
           "clean_files", "columns"]
