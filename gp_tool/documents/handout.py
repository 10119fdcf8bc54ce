"""The participants' handout of a course case (issue 9): one printable A4 page in nb, nn or en.

What a participant needs on the table during a course: the case's title and topic, the summary and
the learning goals, the patient in brief (name, age at the first consultation, occupation, employer,
position, diagnosis, the job's demands — never a national id; the diagnosis may appear, since a
handout is teaching material and no note to an employer), the consultations the course visits
("Day 3", "Week 7" … by :func:`gp_tool.domain.course.station_label` from the case start the rules
chain, domain brief §1), the discussion questions per consultation, and ruled space for notes when the
page has room. The model answers are not printed: participants work them out.

Every page carries «KURS – fiktiv pasient» diagonally across it and in the header and the footer,
like the notes in course mode (``NoteContext.course``); the footer names the course case and the
rules version.

**One page, always.** The handout is laid out at the largest of a few fixed type sizes at which it
fits (:data:`LEVELS`). Each level also caps the lines per text (summary, goal, situation, discussion):
a longer text ends with "…" on its last allowed line. The smallest level fits the largest course case
the format allows (16 consultations, 8 goals, 8 questions per consultation, 4,000 characters per
text; ``tests/documents/test_handout.py``). Whatever is still cut is cut deliberately, by line.

One content model (:class:`Handout`, built by :func:`handout`) holds the translated texts;
:func:`handout_text` lists them (for tests and checks); :func:`render_handout` draws the PDF with the
DejaVu fonts and the colours of the notes (:mod:`gp_tool.documents.render`), byte-stable: the file's
dates are the first consultation's date, ``invariant=1``.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, TableStyle
from reportlab.platypus import Table as RLTable

from gp_tool.documents.fonts import BOLD, REGULAR, register_fonts
from gp_tool.documents.models import diagnosis_line
from gp_tool.documents.render import COLOURS
from gp_tool.documents.texts import percent
from gp_tool.domain.course import CourseCase, Topic, Version, station_label
from gp_tool.i18n.catalog import Translator, translator
from gp_tool.i18n.formatting import format_date
from gp_tool.i18n.markers import N_
from gp_tool.rules import RULES_VERSION
from gp_tool.rules.absence import case_start

__all__ = [
    "LEVELS",
    "TOPIC_NAMES",
    "Handout",
    "HandoutStation",
    "Level",
    "choose_level",
    "clip",
    "course_case_start",
    "handout",
    "handout_text",
    "render_handout",
    "save_handout",
    "station_labels",
    "watermark_size",
]

TOPIC_NAMES: Final[dict[Topic, str]] = {
    Topic.MUSCULOSKELETAL: N_("Musculoskeletal complaints"),
    Topic.COMMON_MENTAL: N_("Common mental disorders"),
    Topic.YOUNG_DROPOUT: N_("Young person at risk of dropping out"),
    Topic.NEAR_MAXDATE: N_("Close to the benefit end date"),
    Topic.OTHER: N_("Other topic"),
}
"""The course topics' names (msgids), for the handout, the command line and the window."""

ELLIPSIS: Final = "…"
PAGE_W, PAGE_H = A4
MARGIN_X: Final = 18 * mm
MARGIN_TOP: Final = 20 * mm
MARGIN_BOTTOM: Final = 17 * mm
FRAME_W: Final = PAGE_W - 2 * MARGIN_X
FRAME_H: Final = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
CELL_PAD: Final = 3.0
NOTE_LINE_GAP: Final = 19.0
NOTE_LINES_MIN: Final = 3
SITUATION_MAX: Final = 12


@dataclass(frozen=True, slots=True)
class Level:
    """A type size and the most lines each kind of text may take at it."""

    scale: float
    summary: int
    goal: int
    fact: int
    situation: int
    discussion: int
    """Lines for all the questions of one consultation together."""


