"""Help → About: version, rules version, parameters date per language, licences, keys, accessibility."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QRawFont
from PySide6.QtWidgets import QDialog, QLabel

import gp_tool
from gp_tool import cli
from gp_tool.rules import PARAMETERS_LAST_CHECKED, RULES_VERSION
from gp_tool.ui import about
from gp_tool.ui.about import AboutDialog, application_icon, bundled_fonts, components, licence_folder
from gp_tool.ui.i18n import set_language

pytestmark = pytest.mark.gui

FONTS = Path(gp_tool.__file__).parent / "resources" / "fonts"


@pytest.fixture
def dialog(qtbot, qapp) -> Iterator[AboutDialog]:
    set_language("nb")
    box = AboutDialog(None)
    qtbot.addWidget(box)
    yield box
    set_language("nb")


def test_version_is_the_one_source(dialog: AboutDialog, capsys: pytest.CaptureFixture[str]) -> None:
    assert dialog.version_value.text() == gp_tool.__version__
    assert cli.parse(["--version"]) == 0  # argparse prints it and exits 0
    assert capsys.readouterr().out.strip() == f"gp-tool {gp_tool.__version__}"


def test_rules_version_and_parameters_date_from_the_rules(dialog: AboutDialog) -> None:
    assert isinstance(RULES_VERSION, str)
    assert RULES_VERSION
    assert dialog.rules_version_value.text() == RULES_VERSION
    assert isinstance(PARAMETERS_LAST_CHECKED, dt.date)
    from gp_tool.i18n.formatting import format_date

    assert dialog.parameters_checked_value.text() == format_date(PARAMETERS_LAST_CHECKED, "nb", "long")


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("nb", dt.date(2026, 11, 22), "22. november 2026"),
        ("nn", dt.date(2026, 11, 22), "22. november 2026"),
        ("en", dt.date(2026, 11, 22), "22 November 2026"),
        ("nb", dt.date(2026, 1, 1), "1. januar 2026"),
        ("nn", dt.date(2026, 1, 1), "1. januar 2026"),
        ("en", dt.date(2026, 1, 1), "1 January 2026"),
        ("en", dt.date(2025, 12, 31), "31 December 2025"),
    ],
)
def test_parameters_date_in_the_window_language(
    qtbot, qapp, language: str, day: dt.date, expected: str
) -> None:
    set_language(language)
    try:
        box = AboutDialog(None, parameters_checked=day)
        qtbot.addWidget(box)
        assert box.parameters_checked_value.text() == expected
    finally:
        set_language("nb")


def test_texts_follow_a_language_switch(dialog: AboutDialog) -> None:
    dialog.show()
    assert dialog.windowTitle() == "Om Arbeidsfokus"
    assert dialog.offline_label.text() == "Kjører uten nett: ingen data forlater denne maskinen."
    assert dialog.rules_version_name.text() == "Regelversjon:"
    set_language("nn")
    assert dialog.offline_label.text() == "Køyrer utan nett: ingen data forlèt denne maskina."
    assert dialog.parameters_checked_name.text() == "Juridiske parametrar sist kontrollerte:"
    set_language("en")
    assert dialog.windowTitle() == "About Arbeidsfokus"
    assert dialog.offline_label.text() == "Runs offline: no data leaves this machine."
    assert dialog.components_table.horizontalHeaderItem(2).text() == "Licence"


def test_escape_closes(dialog: AboutDialog, qtbot) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert dialog.close_button.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_close_button_closes(dialog: AboutDialog, qtbot) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.close_button.text() == "Lukk"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_accessible_names(dialog: AboutDialog) -> None:
    assert dialog.accessibleName() == "Om Arbeidsfokus"
    assert dialog.version_value.accessibleName() == "Versjon"
    assert dialog.rules_version_value.accessibleName() == "Regelversjon"
    assert dialog.parameters_checked_value.accessibleName() == "Juridiske parametere sist kontrollert"
    assert dialog.components_table.accessibleName() == "Medfølgende komponenter og lisensene deres"
    assert dialog.close_button.accessibleName() == "Lukk"
    assert dialog.icon_label.accessibleName() == "Arbeidsfokus-ikon"
    # Every label that names a value is that value's buddy, so a screen reader reads them together.
    for name_label, value in (
        (dialog.version_name, dialog.version_value),
        (dialog.rules_version_name, dialog.rules_version_value),
        (dialog.parameters_checked_name, dialog.parameters_checked_value),
    ):
        assert name_label.buddy() is value
    unnamed = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if not label.accessibleName() and label.text() and label.buddy() is None and label.wordWrap() is False
    ]
    assert unnamed == []


def _rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    table = dialog.components_table
    return {
        table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
        for row in range(table.rowCount())
    }


def test_licences_of_bundled_components(dialog: AboutDialog) -> None:
    from PySide6.QtCore import qVersion

    rows = _rows(dialog)
    assert rows["Qt"] == (qVersion(), "LGPL-3.0-only")
    assert rows["PySide6 (Qt for Python)"] == (
        importlib.metadata.version("PySide6_Essentials"),
        "LGPL-3.0-only",
    )
    assert rows["ReportLab"] == (importlib.metadata.version("reportlab"), "BSD-3-Clause")
    assert rows["Babel"] == (importlib.metadata.version("babel"), "BSD-3-Clause")
    assert rows["python-stdnum"] == (importlib.metadata.version("python-stdnum"), "LGPL-2.1-or-later")
    assert rows["Python"][1] == "PSF-2.0"
    assert rows["Diagnosekodeverk ICPC-2, ICPC-2B, ICD-10 (norske utgaver, Helsedirektoratet)"] == (
        "2026",
        "ICPC-2 © WONCA, ICD-10 © WHO",
    )
    assert "tzdata" not in rows or sys.platform == "win32" or rows["tzdata"][1] == "Apache-2.0"
    assert dialog.components_table.rowCount() == len(components())


@pytest.mark.skipif(not FONTS.is_dir(), reason="no fonts shipped yet")
def test_fonts_are_read_from_the_font_files(qapp) -> None:
    files = sorted(p for p in FONTS.iterdir() if p.suffix.lower() in {".ttf", ".otf"})
    fonts = bundled_fonts()
    assert len(fonts) == len(files)
    for path, font in zip(files, fonts, strict=True):
        raw = QRawFont(str(path), 12)
        assert raw.isValid()
        assert font.name.startswith(raw.familyName())  # our name-table reader agrees with Qt's
        assert font.version
        assert font.licence
    by_name = {font.name: font for font in fonts}
    if "DejaVu Sans" in by_name:
        assert by_name["DejaVu Sans"].version == "2.37"
        assert by_name["DejaVu Sans"].licence.startswith("Bitstream Vera")


def test_font_name_reader_on_a_truncated_file() -> None:
    assert about._font_names(b"\x00\x01\x00\x00" + b"\x00\x00" * 4) == {}  # no tables at all


def test_licence_folder_only_in_the_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot, qapp
) -> None:
    assert licence_folder() is None  # run from source
    (tmp_path / "licenses").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert licence_folder() == tmp_path / "licenses"
    set_language("en")
    try:
        box = AboutDialog(None)
        qtbot.addWidget(box)
        assert box.licence_note.text() == (
            f"The full licence texts are in {tmp_path / 'licenses'} and in the folders ending in .dist-info."
        )
    finally:
        set_language("nb")


def test_application_icon_has_every_size(qapp) -> None:
    sizes = application_icon().availableSizes()
    assert sizes == [QSize(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]


def test_desktop_texts_are_marked_for_translation() -> None:
    from gp_tool.i18n.catalog import translator

    nb = translator("nb")
    assert nb.gettext(about.GENERIC_NAME) == "Beslutningsstøtte for sykmelding"
    assert nb.gettext(about.CASE_FILE_TYPE) == "Arbeidsfokus-saksfil"
    assert translator("nn").gettext(about.KEYWORDS) == "sjukmelding;sjukefråvær;NAV;fastlege;arbeid;"
