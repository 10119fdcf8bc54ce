"""Step 2, where the case stands: the case drawn from day 1 to the benefit end date (maksdato).

The drawing shows every sick-leave period as a bar shaded by its grade (earlier notes neutral, the
new note in the accent colour), the legal milestones as numbered markers, and today's line. The same
milestones follow as a focusable list with date, what the GP does, the legal basis and a status badge:
"Due now" for a point in the coming week, "Overdue" for a deadline that passed since the patient was
last seen (ask whether the plan or the meeting happened). Colours never stand alone: every status has
a word and a marker shape (ui-brief b.10). Dates and milestones come from ``gp_tool.rules`` (through
:func:`gp_tool.ui.caseinfo.timeline`).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from gp_tool.domain.case import Case, Period, PeriodKind
from gp_tool.i18n.formatting import format_date, format_percent_value
from gp_tool.i18n.markers import N_
from gp_tool.ui import palette
from gp_tool.ui.caseinfo import KIND_NAMES, MilestoneView, TimelineView, case_start, period_days
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _, language
from gp_tool.ui.icons import draw_shape
from gp_tool.ui.pages import Analysis, Section, StepPage
from gp_tool.ui.steps import Step
from gp_tool.ui.table import fill_table, make_table

__all__ = [
    "DONE_WHEN",
    "FOLLOW_UP_DEADLINES",
    "TimelineChart",
    "TimelinePage",
    "badge",
    "grade_text",
    "period_cells",
    "recorded_done",
]

FOLLOW_UP_DEADLINES: Final = frozenset({"OPPFOLGINGSPLAN", "DIALOGMOTE_1", "AKTIVITETSKRAV", "DIALOGMOTE_2"})
MAX_BASIS_TEXT: Final = {
    "ORDINAER": N_("248 sickness-benefit days"),
    "BEGRENSET_67": N_("60 sickness-benefit days after the 67th birthday"),
    "SYTTI_AAR": N_("the last weekday before the 70th birthday"),
}


def grade_text(period: Period, lang: str) -> str:
    if period.grade is not None:
        return format_percent_value(period.grade, lang)
    if period.kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        return format_percent_value(100, lang)
    return "–"


def _grade(period: Period) -> int:
    if period.grade is not None:
        return period.grade
    return 100 if period.kind is PeriodKind.AKTIVITET_IKKE_MULIG else 20


def period_cells(period: Period, lang: str) -> list[str]:
    return [
        format_date(period.from_, lang, "short"),
        format_date(period.to, lang, "short"),
        str(period_days(period)),
        _(KIND_NAMES[period.kind]),
        grade_text(period, lang),
    ]


def period_headers() -> list[str]:
    return [_("From"), _("To"), _("Days"), _("Kind"), _("Grade")]


def last_visit(case: Case) -> dt.date | None:
    """The day the patient was last seen for this case: the newest earlier note's signing date."""
    return max((note.signed for note in case.earlier_sick_notes), default=None)


DONE_WHEN: Final = {"OPPFOLGINGSPLAN": "follow_up_plan_received", "DIALOGMOTE_1": "dialogue_meeting_held"}
"""Follow-up deadlines the case can record as done (the 8-week view: ``Case.activity_requirement``)."""


def recorded_done(milestone_id: str, case: Case) -> bool:
    """The case records this follow-up step as done (the plan received, dialogue meeting 1 held)."""
    field = DONE_WHEN.get(milestone_id)
    record = case.activity_requirement
    return field is not None and record is not None and getattr(record, field) is True


def badge(milestone: MilestoneView, case: Case) -> str:
    """``DONE`` (recorded as done), ``DUE_NOW``, ``OVERDUE`` (a follow-up deadline passed since the last
    visit and not recorded as done), ``PASSED``, ``AHEAD``."""
    if recorded_done(milestone.id, case):
        return "DONE"
    if milestone.status == "DUE_NOW":
        return "DUE_NOW"
    if milestone.status == "PASSED" and milestone.id in FOLLOW_UP_DEADLINES:
        seen = last_visit(case)
        if seen is None or milestone.date > seen:
            return "OVERDUE"
    return milestone.status


BADGE_TEXT: Final = {
    "DONE": N_("Done"),
    "DUE_NOW": N_("Due now"),
    "OVERDUE": N_("Overdue"),
    "PASSED": N_("Passed"),
    "AHEAD": N_("Coming"),
}
BADGE_SHAPE: Final = {"DONE": "OK", "DUE_NOW": "WARN", "OVERDUE": "BLOCK", "PASSED": "OK", "AHEAD": "INFO"}