LEVELS: Final = (
    Level(1.00, summary=8, goal=3, fact=3, situation=6, discussion=8),
    Level(0.92, summary=6, goal=2, fact=2, situation=4, discussion=5),
    Level(0.85, summary=5, goal=2, fact=2, situation=3, discussion=4),
    Level(0.78, summary=4, goal=2, fact=2, situation=2, discussion=3),
    Level(0.72, summary=3, goal=1, fact=1, situation=2, discussion=2),
    Level(0.66, summary=2, goal=1, fact=1, situation=1, discussion=1),
)
"""From the largest to the smallest; the handout uses the first at which everything fits."""


@dataclass(frozen=True, slots=True)
class HandoutStation:
    """One consultation as the handout prints it."""

    id: str
    label: str
    """"Day 3", "Week 7" … in the handout's language."""
    date: str
    situation: str
    discussion: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Handout:
    """The handout's content in one language: what the renderer draws."""

    lang: str
    title: str
    subtitle: str
    summary: str
    goals_heading: str
    goals: tuple[str, ...]
    patient_heading: str
    facts: tuple[tuple[str, str], ...]
    """(label, value) rows: name, age, occupation, employer, position, diagnosis, job demands."""
    stations_heading: str
    table_header: tuple[str, str, str]
    stations: tuple[HandoutStation, ...]
    discussion_heading: str
    notes_heading: str
    header: str
    footer: str
    watermark: str
    first_date: dt.date
    """The first consultation's date (the PDF's creation date, for byte-stable output)."""


def course_case_start(course: CourseCase) -> dt.date:
    """The first day of the absence as the rules chain it for the first consultation (domain brief §1)."""
    return case_start(course.case_at(0, Version.START))


def station_labels(course: CourseCase, lang: str) -> tuple[str, ...]:
    """Each consultation's label ("Day 3", "Week 7" …) in ``lang``."""
    t = translator(lang)
    start = course_case_start(course)
    labels = []
    for station in course.stations:
        msgid, params = station_label(start, station.date)
        labels.append(t.gettext(msgid).format(**params))
    return tuple(labels)


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _facts(course: CourseCase, t: Translator) -> tuple[tuple[str, str], ...]:
    case = course.case_at(0, Version.START)
    first = course.stations[0].date
    rows: list[tuple[str, str]] = []
    if case.patient.name:
        rows.append((t.gettext("Name"), case.patient.name))
    born = case.patient.known_birth_date()
    if born is not None:
        age = _age(born, first)
        rows.append(
            (
                t.gettext("Age at the first consultation"),
                t.ngettext("{age} year", "{age} years", age).format(age=age),
            )
        )
    work = case.work
    if work.occupation:
        rows.append((t.gettext("Occupation"), work.occupation))
    if work.employer:
        rows.append((t.gettext("Employer"), work.employer))
    if work.position_percent is not None:
        rows.append((t.gettext("Position"), percent(work.position_percent, t)))
    diagnosis = case.sick_note.main_diagnosis
    if diagnosis is not None:
        line = diagnosis_line(diagnosis, main=True)
        text = f"{line.display_code} {line.text}" if line.known else line.code
        rows.append((t.gettext("Diagnosis"), f"{text} ({line.system.value})"))
    demands = [d for d in work.demands if d.strip()]
    if demands:
        rows.append((t.gettext("Job demands"), "; ".join(demands)))
    return tuple(rows)


