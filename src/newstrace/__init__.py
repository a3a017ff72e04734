"""newstrace: find where news text comes from."""

from .api import Corpus, open_corpus, run
from .clean import CleanOptions, clean_document
from .records import Alignment, Article, Edit, Member, Provenance, RawDoc
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "run", "open_corpus", "Corpus", "Settings", "clean_document", "CleanOptions",
    "RawDoc", "Article", "Alignment", "Member", "Provenance", "Edit", "__version__",
]
