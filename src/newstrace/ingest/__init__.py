"""Readers: every input file becomes a stream of RawDoc records."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import RawDoc
from .common import make_doc_id, site_of

SUFFIXES = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
    ".warc": "warc", ".jsonl": "rows", ".ndjson": "rows", ".json": "rows",
    ".csv": "rows", ".parquet": "rows",
}


def reader_kind(path: str) -> str | None:
    """Which reader takes this file, from its name (a .gz suffix is looked through)."""
    name = path.lower().removesuffix(".gz")
    return SUFFIXES.get(os.path.splitext(name)[1])


def expand(inputs: Iterable[str]) -> list[str]:
    """Files named by paths, folders (recursively) and globs, sorted, readable kinds only."""
    found: set[str] = set()
    for item in inputs:
        item = str(item)
        matches = glob.glob(item, recursive=True) if any(c in item for c in "*?[") else [item]
        for m in matches:
            p = Path(m)
            if p.is_dir():
                found.update(str(f) for f in p.rglob("*") if f.is_file() and reader_kind(str(f)))
            else:
                found.add(os.path.normpath(m))
    return sorted(found)


def read_path(path: str, max_bytes: int = 20_000_000) -> Iterator[RawDoc]:
    """Stream the documents of one file; failures come out as RawDocs with `error`."""
    kind = reader_kind(path)
    if kind in ("text", "html"):
        from .files import read_single

        yield from read_single(path, kind, max_bytes)
    elif kind == "warc":
        from .warc import read_warc

        yield from read_warc(path)
    elif kind == "rows":
        from . import rows

        name = path.lower().removesuffix(".gz")
        if name.endswith(".csv"):
            yield from rows.read_csv(path, max_bytes)
        elif name.endswith(".parquet"):
            yield from rows.read_parquet(path, max_bytes)
        else:
            yield from rows.read_jsonl(path, max_bytes)
    else:
        yield RawDoc(make_doc_id(path), path, "", "text", "",
                     error=f"{path}: unknown file type; use .txt, .html, .warc(.gz), "
                           ".jsonl, .json, .csv or .parquet")


__all__ = ["expand", "read_path", "reader_kind", "make_doc_id", "site_of"]
