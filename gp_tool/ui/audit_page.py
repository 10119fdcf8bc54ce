"""The self-audit page: anonymous counts from the cases stored on this computer (issue 7).

Shows :func:`gp_tool.storage.audit.audit_store` in the active language: share of graded leave,
8-week exceptions used, referrals by type (named from the referral catalogue), and lengths of sick
leave, with full leave compared against the diagnosis guidance. Counts only: no name, id or date of a
patient is shown, and nothing leaves the machine. The page computes on :meth:`AuditPage.refresh`
(the window calls it when the page is shown; F5-free: the "Refresh" button and Ctrl+R do it too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gp_tool.i18n.formatting import format_number, format_percent_value
from gp_tool.rules.referrals import option
from gp_tool.storage.audit import AuditReport, audit_store
from gp_tool.storage.store import CaseStore, StoreError
from gp_tool.ui.i18n import _, active, language
from gp_tool.ui.widgets import heading_font, make_label

__all__ = ["AuditPage"]

_MAX_TABLE_ROWS: Final = 30


def _share(part: int, whole: int) -> str:
    """``12 of 40 (30 %)``; ``0 of 0`` without a percentage."""
    lang = language()
    if whole == 0:
        return _("{part} of {whole}").format(part=format_number(part, lang), whole=format_number(whole, lang))
    percent = format_percent_value(round(100 * part / whole), lang)
    return _("{part} of {whole} ({percent})").format(
        part=format_number(part, lang), whole=format_number(whole, lang), percent=percent
    )


def _option_name(option_id: str, lang: str) -> str:
    """The referral option's name in ``lang``; a practice's local service by its id."""
    if option_id.startswith("local:"):
        from gp_tool.settings.local_services import names  # noqa: PLC0415

        name = dict(names()).get(option_id) or option_id.removeprefix("local:")
        return _("Local service: {name}").format(name=name)
    found = option(option_id)
    return found.text("name", lang) if found is not None else option_id


def _days(n: float) -> str:
    return active().ngettext("{n} day", "{n} days", round(n)).format(n=format_number(n, language()))


class AuditPage(QWidget):
    """Self-audit over ``store``. ``report`` holds the last computed :class:`AuditReport`."""

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report: AuditReport | None = None
        self.error = ""

        self.heading = QLabel(self)
        self.heading.setFont(heading_font(self.font(), 1.5))
        self.intro = make_label("muted", self, wrap=True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("audit.refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence("Ctrl+R"))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.summary = make_label("", self, wrap=True)
        self.summary.setObjectName("audit.summary")

        self.graded_box = QGroupBox(self)
        graded = QFormLayout(self.graded_box)
        self.graded_notes_label, self.graded_notes = QLabel(self), self._value("audit.graded_notes")
        self.graded_days_label, self.graded_days = QLabel(self), self._value("audit.graded_days")
        graded.addRow(self.graded_notes_label, self.graded_notes)
        graded.addRow(self.graded_days_label, self.graded_days)

        self.week8_box = QGroupBox(self)
        week8 = QFormLayout(self.week8_box)
        self.reached_label, self.reached = QLabel(self), self._value("audit.reached_week_8")
        self.full_label, self.full = QLabel(self), self._value("audit.full_leave_at_week_8")
        self.exceptions_label, self.exceptions = QLabel(self), self._value("audit.exceptions_week_8")
        week8.addRow(self.reached_label, self.reached)
        week8.addRow(self.full_label, self.full)
        week8.addRow(self.exceptions_label, self.exceptions)
        self.week8_note = make_label("muted", self, wrap=True)
        week8.addRow(self.week8_note)

        self.referrals_box = QGroupBox(self)
        referrals = QVBoxLayout(self.referrals_box)
        self.referrals_empty = make_label("muted", self, wrap=True)
        self.referrals_empty.setObjectName("audit.referrals_empty")
        self.referrals_table = self._table("audit.referrals", 2)
        referrals.addWidget(self.referrals_empty)
        referrals.addWidget(self.referrals_table)

        self.length_box = QGroupBox(self)
        length = QVBoxLayout(self.length_box)
        self.median = self._value("audit.median_length")
        self.lengths_table = self._table("audit.lengths", 2)
        self.chapters_label = QLabel(self)
        self.chapters_table = self._table("audit.chapters", 3)
        self.guidance_label = QLabel(self)
        self.guidance_table = self._table("audit.guidance_table", 2)
        self.guidance = make_label("muted", self, wrap=True)
        self.guidance.setObjectName("audit.guidance")
        length.addWidget(self.median)
        length.addWidget(self.lengths_table)
        length.addWidget(self.chapters_label)
        length.addWidget(self.chapters_table)
        length.addWidget(self.guidance_label)
        length.addWidget(self.guidance_table)
        length.addWidget(self.guidance)

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(16)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        column.addLayout(top)
        column.addWidget(self.intro)
        column.addWidget(self.summary)
        for box in (self.graded_box, self.week8_box, self.referrals_box, self.length_box):
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.retranslate()

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        return label

    def _table(self, name: str, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setMinimumSectionSize(96)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        """Count again over the store (archived cases included)."""
        try:
            self.report, self.error = audit_store(self.store), ""
        except StoreError as exc:
            self.report, self.error = None, exc.render(active().gettext)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(_("Self-audit"))
        self.intro.setText(
            _(
                "Anonymous counts from the cases stored on this computer, archived ones included. "
                "Nothing leaves the machine, and no patient is named."
            )
        )
        self.refresh_button.setText(_("&Refresh"))
        self.graded_box.setTitle(_("Graded sick leave"))
        self.graded_notes_label.setText(_("Sick notes with a graded period:"))
        self.graded_days_label.setText(_("Days on graded sick leave:"))
        self.week8_box.setTitle(_("8-week point (activity requirement)"))
        self.reached_label.setText(_("Cases still on sick leave at the 8-week point:"))
        self.full_label.setText(_("Of these, on 100 % sick leave:"))
        self.exceptions_label.setText(_("Exception used:"))
        self.week8_note.setText(
            _(
                "An exception is a 100 % period across day 56 that gives a medical reason or a "
                "work-related reason (ftrl § 8-8 (2))."
            )
        )
        self.referrals_box.setTitle(_("Referrals by type"))
        self.referrals_table.setHorizontalHeaderLabels([_("Type"), _("Number")])
        self.length_box.setTitle(_("Length of sick leave"))
        self.lengths_table.setHorizontalHeaderLabels([_("Length"), _("Cases")])
        self.chapters_label.setText(_("By diagnosis chapter (main diagnosis of the latest sick note):"))
        self.chapters_table.setHorizontalHeaderLabels([_("Chapter"), _("Cases"), _("Median length")])
        self.guidance_label.setText(_("Full sick leave against the diagnosis guidance:"))
        self.guidance_table.setHorizontalHeaderLabels([_("Compared with the guidance"), _("Cases")])
        self.guidance.setText(
            _(
                "Only diagnoses for which the guidance gives a number of days are compared "
                "(Helsedirektoratet's diagnosis-specific advice); the guidance is advice, and the "
                "doctor's judgement prevails."
            )
        )
        self._render()

    def _render(self) -> None:
        report = self.report
        if report is None:
            self.summary.setText(self.error or _("Press Refresh to count."))
            for box in (self.graded_box, self.week8_box, self.referrals_box, self.length_box):
                box.setVisible(False)
            return
        for box in (self.graded_box, self.week8_box, self.referrals_box, self.length_box):
            box.setVisible(report.cases > 0)
        lang = language()
        if report.cases == 0:
            self.summary.setText(_("No cases stored yet."))
            return
        tr = active()
        summary = tr.ngettext("{n} case", "{n} cases", report.cases).format(
            n=format_number(report.cases, lang)
        )
        summary += " " + tr.ngettext("({n} archived)", "({n} archived)", report.archived).format(
            n=format_number(report.archived, lang)
        )
        if report.unreadable:
            summary += " " + tr.ngettext(
                "{n} stored case could not be read and is left out.",
                "{n} stored cases could not be read and are left out.",
                report.unreadable,
            ).format(n=format_number(report.unreadable, lang))
        self.summary.setText(summary)
        self.graded_notes.setText(_share(report.graded_notes, report.sick_notes))
        self.graded_days.setText(_share(report.graded_days, report.leave_days))
        self.reached.setText(format_number(report.reached_week_8, lang))
        self.full.setText(_share(report.full_leave_at_week_8, report.reached_week_8))
        self.exceptions.setText(
            _("{share}: medical reasons {medical}, work-related reasons {work}").format(
                share=_share(report.exceptions_week_8, report.full_leave_at_week_8),
                medical=format_number(report.exceptions_medical, lang),
                work=format_number(report.exceptions_work_related, lang),
            )
        )
        self.referrals_empty.setVisible(report.referrals_total + report.referrals_declined == 0)
        self.referrals_empty.setText(_("No referrals recorded yet."))
        self.referrals_table.setVisible(report.referrals_total + report.referrals_declined > 0)
        self._fill(
            self.referrals_table,
            [(_option_name(kind, lang), format_number(n, lang)) for kind, n in report.referrals]
            + (
                [(_("Declined by the patient"), format_number(report.referrals_declined, lang))]
                if report.referrals_declined
                else []
            ),
        )
        median = report.median_length
        self.median.setText(
            _("Median length: {days}").format(days=_days(median))
            if median is not None
            else _("No periods stored.")
        )
        self._fill(
            self.lengths_table, [(_(label), format_number(n, lang)) for label, n in report.length_buckets]
        )
        self._fill(
            self.chapters_table,
            [
                (f"{row.chapter} ({row.system})", format_number(row.cases, lang), _days(row.median_days))
                for row in report.chapters[:_MAX_TABLE_ROWS]
            ],
        )
        self._fill(
            self.guidance_table,
            [
                (_("Within the guidance"), format_number(report.guidance_within, lang)),
                (_("Beyond the guidance"), format_number(report.guidance_beyond, lang)),
                (
                    _("… of these with a structured reason"),
                    format_number(report.guidance_beyond_with_reason, lang),
                ),
                (_("Guidance without a number of days"), format_number(report.guidance_without_figure, lang)),
            ],
        )

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        # as large as its contents, no larger: a number stays next to its label
        table.resizeColumnsToContents()
        frame = 2 * table.frameWidth()
        table.setFixedWidth(table.horizontalHeader().length() + frame)
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height() + table.verticalHeader().length() + frame
        )
