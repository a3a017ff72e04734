"""One document per file: .txt and .html (optionally gzipped)."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator

from ..records import RawDoc
from .common import decode_bytes, looks_binary, make_doc_id


def read_bytes(path: str, limit: int) -> bytes:
    """A file's bytes (gunzipped); raises ValueError past `limit` bytes."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(
            f"document larger than {limit // 1_000_000} MB; raise --max-doc-mb to read it"
        )
    return data


def read_single(path: str, kind: str, limit: int) -> Iterator[RawDoc]:
    doc_id = make_doc_id(path, "")
    try:
        data = read_bytes(path, limit)
        if not data.strip():
            raise ValueError("empty file")
        if looks_binary(data):
            raise ValueError(f"binary content, not {kind}; is the file name right?")
        if kind == "html":
            from .decode import decode_html

            body = decode_html(data)
        else:
            body = decode_bytes(data)
    except Exception as exc:  # bad input becomes a failed document, never a crash
        yield RawDoc(doc_id, path, "", kind, "", error=f"{path}: {_reason(exc)}")
        return
    yield RawDoc(doc_id, path, "", kind, body)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return f"truncated or corrupt gzip ({exc})"
    return str(exc) or type(exc).__name__
