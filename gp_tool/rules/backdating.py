"""NAV's back-dating tree (tilbakedatering), with its helpers, kept exactly as regulus-regula runs it.

Sources (navikt/regulus-regula, ``regula/src/main/kotlin/no/nav/tsm/regulus/regula/rules/trees/
tilbakedatering/``): ``TilbakedateringRuleTree.kt``, ``TilbakedateringRules.kt``,
``extras/{Forlengelse,Ettersending,Arbeidsgiverperiode}.kt``; ``rules/shared/Startdato.kt`` and
``TidligereSykmeldinger.kt``; domain brief §3.2.8. All comparisons use the signing date and the
earliest ``fom`` of the new note. The decision order:

1. TILBAKEDATERING - signed after the first ``fom``? No: OK.
2. SPESIALISTHELSETJENESTEN - main diagnosis coded in ICD-10: OK.
3. ETTERSENDING - exactly one period, equal (kind, fom, tom, grade) to a period of an earlier note
   with the same main diagnosis code: OK.
4. TILBAKEDATERT_INNTIL_4_DAGER - ``DAYS.between(fom, signed) <= 4``: OK.
5. TILBAKEDATERT_INNTIL_8_DAGER - signed before ``fom + 9 days``: a justification of at least one
   word is OK; else FORLENGELSE is OK; else ``INNTIL_8_DAGER`` (INVALID).
6. TILBAKEDATERT_MINDRE_ENN_1_MAANED - signed before ``fom + 1 month + 1 day``: with a justification,
   FORLENGELSE is OK, else still inside the employer period (ARBEIDSGIVERPERIODE) is OK, else
   ``MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE`` (MANUAL); without one, ``MINDRE_ENN_1_MAANED`` (INVALID).
7. More than a month: a justification of at least three words gives ``OVER_1_MND_MED_BEGRUNNELSE``
   (MANUAL), else ``OVER_1_MND`` (INVALID).

Words are counted as NAV does: the trimmed text split on single spaces, counting tokens with at least
one ASCII letter (so "12.03" is no word and neither is a token of only æ, ø, å). Earlier notes are
all taken as accepted by NAV and without back-dating remarks [inference: a case file does not record
NAV's outcome].
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from gp_tool.domain.case import DiagnosisSystem, EarlierSickNote, Period, PeriodKind, SickNote
from gp_tool.rules.absence import nav_case_start, nav_relevant_dates
from gp_tool.rules.calendar import days, days_between, each_day, plus_months, working_days_between
from gp_tool.rules.parameters import Parameters

__all__ = [
    "BackdatingDecision",
    "decide_backdating",
    "employer_period_days",
    "ettersending_of",
    "forlengelse_of",
    "word_count",
]

_HAS_ASCII_LETTER: Final = re.compile(r"[A-Za-z]")
_FORLENGELSE_KINDS: Final = frozenset({PeriodKind.AKTIVITET_IKKE_MULIG, PeriodKind.GRADERT})


def word_count(text: str | None) -> int:
    """regulus-regula ``getNumberOfWords``: tokens of the trimmed text split on " " with an ASCII letter."""
    if not text:
        return 0
    return sum(1 for token in text.strip().split(" ") if _HAS_ASCII_LETTER.search(token))


def _code(note: SickNote | EarlierSickNote) -> str | None:
    return None if note.main_diagnosis is None else note.main_diagnosis.code


def _same_diagnosis(earlier: Sequence[EarlierSickNote], code: str | None) -> list[EarlierSickNote]:
    """``onlyRelevantWithSameDiagnosis``: earlier notes with a main diagnosis whose code equals ``code``."""
    return [n for n in earlier if _code(n) is not None and _code(n) == code]


@dataclass(frozen=True, slots=True)
class Extension:
    """An earlier period the new note extends or re-sends (for the trace)."""

    note: int
    """Index of the earlier note in ``earlier_sick_notes``."""
    from_: dt.date
    to: dt.date
    grade: int | None

    def to_json(self) -> dict[str, object]:
        return {
            "note": self.note,
            "from": self.from_.isoformat(),
            "to": self.to.isoformat(),
            "grade": self.grade,
        }


def forlengelse_of(note: SickNote, earlier: Sequence[EarlierSickNote]) -> Extension | None:
    """``isForlengelse``: an earlier single-period note (100 % or graded) with the same diagnosis code that
    the new note continues without a working day between, or starts inside and reaches the end of."""
    if not note.periods:
        return None
    first_fom = min(p.from_ for p in note.periods)
    last_tom = max(p.to for p in note.periods)
    code = _code(note)
    for index, old in enumerate(earlier):
        if code is None or _code(old) != code or len(old.periods) != 1:
            continue
        period = old.periods[0]
        if period.kind not in _FORLENGELSE_KINDS:
            continue
        adjacent = not working_days_between(first_fom, period.to)
        inside = period.from_ <= first_fom <= period.to and last_tom >= period.to
        if adjacent or inside:
            grade = period.grade if period.kind is PeriodKind.GRADERT else None
            return Extension(index, period.from_, period.to, grade)
    return None


def _equal_for_resending(new: Period, old: Period) -> bool:
    if new.kind is not old.kind or new.from_ != old.from_ or new.to != old.to:
        return False
    if new.kind is PeriodKind.GRADERT:
        return new.grade == old.grade
    return True


def ettersending_of(note: SickNote, earlier: Sequence[EarlierSickNote]) -> Extension | None:
    """``isEttersending``: a one-period note equal to a period of an earlier note with the same diagnosis code."""
    if len(note.periods) != 1 or note.main_diagnosis is None:
        return None
    period = note.periods[0]
    code = _code(note)
    for index, old in enumerate(earlier):
        if _code(old) is None or _code(old) != code:
            continue
        for old_period in old.periods:
            if _equal_for_resending(period, old_period):
                grade = old_period.grade if old_period.kind is PeriodKind.GRADERT else None
                return Extension(index, old_period.from_, old_period.to, grade)
    return None


def employer_period_days(
    earliest_fom: dt.date,
    latest_tom: dt.date,
    earlier: Sequence[EarlierSickNote],
    params: Parameters,
    on: dt.date,
) -> list[dt.date]:
    """``getSykedagerForArbeidsgiverperiode``: the sick days NAV counts for its employer-period check.

    Kept exactly, including its habit of adding a date twice; NAV's check is ``len(days) <= 16``.
    """
    limit = params.number("employer_period_days", on)
    dates = nav_relevant_dates(earliest_fom, earlier, params, on)
    start = nav_case_start(earliest_fom, earlier, params, on)
    before = [d for d in dates if start <= d < earliest_fom]
    current = list(each_day(earliest_fom, latest_tom))
    if len(current) > limit:
        return current[: limit + 1]
    found = sorted(current, reverse=True)
    last = earliest_fom
    for day in before:
        if not working_days_between(last, day):
            found.extend(each_day(day, last - days(1)))
        else:
            found.append(day)
        last = day
        if len(found) > limit:
            break
    return found


@dataclass(frozen=True, slots=True)
class BackdatingDecision:
    """The outcome of the back-dating tree: the rule that decides (None for OK) and the path taken."""

    outcome: str | None
    """``INNTIL_8_DAGER``, ``MINDRE_ENN_1_MAANED``, ``MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE``,
    ``OVER_1_MND``, ``OVER_1_MND_MED_BEGRUNNELSE``, or None when NAV accepts the dating."""
    path: tuple[str, ...]
    """Each question of the tree with its answer, e.g. ``("TILBAKEDATERING=yes", ...)``."""
    first_fom: dt.date
    signed: dt.date
    days_between: int
    words: int
    extension: Extension | None = None
    resent: Extension | None = None
    employer_period_day_count: int | None = None
    inputs: dict[str, object] = field(default_factory=dict)


def decide_backdating(
    note: SickNote, earlier: Sequence[EarlierSickNote], params: Parameters, on: dt.date
) -> BackdatingDecision | None:
    """Run NAV's back-dating tree on ``note``; None when the note has no periods."""
    if not note.periods:
        return None
    fom = min(p.from_ for p in note.periods)
    tom = max(p.to for p in note.periods)
    signed = note.signed
    words = word_count(note.backdating.justification if note.backdating is not None else "")
    gap = days_between(fom, signed)
    path: list[str] = []
    found: dict[str, object] = {}

    def ask(name: str, answer: bool) -> bool:
        path.append(f"{name}={'yes' if answer else 'no'}")
        return answer

    def done(outcome: str | None) -> BackdatingDecision:
        extension = found.get("forlengelse")
        resent = found.get("ettersending")
        count = found.get("employer_period_days")
        inputs: dict[str, object] = {
            "first_from": fom.isoformat(),
            "signed": signed.isoformat(),
            "days_between": gap,
            "justification_words": words,
            "path": list(path),
        }
        if isinstance(extension, Extension):
            inputs["forlengelse_of"] = extension.to_json()
        if isinstance(resent, Extension):
            inputs["ettersending_of"] = resent.to_json()
        if isinstance(count, int):
            inputs["employer_period_days"] = count
        return BackdatingDecision(
            outcome,
            tuple(path),
            fom,
            signed,
            gap,
            words,
            extension if isinstance(extension, Extension) else None,
            resent if isinstance(resent, Extension) else None,
            count if isinstance(count, int) else None,
            inputs,
        )

    def extends() -> bool:
        extension = forlengelse_of(note, earlier)
        if extension is not None:
            found["forlengelse"] = extension
        return ask("FORLENGELSE", extension is not None)

    if not ask("TILBAKEDATERING", signed > fom):
        return done(None)
    specialist = note.main_diagnosis is not None and note.main_diagnosis.system is DiagnosisSystem.ICD10
    if ask("SPESIALISTHELSETJENESTEN", specialist):
        return done(None)
    resent = ettersending_of(note, earlier)
    if resent is not None:
        found["ettersending"] = resent
    if ask("ETTERSENDING", resent is not None):
        return done(None)
    if ask("TILBAKEDATERT_INNTIL_4_DAGER", gap <= params.number("backdating_short_days_between", on)):
        return done(None)
    min_words = params.number("justification_min_words", on)
    if ask(
        "TILBAKEDATERT_INNTIL_8_DAGER", signed < fom + days(params.number("backdating_medium_days", on) + 1)
    ):
        if ask("BEGRUNNELSE_MIN_1_ORD", words >= min_words):
            return done(None)
        return done(None if extends() else "INNTIL_8_DAGER")
    month_limit = plus_months(fom, params.number("backdating_long_months", on)) + days(1)
    if ask("TILBAKEDATERT_MINDRE_ENN_1_MAANED", signed < month_limit):
        if not ask("BEGRUNNELSE_MIN_1_ORD", words >= min_words):
            return done("MINDRE_ENN_1_MAANED")
        if extends():
            return done(None)
        count = len(employer_period_days(fom, tom, earlier, params, on))
        found["employer_period_days"] = count
        if ask("ARBEIDSGIVERPERIODE", count <= params.number("employer_period_days", on)):
            return done(None)
        return done("MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE")
    if ask("BEGRUNNELSE_MIN_3_ORD", words >= params.number("justification_min_words_over_month", on)):
        return done("OVER_1_MND_MED_BEGRUNNELSE")
    return done("OVER_1_MND")
