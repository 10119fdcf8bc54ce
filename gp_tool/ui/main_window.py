"""The consultation window (ui-brief b.1–b.13): header, steps, the step's page, findings, status bar.

One window, the same regions always: the patient and case week (header), the eight steps, the page of
the current step, and the findings panel, which never closes. Every action is a QAction in one
registry (:attr:`MainWindow.actions_by_key`) with its shortcut; menus, the command palette (Ctrl+K) and
the help come from it, so what the screen says and what the keys do cannot drift apart.

Pages other than the first are built the first time they are shown. The rules run 300 ms after an
edit (and once the window is up); their findings go to the panel, the step list, the header and the
pages. Every change is saved as a draft within a second (:mod:`gp_tool.ui.drafts`), and reopening a
case restores the draft and the step exactly.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gp_tool.domain.problems import ProblemError
from gp_tool.i18n.catalog import LANGUAGES
from gp_tool.i18n.formatting import format_date
from gp_tool.storage.demo import demo_description, demo_names, load_demo
from gp_tool.storage.files import read_case_file
from gp_tool.ui import palette
from gp_tool.ui.document import CaseDocument, CaseSketch
from gp_tool.ui.header import HeaderBar
from gp_tool.ui.i18n import LANGUAGE_NAMES, _, active, language, next_language, set_language
from gp_tool.ui.pages import Analysis, StepPage, make_page, severity_word
from gp_tool.ui.steps import STEPS, step_index, step_of_field

if TYPE_CHECKING:  # the model loads after the first paint when the window opens with a CaseSketch
    from gp_tool.domain.case import Case

__all__ = ["ANALYSIS_DELAY_MS", "MainWindow", "UnsavedAnswer"]

UnsavedAnswer = Literal["save", "discard", "cancel"]
NUMBER_ROLE: Final = Qt.ItemDataRole.UserRole + 1
HINT_ROLE: Final = Qt.ItemDataRole.UserRole + 2
SEVERITY_ROLE: Final = Qt.ItemDataRole.UserRole + 3
COUNT_ROLE: Final = Qt.ItemDataRole.UserRole + 4
GREYED_ROLE: Final = Qt.ItemDataRole.UserRole + 5
STEP_LIST_WIDTH: Final = 272
ANALYSIS_DELAY_MS: Final = 300
ZOOM_STEPS: Final = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


STEP_TITLE_FLAGS: Final = (
    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
).value


def step_title(metrics: QFontMetrics, rect: QRect, index: QModelIndex | QPersistentModelIndex) -> str:
    """The step's title as drawn in ``rect``: whole when it fits on one or two lines, else elided."""
    title = str(index.data(Qt.ItemDataRole.DisplayRole))
    bound = metrics.boundingRect(rect, STEP_TITLE_FLAGS, title)
    if bound.height() <= rect.height() and bound.width() <= rect.width():
        return title
    return metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())


