"""The Notes step's view: what NAV sees and what the employer sees, side by side; print; save; copy.

Everything shown is rendered from the same note models and outlines as the PDFs
(:mod:`gp_tool.documents.outline` → :mod:`gp_tool.documents.richtext`), so screen, printer and PDF say
the same. The employer column marks the words the privacy firewall stopped, names the field, offers
neutral functional wording, and shows grey bars where NAV gets content the employer does not
(ui-brief b.7, b.8). When the firewall blocks, nothing is printed or saved for the employer.

Actions for the window's menus (each a QAction with its shortcut): :attr:`NotesView.print_action`,
:attr:`~NotesView.preview_action`, :attr:`~NotesView.save_pdfs_action` (Ctrl+Shift+S) and
:attr:`~NotesView.copy_journal_action` (Ctrl+Shift+C, the journal text to the clipboard).

Printing uses Qt's print dialog and print preview on a ``QTextDocument`` of the same rich text (QtPdf is
not part of PySide6-Essentials, so the PDFs themselves are not rasterised); the timeline picture is
painted with QPainter from the same :class:`~gp_tool.documents.timeline.TimelineModel` the PDF draws.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from pathlib import Path
from typing import Final, Literal

from PySide6.QtCore import QByteArray, QEvent, QMarginsF, QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gp_tool.documents import (
    Leak,
    NoteContext,
    NotesResult,
    basic_context,
    build_employer_note,
    build_nav_note,
    check_employer_text,
    field_label,
    journal_record,
    leak_message,
    neutral_wording,
    write_notes,
)
from gp_tool.documents.fonts import BOLD, REGULAR, font_bytes
from gp_tool.documents.outline import Outline, employer_outline, nav_outline, patient_outline
from gp_tool.documents.richtext import TIMELINE_HEIGHT, outline_html, timeline_models
from gp_tool.documents.texts import date_short
from gp_tool.documents.timeline import TimelineModel
from gp_tool.domain.case import Case, PeriodKind
from gp_tool.domain.problems import ProblemError
from gp_tool.i18n.catalog import translator
from gp_tool.i18n.markers import N_
from gp_tool.ui.i18n import _, language
from gp_tool.ui.printing import paint_document

__all__ = ["PRINT_TARGETS", "NotesView", "PrintTarget", "timeline_image"]

PrintTarget = Literal["both", "nav", "employer", "patient"]
PRINT_TARGETS: Final[tuple[tuple[PrintTarget, str], ...]] = (
    ("both", N_("Both notes")),
    ("nav", N_("Note to NAV")),
    ("employer", N_("Note to the employer")),
    ("patient", N_("Patient sheet")),
)
LEAK_ROLE: Final = Qt.ItemDataRole.UserRole + 1
PREVIEW_WIDTH: Final = 560
PRINT_MARGIN_MM: Final = 15.0

# The print colours of gp_tool.documents.render, for the painted timeline.
_TEXT, _MUTED, _FULL, _GRADED_LOW, _OTHER = "#202733", "#5d6573", "#1f4e79", "#cfe0f1", "#e4dcf3"
_TODAY, _ACTIVITY, _GREY_BAR = "#bc002a", "#a03e00", "#d8dbe0"


# ------------------------------------------------------------------------------------------ fonts and timeline


@functools.cache
def _note_font_family() -> str:
    """The PDFs' font (DejaVu Sans) loaded into Qt, so the preview and print look like the PDF."""
    families: list[str] = []
    for name in (REGULAR, BOLD):
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(font_bytes(name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else QGuiApplication.font().family()


def _bar_colour(kind: PeriodKind, grade: int | None) -> QColor:
    if kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        return QColor(_FULL)
    if kind is PeriodKind.GRADERT:
        low, high = QColor(_GRADED_LOW), QColor(_FULL)
        f = 0.15 + 0.7 * min(100, max(0, grade or 0)) / 100
        return QColor.fromRgbF(
            low.redF() + (high.redF() - low.redF()) * f,
            low.greenF() + (high.greenF() - low.greenF()) * f,
            low.blueF() + (high.blueF() - low.blueF()) * f,
        )
    return QColor(_OTHER)


def timeline_image(model: TimelineModel, width: int, height: int, lang: str, *, scale: float = 2.0) -> QImage:
    """The timeline as the PDF draws it (bars, ticks, today), painted at ``scale`` × for sharp print."""
    t = translator(lang)
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        family = _note_font_family()
        small = QFont(family)
        small.setPixelSize(9)
        bold = QFont(family)
        bold.setPixelSize(9)
        bold.setBold(True)
        w, h = float(width), float(height)

        def y(value: float) -> float:  # the PDF's y grows upwards
            return h - value

        axis, bar_y, bar_h = 22.0, 27.0, 17.0
        painter.setPen(QPen(QColor(_MUTED), 0.8))
        painter.drawLine(QPointF(0, y(axis)), QPointF(w, y(axis)))
        for day in range(7, model.days + 1, 7):
            x = w * day / model.days
            painter.drawLine(QPointF(x, y(axis - 3)), QPointF(x, y(axis)))
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        for bar in model.bars:
            x0, x1 = w * model.x(bar.start), w * model.x_end(bar.end) - 0.8
            rect = QRectF(x0, y(bar_y + bar_h), max(1.0, x1 - x0), bar_h)
            colour = _bar_colour(bar.kind, bar.grade)
            if not bar.current:
                colour.setAlphaF(0.55)
            painter.fillRect(rect, colour)
            if bar.current:
                painter.setPen(QPen(QColor(_TEXT), 1.0))
                painter.drawRect(rect)
            if bar.label and metrics.horizontalAdvance(bar.label) + 4 <= rect.width():
                dark = bar.kind is PeriodKind.AKTIVITET_IKKE_MULIG or (
                    bar.kind is PeriodKind.GRADERT and (bar.grade or 0) >= 50
                )
                painter.setPen(QColor("#ffffff" if dark else _TEXT))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, bar.label)
        rows_end = [-1e9, -1e9, -1e9]
        for tick in model.ticks:
            x = w * model.x(tick.date) + 0.5 * w / model.days
            colour = QColor(_ACTIVITY if tick.id == "AKTIVITETSKRAV" else _MUTED)
            label = f"{tick.label} {date_short(tick.date, t)}"
            lw = metrics.horizontalAdvance(label)
            left = min(max(0.0, x - lw / 2), w - lw)
            row = next((i for i, end in enumerate(rows_end) if left > end + 3), None)
            if row is None:
                row = min(range(3), key=rows_end.__getitem__)
            rows_end[row] = left + lw
            top = bar_y + bar_h + 8 + row * 11
            painter.setPen(QPen(colour, 1.1))
            painter.drawLine(QPointF(x, y(axis - 3)), QPointF(x, y(bar_y + bar_h + 3)))
            painter.setPen(QPen(colour, 0.5))
            painter.drawLine(QPointF(x, y(bar_y + bar_h + 3)), QPointF(x, y(top - 1)))
            painter.drawText(QPointF(left, y(top)), label)
        below: list[tuple[float, float]] = []
        if model.today is not None:
            x = w * model.x(model.today) + 0.5 * w / model.days
            painter.setPen(QPen(QColor(_TODAY), 1.5))
            painter.drawLine(QPointF(x, y(axis - 9)), QPointF(x, y(bar_y + bar_h + 2)))
            painter.setFont(bold)
            label = f"{model.today_label} {date_short(model.today, t)}"
            lw = QFontMetricsF(bold).horizontalAdvance(label)
            left = min(max(0.0, x - lw / 2), w - lw)
            painter.drawText(QPointF(left, y(3)), label)
            below.append((left, left + lw))
        painter.setFont(small)
        painter.setPen(QColor(_MUTED))
        for edge, at_start in ((model.start, True), (model.end, False)):
            label = date_short(edge, t)
            lw = metrics.horizontalAdvance(label)
            left = 0.0 if at_start else w - lw
            if all(left + lw + 4 < a or left > b + 4 for a, b in below):
                painter.drawText(QPointF(left, y(3)), label)
    finally:
        painter.end()
    image.setDevicePixelRatio(scale)
    return image


def _add_timelines(document: QTextDocument, outline: Outline, width: int) -> None:
    for name, model in timeline_models(outline):
        document.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl(name),
            timeline_image(model, width, TIMELINE_HEIGHT, outline.lang),
        )


