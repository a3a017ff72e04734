"""Scraped-page rendering: debris, counters, credit lines, site templates."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from . import words as W
from .articles import Outlet

CREDIT_FORMS = ("source", "via", "read-more", "first-appeared", "originally", "copyright",
                "hat-tip", "domain")


@dataclass(frozen=True, slots=True)
class Site:
    """A publishing site and its habits."""

    outlet: Outlet
    clock_offset_h: int = 0  # the site's clock is off by this many hours
    local_tz_h: int = 0  # the site writes local time; 0 = UTC
    tz_label: bool = True  # whether the date string carries its offset
    date_missing_p: float = 0.1
    credit_p: float = 0.7  # chance a copy names a source at all
    credit_form: str = "source"
    misspell_p: float = 0.2
    headline_repeats: int = 2
    network: str | None = None
    template: tuple[str, ...] = ()  # header lines
    footer: tuple[str, ...] = ()


def make_site(rng: random.Random, outlet: Outlet, network: str | None = None,
              bad_clock_p: float = 0.15) -> Site:
    bad = rng.random() < bad_clock_p
    nav = rng.sample(W.NAV, rng.randint(3, 8))
    year = rng.randint(2012, 2024)
    footer = (f"© {year} {outlet.name}. All rights reserved.",
              rng.choice(("Privacy Policy | Terms of Use | Contact",
                          "About | Advertise | Cookies", "Terms | Privacy")))
    return Site(
        outlet=outlet,
        clock_offset_h=rng.choice((-9, -5, -3, 2, 4, 7, 11)) if bad else 0,
        local_tz_h=rng.choice((0, 0, 0, 1, 2, 3, -4, -5, 8)),
        tz_label=rng.random() < 0.6,
        date_missing_p=rng.choice((0.0, 0.05, 0.1, 0.3)),
        credit_p=rng.choice((0.2, 0.5, 0.8, 0.95)),
        credit_form=rng.choice(CREDIT_FORMS),
        misspell_p=rng.choice((0.0, 0.1, 0.4)),
        headline_repeats=rng.randint(1, 4),
        network=network,
        template=(outlet.name, " | ".join(nav)),
        footer=footer,
    )


def _misspell(rng: random.Random, word: str, p: float) -> str:
    if rng.random() >= p:
        return word
    return rng.choice({"Source": ("Sourse", "Souce", "SOURCE", "source", "Sources"),
                       "Via": ("via", "VIA", "Vía"),
                       "Read more at": ("Read more:", "Read More at", "Read mor at",
                                        "Continue reading at")}.get(word, (word,)))


def credit_line(rng: random.Random, site: Site, named: Outlet, url: str | None,
                form: str | None = None) -> str:
    """One credit line naming `named`, in the site's habitual form."""
    form = form or site.credit_form
    by_name = rng.random() < 0.5
    ident = named.name if by_name else named.domain
    p = site.misspell_p
    if form == "source":
        return f"{_misspell(rng, 'Source', p)}: {ident}"
    if form == "via":
        return f"{_misspell(rng, 'Via', p)} {ident}"
    if form == "read-more":
        return f"{_misspell(rng, 'Read more at', p)} {url or named.domain}"
    if form == "first-appeared":
        return f"This article first appeared on {ident}" + rng.choice(("", ".", " and is republished here."))
    if form == "originally":
        return rng.choice(("Originally published by", "Originally published at",
                           "Originaly published by")) + f" {ident}"
    if form == "copyright":
        return f"© {rng.randint(2020, 2024)} {named.name}" + rng.choice(("", ". All rights reserved."))
    if form == "hat-tip":
        return rng.choice(("H/T", "h/t", "Hat tip:", "HT")) + f" {ident}"
    return named.domain if rng.random() < 0.7 else (url or named.domain)


def format_time(site: Site, true_time: datetime, rng: random.Random) -> str | None:
    """The date the site shows: its clock error, its time zone, or none at all."""
    if rng.random() < site.date_missing_p:
        return None
    from datetime import timedelta, timezone

    shown = true_time + timedelta(hours=site.clock_offset_h)
    tz = timezone(timedelta(hours=site.local_tz_h))
    local = shown.astimezone(tz)
    if site.tz_label:
        return local.isoformat(timespec="seconds")
    return local.replace(tzinfo=None).isoformat(timespec="seconds")


