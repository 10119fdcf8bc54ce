"""Presenter mode (View menu, F5): large type, light colours, fictional data only, a watermark.

For courses on a projector (ui-brief b.13): fonts at 150 %, the light palette whatever the system
scheme, and a visible «KURS – fiktiv pasient» watermark across the window. Only a fictional case may
be shown (:func:`gp_tool.ui.caseinfo.is_fictional`: a demo or course case, a synthetic Tenor national
id, or none); the window refuses to start presenting a real patient and leaves presenter mode if one
is opened.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from gp_tool.ui import palette
from gp_tool.ui.i18n import _

__all__ = ["PRESENTER_SCALE", "Watermark"]

PRESENTER_SCALE: Final = 1.5


class Watermark(QWidget):
    """A see-through layer over ``parent`` with the course watermark drawn diagonally, repeated."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presenter.watermark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def text(self) -> str:
        return _("COURSE – fictional patient")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = QColor(palette.current().warning.icon)
        colour.setAlphaF(0.16)
        font = QFont(self.font())
        font.setPointSizeF(max(28.0, self.font().pointSizeF() * 3.2))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(colour)
        text = self.text()
        width = painter.fontMetrics().horizontalAdvance(text)
        height = painter.fontMetrics().height()
        painter.translate(self.width() / 2, self.height() / 2)
        painter.rotate(-24)
        step_y = height * 4
        span = int(max(self.width(), self.height()) / step_y) + 2
        for k in range(-span, span + 1):
            offset = (width / 2) * (k % 2)
            painter.drawText(QPointF(-width / 2 - offset, k * step_y), text)
            painter.drawText(QPointF(width / 2 + height * 2 - offset, k * step_y), text)
        painter.end()
