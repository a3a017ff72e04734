"""Word counts for Chinese and Japanese, which write no spaces: a whole clause is one run
of word characters, so these count Han and Kana characters as words. Numpy only."""

from __future__ import annotations

import numpy as np

from . import charclass as C

# words per Chinese or Japanese character, in tenths: a Chinese word is about 1.7 Han
# characters; Japanese writes about 2.5 characters per English word, kana (endings,
# particles, loanwords) spelling out more than Han
WORDS_PER_HAN, WORDS_PER_KANA = 6, 4
KANA = (0x3040, 0x30FF)  # Hiragana and Katakana
HANGUL = (0xAC00, 0xD7AF)  # the Hangul syllables among `C.CJK`


def cjk_words(cp: np.ndarray, bits: np.ndarray, starts: np.ndarray,
              nws: np.ndarray) -> tuple[np.ndarray, np.ndarray | int, np.ndarray | int]:
    """Word counts per line (`nws`: runs of word characters) with Chinese and Japanese
    read as words: these scripts write no spaces, so a whole clause is one run. Each Han
    character counts WORDS_PER_HAN tenths of a word, each Kana one WORDS_PER_KANA (the sum
    rounded per line), and the other word characters count by runs, cut at Han and Kana
    ("iPhoneを" is one word and a Kana). Korean writes spaces: Hangul is left as it is.
    `starts`: each line's first character (only white space lies between lines).
    Returns the word counts, and per line the words and the characters in Han and Kana
    (0, 0 when the text has none)."""
    cjk = (bits & C.CJK) != 0
    kana = cjk & (cp >= KANA[0]) & (cp <= KANA[1])
    han = cjk & ~kana & ((cp < HANGUL[0]) | (cp > HANGUL[1]))
    if not (han.any() or kana.any()):
        return nws, 0, 0
    other = ((bits & C.W) != 0) & ~han & ~kana
    planes = np.zeros((3, len(bits)), dtype=np.int32)
    planes[0] = han
    planes[1] = kana
    planes[2] = other
    planes[2, 1:] &= ~other[:-1]  # where a run of other word characters starts
    n_han, n_kana, runs = np.add.reduceat(planes, starts, axis=1)
    words = (WORDS_PER_HAN * n_han + WORDS_PER_KANA * n_kana + 5) // 10  # to the nearest word
    return runs + words, words, n_han + n_kana
