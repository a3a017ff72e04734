"""The Spark executor (local[2]) writes the same tables as the local executor."""

import html
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark")
if not shutil.which("java"):
    pytest.skip("java is not installed (Spark needs it)", allow_module_level=True)

from newstrace import trace  # noqa: E402
from newstrace.engine.local import run  # noqa: E402
from newstrace.engine.spark import columns, run_spark, session  # noqa: E402
from newstrace.engine.spark_networks import networks_on_spark  # noqa: E402
from newstrace.engine.spark_trace import trace_on_spark  # noqa: E402
from newstrace.settings import Settings  # noqa: E402
from newstrace.simulate import SimOptions, demo_corpus, republish, synthetic_articles  # noqa: E402
from newstrace.simulate.republish import SimDoc  # noqa: E402
from newstrace.store.db import connect  # noqa: E402
from newstrace.store.read import load_alignments, load_articles, load_members  # noqa: E402
from newstrace.trace import TraceOptions, trace_families  # noqa: E402

pytestmark = pytest.mark.slow

TABLES = ("documents", "articles", "alignments", "families", "provenance", "edits")


def snapshot(db: Path) -> dict:
    """Every table (results and bookkeeping: progress, stage digests, meta), sorted."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        assert set(TABLES) <= set(names)
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in names}
    finally:
        con.close()


def _page(d) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in d.text.split("\n") if p.strip())
    return (f"<html><head><title>{html.escape(d.title)}</title></head>"
            f"<body><article>{paras}</article></body></html>")


def write_corpus(folder: Path, seed: int = 3) -> Path:
    """Demo docs as JSONL rows (html and text), .html and .txt files, a duplicate, bad files."""
    folder.mkdir(parents=True)
    docs = demo_corpus(seed).docs
    third = len(docs) // 3
    with open(folder / "rows.jsonl", "w") as fh:
        for k, d in enumerate(docs[:third]):
            body = {"text": d.text} if k % 4 == 0 else {"html": _page(d)}
            fh.write(json.dumps({"id": d.doc_id, "url": d.url, "site": d.site,
                                 "published": d.published, **body}) + "\n")
    for d in docs[third : 2 * third]:
        (folder / f"{d.doc_id}.html").write_text(_page(d))
    for d in docs[2 * third :]:
        (folder / f"{d.doc_id}.txt").write_text(d.text)
    first = (folder / "rows.jsonl").read_text().splitlines()[1]
    (folder / "a_dup.jsonl").write_text(first + "\n" + first + "\n")  # sorts before rows.jsonl
    (folder / "broken.jsonl").write_text('{"id": "b1", "text": "Short text."}\n{"id": oops\n')
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def spark():
    s = session("local[2]")
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = write_corpus(tmp_path_factory.mktemp("spark") / "in")
    ref = folder.parent / "local.duckdb"
    run([str(folder)], Settings(db=str(ref), workers=1))
    return folder, ref, snapshot(ref)


def test_schema_columns_match_duckdb():
    con = connect()
    for table in ("documents", "articles"):
        names = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        assert [n for n, _ in columns(table)] == names


def test_spark_writes_the_same_tables_as_local(spark, corpus, tmp_path):
    folder, _, expected = corpus
    db = tmp_path / "spark.duckdb"
    summary = run_spark([str(folder)], Settings(db=str(db)), spark=spark)
    got = snapshot(db)
    assert expected["alignments"] and expected["families"], "corpus too small to compare"
    dups = {r[1].rsplit("/", 1)[1]: r for r in got["documents"] if "duplicate id" in (r[11] or "")}
    assert sorted(dups) == ["a_dup.jsonl", "rows.jsonl"]
    assert dups["a_dup.jsonl"][11].endswith("(first in %s line 1)" % (folder / "a_dup.jsonl"))
    assert dups["rows.jsonl"][10] == "failed" and "a_dup.jsonl line 1" in dups["rows.jsonl"][11]
    assert got.keys() == expected.keys()
    for table in got:
        assert got[table] == expected[table], table
    assert summary.documents == len(got["documents"]) and summary.files == len(list(folder.iterdir()))
    # a second run finds every stage done and changes nothing
    run_spark([str(folder)], Settings(db=str(db)), spark=spark)
    assert snapshot(db) == got


def test_spark_resumes_a_killed_run(spark, corpus, tmp_path):
    folder, ref, expected = corpus
    db = tmp_path / "killed.duckdb"
    shutil.copy(ref, db)
    con = duckdb.connect(str(db))  # as if killed: half the files and one batch never committed
    lost = sorted(str(p) for p in folder.iterdir())[::2]
    rows = str(folder / "rows.jsonl")
    con.execute("DELETE FROM articles WHERE doc_id IN (SELECT doc_id FROM documents "
                "WHERE source IN (SELECT unnest(?)) OR (source = ? AND locator != 'line 1'))",
                [lost, rows])
    con.execute("DELETE FROM documents WHERE source IN (SELECT unnest(?)) "
                "OR (source = ? AND locator != 'line 1')", [lost, rows])
    con.execute("DELETE FROM progress WHERE source IN (SELECT unnest(?))", [lost])
    con.execute("UPDATE progress SET records_done = 1, done = false WHERE source = ?", [rows])
    con.close()
    run_spark([str(folder)], Settings(db=str(db)), spark=spark)
    assert snapshot(db) == expected


def test_spark_on_bad_input_only(spark, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nothing.jsonl").write_text("\n")
    (folder / "broken.jsonl").write_text('{"id": oops\n')
    ref, db = tmp_path / "local.duckdb", tmp_path / "spark.duckdb"
    run([str(folder)], Settings(db=str(ref), workers=1))
    summary = run_spark([str(folder)], Settings(db=str(db)), spark=spark)
    assert summary.articles == 0 and summary.failed >= 2
    assert snapshot(db) == snapshot(ref)


def write_docs(sim, path: Path, title: bool = False) -> None:
    """A simulated corpus as JSONL input."""
    keys = ("url", "site", "published", "title", "text") if title else ("url", "site", "published", "text")
    path.write_text("".join(json.dumps({"id": d.doc_id, **{k: getattr(d, k) for k in keys}}) + "\n"
                            for d in sim.docs))


def redo_on_copy(ref: Path, tmp_path: Path, stage: str, tables: tuple[str, ...], redo) -> dict:
    """Copy the database `ref`, empty the stage's tables, run `redo(con, db)` on the copy
    and snapshot it; then check that a second call is a no-op (the stage is marked done)."""
    db = tmp_path / "spark.duckdb"
    shutil.copy(ref, db)
    con = connect(str(db))
    con.execute("; ".join([*(f"DELETE FROM {t}" for t in tables),
                           f"DELETE FROM stages WHERE name = '{stage}'"]))
    redo(con, db)
    con.close()
    got = snapshot(db)
    con = connect(str(db))
    con.execute(f"DELETE FROM {tables[-1]}")
    redo(con, db)
    assert con.execute(f"SELECT count(*) FROM {tables[-1]}").fetchone()[0] == 0
    con.close()
    return got


def quoting_roundup(sim) -> SimDoc:
    """A page in no family that quotes one short sentence of an origin page inside its own
    paragraph (too little for the reuse stage) and credits that page's site."""
    for d in sim.docs:
        if sim.truth[d.doc_id].credit_status != "origin":
            continue
        for s in re.findall(r"[A-Z][^.!?\n]*[.!?]", d.text):
            if 6 <= len(s.split()) <= 12:
                text = ("Morning digest: the stories we are reading today.\n\n"
                        f"Traffic was slow on the ring road again. {s} We will follow it.\n\n"
                        f"Source: {d.site}")
                return SimDoc("roundup-quote", "digestdaily.net", "https://digestdaily.net/am/1",
                              d.published, text)
    raise AssertionError("no origin page with a short sentence")


