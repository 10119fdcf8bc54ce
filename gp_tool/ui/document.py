"""The open case, its file and its save state, shared by the window and its pages.

The case itself is an immutable pydantic :class:`~gp_tool.domain.case.Case`. An edit builds a new
case from the current one's JSON document with one value changed and validates it in full; when that
fails, the problems are returned and the case stays as it was, so invalid input never replaces valid
data and nothing typed is lost (the field keeps its text and shows the problem).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from gp_tool.domain.case import Case
from gp_tool.domain.problems import Problem, problems_from_validation_error
from gp_tool.storage.files import write_case_file

__all__ = ["CaseDocument"]


class CaseDocument(QObject):
    """The case being worked on. ``replaced`` after open, ``edited`` after a change, ``state_changed``
    whenever the file or the save state changes."""

    replaced = Signal()
    edited = Signal(str)  # the case-file path of the field that changed
    state_changed = Signal()

    def __init__(self, case: Case, *, path: Path | None = None, demo: str | None = None) -> None:
        super().__init__()
        self.case = case
        self.path = path
        self.demo = demo
        self.dirty = False
        self.saved_at: dt.datetime | None = None

    def replace(self, case: Case, *, path: Path | None = None, demo: str | None = None) -> None:
        self.case, self.path, self.demo = case, path, demo
        self.dirty, self.saved_at = False, None
        self.replaced.emit()
        self.state_changed.emit()

    def edit(self, field: str, value: Any) -> list[Problem]:
        """Set the value at ``field`` (e.g. ``work.position_percent``); problems if it is not valid."""
        doc = self.case.model_dump(mode="json", by_alias=True, exclude_unset=True)
        node = doc
        *parents, leaf = field.split(".")
        for key in parents:
            child = node.get(key)
            if not isinstance(child, dict):
                child = node[key] = {}
            node = child
        node[leaf] = value
        try:
            # From JSON text: the model is strict, and dates must be ISO strings.
            new = Case.model_validate_json(json.dumps(doc, ensure_ascii=False))
        except ValidationError as exc:
            return problems_from_validation_error(exc)
        if new != self.case:
            self.case = new
            self.dirty = True
            self.edited.emit(field)
            self.state_changed.emit()
        return []

    def save(self, path: Path, now: dt.datetime | None = None) -> None:
        """Write the case to ``path`` (raises ProblemError naming ``file``) and mark it saved."""
        write_case_file(path, self.case)
        self.path = path
        self.dirty = False
        self.saved_at = now or dt.datetime.now().astimezone()
        self.state_changed.emit()
