"""Side-by-side diff of two texts: sentences aligned, changed words marked.

Output rows are plain data; templates draw them. Each side is a list of
segments `{"text", "mark"}` where `mark` is true for words that differ.
"""

from __future__ import annotations

import difflib
import re

_PARA = re.compile(r"\n\s*\n")
_SENT = re.compile(r"[.!?…][\"'”’)\]]*(?=\s+(?![a-z])\S)")
_WORD = re.compile(r"\w+|\s+|[^\w\s]")
CONTEXT = 2


def sentences(text: str) -> list[str]:
    """Sentences of each paragraph; a paragraph break ends a sentence too."""
    out: list[str] = []
    for para in _PARA.split(text or ""):
        para = " ".join(para.split())
        if not para:
            continue
        start = 0
        for m in _SENT.finditer(para):
            out.append(para[start:m.end()].strip())
            start = m.end()
        out.append(para[start:].strip())
    return [s for s in out if s]


def word_diff(a: str, b: str) -> tuple[list[dict], list[dict]]:
    ta, tb = _WORD.findall(a), _WORD.findall(b)
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    left: list[dict] = []
    right: list[dict] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        _push(left, "".join(ta[i1:i2]), op != "equal")
        _push(right, "".join(tb[j1:j2]), op != "equal")
    return left, right


def _push(segs: list[dict], text: str, mark: bool) -> None:
    if not text:
        return
    if segs and segs[-1]["mark"] == mark:
        segs[-1]["text"] += text
    else:
        segs.append({"text": text, "mark": mark})


def _plain(text: str, mark: bool = False) -> list[dict]:
    return [{"text": text, "mark": mark}]


def diff_texts(old: str, new: str) -> dict:
    """Rows of a side-by-side diff of `old` (left) against `new` (right)."""
    a, b = sentences(old), sentences(new)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[dict] = []
    stats = {"same": 0, "changed": 0, "added": 0, "removed": 0}
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            stats["same"] += i2 - i1
            out.extend({"op": "same", "left": _plain(s), "right": _plain(s)} for s in a[i1:i2])
        elif op == "delete":
            stats["removed"] += i2 - i1
            out.extend({"op": "removed", "left": _plain(s, True), "right": []}
                       for s in a[i1:i2])
        elif op == "insert":
            stats["added"] += j2 - j1
            out.extend({"op": "added", "left": [], "right": _plain(s, True)} for s in b[j1:j2])
        else:
            out.extend(_pair(a[i1:i2], b[j1:j2], stats))
    return {"rows": _collapse(out), "stats": stats,
            "ratio": round(sm.ratio(), 3)}


def _pair(old: list[str], new: list[str], stats: dict) -> list[dict]:
    """Pair changed sentences in order; unpaired or too different ones stand alone."""
    rows: list[dict] = []
    for k in range(max(len(old), len(new))):
        x = old[k] if k < len(old) else None
        y = new[k] if k < len(new) else None
        if x is not None and y is not None and \
                difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.4:
            left, right = word_diff(x, y)
            rows.append({"op": "changed", "left": left, "right": right})
            stats["changed"] += 1
            continue
        if x is not None:
            rows.append({"op": "removed", "left": _plain(x, True), "right": []})
            stats["removed"] += 1
        if y is not None:
            rows.append({"op": "added", "left": [], "right": _plain(y, True)})
            stats["added"] += 1
    return rows


def _collapse(rows: list[dict]) -> list[dict]:
    """Fold long runs of identical sentences, keeping CONTEXT rows each side."""
    out: list[dict] = []
    run: list[dict] = []
    for row in rows + [None]:
        if row is not None and row["op"] == "same":
            run.append(row)
            continue
        if len(run) > 2 * CONTEXT + 1:
            head = CONTEXT if out else 0
            tail = CONTEXT if row is not None else 0
            out.extend(run[:head])
            out.append({"op": "skip", "n": len(run) - head - tail, "left": [], "right": []})
            out.extend(run[len(run) - tail:])
        else:
            out.extend(run)
        run = []
        if row is not None:
            out.append(row)
    return out
