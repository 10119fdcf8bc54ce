"""Help → About: version, rules version, when the legal parameters were last checked, and licences.

``AboutDialog(parent).exec()`` opens it (the main window's Help menu). It shows

* the app name and what it is for;
* the version (``gp_tool.__version__``, the one source of the version: the command line, the bundle
  and the installers read the same string), the rules version and the date the legal parameters were
  last checked (``gp_tool.rules``), the date in the window's language;
* that the app runs offline and no data leaves the machine;
* the bundled components with their versions and licences (Qt and PySide6 under the LGPL, ReportLab
  under BSD, the fonts the PDFs embed, read from the font files themselves), and where the full
  licence texts are.

This module also declares the texts the desktop integration uses (the Linux ``.desktop`` entry and
MIME type, the Windows shortcut and file type; ``installer/linux.py`` and ``installer/wxs_harvest.py``
translate them from the same catalogues) and :func:`application_icon`.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import platform
import struct
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

from PySide6.QtCore import QEvent, Qt, qVersion
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import gp_tool
from gp_tool.i18n.formatting import format_date
from gp_tool.i18n.markers import N_
from gp_tool.rules import PARAMETERS_LAST_CHECKED, RULES_VERSION
from gp_tool.ui.i18n import _, language

__all__ = [
    "APP_NAME",
    "CASE_FILE_TYPE",
    "GENERIC_NAME",
    "KEYWORDS",
    "SUMMARY",
    "AboutDialog",
    "Component",
    "application_icon",
    "bundled_fonts",
    "components",
    "licence_folder",
]

APP_NAME: Final = "Arbeidsfokus"  # a name, the same in every language
SUMMARY: Final = N_(
    "Decision support for sick notes in general practice: work first, the legal timeline in view."
)
GENERIC_NAME: Final = N_("Sick-leave decision support")
# Search words for the desktop's application menu, separated (and ended) by semicolons.
KEYWORDS: Final = N_("sick note;sick leave;NAV;GP;work;")
CASE_FILE_TYPE: Final = N_("Arbeidsfokus case file")
OFFLINE: Final = N_("Runs offline: no data leaves this machine.")

ICON_SIZES: Final = (16, 24, 32, 48, 64, 128, 256)
_ICONS = resources.files("gp_tool") / "resources" / "icons"
_FONTS = resources.files("gp_tool") / "resources" / "fonts"


def application_icon() -> QIcon:
    """The app icon with every drawn size (window title bars, task bars, Alt+Tab)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(_ICONS / f"arbeidsfokus-{size}.png"))
    return icon


@dataclass(frozen=True)
class Component:
    """One bundled component as the About dialog lists it."""

    name: str  # shown as is (a product name), or an English msgid when ``translate`` is set
    version: str
    licence: str  # an SPDX identifier or a short licence statement
    translate: bool = False


