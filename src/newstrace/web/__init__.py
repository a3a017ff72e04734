"""Local read-only web UI and static HTML report over a newstrace DuckDB file.

Every page is server-rendered (Jinja2, autoescaped, inline SVG charts) and has
a `.json` twin carrying the same data.
"""

from .docpage import document
from .queries import (
    BadRequest,
    NotFound,
    families_list,
    family,
    outlet,
    outlets_list,
    overview,
    search,
)
from .report import write_report
from .server import make_app, make_server_for, serve

__all__ = [
    "serve", "make_app", "make_server_for", "write_report",
    "overview", "family", "document", "outlet", "search", "families_list", "outlets_list",
    "NotFound", "BadRequest",
]
