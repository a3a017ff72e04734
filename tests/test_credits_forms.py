"""Credit lines and datelines in the forms real republished news uses, many languages."""

import pytest

from newstrace.clean.credits import parse_credit
from newstrace.clean.dateline import find_dateline

CONV = ("The Conversation", "theconversation.com", "first-appeared")
# (line, (outlet, domain, form))
CREDIT_FORMS = [
    ("This article was originally published on The Conversation. Read the original article.", CONV),
    ("This article is republished from The Conversation under a Creative Commons license. "
     "Read the original article.", CONV),
    ("This article was originally published on The Conversation, an independent and nonprofit source "
     "of news, analysis and commentary from academic experts.", CONV),
    ("Article originally published at rt.com", ("RT", "rt.com", "first-appeared")),
    ("This story was originally published by ProPublica", ("ProPublica", "propublica.org", "first-appeared")),
    ("Originally posted at zerohedge.com", ("ZeroHedge", "zerohedge.com", "first-appeared")),
    ("Cross-posted from Common Dreams", ("Common Dreams", None, "first-appeared")),
    ("Reprinted with permission from The Washington Post.",
     ("The Washington Post", "washingtonpost.com", "first-appeared")),
    ("This article has been republished with permission from Al Jazeera.",
     ("Al Jazeera", "aljazeera.com", "first-appeared")),
    ("The post Ukraine says it retook the town appeared first on Kyiv Post.",
     ("Kyiv Post", None, "first-appeared")),
    ("This story was produced in partnership with ProPublica.", ("ProPublica", "propublica.org", "partner")),
    ("Published in partnership with The 19th", ("The 19th", None, "partner")),
    ("Courtesy of Reuters", ("Reuters", "reuters.com", "credit")),
    ("With inputs from PTI", ("PTI", "ptinews.com", "with")),
    ("(With inputs from IANS)", ("IANS", "ians.in", "with")),
    ("— With AFP", ("AFP", "afp.com", "with")),
    ("(with Reuters)", ("Reuters", "reuters.com", "with")),
    ("With AFP, Reuters", ("AFP", "afp.com", "with")),
    ("Con información de EFE", ("EFE", "efe.com", "with")),
    ("Con información de AP y Reuters", ("AP", "apnews.com", "with")),
    ("Com informações da Agência Brasil", ("Agência Brasil", "agenciabrasil.ebc.com.br", "with")),
    ("Avec AFP", ("AFP", "afp.com", "with")),
    ("Avec l'AFP", ("AFP", "afp.com", "with")),
    ("mit Material von dpa", ("dpa", "dpa.com", "with")),
    ("Mit Material von Reuters und dpa", ("Reuters", "reuters.com", "with")),
    ("(mit dpa)", ("dpa", "dpa.com", "with")),
    ("Con fonte ANSA", ("ANSA", "ansa.it", "source")),
    ("Fonte: Agência Brasil", ("Agência Brasil", "agenciabrasil.ebc.com.br", "source")),
    ("По материалам РИА Новости", ("RIA Novosti", "ria.ru", "source")),
    ("Джерело: Укрінформ", ("Ukrinform", "ukrinform.net", "source")),
    ("Sumber : Antara", ("Antara", "antaranews.com", "source")),
    ("Źródło: PAP", ("PAP", "pap.pl", "source")),
    ("来源：新华社", ("Xinhua", "xinhuanet.com", "source")),
    ("Quelle: dpa/AFP", ("dpa", "dpa.com", "source")),
    ("The Associated Press contributed to this report.", ("AP", "apnews.com", "with")),
    ("— PTI", ("PTI", "ptinews.com", "agency")),
    ("IANS", ("IANS", "ians.in", "agency")),
    ("(ANI)", ("ANI", "aninews.in", "agency")),
    ("-- Xinhua", ("Xinhua", "xinhuanet.com", "agency")),
    ("(Reporting by Jane Doe; Editing by John Roe)", ("Reuters", "reuters.com", "signoff")),
    ("Reporting by Jane Doe in London; additional reporting by Ann Lee; Writing by Tom Fox; "
     "Editing by Kim Park", ("Reuters", "reuters.com", "signoff")),
    ("Our Standards: The Thomson Reuters Trust Principles.", ("Reuters", "reuters.com", "signoff")),
    ("Associated Press writer Jane Doe in Paris contributed to this report.", ("AP", "apnews.com", "signoff")),
    ("—With assistance from Jane Doe and John Roe.", ("Bloomberg", "bloomberg.com", "signoff")),
    ("Reuters contributed to this report.", ("Reuters", "reuters.com", "with")),
    ("RIPRODUZIONE RISERVATA © Copyright ANSA", ("ANSA", "ansa.it", "copyright")),
    ("©2022 Bloomberg L.P.", ("Bloomberg", "bloomberg.com", "copyright")),
    ("© dpa-infocom, dpa:221129-99-123456/2", ("dpa", "dpa.com", "signoff")),
    ("PTI ABC RT", ("PTI", "ptinews.com", "agency")),
    ("(This story has been refiled to fix a typo in paragraph 3)", ("Reuters", "reuters.com", "signoff")),
    ("Follow AP's coverage of the war at https://apnews.com/hub/russia-ukraine", ("AP", "apnews.com", "signoff")),
    ("To contact the reporter on this story: Jane Doe in London at jdoe@bloomberg.net",
     ("Bloomberg", "bloomberg.com", "signoff")),
    ("Sources: Reuters, AP", ("Reuters", "reuters.com", "source")),
]


