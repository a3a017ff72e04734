"""Origin present or withheld (issue 6): a site's credit habit (members.credit_habits and
the tree's term for an uncredited copy), masthead lines that are no credit
(members.names_own), and the root's date pairs counted once (OriginOptions.root_edge_time).
Each rule is also checked switched off."""

import math
from dataclasses import replace
from datetime import datetime, timezone

from test_trace import P1, P2, P3, P4, P5
from test_trace_origin import FULL, PLANET, art

from newstrace.trace import mark_carried
from newstrace.trace.members import (
    Info,
    build_info,
    credit_habits,
    habit_counts,
    habit_pages,
    link_outlet,
    order_ll,
    set_habits,
)
from newstrace.trace.origin import OriginOptions, find_origin
from newstrace.trace.tree import TreeOptions

OTHER = ("otherwire.com", "source", "Source: otherwire.com")


def infos(arts):
    members = sorted((build_info(a, "copy") for a in arts), key=lambda m: m.doc_id)
    mark_carried(members)
    return members


def infos_copy(members):
    return [replace(m, credits=list(m.credits)) for m in members]


def loose_info(doc, site, loose):
    when = datetime(2023, 5, 2, 10, tzinfo=timezone.utc)
    return Info(doc, site, "copy", when, when.isoformat(), 0.5, [], None, None, [], loose=loose)


def test_credit_habit_leaves_the_page_out_and_does_not_count_sources():
    fams = [infos([art("a1", "always.net", FULL, 10, [OTHER]), art("s1", "origin.org", FULL, 9)]),
            infos([art("a2", "always.net", FULL, 10, [OTHER]), art("s2", "origin.org", FULL, 9)]),
            infos([art("a3", "always.net", FULL, 10), art("s3", "origin.org", FULL, 9),
                   art("c3", "fan.blog", FULL, 11, [("always.net", "via", "Via always.net")])])]
    credit_habits(fams, strength=2.0, prior=0.5)
    habit = {m.doc_id: m.habit for f in fams for m in f}
    # a3 is credited by c3: a source, not counted; a1 sees a2 only (itself left out)
    assert habit["a1"] == habit["a2"] == (1 + 1.0) / (1 + 2.0)
    assert habit["a3"] == (2 + 1.0) / (2 + 2.0)  # not counted itself: both other pages
    assert habit["s1"] == (0 + 1.0) / (2 + 2.0)  # origin.org never credits
    assert habit["c3"] == (1.0) / (0 + 2.0)  # alone on its site: the prior
    # the per-family steps (as an executor that cannot hold the corpus runs them) add up to
    # it in any order; a1 again, in a family where a page credits it: counted only elsewhere
    again = infos([art("a1", "always.net", FULL, 10, [OTHER]), art("s4", "origin.org", FULL, 9),
                   art("c4", "fan.blog", FULL, 11, [("always.net", "via", "Via always.net")])])
    whole = [*map(infos_copy, fams), again]
    credit_habits(whole, strength=2.0, prior=0.5)
    cut = [*map(infos_copy, fams), infos_copy(again)]
    counts = habit_counts(r for ms in reversed(cut) for r in habit_pages(ms))
    for ms in cut:
        set_habits(ms, counts, 2.0, 0.5)
    assert [[m.habit for m in ms] for ms in cut] == [[m.habit for m in ms] for ms in whole]
    assert counts["always.net"] == (2, 2) and counts["origin.org"] == (4, 0)


def pair(habit):
    """An uncredited page and a later copy whose one credit names Daily Planet (not in the
    corpus); `habit`: how often the first page's site credits elsewhere."""
    members = infos([art("a", "always.net", FULL, 10), art("x", "blogger.org", [P1, P2, P3, P4], 11,
                                                              [PLANET])])
    for m in members:
        m.habit = habit if m.doc_id == "a" else 0.5
    return members


def test_an_uncredited_page_of_a_site_that_always_credits_is_the_likely_origin():
    always = find_origin(pair(0.95))
    never = find_origin(pair(0.05))
    assert always.doc_id == "a"
    assert never.doc_id is None and never.outlet == "Daily Planet"
    gap = dict(never.scores)["absent:Daily Planet"] - dict(always.scores)["absent:Daily Planet"]
    assert math.isclose(gap, math.log(0.95 / 0.05), abs_tol=0.02)  # scores are rounded
    # the member's own score does not depend on its habit (it is nobody's copy there)
    assert dict(never.scores)["a"] == dict(always.scores)["a"]
    # switched off: a flat rate whatever the habit
    off = TreeOptions(habit_weight=0.0)
    assert dict(find_origin(pair(0.95), tree=off).scores) == dict(find_origin(pair(0.05), tree=off).scores)


def test_a_masthead_line_is_no_credit():
    own = loose_info("m", "mirenholmchronicle.net", ["Mirenholm Chronicle"])
    acronym = loose_info("c", "cta.net", ["Corvid Telegraph Agency"])
    credit = loose_info("v", "blogger.org", ["Via Chron"])
    link_outlet([own, credit], "Chron")
    link_outlet([acronym], "telegraph.co.uk")
    assert own.credits == [] and acronym.credits == []
    assert credit.credits == [("Chron", "Via Chron", "mention")]


def spread():
    """A page dated first and three later copies; one copy credits an outside outlet."""
    return infos([art("a", "first.com", FULL, 8), art("b", "copy1.net", FULL, 11),
                  art("c", "copy2.net", [P1, P2, P3, P5], 12),
                  art("d", "copy3.net", [P1, P2, P3, P4], 13, [PLANET])])


def test_the_roots_children_date_pairs_count_once():
    half = find_origin(spread())
    full = find_origin(spread(), replace(OriginOptions(), root_edge_time=1.0))
    assert half.doc_id == full.doc_id == "a"
    tree = TreeOptions()
    members = spread()
    a = next(m for m in members if m.doc_id == "a")
    # every copy here hangs from a (identical text or a cut): half of those date terms go
    dates = sum(order_ll(a, c, tree.p_bad_clock) for c in members if c is not a)
    assert dates > 1.0
    drop = dict(full.scores)["a"] - dict(half.scores)["a"]
    assert math.isclose(drop, 0.5 * tree.time_weight * dates, abs_tol=0.02)
    # the outside outlet's tree has no root dates: unchanged
    assert dict(full.scores)["absent:Daily Planet"] == dict(half.scores)["absent:Daily Planet"]
