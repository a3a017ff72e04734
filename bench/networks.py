"""Outlet networks and attribution audit on simulated corpora with networks.

    python bench/networks.py [--seeds 41 42]

Per scenario and seed: the simulator writes pages where some sites form networks (shared
template, shared credit form, copying in step from a hub) and the rest are
independent. The real pipeline runs on them (`newstrace.run`).

Figures: outlet grouping pairwise precision/recall/F1 over corpus outlets,
independent sites put in networks, networks found vs true; audit accuracy per
field against the truth (drop | intro | reword | headline, credit, link,
dateline), auditing each copy against its true parent. Anchor in the same
run: grouping on a single signal (shared rare debris only), which shows what
requiring several signals buys. The thresholds are fixed defaults, not fitted
to the reported seeds (set on seeds 1-3, 21-22, 31-32; 41-42 are held out).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from newstrace.networks import audit_copy, build_profiles, find_networks
from newstrace.networks.audit import edit_kinds, site_footers
from newstrace.networks.group import NetworkOptions
from newstrace.simulate import SimOptions, republish, synthetic_articles

SIM = dict(networks=3, network_size=5, network_p=0.5, copy_sites=60)


def run_pipeline(corpus, folder: Path):
    """Articles, provenance and edits from the real pipeline."""
    import newstrace
    from newstrace.store import db as store
    from newstrace.store.read import load_articles, load_edits, load_provenance

    path = folder / "corpus.jsonl"
    with open(path, "w") as fh:
        for d in corpus.docs:
            fh.write(json.dumps({"id": d.doc_id, "url": d.url, "site": d.site,
                                 "published": d.published, "title": d.title,
                                 "text": d.text}) + "\n")
    db = folder / "nt.duckdb"
    from newstrace.settings import Settings

    newstrace.run([str(path)], db=db, settings=Settings(workers=1)).close()
    con = store.connect(str(db), read_only=True)
    try:
        return load_articles(con), load_provenance(con), load_edits(con)
    finally:
        con.close()


# ---- scoring ----

def grouping_scores(rows, corpus) -> dict:
    site_net = {}
    for d in corpus.docs:
        site_net.setdefault(d.site, corpus.truth[d.doc_id].network)
    pred = {r.outlet: r.network for r in rows}
    tp = fp = fn = 0
    for a, b in combinations(sorted(site_net), 2):
        t = site_net[a] is not None and site_net[a] == site_net[b]
        p = a in pred and pred.get(a) == pred.get(b)
        tp += t and p
        fp += p and not t
        fn += t and not p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"P": prec, "R": rec, "F1": f1,
            "indep_in_net": sum(site_net.get(o) is None for o in pred),
            "indep_sites": sum(v is None for v in site_net.values()),
            "net_sites": sum(v is not None for v in site_net.values()),
            "found": len(set(pred.values())),
            "true": len({v for v in site_net.values() if v})}


def audit_scores(arts: dict, corpus) -> dict:
    fields = ("drop", "intro", "reword", "headline", "credit", "link", "dateline")
    right = dict.fromkeys(fields, 0)
    total = dict.fromkeys(fields, 0)
    urls = {d.doc_id: d.url for d in corpus.docs}
    footers = site_footers(arts.values())
    for doc_id, t in corpus.truth.items():
        if t.partial or not t.parent_doc_id or doc_id not in arts or t.parent_doc_id not in arts:
            continue
        copy, parent = arts[doc_id], arts[t.parent_doc_id]
        found = audit_copy(copy, parent, footers.get(copy.site or "", frozenset()))
        kinds = edit_kinds(found)
        names = {f.finding for f in found}
        truth = {
            **{k: k in t.edits for k in ("drop", "intro", "reword", "headline")},
            "credit": t.credit is None,
            "link": not (t.credit and urls[t.parent_doc_id] in t.credit),
        }
        pred = {**{k: k in kinds for k in ("drop", "intro", "reword", "headline")},
                "credit": "no credit" in names, "link": "no link" in names}
        if parent.dateline and parent.dateline.agency:
            truth["dateline"], pred["dateline"] = False, "dateline agency stripped" in names
        for k, v in truth.items():
            total[k] += 1
            right[k] += v == pred[k]
    return {k: (right[k], total[k]) for k in fields}


SCENARIOS = {  # name -> (simulator options, base stories)
    "default": (SIM, 90),
    "small-nets": (dict(networks=3, network_size=4, network_p=0.3, copy_sites=60), 60),
    "many-nets": (dict(networks=5, network_size=8, network_p=0.4, copy_sites=100), 120),
    "fast-indep": (dict(networks=3, network_size=5, network_p=0.5, copy_sites=30,
                        mean_delay_h=0.3, copies_max=10), 90),
    "no-nets": (dict(networks=0, copy_sites=60), 90),
}


def main(argv=None) -> int:
    import logging

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[41, 42])
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)
    anchor_opts = replace(NetworkOptions(), min_signals=1)
    print(f"seeds {args.seeds} (held out: thresholds set on seeds 1-3, 21-22, 31-32)")
    print(f"{'scenario':<11}{'seed':>4} {'docs':>5} {'source':<9} {'P':>5} {'R':>5} {'F1':>5} "
          f"{'nets':>7} {'indep in net':>13} | anchor 1-signal F1 / indep in net")
    agg: dict = {}
    for name, (sim, bases) in SCENARIOS.items():
        for seed in args.seeds:
            corpus = republish(synthetic_articles(bases, seed), seed, SimOptions(**sim))
            with tempfile.TemporaryDirectory() as tmp:
                arts, prov, edits = run_pipeline(corpus, Path(tmp))
            source = "pipeline"
            profiles = build_profiles(arts.values(), prov, edits)
            rows = find_networks(profiles)
            g = grouping_scores(rows, corpus)
            if rows and "_shown" not in agg:
                agg["_shown"] = rows[0].evidence

            a = grouping_scores(find_networks(profiles, anchor_opts), corpus)
            print(f"{name:<11}{seed:>4} {len(corpus.docs):>5} {source:<9} {g['P']:5.2f} "
                  f"{g['R']:5.2f} {g['F1']:5.2f} {g['found']:>3}/{g['true']:<3} "
                  f"{g['indep_in_net']:>5} of {g['indep_sites']:<4} | {a['F1']:5.2f} / "
                  f"{a['indep_in_net']}")
            for k, (r, n) in audit_scores(arts, corpus).items():
                agg.setdefault(k, [0, 0])
                agg[k][0] += r
                agg[k][1] += n
            if g["true"]:
                agg.setdefault("_f1", []).append(g["F1"])
            agg.setdefault("_indep", []).append(g["indep_in_net"])
            agg.setdefault("_anchor", []).append(a["indep_in_net"])
    print(f"\ngrouping: mean pairwise F1 {sum(agg['_f1']) / len(agg['_f1']):.3f} over runs with "
          f"networks; independent sites put in networks: {sum(agg['_indep'])} "
          f"(anchor, one signal enough: {sum(agg['_anchor'])})")
    if agg.get("_shown"):
        print("example evidence (first network of the first run):")
        print("\n".join(f"  - {e}" for e in agg["_shown"]))
    print("audit accuracy per field (each copy vs its true parent, all runs):")
    for k in ("drop", "intro", "reword", "headline", "credit", "link", "dateline"):
        r, n = agg[k]
        print(f"  {k:<9} {r / n if n else float('nan'):6.3f}  ({r}/{n})")
    edits = [agg[k] for k in ("drop", "intro", "reword", "headline")]
    print(f"  edits, 4 fields together: "
          f"{sum(r for r, _ in edits) / max(1, sum(n for _, n in edits)):.3f}")
    print("  (credit depends on the credit-line parser: a missed line reads as 'no credit')")
    return 0


if __name__ == "__main__":
    sys.exit(main())


