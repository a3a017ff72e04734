"""Database layer: the `networks` and `audit` tables, and rows to print.

The engine calls `networks_stage(con)` and `audit_stage(con)` after the trace
stage; each replaces its table whole and returns the number of rows.
"""

from __future__ import annotations

import json
import logging

from ..store.db import replace_table
from ..store.read import load_articles, load_edits, load_provenance
from .audit import audit_copy, site_footers
from .group import NetworkOptions, NetworkRow, find_networks
from .profiles import build_profiles

log = logging.getLogger(__name__)

NETWORKS_COLUMNS = "network VARCHAR, outlet VARCHAR, score DOUBLE, evidence VARCHAR"
AUDIT_COLUMNS = ("doc_id VARCHAR, origin_doc_id VARCHAR, field VARCHAR, finding VARCHAR, "
                 "detail VARCHAR")


def _has(con, table: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [table]).fetchone()[0])


def _replace(con, table: str, columns: str, rows: list[tuple]) -> int:
    con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
    con.execute("BEGIN TRANSACTION")
    replace_table(con, table, rows)
    con.execute("COMMIT")
    return len(rows)


def networks_stage(con, options: NetworkOptions | None = None, articles=None) -> int:
    """Profile every outlet, group them into networks, write `networks`; returns rows.

    `articles` (doc_id -> Article) saves a second read when the caller has them."""
    articles = load_articles(con) if articles is None else articles
    profiles = build_profiles(articles.values(), load_provenance(con), load_edits(con))
    rows = find_networks(profiles, options)
    log.info("networks: %d outlets in %d networks", len(rows), len({r.network for r in rows}))
    return _replace(con, "networks", NETWORKS_COLUMNS,
                    [(r.network, r.outlet, r.score, json.dumps(list(r.evidence))) for r in rows])


def audit_stage(con, articles=None) -> int:
    """Audit every copy whose origin is in the corpus; writes `audit`; returns rows."""
    prov = [p for p in load_provenance(con)
            if p.origin_doc_id and p.origin_doc_id != p.doc_id and p.credit_status != "origin"]
    arts = (load_articles(con) if articles is None else articles) if prov else {}
    footers = site_footers(arts.values())  # each site's own copyright lines are no credit
    rows = []
    for p in prov:
        copy, origin = arts.get(p.doc_id), arts.get(p.origin_doc_id)
        if copy is None or origin is None:
            continue
        for f in audit_copy(copy, origin, footers.get(copy.site or "", frozenset())):
            rows.append((p.doc_id, p.origin_doc_id, f.field, f.finding, f.detail))
    return _replace(con, "audit", AUDIT_COLUMNS, rows)


def network_rows(con) -> list[dict]:
    """The `networks` table for printing: one dict per network (members, evidence)."""
    if not _has(con, "networks"):
        return []
    out: dict[str, dict] = {}
    for net, outlet, score, evidence in con.execute(
            "SELECT * FROM networks ORDER BY network, outlet").fetchall():
        row = out.setdefault(net, {"network": net, "outlets": [], "evidence": json.loads(evidence)[:-1]})
        row["outlets"].append({"outlet": outlet, "score": score})
    return sorted(out.values(), key=lambda r: (-len(r["outlets"]), r["network"]))


def outlet_profiles(con) -> list[dict]:
    """Every outlet's fingerprint (template lines, credit forms, sources, delays, reach)."""
    from .profiles import profile_row

    profiles = build_profiles(load_articles(con).values(), load_provenance(con), load_edits(con))
    return [profile_row(p) for _, p in sorted(profiles.items())]


def format_networks(rows: list[dict]) -> str:
    """`network_rows` as plain text."""
    if not rows:
        return "No outlet networks found."
    lines = []
    for r in rows:
        lines.append(f"{r['network']}: {len(r['outlets'])} sites: "
                     + ", ".join(o["outlet"] for o in r["outlets"]))
        lines += [f"  - {e}" for e in r["evidence"]]
    return "\n".join(lines)


__all__ = ["NetworkRow", "audit_stage", "format_networks",
           "network_rows", "networks_stage", "outlet_profiles"]
