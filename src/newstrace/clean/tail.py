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
Units are read from the end up, only as far as these rules look; cue patterns are
searched through `cue_screen` (each only where the line holds a literal it needs). The story kept
above a block must hold MIN_STORY words or more. Copyright lines
and affiliate-link notices are left alone: the gold bodies of the test pages
keep them about as often as not."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .cue_screen import WORD, cue_set

REASON = "boilerplate"
MIN_STORY = 50  # words kept above a block for it to be dropped
FILLER_WORDS = 10  # a line of at most this many words and no sentence end is filler
ABOUT_SHARE = 1 / 3  # an About section holds at most this share of the kept words
ABOUT_PROSE = 2  # and at most this many units of prose without a cue
RUN_GAP = 2  # dropped lines that cut a run of kept lines off from the story above

_END = (".", "!", "?", "…", "。", "！", "？", '"', "”", "»")

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
STRONG = cue_set(*(p for cues in STRONG_CUES.values() for p in cues))

WEAK = cue_set(
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


def _kind(text: str) -> str:
    """"strong", "weak", "filler" or "story" (see the module's note)."""
    s = text.strip()
    low = s.lower()
    found = WORD.findall(low)
    words = set(found)
    if STRONG.search(low, words):
        return "strong"
    if WEAK.search(low, words):
        return "weak"
    # lower() keeps the words when it keeps the length (one letter for one), not always ("İ")
    n = len(found) if len(low) == len(s) else len(WORD.findall(s))
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
    kept = keep.nonzero()[0].tolist()
    units = _Units(texts, kept)
    n = len(kept)
    if n < 2 or units.start(n) == 0:  # one unit at most
        return out
    end = n
    heads = [p for p in _head_lines(texts, kept) if not units.joins(p)]
    if heads:  # an About section running to the end, in the last ABOUT_SHARE of the words
        total = _words(texts, kept)
        below = 0
        last = n
        for p in reversed(heads):
            below += _words(texts, kept[p:last])
            last = p
            if below > ABOUT_SHARE * total:
                break
            q = units.stop(p, n)
            if (_about_heading(units.text(p, q)) and total - below >= MIN_STORY
                    and _about_body([units.text(a, b) for a, b in units.forward(q, n)])):
                end = p
    top = _cue_block(units, end)
    if top < end and units.words_reach(top, MIN_STORY):
        out[kept[top:]] = True
    elif end < n:
        out[kept[end:]] = True
    return out


def _words(texts: list[str], lines: list[int]) -> int:
    """Words of these lines joined by spaces, counted as spaces + 1 (0 for no lines)."""
    return " ".join(map(texts.__getitem__, lines)).count(" ") + 1 if lines else 0


def _head_lines(texts: list[str], kept: list[int]) -> list[int]:
    """Positions (but the first) of the kept lines that may start an About heading: short,
    with an About word first (see `_about_heading`)."""
    lens = list(map(len, map(texts.__getitem__, kept)))
    return [p for p, m in enumerate(lens) if m <= ABOUT_CHARS and p > 0
            and texts[kept[p]].split(" ", 1)[0].lower() in ABOUT_FIRST]


@dataclass(frozen=True)
class _Units:
    """The kept lines (`kept`, indices into `texts`) in reading units: a sentence cut into
    lines at links ("Join our forums" / "to keep talking ...") and a heading cut after its
    first word ("About" / "Acme Corp") are one unit each; other lines stand alone. A unit
    is a range of positions in `kept`; whether position p starts one depends only on lines
    p - 1 and p, so units are read from any unit boundary, only as far as needed."""

    texts: list[str]
    kept: list[int]

    def joins(self, p: int) -> bool:
        """Whether kept line p carries on the unit of kept line p - 1."""
        i = self.kept[p]
        return p > 0 and self.kept[p - 1] == i - 1 and _goes_on(self.texts[i - 1], self.texts[i])

    def start(self, stop: int) -> int:
        """Start of the unit whose last line is at position stop - 1."""
        p = stop - 1
        while p > 0 and self.joins(p):
            p -= 1
        return p

    def stop(self, p: int, end: int) -> int:
        """End (exclusive) of the unit starting at position p, within positions below `end`."""
        q = p + 1
        while q < end and self.joins(q):
            q += 1
        return q

    def forward(self, p: int, end: int) -> list[tuple[int, int]]:
        """The units from the unit boundary p down to the unit boundary `end`, in order."""
        out = []
        while p < end:
            q = self.stop(p, end)
            out.append((p, q))
            p = q
        return out

    def text(self, p: int, q: int) -> str:
        """The lines at positions p to q - 1 joined by spaces."""
        if q == p + 1:
            return self.texts[self.kept[p]]
        return " ".join(map(self.texts.__getitem__, self.kept[p:q]))

    def run_start(self, p: int) -> int:
        """First position of the run of adjacent kept lines holding position p."""
        while p > 0 and self.kept[p - 1] == self.kept[p] - 1:
            p -= 1
        return p

    def run_stop(self, p: int, end: int) -> int:
        """End (exclusive, at most `end`) of the run of adjacent kept lines holding position p."""
        p += 1
        while p < end and self.kept[p] == self.kept[p - 1] + 1:
            p += 1
        return p

    def words_reach(self, p: int, least: int) -> bool:
        """Whether the lines above position p hold `least` words or more (counted as spaces + 1)."""
        n = 0
        for i in self.kept[:p]:
            n += self.texts[i].count(" ") + 1
            if n >= least:
                return True
        return False


def _goes_on(prev: str, cur: str) -> bool:
    """Whether line `cur` carries on the sentence or heading of the line `prev` above it."""
    prev, cur = prev.strip(), cur.strip()
    if not prev or not cur or prev.endswith(_END):
        return False
    return not cur[0].isupper() or prev.lower().rstrip(":") in ABOUT_WORDS


def _cue_block(units: _Units, end: int) -> int:
    """Where the block of cue and filler units at the end of the kept lines above position
    `end` (a unit boundary) starts, as a position; `end` when there is none."""
    block: list[tuple[int, str]] = []  # (start, kind) of the units read, from the bottom up
    p = end
    while p > 0:
        a = units.start(p)
        k = _kind(units.text(a, p))
        if k == "story":
            lo = _sidebar_run(units, a, p, end, block)
            if lo is None:
                break
            p = lo
            continue
        block.append((a, k))
        p = a
    kinds = [k for _, k in block]
    if "strong" not in kinds and kinds.count("weak") < 2:
        return end
    for a, k in reversed(block):  # fillers above the first cue stay
        if k != "filler":
            return a
    return end


def _sidebar_run(units: _Units, a: int, p: int, end: int, block: list[tuple[int, str]]) -> int | None:
    """Start of the run of adjacent units holding the unit from position a to p when the run
    is cut off from the unit above it by more than RUN_GAP dropped lines, at least half its
    units that are not filler carry a strong cue and the block below has one; None otherwise
    (adds that unit and the run's units above it to `block`)."""
    if all(k != "strong" for _, k in block):
        return None
    lo = units.run_start(a)
    if lo == 0 or units.kept[lo] - units.kept[lo - 1] <= RUN_GAP:
        return None
    run = [(b, _kind(units.text(b, c))) for b, c in units.forward(lo, units.run_stop(a, end))]
    kinds = [k for _, k in run]
    if kinds.count("strong") < kinds.count("story") + kinds.count("weak"):
        return None
    block += reversed([u for u in run if u[0] <= a])
    return lo
