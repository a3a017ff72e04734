"""One root exception and a few named subclasses. Messages say the fix."""

from __future__ import annotations


class NewstraceError(Exception):
    """Root of every error newstrace raises on purpose."""


class InputError(NewstraceError):
    """Bad input data: names the file, the record and what to do about it."""

    def __init__(self, source: str, locator: str, reason: str, fix: str = "") -> None:
        self.source = source
        self.locator = locator
        self.reason = reason
        self.fix = fix or "check or drop this input; other records are not affected"
        where = f"{source} {locator}".strip() or "<input>"
        super().__init__(f"{where}: {reason} (fix: {self.fix})")


class ExtractionError(NewstraceError):
    """An extractor failed on input that looked valid."""


class MissingExtra(NewstraceError, ImportError):
    """An optional dependency is not installed."""

    def __init__(self, extra: str, module: str, purpose: str = "") -> None:
        self.extra = extra
        self.module = module
        what = f" for {purpose}" if purpose else ""
        super().__init__(
            f"{module} is needed{what} but is not installed: "
            f'pip install "newstrace[{extra}]"'
        )


__all__ = ["NewstraceError", "InputError", "ExtractionError", "MissingExtra"]
