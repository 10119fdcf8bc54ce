"""The case store behind the window's autosave (StoreDraftSink) and the message after a crash."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from gp_tool.storage.store import CaseQuery, CaseStore, RecoveryInfo
from gp_tool.ui.autosave import StoreDraftError, StoreDraftSink, case_key, recovery_text
from gp_tool.ui.drafts import Draft
from gp_tool.ui.i18n import set_language
from tests.storage.conftest import make_case
from tests.storage.test_faults import query_only_for_writers

NOW = dt.datetime(2026, 11, 20, 10, 42, tzinfo=dt.UTC)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "cases.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[CaseStore]:
    store = CaseStore.open(path).store
    yield store
    store.mark_clean_shutdown()
    store.close()


def draft(key: str, text: str, step: int = 0) -> Draft:
    return Draft(key, make_case(message_to_nav=text), step, NOW)


def all_cases(store: CaseStore) -> list[str]:
    return [s.case_id for s in store.find(CaseQuery(archived=None))]


def test_drafts_of_a_file_become_versions_of_one_case(store: CaseStore) -> None:
    sink = StoreDraftSink(store)
    sink.save(draft("file-abc", "a", step=2))
    sink.save(draft("file-abc", "b", step=3))
    (case_id,) = all_cases(store)
    assert [v.version for v in store.versions(case_id)] == [2, 1]
    restored = sink.load("file-abc")
    assert restored is not None
    assert (restored.case.sick_note.message_to_nav, restored.step) == ("b", 3)


def test_a_settled_draft_is_not_offered_again_but_its_case_goes_on(store: CaseStore) -> None:
    sink = StoreDraftSink(store)
    sink.save(draft("file-abc", "a"))
    sink.discard("file-abc")  # saved to its file
    assert sink.load("file-abc") is None
    sink.save(draft("file-abc", "b"))
    (case_id,) = all_cases(store)
    assert store.load(case_id).version == 2
    assert sink.load("file-abc") is not None


def test_the_binding_of_a_file_survives_a_restart(path: Path) -> None:
    first = CaseStore.open(path).store
    StoreDraftSink(first).save(draft("file-abc", "typed before the crash", step=4))
    first.close()
    second = CaseStore.open(path).store
    try:
        restored = StoreDraftSink(second).load("file-abc")
        assert restored is not None
        assert (restored.case.sick_note.message_to_nav, restored.step) == ("typed before the crash", 4)
        assert second.unclean_shutdown() is not None
    finally:
        second.mark_clean_shutdown()
        second.close()


def test_new_cases_are_bound_for_the_session_only(store: CaseStore) -> None:
    sink = StoreDraftSink(store)
    sink.save(draft("new", "first patient"))
    sink.save(draft("new", "first patient, more"))
    first = sink.case_id_for("new")
    sink.discard("new")  # the GP starts another new consultation
    sink.save(draft("new", "second patient"))
    second = sink.case_id_for("new")
    assert first is not None
    assert second not in (None, first)
    assert store.load(first).version == 2
    sink.rebind("new", "file-second")  # "Save as" gave it a file
    sink.save(draft("file-second", "second patient, saved as"))
    assert store.load(second).case.sick_note.message_to_nav == "second patient, saved as"  # type: ignore[arg-type]
    assert len(all_cases(store)) == 2
    assert StoreDraftSink(store).case_id_for("new") is None  # a restarted window starts afresh


def test_a_case_opened_from_the_list_gets_its_versions(store: CaseStore) -> None:
    saved = store.save(make_case(message_to_nav="stored"))
    sink = StoreDraftSink(store)
    sink.save(draft(case_key(saved.case_id), "edited"))
    assert all_cases(store) == [saved.case_id]
    assert store.load(saved.case_id).version == 2


def test_demo_cases_never_enter_the_store(store: CaseStore) -> None:
    sink = StoreDraftSink(store)
    sink.save(draft("demo-uke8-rygg", "fictional"))
    assert all_cases(store) == []
    restored = sink.load("demo-uke8-rygg")
    assert restored is not None
    assert restored.case.sick_note.message_to_nav == "fictional"
    sink.discard("demo-uke8-rygg")
    assert sink.load("demo-uke8-rygg") is None


def test_a_read_only_store_fails_the_draft_with_the_reason(store: CaseStore, path: Path) -> None:
    store.save(make_case())
    store.mark_clean_shutdown()
    store.close()
    read_only = CaseStore.open(path, connect=query_only_for_writers).store
    set_language("en")
    try:
        with pytest.raises(StoreDraftError) as err:
            StoreDraftSink(read_only).save(draft("file-abc", "x"))
        assert isinstance(err.value, OSError)
        assert err.value.strerror == "The case store can only be read. Nothing was stored."
    finally:
        read_only.close()
        set_language("nb")


@pytest.mark.gui
def test_the_windows_autosaver_stores_an_edit_within_a_second(qtbot, store: CaseStore) -> None:
    from gp_tool.ui.document import CaseDocument
    from gp_tool.ui.drafts import AUTOSAVE_DELAY_MS, Autosaver

    assert AUTOSAVE_DELAY_MS < 1000
    document = CaseDocument(make_case(), path=Path("/tmp/kari.json"))
    autosaver = Autosaver(document, StoreDraftSink(store), lambda: 2)
    assert document.edit("work.position_percent", 50) == []
    qtbot.waitUntil(lambda: len(all_cases(store)) == 1, timeout=2000)
    (case_id,) = all_cases(store)
    assert store.load(case_id).case.work.position_percent == 50
    assert not autosaver.pending


@pytest.mark.parametrize(
    ("saved_at", "expected"),
    [
        (
            NOW,
            "Arbeidsfokus was not closed properly last time. Restored the case as last saved at {time}.",
        ),
        (
            NOW - dt.timedelta(days=3),
            "Arbeidsfokus was not closed properly last time. Restored the case as last saved on {date} at {time}.",
        ),
    ],
)
def test_recovery_text(saved_at: dt.datetime, expected: str) -> None:
    set_language("en")
    try:
        local = saved_at.astimezone()
        info = RecoveryInfo(NOW, "abc", 3, saved_at)
        text = recovery_text(info, NOW.astimezone().date())
        assert text == expected.format(time=f"{local:%H:%M}", date=f"{local:%d/%m/%Y}")
        nothing = recovery_text(RecoveryInfo(NOW, None, None, None), NOW.date())
        assert (
            nothing
            == "Arbeidsfokus was not closed properly last time. No case had been saved in that session."
        )
    finally:
        set_language("nb")
