"""The rules that overrule the text cleaner's line model, on made-up pages.

Where a rule must be seen apart from what the shipped model scores, the page is read
with a stub model whose scores the test sets.
"""

from __future__ import annotations

import numpy as np
from test_clean_text import PROSE as STORY

from newstrace.clean import fragments
from newstrace.clean import lines as L
from newstrace.clean import text as T
from newstrace.clean.comments import is_policy, policy_lines

PROSE = STORY[:4]
SIDEBAR = [
    "Click on the photo of our columnist and read all of his columns about the season so far.",
    "Read the preview of the next race with the times of every session and the weather forecast.",
    "Every episode of our weekly podcast is now online, with guests from all the teams.",
]
POLICY = [
    "Comments are subject to our community guidelines, which can be viewed here.",
    "You must be logged in to post a comment.",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "ATENÇÃO: Comentários com textos ofensivos não serão aprovados pelo moderador.",
    "Los comentarios ofensivos serán eliminados y no serán publicados.",
    "Kommentare werden vor der Veröffentlichung moderiert.",
    "Devi essere connesso per inviare un commento.",
]
REPORTED = [
    "The company declined to comment on the new rules.",
    "He did not immediately respond to a request for comment about the deleted posts.",
    "O ministério não quis comentar as novas regras.",
    "As the newspaper commentary was published, police surrounded the campus.",
    "Officials said the rules would be published next week, and no one would comment.",
]


class Stub:
    """A line model whose score for each line is `score(text)`."""

    threshold = 0.5

    def __init__(self, score):
        self.score = score

    def scores(self, page):
        return np.array([self.score(t) for t in page.texts], dtype=float)


def by_text(lines):
    return {ln.text: ln for ln in lines}


def test_comment_policy_lines_are_told_from_reported_comments():
    assert all(map(is_policy, POLICY))
    assert not any(map(is_policy, REPORTED))
    long = "Comments are moderated. " + " ".join(["word"] * 70)
    assert not is_policy(long)  # a paragraph, not a note
    assert policy_lines([PROSE[0], POLICY[0], REPORTED[0]]).tolist() == [False, True, False]


def test_a_comment_policy_line_starts_the_comment_section():
    text = "\n".join([*PROSE, POLICY[0], *SIDEBAR])
    page = L.build_page(text)
    keep = np.array([t in PROSE or t in SIDEBAR for t in page.texts])
    policy = policy_lines(page.texts)
    assert T._comment_start(page, keep, policy) == page.texts.index(POLICY[0])
    # no article above it (fewer than COMMENT_ABOVE words kept): no section
    keep[:len(PROSE)] = False
    assert T._comment_start(page, keep, policy) == len(keep)
    # in the cleaner: a sidebar the model keeps below the note is dropped, the story stays
    model = Stub(lambda t: 0.9 if t in PROSE or t in SIDEBAR else 0.1)
    lines = by_text(T.classify_lines(text, model=model))
    assert all(lines[p].keep for p in PROSE)
    assert not any(lines[s].keep for s in [POLICY[0], *SIDEBAR])


def test_kept_blocks_do_not_reach_past_a_comment_policy_line():
    # the model keeps nothing: the fallback keeps the densest prose block, here the note
    # and a sidebar under it; the story under the headline is a table of short lines
    title = "Championship standings after round 36"
    table = ["Pos.", "Driver", "Points", *(f"{k}\nDriver Number {k}\n{5040 - 7 * k}" for k in range(1, 9))]
    notes = ["Here you will always find the standings updated after the last race.",
             "Save this page and come back after every race!"]
    text = "\n".join([f"{title} | Racing Site", "Home", "Standings", "Forum", title,
                      "Share this on WhatsApp", *notes, *table, "Share this on WhatsApp",
                      POLICY[3], *SIDEBAR, "Privacy Policy", "Contact"])
    lines = T.classify_lines(text, model=Stub(lambda t: 0.1))
    got = by_text(lines)
    assert not got[POLICY[3]].keep and not any(got[s].keep for s in SIDEBAR)
    assert got[notes[1]].keep and got["Driver Number 8"].keep and got["Points"].keep  # the story
    assert not got["Privacy Policy"].keep


def test_the_story_under_the_headline_is_kept_when_nothing_else_is():
    title = "Standings after the final race"
    table = [f"{k}\nDriver Number {k}\n{300 - k}" for k in range(1, 12)]
    text = "\n".join([title, "Home", title, *table, "Share this on WhatsApp", "Privacy Policy"])
    page = L.build_page(text)
    none = np.zeros(len(page.texts), dtype=bool)
    added = T._story_under_headline(page, none, policy_lines(page.texts)).nonzero()[0]
    # a block from the first rows (a few short ones may read as the header) down to the
    # share buttons
    assert len(added) >= 25 and (np.diff(added) == 1).all()
    assert page.texts[added[-1]] == "289" and page.texts[added[-1] + 1] == "Share this on WhatsApp"


INLINE = ["This holiday season I made a batch of", "honey pear jam",
          "for friends, and the recipe takes less than an hour from start to finish.",
          "Most studies found that fasting raised the risk of binge eating (", "1", ").",
          "Other researchers have", "said", "that the effect is small, and that it fades after a few weeks."]


def test_pieces_of_a_sentence_cut_at_links_are_no_headline_or_counter():
    title = "Honey Pear Jam"
    text = "\n".join([title, "Home", title, *INLINE, "201", "12 Comments", "jane says:", "Great recipe!",
                      "bob says:", "Thanks.", "amy says:", "Lovely.", "tom says:", "Yum."])
    page = L.build_page(text)
    pieces = fragments.rebuilt_lines(page)
    at = page.texts.index
    assert pieces[at("honey pear jam")] and pieces[at("1")] and pieces[at("said")]
    assert not pieces[at("201")] and not pieces[2]
    head = T._headline_copies(page)
    assert head[2] and not head[at("honey pear jam")]  # the headline repeated, not the piece
    drop = T._hard_drop(page, page.chars, head, T._buttons(page))
    assert drop[at("201")] and not drop[at("1")]  # a counter alone, not a note's number


def test_an_ellipsis_under_a_paragraph_is_the_writers_own():
    cut = ["The council will decide next month whether the new routes should also serve the "
           "airport, a move that …",
           "Residents of the northern suburbs have long asked for better connections to the "
           "centre, and the plan ..."]
    own = ["And when they finally met the mayor, the residents heard the one answer nobody there expected …",
           "So the plan goes on, and the buses will run by spring, whatever the critics may say about it …"]
    titles = ["New Routes Could Reach The Airport", "Suburbs Want Better Links"]
    text = "\n".join([PROSE[0], own[0], PROSE[1], own[1], PROSE[2], "More news", titles[0], cut[0],
                      titles[1], cut[1]])
    page = L.build_page(text)
    out = T._cut_snippets(page)
    flagged = {page.texts[i] for i in out.nonzero()[0]}
    assert flagged == {*cut, *titles}


def test_a_page_made_only_of_share_buttons_and_labels_cleans():
    from newstrace.clean.text import classify_lines

    lines = classify_lines("Facebook Twitter Email\nTags:\nShare this story")
    assert [x.keep for x in lines] == [False, False, False]
