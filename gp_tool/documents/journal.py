"""The journal text: a compact plain-text summary of the consultation for the patient record (EPJ).

One line per topic, "Label: content", free text flattened to one line, ready to paste. It holds what
the record needs and the notes do not: the job demands and the patient's own view from the case
(tool and journal only, never sent), besides the sick note, diagnoses, reasons, both messages, NAV's
questions, back-dating and the findings still open.
"""

from __future__ import annotations

from gp_tool.documents.context import NoteContext
from gp_tool.documents.models import NavNote, NavPeriod
from gp_tool.documents.outline import activity_date
from gp_tool.documents.texts import (
    ABSENCE_REASONS,
    CATEGORY_NAMES,
    KIND_NAMES,
    MEDICAL_REASONS,
    WORK_REASONS,
    answer_text,
    date_short,
    grade_label,
    period_range,
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


def journal_text(case: Case, nav_note: NavNote, ctx: NoteContext) -> str:
    """The journal text in ``ctx.lang`` (ends with a newline)."""
    t = translator(ctx.lang)
    n = nav_note
    lines: list[str] = []
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
    for label, text in (
        (t.gettext("Medical summary"), n.medical_summary),
        (t.gettext("Functional limits"), n.functional_limits),
        (t.gettext("Treatment plan"), n.treatment_plan),
        (t.gettext("Prognosis"), n.prognosis),
        (t.gettext("Referrals made"), "; ".join(n.referrals_done)),
        (t.gettext("Referrals declined"), "; ".join(n.referrals_declined)),
        (t.gettext("Measures asked of NAV"), "; ".join(n.measures_requested)),
    ):
        _line(lines, label, text)
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
