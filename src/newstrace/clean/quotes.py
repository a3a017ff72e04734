"""Direct quotes with their speakers, and `according to X` attributions.

`find_quotes(text, paragraphs)` -> tuple[Quote]; every Quote satisfies
`text[q.start:q.end] == q.text`. Direct quotes are the words inside the
marks; according-to quotes are the whole attributed sentence. Speakers are
resolved to a full name where the text gives one ("Lavrov" ->
"Sergey Lavrov", "the Russian foreign minister" -> "Sergey Lavrov").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.records import Quote, Span

_PAIRS = {"“": "”", "«": "»", "„": "“”", "”": "”", "‹": "›"}
_VERBS_EN = (
    "said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|"
    "highlighted|highlights|explained|explains|stated|states|declared|wrote|writes|tweeted|"
    "argued|argues|warned|warns|insisted|insists|claimed|claims|asserted|remarked|continued|"
    "concluded|recalled|underlined|underscored|observed|announced|acknowledged|admitted|"
    "replied|responded|asked|pointed out|points out|went on|suggested|predicted|vowed|"
    "promised|cautioned|confirmed|denied|commented|reiterated|urged|affirmed|indicated|"
    "mentioned|told reporters|told journalists|said in a statement"
)
_VERBS_OTHER = (
    "сказал|сказала|сказали|заявил|заявила|заявили|отметил|отметила|подчеркнул|подчеркнула|"
    "добавил|добавила|сообщил|сообщила|пояснил|пояснила|говорит|считает|"
    "sagte|sagt|erklärte|betonte|meinte|fügte hinzu|a déclaré|a dit|a affirmé|a ajouté|"
    "a souligné|a expliqué|dijo|afirmó|declaró|señaló|aseguró|añadió|explicó|ha detto|"
    "ha dichiarato|ha affermato|ha aggiunto|ha spiegato|disse|afirmou|declarou|acrescentou"
)
_VERB = rf"(?:{_VERBS_EN}|{_VERBS_OTHER})"
_UPW = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.\-]*"
_NAME = rf"{_UPW}(?:\s+(?:{_UPW}|de|da|van|von|der|bin|al-\w+|el-\w+))*"
_PRONOUNS = {"he", "she", "they", "we", "i", "он", "она", "они", "er", "sie", "il", "elle"}
_ADVERBS = r"(?:(?:also|later|then|further|reportedly|earlier|previously|again|once|had|has|have|"
_ADVERBS += r"was|were|is|quickly|repeatedly|separately|recently|publicly|firmly|"
_ADVERBS += r"также|тогда|ранее|auch|aussi|también|anche|também)\s+)*"

_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*(?:[-–—]\s*)?(?P<verb>{_VERB})\s+(?P<who>{_NAME}|he|she|they)\b")
_AFTER_NAME_FIRST = re.compile(
    rf"^[\s,]*(?:[-–—]\s*)?(?P<who>{_NAME}|he|she|they|it|the [\w\- ]{{3,60}}?|[\w\-]+ [\w\- ]{{0,50}}?)\s+{_ADVERBS}(?P<verb>{_VERB})\b")
_BEFORE = re.compile(
    rf"^(?P<who>(?:{_NAME}|(?:[Tt]he|[Aa]n?) [\w\-’' ]{{3,60}}?|[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w\-]+ [\w\-’' ]{{0,50}}?))"
    rf"\s+{_ADVERBS}(?P<verb>{_VERB})\b")
_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording to|[Ss]elon|[Ss]egún|[Ss]econdo|[Ll]aut|[Пп]о словам|[Пп]о данным|"
    r"[Кк]ак сообщает|[Кк]ак сообщил[аи]?)\s+(?P<src>[^,.;:!?()\"“”«»]{2,90}?)(?=[,.;:!?]|\s+(?:that|which|who)\s|$)")
_ABBREV = re.compile(r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Col|Lt|St|Jr|Sr|Prof|No|vs|etc|Inc|Corp|Co|Ltd|"
                     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]\.[A-Z])\.)$")
_TITLES = set(
    "minister ministers secretary president vice prime foreign defense defence state department spokesperson "
    "spokesman spokeswoman chancellor chairman chairwoman chair director head chief senator governor mayor "
    "ambassador envoy general leader deputy official officials representative us u.s. uk russian american "
    "british french german chinese ukrainian of the and press kremlin white house national security adviser "
    "advisor council counterpart ceo former acting king queen pope premier council's".split())


def _sentences(par: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph."""
    out, start = [], 0
    for m in re.finditer(r"[.!?…][”\"»’)]*\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ“\"«„])", par):
        if _ABBREV.search(par[max(0, m.start() - 6): m.start() + 1]):
            continue
        out.append((start, m.start() + 1))
        start = m.end()
    out.append((start, len(par)))
    return out


