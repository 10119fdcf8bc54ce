"""The 8-week dialogue point (issue 10): a view that opens on its own from week 6.

ftrl § 8-8 (2) wants work-related activity at the latest within 8 weeks; the GP's documentation is
what NAV uses to record the requirement as met, as an exception, or to wait for the GP (domain brief
§1.2–1.3). The view is a sheet over the lower part of the page area (``activity``): the step the GP
is on keeps its place and layout, and nothing is hidden in a modal dialog (ui-brief b.1). It opens on
its own, without taking the keyboard, when a case at weeks 6–9 (and 16–18, 38–40) is opened (the
tool's convention, ``gp_tool.rules.activity.POINT_WEEKS``), and closes on its own when the next case
opened is at no dialogue point. It is always reachable
with Ctrl+Shift+A and from the command palette. It has no Alt mnemonics of its own, so the keys of
the step under it keep working; inside it, Ctrl+Tab walks four tabs, Tab the fields, Esc closes:

1. **Status and options**: follow-up plan, dialogue meeting 1 and what came out of it; what NAV will
   likely record (``gp_tool.rules.activity.nav_expectation``); the options least absent first, the
   grade from the functional assessment when there is one, and the two exceptions last. At weeks 17
   and 39: NAV's questions due, dialogue meeting 2, and the benefit end date ahead.
2. **Exception**: the two lawful exceptions with NAV's reason codes in plain words (§2.1), the facts
   NAV needs (why activity is impossible now, what would change it, when it is reassessed), and a
   button that writes them into NAV's x.2 question.
3. **Dialogue**: the patient's duty to take part and the employer's duty to adjust, in plain words;
   what the patient can bring to the employer; asking NAV for a dialogue meeting or taking part.
4. **The patient's part**: the one-page form, entered back, shown next to the GP's functional
   assessment, with the consent box; printed from :mod:`gp_tool.ui.patient_form_dialog`.

Everything is written to the case through :class:`~gp_tool.ui.document.CaseDocument` (case-file
paths ``activity_requirement.*``, ``patient_part.*``, ``sick_note.periods[i].medical_reasons``,
``sick_note.work_related_reasons``, ``sick_note.answers.<id>``).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Final

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gp_tool.domain.assessment import EightWeekOption
from gp_tool.domain.case import ArbeidsrelatertArsak, Case, MedisinskArsak, PeriodKind
from gp_tool.i18n.formatting import format_date
from gp_tool.i18n.markers import N_
from gp_tool.rules.activity import (
    MEDICAL_REASON_TEXTS,
    WORK_REASON_TEXTS,
    ActivityPoint,
    Point,
    activity_point,
    exception_answer,
    missing_facts,
)
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _, language
from gp_tool.ui.pages import Section, render_problem
from gp_tool.ui.widgets import DateField, TextArea, make_label

__all__ = ["EXPECTATION_NAMES", "ActivityPanel", "ActivityView", "answer_target"]

EXPECTATION_NAMES: Final[dict[tuple[str, str | None], str]] = {
    ("AUTOMATISK_OPPFYLT", None): N_("Met automatically (graded)"),
    ("OPPFYLT", None): N_("Met"),
    ("OPPFYLT", "TILTAK"): N_("Met: work-related measure"),
    ("UNNTAK", "MEDISINSKE_GRUNNER"): N_("Exception: medical reasons"),
    ("UNNTAK", "TILRETTELEGGING_IKKE_MULIG"): N_("Exception: adjustment not possible"),
    ("AVVENT", "INFORMASJON_BEHANDLER"): N_("Waiting for information from the GP"),
    ("NOT_REACHED", None): N_("Not reached with this note"),
}
"""NAV's record (isaktivitetskrav status, reason) in plain words; the codes follow in brackets."""

OPEN_QUESTIONS: Final = (
    N_("What can the patient do at work now, and what is in the way?"),
    N_("Which adjustments has the employer tried, and what came of them?"),
    N_("Is graded work possible if tasks, pace or hours change?"),
    N_("What does the patient need from the employer, from NAV and from you?"),
)
BRING_TO_EMPLOYER: Final = (
    N_("The tasks I can do now, and for how many hours a day"),
    N_("What would help: other tasks for a while, pace, breaks, aids, shorter days"),
    N_("When we should talk again, and who I can call"),
    N_("Nothing about the diagnosis: that stays between me and my doctor"),
)


