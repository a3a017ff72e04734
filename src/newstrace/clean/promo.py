"""Promo lines: the site's own calls to action set between the paragraphs of a story.

"READ MORE: ...", "Related: ...", "CLICK HERE TO GET THE ... APP", "Subscribe to ...
and stay smart", "Sign up for our newsletter", "Follow us on Twitter", a teaser for
another story in capitals ("SINGER SAYS ... AMID FEUD"). Both paths use the same
patterns: the HTML path's post-filter (`html_line`, with copyright lines) and text
mode (`promo_lines`, without them: gold bodies keep a copyright line about as often
as not, see `tail`). Text mode adds labels in other languages ("Baca juga:", "Lesen
Sie auch:", "Leia também:", "Читайте также:") and a few calls that start a sentence
("... ? Click here to support it."). A promo line holds at most MAX_WORDS words.
Text mode also drops image captions that end in a photo credit ("... (Image: GETTY)",
"(AP Photo/...)", ".../Getty Images"; `credit_caption`). `page_promo` reads a page's kept
lines, a sentence cut at links as a whole, and only where a story of MIN_STORY words
remains. Patterns are matched against lower-cased text (faster than IGNORECASE).
"""

from __future__ import annotations

import re

import numpy as np

from .fragments import Sentences, sentences
from .lines import Page

MAX_WORDS = 40
CAPS_WORDS, CAPS_LETTERS = 8, 20  # see `caps_teaser`

PROMO_START = re.compile(
    r"^\W*((read more|read also|also read|also on|don'?t miss|recommended for you|"
    r"you (may|might) also like|click here|tap here|image (caption|copyright)|advertisement)\b|"
    r"(related( stories| articles| content| coverage| news)?|see (more|also)|more|watch|photos?|"
    r"videos?|listen|trending( now)?|sponsored|getty images|read)\s*[:|])",
)
_CALLS = (r"(sign up|subscribe)\b.{0,60}\b(newsletters?|inbox|alerts|emails?)\b|in(to)? your inbox|"
          r"follow (us|him|her|them|\w+) on (twitter|facebook|instagram)|share (it|this)( story| article)? "
          r"with|like this (story|article)|have a tip\b|(get|download) (the|our) [\w ]{0,30}app\b")
_RIGHTS = r"all rights reserved|copyright ©|© ?\d{4}"  # HTML path only
PROMO_ANY = re.compile(rf"\b({_CALLS}|on the go by clicking)")
HTML_ANY = re.compile(rf"\b({_CALLS}|{_RIGHTS}|on the go by clicking)")
# every PROMO_ANY (HTML_ANY) match holds one of these: lines holding none skip the regex scan
PROMO_ANY_NEEDS = ("sign up", "subscribe", "your inbox", "follow ", "share ", "like this ",
                   "have a tip", "app", "on the go by clicking")
HTML_ANY_NEEDS = (*PROMO_ANY_NEEDS, "all rights reserved", "©")

# text mode: more labels (with a colon), in English and other languages
TEXT_START = re.compile(
    r"^\W*((related (posts?|reading|links?|videos?)|also|more in [^:]{1,40}|most read( in [\w ]{1,30})?|"
    r"download|itunes|on [\w-]+\.(com|net|org|co\.uk|com\.au)|"
    r"baca juga|simak juga|lihat juga|lesen sie (auch|mehr)|mehr zum thema|auch interessant|"
    r"(à |a )?lire aussi|voir aussi|(lee|lea) también|te puede interesar|ver también|"
    r"leia (também|mais)|veja também|leggi anche( su)?|vedi anche|читайте также|смотрите также|"
    r"lees ook|czytaj (też|także)|zobacz (też|także))\s*[:|：]|"
    r"(continue reading( below)?|click to tweet|media playback is unsupported on your device)\W*$|"
    r"\(?image credit\b|image \d+ of \d+\W*$)",
)
# text mode: calls that start a sentence ("Need more space? Subscribe to ...")
TEXT_CALL = re.compile(
    r"(^|[.?!]\W*\s)\W*(click here|tap here|subscribe (to|now)\b|sign up (for|to|now)\b|check out our\b|"
    r"abonnez-vous|inscrivez-vous|suscr[ií]bete|assine (já|agora|a|o)\b|jetzt abonnieren|"
    r"iscriviti|подписывайтесь|berlangganan sekarang)|\byour inbox\b|\bnow on youtube\b|"
    r"\bfollow (us|him|her|them) @\w",
)
TEXT_CALL_NEEDS = ("click", "tap here", "subscribe", "sign up", "check out our", "abonn", "inscrivez",
                   "suscr", "assine", "iscriviti", "подписывайтесь", "berlangganan", "your inbox",
                   "youtube", "follow")
