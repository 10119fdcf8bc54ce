"""Course mode (issue 9): course cases, time travel, teaching notes and the model answer.

* **Course mode** (Course menu, ``--course``): fictional patients only — a real patient is never
  opened while it is on (the window refuses the case list, a case file with a real national id, and
  crash recovery); presenter type sizes and the «KURS – fiktiv pasient» watermark on screen, on every
  print and in every PDF.
* **Time travel** (:class:`TimeTravelBar`): a date control that sets the window's "today"; buttons for
  each consultation of the course case (Day 3, Week 4 …) and Ctrl+Shift+PgDn / Ctrl+Shift+PgUp for
  one week on or back (ui-brief b.12). The timeline, the findings, NAV's questions, the proposals and the
  8-week view follow the date; with a course case the date also chooses the consultation: the last one
  on or before it.
* **Course cases** (:class:`CourseSession`): each consultation opens as the participant meets it; their
  work is kept per consultation for the session (a draft sink in memory, never the case store and never
  the disk), so stepping back shows it again and the comparison with the model answer
  (:class:`CompareDialog`, :mod:`gp_tool.documents.comparison`) works step by step at the end.
* **Teaching notes** (:class:`TeachingPanel`): the consultation's situation and the note for the step
  shown, above the page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gp_tool.i18n.formatting import format_date
from gp_tool.ui.i18n import _, language
from gp_tool.ui.widgets import DateField, heading_font, make_label, set_role

if TYPE_CHECKING:
    from gp_tool.domain.case import Case
    from gp_tool.domain.course import CourseCase
    from gp_tool.ui.drafts import Draft

__all__ = ["CompareDialog", "CourseSession", "MemoryDraftSink", "TeachingPanel", "TimeTravelBar"]

_SLUG = re.compile(r"[^a-z0-9]+")


class MemoryDraftSink:
    """Drafts kept in memory for the session (course participants' work; never written to disk)."""

    def __init__(self) -> None:
        self.drafts: dict[str, Draft] = {}

    def save(self, draft: Draft) -> None:
        self.drafts[draft.key] = draft

    def load(self, key: str) -> Draft | None:
        return self.drafts.get(key)

    def discard(self, key: str) -> None:
        self.drafts.pop(key, None)


@dataclass
class CourseSession:
    """One course case being taught: which consultation is open and the participant's work per consultation."""

    name: str
    """The shipped name, or the file's stem."""
    course: CourseCase
    index: int = 0
    showing_model: bool = False
    sink: MemoryDraftSink = field(default_factory=MemoryDraftSink)
    visited: set[int] = field(default_factory=set)

    @property
    def slug(self) -> str:
        return _SLUG.sub("-", self.name.lower()).strip("-") or "course"

    def demo_name(self, index: int, *, model: bool = False) -> str:
        """The document's fictional-case marker for consultation ``index`` (also the draft key)."""
        station = self.course.stations[index].id
        return f"kurs-{self.slug}-{station}" + ("-model" if model else "")

    def participant_case(self, index: int) -> Case:
        """The participant's case at ``index``: their work this session, else the case as they meet it."""
        from gp_tool.domain.course import Version  # noqa: PLC0415

        draft = self.sink.load("demo-" + self.demo_name(index))
        return draft.case if draft is not None else self.course.case_at(index, Version.START)

    def model_case(self, index: int) -> Case:
        from gp_tool.domain.course import Version  # noqa: PLC0415

        return self.course.case_at(index, Version.MODEL)

    def worked(self, index: int) -> bool:
        """True when the participant changed the case at consultation ``index``."""
        return self.sink.load("demo-" + self.demo_name(index)) is not None

    def label(self, index: int) -> str:
        """ "Day 3", "Week 7" … in the active language (as the handout prints them)."""
        from gp_tool.documents.handout import station_labels  # noqa: PLC0415

        return station_labels(self.course, language())[index]

    def title(self) -> str:
        return self.course.title.get(language())


# ---------------------------------------------------------------------- the time-travel bar


class TimeTravelBar(QFrame):
    """The simulated date, with a button per consultation of the course case and a way back to today."""

    date_chosen = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("course.bar")
        self.setProperty("role", "course-bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.date_label = QLabel(self)
        self.date_field = DateField(
            self, name="course.date"
        )  # the app's date input: 23.11.2026, 23.11, ↑/↓, F4
        self.date_edit = self.date_field.edit
        self.date_label.setBuddy(self.date_edit)
        self.date_field.committed.connect(self._committed)
        self.back_week = QToolButton(self)
        self.back_week.setObjectName("course.back_week")
        self.back_week.clicked.connect(lambda: self.step_weeks(-1))
        self.on_week = QToolButton(self)
        self.on_week.setObjectName("course.on_week")
        self.on_week.clicked.connect(lambda: self.step_weeks(1))
        self.real_button = QPushButton(self)
        self.real_button.setObjectName("course.real_date")
        self.stations = QButtonGroup(self)
        self.stations.setExclusive(True)
        self.station_row = QHBoxLayout()
        self.station_row.setSpacing(4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 6, 24, 6)
        layout.setSpacing(8)
        layout.addWidget(self.date_label)
        layout.addWidget(self.back_week)
        layout.addWidget(self.date_field)
        layout.addWidget(self.on_week)
        layout.addLayout(self.station_row)
        layout.addStretch(1)
        layout.addWidget(self.real_button)
        self._dates: list[dt.date] = []
        self._labels: list[str] = []
        self._tips: list[str] = []
        self.today = dt.date(2000, 1, 1)  # set_today() gives the window's dates
        self.real_today = self.today
        self.retranslate()

    # -------------------------------------------------------------- state
    def set_stations(self, dates: list[dt.date], labels: list[str], tips: list[str]) -> None:
        """One button per consultation (none for a case that is not a course case)."""
        if (list(dates), list(labels), list(tips)) == (self._dates, self._labels, self._tips):
            self._mark()
            return
        for button in self.stations.buttons():
            self.stations.removeButton(button)
            self.station_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._dates, self._labels, self._tips = list(dates), list(labels), list(tips)
        for i, (day, text, tip) in enumerate(zip(dates, labels, tips, strict=True)):
            button = QToolButton(self)
            button.setObjectName(f"course.station.{i}")
            button.setCheckable(True)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(f"{text}, {format_date(day, language(), 'short')}")
            button.clicked.connect(lambda _checked=False, d=day: self.date_chosen.emit(d))
            self.stations.addButton(button, i)
            self.station_row.addWidget(button)
        self._mark()

    def set_today(self, today: dt.date, real_today: dt.date) -> None:
        self.today, self.real_today = today, real_today
        self.date_field.today = today
        self.date_field.set_date(today)
        self._mark()
        self.retranslate()

    def _mark(self) -> None:
        current = -1
        for i, day in enumerate(self._dates):
            if day <= self.today:
                current = i
        for button in self.stations.buttons():
            index = self.stations.id(button)
            button.setChecked(index == current)
            set_role(button, "station-current" if index == current else "")

    def current_station(self) -> int:
        return self.stations.checkedId()

    def step_weeks(self, weeks: int) -> None:
        self.date_chosen.emit(self.today + dt.timedelta(weeks=weeks))

    def _committed(self, day: object) -> None:
        if isinstance(day, dt.date) and day != self.today:
            self.date_chosen.emit(day)
        elif not isinstance(day, dt.date):
            self.date_field.set_date(self.today)  # an empty or impossible date: the simulated date stays

    def retranslate(self) -> None:
        self.date_label.setText(_("Simula&ted date:"))
        self.date_edit.setAccessibleName(_("Simulated date"))
        self.date_edit.setToolTip(
            _("Type a date and press Enter; Ctrl+Shift+PgDn / PgUp: one week on / back.")
        )
        self.back_week.setText("◀")
        self.back_week.setToolTip(_("One week back (Ctrl+Shift+PgUp)"))
        self.back_week.setAccessibleName(_("One week back (Ctrl+Shift+PgUp)"))
        self.on_week.setText("▶")
        self.on_week.setToolTip(_("One week on (Ctrl+Shift+PgDn)"))
        self.on_week.setAccessibleName(_("One week on (Ctrl+Shift+PgDn)"))
        self.real_button.setText(_("Real date"))
        self.real_button.setToolTip(
            _("Back to today's real date, {date}").format(
                date=format_date(self.real_today, language(), "short")
            )
        )


# ---------------------------------------------------------------------- teaching notes


class TeachingPanel(QFrame):
    """The consultation's situation and the teaching note for the step on screen."""

    compare_requested = Signal()
    model_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("course.teaching")
        self.setProperty("role", "teaching")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.heading = QLabel(self)
        self.heading.setObjectName("course.heading")
        self.heading.setFont(heading_font(self.font(), 1.25))
        self.heading.setProperty("heading_scale", 1.25)
        self.heading.setWordWrap(True)
        self.situation = QLabel(self)
        self.situation.setObjectName("course.situation")
        self.situation.setWordWrap(True)
        self.situation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = make_label("banner-info", self, wrap=True)
        self.note.setObjectName("course.note")
        self.model_banner = make_label("banner-warning", self, wrap=True)
        self.model_banner.setObjectName("course.model_banner")
        self.model_banner.hide()
        self.compare_button = QPushButton(self)
        self.compare_button.setObjectName("course.compare")
        self.compare_button.clicked.connect(self.compare_requested)
        self.model_button = QPushButton(self)
        self.model_button.setObjectName("course.model")
        self.model_button.setCheckable(True)
        self.model_button.toggled.connect(self.model_toggled)
        top = QHBoxLayout()  # the heading and the two buttons share a row: the page keeps its height
        top.setSpacing(8)
        top.addWidget(self.heading, 1)
        top.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.model_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 6, 24, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.situation)
        layout.addWidget(self.note)
        layout.addWidget(self.model_banner)
        self.session: CourseSession | None = None
        self.step_key = "patient"
        self.step_title = ""
        self.show_notes = True

    def show_for(self, session: CourseSession | None, step_key: str, step_title: str) -> None:
        self.session, self.step_key, self.step_title = session, step_key, step_title
        self.retranslate()

    def note_text(self) -> str:
        """The teaching note for the step on screen ("" when the consultation has none for it)."""
        if self.session is None:
            return ""
        station = self.session.course.stations[self.session.index]
        note = station.notes.get(self.step_key)  # type: ignore[call-overload]
        return note.get(language()) if note is not None else ""

    def retranslate(self) -> None:
        session = self.session
        self.compare_button.setText(_("Compare with the model answer"))
        self.compare_button.setToolTip("Ctrl+Shift+M")
        self.model_button.setText(
            _("Back to my answer") if self.model_button.isChecked() else _("Show the model answer")
        )
        if session is None:
            return
        lang = language()
        station = session.course.stations[session.index]
        self.heading.setText(
            _("{course} · consultation {number} of {count}: {label}, {date}").format(
                course=session.title(),
                number=session.index + 1,
                count=len(session.course.stations),
                label=session.label(session.index),
                date=format_date(station.date, lang, "long"),
            )
        )
        self.situation.setText(station.situation.get(lang))
        text = self.note_text()
        self.note.setVisible(bool(text) and self.show_notes)
        self.note.setText(
            "✎ " + _("Teaching note – {step}: {note}").format(step=self.step_title, note=text) if text else ""
        )
        self.model_banner.setText(
            "✓ "
            + _("The model answer is shown. Edits here are not kept; “Back to my answer” returns to yours.")
        )
        self.model_banner.setVisible(session.showing_model)
        self.model_button.blockSignals(True)
        self.model_button.setChecked(session.showing_model)
        self.model_button.setText(
            _("Back to my answer") if session.showing_model else _("Show the model answer")
        )
        self.model_button.blockSignals(False)


# ---------------------------------------------------------------------- the comparison


class CompareDialog(QDialog):
    """The participant's answer beside the model answer, step by step, for any consultation worked."""

    def __init__(self, session: CourseSession, current: Case | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("course.compare_dialog")
        self.session = session
        self.current = current  # the case on screen now (it may not be in the draft sink yet)
        self.station = QComboBox(self)
        self.station.setObjectName("course.compare.station")
        self.summary = make_label("", self, wrap=True)
        self.summary.setObjectName("course.compare.summary")
        self.summary.setFont(heading_font(self.font(), 1.25))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("course.compare.tree")
        self.tree.setColumnCount(4)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.copy_button = buttons.addButton(_("Copy as text"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("course.compare.copy")
        self.copy_button.clicked.connect(self.copy_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.station)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        for i in range(len(session.course.stations)):
            mark = " ✎" if session.worked(i) or i == session.index else ""
            self.station.addItem(
                f"{i + 1}. {session.label(i)} – {format_date(session.course.stations[i].date, language(), 'short')}{mark}",
                i,
            )
        self.station.addItem(_("All consultations worked: the course so far"), ALL)
        self.station.setCurrentIndex(session.index)
        self.station.currentIndexChanged.connect(lambda _i: self.refresh())
        self.setWindowTitle(_("Your answer and the model answer"))
        self.resize(1000, 680)
        self.comparison: Any = None
        self.comparisons: dict[int, Any] = {}
        self.refresh()

    def chosen(self) -> int:
        return int(self.station.currentData())

    def yours(self, index: int) -> Case:
        """The participant's case at consultation ``index`` (the one on screen for the open one)."""
        if index == self.session.index and self.current is not None:
            return self.current
        return self.session.participant_case(index)

    def worked(self) -> list[int]:
        """The consultations the participant has worked on (the open one always counts)."""
        session = self.session
        return [i for i in range(len(session.course.stations)) if i == session.index or session.worked(i)]

    def refresh(self) -> None:
        if self.chosen() == ALL:
            self.refresh_overview()
            return
        from gp_tool.documents.comparison import Verdict, compare  # noqa: PLC0415
        from gp_tool.ui.steps import STEPS, step_index  # noqa: PLC0415

        index = self.chosen()
        session = self.session
        day = session.course.stations[index].date
        lang = language()
        self.comparison = compare(self.yours(index), session.model_case(index), day, lang)
        self.tree.clear()
        self.tree.setHeaderLabels([_("What"), _("Your answer"), _("Model answer"), _("Verdict")])
        icons = {
            Verdict.SAME: "✓",
            Verdict.CLOSE: "≈",
            Verdict.DIFFERENT: "✕",
            Verdict.MISSING: "○",
            Verdict.EXTRA: "+",
        }
        for step in self.comparison.steps:
            number = step_index(step.step) + 1
            title = _(STEPS[number - 1].title)
            counted = len(step.counted)
            head = QTreeWidgetItem(
                [
                    f"{number} {title}",
                    "",
                    "",
                    _("{score} of {count} as the model").format(score=_score(step.score), count=counted)
                    if counted
                    else _("Nothing to compare"),
                ]
            )
            font = head.font(0)
            font.setBold(True)
            for column in range(4):
                head.setFont(column, font)
            self.tree.addTopLevelItem(head)
            for row in step.rows:
                verdict = f"{icons[row.verdict]} {row.verdict_text(lang)}"
                item = QTreeWidgetItem([row.topic, row.yours, row.model, verdict])
                for column, full in enumerate((row.topic, row.yours, row.model, verdict)):
                    item.setToolTip(column, full)  # long answers are cut in the columns
                if row.comment:
                    item.setToolTip(0, row.comment)
                    item.addChild(QTreeWidgetItem(["", row.comment, "", ""]))
                head.addChild(item)
            head.setExpanded(True)
            for i in range(head.childCount()):
                child = head.child(i)
                if child is not None:
                    child.setExpanded(True)
        for column, width in enumerate((300, 250, 250, 150)):
            self.tree.setColumnWidth(column, width)
        self.summary.setText(
            _("{label}: {score} of {count} choices as the model answer.").format(
                label=session.label(index), score=_score(self.comparison.score), count=self.comparison.counted
            )
        )

    def refresh_overview(self) -> None:
        """Every consultation worked, step by step: how many choices were as the model answer."""
        from gp_tool.documents.comparison import compare  # noqa: PLC0415
        from gp_tool.ui.steps import STEPS, step_index  # noqa: PLC0415

        session = self.session
        lang = language()
        self.tree.clear()
        self.tree.setHeaderLabels(
            [_("Consultation and step"), _("As the model"), _("Compared"), _("Verdict")]
        )
        total = counted = 0.0
        self.comparisons = {}
        for index in self.worked():
            comparison = compare(
                self.yours(index), session.model_case(index), session.course.stations[index].date, lang
            )
            self.comparisons[index] = comparison
            total += comparison.score
            counted += comparison.counted
            head = QTreeWidgetItem(
                [
                    f"{index + 1}. {session.label(index)}",
                    _score(comparison.score),
                    str(comparison.counted),
                    _share(comparison.score, comparison.counted),
                ]
            )
            font = head.font(0)
            font.setBold(True)
            for column in range(4):
                head.setFont(column, font)
            self.tree.addTopLevelItem(head)
            for step in comparison.steps:
                if not step.counted:
                    continue
                number = step_index(step.step) + 1
                head.addChild(
                    QTreeWidgetItem(
                        [
                            f"{number} {_(STEPS[number - 1].title)}",
                            _score(step.score),
                            str(len(step.counted)),
                            _share(step.score, len(step.counted)),
                        ]
                    )
                )
            head.setExpanded(True)
        for column, width in enumerate((360, 150, 150, 150)):
            self.tree.setColumnWidth(column, width)
        self.summary.setText(
            _("The course so far: {score} of {count} choices as the model answer.").format(
                score=_score(total), count=_score(counted)
            )
        )

    def text(self) -> str:
        """The comparison as plain text (for the trainer's notes)."""
        lines = [self.windowTitle(), self.summary.text(), ""]
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head is None:
                continue
            lines.append(f"{head.text(0)} — {head.text(3)}")
            for j in range(head.childCount()):
                item = head.child(j)
                if item is None:
                    continue
                lines.append(
                    f"  {item.text(0)}: {item.text(1)} | {item.text(2)} | {item.text(3)}".rstrip(" |")
                )
                for k in range(item.childCount()):
                    comment = item.child(k)
                    if comment is not None:
                        lines.append(f"    {comment.text(1)}")
        return "\n".join(lines) + "\n"

    def copy_text(self) -> None:
        from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

        QGuiApplication.clipboard().setText(self.text())


ALL = -1
"""The comparison list's entry for every consultation worked."""


def _share(score: float, count: float) -> str:
    from gp_tool.i18n.formatting import format_percent_value  # noqa: PLC0415

    return format_percent_value(round(100 * score / count), language()) if count else "–"


def _score(value: float) -> str:
    from gp_tool.i18n.formatting import format_number  # noqa: PLC0415

    return format_number(value, language())
