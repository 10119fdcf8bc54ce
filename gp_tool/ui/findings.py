"""The findings panel, always visible (ui-brief b.5): every current finding, worst first.

Each row shows the severity icon and word (never colour alone), the message, and in muted text where
it points ("→ Decision · sick_note.periods[0].grade") and the short legal reference. Space or → expands
a row to *why*: the rule id, the full legal reference, NAV's outcome, the inputs and the parameter
values. Enter (or a double-click) on a finding jumps to its field; pressing Enter again visits its next
field. Ctrl+C copies the finding with rule id, reference and inputs, for NAV doctors and course notes.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gp_tool.ui.caseinfo import EvaluationView, FindingView
from gp_tool.ui.i18n import _
from gp_tool.ui.icons import severity_icon
from gp_tool.ui.pages import severity_word
from gp_tool.ui.steps import STEPS, step_of_field
from gp_tool.ui.widgets import make_label

__all__ = ["FINDING_ROLE", "FindingsPanel", "finding_report"]

FINDING_ROLE: Final = Qt.ItemDataRole.UserRole + 10


def _value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value) or "–"
    if value is None or value == "":
        return "–"
    return str(value)


def finding_report(finding: FindingView) -> str:
    """The finding as plain text: id, severity, reference, message, inputs and parameters."""
    lines = [
        f"{finding.rule} ({finding.severity})",
        finding.message,
        _("Legal reference: {ref}").format(ref=finding.legal_ref or "–"),
    ]
    if finding.nav_outcome:
        lines.append(_("NAV's outcome: {outcome}").format(outcome=finding.nav_outcome))
    for name, value in finding.inputs.items():
        lines.append(f"  {name} = {_value(value)}")
    for name, value in finding.params.items():
        lines.append("  " + _("Parameter {name} = {value}").format(name=name, value=_value(value)))
    return "\n".join(lines)


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's width (Qt sizes them for one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        depth = 0 if not index.parent().isValid() else 1
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 32
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = option.fontMetrics.boundingRect(
            QRect(0, 0, max(80, width), 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(base.width(), max(base.height(), rect.height() + 8))


class _Tree(QTreeWidget):
    """The findings list; Enter jumps, Space/→ expand, ← folds, Ctrl+C copies."""

    jump = Signal(object, int)  # FindingView, the how-manyth field to visit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsTree")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setExpandsOnDoubleClick(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrapDelegate(self))
        self._visits: dict[int, int] = {}
        self.by_row: list[FindingView] = []  # item data holds the row number, never a Python object
        self.itemActivated.connect(self._activated)

    def finding_of(self, item: QTreeWidgetItem | None) -> FindingView | None:
        """The finding an item (a finding row or one of its detail rows) belongs to."""
        top = self._finding_item(item)
        if top is None:
            return None
        row = top.data(0, FINDING_ROLE)
        return self.by_row[row] if isinstance(row, int) and 0 <= row < len(self.by_row) else None

    def _finding_item(self, item: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        top = self._finding_item(item)
        finding = self.finding_of(item)
        if top is None or finding is None:
            return
        key = self.indexOfTopLevelItem(top)
        visit = self._visits.get(key, -1) + 1
        self._visits = {key: visit}
        self.jump.emit(finding, visit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # rows grow to the wrapped height of their text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.matches(QKeySequence.StandardKey.Copy) and item is not None:
            finding = self.finding_of(item)
            if finding is not None:
                QGuiApplication.clipboard().setText(finding_report(finding))
                event.accept()
                return
        if event.key() == Qt.Key.Key_Space and item is not None and not event.modifiers():
            item.setExpanded(not item.isExpanded())
            event.accept()
            return
        super().keyPressEvent(event)


class FindingsPanel(QWidget):
    """Counts per severity and the finding tree; ``jump_requested(path, severity)`` on activation."""

    jump_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings.panel")
        self.counts = make_label("", self, wrap=True)
        self.counts.setObjectName("findings.counts")
        self.tree = _Tree(self)
        self.tree.jump.connect(self._jump)
        self.empty = make_label("muted", self, wrap=True)
        self.empty.setObjectName("findings.empty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.counts)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self.evaluation: EvaluationView | None = None
        self.setMinimumWidth(300)

    def set_evaluation(self, evaluation: EvaluationView | None) -> None:
        self.evaluation = evaluation
        self.retranslate()

    def findings(self) -> tuple[FindingView, ...]:
        return self.evaluation.findings if self.evaluation is not None else ()

    def _jump(self, finding: FindingView, visit: int) -> None:
        fields = finding.fields or ("",)
        self.jump_requested.emit(fields[visit % len(fields)], finding.severity)

    def retranslate(self) -> None:
        from gp_tool.ui import palette  # noqa: PLC0415

        tree = self.tree
        tree.setAccessibleName(_("Findings"))
        current = tree.finding_of(tree.currentItem())
        current_rule = current.rule if current is not None else None
        tree.clear()
        tree.by_row = []
        evaluation = self.evaluation
        findings = self.findings()
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("BLOCK", "WARN", "INFO")}
        self.counts.setText(" · ".join(f"{severity_word(s)} {n}" for s, n in counts.items()))
        self.counts.setAccessibleName(self.counts.text())
        if evaluation is None:
            self.empty.setText(_("Checking the case …"))
        elif evaluation.error:
            self.empty.setText(_("The rules could not be run: {error}").format(error=evaluation.error))
        elif not findings:
            self.empty.setText(_("No findings: every rule is satisfied."))
        self.empty.setVisible(evaluation is None or not findings)
        self.counts.setVisible(bool(findings))
        c = palette.current()
        restore: QTreeWidgetItem | None = None
        for finding in findings:
            step = step_of_field(finding.fields[0]) if finding.fields else None
            where = ""
            if step is not None and finding.fields:
                where = f"→ {_(STEPS[step].title)} · {finding.fields[0]}"
            ref = f" · {finding.legal_ref}" if finding.legal_ref else ""
            item = QTreeWidgetItem(
                [f"{severity_word(finding.severity)}: {finding.message}\n{where}{ref}".rstrip()]
            )
            item.setIcon(0, severity_icon(finding.severity))
            item.setData(0, FINDING_ROLE, len(tree.by_row))
            tree.by_row.append(finding)
            item.setData(
                0, Qt.ItemDataRole.AccessibleTextRole, f"{severity_word(finding.severity)}: {finding.message}"
            )
            item.setToolTip(0, finding_report(finding))
            details = [
                _("Rule: {rule}").format(rule=finding.rule),
                _("Legal reference: {ref}").format(ref=finding.legal_full or finding.legal_ref or "–"),
            ]
            if finding.nav_outcome:
                details.append(_("NAV's outcome: {outcome}").format(outcome=finding.nav_outcome))
            if evaluation is not None and evaluation.rules_version:
                details.append(_("Rules version: {version}").format(version=evaluation.rules_version))
            details += [
                _("Input {name} = {value}").format(name=k, value=_value(v)) for k, v in finding.inputs.items()
            ]
            details += [
                _("Parameter {name} = {value}").format(name=k, value=_value(v))
                for k, v in finding.params.items()
            ]
            if finding.fields:
                details.append(_("Enter: go to the field"))
            for text in details:
                child = QTreeWidgetItem([text])
                child.setForeground(0, palette_colour(c.page_muted))
                item.addChild(child)
            tree.addTopLevelItem(item)
            if finding.rule == current_rule:
                restore = item
        current_item = restore or (tree.topLevelItem(0) if tree.topLevelItemCount() else None)
        if current_item is not None:
            tree.setCurrentItem(current_item)

    def rows(self) -> list[str]:
        """The text of each finding row, in order (for tests and the status bar)."""
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [item.text(0) for item in items if item is not None]


def palette_colour(hex_colour: str) -> Any:
    from PySide6.QtGui import QColor  # noqa: PLC0415

    return QColor(hex_colour)
