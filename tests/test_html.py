"""extract_html / decode_html on small hand-written pages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newstrace.clean import clean_document
from newstrace.clean.html import HtmlOptions, extract_html
from newstrace.clean.html_meta import iso_datetime
from newstrace.errors import InputError, MissingExtra, NewstraceError
from newstrace.ingest.decode import decode_html
from newstrace.records import RawDoc

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "scrapinghub-aeb"

PARA = "The council voted on Tuesday to close the old bridge after engineers found cracks. "
PAGE = f"""<!doctype html><html lang="en-GB"><head>
<title>Bridge closed | Town Gazette</title>
<meta property="og:title" content="Bridge closed after cracks found">
<meta property="og:site_name" content="Town Gazette">
<meta name="description" content="The old bridge is shut.">
<link rel="canonical" href="/news/bridge">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Bridge closed",
 "datePublished": "2019-11-20T08:00:00Z", "author": [{{"name": "Ann Smith"}}, {{"name": "Bo Li"}}]}}
</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge closed after cracks found</h1>
<p>{PARA * 3}</p>
<figure><img src="b.jpg"><figcaption>The bridge on Monday, before it was shut.</figcaption></figure>
<p>{PARA.replace("council", "mayor") * 3}</p>
<h2>What happens next</h2>
<p>{PARA.replace("bridge", "road") * 3}</p>
<p>Sign up for our daily newsletter to get the news in your inbox.</p>
</article>
<footer>Copyright Town Gazette. All rights reserved.</footer></body></html>"""


@pytest.fixture(scope="module")
def page():
    return extract_html(PAGE, "https://www.gazette.example/news/bridge?x=1")


def test_meta_values_and_evidence(page):
    m = page.meta
    assert m["title"].value == "Bridge closed" and m["title"].evidence == "json-ld title"
    assert m["published"].value == "2019-11-20T08:00+00:00"  # the time of day is kept
    assert m["published"].evidence == "json-ld datePublished"
    assert m["byline"].value == "Ann Smith, Bo Li"
    assert m["site_name"].value == "Town Gazette"
    assert m["lang"].value == "en-GB" and m["lang"].evidence == "html lang"
    assert m["canonical_url"].value == "https://www.gazette.example/news/bridge"
    assert m["description"].evidence == "meta og:description" or m["description"].value


def test_meta_fallbacks_to_meta_tags():
    html = PAGE.replace('"datePublished": "2019-11-20T08:00:00Z",', "").replace(
        "<title>", '<meta property="article:published_time" content="2018-02-03"><title>')
    m = extract_html(html).meta
    assert m["published"] .value == "2018-02-03"
    assert m["published"].evidence == "meta article:published_time"


def test_body_lines_kinds_and_filters(page):
    kinds = [(x.kind, x.text[:20]) for x in page.lines]
    assert ("subhead", "What happens next") in kinds
    assert kinds[0] == ("paragraph", PARA[:20])  # headline not in the body
    caps = [x for x in page.lines if x.kind == "caption"]
    assert [c.text for c in caps] == ["The bridge on Monday, before it was shut."]
    # caption sits right after the paragraph it follows in the page
    i = page.lines.index(caps[0])
    assert page.lines[i - 1].text.startswith("The council")
    assert all(x.start == -1 and x.end == -1 and x.keep for x in page.lines)
    assert "Home" not in page.text and "newsletter" not in page.text
    assert "The bridge on Monday" not in page.text  # captions are lines, not body text
    assert page.method == "html:blocks"  # the learned block model chose the lines
    dropped = {x.text: x.reason for x in page.removed}
    assert dropped["Bridge closed after cracks found"] in ("block model", "repeated headline")
    assert all(not x.keep and x.reason for x in page.removed)
    plain = extract_html(PAGE, options=HtmlOptions(model=False))
    assert plain.method.startswith("html:trafilatura")
    reasons = {x.reason for x in plain.removed}
    assert "repeated headline" in reasons and "promo" in reasons
    assert plain.text == page.text
    assert [x.text for x in plain.lines if x.kind == "caption"] == [caps[0].text]


def test_filters_off_keeps_debris():
    out = extract_html(PAGE, options=HtmlOptions(filters=False, captions=False))
    assert "newsletter" in out.text
    assert not any(x.kind == "caption" for x in out.lines)


def test_empty_body_is_not_an_error():
    out = extract_html("<html><head><title>x</title></head><body><nav>a</nav></body></html>")
    assert out.lines == [] and out.method == "html:empty" and out.meta["title"].value == "x"


@pytest.mark.parametrize("junk", [
    bytes(range(256)).decode("latin-1") * 20,
    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + "\x00\x01" * 500,
    "   ",
])
def test_binary_junk_raises_named_error(junk):
    with pytest.raises(InputError) as info:
        extract_html(junk, "file:///tmp/x.html")
    err = info.value
    assert isinstance(err, NewstraceError)
    assert err.source == "file:///tmp/x.html" and err.reason
    assert "fix:" in str(err)


def test_missing_extra_message():
    err = MissingExtra("warc", "fastwarc")
    assert 'pip install "newstrace[warc]"' in str(err)
    assert isinstance(err, ImportError)


def test_decode_cp1251_and_latin1():
    ru = "<html><head><meta charset=\"windows-1251\"></head><body><p>Привет, мир</p></body></html>"
    assert "Привет, мир" in decode_html(ru.encode("cp1251"))
    assert "Привет, мир" in decode_html(ru.replace('<meta charset="windows-1251">', "")
                                        .encode("cp1251"), "text/html; charset=windows-1251")
    fr = "<p>Café crème à la plage</p>"
    assert decode_html(fr.encode("latin-1"), "text/html; charset=ISO-8859-1") == fr
    # header says latin-1 but the bytes are UTF-8: UTF-8 wins
    assert decode_html(fr.encode("utf-8"), "text/html; charset=ISO-8859-1") == fr
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"
    guessed = decode_html(("<p>" + "Съешь же ещё этих мягких французских булок. " * 20 + "</p>")
                          .encode("cp1251"))
    assert "французских" in guessed


@pytest.mark.skipif(not SHARED.exists(), reason="shared benchmark data absent")
def test_real_pages_beat_a_floor():
    from importlib import util

    spec = util.spec_from_file_location("metric", Path(__file__).parents[1] / "bench" / "metric.py")
    metric = util.module_from_spec(spec)
    spec.loader.exec_module(metric)
    gold = json.loads((SHARED / "ground-truth.json").read_text())
    ids = sorted(gold)[:12]
    preds = {}
    for k in ids:
        html = gzip.open(SHARED / "html" / f"{k}.html.gz").read().decode("utf-8")
        preds[k] = extract_html(html, gold[k]["url"]).text
    res = metric.score(preds, {k: gold[k]["articleBody"] for k in ids})
    assert res["f1"] > 0.9


def test_fallback_works_with_trafilatura_alone(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "readability", None)  # the bench extra is absent
    html = ("<html><head><title>Short</title></head><body><div class='x'>"
            "<p>Only a short note here.</p></div></body></html>")
    out = extract_html(html, options=HtmlOptions(min_chars=10_000))
    assert out.method in ("html:trafilatura", "html:trafilatura+narrow",
                          "html:trafilatura-full", "html:empty")
    assert "readability" not in out.method


def test_blocks_of_splits_blocks_and_counts_links():
    from newstrace.clean.html import parse_html
    from newstrace.clean.html_blocks import blocks_of

    tree = parse_html("<html><body><div class='story'>Lead text<p>One <a href='x'>link</a> here."
                      "</p><table><tr><td>a</td><td>b</td></tr></table>tail<br>after</div>"
                      "</body></html>")
    got = [(b.text, b.tag, b.link) for b in blocks_of(tree.find("body"))]
    assert got == [("Lead text", "div", 0), ("One link here.", "p", 4), ("a b", "tr", 0),
                   ("tail", "div", 0), ("after", "div", 0)]


def test_block_model_matches_sklearn_and_round_trips():
    pytest.importorskip("sklearn")
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    from newstrace.clean.html_blocks import FEATURES, BlockModel
    from newstrace.clean.train_html import to_block_model

    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, len(FEATURES)))
    y = (X[:, 8] + 0.5 * X[:, 2] > 0).astype(int)
    gb = GradientBoostingClassifier(n_estimators=20, max_depth=3, random_state=0).fit(X, y)
    model = to_block_model(gb, X.tolist(), 0.5)
    assert np.allclose(model.proba(X.tolist()), gb.predict_proba(X)[:, 1])
    again = BlockModel.from_json(model.to_json())
    assert again.keep(X[:50].tolist()) == (gb.predict_proba(X[:50])[:, 1] >= 0.5).tolist()
    assert model.keep([]) == []


def test_shipped_model_loads_and_block_labels():
    from newstrace.clean.html import HtmlOptions, page_parts
    from newstrace.clean.html_blocks import load_model
    from newstrace.clean.train_html import block_labels

    assert load_model() is not None
    parts = page_parts(PAGE, None, HtmlOptions(model=True))
    labels = block_labels(parts, "Intro. What happens next, and when.")
    texts = [b.text for b, lab in zip(parts.blocks, labels, strict=True) if lab]
    assert texts == ["What happens next"]
    assert len(labels) == len(parts.blocks) > 5


def test_narrow_marks_core_and_blocks_know_it():
    from lxml import etree

    from newstrace.clean.html import _STRIP, narrow_tree, parse_html
    from newstrace.clean.html_blocks import blocks_of

    tree = parse_html(PAGE.replace("<article>", "<main><div class='share'>Share this</div>"
                                   "<article class='story'>").replace("</article>", "</article></main>"))
    etree.strip_elements(tree, *_STRIP, with_tail=False)
    small = narrow_tree(tree)
    blocks = blocks_of(small.find("body"))
    core = {b.text[:12] for b in blocks if b.core}
    assert "Share this" in {b.text for b in blocks if not b.core}
    assert {PARA[:12], "What happens"} <= core
    assert all("story" in b.hints for b in blocks if b.core and b.tag == "p")


class _Keep:
    """A stand-in block model: keeps blocks whose text passes `test`."""

    def __init__(self, test):
        self.test = test
        self.texts: list[str] = []

    def keep(self, rows):
        return [self.test(t) for t in self.texts[: len(rows)]]


def _judge(test, **opts):
    from newstrace.clean.html import HtmlOptions, finish_page, page_parts

    o = HtmlOptions(**opts)
    parts = page_parts(PAGE, None, o)
    model = _Keep(test)
    model.texts = [b.text for b in parts.blocks]
    return finish_page(parts, PAGE, None, o, model)


def test_block_model_drops_are_reported_and_runaway_guard():
    out = _judge(lambda t: "mayor" not in t)
    assert out.method == "html:blocks"
    assert "mayor" not in out.text and "council" in out.text
    dropped = [x for x in out.removed if x.reason == "block model"]
    assert any("mayor" in x.text for x in dropped) and not any(x.keep for x in dropped)
    # a model keeping far more than trafilatura did is not trusted
    assert _judge(lambda t: True).method == "html:blocks"
    assert _judge(lambda t: True, max_growth=0.5).method.startswith("html:trafilatura")


def test_meta_itemprop_date_and_url_date():
    page = PAGE.replace('"datePublished": "2019-11-20T08:00:00Z",', "")
    m = extract_html(page.replace("<title>", '<meta itemprop="datePublished" content="2017-05-06">'
                                  "<title>")).meta
    assert m["published"].value == "2017-05-06" and m["published"].evidence == "meta datePublished"
    m = extract_html(page, "https://news.example/2016/03/04/bridge-closed").meta
    assert m["published"].value == "2016-03-04" and m["published"].evidence == "url date"


def test_filters_match_any_case():
    from newstrace.clean.html_filters import filter_lines
    from newstrace.records import Line

    lines = [Line(PARA * 2, -1, -1, True, "", "paragraph"),
             Line("SIGN UP for our Newsletters today", -1, -1, True, "", "paragraph"),
             Line(PARA, -1, -1, True, "", "paragraph"),
             Line("You May Also Like", -1, -1, True, "", "subhead"),
             Line("Another story", -1, -1, True, "", "paragraph")]
    kept, removed = filter_lines(lines, None)
    assert [x.reason for x in removed] == ["promo", "after closing marker", "after closing marker"]
    assert len(kept) == 2


def _slow_cover(low: str, kept: tuple) -> float:
    """The plain definition the fast cover search must agree with."""
    joined, vocab = kept
    words = low.split()
    if not words:
        return 0.0
    if low in joined:
        return 1.0
    return 0.9 * sum(w in vocab for w in words) / len(words)


def test_block_cover_search_agrees_with_plain_definition():
    from newstrace.clean.html_blocks import Block, block_features, kept_grams

    kept = kept_grams(["The mayor said the bridge would reopen in spring. Engineers disagreed."])
    texts = ["Engineers disagreed.", "The mayor said", "the bridge would", "ayor said the",
             "said the bridge would reopen", "The mayor laughed", "Unrelated words here",
             "bridge", "the bridge would reopen in spring. Engineers"]
    blocks = [Block(t, "p", 0, "", 0) for t in texts]
    X = block_features(blocks, kept, "Bridge to reopen")
    assert X.shape[0] == len(texts)
    assert X[:, 8].tolist() == [_slow_cover(t.lower(), kept) for t in texts]
    assert X[3, 8] == 1.0 and X[5, 8] < 1.0  # a partial first word still counts as found


def test_block_model_walk_matches_plain_tree_walk():
    import numpy as np

    from newstrace.clean.html_blocks import FEATURES, load_model

    model = load_model()
    rng = np.random.default_rng(1)
    shape = (40, len(FEATURES))
    X = np.abs(rng.normal(size=shape)) * rng.integers(0, 3, size=shape)

    def plain(row):
        z = model.base
        for root in model.roots:
            node = int(root)
            while model.left[node] != node:
                node = int(model.left[node] if row[model.feature[node]] <= model.cut[node]
                           else model.right[node])
            z += model.value[node]
        return 1.0 / (1.0 + np.exp(-z))

    assert np.allclose(model.proba(X), [plain(r) for r in X], rtol=0, atol=1e-12)
    assert model.proba(X).tolist() == model.proba(X.tolist()).tolist()


def test_hint_pattern_keeps_word_boundaries():
    from newstrace.clean.html_blocks import _BAD_HINT

    for hint, bad in [("ads", True), ("top-ad box", True), ("x_ads", False), ("head", False),
                      ("tags", True), ("stag", False), ("post-tag-list", True), ("load", False),
                      ("related-posts", True), ("article body", False)]:
        assert bool(_BAD_HINT.search(hint)) is bad, hint


def test_parse_html_same_tree_for_declared_charsets():
    from lxml import etree

    from newstrace.clean.html import parse_html

    body = "<body><p>Grüße “quotes” 日本</p></body></html>"
    for head in ('<html><head><meta charset="iso-8859-1"></head>',
                 '<?xml version="1.0" encoding="utf-8"?><html><head></head>',
                 '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'):
        tree = parse_html(head + body)
        assert tree.findtext(".//p") == "Grüße “quotes” 日本"
        assert etree.tostring(tree, encoding="unicode").count("日本") == 1


def test_promo_prefilter_lets_every_promo_branch_through():
    from newstrace.clean.html_filters import _line_reason
    from newstrace.clean.promo import HTML_ANY
    from newstrace.records import Line

    promos = ["Sign up now for our weekly newsletters", "get it into your inbox daily",
              "Follow Jane on Instagram", "Share this story with a friend", "Like this article?",
              "Have a tip? Write to us", "Download the Gazette app", "All rights reserved",
              "Copyright © Gazette", "Gazette©2021", "Read on the go by clicking here"]
    for text in promos:
        assert HTML_ANY.search(text.lower()), text
        assert _line_reason(Line(text, -1, -1, True, "", "paragraph"), 5, False, "") == "promo"
    assert _line_reason(Line(PARA, -1, -1, True, "", "paragraph"), 5, False, "") == ""


def _training_page(i: int) -> tuple[str, str]:
    body = [f"Paragraph {j} of story {i}: the council met on Monday and agreed a plan for "
            f"the harbour, officials said, after a long debate about ferries and fees." for j in range(4)]
    junk = ["Subscribe to our newsletter to get the best stories of the week delivered "
            "to your inbox every single morning, free of charge.",
            f"Related coverage: {i + 3} other stories about ferries, harbours and councils "
            "that readers liked this week, picked by our editors."]
    html = ("<html><head><title>Story</title></head><body><nav><a href='/'>Home</a></nav>"
            "<article>" + "".join(f"<p>{p}</p>" for p in body)
            + "".join(f"<p>{j}</p>" for j in junk) + "</article></body></html>")
    return html, "\n".join(body)


def test_train_html_model_from_jsonl(tmp_path):
    pytest.importorskip("sklearn")
    from click.testing import CliRunner

    from newstrace.clean.html_blocks import BlockModel
    from newstrace.cli import main

    src = tmp_path / "pages.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(12):
            html, gold = _training_page(i)
            fh.write(json.dumps({"id": f"p{i}", "html": html, "url": f"https://x.example/{i}",
                                 "gold_text": gold}) + "\n")
    out = tmp_path / "blocks.json"
    result = CliRunner().invoke(main, ["train-cleaner", "--html", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = BlockModel.from_json(out.read_text())
    html, gold = _training_page(99)
    got = extract_html(html, "https://x.example/99", options=HtmlOptions(model=True), model=model)
    assert "Paragraph 3 of story 99" in got.text and "newsletter" not in got.text
    assert got.method == "html:blocks"  # the trained model chose the lines

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"html": "<p>x</p>"}) + "\n", encoding="utf-8")
    from newstrace.clean.train_html import train

    with pytest.raises(InputError, match="line 1"):
        train(bad, tmp_path / "never.json")
    assert not (tmp_path / "never.json").exists()


@pytest.mark.parametrize("title, h1, expected", [
    ("Council shuts the old bridge | Town Gazette", "Council shuts the old bridge", "Council shuts the old bridge"),
    ("Council shuts the old bridge - Town Gazette", "Council shuts the old bridge", "Council shuts the old bridge"),
    ("Council shuts the old bridge :: Town Gazette", "Council shuts the old bridge", "Council shuts the old bridge"),
    # a short headline under a long site name: the name is cut all the same
    ("Bridge shut for good | The Ashingrad Evening Gazette", "Bridge shut for good", "Bridge shut for good"),
    # a logo <h1> heads no story; an <h1> that differs from the <title> is not a cut of it
    ("CNN - Breaking News, Latest News", "CNN", "CNN - Breaking News, Latest News"),
    ("Council shuts the old bridge | Town Gazette", "Town Gazette", "Council shuts the old bridge | Town Gazette"),
])
def test_title_without_the_site_name(title, h1, expected):
    html = (f"<html><head><title>{title}</title></head><body><h1>{h1}</h1>"
            + "".join(f"<p>{PARA}</p>" for _ in range(3)) + "</body></html>")
    m = extract_html(html).meta
    assert m["title"].value == expected


@pytest.mark.parametrize("value, want", [
    ("2019-11-20T04:31:13.000Z", "2019-11-20T04:31+00:00"),
    ("2023-01-25T22:31:45+0300", "2023-01-25T22:31+03:00"),
    ("2019-11-20 04:31", "2019-11-20T04:31"),  # no zone: a local time
    ("2019-11-20T00:00:00+00:00", "2019-11-20"),  # midnight: a site keeping only the day
    ("2019-11-20", "2019-11-20"),
    ("2019-11-20T25:00", "2019-11-20"),
    ("no date", None),
])
def test_iso_datetime_keeps_the_time_of_day(value, want):
    assert iso_datetime(value) == want


def test_htmldate_time_of_day_reaches_the_article():
    html = ("<html><body><article><h1>Bridge closed for repairs</h1>"
            "<time datetime='2023-01-25T22:31:45+03:00'>25 January 2023</time>"
            + "<p>The bridge over the river was closed on Wednesday for repairs. " * 8
            + "</p></article></body></html>")
    a = clean_document(RawDoc("d1", "x", "https://example.org/news/bridge", "html", html))
    assert a.published is not None and a.published.value == "2023-01-25T22:31+03:00"
