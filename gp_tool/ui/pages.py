"""The pages of the step stack: one per step, each scrolling, with a title and a one-line purpose.

Page 1 edits the patient and work fields of the case; pages 2 and 4 show the periods and the new
sick note read-only; the others say in one muted sentence what a later version will put there.
Every page re-sets its texts in :meth:`StepPage.retranslate` when the language changes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gp_tool.domain.case import Case, Diagnosis, Period, PeriodKind
from gp_tool.domain.problems import Problem
from gp_tool.i18n.formatting import format_date, format_percent_value
from gp_tool.i18n.markers import N_
from gp_tool.ui.caseinfo import KIND_NAMES, case_start, period_days
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _, language
from gp_tool.ui.steps import STEPS, Step
from gp_tool.ui.widgets import heading_font, make_label

__all__ = ["PatientWorkPage", "PlaceholderPage", "SickNotePage", "StepPage", "TimelinePage", "make_pages"]

CONTENT_MAX_WIDTH: Final = 860
MIN_CONTROL_HEIGHT: Final = 32


def render_problem(problem: Problem) -> str:
    """The problem's message in the active language, without the field path (it sits at the field)."""
    return _(problem.message).format(**problem.params)


class StepPage(QScrollArea):
    """A step: title, purpose line, content, and Previous/Next step buttons at the bottom."""

    next_requested = Signal()
    previous_requested = Signal()

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step, self.index, self.document = step, index, document
        self.today: dt.date | None = None
        self.setObjectName("page")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

        body = QWidget()
        body.setObjectName("pageBody")
        outer = QHBoxLayout(body)
        outer.setContentsMargins(32, 24, 32, 24)
        column = QWidget(body)
        column.setMaximumWidth(CONTENT_MAX_WIDTH)
        outer.addWidget(column, 1)
        outer.addStretch(0)

        self.title_label = QLabel(column)
        self.title_label.setObjectName("page.title")
        self.title_label.setFont(heading_font(self.font(), 1.5))
        self.purpose_label = make_label("muted", column, wrap=True)
        self.purpose_label.setObjectName("page.purpose")
        self.content = QVBoxLayout()
        self.content.setSpacing(24)

        self.previous_button = QPushButton(column)
        self.previous_button.setObjectName("page.previous")
        self.next_button = QPushButton(column)
        self.next_button.setObjectName("page.next")
        for button in (self.previous_button, self.next_button):
            button.setMinimumSize(72, MIN_CONTROL_HEIGHT)
            button.setAutoDefault(False)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(STEPS) - 1)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        previous_hint = make_label("muted", column)
        previous_hint.setText("Alt+←")
        next_hint = make_label("muted", column)
        next_hint.setText("Alt+→")
        nav = QHBoxLayout()
        nav.setSpacing(8)
        nav.addWidget(self.previous_button)
        nav.addWidget(previous_hint)
        nav.addStretch(1)
        nav.addWidget(next_hint)
        nav.addWidget(self.next_button)

        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.purpose_label)
        layout.addSpacing(20)
        layout.addLayout(self.content)
        layout.addStretch(1)
        layout.addSpacing(24)
        layout.addLayout(nav)
        self.setWidget(body)
        self.first_focus: QWidget = self.next_button if index < len(STEPS) - 1 else self.previous_button

    # ------------------------------------------------------------------ case and language
    def set_case(self, case: Case, today: dt.date) -> None:
        """Show ``case`` (a new case was opened)."""
        self.today = today
        self.retranslate()

    def retranslate(self) -> None:
        """Re-set every text in the active language."""
        self.title_label.setText(f"{self.index + 1}. {_(self.step.title)}")
        self.purpose_label.setText(_(self.step.purpose))
        self.previous_button.setText(_("P&revious step"))
        self.previous_button.setToolTip(_("Go to the previous step (Alt+Left or Ctrl+Page Up)"))
        self.next_button.setText(_("Ne&xt step"))
        self.next_button.setToolTip(_("Go to the next step (Alt+Right or Ctrl+Page Down)"))
        self.retranslate_content()

    def retranslate_content(self) -> None:
        """Re-set the texts of the page's own content (subclasses)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PlaceholderPage(StepPage):
    """A step built by a later issue: says in one sentence what will appear."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.placeholder_label = make_label("muted", self, wrap=True)
        self.placeholder_label.setObjectName("page.placeholder")
        self.content.addWidget(self.placeholder_label)
        self.retranslate()

    def retranslate_content(self) -> None:
        self.placeholder_label.setText(_(self.step.placeholder))


# ---------------------------------------------------------------------- page 1: patient and work


