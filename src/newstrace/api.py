"""The Python API: run a corpus and read its tables (the CLI stands on this)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .engine.local import RunSummary
from .engine.local import run as _run
from .settings import Settings
from .store import db as store


class Corpus:
    """A newstrace database, read-only. Rows come as dicts or as Arrow tables."""

    def __init__(self, db: str | Path, summary: RunSummary | None = None):
        self.db = str(db)
        self.summary = summary
        self._con = store.connect(self.db, read_only=True)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def sql(self, query: str, params: list | None = None) -> list[dict]:
        """Rows of any read-only query as dicts."""
        cur = self._con.execute(query, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def table(self, name: str):
        """A whole table as a pyarrow.Table (`.to_pandas()`, `polars.from_arrow`)."""
        if name not in store.PUBLIC:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(store.PUBLIC)}")
        return self._con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetch_arrow_table()

    def documents(self) -> list[dict]:
        return self.sql("SELECT * EXCLUDE (body) FROM documents ORDER BY doc_id")

    def articles(self) -> list[dict]:
        return self.sql("SELECT * FROM articles ORDER BY doc_id")

    def families(self) -> list[dict]:
        return self.sql("SELECT * FROM families ORDER BY family_id, doc_id")

    def alignments(self) -> list[dict]:
        return self.sql("SELECT * FROM alignments ORDER BY a, b, a_start")

    def provenance(self) -> list[dict]:
        return self.sql("SELECT * FROM provenance ORDER BY doc_id")

    def edits(self) -> list[dict]:
        return self.sql("SELECT * FROM edits ORDER BY doc_id, start")

    def document(self, doc_id: str) -> dict | None:
        """One document: input row, clean article, family, provenance, shared passages."""
        doc = self.sql("SELECT * EXCLUDE (body) FROM documents WHERE doc_id = ?", [doc_id])
        if not doc:
            return None
        out = doc[0]
        art = self.sql("SELECT * FROM articles WHERE doc_id = ?", [doc_id])
        out["article"] = _decode(art[0]) if art else None
        prov = self.sql("SELECT * FROM provenance WHERE doc_id = ?", [doc_id])
        out["provenance"] = _decode(prov[0]) if prov else None
        fam = self.sql("SELECT * FROM families WHERE doc_id = ?", [doc_id])
        out["family"] = fam[0] if fam else None
        out["shared"] = self.sql(
            "SELECT * FROM alignments WHERE a = ? OR b = ? ORDER BY a, b, a_start",
            [doc_id, doc_id],
        )
        out["edits"] = self.sql("SELECT * FROM edits WHERE doc_id = ? ORDER BY start", [doc_id])
        return out


_JSON_COLS = {"dateline", "credits", "paragraphs", "subheads", "captions", "quotes",
              "entities", "counters", "removed", "fields", "evidence", "extra"}


def _decode(row: dict) -> dict:
    return {k: json.loads(v) if k in _JSON_COLS and isinstance(v, str) else v
            for k, v in row.items()}


def run(paths: str | Iterable[str], db: str | Path = "newstrace.duckdb",
        settings: Settings | None = None, on_progress=None, *, engine: str = "local",
        master: str = "local[2]") -> Corpus:
    """Run the whole pipeline over files, folders or globs; returns the Corpus.

    engine="spark" runs the same stages on Apache Spark (`master` is the
    cluster URL; needs newstrace[spark] and Java) into the same tables.
    """
    from dataclasses import replace

    if isinstance(paths, str | Path):
        paths = [str(paths)]
    settings = replace(settings or Settings(), db=str(db))
    paths = [str(p) for p in paths]
    if engine == "spark":
        from .engine.spark import run_spark

        summary = run_spark(paths, settings, on_progress=on_progress, master=master)
    elif engine == "local":
        summary = _run(paths, settings, on_progress)
    else:
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'spark'")
    return Corpus(settings.db, summary)


def open_corpus(db: str | Path = "newstrace.duckdb") -> Corpus:
    return Corpus(db)