@pytest.mark.parametrize("line,expected", CREDIT_FORMS)
def test_credit_forms(line, expected):
    assert parse_credit(line) == expected


NOT_CREDITS = [
    "(With inputs from agencies)",
    "© Riproduzione riservata",
    "PTI said the toll had risen",
    "With inputs from our correspondent",
    "Avec agences",
    "Mit Material von Agenturen",
    "Com informações de agências",
    "При использовании материалов ссылка на ria.ru обязательна",
    "Baca juga: Jokowi resmikan bendungan baru di Jawa Tengah",
    "Source: Getty Images",
    "Source link",
    "Sources: Ministry of Health",
    "Sources: Smith 2019",
    "Sources: IMF, World Bank",
    "Source: U.S. Census Bureau",
    "Source: Bloomberg data",
    "(Photo by Jane Doe/Getty Images)",
    "Source: The company said on Tuesday, that profits rose.",
    "Courtesy photo",
    "Courtesy of the family",
    "Courtesy of John Smith",
    "According to Reuters, the deal is close.",
    "The deal was first reported by Reuters on Monday, according to people familiar.",
    "Originally published in 1987, the novel became a bestseller.",
    "The report was originally published in 2019 and updated since.",
    "Originally published as a series of essays, the book sold well.",
    "With Reuters, it is a different story.",
    "With AP reporting the figures, markets fell.",
    "Reprinted with permission of the author",
    "Read the original article.",
    "(Reporting by Jane Doe)",
    "Jane Doe contributed to this report.",
    "Reuters",
    "AFP",
    "(Update)",
    "— The Editors",
]


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_not_credits(line):
    assert parse_credit(line) is None


