"""newstrace's HTML extraction against trafilatura, readability-lxml and resiliparse.

One process, interleaved: for each page every extractor runs in turn, the whole
round is repeated (--repeat), and each page's time is its best of the rounds (so a
noisy neighbour hurts all extractors alike). Quality uses bench/metric.py on the
181 scrapinghub pages. The newstrace filters were written looking only at the pages
whose id starts with 0-7 ("dev"); "held-out" (8-f) is the honest figure.

    python bench/extract_html.py [--repeat 3] [--limit N] [--write-model]

It also scores the learned block model (newstrace.clean.train_html, opt-in via
HtmlOptions(model=True)) by 5-fold cross-validation, folds by page: each page is
extracted by a model fitted on the other 4/5 only. --write-model refits it on all
pages and saves src/newstrace/data/html_model.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric import EXTRACTION, score  # noqa: E402

from newstrace.clean.html import HtmlOptions, extract_html  # noqa: E402

AEB = EXTRACTION / "scrapinghub-aeb"
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td", "tr", "br",
           "blockquote", "figcaption", "section", "article", "table", "ul", "ol")


def _trafilatura(**kw):
    import trafilatura

    return lambda html, url: trafilatura.extract(html, url=url, include_comments=False, **kw) or ""


def _readability():
    try:
        from readability import Document
    except ImportError:
        return None
    import lxml.html

    def run(html, url):
        node = lxml.html.fragment_fromstring(Document(html).summary(html_partial=True),
                                             create_parent="div")
        for el in node.iter(*_BLOCKS):  # a newline around every block, as a browser would
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        return node.text_content()
    return run


def _resiliparse():
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError:
        return None
    return lambda html, url: extract_plain_text(html, main_content=True)


def extractors() -> dict:
    found = {
        "newstrace": lambda html, url: extract_html(html, url).text,
        "newstrace (block model)": lambda html, url: extract_html(
            html, url, options=HtmlOptions(model=True)).text,
        "trafilatura (default)": _trafilatura(),
        "trafilatura (precision)": _trafilatura(favor_precision=True),
        "trafilatura (fast)": _trafilatura(fast=True),
        "readability-lxml": _readability(),
        "resiliparse (main)": _resiliparse(),
    }
    return {k: v for k, v in found.items() if v is not None}


def _half(golds: dict, dev: bool) -> dict:
    return {k: g for k, g in golds.items() if (k[0] < "8") == dev}


def cross_validated(pages: dict, gold: dict, golds: dict, args) -> None:
    """Print the 5-fold (by page) figure of the learned block model."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("block model CV: skipped (scikit-learn not installed)")
        return
    from newstrace.clean import train_html

    src = {k: (pages[k], gold[k]["url"]) for k in golds}
    data = train_html.collect(src)
    out = train_html.cross_validate(data, src, golds, threshold=args.threshold)
    texts = {k: e.text for k, e in out.items()}
    s, sd, sh = (score(texts, g) for g in (golds, _half(golds, True), _half(golds, False)))
    used = sum(e.method == "html:blocks" for e in out.values())
    print(f"{'newstrace 5-fold CV':24s} {s['f1']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f} "
          f"{sd['f1']:7.3f} {sh['f1']:8.3f}   (quality only; threshold {args.threshold}, "
          f"model chose {used}/{len(out)} pages)")
    if args.write_model:
        model = train_html.fit(data, golds, threshold=args.threshold)
        print("model written to", train_html.write_model(model))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--write-model", action="store_true")
    args = ap.parse_args()
    gold = json.loads((AEB / "ground-truth.json").read_text())
    ids = sorted(gold)[: args.limit or None]
    pages = {k: gzip.open(AEB / "html" / f"{k}.html.gz").read().decode("utf-8") for k in ids}
    golds = {k: gold[k]["articleBody"] for k in ids}
    runs = extractors()
    best = {name: {} for name in runs}
    preds = {name: {} for name in runs}
    for _ in range(args.repeat):
        for k in ids:
            for name, fn in runs.items():
                t = time.perf_counter()
                out = fn(pages[k], gold[k]["url"])
                dt = time.perf_counter() - t
                preds[name][k] = out
                best[name][k] = min(dt, best[name].get(k, dt))
    dev, held = _half(golds, True), _half(golds, False)
    base = len(ids) / sum(best["trafilatura (default)"].values())
    print(f"{len(ids)} pages, best of {args.repeat} interleaved rounds, one process")
    print(f"{'extractor':24s} {'F1':>6s} {'P':>6s} {'R':>6s} {'F1 dev':>7s} {'F1 held':>8s}"
          f" {'pages/s':>8s} {'x traf':>7s}")
    for name in runs:
        s, sd, sh = score(preds[name], golds), score(preds[name], dev), score(preds[name], held)
        rate = len(ids) / sum(best[name].values())
        print(f"{name:24s} {s['f1']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f} "
              f"{sd['f1']:7.3f} {sh['f1']:8.3f} {rate:8.1f} {rate / base:7.2f}")
    cross_validated(pages, gold, golds, args)
    print("block model row: shipped model fitted on these pages (quality in-sample, speed valid);"
          " CV row: same path, 5-fold by page, honest quality")
    print("dev = ids 0-7 (filters written from these), held = ids 8-f")
    print("goal: F1 >= 0.975 and >= 2.00x trafilatura (default) pages/s")


if __name__ == "__main__":
    main()
