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
    DeviationSection,
    EmployerNote,
    EmployerPeriod,
    FunctionLine,
    FunctionSection,
    NavNote,
    NavPeriod,
    PastPeriod,
    ReferralLine,
    ScreeningLine,
    SykmelderInfo,
    build_employer_note,
)
from gp_tool.documents.texts import (
    ABSENCE_REASONS,
    CATEGORY_NAMES,
    DEVIATION_REASONS,
    EIGHT_WEEK_OPTIONS,
    GAP_LEVELS,
    HPR_CATEGORIES,
    KIND_NAMES,
    MEDICAL_REASONS,
    PROGNOSES,
    REFERRAL_STATUSES,
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
    yes_no,
)
from gp_tool.documents.timeline import TimelineModel, build_timeline
from gp_tool.domain.assessment import ActivityRequirement, PatientPart, Plan
from gp_tool.domain.case import Case, PeriodKind
from gp_tool.i18n.catalog import Translator, translator
from gp_tool.i18n.markers import N_
from gp_tool.rules.function import demand_label, domain_label, limitation_label
from gp_tool.rules.screening import Score, instrument_info

__all__ = [
    "DRAFT_MARK",
    "Block",
    "Bullets",
    "Facts",
    "Heading",
    "Outline",
    "Para",
    "Table",
    "TimelineBlock",
    "deviation_facts",
    "draft_mark",
    "eight_week_facts",
    "eight_week_texts",
    "employer_outline",
    "function_cells",
    "marks",
    "nav_outline",
    "outline_text",
    "patient_outline",
    "patient_part_texts",
    "referral_cells",
    "score_cells",
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


DRAFT_MARK: Final = N_("DRAFT – not a valid sick note")
"""«UTKAST – ikke gyldig sykmelding» (nn «UTKAST – ikkje gyldig sjukmelding»): on every page of a draft."""


def draft_mark(lang: str) -> str:
    """The draft mark in ``lang``."""
    return translator(lang).gettext(DRAFT_MARK)


def marks(ctx: NoteContext) -> tuple[str, ...]:
    """The marks on every page and at the top of the text outputs: the draft mark, the course mark."""
    t = translator(ctx.lang)
    found = [t.gettext(DRAFT_MARK)] if ctx.draft else []
    if ctx.course:
        found.append(t.gettext("COURSE – fictional patient"))
    return tuple(found)


def _watermark(ctx: NoteContext, t: Translator) -> str:
    del t
    return "\n".join(marks(ctx))


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

    if note.activity_requirement is not None:
        _eight_weeks(blocks, note.activity_requirement, t)
    _text_section(blocks, "medical_summary", t.gettext("Medical summary"), note.medical_summary)
    if note.function is not None:
        _function(blocks, note.function, t)
    if note.screening:
        _screening(blocks, note.screening, t)
    if note.plan is not None:
        _plan(blocks, note.plan, t)
    if note.deviation is not None:
        _deviation(blocks, note.deviation, t)
    if note.referrals:
        blocks.append(Heading(t.gettext("Referrals and support"), "referrals"))
        blocks.append(
            Table(
                (t.gettext("Option"), t.gettext("Status"), t.gettext("Date"), t.gettext("Note")),
                tuple(referral_cells(r, t) for r in note.referrals),
            )
        )
    if note.patient_part is not None:
        _patient_part(blocks, note.patient_part, t)
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


# ------------------------------------------------------------------------------------------ NAV sections


def function_cells(line: FunctionLine, t: Translator) -> tuple[str, str, str, str]:
    """Domain, limitation now, what the job asks, gap: translated, "–" where not given."""
    return (
        t.gettext(domain_label(line.domain)),
        t.gettext(limitation_label(line.limitation)) if line.limitation is not None else "–",
        t.gettext(demand_label(line.demand)) if line.demand is not None else "–",
        t.gettext(GAP_LEVELS[line.level]) if line.level in GAP_LEVELS else "–",
    )


def _labelled_quote(blocks: list[Block], label: str, text: str, field: str) -> None:
    if text.strip():
        blocks.append(Para(label, None, "strong"))
        blocks.append(Para(text.strip(), field, "quote"))


def _labelled_list(blocks: list[Block], label: str, items: tuple[str, ...]) -> None:
    items = tuple(i for i in items if i)
    if items:
        blocks.append(Para(label, None, "strong"))
        blocks.append(Bullets(items))


def _function(blocks: list[Block], section: FunctionSection, t: Translator) -> None:
    """Function against the job's demands (domain brief §1.3: concrete functional limits)."""
    if not (section.domains or any(section.possible_tasks) or any(section.adjustments)):
        return
    blocks.append(Heading(t.gettext("Function and the demands of the job"), "function"))
    if section.assessed_on is not None:
        blocks.append(
            Para(t.gettext("Assessed {date}.").format(date=date_short(section.assessed_on, t)), None, "muted")
        )
    if section.domains:
        blocks.append(
            Table(
                (
                    t.gettext("Function"),
                    t.gettext("Limitation now"),
                    t.gettext("The job asks"),
                    t.gettext("Match with the job"),
                    t.gettext("Note"),
                ),
                tuple((*function_cells(line, t), line.note or "–") for line in section.domains),
            )
        )
    for level, label in (
        ("GAP", t.gettext("The job asks more than the patient can give now: {domains}.")),
        ("STRAIN", t.gettext("Close to the patient's limit: {domains}.")),
    ):
        names = [t.gettext(domain_label(x.domain)) for x in section.domains if x.level == level]
        if names:
            blocks.append(Para(label.format(domains=", ".join(names))))
    _labelled_list(blocks, t.gettext("What the patient can do at work now"), section.possible_tasks)
    _labelled_list(blocks, t.gettext("Adjustments at work that would help"), section.adjustments)


def score_cells(line: ScreeningLine, t: Translator) -> tuple[str, str, str, str, str, str]:
    """Instrument, date, score, band, risk signal, whether the GP agrees: translated."""
    score: Score = line.score
    if score.total is None:
        total = t.ngettext(
            "not scored ({count} item blank)", "not scored ({count} items blank)", score.missing
        ).format(count=score.missing)
    else:
        total = f"{score.total}/{score.maximum}"
        if score.prorated:
            total += " " + t.ngettext(
                "({count} blank item counted at the mean)",
                "({count} blank items counted at the mean)",
                score.missing,
            ).format(count=score.missing)
    signal = "–" if score.total is None else t.gettext("yes") if score.signal else t.gettext("no")
    return (
        instrument_info(score.instrument).short_name,
        date_short(score.date, t),
        total,
        t.gettext(score.band.label) if score.band is not None else "–",
        signal,
        yes_no(score.gp_agrees, t),
    )


def _screening(blocks: list[Block], lines: tuple[ScreeningLine, ...], t: Translator) -> None:
    blocks.append(Heading(t.gettext("Screening"), "screening"))
    blocks.append(
        Table(
            (
                t.gettext("Instrument"),
                t.gettext("Date"),
                t.gettext("Score"),
                t.gettext("Band"),
                t.gettext("Risk signal"),
                t.gettext("GP agrees"),
                t.gettext("Comment"),
            ),
            tuple((*score_cells(line, t), line.comment or "–") for line in lines),
        )
    )
    blocks.append(Para(t.gettext("A score is a signal for the conversation, not a decision."), None, "muted"))


def _plan(blocks: list[Block], plan: Plan, t: Translator) -> None:
    rows: list[tuple[str, str]] = []
    if plan.prognosis is not None:
        rows.append((t.gettext("Prognosis"), t.gettext(PROGNOSES[plan.prognosis])))
    if plan.expected_return is not None:
        rows.append((t.gettext("Expected back at work"), date_short(plan.expected_return, t)))
    if plan.reassess_on is not None:
        rows.append((t.gettext("Reassessment"), date_short(plan.reassess_on, t)))
    texts = (
        (t.gettext("Treatment"), plan.treatment, "plan.treatment"),
        (t.gettext("Measures at work alongside treatment"), plan.work_measures, "plan.work_measures"),
        (t.gettext("Measures asked of NAV"), plan.measures_from_nav, "plan.measures_from_nav"),
    )
    if not rows and not any(text.strip() for _l, text, _f in texts):
        return
    blocks.append(Heading(t.gettext("Plan"), "plan"))
    if rows:
        blocks.append(Facts(tuple(rows)))
    for label, text, field_path in texts:
        _labelled_quote(blocks, label, text, field_path)


def deviation_facts(section: DeviationSection, t: Translator) -> tuple[tuple[str, str], ...]:
    """The guidance compared with this absence, as label/value rows (empty without guidance)."""
    guidance = section.guidance
    if guidance is None:
        return ()
    rows = [(t.gettext("Diagnosis guidance"), guidance.text("title", t.language))]
    if guidance.full_leave_days is not None:
        rows.append(
            (
                t.gettext("Full sick leave in the guidance"),
                t.ngettext("up to {count} day", "up to {count} days", guidance.full_leave_days).format(
                    count=guidance.full_leave_days
                ),
            )
        )
    if section.full_leave_days is not None:
        rows.append(
            (
                t.gettext("Full sick leave in this absence"),
                t.ngettext("{count} day", "{count} days", section.full_leave_days).format(
                    count=section.full_leave_days
                ),
            )
        )
    return tuple(rows)


def _deviation(blocks: list[Block], section: DeviationSection, t: Translator) -> None:
    """Why full leave runs beyond the diagnosis guidance (peers §11.5)."""
    blocks.append(Heading(t.gettext("Full sick leave beyond the diagnosis guidance"), "deviation"))
    facts = deviation_facts(section, t)
    if facts:
        blocks.append(Facts(facts))
    if section.reasons:
        blocks.append(Bullets(tuple(t.gettext(DEVIATION_REASONS[r]) for r in section.reasons)))
    if section.text:
        blocks.append(Para(section.text, "plan.guidance_deviation_text", "quote"))


def referral_cells(line: ReferralLine, t: Translator) -> tuple[str, str, str, str]:
    """Option name, status, date, note ("–" where not given)."""
    r = line.record
    return (
        line.name(t.language),
        t.gettext(REFERRAL_STATUSES[r.status]),
        date_short(r.date, t) if r.date is not None else "–",
        r.note.strip() or "–",
    )


def eight_week_facts(a: ActivityRequirement, t: Translator) -> tuple[tuple[str, str], ...]:
    """The 8-week point's facts as label/value rows (the free texts come separately)."""
    rows = [
        (t.gettext("Follow-up plan received from the employer"), yes_no(a.follow_up_plan_received, t)),
        (t.gettext("Dialogue meeting 1 held"), yes_no(a.dialogue_meeting_held, t)),
        (t.gettext("The GP was invited to dialogue meeting 1"), yes_no(a.gp_invited, t)),
    ]
    if a.option is not None:
        rows.append((t.gettext("Option chosen"), t.gettext(EIGHT_WEEK_OPTIONS[a.option])))
    if a.reassess_on is not None:
        rows.append((t.gettext("To be reassessed"), date_short(a.reassess_on, t)))
    rows.append(
        (t.gettext("The GP asks NAV for a dialogue meeting"), yes_no(a.ask_nav_for_dialogue_meeting, t))
    )
    rows.append((t.gettext("The GP will take part in the dialogue meeting"), yes_no(a.gp_will_attend, t)))
    return tuple(rows)


def eight_week_texts(a: ActivityRequirement, t: Translator) -> tuple[tuple[str, str, str], ...]:
    """Label, text and case-file path of the 8-week point's free texts (empty ones included)."""
    return (
        (
            t.gettext("Outcome of dialogue meeting 1"),
            a.dialogue_meeting_outcome,
            "activity_requirement.dialogue_meeting_outcome",
        ),
        (
            t.gettext("Why work-related activity is not possible now"),
            a.why_activity_impossible,
            "activity_requirement.why_activity_impossible",
        ),
        (
            t.gettext("What would make activity possible"),
            a.what_would_change_it,
            "activity_requirement.what_would_change_it",
        ),
        (
            t.gettext("The workplace: adjustments tried or asked for, and why they are not possible"),
            a.workplace_facts,
            "activity_requirement.workplace_facts",
        ),
    )


def _eight_weeks(blocks: list[Block], a: ActivityRequirement, t: Translator) -> None:
    """The 8-week point (ftrl § 8-8 second paragraph; domain brief §1.3: what NAV decides on)."""
    blocks.append(Heading(t.gettext("The 8-week point (activity requirement)"), "eight_weeks"))
    blocks.append(Facts(eight_week_facts(a, t)))
    for label, text, field_path in eight_week_texts(a, t):
        _labelled_quote(blocks, label, text, field_path)


def patient_part_texts(p: PatientPart, t: Translator) -> tuple[tuple[str, str, str], ...]:
    """Label, text and case-file path of the patient's own part (empty ones included)."""
    return (
        (t.gettext("Tasks I can do"), p.tasks_i_can_do, "patient_part.tasks_i_can_do"),
        (t.gettext("What would help me"), p.what_would_help, "patient_part.what_would_help"),
        (t.gettext("What I worry about"), p.worries, "patient_part.worries"),
    )


def _patient_part(blocks: list[Block], p: PatientPart, t: Translator) -> None:
    texts = patient_part_texts(p, t)
    if not any(text.strip() for _l, text, _f in texts):
        return
    blocks.append(Heading(t.gettext("In the patient's own words"), "patient_part"))
    if p.filled_on is not None:
        intro = t.gettext("Written by the patient on {date}; included with the patient's consent.").format(
            date=date_short(p.filled_on, t)
        )
    else:
        intro = t.gettext("Written by the patient; included with the patient's consent.")
    blocks.append(Para(intro, None, "muted"))
    for label, text, field_path in texts:
        _labelled_quote(blocks, label, text, field_path)


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
    # the function assessment's two employer lists, each item under its case-file path (firewall)
    for key, heading, items, path in (
        ("can_do", t.gettext("What the employee can do"), note.possible_tasks, "function.possible_tasks"),
        ("adjustments", t.gettext("Suggested adjustments"), note.adjustments, "function.adjustments"),
    ):
        if any(x.strip() for x in items):
            blocks.append(Heading(heading, key))
            for i, item in enumerate(items):
                if item.strip():
                    blocks.append(Para(item.strip(), f"{path}[{i}]", "quote"))
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
            draft=ctx.draft,
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
