"""Markers that let Babel find translatable texts declared as data."""

from __future__ import annotations

__all__ = ["N_"]


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (translated at the edge)."""
    return message
