"""The cleaner rules' shortcuts give what the plain tests give: the comment-policy needles
found in the page as written (no lower-casing), the promo pre-tests, the word limits."""

import random
import re
import sys

import numpy as np

from newstrace.clean import comments, promo
from newstrace.clean.comments import NEEDLES, is_policy, policy_lines

PIECES = ["comment", "Comment", "COMMENTS", "coment", "CoMeNtar", "komment", "Komentar", "\u212aOMENTAR",
          "koment", "коммент", "КОММЕНТ", "Коммент", "댓글", "コメント", "评论", "評論", "İ", "Σ", "m", "M",
          "ent", "co", "ko", " ", "\n", "x", "ar", "ᲂ", " are moderated", " follow our guidelines ",
          "please log in to ", "declined to comment", "комментарии модерируются", "Kommentare werden moderiert",
          "Komentar akan dimoderasi", "disqus", "댓글 운영원칙", "コメントは承認後"]


def _lines(rng: random.Random) -> list[str]:
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
    return [line or "x" for line in text.split("\n")]


def test_cased_needle_letters_are_every_character_that_lowers_to_them():
    letters = {c for w in NEEDLES for c in w if c.upper() != c}
    written = {c: set(re.fullmatch(r"\[(.*)\]", comments._cased(c)).group(1)) for c in letters}
    lowers_to: dict[str, set[str]] = {c: set() for c in letters}
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp < 0xE000:
            continue
        low = chr(cp).lower()
        for c in letters.intersection(low):
            assert low == c, (hex(cp), low)  # no character lowers to a needle letter and more
            lowers_to[c].add(chr(cp))
    assert written == lowers_to


def test_policy_lines_read_the_lines_whose_lower_case_holds_a_needle():
    rng = random.Random(5)
    for _ in range(3000):
        lines = _lines(rng)
        want = [any(n in t.lower() for n in NEEDLES) and is_policy(t) for t in lines]
        assert policy_lines(lines).tolist() == want, lines
    assert policy_lines(["Story.", "\u212aomentar berisi spam akan dihapus.", "КОММЕНТАРИИ МОДЕРИРУЮТСЯ"]).tolist() == \
        [False, True, True]


def test_promo_pre_tests_hold_every_match():
    rng = random.Random(7)
    bits = ["stock", "shutterstock", "rs/", "reuters/x", "credit:", "credit: ap", "getty", "(image: getty)",
            "/ap", "/ ap file", "via ap", "(ap photo/x)", "/afp", "sign up", "subscribe to", "youtube",
            "now on youtube", "suscríbete", "click here", "clicking", "follow us on twitter", "follow @x",
            "your inbox", "get the app", "tap here", "check out our", "share this story with", "like this article",
            "have a tip", "assine já", "k", "p", "/", ":", " ", ". ", "x"]
    hits = 0
    for _ in range(20000):
        low = "".join(rng.choice(bits) for _ in range(rng.randint(0, 10)))
        if promo.PROMO_ANY.search(low) or promo.TEXT_CALL.search(low):
            hits += 1
            assert promo._TEXT_NEEDS.search(low), low
        for at in (0, rng.randint(0, len(low))):
            if promo.CREDIT_END.search(low, at):
                assert promo.CREDIT_START.search(low, at), (low, at)
    assert hits > 1000


def test_word_limits_of_captions_and_promo_lines():
    caption = " (Image: GETTY)"
    assert promo._reason(" ".join(["w"] * 78) + caption) == "caption"  # 80 words
    assert promo._reason(" ".join(["w"] * 79) + caption) == ""
    call = "Sign up for our newsletter"
    assert promo._reason(call + " w" * 35) == "promo"  # 40 words
    assert promo._reason(call + " w" * 36) == ""
    assert promo._reason(call + " w" * 36 + caption) == "caption"
    for text in ("", "w", "w " * 40, "w  " * 40, "w\u00a0" * 41, "a\tb " * 30):
        for limit in (promo.MAX_WORDS, promo.CAPTION_WORDS):
            assert promo._at_most(text, limit) == (len(text.split()) <= limit)


def test_page_promo_marks_only_kept_promo_lines():
    from newstrace.clean.lines import build_page
    story = [f"Paragraph {i} of the story tells what the council decided about the port on Monday." for i in range(6)]
    page = build_page("\n".join(["Port deal agreed", *story[:3], "READ MORE: Port strike ends", *story[3:]]))
    keep = np.ones(len(page.texts), dtype=bool)
    out = promo.page_promo(page, keep)
    assert out.tolist() == ["", "", "", "", "promo", "", "", ""]
    keep[4] = False
    assert promo.page_promo(page, keep).tolist() == [""] * len(page.texts)
