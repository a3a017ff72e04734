"""Sister sites (one owner's footer on both) run one feed: their copies go under the
network's first page of the story, even where the text cannot tell them apart."""

from test_trace import P1, P2, P3, P4, P5, art

from newstrace.trace.members import build_info
from newstrace.trace.tree import TreeOptions, build_tree

BODY = [P1, P2, P3, P4, P5]
T = "2023-05-02T08:%02d:00+00:00"
OWNER = frozenset({"tidal media group"})


def infos():
    """o: the origin. h, s: sister sites, same text as o (h made no edit), h first;
    u: a sister with no date; x: an independent site, as late as s."""
    pages = {"o": (art("o", "harbourpost.com", BODY, published=T % 0), frozenset({"harbourpost"})),
             "h": (art("h", "tidalhub.net", BODY, published=T % 20), OWNER),
             "s": (art("s", "tidalwire.net", BODY, published=T % 40), OWNER),
             "u": (art("u", "tidalnow.net", BODY), OWNER),
             "x": (art("x", "leafnews.org", BODY, published=T % 40), frozenset({"leafnews"}))}
    return sorted((build_info(a, "copy", f) for a, f in pages.values()), key=lambda m: m.doc_id)


def parents(**options):
    got = build_tree(infos(), "o", "harbourpost.com", TreeOptions(**options))
    return {c: e.parent for c, e in got.items()}


def test_sisters_copy_the_networks_first_page():
    got = parents()
    assert got["h"] == "o"  # the network's first page took it from outside
    assert got["s"] == got["u"] == "h"
    assert got["x"] == "o"  # no owner shared: the prior for the origin holds


def test_without_the_owner_term_the_origin_wins_the_tie():
    got = parents(sister_feed=0.0)
    assert got["s"] == "o" and got["h"] == "o"


def test_the_origins_copyright_carried_on_copies_makes_no_sisters():
    """Two sites that mostly run the origin's stories keep its copyright line as their
    footer: that names the origin, not an owner they share. With the origin out of the
    corpus, the later copy still goes under it, not under the earlier copy."""
    carried = frozenset({"harbour post"})
    pages = [art("a", "middleman.net", BODY, published=T % 20),
             art("b", "leafnews.org", BODY, published=T % 40)]
    members = [build_info(p, "copy", carried) for p in pages]
    got = build_tree(members, None, "harbourpost.com")
    assert got["b"].parent is None and got["a"].parent is None
    got = build_tree(members, None, "tidalhub.net")  # another origin: now the name is an owner
    assert got["b"].parent == "a"


def test_the_evidence_names_the_owner():
    got = build_tree(infos(), "o", "harbourpost.com")
    assert any("sister site (footer of tidal media group)" in w and "tidalhub.net" in w
               for w in got["s"].why)
    assert not any("sister" in w for w in got["x"].why + got["h"].why)


def test_the_feed_places_copies_but_never_chooses_the_origin():
    from newstrace.trace.origin import find_origin

    with_feed = find_origin(infos(), tree=TreeOptions(sister_feed=3.0))
    without = find_origin(infos(), tree=TreeOptions(sister_feed=0.0))
    assert with_feed == without and with_feed.doc_id == "o"


def test_the_evidence_leaves_out_the_origins_carried_copyright():
    """Sisters that also carry the origin's copyright name only their owner."""
    both = OWNER | {"harbour post"}
    pages = [art("o", "harbourpost.com", BODY, published=T % 0),
             art("h", "tidalhub.net", BODY, published=T % 20),
             art("s", "tidalwire.net", BODY, published=T % 40)]
    members = [build_info(pages[0], "copy", frozenset({"harbour post"}))]
    members += [build_info(p, "copy", both) for p in pages[1:]]
    got = build_tree(members, "o", "harbourpost.com")
    assert got["s"].parent == "h"
    assert "a sister site (footer of tidal media group): its network's first page of the story " \
           "(tidalhub.net)" in got["s"].why