def handout(course: CourseCase, lang: str, *, name: str = "") -> Handout:
    """The handout of ``course`` in ``lang``; ``name`` is the course case's name for the footer."""
    t = translator(lang)
    labels = station_labels(course, lang)
    count = len(course.stations)
    subtitle = " · ".join(
        [
            t.gettext(TOPIC_NAMES[course.topic]),
            t.ngettext("{count} consultation", "{count} consultations", count).format(count=count),
        ]
    )
    title = course.title.get(lang)
    watermark = t.gettext("COURSE – fictional patient")
    footer_parts = [title, name] if name else [title]
    footer_parts.append(t.gettext("Rules version {version}").format(version=RULES_VERSION))
    return Handout(
        lang=lang,
        title=title,
        subtitle=subtitle,
        summary=course.summary.get(lang),
        goals_heading=t.gettext("Learning goals"),
        goals=tuple(g.get(lang) for g in course.learning_goals),
        patient_heading=t.gettext("The patient"),
        facts=_facts(course, t),
        stations_heading=t.gettext("The consultations"),
        table_header=(t.gettext("When"), t.gettext("Date"), t.gettext("What happens")),
        stations=tuple(
            HandoutStation(
                id=station.id,
                label=label,
                date=format_date(station.date, lang, "medium"),
                situation=station.situation.get(lang),
                discussion=tuple(q.get(lang) for q in station.discussion),
            )
            for station, label in zip(course.stations, labels, strict=True)
        ),
        discussion_heading=t.gettext("For discussion"),
        notes_heading=t.gettext("Own notes"),
        header="Arbeidsfokus · " + t.gettext("Course handout"),
        footer=" · ".join(footer_parts),
        watermark=watermark,
        first_date=course.stations[0].date,
    )


def handout_text(h: Handout) -> str:
    """Every text of the handout, one per line, in full (before any shortening for the page)."""
    lines = [h.header, h.watermark, h.title, h.subtitle, h.summary, h.goals_heading, *h.goals]
    lines += [h.patient_heading, *(f"{k}: {v}" for k, v in h.facts), h.stations_heading]
    lines.append(" | ".join(h.table_header))
    lines += [f"{s.label} | {s.date} | {s.situation}" for s in h.stations]
    if any(s.discussion for s in h.stations):
        lines.append(h.discussion_heading)
        lines += [f"{s.label}: {q}" for s in h.stations for q in s.discussion]
    lines += [h.footer]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------- shortening


