"""The corpus-wide stages: site templates, reuse and provenance.

Each records the digest of its input; a re-run with the same input is a no-op,
and a killed one is redone whole (its output is swapped in one transaction).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict

from ..ingest import read_path
from ..settings import Settings
from ..store import db as store
from ..store.read import load_alignments, load_articles, load_members

log = logging.getLogger(__name__)

SITE_SAMPLE = 300  # pages per site looked at for template lines


def _stage_done(con, name: str, digest: str) -> bool:
    row = con.execute("SELECT input_digest FROM stages WHERE name = ?", [name]).fetchone()
    return bool(row) and row[0] == digest


def _mark(con, name: str, digest: str, rows: int) -> None:
    con.execute("INSERT OR REPLACE INTO stages VALUES (?, ?, ?)", [name, digest, rows])


def _digest(*parts) -> str:
    return hashlib.sha1(json.dumps(parts, default=str).encode()).hexdigest()


def site_lines_table(files: list[str], settings: Settings) -> dict[str, list[int]]:
    """Site -> sorted line keys, from the first SITE_SAMPLE text pages of each site."""
    from ..clean.text import common_site_lines

    texts: dict[str, list[str]] = defaultdict(list)
    for path in files:
        for raw in read_path(path, settings.max_bytes):
            if raw.kind == "text" and raw.site and not raw.error:
                if len(texts[raw.site]) < SITE_SAMPLE:
                    texts[raw.site].append(raw.body)
    return {site: sorted(common_site_lines(t)) for site, t in texts.items() if len(t) >= 3}


def site_lines_stage(con, files: list[str], settings: Settings, compute=site_lines_table):
    """Per site, the keys of text lines that recur across many of its pages.

    `compute(files, settings)` makes the table (another executor passes its own).
    """
    digest = _digest(files)
    if not _stage_done(con, "site_lines", digest):
        table = compute(files, settings)

        def fill(con) -> int:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('site_lines', ?)", [json.dumps(table)])
            return sum(len(v) for v in table.values())

        write_stage(con, "site_lines", digest, fill)
    row = con.execute("SELECT value FROM meta WHERE key = 'site_lines'").fetchone()
    table = json.loads(row[0]) if row else {}
    return tuple((site, frozenset(keys)) for site, keys in sorted(table.items()) if keys)


def _articles_digest(con, extra) -> str:
    row = con.execute(
        "SELECT count(*), md5(coalesce(string_agg(doc_id || ':' || md5(text), ',' "
        "ORDER BY doc_id), '')) FROM articles"
    ).fetchone()
    return _digest(row, extra)


def reuse_options(settings: Settings):
    """The ReuseOptions a run uses (defaults plus the run's settings)."""
    from ..reuse import ReuseOptions

    options = ReuseOptions()
    if settings.min_passage_tokens:
        from dataclasses import replace

        options = replace(options, min_passage_tokens=settings.min_passage_tokens)
    return options


def reuse_pending(con, options) -> str | None:
    """The digest of the reuse stage's input, or None when its output is up to date."""
    digest = _articles_digest(con, repr(options))
    return None if _stage_done(con, "reuse", digest) else digest


def write_reuse(con, digest: str, alignments, members) -> int:
    """Swap in the reuse output and mark the stage done, in one transaction."""
    def fill(con) -> int:
        store.replace_table(con, "alignments", store.alignment_rows(alignments))
        return store.replace_table(con, "families", store.member_rows(members))

    return write_stage(con, "reuse", digest, fill)


def reuse_stage(con, settings: Settings, on_progress=None) -> None:
    from ..reuse import find_reuse

    options = reuse_options(settings)
    digest = reuse_pending(con, options)
    if digest is None:
        return
    docs = con.execute("SELECT doc_id, text FROM articles ORDER BY doc_id").fetchall()
    if on_progress:
        on_progress("reuse", 0, len(docs))
    result = find_reuse(docs, options)
    write_reuse(con, digest, result.alignments, result.members)
    if on_progress:
        on_progress("reuse", len(docs), len(docs))


def _after(con, previous: str) -> str:
    """The input digest of a stage that reads only what `previous` wrote."""
    row = con.execute("SELECT input_digest FROM stages WHERE name = ?", [previous]).fetchone()
    return _digest(row[0] if row else None)


def trace_pending(con) -> str | None:
    """The digest of the trace stage's input, or None when its output is up to date."""
    digest = _after(con, "reuse")
    return None if _stage_done(con, "trace", digest) else digest


def write_stage(con, name: str, digest: str, fill) -> int:
    """Swap in a stage's output (`fill(con)` writes its tables and returns the rows to
    record) and mark the stage done, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        n = fill(con)
        _mark(con, name, digest, n)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return n


def trace_stage(con, settings: Settings, on_progress=None) -> None:
    from ..trace import trace_families

    digest = trace_pending(con)
    if digest is None:
        return
    members = load_members(con)
    alignments = load_alignments(con)
    articles = load_articles(con)
    provenance, edits = trace_families(articles, members, alignments)

    def fill(con) -> int:
        store.replace_table(con, "edits", store.edit_rows(edits))
        return store.replace_table(con, "provenance", store.provenance_rows(provenance))

    n = write_stage(con, "trace", digest, fill)
    if on_progress:
        on_progress("trace", n, n)


def networks_pending(con) -> str | None:
    """The digest of the networks stage's input, or None when its output is up to date."""
    digest = _after(con, "trace")
    return None if _stage_done(con, "networks", digest) else digest


def networks_stage(con, settings: Settings, on_progress=None) -> None:
    """Outlet networks and the attribution audit, from the traced families."""
    from ..networks import audit_stage
    from ..networks import networks_stage as find

    digest = networks_pending(con)
    if digest is None:
        return
    articles = load_articles(con)
    n = find(con, articles=articles)
    audit_stage(con, articles)
    _mark(con, "networks", digest, n)
    if on_progress:
        on_progress("network", n, n)


__all__ = ["site_lines_stage", "site_lines_table", "reuse_stage", "reuse_options",
           "reuse_pending", "write_reuse", "trace_pending", "write_stage", "trace_stage",
           "networks_pending", "networks_stage"]
