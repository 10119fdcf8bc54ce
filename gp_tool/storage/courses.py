"""Course cases shipped with the app (``gp_tool/resources/course/NAME.json``) and course case files.

A course case (:mod:`gp_tool.domain.course`) is fictional by construction: every national id in it must
be a synthetic (Tenor) number or empty, and a file that names a real fødselsnummer or D-nummer is
refused with a message naming the field, so course mode can never put a real patient on a projector.
Unlike demo cases, course cases keep their dates: the course's own calendar is "today" at each
consultation (time travel, issue 9).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.i18n.markers import N_
from gp_tool.storage.files import read_text_file

if TYPE_CHECKING:
    from gp_tool.domain.course import CourseCase

__all__ = ["course_names", "load_course", "read_course_file"]


def _folder() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "course"


def course_names() -> list[str]:
    """Names of the shipped course cases, in their teaching order (the file name's number prefix)."""
    return sorted(p.stem for p in _folder().glob("*.json"))


def _national_ids(node: Any, path: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}" if path else str(key)
            if key == "national_id" and isinstance(value, str) and value:
                found.append((sub, value))
            else:
                found.extend(_national_ids(value, sub))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_national_ids(value, f"{path}[{i}]"))
    return found


def _fictional_only(text: str) -> None:
    from gp_tool.domain.national_id import IdKind, InvalidNationalIdError, id_kind  # noqa: PLC0415

    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return  # the parser names the problem
    problems = []
    for path, number in _national_ids(doc):
        try:
            synthetic = id_kind(number) is IdKind.SYNTETISK
        except (InvalidNationalIdError, ValueError):
            synthetic = False
        if not synthetic:
            problems.append(
                Problem(
                    path,
                    "not_fictional",
                    N_("a course case may only use synthetic (Tenor) national ids, or none"),
                )
            )
    if problems:
        raise ProblemError(problems)


def parse_course_text(text: str) -> CourseCase:
    """A course case from its text: fictional ids only, then the model (every problem names its field)."""
    from gp_tool.domain.course import parse_course  # noqa: PLC0415

    _fictional_only(text)
    return parse_course(text)


@cache
def load_course(name: str) -> CourseCase:
    """The shipped course case ``name`` (a :class:`ProblemError` for an unknown name)."""
    names = course_names()
    if name not in names:
        raise ProblemError(
            [
                Problem(
                    "--course",
                    "unknown_course",
                    N_("unknown course case “{name}”; choose one of: {names}"),
                    {"name": name, "names": ", ".join(names)},
                )
            ]
        )
    return parse_course_text((_folder() / f"{name}.json").read_text(encoding="utf-8"))


def read_course_file(path: Path) -> CourseCase:
    """A course case file from disk (missing, unreadable, oversized and bad files: :class:`ProblemError`)."""
    return parse_course_text(read_text_file(path))