def _fit_line(line: str, font: str, size: float, width: float) -> str:
    """``line`` ending with "…" and at most ``width`` wide: cut at a word near the end, else in the word."""
    text = line.rstrip()

    def fits(k: int) -> bool:
        return float(stringWidth(text[:k].rstrip() + ELLIPSIS, font, size)) <= width

    low, high = 0, len(text)  # the longest prefix that fits, by bisection (widths only grow with k)
    while low < high:
        mid = (low + high + 1) // 2
        if fits(mid):
            low = mid
        else:
            high = mid - 1
    kept = text[:low]
    if low < len(text):
        space = kept.rfind(" ")
        if space > len(kept) * 0.6:  # a whole word off rather than a word cut in the middle
            kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def clip(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """``text`` broken into lines of at most ``width``; at most ``max_lines``, the last with "…" if cut.

    Line breaks in the text are kept; a word wider than the line is cut with "…". Only the start of a
    long text is measured: more characters than ``max_lines`` lines can hold (even of the narrowest
    glyphs) are never needed to know that the text is cut.
    """
    budget = int(max_lines * (width / (0.1 * size) + 2)) + 1
    lines: list[str] = []
    for part in text[:budget].splitlines() or [""]:
        for line in simpleSplit(part, font, size, width) or [""]:
            lines.append(
                line if stringWidth(line, font, size) <= width else _fit_line(line, font, size, width)
            )
        if len(lines) > max_lines:
            break
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = _fit_line(kept[-1] + " " + lines[max_lines], font, size, width)
    return kept


def _numbered(questions: tuple[str, ...], font: str, size: float, width: float, max_lines: int) -> list[str]:
    """The questions numbered "1. …", together at most ``max_lines`` (the last one cut with "…")."""
    lines: list[str] = []
    for n, question in enumerate(questions, start=1):
        room = max_lines - len(lines)
        wrapped = clip(f"{n}. {question}", font, size, width, room + 1)
        if len(wrapped) <= room:
            lines += wrapped
            continue
        if room > 0:
            lines += clip(f"{n}. {question}", font, size, width, room)
        else:
            lines[-1] = _fit_line(lines[-1], font, size, width)
        break
    return lines


# ---------------------------------------------------------------------------------------- layout


def _styles(scale: float) -> dict[str, ParagraphStyle]:
    register_fonts()
    s = scale
    base = ParagraphStyle(
        "h-body", fontName=REGULAR, fontSize=9.8 * s, leading=12.8 * s, textColor=COLOURS["text"]
    )
    return {
        "title": ParagraphStyle("h-title", parent=base, fontName=BOLD, fontSize=17 * s, leading=21 * s),
        "subtitle": ParagraphStyle(
            "h-subtitle", parent=base, textColor=COLOURS["muted"], spaceBefore=1, spaceAfter=5 * s
        ),
        "body": base,
        "heading": ParagraphStyle(
            "h-heading",
            parent=base,
            fontName=BOLD,
            fontSize=11 * s,
            leading=14 * s,
            spaceBefore=8 * s,
            spaceAfter=2.5 * s,
        ),
        "bullet": ParagraphStyle(
            "h-bullet", parent=base, leftIndent=11, bulletIndent=2, bulletFontName=REGULAR, spaceAfter=1
        ),
        "cell": ParagraphStyle("h-cell", parent=base, fontSize=9 * s, leading=11.4 * s),
        "cell_head": ParagraphStyle(
            "h-cell-head",
            parent=base,
            fontName=BOLD,
            fontSize=8.6 * s,
            leading=11 * s,
            textColor=COLOURS["muted"],
        ),
        "key": ParagraphStyle(
            "h-key", parent=base, fontSize=9 * s, leading=11.6 * s, textColor=COLOURS["muted"]
        ),
    }


def _lines_para(lines: list[str], style: ParagraphStyle, **kwargs: Any) -> Paragraph:
    return Paragraph("<br/>".join(escape(line) for line in lines), style, **kwargs)


def _clip_para(text: str, style: ParagraphStyle, width: float, max_lines: int, **kwargs: Any) -> Paragraph:
    # a point of slack: the paragraph must not re-wrap a line the measuring found to fit
    lines = clip(text, style.fontName, style.fontSize, width - 1, max_lines)
    return _lines_para(lines, style, **kwargs)


def _table_style(*, header: bool) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD * 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, COLOURS["muted"]),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, COLOURS["rule"]),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
    return TableStyle(commands)


def _columns(h: Handout, st: dict[str, ParagraphStyle]) -> tuple[float, float, float]:
    """Widths of the consultations table: label, date, and the situation's text."""
    cell, head = st["cell"], st["cell_head"]
    label_w = (
        max(
            [
                stringWidth(h.table_header[0], BOLD, head.fontSize),
                *(stringWidth(s.label, REGULAR, cell.fontSize) for s in h.stations),
            ]
        )
        + 2 * CELL_PAD
        + 2
    )
    date_w = (
        max(
            [
                stringWidth(h.table_header[1], BOLD, head.fontSize),
                *(stringWidth(s.date, REGULAR, cell.fontSize) for s in h.stations),
            ]
        )
        + 2 * CELL_PAD
        + 2
    )
    return label_w, date_w, FRAME_W - label_w - date_w - 2 * CELL_PAD


