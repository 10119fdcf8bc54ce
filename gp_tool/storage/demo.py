"""Demo cases shipped with the app: fictional patients with synthetic national ids.

A demo case is an ordinary case file under ``gp_tool/resources/demo/NAME.json``. When opened, every
date except the birth date is moved so that the new sykmelding is signed on ``today``: the demo
always sits at the same point of the legal timeline (day 3, week 4, 7, 8, 17 or 39, as its name says),
whatever the real date. Every national id is a synthetic Tenor number (month + 80), so a demo patient
can never be a real person.

Importing this module reads nothing and does not import the case model: :func:`demo_names` lists the
folder, and the model is loaded by :func:`load_demo` (start-up of the window stays cheap).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from gp_tool.i18n.markers import N_

if TYPE_CHECKING:
    from gp_tool.domain.case import Case

__all__ = [
    "DEFAULT_DEMO",
    "DEMO_DESCRIPTIONS",
    "demo_description",
    "demo_names",
    "load_demo",
    "load_demo_document",
]

DEFAULT_DEMO = "uke8-rygg"

DEMO_DESCRIPTIONS: Final[dict[str, str]] = {
    # One line each (syk-inn's scenario list): who, what, and what the consultation is about.
    "dag3-skulder": N_(
        "Day 3 · caretaker aged 68, shoulder: awaiting sick note with advice to the employer; "
        "reduced sickness-benefit period after 67"
    ),
    "uke4-angst": N_(
        "Week 4 · nursery assistant aged 23, anxiety: graded return; ask for the follow-up plan"
    ),
    "uke7-depresjon": N_(
        "Week 7 · teacher, depression, 100 %: dialogue meeting 1 and NAV's week 7 questions"
    ),
    "uke8-rygg": N_("Week 8 · healthcare worker, low back pain: the activity requirement, graded sick leave"),
    "uke17-prolaps": N_(
        "Week 17 · carpenter, sciatica, graded 50 %: NAV's week 17 questions, other work in view"
    ),
    "uke39-tilpasning": N_(
        "Week 39 · caseworker, adjustment disorder (ICD-10), graded 50 %: week 39 questions and prognosis"
    ),
}
"""English msgids describing each demo case (translated when shown)."""


def _folder() -> Path:
    # next to the package, not through importlib.resources: a demo is read before the first paint
    # (its machinery costs a few ms there); the package ships as plain files in every form it runs in
    return Path(__file__).resolve().parent.parent / "resources" / "demo"


def demo_names() -> list[str]:
    """Names accepted by ``--demo``, sorted."""
    return sorted(p.name.removesuffix(".json") for p in _folder().iterdir() if p.name.endswith(".json"))


def demo_description(name: str) -> str:
    """The English msgid describing demo ``name`` (empty for a case without a description)."""
    return DEMO_DESCRIPTIONS.get(name, "")


_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEEP_DATES: Final = frozenset({"birth_date"})  # as gp_tool.domain.shift: the age must not drift


def _shift_document(node: Any, days: dt.timedelta, key: str | None = None) -> Any:
    if isinstance(node, dict):
        return {k: _shift_document(v, days, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_shift_document(v, days) for v in node]
    if isinstance(node, str) and key not in _KEEP_DATES and _ISO_DATE.match(node):
        return (dt.date.fromisoformat(node) + days).isoformat()
    return node


def load_demo_document(name: str, today: dt.date | None = None) -> dict[str, Any]:
    """The JSON document of demo ``name``, dated as :func:`load_demo` dates it, without the model.

    For the window's first paint (issue 5, start-up): pydantic is not imported. Every ISO date string
    except the birth date moves; the tests check, for every demo case, that validating this document
    gives exactly :func:`load_demo`'s case. Raises ``KeyError`` for an unknown name.
    """
    if name not in demo_names():
        raise KeyError(name)
    doc: dict[str, Any] = json.loads((_folder() / f"{name}.json").read_text(encoding="utf-8"))
    if today is None:
        return doc
    signed = dt.date.fromisoformat(doc["sick_note"]["signed"])
    shifted: dict[str, Any] = _shift_document(doc, today - signed)
    return shifted


def load_demo(name: str, today: dt.date | None = None) -> Case:
    """The demo case ``name``; with ``today``, its dates moved so that it is signed today."""
    from gp_tool.domain.casefile import parse_case  # noqa: PLC0415  (the model loads on first use)
    from gp_tool.domain.problems import Problem, ProblemError  # noqa: PLC0415
    from gp_tool.domain.shift import shift_case_dates  # noqa: PLC0415

    names = demo_names()
    if name not in names:
        raise ProblemError(
            [
                Problem(
                    "--demo",
                    "unknown_demo",
                    N_("unknown demo case “{name}”; choose one of: {names}"),
                    {"name": name, "names": ", ".join(names)},
                )
            ]
        )
    case = parse_case((_folder() / f"{name}.json").read_text(encoding="utf-8"))
    if today is None:
        return case
    return shift_case_dates(case, (today - case.sick_note.signed).days)
