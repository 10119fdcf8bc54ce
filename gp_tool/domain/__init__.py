"""What a consultation is: frozen pydantic models. Imports nothing but pydantic, stdnum and stdlib.

The names below are loaded on first use (PEP 562), so ``gp_tool.domain.problems`` or
``gp_tool.domain.national_id`` can be imported without pydantic: the window paints its first frame
before the case model is built (tech.md §2; issue 5, start-up).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gp_tool.domain.case import (
        Case,
        Diagnosis,
        DiagnosisSystem,
        EarlierSickNote,
        Patient,
        Period,
        PeriodKind,
        SickNote,
        Sykmelder,
        Work,
    )
    from gp_tool.domain.casefile import dump_case, parse_case
    from gp_tool.domain.problems import Problem, ProblemError

_WHERE = {
    "Case": "case",
    "Diagnosis": "case",
    "DiagnosisSystem": "case",
    "EarlierSickNote": "case",
    "Patient": "case",
    "Period": "case",
    "PeriodKind": "case",
    "SickNote": "case",
    "Sykmelder": "case",
    "Work": "case",
    "dump_case": "casefile",
    "parse_case": "casefile",
    "Problem": "problems",
    "ProblemError": "problems",
}

__all__ = [
    "Case",
    "Diagnosis",
    "DiagnosisSystem",
    "EarlierSickNote",
    "Patient",
    "Period",
    "PeriodKind",
    "Problem",
    "ProblemError",
    "SickNote",
    "Sykmelder",
    "Work",
    "dump_case",
    "parse_case",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'gp_tool.domain' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"gp_tool.domain.{module}"), name)
    globals()[name] = value
    return value
