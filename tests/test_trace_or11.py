"""Site clocks bounded by credit pairs: a site with few pairs is shifted as far as its
pairs force (a copy comes out after the page it credits), and no further."""

from datetime import datetime, timedelta, timezone

from newstrace.trace.clocks import ClockOptions, correct_clocks, site_bounds, site_offsets
from newstrace.trace.members import Info
from newstrace.trace.origin import find_origin

RING = [f"ring{i}.org" for i in range(5)]
T0 = datetime(2023, 5, 2, 6, tzinfo=timezone.utc)
UNITS = {"the council approved the new budget on monday night": 0,
         "the vote was five to two after a long debate": 1}


def _ring_pairs() -> list[tuple[str, str, float]]:
    """Sites crediting one another, each copy one to three hours after its source."""
    return [(a, b, 1.0 + (i + j) % 3) for i, a in enumerate(RING) for j, b in enumerate(RING)
            if i != j]


def _info(doc, site, when, slack=0.5, credits=()):
    return Info(doc, site, "copy", when, when.isoformat(), slack,
                [(c, "Source: " + c, "source") for c in credits], None, None, [(0, 10)],
                units=dict(UNITS))


def test_a_site_whose_copies_come_out_before_their_sources_is_shifted_by_the_bound():
    pairs = _ring_pairs() + [(RING[k], "late.example", gap)
                             for k, gap in enumerate([-5.0, -6.0, -5.5, -7.0])]
    off = site_bounds(pairs)
    # four pairs on one side: the second tightest bound counts (one page may be off)
    assert off["late.example"] == -6.0
    assert all(off[s] == 0.0 for s in RING)
    # what every engine applies: the bound for the site with few pairs, nothing for the rest
    clocks = site_offsets(pairs)
    assert clocks == {"late.example": (-6.0, 4, True)}
    assert not site_offsets(pairs, ClockOptions(bound_shift_h=6.5))  # a smaller shift: left alone


def test_pairs_that_fit_the_clocks_shift_nothing():
    off = site_bounds(_ring_pairs() + [("a.org", "b.org", 2.0), ("b.org", "c.org", 0.5)])
    assert set(off.values()) == {0.0}


def test_two_sites_bound_only_by_each_other_split_the_shift():
    off = site_bounds([("a.org", "b.org", -8.0)])  # b credits a, shown 8 h before it
    assert off["a.org"] > 0 > off["b.org"]
    assert abs(off["a.org"] + off["b.org"]) < 1e-9  # which clock is off is unknown
    assert off["a.org"] - off["b.org"] >= 8.0  # together they put the copy after its source


def _families(late_gap_h: float) -> list[list[Info]]:
    """Ring sites crediting one another; late.example (times without a zone, written
    `late_gap_h` hours behind) crediting four of them; and one uncredited story both
    late.example and ring0.org ran, late.example's page dated before ring0's."""
    fams = []
    for n, (a, b, gap) in enumerate(_ring_pairs()):
        start = T0 + timedelta(days=n)
        fams.append([_info(f"e{n}", a, start), _info(f"l{n}", b, start + timedelta(hours=gap),
                                                     credits=[a])])
    for k in range(4):
        start = T0 + timedelta(days=50 + k)
        fams.append([_info(f"s{k}", RING[k], start),
                     _info(f"c{k}", "late.example", start + timedelta(hours=2 - late_gap_h),
                           slack=14.0, credits=[RING[k]])])
    story = T0 + timedelta(days=60)
    fams.append([_info("origin", "ring0.org", story),
                 _info("copy", "late.example", story + timedelta(hours=3 - late_gap_h), slack=14.0)])
    return fams


def test_the_bound_shift_turns_the_origin_back_to_the_page_that_came_first():
    fams = _families(late_gap_h=6.0)
    before = find_origin([_info(m.doc_id, m.site, m.time, m.slack_h) for m in fams[-1]])
    assert before.doc_id == "copy"  # its date, written 6 h behind, looks earlier
    shifted = correct_clocks(fams, ClockOptions())
    assert shifted["late.example"] <= -3 and not any(s in shifted for s in RING)
    origin, copy = fams[-1]
    assert copy.time > origin.time and copy.slack_h == ClockOptions().bound_slack_h
    assert find_origin(fams[-1]).doc_id == "origin"


def test_a_small_forced_shift_is_left_alone():
    fams = _families(late_gap_h=2.5)  # copies shown half an hour before their sources
    times = {m.doc_id: m.time for f in fams for m in f}
    shifted = correct_clocks(fams, ClockOptions())
    assert "late.example" not in shifted
    assert all(m.time == times[m.doc_id] for f in fams for m in f)
