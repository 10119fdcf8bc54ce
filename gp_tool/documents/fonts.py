"""The TrueType fonts embedded in every PDF (DejaVu Sans, shipped in ``gp_tool/resources/fonts``).

A shipped font makes æ, ø and å print and extract the same on every machine, with no system font
(tech brief §4). Registration parses the font files once per process (about 20 ms); reportlab then
embeds only the glyphs each document uses.
"""

from __future__ import annotations

import functools
import io
from importlib import resources
from typing import Final

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["BOLD", "REGULAR", "font_bytes", "register_fonts"]

REGULAR: Final = "DejaVuSans"
BOLD: Final = "DejaVuSans-Bold"
_FILES: Final = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def font_bytes(name: str) -> bytes:
    """The raw TTF file of a registered font name (for the Qt preview, which loads the same font)."""
    return (resources.files("gp_tool") / "resources" / "fonts" / _FILES[name]).read_bytes()


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces with reportlab (idempotent); returns their names."""
    for name in _FILES:
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(font_bytes(name))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
