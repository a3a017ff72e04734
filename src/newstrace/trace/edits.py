"""Edits of a copy against its parent: passages added, removed, changed; headline.

A passage one text lacks while its page shows it among the lines the cleaner removed
is a cleaning difference, not an edit, and is not reported."""

from __future__ import annotations

from difflib import SequenceMatcher

from ..clean.headline import title_key
from ..records import Article, Edit
from .members import norm, paragraph_spans, removed_units, sentences, text_units

CHANGED_MIN = 70.0  # rapidfuzz ratio from which two paragraphs are one paragraph changed


def _ratio(a: str, b: str) -> float:
    try:
        from rapidfuzz.fuzz import ratio
    except ImportError:  # rapidfuzz is optional here; difflib gives the same scale
        return 100.0 * SequenceMatcher(None, a, b, autojunk=False).ratio()
    return ratio(a, b)


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for s in sentences(text[start:end]):
        i = text.find(s, pos, end)
        if i < 0:
            continue
        out.append((i, i + len(s)))
        pos = i + len(s)
    return out


def _changed(copy: Article, parent: Article, cs: tuple[int, int], ps: tuple[int, int],
             doc_id: str, parent_id: str) -> list[Edit]:
    """Sentence-level differences inside one changed paragraph."""
    c_sp = _sentence_spans(copy.text, *cs)
    p_sp = _sentence_spans(parent.text, *ps)
    c_keys = [norm(copy.text[s:e]) for s, e in c_sp]
    p_keys = [norm(parent.text[s:e]) for s, e in p_sp]
    out = []
    sm = SequenceMatcher(None, p_keys, c_keys, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        new = (c_sp[j1][0], c_sp[j2 - 1][1]) if j2 > j1 else None
        old = parent.text[p_sp[i1][0]:p_sp[i2 - 1][1]] if i2 > i1 else None
        if new and old:
            out.append(Edit(doc_id, parent_id, "changed", copy.text[new[0]:new[1]], old, *new))
        elif new:
            out.append(Edit(doc_id, parent_id, "added", copy.text[new[0]:new[1]], None, *new))
        elif old:
            out.append(Edit(doc_id, parent_id, "removed", old, old, -1, -1))
    return out


def diff_articles(copy: Article, parent: Article) -> list[Edit]:
    """The edits that turn `parent` into `copy`, paragraph level, refined to sentences."""
    doc_id, pid = copy.doc_id, parent.doc_id
    out: list[Edit] = []
    ct = copy.title.value if copy.title else None
    pt = parent.title.value if parent.title else None
    if ct and pt and title_key(ct) != title_key(pt):
        out.append(Edit(doc_id, pid, "headline", ct, pt, -1, -1))
    copy_hidden, parent_hidden = removed_units(copy), removed_units(parent)
    cspans, pspans = paragraph_spans(copy), paragraph_spans(parent)
    ctexts = [copy.text[s:e] for s, e in cspans]
    ptexts = [parent.text[s:e] for s, e in pspans]
    normed = {t: norm(t) for t in {*ctexts, *ptexts}}  # a copy repeats most of its parent
    ckeys, pkeys = [normed[t] for t in ctexts], [normed[t] for t in ptexts]
    sm = SequenceMatcher(None, pkeys, ckeys, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        paired: list[tuple[int, int]] = []
        for j in news:  # pair each new paragraph with its most similar old one
            best = max(olds, key=lambda i: _ratio(pkeys[i], ckeys[j]), default=None)
            if best is not None and _ratio(pkeys[best], ckeys[j]) >= CHANGED_MIN:
                paired.append((best, j))
                olds.remove(best)
        done_new = {j for _, j in paired}
        for i, j in paired:
            out += _changed(copy, parent, cspans[j], pspans[i], doc_id, pid)
        for i in olds:
            s, e = pspans[i]
            if not _hidden_in(parent.text[s:e], copy_hidden):
                out.append(Edit(doc_id, pid, "removed", parent.text[s:e], parent.text[s:e], -1, -1))
        for j in news:
            s, e = cspans[j]
            if j not in done_new and not _hidden_in(copy.text[s:e], parent_hidden):
                out.append(Edit(doc_id, pid, "added", copy.text[s:e], None, s, e))
    return out


def _hidden_in(passage: str, hidden: frozenset[str]) -> bool:
    """Whether every text unit of `passage` is among `hidden` (the other page's removed lines)."""
    units = text_units(passage)
    return bool(units) and all(u in hidden for u in units)
