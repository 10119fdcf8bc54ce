"""Dates and numbers formatted by Babel (CLDR) for nb, nn and en.

Start-up (issue 5): the window's first frame shows a short date and a whole percentage in its header.
For those two, the CLDR patterns of our three locales are written out below, so the first paint does
not load Babel's locale data (30 ms and 4 MB); tests/ui/test_startup.py checks them against Babel for
every whole percentage and for dates across centuries. Everything else goes to Babel, imported on
first use.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

__all__ = ["babel_locale", "format_date", "format_number", "format_percent_value", "format_period"]

# English in a Norwegian clinic: British conventions (26 October 2026, 26/10/2026), not American.
_BABEL_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}

# CLDR 47 "short" date patterns and percent patterns ("#,##0 %" with a no-break space; en_GB "#,##0%").
_SHORT_DATE: Final = {
    "nb": "{d:02d}.{m:02d}.{y}",
    "nn": "{d:02d}.{m:02d}.{y}",
    "en": "{d:02d}/{m:02d}/{y}",
}
_PERCENT: Final = {"nb": "{n}\u00a0%", "nn": "{n}\u00a0%", "en": "{n}%"}


def babel_locale(language: str) -> str:
    """The CLDR locale used to format dates and numbers for an app language."""
    return _BABEL_LOCALES.get(language, language)


def format_date(day: dt.date, language: str, width: str = "long") -> str:
    """``26. oktober 2026`` (nb/nn, long), ``26 October 2026`` (en, long); ``26.10.2026`` (short)."""
    if width == "short" and language in _SHORT_DATE:
        return _SHORT_DATE[language].format(d=day.day, m=day.month, y=day.year)
    from babel.dates import format_date as babel_format_date  # noqa: PLC0415

    return babel_format_date(day, format=width, locale=babel_locale(language))


def format_period(start: dt.date, end: dt.date, language: str) -> str:
    """An inclusive date range in the short form, e.g. ``15.09.2026–28.09.2026``."""
    return f"{format_date(start, language, 'short')}–{format_date(end, language, 'short')}"


def format_number(value: float, language: str) -> str:
    """``1 234,5`` in nb/nn (no-break space), ``1,234.5`` in en."""
    from babel.numbers import format_decimal  # noqa: PLC0415

    return format_decimal(value, locale=babel_locale(language))


def format_percent_value(percent: float, language: str) -> str:
    """A percentage given as 0–100, e.g. ``50 %`` in nb/nn and ``50%`` in en."""
    if language in _PERCENT and float(percent).is_integer() and 0 <= percent < 1000:
        return _PERCENT[language].format(n=int(percent))
    from babel.numbers import format_percent  # noqa: PLC0415

    return format_percent(percent / 100, locale=babel_locale(language))
