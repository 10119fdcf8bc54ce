"""The consultation: the case as edited, ``today``, and everything derived from them, computed once."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from gp_tool.consultation.labels import field_label
from gp_tool.domain.case import Case
from gp_tool.domain.casefile import validate_case_document
from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.i18n.catalog import DEFAULT_LANGUAGE, translator
from gp_tool.i18n.markers import N_
from gp_tool.rules import Evaluation, Finding, Severity, Timeline, age_at, evaluate, week_and_day
from gp_tool.rules.parameters import Parameters

if TYPE_CHECKING:  # documents (reportlab) load only when a note or the privacy check is needed
    from gp_tool.documents import NoteContext

__all__ = ["Consultation", "FieldProblem", "Readiness", "Session", "consult", "has_employer"]

Evaluate = Callable[[Case, dt.date], Evaluation]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One thing that stands between the case and a final note: the field, its label, a plain message."""

    field: str
    """Case-file path (contracts §1), e.g. ``sick_note.periods[0].to``; ``file`` for the whole case."""
    code: str
    """Stable code: a validation error type, ``BLOCK:<rule>``, ``name_missing``, ``national_id_missing``,
    ``employer_missing`` or ``privacy``."""
    label: str
    """The field's label in the consultation's language ("Siste dag, periode 1")."""
    message: str
    """The problem in plain words, translated."""

    def render(self) -> str:
        """``label: message`` (the window's line)."""
        return f"{self.label}: {self.message}"

    def render_cli(self) -> str:
        """``path (label): message`` (the command line's line: the path, then the label)."""
        return f"{self.field} ({self.label}): {self.message}"


@dataclass(frozen=True, slots=True)
class Readiness:
    """Whether final notes may leave (print, PDF, export, copy to journal), and what stops them."""

    problems: tuple[FieldProblem, ...] = ()

    @property
    def ready(self) -> bool:
        return not self.problems

    @property
    def privacy_only(self) -> bool:
        """True when the only problems are the privacy check's (the NAV note may still be written)."""
        return bool(self.problems) and all(p.code == "privacy" for p in self.problems)

    def without_privacy(self) -> tuple[FieldProblem, ...]:
        return tuple(p for p in self.problems if p.code != "privacy")


def has_employer(case: Case) -> bool:
    """True when the case says the patient has an employer: an occupation, a position over 0 %, a
    message or advice to the employer (an employer note is then written)."""
    work = case.work
    if work.occupation.strip() or (work.position_percent or 0) > 0:
        return True
    note = case.sick_note
    return bool(note.message_to_employer.strip()) or any(
        (p.advice_to_employer or "").strip() for p in note.periods
    )


@dataclass(frozen=True)
class Consultation:
    """One consultation as the window and the command line see it (frozen; build it with :func:`consult`).

    ``document`` is the case as edited (JSON values, invalid ones included); ``case`` is it validated,
    or None while it does not validate (then ``problems`` says why, and there is no evaluation).
    """

    document: Mapping[str, Any]
    case: Case | None
    problems: tuple[FieldProblem, ...]
    today: dt.date
    lang: str
    evaluation: Evaluation | None
    readiness: Readiness
    privacy_leaks: tuple[Any, ...] = field(default=())
    """The privacy check's findings on the employer note (``gp_tool.documents.Leak``)."""

    @property
    def valid(self) -> bool:
        return self.case is not None

    @property
    def ready(self) -> bool:
        return self.readiness.ready

    @property
    def findings(self) -> tuple[Finding, ...]:
        return () if self.evaluation is None else self.evaluation.findings

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.BLOCK)

    @property
    def blocked(self) -> bool:
        """True with a BLOCK finding (``gp-tool check`` exits 1)."""
        return bool(self.blocking)

    @property
    def timeline(self) -> Timeline | None:
        return None if self.evaluation is None else self.evaluation.timeline

    @property
    def case_start(self) -> dt.date | None:
        return None if self.evaluation is None else self.evaluation.case_start

    @property
    def week_day(self) -> tuple[int, int] | None:
        """(week, day) of ``today`` in the case (day 1 = case start); None before the start or invalid."""
        start = self.case_start
        return None if start is None else week_and_day(start, self.today)

    @property
    def age(self) -> int | None:
        """The patient's age in whole years today (None when the birth date is not known)."""
        if self.case is None:
            return None
        born = self.case.patient.known_birth_date()
        return None if born is None else age_at(born, self.today)

    @property
    def questions_due(self) -> tuple[str, ...]:
        return () if self.evaluation is None else tuple(self.evaluation.questions_due)

    def label(self, path: str) -> str:
        return field_label(path, self.lang)

    def note_context(
        self,
        *,
        lang: str | None = None,
        course: bool = False,
        draft: bool = False,
        local_services: Iterable[tuple[str, str]] = (),
    ) -> NoteContext:
        """The notes' context from this consultation's evaluation (never evaluated again).

        ``draft`` marks every page «UTKAST – ikke gyldig sykmelding». Raises :class:`ProblemError` while
        the case does not validate.
        """
        from gp_tool.documents import note_context  # noqa: PLC0415

        if self.case is None or self.evaluation is None:
            raise ProblemError([Problem(p.field, p.code, p.message) for p in self.problems])
        return note_context(
            self.case,
            self.today,
            lang or self.lang,
            evaluation=self.evaluation,
            course=course,
            draft=draft,
            local_services=local_services,
        )

    def relabelled(self, lang: str) -> Consultation:
        """The same consultation in another language (labels and messages; the rules are not run)."""
        return _derive(
            self.document,
            self.case,
            self._raw_problems,
            today=self.today,
            lang=lang,
            evaluation=self.evaluation,
        )

    _raw_problems: tuple[Problem, ...] = field(default=(), repr=False)
    course: bool = False
    """A course case (fictional patient, every page marked «KURS»): no fødselsnummer is required."""


