"""Page metadata from a parsed HTML tree: <meta>, JSON-LD, <title>, <html lang>.

Each value comes back as a `Found` whose evidence names where it was read.
"""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urljoin

from ..records import Found

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)")
# a time of day after an ISO date ("2019-11-20T04:31:13.000+00:00", "2019-11-20 04:31Z")
_ISO_TIME = re.compile(r"[T ]([01]\d|2[0-3]):?([0-5]\d)(?::?[0-5]\d(?:[.,]\d+)?)?\s*"
                       r"(Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?(?![\d:])")
_ARTICLE_TYPES = ("article", "posting", "report", "blog")

# (attribute, name) pairs in order of trust, per field
_META = {
    "title": [("property", "og:title"), ("name", "twitter:title"), ("name", "dc.title")],
    "published": [
        ("property", "article:published_time"), ("property", "og:published_time"),
        ("itemprop", "datePublished"), ("name", "date"), ("name", "pubdate"),
        ("name", "publishdate"), ("name", "dc.date"), ("name", "dc.date.issued"),
        ("name", "parsely-pub-date"), ("name", "sailthru.date"), ("property", "og:updated_time"),
    ],
    "byline": [
        ("name", "author"), ("property", "article:author"), ("name", "parsely-author"),
        ("name", "sailthru.author"), ("name", "dc.creator"), ("name", "byl"),
    ],
    "site_name": [("property", "og:site_name"), ("name", "application-name")],
    "description": [
        ("property", "og:description"), ("name", "description"), ("name", "twitter:description"),
    ],
    "canonical_url": [("property", "og:url")],
    "lang": [("http-equiv", "content-language"), ("property", "og:locale")],
}
_WANTED = {(attr, name.lower()) for pairs in _META.values() for attr, name in pairs}


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _meta_tags(metas) -> dict[tuple[str, str], str]:
    """(attribute, lower-cased name) -> content of the first such <meta> named in _META."""
    out: dict[tuple[str, str], str] = {}
    for el in metas:
        for attr in ("property", "name", "itemprop", "http-equiv"):
            name = el.get(attr)
            if name:
                key = (attr, name.strip().lower())
                if key in _WANTED and key not in out:
                    content = _clean(el.get("content"))
                    if content:
                        out[key] = content
    return out