_CASED = re.compile(r"[^\W\d_]")
# a photo credit ending a caption: "(Image: GETTY)", "(AP Photo/...)", ".../Getty Images", "via AP"
CREDIT_END = re.compile(
    r"(\(\s*(image|photo|pic|picture|photograph|credit|foto|bild)s?\s*(credit)?\s*:[^()]{1,60}\)|"
    r"(?<!the )\bgetty( images)?( for [\w ]+)?|\bvia (getty|ap|reuters)|\(ap photo[^)]*\)|/ ?ap( file)?|"
    r"\bcredit: ?[\w .,/-]{1,40}|\bshutterstock|\bistock(photo)?|/ ?(reuters|afp)|\breuters/[\w .]+)\W*$")
# a piece every CREDIT_END match holds (with "stock" of "shutterstock" and "istock", "rs/" of
# "reuters/"): lines without one skip the slow search for CREDIT_END. A piece starting with a
# common letter is matched from its last character ("k" of "stock", looking back): the scan
# stops at fewer places
CREDIT_START = re.compile(r"\(\s*(?:image|photo|pic|credit|foto|bild|ap photo)|getty|via |/(?: ?(?:ap|reuters|afp)"
                          r"|(?<=rs/))|k(?<=stock)|:(?<=credit:)")
CREDIT_CHARS = 100  # a credit is looked for in a line's last this many characters
CAPTION_WORDS = 80
MIN_STORY = 50  # words kept besides promo lines and captions for them to be dropped (as `tail`)
# the needles as one pattern: one C-level scan instead of one `in` per needle
_HTML_NEEDS = re.compile("|".join(map(re.escape, HTML_ANY_NEEDS)))
# text mode: a piece of each needle that starts with a rarer letter ("bscri" of "subscribe",
# "pp" of "app" as a word's end; "p" of "sign up", "k" of "click", looking back), grouped by
# that letter; the scan of every kept line then stops at far fewer places. Each needle holds
# its piece (checked below)
_TEXT_NEEDS = re.compile(r"b(?:scri|ox|onn|erl|e(?<=youtube))|follow|s(?:hare |sine|cr(?<=suscr))"
                         r"|k(?:e this | out our|(?<=click))|v(?:e a tip|ez|iti)|p(?:p\b| here|(?<=gn up))|подп")
assert all(_TEXT_NEEDS.search(w) for w in PROMO_ANY_NEEDS + TEXT_CALL_NEEDS)
_TEXT_LABEL = re.compile(f"{PROMO_START.pattern}|{TEXT_START.pattern}")  # one match for both
_QUOTED = re.compile(r"\s*[\"'“”‘’«»„]\w")  # a line that opens with a quotation

__all__ = ["MAX_WORDS", "caps_teaser", "credit_caption", "html_line", "is_promo", "page_promo", "promo_lines"]


def _any(low: str, rx: re.Pattern, needs: re.Pattern) -> bool:
    return needs.search(low) is not None and rx.search(low) is not None


def html_line(low: str) -> bool:
    """A promo or copyright line of an HTML body (`low`: lower-cased, at most MAX_WORDS words)."""
    return bool(PROMO_START.match(low) or _any(low, HTML_ANY, _HTML_NEEDS))


def caps_teaser(text: str) -> bool:
    """A teaser for another story set in capitals between paragraphs: CAPS_WORDS words
    or more, CAPS_LETTERS cased letters or more, none lower-case, no sentence end."""
    if text.rstrip()[-1:] in ".?!:…" or text.upper() != text or _at_most(text, CAPS_WORDS):
        return False
    return sum(c.lower() != c for c in _CASED.findall(text)) >= CAPS_LETTERS


