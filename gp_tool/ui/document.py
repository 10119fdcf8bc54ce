"""The open case, its file and its save state, shared by the window and its pages.

The case itself is an immutable pydantic :class:`~gp_tool.domain.case.Case`. An edit builds a new
case from the current one's JSON document with one value changed and validates it in full; when that
fails, the problems are returned and the case stays as it was, so invalid input never replaces valid
data and nothing typed is lost (the field keeps its text and shows the problem).

Field paths are the case-file paths of contracts §1–3 (``work.position_percent``,
``sick_note.periods[0].grade``); the keys of ``sick_note.answers`` contain dots themselves
(``sick_note.answers.6.3.1``), so everything after ``answers`` is one key.

Start-up (issue 5): a demo case can be opened as its JSON document and a :class:`CaseSketch` (the few
facts the header and the first step show), so the first frame is painted without importing pydantic.
The model is built by :meth:`CaseDocument.validate` right after the first paint, or earlier by
anything that reads :attr:`CaseDocument.case` (an edit, the rules): nothing ever works on an
unvalidated case, it only waits a few milliseconds longer.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from gp_tool.domain.problems import Problem, problems_from_validation_error
from gp_tool.storage.files import write_case_file

if TYPE_CHECKING:  # pydantic and the case model load after the first paint (see CaseSketch)
    from gp_tool.domain.case import Case

__all__ = ["CaseDocument", "CaseSketch", "parse_path", "value_at"]

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


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


class PatientSketch(NamedTuple):
    name: str
    national_id: str
    birth_date: dt.date | None

    def known_birth_date(self) -> dt.date | None:
        """As :meth:`gp_tool.domain.case.Patient.known_birth_date` (the same function)."""
        if self.birth_date is not None:
            return self.birth_date  # without importing stdnum: the header paints before it loads
        from gp_tool.domain.national_id import known_birth_date  # noqa: PLC0415

        return known_birth_date(self.birth_date, self.national_id)


class WorkSketch(NamedTuple):
    employer: str
    occupation: str
    position_percent: int | None


class PeriodSketch(NamedTuple):
    from_: dt.date
    to: dt.date


class NoteSketch(NamedTuple):
    periods: tuple[PeriodSketch, ...]


class CaseSketch(NamedTuple):
    """What the header, the title and step 1 show of a case, read from its JSON document.

    Duck-types the attributes of :class:`~gp_tool.domain.case.Case` that
    :class:`~gp_tool.ui.header.HeaderBar` and :func:`gp_tool.ui.caseinfo.case_start` (``rules=False``)
    read, so the first frame needs no pydantic (named tuples: a dataclass costs 1 ms to define, and
    start-up counts). Only for documents that are known to be valid (the
    shipped demo cases, each checked against the model by the tests); :meth:`from_document` raises
    ``ValueError`` on anything it cannot read, and the caller then validates at once.
    """

    document: dict[str, Any]
    patient: PatientSketch
    work: WorkSketch
    case_start: dt.date | None
    sick_note: NoteSketch
    earlier_sick_notes: tuple[NoteSketch, ...]

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> CaseSketch:
        try:
            patient, work = doc.get("patient", {}), doc.get("work", {})
            if not isinstance(patient, dict) or not isinstance(work, dict):
                raise TypeError("patient and work must be objects")
            percent = work.get("position_percent")
            if percent is not None and (isinstance(percent, bool) or not isinstance(percent, int)):
                raise ValueError("position_percent")

            def note(raw: Any) -> NoteSketch:
                periods = tuple(
                    PeriodSketch(dt.date.fromisoformat(p["from"]), dt.date.fromisoformat(p["to"]))
                    for p in (raw or {}).get("periods") or ()
                )
                return NoteSketch(periods)

            return cls(
                document=doc,
                patient=PatientSketch(
                    _text(patient.get("name")),
                    _text(patient.get("national_id")),
                    _date(patient.get("birth_date")),
                ),
                work=WorkSketch(_text(work.get("employer")), _text(work.get("occupation")), percent),
                case_start=_date(doc.get("case_start")),
                sick_note=note(doc.get("sick_note")),
                earlier_sick_notes=tuple(note(n) for n in doc.get("earlier_sick_notes") or ()),
            )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a readable case document: {exc}") from None


class CaseDocument(QObject):
    """The case being worked on. ``replaced`` after open, ``edited`` after a change, ``state_changed``
    whenever the file or the save state changes."""

    replaced = Signal()
    edited = Signal(str)  # the case-file path of the field that changed
    state_changed = Signal()

    def __init__(
        self,
        case: Case | CaseSketch,
        *,
        path: Path | None = None,
        demo: str | None = None,
        case_id: str | None = None,
    ) -> None:
        super().__init__()
        self._case: Case | None = None
        self._sketch: CaseSketch | None = None
        self._set(case)
        self.path = path
        self.demo = demo
        self.course_mode = False  # set by the window: prints and PDFs carry the course watermark
        self.case_id = case_id  # the case's id in the case store, when it was opened from there
        self.dirty = False
        self.saved_at: dt.datetime | None = None
        self.draft_saved_at: dt.datetime | None = None  # set by the autosaver
        self.draft_error: str = ""  # why the last draft could not be written, or ""

    def _set(self, case: Case | CaseSketch) -> None:
        if isinstance(case, CaseSketch):
            self._case, self._sketch = None, case
        else:
            self._case, self._sketch = case, None

    @property
    def case(self) -> Case:
        """The validated case (built now from the sketch's document if that has not happened yet)."""
        if self._case is None:
            self.validate()
        assert self._case is not None
        return self._case

    @case.setter
    def case(self, case: Case) -> None:
        self._case, self._sketch = case, None

    @property
    def validated(self) -> bool:
        """False while the case is only a sketch of its JSON document (before the first paint)."""
        return self._case is not None

    def validate(self) -> None:
        """Build the model from the sketch's document (a no-op once built). Emits nothing: it is
        the same case, now validated."""
        if self._case is not None or self._sketch is None:
            return
        from gp_tool.domain.case import Case  # noqa: PLC0415  (pydantic loads here, after the paint)

        self._case = Case.model_validate_json(json.dumps(self._sketch.document, ensure_ascii=False))
        self._sketch = None

    def headline(self) -> Case | CaseSketch:
        """What the header and title read: the case, or its sketch before it is validated."""
        return self._case if self._case is not None else (self._sketch or self.case)

    def replace(
        self,
        case: Case | CaseSketch,
        *,
        path: Path | None = None,
        demo: str | None = None,
        case_id: str | None = None,
    ) -> None:
        self._set(case)
        self.path, self.demo, self.case_id = path, demo, case_id
        self.dirty, self.saved_at = False, None
        self.draft_saved_at, self.draft_error = None, ""
        self.replaced.emit()
        self.state_changed.emit()

    def document(self) -> dict[str, Any]:
        """The case as a JSON document (only fields that are set, as in the file)."""
        if self._case is None and self._sketch is not None:
            return copy.deepcopy(self._sketch.document)
        return self.case.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def value(self, path: str) -> Any:
        """The JSON value at ``path`` (None where unset)."""
        if self._case is None and self._sketch is not None:
            return copy.deepcopy(value_at(self._sketch.document, path))
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
        from pydantic import ValidationError  # noqa: PLC0415

        from gp_tool.domain.case import Case  # noqa: PLC0415

        try:
            # From JSON text: the model is strict, and dates must be ISO strings.
            new = Case.model_validate_json(json.dumps(doc, ensure_ascii=False))
        except ValidationError as exc:
            return problems_from_validation_error(exc)
        if new != self.case:  # (reading self.case validates a sketch first: the comparison is fair)
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
