"""What a kept body line is: paragraph, subhead or caption; glued captions; bylines.

Pure string tests, no offsets: `structure` places the results.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.clean.credits import outlet_for
from newstrace.clean.dateline import normalise_agency
from newstrace.clean.dates import find_dates

_TERMINAL = tuple(".!?:;,…\"”»’)")
_PHOTO = re.compile(
    r"^(?:photo|photos|фото|foto|fotó|image|picture|pictured|illustration|file photo)\s*(?:[:/|]|by\b)"
    r"|\((?:AP|AFP|Reuters|EPA|Getty|Xinhua|Sputnik|TASS|AA)?[^()]{0,40}(?:Photo|Images?|Foto|Фото)\b[^()]*\)"
    r"|\b(?:REUTERS|AFP|EPA|AP|ANSA|XINHUA)/[A-Z][\w\-]+"
    r"|©\s*[^/]{2,40}\s/\s?\S"
    r"|\b(?:Getty Images|Shutterstock|AP Photo|EPA-EFE|AFP via Getty|iStock|Alamy|Imago|Pixabay|Unsplash)\b"
    r"|(?:Photo|Image|Фото|Foto)\s*(?:credit)?\s*:\s*\S[^.]{0,60}$",
    re.I,
)
_CAPTION_CUE = re.compile(
    r"\b(?:during|pictured|is seen|are seen|poses?|gestures?|arrives?|attends?|speaks?|looks? on|walks?|"
    r"waves?|listens?|shakes? hands|holds?|meets?|talks? (?:to|with)|in this (?:photo|picture|image)|"
    r"file photo|sits?|stands?|delivers?|addresses|greets?|at the|on the sidelines)\b", re.I)
_STARTERS = set(
    "The A An In On At As He She It They We I This That These Those But And According After Before "
    "During Earlier Later Meanwhile However While When Last Speaking Also Both His Her Their Its Our "
    "Some Many Several One Two Three US U.S. Russian American Moscow Washington Kyiv President".split())
_CAMEL = {"YouTube", "PayPal", "LinkedIn", "WhatsApp", "TikTok", "JavaScript", "PlayStation", "BlackRock",
          "FedEx", "McDonald", "DeSantis", "MacBook", "WikiLeaks", "AstraZeneca", "SoftBank", "DeepMind",
          "GitHub", "PetroChina", "ExxonMobil", "GlaxoSmithKline", "JetBlue", "WeChat", "SmackDown",
          "PowerPoint", "MasterCard", "HarperCollins", "SinoPharm", "CoronaVac", "BioNTech", "LaGuardia",
          "DiCaprio", "McCarthy", "GateHouse", "McConnell", "MacArthur", "DeVos", "LeBron", "iPhone", "iPad", "eBay"}
_BYLINE = [
    re.compile(r"^(?:By|BY|Written by|Words by|Von|VON|Por|POR|Par|PAR|Door|Av|Oleh)\s+"
               r"(?P<name>[A-ZÀ-ÞА-ЯЁ][\w'’.\-]+(?:\s+(?:[A-ZÀ-ÞА-ЯЁ][\w'’.\-]+|and|und|y|et|e|и|van|de|von|da|di))"
               r"{0,6})\s*(?:[,|–—\-]\s*(?P<org>[^,|]{2,50}))?$"),
    re.compile(r"^(?P<name>[A-ZÀ-ÞА-ЯЁ][\w'’\-]+(?:\s+[A-ZÀ-ÞА-ЯЁ][\w'’.\-]+){1,3})\s*[|/]\s*(?P<org>[^|/]{2,40})$"),
    re.compile(r"^(?:Автор|Author|Autor|Auteur|Autore|Penulis|Text)\s*:\s*(?P<name>[^:|]{3,60}?)"
               r"(?:\s*[,|]\s*(?P<org>[^,|]{2,40}))?$", re.I),
    re.compile(r"^\(?(?:Reporting|Additional reporting) by (?P<name>[^;]{3,120}?)(?:;\s*(?:Writing|Editing) by.*)?\)?$"),
]
_FUNCTION_WORDS = set("and or but the a an of to in on for with by at from that as is are was were "
                      "и в на с по что und der die das von zu et de la le les des du y el los".split())
_WORDS = re.compile(r"[\w'’\-]+")


def is_terminal(s: str) -> bool:
    return s.rstrip().endswith(_TERMINAL)


def is_title_like(s: str, min_words: int = 3) -> bool:
    """A short line that could be a headline (no terminal period)."""
    words = s.split()
    if not (min_words <= len(words) <= 25 and 4 * min_words <= len(s) <= 220):
        return False
    if s.rstrip(" \"”’»)").endswith((".", ":", ";", ",")) or not (s[0].isalnum() or s[0] in "\"“«‘'"):
        return False
    # a line broken out of a wrapped paragraph starts lower-case or ends on a function word
    return not (s[0].islower() or words[-1].lower() in _FUNCTION_WORDS)


def is_subhead(s: str) -> bool:
    words = s.split()
    if not (1 <= len(words) <= 12 and len(s) <= 100) or is_terminal(s):
        return False
    if sum(any(c.isdigit() for c in w) for w in words) > len(words) / 3:
        return False  # a table row
    return (s[0].isupper() or s[0].isdigit()) and not is_caption(s)


def _caps_share(s: str) -> float:
    words = _WORDS.findall(s)
    return sum(w[0].isupper() for w in words) / max(1, len(words))


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def is_caption(s: str) -> bool:
    """Photo captions and photo credits."""
    s = s.strip()
    if not s:
        return False
    if len(s.split()) <= 60 and _photo(s):
        return True
    if is_terminal(s) and not s.endswith(")"):
        return False
    words = s.split()
    hits = find_dates(s, need_year=True) if len(words) >= 8 and s[-1].isdigit() else []
    if hits and len(words) >= 8 and hits[-1].end >= len(s.rstrip(" ).")) - 1:
        return True  # "... gesture as they arrive ..., May 19, 2021"
    # a long unpunctuated line naming people and what they do in the picture
    return (len(words) >= 12 and 0.25 <= _caps_share(s) < 0.7 and ":" not in s and s[-1].isalnum()
            and bool(_CAPTION_CUE.search(s)))


# each _PHOTO form holds one of these words once folded (or "©", "фото", "fotó"): a cheap test first
_PHOTO_WORDS = ("photo", "image", "foto", "picture", "illustration", "getty", "shutterstock", "epa-efe", "istock",
                "alamy", "imago", "pixabay", "unsplash", "reuters/", "afp/", "epa/", "ap/", "ansa/", "xinhua/")
# the letters that re.I matches to a letter of those words besides upper / lower case pairs
_FOLD_FROM, _FOLD_TO = "İıſᲂᲄᲅ", "iisотт"
_FOLD = str.maketrans(_FOLD_FROM, _FOLD_TO)


def _photo(s: str) -> bool:
    """`_PHOTO.search(s)`, skipped for text without a word it needs (substring tests)."""
    low = s.lower()
    if s.isascii():
        if not any(w in low for w in _PHOTO_WORDS):
            return False
        return _PHOTO.search(s) is not None
    if any(c in s for c in _FOLD_FROM):
        low = s.translate(_FOLD).lower()
    if not (any(w in low for w in _PHOTO_WORDS) or "©" in s or "фото" in low or "fotó" in low):
        return False
    return _PHOTO.search(s) is not None


def split_glued(s: str) -> int | None:
    """Where a caption glued to the next paragraph ends ("...Arctic CouncilThe Russian ..."), else None."""
    for m in re.finditer(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ][a-zа-яё]+)", s):
        i = m.start()
        left, right = s[:i], s[i:]
        if re.search(r"[a-z]{2}[.!?][\"”»]?\s", left):
            return None  # a sentence ended before: not a caption at the start
        token = re.search(r"[\w'’\-]+$", left).group(0) + re.match(r"[\w'’\-]+", right).group(0)
        lw = re.search(r"[A-Za-zА-Яа-яЁё]+$", left).group(0)
        if token in _CAMEL or len(lw) < 3 or lw in {"Mc", "Mac", "De", "Di", "La", "Le", "Van"}:
            continue
        first = re.match(r"[\w'’.\-]+", right).group(0)
        nxt = right[len(first):].lstrip().split(" ", 1)[0]
        sentence_start = first in _STARTERS or (first.endswith("’s") is False and nxt[:1].islower()
                                                 and lw[0].islower() and len(first) >= 2)
        lwords = left.split()
        looks_caption = len(lwords) >= 5 and (_caps_share(left) >= 0.25 or _PHOTO.search(left) or find_dates(left))
        if sentence_start and looks_caption and len(right.split()) >= 5:
            return i
    return None


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def parse_byline(s: str) -> tuple[str, str | None] | None:
    """(names, org or None) for a byline line, else None."""
    s = " ".join(s.split())
    if len(s) > 160:
        return None
    for n, rx in enumerate(_BYLINE):
        m = rx.match(s)
        if not m:
            continue
        name = m.group("name").strip(" ,.")
        org = (m.groupdict().get("org") or "").strip(" ,.") or None
        if len(name.split()) > 12 or re.search(r"[.!?]\s", name):
            continue
        if n < 2 and s.endswith((".", "!", "?")):
            continue  # "By Monday, the deal will be done."
        if n == 1 and not (outlet_for(org)[1] or normalise_agency(org)):
            continue  # "Jane Doe | Reuters" needs a known outlet after the bar
        return name, org
    return None


__all__ = ["is_caption", "is_subhead", "is_title_like", "split_glued", "parse_byline", "is_terminal"]
