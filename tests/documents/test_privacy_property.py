"""Property: the employer never sees the diagnosis or anything NAV-only (issues 4, 6 and 10, must show).

Over 10,000 generated cases (diagnoses drawn from the real ICPC-2, ICPC-2B and ICD-10 lists; NAV-only
fields filled with distinctive tokens; employer texts from a neutral vocabulary, sometimes with a
diagnosis code, the diagnosis text or a diagnosis word injected):

* the employer note's full text never contains a NAV-only token;
* when nothing was injected the firewall lets the note through, and its text contains neither the
  code (with or without dot, any case) nor the text of any of the case's diagnoses;
* when something was injected the firewall blocks (so no employer output is ever made), naming the
  field it was injected into.

The work-focused parts (``gp_tool.domain.assessment``) are filled in every case: each NAV-only text
(domain notes, screening comments, referral notes, the plan, the guidance deviation, the 8-week
facts, the patient's own part with or without consent) holds a NAV-only token, the main diagnosis
code and its text; the employer's two lists (possible tasks, adjustments) come from the neutral
vocabulary and are where an injection may land besides the message to the employer.

A second property renders the employer PDF for a sample and checks the text pypdf extracts; a third
checks that the patient's own part reaches the NAV note and the export exactly when the patient
consented, and the journal always.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gp_tool.codes import code_lists
from gp_tool.documents import (
    build_employer_note,
    build_nav_note,
    case_export,
    check_employer_text,
    journal_text,
    render_employer_pdf,
)
from gp_tool.documents.outline import employer_outline, nav_outline, outline_text
from gp_tool.domain.assessment import (
    INSTRUMENT_ITEMS,
    ITEM_MINIMUM,
    ActivityRequirement,
    Demand,
    DeviationReason,
    DomainAssessment,
    EightWeekOption,
    FunctionAssessment,
    FunctionDomain,
    Instrument,
    Limitation,
    PatientPart,
    Plan,
    Prognosis,
    ReferralRecord,
    ReferralStatus,
    ScreeningResult,
)
from gp_tool.domain.base import SHORT_TEXT_MAX
from gp_tool.domain.case import (
    ArbeidsrelatertArsak,
    Backdating,
    Case,
    Diagnosis,
    DiagnosisSystem,
    EarlierSickNote,
    MedisinskArsak,
    Patient,
    Period,
    PeriodKind,
    SickNote,
    Sykmelder,
    Work,
)
from tests.documents.helpers import context, flat, pdf_text

PROPERTY_EXAMPLES = 10_000
NAV_TOKEN = re.compile(r"QX[0-9A-F]{6}NAV")
PATIENT_MARK = "PPART"
"""Starts every text of the patient's own part (NAV sees them only with the patient's consent)."""
NEUTRAL = [
    "Kan gjøre lette oppgaver",
    "unngå løft over 10 kg",
    "bør kunne veksle mellom å stå og sitte",
    "trenger korte pauser",
    "kan arbeide halve dager",
    "ønsker møte om oppfølgingsplanen",
    "kan gjere lette oppgåver",
    "treng faste oppgåver",
    "can do light duties",
    "needs a quiet place",
    "kortere arbeidsdager i to uker",
    "fast arbeidsplass og tydelige prioriteringer",
]
NAMES = ["Kari Nordmann", "Ola Hansen", "Ingrid Berg", "Per Olsen", "Åse Ødegård"]
EMPLOYERS = ["Sykehjemmet AS", "Byggmester AS", "Nordby skole", "Kommunen"]
OCCUPATIONS = ["Helsefagarbeider", "Tømrer", "Lektor", "Saksbehandler"]


@cache
def codes(system: DiagnosisSystem) -> st.SearchStrategy[str]:
    """Every code of a list (built once: a strategy over 19,634 ICD-10 codes is not free)."""
    return st.sampled_from(tuple(e.code for e in code_lists().entries(system)))


@st.composite
def diagnoses(draw: st.DrawFn) -> Diagnosis:
    system = draw(st.sampled_from(list(DiagnosisSystem)))
    return Diagnosis(system=system, code=draw(codes(system)))


# Strategies built once: a fresh strategy object per draw costs Hypothesis more than the test itself.
DIAGNOSES = diagnoses()
SECONDARY = st.lists(DIAGNOSES, max_size=2)
INJECTIONS = st.sampled_from(["none", "none", "code", "dotted", "text", "word"])
#: Where an injection lands: the message to the employer, or one of the function assessment's lists.
TARGETS = st.sampled_from(["message", "task", "adjustment"])
TARGET_FIELDS = {
    "message": "sick_note.message_to_employer",
    "task": "function.possible_tasks",
    "adjustment": "function.adjustments",
}
SEEDS = st.integers(0, 2**32 - 1)


def nav_token(rng: random.Random) -> str:
    return f"QX{rng.randrange(0x1000000):06X}NAV"


def neutral_text(rng: random.Random) -> str:
    return ". ".join(rng.choices(NEUTRAL, k=rng.randint(1, 3))) + "."


def nav_only(rng: random.Random, diagnosis: Diagnosis) -> str:
    """A NAV-only text: a token, the diagnosis code and its text (short enough for every text field)."""
    entry = code_lists().lookup(diagnosis.system, diagnosis.code)
    assert entry is not None
    return f"{nav_token(rng)} {diagnosis.code} {entry.text_full}"[:SHORT_TEXT_MAX]


def work_focus(rng: random.Random, main: Diagnosis, start: dt.date) -> dict[str, object]:
    """Every work-focused part of a case, NAV-only texts carrying the diagnosis (see the docstring)."""
    domains = rng.sample(list(FunctionDomain), k=rng.randint(1, len(FunctionDomain)))
    function = FunctionAssessment(
        assessed_on=start,
        domains={
            d: DomainAssessment(
                limitation=rng.choice([None, *Limitation]),
                demand=rng.choice([None, *Demand]),
                note=nav_only(rng, main),
            )
            for d in domains
        },
        possible_tasks=rng.sample(NEUTRAL, k=rng.randint(0, 3)),
        adjustments=rng.sample(NEUTRAL, k=rng.randint(0, 3)),
    )
    screening = []
    for instrument in rng.sample(list(Instrument), k=rng.randint(1, len(Instrument))):
        count, highest = INSTRUMENT_ITEMS[instrument]
        screening.append(
            ScreeningResult(
                instrument=instrument,
                date=start,
                answers=[
                    rng.choice([None, *range(ITEM_MINIMUM.get(instrument, {}).get(i, 0), highest + 1)])
                    for i in range(count)
                ],
                gp_agrees=rng.choice([None, True, False]),
                comment=nav_only(rng, main),
            )
        )
    referrals = [
        ReferralRecord(
            option=rng.choice(["local:fysioterapeut-hansen", "local:frisklivssentralen", "unknown-option"]),
            status=rng.choice(list(ReferralStatus)),
            date=start,
            note=nav_only(rng, main),
        )
        for _ in range(rng.randint(1, 3))
    ]
    plan = Plan(
        prognosis=rng.choice(list(Prognosis)),
        expected_return=start + dt.timedelta(days=30),
        treatment=nav_only(rng, main),
        work_measures=nav_only(rng, main),
        measures_from_nav=nav_only(rng, main),
        reassess_on=start + dt.timedelta(days=14),
        guidance_deviation=rng.sample(list(DeviationReason), k=rng.randint(1, 3)),
        guidance_deviation_text=nav_only(rng, main),
    )
    activity = ActivityRequirement(
        follow_up_plan_received=rng.choice([None, True, False]),
        dialogue_meeting_held=rng.choice([None, True, False]),
        gp_invited=rng.choice([None, True, False]),
        dialogue_meeting_outcome=nav_only(rng, main),
        option=rng.choice(list(EightWeekOption)),
        why_activity_impossible=nav_only(rng, main),
        what_would_change_it=nav_only(rng, main),
        workplace_facts=nav_only(rng, main),
        reassess_on=start + dt.timedelta(days=21),
        ask_nav_for_dialogue_meeting=rng.random() < 0.5,
        gp_will_attend=rng.random() < 0.5,
    )
    patient_part = PatientPart(
        filled_on=start,
        tasks_i_can_do=PATIENT_MARK + nav_only(rng, main),
        what_would_help=PATIENT_MARK + nav_only(rng, main),
        worries=PATIENT_MARK + nav_only(rng, main),
        consent_to_nav=rng.random() < 0.5,
    )
    return {
        "function": function,
        "screening": screening,
        "referrals": referrals,
        "plan": plan,
        "activity_requirement": activity,
        "patient_part": patient_part,
    }


@st.composite
def cases(draw: st.DrawFn) -> tuple[Case, str | None, str]:
    """A case, what was injected into its employer texts (None: nothing) and the field it went into.

    The diagnoses and the injection are drawn by Hypothesis (they are what the property is about, and
    shrink well); the filler (dates, period kinds, texts, NAV-only tokens) comes from a seeded
    ``random.Random``, which keeps 10,000 examples fast and every failure reproducible.
    """
    main = draw(DIAGNOSES)
    secondary = draw(SECONDARY)
    earlier_diagnosis = draw(DIAGNOSES)
    choice = draw(INJECTIONS)
    target = draw(TARGETS)
    rng = random.Random(draw(SEEDS))
    start = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    periods: list[Period] = []
    day = start
    for kind in rng.choices(list(PeriodKind), k=rng.randint(1, 3)):
        length = rng.randint(1, 30)
        periods.append(
            Period(
                kind=kind,
                from_=day,
                to=day + dt.timedelta(days=length - 1),
                grade=rng.randint(1, 99) if kind is PeriodKind.GRADERT else None,
                travel_grant=rng.random() < 0.5 if kind is PeriodKind.GRADERT else None,
                treatment_days=rng.randint(1, 4) if kind is PeriodKind.BEHANDLINGSDAGER else None,
                advice_to_employer=neutral_text(rng) if kind is PeriodKind.AVVENTENDE else None,
                medical_reasons=[rng.choice(list(MedisinskArsak))]
                if kind is PeriodKind.AKTIVITET_IKKE_MULIG
                else None,
            )
        )
        day += dt.timedelta(days=length)
    message = neutral_text(rng)
    injected: str | None = None
    entry = code_lists().lookup(main.system, main.code)
    assert entry is not None
    if choice == "code":
        injected = main.code.lower() if rng.random() < 0.5 else main.code
    elif choice == "dotted":
        injected = entry.display_code
    elif choice == "text":
        injected = entry.text_full
    elif choice == "word":
        injected = rng.choice(["depresjon", "angsten", "utbrent", "Cipralex", "kreft", "isjias"])
    focus = work_focus(rng, main, start)
    target_field = TARGET_FIELDS["message"]
    if injected is not None:
        if target == "message":
            message = f"{message} {injected}."
        else:
            function = focus["function"]
            assert isinstance(function, FunctionAssessment)
            name = "possible_tasks" if target == "task" else "adjustments"
            items = list(getattr(function, name))
            at = rng.randint(0, len(items))
            items.insert(at, f"{rng.choice(NEUTRAL)} {injected}"[:SHORT_TEXT_MAX])
            focus["function"] = function.model_copy(update={name: items})
            target_field = f"{TARGET_FIELDS[target]}[{at}]"
    first = start - dt.timedelta(days=14)
    earlier = EarlierSickNote(
        signed=first,
        main_diagnosis=earlier_diagnosis,
        periods=[Period(kind=PeriodKind.AKTIVITET_IKKE_MULIG, from_=first, to=start - dt.timedelta(days=1))],
        message_to_nav=nav_token(rng),
    )
    questions = rng.sample(["6.3.1", "6.3.2", "6.4.3", "6.5.3"], k=rng.randint(0, 3))
    case = Case(
        patient=Patient(name=rng.choice(NAMES), birth_date=dt.date(1980, 5, 5)),
        sykmelder=Sykmelder(name="Lege Legesen", hpr="1234567"),
        work=Work(employer=rng.choice(EMPLOYERS), occupation=rng.choice(OCCUPATIONS)),
        case_start=first,
        earlier_sick_notes=[earlier],
        sick_note=SickNote(
            signed=start,
            main_diagnosis=main,
            secondary_diagnoses=secondary,
            periods=periods,
            backdating=Backdating(contact_date=start, justification=nav_token(rng))
            if rng.random() < 0.5
            else None,
            work_related_reasons=[ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING]
            if rng.random() < 0.5
            else [],
            work_related_reason_text=neutral_text(rng),
            message_to_nav=nav_token(rng),
            message_to_employer=message,
            answers={q: nav_token(rng) for q in questions},
        ),
        **focus,
    )
    return case, injected, target_field


def all_diagnoses(case: Case) -> list[Diagnosis]:
    found = [case.sick_note.main_diagnosis, *case.sick_note.secondary_diagnoses]
    found += [e.main_diagnosis for e in case.earlier_sick_notes]
    return [d for d in found if d is not None]


def assert_no_diagnosis(case: Case, text: str) -> None:
    folded = flat(text).casefold()
    for d in all_diagnoses(case):
        chars = [re.escape(c) for c in d.code.upper() if c != "."]
        pattern = re.compile(r"(?<![\w.])" + r"\.?".join(chars) + r"(?![\w])", re.IGNORECASE)
        assert not pattern.search(text), (d.code, text)
        entry = code_lists().lookup(d.system, d.code)
        assert entry is not None
        for diagnosis_text in {entry.text, entry.text_full}:
            assert flat(diagnosis_text).casefold() not in folded, (diagnosis_text, text)


@settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.sampled_from(["nb", "nn", "en"]))
def test_employer_text_never_shows_the_diagnosis_or_nav_only_content(
    drawn: tuple[Case, str | None, str], lang: str
) -> None:
    case, injected, target_field = drawn
    ctx = context(case, lang)
    note = build_employer_note(case, ctx)
    text = outline_text(employer_outline(note, ctx))
    assert not NAV_TOKEN.search(text), text  # structurally never: NAV-only fields do not reach the note
    leaks = check_employer_text(note, case)
    if injected is None:
        assert leaks == (), [(x.field, x.words) for x in leaks]
        assert_no_diagnosis(case, text)
    else:
        assert leaks, f"not blocked: {injected!r}"
        assert any(x.field == target_field for x in leaks), (target_field, [x.field for x in leaks])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.sampled_from(["nb", "nn", "en"]))
def test_employer_pdf_never_shows_the_diagnosis_or_nav_only_content(
    drawn: tuple[Case, str | None, str], lang: str
) -> None:
    case, injected, _target = drawn
    ctx = context(case, lang)
    note = build_employer_note(case, ctx)
    if check_employer_text(note, case):
        assert injected is not None
        return  # blocked: no employer PDF exists
    text = pdf_text(render_employer_pdf(note, ctx))
    assert not NAV_TOKEN.search(text)
    assert_no_diagnosis(case, text)
    assert case.patient.name in text
    assert case.function is not None
    for item in [*case.function.possible_tasks, *case.function.adjustments]:
        assert flat(item) in text  # the two employer lists do reach the employer


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.sampled_from(["nb", "nn", "en"]))
def test_the_patient_part_reaches_nav_exactly_when_the_patient_consented(
    drawn: tuple[Case, str | None, str], lang: str
) -> None:
    case, _injected, _target = drawn
    assert case.patient_part is not None
    ctx = context(case, lang)
    nav = build_nav_note(case, ctx)
    nav_text = outline_text(nav_outline(nav, ctx))
    export = json.dumps(case_export(case, ctx, nav_note=nav), ensure_ascii=False)
    consent = case.patient_part.consent_to_nav
    assert (PATIENT_MARK in nav_text) is consent
    assert (PATIENT_MARK in export) is consent
    assert PATIENT_MARK in journal_text(case, nav, ctx)  # the GP's own record keeps it always
    assert NAV_TOKEN.search(nav_text)  # the NAV-only parts do reach NAV
