"""The participant's answer beside the model answer, step by step (course cases, issue 9).

At a consultation of a course case (:mod:`gp_tool.domain.course`) the participant works the case in the
window; :func:`compare` sets their case beside the model answer for the steps where the GP chooses:

* 3 Function and screening — the limitation per function domain, the instruments used, the tasks and
  adjustments offered to the employer;
* 4 Referrals and support — every option planned or done;
* 5 Decision — the kind of leave (and whether it is more or less absent than the model's: the least
  absent option first), the grade, the length, the diagnosis, the prognosis and reassessment date, the
  8-week option;
* 6 NAV's questions — each question the model answers;
* 7 Messages — a message to the employer (and whether it passes the privacy check), a message to NAV;
* 8 Notes — stops and warnings from NAV's receiving rules and the tool's own checks.

Each row has a :class:`Verdict`; a course rewards the direction, not the letter, so near answers are
``CLOSE`` (a grade within 10 points, a length within 7 days, a limitation one level apart). The rows
are rendered in one language (the window compares again when the language changes). Pure: no disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, TypeVar

from gp_tool.documents.context import basic_context
from gp_tool.documents.firewall import check_employer_text
from gp_tool.documents.models import build_employer_note
from gp_tool.documents.texts import (
    EIGHT_WEEK_OPTIONS,
    KIND_NAMES,
    PROGNOSES,
    date_short,
    percent,
    question_label,
)
from gp_tool.domain.assessment import Demand, FunctionDomain, Limitation, ReferralStatus
from gp_tool.domain.case import Case, PeriodKind
from gp_tool.i18n.catalog import Translator, translator
from gp_tool.i18n.markers import N_
from gp_tool.rules.engine import evaluate
from gp_tool.rules.function import demand_label, domain_label, limitation_label
from gp_tool.rules.model import Severity
from gp_tool.rules.referrals import option
from gp_tool.rules.screening import instrument_info

K = TypeVar("K")

__all__ = ["ABSENCE_ORDER", "Comparison", "Row", "StepComparison", "Verdict", "compare"]


class Verdict(StrEnum):
    SAME = "SAME"
    """As the model answer."""
    CLOSE = "CLOSE"
    """Near the model answer (counts half)."""
    DIFFERENT = "DIFFERENT"
    MISSING = "MISSING"
    """The model answer has it; the participant's does not."""
    EXTRA = "EXTRA"
    """The participant's answer has it; the model's does not (not counted: it may be a good idea)."""


VERDICT_NAMES: Final[dict[Verdict, str]] = {
    Verdict.SAME: N_("As the model"),
    Verdict.CLOSE: N_("Near the model"),
    Verdict.DIFFERENT: N_("Different"),
    Verdict.MISSING: N_("Missing"),
    Verdict.EXTRA: N_("Extra"),
}

ABSENCE_ORDER: Final[dict[PeriodKind, int]] = {
    # The least absent option first (the strategy «Arbeid og helse»; domain brief §2.2).
    PeriodKind.AVVENTENDE: 0,
    PeriodKind.GRADERT: 1,
    PeriodKind.REISETILSKUDD: 2,
    PeriodKind.BEHANDLINGSDAGER: 3,
    PeriodKind.AKTIVITET_IKKE_MULIG: 4,
}

_LEVEL: Final[dict[Limitation, int]] = {
    Limitation.NONE: 0,
    Limitation.SOME: 1,
    Limitation.MARKED: 2,
    Limitation.NOT_POSSIBLE: 3,
}
_ACTIVE: Final = frozenset({ReferralStatus.PLANNED, ReferralStatus.DONE})
GRADE_CLOSE: Final = 10
"""Grades within this many points of the model's count as close."""
DAYS_CLOSE: Final = 7
"""Note lengths within this many days of the model's count as close."""


@dataclass(frozen=True)
class Row:
    topic: str
    yours: str
    model: str
    verdict: Verdict
    comment: str = ""

    def verdict_text(self, lang: str) -> str:
        return translator(lang).gettext(VERDICT_NAMES[self.verdict])


@dataclass(frozen=True)
class StepComparison:
    step: str
    """The step key (``gp_tool.domain.course.STEP_KEYS``)."""
    rows: tuple[Row, ...]

    @property
    def counted(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.verdict is not Verdict.EXTRA)

    @property
    def score(self) -> float:
        """Rows as the model (1) or close (½)."""
        return sum(
            1.0 if r.verdict is Verdict.SAME else 0.5 if r.verdict is Verdict.CLOSE else 0.0
            for r in self.counted
        )


