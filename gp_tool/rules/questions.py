"""NAV's week 7/17/39 questions (utdypende opplysninger): which ids a new sick note must or may answer.

The triggers are those of NAV's sick-note app syk-inn (domain brief §4.1), kept exactly, quirks
included (``src/features/ny-sykmelding-form/sections/utfyllende-sporsmal/utdypende-sporsmal-utils.ts``,
``src/core/data-layer/common/continuous-sykefravaer-utils.ts``, ``.../graphql/common-resolvers.ts``):

* The hint from earlier notes: ``days`` = inclusive length of the earlier notes chained by
  ``filterSykmeldingerWithinDaysGap`` (sorted by latest ``tom``, newest first, a note joins while the
  next newer note's *first period's* ``fom`` minus its *first period's* ``tom`` is under 16 days),
  measured from the earliest ``fom`` of the oldest chained note to the newest ``tom``; ``latestTom``
  = the latest ``tom`` of all earlier notes; the questions already answered in any earlier note.
* The new note continues the absence when there is no hint (``days == 0``) or its *latest* ``fom`` is
  less than 16 days after ``latestTom``.
* Week N is due if the note continues the absence and either ``days > 7N`` or
  ``(new latest tom - (latestTom, else the new note's latest fom)) + 1 + days >= 7N + 7``. With an
  earlier note, the ``+ 1`` counts the earlier note's last day a second time, so the questions come
  one day before the end of week N + 1 (day 7N + 6); the tool keeps that, to ask exactly when NAV's
  form asks (the domain brief's "reaches the end of week N + 1" is one day off here).
* Week 7 only when the period with the latest ``tom`` is 100 % (AKTIVITET_IKKE_MULIG).
* Not again when the week's key questions were answered in an earlier note (week 7: the medical
  summary and the work-challenges answers, which weeks 17 and 39 store in the same fields; week 17:
  6.4.3 and 6.4.4; week 39: 6.5.3 and 6.5.4).

When several weeks are due, the form shows one section: the summary and work-challenges questions in
the variant of the highest week (x.1, x.2), plus each due week's own questions (6.3.3; 6.4.3, 6.4.4;
6.5.3, 6.5.4). All are required except 6.3.3 (``UtdypendeendeSporsmal.tsx``).

syk-inn counts only sick notes NAV accepted, and today only the GP's own; a case file does not record
either, so every earlier note of the case counts [inference].
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from gp_tool.domain.case import EarlierSickNote, PeriodKind, SickNote
from gp_tool.rules.calendar import days_between
from gp_tool.rules.parameters import Parameters

__all__ = ["QUESTION_GROUPS", "QuestionsDue", "answered", "questions_due"]

QUESTION_GROUPS: Final[dict[int, str]] = {7: "6.3", 17: "6.4", 39: "6.5"}
"""Question group id per week (syk-inn-api RuleMappersUtdypende.kt)."""

# Each week's own questions beyond the shared x.1 and x.2, and whether they are required.
_EXTRA: Final[dict[int, tuple[tuple[str, bool], ...]]] = {
    7: (("6.3.3", False),),
    17: (("6.4.3", True), ("6.4.4", True)),
    39: (("6.5.3", True), ("6.5.4", True)),
}

# syk-inn answer keys and the ids under which the case file stores them.
_KEY_IDS: Final[dict[str, tuple[str, ...]]] = {
    "MEDISINSK_OPPSUMMERING": ("6.3.1", "6.4.1", "6.5.1"),
    "UTFORDRINGER_MED_ARBEID": ("6.3.2", "6.4.2", "6.5.2"),
    "HENSYN_PA_ARBEIDSPLASSEN": ("6.3.3",),
    "BEHANDLING_OG_FREMTIDIG_ARBEID": ("6.4.3",),
    "UAVKLARTE_FORHOLD": ("6.4.4",),
    "FORVENTET_HELSETILSTAND_UTVIKLING": ("6.5.3",),
    "MEDISINSKE_HENSYN": ("6.5.4",),
}

# A week's questions are not asked again when both of these keys were answered before.
_HIDE_WHEN_ANSWERED: Final[dict[int, tuple[str, str]]] = {
    7: ("UTFORDRINGER_MED_ARBEID", "MEDISINSK_OPPSUMMERING"),
    17: ("BEHANDLING_OG_FREMTIDIG_ARBEID", "UAVKLARTE_FORHOLD"),
    39: ("FORVENTET_HELSETILSTAND_UTVIKLING", "MEDISINSKE_HENSYN"),
}


def answered(answers: Mapping[str, str], question_id: str) -> bool:
    """Whether ``question_id`` has an answer that is not blank."""
    return bool(answers.get(question_id, "").strip())


@dataclass(frozen=True, slots=True)
class QuestionsDue:
    """The result, with the hint values it rests on (for the trace)."""

    weeks: tuple[int, ...]
    """Weeks whose questions are due, ascending."""
    ids: tuple[str, ...]
    """Question ids this note must or may answer, sorted."""
    required: tuple[str, ...]
    """The ids among them that are required."""
    days: int
    """syk-inn ``days``: inclusive length of the chained earlier notes."""
    latest_tom: dt.date | None
    """syk-inn ``latestTom``: the latest tom of the earlier notes."""
    answered_before: tuple[str, ...]
    """syk-inn keys answered in earlier notes."""
    continues: bool
    """Whether the new note continues the absence (gap under 16 days)."""

    def inputs(self) -> dict[str, object]:
        return {
            "days": self.days,
            "latest_tom": None if self.latest_tom is None else self.latest_tom.isoformat(),
            "answered_before": list(self.answered_before),
            "continues": self.continues,
            "weeks": list(self.weeks),
        }


def _chained_days(notes: Sequence[EarlierSickNote], gap: int) -> int:
    """syk-inn ``filterSykmeldingerWithinDaysGap`` + ``calculateTotalLengthOfSykmeldinger``."""
    with_periods = [n for n in notes if n.periods]
    if not with_periods:
        return 0
    ordered = sorted(with_periods, key=lambda n: max(p.to for p in n.periods), reverse=True)
    chain = [ordered[0]]
    for previous, note in itertools.pairwise(ordered):
        if days_between(note.periods[0].to, previous.periods[0].from_) < gap:
            chain.append(note)
        else:
            break
    newest_tom = max(p.to for p in chain[0].periods)
    oldest_fom = min(p.from_ for p in chain[-1].periods)
    return days_between(oldest_fom, newest_tom) + 1


def _answered_keys(notes: Sequence[EarlierSickNote]) -> set[str]:
    keys: set[str] = set()
    for note in notes:
        for key, ids in _KEY_IDS.items():
            if any(answered(note.answers, i) for i in ids):
                keys.add(key)
    return keys


def questions_due(
    note: SickNote, earlier: Sequence[EarlierSickNote], params: Parameters, on: dt.date
) -> QuestionsDue:
    """The week 7/17/39 questions the new ``note`` must or may answer, as NAV's app decides."""
    gap = params.number("question_gap_days", on)
    days = _chained_days(earlier, gap)
    toms = [max(p.to for p in n.periods) for n in earlier if n.periods]
    latest_tom = max(toms, default=None)
    keys = _answered_keys(earlier)
    periods = note.periods
    if not periods:
        return QuestionsDue((), (), (), days, latest_tom, tuple(sorted(keys)), False)
    current_fom = max(p.from_ for p in periods)  # syk-inn sorts fom descending and takes the first
    current_tom = max(p.to for p in periods)
    if days <= 0:
        continues = True
    elif latest_tom is None:
        continues = False
    else:
        continues = days_between(latest_tom, current_fom) < gap
    latest_period = max(periods, key=lambda p: p.to)  # first of the latest tom, as remeda firstBy
    full_leave = latest_period.kind is PeriodKind.AKTIVITET_IKKE_MULIG
    previous = latest_tom if latest_tom is not None else current_fom
    total = days_between(previous, current_tom) + 1 + days

    weeks: list[int] = []
    for week in params.numbers("question_weeks", on):
        if week not in QUESTION_GROUPS:
            continue
        first, second = _HIDE_WHEN_ANSWERED[week]
        if first in keys and second in keys:
            continue
        if week == 7 and not full_leave:
            continue
        if not continues:
            continue
        if days > 7 * week or total >= 7 * week + 7:
            weeks.append(week)
    weeks.sort()
    if not weeks:
        return QuestionsDue((), (), (), days, latest_tom, tuple(sorted(keys)), continues)
    group = QUESTION_GROUPS[weeks[-1]]
    ids: dict[str, bool] = {f"{group}.1": True, f"{group}.2": True}
    for week in weeks:
        ids.update(dict(_EXTRA[week]))
    ordered = tuple(sorted(ids, key=lambda i: tuple(int(x) for x in i.split("."))))
    required = tuple(i for i in ordered if ids[i])
    return QuestionsDue(tuple(weeks), ordered, required, days, latest_tom, tuple(sorted(keys)), continues)
