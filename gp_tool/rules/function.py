"""Function against the job: the gap model, a sick-leave grade proposal and neutral employer wording.

The GP rates each function domain (:class:`~gp_tool.domain.assessment.FunctionDomain`, after the ICF
core sets and the Dutch FML, the *Functionele Mogelijkhedenlijst*) twice: how limited the patient is now
(:class:`~gp_tool.domain.assessment.Limitation`) and how much the job asks of it
(:class:`~gp_tool.domain.assessment.Demand`). Work capacity is function *measured against the concrete
job* (Helsedirektoratet's sykmelderveileder, "gap model"; domain brief §1.2, ftrl § 8-7: the
assessment of incapacity starts from a functional assessment). Three things follow from the two
ratings, all deterministic and explained:

1. :func:`gaps` - where the job asks more than the patient can give now.
2. :func:`grade_range` - a proposed sick-leave grade range with its reason (peers §11.3).
3. :func:`neutral_wording` - neutral functional phrases for the employer, ICF/FML style, free of any
   diagnosis word (checked by ``gp_tool.documents.firewall`` in the tests).

**The match table** (:func:`match_level`). ``GAP``: the limitation does not meet the demand;
``STRAIN``: one step below that, the patient is close to their limit. The rule: a limitation of
``k`` steps (SOME 1, MARKED 2, NOT_POSSIBLE 3) against a demand of ``d`` steps (LOW 1, MEDIUM 2, HIGH
3) is a GAP when ``k + d >= 4`` and a STRAIN when ``k + d == 3``; no limitation or no demand is never a
gap, and an unrated side (None) gives no verdict::

                      demand NONE   LOW      MEDIUM   HIGH
    limitation NONE          -       -        -        -
               SOME          -       -        STRAIN   GAP
               MARKED        -       STRAIN   GAP      GAP
               NOT_POSSIBLE  -       GAP      GAP      GAP

**The grade table** (:func:`grade_range`). Rows are tried top to bottom; the first that applies gives
the range. *Time domains* are WORKING_HOURS and ENDURANCE (they limit how long the patient can work);
*task domains* are all others except TRAVEL_TO_WORK (they can often be met by changing tasks, tools or
pace at work); *demanded domains* are those with a rated limitation and a demand of LOW or more,
TRAVEL_TO_WORK excepted (it is not a function at work, and a travel grant meets it).

==========  ==============================================================  ==========
row         applies when                                                     grade
==========  ==============================================================  ==========
FULL        a time domain is NOT_POSSIBLE against a demand of LOW or more,   100 %
            or more than half of the demanded domains are NOT_POSSIBLE
TIME_MARKED a time domain is a GAP at MARKED                                 40–60 %
TIME_SOME   a time domain is a GAP at SOME (that is, against HIGH)           20–40 %
TASKS       a task domain is a GAP                                           20–50 %
TRAVEL      the only GAP is TRAVEL_TO_WORK                                   0 % (reisetilskudd)
STRAIN      no GAP, at least one STRAIN                                      0 %
FITS        no GAP and no STRAIN                                             0 %
==========  ==============================================================  ==========

No proposal (None) when there is no assessment or no domain has both sides rated. The lower end of
every graded row is 20 %, the payment floor of ftrl § 8-13 (parameter ``payment_floor_percent``).
TRAVEL points to reisetilskudd (ftrl § 8-14: a travel grant instead of sykepenger when the patient can
work but cannot travel the usual way); STRAIN and FITS point to an awaiting sick note (avventende) or
adjustments. The reason (:attr:`GradeProposal.reason`, a msgid) names the domains that decided the row.

**Position percent.** A sick-leave grade is a share of the patient's *own* position
(``case.work.position_percent``), not of a full-time job: 50 % sick leave in an 80 % position means
working 40 % of a full-time week. :meth:`GradeProposal.text` says so, with the share of a full-time week
the patient would work at both ends of the range.

Public API (api.md §B)::

    gaps(assessment) -> tuple[Gap, ...]              # GAP and STRAIN, in FunctionDomain order
    match_view(assessment) -> tuple[Match, ...]      # every domain with its verdict (the match view)
    grade_range(case) -> GradeProposal | None        # .text(lang), .to_json(lang)
    neutral_wording(assessment) -> tuple[str, ...]   # msgids, employer-safe
    domain_label / limitation_label / demand_label / level_label -> msgid
    phrase(domain, limitation) -> msgid | None;  PHRASES
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from gp_tool.domain.assessment import Demand, FunctionAssessment, FunctionDomain, Limitation
from gp_tool.domain.case import Case
from gp_tool.i18n.catalog import Translator, translator
from gp_tool.i18n.markers import N_

__all__ = [
    "GAP",
    "PHRASES",
    "STRAIN",
    "TASK_DOMAINS",
    "TIME_DOMAINS",
    "Gap",
    "GradeProposal",
    "Match",
    "demand_label",
    "domain_label",
    "gaps",
    "grade_range",
    "level_label",
    "limitation_label",
    "match_level",
    "match_view",
    "neutral_wording",
    "phrase",
]

GAP: Final = "GAP"
STRAIN: Final = "STRAIN"

_LIMIT_STEPS: Final[dict[Limitation, int]] = {
    Limitation.NONE: 0,
    Limitation.SOME: 1,
    Limitation.MARKED: 2,
    Limitation.NOT_POSSIBLE: 3,
}
_DEMAND_STEPS: Final[dict[Demand, int]] = {Demand.NONE: 0, Demand.LOW: 1, Demand.MEDIUM: 2, Demand.HIGH: 3}

TIME_DOMAINS: Final = (FunctionDomain.WORKING_HOURS, FunctionDomain.ENDURANCE)
"""Domains that limit how long the patient can work."""
TASK_DOMAINS: Final = tuple(
    d for d in FunctionDomain if d not in TIME_DOMAINS and d is not FunctionDomain.TRAVEL_TO_WORK
)
"""Domains that adjusted tasks, tools or pace can often meet."""

_DOMAIN_LABELS: Final[dict[FunctionDomain, str]] = {
    FunctionDomain.LIFTING_CARRYING: N_("Lifting and carrying"),
    FunctionDomain.STANDING_WALKING: N_("Standing and walking"),
    FunctionDomain.SITTING: N_("Sitting"),
    FunctionDomain.HAND_USE: N_("Hand use"),
    FunctionDomain.ENDURANCE: N_("Endurance"),
    FunctionDomain.PACE: N_("Pace"),
    FunctionDomain.CONCENTRATION_MEMORY: N_("Concentration and memory"),
    FunctionDomain.STRESS_TOLERANCE: N_("Tolerance of pressure"),
    FunctionDomain.COOPERATION_CONTACT: N_("Cooperation and contact"),
    FunctionDomain.TRAVEL_TO_WORK: N_("Travel to work"),
    FunctionDomain.WORKING_HOURS: N_("Working hours"),
}
_LIMITATION_LABELS: Final[dict[Limitation, str]] = {
    Limitation.NONE: N_("No limitation"),
    Limitation.SOME: N_("Some limitation"),
    Limitation.MARKED: N_("Marked limitation"),
    Limitation.NOT_POSSIBLE: N_("Not possible now"),
}
_DEMAND_LABELS: Final[dict[Demand, str]] = {
    Demand.NONE: N_("Not required"),
    Demand.LOW: N_("Low demand"),
    Demand.MEDIUM: N_("Medium demand"),
    Demand.HIGH: N_("High demand"),
}
_LEVEL_LABELS: Final[dict[str, str]] = {
    GAP: N_("Gap: the job asks more than the patient can give now"),
    STRAIN: N_("Close to the limit"),
}

PHRASES: Final[dict[FunctionDomain, dict[Limitation, str]]] = {
    FunctionDomain.LIFTING_CARRYING: {
        Limitation.SOME: N_("Should not lift more than about 10–15 kg, and not repeatedly."),
        Limitation.MARKED: N_("Should not lift more than about 5 kg."),
        Limitation.NOT_POSSIBLE: N_("Cannot lift or carry at present."),
    },
    FunctionDomain.STANDING_WALKING: {
        Limitation.SOME: N_("Needs to be able to alternate between standing, walking and sitting."),
        Limitation.MARKED: N_("Can stand or walk only for short periods (about 15–30 minutes at a time)."),
        Limitation.NOT_POSSIBLE: N_("Cannot do work that requires standing or walking at present."),
    },
    FunctionDomain.SITTING: {
        Limitation.SOME: N_("Needs the chance to take breaks and change working position."),
        Limitation.MARKED: N_(
            "Can sit only for short periods (about 30 minutes at a time) and needs to move between tasks."
        ),
        Limitation.NOT_POSSIBLE: N_("Cannot do seated work at present."),
    },
    FunctionDomain.HAND_USE: {
        Limitation.SOME: N_("Should avoid repetitive or forceful work with the hands for long periods."),
        Limitation.MARKED: N_("Can do only light work with the hands, with frequent breaks."),
        Limitation.NOT_POSSIBLE: N_("Cannot do work that requires use of the hands at present."),
    },
    FunctionDomain.ENDURANCE: {
        Limitation.SOME: N_("Needs regular breaks during the working day."),
        Limitation.MARKED: N_("Can manage only light tasks for part of the day, with breaks."),
        Limitation.NOT_POSSIBLE: N_("Does not have the stamina for work tasks at present."),
    },
    FunctionDomain.PACE: {
        Limitation.SOME: N_("Should be able to work at their own pace, without tight deadlines."),
        Limitation.MARKED: N_("Needs a clearly reduced pace and workload."),
        Limitation.NOT_POSSIBLE: N_("Cannot work to a set pace or production target at present."),
    },
    FunctionDomain.CONCENTRATION_MEMORY: {
        Limitation.SOME: N_("Should have fewer simultaneous tasks and clear priorities."),
        Limitation.MARKED: N_("Needs one task at a time, written instructions and a quiet place to work."),
        Limitation.NOT_POSSIBLE: N_("Cannot do tasks that require sustained concentration at present."),
    },
    FunctionDomain.STRESS_TOLERANCE: {
        Limitation.SOME: N_("Should avoid tight deadlines and sudden changes; predictable tasks help."),
        Limitation.MARKED: N_(
            "Needs predictable tasks with little time pressure and close follow-up from the manager."
        ),
        Limitation.NOT_POSSIBLE: N_(
            "Cannot handle time pressure or demanding situations at work at present."
        ),
    },
    FunctionDomain.COOPERATION_CONTACT: {
        Limitation.SOME: N_(
            "Should have limited customer or public contact and a known colleague to turn to."
        ),
        Limitation.MARKED: N_("Should work mainly on their own tasks, without customer or public contact."),
        Limitation.NOT_POSSIBLE: N_("Cannot do work that requires contact with others at present."),
    },
    FunctionDomain.TRAVEL_TO_WORK: {
        Limitation.SOME: N_("Needs flexible working hours to travel outside rush hour."),
        Limitation.MARKED: N_("Needs to be able to work from home or travel another way on some days."),
        Limitation.NOT_POSSIBLE: N_(
            "Cannot travel to work the usual way at present; can work from home or with arranged transport."
        ),
    },
    FunctionDomain.WORKING_HOURS: {
        Limitation.SOME: N_("Can work reduced hours, stepped up gradually."),
        Limitation.MARKED: N_("Can work only short days (a few hours), stepped up gradually."),
        Limitation.NOT_POSSIBLE: N_("Cannot work at present; this is reassessed regularly."),
    },
}
"""Neutral employer-facing phrase per domain and limitation (msgids; ICF/FML style, no diagnosis)."""

# Reasons of the grade table (msgids); {domains} is a translated, comma-separated list.
_REASONS: Final[dict[str, str]] = {
    "FULL": N_(
        "Not possible now in {domains}: full sick leave ({low} %) on function grounds. Reassess soon and "
        "plan a graded return."
    ),
    "TIME_MARKED": N_(
        "Marked limitation in {domains} against what the job asks: graded sick leave of about {low}–{high} %."
    ),
    "TIME_SOME": N_(
        "Some limitation in {domains} against what the job asks: graded sick leave of about {low}–{high} %."
    ),
    "TASKS": N_(
        "The job asks more than the patient can give now in {domains}. Adjusted tasks can often meet this: "
        "graded sick leave of about {low}–{high} % while tasks are adjusted, or none if the employer can "
        "adjust fully."
    ),
    "TRAVEL": N_(
        "The only gap is {domains}: consider a travel grant (reisetilskudd, ftrl § 8-14) or arranged "
        "transport instead of sick leave."
    ),
    "STRAIN": N_(
        "No gap, but close to the limit in {domains}: no sick leave needed on function grounds. Consider an "
        "awaiting sick note (avventende) or adjustments at work."
    ),
    "FITS": N_(
        "Function meets what the job asks in every assessed domain: no sick leave needed on function grounds."
    ),
}

_RANGES: Final[dict[str, tuple[int, int]]] = {
    "FULL": (100, 100),
    "TIME_MARKED": (40, 60),
    "TIME_SOME": (20, 40),
    "TASKS": (20, 50),
    "TRAVEL": (0, 0),
    "STRAIN": (0, 0),
    "FITS": (0, 0),
}


def domain_label(domain: FunctionDomain) -> str:
    """msgid of the domain's name."""
    return _DOMAIN_LABELS[domain]


