"""Issue 10: the 8-week dialogue point, walked with the keyboard at weeks 6, 7, 8 and 9.

Each demo is placed at a week by the window's ``today`` (uke7-depresjon is signed on TODAY in week 7
of its absence: a week earlier is week 6, two weeks later week 9; uke8-rygg is in week 8 on TODAY).
The view opens on its own without taking the keyboard; Ctrl+Shift+A moves into it, Ctrl+Tab walks its
tabs, Tab and Space and typing fill it in, Esc closes it. Each exception path ends in a NAV note with
the concrete reasons and the reassessment date, and an employer note without any of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from gp_tool.documents import build_employer_note, build_nav_note, check_employer_text, note_context
from gp_tool.documents.outline import Heading, employer_outline, nav_outline, outline_text
from gp_tool.domain.assessment import EightWeekOption
from gp_tool.domain.case import ArbeidsrelatertArsak, MedisinskArsak
from gp_tool.storage.demo import load_demo
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow
from tests.ui.keys import CTRL, SHIFT, Keyboard

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 20)
WHY = "Sover tre til fire timer per natt og klarer ikke å holde konsentrasjonen i mer enn ti minutter."
CHANGE = "Bedre søvn med behandlingen; da kan hun prøve to timer om dagen med egne elever."
FACTS = "Skolen har ikke oppgaver uten klasseansvar; redusert timetall ble prøvd i uke 5 og stoppet."
WEEKS = {  # week of the absence -> (demo, days from TODAY to the window's today)
    6: ("uke7-depresjon", -7),
    7: ("uke7-depresjon", 0),
    8: ("uke8-rygg", 0),
    9: ("uke7-depresjon", 14),
}


def open_window(qtbot, demo: str, offset: int) -> MainWindow:
    from gp_tool.ui.app_window import application

    application()
    set_language("nb")
    today = TODAY + dt.timedelta(days=offset)
    win = MainWindow(load_demo(demo, TODAY), today=today, demo=demo)
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "confirm_close", False))
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: win.analysis.evaluation is not None, timeout=5000)
    return win


@pytest.fixture
def at_week(qtbot, request) -> Iterator[MainWindow]:
    demo, offset = WEEKS[request.param]
    win = open_window(qtbot, demo, offset)
    yield win
    win.confirm_close = False
    set_language("nb")


def focus() -> QWidget | None:
    return QApplication.focusWidget()


def tab_to(kb: Keyboard, target: QWidget, limit: int = 40) -> None:
    """Tab until ``target`` has the focus (fails after ``limit`` presses)."""
    for _ in range(limit):
        if focus() is target:
            return
        kb.press(Qt.Key.Key_Tab)
    assert focus() is target, f"Tab never reached {target.objectName()}; at {focus()}"


@pytest.mark.parametrize("at_week", [6, 7, 8, 9], indirect=True, ids=lambda w: f"week-{w}")
def test_the_view_opens_on_its_own_and_is_walked_with_the_keyboard(
    at_week: MainWindow, qtbot, request
) -> None:
    window = at_week
    week = request.node.callspec.params["at_week"]
    panel = window.activity_panel
    assert panel is not None
    assert panel.isVisible()
    view = panel.view
    assert window.isActiveWindow()
    assert not panel.isAncestorOf(focus())  # ... without taking the keyboard
    assert view.week_label.text().startswith(f"Uke {week} av fraværet · 8-ukerspunkt ")
    assert view.heading.text() == "8 uker: aktivitetskravet"
    expected = "AUTOMATISK_OPPFYLT" if week == 8 else "AVVENT / INFORMASJON_BEHANDLER"
    assert f"({expected})" in view.expectation_label.text()
    # the options in order, the exceptions last
    titles = [view.option_buttons[o].text() for o in EightWeekOption]
    assert titles[0] == "Tilbake i eget arbeid, med tilrettelegging"
    assert titles[-2:] == ["Unntak: medisinske grunner", "Unntak: arbeidsplassen kan ikke tilrettelegge"]
    low, high = (20, 50) if week == 8 else (40, 60)  # API B grade_range from the demo's function assessment
    assert (
        view.option_notes[EightWeekOption.GRADED]
        .text()
        .endswith(f"Fra funksjonsvurderingen din: {low}–{high} % sykmelding.")
    )

    kb = Keyboard(qtbot, window)
    kb.press(Qt.Key.Key_A, CTRL | SHIFT)
    assert focus() is view.tabs.tabBar()
    for expected_tab in (1, 2, 3, 0):
        kb.press(Qt.Key.Key_Tab, CTRL)
        assert view.tabs.currentIndex() == expected_tab
    tab_to(kb, view.plan_box)
    before = view.plan_box.isChecked()
    kb.press(Qt.Key.Key_Space)
    assert window.document.case.activity_requirement.follow_up_plan_received is (not before)
    kb.press(Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert not panel.isAncestorOf(focus())
    kb.press(Qt.Key.Key_A, CTRL | SHIFT)  # back again
    assert panel.isVisible()
    assert view.tabs.isAncestorOf(focus())


def test_the_sheet_steps_aside_when_another_step_is_chosen(qtbot) -> None:
    window = open_window(qtbot, "uke8-rygg", 0)
    panel = window.activity_panel
    stack = window.stack
    assert panel.isVisible()
    # offered on its own: the lower two fifths of the page area, the page above stays usable
    assert panel.height() == max(260, stack.height() * 2 // 5)
    kb = Keyboard(qtbot, window)
    kb.press(Qt.Key.Key_3, CTRL)  # the GP chooses a step: the sheet never hides it
    assert window.current_step() == 2
    assert not panel.isVisible()
    kb.press(Qt.Key.Key_A, CTRL | SHIFT)  # opened on purpose: most of the page area, with the keyboard
    assert panel.isVisible()
    assert panel.height() == stack.height() * 9 // 10
    assert panel.isAncestorOf(focus())
    kb.press(Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert window.current_step() == 2
    window.confirm_close = False


def test_a_case_before_week_6_does_not_open_the_view(qtbot) -> None:
    window = open_window(qtbot, "uke4-angst", 0)
    assert window.activity_panel is None
    window.activity_action.trigger()  # still reachable
    assert window.activity_panel.isVisible()
    window.confirm_close = False


def test_the_view_is_in_the_menu_and_the_command_palette(qtbot) -> None:
    window = open_window(qtbot, "uke4-angst", 0)
    assert window.activity_action in window.consultation_menu.actions()
    assert window.activity_action.shortcut().toString() == "Ctrl+Shift+A"
    commands = [c for c in window.commands() if c.text == "8-&ukerspunktet og dialog"]
    assert len(commands) == 1
    commands[0].run()
    assert window.activity_panel.isVisible()
    window.confirm_close = False


def choose_option(kb: Keyboard, view, option: EightWeekOption) -> None:
    """Tab into the option group on the first tab and move to ``option`` with the arrow keys."""
    kb.press(Qt.Key.Key_A, CTRL | SHIFT)
    while view.tabs.currentIndex() != 0:
        kb.press(Qt.Key.Key_Tab, CTRL)
    buttons = list(view.option_buttons.values())
    for _ in range(40):
        if focus() in buttons:
            break
        kb.press(Qt.Key.Key_Tab)
    assert focus() in buttons
    target = view.option_buttons[option]
    for _ in range(len(buttons)):
        if focus() is target:
            break
        kb.press(Qt.Key.Key_Down)
    assert focus() is target
    if not target.isChecked():  # the arrows move (and with a checked radio, check); Space checks
        kb.press(Qt.Key.Key_Space)
    assert target.isChecked()


def to_exception_tab(kb: Keyboard, view) -> None:
    while view.tabs.currentIndex() != 1:
        kb.press(Qt.Key.Key_Tab, CTRL)


def notes(window: MainWindow) -> tuple[str, str, list[str], object]:
    case = window.document.case
    ctx = note_context(case, window.today, "nb")
    nav = nav_outline(build_nav_note(case, ctx), ctx)
    employer_note = build_employer_note(case, ctx)
    employer = outline_text(employer_outline(employer_note, ctx))
    keys = [b.key for b in nav.blocks if isinstance(b, Heading)]
    return outline_text(nav), employer, keys, employer_note


@pytest.mark.parametrize("at_week", [7, 9], indirect=True, ids=lambda w: f"week-{w}")
def test_the_medical_exception_path_ends_in_a_nav_note_with_the_reasons(at_week: MainWindow, qtbot) -> None:
    window = at_week
    view = window.activity_panel.view
    kb = Keyboard(qtbot, window)
    choose_option(kb, view, EightWeekOption.EXCEPTION_MEDICAL)
    assert window.document.case.activity_requirement.option is EightWeekOption.EXCEPTION_MEDICAL
    to_exception_tab(kb, view)
    # the demo already has code 1; add code 3 (treatment) with Space
    tab_to(kb, view.medical_boxes[MedisinskArsak.AKTIVITET_FORHINDRER_BEDRING])
    kb.press(Qt.Key.Key_Space)
    periods = [p for p in window.document.case.sick_note.periods if p.kind.value == "AKTIVITET_IKKE_MULIG"]
    assert periods
    assert all(
        p.medical_reasons
        == [MedisinskArsak.TILSTAND_HINDRER_AKTIVITET, MedisinskArsak.AKTIVITET_FORHINDRER_BEDRING]
        for p in periods
    )
    # the button refuses while facts are missing
    tab_to(kb, view.apply_button)
    kb.press(Qt.Key.Key_Space)
    assert view.applied_label.text() == "Ikke skrevet inn ennå: opplysningene som er merket over, mangler."
    assert "Skriv konkret hvorfor aktivitet ikke er mulig nå" in view.missing_label.text()
    tab_to(kb, view.why)
    kb.type(WHY)
    tab_to(kb, view.change)
    kb.type(CHANGE)
    tab_to(kb, view.reassess.edit)
    kb.type("17.12.2026")
    kb.press(Qt.Key.Key_Return)
    tab_to(kb, view.apply_button)
    kb.press(Qt.Key.Key_Space)
    requirement = window.document.case.activity_requirement
    assert requirement.why_activity_impossible == WHY
    assert requirement.what_would_change_it == CHANGE
    assert requirement.reassess_on == dt.date(2026, 12, 17)
    assert view.missing_label.isHidden()
    assert "(UNNTAK / MEDISINSKE_GRUNNER)" in view.expectation_label.text()
    answer = window.document.case.sick_note.answers["6.3.2"]
    assert answer == f"{WHY}\nDette kan gjøre aktivitet mulig: {CHANGE}\nVurderes på nytt 17. desember 2026."
    assert view.applied_label.text() == "Skrevet inn i NAVs spørsmål 6.3.2 og i meldingen til NAV."

    nav, employer, keys, employer_note = notes(window)
    assert WHY in nav
    assert CHANGE in nav
    assert "eight_weeks" in keys  # the NOTES engineer's 8-week section of the NAV note
    assert "To be reassessed" not in nav  # translated
    assert "17.12.2026" in nav or "17. desember 2026" in nav
    for secret in (WHY, CHANGE, "17.12.2026", "17. desember 2026", "Helsetilstanden hindrer aktivitet"):
        assert secret not in employer
    assert check_employer_text(employer_note, window.document.case) == ()


def test_the_workplace_exception_path_ends_in_a_nav_note_with_the_facts(qtbot) -> None:
    window = open_window(qtbot, "uke7-depresjon", 7)  # week 8, the stop point's week
    view = window.activity_panel.view
    kb = Keyboard(qtbot, window)
    choose_option(kb, view, EightWeekOption.EXCEPTION_WORKPLACE)
    to_exception_tab(kb, view)
    tab_to(kb, view.work_boxes[ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING])
    kb.press(Qt.Key.Key_Space)
    assert window.document.case.sick_note.work_related_reasons == [
        ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING
    ]
    tab_to(kb, view.facts)
    kb.type(FACTS)
    tab_to(kb, view.change)
    kb.type(CHANGE)
    tab_to(kb, view.reassess.edit)
    kb.type("11.12.2026")
    kb.press(Qt.Key.Key_Return)
    tab_to(kb, view.apply_button)
    kb.press(Qt.Key.Key_Space)
    assert "(UNNTAK / TILRETTELEGGING_IKKE_MULIG)" in view.expectation_label.text()
    answer = window.document.case.sick_note.answers["6.3.2"]
    assert answer.startswith(FACTS)
    assert answer.endswith("Vurderes på nytt 11. desember 2026.")

    nav, employer, keys, employer_note = notes(window)
    assert FACTS in nav
    assert CHANGE in nav
    assert "eight_weeks" in keys
    assert "11.12.2026" in nav or "11. desember 2026" in nav
    for secret in (FACTS, CHANGE, "11.12.2026", "11. desember 2026"):
        assert secret not in employer
    assert check_employer_text(employer_note, window.document.case) == ()
    window.confirm_close = False


@pytest.mark.parametrize("at_week", [7], indirect=True, ids=lambda w: f"week-{w}")
def test_an_own_answer_in_6_3_2_is_kept(at_week: MainWindow) -> None:
    window = at_week
    window.document.edit("sick_note.answers.6.3.2", "Mitt eget svar.")
    doc_changes = {
        "activity_requirement.option": "EXCEPTION_MEDICAL",
        "activity_requirement.why_activity_impossible": WHY,
        "activity_requirement.what_would_change_it": CHANGE,
        "activity_requirement.reassess_on": "2026-12-17",
    }
    for path, value in doc_changes.items():
        assert window.document.edit(path, value) == []
    view = window.activity_panel.view
    assert view.apply() is False
    assert window.document.case.sick_note.answers["6.3.2"] == "Mitt eget svar."
    assert view.applied_label.text() == "Spørsmål 6.3.2 har allerede ditt eget svar; det ble beholdt."


@pytest.mark.parametrize("at_week", [7], indirect=True, ids=lambda w: f"week-{w}")
def test_dialogue_support_and_the_meeting_are_recorded(at_week: MainWindow, qtbot) -> None:
    window = at_week
    view = window.activity_panel.view
    kb = Keyboard(qtbot, window)
    kb.press(Qt.Key.Key_A, CTRL | SHIFT)
    while view.tabs.currentIndex() != 2:
        kb.press(Qt.Key.Key_Tab, CTRL)
    assert view.duties_label.text().startswith("Pasientens plikt: å delta.")
    assert "Arbeidsgiverens plikt: å tilrettelegge" in view.duties_label.text()
    assert (
        view.bring_label.text().splitlines()[-1]
        == "• Ingenting om diagnosen: den blir mellom meg og legen min"
    )
    tab_to(kb, view.ask_nav_box)
    kb.press(Qt.Key.Key_Space)
    kb.press(Qt.Key.Key_Tab)
    assert focus() is view.attend_box
    kb.press(Qt.Key.Key_Space)
    requirement = window.document.case.activity_requirement
    assert (requirement.ask_nav_for_dialogue_meeting, requirement.gp_will_attend) == (True, True)
    set_language("nn")
    assert view.duties_label.text().startswith("Plikta til pasienten: å delta.")
    assert view.ask_nav_box.text() == "Be NAV om eit dialogmøte"
    assert view.week_label.text().startswith("Veke 7 av fråværet")


@pytest.mark.parametrize("at_week", [7], indirect=True, ids=lambda w: f"week-{w}")
def test_the_patient_part_is_entered_next_to_the_function_and_printed(
    at_week: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = at_week
    view = window.activity_panel.view
    kb = Keyboard(qtbot, window)
    kb.press(Qt.Key.Key_A, CTRL | SHIFT)
    while view.tabs.currentIndex() != 3:
        kb.press(Qt.Key.Key_Tab, CTRL)
    tab_to(kb, view.part_fields["tasks_i_can_do"])
    kb.type("Undervise to timer")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Slippe inspeksjon")
    kb.press(Qt.Key.Key_Tab)
    kb.type("Kollegaene")
    kb.press(Qt.Key.Key_Tab)
    assert focus() is view.consent_box
    kb.press(Qt.Key.Key_Space)
    part = window.document.case.patient_part
    assert (part.tasks_i_can_do, part.what_would_help, part.worries) == (
        "Undervise to timer",
        "Slippe inspeksjon",
        "Kollegaene",
    )
    assert part.consent_to_nav is True
    assert part.filled_on == window.today
    summary = view.function_label.text()
    assert summary  # the GP's assessment, read only, next to it
    assert view.function_label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse

    nav, employer, keys, _note = notes(window)
    assert "patient_part" in keys
    assert "Slippe inspeksjon" in nav
    assert "Slippe inspeksjon" not in employer

    # the printable form: preview in the chosen language, then saved as PDF
    kb.press(Qt.Key.Key_Tab)
    assert focus() is view.print_form_button
    kb.press(Qt.Key.Key_Space)
    dialog = view.form_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert "Hvilke oppgaver på jobben kan jeg gjøre nå?" in dialog.preview.toPlainText()
    dialog.language_box.setCurrentIndex(1)  # nynorsk
    assert "Kva for oppgåver på jobben kan eg gjere no?" in dialog.preview.toPlainText()
    dialog.filled_box.setChecked(True)
    assert "Slippe inspeksjon" in dialog.preview.toPlainText()
    target = dialog.save_pdf(tmp_path / "skjema")
    assert target == tmp_path / "skjema.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    dialog.close()


@pytest.mark.parametrize(
    ("demo", "week", "heading", "questions"),
    [
        ("uke17-prolaps", 17, "Uke 17: oppfølging", "6.4.1, 6.4.2, 6.4.3, 6.4.4"),
        ("uke39-tilpasning", 39, "Uke 39: før sykepengene tar slutt", "6.5.1, 6.5.2, 6.5.3, 6.5.4"),
    ],
)
def test_the_same_view_at_weeks_17_and_39(qtbot, demo: str, week: int, heading: str, questions: str) -> None:
    window = open_window(qtbot, demo, 0)
    panel = window.activity_panel
    assert panel is not None
    assert panel.isVisible()
    view = panel.view
    point = view.point
    assert point is not None
    assert point.week == week
    assert view.heading.text() == heading
    assert view.week_label.text().startswith(f"Uke {week} av fraværet · maksdato ")
    dates = view.dates_label.text().splitlines()
    assert dates[2].startswith("Dialogmøte 2 (NAV) senest ")
    assert dates[3].startswith("Maksdato ")
    assert f": {point.days_left} sykepengedager igjen." in dates[3]
    assert dates[4] == f"NAVs spørsmål i denne sykmeldingen: {questions} (steg 6)."
    assert "AUTOMATISK_OPPFYLT" in view.expectation_label.text()  # both demos are graded
    window.confirm_close = False


@pytest.mark.parametrize("at_week", [7], indirect=True, ids=lambda w: f"week-{w}")
def test_a_finding_on_an_8_week_field_jumps_into_the_view(at_week: MainWindow) -> None:
    window = at_week
    view = window.activity_panel.view
    window.activity_panel.close_panel()
    assert window.jump_to_field("activity_requirement.why_activity_impossible", "WARN") is True
    assert window.activity_panel.isVisible()
    assert view.tabs.currentIndex() == 1
    assert focus() is view.why
    assert window.jump_to_field("patient_part.consent_to_nav") is True
    assert (view.tabs.currentIndex(), focus()) == (3, view.consent_box)


@pytest.mark.parametrize("at_week", [7], indirect=True, ids=lambda w: f"week-{w}")
def test_the_patient_form_prints_in_the_chosen_language(
    at_week: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return 1  # QDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    view = at_week.activity_panel.view
    view.open_patient_form()
    dialog = view.form_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.language_box.setCurrentIndex(2)  # English
    assert dialog.print_form() is True
    assert dialog.status.text() == "Skjemaet ble skrevet ut."
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "Which tasks at work can I do now?" in text
    assert "It is never sent to my employer." in text
    dialog.close()


@pytest.mark.parametrize(
    ("demo", "target"),
    [("uke7-depresjon", "6.3.2"), ("uke17-prolaps", "6.4.2"), ("uke39-tilpasning", "6.5.2")],
)
def test_the_exception_goes_into_the_due_weeks_work_question(demo: str, target: str) -> None:
    from gp_tool.rules.activity import activity_point
    from gp_tool.ui.page_activity import answer_target

    assert answer_target(activity_point(load_demo(demo, TODAY), TODAY)) == target
    assert answer_target(activity_point(load_demo("uke4-angst", TODAY), TODAY)) is None
