"""The command palette (Ctrl+K, after KDE's KCommandBar): jump to a step or run any action by typing.

The window hands the palette a list of :class:`Command` (every registered action with its shortcut,
every step, the demo cases, the languages), built afresh each time it opens, so the palette, the menus
and the help cannot drift apart (ui-brief b.12). Typing filters: every word must be found in the
command's text, at a word start or inside it, ignoring case. ↑/↓ move, Enter runs, Esc closes and
gives focus back to where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gp_tool.ui.i18n import _
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT

__all__ = ["Command", "CommandPalette", "matches"]

COMMAND_ROLE: Final = Qt.ItemDataRole.UserRole + 20


@dataclass(frozen=True)
class Command:
    text: str
    run: Callable[[], object]
    shortcut: str = ""


def _fold(text: str) -> str:
    return text.casefold().replace("&", "")


def matches(query: str, text: str) -> int | None:
    """A score (lower is better) when every word of ``query`` occurs in ``text``; None otherwise."""
    haystack = _fold(text)
    score = 0
    for word in _fold(query).split():
        at = haystack.find(word)
        if at < 0:
            return None
        starts_word = at == 0 or not haystack[at - 1].isalnum()
        score += at + (0 if starts_word else 50)
    return score


class CommandPalette(QFrame):
    """A panel over the window: a search field and the matching commands."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.field = QLineEdit(self)
        self.field.setObjectName("commandPalette.field")
        self.field.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.list = QListWidget(self)
        self.list.setObjectName("commandPalette.list")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemClicked.connect(self._run_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        self.commands: list[Command] = []
        self._return_focus: QWidget | None = None
        self.field.textChanged.connect(self._filter)
        self.field.installEventFilter(self)
        self.hide()

    def open(self, commands: list[Command]) -> None:
        """Show the palette with ``commands``; focus goes to the search field."""
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        focus = QApplication.focusWidget()
        self._return_focus = focus if focus is not None and not self.isAncestorOf(focus) else None
        self.commands = commands
        self.field.setPlaceholderText(_("Type a step, an action, a demo case or a language"))
        self.field.setAccessibleName(_("Command palette"))
        self.list.setAccessibleName(_("Commands"))
        self.field.clear()
        self._filter("")
        parent = self.parentWidget()
        if parent is not None:
            width = min(640, parent.width() - 40)
            self.setGeometry((parent.width() - width) // 2, 60, width, min(420, parent.height() - 100))
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_palette(self) -> None:
        self.hide()
        if self._return_focus is not None:
            self._return_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _filter(self, query: str) -> None:
        self.list.clear()
        scored = []
        for order, command in enumerate(self.commands):
            score = matches(query, f"{command.text} {command.shortcut}") if query.strip() else 0
            if score is not None:
                scored.append((score, order, command))
        for _score, order, command in sorted(scored, key=lambda t: (t[0], t[1])):
            label = command.text.replace("&", "")
            item = QListWidgetItem(f"{label}\t{command.shortcut}" if command.shortcut else label)
            item.setData(COMMAND_ROLE, order)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def visible_commands(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _run_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        row = item.data(COMMAND_ROLE)
        self.hide()
        if isinstance(row, int) and 0 <= row < len(self.commands):
            self.commands[row].run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_palette()
                return True
            if key in {Qt.Key.Key_Down, Qt.Key.Key_Up}:
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if key in {Qt.Key.Key_Return, Qt.Key.Key_Enter} and not event.modifiers():
                self._run_item(self.list.currentItem())
                return True
        if watched is self.field and event.type() == QEvent.Type.FocusOut and self.isVisible():
            from PySide6.QtWidgets import QApplication  # noqa: PLC0415

            focus = QApplication.focusWidget()
            if focus is not None and not self.isAncestorOf(focus):
                self.hide()
        return super().eventFilter(watched, event)
