"""Documents as rows: .jsonl/.json, .csv and .parquet (optionally gzipped).

Columns used: id, url, site, published, title, and text or html. Every other
column is kept as JSON in `extra`.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator

from ..records import RawDoc
from .common import make_doc_id, site_of

KNOWN = {"id", "url", "site", "published", "title", "text", "html", "fetched_at"}


def _open_text(path: str):
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace", newline="")


def row_to_doc(row: dict, source: str, locator: str, limit: int) -> RawDoc:
    """One input row as a RawDoc (with `error` set when it is unusable)."""
    fallback = make_doc_id(source, locator)
    if not isinstance(row, dict):
        return RawDoc(fallback, source, locator, "text", "",
                      error=f"{source} {locator}: not an object but {type(row).__name__}")
    raw_id = row.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else fallback
    html, text = row.get("html"), row.get("text")
    kind, body = ("html", html) if html and not text else ("text", text)
    url = _str(row.get("url"))
    extra = {k: v for k, v in row.items() if k not in KNOWN}
    error = None
    if not isinstance(body, str) or not body.strip():
        error = f"{source} {locator}: no 'text' or 'html' field with content"
        body = ""
    elif len(body.encode("utf-8", errors="replace")) > limit:
        error = (f"{source} {locator}: document larger than {limit // 1_000_000} MB; "
                 "raise --max-doc-mb to read it")
        body = ""
    return RawDoc(
        doc_id=doc_id, source=source, locator=locator, kind=kind, body=body, url=url,
        site=_str(row.get("site")) or site_of(url), fetched_at=_str(row.get("fetched_at")),
        published=_str(row.get("published")), title=_str(row.get("title")),
        extra=json.dumps(extra, ensure_ascii=False, default=str) if extra else None,
        error=error,
    )


def _str(value) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def read_jsonl(path: str, limit: int) -> Iterator[RawDoc]:
    """JSON lines; a .json file holding one array is read whole."""
    n = 0
    try:
        with _open_text(path) as fh:
            if path.removesuffix(".gz").endswith(".json"):
                text = fh.read()
                if text.lstrip().startswith("["):
                    yield from _json_array(path, text, limit)
                    return
                lines = iter(text.splitlines())
            else:
                lines = fh
            for n, line in enumerate(lines, 1):
                if line.strip():
                    yield _json_line(path, f"line {n}", line, limit)
    except Exception as exc:  # truncated gzip, unreadable file
        loc = f"line {n + 1}"
        yield RawDoc(make_doc_id(path, loc), path, loc, "text", "",
                     error=f"{path} {loc}: cannot read further ({exc})")


def _json_line(path: str, loc: str, line: str, limit: int) -> RawDoc:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return RawDoc(make_doc_id(path, loc), path, loc, "text", "",
                      error=f"{path} {loc}: malformed JSON ({exc.msg})")
    return row_to_doc(row, path, loc, limit)


def _json_array(path: str, text: str, limit: int) -> Iterator[RawDoc]:
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as exc:
        yield RawDoc(make_doc_id(path, ""), path, "", "text", "",
                     error=f"{path}: malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    for i, row in enumerate(rows, 1):
        yield row_to_doc(row, path, f"item {i}", limit)


def read_csv(path: str, limit: int) -> Iterator[RawDoc]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    n = 0
    try:
        with _open_text(path) as fh:
            for n, row in enumerate(csv.DictReader(fh), 1):
                yield row_to_doc(dict(row), path, f"row {n}", limit)
    except Exception as exc:
        loc = f"row {n + 1}"
        yield RawDoc(make_doc_id(path, loc), path, loc, "text", "",
                     error=f"{path} {loc}: cannot read further ({exc})")


def read_parquet(path: str, limit: int) -> Iterator[RawDoc]:
    import pyarrow.parquet as pq

    n = 0
    try:
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=512):
            for row in batch.to_pylist():
                n += 1
                yield row_to_doc(row, path, f"row {n}", limit)
    except Exception as exc:
        loc = f"row {n + 1}"
        yield RawDoc(make_doc_id(path, loc), path, loc, "text", "",
                     error=f"{path} {loc}: cannot read further ({exc})")
