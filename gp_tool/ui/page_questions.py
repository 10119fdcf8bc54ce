"""Step 6, NAV's questions at weeks 7, 17 and 39 (domain brief §4.1), shown when they are due.

The ids due come from the rules (``questions_due``, the same triggers as NAV's own app). The step
names the week, says in one line what the answers are for, and shows NAV's own question texts
(bokmål, verbatim from ``gp_tool.codes.questions()``) under a short heading in the app's language. The
optional question is marked, the week-39 prognosis is four radio options, and answers given earlier in
the case are listed folded with their date. All answers go to NAV only. Before a set is due the step
says why it is empty and when the next set comes.
"""

from __future__ import annotations

import functools
from typing import Final

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from gp_tool.i18n.formatting import format_date
from gp_tool.i18n.markers import N_
from gp_tool.ui.caseinfo import QuestionSpec, question_specs
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _, language
from gp_tool.ui.pages import Analysis, Section, StepPage, render_problem
from gp_tool.ui.steps import Step
from gp_tool.ui.widgets import TextArea, make_label

__all__ = ["HEADINGS", "NavQuestionsPage"]

HEADINGS: Final = {
    "6.3.1": N_("Medical summary"),
    "6.3.2": N_("Why activity or graded work is not possible now"),
    "6.3.3": N_("Medical considerations if activity is tried (optional)"),
    "6.4.1": N_("Course of the illness since week 7"),
    "6.4.2": N_("Challenges for work now, and what the patient manages"),
    "6.4.3": N_("Investigation and treatment, and their effect on work"),
    "6.4.4": N_("Unresolved matters NAV should know"),
    "6.5.1": N_("Course of the illness since week 17"),
    "6.5.2": N_("What work the patient can realistically manage now"),
    "6.5.3": N_("Expected development over the next 3–6 months"),
    "6.5.4": N_("Medical considerations for NAV's further follow-up"),
}
WEEK_OF: Final = {"6.3": 7, "6.4": 17, "6.5": 39}


def week_of(question_id: str) -> int:
    return WEEK_OF.get(question_id.rsplit(".", 1)[0], 0)


