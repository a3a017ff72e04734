"""Synthetic news articles built from the word lists in `words.py`."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from . import words as W


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    domain: str
    kind: str = "paper"  # agency | paper | blog
    short: str | None = None  # the name used in datelines, e.g. "Kestrel"


@dataclass(frozen=True, slots=True)
class BaseArticle:
    """An original story as its outlet published it."""

    base_id: str
    title: str
    paragraphs: tuple[str, ...]
    outlet: Outlet
    published: datetime
    place: str = ""  # the dateline city
    extra: dict = field(default_factory=dict, compare=False)  # unused passthrough


def place_name(rng: random.Random) -> str:
    name = rng.choice(W.HEAD) + rng.choice(W.MID) + rng.choice(W.TAIL)
    return name.capitalize()


def person(rng: random.Random) -> str:
    return f"{rng.choice(W.FIRST)} {rng.choice(W.LAST)}"


def org(rng: random.Random) -> str:
    return f"{rng.choice(W.ORG_ADJ)} {rng.choice(W.ORG_NOUN)} {rng.choice(W.ORG_TYPE)}"


class _Cast:
    """The people, places and organisations of one story (so they recur)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.people = [person(rng) for _ in range(3)]
        self.places = [place_name(rng) for _ in range(3)]
        self.orgs = [org(rng) for _ in range(3)]
        self.things = rng.sample(W.THINGS, 3)

    def slots(self) -> dict:
        r = self.rng
        place, place2 = r.sample(self.places, 2)
        org1, org2 = r.sample(self.orgs, 2)
        thing = r.choice(self.things)
        return {
            "person": r.choice(self.people), "last": r.choice(self.people).split()[1],
            "role": r.choice(W.ROLES), "org": org1, "org2": org2, "place": place,
            "place2": place2, "day": r.choice(W.DAYS), "num": r.randint(2, 95),
            "num2": r.randint(3, 4000), "period": r.choice(W.PERIODS), "thing": thing,
            "thing_c": thing.capitalize(), "up": r.choice(W.VERB_UP),
            "down": r.choice(W.VERB_DOWN), "action": r.choice(W.ACTIONS),
            "action_h": r.choice(W.ACTIONS_H), "goal": r.choice(W.GOALS).format(thing=thing),
            "event": r.choice(W.EVENTS).format(org=org2, place=place2),
            "event_h": r.choice(W.EVENTS_H), "year": r.randint(2004, 2020),
            "nth": r.choice(W.NTH), "moved": r.choice(W.MOVED),
        }

    def sentence(self) -> str:
        return self.rng.choice(W.SENTENCES).format(**self.slots())

    def headline(self) -> str:
        return self.rng.choice(W.HEADLINES).format(**self.slots())


def make_outlets(rng: random.Random, n_papers: int = 24, n_blogs: int = 0) -> list[Outlet]:
    """Invented outlets: a few agencies, `n_papers` papers, `n_blogs` blogs."""
    out: list[Outlet] = []
    seen: set[str] = set()
    for a in W.AGENCY_NAMES:
        name = rng.choice(W.AGENCY_FORMS).format(A=a)
        domain = (a + name.split()[-1]).lower() + rng.choice((".com", ".net", ".org"))
        out.append(Outlet(name, domain, "agency", a))
        seen.add(domain)
    while len(out) < len(W.AGENCY_NAMES) + n_papers:
        p = place_name(rng)
        name = rng.choice(W.PAPER_FORMS).format(P=p)
        domain = "".join(ch for ch in name.lower().removeprefix("the ") if ch.isalnum())
        domain += rng.choice((".com", ".co.uk", ".net", ".de", ".com.au"))
        if domain not in seen:
            seen.add(domain)
            out.append(Outlet(name, domain, "paper", p))
    while len(out) < len(W.AGENCY_NAMES) + n_papers + n_blogs:
        a, b = rng.choice(W.BLOG_ADJ), rng.choice(W.BLOG_WORDS)
        domain = a + rng.choice(("", "-")) + b + rng.choice(W.TLDS)
        if domain not in seen:
            seen.add(domain)
            name = f"{a.capitalize()} {b.capitalize()}"
            out.append(Outlet(name, domain, "blog", name))
    return out


def synthetic_articles(n: int, seed: int) -> list[BaseArticle]:
    """`n` invented news articles (4-10 paragraphs each), deterministic per seed."""
    rng = random.Random(seed)
    outlets = [o for o in make_outlets(random.Random(seed ^ 0x5EED)) if o.kind != "blog"]
    start = datetime(2021, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        cast = _Cast(rng)
        paras = []
        for _ in range(rng.randint(4, 10)):
            k = rng.choice((1, 2, 2, 3))
            paras.append(" ".join(cast.sentence() for _ in range(k)))
        outlet = rng.choice(outlets)
        when = start + timedelta(minutes=rng.randrange(4 * 365 * 24 * 60))
        out.append(BaseArticle(f"b{seed}-{i}", cast.headline(), tuple(paras), outlet, when,
                               cast.places[0]))
    return out
