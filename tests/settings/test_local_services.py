"""The practice's local services: ids, round trip, owner-only atomic file, clear problems (API D)."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from gp_tool.domain.assessment import ReferralRecord, ReferralStatus
from gp_tool.domain.problems import ProblemError
from gp_tool.settings import local_services as ls
from gp_tool.settings.local_services import LocalService


def service(name: str, sid: str | None = None, **kw: str) -> LocalService:
    return LocalService(id=sid or ls.make_id(name), name=name, **kw)


def test_id_is_a_slug_of_the_name() -> None:
    assert ls.make_id("Rask psykisk helsehjelp") == "local:rask-psykisk-helsehjelp"
    assert ls.make_id("Fysioterapi Ås & Ølen") == "local:fysioterapi-as-olen"
    assert ls.make_id("Kræftforeningen") == "local:kraeftforeningen"
    assert ls.make_id("!!!") == "local:service"


def test_id_clash_gets_a_number() -> None:
    taken = ["local:frisklivssentralen", "local:frisklivssentralen-2"]
    assert ls.make_id("Frisklivssentralen", taken) == "local:frisklivssentralen-3"
    assert ls.make_id("Frisklivssentralen", taken[:1]) == "local:frisklivssentralen-2"


@given(st.text(max_size=300))
def test_every_id_is_a_valid_referral_option(name: str) -> None:
    option = ls.make_id(name)
    assert len(option) <= 80
    record = ReferralRecord(option=option, status=ReferralStatus.PLANNED)
    assert record.option == option


def test_missing_file_is_an_empty_list(tmp_path: Path) -> None:
    assert ls.load(tmp_path / "none.json") == ()


def test_round_trip_keeps_order_and_text(tmp_path: Path) -> None:
    services = (
        service("Rask psykisk helsehjelp", contact="Tlf 55 00 00 00", notes="Ingen henvisning trengs"),
        service("Frisklivssentralen", contact="frisklív@kommune.no"),
    )
    path = ls.save(services, tmp_path / "cfg" / ls.FILE_NAME)
    assert ls.load(path) == services
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert [s["id"] for s in document["services"]] == [
        "local:rask-psykisk-helsehjelp",
        "local:frisklivssentralen",
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_file_is_owner_only_and_no_temp_file_is_left(tmp_path: Path) -> None:
    path = ls.save((service("A"),), tmp_path / ls.FILE_NAME)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [ls.FILE_NAME]


def test_default_location_is_the_user_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert ls.services_path() == tmp_path / "gp-tool" / ls.FILE_NAME
    ls.save((service("Bedriftshelsetjenesten"),))
    assert [s.name for s in ls.load()] == ["Bedriftshelsetjenesten"]


def test_upsert_replaces_by_id_and_remove_drops() -> None:
    a, b = service("A"), service("B")
    changed = LocalService(id=a.id, name="A2")
    assert ls.upsert((a, b), changed) == (changed, b)
    c = service("C")
    assert ls.upsert((a, b), c) == (a, b, c)
    assert ls.remove((a, b, c), b.id) == (a, c)
    assert ls.remove((a,), "local:none") == (a,)


def test_bad_ids_and_empty_names_are_refused() -> None:
    with pytest.raises(ValidationError):
        LocalService(id="rask", name="Rask")
    with pytest.raises(ValidationError):
        LocalService(id="local:Rask", name="Rask")
    with pytest.raises(ValidationError):
        LocalService(id="local:rask", name="   ")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("{not json", "not_json"),
        ("[]", "not_services"),
        ('{"services": {}}', "not_services"),
    ],
)
def test_broken_file_names_the_file(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / ls.FILE_NAME
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemError) as info:
        ls.load(path)
    assert [(p.field, p.code) for p in info.value.problems] == [("file", code)]


def test_invalid_entry_names_its_field(tmp_path: Path) -> None:
    path = tmp_path / ls.FILE_NAME
    path.write_text(
        json.dumps({"services": [{"id": "local:a", "name": "A"}, {"id": "x", "name": "B"}]}), "utf-8"
    )
    with pytest.raises(ProblemError) as info:
        ls.load(path)
    assert [p.field for p in info.value.problems] == ["services[1].id"]


def test_duplicate_ids_are_refused_on_save_and_load(tmp_path: Path) -> None:
    a = service("A")
    with pytest.raises(ProblemError) as info:
        ls.save((a, a), tmp_path / ls.FILE_NAME)
    assert [(p.field, p.code) for p in info.value.problems] == [("services[1].id", "duplicate")]
    path = tmp_path / ls.FILE_NAME
    path.write_text(json.dumps({"services": [a.model_dump(), a.model_dump()]}), "utf-8")
    with pytest.raises(ProblemError):
        ls.load(path)


def test_a_folder_in_the_way_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ProblemError) as info:
        ls.save((service("A"),), blocker / ls.FILE_NAME)
    assert info.value.problems[0].field == "file"


def test_names_for_the_notes_follow_the_saved_file(tmp_path: Path) -> None:
    path = tmp_path / "local-services.json"
    assert ls.names(path) == ()  # no file yet
    ls.save([service("Ryggskolen Sentrum"), service("Kommunepsykologen")], path)
    assert ls.names(path) == (
        ("local:ryggskolen-sentrum", "Ryggskolen Sentrum"),
        ("local:kommunepsykologen", "Kommunepsykologen"),
    )
    ls.save([service("Kommunepsykologen")], path)  # a saved change is read again
    assert ls.names(path) == (("local:kommunepsykologen", "Kommunepsykologen"),)
    path.write_text("{not json", encoding="utf-8")  # a broken file: the notes fall back to the ids
    assert ls.names(path) == ()
