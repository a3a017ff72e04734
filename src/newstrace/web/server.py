"""The local read-only web UI: a WSGI app on the standard library's wsgiref."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from . import queries
from .render import Links, Renderer, fetch, to_json

log = logging.getLogger(__name__)

# path -> (page, takes a key); a trailing ".json" asks for the JSON twin.
_ROUTES = [
    (re.compile(r"/(?:index)?"), "index", False),
    (re.compile(r"/(families|outlets|networks|documents|search)"), None, False),
    (re.compile(r"/(family|compare|doc|outlet)/([^/]+)"), None, True),
]


def route(path: str) -> tuple[str, str | None, bool]:
    """(page, key, json) for a decoded URL path (WSGI's PATH_INFO), or NotFound."""
    as_json = path.endswith(".json")
    if as_json:
        path = path[: -len(".json")]
    for pattern, page, keyed in _ROUTES:
        m = pattern.fullmatch(path)
        if m:
            if page is not None:
                return page, None, as_json
            return m.group(1), m.group(2) if keyed else None, as_json
    raise queries.NotFound(f"no page at {path[:80]!r}")


def _params(query_string: str) -> dict:
    raw = parse_qs(query_string, max_num_fields=20)
    out = {k: v[0] for k, v in raw.items() if k in ("q", "member", "against", "offset")}
    if "offset" in out:
        out["offset"] = int(out["offset"]) if out["offset"].isdigit() else 0
    return out


class App:
    """WSGI application over one DuckDB file, opened read-only for each request."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self.renderer = Renderer()
        self.links = Links(static=False)

    def headers(self, ctype: str) -> list[tuple[str, str]]:
        return [("Content-Type", ctype), ("Content-Security-Policy",
                                            self.renderer.csp + "; frame-ancestors 'none'"),
                ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                ("X-Frame-Options", "DENY"), ("Cache-Control", "no-store")]

    def __call__(self, environ, start_response):
        status, ctype, body = self.respond(environ)
        payload = body.encode("utf-8")
        start_response(status, self.headers(ctype) + [("Content-Length", str(len(payload)))])
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [payload]

    def respond(self, environ) -> tuple[str, str, str]:
        # PEP 3333: PATH_INFO holds the decoded bytes as latin-1; the URL was UTF-8
        path = (environ.get("PATH_INFO") or "/").encode("latin-1", "replace").decode(
            "utf-8", "replace")
        as_json = path.endswith(".json")
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return self.error("405 Method Not Allowed", "read-only: GET only", as_json)
        try:
            page, key, as_json = route(path)
            params = _params(environ.get("QUERY_STRING", ""))
            con = queries.connect(self.db_path)
            try:
                data = fetch(con, page, key, **params)
            finally:
                con.close()
        except queries.NotFound as exc:
            return self.error("404 Not Found", str(exc), as_json)
        except queries.BadRequest as exc:
            return self.error("400 Bad Request", str(exc), as_json)
        except queries.Busy as exc:
            return self.error("503 Service Unavailable", str(exc), as_json)
        except Exception:
            log.exception("failed to serve %s", path)
            return self.error("500 Internal Server Error", "the page failed; see the log",
                              as_json)
        if as_json:
            return "200 OK", "application/json; charset=utf-8", to_json(data)
        json_href = self.links(page, key, json_twin=True, **params_str(params))
        html = self.renderer.page(page, data, self.links, json_href=json_href)
        return "200 OK", "text/html; charset=utf-8", html

    def error(self, status: str, message: str, as_json: bool) -> tuple[str, str, str]:
        if as_json:
            return status, "application/json; charset=utf-8", to_json(
                {"error": status, "message": message})
        html = self.renderer.page("error", {"status": status, "message": message},
                                  self.links, json_href=self.links("index", json_twin=True))
        return status, "text/html; charset=utf-8", html


def params_str(params: dict) -> dict:
    return {k: str(v) for k, v in params.items() if v not in (None, "", 0)}


def make_app(db_path: str | Path) -> App:
    """The WSGI app (for tests and other WSGI servers)."""
    return App(db_path)


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        log.info("%s %s", self.address_string(), format % args)


def make_server_for(db_path: str | Path, host: str = "127.0.0.1", port: int = 8765):
    """A ready wsgiref server (port 0 picks a free one; see `.server_port`)."""
    if not Path(db_path).is_file():
        raise queries.NotFound(f"no database at {db_path}: run the pipeline first or pass --db")
    return make_server(host, port, make_app(db_path), server_class=_ThreadingServer,
                       handler_class=_QuietHandler)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the UI until interrupted."""
    server = make_server_for(db_path, host, port)
    log.info("newstrace UI on http://%s:%s/ (read-only)", host, server.server_port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
