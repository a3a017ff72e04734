"""Line features for text-mode cleaning: one numeric row per non-blank line.

Features mix what a line looks like on its own (length, punctuation, case,
debris keywords), what it repeats in the page (headline, nav items) and its
neighbourhood (prose windows, the densest block of prose, fragment blocks
when a scraper cut sentences at links). Pure functions, numpy only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import xxhash

WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")
DIGITS = re.compile(r"\d")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# sentence end, allowing closing quotes/brackets after it
TERMINAL = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
SENT_INNER = re.compile(r"[.!?。！？](?:\s|$)|[。！？]")
TITLE_SPLIT = re.compile(r"\s+[|\-–—:•»]\s+|\s*[|•»]\s*")
INVISIBLE = "\u200b\u200c\u200d\ufeff\u2060"

COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|derechos reservados|direitos reservados"
    r"|tutti i diritti|alle rechte|все права|版權|版权|저작권|無断転載|hak cipta",
    re.I,
)
COOKIE = re.compile(r"cookie|gdpr|consent|datenschutz|privacy|privacidade|конфиденциал", re.I)
SUBSCRIBE = re.compile(
    r"newsletter|subscribe|sign up|sign in|log ?in|register|inscreva|assine|подпис|iscriviti"
    r"|abonn|anmelden|구독|登録|berlangganan|download (?:the|our) app",
    re.I,
)
SHARE = re.compile(
    r"\bshare\b|tweet|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|e-?mail\b"
    r"|print\b|compartilh|condivid|teilen|поделит|vk\b|공유|シェア|bagikan|copy link",
    re.I,
)
RELATED = re.compile(
    r"read more|related|recommended|see also|more from|more stories|you may also|you might"
    r"|trending|most popular|most read|leia (?:também|mais)|veja também|читайте также|leggi anche"
    r"|mehr zum thema|lihat juga|baca juga|관련|関連|next article|previous article|\bnext\b|\bprev",
    re.I,
)
ADVERT = re.compile(r"advert|sponsored|anzeige|publicidade|реклама|pubblicit|광고|広告|iklan", re.I)
COUNTER = re.compile(
    r"^[\W\d_]*\d[\W\d_]*$|^\d[\d.,]*\s*[kKmM]?\s*(?:views?|comments?|shares?|votes?|likes?"
    r"|просмотр\w*|коммент\w*|visualiza\w*|comentários?|commenti|aufrufe|조회\w*)$",
    re.I,
)
RATING = re.compile(r"\bvotes?\b|\brating\b|\bstars?\b|\(\d+%\)|голос|avalia", re.I)
DATEISH = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d\d\b|\bago\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)[a-z]*\b|\d+\s*(?:min|hours?|days?)\b",
    re.I,
)
BYLINE = re.compile(r"^(?:by|por|di|von|от|oleh|автор)\s", re.I)
LINKY = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\.(?:com|org|net|ru|br)\b", re.I)
NAV_SEP = re.compile(r"[|»›•/·]")

N_OWN = 33  # features a line has on its own (see `own_features`)


@dataclass(frozen=True, slots=True)
class Page:
    """Non-blank lines of a text with their offsets and the feature matrix."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    X: np.ndarray
    repeats: list[int]
    title_match: list[bool]


def normalise(text: str) -> str:
    return SPACE.sub(" ", DIGITS.sub("0", text.casefold())).strip()


def line_key(text: str) -> int:
    """A stable 64-bit hash of a normalised line (case, digits and spacing folded)."""
    return xxhash.xxh3_64_intdigest(normalise(text).encode("utf-8"))


def split_lines(text: str) -> tuple[list[str], list[int], list[int]]:
    """Non-blank lines with offsets of their stripped content in `text`."""
    texts, starts, ends = [], [], []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(" \t\r\f\v")
        if stripped:
            lead = len(raw) - len(raw.lstrip(" \t\r\f\v"))
            start = pos + lead
            texts.append(stripped)
            starts.append(start)
            ends.append(start + len(stripped))
        pos += len(raw) + 1
    return texts, starts, ends


def is_blank(text: str) -> bool:
    return not text.strip().strip(INVISIBLE).strip()


def own_features(s: str) -> list[float]:
    """Features of one (stripped) line taken alone."""
    n = len(s)
    words = WORD.findall(s)
    nw = len(words)
    cjk = len(CJK.findall(s)) if not s.isascii() else 0
    alpha = [w for w in words if w[0].isalpha()]
    na = len(alpha) or 1
    upper = sum(1 for w in alpha if w[0].isupper())
    lower = sum(1 for w in alpha if w[0].islower())
    short = sum(1 for w in alpha if len(w) <= 3 and w.islower())
    digits = len(DIGITS.findall(s))
    letters = sum(len(w) for w in words)
    punct = n - letters - s.count(" ")
    first = s[0]
    terminal = bool(TERMINAL.search(s))
    return [
        np.log1p(n),
        np.log1p(nw),
        cjk / n,
        float(terminal),
        float(s.endswith(":")),
        float(s[-1] in ",;(–—-"),
        len(SENT_INNER.findall(s)),
        punct / n,
        digits / n,
        upper / na,
        lower / na,
        short / na,
        float(first.islower()),
        float(not first.isalnum() and first not in "\"'“‘«(["),
        letters / (nw or 1),
        s.count(",") + s.count("、") + s.count("，"),
        float(bool(COPYRIGHT.search(s))),
        float(bool(COOKIE.search(s))),
        float(bool(SUBSCRIBE.search(s))),
        float(bool(SHARE.search(s))) if nw < 12 else 0.0,
        float(bool(RELATED.search(s))) if nw < 12 else 0.0,
        float(bool(ADVERT.search(s))) if nw < 6 else 0.0,
        float(bool(COUNTER.match(s))),
        float(bool(RATING.search(s))) if nw < 8 else 0.0,
        len(DATEISH.findall(s)) if nw < 15 else 0.0,
        float(bool(BYLINE.match(s))),
        float(bool(LINKY.search(s))),
        len(NAV_SEP.findall(s)),
        float(s.isupper()),
        float(first in "\"'“‘«„"),
        float(nw >= 10 and terminal),  # a prose line
        float(nw <= 4 and not terminal),  # a nav-like line
        float(upper == na and nw <= 8),  # every word capitalised, short
    ]


