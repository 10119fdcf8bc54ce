"""The note models: what each note holds, and that the employer note cannot hold a diagnosis."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing

from gp_tool.documents import (
    NoteContext,
    TimelineMark,
    basic_context,
    build_employer_note,
    build_nav_note,
    models,
)
from gp_tool.documents.models import (
    DiagnosisLine,
    EmployerNote,
    EmployerPeriod,
    PastPeriod,
    QuestionAnswer,
    SykmelderInfo,
    question_text_nb,
    question_week,
)
from gp_tool.documents.timeline import build_timeline
from gp_tool.domain.case import (
    ArbeidsrelatertArsak,
    Backdating,
    Diagnosis,
    DiagnosisSystem,
    EarlierSickNote,
    HprCategory,
    MedisinskArsak,
    Period,
    PeriodKind,
)
from tests.documents.helpers import context, simple_case

D = dt.date


def test_employer_note_has_no_field_that_can_hold_a_diagnosis() -> None:
    """Walk every field type reachable from EmployerNote: no diagnosis, medical reason or NAV answer."""
    forbidden_types = {
        models.DiagnosisLine,
        models.NavPeriod,
        models.QuestionAnswer,
        models.EarlierNoteLine,
        Diagnosis,
        MedisinskArsak,
    }
    forbidden_names = ("diagnos", "medical", "answer", "nav", "justification", "national_id", "reason_code")
    seen: set[type] = set()

    def walk(cls: type) -> None:
        if cls in seen:
            return
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            assert not any(name in f.name for name in forbidden_names), f"{cls.__name__}.{f.name}"
            for arg in _types_in(hints[f.name]):
                assert arg not in forbidden_types, f"{cls.__name__}.{f.name}: {arg}"
                if dataclasses.is_dataclass(arg):
                    walk(arg)

    walk(EmployerNote)
    assert seen == {EmployerNote, SykmelderInfo, EmployerPeriod, PastPeriod, TimelineMark}


def _types_in(hint: object) -> list[type]:
    args = typing.get_args(hint)
    if not args:
        return [hint] if isinstance(hint, type) else []
    return [t for a in args for t in _types_in(a)]


def test_employer_note_takes_only_what_nav_shows_the_employer() -> None:
    avventende = Period(
        kind=PeriodKind.AVVENTENDE,
        from_=D(2026, 11, 20),
        to=D(2026, 11, 30),
        advice_to_employer=" Lette oppgaver ",
    )
    graded = Period(
        kind=PeriodKind.GRADERT, from_=D(2026, 12, 1), to=D(2026, 12, 14), grade=40, travel_grant=True
    )
    case = simple_case(
        main_diagnosis=Diagnosis(system=DiagnosisSystem.ICPC2, code="L03"),
        periods=[avventende, graded],
        message_to_employer="Kan gjøre lett arbeid",
        message_to_nav="Kun for NAV",
        answers={"6.3.1": "Kun for NAV"},
        work_related_reasons=[ArbeidsrelatertArsak.ANNET],  # no AKTIVITET_IKKE_MULIG period: not shown
        work_related_reason_text="Ikke vist",
        backdating=Backdating(contact_date=D(2026, 11, 18), justification="Kun for NAV"),
    )
    ctx = context(case)
    note = build_employer_note(case, ctx)
    assert note.periods == (
        EmployerPeriod(
            0, PeriodKind.AVVENTENDE, D(2026, 11, 20), D(2026, 11, 30), None, False, None, "Lette oppgaver"
        ),
        EmployerPeriod(1, PeriodKind.GRADERT, D(2026, 12, 1), D(2026, 12, 14), 40, True, None, ""),
    )
    assert note.expected_end == D(2026, 12, 14)
    assert (note.work_related_reasons, note.work_related_text) == ((), "")
    assert note.contact_date == D(2026, 11, 18)
    assert note.message_to_employer == "Kan gjøre lett arbeid"
    assert note.case_start == D(2026, 10, 1)
    assert [m.id for m in note.milestones] == [
        "ARBEIDSGIVERPERIODE_SLUTT",
        "OPPFOLGINGSPLAN",
        "DIALOGMOTE_1",
        "AKTIVITETSKRAV",
        "DIALOGMOTE_2",
    ]  # no MAKSDATO
    assert note.sykmelder == SykmelderInfo("Lege Legesen", "123456", HprCategory.LE)


def test_work_related_reasons_reach_the_employer_with_full_sick_leave() -> None:
    full = Period(kind=PeriodKind.AKTIVITET_IKKE_MULIG, from_=D(2026, 11, 20), to=D(2026, 11, 30))
    case = simple_case(
        periods=[full],
        work_related_reasons=[
            ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING,
            ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING,
        ],
        work_related_reason_text=" Ingen lette oppgaver på lageret ",
    )
    note = build_employer_note(case, context(case))
    assert note.work_related_reasons == (ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING,)
    assert note.work_related_text == "Ingen lette oppgaver på lageret"


def test_nav_note_holds_diagnoses_reasons_answers_and_earlier_notes() -> None:
    full = Period(
        kind=PeriodKind.AKTIVITET_IKKE_MULIG,
        from_=D(2026, 11, 20),
        to=D(2026, 11, 30),
        medical_reasons=[MedisinskArsak.TILSTAND_HINDRER_AKTIVITET],
    )
    earlier = EarlierSickNote(
        signed=D(2026, 10, 1),
        main_diagnosis=Diagnosis(system=DiagnosisSystem.ICPC2, code="P76"),
        periods=[Period(kind=PeriodKind.AKTIVITET_IKKE_MULIG, from_=D(2026, 10, 1), to=D(2026, 11, 19))],
    )
    case = simple_case(
        main_diagnosis=Diagnosis(system=DiagnosisSystem.ICPC2, code="P76"),
        secondary_diagnoses=[Diagnosis(system=DiagnosisSystem.ICD10, code="ZZZ9")],
        periods=[full],
        message_to_nav=" Ønsker dialogmøte ",
        answers={"6.3.2": "Konsentrasjonen svikter", "6.3.1": "Oppsummering", "6.4.1": "  "},
    ).model_copy(update={"earlier_sick_notes": [earlier]})
    ctx = NoteContext(
        today=D(2026, 11, 20),
        lang="nb",
        case_start=D(2026, 10, 1),
        max_date=D(2027, 9, 29),
        questions_due=("6.3.3", "6.3.1"),
    )
    note = build_nav_note(case, ctx)
    assert note.diagnoses == (
        DiagnosisLine(DiagnosisSystem.ICPC2, "P76", "P76", "Depressiv lidelse", True),
        DiagnosisLine(DiagnosisSystem.ICD10, "ZZZ9", "ZZZ9", "", False),
    )
    assert not note.diagnoses[1].known
    assert note.periods[0].medical_reasons == (MedisinskArsak.TILSTAND_HINDRER_AKTIVITET,)
    assert note.answers == (
        QuestionAnswer("6.3.1", 7, "Oppsummering", True),
        QuestionAnswer("6.3.2", 7, "Konsentrasjonen svikter", False),
        QuestionAnswer("6.3.3", 7, "", True),
    )  # a blank answer that is not due is left out
    assert note.message_to_nav == "Ønsker dialogmøte"
    assert note.max_date == D(2027, 9, 29)
    (line,) = note.earlier_notes
    assert line.main_diagnosis is not None
    assert (line.signed, line.main_diagnosis.code, line.periods[0].days) == (D(2026, 10, 1), "P76", 50)
    # a case without the work-focused parts has none of their sections
    assert (note.function, note.screening, note.plan, note.deviation, note.referrals) == (
        None,
        (),
        None,
        None,
        (),
    )
    assert (note.activity_requirement, note.patient_part, note.medical_summary) == (None, None, "")


def test_icd10_codes_read_with_their_dot_and_texts_from_the_list() -> None:
    case = simple_case(main_diagnosis=Diagnosis(system=DiagnosisSystem.ICD10, code="M545"))
    (line,) = build_nav_note(case, basic_context(case, D(2026, 11, 20), "nb")).diagnoses
    assert (line.code, line.display_code, line.text) == ("M545", "M54.5", "Lumbago")


def test_question_texts_and_weeks() -> None:
    assert question_text_nb("6.3.1").startswith("Gi en kort medisinsk oppsummering relevant for sykefraværet")
    assert "  " not in question_text_nb("6.3.2")  # NAV's double space is normalised
    assert question_text_nb("6.6.1").startswith("Hva antar du at pasienten kan utføre av eget arbeid")
    assert question_text_nb("9.9.9") == ""
    assert [question_week(q) for q in ("6.3.3", "6.4.1", "6.5.4", "6.6.1", "6.2.1")] == [
        7,
        17,
        39,
        None,
        None,
    ]


def test_basic_context_uses_the_case_start_or_the_first_period() -> None:
    case = simple_case()
    assert basic_context(case, D(2026, 11, 20), "nn").case_start == D(2026, 10, 1)
    no_start = case.model_copy(update={"case_start": None})
    ctx = basic_context(no_start, D(2026, 11, 20), "nn", course=True)
    assert (ctx.case_start, ctx.marks, ctx.findings, ctx.course) == (D(2026, 11, 20), (), (), True)


def test_timeline_window_includes_near_milestones_and_lists_later_ones() -> None:
    marks = [
        TimelineMark("AKTIVITETSKRAV", "8 uker", D(2026, 11, 25)),  # within 4 weeks after the last period
        TimelineMark("DIALOGMOTE_2", "DM2", D(2027, 3, 30)),
    ]
    model = build_timeline(
        [(PeriodKind.GRADERT, D(2026, 11, 1), D(2026, 11, 14), 50, "50 %")],
        [(PeriodKind.AKTIVITET_IKKE_MULIG, D(2026, 10, 1), D(2026, 10, 31), None, "100 %")],
        marks,
        today=D(2026, 11, 10),
        today_label="I dag",
        case_start=D(2026, 10, 1),
    )
    assert model is not None
    assert (model.start, model.end) == (D(2026, 10, 1), D(2026, 11, 27))
    assert [t.id for t in model.ticks] == ["AKTIVITETSKRAV"]
    assert [t.id for t in model.later] == ["DIALOGMOTE_2"]
    assert [(b.grade, b.current) for b in model.bars] == [(100, False), (50, True)]
    assert model.x(D(2026, 10, 1)) == 0.0
    assert model.x_end(D(2026, 11, 27)) == 1.0
    short = build_timeline(
        [(PeriodKind.AVVENTENDE, D(2026, 11, 1), D(2026, 11, 3), None, "")],
        [],
        [],
        today=None,
        today_label="",
        case_start=None,
    )
    assert short is not None
    assert (short.days, short.today) == (28, None)  # at least four weeks wide
    assert build_timeline([], [], [], today=None, today_label="", case_start=None) is None
