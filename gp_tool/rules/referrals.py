"""Referral and support options (domain brief §5) as data, and the rules that propose them for a case.

The catalogue (``gp_tool/resources/referrals/catalogue.json``, sources in ``SOURCES.md`` there) holds
each option's target group, route (referral, self-referral, via NAV, via the employer), what the GP
should know and its source, in nb, nn and en, and the *thresholds* of its proposal rule. Two entries
are history only and never proposed: Raskere tilbake (§5.3) and «ny medisinsk vurdering etter 6
måneder» (§1.1, a pilot without effect).

Each proposable option has one proposal rule: a pure function of (case, today) that returns a
:class:`Suggestion` with a reason built from the case (week, grade, diagnosis chapter, screening
result, age, employment), or None. The conditions, all from domain brief §5 (section named per rule in
:data:`PROPOSAL_RULES`), read only data thresholds:

* the week of the case today (``Timeline.week_and_day``; week 1 = days 1-7 from the case start);
* the ICPC-2 chapter of the main diagnosis (:func:`gp_tool.rules.guidance.diagnosis_chapter`; ICD-10
  F -> P, M -> L) and code prefixes per code system (serious mental illness, psychosis);
* screening signals and totals from :func:`gp_tool.rules.screening.latest_scores` - a signal the GP
  has marked as not agreeing with (``gp_agrees`` false) is not used (a score is a signal, not a
  decision, peers §11.4);
* the age from ``Patient.known_birth_date`` on ``today``;
* employment: an employer name in ``work.employer`` (employer routes need one);
* the new note's kinds (full, graded, awaiting), the plan's prognosis, the function gaps
  (:func:`gp_tool.rules.function.gaps`) and the last day of sickness benefit.

An option whose latest :class:`~gp_tool.domain.assessment.ReferralRecord` is DONE, DECLINED or
NOT_RELEVANT is not proposed again; PLANNED keeps it on the list (the GP is still to act). Local
services added by the practice (``local:<id>``) are never proposed; they are recorded by the GP.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from typing import Any, Final

from gp_tool.domain.assessment import (
    Instrument,
    Limitation,
    Prognosis,
    ReferralStatus,
)
from gp_tool.domain.case import Case, DiagnosisSystem, PeriodKind
from gp_tool.i18n.catalog import LANGUAGES, translator
from gp_tool.i18n.markers import N_
from gp_tool.rules.absence import Span
from gp_tool.rules.calendar import plus_years
from gp_tool.rules.function import domain_label, gaps
from gp_tool.rules.guidance import diagnosis_chapter
from gp_tool.rules.model import Msg, _format, json_value
from gp_tool.rules.parameters import parameters
from gp_tool.rules.screening import Score, instrument_info, latest_scores
from gp_tool.rules.timeline import Timeline, build_timeline

__all__ = [
    "CHAPTER_NAMES",
    "PROPOSAL_RULES",
    "CatalogueDataError",
    "Facts",
    "ProposalRule",
    "ReferralOption",
    "Route",
    "Suggestion",
    "catalogue",
    "facts",
    "history",
    "load_catalogue",
    "option",
    "proposal_rule",
    "suggestions",
]

FORMAT_VERSION: Final = 1


class Route(StrEnum):
    """How the patient gets the option."""

    REFERRAL = "REFERRAL"
    SELF_REFERRAL = "SELF_REFERRAL"
    VIA_NAV = "VIA_NAV"
    VIA_EMPLOYER = "VIA_EMPLOYER"


ROUTE_NAMES: Final[dict[Route, str]] = {
    Route.REFERRAL: N_("referral"),
    Route.SELF_REFERRAL: N_("self-referral"),
    Route.VIA_NAV: N_("via NAV"),
    Route.VIA_EMPLOYER: N_("via the employer"),
}

CHAPTER_NAMES: Final[dict[str, str]] = {
    "L": N_("a musculoskeletal diagnosis"),
    "P": N_("a mental health diagnosis"),
}
"""How a reason names the diagnosis chapter (a noun phrase; the code follows in brackets)."""

_CLOSED: Final = frozenset({ReferralStatus.DONE, ReferralStatus.DECLINED, ReferralStatus.NOT_RELEVANT})

Threshold = int | tuple[str, ...] | Mapping[str, tuple[str, ...]]


class CatalogueDataError(ValueError):
    """The referral catalogue is malformed; the message names the option and field."""


@dataclass(frozen=True, slots=True)
class ReferralOption:
    """One referral or support option of the catalogue (domain brief §5)."""

    id: str
    name: dict[str, str]
    target_group: dict[str, str]
    route: Route
    gp_should_know: dict[str, str]
    source: str
    """The source address (domain brief §5 and §9)."""
    history_only: bool
    """Shown as history, never proposed."""
    rule: str = ""
    """Id of the proposal rule ("" for history)."""
    domain_ref: str = ""
    """Where the domain brief describes it."""
    thresholds: Mapping[str, Threshold] = field(default_factory=dict)

    def text(self, field: str, lang: str) -> str:
        """``name``, ``target_group`` or ``gp_should_know`` in ``lang`` (nb for an unknown language)."""
        texts: dict[str, str] = getattr(self, field)
        return texts.get(lang) or texts["nb"]

    def number(self, name: str) -> int:
        value = self.thresholds[name]
        if not isinstance(value, int):
            raise TypeError(f"{self.id}: threshold {name} is not a number")
        return value

    def words(self, name: str) -> tuple[str, ...]:
        value = self.thresholds[name]
        if not isinstance(value, tuple):
            raise TypeError(f"{self.id}: threshold {name} is not a list")
        return value

    def codes(self, name: str) -> Mapping[str, tuple[str, ...]]:
        value = self.thresholds[name]
        if not isinstance(value, Mapping):
            raise TypeError(f"{self.id}: threshold {name} is not a code list")
        return value


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed option for this case, with the reason the rule found."""

    option_id: str
    rule: str
    """Id of the proposal rule, e.g. ``FORESLA_IPS``."""
    reason: str
    """English msgid with ``{placeholders}``."""
    params: Mapping[str, object]
    """Values for the placeholders (numbers, :class:`~gp_tool.rules.model.Msg` for translated words)."""
    source: str

    @property
    def option(self) -> ReferralOption:
        found = option(self.option_id)
        assert found is not None  # suggestions are made only for options of the catalogue
        return found

    def reason_text(self, lang: str) -> str:
        template = translator(lang).gettext(self.reason)
        return template.format(**{k: _format(v, lang) for k, v in self.params.items()})

    def to_json(self, lang: str) -> dict[str, Any]:
        """Contracts §3: ``{"id", "reason", "source"}``."""
        return {"id": self.option_id, "reason": self.reason_text(lang), "source": self.source}

    def trace(self) -> dict[str, Any]:
        """The rule, msgid and parameters behind the reason (JSON-able)."""
        return {"rule": self.rule, "message_id": self.reason, "params": json_value(self.params)}


