"""Course mode (issue 9): every PDF the app can produce carries «KURS – fiktiv pasient» on every page.

"Every PDF": the NAV note, the employer note, the patient sheet, the patient's form (blank and filled),
the course handout, and every PDF ``write_notes`` writes (``gp-tool notes``, the Notes step). They are
made for each consultation's model answer of every shipped course case and of the sample course, in
nb, nn and en, and for a case whose NAV note runs over three pages. Outside course mode none of them
carries the mark. The journal text starts with the mark and the export says ``"course": true``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gp_tool.documents import (
    NoteContext,
    build_employer_note,
    build_nav_note,
    case_export,
    journal_text,
    note_context,
    render_employer_pdf,
    render_nav_pdf,
    render_patient_sheet,
    write_notes,
)
from gp_tool.documents.handout import render_handout
from gp_tool.documents.patient_form import (
    patient_form,
    patient_form_html,
    render_patient_form,
    save_patient_form,
)
from gp_tool.domain.case import Case
from gp_tool.domain.course import CourseCase, Version
from gp_tool.storage.courses import course_names, load_course, read_course_file
from tests.documents.helpers import TODAY, context, flat, pdf_pages, work_case

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "course_sample.json"
LANGS = ("nb", "nn", "en")
MARK = {"nb": "KURS – fiktiv pasient", "nn": "KURS – fiktiv pasient", "en": "COURSE – fictional patient"}
ANY_MARK = ("KURS – fiktiv pasient", "COURSE – fictional patient")


def load(name: str) -> CourseCase:
    return read_course_file(SAMPLE) if name == "sample" else load_course(name)


def _stations() -> list[tuple[str, int, str]]:
    """(course, consultation, language): the first consultation in every language, the others in turn."""
    found = []
    for name in [*course_names(), "sample"]:
        for i in range(len(load(name).stations)):
            found += [(name, i, lang) for lang in (LANGS if i == 0 else (LANGS[i % 3],))]
    return found


STATIONS = _stations()


def every_pdf(case: Case, ctx: NoteContext, out: Path) -> dict[str, bytes]:
    """Every PDF the app makes of ``case``: the renderers one by one, then all that ``write_notes`` writes."""
    lang, today = ctx.lang, ctx.today
    pdfs = {
        "nav note": render_nav_pdf(build_nav_note(case, ctx), ctx),
        "employer note": render_employer_pdf(build_employer_note(case, ctx), ctx),
        "patient sheet": render_patient_sheet(case, ctx),
        "patient form, blank": render_patient_form(patient_form(case, lang, course=ctx.course), today),
        "patient form, filled": render_patient_form(
            patient_form(case, lang, filled=True, today=today, course=ctx.course), today
        ),
    }
    result = write_notes(case, ctx, out)
    assert not result.blocked
    written = [path for path in result.written if path.suffix == ".pdf"]
    assert sorted(p.name for p in written) == ["employer-note.pdf", "nav-note.pdf", "patient-sheet.pdf"]
    pdfs.update({f"write_notes {path.name}": path.read_bytes() for path in written})
    return pdfs


def assert_marked_on_every_page(pdfs: dict[str, bytes], lang: str) -> None:
    for what, pdf in pdfs.items():
        pages = pdf_pages(pdf)
        assert pages, what
        for number, page in enumerate(pages, start=1):
            assert MARK[lang] in flat(page), f"{what}, page {number} of {len(pages)}"


def assert_never_marked(pdfs: dict[str, bytes]) -> None:
    for what, pdf in pdfs.items():
        for page in pdf_pages(pdf):
            assert not any(mark in flat(page) for mark in ANY_MARK), what


@pytest.mark.parametrize(("name", "index", "lang"), STATIONS)
def test_in_course_mode_every_pdf_of_every_model_answer_is_marked_on_every_page(
    name: str, index: int, lang: str, tmp_path: Path
) -> None:
    course = load(name)
    case = course.case_at(index, Version.MODEL)
    ctx = note_context(case, course.stations[index].date, lang, course=True)
    pdfs = every_pdf(case, ctx, tmp_path)
    pdfs["handout"] = render_handout(course, lang, name=name)
    assert_marked_on_every_page(pdfs, lang)


@pytest.mark.parametrize(("name", "index", "lang"), [s for s in STATIONS if s[1] == 0])
def test_outside_course_mode_no_pdf_is_marked(name: str, index: int, lang: str, tmp_path: Path) -> None:
    course = load(name)
    case = course.case_at(index, Version.MODEL)
    assert_never_marked(every_pdf(case, note_context(case, course.stations[index].date, lang), tmp_path))


@pytest.mark.parametrize("lang", LANGS)
def test_a_note_of_several_pages_is_marked_on_each(lang: str, tmp_path: Path) -> None:
    case = work_case()
    course_pdfs = every_pdf(case, context(case, lang, course=True), tmp_path / "course")
    assert len(pdf_pages(course_pdfs["nav note"])) == 3
    assert_marked_on_every_page(course_pdfs, lang)
    assert_never_marked(every_pdf(case, context(case, lang), tmp_path / "plain"))


# ------------------------------------------------------------------------------------------ the patient form


def test_the_patient_form_marks_with_the_render_keyword_too(tmp_path: Path) -> None:
    case = work_case()
    plain = patient_form(case, "nn", filled=True)
    assert plain.watermark == ""
    assert MARK["nn"] not in flat(pdf_pages(render_patient_form(plain, TODAY))[0])
    assert MARK["nn"] in flat(pdf_pages(render_patient_form(plain, TODAY, course=True))[0])
    out = tmp_path / "form.pdf"
    save_patient_form(out, plain, TODAY, course=True)
    assert MARK["nn"] in flat(pdf_pages(out.read_bytes())[0])
    assert out.stat().st_mode & 0o777 == 0o600
    marked = patient_form(case, "en", course=True)
    assert marked.watermark == "COURSE – fictional patient"
    assert render_patient_form(marked, TODAY) == render_patient_form(marked, TODAY, course=True)


def test_the_printed_patient_form_is_marked_in_course_mode() -> None:
    case = work_case()
    assert patient_form_html(patient_form(case, "nb", course=True)).count("KURS – fiktiv pasient") == 2
    assert "KURS" not in patient_form_html(patient_form(case, "nb"))


# ------------------------------------------------------------------------------------------ text outputs


@pytest.mark.parametrize("lang", LANGS)
def test_the_journal_text_starts_with_the_mark_in_course_mode(lang: str) -> None:
    case = work_case()
    course_ctx, plain_ctx = context(case, lang, course=True), context(case, lang)
    marked = journal_text(case, build_nav_note(case, course_ctx), course_ctx)
    plain = journal_text(case, build_nav_note(case, plain_ctx), plain_ctx)
    assert marked == MARK[lang] + "\n" + plain
    assert not any(mark in plain for mark in ANY_MARK)


def test_the_export_says_course_only_in_course_mode() -> None:
    case = work_case()
    marked = case_export(case, context(case, "nb", course=True))
    plain = case_export(case, context(case, "nb"))
    assert marked["course"] is True
    assert "course" not in plain
    assert {k: v for k, v in marked.items() if k != "course"} == plain
    assert list(marked)[:4] == ["format", "version", "course", "eksportert"]


def test_write_notes_marks_the_journal_and_the_export(tmp_path: Path) -> None:
    course = read_course_file(SAMPLE)
    case = course.case_at(0, Version.MODEL)
    ctx = note_context(case, dt.date(2026, 3, 4), "nn", course=True)
    write_notes(case, ctx, tmp_path)
    assert (tmp_path / "journal.txt").read_text(encoding="utf-8").splitlines()[0] == "KURS – fiktiv pasient"
    assert json.loads((tmp_path / "case-export.json").read_text(encoding="utf-8"))["course"] is True
