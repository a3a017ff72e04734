"""Open the corpus database and write records into it."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

from ..errors import NewstraceError
from ..records import Alignment, Article, Edit, Member, Provenance, RawDoc
from .schema import PUBLIC, create_all

log = logging.getLogger(__name__)


def connect(path: str | Path = ":memory:", read_only: bool = False):
    """A DuckDB connection with the newstrace schema in place."""
    import duckdb

    path = str(path)
    if read_only and path != ":memory:" and not Path(path).is_file():
        raise NewstraceError(f"no database at {path}: run `newstrace run` first or pass --db")
    con = duckdb.connect(path, read_only=read_only)
    if not read_only:
        create_all(con)
    return con


def _json(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, tuple | list):
        return json.dumps([asdict(v) for v in value], ensure_ascii=False)
    return json.dumps(asdict(value), ensure_ascii=False)


def document_row(raw: RawDoc, error: str | None = None) -> tuple:
    err = error or raw.error
    return (
        raw.doc_id, raw.source, raw.locator, raw.kind, raw.url, raw.site, raw.fetched_at,
        raw.published, raw.title, raw.extra, "failed" if err else "ok", err,
        len(raw.body or ""), raw.body,
    )


def article_row(a: Article) -> tuple:
    d = a.dateline
    c = a.credits[0] if a.credits else None
    fields = {k: asdict(v) for k, v in (("title", a.title), ("byline", a.byline),
                                        ("published", a.published)) if v is not None}
    return (
        a.doc_id, a.site, a.url,
        a.title.value if a.title else None, a.title.evidence if a.title else None,
        a.published.value if a.published else None,
        a.published.evidence if a.published else None,
        a.lang, a.byline.value if a.byline else None,
        d.place if d else None, d.agency if d else None,
        c.outlet if c else None, c.domain if c else None,
        a.text, len(a.text), a.method,
        _json(d), _json(a.credits), _json(a.paragraphs), _json(a.subheads), _json(a.captions),
        _json(a.quotes), _json(a.entities), _json(a.counters), _json(a.removed),
        json.dumps(fields, ensure_ascii=False),
    )


def insert_rows(con, table: str, rows: Sequence[tuple]) -> None:
    """Append rows (tuples in column order) through Arrow: far faster than executemany."""
    if not rows:
        return
    import pyarrow as pa

    cols = list(zip(*rows, strict=True))
    data = pa.table({f"c{i}": pa.array(col) for i, col in enumerate(cols)})
    con.register("_newstrace_rows", data)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _newstrace_rows")
    finally:
        con.unregister("_newstrace_rows")


def write_batch(con, docs: Sequence[tuple], articles: Sequence[tuple],
                source: str, records_done: int, done: bool) -> None:
    """Write one batch of documents + articles and the file's progress, atomically."""
    con.execute("BEGIN TRANSACTION")
    try:
        ids = [r[0] for r in docs]
        if ids:
            con.execute("DELETE FROM articles WHERE doc_id IN (SELECT unnest(?))", [ids])
            con.execute("DELETE FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids])
            insert_rows(con, "documents", docs)
        insert_rows(con, "articles", articles)
        con.execute(
            "INSERT OR REPLACE INTO progress VALUES (?, ?, ?)", [source, records_done, done]
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def replace_table(con, table: str, rows: Iterable[tuple]) -> int:
    """Swap a derived table's whole content (inside the caller's transaction)."""
    con.execute(f"DELETE FROM {table}")
    rows = list(rows)
    insert_rows(con, table, rows)
    return len(rows)


def alignment_rows(items: Iterable[Alignment]) -> list[tuple]:
    return [(x.a, x.b, x.a_start, x.a_end, x.b_start, x.b_end, x.score, x.identity)
            for x in items]


def member_rows(items: Iterable[Member]) -> list[tuple]:
    return [(m.family_id, m.doc_id, m.role, m.coverage) for m in items]


def provenance_rows(items: Iterable[Provenance]) -> list[tuple]:
    return [(p.doc_id, p.family_id, p.origin_doc_id, p.origin_outlet, p.parent_doc_id,
             p.credit_status, p.confidence, json.dumps(list(p.evidence), ensure_ascii=False))
            for p in items]


def edit_rows(items: Iterable[Edit]) -> list[tuple]:
    return [(e.doc_id, e.parent_doc_id, e.op, e.text, e.parent_text, e.start, e.end)
            for e in items]


def export(con, table: str, out: str | Path) -> int:
    """Write a table to .parquet, .jsonl/.ndjson/.json or .csv, by the file's extension."""
    if table not in PUBLIC:
        raise NewstraceError(f"unknown table {table!r}; choose one of {', '.join(PUBLIC)}")
    out = str(out)
    q = f"SELECT * FROM {table} ORDER BY ALL"
    if out.endswith(".parquet"):
        con.execute(f"COPY ({q}) TO '{_quote(out)}' (FORMAT PARQUET)")
    elif out.endswith(".csv"):
        con.execute(f"COPY ({q}) TO '{_quote(out)}' (FORMAT CSV, HEADER)")
    elif out.endswith((".jsonl", ".ndjson", ".json")):
        _write_jsonl(con, q, out)
    else:
        raise NewstraceError(
            f"cannot tell the format of {out!r}: end it in .parquet, .jsonl or .csv"
        )
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _write_jsonl(con, query: str, out: str) -> None:
    cur = con.execute(query)
    cols = [d[0] for d in cur.description]
    with open(out, "w", encoding="utf-8") as fh:
        while batch := cur.fetchmany(1000):
            for row in batch:
                fh.write(json.dumps(dict(zip(cols, row, strict=True)), ensure_ascii=False,
                                    default=str))
                fh.write("\n")


def _quote(path: str) -> str:
    return path.replace("'", "''")
