"""Small building blocks shared by the header and the pages: labels, chips, text and date fields.

Every input commits its value when it is left, on Enter, or (text areas) 300 ms after typing stops, so
the rules run on committed edits (ui-brief b.5) and the autosave sees every change within a second.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "MIN_CONTROL_HEIGHT",
    "DateField",
    "TextArea",
    "heading_font",
    "make_label",
    "parse_date_input",
    "parse_date_shorthand",
    "set_role",
]

MIN_CONTROL_HEIGHT: Final = 32
TEXT_COMMIT_MS: Final = 300


def heading_font(base: QFont, scale: float) -> QFont:
    """A heading font: ``scale`` × the body size, weight 600 (ui-brief b.11)."""
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 10.0) * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def buddy_label(object_name: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A wrapping field label whose mnemonic (``&``) moves the focus to ``buddy``."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setBuddy(buddy)
    label.setWordWrap(True)
    return label


def make_label(role: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A QLabel with a style role (``muted``, ``chip-info``, ``banner-warning``, ``field-error``)."""
    label = QLabel(parent)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's style role and re-polish it so the style sheet applies at once."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


# ---------------------------------------------------------------------- dates

_DATE_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DATE_DM = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SHORTHAND = re.compile(r"^\+?(\d{1,3})\s*([dDuUwWmM])$")


def parse_date_input(text: str, today: dt.date | None = None) -> dt.date | None:
    """``05.05.1985``, ``1985-05-05`` or (with ``today``) ``5.5`` → a date; None if not a real day."""
    text = text.strip()
    try:
        if match := _DATE_DMY.match(text):
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if match := _DATE_ISO.match(text):
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if today is not None and (match := _DATE_DM.match(text)):
            day, month = (int(g) for g in match.groups())
            return dt.date(today.year, month, day)
    except ValueError:
        return None
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    import calendar  # noqa: PLC0415 (used when a date is stepped by months, not before the first paint)

    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_date_shorthand(text: str, base: dt.date) -> dt.date | None:
    """A length from ``base`` (the period's first day) to its last day (syk-inn's date shorthand).

    ``7d`` seven days, ``2u`` or ``2w`` two weeks, ``1m`` one month, all inclusive of ``base``:
    ``2u`` from Monday 23 November ends Sunday 6 December.
    """
    match = _SHORTHAND.match(text.strip())
    if not match:
        return None
    count, unit = int(match.group(1)), match.group(2).lower()
    if count < 1:
        return None
    if unit == "d":
        return base + dt.timedelta(days=count - 1)
    if unit in {"u", "w"}:
        return base + dt.timedelta(days=7 * count - 1)
    return _add_months(base, count) - dt.timedelta(days=1)


class _CalendarPopup(QFrame):
    """A month calendar in a popup; Enter picks, Esc closes; week numbers shown (syk-inn)."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)

    def _pick(self, date: QDate) -> None:
        self.picked.emit(date)
        self.close()


class DateField(QWidget):
    """A date input with a calendar picker (Alt+↓ or F4) and syk-inn's shorthand.

    Type ``23.11.2026``, ``23.11``, ``2026-11-23`` or, where :attr:`base` is set (the "to" field of a
    period), a length such as ``2u``; Enter or leaving the field commits. ↑/↓ move a day. The line edit
    carries the object name and accessible name, so labels, findings and tests address it directly.
    ``committed`` carries the new date, or None when the field was emptied.
    """

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.edit.setMinimumWidth(130)
        self.edit.setMaximumWidth(150)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard uses Alt+↓ / F4
        self.button.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.button.clicked.connect(self.open_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.base: dt.date | None = None  # first day of the period, for shorthands
        self.today: dt.date | None = None  # for "23.11" without a year
        self._date: dt.date | None = None
        self._popup: _CalendarPopup | None = None
        self.edit.returnPressed.connect(self.commit)
        self.edit.editingFinished.connect(self.commit)
        self.edit.installEventFilter(self)

    def date(self) -> dt.date | None:
        return self._date

    def set_date(self, day: dt.date | None) -> None:
        """Show ``day`` (no signal)."""
        self._date = day
        self.edit.setText(day.strftime("%d.%m.%Y") if day else "")

    def parse(self, text: str) -> dt.date | str | None:
        """The date the text means; "" for an empty field; ``"invalid"`` when it means none."""
        text = text.strip()
        if not text:
            return ""
        day = parse_date_input(text, self.today)
        if day is None and self.base is not None:
            day = parse_date_shorthand(text, self.base)
        return day if day is not None else "invalid"

    def commit(self) -> None:
        result = self.parse(self.edit.text())
        if result == "invalid":
            self.committed.emit("invalid")
            return
        day = None if result == "" else result
        if isinstance(day, dt.date):
            self.edit.setText(day.strftime("%d.%m.%Y"))
        if day != self._date:
            self._date = day if isinstance(day, dt.date) else None
            self.committed.emit(self._date)

    def open_calendar(self) -> None:
        popup = _CalendarPopup(self)
        current = self._date or self.base or self.today or dt.date.today()  # noqa: DTZ011
        popup.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        popup.picked.connect(self._picked)
        popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        popup.show()
        popup.calendar.setFocus()
        self._popup = popup

    def _picked(self, date: QDate) -> None:
        self.set_date(dt.date(date.year(), date.month(), date.day()))
        self._date = None  # force the signal
        self.commit()
        self.edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
                self.open_calendar()
                return True
            if key in {Qt.Key.Key_Up, Qt.Key.Key_Down} and not mods:
                result = self.parse(self.edit.text())
                if isinstance(result, dt.date):
                    step = 1 if key == Qt.Key.Key_Up else -1
                    self.edit.setText((result + dt.timedelta(days=step)).strftime("%d.%m.%Y"))
                    return True
        return super().eventFilter(watched, event)


# ---------------------------------------------------------------------- text


class TextArea(QPlainTextEdit):
    """Multi-line text that commits 300 ms after typing stops and when left; Tab moves on."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, name: str = "", lines: int = 4) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(max(MIN_CONTROL_HEIGHT, self.fontMetrics().lineSpacing() * lines + 14))
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * (lines + 4) + 14)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_COMMIT_MS)
        self._timer.timeout.connect(self.commit)
        self._last = ""
        self.textChanged.connect(self._timer.start)

    def set_text(self, text: str) -> None:
        """Show ``text`` (no signal); the cursor keeps its place when the text is unchanged."""
        self._timer.stop()
        self._last = text
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def commit(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._last:
            self._last = text
            self.committed.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)
