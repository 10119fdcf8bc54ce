"""The catalogues are complete: a missing, fuzzy or placeholder-mismatched entry fails CI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from gp_tool.i18n import catalog as catalog_module
from gp_tool.i18n.catalog import LANGUAGES, translator
from gp_tool.i18n.formatting import format_date, format_number, format_percent_value
from gp_tool.i18n.maintenance import _message_defects, check, placeholders

PACKAGE = Path(catalog_module.__file__).resolve().parent.parent
TRANSLATIONS = PACKAGE / "translations"


def test_catalogues_are_complete_current_and_consistent() -> None:
    defects = check(PACKAGE, TRANSLATIONS)
    assert defects == [], "\n".join(defects[:40])


@pytest.mark.parametrize(
    ("msgid", "msgstr", "fuzzy", "expected"),
    [
        ("the file is empty", "fila er tom", False, []),
        ("the file is empty", "", False, ["nn: missing translation: 'the file is empty'"]),
        ("the file is empty", "fila er tom", True, ["nn: fuzzy: 'the file is empty'"]),
        (
            "{path} does not exist",
            "{sti} finst ikkje",
            False,
            ["nn: placeholders differ in '{path} does not exist': ['{sti}'] vs ['{path}']"],
        ),
        (
            "unrecognized arguments: %s",
            "ukjende argument",
            False,
            ["nn: placeholders differ in 'unrecognized arguments: %s': [] vs ['%s']"],
        ),
    ],
)
def test_the_gate_catches_each_kind_of_defect(
    msgid: str, msgstr: str, fuzzy: bool, expected: list[str]
) -> None:
    message = Message(msgid, msgstr, flags=["fuzzy"] if fuzzy else [])
    assert _message_defects("nn", message) == expected


def test_the_gate_catches_a_message_missing_from_a_catalogue(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text('_("Save")\nN_("Open")\n', encoding="utf-8")
    from babel.messages.pofile import write_po

    translations = tmp_path / "translations"
    from gp_tool.i18n.maintenance import update

    update(package, translations, languages=["nn"])
    po = translations / "nn" / "LC_MESSAGES" / "messages.po"
    cat = Catalog(locale="nn")
    cat.add("Save", "Lagre")  # "Open" left out
    with po.open("wb") as fh:
        write_po(fh, cat)
    defects = check(package, translations, languages=["nn"])
    assert "nn: not in catalogue: 'Open'" in defects


def test_placeholder_parsing() -> None:
    assert placeholders("{a} and %(b)s and %s, {a}") == ["%(b)s", "%s", "{a}", "{a}"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_translates_a_known_message(lang: str) -> None:
    expected = {"nb": "filen er tom", "nn": "fila er tom", "en": "the file is empty"}[lang]
    assert translator(lang).gettext("the file is empty") == expected


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language 'sv'"):
        translator("sv")


@pytest.mark.parametrize(
    ("lang", "long", "short"),
    [
        ("nb", "26. oktober 2026", "26.10.2026"),
        ("nn", "26. oktober 2026", "26.10.2026"),
        ("en", "26 October 2026", "26/10/2026"),
    ],
)
def test_dates_follow_the_language(lang: str, long: str, short: str) -> None:
    day = dt.date(2026, 10, 26)
    assert format_date(day, lang) == long
    assert format_date(day, lang, "short") == short


def test_numbers_follow_the_language() -> None:
    assert format_number(1234.5, "nb") == "1\xa0234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_percent_value(40, "nn") == "40\xa0%"
    assert format_percent_value(40, "en") == "40%"
