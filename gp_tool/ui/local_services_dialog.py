"""The Local services dialog: add, edit and remove the practice's own services (API D).

A list on the left, the chosen service's name, contact and notes on the right. *Save* stores the
whole list at once (atomically, owner-only, :func:`gp_tool.settings.local_services.save`); a problem
is shown in the dialog, naming the field, and the list stays as typed. Esc closes without saving what
was not saved. The services then appear in step 4 under *Your local services*.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gp_tool.domain.problems import ProblemError, problems_from_validation_error
from gp_tool.settings import local_services as store
from gp_tool.settings.local_services import LocalService
from gp_tool.ui.i18n import _
from gp_tool.ui.pages import render_problem
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT, TextArea, make_label

__all__ = ["LocalServicesDialog"]


class LocalServicesDialog(QDialog):
    """Edit the list; ``services`` is what the dialog shows, ``saved`` what is on disk."""

    def __init__(self, parent: QWidget | None = None, *, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("local_services_dialog")
        self.path = path
        self.services: list[LocalService] = []
        self.problem_text = ""
        try:
            self.services = list(store.load(path))
        except ProblemError as exc:
            self.problem_text = "\n".join(f"✕ {render_problem(p)}" for p in exc.problems)
        self.saved = tuple(self.services)

        self.list = QListWidget(self)
        self.list.setObjectName("local_services.list")
        self.list.setMinimumWidth(240)
        self.list.currentRowChanged.connect(self._show_current)
        self.name = QLineEdit(self)
        self.name.setObjectName("local_services.name")
        self.contact = QLineEdit(self)
        self.contact.setObjectName("local_services.contact")
        self.notes = TextArea(self, name="local_services.notes", lines=4)
        for edit in (self.name, self.contact):
            edit.setMinimumHeight(MIN_CONTROL_HEIGHT)
            edit.setMinimumWidth(320)
        self.name.setMaxLength(200)
        self.contact.setMaxLength(500)
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name)
        self.contact_label = QLabel(self)
        self.contact_label.setBuddy(self.contact)
        self.notes_label = QLabel(self)
        self.notes_label.setBuddy(self.notes)
        self.intro = make_label("muted", self, wrap=True)
        self.problem = make_label("field-error", self, wrap=True)
        self.problem.setObjectName("local_services.problem")
        self.status = make_label("muted", self)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("local_services.add")
        self.add_button.clicked.connect(self.add_service)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("local_services.remove")
        self.remove_button.clicked.connect(self.remove_current)
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("local_services.apply")
        self.apply_button.clicked.connect(self.apply_current)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("local_services.save")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("local_services.close")
        self.close_button.clicked.connect(self.reject)
        for button in (
            self.add_button,
            self.remove_button,
            self.apply_button,
            self.save_button,
            self.close_button,
        ):
            button.setMinimumHeight(MIN_CONTROL_HEIGHT)
            button.setAutoDefault(False)
        self.save_button.setDefault(True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.name_label, self.name)
        form.addRow(self.contact_label, self.contact)
        form.addRow(self.notes_label, self.notes)
        right = QVBoxLayout()
        right.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.apply_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        right.addLayout(row)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)
        middle = QHBoxLayout()
        middle.addLayout(left)
        middle.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(middle, 1)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)
        order = [self.list, self.add_button, self.name, self.contact, self.notes, self.apply_button,
                 self.remove_button, self.save_button, self.close_button]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.resize(760, 480)
        self.retranslate()
        self._fill_list()

    # ------------------------------------------------------------------ list
    def _fill_list(self, row: int = 0) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for service in self.services:
            item = QListWidgetItem(service.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, service.id)
        self.list.blockSignals(False)
        if self.services:
            self.list.setCurrentRow(max(0, min(row, len(self.services) - 1)))
        self._show_current(self.list.currentRow())

    def _show_current(self, row: int) -> None:
        service = self.services[row] if 0 <= row < len(self.services) else None
        self.name.setText(service.name if service else "")
        self.contact.setText(service.contact if service else "")
        self.notes.set_text(service.notes if service else "")
        for widget in (self.remove_button, self.apply_button):
            widget.setEnabled(service is not None)

    def add_service(self) -> None:
        """A new service named "New service" (translated), selected, with the name field focused."""
        name = _("New service")
        service = LocalService(id=store.make_id(name, [s.id for s in self.services]), name=name)
        self.services.append(service)
        self._fill_list(len(self.services) - 1)
        self.name.setFocus()
        self.name.selectAll()
        self._dirty()

    def apply_current(self) -> bool:
        """Put the fields into the chosen service (the id stays, so records in cases still match)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.services):
            return False
        from pydantic import ValidationError  # noqa: PLC0415

        self.notes.commit()
        try:
            service = LocalService(
                id=self.services[row].id,
                name=self.name.text(),
                contact=self.contact.text().strip(),
                notes=self.notes.toPlainText().strip(),
            )
        except ValidationError as exc:
            self._show_problem(
                "\n".join(
                    f"✕ {self._field_name(p.field)}: {render_problem(p)}"
                    for p in problems_from_validation_error(exc)
                )
            )
            return False
        self.services[row] = service
        self.list.item(row).setText(service.name)
        self._show_problem("")
        self._dirty()
        return True

    def _field_name(self, field: str) -> str:
        return {"name": _("Name"), "contact": _("Contact"), "notes": _("Notes")}.get(field, field)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.services):
            del self.services[row]
            self._fill_list(row)
            self._dirty()

    def save(self) -> bool:
        """Apply the fields, then write the list; True when it is on disk."""
        if self.list.currentRow() >= 0 and not self.apply_current():
            return False
        try:
            store.save(self.services, self.path)
        except ProblemError as exc:
            self._show_problem("\n".join(f"✕ {render_problem(p)}" for p in exc.problems))
            return False
        self.saved = tuple(self.services)
        self.status.setText(_("Saved."))
        self._show_problem("")
        return True

    def _dirty(self) -> None:
        self.status.setText(_("Not saved yet.") if tuple(self.services) != self.saved else "")

    def _show_problem(self, text: str) -> None:
        self.problem_text = text
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def retranslate(self) -> None:
        self.setWindowTitle(_("Local services"))
        self.intro.setText(
            _(
                "Your practice's own services (municipal, physiotherapy, occupational health). They are "
                "listed in step 4 of every case. No patient data is kept here."
            )
        )
        self.list.setAccessibleName(_("Local services"))
        self.name_label.setText(_("&Name"))
        self.contact_label.setText(_("&Contact (phone, address, how to refer)"))
        self.notes_label.setText(_("No&tes (who it is for, waiting time)"))
        self.name.setAccessibleName(_("Name"))
        self.contact.setAccessibleName(_("Contact"))
        self.notes.setAccessibleName(_("Notes"))
        self.add_button.setText(_("&Add a service"))
        self.remove_button.setText(_("&Remove"))
        self.apply_button.setText(_("&Keep changes"))
        self.save_button.setText(_("&Save the list"))
        self.close_button.setText(_("Close"))
        self._show_problem(self.problem_text)
