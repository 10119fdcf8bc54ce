"""Outlines to PDF with reportlab: A4, embedded DejaVu Sans, header, footer, timeline, byte-stable.

Byte stability (golden tests, reproducible output): the document is built with ``invariant=1`` (no
random file id, no wall-clock time in the file) and the creation and modification dates are set to
the note's own date (``ctx.today``, 00:00 UTC), so the same case, context and language always give
the same bytes on every machine.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from gp_tool.documents.context import NoteContext
from gp_tool.documents.firewall import EmployerTextBlocked, check_employer_text
from gp_tool.documents.fonts import BOLD, REGULAR, register_fonts
from gp_tool.documents.models import EmployerNote, NavNote
from gp_tool.documents.outline import (
    Bullets,
    Facts,
    Heading,
    Outline,
    Para,
    Table,
    employer_outline,
    nav_outline,
    patient_outline,
)
from gp_tool.documents.texts import date_short
from gp_tool.documents.timeline import TimelineModel
from gp_tool.domain.case import Case, PeriodKind
from gp_tool.i18n.catalog import translator

__all__ = ["COLOURS", "render_employer_pdf", "render_nav_pdf", "render_outline", "render_patient_sheet"]

PAGE_W, PAGE_H = A4
MARGIN_X: Final = 20 * mm
MARGIN_TOP: Final = 30 * mm
MARGIN_BOTTOM: Final = 20 * mm
FRAME_W: Final = PAGE_W - 2 * MARGIN_X

#: Print colours (readable in greyscale: text ≥ 7:1 on white; bars differ in lightness).
COLOURS: Final = {
    "text": colors.HexColor("#202733"),
    "muted": colors.HexColor("#5d6573"),
    "rule": colors.HexColor("#c9ced6"),
    "quote_bg": colors.HexColor("#f3f4f6"),
    "full": colors.HexColor("#1f4e79"),
    "graded_low": colors.HexColor("#cfe0f1"),
    "other": colors.HexColor("#e4dcf3"),
    "other_line": colors.HexColor("#7342b6"),
    "today": colors.HexColor("#bc002a"),
    "activity": colors.HexColor("#a03e00"),
    "watermark": colors.Color(0.55, 0.55, 0.55, alpha=0.18),
}


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.8, leading=13.2, textColor=COLOURS["text"])
    return {
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=17, leading=21, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, textColor=COLOURS["muted"], spaceAfter=8),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=3
        ),
        "body": ParagraphStyle("body2", parent=base, spaceAfter=3),
        "strong": ParagraphStyle(
            "strong", parent=base, fontName=BOLD, fontSize=9.3, spaceBefore=4, spaceAfter=1
        ),
        "quote": ParagraphStyle(
            "quote",
            parent=base,
            leftIndent=6,
            rightIndent=2,
            backColor=COLOURS["quote_bg"],
            borderPadding=(3, 4, 4, 4),
            spaceBefore=3,
            spaceAfter=6,
        ),
        "muted": ParagraphStyle(
            "muted", parent=base, fontSize=8.3, leading=11, textColor=COLOURS["muted"], spaceBefore=4
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=11, bulletIndent=2, bulletFontName=REGULAR, spaceAfter=1.5
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=BOLD, fontSize=8.6, leading=11, textColor=COLOURS["muted"]
        ),
        "fact_key": ParagraphStyle(
            "fact_key", parent=base, fontSize=9, leading=12, textColor=COLOURS["muted"]
        ),
        "fact_value": ParagraphStyle("fact_value", parent=base, fontSize=9.6, leading=12.5),
    }


def _xml(text: str) -> str:
    """Free text as reportlab paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.splitlines() or [""])


# ------------------------------------------------------------------------------------------ timeline drawing


def _mix(a: colors.Color, b: colors.Color, f: float) -> colors.Color:
    return colors.Color(
        a.red + (b.red - a.red) * f, a.green + (b.green - a.green) * f, a.blue + (b.blue - a.blue) * f
    )


