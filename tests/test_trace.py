import re
from collections import defaultdict

from helpers import paragraph_spans

from newstrace.records import Article, Credit, Dateline, Found, Member, Provenance
from newstrace.simulate import SimOptions, republish, synthetic_articles
from newstrace.trace import TraceOptions, outlet_stats, read_outlets, trace_families
from newstrace.trace.edits import diff_articles
from newstrace.trace.outlets import same_outlet

P1 = "The regional council approved a new budget for the harbour district on Monday evening."
P2 = "Officials said the plan would raise spending on ferries by twelve percent next year."
P3 = "Critics argued that the council had ignored warnings from local fishermen for years."
P4 = "A final vote on the measure is expected before the end of the month, the mayor said."
P5 = "The harbour master declined to comment when reached by phone late on Tuesday."
INTRO = "Here is what we know so far about the budget fight in the harbour town of Ostvik."


def art(doc_id, site, paras, *, title="Council approves harbour budget", published=None,
        credits=(), agency=None):
    text = "\n\n".join(paras)
    cr = tuple(Credit(o, o if "." in o else None, form, line, 0, len(line))
               for o, form, line in credits)
    dl = Dateline(f"OSTVIK ({agency}) –", "OSTVIK", agency, None, 0, 10) if agency else None
    return Article(doc_id, text, site=site, url=f"https://{site}/a/{doc_id}",
                   title=Found(title, "test"), published=Found(published, "test") if published else None,
                   credits=cr, paragraphs=paragraph_spans(text), dateline=dl)


def family(arts, fid="F1"):
    articles = {a.doc_id: a for a in arts}
    members = [Member(a.doc_id, fid, "copy", 1.0) for a in arts]
    return articles, members


def by_doc(rows):
    return {r.doc_id: r for r in rows}


def test_same_outlet_names_domains_and_agencies():
    assert same_outlet("Sputnik", "sputniknews.com")
    assert same_outlet("https://www.sputniknews.com/world/x", "sputniknews.com")
    assert same_outlet("Kestrel News Agency", "kna-agency.com")
    assert same_outlet("The Ostvik Courier", "ostvikcourier.com")
    assert not same_outlet("Global News", "globaltruth.net")
    assert not same_outlet("reuters.com", "sputniknews.com")


def test_same_outlet_tells_apart_two_outlets_with_one_core_and_other_kind_words():
    """"Prime Daily" and "Prime Wire" share the core "prime"; their own kind words
    differ, so they are two outlets. The core still matches a bare or own-kind domain,
    a name without kind words takes any suffix, and an acronym any suffix."""
    assert not same_outlet("Prime Daily", "primewire.press")
    assert not same_outlet("Grand Daily", "Grand Wire")
    assert same_outlet("Prime Daily", "primedaily.net") and same_outlet("Prime Daily", "prime.com")
    assert same_outlet("Kestrel News Agency", "kestrelnews.com")
    assert same_outlet("Kestrel News Agency", "Kestrel") and same_outlet("Kestrel News Agency", "KNA")
    assert same_outlet("Kestrel Wire Service", "kwsnews.com")
    assert same_outlet("Grand Daily", "Grand Daily News")


def test_credited_site_is_origin_despite_a_later_clock():
    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T14:00:00+00:00")
    a = art("a", "copycat.net", [P1, P2, P3, P4, P5], published="2023-05-02T11:00:00+00:00",
            credits=[("harbourpost.com", "source", "Source: harbourpost.com")])
    b = art("b", "reprints.info", [P1, P2, P3, P4], published="2023-05-02T12:30:00+00:00",
            credits=[("The Harbour Post", "via", "Via The Harbour Post")])
    prov, _ = trace_families(*family([orig, a, b]))
    rows = by_doc(prov)
    assert rows["o"].credit_status == "origin"
    assert rows["a"].origin_doc_id == "o" and rows["b"].origin_doc_id == "o"
    assert rows["a"].credit_status == "credited" and rows["b"].credit_status == "credited"
    assert rows["a"].parent_doc_id == "o"
    assert rows["o"].evidence  # says why