class StepDelegate(QStyledItemDelegate):
    """Draws a step: numbered circle, title, the worst finding's icon and count, the Ctrl+digit key.

    ``compact`` (a window under 1200 px, :mod:`gp_tool.ui.narrow`): the circle and the icon only.
    """

    compact = False

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if self.compact:
            return QSize(48, max(44, option.fontMetrics.height() + 22))
        # room for a title on two lines: long titles wrap at a word instead of being cut
        return QSize(
            STEP_LIST_WIDTH - 16,
            max(44, option.fontMetrics.height() + 22, 2 * option.fontMetrics.height() + 12),
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        from gp_tool.ui.icons import draw_shape  # noqa: PLC0415

        c = palette.current()
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        greyed = bool(index.data(GREYED_ROLE))
        rect: QRect = option.rect.adjusted(8, 2, -8, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.info.bg if selected else c.divider))
            painter.drawRoundedRect(rect, 6, 6)
        if selected:
            painter.setBrush(QColor(c.accent))
            painter.drawRoundedRect(QRect(rect.left(), rect.top() + 6, 4, rect.height() - 12), 2, 2)
        if focused and selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(c.focus), 2))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        text_colour = QColor(c.info.text if selected else (c.page_muted if greyed else c.page_text))
        muted_colour = QColor(c.info.muted if selected else c.page_muted)
        font = QFont(option.font)
        diameter = max(26, option.fontMetrics.height() + 8)
        left = rect.left() + (6 if self.compact else 14)
        circle = QRect(left, rect.center().y() - diameter // 2 + 1, diameter, diameter)
        painter.setPen(QPen(QColor(c.accent if selected else c.border), 1.5))
        painter.setBrush(QColor(c.accent) if selected else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        number_font = QFont(font)
        number_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(number_font)
        painter.setPen(QColor(c.on_accent) if selected else text_colour)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(index.data(NUMBER_ROLE)))
        if self.compact:  # the worst finding's icon at the circle's lower right; title in the tooltip
            severity = index.data(SEVERITY_ROLE)
            if severity:
                size = max(12, option.fontMetrics.height() - 2)
                icon_rect = QRect(circle.right() - size // 2, circle.bottom() - size + 2, size, size)
                role = c.role(str(severity))
                draw_shape(painter, str(severity), icon_rect.toRectF(), QColor(role.icon), QColor(c.page_bg))
            painter.restore()
            return
        # key hint, right-aligned, muted
        hint = str(index.data(HINT_ROLE))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        hint_width = metrics.horizontalAdvance(hint) + 4
        hint_rect = QRect(rect.right() - 10 - hint_width, rect.top(), hint_width, rect.height())
        painter.setPen(muted_colour)
        painter.drawText(hint_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, hint)
        # worst finding: icon shape and count (never colour alone)
        severity = index.data(SEVERITY_ROLE)
        badge_left = hint_rect.left()
        if severity:
            count = str(index.data(COUNT_ROLE) or "")
            size = metrics.height()
            count_width = metrics.horizontalAdvance(count) + 2
            badge_left = hint_rect.left() - 8 - size - 4 - count_width
            icon_rect = QRect(badge_left, rect.center().y() - size // 2, size, size)
            role = c.role(str(severity))
            draw_shape(painter, str(severity), icon_rect.toRectF(), QColor(role.icon), QColor(c.page_bg))
            painter.setPen(text_colour)
            painter.drawText(
                QRect(icon_rect.right() + 4, rect.top(), count_width, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                count,
            )
        # title: on one line, or wrapped at a word onto two; elided only when even that does not fit
        title_font = QFont(font)
        if selected:
            title_font.setWeight(QFont.Weight.DemiBold)
        title_font.setItalic(greyed and not selected)
        painter.setFont(title_font)
        left = circle.right() + 12
        title_rect = QRect(left, rect.top(), badge_left - 8 - left, rect.height())
        painter.setPen(text_colour)
        painter.drawText(title_rect, STEP_TITLE_FLAGS, step_title(painter.fontMetrics(), title_rect, index))
        painter.restore()


class MainWindow(QMainWindow):
    """One window, same regions always: header, steps, the current step's page, findings, status bar.

    Start-up shows the case first: the rules, the timeline drawing and the case store are not needed
    to see the patient, so they start right after the window's first paint (``first_painted``) and
    the findings follow a moment later (``analysed``); meanwhile the panel says it is checking.
    Opened with a :class:`~gp_tool.ui.document.CaseSketch` (a demo's JSON document), the header,
    the title and step 1 paint from the document (``case_painted``) and the case model is validated
    right after, before the rules run.
    """

    case_painted = Signal()  # the first frame, with the case, is on screen
    first_painted = Signal()
    analysed = Signal()

    def __init__(
        self,
        case: Case | CaseSketch,
        *,
        today: dt.date,
        demo: str | None = None,
        path: Path | None = None,
        drafts: Any = None,
        store: Any = None,
    ) -> None:
        super().__init__()
        self.today = today
        self.real_today = today  # the date the window was opened for; time travel (issue 9) moves today
        self.course_mode = False
        self.course_session: Any = None  # gp_tool.ui.course.CourseSession while a course case is open
        self.course_bar: Any = None
        self.teaching: Any = None
        self._real_sink: Any = None  # the draft sink put aside while a course keeps drafts in memory
        self.confirm_close = True  # ask about unsaved changes when closing (without a draft store)
        self.document = CaseDocument(case, path=path, demo=demo)
        self.analysis = Analysis()
        self.presenting = False
        self._zoom = 1.0
        self.setMinimumSize(1024, 640)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks)

        self.header = HeaderBar(self)
        self.header.milestone_activated.connect(lambda: self.go_to_step(step_index("timeline"), focus=True))
        self.steps = QListWidget(self)
        self.steps.setObjectName("steps")
        self.steps.setFixedWidth(STEP_LIST_WIDTH)
        self.steps.setItemDelegate(StepDelegate(self.steps))
        self.steps.setMouseTracking(True)
        self.steps.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.steps.setSpacing(0)
        for number in range(1, len(STEPS) + 1):
            item = QListWidgetItem(self.steps)
            item.setData(NUMBER_ROLE, number)
            item.setData(HINT_ROLE, f"Ctrl+{number}")
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("stack")
        self._pages: list[StepPage | None] = [None] * len(STEPS)
        for _index in range(len(STEPS)):
            self.stack.addWidget(QWidget(self.stack))  # stands in until the page is first shown
        self.steps.currentRowChanged.connect(self.go_to_step)
        self.steps.activated.connect(lambda index: self.go_to_step(index.row(), focus=True))

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self._central_layout = layout  # course mode adds its bar and teaching notes under the header
        self.setCentralWidget(central)

        from gp_tool.ui.findings import FindingsPanel  # noqa: PLC0415

        self.findings = FindingsPanel(self)
        self.findings.jump_requested.connect(self.jump_to_field)
        self.findings.set_evaluation(None)  # "Checking the case …" until the rules have run
        self.findings_dock = QDockWidget(self)
        self.findings_dock.setObjectName("findings")
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        from gp_tool.ui.narrow import FindingsDrawer  # noqa: PLC0415

        self.drawer = FindingsDrawer(self.findings, self.findings_dock)
        self.findings_dock.setWidget(self.drawer)
        self.findings_dock.setMinimumWidth(300)
        self.narrow = False
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)

        self.save_label = QLabel(self)
        self.save_label.setObjectName("status.save")
        self.readiness_label = QLabel(self)
        self.readiness_label.setObjectName("status.readiness")
        self.language_label = QLabel(self)
        self.language_label.setObjectName("status.language")
        self.palette_label = QLabel(self)
        self.palette_label.setObjectName("status.palette")
        self.simulated_label = QLabel(self)
        self.simulated_label.setObjectName("status.simulated")
        self.simulated_label.setProperty("role", "chip-warning")
        self.simulated_label.hide()
        self.statusBar().addWidget(self.save_label, 1)
        self.statusBar().addWidget(self.readiness_label, 1)
        self.statusBar().addPermanentWidget(self.simulated_label)
        self.statusBar().addPermanentWidget(self.language_label)
        self.statusBar().addPermanentWidget(self.palette_label)

        self._analysis_timer = QTimer(self)
        self._analysis_timer.setSingleShot(True)
        self._analysis_timer.setInterval(ANALYSIS_DELAY_MS)
        self._analysis_timer.timeout.connect(self._analysis_due)

        self.palette_panel: Any = None
        self.watermark: Any = None
        self.autosaver: Any = None
        self.drafts = drafts
        self.store = store
        self._build_actions()
        self.document.replaced.connect(self._case_replaced)
        self.document.edited.connect(self._case_edited)
        self.document.state_changed.connect(self._update_status)
        if drafts is not None:
            from gp_tool.ui.drafts import Autosaver  # noqa: PLC0415

            self.autosaver = Autosaver(self.document, drafts, self.current_step, self)
        self._painted = False
        self.stop_after_paint = False  # --exit-when-ready: nothing is started after the first paint
        central.installEventFilter(self)
        self._case_replaced()
        self.retranslate()
        self.go_to_step(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint and watched is self.centralWidget():
            self._painted = True
            self.case_painted.emit()
            if not self.stop_after_paint:
                QTimer.singleShot(0, self, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _analysis_due(self) -> None:
        if self.isVisible() and not self._painted:
            return  # shown but not painted yet: the first paint runs it (start-up shows the case first)
        self.run_analysis()

    def _after_first_paint(self) -> None:
        if not self.document.validated:
            self.document.validate()  # the same case, now as the model: header from the model too
            self._case_changed()
        self.run_analysis()
        self.first_painted.emit()

    # ------------------------------------------------------------------ pages
    @property
    def pages(self) -> list[StepPage]:
        """Every page, built now if not yet built (tests, self-test and the language check use it)."""
        return [self.page(i) for i in range(len(STEPS))]

    def page(self, index: int) -> StepPage:
        """The page of step ``index``, built the first time it is asked for."""
        page = self._pages[index]
        if page is None:
            page = make_page(index, self.document, self.stack)
            leaks = getattr(page, "leak_activated", None)
            if leaks is not None:
                leaks.connect(lambda path: self.jump_to_field(path, "BLOCK"))
            page.next_requested.connect(lambda: self.next_step(focus=True))
            page.previous_requested.connect(lambda: self.previous_step(focus=True))
            placeholder = self.stack.widget(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            if current == index:
                self.stack.setCurrentIndex(index)
            self._pages[index] = page
            # Step 1 reads the JSON document only, so it can show a sketch; other steps get the model.
            sketch_ok = STEPS[index].key == "patient" and not self.document.validated
            page.set_case(self.document.headline() if sketch_ok else self.document.case, self.today)  # type: ignore[arg-type]
            page.set_analysis(self.analysis)
            if self.analysis.evaluation is not None:  # else the first analysis installs it (after paint)
                self.install_help([page])
        return page

    def built_pages(self) -> list[StepPage]:
        return [p for p in self._pages if p is not None]

    # ------------------------------------------------------------------ actions and menus
    def _action(self, key: str, shortcuts: list[QKeySequence] | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName("action." + key)
        if shortcuts:
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        self.actions_by_key[key] = action
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.actions_by_key: dict[str, QAction] = {}
        self.open_action = self._action("open", [key(key.StandardKey.Open)])
        self.open_action.triggered.connect(self.open_case)
        self.open_file_action = self._action("open_file", [key("Ctrl+Shift+O")])
        self.open_file_action.triggered.connect(self.open_case_file)
        self.audit_action = self._action("audit")
        self.audit_action.triggered.connect(self.show_audit)
        self.local_services_action = self._action("local_services")
        self.local_services_action.triggered.connect(self.edit_local_services)
        self.save_action = self._action("save", [key(key.StandardKey.Save)])
        self.save_action.triggered.connect(self.save)
        self.save_as_action = self._action("save_as")  # Ctrl+Shift+S saves the notes as PDF (b.12)
        self.save_as_action.triggered.connect(self.save_as)
        self.revert_action = self._action("revert")
        self.revert_action.triggered.connect(self.revert_to_original)
        self.quit_action = self._action("quit", [key("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)
        self.demo_picker_action = self._action("demo_picker", [key("Ctrl+Shift+D")])
        self.demo_picker_action.triggered.connect(self.open_demo_picker)
        self.demo_actions: dict[str, QAction] = {}
        for name in demo_names():
            action = self._action("demo." + name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_demo(n))
            self.demo_actions[name] = action

        self.print_action = self._action("print", [key(key.StandardKey.Print)])
        self.print_action.triggered.connect(self.print_notes)
        self.copy_record_action = self._action("copy_record", [key("Ctrl+Shift+C")])
        self.copy_record_action.triggered.connect(self.copy_to_record)
        self.save_pdfs_action = self._action("save_pdfs", [key("Ctrl+Shift+S")])
        self.save_pdfs_action.triggered.connect(self.save_notes_as_pdf)
        self.palette_action = self._action("palette", [key("Ctrl+K")])
        self.palette_action.triggered.connect(self.open_command_palette)
        self.step_actions: list[QAction] = []
        for i in range(len(STEPS)):
            action = self._action(f"step.{i + 1}", [key(f"Ctrl+{i + 1}")])
            action.triggered.connect(lambda _checked=False, n=i: self.go_to_step(n, focus=True))
            self.step_actions.append(action)
        self.next_step_action = self._action(
            "next_step", [key("Ctrl+Return"), key("Ctrl+Enter"), key("Alt+Right"), key("Ctrl+PgDown")]
        )
        self.next_step_action.triggered.connect(lambda: self.next_step(focus=True))
        self.previous_step_action = self._action(
            "previous_step",
            [key("Ctrl+Shift+Return"), key("Ctrl+Shift+Enter"), key("Alt+Left"), key("Ctrl+PgUp")],
        )
        self.previous_step_action.triggered.connect(lambda: self.previous_step(focus=True))
        self.next_finding_action = self._action("next_finding", [key("F8")])
        self.next_finding_action.triggered.connect(lambda: self.visit_finding(1))
        self.previous_finding_action = self._action("previous_finding", [key("Shift+F8")])
        self.previous_finding_action.triggered.connect(lambda: self.visit_finding(-1))
        self.next_region_action = self._action("next_region", [key("F6")])
        self.next_region_action.triggered.connect(lambda: self.cycle_region(1))
        self.previous_region_action = self._action("previous_region", [key("Shift+F6")])
        self.previous_region_action.triggered.connect(lambda: self.cycle_region(-1))

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in LANGUAGES:
            action = self._action("language." + lang)
            action.setText(LANGUAGE_NAMES[lang])
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, lg=lang: self.set_language(lg))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.next_language_action = self._action("next_language", [key("Ctrl+Shift+L")])
        self.next_language_action.triggered.connect(lambda: self.set_language(next_language()))
        self.presenter_action = self._action("presenter", [key("F5")])
        self.presenter_action.setCheckable(True)
        self.presenter_action.triggered.connect(self.set_presenting)
        self.zoom_in_action = self._action("zoom_in", [key(key.StandardKey.ZoomIn), key("Ctrl+=")])
        self.zoom_in_action.triggered.connect(lambda: self.zoom(1))
        self.zoom_out_action = self._action("zoom_out", [key(key.StandardKey.ZoomOut)])
        self.zoom_out_action.triggered.connect(lambda: self.zoom(-1))
        self.zoom_reset_action = self._action("zoom_reset", [key("Ctrl+0")])
        self.zoom_reset_action.triggered.connect(lambda: self.zoom(0))
        self.about_action = self._action("about")
        self.about_action.triggered.connect(self.show_about)
        self.keys_action = self._action("keys")
        self.keys_action.triggered.connect(self.show_keys)
        self.field_help_action = self._action("field_help", [key(key.StandardKey.HelpContents)])
        self.field_help_action.triggered.connect(self.show_field_help)  # F1 (b.12); no field: the keys
        from PySide6.QtWidgets import QWhatsThis  # noqa: PLC0415

        self.whats_this_action = QWhatsThis.createAction(self)  # Shift+F1: the same help, by pointing
        self.whats_this_action.setObjectName("action.whats_this")
        self.whats_this_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.whats_this_action)
        self.actions_by_key["whats_this"] = self.whats_this_action
        self.field_help: Any = None
        self.activity_action = self._action("activity", [key("Ctrl+Shift+A")])  # the 8-week point (issue 10)
        self.activity_action.triggered.connect(lambda: self.show_activity(focus=True))

        # course mode (issue 9): the menu, time travel and the model answer (gp_tool.ui.course)
        self.course_mode_action = self._action("course_mode")
        self.course_mode_action.setCheckable(True)
        self.course_mode_action.triggered.connect(self.set_course_mode)
        self.course_picker_action = self._action("course_picker", [key("Ctrl+Shift+K")])
        self.course_picker_action.triggered.connect(self.open_course_picker)
        self.course_file_action = self._action("course_file")
        self.course_file_action.triggered.connect(self.open_course_file)
        self.course_actions: dict[str, QAction] = {}
        from gp_tool.storage.courses import course_names  # noqa: PLC0415 (lists a folder; no model)

        for name in course_names():
            action = self._action("course." + name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_course(n))
            self.course_actions[name] = action
        self.week_on_action = self._action("week_on", [key("Ctrl+Shift+PgDown")])
        self.week_on_action.triggered.connect(lambda: self.step_today(7))
        self.week_back_action = self._action("week_back", [key("Ctrl+Shift+PgUp")])
        self.week_back_action.triggered.connect(lambda: self.step_today(-7))
        self.next_station_action = self._action("next_station", [key("F9")])
        self.next_station_action.triggered.connect(lambda: self.step_station(1))
        self.previous_station_action = self._action("previous_station", [key("Shift+F9")])
        self.previous_station_action.triggered.connect(lambda: self.step_station(-1))
        self.real_date_action = self._action("real_date")
        self.real_date_action.triggered.connect(lambda: self.set_today(self.real_today))
        self.time_travel_action = self._action("time_travel", [key("Ctrl+Shift+T")])
        self.time_travel_action.triggered.connect(self.focus_date)
        self.teaching_action = self._action("teaching_notes")
        self.teaching_action.setCheckable(True)
        self.teaching_action.setChecked(True)
        self.teaching_action.triggered.connect(self.set_teaching_notes)
        self.compare_action = self._action("compare", [key("Ctrl+Shift+M")])
        self.compare_action.triggered.connect(self.compare_with_model)
        self.model_action = self._action("model_answer")
        self.model_action.setCheckable(True)
        self.model_action.triggered.connect(self.set_showing_model)
        self.handout_action = self._action("handout")
        self.handout_action.triggered.connect(self.save_handout)

        bar = self.menuBar()
        self.file_menu = QMenu(bar)
        self.demo_menu = QMenu(self.file_menu)
        self.demo_menu.addActions(list(self.demo_actions.values()))
        self.file_menu.addActions([self.open_action, self.open_file_action])
        self.file_menu.addMenu(self.demo_menu)
        self.file_menu.addAction(self.demo_picker_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action, self.revert_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.audit_action)
        self.file_menu.addAction(self.local_services_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.consultation_menu = QMenu(bar)
        self.step_menu = QMenu(self.consultation_menu)
        self.step_menu.addActions(self.step_actions)
        self.consultation_menu.addActions([self.next_step_action, self.previous_step_action])
        self.consultation_menu.addMenu(self.step_menu)
        self.consultation_menu.addSeparator()
        self.consultation_menu.addActions([self.next_finding_action, self.previous_finding_action])
        self.consultation_menu.addAction(self.activity_action)
        self.consultation_menu.addSeparator()
        self.consultation_menu.addActions([self.print_action, self.save_pdfs_action, self.copy_record_action])
        self.view_menu = QMenu(bar)
        self.language_menu = QMenu(self.view_menu)
        self.language_menu.addActions(list(self.language_actions.values()))
        self.language_menu.addSeparator()
        self.language_menu.addAction(self.next_language_action)
        self.view_menu.addMenu(self.language_menu)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.presenter_action, self.zoom_in_action, self.zoom_out_action])
        self.view_menu.addAction(self.zoom_reset_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.palette_action, self.next_region_action, self.previous_region_action])
        self.help_menu = QMenu(bar)
        self.help_menu.addActions(
            [self.field_help_action, self.whats_this_action, self.keys_action, self.about_action]
        )
        self.course_menu = QMenu(bar)
        self.course_menu.setObjectName("menu.course")
        self.course_menu.addAction(self.course_mode_action)
        self.course_menu.addSeparator()
        self.course_cases_menu = QMenu(self.course_menu)
        self.course_cases_menu.addActions(list(self.course_actions.values()))
        self.course_cases_menu.aboutToShow.connect(self._title_course_actions)
        self.course_menu.addMenu(self.course_cases_menu)
        self.course_menu.addActions([self.course_picker_action, self.course_file_action])
        self.course_menu.addSeparator()
        self.course_menu.addActions(
            [
                self.time_travel_action,
                self.week_on_action,
                self.week_back_action,
                self.next_station_action,
                self.previous_station_action,
                self.real_date_action,
            ]
        )
        self.course_menu.addSeparator()
        self.course_menu.addActions(
            [self.teaching_action, self.compare_action, self.model_action, self.handout_action]
        )
        for menu in (
            self.file_menu,
            self.consultation_menu,
            self.view_menu,
            self.course_menu,
            self.help_menu,
        ):
            bar.addMenu(menu)
        self._update_course_actions()

    # ------------------------------------------------------------------ language
    def set_language(self, lang: str) -> None:
        """Switch the whole application to ``lang`` now (no restart)."""
        set_language(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.run_analysis()  # findings are written in the language too
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Re-set the window's own texts; pages and header do theirs on the same LanguageChange."""
        self.file_menu.setTitle(_("&File"))
        self.open_action.setText(_("&Open case…") if self.store is None else _("&Open from the case list…"))
        self.open_file_action.setText(_("Open case &file…"))
        self.audit_action.setText(_("Own &practice (self-audit)…"))
        self.audit_action.setEnabled(self.store is not None and not self.course_mode)
        self.local_services_action.setText(_("Local ser&vices…"))
        self.demo_menu.setTitle(_("Open &demo case"))
        self.demo_picker_action.setText(_("Choose a demo case…"))
        for name, action in self.demo_actions.items():
            description = demo_description(name)
            action.setText(f"{name} – {_(description)}" if description else name)
        self.save_action.setText(_("&Save"))
        self.save_as_action.setText(_("Save &as…"))
        self.revert_action.setText(_("&Revert to the original"))
        self.quit_action.setText(_("&Quit"))
        self.consultation_menu.setTitle(_("&Consultation"))
        self.step_menu.setTitle(_("&Go to step"))
        for i, (step, action) in enumerate(zip(STEPS, self.step_actions, strict=True)):
            action.setText(f"&{i + 1} {_(step.title)}")
        self.next_step_action.setText(_("Ne&xt step"))
        self.previous_step_action.setText(_("P&revious step"))
        self.next_finding_action.setText(_("Next &finding's field"))
        self.previous_finding_action.setText(_("Previous finding's fi&eld"))
        self.activity_action.setText(_("8-&week point and dialogue"))
        self.print_action.setText(_("&Print the notes"))
        self.copy_record_action.setText(_("&Copy the journal text"))
        self.save_pdfs_action.setText(_("Save the notes as P&DF…"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.next_language_action.setText(_("&Next language"))
        self.presenter_action.setText(_("&Presenter mode"))
        self.zoom_in_action.setText(_("Zoom &in"))
        self.zoom_out_action.setText(_("Zoom &out"))
        self.zoom_reset_action.setText(_("&Actual size"))
        self.palette_action.setText(_("Command &palette…"))
        self.next_region_action.setText(_("Next &region"))
        self.previous_region_action.setText(_("Previous r&egion"))
        self.course_menu.setTitle(_("Co&urse"))
        self.course_mode_action.setText(_("Course &mode (fictional patients only)"))
        self.course_cases_menu.setTitle(_("Open a &course case"))
        self.course_picker_action.setText(_("Choose a course case…"))
        self.course_file_action.setText(_("Open a course case &file…"))
        for name, action in self.course_actions.items():
            action.setText(name)  # titles are read when the menu opens (start-up reads no course file)
        self.time_travel_action.setText(_("Simulated &date…"))
        self.week_on_action.setText(_("One &week on"))
        self.week_back_action.setText(_("One week &back"))
        self.next_station_action.setText(_("&Next consultation"))
        self.previous_station_action.setText(_("&Previous consultation"))
        self.real_date_action.setText(_("&Real date"))
        self.teaching_action.setText(_("&Teaching notes"))
        self.compare_action.setText(_("Compare with the model &answer…"))
        self.model_action.setText(_("Show the m&odel answer"))
        self.handout_action.setText(_("Save the &handout as PDF…"))
        if self.course_bar is not None:
            self.course_bar.retranslate()
            self._update_course_bar()
        if self.teaching is not None:
            self._update_teaching()
        self.help_menu.setTitle(_("&Help"))
        self.keys_action.setText(_("&Keyboard shortcuts"))
        self.field_help_action.setText(_("&Help for this field"))
        self.whats_this_action.setText(_("&What's this?"))
        self.about_action.setText(_("&About Arbeidsfokus"))
        self.language_actions[language()].setChecked(True)
        self.steps.setAccessibleName(_("Steps"))
        self.findings_dock.setWindowTitle(_("Findings"))
        self._update_step_items()
        self._update_title()
        self._update_status()

    # ------------------------------------------------------------------ case
    def _case_replaced(self) -> None:
        self._activity_offered = False  # the 8-week view may open on its own for the new case
        for page in self.built_pages():
            page.set_case(self.document.case, self.today)
        self._case_changed()
        self._restore_draft()
        if self.presenting and not self._fictional():
            self.set_presenting(False)
            self.statusBar().showMessage(_("Presenter mode ended: the case opened is not fictional."), 8000)
        self._analysis_timer.start(0)

    def _case_edited(self, path: str) -> None:
        for page in self.built_pages():
            page.case_edited(path)
        self._case_changed()
        self._analysis_timer.start()

    def _case_changed(self) -> None:
        headline: Any = self.document.headline()  # a CaseSketch until validated (same attributes)
        self.header.set_case(
            headline,
            self.today,
            demo=self.document.demo is not None,
            course=self.course_mode or self.course_session is not None,
        )
        self._update_title()

    def run_analysis(self) -> None:
        """Run the rules and the timeline on the current case and show the results everywhere."""
        from gp_tool.ui.caseinfo import evaluate, timeline  # noqa: PLC0415

        self._analysis_timer.stop()
        case = self.document.case
        evaluation = evaluate(case, self.today, language())
        view = evaluation.timeline
        if view is None:
            try:
                view = timeline(case, self.today)
            except Exception:  # the timeline must never take the consultation down
                view = None
        self.analysis = Analysis(evaluation, view)
        self.header.set_timeline(view)
        self.findings.set_evaluation(self.analysis.evaluation)
        findings = evaluation.findings if evaluation is not None else ()
        self.drawer.rail.set_counts(
            {s: sum(1 for f in findings if f.severity == s) for s in ("BLOCK", "WARN", "INFO")}
        )
        for page in self.built_pages():
            page.set_analysis(self.analysis)
        self.install_help(self.built_pages())  # after set_analysis: the questions step rebuilds its inputs
        self._update_step_items()
        self._update_status()
        self._offer_activity()
        self.analysed.emit()

    def _update_title(self) -> None:
        name = self.document.headline().patient.name or _("Unnamed patient")
        title = _("Arbeidsfokus – {name}").format(name=name)
        if self.course_mode or self.course_session is not None:
            title += " [" + _("COURSE") + "]"
        elif self.document.demo is not None:
            title += " [DEMO]"
        self.setWindowTitle(title)

    def _update_step_items(self) -> None:
        evaluation = self.analysis.evaluation
        per_step: dict[int, list[str]] = {}
        if evaluation is not None:
            for finding in evaluation.findings:
                targets = {step_of_field(f) for f in finding.fields} or {step_index("decision")}
                for target in targets:
                    per_step.setdefault(target, []).append(finding.severity)
        questions = step_index("nav_questions")
        due = evaluation.questions_due if evaluation is not None else ()
        for i, step in enumerate(STEPS):
            item = self.steps.item(i)
            title = _(step.title)
            severities = per_step.get(i, [])
            worst = min(severities, key=lambda s: {"BLOCK": 0, "WARN": 1, "INFO": 2}.get(s, 3), default=None)
            item.setText(title)
            item.setData(SEVERITY_ROLE, worst)
            item.setData(COUNT_ROLE, len(severities) if severities else None)
            greyed = i == questions and evaluation is not None and not due
            item.setData(GREYED_ROLE, greyed)
            tip = _("Step {number}: {title} (Ctrl+{number})").format(number=i + 1, title=title)
            if greyed:
                tip += "\n" + _("Not due with this note.")
            if worst is not None:
                tip += "\n" + f"{severity_word(worst)}: {len(severities)}"
            item.setToolTip(tip)
            accessible = f"{i + 1} {title}, Ctrl+{i + 1}"
            if worst is not None:
                accessible += f", {severity_word(worst)} {len(severities)}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)

    def save_state_text(self) -> str:
        doc = self.document
        if doc.draft_error:
            return _("Not saved: {reason}").format(reason=doc.draft_error)
        if doc.dirty and self.autosaver is not None:
            if self.autosaver.pending:
                return _("Saving …")
            if doc.draft_saved_at is not None:
                return _("Draft saved {time}").format(time=doc.draft_saved_at.strftime("%H:%M:%S"))
        if doc.dirty:
            return _("Not saved")
        if doc.saved_at is not None:
            return _("Saved {time}").format(time=doc.saved_at.strftime("%H:%M"))
        return _("No unsaved changes")

    def readiness_text(self) -> str:
        evaluation = self.analysis.evaluation
        if evaluation is None or evaluation.error:
            return ""
        blocks = sum(1 for f in evaluation.findings if f.severity == "BLOCK")
        warns = sum(1 for f in evaluation.findings if f.severity == "WARN")
        if not blocks and not warns:
            return "✓ " + _("Ready to print")
        return _("{blocks} stop · {warnings} warnings").format(blocks=blocks, warnings=warns)

    def _update_status(self) -> None:
        self.save_label.setText(self.save_state_text())
        dirty = self.document.dirty and (self.autosaver is None or bool(self.document.draft_error))
        self.save_label.setProperty("role", "save-dirty" if dirty else "")
        self.save_label.style().unpolish(self.save_label)
        self.save_label.style().polish(self.save_label)
        self.readiness_label.setText(self.readiness_text())
        self.language_label.setText(_("Language: {language}").format(language=LANGUAGE_NAMES[language()]))
        self.palette_label.setText(_("Ctrl+K: commands"))

    # ------------------------------------------------------------------ drafts
    def _restore_draft(self) -> None:
        if self.autosaver is None:
            return
        draft = self.autosaver.sink.load(self.autosaver.key)
        if draft is None or draft.case == self.document.case:
            return
        self.document.case = draft.case
        self.document.dirty = True
        self.document.draft_saved_at = draft.saved_at
        for page in self.built_pages():
            page.set_case(self.document.case, self.today)
        self._case_changed()
        QTimer.singleShot(0, self, lambda: self.go_to_step(draft.step))
        self.statusBar().showMessage(
            _("Restored the unsaved work from {time}. File → Revert to the original starts over.").format(
                time=draft.saved_at.strftime("%d.%m %H:%M")
            ),
            15000,
        )
        self.document.state_changed.emit()

    def revert_to_original(self) -> None:
        """Forget the draft and reload the case from its file or demo."""
        if self.autosaver is not None:
            self.autosaver.discard()
        doc = self.document
        if self.course_session is not None:
            from gp_tool.domain.course import Version  # noqa: PLC0415

            session = self.course_session
            version = Version.MODEL if session.showing_model else Version.START
            doc.replace(session.course.case_at(session.index, version), demo=doc.demo)
        elif doc.path is not None:
            self.open_path(doc.path)
        elif doc.demo is not None:
            doc.replace(load_demo(doc.demo, self.today), demo=doc.demo)

    # ------------------------------------------------------------------ the 8-week point (issue 10)
    activity_panel: Any = None
    _activity_offered = False

    def show_activity(self, *, focus: bool = True) -> None:
        """Ctrl+Shift+A: the 8-week point and dialogue view, over the lower part of the page."""
        from gp_tool.ui.page_activity import ActivityPanel  # noqa: PLC0415

        if self.activity_panel is None:
            self.activity_panel = ActivityPanel(self)
        self.activity_panel.show_view(self.today, focus=focus)

    def _offer_activity(self) -> None:
        """Open the view on its own, once per opened case, when a dialogue point is due (weeks 6–9 …)."""
        if self._activity_offered:
            return
        self._activity_offered = True
        from gp_tool.rules.activity import point_due  # noqa: PLC0415

        try:
            due = point_due(self.document.case, self.today)
        except Exception:
            return
        if due is not None:
            self.show_activity(focus=False)
        elif self.activity_panel is not None and not self.activity_panel.has_focus():
            self.activity_panel.hide()  # the new case is not at a dialogue point

    # ------------------------------------------------------------------ steps
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def go_to_step(self, index: int, *, focus: bool = False) -> None:
        index = max(0, min(len(STEPS) - 1, index))
        page = self.page(index)
        if self.stack.currentIndex() != index:
            self.stack.setCurrentIndex(index)
            if self.autosaver is not None:
                self.autosaver.step_changed()
        if self.steps.currentRow() != index:
            self.steps.setCurrentRow(index)
        if self.teaching is not None:
            self._update_teaching()
        if focus:
            page.first_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def next_step(self, *, focus: bool = False) -> None:
        self.go_to_step(self.current_step() + 1, focus=focus)

    def previous_step(self, *, focus: bool = False) -> None:
        self.go_to_step(self.current_step() - 1, focus=focus)

    def jump_to_field(self, path: str, severity: str = "INFO") -> bool:
        """Open the step of case field ``path``, focus its input and outline it (finding → field)."""
        if path.startswith(("activity_requirement", "patient_part")):  # the 8-week view (issue 10)
            self.show_activity(focus=False)
            if self.activity_panel.view.focus_field(path):
                return True
        index = step_of_field(path) if path else step_index("decision")
        self.go_to_step(index)
        page = self.page(index)
        if path and page.focus_field(path, severity):
            return True
        page.first_focus.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def visit_finding(self, direction: int) -> None:
        """F8 / Shift+F8: the field of the next / previous finding."""
        tree = self.findings.tree
        count = tree.topLevelItemCount()
        if not count:
            return
        current = tree.currentItem()
        while current is not None and current.parent() is not None:
            current = current.parent()
        row = tree.indexOfTopLevelItem(current) if current is not None else -1
        row = (row + direction) % count
        item = tree.topLevelItem(row)
        if item is None:
            return
        tree.setCurrentItem(item)
        finding = tree.finding_of(item)
        fields = getattr(finding, "fields", ())
        self.jump_to_field(fields[0] if fields else "", getattr(finding, "severity", "INFO"))

    def cycle_region(self, direction: int) -> None:
        """F6 / Shift+F6: header, steps, form, findings (ui-brief b.12)."""
        regions: list[QWidget] = [
            self.header.milestone_chip if self.header.milestone_chip.isVisible() else self.steps,
            self.steps,
            self.page(self.current_step()).first_focus,
            self.findings.tree,
        ]
        focus = QApplication.focusWidget()
        at = 0
        for i, region in enumerate(regions):
            if focus is not None and (focus is region or region.isAncestorOf(focus)):
                at = i
        target = regions[(at + direction) % len(regions)]
        if target is self.findings.tree and not self.drawer.expanded:
            self.drawer.open_drawer()  # narrow window: F6 opens the folded findings
            return
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ palette, presenter, zoom
    def commands(self) -> list[Any]:
        """Everything the command palette offers: steps, actions with their keys, demos, languages."""
        from gp_tool.ui.command_palette import Command  # noqa: PLC0415

        commands = [
            Command(
                _("Go to step {number}: {title}").format(number=i + 1, title=_(step.title)),
                functools.partial(self.go_to_step, i, focus=True),
                f"Ctrl+{i + 1}",
            )
            for i, step in enumerate(STEPS)
        ]
        skip = {"palette", "demo_picker"} | {f"step.{i + 1}" for i in range(len(STEPS))}
        for key, action in self.actions_by_key.items():
            if key in skip or key.startswith(("demo.", "course.")) or not action.text():
                continue
            commands.append(
                Command(
                    action.text(),
                    action.trigger,
                    action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
        return commands

    def open_command_palette(self) -> None:
        """Ctrl+K: every step and action."""
        self.open_palette(None)

    def open_palette(self, commands: list[Any] | None = None) -> None:
        if self.palette_panel is None:
            from gp_tool.ui.command_palette import CommandPalette  # noqa: PLC0415

            self.palette_panel = CommandPalette(self)
        self.palette_panel.open(commands if commands is not None else self.commands())

    def open_demo_picker(self) -> None:
        """Ctrl+Shift+D: the palette, listing the demo cases with their one-line descriptions."""
        from gp_tool.ui.command_palette import Command  # noqa: PLC0415

        self.open_palette(
            [
                Command(f"{name} – {_(demo_description(name))}", functools.partial(self.open_demo, name))
                for name in demo_names()
            ]
        )

    def _fictional(self) -> bool:
        from gp_tool.ui.caseinfo import is_fictional  # noqa: PLC0415

        return is_fictional(self.document.case, self.document.demo)

    def set_presenting(self, on: bool) -> bool:
        """Presenter mode on or off; refused (False) for a case that is not fictional."""
        app = QApplication.instance()
        if on and not self._fictional():
            self.presenter_action.setChecked(False)
            self.statusBar().showMessage(
                _("Presenter mode shows fictional patients only: open a demo or course case first."), 10000
            )
            return False
        self.presenting = on
        self.presenter_action.setChecked(on)
        if self.watermark is None:
            from gp_tool.ui.presenter import Watermark  # noqa: PLC0415

            self.watermark = Watermark(self.centralWidget() or self)
        self.watermark.setVisible(on)
        self.watermark.raise_()
        if isinstance(app, QApplication):
            from gp_tool.ui.presenter import PRESENTER_SCALE  # noqa: PLC0415

            palette.force_dark(app, False if on else None)
            palette.set_scale(app, self._zoom * (PRESENTER_SCALE if on else 1.0))
            self.refresh_fonts()
        self.header.set_presenting(on)
        return True

    def zoom(self, direction: int) -> None:
        """Ctrl+plus / Ctrl+minus / Ctrl+0: 80–200 % (ui-brief b.11)."""
        if direction == 0:
            self._zoom = 1.0
        else:
            steps = [
                z for z in ZOOM_STEPS if (z > self._zoom + 1e-6 if direction > 0 else z < self._zoom - 1e-6)
            ]
            if steps:
                self._zoom = steps[0] if direction > 0 else steps[-1]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            from gp_tool.ui.presenter import PRESENTER_SCALE  # noqa: PLC0415

            palette.set_scale(app, self._zoom * (PRESENTER_SCALE if self.presenting else 1.0))
            self.refresh_fonts()

    def refresh_fonts(self) -> None:
        """Re-derive heading fonts from the (scaled) application font and redraw."""
        from gp_tool.ui.widgets import heading_font  # noqa: PLC0415

        base = QApplication.font()
        for widget in self.findChildren(QWidget):
            scale = widget.property("heading_scale")
            if scale:
                widget.setFont(heading_font(base, float(scale)))
        from gp_tool.ui.narrow import COMPACT_STEPS_WIDTH  # noqa: PLC0415

        self.narrow = not self._is_narrow()  # re-apply the layout at the new scale
        self.set_narrow(not self.narrow)
        width = COMPACT_STEPS_WIDTH if self.narrow else STEP_LIST_WIDTH
        self.steps.setFixedWidth(int(width * palette.scale()))
        self.steps.reset()
        self.update()

    # ------------------------------------------------------------------ course mode (issue 9)
    def _course_title(self, name: str) -> str:
        from gp_tool.storage.courses import load_course  # noqa: PLC0415

        try:
            return f"{name} – {load_course(name).title.get(language())}"
        except ProblemError:
            return name

    def _title_course_actions(self) -> None:
        for name, action in self.course_actions.items():
            action.setText(self._course_title(name))

    def _refuse_in_course(self, path: Path | None = None) -> None:
        text = _(
            "Course mode shows fictional patients only. Turn course mode off (Course menu) to open patients."
        )
        if path is not None:
            text = _("{path} was not opened: it names a real patient.").format(path=path) + " " + text
        self.statusBar().showMessage(text, 12000)

    def set_course_mode(self, on: bool) -> bool:
        """Course mode on or off: fictional patients only, presenter type sizes, the watermark everywhere."""
        on = bool(on)
        if on and not self.course_mode and not self._fictional():
            from gp_tool.storage.courses import course_names  # noqa: PLC0415

            names = course_names()
            if not names or not self._confirm_discard():
                self.course_mode_action.setChecked(False)
                return False
            self.course_mode = True  # before opening: the course case opens in course mode
            self.open_course(names[0])
        self.course_mode = on
        self.document.course_mode = on
        self.course_mode_action.setChecked(on)
        if on != self.presenting:
            self.set_presenting(on)
        if not on and self.today != self.real_today and self.course_session is None:
            self.set_today(self.real_today)  # a course case keeps its own calendar
        self._update_course_ui()
        self._case_changed()
        for page in self.built_pages():
            page.set_analysis(self.analysis)  # the notes step draws the watermark now
        return True

    def open_course_picker(self) -> None:
        """Ctrl+Shift+K: the palette, listing the course cases with their titles."""
        from gp_tool.storage.courses import course_names  # noqa: PLC0415
        from gp_tool.ui.command_palette import Command  # noqa: PLC0415

        self.open_palette(
            [
                Command(self._course_title(name), functools.partial(self.open_course, name))
                for name in course_names()
            ]
        )

    def open_course(self, name: str) -> bool:
        """Open the shipped course case ``name`` at its first consultation (course mode turns on)."""
        from gp_tool.storage.courses import load_course  # noqa: PLC0415

        try:
            course = load_course(name)
        except ProblemError as exc:
            self._show_problems(
                _("Could not open the course case"), "", [p.render(active().gettext) for p in exc.problems]
            )
            return False
        return self.start_course(name, course)

    def open_course_file(self) -> None:
        path = self._ask_open_path()
        if path is not None:
            self.open_course_path(path)

    def open_course_path(self, path: Path) -> bool:
        """Open a course case file (a trainer's own); bad files are refused with their problems."""
        from gp_tool.storage.courses import read_course_file  # noqa: PLC0415

        try:
            course = read_course_file(path)
        except ProblemError as exc:
            self._show_problems(
                _("Could not open the course case"),
                _("{path} was not opened. The case you had open is unchanged.").format(path=path),
                [p.render(active().gettext) for p in exc.problems],
            )
            return False
        return self.start_course(path.stem, course)

    def start_course(self, name: str, course: Any) -> bool:
        if not self._confirm_discard():
            return False
        from gp_tool.ui.course import CourseSession  # noqa: PLC0415

        self._leave_course_session()
        session = CourseSession(name, course)
        self.course_session = session
        if self.autosaver is None:
            from gp_tool.ui.drafts import Autosaver  # noqa: PLC0415

            self.autosaver = Autosaver(self.document, session.sink, self.current_step, self)
        else:
            self._real_sink = self.autosaver.sink
            self.autosaver.sink = session.sink
        if not self.course_mode:
            self.course_mode = True
            self.document.course_mode = True
            self.course_mode_action.setChecked(True)
            if not self.presenting:
                self.set_presenting(True)
        self.today = course.stations[0].date
        self._open_station(0)
        return True

    def _leave_course_session(self) -> None:
        """Close the course case (its drafts go with it); the ordinary draft sink comes back."""
        session = self.course_session
        if session is None:
            return
        self.course_session = None
        if self.autosaver is not None:
            self.autosaver.flush()
            if self._real_sink is not None:
                self.autosaver.sink = self._real_sink
            self._real_sink = None
        self.today = self.real_today
        self._update_course_ui()

    def _open_station(self, index: int, *, model: bool = False) -> None:
        """Show consultation ``index``: the participant's case (their work so far), or the model answer."""
        session = self.course_session
        if session is None:
            return
        if self.autosaver is not None:
            self.autosaver.flush()
        if session.showing_model:
            session.sink.discard("demo-" + session.demo_name(session.index, model=True))
        session.index = index
        session.showing_model = model
        session.visited.add(index)
        case = session.model_case(index) if model else session.course.case_at(index)
        self.document.replace(case, demo=session.demo_name(index, model=model))
        self.model_action.setChecked(model)
        self.run_analysis()  # now, not on the next turn of the loop: the trainer sees the new point at once
        self._update_course_ui()

    def set_today(self, day: dt.date) -> None:
        """Time travel: ``day`` is "today" for the case; with a course case it also picks the consultation."""
        if day == self.today and (
            self.course_session is None
            or self.course_session.course.station_index_on(day) == self.course_session.index
        ):
            return
        self.today = day
        session = self.course_session
        if session is not None:
            index = session.course.station_index_on(day)
            if index != session.index:
                self._open_station(index)
                return
        self._activity_offered = False
        for page in self.built_pages():
            page.set_case(self.document.case, self.today)
        if self.activity_panel is not None and self.activity_panel.isVisible():
            self.activity_panel.show_view(self.today, focus=False)
        self._case_changed()
        self.run_analysis()
        self._update_course_ui()

    def step_today(self, days: int) -> None:
        """Ctrl+Shift+PgDn / PgUp: one week on or back (course mode, or a simulated date)."""
        if self.course_mode or self.today != self.real_today:
            self.set_today(self.today + dt.timedelta(days=days))

    def step_station(self, direction: int) -> None:
        """F9 / Shift+F9: the next / previous consultation of the course case (its date becomes today)."""
        session = self.course_session
        if session is None:
            return
        index = max(0, min(len(session.course.stations) - 1, session.index + direction))
        self.set_today(session.course.stations[index].date)

    def focus_date(self) -> None:
        """Ctrl+Shift+T: the simulated date (course mode turns on for a fictional case)."""
        if not self.course_mode and not self.set_course_mode(True):
            return
        if self.course_bar is not None:
            edit = self.course_bar.date_edit
            edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            edit.selectAll()

    def set_teaching_notes(self, on: bool) -> None:
        self.teaching_action.setChecked(bool(on))
        if self.teaching is not None:
            self.teaching.show_notes = bool(on)
            self._update_teaching()

    def set_showing_model(self, on: bool) -> None:
        """Show the model answer of this consultation, or go back to the participant's own."""
        session = self.course_session
        if session is None:
            self.model_action.setChecked(False)
            return
        if bool(on) != session.showing_model:
            self._open_station(session.index, model=bool(on))

    def compare_with_model(self) -> Any:
        """Ctrl+Shift+M: the participant's answer beside the model answer, step by step."""
        session = self.course_session
        if session is None:
            self.statusBar().showMessage(_("Open a course case first (Course menu)."), 8000)
            return None
        if self.autosaver is not None:
            self.autosaver.flush()
        from gp_tool.ui.course import CompareDialog  # noqa: PLC0415

        current = None if session.showing_model else self.document.case
        dialog = CompareDialog(session, current, self)
        self._exec_dialog(dialog)
        return dialog

    def _exec_dialog(self, dialog: Any) -> None:
        dialog.exec()

    def save_handout(self, path: Path | None = None) -> Path | None:
        """The one-page handout of the open course case, as a PDF (asks where when ``path`` is None)."""
        session = self.course_session
        if session is None:
            self.statusBar().showMessage(_("Open a course case first (Course menu)."), 8000)
            return None
        if path is None:
            path = self._ask_pdf_path(f"{session.slug}-handout.pdf")
            if path is None:
                return None
        from gp_tool.documents.handout import save_handout  # noqa: PLC0415

        try:
            save_handout(path, session.course, language(), name=session.name)
        except OSError as exc:
            self._show_problems(_("Could not save the handout"), str(path), [exc.strerror or str(exc)])
            return None
        self.statusBar().showMessage(_("Saved the handout: {path}").format(path=path), 8000)
        return path

    def _ask_pdf_path(self, suggested: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        result = QFileDialog.getSaveFileName(
            self, _("Save the handout"), str(Path(self._dialog_folder()) / suggested), _("PDF files (*.pdf)")
        )
        return Path(result[0]) if result[0] else None

    def _update_course_actions(self) -> None:
        session = self.course_session is not None
        for action in (self.next_station_action, self.previous_station_action, self.compare_action):
            action.setEnabled(session)
        for action in (self.model_action, self.handout_action, self.teaching_action):
            action.setEnabled(session)
        for action in (self.week_on_action, self.week_back_action, self.real_date_action):
            action.setEnabled(self.course_mode or self.today != self.real_today)
        self.audit_action.setEnabled(self.store is not None and not self.course_mode)
        self.open_action.setEnabled(not self.course_mode or self.store is None)

    def _update_course_ui(self) -> None:
        """The bar, the teaching notes, the status bar's simulated date and the actions, as things stand."""
        simulated = self.today != self.real_today
        self.simulated_label.setText(
            "⚠ " + _("Simulated date {date}").format(date=format_date(self.today, language(), "short"))
        )
        self.simulated_label.setVisible(simulated)
        show_bar = self.course_mode or simulated
        if show_bar and self.course_bar is None:
            from gp_tool.ui.course import TeachingPanel, TimeTravelBar  # noqa: PLC0415

            self.course_bar = TimeTravelBar(self.centralWidget())
            self.course_bar.date_chosen.connect(self.set_today)
            self._central_layout.insertWidget(1, self.course_bar)
            self.teaching = TeachingPanel(self.centralWidget())
            self.teaching.compare_requested.connect(self.compare_with_model)
            self.teaching.model_toggled.connect(self.set_showing_model)
            self._central_layout.insertWidget(2, self.teaching)
            self.refresh_fonts()
        if self.course_bar is not None:
            self.course_bar.setVisible(show_bar)
            self._update_course_bar()
        if self.teaching is not None:
            self.teaching.setVisible(self.course_session is not None)
            self._update_teaching()
        self._update_course_actions()
        self._update_title()

    def _update_course_bar(self) -> None:
        bar = self.course_bar
        session = self.course_session
        if session is None:
            bar.set_stations([], [], [])
        else:
            stations = session.course.stations
            lang = language()
            bar.set_stations(
                [s.date for s in stations],
                [session.label(i) for i in range(len(stations))],
                [f"{format_date(s.date, lang, 'short')}: {s.situation.get(lang)}" for s in stations],
            )
        bar.set_today(self.today, self.real_today)

    def _update_teaching(self) -> None:
        step = STEPS[self.current_step()]
        self.teaching.show_notes = self.teaching_action.isChecked()
        self.teaching.show_for(self.course_session, step.key, _(step.title))

    # ------------------------------------------------------------------ printing and the record
    def print_notes(self) -> bool:
        """Ctrl+P: save, open the notes step and print both notes."""
        if self.autosaver is not None:
            self.autosaver.flush()
        notes = step_index("notes")
        self.go_to_step(notes)
        page = self.page(notes)
        printer = getattr(page, "print_notes", None)
        printed = bool(printer()) if callable(printer) else False
        if printed:
            self.statusBar().showMessage(_("The notes were printed."), 5000)
        return printed

    def save_notes_as_pdf(self) -> bool:
        """Ctrl+Shift+S: both notes as PDF files (opens the notes step)."""
        if self.autosaver is not None:
            self.autosaver.flush()
        notes = step_index("notes")
        self.go_to_step(notes)
        saver = getattr(self.page(notes), "save_pdfs", None)
        return bool(saver()) if callable(saver) else False

    def copy_to_record(self) -> str:
        """Ctrl+Shift+C: the journal text to the clipboard."""
        page = self.page(step_index("notes"))
        copier = getattr(page, "copy_to_record", None)
        text = copier() if callable(copier) else ""
        if text:
            self.statusBar().showMessage(_("Journal text copied. Paste it into the patient record."), 5000)
        return str(text)

    # ------------------------------------------------------------------ files
    def _confirm_discard(self) -> bool:
        """True when the current case may be replaced or closed (saved, discarded, drafted or clean)."""
        if not self.document.dirty:
            return True
        if self.autosaver is not None and self.autosaver.flush():
            return True  # the work is in the draft; reopening restores it
        answer = self._ask_unsaved()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_case(self) -> None:
        """Ctrl+O: the case list when there is a case store, else a case file."""
        if self.course_mode:
            self._refuse_in_course()
            return
        if self.store is None:
            self.open_case_file()
            return
        if self._confirm_discard():
            self._show_case_list()

    def open_case_file(self) -> None:
        if not self._confirm_discard():
            return
        path = self._ask_open_path()
        if path is not None:
            self.open_path(path)

    def open_stored_case(self, case_id: str) -> bool:
        """Open the case ``case_id`` from the case store (its pending draft, if any, is restored)."""
        from gp_tool.storage.store import StoreError  # noqa: PLC0415

        if self.course_mode:
            self._refuse_in_course()
            return False
        try:
            stored = self.store.load(case_id)
        except StoreError as exc:
            self._show_problems(_("Could not open the case"), exc.render(active().gettext), [])
            return False
        self.document.replace(stored.case, case_id=case_id)
        self.go_to_step(0)
        return True

    def attach_store(self, store: Any, drafts: Any, *, recover: bool = False) -> None:
        """Use ``store`` for the case list and ``drafts`` for the autosave (after the window is up).

        With ``recover``, a case left by a session that did not end cleanly is opened again.
        """
        self.store = store
        self.drafts = drafts
        if self.autosaver is None:
            from gp_tool.ui.drafts import Autosaver  # noqa: PLC0415

            self.autosaver = Autosaver(self.document, drafts, self.current_step, self)
        else:
            self.autosaver.sink = drafts
        self.retranslate()
        info = store.unclean_shutdown() if hasattr(store, "unclean_shutdown") else None
        if self.course_session is not None:  # the course keeps its drafts in memory
            self._real_sink = drafts
            self.autosaver.sink = self.course_session.sink
        if (
            info is not None
            and recover
            and info.case_id is not None
            and not self.document.dirty
            and not self.course_mode
        ):
            self.open_stored_case(info.case_id)  # restores its pending draft too
        else:
            self._restore_draft()
        if info is not None:
            from gp_tool.ui.autosave import recovery_text  # noqa: PLC0415

            self.statusBar().showMessage(recovery_text(info, self.today), 20000)

    def _show_case_list(self) -> None:
        from gp_tool.ui.case_list import CaseListDialog  # noqa: PLC0415

        dialog = CaseListDialog(self.store, today=self.today, parent=self)
        dialog.case_chosen.connect(self.open_stored_case)
        dialog.exec()

    def edit_local_services(self) -> None:
        """File → Local services: the practice's own services (settings; step 4 lists them)."""
        from gp_tool.ui.page_support import SupportPage  # noqa: PLC0415

        page = self.page(step_index("support"))
        if isinstance(page, SupportPage):
            page.edit_local_services()

    def show_audit(self) -> None:
        """File → Own practice: anonymous counts from the stored cases."""
        if self.store is None:
            return
        from PySide6.QtWidgets import QDialog  # noqa: PLC0415

        from gp_tool.ui.audit_page import AuditPage  # noqa: PLC0415

        dialog = QDialog(self)
        dialog.setWindowTitle(_("Own practice (self-audit)"))
        page = AuditPage(self.store, dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(page)
        dialog.resize(900, 640)
        page.refresh()
        dialog.exec()

    def open_path(self, path: Path) -> bool:
        """Open the case file at ``path``; on problems, show them and keep the current case."""
        try:
            case = read_case_file(path)
        except ProblemError as exc:
            if any(p.field == "format" and p.params.get("found") == "gp-tool/course" for p in exc.problems):
                return self.open_course_path(path)  # a course case file: open it as a course
            self._show_problems(
                _("Could not open the case"),
                _("{path} was not opened. The case you had open is unchanged.").format(path=path),
                [problem.render(active().gettext) for problem in exc.problems],
            )
            return False
        if self.course_mode:
            from gp_tool.ui.caseinfo import is_fictional  # noqa: PLC0415

            if not is_fictional(case, None):
                self._refuse_in_course(path)
                return False
        self._leave_course_session()
        self.document.replace(case, path=path)
        self.statusBar().showMessage(_("Opened {path}").format(path=path), 5000)
        return True

    def open_demo(self, name: str) -> None:
        if not self._confirm_discard():
            return
        self._leave_course_session()
        self.document.replace(load_demo(name, self.today), demo=name)
        self.go_to_step(0)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        path = self._ask_save_path()
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(".json")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        old_key = self.autosaver.key if self.autosaver is not None else None
        try:
            self.document.save(path)
        except ProblemError as exc:
            self._show_problems(
                _("Could not save the case"),
                _("The case was not saved. Your changes are still here; try another folder."),
                [problem.render(active().gettext) for problem in exc.problems],
            )
            return False
        if self.autosaver is not None:
            new_key = self.autosaver.key
            if old_key is not None and old_key != new_key and hasattr(self.drafts, "rebind"):
                self.drafts.rebind(old_key, new_key)  # the stored case is now known by its file
            self.autosaver.discard()  # the file holds the work now
            if old_key is not None and old_key != new_key:
                self.drafts.discard(old_key)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close and not self._confirm_discard():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.flush()
        if self.presenting:  # presenter sizes and colours are the application's: give them back
            self.set_presenting(False)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if getattr(self, "drawer", None) is not None:  # (not during construction)
            self.set_narrow(self._is_narrow())
        if self.palette_panel is not None and self.palette_panel.isVisible():
            width = min(640, self.width() - 40)
            self.palette_panel.setGeometry(
                (self.width() - width) // 2, 60, width, self.palette_panel.height()
            )

    def _is_narrow(self) -> bool:
        from gp_tool.ui.narrow import is_narrow  # noqa: PLC0415

        return is_narrow(self.width(), palette.scale())

    def set_narrow(self, narrow: bool) -> None:
        """Below 1200 px: compact step list, findings folded to a rail (ui-brief b.1; gp_tool.ui.narrow)."""
        if narrow == self.narrow:
            return
        from gp_tool.ui.narrow import COMPACT_STEPS_WIDTH  # noqa: PLC0415

        self.narrow = narrow
        delegate = self.steps.itemDelegate()
        if isinstance(delegate, StepDelegate):
            delegate.compact = narrow
        width = COMPACT_STEPS_WIDTH if narrow else STEP_LIST_WIDTH
        self.steps.setFixedWidth(int(width * palette.scale()))
        self.steps.reset()
        self.drawer.set_narrow(narrow)

    # ------------------------------------------------------------------ dialogs (small: tests replace them)
    def _dialog_folder(self) -> str:
        return str(self.document.path.parent) if self.document.path else str(Path.home())

    def _ask_open_path(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 (dialogs: not needed before the first paint)

        result = QFileDialog.getOpenFileName(
            self, _("Open case"), self._dialog_folder(), _("Case files (*.json)")
        )
        return Path(result[0]) if result[0] else None

    def _ask_save_path(self) -> Path | None:
        suggested = self.document.path or Path(self._dialog_folder()) / f"{self.document.demo or 'case'}.json"
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 (dialogs: not needed before the first paint)

        result = QFileDialog.getSaveFileName(
            self, _("Save case as"), str(suggested), _("Case files (*.json)")
        )
        return Path(result[0]) if result[0] else None

    def _ask_unsaved(self) -> UnsavedAnswer:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 (dialogs: not needed before the first paint)

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Unsaved changes"))
        box.setText(_("The case has changes that are not saved."))
        box.setInformativeText(_("Save them before you go on?"))
        save = box.addButton(_("&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("&Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if clicked is discard:
            return "discard"
        return "cancel"

    def _show_problems(self, title: str, text: str, problems: list[str]) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 (dialogs: not needed before the first paint)

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText("\n".join(f"• {line}" for line in problems))
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def show_about(self) -> None:
        """Help → About (version, rules version, licences)."""
        from gp_tool.ui.about import AboutDialog  # noqa: PLC0415

        AboutDialog(self).exec()

    def keyboard_shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action with a shortcut, from the one registry."""
        rows = []
        for action in self.actions_by_key.values():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            if keys and action.text():
                rows.append((keys, action.text().replace("&", "")))
        return rows

    # ------------------------------------------------------------------ help per field
    def install_help(self, pages: list[StepPage]) -> None:
        """Every input's What's This (Shift+F1) is its F1 help, in the active language."""
        from gp_tool.ui.help import install_whats_this  # noqa: PLC0415

        for page in pages:
            install_whats_this(page)

    def show_field_help(self) -> bool:
        """F1: help for the focused input, next to it, with its findings; without one, the key list."""
        from gp_tool.ui.help import FieldHelpPopup, help_for, help_html, label_of, path_of  # noqa: PLC0415

        focus = QApplication.focusWidget()
        page = self.page(self.current_step())
        path = path_of(focus, page.field_widgets) if focus is not None and page.isAncestorOf(focus) else None
        help_ = help_for(path) if path is not None else None
        if focus is None or path is None or help_ is None:
            self.show_keys()
            return False
        if self.field_help is None:
            self.field_help = FieldHelpPopup(self)
        if self.field_help.isVisible() and self.field_help.path == path:
            self.field_help.close_help()  # F1 again closes it
            return True
        registered = page.field_widget(path) or focus
        findings = str(registered.property("finding_text") or focus.property("finding_text") or "")
        label = label_of(focus) or label_of(registered)
        self.field_help.show_for(focus, path, help_html(help_, label, findings))
        return True

    def show_keys(self) -> None:
        """F1: every shortcut, from the action registry."""
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 (dialogs: not needed before the first paint)

        box = QMessageBox(self)
        box.setWindowTitle(_("Keyboard shortcuts"))
        box.setText(_("Every action, and its keys:"))
        box.setInformativeText("\n".join(f"{keys}\t{text}" for keys, text in self.keyboard_shortcuts()))
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