@dataclass(frozen=True)
class Comparison:
    steps: tuple[StepComparison, ...]

    @property
    def score(self) -> float:
        return sum(s.score for s in self.steps)

    @property
    def counted(self) -> int:
        return sum(len(s.counted) for s in self.steps)

    def step(self, key: str) -> StepComparison:
        for found in self.steps:
            if found.step == key:
                return found
        raise KeyError(key)


def _grade(kind: PeriodKind, grade: int | None) -> int:
    """The share of work the patient is away from, 0–100, for comparing grades across kinds."""
    if kind is PeriodKind.GRADERT and grade is not None:
        return grade
    return 100 if kind is PeriodKind.AKTIVITET_IKKE_MULIG else 0


def _kinds(case: Case, t: Translator) -> str:
    names = [t.gettext(KIND_NAMES[p.kind]) for p in case.sick_note.periods]
    return " → ".join(dict.fromkeys(names)) or "–"


def _days(case: Case) -> int:
    periods = case.sick_note.periods
    if not periods:
        return 0
    return (max(p.to for p in periods) - min(p.from_ for p in periods)).days + 1


def _yes(value: bool, t: Translator) -> str:
    return t.gettext("Yes") if value else t.gettext("No")


def _function(yours: Case, model: Case, t: Translator) -> StepComparison:
    rows: list[Row] = []
    mine = yours.function.domains if yours.function is not None else {}
    theirs = model.function.domains if model.function is not None else {}
    for domain in FunctionDomain:
        a, b = mine.get(domain), theirs.get(domain)
        a_lim = a.limitation if a is not None else None
        b_lim = b.limitation if b is not None else None
        if a_lim is None and b_lim is None:
            continue

        def show(lim: Limitation | None, dem: Demand | None) -> str:
            if lim is None:
                return t.gettext("Not assessed")
            text = t.gettext(limitation_label(lim))
            if dem is not None:
                text += " · " + t.gettext("job: {demand}").format(demand=t.gettext(demand_label(dem)))
            return text

        if b_lim is None:
            verdict = Verdict.EXTRA
        elif a_lim is None:
            verdict = Verdict.MISSING
        else:
            gap = abs(_LEVEL[a_lim] - _LEVEL[b_lim])
            verdict = Verdict.SAME if gap == 0 else Verdict.CLOSE if gap == 1 else Verdict.DIFFERENT
        rows.append(
            Row(
                t.gettext(domain_label(domain)),
                show(a_lim, a.demand if a is not None else None),
                show(b_lim, b.demand if b is not None else None),
                verdict,
            )
        )
    for label, a_list, b_list in (
        (
            N_("Tasks the patient can do (employer)"),
            yours.function.possible_tasks if yours.function else [],
            model.function.possible_tasks if model.function else [],
        ),
        (
            N_("Adjustments at work (employer)"),
            yours.function.adjustments if yours.function else [],
            model.function.adjustments if model.function else [],
        ),
    ):
        if not a_list and not b_list:
            continue
        rows.append(
            Row(
                t.gettext(label),
                "; ".join(a_list) or "–",
                "; ".join(b_list) or "–",
                _presence(bool(a_list), bool(b_list)),
            )
        )
    used_a = {r.instrument for r in yours.screening}
    used_b = {r.instrument for r in model.screening}
    for instrument in sorted(used_a | used_b):
        name = instrument_info(instrument).short_name
        rows.append(
            Row(
                t.gettext("Screening: {instrument}").format(instrument=name),
                _yes(instrument in used_a, t),
                _yes(instrument in used_b, t),
                _presence(instrument in used_a, instrument in used_b),
            )
        )
    return StepComparison("function", tuple(rows))


def _presence(yours: bool, model: bool) -> Verdict:
    if yours == model:
        return Verdict.SAME
    return Verdict.MISSING if model else Verdict.EXTRA


def _support(yours: Case, model: Case, t: Translator) -> StepComparison:
    def active(case: Case) -> dict[str, ReferralStatus]:
        return {r.option: r.status for r in case.referrals if r.status in _ACTIVE}

    mine, theirs = active(yours), active(model)
    lang = t.language
    rows = []
    order = [r.option for r in model.referrals] + [r.option for r in yours.referrals]
    for option_id in dict.fromkeys(order):
        if option_id not in mine and option_id not in theirs:
            continue
        found = option(option_id)
        topic = found.text("name", lang) if found is not None else option_id
        rows.append(
            Row(
                topic,
                _status(mine.get(option_id), t),
                _status(theirs.get(option_id), t),
                _presence(option_id in mine, option_id in theirs),
            )
        )
    return StepComparison("support", tuple(rows))