def bar_colour(kind: PeriodKind, grade: int | None) -> colors.Color:
    """Full sick leave darkest; graded lighter the lower the grade; the other kinds light purple."""
    if kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        return COLOURS["full"]
    if kind is PeriodKind.GRADERT:
        g = min(100, max(0, grade or 0)) / 100
        return _mix(COLOURS["graded_low"], COLOURS["full"], 0.15 + 0.7 * g)
    return COLOURS["other"]


class TimelineFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type information
    """The case's periods as bars on a day axis, milestones as ticks, today as a red line."""

    HEIGHT: Final = 86.0

    def __init__(self, model: TimelineModel, width: float, lang: str) -> None:
        super().__init__()
        self.model, self.width, self.height, self.lang = model, width, self.HEIGHT, lang

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, m, w = self.canv, self.model, self.width
        t = translator(self.lang)
        axis_y, bar_y, bar_h = 20.0, 24.0, 15.0
        c.saveState()
        c.setLineWidth(0.6)
        c.setStrokeColor(COLOURS["muted"])
        c.line(0, axis_y, w, axis_y)
        c.setLineWidth(0.5)
        for day in range(7, m.days + 1, 7):  # week ticks from the window's start
            x = w * day / m.days
            c.line(x, axis_y - 2.5, x, axis_y)
        for bar in m.bars:
            x0, x1 = w * m.x(bar.start), w * m.x_end(bar.end) - 0.7  # a hairline gap between notes
            c.saveState()
            c.setFillColor(bar_colour(bar.kind, bar.grade))
            if not bar.current:
                c.setFillAlpha(0.55)
            c.rect(x0, bar_y, max(0.8, x1 - x0), bar_h, stroke=0, fill=1)
            c.restoreState()
            if bar.current:
                c.setStrokeColor(COLOURS["text"])
                c.setLineWidth(0.8)
                c.rect(x0, bar_y, max(0.8, x1 - x0), bar_h, stroke=1, fill=0)
            if bar.label and stringWidth(bar.label, REGULAR, 6.8) + 4 <= x1 - x0:
                dark = bar.kind is PeriodKind.AKTIVITET_IKKE_MULIG or (
                    bar.kind is PeriodKind.GRADERT and (bar.grade or 0) >= 50
                )
                c.setFillColor(colors.white if dark else COLOURS["text"])
                c.setFont(REGULAR, 6.8)
                c.drawCentredString((x0 + x1) / 2, bar_y + 4.6, bar.label)
        # milestone ticks, labels in up to three rows above the bars
        rows_end = [-1e9, -1e9, -1e9]
        for tick in m.ticks:
            x = w * m.x(tick.date) + 0.5 * w / m.days
            colour = COLOURS["activity"] if tick.id == "AKTIVITETSKRAV" else COLOURS["muted"]
            label = f"{tick.label} {date_short(tick.date, t)}"
            lw = stringWidth(label, REGULAR, 6.4)
            left = min(max(0.0, x - lw / 2), w - lw)
            row = next((i for i, end in enumerate(rows_end) if left > end + 3), None)
            if row is None:
                row = min(range(3), key=rows_end.__getitem__)
            rows_end[row] = left + lw
            y = bar_y + bar_h + 6 + row * 9.5
            c.setStrokeColor(colour)
            c.setLineWidth(0.9)
            c.line(x, axis_y - 3, x, bar_y + bar_h + 3)
            c.setLineWidth(0.4)
            c.line(x, bar_y + bar_h + 3, x, y - 1)
            c.setFillColor(colour)
            c.setFont(REGULAR, 6.4)
            c.drawString(left, y, label)
        # today, then the window's ends where they do not collide with it
        below: list[tuple[float, float]] = []
        if m.today is not None:
            x = w * m.x(m.today) + 0.5 * w / m.days
            c.setStrokeColor(COLOURS["today"])
            c.setLineWidth(1.2)
            c.line(x, axis_y - 8, x, bar_y + bar_h + 2)
            label = f"{m.today_label} {date_short(m.today, t)}"
            lw = stringWidth(label, BOLD, 6.8)
            left = min(max(0.0, x - lw / 2), w - lw)
            c.setFillColor(COLOURS["today"])
            c.setFont(BOLD, 6.8)
            c.drawString(left, 3, label)
            below.append((left, left + lw))
        c.setFillColor(COLOURS["muted"])
        c.setFont(REGULAR, 6.4)
        for day_, at_start in ((m.start, True), (m.end, False)):
            label = date_short(day_, t)
            lw = stringWidth(label, REGULAR, 6.4)
            left = 0.0 if at_start else w - lw
            if all(left + lw + 4 < a or left > b + 4 for a, b in below):
                c.drawString(left, 3, label)
        c.restoreState()


