"""Read-only queries behind the web UI and the report: plain dicts, JSON-ready.

Every value from the URL reaches DuckDB as a bound parameter; ids are checked
against `ID_RE` first. Nested fields are stored as JSON text and decoded here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import NewstraceError
from .diff import diff_texts

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}")
MAX_QUERY = 200

# One row per document with the fields pages show (article fields win).
DOCS = """
WITH docs AS (
  SELECT d.doc_id, coalesce(a.site, d.site) AS site, coalesce(a.url, d.url) AS url,
         coalesce(a.title, d.title, '(untitled) ' || substr(a.text, 1, 60) || '…') AS title,
         coalesce(a.published, d.published, d.fetched_at) AS date,
         d.status, a.chars
  FROM documents d LEFT JOIN articles a USING (doc_id))
"""


class NotFound(NewstraceError, LookupError):
    """The page asked for an id that is not in the database."""


class BadRequest(NewstraceError, ValueError):
    """A malformed parameter (bad id, overlong query)."""


class Busy(NewstraceError):
    """The database file is locked by a writer (a pipeline run)."""


def connect(db_path: str | Path):
    """Open the corpus database read-only."""
    import duckdb

    path = Path(db_path)
    if not path.is_file():
        raise NotFound(f"no database at {path}: run the pipeline first or pass --db")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        raise Busy(f"cannot read {path} now ({exc}); wait for the running pipeline "
                   "to finish and reload") from exc


def check_id(value: str) -> str:
    """An id from a URL, or NotFound when it cannot be one."""
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        raise NotFound(f"no such id: {value[:60]!r}")
    return value


def rows(con, sql: str, params: list | tuple = ()) -> list[dict]:
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def one(con, sql: str, params: list | tuple = ()) -> dict | None:
    found = rows(con, sql, params)
    return found[0] if found else None


def loads(text: str | None, default=None):
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def scalar(con, sql: str) -> int:
    return con.execute(sql).fetchone()[0] or 0


# --- overview -------------------------------------------------------------

def overview(con) -> dict:
    counts = {
        "documents": scalar(con, "SELECT count(*) FROM documents"),
        "failed": scalar(con, "SELECT count(*) FROM documents WHERE status = 'failed'"),
        "articles": scalar(con, "SELECT count(*) FROM articles"),
        "sites": scalar(con, "SELECT count(DISTINCT site) FROM articles"),
        "alignments": scalar(con, "SELECT count(*) FROM alignments"),
        "families": scalar(con, "SELECT count(DISTINCT family_id) FROM families"),
        "members": scalar(con, "SELECT count(*) FROM families"),
    }
    status = {r["credit_status"]: r["n"] for r in rows(
        con, "SELECT credit_status, count(*) AS n FROM provenance GROUP BY 1")}
    copies = sum(n for s, n in status.items() if s != "origin")
    counts["copies"] = copies
    return {
        "counts": counts,
        "status": status,
        "share_credited": status.get("credited", 0) / copies if copies else None,
        "by_date": rows(con, DOCS + """
            SELECT substr(d.date, 1, 10) AS day, p.credit_status AS status, count(*) AS n
            FROM provenance p JOIN docs d USING (doc_id)
            WHERE d.date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"""),
        "top_origins": rows(con, DOCS + """
            SELECT coalesce(o.site, p.origin_outlet, '(unknown)') AS site, count(*) AS n
            FROM provenance p LEFT JOIN docs o ON o.doc_id = p.origin_doc_id
            WHERE p.credit_status <> 'origin' GROUP BY 1 ORDER BY n DESC, site LIMIT 10"""),
        "top_copiers": rows(con, DOCS + """
            SELECT coalesce(d.site, '(unknown)') AS site, count(*) AS n,
                   count(*) FILTER (WHERE p.credit_status = 'credited') AS credited,
                   count(*) FILTER (WHERE p.credit_status = 'uncredited') AS uncredited,
                   count(*) FILTER (WHERE p.credit_status = 'miscredited') AS miscredited
            FROM provenance p JOIN docs d USING (doc_id)
            WHERE p.credit_status <> 'origin' GROUP BY 1 ORDER BY n DESC, site LIMIT 10"""),
        "families": families_list(con, limit=20)["families"],
    }


def families_list(con, limit: int = 1000) -> dict:
    fams = rows(con, DOCS + """
        SELECT f.family_id, count(*) AS size,
               count(*) FILTER (WHERE f.role = 'partial') AS partial,
               any_value(p.origin_doc_id) AS origin_doc_id,
               any_value(p.origin_outlet) AS origin_outlet,
               any_value(o.title) AS title, any_value(o.site) AS origin_site,
               min(d.date) AS first, max(d.date) AS last,
               count(*) FILTER (WHERE p.credit_status = 'credited') AS credited,
               count(*) FILTER (WHERE p.credit_status = 'uncredited') AS uncredited,
               count(*) FILTER (WHERE p.credit_status = 'miscredited') AS miscredited
        FROM families f
        LEFT JOIN provenance p ON p.doc_id = f.doc_id AND p.family_id = f.family_id
        LEFT JOIN docs d ON d.doc_id = f.doc_id
        LEFT JOIN docs o ON o.doc_id = p.origin_doc_id
        GROUP BY f.family_id ORDER BY size DESC, f.family_id LIMIT ?""", [limit])
    return {"families": fams}


# --- family ---------------------------------------------------------------

def family(con, fid: str, member: str | None = None, against: str = "parent") -> dict:
    """A family: members, copy tree edges, edits and one diff (member vs parent/origin)."""
    check_id(fid)
    members = rows(con, DOCS + """
        SELECT f.doc_id, f.role, f.coverage, d.site, d.title, d.date, d.url,
               p.origin_doc_id, p.origin_outlet, p.parent_doc_id, p.credit_status,
               p.confidence, p.evidence
        FROM families f LEFT JOIN docs d USING (doc_id)
        LEFT JOIN provenance p ON p.doc_id = f.doc_id AND p.family_id = f.family_id
        WHERE f.family_id = ? ORDER BY d.date NULLS LAST, f.doc_id""", [fid])
    if not members:
        raise NotFound(f"no family {fid!r}")
    for m in members:
        m["evidence"] = loads(m["evidence"], [])
    ids = [m["doc_id"] for m in members]
    origin = next((m["origin_doc_id"] for m in members if m["origin_doc_id"]), None)
    outlet = next((m["origin_outlet"] for m in members if m["origin_outlet"]), None)
    edits = rows(con, """SELECT doc_id, parent_doc_id, op, text, parent_text, start, "end"
                         FROM edits WHERE doc_id IN (SELECT unnest(?))
                         ORDER BY doc_id, start""", [ids])
    # pages in no family that quote a member and credit its site (trace/attach.py)
    quoted = rows(con, DOCS + """
        SELECT p.doc_id, d.site, d.title, d.date, p.parent_doc_id, p.credit_status,
               p.confidence, p.evidence
        FROM provenance p JOIN docs d USING (doc_id)
        WHERE p.family_id IS NULL AND p.parent_doc_id IN (SELECT unnest(?))
        ORDER BY d.date NULLS LAST, p.doc_id""", [ids])
    for q in quoted:
        q["evidence"] = loads(q["evidence"], [])
    return {
        "family_id": fid,
        "origin_doc_id": origin,
        "origin_outlet": outlet,
        "kind": "partial reuse" if all(m["role"] == "partial" for m in members
                                       if m["doc_id"] != origin) else "full copy",
        "members": members,
        "edges": [{"parent": m["parent_doc_id"], "child": m["doc_id"],
                   "status": m["credit_status"]} for m in members if m["parent_doc_id"]],
        "edits": edits,
        "quoted_by": quoted,
        "compare": _compare(con, members, origin, member, against),
    }


def compare(con, fid: str, member: str, against: str = "parent") -> dict:
    """One member of a family against its parent or the family's origin."""
    check_id(fid)
    members = rows(con, DOCS + """
        SELECT f.doc_id, d.site, d.title, d.date, p.parent_doc_id, p.origin_doc_id,
               p.credit_status
        FROM families f LEFT JOIN docs d USING (doc_id)
        LEFT JOIN provenance p ON p.doc_id = f.doc_id AND p.family_id = f.family_id
        WHERE f.family_id = ? ORDER BY d.date NULLS LAST, f.doc_id""", [fid])
    if not members:
        raise NotFound(f"no family {fid!r}")
    if not member:
        raise BadRequest("say which member to compare: ?member=DOC_ID")
    origin = next((m["origin_doc_id"] for m in members if m["origin_doc_id"]), None)
    cmp = _compare(con, members, origin, member, against)
    both = (cmp["doc_id"], cmp["other_id"])
    return {"family_id": fid, "members": [m for m in members if m["doc_id"] in both],
            "compare": cmp}


