"""Outlet networks (profiles, grouping, stage) and the attribution audit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from helpers import paragraph_spans

from newstrace.networks import (
    audit_copy,
    audit_stage,
    build_profiles,
    find_networks,
    format_networks,
    network_rows,
    networks_stage,
)
from newstrace.networks.audit import edit_kinds, site_footers
from newstrace.networks.group import credit_weight
from newstrace.networks.profiles import credit_template, debris_key
from newstrace.records import (
    Article,
    Counter,
    Credit,
    Dateline,
    Found,
    Provenance,
    Quote,
    Removed,
)

T0 = datetime(2024, 3, 4, 8, 0, tzinfo=timezone.utc)
NET = [f"net{i}.info" for i in range(5)]
INDEP = [f"paper{i}.com" for i in range(24)]


def test_debris_key_folds_digits():
    assert debris_key("0.00 (0%) 0 votes") == debris_key("4.50 (90%) 2 votes")
    assert debris_key("0.00 (0%) 0 votes") != debris_key("0 views")
    assert debris_key("  Home |  News ") == "Home | News"


def test_credit_template_keeps_misspelling():
    assert credit_template("Sourse: sputniknews.com", "Sputnik", "sputniknews.com") == \
        "Sourse: {domain}"
    assert credit_template("Read more at https://x.com/a/b", "x.com", "x.com") == \
        "Read more at {url}"
    assert credit_template("© 2021 Reuters", "Reuters", None) == "© 0 {outlet}"
    assert credit_weight("Source: {outlet}") < credit_weight("Sourse: {domain}")


def _art(doc_id, site, when, debris=(), credit=None, views=None):
    removed = tuple(Removed(t, 0, 1, "template") for t in debris)
    credits = (Credit("origin.com", "origin.com", "source", credit, 0, 1),) if credit else ()
    counters = (Counter("views", str(views), f"{views} views", 0, 1),) if views else ()
    return Article(doc_id, "Body text.", site=site, url=f"https://{site}/{doc_id}",
                   title=Found(f"Story {doc_id}", "t"),
                   published=Found(when.isoformat(), "meta") if when else None,
                   credits=credits, counters=counters, removed=removed)


def _corpus(net_debris=True, net_credit=True, net_fast=True):
    """Families: an origin, the network copying it within minutes, independents hours later."""
    arts, prov = [], []
    for f in range(12):
        fam, t = f"fam{f}", T0 + timedelta(days=f)
        oid = f"o{f}"
        arts.append(_art(oid, "origin.com", t))
        prov.append(Provenance(oid, fam, oid, "origin.com", None, "origin", 1.0))
        for i, site in enumerate(NET):
            if (f + i) % 5 == 4:  # not every site in every burst
                continue
            debris = ["Foo Media | Home | World | Video", "© 2020 Foo Media Group",
                      f"{f}.50 ({f}0%) {f} votes", "Related posts"] if net_debris else ["Related posts"]
            credit = "Sourse: origin.com" if net_credit else "Source: origin.com"
            delay = timedelta(minutes=10 + 3 * i) if net_fast else timedelta(hours=3 + 5 * i)
            d = f"n{f}-{i}"
            arts.append(_art(d, site, t + delay, debris, credit, views=100 + i))
            prov.append(Provenance(d, fam, oid, "origin.com", oid, "credited", 1.0))
        for k in range(4):
            j = (f * 3 + k) % len(INDEP)
            site = INDEP[j]
            d = f"i{f}-{k}"
            debris = [f"© {2010 + j} Paper {j}. All rights reserved.", "Related posts",
                      "0.00 (0%) 0 votes"]
            arts.append(_art(d, site, t + timedelta(hours=2 + 7 * k), debris,
                             "Source: origin.com" if k % 2 else None))
            prov.append(Provenance(d, fam, oid, "origin.com", oid, "credited", 1.0))
    return arts, prov


def test_network_found_with_evidence_and_no_independents():
    arts, prov = _corpus()
    rows = find_networks(build_profiles(arts, prov))
    assert {r.outlet for r in rows} == set(NET)
    assert len({r.network for r in rows}) == 1
    text = " ".join(rows[0].evidence)
    assert "© 0 Foo Media Group" in text and "Sourse: {domain}" in text
    assert "origin.com" in text and "minutes" in text
    assert all(0 < r.score <= 1 for r in rows)


def test_one_signal_is_not_enough():
    arts, prov = _corpus(net_credit=False, net_fast=False)  # shared template only
    assert find_networks(build_profiles(arts, prov)) == []
    arts, prov = _corpus(net_debris=False, net_credit=False)  # fast copying only
    assert find_networks(build_profiles(arts, prov)) == []


def test_generic_traits_link_nobody():
    # independents alone: they share a widget, a rating line and `Source: X`
    arts, prov = _corpus()
    keep = [a for a in arts if a.site not in NET]
    ids = {a.doc_id for a in keep}
    assert find_networks(build_profiles(keep, [p for p in prov if p.doc_id in ids])) == []


def test_profile_reach_and_delays():
    arts, prov = _corpus()
    prof = build_profiles(arts, prov)["net0.info"]
    assert prof.reach["views"] and min(prof.reach["views"]) == 100
    assert prof.delays and max(prof.delays) < 60
    assert prof.sources["origin.com"] == prof.copies


ORIGIN_TEXT = (
    "MOSCOW (Sputnik) – Lavrov said talks would go on.\n\n"
    "\"We are ready to discuss any issues,\" Lavrov said.\n\n"
    "Officials expected a summit in early summer after the meeting.\n\n"
    "The ministers also discussed the work of diplomatic missions.\n\n"
    "Blinken and Lavrov in Reykjavik, May 19, 2021. © Sputnik / Vitaly Belousov"
)


def _origin():
    spans = paragraph_spans(ORIGIN_TEXT)
    q = ORIGIN_TEXT.index("\"We")
    return Article(
        "o", ORIGIN_TEXT, site="sputniknews.com", url="https://sputniknews.com/a/1",
        title=Found("Lavrov Hopes for Talks", "meta"), byline=Found("Ivan Petrov", "meta"),
        published=Found("2021-05-19T10:00:00+00:00", "meta"),
        dateline=Dateline("MOSCOW (Sputnik) –", "MOSCOW", "Sputnik", None, 0, 18),
        paragraphs=tuple(spans[:4]), captions=(spans[4],),
        quotes=(Quote("We are ready to discuss any issues,", "Sergey Lavrov", "direct", q, q + 36),))


def test_audit_faithful_copy_has_no_findings():
    o = _origin()
    copy = Article("c", o.text, site="mirror.net", url="https://mirror.net/x",
                   title=o.title, byline=o.byline, dateline=o.dateline,
                   paragraphs=o.paragraphs, captions=o.captions, quotes=o.quotes,
                   credits=(Credit("Sputnik", "sputniknews.com", "source",
                                   "Sourse: https://sputniknews.com/a/1", 0, 1),))
    assert audit_copy(copy, o) == []  # linked, credited, dated (caption), unchanged
    bare = Article("c2", o.text, site="mirror.net", title=o.title, byline=o.byline,
                   dateline=o.dateline, paragraphs=o.paragraphs, captions=o.captions,
                   quotes=o.quotes)
    assert {f.finding for f in audit_copy(bare, o)} == {"no link", "no credit"}
    unread = Article("c3", o.text, site="mirror.net", title=o.title, byline=o.byline,
                     dateline=o.dateline, paragraphs=o.paragraphs, captions=o.captions,
                     removed=(Removed("Vía Sputnik International", 0, 1, "short line"),))
    found = {f.finding for f in audit_copy(unread, o)}
    assert "credit not read" in found and "no credit" not in found


def test_audit_reports_every_change():
    o = _origin()
    paras = ORIGIN_TEXT.split("\n\n")
    text = "\n\n".join([
        "Here is what we know so far about the talks.",
        "Lavrov said talks would go on.",  # dateline agency stripped
        "\"We are ready to discuss any issues,\" Lavrov reportedly said.",
        "Officials anticipated a summit in early summer after the meeting.",  # reworded
        # the missions paragraph is dropped
        "Blinken and Lavrov in Reykjavik.",  # photo credit dropped
    ])
    spans = paragraph_spans(text)
    q = text.index("\"We")
    copy = Article("c", text, site="blog.net", url="https://blog.net/y",
                   title=Found("BREAKING: Lavrov Hopes for Talks", "t"),
                   paragraphs=tuple(spans[:4]), captions=(spans[4],),
                   quotes=(Quote("We are ready to discuss any issues,", "Blinken", "direct",
                                 q, q + 36),))
    found = audit_copy(copy, o)
    names = {f.finding for f in found}
    assert {"no link", "no credit", "no original date", "byline dropped",
            "dateline agency stripped", "headline changed", "intro added", "paragraph dropped",
            "photo credit dropped", "speaker changed", "'reportedly' added"} <= names
    assert edit_kinds(found) == {"intro", "drop", "reword", "headline"}
    dropped = next(f for f in found if f.finding == "paragraph dropped")
    assert dropped.detail.startswith(paras[3][:30])
    photo = next(f for f in found if f.finding == "photo credit dropped")
    assert "Sputnik / Vitaly Belousov" in photo.detail


def test_stages_write_tables():
    from newstrace.store.db import article_row, connect
    from newstrace.store.schema import create_all

    con = connect(":memory:")
    create_all(con)
    arts, prov = _corpus()
    n = len(article_row(arts[0]))
    con.executemany(f"INSERT INTO articles VALUES ({', '.join('?' * n)})",
                    [article_row(a) for a in arts])
    con.executemany("INSERT INTO provenance VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(p.doc_id, p.family_id, p.origin_doc_id, p.origin_outlet, p.parent_doc_id,
                      p.credit_status, p.confidence, "[]") for p in prov])
    assert networks_stage(con) == len(NET)
    rows = con.execute("SELECT network, outlet, score, evidence FROM networks").fetchall()
    assert {r[1] for r in rows} == set(NET)
    assert any("Foo Media Group" in e for e in json.loads(rows[0][3]))
    printed = network_rows(con)
    assert len(printed) == 1 and len(printed[0]["outlets"]) == len(NET)
    assert "net-1: 5 sites" in format_networks(printed)
    written = audit_stage(con)
    assert written > 0
    found = dict(con.execute("SELECT finding, count(*) FROM audit GROUP BY finding").fetchall())
    assert found["no link"] == len(prov) - 12  # every copy, none carries the origin URL
    assert networks_stage(con) == len(NET)  # re-run replaces, does not append


def _footers_as_credits(arts):
    """As the real cleaner gives them: copyright footers read as `copyright` credits."""
    out = []
    for a in arts:
        foot = [r for r in a.removed if r.text.startswith("©")]
        credits = tuple(Credit(r.text[7:].split(".")[0], None, "copyright", r.text, 0, 1)
                        for r in foot)
        out.append(replace(a, removed=tuple(r for r in a.removed if r not in foot),
                           credits=a.credits + credits))
    return out


def test_copyright_footer_read_as_credit_is_a_template_trace():
    arts, prov = _corpus()
    arts = _footers_as_credits(arts)
    assert any(c.form == "copyright" for c in arts[-1].credits)
    rows = find_networks(build_profiles(arts, prov))
    assert {r.outlet for r in rows} == set(NET)
    assert "© 0 Foo Media Group" in " ".join(rows[0].evidence)
    arts, prov = _corpus(net_credit=False, net_fast=False)  # the footer alone: one signal
    assert find_networks(build_profiles(_footers_as_credits(arts), prov)) == []


def test_audit_own_copyright_footer_is_no_credit():
    o = _origin()
    base = dict(site="opentimes1.com", url="https://opentimes1.com/x", title=o.title,
                byline=o.byline, dateline=o.dateline, paragraphs=o.paragraphs,
                captions=o.captions, quotes=o.quotes)
    own = Credit("Open Times", None, "copyright", "© 2021 Open Times. All rights reserved.", 0, 1)
    group = Credit("Foo Media Group", None, "copyright", "© 2020 Foo Media Group", 0, 1)
    named = Credit("Sputnik", "sputniknews.com", "copyright", "© 2021 Sputnik", 0, 1)
    names = lambda a, f=frozenset(): {x.finding for x in audit_copy(a, o, f)}  # noqa: E731
    assert "no credit" in names(Article("a", o.text, credits=(own,), **base))
    assert "credits another outlet" in names(Article("b", o.text, credits=(group,), **base))
    pages = [Article(f"g{i}", o.text, credits=(group,), **base) for i in range(3)]
    footers = site_footers(pages)["opentimes1.com"]
    assert footers == {"foo media group"}
    assert "no credit" in names(pages[0], footers)
    found = names(Article("c", o.text, credits=(group, named), **base), footers)
    assert not {"no credit", "credits another outlet"} & found  # names the origin's outlet
