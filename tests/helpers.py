"""Small builders shared by the tests."""

import numpy as np

from newstrace.records import Span


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """One `paragraph` span per block of `text` between blank lines ("\\n\\n")."""
    out, pos = [], 0
    for part in text.split("\n\n"):
        out.append(Span(pos, pos + len(part), "paragraph"))
        pos += len(part) + 2
    return tuple(out)


class KeepAll:
    """A stand-in text line model that keeps every line: the cleaner's rules are then all that drops."""

    threshold = 0.5

    def scores(self, page):
        return np.ones(len(page.texts))
