"""Boilerplate blocks at the end of the kept story (text-mode cleaning, issue 3).

News pages carry the same blocks after the story everywhere: a press release's
"About <Company>" section, a comment or newsletter form's consent text, a reader
appeal ("Support us ..."), a comment policy, a list of sources. The line model
keeps them because they read like prose. `edge_boilerplate` finds them by cue
phrases (en, de, fr, es, pt, it, ru, id) and only where they sit below the last
line of the story: it walks up from the last kept line and stops at the first
line that is neither a cue line nor filler, so text in the middle of the story is
never touched (a quote "X is a global provider of ..." stays).

- A STRONG cue (consent, sign-up, appeal, comment form, contact line, press
  contact), phrased as sites address the reader ("your personal data", "our
  privacy policy", "Subscribe to our newsletter"), marks a line on its own.
- A WEAK cue (company facts: "is headquartered in", "employs 1,300 people";
  an author's bio: "is a freelance writer") needs a strong line or a second
  weak line in the same block: a story may well end on one such fact.
- FILLER (a line of a few words without a sentence end, "Keep up to date",
  "LEARN MORE"; a source-list entry, "ABC News. 15 November 2019.") goes with
  the block around it but never makes one; filler above the block's first cue
  stays.
- A heading "About X" ("Über X", "À propos de X", "Sobre X", "О компании",
  "Tentang X", ...) in the last third of the kept words starts an About section
  that runs to the end, when X is a name (capitalised), "us" or "the author",
  and what follows holds a cue or at most ABOUT_PROSE paragraphs.
- A run of kept lines cut off from the story above by dropped lines (a
  sidebar) goes with the block when at least half of its lines that are not
  filler carry a strong cue.

Lines are read in units: a sentence cut into pieces at its links is one unit.
The story kept above a block must hold MIN_STORY words or more. Copyright lines
and affiliate-link notices are left alone: the gold bodies of the test pages
keep them about as often as not."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress

import numpy as np

REASON = "boilerplate"
MIN_STORY = 50  # words kept above a block for it to be dropped
FILLER_WORDS = 10  # a line of at most this many words and no sentence end is filler
ABOUT_SHARE = 1 / 3  # an About section holds at most this share of the kept words
ABOUT_PROSE = 2  # and at most this many units of prose without a cue
RUN_GAP = 2  # dropped lines that cut a run of kept lines off from the story above

_END = (".", "!", "?", "…", "。", "！", "？", '"', "”", "»")


def _trigger(pattern: str) -> tuple[str, ...]:
    """Literal texts one of which a match of `pattern` must contain: its leading literal
    words, or those of each choice of a leading group "(?:a|b)"; () when there are none."""
    head = re.match(r"(?:\\b|\^)?", pattern).end()
    group = re.match(r"\(\?:([^()]*)\)", pattern[head:])
    if group:
        rest = pattern[head + group.end():]
        choices = [c + rest if c.isalpha() else c for c in group.group(1).split("|")]
    else:
        choices = [pattern[head:]]
    out = []
    for c in choices:
        lead = re.match(r"[^\\()\[\]{}?*+|.^$]*", c).group(0)
        if c[len(lead):len(lead) + 1] in ("?", "*", "{"):  # the last letter is optional
            lead = lead[:-1]
        if len(lead) < 2:
            return ()
        out.append(lead)
    return tuple(out)


@dataclass(frozen=True)
class Cues:
    """Cue patterns (lower case) with the literals each needs, so that a line is searched
    only with the few patterns whose literal it holds (one alternation of 150 patterns
    costs about a millisecond per line)."""

    patterns: tuple[re.Pattern, ...]
    literals: tuple[str, ...]  # each with its pattern's number in `owner`
    owner: tuple[int, ...]
    always: frozenset[int]  # patterns without a literal

    def search(self, low: str) -> bool:
        """Whether one of the patterns matches the lower-cased line `low`."""
        todo = self.always.union(compress(self.owner, map(low.__contains__, self.literals)))
        return any(self.patterns[k].search(low) for k in sorted(todo))


def _rx(*parts: str) -> Cues:
    trig = [_trigger(p) for p in parts]
    pairs = [(t, k) for k, ts in enumerate(trig) for t in ts]
    return Cues(tuple(map(re.compile, parts)), tuple(t for t, _ in pairs), tuple(k for _, k in pairs),
                frozenset(k for k, ts in enumerate(trig) if not ts))


# strong cues by kind; a line with one is boilerplate on its own
STRONG_CUES = {
    "consent": (  # consent and privacy text of forms, addressed to the reader
        r"\bby (?:submitting|signing up|subscribing|registering|clicking)\b", r"\bby continuing to (?:use|browse)\b",
        r"\bby (?:entering|providing) your\b", r"\bcheck the opt-?in\b",
        r"\b(?:you|i) (?:agree|consent) to\b.{0,80}\b(?:terms|privacy|data|policy|e-?mails?|newsletters?|receiv)",
        r"\bi agree that\b", r"\b(?:revoke|withdraw) (?:this|your|my) consent\b", r"\byour personal (?:data|information|details)\b",
        r"\b(?:our|the) (?:data protection|privacy) (?:policy|notice|statement|declaration)\b",
        r"\bunsubscribe\b", r"\bno spam\b", r"\bnever share your\b", r"\byour inbox\b",
        r"\bdatenschutz(?:erklärung|hinweise|bestimmungen|richtlinie)", r"\bihre einwilligung\b",
        r"\bjederzeit\b.{0,60}\bwiderruf", r"\bihre personenbezogenen\b",
        r"\bmit (?:dem|der|ihrer) (?:absenden|anmeldung|registrierung)\b",
        r"\bich (?:willige|stimme)\b.{0,80}\b(?:daten|bedingungen|zu, dass|newsletter|e-?mails?)",
        r"\bvos données (?:personnelles|à caractère personnel)\b", r"\bvotre consentement\b",
        r"\bnotre politique de confidentialité\b", r"\b(?:désinscri|désabonn)", r"\ben (?:soumettant|cliquant)\b",
        r"\b(?:sus|tus) datos personales\b", r"\b(?:su|tu) consentimiento\b", r"\bnuestra política de privacidad\b",
        r"\bdar(?:se|te) de baja\b",
        r"\bseus dados pessoais\b", r"\bseu consentimento\b", r"\bnossa política de privacidade\b",
        r"\bcancelar (?:a )?inscrição\b",
        r"\b(?:tuoi|suoi) dati personali\b", r"\binformativa (?:sulla )?privacy\b", r"\bacconsento\b",
        r"\b(?:cancellarti|disiscriverti)\b",
        r"\bсогласие на обработку\b", r"\bполитикой конфиденциальности\b", r"\bотписаться\b",
        r"\bdata pribadi anda\b", r"\bkebijakan privasi kami\b", r"\bberhenti berlangganan\b",
    ),
    "sign-up": (  # newsletters and sign-ups addressed to the reader
        r"\b(?:our|free|daily|weekly|e-?mail) newsletters?\b",
        r"\b(?:sign up|subscribe|register)\b.{0,40}\bnewsletters?\b", r"\bnewsletters?\b.{0,40}\b(?:sign up|subscribe)\b",
        r"^(?:stay|keep) (?:up to date|informed|in the loop|updated)\b", r"\b(?:stay|keep) up to date with\b",
        r"\b(?:thanks|thank you) for (?:signing up|subscribing|registering)\b",
        r"\b(?:daily|weekly) (?:updates|digest)\b", r"^(?:subscribe|sign up|register) (?:to|for|now|today|here)\b",
        r"^get (?:the |our )?(?:latest|breaking|daily|weekly|day's|day’s|top|best|access)\b",
        r"\bwe(?:'ll|’ll| will)? send (?:you )?(?:an? )?(?:e-?mail|newsletter|digest)",
        r"\buse (?:the )?(?:promo|coupon|discount) code\b",
        r"\b(?:bleiben sie|immer|halten wir sie) auf dem laufenden\b", r"\bjetzt (?:abonnieren|anmelden)\b",
        r"\blettre d['’]information\b", r"\b(?:abonnez|inscrivez)-vous\b", r"\brestez informés?\b",
        r"\bnuestro boletín\b", r"\bboletín (?:de noticias|informativo)\b", r"\bsuscríb(?:ete|ase)\b",
        r"\bmantente informado\b",
        r"\binscreva-se\b", r"\bfique por dentro\b", r"\bsua caixa de entrada\b",
        r"\biscriviti\b", r"\b(?:resta|rimani) aggiornat", r"\bподпи(?:шитесь|сывайтесь)\b", r"\bна рассылку\b",
        r"\bбудьте в курсе\b", r"\bberlangganan (?:newsletter|buletin|sekarang)\b",
    ),
    "appeal": (  # for support, membership, following
        r"\bsupport (?:us|our (?:work|journalism|reporting|mission)|independent journalism|quality journalism)\b",
        r"^support \w+(?:\.com)? (?:so|to|and|today)\b", r"\bat no cost to you\b",
        r"\bdonate (?:now|today|here|to us)\b", r"\bbecome a (?:member|subscriber|supporter|patron)\b(?! of)",
        r"\bwe (?:rely|depend) on (?:you|readers|your)\b",
        r"\bif you (?:enjoyed|liked|value|appreciate) (?:this|our|reading)\b",
        r"\bjoin our (?:[\w-]+ ){0,3}(?:forums?|community|newsletter|mailing list|channel|group)\b",
        r"\bfollow .{0,60}\bon (?:facebook|twitter|instagram|linkedin|youtube|telegram)\b",
        r"\b(?:like|enjoy(?:ed)?) this (?:article|story|post)\?", r"\bsharing is caring\b",
        r"\b(?:have|got) a (?:news )?tip\b", r"^follow (?:us|me)\b", r"^join the conversation\b",
        r"\bwe(?:'|’)d (?:like|love) to hear\b", r"^(?:click|clique|cliquez|klicken sie|haga clic|clicca|нажмите|klik)\b",
        r"\bunterstützen sie (?:uns|unsere|unseren|jetzt|unabhängigen)\b", r"\bjetzt spenden\b", r"\bmitglied werden\b",
        r"\bsoutenez(?:-nous| notre| le journalisme)\b", r"\bfaites un don\b", r"\bdevenez (?:membre|abonné)",
        r"\bapoya (?:nuestro|el periodismo)\b", r"\bhaz una donación\b", r"\bhazte (?:socio|miembro|suscriptor)\b",
        r"\bapoie (?:o|a) (?:nosso|nossa|jornalismo)\b", r"\bfaça uma doação\b", r"\bseja (?:membro|assinante|sócio)\b",
        r"\bsostienici\b", r"\bsostieni (?:il|la) (?:nostr|giornalismo)", r"\bfai una donazione\b",
        r"\bdiventa (?:socio|abbonato|membro)\b",
        r"\bподдержите (?:нас|проект|редакцию)\b", r"\bсделайте пожертвование\b", r"\bdukung (?:kami|jurnalisme)\b",
        r"\bdonasi (?:sekarang|untuk kami)\b",
    ),
    "comments": (  # comment forms and policies, reprint links
        r"\breprints?\b.{0,20}\blicensing\b",
        r"\bcomments? (?:are|is|will be) (?:moderated|reviewed|approved)\b", r"\bmoderat\w* (?:all )?comments\b",
        r"\bcomment policy\b", r"\bour community (?:standards|guidelines)\b", r"\bsubmission guidelines\b",
        r"\bmust be logged in\b", r"^leave a (?:reply|comment)\b", r"^(?:view|show|load|hide|post|add) (?:all |\d+ )?comments?$",
        r"\b(?:deixe|escreva) (?:um|seu) comentário\b", r"\bdeja (?:un|tu) comentario\b", r"\blaisser un commentaire\b",
        r"\blascia un commento\b", r"\bkommentar (?:schreiben|hinterlassen|verfassen)\b", r"\b(?:добавить|оставить) комментарий\b",
        r"\bотменить ответ\b", r"\b(?:tinggalkan|tulis) komentar\b",
        r"\bcoment[aá]rios?\b.{0,80}\b(?:aprovad|moderad)", r"\bkommentare?\b.{0,60}\bmoderiert\b",
    ),
    "contact": (  # contact lines, markup and widgets left in the text
        r"^\S+@\S+\.\w+\.?$", r"\bprotected email\b", r"\[/\w+\]$", r"\bsee (?:the )?full gallery\b",
    ),
    "press": (  # press-release furniture
        r"\bforward-looking statements?\b", r"^(?:media|press|investor) (?:contacts?|relations|inquiries|enquiries)\b",
    ),
}
STRONG = _rx(*(p for cues in STRONG_CUES.values() for p in cues))

WEAK = _rx(
    # company facts of an About section
    r"\bis (?:a|an|the) (?:[\w-]+ ){0,5}(?:provider|supplier|manufacturer|company|developer|maker|firm|"
    r"operator|leader|distributor|specialist|platform|organi[sz]ation|producer|retailer)s? "
    r"(?:of|for|in|focused|specializ|specialis|that|with|dedicated|serving)",
    r"\bheadquartered in\b", r"\bhas (?:subsidiaries|offices|operations|operating businesses) in\b",
    r"\bemploys (?:around |about |approximately |over |more than |some |nearly )?[\d,.]+\b",
    r"\b(?:shares|stock) (?:are |is )?(?:listed|traded) on\b", r"\bfor more information,? (?:please )?visit\b",
    r"\bvisit (?:us at|www\.|our website)\b",
    r"\bmit sitz in\b", r"\bhauptsitz\b", r"\bbeschäftigt (?:weltweit )?(?:rund |etwa |über |mehr als )?[\d.]+",
    r"\bist (?:ein|eine|der|die) (?:[\w-]+ ){0,3}(?:anbieter|hersteller|unternehmen|spezialist)\b",
    r"\bsiège social\b", r"\bemploie\b", r"\best (?:un|une|le|la) (?:[\w-]+ ){0,3}(?:fournisseur|leader|spécialiste|acteur)\b",
    r"\bcon sede (?:en|a|in)\b", r"\bes (?:una|un) (?:[\w-]+ ){0,3}(?:empresa|proveedor|líder)\b",
    r"\bcom sede em\b", r"\bé (?:uma|um|a|o) (?:[\w-]+ ){0,3}(?:empresa|fornecedora?|líder)\b",
    r"\bè (?:una|un|il|la) (?:[\w-]+ ){0,3}(?:azienda|società|fornitore|leader)\b",
    r"\bштаб-квартир", r"\bявляется (?:ведущ|крупнейш)", r"\bberkantor pusat\b", r"\badalah perusahaan\b",
    # an author's bio
    r"\bis (?:a|an) (?:[\w-]+ ){0,3}(?:writer|reporter|journalist|editor|correspondent|columnist|"
    r"contributor|blogger|photographer)\b",
    r"\bis the (?:[\w-]+ ){0,6}(?:editor|publisher|correspondent|fellow)\b",
)
ABOUT = re.compile(
    r"(?:about|über|à propos d[e'’]|a propos d[e'’]|sobre|acerca de|informazioni su|chi è|"
    r"tentang|mengenai|о|об)\s+(?:(?:the|der|die|das|den|le|la|les|el|los|las|o|a|os|as|il|lo|gli)\s+|l['’])?"
    r"(?P<x>.+)", re.IGNORECASE)
ABOUT_WORDS = frozenset("about|über|à propos|a propos|sobre|acerca de|informazioni su|tentang|mengenai|о|об".split("|"))
ABOUT_FIRST = frozenset(w.split()[0] for w in ABOUT_WORDS) | {"l'autore", "chi"}
ABOUT_CHARS = 80  # a heading is no longer
ABOUT_LINES = frozenset(
    "about us|about the author|about the authors|über uns|über den autor|über die autorin|à propos|"
    "à propos de l'auteur|sobre nosotros|sobre el autor|sobre o autor|sobre a autora|sobre nós|"
    "l'autore|chi siamo|о компании|об авторе|о нас|tentang kami|tentang penulis".split("|"))
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# an entry of a source list: "McCarthy, Tom; ...", "ABC News. 15 November 2019."
SOURCE_NAME = re.compile(r"^[A-Z][\w'’-]+, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?[;.]")
SOURCE_DATE = re.compile(
    rf"(?:\b\d{{1,2}} (?:{MONTHS})\.? \d{{4}}|\b(?:{MONTHS})\.? \d{{1,2}},? \d{{4}})\.?$", re.IGNORECASE)
WORD = re.compile(r"\w+")


def _kind(text: str) -> str:
    """"strong", "weak", "filler" or "story" (see the module's note)."""
    s = text.strip()
    low = s.lower()
    if STRONG.search(low):
        return "strong"
    if WEAK.search(low):
        return "weak"
    n = len(WORD.findall(s))
    if n <= 3 or (n <= FILLER_WORDS and not s.endswith(_END)):
        return "filler"
    if n <= 25 and (SOURCE_NAME.match(s) or SOURCE_DATE.search(s)):
        return "filler"
    return "story"


def _about_heading(text: str) -> bool:
    """A short heading "About X" where X is a name, "About us" or "About the author"."""
    if len(text) > ABOUT_CHARS or text.split(" ", 1)[0].lower() not in ABOUT_FIRST:
        return False
    s = " ".join(text.split()).rstrip(":：")
    if len(s.split()) > 6 or s.endswith(_END):
        return False
    if s.lower() in ABOUT_LINES:
        return True
    m = ABOUT.fullmatch(s)
    return bool(m and m.group("x")[:1].isupper())


def _about_body(joined: list[str]) -> bool:
    """Whether the units under an About heading read as one: a cue in them, or at most
    ABOUT_PROSE units of prose (a story's last subhead has more under it)."""
    kinds = [_kind(t) for t in joined]
    return "strong" in kinds or "weak" in kinds or kinds.count("story") <= ABOUT_PROSE


def edge_boilerplate(texts: list[str], keep: np.ndarray) -> np.ndarray:
    """Kept lines (of `texts`, kept where `keep`) that form a boilerplate block after the
    story; a boolean array."""
    out = np.zeros(len(texts), dtype=bool)
    units = _units(texts, keep.nonzero()[0].tolist())
    if len(units) < 2:
        return out
    joined = [texts[u[0]] if len(u) == 1 else " ".join(map(texts.__getitem__, u)) for u in units]
    words = [t.count(" ") + 1 for t in joined]  # about the words, fast
    total = sum(words)
    end = len(units)
    below = 0
    for j in range(len(units) - 1, 0, -1):  # an About section running to the end
        below += words[j]
        if below > ABOUT_SHARE * total:
            break
        if _about_heading(joined[j]) and total - below >= MIN_STORY and _about_body(joined[j + 1:]):
            end = j
    top = _cue_block(joined, units[:end], words[:end])
    for u in units[top:]:
        out[u] = True
    return out


def _units(texts: list[str], kept: list[int]) -> list[list[int]]:
    """The kept lines in reading units: a sentence cut into lines at links ("Join our
    forums" / "to keep talking ...") and a heading cut after its first word ("About" /
    "Acme Corp") are one unit each; other lines stand alone."""
    units: list[list[int]] = []
    for i in kept:
        if units and units[-1][-1] == i - 1 and _goes_on(texts[i - 1], texts[i]):
            units[-1].append(i)
        else:
            units.append([i])
    return units


def _goes_on(prev: str, cur: str) -> bool:
    """Whether line `cur` carries on the sentence or heading of the line `prev` above it."""
    prev, cur = prev.strip(), cur.strip()
    if not prev or not cur or prev.endswith(_END):
        return False
    return not cur[0].isupper() or prev.lower().rstrip(":") in ABOUT_WORDS


def _cue_block(joined: list[str], units: list[list[int]], words: list[int]) -> int:
    """Where the block of cue and filler units at the end of `units` starts (len(units): none)."""
    kinds = [""] * len(units)
    j = len(units)
    while j > 0:
        k = _kind(joined[j - 1])
        if k == "story":
            lo = _sidebar_run(joined, units, j - 1, kinds)
            if lo is None:
                break
            j = lo
            continue
        kinds[j - 1] = k
        j -= 1
    if "strong" not in kinds and kinds.count("weak") < 2:
        return len(units)
    while j < len(units) and kinds[j] == "filler":  # fillers above the first cue stay
        j += 1
    return j if sum(words[:j]) >= MIN_STORY else len(units)


def _sidebar_run(joined: list[str], units: list[list[int]], j: int, kinds: list[str]) -> int | None:
    """Start of the run of adjacent units holding units[j] when the run is cut off from the
    unit above it by more than RUN_GAP dropped lines, at least half its units that are not
    filler carry a strong cue and the block below has one; None otherwise (fills `kinds`)."""
    if "strong" not in kinds:
        return None
    lo = j
    while lo > 0 and units[lo][0] - units[lo - 1][-1] == 1:
        lo -= 1
    hi = j
    while hi + 1 < len(units) and units[hi + 1][0] - units[hi][-1] == 1:
        hi += 1
    if lo == 0 or units[lo][0] - units[lo - 1][-1] <= RUN_GAP:
        return None
    run = [_kind(joined[k]) for k in range(lo, hi + 1)]
    if run.count("strong") < run.count("story") + run.count("weak"):
        return None
    kinds[lo:j + 1] = run[:j + 1 - lo]
    return lo
