"""What a worker process does with one batch: clean each document."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from ..clean import CleanOptions, clean_document
from ..records import RawDoc
from ..store.db import article_row, document_row

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Batch:
    source: str
    records_done: int  # records of `source` read once this batch is written
    last: bool  # the file ends with this batch
    docs: tuple[RawDoc, ...]
    options: CleanOptions


@lru_cache(maxsize=1)
def _nlp():
    from ..clean.entities import load_nlp

    return load_nlp()


def clean_batch(batch: Batch) -> tuple[Batch, list[tuple[tuple, tuple | None]]]:
    """A (documents row, articles row or None) pair per document, in input order.

    A document that cannot be cleaned becomes a failed documents row.
    """
    nlp = _nlp() if batch.options.entities else None
    rows: list[tuple[tuple, tuple | None]] = []
    for raw in batch.docs:
        if raw.error:
            rows.append((document_row(raw), None))
            continue
        try:
            article = clean_document(raw, batch.options, nlp=nlp)
        except Exception as exc:  # one bad page never stops the run
            where = f"{raw.source} {raw.locator}".strip()
            log.info("cleaning failed: %s: %s", where, exc)
            error = f"{where}: cleaning failed: {type(exc).__name__}: {exc}"
            rows.append((document_row(raw, error), None))
            continue
        rows.append((document_row(raw), article_row(article)))
    return Batch(batch.source, batch.records_done, batch.last, (), batch.options), rows
