"""Geometry for the server-drawn SVG: bar charts, columns over time, copy tree, timeline.

Functions return numbers and labels only; templates write the SVG (escaped).
"""

from __future__ import annotations

from datetime import datetime, timedelta

STATUSES = ("origin", "credited", "uncredited", "miscredited")
COPY_STATUSES = STATUSES[1:]


def status_class(status: str | None) -> str:
    return "st-" + (status if status in STATUSES else "none")


def marker(status: str | None, x: float, y: float, r: float = 7) -> str:
    """An SVG path: square = origin, circle = credited, triangle = uncredited,
    diamond = miscredited (shape and colour both tell the status)."""
    if status == "origin":
        return f"M{x - r:.1f},{y - r:.1f}h{2 * r:.1f}v{2 * r:.1f}h{-2 * r:.1f}z"
    if status == "uncredited":
        return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y + r:.1f}L{x - r - 1:.1f},{y + r:.1f}z"
    if status == "miscredited":
        return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y:.1f}L{x:.1f},{y + r + 1:.1f}L{x - r - 1:.1f},{y:.1f}z"
    return (f"M{x - r:.1f},{y:.1f}a{r},{r} 0 1,0 {2 * r:.1f},0"
            f"a{r},{r} 0 1,0 {-2 * r:.1f},0z")


def hbars(items: list[dict], label: str = "site", parts: tuple[str, ...] = ("n",),
          width: int = 500, row: int = 22, left: int = 170) -> dict:
    """Horizontal bars, stacked from `parts` (keys of each item)."""
    top = max((sum(it.get(p) or 0 for p in parts) for it in items), default=0) or 1
    span = width - left - 60
    out = []
    for i, it in enumerate(items):
        x = left
        segs = []
        for p in parts:
            w = span * (it.get(p) or 0) / top
            if w > 0:
                segs.append({"x": round(x, 1), "w": round(w, 1), "cls": "b-" + p,
                             "n": it.get(p) or 0, "part": p})
            x += w
        out.append({"label": str(it.get(label) or ""), "y": i * row + 4,
                    "total": sum(it.get(p) or 0 for p in parts), "end": round(x, 1),
                    "parts": segs, "item": it})
    return {"width": width, "height": len(items) * row + 8, "rows": out, "left": left,
            "bar": row - 8}


def _buckets(days: list[str]) -> tuple[list[str], bool]:
    """Every day (or month, past 120 days) from the first date to the last, gaps included."""
    dates = sorted(d.date() for d in (parse_date(x) for x in days) if d is not None)
    if not dates:
        return [], False
    if (dates[-1] - dates[0]).days <= 120:
        return [(dates[0] + timedelta(days=i)).isoformat()
                for i in range((dates[-1] - dates[0]).days + 1)], False
    months, (y, m) = [], (dates[0].year, dates[0].month)
    while (y, m) <= (dates[-1].year, dates[-1].month):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months, True


