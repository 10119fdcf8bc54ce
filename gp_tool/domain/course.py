"""Course cases (issue 9): one fictional patient followed through a year of consultations.

A course case file (``"format": "gp-tool/course"``, version 1) holds

* ``case``: a contract case file (§2) — the patient, the work and the history *before* the first
  consultation of the course;
* ``stations``: the consultations the course visits (day 3, week 4, 7, 8, 17, 26, 39 …), each with
  its date, what the patient brings (``situation``), the case as the participant meets it (``start``),
  the model answer (``model``), optional teaching notes per consultation step and discussion
  questions;
* a title, a topic, a summary and learning goals, every text in nb, nn and en.

``start`` and ``model`` are *partial* case documents: their top-level keys replace those of the case
as it stood after the previous consultation (``work`` and ``patient`` merge one level deep). Between
consultations the model answer's sick note becomes an earlier note, so every participant meets
consultation *k* with the same history: the model answers of consultations 1 … k-1. Each station's
start and model answer are therefore ordinary contract case files (:func:`CourseCase.case_at`), which
``gp-tool course export`` writes out for ``check`` and ``notes``.

Pure: no disk. ``gp_tool.storage.courses`` reads the files.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import Annotated, Any, Final, Literal, Self

from pydantic import Field, PrivateAttr, StringConstraints, ValidationError, model_validator

from gp_tool.domain.base import _Model
from gp_tool.domain.case import Case
from gp_tool.domain.casefile import load_json_object
from gp_tool.domain.problems import Problem, ProblemError, problems_from_validation_error
from gp_tool.i18n.markers import N_

__all__ = [
    "COURSE_FORMAT",
    "COURSE_FORMAT_VERSION",
    "STEP_KEYS",
    "CourseCase",
    "LocalText",
    "Station",
    "Topic",
    "Version",
    "parse_course",
    "station_label",
]

COURSE_FORMAT: Final = "gp-tool/course"
COURSE_FORMAT_VERSION: Final = 1

STEP_KEYS: Final = (
    "patient",
    "timeline",
    "function",
    "support",
    "decision",
    "nav_questions",
    "messages",
    "notes",
)
"""The consultation's step keys (``gp_tool.ui.steps.STEPS``; a test keeps them equal)."""

StepKey = Literal[
    "patient", "timeline", "function", "support", "decision", "nav_questions", "messages", "notes"
]

_OVERRIDABLE: Final = frozenset(
    {
        "patient",
        "sykmelder",
        "work",
        "case_start",
        "earlier_sick_notes",
        "sick_note",
        "function",
        "screening",
        "referrals",
        "plan",
        "activity_requirement",
        "patient_part",
    }
)
_MERGED: Final = frozenset({"patient", "work"})  # merged one level deep; every other key is replaced

TEXT_MAX: Final = 4000

CourseText = Annotated[str, StringConstraints(min_length=1, max_length=TEXT_MAX)]


class Topic(StrEnum):
    MUSCULOSKELETAL = "MUSCULOSKELETAL"
    COMMON_MENTAL = "COMMON_MENTAL"
    YOUNG_DROPOUT = "YOUNG_DROPOUT"
    NEAR_MAXDATE = "NEAR_MAXDATE"
    OTHER = "OTHER"


class Version(StrEnum):
    """Which case of a station: as the participant meets it, or the model answer."""

    START = "start"
    MODEL = "model"


class LocalText(_Model):
    """One text in bokmål, nynorsk and English (all three required)."""

    nb: CourseText
    nn: CourseText
    en: CourseText

    def get(self, lang: str) -> str:
        """The text in ``lang`` (nb for an unknown language)."""
        return str(getattr(self, lang, self.nb)) if lang in ("nb", "nn", "en") else self.nb


