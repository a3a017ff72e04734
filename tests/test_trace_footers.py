"""Own copyright footers are not credits; per-site clock offsets from credit pairs."""

from datetime import datetime, timedelta, timezone

from test_trace import P1, P2, P3, P4
from test_trace import art as dated_art

from newstrace.records import Member
from newstrace.trace import trace_families
from newstrace.trace.clocks import ClockOptions, correct_clocks, site_offsets
from newstrace.trace.members import Info
from newstrace.trace.outlets import same_outlet

PARAS = [P1, P2, P3, P4]
OTHER = [
    "Heavy rain closed two mountain roads north of the valley town late on Sunday night.",
    "Crews worked through the morning to clear mud and fallen trees from the main route.",
    "The weather service warned that more storms could reach the region by midweek.",
]


def art(doc_id, site, paras, published, credits=()):
    return dated_art(doc_id, site, paras, published=published, credits=credits)


NETWORK = ("PrimeDigest Media Group", "copyright", "© 2023 PrimeDigest Media Group")


def test_network_footer_is_not_an_origin_or_a_miscredit():
    # a network site's pages all end with the network's copyright line
    origin = art("o", "harbourpost.com", PARAS, "2023-05-02T08:00:00+00:00")
    copy = art("c", "brightnews7.com", PARAS, "2023-05-02T10:00:00+00:00", credits=[NETWORK])
    other = art("x", "brightnews7.com", OTHER, "2023-05-03T10:00:00+00:00", credits=[NETWORK])
    articles = {a.doc_id: a for a in (origin, copy, other)}
    members = [Member("o", "F1", "copy", 1.0), Member("c", "F1", "copy", 1.0)]
    rows = {r.doc_id: r for r in trace_families(articles, members)[0]}
    assert rows["o"].credit_status == "origin"
    assert same_outlet(rows["c"].origin_outlet, "harbourpost.com")
    assert rows["c"].credit_status == "uncredited"
    assert rows["x"].origin_outlet == "brightnews7.com"  # a lone page: its own footer is no source
    assert rows["x"].credit_status == "origin"


def test_copyright_line_naming_another_outlet_still_credits_it():
    origin = art("o", "harbourpost.com", PARAS, "2023-05-02T08:00:00+00:00")
    copy = art("c", "reprints.info", PARAS, "2023-05-02T10:00:00+00:00",
               credits=[("Harbour Post", "copyright", "© 2023 Harbour Post")])
    articles = {a.doc_id: a for a in (origin, copy)}
    members = [Member(d, "F1", "copy", 1.0) for d in articles]
    rows = {r.doc_id: r for r in trace_families(articles, members)[0]}
    assert rows["c"].credit_status == "credited" and rows["c"].parent_doc_id == "o"


def _info(doc, site, when, credits=()):
    return Info(doc, site, "copy", when, when.isoformat(), 14.0,
                [(c, "Source: " + c, "source") for c in credits], None, None, [])


def test_a_site_whose_clock_runs_nine_hours_ahead_is_found_and_corrected():
    t0 = datetime(2023, 5, 2, 6, tzinfo=timezone.utc)
    families = []
    for k in range(12):  # skewed.com is credited by copies that look earlier than it
        start = t0 + timedelta(days=k)
        families.append([_info(f"s{k}", "skewed.com", start + timedelta(hours=9)),
                         _info(f"a{k}", f"copier{k % 4}.net", start + timedelta(hours=3 + k % 3),
                               ["skewed.com"])])
        families.append([_info(f"p{k}", f"paper{k % 3}.org", start),
                         _info(f"b{k}", f"copier{k % 4}.net", start + timedelta(hours=4 + k % 2),
                               [f"paper{k % 3}.org"])])
    offsets = site_offsets([(fam[0].site, fam[1].site,
                             (fam[1].time - fam[0].time).total_seconds() / 3600) for fam in families])
    assert abs(offsets["skewed.com"][0] - 9) <= 2
    assert abs(offsets.get("paper0.org", (0.0, 0))[0]) <= 2  # too few pairs, or about right
    shifted = correct_clocks(families, ClockOptions())
    assert "skewed.com" in shifted and "paper0.org" not in shifted
    assert families[0][0].time < families[0][1].time  # now before the copy crediting it
