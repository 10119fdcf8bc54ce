"""Linux desktop integration: the .desktop entry, the case-file MIME type, the tarball and install.sh."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import gp_tool
from installer import bundle, linux, texts

ROOT = Path(__file__).resolve().parents[2]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_desktop_entry_values() -> None:
    entry = _entry(linux.desktop_entry("/home/kari nordmann/.local/share/arbeidsfokus/app"))
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Arbeidsfokus"
    assert entry["Exec"] == '"/home/kari nordmann/.local/share/arbeidsfokus/app/arbeidsfokus" %f'
    assert entry["TryExec"] == "/home/kari nordmann/.local/share/arbeidsfokus/app/arbeidsfokus"
    assert entry["Icon"] == "arbeidsfokus"
    assert entry["MimeType"] == "application/x-gp-tool-case;"
    assert entry["Terminal"] == "false"
    assert entry["GenericName"] == "Sick-leave decision support"
    assert entry["GenericName[nb]"] == "Beslutningsstøtte for sykmelding"
    assert entry["GenericName[nn]"] == "Avgjerdsstøtte for sjukmelding"
    assert entry["Comment"] == (
        "Decision support for sick notes in general practice: work first, the legal timeline in view."
    )
    assert entry["Keywords[nb]"] == "sykmelding;sykemelding;sykefravær;NAV;fastlege;arbeid;"
    assert entry["StartupWMClass"] == "Arbeidsfokus"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_validates(tmp_path: Path) -> None:
    path = tmp_path / "arbeidsfokus.desktop"
    path.write_text(
        linux.desktop_entry("/home/kari nordmann/.local/share/arbeidsfokus/app"), encoding="utf-8"
    )
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_desktop_texts_are_the_about_dialog_texts() -> None:
    from gp_tool.ui import about

    assert texts.english() == {
        "SUMMARY": about.SUMMARY,
        "GENERIC_NAME": about.GENERIC_NAME,
        "KEYWORDS": about.KEYWORDS,
        "CASE_FILE_TYPE": about.CASE_FILE_TYPE,
    }


def test_mime_package() -> None:
    root = ET.fromstring(linux.mime_package())
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.attrib["type"] == "application/x-gp-tool-case"
    assert [g.attrib["pattern"] for g in mime_type.findall(f"{MIME_NS}glob")] == ["*.arbeidsfokus"]
    assert mime_type.find(f"{MIME_NS}sub-class-of").attrib["type"] == "application/json"
    assert mime_type.find(f"{MIME_NS}icon").attrib["name"] == "arbeidsfokus"
    comments = {c.attrib.get(XML_LANG, "en"): c.text for c in mime_type.findall(f"{MIME_NS}comment")}
    assert comments == {
        "en": "Arbeidsfokus case file",
        "nb": "Arbeidsfokus-saksfil",
        "nn": "Arbeidsfokus-saksfil",
    }


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_mime_package_compiles(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / "arbeidsfokus.xml").write_text(linux.mime_package(), encoding="utf-8")
    subprocess.run(["update-mime-database", str(tmp_path / "mime")], check=True, capture_output=True)
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert "50:application/x-gp-tool-case:*.arbeidsfokus" in globs
    subclasses = (tmp_path / "mime" / "subclasses").read_text(encoding="utf-8").splitlines()
    assert "application/x-gp-tool-case application/json" in subclasses


FAKE_GP_TOOL = """#!/bin/sh
# Stands in for the PyInstaller executable: records its arguments, answers --version.
printf '%s\\n' "$@" >"$(dirname "$0")/../last-arguments"
if [ "$1" = --version ]; then echo "gp-tool {version}"; fi
"""


@pytest.fixture
def staged(tmp_path: Path) -> Path:
    """The tarball's folder, staged from a stand-in one-folder app (the real build is a CI step)."""
    app = tmp_path / "dist" / "gp-tool"
    (app / "_internal").mkdir(parents=True)
    (app / "_internal" / "data.txt").write_text("v1", encoding="utf-8")
    exe = app / "gp-tool"
    exe.write_text(FAKE_GP_TOOL.format(version=gp_tool.__version__), encoding="utf-8")
    exe.chmod(0o755)
    return linux.stage(tmp_path / "dist", tmp_path / "stage" / "gp-tool-x")


def test_stage_layout(staged: Path) -> None:
    files = sorted(p.relative_to(staged).as_posix() for p in staged.rglob("*") if p.is_file())
    icons = [f"share/icons/hicolor/{s}x{s}/apps/arbeidsfokus.png" for s in bundle.ICON_SIZES]
    assert files == sorted(
        [
            "README.txt",
            "install.sh",
            "gp-tool/gp-tool",
            "gp-tool/arbeidsfokus",
            "gp-tool/_internal/data.txt",
            "share/applications/arbeidsfokus.desktop",
            "share/mime/packages/arbeidsfokus.xml",
            "share/icons/hicolor/scalable/apps/arbeidsfokus.svg",
            *icons,
        ]
    )
    for executable in ("install.sh", "gp-tool/arbeidsfokus"):
        assert (staged / executable).stat().st_mode & stat.S_IXUSR
    assert f"Arbeidsfokus {gp_tool.__version__} for Linux" in (staged / "README.txt").read_text(
        encoding="utf-8"
    )