def _compare(con, members: list[dict], origin: str | None, member: str | None,
             against: str) -> dict | None:
    if against not in ("parent", "origin"):
        raise BadRequest("against must be 'parent' or 'origin'")
    by_id = {m["doc_id"]: m for m in members}
    if member is None:
        member = next((m["doc_id"] for m in members if m["parent_doc_id"]), None)
        if member is None:
            return None
    elif check_id(member) not in by_id:
        raise NotFound(f"{member!r} is not a member of this family")
    other = by_id[member]["parent_doc_id"] if against == "parent" else origin
    if not other or other == member:
        return {"doc_id": member, "against": against, "other_id": None, "diff": None}
    texts = {r["doc_id"]: r["text"] or "" for r in rows(
        con, "SELECT doc_id, text FROM articles WHERE doc_id IN (?, ?)", [member, other])}
    return {"doc_id": member, "against": against, "other_id": other,
            "diff": diff_texts(texts.get(other, ""), texts.get(member, ""))}


# --- outlets and search -----------------------------------------------------

def outlets_list(con) -> dict:
    return {"outlets": rows(con, DOCS + """
        SELECT d.site, count(*) AS documents,
               count(p.doc_id) FILTER (WHERE p.credit_status = 'origin') AS originated,
               count(p.doc_id) FILTER (WHERE p.credit_status <> 'origin') AS copies,
               count(p.doc_id) FILTER (WHERE p.credit_status = 'credited') AS credited
        FROM docs d LEFT JOIN provenance p USING (doc_id)
        WHERE d.site IS NOT NULL GROUP BY 1 ORDER BY documents DESC, site""")}