def columns(by_date: list[dict], width: int = 500, height: int = 220) -> dict | None:
    """Stacked columns of family members per day (per month when long) and status."""
    names, month = _buckets([r["day"] for r in by_date if r["day"]])
    if not names:
        return None
    buckets: dict[str, dict[str, int]] = {n: {} for n in names}
    for r in by_date:
        d = parse_date(r["day"])
        if d is None:
            continue
        b = buckets[d.strftime("%Y-%m") if month else d.date().isoformat()]
        st = r["status"] if r["status"] in STATUSES else "none"
        b[st] = b.get(st, 0) + r["n"]
    top = max(sum(b.values()) for b in buckets.values()) or 1
    left, bottom, plot_h = 40, 30, height - 40
    step = (width - left - 10) / len(names)
    cols = []
    for i, name in enumerate(names):
        y = bottom + plot_h
        segs = []
        for st in STATUSES + ("none",):
            n = buckets[name].get(st, 0)
            h = plot_h * n / top
            if n:
                y -= h
                segs.append({"y": round(y, 1), "h": round(h, 1), "cls": status_class(st),
                             "n": n, "status": st})
        cols.append({"label": name, "x": round(left + i * step + max(step - 40, 0) / 2 + 1, 1),
                     "w": round(min(max(step - 2, 1), 38), 1), "parts": segs,
                     "total": sum(buckets[name].values())})
    ticks = sorted({0, len(names) // 2, len(names) - 1})
    return {"width": width, "height": height + 10, "columns": cols, "top": top,
            "unit": "month" if month else "day", "base": bottom + plot_h, "left": left,
            "ticks": [{"x": cols[i]["x"] + cols[i]["w"] / 2, "label": names[i]} for i in ticks]}


def tree(members: list[dict], origin_outlet: str | None = None, col: int = 240,
         row: int = 42) -> dict:
    """Left-to-right copy tree from parent_doc_id: depth along x, one leaf per row."""
    ids = {m["doc_id"] for m in members}
    kids: dict[str | None, list[dict]] = {}
    for m in members:
        parent = m.get("parent_doc_id")
        if parent not in ids or parent == m["doc_id"]:
            parent = None
        kids.setdefault(parent, []).append(m)
    roots = kids.get(None, [])
    placed: dict[str, dict] = {}
    edges: list[dict] = []
    state = {"row": 0}

    def place(m: dict, depth: int) -> float:
        node = {"doc_id": m["doc_id"], "status": m.get("credit_status"),
                "site": str(m.get("site") or m["doc_id"]), "date": str(m.get("date") or "")[:10],
                "title": str(m.get("title") or ""), "partial": m.get("role") == "partial",
                "x": 20 + depth * col}
        placed[m["doc_id"]] = node
        ys = [place(c, depth + 1) for c in kids.get(m["doc_id"], []) if c["doc_id"] not in placed]
        if ys:
            node["y"] = (ys[0] + ys[-1]) / 2
        else:
            node["y"] = 30 + state["row"] * row
            state["row"] += 1
        for c in kids.get(m["doc_id"], []):
            if c["doc_id"] in placed and "y" in placed[c["doc_id"]]:
                edges.append(_edge(node, placed[c["doc_id"]]))
        return node["y"]

    virtual = None
    if len(roots) != 1 or roots[0].get("credit_status") not in ("origin", None):
        depth = 1
        virtual = {"label": origin_outlet or "origin not in corpus", "x": 20}
    else:
        depth = 0
    for r in roots:
        place(r, depth)
    for m in members:  # members caught in a parent cycle hang from the top
        if m["doc_id"] not in placed:
            place(m, depth)
            roots.append(m)
    if virtual is not None:
        ys = [placed[r["doc_id"]]["y"] for r in roots]
        virtual["y"] = (min(ys) + max(ys)) / 2 if ys else 24
        edges.extend(_edge(virtual, placed[r["doc_id"]], dashed=True) for r in roots)
    nodes = list(placed.values())
    for n in nodes:
        n["marker"] = marker(n["status"], n["x"], n["y"])
        n["cls"] = status_class(n["status"])
    width = max([n["x"] for n in nodes] + [0]) + col + 20
    return {"nodes": nodes, "edges": edges, "virtual": virtual, "width": width,
            "height": state["row"] * row + 20}


def _edge(a: dict, b: dict, dashed: bool = False) -> dict:
    xm = (a["x"] + b["x"]) / 2
    return {"d": f"M{a['x']:.1f},{a['y']:.1f}C{xm:.1f},{a['y']:.1f} {xm:.1f},{b['y']:.1f} "
                 f"{b['x']:.1f},{b['y']:.1f}",
            "cls": "dashed" if dashed else status_class(b.get("status"))}


def parse_date(value) -> datetime | None:
    text = str(value or "").strip().replace("Z", "+00:00")
    for cand in (text, text[:19], text[:10]):
        try:
            d = datetime.fromisoformat(cand)
            return d.replace(tzinfo=None)
        except ValueError:
            continue
    return None


def timeline(members: list[dict], width: int = 760, row: int = 22) -> dict:
    """One row per member, a marker at its date; undated members are listed apart."""
    dated = [(parse_date(m.get("date")), m) for m in members]
    undated = [m for d, m in dated if d is None]
    dated = sorted(((d, m) for d, m in dated if d is not None), key=lambda t: t[0])
    if not dated:
        return {"rows": [], "undated": undated, "width": width, "height": 0}
    t0, t1 = dated[0][0], dated[-1][0]
    span = (t1 - t0).total_seconds() or 1
    left, right = 200, width - 30
    out = []
    for i, (d, m) in enumerate(dated):
        x = left + (right - left) * (d - t0).total_seconds() / span
        y = 20 + i * row
        out.append({"doc_id": m["doc_id"], "site": str(m.get("site") or m["doc_id"]),
                    "date": str(m.get("date")), "x": round(x, 1), "y": y,
                    "marker": marker(m.get("credit_status"), x, y, 6),
                    "cls": status_class(m.get("credit_status"))})
    return {"rows": out, "undated": undated, "width": width, "left": left, "right": right,
            "height": 20 + len(out) * row + 20, "start": str(t0), "end": str(t1),
            "axis": 20 + len(out) * row}