def test_spark_trace_matches_local_on_a_simulated_corpus(spark, tmp_path, caplog, monkeypatch):
    """Families, chains, credits, partial reuse in several families, wrong clocks, debris,
    network sites sharing a copyright footer, a roundup in no family quoting a page it
    credits."""
    sim = republish(synthetic_articles(60, 5), 5, SimOptions(copy_sites=4, partial_p=0.3,
                                                           bad_clock_p=0.3, networks=2))
    sim.docs.append(quoting_roundup(sim))
    path = tmp_path / "sim.jsonl"
    write_docs(sim, path)
    ref = tmp_path / "local.duckdb"
    with caplog.at_level("INFO", logger="newstrace.trace"):
        run([str(path)], Settings(db=str(ref), workers=1))
    assert "site clocks corrected" in caplog.text  # the clock pass changes dates here
    con = connect(str(ref))
    args = load_articles(con), load_members(con), load_alignments(con)
    multi = con.execute("SELECT count(*) FROM (SELECT doc_id FROM families GROUP BY doc_id "
                        "HAVING count(*) > 1)").fetchone()[0]
    con.close()
    assert multi > 0  # documents in several families: links, and a best family to pick
    local = trace_families(*args)
    with_debris = trace_families(*args, options=TraceOptions(debris_families=10**6))
    assert with_debris != local  # the debris pass matters here too
    with monkeypatch.context() as m:
        m.setattr(trace, "site_footers", lambda articles: {})
        assert trace_families(*args) != local  # and the per-site footers
    with monkeypatch.context() as m:
        m.setattr(trace, "attach_quotes", lambda *a, **k: {})
        assert trace_families(*args) != local  # and a page quoting a page it credits

    got = redo_on_copy(ref, tmp_path, "trace", ("provenance", "edits"),
                       lambda con, db: trace_on_spark(spark, con, Settings(db=str(db)), tmp_path / "work"))
    expected = snapshot(ref)
    assert len(got["provenance"]) == len(sim.docs) and got["edits"]
    assert got == expected


def test_spark_networks_and_audit_match_local_on_a_simulated_corpus(spark, tmp_path):
    """Sites in networks (shared template and credit form, copying in step from a hub):
    the outlet profiles built per outlet on the executors and the audit joined per copy
    give the local `networks` and `audit` tables."""
    sim = republish(synthetic_articles(60, 5), 5, SimOptions(copy_sites=20, networks=2,
                                                           network_size=4, network_p=0.6))
    path = tmp_path / "sim.jsonl"
    write_docs(sim, path, title=True)
    ref = tmp_path / "local.duckdb"
    run([str(path)], Settings(db=str(ref), workers=1))
    expected = snapshot(ref)
    assert len({r[0] for r in expected["networks"]}) >= 2 and expected["audit"]
    evidence = " ".join(r[3] for r in expected["networks"])
    for signal in ("within 60 minutes", "each other's copies", "unedited", "minutes (median)"):
        assert signal in evidence  # co-timing, relays, edits and delays all count here

    got = redo_on_copy(ref, tmp_path, "networks", ("networks", "audit"),
                       lambda con, db: networks_on_spark(spark, con, Settings(db=str(db)),
                                                         tmp_path / "work"))
    assert got == expected
