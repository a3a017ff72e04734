"""The built-in demo corpus and plain-text views of results."""

from __future__ import annotations

import json
from pathlib import Path


def write_demo(out_dir: str | Path, seed: int = 7) -> Path:
    """Write the simulator's demo corpus as one JSONL file; returns its path."""
    from .simulate import demo_corpus

    corpus = demo_corpus(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "demo.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for d in corpus.docs:
            row = {"id": d.doc_id, "url": d.url, "site": d.site, "published": d.published,
                   "text": d.text}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    truth = {k: _plain(v) for k, v in corpus.truth.items()}
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return path


def _plain(record) -> dict:
    from dataclasses import asdict

    return asdict(record)


def describe(corpus) -> str:
    """A few lines on the biggest families: origin, copies, credit."""
    rows = corpus.sql(
        """SELECT p.family_id, count(*) AS members,
                  any_value(p.origin_outlet) AS origin_outlet,
                  count(*) FILTER (WHERE p.origin_doc_id IS NULL) AS outside,
                  count(*) FILTER (WHERE p.credit_status = 'credited') AS credited,
                  count(*) FILTER (WHERE p.credit_status = 'uncredited') AS uncredited,
                  count(*) FILTER (WHERE p.credit_status = 'miscredited') AS miscredited
           FROM provenance p WHERE p.family_id IS NOT NULL
           GROUP BY p.family_id ORDER BY members DESC, p.family_id LIMIT 8"""
    )
    lines = ["", "Largest reprint families:"]
    for r in rows:
        where = "origin outside the corpus" if r["outside"] == r["members"] else "origin in corpus"
        lines.append(
            f"  {r['family_id']}: {r['members']} documents, origin {r['origin_outlet']} "
            f"({where}); copies credited {r['credited']}, uncredited {r['uncredited']}, "
            f"miscredited {r['miscredited']}"
        )
    lines.append("")
    lines.append("Next: newstrace show DOC_ID --db DB | newstrace serve --db DB | "
                 "newstrace export provenance --db DB -o prov.csv")
    return "\n".join(lines)


def format_document(doc: dict) -> str:
    """`newstrace show` as text."""
    art = doc.get("article") or {}
    prov = doc.get("provenance") or {}
    out = [f"{doc['doc_id']}  {doc.get('site') or ''}  {doc.get('url') or ''}"]
    if doc.get("status") == "failed":
        out.append(f"FAILED: {doc.get('error')}")
        return "\n".join(out)
    out.append(f"title:     {art.get('title')}  [{art.get('title_evidence')}]")
    out.append(f"published: {art.get('published')}  [{art.get('published_evidence')}]")
    if art.get("dateline"):
        d = art["dateline"]
        out.append(f"dateline:  {d.get('place')} / {d.get('agency')}  ({d.get('text')!r})")
    for c in art.get("credits") or []:
        out.append(f"credit:    {c['outlet']} ({c.get('domain')}, {c['form']}): {c['line']!r}")
    if prov:
        out.append(f"family:    {prov.get('family_id')}")
        out.append(f"origin:    {prov.get('origin_doc_id') or '(outside the corpus)'} "
                   f"outlet {prov.get('origin_outlet')}")
        out.append(f"parent:    {prov.get('parent_doc_id')}")
        out.append(f"credit:    {prov.get('credit_status')} (confidence "
                   f"{prov.get('confidence') or 0:.2f})")
        for e in prov.get("evidence") or []:
            out.append(f"  - {e}")
    out.append(f"shared passages: {len(doc.get('shared') or [])}, edits: "
               f"{len(doc.get('edits') or [])}")
    text = art.get("text") or ""
    out.append("")
    out.append(text[:1200] + (" [...]" if len(text) > 1200 else ""))
    return "\n".join(out)
