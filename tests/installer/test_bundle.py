"""The PyInstaller spec and bundle rules: names, version, trimming, exclusions, compiled catalogues."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import types
from pathlib import Path

import pytest

import gp_tool
from gp_tool.i18n.catalog import LANGUAGES
from gp_tool.i18n.formatting import babel_locale
from installer import bundle

ROOT = Path(__file__).resolve().parents[2]


def test_version_comes_from_the_package() -> None:
    assert bundle.version() == gp_tool.__version__


def test_tarball_name_carries_the_version() -> None:
    assert bundle.tarball_name(gp_tool.__version__, "linux-x86_64") == (
        f"gp-tool-{gp_tool.__version__}-linux-x86_64.tar.gz"
    )


@pytest.mark.skipif(
    platform.system() != "Linux" or platform.machine() != "x86_64", reason="the Linux x86-64 tarball name"
)
def test_linux_script_prints_the_tarball_name() -> None:
    out = subprocess.run(
        [sys.executable, "installer/linux.py", "tarball-name"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    assert out.stdout.strip() == f"gp-tool-{gp_tool.__version__}-linux-x86_64.tar.gz"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/no.dat", True),
        ("babel/locale-data/nb.dat", True),
        ("babel/locale-data/nb_NO.dat", True),
        ("babel/locale-data/nn_NO.dat", True),
        ("babel/locale-data/en.dat", True),
        ("babel/locale-data/en_001.dat", True),
        ("babel/locale-data/en_GB.dat", True),
        ("babel/locale-data/de.dat", False),
        ("babel/locale-data/nds.dat", False),  # starts with n, is Low German
        ("babel/locale-data/nnh.dat", False),  # starts with nn, is Ngiemboon
        ("babel/locale-data/eo.dat", False),
        ("babel/locale-data/LICENSE.unicode", True),
        ("babel/global.dat", True),
        ("PySide6/Qt/translations/qtbase_nn.qm", True),
        ("PySide6/Qt/translations/qt_nn.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtbase_en.qm", False),
        ("gp_tool/translations/qt/qtbase_nb.qm", True),
        ("gp_tool/resources/fonts/DejaVuSans.ttf", True),
        ("PySide6\\Qt\\translations\\qtbase_de.qm", False),  # Windows separators
    ],
)
def test_keep_data(dest: str, kept: bool) -> None:
    assert bundle.keep_data(dest) is kept


def _cldr_chain(name: str) -> list[str]:
    """The locales Babel loads for ``name``, following babel.localedata.load's parent rules."""
    from babel.core import get_global
    from babel.localedata import _is_non_likely_script

    chain = [name]
    while name != "root":
        parent = get_global("parent_exceptions").get(name)
        if not parent:
            parts = name.split("_")
            parent = "root" if _is_non_likely_script(name) or len(parts) == 1 else "_".join(parts[:-1])
        chain.append(parent)
        name = parent
    return chain


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_locale_babel_loads_is_kept(language: str) -> None:
    for name in {babel_locale(language), language}:
        chain = _cldr_chain(name)
        assert chain[-1] == "root"
        for locale in chain:
            assert bundle.keep_data(f"babel/locale-data/{locale}.dat"), (language, chain)


@pytest.mark.parametrize(
    ("dest", "system", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "linux", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", "linux", False),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "linux", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", "win32", True),  # not measured on Windows: kept
    ],
)
def test_keep_binary(dest: str, system: str, kept: bool) -> None:
    assert bundle.keep_binary(dest, system) is kept


def test_links_to_dropped_libraries_go_too() -> None:
    binaries = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/venv/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libfoo.so", "../../other/libfoo.so.1", "SYMLINK"),
    ]
    datas = [
        ("PySide6/other/libfoo.so.1", "/venv/libfoo.so.1", "DATA"),
        ("lib/alias.dat", "../missing.dat", "SYMLINK"),
    ]
    kept_binaries, kept_datas = bundle.without_dangling_links(binaries, datas)
    assert kept_binaries == [binaries[0], binaries[1], binaries[3]]
    assert kept_datas == [datas[0]]


def test_stale_compiled_catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "gp_tool"
    for lang in ("nb", "nn", "en"):
        folder = package / "translations" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "messages.po").write_text("x", encoding="utf-8")
    (package / "translations" / "qt").mkdir()
    (package / "translations" / "qt" / "qtbase_nb.ts").write_text("x", encoding="utf-8")
    monkeypatch.setattr(bundle, "ROOT", tmp_path)
    monkeypatch.setattr(bundle, "PACKAGE", package)
    assert len(bundle.stale_compiled_catalogues()) == 4  # three .mo and one .qm missing

    for lang in ("nb", "nn", "en"):
        (package / "translations" / lang / "LC_MESSAGES" / "messages.mo").write_bytes(b"")
    (package / "translations" / "qt" / "qtbase_nb.qm").write_bytes(b"")
    assert bundle.stale_compiled_catalogues() == []

    po = package / "translations" / "nn" / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    os.utime(mo, (1_000_000, 1_000_000))
    os.utime(po, (1_000_001, 1_000_001))  # one second newer than its .mo
    assert bundle.stale_compiled_catalogues() == [
        str(Path("gp_tool/translations/nn/LC_MESSAGES/messages.mo")) + " is older than messages.po"
    ]
    os.utime(po, (1_000_000, 1_000_000))  # same time: not stale
    assert bundle.stale_compiled_catalogues() == []