# ------------------------------------------------------------------------------------------ story


def _story(outline: Outline, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(_xml(outline.title), styles["title"]),
        Paragraph(_xml(outline.subtitle), styles["subtitle"]),
    ]
    # Headings and labels are glued to what follows them, so no page ends with a bare heading: a heading
    # takes along a small-print line right under it (the date of an assessment) and a label (a strong
    # line such as "Treatment") its text; the glue is kept together with the first item that follows.
    glue: list[Flowable] = []
    glue_ends_with_heading = False
    for block in outline.blocks:
        items: list[Flowable]
        if isinstance(block, Heading):
            glue.append(Paragraph(_xml(block.text), styles["heading"]))
            glue_ends_with_heading = True
            continue
        if isinstance(block, Para) and (
            block.style == "strong" or (block.style == "muted" and glue_ends_with_heading)
        ):
            glue.append(Paragraph(_xml(block.text), styles[block.style]))
            glue_ends_with_heading = False
            continue
        if isinstance(block, Para):
            items = [Paragraph(_xml(block.text), styles.get(block.style, styles["body"]))]
        elif isinstance(block, Facts):
            items = [_facts_table(block, styles)]
        elif isinstance(block, Table):
            items = [_table(block, styles)]
        elif isinstance(block, Bullets):
            items = [Paragraph(_xml(item), styles["bullet"], bulletText="•") for item in block.items]
        else:
            items = [Spacer(1, 4), TimelineFlowable(block.model, FRAME_W, outline.lang)]
            items += [Paragraph(_xml(line), styles["muted"]) for line in block.later]
            items.append(Spacer(1, 4))
        if glue:
            story.append(KeepTogether([*glue, items[0]]))
            story += items[1:]
            glue, glue_ends_with_heading = [], False
        else:
            story += items
    story += glue
    return story


def _facts_table(block: Facts, styles: dict[str, ParagraphStyle]) -> RLTable:
    data = [
        [Paragraph(_xml(k), styles["fact_key"]), Paragraph(_xml(v), styles["fact_value"])]
        for k, v in block.rows
    ]
    table = RLTable(data, colWidths=[48 * mm, FRAME_W - 48 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _table(block: Table, styles: dict[str, ParagraphStyle]) -> RLTable:
    head = [Paragraph(_xml(h), styles["cell_head"]) for h in block.header]
    rows = [[Paragraph(_xml(c), styles["cell"]) for c in row] for row in block.rows]
    n = len(block.header)
    widths = _column_widths(block, n)
    table = RLTable([head, *rows], colWidths=widths, hAlign="LEFT", repeatRows=1, spaceAfter=4)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, COLOURS["muted"]),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, COLOURS["rule"]),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _column_widths(block: Table, n: int) -> list[float]:
    """Width per column, as a browser lays out an automatic table.

    Each column wants the width of its longest text and needs at least that of its longest word. When
    all fit, the spare width is shared equally; otherwise every column gets its minimum and the rest is
    shared in proportion to how much more each one wants (a long free-text column wraps, a date or a
    short code does not break inside).
    """
    pad = 8.0

    def width(text: str, font: str, size: float) -> float:
        return float(stringWidth(text, font, size))

    def words(text: str, font: str, size: float) -> float:
        return max((width(w, font, size) for w in text.split()), default=0.0)

    wanted = [
        max([width(block.header[c], BOLD, 8.6), *(width(r[c], REGULAR, 9) for r in block.rows)]) + pad
        for c in range(n)
    ]
    total = sum(wanted)
    if total <= FRAME_W:
        spare = (FRAME_W - total) / n
        return [x + spare for x in wanted]
    least = [
        min(
            wanted[c],
            max([words(block.header[c], BOLD, 8.6), *(words(r[c], REGULAR, 9) for r in block.rows)]) + pad,
        )
        for c in range(n)
    ]
    if sum(least) >= FRAME_W:  # even the words do not fit: scale the minimums down
        scale = FRAME_W / sum(least)
        return [x * scale for x in least]
    room = FRAME_W - sum(least)
    extra = [w - m for w, m in zip(wanted, least, strict=True)]
    return [m + room * e / sum(extra) for m, e in zip(least, extra, strict=True)]


