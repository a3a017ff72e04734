"""The web UI through its WSGI app (no browser) and the static report's files."""

from __future__ import annotations

import json
import re
from urllib.parse import quote
from wsgiref.util import setup_testing_defaults

import pytest
from test_web_data import IDS, XSS, build_db

from newstrace.web.queries import NotFound
from newstrace.web.render import file_name, http_url
from newstrace.web.server import make_app, route


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("webapp") / "fixture.duckdb")


@pytest.fixture(scope="module")
def get(db):
    app = make_app(db)

    def call(path: str, query: str = "", method: str = "GET"):
        env: dict = {}
        setup_testing_defaults(env)
        env.update(PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD=method)
        seen = {}

        def start(status, headers):
            seen["status"], seen["headers"] = status, dict(headers)

        body = b"".join(app(env, start)).decode("utf-8")
        return int(seen["status"][:3]), seen["headers"], body

    return call


PAGES = ["/", "/families", "/outlets", "/documents", "/family/F1", "/family/F2",
         f"/doc/{IDS['origin']}", f"/doc/{IDS['hostile']}", f"/doc/{IDS['failed']}",
         "/outlet/wire.example", "/outlet/evil.example"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(get, path):
    status, headers, html = get(path)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    twin = "/index.json" if path == "/" else path + ".json"
    assert f'href="{twin}"' in html
    status, headers, body = get(twin)
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert isinstance(json.loads(body), dict)


def test_json_twin_carries_page_data(get):
    fam = json.loads(get("/family/F1.json")[2])
    assert fam["origin_doc_id"] == IDS["origin"]
    assert {m["credit_status"] for m in fam["members"]} == {
        "origin", "credited", "uncredited", "miscredited"}
    doc = json.loads(get(f"/doc/{IDS['credited']}.json")[2])
    assert doc["article"]["credits"][0]["outlet"] == "wire.example"
    assert doc["provenance"]["credit_status"] == "credited"
    found = json.loads(get("/search.json", "q=Marlow")[2])
    assert IDS["miscredited"] in {r["doc_id"] for r in found["results"]}


def test_security_headers(get):
    _, headers, _ = get("/")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", [
    "/doc/ffffffffffffffff", "/family/F9", "/outlet/nowhere.example", "/nope",
    "/doc/" + quote("' OR '1'='1", safe=""), "/family/" + quote("F1' --", safe=""),
    "/doc/..%2F..%2Fetc%2Fpasswd", "/doc/a/b",
])
def test_unknown_or_malformed_ids_are_404(get, path):
    assert get(path)[0] == 404
    assert get(path + ".json")[0] == 404


def test_sql_in_search_is_a_literal(get):
    status, _, body = get("/search.json", "q=" + quote("x' OR 1=1; DROP TABLE documents; --"))
    assert status == 200 and json.loads(body)["results"] == []
    assert json.loads(get("/search.json", "q=%25")[2])["results"] == []
    assert get("/search", "q=" + "x" * 300)[0] == 400
    assert json.loads(get("/index.json")[2])["counts"]["documents"] == 9


def test_compare_page(get):
    query = f"member={IDS['miscredited']}&against=origin"
    status, _, html = get("/compare/F1", query)
    assert status == 200
    assert '<span class="mark">Floodwater</span> swept' in html
    assert '<span class="mark">Water</span> swept' in html
    assert 'href="/compare/F1.json?' + query.replace("&", "&amp;") + '"' in html
    data = json.loads(get("/compare/F1.json", query)[2])
    assert data["compare"]["other_id"] == IDS["origin"]
    assert data["compare"]["diff"]["stats"]["changed"] >= 1


def test_bad_compare_parameters(get):
    assert get("/compare/F1", "member=" + IDS["hostile"])[0] == 404
    assert get("/compare/F1", "member=%27%20OR%201%3D1")[0] == 404
    assert get("/compare/F1")[0] == 400
    assert get("/compare/F1", f"member={IDS['credited']}&against=sideways")[0] == 400
    assert get("/compare/F9", f"member={IDS['credited']}")[0] == 404


def test_read_only(get):
    assert get("/", method="POST")[0] == 405


def test_hostile_text_is_escaped(get):
    for path in (f"/doc/{IDS['hostile']}", "/family/F2", f"/doc/{IDS['hostile2']}", "/"):
        html = get(path)[2]
        assert "<script" not in html.lower()
        assert "<img" not in html.lower()
        assert 'href="javascript' not in html.lower()
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_routes():
    assert route("/") == ("index", None, False)
    assert route("/index.json") == ("index", None, True)
    assert route("/family/F1.json") == ("family", "F1", True)
    assert route("/outlet/éx.example") == ("outlet", "éx.example", False)
    with pytest.raises(NotFound):
        route("/family/a/b")


