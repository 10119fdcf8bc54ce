"""Translated texts for the desktop integration (.desktop entry, MIME type, Windows shortcut and file type).

The English texts are declared once, with ``N_()``, in ``gp_tool/ui/about.py`` (so Babel extracts them
into the app's catalogues and the About dialog uses the same words). This module reads them from that
file's syntax tree rather than importing it, so packaging needs neither Qt nor a display, and
translates them with the app's own catalogues (``gp_tool.i18n.catalog``).
"""

from __future__ import annotations

import ast
from typing import Final

from gp_tool.i18n.catalog import LANGUAGES, translator
from installer.bundle import PACKAGE

ABOUT_MODULE: Final = PACKAGE / "ui" / "about.py"
NAMES: Final = ("SUMMARY", "GENERIC_NAME", "KEYWORDS", "CASE_FILE_TYPE")


def english() -> dict[str, str]:
    """``{constant name: English msgid}`` for :data:`NAMES`, as written in about.py."""
    tree = ast.parse(ABOUT_MODULE.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.AnnAssign | ast.Assign):
            continue
        targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
        value = node.value
        for target in targets:
            if (
                isinstance(target, ast.Name)
                and target.id in NAMES
                and isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id == "N_"
                and len(value.args) == 1
                and isinstance(value.args[0], ast.Constant)
                and isinstance(value.args[0].value, str)
            ):
                found[target.id] = value.args[0].value
    missing = [name for name in NAMES if name not in found]
    if missing:
        raise ValueError(f"{ABOUT_MODULE}: no N_() text for {', '.join(missing)}")
    return found


def translated(name: str) -> dict[str, str]:
    """``{language: text}`` for one of :data:`NAMES` in every app language (nb, nn, en)."""
    msgid = english()[name]
    return {lang: translator(lang).gettext(msgid) for lang in LANGUAGES}
