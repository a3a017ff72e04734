"""Outlet networks: sites that share rare template traces and copy in step.

Each pair of outlets is scored on separate signals:

- template debris lines both show (after digit folding),
- credit-line templates both use (`Sourse: {domain}`),
- copying in step: stories both published within a short window of each
  other, or copies of each other's copies (one signal: both say the same).

A trace counts only when it is rare across outlets (IDF-like over the outlets
showing it on any page: at most `max_df_share` of them), so a bare `Source: X`
or a widget many sites show now and then links nobody. Two outlets link when at least `min_signals` signals
pass; a link counts only when both outlets also tie (on any one signal) to a
common third outlet, so a lone link does not bridge two groups. Networks are
the linked groups, pruned so every member ties to two others, of at least
`min_size` outlets.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from .profiles import OutletProfile, reach_summary


@dataclass(frozen=True, slots=True)
class NetworkOptions:
    min_pages: int = 1  # outlets with fewer pages are not profiled
    trait_min_pages: int = 2  # a trace is an outlet's trait when on this many of its pages
    trait_min_share: float = 0.3  # ... and on this share of them
    max_df_share: float = 0.25  # a trait shared by more of the outlets is generic
    min_idf: float = math.log(8)  # summed rarity a shared-trait signal needs
    window_min: float = 60.0  # co-timing window in minutes
    min_in_step: int = 2  # families published in step or copied from the other's copy
    max_family_share: float = 0.5  # families spanning more of the outlets say nothing
    min_signals: int = 2
    min_size: int = 3


@dataclass(frozen=True, slots=True)
class NetworkRow:
    network: str
    outlet: str
    score: float
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PairSignals:
    debris: tuple[str, ...]
    credits: tuple[str, ...]
    debris_idf: float
    credit_idf: float
    cotimed: int
    relayed: int = 0
    pages: int = 0  # pages of the smaller outlet (0: unknown)

    def passed(self, opts: NetworkOptions) -> int:
        # an outlet with one page can be in step only once: then every page it has is
        need = min(opts.min_in_step, self.pages) if self.pages else opts.min_in_step
        in_step = self.cotimed + self.relayed >= max(1, need)
        return (self.debris_idf >= opts.min_idf) + (self.credit_idf >= opts.min_idf) + in_step


# credit forms every newsroom uses count for nothing (a bare `Source: X` links nobody)
GENERIC_CREDITS = frozenset((
    "Source: {x}", "Sources: {x}", "Via {x}", "via {x}", "{x}", "Read more at {x}", "Read more: {x}",
    "H/T {x}", "h/t {x}", "Hat tip: {x}", "Credit: {x}", "From {x}", "Originally published by {x}",
    "Originally published at {x}", "This article first appeared on {x}", "© 0 {x}",
    "© 0 {x}. All rights reserved", "Copyright {x}", "Photo: {x}", "(c) {x}",
))


def credit_weight(template: str) -> float:
    """1.0 for a distinctive credit form, 0.0 for one every newsroom uses."""
    plain = re.sub(r"\{(?:outlet|domain|url)\}", "{x}", template).rstrip(" .")
    return 0.0 if plain in GENERIC_CREDITS else 1.0


def _traits(counter: Counter, pages: int, opts: NetworkOptions) -> frozenset[str]:
    need = max(min(opts.trait_min_pages, pages), opts.trait_min_share * pages)
    return frozenset(k for k, n in counter.items() if n >= need)


def _idf(traits: dict[str, frozenset[str]], seen: list[Counter], n: int,
         opts: NetworkOptions) -> dict[str, float]:
    """Rarity of each trait held by two or more outlets, counting every outlet that shows it."""
    held = Counter(t for ts in traits.values() for t in ts)
    df = Counter(t for c in seen for t in c if held[t] >= 2)
    return {t: math.log(n / d) for t, d in df.items() if d <= opts.max_df_share * n}


def family_steps(entries: list[tuple[str, tuple]], n: int,
                 opts: NetworkOptions) -> list[tuple[str, str]]:
    """The outlet pairs (a < b) in step in one family: both published within the window,
    neither copying the other; none for a family spanning over `max_family_share` of
    the `n` outlets. entries: (outlet, its `family_times` value) per outlet in it."""
    if len(entries) > max(opts.max_family_share * n, 3):
        return []
    out = []
    for (a, x), (b, y) in combinations(sorted(entries, key=lambda e: e[0]), 2):
        (ta, da, up_a), (tb, db, up_b) = x, y
        if (ta is not None and tb is not None and da not in up_b and db not in up_a
                and abs((ta - tb).total_seconds()) / 60.0 <= opts.window_min):
            out.append((a, b))
    return out


def in_step(profiles: dict[str, OutletProfile], opts: NetworkOptions) -> dict[tuple[str, str], int]:
    """Per pair of outlets: the families (not wide ones) where both published in step.

    Pairs never in step are left out: sharing a family gives no signal by itself."""
    fams: dict[str, list] = {}
    for k, p in profiles.items():
        for fam, entry in p.family_times.items():
            fams.setdefault(fam, []).append((k, entry))
    return dict(Counter(pair for entries in fams.values()
                        for pair in family_steps(entries, len(profiles), opts)))


def _kept(profiles: dict[str, OutletProfile], opts: NetworkOptions) -> dict[str, OutletProfile]:
    return {k: p for k, p in profiles.items() if p.pages >= opts.min_pages}


def _candidates(keep: dict[str, OutletProfile], debris: dict, credits: dict, rare: set[str],
                steps: dict) -> set[tuple[str, str]]:
    """Pairs that share a rare trait, copy in step or relay a copy (not all N² pairs)."""
    posting: dict[str, list[str]] = {}
    for k in sorted(keep):
        for t in (debris[k] | credits[k]) & rare:
            posting.setdefault("t:" + t, []).append(k)
    pairs = {pair for group in posting.values() for pair in combinations(group, 2)}
    pairs |= set(steps)
    for k, p in keep.items():
        pairs |= {(min(k, o), max(k, o)) for o in p.relays if o in keep and o != k}
    return pairs


def pair_signals(profiles: dict[str, OutletProfile], opts: NetworkOptions | None = None,
                 steps: dict | None = None) -> dict[tuple[str, str], PairSignals]:
    """Signals for every pair of profiled outlets that shares anything rare.

    steps: `in_step` of the kept outlets when computed elsewhere (then the
    profiles' `family_times` are not read)."""
    opts = opts or NetworkOptions()
    keep = _kept(profiles, opts)
    n = max(len(keep), 1)
    debris = {k: _traits(p.debris, p.pages, opts) for k, p in keep.items()}
    credits = {k: _traits(p.credits, p.pages, opts) for k, p in keep.items()}
    d_idf = _idf(debris, [p.debris for p in keep.values()], n, opts)
    c_idf = _idf(credits, [p.credits for p in keep.values()], n, opts)
    c_idf = {t: w * credit_weight(t) for t, w in c_idf.items()}
    steps = in_step(keep, opts) if steps is None else steps
    out = {}
    for a, b in sorted(_candidates(keep, debris, credits, set(d_idf) | set(c_idf), steps)):
        sd = sorted(debris[a] & debris[b] & d_idf.keys())
        sc = sorted(credits[a] & credits[b] & c_idf.keys())
        ct = steps.get((a, b), 0)
        rl = keep[a].relays[b] + keep[b].relays[a]
        if sd or sc or ct or rl:
            out[(a, b)] = PairSignals(tuple(sd), tuple(sc), sum(d_idf[t] for t in sd),
                                      sum(c_idf[t] for t in sc), ct, rl,
                                      min(keep[a].pages, keep[b].pages))
    return out


def _neighbours(links: set[tuple[str, str]]) -> dict[str, set[str]]:
    near: dict[str, set[str]] = {}
    for a, b in links:
        near.setdefault(a, set()).add(b)
        near.setdefault(b, set()).add(a)
    return near


def _components(links: set[tuple[str, str]]) -> list[set[str]]:
    near, seen, out = _neighbours(links), set(), []
    for start in sorted(near):
        if start in seen:
            continue
        comp, todo = set(), [start]
        while todo:
            x = todo.pop()
            if x not in comp:
                comp.add(x)
                todo += near[x] - comp
        seen |= comp
        out.append(comp)
    return out


def _groups(strong: set[tuple[str, str]], weak: set[tuple[str, str]],
            min_size: int) -> list[list[str]]:
    """Groups joined by strong links that have support, pruned of loosely tied members.

    A strong link (several signals) counts only when its two outlets also share a
    third outlet they both tie to on at least one signal, so a lone link between
    two groups does not merge them; a member must tie to two others.
    """
    near_weak = _neighbours(weak)
    kept = {(a, b) for a, b in strong if near_weak[a] & near_weak[b]}
    out = []
    for members in _components(kept):
        while len(members) > 2:
            loose = {m for m in members if len(near_weak[m] & members) < 2}
            if not loose:
                break
            members = members - loose
        if len(members) >= min_size:
            out.append(sorted(members))
    return sorted(out, key=lambda g: (-len(g), g[0]))


def find_networks(profiles: dict[str, OutletProfile], opts: NetworkOptions | None = None,
                  steps: dict | None = None) -> list[NetworkRow]:
    """Rows (network, outlet, score, evidence) for every outlet placed in a network.

    score: the mean, over the other members, of the share of `min_signals`
    signals the pair passes (1.0 = tied to every other member on enough signals).
    """
    opts = opts or NetworkOptions()
    signals = pair_signals(profiles, opts, steps)
    passed = {pair: s.passed(opts) for pair, s in signals.items()}
    strong = {pair for pair, n in passed.items() if n >= opts.min_signals}
    weak = {pair for pair, n in passed.items() if n >= 1}
    rows: list[NetworkRow] = []
    for i, members in enumerate(_groups(strong, weak, opts.min_size), 1):
        name = f"net-{i}"
        evidence = network_evidence(members, profiles, signals, opts)
        for m in members:
            others = [o for o in members if o != m]
            ties = [passed.get((min(m, o), max(m, o)), 0) for o in others]
            score = round(sum(min(1.0, t / opts.min_signals) for t in ties) / len(others), 3)
            strong_n = sum(t >= opts.min_signals for t in ties)
            rows.append(NetworkRow(name, m, score, tuple(evidence) + (
                f"{m} ties to {strong_n} of the {len(others)} other sites on {opts.min_signals} "
                f"or more signals and to {sum(t >= 1 for t in ties)} on at least one",)))
    return rows


def _shared(members: list[str], profiles, field: str, opts: NetworkOptions) -> list[tuple[str, int]]:
    count = Counter()
    for m in members:
        p = profiles[m]
        count.update(_traits(getattr(p, field), p.pages, opts))
    half = max(2, math.ceil(len(members) / 2))
    # ties by name: a Counter fed from sets keeps a hash order that differs by process
    return sorted(((t, c) for t, c in count.items() if c >= half), key=lambda x: (-x[1], x[0]))


def network_evidence(members: list[str], profiles: dict[str, OutletProfile],
                     signals: dict, opts: NetworkOptions) -> list[str]:
    """Plain-words reasons a group of outlets is one network."""
    n = len(members)
    rare = {t for s in signals.values() for t in s.debris + s.credits}
    lines = []
    for t, c in [x for x in _shared(members, profiles, "debris", opts) if x[0] in rare][:3]:
        lines.append(f"{c} of these {n} sites share the template line `{t}`")
    for t, c in [x for x in _shared(members, profiles, "credits", opts) if x[0] in rare][:2]:
        lines.append(f"{c} of these {n} sites credit with `{t}`")
    sources = Counter()
    delays, after = [], []
    for m in members:
        sources.update(profiles[m].sources)
        delays += profiles[m].delays
        after += profiles[m].parent_delays
    if sources:
        top, k = sources.most_common(1)[0]
        lines.append(f"{k} of their copies are of stories from {top}")
    if after:
        lines.append(f"they publish a copy {statistics.median(after):.0f} minutes (median) after "
                     f"the page they copy" + (f", {statistics.median(delays):.0f} after the origin"
                                              if delays else ""))
    step = sum(signals.get((a, b), PairSignals((), (), 0, 0, 0, 0)).cotimed
               for a, b in combinations(sorted(members), 2))
    if step:
        lines.append(f"pairs of them published the same story within "
                     f"{opts.window_min:.0f} minutes of each other {step} times")
    relayed = sum(s.relayed for (a, b), s in signals.items() if a in members and b in members)
    if relayed:
        lines.append(f"{relayed} of their copies were taken from each other's copies")
    copies = sum(profiles[m].copies for m in members)
    verbatim = sum(profiles[m].verbatim for m in members)
    if copies and (verbatim or any(profiles[m].edits for m in members)):
        lines.append(f"{verbatim} of their {copies} copies are unedited")
    reach = [reach_summary(profiles[m]) for m in members]
    views = [r["views"]["median"] for r in reach if "views" in r]
    if views:
        lines.append(f"median views per page across sites: {statistics.median(views):.0f}")
    return lines


__all__ = ["NetworkOptions", "NetworkRow", "PairSignals", "family_steps", "find_networks",
           "in_step", "network_evidence", "pair_signals"]
