"""Article structure found in text mode (no HTML) against the page's own metadata.

One command: `python bench/structure.py`.

The 181 pages of ../shared/data/extraction: each text dump (`text_dump`,
`text_dump_inline_split`) goes through `clean_document` as a text page — what a
user with only scraped text gets. Gold is read from the page's HTML:
- headline: its JSON-LD / og:title / twitter:title headline and its <h1>, each
  also without a " - Site Name" tail. Right when equal to one of them (case and
  spacing aside) or sharing at least 90% of its words with one (token F1).
  Anchor: the dump's first line (the page's <title>, what a careless scraper takes).
- published date: JSON-LD / meta published time (pages without one are left
  out; a date read from the URL is no gold). Right = same day as the metadata
  writes it. Most metadata writes UTC while the page shows local time ("Nov 19,
  2019, 10:31 pm" on a page whose metadata says 2019-11-20T04:31Z), so "page's
  zone" also counts the day the page shows when some UTC offset (-12 to +14 h)
  maps the metadata's instant onto it (the found zone when the text gives one);
  "±1 day" counts any next or previous day. Anchor: the first full date in the text.
- byline: JSON-LD / meta author (pages without one are left out). Right when one
  name holds the other or they share the last name. Anchor: the first line
  reading "By Name" anywhere in the text.

"dev" = page ids 0-7 (looked at while writing the rules), "held" = 8-f.
"""

from __future__ import annotations

import gzip
import html as htmllib
import json
import re
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric import EXTRACTION, have_shared  # noqa: E402

from newstrace.clean import clean_document  # noqa: E402
from newstrace.clean.blocks import parse_byline  # noqa: E402
from newstrace.clean.dates import find_date  # noqa: E402
from newstrace.clean.headline import norm  # noqa: E402
from newstrace.records import RawDoc  # noqa: E402

AEB = EXTRACTION / "scrapinghub-aeb"
SUFFIX = re.compile(r"(?:\s+[\-–—|]\s+|\s*[|·•:]\s*)[^|\-–—·•:]{2,40}$")
WORD = re.compile(r"\w+")
VARIANTS = ("text_dump", "text_dump_inline_split")
FIELDS = ("headline", "published", "byline")


def gold(html: str, url: str) -> dict:
    """Headline candidates, published day and author from the page's HTML."""
    import lxml.html

    from newstrace.clean.html_meta import _jsonld, _meta_tags, extract_meta

    tree = lxml.html.fromstring(html)
    tags = _meta_tags(list(tree.iter("meta")))
    ld = _jsonld(list(tree.iter("script")))
    found = [ld.get("title"), tags.get(("property", "og:title")), tags.get(("name", "twitter:title"))]
    found += [h.text_content() for h in tree.iter("h1")][:2]
    titles = []
    for t in found:
        if t and t.strip():
            t = " ".join(htmllib.unescape(t).split())
            titles += [t, SUFFIX.sub("", t)]
    meta = extract_meta(tree, url, dates=False)
    pub, by = meta.get("published"), meta.get("byline")
    return {"headline": list(dict.fromkeys(x for x in titles if len(WORD.findall(x)) >= 2)),
            "published": pub.value[:10] if pub else None,
            "published_at": pub.value if pub else None,
            "byline": by.value if by else None}


def _f1(a: str, b: str) -> float:
    x, y = Counter(WORD.findall(a.casefold())), Counter(WORD.findall(b.casefold()))
    tp = sum((x & y).values())
    return 2 * tp / (sum(x.values()) + sum(y.values())) if tp else 0.0


def in_zone(pred: str, at: str | None) -> bool:
    """The day `pred` names is the metadata instant `at` seen in the page's zone: the zone
    `pred` writes, else any UTC offset from -12 to +14 hours."""
    try:
        when = datetime.fromisoformat(at) if at and len(at) > 10 else None
        day = date.fromisoformat(pred[:10])
    except ValueError:
        return False
    if when is None or when.tzinfo is None:
        return False
    try:
        zone = datetime.fromisoformat(pred).tzinfo if len(pred) > 10 else None
    except ValueError:
        zone = None
    if zone is not None:
        return when.astimezone(zone).date() == day
    return any((when + timedelta(minutes=m)).astimezone(timezone.utc).date() == day
               for m in range(-12 * 60, 14 * 60 + 1, 30))


