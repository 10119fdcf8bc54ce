"""What goes into the desktop bundle: names, version, and the filters the PyInstaller spec applies.

One module for the spec (``installer/gp-tool.spec``), the build scripts and the tests, so that the
names (bundle folder, executables, desktop id, case-file extension, MIME type) are written once.
The version comes from ``gp_tool.__version__`` and nowhere else.

Trimming (measured, see ``installer/WINDOWS.md`` and the build output): Babel's CLDR data is cut to
the locales the app formats with and their parents (32 MB → about 1.2 MB), Qt's own translations to
Norwegian (14 MB → under 0.2 MB), and Qt/Python modules the app never imports are excluded.
"""

from __future__ import annotations

import platform
import re
from pathlib import Path, PurePosixPath
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
PACKAGE: Final = ROOT / "gp_tool"

APP_NAME: Final = "Arbeidsfokus"
BUNDLE_NAME: Final = "gp-tool"  # dist/gp-tool/ and the console executable gp-tool(.exe)
GUI_EXE_NAME: Final = "Arbeidsfokus"  # Windows only: the windowed Arbeidsfokus.exe for shortcuts
DESKTOP_ID: Final = "arbeidsfokus"  # arbeidsfokus.desktop, icon name, mime package name
ICON_NAME: Final = "arbeidsfokus"
ICON_DIR: Final = PACKAGE / "resources" / "icons"
ICON_SIZES: Final = (16, 24, 32, 48, 64, 128, 256)

# Case files are JSON (contracts §2) and stay readable as JSON. They get their own extension because
# Windows associates a program with the last extension only (``.json`` would take over every JSON
# file on a GP's PC); on Linux the MIME type is declared a subclass of application/json, so editors
# still open them as JSON. ``.json`` case files keep working (File → Open accepts both).
CASE_EXTENSION: Final = ".arbeidsfokus"
CASE_MIME_TYPE: Final = "application/x-gp-tool-case"
PROG_ID: Final = "Arbeidsfokus.Case"

# Distributions whose metadata (version, licence files) is copied into the bundle: the About dialog
# reads their versions with importlib.metadata and the licence texts ship with them.
RUNTIME_DISTRIBUTIONS: Final = (
    "PySide6_Essentials",
    "shiboken6",
    "pydantic",
    "pydantic_core",
    "reportlab",
    "babel",
    "platformdirs",
    "python-stdnum",
    "pillow",
    "charset-normalizer",
    "annotated-types",
    "typing_extensions",
    "typing-inspection",
)

# Python modules that PyInstaller would otherwise follow but the app never uses.
EXCLUDED_MODULES: Final = (
    "tkinter",
    "_tkinter",
    "unittest",
    "doctest",
    "pdb",
    "lib2to3",
    "setuptools",
    "pkg_resources",
    "pip",
    "mypy",
    "ast_serialize",
    "gp_tool.i18n.maintenance",  # catalogue upkeep for developers (scripts/i18n.py)
    "pytest",
    "hypothesis",
    "IPython",
    "numpy",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
)

# Package data of gp_tool that is for developers only: catalogue sources (the bundle ships the
# compiled .mo/.qm, checked by required_compiled_catalogues), the extraction template and the lock.
GP_TOOL_DATA_EXCLUDES: Final = ("**/*.po", "**/*.pot", "**/*.ts", "**/.lock", "**/__pycache__/**")

LANGUAGES: Final = ("nb", "nn", "en")
# CLDR locales kept from Babel's locale-data: the app's languages with every region variant and the
# parents CLDR resolves them through (nb, nn → no → root; en_GB → en_001 → en → root).
BABEL_KEEP: Final = re.compile(r"^(root|no|nb|nn|en)(_\w+)?\.dat$")
QT_TRANSLATION_KEEP: Final = re.compile(r"^qt\w*_(nb|nn|no)\.qm$")


