"""Facts about a case that the header and pages show, computed from the case and ``today`` (no Qt).

The legal facts (case start, timeline, findings, questions due) belong to ``gp_tool.rules``; this module
adapts their answer to small view values the pages draw. The rules are imported when first used, so
start-up does not wait for them (the window runs them right after the first paint).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from gp_tool.i18n.markers import N_

if TYPE_CHECKING:  # the case model (pydantic) is not needed for the header's first paint
    from gp_tool.domain.case import Case, Period, PeriodKind

__all__ = [
    "KIND_NAMES",
    "QUESTION_IDS",
    "EvaluationView",
    "FindingView",
    "MilestoneView",
    "QuestionSpec",
    "TimelineView",
    "age_at",
    "birth_date",
    "case_start",
    "case_week_day",
    "evaluate",
    "is_fictional",
    "period_days",
    "question_specs",
    "timeline",
    "weekdays",
]

# Keyed by the PeriodKind values (a StrEnum: ``KIND_NAMES[PeriodKind.GRADERT]`` finds "GRADERT").
KIND_NAMES: Final[dict[PeriodKind | str, str]] = {
    "AKTIVITET_IKKE_MULIG": N_("Full sick leave (no activity possible)"),
    "GRADERT": N_("Graded sick leave"),
    "AVVENTENDE": N_("Awaiting sick note"),
    "BEHANDLINGSDAGER": N_("Treatment days"),
    "REISETILSKUDD": N_("Travel grant"),
}


# ---------------------------------------------------------------------- who and when


def case_start(case: Case, *, rules: bool = True) -> dt.date | None:
    """The first day of the case: ``gp_tool.rules.case_start`` (NAV's 16-day chaining, domain §3.3).

    With ``rules=False`` (the header in the first paint, before the rules are loaded): ``case.case_start``,
    or else the earliest ``from`` over all notes; the header is redrawn from the rules' timeline
    moments later.
    """
    if rules:
        from gp_tool.rules import case_start as rules_case_start  # noqa: PLC0415  (not at start-up)

        return rules_case_start(case)
    if case.case_start is not None:
        return case.case_start
    starts = [p.from_ for note in case.earlier_sick_notes for p in note.periods]
    starts += [p.from_ for p in case.sick_note.periods]
    return min(starts, default=None)


def case_week_day(case: Case, today: dt.date, start: dt.date | None = None) -> tuple[int, int] | None:
    """(week, day) of ``today`` in the case: day 1 is the case start, week = ceil(day / 7).

    ``start`` overrides the case start (the timeline's). None when the case has no start or starts
    after ``today``.
    """
    start = start or case_start(case)
    if start is None or today < start:
        return None
    day = (today - start).days + 1
    return math.ceil(day / 7), day


def birth_date(case: Case) -> dt.date | None:
    """The patient's birth date: ``patient.birth_date``, else the one encoded in the national id."""
    return case.patient.known_birth_date()
    return None


def age_at(born: dt.date, today: dt.date) -> int:
    """Whole years from ``born`` to ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def period_days(period: Period) -> int:
    """Length of an inclusive period in days."""
    return (period.to - period.from_).days + 1


def weekdays(start: dt.date, end: dt.date) -> int:
    """Monday–Friday days from ``start`` to ``end`` inclusive (holidays count, as in NAV's code)."""
    from gp_tool.rules.calendar import weekdays_in  # noqa: PLC0415  (not at start-up)

    return weekdays_in(start, end)


def is_fictional(case: Case, demo: str | None) -> bool:
    """True for a demo or course case, a synthetic (Tenor) national id, or a case without one.

    Presenter mode shows only such cases: a real fødselsnummer or D-nummer never reaches a projector.
    """
    if demo is not None:
        return True
    from gp_tool.domain.national_id import IdKind, InvalidNationalIdError, id_kind  # noqa: PLC0415 (stdnum: 9 MB)

    number = case.patient.national_id
    if not number:
        return True
    try:
        return id_kind(number) is IdKind.SYNTETISK
    except (InvalidNationalIdError, ValueError):
        return False


# ---------------------------------------------------------------------- the timeline


@dataclass(frozen=True)
class MilestoneView:
    """One legal point of the case, as the timeline step draws it."""

    id: str
    date: dt.date
    label: str  # msgid
    legal_ref: str = ""
    actor: str = ""
    gp_action: str = ""  # msgid, or ""
    status: str = "AHEAD"  # PASSED | DUE_NOW | AHEAD
    kind: str = "DEADLINE"  # DEADLINE | EVENT | WINDOW


@dataclass(frozen=True)
class TimelineView:
    case_start: dt.date
    milestones: tuple[MilestoneView, ...]
    max_date: dt.date | None
    max_basis: str = ""
    employer_period_end: dt.date | None = None

    def milestone(self, milestone_id: str) -> MilestoneView | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)


def _text(value: Any) -> str:
    """An enum's value, or the string itself."""
    return str(getattr(value, "value", value) or "")


def _from_rules(result: Any) -> TimelineView | None:
    start = getattr(result, "case_start", None)
    if not isinstance(start, dt.date):
        return None
    milestones = tuple(
        MilestoneView(
            id=_text(getattr(m, "id", "")),
            date=m.date,
            label=_text(getattr(m, "label", "")) or _text(getattr(m, "id", "")),
            legal_ref=_text(getattr(m, "legal_ref", "")),
            actor=_text(getattr(m, "actor", "")),
            gp_action=_text(getattr(m, "gp_action", "")),
            status=_text(getattr(m, "status", "AHEAD")) or "AHEAD",
            kind=_text(getattr(m, "kind", "DEADLINE")) or "DEADLINE",
        )
        for m in getattr(result, "milestones", ())
        if isinstance(getattr(m, "date", None), dt.date)
    )
    max_date = getattr(result, "max_date", None)
    end = getattr(max_date, "date", None) if max_date is not None else None
    return TimelineView(
        case_start=start,
        milestones=tuple(sorted(milestones, key=lambda m: m.date)),
        max_date=end if isinstance(end, dt.date) else None,
        max_basis=_text(getattr(max_date, "basis", "")) if max_date is not None else "",
        employer_period_end=getattr(result, "employer_period_end", None),
    )


def timeline(case: Case, today: dt.date) -> TimelineView | None:
    """The case's legal timeline (``gp_tool.rules.build_timeline``) as the pages draw it."""
    from gp_tool.rules import build_timeline  # noqa: PLC0415  (not at start-up)

    return _from_rules(build_timeline(case, today))


# ---------------------------------------------------------------------- findings


@dataclass(frozen=True)
class FindingView:
    """One rule finding, as the findings panel shows it (contracts §3)."""

    rule: str
    severity: str  # BLOCK | WARN | INFO
    message: str  # in the active language
    legal_ref: str = ""
    nav_outcome: str = ""
    fields: tuple[str, ...] = ()
    inputs: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    legal_full: str = ""  # the full citation (law, section, subsection, sentence)
    tree: str = ""  # NAV's rule tree, or the tool's own group


@dataclass(frozen=True)
class EvaluationView:
    findings: tuple[FindingView, ...] = ()
    questions_due: tuple[str, ...] = ()
    nav_outcome: str = ""
    error: str = ""  # the rules raised: their message, shown instead of findings
    rules_version: str = ""
    timeline: TimelineView | None = None


SEVERITY_ORDER: Final = {"BLOCK": 0, "WARN": 1, "INFO": 2}


def _finding_text(finding: Any, language: str) -> str:
    text = getattr(finding, "text", None)
    if callable(text):
        return str(text(language))
    return _text(getattr(finding, "message", ""))


def _as_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        try:
            return dict(value)
        except (TypeError, ValueError):
            return {}
    return {}


def evaluate(case: Case, today: dt.date, language: str) -> EvaluationView:
    """Every finding of ``gp_tool.rules.evaluate`` for the case, in ``language``, worst first."""
    from gp_tool.rules import evaluate as run  # noqa: PLC0415  (not at start-up)

    try:
        result = run(case, today)
    except Exception as exc:  # a bug in a rule must not take the consultation down
        return EvaluationView(error=f"{type(exc).__name__}: {exc}")
    findings = [
        FindingView(
            rule=_text(getattr(f, "rule", "")),
            severity=_text(getattr(f, "severity", "INFO")) or "INFO",
            message=_finding_text(f, language),
            legal_ref=_text(getattr(f, "legal_ref", "")),
            nav_outcome=_text(getattr(f, "nav_outcome", "")),
            fields=tuple(str(x) for x in getattr(f, "fields", ()) or ()),
            inputs=_as_dict(getattr(f, "inputs", {})),
            params=_as_dict(getattr(f, "params", {})),
            legal_full=_text(getattr(getattr(f, "legal", None), "citation", "")),
            tree=_text(getattr(f, "tree", "")),
        )
        for f in getattr(result, "findings", ())
    ]
    findings.sort(key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
    return EvaluationView(
        findings=tuple(findings),
        questions_due=tuple(result.questions_due),
        nav_outcome=_text(getattr(result, "nav_outcome", "")),
        rules_version=_text(getattr(result, "rules_version", "")),
        timeline=_from_rules(getattr(result, "timeline", None)),
    )


# ---------------------------------------------------------------------- NAV's week 7/17/39 questions

QUESTION_IDS: Final[dict[str, str]] = {
    # syk-inn's form keys → the ids syk-inn-api stores them under (domain brief §4.1).
    "medisinskOppsummering": "6.3.1",
    "utfordringerMedArbeid": "6.3.2",
    "hensynPaArbeidsplassen": "6.3.3",
    "sykdomsutvikling": "6.4.1",
    "arbeidsrelaterteUtfordringer": "6.4.2",
    "behandlingOgFremtidigArbeid": "6.4.3",
    "uavklarteForhold": "6.4.4",
    "oppdatertMedisinskStatus": "6.5.1",
    "realistiskMestringArbeid": "6.5.2",
    "forventetHelsetilstandUtvikling": "6.5.3",
    "medisinskeHensyn": "6.5.4",
}


@dataclass(frozen=True)
class QuestionSpec:
    """One of NAV's questions: its id, week, NAV's own text (bokmål) and answer options, if any."""

    id: str
    key: str
    week: int
    required: bool
    text: str
    description: str = ""
    options: tuple[str, ...] = ()


def question_specs() -> dict[str, QuestionSpec]:
    """NAV's 2026 question set by id, from ``gp_tool.codes.questions()`` (syk-inn's texts)."""
    from gp_tool.codes import questions  # noqa: PLC0415  (read when the step is first shown)

    specs: dict[str, QuestionSpec] = {}
    for q in questions()["syk_inn_2026"]["questions"]:
        qid = QUESTION_IDS.get(q["key"])
        if qid is None:
            continue
        description = q.get("description") or q.get("descriptionSomatisk") or ""
        if q.get("descriptionPsykisk"):
            description = f"{description}\n{q['descriptionPsykisk']}".strip()
        specs[qid] = QuestionSpec(
            id=qid,
            key=q["key"],
            week=int(q["week"]),
            required=bool(q.get("required", False)),
            text=q["label"],
            description=description,
            options=tuple(o["text"] for o in q.get("answerOptions", ())),
        )
    return specs
