"""Origin decisions (trace/origin.py): credits weighed once, in the tree, and the penalty
for an outside outlet only one copy names. Each case is checked with the rule switched
off too, so the test fails if the rule goes."""

from test_trace import INTRO, P1, P2, P3, P4, P5
from test_trace import art as dated_art

from newstrace.trace import mark_carried
from newstrace.trace.members import build_info
from newstrace.trace.origin import OriginOptions, find_origin
from newstrace.trace.outlets import same_outlet
from newstrace.trace.tree import build_tree

FULL = [P1, P2, P3, P4, P5]
HARBOUR = ("harbourpost.com", "source", "Source: harbourpost.com")
PLANET = ("Daily Planet", "source", "Source: Daily Planet")


def art(doc_id, site, paras, hour=None, credits=()):
    when = f"2023-05-02T{hour:02d}:00:00+00:00" if hour is not None else None
    return dated_art(doc_id, site, paras, published=when, credits=credits)


def origin_of(arts, **options):
    members = sorted((build_info(a, "copy") for a in arts), key=lambda m: m.doc_id)
    mark_carried(members)
    return find_origin(members, OriginOptions(**options))


def twins(a_credits=()):
    """harbourpost.com and an identical uncredited page dated five hours before it; two
    copies credit harbourpost.com."""
    return [art("a", "harbourpost.com", FULL, 14, a_credits),
            art("b", "quickcopy.net", FULL, 9),
            art("c", "reprints.info", [P1, P2, P3, P4], 15, [HARBOUR]),
            art("d", "blogger.org", [P1, P2, P3, P5], 16,
                [("The Harbour Post", "via", "Via The Harbour Post")])]


def test_copies_crediting_their_parent_do_not_outvote_the_page_it_copied():
    # quickcopy.net's page came out five hours before harbourpost.com's identical one; two
    # later copies credit harbourpost.com. Copies often credit the page they took the text
    # from: the credits place harbourpost.com as their parent, they do not make it the origin
    # (a vote of the crediting copies on top of the tree counted them twice)
    o = origin_of(twins())
    assert o.doc_id == "b" and same_outlet(o.outlet, "quickcopy.net")
    members = sorted((build_info(a, "copy") for a in twins()), key=lambda m: m.doc_id)
    mark_carried(members)
    edges = build_tree(members, "b", "quickcopy.net")
    assert edges["c"].parent == "a" and edges["d"].parent == "a"


def lone_planet():
    """harbourpost.com, a copy crediting it, and an earlier copy with an intro whose one
    credit names an outlet outside the corpus."""
    return [art("a", "harbourpost.com", FULL, 12),
            art("c", "reprints.info", [P1, P2, P3, P4], 14, [HARBOUR]),
            art("x", "blogger.org", [INTRO, *FULL], 10, [PLANET])]


def test_lone_outside_credit_loses_to_a_member_another_copy_credits():
    o = origin_of(lone_planet(), same_text=0.0)  # a copies nothing: the verbatim term helps it
    assert o.doc_id == "a" and same_outlet(o.outlet, "harbourpost.com")
    absent = dict(o.scores)["absent:Daily Planet"]
    off = origin_of(lone_planet(), lone_absent_penalty=0.0, same_text=0.0)
    assert off.doc_id is None and off.outlet == "Daily Planet"  # the rule decides here
    assert dict(off.scores)["absent:Daily Planet"] - absent == OriginOptions().lone_absent_penalty


def test_outside_outlet_two_copies_name_is_the_absent_origin():
    arts = [art("a", "harbourpost.com", [P1, P2, P3, P4], 12),
            art("c", "reprints.info", FULL, 13, [PLANET]),
            art("x", "blogger.org", [P1, P2, P3, P5], 11,
                [("dailyplanet.com", "via", "Via dailyplanet.com")])]
    o = origin_of(arts)
    assert o.doc_id is None and same_outlet(o.outlet, "Daily Planet")
    # two credits: the lone-credit penalty does not apply
    assert dict(o.scores) == dict(origin_of(arts, lone_absent_penalty=0.0).scores)
