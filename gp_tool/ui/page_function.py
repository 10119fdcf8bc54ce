"""Step 3, function and screening: what the patient can do now, measured against the job (issue 6).

From top to bottom, in the order a GP thinks (domain brief §1.2, the gap model):

1. **What the job demands** — the demands recorded in step 1, as a reminder.
2. **Function against the job** — the :class:`~gp_tool.ui.function_grid.FunctionGrid`: per function
   domain the limitation now and the job's demand, with the gaps of :func:`gp_tool.rules.function.gaps`
   in words and colour, and a short note (tool, NAV note and journal; never the employer).
3. **Proposed sick-leave grade** — :func:`gp_tool.rules.function.grade_range` with its reason; one
   button makes the new note's first period graded at that level and opens the Decision step there.
4. **For the employer** — neutral functional phrases (:func:`gp_tool.rules.function.neutral_wording`,
   never diagnosis words) that one key adds to *What the patient can do* (``function.possible_tasks``) or
   *Adjustments that would help* (``function.adjustments``): the only two lists the employer sees
   (ui-brief b.7: purple chip, "(shown to the employer)" in the labels).
5. **Screening** — ÖMPSQ-SF, WAS, PHQ-9 and GAD-7 in tabs (Ctrl+Tab), see
   :mod:`gp_tool.ui.screening_form`.

Every input is registered under its case-file path, so a finding on
``function.domains.LIFTING_CARRYING.demand`` focuses that cell, and one on ``screening[2].answers``
opens the right tab.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QWidget,
)

from gp_tool.domain.assessment import Instrument
from gp_tool.domain.case import Case, PeriodKind
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.function_grid import FunctionGrid
from gp_tool.ui.i18n import _, language
from gp_tool.ui.pages import Section, StepPage, render_problem
from gp_tool.ui.screening_form import ScreeningForm, newest_index
from gp_tool.ui.steps import Step
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT, DateField, TextArea, buddy_label, make_label

if TYPE_CHECKING:
    from gp_tool.rules.function import GradeProposal

__all__ = ["EMPLOYER_LISTS", "FunctionPage", "PhraseList", "proposed_kind"]

EMPLOYER_LISTS: Final = ("function.possible_tasks", "function.adjustments")
MAX_ITEMS: Final = 20


def proposed_kind(proposal: GradeProposal) -> tuple[PeriodKind, int | None] | None:
    """What the *Use in the decision* button puts into the new note's first period: graded at the
    middle of the range, full sick leave, or a travel grant (ftrl § 8-14); None when the proposal is
    no sick leave (strain or fits: an awaiting note or adjustments are the GP's call)."""
    if proposal.low >= 100:
        return PeriodKind.AKTIVITET_IKKE_MULIG, None
    if proposal.graded:
        return PeriodKind.GRADERT, max(1, min(99, (proposal.low + proposal.high) // 2))
    if proposal.rule == "TRAVEL":
        return PeriodKind.REISETILSKUDD, None
    return None


class PhraseList(QListWidget):
    """The neutral phrases; Enter adds the current one to the adjustments, Shift+Enter to the tasks."""

    def __init__(self, page: FunctionPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter} and self.currentItem() is not None:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.page.add_phrase("function.possible_tasks" if shift else "function.adjustments")
            event.accept()
            return
        super().keyPressEvent(event)


class FunctionPage(StepPage):
    """Step 3: demands, the function grid, the grade proposal, employer phrases, screening forms."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.labels: dict[str, QLabel] = {}
        self.problem_label = make_label("field-error", self, wrap=True)
        self.problem_label.setObjectName("function.problem")
        self.problem_label.hide()
        self.content.addWidget(self.problem_label)
        self._build_demands()
        self._build_grid()
        self._build_grade()
        self._build_employer()
        self._build_screening()
        self.first_focus = self.grid
        order = [
            self.assessed_on.edit,
            self.grid,
            self.use_grade,
            self.phrases,
            self.add_adjustment,
            self.add_task,
            self.lists["function.possible_tasks"],
            self.lists["function.adjustments"],
            self.tabs,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _label(self, key: str, buddy: QWidget, parent: QWidget) -> QLabel:
        self.labels[key] = label = buddy_label("label:" + key, buddy, parent)
        return label

    def _build_demands(self) -> None:
        self.demands_group = Section("group.function_demands", "none", self)
        self.demands_label = QLabel(self.demands_group)
        self.demands_label.setObjectName("function.demands")
        self.demands_label.setWordWrap(True)
        self.demands_group.body.addWidget(self.demands_label)
        self.content.addWidget(self.demands_group)

    def _build_grid(self) -> None:
        group = Section("group.function_grid", "none", self)
        self.grid_group = group
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        self.assessed_on = DateField(group, name="function.assessed_on")
        self.assessed_on.committed.connect(self._commit_assessed_on)
        form.addRow(self._label("assessed_on", self.assessed_on.edit, group), self.assessed_on)
        group.body.addLayout(form)
        self.grid_label = QLabel(group)
        self.grid_label.setObjectName("label:function.domains")
        self.grid = FunctionGrid(group)
        self.grid_label.setBuddy(self.grid)
        self.grid.level_set.connect(self.set_level)
        self.grid.note_set.connect(self.set_note)
        self.grid_help = make_label("muted", group, wrap=True)
        self.grid_help.setObjectName("function.grid_help")
        self.gap_summary = make_label("", group, wrap=True)
        self.gap_summary.setObjectName("function.gaps")
        group.body.addWidget(self.grid_label)
        group.body.addWidget(self.grid)
        group.body.addWidget(self.grid_help)
        group.body.addWidget(self.gap_summary)
        self.register("function.assessed_on", self.assessed_on.edit)
        self.register("function.domains", self.grid)
        self.register("function", self.grid)
        self.content.addWidget(group)

    def _build_grade(self) -> None:
        group = Section("group.function_grade", "none", self)
        self.grade_group = group
        self.grade_text = make_label("banner-info", group, wrap=True)
        self.grade_text.setObjectName("function.grade_range")
        self.use_grade = QPushButton(group)
        self.use_grade.setObjectName("function.use_grade")
        self.use_grade.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.use_grade.setAutoDefault(False)
        self.use_grade.clicked.connect(self.use_proposed_grade)
        group.body.addWidget(self.grade_text)
        row = QHBoxLayout()
        row.addWidget(self.use_grade)
        row.addStretch(1)
        group.body.addLayout(row)
        self.content.addWidget(group)

    def _build_employer(self) -> None:
        group = Section("group.function_employer", "employer", self)
        self.employer_group = group
        self.phrases_label = QLabel(group)
        self.phrases_label.setWordWrap(True)
        self.phrases = PhraseList(self, group)
        self.phrases.setObjectName("function.phrases")
        self.phrases.setMinimumHeight(110)
        self.phrases.setMaximumHeight(170)
        self.phrases_label.setBuddy(self.phrases)
        self.phrases.itemActivated.connect(lambda _item: None)  # Enter is handled by PhraseList
        self.phrases_empty = make_label("muted", group, wrap=True)
        self.phrases_help = make_label("muted", group, wrap=True)
        self.add_adjustment = QPushButton(group)
        self.add_adjustment.setObjectName("function.add_adjustment")
        self.add_adjustment.clicked.connect(lambda: self.add_phrase("function.adjustments"))
        self.add_task = QPushButton(group)
        self.add_task.setObjectName("function.add_task")
        self.add_task.clicked.connect(lambda: self.add_phrase("function.possible_tasks"))
        for button in (self.add_adjustment, self.add_task):
            button.setMinimumHeight(MIN_CONTROL_HEIGHT)
            button.setAutoDefault(False)
        group.body.addWidget(self.phrases_label)
        group.body.addWidget(self.phrases)
        group.body.addWidget(self.phrases_empty)
        group.body.addWidget(self.phrases_help)
        row = QHBoxLayout()
        row.addWidget(self.add_adjustment)
        row.addWidget(self.add_task)
        row.addStretch(1)
        group.body.addLayout(row)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(8)
        self.lists: dict[str, TextArea] = {}
        self.list_errors: dict[str, QLabel] = {}
        for path in EMPLOYER_LISTS:
            area = TextArea(group, name=path, lines=3)
            area.setMinimumWidth(520)
            area.committed.connect(lambda text, p=path: self.commit_list(p, text))
            form.addRow(self._label(path, area, group), area)
            error = make_label("field-error", group, wrap=True)
            error.hide()
            form.addRow("", error)
            self.lists[path], self.list_errors[path] = area, error
            self.register(path, area, error)
        group.body.addLayout(form)
        self.content.addWidget(group)

    def _build_screening(self) -> None:
        group = Section("group.screening", "none", self)
        self.screening_group = group
        self.screening_intro = make_label("muted", group, wrap=True)
        self.tabs = QTabWidget(group)
        self.tabs.setObjectName("screening")
        self.forms: dict[Instrument, ScreeningForm] = {}
        for instrument in Instrument:
            form = ScreeningForm(instrument, self.document, self.tabs)
            form.score_changed.connect(lambda title, f=form: self._tab_title(f, title))
            self.tabs.addTab(form, instrument.value)
            self.forms[instrument] = form
        group.body.addWidget(self.screening_intro)
        group.body.addWidget(self.tabs)
        self.register("screening", self.tabs)
        self.content.addWidget(group)
        QShortcut(
            QKeySequence("Ctrl+Tab"),
            self,
            self._next_tab,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Ctrl+Shift+Tab"),
            self,
            self._previous_tab,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _next_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())
        self.tabs.currentWidget().setFocus()

    def _previous_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count())
        self.tabs.currentWidget().setFocus()

    def _tab_title(self, form: ScreeningForm, title: str) -> None:
        index = self.tabs.indexOf(form)
        if index >= 0:
            self.tabs.setTabText(index, title)

    # ------------------------------------------------------------------ editing
    def _show_problems(self, problems: list[Any]) -> None:
        text = "\n".join(f"✕ {p.field}: {render_problem(p)}" for p in problems)
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(problems))

    def _function(self, doc: dict[str, Any]) -> dict[str, Any]:
        function = doc.get("function")
        if not isinstance(function, dict):
            function = doc["function"] = {}
        if not function.get("assessed_on") and self.today is not None:
            function["assessed_on"] = self.today.isoformat()
        return function

    def set_level(self, domain: str, column: str, value: str | None) -> None:
        """Set ``function.domains.<domain>.<column>`` (limitation or demand) to ``value`` (None clears)."""

        def change(doc: dict[str, Any]) -> None:
            domains = self._function(doc).setdefault("domains", {})
            entry = dict(domains.get(domain) or {})
            entry[column] = value
            if entry.get("limitation") is None and entry.get("demand") is None and not entry.get("note"):
                domains.pop(domain, None)
            else:
                domains[domain] = entry

        self._show_problems(self.document.edit_document(f"function.domains.{domain}.{column}", change))
        self.refresh()

    def set_note(self, domain: str, text: str) -> None:
        def change(doc: dict[str, Any]) -> None:
            domains = self._function(doc).setdefault("domains", {})
            entry = dict(domains.get(domain) or {})
            entry["note"] = text
            if entry.get("limitation") is None and entry.get("demand") is None and not text:
                domains.pop(domain, None)
            else:
                domains[domain] = entry

        self._show_problems(self.document.edit_document(f"function.domains.{domain}.note", change))
        self.refresh()

    def _commit_assessed_on(self, day: Any) -> None:
        if self._updating:
            return
        if day == "invalid":
            self.problem_label.setText(
                "✕ function.assessed_on: " + _("not a valid date: use DD.MM.YYYY, a day that exists")
            )
            self.problem_label.show()
            return

        def change(doc: dict[str, Any]) -> None:
            function = doc.get("function")
            if not isinstance(function, dict):
                function = doc["function"] = {}
            function["assessed_on"] = day.isoformat() if isinstance(day, dt.date) else None

        self._show_problems(self.document.edit_document("function.assessed_on", change))

    def commit_list(self, path: str, text: str) -> None:
        """Store the lines of an employer list (one item per line; empty lines dropped)."""
        items = [line.strip() for line in text.splitlines() if line.strip()]
        name = path.split(".", 1)[1]

        def change(doc: dict[str, Any]) -> None:
            self._function(doc)[name] = items

        problems = self.document.edit_document(path, change)
        error = self.list_errors[path]
        error.setText("\n".join(f"✕ {render_problem(p)}" for p in problems))
        error.setVisible(bool(problems))
        if len(items) > MAX_ITEMS and not problems:
            error.setText(_("At most {count} lines.").format(count=MAX_ITEMS))
            error.show()

    def add_phrase(self, path: str) -> None:
        """Add the current neutral phrase, in the window's language, to ``path`` (once)."""
        item = self.phrases.currentItem()
        if item is None:
            return
        phrase = item.text()
        area = self.lists[path]
        area.commit()  # what was typed first
        function = self.document.case.function
        current = list(getattr(function, path.split(".", 1)[1])) if function is not None else []
        if phrase not in current:
            self.commit_list(path, "\n".join([*current, phrase]))
            self._show_lists()
        row = self.phrases.currentRow()
        if row + 1 < self.phrases.count():
            self.phrases.setCurrentRow(row + 1)

    def use_proposed_grade(self) -> None:
        """Put the proposal into the new note's first period, then open the Decision step there."""
        from gp_tool.rules.function import grade_range  # noqa: PLC0415

        proposal = grade_range(self.document.case)
        chosen = proposed_kind(proposal) if proposal is not None else None
        if chosen is None:
            return
        kind, grade = chosen

        def change(doc: dict[str, Any]) -> None:
            from gp_tool.ui.page_decision import _clean_for_kind  # noqa: PLC0415

            period = doc["sick_note"]["periods"][0]
            _clean_for_kind(period, kind)
            if grade is not None:
                period["grade"] = grade

        target = "sick_note.periods[0].grade" if grade is not None else "sick_note.periods[0].kind"
        self._show_problems(self.document.edit_document(target, change))
        window = self.window()
        jump = getattr(window, "jump_to_field", None)
        if callable(jump):
            jump(target)

    # ------------------------------------------------------------------ showing
    _updating = False

    def set_case(self, case: Case, today: dt.date) -> None:
        for form in self.forms.values():
            form.set_case(today)
        super().set_case(case, today)

    def case_edited(self, path: str) -> None:
        if path.startswith(("work", "function", "sick_note")):
            self.refresh()
        if path.startswith("screening"):
            for form in self.forms.values():
                if form.index is None or form.current_result() is None:
                    form.index = newest_index(self.document.case.screening or [], form.instrument)
                form.refresh_history()

    def focus_field(self, path: str, severity: str = "INFO") -> bool:
        if path.startswith("function.domains."):
            self.grid.focus_path(path)
        elif path.startswith("screening["):
            try:
                index = int(path.split("[", 1)[1].split("]", 1)[0])
                result = (self.document.case.screening or [])[index]
            except (ValueError, IndexError):
                result = None
            if result is not None:
                form = self.forms[result.instrument]
                form.index = index
                form.refresh()
                self.tabs.setCurrentWidget(form)
                rest = path.split("]", 1)[1]
                target: QWidget = form.answers[0]
                if rest.startswith(".answers["):
                    with contextlib.suppress(ValueError, IndexError):
                        target = form.answers[int(rest.split("[", 1)[1].split("]", 1)[0])]
                elif rest.startswith(".gp_agrees"):
                    target = form.agree
                elif rest.startswith(".comment"):
                    target = form.comment
                elif rest.startswith(".date"):
                    target = form.date_field.edit
                self.register(path, target)
        return super().focus_field(path, severity)

    def refresh(self) -> None:
        from gp_tool.rules.function import gaps, grade_range  # noqa: PLC0415

        case = self.document.case
        self._updating = True
        try:
            function = case.function
            found = gaps(function)
            self.grid.show_assessment(function, found)
            self.assessed_on.today = self.today
            self.assessed_on.set_date(function.assessed_on if function is not None else None)
            self._show_gaps(found)
            self._show_grade(grade_range(case))
            self._show_phrases()
            self._show_lists()
        finally:
            self._updating = False
        self.show_findings()

    def _show_gaps(self, found: tuple[Any, ...]) -> None:
        from gp_tool.rules.function import demand_label, domain_label, limitation_label  # noqa: PLC0415

        if not found:
            self.gap_summary.setText(_("No gaps between function and the job's demands so far."))
            self.gap_summary.setProperty("role", "muted")
        else:
            lines = []
            for gap in found:
                word = _("✕ Gap") if gap.level == "GAP" else _("! Strain")
                lines.append(
                    _("{word}: {domain} – limitation {limitation}, the job demands {demand}").format(
                        word=word,
                        domain=_(domain_label(gap.domain)),
                        limitation=_(limitation_label(gap.limitation)).lower(),
                        demand=_(demand_label(gap.demand)).lower(),
                    )
                )
            self.gap_summary.setText("\n".join(lines))
            worst = "GAP" if any(g.level == "GAP" for g in found) else "STRAIN"
            self.gap_summary.setProperty("role", "finding-danger" if worst == "GAP" else "finding-warning")
        self.gap_summary.style().unpolish(self.gap_summary)
        self.gap_summary.style().polish(self.gap_summary)

    def _show_grade(self, proposal: GradeProposal | None) -> None:
        if proposal is None:
            self.grade_text.setText(
                _("No proposal yet: set the limitation and the job's demand for the domains that matter.")
            )
            self.grade_text.setAccessibleName(self.grade_text.text())
            self.use_grade.setText(_("&Use in the decision"))
            self.use_grade.setEnabled(False)
            return
        if proposal.low == proposal.high:
            span = _("{low} % sick leave").format(low=proposal.low)
        else:
            span = _("{low}–{high} % sick leave").format(low=proposal.low, high=proposal.high)
        self.grade_text.setText(_("Proposed: {span}.").format(span=span) + "\n" + proposal.text(language()))
        self.grade_text.setAccessibleName(self.grade_text.text())
        chosen = proposed_kind(proposal)
        self.use_grade.setEnabled(chosen is not None)
        if chosen is None:
            self.use_grade.setText(_("&Use in the decision"))
        elif chosen[0] is PeriodKind.AKTIVITET_IKKE_MULIG:
            self.use_grade.setText(_("&Use in the decision: full sick leave"))
        elif chosen[0] is PeriodKind.REISETILSKUDD:
            self.use_grade.setText(_("&Use in the decision: travel grant"))
        else:
            self.use_grade.setText(_("&Use in the decision: {grade} % graded").format(grade=chosen[1]))

    def _show_phrases(self) -> None:
        from gp_tool.rules.function import neutral_wording  # noqa: PLC0415

        phrases = [_(p) for p in neutral_wording(self.document.case.function)]
        current = [self.phrases.item(i).text() for i in range(self.phrases.count())]
        if current != phrases:
            row = max(0, self.phrases.currentRow())
            self.phrases.clear()
            for phrase in phrases:
                QListWidgetItem(phrase, self.phrases)
            if phrases:
                self.phrases.setCurrentRow(min(row, len(phrases) - 1))
        self.phrases.setVisible(bool(phrases))
        self.phrases_empty.setVisible(not phrases)
        self.add_adjustment.setEnabled(bool(phrases))
        self.add_task.setEnabled(bool(phrases))

    def _show_lists(self) -> None:
        function = self.document.case.function
        for path, area in self.lists.items():
            items = list(getattr(function, path.split(".", 1)[1])) if function is not None else []
            if not area.hasFocus() or area.toPlainText().splitlines() != items:
                area.set_text("\n".join(items))

    def retranslate_content(self) -> None:
        self.demands_group.retranslate_section(_("What the job demands"))
        demands = self.document.case.work.demands
        self.demands_label.setText(
            "\n".join(f"• {d}" for d in demands) if demands else _("No demands recorded yet (step 1).")
        )
        self.demands_label.setAccessibleName(_("What the job demands"))
        self.grid_group.retranslate_section(_("Function against the job"))
        self.labels["assessed_on"].setText(_("Assessed &on"))
        self.assessed_on.edit.setAccessibleName(_("Assessed on"))
        self.grid_label.setText(_("Function &now and what the job demands, per domain"))
        self.grid.retranslate()
        self.grid_help.setText(self.grid.key_help())
        self.grade_group.retranslate_section(_("Proposed sick-leave grade"))
        self.use_grade.setToolTip(
            _("Makes the first period graded at this level and opens the Decision step")
        )
        self.employer_group.retranslate_section(_("For the employer: what works now"))
        self.phrases_label.setText(_("Neutral &phrases from the assessment (no health information)"))
        self.phrases.setAccessibleName(_("Neutral phrases from the assessment"))
        self.phrases_empty.setText(_("Phrases appear here when the grid shows limitations."))
        self.phrases_help.setText(
            _("Enter adds the phrase to the adjustments, Shift+Enter to what the patient can do.")
        )
        self.add_adjustment.setText(_("Add to ad&justments"))
        self.add_task.setText(_("Add to what the patient c&an do"))
        self.labels["function.possible_tasks"].setText(
            _("What the patient can &do at work now (shown to the employer; one per line)")
        )
        self.labels["function.adjustments"].setText(
            _("Adjustments at work that would help (shown to the employer; one per &line)")
        )
        for path in EMPLOYER_LISTS:
            self.lists[path].setAccessibleName(self.labels[path].text().replace("&", ""))
            self.lists[path].setPlaceholderText(_("Neutral words only: what, how much, how long"))
        self.screening_group.retranslate_section(_("Screening"))
        self.screening_intro.setText(
            _(
                "A score is a signal, not a decision: say whether you agree. "
                "Ctrl+Tab moves between the forms. Answers are not sent to the employer."
            )
        )
        self.tabs.setAccessibleName(_("Screening forms"))
        for form in self.forms.values():
            form.retranslate()
        self.refresh()
