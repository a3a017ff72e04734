"""Speed of text-mode cleaning on the 181 page dumps (both variants): the body lines alone
(`classify_lines`) against the whole article (`clean_document`: body, headline, byline,
dates, dateline, credits, captions, quotes), with the C4 line rules as the anchor.

One command: `python bench/clean_speed.py [--rounds 3]`. docs/s = documents per
CPU-second of this process (one core), best of `--rounds` passes, the three interleaved.
The structure layer caches its per-line answers (bounded lru_caches): they are emptied
before every document, so a page gains only from lines it repeats itself.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clean_text import DATA, c4_rules  # noqa: E402
from metric import have_shared  # noqa: E402

import newstrace.clean as clean_pkg  # noqa: E402
from newstrace.clean import clean_document, train_text  # noqa: E402
from newstrace.clean import text as cleaner  # noqa: E402
from newstrace.records import RawDoc  # noqa: E402


def line_caches() -> list:
    """The bounded per-line caches of the cleaning modules (not the model's)."""
    mods = [importlib.import_module(f"newstrace.clean.{m.name}") for m in pkgutil.iter_modules(clean_pkg.__path__)]
    found = {id(f): f for m in mods for f in vars(m).values()
             if hasattr(f, "cache_info") and (f.cache_info().maxsize or 0) >= 64}
    return list(found.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not have_shared():
        sys.exit(f"no data at {DATA}")
    rows = train_text.load_rows(DATA)
    texts = [r[v] for r in rows for v in train_text.VARIANTS]
    docs = [RawDoc(f"{r['id']}:{v}", "textdump.jsonl", "", "text", r[v]) for r in rows for v in train_text.VARIANTS]
    caches = line_caches()
    model = cleaner.load_model()

    def article(doc: RawDoc) -> None:
        for f in caches:
            f.cache_clear()
        clean_document(doc)

    runs = {"C4 line rules (>= 3 words)": (lambda t: c4_rules(t, 3), texts),
            "newstrace classify_lines (body lines)": (lambda t: cleaner.classify_lines(t, model=model), texts),
            "newstrace clean_document (whole article)": (article, docs)}
    article(docs[0])
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(args.rounds):
        for name, (run, items) in runs.items():
            t0 = time.process_time()
            for item in items:
                run(item)
            best[name] = min(best[name], time.process_time() - t0)
    anchor = len(texts) / best["C4 line rules (>= 3 words)"]
    print(f"{len(texts)} dumps (181 pages x 2 variants); best of {args.rounds} passes, one core; "
          f"{len(caches)} line caches emptied per document\n")
    print(f"{'method':<44}{'docs/s':>9}{'ms/doc':>9}{'x C4':>8}")
    for name, secs in best.items():
        rate = len(texts) / secs
        print(f"{name:<44}{rate:9.0f}{1000 / rate:9.2f}{rate / anchor:8.3f}")


if __name__ == "__main__":
    main()
