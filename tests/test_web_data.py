"""Fixture corpus for the web UI tests, and tests of the query layer.

`build_db(path)` writes a small DuckDB corpus through the real store functions:
one family (origin, credited copy, uncredited copy, miscredited copy of a copy,
partial reuse) and a hostile family whose text tries to run script.
"""

from __future__ import annotations

import pytest
from helpers import paragraph_spans

from newstrace.records import (
    Alignment,
    Article,
    Counter,
    Credit,
    Dateline,
    Edit,
    Entity,
    Found,
    Member,
    Provenance,
    Quote,
    RawDoc,
    Removed,
    Span,
)
from newstrace.store import db as store

XSS = ('<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"> '
       '<a href="javascript:window.__pwned=1">click</a>')

ORIGIN = (
    "LONDON (Wire) — Floodwater swept through the river town of Marlow on Friday. "
    "Residents were moved to the school hall overnight.\n\n"
    "\"We have never seen the river this high,\" said Mayor Ann Pike. "
    "The Environment Agency issued three severe warnings.\n\n"
    "Roads into the town stay closed until Monday. Volunteers handed out sandbags."
)
CREDITED = ORIGIN.replace("three severe warnings", "four severe warnings")
UNCREDITED = ORIGIN.split("\n\n")[0] + "\n\n" + ORIGIN.split("\n\n")[1]
MISCREDITED = UNCREDITED.replace("Floodwater swept", "Water swept") + \
    "\n\nMore pictures at our gallery."
PARTIAL = ("Our view: councils must plan for floods. " + ORIGIN.split("\n\n")[1] +
           "\n\nThe rest of this column is opinion about drainage budgets.")
HOSTILE = ("Breaking " + XSS + "\n\nSecond paragraph with the same payload " + XSS)

IDS = {k: f"{i:016x}" for i, k in enumerate(
    ["origin", "credited", "uncredited", "miscredited", "partial", "hostile", "hostile2",
     "failed", "lonely"], start=0xA0)}