def _problem_text(problem: Problem, lang: str) -> str:
    template = translator(lang).gettext(problem.message)
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return template


def _readiness(
    case: Case | None,
    problems: tuple[FieldProblem, ...],
    evaluation: Evaluation | None,
    lang: str,
    course: bool,
) -> tuple[Readiness, tuple[Any, ...]]:
    if case is None or evaluation is None:
        return Readiness(problems), ()
    tr = translator(lang)
    found: list[FieldProblem] = []
    for finding in evaluation.findings:
        if finding.severity is Severity.BLOCK:
            path = finding.fields[0] if finding.fields else "sick_note"
            found.append(
                FieldProblem(path, f"BLOCK:{finding.rule}", field_label(path, tr), finding.text(lang))
            )
    if not case.patient.name.strip():
        found.append(
            FieldProblem(
                "patient.name",
                "name_missing",
                field_label("patient.name", tr),
                tr.gettext(N_("the patient's name is missing")),
            )
        )
    if not case.patient.national_id and not course:  # a course's fictional patient has none
        found.append(
            FieldProblem(
                "patient.national_id",
                "national_id_missing",
                field_label("patient.national_id", tr),
                tr.gettext(N_("a valid fødselsnummer or D-nummer is needed on a sick note")),
            )
        )
    if has_employer(case) and not case.work.employer.strip():
        found.append(
            FieldProblem(
                "work.employer",
                "employer_missing",
                field_label("work.employer", tr),
                tr.gettext(N_("the employer's name is missing (the patient has an employer)")),
            )
        )
    from gp_tool.documents import (  # noqa: PLC0415
        build_employer_note,
        check_employer_text,
        leak_message,
        note_context,
    )

    # The privacy check: the one call of the firewall for readiness (gp_tool.documents.firewall).
    ctx = note_context(case, evaluation.today, lang, evaluation=evaluation)
    leaks = check_employer_text(build_employer_note(case, ctx), case)
    for leak in leaks:
        found.append(FieldProblem(leak.field, "privacy", field_label(leak.field, tr), leak_message(leak, tr)))
    return Readiness(tuple(found)), tuple(leaks)


def _derive(
    document: Mapping[str, Any],
    case: Case | None,
    raw: tuple[Problem, ...],
    *,
    today: dt.date,
    lang: str,
    evaluation: Evaluation | None,
    course: bool = False,
) -> Consultation:
    tr = translator(lang)
    problems = tuple(
        FieldProblem(p.field, p.code, field_label(p.field, tr), _problem_text(p, lang)) for p in raw
    )
    readiness, leaks = _readiness(case, problems, evaluation, lang, course)
    return Consultation(document, case, problems, today, lang, evaluation, readiness, leaks, raw, course)