def _window_mean(v: np.ndarray, k: int) -> np.ndarray:
    c = np.concatenate(([0.0], np.cumsum(v)))
    n = len(v)
    idx = np.arange(n)
    lo = np.maximum(idx - k, 0)
    hi = np.minimum(idx + k + 1, n)
    return (c[hi] - c[lo]) / (hi - lo)


def _shift(v: np.ndarray, k: int, fill: float = 0.0) -> np.ndarray:
    out = np.full_like(v, fill)
    if k > 0:
        out[k:] = v[:-k]
    elif k < 0:
        out[:k] = v[-k:]
    else:
        out[:] = v
    return out


def best_block(gain: np.ndarray) -> tuple[int, int]:
    """[start, end) of the maximum-sum run of `gain` (Kadane)."""
    best, best_lo, best_hi = -np.inf, 0, 0
    run, lo = 0.0, 0
    for i, g in enumerate(gain.tolist()):
        if run <= 0:
            run, lo = g, i
        else:
            run += g
        if run > best:
            best, best_lo, best_hi = run, lo, i + 1
    return best_lo, best_hi


def block_distance(n: int, lo: int, hi: int) -> np.ndarray:
    """Signed distance in lines to the block [lo, hi): 0 inside, <0 before, >0 after."""
    idx = np.arange(n, dtype=float)
    return np.where(idx < lo, idx - lo, np.where(idx >= hi, idx - hi + 1, 0.0))


def fragment_blocks(texts: list[str], terminal: np.ndarray) -> np.ndarray:
    """Block id per line, joining fragments a scraper cut at links or bold."""
    ids = np.zeros(len(texts), dtype=np.int64)
    block = 0
    for i in range(1, len(texts)):
        prev, cur = texts[i - 1], texts[i]
        joined = not terminal[i - 1] and (
            cur[0].islower() or cur[0] in ",.;:)!?%’”»" or prev[-1] in ",(“‘«\"'-–—"
        )
        if not joined:
            block += 1
        ids[i] = block
    return ids


def title_segments(first: str) -> set[str]:
    """Normalised pieces of a page title such as 'Headline | Site'."""
    parts = {normalise(p) for p in TITLE_SPLIT.split(first)}
    parts.add(normalise(first))
    return {p for p in parts if len(p) >= 12}


def build_page(text: str) -> Page:
    """Split `text` into non-blank lines and compute their feature matrix."""
    texts, starts, ends = split_lines(text)
    n = len(texts)
    if n == 0:
        return Page([], [], [], np.zeros((0, n_features())), [], [])
    own = np.array([own_features(s) for s in texts], dtype=float)
    norm = [normalise(s) for s in texts]
    counts = Counter(norm)
    repeats = [counts[k] for k in norm]
    seen: set[str] = set()
    first_seen = []
    for k in norm:
        first_seen.append(float(k not in seen))
        seen.add(k)
    segs = title_segments(texts[0])
    title_match = [i > 0 and (k in segs or (len(k) >= 12 and k in norm[0])) for i, k in enumerate(norm)]
    nw = own[:, 1]
    terminal = own[:, 3]
    prose = own[:, 30]
    chars = np.expm1(own[:, 0])

    blocks = fragment_blocks(texts, terminal)
    bchars = np.bincount(blocks, weights=chars)[blocks]
    bwords = np.bincount(blocks, weights=np.expm1(nw))[blocks]
    blines = np.bincount(blocks)[blocks]
    last_of_block = np.append(blocks[1:] != blocks[:-1], True)
    bterm = np.zeros(n)
    bterm[last_of_block] = terminal[last_of_block]
    bterm = np.bincount(blocks, weights=bterm)[blocks]
    bprose = ((bwords >= 10) & (bterm > 0)).astype(float)

    gain = np.where(bprose > 0, chars, -np.minimum(chars, 80.0) - 20.0)
    lo, hi = best_block(gain)
    dist = block_distance(n, lo, hi)
    total = chars.sum() or 1.0
    idx = np.arange(n, dtype=float)
    cum = np.cumsum(chars) / total

    ctx = [
        np.log1p(np.array(repeats, dtype=float)),
        np.array(first_seen),
        np.array(title_match, dtype=float),
        idx / n,
        cum,
        np.log1p(bchars),
        np.log1p(bwords),
        np.log1p(blines),
        bterm,
        bprose,
        np.sign(dist),
        np.log1p(np.abs(dist)),
        np.full(n, chars[lo:hi].sum() / total),
        np.full(n, np.log1p(n)),
    ]
    for k in (-2, -1, 1, 2):
        ctx += [_shift(nw, k), _shift(terminal, k), _shift(bprose, k), _shift(own[:, 32], k)]
    for k in (3, 10):
        ctx += [_window_mean(nw, k), _window_mean(terminal, k), _window_mean(bprose, k),
                _window_mean(own[:, 31], k)]
    X = np.column_stack([own] + ctx)
    return Page(texts, starts, ends, X, repeats, title_match)


def n_features() -> int:
    return N_OWN + 14 + 16 + 8

