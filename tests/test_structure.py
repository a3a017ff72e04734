from pathlib import Path

import pytest
from helpers import paragraph_spans

from newstrace.clean.blocks import is_caption, parse_byline, split_glued
from newstrace.clean.counters import parse_counters
from newstrace.clean.dateline import find_dateline
from newstrace.clean.dates import date_line, find_date
from newstrace.clean.entities import find_entities, load_nlp
from newstrace.clean.quotes import find_quotes
from newstrace.clean.structure import build_article
from newstrace.records import Found, Line, RawDoc

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "republished-article.txt"
HEADLINE = "Lavrov Hopes Putin, Biden Will Determine Further Steps to Improve Russian-US Relations"


def standin_lines(body: str) -> list[Line]:
    """Until a cleaner decides: keep every non-blank line except bare counters."""
    out, pos = [], 0
    for raw in body.split("\n"):
        s = raw.strip()
        if s:
            start = pos + raw.index(s[0])
            counter = bool(parse_counters(s))
            out.append(Line(s, start, start + len(s), not counter, "counter" if counter else ""))
        pos += len(raw) + 1
    return out


def real_lines(body: str) -> list[Line]:
    try:
        from newstrace.clean.text import classify_lines
        return classify_lines(body)
    except (ImportError, FileNotFoundError, OSError) as exc:
        pytest.skip(f"body cleaner not usable yet: {exc}")


def doc(body: str, **kw) -> RawDoc:
    return RawDoc("d1", "t.txt", "", "text", body, **kw)


def spans_ok(a):
    for s in a.paragraphs + a.subheads + a.captions:
        piece = a.text[s.start:s.end]
        assert piece and piece == piece.strip() and "\n\n" not in piece
    for q in a.quotes:
        assert a.text[q.start:q.end] == q.text
    if a.dateline:
        assert a.text[a.dateline.start:a.dateline.end] == a.dateline.text


def check_example(a, body: str):
    spans_ok(a)
    text = a.text
    assert a.title.value == HEADLINE
    assert a.title.evidence.startswith("repeated line x") and int(a.title.evidence.rsplit("x", 1)[1]) >= 2
    assert body[a.title.start:a.title.end] == HEADLINE
    assert HEADLINE not in text
    sub = [text[s.start:s.end] for s in a.subheads]
    assert sub == ["Upcoming Putin-Biden Summit", "Joint Efforts in Regional Conflicts, Deals"]
    caps = [text[s.start:s.end] for s in a.captions]
    assert len(caps) == 2
    assert caps[0].startswith("U.S. Secretary of State Antony Blinken and Russian Foreign Minister")
    assert caps[0].endswith("May 19, 2021")
    assert caps[1] == ("Russian Foreign Minister Sergey Lavrov and US State Secretary Antony Blinken "
                       "during their meeting on the margins of the Arctic Council")
    pars = [text[s.start:s.end] for s in a.paragraphs]
    assert any(p.startswith("The Russian foreign minister noted that an agreement") for p in pars)
    assert not any("Arctic CouncilThe" in p for p in pars)
    # every article paragraph once, no debris
    for line in body.split("\n"):
        s = " ".join(line.split())
        if len(s) > 60 and s != HEADLINE and "CouncilThe" not in s:
            assert text.count(s) == 1, s
    lines = text.split("\n\n")
    for debris in ("0", "201", "Sourse: sputniknews.com", "0.00 (0%) 0 votes", ""):
        assert debris not in lines
    assert "Sourse" not in text and "votes" not in text and "\u00a0" not in text
    assert a.dateline.place == "REYKJAVIK" and a.dateline.agency == "Sputnik"
    assert a.dateline.text.startswith("REYKJAVIK (Sputnik)")
    assert [(c.outlet, c.domain, c.form) for c in a.credits] == [("Sputnik", "sputniknews.com", "source")]
    cr = a.credits[0]
    assert body[cr.start:cr.end] == "Sourse: sputniknews.com"
    assert ("unlabelled", "0") in {(c.label, c.value) for c in a.counters}
    assert ("unlabelled", "201") in {(c.label, c.value) for c in a.counters}
    assert {c.label for c in a.counters if c.line == "0.00 (0%) 0 votes"} == {"rating", "votes"}
    for c in a.counters:
        assert body[c.start:c.end] == c.line
    reasons = {r.text: r.reason for r in a.removed}
    assert reasons["Sourse: sputniknews.com"] == "credit"
    assert {"0", "201", "0.00 (0%) 0 votes", HEADLINE} <= set(reasons)
    for r in a.removed:
        assert body[r.start:r.end] == r.text
    direct = [(q.speaker, q.text) for q in a.quotes if q.kind == "direct"]
    assert len(direct) == 2
    assert "Lavrov" in direct[0][0] and direct[0][1].startswith("must cooperate in the areas")
    assert "Blinken" in direct[1][0] and direct[1][1].startswith("there are many areas")
    acc = [q for q in a.quotes if q.kind == "according-to"]
    assert len(acc) == 1 and "Ned Price" in acc[0].speaker
    assert acc[0].text.startswith("According to State Department spokesperson Ned Price")


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example absent")
def test_golden_example_standin():
    body = EXAMPLE.read_text(encoding="utf-8")
    check_example(build_article(doc(body), standin_lines(body)), body)


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example absent")
def test_golden_example_cleaner():
    body = EXAMPLE.read_text(encoding="utf-8")
    check_example(build_article(doc(body), real_lines(body)), body)