# ---------------------------------------------------------------------------------------------- data


def _fail(where: str, message: str) -> CatalogueDataError:
    return CatalogueDataError(f"{where}: {message}")


_OPTION_KEYS: Final = frozenset(
    {
        "id",
        "rule",
        "route",
        "history_only",
        "domain_ref",
        "source",
        "thresholds",
        "name",
        "target_group",
        "gp_should_know",
    }
)


def _texts(where: str, raw: object) -> dict[str, str]:
    if not isinstance(raw, dict) or set(raw) != set(LANGUAGES):
        raise _fail(where, f"needs exactly the languages {sorted(LANGUAGES)}")
    if not all(isinstance(v, str) and v.strip() for v in raw.values()):
        raise _fail(where, "every language needs a text")
    return {str(k): str(v) for k, v in raw.items()}


def _threshold(where: str, raw: object) -> Threshold:
    if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
        return raw
    if isinstance(raw, list) and all(isinstance(v, str) and v for v in raw):
        return tuple(raw)
    if isinstance(raw, dict) and all(
        k in {s.value for s in DiagnosisSystem} and isinstance(v, list) and all(isinstance(c, str) for c in v)
        for k, v in raw.items()
    ):
        return {k: tuple(v) for k, v in raw.items()}
    raise _fail(
        where, f"a threshold is a whole number >= 0, a list of words or codes per system, not {raw!r}"
    )


