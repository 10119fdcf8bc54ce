"""The patient's own part: a one-page form to fill in before or during the visit (issue 10).

Three open questions in the patient's words (which tasks I can do, what would help me at work, what
worries me), the patient's name and the date, and a consent box: what the patient writes goes into
the NAV note only when they tick it (``PatientPart.consent_to_nav``; the employer never sees it,
``gp_tool.domain.assessment``). The form is printed blank for the waiting room, or with what was
entered, so the patient can read it back.

One content model (:class:`PatientForm`, built by :func:`patient_form`) feeds both renderers: the
reportlab PDF (:func:`render_patient_form`, A4, embedded DejaVu Sans, byte-stable for equal input)
and the HTML the window prints through Qt (:func:`patient_form_html`). The texts are content in three
languages (:data:`FORM_TEXTS`), like NAV's question texts, not UI messages: the patient may read
another language than the GP's screen.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from gp_tool.documents.fonts import BOLD, REGULAR, register_fonts
from gp_tool.domain.assessment import PatientPart
from gp_tool.domain.case import Case
from gp_tool.i18n.formatting import format_date

__all__ = [
    "FIELDS",
    "FORM_LANGUAGES",
    "FORM_TEXTS",
    "FormField",
    "PatientForm",
    "patient_form",
    "patient_form_html",
    "render_patient_form",
    "save_patient_form",
]

FORM_LANGUAGES: Final = ("nb", "nn", "en")

FIELDS: Final = ("tasks_i_can_do", "what_would_help", "worries")
"""The form's questions, as ``PatientPart`` field names, in printed order."""

FORM_TEXTS: Final[dict[str, dict[str, str]]] = {
    "title": {
        "nb": "Min del: arbeid og helse",
        "nn": "Min del: arbeid og helse",
        "en": "My part: work and health",
    },
    "intro": {
        "nb": "Fyll ut før eller under timen. Legen bruker svarene når dere sammen planlegger arbeid og "
        "sykmelding. Skriv med egne ord – det finnes ingen riktige eller gale svar. Ingenting sendes videre "
        "uten at du krysser av nederst.",
        "nn": "Fyll ut før eller under timen. Legen brukar svara når de saman planlegg arbeid og "
        "sjukmelding. Skriv med dine eigne ord – det finst ingen rette eller gale svar. Ingenting blir sendt "
        "vidare utan at du kryssar av nedst.",
        "en": "Fill this in before or during your visit. Your doctor uses your answers when the two of you "
        "plan work and sick leave. Write in your own words – there are no right or wrong answers. Nothing is "
        "passed on unless you tick the box at the bottom.",
    },
    "name": {"nb": "Navn", "nn": "Namn", "en": "Name"},
    "date": {"nb": "Dato", "nn": "Dato", "en": "Date"},
    "tasks_i_can_do": {
        "nb": "Hvilke oppgaver på jobben kan jeg gjøre nå?",
        "nn": "Kva for oppgåver på jobben kan eg gjere no?",
        "en": "Which tasks at work can I do now?",
    },
    "tasks_i_can_do.hint": {
        "nb": "Tenk på oppgaver, tempo, arbeidstid og hva du klarer en vanlig dag.",
        "nn": "Tenk på oppgåver, tempo, arbeidstid og kva du klarer ein vanleg dag.",
        "en": "Think of tasks, pace, working hours and what you manage on an ordinary day.",
    },
    "what_would_help": {
        "nb": "Hva ville hjelpe meg på jobben?",
        "nn": "Kva ville hjelpe meg på jobben?",
        "en": "What would help me at work?",
    },
    "what_would_help.hint": {
        "nb": "For eksempel andre oppgaver en periode, kortere dager, pauser, hjelpemidler eller hjemmekontor.",
        "nn": "Til dømes andre oppgåver ei tid, kortare dagar, pausar, hjelpemiddel eller heimekontor.",
        "en": "For example other tasks for a while, shorter days, breaks, aids or working from home.",
    },
    "worries": {
        "nb": "Hva bekymrer meg?",
        "nn": "Kva uroar meg?",
        "en": "What worries me?",
    },
    "worries.hint": {
        "nb": "Om helsa, jobben, økonomien eller noe annet som påvirker det å være i arbeid.",
        "nn": "Om helsa, jobben, økonomien eller noko anna som påverkar det å vere i arbeid.",
        "en": "About your health, your job, money, or anything else that affects being at work.",
    },
    "consent": {
        "nb": "Jeg samtykker i at det jeg har skrevet her, kan tas med i legens melding til NAV. "
        "Det sendes aldri til arbeidsgiveren min.",
        "nn": "Eg samtykkjer i at det eg har skrive her, kan takast med i meldinga frå legen til NAV. "
        "Det blir aldri sendt til arbeidsgjevaren min.",
        "en": "I agree that what I have written here may be included in the doctor's note to NAV. "
        "It is never sent to my employer.",
    },
    "signature": {"nb": "Underskrift", "nn": "Underskrift", "en": "Signature"},
    "footer": {
        "nb": "Arbeidsfokus · Pasientens egen del · Skjemaet er ditt: legen tar bare med det du samtykker til.",
        "nn": "Arbeidsfokus · Pasienten sin eigen del · Skjemaet er ditt: legen tek berre med det du samtykkjer til.",
        "en": "Arbeidsfokus · The patient's own part · The form is yours: the doctor includes only what you agree to.",
    },
}
"""Every text of the form in nb, nn and en (a test checks all three are there)."""

