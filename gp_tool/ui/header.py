"""The header (ui-brief b.2): who the patient is, where they work, the case week, the next legal point.

The milestone chip names the next or current legal point of the case ("Activity requirement: now",
"Dialogue meeting 1 by 19.10") in its status colours with a word, is focusable, and Enter on it opens
the timeline step. Demo cases show a fixed warning banner; presenter mode adds the course ribbon.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gp_tool.i18n.formatting import format_date, format_percent_value
from gp_tool.ui.caseinfo import MilestoneView, TimelineView, age_at, birth_date, case_start, case_week_day
from gp_tool.ui.i18n import _, language
from gp_tool.ui.widgets import heading_font, make_label, set_role

if TYPE_CHECKING:  # the window's first paint shows a CaseSketch with the same attributes
    from gp_tool.domain.case import Case

__all__ = ["HeaderBar", "MilestoneChip", "next_milestone"]


def next_milestone(view: TimelineView | None) -> MilestoneView | None:
    """The deadline due now, else anything due now, else the next one ahead."""
    if view is None:
        return None
    due = [m for m in view.milestones if m.status == "DUE_NOW"]
    deadlines = [m for m in due if m.kind == "DEADLINE"]
    if deadlines or due:
        return (deadlines or due)[0]
    ahead = [m for m in view.milestones if m.status == "AHEAD"]
    return ahead[0] if ahead else None


class MilestoneChip(QLabel):
    """A focusable chip; Enter, Space or a click emits ``activated``."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}:
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.activated.emit()
        super().mouseReleaseEvent(event)


class HeaderBar(QWidget):
    """Patient name and age, work, the "Week N · day D" chip, the milestone chip, demo and course marks."""

    milestone_activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._case: Case | None = None
        self._today: dt.date | None = None
        self._demo = False
        self._course = False  # course mode (issue 9): the banner says so
        self._presenting = False
        self._timeline: TimelineView | None = None

        self.patient_label = QLabel(self)
        self.patient_label.setObjectName("header.patient")
        self.patient_label.setFont(heading_font(self.font(), 1.25))
        self.patient_label.setProperty("heading_scale", 1.25)
        self.patient_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.work_label = make_label("muted", self)
        self.work_label.setObjectName("header.work")
        self.week_chip = make_label("chip-info", self)
        self.week_chip.setObjectName("header.week")
        self.milestone_chip = MilestoneChip(self)
        self.milestone_chip.setObjectName("header.milestone")
        self.milestone_chip.setProperty("role", "chip-info")
        self.milestone_chip.activated.connect(self.milestone_activated)
        self.course_ribbon = make_label("ribbon", self)
        self.course_ribbon.setObjectName("header.course")
        self.course_ribbon.hide()
        self.demo_banner = make_label("banner-warning", self)
        self.demo_banner.setObjectName("header.demo")

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.patient_label)
        top.addWidget(self.week_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.milestone_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.course_ribbon, 0, Qt.AlignmentFlag.AlignVCenter)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(self.work_label, 1)
        bottom.addWidget(self.demo_banner, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def set_case(self, case: Case, today: dt.date, *, demo: bool, course: bool = False) -> None:
        self._case, self._today, self._demo, self._course = case, today, demo, course
        self.retranslate()

    def set_timeline(self, view: TimelineView | None) -> None:
        self._timeline = view
        self.retranslate()

    def set_presenting(self, on: bool) -> None:
        self._presenting = on
        self.retranslate()

    def week_text(self) -> str:
        return self.week_chip.text() if self.week_chip.isVisibleTo(self) else ""

    def milestone_text(self) -> str:
        return self.milestone_chip.text() if self.milestone_chip.isVisibleTo(self) else ""

    def retranslate(self) -> None:
        case = self._case
        if self._course:
            self.demo_banner.setText("⚠ " + _("COURSE – fictional patient. Nothing is sent."))
        else:
            self.demo_banner.setText("⚠ " + _("DEMO – fictional data. Nothing is sent."))
        self.demo_banner.setVisible(self._demo or self._course)
        self.course_ribbon.setText(_("COURSE"))
        self.course_ribbon.setVisible(self._presenting)
        if case is None or self._today is None:
            return
        lang = language()
        name = case.patient.name or _("Unnamed patient")
        born = birth_date(case)
        if born is not None and born <= self._today:
            name = _("{name}, {age} years").format(name=name, age=age_at(born, self._today))
        self.patient_label.setText(name)

        work = case.work
        parts = [part for part in (work.employer, work.occupation) if part]
        if work.position_percent is not None:
            parts.append(
                _("{percent} position").format(percent=format_percent_value(work.position_percent, lang))
            )
        self.work_label.setText(" · ".join(parts) if parts else _("No employer registered"))

        start = self._timeline.case_start if self._timeline is not None else case_start(case, rules=False)
        week_day = case_week_day(case, self._today, start)
        if week_day is None or start is None:
            self.week_chip.hide()
        else:
            week, day = week_day
            self.week_chip.setText(_("Week {week} · day {day}").format(week=week, day=day))
            description = _("Day 1 is the first day of absence, {date}.").format(
                date=format_date(start, lang, "short")
            )
            self.week_chip.setToolTip(description)
            self.week_chip.setAccessibleDescription(description)
            self.week_chip.show()

        milestone = next_milestone(self._timeline)
        if milestone is None:
            self.milestone_chip.hide()
            return
        if milestone.status == "DUE_NOW":
            text = _("{milestone}: now").format(milestone=_(milestone.label))
            role = "chip-warning"
        else:
            text = _("{milestone}: {date}").format(
                milestone=_(milestone.label), date=format_date(milestone.date, lang, "short")
            )
            role = "chip-info"
        prefix = "⚠ " if milestone.status == "DUE_NOW" else "→ "
        self.milestone_chip.setText(prefix + text)
        set_role(self.milestone_chip, role)
        self.milestone_chip.setToolTip(_("Enter: open the timeline"))
        self.milestone_chip.setAccessibleName(text)
        self.milestone_chip.setAccessibleDescription(_("Enter: open the timeline"))
        self.milestone_chip.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
