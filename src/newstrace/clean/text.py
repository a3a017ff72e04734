"""Text-mode body cleaning: keep the article lines of a scraped page, drop debris.

`classify_lines` scores every non-blank line with a small boosted-tree model
over features of the line and its neighbourhood (`lines.build_page`); on a
page cut into pieces at every link, a piece also gets the score of the sentence
it belongs to, joined back together (`fragments.rescore`). Then it keeps
doubtful lines sandwiched between kept ones, drops runs made of doubtful lines
only, keeps a numbered list that goes on from the article ("1) ...",
"2) ...", "3) ...") and rows of data that do (tour dates, a calendar;
lists.py), applies a few hard rules (repeated headline, counters,
rows of share buttons, section labels such as "Tags:", site template lines)
and a fallback (a page left nearly empty keeps its densest block of prose).
The story sits right under the headline: when the model kept none of the run of
lines there (a table, a list of short lines) but only smaller text further down,
that run is kept too.
Rules use the shape of a news page: a second copy of the article (a run of
lines kept already, or the same words cut into lines differently:
`fragments.copies`) is dropped, so is a reader-comment section that starts
below the article (at a run of comment marks, or at a note on the comments'
rules: `comments.policy_lines`; no rule that keeps lines reaches past such a
note), and so are teaser lists (Title Case headlines glued to their summaries,
summaries cut with an ellipsis, feeds of other stories over relative times such
as "14H ago") and blocks of boilerplate after the story (a press release's
"About X" section, consent and sign-up text, reader appeals:
`tail.edge_boilerplate`). Dropped lines get a short reason. The model is plain
JSON evaluated with numpy; scikit-learn is only needed to train it
(`newstrace.clean.train_text`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import MISSING, fields
from itertools import repeat

import numpy as np

from ..records import Line
from . import fragments, tail
from . import lines as L
from .comments import policy_lines
from .context import anchor_line, run_under, window_sum
from .cues import CUE_WORDS, WORD
from .layout import IMAGE_LINE
from .lines import Page, build_page, is_blank, line_key
from .lists import data_rows, feed_items, numbered_list
from .promo import page_promo
from .text_model import MODEL_FILE, TextModel, TreeEnsemble, load_model  # noqa: F401 (the API)

log = logging.getLogger(__name__)

# fewer kept words than this: fall back to the densest prose block (word counts here are the
# `log_words` feature: Chinese and Japanese count by characters, `cjk.cjk_words`)
MIN_WORDS = 25
SANDWICH_MIN, SANDWICH_GAP = 0.15, 4  # see `_sandwich`
WEAK_RUN = 0.6  # see `_weak_runs`
DUP_MIN_CHARS, DUP_RUN = 60, 2  # see `_second_copies`
COMMENT_MARKS, COMMENT_ABOVE = 3, 50  # see `_comment_start`
FEED = re.compile(r"\b(?:rss|feed|atom)\b", re.IGNORECASE)  # "Comments RSS", "Feed Komentar"
TEASER_RUN, TEASER_SPAN = 2, 3  # see `_teasers`
CUT_RUN, CUT_WORDS, TITLE_WORDS = 2, 10, 15  # see `_cut_snippets`
CUT_ENDS = ("…", "...", "[…]", "[...]", "…]", "(…)")  # a cut summary ends so
STORY_HEAD, STORY_WORDS, STORY_SHARE = 4, 25, 0.5  # see `_story_under_headline`
TITLE_MIN_CHARS = 12  # see `_title_line`
SITE_SPLIT = re.compile(r"\s+[|\-–—•»]\s+|\s*\|\s*")  # "Headline | Site", "Headline - Site"
SITE_WORDS, TITLE_MAX_WORDS = 4, 30  # see `_site_title`
SENTENCE_ENDS = (".", "!", "?", "\"", "”", "»", "…", ":")  # a line ending so is no <title>
SHARE_WORDS = frozenset(w for w, cat in CUE_WORDS.items() if cat == "share")
LINK_ROW = re.compile(r"\s+[|·•]\s+")  # "Privacy Policy | Terms of Use | Contact"
LEGAL = re.compile(r"\b(?:privacy|terms|cookies?|contact(?: us)?|about us|advertise|site ?map|careers|"
                   r"imprint|impressum|disclaimer|datenschutz|aviso legal|termos|privacidade)\b", re.I)
# section labels standing alone on a line ("Tags:", "Share this story"), as `lines.normalise` keys
LABELS = frozenset(
    k + end for k in (
        "tag", "tags", "tagged", "tagged with", "topic", "topics", "filed under", "category",
        "categories", "keywords", "labels", "more on", "share", "share this", "share this article",
        "share this story", "share this post", "related", "related topics", "related articles",
        "related stories", "related posts", "etiquetas", "tópicos", "argomenti", "schlagwörter",
        "themen", "темы", "теги", "рубрики",
        # widget headers ("Most read", "You may also like"): none of 400 such lines in the dumps is article text
        "advertisement", "comments", "leave a comment", "follow us", "trending", "trending now",
        "most read", "most popular", "popular posts", "recommended", "you may also like",
        "you might also like", "sign up for our newsletter",
        # the same in Chinese, Japanese and Korean
        "标签", "标签云", "关键词", "相关新闻", "相关阅读", "相关文章", "相关报道", "推荐阅读", "延伸阅读",
        "热门推荐", "热门文章", "猜你喜欢", "分享到", "评论", "广告", "关注我们", "標籤", "關鍵詞",
        "相關新聞", "相關閱讀", "相關文章", "推薦閱讀", "延伸閱讀", "熱門文章", "廣告", "タグ",
        "関連記事", "関連ニュース", "おすすめ記事", "人気記事", "シェア", "広告", "コメント", "태그",
        "관련기사", "관련 기사", "많이 본 뉴스", "공유하기", "댓글", "광고", "추천 기사")
    for end in ("", ":", " :", "："))


__all__ = ["classify_lines", "common_site_lines", "line_key", "load_model", "TreeEnsemble",
           "TextModel", "kept_text"]


C = L.COL
LOG1P_4, LOG1P_6 = float(np.log1p(4)), float(np.log1p(6))
# why a line was dropped, first match wins (see `_reasons`)
CUE_REASONS = (("counter", "counter"), ("rating", "rating widget"), ("copyright", "copyright"),
               ("cookie", "cookie notice"), ("share", "share buttons"),
               ("related", "related links"), ("subscribe", "subscription"),
               ("advert", "advertisement"))
CUE_REASON_COLS = tuple(C[col] for col, _ in CUE_REASONS)
COOKIE = [col for col, _ in CUE_REASONS].index("cookie")
REASONS = np.array(["site template", "repeated headline", *(name for _, name in CUE_REASONS),
                    "repeated line", "navigation", "short line", "low score"], dtype=object)
REASONS.flags.writeable = False
LINE_FIELDS = fields(Line)


def _headline_copies(page: Page, sents: fragments.Sentences | None = None) -> np.ndarray:
    """Lines that repeat the page's headline (and a first line that is the headline);
    not a piece of a longer sentence cut at links ("... recipe for" / "honey pear jam" /
    "that ...": `fragments.rebuilt_lines`)."""
    out = page.title.copy()
    if out.any():
        out &= ~fragments.rebuilt_lines(page, sents)
    out[0] |= _repeated_first(page, 0) or _site_title(page.texts[0])
    return out


def _site_title(text: str) -> bool:
    """A first line that is a page <title>: a headline and the site's name ("Port deal
    agreed | Harbor Times", "Harbor Times - Port deal agreed"), no sentence end."""
    parts = SITE_SPLIT.split(text.strip())
    if len(parts) < 2 or len(text.split()) > TITLE_MAX_WORDS or text.rstrip().endswith(SENTENCE_ENDS):
        return False
    return any(1 <= len(p.split()) <= SITE_WORDS for p in (parts[0], parts[-1]))