@dataclass(frozen=True)
class FieldSpec:
    path: str  # case-file path, also the input's objectName
    label: str  # msgid with a mnemonic
    kind: str  # text | national_id | date | percent
    placeholder: str = ""
    width: int = 420


PATIENT_FIELDS: Final = (
    FieldSpec("patient.name", N_("&Name"), "text"),
    FieldSpec("patient.national_id", N_("National &ID number"), "national_id", N_("11 digits"), 200),
    FieldSpec("patient.birth_date", N_("&Birth date"), "date", N_("DD.MM.YYYY"), 200),
)
WORK_FIELDS: Final = (
    FieldSpec("work.employer", N_("E&mployer"), "text"),
    FieldSpec("work.occupation", N_("&Occupation"), "text"),
    FieldSpec("work.position_percent", N_("&Position (%)"), "percent", N_("0–100"), 120),
)
_DATE_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATE_PROBLEM: Final = N_("not a valid date: use DD.MM.YYYY, a day that exists")


def parse_date_input(text: str) -> dt.date | None:
    """``05.05.1985`` or ``1985-05-05`` → a date; None if it is neither or not a real day."""
    if match := _DATE_DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _DATE_ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class PatientWorkPage(StepPage):
    """Step 1: the patient's name, national id and birth date; employer, occupation and position."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.problems: dict[str, list[Problem]] = {}
        self._specs = {spec.path: spec for spec in (*PATIENT_FIELDS, *WORK_FIELDS)}
        self._forms: dict[str, QFormLayout] = {}
        self.patient_group = self._group("group.patient", PATIENT_FIELDS)
        self.work_group = self._group("group.work", WORK_FIELDS)
        self.content.addWidget(self.patient_group)
        self.content.addWidget(self.work_group)
        order: list[QWidget] = [*self.fields.values(), self.previous_button, self.next_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.first_focus = self.fields["patient.name"]
        self.retranslate()

    def _group(self, name: str, specs: tuple[FieldSpec, ...]) -> QGroupBox:
        group = QGroupBox(self)
        group.setObjectName(name)
        form = QFormLayout(group)
        form.setContentsMargins(16, 16, 16, 16)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
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
            error = make_label("field-error", group, wrap=True)
            error.setObjectName("error:" + spec.path)
            error.setMinimumWidth(max(spec.width, 420))
            error.setMaximumWidth(CONTENT_MAX_WIDTH - 220)
            form.addRow(label, edit)
            form.addRow("", error)
            form.setRowVisible(error, False)
            self.fields[spec.path], self.labels[spec.path], self.errors[spec.path] = edit, label, error
            self._forms[spec.path] = form
        return group

    # ------------------------------------------------------------------ values
    def set_case(self, case: Case, today: dt.date) -> None:
        for path in self.fields:
            self.problems.pop(path, None)
            self._show_value(path)
        super().set_case(case, today)

    def _value(self, path: str) -> Any:
        node: Any = self.document.case.to_json_dict()
        for key in path.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        return node

    def _show_value(self, path: str) -> None:
        value = self._value(path)
        spec = self._specs[path]
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
        text = self.fields[path].text().strip()
        value: Any = text
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
        if problems:
            self._show_problems(path)
        else:
            self._show_value(path)

    def _show_problems(self, path: str) -> None:
        problems = self.problems.get(path) or []
        error, edit = self.errors[path], self.fields[path]
        text = "\n".join("✕ " + render_problem(p) for p in problems)
        error.setText(text)
        self._forms[path].setRowVisible(error, bool(problems))
        edit.setAccessibleDescription(text)
        if edit.property("invalid") != bool(problems):
            edit.setProperty("invalid", bool(problems))
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def retranslate_content(self) -> None:
        self.patient_group.setTitle(_("Patient"))
        self.work_group.setTitle(_("Work"))
        for path, spec in self._specs.items():
            label_text = _(spec.label)
            self.labels[path].setText(label_text)
            self.fields[path].setAccessibleName(label_text.replace("&", ""))
            self.fields[path].setPlaceholderText(_(spec.placeholder) if spec.placeholder else "")
            self._show_problems(path)
        # one label column width for both groups, so the fields line up
        width = max(label.sizeHint().width() for label in self.labels.values())
        for label in self.labels.values():
            label.setMinimumWidth(width)


# ---------------------------------------------------------------------- tables for pages 2 and 4


def make_table(name: str, parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def fill_table(
    table: QTableWidget, headers: list[str], rows: list[list[str]], *, stretch: int, right: set[int]
) -> None:
    """Put ``rows`` into ``table`` and size it to show every row (the page scrolls, not the table)."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    table.resizeColumnsToContents()
    for c in range(len(headers)):
        mode = QHeaderView.ResizeMode.Stretch if c == stretch else QHeaderView.ResizeMode.Interactive
        header.setSectionResizeMode(c, mode)
        table.setColumnWidth(c, table.columnWidth(c) + 16)
    height = header.sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(len(rows)))
    table.setFixedHeight(height)