# (paragraph, place, agency, date)
DATELINE_FORMS = [
    ("(CNN) — The Senate voted on Monday", None, "CNN", None),
    ("(Reuters) - Tesla Inc said on Monday", None, "Reuters", None),
    ("NEW DELHI: The government on Monday said it would restore internet services", "NEW DELHI", None, None),
    ("ISLAMABAD: Prime Minister Shehbaz Sharif on Tuesday said the talks would go on", "ISLAMABAD", None, None),
    ("KATHMANDU, Nov 29: Nepal's election commission said the count would end on Friday", "KATHMANDU",
     None, "--11-29"),
    ("ROMA, 29 NOV - (ANSA) Il governo ha", "ROMA", "ANSA", "--11-29"),
    ("Kyiv, 29 November 2022, 10:15 — Ukrinform. Russian troops", "Kyiv", "Ukrinform", "2022-11-29T10:15"),
    ("New Delhi, Nov 29 (PTI) The Supreme Court on Tuesday", "New Delhi", "PTI", "--11-29"),
    ("Mumbai, Nov 29 (IANS) Shares rose", "Mumbai", "IANS", "--11-29"),
    ("La Habana, 29 nov (Prensa Latina) El presidente", "La Habana", "Prensa Latina", "--11-29"),
    ("MOSCOW. Nov 29 (Interfax) - Russia's central bank", "MOSCOW", "Interfax", "--11-29"),
    ("Москва. 29 ноября. INTERFAX.RU - Президент России", "Москва", "Interfax", "--11-29"),
    ("Berlin/Moskau (dpa) - Die Bundesregierung", "Berlin/Moskau", "dpa", None),
    ("Hamburg (dpa/lno) - Die Polizei", "Hamburg", "dpa", None),
    ("WASHINGTON—The Senate voted", "WASHINGTON", None, None),
    ("KUALA LUMPUR, Nov 29 (Bernama) -- The government", "KUALA LUMPUR", "Bernama", "--11-29"),
    ("KYIV. Nov 29 (Interfax-Ukraine) - Ukraine's", "KYIV", "Interfax-Ukraine", "--11-29"),
    ("HANOI (VNA) - Vietnam", "HANOI", "VNA", None),
    ("新华社北京11月29日电 中国外交部发言人", "北京", "Xinhua", "--11-29"),
    ("【ワシントン共同】米政府は", "ワシントン", "Kyodo", None),
    ("(서울=연합뉴스) 홍길동 기자 = 정부는", "서울", "Yonhap", None),
    ("中新网11月29日电 据报道", None, "China News Service", "--11-29"),
    ("(Bloomberg) -- Oil rose for a third day", None, "Bloomberg", None),
    ("A CORUÑA, 29 nov (EFE).- La Xunta", "A CORUÑA", "EFE", "--11-29"),
]


@pytest.mark.parametrize("par,place,agency,date", DATELINE_FORMS)
def test_dateline_forms(par, place, agency, date):
    hit = find_dateline(par)
    assert hit is not None
    assert (hit.place, hit.agency, hit.date) == (place, agency, date)
    assert par.startswith(hit.text) and par[hit.end:].strip()[:1] not in ("-", "—", ":")


NOT_DATELINES = [
    "UPDATE: The story was changed to add comment",
    "BREAKING: Fire at the port",
    "FACT CHECK: The claim is false",
    "NATO: The alliance said",
    "WATCH — The moment the bridge fell",
    "EDITOR'S NOTE: This story was corrected",
    "(Updated) - The story",
    "(AP Photo/Jane Doe) - The",
    "Paris, the capital, said - Nothing",
    "Reuters said on Monday that Tesla",
    "On Monday, Nov 29: The vote",
    "Tuesday, 29 November 2022 — Sponsored. Buy now",
    "NCIS: The Cases They Can't Forget",
    "NASA: The International Space Station Is Open for Business in Orbit",
    "AAPL: 266.29 ( -0.81 )",
    "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm",
    "SEE MORE: Hong Kong protests: 800 students under siege in the university on Tuesday",
    "DEAR ABBY: My husband and I have been married for ten years and we have two children",
]


@pytest.mark.parametrize("par", NOT_DATELINES)
def test_not_dateline_forms(par):
    assert find_dateline(par) is None


BODY = ("Markets Rally After Central Bank Holds Rates\n\n"
        "Stocks rose on Tuesday after the central bank left its main rate unchanged for a third month.\n\n"
        "Traders had expected the decision, and bond yields fell slightly in the afternoon session.\n\n"
        "The bank said it would look again at the rate in the new year, when more data is in.\n\n"
        "{line}\n")


@pytest.mark.parametrize("line,form,agency,credited", [
    ("(Reporting by Jane Doe; Editing by John Roe)", "signoff", "reuters.com", False),
    ("— PTI", "agency", "ptinews.com", False),
    ("With inputs from PTI", "with", None, True),
])
def test_new_forms_reach_the_trace(line, form, agency, credited):
    """A sign-off or a wire's name alone says who wrote the text (like a dateline); a
    "with inputs from" line is the copying site's credit."""
    from newstrace.clean import clean_document
    from newstrace.records import RawDoc
    from newstrace.trace.members import build_info

    a = clean_document(RawDoc("d1", "t", "", "text", BODY.format(line=line), site="example.com"))
    assert [c.form for c in a.credits] == [form]
    assert line not in a.text
    info = build_info(a, "copy")
    assert info.agency == agency
    assert bool(info.credits) is credited
