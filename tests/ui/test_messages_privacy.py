"""The Messages step checks the employer text with the privacy firewall while the GP types."""

from __future__ import annotations

from gp_tool.i18n.catalog import translator
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.steps import step_index


def test_typing_a_diagnosis_word_names_it_and_neutral_text_clears_it(window: MainWindow, qtbot) -> None:
    window.go_to_step(step_index("messages"))
    page = window.page(step_index("messages"))
    page.employer.setPlainText("Har depresjon og bruker sertralin.")
    page._check_leaks()
    expected = (
        translator("nb")
        .gettext(
            "Possible health information for the employer: {words}. Describe function and adjustments instead."
        )
        .format(words="«depresjon», «sertralin»")
    )
    assert page.leak_label.isVisibleTo(page)
    assert page.leak_label.text() == expected
    page.employer.setPlainText("Kan gjøre lette oppgaver, unngå løft over 10 kg.")
    page._check_leaks()
    assert not page.leak_label.isVisibleTo(page)


def test_the_case_s_own_diagnosis_code_is_named(window: MainWindow) -> None:
    window.go_to_step(step_index("messages"))
    page = window.page(step_index("messages"))
    code = window.document.case.sick_note.main_diagnosis.code
    page.employer.setPlainText(f"Sykmeldt for {code}.")
    page._check_leaks()
    assert f"«{code}»" in page.leak_label.text()
