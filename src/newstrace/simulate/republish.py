"""Republication: families of copies, chains, credits, clocks and debris, with the truth."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import xxhash

from . import words as W
from .articles import BaseArticle, Outlet, make_outlets, synthetic_articles, vary
from .pages import Site, credit_line, format_time, make_site, render_html, render_page


@dataclass(frozen=True, slots=True)
class SimOptions:
    copies_min: int = 1
    copies_max: int = 6
    chain_p: float = 0.35  # a copy copies an earlier copy rather than the origin
    withheld_p: float = 0.2  # the origin is left out of the corpus
    singleton_p: float = 0.15  # a base article nobody copies
    miscredit_p: float = 0.1  # a crediting copy names the wrong outlet
    credit_parent_p: float = 0.5  # a copy of a copy names its parent, not the origin
    drop_p: float = 0.4
    intro_p: float = 0.3
    reword_p: float = 0.4
    headline_p: float = 0.3
    partial_p: float = 0.15  # a roundup borrows one paragraph from the family
    dateline_p: float = 0.7  # agency stories start with "CITY (Agency) –"
    bad_clock_p: float = 0.15
    mean_delay_h: float = 6.0
    copy_sites: int = 60
    networks: int = 0  # groups of sites sharing a template that copy fast from a hub
    network_size: int = 4
    network_p: float = 0.3
    html: bool = False  # pages as their sites serve them (HTML), not dumped to text
    page_streams: bool = False  # each page rendered from its own random stream: the same
    #                             seed then gives the same world in text and in HTML


@dataclass(frozen=True, slots=True)
class SimDoc:
    doc_id: str
    site: str
    url: str
    published: str | None  # ISO string as the site shows it (maybe wrong), None if missing
    text: str  # the scraped page as text
    title: str = ""  # the headline the page shows
    kind: str = "text"  # "text" | "html"


@dataclass(frozen=True, slots=True)
class Truth:
    family_id: str
    origin_doc_id: str | None  # None when the origin is withheld from the corpus
    origin_outlet: str  # the origin outlet's domain
    parent_doc_id: str | None  # None for the origin and for copies of a withheld origin
    credit_status: str  # origin | credited | uncredited | miscredited
    partial: bool = False
    network: str | None = None
    edits: tuple[str, ...] = ()  # edits this copy made to its parent: drop | intro | reword | headline
    credit: str | None = None  # the credit line written on the page
    true_time: str = ""  # when it really appeared (UTC)


@dataclass(slots=True)
class SimCorpus:
    docs: list[SimDoc] = field(default_factory=list)
    truth: dict[str, Truth] = field(default_factory=dict)


@dataclass(slots=True)
class _Node:
    doc_id: str | None
    site: Site
    title: str
    paragraphs: list[str]
    time: datetime


class _World:
    """Sites and outlets of one simulation run (state lives here, not in the module)."""

    def __init__(self, rng: random.Random, bases: list[BaseArticle], opts: SimOptions):
        self.rng, self.opts = rng, opts
        self.sites: dict[str, Site] = {}
        for b in bases:
            if b.outlet.domain not in self.sites:
                self.sites[b.outlet.domain] = make_site(rng, b.outlet, None, opts.bad_clock_p)
        pool = make_outlets(random.Random(rng.random()), n_papers=opts.copy_sites // 3,
                            n_blogs=opts.copy_sites)
        pool = [o for o in pool if o.domain not in self.sites]
        for o in pool[: opts.copy_sites]:
            self.sites[o.domain] = make_site(rng, o, None, opts.bad_clock_p)
        self.copy_sites = list(self.sites.values())
        self.networks: list[list[Site]] = []
        for k in range(opts.networks):
            self.networks.append(self._network(k))
        self.url_counter = 0

    def _network(self, k: int) -> list[Site]:
        rng = self.rng
        name = f"{rng.choice(W.BLOG_ADJ).capitalize()}{rng.choice(W.BLOG_WORDS).capitalize()} Media"
        proto = make_site(rng, Outlet(name, "x"), name, self.opts.bad_clock_p)
        footer = (f"© {rng.randint(2015, 2023)} {name} Group", proto.footer[1])
        out = []
        for _ in range(self.opts.network_size):
            a, b = rng.choice(W.BLOG_ADJ), rng.choice(W.BLOG_WORDS)
            domain = f"{a}{b}{k}{rng.choice(W.TLDS)}"
            o = Outlet(f"{a.capitalize()} {b.capitalize()}", domain, "blog", None)
            out.append(Site(o, proto.clock_offset_h, proto.local_tz_h, proto.tz_label,
                            proto.date_missing_p, 0.9, proto.credit_form, proto.misspell_p,
                            proto.headline_repeats, name, (o.name, proto.template[1]), footer))
        return out

    def url(self, site: Site, title: str, when: datetime) -> str:
        self.url_counter += 1
        slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:8])
        sec = self.rng.choice(W.SECTIONS)
        return f"https://{site.outlet.domain}/{sec}/{when:%Y/%m}/{slug}-{self.url_counter}"


def _doc_id(url: str) -> str:
    return xxhash.xxh3_64_hexdigest(url.encode())


def _reword(rng: random.Random, para: str) -> str:
    """Change one sentence of a paragraph a little: a word swap, else a slipped-in word."""
    sents = re.split(r"(?<=[.!?]) (?=[A-Z\"])", para)
    k = rng.randrange(len(sents))
    s = sents[k]
    swaps = [w for w in W.SWAPS if w[0] in s]
    if swaps and rng.random() < 0.7:
        a, b = rng.choice(swaps)
        hits = [m.start() for m in re.finditer(re.escape(a), s)]
        at = rng.choice(hits)
        s = s[:at] + b + s[at + len(a):]
    else:
        words = s.split(" ")
        at = rng.randrange(1, max(2, len(words)))
        words.insert(at, rng.choice(W.FILLERS))
        s = " ".join(words)
    sents[k] = s
    return " ".join(sents)


def _edit(rng: random.Random, opts: SimOptions, title: str, paras: list[str], place: str,
          thing: str, site_name: str = "") -> tuple[str, list[str], list[str]]:
    """A copy's own edits to its parent's text."""
    paras = list(paras)
    done = []
    if len(paras) > 3 and rng.random() < opts.drop_p:
        del paras[rng.randrange(1, len(paras))]
        done.append("drop")
    if rng.random() < opts.reword_p:
        i = rng.randrange(len(paras))
        paras[i] = _reword(rng, paras[i])
        done.append("reword")
    if rng.random() < opts.intro_p:
        intro = vary(rng, rng.choice(W.INTROS))
        paras.insert(0, intro.format(place=place or "the region", thing=thing,
                                     Thing=thing[:1].upper() + thing[1:], day=rng.choice(W.DAYS)))
        done.append("intro")
    if rng.random() < opts.headline_p:
        title = rng.choice(W.HEADLINE_TWEAKS).format(h=title, site=site_name)
        done.append("headline")
    return title, paras, done


def _delay(rng: random.Random, mean_h: float) -> timedelta:
    return timedelta(minutes=5 + rng.expovariate(1.0 / (mean_h * 60)))


def republish(bases: list[BaseArticle], seed: int, options: SimOptions | None = None) -> SimCorpus:
    """A corpus of scraped pages republishing `bases`, with the truth per document."""
    opts = options or SimOptions()
    rng = random.Random(seed)
    world = _World(rng, bases, opts)
    corpus = SimCorpus()
    fillers = iter(synthetic_articles(max(8, len(bases)), seed + 1))
    for i, base in enumerate(bases):
        _family(world, corpus, base, f"fam-{seed}-{i}", fillers)
    order = list(range(len(corpus.docs)))
    rng.shuffle(order)
    corpus.docs = [corpus.docs[k] for k in order]
    return corpus


def _emit(world: _World, corpus: SimCorpus, node: _Node, credit: str | None, truth: dict) -> str:
    rng = world.rng
    url = world.url(node.site, node.title, node.time)
    doc_id = _doc_id(url)
    published = format_time(node.site, node.time, rng)
    render = render_html if world.opts.html else render_page
    draw = random.Random(url) if world.opts.page_streams else rng
    text = render(draw, node.site, node.title, node.paragraphs, credit, published)
    corpus.docs.append(SimDoc(doc_id, node.site.outlet.domain, url, published, text, node.title,
                              "html" if world.opts.html else "text"))
    corpus.truth[doc_id] = Truth(credit=credit, true_time=node.time.isoformat(), **truth)
    node.doc_id = doc_id
    return doc_id


def _credit(world: _World, site: Site, origin: Outlet, parent: Outlet, family: set[str],
            url: str | None) -> tuple[str | None, str]:
    rng, opts = world.rng, world.opts
    if rng.random() >= site.credit_p:
        return None, "uncredited"
    if rng.random() < opts.miscredit_p:
        others = [s.outlet for s in world.copy_sites if s.outlet.domain not in family]
        wrong = rng.choice(others)
        family.add(wrong.domain)  # later copies in the family stay off the named site
        return credit_line(rng, site, wrong, None), "miscredited"
    named = parent if rng.random() < opts.credit_parent_p else origin
    return credit_line(rng, site, named, url if named is origin else None), "credited"


def _family(world: _World, corpus: SimCorpus, base: BaseArticle, fid: str, fillers) -> None:
    rng, opts = world.rng, world.opts
    osite = world.sites[base.outlet.domain]
    paras = list(base.paragraphs)
    if base.place and paras and base.outlet.kind == "agency" and rng.random() < opts.dateline_p:
        dash = rng.choice(("–", "-", "—"))
        paras[0] = f"{base.place.upper()} ({base.outlet.short or base.outlet.name}) {dash} {paras[0]}"
    origin = _Node(None, osite, base.title, paras, base.published)
    odomain = base.outlet.domain
    n = 0 if rng.random() < opts.singleton_p else rng.randint(opts.copies_min, opts.copies_max)
    withheld = n >= 2 and rng.random() < opts.withheld_p
    origin_url = world.url(osite, base.title, base.published)
    if not withheld:
        _emit(world, corpus, origin, None, dict(
            family_id=fid, origin_doc_id=None, origin_outlet=odomain, parent_doc_id=None,
            credit_status="origin"))
        oid = origin.doc_id
        corpus.truth[oid] = _replace(corpus.truth[oid], origin_doc_id=oid)
    oid = origin.doc_id
    nodes = [origin]
    used = {odomain}
    thing = next((t for t in W.THINGS if t in " ".join(paras)), None)
    if thing is None:  # a story not written from the word lists: name it by its headline
        thing = "the " + " ".join(base.title.lower().split()[:4]) + " story"
    for _ in range(n):
        chain = len(nodes) > 1 and rng.random() < opts.chain_p
        parent = rng.choice(nodes[1:]) if chain else origin
        site = rng.choice([s for s in world.copy_sites if s.outlet.domain not in used])
        used.add(site.outlet.domain)
        title, cparas, done = _edit(rng, opts, parent.title, parent.paragraphs, base.place, thing,
                                    site.outlet.name)
        node = _Node(None, site, title, cparas, parent.time + _delay(rng, opts.mean_delay_h))
        credit, status = _credit(world, site, base.outlet, parent.site.outlet, used, origin_url)
        _emit(world, corpus, node, credit, dict(
            family_id=fid, origin_doc_id=oid, origin_outlet=odomain,
            parent_doc_id=parent.doc_id, credit_status=status, edits=tuple(done)))
        nodes.append(node)
    if world.networks and n and rng.random() < opts.network_p:
        _network_burst(world, corpus, rng.choice(nodes), fid, oid, base.outlet, used, origin_url)
    if n and rng.random() < opts.partial_p:
        _partial(world, corpus, rng.choice(nodes), fid, oid, base.outlet, used, fillers)


def _network_burst(world, corpus, source: _Node, fid, oid, outlet: Outlet, used, origin_url):
    rng, opts = world.rng, world.opts
    net = rng.choice(world.networks)
    hub = None
    for site in net:
        if site.outlet.domain in used:
            continue
        parent = source if hub is None else hub
        title, paras, done = (parent.title, list(parent.paragraphs), [])
        if hub is None:
            about = "the " + " ".join(source.title.lower().split()[:4]) + " story"
            title, paras, done = _edit(rng, opts, parent.title, parent.paragraphs, "", about,
                                       site.outlet.name)
        node = _Node(None, site, title, paras, parent.time + timedelta(minutes=rng.randint(2, 40)))
        named = source.site.outlet if hub is None and source.doc_id else outlet
        credit = credit_line(rng, site, named, None) if rng.random() < site.credit_p else None
        status = "credited" if credit else "uncredited"
        used.add(site.outlet.domain)
        _emit(world, corpus, node, credit, dict(
            family_id=fid, origin_doc_id=oid, origin_outlet=outlet.domain,
            parent_doc_id=parent.doc_id, credit_status=status, network=site.network,
            edits=tuple(done)))
        hub = hub or node


def _partial(world, corpus, source: _Node, fid, oid, outlet: Outlet, used, fillers):
    rng = world.rng
    if source.doc_id is None and rng.random() < 0.5:
        return
    site = rng.choice([s for s in world.copy_sites if s.outlet.domain not in used])
    used.add(site.outlet.domain)
    borrowed = rng.choice(source.paragraphs[1:] or source.paragraphs)
    filler = next(fillers, None)
    other = list(filler.paragraphs[:3]) if filler else []
    paras = other[:1] + [borrowed] + other[1:]
    title = f"{rng.choice(W.ROUNDUP_TITLES)}: {source.time:%B %d}"
    node = _Node(None, site, title, paras, source.time + _delay(rng, 12.0))
    credit, status = None, "uncredited"
    if rng.random() < 0.4:
        named = source.site.outlet if source.doc_id else outlet
        credit, status = credit_line(rng, site, named, None, "via"), "credited"
    _emit(world, corpus, node, credit, dict(
        family_id=fid, origin_doc_id=oid, origin_outlet=outlet.domain,
        parent_doc_id=source.doc_id, credit_status=status, partial=True))


def _replace(t: Truth, **kw) -> Truth:
    from dataclasses import replace

    return replace(t, **kw)


def demo_corpus(seed: int = 7) -> SimCorpus:
    """About 50 pages: copies, chains, credited and uncredited copies, a partial reuse."""
    opts = SimOptions(copies_min=2, copies_max=6, chain_p=0.45, withheld_p=0.2,
                      singleton_p=0.1, partial_p=0.3, copy_sites=30)
    return republish(synthetic_articles(12, seed), seed, opts)