def _caption(low: str) -> bool:
    at = max(0, len(low) - CREDIT_CHARS)
    return bool(low.lstrip(" ([").startswith("file photo:") or (
        CREDIT_START.search(low, at) and CREDIT_END.search(low, at)))


def credit_caption(text: str) -> bool:
    """An image caption or credit line: at most CAPTION_WORDS words ending in a photo credit
    ("... in Delhi (Image: GETTY)", "Sakib Ali/Hindustan Times/Getty Images")."""
    return _at_most(text, CAPTION_WORDS) and _caption(text.lower())


def _label(low: str) -> bool:
    """A line that starts with a promo label ("read more", "see more:", "baca juga:")."""
    return _TEXT_LABEL.match(low) is not None


def _promo(text: str, low: str) -> bool:
    """`is_promo` of a line of at most MAX_WORDS words (`low`: lower-cased)."""
    if caps_teaser(text):
        return True
    if _QUOTED.match(text):  # a quotation: "\"Click here and ...,\" she said"
        return False
    return _label(low) or (_TEXT_NEEDS.search(low) is not None and (
        PROMO_ANY.search(low) is not None or TEXT_CALL.search(low) is not None))


def is_promo(text: str) -> bool:
    """A promo line in text mode: the shared patterns (no copyright line), the text-mode
    labels and calls (not in a quotation), or a teaser in capitals; at most MAX_WORDS words."""
    return _at_most(text, MAX_WORDS) and _promo(text, text.lower())


def _at_most(text: str, words: int) -> bool:
    """`text` holds at most `words` words (a text shorter than two characters a word needs no split)."""
    return len(text) < 2 * words or len(text.split(None, words)) <= words


def _reason(text: str) -> str:
    low = text.lower()
    if _caption(low):  # a line too long for a caption is too long for a promo line too
        return "caption" if _at_most(text, CAPTION_WORDS) else ""
    return "promo" if _at_most(text, MAX_WORDS) and _promo(text, low) else ""


def promo_lines(texts: list[str], groups: np.ndarray | None = None,
                only: np.ndarray | None = None) -> np.ndarray:
    """Why each line of `texts` is debris: "caption" (`credit_caption`), "promo"
    (`is_promo`) or "" (an array of str). With `groups` (a sentence id per line,
    `fragments.sentence_groups`: a page cut at links), a line is read as its whole
    sentence and all pieces of such a sentence go with it (a first piece that is debris
    alone as a caption, a label without ":", "Read More", or a teaser in capitals goes
    alone). With `only` (flags), only sentences holding a flagged line are read."""
    n = len(texts)
    out = np.full(n, "", dtype=object)
    if not n:
        return out
    if groups is None:
        groups = np.arange(n)
    starts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
    ends = np.append(starts[1:], n)
    if only is not None:
        hit = np.add.reduceat(only.astype(np.intp), starts) > 0
        starts, ends = starts[hit], ends[hit]
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        if b > a + 1 and not texts[a].rstrip().endswith((":", "|")):
            first = _reason(texts[a])
            if first == "caption" or (first and (_label(texts[a].lower()) or caps_teaser(texts[a]))):
                out[a] = first  # "Read More" over a sentence it was joined to ("US stock futures" / "trading")
                a += 1
        why = _reason(texts[a] if b == a + 1 else " ".join(texts[a:b]))
        if why:
            out[a:b] = why
    return out


def page_promo(page: Page, keep: np.ndarray, sents: Sentences | None = None) -> np.ndarray:
    """Why each kept line of `page` is debris: "caption", "promo" or "" (`promo_lines`, a
    line read as its sentence: `fragments.sentences`, `sents` if read). None is when the
    other kept lines hold fewer than MIN_STORY words: there is no story to set them in."""
    if not keep.any():
        return np.full(len(keep), "", dtype=object)
    sents = sents or sentences(page)
    words = sents.words
    out = promo_lines(page.texts, sents.groups, keep)
    if not out.any():  # nothing found (most pages)
        return out
    out[~keep] = ""
    if words[keep & (out == "")].sum() < MIN_STORY:  # no story left to set them in: keep all
        out[:] = ""
    return out
