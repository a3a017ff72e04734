"""Run settings, declared once: the CLI flags and the docs are made from this."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields


def _opt(default, help: str, **kw):
    return field(default=default, metadata={"help": help, **kw})


@dataclass(frozen=True)
class Settings:
    db: str = _opt("newstrace.duckdb", "DuckDB file the run writes (created if missing).")
    workers: int = _opt(min(2, os.cpu_count() or 1), "Processes that clean documents.")
    batch_size: int = _opt(64, "Documents per batch; a killed run resumes at a batch boundary.")
    max_doc_mb: float = _opt(20.0, "Documents larger than this are recorded as failed.")
    entities: bool = _opt(False, "Find named entities with spaCy (needs newstrace[nlp]).")
    site_templates: bool = _opt(
        True, "Drop text lines that recur across many pages of the same site."
    )
    min_passage_tokens: int = _opt(
        0, "Shortest shared passage, in tokens, that counts as reuse (0 = the default)."
    )

    @property
    def max_bytes(self) -> int:
        return int(self.max_doc_mb * 1_000_000)


def describe() -> list[tuple[str, object, str]]:
    """(name, default, help) for every setting, for the CLI and the docs."""
    return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]
