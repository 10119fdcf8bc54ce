"""Linux desktop integration and the release tarball.

``python installer/linux.py package DIST`` turns the PyInstaller folder ``DIST/gp-tool`` into
``DIST/gp-tool-<version>-linux-<machine>.tar.gz``, which holds::

    gp-tool-<version>-linux-<machine>/
        gp-tool/                          the one-folder app (gp-tool, _internal/) and the desktop
                                          launcher arbeidsfokus (opens a case file when given one)
        share/applications/arbeidsfokus.desktop      menu entry; @APPDIR@ is set by install.sh
        share/mime/packages/arbeidsfokus.xml         the case-file type (*.arbeidsfokus, JSON inside)
        share/icons/hicolor/<N>x<N>/apps/arbeidsfokus.png, scalable/apps/arbeidsfokus.svg
        install.sh                        per-user install into ~/.local (``--uninstall`` removes it)
        README.txt

The .desktop entry and the MIME comment carry nb, nn and en texts from the app's catalogues
(``installer/texts.py``). Run it with the project's Python (``.venv/bin/python``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tarfile
import time
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape, quoteattr

if __package__ in {None, ""}:  # run as a script: make ``installer`` and ``gp_tool`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from installer import bundle, texts

LINUX_DIR: Final = bundle.ROOT / "installer" / "linux"
APPDIR_PLACEHOLDER: Final = "@APPDIR@"
LAUNCHER: Final = "arbeidsfokus"  # the desktop launcher inside the app folder
CATEGORIES: Final = "Office;MedicalSoftware;"


def _desktop_value(text: str) -> str:
    """A .desktop string value: backslash, newline, tab and carriage return escaped (spec §4)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _localised(key: str, values: dict[str, str]) -> list[str]:
    lines = [f"{key}={_desktop_value(values['en'])}"]
    lines += [f"{key}[{lang}]={_desktop_value(values[lang])}" for lang in ("nb", "nn")]
    return lines


def desktop_entry(appdir: str = APPDIR_PLACEHOLDER) -> str:
    """The ``arbeidsfokus.desktop`` file; ``appdir`` is the installed app folder (quoted in Exec)."""
    launcher = f"{appdir}/{LAUNCHER}"
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={bundle.APP_NAME}",
        *_localised("GenericName", texts.translated("GENERIC_NAME")),
        *_localised("Comment", texts.translated("SUMMARY")),
        *_localised("Keywords", texts.translated("KEYWORDS")),
        f"Icon={bundle.ICON_NAME}",
        f"TryExec={launcher}",  # a plain path (only Exec is quoted)
        f'Exec="{launcher}" %f',
        "Terminal=false",
        f"Categories={CATEGORIES}",
        f"MimeType={bundle.CASE_MIME_TYPE};",
        "StartupNotify=true",
        f"StartupWMClass={bundle.APP_NAME}",
    ]
    return "\n".join(lines) + "\n"


def mime_package() -> str:
    """The shared-mime-info package declaring the case-file type."""
    comments = texts.translated("CASE_FILE_TYPE")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
        f"  <mime-type type={quoteattr(bundle.CASE_MIME_TYPE)}>",
        f"    <comment>{escape(comments['en'])}</comment>",
        *(f'    <comment xml:lang="{lang}">{escape(comments[lang])}</comment>' for lang in ("nb", "nn")),
        '    <sub-class-of type="application/json"/>',
        f'    <icon name="{bundle.ICON_NAME}"/>',
        f'    <glob pattern="*{bundle.CASE_EXTENSION}"/>',
        "  </mime-type>",
        "</mime-info>",
    ]
    return "\n".join(lines) + "\n"


def stage(dist: Path, target: Path) -> Path:
    """Lay out the tarball's folder ``target`` from the PyInstaller folder ``dist/gp-tool``."""
    app = dist / bundle.BUNDLE_NAME
    if not (app / bundle.BUNDLE_NAME).is_file():
        raise FileNotFoundError(f"{app / bundle.BUNDLE_NAME} not found: run PyInstaller first")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(app, target / bundle.BUNDLE_NAME, symlinks=True)
    launcher = target / bundle.BUNDLE_NAME / LAUNCHER
    shutil.copy2(LINUX_DIR / "arbeidsfokus.sh", launcher)
    launcher.chmod(0o755)
    share = target / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{bundle.DESKTOP_ID}.desktop").write_text(desktop_entry(), encoding="utf-8")
    (share / "mime" / "packages").mkdir(parents=True)
    (share / "mime" / "packages" / f"{bundle.DESKTOP_ID}.xml").write_text(mime_package(), encoding="utf-8")
    for size in bundle.ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(bundle.ICON_DIR / f"{bundle.ICON_NAME}-{size}.png", folder / f"{bundle.ICON_NAME}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(bundle.ICON_DIR / f"{bundle.ICON_NAME}.svg", scalable / f"{bundle.ICON_NAME}.svg")
    shutil.copy2(LINUX_DIR / "install.sh", target / "install.sh")
    (target / "install.sh").chmod(0o755)
    readme = (LINUX_DIR / "README.txt").read_text(encoding="utf-8")
    (target / "README.txt").write_text(readme.replace("@VERSION@", bundle.version()), encoding="utf-8")
    return target


def write_tarball(folder: Path, tarball: Path) -> Path:
    """``folder`` as a gzip tarball with sorted names, root-owned entries and one timestamp."""
    mtime = int(time.time())

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = mtime
        return info

    partial = tarball.with_name(tarball.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6, format=tarfile.PAX_FORMAT) as tar:
        tar.add(folder, arcname=folder.name, recursive=False, filter=normalise)
        for path in sorted(folder.rglob("*")):
            arcname = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            tar.add(path, arcname=arcname, recursive=False, filter=normalise)
    partial.replace(tarball)
    return tarball


def package(dist: Path) -> Path:
    """Stage and pack ``dist/gp-tool`` into ``dist/<tarball>``; returns the tarball's path."""
    name = bundle.tarball_name(bundle.version(), bundle.platform_tag())
    folder = stage(dist, dist.parent / "build" / "linux-stage" / name.removesuffix(".tar.gz"))
    return write_tarball(folder, dist / name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Linux desktop files and release tarball")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "package", help="stage DIST/gp-tool and write DIST/gp-tool-<version>-<platform>.tar.gz"
    )
    p.add_argument("dist", type=Path)
    sub.add_parser("desktop", help="print the .desktop entry (with @APPDIR@)")
    sub.add_parser("mime", help="print the shared-mime-info package")
    sub.add_parser("tarball-name", help="print the tarball's file name for this version and platform")
    args = parser.parse_args(argv)
    if args.command == "package":
        print(package(args.dist.resolve()))
    elif args.command == "desktop":
        sys.stdout.write(desktop_entry())
    elif args.command == "mime":
        sys.stdout.write(mime_package())
    else:
        print(bundle.tarball_name(bundle.version(), bundle.platform_tag()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