@pytest.fixture(scope="module")
def nlp():
    model = load_nlp()
    if model is None:
        pytest.skip("spaCy model not installed")
    return model


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example absent")
def test_golden_example_entities(nlp):
    body = EXAMPLE.read_text(encoding="utf-8")
    a = build_article(doc(body), standin_lines(body), nlp=nlp)
    ents = {(e.text, e.label) for e in a.entities}
    assert ("Sergey Lavrov", "PERSON") in ents and ("Antony Blinken", "PERSON") in ents
    assert any(e.text == "Reykjavik" and e.label == "GPE" for e in a.entities)
    for e in a.entities:
        assert a.text[e.start:e.end] == e.text and e.label in {"PERSON", "ORG", "GPE", "LOC", "NORP"}
    assert build_article(doc(body), standin_lines(body)).entities == ()
    assert find_entities("", nlp) == ()


def test_meta_title_byline_and_html_lines():
    lines = [Line("Big Story - Example News", -1, -1, True), Line("By Jane Doe", -1, -1, True),
             Line("WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill after a long night.", -1, -1, True),
             Line("Read more: Senators react to the vote", -1, -1, False, "related links")]
    meta = {"title": Found("Big Story - Example News", "meta og:title"),
            "published": Found("2021-05-19", "meta article:published_time")}
    a = build_article(RawDoc("d", "x.html", "", "html", "<html>"), lines, meta)
    assert a.title.evidence == "meta og:title" and a.published.evidence.startswith("meta")
    assert a.byline.value == "Jane Doe" and a.byline.evidence == "byline line"
    assert a.text.startswith("WASHINGTON (AP) —") and "Big Story" not in a.text and "Jane Doe" not in a.text
    assert a.dateline.agency == "AP" and a.dateline.start == 0
    assert {r.reason for r in a.removed} == {"headline", "byline", "related links"}
    assert a.method == "html:lines"


def test_wrapped_text_and_published_line():
    para = ("The committee met on Tuesday to discuss the new rules for the region and\n"
            "agreed that the changes would take effect next year, officials said after\n"
            "the meeting, which lasted more than four hours in the capital city today.\n")
    body = "Committee Agrees New Rules For Region\nPublished: 19.05.2021 14:30\n\n" + para + "\n" + para
    a = build_article(doc(body), standin_lines(body))
    assert len(a.paragraphs) == 2 and a.text.count("\n\n") == 1
    assert "rules for the region and agreed that" in a.text
    assert a.title.value == "Committee Agrees New Rules For Region" and a.title.evidence == "first line"
    assert a.published.value == "2021-05-19T14:30" and a.published.evidence == "published line"
    assert body[a.published.start:a.published.end] == "19.05.2021 14:30"


