"""Debris cue words of page lines (copyright, cookie, share, related, ...), found page-wide."""

from __future__ import annotations

import re

import numpy as np

from .charclass import changes_length, lower_bmp, word_spans

WORD = re.compile(r"\w+")

# debris cues: whole lower-cased words, 5-letter stems, word pairs, and CJK substrings
CUE_LISTS = {
    "copyright": "copyright copyrighted ©",
    "cookie": "cookie cookies gdpr consent privacy privacidade datenschutz конфиденциальности",
    "subscribe": "newsletter newsletters subscribe subscription subscribers login logout register"
                 " signup inscreva assine iscriviti abonnieren anmelden berlangganan подписаться"
                 " подписка",
    "share": "share shares tweet facebook twitter whatsapp linkedin pinterest reddit telegram"
             " email mail print compartilhe compartilhar condividi teilen поделиться vk bagikan"
             " flipboard instagram youtube rss",
    "related": "related recommended trending popular prev previous next leia veja читайте"
               " leggi lihat baca более",
    "advert": "advertisement advertising ad ads sponsored anzeige werbung publicidade реклама"
              " pubblicità iklan",
    "rating": "vote votes rating ratings stars голосов avaliação",
    "date": "ago jan feb mar apr may jun jul aug sep sept oct nov dec january february march"
            " april june july august september october november december updated published",
}
CUE_WORDS = {w: cat for cat, ws in CUE_LISTS.items() for w in ws.split()}
# comment sections: headers ("12 Comments", "Leave a reply") and author lines ("Name says:")
COMMENT_WORDS = frozenset(
    "comment comments reply replies responses kommentar kommentare комментарий комментарии"
    " комментариев comentário comentários comentarios commento commenti komentar commentaires"
    " 댓글 コメント".split())
AUTHOR_WORDS = frozenset(
    "says said wrote writes replied commented disse sagt schreibt написал написала пишет dice"
    " scrive".split())
CUE_STEMS = {"copyr": "copyright", "cooki": "cookie", "subsc": "subscribe", "newsl": "subscribe",
             "adver": "advert", "spons": "advert", "recom": "related"}
CUE_PAIRS = {"read more": "related", "see also": "related", "more from": "related",
             "more stories": "related", "you may": "related", "you might": "related",
             "most read": "related", "leia também": "related", "veja também": "related",
             "читайте также": "related", "leggi anche": "related", "baca juga": "related",
             "lihat juga": "related", "sign up": "subscribe", "sign in": "subscribe",
             "log in": "subscribe", "all rights": "copyright", "rights reserved": "copyright",
             "direitos reservados": "copyright", "все права": "copyright",
             "hak cipta": "copyright", "copy link": "share", "tutti i": "copyright"}
CUE_CJK = {"저작권": "copyright", "無断転載": "copyright", "版權": "copyright", "版权": "copyright",
           "구독": "subscribe", "登録": "subscribe", "공유": "share", "シェア": "share",
           "관련": "related", "関連": "related", "광고": "advert", "広告": "advert"}
CUE_SET = frozenset(CUE_WORDS)
CUE_STEM_SET = frozenset(CUE_STEMS)
CUE_PAIR_SET = frozenset(CUE_PAIRS)
CUE_PAIR_FIRST = frozenset(p.split(" ")[0] for p in CUE_PAIRS)
CUE_STEM_RX = re.compile(r"(?:^| )(" + "|".join(CUE_STEMS) + ")")  # words starting with a stem
LONG_CUES = ("©", "copyright", "cookie", "all rights", "privacy")
CUE_CATS = ("copyright", "cookie", "subscribe", "share", "related", "advert", "rating", "date",
            "link", "comment", "author")
CAT = {c: k for k, c in enumerate(CUE_CATS)}
CUE_FIRST = CUE_SET | CUE_PAIR_FIRST | COMMENT_WORDS | AUTHOR_WORDS
# per cue word: the categories it marks where it stands
WORD_CATS = {w: (((CAT[CUE_WORDS[w]],) if w in CUE_SET else ())
                 + ((CAT["comment"],) if w in COMMENT_WORDS else ())) for w in CUE_FIRST}
