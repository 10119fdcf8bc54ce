"""Shared test helpers: demo cases dated as ``--demo`` dates them, with the sender a message needs."""

from __future__ import annotations

import datetime as dt

from gp_tool.domain.case import Case
from gp_tool.storage.demo import demo_names, load_demo

TODAY = dt.date(2026, 12, 7)
MSG_ID = "3f1c6a2e-0000-4000-8000-000000000001"
SENDER = {
    "hpr": "9144889",
    "practice": "Legekontoret Fjordbyen",
    "practice_org_number": "123456789",
    "phone": "12345678",
}


def with_sender(case: Case) -> Case:
    """The demo cases leave HPR, practice and phone empty; a message cannot be sent without them."""
    return case.model_copy(update={"sykmelder": case.sykmelder.model_copy(update=SENDER)})


def demo_cases(today: dt.date = TODAY) -> dict[str, Case]:
    return {name: with_sender(load_demo(name, today)) for name in demo_names()}
