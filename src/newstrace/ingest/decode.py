"""Bytes of a web page -> text: BOM, HTTP header, <meta> charset, then a guess."""

from __future__ import annotations

import codecs
import logging
import re

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_HEADER = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG encoding standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}
_PROBE = 4096


def charset_of(content_type: str | None) -> str | None:
    """The charset named in a Content-Type header value, if any."""
    if not content_type:
        return None
    m = _HEADER.search(content_type)
    return m.group(1) if m else None


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return name


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode a page: BOM, then `declared` (a charset or a Content-Type value), then the
    <meta> charset of the first 4 KB, then UTF-8, then charset-normalizer's guess.

    A declared single-byte charset loses to valid UTF-8 with non-ASCII bytes (a common
    server misconfiguration). Never raises on bad bytes: the last resort replaces them.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    header = _codec(charset_of(declared) or declared) if declared else None
    m = _META.search(data[:_PROBE])
    meta = _codec(m.group(1).decode("ascii", "ignore")) if m else None
    if meta and meta.startswith("utf-16"):
        meta = "utf-8"  # the page was readable as ASCII, so it is not UTF-16
    for codec in (header, meta):
        if not codec:
            continue
        if codec != "utf-8" and _single_byte(codec) and not data.isascii():
            text = _try(data, "utf-8")
            if text is not None:
                return text
        text = _try(data, codec)
        if text is not None:
            return text
        log.debug("declared charset %s does not decode; guessing", codec)
    text = _try(data, "utf-8")
    if text is not None:
        return text
    return _guess(data, header or meta)


def _single_byte(codec: str) -> bool:
    return codec.startswith(("cp", "iso8859", "latin", "koi8", "mac", "windows"))


def _guess(data: bytes, hint: str | None) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - core dependency
        return data.decode(hint or "cp1252", errors="replace")
    best = from_bytes(data[:65536]).best()
    codec = best.encoding if best is not None else (hint or "utf-8")
    return data.decode(codec, errors="replace")


__all__ = ["decode_html", "charset_of"]
