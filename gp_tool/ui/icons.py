"""Status icons drawn with QPainter, so that shape tells severity apart without colour (ui-brief b.10).

Stopp is an X in an octagon, Advarsel a triangle with "!", Info a circled "i", OK a circled check; the
employer marker is an eye and NAV-only a lock. Icons are drawn for the device pixel ratio of the
screen, so they stay sharp on high-DPI displays, and cached per colour and size.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from gp_tool.ui import palette

__all__ = ["SHAPES", "draw_shape", "icon", "severity_icon"]

SHAPES = ("BLOCK", "WARN", "INFO", "OK", "eye", "lock")


def draw_shape(painter: QPainter, shape: str, rect: QRectF, colour: QColor, on: QColor) -> None:
    """Draw ``shape`` filling ``rect``: ``colour`` for the body, ``on`` for the mark inside it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    w, h = rect.width(), rect.height()
    cx, cy = rect.center().x(), rect.center().y()
    r = min(w, h) / 2
    mark = QPen(on, max(1.5, r * 0.22), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if shape == "BLOCK":
        points = [
            QPointF(
                cx + r * math.cos(math.radians(22.5 + 45 * k)), cy + r * math.sin(math.radians(22.5 + 45 * k))
            )
            for k in range(8)
        ]
        painter.drawPolygon(QPolygonF(points))
        painter.setPen(mark)
        d = r * 0.38
        painter.drawLine(QPointF(cx - d, cy - d), QPointF(cx + d, cy + d))
        painter.drawLine(QPointF(cx - d, cy + d), QPointF(cx + d, cy - d))
    elif shape == "WARN":
        tri = QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy + r * 0.85), QPointF(cx - r, cy + r * 0.85)])
        painter.drawPolygon(tri)
        painter.setPen(mark)
        painter.drawLine(QPointF(cx, cy - r * 0.35), QPointF(cx, cy + r * 0.2))
        painter.drawPoint(QPointF(cx, cy + r * 0.55))
    elif shape in {"INFO", "OK"}:
        painter.drawEllipse(QPointF(cx, cy), r, r)
        painter.setPen(mark)
        if shape == "INFO":
            painter.drawLine(QPointF(cx, cy - r * 0.05), QPointF(cx, cy + r * 0.5))
            painter.drawPoint(QPointF(cx, cy - r * 0.45))
        else:
            path = QPainterPath(QPointF(cx - r * 0.45, cy + r * 0.02))
            path.lineTo(QPointF(cx - r * 0.1, cy + r * 0.38))
            path.lineTo(QPointF(cx + r * 0.48, cy - r * 0.35))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
    elif shape == "eye":
        painter.setPen(QPen(colour, max(1.2, r * 0.18)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(cx - r, cy))
        path.quadTo(QPointF(cx, cy - r * 1.15), QPointF(cx + r, cy))
        path.quadTo(QPointF(cx, cy + r * 1.15), QPointF(cx - r, cy))
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(cx, cy), r * 0.32, r * 0.32)
    elif shape == "lock":
        painter.setPen(QPen(colour, max(1.2, r * 0.2)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(cx - r * 0.45, cy - r * 0.95, r * 0.9, r * 1.0), 0, 180 * 16)
        painter.drawLine(QPointF(cx - r * 0.45, cy - r * 0.45), QPointF(cx - r * 0.45, cy - r * 0.1))
        painter.drawLine(QPointF(cx + r * 0.45, cy - r * 0.45), QPointF(cx + r * 0.45, cy - r * 0.1))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(cx - r * 0.75, cy - r * 0.15, r * 1.5, r * 1.1), r * 0.15, r * 0.15)
    painter.restore()


@functools.cache
def icon(shape: str, colour: str, on: str = "#ffffff", size: int = 16) -> QIcon:
    """An icon of ``shape`` in ``colour`` (hex), sharp at the primary screen's device pixel ratio."""
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_shape(painter, shape, QRectF(1, 1, size - 2, size - 2), QColor(colour), QColor(on))
    painter.end()
    return QIcon(pixmap)


def severity_icon(severity: str, size: int = 16) -> QIcon:
    """The icon of a severity (``BLOCK``, ``WARN``, ``INFO``, ``OK``) in the current scheme."""
    c = palette.current()
    role = c.role(severity)
    return icon(severity, role.icon, c.page_bg if c.dark else "#ffffff", size)
