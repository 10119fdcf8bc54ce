"""The course handout (issue 9): one A4 page per course case in nb, nn and en, whatever the case holds.

Parametrized over the shipped course cases (``storage.courses.course_names()``) plus the sample file, so
the tests hold for 0 … n shipped cases. The very long synthetic course has the largest size the course
format allows (16 consultations, 8 goals, 8 questions each, 4,000-character texts).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from gp_tool.documents.fonts import REGULAR, register_fonts
from gp_tool.documents.handout import (
    LEVELS,
    TOPIC_NAMES,
    choose_level,
    clip,
    course_case_start,
    handout,
    handout_text,
    render_handout,
    save_handout,
    station_labels,
    watermark_size,
)
from gp_tool.domain.course import CourseCase, Topic, Version, parse_course, station_label
from gp_tool.rules import RULES_VERSION, evaluate
from gp_tool.storage.courses import course_names, load_course, read_course_file
from tests.documents.helpers import flat, pdf_pages

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "course_sample.json"
LANGS = ("nb", "nn", "en")
WATERMARK = {"nb": "KURS – fiktiv pasient", "nn": "KURS – fiktiv pasient", "en": "COURSE – fictional patient"}
SYNTHETIC_ID = "14835823890"  # a Tenor (synthetic) fødselsnummer: born 14 March 1958


def sample_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return doc


def course_from(doc: dict[str, Any]) -> CourseCase:
    return parse_course(json.dumps(doc, ensure_ascii=False))


def load(name: str) -> CourseCase:
    return read_course_file(SAMPLE) if name == "sample" else load_course(name)


COURSES = [*course_names(), "sample"]


def long_text(prefix: str, length: int = 4000, word: str = "arbeidsgjevar") -> dict[str, str]:
    text = (prefix + " " + " ".join([word] * length))[:length]
    return {"nb": text, "nn": text, "en": text}


def largest_course(*, word: str = "arbeidsgjevar") -> CourseCase:
    """The largest course case the format allows, every text at its longest."""
    doc = sample_doc()
    doc["title"] = long_text("TITLE", word=word)
    doc["summary"] = long_text("SUMMARY", word=word)
    doc["learning_goals"] = [long_text(f"GOAL{i}", word=word) for i in range(8)]
    doc["case"]["work"]["demands"] = ["løfte " * 33] * 20
    stations = []
    first = dt.date(2026, 3, 4)
    for i in range(16):
        day = first + dt.timedelta(days=21 * i)
        note = {
            "signed": day.isoformat(),
            "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
            "periods": [
                {
                    "kind": "GRADERT",
                    "from": day.isoformat(),
                    "to": (day + dt.timedelta(days=13)).isoformat(),
                    "grade": 50,
                }
            ],
        }
        stations.append(
            {
                "id": f"s{i}",
                "date": day.isoformat(),
                "situation": long_text(f"SITUATION{i}", word=word),
                "start": {"sick_note": note},
                "model": {"sick_note": note},
                "discussion": [long_text(f"QUESTION{i}.{j}", word=word) for j in range(8)],
            }
        )
    doc["stations"] = stations
    return course_from(doc)


# ------------------------------------------------------------------------------------------ every course


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", COURSES)
def test_every_course_case_is_one_page_with_its_consultations_and_the_watermark(name: str, lang: str) -> None:
    course = load(name)
    pdf = render_handout(course, lang, name=name)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = flat(pages[0])
    assert text.count(WATERMARK[lang]) == 3  # across the page, in the header and in the footer
    assert flat(course.title.get(lang))[:30] in text
    for label in station_labels(course, lang):
        assert label in text
    assert f"{name} · " in text
    assert RULES_VERSION in text


@pytest.mark.parametrize("name", COURSES)
def test_labels_come_from_the_case_start_the_rules_chain(name: str) -> None:
    course = load(name)
    start = evaluate(course.case_at(0), course.stations[0].date).case_start
    assert course_case_start(course) == start
    expected = []
    for station in course.stations:
        msgid, params = station_label(start, station.date)
        expected.append(msgid.format(**params))
    assert list(station_labels(course, "en")) == expected


@pytest.mark.parametrize("name", COURSES)
def test_the_model_answers_are_not_printed(name: str) -> None:
    course = load(name)
    text = handout_text(handout(course, "nb"))
    for i in range(len(course.stations)):
        message = course.case_at(i, Version.MODEL).sick_note.message_to_employer.strip()
        if message and message != course.case_at(i, Version.START).sick_note.message_to_employer.strip():
            assert message not in text


# ------------------------------------------------------------------------------------------ the sample, exactly


def test_the_sample_handout_in_bokmal() -> None:
    h = handout(read_course_file(SAMPLE), "nb", name="course_sample")
    assert handout_text(h) == (
        "Arbeidsfokus · Kursark\n"
        "KURS – fiktiv pasient\n"
        "Prøvekurs\n"
        "Muskel- og skjelettplager · 2 konsultasjoner\n"
        "To konsultasjoner.\n"
        "Læringsmål\n"
        "Gradert først.\n"
        "Pasienten\n"
        "Navn: Ola Prøve\n"
        "Alder ved første konsultasjon: 46 år\n"
        "Yrke: Lagermedarbeider\n"
        "Arbeidsgiver: Lageret AS\n"
        "Stilling: 100\xa0%\n"
        "Diagnose: L03 Korsrygg symptomer/plager (ICPC-2)\n"
        "Konsultasjonene\n"
        "Når | Dato | Hva skjer\n"
        "Dag 3 | 4. mars 2026 | Vondt i ryggen.\n"
        "Uke 4 | 25. mars 2026 | Bedre.\n"
        "Prøvekurs · course_sample · Regelversjon " + RULES_VERSION + "\n"
    )


def test_the_sample_in_nynorsk_and_english() -> None:
    course = read_course_file(SAMPLE)
    nn = handout(course, "nn")
    assert [s.label for s in nn.stations] == ["Dag 3", "Veke 4"]
    assert nn.subtitle == "Muskel- og skjelettplager · 2 konsultasjonar"
    assert ("Arbeidsgjevar", "Lageret AS") in nn.facts
    assert nn.stations[1].situation == "Betre."
    assert nn.footer == f"Prøvekurs · Regelversjon {RULES_VERSION}"  # no name: a course case from memory
    en = handout(course, "en")
    assert [(s.label, s.date) for s in en.stations] == [("Day 3", "4 Mar 2026"), ("Week 4", "25 Mar 2026")]
    assert en.facts[1] == ("Age at the first consultation", "46 years")
    assert en.table_header == ("When", "Date", "What happens")


def test_every_topic_has_a_name() -> None:
    assert set(TOPIC_NAMES) == set(Topic)


@pytest.mark.parametrize(
    ("birth_date", "age"),
    [("1980-03-03", 46), ("1980-03-04", 46), ("1980-03-05", 45)],  # first consultation 2026-03-04
)
def test_the_age_is_at_the_first_consultation(birth_date: str, age: int) -> None:
    doc = sample_doc()
    doc["case"]["patient"]["birth_date"] = birth_date
    h = handout(course_from(doc), "en")
    assert ("Age at the first consultation", f"{age} years") in h.facts


def test_a_national_id_is_never_printed() -> None:
    doc = sample_doc()
    doc["case"]["patient"] = {"name": "Åse Prøve", "national_id": SYNTHETIC_ID}
    course = course_from(doc)
    h = handout(course, "nb")
    pdf = render_handout(course, "nb")
    assert SYNTHETIC_ID not in handout_text(h)
    assert SYNTHETIC_ID not in flat(" ".join(pdf_pages(pdf)))
    assert ("Alder ved første konsultasjon", "67 år") in h.facts  # from the id: born 14 March 1958


def test_demands_and_discussion_are_printed_numbered() -> None:
    doc = sample_doc()
    doc["case"]["work"]["demands"] = ["Tunge løft", "Skiftarbeid"]
    doc["stations"][1]["discussion"] = [
        {"nb": "Hvorfor gradert?", "nn": "Kvifor gradert?", "en": "Why graded?"},
        {"nb": "Hva sier NAV?", "nn": "Kva seier NAV?", "en": "What does NAV say?"},
    ]
    course = course_from(doc)
    text = flat(pdf_pages(render_handout(course, "nn"))[0])
    assert "Krav i jobben Tunge løft; Skiftarbeid" in text
    assert "Til diskusjon Veke 4 1. Kvifor gradert? 2. Kva seier NAV?" in text
    assert "Eigne notat" in text


def test_same_input_same_bytes(tmp_path: Path) -> None:
    course = read_course_file(SAMPLE)
    first = render_handout(course, "nb", name="x")
    assert render_handout(course, "nb", name="x") == first
    assert render_handout(course, "nn", name="x") != first
    assert b"D:20260304000000+00'00'" in first  # the first consultation's date, not the clock
    out = tmp_path / "handout.pdf"
    save_handout(out, course, "nb", name="x")
    assert out.read_bytes() == first
    assert out.stat().st_mode & 0o777 == 0o600


# ------------------------------------------------------------------------------------------ one page, always


def test_a_short_course_gets_the_largest_type() -> None:
    assert choose_level(handout(read_course_file(SAMPLE), "nb")) == LEVELS[0]


@pytest.mark.parametrize("word", ["arbeidsgjevar", "x" * 300])
@pytest.mark.parametrize("lang", LANGS)
def test_the_largest_possible_course_stays_one_page(lang: str, word: str) -> None:
    course = largest_course(word=word)
    h = handout(course, lang)
    assert choose_level(h) == LEVELS[-1]
    pages = pdf_pages(render_handout(course, lang))
    assert len(pages) == 1
    text = flat(pages[0])
    # every consultation is there, shortened with an ellipsis, and the last discussion row too
    for i, label in enumerate(station_labels(course, lang)):
        assert label in text
        assert f"SITUATION{i}" in text
        assert f"QUESTION{i}.0" in text
    assert "GOAL7" in text
    assert "QUESTION0.1" not in text  # one line per consultation at the smallest size
    assert text.count("…") >= 16 + 16 + 8
    assert text.count(WATERMARK[lang]) == 3


def test_a_middle_sized_course_shrinks_only_as_far_as_needed() -> None:
    doc = sample_doc()
    base = doc["stations"][1]
    stations = []
    for i in range(9):
        station = json.loads(json.dumps(base))
        day = dt.date(2026, 3, 25) + dt.timedelta(days=28 * i)
        station["id"], station["date"] = f"s{i}", day.isoformat()
        for version in ("start", "model"):
            note = station[version]["sick_note"]
            note["signed"] = note["periods"][0]["from"] = day.isoformat()
            note["periods"][0]["to"] = (day + dt.timedelta(days=13)).isoformat()
        station["situation"] = long_text(f"S{i}", 500)
        station["discussion"] = [long_text(f"Q{i}", 300), long_text(f"R{i}", 300)]
        stations.append(station)
    doc["stations"] = [doc["stations"][0], *stations]
    h = handout(course_from(doc), "nb")
    level = choose_level(h)
    assert LEVELS[0] != level != LEVELS[-1]
    assert len(pdf_pages(render_handout(course_from(doc), "nb"))) == 1


def test_long_situations_get_the_room_the_page_has() -> None:
    doc = sample_doc()
    words = " ".join(f"ord{i}" for i in range(110))  # 9 lines at the largest type: more than its cap of 6
    for station in doc["stations"]:
        station["situation"] = {"nb": words, "nn": words, "en": words}
    h = handout(course_from(doc), "nb")
    level = choose_level(h)
    assert (level.scale, level.summary, level.discussion) == (1.0, 8, 8)
    assert level.situation > LEVELS[0].situation  # grown beyond the level's cap: the whole text fits
    text = flat(pdf_pages(render_handout(course_from(doc), "nb"))[0])
    assert text.count("ord109") == 2
    assert "…" not in text


# ------------------------------------------------------------------------------------------ shortening


def test_clip_at_the_boundaries() -> None:
    register_fonts()
    words = "en to tre fire fem seks sju åtte ni ti"
    width = 60.0
    lines = clip(words, REGULAR, 10, width, 100)
    n = len(lines)
    assert n > 2
    assert all("…" not in line for line in lines)
    assert clip(words, REGULAR, 10, width, n) == lines  # exactly enough lines: nothing cut
    cut = clip(words, REGULAR, 10, width, n - 1)  # one line short: the last one ends with "…"
    assert len(cut) == n - 1
    assert cut[-1].endswith("…")
    assert cut[:-1] == lines[: n - 2]
    assert clip("", REGULAR, 10, width, 1) == [""]
    assert clip("a\nb", REGULAR, 10, width, 2) == ["a", "b"]
    assert clip("a\nb", REGULAR, 10, width, 1) == ["a b…"]
    (long_word,) = clip("x" * 500, REGULAR, 10, width, 3)
    assert long_word.endswith("…")
    assert long_word.startswith("xxx")


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("abcæøå ÆØÅ-–.,\nWMil"), max_size=400),
    width=st.floats(min_value=20, max_value=400),
    max_lines=st.integers(min_value=1, max_value=6),
)
def test_clip_never_exceeds_its_box(text: str, width: float, max_lines: int) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    lines = clip(text, REGULAR, 9, width, max_lines)
    assert 1 <= len(lines) <= max_lines
    assert all(stringWidth(line, REGULAR, 9) <= width + 1e-6 for line in lines)
    uncut = clip(text, REGULAR, 9, width, 10_000)
    if len(uncut) <= max_lines and all("…" not in line for line in uncut):
        assert lines == uncut
        assert " ".join(" ".join(lines).split()) == " ".join(text.split())


def test_the_handout_reads_the_first_page_only() -> None:
    pdf = render_handout(read_course_file(SAMPLE), "en")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


@pytest.mark.parametrize("lang", LANGS)
def test_the_diagonal_mark_stays_on_the_page(lang: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from gp_tool.documents.fonts import BOLD

    register_fonts()
    size = watermark_size(WATERMARK[lang])
    assert size == (46.0 if lang != "en" else pytest.approx(44.18, abs=0.01))  # the English text is longer
    assert stringWidth(WATERMARK[lang], BOLD, size) * 0.8192 <= 0.9 * 595.28 + 1e-6
