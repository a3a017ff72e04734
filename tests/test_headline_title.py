"""Headline in text mode: the page title's reworded copy, the line heading the story
over an author's name printed by every story card, the <title> itself as a last resort."""

from newstrace.clean.headline import find_headline, head_line
from newstrace.records import Line

BODY = ("In a press release, the agency said it was ordered by a court to end subsidies "
        "for grain exports before the end of the current season, officials said on Friday.")


def page(*texts, kept_from=None):
    """Lines of a made-up page: the body lines are kept, the others dropped."""
    texts = list(texts) + [BODY, BODY.upper()]
    first = len(texts) - 2 if kept_from is None else kept_from
    out, pos = [], 0
    for n, text in enumerate(texts):
        keep = n >= first
        out.append(Line(text, pos, pos + len(text), keep, "" if keep else "low score"))
        pos += len(text) + 1
    return out


MENU = ("Markets", "Futures & Commodities", "Bonds", "Markets", "Futures & Commodities", "Bonds")


def test_reworded_copy_of_the_page_title_is_the_headline():
    """The <title> is a shorter wording of the headline the page prints above the story;
    a repeated menu item is not the headline."""
    head = ("Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to expand "
            "airline by early 2020s")
    lines = page("Emirates inks order for 30 Boeing 787 jets, talks expansion plans", *MENU,
                 "Dubai Airshow", head, "Published Wed, Nov 20 2019 4:29 AM EST", "Natasha Turak")
    found, copies = find_headline(lines)
    assert found.value == head and found.evidence == "line repeating the page title"
    assert copies == {8}


def test_reworded_copy_in_another_language():
    head = "Governo anuncia novo plano de R$ 2 bilhões para escolas públicas do interior"
    lines = page("Governo anuncia novo plano para escolas públicas | Folha", "Últimas notícias",
                 "Últimas notícias", head, "20.11.2019 10h30")
    found, _ = find_headline(lines)
    assert found.value == head


def test_a_related_story_on_the_same_topic_is_no_copy_of_the_title():
    """Few shared words: a related link above the story is not taken for the headline."""
    lines = page("Emirates inks order for 30 Boeing 787 jets, talks expansion plans - CNBC",
                 "Airbus wins increased order from Saudi carrier for 90 jets", "Natasha Turak")
    found, _ = find_headline(lines)
    assert found is None or "Airbus" not in found.value


def test_whole_title_piece_in_any_shape_is_the_headline():
    """A piece of the <title> that the page prints is the headline though it ends in a period
    or opens with a bracket; a two-word site name piece yields to the longer one."""
    for head in ("South Dakota doubles down on ‘Meth. We’re on it.’ They just might be.",
                 "[The Palace: Tale of Jang Noksu] More Reviews from KLOOK Visitors!"):
        lines = page(f"{head} - Example News", "Example News", "Menu", head, "Nov. 19, 2019")
        found, copies = find_headline(lines)
        assert found.value == head, head
        assert copies == {0, 3}


def test_title_case_headline_is_not_refused_as_a_name():
    lines = page("Royal Self-Indicting Arrogance - Sputnik International", "Sputnik International",
                 "Log in", "Royal Self-Indicting Arrogance", "21:17 18.11.2019")
    found, _ = find_headline(lines)
    assert found.value == "Royal Self-Indicting Arrogance"


def test_author_named_in_the_title_is_not_the_headline():
    """"Headline - Jane Doe | Site": the page prints the name as its byline."""
    lines = page("Why the rates rose again this autumn - Jane Doe | Example News", "Jane Doe",
                 "Nov. 19, 2019")
    found, _ = find_headline(lines)
    assert found is None or found.value != "Jane Doe"


def test_author_name_each_story_card_prints_yields_to_the_line_heading_the_story():
    cards = []
    for title, when in (("Judge blocks the new rule on printed guns again", "11/13/19 11:00AM"),
                        ("Allow me to criticize the earbuds, which I love", "11/13/19 9:00AM"),
                        ("A brief explanation of the scary new phone bug", "11/12/19 4:40PM")):
        cards += [title, "Adam Clark Estes", when]
    head = "The Future of Apple Innovation Is Backwards"
    lines = page("Apple's 16-Inch MacBook Pro Has a Familiar Keyboard", *cards, head,
                 "Adam Clark Estes", "Monday 5:30PM", "Filed to:innovation", "84.1K", "108",
                 "Photo: iFixit")
    assert head_line(lines, len(lines) - 2) == 10
    found, copies = find_headline(lines)
    assert found.value == head and found.evidence == "line heading the story"
    assert 10 in copies and 11 not in copies


def test_repeated_date_line_is_no_headline():
    head = "South Dakota says its meth campaign is working"
    lines = page("Welcome to the network experience", head, "Lisa Kaczke and Trevor J. Mitchell",
                 "Published 10:02 AM EST Nov 19, 2019", kept_from=4)
    lines += [Line("Published 10:02 AM EST Nov 19, 2019", 900, 935, False, "repeated line")]
    found, _ = find_headline(lines)
    assert found is not None and "Published" not in found.value


def test_page_title_when_nothing_on_the_page_heads_the_story():
    """The first line is the <title>: taken without its site tail; one without a site name
    is taken whole and marks no row (it may be the <title> alone)."""
    lines = page("Meth campaign is working, governor says | Example News", "Menu", "Log in")
    found, copies = find_headline(lines)
    assert found.value == "Meth campaign is working, governor says"
    assert found.evidence == "page title (first line)" and copies == {0}
    lines = page("'Meth. We're On It': South Dakota campaign is working, Noem says",
                 "Sign up", "Menu", "Log in", "Search", "Help", "Contact", kept_from=7)
    found, copies = find_headline(lines)
    assert found.value == "'Meth. We're On It': South Dakota campaign is working, Noem says"
    assert copies == set()
    dated = page("October 12, 2018 in Promotion by admin", "Menu", "Log in")
    assert find_headline(dated)[0] is None


def test_line_heading_the_story_stops_at_other_text():
    """The walk up from the story passes a byline, a date and one standfirst, not a paragraph."""
    lines = page("The Wild Story of How a Star Wrote the Best Song of the Year",
                 "She went under the knife for a routine surgery and woke up a songwriter.",
                 "David Ehrlich", "Nov 19, 2019 12:00 pm", "@davidehrlich", kept_from=5)
    assert head_line(lines, 5) == 0
    lines = page("The Wild Story of How a Star Wrote the Best Song of the Year", BODY,
                 "She went under the knife for a routine surgery and woke up a songwriter.",
                 "David Ehrlich", kept_from=4)
    assert head_line(lines, 4) is None


def test_a_menu_line_is_never_the_headline():
    """A site's menu ("Home | World | Politics | ...") sits above many stories: it heads
    none of them, even when the headline itself is short and printed twice."""
    nav = "Home | World | Video | News | Politics | About us"
    lines = page(nav, "Best tech gadgets", "0", "201", "Best tech gadgets")
    found, _ = find_headline(lines)
    assert found.value == "Best tech gadgets"
    found, _ = find_headline(page("Culture | Opinion | About us | Economy | World | Home", "12"))
    assert found is None or "|" not in found.value
