"""Commands that work now: --version, schema; notes validates its input first.

check, timeline and rules are tested in test_rules_commands.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gp_tool import __version__
from gp_tool.app import main

CONTRACT = Path(__file__).parent.parent / "data" / "contract_case.json"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"gp-tool {__version__}\n"


def test_python_dash_m_and_version_agree() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gp_tool", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (proc.returncode, proc.stdout) == (0, f"gp-tool {__version__}\n")


def test_schema_describes_the_case_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Case"
    assert schema["required"] == ["patient", "sick_note"]
    period = schema["$defs"]["Period"]
    assert sorted(period["required"]) == ["from", "kind", "to"]
    assert schema["$defs"]["PeriodKind"]["enum"] == [
        "AKTIVITET_IKKE_MULIG",
        "GRADERT",
        "AVVENTENDE",
        "BEHANDLINGSDAGER",
        "REISETILSKUDD",
    ]
    assert schema["properties"]["format"]["const"] == "gp-tool/case"


def test_schema_does_not_load_qt() -> None:
    code = "import sys; from gp_tool.app import main; main(['schema']); print('PySide6' in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.gui
@pytest.mark.parametrize(
    "argv",
    [
        ["--case", str(CONTRACT), "--lang", "en"],
        ["gui", "--demo", "uke8-rygg", "--lang", "nn", "--today", "2026-11-23"],
    ],
)
def test_gui_entry_point_starts_and_exits_when_ready(argv: list[str]) -> None:
    """The real process: the window is shown with its case, then quits with 0 (contracts §1)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "gp_tool", *argv, "--exit-when-ready"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert (proc.returncode, proc.stderr) == (0, "")


@pytest.mark.gui
def test_exit_when_ready_writes_nothing(tmp_path: Path) -> None:
    """The measurement run ends the process at once: it must not have opened the store or drafts."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    for command in ([sys.executable, "-m", "gp_tool"], [str(Path(sys.executable).with_name("gp-tool"))]):
        proc = subprocess.run(
            [*command, "--demo", "uke8-rygg", "--exit-when-ready"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
        )
        assert (proc.returncode, proc.stderr) == (0, ""), command
        assert [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()] == [], command