def limitation_label(limitation: Limitation) -> str:
    """msgid of the limitation level."""
    return _LIMITATION_LABELS[limitation]


def demand_label(demand: Demand) -> str:
    """msgid of the demand level."""
    return _DEMAND_LABELS[demand]


def level_label(level: str) -> str:
    """msgid explaining ``GAP`` or ``STRAIN``."""
    return _LEVEL_LABELS[level]


def phrase(domain: FunctionDomain, limitation: Limitation) -> str | None:
    """The neutral employer phrase (msgid) for a domain at a limitation; None for no limitation."""
    return PHRASES[domain].get(limitation)


def match_level(limitation: Limitation | None, demand: Demand | None) -> str | None:
    """``GAP``, ``STRAIN`` or None for one domain (the match table in the module docstring)."""
    if limitation is None or demand is None:
        return None
    k, d = _LIMIT_STEPS[limitation], _DEMAND_STEPS[demand]
    if k == 0 or d == 0:
        return None
    if k + d >= 4:
        return GAP
    if k + d == 3:
        return STRAIN
    return None


@dataclass(frozen=True)
class Gap:
    """A domain where the job asks more than the patient can give now (GAP) or close to it (STRAIN)."""

    domain: FunctionDomain
    limitation: Limitation
    demand: Demand
    level: str

    def to_json(self) -> dict[str, str]:
        return {
            "domain": self.domain.value,
            "limitation": self.limitation.value,
            "demand": self.demand.value,
            "level": self.level,
        }