LINES_PER_FIELD: Final = 7
PAGE_W, PAGE_H = A4
MARGIN: Final = 18 * mm
INK: Final = colors.HexColor("#202733")
MUTED: Final = colors.HexColor("#5d6573")
RULE: Final = colors.HexColor("#b4bac4")
WATERMARK: Final = colors.Color(0.55, 0.55, 0.55, alpha=0.18)
"""The notes' watermark colour (``render.COLOURS["watermark"]``)."""
MARK: Final = colors.HexColor("#bc002a")


def text(key: str, lang: str) -> str:
    """The form text ``key`` in ``lang`` (bokmål for a language the form does not have)."""
    entry = FORM_TEXTS[key]
    return entry.get(lang, entry["nb"])


@dataclass(frozen=True, slots=True)
class FormField:
    key: str
    """``PatientPart`` field name."""
    question: str
    hint: str
    answer: str
    """What was entered ("" on a blank form)."""


@dataclass(frozen=True, slots=True)
class PatientForm:
    """The form's content in one language: what every renderer draws."""

    lang: str
    title: str
    intro: str
    name_label: str
    name: str
    date_label: str
    date: str
    fields: tuple[FormField, ...]
    consent: str
    consent_given: bool
    signature_label: str
    footer: str
    watermark: str = ""
    """«KURS – fiktiv pasient» in course mode (issue 9), drawn across the page; empty otherwise."""


def patient_form(
    case: Case | None,
    lang: str,
    *,
    filled: bool = False,
    today: dt.date | None = None,
    course: bool = False,
) -> PatientForm:
    """The form in ``lang``: blank (name only), or ``filled`` with the case's ``patient_part``.

    A blank form carries the patient's name, so a printed stack in the waiting room is not mixed up;
    the date is left for the patient unless the form was filled in on a known day. In ``course`` mode
    (a fictional training case) the form carries the «KURS – fiktiv pasient» watermark.
    """
    part = (case.patient_part if case is not None else None) or PatientPart()
    answers: dict[str, str] = {
        "tasks_i_can_do": part.tasks_i_can_do,
        "what_would_help": part.what_would_help,
        "worries": part.worries,
    }
    day = part.filled_on if filled else None
    if day is None and filled:
        day = today
    return PatientForm(
        lang=lang,
        title=text("title", lang),
        intro=text("intro", lang),
        name_label=text("name", lang),
        name=case.patient.name if case is not None else "",
        date_label=text("date", lang),
        date=format_date(day, lang, "long") if day is not None else "",
        fields=tuple(
            FormField(key, text(key, lang), text(f"{key}.hint", lang), answers[key] if filled else "")
            for key in FIELDS
        ),
        consent=text("consent", lang),
        consent_given=filled and part.consent_to_nav,
        signature_label=text("signature", lang),
        footer=text("footer", lang),
        watermark=_watermark(lang) if course else "",
    )