def _story(h: Handout, level: Level) -> list[Flowable]:
    st = _styles(level.scale)
    story: list[Flowable] = [
        _clip_para(h.title, st["title"], FRAME_W, 2),
        _clip_para(h.subtitle, st["subtitle"], FRAME_W, 1),
        _clip_para(h.summary, st["body"], FRAME_W, level.summary),
    ]
    bullet_w = FRAME_W - st["bullet"].leftIndent
    goals = [_clip_para(g, st["bullet"], bullet_w, level.goal, bulletText="•") for g in h.goals]
    story += [Paragraph(escape(h.goals_heading), st["heading"]), *goals]

    if h.facts:
        key_w = max(stringWidth(k, REGULAR, st["key"].fontSize) for k, _v in h.facts) + 2 * CELL_PAD + 2
        key_w = min(key_w, FRAME_W * 0.4)
        value_w = FRAME_W - key_w - 2 * CELL_PAD
        rows = [
            [
                _clip_para(k, st["key"], key_w - 2 * CELL_PAD, 2),
                _clip_para(v, st["cell"], value_w, level.fact),
            ]
            for k, v in h.facts
        ]
        facts = RLTable(rows, colWidths=[key_w, FRAME_W - key_w], hAlign="LEFT")
        facts.setStyle(_table_style(header=False))
        story += [Paragraph(escape(h.patient_heading), st["heading"]), facts]

    cell, head = st["cell"], st["cell_head"]
    label_w, date_w, text_w = _columns(h, st)
    table_rows: list[list[Paragraph]] = [[_lines_para([x], head) for x in h.table_header]]
    table_rows += [
        [
            _lines_para([s.label], cell),
            _lines_para([s.date], cell),
            _clip_para(s.situation, cell, text_w, level.situation),
        ]
        for s in h.stations
    ]
    stations = RLTable(table_rows, colWidths=[label_w, date_w, FRAME_W - label_w - date_w], hAlign="LEFT")
    stations.setStyle(_table_style(header=True))
    story += [Paragraph(escape(h.stations_heading), st["heading"]), stations]

    asked = [s for s in h.stations if s.discussion]
    if asked:
        q_w = FRAME_W - label_w - 2 * CELL_PAD - 1
        rows = [
            [
                _lines_para([s.label], cell),
                _lines_para(
                    _numbered(s.discussion, cell.fontName, cell.fontSize, q_w, level.discussion), cell
                ),
            ]
            for s in asked
        ]
        discussion = RLTable(rows, colWidths=[label_w, FRAME_W - label_w], hAlign="LEFT")
        discussion.setStyle(_table_style(header=False))
        story += [Paragraph(escape(h.discussion_heading), st["heading"]), discussion]
    return story


def _frame() -> Frame:
    return Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_W,
        FRAME_H,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _fits(h: Handout, level: Level) -> bool:
    """Whether the whole handout fits on the page at ``level``."""
    story = _story(h, level)
    canvas = Canvas(io.BytesIO(), pagesize=A4, invariant=1, initialFontName=REGULAR)
    _frame().addFromList(story, canvas)
    return not story


def _situation_lines(h: Handout, level: Level) -> int:
    """The most lines any consultation's situation takes in full at ``level``."""
    st = _styles(level.scale)
    width = _columns(h, st)[2] - 1  # as _clip_para measures
    size = st["cell"].fontSize
    return max(
        (len(clip(s.situation, REGULAR, size, width, SITUATION_MAX + 1)) for s in h.stations), default=0
    )


def choose_level(h: Handout) -> Level:
    """The largest :data:`LEVELS` entry at which the whole handout fits on the page (else the smallest).

    Then the situations, the texts participants need most, get more of their lines back while the page
    has room (at most :data:`SITUATION_MAX` lines each); space for notes comes last.
    """
    level = next((level for level in LEVELS if _fits(h, level)), None)
    if level is None:
        return LEVELS[-1]
    wanted = min(SITUATION_MAX, _situation_lines(h, level))
    while level.situation < wanted:
        bigger = replace(level, situation=level.situation + 1)
        if not _fits(h, bigger):
            break
        level = bigger
    return level


def watermark_size(text: str, largest: float = 46.0) -> float:
    """The diagonal watermark's type size: ``largest``, or smaller so that it stays on the page at 35°."""
    room = 0.9 * PAGE_W / 0.8192  # the page's width along a 35° line (cos 35° ≈ 0.8192), less a margin
    width = float(stringWidth(text, BOLD, largest))
    return largest if width <= room else largest * room / width