def test_helpers():
    assert http_url("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x",
                "//evil.example", "vbscript:x", None, "http:/x"):
        assert http_url(bad) is None
    assert file_name("wire.example") == "wire.example"
    odd = file_name("../../etc/passwd")
    assert "/" not in odd and not odd.startswith(".")
    assert file_name("a b") != file_name("a_b")


def test_report_files(db, tmp_path):
    from newstrace.web.report import write_report

    index = write_report(db, tmp_path / "r")
    root = index.parent
    assert index.name == "index.html" and index.is_file()
    for rel in ("families.html", "outlets.html", "documents.html", "family/F1.json",
                f"compare/F1~{IDS['miscredited']}~origin.html",
                f"doc/{IDS['hostile']}.html", "outlet/wire.example.html"):
        assert (root / rel).is_file(), rel
    for page in root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html
        assert "<script" not in html.lower()
        for href in re.findall(r'href="([^"]+)"', html):
            if not href.startswith("http"):
                assert not href.startswith("/"), (page, href)
                assert (page.parent / href).resolve().is_file(), (page, href)
    hostile = (root / "doc" / f"{IDS['hostile']}.html").read_text(encoding="utf-8")
    assert XSS not in hostile and "&lt;img src=x onerror=" in hostile


def test_report_capped(db, tmp_path):
    from newstrace.web.report import write_report

    full = write_report(db, tmp_path / "full").parent
    capped = write_report(db, tmp_path / "cap", max_families=1).parent
    n_full = len(list(full.rglob("*.html")))
    n_cap = len(list(capped.rglob("*.html")))
    assert n_cap < n_full
    assert len(list((capped / "family").glob("*.html"))) == 1
    notice = (capped / "not-in-report.html").read_text(encoding="utf-8")
    assert "--max-families" in notice
    sent_away = 0
    for page in capped.rglob("*.html"):
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            if not href.startswith("http"):
                assert (page.parent / href).resolve().is_file(), (page, href)
                sent_away += href.endswith("not-in-report.html")
    assert sent_away > 0
    with pytest.raises(ValueError):
        write_report(db, tmp_path / "bad", max_families=-1)


def test_empty_database(tmp_path):
    from newstrace.store import db as store
    from newstrace.web.report import write_report

    path = tmp_path / "empty.duckdb"
    store.connect(path).close()
    app = make_app(path)
    env: dict = {}
    setup_testing_defaults(env)
    for page in ("/", "/families", "/outlets", "/documents", "/search"):
        env.update(PATH_INFO=page, QUERY_STRING="q=x", REQUEST_METHOD="GET")
        seen: dict = {}
        body = b"".join(app(env, lambda s, h, seen=seen: seen.update(status=s))).decode()
        assert seen["status"].startswith("200"), (page, body[-300:])
    index = write_report(path, tmp_path / "r")
    assert "0</b>documents" in index.read_text(encoding="utf-8")
    missing = make_app(tmp_path / "missing.duckdb")
    env.update(PATH_INFO="/", QUERY_STRING="")
    seen = {}
    body = b"".join(missing(env, lambda s, h: seen.update(status=s))).decode()
    assert seen["status"].startswith("404") and "no database at" in body


def test_family_page_lists_a_page_that_quotes_it_from_outside(tmp_path):
    """A page in no family that the trace attached to a member (a roundup quoting it and
    crediting its site) is listed on the family's page, with its evidence."""
    from newstrace.records import Provenance
    from newstrace.store import db as store

    path = build_db(tmp_path / "quoted.duckdb")
    con = store.connect(path)
    row = Provenance(IDS["lonely"], None, IDS["origin"], "wire.example", IDS["credited"],
                     "credited", 0.7, ("in no reuse family, but its credit names daily.example",))
    store.insert_rows(con, "provenance", store.provenance_rows([row]))
    con.close()
    app = make_app(path)
    env: dict = {}
    setup_testing_defaults(env)
    env.update(PATH_INFO="/family/F1", REQUEST_METHOD="GET")
    html = b"".join(app(env, lambda status, headers: None)).decode("utf-8")
    assert "Quoted by pages outside the family" in html
    assert "its credit names daily.example" in html and IDS["lonely"] in html
    env.update(PATH_INFO="/family/F1.json")
    fam = json.loads(b"".join(app(env, lambda status, headers: None)))
    assert [q["doc_id"] for q in fam["quoted_by"]] == [IDS["lonely"]]
    assert fam["quoted_by"][0]["parent_doc_id"] == IDS["credited"]
    assert len(fam["members"]) == 5  # the family itself is unchanged


def test_family_page_without_quoting_pages_has_no_such_section(get):
    assert "Quoted by pages outside" not in get("/family/F1")[2]
