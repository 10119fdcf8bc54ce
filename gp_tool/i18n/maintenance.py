"""Keep the gettext catalogues complete and current (used by ``scripts/i18n.py`` and the tests).

* :func:`extract` reads every translatable text in ``gp_tool`` (``_``, ``N_``, ``gettext``,
  ``ngettext``) into a catalogue, exactly as ``pybabel extract -F babel.cfg`` would.
* :func:`update` rewrites ``messages.pot`` and merges it into each language's ``messages.po``,
  keeping translations, adding new ids untranslated and dropping ids no longer used. Fuzzy
  matching is off: a changed source text must be translated again, not guessed.
* :func:`check` lists every defect a release must not have: a stale template, a missing or fuzzy
  translation, or a translation whose placeholders differ from its source.
* :func:`compile_all` writes the ``.mo`` files the app loads (the app can also compile in memory).

Output is deterministic (sorted, no dates, no source locations) so a stale catalogue shows in a diff.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from gp_tool.i18n.catalog import DOMAIN, LANGUAGES

__all__ = ["check", "compile_all", "extract", "fill", "placeholders", "update"]

KEYWORDS: Final = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
_FIXED_DATE: Final = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_PROJECT: Final = "Arbeidsfokus"
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%\([A-Za-z_]+\)[sdr]|%[sdr]")


def placeholders(text: str) -> list[str]:
    """The ``{name}`` and ``%``-style placeholders of a message, sorted."""
    return sorted(_PLACEHOLDER.findall(text))


def extract(package_dir: Path) -> Catalog:
    catalog = Catalog(project=_PROJECT, creation_date=_FIXED_DATE, revision_date=_FIXED_DATE, fuzzy=False)
    method_map = [("**.py", "python")]
    for _filename, _lineno, message, _comments, context in extract_from_dir(
        str(package_dir), method_map=method_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        catalog.add(message, None, context=context)
    return catalog


def _dump(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(
        buf, catalog, omit_header=False, no_location=True, sort_output=True, width=100, include_previous=False
    )
    return buf.getvalue()


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def update(package_dir: Path, translations_dir: Path, languages: Iterable[str] = LANGUAGES) -> list[Path]:
    """Rewrite the template and merge it into every language; return the files that changed."""
    template = extract(package_dir)
    changed: list[Path] = []
    targets: list[tuple[Path, bytes]] = [(translations_dir / f"{DOMAIN}.pot", _dump(template))]
    for lang in languages:
        po_path = translations_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po_path.exists():
            catalog = _read(po_path, lang)
        else:
            catalog = Catalog(locale=lang, project=_PROJECT, creation_date=_FIXED_DATE, fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        catalog.creation_date = _FIXED_DATE
        catalog.revision_date = _FIXED_DATE
        catalog.fuzzy = False
        targets.append((po_path, _dump(catalog)))
    for path, data in targets:
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            changed.append(path)
    return changed


def _texts(value: object) -> list[str]:
    if isinstance(value, (tuple, list)):
        return [str(v) for v in value]
    return [str(value or "")]


def _message_defects(lang: str, message: Message) -> list[str]:
    ids = _texts(message.id)
    strs = _texts(message.string)
    label = ids[0][:60].replace("\n", "\\n")
    if message.fuzzy:
        return [f"{lang}: fuzzy: {label!r}"]
    if not all(strs):
        return [f"{lang}: missing translation: {label!r}"]
    expected = placeholders(ids[0])
    return [
        f"{lang}: placeholders differ in {label!r}: {placeholders(s)} vs {expected}"
        for s in strs
        if placeholders(s) != expected
    ]


def check(package_dir: Path, translations_dir: Path, languages: Iterable[str] = LANGUAGES) -> list[str]:
    """Every catalogue defect, one line each; an empty list means release-ready."""
    template = extract(package_dir)
    defects: list[str] = []
    pot = translations_dir / f"{DOMAIN}.pot"
    if not pot.exists() or pot.read_bytes() != _dump(template):
        defects.append("messages.pot is stale: run `python scripts/i18n.py update`")
    wanted = {m.id for m in template if m.id}
    for lang in languages:
        po_path = translations_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po_path.exists():
            defects.append(f"{lang}: {po_path.name} is missing")
            continue
        catalog = _read(po_path, lang)
        have = {m.id for m in catalog if m.id}
        defects.extend(
            f"{lang}: not in catalogue: {str(mid)[:60]!r}" for mid in sorted(wanted - have, key=str)
        )
        defects.extend(f"{lang}: obsolete entry: {str(mid)[:60]!r}" for mid in sorted(have - wanted, key=str))
        for message in catalog:
            if message.id and message.id in wanted:
                defects.extend(_message_defects(lang, message))
    return defects


def compile_all(translations_dir: Path, languages: Iterable[str] = LANGUAGES) -> list[Path]:
    written = []
    for lang in languages:
        folder = translations_dir / lang / "LC_MESSAGES"
        catalog = _read(folder / f"{DOMAIN}.po", lang)
        with (folder / f"{DOMAIN}.mo").open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        written.append(folder / f"{DOMAIN}.mo")
    return written


def fill(translations_dir: Path, entries: dict[str, dict[str, str | list[str]]]) -> list[str]:
    """Set translations from ``{msgid: {"nb": text, "nn": text, "en": text}}``; return unknown ids.

    A plural message takes a list of forms. English defaults to the source text. Only ids already
    in the catalogues (run :func:`update` first) are filled; the others are returned.
    """
    unknown: set[str] = set()
    for lang in LANGUAGES:
        po_path = translations_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = _read(po_path, lang)
        for msgid, texts in entries.items():
            message = catalog.get(msgid)
            if message is None:
                unknown.add(msgid)
                continue
            text = texts.get(lang)
            if text is None and lang == "en":
                text = list(message.id) if isinstance(message.id, (tuple, list)) else str(message.id)
            if text is None:
                continue
            message.string = tuple(text) if isinstance(text, list) else text
            message.flags.discard("fuzzy")
        data = _dump(catalog)
        if po_path.read_bytes() != data:
            po_path.write_bytes(data)
    return sorted(unknown)