def _decorate(canvas: Canvas, h: Handout) -> None:
    """The diagonal watermark (under the text), the header and the footer."""
    canvas.saveState()
    canvas.setFillColor(COLOURS["watermark"])
    canvas.setFont(BOLD, watermark_size(h.watermark))
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, 0, h.watermark)
    canvas.restoreState()
    canvas.saveState()
    y_head = PAGE_H - 11 * mm
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(COLOURS["muted"])
    canvas.drawString(MARGIN_X, y_head, h.header)
    canvas.setFont(BOLD, 8.5)
    canvas.setFillColor(COLOURS["today"])
    canvas.drawRightString(PAGE_W - MARGIN_X, y_head, h.watermark)
    canvas.setStrokeColor(COLOURS["rule"])
    canvas.setLineWidth(0.5)
    y_rule = MARGIN_BOTTOM - 5 * mm
    canvas.line(MARGIN_X, y_rule, PAGE_W - MARGIN_X, y_rule)
    y_foot = MARGIN_BOTTOM - 9 * mm
    mark_w = stringWidth(h.watermark, BOLD, 7.5)
    canvas.setFont(BOLD, 7.5)
    canvas.drawRightString(PAGE_W - MARGIN_X, y_foot, h.watermark)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(COLOURS["muted"])
    footer = clip(h.footer, REGULAR, 7.5, FRAME_W - mark_w - 12, 1)[0]
    canvas.drawString(MARGIN_X, y_foot, footer)
    canvas.restoreState()


def _note_lines(canvas: Canvas, h: Handout, top: float, scale: float) -> None:
    """Ruled lines for the participant's notes in the space left below ``top``, if there are enough."""
    heading = 11 * scale
    first = top - 8 * scale - heading - NOTE_LINE_GAP
    count = int((first - MARGIN_BOTTOM) // NOTE_LINE_GAP) + 1
    if count < NOTE_LINES_MIN:
        return
    canvas.saveState()
    canvas.setFont(BOLD, heading)
    canvas.setFillColor(COLOURS["text"])
    canvas.drawString(MARGIN_X, top - 8 * scale - heading, h.notes_heading)
    canvas.setStrokeColor(COLOURS["rule"])
    canvas.setLineWidth(0.5)
    for n in range(count):
        y = first - n * NOTE_LINE_GAP
        canvas.line(MARGIN_X, y, PAGE_W - MARGIN_X, y)
    canvas.restoreState()


def render(h: Handout) -> bytes:
    """The handout as a one-page A4 PDF (byte-stable for equal input)."""
    level = choose_level(h)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, initialFontName=REGULAR)
    day = h.first_date
    canvas.setDateFormatter(lambda *_: f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000+00'00'")
    canvas.setTitle(h.title)
    canvas.setSubject(h.subtitle)
    canvas.setAuthor("Arbeidsfokus")
    canvas.setCreator("Arbeidsfokus")
    canvas.setProducer("Arbeidsfokus (reportlab)")
    _decorate(canvas, h)
    frame = _frame()
    frame.addFromList(_story(h, level), canvas)  # what does not fit is left out: one page, always
    _note_lines(canvas, h, float(frame._y), level.scale)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def render_handout(course: CourseCase, lang: str, *, name: str = "") -> bytes:
    """The participants' one-page handout of ``course`` in ``lang`` as PDF bytes."""
    return render(handout(course, lang, name=name))


def save_handout(path: Path, course: CourseCase, lang: str, *, name: str = "") -> None:
    """Write the handout's PDF to ``path`` atomically with owner-only permissions."""
    from gp_tool.fileio import atomic_write_bytes  # noqa: PLC0415

    atomic_write_bytes(path, render_handout(course, lang, name=name))
