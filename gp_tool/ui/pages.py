"""The step pages: a common frame (:class:`StepPage`) and the lazy registry that builds each page.

Every page scrolls, opens with its title and a one-line purpose in muted text, and ends with the
Previous/Next step buttons (Ctrl+Shift+Enter / Ctrl+Enter). Inputs are registered with their case-file
path (:meth:`StepPage.register`), which is also their object name: that path links a finding to its
field (ui-brief b.3, b.5). Pages re-set every text in :meth:`StepPage.retranslate` on a language change.

Only the first page is built at start-up; :func:`make_page` imports the module of any other page the
first time it is shown, so start-up does not pay for the code lists, the timeline drawing or printing.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gp_tool.ui.i18n import _
from gp_tool.ui.steps import STEPS, Step
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT, heading_font, make_label, set_role

if TYPE_CHECKING:
    from gp_tool.domain.case import Case
    from gp_tool.domain.problems import Problem
    from gp_tool.ui.caseinfo import EvaluationView, FindingView, TimelineView
    from gp_tool.ui.document import CaseDocument

__all__ = [
    "CONTENT_MAX_WIDTH",
    "PAGE_MODULES",
    "Analysis",
    "AudienceChip",
    "Section",
    "StepPage",
    "make_page",
    "render_problem",
]

CONTENT_MAX_WIDTH: Final = 860
FLASH_MS: Final = 2000

PAGE_MODULES: Final[dict[str, str]] = {
    "patient": "gp_tool.ui.page_patient:PatientWorkPage",
    "timeline": "gp_tool.ui.page_timeline:TimelinePage",
    "function": "gp_tool.ui.page_function:FunctionPage",
    "support": "gp_tool.ui.page_support:SupportPage",
    "decision": "gp_tool.ui.page_decision:DecisionPage",
    "nav_questions": "gp_tool.ui.page_questions:NavQuestionsPage",
    "messages": "gp_tool.ui.page_messages:MessagesPage",
    "notes": "gp_tool.ui.page_notes:NotesPage",
}


def render_problem(problem: Problem) -> str:
    """The problem's message in the active language, without the field path (it sits at the field)."""
    return _(problem.message).format(**problem.params)


class Analysis:
    """What the rules say about the current case: the evaluation and the timeline (None: not yet)."""

    def __init__(
        self, evaluation: EvaluationView | None = None, timeline: TimelineView | None = None
    ) -> None:
        self.evaluation = evaluation
        self.timeline = timeline

    def findings_for(self, prefix: str) -> list[FindingView]:
        if self.evaluation is None:
            return []
        return [
            f for f in self.evaluation.findings if any(x == prefix or x.startswith(prefix) for x in f.fields)
        ]


class AudienceChip(QFrame):
    """ "Employer sees" (meta purple, eye) or "NAV only" (outlined, lock) on a section heading (b.7)."""

    def __init__(self, audience: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audience = audience
        self.setProperty("role", "chip-meta" if audience == "employer" else "chip-nav")
        self.icon_label = QLabel(self)
        self.text_label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 10, 1)
        layout.setSpacing(4)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label)
        self.refresh()

    def refresh(self) -> None:
        from gp_tool.ui import icons, palette  # noqa: PLC0415

        c = palette.current()
        colour = c.meta.icon if self.audience == "employer" else c.page_text
        size = max(12, self.fontMetrics().height() - 2)
        self.icon_label.setPixmap(
            icons.icon("eye" if self.audience == "employer" else "lock", colour, size=size).pixmap(size, size)
            if size
            else QPixmap()
        )
        self.text_label.setText(_("Employer sees") if self.audience == "employer" else _("NAV only"))
        self.setAccessibleName(self.text_label.text())


class Section(QGroupBox):
    """A titled group of fields, with an audience chip and a muted line on who sees it (b.7).

    ``audience``: ``employer`` (purple bar and chip), ``nav`` (lock chip), ``none`` (a muted line:
    used in the assessment and the journal text, not sent) or ``""`` (fields marked one by one).
    """

    def __init__(self, name: str, audience: str = "none", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.audience = audience
        if audience == "employer":
            self.setProperty("audience", "employer")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 16)
        self.body.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.note = make_label("muted", self, wrap=True)
        self.chip: AudienceChip | None = None
        if audience in {"employer", "nav"}:
            self.chip = AudienceChip(audience, self)
            top.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignLeft)
        top.addWidget(self.note, 1)
        self.body.addLayout(top)

    def retranslate_section(self, title: str) -> None:
        self.setTitle(title)
        if self.chip is not None:
            self.chip.refresh()
        if self.audience == "employer":
            self.note.setText(_("Printed on the note to the employer."))
        elif self.audience == "nav":
            self.note.setText(_("Sent to NAV only; never shown to the employer."))
        elif self.audience == "none":
            self.note.setText(_("Used in the assessment and the journal text; not sent."))
        self.note.setVisible(bool(self.audience))


