"""Credit lines: the line that names the outlet a text came from.

`parse_credit("Sourse: sputniknews.com")` -> ("Sputnik", "sputniknews.com", "source").
Outlet names and domains are normalised through a small built-in table of
major outlets and agencies; unknown domains map to themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.clean.dateline import normalise_agency
from newstrace.clean.dates import find_date
from newstrace.domains import registrable

# domain -> outlet name (first domain listed for a name is its main one)
OUTLETS: dict[str, str] = {
    "sputniknews.com": "Sputnik", "sputnikglobe.com": "Sputnik", "sputniknews.ru": "Sputnik",
    "reuters.com": "Reuters", "apnews.com": "AP", "ap.org": "AP", "afp.com": "AFP",
    "rt.com": "RT", "tass.com": "TASS", "tass.ru": "TASS", "ria.ru": "RIA Novosti",
    "interfax.ru": "Interfax", "interfax.com": "Interfax", "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua", "ansa.it": "ANSA", "dpa.com": "dpa", "efe.com": "EFE",
    "upi.com": "UPI", "ptinews.com": "PTI", "bloomberg.com": "Bloomberg",
    "bbc.com": "BBC", "bbc.co.uk": "BBC", "cnn.com": "CNN", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "theguardian.com": "The Guardian",
    "wsj.com": "The Wall Street Journal", "ft.com": "Financial Times", "aljazeera.com": "Al Jazeera",
    "foxnews.com": "Fox News", "nbcnews.com": "NBC News", "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News", "npr.org": "NPR", "politico.com": "Politico",
    "dw.com": "DW", "france24.com": "France 24", "euronews.com": "Euronews",
    "globaltimes.cn": "Global Times", "chinadaily.com.cn": "China Daily", "cgtn.com": "CGTN",
    "presstv.ir": "Press TV", "kyodonews.net": "Kyodo", "yna.co.kr": "Yonhap",
    "aa.com.tr": "Anadolu", "ukrinform.net": "Ukrinform", "unian.info": "UNIAN",
    "lusa.pt": "Lusa", "europapress.es": "Europa Press", "timesofindia.indiatimes.com":
    "The Times of India", "thehill.com": "The Hill", "breitbart.com": "Breitbart",
    "zerohedge.com": "ZeroHedge", "dailymail.co.uk": "Daily Mail", "independent.co.uk":
    "The Independent", "telegraph.co.uk": "The Telegraph", "spiegel.de": "Der Spiegel",
    "lemonde.fr": "Le Monde", "elpais.com": "El País", "kommersant.ru": "Kommersant",
    "rbc.ru": "RBC", "lenta.ru": "Lenta.ru", "iz.ru": "Izvestia", "pravda.ru": "Pravda",
    "antaranews.com": "Antara", "bernama.com": "Bernama", "prensa-latina.cu": "Prensa Latina",
    "aap.com.au": "AAP", "thecanadianpress.com": "The Canadian Press", "irna.ir": "IRNA",
    "latimes.com": "Los Angeles Times", "usatoday.com": "USA Today", "cnbc.com": "CNBC",
    "news.yahoo.com": "Yahoo News", "msn.com": "MSN", "axios.com": "Axios",
    "theconversation.com": "The Conversation", "propublica.org": "ProPublica",
    "ians.in": "IANS", "aninews.in": "ANI", "uniindia.com": "UNI", "app.com.pk": "APP",
    "agenciabrasil.ebc.com.br": "Agência Brasil", "jiji.com": "Jiji Press", "belta.by": "BelTA",
    "interfax.com.ua": "Interfax-Ukraine", "ukrinform.ua": "Ukrinform", "pap.pl": "PAP",
    "anp.nl": "ANP", "apa.at": "APA", "ctk.cz": "ČTK", "wam.ae": "WAM", "spa.gov.sa": "SPA",
    "kuna.net.kw": "KUNA", "vnanet.vn": "VNA", "pna.gov.ph": "PNA", "bssnews.net": "BSS",
    "mena.org.eg": "MENA", "sana.sy": "SANA", "adnkronos.com": "Adnkronos", "telam.com.ar": "Télam",
    "nhk.or.jp": "NHK", "scmp.com": "South China Morning Post", "hindustantimes.com": "Hindustan Times",
    "thehindu.com": "The Hindu", "dawn.com": "Dawn", "kff.org": "KFF Health News",
    "chinanews.com.cn": "China News Service",
}

# spelled-out names and native spellings -> outlet name
ALIASES: dict[str, str] = {
    "sputnik": "Sputnik", "sputnik news": "Sputnik", "sputnik international": "Sputnik",
    "спутник": "Sputnik", "reuters": "Reuters", "thomson reuters": "Reuters", "рейтер": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP", "ap news": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "франс пресс": "AFP",
    "rt": "RT", "russia today": "RT", "tass": "TASS", "тасс": "TASS", "itar-tass": "TASS",
    "ria novosti": "RIA Novosti", "ria": "RIA Novosti", "риа новости": "RIA Novosti",
    "interfax": "Interfax", "интерфакс": "Interfax", "xinhua": "Xinhua", "синьхуа": "Xinhua",
    "ansa": "ANSA", "dpa": "dpa", "deutsche presse-agentur": "dpa", "efe": "EFE",
    "agencia efe": "EFE", "upi": "UPI", "united press international": "UPI",
    "pti": "PTI", "press trust of india": "PTI", "bloomberg": "Bloomberg", "bbc": "BBC",
    "bbc news": "BBC", "cnn": "CNN", "kyodo": "Kyodo", "yonhap": "Yonhap", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "al jazeera media network": "Al Jazeera", "lusa": "Lusa",
    "ukrinform": "Ukrinform", "unian": "UNIAN", "ians": "IANS", "indo-asian news service": "IANS",
    "ani": "ANI", "asian news international": "ANI", "uni": "UNI", "united news of india": "UNI",
    "app": "APP", "associated press of pakistan": "APP", "agência brasil": "Agência Brasil",
    "agencia brasil": "Agência Brasil", "jiji": "Jiji Press", "jiji press": "Jiji Press",
    "kyodo news": "Kyodo", "yonhap news agency": "Yonhap", "bernama": "Bernama", "antara": "Antara",
    "antara news": "Antara", "belta": "BelTA", "белта": "BelTA", "interfax-ukraine": "Interfax-Ukraine",
    "укрінформ": "Ukrinform", "укринформ": "Ukrinform", "pap": "PAP", "anp": "ANP", "apa": "APA",
    "čtk": "ČTK", "ctk": "ČTK", "wam": "WAM", "spa": "SPA", "saudi press agency": "SPA", "kuna": "KUNA",
    "vna": "VNA", "vietnam news agency": "VNA", "pna": "PNA", "bss": "BSS", "mena": "MENA",
    "sana": "SANA", "cgtn": "CGTN", "xinhua news agency": "Xinhua", "新华社": "Xinhua",
    "中新社": "China News Service", "共同通信": "Kyodo", "共同": "Kyodo", "時事通信": "Jiji Press",
    "연합뉴스": "Yonhap", "kaiser health news": "KFF Health News",
    "europa press": "Europa Press", "dpa-afx": "dpa", "adnkronos": "Adnkronos",
    "télam": "Télam", "nhk": "NHK", "prensa latina": "Prensa Latina",
}

_NAME_TO_DOMAIN: dict[str, str] = {}
for _domain, _name in OUTLETS.items():
    _NAME_TO_DOMAIN.setdefault(_name, _domain)

# markers; group "rest" is what the line credits. Order matters (longer first).
_SEP = r"(?:\s*[:：\-–—]\s*|\s+|(?<=['’]))"
_ART = r"(?:(?:this|the) )?(?:article|story|post|piece|report|column|essay|interview|content)"
_BE = r"(?: (?:is|was|has been|were))?"
_MARKERS: list[tuple[str, str, bool]] = [
    # (regex, form, strong) — strong markers accept any short name after them
    (r"the post .{3,200}? appeared first on", "first-appeared", True),  # a WordPress feed footer
    (rf"{_ART}{_BE} (?:first|originally) (?:appeared|published|posted|ran)(?: (?:on|in|at|by))?",
     "first-appeared", True),
    (rf"(?:{_ART}{_BE} )?original?ly (?:published|posted|appeared|ran)(?: (?:by|at|on|in))?",
     "first-appeared", True),
    (r"first (?:published|appeared)(?: (?:by|at|on|in))?", "first-appeared", True),
    (rf"(?:{_ART}{_BE} )?(?:republished|reprinted|reproduced|cross-?posted)"
     r"(?: (?:here )?with (?:kind )?permission)? (?:from|by|of)", "first-appeared", True),
    (rf"(?:{_ART}{_BE} )?(?:produced|published|reported|written) (?:in (?:partnership|collaboration)|jointly)"
     r" with", "partner", True),
    (rf"{_ART}{_BE} produced by", "first-appeared", True),
    (r"(?:read (?:the )?(?:more|mor|full (?:story|article)|original(?: article)?)|continue reading)"
     r"(?: (?:at|on))?", "read-more", False),
    (r"(?:h/t|h\.t\.|hat[ -]tip|(?-i:HT))(?: to)?", "hat-tip", True),
    (r"so(?:u?r[cs]e?|urse|uce|urce)s?", "source", True),
    (r"источник(?:и)?|по материалам|джерело|来源|稿源|出典|출처|المصدر", "source", True),
    (r"fonte|quelle|fuente|sumber|źródło|zdroj|kaynak|bron|lähde|källa|kilde|con fonte", "source", True),
    (r"v[ií]a", "via", False),
    (r"credit|courtesy(?: of)?", "credit", True),
    # agency material: "With inputs from PTI", "Con información de EFE", "mit Material von dpa"
    (r"[-–—]*\s*with (?:(?:additional |some )?inputs? from|additional reporting from)|"
     r"con (?:información|informacion|informaciones|datos) de|com informações (?:da|do|de|das|dos)|"
     r"mit material (?:von|der|des)|avec (?:des )?informations? de|con informazioni (?:di|da)|"
     r"dengan (?:informasi|bahan) dari", "with", True),
    (r"[-–—]*\s*(?:with|avec(?: l['’])?|mit|con|com|dengan)", "with", False),
]
_MARKER_RES = [
    (re.compile(rf"^\s*[\[(]?\s*(?:{rx})(?P<sep>{_SEP})(?P<rest>.+?)[\])]?\s*$", re.I), form, strong)
    for rx, form, strong in _MARKERS
]
# the words a marker can start with (a cheap test before the markers; keep in step with them)
_FIRST_WORDS = frozenset("""the this article story post piece report column essay interview content
originally originaly first republished reprinted reproduced cross-posted crossposted produced published
reported written read continue h/t h.t. hat hat-tip ht источник источники по джерело 来源 稿源 出典 출처
المصدر fonte quelle fuente sumber źródło zdroj kaynak bron lähde källa kilde via vía credit courtesy
with avec mit con com dengan""".split())
_FIRST_SPLIT = re.compile(r"[\s:：]")


def _may_mark(text: str) -> bool:
    first = _FIRST_SPLIT.split(text.lstrip(" [(-–—"), maxsplit=1)[0].lower()
    return first in _FIRST_WORDS or first.startswith("so")


def may_credit(text: str) -> bool:
    """A cheap test on the start of a line (stripped, not empty): could `parse_credit`
    read the line as a credit? False only when it cannot."""
    return (text[0] in _COPY_FIRST or text[0] in "([-–—" or _may_mark(text)
            or ("." in text and " " not in text) or text in _BARE_WIRES
            or "contributed" in text or text.startswith(("PTI", "Our Standards", "our standards"))
            or text.lower().startswith(("reporting", "writing", "compil", "additional", "follow",
                                        "find more", "see more", "to contact", "dpa:"))
            or "AP is solely" in text or "Associated Press" in text)


_DOMAIN = r"(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,18}"
_DOMAIN_RE = re.compile(rf"^(?:www\.)?({_DOMAIN})/?$", re.I)
_URL_RE = re.compile(rf"^(?:https?://)(?:www\.)?({_DOMAIN})(?::\d+)?(?:[/?#]\S*)?$", re.I)
_URL_IN_RE = re.compile(rf"(?:https?://)?(?:www\.)?({_DOMAIN})(?:[/?#]\S*)?", re.I)
_COPYRIGHT_RE = re.compile(
    r"^\s*(?:(?:©|\(c\)|copyright\b|℗)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[,.]?\s*)?"
    r"(?P<rest>.*?)\s*$", re.I)
_RIGHTS_FIRST = re.compile(r"^\s*(?:riproduzione riservata|all rights reserved)\.?\s*(?=©|\(c\)|copyright)", re.I)
_COPY_FIRST = "©℗(cCrRaA"  # what a line _copyright reads starts with ("©", "(c)", "Copyright", "All rights")
_PHOTO_RE = re.compile(r"\bphoto\b|\bimages?\b|\bfoto\b|\bфото\b|\s/\s|\w/\w+\s*\w*$", re.I)
_RIGHTS_RE = re.compile(
    r"[.,;]?\s*(?:all rights reserved|все права защищены|tous droits réservés|"
    r"alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|"
    r"todos os direitos reservados|riproduzione riservata|derechos reservados|unless otherwise noted)\.?.*$",
    re.I)
_LEGAL = re.compile(r"(?:[,.]?\s+(?:inc|llc|ltd|limited|pvt|pty|plc|gmbh|s\.a|corp|co|l\.p)\.?|[,.]?\s+(?:19|20)\d{2}"
                    r"|\s*[-–|•.,]+)\s*$", re.I)
_NAME_RE = re.compile(r"^[\w\"'“”«»&.\-–,| ]{2,60}$")
_NOT_OUTLETS = set(
    "amzn.to amazon.com bit.ly t.co goo.gl ow.ly tinyurl.com buff.ly dlvr.it twitter.com x.com "
    "facebook.com fb.me instagram.com youtube.com youtu.be t.me telegram.me wa.me linkedin.com "
    "tiktok.com vk.com ok.ru pinterest.com reddit.com google.com apple.com podcasts.apple.com "
    "spotify.com soundcloud.com flickr.com imgur.com giphy.com wikipedia.org".split())
_WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun".split())


def normalise_domain(host: str) -> str:
    """`https://www.uk.reuters.com/x` -> `reuters.com` (known outlets), else the bare host."""
    host = host.lower().strip().rstrip("/.")
    host = re.sub(r"^[a-z]+://", "", host).split("/")[0].split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in OUTLETS:
            return candidate
    return registrable(host)


def outlet_for(text: str) -> tuple[str, str | None]:
    """Normalise an outlet mention (name, domain or URL) to (outlet, domain)."""
    text = text.strip().strip(" .,;:\"'“”«»()[]")
    m = _URL_RE.match(text) or _DOMAIN_RE.match(text)
    if m:
        domain = normalise_domain(m.group(1))
        return OUTLETS.get(domain, domain), domain
    name = ALIASES.get(text.lower())
    if name is None:
        name = ALIASES.get(re.sub(r"^the\s+", "", text.lower()))
    if name is None:
        by_name = {v.lower(): v for v in OUTLETS.values()}
        name = by_name.get(text.lower())
    if name is not None:
        return name, _NAME_TO_DOMAIN.get(name)
    return text, None


_SPLIT = re.compile(r"\s*(?:[,;&|]|(?<!\b[A-Z])\.\s+|\s(?:and|и|y|e|et|und|i|dan|under|with)\s)\s*", re.I)
# words that make a "Source: ..." a picture, a link or a data source, not an outlet
_NOT_NAMES = set("getty images image photo photos foto link links ministry department bureau census "
                 "statistics survey institute university government company companies data estimates "
                 "calculations wikipedia agencies agences agenturen agencias agências agenzie".split())


def _pieces(rest: str) -> list[str]:
    return [p for p in _SPLIT.split(rest.strip().rstrip(".")) if p.strip()]


def _target(rest: str, strong: bool, long_ok: bool = False) -> tuple[str, str | None] | None:
    """The outlet a marker's target names, or None when it does not look like one.
    `long_ok`: the marker is specific enough that a long tail after the name
    ("The Conversation under a Creative Commons license. Read the original article.") is fine."""
    rest = rest.strip().rstrip(".").strip()
    if not rest:
        return None
    url = _URL_RE.match(rest) or _DOMAIN_RE.match(rest)
    if url:
        return outlet_for(rest)
    if len(rest) > 70 and not long_ok:
        # a long tail: accept when it carries a URL (e.g. "Lavrov said ... https://...")
        found = _URL_IN_RE.search(rest) if strong else None
        return outlet_for(found.group(0)) if found and "://" in found.group(0) else None
    # "Reuters, AP" / "Reuters and TASS" -> the first one
    first = (_pieces(rest) or [""])[0].strip()
    if not first or find_date(first) or first.lower().rstrip(".") in _WEEKDAYS:
        return None  # "First published on Nov 20, 2019" names a date, not an outlet
    if "/" in first:  # "dpa/AFP" names outlets; "Vesti/The Siberian Times" is a picture's credit
        first = first.split("/")[0].strip()
        strong = False
    outlet, domain = outlet_for(first)
    known = domain is not None or first.lower() in ALIASES
    if known:
        return outlet, domain
    if not strong:
        return None
    words = first.split()
    if len(words) > 6 or not _NAME_RE.match(first) or not (first[0].isupper() or first[0].isdigit()):
        return None
    if re.search(r"[.!?]\s+\S", first) or re.fullmatch(r"[\d\W]+", first) or re.search(r"\b(?:1[89]|20)\d\d\b", first):
        return None  # a sentence, a number or a year ("Smith 2019"), not a name
    lower = [w for w in words if w[0].islower() and w.lower() not in _JOINERS]
    if len(lower) > 1 or any(w.lower().strip(".,'’\"") in _NOT_NAMES | _PLATFORM_NAMES for w in words):
        return None  # "The company said on Tuesday", "Getty Images"
    return outlet, domain


_JOINERS = {"of", "the", "and", "de", "la", "le", "du", "del", "der", "di", "&", "for", "in", "on", "at",
            "y", "e", "et", "und", "des", "van", "von", "al", "el", "do", "da", "dos", "das"}
_PLATFORM_NAMES = {"twitter", "facebook", "telegram", "youtube", "instagram", "reddit", "email",
                   "e-mail", "google", "whatsapp", "tiktok", "linkedin", "x", "getty", "shutterstock"}


def _title_name(rest: str) -> bool:
    """A short capitalised name alone ("Senivik Chronicle", "The Graardor Observer"), or
    one that starts with a number ("9to5Mac", "7News", "20 Minutes")."""
    words = rest.strip().rstrip(".").split()
    if not 1 <= len(words) <= 5 or _PHOTO_RE.search(rest):
        return False
    if any(w.lower().strip(".,") in _PLATFORM_NAMES for w in words):
        return False
    first = words[0]
    lead = first[0].isupper() or (first[0].isdigit() and (
        any(c.isalpha() for c in first) or len(words) > 1 and words[1][0].isupper()))
    return lead and all(w[0].isupper() or w[0].isdigit() or w.lower() in _JOINERS for w in words)


def _copyright(line: str) -> tuple[str, str | None, str] | None:
    line = _RIGHTS_FIRST.sub("", line)  # "RIPRODUZIONE RISERVATA © Copyright ANSA"
    m = _COPYRIGHT_RE.match(line)
    if not m:
        return None
    head = line[: m.start("rest")]
    if not re.search(r"©|\(c\)|\d{4}", head, re.I):
        return None  # the word "copyright" alone starts sentences too
    rest = _RIGHTS_RE.sub("", m.group("rest")).strip(" .,")
    rest = re.sub(r"^(?:by|copyright)\s+", "", rest, flags=re.I)
    paren = re.search(rf"\((?:https?://)?(?:www\.)?({_DOMAIN})/?\)", rest, re.I)
    rest = re.split(r"\s*(?:[,|•(]|\.\s)\s*", rest)[0]
    while _LEGAL.search(rest):
        rest = _LEGAL.sub("", rest)
    if not rest or len(rest) > 80 or len(rest.split()) > 8:
        return None
    if not (rest[0].isupper() or rest[0].isdigit() or _DOMAIN_RE.match(rest)):
        return None
    if _PHOTO_RE.search(rest) and not _DOMAIN_RE.match(rest):
        return None  # a photo credit ("© Sputnik / Vitaly Belousov"): a caption, not a text credit
    outlet, domain = outlet_for(rest)
    if paren and domain is None:
        domain = normalise_domain(paren.group(1))
    return outlet, domain, "copyright"


# credit forms that say which wire wrote the text (its name signing the story, its own
# sign-off), not whom the page copied: the trace weighs them like a dateline agency
WIRE_FORMS = frozenset({"agency", "signoff"})

# a wire's own sign-off at the foot of its story: evidence the wire wrote the text
_SIGNOFFS = [
    (re.compile(r"^\W{0,3}(?:additional )?(?:reporting|writing|compiled|compiling)(?: and \w+)? by\s+\S.{0,250}?"
                r"[;,]\s*(?:and\s+)?(?:\w+ )?editing by\s+\S.{0,120}$", re.I), "Reuters"),
    (re.compile(r"^our standards: the thomson reuters trust principles\.?$", re.I), "Reuters"),
    (re.compile(r"^\(this (?:story|article) has been refiled\b.{0,200}\)$", re.I), "Reuters"),
    (re.compile(r"^(?:[Ff]ollow|[Ff]ind more of|[Ss]ee more of) AP['’]s (?:full |complete )?coverage\b.{0,200}$"), "AP"),
    (re.compile(r"^.{0,200}\bAP is solely responsible for all content\.?$"), "AP"),
    (re.compile(r"^to contact the (?:reporters?|editors?) (?:on|responsible for) this story:.{0,300}$", re.I),
     "Bloomberg"),
    (re.compile(r"^(?:©\s*dpa-infocom,?\s*)?dpa:\d{6}-\d{2}-\d+/\d+$"), "dpa"),
    (re.compile(r"^[_\W]{0,5}(?:the )?associated press (?:writers?|reporters?|correspondents?|journalists?|"
                r"videojournalists?|photographers?|researchers?) .{2,200}? contributed(?: to this (?:report|story))?"
                r"\.?$", re.I), "AP"),
    (re.compile(r"^[-–—]+\s*[Ww]ith assistance from\s+[A-Z].{2,200}$"), "Bloomberg"),
]
_CONTRIBUTED = re.compile(r"^(?P<name>[^,;]{2,40}?) contributed to this (?:report|story|article)\.?$", re.I)
# "— PTI", "(IANS)", "-IANS": a wire's name alone at the foot of the story
_SIGNATURE = re.compile(r"^\s*(?P<lead>[-–—]+\s*|\(\s*)?(?P<name>[A-Za-z][A-Za-z .\-]{1,24}?)\s*\)?\s*\.?$")
_NOT_SIGNATURE = re.compile(r"[^\sA-Za-z.\-–—()]")  # a character _SIGNATURE cannot match
# every sign-off but AP's "... solely responsible" (a literal test) in one pattern: a cheap test first
_ANY_SIGNOFF = re.compile("|".join(f"(?{'i' if rx.flags & re.I else ''}:{rx.pattern})"
                                   for rx, _ in _SIGNOFFS if "solely" not in rx.pattern))
_PTI_CODES = re.compile(r"^PTI(?: [A-Z]{2,4}){1,5}$")
_BARE_WIRES = {"PTI", "IANS", "ANI", "UNI", "APP", "BERNAMA", "ANTARA", "Bernama", "Xinhua", "WAM", "SPA"}


def _signed(text: str) -> tuple[str, str | None, str] | None:
    """A wire's sign-off ("signoff") or its bare name as a signature line ("agency")."""
    if _ANY_SIGNOFF.match(text) or "AP is solely" in text:
        for rx, outlet in _SIGNOFFS:
            if rx.match(text):
                return outlet, _NAME_TO_DOMAIN.get(outlet), "signoff"
    m = _CONTRIBUTED.match(text) if "contributed" in text else None
    if m:
        outlet, domain = outlet_for(m.group("name"))
        return (outlet, domain, "with") if domain else None
    if text.startswith("PTI") and _PTI_CODES.match(text):  # "PTI ABC XYZ": PTI and its desk's initials
        return "PTI", _NAME_TO_DOMAIN.get("PTI"), "agency"
    m = _SIGNATURE.match(text) if len(text) <= 32 and not _NOT_SIGNATURE.search(text) else None
    if m and (m.group("lead") or m.group("name") in _BARE_WIRES):
        agency = normalise_agency(m.group("name"))
        if agency:
            return agency, outlet_for(agency)[1], "agency"
    return None


