"""Step 8, notes: what NAV and the employer will see, side by side; print; copy to the record.

The step is :class:`gp_tool.ui.notes_view.NotesView`, rendered from the same note models as the PDFs,
with the context the rules give (:func:`gp_tool.documents.note_context`), so the preview, the print and
``gp-tool notes`` say the same. Ctrl+P prints and Ctrl+Shift+C copies the journal text from any step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

from gp_tool.domain.case import Case
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import language
from gp_tool.ui.pages import StepPage
from gp_tool.ui.steps import Step

__all__ = ["NotesPage", "note_context"]


def note_context(case: Case, today: dt.date, lang: str, *, course: bool = False) -> Any:
    """The notes' :class:`gp_tool.documents.NoteContext` (timeline, maksdato, open findings) from the rules,
    with the practice's local services so that a ``local:`` referral is printed by its name."""
    from gp_tool.documents import note_context as build  # noqa: PLC0415  (reportlab: not at start-up)
    from gp_tool.settings.local_services import names  # noqa: PLC0415

    return build(case, today, lang, course=course, local_services=names())


class NotesPage(StepPage):
    """Step 8: the notes as NAV and the employer get them, side by side (NotesView)."""

    leak_activated = Signal(str)  # a field whose employer text the privacy firewall stopped

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        from gp_tool.ui.notes_view import NotesView  # noqa: PLC0415  (built when the step is first shown)

        self.view = NotesView(self)
        self.content.addWidget(self.view)
        # the window owns Ctrl+Shift+S and Ctrl+Shift+C (they work from every step and call the
        # view); the same keys on the view's own actions would make both ambiguous
        for action in (self.view.save_pdfs_action, self.view.copy_journal_action):
            action.setShortcut(QKeySequence())
        # Tab must leave the previews (a read-only text browser keeps Tab for its links)
        for browser in self.view.findChildren(QPlainTextEdit) + self.view.findChildren(QTextBrowser):
            browser.setTabChangesFocus(True)
        self.view.leak_activated.connect(self.leak_activated)
        self.first_focus = self.view.buttons.get("print", self.view)
        self.printed_at: dt.datetime | None = None
        self.retranslate()

    def demo(self) -> bool:
        return self.document.demo is not None or bool(getattr(self.document, "course_mode", False))

    def case_edited(self, path: str) -> None:
        self._render()

    def set_analysis(self, analysis: Any) -> None:
        super().set_analysis(analysis)
        self._render()

    def _render(self) -> None:
        case, lang = self.document.case, language()
        today = self.today or case.sick_note.signed
        ctx = note_context(case, today, lang, course=self.demo())
        self.view.set_case(case, today, lang, ctx, course=self.demo())

    def print_notes(self) -> bool:
        """Print both notes (print dialog with preview); True when printed."""
        printed = bool(self.view.print_notes())
        if printed:
            self.printed_at = dt.datetime.now().astimezone()
        return printed

    def save_pdfs(self) -> bool:
        """Ctrl+Shift+S: both notes, the patient sheet and the journal text as files."""
        return self.view.save_pdfs() is not None

    def copy_to_record(self) -> str:
        """Put the journal text on the clipboard; returns it."""
        result = self.view.copy_to_record()
        return result if isinstance(result, str) else ""

    def retranslate_content(self) -> None:
        self._render()
