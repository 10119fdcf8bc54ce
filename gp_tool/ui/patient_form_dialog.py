"""The patient's form (issue 10): preview, print and save as PDF, in nb, nn or en.

The preview and the printout are the same content model as the PDF
(:func:`gp_tool.documents.patient_form.patient_form`): Qt prints its HTML rendering, and "Save as
PDF" writes the reportlab page (embedded fonts, atomic owner-only write). The form is printed blank
for the patient to fill in in the waiting room, or with what was entered, to read back and sign.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gp_tool.documents.patient_form import (
    FORM_LANGUAGES,
    PatientForm,
    patient_form,
    patient_form_html,
    save_patient_form,
)
from gp_tool.domain.case import Case
from gp_tool.ui.i18n import LANGUAGE_NAMES, _, language
from gp_tool.ui.printing import print_document
from gp_tool.ui.widgets import make_label

__all__ = ["PatientFormDialog"]


class PatientFormDialog(QDialog):
    """Preview of the form with language and blank/filled choice; Print (Alt+P), Save as PDF (Alt+S)."""

    def __init__(
        self, case: Case, today: dt.date, parent: QWidget | None = None, *, course: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patient_form.dialog")
        self.case, self.today = case, today
        self.course = course  # a fictional case (demo, course): the watermark on print and PDF
        self.language_label = QLabel(self)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("patient_form.language")
        for lang in FORM_LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[lang], lang)
        self.language_box.setCurrentIndex(
            FORM_LANGUAGES.index(language()) if language() in FORM_LANGUAGES else 0
        )
        self.language_label.setBuddy(self.language_box)
        self.filled_box = QCheckBox(self)
        self.filled_box.setObjectName("patient_form.filled")
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("patient_form.preview")
        self.preview.setMinimumSize(560, 520)
        self.status = make_label("muted", self, wrap=True)
        self.status.setObjectName("patient_form.status")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("patient_form.print")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("patient_form.save")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("patient_form.close")
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_form)
        self.save_button.clicked.connect(lambda: self.save_pdf())  # noqa: PLW0108  (clicked passes a bool)
        self.close_button.clicked.connect(self.reject)
        self.language_box.currentIndexChanged.connect(self.update_preview)
        self.filled_box.toggled.connect(self.update_preview)
        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language_box)
        top.addSpacing(16)
        top.addWidget(self.filled_box)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.retranslate()

    @property
    def form_language(self) -> str:
        return str(self.language_box.currentData())

    def form(self) -> PatientForm:
        """The content model as chosen (language, blank or with the answers)."""
        return patient_form(
            self.case,
            self.form_language,
            filled=self.filled_box.isChecked(),
            today=self.today,
            course=self.course,
        )

    def text_document(self) -> QTextDocument:
        document = QTextDocument(self)
        document.setHtml(patient_form_html(self.form()))
        return document

    def update_preview(self) -> None:
        self.preview.setHtml(patient_form_html(self.form()))

    def print_form(self) -> bool:
        form = self.form()
        printed = print_document(self, self.text_document(), form.title, form.watermark)
        if printed:
            self.status.setText(_("The form was printed."))
        return printed

    def _ask_path(self) -> Path | None:
        suggested = Path.home() / f"patient-form-{self.form_language}.pdf"
        result = QFileDialog.getSaveFileName(
            self, _("Save the form as PDF"), str(suggested), _("PDF files (*.pdf)")
        )
        return Path(result[0]) if result[0] else None

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Write the reportlab PDF to ``path`` (asked for when None); the path, or None if cancelled."""
        target = path if path is not None else self._ask_path()
        if target is None:
            return None
        if not target.suffix:
            target = target.with_suffix(".pdf")
        try:
            save_patient_form(target, self.form(), self.today)
        except OSError as exc:
            self.status.setText(_("The form was not saved: {reason}").format(reason=exc.strerror or str(exc)))
            return None
        self.status.setText(_("Saved {path}").format(path=target))
        return target

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_("The patient's form"))
        self.language_label.setText(_("Form &language:"))
        self.filled_box.setText(_("With the &answers entered"))
        self.print_button.setText(_("&Print…"))
        self.save_button.setText(_("&Save as PDF…"))
        self.close_button.setText(_("Close"))
        self.update_preview()