def judge(field: str, pred: str | None, want, at: str | None = None) -> str:
    """"right", "zone" (the day the page shows, see `in_zone`), "near" (dates a day
    apart), "wrong" or "none"."""
    if not pred:
        return "none"
    if field == "headline":
        ok = any(norm(pred) == norm(g) or _f1(pred, g) >= 0.9 for g in want)
        return "right" if ok else "wrong"
    if field == "published":
        if pred[:10] == want:
            return "right"
        if in_zone(pred, at):
            return "zone"
        try:
            days = abs((date.fromisoformat(pred[:10]) - date.fromisoformat(want)).days)
        except ValueError:
            return "wrong"
        return "near" if days <= 1 else "wrong"
    p, g = pred.casefold(), want.casefold()
    ok = p in g or g in p or p.split()[-1] in g.split()
    return "right" if ok else "wrong"


def anchors(text: str) -> dict:
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    first_date = find_date(text, need_year=True)
    by = next((b for b in map(parse_byline, lines) if b), None)
    return {"headline": lines[0] if lines else None,
            "published": first_date.iso if first_date else None,
            "byline": by[0] if by else None}


def main() -> None:
    if not have_shared():
        sys.exit("needs ../shared/data/extraction")
    rows = [json.loads(x) for x in (EXTRACTION / "textdump.jsonl").open(encoding="utf-8")]
    tally: Counter = Counter()
    for row in rows:
        html = gzip.decompress((AEB / "html" / f"{row['id']}.html.gz").read_bytes()).decode("utf-8")
        want = gold(html, row["url"])
        half = "dev" if row["id"][0] in "01234567" else "held"
        for v in VARIANTS:
            a = clean_document(RawDoc(row["id"], "textdump.jsonl", "", "text", row[v]))
            ours = {"headline": a.title, "published": a.published, "byline": a.byline}
            ours = {k: f.value if f else None for k, f in ours.items()}
            for who, got in (("newstrace", ours), ("anchor", anchors(row[v]))):
                for field in FIELDS:
                    if want[field]:
                        tally[(field, v, who, half, judge(field, got[field], want[field],
                                                                  want["published_at"]))] += 1
    print("anchors: headline = the dump's first line; published = the first full date in the text;")
    print("byline = the first 'By Name' line. right / page's zone and ±1 day (dates) / none found,")
    print("share of pages; dev / held: right, or for dates the page's zone.\n")
    print(f"{'field':10} {'variant':24} {'method':10} {'pages':>5} {'right':>6} {'zone':>6} {'dev':>6} "
          f"{'held':>6} {'±1 day':>7} {'none':>6}")
    for field in FIELDS:
        for v in VARIANTS:
            for who in ("newstrace", "anchor"):
                n = {h: sum(tally[(field, v, who, h, j)] for j in ("right", "zone", "near", "wrong", "none"))
                     for h in ("dev", "held")}
                right = {h: tally[(field, v, who, h, "right")] for h in ("dev", "held")}
                zone = {h: right[h] + tally[(field, v, who, h, "zone")] for h in ("dev", "held")}
                near = sum(tally[(field, v, who, h, j)] for h in ("dev", "held") for j in ("near", "zone"))
                none = sum(tally[(field, v, who, h, "none")] for h in ("dev", "held"))
                total = sum(n.values())
                print(f"{field:10} {v:24} {who:10} {total:5d} {sum(right.values()) / total:6.3f} "
                      f"{sum(zone.values()) / total:6.3f} "
                      f"{zone['dev'] / n['dev']:6.3f} {zone['held'] / n['held']:6.3f} "
                      f"{(sum(right.values()) + near) / total:7.3f} {none / total:6.3f}")


if __name__ == "__main__":
    main()