def test_absent_origin_from_credits_and_dateline():
    lead = "OSTVIK (Sputnik) – " + P1
    a = art("a", "copycat.net", [lead, P2, P3, P4, P5], agency="Sputnik",
            credits=[("sputniknews.com", "source", "Sourse: sputniknews.com")])
    b = art("b", "reprints.info", [lead, P2, P3, P5], agency="Sputnik",
            credits=[("Sputnik", "via", "Via Sputnik")])
    c = art("c", "blogger.org", [lead, P2, P3, P4], agency="Sputnik")
    prov, _ = trace_families(*family([a, b, c]))
    for r in prov:
        assert r.origin_doc_id is None
        assert same_outlet(r.origin_outlet, "sputniknews.com")
        assert r.parent_doc_id is None
    rows = by_doc(prov)
    assert rows["a"].credit_status == "credited"
    assert rows["c"].credit_status == "uncredited"


def test_copy_of_copy_inherits_edits_and_is_placed_under_its_parent():
    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00")
    mid = art("m", "middleman.net", [INTRO, P1, P2, P3, P4], title="BREAKING: Council approves harbour budget",
              published="2023-05-02T09:00:00+00:00",
              credits=[("harbourpost.com", "read-more", "Read more at harbourpost.com")])
    leaf = art("l", "leafnews.org", [INTRO, P1, P2, P3], title="BREAKING: Council approves harbour budget",
               published="2023-05-02T10:00:00+00:00")
    other = art("x", "othersite.com", [P1, P2, P3, P4, P5], published="2023-05-02T09:30:00+00:00",
                credits=[("Daily Planet", "source", "Source: Daily Planet")])
    prov, edits = trace_families(*family([orig, mid, leaf, other]))
    rows = by_doc(prov)
    assert rows["o"].credit_status == "origin"
    assert rows["m"].parent_doc_id == "o"
    assert rows["l"].parent_doc_id == "m"
    assert rows["x"].parent_doc_id == "o"
    assert rows["x"].credit_status == "miscredited"
    assert rows["l"].credit_status == "uncredited"
    assert rows["m"].credit_status == "credited"
    mine = [e for e in edits if e.doc_id == "m"]
    assert {e.op for e in mine} == {"added", "removed", "headline"}
    added = next(e for e in mine if e.op == "added")
    assert added.text == INTRO and mid.text[added.start:added.end] == INTRO
    assert next(e for e in mine if e.op == "removed").text == P5


def test_changed_sentence_edit():
    parent = art("p", "a.com", [P1, P2 + " " + P3, P4])
    changed = P2.replace("would raise", "will raise")
    child = art("c", "b.com", [P1, changed + " " + P3, P4], title="Harbour budget approved")
    edits = diff_articles(child, parent)
    ops = [(e.op, e.text, e.parent_text) for e in edits]
    assert ("headline", "Harbour budget approved", "Council approves harbour budget") in ops
    ch = [e for e in edits if e.op == "changed"]
    assert len(ch) == 1 and ch[0].text == changed and ch[0].parent_text == P2
    assert child.text[ch[0].start:ch[0].end] == changed


def test_headline_punctuation_counts_but_typography_does_not():
    parent = art("p", "a.com", [P1, P2], title="Council’s “harbour” budget — approved")
    same = art("s", "b.com", [P1, P2], title="COUNCIL'S \"HARBOUR\" BUDGET - APPROVED")
    loud = art("l", "c.com", [P1, P2], title="Council’s “harbour” budget — approved!")
    assert [e.op for e in diff_articles(same, parent)] == []
    edits = diff_articles(loud, parent)
    assert [(e.op, e.text) for e in edits] == [("headline", "Council’s “harbour” budget — approved!")]


def test_outlet_stats_with_user_list(tmp_path):
    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00")
    a = art("a", "copycat.net", [P1, P2, P3, P4], published="2023-05-02T09:00:00+00:00",
            credits=[("harbourpost.com", "source", "Source: harbourpost.com")])
    b = art("b", "copycat.net", [P1, P2, P3, P5], published="2023-05-02T09:10:00+00:00")
    articles, members = family([orig, a, b])
    prov, _ = trace_families(articles, members)
    csv = tmp_path / "outlets.csv"
    csv.write_text("domain,name,country,type\nharbourpost.com,Harbour Post,NO,paper\n")
    rows = {r["outlet"]: r for r in outlet_stats(prov, articles, read_outlets(csv))}
    assert rows["harbourpost.com"]["families_originated"] == 1
    assert rows["harbourpost.com"]["name"] == "Harbour Post"
    assert rows["copycat.net"]["copies_made"] == 2
    assert rows["copycat.net"]["share_credited"] == 0.5
    assert rows["copycat.net"]["copies_most_from"] == "harbourpost.com"
    assert rows["harbourpost.com"]["copied_most_by"] == "copycat.net"


