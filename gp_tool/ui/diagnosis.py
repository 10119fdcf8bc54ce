"""Diagnosis type-ahead (ui-brief a.1, after syk-inn's DiagnoseCombobox): one search over ICPC-2 with
the ICPC-2B terms as synonyms, or over ICD-10.

Typing searches :func:`gp_tool.codes.code_lists` (the lists load on the first search, or in the
background when the decision step opens). Hits show code, text and system, and the synonym that
matched ("rygg" finds L03 through an ICPC-2B term). ↓/↑ move through the hits, Enter picks, Esc closes
the list. The chosen diagnosis shows as "code – text"; typing again starts a new search.
"""

from __future__ import annotations

import threading
from typing import Final

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gp_tool.domain.case import Diagnosis, DiagnosisSystem
from gp_tool.ui.i18n import _
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT

__all__ = ["DiagnosisPicker", "describe", "preload_code_lists"]

SEARCH_DELAY_MS: Final = 120
MAX_HITS: Final = 12
HIT_ROLE: Final = Qt.ItemDataRole.UserRole + 1


def preload_code_lists() -> None:
    """Load ICPC-2 and ICPC-2B in a background thread, so the first search answers at once."""

    def load() -> None:
        from gp_tool.codes import code_lists  # noqa: PLC0415

        code_lists().load(DiagnosisSystem.ICPC2, DiagnosisSystem.ICPC2B)

    threading.Thread(target=load, name="code-lists", daemon=True).start()


def describe(diagnosis: Diagnosis | None) -> str:
    """``L03 – Korsrygg symptomer/plager (ICPC-2)``; the code alone when the list does not know it."""
    if diagnosis is None:
        return ""
    from gp_tool.codes import code_lists  # noqa: PLC0415

    entry = code_lists().lookup(diagnosis.system, diagnosis.code)
    if entry is None:
        return f"{diagnosis.code} ({diagnosis.system.value})"
    return f"{entry.display_code} – {entry.text} ({diagnosis.system.value})"


class _HitList(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)  # shown under the field; never takes focus
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.list)


class DiagnosisPicker(QLineEdit):
    """A line edit that searches the code lists as the GP types; ``picked`` carries the Diagnosis."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.setMinimumWidth(420)
        self.system = DiagnosisSystem.ICPC2
        self.diagnosis: Diagnosis | None = None
        self._popup = _HitList(self)
        self._popup.list.itemClicked.connect(self._pick_item)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.installEventFilter(self)

    def set_diagnosis(self, diagnosis: Diagnosis | None) -> None:
        """Show ``diagnosis`` as "code – text" (no signal)."""
        self.diagnosis = diagnosis
        if diagnosis is not None:
            self.system = DiagnosisSystem.ICD10 if diagnosis.system is DiagnosisSystem.ICD10 else self.system
        self.setText(describe(diagnosis))
        self._popup.hide()

    def hits(self) -> list[str]:
        """The texts of the hits shown (for tests and screen readers)."""
        return [self._popup.list.item(i).text() for i in range(self._popup.list.count())]

    def popup_visible(self) -> bool:
        return self._popup.isVisible()

    def search(self) -> None:
        from gp_tool.codes import code_lists  # noqa: PLC0415

        self._timer.stop()
        query = self.text().strip()
        popup = self._popup
        popup.list.clear()
        if len(query) < 1:
            popup.hide()
            return
        systems = (
            (DiagnosisSystem.ICD10,)
            if self.system is DiagnosisSystem.ICD10
            else (DiagnosisSystem.ICPC2, DiagnosisSystem.ICPC2B)
        )
        for hit in code_lists().search(query, systems, limit=MAX_HITS):
            entry = hit.entry
            text = f"{entry.display_code} – {entry.text} ({entry.system.value})"
            if hit.via is not None:
                text += "   " + _("via “{term}”").format(term=hit.via.text)
            item = QListWidgetItem(text)
            item.setData(HIT_ROLE, (entry.system.value, entry.code))
            popup.list.addItem(item)
        if popup.list.count() == 0:
            item = QListWidgetItem(_("No code matches “{query}”").format(query=query))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            popup.list.addItem(item)
        else:
            popup.list.setCurrentRow(0)
        rows = min(popup.list.count(), 8)
        popup.resize(max(self.width(), 520), popup.list.sizeHintForRow(0) * rows + 10)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()

    def _pick_item(self, item: QListWidgetItem) -> None:
        data = item.data(HIT_ROLE)
        if not data:
            return
        system, code = data
        diagnosis = Diagnosis(system=DiagnosisSystem(system), code=code)
        self.set_diagnosis(diagnosis)
        self.picked.emit(diagnosis)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            popup, key = self._popup, event.key()
            if self._timer.isActive() and key in {Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter}:
                self.search()
            if popup.isVisible():
                rows = popup.list.count()
                if key == Qt.Key.Key_Down:
                    popup.list.setCurrentRow(min(rows - 1, popup.list.currentRow() + 1))
                    return True
                if key == Qt.Key.Key_Up:
                    popup.list.setCurrentRow(max(0, popup.list.currentRow() - 1))
                    return True
                if key in {Qt.Key.Key_Return, Qt.Key.Key_Enter} and not event.modifiers():
                    current = popup.list.currentItem()
                    if current is not None:
                        self._pick_item(current)
                    return True
                if key == Qt.Key.Key_Escape:
                    popup.hide()
                    return True
        if watched is self and event.type() == QEvent.Type.FocusOut:
            self._popup.hide()
            if self.diagnosis is not None and self.text() != describe(self.diagnosis):
                self.setText(describe(self.diagnosis))  # an unfinished search does not change the code
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._popup.hide()
        super().hideEvent(event)
