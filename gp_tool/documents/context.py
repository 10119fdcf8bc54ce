"""What a note knows about the case beyond the case file: today, language, timeline, open findings.

The renderers take this as plain, already translated data, so a note prints exactly what the window
shows. :func:`note_context` builds it from the rules' evaluation (the one way the CLI and the GUI do
it); :func:`basic_context` is for callers without rule results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gp_tool.domain.case import Case
from gp_tool.i18n.catalog import translator
from gp_tool.rules import Evaluation

__all__ = ["NoteContext", "OpenFinding", "TimelineMark", "basic_context", "case_start_of", "note_context"]


@dataclass(frozen=True, slots=True)
class OpenFinding:
    """A rule finding still open when the note is written (already translated)."""

    rule: str
    """The rule's stable name (NAV's where NAV has the rule), e.g. ``GRADERT_SYKMELDING_0_PROSENT``."""
    severity: str
    """``BLOCK``, ``WARN`` or ``INFO``."""
    text: str
    """The message for the GP, in the note's language."""


@dataclass(frozen=True, slots=True)
class TimelineMark:
    """A milestone of the case's legal timeline (contracts §3 ids), with its translated label."""

    id: str
    """Milestone id: ``ARBEIDSGIVERPERIODE_SLUTT``, ``NAV_BETALER_FRA``, ``OPPFOLGINGSPLAN``,
    ``DIALOGMOTE_1``, ``AKTIVITETSKRAV``, ``DIALOGMOTE_2``, ``MAKSDATO`` or another of the rules' ids."""
    label: str
    """Short label in the note's language, e.g. "Aktivitetskravet"."""
    date: dt.date
    """The day the milestone falls on."""


@dataclass(frozen=True, slots=True)
class NoteContext:
    """Everything a note needs besides the case file."""

    today: dt.date
    """The date the note is written (the header date; the "today" line of the timeline)."""
    lang: str
    """``nb``, ``nn`` or ``en``."""
    case_start: dt.date | None
    """First day of the continuous absence as the rules chain it (None: not known)."""
    max_date: dt.date | None
    """Maksdato, the last day of sickness benefit (None: not known)."""
    marks: tuple[TimelineMark, ...] = ()
    """Milestones of the timeline."""
    findings: tuple[OpenFinding, ...] = ()
    """Rule findings still open (printed in the NAV note and the journal text)."""
    questions_due: tuple[str, ...] = ()
    """Ids of NAV's week 7/17/39 questions this sykmelding must or may answer (``6.3.1`` …)."""
    course: bool = False
    """True for a training case: every page carries a «KURS – fiktiv pasient» watermark."""
    draft: bool = False
    """True for a draft (the case is not ready): every page carries «UTKAST – ikke gyldig sykmelding»,
    the text outputs start with it and the export has ``"draft": true``."""
    local_services: tuple[tuple[str, str], ...] = ()
    """(id, name) of the practice's local services, so a ``local:`` referral is printed by its name."""


def case_start_of(case: Case) -> dt.date | None:
    """``case.case_start``, else the earliest ``from`` of all notes (without NAV's 16-day chaining)."""
    if case.case_start is not None:
        return case.case_start
    starts = [p.from_ for note in case.earlier_sick_notes for p in note.periods]
    starts += [p.from_ for p in case.sick_note.periods]
    return min(starts, default=None)


def basic_context(case: Case, today: dt.date, lang: str, *, course: bool = False) -> NoteContext:
    """A context without rule results: no marks, findings or questions due, maksdato unknown.

    For callers that have not run the rules (tests, previews before the first evaluation). The case
    start is the case file's, else the earliest period (see :func:`case_start_of`).
    """
    return NoteContext(today=today, lang=lang, case_start=case_start_of(case), max_date=None, course=course)


def note_context(
    case: Case,
    today: dt.date,
    lang: str,
    *,
    evaluation: Evaluation | None = None,
    course: bool = False,
    draft: bool = False,
    local_services: Iterable[tuple[str, str]] = (),
) -> NoteContext:
    """The context from the rules: the chained case start, maksdato, the milestones and every finding.

    ``evaluation`` is the consultation's (``gp_tool.consultation``: the same object the findings panel
    shows). Without one the case is evaluated here: only the window's old notes path still does
    that (``ui/page_notes.py``, ``ui/self_test.py``); every other caller passes the consultation's.
    """
    if evaluation is None:
        from gp_tool.rules import evaluate  # noqa: PLC0415  (the old path; to go once ui passes it)

        evaluation = evaluate(case, today)
    result = evaluation
    tr = translator(lang)
    timeline = result.timeline
    return NoteContext(
        today=today,
        lang=lang,
        case_start=timeline.case_start,
        max_date=timeline.max_date.date,
        marks=tuple(TimelineMark(m.id, tr.gettext(m.label), m.date) for m in timeline.milestones),
        findings=tuple(OpenFinding(f.rule, str(f.severity), f.text(lang)) for f in result.findings),
        questions_due=tuple(result.questions_due),
        course=course,
        draft=draft,
        local_services=tuple(local_services),
    )
