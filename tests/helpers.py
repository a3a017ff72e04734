"""Small builders shared by the tests."""

from newstrace.records import Span


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """One `paragraph` span per block of `text` between blank lines ("\\n\\n")."""
    out, pos = [], 0
    for part in text.split("\n\n"):
        out.append(Span(pos, pos + len(part), "paragraph"))
        pos += len(part) + 2
    return tuple(out)
