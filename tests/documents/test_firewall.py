"""The privacy firewall: every leak example blocks, neutral functional text passes."""

from __future__ import annotations

import datetime as dt

import pytest

from gp_tool.documents import (
    EmployerTextBlocked,
    Leak,
    LeakKind,
    build_employer_note,
    check_employer_text,
    field_label,
    leak_message,
    neutral_wording,
    render_employer_pdf,
)
from gp_tool.documents.firewall import scan_text
from gp_tool.domain.case import (
    ArbeidsrelatertArsak,
    Case,
    Diagnosis,
    DiagnosisSystem,
    Period,
    PeriodKind,
    Sykmelder,
    Work,
)
from gp_tool.storage.demo import demo_names, load_demo
from tests.documents.helpers import TODAY, context, simple_case

L03 = Diagnosis(system=DiagnosisSystem.ICPC2, code="L03")


def leaks_for(message: str, *, diagnosis: Diagnosis | None = L03, **changes: object) -> tuple[Leak, ...]:
    case = simple_case(main_diagnosis=diagnosis, message_to_employer=message)
    if changes:
        case = case.model_copy(update=changes)
    return check_employer_text(build_employer_note(case, context(case)), case)


def kinds_and_words(leaks: tuple[Leak, ...]) -> list[tuple[LeakKind, tuple[str, ...]]]:
    return [(leak.kind, leak.words) for leak in leaks]


# ------------------------------------------------------------------------------------------ leaks that block


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("Sykmeldt for L03.", ("L03",)),
        ("Satt l03 i journalen", ("l03",)),  # any case
        ("Kode F32.1 er satt", ("F32.1",)),  # ICD-10 with dot
        ("Kode F321 er satt", ("F321",)),  # ICD-10 without dot
        ("Har M54.5 og L86", ("M54.5", "L86")),
        ("ICPC-2B L03.0002", ("L03.0002",)),  # ICPC-2B term code
        ("Kode R991", ("R991",)),  # Norwegian ICPC-2 extension
    ],
)
def test_codes_block_with_and_without_dot(message: str, words: tuple[str, ...]) -> None:
    assert kinds_and_words(leaks_for(message)) == [(LeakKind.CODE, words)]


def test_the_case_code_in_any_spelling_blocks_even_if_unknown_to_the_lists() -> None:
    odd = Diagnosis(system=DiagnosisSystem.ICD10, code="X1Y2")
    assert kinds_and_words(leaks_for("Kode x1y2 nevnt", diagnosis=odd)) == [(LeakKind.CODE, ("x1y2",))]


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("Har depresjon.", ("depresjon",)),
        ("Depresjonen er bedre.", ("Depresjonen",)),  # inflection, capital
        ("Fødselsdepresjon", ("Fødselsdepresjon",)),  # compound
        ("Sosialangst gjør møter vanskelige", ("Sosialangst",)),
        ("Er deprimert", ("deprimert",)),
        ("Har sjølvmordstankar", ("sjølvmordstankar",)),  # nynorsk
        ("Utbrend etter hausten", ("Utbrend",)),  # nynorsk synonym
        ("Er utbrent", ("utbrent",)),  # synonym
        ("Har isjias", ("isjias",)),  # synonym of a back diagnosis
        ("Fikk hekseskudd", ("hekseskudd",)),
        ("Suffers from depression and anxiety", ("depression", "anxiety")),  # English
        ("Burnt out after the autumn", ("Burnt out",)),  # English phrase
        ("Har psykiske lidelser", ("psykiske lidelser",)),  # phrase
        ("Brystkreft, kreften er behandlet", ("Brystkreft", "kreften")),
        ("Kommer fra rusbehandling", ("rusbehandling",)),
        ("Er gravid i uke 20", ("gravid",)),
    ],
)
def test_diagnosis_words_and_synonyms_block(message: str, words: tuple[str, ...]) -> None:
    assert kinds_and_words(leaks_for(message)) == [(LeakKind.DIAGNOSIS_WORD, words)]


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("Har fått kusma", ("kusma",)),  # D71, a diagnosis of another case
        ("Plages med hjertebank", ("hjertebank",)),  # K04
        ("Har svimmelhet om morgenen", ("svimmelhet",)),  # N17 "Svimmelhet IKA"
    ],
)
def test_other_diagnoses_from_the_icpc2_texts_block(message: str, words: tuple[str, ...]) -> None:
    assert kinds_and_words(leaks_for(message)) == [(LeakKind.DIAGNOSIS_TEXT, words)]


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("Bruker Cipralex", ("Cipralex",)),
        ("Tar sertralin 50 mg", ("sertralin",)),
        ("Paracet og Ibux ved behov", ("Paracet", "Ibux")),
        ("On oxycodone", ("oxycodone",)),
    ],
)
def test_medication_names_block(message: str, words: tuple[str, ...]) -> None:
    assert kinds_and_words(leaks_for(message)) == [(LeakKind.MEDICATION, words)]


