"""Credits that link to the story ("Read more at https://dailyplanet.com/world/2023/05/...")
weigh more than a bare outlet name: members.story_link, Info.linked, the tree's credit
term and the origin's lone-credit penalty, consensus and own-credit terms. Each case is
checked with the rule switched off too."""

import math

from test_trace import P1, P2, P3, P4, P5
from test_trace_origin import FULL, HARBOUR, INTRO, art, origin_of

from newstrace.trace import mark_carried
from newstrace.trace.members import build_info
from newstrace.trace.origin import OriginOptions, find_origin
from newstrace.trace.outlets import same_outlet
from newstrace.trace.tree import TreeOptions, build_tree

DEEP = "https://www.dailyplanet.com/world/2023/05/harbour-council-approves-budget-481"
LINKED = ("dailyplanet.com", "read-more", f"Read more at {DEEP}")
BARE = ("dailyplanet.com", "via", "Via dailyplanet.com")
# the rules off: a linked credit weighs what a bare one does
OFF = {"lone_linked_penalty": OriginOptions().lone_absent_penalty,
       "p_origin_links": OriginOptions().p_origin_credits}


def test_story_link_tells_a_story_page_from_home_section_and_list_pages():
    from newstrace.trace.members import story_link

    assert story_link(f"Read more at {DEEP}", "dailyplanet.com")
    assert story_link(f"Source: {DEEP}.", "Daily Planet")
    assert story_link("Via https://news.example.co.uk/politics/big-vote-tonight-in-ostvik", "example.co.uk")
    assert story_link("https://apnews.com/article/8f3c2e1a9b7d4c", "apnews.com")
    assert story_link("www.harbourpost.com/2023/05/02/budget", "harbourpost.com")
    for line in ("Via dailyplanet.com", "https://www.dailyplanet.com/", "https://dailyplanet.com/world",
                 "https://dailyplanet.com/us-news", "https://dailyplanet.com/tag/harbour-budget-vote",
                 "https://dailyplanet.com/search?q=harbour+budget+2023",
                 "https://dailyplanet.com/wp-content/uploads/2023/05/harbour.jpg",
                 "https://dailyplanet.com/images/harbour-budget-vote.png"):
        assert not story_link(line, "dailyplanet.com"), line
    assert not story_link(f"Read more at {DEEP}", "harbourpost.com")  # links to another outlet
    assert not story_link("https://t.co/8FINDGpyPP", "t.co")


def test_build_info_marks_linked_credits_and_keeps_the_rest():
    linked = build_info(art("x", "blogger.org", FULL, 10, [LINKED]), "copy")
    bare = build_info(art("y", "blogger.org", FULL, 10, [BARE]), "copy")
    assert linked.linked == {"dailyplanet.com"} and linked.links_outlet("Daily Planet")
    assert bare.linked == frozenset() and not bare.links_outlet("dailyplanet.com")
    assert [(m, f) for m, _, f in linked.credits] == [("dailyplanet.com", "read-more")]
    assert linked.credits_outlet("dailyplanet.com") and bare.credits_outlet("dailyplanet.com")
    # a link to the page's own site is its own notice, not a credit
    own = build_info(art("z", "dailyplanet.com", FULL, 10, [LINKED]), "copy")
    assert own.credits == [] and own.linked == frozenset()


def infos(arts):
    members = sorted((build_info(a, "copy") for a in arts), key=lambda m: m.doc_id)
    mark_carried(members)
    return members


def lone(credit):
    """harbourpost.com, a copy crediting it, and an earlier copy with an intro whose one
    credit names dailyplanet.com, outside the corpus."""
    return [art("a", "harbourpost.com", FULL, 12),
            art("c", "reprints.info", [P1, P2, P3, P4], 14, [HARBOUR]),
            art("x", "blogger.org", [INTRO, *FULL], 10, [credit])]


def test_a_lone_linked_credit_makes_the_absent_outlet_the_origin():
    bare = origin_of(lone(BARE))
    assert bare.doc_id == "a"  # a bare lone name loses to the member a copy credits
    linked = origin_of(lone(LINKED))
    assert linked.doc_id is None and same_outlet(linked.outlet, "dailyplanet.com")
    assert any("link to a story on dailyplanet.com" in e for e in linked.evidence)
    # the link rules are what decide: with a linked credit weighed as a bare one, the member wins
    off = find_origin(infos(lone(LINKED)), OriginOptions(**OFF),
                      TreeOptions(p_names_outsider_linked=TreeOptions().p_names_outsider))
    assert off.doc_id == "a" and dict(off.scores) == dict(origin_of(lone(BARE)).scores)
    # the lone-credit penalty alone: the absent outlet's score moves by the penalties' gap
    gap = dict(linked.scores)["absent:dailyplanet.com"] - dict(
        origin_of(lone(LINKED), lone_linked_penalty=OFF["lone_linked_penalty"]).scores)[
        "absent:dailyplanet.com"]
    assert gap > 1.0
    expected = OriginOptions().lone_absent_penalty - OriginOptions().lone_linked_penalty
    assert math.isclose(gap, expected, abs_tol=0.02)


def test_the_tree_charges_more_for_a_linked_credit_naming_an_outsider():
    def cost(credit, **opts):
        members = [build_info(a, "copy") for a in lone(credit)]
        return build_tree(members, "a", "harbourpost.com", TreeOptions(**opts))["x"].cost

    o = TreeOptions()
    step = math.log(o.p_names_outsider / o.p_names_outsider_linked)
    assert step > 1.0
    assert math.isclose(cost(LINKED) - cost(BARE), step, abs_tol=0.02)
    assert math.isclose(cost(LINKED, p_names_outsider_linked=o.p_names_outsider), cost(BARE),
                        abs_tol=0.02)
    # when the linked outlet is the origin, the credit costs what a bare one does

    def absent(credit):
        arts = [art("x", "blogger.org", FULL, 10, [credit]), art("y", "copier.net", FULL, 11),
                art("c", "reprints.info", [P1, P2, P3, P5], 12)]
        return build_tree([build_info(a, "copy") for a in arts], None, "dailyplanet.com")["x"]

    assert absent(LINKED).parent is None and absent(LINKED).cost == absent(BARE).cost


def test_an_origin_linking_to_an_outside_story_is_less_likely():
    def score(credit, **opts):
        arts = [art("a", "harbourpost.com", FULL, 12, [credit]),
                art("c", "reprints.info", [P1, P2, P3, P4], 14, [HARBOUR]),
                art("d", "copier.net", [P1, P2, P3, P5], 15, [HARBOUR])]
        return dict(origin_of(arts, **opts).scores)["a"]

    o = OriginOptions()
    step = math.log(o.p_origin_credits / o.p_origin_links)
    assert step > 0.5
    assert math.isclose(score(BARE) - score(LINKED), step, abs_tol=0.02)
    assert math.isclose(score(LINKED, **OFF), score(BARE), abs_tol=0.02)
