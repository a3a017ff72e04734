"""Pages: query data + view geometry -> HTML through autoescaped Jinja2 templates.

Links differ between the live server (`/family/F`) and the static report
(`../family/F.html`); a `Links` object passed to the templates builds them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import quote, urlencode, urlsplit

from . import charts, docpage, queries

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}")


def file_name(value: str) -> str:
    """A file name for an id or a site: itself when plain, else a slug plus a hash."""
    if _SAFE_NAME.fullmatch(value) and not value.endswith("."):
        return value
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:10]
    return (re.sub(r"[^A-Za-z0-9._-]", "_", value)[:40].strip("._") or "x") + "-" + digest


@dataclass(frozen=True)
class Links:
    """How pages link to each other: `static` for the report, else the server."""

    static: bool = False
    depth: int = 0  # report pages inside a folder link with ../
    written: frozenset | None = None  # capped report: the (kind, key) pages it holds

    def __post_init__(self) -> None:
        if self.written is not None and not self.static:
            raise ValueError("`written` only applies to the static report")

    def __call__(self, kind: str, key: str | None = None, json_twin: bool = False,
                 **query: str) -> str:
        if self.static:
            return self._static(kind, key, json_twin, query)
        path = "/" if kind == "index" else f"/{kind}"
        if key is not None:
            path += "/" + quote(key, safe="")
        if json_twin:
            path = ("/index" if path == "/" else path) + ".json"
        query = {k: v for k, v in query.items() if v}
        return path + ("?" + urlencode(query) if query else "")

    def _static(self, kind: str, key: str | None, json_twin: bool, query: dict) -> str:
        up = "../" * self.depth
        ext = ".json" if json_twin else ".html"
        if kind == "search":
            return up + "documents" + ext
        if key is None:
            return up + kind + ext
        if self.written is not None and kind in ("doc", "family", "compare") and (
                "family" if kind == "compare" else kind, key) not in self.written:
            return up + "not-in-report" + ext
        name = file_name(key)
        if query.get("member"):  # compare pages: family~member~against
            name += "~" + file_name(query["member"]) + "~" + file_name(
                query.get("against") or "parent")
        return f"{up}{kind}/{name}{ext}"


def http_url(value) -> str | None:
    """The URL when it is http(s) (safe to link), else None (shown as text)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        return None
    return value if scheme in ("http", "https") and "//" in value[:9] else None


def pct(value) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


class Renderer:
    """Jinja2 environment (autoescape on for every template) and the page table."""

    def __init__(self) -> None:
        from jinja2 import Environment, PackageLoader, StrictUndefined

        self.env = Environment(loader=PackageLoader("newstrace.web", "templates"),
                               autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters["http_url"] = http_url
        self.env.filters["pct"] = pct
        self.env.filters["num"] = lambda v: "–" if v is None else f"{v:.2f}"
        self.env.globals["status_class"] = charts.status_class
        self.env.globals["marker"] = charts.marker
        self.css = resources.files("newstrace.web").joinpath("static/style.css").read_text()
        digest = hashlib.sha256(self.css.encode("utf-8")).digest()
        self.csp = ("default-src 'none'; style-src 'sha256-"
                    + base64.b64encode(digest).decode() + "'; img-src 'none'; "
                    "script-src 'none'; form-action 'self'; base-uri 'none'")

    def page(self, name: str, data: dict, links: Links, json_href: str = "",
             meta_csp: bool = False) -> str:
        """HTML of page `name` for `data` (as returned by `fetch`)."""
        from markupsafe import Markup

        view = VIEWS.get(name, lambda d: {})(data)
        return self.env.get_template(name + ".html").render(
            data=data, view=view, link=links, static=links.static, json_href=json_href,
            css=Markup(self.css), csp=self.csp if meta_csp else None)


def fetch(con, name: str, key: str | None = None, **params) -> dict:
    """The data of page `name` (the JSON twin is exactly this)."""
    if name == "index":
        return queries.overview(con)
    if name == "family":
        return queries.family(con, key, params.get("member") or None,
                              params.get("against") or "parent")
    if name == "compare":
        return queries.compare(con, key, params.get("member") or "",
                               params.get("against") or "parent")
    if name == "doc":
        return docpage.document(con, key)
    if name == "outlet":
        return queries.outlet(con, key)
    if name == "families":
        return queries.families_list(con)
    if name == "outlets":
        return queries.outlets_list(con)
    if name == "networks":
        return queries.networks_list(con)
    if name == "documents":
        return queries.documents_list(con, limit=params.get("limit", 500),
                                      offset=params.get("offset", 0))
    if name == "search":
        return queries.search(con, params.get("q") or "")
    raise queries.NotFound(f"no page {name!r}")


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


def _overview_view(d: dict) -> dict:
    status = [{"site": s, "n": d["status"].get(s, 0)} for s in charts.COPY_STATUSES]
    share = {"site": "copies", **{s: d["status"].get(s, 0) for s in charts.COPY_STATUSES}}
    return {"time": charts.columns(d["by_date"]),
            "origins": charts.hbars(d["top_origins"]),
            "copiers": charts.hbars(d["top_copiers"], parts=charts.COPY_STATUSES),
            "share": charts.hbars([share], parts=charts.COPY_STATUSES, row=34),
            "status": status}


def _family_view(d: dict) -> dict:
    return {"tree": charts.tree(d["members"], d["origin_outlet"]),
            "timeline": charts.timeline(d["members"]),
            "by_id": {m["doc_id"]: m for m in d["members"]}}


def _compare_view(d: dict) -> dict:
    return {"by_id": {m["doc_id"]: m for m in d["members"]}}


def _outlet_view(d: dict) -> dict:
    def split(items: list[dict]) -> list[dict]:
        return [{**r, "not_credited": r["n"] - r["credited"]} for r in items]

    parts = ("credited", "not_credited")
    return {"from": charts.hbars(split(d["copies_from"]), parts=parts),
            "by": charts.hbars(split(d["copied_by"]), parts=parts)}


VIEWS = {"index": _overview_view, "family": _family_view, "compare": _compare_view,
         "doc": docpage.document_view, "outlet": _outlet_view}