@dataclass(frozen=True)
class Match:
    """One row of the match view: a domain, both ratings (None: not rated) and the verdict."""

    domain: FunctionDomain
    limitation: Limitation | None
    demand: Demand | None
    level: str | None
    note: str = ""


def match_view(assessment: FunctionAssessment | None) -> tuple[Match, ...]:
    """Every domain in FunctionDomain order, rated or not, with its verdict (for the match view)."""
    domains = assessment.domains if assessment is not None else {}
    rows: list[Match] = []
    for domain in FunctionDomain:
        rated = domains.get(domain)
        limitation = rated.limitation if rated is not None else None
        demand = rated.demand if rated is not None else None
        rows.append(
            Match(domain, limitation, demand, match_level(limitation, demand), rated.note if rated else "")
        )
    return tuple(rows)


def gaps(assessment: FunctionAssessment | None) -> tuple[Gap, ...]:
    """Every GAP and STRAIN of the assessment, in FunctionDomain order (empty without an assessment)."""
    found: list[Gap] = []
    for row in match_view(assessment):
        if row.level is not None and row.limitation is not None and row.demand is not None:
            found.append(Gap(row.domain, row.limitation, row.demand, row.level))
    return tuple(found)


def _domain_list(domains: tuple[FunctionDomain, ...], t: Translator) -> str:
    return ", ".join(t.gettext(_DOMAIN_LABELS[d]).lower() for d in domains)


