"""What every reader shares: stable document ids and text decoding."""

from __future__ import annotations

import xxhash


def make_doc_id(source: str, locator: str = "") -> str:
    """A stable id from where the document was read (16 hex chars)."""
    return xxhash.xxh3_64_hexdigest(f"{source}\x00{locator}".encode())


def site_of(url: str | None) -> str | None:
    """The host of a URL without a leading www., lower-cased."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = host.lower()
    return host[4:] if host.startswith("www.") else host or None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text in any encoding (NULs, many control bytes)."""
    head = data[:4096]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(head) > 0.05


def decode_bytes(data: bytes) -> str:
    """Text from bytes: BOM, then UTF-8, then charset-normalizer's best guess.

    Raises ValueError when the bytes are not text.
    """
    if looks_binary(data):
        raise ValueError("binary content, not text")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise ValueError("undecodable bytes: no text encoding fits")
    best = matches[0]
    # Short samples fit several code pages equally well; windows-1252 is the
    # most common legacy encoding of web text, so it wins a tie.
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence:
            best = m
            break
    return data.decode(best.encoding, errors="replace")
