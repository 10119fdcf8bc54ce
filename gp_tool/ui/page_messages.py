"""Step 7, messages: what the employer is told, and what NAV is asked for (ui-brief b.4, b.7).

The message to the employer is printed on the employer's note: it says what the patient can do and
what can be adjusted, never health information. While typing, the privacy check of
``gp_tool.documents`` names any word or code that looks like health information. The
message to NAV says what NAV should do (dialogue meeting, measures) and is never shown to the employer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from gp_tool.domain.case import Case
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _
from gp_tool.ui.pages import Section, StepPage, render_problem
from gp_tool.ui.steps import Step
from gp_tool.ui.widgets import TextArea, make_label, set_role

__all__ = ["MessagesPage", "leak_words"]


def leak_words(text: str, case: Case | None = None) -> list[str]:
    """Words in employer text that the privacy firewall stops (``gp_tool.documents.check_text``)."""
    if not text.strip():
        return []
    from gp_tool.documents import check_text  # noqa: PLC0415  (loaded when the GP first types here)

    return list(dict.fromkeys(word for leak in check_text(text, case) for word in leak.words))


class MessagesPage(StepPage):
    """Step 7: message to the employer (with the privacy check) and message to NAV."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.employer_group = Section("group.message_employer", "employer", self)
        self.nav_group = Section("group.message_nav", "nav", self)
        self.employer = TextArea(self.employer_group, name="sick_note.message_to_employer", lines=5)
        self.nav = TextArea(self.nav_group, name="sick_note.message_to_nav", lines=4)
        self.employer_label = QLabel(self.employer_group)
        self.nav_label = QLabel(self.nav_group)
        self.leak_label = make_label("muted", self.employer_group, wrap=True)
        self.leak_label.setObjectName("messages.leak")
        self.leak_label.hide()
        self.problem_label = make_label("field-error", self, wrap=True)
        self.problem_label.hide()
        for group, label, area, extra in (
            (self.employer_group, self.employer_label, self.employer, self.leak_label),
            (self.nav_group, self.nav_label, self.nav, None),
        ):
            form = QFormLayout()
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            label.setWordWrap(True)
            label.setBuddy(area)
            form.addRow(label, area)
            if extra is not None:
                form.addRow(extra)
            group.body.addLayout(form)
            self.content.addWidget(group)
        self.content.addWidget(self.problem_label)
        self.employer.committed.connect(lambda text: self._commit("sick_note.message_to_employer", text))
        self.nav.committed.connect(lambda text: self._commit("sick_note.message_to_nav", text))
        self.register("sick_note.message_to_employer", self.employer)
        self.register("sick_note.message_to_nav", self.nav)
        QWidget.setTabOrder(self.employer, self.nav)
        QWidget.setTabOrder(self.nav, self.previous_button)
        self.first_focus = self.employer
        self.retranslate()

    def _commit(self, path: str, text: str) -> None:
        problems = self.document.edit(path, text)
        self.problem_label.setText("\n".join("✕ " + render_problem(p) for p in problems))
        self.problem_label.setVisible(bool(problems))
        if path.endswith("employer"):
            self._check_leaks()

    def _check_leaks(self) -> None:
        words = leak_words(self.employer.toPlainText(), self.document.case)
        if words:
            self.leak_label.setText(
                _(
                    "Possible health information for the employer: {words}. Describe function and adjustments instead."
                ).format(words=", ".join(f"«{w}»" for w in words))
            )
            set_role(self.leak_label, "finding-danger")
        self.leak_label.setVisible(bool(words))

    def case_edited(self, path: str) -> None:
        if path.startswith("sick_note.message"):
            self._show_values()

    def _show_values(self) -> None:
        note = self.document.case.sick_note
        self.employer.set_text(note.message_to_employer)
        self.nav.set_text(note.message_to_nav)
        self._check_leaks()

    def retranslate_content(self) -> None:
        self.employer_group.retranslate_section(_("To the employer"))
        self.nav_group.retranslate_section(_("To NAV"))
        self.employer_label.setText(_("&Message to the employer (shown to the employer)"))
        self.nav_label.setText(_("Message to &NAV: what NAV should do (dialogue meeting, measures)"))
        self.employer.setAccessibleName(self.employer_label.text().replace("&", ""))
        self.nav.setAccessibleName(self.nav_label.text().replace("&", ""))
        self.employer.setPlaceholderText(
            _("What the patient can do, and what the employer can adjust. No diagnosis, no medical history.")
        )
        self.nav.setPlaceholderText(_("For example: dialogue meeting wanted; measures needed"))
        self._show_values()
