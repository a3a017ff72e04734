import pytest

from newstrace.clean.credits import normalise_domain, outlet_for, parse_credit

CREDITS = [
    ("Sourse: sputniknews.com", ("Sputnik", "sputniknews.com", "source")),
    ("Source: Reuters", ("Reuters", "reuters.com", "source")),
    ("Souce: RT", ("RT", "rt.com", "source")),
    ("Sources: Reuters, AP", ("Reuters", "reuters.com", "source")),
    ("SOURCE - TASS", ("TASS", "tass.com", "source")),
    ("Via RT", ("RT", "rt.com", "via")),
    ("via https://www.rt.com/news/523-lavrov/", ("RT", "rt.com", "via")),
    ("Read more at https://sputniknews.com/20210520/x.html", ("Sputnik", "sputniknews.com", "read-more")),
    ("Read more: tass.com", ("TASS", "tass.com", "read-more")),
    ("Originally published by Sputnik", ("Sputnik", "sputniknews.com", "first-appeared")),
    ("Originally published at zerohedge.com", ("ZeroHedge", "zerohedge.com", "first-appeared")),
    ("Originally published on The Conversation", ("The Conversation", "theconversation.com", "first-appeared")),
    ("This article first appeared on RT.", ("RT", "rt.com", "first-appeared")),
    ("This article first appeared in The Guardian", ("The Guardian", "theguardian.com", "first-appeared")),
    ("This article was originally published on Common Dreams.", ("Common Dreams", None, "first-appeared")),
    ("© 2021 Sputnik", ("Sputnik", "sputniknews.com", "copyright")),
    ("(c) 2021 Reuters", ("Reuters", "reuters.com", "copyright")),
    ("Copyright 2021 The Associated Press. All rights reserved.", ("AP", "apnews.com", "copyright")),
    ("© 2024 Example Daily. All rights reserved.", ("Example Daily", None, "copyright")),
    ("H/T ZeroHedge", ("ZeroHedge", "zerohedge.com", "hat-tip")),
    ("Hat tip: Drudge Report", ("Drudge Report", None, "hat-tip")),
    ("Credit: Reuters", ("Reuters", "reuters.com", "credit")),
    ("Источник: РИА Новости", ("RIA Novosti", "ria.ru", "source")),
    ("Источник: ТАСС", ("TASS", "tass.com", "source")),
    ("Fonte: ANSA", ("ANSA", "ansa.it", "source")),
    ("Quelle: dpa", ("dpa", "dpa.com", "source")),
    ("Fuente: EFE", ("EFE", "efe.com", "source")),
    ("Sumber: Antara", ("Antara", "antaranews.com", "source")),
    ("Source: ria.ru", ("RIA Novosti", "ria.ru", "source")),
    ("sputniknews.com", ("Sputnik", "sputniknews.com", "domain")),
    ("www.apnews.com", ("AP", "apnews.com", "domain")),
    ("https://tass.com/politics/1290001", ("TASS", "tass.com", "url")),
    ("https://www.someblog.example.org/post/1", ("example.org", "example.org", "url")),
    ("[Source: Bloomberg]", ("Bloomberg", "bloomberg.com", "source")),
    ("HT Mspoweruser", ("Mspoweruser", None, "hat-tip")),
    ("HT kns.com", ("kns.com", "kns.com", "hat-tip")),
    ("Originaly published by Wired", ("Wired", None, "first-appeared")),
    ("Via Senivik Chronicle", ("Senivik Chronicle", None, "via")),
    ("VIA The Graardor Observer", ("The Graardor Observer", None, "via")),
    ("Via 9to5mac", ("9to5mac", None, "via")),  # a name that starts with a number
    ("Via 20 Minutes", ("20 Minutes", None, "via")),
    ("Vía btanews.net", ("btanews.net", "btanews.net", "via")),
    ("Read mor at https://tass.com/politics/1", ("TASS", "tass.com", "read-more")),
    ("Continue reading at kasugradledger.com", ("kasugradledger.com", "kasugradledger.com", "read-more")),
    ("This article first appeared on Aurora Wire Service and is republished here.",
     ("Aurora Wire Service", None, "first-appeared")),
]


@pytest.mark.parametrize("line,expected", CREDITS)
def test_credit_forms(line, expected):
    assert parse_credit(line) == expected


NOT_CREDITS = [
    "Read more: Lavrov says talks with Blinken were constructive",
    "Credit Suisse said profits rose in the third quarter",
    "Sources say the deal is close",
    "Source: a senior official said on Tuesday that the deal was close.",
    "The source said nothing about the meeting.",
    "Via the new pipeline, gas will flow to Europe.",
    "Via Twitter",
    "Via 2 sources",
    "Via 3 days ago",
    "Via Getty Images",
    "ht to the team",
    "HT: the results were strong in the second half of the year, the chairman said.",
    "Copyright laws are changing across the EU.",
    "© Sputnik / Vitaly Belousov",  # a photo credit, not the text's source
    "12.5",
    "201",
    "",
]


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_not_credits(line):
    assert parse_credit(line) is None


def test_normalise():
    assert normalise_domain("https://uk.reuters.com/article/x") == "reuters.com"
    assert normalise_domain("www.bbc.co.uk") == "bbc.co.uk"
    assert normalise_domain("news.example.co.uk") == "example.co.uk"
    assert outlet_for("The Associated Press") == ("AP", "apnews.com")
    assert outlet_for("tass.ru") == ("TASS", "tass.ru")
    assert outlet_for("Unknown Gazette") == ("Unknown Gazette", None)