def _watermark(lang: str) -> str:
    from gp_tool.i18n.catalog import translator  # noqa: PLC0415 (catalogues only in course mode)

    return translator(lang).gettext("COURSE – fictional patient")


# ---------------------------------------------------------------------- PDF


def _para(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(html.escape(value).replace("\n", "<br/>"), style)


def _draw(canvas: Canvas, para: Paragraph, x: float, y: float, width: float) -> float:
    """Draw ``para`` with its top at ``y``; returns the y below it."""
    _w, h = para.wrap(width, PAGE_H)
    para.drawOn(canvas, x, y - h)
    return float(y - h)


def _line_field(canvas: Canvas, x: float, y: float, width: float, label: str, *, value: str = "") -> None:
    canvas.setFont(REGULAR, 9)
    canvas.setFillColor(MUTED)
    canvas.drawString(x, y, label)
    label_w = canvas.stringWidth(label, REGULAR, 9) + 4
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(x + label_w, y - 2, x + width, y - 2)
    if value:
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, 10.5)
        canvas.drawString(x + label_w + 4, y + 0.5, value)


def _draw_watermark(canvas: Canvas, mark: str) -> None:
    """Across the page like the notes' watermark (``render.py``), and small at the top right."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    room = (
        0.9 * PAGE_W / 0.8192
    )  # the page's width along a 35° line, less a margin: the mark stays on the page
    canvas.setFont(BOLD, min(44.0, 44.0 * room / canvas.stringWidth(mark, BOLD, 44)))
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, 0, mark)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColor(MARK)
    canvas.setFont(BOLD, 8.5)
    canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 10 * mm, mark)
    canvas.restoreState()


def render_patient_form(form: PatientForm, today: dt.date, *, course: bool = False) -> bytes:
    """The form as a one-page A4 PDF (byte-stable for equal input).

    The watermark is drawn when the form has one, or with ``course`` (a form built without it).
    """
    register_fonts()
    body = ParagraphStyle("form-body", fontName=REGULAR, fontSize=10, leading=13.5, textColor=INK)
    title_style = ParagraphStyle("form-title", parent=body, fontName=BOLD, fontSize=19, leading=23)
    question_style = ParagraphStyle("form-q", parent=body, fontName=BOLD, fontSize=12, leading=15)
    hint_style = ParagraphStyle("form-hint", parent=body, fontSize=9, leading=11.5, textColor=MUTED)
    answer_style = ParagraphStyle("form-answer", parent=body, fontSize=10.5, leading=17.5)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, initialFontName=REGULAR)
    canvas.setDateFormatter(lambda *_: f"D:{today.year:04d}{today.month:02d}{today.day:02d}000000+00'00'")
    canvas.setTitle(form.title)
    canvas.setSubject(form.footer)
    canvas.setCreator("Arbeidsfokus")
    canvas.setProducer("Arbeidsfokus (reportlab)")
    mark = form.watermark or (_watermark(form.lang) if course else "")
    if mark:
        _draw_watermark(canvas, mark)
    width = PAGE_W - 2 * MARGIN
    x = MARGIN
    y = PAGE_H - MARGIN
    y = _draw(canvas, _para(form.title, title_style), x, y, width) - 5
    y = _draw(canvas, _para(form.intro, body), x, y, width) - 18
    half = width / 2 - 8
    _line_field(canvas, x, y, half + 40, form.name_label, value=form.name)
    _line_field(canvas, x + half + 56, y, half - 56, form.date_label, value=form.date)
    y -= 18
    line_gap = 17.5
    box_h = LINES_PER_FIELD * line_gap + 10
    for item in form.fields:
        y -= 8
        y = _draw(canvas, _para(item.question, question_style), x, y, width) - 1
        y = _draw(canvas, _para(item.hint, hint_style), x, y, width) - 5
        top = y
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.roundRect(x, top - box_h, width, box_h, 4, stroke=1, fill=0)
        canvas.setLineWidth(0.4)
        for n in range(1, LINES_PER_FIELD + 1):
            ly = top - n * line_gap
            canvas.line(x + 8, ly, x + width - 8, ly)
        if item.answer:  # baselines on the ruled lines: the first line's top sits one leading above
            para = _para(item.answer, answer_style)
            para.wrap(width - 16, box_h)
            para.drawOn(canvas, x + 8, top - para.height - 4.5)
        y = top - box_h - 4
    y -= 16
    size = 12
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1)
    canvas.rect(x, y - size, size, size, stroke=1, fill=0)
    if form.consent_given:
        canvas.setLineWidth(1.6)
        canvas.line(x + 2.5, y - size / 2, x + size / 2 - 0.5, y - size + 2.5)
        canvas.line(x + size / 2 - 0.5, y - size + 2.5, x + size - 2, y - 2)
    y = _draw(canvas, _para(form.consent, body), x + size + 8, y + 1, width - size - 8) - 26
    _line_field(canvas, x, y, half + 40, form.signature_label)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, MARGIN - 8 * mm, form.footer)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def save_patient_form(path: Path, form: PatientForm, today: dt.date, *, course: bool = False) -> None:
    """Write the form's PDF to ``path`` atomically with owner-only permissions (``course``: watermark)."""
    from gp_tool.fileio import atomic_write_bytes  # noqa: PLC0415

    atomic_write_bytes(path, render_patient_form(form, today, course=course))


