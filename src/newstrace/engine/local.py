"""The local executor: streams files through the stages into one DuckDB file.

Every stage commits its output before the next reads it. The clean stage
commits per batch together with the file's progress, so a killed run resumes
at the last committed batch; the corpus-wide stages (reuse, trace) are
recomputed whole unless their input digest is unchanged.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..clean import CleanOptions
from ..ingest import expand, make_doc_id, read_path
from ..settings import Settings
from ..store import db as store
from .clean_worker import Batch, clean_batch
from .stages import networks_stage, reuse_stage, site_lines_stage, trace_stage

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]


@dataclass
class RunSummary:
    files: int = 0
    documents: int = 0
    failed: int = 0
    articles: int = 0
    alignments: int = 0
    families: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # the first failures, for the user


def run(paths: Iterable[str], settings: Settings | None = None,
        on_progress: Progress | None = None) -> RunSummary:
    """Read, clean, find reuse and trace provenance; results land in `settings.db`."""
    settings = settings or Settings()
    started = time.perf_counter()
    files = expand(paths)
    con = store.connect(settings.db)
    try:
        common = site_lines_stage(con, files, settings) if settings.site_templates else None
        clean_stage(con, files, settings, CleanOptions(settings.entities, common), on_progress)
        reuse_stage(con, settings, on_progress)
        trace_stage(con, settings, on_progress)
        networks_stage(con, settings, on_progress)
        summary = summarize(con)
    finally:
        con.close()
    summary.files = len(files)
    summary.seconds = time.perf_counter() - started
    return summary


def _batches(con, files: list[str], settings: Settings, options: CleanOptions) -> Iterator[Batch]:
    progress = {s: (n, d) for s, n, d in con.execute("SELECT * FROM progress").fetchall()}
    for path in files:
        done_records, finished = progress.get(path, (0, False))
        if finished:
            continue
        records = itertools.islice(read_path(path, settings.max_bytes), done_records, None)
        count = done_records
        chunk = list(itertools.islice(records, settings.batch_size))
        while True:
            nxt = list(itertools.islice(records, settings.batch_size))
            count += len(chunk)
            yield Batch(path, count, not nxt, tuple(chunk), options)
            if not nxt:
                break
            chunk = nxt


def clean_stage(con, files: list[str], settings: Settings, options: CleanOptions,
                on_progress: Progress | None = None) -> int:
    """Clean every document not yet committed; returns how many were written."""
    batches = _batches(con, files, settings, options)
    written = 0
    if settings.workers > 1:
        ctx = mp.get_context("spawn")
        with ctx.Pool(settings.workers) as pool:
            for result in pool.imap(clean_batch, batches):
                written += _write(con, *result)
                _tick(on_progress, "clean", written)
    else:
        for batch in batches:
            written += _write(con, *clean_batch(batch))
            _tick(on_progress, "clean", written)
    return written


def _tick(on_progress: Progress | None, stage: str, done: int, total: int | None = None):
    if on_progress:
        on_progress(stage, done, total)


def _write(con, batch: Batch, rows: list[tuple[tuple, tuple | None]]) -> int:
    rows = _dedupe(con, rows)
    docs = [d for d, _ in rows]
    articles = [a for _, a in rows if a is not None]
    store.write_batch(con, docs, articles, batch.source, batch.records_done, batch.last)
    return len(docs)


def _dedupe(con, rows: list[tuple[tuple, tuple | None]]) -> list[tuple[tuple, tuple | None]]:
    """An input id already used by another record becomes a failed row of its own."""
    ids = [d[0] for d, _ in rows]
    seen = {
        r[0]: (r[1], r[2])
        for r in con.execute(
            "SELECT doc_id, source, locator FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [ids],
        ).fetchall()
    }
    out = []
    for doc, article in rows:
        doc_id, where = doc[0], (doc[1], doc[2])
        first = seen.setdefault(doc_id, where)
        if first != where:
            err = f"{where[0]} {where[1]}: duplicate id {doc_id!r} (first in {first[0]} {first[1]})"
            doc, article = (make_doc_id(*where),) + doc[1:10] + ("failed", err) + doc[12:], None
        out.append((doc, article))
    return out


def summarize(con) -> RunSummary:
    q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    return RunSummary(
        documents=q("SELECT count(*) FROM documents"),
        failed=q("SELECT count(*) FROM documents WHERE status = 'failed'"),
        articles=q("SELECT count(*) FROM articles"),
        alignments=q("SELECT count(*) FROM alignments"),
        families=q("SELECT count(DISTINCT family_id) FROM families"),
        errors=[r[0] for r in con.execute(
            "SELECT error FROM documents WHERE status = 'failed' ORDER BY source, locator LIMIT 5"
        ).fetchall()],
    )


__all__ = ["run", "RunSummary", "clean_stage", "summarize"]
