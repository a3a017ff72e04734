"""Readers: every input kind, and bad input as failed records, never a crash."""

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq

from newstrace.ingest import expand, read_path, reader_kind


def test_reader_kind_looks_through_gz():
    assert reader_kind("a/b.jsonl.gz") == "rows"
    assert reader_kind("x.HTML") == "html"
    assert reader_kind("x.warc.gz") == "warc"
    assert reader_kind("x.pdf") is None


def test_expand_folders_globs_and_sorts(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.html", "sub/c.jsonl", "skip.pdf"):
        (tmp_path / name).write_text("x")
    found = expand([str(tmp_path)])
    assert [p.split("/")[-1] for p in found] == ["a.html", "b.txt", "c.jsonl"]
    assert expand([str(tmp_path / "*.txt")]) == [str(tmp_path / "b.txt")]


def test_text_file_gzip_and_encodings(tmp_path):
    p = tmp_path / "a.txt.gz"
    p.write_bytes(gzip.compress("Привет, мир. Это новость.".encode("cp1251")))
    (doc,) = read_path(str(p))
    assert doc.error is None and "новость" in doc.body and doc.kind == "text"


def test_rows_keep_ids_and_extra_fields(tmp_path):
    p = tmp_path / "rows.jsonl"
    rows = [{"id": "x1", "url": "https://www.ex.com/a", "text": "Body one.", "lang": "en"},
            {"url": "https://b.org/z", "html": "<p>Hi</p>", "published": "2021-05-19"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    a, b = read_path(str(p))
    assert a.doc_id == "x1" and a.site == "ex.com" and json.loads(a.extra) == {"lang": "en"}
    assert b.kind == "html" and b.published == "2021-05-19" and b.locator == "line 2"
    assert len(b.doc_id) == 16


def test_csv_and_parquet(tmp_path):
    c = tmp_path / "r.csv"
    c.write_text("id,text,site\nr1,Hello world.,s.com\nr2,,s.com\n")
    r1, r2 = read_path(str(c))
    assert r1.body == "Hello world." and r1.error is None
    assert r2.error and "row 2" in r2.error
    p = tmp_path / "r.parquet"
    pq.write_table(pa.table({"id": ["p1"], "text": ["Text."], "score": [3]}), p)
    (d,) = read_path(str(p))
    assert d.doc_id == "p1" and json.loads(d.extra) == {"score": 3}


def test_bad_inputs_become_failed_records(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.html").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "fine"}\n{not json\n')
    good = gzip.compress(b'{"id": "g1", "text": "one"}\n' * 2000)
    (tmp_path / "cut.jsonl.gz").write_bytes(good[: len(good) // 2])
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    out = {}
    for path in expand([str(tmp_path)]):
        out[path.split("/")[-1]] = list(read_path(path, max_bytes=1_000_000))
    assert "empty" in out["empty.txt"][0].error
    assert "binary" in out["junk.html"][0].error
    ok, bad = out["bad.jsonl"]
    assert ok.error is None and "line 2" in bad.error and "malformed JSON" in bad.error
    cut = out["cut.jsonl.gz"]
    assert cut[-1].error and "cut.jsonl.gz" in cut[-1].error and len(cut) > 1
    assert "larger than" in out["big.txt"][0].error
