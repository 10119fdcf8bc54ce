"""The journal text: a compact plain-text summary of the consultation for the patient record (EPJ).

One line per topic, "Label: content", free text flattened to one line, ready to paste. It holds what
the record needs and the notes do not: the job demands and the patient's own view from the case
(tool and journal only, never sent), besides the sick note, diagnoses, reasons, both messages, NAV's
questions, back-dating and the findings still open. Of the work-focused parts it holds everything
the NAV note holds (the 8-week point, function, screening, plan, guidance deviation, referrals) and
the patient's own part **always**, with or without consent to NAV: the journal is the GP's own record
(``gp_tool.domain.assessment``).

In course mode (``NoteContext.course``, issue 9) the first line is «KURS – fiktiv pasient», so text
pasted from a training case can never pass for a real patient's record.
"""

from __future__ import annotations

from gp_tool.documents.context import NoteContext
from gp_tool.documents.models import NavNote, NavPeriod
from gp_tool.documents.outline import (
    activity_date,
    deviation_facts,
    eight_week_facts,
    eight_week_texts,
    function_cells,
    marks,
    patient_part_texts,
    referral_cells,
)
from gp_tool.documents.texts import (
    ABSENCE_REASONS,
    CATEGORY_NAMES,
    DEVIATION_REASONS,
    KIND_NAMES,
    MEDICAL_REASONS,
    PROGNOSES,
    WORK_REASONS,
    answer_text,
    date_short,
    grade_label,
    period_range,
    yes_no,
)
from gp_tool.domain.case import Case, PeriodKind
from gp_tool.i18n.catalog import Translator, translator

__all__ = ["journal_text"]


def _flat(text: str) -> str:
    """Free text on one line (the record takes one line per topic)."""
    return " ".join(text.split())


def _line(lines: list[str], label: str, content: str) -> None:
    content = _flat(content)
    if content:
        lines.append(f"{label}: {content}")


def _period(p: NavPeriod, t: Translator) -> str:
    what = t.gettext(KIND_NAMES[p.kind])
    if p.kind is PeriodKind.GRADERT and p.grade is not None:
        what += " " + grade_label(p.kind, p.grade, t)
    if p.kind is PeriodKind.BEHANDLINGSDAGER and p.treatment_days:
        what += f" ({p.treatment_days})"
    return t.ngettext("{what} {period} ({count} day)", "{what} {period} ({count} days)", p.days).format(
        what=what, period=period_range(p.start, p.end, t), count=p.days
    )


def _work_focus(lines: list[str], case: Case, n: NavNote, t: Translator) -> None:
    """The 8-week point, function, screening, plan, guidance deviation, referrals, the patient's part."""
    a = n.activity_requirement
    if a is not None:
        _line(
            lines,
            t.gettext("Activity requirement at 8 weeks"),
            "; ".join(f"{k}: {v}" for k, v in eight_week_facts(a, t)),
        )
        for label, text, _field in eight_week_texts(a, t):
            _line(lines, label, text)
    f = n.function
    if f is not None:
        label = t.gettext("Function")
        if f.assessed_on is not None:
            label = t.gettext("Function ({date})").format(date=date_short(f.assessed_on, t))
        domains = []
        for row in f.domains:
            name, limitation, demand, gap = function_cells(row, t)
            text = f"{name}: {limitation} / {demand}"
            if row.level is not None:
                text += f" – {gap}"
            domains.append(text + (f" ({row.note})" if row.note else ""))
        _line(lines, label, "; ".join(domains))
        _line(
            lines,
            t.gettext("What the patient can do at work now"),
            "; ".join(x for x in f.possible_tasks if x),
        )
        _line(
            lines, t.gettext("Adjustments at work that would help"), "; ".join(x for x in f.adjustments if x)
        )
    screening = []
    for s in n.screening:
        text = f"{date_short(s.score.date, t)} {s.score.summary(t)}"
        if s.comment:
            text += " " + t.gettext("Comment: {text}").format(text=s.comment.rstrip("."))
        screening.append(text.rstrip("."))
    _line(lines, t.gettext("Screening"), "; ".join(screening))
    p = n.plan
    if p is not None:
        facts = []
        if p.prognosis is not None:
            facts.append(t.gettext(PROGNOSES[p.prognosis]))
        if p.expected_return is not None:
            facts.append(t.gettext("back at work {date}").format(date=date_short(p.expected_return, t)))
        if p.reassess_on is not None:
            facts.append(t.gettext("reassessment {date}").format(date=date_short(p.reassess_on, t)))
        _line(lines, t.gettext("Prognosis"), ", ".join(facts))
        _line(lines, t.gettext("Treatment"), p.treatment)
        _line(lines, t.gettext("Measures at work alongside treatment"), p.work_measures)
        _line(lines, t.gettext("Measures asked of NAV"), p.measures_from_nav)
    d = n.deviation
    if d is not None:
        parts = [t.gettext(DEVIATION_REASONS[r]) for r in d.reasons]
        if d.text:
            parts.append(d.text)
        parts += [f"{k}: {v}" for k, v in deviation_facts(d, t)]
        _line(lines, t.gettext("Full sick leave beyond the diagnosis guidance"), "; ".join(parts))
    referrals = []
    for r in n.referrals:
        name, status, day, note = referral_cells(r, t)
        text = f"{name}: {status}"
        if r.record.date is not None:
            text += f" {day}"
        referrals.append(text + (f" ({note})" if r.record.note.strip() else ""))
    _line(lines, t.gettext("Referrals and support"), "; ".join(referrals))
    # the journal is the GP's own record: the patient's part is kept whether or not NAV may see it
    part = case.patient_part
    if part is not None:
        texts = [
            f"{label}: {_flat(text).rstrip('.')}."
            for label, text, _f in patient_part_texts(part, t)
            if text.strip()
        ]
        if texts:
            head = t.gettext("The patient's own part")
            if part.filled_on is not None:
                head += f" ({date_short(part.filled_on, t)})"
            consent = t.gettext("May go to NAV: {answer}.").format(answer=yes_no(part.consent_to_nav, t))
            _line(lines, head, " ".join([*texts, consent]))


