"""Step 1, patient and work: who the patient is, the job and its demands, the patient's own view.

Work comes first because function is judged against the job (domain brief §1.2, "gap model"). The two
open questions of the patient's view are the ones the strategy asks GPs to put to every patient
(«Er det forhold i livet ditt som påvirker arbeidstilknytningen din?», «Er det utfordringer på
arbeidsplassen som påvirker helsen din?»). Employer and occupation are printed for the employer; the
demands and the patient's view are used in the assessment and the journal text only (ui-brief b.7).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from gp_tool.domain.problems import Problem
from gp_tool.i18n.markers import N_
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _
from gp_tool.ui.pages import CONTENT_MAX_WIDTH, Section, StepPage, render_problem
from gp_tool.ui.steps import Step
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT, TextArea, make_label, parse_date_input

if TYPE_CHECKING:  # this page reads the JSON document only: it can show a case before the model loads
    from gp_tool.domain.case import Case

__all__ = [
    "DATE_PROBLEM",
    "PATIENT_FIELDS",
    "TEXT_FIELDS",
    "WORK_FIELDS",
    "PatientWorkPage",
    "parse_date_input",
]


@dataclass(frozen=True)
class FieldSpec:
    path: str  # case-file path, also the input's objectName
    label: str  # msgid with a mnemonic
    kind: str  # text | national_id | date | percent | lines | long
    placeholder: str = ""
    width: int = 420
    employer_sees: bool = False


PATIENT_FIELDS: Final = (
    FieldSpec("patient.name", N_("&Name"), "text"),
    FieldSpec("patient.national_id", N_("National &ID number"), "national_id", N_("11 digits"), 200),
    FieldSpec("patient.birth_date", N_("&Birth date"), "date", N_("DD.MM.YYYY"), 200),
)
WORK_FIELDS: Final = (
    FieldSpec("work.employer", N_("E&mployer"), "text", employer_sees=True),
    FieldSpec("work.occupation", N_("&Occupation"), "text", employer_sees=True),
    FieldSpec("work.position_percent", N_("&Position (%)"), "percent", N_("0–100"), 120),
)
TEXT_FIELDS: Final = (
    FieldSpec(
        "work.demands",
        N_("The job's main &demands"),
        "lines",
        N_("One demand per line: tasks, lifting, posture, pace, people, shifts"),
    ),
    FieldSpec(
        "work.patient_view.life_factors",
        N_("Is there anything in your &life that affects your attachment to work?"),
        "long",
    ),
    FieldSpec(
        "work.patient_view.workplace_factors",
        N_("Are there challenges at the &workplace that affect your health?"),
        "long",
    ),
    FieldSpec(
        "work.patient_view.own_assessment",
        N_("The patient's own &assessment: what can they do at work now?"),
        "long",
    ),
)
DATE_PROBLEM: Final = N_("not a valid date: use DD.MM.YYYY, a day that exists")


class PatientWorkPage(StepPage):
    """Step 1: name, national id, birth date; employer, occupation, position; demands; own view."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.fields: dict[str, QLineEdit] = {}
        self.texts: dict[str, TextArea] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.problems: dict[str, list[Problem]] = {}
        self._specs = {spec.path: spec for spec in (*PATIENT_FIELDS, *WORK_FIELDS, *TEXT_FIELDS)}
        self._forms: dict[str, QFormLayout] = {}
        self.patient_group = self._line_group("group.patient", PATIENT_FIELDS)
        self.work_group = self._line_group("group.work", WORK_FIELDS)  # employer sees two of its fields
        self.demands_group = self._text_group("group.demands", TEXT_FIELDS[:1])
        self.view_group = self._text_group("group.patient_view", TEXT_FIELDS[1:])
        for group in (self.patient_group, self.work_group, self.demands_group, self.view_group):
            self.content.addWidget(group)
        inputs: list[QWidget] = []
        for spec in (*PATIENT_FIELDS, *WORK_FIELDS, *TEXT_FIELDS):
            inputs.append(self.fields.get(spec.path) or self.texts[spec.path])
        for first, second in itertools.pairwise([*inputs, self.previous_button, self.next_button]):
            QWidget.setTabOrder(first, second)
        self.first_focus = self.fields["patient.name"]
        self.retranslate()

    def _form(self, group: Section) -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(0, 4, 0, 0)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        group.body.addLayout(form)
        return form

    def _error_row(self, form: QFormLayout, group: QWidget, spec: FieldSpec) -> QLabel:
        error = make_label("field-error", group, wrap=True)
        error.setObjectName("error:" + spec.path)
        error.setMinimumWidth(max(spec.width, 420))
        error.setMaximumWidth(CONTENT_MAX_WIDTH - 220)
        form.addRow("", error)
        form.setRowVisible(error, False)
        self.errors[spec.path] = error
        self._forms[spec.path] = form
        return error

    def _line_group(self, name: str, specs: tuple[FieldSpec, ...]) -> Section:
        group = Section(name, "", self)
        form = self._form(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for spec in specs:
            edit = QLineEdit(group)
            edit.setObjectName(spec.path)
            edit.setMinimumHeight(MIN_CONTROL_HEIGHT)
            edit.setMinimumWidth(spec.width)
            edit.setMaximumWidth(spec.width)
            edit.editingFinished.connect(lambda path=spec.path: self.commit(path))
            label = QLabel(group)
            label.setObjectName("label:" + spec.path)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self._error_row(form, group, spec)
            self.fields[spec.path], self.labels[spec.path] = edit, label
            self.register(spec.path, edit)
        return group

    def _text_group(self, name: str, specs: tuple[FieldSpec, ...]) -> Section:
        group = Section(name, "none", self)
        form = self._form(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for spec in specs:
            area = TextArea(group, name=spec.path, lines=4 if spec.kind == "lines" else 3)
            area.setMinimumWidth(520)
            area.committed.connect(lambda _text, path=spec.path: self.commit(path))
            label = QLabel(group)
            label.setObjectName("label:" + spec.path)
            label.setWordWrap(True)
            label.setBuddy(area)
            form.addRow(label, area)
            self._error_row(form, group, spec)
            self.texts[spec.path], self.labels[spec.path] = area, label
            self.register(spec.path, area)
        return group

    # ------------------------------------------------------------------ values
    def set_case(self, case: Case, today: dt.date) -> None:
        for path in self._specs:
            self.problems.pop(path, None)
            self._show_value(path)
        super().set_case(case, today)

    def case_edited(self, path: str) -> None:
        if path in self._specs and not self.problems.get(path):
            self._show_value(path)

    def _value(self, path: str) -> Any:
        return self.document.value(path)

    def _show_value(self, path: str) -> None:
        value = self._value(path)
        spec = self._specs[path]
        if spec.path in self.texts:
            text = "\n".join(value or []) if spec.kind == "lines" else str(value or "")
            self.texts[path].set_text(text)
        else:
            if value is None:
                text = ""
            elif spec.kind == "date":
                text = dt.date.fromisoformat(value).strftime("%d.%m.%Y")
            else:
                text = str(value)
            self.fields[path].setText(text)
        self._show_problems(path)

    def commit(self, path: str) -> None:
        """Validate the text of field ``path`` and, if valid, put it into the case."""
        spec = self._specs[path]
        value: Any
        if path in self.texts:
            raw = self.texts[path].toPlainText()
            value = (
                [line.strip() for line in raw.splitlines() if line.strip()] if spec.kind == "lines" else raw
            )
        else:
            text = self.fields[path].text().strip()
            value = text
            if spec.kind == "national_id":
                value = text.replace(" ", "")
            elif spec.kind == "date":
                day = parse_date_input(text)
                if text and day is None:
                    self.problems[path] = [Problem(path, "date_format", DATE_PROBLEM)]
                    self._show_problems(path)
                    return
                value = day.isoformat() if day else None
            elif spec.kind == "percent":
                number = text.removesuffix("%").strip()
                try:
                    value = int(number) if number else None
                except ValueError:
                    value = text  # the model refuses it with "must be a whole number"
        problems = self.document.edit(path, value)
        self.problems[path] = problems
        if problems or path not in self.texts:
            self._show_problems(path) if problems else self._show_value(path)

    def _show_problems(self, path: str) -> None:
        problems = self.problems.get(path) or []
        error = self.errors[path]
        edit: QWidget = self.fields.get(path) or self.texts[path]
        text = "\n".join("✕ " + render_problem(p) for p in problems)
        error.setText(text)
        self._forms[path].setRowVisible(error, bool(problems))
        edit.setAccessibleDescription(text)
        if edit.property("invalid") != bool(problems):
            edit.setProperty("invalid", bool(problems))
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def retranslate_content(self) -> None:
        self.patient_group.retranslate_section(_("Patient"))
        self.work_group.retranslate_section(_("Work"))
        self.demands_group.retranslate_section(_("The job"))
        self.view_group.retranslate_section(_("The patient's own view"))
        for path, spec in self._specs.items():
            label_text = _(spec.label)
            if spec.employer_sees:
                label_text = _("{label} (shown to the employer)").format(label=label_text)
            self.labels[path].setText(label_text)
            widget: QWidget = self.fields.get(path) or self.texts[path]
            widget.setAccessibleName(label_text.replace("&", ""))
            placeholder = _(spec.placeholder) if spec.placeholder else ""
            if isinstance(widget, QLineEdit | TextArea):
                widget.setPlaceholderText(placeholder)
            self._show_problems(path)
