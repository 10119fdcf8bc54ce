"""Start-up (issue 5): the case is on screen before pydantic, the rules or the store load.

A demo opens as its JSON document (:class:`CaseSketch`); the window paints the header and step 1 from
it, validates the model right after the first paint, then runs the rules. These tests check what is
visible at the first paint, that the document and the model agree for every demo on any date, and
that nothing can work on an unvalidated case. Speed itself is measured by ``bench/bench_startup.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gp_tool.domain.casefile import parse_case
from gp_tool.domain.problems import ProblemError
from gp_tool.i18n.formatting import babel_locale, format_date, format_percent_value
from gp_tool.storage.demo import demo_names, load_demo, load_demo_document
from gp_tool.ui import GuiOptions
from gp_tool.ui.app_window import load_start
from gp_tool.ui.document import CaseDocument, CaseSketch
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow
from tests.ui.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]

FIRST_PAINT = textwrap.dedent(
    """
    import datetime as dt, json, sys
    from PySide6.QtWidgets import QApplication
    import gp_tool.ui.main_window as mw
    from gp_tool.ui import GuiOptions, run_gui

    seen = {}
    build = mw.MainWindow.__init__

    def init(self, *args, **kwargs):
        build(self, *args, **kwargs)

        def painted():
            page = self.page(0)
            seen["painted"] = {
                "pydantic": "pydantic" in sys.modules,
                "rules": "gp_tool.rules" in sys.modules,
                "store": "gp_tool.storage.store" in sys.modules,
                "reportlab": "reportlab" in sys.modules,
                "babel": "babel" in sys.modules,
                "stdnum": "stdnum" in sys.modules,
                "validated": self.document.validated,
                "visible": self.isVisible(),
                "title": self.windowTitle(),
                "patient": self.header.patient_label.text(),
                "work": self.header.work_label.text(),
                "week": self.header.week_text(),
                "name_field": page.field_widgets["patient.name"].text(),
                "percent_field": page.field_widgets["work.position_percent"].text(),
                "findings": self.findings.empty.text(),
            }

        def analysed():
            seen["analysed"] = {"validated": self.document.validated, "week": self.header.week_text()}
            if MODE == "findings":
                QApplication.quit()

        self.case_painted.connect(painted)
        self.analysed.connect(analysed)

    mw.MainWindow.__init__ = init
    MODE = sys.argv[1]
    code = run_gui(GuiOptions(demo="uke8-rygg", today=dt.date(2026, 11, 20), exit_when_ready=MODE == "ready"))
    seen["code"] = code
    seen["pydantic_at_exit"] = "pydantic" in sys.modules
    print(json.dumps(seen, ensure_ascii=False))
    """
)


def run_start(tmp_path: Path, mode: str) -> dict[str, object]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path),
        QT_LOGGING_RULES="qt.qpa.*=false",
    )
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, mode],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    if not catalogues_compiled():  # a .po newer than its .mo is compiled in memory with babel.messages
        seen["painted"]["babel"] = False  # type: ignore[index]
    return seen


def catalogues_compiled() -> bool:
    """True when every .mo is as new as its .po (as built; in a working copy a fill may be newer)."""
    folder = ROOT / "gp_tool" / "translations"
    pairs = [(po, po.with_suffix(".mo")) for po in folder.glob("*/LC_MESSAGES/messages.po")]
    return all(mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime for po, mo in pairs)


PAINTED = {
    "pydantic": False,
    "rules": False,
    "store": False,
    "reportlab": False,
    "babel": False,
    "stdnum": False,
    "validated": False,
    "visible": True,
    "title": "Arbeidsfokus – Kari Nordmann [DEMO]",
    "patient": "Kari Nordmann, 41 år",
    "work": "Sykehjemmet AS · Helsefagarbeider · 100\u00a0% stilling",
    "week": "Uke 8 · dag 53",
    "name_field": "Kari Nordmann",
    "percent_field": "100",
    "findings": "Sjekker saken …",
}


def test_the_first_paint_shows_the_case_without_pydantic_rules_or_store(tmp_path: Path) -> None:
    seen = run_start(tmp_path, "findings")
    assert seen["painted"] == PAINTED
    # then the model is validated, the rules run, and the header is the same
    assert seen["analysed"] == {"validated": True, "week": "Uke 8 · dag 53"}
    assert seen["code"] == 0


def test_exit_when_ready_quits_once_the_case_is_painted(tmp_path: Path) -> None:
    seen = run_start(tmp_path, "ready")
    assert seen["painted"] == PAINTED
    assert "analysed" not in seen
    assert seen["code"] == 0
    assert seen["pydantic_at_exit"] is False  # nothing was started after the paint


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_header_formats_whole_percentages_as_babel_does(lang: str) -> None:
    from babel.numbers import format_percent

    for n in range(1000):
        assert format_percent_value(n, lang) == format_percent(n / 100, locale=babel_locale(lang)), n
    assert format_percent_value(12.5, lang) == format_percent(0.125, locale=babel_locale(lang))
    assert format_percent_value(100, lang) == ("100%" if lang == "en" else "100\u00a0%")


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    lang=st.sampled_from(["nb", "nn", "en"]),
)
def test_the_header_formats_short_dates_as_babel_does(day: dt.date, lang: str) -> None:
    from babel.dates import format_date as babel_format_date

    assert format_date(day, lang, "short") == babel_format_date(
        day, format="short", locale=babel_locale(lang)
    )


@settings(max_examples=25, deadline=None)
@given(today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_the_demo_document_is_the_demo_case_on_any_date(today: dt.date) -> None:
    for name in demo_names():
        document = load_demo_document(name, today)
        case = load_demo(name, today)
        assert parse_case(json.dumps(document)) == case
        assert case.model_dump(mode="json", by_alias=True, exclude_unset=True) == document
        assert case.sick_note.signed == today


def test_the_sketch_reads_what_the_header_shows() -> None:
    sketch = CaseSketch.from_document(load_demo_document("uke8-rygg", TODAY))
    case = load_demo("uke8-rygg", TODAY)
    assert sketch.patient.name == case.patient.name == "Kari Nordmann"
    assert sketch.patient.known_birth_date() == case.patient.known_birth_date() == dt.date(1985, 5, 5)
    assert (sketch.work.employer, sketch.work.occupation, sketch.work.position_percent) == (
        "Sykehjemmet AS",
        "Helsefagarbeider",
        100,
    )
    assert sketch.case_start == case.case_start
    assert [(p.from_, p.to) for p in sketch.sick_note.periods] == [
        (p.from_, p.to) for p in case.sick_note.periods
    ]
    assert len(sketch.earlier_sick_notes) == len(case.earlier_sick_notes)


def test_the_sketch_takes_the_birth_date_from_the_national_id_when_missing() -> None:
    document = load_demo_document("uke8-rygg", TODAY)
    del document["patient"]["birth_date"]
    assert CaseSketch.from_document(document).patient.known_birth_date() == dt.date(1985, 5, 5)
    document["patient"]["national_id"] = "12345678901"  # check digits wrong
    assert CaseSketch.from_document(document).patient.known_birth_date() is None


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["sick_note"]["periods"][0].pop("from"),
        lambda d: d["sick_note"]["periods"][0].update({"to": "20.11.2026"}),
        lambda d: d["work"].update({"position_percent": "100"}),
        lambda d: d.update({"patient": []}),
    ],
)
def test_a_document_the_sketch_cannot_read_is_refused(change) -> None:
    document = load_demo_document("uke8-rygg", TODAY)
    change(document)
    with pytest.raises(ValueError, match="not a readable case document"):
        CaseSketch.from_document(document)


def test_an_edit_before_the_deferred_validation_validates_first() -> None:
    document = CaseDocument(
        CaseSketch.from_document(load_demo_document("uke8-rygg", TODAY)), demo="uke8-rygg"
    )
    assert not document.validated
    assert document.value("work.position_percent") == 100
    assert document.edit("work.position_percent", 80) == []
    assert document.validated
    assert document.case.work.position_percent == 80
    assert document.dirty


def test_an_invalid_edit_on_a_sketch_keeps_the_case_and_names_the_field() -> None:
    document = CaseDocument(
        CaseSketch.from_document(load_demo_document("uke8-rygg", TODAY)), demo="uke8-rygg"
    )
    problems = document.edit("work.position_percent", 150)
    assert [p.field for p in problems] == ["work.position_percent"]
    assert document.case == load_demo("uke8-rygg", TODAY)
    assert not document.dirty


def test_load_start_sketches_demos_and_validates_case_files(tmp_path: Path) -> None:
    case, demo, path = load_start(GuiOptions(demo="uke17-prolaps"), TODAY)
    assert isinstance(case, CaseSketch)
    assert (demo, path) == ("uke17-prolaps", None)
    with pytest.raises(ProblemError) as caught:
        load_start(GuiOptions(demo="no-such-demo"), TODAY)
    assert [p.field for p in caught.value.problems] == ["--demo"]
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(ProblemError):  # a case file is validated before the window opens
        load_start(GuiOptions(case_file=bad), TODAY)


def test_a_window_opened_with_a_sketch_validates_after_its_first_paint(qtbot, qapp) -> None:
    from gp_tool.ui.app_window import application

    application()
    set_language("nb")
    sketch = CaseSketch.from_document(load_demo_document("uke39-tilpasning", TODAY))
    win = MainWindow(sketch, today=TODAY, demo="uke39-tilpasning")
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "confirm_close", False))
    assert not win.document.validated
    assert win.header.week_text() == "Uke 39 · dag 270"
    win.resize(1280, 800)
    win.show()
    with qtbot.waitSignal(win.analysed, timeout=5000):
        pass
    assert win.document.validated
    assert win.header.week_text() == "Uke 39 · dag 270"  # the rules' case start agrees
    assert win.document.case == load_demo("uke39-tilpasning", TODAY)
    assert win.analysis.evaluation is not None
    assert [f.rule for f in win.analysis.evaluation.findings][:1] == ["UTDYPENDE_OPPLYSNINGER_MANGLER"]
    win.confirm_close = False