def render_page(rng: random.Random, site: Site, title: str, paragraphs: list[str],
                credit: str | None, published: str | None) -> str:
    """The page as a careless scraper would dump it to text."""
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += list(site.template)
    lines.append(title)
    counters = [str(rng.randint(0, 9)), str(rng.randint(10, 5000))]
    if rng.random() < 0.7:
        lines += counters[: rng.randint(1, 2)]
    if published and rng.random() < 0.5:
        lines.append(published[:10])
    if site.headline_repeats > 1:
        lines.append(title)
    body = list(paragraphs)
    lines += body[:3]
    if len(body) > 4 and rng.random() < 0.4:
        lines.append(title)
        if rng.random() < 0.5:
            lines.append(rng.choice(W.WIDGETS))
    lines += body[3:]
    if credit:
        if rng.random() < 0.3:
            lines.append("\u00a0")
        lines.append(credit)
    if rng.random() < 0.6:
        lines.append(" ".join(rng.sample(W.SHARE, rng.randint(2, 5))))
    if site.headline_repeats > 2:
        lines.append(title)
    r = rng.random()
    if r < 0.4:
        votes = rng.randint(0, 9)
        lines.append(f"{votes * 0.5:.2f} ({votes * 10}%) {votes} votes")
    elif r < 0.6:
        lines.append(f"{rng.randint(0, 900)} views")
    if rng.random() < 0.5:
        lines.append(rng.choice(W.WIDGETS))
    lines += list(site.footer)
    return "\n\n".join(lines)


# where a site's HTML template puts a credit line: the story's last paragraph, a box
# after the story, the article's own <footer>, or an element after the article
HTML_CREDIT_PLACES = ("body", "box", "footer", "after")


def credit_place(domain: str) -> str:
    """Where the site of `domain` puts a credit line on its HTML pages (`HTML_CREDIT_PLACES`)."""
    return HTML_CREDIT_PLACES[sum(map(ord, domain)) % len(HTML_CREDIT_PLACES)]


def render_html(rng: random.Random, site: Site, title: str, paragraphs: list[str],
                credit: str | None, published: str | None) -> str:
    """The page as its site serves it: the same story and debris as `render_page`, in a
    typical news template. The site's template decides where a credit line stands
    (`credit_place`, fixed per site by its domain)."""
    from html import escape

    place = credit_place(site.outlet.domain)
    nav = site.template[1].split(" | ") if len(site.template) > 1 else []
    out = [f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)} | "
           f"{escape(site.outlet.name)}</title></head><body>",
           f"<header><div class='logo'>{escape(site.outlet.name)}</div><nav><ul>"
           + "".join(f"<li><a href='/{escape(n.lower())}'>{escape(n)}</a></li>" for n in nav)
           + "</ul></nav></header><main><article class='post'>",
           f"<h1 class='entry-title'>{escape(title)}</h1><div class='entry-meta'>"]
    if rng.random() < 0.7:
        out.append(f"<span class='views'>{rng.randint(0, 5000)}</span>")
    if published:
        out.append(f"<time datetime='{escape(published)}'>{escape(published[:10])}</time>")
    out.append("</div><div class='entry-content'>")
    out += [f"<p>{escape(p)}</p>" for p in paragraphs]
    line = escape(credit) if credit else ""
    if credit and place == "body":
        out.append(f"<p><em>{line}</em></p>")
    out.append("</div>")
    if credit and place == "box":
        out.append(f"<div class='source'>{line}</div>")
    out.append("<div class='share'>" + "".join(
        f"<a href='#'>{escape(s)}</a>" for s in rng.sample(W.SHARE, rng.randint(2, 5))) + "</div>")
    if credit and place == "footer":
        out.append(f"<footer class='entry-footer'><span>{line}</span></footer>")
    out.append("</article>")
    if credit and place == "after":
        out.append(f"<div class='post-source'><p>{line}</p></div>")
    if rng.random() < 0.4:
        votes = rng.randint(0, 9)
        out.append(f"<div class='rating'>{votes * 0.5:.2f} ({votes * 10}%) {votes} votes</div>")
    out.append(f"<aside class='widget'><h3>{escape(rng.choice(W.WIDGETS))}</h3></aside></main>")
    out.append("<footer class='site-footer'>" + "".join(f"<p>{escape(f)}</p>" for f in site.footer)
               + "</footer></body></html>")
    return "".join(out)
