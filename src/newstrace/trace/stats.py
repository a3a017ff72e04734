"""Per-outlet figures from provenance rows: who originates, who copies whom, who credits."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..errors import NewstraceError
from ..records import Article, Provenance
from .members import site_of_article
from .outlets import canonical, same_outlet

OUTLET_COLUMNS = ("domain", "name", "country", "type")


class OutletListError(NewstraceError):
    """The user's outlet list cannot be read."""


def read_outlets(path: str | Path) -> list[dict]:
    """A CSV with columns domain, name, country, type (header required; extra columns kept)."""
    p = Path(path)
    try:
        with p.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as e:
        raise OutletListError(f"{p}: cannot read the outlet list ({e}); check the path") from e
    if rows and "domain" not in rows[0]:
        raise OutletListError(f"{p}: no 'domain' column; the header must be "
                              f"{','.join(OUTLET_COLUMNS)}")
    return [{k: (v or "").strip() for k, v in r.items()} for r in rows]


def outlet_stats(provenance: Sequence[Provenance], articles: Mapping[str, Article],
                 outlets: Sequence[dict] | None = None) -> list[dict]:
    """One dict per outlet: documents, families originated, copies made, share credited,
    whom it copies most and who copies it most; joined with `outlets` rows by domain."""
    site = {d: site_of_article(a) or "?" for d, a in articles.items()}
    size = Counter(p.family_id for p in provenance)
    stats: dict[str, dict] = {}

    def row(name: str) -> dict:
        return stats.setdefault(name, {
            "outlet": name, "documents": 0, "families_originated": 0,
            "families_originated_absent": 0, "copies_made": 0, "credited": 0,
            "uncredited": 0, "miscredited": 0, "_from": Counter(), "_by": Counter()})

    for s in site.values():
        row(s)["documents"] += 1
    absent_done: set[str] = set()
    for p in provenance:
        s = site.get(p.doc_id, "?")
        if p.credit_status == "origin":
            if p.family_id is not None and size[p.family_id] > 1:
                row(s)["families_originated"] += 1
            continue
        r = row(s)
        r["copies_made"] += 1
        r[p.credit_status] = r.get(p.credit_status, 0) + 1
        source = site.get(p.parent_doc_id) if p.parent_doc_id else canonical(p.origin_outlet)
        source = source or "?"
        r["_from"][source] += 1
        row(source)["_by"][s] += 1
        story = p.family_id if p.family_id is not None else "doc:" + p.doc_id
        if p.origin_doc_id is None and p.origin_outlet and story not in absent_done:
            absent_done.add(story)
            row(canonical(p.origin_outlet) or "?")["families_originated_absent"] += 1
    out = []
    for r in stats.values():
        copies = r["copies_made"]
        frm, by = r.pop("_from"), r.pop("_by")
        r["share_credited"] = round(r["credited"] / copies, 3) if copies else None
        r["copies_most_from"] = frm.most_common(1)[0][0] if frm else None
        r["copied_most_by"] = by.most_common(1)[0][0] if by else None
        r.update(_join(r["outlet"], outlets))
        out.append(r)
    out.sort(key=lambda r: (-r["documents"], r["outlet"]))
    return out


def _join(name: str, outlets: Sequence[dict] | None) -> dict:
    if not outlets:
        return {}
    for o in outlets:
        if o.get("domain") and same_outlet(o["domain"], name):
            return {k: o.get(k, "") for k in ("name", "country", "type")}
    return {"name": "", "country": "", "type": ""}
