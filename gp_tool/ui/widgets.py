"""Small building blocks shared by the header and the pages."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["heading_font", "make_label"]


def heading_font(base: QFont, scale: float) -> QFont:
    """A heading font: ``scale`` × the body size, weight 600 (ui-brief b.11)."""
    font = QFont(base)
    font.setPointSizeF(max(base.pointSizeF(), 10.0) * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def make_label(role: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A QLabel with a style role (``muted``, ``chip-info``, ``banner-warning``, ``field-error``)."""
    label = QLabel(parent)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label