def _mini_clean(doc):
    """A test-only page-to-article step (the real cleaner is tested elsewhere)."""
    from newstrace.clean.credits import parse_credit

    lines = [ln.strip() for ln in doc.text.split("\n\n")]
    title = doc.title
    paras, credits = [], []
    for ln in lines:
        if ln == title or not ln:
            continue
        found = parse_credit(ln)
        if found:
            credits.append((found[1] or found[0], found[2], ln))
        elif len(ln.split()) >= 7 and re.search(r"[.!?\"”]$", ln):
            paras.append(ln)
    agency = None
    m = re.match(r"^[A-Z]+ \(([A-Z]+)\) ", paras[0]) if paras else None
    if m:
        agency = m.group(1)
    return art(doc.doc_id, doc.site, paras, title=title, published=doc.published,
               credits=credits, agency=agency)


def test_simulated_families_are_traced_well_above_the_baseline():
    corpus = republish(synthetic_articles(60, seed=21), seed=21, options=SimOptions())
    articles = {d.doc_id: _mini_clean(d) for d in corpus.docs}
    sizes = defaultdict(int)
    for t in corpus.truth.values():
        sizes[t.family_id] += 1
    members = [Member(d, t.family_id, "partial" if t.partial else "copy", 1.0)
               for d, t in corpus.truth.items() if sizes[t.family_id] > 1]
    prov, edits = trace_families(articles, members)
    assert all(isinstance(p, Provenance) for p in prov) and edits
    truth = corpus.truth
    origin_ok = sum(same_outlet(p.origin_outlet, truth[p.doc_id].origin_outlet) for p in prov)
    copies = [p for p in prov if truth[p.doc_id].credit_status != "origin"]
    parent_ok = sum(p.parent_doc_id == truth[p.doc_id].parent_doc_id for p in copies)
    status_ok = sum(p.credit_status == truth[p.doc_id].credit_status for p in prov)
    assert origin_ok / len(prov) >= 0.8
    assert parent_ok / len(copies) >= 0.6
    assert status_ok / len(prov) >= 0.8


def test_credit_every_copy_carries_is_text_not_a_miscredit():
    line = "Copyright 2023 The Associated Press. All rights reserved."
    carried = [("AP", "copyright", line)]
    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00",
               credits=carried)
    a = art("a", "copycat.net", [P1, P2, P3, P4], published="2023-05-02T09:00:00+00:00",
            credits=carried + [("harbourpost.com", "source", "Source: harbourpost.com")])
    b = art("b", "reprints.info", [P1, P2, P3, P5], published="2023-05-02T10:00:00+00:00",
            credits=carried)
    rows = by_doc(trace_families(*family([orig, a, b]))[0])
    assert rows["o"].credit_status == "origin"
    assert rows["a"].credit_status == "credited"
    assert rows["b"].credit_status == "uncredited"


def test_family_chained_by_a_stray_paragraph_is_split():
    q = ["Voters in the northern valley will choose a new mayor on Sunday after a long campaign.",
         "The two leading candidates disagree sharply over plans for a second river bridge.",
         "Turnout at the last election was the lowest in the history of the district council.",
         "Polling stations will open at seven in the morning and close at eight in the evening."]
    stray = "Subscribe to our newsletter to get the most important stories of the day by email."
    one = [art(f"h{i}", f"site{i}.com", [P1, P2, P3, P4, stray]) for i in range(3)]
    two = [art(f"v{i}", f"other{i}.org", q + [stray]) for i in range(3)]
    articles, members = family(one + two)
    prov, _ = trace_families(articles, members)
    assert sorted(p.doc_id for p in prov) == sorted(articles)  # one row per document
    assert all(p.family_id == "F1" and "traced apart" in p.evidence[0] for p in prov)
    assert all(p.origin_doc_id in {a.doc_id for a in (one if p.doc_id[0] == "h" else two)}
               for p in prov)
    assert sum(p.credit_status == "origin" for p in prov) == 2


def test_one_row_per_document_in_two_families():
    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00")
    a = art("a", "copycat.net", [P1, P2, P3, P4, P5], published="2023-05-02T09:00:00+00:00")
    b = art("b", "roundup.net", [P3, INTRO], published="2023-05-02T10:00:00+00:00")
    articles = {x.doc_id: x for x in (orig, a, b)}
    members = [Member("o", "F1", "copy", 1.0), Member("a", "F1", "copy", 1.0),
               Member("b", "F1", "partial", 0.4), Member("b", "F2", "copy", 0.9),
               Member("a", "F2", "partial", 0.1)]
    prov, _ = trace_families(articles, members)
    rows = by_doc(prov)
    assert len(prov) == 3
    assert rows["a"].family_id == "F1" and rows["b"].family_id == "F2"