def _quote_spans(par: str) -> list[tuple[int, int]]:
    """(open, close) indices of quote marks in a paragraph."""
    spans: list[tuple[int, int]] = []
    i = 0
    while True:
        m = _OPENERS.search(par, i)
        if m is None:
            return spans
        i = m.start()
        if par[i] == '"':
            j = par.find('"', i + 1)
        else:
            close = _CLOSERS[par[i]].search(par, i + 1)
            j = close.start() if close else -1
        if j > 0:
            spans.append((i, j))
            i = j + 1
        else:
            i += 1


_OPENERS = re.compile("[" + re.escape("".join(_PAIRS)) + '"]')
_CLOSERS = {ch: re.compile("[" + re.escape(close) + "]") for ch, close in _PAIRS.items()}


class _Names:
    """Full names and role phrases seen in a text, to resolve short speakers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: list[str] | None = None  # found on first use: most texts resolve no speaker

    def runs(self) -> list[str]:
        if self._runs is None:
            word = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ]\.|[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]+)"
            self._runs = [m.group(0) for m in re.finditer(rf"{word}(?:[ ]+(?:of[ ]+)?{word})+", self.text)]
        return self._runs

    def full(self, who: str) -> str:
        last = who.split()[-1]
        best = who
        for run in self.runs():
            words = run.split()
            if words[-1] != last:
                continue
            tail: list[str] = []
            for w in reversed(words):
                if w.lower() in _TITLES:
                    break
                tail.insert(0, w)
            if 2 <= len(tail) <= 4 and len(" ".join(tail)) > len(best):
                best = " ".join(tail)
        return best

    def role(self, phrase: str) -> str | None:
        words = [w for w in phrase.split() if w.lower() not in {"the", "a", "an", "his", "her", "its"}]
        if not words or words[-1].lower() not in _TITLES:
            return None
        role = r"[ ]+".join(map(re.escape, words))
        rx = re.compile(rf"\b(?i:{role})[ ]+(?P<name>{_UPW}(?:[ ]+{_UPW}){{1,2}})")
        for m in rx.finditer(self.text):
            name = m.group("name")
            if name[0].isupper() and name.split()[0].lower() not in _TITLES:
                return self.full(name)
        return None


def _resolve(who: str, names: _Names, last: str | None) -> str | None:
    who = who.strip(" ,")
    if who.lower() in _PRONOUNS:
        return last
    words = who.split()
    if who[:1].isupper() and all(w[:1].isupper() or w in {"de", "van", "von", "der", "bin"} for w in words):
        if words[0].lower() in {"the", "a"}:
            return names.role(who) or who
        while len(words) > 2 and words[0].lower() in _TITLES:
            words = words[1:]  # "White House Press Secretary Stephanie Grisham" -> the person
        return names.full(" ".join(words))
    resolved = names.role(who)
    if resolved:
        return resolved
    tail = re.search(rf"({_UPW}\s+{_UPW})$", who)
    if tail:
        return names.full(tail.group(1))
    return who if len(who.split()) <= 6 else None


def _speaker_near(par: str, sent: tuple[int, int], qs: int, qe: int) -> str | None:
    after = par[qe + 1: sent[1]]
    for rx in (_AFTER_VERB_FIRST, _AFTER_NAME_FIRST):
        m = rx.match(after)
        if m:
            return m.group("who")
    before = par[sent[0]: qs]
    m = _BEFORE.match(before.lstrip("“\"«„ "))
    if m:
        return m.group("who")
    return None


def find_quotes(text: str, paragraphs: Sequence[Span]) -> tuple[Quote, ...]:
    """Direct quotes and according-to attributions in the body `text`."""
    names = _Names(text)
    out: list[Quote] = []
    last: str | None = None
    for span in paragraphs:
        par = text[span.start: span.end]
        sents: list[tuple[int, int]] = []  # found on first use
        for qs, qe in _quote_spans(par):
            inner = par[qs + 1: qe]
            body = inner.rstrip(" ,.")
            if len(body.split()) < 3:
                continue
            sents = sents or _sentences(par)
            sent = next((s for s in sents if s[0] <= qs < s[1]), (0, len(par)))
            sent = (sent[0], max(sent[1], next((s[1] for s in sents if s[0] <= qe < s[1]), sent[1])))
            who = _speaker_near(par, sent, qs, qe)
            speaker = _resolve(who, names, last) if who else None
            if speaker is None and len(body.split()) < 6:
                continue
            last = speaker or last
            lead = len(inner) - len(inner.lstrip())
            start = span.start + qs + 1 + lead
            out.append(Quote(body.strip(), speaker, "direct", start, start + len(body.strip())))
        for m in _ACCORDING.finditer(par):
            sents = sents or _sentences(par)
            s0, s1 = next((s for s in sents if s[0] <= m.start() < s[1]), (0, len(par)))
            src = m.group("src").strip()
            speaker = _resolve(src, names, last)
            sentence = par[s0:s1].rstrip()
            out.append(Quote(sentence, speaker, "according-to", span.start + s0, span.start + s0 + len(sentence)))
    return tuple(sorted(out, key=lambda q: (q.start, q.kind)))


__all__ = ["find_quotes"]
