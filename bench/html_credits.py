"""Credit lines found around the story on the 181 real HTML pages (issues 4 and 6).

One command: `python bench/html_credits.py`.

For each page of ../shared/data/extraction/scrapinghub-aeb/html, `extract_html`
with and without `page_credits` (`clean/html_credits.py`): the credit lines the
page scan adds beyond the extracted body, split into those naming the page's own
site (the trace drops them) and those naming another outlet (each printed, to be
read by eye), and the extraction time of both settings (best of 3, interleaved).
A second count shows what reading any © line would add (group footers such as
"© Hearst Communications"), the choice `html_credits._explicit` refuses. A last table
counts the credits of each cleaned article (`clean_document`, body and page scan
together) that carry a link (`Credit.link`, the href the text drops), a link to a
story (`trace.members.story_link`, the evidence the trace weighs five times a name)
and a domain read from the href because the text names none.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric import EXTRACTION  # noqa: E402

from newstrace.clean import clean_document, html_credits  # noqa: E402
from newstrace.clean.credits import link_domain, parse_credit  # noqa: E402
from newstrace.clean.html import HtmlOptions, extract_html  # noqa: E402
from newstrace.records import RawDoc  # noqa: E402
from newstrace.trace.members import story_link  # noqa: E402
from newstrace.trace.outlets import same_outlet  # noqa: E402

HTML = EXTRACTION / "scrapinghub-aeb" / "html"


def _own(credit: tuple, site: str) -> bool:
    return bool(credit[1] and same_outlet(credit[1], site)) or same_outlet(credit[0], site)


def main() -> None:
    if not HTML.exists():
        sys.exit(f"no data at {HTML}")
    rows = [json.loads(line) for line in open(EXTRACTION / "textdump.jsonl", encoding="utf-8")]
    pages = [(r["id"], r["url"], gzip.decompress((HTML / f"{r['id']}.html.gz").read_bytes())
              .decode("utf-8", "replace")) for r in rows]
    off, on = HtmlOptions(page_credits=False), HtmlOptions()
    secs = {"without": float("inf"), "with": float("inf")}
    for _ in range(3):
        for name, opts in (("without", off), ("with", on)):
            t0 = time.process_time()
            for _id, url, html in pages:
                extract_html(html, url, options=opts)
            secs[name] = min(secs[name], time.process_time() - t0)
    forms, own, other_pages = Counter(), 0, 0
    print("credits naming another outlet, found outside the extracted body:")
    for pid, url, html in pages:
        got = extract_html(html, url, options=on)
        body = {ln.text for ln in got.lines}
        site = urlsplit(url).hostname or ""
        found = []
        for ln in got.credits:
            credit = parse_credit(ln.text)
            if ln.text in body or credit is None:
                continue
            if _own(credit, site):
                own += 1
                continue
            forms[credit[2]] += 1
            found.append(f"{credit[0]} ({credit[2]}): {ln.text[:70]!r}")
        if found:
            other_pages += 1
            print(f"  {pid[:8]} {site}: " + "; ".join(found))
    print(f"\n{len(pages)} pages; {other_pages} gain credits naming another outlet {dict(forms)}; "
          f"{own} credit lines name the page's own site")
    print(f"extract_html CPU s for all pages, best of 3: {secs['without']:.2f} without the page scan, "
          f"{secs['with']:.2f} with it ({secs['with'] / secs['without']:.3f}x)")
    # what reading any © line would add: the choice _explicit refuses
    strict = html_credits._explicit
    html_credits._explicit = lambda credit: credit is not None and credit[2] not in ("domain", "url")
    try:
        loose = 0
        for _pid, url, html in pages:
            got = extract_html(html, url, options=on)
            body = {ln.text for ln in got.lines}
            site = urlsplit(url).hostname or ""
            loose += any(ln.text not in body and not _own(parse_credit(ln.text), site)
                         for ln in got.credits)
    finally:
        html_credits._explicit = strict
    print(f"reading any © line instead: {loose} pages would gain a credit naming another outlet "
          f"(mostly a group's footer)")
    links(pages)


def links(pages: list[tuple[str, str, str]]) -> None:
    """Credits of the cleaned articles with a link, a story link, a domain from the href."""
    counts = {k: Counter() for k in ("all", "other outlet")}
    print("\ncredits with a link (cleaned articles, body and page scan):")
    for pid, url, html in pages:
        site = urlsplit(url).hostname or ""
        for c in clean_document(RawDoc(pid, "bench", "", "html", html, url=url)).credits:
            own = _own((c.outlet, c.domain), site)
            host = link_domain(c.link)
            row = {"credits": 1, "with a link": c.link is not None,
                   "with a story link": bool(host and story_link(c.link, host)),
                   "domain from href": bool(c.domain and (parse_credit(c.line) or (0, None))[1] is None
                                            and c.domain == host)}
            for key in ("all",) if own else ("all", "other outlet"):
                counts[key].update({k: int(v) for k, v in row.items()})
            if c.link:
                print(f"  {pid[:8]} {site}: {c.outlet} -> {c.domain} ({c.form}){' own site' if own else ''}: "
                      f"{c.link[:80]}")
    cols = ("credits", "with a link", "with a story link", "domain from href")
    print(f"{'credits':<14}" + "".join(f"{k:>19}" for k in cols))
    for name, n in counts.items():
        print(f"{name:<14}" + "".join(f"{n[k]:>19}" for k in cols))


if __name__ == "__main__":
    main()