def _status(status: ReferralStatus | None, t: Translator) -> str:
    if status is None:
        return "–"
    return t.gettext("Done") if status is ReferralStatus.DONE else t.gettext("Planned")


def _decision(yours: Case, model: Case, t: Translator) -> StepComparison:
    rows: list[Row] = []
    a_kinds = [p.kind for p in yours.sick_note.periods]
    b_kinds = [p.kind for p in model.sick_note.periods]
    a_first = min((ABSENCE_ORDER[k] for k in a_kinds), default=None)
    b_first = min((ABSENCE_ORDER[k] for k in b_kinds), default=None)
    comment = ""
    if a_kinds == b_kinds:
        verdict = Verdict.SAME
    else:
        verdict = Verdict.DIFFERENT
        if a_first is not None and b_first is not None and a_first > b_first:
            comment = t.gettext("More absent than the model answer: is a less absent option possible?")
        elif a_first is not None and b_first is not None and a_first < b_first:
            comment = t.gettext("Less absent than the model answer: does the function allow it?")
    rows.append(Row(t.gettext("Kind of sick leave"), _kinds(yours, t), _kinds(model, t), verdict, comment))

    graded = PeriodKind.GRADERT in a_kinds or PeriodKind.GRADERT in b_kinds
    if graded:
        a_grade = max((_grade(p.kind, p.grade) for p in yours.sick_note.periods), default=0)
        b_grade = max((_grade(p.kind, p.grade) for p in model.sick_note.periods), default=0)
        gap = abs(a_grade - b_grade)
        rows.append(
            Row(
                t.gettext("Sick-leave grade (highest)"),
                percent(a_grade, t),
                percent(b_grade, t),
                Verdict.SAME if gap == 0 else Verdict.CLOSE if gap <= GRADE_CLOSE else Verdict.DIFFERENT,
            )
        )
    a_days, b_days = _days(yours), _days(model)
    gap = abs(a_days - b_days)
    rows.append(
        Row(
            t.gettext("Length of the sick note"),
            t.ngettext("{n} day", "{n} days", a_days).format(n=a_days),
            t.ngettext("{n} day", "{n} days", b_days).format(n=b_days),
            Verdict.SAME if gap == 0 else Verdict.CLOSE if gap <= DAYS_CLOSE else Verdict.DIFFERENT,
        )
    )
    a_dx, b_dx = yours.sick_note.main_diagnosis, model.sick_note.main_diagnosis
    if a_dx is not None or b_dx is not None:
        if a_dx is None or b_dx is None:
            verdict = _presence(a_dx is not None, b_dx is not None)
        elif a_dx.code.replace(".", "").upper() == b_dx.code.replace(".", "").upper():
            verdict = Verdict.SAME
        elif a_dx.code[:1].upper() == b_dx.code[:1].upper():
            verdict = Verdict.CLOSE
        else:
            verdict = Verdict.DIFFERENT
        rows.append(
            Row(
                t.gettext("Main diagnosis"),
                f"{a_dx.system.value} {a_dx.code}" if a_dx else "–",
                f"{b_dx.system.value} {b_dx.code}" if b_dx else "–",
                verdict,
            )
        )
    a_plan, b_plan = yours.plan, model.plan
    if b_plan is not None or a_plan is not None:
        a_prog = a_plan.prognosis if a_plan is not None else None
        b_prog = b_plan.prognosis if b_plan is not None else None
        if a_prog is not None or b_prog is not None:
            rows.append(_choice(t.gettext("Prognosis"), a_prog, b_prog, PROGNOSES, t))
        a_re = a_plan.reassess_on if a_plan is not None else None
        b_re = b_plan.reassess_on if b_plan is not None else None
        if a_re is not None or b_re is not None:
            rows.append(
                Row(
                    t.gettext("Reassessment date"),
                    date_short(a_re, t) if a_re else "–",
                    date_short(b_re, t) if b_re else "–",
                    _presence(a_re is not None, b_re is not None),
                )
            )
    a_opt = yours.activity_requirement.option if yours.activity_requirement is not None else None
    b_opt = model.activity_requirement.option if model.activity_requirement is not None else None
    if a_opt is not None or b_opt is not None:
        rows.append(_choice(t.gettext("The 8-week point: option"), a_opt, b_opt, EIGHT_WEEK_OPTIONS, t))
    return StepComparison("decision", tuple(rows))