def test_the_case_diagnosis_text_and_its_distinctive_words_block() -> None:
    leaks = leaks_for("Vondt i korsryggen, kan ikke løfte")
    assert kinds_and_words(leaks) == [(LeakKind.CASE_DIAGNOSIS, ("korsryggen",))]
    whole = leaks_for("Korsrygg symptomer og plager")
    assert kinds_and_words(whole) == [(LeakKind.CASE_DIAGNOSIS, ("Korsrygg symptomer",))]
    icd = Diagnosis(system=DiagnosisSystem.ICD10, code="M545")
    assert kinds_and_words(leaks_for("Har lumbago", diagnosis=icd)) == [
        (LeakKind.CASE_DIAGNOSIS, ("lumbago",))
    ]


def test_secondary_and_earlier_diagnoses_count_as_the_case_diagnosis() -> None:
    case = simple_case(
        main_diagnosis=L03,
        secondary_diagnoses=[Diagnosis(system=DiagnosisSystem.ICPC2, code="D71")],
        message_to_employer="Hatt kusma",
    )
    leaks = check_employer_text(build_employer_note(case, context(case)), case)
    assert kinds_and_words(leaks) == [(LeakKind.CASE_DIAGNOSIS, ("kusma",))]


def test_a_leak_names_the_field_the_words_and_where_they_are() -> None:
    (leak,) = leaks_for("Unngå løft. Har depresjon.")
    assert leak == Leak(
        field="sick_note.message_to_employer",
        words=("depresjon",),
        kind=LeakKind.DIAGNOSIS_WORD,
        spans=((16, 25),),
        categories=("mental",),
    )


def test_advice_to_the_employer_is_scanned_under_its_own_field() -> None:
    period = Period(
        kind=PeriodKind.AVVENTENDE,
        from_=dt.date(2026, 11, 20),
        to=dt.date(2026, 11, 30),
        advice_to_employer="Lette oppgaver pga. angst",
    )
    case = simple_case(periods=[period])
    (leak,) = check_employer_text(build_employer_note(case, context(case)), case)
    assert (leak.field, leak.words) == ("sick_note.periods[0].advice_to_employer", ("angst",))
    assert field_label(leak.field, "nb") == "Innspill til arbeidsgiver (periode 1)"


def test_work_related_text_is_scanned_when_the_employer_sees_it() -> None:
    full = Period(kind=PeriodKind.AKTIVITET_IKKE_MULIG, from_=dt.date(2026, 11, 20), to=dt.date(2026, 11, 30))
    case = simple_case(
        periods=[full],
        work_related_reasons=[ArbeidsrelatertArsak.ANNET],
        work_related_reason_text="Kollegaer vet om migrenen",
    )
    (leak,) = check_employer_text(build_employer_note(case, context(case)), case)
    assert (leak.field, leak.words) == ("sick_note.work_related_reason_text", ("migrenen",))


def test_sykmelder_fields_are_scanned_in_full() -> None:
    case = simple_case().model_copy(update={"sykmelder": Sykmelder(name="Lege Hansen, DPS Nord")})
    (leak,) = check_employer_text(build_employer_note(case, context(case)), case)
    assert (leak.field, leak.words, leak.kind) == ("sykmelder.name", ("DPS",), LeakKind.DIAGNOSIS_WORD)


def test_names_of_employer_and_occupation_are_checked_for_codes_only() -> None:
    work = Work(employer="Kreftforeningen", occupation="Kreftsykepleier i rusomsorgen")
    case = simple_case(main_diagnosis=L03).model_copy(update={"work": work})
    assert check_employer_text(build_employer_note(case, context(case)), case) == ()
    coded = case.model_copy(update={"work": Work(employer="Byggmester AS", occupation="Tømrer (L03)")})
    (leak,) = check_employer_text(build_employer_note(coded, context(coded)), coded)
    assert (leak.field, leak.words, leak.kind) == ("work.occupation", ("L03",), LeakKind.CODE)


