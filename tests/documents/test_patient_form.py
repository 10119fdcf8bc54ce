"""The patient's form: one page in nb, nn and en, blank or with the answers, the same content on paper
and on screen; rendered to PNG with poppler's ``pdftoppm`` (tech.md) into ``test-artifacts/``."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from gp_tool.documents.patient_form import (
    FIELDS,
    FORM_LANGUAGES,
    FORM_TEXTS,
    patient_form,
    patient_form_html,
    render_patient_form,
    save_patient_form,
)
from gp_tool.domain.casefile import parse_case
from gp_tool.storage.demo import load_demo

TODAY = dt.date(2026, 11, 20)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PART = {
    "filled_on": "2026-11-19",
    "tasks_i_can_do": "Undervise to timer om formiddagen; rette prøver hjemme.",
    "what_would_help": "Slippe inspeksjon i friminuttene en periode.",
    "worries": "At kollegaene må ta timene mine.",
    "consent_to_nav": True,
}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def with_part(**changes: object):
    case = load_demo("uke7-depresjon", TODAY)
    doc = case.to_json_dict()
    doc["patient_part"] = {**PART, **changes}
    return parse_case(json.dumps(doc))


def test_every_text_is_in_all_three_languages() -> None:
    for key, entry in FORM_TEXTS.items():
        assert set(entry) == set(FORM_LANGUAGES), key
        assert all(entry[lang].strip() for lang in FORM_LANGUAGES), key


def test_nynorsk_is_nynorsk() -> None:
    nn = " ".join(entry["nn"] for entry in FORM_TEXTS.values())
    for word in ("Kva", "eg", "gjere", "no?", "arbeidsgjevaren", "utan", "uroar", "oppgåver"):
        assert re.search(rf"(?<!\w){re.escape(word)}", nn), word
    for bokmal in ("Hva ", "jeg ", "gjøre", "arbeidsgiveren", "ikke "):
        assert bokmal not in nn, bokmal


def test_a_blank_form_has_the_name_and_no_answers() -> None:
    form = patient_form(with_part(), "nb")
    assert form.name == "Ingrid Berg"
    assert form.date == ""
    assert [f.key for f in form.fields] == list(FIELDS)
    assert all(f.answer == "" for f in form.fields)
    assert form.consent_given is False


def test_a_filled_form_carries_the_answers_the_date_and_the_consent() -> None:
    form = patient_form(with_part(), "nn", filled=True, today=TODAY)
    assert [f.answer for f in form.fields] == [
        PART["tasks_i_can_do"],
        PART["what_would_help"],
        PART["worries"],
    ]
    assert form.date == "19. november 2026"
    assert form.consent_given is True
    assert form.fields[0].question == "Kva for oppgåver på jobben kan eg gjere no?"
    without_consent = patient_form(with_part(consent_to_nav=False), "en", filled=True)
    assert without_consent.consent_given is False


@pytest.mark.parametrize("lang", FORM_LANGUAGES)
def test_the_pdf_is_one_page_with_every_text(lang: str) -> None:
    form = patient_form(with_part(), lang, filled=True, today=TODAY)
    data = render_patient_form(form, TODAY)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    text = pdf_text(data)
    for value in (form.title, form.name, form.consent.split(". ")[0], *(f.question for f in form.fields)):
        assert " ".join(value.split()) in text, value
    for value in PART.values():
        if isinstance(value, str) and not value[0].isdigit():
            assert value in text
    assert data == render_patient_form(form, TODAY)  # byte-stable


def test_the_screen_and_print_html_says_what_the_pdf_says() -> None:
    form = patient_form(with_part(), "nb", filled=True, today=TODAY)
    html = patient_form_html(form)
    for value in (
        form.title,
        form.intro,
        form.consent,
        *(f.question for f in form.fields),
        *(f.hint for f in form.fields),
    ):
        assert value.replace("'", "&#x27;") in html, value
    assert "☒" in html
    assert "☐" in patient_form_html(patient_form(with_part(), "nb"))


def test_saved_pdf_is_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "form.pdf"
    save_patient_form(target, patient_form(with_part(), "en"), TODAY)
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
@pytest.mark.parametrize("lang", FORM_LANGUAGES)
def test_the_blank_form_renders_to_png(lang: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"patient-form-{lang}.pdf"
    pdf.write_bytes(render_patient_form(patient_form(with_part(), lang), TODAY))
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-singlefile", str(pdf), str(ARTIFACTS / f"patient-form-{lang}")],
        check=True,
        timeout=60,
    )
    png = ARTIFACTS / f"patient-form-{lang}.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000  # text, boxes and lines, not an empty page
