"""WARC files -> RawDoc, streamed (fastwarc, `warc` extra; warcio as a fallback).

One RawDoc per HTML (or text/plain) response record with a 2xx status. Records are
numbered from 1 over every record in the file (warcinfo and requests included), so
`locator` "record 7" and `doc_id` stay stable. Other records are skipped silently:
requests, metadata, redirects and errors (status >= 300), and payloads that are not
HTML or plain text (images, PDFs, scripts) - a crawl holds many, and one error row
each would bury the real errors.

Damage yields a RawDoc with `error` set (naming file and record), then reading goes on:
a record cut short (truncated file or gzip member) gives "truncated record"; an
unreadable header or gzip member gives "corrupt record" and reading resumes at the next
record start found in the file ("WARC/1." line, or gzip member magic).
Memory stays flat: one record at a time.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from ..errors import MissingExtra
from ..records import RawDoc
from .common import make_doc_id, site_of
from .decode import decode_html

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml+html")
_TEXT_TYPES = ("text/plain",)
_GZ_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_CHUNK = 1 << 20


def _kind(content_type: str | None, body: bytes) -> str | None:
    """"html", "text" or None (skip) from the HTTP Content-Type (sniffed when absent)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in _HTML_TYPES:
        return "html"
    if ctype in _TEXT_TYPES:
        return "text"
    if not ctype:
        head = body[:512].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
    return None


def _doc(path: str, n: int, offset: int, url: str | None, date: str | None,
         status: int | None, ctype: str | None, body: bytes, expected: int | None) -> RawDoc | None:
    locator = f"record {n}"
    doc_id = make_doc_id(path, locator)
    extra = json.dumps({"offset": offset, "status": status, "content_type": ctype})
    common = dict(doc_id=doc_id, source=path, locator=locator, url=url, site=site_of(url),
                  fetched_at=date, extra=extra)
    if expected is not None and len(body) < expected:
        return RawDoc(kind="html", body="", **common,
                      error=f"{path} {locator} (offset {offset}): truncated record, "
                            f"{len(body)} of {expected} bytes")
    if status is not None and not 200 <= status < 300:
        return None
    kind = _kind(ctype, body)
    if kind is None:
        return None
    return RawDoc(kind=kind, body=decode_html(body, ctype), **common)


def read_warc(path: str) -> Iterator[RawDoc]:
    """Stream the HTML / text response records of a .warc or .warc.gz file."""
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        try:
            import warcio  # noqa: F401
        except ImportError:
            raise MissingExtra("warc", "fastwarc", "reading WARC files") from None
        yield from _read_warcio(path)
        return
    yield from _read_fastwarc(path)


def _read_fastwarc(path: str) -> Iterator[RawDoc]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    gz = _is_gzip(path)
    start, n, resyncing = 0, 0, False
    while True:
        last = None
        with open(path, "rb") as fh:
            fh.seek(start)
            try:
                for rec in ArchiveIterator(fh, parse_http=True, auto_decode="all"):
                    n += 1
                    last = rec.stream_pos  # absolute, also after a seek
                    resyncing = False
                    if rec.record_type != WarcRecordType.response:
                        continue
                    http = rec.http_headers
                    body = rec.reader.read()
                    doc = _doc(path, n, last, rec.headers.get("WARC-Target-URI"),
                               rec.headers.get("WARC-Date"),
                               http.status_code if http is not None else None,
                               http.get("Content-Type") if http is not None else None,
                               body, _expected(rec))
                    if doc is not None:
                        yield doc
                return
            except OSError as err:
                if not resyncing:  # one error row per damaged stretch
                    n += 1
                    locator = f"record {n}"
                    yield RawDoc(doc_id=make_doc_id(path, locator), source=path,
                                 locator=locator, kind="html", body="",
                                 error=f"{path} {locator} (after offset {last or start}): "
                                       f"corrupt record: {err}")
                resyncing = True
        nxt = _next_start(path, (last if last is not None else start) + 1, gz)
        if nxt is None:
            return
        start = nxt


def _expected(rec) -> int | None:
    """Payload length the record announces (None when unknown)."""
    try:
        return int(rec.content_length)
    except (TypeError, ValueError, AttributeError):
        return None


def _is_gzip(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(3) == _GZ_MAGIC


def _next_start(path: str, pos: int, gz: bool) -> int | None:
    """Offset of the next record start (gzip member or WARC/1. line) at or after pos."""
    magic = _GZ_MAGIC if gz else _WARC_MAGIC
    with open(path, "rb") as fh:
        fh.seek(pos)
        base = pos
        tail = b""
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                return None
            data = tail + chunk
            i = data.find(magic)
            while i >= 0 and not gz and i > 0 and data[i - 1:i] != b"\n":
                i = data.find(magic, i + 1)
            if i >= 0:
                return base - len(tail) + i
            tail = data[-(len(magic)):]
            base += len(chunk)


def _read_warcio(path: str) -> Iterator[RawDoc]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                n += 1
                if rec.rec_type != "response":
                    continue
                http = rec.http_headers
                try:
                    body = rec.content_stream().read()
                except Exception as err:  # zlib/EOF errors surface here
                    raise ArchiveLoadFailed(str(err)) from err
                length = rec.length if rec.length is not None else None
                expected = None if length is None else max(0, length - _http_len(http))
                doc = _doc(path, n, it.get_record_offset(), rec.rec_headers.get_header("WARC-Target-URI"),
                           rec.rec_headers.get_header("WARC-Date"),
                           int(http.get_statuscode() or 0) if http is not None else None,
                           http.get_header("Content-Type") if http is not None else None,
                           body, expected if not http or not http.get_header("Content-Encoding") else None)
                if doc is not None:
                    yield doc
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
            n += 1
            locator = f"record {n}"
            yield RawDoc(doc_id=make_doc_id(path, locator), source=path, locator=locator,
                         kind="html", body="",
                         error=f"{path} {locator}: corrupt record (warcio stops here): {err}")


def _http_len(http) -> int:
    if http is None:
        return 0
    return len(http.to_bytes()) if hasattr(http, "to_bytes") else 0


__all__ = ["read_warc"]
