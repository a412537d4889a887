"""The one error every reader raises, in its own module so that readers need not import their package."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read; the message says why, in Russian, in words an operator can act on.

    `kind` is the short class of the failure («повреждённый PDF», «превышен предел»), by which
    an ingest report groups its failures.
    """

    def __init__(self, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind or message.split(":")[0].split(" (")[0]
