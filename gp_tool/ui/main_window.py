"""The consultation window: header, step list, step pages, menus and status bar (ui-brief b.1–b.4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Final, Literal

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QFont, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

import gp_tool
from gp_tool.domain.case import Case
from gp_tool.domain.problems import ProblemError
from gp_tool.i18n.catalog import LANGUAGES
from gp_tool.storage.demo import demo_names, load_demo
from gp_tool.storage.files import read_case_file
from gp_tool.ui import palette
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.header import HeaderBar
from gp_tool.ui.i18n import LANGUAGE_NAMES, _, active, language, next_language, set_language
from gp_tool.ui.pages import StepPage, make_pages
from gp_tool.ui.steps import STEPS

__all__ = ["MainWindow", "UnsavedAnswer"]

UnsavedAnswer = Literal["save", "discard", "cancel"]
NUMBER_ROLE: Final = Qt.ItemDataRole.UserRole + 1
HINT_ROLE: Final = Qt.ItemDataRole.UserRole + 2
STEP_LIST_WIDTH: Final = 320


class StepDelegate(QStyledItemDelegate):
    """Draws a step as a numbered circle, the title and its Ctrl+digit key in muted text."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(STEP_LIST_WIDTH - 16, max(44, option.fontMetrics.height() + 22))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        c = palette.current()
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        rect: QRect = option.rect.adjusted(8, 2, -8, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.info.bg if selected else c.divider))
            painter.drawRoundedRect(rect, 6, 6)
        if selected:
            painter.setBrush(QColor(c.accent))
            painter.drawRoundedRect(QRect(rect.left(), rect.top() + 6, 4, rect.height() - 12), 2, 2)
        if focused and selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(c.focus), 2))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        text_colour = QColor(c.info.text if selected else c.page_text)
        muted_colour = QColor(c.info.muted if selected else c.page_muted)
        font = QFont(option.font)
        # the number in a circle
        diameter = 26
        circle = QRect(rect.left() + 14, rect.center().y() - diameter // 2 + 1, diameter, diameter)
        painter.setPen(QPen(QColor(c.accent if selected else c.border), 1.5))
        painter.setBrush(QColor(c.accent) if selected else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        number_font = QFont(font)
        number_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(number_font)
        painter.setPen(QColor(c.on_accent) if selected else text_colour)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(index.data(NUMBER_ROLE)))
        # key hint, right-aligned, muted
        hint = str(index.data(HINT_ROLE))
        painter.setFont(font)
        hint_width = painter.fontMetrics().horizontalAdvance(hint) + 4
        hint_rect = QRect(rect.right() - 10 - hint_width, rect.top(), hint_width, rect.height())
        painter.setPen(muted_colour)
        painter.drawText(hint_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, hint)
        # title, elided if the language makes it long
        title_font = QFont(font)
        if selected:
            title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        left = circle.right() + 12
        title_rect = QRect(left, rect.top(), hint_rect.left() - 8 - left, rect.height())
        title = painter.fontMetrics().elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.setPen(text_colour)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        painter.restore()


class MainWindow(QMainWindow):
    """One window, same regions always: header, steps, the current step's page, status bar."""

    def __init__(
        self, case: Case, *, today: dt.date, demo: str | None = None, path: Path | None = None
    ) -> None:
        super().__init__()
        self.today = today
        self.confirm_close = True  # ask about unsaved changes when closing
        self.document = CaseDocument(case, path=path, demo=demo)
        self.setMinimumSize(1024, 640)

        self.header = HeaderBar(self)
        self.steps = QListWidget(self)
        self.steps.setObjectName("steps")
        self.steps.setFixedWidth(STEP_LIST_WIDTH)
        self.steps.setItemDelegate(StepDelegate(self.steps))
        self.steps.setMouseTracking(True)
        self.steps.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.steps.setSpacing(0)
        for number in range(1, len(STEPS) + 1):
            item = QListWidgetItem(self.steps)
            item.setData(NUMBER_ROLE, number)
            item.setData(HINT_ROLE, f"Ctrl+{number}")
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("stack")
        self.pages: list[StepPage] = make_pages(self.document, self.stack)
        for page in self.pages:
            self.stack.addWidget(page)
            page.next_requested.connect(self.next_step)
            page.previous_requested.connect(self.previous_step)
        self.steps.currentRowChanged.connect(self.go_to_step)
        self.steps.activated.connect(lambda index: self._focus_page(index.row()))

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self.save_label = QLabel(self)
        self.save_label.setObjectName("status.save")
        self.language_label = QLabel(self)
        self.language_label.setObjectName("status.language")
        self.statusBar().addWidget(self.save_label, 1)
        self.statusBar().addPermanentWidget(self.language_label)

        self._build_actions()
        self.document.replaced.connect(self._case_replaced)
        self.document.edited.connect(lambda _path: self._case_changed())
        self.document.state_changed.connect(self._update_status)
        self._case_replaced()
        self.retranslate()
        self.go_to_step(0)

    # ------------------------------------------------------------------ actions and menus
    def _action(self, shortcuts: list[QKeySequence] | None = None) -> QAction:
        action = QAction(self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.open_action = self._action([key(key.StandardKey.Open)])
        self.open_action.triggered.connect(self.open_case)
        self.save_action = self._action([key(key.StandardKey.Save)])
        self.save_action.triggered.connect(self.save)
        self.save_as_action = self._action([key("Ctrl+Shift+S")])
        self.save_as_action.triggered.connect(self.save_as)
        self.quit_action = self._action([key("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)
        self.demo_actions: dict[str, QAction] = {}
        for name in demo_names():
            action = self._action()
            action.setText(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_demo(n))
            self.demo_actions[name] = action

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = self._action()
            action.setText(LANGUAGE_NAMES[lang])
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, lg=lang: self.set_language(lg))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.next_language_action = self._action([key("Ctrl+Shift+L")])
        self.next_language_action.triggered.connect(lambda: self.set_language(next_language()))

        self.step_actions: list[QAction] = []
        for i in range(len(STEPS)):
            action = self._action([key(f"Ctrl+{i + 1}")])
            action.triggered.connect(lambda _checked=False, n=i: self.go_to_step(n))
            self.step_actions.append(action)
        self.next_step_action = self._action([key("Alt+Right"), key("Ctrl+PgDown")])
        self.next_step_action.triggered.connect(self.next_step)
        self.previous_step_action = self._action([key("Alt+Left"), key("Ctrl+PgUp")])
        self.previous_step_action.triggered.connect(self.previous_step)
        self.about_action = self._action()
        self.about_action.triggered.connect(self.show_about)

        bar = self.menuBar()
        self.file_menu = QMenu(bar)
        self.demo_menu = QMenu(self.file_menu)
        self.demo_menu.addActions(list(self.demo_actions.values()))
        self.file_menu.addAction(self.open_action)
        self.file_menu.addMenu(self.demo_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = QMenu(bar)
        self.language_menu = QMenu(self.view_menu)
        self.language_menu.addActions(list(self.language_actions.values()))
        self.language_menu.addSeparator()
        self.language_menu.addAction(self.next_language_action)
        self.step_menu = QMenu(self.view_menu)
        self.step_menu.addActions(self.step_actions)
        self.view_menu.addMenu(self.language_menu)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.next_step_action, self.previous_step_action])
        self.view_menu.addMenu(self.step_menu)
        self.help_menu = QMenu(bar)
        self.help_menu.addAction(self.about_action)
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)

    # ------------------------------------------------------------------ language
    def set_language(self, lang: str) -> None:
        """Switch the whole application to ``lang`` now (no restart)."""
        set_language(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Re-set the window's own texts; pages and header do theirs on the same LanguageChange."""
        self.file_menu.setTitle(_("&File"))
        self.open_action.setText(_("&Open case…"))
        self.demo_menu.setTitle(_("Open &demo case"))
        self.save_action.setText(_("&Save"))
        self.save_as_action.setText(_("Save &as…"))
        self.quit_action.setText(_("&Quit"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.next_language_action.setText(_("&Next language"))
        self.step_menu.setTitle(_("&Go to step"))
        for i, (step, action) in enumerate(zip(STEPS, self.step_actions, strict=True)):
            action.setText(f"&{i + 1} {_(step.title)}")
        self.next_step_action.setText(_("Ne&xt step"))
        self.previous_step_action.setText(_("P&revious step"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Arbeidsfokus"))
        self.language_actions[language()].setChecked(True)
        self.steps.setAccessibleName(_("Steps"))
        for i, step in enumerate(STEPS):
            item = self.steps.item(i)
            title = _(step.title)
            item.setText(title)
            item.setToolTip(_("Step {number}: {title} (Ctrl+{number})").format(number=i + 1, title=title))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{i + 1} {title}, Ctrl+{i + 1}")
        self._update_title()
        self._update_status()

    # ------------------------------------------------------------------ case
    def _case_replaced(self) -> None:
        for page in self.pages:
            page.set_case(self.document.case, self.today)
        self._case_changed()

    def _case_changed(self) -> None:
        self.header.set_case(self.document.case, self.today, demo=self.document.demo is not None)
        self._update_title()

    def _update_title(self) -> None:
        name = self.document.case.patient.name or _("Unnamed patient")
        title = _("Arbeidsfokus – {name}").format(name=name)
        if self.document.demo is not None:
            title += " [DEMO]"
        self.setWindowTitle(title)

    def save_state_text(self) -> str:
        doc = self.document
        if doc.dirty:
            return _("Not saved")
        if doc.saved_at is not None:
            return _("Saved {time}").format(time=doc.saved_at.strftime("%H:%M"))
        return _("No unsaved changes")

    def _update_status(self) -> None:
        self.save_label.setText(self.save_state_text())
        self.save_label.setProperty("role", "save-dirty" if self.document.dirty else "")
        self.save_label.style().unpolish(self.save_label)
        self.save_label.style().polish(self.save_label)
        self.language_label.setText(_("Language: {language}").format(language=LANGUAGE_NAMES[language()]))

    # ------------------------------------------------------------------ steps
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def go_to_step(self, index: int) -> None:
        index = max(0, min(len(self.pages) - 1, index))
        if self.stack.currentIndex() != index:
            self.stack.setCurrentIndex(index)
        if self.steps.currentRow() != index:
            self.steps.setCurrentRow(index)

    def next_step(self) -> None:
        self.go_to_step(self.current_step() + 1)

    def previous_step(self) -> None:
        self.go_to_step(self.current_step() - 1)

    def _focus_page(self, index: int) -> None:
        self.go_to_step(index)
        self.pages[index].first_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ files
    def _confirm_discard(self) -> bool:
        """True when the current case may be replaced or closed (saved, discarded or clean)."""
        if not self.document.dirty:
            return True
        answer = self._ask_unsaved()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_case(self) -> None:
        if not self._confirm_discard():
            return
        path = self._ask_open_path()
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open the case file at ``path``; on problems, show them and keep the current case."""
        try:
            case = read_case_file(path)
        except ProblemError as exc:
            self._show_problems(
                _("Could not open the case"),
                _("{path} was not opened. The case you had open is unchanged.").format(path=path),
                [problem.render(active().gettext) for problem in exc.problems],
            )
            return False
        self.document.replace(case, path=path)
        self.statusBar().showMessage(_("Opened {path}").format(path=path), 5000)
        return True

    def open_demo(self, name: str) -> None:
        if not self._confirm_discard():
            return
        self.document.replace(load_demo(name, self.today), demo=name)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        path = self._ask_save_path()
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(".json")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except ProblemError as exc:
            self._show_problems(
                _("Could not save the case"),
                _("The case was not saved. Your changes are still here; try another folder."),
                [problem.render(active().gettext) for problem in exc.problems],
            )
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close and not self._confirm_discard():
            event.ignore()
            return
        event.accept()

    # ------------------------------------------------------------------ dialogs (small: tests replace them)
    def _dialog_folder(self) -> str:
        return str(self.document.path.parent) if self.document.path else str(Path.home())

    def _ask_open_path(self) -> Path | None:
        result = QFileDialog.getOpenFileName(
            self, _("Open case"), self._dialog_folder(), _("Case files (*.json)")
        )
        return Path(result[0]) if result[0] else None

    def _ask_save_path(self) -> Path | None:
        suggested = self.document.path or Path(self._dialog_folder()) / f"{self.document.demo or 'case'}.json"
        result = QFileDialog.getSaveFileName(
            self, _("Save case as"), str(suggested), _("Case files (*.json)")
        )
        return Path(result[0]) if result[0] else None

    def _ask_unsaved(self) -> UnsavedAnswer:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Unsaved changes"))
        box.setText(_("The case has changes that are not saved."))
        box.setInformativeText(_("Save them before you go on?"))
        save = box.addButton(_("&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("&Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if clicked is discard:
            return "discard"
        return "cancel"

    def _show_problems(self, title: str, text: str, problems: list[str]) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText("\n".join(f"• {line}" for line in problems))
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(_("About Arbeidsfokus"))
        box.setText(f"Arbeidsfokus {gp_tool.__version__}")
        box.setInformativeText(
            _("Decision support for sick notes in general practice: work first, the legal timeline in view.")
        )
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