def test_partial_reuse_points_to_the_member_it_credits():
    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00")
    a = art("a", "copycat.net", [INTRO, P1, P2, P3, P4, P5], published="2023-05-02T09:00:00+00:00")
    filler = ["Weather: a cold front will bring rain to the western hills on Friday afternoon.",
              "Sport: the local football club signed a new goalkeeper from the coastal league."]
    roundup = art("r", "digest.net", [filler[0], P3, filler[1]], title="Morning briefing",
                  credits=[("copycat.net", "via", "Via copycat.net")])
    articles = {x.doc_id: x for x in (orig, a, roundup)}
    members = [Member("o", "F", "copy", 1.0), Member("a", "F", "copy", 1.0),
               Member("r", "F", "partial", 0.3)]
    rows = by_doc(trace_families(articles, members)[0])
    assert rows["r"].parent_doc_id == "a"
    assert rows["r"].origin_doc_id == "o"
    assert rows["r"].credit_status == "credited"


def test_partial_member_dated_long_before_the_origin_is_its_own_story():
    """A page that shares a passage with the family but came out years before its origin
    did not take it from this story: its own origin, or the outlet its credit names."""
    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00")
    a = art("a", "copycat.net", [P1, P2, P3, P4, P5], published="2023-05-02T09:00:00+00:00")
    filler = ["Weather: a cold front will bring rain to the western hills on Friday afternoon.",
              "Sport: the local football club signed a new goalkeeper from the coastal league."]
    old = art("r", "digest.net", [filler[0], P3, filler[1]], title="Morning briefing",
              published="2021-01-10T08:00:00+00:00")
    credited = art("q", "mirror.net", [filler[1], P4, filler[0]], title="Evening briefing",
                   published="2021-02-10T08:00:00+00:00",
                   credits=[("wirenews.com", "source", "Source: wirenews.com")])
    articles = {x.doc_id: x for x in (orig, a, old, credited)}
    members = [Member("o", "F", "copy", 1.0), Member("a", "F", "copy", 1.0),
               Member("r", "F", "partial", 0.3), Member("q", "F", "partial", 0.3)]
    rows = by_doc(trace_families(articles, members)[0])
    assert rows["o"].origin_doc_id == "o" and rows["a"].parent_doc_id == "o"
    assert (rows["r"].origin_doc_id, rows["r"].parent_doc_id, rows["r"].credit_status) == ("r", None, "origin")
    assert rows["q"].origin_doc_id is None and rows["q"].origin_outlet == "wirenews.com"
    assert "before its origin" in rows["r"].evidence[0]
    recent = art("r", "digest.net", [filler[0], P3, filler[1]], title="Morning briefing",
                 published="2023-05-02T12:00:00+00:00")
    rows = by_doc(trace_families({**articles, "r": recent}, members)[0])
    assert rows["r"].origin_doc_id == "o"  # out after the origin: a borrower


def test_partial_member_dated_long_after_the_family_is_its_own_story():
    """A page out a year after the family's last copy that shares a passage with it reused
    older text: its own story. When another family holds it as a partial member of its own
    run, that family's row is the one it keeps."""
    orig, a = origin_and_copy()
    own = [f"Paragraph {k} of a later story about the harbour and its new ferry terminal."
           for k in range(3)]
    late = art("r", "digest.net", [own[0], P3, own[1], own[2]], title="Harbour, a year on",
               published="2024-05-10T08:00:00+00:00")
    articles = {x.doc_id: x for x in (orig, a, late)}
    members = [Member("o", "F", "copy", 1.0), Member("a", "F", "copy", 1.0),
               Member("r", "F", "partial", 0.3)]
    rows = by_doc(trace_families(articles, members)[0])
    assert (rows["r"].origin_doc_id, rows["r"].parent_doc_id, rows["r"].credit_status) == (
        "r", None, "origin")
    assert "after its last copy" in rows["r"].evidence[0]
    rows = by_doc(trace_families(articles, members, options=TraceOptions(after_h=1e6))[0])
    assert rows["r"].origin_doc_id == "o"  # without the rule: a borrower
    week = art("r", "digest.net", late.text.split("\n\n"), title="Harbour, a year on",
               published="2023-05-09T08:00:00+00:00")
    rows = by_doc(trace_families({**articles, "r": week}, members)[0])
    assert rows["r"].origin_doc_id == "o"  # a week on: still the story's run
    # the terminal story of 2024 (g, and its copy h) holds the page as a partial member too,
    # with less of its text: that row wins over the own-story row of the 2023 family
    g = art("g", "ferrytimes.com", [*own, P5], title="New ferry terminal",
            published="2024-05-10T06:00:00+00:00")
    h = art("h", "copycat.net", [*own, P5], title="New ferry terminal",
            published="2024-05-10T07:00:00+00:00")
    articles.update(g=g, h=h)
    members += [Member("g", "G", "copy", 1.0), Member("h", "G", "copy", 1.0),
                Member("r", "G", "partial", 0.2)]
    rows = by_doc(trace_families(articles, members)[0])
    assert rows["r"].family_id == "G" and rows["r"].origin_doc_id == "g"