def _option(where: str, raw: object) -> ReferralOption:
    if not isinstance(raw, dict) or set(raw) != _OPTION_KEYS:
        raise _fail(where, f"keys must be {sorted(_OPTION_KEYS)}")
    oid, rule, source = raw["id"], raw["rule"], raw["source"]
    if not isinstance(oid, str) or not oid or not all(c.islower() or c.isdigit() or c in "_.-" for c in oid):
        raise _fail(f"{where}.id", "lower-case letters, digits, '_', '.', '-'")
    try:
        route = Route(raw["route"])
    except ValueError:
        raise _fail(f"{where}.route", f"unknown route {raw['route']!r}") from None
    history_only = raw["history_only"]
    if not isinstance(history_only, bool):
        raise _fail(f"{where}.history_only", "must be true or false")
    if not isinstance(rule, str) or (rule == "") != history_only:
        raise _fail(f"{where}.rule", "a proposal rule id is required unless history_only (then empty)")
    if not isinstance(source, str) or not source.startswith(("https://", "http://")):
        raise _fail(f"{where}.source", "the source must be a web address")
    thresholds = raw["thresholds"]
    if not isinstance(thresholds, dict):
        raise _fail(f"{where}.thresholds", "must be an object")
    for name, closed in (
        ("_instruments", {i.value for i in Instrument}),
        ("_kinds", {k.value for k in PeriodKind}),
    ):
        for key, value in thresholds.items():
            if key.endswith(name) and not (isinstance(value, list) and set(value) <= closed):
                raise _fail(f"{where}.thresholds.{key}", f"values must be among {sorted(closed)}")
    return ReferralOption(
        id=oid,
        name=_texts(f"{where}.name", raw["name"]),
        target_group=_texts(f"{where}.target_group", raw["target_group"]),
        route=route,
        gp_should_know=_texts(f"{where}.gp_should_know", raw["gp_should_know"]),
        source=source,
        history_only=history_only,
        rule=rule,
        domain_ref=str(raw["domain_ref"]),
        thresholds={k: _threshold(f"{where}.thresholds.{k}", v) for k, v in thresholds.items()},
    )


def load_catalogue(text: str) -> tuple[ReferralOption, ...]:
    """Parse and validate catalogue data (the packaged file, or another one in tests)."""
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogueDataError(f"referral catalogue is not valid JSON: {exc}") from None
    if (
        not isinstance(raw, dict)
        or raw.get("format") != FORMAT_VERSION
        or not isinstance(raw.get("options"), list)
    ):
        raise CatalogueDataError("referral catalogue: unsupported format or no options")
    options = tuple(_option(f"options[{i}]", item) for i, item in enumerate(raw["options"]))
    ids = [o.id for o in options]
    if len(set(ids)) != len(ids):
        raise CatalogueDataError("referral catalogue: option ids must be unique")
    return options


@functools.cache
def catalogue() -> tuple[ReferralOption, ...]:
    """Every option of the packaged catalogue, in the order the GP sees them."""
    text = (resources.files("gp_tool") / "resources" / "referrals" / "catalogue.json").read_text(
        encoding="utf-8"
    )
    return load_catalogue(text)


@functools.cache
def _by_id() -> dict[str, ReferralOption]:
    return {o.id: o for o in catalogue()}


def option(option_id: str) -> ReferralOption | None:
    """The option with this id, or None (``local:<id>`` services live in the settings, not here)."""
    return _by_id().get(option_id)


def history() -> tuple[ReferralOption, ...]:
    """The options shown as history only (never proposed)."""
    return tuple(o for o in catalogue() if o.history_only)


# --------------------------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Facts:
    """What the proposal rules read from a case on a day, computed once per :func:`suggestions` call."""

    case: Case
    today: dt.date
    timeline: Timeline
    week: int
    """Week of the case today (0 before the case start)."""
    chapter: str | None
    code: str
    system: DiagnosisSystem | None
    age: int | None
    employer: bool
    """An employer is recorded (``work.employer``)."""
    kinds: frozenset[PeriodKind]
    """Kinds of the new note's periods."""
    scores: Mapping[Instrument, Score]
    """Latest usable score per instrument (not one the GP disagrees with)."""
    statuses: Mapping[str, ReferralStatus]
    """Latest recorded status per option id."""

    @property
    def full_now(self) -> bool:
        return PeriodKind.AKTIVITET_IKKE_MULIG in self.kinds

    @property
    def prognosis(self) -> Prognosis | None:
        return None if self.case.plan is None else self.case.plan.prognosis

    def any_active(self, opt: ReferralOption, name: str = "unless_active") -> bool:
        """One of the option ids listed under ``name`` is recorded as planned or done."""
        return any(
            self.statuses.get(other) in (ReferralStatus.PLANNED, ReferralStatus.DONE)
            for other in opt.words(name)
        )

    def chapter_in(self, opt: ReferralOption, name: str = "chapters") -> bool:
        return self.chapter is not None and self.chapter in opt.words(name)

    def code_in(self, opt: ReferralOption, name: str) -> bool:
        """The main diagnosis starts with one of the option's code prefixes for its system."""
        if self.system is None:
            return False
        system = DiagnosisSystem.ICPC2 if self.system is DiagnosisSystem.ICPC2B else self.system
        prefixes = opt.codes(name).get(system.value, ())
        code = self.code.replace(".", "")
        return any(code.startswith(p) for p in prefixes)

    def chapter_param(self) -> Msg | str:
        return Msg(CHAPTER_NAMES[self.chapter]) if self.chapter in CHAPTER_NAMES else str(self.chapter)

    def signal(self, opt: ReferralOption, name: str = "signal_instruments") -> Score | None:
        """The first usable score with a risk signal among the option's instruments."""
        for inst in opt.words(name):
            s = self.scores.get(Instrument(inst))
            if s is not None and s.signal and s.total is not None:
                return s
        return None

    def score_at_least(self, opt: ReferralOption) -> Score | None:
        """The first usable score whose total reaches ``score_from`` among ``score_instruments``."""
        for inst in opt.words("score_instruments"):
            s = self.scores.get(Instrument(inst))
            if s is not None and s.total is not None and s.total >= opt.number("score_from"):
                return s
        return None

    def phq9_severe(self, opt: ReferralOption) -> bool:
        s = self.scores.get(Instrument.PHQ9)
        return s is not None and s.total is not None and s.total >= opt.number("phq9_severe_from")


