"""Credit lines around the story on an HTML page, not only in its extracted body.

A republished page often says where its text came from in an element of its own
beside the story ("<div class="source">Source: sputniknews.com</div>", an
article's <footer>, a "Via SyndiGate.info" box), which body extraction drops. A
text page shows every line to the credit reader (`structure.py`); this gives an
HTML page the lines where credits stand, as dropped `Line`s that
`credits.parse_credit` reads as an explicit credit (`_explicit`):

- `footer_credit_lines`: <footer> and <aside> elements inside the page (not the
  site's own, a child of <body>), read before page furniture is stripped;
- `block_credit_lines`: the blocks of the element that holds the story;
- `credit_lines(after)`: the elements that follow that element.

The rest of the page (menus, sidebars, the site footer) is not read: walking it
would cost a tenth of the extraction time, and its lines name the site's own
group or its partners far more often than a source.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Line
from .credits import may_credit, parse_credit

REASON = "credit outside the body"
MAX_CHARS = 300  # a longer block is prose, not a credit line
NEXT_SIBLINGS = 5  # elements after the story's own that are read
# text here is never shown on the page
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "option", "select",
                     "textarea", "button", "svg"})
# a text node inside these belongs to the block around them
_INLINE = frozenset({"a", "span", "em", "strong", "b", "i", "small", "u", "sup", "sub", "time", "abbr",
                     "cite", "font", "mark", "q", "s", "label", "code", "bdi", "bdo", "ins", "del"})
_OUTER = frozenset({"body", "html", "footer", "aside"})


def footer_credit_lines(tree) -> list[Line]:
    """Credit lines in the page's inner <footer> and <aside> elements (an article's own
    footer, a box beside the story); the site's footer, a child of <body>, is left out."""
    roots = []
    for el in tree.iter("footer", "aside"):
        parent = el.getparent()
        if parent is None or parent.tag in _OUTER:
            continue
        if not any(a.tag in ("footer", "aside") for a in parent.iterancestors()):
            roots.append(el)
    return credit_lines(roots)


def block_credit_lines(texts: Iterable[str]) -> list[Line]:
    """Credit lines among text blocks already cut from the page."""
    return [ln for ln in map(_credit_line, texts) if ln is not None]


def credit_lines(roots: Iterable) -> list[Line]:
    """Each text block under the elements `roots` that reads as a credit line, in order."""
    starts = []  # elements whose own text, or whose child's tail, may start a credit line
    for root in roots:
        if not isinstance(root.tag, str) or root.tag in _HIDDEN:
            continue
        for el in root.iter():
            text = el.text
            if text and not text.isspace():
                tag = el.tag
                if isinstance(tag, str) and tag not in _HIDDEN and _may_start(text):
                    starts.append(el)
            tail = el.tail
            if tail and el is not root and not tail.isspace() and _may_start(tail):
                owner = el.getparent()
                if owner is not None and owner.tag not in _HIDDEN:
                    starts.append(owner)
    seen: set = set()
    out: list[Line] = []
    for block in starts:
        while block.tag in _INLINE and block.getparent() is not None:
            block = block.getparent()
        if block in seen:
            continue
        seen.add(block)
        line = _credit_line(" ".join(block.text_content().split()))
        if line is not None:
            out.append(line)
    return out


def _credit_line(text: str) -> Line | None:
    """`text` (one block, spaces collapsed) as a dropped credit line, when it reads as an
    explicit credit."""
    if text and len(text) <= MAX_CHARS and may_credit(text) and _explicit(parse_credit(text)):
        return Line(text, -1, -1, False, REASON)
    return None


def _may_start(text: str) -> bool:
    s = text.strip()
    return bool(s) and len(s) <= MAX_CHARS and may_credit(s)


def _explicit(credit: tuple[str, str | None, str] | None) -> bool:
    """A credit line that says so: not a bare link (sister sites, platforms and partners
    fill menus and footers with them), and a © line only when it names a known outlet
    ("© 2019 The Associated Press"; a group's own footer, "© Hearst Communications",
    names none)."""
    if credit is None or credit[2] in ("domain", "url"):
        return False
    return credit[2] != "copyright" or credit[1] is not None
