"""The header (ui-brief b.2): who the patient is, where they work, the case week, the demo banner."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gp_tool.domain.case import Case
from gp_tool.i18n.formatting import format_date, format_percent_value
from gp_tool.ui.caseinfo import age_at, birth_date, case_start, case_week_day
from gp_tool.ui.i18n import _, language
from gp_tool.ui.widgets import heading_font, make_label

__all__ = ["HeaderBar"]


class HeaderBar(QWidget):
    """Patient name and age, work, the "Week N · day D" chip and, for demo cases, a fixed banner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._case: Case | None = None
        self._today: dt.date | None = None
        self._demo = False

        self.patient_label = QLabel(self)
        self.patient_label.setObjectName("header.patient")
        self.patient_label.setFont(heading_font(self.font(), 1.25))
        self.patient_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.work_label = make_label("muted", self)
        self.work_label.setObjectName("header.work")
        self.week_chip = make_label("chip-info", self)
        self.week_chip.setObjectName("header.week")
        self.demo_banner = make_label("banner-warning", self)
        self.demo_banner.setObjectName("header.demo")

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.patient_label)
        top.addWidget(self.week_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.demo_banner, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.work_label)

    def set_case(self, case: Case, today: dt.date, *, demo: bool) -> None:
        self._case, self._today, self._demo = case, today, demo
        self.retranslate()

    def week_text(self) -> str:
        return self.week_chip.text() if self.week_chip.isVisibleTo(self) else ""

    def retranslate(self) -> None:
        case = self._case
        self.demo_banner.setText("⚠ " + _("DEMO – fictional data. Nothing is sent."))
        self.demo_banner.setVisible(self._demo)
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

        week_day = case_week_day(case, self._today)
        start = case_start(case)
        if week_day is None or start is None:
            self.week_chip.hide()
        else:
            week, day = week_day
            self.week_chip.setText(_("Week {week} · day {day}").format(week=week, day=day))
            self.week_chip.setToolTip(
                _("Day 1 is the first day of absence, {date}.").format(date=format_date(start, lang, "short"))
            )
            self.week_chip.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
