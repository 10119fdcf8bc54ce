"""The window's active language: one :class:`~gp_tool.i18n.catalog.Translator` swapped at run time.

Every visible string is written ``_("English msgid")`` so that Babel extracts it; ``_`` looks the
message up in the active translator. :func:`set_language` swaps the translator, installs Qt's own
catalogue for Qt's own texts (file dialogs, standard buttons, context menus: Qt ships
``qtbase_nn.qm``; for bokmål, which Qt lacks, we ship ``translations/qt/qtbase_nb.ts``, compiled in
the build step), and sends ``QEvent.LanguageChange`` to every top-level
widget, whose ``changeEvent`` re-sets its texts (tech.md §8: ``sendEvent``, not ``postEvent``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from gp_tool.i18n.catalog import DEFAULT_LANGUAGE, LANGUAGES, Translator, catalogue_dir, translator

__all__ = ["LANGUAGE_NAMES", "_", "active", "language", "next_language", "set_language"]

LANGUAGE_NAMES: Final[dict[str, str]] = {
    # Each language is named in itself, so a user can find their own in any language.
    "nb": "Norsk bokmål",
    "nn": "Norsk nynorsk",
    "en": "English",
}


class _State:
    translator: Translator = translator(DEFAULT_LANGUAGE)
    qt_translator: QTranslator | None = None


def _(message: str) -> str:
    """``message`` (an English msgid) in the active language."""
    return _State.translator.gettext(message)


def active() -> Translator:
    return _State.translator


def language() -> str:
    return _State.translator.language


def next_language(current: str | None = None) -> str:
    """The language after ``current`` in the cycle nb → nn → en → nb."""
    lang = current or language()
    return LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]


def _install_qt_translator(app: QCoreApplication, lang: str) -> None:
    if _State.qt_translator is not None:
        app.removeTranslator(_State.qt_translator)
        _State.qt_translator = None
    if lang == "en":
        return  # English is Qt's own language
    folder = catalogue_dir() / "qt"
    if not (folder / f"qtbase_{lang}.qm").is_file():
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        if not (folder / f"qtbase_{lang}.qm").is_file():
            return
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{lang}", str(folder)):
        app.installTranslator(qt_translator)
        _State.qt_translator = qt_translator


def set_language(lang: str) -> None:
    """Make ``lang`` (nb, nn, en) the active language and re-render every window at once."""
    _State.translator = translator(lang)  # ValueError for an unknown language
    QLocale.setDefault(QLocale(lang))
    app = QCoreApplication.instance()
    if app is None:
        return
    _install_qt_translator(app, lang)
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
