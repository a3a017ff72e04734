"""The structure layer's shortcuts (cheap tests before regexes, caches, per-page counts)
give what the plain computations give."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newstrace.clean import blocks, counters, credits, dates, headline, quotes, structure
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
             "Image credit: NASA", "An ordinary sentence about policy."]
    for text in _lines() + extra:
        assert blocks._photo(text) == bool(blocks._PHOTO.search(text)), text
