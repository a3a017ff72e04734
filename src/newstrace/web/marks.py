"""Cut a text into segments that carry the marks (spans) covering them.

A mark is `(start, end, cls, note)`. Segments are plain dicts
`{"text", "cls", "title", "notes"}`: `cls` lists the marks' classes, `title`
their notes, and `notes` the notes of marks that end with this segment (shown
after it, e.g. why a raw line was removed). Templates escape everything.
"""

from __future__ import annotations

import re

Mark = tuple[int, int, str, str]
RAW_LIMIT = 300_000


def segments(text: str, marks: list[Mark], lo: int = 0, hi: int | None = None,
             note_cls: tuple[str, ...] = ()) -> list[dict]:
    hi = len(text) if hi is None else hi
    inside = [m for m in marks if m[0] < hi and m[1] > lo and m[0] < m[1]]
    cuts = {lo, hi}
    for s, e, _, _ in inside:
        cuts.update((max(s, lo), min(e, hi)))
    cuts = sorted(cuts)
    out = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        on = [m for m in inside if m[0] <= s and m[1] >= e]
        out.append({
            "text": text[s:e],
            "cls": " ".join(sorted({m[2] for m in on})),
            "title": "; ".join(dict.fromkeys(m[3] for m in on if m[3])),
            "notes": [m[3] for m in on if m[1] == e and m[2] in note_cls],
        })
    return out


def _valid(items, size: int) -> list[dict]:
    return [x for x in items or [] if isinstance(x, dict)
            and isinstance(x.get("start"), int) and isinstance(x.get("end"), int)
            and 0 <= x["start"] < x["end"] <= size]


def _kind_class(kind: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", (kind or "").lower())[:20]


def article_blocks(art: dict, shared: list[dict]) -> list[dict]:
    """The clean text as blocks (paragraph, subhead, caption) with inline marks.

    `shared` lists passages this text shares with other documents
    ({start, end, note}).
    """
    text = art.get("text") or ""
    size = len(text)
    marks: list[Mark] = []
    for q in _valid(art.get("quotes"), size):
        who = q.get("speaker") or "unknown speaker"
        marks.append((q["start"], q["end"], "quote", f"quote ({q.get('kind') or ''}): {who}"))
    for e in _valid(art.get("entities"), size):
        label = str(e.get("label") or "")
        marks.append((e["start"], e["end"], "ent ent-" + _kind_class(label), label))
    dl = art.get("dateline")
    if isinstance(dl, dict) and _valid([dl], size):
        parts = [f"{k}: {dl[k]}" for k in ("place", "agency", "date") if dl.get(k)]
        marks.append((dl["start"], dl["end"], "dateline", "dateline " + ", ".join(parts)))
    for s in _valid(shared, size):
        marks.append((s["start"], s["end"], "shared", s.get("note") or "shared passage"))
    kinds = {(s["start"], s["end"]): "subhead" for s in _valid(art.get("subheads"), size)}
    kinds.update({(s["start"], s["end"]): "caption" for s in _valid(art.get("captions"), size)})
    blocks = []
    for p in _paragraphs(art, text):
        kind = kinds.get((p["start"], p["end"])) or _kind_class(p.get("kind")) or "paragraph"
        blocks.append({"kind": kind, "start": p["start"], "end": p["end"],
                       "segments": segments(text, marks, p["start"], p["end"])})
    return blocks


def _paragraphs(art: dict, text: str) -> list[dict]:
    spans = _valid(art.get("paragraphs"), len(text))
    if spans:
        return sorted(spans, key=lambda s: s["start"])
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text + "\n\n"):
        if text[pos:m.start()].strip():
            out.append({"start": pos, "end": min(m.start(), len(text)), "kind": "paragraph"})
        pos = m.end()
    return out


def raw_segments(body: str, art: dict) -> dict:
    """The raw body with removed lines, credits and counters marked (raw offsets)."""
    body = body or ""
    truncated = len(body) > RAW_LIMIT
    shown = body[:RAW_LIMIT]
    size = len(shown)
    marks: list[Mark] = []
    for r in _valid(art.get("removed"), size):
        marks.append((r["start"], r["end"], "removed", "removed: " + str(r.get("reason") or "")))
    for c in _valid(art.get("credits"), size):
        marks.append((c["start"], c["end"], "credit",
                      f"credit ({c.get('form') or ''}): {c.get('outlet') or ''}"))
    for c in _valid(art.get("counters"), size):
        marks.append((c["start"], c["end"], "counter",
                      f"counter ({c.get('label') or ''}): {c.get('value') or ''}"))
    return {"segments": segments(shown, marks, note_cls=("removed",)), "truncated": truncated,
            "chars": len(body)}
