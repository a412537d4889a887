"""The error a damaged or foreign knowledge base raises: a Russian message an operator can act on."""

from __future__ import annotations


class StoreError(Exception):
    """The knowledge base cannot be opened or used as it is; nothing in it was changed."""


class ReadOnlyError(StoreError):
    """A write asked of a read-only copy (a serving replica fed by `praktika snapshot`)."""
