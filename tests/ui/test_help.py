"""F1 help per field (issue 5): meaning, legal source or NAV field, who sees it; nb/nn/en; What's This."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWhatsThis, QWidget

from gp_tool.storage.demo import demo_names, load_demo
from gp_tool.ui.help import AUDIENCES, LANGS, help_entries, help_for, help_html, help_key
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.steps import step_index
from tests.ui.conftest import TODAY

F1_STEPS = ("patient", "decision", "nav_questions", "messages")
# demo case → the NAV questions due with its new note (week 7, 17, 39)
QUESTION_DEMOS = {
    "uke7-depresjon": ("6.3.1", "6.3.2", "6.3.3"),
    "uke17-prolaps": ("6.4.1", "6.4.2", "6.4.3", "6.4.4"),
    "uke39-tilpasning": ("6.5.1", "6.5.2", "6.5.3", "6.5.4"),
}
NYNORSK_NOT = re.compile(
    r"\b(ikke|hva|hvordan|hvilke|uke|uker|syk|sykmelding|arbeidsgiver|mer|kunne)\b", re.I
)


def open_demo(window: MainWindow, name: str) -> None:
    window.document.replace(load_demo(name, TODAY), demo=name)
    window.run_analysis()


def fields_of(window: MainWindow, key: str) -> dict[str, QWidget]:
    index = step_index(key)
    window.go_to_step(index)
    return dict(window.page(index).field_widgets)


def press_f1_on(qtbot, window: MainWindow, widget: QWidget) -> str:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=1000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    assert window.field_help is not None
    assert window.field_help.isVisible()
    return str(window.field_help.text())


# ---------------------------------------------------------------------- the data file


def test_every_help_entry_has_text_and_source_in_nb_nn_and_en() -> None:
    entries = help_entries()
    assert len(entries) >= 50
    for key, entry in entries.items():
        assert set(entry["audience"]) <= set(AUDIENCES), key
        for lang in LANGS:
            texts = entry[lang]
            assert texts["text"].strip(), (key, lang)
            assert texts["source"].strip(), (key, lang)
            assert texts["text"].endswith((".", ")")), (key, lang)
        assert entry["nn"]["text"] != entry["nb"]["text"] or len(entry["nb"]["text"]) < 40, key
        assert not NYNORSK_NOT.search(entry["nn"]["text"]), (key, entry["nn"])  # source: NAV field names


def test_field_paths_lose_their_indices_and_find_the_nearest_help() -> None:
    assert help_key("sick_note.periods[0].grade") == "sick_note.periods.grade"
    assert help_key("sick_note.answers.6.3.1:2") == "sick_note.answers.6.3.1"
    assert help_for("sick_note.periods[1].grade", "nb").key == "sick_note.periods.grade"
    assert help_for("sick_note.work_related_reasons.MANGLENDE_TILRETTELEGGING", "nn").key == (
        "sick_note.work_related_reasons"
    )
    assert help_for("decision.kind.GRADERT", "en").key == "sick_note.periods.kind"
    assert help_for("function.domains.mobility.limitation", "en").key == "function.domains"
    assert help_for("sick_note.answers.6.3.2", "nb").key == "sick_note.answers.6.3.2"
    assert help_for("sick_note.answers.9.9.9", "nb").key == "sick_note.answers"
    assert help_for("nothing.here", "nb") is None


def test_the_grade_help_says_what_it_means_the_law_and_who_sees_it() -> None:
    nb = help_for("sick_note.periods[0].grade", "nb")
    assert nb.text == (
        "Sykmeldingsgrad i prosent av stillingen pasienten er borte. "
        "NAV betaler ikke gradert sykepenger under 20 %."
    )
    assert nb.source == "Folketrygdloven § 8-13 første ledd; NAV-feltet gradert.grad"
    assert nb.audience == ("nav", "employer", "journal")
    nn = help_for("sick_note.periods[0].grade", "nn")
    assert nn.text == (
        "Sjukmeldingsgrad i prosent av stillinga pasienten er borte. "
        "NAV betaler ikkje graderte sjukepengar under 20 %."
    )
    en = help_for("sick_note.main_diagnosis", "en")
    assert en.audience == ("nav", "journal")  # never the employer
    assert "Sent to NAV only, never to the employer." in en.text


# ---------------------------------------------------------------------- every registered input


def test_every_registered_field_of_every_step_has_help_in_all_three_languages(window: MainWindow) -> None:
    missing: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for demo in demo_names():
        open_demo(window, demo)
        for page in window.pages:
            for path in page.field_widgets:
                seen.add(help_key(path))
                for lang in LANGS:
                    found = help_for(path, lang)
                    if found is None or not found.text or not found.source:
                        missing.append((demo, path, lang))
    assert missing == []
    assert {"patient.name", "sick_note.periods.grade", "sick_note.message_to_nav"} <= seen
    assert {f"sick_note.answers.{q}" for qs in QUESTION_DEMOS.values() for q in qs} <= seen


# ---------------------------------------------------------------------- F1 on every field


@pytest.mark.parametrize("key", [k for k in F1_STEPS if k != "nav_questions"])
def test_f1_on_every_field_shows_its_help_its_source_and_who_sees_it(
    qtbot, window: MainWindow, key: str
) -> None:
    fields = fields_of(window, key)
    assert len(fields) >= 2
    for path, widget in fields.items():
        help_ = help_for(path, "nb")
        text = press_f1_on(qtbot, window, widget)
        assert help_.text in text, path
        assert f"Kilde: {help_.source}" in text, path
        who = {"nav": "NAV (sykmeldingen)", "employer": "arbeidsgiveren", "journal": "journalteksten"}
        for audience, word in who.items():
            assert (word in text) == (audience in help_.audience), (path, audience)
        assert help_for(window.field_help.path, "nb").key == help_.key, path  # one input may have two paths
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert not window.field_help.isVisible(), path


@pytest.mark.parametrize("demo", sorted(QUESTION_DEMOS))
def test_f1_on_every_question_of_nav_shows_its_help(qtbot, window: MainWindow, demo: str) -> None:
    open_demo(window, demo)
    fields = fields_of(window, "nav_questions")
    assert sorted(fields) == [f"sick_note.answers.{q}" for q in QUESTION_DEMOS[demo]]
    for path, widget in fields.items():
        text = press_f1_on(qtbot, window, widget)
        assert help_for(path, "nb").text in text
        assert "Hvem ser det: NAV (sykmeldingen); journalteksten i pasientjournalen." in text
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)  # F1 again closes it
        assert not window.field_help.isVisible()


def test_f1_names_the_field_and_repeats_its_findings(qtbot, window: MainWindow) -> None:
    text = press_f1_on(qtbot, window, fields_of(window, "patient")["work.position_percent"])
    assert text.startswith("Stilling (%)\n")  # the label, as the screen reader names the input
    assert "Funn" not in text  # uke8-rygg has no finding on it
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    open_demo(window, "dag3-skulder")  # aged 68: the reduced sickness-benefit right, on the birth date
    widget = fields_of(window, "patient")["patient.birth_date"]
    finding = str(widget.property("finding_text"))
    assert finding.startswith("Info: ")
    text = press_f1_on(qtbot, window, widget)
    assert text.startswith("Fødselsdato\n")
    assert "\nFunn\n" + finding.splitlines()[0] + "\n" in text


def test_f1_on_a_reason_check_box_explains_the_group(qtbot, window: MainWindow) -> None:
    window.go_to_step(step_index("decision"))
    page = window.page(step_index("decision"))
    boxes = [
        w for w in page.findChildren(QWidget) if w.objectName().startswith("sick_note.work_related_reasons.")
    ]
    assert boxes
    text = press_f1_on(qtbot, window, boxes[0])
    assert help_for("sick_note.work_related_reasons", "nb").text in text


def test_f1_follows_the_language(qtbot, window: MainWindow) -> None:
    fields = fields_of(window, "messages")
    set_language("nn")
    text = press_f1_on(qtbot, window, fields["sick_note.message_to_employer"])
    assert help_for("sick_note.message_to_employer", "nn").text in text
    assert "Kjelde: Helsepersonellova § 21" in text
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    set_language("en")
    text = press_f1_on(qtbot, window, fields["sick_note.message_to_nav"])
    assert "Message to NAV: information NAV needs for its follow-up, or a request for help." in text
    assert "Who sees it: NAV (the sick note); the journal text in the patient record." in text


def test_f1_without_a_field_lists_the_keys(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[bool] = []
    monkeypatch.setattr(window, "show_keys", lambda: shown.append(True))
    window.steps.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(window.steps, Qt.Key.Key_F1)
    assert shown == [True]
    assert window.field_help is None or not window.field_help.isVisible()


def test_shift_f1_is_whats_this_with_the_same_help(qtbot, window: MainWindow) -> None:
    action = window.actions_by_key["whats_this"]
    assert action.shortcut() == QKeySequence("Shift+F1")
    assert action in window.help_menu.actions()
    for key in F1_STEPS:
        for path, widget in fields_of(window, key).items():
            assert widget.whatsThis() == help_html(
                help_for(path), widget.accessibleName().replace("&", ""), keys=False
            )
    qtbot.keyClick(window.page(0).first_focus, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert QWhatsThis.inWhatsThisMode()
    QWhatsThis.leaveWhatsThisMode()