def origin_and_copy():
    """The harbour story on its site and a whole copy an hour later."""
    return (art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00"),
            art("a", "copycat.net", [P1, P2, P3, P4, P5], published="2023-05-02T09:00:00+00:00"))


def test_partial_member_sharing_little_of_its_text_is_its_own_story():
    """A page that shares one sentence out of many with a family (two stories quoting the
    same official) is no copy of that story; a roundup built around the borrowed
    paragraph still is."""
    orig, a = origin_and_copy()
    own = [f"Paragraph {k} of a different story about the mountain railway and its new timetable."
           for k in range(9)]
    other = art("s", "valleynews.com", [*own[:4], P3, *own[4:]], title="Railway timetable",
                published="2023-05-03T08:00:00+00:00")
    roundup = art("r", "digest.net", [own[0], P3, own[1]], title="Morning briefing",
                  published="2023-05-02T12:00:00+00:00")
    articles = {x.doc_id: x for x in (orig, a, other, roundup)}
    members = [Member("o", "F", "copy", 1.0), Member("a", "F", "copy", 1.0),
               Member("s", "F", "partial", 0.08), Member("r", "F", "partial", 0.3)]
    rows = by_doc(trace_families(articles, members)[0])
    assert (rows["s"].origin_doc_id, rows["s"].parent_doc_id, rows["s"].credit_status) == (
        "s", None, "origin")
    assert rows["s"].family_id == "F" and "8% of its text" in rows["s"].evidence[0]
    assert rows["r"].origin_doc_id == "o" and rows["r"].credit_status == "uncredited"
    rows = by_doc(trace_families(articles, members, options=TraceOptions(thin_share=0.0))[0])
    assert rows["s"].origin_doc_id == "o"


def test_a_paragraph_lifted_whole_keeps_a_thin_roundup_in_the_family():
    """A long roundup that lifts one paragraph whole (6% of its text) borrowed it from the
    story; a page quoting the same words inside its own sentence, at the same share, may
    have them from the speaker: its own story."""
    from newstrace.records import Alignment
    from newstrace.trace import borrowed_pairs

    orig, a = origin_and_copy()
    own = [f"Item {k} of the digest covers the mountain railway, its timetable and its fares."
           for k in range(12)]
    lifted = art("r", "digest.net", [*own[:6], P3, *own[6:]], title="Morning briefing",
                 published="2023-05-02T12:00:00+00:00")
    quoted = art("q", "valleynews.com", [*own[:6], f"As one reader put it: {P3}", *own[6:]],
                 title="Railway timetable", published="2023-05-02T12:00:00+00:00")
    articles = {x.doc_id: x for x in (orig, a, lifted, quoted)}

    def shared(doc):  # the alignment of P3 between `doc` and the origin, as reuse gives it
        t = articles[doc].text
        return Alignment(doc, "o", t.index(P3), t.index(P3) + len(P3), orig.text.index(P3),
                         orig.text.index(P3) + len(P3), 10.0, 1.0)

    alignments = [shared("r"), shared("q")]
    assert borrowed_pairs(alignments, {d: x.text for d, x in articles.items()}) == {
        frozenset(("r", "o"))}
    members = [Member("o", "F", "copy", 1.0), Member("a", "F", "copy", 1.0),
               Member("r", "F", "partial", 0.06), Member("q", "F", "partial", 0.06)]
    rows = by_doc(trace_families(articles, members, alignments)[0])
    assert rows["r"].origin_doc_id == "o" and rows["r"].parent_doc_id in ("o", "a")
    assert rows["q"].origin_doc_id == "q" and "6% of its text" in rows["q"].evidence[0]
    rows = by_doc(trace_families(articles, members)[0])  # no alignments: nothing lifted whole
    assert rows["r"].origin_doc_id == "r"
    tiny = [*members[:2], Member("r", "F", "partial", 0.04)]  # under thin_paragraph (5%)
    assert by_doc(trace_families(articles, tiny, alignments)[0])["r"].origin_doc_id == "r"


