"""The outlet a story's own reporting names ("told Reuters", "The Hill's request for
comment") travels with the text: it names the origin, even one not in the corpus."""

from test_trace import P1, P2, P3, P4, P5, art

from newstrace.trace.members import build_info
from newstrace.trace.origin import OriginOptions, find_origin
from newstrace.trace.reporter import as_outlet, reporter_of, told_names

TOLD = "A spokesman for the council told Reuters that the vote would go ahead as planned."


def test_told_names_reads_the_phrases_only_the_reporting_outlet_writes():
    text = ("A spokesman told The Hill in a statement. The mayor did not respond to "
            "CNN’s request for comment.\n\nFox News has reached out to the club. Reuters "
            "could not independently verify the video, which was seen by The Wall Street "
            "Journal. Views expressed do not necessarily reflect those of Sputnik.")
    assert told_names(text) == ("The Hill", "CNN", "Fox News", "Reuters",
                                "The Wall Street Journal", "Sputnik")


def test_told_names_stays_in_its_line_and_word():
    assert told_names("He foretold Doom.") == ()
    assert told_names("Sources told Reuters.\n\nA second line") == ("Reuters",)
    assert told_names("the mayor told reporters on Monday") == ()


def test_a_name_counts_only_as_an_outlet():
    assert as_outlet("Fox News Digital", []) == "Fox News"  # the outlet table
    assert as_outlet("Polygraph.info", []) == "Polygraph.info"  # a domain
    assert as_outlet("Gizmodo", ["gizmodo.com"]) == "gizmodo.com"  # a site of the family
    assert as_outlet("Gizmodo", []) is None  # unknown: could be anyone
    assert as_outlet("Mayor Smith", ["harbourpost.com"]) is None


def test_the_reporter_is_the_outlet_half_the_texts_name():
    assert reporter_of([("Reuters",), ("Reuters", "Smith"), ()], []) == "Reuters"
    assert reporter_of([("Reuters",), (), ()], []) is None
    assert reporter_of([("Smith",), ("Smith",)], []) is None


def copies(extra):
    """Three copies of one story, each with a cut of its own, no credits, no dates;
    `extra` added to every text."""
    pages = [art("c1", "middleman.net", [P1, P2, extra, P3, P4]),
             art("c2", "leafnews.org", [P1, P2, extra, P3, P5]),
             art("c3", "other1.com", [P1, P2, extra, P4, P5])]
    return [build_info(p, "copy") for p in pages]


def test_an_absent_origin_the_text_names_is_found():
    plain = find_origin(copies("The council will meet again in a fortnight to discuss it."))
    assert plain.doc_id is not None  # nothing names an outside outlet
    got = find_origin(copies(TOLD))
    assert (got.doc_id, got.outlet) == (None, "Reuters")
    assert any("told Reuters" in e for e in got.evidence)


def test_the_member_whose_site_the_text_names_is_the_origin():
    said = "A spokesman for the council told the Harbour Post that the vote would go ahead."
    t = "2023-05-02T%s:00+00:00"

    def pages(extra):
        return [build_info(art("m", "harbourpost.com", [P1, P2, extra, P3, P4, P5],
                               published=t % "09:30"), "copy"),
                build_info(art("c", "leafnews.org", [P1, P2, extra, P3, P4, P5],
                               published=t % "09:00"), "copy")]

    assert find_origin(pages("The council will meet again in a fortnight to discuss it.")
                       ).doc_id == "c"  # dated first, nothing else tells them apart
    got = find_origin(pages(said))
    assert got.doc_id == "m"
    assert any("own reporting names its site (harbourpost.com" in e for e in got.evidence)
    assert find_origin(pages(said), OriginOptions(p_told=0.5)).doc_id == "c"  # no weight: as before
