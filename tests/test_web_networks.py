"""The networks page: members, scores and evidence, escaped, with a JSON twin."""

import json
from wsgiref.util import setup_testing_defaults

import duckdb
from test_web_data import build_db

from newstrace.web.report import write_report
from newstrace.web.server import make_app


def _get(app, path):
    env: dict = {}
    setup_testing_defaults(env)
    env.update(PATH_INFO=path, QUERY_STRING="", REQUEST_METHOD="GET")
    seen = {}
    body = b"".join(app(env, lambda s, h: seen.update(status=s))).decode()
    return int(seen["status"][:3]), body


def test_networks_page_lists_members_and_evidence(tmp_path):
    db = build_db(tmp_path / "f.duckdb")
    app = make_app(db)
    status, html = _get(app, "/networks")
    assert status == 200 and "No outlet networks" in html
    con = duckdb.connect(str(db))
    evidence = json.dumps(["3 of these 3 sites share the template line `<script>x</script>`"])
    con.executemany("INSERT INTO networks VALUES (?, ?, ?, ?)",
                    [("N1", "a.example", 0.9, evidence), ("N1", "b.example", 0.8, evidence)])
    con.close()
    status, html = _get(app, "/networks")
    assert status == 200 and "a.example" in html and "b.example" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    status, body = _get(app, "/networks.json")
    nets = json.loads(body)["networks"]
    assert [o["site"] for o in nets[0]["outlets"]] == ["a.example", "b.example"]
    index = write_report(db, tmp_path / "report")
    assert "b.example" in (index.parent / "networks.html").read_text()