def test_headline_naming_its_own_site_carried_by_a_copy_is_no_credit():
    """A copy that keeps its parent's headline with the parent's site suffix ("... - Fox
    News") names that site, but it credits nobody: the line came with the text."""
    from dataclasses import replace as rep

    from newstrace.records import Removed

    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00")
    a = art("a", "foxnews.com", [P1, P2, P3, P4, P5], published="2023-05-02T09:00:00+00:00")
    a = rep(a, removed=(Removed("Harbour budget - Fox News", 0, 10, "dropped"),))
    b = art("b", "reprints.info", [P1, P2, P3, P4, P5], published="2023-05-02T10:00:00+00:00")
    b = rep(b, removed=(Removed("Harbour budget - Fox News, officials say", 0, 10, "dropped"),))
    c = art("c", "blogger.org", [P1, P2, P3, P4, P5], published="2023-05-02T11:00:00+00:00")
    c = rep(c, removed=(Removed("Originally published by Fox News", 0, 10, "dropped"),))
    rows = by_doc(trace_families(*family([orig, a, b, c]))[0])
    assert rows["b"].credit_status == "uncredited"
    assert rows["c"].credit_status == "credited" and rows["c"].parent_doc_id == "a"


def test_a_link_most_copies_carry_is_text_not_a_credit():
    """A product link at the end of a review ("More info: www.maker.com") that most copies
    kept is text carried along: it moves to `carried` from half the members, and carried
    links are no dateline-like evidence for an outlet. An explicit credit needs 80%."""
    from dataclasses import replace as rep

    from newstrace.records import Removed
    from newstrace.trace import OriginOptions, mark_carried
    from newstrace.trace.members import build_info
    from newstrace.trace.origin import dateline_ll

    link = Removed("Tested by: Jane Doe More info: www.maker.com", 0, 10, "low score")
    source = [("ostvikcourier.com", "source", "Source: ostvikcourier.com")]
    pages = [rep(art(x, f"site{x}.com", [P1, P2, P3], credits=source if x in "ab" else ()),
                 removed=(link,) if x in "abcd" else ()) for x in "abcdef"]
    infos = [build_info(p, "copy") for p in pages]
    mark_carried(infos)
    assert [len(m.carried) for m in infos] == [1, 1, 1, 1, 0, 0]
    assert [c[0] for m in infos for c in m.credits] == ["ostvikcourier.com"] * 2
    assert dateline_ll(infos, "maker.com", OriginOptions()) == (0.0, 0)


def test_loose_line_naming_a_member_counts_as_credit():
    from dataclasses import replace as rep

    from newstrace.records import Removed

    orig = art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published="2023-05-02T08:00:00+00:00")
    a = art("a", "copycat.net", [P1, P2, P3, P4], published="2023-05-02T09:00:00+00:00")
    a = rep(a, removed=(Removed("Originaly publishd by Harbour Post", 0, 10, "dropped"),
                        Removed("Follow us on twitter.com/copycat", 0, 10, "dropped")))
    b = art("b", "reprints.info", [P1, P2, P3, P5], published="2023-05-02T10:00:00+00:00")
    b = rep(b, removed=(Removed("Share on facebook.com", 0, 10, "dropped"),))
    rows = by_doc(trace_families(*family([orig, a, b]))[0])
    assert rows["a"].credit_status == "credited"
    assert rows["b"].credit_status == "uncredited"  # a platform link is no credit


def test_absent_origin_named_by_a_loose_line_and_a_copyright_credit():
    from dataclasses import replace as rep

    from newstrace.records import Removed

    a = art("a", "copycat.net", [P1, P2, P3, P4, P5],
            credits=[("Ostvik Courier", "copyright", "© 2023 Ostvik Courier")])
    b = art("b", "reprints.info", [P1, P2, P3, P5])
    b = rep(b, removed=(Removed("Vía Ostvik Courier", 0, 10, "navigation"),))
    c = art("c", "blogger.org", [P1, P2, P3, P4],
            credits=[("ostvikcourier.com", "source", "Source: ostvikcourier.com")])
    rows = by_doc(trace_families(*family([a, b, c]))[0])
    assert all(r.origin_doc_id is None for r in rows.values())
    assert same_outlet(rows["a"].origin_outlet, "ostvikcourier.com")
    assert {r.credit_status for r in rows.values()} == {"credited"}


