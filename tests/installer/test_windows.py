"""The Windows installer definition (WiX v3 source), the file-list harvester and, with wixl, the MSI."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import gp_tool
from installer import bundle, msi_check, wxs_harvest

ROOT = Path(__file__).resolve().parents[2]
WXS = ROOT / "installer" / "windows" / "gp-tool.wxs"
NS = "{http://schemas.microsoft.com/wix/2006/wi}"
ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]{0,71}$")


@pytest.fixture(scope="module")
def product() -> ET.Element:
    root = ET.parse(WXS).getroot()
    (element,) = root.findall(f"{NS}Product")
    return element


def test_upgrade_code_never_changes(product: ET.Element) -> None:
    # Windows finds the installed version to replace by this code: changing it installs side by side.
    assert product.attrib["UpgradeCode"] == "CB280D5C-C7D2-4135-BED7-7261B0B7F562"
    assert product.attrib["Id"] == "*"
    assert product.attrib["Version"] == "$(var.Version)"
    assert product.find(f"{NS}MajorUpgrade") is not None


def test_per_user_without_elevation(product: ET.Element) -> None:
    package = product.find(f"{NS}Package")
    assert package.attrib["InstallScope"] == "perUser"
    assert package.attrib["InstallPrivileges"] == "limited"
    assert all(p.attrib["Id"] != "ALLUSERS" for p in product.iter(f"{NS}Property"))
    target = product.find(f"{NS}Directory[@Id='TARGETDIR']")
    local = target.find(f"{NS}Directory[@Id='LocalAppDataFolder']")
    programs = local.find(f"{NS}Directory")
    assert programs.attrib["Name"] == "Programs"
    assert programs.find(f"{NS}Directory").attrib == {"Id": "INSTALLDIR", "Name": "$(var.AppName)"}


def test_every_component_has_an_hkcu_key_path(product: ET.Element) -> None:
    components = list(product.iter(f"{NS}Component"))
    assert len(components) == 4
    for component in components:
        key_paths = [v for v in component.iter(f"{NS}RegistryValue") if v.attrib.get("KeyPath") == "yes"]
        assert len(key_paths) == 1, component.attrib["Id"]
        assert key_paths[0].attrib["Root"] == "HKCU"
        uuid.UUID(component.attrib["Guid"])


def test_start_menu_shortcut(product: ET.Element) -> None:
    menu = product.find(f"{NS}DirectoryRef[@Id='ProgramMenuFolder']")
    (shortcut,) = menu.iter(f"{NS}Shortcut")
    assert shortcut.attrib["Name"] == "$(var.AppName)"
    assert shortcut.attrib["Target"] == "[#ArbeidsfokusExe]"
    assert shortcut.attrib["WorkingDirectory"] == "INSTALLDIR"


def test_case_file_association(product: ET.Element) -> None:
    (prog_id,) = product.iter(f"{NS}ProgId")
    assert prog_id.attrib["Id"] == "$(var.ProgId)"
    extension = prog_id.find(f"{NS}Extension")
    assert extension.attrib["Id"] == "$(var.CaseExtension)"
    verb = extension.find(f"{NS}Verb")
    assert verb.attrib == {
        "Id": "open",
        "Command": "Open",
        "TargetFile": "ArbeidsfokusExe",
        "Argument": '--case "%1"',
    }
    icons = [v for v in product.iter(f"{NS}RegistryValue") if v.attrib["Key"].endswith("\\DefaultIcon")]
    assert [v.attrib["Value"] for v in icons] == ["[#ArbeidsfokusExe],0"]


def test_uninstall_entry(product: ET.Element) -> None:
    properties = {p.attrib["Id"]: p.attrib["Value"] for p in product.iter(f"{NS}Property")}
    assert properties["ARPPRODUCTICON"] == "Arbeidsfokus.ico"
    assert product.find(f"{NS}Icon").attrib["SourceFile"] == "$(var.IconFile)"
    refs = {
        r.attrib["Id"] for r in product.iter() if r.tag in {f"{NS}ComponentRef", f"{NS}ComponentGroupRef"}
    }
    assert refs == {
        "AppFiles",
        "InstallFolder",
        "UserProgramsFolder",
        "CaseFileAssociation",
        "StartMenuShortcut",
    }


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("3", "3.0.0"), ("255.255.65535", "255.255.65535")],
)
def test_msi_version(version: str, expected: str) -> None:
    assert wxs_harvest.msi_version(version) == expected


@pytest.mark.parametrize(
    "version", ["0.2.0rc1", "0.2.0.dev3", "1.0.0.1", "256.0.0", "1.256.0", "1.0.65536", "", "a.b"]
)
def test_msi_version_refuses(version: str) -> None:
    with pytest.raises(ValueError, match="version"):
        wxs_harvest.msi_version(version)


def test_package_version_is_representable() -> None:
    assert wxs_harvest.msi_version(gp_tool.__version__).startswith(gp_tool.__version__)


@pytest.fixture
def app(tmp_path: Path) -> Path:
    """A small tree shaped like the Windows one-folder app, with spaces and æøå in names."""
    root = tmp_path / "dist" / "gp-tool"
    (root / "_internal" / "sub dir" / "æøå").mkdir(parents=True)
    (root / "_internal" / "only folders" / "deeper").mkdir(parents=True)
    (root / "Arbeidsfokus.exe").write_bytes(b"MZ windowed")
    (root / "gp-tool.exe").write_bytes(b"MZ console")
    (root / "_internal" / "python311.dll").write_bytes(b"dll")
    (root / "_internal" / "sub dir" / "æøå" / "file with spaces.txt").write_text("x", encoding="utf-8")
    (root / "_internal" / "only folders" / "deeper" / "x.pyd").write_bytes(b"pyd")
    return root


def test_harvest(app: Path) -> None:
    text, count = wxs_harvest.files_wxs(app)
    assert count == 5
    root = ET.fromstring(text)
    files = list(root.iter(f"{NS}File"))
    components = list(root.iter(f"{NS}Component"))
    refs = [r.attrib["Id"] for r in root.iter(f"{NS}ComponentRef")]
    directories = list(root.iter(f"{NS}Directory"))
    assert len(files) == 5
    assert len(directories) == 5  # _internal, sub dir, æøå, only folders, deeper
    assert len(components) == 6  # one per folder, INSTALLDIR included
    assert sorted(refs) == sorted(c.attrib["Id"] for c in components)
    ids = [e.attrib["Id"] for e in [*files, *components, *directories]]
    assert len(ids) == len(set(ids))
    assert all(ID.match(i) for i in ids)
    by_name = {f.attrib["Name"]: f.attrib["Id"] for f in files}
    assert by_name["Arbeidsfokus.exe"] == "ArbeidsfokusExe"
    assert by_name["gp-tool.exe"] == "GpToolExe"
    for component in components:
        (key,) = component.findall(f"{NS}RegistryValue")
        assert (key.attrib["Root"], key.attrib["KeyPath"]) == ("HKCU", "yes")
        assert key.attrib["Key"] == r"Software\Arbeidsfokus\Components"
        assert len(component.findall(f"{NS}RemoveFolder")) == 1
    guids = {c.attrib["Id"]: c.attrib["Guid"] for c in components}
    assert guids["cmp_root"] == str(uuid.uuid5(wxs_harvest.GUID_NAMESPACE, "component:.")).upper()
    file_sources = {f.attrib["Name"]: f.attrib["Source"] for f in files}
    assert Path(file_sources["file with spaces.txt"]).resolve() == (
        app / "_internal" / "sub dir" / "æøå" / "file with spaces.txt"
    )


def test_harvest_is_stable(app: Path) -> None:
    assert wxs_harvest.files_wxs(app) == wxs_harvest.files_wxs(app)


def test_harvest_v4_namespace(app: Path) -> None:
    text, _count = wxs_harvest.files_wxs(app, "v4")
    assert ET.fromstring(text).tag == "{http://wixtoolset.org/schemas/v4/wxs}Wix"


def test_harvest_needs_the_windows_executables(app: Path) -> None:
    (app / "Arbeidsfokus.exe").unlink()
    with pytest.raises(ValueError, match=r"Arbeidsfokus\.exe missing"):
        wxs_harvest.files_wxs(app)


def test_harvest_refuses_symlinks(app: Path) -> None:
    (app / "_internal" / "link.dll").symlink_to(app / "_internal" / "python311.dll")
    with pytest.raises(ValueError, match="symbolic links"):
        wxs_harvest.files_wxs(app)


def test_defines() -> None:
    text = wxs_harvest.defines_wxi()
    defines = dict(re.findall(r'<\?define (\w+)="([^"]*)"\?>', text))
    assert defines["Version"] == wxs_harvest.msi_version(gp_tool.__version__)
    assert defines["CaseExtension"] == "arbeidsfokus" == bundle.CASE_EXTENSION.removeprefix(".")
    assert defines["CaseFileType"] == "Arbeidsfokus-saksfil"
    assert defines["ProgId"] == "Arbeidsfokus.Case"
    assert Path(defines["IconFile"]).resolve() == bundle.ICON_DIR / "arbeidsfokus.ico"
    assert defines["Summary"].startswith("Beslutningsstøtte for sykmelding")


@pytest.mark.skipif(
    shutil.which("wixl") is None or shutil.which("msiinfo") is None,
    reason="wixl/msitools not installed (apt-get install wixl msitools; CI runs installer/check-wxs.sh)",
)
def test_wixl_builds_a_per_user_msi(app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "wix"
    assert wxs_harvest.main([str(app), "--out", str(out)]) == 0
    msi = tmp_path / "Arbeidsfokus.msi"
    result = subprocess.run(
        ["wixl", "-a", "x64", "-I", str(out), "-o", str(msi), str(WXS), str(out / "files.wxs")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert msi_check.problems(msi, out / "files.wxs") == []
    names = {row["FileName"] for row in msi_check.table(msi, "File")}
    assert {"Arbeidsfokus.exe", "gp-tool.exe", "python311.dll", "file with spaces.txt", "x.pyd"} <= names


def test_harvest_absolute_paths_for_windows(
    app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wxs_harvest, "_ABSOLUTE", {"paths": False})
    out = tmp_path / "wix"
    assert wxs_harvest.main([str(app), "--out", str(out), "--absolute-paths"]) == 0
    root = ET.parse(out / "files.wxs").getroot()
    sources = [Path(f.attrib["Source"]) for f in root.iter(f"{NS}File")]
    assert all(source.is_absolute() and source.is_file() for source in sources)
    defines = dict(
        re.findall(r'<\?define (\w+)="([^"]*)"\?>', (out / "defines.wxi").read_text(encoding="utf-8"))
    )
    assert Path(defines["IconFile"]) == bundle.ICON_DIR / "arbeidsfokus.ico"
