"""PDFs: content of every demo case in nb, nn and en (text extracted with pypdf), A4, fonts, byte stability."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from gp_tool.codes import code_lists
from gp_tool.documents import (
    build_employer_note,
    build_nav_note,
    render_employer_pdf,
    render_nav_pdf,
    render_patient_sheet,
)
from gp_tool.documents.outline import activity_date
from gp_tool.domain.case import Case, Diagnosis, PeriodKind
from gp_tool.i18n.formatting import format_date, format_percent_value
from gp_tool.storage.demo import demo_names, load_demo
from tests.documents.helpers import TODAY, context, flat, pdf_pages, pdf_text, simple_case

LANGS = ("nb", "nn", "en")
TITLES = {
    "nav": {"nb": "Notat til NAV", "nn": "Notat til NAV", "en": "Note to NAV"},
    "employer": {
        "nb": "Melding til arbeidsgiver",
        "nn": "Melding til arbeidsgjevar",
        "en": "Note to the employer",
    },
    "patient": {"nb": "Om sykmeldingen din", "nn": "Om sjukmeldinga di", "en": "About your sick note"},
}


def diagnoses_of(case: Case) -> list[Diagnosis]:
    found = [case.sick_note.main_diagnosis, *case.sick_note.secondary_diagnoses]
    for note in case.earlier_sick_notes:
        found += [note.main_diagnosis, *note.secondary_diagnoses]
    return [d for d in found if d is not None]


def code_pattern(code: str) -> re.Pattern[str]:
    chars = [re.escape(c) for c in code.upper() if c != "."]
    return re.compile(r"(?<![\w.])" + r"\.?".join(chars) + r"(?![\w])", re.IGNORECASE)


def short(day: dt.date, lang: str) -> str:
    return format_date(day, lang, "short")


def pct(value: int, lang: str) -> str:
    return flat(format_percent_value(value, lang))


@pytest.fixture(
    scope="module", params=[(n, lang) for n in demo_names() for lang in LANGS], ids=lambda p: f"{p[0]}-{p[1]}"
)
def rendered(request: pytest.FixtureRequest) -> tuple[Case, str, dict[str, str]]:
    name, lang = request.param
    case = load_demo(name, TODAY)
    ctx = context(case, lang)
    texts = {
        "nav": pdf_text(render_nav_pdf(build_nav_note(case, ctx), ctx)),
        "employer": pdf_text(render_employer_pdf(build_employer_note(case, ctx), ctx)),
        "patient": pdf_text(render_patient_sheet(case, ctx)),
    }
    return case, lang, texts


def test_nav_note_content(rendered: tuple[Case, str, dict[str, str]]) -> None:
    case, lang, texts = rendered
    text = texts["nav"]
    assert text.startswith(TITLES["nav"][lang] + " ") or TITLES["nav"][lang] in text
    assert case.patient.name in text
    assert (case.patient.national_id or short(case.patient.birth_date, lang)) in text  # type: ignore[arg-type]
    assert flat(case.work.employer) in text
    assert format_date(TODAY, lang, "long") in text  # header date
    assert case.sykmelder.name in text
    for period in case.sick_note.periods:
        assert short(period.from_, lang) in text
        assert short(period.to, lang) in text
        if period.kind is PeriodKind.GRADERT and period.grade is not None:
            assert pct(period.grade, lang) in text
    for diagnosis in diagnoses_of(case):
        entry = code_lists().lookup(diagnosis.system, diagnosis.code)
        assert entry is not None
        assert entry.display_code in text
    main = case.sick_note.main_diagnosis
    if main is not None:
        entry = code_lists().lookup(main.system, main.code)
        assert entry is not None
        assert flat(f"{entry.display_code} {entry.text_full}") in text
    if case.sick_note.message_to_nav:
        assert flat(case.sick_note.message_to_nav) in text


def test_employer_note_content_and_what_it_never_shows(rendered: tuple[Case, str, dict[str, str]]) -> None:
    case, lang, texts = rendered
    text = texts["employer"]
    assert TITLES["employer"][lang] in text
    assert case.patient.name in text
    assert flat(case.work.employer) in text
    assert format_date(TODAY, lang, "long") in text
    for period in case.sick_note.periods:
        assert f"{short(period.from_, lang)}–{short(period.to, lang)}" in text
        if period.kind is PeriodKind.GRADERT and period.grade is not None:
            assert pct(100 - period.grade, lang) in text  # what the employee can work
            assert pct(period.grade, lang) in text
        if period.advice_to_employer:
            assert flat(period.advice_to_employer) in text
    if case.sick_note.message_to_employer:
        assert flat(case.sick_note.message_to_employer) in text
    # never: diagnosis codes and texts, the national id, NAV-only texts
    folded = text.casefold()
    for diagnosis in diagnoses_of(case):
        assert not code_pattern(diagnosis.code).search(text), diagnosis.code
        entry = code_lists().lookup(diagnosis.system, diagnosis.code)
        assert entry is not None
        assert flat(entry.text_full).casefold() not in folded
        assert flat(entry.text).casefold() not in folded
    if case.patient.national_id:
        assert case.patient.national_id not in text
    for nav_only in (case.sick_note.message_to_nav, *case.sick_note.answers.values()):
        if nav_only.strip():
            assert flat(nav_only) not in text


def test_patient_sheet_content(rendered: tuple[Case, str, dict[str, str]]) -> None:
    case, lang, texts = rendered
    text = texts["patient"]
    assert TITLES["patient"][lang] in text
    assert case.patient.name in text
    assert "nav.no" in text
    when = activity_date(context(case, lang))
    assert when is not None
    assert format_date(when, lang, "long") in text
    for period in case.sick_note.periods:
        assert format_date(period.from_, lang, "long") in text
    main = case.sick_note.main_diagnosis
    if main is not None:
        assert not code_pattern(main.code).search(text)


# ------------------------------------------------------------------------------------------ the document itself


def _demo() -> Case:
    return load_demo("uke8-rygg", TODAY)


def test_two_renders_are_byte_identical() -> None:
    case = _demo()
    ctx = context(case, "nn")
    first = render_nav_pdf(build_nav_note(case, ctx), ctx)
    second = render_nav_pdf(build_nav_note(case, ctx), ctx)
    assert first == second
    employer = [render_employer_pdf(build_employer_note(case, ctx), ctx) for _ in range(2)]
    assert employer[0] == employer[1]
    assert render_patient_sheet(case, ctx) == render_patient_sheet(case, ctx)


def test_pdf_dates_come_from_the_note_date_not_the_clock() -> None:
    case = _demo()
    pdf = render_nav_pdf(build_nav_note(case, context(case)), context(case))
    assert b"D:20261120000000+00'00'" in pdf
    other = context(case, today=dt.date(2026, 11, 21))
    assert b"D:20261121000000+00'00'" in render_nav_pdf(build_nav_note(case, other), other)


def test_a4_pages_with_the_embedded_font() -> None:
    import io

    from pypdf import PdfReader

    case = _demo()
    ctx = context(case)
    pdf = render_employer_pdf(build_employer_note(case, ctx), ctx)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (595.3, 841.9)
    fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert {f.split("+")[-1] for f in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    assert b"/FontFile2" in pdf
    renamed = case.model_copy(update={"patient": case.patient.model_copy(update={"name": "Kari Ærøy-Løvås"})})
    assert "Kari Ærøy-Løvås" in pdf_text(render_patient_sheet(renamed, ctx))


def test_header_date_footer_and_page_numbers() -> None:
    case = simple_case(message_to_nav="Lang melding. " * 900)
    ctx = context(case, "nb")
    pages = [flat(p) for p in pdf_pages(render_nav_pdf(build_nav_note(case, ctx), ctx))]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Side {number} av {len(pages)}" in page
        assert "20. november 2026" in page
        assert "Lege Legesen" in page
        assert "Fortrolig: helseopplysninger til NAV · Ola Nordmann" in page
        assert "Lege, HPR 123456" in page


def test_course_cases_carry_the_watermark_on_every_page() -> None:
    case = simple_case(message_to_nav="Lang melding. " * 900)
    ctx = context(case, "nb", course=True)
    for page in pdf_pages(render_nav_pdf(build_nav_note(case, ctx), ctx)):
        assert "KURS – fiktiv pasient" in page
    en = context(case, "en", course=True)
    assert "COURSE – fictional patient" in pdf_text(render_employer_pdf(build_employer_note(case, en), en))
    assert "KURS" not in pdf_text(render_patient_sheet(case, context(case, "nb")))


def test_timeline_draws_bars_ticks_today_and_lists_later_milestones() -> None:
    case = _demo()
    ctx = context(case, "nb")
    text = pdf_text(render_nav_pdf(build_nav_note(case, ctx), ctx))
    start = ctx.case_start
    assert start is not None
    assert f"Aktivitetskravet {short(start + dt.timedelta(days=55), 'nb')}" in text  # a tick in the drawing
    assert f"I dag {short(TODAY, 'nb')}" in text
    assert f"Dialogmøte 2: {short(start + dt.timedelta(days=181), 'nb')}" in text  # after the window: listed
    assert f"Maksdato: {short(start + dt.timedelta(days=363), 'nb')}" in text


def test_empty_sections_are_left_out() -> None:
    case = simple_case()
    ctx = context(case, "en")
    text = pdf_text(render_nav_pdf(build_nav_note(case, ctx), ctx))
    for heading in (
        "Medical summary",
        "Function and the demands of the job",
        "Screening",
        "Plan",
        "Referrals and support",
        "The 8-week point",
        "In the patient's own words",
        "Message to NAV",
        "Back-dating",
    ):
        assert heading not in text
    filled = dataclasses.replace(build_nav_note(case, ctx), medical_summary="Fysioterapi to ganger i uka.")
    assert "Medical summary Fysioterapi to ganger i uka." in pdf_text(render_nav_pdf(filled, ctx))


def test_nav_note_lists_questions_due_with_nav_texts_and_open_findings() -> None:
    from gp_tool.documents import OpenFinding

    case = simple_case(answers={"6.3.1": "Smerter ved løft."})
    ctx = context(
        case,
        "nb",
        questions_due=("6.3.1", "6.3.2"),
        findings=(OpenFinding("GRADERT_UNDER_20", "WARN", "Graden er under 20 %."),),
    )
    text = pdf_text(render_nav_pdf(build_nav_note(case, ctx), ctx))
    assert "6.3.1 Gi en kort medisinsk oppsummering relevant for sykefraværet" in text
    assert "Smerter ved løft." in text
    assert "6.3.2 Hva er den viktigste medisinske grunnen" in text
    assert "Ikke besvart ennå." in text
    assert "Advarsel: Graden er under 20 %. (GRADERT_UNDER_20)" in text
    nn = context(case, "nn", questions_due=("6.3.2",))
    assert "6.3.2 Den viktigaste medisinske grunnen" in pdf_text(render_nav_pdf(build_nav_note(case, nn), nn))