def test_one_leak_per_field_and_kind_in_field_order() -> None:
    period = Period(
        kind=PeriodKind.AVVENTENDE,
        from_=dt.date(2026, 11, 20),
        to=dt.date(2026, 11, 30),
        advice_to_employer="Tar Cipralex",
    )
    case = simple_case(periods=[period], main_diagnosis=L03, message_to_employer="L03 og angst, angsten")
    leaks = check_employer_text(build_employer_note(case, context(case)), case)
    assert [(x.field, x.kind, x.words) for x in leaks] == [
        ("sick_note.periods[0].advice_to_employer", LeakKind.MEDICATION, ("Cipralex",)),
        ("sick_note.message_to_employer", LeakKind.CODE, ("L03",)),
        ("sick_note.message_to_employer", LeakKind.DIAGNOSIS_WORD, ("angst", "angsten")),
    ]


# ------------------------------------------------------------------------------------------ neutral text passes

NEUTRAL = [
    "Kan gjøre lette oppgaver. Unngå løft over 10 kg og arbeid over skulderhøyde.",
    "Bør kunne veksle mellom å stå og sitte, for eksempel med hev-senk-bord.",
    "Har ikke krefter til lange vakter nå; korte dager fungerer.",
    "Kan delta i fangst og fiske fra land, men ikke på båt.",
    "Kan ta desinfeksjon av utstyr og lett renhold.",
    "Bør ikke operere maskiner eller kjøre truck i perioden.",
    "Kan sortere A4-ark og permer, og kjøre E6 til kontoret.",
    "Trenger redusert arbeidstid og forutsigbare oppgaver; nedsatt funksjonsevne i perioden.",
    "Kan gjere lette oppgåver og treng korte pausar.",
    "Kan arbeide halv dag med kontorarbeid og bruke hjelpemiddel ved forflytning.",
    "Can do light duties; avoid lifting over 10 kg. Uses walking aids.",
    "Needs a quiet place, short breaks and a predictable plan for the day.",
]


@pytest.mark.parametrize("message", NEUTRAL)
def test_neutral_functional_text_passes(message: str) -> None:
    assert leaks_for(message) == ()


@pytest.mark.parametrize("name", demo_names())
def test_every_demo_case_passes_the_firewall(name: str) -> None:
    case = load_demo(name, TODAY)
    assert check_employer_text(build_employer_note(case, context(case)), case) == ()


def test_scan_ignores_template_words_outside_case_text() -> None:
    # The template's own words are never scanned; a case text with the same word would be.
    assert scan_text("Side 1 av 2, A4, Arbeidsgiverperioden") == []


# ------------------------------------------------------------------------------------------ messages, wording, blocking


def test_leak_message_and_neutral_wording_are_translated() -> None:
    (leak,) = leaks_for("Har depresjon")
    assert leak_message(leak, "nb") == (
        "Melding til arbeidsgiver: «depresjon» kan fortelle arbeidsgiveren noe om pasientens helse "
        "(et ord om sykdom eller behandling)."
    )
    assert leak_message(leak, "nn") == (
        "Melding til arbeidsgjevar: «depresjon» kan fortelje arbeidsgjevaren noko om helsa til pasienten "
        "(eit ord om sjukdom eller behandling)."
    )
    assert leak_message(leak, "en") == (
        "Message to the employer: «depresjon» may tell the employer about the patient's health "
        "(a word about illness or treatment)."
    )
    wording = neutral_wording(leak, "nb")
    assert wording[0] == "Kan gjøre oppgaver med tydelige prioriteringer og en forutsigbar plan for dagen."
    assert wording[-1] == "Kan arbeide redusert tid med faste pauser."
    assert len(wording) == len(set(wording)) == 6


def test_neutral_wording_for_a_back_diagnosis_is_physical() -> None:
    (leak,) = leaks_for("Vondt i korsryggen")
    assert neutral_wording(leak, "en")[:3] == (
        "Avoid lifting more than 10 kg.",
        "Can alternate between sitting, standing and walking.",
        "Avoid work with the arms above shoulder height.",
    )


def test_render_employer_pdf_refuses_a_leaking_note() -> None:
    case = simple_case(message_to_employer="Kode F32.1")
    note = build_employer_note(case, context(case))
    with pytest.raises(EmployerTextBlocked) as caught:
        render_employer_pdf(note, context(case))
    assert [(x.field, x.words) for x in caught.value.leaks] == [("sick_note.message_to_employer", ("F32.1",))]
    assert "sick_note.message_to_employer: F32.1" in str(caught.value)


def test_leak_kinds_have_stable_names() -> None:
    assert [k.value for k in LeakKind] == [
        "CODE",
        "CASE_DIAGNOSIS",
        "DIAGNOSIS_TEXT",
        "DIAGNOSIS_WORD",
        "MEDICATION",
    ]


def test_case_copy_helper_keeps_a_valid_case() -> None:
    assert isinstance(simple_case(), Case)
