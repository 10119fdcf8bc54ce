"""The case list: recent cases, search as you type, "due this week", archive, delete, import, export.

:class:`CaseListWidget` is the page; :class:`CaseListDialog` wraps it in a window of its own (Ctrl+O,
ui-brief b.12). Both emit ``case_chosen(case_id)`` when the GP opens a case; the window then loads it
with ``store.load(case_id)``. Everything runs on the :class:`~gp_tool.storage.store.CaseStore` given;
each list query is one indexed SQL query (bench/bench_store.py), so the list follows every keystroke.

Keys: type to search (name words, fødselsnummer, birth date ``dd.mm.yyyy`` or year); ↓ moves from the
search field into the list, Enter opens, Delete deletes (after a confirmation), Ctrl+F returns to the
search field; the buttons carry Alt letters. Archiving is not confirmed because it is undone in one
step (show "Archived cases", then Restore); deleting is confirmed and cannot be undone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gp_tool.domain.problems import ProblemError
from gp_tool.i18n.formatting import format_date, format_number
from gp_tool.i18n.markers import N_
from gp_tool.storage.store import CaseQuery, CaseStore, CaseSummary, StoreError, week_of
from gp_tool.ui.i18n import _, active, language
from gp_tool.ui.widgets import heading_font, make_label

__all__ = ["MILESTONE_NAMES", "CaseListDialog", "CaseListModel", "CaseListWidget", "ListMode"]

PAGE_SIZE: Final = 200
"""Rows shown at once; the status line says when there are more (search to narrow down)."""

RESIZE_PRECISION: Final = 40
"""Rows whose contents size the columns (all 200 would cost more than the query itself)."""

MILESTONE_NAMES: Final[dict[str, str]] = {
    "OPPFOLGINGSPLAN": N_("Follow-up plan"),
    "DIALOGMOTE_1": N_("Dialogue meeting 1"),
    "AKTIVITETSKRAV": N_("8-week point (activity requirement)"),
    "UTDYPENDE_OPPLYSNINGER_UKE_17": N_("Week-17 questions"),
    "DIALOGMOTE_2": N_("Dialogue meeting 2"),
}

COLUMNS: Final = (
    N_("Patient"),
    N_("Fødselsnummer or birth date"),
    N_("Case start"),
    N_("Next deadline"),
    N_("Last saved"),
)


class ListMode:
    RECENT: Final = 0
    DUE_THIS_WEEK: Final = 1
    ARCHIVED: Final = 2


MODE_NAMES: Final = (N_("Recent cases"), N_("Due this week"), N_("Archived cases"))


def _week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def identity_text(row: CaseSummary) -> str:
    """``050585 12338``, else the birth date, else ``born 1985``."""
    if row.national_id:
        return f"{row.national_id[:6]} {row.national_id[6:]}"
    if row.birth_date is not None:
        return format_date(row.birth_date, language(), "short")
    if row.birth_year is not None:
        return _("born {year}").format(year=row.birth_year)
    return ""


class CaseListModel(QAbstractTableModel):
    """The rows of the case list (plain data from the store; texts in the active language)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseSummary] = []
        self.today = dt.date.min  # set with the rows
        self._texts: list[tuple[str, ...]] = []  # formatted once per query and language, not per paint
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)

    def set_rows(self, rows: list[CaseSummary], today: dt.date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self._format()
        self.endResetModel()

    def _format(self) -> None:
        self._texts = [tuple(self.text(row, column) for column in range(len(COLUMNS))) for row in self.rows]

    def retranslate(self) -> None:
        self._format()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and row.anonymised:
                return _("Stored without name and fødselsnummer (initials and birth year only)")
            if column == 3 and row.due is not None:
                return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.FontRole and column == 3 and row.due is not None:
            monday, sunday = _week_bounds(self.today)
            if monday <= row.due.date <= sunday:
                return self._bold
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        return None

    def text(self, row: CaseSummary, column: int) -> str:
        lang = language()
        if column == 0:
            name = row.display_name or _("Unnamed patient")
            return name + (" " + _("(archived)") if row.archived else "")
        if column == 1:
            return identity_text(row)
        if column == 2:
            if row.case_start is None:
                return ""
            start = format_date(row.case_start, lang, "short")
            week = week_of(row.case_start, self.today)
            return start if week is None else _("{date} (week {week})").format(date=start, week=week)
        if column == 3:
            if row.due is None:
                return ""
            name = _(MILESTONE_NAMES.get(row.due.milestone, row.due.milestone))
            return _("{milestone}: {date}").format(
                milestone=name, date=format_date(row.due.date, lang, "short")
            )
        if column == 4:
            saved = row.updated_at.astimezone()
            return f"{format_date(saved.date(), lang, 'short')} {saved:%H:%M}"
        return ""


class CaseListWidget(QWidget):
    """The case list page. ``case_chosen(case_id)`` when a case is opened; ``cases_changed`` after an
    archive, delete or import (the window may refresh what it shows)."""

    case_chosen = Signal(str)
    cases_changed = Signal()

    def __init__(self, store: CaseStore, *, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.total = 0

        self.heading = QLabel(self)
        self.heading.setFont(heading_font(self.font(), 1.5))
        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("case_list.search")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.mode_label = QLabel(self)
        self.mode = QComboBox(self)
        self.mode.setObjectName("case_list.mode")
        self.mode.addItems(["", "", ""])
        self.mode_label.setBuddy(self.mode)

        self.model = CaseListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("case_list.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(RESIZE_PRECISION)
        header.setStretchLastSection(True)

        self.status = make_label("muted", self)
        self.status.setObjectName("case_list.status")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("case_list.open")
        self.archive_button = QPushButton(self)
        self.archive_button.setObjectName("case_list.archive")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("case_list.delete")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("case_list.import")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("case_list.export")

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addSpacing(16)
        top.addWidget(self.mode_label)
        top.addWidget(self.mode)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.archive_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setTabOrder(self.search, self.mode)
        self.setTabOrder(self.mode, self.table)
        self.setTabOrder(self.table, self.open_button)

        self.delete_action = QAction(self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)

        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.mode.currentIndexChanged.connect(self.refresh)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.open_button.clicked.connect(self.open_selected)
        self.archive_button.clicked.connect(self.toggle_archive_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_files)
        self.export_button.clicked.connect(self.export_selected)

        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(_("Cases on this computer"))
        self.search_label.setText(_("&Search:"))
        self.search.setPlaceholderText(_("Name, fødselsnummer or birth date"))
        self.search.setAccessibleName(_("Search cases"))
        self.mode_label.setText(_("Sho&w:"))
        for i, name in enumerate(MODE_NAMES):
            self.mode.setItemText(i, _(name))
        self.table.setAccessibleName(_("Cases"))
        self.open_button.setText(_("&Open"))
        self.delete_button.setText(_("&Delete…"))
        self.import_button.setText(_("&Import case file…"))
        self.export_button.setText(_("E&xport case file…"))
        self.delete_action.setText(_("Delete case"))
        self.model.retranslate()
        self._update_buttons()
        self._update_status()

    # ------------------------------------------------------------------ list

    def current_query(self, *, limit: int = PAGE_SIZE) -> CaseQuery:
        text = self.search.text()
        mode = self.mode.currentIndex()
        if mode == ListMode.DUE_THIS_WEEK:
            week = CaseQuery.due_this_week(self.today, text)
            return CaseQuery(
                text=text, due_from=week.due_from, due_to=week.due_to, today=self.today, limit=limit
            )
        archived = mode == ListMode.ARCHIVED
        return CaseQuery(text=text, archived=archived, today=self.today, limit=limit)

    def refresh(self) -> None:
        """Run the query for the search text and mode; keep the selected case selected if it is listed."""
        selected = self.selected_summary()
        query = self.current_query()
        try:
            rows = self.store.find(query)
            self.total = self.store.count(query) if len(rows) >= query.limit else len(rows)
        except StoreError as exc:
            rows, self.total = [], 0
            self.status.setText(exc.render(active().gettext))
            self.model.set_rows(rows, self.today)
            self._update_buttons()
            return
        self.model.set_rows(rows, self.today)
        if rows:
            ids = [r.case_id for r in rows]
            index = ids.index(selected.case_id) if selected is not None and selected.case_id in ids else 0
            self.table.selectRow(index)
        self._update_buttons()
        self._update_status()

    def set_today(self, today: dt.date) -> None:
        self.today = today
        self.refresh()

    def _update_status(self) -> None:
        shown = len(self.model.rows)
        text = self.search.text().strip()
        mode = self.mode.currentIndex()
        if shown == 0:
            if text:
                message = _("No cases match “{text}”.").format(text=text)
            elif mode == ListMode.DUE_THIS_WEEK:
                message = _("No deadlines this week.")
            elif mode == ListMode.ARCHIVED:
                message = _("No archived cases.")
            else:
                message = _("No cases stored yet. Cases are stored here as you work on them.")
        elif self.total > shown:
            message = _("Showing the first {shown} of {total} cases; search to narrow the list.").format(
                shown=format_number(shown, language()), total=format_number(self.total, language())
            )
        else:
            message = (
                active().ngettext("{n} case", "{n} cases", shown).format(n=format_number(shown, language()))
            )
        if mode == ListMode.DUE_THIS_WEEK and shown:
            monday, sunday = _week_bounds(self.today)
            message += " " + _("Deadlines from {start} to {end}.").format(
                start=format_date(monday, language(), "short"), end=format_date(sunday, language(), "short")
            )
        if self.store.read_only:
            message += " " + _("The case store can only be read.")
        elif not self.store.persistent:
            message += " " + _("Temporary store: cases are not kept after the program closes.")
        self.status.setText(message)

    def _update_buttons(self) -> None:
        row = self.selected_summary()
        writable = not self.store.read_only
        self.open_button.setEnabled(row is not None)
        self.export_button.setEnabled(row is not None)
        self.archive_button.setEnabled(row is not None and writable)
        self.delete_button.setEnabled(row is not None and writable)
        self.delete_action.setEnabled(row is not None and writable)
        self.import_button.setEnabled(writable)
        archived = row.archived if row is not None else self.mode.currentIndex() == ListMode.ARCHIVED
        self.archive_button.setText(_("&Restore") if archived else _("&Archive"))

    def selected_summary(self) -> CaseSummary | None:
        selection = self.table.selectionModel()
        if selection is None:
            return None
        rows = selection.selectedRows()
        if not rows or rows[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()]

    # ------------------------------------------------------------------ keys

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Down and self.model.rows:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.selected_summary() is None:
                    self.table.selectRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ actions

    def open_selected(self) -> None:
        row = self.selected_summary()
        if row is not None:
            self.case_chosen.emit(row.case_id)

    def toggle_archive_selected(self) -> None:
        row = self.selected_summary()
        if row is None:
            return
        try:
            self.store.archive(row.case_id, archived=not row.archived)
        except StoreError as exc:
            self._show_message(_("Could not archive the case"), exc.render(active().gettext), [])
            return
        self.refresh()
        name = row.display_name or _("Unnamed patient")
        text = _("{name} was restored to the list.") if row.archived else _("{name} was archived.")
        self.status.setText(text.format(name=name) + " " + self.status.text())
        self.cases_changed.emit()

    def delete_selected(self) -> None:
        row = self.selected_summary()
        if row is None or self.store.read_only or not self._confirm_delete(row):
            return
        try:
            self.store.delete(row.case_id)
        except StoreError as exc:
            self._show_message(_("Could not delete the case"), exc.render(active().gettext), [])
            return
        self.refresh()
        self.cases_changed.emit()

    def import_files(self) -> None:
        paths = self._ask_import_paths()
        if not paths:
            return
        imported: list[str] = []
        for path in paths:
            try:
                saved = self.store.import_case_file(path)
            except ProblemError as exc:
                self._show_message(
                    _("Could not import the case file"),
                    _("{path} was not imported.").format(path=path),
                    [problem.render(active().gettext) for problem in exc.problems],
                )
                continue
            except StoreError as exc:
                self._show_message(_("Could not import the case file"), exc.render(active().gettext), [])
                break
            imported.append(saved.case_id)
        if not imported:
            return
        self.search.clear()
        self.mode.setCurrentIndex(ListMode.RECENT)
        self.refresh()
        ids = [r.case_id for r in self.model.rows]
        if imported[-1] in ids:
            self.table.selectRow(ids.index(imported[-1]))
        self.status.setText(
            active()
            .ngettext("{n} case file imported.", "{n} case files imported.", len(imported))
            .format(n=len(imported))
        )
        self.cases_changed.emit()

    def export_selected(self) -> None:
        row = self.selected_summary()
        if row is None:
            return
        path = self._ask_export_path(row)
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".json")
        try:
            self.store.export_case_file(row.case_id, path)
        except ProblemError as exc:
            self._show_message(
                _("Could not export the case"),
                _("The case file was not written."),
                [problem.render(active().gettext) for problem in exc.problems],
            )
            return
        except StoreError as exc:
            self._show_message(_("Could not export the case"), exc.render(active().gettext), [])
            return
        self.status.setText(_("Exported to {path}.").format(path=path))

    # ------------------------------------------------------------------ dialogs (small: tests replace them)

    def suggested_file_name(self, row: CaseSummary) -> str:
        """No name or national id in a file name: the case start and a piece of the random id."""
        start = row.case_start.isoformat() if row.case_start else "case"
        return f"case-{start}-{row.case_id[:6]}.json"

    def _confirm_delete(self, row: CaseSummary) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Delete case"))
        box.setText(_("Delete the case of {name}?").format(name=row.display_name or _("Unnamed patient")))
        box.setInformativeText(
            _(
                "Every saved version is removed from this computer. This cannot be undone. To keep a copy, export the case file first."
            )
        )
        delete = box.addButton(_("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is delete

    def _ask_import_paths(self) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Import case files"), str(Path.home()), _("Case files (*.json)")
        )
        return [Path(name) for name in names]

    def _ask_export_path(self, row: CaseSummary) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export case file"),
            str(Path.home() / self.suggested_file_name(row)),
            _("Case files (*.json)"),
        )
        return Path(name) if name else None

    def _show_message(self, title: str, text: str, details: list[str]) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setInformativeText("\n".join(f"• {line}" for line in details))
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()


class CaseListDialog(QDialog):
    """The case list in a window of its own: opening a case emits ``case_chosen`` and closes it."""

    case_chosen = Signal(str)

    def __init__(self, store: CaseStore, *, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = CaseListWidget(store, today=today, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)
        self.page.case_chosen.connect(self._chosen)
        self.resize(960, 600)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.page.focus_search()

    def _chosen(self, case_id: str) -> None:
        self.case_chosen.emit(case_id)
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Cases – Arbeidsfokus"))
