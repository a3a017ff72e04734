"""The clock pass's second round: the copy trees a first trace finds are clock pairs too,
so a site whose uncredited copies all run hours late is found and corrected."""

from datetime import datetime, timedelta, timezone

from helpers import paragraph_spans

from newstrace.records import Article, Found, Member, Provenance
from newstrace.trace import TraceOptions, trace_families
from newstrace.trace.clocks import ClockOptions, tree_pairs, unique_pairs
from newstrace.trace.members import build_info

PARAS = [f"Paragraph {k} of the story about the harbour budget and the ferry timetable, "
         f"as the council and the mayor described it on Monday." for k in range(6)]
T0 = datetime(2024, 3, 4, 8, 0, tzinfo=timezone.utc)


def art(doc_id, site, paras, when: datetime, zone: bool = True):
    text = "\n\n".join(paras)
    shown = when.isoformat() if zone else when.replace(tzinfo=None).isoformat()
    return Article(doc_id, text, site=site, url=f"https://{site}/a/{doc_id}",
                   title=Found(f"Story {doc_id[1:]}", "test"), published=Found(shown, "test"),
                   paragraphs=paragraph_spans(text))


def corpus():
    """Six stories: an origin (two papers, alternately), a copy on steady.net an hour later,
    and one on skewed.net an hour later too, shown in local time eight hours ahead, no zone."""
    arts, members = [], []
    for k in range(6):
        t = T0 + timedelta(days=k)
        paras = [f"Story {k}: {p}" for p in PARAS]
        fid = f"F{k}"
        family = [art(f"o{k}", ("paper-a.com", "paper-b.com")[k % 2], paras, t),
                  art(f"s{k}", "steady.net", paras[:4] + paras[5:], t + timedelta(hours=1)),
                  art(f"k{k}", "skewed.net", paras[:5], t + timedelta(hours=9), zone=False)]
        arts += family
        members += [Member(a.doc_id, fid, "copy", 1.0) for a in family]
    return {a.doc_id: a for a in arts}, members


def test_a_late_sites_uncredited_copies_set_its_clock(caplog):
    articles, members = corpus()
    with caplog.at_level("INFO", logger="newstrace.trace"):
        rows = {r.doc_id: r for r in trace_families(articles, members)[0]}
    assert all(rows[f"k{k}"].parent_doc_id == f"o{k}" for k in range(6))
    assert "skewed.net" in caplog.text  # corrected from the copy trees alone
    caplog.clear()
    off = TraceOptions(clocks=ClockOptions(tree_pairs=False))
    with caplog.at_level("INFO", logger="newstrace.trace"):
        trace_families(articles, members, options=off)
    assert "skewed.net" not in caplog.text  # no credit pairs: nothing to go on


def test_tree_pairs_take_dated_copies_under_their_parents_once():
    articles, _ = corpus()
    infos = [build_info(articles[d], "copy") for d in ("o0", "s0", "k0")]
    rows = [Provenance("o0", "F0", "o0", "paper-a.com", None, "origin", 1.0, ()),
            Provenance("s0", "F0", "o0", "paper-a.com", "o0", "uncredited", 1.0, ()),
            Provenance("k0", "F0", "o0", "paper-a.com", "o0", "uncredited", 1.0, ())]
    found = tree_pairs(infos, rows)
    assert found == [("o0", "s0", ("paper-a.com", "steady.net", 1.0)),
                     ("o0", "k0", ("paper-a.com", "skewed.net", 9.0))]
    assert unique_pairs(found + found[:1]) == [p for _, _, p in found]
    undated = [build_info(articles["o0"], "copy"), build_info(articles["s0"], "copy")]
    undated[0].time = None
    assert tree_pairs(undated, rows) == []


def test_first_pass_leaves_the_members_as_they_were():
    """The first trace works on copies: the credits it links, the clocks it shifts and the
    units it restores stay out of the members the final trace reads."""
    import copy

    from newstrace.trace import first_pass_pairs

    articles, _ = corpus()
    infos = [build_info(articles[d], "copy") for d in ("o0", "s0", "k0")]
    infos[1].loose = ["Originally published by paper-a.com"]  # a credit the trace links
    before = copy.deepcopy(infos)
    found = first_pass_pairs("F0", infos, TraceOptions(), {"skewed.net": (8.0, 6)})
    assert ("o0", "k0", ("paper-a.com", "skewed.net", 9.0)) in found  # pairs as shown
    assert infos == before
    work = copy.deepcopy(infos)
    from newstrace.trace.members import link_credits
    link_credits(work)
    assert work[1].credits and not infos[1].credits  # the trace does append to credits