class TimelineChart(QWidget):
    """The case drawn from day 1 to maksdato: periods by grade, numbered milestones, today's line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline.chart")
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.case: Case | None = None
        self.view: TimelineView | None = None
        self.today: dt.date | None = None

    def sizeHint(self) -> QSize:
        return QSize(760, self.fontMetrics().height() * 14)

    def set_data(self, case: Case, view: TimelineView | None, today: dt.date) -> None:
        self.case, self.view, self.today = case, view, today
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def span(self) -> tuple[dt.date, dt.date] | None:
        if self.case is None or self.view is None:
            return None
        start = self.view.case_start
        ends = [m.date for m in self.view.milestones]
        ends += [p.to for n in self.case.earlier_sick_notes for p in n.periods]
        ends += [p.to for p in self.case.sick_note.periods]
        if self.view.max_date is not None:
            ends.append(self.view.max_date)
        if self.today is not None:
            ends.append(self.today)
        end = max(ends, default=start + dt.timedelta(days=364))
        return start, max(end, start + dt.timedelta(days=56))

    def paintEvent(self, event: QPaintEvent) -> None:
        span = self.span()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        c = palette.current()
        painter.fillRect(self.rect(), QColor(c.page_bg))
        if span is None or self.case is None or self.view is None:
            painter.setPen(QColor(c.page_muted))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, _("The case has no first day of absence yet.")
            )
            painter.end()
            return
        start, end = span
        fm = painter.fontMetrics()
        line = fm.height()
        lane_labels = (_("Earlier notes"), _("New note"))
        left = 8.0 + max(fm.horizontalAdvance(t) for t in lane_labels) + 12.0
        right = float(self.width() - 16)
        size = line * 1.15  # marker diameter
        total = max(1, (end - start).days + 1)

        def x(day: dt.date) -> float:
            return left + (right - left) * ((day - start).days / total)

        # markers in up to three rows, so that close milestones do not cover each other
        rows_end: list[float] = []
        placed: list[tuple[float, int, MilestoneView, int]] = []
        for number, milestone in enumerate(self.view.milestones, start=1):
            px = x(milestone.date)
            row = next((r for r, last in enumerate(rows_end) if px - last >= size + 2), len(rows_end))
            if row == len(rows_end):
                rows_end.append(px)
            rows_end[row] = px
            placed.append((px, row, milestone, number))
        rows = max(1, len(rows_end))
        top = 6.0 + rows * (size + 4)
        bar_h = line * 1.5
        lanes = (top + 8, top + 8 + bar_h + 8)
        axis = lanes[1] + bar_h + 10

        # week grid and labels
        small = QFont(painter.font())
        painter.setFont(small)
        weeks = total // 7 + 1
        every = 4 if weeks <= 60 else 8
        for week in range(0, weeks + 1, every):
            day = start + dt.timedelta(days=7 * week)
            if day > end:
                break
            px = x(day)
            painter.setPen(QPen(QColor(c.divider), 1))
            painter.drawLine(QPointF(px, top), QPointF(px, axis))
            painter.setPen(QColor(c.page_muted))
            painter.drawText(QPointF(px + 2, axis + line), _("w{week}").format(week=week))
        painter.setPen(QPen(QColor(c.border), 1))
        painter.drawLine(QPointF(left, axis), QPointF(right, axis))

        # lane labels, then the periods: earlier notes first lane, the new note second
        painter.setPen(QColor(c.page_text))
        for label, lane_y in zip(lane_labels, lanes, strict=True):
            painter.drawText(
                QRectF(8, lane_y, left - 16, bar_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )

        def draw_period(period: Period, lane_y: float, colour: str, outline: str) -> None:
            width = max(2.0, x(period.to + dt.timedelta(days=1)) - x(period.from_))
            rect = QRectF(x(period.from_), lane_y, width, bar_h)
            fill = QColor(colour)
            fill.setAlphaF(0.25 + 0.75 * _grade(period) / 100)
            painter.setPen(QPen(QColor(outline), 1))
            painter.setBrush(fill)
            painter.drawRect(rect)
            text = grade_text(period, language())
            if fm.horizontalAdvance(text) + 6 < rect.width():
                painter.setPen(QColor(c.on_accent if _grade(period) >= 50 else c.page_text))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

        for note in self.case.earlier_sick_notes:
            for period in note.periods:
                draw_period(period, lanes[0], c.info.icon, c.info.muted)
        for period in self.case.sick_note.periods:
            draw_period(period, lanes[1], c.accent, c.focus)

        # milestones: numbered markers; due now and overdue get their status shape instead
        for px, row, milestone, number in placed:
            kind = badge(milestone, self.case)
            role = c.role(
                {"DONE": "success", "DUE_NOW": "warning", "OVERDUE": "danger", "PASSED": "success"}.get(
                    kind, "info"
                )
            )
            marker = QRectF(px - size / 2, 4 + row * (size + 4), size, size)
            painter.setPen(QPen(QColor(role.icon), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(px, marker.bottom()), QPointF(px, axis))
            if kind in {"DUE_NOW", "OVERDUE"}:
                draw_shape(painter, BADGE_SHAPE[kind], marker, QColor(role.icon), QColor(c.page_bg))
            else:
                painter.setPen(QPen(QColor(role.icon), 1.5))
                painter.setBrush(QColor(c.page_bg))
                painter.drawEllipse(marker)
                painter.setPen(QColor(c.page_text))
                painter.drawText(marker, Qt.AlignmentFlag.AlignCenter, str(number))

        # today
        if self.today is not None and start <= self.today <= end:
            px = x(self.today)
            painter.setPen(QPen(QColor(c.focus), 2))
            painter.drawLine(QPointF(px, top - 2), QPointF(px, axis + 4))
            label = _("Today")
            bold = QFont(small)
            bold.setWeight(QFont.Weight.DemiBold)
            painter.setFont(bold)
            width = painter.fontMetrics().horizontalAdvance(label)
            tx = min(max(left, px - width / 2), right - width)
            painter.drawText(QPointF(tx, axis + line * 2.3), label)
        painter.end()


class TimelinePage(StepPage):
    """Step 2: the case drawing, the milestones with badges, and every period of the case."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.start_label = QLabel(self)
        self.start_label.setObjectName("timeline.start")
        self.start_label.setWordWrap(True)
        self.max_label = QLabel(self)
        self.max_label.setObjectName("timeline.max_date")
        self.max_label.setWordWrap(True)
        self.chart = TimelineChart(self)
        self.milestones = QTreeWidget(self)
        self.milestones.setObjectName("timeline.milestones")
        self.milestones.setRootIsDecorated(False)
        self.milestones.setUniformRowHeights(True)
        self.milestones.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.milestones.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.milestones.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.milestones.setWordWrap(True)
        self.table = make_table("timeline.periods", self)
        self.drawing = Section("group.timeline", "none", self)
        self.drawing.body.addWidget(self.start_label)
        self.drawing.body.addWidget(self.max_label)
        self.drawing.body.addWidget(self.chart)
        self.milestone_detail = QLabel(self)
        self.milestone_detail.setObjectName("timeline.milestone_detail")
        self.milestone_detail.setWordWrap(True)
        self.milestones.currentItemChanged.connect(lambda *_args: self._show_detail())
        self.milestone_group = Section("group.milestones", "none", self)
        self.milestone_group.body.addWidget(self.milestones)
        self.milestone_group.body.addWidget(self.milestone_detail)
        self.periods_group = Section("group.periods", "none", self)
        self.periods_group.body.addWidget(self.table)
        for group in (self.drawing, self.milestone_group, self.periods_group):
            self.content.addWidget(group)
        self.content.setSpacing(16)
        self.first_focus = self.milestones
        QWidget.setTabOrder(self.milestones, self.table)
        QWidget.setTabOrder(self.table, self.previous_button)
        self.register("case_start", self.milestones)
        self.register("earlier_sick_notes", self.table)
        self.retranslate()

    def set_analysis(self, analysis: Analysis) -> None:
        super().set_analysis(analysis)
        self.retranslate_content()

    def case_edited(self, path: str) -> None:
        if path.startswith(("sick_note.periods", "case_start", "activity_requirement")):
            self.retranslate_content()

    def retranslate_content(self) -> None:
        case, lang = self.document.case, language()
        view = self.analysis.timeline
        self.drawing.retranslate_section(_("The case, day by day"))
        self.milestone_group.retranslate_section(_("Deadlines and milestones"))
        self.periods_group.retranslate_section(_("Sick-leave periods"))
        start = view.case_start if view is not None else case_start(case)
        self.start_label.setText(
            _("First day of absence: {date}").format(date=format_date(start, lang, "short"))
            if start
            else _("First day of absence: not known")
        )
        if view is not None and view.max_date is not None:
            basis = MAX_BASIS_TEXT.get(view.max_basis, "")
            self.max_label.setText(
                _("Benefit end date (maksdato): {date}").format(
                    date=format_date(view.max_date, lang, "short")
                )
                + (f" – {_(basis)}" if basis else "")
            )
        else:
            self.max_label.setText(_("Benefit end date (maksdato): not known yet"))
        self.chart.set_data(case, view, self.today or dt.date.today())  # noqa: DTZ011
        self.chart.setAccessibleName(_("Drawing of the case from day 1 to the benefit end date"))
        self._fill_milestones(case, view, lang)
        rows: list[list[str]] = []
        for note in case.earlier_sick_notes:
            signed = _("Signed {date}").format(date=format_date(note.signed, lang, "short"))
            rows += [[signed, *period_cells(p, lang)] for p in note.periods]
        rows += [[_("New (this consultation)"), *period_cells(p, lang)] for p in case.sick_note.periods]
        fill_table(self.table, [_("Sick note"), *period_headers()], rows, stretch=4, right={3, 5})
        self.table.setAccessibleName(_("Sick-leave periods"))

    def _fill_milestones(self, case: Case, view: TimelineView | None, lang: str) -> None:
        from gp_tool.ui.icons import severity_icon  # noqa: PLC0415

        tree = self.milestones
        tree.clear()
        tree.setColumnCount(5)
        tree.setHeaderLabels(["#", _("Status"), _("Date"), _("Milestone"), _("Legal basis")])
        tree.setAccessibleName(_("Deadlines and milestones"))
        if view is None:
            self._show_detail()
            return
        for number, m in enumerate(view.milestones, start=1):
            kind = badge(m, case)
            item = QTreeWidgetItem(
                [
                    str(number),
                    _(BADGE_TEXT.get(kind, "Coming")),
                    format_date(m.date, lang, "short"),
                    _(m.label),
                    m.legal_ref,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            item.setData(1, Qt.ItemDataRole.UserRole, kind)
            item.setData(3, Qt.ItemDataRole.UserRole, _(m.gp_action) if m.gp_action else "")
            item.setIcon(1, severity_icon(BADGE_SHAPE.get(kind, "INFO")))
            item.setToolTip(3, _(m.gp_action) if m.gp_action else _(m.label))
            if kind == "PASSED":
                muted = QColor(palette.current().page_muted)
                for col in range(5):
                    item.setForeground(col, muted)
            if kind in {"DUE_NOW", "OVERDUE"}:
                font = QFont(tree.font())
                font.setWeight(QFont.Weight.DemiBold)
                for col in range(5):
                    item.setFont(col, font)
            tree.addTopLevelItem(item)
        header = tree.header()
        header.setStretchLastSection(False)
        for col in range(5):
            tree.resizeColumnToContents(col)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        rows = tree.topLevelItemCount()
        row_height = max(tree.sizeHintForRow(0), tree.fontMetrics().height() + 6)
        tree.setFixedHeight(header.sizeHint().height() + 2 * tree.frameWidth() + row_height * rows + 4)
        items = [tree.topLevelItem(r) for r in range(rows)]
        first_due = next(
            (
                i
                for i in items
                if i is not None and i.data(1, Qt.ItemDataRole.UserRole) in {"DUE_NOW", "OVERDUE"}
            ),
            None,
        )
        current = first_due or next((i for i in items if i is not None), None)
        if current is not None:
            tree.setCurrentItem(current)
        self._show_detail()

    def _show_detail(self) -> None:
        """What the GP does at the selected milestone, under the list (arrows browse it)."""
        item = self.milestones.currentItem() if self.milestones.topLevelItemCount() else None
        text = ""
        if item is not None:
            action = str(item.data(3, Qt.ItemDataRole.UserRole) or "")
            text = f"<b>{item.text(3)}</b> ({item.text(2)}, {item.text(1).lower()})"
            if action:
                text += "<br>" + _("What the GP does: {action}").format(action=action)
        self.milestone_detail.setText(text)
        self.milestone_detail.setVisible(bool(text))
        self.milestones.setAccessibleDescription(self.milestone_detail.text())

    def badges(self) -> dict[str, str]:
        """Milestone id → badge, as listed (for tests and the header)."""
        result = {}
        for r in range(self.milestones.topLevelItemCount()):
            item = self.milestones.topLevelItem(r)
            if item is not None:
                result[str(item.data(0, Qt.ItemDataRole.UserRole))] = str(
                    item.data(1, Qt.ItemDataRole.UserRole)
                )
        return result