def test_every_article_gets_a_row_singletons_included():
    lone = art("s", "harbourpost.com", [P1, P2, P3])
    credited = art("c", "copycat.net", [P4, P5], credits=[("sputniknews.com", "source",
                                                           "Sourse: sputniknews.com")])
    wired = art("w", "reprints.info", ["OSTVIK (Sputnik) – " + P3, P5], agency="Sputnik")
    own = art("k", "sputniknews.com", [P2, P4], agency="Sputnik")
    articles = {a.doc_id: a for a in (lone, credited, wired, own)}
    rows = by_doc(trace_families(articles, [])[0])
    assert sorted(rows) == ["c", "k", "s", "w"]
    assert all(r.family_id is None and r.parent_doc_id is None for r in rows.values())
    assert rows["s"].origin_doc_id == "s" and rows["s"].credit_status == "origin"
    assert rows["k"].origin_doc_id == "k" and rows["k"].credit_status == "origin"  # its own agency
    c = rows["c"]
    assert c.origin_doc_id is None and c.origin_outlet == "sputniknews.com"
    assert c.credit_status == "credited" and any("Sourse: sputniknews.com" in e for e in c.evidence)
    w = rows["w"]
    assert w.origin_doc_id is None and w.credit_status == "credited"
    assert same_outlet(w.origin_outlet, "sputniknews.com") and "dateline" in w.evidence[1]


def test_edits_for_every_part_of_a_split_family():
    q = ["Voters in the northern valley will choose a new mayor on Sunday after a long campaign.",
         "The two leading candidates disagree sharply over plans for a second river bridge.",
         "Turnout at the last election was the lowest in the history of the district council.",
         "Polling stations will open at seven in the morning and close at eight in the evening."]
    stray = "Subscribe to our newsletter to get the most important stories of the day by email."
    t0 = "2023-05-02T0{}:00:00+00:00"
    one = [art("h0", "site0.com", [P1, P2, P3, P4, stray], published=t0.format(1)),
           art("h1", "site1.com", [INTRO, P1, P2, P3, P4, stray], published=t0.format(2)),
           art("h2", "site2.com", [P1, P2, P3, stray], published=t0.format(3))]
    two = [art("v0", "other0.org", q + [stray], published=t0.format(1)),
           art("v1", "other1.org", ["Our valley desk has followed the race for the mayor's office all year."] + q + [stray], published=t0.format(2)),
           art("v2", "other2.org", q[:3] + [stray], published=t0.format(3))]
    prov, edits = trace_families(*family(one + two))
    assert {p.doc_id for p in prov if "traced apart" in p.evidence[0]} == {a.doc_id for a in one + two}
    copies = {p.doc_id for p in prov if p.credit_status != "origin"}
    assert {e.doc_id for e in edits} == copies
    assert {d[0] for d in copies} == {"h", "v"}  # both stories, not only the last traced


P2_CHANGED = P2.replace("would raise", "would sharply raise")


def test_copy_sharing_a_changed_sentence_goes_under_the_copy_that_changed_it():
    from newstrace.trace.members import build_info
    from newstrace.trace.tree import TreeOptions, build_tree

    t = "2023-05-02T%02d:00:00+00:00"
    pages = [art("o", "harbourpost.com", [P1, P2, P3, P4, P5], published=t % 8),
             art("a", "middleman.net", [P1, P2_CHANGED, P3, P4, P5], published=t % 9),
             art("b", "leafnews.org", [P1, P2_CHANGED, P4, P5], published=t % 9,
                 credits=[("harbourpost.com", "source", "Source: harbourpost.com")]),
             art("c", "other1.com", [P1, P2, P3, P5], published=t % 11),
             art("d", "other2.com", [P1, P2, P4, P5], published=t % 11),
             art("e", "other3.com", [P1, P2, P3, P4, P5], published=t % 12)]

    def parents(**options):
        infos = sorted((build_info(p, "copy") for p in pages), key=lambda m: m.doc_id)
        edges = build_tree(infos, "o", "harbourpost.com", TreeOptions(**options))
        return {d: e.parent for d, e in edges.items()}

    got = parents()
    assert got["b"] == "a" and got["a"] == "o" and got["c"] == "o"
    # the shared change is what places it: as an edit made twice, or as an edit event of
    # its own (the cut next to it is another)
    assert parents(shared_add=0.0)["b"] == "a" and parents(split_events=False)["b"] == "a"
    assert parents(shared_add=0.0, split_events=False)["b"] == "o"