# (shown name, distribution, licence). Licences as their projects declare them (PyPI metadata and
# licence files, which the bundle ships in the *.dist-info folders).
_DISTRIBUTIONS: Final = (
    ("PySide6 (Qt for Python)", "PySide6_Essentials", "LGPL-3.0-only"),
    ("Shiboken6", "shiboken6", "LGPL-3.0-only"),
    ("ReportLab", "reportlab", "BSD-3-Clause"),
    ("pydantic", "pydantic", "MIT"),
    ("pydantic-core", "pydantic_core", "MIT"),
    ("Babel", "babel", "BSD-3-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("python-stdnum", "python-stdnum", "LGPL-2.1-or-later"),
    ("Pillow", "pillow", "MIT-CMU"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("annotated-types", "annotated-types", "MIT"),
    ("typing-extensions", "typing_extensions", "PSF-2.0"),
    ("typing-inspection", "typing-inspection", "MIT"),
    ("tzdata", "tzdata", "Apache-2.0"),
)

# Licences of fonts we ship, by family; a font not listed shows its own licence field.
_FONT_LICENCES: Final = {
    "DejaVu Sans": "Bitstream Vera / Arev licence (DejaVu changes: public domain)",
}


def _distribution_version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _font_names(data: bytes) -> dict[int, str]:
    """Name-table strings (platform 3 Windows / Unicode BMP, English) of a TrueType/OpenType font."""
    num_tables = struct.unpack_from(">H", data, 4)[0]
    for i in range(num_tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag != b"name":
            continue
        _format, count, storage = struct.unpack_from(">HHH", data, offset)
        names: dict[int, str] = {}
        for j in range(count):
            platform_id, encoding, lang, name_id, length, start = struct.unpack_from(
                ">HHHHHH", data, offset + 6 + 12 * j
            )
            if platform_id == 3 and encoding in {0, 1} and lang == 0x0409 and name_id not in names:
                raw = data[offset + storage + start : offset + storage + start + length]
                names[name_id] = raw.decode("utf-16-be", errors="replace")
        return names
    return {}


def bundled_fonts() -> list[Component]:
    """The fonts shipped in ``gp_tool/resources/fonts`` (embedded in the PDFs), from their name tables."""
    fonts: list[Component] = []
    if not _FONTS.is_dir():
        return fonts
    for entry in sorted(_FONTS.iterdir(), key=lambda e: e.name):
        if not entry.name.lower().endswith((".ttf", ".otf")):
            continue
        names = _font_names(entry.read_bytes())
        family = names.get(16) or names.get(1) or entry.name
        style = names.get(17) or names.get(2) or ""
        version = names.get(5, "").removeprefix("Version ").split(";")[0].strip()
        licence = _FONT_LICENCES.get(family) or (names.get(13, "").splitlines() or ["?"])[0]
        fonts.append(Component(f"{family} {style}".strip(), version, licence))
    return fonts


def components() -> list[Component]:
    """Every bundled component: Python, Qt, the Python packages present, the fonts, the code lists."""
    rows = [
        Component("Python", platform.python_version(), "PSF-2.0"),
        Component("Qt", qVersion(), "LGPL-3.0-only"),
    ]
    for name, distribution, licence in _DISTRIBUTIONS:
        version = _distribution_version(distribution)
        if version is not None:
            rows.append(Component(name, version, licence))
    rows += bundled_fonts()
    rows.append(
        Component(
            N_("Diagnosis code lists ICPC-2, ICPC-2B, ICD-10 (Norwegian editions, Helsedirektoratet)"),
            "2026",
            "ICPC-2 © WONCA, ICD-10 © WHO",
            translate=True,
        )
    )
    return rows


def licence_folder() -> Path | None:
    """Where the full licence texts are: the bundle's ``licenses`` folder, None when run from source."""
    bundle_root = getattr(sys, "_MEIPASS", None)  # set by the PyInstaller bundle (installer/gp-tool.spec)
    if bundle_root is None:
        return None
    folder = Path(bundle_root) / "licenses"
    return folder if folder.is_dir() else None


class AboutDialog(QDialog):
    """The About box. Esc or Close closes it; every value has an accessible name."""

    def __init__(self, parent: QWidget | None = None, *, parameters_checked: dt.date | None = None) -> None:
        super().__init__(parent)
        self._parameters_checked = parameters_checked or PARAMETERS_LAST_CHECKED
        self._components = components()
        self.setObjectName("about")
        self.setModal(True)

        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(QPixmap(str(_ICONS / "arbeidsfokus-64.png")))
        self.title_label = QLabel(APP_NAME, self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        heading_text = QVBoxLayout()
        heading_text.addWidget(self.title_label)
        heading_text.addWidget(self.summary_label)
        heading = QHBoxLayout()
        heading.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        heading.addLayout(heading_text, 1)

        self.version_value = self._value(gp_tool.__version__)
        self.rules_version_value = self._value(RULES_VERSION)
        self.parameters_checked_value = self._value("")
        self.form = QFormLayout()
        self.version_name = QLabel(self)
        self.rules_version_name = QLabel(self)
        self.parameters_checked_name = QLabel(self)
        self.form.addRow(self.version_name, self.version_value)
        self.form.addRow(self.rules_version_name, self.rules_version_value)
        self.form.addRow(self.parameters_checked_name, self.parameters_checked_value)

        self.offline_label = QLabel(self)
        self.offline_label.setWordWrap(True)
        font = self.offline_label.font()
        font.setBold(True)
        self.offline_label.setFont(font)

        self.components_heading = QLabel(self)
        self.components_table = QTableWidget(len(self._components), 3, self)
        self.components_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.components_table.verticalHeader().setVisible(False)
        header = self.components_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.components_heading.setBuddy(self.components_table)
        self.licence_note = QLabel(self)
        self.licence_note.setWordWrap(True)
        self.licence_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.offline_label)
        layout.addWidget(self.components_heading)
        layout.addWidget(self.components_table, 1)
        layout.addWidget(self.licence_note)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self.retranslate()
        self.close_button.setFocus()

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return label

    def retranslate(self) -> None:
        """Set every text in the active language (also on a language switch)."""
        title = _("About Arbeidsfokus")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.title_label.setAccessibleName(APP_NAME)
        self.icon_label.setAccessibleName(_("Arbeidsfokus icon"))
        self.summary_label.setText(_(SUMMARY))
        for name_label, value_label, name in (
            (self.version_name, self.version_value, _("Version")),
            (self.rules_version_name, self.rules_version_value, _("Rules version")),
            (self.parameters_checked_name, self.parameters_checked_value, _("Legal parameters last checked")),
        ):
            name_label.setText(name + ":")
            name_label.setBuddy(value_label)
            value_label.setAccessibleName(name)
        self.parameters_checked_value.setText(format_date(self._parameters_checked, language(), "long"))
        self.offline_label.setText(_(OFFLINE))
        self.components_heading.setText(_("Bundled components and their licences:"))
        self.components_table.setAccessibleName(_("Bundled components and their licences"))
        self.components_table.setHorizontalHeaderLabels([_("Component"), _("Version"), _("Licence")])
        for row, component in enumerate(self._components):
            name = _(component.name) if component.translate else component.name
            for column, text in enumerate((name, component.version, component.licence)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.components_table.setItem(row, column, item)
        folder = licence_folder()
        if folder is not None:
            note = _("The full licence texts are in {folder} and in the folders ending in .dist-info.")
            self.licence_note.setText(note.format(folder=folder))
        else:
            self.licence_note.setText(_("The full licence texts ship with each component's package."))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
