"""Write the WiX component list for the one-folder app, and the values the installer source uses.

``python installer/wxs_harvest.py DIST_APP_DIR --out build/wix [--schema v3|v4]`` writes

* ``files.wxs``: every file under ``DIST_APP_DIR`` (``dist/gp-tool``), as ``ComponentGroup AppFiles``
  under ``INSTALLDIR``, and the folder tree as ``Directory`` elements;
* ``defines.wxi``: ``Version`` (``gp_tool.__version__``, as an MSI version), the icon path, and the
  nb texts for the shortcut, the file type and the package (from the app's catalogues).

``installer/windows/gp-tool.wxs`` includes ``defines.wxi`` and references ``AppFiles``; the build
compiles both (``installer/WINDOWS.md``; ``installer/check-wxs.sh`` with Debian's ``wixl``).

The install is per user (``%LOCALAPPDATA%\\Programs\\Arbeidsfokus``), so every component has an HKCU
registry value as its key path (ICE38) and every folder a ``RemoveFolder`` (ICE64). One component per
folder; its GUID is derived from the folder's path, so it stays the same from one build to the next.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Final
from xml.sax.saxutils import quoteattr

if __package__ in {None, ""}:  # run as a script: make ``installer`` and ``gp_tool`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from installer import bundle

NAMESPACES: Final = {
    "v3": "http://schemas.microsoft.com/wix/2006/wi",
    "v4": "http://wixtoolset.org/schemas/v4/wxs",
}
# Derives the component GUIDs; never change it (a change orphans components of installed versions).
GUID_NAMESPACE: Final = uuid.UUID("5d0f3a52-6c1e-4c43-9f0e-0b8a6f7e2a91")
REGISTRY_KEY: Final = r"Software\Arbeidsfokus\Components"
# Files the installer source refers to by a fixed id (shortcut target, verb target, icon).
FIXED_FILE_IDS: Final = {
    f"{bundle.GUI_EXE_NAME}.exe": "ArbeidsfokusExe",
    f"{bundle.BUNDLE_NAME}.exe": "GpToolExe",
}
MSI_MAX: Final = (255, 255, 65535)


def msi_version(version: str) -> str:
    """``0.1.0`` → ``0.1.0``; MSI versions are major.minor.build numbers (255.255.65535 at most).

    A pre-release or local suffix (``0.2.0rc1``, ``0.2.0.dev3``) is refused: an MSI cannot order it
    before the release, so upgrades would go wrong.
    """
    parts = version.split(".")
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        raise ValueError(f"version {version!r} is not major.minor.patch numbers, which an MSI needs")
    numbers = [int(part) for part in parts] + [0] * (3 - len(parts))
    for number, limit in zip(numbers, MSI_MAX, strict=True):
        if number > limit:
            raise ValueError(f"version {version!r}: MSI allows at most {'.'.join(map(str, MSI_MAX))}")
    return ".".join(str(number) for number in numbers)


def _id(prefix: str, relative: PurePosixPath) -> str:
    """A stable MSI identifier (letters, digits, _ and ., at most 72 characters) for a path."""
    digest = hashlib.sha1(relative.as_posix().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{prefix}_{digest[:24]}"


@dataclass
class Folder:
    relative: PurePosixPath  # "." for INSTALLDIR itself
    files: list[PurePosixPath] = field(default_factory=list)
    children: dict[str, Folder] = field(default_factory=dict)

    @property
    def directory_id(self) -> str:
        return "INSTALLDIR" if self.relative == PurePosixPath(".") else _id("dir", self.relative)


def scan(app_dir: Path) -> Folder:
    """The folder tree under ``app_dir``, names sorted, symlinks refused (an MSI cannot hold them)."""
    root = Folder(PurePosixPath("."))
    for path in sorted(app_dir.rglob("*")):
        relative = PurePosixPath(path.relative_to(app_dir).as_posix())
        if path.is_symlink():
            raise ValueError(f"{path}: symbolic links cannot go into an MSI")
        folder = root
        for name in relative.parts[:-1]:
            folder = folder.children.setdefault(name, Folder(folder.relative / name))
        if path.is_dir():
            folder.children.setdefault(relative.name, Folder(relative))
        else:
            folder.files.append(relative)
    return root


def _walk(folder: Folder) -> list[Folder]:
    folders = [folder]
    for name in sorted(folder.children):
        folders += _walk(folder.children[name])
    return folders


_ABSOLUTE = {"paths": False}  # set by --absolute-paths (main)


def _source(path: Path) -> str:
    """``path`` relative to the working directory (wixl needs that), or absolute (``--absolute-paths``)."""
    if _ABSOLUTE["paths"]:
        return str(path.resolve())
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path.resolve())


def _component_id(folder: Folder) -> str:
    return "cmp_root" if folder.relative == PurePosixPath(".") else _id("cmp", folder.relative)


def _component(folder: Folder, app_dir: Path, indent: str) -> list[str]:
    """The folder's component: HKCU key path, RemoveFolder, and its files."""
    component = _component_id(folder)
    guid = str(uuid.uuid5(GUID_NAMESPACE, f"component:{folder.relative.as_posix()}")).upper()
    lines = [
        f'{indent}<Component Id={quoteattr(component)} Guid="{guid}">',
        f'{indent}  <RegistryValue Root="HKCU" Key="{REGISTRY_KEY}" Name={quoteattr(component)}'
        ' Type="integer" Value="1" KeyPath="yes"/>',
        f'{indent}  <RemoveFolder Id={quoteattr("rm_" + component.removeprefix("cmp_"))} On="uninstall"/>',
    ]
    for relative in folder.files:
        file_id = FIXED_FILE_IDS.get(relative.as_posix(), _id("fil", relative))
        source = _source(app_dir / Path(*relative.parts))
        lines.append(
            f"{indent}  <File Id={quoteattr(file_id)} Name={quoteattr(relative.name)} Source={quoteattr(source)}/>"
        )
    lines.append(f"{indent}</Component>")
    return lines


