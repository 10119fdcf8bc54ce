"""Step 4 by keyboard: proposals, catalogue and local services; what became of each → Case.referrals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gp_tool.domain.assessment import ReferralRecord, ReferralStatus
from gp_tool.rules.referrals import catalogue, suggestions
from gp_tool.settings import local_services
from gp_tool.settings.local_services import LocalService
from gp_tool.ui.i18n import set_language
from gp_tool.ui.local_services_dialog import LocalServicesDialog
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.page_support import (
    COL_NAME,
    COL_ROUTE,
    COL_STATUS,
    GROUP_CATALOGUE,
    GROUP_LOCAL,
    GROUP_PROPOSED,
    SupportPage,
)
from gp_tool.ui.steps import step_index

from .conftest import TODAY
from .keys import Keyboard

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Local services go to a fresh configuration folder, never the user's own."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(local_services, "config_dir", lambda: tmp_path / "config" / "gp-tool")
    return tmp_path / "config" / "gp-tool"


def support_page(window: MainWindow, *, blank: bool = True) -> SupportPage:
    if blank:  # the demo case without its recorded referrals
        window.document.replace(
            window.document.case.model_copy(update={"referrals": []}), demo=window.document.demo
        )
    window.go_to_step(step_index("support"), focus=True)
    page = window.page(step_index("support"))
    assert isinstance(page, SupportPage)
    return page


def test_proposals_come_first_with_reason_and_source(window: MainWindow) -> None:
    page = support_page(window)
    expected = suggestions(window.document.case, TODAY)
    assert expected  # the demo case (week 8, low back, ÖMPSQ-SF signal) has proposals
    proposed = page.tree.topLevelItem(GROUP_PROPOSED)
    assert proposed.text(COL_NAME) == f"Foreslått og registrert for denne saken ({len(expected)})"
    assert [
        proposed.child(k).data(COL_NAME, Qt.ItemDataRole.UserRole) for k in range(proposed.childCount())
    ] == [s.option_id for s in expected]
    assert QApplication.focusWidget() is page.tree
    assert page.tree.currentItem() is proposed.child(0)
    detail = page.detail.text()
    first = expected[0]
    assert f"Hvorfor foreslått: {first.reason_text('nb')}" in detail
    assert f"({first.rule})" in detail
    assert "For hvem: " in detail
    assert "Dette bør legen vite: " in detail
    assert "Kilde: " in detail


def test_mark_a_proposal_done_by_key(qtbot, window: MainWindow) -> None:
    page = support_page(window)
    keys = Keyboard(qtbot, window)
    first = page.current_option()
    assert first is not None
    keys.press(Qt.Key.Key_2)  # done
    assert window.document.case.referrals == [
        ReferralRecord(option=first, status=ReferralStatus.DONE, date=TODAY, note="")
    ]
    assert page.tree.topLevelItem(GROUP_PROPOSED).child(0).text(COL_STATUS) == "Gjort"
    keys.press(Qt.Key.Key_Down)
    second = page.current_option()
    keys.press(Qt.Key.Key_3)  # declined
    keys.press(Qt.Key.Key_Up)
    keys.press(Qt.Key.Key_4)  # the first one: not relevant after all (one record per option)
    records = window.document.case.referrals
    assert [(r.option, r.status) for r in records] == [
        (first, ReferralStatus.NOT_RELEVANT),
        (second, ReferralStatus.DECLINED),
    ]
    keys.press(Qt.Key.Key_Delete)  # forget the first
    assert [r.option for r in window.document.case.referrals] == [second]
    assert page.summary.text().startswith("Registrert i denne saken:\n• ")


def test_status_date_and_note_fields(qtbot, window: MainWindow) -> None:
    page = support_page(window)
    keys = Keyboard(qtbot, window)
    option_id = page.current_option()
    keys.press(Qt.Key.Key_1)  # planned, dated today
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.search  # under the list
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.status
    keys.press(Qt.Key.Key_Down)  # planned → done
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.date.edit
    page.date.edit.selectAll()
    keys.type("18.11.2026")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Time 2. desember")
    keys.press(Qt.Key.Key_Tab)
    assert window.document.case.referrals == [
        ReferralRecord(
            option=option_id, status=ReferralStatus.DONE, date=dt.date(2026, 11, 18), note="Time 2. desember"
        )
    ]


def test_catalogue_shows_every_option_and_history_as_history(window: MainWindow) -> None:
    page = support_page(window)
    group = page.tree.topLevelItem(GROUP_CATALOGUE)
    options = catalogue()
    assert group.childCount() == len(options)
    history = [k for k, o in enumerate(options) if o.history_only]
    assert history
    for k in history:
        assert group.child(k).text(COL_ROUTE) == "Bare historikk"
    page.tree.setCurrentItem(group.child(history[0]))
    assert "Bare historikk: tilbys ikke lenger" in page.detail.text()
    assert not any(s.option_id == options[history[0]].id for s in suggestions(window.document.case, TODAY))


def test_search_filters_the_tree(qtbot, window: MainWindow) -> None:
    page = support_page(window)
    page.search.setFocus()
    Keyboard(qtbot, window).type("psyk")
    group = page.tree.topLevelItem(GROUP_CATALOGUE)
    shown = [
        group.child(k).text(COL_NAME) for k in range(group.childCount()) if not group.child(k).isHidden()
    ]
    assert shown == ["Rask psykisk helsehjelp", "Psykolog"]


def test_a_finding_on_a_referral_selects_it(window: MainWindow) -> None:
    page = support_page(window, blank=False)  # the demo case has physiotherapy recorded as done
    assert window.document.case.referrals[0].option == "fysioterapi"
    window.go_to_step(0)
    assert window.jump_to_field("referrals[0].note")
    assert page.current_option() == "fysioterapi"
    assert QApplication.focusWidget() is page.note
    assert page.note.text() == window.document.case.referrals[0].note
    assert page.status.currentText() == "Gjort"


def test_local_services_are_listed_and_recordable(qtbot, window: MainWindow, config_folder: Path) -> None:
    service = LocalService(
        id="local:rask-psykisk-helsehjelp-bergen", name="RPH Bergen", contact="55 00 00 00"
    )
    local_services.save((service,))
    page = support_page(window)
    group = page.tree.topLevelItem(GROUP_LOCAL)
    assert group.text(COL_NAME) == "Dine lokale tjenester (1)"
    assert group.child(0).text(COL_NAME) == "RPH Bergen"
    page.tree.setCurrentItem(group.child(0))
    assert "Kontakt: 55 00 00 00" in page.detail.text()
    Keyboard(qtbot, window).press(Qt.Key.Key_1)
    assert [(r.option, r.status) for r in window.document.case.referrals] == [
        (service.id, ReferralStatus.PLANNED)
    ]


def test_local_services_dialog_adds_edits_saves_and_removes(qtbot, config_folder: Path) -> None:
    set_language("nb")
    dialog = LocalServicesDialog()
    qtbot.addWidget(dialog)
    assert dialog.services == []
    dialog.add_service()
    assert dialog.name.text() == "Ny tjeneste"
    dialog.name.setText("Frisklivssentralen Os")
    dialog.contact.setText("frisklivs@os.kommune.no")
    dialog.notes.setPlainText("Gruppetrening tirsdager")
    assert dialog.save()
    assert dialog.status.text() == "Lagret."
    saved = local_services.load()
    assert [(s.id, s.name, s.contact, s.notes) for s in saved] == [
        ("local:ny-tjeneste", "Frisklivssentralen Os", "frisklivs@os.kommune.no", "Gruppetrening tirsdager")
    ]  # the id is kept when the name changes, so records in cases still match
    dialog.name.setText("   ")
    assert not dialog.save()
    assert dialog.problem.text().startswith("✕ Navn: ")
    assert local_services.load() == saved
    dialog.name.setText("Frisklivssentralen")
    dialog.remove_current()
    assert dialog.status.text() == "Ikke lagret ennå."
    assert dialog.save()
    assert local_services.load() == ()


def test_a_broken_settings_file_is_named_not_raised(qtbot, window: MainWindow, config_folder: Path) -> None:
    config_folder.mkdir(parents=True)
    (config_folder / local_services.FILE_NAME).write_text("{oops", encoding="utf-8")
    page = support_page(window)
    assert page.problem.isVisibleTo(page)
    assert page.problem.text().startswith("✕ ")
    assert "er ikke gyldig JSON (linje 1)" in page.problem.text()
    assert page.tree.topLevelItem(GROUP_LOCAL).childCount() == 0


def test_file_menu_opens_the_local_services_dialog(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, config_folder: Path
) -> None:
    opened: list[LocalServicesDialog] = []

    def fake_exec(dialog: LocalServicesDialog) -> int:
        opened.append(dialog)
        dialog.add_service()
        dialog.name.setText("Bedriftshelsetjenesten Vest")
        assert dialog.save()
        return 0

    monkeypatch.setattr(LocalServicesDialog, "exec", fake_exec)
    assert window.local_services_action.text() == "Lokale t&jenester …"
    assert window.local_services_action in window.file_menu.actions()
    window.local_services_action.trigger()
    assert len(opened) == 1
    page = window.page(step_index("support"))
    assert page._top(GROUP_LOCAL).child(0).text(COL_NAME) == "Bedriftshelsetjenesten Vest"