# ---------------------------------------------------------------------- HTML (printed through Qt)


def patient_form_html(form: PatientForm) -> str:
    """The same form as simple HTML for a Qt text document (printing and the on-screen preview)."""
    esc = html.escape

    def answer_cell(value: str) -> str:
        if value:
            return esc(value).replace("\n", "<br/>")
        return "<br/>" * LINES_PER_FIELD

    parts: list[Any] = []
    if form.watermark:
        parts.append(f"<p align='right' style='color:#bc002a; font-weight:bold'>{esc(form.watermark)}</p>")
    parts += [
        f"<h1 style='font-size:19pt'>{esc(form.title)}</h1>",
        f"<p>{esc(form.intro)}</p>",
        "<table width='100%' cellspacing='0' cellpadding='2'><tr>"
        f"<td width='60%'>{esc(form.name_label)}: <b>{esc(form.name)}</b></td>"
        f"<td>{esc(form.date_label)}: {esc(form.date)}</td></tr></table>",
    ]
    for item in form.fields:
        parts.append(f"<h3 style='margin-top:12px'>{esc(item.question)}</h3>")
        parts.append(f"<p style='color:#5d6573; font-size:9pt'>{esc(item.hint)}</p>")
        parts.append(
            "<table width='100%' border='1' cellspacing='0' cellpadding='8' style='border-color:#b4bac4'>"
            f"<tr><td>{answer_cell(item.answer)}</td></tr></table>"
        )
    box = "☒" if form.consent_given else "☐"
    parts.append(
        f"<p style='margin-top:14px'><span style='font-size:14pt'>{box}</span> {esc(form.consent)}</p>"
    )
    parts.append(
        f"<p style='margin-top:18px'>{esc(form.signature_label)}: ______________________________</p>"
    )
    parts.append(f"<p style='color:#5d6573; font-size:8pt'>{esc(form.footer)}</p>")
    if form.watermark:
        parts.append(f"<p align='right' style='color:#bc002a; font-weight:bold'>{esc(form.watermark)}</p>")
    return "\n".join(str(p) for p in parts)