class NavQuestionsPage(StepPage):
    """Step 6: the question sets due, NAV's texts, answers stored in ``sick_note.answers``."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.specs: dict[str, QuestionSpec] = question_specs()
        self.status_label = make_label("banner-info", self, wrap=True)
        self.status_label.setObjectName("questions.status")
        self.content.addWidget(self.status_label)
        self.group = Section("group.questions", "nav", self)
        self.content.addWidget(self.group)
        self.questions_box = QVBoxLayout()
        self.questions_box.setSpacing(12)
        self.group.body.addLayout(self.questions_box)
        self.earlier_group = Section("group.earlier_answers", "nav", self)
        self.earlier_label = QLabel(self.earlier_group)
        self.earlier_label.setObjectName("questions.earlier")
        self.earlier_label.setWordWrap(True)
        self.earlier_group.body.addWidget(self.earlier_label)
        self.content.addWidget(self.earlier_group)
        self.problem_label = make_label("field-error", self, wrap=True)
        self.problem_label.hide()
        self.content.addWidget(self.problem_label)
        self.answers: dict[str, TextArea | QButtonGroup] = {}
        self.shown: tuple[str, ...] = ()
        self._widgets: list[QWidget] = []
        self.retranslate()

    def due(self) -> tuple[str, ...]:
        evaluation = self.analysis.evaluation
        if evaluation is None:  # the rules have not run yet (a moment after start-up)
            return ()
        return tuple(q for q in evaluation.questions_due if q in self.specs)

    def set_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        if self.due() != self.shown:
            self._rebuild()
        self.retranslate_content()
        self.show_findings()

    def case_edited(self, path: str) -> None:
        if path.startswith("sick_note.answers"):
            self._show_answers()

    def _rebuild(self) -> None:
        for widget in self._widgets:
            widget.deleteLater()
        self._widgets.clear()
        self.answers.clear()
        self.field_widgets = {}
        self.field_messages = {}
        self.shown = self.due()
        previous: QWidget | None = None
        for qid in self.shown:
            spec = self.specs[qid]
            box = QWidget(self.group)
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(4)
            heading = QLabel(box)
            heading.setObjectName(f"heading:{qid}")
            heading.setWordWrap(True)
            nav_text = make_label("muted", box, wrap=True)
            nav_text.setObjectName(f"nav_text:{qid}")
            nav_text.setText(f"«{spec.text}»")
            layout.addWidget(heading)
            layout.addWidget(nav_text)
            if spec.description:
                hint = make_label("muted", box, wrap=True)
                hint.setText(spec.description)
                layout.addWidget(hint)
            path = f"sick_note.answers.{qid}"
            focus: QWidget
            if spec.options:
                group = QButtonGroup(box)
                for option in spec.options:
                    radio = QRadioButton(option, box)
                    radio.setObjectName(f"{path}:{spec.options.index(option)}")
                    radio.setAccessibleName(option)
                    group.addButton(radio)
                    layout.addWidget(radio)
                    radio.toggled.connect(functools.partial(self._option_toggled, qid, option))
                self.answers[qid] = group
                focus = group.buttons()[0]
            else:
                area = TextArea(box, name=path, lines=3)
                area.committed.connect(lambda text, q=qid: self._commit(q, text))
                layout.addWidget(area)
                self.answers[qid] = area
                focus = area
            heading.setBuddy(focus)
            message = make_label("muted", box, wrap=True)
            message.hide()
            layout.addWidget(message)
            self.register(path, focus, message)
            self.questions_box.addWidget(box)
            self._widgets.append(box)
            if previous is not None:
                QWidget.setTabOrder(previous, focus)
            previous = focus
        if previous is not None:
            QWidget.setTabOrder(previous, self.previous_button)
        self.first_focus = next(iter(self.field_widgets.values()), self.next_button)
        self._show_answers()

    def _option_toggled(self, qid: str, text: str, on: bool) -> None:
        if on:
            self._commit(qid, text)

    def _commit(self, qid: str, text: str) -> None:
        if self._updating:
            return
        problems = self.document.edit(f"sick_note.answers.{qid}", text)
        self.problem_label.setText("\n".join("✕ " + render_problem(p) for p in problems))
        self.problem_label.setVisible(bool(problems))

    _updating = False

    def _show_answers(self) -> None:
        answers = self.document.case.sick_note.answers
        self._updating = True
        try:
            for qid, widget in self.answers.items():
                value = answers.get(qid, "")
                if isinstance(widget, TextArea):
                    widget.set_text(value)
                else:
                    for button in widget.buttons():
                        button.setChecked(button.text() == value)
        finally:
            self._updating = False

    def retranslate_content(self) -> None:
        if not self.shown and self.due():
            self._rebuild()
        lang = language()
        weeks = sorted({week_of(q) for q in self.shown})
        self.group.retranslate_section(
            _("NAV's questions, week {week}").format(week=max(weeks)) if weeks else _("NAV's questions")
        )
        self.group.setVisible(bool(self.shown))
        if self.shown:
            self.status_label.setText(
                _(
                    "Due now. The answers are health information for NAV's assessment of the activity "
                    "requirement and further follow-up; the employer never sees them."
                )
            )
        else:
            self.status_label.setText(self._not_due_text())
        for qid in self.shown:
            heading = self.findChild(QLabel, f"heading:{qid}")
            if heading is not None:
                spec = self.specs[qid]
                text = _(HEADINGS.get(qid, qid))
                if not spec.required and not spec.options:
                    text = _("{text} (optional)").format(text=text) if "(" not in text else text
                heading.setText(f"<b>{qid}</b> · {text}")
                widget = self.field_widgets.get(f"sick_note.answers.{qid}")
                if widget is not None and not spec.options:
                    widget.setAccessibleName(f"{qid} {_(HEADINGS.get(qid, qid))}")
        earlier = [
            (note.signed, qid, text)
            for note in self.document.case.earlier_sick_notes
            for qid, text in note.answers.items()
        ]
        self.earlier_group.setVisible(bool(earlier))
        self.earlier_group.retranslate_section(_("Answered earlier in this case"))
        self.earlier_label.setText(
            "\n".join(
                f"{format_date(day, lang, 'short')} · {qid} {_(HEADINGS.get(qid, ''))}: {text}"
                for day, qid, text in earlier
            )
        )

    def _not_due_text(self) -> str:
        case = self.document.case
        period = max(case.sick_note.periods, key=lambda p: p.from_)
        week_note = ""
        if self.analysis.timeline is not None:
            upcoming = [
                m
                for m in self.analysis.timeline.milestones
                if m.id in {"AKTIVITETSKRAV", "UKE_17", "UKE_39"} and m.status == "AHEAD"
            ]
            if upcoming:
                week_note = " " + _("Next set: around {date}.").format(
                    date=format_date(upcoming[0].date, language(), "short")
                )
        from gp_tool.domain.case import PeriodKind  # noqa: PLC0415

        if period.kind is not PeriodKind.AKTIVITET_IKKE_MULIG:
            return (
                _(
                    "Not due: NAV asks the week 7 questions only for full sick leave, and the week 17 and 39 "
                    "questions when the absence reaches those weeks."
                )
                + week_note
            )
        return _("Not due: the absence has not reached week 7, 17 or 39 with this note.") + week_note