def _age(case: Case, today: dt.date) -> int | None:
    born = case.patient.known_birth_date()
    if born is None or born > today:
        return None
    years = today.year - born.year
    return years if plus_years(born, years) <= today else years - 1


def facts(case: Case, today: dt.date) -> Facts:
    """The facts the proposal rules read (exposed for the docs and the tests)."""
    timeline = build_timeline(case, today)
    week_day = timeline.week_and_day(today)
    diagnosis = case.sick_note.main_diagnosis
    statuses: dict[str, ReferralStatus] = {}
    for record in case.referrals:
        statuses[record.option] = record.status
    scores = {s.instrument: s for s in latest_scores(case) if s.gp_agrees is not False}
    return Facts(
        case=case,
        today=today,
        timeline=timeline,
        week=0 if week_day is None else week_day[0],
        chapter=diagnosis_chapter(diagnosis),
        code="" if diagnosis is None else diagnosis.code.strip().upper(),
        system=None if diagnosis is None else diagnosis.system,
        age=_age(case, today),
        employer=bool(case.work.employer.strip()),
        kinds=frozenset(p.kind for p in case.sick_note.periods),
        scores=scores,
        statuses=statuses,
    )


def _score_params(s: Score) -> dict[str, object]:
    info = instrument_info(s.instrument)
    return {"instrument": info.short_name, "score": s.total, "cut_off": info.cut_off}


_PROGRESS_FULL: Final = N_("full sick leave still")
_PROGRESS_POOR: Final = N_("a poor prognosis")
_PROGRESS_UNCERTAIN: Final = N_("an uncertain prognosis")
_PROGRESS_SCREENING: Final = N_("a risk signal on the pain screening (ÖMPSQ-SF)")


def _slow_progress(f: Facts, opt: ReferralOption | None = None) -> Msg | None:
    """Why progress looks poor: 100 % leave now, a poor or uncertain prognosis, or (with ``opt``) a
    risk signal on its ``signal_instruments``; None when none applies."""
    if f.full_now:
        return Msg(_PROGRESS_FULL)
    if f.prognosis is Prognosis.POOR:
        return Msg(_PROGRESS_POOR)
    if f.prognosis is Prognosis.UNCERTAIN:
        return Msg(_PROGRESS_UNCERTAIN)
    if opt is not None and f.signal(opt) is not None:
        return Msg(_PROGRESS_SCREENING)
    return None


# ------------------------------------------------------------------------------------ proposal rules

Propose = Callable[[Facts, ReferralOption], tuple[str, dict[str, object]] | None]


@dataclass(frozen=True, slots=True)
class ProposalRule:
    """One proposal rule: its id, its option, what it checks (msgid) and the check."""

    id: str
    option_id: str
    description: str
    """English msgid: the conditions, exactly, and the domain brief section they come from."""
    check: Propose = field(repr=False, compare=False)

    def propose(self, case: Case, today: dt.date) -> Suggestion | None:
        """The suggestion for ``case`` on ``today``, or None (pure)."""
        return self.from_facts(facts(case, today))

    def from_facts(self, f: Facts) -> Suggestion | None:
        opt = option(self.option_id)
        if opt is None or opt.history_only or f.statuses.get(opt.id) in _CLOSED:
            return None
        found = self.check(f, opt)
        if found is None:
            return None
        reason, params = found
        return Suggestion(opt.id, self.id, reason, params, opt.source)


