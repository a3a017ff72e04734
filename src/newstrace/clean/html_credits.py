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

A line that names its outlet plainly, a bare domain ("techcrunch.com") or a © line
naming an outlet the built-in table does not know ("© 2021 Techcrunch"), is what
menus and group footers are made of too; it counts only where a template puts a
credit (`plain_credit`): alone in its box (an element saying nothing else: an
article's footer, a box after the story) or among the first blocks after the
story's last paragraph, and not as a link to a site's home page (sister sites).

The rest of the page (menus, sidebars, the site footer) is not read: walking it
would cost a tenth of the extraction time, and its lines name the site's own
group or its partners far more often than a source.

A credit line keeps its link target (`Line.link`), which the text drops: the href of
the anchor naming the outlet, else of the only site the line links to, never the
page's own (`pick_link`). Lines cut from the page elsewhere (the extracted body) get
theirs from `add_links`, which finds their text in the story's element.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from ..domains import label
from ..records import Line
from .credits import OUTLETS, link_domain, may_credit, outlet_for, parse_credit

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


def footer_credit_lines(tree, page: str | None = None) -> list[Line]:
    """Credit lines in the page's inner <footer> and <aside> elements (an article's own
    footer, a box beside the story); the site's footer, a child of <body>, is left out.
    A plain line (`plain_credit`) counts only in an <article>'s own footer or aside."""
    roots, own = [], []
    for el in tree.iter("footer", "aside"):
        parent = el.getparent()
        if parent is None or parent.tag in _OUTER:
            continue
        ancestors = [parent, *parent.iterancestors()]
        if not any(a.tag in ("footer", "aside") for a in ancestors):
            (own if any(a.tag == "article" for a in ancestors) else roots).append(el)
    return credit_lines(roots, page, plain=False) + credit_lines(own, page)


TAIL_BLOCKS = 4  # blocks after the story's last paragraph where a plain credit line may stand
STORY_WORDS = 12  # a block of the story's own container this long is a paragraph of it


def block_credit_lines(blocks: Sequence, page: str | None = None) -> list[Line]:
    """Credit lines among the blocks (`html_blocks.Block`) cut from the element holding the
    story: explicit ones anywhere, plain ones (`plain_credit`) from the story's last long
    paragraph to `TAIL_BLOCKS` blocks past the last block of the story's own container."""
    core = [i for i, b in enumerate(blocks) if b.core]
    long = [i for i in core if len(blocks[i].text.split()) >= STORY_WORDS]
    first, last = (long[-1], core[-1] + TAIL_BLOCKS) if long else (len(blocks), -1)
    out = []
    for i, b in enumerate(blocks):
        plain = first <= i <= last and b.link < len(b.text) // 2
        line = _credit_line(b.text, page, plain)
        if line is not None:
            out.append(line)
    return out


def credit_lines(roots: Iterable, page: str | None = None, plain: bool = True) -> list[Line]:
    """Each text block under the elements `roots` that reads as a credit line, in order,
    with its link (`page`: the page's own domain, whose links are no credit's). `plain`:
    a plain line (`plain_credit`) counts too when it is all its root says."""
    starts = []  # (element whose own text, or whose child's tail, may start a credit line, root)
    for root in roots:
        if not isinstance(root.tag, str) or root.tag in _HIDDEN:
            continue
        for el in root.iter():
            text = el.text
            if text and not text.isspace():
                tag = el.tag
                if isinstance(tag, str) and tag not in _HIDDEN and _may_start(text):
                    starts.append((el, root))
            tail = el.tail
            if tail and el is not root and not tail.isspace() and _may_start(tail):
                owner = el.getparent()
                if owner is not None and owner.tag not in _HIDDEN:
                    starts.append((owner, root))
    seen: set = set()
    out: list[Line] = []
    for block, root in starts:
        while block.tag in _INLINE and block.getparent() is not None:
            block = block.getparent()
        if block in seen:
            continue
        seen.add(block)
        text = " ".join(block.text_content().split())
        alone = plain and text == " ".join(root.text_content().split()) and not _home_link(block)
        line = _credit_line(text, page, alone)
        if line is not None:
            link = pick_link(_anchors(block.iter("a")), parse_credit(line.text), page)
            out.append(replace(line, link=link) if link else line)
    return out


def _credit_line(text: str, page: str | None = None, plain: bool = False) -> Line | None:
    """`text` (one block, spaces collapsed) as a dropped credit line, when it reads as an
    explicit credit, or (`plain`: where a template puts a credit) as a plain one."""
    if not text or len(text) > MAX_CHARS or not may_credit(text):
        return None
    credit = parse_credit(text)
    if _explicit(credit) or (plain and plain_credit(text, credit, page)):
        return Line(text, -1, -1, False, REASON)
    return None


def _home_link(block) -> bool:
    """Whether the block is one link to a site's home page (a sister site, a partner)."""
    anchors = list(block.iter("a"))
    if len(anchors) != 1 or " ".join(anchors[0].text_content().split()) != " ".join(
            block.text_content().split()):
        return False
    href = (anchors[0].get("href") or "").strip()
    return link_domain(href) is not None and _depth(href) == 0


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


# a company's name in a © line: a group's footer ("© 2019 Hearst Communications, Inc."),
# not the outlet a story came from
_COMPANY = re.compile(r"\b(?:inc|llc|ltd|limited|corp(?:oration)?|co|company|group|holdings?|media|"
                      r"communications|networks?|broadcasting|interactive|universal|publishing|"
                      r"publications|publishers?|enterprises|entertainment|plc|gmbh|pvt|pty|l\.?p|"
                      r"partners|studios|digital|news ?papers?|trust|foundation)\b\.?", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_ASSET = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|css|js|pdf|mp[34])(?:[?#]|$)", re.I)
# hosts that run sites, not outlets ("Powered by WordPress.com")
_HOSTS = frozenset(("wordpress.com", "wordpress.org", "blogger.com", "blogspot.com", "medium.com",
                    "substack.com", "tumblr.com", "wix.com", "squarespace.com", "ghost.org"))


def plain_credit(text: str, credit: tuple[str, str | None, str] | None, page: str | None) -> bool:
    """Whether `text` names its outlet plainly and may be a credit where a template puts
    one: a bare domain or link (not the page's own site, a site host or a file), or a ©
    line of one year naming an outlet the table does not know (not the page's own name,
    not a company: a group's footer)."""
    if credit is None:
        return False
    if credit[2] in ("domain", "url"):
        domain = credit[1] or ""
        return not (_same_site(domain, page) or domain in _HOSTS or _ASSET.search(text)
                    or (page and label(domain) and label(domain) == label(page)))
    if credit[2] != "copyright" or credit[1] is not None:
        return False
    name = re.sub(r"[^a-z0-9]", "", credit[0].lower())
    own = label(page) if page else ""
    return (len(_YEAR.findall(text)) == 1 and not re.search(r"\d{4}\s*[-–]", text)
            and not _COMPANY.search(text) and "|" not in text and len(name) >= 2
            and not (own and (own in name or name in own)))


def pick_link(anchors: Iterable[tuple[str, str]], credit: tuple[str, str | None, str] | None,
              page: str | None) -> str | None:
    """The link target of a credit line from its anchors ((text, href) pairs): the site
    of the anchor naming the outlet, else the only site the line links to; on that site,
    the deepest link (the story "Read the original article" points at, not the home page
    the outlet's name links to). Relative links and links to `page` (the page's own
    domain), platforms and shorteners are left out. None when no site qualifies or
    several do."""
    if credit is None:
        return None
    out = []  # (href, domain, whether the anchor names the outlet)
    for text, href in anchors:
        domain = link_domain(href)
        if domain is None or _same_site(domain, page) or _policy(href):
            continue
        href = href.strip()
        out.append(("https:" + href if href.startswith("//") else href, domain,
                    _names(text, credit, domain)))
    sites = {d for _, d, named in out if named} or {d for _, d, _ in out}
    if len(sites) != 1:
        return None
    site = sites.pop()
    return max((h for h, d, _ in out if d == site), key=_depth)


def _same_site(domain: str, page: str | None) -> bool:
    """`domain` is the page's own (`hosted.ap.org` and `apnews.com` are both AP's)."""
    return page is not None and (domain == page or OUTLETS.get(domain, domain) == OUTLETS.get(page, page))


def _names(text: str, credit: tuple[str, str | None, str], domain: str) -> bool:
    """Whether an anchor's text names the credited outlet (or its link's site)."""
    text = " ".join(text.split()).strip(" .,:;")
    if not text:
        return False
    outlet, known = outlet_for(text)
    name, low = credit[0].lower(), text.lower()
    return (known == domain or outlet.lower() == name or domain == credit[1]
            or (min(len(low), len(name)) >= 3 and (low in name or name in low)))


# a page of the site's rules, not a story: a © line's "All rights reserved" links there
_POLICY = re.compile(r"(?:privacy|terms|copyright|polic(?:y|ies)|legal|cookies?|disclaimer|tos|about|"
                     r"contact|subscribe|newsletters?|licen[cs]es?|rights|permissions|imprint|impressum)"
                     r"(?:[-_]?(?:us|policy|statement|notice|info|and[-_]?conditions|of[-_]?use|of[-_]?service|"
                     r"conditions|reserved))*(?:\.\w{2,5})?", re.I)


def _policy(href: str) -> bool:
    path = href.split("?")[0].split("#")[0]
    return any(_POLICY.fullmatch(part) for part in path.split("/")[3:] if part)


def _depth(href: str) -> int:
    try:
        return len(urlsplit(href).path.strip("/"))
    except ValueError:  # a malformed link
        return 0


def _anchors(elements: Iterable) -> list[tuple[str, str]]:
    return [(a.text_content(), a.get("href")) for a in elements if a.get("href")]


# elements that start a new line of text (a <br> too); table cells stay on their row's line
_BREAKS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre",
    "tr", "table", "blockquote", "figcaption", "figure", "section", "article", "header", "main",
    "form", "address", "hr", "center", "caption", "footer", "aside", "nav", "br"))


def add_links(lines: list[Line], root, page: str | None = None) -> list[Line]:
    """`lines` with the link of each credit line whose text stands in `root` (the element
    holding the story) as one run of text, between breaks or across <br>s. Other lines,
    and pages with no credit line, come back as they were (no walk)."""
    wanted = {ln.text for ln in lines if ln.link is None and ln.text and may_credit(ln.text)
              and parse_credit(ln.text) is not None}
    if not wanted or root is None:
        return lines
    found = _runs(root, wanted)
    out = []
    for ln in lines:
        anchors = found.get(ln.text) if ln.link is None else None
        link = pick_link(_anchors(anchors), parse_credit(ln.text), page) if anchors else None
        out.append(replace(ln, link=link) if link else ln)
    return out


def _runs(root, wanted: set[str]) -> dict[str, list]:
    """The <a> elements of each run of text under `root` whose text is in `wanted`: runs
    are cut at block elements and at <br>, and also read whole across <br>s (a block
    extractor may keep "Source: X<br>Photo: Y" as one line)."""
    from lxml import etree

    found: dict[str, list] = {}
    run: tuple[list, list] = ([], [])  # (text pieces, <a> elements) since the last break
    whole: tuple[list, list] = ([], [])  # ... since the last block element (across <br>s)
    hidden = 0  # depth inside elements never shown

    def flush(*parts: tuple[list, list]) -> None:
        for pieces, anchors in parts:
            if pieces and anchors:
                text = " ".join("".join(pieces).split())
                if text in wanted:
                    found.setdefault(text, list(anchors))
            pieces.clear()
            anchors.clear()

    def add(text: str | None) -> None:
        if text and not hidden:
            run[0].append(text)
            whole[0].append(text)

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _HIDDEN:
                hidden += 1
            elif tag == "br":
                flush(run)
            elif tag in _BREAKS:
                flush(run, whole)
            elif tag == "a" and not hidden:
                run[1].append(el)
                whole[1].append(el)
            elif tag in ("td", "th"):
                add(" ")
            add(el.text if tag and tag not in _HIDDEN else None)
        else:
            if tag in _HIDDEN:
                hidden -= 1
            elif tag in _BREAKS and tag != "br":
                flush(run, whole)
            add(el.tail)
    flush(run, whole)
    return found