@lru_cache(maxsize=4096)  # pure in its text: a page repeats lines
def parse_credit(line: str) -> tuple[str, str | None, str] | None:
    """(outlet, domain, form) when `line` credits an outlet, else None.

    form: source | via | read-more | first-appeared | partner | with | hat-tip |
    credit | copyright | domain | url | agency | signoff. Copyright footers are
    returned with form "copyright" (they may be the page's own); photo credits
    return None. "with": the story draws on the outlet's material ("With inputs
    from PTI"); "agency": a wire's name alone signs the story ("— IANS");
    "signoff": a wire's own sign-off ("(Reporting by ...; Editing by ...)" is
    Reuters'), which says the wire wrote the text but names no one.
    """
    text = " ".join(line.split())
    if not text or len(text) > 300:
        return None
    m = (_URL_RE.match(text) or _DOMAIN_RE.match(text)) if " " not in text else None
    if m and not re.fullmatch(r"[\d.]+", text):
        domain = normalise_domain(m.group(1))
        if domain in _NOT_OUTLETS:
            return None  # a link to a shortener or a platform names no outlet
        return OUTLETS.get(domain, domain), domain, "url" if "://" in text else "domain"
    found = (_copyright(text) if text[0] in _COPY_FIRST else None) or _signed(text)
    if found or not _may_mark(text):
        return found
    for rx, form, strong in _MARKER_RES:
        m = rx.match(text)
        if not m:
            continue
        rest = m.group("rest")
        # "Source: X" is strong; "Source X" / "Credit Suisse" only with a known outlet
        spelled = bool(m.group("sep").strip()) or form in ("first-appeared", "hat-tip", "partner", "with")
        pieces = _pieces(rest)
        if form == "with" and not strong and not all(_target(p, False) for p in pieces):
            return None  # "With Reuters, it is different": only outlet names may follow a bare "with"
        if m.group(0).lower().lstrip(" [(").startswith("sources") and len(pieces) > 1 \
                and not _target(pieces[0], False):
            return None  # "Sources: IMF, World Bank": data sources, not the outlet the text came from
        target = _target(rest, strong and spelled, form in ("first-appeared", "partner"))
        if target is None and form == "via" and _title_name(rest):
            target = _target(rest, True)  # "Via Senivik Chronicle": a name alone
        if target is not None:
            return target[0], target[1], form
        return None
    return None


