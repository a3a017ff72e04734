"""The structure layer's shortcuts (cheap tests before regexes, caches, per-page counts)
give what the plain computations give."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newstrace.clean import blocks, byline, counters, credits, dates, headline, quotes, structure
from newstrace.records import Line

DUMPS = Path("/work/shared/data/extraction/textdump.jsonl")

LINES = [
    "(Reporting by Jane Doe; Editing by Tom Roe)", "Our standards: The Thomson Reuters Trust Principles.",
    "Follow AP's full coverage of the election", "The AP is solely responsible for all content.",
    "dpa:201118-99-01/2", "Associated Press writer Jane Doe in Paris contributed to this report.",
    "— With assistance from Jane Doe", "(This story has been refiled to fix a typo)",
    "To contact the reporter on this story: Jane Doe at jdoe@x.com", "— PTI", "(IANS)", "-IANS", "Xinhua",
    "Published: May 19, 2021 14:30", "19.05.2021", "2021-05-19T14:30", "11/13/19", "Nov 29", "3. Mai 2021",
    "19 de mayo de 2021", "29 ноя", "19 мая 2021 г.", "1st MAY 2020", "Title 0.00 (0%) 0 votes", "201",
    "👁 1 234", "٣ views", "12 просмотров", "views ²", "★★★★☆", "“Quote” he said «x» „y“ ‹z› \"w\" ”open",
    "Headline here - Site Name", "Headline · Site", "plain words only", "", "   ", "The sea | the sky",
]


def _lines() -> list[str]:
    out = list(LINES)
    if DUMPS.exists():
        for row in map(json.loads, DUMPS.read_text().splitlines()[:40]):
            out.extend(" ".join(x.split()) for x in row["text_dump"].split("\n"))
    return out


def _quote_spans_plain(par: str) -> list[tuple[int, int]]:
    spans, i = [], 0
    while i < len(par):
        ch = par[i]
        close = quotes._PAIRS.get(ch, '"' if ch == '"' else None)
        if close is not None:
            j = next((k for k in range(i + 1, len(par)) if par[k] in close), -1)
            if j > 0:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    return spans


def test_signoff_prefilter_and_signature_test_change_nothing():
    for text in _lines():
        whole = next((o for rx, o in credits._SIGNOFFS if rx.match(text)), None)
        assert (whole is not None) <= bool(credits._ANY_SIGNOFF.match(text) or "AP is solely" in text), text
        if credits._SIGNATURE.match(text):
            assert not credits._NOT_SIGNATURE.search(text), text
    assert credits.parse_credit("(Reporting by Jane Doe; Editing by Tom Roe)")[2] == "signoff"
    assert credits.parse_credit("— PTI")[0] == "PTI"


def test_date_patterns_skipped_only_when_they_cannot_match():
    for text in _lines():
        for rx, need in zip(dates._PATTERNS, dates._NEEDS, strict=True):
            if rx.search(text):
                assert need.search(text), (rx.pattern[:30], text)
    assert dates.find_date("19 de mayo de 2021").iso == "2021-05-19"


def test_counter_figure_test_is_any_digit_or_icon():
    for text in _lines():
        plain = any(c.isdigit() or c in counters._ICONS for c in text)
        assert counters._has_figure(text) == plain, text
    found = counters.parse_counters("0.00 (0%) 0 votes")
    found.append(("x", "y"))  # a caller's list is its own: the cache keeps its copy
    assert counters.parse_counters("0.00 (0%) 0 votes") == [("rating", "0.00"), ("votes", "0")]


def test_site_suffix_needs_a_mark():
    for text in _lines():
        if headline._SITE_SUFFIX.search(text):
            assert headline._SUFFIX_MARK.search(text), text


def test_near_title_is_word_f1_threshold():
    words = Counter(headline._WORD.findall("emirates inks order for 30 boeing 787 jets"))
    for text in _lines() + ["Emirates inks $9 billion order for 30 Boeing 787 jets, will restart"]:
        x = headline._WORD.findall(text.casefold())
        f1 = 2 * sum((Counter(x) & words).values()) / (len(x) + words.total()) if x else 0.0
        assert headline._near_title(text, words) == (f1 >= headline.NEAR_TITLE), text


def test_quote_spans_match_a_char_by_char_scan():
    for text in _lines():
        assert quotes._quote_spans(text) == _quote_spans_plain(text), text


@pytest.mark.parametrize("keeps", [[], [True], [False, True, True, False, True, False, False, True]])
def test_kept_counts_match_plain_counts(keeps):
    lines = [Line(str(n), n, n + 1, k) for n, k in enumerate(keeps)]
    kept = structure._kept_before(lines)
    for i in range(len(lines)):
        after = sum(1 for ln in lines[i + 1:] if ln.keep)
        before = sum(1 for ln in lines[:i] if ln.keep)
        assert structure._near_end(kept, i) == (after <= 2)
        assert structure._mid_body(kept, i) == (before >= 2 and after > 3)


def _finds(rx, text):
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_lookaheads_keep_the_matches():
    month_day = dates._PATTERNS[3]
    plain_month_day = re.compile(month_day.pattern.replace(dates._BEFORE_DAY, ""), month_day.flags)
    tail = counters._TAIL
    plain_tail = re.compile(tail.pattern.replace(counters._WORD_THEN_NUM, ""), tail.flags)
    assert month_day.pattern != plain_month_day.pattern and tail.pattern != plain_tail.pattern
    for text in _lines() + ["Updated May. 19, 2021 at 10:31 pm", "views: 12 | comments 3", "Title 👍 5 Просмотров: 7"]:
        assert _finds(month_day, text) == _finds(plain_month_day, text), text
        assert _finds(tail, text) == _finds(plain_tail, text), text
    assert counters.strip_counters("Title 0.00 (0%) 0 votes") == "Title"


def test_photo_word_test_keeps_photo_credits():
    extra = ["REUTERS/Jane Doe", "Photo: Jane Doe", "(AP Photo/Jane Doe)", "FILE PHOTO by X", "© Sputnik / X",
             "Getty Images", "Pictured: the mayor", "iStock", "Foto: x", "Фото: x", "(Photo by X)", "AFP/Getty",
             "Image credit: NASA", "An ordinary sentence about policy.", "İMAGE: x", "PHOTO BY ſomeone",
             "ФОТО: Иван", "фᲂтᲄ: x", "(Фото: ТАСС)", "Fotó: x", "“Quote” (AP Photo/Jane Doe)", "© Sputnik / X y",
             "ISTOCK", "Getty Images “x”", "«REUTERS/Jane»", "Image: x — ok", "Un texte sans crédit, très ordinaire."]
    for text in _lines() + extra:
        assert blocks._photo(text) == bool(blocks._PHOTO.search(text)), text


def _strip_plain(line: str) -> str:
    text = line.rstrip()
    while True:
        m = counters._TAIL.search(text, max(0, len(text) - 60))
        if not m or m.start() == 0:
            return text
        text = text[: m.start()].rstrip()


def test_counter_tail_test_skips_only_lines_it_cannot_end():
    extra = ["Title 12 тыс.", "Title просмотров 12 тыс.", "Title ПРОСМОТРОВ: 12 ТЫС.", "Title 👁 12 тыс.", "Title 5 views", "Title ★", "Title 3.5 (70%)", "Title 12K",
             "Title 👁 12", "Said 12 times.", "Title 0.00 (0%) 0 votes", "Story views: 12", "x 7 просмотров"]
    for text in _lines() + extra:
        counters.strip_counters.cache_clear()
        assert counters.strip_counters(text) == _strip_plain(text), text
        m = counters._TAIL.search(text.rstrip())
        if m and text.strip():
            assert counters._may_end_counter(text.rstrip()), text
    assert counters.strip_counters("Title просмотров 12 тыс.") == "Title"
    assert counters.strip_counters("Title 👁 12 тыс.") == "Title"


def test_credit_pretests_skip_only_lines_that_cannot_match():
    extra = ["© 2021 Reuters", "(c) 2020 AP", "Copyright 2020 BBC", "COPYRIGHT © 2019 CNN",
             "All rights reserved. © X Media", "RIPRODUZIONE RISERVATA © Copyright ANSA", "reuters.com",
             "https://www.bbc.co.uk/news/x", "www.thehindu.com/", "PTI ABC XYZ", "℗ 2021 Radio X"]
    for line in _lines() + extra:
        text = " ".join(line.split())
        if not text:
            continue
        if credits._copyright(text) is not None:
            assert text[0] in credits._COPY_FIRST, text
        if credits._URL_RE.match(text) or credits._DOMAIN_RE.match(text):
            assert " " not in text, text
        if credits._PTI_CODES.match(text):
            assert text.startswith("PTI"), text
    assert credits.parse_credit("© 2021 Reuters")[2] == "copyright"
    assert credits.parse_credit("https://www.bbc.co.uk/news/x")[2] == "url"
    assert credits.parse_credit("PTI ABC XYZ")[0] == "PTI"


@pytest.mark.skipif(not DUMPS.exists(), reason="no /work/shared dumps")
def test_head_byline_far_zone_test_changes_nothing(monkeypatch):
    from newstrace.clean.text import classify_lines

    rows = [json.loads(x) for x in DUMPS.read_text().splitlines()[:60]]
    pages = []
    for row in rows:
        lines = classify_lines(row["text_dump"])
        first = headline.first_kept_row(lines, 0)
        rows_ = headline.find_headline(lines)[1]
        pages.append((lines, first, rows_))
    fast = [byline.head_byline(*p) for p in pages]
    monkeypatch.setattr(byline, "_explicit", lambda s: True)  # every line read in full
    monkeypatch.setattr(byline, "_may_be_strong", lambda lines, i, text: True)
    assert [byline.head_byline(*p) for p in pages] == fast
    assert any(f is not None for f in fast)


def _page(texts: list[str], keep_from: int) -> list[Line]:
    out, pos = [], 0
    for n, t in enumerate(texts):
        out.append(Line(t, pos, pos + len(t), n >= keep_from))
        pos += len(t) + 1
    return out


def test_title_copy_above_the_body_wins_over_any_below():
    para = ("The council voted on Tuesday to approve the new budget plan, which adds money for schools and roads "
            "across the city and raises the fees that drivers pay to park in the centre.")
    texts = ["Council approves new budget plan | Daily Post", "Menu", "Council approves new budget",
             para, para, "Council approves new budget plan"]
    found, rows = headline.find_headline(_page(texts, 3))
    assert found.value == "Council approves new budget" and 2 in rows
    texts[2] = "Weather today"
    found, rows = headline.find_headline(_page(texts, 3))
    assert found.value == "Council approves new budget plan" and 5 in rows
    texts[4] = "Approves new budget"  # below the body too, a shorter piece first: the whole piece still wins
    found, rows = headline.find_headline(_page(texts, 3))
    assert found.value == "Council approves new budget plan" and 5 in rows


@pytest.mark.parametrize("head", [["By Jane Doe"], ["By", "Jane Doe"], ["Jane Doe, Staff Writer"],
                                  ["Jane Doe", "Senior Reporter"], ["Jane Doe", "@janedoe"]])
def test_head_byline_far_up_wants_a_marker_or_a_headline(head):
    para = "The council voted on Tuesday to approve the new budget plan for the coming year."
    texts = ["Council approves budget", *head] + [f"Menu item {n}" for n in range(20)] + [para, para, para]
    lines = _page(texts, len(texts) - 3)
    alone = byline.head_byline(lines, len(texts) - 3)  # no headline above: only a "By" counts
    under = byline.head_byline(lines, len(texts) - 3, {0})  # after the headline: a role or handle too
    assert under is not None and under[0] == "Jane Doe"
    if head[0].startswith("By"):
        assert alone == under and alone[1] == "byline line above the body"
    else:
        assert alone is None and under[1] in ("name and role above the body", "name and handle above the body")


def _vote_pages() -> list[list[Line]]:
    para = ("The council voted on Tuesday to approve the new budget plan, which adds money for schools and roads "
            "across the city and raises the fees that drivers pay to park in the centre.")
    made = [["Home", "Council approves budget plan", "Most Read", para, "Council approves budget plan 0.00 (0%) 0 votes",
             "Most Read", "Council Approves Budget Plan | Daily Post", "...Council approves budget plan"],
            ["Opening bell", "Markets", para, "Opening bell", "Opening bell"]]
    pages = [_page(t, 2) for t in made]
    if DUMPS.exists():
        from newstrace.clean.text import classify_lines

        for row in map(json.loads, DUMPS.read_text().splitlines()[:40]):
            pages.append(classify_lines(row["text_dump_inline_split"]))
    return pages


def test_vote_skips_only_lines_that_cannot_add_to_a_key_above_the_body(monkeypatch):
    pages = _vote_pages()
    fast = [headline._vote(lines, headline._body_at(lines)) for lines in pages]
    monkeypatch.setattr(headline, "_may_extend", lambda text, heads, short: True)
    assert [headline._vote(lines, headline._body_at(lines)) for lines in pages] == fast
    assert fast[0][0] == [1, 4, 6] and fast[1][0] == [0, 3, 4]


def test_marker_first_word_lowered_after_the_split():
    for text in _lines() + ["İSTANBUL: x", "SOURCE: Reuters", "Via：BBC", "[Source: AP]", "So-and-so said"]:
        first = credits._FIRST_SPLIT.split(text.lstrip(" [(-–—").lower(), maxsplit=1)[0]
        assert credits._may_mark(text) == (first in credits._FIRST_WORDS or first.startswith("so")), text


def test_byline_evidence_test_changes_no_reading(monkeypatch):
    extra = ["Jane Doe, Staff Writer", "Jane Doe | Reuters", "Jane Doe @janedoe", "Jane Doe Nov 19, 2019",
             "Reuters November 18, 2019 11:03 PM", "Jane Doe Senior Correspondent", "Jane Doe / The Hindu",
             "Jane Doe", "World News", "By Jane Doe", "Meg JamesStaff Writer", "홍길동 기자"]
    texts = _lines() + extra
    fast = [byline.read_byline.__wrapped__(t) for t in texts]
    monkeypatch.setattr(byline, "_may_stand_with", lambda s: True)
    assert [byline.read_byline.__wrapped__(t) for t in texts] == fast
    assert sum(f is not None for f in fast[-len(extra):]) >= 8


def test_site_suffix_cut_keeps_a_prefix_of_the_key():
    extra = ["Headline here - Site Name", "“Quoted” headline | Site", "Title ... | x", "....Dots - Site", "ΑΣ - ΒΣ"]
    for line in _lines() + extra:
        text = " ".join(line.split())
        cut = headline.title_key(headline._SITE_SUFFIX.sub("", text))
        assert headline.title_key(text).startswith(cut), text


def test_photo_fold_covers_every_letter_ignorecase_matches():
    every = "".join(map(chr, range(0x80, 0x110000)))  # every non-ASCII code point
    letters = {c for w in (*blocks._PHOTO_WORDS, "фото", "fotó") for c in w if c.isalpha()}
    for c in letters:
        for m in re.finditer(re.escape(c), every, re.I):
            assert m.group().translate(blocks._FOLD).lower() == c, (c, hex(ord(m.group())))