def networks_list(con) -> dict:
    """Outlet networks with their members, scores and evidence (empty before the stage)."""
    has = scalar(con, "SELECT count(*) FROM information_schema.tables "
                      "WHERE table_name = 'networks'")
    if not has:
        return {"networks": []}
    out: dict[str, dict] = {}
    for r in rows(con, "SELECT network, outlet, score, evidence FROM networks "
                       "ORDER BY network, score DESC, outlet"):
        net = out.setdefault(r["network"], {"network": r["network"], "outlets": [],
                                            "evidence": []})
        net["outlets"].append({"site": r["outlet"], "score": r["score"]})
        if not net["evidence"] and r["evidence"]:
            net["evidence"] = json.loads(r["evidence"])
    return {"networks": list(out.values())}


def outlet(con, site: str) -> dict:
    if not site or len(site) > MAX_QUERY:
        raise NotFound("no such outlet")
    docs = rows(con, DOCS + """
        SELECT d.doc_id, d.title, d.date, d.status, p.family_id, p.credit_status
        FROM docs d LEFT JOIN provenance p USING (doc_id)
        WHERE d.site = ? ORDER BY d.date DESC NULLS LAST, d.doc_id""", [site])
    if not docs:
        raise NotFound(f"no outlet {site!r}")
    copies = [d for d in docs if d["credit_status"] not in (None, "origin")]
    credited = sum(d["credit_status"] == "credited" for d in copies)
    return {
        "site": site,
        "documents": docs,
        "originated": rows(con, DOCS + """
            SELECT p.family_id, p.doc_id, d.title,
                   (SELECT count(*) FROM provenance c WHERE c.family_id = p.family_id
                      AND c.credit_status <> 'origin') AS copies
            FROM provenance p JOIN docs d USING (doc_id)
            WHERE d.site = ? AND p.credit_status = 'origin' ORDER BY copies DESC""", [site]),
        "copies": len(copies),
        "share_credited": credited / len(copies) if copies else None,
        "copies_from": rows(con, DOCS + """
            SELECT coalesce(o.site, p.origin_outlet, '(unknown)') AS site, count(*) AS n,
                   count(*) FILTER (WHERE p.credit_status = 'credited') AS credited
            FROM provenance p JOIN docs d USING (doc_id)
            LEFT JOIN docs o ON o.doc_id = p.origin_doc_id
            WHERE d.site = ? AND p.credit_status <> 'origin'
            GROUP BY 1 ORDER BY n DESC, site LIMIT 20""", [site]),
        "copied_by": rows(con, DOCS + """
            SELECT d.site, count(*) AS n,
                   count(*) FILTER (WHERE p.credit_status = 'credited') AS credited
            FROM provenance p JOIN docs d USING (doc_id)
            JOIN docs o ON o.doc_id = p.origin_doc_id
            WHERE o.site = ? AND p.credit_status <> 'origin'
            GROUP BY 1 ORDER BY n DESC, d.site LIMIT 20""", [site]),
    }


def documents_list(con, limit: int = 500, offset: int = 0) -> dict:
    return {"documents": rows(con, DOCS + """
        SELECT d.doc_id, d.site, d.title, d.date, d.status, d.chars, p.family_id,
               p.credit_status FROM docs d LEFT JOIN provenance p USING (doc_id)
        ORDER BY d.site NULLS LAST, d.date, d.doc_id LIMIT ? OFFSET ?""", [limit, offset]),
        "total": scalar(con, "SELECT count(*) FROM documents"),
        "limit": limit, "offset": offset}


def search(con, q: str, limit: int = 50) -> dict:
    """Titles and clean text containing `q` (case-insensitive, no wildcards)."""
    q = (q or "").strip()
    if len(q) > MAX_QUERY:
        raise BadRequest(f"query longer than {MAX_QUERY} characters")
    if not q:
        return {"q": "", "results": [], "limit": limit}
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", q) + "%"
    found = rows(con, DOCS + """
        SELECT d.doc_id, d.site, d.title, d.date, a.text,
               coalesce(d.title ILIKE ? ESCAPE '\\', false) AS in_title
        FROM docs d LEFT JOIN articles a USING (doc_id)
        WHERE d.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\'
        ORDER BY in_title DESC, d.date DESC NULLS LAST, d.doc_id LIMIT ?""",
                 [pattern, pattern, pattern, limit])
    for r in found:
        r.update(snippet(r.pop("text") or "", q))
    return {"q": q, "results": found, "limit": limit}


def snippet(text: str, q: str, width: int = 90) -> dict:
    at = text.lower().find(q.lower())
    if at < 0:
        return {"before": text[: 2 * width], "match": "", "after": ""}
    lo = max(0, at - width)
    end = at + len(q)
    return {"before": ("…" if lo else "") + text[lo:at], "match": text[at:end],
            "after": text[end:end + width] + ("…" if end + width < len(text) else "")}