def _jsonld_objects(scripts) -> list[dict]:
    objs: list[dict] = []
    for el in scripts:
        if "ld+json" not in (el.get("type") or ""):
            continue
        try:
            data = json.loads(el.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objs.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return objs


def _names(value) -> list[str]:
    """Names from a JSON-LD author/publisher value (str, dict or list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _jsonld(scripts) -> dict[str, str]:
    """Fields of the first article-like JSON-LD object (falls back to any object)."""
    objs = _jsonld_objects(scripts)

    def is_article(obj: dict) -> bool:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        return any(isinstance(k, str) and any(t in k.lower() for t in _ARTICLE_TYPES)
                   for k in kinds)

    objs.sort(key=lambda o: not is_article(o))
    out: dict[str, str] = {}
    for obj in objs:
        for key, field in (("headline", "title"), ("datePublished", "published"),
                           ("inLanguage", "lang"), ("url", "canonical_url"),
                           ("description", "description")):
            value = obj.get(key)
            if isinstance(value, str) and _clean(value) and field not in out:
                out[field] = _clean(value)
        authors = [_clean(n) for n in _names(obj.get("author")) if _clean(n)]
        if authors and "byline" not in out:
            out["byline"] = ", ".join(dict.fromkeys(authors))
        publisher = [_clean(n) for n in _names(obj.get("publisher")) if _clean(n)]
        if publisher and "site_name" not in out:
            out["site_name"] = publisher[0]
    return out
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/_-]|$)")


def iso_datetime(value: str) -> str | None:
    """`iso_date`, with the time of day ("2019-11-20T04:31", "...T04:31+00:00") when the
    value gives one. Midnight is read as a bare date (what many sites write when they
    keep only the day)."""
    m = _ISO_DATE.search(value or "")
    day = _day(m)
    if day is None:
        return None
    t = _ISO_TIME.match(value, m.end())
    if t is None:
        return day
    hh, mm, zone = t.groups()
    if hh == mm == "00":
        return day
    if zone is None:
        return f"{day}T{hh}:{mm}"
    zone = "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
    return f"{day}T{hh}:{mm}{zone}"


def iso_date(value: str) -> str | None:
    """YYYY-MM-DD from an ISO-like date string, else None."""
    return _day(_ISO_DATE.search(value or ""))


def _day(m: re.Match | None) -> str | None:
    """YYYY-MM-DD of an `_ISO_DATE` match that names a month and a day, else None."""
    if not m or not ("01" <= m.group(2) <= "12" and "01" <= m.group(3) <= "31"):
        return None
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


def extract_meta(tree, url: str | None = None, *, dates: bool = True) -> dict[str, Found]:
    """Metadata of a parsed page. Order of trust: JSON-LD, then <meta>, then the page."""
    found_tags: dict[str, list] = {"meta": [], "script": [], "link": [], "title": []}
    for el in tree.iter("meta", "script", "link", "title"):  # one walk, in page order
        found_tags[el.tag].append(el)
    tags = _meta_tags(found_tags["meta"])
    ld = _jsonld(found_tags["script"])
    found: dict[str, Found] = {}

    def put(field: str, value: str | None, evidence: str) -> None:
        value = _clean(value)
        if value and field not in found:
            found[field] = Found(value, evidence)

    for field, pairs in _META.items():
        if field in ld and field != "published":
            put(field, ld[field], f"json-ld {field}")
        for attr, name in pairs:
            if field in found:  # put keeps the first value found
                break
            value = tags.get((attr, name.lower()))
            if not value or (field == "byline" and value.startswith("http")):
                continue
            if field == "published":
                value = iso_datetime(value)
            put(field, value, f"meta {name}")
    if "published" in ld and (when := iso_datetime(ld["published"])):
        found["published"] = Found(when, "json-ld datePublished")
    _from_page(tree, found_tags, found, put)
    if dates and "published" not in found:
        m = _URL_DATE.search(url or "")
        if m:  # /2019/11/20/ in the address: cheap and reliable, htmldate is not cheap
            put("published", "-".join(m.groups()), "url date")
        else:
            _htmldate(tree, url, put)
    for key in ("canonical_url",):
        if key in found and url:
            found[key] = Found(urljoin(url, found[key].value), found[key].evidence)
    return found


# what a <title> adds after the headline: " | Site Name", " - Site", " :: Site"
_TITLE_TAIL = re.compile(r"\s*(?:[|\-–—:»·•]|::)\s*\S.{0,80}")


def _from_page(tree, tags: dict[str, list], found, put) -> None:
    for el in tags["link"]:
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            found.pop("canonical_url", None)  # <link rel=canonical> beats og:url / JSON-LD url
            put("canonical_url", el.get("href"), "link rel=canonical")
            break
    lang = tree.get("lang") or tree.get("xml:lang") if tree.tag == "html" else None
    if lang:
        found.pop("lang", None)
        put("lang", lang, "html lang")
    h1 = tree.find(".//h1") if "title" not in found else None
    if tags["title"] and "title" not in found:
        title = " ".join(tags["title"][0].text_content().split())
        head = " ".join(h1.text_content().split()) if h1 is not None else ""
        # the <h1> heads the story (3+ words: not a logo "CNN" heading "CNN - Breaking News")
        if len(head.split()) >= 3 and title.startswith(head) and \
                _TITLE_TAIL.fullmatch(title[len(head):]):
            put("title", head, "html title, the site's name after it cut (as the <h1>)")
        else:
            put("title", title, "html title")
    if "title" not in found and h1 is not None:
        put("title", h1.text_content(), "h1")


def _htmldate(tree, url, put) -> None:
    try:
        from htmldate import find_date
    except ImportError:  # core dependency; tolerate its absence
        return
    try:
        value = find_date(tree, url=url, extensive_search=False, original_date=True,
                          outputformat="%Y-%m-%dT%H:%M:%S%z")
    except Exception as err:  # htmldate is third-party: never let it sink a page
        log.debug("htmldate failed: %s", err)
        return
    put("published", iso_datetime(value or ""), "htmldate")


__all__ = ["extract_meta", "iso_date", "iso_datetime"]
