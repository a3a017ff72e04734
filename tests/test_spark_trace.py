"""The per-record steps of the trace's corpus passes (trace/corpus.py) add up to the
corpus-wide passes of `trace_families`, whatever way the families are cut up."""

import copy
import random
from datetime import datetime, timedelta, timezone

from test_trace import P1, P2, P3, art

from newstrace.networks.audit import footer_names, site_footers
from newstrace.trace import _components
from newstrace.trace.clocks import ClockOptions, correct_clocks, credit_pairs, site_offsets
from newstrace.trace.corpus import (
    better,
    components,
    footers_from_counts,
    new_credit_pairs,
    shift_clocks,
)
from newstrace.trace.members import Info

T0 = datetime(2023, 5, 2, 6, tzinfo=timezone.utc)


def _info(doc, site, hours, credits=()):
    when = T0 + timedelta(hours=hours)
    return Info(doc, site, "copy", when, when.isoformat(), 14.0,
                [(c, "Source: " + c, "source") for c in credits], None, None, [])


def _families(seed=1):
    """Families on a few sites, one site's clock 9 h ahead; some documents in two families."""
    rng = random.Random(seed)
    sites = ["a.com", "b.com", "c.com", "d.com", "late.com"]
    fams, shared = {}, []
    for f in range(40):
        origin = rng.choice(sites[:4])
        members = [_info(f"f{f}-o", origin, f)]
        for k in range(rng.randint(1, 3)):
            site = rng.choice([s for s in sites if s != origin])
            lag = rng.uniform(1, 6) + (9 if site == "late.com" else 0)
            members.append(_info(f"f{f}-c{k}", site, f + lag, credits=[origin]))
        if f % 7 == 3:  # two documents of the previous family are in this one too
            shared.append(f)
            members += [copy.copy(m) for m in fams[f"F{f - 1:02d}"][:2]]
        fams[f"F{f:02d}"] = sorted(members, key=lambda m: m.doc_id)
    assert shared
    return fams


def test_credit_pairs_per_family_add_up_to_the_corpus_pairs():
    fams = _families()
    expected = credit_pairs(list(fams.values()))
    got = []
    for fid in sorted(fams):  # each family sees only what it shares with earlier ones
        docs = {m.doc_id for m in fams[fid]}
        earlier = [[m.doc_id for m in fams[g] if m.doc_id in docs] for g in sorted(fams) if g < fid]
        got += new_credit_pairs(fams[fid], earlier)
    assert got == expected
    assert len(got) < sum(len(credit_pairs([ms])) for ms in fams.values())  # a pair counted once


def test_shifting_each_family_with_the_corpus_offsets_is_correct_clocks():
    local, split = _families(), _families()
    o = ClockOptions()
    shifted = correct_clocks(list(local.values()), o)
    assert "late.com" in shifted
    offsets = site_offsets(credit_pairs(list(split.values())), o)
    for ms in split.values():
        shift_clocks(ms, offsets, o)
    assert [[(m.time, m.slack_h) for m in ms] for ms in split.values()] == \
        [[(m.time, m.slack_h) for m in ms] for ms in local.values()]


def test_components_from_links_match_the_trace_components():
    fams = _families()
    docs: dict[str, list[str]] = {}
    for fid, ms in fams.items():
        for m in ms:
            docs.setdefault(m.doc_id, []).append(fid)
    comp = components(sorted(fs) for fs in docs.values() if len(fs) > 1)
    full = _components(fams)
    same = {(f, g) for f in fams for g in fams if full[f] == full[g]}
    assert {(f, g) for f in fams for g in fams if comp.get(f, f) == comp.get(g, g)} == same
    assert len(same) > len(fams)  # some families are linked
    # the groups are the connected parts of "shares a document", walked here one by one
    reach = {f: {f} for f in fams}
    for _ in fams:
        for fs in docs.values():
            joined = set().union(*(reach[f] for f in fs))
            for f in joined:
                reach[f] = joined
    assert same == {(f, g) for f in fams for g in reach[f]}


def test_footers_counted_per_page_match_site_footers():
    foot = ("Bay Media Group", "copyright", "© 2023 Bay Media Group")
    guest = ("Other Press", "copyright", "© Other Press")
    arts = [art(f"p{k}", "bay.com", [P1, P2], credits=[foot] + ([guest] if k == 0 else []))
            for k in range(3)] + [art("q", "sea.com", [P3], credits=[foot])]
    pages, counts = {}, {}
    for a in arts:
        site, names = footer_names(a)
        pages[site] = pages.get(site, 0) + 1
        for n in names:
            counts[(site, n)] = counts.get((site, n), 0) + 1
    got = footers_from_counts([(s, n, c, pages[s]) for (s, n), c in counts.items()])
    assert got == {s: v for s, v in site_footers(arts).items() if v}
    assert got == {"bay.com": frozenset({"bay media group"})}


def test_better_keeps_the_higher_rank_then_the_first_family():
    hi, lo = ((True, 0.9, 3), "F2", "row-hi"), ((False, 1.0, 9), "F1", "row-lo")
    assert better(hi, lo) == better(lo, hi) == hi
    a, b = ((True, 0.5, 2), "F1", "a"), ((True, 0.5, 2), "F3", "b")
    assert better(a, b) == better(b, a) == a
