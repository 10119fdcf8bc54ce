"""The case list page and dialog: list, search as you type, due this week, archive, delete, files, keys."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gp_tool.domain.casefile import dump_case
from gp_tool.i18n.catalog import translator
from gp_tool.storage.files import read_case_file, write_case_file
from gp_tool.storage.store import CaseStore, CaseSummary, StoreError
from gp_tool.ui.case_list import CaseListDialog, CaseListWidget, ListMode
from gp_tool.ui.i18n import set_language
from tests.storage.conftest import Clock, make_case, make_fnr, period
from tests.storage.test_faults import query_only_for_writers

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 20)  # a Friday; its week runs from Monday 16 to Sunday 22 November
KARI_FNR = make_fnr(dt.date(1985, 5, 5))


def started(name: str, start: dt.date, **fields: object) -> object:
    return make_case(
        name=name, case_start=start, periods=[period("AKTIVITET_IKKE_MULIG", start, start)], **fields
    )


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[CaseStore]:
    result = CaseStore.open(tmp_path / "cases.sqlite3", now=clock)
    store = result.store
    # Kari: the 8-week point on Sunday 22 November. Per: next deadline the week-17 questions on
    # 29 December. Ola: dialogue meeting 1 on Wednesday 18 November. Anne-Lise: archived.
    for name, start, extra in [
        ("Per Hansen", dt.date(2026, 9, 1), {}),
        ("Kari Nordmann", dt.date(2026, 9, 28), {"national_id": KARI_FNR, "birth_date": None}),
        ("Anne-Lise Sørensen", dt.date(2026, 6, 1), {}),
        ("Ola Nordmann", dt.date(2026, 10, 1), {}),
    ]:
        clock.tick(minutes=1)
        saved = store.save(started(name, start, **extra))  # type: ignore[arg-type]
        if name == "Anne-Lise Sørensen":
            store.archive(saved.case_id)
    yield store
    store.mark_clean_shutdown()
    store.close()


@pytest.fixture
def page(qtbot, qapp, store: CaseStore) -> Iterator[CaseListWidget]:
    set_language("en")
    widget = CaseListWidget(store, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    set_language("nb")


def names(page: CaseListWidget) -> list[str]:
    return [r.display_name for r in page.model.rows]


def row_texts(page: CaseListWidget, row: int) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def ids(store: CaseStore) -> dict[str, str]:
    from gp_tool.storage.store import CaseQuery

    return {s.display_name: s.case_id for s in store.find(CaseQuery(archived=None))}


def local(hour: int, minute: int) -> str:
    moment = dt.datetime(2026, 11, 20, hour, minute, tzinfo=dt.UTC).astimezone()
    return f"{moment:%d/%m/%Y %H:%M}"


# ---------------------------------------------------------------------- list and search


def test_recent_cases_are_listed_latest_first_with_their_facts(page: CaseListWidget) -> None:
    assert names(page) == ["Ola Nordmann", "Kari Nordmann", "Per Hansen"]
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Patient",
        "Fødselsnummer or birth date",
        "Case start",
        "Next deadline",
        "Last saved",
    ]
    assert row_texts(page, 0) == [
        "Ola Nordmann",
        "05/05/1985",
        "01/10/2026 (week 8)",
        "8-week point (activity requirement): 25/11/2026",  # dialogue meeting 1 on 18/11 has passed
        local(9, 4),
    ]
    assert row_texts(page, 1) == [
        "Kari Nordmann",
        f"{KARI_FNR[:6]} {KARI_FNR[6:]}",
        "28/09/2026 (week 8)",
        "8-week point (activity requirement): 22/11/2026",
        local(9, 2),
    ]
    assert row_texts(page, 2)[3] == "Week-17 questions: 29/12/2026"
    assert page.status.text() == "3 cases"
    assert page.selected_summary() is not None
    assert page.selected_summary().display_name == "Ola Nordmann"  # type: ignore[union-attr]


def test_a_deadline_this_week_is_bold(page: CaseListWidget) -> None:
    model = page.model
    bold = model.data(model.index(1, 3), Qt.ItemDataRole.FontRole)  # Kari: Sunday 22 November
    assert bold is not None
    assert bold.bold()
    assert model.data(model.index(0, 3), Qt.ItemDataRole.FontRole) is None  # Ola: next week
    assert model.data(model.index(2, 3), Qt.ItemDataRole.FontRole) is None  # Per: 29 December


def test_typing_filters_the_list_at_each_key(qtbot, page: CaseListWidget) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, "nord")
    assert names(page) == ["Ola Nordmann", "Kari Nordmann"]
    assert page.status.text() == "2 cases"
    qtbot.keyClicks(page.search, " k")
    assert names(page) == ["Kari Nordmann"]
    page.search.clear()
    qtbot.keyClicks(page.search, KARI_FNR[:4])
    assert names(page) == ["Kari Nordmann"]
    page.search.clear()
    qtbot.keyClicks(page.search, "xyz")
    assert names(page) == []
    assert page.status.text() == "No cases match “xyz”."
    assert not page.open_button.isEnabled()


def test_due_this_week_lists_cases_by_their_deadline(qtbot, page: CaseListWidget) -> None:
    page.mode.setFocus()
    qtbot.keyClick(page.mode, Qt.Key.Key_Down)
    assert page.mode.currentIndex() == ListMode.DUE_THIS_WEEK
    assert names(page) == ["Ola Nordmann", "Kari Nordmann"]
    assert [row_texts(page, r)[3] for r in range(2)] == [
        "Dialogue meeting 1: 18/11/2026",
        "8-week point (activity requirement): 22/11/2026",
    ]
    assert page.status.text() == "2 cases Deadlines from 16/11/2026 to 22/11/2026."
    page.set_today(dt.date(2026, 11, 23))  # the week after: Ola's 8-week point on 25 November
    assert names(page) == ["Ola Nordmann"]
    assert row_texts(page, 0)[3] == "8-week point (activity requirement): 25/11/2026"


def test_archived_cases_have_their_own_view(page: CaseListWidget) -> None:
    page.mode.setCurrentIndex(ListMode.ARCHIVED)
    assert names(page) == ["Anne-Lise Sørensen"]
    assert row_texts(page, 0)[0] == "Anne-Lise Sørensen (archived)"
    assert page.archive_button.text() == "&Restore"


# ---------------------------------------------------------------------- keys and opening


def test_down_then_enter_opens_the_case(qtbot, page: CaseListWidget, store: CaseStore) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, "per")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    with qtbot.waitSignal(page.case_chosen, timeout=1000) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert signal.args == [ids(store)["Per Hansen"]]


def test_enter_in_the_search_field_opens_the_first_match(
    qtbot, page: CaseListWidget, store: CaseStore
) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, "kari")
    with qtbot.waitSignal(page.case_chosen, timeout=1000) as signal:
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert signal.args == [ids(store)["Kari Nordmann"]]


def test_ctrl_f_returns_to_the_search_field(qtbot, page: CaseListWidget) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()


def test_the_dialog_closes_when_a_case_is_chosen(qtbot, qapp, store: CaseStore) -> None:
    set_language("en")
    dialog = CaseListDialog(store, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Cases – Arbeidsfokus"
    assert dialog.focusWidget() is dialog.page.search
    qtbot.keyClicks(dialog.page.search, "ola")
    with qtbot.waitSignal(dialog.case_chosen, timeout=1000) as signal:
        qtbot.keyClick(dialog.page.search, Qt.Key.Key_Return)
    assert signal.args == [ids(store)["Ola Nordmann"]]
    assert dialog.result() == CaseListDialog.DialogCode.Accepted
    assert not dialog.isVisible()


# ---------------------------------------------------------------------- archive and delete


def test_archive_and_restore(qtbot, page: CaseListWidget, store: CaseStore) -> None:
    per = ids(store)["Per Hansen"]
    page.table.selectRow(2)
    assert page.archive_button.text() == "&Archive"
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert names(page) == ["Ola Nordmann", "Kari Nordmann"]
    assert page.status.text() == "Per Hansen was archived. 2 cases"
    assert store.load(per).archived is True
    page.mode.setCurrentIndex(ListMode.ARCHIVED)
    assert names(page) == ["Anne-Lise Sørensen", "Per Hansen"]  # by last saved
    page.table.selectRow(1)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert store.load(per).archived is False
    assert names(page) == ["Anne-Lise Sørensen"]


def test_delete_asks_first_and_cancel_keeps_the_case(
    qtbot, page: CaseListWidget, store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[CaseSummary] = []
    monkeypatch.setattr(page, "_confirm_delete", lambda row: asked.append(row) or False)
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [r.display_name for r in asked] == ["Kari Nordmann"]
    assert names(page) == ["Ola Nordmann", "Kari Nordmann", "Per Hansen"]


def test_delete_after_confirmation_removes_the_case(
    qtbot, page: CaseListWidget, store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    kari = ids(store)["Kari Nordmann"]
    monkeypatch.setattr(page, "_confirm_delete", lambda row: True)
    page.table.selectRow(1)
    with qtbot.waitSignal(page.cases_changed, timeout=1000):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert names(page) == ["Ola Nordmann", "Per Hansen"]
    with pytest.raises(StoreError):
        store.load(kari)


# ---------------------------------------------------------------------- files


def test_import_reports_a_bad_file_and_imports_the_good_one(
    qtbot, page: CaseListWidget, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.tick(minutes=1)
    good = tmp_path / "good.json"
    write_case_file(good, started("Eva Ås", dt.date(2026, 11, 2)))  # type: ignore[arg-type]
    bad = tmp_path / "bad.json"
    doc = json.loads(dump_case(make_case()))
    doc["sick_note"]["periods"][0]["grade"] = "half"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    messages: list[tuple[str, str, list[str]]] = []
    monkeypatch.setattr(page, "_ask_import_paths", lambda: [bad, good])
    monkeypatch.setattr(page, "_show_message", lambda *args: messages.append(args))
    page.search.setText("nord")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert messages == [
        (
            "Could not import the case file",
            f"{bad} was not imported.",
            ["sick_note.periods[0].grade: must be a whole number"],
        )
    ]
    assert page.search.text() == ""
    assert names(page)[0] == "Eva Ås"
    assert page.selected_summary().display_name == "Eva Ås"  # type: ignore[union-attr]
    assert page.status.text() == "1 case file imported."


def test_export_writes_the_case_file_without_a_name_in_the_file_name(
    qtbot, page: CaseListWidget, store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.table.selectRow(2)
    row = page.selected_summary()
    assert row is not None
    suggested = page.suggested_file_name(row)
    assert suggested == f"case-2026-09-01-{row.case_id[:6]}.json"
    monkeypatch.setattr(page, "_ask_export_path", lambda summary: tmp_path / "per")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert read_case_file(tmp_path / "per.json") == store.load(row.case_id).case
    assert page.status.text() == f"Exported to {tmp_path / 'per.json'}."


# ---------------------------------------------------------------------- read-only and languages


def test_a_read_only_store_lists_but_offers_no_changes(qtbot, qapp, store: CaseStore) -> None:
    path = store.path
    assert path is not None
    store.mark_clean_shutdown()
    store.close()
    result = CaseStore.open(path, connect=query_only_for_writers)
    read_only = result.store
    set_language("en")
    widget = CaseListWidget(read_only, today=TODAY)
    qtbot.addWidget(widget)
    try:
        assert names(widget) == ["Ola Nordmann", "Kari Nordmann", "Per Hansen"]
        assert widget.open_button.isEnabled()
        assert widget.export_button.isEnabled()
        for button in (widget.archive_button, widget.delete_button, widget.import_button):
            assert not button.isEnabled()
        assert widget.status.text() == "3 cases The case store can only be read."
    finally:
        read_only.close()


def test_texts_follow_the_language(qtbot, page: CaseListWidget) -> None:
    nb = translator("nb")
    set_language("nb")
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == nb.gettext("Patient")
    assert page.mode.itemText(1) == nb.gettext("Due this week")
    assert page.open_button.text() == nb.gettext("&Open")
    assert page.open_button.text() != "&Open"
    assert page.status.text() == nb.ngettext("{n} case", "{n} cases", 3).format(n=3)
    assert row_texts(page, 0)[2] == nb.gettext("{date} (week {week})").format(date="01.10.2026", week=8)