def test_absent_origin_text_has_one_version_of_a_changed_sentence():
    from newstrace.trace.members import build_info, norm
    from newstrace.trace.tree import consensus

    a = build_info(art("a", "copycat.net", [P1, P2_CHANGED, P3, P4]), "copy")
    b = build_info(art("b", "reprints.info", [P1, P2, P3, P5]), "copy")
    text = consensus([a, b])
    assert norm(P2) in text and norm(P2_CHANGED) not in text  # copies slip words in
    assert {norm(p) for p in (P1, P3, P4, P5)} <= text  # of two copies, either may abridge


P6 = "Ferry operators welcomed the decision but asked for a say in how the money is spent."
P7 = "Fishermen plan a meeting on Thursday to decide whether to challenge the vote in court."


def test_copy_of_a_copy_that_cut_an_inner_paragraph_goes_under_it():
    """Cutting a paragraph from the middle is an edit a copy carries on; no credit, no dates."""
    body = [P1, P2, P3, P4, P5, P6, P7]
    cut = [P1, P2, P3, P5, P6, P7]
    orig = art("o", "harbourpost.com", body)
    mid = art("m", "middleman.net", cut)
    leaf = art("l", "leafnews.org", cut)
    others = [art(k, f"{k}site.com", body) for k in "xyz"]
    rows = by_doc(trace_families(*family([orig, mid, leaf, *others]))[0])
    assert rows["o"].credit_status == "origin"
    # the two cut copies read the same: either may be first, but one is under the other
    assert rows["l"].parent_doc_id == "m" or rows["m"].parent_doc_id == "l"
    assert all(rows[k].parent_doc_id == "o" for k in "xyz")


def test_absent_origin_whose_other_story_shares_a_promo_paragraph():
    """The absent origin's outlet has another story in the corpus that shares only its site
    promo paragraph with the family (a partial member): the credits still name an outlet
    that is not in the family, so the origin is that outlet, outside the corpus."""
    promo = ("Sign up for the Harbour Post newsletter to get every story about the town in "
             "your inbox each morning, free of charge and with no advertising at all.")
    other_story = art("h", "harbourpost.com", ["The museum reopened on Sunday.", promo],
                      title="Museum reopens")
    a = art("a", "copycat.net", [P1, P2, P3, P4, promo],
            credits=[("harbourpost.com", "source", "Source: harbourpost.com")])
    b = art("b", "reprints.info", [P1, P2, P3, P4, promo],
            credits=[("The Harbour Post", "via", "Via The Harbour Post")])
    c = art("c", "blogger.org", [P1, P2, P3, promo])
    articles = {x.doc_id: x for x in (a, b, c, other_story)}
    members = [Member(x, "F1", "copy", 1.0) for x in "abc"] + [Member("h", "F1", "partial", 0.4)]
    rows = by_doc(trace_families(articles, members)[0])
    for k in "abc":
        assert rows[k].origin_doc_id is None
        assert same_outlet(rows[k].origin_outlet, "harbourpost.com")
    assert rows["a"].credit_status == "credited" and rows["c"].credit_status == "uncredited"


def test_own_story_names_credit_then_agency_then_copyright():
    # the order trace_single uses: a credit line, else the dateline agency, else a © line
    from newstrace.trace import _own_story
    from newstrace.trace.members import Info

    def info(credits, agency):
        return Info("d1", "daily.example", "partial", None, None, 24.0, credits, agency, None, [])

    cases = [
        ([("bbc.co.uk", "© BBC", "copyright"), ("rt.com", "Source: RT", "source")], "reuters.com", "rt.com"),
        ([("bbc.co.uk", "© BBC", "copyright")], "reuters.com", "reuters.com"),
        ([("bbc.co.uk", "© BBC", "copyright")], None, "bbc.co.uk"),
        ([("maker.com", "www.maker.com", "mention")], None, "daily.example"),
    ]
    for credits, agency, outlet in cases:
        p = _own_story(info(credits, agency), "f1", "thin")
        assert p.origin_outlet == outlet
        assert p.credit_status == ("origin" if outlet == "daily.example" else "credited")
