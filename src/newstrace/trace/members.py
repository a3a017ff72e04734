"""What the tracer knows about each family member: site, time, credits, text units."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache

from ..clean.credits import WIRE_FORMS
from ..clean.dates import firm_published
from ..domains import label
from ..ingest.common import site_of
from ..records import Article, Credit
from .outlets import canonical, host_of, registrable, same_outlet

_SENT_RE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9À-ÖØ-Þ])")
_TOKEN_RE = re.compile(r"\w+")
MIN_TOKENS = 4
# hosts a page links to that are never a news source
PLATFORMS = frozenset(("twitter.com", "x.com", "facebook.com", "instagram.com", "youtube.com",
                       "youtu.be", "t.me", "telegram.org", "whatsapp.com", "linkedin.com",
                       "reddit.com", "pinterest.com", "tiktok.com", "goo.gl", "bit.ly",
                       "google.com", "apple.com", "wordpress.com", "wp.com", "vk.com"))


@dataclass(slots=True)
class Info:
    doc_id: str
    site: str | None
    role: str  # copy | partial
    time: datetime | None
    time_text: str | None
    slack_h: float  # how far off `time` may be: tz-aware ~0.5 h, naive 14 h, date only 24 h
    credits: list[tuple[str, str, str]]  # (mention, line, form), the page's own site left out
    agency: str | None
    title: str | None
    paragraphs: list[tuple[int, int]]  # offsets into the text
    units: dict[str, int] = field(default_factory=dict)  # normalised sentence -> paragraph index
    text: str = ""
    carried: list[tuple[str, str, str]] = field(default_factory=list)  # credits in every copy
    named: set[str] | None = None  # doc ids of family members whose site its credits name
    loose: list[str] = field(default_factory=list)  # short dropped lines: credits the cleaner missed?
    dropped: tuple[str, ...] = ()  # dropped lines of headline length, normalised (no title found)
    hidden: frozenset[str] = frozenset()  # units (and "title: " keys) only in removed lines
    coverage: float = 1.0  # share of its text shared with the family
    linked: frozenset[str] = frozenset()  # credit mentions whose line links to a story there
    habit: float | None = None  # share of its site's other pages with a credit line (corpus)
    owners: frozenset[str] = frozenset()  # its site's footer copyright names (its owner's)

    def credits_outlet(self, outlet: str | None) -> bool:
        return any(same_outlet(m, outlet) for m, _, _ in self.credits)

    def links_outlet(self, outlet: str | None) -> bool:
        """Whether a credit links to a story page of `outlet` (see `story_link`)."""
        return any(same_outlet(m, outlet) for m in self.linked)


def full_members(members: list[Info]) -> list[Info]:
    """The members that carry the whole story (a partial one only shares a passage: it is
    no origin, and its dateline heads its own text); all of them if none does."""
    return [m for m in members if m.role != "partial"] or list(members)


# a URL in a line: host, then the rest (path, query)
_URL_RE = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,})"
                     r"([/?][^\s)\]>\"'”]*)", re.I)
# path parts of pages that list stories rather than hold one
_LIST_PARTS = frozenset(("search", "tag", "tags", "topic", "topics", "category", "categories",
                         "author", "authors", "feed", "rss", "newsletter", "newsletters",
                         "subscribe", "about", "contact", "profile", "archive", "archives",
                         "wp-content", "uploads", "assets", "static", "images", "image", "img"))
_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp[34]|js|css|xml)$")
_SHORTENERS = frozenset(("t.co", "ow.ly", "tinyurl.com", "buff.ly", "dlvr.it", "amzn.to", "fb.me"))
_STORY_ID = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{8,}")  # "8f3c2e1a9b7d"
_SEARCH_QUERY = re.compile(r"[?&](?:s|q|query|search|tag)=", re.I)


def story_link(line: str, outlet: str) -> bool:
    """Whether `line` holds a link to one story of `outlet`: a URL on its host whose path
    goes past the home page and is not a search, tag, topic or author page, nor an image
    or other file. The story is told by a long number in the path (a date, an id), a slug
    of 3+ words or a hash id."""
    for m in _URL_RE.finditer(line):
        host, rest = m.group(1).lower(), m.group(2).rstrip(".,;:!")
        if (registrable(host) in PLATFORMS or registrable(host) in _SHORTENERS
                or not same_outlet(host, outlet) or _SEARCH_QUERY.search(rest)):
            continue
        path = rest.split("?")[0].split("#")[0].lower()
        parts = [x for x in path.split("/") if x]
        if not parts or _LIST_PARTS.intersection(parts) or _FILE_RE.search(path):
            continue
        last = re.sub(r"\.(?:s?html?|php|aspx?|cms)$", "", parts[-1])
        if (re.search(r"\d{4}", rest) or len(re.findall(r"[a-z0-9]+", last)) >= 3
                or _STORY_ID.fullmatch(last)):
            return True
    return False


def link_credits(members: list[Info]) -> None:
    """Which family members each member's credits name (computed once per family).
    A short dropped line naming another member's outlet ("HT Mspoweruser",
    "Originaly published by Wired": markers the cleaner did not know) counts as a
    credit of the form "mention", unless it holds that member's own line naming
    itself (a headline with its site's suffix, carried along by the copy)."""
    own = {id(x): [norm(ln) for ln in x.loose if x.site and mentions(ln, x.site)] for x in members}
    for m in members:
        for x in members:
            if x is m or not x.site or same_outlet(x.site, m.site):
                continue
            line = next((ln for ln in m.loose if mentions(ln, x.site) and not names_own(ln, m.site)
                         and not _carried_from(norm(ln), own[id(x)])), None)
            if line and not m.credits_outlet(x.site):
                m.credits.append((x.site, line, "mention"))
        m.named = {x.doc_id for x in members
                   if x is not m and x.site and m.credits and m.credits_outlet(x.site)}


def _carried_from(line: str, own: list[str]) -> bool:
    """Whether a line holds a line of the named member's page that names its own site
    ("Headline - Fox News"): a copy carried that line along, it credits nobody."""
    return any(o and o in line for o in own)


def names_own(line: str, site: str | None) -> bool:
    """Whether a loose line is the page's own site name ("Mirenholm Chronicle" on
    mirenholmchronicle.net, "Corvid Telegraph Agency" on cta.net): a masthead, no credit."""
    return bool(site) and (mentions(line, site) or same_outlet(line, site))


def mentions(line: str, outlet: str) -> bool:
    """Whether a loose line names `outlet` (a domain or a name), markers and typos aside."""
    key = _outlet_key(outlet)
    if len(key) >= 5:
        return key in _squashed(line)
    return bool(key) and key in _line_words(line)


@lru_cache(maxsize=65536)
def _outlet_key(outlet: str) -> str:
    host = host_of(outlet)
    return label(host) if host else re.sub(r"[^a-z0-9]", "", outlet.lower())


@lru_cache(maxsize=65536)
def _squashed(line: str) -> str:
    return re.sub(r"[^a-z0-9]", "", line.lower())


@lru_cache(maxsize=65536)
def _line_words(line: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", line.lower()))


def link_outlet(members: list[Info], outlet: str) -> None:
    """Loose lines naming `outlet` (an absent origin candidate) count as credits to it,
    unless the line is the page's own site name."""
    for m in members:
        if m.credits_outlet(outlet) or same_outlet(outlet, m.site):
            continue
        line = next((ln for ln in m.loose if mentions(ln, outlet) and not names_own(ln, m.site)),
                    None)
        if line:
            m.credits.append((outlet, line, "mention"))


def habit_pages(members: list[Info]) -> list[tuple[str, bool]]:
    """One family's part of `credit_habits`: (site, has a credit line) per counted member,
    a full member no other member's credit names (a source's habit as a copy is unseen)."""
    return [(m.site, _has_credit(m)) for m in members if _counted(m, members)]


def _counted(m: Info, members: list[Info]) -> bool:
    return bool(m.site) and m.role != "partial" and not any(
        x is not m and x.credits_outlet(m.site) for x in members)


def _has_credit(m: Info) -> bool:
    return any(c[2] != "mention" for c in m.credits)


def habit_counts(rows: Iterable[tuple[str, bool]]) -> dict[str, tuple[int, int]]:
    """Site -> (pages counted, those with a credit line), from every family's `habit_pages`."""
    out: dict[str, tuple[int, int]] = {}
    for site, credits in rows:
        n, k = out.get(site, (0, 0))
        out[site] = (n + 1, k + credits)
    return out


HABIT_STRENGTH = 2.0  # pseudo-pages pulling a site's credit habit toward the tree's flat rate


def set_habits(members: list[Info], counts: dict[str, tuple[int, int]],
               strength: float, prior: float) -> None:
    """Each member's `habit`: its site's share of counted pages with a credit line (the
    page itself left out: its own credit is the evidence the habit weighs), smoothed
    toward `prior` (the tree's flat rate, 1 - p_names_none) by `strength` pseudo-pages."""
    for m in members:
        if not m.site:
            continue
        n, k = counts.get(m.site, (0, 0))
        if _counted(m, members):
            n, k = n - 1, k - _has_credit(m)
        m.habit = (k + strength * prior) / (n + strength)


def credit_habits(families: list[list[Info]], strength: float, prior: float) -> None:
    """How often each member's site credits another outlet on its other pages (its
    `habit`), from the whole corpus: `habit_pages` per family, `habit_counts` over all,
    `set_habits` per family (the steps an executor that cannot hold the corpus runs)."""
    counts = habit_counts(r for members in families for r in habit_pages(members))
    for members in families:
        set_habits(members, counts, strength, prior)


def order_ll(earlier: Info, later: Info, p_bad_clock: float = 0.15) -> float:
    """Log-odds-like support (nats, 0 = no information) that `earlier` came out before
    `later`, from their dates: a logistic in the gap, scaled by how far the dates may be
    off, mixed with a chance that a clock is simply wrong."""
    if earlier.time is None or later.time is None:
        return 0.0
    gap_h = (later.time - earlier.time).total_seconds() / 3600
    scale = max(1.0, (earlier.slack_h + later.slack_h) / 2)
    z = max(-30.0, min(30.0, gap_h / scale))
    p = (1 - p_bad_clock) / (1 + math.exp(-z)) + p_bad_clock / 2
    return math.log(p / 0.5)


def norm(text: str) -> str:
    return " ".join(_TOKEN_RE.findall(text.lower()))


def sentences(text: str) -> list[str]:
    return [s for s in _SENT_RE.split(text) if s.strip()]


def text_units(text: str, memo: dict[str, list[str]] | None = None) -> list[str]:
    """The normalised sentences of `text` long enough to be text units. `memo` (text ->
    units) saves the work on a paragraph several copies share; do not change its lists."""
    got = memo.get(text) if memo is not None else None
    if got is None:
        got = [k for k in map(norm, sentences(text)) if k.count(" ") + 1 >= MIN_TOKENS]
        if memo is not None:
            memo[text] = got
    return got


TITLE_PREFIX = "title: "


def title_unit(title: str) -> str:
    """A headline as a text unit (kept apart from sentences by its prefix)."""
    return TITLE_PREFIX + norm(title)


def is_title_unit(unit: str) -> bool:
    return unit.startswith(TITLE_PREFIX)


def removed_units(article: Article, memo: dict[str, list[str]] | None = None) -> frozenset[str]:
    """The text units of the lines the cleaner removed from `article`."""
    return frozenset(k for r in article.removed if r.text.count(" ") + 1 >= MIN_TOKENS
                     for k in text_units(r.text, memo))


def parse_time(value: str | None) -> datetime | None:
    """An ISO date string as an aware UTC datetime; naive times are taken as UTC."""
    return parse_time_slack(value)[0]


def parse_time_slack(value: str | None) -> tuple[datetime | None, float]:
    """(UTC datetime, hours it may be off). A time without zone may be any local time
    (up to 14 h off); a bare date is worth a day either way."""
    if not value:
        return None, 0.0
    v = value.strip().replace("Z", "+00:00")
    slack = 0.5
    try:
        t = datetime.fromisoformat(v)
    except ValueError:
        try:
            t = datetime.fromisoformat(v[:10])
        except ValueError:
            return None, 0.0
    if len(v) <= 10:
        slack = 24.0
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
        slack = max(slack, 14.0)
    return t.astimezone(timezone.utc), slack


def paragraph_spans(article: Article) -> list[tuple[int, int]]:
    """The body's blocks in text order: paragraphs, subheads and captions (a copy carries
    them all; a text cleaner tells a short line a subhead on one page, a paragraph on another)."""
    blocks = [*article.paragraphs, *article.subheads, *article.captions]
    if blocks:
        return sorted((p.start, p.end) for p in blocks)
    spans, pos = [], 0
    for chunk in article.text.split("\n\n"):
        start = article.text.find(chunk, pos)
        if chunk.strip():
            spans.append((start, start + len(chunk)))
        pos = start + len(chunk)
    return spans


def site_of_article(article: Article) -> str | None:
    if article.site:
        return canonical(article.site)
    if article.url:
        return canonical(site_of(article.url))
    return None


def own_footer(credit: Credit, article: Article, footers: frozenset[str] = frozenset()) -> bool:
    """A copyright line naming the page's own site, or one of the site's recurring footers
    (`footers`, see `site_footers`): the page's own notice, not a source named."""
    from ..networks.audit import own_copyright

    if credit.form != "copyright":
        return False
    return same_outlet(credit.domain or credit.outlet, site_of_article(article)) or own_copyright(
        credit, article, footers)


def site_footers(articles) -> dict[str, frozenset[str]]:
    """Per site: the copyright names on most of its pages in the corpus (its footer)."""
    from ..networks.audit import site_footers as footers

    return footers(articles)


def footers_of(article: Article, footers: dict[str, frozenset[str]]) -> frozenset[str]:
    """The footer names of the article's site (keyed as `site_footers` keys them)."""
    return footers.get(article.site or site_of(article.url) or "", frozenset())


def build_info(article: Article, role: str, footers: frozenset[str] = frozenset(),
               coverage: float = 1.0, memo: dict[str, list[str]] | None = None) -> Info:
    """`footers`: the copyright names recurring on the article's site (left out as credits);
    `coverage`: the share of its text it shares with the family; `memo`: see `text_units`
    (one per family: copies share their paragraphs)."""
    site = site_of_article(article)
    credits, linked = [], set()
    agency = article.dateline.agency if article.dateline else None
    for c in article.credits:
        mention = c.domain or c.outlet
        if not mention or same_outlet(mention, site) or own_footer(c, article, footers):
            continue
        if c.form in WIRE_FORMS:  # a wire's name or sign-off: who wrote the text
            agency = agency or mention
            continue
        credits.append((mention, c.line, c.form))
        if story_link(c.line, mention) or (c.link and story_link(c.link, mention)):
            linked.add(mention)
    spans = paragraph_spans(article)
    units: dict[str, int] = {}
    for i, (s, e) in enumerate(spans):
        for key in text_units(article.text[s:e], memo):
            units.setdefault(key, i)
    hidden = removed_units(article, memo) - units.keys()
    hidden |= {title_unit(r.text) for r in article.removed if len(r.text.split()) >= 3}
    published = firm_published(article)
    title = article.title.value if article.title else None
    loose = []
    for r in article.removed:
        words = r.text.split()
        if (1 <= len(words) <= 10 and r.reason not in ("headline", "credit", "title")
                and not (title and norm(r.text) == norm(title)) and "©" not in r.text):
            host = host_of(words[-1])
            if host and registrable(host) in PLATFORMS:
                continue
            if host and not same_outlet(host, site) and not any(c[1] == r.text for c in credits):
                credits.append((host, r.text, "mention"))
            else:
                loose.append(r.text)
    when, slack = parse_time_slack(published)
    dropped = () if title else tuple(
        norm(r.text) for r in article.removed
        if r.reason != "credit" and 3 <= len(r.text.split()) <= 30)
    return Info(article.doc_id, site, role, when, published, slack, credits, agency,
                title, spans, units, article.text, loose=loose, dropped=dropped, hidden=hidden,
                coverage=coverage, linked=frozenset(linked), owners=footers)


def find_titles(members: list[Info]) -> None:
    """A member whose headline the cleaner did not find may still show it in a dropped line:
    one that is word for word another member's headline is taken as its own."""
    titles = {norm(m.title): m.title for m in members if m.title}
    for m in members:
        if m.title is None:
            m.title = next((titles[t] for t in m.dropped if t in titles), None)