class _Recorder:
    def __init__(self, *args: object, **kwargs: object) -> None:
        self.args, self.kwargs = args, kwargs
        self.datas: list[tuple[str, str, str]] = []
        self.binaries: list[tuple[str, str, str]] = []
        self.pure: list[object] = []
        self.scripts: list[object] = []


def _run_spec(monkeypatch: pytest.MonkeyPatch, system: str) -> dict[str, list[_Recorder]]:
    """Execute installer/gp-tool.spec with PyInstaller's build classes recorded, not run."""
    made: dict[str, list[_Recorder]] = {"Analysis": [], "PYZ": [], "EXE": [], "COLLECT": []}

    def factory(kind: str) -> type[_Recorder]:
        class Made(_Recorder):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, **kwargs)
                made[kind].append(self)

        return Made

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, **_kw: [(f"/src/{package}/data.bin", package)]  # type: ignore[attr-defined]
    hooks.collect_submodules = lambda package, **_kw: [f"{package}.sub"]  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda dist, **_kw: [(f"/src/{dist}.dist-info", f"{dist}.dist-info")]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(bundle, "stale_compiled_catalogues", list)
    monkeypatch.setattr(sys, "platform", system)
    spec = ROOT / "installer" / "gp-tool.spec"
    namespace = {"SPECPATH": str(spec.parent), "__file__": str(spec)}
    namespace.update({kind: factory(kind) for kind in made})
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    return made


def test_spec_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _run_spec(monkeypatch, "linux")
    (analysis,) = made["Analysis"]
    assert analysis.args[0] == [str(ROOT / "gp_tool" / "__main__.py")]
    assert analysis.kwargs["excludes"] == list(bundle.EXCLUDED_MODULES)
    hidden = analysis.kwargs["hiddenimports"]
    assert "gp_tool.sub" in hidden
    assert "reportlab.sub" in hidden
    datas = analysis.kwargs["datas"]
    assert ("/src/gp_tool/data.bin", "gp_tool") in datas
    assert ("/src/reportlab/data.bin", "reportlab") in datas
    for dist in bundle.RUNTIME_DISTRIBUTIONS:
        assert (f"/src/{dist}.dist-info", f"{dist}.dist-info") in datas
    licences = {Path(src).name for src, dest in datas if dest == "licenses"}
    assert licences == {"GPL-3.0.txt", "LGPL-2.1.txt", "LGPL-3.0.txt"}
    (exe,) = made["EXE"]
    assert exe.kwargs["name"] == bundle.BUNDLE_NAME == "gp-tool"
    assert exe.kwargs["console"] is True
    assert exe.kwargs["icon"] is None
    assert exe.kwargs["contents_directory"] == "_internal"
    (collect,) = made["COLLECT"]
    assert collect.kwargs["name"] == "gp-tool"


def test_spec_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _run_spec(monkeypatch, "win32")
    console, windowed = made["EXE"]
    assert (console.kwargs["name"], console.kwargs["console"]) == ("gp-tool", True)
    assert (windowed.kwargs["name"], windowed.kwargs["console"]) == ("Arbeidsfokus", False)
    assert Path(windowed.kwargs["icon"]) == ROOT / "gp_tool" / "resources" / "icons" / "arbeidsfokus.ico"
    assert Path(windowed.kwargs["icon"]).is_file()
    (analysis,) = made["Analysis"]
    assert "tzdata" in analysis.kwargs["hiddenimports"]
    (collect,) = made["COLLECT"]
    assert collect.args[:2] == (console, windowed)


def test_spec_refuses_stale_catalogues(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "stale_compiled_catalogues", lambda: ["gp_tool/x.mo is missing"])
    spec = ROOT / "installer" / "gp-tool.spec"
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = hooks.collect_submodules = hooks.copy_metadata = lambda *_a, **_k: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    with pytest.raises(SystemExit, match=r"gp_tool/x\.mo is missing"):
        exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), {"SPECPATH": str(spec.parent)})


def test_build_pins_are_exact() -> None:
    lines = [
        line.strip()
        for line in (ROOT / "requirements" / "build.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines == ["pyinstaller==6.22.3", "pyinstaller-hooks-contrib==2026.9", "altgraph==0.17.5"]
    runtime = (ROOT / "pyproject.toml").read_text(encoding="utf-8").lower()
    assert "pyinstaller" not in runtime


def test_build_script_is_valid_bash() -> None:
    for script in ("installer/build-linux.sh", "installer/check-wxs.sh", "installer/linux/install.sh"):
        subprocess.run(["bash", "-n", script], cwd=ROOT, check=True)
    subprocess.run(["sh", "-n", "installer/linux/arbeidsfokus.sh"], cwd=ROOT, check=True)


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("GP_TOOL_BUILD_BUNDLE") != "1",
    reason="builds the whole bundle (about 1 min); set GP_TOOL_BUILD_BUNDLE=1 (CI runs installer/build-linux.sh)",
)
def test_build_linux_bundle_and_self_test() -> None:
    result = subprocess.run(
        ["bash", "installer/build-linux.sh"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "ok   window built" in result.stdout
    tarball = ROOT / "dist" / bundle.tarball_name(gp_tool.__version__, bundle.platform_tag())
    assert tarball.is_file()
