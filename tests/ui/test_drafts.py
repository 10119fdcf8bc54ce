"""Never lose work: autosave within a second, restore on reopen, the case store as the sink."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from gp_tool.i18n.catalog import translator
from gp_tool.storage.demo import DEFAULT_DEMO, load_demo
from gp_tool.storage.store import CaseStore
from gp_tool.ui.autosave import StoreDraftSink
from gp_tool.ui.drafts import AUTOSAVE_DELAY_MS, Draft, FileDraftSink, draft_key
from gp_tool.ui.main_window import MainWindow
from tests.ui.conftest import TODAY

pytestmark = pytest.mark.gui


def make_window(qtbot, sink, *, demo: str = DEFAULT_DEMO, store=None) -> MainWindow:
    window = MainWindow(load_demo(demo, TODAY), today=TODAY, demo=demo, drafts=sink, store=store)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "confirm_close", False))
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_draft_keys() -> None:
    assert draft_key(demo="uke8-rygg", path=None) == "demo-uke8-rygg"
    assert draft_key(demo=None, path=None) == "new"
    assert draft_key(demo=None, path=None, case_id="abc") == "case-abc"
    key = draft_key(demo=None, path=Path("/tmp/x.json"))
    assert key.startswith("file-")
    assert len(key) == 37
    assert key == draft_key(demo="ignored", path=Path("/tmp/../tmp/x.json"))


def test_file_sink_round_trip_is_owner_only(tmp_path: Path) -> None:
    sink = FileDraftSink(tmp_path / "drafts")
    case = load_demo(DEFAULT_DEMO, TODAY)
    saved_at = dt.datetime(2026, 11, 20, 10, 42, tzinfo=dt.UTC)
    sink.save(Draft("demo-uke8-rygg", case, 4, saved_at))
    path = tmp_path / "drafts" / "demo-uke8-rygg.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "gp-tool/draft"
    draft = sink.load("demo-uke8-rygg")
    assert draft == Draft("demo-uke8-rygg", case, 4, saved_at)
    path.write_text('{"format": "gp-tool/draft", "case": {"format": "x"}}', encoding="utf-8")
    assert sink.load("demo-uke8-rygg") is None  # damaged: ignored, never a crash
    sink.discard("demo-uke8-rygg")
    sink.discard("demo-uke8-rygg")
    assert not path.exists()


def test_every_change_is_saved_within_a_second_and_reopening_restores_it(qtbot, tmp_path: Path) -> None:
    assert AUTOSAVE_DELAY_MS <= 1000
    sink = FileDraftSink(tmp_path)
    window = make_window(qtbot, sink)
    window.go_to_step(0)
    field = window.findChild(QLineEdit, "work.employer")
    field.setText("Bydel Frogner")
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        field.editingFinished.emit()
        assert window.autosaver.pending
        assert window.save_label.text() == translator("nb").gettext("Saving …")
    assert window.autosaver._timer.interval() == AUTOSAVE_DELAY_MS
    assert sink.load("demo-uke8-rygg").case.work.employer == "Bydel Frogner"
    stamp = window.document.draft_saved_at.strftime("%H:%M:%S")
    assert window.save_label.text() == translator("nb").format("Draft saved {time}", time=stamp)
    window.go_to_step(4)  # a step change is saved at once
    assert sink.load("demo-uke8-rygg").step == 4
    window.close()  # no question: the work is in the draft

    again = make_window(qtbot, sink)
    assert again.document.case.work.employer == "Bydel Frogner"
    assert again.document.dirty
    qtbot.waitUntil(lambda: again.current_step() == 4, timeout=2000)
    again.revert_to_original()
    assert again.document.case.work.employer == "Sykehjemmet AS"
    assert sink.load("demo-uke8-rygg") is None


def test_a_failed_draft_is_shown_as_not_saved(qtbot) -> None:
    class Broken:
        def save(self, draft: Draft) -> None:
            raise OSError(28, "No space left on device")

        def load(self, key: str) -> None:
            return None

        def discard(self, key: str) -> None:
            pass

    window = make_window(qtbot, Broken())
    window.document.edit("work.employer", "Bydel Frogner")
    assert not window.autosaver.flush()
    tr = translator("nb")
    assert window.save_label.text() == tr.format("Not saved: {reason}", reason="No space left on device")
    assert window.save_label.property("role") == "save-dirty"


def test_drafts_go_to_the_case_store_and_the_case_list_reopens_them(qtbot, tmp_path: Path) -> None:
    store = CaseStore.in_memory()
    sink = StoreDraftSink(store, demo_sink=FileDraftSink(tmp_path))
    window = make_window(qtbot, None)
    case_file = tmp_path / "kari.json"
    assert window.save_to(case_file)
    window.attach_store(store, sink)
    window.document.edit("work.employer", "Bydel Frogner")
    assert window.autosaver.flush()
    [summary] = store.recent(today=TODAY)
    stored = store.load(summary.case_id)
    assert stored.case.work.employer == "Bydel Frogner"
    window.document.replace(load_demo("uke4-angst", TODAY), demo="uke4-angst")
    assert window.open_stored_case(summary.case_id)
    assert window.document.case.work.employer == "Bydel Frogner"
    assert window.autosaver.key == f"case-{summary.case_id}"
    assert window.open_action.text() == translator("nb").gettext("&Open from the case list…")
    window.close()
    store.close()
