"""End to end: generated corpus -> newstrace.run, docs/s and peak memory.

    python bench/e2e.py [--docs 10000] [--workers 2]

Anchor in the same run: reading the same JSONL and writing its rows to DuckDB
(no cleaning, no reuse) — the floor any pipeline pays for I/O.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path


def make_corpus(folder: Path, n_docs: int, seed: int = 1) -> Path:
    from newstrace.simulate import SimOptions, republish, synthetic_articles

    path = folder / "corpus.jsonl"
    written = 0
    with open(path, "w") as fh:
        batch = 0
        while written < n_docs:
            bases = synthetic_articles(400, seed + batch)
            corpus = republish(bases, seed + batch, SimOptions())
            for d in corpus.docs:
                if written >= n_docs:
                    break
                fh.write(json.dumps({"id": f"{batch}-{d.doc_id}", "url": d.url, "site": d.site,
                                     "published": d.published, "text": d.text}) + "\n")
                written += 1
            batch += 1
    return path


def anchor_io(path: Path, db: Path) -> float:
    import duckdb

    from newstrace.ingest import read_path
    from newstrace.store.db import document_row
    from newstrace.store.schema import create_all

    con = duckdb.connect(str(db))
    create_all(con)
    t = time.perf_counter()
    rows = []
    for raw in read_path(str(path)):
        rows.append(document_row(raw))
        if len(rows) == 2000:
            con.executemany(f"INSERT INTO documents VALUES ({', '.join('?' * 14)})", rows)
            rows = []
    if rows:
        con.executemany(f"INSERT INTO documents VALUES ({', '.join('?' * 14)})", rows)
    con.close()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    import newstrace
    from newstrace.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = make_corpus(tmp, args.docs)
        io_s = anchor_io(path, tmp / "anchor.duckdb")
        t = time.perf_counter()
        stages: dict[str, float] = {}
        last = [t]

        def progress(stage, done, total):
            now = time.perf_counter()
            stages[stage] = stages.get(stage, 0.0) + now - last[0]
            last[0] = now

        corpus = newstrace.run([str(path)], tmp / "c.duckdb",
                               Settings(workers=args.workers), on_progress=progress)
        total = time.perf_counter() - t
        s = corpus.summary
        corpus.close()
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n = args.docs
    print(f"{'what':<36}{'seconds':>9}{'docs/s':>10}")
    print(f"{'anchor: read + write rows (no work)':<36}{io_s:>9.1f}{n / io_s:>10.0f}")
    print(f"{'newstrace run (all stages)':<36}{total:>9.1f}{n / total:>10.0f}")
    for stage, sec in stages.items():
        print(f"{'  of which ' + stage:<36}{sec:>9.1f}")
    print(f"ratio newstrace / anchor time: {total / io_s:.1f}x")
    print(f"documents {s.documents}, articles {s.articles}, failed {s.failed}, "
          f"families {s.families}, alignments {s.alignments}")
    print(f"peak RSS: main process {self_mb:.0f} MB, largest worker {child_mb:.0f} MB "
          f"(workers={args.workers}, cores available 2)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