def _at(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def _doc(key, site, title, text, date, *, raw_extra="", credit=None, url=None):
    body = f"{title}\nViews: 1234\n{text}\n{raw_extra}Share on Facebook\n"
    doc_id = IDS[key]
    raw = RawDoc(doc_id=doc_id, source=f"{key}.txt", locator="", kind="text", body=body,
                 url=url or f"https://{site}/news/{key}", site=site, published=date,
                 title=title)
    start = body.index("Views")
    removed = [Removed("Views: 1234", start, start + 11, "counter"),
               Removed("Share on Facebook", *_at(body, "Share on Facebook"), "social")]
    credits = ()
    if credit:
        credits = (Credit(credit, credit, "source", raw_extra.strip(), *_at(body, raw_extra.strip())),)
    quotes, entities, dateline = (), (), None
    if "Mayor Ann Pike" in text:
        s, e = _at(text, "\"We have never seen the river this high,\"")
        quotes = (Quote(text[s:e], "Ann Pike", "direct", s, e),)
        entities = (Entity("Ann Pike", "PERSON", *_at(text, "Ann Pike")),
                    Entity("Environment Agency", "ORG", *_at(text, "Environment Agency")))
    if text.startswith("LONDON"):
        dateline = Dateline("LONDON (Wire) —", "London", "Wire", None, 0, 15)
    if key == "hostile":
        quotes = (Quote("payload", '<img src=x onerror="window.__pwned=1">', "direct",
                        *_at(text, "Second paragraph")),)
        entities = (Entity("Breaking", '"><script>window.__pwned=1</script>', 0, 8),)
    paragraphs, subheads, captions, counters = paragraph_spans(text), (), (), ()
    if key == "lonely":  # structure: a subhead, a caption, a counter
        subheads = (Span(*_at(text, "Why it matters"), "subhead"),)
        captions = (Span(*_at(text, "Photo: the council chamber."), "caption"),)
        counters = (Counter("views", "1234", "Views: 1234", start, start + 11),)
    art = Article(doc_id=doc_id, text=text, site=site, url=raw.url,
                  title=Found(title, "first line", 0, len(title)),
                  byline=Found("Jo Reed", "byline line") if key == "origin" else None,
                  published=Found(date, "input field"), lang="en", dateline=dateline,
                  credits=credits, paragraphs=paragraphs, subheads=subheads,
                  captions=captions, quotes=quotes, entities=entities, counters=counters,
                  removed=tuple(removed), method="text:lines")
    return raw, art


def _align(a, b, ta, tb, passage) -> Alignment:
    sa, ea = _at(ta, passage)
    sb, eb = _at(tb, passage)
    return Alignment(IDS[a], IDS[b], sa, ea, sb, eb, float(len(passage.split())), 1.0)


def build_db(path) -> str:
    """Write the fixture corpus to `path` (a DuckDB file) and return the path."""
    docs = [
        _doc("origin", "wire.example", "Flood hits river town", ORIGIN, "2024-03-01T08:00:00"),
        _doc("credited", "daily.example", "Flood hits river town", CREDITED,
             "2024-03-01T12:00:00", raw_extra="Source: wire.example\n", credit="wire.example"),
        _doc("uncredited", "copycat.example", "River town flooded", UNCREDITED, "2024-03-02"),
        _doc("miscredited", "mirror.example", "Marlow under water", MISCREDITED, "2024-03-03",
             raw_extra="Source: daily.example\n", credit="daily.example"),
        _doc("partial", "blog.example", "Councils must plan for floods", PARTIAL, "2024-03-04"),
        _doc("hostile", "evil.example", "<script>window.__pwned=1</script>Evil " + XSS,
             HOSTILE, "2024-03-05", url="javascript:window.__pwned=1"),
        _doc("hostile2", "copycat.example", "Evil copy " + XSS, HOSTILE, "2024-03-06"),
        _doc("lonely", "wire.example", "Budget vote delayed",
             "The council delayed its budget vote to April.\n\nWhy it matters\n\n"
             "Rates may rise.\n\nPhoto: the council chamber.", "2024-02-01"),
    ]
    failed = RawDoc(IDS["failed"], "broken.html", "", "html", "", site="wire.example",
                    error="broken.html: undecodable bytes (fix: re-fetch)")
    p2 = ORIGIN.split("\n\n")[1]
    aligns = [
        _align("origin", "credited", ORIGIN, CREDITED, ORIGIN.split("\n\n")[0]),
        _align("origin", "uncredited", ORIGIN, UNCREDITED, UNCREDITED),
        _align("uncredited", "miscredited", UNCREDITED, MISCREDITED, p2),
        _align("origin", "partial", ORIGIN, PARTIAL, p2),
        _align("hostile", "hostile2", HOSTILE, HOSTILE, HOSTILE),
    ]
    fam = [Member(IDS[k], "F1", "partial" if k == "partial" else "copy", c) for k, c in
           (("origin", 1.0), ("credited", 1.0), ("uncredited", 1.0),
            ("miscredited", 0.85), ("partial", 0.3))]
    fam += [Member(IDS["hostile"], "F2", "copy", 1.0), Member(IDS["hostile2"], "F2", "copy", 1.0)]
    o = IDS["origin"]
    prov = [
        Provenance(o, "F1", o, "wire.example", None, "origin", 0.9, ("earliest date",)),
        Provenance(IDS["credited"], "F1", o, "wire.example", o, "credited", 0.8,
                   ("credit line names wire.example",)),
        Provenance(IDS["uncredited"], "F1", o, "wire.example", o, "uncredited", 0.7,
                   ("no credit line",)),
        Provenance(IDS["miscredited"], "F1", o, "wire.example", IDS["uncredited"],
                   "miscredited", 0.6, ("credits daily.example, text follows copycat.example",)),
        Provenance(IDS["partial"], "F1", o, "wire.example", o, "uncredited", 0.5,
                   ("shares one paragraph",)),
        Provenance(IDS["hostile"], "F2", IDS["hostile"], "evil.example", None, "origin", 0.9,
                   ("<script>window.__pwned=1</script>",)),
        Provenance(IDS["hostile2"], "F2", IDS["hostile"], "evil.example", IDS["hostile"],
                   "uncredited", 0.9, ("no credit line",)),
    ]
    edits = [
        Edit(IDS["credited"], o, "changed", "four severe warnings", "three severe warnings",
             *_at(CREDITED, "four severe warnings")),
        Edit(IDS["uncredited"], o, "removed", ORIGIN.split("\n\n")[2], None, -1, -1),
        Edit(IDS["hostile2"], IDS["hostile"], "added", XSS, None, 0, 5),
    ]
    con = store.connect(path)
    try:
        rows = [store.document_row(r) for r, _ in docs] + [store.document_row(failed)]
        store.write_batch(con, rows, [store.article_row(a) for _, a in docs], "fixture", 9, True)
        store.replace_table(con, "alignments", store.alignment_rows(aligns))
        store.replace_table(con, "families", store.member_rows(fam))
        store.replace_table(con, "provenance", store.provenance_rows(prov))
        store.replace_table(con, "edits", store.edit_rows(edits))
    finally:
        con.close()
    return str(path)


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    from newstrace.web import queries

    path = build_db(tmp_path_factory.mktemp("web") / "fixture.duckdb")
    c = queries.connect(path)
    yield c
    c.close()


def test_overview_counts_and_share(con):
    from newstrace.web import queries

    data = queries.overview(con)
    assert data["counts"]["documents"] == 9
    assert data["counts"]["failed"] == 1
    assert data["counts"]["families"] == 2
    assert data["counts"]["copies"] == 5
    assert data["share_credited"] == pytest.approx(1 / 5)
    assert data["top_origins"][0] == {"site": "wire.example", "n": 4}
    copiers = {r["site"]: r for r in data["top_copiers"]}
    assert copiers["copycat.example"]["n"] == 2
    assert copiers["mirror.example"]["miscredited"] == 1


def test_family_tree_and_diff(con):
    from newstrace.web import charts, queries

    fam = queries.family(con, "F1")
    assert fam["origin_doc_id"] == IDS["origin"]
    assert len(fam["members"]) == 5
    assert {"parent": IDS["uncredited"], "child": IDS["miscredited"],
            "status": "miscredited"} in fam["edges"]
    tree = charts.tree(fam["members"], fam["origin_outlet"])
    by = {n["doc_id"]: n for n in tree["nodes"]}
    assert tree["virtual"] is None
    assert by[IDS["origin"]]["x"] < by[IDS["uncredited"]]["x"] < by[IDS["miscredited"]]["x"]
    assert len(tree["edges"]) == 4
    cmp = queries.family(con, "F1", IDS["credited"], "parent")["compare"]
    changed = [r for r in cmp["diff"]["rows"] if r["op"] == "changed"]
    assert len(changed) == 1
    assert [s["text"] for s in changed[0]["right"] if s["mark"]] == ["four"]
    assert [s["text"] for s in changed[0]["left"] if s["mark"]] == ["three"]
    cmp = queries.family(con, "F1", IDS["miscredited"], "origin")["compare"]
    assert cmp["other_id"] == IDS["origin"] and cmp["diff"]["stats"]["removed"] >= 2


def test_document_marks_and_passages(con):
    from newstrace.web import docpage

    data = docpage.document(con, IDS["uncredited"])
    others = {p["other"] for p in data["passages"]}
    assert others == {IDS["origin"], IDS["miscredited"]}  # both directions
    assert data["provenance"]["parent_doc_id"] == IDS["origin"]
    assert data["children"][0]["doc_id"] == IDS["miscredited"]
    view = docpage.document_view(docpage.document(con, IDS["origin"]))
    classes = {c for b in view["blocks"] for s in b["segments"] for c in s["cls"].split()}
    assert {"quote", "ent", "ent-person", "dateline", "shared"} <= classes
    removed = [s for s in view["raw"]["segments"] if "removed" in s["cls"]]
    assert [s["text"] for s in removed] == ["Views: 1234", "Share on Facebook"]
    assert removed[0]["notes"] == ["removed: counter"]


def test_search_binds_and_escapes(con):
    from newstrace.web import queries

    hits = queries.search(con, "severe warnings")["results"]
    assert {h["doc_id"] for h in hits} >= {IDS["origin"], IDS["credited"]}
    assert hits[0]["match"].lower() == "severe warnings"
    assert queries.search(con, "%")["results"] == []  # wildcards are literal
    assert queries.search(con, "' OR 1=1 --")["results"] == []
    with pytest.raises(queries.BadRequest):
        queries.search(con, "x" * 500)


def test_unknown_and_malformed_ids(con):
    from newstrace.web import docpage, queries

    for bad in ("nope", "'; DROP TABLE documents; --", "../etc/passwd", ""):
        with pytest.raises(queries.NotFound):
            docpage.document(con, bad)
        with pytest.raises(queries.NotFound):
            queries.family(con, bad)
    assert queries.overview(con)["counts"]["documents"] == 9


def test_outlet_page_data(con):
    from newstrace.web import queries

    data = queries.outlet(con, "copycat.example")
    assert data["copies"] == 2 and data["share_credited"] == 0
    assert data["copies_from"][0]["site"] in ("wire.example", "evil.example")
    wire = queries.outlet(con, "wire.example")
    assert [f["family_id"] for f in wire["originated"]] == ["F1"]
    assert wire["originated"][0]["copies"] == 4
    assert {r["site"] for r in wire["copied_by"]} == {
        "daily.example", "copycat.example", "mirror.example", "blog.example"}


def test_tree_without_origin_and_with_cycle():
    from newstrace.web import charts

    members = [
        {"doc_id": "a", "parent_doc_id": None, "credit_status": "uncredited"},
        {"doc_id": "b", "parent_doc_id": None, "credit_status": "credited"},
        {"doc_id": "c", "parent_doc_id": "a", "credit_status": "uncredited"},
        {"doc_id": "d", "parent_doc_id": "e", "credit_status": "uncredited"},
        {"doc_id": "e", "parent_doc_id": "d", "credit_status": "uncredited"},
    ]
    tree = charts.tree(members, "wire.example")
    assert tree["virtual"]["label"] == "wire.example"
    assert {n["doc_id"] for n in tree["nodes"]} == set("abcde")
    by = {n["doc_id"]: n for n in tree["nodes"]}
    assert len({n["y"] for n in tree["nodes"]}) == 3  # leaves c, b, e: one row each
    assert by["a"]["y"] == by["c"]["y"] and by["a"]["x"] < by["c"]["x"]
    dashed = [e for e in tree["edges"] if e["cls"] == "dashed"]
    assert len(dashed) == 3  # a, b and the cycle's entry hang from the missing origin


def test_diff_folds_long_identical_runs():
    from newstrace.web.diff import diff_texts

    same = " ".join(f"Sentence number {i} is here." for i in range(20))
    d = diff_texts(same + " Old ending.", same + " New ending today.")
    ops = [r["op"] for r in d["rows"]]
    assert ops[0] == "skip" and d["rows"][0]["n"] == 18
    assert ops[-1] == "changed" and d["stats"]["same"] == 20


def test_columns_keep_gaps_and_switch_to_months():
    from newstrace.web import charts

    days = charts.columns([{"day": "2024-03-01", "status": "origin", "n": 1},
                           {"day": "2024-03-04", "status": "credited", "n": 2}])
    assert [c["label"] for c in days["columns"]] == [
        "2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"]
    assert [c["total"] for c in days["columns"]] == [1, 0, 0, 2]
    months = charts.columns([{"day": "2023-11-20", "status": "origin", "n": 1},
                             {"day": "2024-06-01", "status": "uncredited", "n": 3}])
    assert months["unit"] == "month" and len(months["columns"]) == 8
    assert charts.columns([{"day": "not a date", "status": "origin", "n": 1}]) is None


def test_document_structure_blocks(con):
    from newstrace.web import docpage

    data = docpage.document(con, IDS["lonely"])
    view = docpage.document_view(data)
    kinds = [(b["kind"], "".join(s["text"] for s in b["segments"])) for b in view["blocks"]]
    assert kinds == [("paragraph", "The council delayed its budget vote to April."),
                     ("subhead", "Why it matters"), ("paragraph", "Rates may rise."),
                     ("caption", "Photo: the council chamber.")]
    raw = {s["text"]: s["cls"] for s in view["raw"]["segments"]}
    assert raw["Views: 1234"] == "counter removed"
    assert data["provenance"] is None and data["passages"] == []
