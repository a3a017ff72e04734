"""Text-mode body cleaner: the example page, synthetic pages, model I/O, site templates."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from newstrace.clean import charclass as C
from newstrace.clean import cues
from newstrace.clean import lines as L
from newstrace.clean import text as text_mod
from newstrace.clean.lists import numbered_list
from newstrace.clean.text import (
    WEAK_RUN,
    TextModel,
    TreeEnsemble,
    _weak_runs,
    classify_lines,
    common_site_lines,
    kept_text,
    line_key,
    load_model,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLE = SHARED / "examples" / "republished-article.txt"
DUMPS = SHARED / "data" / "extraction" / "textdump.jsonl"

PROSE = [
    "The city council voted on Tuesday to expand the bus network, adding three new routes "
    "that will connect the northern suburbs with the central station by next spring.",
    "Officials said the plan would cost about 40 million dollars over five years, most of it "
    "paid from a regional transport fund that was approved by voters last year.",
    "Critics argued that the money would be better spent on repairing existing roads, and "
    "several residents spoke against the proposal during a long public hearing.",
    "The mayor defended the vote, saying that better public transport was the only way to "
    "reduce traffic in the centre and to meet the city's climate targets.",
    "Construction of the first new stops is expected to begin in January, the council said.",
]
NAV = ["Home", "News", "Sport", "Business", "Opinion", "Culture", "Weather", "Contact Us"]
FOOTER = ["Share on Facebook", "Tweet", "© 2021 Example Times. All rights reserved.",
          "Privacy Policy", "We use cookies to improve your experience."]


def synthetic_page(title: str = "Council expands bus network") -> str:
    return "\n".join([f"{title} | Example Times", *NAV, title, "By Jane Roe", "12", *PROSE,
                      *FOOTER, "Related", "Ten things to do this weekend", "Best pizza in town"])


def by_text(lines):
    return {ln.text: ln for ln in lines}


@pytest.mark.skipif(not EXAMPLE.exists(), reason="needs /work/shared examples")
def test_example_page_keeps_article_and_drops_debris():
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = classify_lines(text)
    for ln in lines:
        assert text[ln.start:ln.end] == ln.text
    got = by_text(lines)
    headline = "Lavrov Hopes Putin, Biden Will Determine Further Steps to Improve Russian-US Relations"
    heads = [ln for ln in lines if ln.text == headline]
    assert len(heads) == 5 and not any(ln.keep for ln in heads)
    assert all(ln.reason == "repeated headline" for ln in heads)
    for debris in ("0", "201", "0.00 (0%) 0 votes"):
        assert not got[debris].keep and got[debris].reason
    assert any(not ln.keep and ln.text.strip() == "" for ln in lines)  # the nbsp line
    for kept in ("Upcoming Putin-Biden Summit", "Joint Efforts in Regional Conflicts, Deals"):
        assert got[kept].keep
    paragraphs = [ln for ln in lines if len(ln.text.split()) >= 12 and ln.text != headline]
    assert len(paragraphs) >= 12 and all(ln.keep for ln in paragraphs)  # prose and captions


def test_synthetic_page_drops_nav_footer_and_counters():
    text = synthetic_page()
    lines = classify_lines(text)
    got = by_text(lines)
    assert [ln.text for ln in lines if ln.keep][:len(PROSE)] == PROSE or all(
        got[p].keep for p in PROSE)
    for debris in NAV + ["12", "Tweet", "Share on Facebook"]:
        assert not got[debris].keep, debris
    assert got["© 2021 Example Times. All rights reserved."].reason == "copyright"
    assert got["12"].reason == "counter"
    assert not got["Council expands bus network"].keep
    assert got["Council expands bus network"].reason == "repeated headline"
    assert all(ln.reason for ln in lines if not ln.keep)


def test_inline_split_fragments_are_kept_with_their_sentence():
    split = [
        "Officials said the plan would cost about 40 million dollars, according to",
        "Reuters",
        ", and most of it comes from a regional transport fund approved last year.",
    ]
    text = "\n".join(NAV + PROSE[:2] + split + PROSE[2:] + FOOTER)
    got = by_text(classify_lines(text))
    assert all(got[s].keep for s in split)
    assert not got["Contact Us"].keep


def test_offsets_blank_lines_and_empty_input():
    text = "\n\n  Home  \n\t\n" + "\n\n".join(PROSE) + "\n"
    lines = classify_lines(text)
    assert len(lines) == len(PROSE) + 1
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)
    assert classify_lines("") == [] and classify_lines("\n \n") == []
    assert kept_text(lines).count("\n") == len(PROSE) - 1


def test_single_long_paragraph_page_is_not_emptied():
    text = "\n".join(NAV * 3 + [PROSE[0] + " " + PROSE[1]] + NAV)
    kept = [ln.text for ln in classify_lines(text) if ln.keep]
    assert kept == [PROSE[0] + " " + PROSE[1]]


def test_site_template_lines():
    topics = ["buses", "parks", "schools", "taxes", "bridges"]
    pages = [synthetic_page(f"Council story about {t} and more") for t in topics]
    common = common_site_lines(pages, min_share=0.6, min_docs=3)
    assert line_key("Contact Us") in common and line_key(PROSE[0]) in common
    assert line_key("Council story about parks and more") not in common
    assert line_key("  contact   us ") == line_key("Contact Us")
    lines = classify_lines("\n".join(["Weekly Digest Promo", *PROSE]),
                           common_lines={line_key("Weekly Digest Promo")})
    assert lines[0].reason == "site template" and not lines[0].keep
    assert common_site_lines(pages[:2]) == set()  # under min_docs


def _walk(trees: TreeEnsemble, x: np.ndarray) -> float:
    raw = trees.baseline
    for node in trees.roots.tolist():
        while trees.feature[node] >= 0:
            left = x[trees.feature[node]] <= trees.threshold[node]
            node = int(trees.left[node] if left else trees.right[node])
        raw += trees.value[node]
    return 1.0 / (1.0 + math.exp(-raw))


def test_model_round_trip_and_tree_evaluation(tmp_path):
    model = load_model()
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    again = load_model(str(path))
    page = L.build_page(synthetic_page())
    assert np.allclose(model.scores(page), again.scores(page), atol=1e-5)
    # a hand-made stump: x0 <= 1 -> -2, else +2
    stump = TreeEnsemble(np.array([0, -1, -1]), np.array([1.0, 0, 0]), np.array([1, 1, 2]),
                         np.array([2, 1, 2]), np.array([0.0, -2.0, 2.0]), np.array([0]), 1, 0.0)
    p = stump.predict(np.array([[0.5], [3.0]]))
    assert p[0] < 0.2 and p[1] > 0.8
    # the vectorised walk gives what a walk node by node gives, on every line
    X = page.X
    assert np.allclose(model.trees.predict(X), [_walk(model.trees, x) for x in X], rtol=0, atol=1e-12)
    bad = model.to_dict() | {"n_features": 3}
    with pytest.raises(Exception, match="retrain"):
        TextModel.from_dict(bad)


@pytest.mark.skipif(not DUMPS.exists(), reason="needs /work/shared extraction data")
def test_non_english_dump_keeps_its_body():
    rows = [json.loads(x) for x in DUMPS.read_text(encoding="utf-8").splitlines()]
    for lang in ("ru", "ja", "ko", "de"):
        row = next(r for r in rows if r["lang"] == lang)
        kept = kept_text(classify_lines(row["text_dump"]))
        gold_words = set(row["gold_text"].split())
        kept_words = kept.split()
        assert kept_words, lang
        assert sum(w in gold_words for w in kept_words) / len(kept_words) > 0.5, lang


COMMENTS = ["12 Comments", "jane_doe says:", "November 19, 2019 at 6:34 am",
            "I think the council is wasting money on this plan, the roads are a mess already.",
            "Reply", "bob77 says:", "November 19, 2019 at 7:02 am",
            "Finally some good news for people who commute from the north every single day.",
            "Reply", "Leave a Reply"]


def test_reader_comments_below_the_article_are_dropped():
    text = "\n".join(NAV + PROSE + COMMENTS + FOOTER)
    lines = classify_lines(text)
    got = by_text(lines)
    assert all(got[p].keep for p in PROSE)
    assert not any(got[c].keep for c in COMMENTS)
    page = L.build_page(text)
    marks = [page.texts[i] for i in np.flatnonzero(L.comment_marks(page.X))]
    assert marks == ["12 Comments", "jane_doe says:", "Reply", "bob77 says:", "Reply",
                     "Leave a Reply"]
    # marks with no article above them cut nothing
    assert L.comment_marks(L.build_page("He said:\nno.").X).tolist() == [1.0, 0.0]
    assert all(got[p].keep for p in PROSE) and all(
        ln.keep for ln in classify_lines("\n".join(NAV + COMMENTS + PROSE)) if ln.text in PROSE)


def test_an_article_shown_twice_is_kept_once():
    recap = PROSE[:3]
    text = "\n".join(NAV + PROSE + ["Read the full recap"] + recap + FOOTER)
    lines = classify_lines(text)
    kept = [ln.text for ln in lines if ln.keep]
    assert kept[:len(PROSE)] == PROSE
    assert all(kept.count(p) == 1 for p in recap)
    assert {ln.reason for ln in lines[len(NAV) + len(PROSE) + 1:][:3]} == {"repeated line"}
    # one recurring line (an interview's question) stays each time
    q = "What did the council decide about the new bus routes in the north?"
    text = "\n".join(NAV + [q, PROSE[0], q, PROSE[1], q, PROSE[2]])
    assert [ln.text for ln in classify_lines(text) if ln.keep].count(q) == 3


@pytest.mark.skipif(not DUMPS.exists(), reason="needs /work/shared extraction data")
def test_page_wide_cues_match_line_by_line_cues():
    rows = [json.loads(x) for x in DUMPS.read_text(encoding="utf-8").splitlines()[:40]]
    for row in rows:
        texts = L.split_lines(row["text_dump"])[0]
        nws = np.array([len(cues.WORD.findall(t)) for t in texts])
        want = np.zeros((len(texts), len(cues.CUE_CATS)), dtype=np.int64)
        for i, t in enumerate(texts):
            for cat in cues.line_cues(t, cues.WORD.findall(t)):
                want[i, cues.CUE_CATS.index(cat)] = 1
        assert (cues.page_cues(texts, nws) == want).all(), row["id"]
        # the fast path: words cut from the page's code points, CJK needles only with CJK
        cp, bits = C.char_bits(row["text_dump"])
        _, starts, ends = L.split_lines(row["text_dump"])
        spans = (cp, (bits & C.W) != 0, np.array(starts), np.array(ends))
        cjk = np.array([len(C.CJK_CHARS.findall(t)) for t in texts])
        assert (cues.page_cues(texts, nws, cjk, spans) == want).all(), row["id"]


def test_glued_inline_elements_are_counted():
    text = "Short oneA\nThe council met on TuesdayMayor Smith spoke.Then the vote came in.\nok"
    page = L.build_page(text)
    glue = page.X[:, L.N_OWN + 22]
    assert glue.tolist() == [0.0, 2.0, 0.0]


TEASERS = [
    "Police Arrest Two After Downtown ShootingTwo men were taken into custody on Monday after "
    "a shooting near the central station left one person injured.",
    "Customers Leave Without Paying $690 Bill At SteakhouseA party of six left the restaurant "
    "without paying, the owner said in a post that was shared widely.",
    "City To Mail Applications To 250,000 VotersThe city will mail the forms next week, "
    "officials said, and residents can also apply online.",
]


def test_glued_teaser_headlines_are_found_and_dropped():
    brand = ("Reporters said the state is investigating WeWork and its former chief executive "
             "over a series of deals.")
    text = "\n".join([*PROSE[:3], brand, *PROSE[3:], "Latest Headlines", *TEASERS])
    page = L.build_page(text)
    heads = [page.texts[i] for i in page.teaser.nonzero()[0].tolist()]
    assert heads == TEASERS  # Title Case head glued to a summary; not a brand in prose
    lines = by_text(classify_lines(text))
    assert all(lines[p].keep for p in PROSE) and lines[brand].keep
    assert not any(lines[t].keep for t in TEASERS)
    assert {lines[t].reason for t in TEASERS} <= {"related links", "low score"}
    # one glued headline alone is not a teaser list
    one = by_text(classify_lines("\n".join([*PROSE, TEASERS[0]])))
    assert L.glued_heads(*C.char_bits(TEASERS[0]), np.array([0]), np.array([len(TEASERS[0])]))[0]
    assert sum(ln.keep for ln in one.values()) >= len(PROSE)


def test_summaries_cut_with_an_ellipsis_are_dropped():
    cut = ["The council will decide next month whether the new routes should also serve the "
           "airport, a move that …",
           "Residents of the northern suburbs have long asked for better connections to the "
           "centre, and the plan ..."]
    pause = "And then the mayor said it …"
    titles = ["New Routes Could Reach The Airport", "Suburbs Want Better Links"]
    text = "\n".join([*PROSE[:2], pause, *PROSE[2:], "More news", titles[0], cut[0], titles[1],
                      cut[1]])
    lines = by_text(classify_lines(text))
    assert all(lines[p].keep for p in PROSE)
    assert not any(lines[c].keep for c in cut + titles)
    # a single cut line is left to the model
    alone = by_text(classify_lines("\n".join([*PROSE, cut[0]])))
    assert alone[cut[0]].reason != "related links"


def test_runs_of_doubtful_lines_alone_are_dropped():
    q = np.array([0.9, 0.55, 0.1, 0.52, 0.58, 0.2, 0.3, 0.7, 0.51, 0.0, 0.55])
    keep = q >= 0.5
    out = _weak_runs(q, keep)
    # runs: [0.9, 0.55] has a sure line, [0.52, 0.58] and [0.55] do not, [0.7, 0.51] does
    assert out.tolist() == [True, True, False, False, False, False, False, True, True, False, False]
    assert not (out & ~keep).any()  # only ever drops
    assert _weak_runs(np.full(3, WEAK_RUN), np.ones(3, dtype=bool)).all()
    # a page of prose with one stray doubtful line in its footer keeps its prose
    lines = by_text(classify_lines("\n".join([*NAV, *PROSE, *FOOTER])))
    assert all(lines[p].keep for p in PROSE)


def test_share_button_rows_and_section_labels_between_paragraphs_are_dropped():
    buttons = ["WhatsApp Reddit Print Share Telegram", "Facebook Twitter Email", "Tags:",
               "Share this story", "Related Topics"]
    page = [PROSE[0], buttons[0], PROSE[1], buttons[1], PROSE[2], buttons[2], PROSE[3],
            PROSE[4], buttons[3], buttons[4]]
    lines = by_text(classify_lines("\n".join(page)))
    assert all(lines[p].keep for p in PROSE)
    assert not any(lines[b].keep for b in buttons)
    assert lines[buttons[0]].reason == "share buttons"
    # a sentence that names the networks, and a line that only starts like a label, stay
    named = ("The minister posted the video on Facebook and Twitter before the meeting, "
             "and it was shared thousands of times within an hour.")
    label_like = "Tags and labels on food packaging must now show the country of origin, the ministry said."
    lines = by_text(classify_lines("\n".join([PROSE[0], named, PROSE[1], label_like, PROSE[2]])))
    assert lines[named].keep and lines[label_like].keep


def test_widget_headers_and_legal_link_rows_are_dropped():
    from newstrace.clean.lines import build_page
    from newstrace.clean.text import _buttons

    debris = ["Most read", "You may also like", "Privacy Policy | Terms of Use | Contact",
              "About us · Advertise · Cookies · Sitemap"]
    page = [PROSE[0], PROSE[1], debris[0], PROSE[2], PROSE[3], debris[1], debris[2], debris[3]]
    lines = by_text(classify_lines("\n".join(page)))
    assert all(lines[p].keep for p in PROSE[:4])
    assert not any(lines[d].keep for d in debris)
    # dropped whatever the model says (a footer row right under the story can score as text)
    flagged = _buttons(build_page("\n".join(page)))
    assert flagged.tolist() == [False, False, True, False, False, True, True, True]
    # a row of names with "|" that holds no legal link, and prose naming the terms, stay
    kept = "The terms of use changed in May | the ministry said | and users were told by email."
    lines = by_text(classify_lines("\n".join([PROSE[0], kept, PROSE[1]])))
    assert lines[kept].keep


def test_numbered_list_that_goes_on_from_the_article_is_kept():
    items = ["1) Lego Star Wars Resistance Bomber", "http://amzn.to/2iJFhRj",
             "2) Polistil electric race track", "http://amzn.to/2hZfWFJ",
             "3) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)", "http://amzn.to/2hWEIX7",
             "4) Ghostbusters Collection 1-2 (Steelbook)", "http://amzn.to/2B4BNPS"]
    intro = [PROSE[0], "Here are the deals we picked for you this year:"]

    def listed(texts, kept):
        page = L.build_page("\n".join(texts))
        keep = np.isin(np.arange(len(texts)), kept)
        return [t for t, x in zip(texts, numbered_list(page, keep), strict=True) if x]

    texts = [*intro, *items, *FOOTER]
    assert listed(texts, [0, 1]) == items  # items, the lines between them and after the last
    assert listed(texts, [0]) == items  # one dropped line between article and list
    assert listed(texts, []) == []  # no article above it: a sidebar's list
    far = [*intro, *FOOTER, *NAV, *items]
    assert listed(far, [0, 1]) == []  # far below the article
    odd = [*intro, items[0], items[1], items[4], items[5], items[2], items[3]]
    assert listed(odd, [0, 1]) == []  # numbers out of order
    # in the cleaner: a list the model doubts is kept after the article's intro
    lines = by_text(classify_lines("\n".join([*NAV, *PROSE[:3], intro[1], *items, *FOOTER])))
    assert all(lines[i].keep for i in items) and not lines["Privacy Policy"].keep


def test_links_to_the_comments_feed_start_no_comment_section():
    # a blog sidebar's menu ("Comments feed", "RSS - Comments") above the story is no
    # reader-comment section: the story below it stays
    feeds = ["Entries feed", "Comments feed", "Comments RSS", "RSS - Comments", "Comments Feed"]
    text = "\n".join(NAV + PROSE[:2] + feeds + PROSE[2:] + FOOTER)
    page = L.build_page(text)
    marks = [page.texts[i] for i in np.flatnonzero(L.comment_marks(page.X))]
    assert len(marks) > 3  # they read as comment marks, one by one
    keep = np.array([t in PROSE for t in page.texts])
    assert text_mod._comment_start(page, keep) == len(keep)
    # real comment marks below the story still cut
    text = "\n".join(NAV + PROSE + COMMENTS + FOOTER)
    page = L.build_page(text)
    keep = np.array([t in PROSE for t in page.texts])
    assert text_mod._comment_start(page, keep) == page.texts.index("12 Comments")
