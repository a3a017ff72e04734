"""The local executor end to end: bad input, idempotent re-runs, kill and resume."""

import gzip
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import newstrace
from newstrace.settings import Settings
from newstrace.simulate import demo_corpus

TABLES = {
    "documents": "SELECT doc_id, source, locator, status, error FROM documents",
    "articles": "SELECT doc_id, title, text, credits FROM articles",
    "alignments": "SELECT * FROM alignments",
    "families": "SELECT * FROM families",
    "provenance": "SELECT * FROM provenance",
    "edits": "SELECT * FROM edits",
}


def snapshot(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(q).fetchall(), key=repr) for t, q in TABLES.items()}
    finally:
        con.close()


def write_corpus(folder: Path, seed: int = 3, copies: int = 1) -> Path:
    """Demo documents spread over a JSONL file and single .txt files."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = [d for k in range(copies) for d in demo_corpus(seed + k).docs]
    with open(folder / "rows.jsonl", "w") as fh:
        for d in docs[: len(docs) // 2]:
            fh.write(json.dumps({"id": d.doc_id, "url": d.url, "site": d.site,
                                 "published": d.published, "text": d.text}) + "\n")
    for d in docs[len(docs) // 2 :]:
        (folder / f"{d.doc_id}.txt").write_text(d.text)
    return folder


def add_bad_inputs(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me \xe0 la une. Le march\xe9 ouvre t\xf4t.\n"
                                        .encode("latin-1"))
    (folder / "junk.html").write_bytes(os.urandom(20_000).replace(b"<", b"x"))
    (folder / "broken.jsonl").write_text('{"id": "b1", "text": "Short text."}\n{"id": oops\n')
    blob = gzip.compress(b'{"text": "a line of text"}\n' * 5000)
    (folder / "cut.jsonl.gz").write_bytes(blob[: len(blob) // 3])
    (folder / "huge.txt").write_bytes(b"All work and no play. " * 2_400_000)  # ~50 MB


def test_bad_input_is_recorded_and_the_run_goes_on(tmp_path):
    folder = write_corpus(tmp_path / "in")
    add_bad_inputs(folder)
    db = tmp_path / "c.duckdb"
    corpus = newstrace.run([str(folder)], db, Settings(workers=1, batch_size=16))
    s = corpus.summary
    assert s.failed == 5 and s.articles >= len(demo_corpus(3).docs) // 2
    failed = {r["source"].split("/")[-1]: r["error"] for r in corpus.documents()
              if r["status"] == "failed"}
    assert "empty" in failed["empty.txt"]
    assert "binary" in failed["junk.html"]
    assert "malformed JSON" in failed["broken.jsonl"] and "line 2" in failed["broken.jsonl"]
    assert "cut.jsonl.gz" in failed["cut.jsonl.gz"]
    assert "larger than" in failed["huge.txt"] and "--max-doc-mb" in failed["huge.txt"]
    (latin,) = corpus.sql("SELECT body, status FROM documents WHERE source LIKE '%latin1.txt'")
    assert latin["status"] == "ok" and "Café crème à la une." in latin["body"]
    assert len(corpus.families()) > 0 and len(corpus.provenance()) > 0
    corpus.close()


def test_rerun_is_a_noop_and_duplicate_ids_are_kept(tmp_path):
    folder = write_corpus(tmp_path / "in")
    first = json.loads((folder / "rows.jsonl").read_text().splitlines()[0])
    (folder / "zz-dup.jsonl").write_text(json.dumps(first) + "\n")
    db = tmp_path / "c.duckdb"
    newstrace.run([str(folder)], db, Settings(workers=1)).close()
    before = snapshot(db)
    dup = [r for r in before["documents"] if r[1].endswith("zz-dup.jsonl")]
    assert dup and dup[0][3] == "failed" and "duplicate id" in dup[0][4]
    newstrace.run([str(folder)], db, Settings(workers=1)).close()
    assert snapshot(db) == before


def _run_cli(args, **kw):
    cmd = [sys.executable, "-m", "newstrace.cli", *args]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_and_resume_gives_the_same_tables(tmp_path, workers):
    folder = write_corpus(tmp_path / "in", seed=5, copies=3)
    args = ["run", str(folder), "-q", "--batch-size", "4", "--workers", str(workers)]
    ref = tmp_path / "ref.duckdb"
    assert subprocess.run([sys.executable, "-m", "newstrace.cli", *args, "--db", str(ref)],
                          capture_output=True).returncode == 0
    db = tmp_path / "killed.duckdb"
    kills, delay = 0, 0.6
    for attempt in range(12):
        proc = _run_cli([*args, "--db", str(db)])
        try:  # the last attempt may finish whatever the machine's load
            proc.wait(timeout=delay if attempt < 11 else 300)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
            delay *= 1.3
            continue
        assert proc.returncode == 0, proc.stderr.read().decode()
        break
    else:
        pytest.fail("the run never finished")
    assert kills >= 1, "the run finished before any kill; corpus too small for this test"
    assert snapshot(db) == snapshot(ref)