def _tree(folder: Folder, app_dir: Path, indent: str) -> list[str]:
    """``folder``'s component, then its sub-folders as nested Directory elements."""
    lines = _component(folder, app_dir, indent)
    for name in sorted(folder.children):
        child = folder.children[name]
        lines.append(f"{indent}<Directory Id={quoteattr(child.directory_id)} Name={quoteattr(name)}>")
        lines += _tree(child, app_dir, indent + "  ")
        lines.append(f"{indent}</Directory>")
    return lines


def files_wxs(app_dir: Path, schema: str = "v3") -> tuple[str, int]:
    """The ``files.wxs`` text and the number of files in it."""
    root = scan(app_dir)
    missing = [name for name in FIXED_FILE_IDS if not (app_dir / name).is_file()]
    if missing:
        raise ValueError(
            f"{app_dir}: {', '.join(missing)} missing (a Windows build of installer/gp-tool.spec?)"
        )
    folders = _walk(root)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Generated by installer/wxs_harvest.py from the one-folder app; do not edit. -->",
        f'<Wix xmlns="{NAMESPACES[schema]}">',
        "  <Fragment>",
        '    <DirectoryRef Id="INSTALLDIR">',
        *_tree(root, app_dir, "      "),
        "    </DirectoryRef>",
        "  </Fragment>",
        "  <Fragment>",
        '    <ComponentGroup Id="AppFiles">',
        *(f"      <ComponentRef Id={quoteattr(_component_id(folder))}/>" for folder in folders),
        "    </ComponentGroup>",
        "  </Fragment>",
        "</Wix>",
    ]
    return "\n".join(lines) + "\n", sum(len(folder.files) for folder in folders)


def defines_wxi(schema: str = "v3") -> str:
    """``defines.wxi``: version, icon and the nb texts (the default language of the app)."""
    from installer import texts  # reads the app catalogues

    nb = {name: texts.translated(name)["nb"] for name in texts.NAMES}
    values = {
        "Version": msi_version(bundle.version()),
        "AppName": bundle.APP_NAME,
        "IconFile": _source(bundle.ICON_DIR / f"{bundle.ICON_NAME}.ico"),
        "CaseExtension": bundle.CASE_EXTENSION.removeprefix("."),
        "CaseMimeType": bundle.CASE_MIME_TYPE,
        "ProgId": bundle.PROG_ID,
        "Summary": nb["SUMMARY"],
        "CaseFileType": nb["CASE_FILE_TYPE"],
    }
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Generated by installer/wxs_harvest.py; do not edit. -->",
        f'<Include xmlns="{NAMESPACES[schema]}">',
    ]
    for name, value in values.items():
        if '"' in value or "?>" in value:
            raise ValueError(f"{name}: {value!r} cannot go into a preprocessor define")
        lines.append(f'  <?define {name}="{value}"?>')
    lines.append("</Include>")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app_dir", type=Path, help="the one-folder app, e.g. dist/gp-tool")
    parser.add_argument("--out", type=Path, default=bundle.ROOT / "build" / "wix", help="output folder")
    parser.add_argument("--schema", choices=sorted(NAMESPACES), default="v3", help="WiX v3 (wixl) or v4+")
    parser.add_argument(
        "--absolute-paths",
        action="store_true",
        help="absolute Source paths (WiX on Windows; wixl needs relative)",
    )
    args = parser.parse_args(argv)
    _ABSOLUTE["paths"] = args.absolute_paths
    try:
        text, count = files_wxs(args.app_dir.resolve(), args.schema)
        defines = defines_wxi(args.schema)
    except ValueError as exc:
        print(f"wxs_harvest: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "files.wxs").write_text(text, encoding="utf-8")
    (args.out / "defines.wxi").write_text(defines, encoding="utf-8")
    print(f"wxs_harvest: {count} files → {args.out / 'files.wxs'}, {args.out / 'defines.wxi'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
