"""Step 5, the decision: the least absent option that works, its periods, the diagnosis and why.

The options are listed from least to most absence (domain brief §1.1, day 1: avventende → gradert
(± reisetilskudd) → behandlingsdager → 100 %), each with a one-line reason, so that full sick leave is
the last thing the eye meets, not the first. Graded sick leave echoes the part in work ("50 % sick
leave · 50 % in work", syk-inn's GradertGradPicker). The option, grade and dates edit the period chosen
in the period tabs (one period in most notes). Dates take syk-inn's shorthand (``2u`` in "Last day") and
have a calendar (Alt+↓). Full sick leave asks for the medical reasons (NAV only) and the work-related
reasons (shown to the employer). The diagnosis is searched in ICPC-2 with ICPC-2B synonyms, or
ICD-10; without a diagnosis, an other legal absence reason (ftrl. § 8-4) says why.

Every input's object name is its case-file path, so a finding on ``sick_note.periods[1].grade`` opens
period 2 and focuses the grade.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, Final

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from gp_tool.domain.case import (
    ArbeidsrelatertArsak,
    Case,
    Diagnosis,
    DiagnosisSystem,
    MedisinskArsak,
    PeriodKind,
)
from gp_tool.i18n.formatting import format_date, format_percent_value
from gp_tool.i18n.markers import N_
from gp_tool.ui.caseinfo import case_start, weekdays
from gp_tool.ui.diagnosis import DiagnosisPicker, preload_code_lists
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _, language
from gp_tool.ui.pages import Section, StepPage, render_problem
from gp_tool.ui.steps import Step
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT, DateField, TextArea, buddy_label, make_label

__all__ = ["LADDER", "OTHER_ABSENCE_REASONS", "DecisionPage"]

LADDER: Final = (
    (
        PeriodKind.AVVENTENDE,
        N_("&Awaiting sick note: the employer adjusts the work"),
        N_("Only within the employer period (until {date}), with advice on what the employer can adjust."),
    ),
    (PeriodKind.GRADERT, N_("&Graded sick leave"), N_("Part of the job is possible: {work} in work.")),
    (PeriodKind.REISETILSKUDD, N_("&Travel grant"), N_("Can do the job, but not the usual journey to work.")),
    (
        PeriodKind.BEHANDLINGSDAGER,
        N_("Treatment da&ys"),
        N_("Works, except on single days of treatment that rule out work."),
    ),
    (
        PeriodKind.AKTIVITET_IKKE_MULIG,
        N_("F&ull sick leave (100 %)"),
        N_("No activity is possible now: say why, and when activity can start."),
    ),
)
DEFAULT_GRADE: Final = 50

MEDICAL_REASONS: Final = (
    (MedisinskArsak.TILSTAND_HINDRER_AKTIVITET, N_("The health condition prevents activity")),
    (MedisinskArsak.AKTIVITET_FORVERRER_TILSTAND, N_("Activity would worsen the condition")),
    (MedisinskArsak.AKTIVITET_FORHINDRER_BEDRING, N_("Activity would prevent or delay recovery")),
    (MedisinskArsak.ANNET, N_("Other medical reason")),
)
WORK_REASONS: Final = (
    (ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING, N_("The workplace cannot adjust the work")),
    (ArbeidsrelatertArsak.ANNET, N_("Other work-related reason")),
)
OTHER_ABSENCE_REASONS: Final = (
    ("1", N_("Admitted to an approved health institution")),
    ("2", N_("Treatment makes absence from work necessary")),
    ("3", N_("Taking part in a work-oriented measure")),
    ("4", N_("Receives a grant for training because of illness or injury")),
    ("5", N_("Necessary check-up needing at least 24 hours' absence")),
    ("6", N_("Banned from work because of infection risk")),
    ("7", N_("Unable to work after termination of pregnancy")),
    ("8", N_("Unable to work after infertility treatment")),
    ("9", N_("Donor, or being assessed as a donor")),
    ("10", N_("Unable to work after sterilisation")),
)


def _clean_for_kind(period: dict[str, Any], kind: PeriodKind) -> None:
    """Keep only the fields that belong to ``kind`` (a gradert grade never lingers on a 100 % period)."""
    period["kind"] = kind.value
    keep = {
        PeriodKind.GRADERT: {"grade", "travel_grant"},
        PeriodKind.AVVENTENDE: {"advice_to_employer"},
        PeriodKind.BEHANDLINGSDAGER: {"treatment_days"},
        PeriodKind.AKTIVITET_IKKE_MULIG: {"medical_reasons"},
        PeriodKind.REISETILSKUDD: set(),
    }[kind]
    for name in ("grade", "travel_grant", "advice_to_employer", "treatment_days", "medical_reasons"):
        if name not in keep:
            period.pop(name, None)
    if kind is PeriodKind.GRADERT and period.get("grade") is None:
        period["grade"] = DEFAULT_GRADE
    if kind is PeriodKind.BEHANDLINGSDAGER and period.get("treatment_days") is None:
        period["treatment_days"] = 1


class DecisionPage(StepPage):
    """Step 5: option ladder, periods with dates, 100 % reasons, diagnosis, other absence reason."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.current = 0  # the period being edited
        self.labels: dict[str, QLabel] = {}
        self.problem_label = make_label("field-error", self, wrap=True)
        self.problem_label.setObjectName("decision.problem")
        self.problem_label.hide()
        self._build_periods()
        self._build_full_leave()
        self._build_diagnosis()
        self._build_plan()
        self._build_backdating()
        self.content.insertWidget(0, self.problem_label)
        self.first_focus = self.radios[PeriodKind.GRADERT]
        self._set_tab_order()
        preload_code_lists()
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _label(self, key: str, buddy: QWidget, parent: QWidget) -> QLabel:
        self.labels[key] = label = buddy_label("label:" + key, buddy, parent)
        return label

    def _build_periods(self) -> None:
        group = Section("group.periods", "employer", self)
        self.period_group = group
        tabs_row = QHBoxLayout()
        self.tabs = QTabBar(group)
        self.tabs.setObjectName("decision.period_tabs")
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.add_button = QPushButton(group)
        self.add_button.setObjectName("decision.add_period")
        self.add_button.clicked.connect(self.add_period)
        self.remove_button = QPushButton(group)
        self.remove_button.setObjectName("decision.remove_period")
        self.remove_button.clicked.connect(self.remove_period)
        for button in (self.add_button, self.remove_button):
            button.setMinimumHeight(MIN_CONTROL_HEIGHT)
            button.setAutoDefault(False)
        tabs_row.addWidget(self.tabs, 1)
        group.body.addLayout(tabs_row)

        # the ladder
        self.ladder = QButtonGroup(self)
        self.ladder.setExclusive(True)
        self.radios: dict[PeriodKind, QRadioButton] = {}
        self.whys: dict[PeriodKind, QLabel] = {}
        ladder_box = QVBoxLayout()
        ladder_box.setSpacing(2)
        for kind, _text, _why in LADDER:
            radio = QRadioButton(group)
            radio.setObjectName(f"decision.kind.{kind.value}")
            radio.setMinimumHeight(28)
            self.ladder.addButton(radio)
            radio.toggled.connect(functools.partial(self._kind_toggled, kind))
            why = make_label("why", group, wrap=True)
            ladder_box.addWidget(radio)
            ladder_box.addWidget(why)
            self.radios[kind], self.whys[kind] = radio, why
            extra = self._kind_extra(kind, group)
            if extra is not None:
                ladder_box.addWidget(extra)
        group.body.addLayout(ladder_box)

        # dates
        dates = QFormLayout()
        dates.setHorizontalSpacing(16)
        dates.setVerticalSpacing(8)
        self.from_field = DateField(group)
        self.to_field = DateField(group)
        self.from_field.committed.connect(lambda day: self._commit_date("from", day))
        self.to_field.committed.connect(lambda day: self._commit_date("to", day))
        dates.addRow(self._label("from", self.from_field.edit, group), self.from_field)
        dates.addRow(self._label("to", self.to_field.edit, group), self.to_field)
        self.length_label = make_label("muted", group, wrap=True)
        self.length_label.setObjectName("decision.length")
        dates.addRow("", self.length_label)
        group.body.addLayout(dates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        group.body.addLayout(buttons)
        self.content.addWidget(group)

    def _kind_extra(self, kind: PeriodKind, parent: QWidget) -> QWidget | None:
        box = QWidget(parent)
        box.setContentsMargins(26, 0, 0, 4)
        form = QFormLayout(box)
        form.setContentsMargins(26, 0, 0, 4)
        form.setHorizontalSpacing(12)
        if kind is PeriodKind.GRADERT:
            self.grade = QSpinBox(box)
            self.grade.setRange(1, 99)
            self.grade.setSuffix(" %")
            self.grade.setSingleStep(10)
            self.grade.setKeyboardTracking(False)
            self.grade.setMinimumHeight(MIN_CONTROL_HEIGHT)
            self.grade.setMinimumWidth(100)
            self.grade.editingFinished.connect(self._commit_grade)
            self.grade_echo = make_label("muted", box)
            self.grade_echo.setObjectName("decision.grade_echo")
            row = QHBoxLayout()
            row.addWidget(self.grade)
            row.addWidget(self.grade_echo, 1)
            form.addRow(self._label("grade", self.grade, box), row)
            self.travel_grant = QCheckBox(box)
            self.travel_grant.toggled.connect(self._commit_travel_grant)
            form.addRow("", self.travel_grant)
            self.graded_box = box
            return box
        if kind is PeriodKind.AVVENTENDE:
            self.advice = TextArea(box, lines=3)
            self.advice.setMinimumWidth(480)
            self.advice.committed.connect(lambda text: self._commit_period_field("advice_to_employer", text))
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            form.addRow(self._label("advice", self.advice, box), self.advice)
            self.awaiting_box = box
            return box
        if kind is PeriodKind.BEHANDLINGSDAGER:
            self.treatment_days = QSpinBox(box)
            self.treatment_days.setRange(1, 99)
            self.treatment_days.setKeyboardTracking(False)
            self.treatment_days.setMinimumHeight(MIN_CONTROL_HEIGHT)
            self.treatment_days.editingFinished.connect(
                lambda: self._commit_period_field("treatment_days", self.treatment_days.value())
            )
            form.addRow(self._label("treatment_days", self.treatment_days, box), self.treatment_days)
            self.treatment_box = box
            return box
        box.deleteLater()
        return None

    def _build_full_leave(self) -> None:
        self.full_group = Section("group.full_leave", "nav", self)
        self.medical_title = QLabel(self.full_group)
        self.full_group.body.addWidget(self.medical_title)
        self.medical: dict[MedisinskArsak, QCheckBox] = {}
        for reason, _text in MEDICAL_REASONS:
            box = QCheckBox(self.full_group)
            box.toggled.connect(lambda _on: self._commit_medical())
            self.full_group.body.addWidget(box)
            self.medical[reason] = box
        self.work_title = QLabel(self.full_group)
        self.full_group.body.addWidget(self.work_title)
        self.work_reasons: dict[ArbeidsrelatertArsak, QCheckBox] = {}
        for work_reason, _text in WORK_REASONS:
            box = QCheckBox(self.full_group)
            box.setObjectName(f"sick_note.work_related_reasons.{work_reason.value}")
            box.toggled.connect(lambda _on: self._commit_work_reasons())
            self.full_group.body.addWidget(box)
            self.work_reasons[work_reason] = box
        self.work_text = TextArea(self.full_group, name="sick_note.work_related_reason_text", lines=2)
        self.work_text.committed.connect(lambda text: self._edit("sick_note.work_related_reason_text", text))
        self.full_group.body.addWidget(self.work_text)
        self.register(
            "sick_note.work_related_reasons",
            self.work_reasons[ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING],
        )
        self.register("sick_note.work_related_reason_text", self.work_text)
        self.content.addWidget(self.full_group)

    def _build_diagnosis(self) -> None:
        group = Section("group.diagnosis", "nav", self)
        self.diagnosis_group = group
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.system = QComboBox(group)
        self.system.setObjectName("decision.code_system")
        self.system.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.system.addItem("ICPC-2 / ICPC-2B", DiagnosisSystem.ICPC2.value)
        self.system.addItem("ICD-10", DiagnosisSystem.ICD10.value)
        self.system.currentIndexChanged.connect(self._system_changed)
        self.main_diagnosis = DiagnosisPicker(group, name="sick_note.main_diagnosis")
        self.main_diagnosis.picked.connect(self._commit_main)
        self.main_diagnosis.editingFinished.connect(self._maybe_clear_main)
        self.secondary = DiagnosisPicker(group, name="sick_note.secondary_diagnoses")
        self.secondary.picked.connect(self._add_secondary)
        self.secondary_list = make_label("", group, wrap=True)
        self.secondary_list.setObjectName("decision.secondary_list")
        self.clear_secondary = QPushButton(group)
        self.clear_secondary.setObjectName("decision.clear_secondary")
        self.clear_secondary.setAutoDefault(False)
        self.clear_secondary.clicked.connect(self._clear_secondary)
        self.other_reason = QComboBox(group)
        self.other_reason.setObjectName("sick_note.other_absence_reason")
        self.other_reason.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.other_reason.addItem("", None)
        for code, _text in OTHER_ABSENCE_REASONS:
            self.other_reason.addItem("", code)
        self.other_reason.activated.connect(self._commit_other_reason)
        form.addRow(self._label("system", self.system, group), self.system)
        form.addRow(self._label("main_diagnosis", self.main_diagnosis, group), self.main_diagnosis)
        form.addRow(self._label("secondary", self.secondary, group), self.secondary)
        row = QHBoxLayout()
        row.addWidget(self.secondary_list, 1)
        row.addWidget(self.clear_secondary)
        form.addRow("", row)
        form.addRow(self._label("other_reason", self.other_reason, group), self.other_reason)
        group.body.addLayout(form)
        self.register("sick_note.main_diagnosis", self.main_diagnosis)
        self.register("sick_note.secondary_diagnoses", self.secondary)
        self.register("sick_note.other_absence_reason", self.other_reason)
        self.content.addWidget(group)

    def _build_plan(self) -> None:
        from gp_tool.ui.plan_section import PlanSection  # noqa: PLC0415  (guidance and plan, issue 6)

        self.plan_section = PlanSection(self.document, self.register, self)
        self.content.addWidget(self.plan_section)

    def _build_backdating(self) -> None:
        group = Section("group.backdating", "nav", self)
        self.backdating_group = group
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.contact = DateField(group, name="sick_note.backdating.contact_date")
        self.contact.committed.connect(self._commit_contact)
        self.justification = TextArea(group, name="sick_note.backdating.justification", lines=2)
        self.justification.committed.connect(self._commit_justification)
        form.addRow(self._label("contact", self.contact.edit, group), self.contact)
        form.addRow(self._label("justification", self.justification, group), self.justification)
        group.body.addLayout(form)
        self.register("sick_note.backdating.contact_date", self.contact.edit)
        self.register("sick_note.backdating.justification", self.justification)
        self.content.addWidget(group)

    def _set_tab_order(self) -> None:
        """Reading order: the inputs were created top to bottom; the step buttons go last."""
        QWidget.setTabOrder(self.justification, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.next_button)

    # ------------------------------------------------------------------ editing
    def _period_path(self, name: str = "") -> str:
        base = f"sick_note.periods[{self.current}]"
        return f"{base}.{name}" if name else base

    def _show_problems(self, problems: list[Any]) -> None:
        text = "\n".join(f"✕ {p.field}: {render_problem(p)}" for p in problems)
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(problems))

    def _edit(self, path: str, value: Any) -> None:
        self._show_problems(self.document.edit(path, value))

    def _change(self, path: str, change: Callable[[dict[str, Any]], None]) -> None:
        self._show_problems(self.document.edit_document(path, change))

    def _period(self, doc: dict[str, Any]) -> dict[str, Any]:
        periods: list[dict[str, Any]] = doc["sick_note"]["periods"]
        return periods[min(self.current, len(periods) - 1)]

    def _kind_toggled(self, kind: PeriodKind, on: bool) -> None:
        if on:
            self.choose_kind(kind)

    def choose_kind(self, kind: PeriodKind) -> None:
        """Make the current period of ``kind`` (the ladder)."""
        if self._updating:
            return
        self._change(self._period_path("kind"), lambda doc: _clean_for_kind(self._period(doc), kind))
        self._show_kind(kind)

    def _commit_grade(self) -> None:
        if self._updating:
            return
        self._edit(self._period_path("grade"), self.grade.value())

    def _commit_travel_grant(self, on: bool) -> None:
        if self._updating:
            return

        def change(doc: dict[str, Any]) -> None:
            period = self._period(doc)
            if on:
                period["travel_grant"] = True
            else:
                period.pop("travel_grant", None)

        self._change(self._period_path("travel_grant"), change)

    def _commit_period_field(self, name: str, value: Any) -> None:
        if self._updating:
            return
        self._edit(self._period_path(name), value)

    def _commit_date(self, name: str, day: Any) -> None:
        if self._updating:
            return
        if day == "invalid" or day is None:
            field = self._period_path(name)
            self._show_problems([_DateProblem(field)])
            return
        self._edit(self._period_path(name), day.isoformat())

    def _commit_medical(self) -> None:
        if self._updating:
            return
        chosen = [r.value for r, box in self.medical.items() if box.isChecked()]

        def change(doc: dict[str, Any]) -> None:
            period = self._period(doc)
            if chosen:
                period["medical_reasons"] = chosen
            else:
                period.pop("medical_reasons", None)

        self._change(self._period_path("medical_reasons"), change)

    def _commit_work_reasons(self) -> None:
        if self._updating:
            return
        self._edit(
            "sick_note.work_related_reasons", [r.value for r, b in self.work_reasons.items() if b.isChecked()]
        )

    def _system_changed(self, _index: int) -> None:
        system = DiagnosisSystem(self.system.currentData())
        self.main_diagnosis.system = system
        self.secondary.system = system

    def _commit_main(self, diagnosis: Diagnosis | None) -> None:
        self._edit("sick_note.main_diagnosis", diagnosis.model_dump(mode="json") if diagnosis else None)

    def _maybe_clear_main(self) -> None:
        if not self.main_diagnosis.text().strip() and self.document.case.sick_note.main_diagnosis is not None:
            self.main_diagnosis.diagnosis = None
            self._commit_main(None)

    def _add_secondary(self, diagnosis: Diagnosis) -> None:
        current = [d.model_dump(mode="json") for d in self.document.case.sick_note.secondary_diagnoses]
        item = diagnosis.model_dump(mode="json")
        if item not in current:
            self._edit("sick_note.secondary_diagnoses", [*current, item])
        self.secondary.set_diagnosis(None)
        self.secondary.setFocus()

    def _clear_secondary(self) -> None:
        self._edit("sick_note.secondary_diagnoses", [])

    def _commit_other_reason(self, _index: int) -> None:
        self._edit("sick_note.other_absence_reason", self.other_reason.currentData())

    def _commit_contact(self, day: Any) -> None:
        if self._updating or day == "invalid":
            return

        def change(doc: dict[str, Any]) -> None:
            note = doc["sick_note"]
            if day is None:
                note["backdating"] = None
                return
            backdating = dict(note.get("backdating") or {})
            backdating["contact_date"] = day.isoformat()
            note["backdating"] = backdating

        self._change("sick_note.backdating.contact_date", change)

    def _commit_justification(self, text: str) -> None:
        if self._updating:
            return
        backdating = self.document.case.sick_note.backdating
        if backdating is None:
            first = min(p.from_ for p in self.document.case.sick_note.periods)
            self._edit("sick_note.backdating", {"contact_date": first.isoformat(), "justification": text})
        else:
            self._edit("sick_note.backdating.justification", text)

    def add_period(self) -> None:
        """A new period starting the day after the last one ends, of the same kind (syk-inn)."""

        def change(doc: dict[str, Any]) -> None:
            periods = doc["sick_note"]["periods"]
            last = periods[-1]
            start = dt.date.fromisoformat(last["to"]) + dt.timedelta(days=1)
            new = {k: v for k, v in last.items() if k not in {"from", "to", "advice_to_employer"}}
            new["from"], new["to"] = start.isoformat(), (start + dt.timedelta(days=13)).isoformat()
            periods.append(new)

        count = len(self.document.case.sick_note.periods)
        self._change(f"sick_note.periods[{count}]", change)
        if len(self.document.case.sick_note.periods) > count:
            self.current = count
            self.refresh()

    def remove_period(self) -> None:
        periods = self.document.case.sick_note.periods
        if len(periods) <= 1:
            return
        index = self.current

        def change(doc: dict[str, Any]) -> None:
            del doc["sick_note"]["periods"][index]

        self._change("sick_note.periods", change)
        self.current = max(0, index - 1)
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        if self._updating or index < 0:
            return
        self.current = index
        self.refresh()

    # ------------------------------------------------------------------ showing
    _updating = False

    def set_case(self, case: Case, today: dt.date) -> None:
        self.current = 0
        super().set_case(case, today)

    def case_edited(self, path: str) -> None:
        if not self._updating:
            self.refresh()

    def focus_field(self, path: str, severity: str = "INFO") -> bool:
        if path.startswith("sick_note.periods["):
            try:
                index = int(path.split("[", 1)[1].split("]", 1)[0])
            except ValueError:
                index = 0
            if 0 <= index < len(self.document.case.sick_note.periods) and index != self.current:
                self.current = index
                self.refresh()
        return super().focus_field(path, severity)

    def _show_kind(self, kind: PeriodKind) -> None:
        self.graded_box.setVisible(kind is PeriodKind.GRADERT)
        self.awaiting_box.setVisible(kind is PeriodKind.AVVENTENDE)
        self.treatment_box.setVisible(kind is PeriodKind.BEHANDLINGSDAGER)
        self.full_group.setVisible(kind is PeriodKind.AKTIVITET_IKKE_MULIG)

    def refresh(self) -> None:
        """Show the case's new note: the current period's option, grade and dates; the diagnosis."""
        self._updating = True
        try:
            self._refresh()
        finally:
            self._updating = False
        self.show_findings()

    def _refresh(self) -> None:
        note = self.document.case.sick_note
        lang = language()
        self.current = min(self.current, len(note.periods) - 1)
        period = note.periods[self.current]
        while self.tabs.count() < len(note.periods):
            self.tabs.addTab("")
        while self.tabs.count() > len(note.periods):
            self.tabs.removeTab(self.tabs.count() - 1)
        for i, p in enumerate(note.periods):
            self.tabs.setTabText(
                i,
                _("Period {number}: {start}–{end}").format(
                    number=i + 1,
                    start=format_date(p.from_, lang, "short"),
                    end=format_date(p.to, lang, "short"),
                ),
            )
        self.tabs.setCurrentIndex(self.current)
        self.tabs.setVisible(len(note.periods) > 1)
        self.remove_button.setEnabled(len(note.periods) > 1)

        # names follow the period, so findings and tests address "sick_note.periods[1].grade"
        base = self._period_path()
        names = {
            self.grade: "grade",
            self.travel_grant: "travel_grant",
            self.treatment_days: "treatment_days",
            self.advice: "advice_to_employer",
            self.from_field.edit: "from",
            self.to_field.edit: "to",
        }
        self.field_widgets = {
            k: v for k, v in self.field_widgets.items() if not k.startswith("sick_note.periods")
        }
        for widget, name in names.items():
            widget.setObjectName(f"{base}.{name}")
            self.register(f"{base}.{name}", widget)
        self.register(f"{base}.kind", self.radios[period.kind])
        first_medical = self.medical[MedisinskArsak.TILSTAND_HINDRER_AKTIVITET]
        self.register(f"{base}.medical_reasons", first_medical)
        for reason, box in self.medical.items():
            box.setObjectName(f"{base}.medical_reasons.{reason.value}")
        for kind, radio in self.radios.items():
            radio.setChecked(kind is period.kind)
        self._show_kind(period.kind)
        self.grade.setValue(period.grade if period.grade is not None else DEFAULT_GRADE)
        self.travel_grant.setChecked(bool(period.travel_grant))
        self.treatment_days.setValue(period.treatment_days or 1)
        self.advice.set_text(period.advice_to_employer or "")
        for reason, box in self.medical.items():
            box.setChecked(reason in (period.medical_reasons or []))
        for work_reason, box in self.work_reasons.items():
            box.setChecked(work_reason in note.work_related_reasons)
        self.work_text.set_text(note.work_related_reason_text)

        self.from_field.today = self.to_field.today = self.today
        self.from_field.set_date(period.from_)
        self.to_field.set_date(period.to)
        self.to_field.base = period.from_
        days = (period.to - period.from_).days + 1
        self.length_label.setText(
            _("{days} days, {weekdays} weekdays: {start} to {end}").format(
                days=days,
                weekdays=weekdays(period.from_, period.to),
                start=format_date(period.from_, lang, "full"),
                end=format_date(period.to, lang, "full"),
            )
            if days > 0
            else _("The last day is before the first day.")
        )
        self._refresh_whys()

        system = note.main_diagnosis.system if note.main_diagnosis else DiagnosisSystem.ICPC2
        self.system.setCurrentIndex(1 if system is DiagnosisSystem.ICD10 else 0)
        self._system_changed(0)
        self.main_diagnosis.set_diagnosis(note.main_diagnosis)
        from gp_tool.ui.diagnosis import describe  # noqa: PLC0415

        self.secondary_list.setText(
            "\n".join(describe(d) for d in note.secondary_diagnoses) or _("No secondary diagnoses.")
        )
        self.clear_secondary.setEnabled(bool(note.secondary_diagnoses))
        index = self.other_reason.findData(note.other_absence_reason)
        self.other_reason.setCurrentIndex(max(0, index))
        first = min(p.from_ for p in note.periods)
        backdated = first < note.signed
        self.backdating_group.setVisible(backdated or note.backdating is not None)
        self.contact.today = self.today
        self.contact.set_date(note.backdating.contact_date if note.backdating else None)
        self.justification.set_text(note.backdating.justification if note.backdating else "")
        self.plan_section.refresh(self.document.case, self.today)

    def _refresh_whys(self) -> None:
        case, lang = self.document.case, language()
        start = case_start(case)
        period = case.sick_note.periods[self.current]
        grade = (
            period.grade if period.kind is PeriodKind.GRADERT and period.grade is not None else DEFAULT_GRADE
        )
        work = format_percent_value(100 - grade, lang)
        employer_end = (
            self.analysis.timeline.employer_period_end
            if self.analysis.timeline is not None and self.analysis.timeline.employer_period_end
            else (start + dt.timedelta(days=15) if start else None)
        )
        for kind, _text, why in LADDER:
            params = {
                "work": work,
                "date": format_date(employer_end, lang, "short") if employer_end else "–",
            }
            self.whys[kind].setText(_(why).format(**params))
        # avventende only within the employer period (domain brief §1.1, days 1-16)
        first_day = min(p.from_ for p in case.sick_note.periods)
        awaiting_possible = (
            employer_end is None or first_day <= employer_end or period.kind is PeriodKind.AVVENTENDE
        )
        self.radios[PeriodKind.AVVENTENDE].setEnabled(awaiting_possible)
        if not awaiting_possible and employer_end is not None:
            self.whys[PeriodKind.AVVENTENDE].setText(
                _("Not possible now: the employer period ended {date}.").format(
                    date=format_date(employer_end, lang, "short")
                )
            )
        self.grade_echo.setText(
            _("{sick} sick leave · {work} in work").format(sick=format_percent_value(grade, lang), work=work)
        )

    def set_analysis(self, analysis: Any) -> None:
        super().set_analysis(analysis)
        if hasattr(self, "whys"):
            self._refresh_whys()

    def retranslate_content(self) -> None:
        self.period_group.retranslate_section(_("The sick note, least absence first"))
        self.full_group.retranslate_section(_("Full sick leave: why"))
        self.diagnosis_group.retranslate_section(_("Diagnosis"))
        self.backdating_group.retranslate_section(_("Back-dating"))
        self.plan_section.retranslate()
        for kind, text, _why in LADDER:
            self.radios[kind].setText(_(text))
            self.radios[kind].setAccessibleName(_(text).replace("&", ""))
        texts = {
            "grade": _("Sick-leave &percentage"),
            "advice": _("Advice to the &employer (shown to the employer)"),
            "treatment_days": _("Num&ber of treatment days"),
            "from": _("Fir&st day"),
            "to": _("&Last day (or a length: 2u, 10d, 1m)"),
            "system": _("Code system (&ICPC-2 or ICD-10)"),
            "main_diagnosis": _("&Main diagnosis (type a code or a word)"),
            "secondary": _("Secondary &diagnosis"),
            "other_reason": _("Other legal absence reason (&when there is no diagnosis)"),
            "contact": _("When did the patient first ma&ke contact?"),
            "justification": _("&Justification for back-dating"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
            buddy = self.labels[key].buddy()
            if buddy is not None:
                buddy.setAccessibleName(text.replace("&", ""))
        self.travel_grant.setText(_("With travel gra&nt"))
        self.add_button.setText(_("Add a peri&od"))
        self.remove_button.setText(_("Remove this period"))
        self.tabs.setAccessibleName(_("Periods of the new sick note"))
        self.medical_title.setText(_("Medical reasons (NAV only)"))
        self.work_title.setText(_("Work-related reasons (shown to the employer)"))
        for reason, text in MEDICAL_REASONS:
            self.medical[reason].setText(_(text))
        for work_reason, text in WORK_REASONS:
            self.work_reasons[work_reason].setText(_(text))
        self.work_text.setAccessibleName(_("Work-related reason in words (shown to the employer)"))
        self.work_text.setPlaceholderText(_("What at work prevents activity (no health information)"))
        self.clear_secondary.setText(_("Remove secondary diagnoses"))
        self.other_reason.setItemText(0, _("None"))
        for i, (_code, text) in enumerate(OTHER_ABSENCE_REASONS, start=1):
            self.other_reason.setItemText(i, _(text))
        self.main_diagnosis.setPlaceholderText(_("For example L03, rygg, depresjon"))
        self.secondary.setPlaceholderText(_("Search to add a secondary diagnosis"))
        self.refresh()


class _DateProblem:
    """A date that is not a date, shown like a model problem."""

    message = N_("not a valid date: use DD.MM.YYYY, a day that exists, or a length such as 2u")
    params: dict[str, Any] = {}  # noqa: RUF012

    def __init__(self, field: str) -> None:
        self.field = field
