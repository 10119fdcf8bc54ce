"""The consultation layer: one typed object per consultation, computed once per change (issue 16).

Below ``ui`` and ``cli``, above ``documents``, ``settings``, ``storage`` and ``rules``. The window and
the command line read a :class:`Consultation`; nothing above this layer calls the rules or rebuilds
the timeline (an import-linter contract keeps ``ui`` and ``cli`` from importing ``gp_tool.rules``:
the rules' types they need are re-exported here).

Public API::

    consult(source, today, *, lang="nb", params=None, evaluator=None) -> Consultation
        # source: a Case, or a case document as edited (JSON values, invalid ones included)
    Session(source, today, *, lang="nb", evaluator=None)
        .current -> Consultation
        .edit(path, value) / .replace(source) / .set_today(day)  # each runs the rules exactly once
        .set_language(lang)                                        # relabels; the rules are not run
    Consultation (frozen):
        .document            the case as edited (Mapping)
        .case                Case | None (None while it does not validate)
        .problems            tuple[FieldProblem, ...]   validation problems (field, code, label, message)
        .today, .lang
        .evaluation          Evaluation | None           the rules' result (computed once)
        .findings, .blocking, .blocked, .timeline, .case_start, .week_day, .age, .questions_due
        .readiness           Readiness(problems=...; .ready, .privacy_only, .without_privacy())
        .ready, .valid, .privacy_leaks
        .label(path) -> str
        .note_context(*, lang=None, course=False, draft=False, local_services=()) -> NoteContext
        .relabelled(lang) -> Consultation
    FieldProblem(field, code, label, message) .render() "label: message" / .render_cli() "path (label): message"
    Readiness(problems)
    field_label(path, lang) -> str            # "sick_note.periods[0].to", "nb" -> "Siste dag, periode 1"
    has_employer(case) -> bool
    set_path(document, path, value) -> dict   # a copy with one field set (contracts §1 paths)
    week_and_day(start, day), age_at(born, day), case_start(case)  # the one definition of each
    draft_mark(lang) -> str                   # «UTKAST – ikke gyldig sykmelding»

Readiness, the one definition (print, PDF, export, copy to journal, the status bar, ``gp-tool notes``):
the case validates; no BLOCK finding (NAV's questions when due are the BLOCK finding
``UTDYPENDE_OPPLYSNINGER_MANGLER``); the patient's name is filled; a valid fødselsnummer or D-nummer;
the employer is filled when the patient has one (:func:`has_employer`); the employer text passes the
privacy check (``gp_tool.documents.check_employer_text``, called here only).

Re-exported from ``gp_tool.rules`` for ui and cli: Evaluation, Finding, Severity, NavOutcome,
Timeline, Milestone, MilestoneStatus, MaxDateBasis, QuestionsDue, LegalRef, RULES_VERSION,
PARAMETERS_LAST_CHECKED, OUTCOME_NAMES, SEVERITY_NAMES, ROUTE_NAMES, BASIS_NAMES, STATUS_NAMES,
build_timeline / timeline_from_start (a timeline without a case: ``gp-tool timeline --case-start``),
catalogue_json / catalogue_markdown (``gp-tool rules``), suggestions, latest_scores.
"""

from __future__ import annotations

from gp_tool.consultation.core import (
    Consultation,
    FieldProblem,
    Readiness,
    Session,
    consult,
    has_employer,
    set_path,
)
from gp_tool.consultation.labels import field_label
from gp_tool.rules import (
    PARAMETERS_LAST_CHECKED,
    RULES_VERSION,
    Evaluation,
    Finding,
    LegalRef,
    MaxDateBasis,
    Milestone,
    MilestoneStatus,
    NavOutcome,
    QuestionsDue,
    Severity,
    Timeline,
    age_at,
    build_timeline,
    case_start,
    catalogue_json,
    catalogue_markdown,
    latest_scores,
    timeline_from_start,
    week_and_day,
)
from gp_tool.rules.model import OUTCOME_NAMES, SEVERITY_NAMES
from gp_tool.rules.referrals import ROUTE_NAMES, suggestions
from gp_tool.rules.timeline import BASIS_NAMES, STATUS_NAMES


def draft_mark(lang: str) -> str:
    """«UTKAST – ikke gyldig sykmelding» in ``lang`` (the mark on every page of a draft)."""
    from gp_tool.documents.outline import draft_mark as mark  # noqa: PLC0415  (reportlab only here)

    return mark(lang)


__all__ = [
    "BASIS_NAMES",
    "OUTCOME_NAMES",
    "PARAMETERS_LAST_CHECKED",
    "ROUTE_NAMES",
    "RULES_VERSION",
    "SEVERITY_NAMES",
    "STATUS_NAMES",
    "Consultation",
    "Evaluation",
    "FieldProblem",
    "Finding",
    "LegalRef",
    "MaxDateBasis",
    "Milestone",
    "MilestoneStatus",
    "NavOutcome",
    "QuestionsDue",
    "Readiness",
    "Session",
    "Severity",
    "Timeline",
    "age_at",
    "build_timeline",
    "case_start",
    "catalogue_json",
    "catalogue_markdown",
    "consult",
    "draft_mark",
    "field_label",
    "has_employer",
    "latest_scores",
    "set_path",
    "suggestions",
    "timeline_from_start",
    "week_and_day",
]