# ------------------------------------------------------------------------------------------ the view


class NotesView(QWidget):
    """Side-by-side preview of the notes, with print, print preview, save as PDF and copy to record."""

    leak_activated = Signal(str)
    """Case-file path of a field whose text the firewall stopped (the window shows that field)."""
    journal_copied = Signal(str)
    """The journal text just put on the clipboard."""
    saved = Signal(object)
    """The :class:`~gp_tool.documents.NotesResult` of a save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes.view")
        self.case: Case | None = None
        self.ctx: NoteContext | None = None
        self.leaks: tuple[Leak, ...] = ()
        self.outlines: dict[str, Outline] = {}
        self.last_folder: Path | None = None

        # actions the window can put in its menus
        self.print_action = QAction(self)
        self.print_action.setObjectName("notes.action.print")
        self.preview_action = QAction(self)
        self.preview_action.setObjectName("notes.action.preview")
        self.save_pdfs_action = QAction(self)
        self.save_pdfs_action.setObjectName("notes.action.save_pdfs")
        self.save_pdfs_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.copy_journal_action = QAction(self)
        self.copy_journal_action.setObjectName("notes.action.copy_journal")
        self.copy_journal_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        # slots without parameters: triggered(checked) must not fill ``target`` or ``folder``
        self.print_action.triggered.connect(self._print_triggered)
        self.preview_action.triggered.connect(self._preview_triggered)
        self.save_pdfs_action.triggered.connect(self._save_triggered)
        self.copy_journal_action.triggered.connect(self._copy_triggered)

        self.banner = QLabel(self)
        self.banner.setObjectName("notes.banner")
        self.banner.setProperty("role", "banner-danger")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

        # side by side
        self.nav_title = QLabel(self)
        self.nav_title.setObjectName("notes.nav_title")
        self.employer_title = QLabel(self)
        self.employer_title.setObjectName("notes.employer_title")
        # the window's style sheet colours these roles: neutral for NAV, purple for the employer (b.7)
        self.nav_title.setProperty("role", "chip-nav")
        self.employer_title.setProperty("role", "chip-meta")
        for title in (self.nav_title, self.employer_title):
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
        self.nav_preview = self._browser("notes.nav_preview")
        self.employer_preview = self._browser("notes.employer_preview")
        self.leak_title = QLabel(self)
        self.leak_title.setObjectName("notes.leak_title")
        self.leak_list = QListWidget(self)
        self.leak_list.setObjectName("notes.leaks")
        self.leak_list.setWordWrap(True)
        self.wording_title = QLabel(self)
        self.wording_list = QListWidget(self)
        self.wording_list.setObjectName("notes.wording")
        self.wording_list.setWordWrap(True)
        self.copy_wording_button = QPushButton(self)
        self.copy_wording_button.setObjectName("notes.copy_wording")
        self.go_to_field_button = QPushButton(self)
        self.go_to_field_button.setObjectName("notes.go_to_field")
        self.leak_list.setMaximumHeight(96)
        self.wording_list.setMaximumHeight(128)
        self.leak_list.currentRowChanged.connect(self._show_wording)
        self.leak_list.itemActivated.connect(lambda _item: self.go_to_field())
        self.copy_wording_button.clicked.connect(self.copy_wording)
        self.go_to_field_button.clicked.connect(self.go_to_field)
        self.leak_panel = QWidget(self)
        self.leak_panel.setObjectName("notes.leak_panel")
        leak_layout = QVBoxLayout(self.leak_panel)
        leak_layout.setContentsMargins(0, 0, 0, 0)
        leak_buttons = QHBoxLayout()
        leak_buttons.addWidget(self.go_to_field_button)
        leak_buttons.addWidget(self.copy_wording_button)
        leak_buttons.addStretch(1)
        for widget in (self.leak_title, self.leak_list, self.wording_title, self.wording_list):
            leak_layout.addWidget(widget)
        leak_layout.addLayout(leak_buttons)
        self.leak_panel.setVisible(False)

        nav_column, employer_column = QWidget(self), QWidget(self)
        nav_layout = QVBoxLayout(nav_column)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.addWidget(self.nav_title, 0, Qt.AlignmentFlag.AlignLeft)
        nav_layout.addWidget(self.nav_preview, 1)
        employer_layout = QVBoxLayout(employer_column)
        employer_layout.setContentsMargins(0, 0, 0, 0)
        employer_layout.addWidget(self.employer_title, 0, Qt.AlignmentFlag.AlignLeft)
        employer_layout.addWidget(self.employer_preview, 1)
        employer_layout.addWidget(self.leak_panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(nav_column)
        self.splitter.addWidget(employer_column)
        self.splitter.setChildrenCollapsible(False)

        self.patient_preview = self._browser("notes.patient_preview")
        self.journal_view = QPlainTextEdit(self)
        self.journal_view.setObjectName("notes.journal")
        self.journal_view.setReadOnly(True)
        self.journal_view.setTabChangesFocus(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("notes.tabs")
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.patient_preview, "")
        self.tabs.addTab(self.journal_view, "")

        # commands
        self.print_target = QComboBox(self)
        self.print_target.setObjectName("notes.print_target")
        for target, _label in PRINT_TARGETS:
            self.print_target.addItem("", target)
        self.print_target_label = QLabel(self)
        self.print_target_label.setBuddy(self.print_target)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.print_target_label)
        row.addWidget(self.print_target)
        for key, action in (
            ("print", self.print_action),
            ("preview", self.preview_action),
            ("save", self.save_pdfs_action),
            ("copy", self.copy_journal_action),
        ):
            button = QToolButton(self)
            button.setObjectName(f"notes.button.{key}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumHeight(32)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("notes.status")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.setMinimumHeight(420)
        self.retranslate()

    def _browser(self, name: str) -> QTextBrowser:
        browser = QTextBrowser(self)
        browser.setObjectName(name)
        browser.setOpenLinks(False)
        browser.setTabChangesFocus(True)  # Tab leaves the preview (keyboard-only use, ui-brief b.13)
        browser.setMinimumHeight(320)
        browser.document().setDefaultFont(QFont(_note_font_family()))
        return browser

    def actions_for_menu(self) -> tuple[QAction, ...]:
        """The view's actions, for the window's menus and command palette."""
        return (self.print_action, self.preview_action, self.save_pdfs_action, self.copy_journal_action)

    # ------------------------------------------------------------------ case

    def set_case(
        self, case: Case, today: dt.date, lang: str, ctx: NoteContext | None = None, *, course: bool = False
    ) -> None:
        """Show ``case``. ``ctx`` carries the rules' timeline and findings; without it the notes are
        rendered with the case start only (no milestones, findings or questions due)."""
        self.case = case
        if ctx is None or ctx.today != today or ctx.lang != lang:
            base = ctx if ctx is not None else basic_context(case, today, lang, course=course)
            ctx = NoteContext(
                today=today,
                lang=lang,
                case_start=base.case_start,
                max_date=base.max_date,
                marks=base.marks,
                findings=base.findings,
                questions_due=base.questions_due,
                course=base.course or course,
            )
        self.ctx = ctx
        self.refresh()

    def set_context(self, ctx: NoteContext) -> None:
        """New timeline or findings from the rules: render again."""
        if self.case is not None:
            self.set_case(self.case, ctx.today, ctx.lang, ctx)

    def refresh(self) -> None:
        """Build the notes from the case and show them."""
        case, ctx = self.case, self.ctx
        if case is None or ctx is None:
            return
        nav_note = build_nav_note(case, ctx)
        employer_note = build_employer_note(case, ctx)
        self.leaks = check_employer_text(employer_note, case)
        self.outlines = {
            "nav": nav_outline(nav_note, ctx),
            "employer": employer_outline(employer_note, ctx),
            "patient": patient_outline(case, ctx),
        }
        self._show(self.nav_preview, self.outlines["nav"], ())
        self._show(self.employer_preview, self.outlines["employer"], self.leaks, self._redaction_html(case))
        self._show(self.patient_preview, self.outlines["patient"], ())
        self.journal_view.setPlainText(journal_record(case, ctx))
        self._show_leaks()

    def _show(
        self, browser: QTextBrowser, outline: Outline, leaks: tuple[Leak, ...], extra: str = ""
    ) -> None:
        document = browser.document()
        _add_timelines(document, outline, PREVIEW_WIDTH)
        text = outline_html(outline, leaks, width=PREVIEW_WIDTH)
        if extra:
            text = text.replace("</body></html>", extra + "</body></html>")
        browser.setHtml(text)

    def _redaction_html(self, case: Case) -> str:
        """Grey bars for what NAV gets and the employer does not (syk-inn's redaction bars)."""
        note = case.sick_note
        labels = (
            [_("Diagnosis – not shown to the employer")]
            if note.main_diagnosis or note.other_absence_reason
            else []
        )
        if any(p.medical_reasons for p in note.periods):
            labels.append(_("Medical reasons – not shown to the employer"))
        if note.answers or (self.ctx is not None and self.ctx.questions_due):
            labels.append(_("Answers to NAV's questions – not shown to the employer"))
        if note.message_to_nav.strip():
            labels.append(_("Message to NAV – not shown to the employer"))
        bars = "".join(
            f'<table width="100%" cellpadding="5" cellspacing="0" style="background-color:{_GREY_BAR};">'
            f'<tr><td style="color:{_TEXT};">{html.escape(label)}</td></tr></table><p></p>'
            for label in labels
        )
        heading = html.escape(_("Not shown to the employer"))
        return f"<h3>{heading}</h3>{bars}" if bars else ""

    def _show_leaks(self) -> None:
        blocked = bool(self.leaks)
        self.leak_list.clear()
        lang = self.ctx.lang if self.ctx is not None else language()
        for leak in self.leaks:
            item = QListWidgetItem(leak_message(leak, lang))
            item.setData(LEAK_ROLE, leak.field)
            self.leak_list.addItem(item)
        self.leak_panel.setVisible(blocked)
        self.banner.setVisible(blocked)
        if blocked:
            fields = ", ".join(dict.fromkeys(field_label(leak.field, lang) for leak in self.leaks))
            self.banner.setText(
                _("The note to the employer is stopped: possible health information in {fields}.").format(
                    fields=fields
                )
            )
            self.leak_list.setCurrentRow(0)
        else:
            self.wording_list.clear()

    def _show_wording(self, row: int) -> None:
        self.wording_list.clear()
        if 0 <= row < len(self.leaks):
            lang = self.ctx.lang if self.ctx is not None else language()
            for phrase in neutral_wording(self.leaks[row], lang):
                self.wording_list.addItem(phrase)
            self.wording_list.setCurrentRow(0)

    def current_leak(self) -> Leak | None:
        row = self.leak_list.currentRow()
        return self.leaks[row] if 0 <= row < len(self.leaks) else None

    def go_to_field(self) -> None:
        """Ask the window to show the field of the selected leak."""
        leak = self.current_leak()
        if leak is not None:
            self.leak_activated.emit(leak.field)

    def copy_wording(self) -> str:
        """Put the selected neutral wording on the clipboard; returns it."""
        item = self.wording_list.currentItem()
        text = item.text() if item is not None else ""
        if text:
            QGuiApplication.clipboard().setText(text)
            self.status.setText(_("Wording copied. Paste it into the field instead of the stopped words."))
        return text

    # ------------------------------------------------------------------ printing

    def print_document(self, target: PrintTarget = "both") -> QTextDocument | None:
        """The rich-text document for ``target``; None when there is nothing to print."""
        if not self.outlines:
            return None
        names: list[str] = {
            "both": ["nav", "employer"],
            "nav": ["nav"],
            "employer": ["employer"],
            "patient": ["patient"],
        }[target]
        if self.leaks:
            names = [n for n in names if n != "employer"]
        if not names:
            return None
        document = QTextDocument(self)
        document.setDefaultFont(QFont(_note_font_family(), 10))
        parts = []
        for i, name in enumerate(names):
            outline = self.outlines[name]
            _add_timelines(document, outline, PREVIEW_WIDTH)
            body = outline_html(outline, width=PREVIEW_WIDTH, for_print=True, fragment=True)
            if i:
                body = '<p style="page-break-before: always; margin: 0;"></p>' + body
            parts.append(body)
        document.setHtml("<html><body>" + "".join(parts) + "</body></html>")
        return document

    def _target(self, target: PrintTarget | None) -> PrintTarget:
        if target is not None:
            return target
        data = self.print_target.currentData()
        return data if data in ("both", "nav", "employer", "patient") else "both"

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(PRINT_MARGIN_MM, PRINT_MARGIN_MM, PRINT_MARGIN_MM, PRINT_MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        printer.setDocName(_("Sick-leave notes"))
        return printer

    def _refuse_employer(self, target: PrintTarget) -> bool:
        if target == "employer" and self.leaks:
            self.status.setText(
                _("Not printed: the note to the employer contains possible health information.")
            )
            return True
        return False

    def print_notes(self, target: PrintTarget | None = None) -> bool:
        """Print through Qt's print dialog; True when printed."""
        chosen = self._target(target)
        if self._refuse_employer(chosen):
            return False
        document = self.print_document(chosen)
        if document is None:
            return False
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the notes"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        paint_document(document, printer, self.watermark())
        self._printed(chosen)
        return True

    def watermark(self) -> str:
        """The course mark printed across every page of a fictional case ("" for a real patient)."""
        return _("COURSE – fictional patient") if self.ctx is not None and self.ctx.course else ""

    def preview_notes(self, target: PrintTarget | None = None) -> bool:
        """Show Qt's print preview of the same document (print from there); True when accepted."""
        chosen = self._target(target)
        if self._refuse_employer(chosen):
            return False
        document = self.print_document(chosen)
        if document is None:
            return False
        dialog = QPrintPreviewDialog(self._printer(), self)
        dialog.setWindowTitle(_("Print preview"))
        mark = self.watermark()
        dialog.paintRequested.connect(lambda printer: paint_document(document, printer, mark))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            self._printed(chosen)
        return accepted

    def _printed(self, target: PrintTarget) -> None:
        if target == "both" and self.leaks:
            self.status.setText(_("Printed the note to NAV. The note to the employer was not printed."))
        else:
            self.status.setText(_("Printed."))

    # ------------------------------------------------------------------ save and copy

    def save_pdfs(self, folder: Path | None = None) -> NotesResult | None:
        """Write the PDFs, journal text and export into ``folder`` (asked for when None)."""
        if self.case is None or self.ctx is None:
            return None
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, _("Choose a folder for the notes"), str(self.last_folder or Path.home())
            )
            if not chosen:
                return None
            folder = Path(chosen)
        try:
            result = write_notes(self.case, self.ctx, folder)
        except ProblemError as exc:
            self.status.setText(" ".join(_(p.message).format(**p.params) for p in exc.problems))
            return None
        self.last_folder = folder
        files = ", ".join(p.name for p in result.written)
        if result.blocked:
            self.status.setText(
                _("Saved in {folder} without the note to the employer: {files}.").format(
                    folder=folder, files=files
                )
            )
        else:
            self.status.setText(_("Saved in {folder}: {files}.").format(folder=folder, files=files))
        self.saved.emit(result)
        return result

    def _print_triggered(self) -> None:
        self.print_notes()

    def _preview_triggered(self) -> None:
        self.preview_notes()

    def _save_triggered(self) -> None:
        self.save_pdfs()

    def _copy_triggered(self) -> None:
        self.copy_to_record()

    def copy_to_record(self) -> str:
        """Put the journal text on the clipboard (Ctrl+Shift+C); returns it."""
        if self.case is None or self.ctx is None:
            return ""
        text = journal_record(self.case, self.ctx)
        QGuiApplication.clipboard().setText(text)
        self.status.setText(_("Journal text copied. Paste it into the patient record."))
        self.journal_copied.emit(text)
        return text

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.print_action.setText(_("&Print…"))
        self.preview_action.setText(_("Print previe&w…"))
        self.save_pdfs_action.setText(_("&Save as PDF…"))
        self.copy_journal_action.setText(_("Copy to patient recor&d"))
        self.copy_journal_action.setToolTip(_("Copy the journal text to the clipboard (Ctrl+Shift+C)"))
        self.save_pdfs_action.setToolTip(
            _("Save both notes, the patient sheet and the journal text (Ctrl+Shift+S)")
        )
        self.nav_title.setText(_("What NAV sees"))
        self.employer_title.setText(_("What the employer sees"))
        self.nav_preview.setAccessibleName(_("What NAV sees"))
        self.employer_preview.setAccessibleName(_("What the employer sees"))
        self.patient_preview.setAccessibleName(_("Patient sheet"))
        self.journal_view.setAccessibleName(_("Journal text"))
        self.leak_title.setText(_("Possible health information for the employer"))
        self.wording_title.setText(_("Neutral wording you can use instead"))
        self.copy_wording_button.setText(_("Cop&y wording"))
        self.go_to_field_button.setText(_("&Go to the field"))
        self.print_target_label.setText(_("Pri&nt:"))
        self.print_target.setAccessibleName(_("What to print"))
        self.leak_list.setAccessibleName(_("Possible health information for the employer"))
        self.wording_list.setAccessibleName(_("Neutral wording you can use instead"))
        self.tabs.setAccessibleName(_("Preview of the notes"))
        for i, (_target, label) in enumerate(PRINT_TARGETS):
            self.print_target.setItemText(i, _(label))
        self.tabs.setTabText(0, _("Side by side"))
        self.tabs.setTabText(1, _("Patient sheet"))
        self.tabs.setTabText(2, _("Journal text"))
        if self.case is not None and self.ctx is not None and self.ctx.lang != language():
            self.set_case(self.case, self.ctx.today, language(), self.ctx)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