# an absolute (or protocol-relative) link: its host
_LINK_RE = re.compile(rf"^(?:https?:)?//(?:www\.)?({_DOMAIN})\.?(?::\d+)?(?:[/?#]|$)", re.I)
# hosts a credit's link may go to that are no outlet: platforms, shorteners, licences, archives
_NOT_LINKED = _NOT_OUTLETS | {"creativecommons.org", "archive.org", "archive.ph", "doi.org"}


def link_domain(href: str | None) -> str | None:
    """The outlet domain an absolute link goes to (`https://www.sputniknews.com/x` ->
    `sputniknews.com`); None for relative links (the page's own site) and for links to
    platforms, shorteners, licences and archives."""
    m = _LINK_RE.match(href.strip()) if href else None
    if m is None:
        return None
    domain = normalise_domain(m.group(1))
    return None if domain in _NOT_LINKED else domain


def with_link(credit: tuple[str, str | None, str] | None,
              link: str | None) -> tuple[str, str | None, str] | None:
    """A parsed credit whose text names no domain, given the domain its link goes to
    ("Source: <a href=https://sputniknews.com/...>Sputnik News Agency</a>")."""
    if credit is None or credit[1] is not None:
        return credit
    domain = link_domain(link)
    return credit if domain is None else (credit[0], domain, credit[2])


__all__ = ["parse_credit", "outlet_for", "normalise_domain", "link_domain", "with_link",
           "OUTLETS", "ALIASES", "WIRE_FORMS"]