def version() -> str:
    """The app version: ``gp_tool.__version__`` read from the source (no import needed)."""
    text = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise ValueError("gp_tool/__init__.py has no __version__")
    return match.group(1)


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-amd64``: operating system and machine of this build."""
    system = {"Linux": "linux", "Windows": "windows", "Darwin": "macos"}.get(platform.system(), "unknown")
    return f"{system}-{platform.machine().lower()}"


def tarball_name(app_version: str, tag: str) -> str:
    """``gp-tool-0.1.0-linux-x86_64.tar.gz``."""
    return f"{BUNDLE_NAME}-{app_version}-{tag}.tar.gz"


def keep_data(dest: str) -> bool:
    """Whether a data file, by its path inside the bundle, stays in the bundle."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    if len(parts) >= 3 and parts[0] == "babel" and parts[1] == "locale-data":
        return path.suffix != ".dat" or bool(BABEL_KEEP.match(path.name))
    if parts[:3] == ("PySide6", "Qt", "translations"):
        return bool(QT_TRANSLATION_KEEP.match(path.name))
    return True


# Qt plugins and libraries for embedded/kiosk displays (EGLFS, linuxfb, VNC, evdev input) that a desktop
# never loads; with them go libQt6Network (only VNC and TUIO use it) and the EGLFS support libraries.
# Linux only: the Windows plugin set differs and is not measured here.
_LINUX_QT_DROP: Final = re.compile(
    r"^PySide6/Qt/("
    r"plugins/(generic|egldeviceintegrations)/.*"
    r"|plugins/platforms/libq(eglfs|linuxfb|vnc|minimalegl|vkkhrdisplay)\.so"
    r"|lib/libQt6(EglFSDeviceIntegration|EglFsKmsSupport|Network)\.so(\.\d+)*"
    r")$"
)


def keep_binary(dest: str, system: str) -> bool:
    """Whether a shared library or plugin, by its path inside the bundle, stays in the bundle."""
    if system.startswith("linux"):
        return not _LINUX_QT_DROP.match(dest.replace("\\", "/"))
    return True


TocEntry = tuple[str, str, str]  # PyInstaller's (path in bundle, source or link target, type code)


def _normalise(path: PurePosixPath) -> PurePosixPath:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def without_dangling_links(
    binaries: list[TocEntry], datas: list[TocEntry]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """Both TOCs without the symbolic links whose target was filtered out of the bundle.

    PyInstaller links some libraries into the top folder (``libQt6Network.so.6`` →
    ``PySide6/Qt/lib/libQt6Network.so.6``); dropping the target must drop the link too.
    """
    present = {
        PurePosixPath(dest.replace("\\", "/"))
        for dest, _src, kind in [*binaries, *datas]
        if kind != "SYMLINK"
    }

    def keep(entry: TocEntry) -> bool:
        dest, target, kind = entry
        if kind != "SYMLINK":
            return True
        parent = PurePosixPath(dest.replace("\\", "/")).parent
        return _normalise(parent / target.replace("\\", "/")) in present

    return [e for e in binaries if keep(e)], [e for e in datas if keep(e)]


def required_compiled_catalogues() -> list[Path]:
    """The compiled catalogues the bundle must carry (``scripts/i18n.py compile`` makes them)."""
    translations = PACKAGE / "translations"
    files = [translations / lang / "LC_MESSAGES" / "messages.mo" for lang in LANGUAGES]
    files += [ts.with_suffix(".qm") for ts in sorted((translations / "qt").glob("*.ts"))]
    return files


def stale_compiled_catalogues() -> list[str]:
    """One line per compiled catalogue that is missing or older than its source."""
    problems = []
    for compiled in required_compiled_catalogues():
        source = compiled.with_suffix(".po" if compiled.suffix == ".mo" else ".ts")
        if not compiled.is_file():
            problems.append(f"{compiled.relative_to(ROOT)} is missing")
        elif source.is_file() and source.stat().st_mtime > compiled.stat().st_mtime:
            problems.append(f"{compiled.relative_to(ROOT)} is older than {source.name}")
    return problems