def grade_text(period: Period, lang: str) -> str:
    if period.grade is not None:
        return format_percent_value(period.grade, lang)
    if period.kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        return format_percent_value(100, lang)
    return "–"


def period_cells(period: Period, lang: str) -> list[str]:
    return [
        format_date(period.from_, lang, "short"),
        format_date(period.to, lang, "short"),
        str(period_days(period)),
        _(KIND_NAMES[period.kind]),
        grade_text(period, lang),
    ]


def period_headers() -> list[str]:
    return [_("From"), _("To"), _("Days"), _("Kind"), _("Grade")]


def diagnosis_text(diagnosis: Diagnosis | None) -> str:
    if diagnosis is None:
        return _("None given")
    return f"{diagnosis.code} ({diagnosis.system.value})"


class TimelinePage(StepPage):
    """Step 2: every sick-leave period of the case, earlier notes first, read-only."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.start_label = QLabel(self)
        self.start_label.setObjectName("timeline.start")
        self.table = make_table("timeline.periods", self)
        self.content.addWidget(self.start_label)
        self.content.addWidget(self.table)
        self.content.setSpacing(12)
        self.first_focus = self.table
        self.retranslate()

    def retranslate_content(self) -> None:
        case, lang = self.document.case, language()
        start = case_start(case)
        self.start_label.setText(
            _("First day of absence: {date}").format(date=format_date(start, lang, "short"))
            if start
            else _("First day of absence: not known")
        )
        rows: list[list[str]] = []
        for note in case.earlier_sick_notes:
            signed = _("Signed {date}").format(date=format_date(note.signed, lang, "short"))
            rows += [[signed, *period_cells(p, lang)] for p in note.periods]
        rows += [[_("New (this consultation)"), *period_cells(p, lang)] for p in case.sick_note.periods]
        fill_table(self.table, [_("Sick note"), *period_headers()], rows, stretch=4, right={3, 5})
        self.table.setAccessibleName(_("Sick-leave periods"))


class SickNotePage(StepPage):
    """Step 4: the new sick note's periods and diagnoses, read-only for now."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        facts = QWidget(self)
        form = QFormLayout(facts)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        for key in ("sick_note.signed", "sick_note.main_diagnosis", "sick_note.secondary_diagnoses"):
            label, value = QLabel(facts), QLabel(facts)
            value.setObjectName(key)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fact_labels[key], self.fact_values[key] = label, value
        self.periods_heading = QLabel(self)
        self.periods_heading.setFont(heading_font(self.font(), 1.25))
        self.table = make_table("sick_note.periods", self)
        self.content.addWidget(facts)
        self.content.addWidget(self.periods_heading)
        self.content.addWidget(self.table)
        self.content.setSpacing(12)
        self.first_focus = self.table
        self.retranslate()

    def retranslate_content(self) -> None:
        note, lang = self.document.case.sick_note, language()
        texts = {
            "sick_note.signed": (_("Signed"), format_date(note.signed, lang, "short")),
            "sick_note.main_diagnosis": (_("Main diagnosis"), diagnosis_text(note.main_diagnosis)),
            "sick_note.secondary_diagnoses": (
                _("Secondary diagnoses"),
                ", ".join(diagnosis_text(d) for d in note.secondary_diagnoses) or _("None"),
            ),
        }
        for key, (label, value) in texts.items():
            self.fact_labels[key].setText(label)
            self.fact_values[key].setText(value)
            self.fact_values[key].setAccessibleName(label)
        self.periods_heading.setText(_("Periods"))
        rows = [period_cells(p, lang) for p in note.periods]
        fill_table(self.table, period_headers(), rows, stretch=3, right={2, 4})
        self.table.setAccessibleName(_("Periods of the new sick note"))


_PAGE_CLASSES: Final[dict[str, type[StepPage]]] = {
    "patient": PatientWorkPage,
    "timeline": TimelinePage,
    "sick_note": SickNotePage,
}


def make_pages(document: CaseDocument, parent: QWidget | None = None) -> list[StepPage]:
    """One page per step, in step order."""
    return [
        _PAGE_CLASSES.get(step.key, PlaceholderPage)(step, i, document, parent)
        for i, step in enumerate(STEPS)
    ]
