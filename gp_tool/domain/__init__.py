"""What a consultation is: frozen pydantic models. Imports nothing but pydantic, stdnum and stdlib."""

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
