"""Does training the text cleaner on extra renderings of its pages help? (issue 3)

One command: `python bench/clean_augment.py [--splits 1] [--configs a,b,...]`.

Same 5 folds as bench/clean_text.py (`arange(n) % 5`, both standard dump
variants of a page in one fold). Each fold trains on the standard variants of
the training pages plus extra renderings of those same training pages only,
then scores the held-out pages on the two standard variants. The baseline
(no extra renderings) runs in the same process on the same folds.

Extra renderings:
- `html-text`, `inscriptis`, `resiliparse`: full-page ("all text") outputs in
  predictions_html.jsonl.gz (html-text 0.7.1, inscriptis 2.7.6, resiliparse 2.0.1);
- `coarse`: lxml, breaks only at paragraph-level blocks (div, p, h1-6, table
  rows, ...): list items, cells and spans joined, so menus become long lines;
- `links`: the text_dump blocks plus a break around every link and button
  (cut at links, not at bold/italic);
- `wrap`: text_dump hard-wrapped at 80 columns, like a terminal-browser dump.
`--splits k` adds k-1 shuffled fold assignments (seeded) as a noise check;
`--first-split j` starts at assignment j (e.g. 5: assignments 5..9, fresh ones).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import textwrap
import time
from pathlib import Path

# one OpenMP thread: on a loaded machine the trees' thread pool spins and runs ~10x slower
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from metric import EXTRACTION, have_shared, score  # noqa: E402

from newstrace.clean import text as cleaner  # noqa: E402
from newstrace.clean import train_text  # noqa: E402
from newstrace.clean.lines import build_page  # noqa: E402

DATA = EXTRACTION / "textdump.jsonl"
PREDICTIONS = EXTRACTION / "predictions_html.jsonl.gz"
HTML = EXTRACTION / "scrapinghub-aeb" / "html"
FULL_PAGE = {"html-text (all text)": "html-text", "inscriptis (all text)": "inscriptis",
             "resiliparse (all text)": "resiliparse"}
DROP = {"script", "style", "template", "svg"}
FINE_BLOCKS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot "
    "tr td th ul title option select button label caption summary".split())
COARSE_BLOCKS = frozenset(
    "article aside blockquote body div figure footer form h1 h2 h3 h4 h5 h6 header main nav p pre "
    "section table tr title".split())
LINK_BREAKS = frozenset({"a", "button"})
# name -> (extra renderings, weight of each extra page)
CONFIGS = {
    "baseline": ((), 1.0),
    "+html-text": (("html-text",), 1.0),
    "+inscriptis": (("inscriptis",), 1.0),
    "+resiliparse": (("resiliparse",), 1.0),
    "+coarse": (("coarse",), 1.0),
    "+links": (("links",), 1.0),
    "+wrap": (("wrap",), 1.0),
    "+all": (("html-text", "inscriptis", "resiliparse", "coarse", "links", "wrap"), 1.0),
    "+all w=0.3": (("html-text", "inscriptis", "resiliparse", "coarse", "links", "wrap"), 0.3),
    "+all w=0.1": (("html-text", "inscriptis", "resiliparse", "coarse", "links", "wrap"), 0.1),
    "+full-page w=0.3": (("html-text", "inscriptis", "resiliparse"), 0.3),
    "+own w=0.3": (("coarse", "links", "wrap"), 0.3),
}


def render(html: str, blocks: frozenset, breaks: frozenset = frozenset()) -> str:
    """Careless whole-page text: a line break around `blocks` and `breaks`, at <br>;
    a space around the other FINE_BLOCKS (list items, cells joined on one line)."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    parts: list[str] = []
    stack = [(root, False)]
    while stack:  # iterative walk: pages nest deeper than Python's recursion limit
        el, closing = stack.pop()
        if closing:
            if el.tag in blocks or el.tag in breaks:
                parts.append("\n")
            elif el.tag in FINE_BLOCKS:
                parts.append(" ")
            if el.tail:
                parts.append(el.tail)
            continue
        if not isinstance(el.tag, str) or el.tag in DROP:
            if el.tail:
                parts.append(el.tail)
            continue
        if el.tag in blocks or el.tag in breaks or el.tag == "br":
            parts.append("\n")
        elif el.tag in FINE_BLOCKS:
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((c, False) for c in reversed(el))
    lines = (" ".join(s.split()) for s in "".join(parts).split("\n"))
    return "\n".join(s for s in lines if s)


def wrap(text: str, width: int = 80) -> str:
    return "\n".join(w for line in text.split("\n") for w in textwrap.wrap(line, width) or [line])


def extra_texts(rows: list[dict], names: set[str]) -> dict[str, dict[str, str]]:
    """{rendering: {page id: text}} for the renderings in `names`."""
    out: dict[str, dict[str, str]] = {n: {} for n in names}
    if names & set(FULL_PAGE.values()):
        with gzip.open(PREDICTIONS, "rt", encoding="utf-8") as fh:
            for raw in fh:
                r = json.loads(raw)
                name = FULL_PAGE.get(r["extractor"])
                if name in names and r.get("text"):
                    out[name][r["id"]] = r["text"]
    for row in rows:
        if names & {"coarse", "links"}:
            html = gzip.decompress((HTML / f"{row['id']}.html.gz").read_bytes()).decode("utf-8", "replace")
            if "coarse" in names:
                out["coarse"][row["id"]] = render(html, COARSE_BLOCKS)
            if "links" in names:
                out["links"][row["id"]] = render(html, FINE_BLOCKS, LINK_BREAKS)
        if "wrap" in names:
            out["wrap"][row["id"]] = wrap(row["text_dump"])
    return out