def journal_text(case: Case, nav_note: NavNote, ctx: NoteContext) -> str:
    """The journal text in ``ctx.lang`` (ends with a newline)."""
    t = translator(ctx.lang)
    n = nav_note
    lines: list[str] = list(marks(ctx))
    periods = "; ".join(_period(p, t) for p in n.periods)
    _line(lines, t.gettext("Sick note signed {date}").format(date=date_short(n.signed, t)), periods)

    diagnoses = [
        f"{d.display_code} {d.text} ({d.system.value})" if d.known else f"{d.code} ({d.system.value})"
        for d in n.diagnoses
    ]
    if n.other_absence_reason is not None:
        reason = ABSENCE_REASONS.get(n.other_absence_reason)
        diagnoses.append(
            t.gettext("Other absence reason: {reason}").format(
                reason=t.gettext(reason) if reason else n.other_absence_reason
            )
        )
    _line(lines, t.gettext("Diagnoses"), "; ".join(diagnoses))

    case_facts: list[str] = []
    if n.case_start is not None:
        day = (ctx.today - n.case_start).days + 1
        case_facts.append(t.gettext("from {date}").format(date=date_short(n.case_start, t)))
        if day >= 1:
            case_facts.append(t.gettext("week {week}, day {day}").format(week=(day + 6) // 7, day=day))
    when = activity_date(ctx)
    if when is not None:
        case_facts.append(t.gettext("activity requirement {date}").format(date=date_short(when, t)))
    if n.max_date is not None:
        case_facts.append(t.gettext("maksdato {date}").format(date=date_short(n.max_date, t)))
    _line(lines, t.gettext("Absence"), ", ".join(case_facts))
    if n.earlier_notes:
        earlier = "; ".join(
            f"{period_range(p.start, p.end, t)} {grade_label(p.kind, p.grade, t)}"
            for e in n.earlier_notes
            for p in e.periods
        )
        _line(lines, t.gettext("Earlier sick notes"), earlier)

    medical = [t.gettext(MEDICAL_REASONS[r]) for p in n.periods for r in p.medical_reasons]
    _line(lines, t.gettext("Medical reason"), "; ".join(dict.fromkeys(medical)))
    work = [t.gettext(WORK_REASONS[r]) for r in n.work_related_reasons]
    if n.work_related_text:
        work.append(n.work_related_text)
    _line(lines, t.gettext("Work-related reason"), "; ".join(work))
    for p in n.periods:
        if p.advice_to_employer:
            _line(lines, t.gettext("Advice to the employer"), p.advice_to_employer)
    _line(lines, t.gettext("Message to the employer"), n.message_to_employer)
    _line(lines, t.gettext("Message to NAV"), n.message_to_nav)
    _line(lines, t.gettext("Medical summary"), n.medical_summary)
    _work_focus(lines, case, n, t)
    not_answered = t.gettext("not answered")
    answers = [
        f"{a.id}: {_flat(answer_text(a.id, a.answer, t)) if a.answer else not_answered}" for a in n.answers
    ]
    _line(lines, t.gettext("Answers to NAV's questions"), " / ".join(answers))
    if n.backdating_contact is not None:
        text = t.gettext("first contact {date}").format(date=date_short(n.backdating_contact, t))
        if n.backdating_justification:
            text += ". " + n.backdating_justification
        _line(lines, t.gettext("Back-dating"), text)

    demands = getattr(case.work, "demands", None) or []
    _line(lines, t.gettext("Job demands"), "; ".join(str(d) for d in demands if str(d).strip()))
    view = getattr(case.work, "patient_view", None)
    if view is not None:
        parts = [
            (t.gettext("life"), getattr(view, "life_factors", "")),
            (t.gettext("workplace"), getattr(view, "workplace_factors", "")),
            (t.gettext("own assessment"), getattr(view, "own_assessment", "")),
        ]
        _line(
            lines,
            t.gettext("Patient's view"),
            " ".join(f"{k}: {_flat(str(v)).rstrip('.')}." for k, v in parts if str(v).strip()),
        )
    findings = [
        f"{t.gettext(CATEGORY_NAMES.get(f.severity, f.severity))}: {f.text} ({f.rule})" for f in n.findings
    ]
    _line(lines, t.gettext("Findings still open"), "; ".join(findings))
    # plain spaces: record systems differ in how they show no-break spaces from number formatting
    return ("\n".join(lines) + "\n").replace("\xa0", " ").replace("\u202f", " ")
