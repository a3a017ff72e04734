"""Corpora for the reuse bench.

noisy_corpus: a NEWS-COPY-like benchmark built from the real article bodies of
../shared/data/extraction/textdump.jsonl (gold_text). Each story seed gets
copies with OCR-like character noise, hyphenation at line breaks, abridgement,
datelines, own intros, debris lines, reordered paragraphs, light rewording and
a changed headline; roundups mix their own filler with one borrowed paragraph
of a seed (partial reuse: a paragraph of 45+ words, at most 40% of its
source, with at least twice its length of own filler); the other seeds
stay singletons. Articles that
already share text with each other are left out, so the truth is known.

zipf_corpus: synthetic ~500-word documents drawn from a Zipfian vocabulary,
with a share of noisy copies and of partial borrowers, for the scale runs.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

TEXTDUMP = Path(__file__).resolve().parents[1].parent / "shared/data/extraction/textdump.jsonl"
WORD = re.compile(r"\w+")

CONFUSE = {
    "e": "ce", "c": "eo", "o": "0ce", "l": "1I|", "i": "l1!", "h": "bn", "n": "ur", "m": "rn",
    "u": "nv", "a": "ao", "s": "58", "t": "f1", "r": "n", "b": "h6", "d": "cl", "f": "t",
}
DEBRIS = [
    "Advertisement", "ADVERTISEMENT", "Share this article", "Share on Facebook",
    "Tweet this", "Subscribe to our newsletter", "Click here to subscribe",
    "Continue reading below", "Story continues below advertisement", "Read more:",
    "Sign up for our daily briefing", "Comments", "Print this page", "Follow us on Twitter",
]
PLACES = ["WASHINGTON", "LONDON", "NEW YORK", "PARIS", "BERLIN", "CHICAGO", "TOKYO",
          "SYDNEY", "MOSCOW", "BOSTON", "DENVER", "ATLANTA"]
AGENCIES = ["AP", "Reuters", "AFP", "UPI", "dpa", "Bloomberg"]
SYNONYMS = {
    "said": "stated", "says": "states", "big": "large", "large": "big", "also": "too",
    "but": "yet", "people": "persons", "new": "fresh", "about": "around", "many": "numerous",
    "show": "reveal", "help": "aid", "start": "begin", "began": "started", "buy": "purchase",
    "told": "informed", "get": "obtain", "because": "since", "however": "but", "often": "frequently",
}


@dataclass
class Doc:
    doc_id: str
    text: str
    family: str  # gold family (a seed id, or the doc id for singletons)
    parts: set[tuple[str, int]] = field(default_factory=set)  # (seed, paragraph) it contains


def load_articles(part: str = "all") -> list[str]:
    """Gold bodies that share no 6-word sequence with another kept body."""
    rows = [json.loads(line) for line in TEXTDUMP.open(encoding="utf-8")]
    texts = [r["gold_text"].strip() for r in rows]
    seen: dict[tuple[str, ...], int] = {}
    kept = []
    for i, t in enumerate(texts):
        toks = WORD.findall(t.lower())
        grams = {tuple(toks[k : k + 6]) for k in range(len(toks) - 5)}
        if len(toks) < 100 or sum(1 for g in grams if g in seen) >= 2:
            continue
        for g in grams:
            seen.setdefault(g, i)
        kept.append(i)
    if part in ("even", "odd"):
        kept = [i for n, i in enumerate(kept) if n % 2 == (part == "odd")]
    return [texts[i] for i in kept]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def ocr_noise(text: str, rate: float, rng: random.Random) -> str:
    out = []
    for ch in text:
        r = rng.random()
        if r >= rate or ch == "\n":
            out.append(ch)
        elif r < rate * 0.6:
            out.append(rng.choice(CONFUSE.get(ch.lower(), ch + ".,")))
        elif r < rate * 0.8:
            continue
        else:
            out.append(ch + rng.choice("abcdefghijklmnopqrstuvwxyz.,'"))
    return "".join(out)


def wrap(paragraph: str, width: int, rng: random.Random) -> str:
    """Column lines of about `width` chars; words cut at a line end get a hyphen."""
    lines, line = [], ""
    for w in paragraph.split():
        if len(line) + 1 + len(w) <= width:
            line = f"{line} {w}" if line else w
            continue
        if len(w) >= 6 and rng.random() < 0.5 and line:
            cut = rng.randint(2, len(w) - 3)
            lines.append(f"{line} {w[:cut]}-")
            line = w[cut:]
        else:
            if line:
                lines.append(line)
            line = w
    if line:
        lines.append(line)
    return "\n".join(lines)


def reword(text: str, rate: float, rng: random.Random) -> str:
    def swap(m: re.Match) -> str:
        w = m.group(0)
        if rng.random() >= rate:
            return w
        if w.lower() in SYNONYMS:
            return SYNONYMS[w.lower()]
        return "" if len(w) <= 3 and rng.random() < 0.5 else w
    return re.sub(r"[A-Za-z]+", swap, text)


def headline(text: str, rng: random.Random) -> str:
    words = WORD.findall(text)[:40]
    rng.shuffle(words)
    return " ".join(words[: rng.randint(5, 10)]).capitalize()


def make_copy(seed_id: str, paras: list[str], rng: random.Random, own: list[str]) -> tuple[str, set]:
    idx = list(range(len(paras)))
    if rng.random() < 0.4 and len(idx) > 2:  # abridge: keep the start
        idx = idx[: max(1, int(len(idx) * rng.uniform(0.4, 0.9)))]
    elif rng.random() < 0.2 and len(idx) > 3:  # drop one middle paragraph
        idx.pop(rng.randrange(1, len(idx) - 1))
    if rng.random() < 0.25 and len(idx) > 3:  # reorder a few paragraphs
        k = rng.randrange(1, len(idx) - 2)
        idx[k], idx[k + 1] = idx[k + 1], idx[k]
    body = [paras[i] for i in idx]
    if rng.random() < 0.4:
        body = [reword(p, 0.04, rng) for p in body]
    if rng.random() < 0.5:
        body[0] = f"{rng.choice(PLACES)} ({rng.choice(AGENCIES)}) — {body[0]}"
    if rng.random() < 0.25 and own:  # an intro of its own: a sentence or two
        body.insert(0, " ".join(own.pop().split()[: rng.randint(15, 40)]) + ".")
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            body.insert(rng.randrange(len(body) + 1), rng.choice(DEBRIS))
    body.insert(0, headline(" ".join(paras), rng))
    rate = rng.choice([0.0, 0.0, 0.01, 0.02, 0.03, 0.05])
    if rate:
        body = [ocr_noise(p, rate, rng) for p in body]
    if rng.random() < 0.5:
        width = rng.randint(35, 70)
        body = [wrap(p, width, rng) for p in body]
    return "\n\n".join(body), {(seed_id, i) for i in idx}


def noisy_corpus(seed: int = 0, part: str = "all", family_share: float = 0.55,
                 roundups: float = 0.35) -> list[Doc]:
    """Families of noisy copies, roundups with one borrowed paragraph, singletons."""
    rng = random.Random(seed)
    articles = load_articles(part)
    rng.shuffle(articles)
    n_filler = int(len(articles) * 0.25)
    filler = [p for a in articles[:n_filler] for p in paragraphs(a) if len(p.split()) >= 15]
    rng.shuffle(filler)
    seeds = articles[n_filler:]
    docs: list[Doc] = []
    for s, text in enumerate(seeds):
        sid = f"s{seed}-{s:03d}"
        paras = paragraphs(text)
        docs.append(Doc(sid, "\n\n".join(paras), sid, {(sid, i) for i in range(len(paras))}))
        if rng.random() < family_share:
            for c in range(rng.randint(1, 5)):
                body, parts = make_copy(sid, paras, rng, filler)
                docs.append(Doc(f"{sid}-c{c}", body, sid, parts))
    sources = [d for d in docs if d.doc_id.count("-") == 1]
    for r in range(int(len(seeds) * roundups)):
        src = rng.choice(sources)
        paras = paragraphs(src.text)
        size = len(src.text)
        long = [i for i, p in enumerate(paras) if len(p.split()) >= 45 and len(p) <= 0.4 * size]
        if not long or len(filler) < 3:
            continue
        i = rng.choice(long)
        own = [filler.pop() for _ in range(3)]
        while filler and sum(len(p) for p in own) < 2 * len(paras[i]):
            own.append(filler.pop())
        own.insert(rng.randrange(len(own) + 1), paras[i])
        own.insert(0, headline(" ".join(own), rng))
        rid = f"r{seed}-{r:03d}"
        docs.append(Doc(rid, "\n\n".join(own), rid, {(src.doc_id, i)}))
    rng.shuffle(docs)
    return docs


def gold_pairs(docs: list[Doc]) -> tuple[set, set]:
    """(pairs in one family, pairs of different families sharing a paragraph)."""
    by_part: dict[tuple[str, int], list[str]] = {}
    for d in docs:
        for p in d.parts:
            by_part.setdefault(p, []).append(d.doc_id)
    fam = {d.doc_id: d.family for d in docs}
    same, partial = set(), set()
    for d1 in docs:
        for d2 in docs:
            if d1.doc_id < d2.doc_id and d1.family == d2.family:
                same.add((d1.doc_id, d2.doc_id))
    for ids in by_part.values():
        for x in ids:
            for y in ids:
                if x < y and fam[x] != fam[y]:
                    partial.add((x, y))
    return same, partial


def zipf_corpus(n: int, seed: int = 0, copies: float = 0.1, borrow: float = 0.05,
                words: int = 500, vocab: int = 50_000) -> list[tuple[str, str]]:
    """n synthetic documents (~`words` words in paragraphs of ~60 words).

    A share `copies` are copies (2% of words replaced, a dateline added) of an
    earlier document; a share `borrow` are fresh text plus one borrowed paragraph.
    """
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lex = np.array(["".join(rng.choice(letters, k)) for k in rng.integers(2, 11, vocab)],
                   dtype=object)
    cdf = np.cumsum(1.0 / np.arange(1, vocab + 1) ** 1.05)
    cdf /= cdf[-1]

    def fresh(count: int) -> list[list[str]]:
        out = []
        for lo in range(0, count, 10_000):
            m = min(10_000, count - lo)
            draws = np.searchsorted(cdf, rng.random((m, words)))
            for row in lex[draws]:
                out.append([" ".join(row[k : k + 60]) + "." for k in range(0, words, 60)])
        return out

    n_copy, n_borrow = int(n * copies), int(n * borrow)
    n_orig = n - n_copy - n_borrow
    origs = fresh(n_orig)
    out = [(f"z{i:07d}", "\n\n".join(p)) for i, p in enumerate(origs)]
    for j in range(n_copy):
        src = int(rng.integers(0, n_orig))
        toks = out[src][1].split(" ")
        for k in rng.integers(0, len(toks), len(toks) // 50):
            toks[k] = lex[int(rng.integers(0, vocab))]
        out.append((f"y{j:07d}.z{src:07d}", "BERLIN (dpa) — " + " ".join(toks)))
    for j, own in enumerate(fresh(n_borrow)):
        src = int(rng.integers(0, n_orig))
        own[len(own) // 2] = origs[src][int(rng.integers(0, len(origs[src])))]
        out.append((f"x{j:07d}.z{src:07d}", "\n\n".join(own)))
    return out
