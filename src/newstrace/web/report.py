"""A static HTML report of the UI's pages: opens from disk, relative links only."""

from __future__ import annotations

import logging
from pathlib import Path

from . import queries
from .render import Links, Renderer, fetch, file_name, to_json

log = logging.getLogger(__name__)


def write_report(db_path: str | Path, out_dir: str | Path,
                 max_families: int | None = None) -> Path:
    """Write overview, families, documents and outlets pages (+ .json twins) to
    `out_dir`; returns the path of `index.html`.

    `max_families` caps the size: only the largest families and their members'
    document pages are written; links to anything else lead to one page that
    says so (open the database with `newstrace serve` to see it all)."""
    out = Path(out_dir)
    renderer = Renderer()
    con = queries.connect(db_path)
    try:
        fids, doc_ids, written = _selection(con, max_families)
        writer = _Writer(con, renderer, out, written)
        for name in ("index", "families", "outlets", "networks"):
            writer.page(name)
        total = queries.scalar(con, "SELECT count(*) FROM documents")
        writer.page("documents", limit=total if written is None else min(total, _LIST_CAP),
                    offset=0)
        for fid in fids:
            writer.family(fid)
        for doc_id in doc_ids:
            writer.page("doc", doc_id)
        for (site,) in con.execute(queries.DOCS + "SELECT DISTINCT site FROM docs "
                                   "WHERE site IS NOT NULL ORDER BY 1").fetchall():
            writer.page("outlet", site)
        if written is not None:
            writer.page("not-in-report", data={
                "status": "Not in this report",
                "message": f"This report holds the {len(fids)} largest families and their "
                           "documents only (written with --max-families). Open the "
                           "database with `newstrace serve` to see everything."})
    finally:
        con.close()
    log.info("report: %d pages in %s", writer.count, out)
    return out / "index.html"


_LIST_CAP = 5000  # rows on the documents page of a capped report


def _selection(con, max_families: int | None) -> tuple[list, list, frozenset | None]:
    """Family ids and doc ids to write, and the set of written pages (None = all)."""
    if max_families is None:
        fids = [r[0] for r in con.execute(
            "SELECT DISTINCT family_id FROM families ORDER BY 1").fetchall()]
        docs = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall()]
        return fids, docs, None
    if max_families < 0:
        raise ValueError("max_families must be >= 0")
    fids = [r[0] for r in con.execute(
        "SELECT family_id FROM families GROUP BY family_id "
        "ORDER BY count(*) DESC, family_id LIMIT ?", [max_families]).fetchall()]
    docs = sorted({r[0] for r in con.execute(
        "SELECT DISTINCT doc_id FROM families WHERE list_contains(?, family_id)",
        [fids]).fetchall()}) if fids else []
    written = frozenset([("family", f) for f in fids] + [("doc", d) for d in docs])
    return fids, docs, written


class _Writer:
    def __init__(self, con, renderer: Renderer, out: Path,
                 written: frozenset | None = None) -> None:
        self.con, self.renderer, self.out, self.written = con, renderer, out, written
        self.count = 0

    def page(self, name: str, key: str | None = None, data: dict | None = None,
             **params) -> None:
        if key is not None and name != "outlet":
            queries.check_id(key)
        if data is None:
            data = fetch(self.con, name, key, **params)
        query = {k: v for k, v in params.items() if k in ("member", "against") and v}
        links = Links(static=True, depth=0 if key is None else 1, written=self.written)
        here = Links(static=True, depth=0)(name, key, **query)
        target = self.out / here
        target.parent.mkdir(parents=True, exist_ok=True)
        json_href = links(name, key, json_twin=True, **query)
        template = "error" if name == "not-in-report" else name
        target.write_text(self.renderer.page(template, data, links, json_href=json_href,
                                             meta_csp=True), encoding="utf-8")
        target.with_suffix(".json").write_text(to_json(data), encoding="utf-8")
        self.count += 1
        if self.count % 500 == 0:
            log.info("report: %d pages written", self.count)

    def family(self, fid: str) -> None:
        data = fetch(self.con, "family", fid)
        self.page("family", fid, data=data)
        for m in data["members"]:
            if m["parent_doc_id"]:
                self.page("compare", fid, member=m["doc_id"], against="parent")
            if data["origin_doc_id"] and m["doc_id"] != data["origin_doc_id"] \
                    and m["parent_doc_id"] != data["origin_doc_id"]:
                self.page("compare", fid, member=m["doc_id"], against="origin")


__all__ = ["write_report", "file_name"]
