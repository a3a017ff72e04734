"""The origin's own clock (issue 6, origin present but another member picked): a root
candidate's date pairs with the other members are one observation of its clock, which
may simply be wrong (OriginOptions.p_root_clock, origin.root_time). Checked switched off
too, so the test fails if the rule goes."""

import math
from datetime import datetime, timezone

from test_trace import P1, P2, P3, P4, P5
from test_trace_origin import FULL, art, origin_of

from newstrace.trace.members import Info
from newstrace.trace.origin import OriginOptions, root_time

Q = OriginOptions().p_root_clock


def dated(hour):
    when = datetime(2023, 5, 2, hour, tzinfo=timezone.utc)
    return Info("m", "site.com", "copy", when, when.isoformat(), 0.5, [], None, None, [])


def test_root_time_mixes_a_wrong_root_clock_into_its_pairs():
    m = dated(10)
    assert 0 < Q < 1
    off = OriginOptions(p_root_clock=0.0)
    for s in (-12.0, -0.7, 0.0, 3.0):
        assert root_time(m, s, off) == s  # switched off: the plain sum of the pairs
    assert root_time(m, 0.0, OriginOptions()) == 0.0  # no information stays none
    # dated after every member: a wrong clock explains it, the loss stops near log(q)
    assert math.log(Q) <= root_time(m, -40.0, OriginOptions()) < math.log(Q) + 1e-6
    assert root_time(m, -1.0, OriginOptions()) > -1.0
    # dated before every member: nearly the full support (at most log(1 - q) less)
    got = root_time(m, 6.0, OriginOptions())
    assert 6.0 + math.log(1 - Q) <= got < 6.0
    # an undated page has no clock to be wrong
    undated = Info("u", "site.com", "copy", None, None, 0.0, [], None, None, [])
    assert root_time(undated, -3.0, OriginOptions()) == -3.0


def late_origin(hour):
    """origin.org holds every passage; three uncredited copies each dropped a different
    one. `hour`: the origin's date (the copies are dated 9, 10 and 11 o'clock)."""
    return [art("a", "origin.org", FULL, hour),
            art("b", "quickcopy.net", [P1, P2, P3, P4], 9),
            art("c", "reprints.info", [P1, P2, P3, P5], 10),
            art("d", "blogger.org", [P1, P2, P4, P5], 11)]


def test_the_page_holding_every_passage_wins_against_its_own_late_clock():
    o = origin_of(late_origin(20))  # dated nine hours after the last copy
    assert o.doc_id == "a"
    assert any("member(s) dated before it" in e for e in o.evidence)
    # with each date pair counted on its own, three late pairs outweigh the text
    assert origin_of(late_origin(20), p_root_clock=0.0).doc_id != "a"


def test_a_root_dated_first_keeps_its_support():
    on = dict(origin_of(late_origin(8)).scores)
    off = dict(origin_of(late_origin(8), p_root_clock=0.0).scores)
    assert max(on, key=on.get) == max(off, key=off.get) == "a"
    assert math.log(1 - Q) - 1e-9 <= on["a"] - off["a"] <= 0.0
