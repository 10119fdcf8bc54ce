"""Move every date of a case by a number of days (demo and course cases stay "current")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gp_tool.domain.case import Case

__all__ = ["shift_case_dates"]

_KEEP = frozenset({"birth_date"})  # the patient's age must not drift with the demo


def _shift(node: Any, days: dt.timedelta, key: str | None = None) -> Any:
    if isinstance(node, dict):
        return {k: _shift(v, days, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_shift(v, days) for v in node]
    if isinstance(node, dt.date) and key not in _KEEP:
        return node + days
    return node


def shift_case_dates(case: Case, days: int) -> Case:
    """The same case with every date except the birth date moved by ``days`` (fields set stay set)."""
    if days == 0:
        return case
    doc = case.model_dump(mode="python", by_alias=True, exclude_unset=True)
    return Case.model_validate(_shift(doc, dt.timedelta(days=days)), strict=False)
