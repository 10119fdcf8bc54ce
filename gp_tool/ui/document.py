"""The open case, its file and its save state, shared by the window and its pages.

The case itself is an immutable pydantic :class:`~gp_tool.domain.case.Case`. An edit builds a new
case from the current one's JSON document with one value changed and validates it in full; when that
fails, the problems are returned and the case stays as it was, so invalid input never replaces valid
data and nothing typed is lost (the field keeps its text and shows the problem).

Field paths are the case-file paths of contracts §1–3 (``work.position_percent``,
``sick_note.periods[0].grade``); the keys of ``sick_note.answers`` contain dots themselves
(``sick_note.answers.6.3.1``), so everything after ``answers`` is one key.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from gp_tool.domain.case import Case
from gp_tool.domain.problems import Problem, problems_from_validation_error
from gp_tool.storage.files import write_case_file

__all__ = ["CaseDocument", "parse_path", "value_at"]

_TOKEN = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
_KEYED_MAPS = frozenset({"answers"})  # maps whose keys may contain dots


def parse_path(path: str) -> list[str | int]:
    """``sick_note.periods[0].grade`` → ``["sick_note", "periods", 0, "grade"]``."""
    keys: list[str | int] = []
    tokens = list(_TOKEN.finditer(path))
    for i, match in enumerate(tokens):
        index, name = match.groups()
        if index is not None:
            keys.append(int(index))
            continue
        keys.append(name)
        if name in _KEYED_MAPS and i + 1 < len(tokens):
            rest = path[match.end() :].lstrip(".")
            keys.append(rest)
            break
    return keys


def value_at(document: Any, path: str) -> Any:
    """The value at ``path`` in a JSON document (dicts and lists), or None where it is missing."""
    node = document
    for key in parse_path(path):
        if isinstance(key, int):
            node = node[key] if isinstance(node, list) and 0 <= key < len(node) else None
        else:
            node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


class CaseDocument(QObject):
    """The case being worked on. ``replaced`` after open, ``edited`` after a change, ``state_changed``
    whenever the file or the save state changes."""

    replaced = Signal()
    edited = Signal(str)  # the case-file path of the field that changed
    state_changed = Signal()

    def __init__(
        self, case: Case, *, path: Path | None = None, demo: str | None = None, case_id: str | None = None
    ) -> None:
        super().__init__()
        self.case = case
        self.path = path
        self.demo = demo
        self.case_id = case_id  # the case's id in the case store, when it was opened from there
        self.dirty = False
        self.saved_at: dt.datetime | None = None
        self.draft_saved_at: dt.datetime | None = None  # set by the autosaver
        self.draft_error: str = ""  # why the last draft could not be written, or ""

    def replace(
        self, case: Case, *, path: Path | None = None, demo: str | None = None, case_id: str | None = None
    ) -> None:
        self.case, self.path, self.demo, self.case_id = case, path, demo, case_id
        self.dirty, self.saved_at = False, None
        self.draft_saved_at, self.draft_error = None, ""
        self.replaced.emit()
        self.state_changed.emit()

    def document(self) -> dict[str, Any]:
        """The case as a JSON document (only fields that are set, as in the file)."""
        return self.case.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def value(self, path: str) -> Any:
        """The JSON value at ``path`` (None where unset)."""
        return value_at(self.case.model_dump(mode="json", by_alias=True), path)

    def edit(self, field: str, value: Any) -> list[Problem]:
        """Set the value at ``field`` (e.g. ``work.position_percent``); problems if it is not valid."""
        doc = self.document()
        keys = parse_path(field)
        node: Any = doc
        for key, next_key in itertools.pairwise(keys):
            if isinstance(key, int):
                node = node[key]
                continue
            child = node.get(key)
            if not isinstance(child, dict | list):
                child = node[key] = [] if isinstance(next_key, int) else {}
            node = child
        node[keys[-1]] = value
        return self._apply(doc, field)

    def edit_document(self, field: str, change: Any) -> list[Problem]:
        """Apply ``change(document)`` (a function that edits the JSON document in place), then validate.

        For edits that touch more than one value, such as adding or removing a period.
        """
        doc = self.document()
        change(doc)
        return self._apply(doc, field)

    def _apply(self, doc: dict[str, Any], field: str) -> list[Problem]:
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