def _fysioterapi(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if f.chapter_in(o) and f.week >= o.number("min_week"):
        return N_(
            "Week {week} with {chapter} ({code}): physiotherapy has direct access, no referral is needed for reimbursement."
        ), {"week": f.week, "chapter": f.chapter_param(), "code": f.code}
    return None


def _frisklivssentral(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if (
        f.chapter_in(o)
        and f.week >= o.number("min_week")
        and f.age is not None
        and f.age >= o.number("min_age")
        and not f.any_active(o)
    ):
        return N_(
            "Week {week} with {chapter} ({code}), age {age}: the healthy life centre supports physical activity, sleep and coping with health problems (frisklivsresept)."
        ), {"week": f.week, "chapter": f.chapter_param(), "code": f.code, "age": f.age}
    return None


def _rask_psykisk_helsehjelp(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if f.age is None or f.age < o.number("min_age") or f.code_in(o, "exclude_codes") or f.phq9_severe(o):
        return None
    signal = f.signal(o)
    if signal is not None:
        return N_(
            "{instrument} score {score} (cut-off {cut_off}), age {age}: free municipal help for mild to moderate anxiety and depression; the patient can contact it without a referral."
        ), {**_score_params(signal), "age": f.age}
    if f.chapter_in(o):
        return N_(
            "Week {week} with {chapter} ({code}), age {age}: free municipal help for mild to moderate anxiety and depression; the patient can contact it without a referral."
        ), {"week": f.week, "chapter": f.chapter_param(), "code": f.code, "age": f.age}
    return None


def _psykolog(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    high = f.score_at_least(o)
    if high is not None:
        return N_(
            "{instrument} score {score} (moderately severe from {threshold}): consider treatment by a psychologist (municipal without a referral, specialist with a referral)."
        ), {
            "instrument": instrument_info(high.instrument).short_name,
            "score": high.total,
            "threshold": o.number("score_from"),
        }
    if f.chapter_in(o) and f.week >= o.number("min_week") and not f.any_active(o):
        return N_(
            "Week {week} with {chapter} ({code}): consider treatment by a psychologist (municipal without a referral, specialist with a referral)."
        ), {"week": f.week, "chapter": f.chapter_param(), "code": f.code}
    return None


def _helse_i_arbeid(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if not f.chapter_in(o) or f.code_in(o, "exclude_codes") or f.phq9_severe(o):
        return None
    signal = f.signal(o)
    if signal is not None:
        return N_(
            "{instrument} score {score} (cut-off {cut_off}) with {chapter} ({code}): a risk signal for a long absence; work-focused treatment in the specialist health service, refer as early as possible."
        ), {**_score_params(signal), "chapter": f.chapter_param(), "code": f.code}
    if f.week >= o.number("min_week"):
        return N_(
            "Week {week} with {chapter} ({code}): work-focused treatment in the specialist health service for common complaints that keep people out of work; refer as early as possible."
        ), {"week": f.week, "chapter": f.chapter_param(), "code": f.code}
    return None


def _arbeidsrettet_rehabilitering(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if not f.chapter_in(o) or f.week < o.number("min_week"):
        return None
    progress = _slow_progress(f, o)
    if progress is None:
        return None
    return N_(
        "Week {week} with {chapter} ({code}) and {progress}: suggest work-oriented rehabilitation in the message to NAV."
    ), {"week": f.week, "chapter": f.chapter_param(), "code": f.code, "progress": progress}


def _senter_for_jobbmestring(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if f.chapter_in(o) and not f.code_in(o, "exclude_codes") and f.week >= o.number("min_week"):
        return N_(
            "Week {week} with {chapter} ({code}): NAV can offer work-focused cognitive therapy and job support at a centre for job coping; suggest it in the message to NAV."
        ), {"week": f.week, "chapter": f.chapter_param(), "code": f.code}
    return None


def _ips(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    tail: dict[str, object] = {"code": f.code}
    if f.code_in(o, "serious_codes"):
        return N_(
            "{code} is a serious mental illness or substance problem: ask whether the patient wants ordinary paid work, the only entry criterion for IPS."
        ), tail
    if not f.chapter_in(o):
        return None
    high = f.score_at_least(o)
    if high is not None:
        return N_(
            "{instrument} score {score} (moderately severe from {threshold}): ask whether the patient wants ordinary paid work, the only entry criterion for IPS."
        ), {
            "instrument": instrument_info(high.instrument).short_name,
            "score": high.total,
            "threshold": o.number("score_from"),
        }
    if f.full_now and f.week >= o.number("min_week"):
        return N_(
            "Week {week} of full sick leave with {chapter} ({code}): ask whether the patient wants ordinary paid work, the only entry criterion for IPS."
        ), {"week": f.week, "chapter": f.chapter_param(), **tail}
    return None


def _jobbmestrende_oppfolging(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if f.code_in(o, "psychosis_codes") and f.week >= o.number("min_week"):
        return N_(
            "Week {week} with {code}, a psychotic or other serious mental illness: ask NAV or the psychiatric team about job-coping follow-up."
        ), {"week": f.week, "code": f.code}
    return None


def _fontenehus(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if not f.chapter_in(o) or f.age is None or f.age < o.number("min_age"):
        return None
    params: dict[str, object] = {"chapter": f.chapter_param(), "code": f.code, "age": f.age}
    if not f.employer:
        return N_(
            "No employer recorded, {chapter} ({code}), age {age}: a clubhouse is a bridge between treatment and work; no referral is needed."
        ), params
    if f.full_now and f.week >= o.number("min_week"):
        return N_(
            "Week {week} of full sick leave with {chapter} ({code}), age {age}: a clubhouse is a bridge between treatment and work; no referral is needed."
        ), {"week": f.week, **params}
    return None


_KIND_WORDS: Final[dict[PeriodKind, str]] = {
    PeriodKind.GRADERT: N_("graded"),
    PeriodKind.AVVENTENDE: N_("awaiting"),
}


def _bedriftshelsetjeneste(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if not f.employer:
        return None
    found = [g for g in gaps(f.case.function) if g.level == "GAP"]
    if found:
        return N_(
            "The job asks more than the patient can give now ({domains}): the occupational health service can assess the workplace and adjustments, through the employer."
        ), {"domains": [Msg(domain_label(g.domain)) for g in found]}
    for kind in (PeriodKind(k) for k in o.words("adjusting_kinds")):
        if kind in f.kinds:
            return N_(
                "The new sick note is {kind}: the occupational health service can help with adjustments at work, through the employer."
            ), {"kind": Msg(_KIND_WORDS[kind])}
    return None


def _absence_spells(f: Facts, gap_days: int) -> list[Span]:
    """Spells of absence over every note in the file: periods (not awaiting) joined when fewer than
    ``gap_days`` days lie between them (ftrl § 8-19 (2), the employer period's reset)."""
    spans = sorted(
        Span(p.from_, p.to)
        for note in (*f.case.earlier_sick_notes, f.case.sick_note)
        for p in note.periods
        if p.kind is not PeriodKind.AVVENTENDE and p.from_ <= p.to
    )
    spells: list[Span] = []
    for span in spans:
        if spells and (span.start - spells[-1].end).days - 1 < gap_days:
            if span.end > spells[-1].end:
                spells[-1] = Span(spells[-1].start, span.end)
        else:
            spells.append(span)
    return spells


def _ekspertbistand(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if not f.employer:
        return None
    progress = _slow_progress(f)
    if f.week >= o.number("min_week") and progress is not None:
        return N_(
            "Week {week} of the absence and {progress}: the employer can apply for a grant for expert assistance at the workplace, agreed with NAV and the patient."
        ), {"week": f.week, "progress": progress}
    within = o.number("recurring_within_days")
    since = f.today - dt.timedelta(days=within)
    gap = parameters().number("employer_period_reset_days", f.today)
    count = sum(1 for s in _absence_spells(f, gap) if s.end >= since)
    if count >= o.number("recurring_absences"):
        return N_(
            "{count} absences in the last {days} days: the employer can apply for a grant for expert assistance at the workplace, agreed with NAV and the patient."
        ), {"count": count, "days": within}
    return None


def _nav_arbeidslivssenter(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if not f.employer or f.week < o.number("min_week"):
        return None
    progress = _slow_progress(f)
    if progress is None:
        return None
    return N_(
        "Week {week} and {progress}: the employer can ask NAV Arbeidslivssenter for help with the case (not a patient referral)."
    ), {"week": f.week, "progress": progress}


def _friskmelding_arbeidsformidling(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if f.week < o.number("min_week") or f.prognosis is Prognosis.GOOD or f.case.function is None:
        return None
    blocked = [
        g for g in gaps(f.case.function) if g.level == "GAP" and g.limitation is Limitation.NOT_POSSIBLE
    ]
    other_work = bool(f.case.function.possible_tasks) or PeriodKind.GRADERT in f.kinds
    weeks_left = (f.timeline.max_date.date - f.today).days // 7
    if blocked and other_work and weeks_left >= o.number("min_weeks_left"):
        return N_(
            "Week {week}: {domains} not possible against the job's demands while other work is possible, and {weeks} weeks remain to the last day of sickness benefit (at least {needed} needed): consider a fit note for job placement."
        ), {
            "week": f.week,
            "domains": [Msg(domain_label(g.domain)) for g in blocked],
            "weeks": weeks_left,
            "needed": o.number("min_weeks_left"),
        }
    return None


_COMPLEX_SERVICES: Final = N_("several services involved")
_COMPLEX_DIAGNOSES: Final = N_("more than one diagnosis")
_COMPLEX_SERIOUS: Final = N_("a serious mental illness")


def _individuell_plan(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    if f.week < o.number("min_week"):
        return None
    services = sum(1 for s in f.statuses.values() if s in (ReferralStatus.PLANNED, ReferralStatus.DONE))
    if services >= o.number("min_services"):
        complexity = _COMPLEX_SERVICES
    elif f.case.sick_note.secondary_diagnoses:
        complexity = _COMPLEX_DIAGNOSES
    elif f.code_in(o, "serious_codes"):
        complexity = _COMPLEX_SERIOUS
    else:
        return None
    return N_(
        "Week {week} and {complexity}: a patient with long-term, coordinated needs has a right to an individual plan; contact the municipality's coordinating unit."
    ), {"week": f.week, "complexity": Msg(complexity)}


def _dialogmote_nav(f: Facts, o: ReferralOption) -> tuple[str, dict[str, object]] | None:
    dm2_week = parameters().number("dialogmote_2_weeks", f.today)
    if not f.employer or f.week < o.number("min_week") or f.week >= dm2_week:
        return None
    ar = f.case.activity_requirement
    if ar is not None and ar.ask_nav_for_dialogue_meeting:
        return None
    if ar is None or ar.dialogue_meeting_held is not True:
        return N_(
            "Week {week} and no dialogue meeting 1 recorded: you can ask NAV for a dialogue meeting before NAV calls dialogue meeting 2 in week {dm2_week}."
        ), {"week": f.week, "dm2_week": dm2_week}
    progress = _slow_progress(f)
    if progress is None:
        return None
    return N_(
        "Week {week} and {progress}: ask NAV for an early dialogue meeting (NAV calls dialogue meeting 2 in week {dm2_week})."
    ), {"week": f.week, "progress": progress, "dm2_week": dm2_week}


PROPOSAL_RULES: Final[tuple[ProposalRule, ...]] = (
    ProposalRule(
        "FORESLA_FYSIOTERAPI",
        "fysioterapi",
        N_(
            "Proposed from week min_week of the case when the main diagnosis is in chapter L (ICD-10 M). Physiotherapy has direct access since 2018 (domain brief §5.3)."
        ),
        _fysioterapi,
    ),
    ProposalRule(
        "FORESLA_FRISKLIVSSENTRAL",
        "frisklivssentral",
        N_(
            "Proposed from week min_week for adults (age >= min_age) with a diagnosis in chapter L or P while no treatment service (unless_active) is planned or done: support to change lifestyle or cope with health problems, a low-threshold first step rather than one more service on top (domain brief §5.3)."
        ),
        _frisklivssentral,
    ),
    ProposalRule(
        "FORESLA_RASK_PSYKISK_HELSEHJELP",
        "rask_psykisk_helsehjelp",
        N_(
            "Proposed from age min_age when PHQ-9 or GAD-7 shows a signal or the diagnosis is in chapter P; not for psychosis codes or a severe PHQ-9 (>= phq9_severe_from), since the service is for mild to moderate problems (domain brief §5.3)."
        ),
        _rask_psykisk_helsehjelp,
    ),
    ProposalRule(
        "FORESLA_PSYKOLOG",
        "psykolog",
        N_(
            "Proposed when PHQ-9 or GAD-7 reaches score_from (moderately severe), or from week min_week with a diagnosis in chapter P unless rapid mental health care or HelseIArbeid (unless_active) is already planned or done: those services are psychologist-led (domain brief §5.3)."
        ),
        _psykolog,
    ),
    ProposalRule(
        "FORESLA_HELSE_I_ARBEID",
        "helse_i_arbeid",
        N_(
            "Proposed for a diagnosis in chapter L or P when ÖMPSQ-SF or WAS shows a risk signal, or from week min_week; not for psychosis codes or a severe PHQ-9, since the service is for common complaints. Refer early (domain brief §5.3)."
        ),
        _helse_i_arbeid,
    ),
    ProposalRule(
        "FORESLA_ARBEIDSRETTET_REHABILITERING",
        "arbeidsrettet_rehabilitering",
        N_(
            "Proposed from week min_week for a diagnosis in chapter L or P when progress is poor: full sick leave still, a poor or uncertain prognosis, or an ÖMPSQ-SF signal (domain brief §5.2, §6)."
        ),
        _arbeidsrettet_rehabilitering,
    ),
    ProposalRule(
        "FORESLA_SENTER_FOR_JOBBMESTRING",
        "senter_for_jobbmestring",
        N_(
            "Proposed from week min_week for a diagnosis in chapter P other than psychosis: common mental health problems held back from work (domain brief §5.3)."
        ),
        _senter_for_jobbmestring,
    ),
    ProposalRule(
        "FORESLA_IPS",
        "ips",
        N_(
            "Proposed for a serious mental illness or substance code, for a chapter P diagnosis with PHQ-9 at or over score_from, or for a chapter P diagnosis on full sick leave from week min_week (a long absence out of work). The wish to work is the only entry criterion, so the reason asks the GP to ask (domain brief §5.3)."
        ),
        _ips,
    ),
    ProposalRule(
        "FORESLA_JOBBMESTRENDE_OPPFOLGING",
        "jobbmestrende_oppfolging",
        N_(
            "Proposed from week min_week for a psychosis code (ICPC-2 P72, P73, P98; ICD-10 F2, F30, F31): serious mental illness, not able to work (domain brief §5.3)."
        ),
        _jobbmestrende_oppfolging,
    ),
    ProposalRule(
        "FORESLA_FONTENEHUS",
        "fontenehus",
        N_(
            "Proposed from age min_age for a diagnosis in chapter P when no employer is recorded, or from week min_week on full sick leave (outside work): a bridge between treatment and work (domain brief §5.3)."
        ),
        _fontenehus,
    ),
    ProposalRule(
        "FORESLA_BEDRIFTSHELSETJENESTE",
        "bedriftshelsetjeneste",
        N_(
            "Proposed when an employer is recorded and the function assessment shows a gap (the job asks more than the patient can give), or the new note is graded or awaiting: adjustments at work (domain brief §5.2)."
        ),
        _bedriftshelsetjeneste,
    ),
    ProposalRule(
        "FORESLA_EKSPERTBISTAND",
        "ekspertbistand",
        N_(
            "Proposed when an employer is recorded and the absence has reached week min_week with full sick leave still or a poor or uncertain prognosis (long and not solved), or recurring_absences spells of absence ended within recurring_within_days days (frequent) (domain brief §5.2)."
        ),
        _ekspertbistand,
    ),
    ProposalRule(
        "FORESLA_NAV_ARBEIDSLIVSSENTER",
        "nav_arbeidslivssenter",
        N_(
            "Proposed when an employer is recorded, from week min_week, with full sick leave still or a poor or uncertain prognosis: a difficult case the employer can take to NAV Arbeidslivssenter (domain brief §5.2)."
        ),
        _nav_arbeidslivssenter,
    ),
    ProposalRule(
        "FORESLA_FRISKMELDING_ARBEIDSFORMIDLING",
        "friskmelding_arbeidsformidling",
        N_(
            "Proposed from week min_week when the function assessment shows a demand the patient cannot meet at all (not possible), other work is possible (possible tasks or graded leave), the prognosis is not good, and at least min_weeks_left weeks remain to the last day of sickness benefit (domain brief §5.1)."
        ),
        _friskmelding_arbeidsformidling,
    ),
    ProposalRule(
        "FORESLA_INDIVIDUELL_PLAN",
        "individuell_plan",
        N_(
            "Proposed from week min_week when the needs look complex: at least min_services services planned or done, a secondary diagnosis, or a serious mental illness. Not in domain brief §5; from the patients' rights act [unverified]."
        ),
        _individuell_plan,
    ),
    ProposalRule(
        "FORESLA_DIALOGMOTE_NAV",
        "dialogmote_nav",
        N_(
            "Proposed when an employer is recorded, from week min_week until NAV's dialogue meeting 2 (week 26), unless the GP already asks NAV for one: when no dialogue meeting 1 is recorded, or with full sick leave still or a poor or uncertain prognosis (domain brief §1.1, ftrl § 8-7 a)."
        ),
        _dialogmote_nav,
    ),
)

_RULES_BY_ID: Final = {r.id: r for r in PROPOSAL_RULES}


def proposal_rule(rule_id: str) -> ProposalRule:
    """The proposal rule with this id (KeyError if none)."""
    return _RULES_BY_ID[rule_id]


def suggestions(case: Case, today: dt.date) -> tuple[Suggestion, ...]:
    """Every option proposed for ``case`` on ``today``, in catalogue order (never history-only options)."""
    f = facts(case, today)
    found = (proposal_rule(o.rule).from_facts(f) for o in catalogue() if not o.history_only)
    return tuple(s for s in found if s is not None)