# ------------------------------------------------------------------------------------------ pages


def _pdf_date(day: dt.date) -> str:
    return f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000+00'00'"


def _canvas_class(outline: Outline, today: dt.date) -> type[Canvas]:
    t = translator(outline.lang)

    class NoteCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type information
        """Draws header, footer, "page X of Y" and the watermark once the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: _pdf_date(today))
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            self.saveState()
            if outline.watermark:
                lines = outline.watermark.split("\n")
                size = 44 if max(len(line) for line in lines) <= 24 else 32
                self.setFillColor(COLOURS["watermark"])
                self.setFont(BOLD, size)
                self.translate(PAGE_W / 2, PAGE_H / 2)
                self.rotate(35)
                for n, line in enumerate(lines):
                    self.drawCentredString(0, (len(lines) / 2 - n - 0.5) * size * 1.3, line)
                self.rotate(-35)
                self.translate(-PAGE_W / 2, -PAGE_H / 2)
            self.setFillColor(COLOURS["muted"])
            self.setFont(REGULAR, 8)
            y = PAGE_H - 12 * mm
            for line in outline.header_lines:
                self.drawRightString(PAGE_W - MARGIN_X, y, line)
                y -= 10
            if number > 1:
                self.setFont(BOLD, 8.5)
                self.drawString(MARGIN_X, PAGE_H - 12 * mm, outline.title)
            self.setStrokeColor(COLOURS["rule"])
            self.setLineWidth(0.5)
            self.line(MARGIN_X, MARGIN_BOTTOM - 6 * mm, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 6 * mm)
            self.setFont(REGULAR, 7.5)
            self.drawString(MARGIN_X, MARGIN_BOTTOM - 10 * mm, outline.footer)
            self.drawRightString(
                PAGE_W - MARGIN_X,
                MARGIN_BOTTOM - 10 * mm,
                t.gettext("Page {number} of {total}").format(number=number, total=total),
            )
            self.restoreState()

    return NoteCanvas


def render_outline(outline: Outline, today: dt.date) -> bytes:
    """The outline as PDF bytes (A4, embedded fonts, byte-stable for equal input)."""
    styles = _styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=outline.title,
        author=outline.header_lines[0] if len(outline.header_lines) > 1 else "",
        subject=outline.subtitle,
        creator="Arbeidsfokus",
        producer="Arbeidsfokus (reportlab)",
        lang={"nb": "nb-NO", "nn": "nn-NO"}.get(outline.lang, "en-GB"),
        invariant=1,
        initialFontName=REGULAR,  # no Helvetica resource on any page
        initialFontSize=9.8,
    )
    doc.build(_story(outline, styles), canvasmaker=_canvas_class(outline, today))
    return buf.getvalue()


def render_nav_pdf(note: NavNote, ctx: NoteContext) -> bytes:
    """The NAV note as PDF."""
    return render_outline(nav_outline(note, ctx), ctx.today)


def render_employer_pdf(note: EmployerNote, ctx: NoteContext) -> bytes:
    """The employer note as PDF; raises :class:`EmployerTextBlocked` if its texts contain health words.

    This is a last guard with the case-independent checks (codes, diagnosis texts, word lists); the
    full check, with the case's own diagnoses, runs in ``write_notes`` and in the GUI before this.
    """
    leaks = check_employer_text(note, None)
    if leaks:
        raise EmployerTextBlocked(leaks)
    return render_outline(employer_outline(note, ctx), ctx.today)


def render_patient_sheet(case: Case, ctx: NoteContext) -> bytes:
    """The plain-language patient sheet as PDF."""
    return render_outline(patient_outline(case, ctx), ctx.today)
