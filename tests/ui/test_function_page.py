"""Step 3 by keyboard: the function grid, the gaps, the grade proposal and the employer phrases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gp_tool.domain.assessment import Demand, FunctionDomain, Limitation
from gp_tool.domain.case import PeriodKind
from gp_tool.rules.function import GradeProposal
from gp_tool.ui.function_grid import COL_DEMAND, COL_LIMITATION, COL_MATCH, COL_NOTE, FunctionGrid
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.page_function import FunctionPage, proposed_kind
from gp_tool.ui.steps import step_index

from .conftest import TODAY
from .keys import SHIFT, Keyboard

pytestmark = pytest.mark.gui


def function_page(window: MainWindow, *, blank: bool = True) -> FunctionPage:
    if blank:  # the demo case without its function assessment and screening forms
        case = window.document.case.model_copy(update={"function": None, "screening": []})
        window.document.replace(case, demo=window.document.demo)
    window.go_to_step(step_index("function"), focus=True)
    page = window.page(step_index("function"))
    assert isinstance(page, FunctionPage)
    return page


def test_the_grid_is_filled_by_keys_and_stored(qtbot, window: MainWindow) -> None:
    page = function_page(window)
    grid = page.grid
    assert QApplication.focusWidget() is grid
    assert (grid.currentRow(), grid.currentColumn()) == (0, COL_LIMITATION)
    keys = Keyboard(qtbot, window)
    # lifting: marked (M) against a high demand (3); standing/walking: some (1) against medium (M)
    keys.press(Qt.Key.Key_M)
    assert (grid.currentRow(), grid.currentColumn()) == (0, COL_DEMAND)
    keys.press(Qt.Key.Key_3)
    assert (grid.currentRow(), grid.currentColumn()) == (1, COL_LIMITATION)
    keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_M)
    # sitting: none (N) against low (L); then clear the sitting demand again with Delete
    keys.press(Qt.Key.Key_N)
    keys.press(Qt.Key.Key_L)
    keys.press(Qt.Key.Key_Up)
    keys.press(Qt.Key.Key_Right)
    assert (grid.currentRow(), grid.currentColumn()) == (2, COL_DEMAND)
    keys.press(Qt.Key.Key_Delete)
    assert keys.count == 9
    function = window.document.case.function
    assert function is not None
    assert function.assessed_on == TODAY
    domains = function.domains
    assert domains[FunctionDomain.LIFTING_CARRYING].limitation is Limitation.MARKED
    assert domains[FunctionDomain.LIFTING_CARRYING].demand is Demand.HIGH
    assert domains[FunctionDomain.STANDING_WALKING].limitation is Limitation.SOME
    assert domains[FunctionDomain.STANDING_WALKING].demand is Demand.MEDIUM
    assert domains[FunctionDomain.SITTING].limitation is Limitation.NONE
    assert domains[FunctionDomain.SITTING].demand is None
    assert set(domains) == {
        FunctionDomain.LIFTING_CARRYING,
        FunctionDomain.STANDING_WALKING,
        FunctionDomain.SITTING,
    }
    # the match view: a gap and a strain, in words as well as colour
    assert grid.item(0, COL_MATCH).text() == "✕ Avvik"
    assert grid.item(0, COL_MATCH).toolTip() == "✕ Avvik: jobben krever mer"
    assert grid.item(0, COL_MATCH).data(Qt.ItemDataRole.UserRole) == "GAP"
    assert grid.item(1, COL_MATCH).data(Qt.ItemDataRole.UserRole) == "STRAIN"
    assert grid.item(2, COL_MATCH).text() == ""
    assert grid.item(0, COL_LIMITATION).text() == "2 Betydelig begrenset"
    assert page.gap_summary.text().count("\n") == 1


def test_a_note_is_typed_in_the_grid(qtbot, window: MainWindow) -> None:
    page = function_page(window)
    grid = page.grid
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Right)
    assert grid.currentColumn() == COL_NOTE
    keys.press(Qt.Key.Key_F2)
    keys.type("Maks 10 kg")
    keys.press(Qt.Key.Key_Return)
    entry = window.document.case.function.domains[FunctionDomain.LIFTING_CARRYING]
    assert entry.note == "Maks 10 kg"
    assert entry.limitation is None


def test_letters_that_mean_nothing_change_nothing(qtbot, window: MainWindow) -> None:
    page = function_page(window)
    Keyboard(qtbot, window).press(Qt.Key.Key_Q)
    assert window.document.case.function is None
    assert page.grid.currentRow() == 0


def test_grade_proposal_is_used_in_the_decision(qtbot, window: MainWindow) -> None:
    page = function_page(window)
    keys = Keyboard(qtbot, window)
    for _ in range(4):  # down to endurance (a time domain)
        keys.press(Qt.Key.Key_Down)
    assert page.grid.domains[page.grid.currentRow()] is FunctionDomain.ENDURANCE
    keys.press(Qt.Key.Key_2)  # marked
    keys.press(Qt.Key.Key_H)  # against a high demand: a time gap at MARKED, 40–60 %
    assert page.grade_text.text().startswith("Foreslått: 40–60 % sykmelding.")
    assert page.use_grade.isEnabled()
    assert page.use_grade.text() == "&Bruk i beslutningen: 50 % gradert"
    page.use_grade.setFocus()
    keys.press(Qt.Key.Key_Space)
    period = window.document.case.sick_note.periods[0]
    assert (period.kind, period.grade) == (PeriodKind.GRADERT, 50)
    assert window.current_step() == step_index("decision")
    assert QApplication.focusWidget().objectName() == "sick_note.periods[0].grade"


@pytest.mark.parametrize(
    ("low", "high", "rule", "expected"),
    [
        (100, 100, "FULL", (PeriodKind.AKTIVITET_IKKE_MULIG, None)),
        (40, 60, "TIME_MARKED", (PeriodKind.GRADERT, 50)),
        (20, 50, "TASKS", (PeriodKind.GRADERT, 35)),
        (20, 40, "TIME_SOME", (PeriodKind.GRADERT, 30)),
        (0, 0, "TRAVEL", (PeriodKind.REISETILSKUDD, None)),
        (0, 0, "STRAIN", None),
        (0, 0, "FITS", None),
    ],
)
def test_proposed_kind(low: int, high: int, rule: str, expected: object) -> None:
    assert proposed_kind(GradeProposal(low=low, high=high, reason="", rule=rule)) == expected


def test_neutral_phrases_go_to_the_employer_lists_with_one_key(qtbot, window: MainWindow) -> None:
    page = function_page(window)
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_M)  # lifting: marked
    keys.press(Qt.Key.Key_3)  # high demand
    keys.press(Qt.Key.Key_1)  # standing and walking: some
    keys.press(Qt.Key.Key_2)  # medium demand
    assert page.phrases.count() == 2
    first, second = page.phrases.item(0).text(), page.phrases.item(1).text()
    page.phrases.setFocus()
    page.phrases.setCurrentRow(0)
    keys.press(Qt.Key.Key_Return)  # → adjustments; the cursor moves to the next phrase
    keys.press(Qt.Key.Key_Return, SHIFT)  # → what the patient can do
    function = window.document.case.function
    assert function.adjustments == [first]
    assert function.possible_tasks == [second]
    page.phrases.setCurrentRow(0)
    keys.press(Qt.Key.Key_Return)  # the same phrase twice is kept once
    assert window.document.case.function.adjustments == [first]
    assert page.lists["function.adjustments"].toPlainText() == first
    label = page.labels["function.possible_tasks"].text()
    assert "(vises for arbeidsgiver" in label
    assert page.employer_group.chip is not None


def test_employer_lists_are_typed_one_per_line(qtbot, window: MainWindow) -> None:
    page = function_page(window)
    area = page.lists["function.possible_tasks"]
    area.setFocus()
    Keyboard(qtbot, window).type("Lett kontorarbeid")
    area.commit()
    assert window.document.case.function.possible_tasks == ["Lett kontorarbeid"]


def test_a_finding_path_focuses_the_cell(window: MainWindow) -> None:
    assert window.jump_to_field("function.domains.PACE.demand")
    page = window.page(step_index("function"))
    assert QApplication.focusWidget() is page.grid
    assert page.grid.domains[page.grid.currentRow()] is FunctionDomain.PACE
    assert page.grid.currentColumn() == COL_DEMAND
    assert window.jump_to_field("function.possible_tasks")
    assert QApplication.focusWidget() is page.lists["function.possible_tasks"]


def test_the_grid_follows_the_language(window: MainWindow) -> None:
    page = function_page(window)
    page.set_level("LIFTING_CARRYING", "limitation", "SOME")
    assert page.grid.item(0, 0).text() == "Løfte og bære"
    set_language("nn")
    assert page.grid.item(0, COL_LIMITATION).text() == "1 Noko avgrensa"
    set_language("en")
    assert page.grid.item(0, 0).text() == "Lifting and carrying"
    assert page.grid.item(0, COL_LIMITATION).text() == "1 Some limitation"
    assert page.grid.horizontalHeaderItem(COL_DEMAND).text() == "The job demands"


def test_grid_alone_without_a_page(qtbot) -> None:
    grid = FunctionGrid()
    qtbot.addWidget(grid)
    seen: list[tuple[str, str, object]] = []
    grid.level_set.connect(lambda d, c, v: seen.append((d, c, v)))
    grid.setCurrentCell(10, COL_DEMAND)  # the last row: the cursor stays
    qtbot.keyClick(grid, Qt.Key.Key_0)
    assert seen == [("WORKING_HOURS", "demand", "NONE")]
    assert (grid.currentRow(), grid.currentColumn()) == (10, COL_DEMAND)
    assert grid.focus_path("function.domains.NOPE") is False


def test_the_grid_shows_every_row_after_zooming(window: MainWindow) -> None:
    page = function_page(window, blank=False)
    grid = page.grid
    before = grid.maximumHeight()
    assert before >= grid.verticalHeader().length() + grid.horizontalHeader().height()
    window.zoom(1)
    window.zoom(1)
    QApplication.processEvents()
    assert grid.maximumHeight() > before
    assert grid.maximumHeight() >= grid.verticalHeader().length() + grid.horizontalHeader().height()
    window.zoom(0)