YEAR = re.compile(r"[12](?<!\w[12])[09]\w\w(?!\w)")  # 19xx, 20xx as a whole word
# substrings of short lines: (needle, category, searched in the lower-cased text)
SUBSTR_CUES = (("©", "copyright", False), ("(c) ", "copyright", True), ("http", "link", True),
               ("www.", "link", True), (".com", "link", True), ("@", "link", False))
CJK_SUBSTR = tuple((k, cat, False) for k, cat in CUE_CJK.items())


def line_cues(s: str, words: list[str]) -> dict[str, int]:
    """Debris cue categories a line shows (only lines of a few words are checked fully)."""
    low = s.lower()
    if len(words) >= 25:
        return {"copyright": 1} if any(k in low for k in LONG_CUES) else {}
    if not words:
        lw = []
    else:  # one lower() call; same as lowering word by word (words hold no spaces)
        lw = " ".join(words).lower().split(" ")
    found = {CUE_WORDS[w]: 1 for w in CUE_SET.intersection(lw)}
    if not COMMENT_WORDS.isdisjoint(lw):
        found["comment"] = 1
    if lw and lw[-1] in AUTHOR_WORDS:
        found["author"] = 1
    if lw:
        for w in CUE_STEM_RX.findall(" ".join(lw)):
            found[CUE_STEMS[w]] = 1
    if len(lw) > 1 and not CUE_PAIR_FIRST.isdisjoint(lw):
        for w in CUE_PAIR_SET.intersection(map(" ".join, zip(lw, lw[1:], strict=False))):
            found[CUE_PAIRS[w]] = 1
    if "©" in s or "(c) " in low:
        found["copyright"] = 1
    if "http" in low or "www." in low or ".com" in low or "@" in s:
        found["link"] = 1
    if ("19" in s or "20" in s) and any(
            len(w) == 4 and w[:2] in ("19", "20") and w.isdigit() for w in words):
        found["date"] = 1
    if not s.isascii():
        for k, cat in CUE_CJK.items():
            if k in s:
                found[cat] = 1
    return found


def find_all(hay: str, needle: str) -> list[int]:
    out, at = [], hay.find(needle)
    while at >= 0:
        out.append(at)
        at = hay.find(needle, at + 1)
    return out


def line_of_offsets(pos: list[int], lengths: list[int], lines: list[int]) -> list[int]:
    """Line (from `lines`) holding each offset of a "\\n"-join of those lines."""
    starts = np.concatenate(([0], (np.asarray(lengths) + 1).cumsum()[:-1]))
    return np.asarray(lines)[starts.searchsorted(pos, side="right") - 1].tolist()