def _choice(topic: str, yours: K | None, model: K | None, names: Mapping[K, str], t: Translator) -> Row:
    """A row for one choice from a closed list: the same, one side missing, or different."""
    if yours == model:
        verdict = Verdict.SAME
    elif yours is None or model is None:
        verdict = _presence(yours is not None, model is not None)
    else:
        verdict = Verdict.DIFFERENT
    return Row(
        topic,
        t.gettext(names[yours]) if yours is not None else "–",
        t.gettext(names[model]) if model is not None else "–",
        verdict,
    )


def _answered(case: Case) -> set[str]:
    return {key for key, value in case.sick_note.answers.items() if value.strip()}


def _questions(yours: Case, model: Case, t: Translator) -> StepComparison:
    mine, theirs = _answered(yours), _answered(model)
    rows = [
        Row(
            f"{qid} {question_label(qid, t)}",
            t.gettext("Answered") if qid in mine else "–",
            t.gettext("Answered") if qid in theirs else "–",
            _presence(qid in mine, qid in theirs),
        )
        for qid in sorted(mine | theirs)
    ]
    return StepComparison("nav_questions", tuple(rows))


def _messages(yours: Case, model: Case, today: dt.date, t: Translator) -> StepComparison:
    rows = []
    a_emp, b_emp = yours.sick_note.message_to_employer.strip(), model.sick_note.message_to_employer.strip()
    if a_emp or b_emp:
        rows.append(
            Row(
                t.gettext("Message to the employer"),
                _yes(bool(a_emp), t),
                _yes(bool(b_emp), t),
                _presence(bool(a_emp), bool(b_emp)),
            )
        )
    leaks = check_employer_text(build_employer_note(yours, basic_context(yours, today, t.language)), yours)
    if a_emp or leaks or yours.function is not None:
        rows.append(
            Row(
                t.gettext("Privacy check of what the employer sees"),
                t.gettext("Passes")
                if not leaks
                else t.gettext("Health information found: {words}").format(
                    words=", ".join(dict.fromkeys(w for leak in leaks for w in leak.words))
                ),
                t.gettext("Passes"),
                Verdict.SAME if not leaks else Verdict.DIFFERENT,
            )
        )
    a_nav, b_nav = yours.sick_note.message_to_nav.strip(), model.sick_note.message_to_nav.strip()
    if a_nav or b_nav:
        rows.append(
            Row(
                t.gettext("Message to NAV"),
                _yes(bool(a_nav), t),
                _yes(bool(b_nav), t),
                _presence(bool(a_nav), bool(b_nav)),
            )
        )
    return StepComparison("messages", tuple(rows))


def _counts(case: Case, today: dt.date) -> tuple[int, int, tuple[str, ...]]:
    evaluation = evaluate(case, today)
    blocks = evaluation.by_severity(Severity.BLOCK)
    warns = evaluation.by_severity(Severity.WARN)
    return len(blocks), len(warns), tuple(f.rule for f in blocks)


def _notes(yours: Case, model: Case, today: dt.date, t: Translator) -> StepComparison:
    a_block, a_warn, a_ids = _counts(yours, today)
    b_block, b_warn, _ids = _counts(model, today)
    return StepComparison(
        "notes",
        (
            Row(
                t.gettext("Stops from the rules"),
                str(a_block) + (f" ({', '.join(a_ids)})" if a_ids else ""),
                str(b_block),
                Verdict.SAME if a_block <= b_block else Verdict.DIFFERENT,
            ),
            Row(
                t.gettext("Warnings from the rules"),
                str(a_warn),
                str(b_warn),
                Verdict.SAME if a_warn <= b_warn else Verdict.CLOSE,
            ),
        ),
    )


def compare(yours: Case, model: Case, today: dt.date, lang: str) -> Comparison:
    """``yours`` beside ``model`` at ``today``, step by step, rendered in ``lang``."""
    t = translator(lang)
    steps: Iterable[StepComparison] = (
        _function(yours, model, t),
        _support(yours, model, t),
        _decision(yours, model, t),
        _questions(yours, model, t),
        _messages(yours, model, today, t),
        _notes(yours, model, today, t),
    )
    return Comparison(tuple(steps))