class Station(_Model):
    """One consultation of the course."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,30}$")]
    date: dt.date
    """The consultation date: "today" while the course is at this station."""
    situation: LocalText
    """What happens and what the patient brings to this consultation."""
    start: dict[str, Any]
    """The case as the participant meets it (partial case document; must include ``sick_note``)."""
    model: dict[str, Any]
    """The model answer (partial case document; must include ``sick_note``)."""
    notes: dict[StepKey, LocalText] = {}
    """Teaching notes per consultation step (shown in course mode beside the step)."""
    discussion: Annotated[list[LocalText], Field(max_length=8)] = []
    """Questions for the group (the handout prints them)."""


class CourseCase(_Model):
    """A course case file (see the module documentation)."""

    format: Literal["gp-tool/course"] = COURSE_FORMAT
    version: Literal[1] = COURSE_FORMAT_VERSION
    topic: Topic
    title: LocalText
    summary: LocalText
    learning_goals: Annotated[list[LocalText], Field(min_length=1, max_length=8)]
    case: dict[str, Any]
    """The contract case file before the first consultation (§2)."""
    stations: Annotated[list[Station], Field(min_length=1, max_length=16)]

    _cases: dict[tuple[int, Version], Case] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _derive(self) -> Self:
        problems: list[Problem] = []
        previous: dt.date | None = None
        seen: set[str] = set()
        for i, station in enumerate(self.stations):
            if station.id in seen:
                problems.append(
                    Problem(
                        f"stations[{i}].id", "duplicate", N_("used twice: {value}"), {"value": station.id}
                    )
                )
            seen.add(station.id)
            if previous is not None and station.date <= previous:
                problems.append(
                    Problem(
                        f"stations[{i}].date",
                        "not_after_previous",
                        N_("must be after the previous consultation ({date})"),
                        {"date": previous.isoformat()},
                    )
                )
            previous = station.date
            for version in Version:
                part = station.start if version is Version.START else station.model
                for key in part:
                    if key not in _OVERRIDABLE:
                        problems.append(
                            Problem(
                                f"stations[{i}].{version.value}.{key}", "extra_forbidden", N_("unknown field")
                            )
                        )
                if "sick_note" not in part:
                    problems.append(
                        Problem(
                            f"stations[{i}].{version.value}.sick_note",
                            "missing",
                            N_("required field is missing"),
                        )
                    )
        if problems:
            raise ProblemError(problems)
        state = dict(self.case)
        for i, station in enumerate(self.stations):
            if i:
                state = _advance(state)
            for version in Version:
                part = station.start if version is Version.START else station.model
                doc = _apply(state, part)
                try:
                    case = Case.model_validate_json(json.dumps(doc, ensure_ascii=False, default=str))
                except ValidationError as exc:
                    problems.extend(
                        Problem(f"stations[{i}].{version.value}.{p.field}", p.code, p.message, p.params)
                        for p in problems_from_validation_error(exc)
                    )
                    continue
                if case.sick_note.signed != station.date:
                    problems.append(
                        Problem(
                            f"stations[{i}].{version.value}.sick_note.signed",
                            "not_station_date",
                            N_("must be the consultation date ({date})"),
                            {"date": station.date.isoformat()},
                        )
                    )
                self._cases[(i, version)] = case
            state = _apply(state, station.model)
        if problems:
            raise ProblemError(problems)
        return self

    # ------------------------------------------------------------------ queries
    def case_at(self, index: int, version: Version = Version.START) -> Case:
        """The contract case of station ``index``: as the participant meets it, or the model answer."""
        return self._cases[(index, version)]

    def station_index_on(self, today: dt.date) -> int:
        """The station the course is at on ``today``: the last one dated on or before it (the first before)."""
        index = 0
        for i, station in enumerate(self.stations):
            if station.date <= today:
                index = i
        return index


def _apply(doc: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    out = dict(doc)
    for key, value in part.items():
        if value is None:
            out.pop(key, None)
        elif key in _MERGED and isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def _advance(doc: dict[str, Any]) -> dict[str, Any]:
    """After a consultation: its sick note joins the earlier notes."""
    out = dict(doc)
    note = doc.get("sick_note")
    if isinstance(note, dict):
        out["earlier_sick_notes"] = [*doc.get("earlier_sick_notes", []), dict(note)]
    out.pop("sick_note", None)
    return out


def station_label(case_start: dt.date, date: dt.date) -> tuple[str, dict[str, int]]:
    """(msgid, params) naming a consultation by its place in the absence: "Day 3" in week 1, else "Week N"."""
    day = (date - case_start).days + 1
    if day <= 7:
        return N_("Day {day}"), {"day": day}
    return N_("Week {week}"), {"week": (day - 1) // 7 + 1}


def parse_course(text: str) -> CourseCase:
    """Text of a course case file → :class:`CourseCase`, or :class:`ProblemError` naming every field."""
    doc = load_json_object(text, N_("a course case file must be a JSON object"))
    if doc.get("format") != COURSE_FORMAT:
        raise ProblemError(
            [
                Problem(
                    "format",
                    "wrong_format",
                    N_("expected “{expected}”, found “{found}”"),
                    {"expected": COURSE_FORMAT, "found": str(doc.get("format"))[:40]},
                )
            ]
        )
    if doc.get("version") != COURSE_FORMAT_VERSION:
        raise ProblemError(
            [
                Problem(
                    "version",
                    "unknown_version",
                    N_("format version {found} is not known (supported: {first}–{supported})"),
                    {"found": doc.get("version"), "first": 1, "supported": COURSE_FORMAT_VERSION},
                )
            ]
        )
    try:  # a ProblemError from the stations' derivation passes through pydantic unchanged
        return CourseCase.model_validate_json(text)
    except ValidationError as exc:
        raise ProblemError(problems_from_validation_error(exc)) from None
