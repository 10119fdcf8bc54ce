"""Load the gettext catalogues under ``gp_tool/translations`` and translate with them.

Catalogues are ``.po`` files maintained with Babel (``pybabel extract/update``). The build compiles
them to ``.mo``; where a ``.mo`` is missing or older than its ``.po`` (a development checkout), the
``.po`` is compiled in memory, which takes a few milliseconds.

Message ids are English; every language, English included, has a complete catalogue, which a test
enforces. A :class:`Translator` is an immutable value: pass it where text is produced. The UI keeps
the active one and swaps it when the user switches language.
"""

from __future__ import annotations

import functools
import gettext
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Language", "Translator", "catalogue_dir", "translator"]

Language = Literal["nb", "nn", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("nb", "nn", "en")
DEFAULT_LANGUAGE: Final[Language] = "nb"
DOMAIN: Final = "messages"


def catalogue_dir() -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/messages.po`` (inside the installed package).

    Found next to this module rather than through ``importlib.resources``: the catalogue is read
    before the first paint, and importing the resources machinery costs a few ms there. The package
    ships as plain files in every form it runs in (checkout, wheel, PyInstaller's one-folder bundle,
    where ``__file__`` points into the bundle's ``_internal`` folder).
    """
    return Path(__file__).resolve().parent.parent / "translations"


def _load(lang: str) -> gettext.NullTranslations:
    folder = catalogue_dir() / lang / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if po.is_file():  # development checkout without compiled catalogues: compile in memory
        from babel.messages.mofile import write_mo  # noqa: PLC0415 (only needed without .mo files)
        from babel.messages.pofile import read_po  # noqa: PLC0415

        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        return gettext.GNUTranslations(buf)
    return gettext.NullTranslations()


@dataclass(frozen=True)
class Translator:
    """Translate texts into one language. Cheap to pass around; catalogues are cached."""

    language: Language
    _tr: gettext.NullTranslations = field(repr=False, compare=False)

    def gettext(self, message: str) -> str:
        return self._tr.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._tr.ngettext(singular, plural, n)

    def format(self, message: str, /, **params: object) -> str:
        """Translate ``message`` and fill its ``{placeholders}``."""
        return self._tr.gettext(message).format(**params)

    __call__ = gettext


@functools.cache
def translator(language: str = DEFAULT_LANGUAGE) -> Translator:
    """The translator for ``language`` (``nb``, ``nn`` or ``en``); unknown codes raise ValueError."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {', '.join(LANGUAGES)}")
    return Translator(language, _load(language))
