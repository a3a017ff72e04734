"""Headline found in text mode (no HTML) against the page's own headline.

One command: `python bench/headline.py`.

The 181 pages of ../shared/data/extraction: each text dump (`text_dump`,
`text_dump_inline_split`) is cleaned (`classify_lines`) and its headline found
with `find_headline(lines)` — what a user with only scraped text gets. Gold is
read from the page's HTML: its JSON-LD / og:title / twitter:title headline and
its <h1>, each also without a " - Site Name" tail. A headline counts as right
when it equals one of them (case and spacing aside) or shares at least 90% of
its words with one (token F1). Anchor in the same run: the dump's first line
(the page's <title>, what a careless scraper takes as the headline).

"dev" = page ids 0-7 (looked at while writing headline rules), "held" = 8-f.
"""

from __future__ import annotations

import gzip
import html as htmllib
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric import EXTRACTION, have_shared  # noqa: E402

from newstrace.clean.headline import find_headline, norm  # noqa: E402
from newstrace.clean.text import classify_lines  # noqa: E402

AEB = EXTRACTION / "scrapinghub-aeb"
SUFFIX = re.compile(r"(?:\s+[\-–—|]\s+|\s*[|·•:]\s*)[^|\-–—·•:]{2,40}$")
WORD = re.compile(r"\w+")
VARIANTS = ("text_dump", "text_dump_inline_split")


def gold_titles(html: str) -> list[str]:
    """The page's headline candidates: meta/JSON-LD headline and h1, with and without a tail."""
    import lxml.html

    from newstrace.clean.html_meta import _jsonld, _meta_tags

    tree = lxml.html.fromstring(html)
    metas = list(tree.iter("meta"))
    tags = _meta_tags(metas)
    ld = _jsonld(list(tree.iter("script")))
    found = [ld.get("title"), tags.get(("property", "og:title")), tags.get(("name", "twitter:title"))]
    found += [h.text_content() for h in tree.iter("h1")][:2]
    out = []
    for t in found:
        if t and t.strip():
            t = " ".join(htmllib.unescape(t).split())
            out += [t, SUFFIX.sub("", t)]
    return list(dict.fromkeys(x for x in out if len(WORD.findall(x)) >= 2))


def _f1(a: str, b: str) -> float:
    x, y = Counter(WORD.findall(a.casefold())), Counter(WORD.findall(b.casefold()))
    tp = sum((x & y).values())
    return 2 * tp / (sum(x.values()) + sum(y.values())) if tp else 0.0


def right(pred: str | None, golds: list[str]) -> bool:
    if not pred:
        return False
    return any(norm(pred) == norm(g) or _f1(pred, g) >= 0.9 for g in golds)


def main() -> None:
    if not have_shared():
        sys.exit("needs ../shared/data/extraction")
    rows = [json.loads(x) for x in (EXTRACTION / "textdump.jsonl").open(encoding="utf-8")]
    tally: Counter = Counter()
    for row in rows:
        html = gzip.decompress((AEB / "html" / f"{row['id']}.html.gz").read_bytes()).decode("utf-8")
        golds = gold_titles(html)
        if not golds:
            tally["no gold"] += 1
            continue
        half = "dev" if row["id"][0] in "01234567" else "held"
        for v in VARIANTS:
            lines = classify_lines(row[v])
            found, _ = find_headline(lines)
            first = next((ln.text for ln in lines if ln.text.strip()), None)
            for who, pred in (("newstrace", found.value if found else None), ("first line", first)):
                tally[(v, who, half, "n")] += 1
                tally[(v, who, half, "right")] += right(pred, golds)
                tally[(v, who, half, "none")] += pred is None
    print(f"{len(rows)} pages, {tally['no gold']} without a headline in their HTML (left out)\n")
    print(f"{'variant':24} {'method':12} {'all':>7} {'dev':>7} {'held':>7} {'none':>6}")
    for v in VARIANTS:
        for who in ("newstrace", "first line"):
            n = {h: tally[(v, who, h, "n")] for h in ("dev", "held")}
            ok = {h: tally[(v, who, h, "right")] for h in ("dev", "held")}
            none = sum(tally[(v, who, h, "none")] for h in ("dev", "held"))
            total = sum(n.values())
            print(f"{v:24} {who:12} {sum(ok.values()) / total:7.3f} {ok['dev'] / n['dev']:7.3f} "
                  f"{ok['held'] / n['held']:7.3f} {none / total:6.3f}")


if __name__ == "__main__":
    main()
