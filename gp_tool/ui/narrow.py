"""The layout for windows narrower than 1200 px (ui-brief b.1): nothing is hidden, only folded.

Below :data:`NARROW_WIDTH` logical pixels the step list shows each step's number and its worst
finding's icon only (the title stays in the tooltip and the accessible name), and the findings panel
shrinks to a 56 px rail with the counts per severity. The rail never goes away: a click on it, Enter
on it, or F6 into the findings region opens the panel as a drawer over the page's right edge; it
folds back when the focus leaves it (or on Esc). At 1024×700 every input of every step fits in its
scrolling page without a horizontal scroll bar (tests/ui/test_narrow_layout.py).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gp_tool.ui.i18n import _
from gp_tool.ui.pages import severity_word

__all__ = ["COMPACT_STEPS_WIDTH", "NARROW_WIDTH", "RAIL_WIDTH", "FindingsDrawer", "FindingsRail", "is_narrow"]

NARROW_WIDTH: Final = 1200
RAIL_WIDTH: Final = 56
COMPACT_STEPS_WIDTH: Final = 68
PANEL_WIDTH: Final = 300
SEVERITIES: Final = ("BLOCK", "WARN", "INFO")


def is_narrow(width: int, scale: float = 1.0) -> bool:
    """True below 1200 logical px (at 150 % zoom the threshold grows with the text)."""
    return width < NARROW_WIDTH * max(1.0, scale)


class FindingsRail(QWidget):
    """56 px wide: a button per severity with its icon and count; any of them opens the drawer."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings.rail")
        self.setFixedWidth(RAIL_WIDTH)
        self.button = QToolButton(self)
        self.button.setObjectName("findings.rail.open")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setFixedWidth(RAIL_WIDTH - 4)
        self.button.clicked.connect(self.open_requested)
        self.labels: dict[str, QLabel] = {}  # the count per severity, under its icon
        self.icons: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 8, 2, 8)
        layout.setSpacing(10)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        for severity in SEVERITIES:
            icon = QLabel(self)
            icon.setObjectName(f"findings.rail.icon.{severity}")
            icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label = QLabel(self)
            label.setObjectName(f"findings.rail.{severity}")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.icons[severity], self.labels[severity] = icon, label
            layout.addWidget(icon)
            layout.addWidget(label)
            layout.addSpacing(4)
        layout.addStretch(1)
        self.counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        self.checking = True

    def set_counts(self, counts: dict[str, int] | None) -> None:
        """Counts per severity; None while the rules have not run yet."""
        self.checking = counts is None
        self.counts = {s: (counts or {}).get(s, 0) for s in SEVERITIES}
        self.retranslate()

    def summary(self) -> str:
        if self.checking:
            return _("Checking the case …")
        return ", ".join(f"{severity_word(s)} {n}" for s, n in self.counts.items())

    def retranslate(self) -> None:
        from gp_tool.ui.icons import severity_icon  # noqa: PLC0415

        size = max(16, self.fontMetrics().height())
        worst = next((s for s in SEVERITIES if self.counts[s]), "OK")
        self.button.setIcon(severity_icon(worst, size))
        self.button.setIconSize(QSize(size, size))
        self.button.setText(str(sum(self.counts.values())) if not self.checking else "…")
        text = _("Findings: {summary}. Enter or F6 opens them.").format(summary=self.summary())
        self.button.setToolTip(text)
        self.button.setAccessibleName(_("Findings"))
        self.button.setAccessibleDescription(text)
        small = max(12, size - 4)
        for severity, label in self.labels.items():  # shape and number: never colour alone (b.10)
            tip = _("Findings marked {severity}: {count}").format(
                severity=severity_word(severity), count=self.counts[severity]
            )
            label.setText(str(self.counts[severity]))
            label.setToolTip(tip)
            label.setAccessibleName(tip)
            icon = self.icons[severity]
            icon.setPixmap(severity_icon(severity, small).pixmap(small, small))
            icon.setToolTip(tip)
            label.setVisible(not self.checking)
            icon.setVisible(not self.checking)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FindingsDrawer(QWidget):
    """The findings dock's content: the full panel, or in a narrow window the rail or the drawer."""

    expanded_changed = Signal(bool)

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings.drawer")
        self.panel = panel
        self.rail = FindingsRail(self)
        self.rail.open_requested.connect(self.open_drawer)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(panel, 1)
        self.narrow = False
        self.expanded = True
        self.rail.hide()
        self._watching = False

    def set_narrow(self, narrow: bool) -> None:
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self._show(expanded=not narrow)

    def open_drawer(self) -> None:
        """Open the panel (narrow window) and put the focus in the finding list."""
        self._show(expanded=True)

    def close_drawer(self) -> None:
        if self.narrow and self.expanded:
            self._show(expanded=False)

    def _show(self, *, expanded: bool) -> None:
        self.expanded = expanded
        self.panel.setVisible(expanded)
        # focus first: hiding the rail's focused button must not send the focus out (and fold it again)
        if expanded and self.narrow:
            tree = getattr(self.panel, "tree", self.panel)
            tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.rail.setVisible(not expanded)
        width = PANEL_WIDTH if expanded else RAIL_WIDTH
        self.setMinimumWidth(width)
        self.setMaximumWidth(16777215 if expanded and not self.narrow else width if not expanded else 420)
        dock = self.parentWidget()
        if dock is not None:
            dock.setMinimumWidth(width)
        app = QApplication.instance()
        if self.narrow and expanded and isinstance(app, QApplication) and not self._watching:
            app.focusChanged.connect(self._focus_changed)
            self._watching = True
        self.expanded_changed.emit(expanded)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.narrow and self.expanded and new is not None and not self.isAncestorOf(new):
            self.close_drawer()