def _work_share(position: int, grade: int) -> int:
    """Percent of a full-time week worked at ``grade`` % sick leave in a ``position`` % position."""
    return round(position * (100 - grade) / 100)


@dataclass(frozen=True)
class GradeProposal:
    """A proposed sick-leave grade range (percent of the patient's own position) and why."""

    low: int
    high: int
    reason: str
    """msgid with ``{domains}``, ``{low}``, ``{high}``; fill it with :meth:`text`."""
    params: dict[str, Any] = field(default_factory=dict)
    """``{"rule", "domains" (FunctionDomain values), "low", "high", "position_percent"}``."""
    rule: str = ""
    """Row of the grade table: FULL, TIME_MARKED, TIME_SOME, TASKS, TRAVEL, STRAIN or FITS."""
    domains: tuple[FunctionDomain, ...] = ()
    """The domains that decided the row."""
    position_percent: int | None = None

    @property
    def graded(self) -> bool:
        """A graded (partial) sick leave is proposed."""
        return self.low > 0 and self.high < 100

    def work_share(self) -> tuple[int, int] | None:
        """Percent of a full-time week the patient would work at the high and the low end of the range;
        None when the position percentage is not recorded."""
        if self.position_percent is None:
            return None
        return _work_share(self.position_percent, self.high), _work_share(self.position_percent, self.low)

    def text(self, lang: str | Translator) -> str:
        """The reason in ``lang``, with the position sentence for a graded proposal."""
        t = translator(lang) if isinstance(lang, str) else lang
        out = t.format(self.reason, domains=_domain_list(self.domains, t), low=self.low, high=self.high)
        if not self.graded:
            return out
        share = self.work_share()
        if share is None or self.position_percent is None:
            return out + " " + t.gettext("The grade is a share of the patient's own position (not recorded).")
        return (
            out
            + " "
            + t.format(
                N_(
                    "The grade is a share of the patient's own {position} % position: the patient would work "
                    "about {work_low}–{work_high} % of a full-time week."
                ),
                position=self.position_percent,
                work_low=share[0],
                work_high=share[1],
            )
        )

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "low": self.low,
            "high": self.high,
            "rule": self.rule,
            "domains": [d.value for d in self.domains],
            "position_percent": self.position_percent,
            "reason": self.text(lang),
        }


