"""Demo cases shipped with the app: fictional patients with synthetic national ids.

A demo case is an ordinary case file under ``gp_tool/resources/demo/NAME.json``. When opened, every
date except the birth date is moved so that the new sykmelding is signed on ``today``: the demo
always sits at the same point of the legal timeline ("week 8"), whatever the real date.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

from gp_tool.domain.case import Case
from gp_tool.domain.casefile import parse_case
from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.domain.shift import shift_case_dates
from gp_tool.i18n.markers import N_

__all__ = ["DEFAULT_DEMO", "demo_names", "load_demo"]

DEFAULT_DEMO = "uke8-rygg"


def _folder() -> resources.abc.Traversable:
    return resources.files("gp_tool") / "resources" / "demo"


def demo_names() -> list[str]:
    """Names accepted by ``--demo``, sorted."""
    return sorted(p.name.removesuffix(".json") for p in _folder().iterdir() if p.name.endswith(".json"))


def load_demo(name: str, today: dt.date | None = None) -> Case:
    """The demo case ``name``; with ``today``, its dates moved so that it is signed today."""
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