def test_headline_inside_widget_line():
    body = ("Markets Rally After Central Bank Holds Rates 4.5 (12%) 30 votes\n\n"
            "Stocks rose sharply on Thursday after the central bank kept interest rates unchanged.\n\n"
            "Traders said the decision was widely expected by the market.\n")
    lines = standin_lines(body)
    lines[0] = Line(lines[0].text, lines[0].start, lines[0].end, False, "rating widget")
    a = build_article(doc(body), lines)
    assert a.title.value == "Markets Rally After Central Bank Holds Rates"
    assert a.title.evidence == "widget line"
    assert {c.label for c in a.counters} == {"rating", "votes"}
    assert "Markets Rally" not in a.text


DATELINES = [
    ("REYKJAVIK (Sputnik) – Russian Foreign Minister", "REYKJAVIK", "Sputnik", None),
    ("MOSCOW, Nov 29 (Reuters) - Russia said on Monday", "MOSCOW", "Reuters", "--11-29"),
    ("WASHINGTON (AP) — The Senate voted", "WASHINGTON", "AP", None),
    ("PARIS (AFP) - France said", "PARIS", "AFP", None),
    ("BERLIN, 3. Mai (Reuters) - Die Regierung", "BERLIN", "Reuters", "--05-03"),
    ("МОСКВА, 29 ноя — РИА Новости. Президент России", "МОСКВА", "RIA Novosti", "--11-29"),
    ("(ANSA) - ROMA, 19 MAG - Il governo ha", "ROMA", "ANSA", "--05-19"),
    ("SÃO PAULO (Reuters) - O governo", "SÃO PAULO", "Reuters", None),
    ("MOSCOW, May 29. /TASS/. Russia's", "MOSCOW", "TASS", "--05-29"),
    ("KYIV, Ukraine (AP) — Russian forces", "KYIV", "AP", None),
    ("BEIJING, May 19 (Xinhua) -- China will", "BEIJING", "Xinhua", "--05-19"),
    ("Madrid, 19 may (EFE).- El Gobierno", "Madrid", "EFE", "--05-19"),
    ("BERLIN (dpa) - Die Bundesregierung", "BERLIN", "dpa", None),
    ("NEW DELHI (PTI) - The government", "NEW DELHI", "PTI", None),
    ("LONDON — Britain said on Monday", "LONDON", None, None),
]


@pytest.mark.parametrize("par,place,agency,date", DATELINES)
def test_datelines(par, place, agency, date):
    hit = find_dateline(par)
    assert (hit.place, hit.agency, hit.date) == (place, agency, date)
    assert par.startswith(hit.text) and par[hit.end:hit.end + 1] != "-"


@pytest.mark.parametrize("par", ["US President Joe Biden said", "NATO - the alliance said",
                                 "On Wednesday, Russian officials", "The US (and allies) - said"])
def test_not_datelines(par):
    assert find_dateline(par) is None


DATES = [
    ("May 19, 2021", "2021-05-19"), ("19.05.2021 14:30", "2021-05-19T14:30"),
    ("Published: May 19, 2021 at 2:30 pm", "2021-05-19T14:30"), ("19 мая 2021 г.", "2021-05-19"),
    ("3. Mai 2021", "2021-05-03"), ("19 de mayo de 2021", "2021-05-19"), ("1er mai 2021", "2021-05-01"),
    ("05/19/2021", "2021-05-19"), ("2021-05-19T10:20", "2021-05-19T10:20"), ("19 Mei 2021", "2021-05-19"),
    ("Wednesday, May 19, 2021", "2021-05-19"),
]


@pytest.mark.parametrize("line,iso", DATES)
def test_dates(line, iso):
    assert find_date(line).iso == iso
    assert date_line(line)[0] == iso


def test_not_date_lines():
    assert find_date("it may be 19 may be") is None
    assert date_line("Talks in Reykjavik, Iceland, May 19, 2021 went on for hours") is None
    assert date_line("Updated 20 May 2021")[1] == "updated line"