def page_cues(texts: list[str], nws: np.ndarray, cjk: np.ndarray | None = None,
              spans: tuple | None = None, *, text: str | None = None,
              words: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """`line_cues` of every line as a 0/1 matrix (lines x CUE_CATS), found page-wide.

    Lines of 25 words or more are only searched for LONG_CUES, the others for
    cue words, stems, pairs, years and substrings, each group in one pass.
    `nws` holds each line's word count; callers that have them can give each line's
    count of CJK characters (`cjk`) and `spans`: (code points, word-character mask,
    line starts, line ends) of the page `text` the lines are cut from (all its
    non-blank lines), and the starts and lengths of its `words` (runs of word
    characters; with them the mask is not used and may be None).
    """
    found = np.zeros((len(texts), len(CUE_CATS)), dtype=np.int64)
    full = nws < 25
    if spans is not None:
        return _span_cues(found, texts, nws, full, cjk, spans, text, words)
    short, long_ = full.nonzero()[0].tolist(), (~full).nonzero()[0].tolist()
    short_lines = list(map(texts.__getitem__, short))
    short_text = "\n".join(short_lines)
    short_low = short_text.lower()
    long_text = "\n".join(map(texts.__getitem__, long_))
    long_low = long_text.lower()
    ws = WORD.findall(short_text)
    joined = " ".join(ws)
    w_off = np.zeros(len(ws), dtype=np.intp)
    (np.fromiter(map(len, ws), np.intp, len(ws))[:-1] + 1).cumsum(out=w_off[1:])
    low_words = joined.lower()
    if len(short_low) != len(short_text) or len(long_low) != len(long_text) or len(
            low_words) != len(joined):  # lower() changed lengths: line by line
        return _line_by_line(found, texts)
    if joined:
        _word_cues(found, low_words, w_off, np.repeat(short, nws[short]))
    # years and substrings, by offset in the joined short or long lines
    at, cats = [], []
    for mt in YEAR.finditer(short_text):
        if mt.group()[:2] in ("19", "20") and mt.group().isdigit():
            at.append(mt.start())
            cats.append(CAT["date"])
    has_cjk = not short_text.isascii() if cjk is None else bool(cjk[full].any())
    for needle, cat, lowered in SUBSTR_CUES + (CJK_SUBSTR if has_cjk else ()):
        got = find_all(short_low if lowered else short_text, needle)
        at += got
        cats += [CAT[cat]] * len(got)
    if at:
        found[line_of_offsets(at, list(map(len, short_lines)), short), cats] = 1
    at = [p for needle in LONG_CUES for p in find_all(long_low, needle)]
    if at:
        found[line_of_offsets(at, [len(texts[i]) for i in long_], long_), CAT["copyright"]] = 1
    return found


def _joined_words(cp: np.ndarray, w_starts: np.ndarray, w_lens: np.ndarray, starts: np.ndarray,
                  keep: np.ndarray) -> tuple[str, np.ndarray, np.ndarray]:
    """The " "-join of the words of a page text (given as code points, word starts and
    lengths) that lie in its `keep` lines (`starts`: where each line starts), the offset
    of each word in it and each word's line."""
    line = starts.searchsorted(w_starts, side="right") - 1
    sel = keep[line].nonzero()[0]
    if not len(sel):
        return "", sel, sel
    ws, size, line = w_starts[sel], w_lens[sel] + 1, line[sel]  # a word and a space
    w_off = np.zeros(len(sel), dtype=np.intp)
    np.add.accumulate(size[:-1], out=w_off[1:])
    total = w_off[-1] + size[-1] - 1
    buf = cp.take(np.arange(total) + (ws - w_off).repeat(size)[:total], mode="wrap")  # all in range
    buf[w_off[1:] - 1] = 32
    return buf.tobytes().decode("utf-32-le", "surrogatepass"), w_off, line


def _word_cues(found: np.ndarray, low_words: str, w_off: np.ndarray, line_of: np.ndarray) -> None:
    """Mark cue words, pairs and stems in `found`; `low_words` is a lower-cased " "-join
    of words, `w_off` the offset of each word in it, `line_of` the line of each word."""
    lw = low_words.split(" ")
    last = len(lw) - 1
    ks, cats, author, pairs, pair_cats = [], [], [], [], []
    for k in np.fromiter(map(CUE_FIRST.__contains__, lw), bool, len(lw)).nonzero()[0].tolist():
        w = lw[k]
        for cat in WORD_CATS[w]:
            ks.append(k)
            cats.append(cat)
        if w in AUTHOR_WORDS:
            author.append(k)
        if w in CUE_PAIR_FIRST and k < last:
            pair = w + " " + lw[k + 1]
            if pair in CUE_PAIR_SET:
                pairs.append(k)
                pair_cats.append(CAT[CUE_PAIRS[pair]])
    padded, stem_at = " " + low_words, []
    for stem, cat in CUE_STEMS.items():  # stems that start a word: " stem" in the padded join
        got = find_all(padded, " " + stem)
        stem_at += got
        cats += [CAT[cat]] * len(got)
    if stem_at:
        ks += w_off.searchsorted(stem_at).tolist()
    _mark_words(found, ks, cats, author, pairs, pair_cats, line_of)


def grams(low_cp: np.ndarray) -> np.ndarray:
    """The 4 code points from each position of a BMP text (0 past its end) as one number,
    the first in the lowest 16 bits (`_slots` hashes them)."""
    buf = np.zeros(len(low_cp) + 3, dtype="<u2")
    buf[:len(low_cp)] = low_cp
    return np.ndarray((len(low_cp),), "<u8", buf, strides=(2,))  # overlapping windows


def _slots(code: np.ndarray) -> np.ndarray:
    """A 16-bit hash of 4 code points packed as by `grams`, as an index (wraps: a hash)."""
    return ((code * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(48)).view(np.int64)


def _table(prefixes: list[str]) -> np.ndarray:
    """True at the `_slots` of the first 4 characters of each of `prefixes` (0 past the end)."""
    code = [sum(ord(c) << (16 * j) for j, c in enumerate(p[:4])) for p in prefixes]
    table = np.zeros(1 << 16, dtype=bool)
    table[_slots(np.array(code, dtype=np.uint64))] = True
    table.flags.writeable = False
    return table


# the slots of the first 4 characters of the cue words and stems: words whose own fall in
# one are looked up (a few others fall in one too)
PREFIX_SLOTS = _table([*CUE_FIRST, *CUE_STEMS])
# the substrings searched in the lower-cased text that have 4 characters or more, and the
# slots of their first 4: places whose own fall in one are checked (`find_needles`)
GRAM_NEEDLES = tuple(n for n, _, lowered in SUBSTR_CUES if lowered) + tuple(n for n in LONG_CUES if len(n) >= 4)
NEEDLE_SLOTS = _table(list(GRAM_NEEDLES))
NEEDLE_HEADS = {h: tuple(n for n in GRAM_NEEDLES if n.startswith(h)) for h in {n[:4] for n in GRAM_NEEDLES}}
LANE_MASKS = np.array([0, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF], dtype=np.uint64)
LANE_MASKS.flags.writeable = False


def find_needles(low: str, low_grams: np.ndarray) -> dict[str, list[int]]:
    """`find_all` in `low` (a lower-cased BMP text, `low_grams` its `grams`) of each of
    GRAM_NEEDLES, at once: only places whose first 4 characters may start one are checked."""
    out = {n: [] for n in GRAM_NEEDLES}
    for at in NEEDLE_SLOTS.take(_slots(low_grams), mode="wrap").nonzero()[0].tolist():
        for needle in NEEDLE_HEADS.get(low[at:at + 4], ()):
            if low.startswith(needle, at):
                out[needle].append(at)
    return out


def _prefix_word_cues(found: np.ndarray, low: str, low_grams: np.ndarray, ws: np.ndarray,
                      wl: np.ndarray, line_of: np.ndarray) -> None:
    """`_word_cues` of the words at `ws` (lengths `wl`, lines `line_of`) of a lower-cased
    BMP text (`low`, `low_grams` its `grams`): only words whose first 4 characters
    start a cue word or stem are cut out of the text and looked up."""
    code = low_grams[ws] & LANE_MASKS.take(np.minimum(wl, 4))  # each word's first 4 characters
    cand = PREFIX_SLOTS.take(_slots(code), mode="wrap").nonzero()[0]
    if not len(cand):
        return
    last = len(ws) - 1
    ends = ws + wl
    ks, cats, author, pairs, pair_cats = [], [], [], [], []
    for k, a, b in zip(cand.tolist(), ws[cand].tolist(), ends[cand].tolist(), strict=True):
        w = low[a:b]
        if w in CUE_FIRST:
            for cat in WORD_CATS[w]:
                ks.append(k)
                cats.append(cat)
            if w in AUTHOR_WORDS:
                author.append(k)
            if w in CUE_PAIR_FIRST and k < last:
                pair = w + " " + low[ws[k + 1]:ends[k + 1]]
                if pair in CUE_PAIR_SET:
                    pairs.append(k)
                    pair_cats.append(CAT[CUE_PAIRS[pair]])
        if b - a >= 5 and w[:5] in CUE_STEMS:  # a word starting with a stem
            ks.append(k)
            cats.append(CAT[CUE_STEMS[w[:5]]])
    _mark_words(found, ks, cats, author, pairs, pair_cats, line_of)


def _mark_words(found: np.ndarray, ks: list[int], cats: list[int], author: list[int],
                pairs: list[int], pair_cats: list[int], line_of: np.ndarray) -> None:
    """Mark in `found` the categories `cats` of words `ks`, author words that end their
    line and pairs whose two words share one (words by index, `line_of`: each one's line)."""
    if not (ks or author or pairs):
        return
    last = len(line_of) - 1
    k = np.array(ks + author + pairs, dtype=np.intp)
    line = line_of[k]
    a, b = len(ks), len(ks) + len(author)
    ok = np.ones(len(k), dtype=bool)
    if a < len(k):  # an author word ends its line, both words of a pair share one
        nxt = k[a:] + 1
        next_line = np.where(nxt <= last, line_of[np.minimum(nxt, last)], -1)
        ok[a:b] = line[a:b] != next_line[:b - a]
        ok[b:] = line[b:] == next_line[b - a:]
    found[line[ok], np.array(cats + [CAT["author"]] * len(author) + pair_cats, dtype=np.intp)[ok]] = 1


def _line_by_line(found: np.ndarray, texts: list[str]) -> np.ndarray:
    """`line_cues` of each line into `found` (when lower() changes a page's length)."""
    for i, s in enumerate(texts):
        for cat in line_cues(s, WORD.findall(s)):
            found[i, CAT[cat]] = 1
    return found


def _span_cues(found: np.ndarray, texts: list[str], nws: np.ndarray, full: np.ndarray,
               cjk: np.ndarray | None, spans: tuple, text: str | None,
               words: tuple[np.ndarray, np.ndarray] | None) -> np.ndarray:
    """`page_cues` from the page text itself: words cut from its code points, years from
    its word spans, substrings searched once in the whole (lower-cased) text."""
    cp, word, starts, ends = spans
    if text is None:
        text = cp.tobytes().decode("utf-32-le", "surrogatepass")
    w_starts, w_lens = words if words is not None else word_spans(word)
    low_cp = lower_bmp(cp)
    needles = {}  # where the substrings of GRAM_NEEDLES are, when found at once
    if low_cp is None:  # astral characters: lower() itself
        low = text.lower()
        joined, w_off, line_of = _joined_words(cp, w_starts, w_lens, starts, full)
        low_words = joined.lower()
        if len(low) != len(text) or len(low_words) != len(joined):  # lower() changed lengths
            return _line_by_line(found, texts)
        if low_words:
            _word_cues(found, low_words, w_off, line_of)
    else:  # lower() one code point at a time: the same but for a final sigma, in no cue
        if changes_length(text):
            return _line_by_line(found, texts)
        low = low_cp.tobytes().decode("utf-32-le", "surrogatepass")
        low_grams = grams(low_cp)
        line = starts.searchsorted(w_starts, side="right") - 1
        sel = full[line].nonzero()[0]  # the words of lines with fewer than 25
        if len(sel):
            _prefix_word_cues(found, low, low_grams, w_starts[sel], w_lens[sel], line[sel])
        needles = find_needles(low, low_grams)
    # years: words of 4 characters, "19" or "20" then 2 more digits
    at = w_starts[w_lens == 4]
    at = at[((cp[at] == 49) & (cp[at + 1] == 57)) | ((cp[at] == 50) & (cp[at + 1] == 48))].tolist()
    at = [a for a in at if text[a:a + 4].isdigit()]
    cats, size = [CAT["date"]] * len(at), [4] * len(at)
    has_cjk = not text.isascii() if cjk is None else bool(cjk[full].any())
    for needle, cat, lowered in SUBSTR_CUES + (CJK_SUBSTR if has_cjk else ()):
        got = needles[needle] if needle in needles else find_all(low if lowered else text, needle)
        at += got
        cats += [CAT[cat]] * len(got)
        size += [len(needle)] * len(got)
    n_short = len(at)
    for needle in LONG_CUES:
        got = needles[needle] if needle in needles else find_all(low, needle)
        at += got
        size += [len(needle)] * len(got)
    if not at:
        return found
    pos = np.array(at, dtype=np.intp)
    line = starts.searchsorted(pos, side="right") - 1
    inside = pos + np.array(size, dtype=np.intp) <= ends[line]  # not into the next line
    is_short = full[line]
    ok = inside[:n_short] & is_short[:n_short]
    found[line[:n_short][ok], np.array(cats, dtype=np.intp)[ok]] = 1
    ok = inside[n_short:] & ~is_short[n_short:]
    found[line[n_short:][ok], CAT["copyright"]] = 1
    return found
