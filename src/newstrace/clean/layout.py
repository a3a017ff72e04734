"""Other scrapers' layouts of a page, read like a plain dump (`lines.build_page`).

Tools other than a careless dump mark list items ("* item", "• item"), write an
image as its file name on a line of its own, and use no-break or invisible
spaces. The model never saw these; `build_page` reads them as spaces (the lines
stay in the output, dropped). Pure functions over a text's code points and
character-class bits (`charclass`), numpy only.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from . import charclass as C

INVISIBLE = "\u200b\u200c\u200d\ufeff\u2060"
INVISIBLE_ARR = np.array(sorted(map(ord, INVISIBLE)), dtype=np.uint32)
INVISIBLE_ARR.flags.writeable = False
# list markers other scrapers put before an item ("* ", "• "): left out of a line's span
LIST_MARKS = "*+-–•◦▪▫■□●○‣⁃∙·►"
# a line that only names an image (a file name, a bracketed image URL or "[image]"), as
# some scrapers write an <img>; maybe after a list marker
IMAGE_LINE = re.compile(
    r"(?:[*+\-–•◦▪·][ \t]+)?(?:[^\s\[\]]+\.(?:jpe?g|png|gif|webp|svg|avif|bmp)(?:\?\S*)?"
    r"|\[[^\]\n]*\.(?:jpe?g|png|gif|webp|svg|avif|bmp)[^\]\n]*\]|\[(?:image|img|photo|picture)\b[^\]\n]*\])",
    re.I)
IMAGE_ENDS = "gGfFpP]"  # how such a line can end
MARK, IMAGE_END = 1, 2  # flags in `edge_table`


def list_marks(cp: np.ndarray, bits: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray) -> np.ndarray:
    """Positions of list markers that start a line ("* item", "• item") or make up a whole
    line (`LIST_MARKS`, then white space or the line's end), in a text given as code
    points and class bits with its stripped line spans."""
    if not len(s_arr):
        return s_arr
    hit = (edge_table().take(cp[s_arr], mode="clip") & MARK).nonzero()[0]
    at, end = s_arr[hit], e_arr[hit]
    return at[(at + 1 == end) | ((bits[np.minimum(at + 1, len(bits) - 1)] & C.WS) != 0)]


def image_lines(text: str, cp: np.ndarray, s_arr: np.ndarray, e_arr: np.ndarray) -> list[tuple[int, int]]:
    """Spans of the lines that only name an image (`IMAGE_LINE`) among the stripped line
    spans of `text` (`cp`: its code points)."""
    if not len(s_arr):
        return []
    maybe = (edge_table().take(cp[e_arr - 1], mode="clip") & IMAGE_END).nonzero()[0]
    spans = zip(s_arr[maybe].tolist(), e_arr[maybe].tolist(), strict=True)
    return [(a, b) for a, b in spans if IMAGE_LINE.fullmatch(text, a, b)]


@lru_cache(maxsize=1)
def edge_table() -> np.ndarray:
    """MARK and IMAGE_END flags of each BMP code point (U+FFFF, where astral ones clip, has none)."""
    table = np.zeros(0x10000, dtype=np.uint8)
    table[list(map(ord, LIST_MARKS))] |= MARK
    table[list(map(ord, IMAGE_ENDS))] |= IMAGE_END
    table.setflags(write=False)
    return table


def as_spaces(cp: np.ndarray, bits: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Copies of code points and class bits with the characters at `at` made spaces."""
    cp, bits = cp.copy(), bits.copy()
    cp[at] = 32
    bits[at] = C.bmp_bits()[32]
    return cp, bits