QUOTES = [
    ("“We will not accept this deal at all,” Lavrov said.", "Lavrov", "We will not accept this deal at all"),
    ("“We will not accept this deal,” said Sergey Lavrov.", "Sergey Lavrov", "We will not accept this deal"),
    ("President Joe Biden spoke.\n\nBiden told reporters: “We are ready to talk to anyone.”",
     "Joe Biden", "We are ready to talk to anyone"),
    ("«Мы готовы обсуждать любые вопросы с Вашингтоном», — сказал Лавров.", "Лавров",
     "Мы готовы обсуждать любые вопросы с Вашингтоном"),
    ("„Wir werden das nicht hinnehmen“, sagte Merkel am Montag.", "Merkel", "Wir werden das nicht hinnehmen"),
    ("A spokesman for the Kremlin said \"no decision has been made yet on this\".",
     "A spokesman for the Kremlin", "no decision has been made yet on this"),
]


@pytest.mark.parametrize("text,speaker,said", QUOTES)
def test_quotes(text, speaker, said):
    qs = [q for q in find_quotes(text, paragraph_spans(text)) if q.kind == "direct"]
    assert [(q.speaker, q.text) for q in qs] == [(speaker, said)]
    assert text[qs[0].start:qs[0].end] == said


def test_according_to_and_scare_quotes():
    text = "The deal was signed on Monday, according to Reuters. He called it a \"witch hunt\" again."
    qs = find_quotes(text, paragraph_spans(text))
    assert [(q.kind, q.speaker) for q in qs] == [("according-to", "Reuters")]
    assert qs[0].text == "The deal was signed on Monday, according to Reuters."


def test_pronoun_takes_previous_speaker():
    text = ("“We are ready for talks with everyone,” Lavrov said.\n\n"
            "“But the talks must be honest and fair,” he added.")
    qs = find_quotes(text, paragraph_spans(text))
    assert [q.speaker for q in qs] == ["Lavrov", "Lavrov"]


def test_captions_and_bylines():
    assert is_caption("Biden speaks in Washington. (AP Photo/Evan Vucci)")
    assert is_caption("Photo: Reuters") and is_caption("REUTERS/Kevin Lamarque")
    assert is_caption("© Sputnik / Vitaly Belousov")
    assert not is_caption("Upcoming Putin-Biden Summit")
    assert not is_caption("Lavrov watches YouTube videos with his colleagues at the ministry.")
    assert split_glued("Lavrov met Blinken at the YouTube headquarters in California today") is None
    assert split_glued("Pedestrians walk past the Kremlin wall in central MoscowThe ruble fell "
                       "sharply on Monday.") == len("Pedestrians walk past the Kremlin wall in central Moscow")
    assert parse_byline("By Jane Doe") == ("Jane Doe", None)
    assert parse_byline("Jane Doe | Reuters") == ("Jane Doe", "Reuters")
    assert parse_byline("Автор: Иван Петров") == ("Иван Петров", None)
    assert parse_byline("By Monday, the deal will be done.") is None
    assert parse_byline("Breaking News | World") is None


def test_byline_agency_is_a_credit():
    body = ("Jane Doe | Reuters\n\nThe central bank held rates on Thursday, citing steady inflation data.\n\n"
            "Analysts had expected the move after weeks of signals from policymakers.\n")
    a = build_article(doc(body), standin_lines(body))
    assert a.byline.value == "Jane Doe"
    assert [(c.outlet, c.form) for c in a.credits] == [("Reuters", "byline")]
    assert "Jane Doe" not in a.text


@pytest.mark.parametrize("line,found", [
    ("0", [("unlabelled", "0")]), ("201", [("unlabelled", "201")]),
    ("0.00 (0%) 0 votes", [("rating", "0.00"), ("votes", "0")]), ("1.2K views", [("views", "1.2K")]),
    ("15 comments", [("comments", "15")]), ("Rating: 4.5", [("rating", "4.5")]),
    ("Просмотров: 1 234", [("views", "1 234")]), ("12 likes | 3 shares", [("likes", "12"), ("shares", "3")]),
    ("It was 201", []), ("1.5 million", []), ("May 19, 2021", []),
])
def test_counters(line, found):
    assert parse_counters(line) == found