def _proposal(rule: str, domains: tuple[FunctionDomain, ...], position: int | None) -> GradeProposal:
    low, high = _RANGES[rule]
    return GradeProposal(
        low=low,
        high=high,
        reason=_REASONS[rule],
        params={
            "rule": rule,
            "domains": [d.value for d in domains],
            "low": low,
            "high": high,
            "position_percent": position,
        },
        rule=rule,
        domains=domains,
        position_percent=position,
    )


def grade_range(case: Case) -> GradeProposal | None:
    """The sick-leave grade range the function assessment points to (the grade table in the module
    docstring); None without an assessment or with no domain rated on both sides."""
    rows = [r for r in match_view(case.function) if r.limitation is not None and r.demand is not None]
    if not rows:
        return None
    position = case.work.position_percent
    # travel to work is not a function at work: it never counts towards full leave (reisetilskudd meets it)
    demanded = [
        r for r in rows if r.demand is not Demand.NONE and r.domain is not FunctionDomain.TRAVEL_TO_WORK
    ]
    impossible = tuple(r.domain for r in demanded if r.limitation is Limitation.NOT_POSSIBLE)
    time_impossible = tuple(d for d in impossible if d in TIME_DOMAINS)
    if time_impossible:
        return _proposal("FULL", time_impossible, position)
    if demanded and 2 * len(impossible) > len(demanded):
        return _proposal("FULL", impossible, position)
    gap_rows = [r for r in rows if r.level == GAP]
    for rule, limitation in (("TIME_MARKED", Limitation.MARKED), ("TIME_SOME", Limitation.SOME)):
        time_gaps = tuple(
            r.domain for r in gap_rows if r.domain in TIME_DOMAINS and r.limitation is limitation
        )
        if time_gaps:
            return _proposal(rule, time_gaps, position)
    task_gaps = tuple(r.domain for r in gap_rows if r.domain in TASK_DOMAINS)
    if task_gaps:
        return _proposal("TASKS", task_gaps, position)
    if gap_rows:  # only travel to work is left
        return _proposal("TRAVEL", tuple(r.domain for r in gap_rows), position)
    strains = tuple(r.domain for r in rows if r.level == STRAIN)
    if strains:
        return _proposal("STRAIN", strains, position)
    return _proposal("FITS", (), position)


def neutral_wording(assessment: FunctionAssessment | None) -> tuple[str, ...]:
    """Neutral functional phrases (msgids) for the employer: one per limited domain the job asks of (or
    whose demand is not rated), in FunctionDomain order; never a diagnosis word."""
    out: list[str] = []
    for row in match_view(assessment):
        if row.limitation is None or row.demand is Demand.NONE:
            continue
        text = phrase(row.domain, row.limitation)
        if text is not None:
            out.append(text)
    return tuple(out)
