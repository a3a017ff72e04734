"""The command line: every command documented, the example page end to end, the demo."""

import json

from click.testing import CliRunner
from conftest import EXAMPLE, ROOT, needs_example

from newstrace.cli import main


def test_every_command_has_help_with_examples_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    runner = CliRunner()
    for name, _cmd in main.commands.items():
        out = runner.invoke(main, [name, "--help"])
        assert out.exit_code == 0, name
        assert "Examples:" in out.output, f"{name} --help has no examples"
        assert f"newstrace {name}" in readme, f"README does not document `newstrace {name}`"


@needs_example
def test_example_page_run_and_export(tmp_path):
    db = tmp_path / "x.duckdb"
    runner = CliRunner()
    res = runner.invoke(main, ["run", str(EXAMPLE), "--db", str(db), "-q", "--workers", "1"])
    assert res.exit_code == 0, res.output
    out = tmp_path / "articles.jsonl"
    res = runner.invoke(main, ["export", "articles", "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    title = "Lavrov Hopes Putin, Biden Will Determine Further Steps to Improve Russian-US Relations"
    assert row["title"] == title
    body = row["text"]
    paras = [p for p in body.split("\n\n")]
    assert title not in body
    for debris in ("0", "201", "Sourse: sputniknews.com", "0.00 (0%) 0 votes", ""):
        assert debris not in [p.strip() for p in paras], debris
    assert "sputniknews.com" not in body and "votes" not in body
    raw = EXAMPLE.read_text()
    expected = [
        "On Wednesday, Russian Foreign Minister Sergey Lavrov met",
        "REYKJAVIK (Sputnik) – Russian Foreign Minister Sergey Lavrov has expressed hope",
        "The remarks were made by Lavrov following his meeting",
        "Upcoming Putin-Biden Summit",
        "A summit between the Russian and American leaders",
        "Joint Efforts in Regional Conflicts, Deals",
        "According to State Department spokesperson Ned Price",
        "The Russian foreign minister noted that an agreement was reached",
        "Blinken also highlighted that",
    ]
    for start in expected:
        assert start in raw and body.count(start) == 1, start
    credits = json.loads(row["credits"])
    assert any(c["domain"] == "sputniknews.com" for c in credits)
    assert row["dateline_place"] == "REYKJAVIK" and row["dateline_agency"] == "Sputnik"


def test_demo_runs_and_show_prints_a_document(tmp_path):
    runner = CliRunner()
    db = tmp_path / "demo.duckdb"
    res = runner.invoke(main, ["demo", "--db", str(db), "--out", str(tmp_path / "c"), "-q"])
    assert res.exit_code == 0, res.output
    assert "families" in res.output and "Largest reprint families" in res.output
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    doc_id = con.execute("SELECT doc_id FROM provenance WHERE parent_doc_id IS NOT NULL "
                         "LIMIT 1").fetchone()[0]
    con.close()
    res = runner.invoke(main, ["show", doc_id, "--db", str(db)])
    assert res.exit_code == 0 and "origin:" in res.output and "parent:" in res.output
    res = runner.invoke(main, ["show", doc_id, "--db", str(db), "--json"])
    assert json.loads(res.output)["doc_id"] == doc_id