def test_meta_title_with_site_suffix_drops_bare_headline_line():
    body = ("Russian-US Talks Go Ahead in Geneva\n\nTalks between the two delegations began on Monday "
            "in Geneva and are expected to last two days.\n")
    meta = {"title": Found("Russian-US Talks Go Ahead in Geneva | Example News", "meta og:title")}
    a = build_article(doc(body), standin_lines(body), meta)
    assert a.title.value.endswith("| Example News")
    assert a.text.startswith("Talks between") and [r.reason for r in a.removed] == ["headline"]


def test_repeated_hyphenated_headline_is_not_cut():
    title = "Lavrov Hopes for Better Russian-US Relations"
    body = f"{title}\n\n{title} - Example News\n\n" + "The minister spoke after the meeting in Iceland on Wednesday. " * 3
    a = build_article(doc(body), standin_lines(body))
    assert a.title.value == title and a.title.evidence == "repeated line x2"
    assert title not in a.text


BODY_LINES = [
    "The regional council approved a new budget for the harbour district on Monday evening, "
    "after a debate that lasted well into the night and drew a large crowd.",
    "Officials said the plan would raise spending on ferries by twelve percent next year, "
    "most of it paid from a regional transport fund approved by voters.",
]


def _head(*above: str):
    """An article whose cleaner dropped the lines above its two body paragraphs."""
    texts = [*above, *BODY_LINES]
    lines, pos = [], 0
    for k, t in enumerate(texts):
        keep = k >= len(above)
        lines.append(Line(t, pos, pos + len(t), keep, "" if keep else "navigation"))
        pos += len(t) + 1
    return build_article(doc("\n".join(texts)), lines)


@pytest.mark.parametrize("line, name, evidence", [
    ("By Jane Roe", "Jane Roe", "byline line above the body"),
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "Chris Davies", "name and date above the body"),
    ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", "Joe Rossignol",
     "name and date above the body"),
    ("Tom Krisher, AP Auto Writer", "Tom Krisher", "name and role above the body"),
])
def test_byline_the_cleaner_dropped_above_the_body(line, name, evidence):
    a = _head("Council approves harbour budget", line)
    assert a.byline is not None and (a.byline.value, a.byline.evidence) == (name, evidence)


def test_bare_name_next_to_a_date_line_and_what_is_no_byline():
    a = _head("Council approves harbour budget", "Sarah E. Needleman", "Nov. 19, 2019 5:30 am ET")
    assert a.byline.value == "Sarah E. Needleman"
    for lines in (("Top Stories", "Nov. 19, 2019"), ("World News", "Nov. 19, 2019"),
                  ("Sarah E. Needleman",)):  # a menu label, a section, a name with no date
        assert _head("Council approves harbour budget", *lines).byline is None, lines


def test_published_date_above_the_body_beats_one_further_up():
    a = _head("Thursday, November 21, 2019", "Menu", "Council approves harbour budget",
              "First Published: Tuesday, November 19, 2019 08:38 AM")
    assert a.published.value.startswith("2019-11-19")
    a = _head("Council approves harbour budget", "Chris Davies - Nov 19, 2019, 10:31 pm CST")
    assert a.published.value.startswith("2019-11-19")
    assert a.published.evidence == "date above the body"


def test_a_page_with_only_a_header_date_gets_it_as_weak():
    from newstrace.clean.dates import WEAK_DATE, firm_published

    texts = ["Weather 12°C Thursday, November 21, 2019", *[f"Menu item {k}" for k in range(20)]]
    a = _head(*texts)
    assert a.published.value == "2019-11-21" and a.published.evidence == WEAK_DATE
    assert firm_published(a) is None  # not used to order copies
    assert firm_published(_head("Council approves harbour budget", "By Jane Roe",
                                "Nov 19, 2019")) == "2019-11-19"


def test_byline_cut_apart_at_a_link():
    for above in (("By", "Tim Childers"), ("Monday November 18, 2019 7:45 am PST by", "Tim Childers")):
        a = _head("Council approves harbour budget", *above)
        assert a.byline is not None and a.byline.value == "Tim Childers", above