class StepPage(QScrollArea):
    """A step: title, purpose line, content, and Previous/Next step buttons at the bottom."""

    next_requested = Signal()
    previous_requested = Signal()

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step, self.index, self.document = step, index, document
        self.today: dt.date | None = None
        self.analysis = Analysis()
        self.setObjectName("page")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; they scroll into view
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.field_widgets: dict[str, QWidget] = {}
        self.field_messages: dict[str, QLabel] = {}
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._clear_flash)
        self._flashed: QWidget | None = None

        body = QWidget()
        body.setObjectName("pageBody")
        outer = QHBoxLayout(body)
        outer.setContentsMargins(32, 24, 32, 24)
        column = QWidget(body)
        column.setMaximumWidth(CONTENT_MAX_WIDTH)
        self.column = column
        outer.addWidget(column, 1)
        outer.addStretch(0)

        self.title_label = QLabel(column)
        self.title_label.setObjectName("page.title")
        self.title_label.setFont(heading_font(self.font(), 1.5))
        self.title_label.setProperty("heading_scale", 1.5)
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
        self.previous_hint = make_label("muted", column)
        self.next_hint = make_label("muted", column)
        nav = QHBoxLayout()
        nav.setSpacing(8)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.previous_hint)
        nav.addStretch(1)
        nav.addWidget(self.next_hint)
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

    # ------------------------------------------------------------------ fields and findings
    def register(self, path: str, widget: QWidget, message: QLabel | None = None) -> None:
        """Make ``widget`` the input of case field ``path`` (findings jump to it)."""
        self.field_widgets[path] = widget
        if message is not None:
            self.field_messages[path] = message

    def field_widget(self, path: str) -> QWidget | None:
        """The input for ``path``, or for the longest registered path that is a prefix of it."""
        if path in self.field_widgets:
            return self.field_widgets[path]
        best = ""
        for known in self.field_widgets:
            if path.startswith(known) and len(known) > len(best):
                best = known
        if not best:
            for known in self.field_widgets:  # a finding on a whole list points at its first item
                if known.startswith(path) and (not best or known < best):
                    best = known
        return self.field_widgets.get(best) if best else None

    def focus_field(self, path: str, severity: str = "INFO") -> bool:
        """Scroll to the input of ``path``, focus it and outline it for two seconds."""
        widget = self.field_widget(path)
        if widget is None:
            return False
        self.ensureWidgetVisible(widget, 40, 60)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._clear_flash()
        widget.setProperty("flash", severity)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        self._flashed = widget
        self._flash_timer.start()
        return True

    def _clear_flash(self) -> None:
        widget, self._flashed = self._flashed, None
        if widget is not None:
            widget.setProperty("flash", None)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def show_findings(self) -> None:
        """Repeat each finding under its field and make it the field's accessible description (b.5)."""
        for path, widget in self.field_widgets.items():
            findings = self.analysis.findings_for(path)
            text = "\n".join(f"{severity_word(f.severity)}: {f.message}" for f in findings)
            if widget.property("finding_text") != text:
                widget.setProperty("finding_text", text)
                widget.setAccessibleDescription(text)
            label = self.field_messages.get(path)
            if label is not None:
                label.setText(text)
                label.setVisible(bool(text))
                worst = findings[0].severity if findings else "INFO"
                set_role(label, {"BLOCK": "finding-danger", "WARN": "finding-warning"}.get(worst, "muted"))

    # ------------------------------------------------------------------ case and language
    def set_case(self, case: Case, today: dt.date) -> None:
        """Show ``case`` (a new case was opened, or the page was built)."""
        self.today = today
        self.retranslate()

    def case_edited(self, path: str) -> None:
        """The case changed at ``path`` (by this page or another); refresh what shows it."""

    def set_analysis(self, analysis: Analysis) -> None:
        """New findings and timeline for the current case."""
        self.analysis = analysis
        self.show_findings()

    def retranslate(self) -> None:
        """Re-set every text in the active language."""
        self.title_label.setText(f"{self.index + 1}. {_(self.step.title)}")
        self.purpose_label.setText(_(self.step.purpose))
        self.previous_button.setText(_("P&revious step"))
        self.previous_button.setToolTip(_("Go to the previous step (Ctrl+Shift+Enter, Alt+Left)"))
        self.next_button.setText(_("Ne&xt step"))
        self.next_button.setToolTip(_("Go to the next step (Ctrl+Enter, Alt+Right)"))
        self.previous_hint.setText("Ctrl+Shift+Enter")
        self.next_hint.setText("Ctrl+Enter")
        self.retranslate_content()
        self.show_findings()
        if not self._naming_pending:  # once, after child views have re-set their texts too
            self._naming_pending = True
            QTimer.singleShot(0, self, self.name_inputs_by_their_labels)

    _naming_pending = False

    def name_inputs_by_their_labels(self) -> None:
        """Give every labelled input its label as accessible name (screen readers, b.13)."""
        self._naming_pending = False
        for label in self.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None and label.text():
                name = label.text().replace("&", "").rstrip(":")
                if buddy.accessibleName() != name and (
                    not buddy.accessibleName() or buddy.property("named_by_label")
                ):
                    buddy.setAccessibleName(name)
                    buddy.setProperty("named_by_label", True)

    def retranslate_content(self) -> None:
        """Re-set the texts of the page's own content (subclasses)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def severity_word(severity: str) -> str:
    """Stopp / Advarsel / Info in the active language (never colour alone, b.10)."""
    if severity == "BLOCK":
        return _("Stop")
    if severity == "WARN":
        return _("Warning")
    if severity == "OK":
        return _("OK")
    return _("Info")


def make_page(index: int, document: CaseDocument, parent: QWidget | None = None) -> StepPage:
    """Build the page of step ``index`` (its module is imported now, not at start-up)."""
    step = STEPS[index]
    module_name, class_name = PAGE_MODULES[step.key].split(":")
    page_class = getattr(importlib.import_module(module_name), class_name)
    page: StepPage = page_class(step, index, document, parent)
    return page
