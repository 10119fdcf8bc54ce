"""Self-audit: anonymous counts over the cases in the case store (issue 7; peers.md idea 13).

Everything is computed on this computer from the current version of every stored case, archived ones
included; nothing is sent anywhere, and the report holds counts only, never a name, id or date of a
patient. Definitions (each figure on the page says what it counts):

* **Sick notes** are the earlier sick notes plus the new one of every case; a note is *graded* when
  one of its periods is ``GRADERT``.
* **Days on sick leave** are the calendar days covered by any period of a case (overlaps counted
  once), summed over cases; *graded days* are the days covered by a ``GRADERT`` period.
* **The 8-week point** is day 56 of the case: case start + 7·8 − 1 days (domain brief §1.3,
  isaktivitetskrav ``Aktivitetskrav.kt``). A case *reached* it when a period covers that day. An
  *exception used* is an ``AKTIVITET_IKKE_MULIG`` period covering that day with a medisinsk årsak
  (``medical_reasons``) or whose note gives an arbeidsrelatert årsak (``work_related_reasons``):
  the two lawful exceptions of ftrl § 8-8 (2).
* **Length** of a case is the number of days from the case start to the last day of its last
  period, inclusive.
* **Length against guidance** compares the full sick leave (100 %, aktivitet ikke mulig) of each
  case whose main diagnosis has a figure in the diagnosis guidance (domain brief §6;
  ``gp_tool.rules.guidance``) with that figure: *within* or *beyond*, and of those beyond, how many
  give a structured reason (``Plan.guidance_deviation``). Cases whose guidance has no figure are
  counted apart: the guidance gives advice without a number there.
* **Referrals** are the case's referral and support records (``Case.referrals``) counted by option
  (the referral catalogue's id, or ``local:…`` for a practice's own service): *used* counts the
  records marked done or planned, *declined* those the patient declined. Records marked not relevant
  are left out: they are a considered no, not a referral.

The case start is the rules' (``gp_tool.rules.absence.case_start``: given, or NAV's 16-day
chaining), the same as the case list's.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from pydantic import ValidationError

from gp_tool.domain.assessment import ReferralStatus
from gp_tool.domain.case import Case, EarlierSickNote, PeriodKind, SickNote
from gp_tool.domain.casefile import load_case_document
from gp_tool.domain.problems import ProblemError
from gp_tool.i18n.markers import N_
from gp_tool.rules.absence import case_start
from gp_tool.rules.guidance import full_leave_days, guidance_for
from gp_tool.storage.store import CaseStore

__all__ = ["LENGTH_BUCKETS", "WEEK_8_OFFSET", "AuditReport", "ChapterRow", "audit_documents", "audit_store"]

_USED: Final = frozenset({ReferralStatus.DONE, ReferralStatus.PLANNED})

WEEK_8_OFFSET: Final = 7 * 8 - 1
"""Day 56 of the case, the 8-week point (domain brief §0: end of week N = start + 7·N − 1)."""

LENGTH_BUCKETS: Final[tuple[tuple[str, int, int | None], ...]] = (
    (N_("up to 2 weeks"), 1, 14),
    (N_("2 to 4 weeks"), 15, 28),
    (N_("4 to 8 weeks"), 29, 56),
    (N_("8 to 17 weeks"), 57, 119),
    (N_("17 to 26 weeks"), 120, 182),
    (N_("26 to 52 weeks"), 183, 364),
    (N_("52 weeks or more"), 365, None),
)
"""Length bands in days, inclusive; labels are msgids."""


@dataclass(frozen=True)
class ChapterRow:
    """Cases by the chapter of the new note's main diagnosis (the code's first letter)."""

    system: str
    chapter: str
    cases: int
    median_days: float


@dataclass(frozen=True)
class AuditReport:
    cases: int = 0
    archived: int = 0
    unreadable: int = 0
    """Stored documents that no longer parse (left out of every other figure)."""
    sick_notes: int = 0
    graded_notes: int = 0
    leave_days: int = 0
    graded_days: int = 0
    reached_week_8: int = 0
    full_leave_at_week_8: int = 0
    exceptions_week_8: int = 0
    exceptions_medical: int = 0
    exceptions_work_related: int = 0
    referrals: tuple[tuple[str, int], ...] = ()
    """(option id, records done or planned), most frequent first."""
    referrals_declined: int = 0
    """Referral records the patient declined."""
    lengths: tuple[int, ...] = ()
    """Length in days of every case with periods, sorted."""
    length_buckets: tuple[tuple[str, int], ...] = ()
    """(label msgid, number of cases) for :data:`LENGTH_BUCKETS`, in order."""
    chapters: tuple[ChapterRow, ...] = ()
    guidance_within: int = 0
    """Cases whose full sick leave is within the guidance figure for their diagnosis."""
    guidance_beyond: int = 0
    """Cases whose full sick leave runs beyond the guidance figure."""
    guidance_beyond_with_reason: int = 0
    """Of those beyond, cases with a structured reason (Plan.guidance_deviation)."""
    guidance_without_figure: int = 0
    """Cases whose diagnosis has guidance but no figure (advice and a link only)."""

    @property
    def guidance_compared(self) -> int:
        return self.guidance_within + self.guidance_beyond

    @property
    def median_length(self) -> float | None:
        return statistics.median(self.lengths) if self.lengths else None

    @property
    def referrals_total(self) -> int:
        return sum(n for _, n in self.referrals)


Span = tuple[dt.date, dt.date]


def _union_days(spans: list[Span]) -> tuple[int, list[Span]]:
    """Days covered by inclusive spans, overlaps counted once; and the merged spans."""
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] >= s[0]):
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return sum((end - start).days + 1 for start, end in merged), merged


@dataclass
class _Tally:
    within: int = 0
    beyond: int = 0
    beyond_with_reason: int = 0
    without_figure: int = 0
    notes: int = 0
    graded_notes: int = 0
    leave_days: int = 0
    graded_days: int = 0
    reached: int = 0
    full: int = 0
    exceptions: int = 0
    medical: int = 0
    work: int = 0


def _count_case(case: Case, tally: _Tally) -> int | None:
    """Add one case to ``tally``; its length in days, or None when it has no periods."""
    notes: list[EarlierSickNote | SickNote] = [*case.earlier_sick_notes, case.sick_note]
    spans: list[Span] = []
    graded: list[Span] = []
    for note in notes:
        tally.notes += 1
        if any(p.kind is PeriodKind.GRADERT for p in note.periods):
            tally.graded_notes += 1
        for period in note.periods:
            spans.append((period.from_, period.to))
            if period.kind is PeriodKind.GRADERT:
                graded.append((period.from_, period.to))
    covered_days, covered = _union_days(spans)
    tally.leave_days += covered_days
    tally.graded_days += _union_days(graded)[0]
    if not covered:
        return None
    start = case_start(case)
    point = start + dt.timedelta(days=WEEK_8_OFFSET)
    if any(first <= point <= last for first, last in covered):
        tally.reached += 1
        medical = work = full = False
        for note in notes:
            for period in note.periods:
                if period.kind is PeriodKind.AKTIVITET_IKKE_MULIG and period.from_ <= point <= period.to:
                    full = True
                    medical = medical or bool(period.medical_reasons)
                    work = work or bool(note.work_related_reasons)
        tally.full += full
        tally.exceptions += medical or work
        tally.medical += medical
        tally.work += work
    end = covered[-1][1]
    return (end - start).days + 1 if end >= start else None


def _against_guidance(case: Case, tally: _Tally) -> None:
    guidance = guidance_for(case.sick_note.main_diagnosis)
    if guidance is None:
        return
    if guidance.full_leave_days is None:
        tally.without_figure += 1
        return
    days = full_leave_days(case, case.sick_note.signed)
    if days <= guidance.full_leave_days:
        tally.within += 1
        return
    tally.beyond += 1
    if case.plan is not None and case.plan.guidance_deviation:
        tally.beyond_with_reason += 1


def _parse(text: str) -> Case:
    """The case. Fast path: a current document is validated straight from its text; anything else
    goes through migration first."""
    try:
        return Case.model_validate_json(text)
    except ValidationError:
        pass  # an older version, or a real problem: the full path below tells which
    doc = load_case_document(text)
    return Case.model_validate_json(json.dumps(doc, ensure_ascii=False))


def audit_documents(documents: Iterable[tuple[bool, str]]) -> AuditReport:
    """The report over ``(archived, case-file text)`` pairs."""
    tally = _Tally()
    cases = archived = unreadable = 0
    referrals: Counter[str] = Counter()
    declined = 0
    lengths: list[int] = []
    by_chapter: dict[tuple[str, str], list[int]] = {}
    for is_archived, text in documents:
        cases += 1
        archived += is_archived
        try:
            case = _parse(text)
        except (ProblemError, ValidationError):
            unreadable += 1
            continue
        for record in case.referrals:
            if record.status in _USED:
                referrals[record.option] += 1
            elif record.status is ReferralStatus.DECLINED:
                declined += 1
        _against_guidance(case, tally)
        length = _count_case(case, tally)
        if length is None:
            continue
        lengths.append(length)
        diagnosis = case.sick_note.main_diagnosis
        if diagnosis is not None:
            system = "ICD-10" if diagnosis.system.value == "ICD-10" else "ICPC-2"
            by_chapter.setdefault((system, diagnosis.code[0].upper()), []).append(length)
    lengths.sort()
    buckets = tuple(
        (label, sum(1 for n in lengths if n >= low and (high is None or n <= high)))
        for label, low, high in LENGTH_BUCKETS
    )
    chapters = tuple(
        ChapterRow(system, chapter, len(days), float(statistics.median(days)))
        for (system, chapter), days in sorted(by_chapter.items(), key=lambda item: (-len(item[1]), item[0]))
    )
    return AuditReport(
        cases=cases,
        archived=archived,
        unreadable=unreadable,
        sick_notes=tally.notes,
        graded_notes=tally.graded_notes,
        leave_days=tally.leave_days,
        graded_days=tally.graded_days,
        reached_week_8=tally.reached,
        full_leave_at_week_8=tally.full,
        exceptions_week_8=tally.exceptions,
        exceptions_medical=tally.medical,
        exceptions_work_related=tally.work,
        referrals=tuple(sorted(referrals.items(), key=lambda item: (-item[1], item[0]))),
        referrals_declined=declined,
        lengths=tuple(lengths),
        length_buckets=buckets,
        chapters=chapters,
        guidance_within=tally.within,
        guidance_beyond=tally.beyond,
        guidance_beyond_with_reason=tally.beyond_with_reason,
        guidance_without_figure=tally.without_figure,
    )


def audit_store(store: CaseStore) -> AuditReport:
    """The report over the current version of every case in ``store`` (archived ones included)."""
    return audit_documents((archived, document) for _, archived, document in store.current_documents())