def _reasons(page: Page, chars: np.ndarray, common: np.ndarray, headline: np.ndarray) -> np.ndarray:
    """A short reason for each line, as if it were dropped (an array of str)."""
    X = page.X
    conds = np.ones((len(REASONS), len(X)), dtype=bool)  # the last, "low score", always holds
    conds[0], conds[1] = common, headline
    conds[2:2 + len(CUE_REASONS)] = X[:, CUE_REASON_COLS].T > 0
    conds[2 + COOKIE] &= X[:, C["log_words"]] >= LOG1P_4
    short = (chars < 40) & (X[:, C["terminal"]] == 0)
    conds[-4] = page.counts > 1
    conds[-3] = short & (X[:, C["upper_share"]] >= 0.5)
    conds[-2] = short
    return REASONS[np.argmax(conds, axis=0)]  # the first condition that holds


def _sandwich(page: Page, q: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Also keep a doubtful line that sits between kept lines (a caption, a subhead).

    Needs a score of at least SANDWICH_MIN, no debris cue, and kept lines at
    most SANDWICH_GAP lines apart around it (repeated headlines do not count).
    """
    title = page.title
    cue = page.X[:, C["copyright"]:C["rating"] + 1].max(axis=1) > 0
    kept = (keep & ~title).nonzero()[0]
    out = keep.copy()
    cand = (~keep & ~cue & ~title & (q >= SANDWICH_MIN)).nonzero()[0]
    if len(kept) < 2 or not len(cand):
        return out
    j = kept.searchsorted(cand)
    inner = (j > 0) & (j < len(kept))
    j = np.minimum(np.maximum(j, 1), len(kept) - 1)
    out[cand[inner & (kept[j] - kept[j - 1] <= SANDWICH_GAP)]] = True
    return out


def _weak_runs(q: np.ndarray, keep: np.ndarray, skip: np.ndarray | None = None) -> np.ndarray:
    """Drop each run of kept lines (kept lines between two dropped ones) whose best
    line scores under WEAK_RUN: a few doubtful lines on their own (teasers, labels
    between debris) rather than part of the article. Lines in `skip` (rows of share
    buttons, labels: dropped anyway) are passed over: they cut no run in two."""
    if skip is not None and skip.any():
        out = keep.copy()
        rest = (~skip).nonzero()[0]
        out[rest] = _weak_runs(q[rest], keep[rest])
        return out
    if not len(keep):  # every line was passed over
        return keep
    run = np.concatenate(([0], (keep[1:] != keep[:-1]).cumsum()))
    first = np.concatenate(([0], (run[1:] != run[:-1]).nonzero()[0] + 1))
    return keep & (np.maximum.reduceat(q, first) >= WEAK_RUN)[run]


def _teasers(page: Page) -> np.ndarray:
    """Lines in a teaser list: a glued headline (`lines.glued_heads`) with at least
    TEASER_RUN of them within TEASER_SPAN lines either side."""
    heads = page.teaser
    if heads is None or heads.sum() < TEASER_RUN:
        return np.zeros(len(page.texts), dtype=bool)
    return heads & (window_sum(heads, TEASER_SPAN) >= TEASER_RUN)


def _cut_snippets(page: Page) -> np.ndarray:
    """Lines of CUT_WORDS or more words ending in an ellipsis (a teaser's cut summary,
    "... the first …"), when at least CUT_RUN lines of the page are such, and a
    title (no sentence end, at most TITLE_WORDS words) right above one. A summary sits
    under its title or another summary: a line ending so under a paragraph (a sentence
    end, more than TITLE_WORDS words, no cut line) is the writer's own ellipsis."""
    X = page.X
    cut = X[:, C["log_words"]] >= np.log1p(CUT_WORDS)
    long = cut.nonzero()[0]
    texts = page.texts
    cut[long] = list(map(str.endswith, map(texts.__getitem__, long.tolist()), repeat(CUT_ENDS)))
    if cut.sum() < CUT_RUN:
        return np.zeros(len(cut), dtype=bool)
    short = X[:, C["log_words"]] <= np.log1p(TITLE_WORDS)
    title = (X[:, C["terminal"]] == 0) & short
    prose = (X[:, C["terminal"]] > 0) & ~short & ~cut
    cut &= ~np.concatenate(([False], prose[:-1]))
    return cut | (np.append(cut[1:], False) & title)


def _before(marks: np.ndarray, lo: int, hi: int) -> int:
    """The end of lines [lo, hi) cut before the first of `marks` in them (a block kept
    whole must not reach past a comment-policy line)."""
    hit = marks[lo:hi].nonzero()[0]
    return lo + int(hit[0]) if len(hit) else hi


def _words(page: Page, keep: np.ndarray) -> float:
    return float(np.expm1(page.X[keep, C["log_words"]]).sum())


def _second_copies(page: Page, keep: np.ndarray) -> np.ndarray:
    """Runs of DUP_RUN or more kept lines that all repeat lines kept higher up.

    Pages that show an article twice (a summary box, a print copy) would
    otherwise count its text twice; a lone repeated line (an interview's
    recurring question, a table's recurring row) stays.
    """
    out = np.zeros(len(keep), dtype=bool)
    if np.count_nonzero(page.counts[keep] > 1) < 2 * DUP_RUN:
        return out
    kept = keep.nonzero()[0].tolist()
    seen: set[str] = set()
    again = []
    keys = page.keys
    for k in map(keys.__getitem__, kept):
        again.append(k in seen and len(k) >= DUP_MIN_CHARS)
        seen.add(k)
    run = 0
    for j, dup in enumerate(again + [False]):
        if dup:
            run += 1
            continue
        if run >= DUP_RUN:
            out[kept[j - run:j]] = True
        run = 0
    return out


def _comment_start(page: Page, keep: np.ndarray, policy: np.ndarray | None = None) -> int:
    """First line of a reader-comment section below the article (len(lines) if none).

    A comment mark ("12 Comments", "Name says:", "Leave a reply") starts one
    when at least COMMENT_MARKS more follow it, a comment-policy line
    (`comments.policy_lines`: "Comments are moderated ...") starts one alone; either
    when the lines kept above it hold at least COMMENT_ABOVE words. A link to the
    comments' feed ("Comments RSS", "Feed Komentar": a blog sidebar's menu) is no mark.
    """
    marks = [i for i in L.comment_marks(page.X).nonzero()[0].tolist()
             if not FEED.search(page.texts[i])]
    if policy is None:
        policy = policy_lines(page.texts)
    starts = sorted(marks[:-COMMENT_MARKS] + policy.nonzero()[0].tolist())
    if not starts:
        return len(keep)
    words = np.where(keep, np.expm1(page.X[:, C["log_words"]]), 0.0).cumsum()
    for i in starts:
        if i > 0 and words[i - 1] >= COMMENT_ABOVE:
            return i
    return len(keep)


def _story_under_headline(page: Page, keep: np.ndarray, policy: np.ndarray | None = None) -> np.ndarray:
    """The run of lines right under the headline, when the model kept none of it.

    The headline is `context.anchor_line`; the run starts after at most STORY_HEAD
    lines of dates, bylines, share buttons, labels or short menu-like lines (so a list
    whose first items name a month loses them) and ends before the next line with a
    debris cue, a comment mark or comment-policy line (`policy`), a label or the
    headline again (`context.run_under`). It is kept when every kept line lies below it
    (or none is kept), it holds STORY_WORDS words or more, at least STORY_SHARE times
    the words kept, and is not mostly repeated lines (a teaser list): the model then
    kept a sidebar below a story it could not read (a table, a list of short lines).
    Returns the lines to add.
    """
    out = np.zeros(len(keep), dtype=bool)
    at = anchor_line(page.title, page.main[0])
    kept = keep.nonzero()[0]
    end = int(kept[0]) + 1 if len(kept) else len(keep)
    if at < 0 or end <= at + 1:
        return out
    first = at + 1  # only lines down to the first kept one matter: the run must end above it
    if policy is None:
        policy = policy_lines(page.texts)
    X = page.X[first:end]
    keys = page.keys[first:end]
    label = np.fromiter(map(LABELS.__contains__, keys), dtype=bool, count=len(keys))
    cue = L.debris_cue(X)
    header = cue | label | (X[:, [C["date"], C["clock"], C["byline"], C["nav_like"]]].max(axis=1) > 0)
    stop = cue | label | (L.comment_marks(X) > 0) | page.title[first:end] | policy[first:end]
    lo, hi = run_under(-1, header, stop, STORY_HEAD)
    if hi == len(X):  # no stop above the first kept line
        return out
    words = np.expm1(X[lo:hi, C["log_words"]])
    lo, hi = lo + first, hi + first
    total = words.sum()
    repeated = (page.counts[lo:hi] > 1) & (words >= 6)
    if total < max(STORY_WORDS, STORY_SHARE * _words(page, keep)) or words[repeated].sum() > total / 2:
        return out
    out[lo:hi] = True
    return out


def _hard_drop(page: Page, chars: np.ndarray, headline: np.ndarray, buttons: np.ndarray,
               sents: fragments.Sentences | None = None) -> np.ndarray:
    """Lines dropped whatever the model says (`chars`: each line's length; `buttons`:
    `_buttons(page)`; `sents`: `fragments.sentences(page)`, if read). A bare number
    inside a sentence cut at links ("... in the US (" / "1" / ").") is no counter."""
    X = page.X
    counter = (X[:, C["counter"]] > 0) & (chars < 24)  # bare counters: "0", "201"
    if counter.any():
        counter &= ~fragments.rebuilt_lines(page, sents)
    rating = ((X[:, C["rating"]] > 0) & (X[:, C["log_words"]] <= LOG1P_6)
              & (X[:, C["terminal"]] == 0))  # "0.00 (0%) 0 votes"
    return counter | rating | headline | buttons


def _buttons(page: Page) -> np.ndarray:
    """Rows of share buttons ("Facebook Twitter WhatsApp Email"), section labels standing
    alone ("Tags:", "Share this story", "Related Topics") and a site footer's row of legal
    links ("Privacy Policy | Terms of Use | Contact")."""
    keys = page.keys
    out = np.fromiter(map(LABELS.__contains__, keys), dtype=bool, count=len(keys))
    for i in (page.X[:, C["share"]] > 0).nonzero()[0].tolist():
        words = WORD.findall(keys[i])
        out[i] |= len(words) >= 2 and all(w in SHARE_WORDS for w in words)
    for i, text in enumerate(page.texts):
        if "|" in text or "·" in text or "•" in text:
            parts = LINK_ROW.split(text)
            out[i] |= (len(parts) >= 3 and all(1 <= len(x.split()) <= 4 for x in parts)
                       and LEGAL.search(text) is not None)
    return out


def _repeated_first(page: Page, i: int) -> bool:
    """The first line, when it recurs as the page's headline."""
    return bool(i == 0 and page.counts[0] > 1 and not page.X[0, C["terminal"]] and page.title.any())


def classify_lines(
    text: str, *, common_lines: set[int] | None = None, model: TextModel | None = None,
    title: str | None = None,
) -> list[Line]:
    """One `Line` per non-blank line of `text`: keep (article body) or drop with a reason.
    Lines of white space such as no-break spaces, a list marker or an image name alone are
    left out of the reading (other scrapers write them; the model never saw them) and
    dropped ("empty", "list marker", "image").

    `title`: the page title, when the input gives it apart from the text. A text dump
    starts with the page title and the model reads the page against it (the headline
    repeats it); other scrapers leave it out, so the text is read as if it started
    with `title` (unless it does already). Offsets stay those of `text`.
    """
    model = model or load_model()
    head = _title_line(text, title)
    full = head + text
    page = build_page(full)
    if not page.texts:
        return _output([[], [], [], [], []], full, page.blank, len(head))
    sents = fragments.sentences(page)  # read once for the rules that join a cut sentence
    q = fragments.rescore(page, model.scores(page), model.scores, model.threshold, sents)
    buttons = _buttons(page)
    keep_all = _weak_runs(q, _sandwich(page, q, q >= model.threshold), buttons)
    policy = policy_lines(page.texts)
    if _words(page, keep_all) < MIN_WORDS:
        lo, hi = page.main
        keep_all[lo:_before(policy, lo, hi)] = True
    teaser = _teasers(page) | _cut_snippets(page) | feed_items(page)
    keep_all |= numbered_list(page, keep_all) | data_rows(page, keep_all)
    keep_all &= ~_second_copies(page, keep_all) & ~teaser
    keep_all &= ~fragments.copies(page, keep_all)
    keep_all[_comment_start(page, keep_all, policy):] = False
    n = len(page.texts)
    common = np.zeros(n, dtype=bool)
    if common_lines:
        common[[i for i, t in enumerate(page.texts) if line_key(t) in common_lines]] = True
    headline = _headline_copies(page, sents)
    chars = page.chars
    keep_all &= ~common & ~_hard_drop(page, chars, headline, buttons, sents) & ~policy
    keep_all |= _story_under_headline(page, keep_all, policy) & ~common
    reasons = _reasons(page, chars, common, headline)
    reasons[teaser & (reasons == "low score")] = "related links"
    boiler = tail.edge_boilerplate(page.texts, keep_all)  # an About section, a consent form, an appeal
    keep_all[boiler], reasons[boiler] = False, tail.REASON
    promo = page_promo(page, keep_all, sents)  # "READ MORE: ...", "Subscribe to ...", a caption "... (Image: GETTY)"
    drop = promo != ""
    keep_all[drop], reasons[drop] = False, promo[drop]
    for i in (page.X[:, C["log_words"]] == 0).nonzero()[0].tolist():
        if is_blank(page.texts[i]):  # a line with a word is never blank
            keep_all[i] = False
            reasons[i] = "empty"
    reasons[keep_all] = ""
    columns = [page.texts, page.starts, page.ends, keep_all.tolist(), reasons.tolist()]
    return _output(columns, full, page.blank, len(head))


def _output(columns: list[list], text: str, blank: list[tuple[int, int]], head: int) -> list[Line]:
    """The Lines of the columns (text, start, end, keep, reason) of `text` read after a
    title line of `head` characters (0: none), with the lines read as blank put back; the
    title line, which the input did not have, left out and offsets made the input's."""
    if blank:
        columns = _with_blank(columns, text, blank)
    if head:  # the title line starts the text: the first row
        columns = [columns[0][1:], [s - head for s in columns[1][1:]], [e - head for e in columns[2][1:]],
                   columns[3][1:], columns[4][1:]]
    return _make_lines(*columns)


def _with_blank(columns: list[list], text: str, blank: list[tuple[int, int]]) -> list[list]:
    """The line columns with the lines read as blank (`Page.blank`) put back in text order,
    dropped: "empty" (white space), "image" (an image name) or "list marker"."""
    texts = [text[a:b] for a, b in blank]
    why = ["empty" if is_blank(t) else "image" if IMAGE_LINE.fullmatch(t) else "list marker"
           for t in texts]
    merged = [col + extra for col, extra in zip(columns, (texts, [a for a, _ in blank],
              [b for _, b in blank], [False] * len(blank), why), strict=True)]
    order = sorted(range(len(merged[1])), key=merged[1].__getitem__)
    return [list(map(col.__getitem__, order)) for col in merged]


def _title_line(text: str, title: str | None) -> str:
    """The line (with its newline) to read `text` after: `title` on one line, or "" when
    there is none or the text starts with it (or with a line holding it, or held in it)."""
    title = " ".join(title.split()) if title else ""
    if not title:
        return ""
    first = L.normalise(next((ln for ln in text.split("\n", 20)[:20] if not is_blank(ln)), ""))
    key = L.normalise(title)
    if key in first or (len(first) >= TITLE_MIN_CHARS and first in key):
        return ""
    return title + "\n"


def _make_lines(*columns: list) -> list[Line]:
    """`list(map(Line, *columns))`, faster: a frozen dataclass's `__init__` sets each field
    through `object.__setattr__`; here each slot is filled for all lines in one C-level map.
    Fields past the given columns get their defaults."""
    n = len(columns[0])
    out = list(map(object.__new__, repeat(Line, n)))
    for k, f in enumerate(LINE_FIELDS):
        if k < len(columns):
            col = columns[k]
        elif f.default is not MISSING:
            col = repeat(f.default, n)
        else:
            col = [f.default_factory() for _ in range(n)]
        deque(map(getattr(Line, f.name).__set__, out, col), maxlen=0)
    return out


def kept_text(lines: Iterable[Line]) -> str:
    return "\n".join(ln.text for ln in lines if ln.keep)


def common_site_lines(texts: Iterable[str], min_share: float = 0.3, min_docs: int = 3) -> set[int]:
    """Hashes of lines that recur on at least `min_share` of a site's pages (and `min_docs`)."""
    seen: Counter = Counter()
    n_docs = 0
    for text in texts:
        n_docs += 1
        keys = {line_key(s) for s in L.split_lines(text)[0] if not is_blank(s)}
        seen.update(keys)
    need = max(min_docs, min_share * n_docs)
    return {k for k, c in seen.items() if c >= need}
