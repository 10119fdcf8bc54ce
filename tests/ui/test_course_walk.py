"""Issue 9, must show: a course case stepped through every week, and what changes at each.

The trainer opens the musculoskeletal course case and presses F9 from consultation to consultation:
day 3, week 4, 7, 8, 17, 26 and 39. At each, the simulated date is the consultation's, and the header
(week and the next legal point), the findings, NAV's questions, the proposals, the 8-week view and the
teaching notes are those of that point of the year — checked here exactly, as the participant meets
the case (before their own choices).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import Qt

from gp_tool.ui.main_window import GREYED_ROLE, MainWindow
from gp_tool.ui.steps import step_index

COURSE = "muskel-skjelett"

# (date, week chip, next milestone chip, BLOCK findings, questions due, proposals, earlier notes, 8-week view)
WALK = [
    (
        dt.date(2027, 1, 6),
        "Uke 1 · dag 3",
        "→ Siste dag i arbeidsgiverperioden (arbeidsgiveren betaler de første 16 dagene): 19.01.2027",
        [],
        (),
        ["fysioterapi"],
        0,
        False,
    ),
    (
        dt.date(2027, 1, 28),
        "Uke 4 · dag 25",
        "⚠ Oppfølgingsplan klar (senest): nå",
        ["AKTIVITETSKRAV_UTEN_BEGRUNNELSE"],
        (),
        ["fysioterapi", "helse_i_arbeid", "bedriftshelsetjeneste"],
        2,
        False,
    ),
    (
        dt.date(2027, 2, 15),
        "Uke 7 · dag 43",
        "⚠ Dialogmøte 1 holdt (senest): nå",
        ["AKTIVITETSKRAV_UTEN_BEGRUNNELSE", "UTDYPENDE_OPPLYSNINGER_MANGLER"],
        ("6.3.1", "6.3.2", "6.3.3"),
        ["bedriftshelsetjeneste"],
        3,
        True,
    ),
    (
        dt.date(2027, 2, 25),
        "Uke 8 · dag 53",
        "⚠ 8 uker: aktivitetskravet: nå",
        [],
        (),
        [
            "arbeidsrettet_rehabilitering",
            "bedriftshelsetjeneste",
            "ekspertbistand",
            "nav_arbeidslivssenter",
            "dialogmote_nav",
        ],
        4,
        True,
    ),
    (
        dt.date(2027, 4, 26),
        "Uke 17 · dag 113",
        "⚠ NAV spør om det er behov for dialogmøte: nå",
        ["UTDYPENDE_OPPLYSNINGER_MANGLER"],
        ("6.4.1", "6.4.2", "6.4.3", "6.4.4"),
        [
            "arbeidsrettet_rehabilitering",
            "ekspertbistand",
            "nav_arbeidslivssenter",
            "individuell_plan",
            "dialogmote_nav",
        ],
        7,
        True,
    ),
    (
        dt.date(2027, 6, 29),
        "Uke 26 · dag 177",
        "⚠ Dialogmøte 2 holdt av NAV (senest): nå",
        [],
        (),
        ["ekspertbistand", "nav_arbeidslivssenter"],
        10,
        False,
    ),
    (
        dt.date(2027, 9, 28),
        "Uke 39 · dag 268",
        "⚠ Spørsmål ved uke 39 i neste sykmelding: nå",
        ["UTDYPENDE_OPPLYSNINGER_MANGLER"],
        ("6.5.1", "6.5.2", "6.5.3", "6.5.4"),
        ["ekspertbistand", "nav_arbeidslivssenter"],
        13,
        True,
    ),
]
LABELS = ["Dag 3", "Uke 4", "Uke 7", "Uke 8", "Uke 17", "Uke 26", "Uke 39"]


@pytest.fixture
def walk_window(window: MainWindow) -> MainWindow:
    assert window.open_course(COURSE)
    window.run_analysis()
    return window


def state(w: MainWindow) -> tuple[object, ...]:
    evaluation = w.analysis.evaluation
    support = w.page(step_index("support"))
    return (
        w.today,
        w.header.week_text(),
        w.header.milestone_text(),
        sorted({f.rule for f in evaluation.findings if f.severity == "BLOCK"}),
        tuple(evaluation.questions_due),
        [s.option_id for s in support._suggestions],
        len(w.document.case.earlier_sick_notes),
        w.activity_panel is not None and w.activity_panel.isVisible(),
    )


def test_the_course_case_through_every_week_with_f9(qtbot, walk_window: MainWindow) -> None:
    w = walk_window
    assert [b.text() for b in w.course_bar.stations.buttons()] == LABELS
    questions = step_index("nav_questions")
    seen = []
    for index, expected in enumerate(WALK):
        if index:
            qtbot.keyClick(w, Qt.Key.Key_F9)
        assert w.course_session.index == index
        assert w.course_bar.current_station() == index
        assert state(w) == expected, LABELS[index]
        # NAV's questions step is greyed exactly when nothing is due
        assert w.steps.item(questions).data(GREYED_ROLE) is (not expected[4])
        # the simulated date is shown, and the teaching panel names the consultation
        assert w.simulated_label.text() == f"⚠ Simulert dato {expected[0]:%d.%m.%Y}"
        assert f"konsultasjon {index + 1} av 7: {LABELS[index]}" in w.teaching.heading.text()
        assert w.teaching.situation.text() == w.course_session.course.stations[index].situation.nb
        seen.append(state(w))
    # every consultation differs from the one before in the week and the next legal point
    for before, after in itertools.pairwise(seen):
        assert before[1] != after[1]
        assert before[2] != after[2]
    qtbot.keyClick(w, Qt.Key.Key_F9)  # past the last consultation: it stays there
    assert w.course_session.index == 6


def test_the_date_between_consultations_keeps_the_last_one_and_moves_the_timeline(
    qtbot, walk_window: MainWindow
) -> None:
    w = walk_window
    for _ in range(3):
        qtbot.keyClick(
            w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    # 27 January 2027: three weeks after day 3, the day before the week-4 consultation
    assert w.today == dt.date(2027, 1, 27)
    assert w.course_session.index == 0
    assert w.header.week_text() == "Uke 4 · dag 24"
    assert w.header.milestone_text() == "⚠ Oppfølgingsplan klar (senest): nå"
    qtbot.keyClick(
        w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert w.today == dt.date(2027, 2, 3)
    assert w.course_session.index == 1  # the week-4 consultation (28 January) is now the latest
    assert w.header.week_text() == "Uke 5 · dag 31"


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_the_walk_reads_in_nynorsk_and_english(walk_window: MainWindow, lang: str) -> None:
    from gp_tool.ui.i18n import set_language

    set_language(lang)
    w = walk_window
    w.step_station(2)
    w.step_station(0)
    labels = {"nn": ["Dag 3", "Veke 4", "Veke 7"], "en": ["Day 3", "Week 4", "Week 7"]}[lang]
    assert [b.text() for b in w.course_bar.stations.buttons()][:3] == labels
    assert w.teaching.situation.text() == getattr(w.course_session.course.stations[2].situation, lang)
    assert w.header.week_text() == {"nn": "Veke 7 · dag 43", "en": "Week 7 · day 43"}[lang]