def _validate(document: Mapping[str, Any]) -> tuple[Case | None, tuple[Problem, ...]]:
    try:
        return validate_case_document(document), ()
    except ProblemError as exc:
        return None, exc.problems
    except RecursionError:
        return None, (Problem("file", "json_too_deep", N_("the JSON is nested too deeply")),)


def _run_rules(
    case: Case | None, today: dt.date, evaluator: Evaluate
) -> tuple[Evaluation | None, tuple[Problem, ...]]:
    if case is None:
        return None, ()
    try:
        return evaluator(case, today), ()
    except (OverflowError, ValueError):
        # a date so far from today that the calendar runs out (year 1 or 9999): bad input, not a bug
        return None, (
            Problem("file", "date_out_of_range", N_("a date in the case is too far from today to be judged")),
        )


def consult(
    source: Case | Mapping[str, Any],
    today: dt.date,
    *,
    lang: str = DEFAULT_LANGUAGE,
    params: Parameters | None = None,
    evaluator: Evaluate | None = None,
    course: bool = False,
) -> Consultation:
    """Build the consultation of ``source`` (a :class:`Case`, or a case document as edited) on ``today``.

    ``course``: a course case (fictional patient): readiness does not ask for a fødselsnummer.
    Validates the document, evaluates the rules once (``gp_tool.rules.evaluate``, or ``evaluator``)
    and derives readiness. Pure apart from the rules' data; never raises on bad input.
    """
    if isinstance(source, Case):
        document: Mapping[str, Any] = source.to_json_dict()
        case: Case | None = source
        raw: tuple[Problem, ...] = ()
    else:
        document = source
        case, raw = _validate(source)
    run = evaluator or (lambda c, d: evaluate(c, d, params))
    evaluation, more = _run_rules(case, today, run)
    if more:
        case, raw = None, raw + more
    return _derive(document, case, raw, today=today, lang=lang, evaluation=evaluation, course=course)


_STEP: Final = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    pos = 0
    # answers' keys hold dots ("sick_note.answers.6.3.1"): everything after "answers." is one key
    head, sep, key = path.partition(".answers.")
    for m in _STEP.finditer(head):
        steps.append(int(m.group(2)) if m.group(2) is not None else m.group(1))
        pos = m.end()
    del pos
    if sep:
        steps += ["answers", key]
    return steps


def set_path(document: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``document`` with the field ``path`` (contracts §1 form) set to ``value``."""
    doc: dict[str, Any] = copy.deepcopy(dict(document))
    steps = _steps(path)
    node: Any = doc
    for step, following in itertools.pairwise(steps):
        if isinstance(step, int):
            while len(node) <= step:
                node.append({})
            node = node[step]
        else:
            if not isinstance(node.get(step), (dict, list)):
                node[step] = [] if isinstance(following, int) else {}
            node = node[step]
    last = steps[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value
    return doc


class Session:
    """A consultation being edited: holds the document and recomputes the consultation once per change.

    ``session.current`` is the :class:`Consultation`; :meth:`edit`, :meth:`replace`, :meth:`set_today`
    each evaluate the rules exactly once; :meth:`set_language` does not run them.
    """

    def __init__(
        self,
        source: Case | Mapping[str, Any],
        today: dt.date,
        *,
        lang: str = DEFAULT_LANGUAGE,
        evaluator: Evaluate | None = None,
        course: bool = False,
    ) -> None:
        self._evaluator = evaluator
        self._course = course
        self._current = consult(source, today, lang=lang, evaluator=evaluator, course=course)

    @property
    def current(self) -> Consultation:
        return self._current

    def replace(self, source: Case | Mapping[str, Any]) -> Consultation:
        c = self._current
        self._current = consult(source, c.today, lang=c.lang, evaluator=self._evaluator, course=self._course)
        return self._current

    def edit(self, path: str, value: Any) -> Consultation:
        """Set one field (as typed: invalid values are kept, with their problems) and recompute."""
        return self.replace(set_path(self._current.document, path, value))

    def set_today(self, today: dt.date) -> Consultation:
        c = self._current
        self._current = consult(
            c.document, today, lang=c.lang, evaluator=self._evaluator, course=self._course
        )
        return self._current

    def set_language(self, lang: str) -> Consultation:
        self._current = self._current.relabelled(lang)
        return self._current
