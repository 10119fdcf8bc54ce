"""The notes as translated document outlines: one source for the PDF, the on-screen preview and print.

An :class:`Outline` is a title, header and footer lines, and a sequence of blocks (headings,
paragraphs, fact rows, tables, bullet lists, the timeline). :mod:`gp_tool.documents.render` turns it
into a reportlab PDF and :mod:`gp_tool.documents.richtext` into Qt rich text, so screen and paper say
the same. Empty sections are left out here, once, for every renderer.

A paragraph that quotes the GP's own text carries the case-file path it came from (``field``), so the
preview can underline the words the privacy firewall stopped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final

from gp_tool.documents.context import NoteContext, TimelineMark, case_start_of
from gp_tool.documents.models import (
    EmployerNote,
    EmployerPeriod,
    NavNote,
    NavPeriod,
    PastPeriod,
    SykmelderInfo,
    build_employer_note,
)
from gp_tool.documents.texts import (
    ABSENCE_REASONS,
    CATEGORY_NAMES,
    HPR_CATEGORIES,
    KIND_NAMES,
    MEDICAL_REASONS,
    WORK_REASONS,
    answer_text,
    date_long,
    date_short,
    grade_label,
    patient_statement,
    percent,
    period_range,
    question_label,
    work_statement,
)
from gp_tool.documents.timeline import TimelineModel, build_timeline
from gp_tool.domain.case import Case, PeriodKind
from gp_tool.i18n.catalog import Translator, translator

__all__ = [
    "Block",
    "Bullets",
    "Facts",
    "Heading",
    "Outline",
    "Para",
    "Table",
    "TimelineBlock",
    "employer_outline",
    "nav_outline",
    "outline_text",
    "patient_outline",
]

AKTIVITETSKRAV: Final = "AKTIVITETSKRAV"


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    key: str
    """Stable section id (``diagnoses``, ``periods`` …) for tests and the preview."""


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    field: str | None = None
    """Case-file path when the paragraph is the GP's own text (``sick_note.message_to_employer``)."""
    style: str = "body"
    """``body``, ``quote`` (the GP's words), ``muted`` (small print), ``strong``."""


@dataclass(frozen=True, slots=True)
class Facts:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineBlock:
    model: TimelineModel
    later: tuple[str, ...]
    """Milestones after the drawn window, as "label: date" lines."""


Block = Heading | Para | Facts | Table | Bullets | TimelineBlock


