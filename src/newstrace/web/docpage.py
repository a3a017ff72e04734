"""The document page's data: raw record, clean article, shared passages, provenance."""

from __future__ import annotations

from .marks import article_blocks, raw_segments
from .queries import DOCS, NotFound, check_id, loads, one, rows

_JSON_FIELDS = ("dateline", "credits", "paragraphs", "subheads", "captions", "quotes",
                "entities", "counters", "removed", "fields")
PASSAGE_CHARS = 300


def document(con, doc_id: str) -> dict:
    check_id(doc_id)
    doc = one(con, "SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    if doc is None:
        raise NotFound(f"no document {doc_id!r}")
    art = one(con, "SELECT * FROM articles WHERE doc_id = ?", [doc_id])
    if art is not None:
        for k in _JSON_FIELDS:
            art[k] = loads(art[k], {} if k == "fields" else None)
    shared = passages(con, doc_id)
    prov = provenance(con, doc_id)
    return {
        "doc_id": doc_id,
        "document": doc,
        "article": art,
        "passages": shared,
        "provenance": prov,
        "families": rows(con, "SELECT family_id, role, coverage FROM families "
                              "WHERE doc_id = ? ORDER BY family_id", [doc_id]),
        "edits": rows(con, """SELECT parent_doc_id, op, text, parent_text, start, "end"
                              FROM edits WHERE doc_id = ? ORDER BY start""", [doc_id]),
        "children": rows(con, DOCS + """
            SELECT p.doc_id, p.credit_status, d.site, d.title, d.date
            FROM provenance p JOIN docs d USING (doc_id)
            WHERE p.parent_doc_id = ? ORDER BY d.date, p.doc_id""", [doc_id]),
    }


def passages(con, doc_id: str) -> list[dict]:
    """Passages shared with other documents, seen from this one (both directions)."""
    return rows(con, DOCS + """
        , pairs AS (
          SELECT b AS other, a_start AS start, a_end AS "end", b_start AS other_start,
                 b_end AS other_end, score, identity FROM alignments WHERE a = ?
          UNION ALL
          SELECT a, b_start, b_end, a_start, a_end, score, identity
          FROM alignments WHERE b = ?)
        SELECT x.other, x.start, x."end", x.other_start, x.other_end, x.score, x.identity,
               d.site AS other_site, d.title AS other_title, d.date AS other_date,
               substr(me.text, x.start + 1, least(x."end" - x.start, ?)) AS text,
               substr(o.text, x.other_start + 1,
                      least(x.other_end - x.other_start, ?)) AS other_text
        FROM pairs x LEFT JOIN docs d ON d.doc_id = x.other
        LEFT JOIN articles o ON o.doc_id = x.other
        LEFT JOIN articles me ON me.doc_id = ?
        ORDER BY x.start, x.other""",
                [doc_id, doc_id, PASSAGE_CHARS, PASSAGE_CHARS, doc_id])


def provenance(con, doc_id: str) -> dict | None:
    prov = one(con, DOCS + """
        SELECT p.*, o.site AS origin_site, o.title AS origin_title,
               pa.site AS parent_site, pa.title AS parent_title
        FROM provenance p LEFT JOIN docs o ON o.doc_id = p.origin_doc_id
        LEFT JOIN docs pa ON pa.doc_id = p.parent_doc_id
        WHERE p.doc_id = ?""", [doc_id])
    if prov is not None:
        prov["evidence"] = loads(prov["evidence"], [])
    return prov


def document_view(data: dict) -> dict:
    """What the template needs beyond the data: marked blocks of text and raw body."""
    art = data["article"] or {}
    shared = [{"start": p["start"], "end": p["end"],
               "note": f"shared with {p['other_site'] or p['other']}"} for p in data["passages"]]
    return {
        "blocks": article_blocks(art, shared) if art else [],
        "raw": raw_segments(data["document"].get("body") or "", art),
    }