def answer_target(point: ActivityPoint) -> str | None:
    """NAV's question that takes the main reason activity is not possible (6.3.2, 6.4.2 or 6.5.2)."""
    for qid in ("6.5.2", "6.4.2", "6.3.2"):
        if qid in point.questions_due:
            return qid
    return None


def _scroll(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)
    return area


class ActivityView(QWidget):
    """The dialogue view of the current case; ``apply`` writes the exception into NAV's questions."""

    jump_to_step = Signal(str)  # a step key, e.g. "decision"

    def __init__(self, document: CaseDocument, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity.view")
        self.document = document
        self.today = today
        self.point: ActivityPoint | None = None
        self._updating = False

        self.heading = QLabel(self)
        self.heading.setObjectName("activity.heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.week_label = make_label("muted", self, wrap=True)
        self.week_label.setObjectName("activity.week")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("activity.tabs")
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.week_label, 1)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._build_status()
        self._build_exception()
        self._build_dialogue()
        self._build_patient()
        self.problem_label = make_label("field-error", self, wrap=True)
        self.problem_label.setObjectName("activity.problems")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.document.edited.connect(self._case_edited)
        self.document.replaced.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build_status(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(10)
        self.status_group = Section("activity.status", "none", body)
        form = QFormLayout()
        self.plan_box = QCheckBox(body)
        self.plan_box.setObjectName("activity_requirement.follow_up_plan_received")
        self.meeting_box = QCheckBox(body)
        self.meeting_box.setObjectName("activity_requirement.dialogue_meeting_held")
        self.invited_box = QCheckBox(body)
        self.invited_box.setObjectName("activity_requirement.gp_invited")
        for box in (self.plan_box, self.meeting_box, self.invited_box):
            box.toggled.connect(functools.partial(self._bool_toggled, box.objectName()))
            form.addRow(box)
        self.outcome_label = QLabel(body)
        self.outcome = TextArea(body, name="activity_requirement.dialogue_meeting_outcome", lines=2)
        self.outcome.committed.connect(
            functools.partial(self._commit, "activity_requirement.dialogue_meeting_outcome")
        )
        self.outcome_label.setBuddy(self.outcome)
        form.addRow(self.outcome_label, self.outcome)
        self.dates_label = make_label("muted", body, wrap=True)
        self.dates_label.setObjectName("activity.dates")
        self.status_group.body.addLayout(form)
        self.status_group.body.addWidget(self.dates_label)
        layout.addWidget(self.status_group)

        self.expectation_label = make_label("banner-info", body, wrap=True)
        self.expectation_label.setObjectName("activity.expectation")
        self.expectation_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.expectation_label)

        self.options_group = Section("activity.options", "none", body)
        self.option_group = QButtonGroup(body)
        self.option_buttons: dict[EightWeekOption, QRadioButton] = {}
        self.option_notes: dict[EightWeekOption, QLabel] = {}
        for option in EightWeekOption:
            radio = QRadioButton(body)
            radio.setObjectName(f"activity_requirement.option:{option.value}")
            note = make_label("muted", body, wrap=True)
            note.setContentsMargins(24, 0, 0, 4)
            self.option_group.addButton(radio)
            radio.toggled.connect(functools.partial(self._option_toggled, option))
            self.option_buttons[option] = radio
            self.option_notes[option] = note
            self.options_group.body.addWidget(radio)
            self.options_group.body.addWidget(note)
        self.decision_button = QPushButton(body)
        self.decision_button.setObjectName("activity.to_decision")
        self.decision_button.clicked.connect(lambda: self.jump_to_step.emit("decision"))
        self.options_group.body.addWidget(self.decision_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.options_group)
        layout.addStretch(1)
        self.tabs.addTab(_scroll(body), "")

    def _build_exception(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(10)
        self.exception_intro = make_label("muted", body, wrap=True)
        layout.addWidget(self.exception_intro)
        self.medical_group = Section("activity.medical", "nav", body)
        self.medical_boxes: dict[MedisinskArsak, QCheckBox] = {}
        self.medical_notes: dict[MedisinskArsak, QLabel] = {}
        for code in MedisinskArsak:
            box = QCheckBox(body)
            box.setObjectName(f"medical_reasons:{code.value}")
            box.toggled.connect(self._medical_toggled)
            note = make_label("muted", body, wrap=True)
            note.setContentsMargins(24, 0, 0, 2)
            self.medical_boxes[code], self.medical_notes[code] = box, note
            self.medical_group.body.addWidget(box)
            self.medical_group.body.addWidget(note)
        self.why_label = QLabel(body)
        self.why = TextArea(body, name="activity_requirement.why_activity_impossible", lines=3)
        self.why.committed.connect(
            functools.partial(self._commit, "activity_requirement.why_activity_impossible")
        )
        self.why_label.setBuddy(self.why)
        self.medical_group.body.addWidget(self.why_label)
        self.medical_group.body.addWidget(self.why)
        layout.addWidget(self.medical_group)

        self.workplace_group = Section("activity.workplace", "", body)
        self.work_boxes: dict[ArbeidsrelatertArsak, QCheckBox] = {}
        self.work_notes: dict[ArbeidsrelatertArsak, QLabel] = {}
        for work_code in ArbeidsrelatertArsak:
            box = QCheckBox(body)
            box.setObjectName(f"work_related_reasons:{work_code.value}")
            box.toggled.connect(self._work_toggled)
            note = make_label("muted", body, wrap=True)
            note.setContentsMargins(24, 0, 0, 2)
            self.work_boxes[work_code], self.work_notes[work_code] = box, note
            self.workplace_group.body.addWidget(box)
            self.workplace_group.body.addWidget(note)
        self.facts_label = QLabel(body)
        self.facts = TextArea(body, name="activity_requirement.workplace_facts", lines=3)
        self.facts.committed.connect(functools.partial(self._commit, "activity_requirement.workplace_facts"))
        self.facts_label.setBuddy(self.facts)
        self.workplace_group.body.addWidget(self.facts_label)
        self.workplace_group.body.addWidget(self.facts)
        layout.addWidget(self.workplace_group)

        self.both_group = Section("activity.both", "nav", body)
        self.change_label = QLabel(body)
        self.change = TextArea(body, name="activity_requirement.what_would_change_it", lines=2)
        self.change.committed.connect(
            functools.partial(self._commit, "activity_requirement.what_would_change_it")
        )
        self.change_label.setBuddy(self.change)
        self.reassess_label = QLabel(body)
        self.reassess = DateField(body, name="activity_requirement.reassess_on")
        self.reassess.today = self.today
        self.reassess.committed.connect(self._reassess_committed)
        self.reassess_label.setBuddy(self.reassess.edit)
        self.both_group.body.addWidget(self.change_label)
        self.both_group.body.addWidget(self.change)
        self.both_group.body.addWidget(self.reassess_label)
        self.both_group.body.addWidget(self.reassess)
        self.missing_label = make_label("finding-warning", body, wrap=True)
        self.missing_label.setObjectName("activity.missing")
        self.both_group.body.addWidget(self.missing_label)
        self.apply_button = QPushButton(body)
        self.apply_button.setObjectName("activity.apply")
        self.apply_button.clicked.connect(self.apply)
        self.applied_label = make_label("muted", body, wrap=True)
        self.applied_label.setObjectName("activity.applied")
        self.both_group.body.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.both_group.body.addWidget(self.applied_label)
        layout.addWidget(self.both_group)
        layout.addStretch(1)
        self.tabs.addTab(_scroll(body), "")

    def _build_dialogue(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(10)
        self.duties_group = Section("activity.duties", "none", body)
        self.duties_label = QLabel(body)
        self.duties_label.setObjectName("activity.duties_text")
        self.duties_label.setWordWrap(True)
        self.duties_group.body.addWidget(self.duties_label)
        layout.addWidget(self.duties_group)
        self.questions_group = Section("activity.open_questions", "none", body)
        self.questions_label = QLabel(body)
        self.questions_label.setWordWrap(True)
        self.questions_group.body.addWidget(self.questions_label)
        layout.addWidget(self.questions_group)
        self.bring_group = Section("activity.bring", "none", body)
        self.bring_label = QLabel(body)
        self.bring_label.setObjectName("activity.bring_text")
        self.bring_label.setWordWrap(True)
        self.bring_group.body.addWidget(self.bring_label)
        layout.addWidget(self.bring_group)
        self.meeting_group = Section("activity.meeting", "nav", body)
        self.ask_nav_box = QCheckBox(body)
        self.ask_nav_box.setObjectName("activity_requirement.ask_nav_for_dialogue_meeting")
        self.attend_box = QCheckBox(body)
        self.attend_box.setObjectName("activity_requirement.gp_will_attend")
        for box in (self.ask_nav_box, self.attend_box):
            box.toggled.connect(functools.partial(self._bool_toggled, box.objectName()))
            self.meeting_group.body.addWidget(box)
        layout.addWidget(self.meeting_group)
        layout.addStretch(1)
        self.tabs.addTab(_scroll(body), "")

    def _build_patient(self) -> None:
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setSpacing(16)
        left = QVBoxLayout()
        self.part_group = Section("activity.patient_part", "", body)
        self.part_fields: dict[str, TextArea] = {}
        self.part_labels: dict[str, QLabel] = {}
        for key in ("tasks_i_can_do", "what_would_help", "worries"):
            label = QLabel(body)
            area = TextArea(body, name=f"patient_part.{key}", lines=2)
            area.committed.connect(functools.partial(self._commit_part, key))
            label.setBuddy(area)
            self.part_fields[key], self.part_labels[key] = area, label
            self.part_group.body.addWidget(label)
            self.part_group.body.addWidget(area)
        self.consent_box = QCheckBox(body)
        self.consent_box.setObjectName("patient_part.consent_to_nav")
        self.consent_box.toggled.connect(self._consent_toggled)
        self.part_group.body.addWidget(self.consent_box)
        buttons = QHBoxLayout()
        self.print_form_button = QPushButton(body)
        self.print_form_button.setObjectName("activity.print_form")
        self.print_form_button.clicked.connect(self.open_patient_form)
        buttons.addWidget(self.print_form_button)
        buttons.addStretch(1)
        self.part_group.body.addLayout(buttons)
        left.addWidget(self.part_group)
        left.addStretch(1)
        right = QVBoxLayout()
        self.function_group = Section("activity.function", "none", body)
        self.function_label = QLabel(body)
        self.function_label.setObjectName("activity.function_summary")
        self.function_label.setWordWrap(True)
        self.function_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.function_group.body.addWidget(self.function_label)
        right.addWidget(self.function_group)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.tabs.addTab(_scroll(body), "")
        self.form_dialog: Any = None

    # ------------------------------------------------------------------ case → widgets
    @property
    def case(self) -> Case:
        return self.document.case

    def set_today(self, today: dt.date) -> None:
        self.today = today
        self.reassess.today = today
        self.refresh()

    def _case_edited(self, path: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the current case: values into the fields, then the texts that depend on it."""
        case = self.case
        try:
            self.point = activity_point(case, self.today)
        except Exception:
            self.point = None
        requirement = case.activity_requirement
        part = case.patient_part
        self._updating = True
        try:
            self.plan_box.setChecked(bool(requirement and requirement.follow_up_plan_received))
            self.meeting_box.setChecked(bool(requirement and requirement.dialogue_meeting_held))
            self.invited_box.setChecked(bool(requirement and requirement.gp_invited))
            self.ask_nav_box.setChecked(bool(requirement and requirement.ask_nav_for_dialogue_meeting))
            self.attend_box.setChecked(bool(requirement and requirement.gp_will_attend))
            self.outcome.set_text(requirement.dialogue_meeting_outcome if requirement else "")
            self.why.set_text(requirement.why_activity_impossible if requirement else "")
            self.facts.set_text(requirement.workplace_facts if requirement else "")
            self.change.set_text(requirement.what_would_change_it if requirement else "")
            self.reassess.set_date(requirement.reassess_on if requirement else None)
            chosen = requirement.option if requirement else None
            self.option_group.setExclusive(False)
            for option, radio in self.option_buttons.items():
                radio.setChecked(option is chosen)
            self.option_group.setExclusive(True)
            codes = {c for p in case.sick_note.periods for c in (p.medical_reasons or [])}
            for code, box in self.medical_boxes.items():
                box.setChecked(code in codes)
            for work_code, box in self.work_boxes.items():
                box.setChecked(work_code in case.sick_note.work_related_reasons)
            for key, area in self.part_fields.items():
                area.set_text(getattr(part, key) if part else "")
            self.consent_box.setChecked(bool(part and part.consent_to_nav))
        finally:
            self._updating = False
        self.retranslate_dynamic()

    # ------------------------------------------------------------------ widgets → case
    def _show_problems(self, problems: list[Any]) -> None:
        self.problem_label.setText("\n".join("✕ " + render_problem(p) for p in problems))
        self.problem_label.setVisible(bool(problems))

    def _commit(self, path: str, value: object) -> None:
        if not self._updating:
            self._show_problems(self.document.edit(path, value))

    def _bool_toggled(self, path: str, on: bool) -> None:
        self._commit(path, on)

    def _option_toggled(self, option: EightWeekOption, on: bool) -> None:
        if on:
            self._commit("activity_requirement.option", option.value)
            if option in {EightWeekOption.EXCEPTION_MEDICAL, EightWeekOption.EXCEPTION_WORKPLACE}:
                self.retranslate_dynamic()

    def _reassess_committed(self, value: object) -> None:
        if value == "invalid":
            self.problem_label.setText("✕ " + _("Write the date as dd.mm.yyyy."))
            self.problem_label.show()
            return
        self._commit(
            "activity_requirement.reassess_on", value.isoformat() if isinstance(value, dt.date) else None
        )

    def _medical_toggled(self) -> None:
        if self._updating:
            return
        codes = [c.value for c, box in self.medical_boxes.items() if box.isChecked()]

        def change(doc: dict[str, Any]) -> None:
            for period in doc["sick_note"]["periods"]:
                if period.get("kind") == PeriodKind.AKTIVITET_IKKE_MULIG.value:
                    if codes:
                        period["medical_reasons"] = codes
                    else:
                        period.pop("medical_reasons", None)

        self._show_problems(self.document.edit_document("sick_note.periods", change))

    def _work_toggled(self) -> None:
        if self._updating:
            return
        codes = [c.value for c, box in self.work_boxes.items() if box.isChecked()]
        self._commit("sick_note.work_related_reasons", codes)

    def _commit_part(self, key: str, text: str) -> None:
        if self._updating:
            return
        problems = self.document.edit(f"patient_part.{key}", text)
        if not problems and self.case.patient_part is not None and self.case.patient_part.filled_on is None:
            problems = self.document.edit("patient_part.filled_on", self.today.isoformat())
        self._show_problems(problems)

    def _consent_toggled(self, on: bool) -> None:
        self._commit("patient_part.consent_to_nav", on)

    def apply(self) -> bool:
        """Write the exception into NAV's due question (x.2) when it is empty; True when written."""
        for area in (self.why, self.facts, self.change, self.outcome):
            area.commit()
        self.reassess.commit()
        point = self.point
        target = answer_target(point) if point is not None else None
        missing = missing_facts(self.case, self.today)
        if missing:
            self.applied_label.setText(_("Not written yet: the facts marked above are missing."))
            return False
        if target is None:
            self.applied_label.setText(
                _("NAV's questions are not due with this note; the exception goes into the NAV note.")
            )
            return False
        current = self.case.sick_note.answers.get(target, "").strip()
        text = exception_answer(self.case, language() if language() in {"nb", "nn"} else "nb")
        if current and current != text:
            self.applied_label.setText(
                _("Question {id} already has your own answer; it was kept.").format(id=target)
            )
            return False
        problems = self.document.edit(f"sick_note.answers.{target}", text)
        self._show_problems(problems)
        if problems:
            return False
        self.applied_label.setText(_("Written into NAV's question {id} and the NAV note.").format(id=target))
        return True

    def field_widgets(self) -> dict[str, tuple[int, QWidget]]:
        """Case-file path → (tab, input), so that a finding on the field can jump to it."""
        return {
            "activity_requirement.follow_up_plan_received": (0, self.plan_box),
            "activity_requirement.dialogue_meeting_held": (0, self.meeting_box),
            "activity_requirement.gp_invited": (0, self.invited_box),
            "activity_requirement.dialogue_meeting_outcome": (0, self.outcome),
            "activity_requirement.option": (0, self.option_buttons[EightWeekOption.OWN_WORK_ADJUSTED]),
            "activity_requirement.why_activity_impossible": (1, self.why),
            "activity_requirement.workplace_facts": (1, self.facts),
            "activity_requirement.what_would_change_it": (1, self.change),
            "activity_requirement.reassess_on": (1, self.reassess.edit),
            "activity_requirement.ask_nav_for_dialogue_meeting": (2, self.ask_nav_box),
            "activity_requirement.gp_will_attend": (2, self.attend_box),
            "patient_part.tasks_i_can_do": (3, self.part_fields["tasks_i_can_do"]),
            "patient_part.what_would_help": (3, self.part_fields["what_would_help"]),
            "patient_part.worries": (3, self.part_fields["worries"]),
            "patient_part.consent_to_nav": (3, self.consent_box),
        }

    def focus_field(self, path: str) -> bool:
        """Open the tab of ``path`` and focus its input (the checked option for ``option``)."""
        known = self.field_widgets()
        key = path if path in known else next((k for k in known if path.startswith(k)), "")
        if not key and path.startswith("patient_part"):
            key = "patient_part.tasks_i_can_do"
        if not key and path.startswith("activity_requirement"):
            key = "activity_requirement.option"
        if not key:
            return False
        tab, widget = known[key]
        if key == "activity_requirement.option":
            widget = self.option_group.checkedButton() or widget
        self.tabs.setCurrentIndex(tab)
        area = self.tabs.currentWidget()
        if isinstance(area, QScrollArea):
            area.ensureWidgetVisible(widget, 20, 40)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def open_patient_form(self) -> None:
        """The patient form: preview, print, save as PDF (a window-modal dialog, never blocking)."""
        from gp_tool.ui.patient_form_dialog import PatientFormDialog  # noqa: PLC0415

        course = self.document.demo is not None or bool(getattr(self.document, "course_mode", False))
        self.form_dialog = PatientFormDialog(self.case, self.today, self, course=course)
        self.form_dialog.open()

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, _("Status and options"))
        self.tabs.setTabText(1, _("Exception"))
        self.tabs.setTabText(2, _("Dialogue"))
        self.tabs.setTabText(3, _("Patient's part"))
        self.tabs.setAccessibleName(_("8-week point"))
        self.status_group.retranslate_section(_("Where the case stands"))
        self.plan_box.setText(_("The follow-up plan from the employer has reached me"))
        self.meeting_box.setText(_("Dialogue meeting 1 has been held"))
        self.invited_box.setText(_("I was invited to dialogue meeting 1"))
        self.outcome_label.setText(_("What came out of the meeting:"))
        self.options_group.retranslate_section(_("Options, least absent first"))
        self.decision_button.setText(_("Set the periods in the Decision step"))
        self.exception_intro.setText(
            _(
                "The law allows two exceptions from activity at 8 weeks. Choose one only when the options "
                "before it are not possible, and give NAV the concrete facts, not the diagnosis alone."
            )
        )
        self.medical_group.retranslate_section(_("Exception: medical reasons (NAV's code, NAV only)"))
        for code, box in self.medical_boxes.items():
            name, meaning = MEDICAL_REASON_TEXTS[code.value]
            box.setText(_(name))
            self.medical_notes[code].setText(_(meaning))
        self.why_label.setText(_("Why activity is not possible now (function, symptoms, treatment):"))
        self.workplace_group.retranslate_section(
            _("Exception: the workplace cannot adjust (the employer sees the code)")
        )
        for work_code, box in self.work_boxes.items():
            name, meaning = WORK_REASON_TEXTS[work_code.value]
            box.setText(_(name))
            self.work_notes[work_code].setText(_(meaning))
        self.facts_label.setText(
            _("What was tried or asked for, and why the workplace cannot do it (NAV only):")
        )
        self.both_group.retranslate_section(_("For either exception"))
        self.change_label.setText(_("What would make activity possible:"))
        self.reassess_label.setText(_("Reassess on:"))
        self.apply_button.setText(_("Write into NAV's questions"))
        self.duties_group.retranslate_section(_("Duties, in plain words"))
        self.duties_label.setText(
            "\n\n".join(
                [
                    _(
                        "The patient's duty: to take part. Be active in finding work you can do, help make "
                        "the follow-up plan and come to dialogue meetings. Without a good reason, NAV can "
                        "stop the sickness benefit."
                    ),
                    _(
                        "The employer's duty: to adjust the work as far as possible – other tasks, pace, hours "
                        "or aids – make a follow-up plan by week 4 and hold dialogue meeting 1 by week 7."
                    ),
                    _(
                        "The doctor's part: to describe what you can do, not only what you cannot, and to tell "
                        "NAV why if activity is not possible yet."
                    ),
                ]
            )
        )
        self.questions_group.retranslate_section(_("Open questions to talk about"))
        self.questions_label.setText("\n".join("• " + _(q) for q in OPEN_QUESTIONS))
        self.bring_group.retranslate_section(_("What the patient can bring to the employer"))
        self.bring_label.setText("\n".join("• " + _(q) for q in BRING_TO_EMPLOYER))
        self.meeting_group.retranslate_section(_("Dialogue meeting"))
        self.ask_nav_box.setText(_("Ask NAV for a dialogue meeting"))
        self.attend_box.setText(_("I will take part in the dialogue meeting"))
        self.part_group.retranslate_section(_("In the patient's words (NAV only with consent)"))
        self.part_labels["tasks_i_can_do"].setText(_("Tasks I can do:"))
        self.part_labels["what_would_help"].setText(_("What would help me at work:"))
        self.part_labels["worries"].setText(_("What worries me:"))
        self.consent_box.setText(_("The patient agrees that this goes into the NAV note"))
        self.print_form_button.setText(_("Print the patient's form…"))
        self.function_group.retranslate_section(_("Your functional assessment (read only)"))
        self.retranslate_dynamic()

    def retranslate_dynamic(self) -> None:
        """The texts that depend on the case and the date."""
        lang = language()
        point = self.point
        due = point.due if point is not None else None
        if due is Point.WEEK_17:
            self.heading.setText(_("Week 17: follow-up"))
        elif due is Point.WEEK_39:
            self.heading.setText(_("Week 39: before the benefit ends"))
        else:
            self.heading.setText(_("8-week point: activity requirement"))
        if point is None:
            self.week_label.setText(_("The case has no dates the rules can use yet."))
            return
        week = point.week if point.week is not None else "–"
        if due in {Point.WEEK_17, Point.WEEK_39}:
            self.week_label.setText(
                _("Week {week} of the absence · benefit end date {date}").format(
                    week=week, date=format_date(point.max_date, lang, "short")
                )
            )
        else:
            self.week_label.setText(
                _("Week {week} of the absence · 8-week point {date} ({ref})").format(
                    week=week, date=format_date(point.stop_point, lang, "short"), ref=point.legal.text(lang)
                )
            )
        lines = [
            _("Follow-up plan due {date}.").format(date=format_date(point.follow_up_plan_due, lang, "short")),
            _("Dialogue meeting 1 due {date}.").format(
                date=format_date(point.dialogue_meeting_1_due, lang, "short")
            ),
        ]
        if due in {Point.WEEK_17, Point.WEEK_39}:
            lines.append(
                _("Dialogue meeting 2 (NAV) due {date}.").format(
                    date=format_date(point.dialogue_meeting_2_due, lang, "short")
                )
            )
            lines.append(
                _("Benefit end date {date}: {days} benefit days left.").format(
                    date=format_date(point.max_date, lang, "short"), days=point.days_left
                )
            )
        if point.questions_due:
            lines.append(
                _("NAV's questions due on this note: {ids} (step 6).").format(
                    ids=", ".join(point.questions_due)
                )
            )
        self.dates_label.setText("\n".join(lines))
        expectation = point.expectation
        name = _(EXPECTATION_NAMES.get((expectation.status, expectation.reason), expectation.status))
        code = expectation.status + (f" / {expectation.reason}" if expectation.reason else "")
        params = dict(expectation.params)
        if "date" in params:
            params["date"] = format_date(dt.date.fromisoformat(params["date"]), lang, "short")
        text = _("What NAV will likely record: {name} ({code}).").format(name=name, code=code)
        text += "\n" + _(expectation.explanation).format(**params)
        if expectation.missing:
            text += "\n" + "\n".join("• " + _(m.message) for m in expectation.missing)
        self.expectation_label.setText(text)
        for advice in point.options:
            radio = self.option_buttons[advice.option]
            radio.setText(_(advice.title))
            note = _(advice.text)
            if advice.grade_low is not None and advice.grade_high is not None:
                note += " " + _("From your functional assessment: {low}–{high} % sick leave.").format(
                    low=advice.grade_low, high=advice.grade_high
                )
            self.option_notes[advice.option].setText(note)
        missing = missing_facts(self.case, self.today)
        self.missing_label.setText("\n".join("• " + _(m.message) for m in missing))
        self.missing_label.setVisible(bool(missing))
        target = answer_target(point)
        self.apply_button.setToolTip(
            _("Writes the reason, what would change it and the date into question {id}.").format(id=target)
            if target
            else _("NAV's questions are not due with this note.")
        )
        self.function_label.setText(self._function_summary())

    def _function_summary(self) -> str:
        function = self.case.function
        if function is None:
            return _("No functional assessment yet (step 3).")
        labels = _function_labels()
        lines: list[str] = []
        if function.assessed_on is not None:
            lines.append(
                _("Assessed {date}.").format(date=format_date(function.assessed_on, language(), "short"))
            )
        for domain, item in function.domains.items():
            if item.limitation is None:
                continue
            domain_name = labels[0](domain) if labels else domain.value
            limit = labels[1](item.limitation) if labels else item.limitation.value
            lines.append(f"• {_(domain_name)}: {_(limit)}")
        if function.possible_tasks:
            lines.append(_("Can do now:") + " " + "; ".join(function.possible_tasks))
        if function.adjustments:
            lines.append(_("Adjustments that help:") + " " + "; ".join(function.adjustments))
        return "\n".join(lines) if lines else _("No functional assessment yet (step 3).")


@functools.cache
def _function_labels() -> tuple[Any, Any] | None:
    """API B's ``domain_label`` and ``limitation_label`` (msgids), when that module is there."""
    try:
        from gp_tool.rules import function  # noqa: PLC0415
    except ImportError:
        return None
    return function.domain_label, function.limitation_label


class ActivityPanel(QFrame):
    """The view as a bottom sheet over the step's page: it never moves or squeezes the page under it.

    Offered on its own (weeks 6–9, 16–18, 38–40) it covers the lower part of the page area (two
    fifths, at least 260 px) and leaves the keyboard where it was; opened on purpose (Ctrl+Shift+A,
    a finding, the palette) it takes most of the page area and the keyboard. It follows the window's
    size, closes with Esc or its ✕, and steps aside as soon as the GP moves to another step: the
    sheet never hides the step the GP chose. The step under it keeps its layout and its keys; Tab
    and Ctrl+Tab work inside the sheet once the keyboard is in it.
    """

    def __init__(self, window: Any) -> None:
        host = window.centralWidget()
        super().__init__(host)
        self.setObjectName("activity")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.window_ = window
        self.title = QLabel(self)
        self.title.setObjectName("activity.title")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("activity.close")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Esc closes from the keyboard
        self.close_button.clicked.connect(self.close_panel)
        self.view = ActivityView(window.document, window.today, self)
        self.view.jump_to_step.connect(self._jump)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 4, 6, 0)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        host.installEventFilter(self)
        window.stack.installEventFilter(self)
        window.stack.currentChanged.connect(self._step_changed)
        self._share = (2, 5)
        self.hide()
        self.retranslate()

    def place(self) -> None:
        """Over the lower part of the page area (the step list and the findings stay uncovered)."""
        stack = self.window_.stack
        host = self.parentWidget()
        if host is None:
            return
        top_left = stack.mapTo(host, QPoint(0, 0))
        num, den = self._share
        height = min(stack.height(), max(260, stack.height() * num // den))
        self.setGeometry(top_left.x(), top_left.y() + stack.height() - height, stack.width(), height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in {QEvent.Type.Resize, QEvent.Type.Move} and self.isVisible():
            self.place()
        return super().eventFilter(watched, event)

    def _step_changed(self, _index: int) -> None:
        """Another step was chosen: the sheet steps aside (Ctrl+Shift+A brings it back)."""
        if self.isVisible():
            self.hide()

    def _jump(self, key: str) -> None:
        from gp_tool.ui.steps import step_index  # noqa: PLC0415

        self.window_.go_to_step(step_index(key), focus=True)

    def show_view(self, today: dt.date, *, focus: bool) -> None:
        """Show the sheet for ``today``; with ``focus``, move the keyboard into it (its tab bar)."""
        if self.view.today != today:
            self.view.set_today(today)
        self._share = (9, 10) if focus else (2, 5)
        self.place()
        self.show()
        self.raise_()
        if focus:
            self.view.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def has_focus(self) -> bool:
        """Whether the keyboard is in the sheet."""
        widget = QApplication.focusWidget()
        return widget is not None and self.isAncestorOf(widget)

    def close_panel(self) -> None:
        """Hide the sheet; when the keyboard was in it, it goes back to the step's page."""
        had_focus = self.has_focus()
        self.hide()
        if had_focus:
            self.window_.go_to_step(self.window_.current_step(), focus=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_panel()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(_("8-week point and dialogue (Ctrl+Shift+A; Esc closes)"))
        self.close_button.setText("✕ " + _("Close (Esc)"))
        self.close_button.setToolTip(_("Close (Esc)"))
        self.close_button.setAccessibleName(_("Close (Esc)"))