def test_tarball_holds_one_folder(staged: Path, tmp_path: Path) -> None:
    tarball = linux.write_tarball(staged, tmp_path / "x.tar.gz")
    with tarfile.open(tarball) as tar:
        names = tar.getnames()
        members = tar.getmembers()
    assert names[0] == "gp-tool-x"
    assert all(name == "gp-tool-x" or name.startswith("gp-tool-x/") for name in names)
    assert names == ["gp-tool-x", *sorted(names[1:])]
    assert {(m.uid, m.gid, m.uname) for m in members} == {(0, 0, "root")}
    launcher = next(m for m in members if m.name == "gp-tool-x/gp-tool/arbeidsfokus")
    assert launcher.mode & 0o111


def _install(staged: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    return subprocess.run(
        ["bash", str(staged / "install.sh"), *args], env=env, capture_output=True, text=True, check=False
    )


def test_install_update_and_uninstall(staged: Path, tmp_path: Path) -> None:
    home = tmp_path / "home with space"
    data = home / ".local" / "share"
    result = _install(staged, home)
    assert result.returncode == 0, result.stderr
    appdir = data / "arbeidsfokus" / "app"
    assert f"installed gp-tool {gp_tool.__version__} into {appdir}" in result.stdout
    desktop = _entry((data / "applications" / "arbeidsfokus.desktop").read_text(encoding="utf-8"))
    assert desktop["Exec"] == f'"{appdir}/arbeidsfokus" %f'
    assert desktop["TryExec"] == f"{appdir}/arbeidsfokus"
    assert (data / "mime" / "packages" / "arbeidsfokus.xml").read_text(
        encoding="utf-8"
    ) == linux.mime_package()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "arbeidsfokus.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "arbeidsfokus.svg").is_file()
    link = home / ".local" / "bin" / "gp-tool"
    assert link.is_symlink()
    assert os.readlink(link) == str(appdir / "gp-tool")

    # The desktop launcher: without a file the app opens; with one, it opens that case.
    subprocess.run([str(appdir / "arbeidsfokus")], check=True)
    assert (appdir.parent / "last-arguments").read_text(encoding="utf-8") == "gui\n"
    subprocess.run([str(appdir / "arbeidsfokus"), str(tmp_path / "kari.arbeidsfokus")], check=True)
    assert (appdir.parent / "last-arguments").read_text(encoding="utf-8") == (
        f"gui\n--case\n{tmp_path / 'kari.arbeidsfokus'}\n"
    )

    # An update replaces the app folder whole: a file the new version lacks is gone.
    (appdir / "_internal" / "stale.txt").write_text("old", encoding="utf-8")
    assert _install(staged, home).returncode == 0
    assert not (appdir / "_internal" / "stale.txt").exists()
    assert sorted(p.name for p in (data / "arbeidsfokus").iterdir()) == ["app", "last-arguments"]

    result = _install(staged, home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not appdir.exists()
    assert not link.exists()
    assert not (data / "applications" / "arbeidsfokus.desktop").exists()
    assert not (data / "mime" / "packages" / "arbeidsfokus.xml").exists()
    assert not list((data / "icons").rglob("arbeidsfokus.*"))


def test_install_leaves_a_foreign_gp_tool_alone(staged: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    mine = home / ".local" / "bin" / "gp-tool"
    mine.write_text("#!/bin/sh\necho mine\n", encoding="utf-8")
    result = _install(staged, home)
    assert result.returncode == 0, result.stderr
    assert "left" in result.stdout
    assert mine.read_text(encoding="utf-8") == "#!/bin/sh\necho mine\n"
    assert _install(staged, home, "--uninstall").returncode == 0
    assert mine.is_file()


def test_install_refuses_a_path_a_desktop_entry_cannot_quote(staged: Path, tmp_path: Path) -> None:
    result = _install(staged, tmp_path / "home$money")
    assert result.returncode == 1
    assert "holds a quote, backtick, dollar or backslash" in result.stderr
    assert not (tmp_path / "home$money" / ".local" / "share" / "arbeidsfokus").exists()


def test_install_refuses_an_unknown_option(staged: Path, tmp_path: Path) -> None:
    result = _install(staged, tmp_path / "home", "--everything")
    assert result.returncode == 1
    assert "unknown option --everything" in result.stderr