def labelled(text: str, gold: str):
    page = build_page(text)
    return page, train_text.line_labels(page.texts, gold)


def run(rows, std, extra, configs, fold_of, folds) -> dict[str, dict[str, dict[str, str]]]:
    """Held-out predictions {config: {variant: {id: kept text}}} for one fold assignment."""
    preds = {c: {v: {} for v in train_text.VARIANTS} for c in configs}
    for f in range(folds):
        train_i = [i for i, k in enumerate(fold_of) if k != f]
        test_i = [i for i, k in enumerate(fold_of) if k == f]
        for c in configs:
            names, weight = CONFIGS[c]
            pages = [p for i in train_i for p in std[i]]
            weights = [1.0] * len(pages)
            for n in names:
                more = [extra[n][i] for i in train_i if extra[n].get(i) is not None]
                pages += more
                weights += [weight] * len(more)
            t0 = time.time()
            model = train_text.fit(pages, weights=weights)
            for i in test_i:
                for v in train_text.VARIANTS:
                    kept = cleaner.kept_text(cleaner.classify_lines(rows[i][v], model=model))
                    preds[c][v][rows[i]["id"]] = kept
            print(f"  fold {f + 1}/{folds} {c}: {len(pages)} pages, fit {time.time() - t0:.0f}s",
                  file=sys.stderr, flush=True)
    return preds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--splits", type=int, default=1, help="fold assignments (1 = the standard one)")
    ap.add_argument("--first-split", type=int, default=0,
                    help="number of the first fold assignment (splits >= 1 are shuffled, seeded by number)")
    ap.add_argument("--configs", default=",".join(CONFIGS), help="comma-separated config names")
    args = ap.parse_args()
    if not have_shared():
        sys.exit(f"no data at {DATA}")
    configs = [c for c in args.configs.split(",") if c]
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        sys.exit(f"unknown configs {unknown}; known: {list(CONFIGS)}")
    if "baseline" not in configs:
        configs.insert(0, "baseline")
    rows = train_text.load_rows(DATA)
    golds = {r["id"]: r["gold_text"] for r in rows}
    names = {n for c in configs for n in CONFIGS[c][0]}
    t0 = time.time()
    texts = extra_texts(rows, names)
    std = [train_text.pages_of([r]) for r in rows]
    extra = {n: {i: labelled(texts[n][r["id"]], r["gold_text"])
                 for i, r in enumerate(rows) if texts[n].get(r["id"])} for n in names}
    print(f"{len(rows)} pages, renderings {sorted(names)} built in {time.time() - t0:.0f}s",
          file=sys.stderr, flush=True)

    results = {c: {v: [] for v in train_text.VARIANTS} for c in configs}
    splits = list(range(args.first_split, args.first_split + args.splits))
    for s in splits:
        fold_of = np.arange(len(rows)) % args.folds
        if s:
            fold_of = np.random.default_rng(s).permutation(fold_of)
        preds = run(rows, std, extra, configs, fold_of.tolist(), args.folds)
        for c in configs:
            for v in train_text.VARIANTS:
                results[c][v].append(score(preds[c][v], golds))
            print(f"  split {s} {c}: F1 " + " / ".join(f"{results[c][v][-1]['f1']:.4f}"
                                                      for v in train_text.VARIANTS),
                  file=sys.stderr, flush=True)

    print(f"\nText cleaner trained with extra renderings of the training pages; "
          f"{args.folds}-fold CV by page (held out), scored on the standard variants only; "
          f"splits {splits[0]}..{splits[-1]} (0 = arange(n) % {args.folds}, others shuffled)"
          + "\n")
    head = f"{'config':<24}{'variant':<24}{'split':>6}{'F1':>8}{'P':>7}{'R':>7}{'dF1':>8}"
    print(head)
    print("-" * len(head))
    for c in configs:
        for v in train_text.VARIANTS:
            for s, sc in zip(splits, results[c][v], strict=True):
                d = sc["f1"] - results["baseline"][v][s - splits[0]]["f1"]
                print(f"{c:<24}{v:<24}{s:>6}{sc['f1']:8.4f}{sc['precision']:7.3f}"
                      f"{sc['recall']:7.3f}{d:+8.4f}")
            if args.splits > 1:
                mean = {k: np.mean([sc[k] for sc in results[c][v]]) for k in ("f1", "precision", "recall")}
                d = mean["f1"] - np.mean([sc["f1"] for sc in results["baseline"][v]])
                print(f"{c:<24}{v:<24}{'mean':>6}{mean['f1']:8.4f}{mean['precision']:7.3f}"
                      f"{mean['recall']:7.3f}{d:+8.4f}")
        print()
    print("goal: >= +0.004 F1 on both variants over the baseline of the same run")


if __name__ == "__main__":
    main()
