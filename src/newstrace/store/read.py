"""Read records back from the database."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..records import Alignment, Article, Edit, Member, Provenance, from_dict

_JSON = ("dateline", "credits", "paragraphs", "subheads", "captions", "quotes",
         "entities", "counters", "removed")


def article_from_row(row: dict) -> Article:
    data = {k: row[k] for k in ("doc_id", "site", "url", "lang", "text", "method")}
    for key in _JSON:
        value = row.get(key)
        data[key] = json.loads(value) if value else ([] if key != "dateline" else None)
    data.update(json.loads(row.get("fields") or "{}"))
    return from_dict(Article, data)


def load_articles(con, doc_ids: Iterable[str] | None = None) -> dict[str, Article]:
    """Articles by doc_id (all, or those named)."""
    sql = "SELECT * FROM articles"
    params: list = []
    if doc_ids is not None:
        sql += " WHERE doc_id IN (SELECT unnest(?))"
        params = [list(doc_ids)]
    cur = con.execute(sql + " ORDER BY doc_id", params)
    cols = [d[0] for d in cur.description]
    out = {}
    while batch := cur.fetchmany(2000):
        for r in batch:
            a = article_from_row(dict(zip(cols, r, strict=True)))
            out[a.doc_id] = a
    return out


def load_members(con) -> list[Member]:
    rows = con.execute("SELECT doc_id, family_id, role, coverage FROM families "
                       "ORDER BY family_id, doc_id").fetchall()
    return [Member(*r) for r in rows]


def load_alignments(con) -> list[Alignment]:
    return [Alignment(*r) for r in
            con.execute("SELECT * FROM alignments ORDER BY a, b, a_start").fetchall()]


def load_provenance(con) -> list[Provenance]:
    rows = con.execute("SELECT doc_id, family_id, origin_doc_id, origin_outlet, parent_doc_id, "
                       "credit_status, confidence FROM provenance ORDER BY doc_id").fetchall()
    return [Provenance(*r) for r in rows]


def load_edits(con) -> list[Edit]:
    rows = con.execute('SELECT doc_id, parent_doc_id, op, text, parent_text, start, "end" '
                       "FROM edits").fetchall()
    return [Edit(*r) for r in rows]
