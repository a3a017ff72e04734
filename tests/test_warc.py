"""read_warc on small WARC files written here with warcio."""

from __future__ import annotations

import io

import pytest

from newstrace.ingest.common import make_doc_id
from newstrace.ingest.warc import read_warc

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

RU = "<html><head><meta charset='windows-1251'><title>Новости</title></head><body><p>Привет</p></body></html>"


def _write(path, gz=True):
    """warcinfo, request, 3 HTML responses (one cp1251), a PNG, a 404, a text/plain."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record("t.warc", {"software": "test"}))
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "ex.com")], is_http_request=True)
        w.write_record(w.create_warc_record("http://ex.com/a", "request", http_headers=req))

        def resp(url, body, ctype, status="200 OK"):
            h = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=h))

        for i in range(2):
            resp(f"http://www.ex.com/a{i}", f"<html><body><p>page {i} café</p></body></html>"
                 .encode(), "text/html; charset=utf-8")
        resp("http://ru.example/n", RU.encode("cp1251"), "text/html")
        resp("http://ex.com/i.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        resp("http://ex.com/gone", b"<html>gone</html>", "text/html", "404 Not Found")
        resp("http://ex.com/t.txt", b"plain words here", "text/plain; charset=utf-8")
    return path


@pytest.mark.parametrize("gz", [True, False])
def test_reads_response_records(tmp_path, gz):
    path = str(_write(tmp_path / ("x.warc.gz" if gz else "x.warc"), gz))
    docs = list(read_warc(path))
    assert [d.locator for d in docs] == ["record 3", "record 4", "record 5", "record 8"]
    assert all(d.error is None for d in docs)
    a0 = docs[0]
    assert a0.url == "http://www.ex.com/a0" and a0.site == "ex.com" and a0.kind == "html"
    assert "café" in a0.body and a0.fetched_at and a0.fetched_at.startswith("20")
    assert a0.doc_id == make_doc_id(path, "record 3") and a0.source == path
    assert "Привет" in docs[2].body  # cp1251 detected from <meta>
    assert docs[3].kind == "text" and docs[3].body == "plain words here"


def test_truncated_file_gives_error_row(tmp_path):
    path = _write(tmp_path / "x.warc.gz")
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    # cut in the middle of the cp1251 record (record 5)
    cut.write_bytes(data[: data.index(b"\x1f\x8b\x08", len(data) // 2) - 40])
    docs = list(read_warc(str(cut)))
    assert [d.error is None for d in docs][:2] == [True, True]
    bad = [d for d in docs if d.error]
    assert len(bad) == 1 and "truncated" in bad[0].error and str(cut) in bad[0].error
    assert bad[0].locator in bad[0].error


def test_corrupt_member_then_rest_of_file(tmp_path):
    path = _write(tmp_path / "x.warc.gz")
    data = bytearray(path.read_bytes())
    starts = [i for i in range(len(data)) if data[i:i + 3] == b"\x1f\x8b\x08"]
    s = starts[2]  # 3rd member: the first HTML response
    data[s + 20:s + 60] = bytes(40)
    bad_path = tmp_path / "bad.warc.gz"
    bad_path.write_bytes(bytes(data))
    docs = list(read_warc(str(bad_path)))
    errors = [d for d in docs if d.error]
    assert len(errors) == 1 and "corrupt" in errors[0].error
    good = [d for d in docs if not d.error]
    assert [d.url for d in good] == ["http://www.ex.com/a1", "http://ru.example/n",
                                     "http://ex.com/t.txt"]


def test_corrupt_header_uncompressed(tmp_path):
    path = _write(tmp_path / "x.warc", gz=False)
    data = path.read_bytes()
    i = data.index(b"WARC/1.", data.index(b"http://www.ex.com/a1") - 400)
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data[:i] + b"NOT A WARC HEADER\r\n" + data[i + 7:])
    docs = list(read_warc(str(bad)))
    assert sum(1 for d in docs if d.error) == 1
    assert "http://ru.example/n" in [d.url for d in docs]


def test_warcio_fallback_same_records(tmp_path):
    from newstrace.ingest import warc

    path = str(_write(tmp_path / "x.warc.gz"))
    fast = [(d.locator, d.url, d.body) for d in warc._read_fastwarc(path)]
    slow = [(d.locator, d.url, d.body) for d in warc._read_warcio(path)]
    assert fast == slow


def test_streams_lazily(tmp_path):
    path = str(_write(tmp_path / "x.warc.gz"))
    it = read_warc(path)
    first = next(it)
    assert first.locator == "record 3"


def test_missing_both_readers_names_the_extra(tmp_path, monkeypatch):
    import sys

    from newstrace.errors import MissingExtra

    path = str(_write(tmp_path / "x.warc.gz"))
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "warcio", None)
    with pytest.raises(MissingExtra, match=r'pip install "newstrace\[warc\]"'):
        next(read_warc(path))


def test_warcio_used_when_fastwarc_missing(tmp_path, monkeypatch):
    import sys

    path = str(_write(tmp_path / "x.warc.gz"))
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    docs = list(read_warc(path))
    assert [d.locator for d in docs] == ["record 3", "record 4", "record 5", "record 8"]