@dataclass(frozen=True)
class Outline:
    """One printable document."""

    kind: str
    """``nav``, ``employer`` or ``patient``."""
    lang: str
    title: str
    subtitle: str
    header_lines: tuple[str, ...]
    """Top right of every page: the sykmelder and practice as the case has them, and the date."""
    footer: str
    """Bottom left of every page (the page number is added at the right)."""
    watermark: str
    """Printed across every page when not empty (training cases)."""
    blocks: tuple[Block, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------------------------------ shared parts


def _sykmelder_lines(s: SykmelderInfo, t: Translator) -> list[str]:
    name, hpr, practice, phone, address = s.name, s.hpr, s.practice, s.phone, s.address
    category_label = t.gettext(HPR_CATEGORIES[s.category])
    lines: list[str] = []
    if name:
        lines.append(name)
    role = category_label
    if hpr:
        role = t.gettext("{role}, HPR {number}").format(role=category_label, number=hpr)
    if name or hpr:
        lines.append(role)
    lines += [x for x in (practice, address, phone) if x]
    return lines


def _header(note: NavNote | EmployerNote, ctx: NoteContext, t: Translator) -> tuple[str, ...]:
    s = note.sykmelder
    lines = _sykmelder_lines(s, t)
    lines.append(date_long(ctx.today, t))
    return tuple(lines)


def _watermark(ctx: NoteContext, t: Translator) -> str:
    return t.gettext("COURSE – fictional patient") if ctx.course else ""


def _week_day(start: dt.date | None, today: dt.date, t: Translator) -> str | None:
    if start is None or today < start:
        return None
    day = (today - start).days + 1
    return t.gettext("Week {week}, day {day}").format(week=(day + 6) // 7, day=day)


def _bars(
    periods: tuple[NavPeriod, ...] | tuple[EmployerPeriod, ...] | tuple[PastPeriod, ...], t: Translator
) -> list[tuple[PeriodKind, dt.date, dt.date, int | None, str]]:
    return [(p.kind, p.start, p.end, p.grade, grade_label(p.kind, p.grade, t)) for p in periods]


def _timeline(
    current: list[tuple[PeriodKind, dt.date, dt.date, int | None, str]],
    earlier: list[tuple[PeriodKind, dt.date, dt.date, int | None, str]],
    marks: tuple[TimelineMark, ...],
    ctx: NoteContext,
    t: Translator,
) -> list[Block]:
    model = build_timeline(
        current, earlier, marks, today=ctx.today, today_label=t.gettext("Today"), case_start=ctx.case_start
    )
    if model is None:
        return []
    later = tuple(f"{tick.label}: {date_short(tick.date, t)}" for tick in model.later)
    return [TimelineBlock(model, later)]


def _text_section(blocks: list[Block], key: str, heading: str, text: str, field: str | None = None) -> None:
    if text.strip():
        blocks.append(Heading(heading, key))
        blocks.append(Para(text.strip(), field, "quote" if field else "body"))


def _list_section(blocks: list[Block], key: str, heading: str, items: tuple[str, ...]) -> None:
    items = tuple(i.strip() for i in items if i.strip())
    if items:
        blocks.append(Heading(heading, key))
        blocks.append(Bullets(items))


# ------------------------------------------------------------------------------------------ NAV note


def nav_outline(note: NavNote, ctx: NoteContext) -> Outline:
    """The note to NAV: identification, timeline, diagnoses, periods, reasons, answers, findings."""
    t = translator(ctx.lang)
    blocks: list[Block] = []
    facts: list[tuple[str, str]] = [(t.gettext("Patient"), note.patient_name or "–")]
    if note.national_id:
        facts.append((t.gettext("National ID number"), note.national_id))
    elif note.birth_date is not None:
        facts.append((t.gettext("Birth date"), date_short(note.birth_date, t)))
    if note.employer:
        facts.append((t.gettext("Employer"), note.employer))
    if note.occupation:
        facts.append((t.gettext("Occupation"), note.occupation))
    if note.position_percent is not None:
        facts.append((t.gettext("Position"), percent(note.position_percent, t)))
    if note.case_start is not None:
        facts.append((t.gettext("First day of absence"), date_short(note.case_start, t)))
        week = _week_day(note.case_start, ctx.today, t)
        if week:
            facts.append((t.gettext("Absence so far"), week))
    if note.max_date is not None:
        facts.append((t.gettext("Benefit end date (maksdato)"), date_short(note.max_date, t)))
    blocks.append(Facts(tuple(facts)))

    blocks += _timeline(
        _bars(note.periods, t),
        [b for e in note.earlier_notes for b in _bars(e.periods, t)],
        note.marks,
        ctx,
        t,
    )

    # diagnoses
    blocks.append(Heading(t.gettext("Diagnoses"), "diagnoses"))
    lines: list[str] = []
    for d in note.diagnoses:
        role = t.gettext("main diagnosis") if d.main else t.gettext("secondary diagnosis")
        if d.known:
            lines.append(f"{d.display_code} {d.text} ({d.system.value}, {role})")
        else:
            lines.append(
                t.gettext("{code} ({system}, {role}): not in the code list").format(
                    code=d.code, system=d.system.value, role=role
                )
            )
    if note.other_absence_reason is not None:
        reason = ABSENCE_REASONS.get(note.other_absence_reason)
        text = t.gettext(reason) if reason else note.other_absence_reason
        lines.append(t.gettext("Other absence reason: {reason}").format(reason=text))
    if not lines:
        lines.append(t.gettext("No diagnosis and no other absence reason given."))
    blocks.append(Bullets(tuple(lines)))

    # periods
    blocks.append(Heading(t.gettext("Sick-leave periods"), "periods"))
    blocks.append(_period_table(note.periods, t))

    # activity: why (not) possible
    activity: list[str] = []
    for p in note.periods:
        activity.append(work_statement(p, t))
        for reason in p.medical_reasons:
            activity.append(
                t.gettext("Medical reason: {reason}").format(reason=t.gettext(MEDICAL_REASONS[reason]))
            )
    for reason in note.work_related_reasons:
        activity.append(
            t.gettext("Work-related reason: {reason}").format(reason=t.gettext(WORK_REASONS[reason]))
        )
    blocks.append(Heading(t.gettext("Activity and work capacity"), "activity"))
    blocks.append(Bullets(tuple(activity)))
    if note.work_related_text:
        blocks.append(Para(note.work_related_text, "sick_note.work_related_reason_text", "quote"))
    if note.activity_assessment:
        blocks.append(Para(note.activity_assessment, None, "quote"))

    _text_section(blocks, "medical_summary", t.gettext("Medical summary"), note.medical_summary)
    _text_section(blocks, "functional_limits", t.gettext("Functional limits"), note.functional_limits)
    _text_section(blocks, "treatment_plan", t.gettext("Treatment plan"), note.treatment_plan)
    _text_section(blocks, "prognosis", t.gettext("Prognosis"), note.prognosis)
    _list_section(blocks, "referrals_done", t.gettext("Referrals made"), note.referrals_done)
    _list_section(blocks, "referrals_declined", t.gettext("Referrals declined"), note.referrals_declined)
    _list_section(blocks, "measures", t.gettext("Measures asked of NAV"), note.measures_requested)
    _text_section(
        blocks, "message_to_nav", t.gettext("Message to NAV"), note.message_to_nav, "sick_note.message_to_nav"
    )

    if note.answers:
        blocks.append(Heading(t.gettext("Additional information for NAV (weeks 7, 17 and 39)"), "answers"))
        for a in note.answers:
            blocks.append(Para(f"{a.id} {question_label(a.id, t)}", None, "strong"))
            if a.answer:
                blocks.append(Para(answer_text(a.id, a.answer, t), f"sick_note.answers.{a.id}", "quote"))
            else:
                blocks.append(Para(t.gettext("Not answered yet."), None, "muted"))

    if note.backdating_contact is not None:
        blocks.append(Heading(t.gettext("Back-dating"), "backdating"))
        rows = [(t.gettext("First contact"), date_short(note.backdating_contact, t))]
        blocks.append(Facts(tuple(rows)))
        if note.backdating_justification:
            blocks.append(Para(note.backdating_justification, "sick_note.backdating.justification", "quote"))

    _text_section(
        blocks,
        "message_to_employer",
        t.gettext("Message to the employer (the employer sees this)"),
        note.message_to_employer,
        "sick_note.message_to_employer",
    )

    if note.findings:
        blocks.append(Heading(t.gettext("Findings still open"), "findings"))
        blocks.append(
            Bullets(
                tuple(
                    f"{t.gettext(CATEGORY_NAMES.get(f.severity, f.severity))}: {f.text} ({f.rule})"
                    for f in note.findings
                )
            )
        )

    if note.marks:
        blocks.append(Heading(t.gettext("Milestones"), "milestones"))
        blocks.append(Facts(tuple((m.label, date_short(m.date, t)) for m in note.marks)))

    if note.earlier_notes:
        blocks.append(Heading(t.gettext("Earlier sick notes in this absence"), "earlier"))
        earlier_rows: list[tuple[str, str, str]] = []
        for e in note.earlier_notes:
            periods = "; ".join(
                f"{period_range(p.start, p.end, t)} {grade_label(p.kind, p.grade, t)}" for p in e.periods
            )
            diagnosis = f"{e.main_diagnosis.display_code}" if e.main_diagnosis is not None else "–"
            earlier_rows.append((date_short(e.signed, t), periods, diagnosis))
        blocks.append(
            Table((t.gettext("Signed"), t.gettext("Periods"), t.gettext("Diagnosis")), tuple(earlier_rows))
        )

    return Outline(
        kind="nav",
        lang=ctx.lang,
        title=t.gettext("Note to NAV"),
        subtitle=t.gettext("Sick note signed {date}").format(date=date_long(note.signed, t)),
        header_lines=_header(note, ctx, t),
        footer=t.gettext("Confidential: health information for NAV · {name}").format(
            name=note.patient_name or "–"
        ),
        watermark=_watermark(ctx, t),
        blocks=tuple(blocks),
    )


def _period_table(periods: tuple[NavPeriod, ...] | tuple[EmployerPeriod, ...], t: Translator) -> Table:
    rows = tuple(
        (
            date_short(p.start, t),
            date_short(p.end, t),
            str(p.days),
            t.gettext(KIND_NAMES[p.kind]),
            grade_label(p.kind, p.grade, t)
            if p.kind in (PeriodKind.GRADERT, PeriodKind.AKTIVITET_IKKE_MULIG)
            else "–",
        )
        for p in periods
    )
    return Table(
        (t.gettext("From"), t.gettext("To"), t.gettext("Days"), t.gettext("Kind"), t.gettext("Grade")), rows
    )


# ------------------------------------------------------------------------------------------ employer note


def employer_outline(note: EmployerNote, ctx: NoteContext) -> Outline:
    """The note to the employer: periods, what the employee can do, adjustments, duration, contact."""
    t = translator(ctx.lang)
    blocks: list[Block] = []
    facts: list[tuple[str, str]] = [(t.gettext("Employee"), note.employee_name or "–")]
    if note.employer:
        facts.append((t.gettext("Employer"), note.employer))
    if note.occupation:
        facts.append((t.gettext("Occupation"), note.occupation))
    if note.case_start is not None:
        facts.append((t.gettext("First day of absence"), date_short(note.case_start, t)))
    if note.expected_end is not None:
        facts.append((t.gettext("Sick leave until"), date_short(note.expected_end, t)))
    if note.contact_date is not None:
        facts.append((t.gettext("First contact with the sykmelder"), date_short(note.contact_date, t)))
    blocks.append(Facts(tuple(facts)))
    blocks += _timeline(_bars(note.periods, t), _bars(note.earlier_periods, t), note.milestones, ctx, t)

    blocks.append(Heading(t.gettext("Sick leave and work"), "periods"))
    blocks.append(Bullets(tuple(work_statement(p, t) for p in note.periods)))
    for p in note.periods:
        if p.advice_to_employer:
            blocks.append(Heading(t.gettext("Advice to the employer on adjustments"), f"advice[{p.index}]"))
            blocks.append(
                Para(p.advice_to_employer, f"sick_note.periods[{p.index}].advice_to_employer", "quote")
            )
    _text_section(
        blocks, "can_do", t.gettext("What the employee can do"), note.can_do, "employer_note.can_do"
    )
    if note.adjustments:
        blocks.append(Heading(t.gettext("Suggested adjustments"), "adjustments"))
        for i, a in enumerate(note.adjustments):
            if a.strip():
                blocks.append(Para(a.strip(), f"employer_note.adjustments[{i}]", "quote"))
    _text_section(
        blocks,
        "workplace_considerations",
        t.gettext("Considerations at the workplace"),
        note.workplace_considerations,
        "employer_note.workplace_considerations",
    )
    if note.work_related_reasons or note.work_related_text:
        blocks.append(Heading(t.gettext("Work-related reason"), "work_related"))
        if note.work_related_reasons:
            blocks.append(Bullets(tuple(t.gettext(WORK_REASONS[r]) for r in note.work_related_reasons)))
        if note.work_related_text:
            blocks.append(Para(note.work_related_text, "sick_note.work_related_reason_text", "quote"))
    _text_section(
        blocks,
        "message_to_employer",
        t.gettext("Message from the sykmelder"),
        note.message_to_employer,
        "sick_note.message_to_employer",
    )
    if note.expected_end is not None:
        blocks.append(Heading(t.gettext("Expected duration"), "duration"))
        lines = [
            t.gettext("The sick leave lasts up to and including {date}.").format(
                date=date_long(note.expected_end, t)
            )
        ]
        if note.fit_after_period is True:
            lines.append(t.gettext("The employee is expected to be fit for work after this period."))
        elif note.fit_after_period is False:
            lines.append(
                t.gettext("The employee is not expected to be fit for work right after this period.")
            )
        blocks.append(Para(" ".join(lines)))
    if note.milestones:
        blocks.append(Heading(t.gettext("Dates for the follow-up"), "milestones"))
        blocks.append(Facts(tuple((m.label, date_short(m.date, t)) for m in note.milestones)))
    s = note.sykmelder
    contact = _sykmelder_lines(s, t)
    if contact:
        blocks.append(Heading(t.gettext("Sykmelder"), "sykmelder"))
        blocks.append(Para(" · ".join(contact)))
    blocks.append(
        Para(
            t.gettext(
                "The employer is not told the diagnosis or other health information. Questions about "
                "adjustments go to the employee, or to the sykmelder with the employee's consent."
            ),
            None,
            "muted",
        )
    )
    return Outline(
        kind="employer",
        lang=ctx.lang,
        title=t.gettext("Note to the employer"),
        subtitle=t.gettext("Sick note signed {date}").format(date=date_long(note.signed, t)),
        header_lines=_header(note, ctx, t),
        footer=note.employee_name or "",
        watermark=_watermark(ctx, t),
        blocks=tuple(blocks),
    )


# ------------------------------------------------------------------------------------------ patient sheet


def activity_date(ctx: NoteContext) -> dt.date | None:
    """The 8-week point: the rules' AKTIVITETSKRAV mark, else case start + 8 weeks − 1 day.

    The fallback is NAV's own arithmetic (isaktivitetskrav ``stoppunktAt = tilfelleStart.plusWeeks(8)
    .minusDays(1)``, domain brief §0), used only when the caller passed no timeline.
    """
    for mark in ctx.marks:
        if mark.id == AKTIVITETSKRAV:
            return mark.date
    if ctx.case_start is None:
        return None
    return ctx.case_start + dt.timedelta(weeks=8, days=-1)


def patient_outline(case: Case, ctx: NoteContext) -> Outline:
    """The patient sheet: what the sick note means, the duty to activity, what the employer sees."""
    t = translator(ctx.lang)
    if ctx.case_start is None and case_start_of(case) is not None:
        ctx = NoteContext(
            today=ctx.today,
            lang=ctx.lang,
            case_start=case_start_of(case),
            max_date=ctx.max_date,
            marks=ctx.marks,
            findings=ctx.findings,
            questions_due=ctx.questions_due,
            course=ctx.course,
        )
    note = build_employer_note(case, ctx)  # the patient sees what the employer sees, never more
    blocks: list[Block] = []
    blocks.append(Heading(t.gettext("What the sick note means"), "meaning"))
    blocks.append(Bullets(tuple(patient_statement(p, t) for p in note.periods)))
    blocks.append(
        Para(
            t.gettext(
                "The sick note is about what you can and cannot do at work now. Your employer pays sick pay "
                "for the first 16 days of the absence; after that NAV pays."
            )
        )
    )
    when = activity_date(ctx)
    marks = tuple(m for m in note.milestones if m.id == AKTIVITETSKRAV)
    if not marks and when is not None:
        marks = (TimelineMark(AKTIVITETSKRAV, t.gettext("8-week point"), when),)
    blocks += _timeline(_bars(note.periods, t), _bars(note.earlier_periods, t), marks, ctx, t)

    blocks.append(Heading(t.gettext("Your duty to be active at 8 weeks"), "activity"))
    if when is not None:
        if when >= ctx.today:
            text = t.gettext(
                "By {date}, eight weeks after your first day of absence, you should be in work-related "
                "activity, for example graded work."
            )
        else:
            text = t.gettext(
                "Since {date}, eight weeks after your first day of absence, you should be in work-related "
                "activity, for example graded work."
            )
        blocks.append(Para(text.format(date=date_long(when, t))))
    blocks.append(
        Para(
            t.gettext(
                "The exceptions are when medical reasons clearly prevent activity, or when your workplace "
                "cannot adjust the work. Talk with your employer and your doctor about what you can do. "
                "Without activity or a valid exception, NAV can stop the sickness benefit."
            )
        )
    )

    blocks.append(Heading(t.gettext("What your employer sees"), "employer_sees"))
    blocks.append(
        Bullets(
            (
                t.gettext("the dates of your sick leave and how much you are on sick leave"),
                t.gettext(
                    "what your doctor writes to your employer about what you can do and what could help"
                ),
                t.gettext("your doctor's name and how to reach your doctor"),
                t.gettext("the date you first contacted your doctor, if the sick note starts earlier"),
            )
        )
    )
    blocks.append(Heading(t.gettext("What your employer never sees"), "employer_never_sees"))
    blocks.append(
        Bullets(
            (
                t.gettext("your diagnosis"),
                t.gettext("what your doctor writes to NAV, including the answers to NAV's questions"),
                t.gettext("the medical reasons and your health history"),
            )
        )
    )
    blocks.append(
        Para(t.gettext("You decide yourself whether to tell your employer anything about your health."))
    )

    blocks.append(Heading(t.gettext("What you should do"), "duties"))
    blocks.append(
        Bullets(
            (
                t.gettext("Log in at nav.no and send the sick note to your employer."),
                t.gettext("Make a follow-up plan together with your employer within four weeks."),
                t.gettext("Take part in dialogue meetings with your employer and NAV when you are invited."),
                t.gettext("Tell your doctor if your health or your work situation changes."),
            )
        )
    )
    s = note.sykmelder
    contact = _sykmelder_lines(s, t)
    if contact:
        blocks.append(Heading(t.gettext("Questions?"), "contact"))
        blocks.append(Para(" · ".join(contact)))
    return Outline(
        kind="patient",
        lang=ctx.lang,
        title=t.gettext("About your sick note"),
        subtitle=note.employee_name,
        header_lines=_header(note, ctx, t),
        footer=note.employee_name or "",
        watermark=_watermark(ctx, t),
        blocks=tuple(blocks),
    )


# ------------------------------------------------------------------------------------------ plain text


def outline_text(outline: Outline) -> str:
    """Every text of the outline as plain lines (what a reader of the PDF can read; for checks and tests)."""
    lines: list[str] = [
        outline.title,
        outline.subtitle,
        *outline.header_lines,
        outline.footer,
        outline.watermark,
    ]
    for block in outline.blocks:
        if isinstance(block, Heading | Para):
            lines.append(block.text)
        elif isinstance(block, Facts):
            lines += [f"{k}: {v}" for k, v in block.rows]
        elif isinstance(block, Table):
            lines.append(" | ".join(block.header))
            lines += [" | ".join(r) for r in block.rows]
        elif isinstance(block, Bullets):
            lines += list(block.items)
        else:
            lines += [b.label for b in block.model.bars]
            lines += [f"{tick.label} {tick.date.isoformat()}" for tick in block.model.ticks]
            lines += [block.model.today_label] if block.model.today else []
            lines += list(block.later)
    return "\n".join(line for line in lines if line)
