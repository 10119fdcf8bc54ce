"""Read a built MSI back (msitools' ``msiinfo``) and check what the installer promises.

``python installer/msi_check.py PACKAGE.msi FILES.wxs`` exits 1 with one line per broken promise:

* per-user and without elevation: summary word count has bit 8 set (``InstallPrivileges="limited"``),
  no ALLUSERS property, the install folder under ``LocalAppDataFolder``;
* every harvested file is in the File table;
* a Start-menu shortcut to the windowed ``Arbeidsfokus.exe``;
* the case-file extension bound to the ProgId, opened by ``Arbeidsfokus.exe --case "%1"``, with an icon;
* an uninstall entry icon (ARPPRODUCTICON) and the product version from ``gp_tool.__version__``.

Used by ``installer/check-wxs.sh`` and ``tests/installer``.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

if __package__ in {None, ""}:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from installer import bundle
from installer.wxs_harvest import msi_version

NO_ELEVATION = 8  # PID_WORDCOUNT bit: "elevated privileges are not required to install"


def table(msi: Path, name: str) -> list[dict[str, str]]:
    """The rows of one MSI table as dictionaries (``msiinfo export``)."""
    out = subprocess.run(["msiinfo", "export", str(msi), name], check=True, capture_output=True, text=True)
    lines = out.stdout.splitlines()
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:] if line]


def summary(msi: Path) -> dict[str, str]:
    out = subprocess.run(["msiinfo", "suminfo", str(msi)], check=True, capture_output=True, text=True)
    return dict(line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line)


def harvested_file_ids(files_wxs: Path) -> set[str]:
    root = ET.parse(files_wxs).getroot()  # noqa: S314  (our own generated file)
    return {element.attrib["Id"] for element in root.iter() if element.tag.endswith("}File")}


def problems(msi: Path, files_wxs: Path) -> list[str]:
    found: list[str] = []
    word_count = int(summary(msi).get("Source", "0").split()[0])
    if not word_count & NO_ELEVATION:
        found.append(f"summary word count {word_count}: the package asks for elevation (not per-user)")
    properties = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    if "ALLUSERS" in properties:
        found.append(f"ALLUSERS={properties['ALLUSERS']}: a per-user package must not set it")
    if properties.get("ProductVersion") != msi_version(bundle.version()):
        found.append(f"ProductVersion {properties.get('ProductVersion')} is not gp_tool.__version__")
    if "ARPPRODUCTICON" not in properties:
        found.append("no ARPPRODUCTICON: the Add/Remove Programs entry has no icon")

    directories = {row["Directory"]: row for row in table(msi, "Directory")}
    parent = directories.get("INSTALLDIR", {}).get("Directory_Parent")
    grandparent = directories.get(parent or "", {}).get("Directory_Parent")
    if grandparent != "LocalAppDataFolder":
        found.append(f"INSTALLDIR is under {parent}/{grandparent}, not LocalAppDataFolder\\Programs")

    files = {row["File"] for row in table(msi, "File")}
    missing = harvested_file_ids(files_wxs) - files
    if missing:
        found.append(f"{len(missing)} harvested files are not in the File table")

    shortcuts = table(msi, "Shortcut")
    if not any(
        row["Directory_"] == "ProgramMenuFolder" and row["Target"] == "[#ArbeidsfokusExe]"
        for row in shortcuts
    ):
        found.append("no Start-menu shortcut to Arbeidsfokus.exe")

    registry = {(row["Root"], row["Key"], row["Name"]): row["Value"] for row in table(msi, "Registry")}
    classes = "0"  # HKCR: written to HKCU\Software\Classes by a per-user install
    extension = bundle.CASE_EXTENSION
    expected = {
        (classes, extension, ""): bundle.PROG_ID,
        (classes, f"{bundle.PROG_ID}\\shell\\open\\command", ""): '"[#ArbeidsfokusExe]" --case "%1"',
        (classes, f"{bundle.PROG_ID}\\DefaultIcon", ""): "[#ArbeidsfokusExe],0",
    }
    for key, value in expected.items():
        if registry.get(key) != value:
            found.append(f"registry {key[1]!r}: {registry.get(key)!r}, expected {value!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python installer/msi_check.py PACKAGE.msi FILES.wxs", file=sys.stderr)
        return 2
    found = problems(Path(args[0]), Path(args[1]))
    for line in found:
        print(f"FAIL {line}")
    print(f"msi_check: {args[0]}: {'ok' if not found else f'{len(found)} problem(s)'}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
