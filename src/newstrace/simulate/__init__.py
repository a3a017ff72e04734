"""Synthetic news and a republication simulator with ground truth.

`synthetic_articles` writes invented stories; `republish` turns base stories
into a corpus of scraped pages (copies, chains, credits, wrong clocks, debris)
and records the truth for every page; `demo_corpus` is a small ready corpus.
"""

from .articles import BaseArticle, Outlet, synthetic_articles
from .republish import SimCorpus, SimDoc, SimOptions, Truth, demo_corpus, republish

__all__ = [
    "BaseArticle", "Outlet", "SimCorpus", "SimDoc", "SimOptions", "Truth",
    "demo_corpus", "republish", "synthetic_articles",
]
