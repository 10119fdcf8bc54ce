"""Dates and numbers formatted by Babel (CLDR) for nb, nn and en."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal, format_percent

__all__ = ["babel_locale", "format_date", "format_number", "format_percent_value", "format_period"]

# English in a Norwegian clinic: British conventions (26 October 2026, 26/10/2026), not American.
_BABEL_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def babel_locale(language: str) -> str:
    """The CLDR locale used to format dates and numbers for an app language."""
    return _BABEL_LOCALES.get(language, language)


def format_date(day: dt.date, language: str, width: str = "long") -> str:
    """``26. oktober 2026`` (nb/nn, long), ``26 October 2026`` (en, long); ``26.10.2026`` (short)."""
    return _babel_format_date(day, format=width, locale=babel_locale(language))


def format_period(start: dt.date, end: dt.date, language: str) -> str:
    """An inclusive date range in the short form, e.g. ``15.09.2026–28.09.2026``."""
    return f"{format_date(start, language, 'short')}–{format_date(end, language, 'short')}"


def format_number(value: float, language: str) -> str:
    """``1 234,5`` in nb/nn (no-break space), ``1,234.5`` in en."""
    return format_decimal(value, locale=babel_locale(language))


def format_percent_value(percent: float, language: str) -> str:
    """A percentage given as 0–100, e.g. ``50 %`` in nb/nn and ``50%`` in en."""
    return format_percent(percent / 100, locale=babel_locale(language))
