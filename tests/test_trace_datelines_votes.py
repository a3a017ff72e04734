"""Origin in the corpus or outside it (issue 6): a page that only shares a passage brings
no dateline observation of the family's text, and loose lines naming an outlet another
copy credits are credits there too (trace/origin.py). Each rule is also checked
against what the old behaviour gives, so the test fails if the rule goes."""

from dataclasses import replace

from test_trace import P1, P2, P3, P4, P5
from test_trace import art as dated_art
from test_trace_origin import FULL, HARBOUR, PLANET

from newstrace.records import Removed
from newstrace.trace import mark_carried
from newstrace.trace.members import build_info
from newstrace.trace.origin import OriginOptions, dateline_ll, find_origin
from newstrace.trace.outlets import same_outlet
from newstrace.trace.tree import build_tree

ROUNDUP = "In other news this week, the town library reopened after a long renovation."


def art(doc_id, site, paras, hour=None, credits=(), agency=None, loose=()):
    when = f"2023-05-02T{hour:02d}:00:00+00:00" if hour is not None else None
    a = dated_art(doc_id, site, paras, published=when, credits=credits, agency=agency)
    if loose:
        a = replace(a, removed=tuple(Removed(x, 0, len(x), "dropped") for x in loose))
    return a


def members_of(arts, partial=()):
    members = sorted((build_info(a, "partial" if a.doc_id in partial else "copy") for a in arts),
                     key=lambda m: m.doc_id)
    mark_carried(members)
    return members


def with_roundup(agency="Ostvik Wire"):
    """An uncredited page and a later copy (neither with a dateline), and a roundup that
    borrows one paragraph and opens its own text with an agency's dateline."""
    return [art("a", "harbourpost.com", FULL, 9), art("b", "quickcopy.net", [P1, P2, P3, P4], 12),
            art("r", "roundup.net", [ROUNDUP, P3], 15, agency=agency)]


def test_a_partial_members_dateline_is_no_observation_of_the_familys_text():
    arts = with_roundup()
    members = members_of(arts, partial={"r"})
    o = OriginOptions()
    # only the roundup has a dateline: the family's own text has none
    assert dateline_ll(members, "harbourpost.com", o) == (0.0, 0)
    assert dateline_ll(members, "Ostvik Wire", o, absent=True) == (0.0, 0)
    # what the roundup's dateline would have cost the page, were it counted
    assert dateline_ll([m for m in members if m.doc_id == "r"], "harbourpost.com", o)[0] < -1.5
    got = find_origin(members)
    assert got.doc_id == "a" and same_outlet(got.outlet, "harbourpost.com")
    # the page's score is the same with or without the roundup in the family
    alone = find_origin(members_of(arts[:2]))
    assert dict(got.scores)["a"] == dict(alone.scores)["a"]


def test_a_dateline_every_full_copy_carries_still_counts():
    arts = [art("a", "harbourpost.com", FULL, 9, agency="Ostvik Wire"),
            art("b", "quickcopy.net", [P1, P2, P3, P4], 12, agency="Ostvik Wire"),
            art("r", "roundup.net", [ROUNDUP, P3], 15)]
    members = members_of(arts, partial={"r"})
    ll, hits = dateline_ll(members, "Ostvik Wire", OriginOptions(), absent=True)
    assert hits == 2 and ll > -0.2
    # a family of partial members only: their datelines are all there is
    only = members_of(with_roundup(), partial={"a", "b", "r"})
    assert dateline_ll(only, "Ostvik Wire", OriginOptions())[1] == 1


def crowd(mentions=2):
    """harbourpost.com, two copies crediting it, one copy crediting Daily Planet (outside
    the corpus) and `mentions` copies whose only credit is a loose line naming it."""
    arts = [art("a", "harbourpost.com", FULL, 12),
            art("c", "reprints.info", [P1, P2, P3, P4], 14, [HARBOUR]),
            art("d", "blogger.org", [P1, P2, P3, P5], 15,
                [("The Harbour Post", "via", "Via The Harbour Post")]),
            art("x", "newsfeed.org", [P1, P2, P4, P5], 13, [PLANET])]
    for k in range(mentions):
        arts.append(art(f"y{k}", f"aggregator{k}.net", [P1, P2, P3], 16, loose=["Daily Planet"]))
    return arts


def test_loose_lines_naming_an_outlet_another_copy_credits_count_as_credits():
    # one copy credits Daily Planet; two more name it in a loose line: those are credits
    # there too (link_outlet), weighed in the tree like any credit line
    members = members_of(crowd(mentions=2))
    find_origin(members)
    assert all(m.credits_outlet("Daily Planet") for m in members if m.doc_id.startswith("y"))
    y0 = build_tree(members, None, "Daily Planet")["y0"]
    assert y0.parent is None and "credits the origin outlet (Daily Planet)" in y0.why
    # the same copy without the line: no credit, so nothing ties it to Daily Planet
    plain = members_of(crowd(mentions=0) + [art("y0", "aggregator0.net", [P1, P2, P3], 16)])
    assert not next(m for m in plain if m.doc_id == "y0").credits_outlet("Daily Planet")


def test_a_loose_line_naming_no_credited_outlet_is_no_credit():
    # a loose line naming an outlet no copy credits is no credit
    members = members_of(crowd(mentions=0) + [art("z", "aggregator.net", [P1, P2, P3], 16,
                                                  loose=["Morning Gazette"])])
    o = find_origin(members)
    assert not next(m for m in members if m.doc_id == "z").credits_outlet("Morning Gazette")
    assert not any("Morning Gazette" in k for k, _ in o.scores)
