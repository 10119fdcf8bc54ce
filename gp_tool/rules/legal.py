"""Structured legal references: law, section (§), ledd and punktum, rendered the way Norwegian lawyers cite.

``LegalRef("ftrl", "8-8", 2)`` is cited ``ftrl § 8-8 (2)``; with a punktum, ``ftrl § 8-7 (2) 2. pkt.``
(the bracketed number is the ledd, as Lovdata numbers them). The abbreviations are the Norwegian ones
in every language: a NAV doctor reads ``ftrl`` and ``aml`` whether the app speaks nb, nn or en.

NAV attaches a legal reference (``RuleJuridisk``) to each leaf of its rule trees; many leaves carry
``INGEN`` (none). :data:`NONE` stands for that: it is cited as ``ingen lovhenvisning (NAV: INGEN)``
and translated when shown (:meth:`LegalRef.text`). Source: navikt/regulus-regula
``regula/src/main/kotlin/no/nav/tsm/regulus/regula/dsl/RuleJuridisk.kt`` (domain brief §3.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from gp_tool.i18n.catalog import translator
from gp_tool.i18n.markers import N_

__all__ = ["LAWS", "NONE", "LegalRef"]

#: Laws the tool cites, by the abbreviation used in citations, with their full Norwegian title.
LAWS: Final[dict[str, str]] = {
    "ftrl": "lov 28. februar 1997 nr. 19 om folketrygd (folketrygdloven)",
    "aml": "lov 17. juni 2005 nr. 62 om arbeidsmiljø, arbeidstid og stillingsvern mv. (arbeidsmiljøloven)",
}

_NONE_CITATION: Final = "ingen lovhenvisning (NAV: INGEN)"
_NONE_TEXT: Final = N_("no legal reference (NAV: INGEN)")


@dataclass(frozen=True, slots=True)
class LegalRef:
    """A reference to a law: ``law`` abbreviation (a key of :data:`LAWS`), ``section``, ``ledd``, ``punktum``.

    ``law`` is empty only for :data:`NONE`. ``ledd`` and ``punktum`` are 1-based, as in the law text.
    """

    law: str
    section: str = ""
    ledd: int | None = None
    punktum: int | None = None

    def __post_init__(self) -> None:
        if self.law and self.law not in LAWS:
            raise ValueError(f"unknown law {self.law!r}; known: {', '.join(LAWS)}")
        if self.law and not self.section:
            raise ValueError("a legal reference needs a section")
        if not self.law and (self.section or self.ledd or self.punktum):
            raise ValueError("the empty reference has no section, ledd or punktum")
        if self.punktum is not None and self.ledd is None:
            raise ValueError("a punktum needs its ledd")
        for part in (self.ledd, self.punktum):
            if part is not None and part < 1:
                raise ValueError("ledd and punktum count from 1")

    @property
    def is_none(self) -> bool:
        """True for NAV's ``INGEN``: the rule has no statutory reference."""
        return not self.law

    @property
    def citation(self) -> str:
        """The canonical (Norwegian) citation, e.g. ``ftrl § 8-7 (2) 2. pkt.``."""
        if self.is_none:
            return _NONE_CITATION
        text = f"{self.law} § {self.section}"
        if self.ledd is not None:
            text += f" ({self.ledd})"
        if self.punktum is not None:
            text += f" {self.punktum}. pkt."
        return text

    def text(self, lang: str) -> str:
        """The citation for display in ``lang``: statutory citations are the same in every language."""
        if self.is_none:
            return translator(lang).gettext(_NONE_TEXT)
        return self.citation

    def to_json(self) -> dict[str, object]:
        return {
            "law": self.law or None,
            "section": self.section or None,
            "ledd": self.ledd,
            "punktum": self.punktum,
        }

    def __str__(self) -> str:
        return self.citation


NONE: Final = LegalRef("")
"""NAV's ``RuleJuridisk.INGEN``: the rule tree leaf carries no legal reference."""
