"""What a rule is and what it finds: severities, NAV outcomes, rule specs and findings.

A :class:`RuleSpec` is a declared object (style habit 2): id, tree, severity, NAV's outcome, legal
reference, a message for the GP and a description (English msgids, translated at the edge), the case
inputs and parameters it uses, its source, and the pure check that finds it. A check returns
:class:`Hit` values - the placeholders of the message, the inputs it used (JSON-able) and the case
fields concerned - and the engine turns each into a :class:`Finding`.

Severity (contracts §3): ``BLOCK`` must be fixed before the note is sent (every NAV ``INVALID`` and
the tool's stricter legal checks); ``WARN`` for NAV's ``MANUAL_PROCESSING`` and payment consequences;
``INFO`` for facts the GP should know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from gp_tool.i18n.catalog import translator
from gp_tool.i18n.formatting import format_date, format_number, format_percent_value
from gp_tool.i18n.markers import N_
from gp_tool.rules.legal import LegalRef

if TYPE_CHECKING:
    from gp_tool.rules.context import Context

__all__ = [
    "NAV_TREES",
    "OUTCOME_NAMES",
    "SEVERITY_NAMES",
    "TREE_NAMES",
    "Check",
    "Finding",
    "Hit",
    "Msg",
    "NavOutcome",
    "Percent",
    "RuleSpec",
    "Severity",
    "Tree",
    "json_value",
]


class Severity(StrEnum):
    BLOCK = "BLOCK"
    WARN = "WARN"
    INFO = "INFO"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK: Final = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


class NavOutcome(StrEnum):
    """The result of NAV's receiving rules (regulus-regula ``RuleStatus``)."""

    OK = "OK"
    INVALID = "INVALID"
    MANUAL_PROCESSING = "MANUAL_PROCESSING"


class Tree(StrEnum):
    """NAV's rule trees in the order NAV runs them (regulus-regula ``Regula.kt``), then the tool's own rules."""

    VALIDERING = "VALIDERING"
    PERIODER = "PERIODER"
    HPR = "HPR"
    ARBEIDSUFORHET = "ARBEIDSUFORHET"
    PASIENT_UNDER_13 = "PASIENT_UNDER_13"
    DATO = "DATO"
    TILBAKEDATERING = "TILBAKEDATERING"
    ARBEIDSFOKUS = "ARBEIDSFOKUS"
    """The tool's own legal checks (not NAV rules)."""


NAV_TREES: Final[tuple[Tree, ...]] = (
    Tree.VALIDERING,
    Tree.PERIODER,
    Tree.HPR,
    Tree.ARBEIDSUFORHET,
    Tree.PASIENT_UNDER_13,
    Tree.DATO,
    Tree.TILBAKEDATERING,
)
"""NAV's trees the tool evaluates, in NAV's order (tree 0, suspended doctor, needs NAV's register)."""

SEVERITY_NAMES: Final[dict[Severity, str]] = {
    Severity.BLOCK: N_("Stop"),
    Severity.WARN: N_("Warning"),
    Severity.INFO: N_("Info"),
}

OUTCOME_NAMES: Final[dict[NavOutcome, str]] = {
    NavOutcome.OK: N_("accepted"),
    NavOutcome.INVALID: N_("rejected: a new sick note must be written"),
    NavOutcome.MANUAL_PROCESSING: N_("manual processing by a NAV caseworker"),
}

TREE_NAMES: Final[dict[Tree, str]] = {
    Tree.VALIDERING: N_("Structural validation"),
    Tree.PERIODER: N_("Sick-leave periods"),
    Tree.HPR: N_("Certifying practitioner (HPR)"),
    Tree.ARBEIDSUFORHET: N_("Incapacity for work (diagnosis)"),
    Tree.PASIENT_UNDER_13: N_("Patient under 13"),
    Tree.DATO: N_("Dates"),
    Tree.TILBAKEDATERING: N_("Back-dating"),
    Tree.ARBEIDSFOKUS: N_("The tool's own legal checks"),
}


class Percent(int):
    """A whole percentage: formatted ``50 %`` (nb, nn) or ``50%`` (en)."""

    __slots__ = ()


class Msg(str):
    """A message parameter that is itself an English msgid, translated when the message is shown."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check found: message placeholders, the inputs it used, and the case fields concerned."""

    params: Mapping[str, object] = field(default_factory=dict)
    inputs: Mapping[str, object] = field(default_factory=dict)
    fields: tuple[str, ...] = ()


Check = Callable[["Context"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One declared rule of the catalogue."""

    id: str
    """NAV's rule (outcome) name for NAV rules; the tool's own stable name otherwise."""
    tree: Tree
    severity: Severity
    nav_outcome: NavOutcome | None
    """For NAV rules: INVALID or MANUAL_PROCESSING; None for the tool's own rules."""
    legal: LegalRef
    message: str
    """English msgid for the GP, with ``{placeholders}``."""
    description: str
    """English msgid: what the rule checks, exactly, and its source; uncertainties marked."""
    inputs: tuple[str, ...]
    """Case fields and derived values the rule reads."""
    parameters: tuple[str, ...]
    """Names of the legal parameters it uses (gp_tool/resources/rules/parameters.json)."""
    source: str
    """Where the rule comes from (repository and file, or law)."""
    check: Check = field(repr=False, compare=False)
    nav_juridisk: str | None = None
    """NAV's ``RuleJuridisk`` for the leaf (``INGEN``, ``FOLKETRYGDLOVEN_8_4`` ...); None for own rules."""

    @property
    def legal_ref(self) -> str:
        return self.legal.citation

    @property
    def is_nav(self) -> bool:
        return self.nav_outcome is not None


def _format(value: object, lang: str) -> str:
    if isinstance(value, Msg):
        return translator(lang).gettext(value)
    if isinstance(value, Percent):
        return format_percent_value(int(value), lang)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, int):
        return format_number(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(_format(v, lang) for v in value)
    return str(value)


def json_value(value: object) -> Any:
    """``value`` as JSON: dates as ISO strings, tuples as lists, enums and markers as plain values."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [json_value(v) for v in items]
    if value is None or isinstance(value, float):
        return value
    return str(value)


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule that applies to the case, with everything needed to show and trace it."""

    rule: str
    severity: Severity
    nav_outcome: NavOutcome | None
    legal_ref: str
    message: str
    params: Mapping[str, object]
    """Values for the message's placeholders (dates, numbers, :class:`Percent`, :class:`Msg`)."""
    inputs: Mapping[str, object]
    """The case values and parameter values the rule used, JSON-able (dates as ISO strings)."""
    fields: tuple[str, ...]
    """Case-file paths the finding concerns, e.g. ``sick_note.periods[0].grade``; question answers
    are ``sick_note.answers.<id>``."""
    tree: Tree
    legal: LegalRef

    def text(self, lang: str) -> str:
        """The message in ``lang`` with its placeholders filled (dates and numbers formatted by Babel)."""
        template = translator(lang).gettext(self.message)
        return template.format(**{k: _format(v, lang) for k, v in self.params.items()})

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "nav_outcome": None if self.nav_outcome is None else self.nav_outcome.value,
            "legal_ref": self.legal.text(lang),
            "message": self.text(lang),
            "inputs": json_value(self.inputs),
            "tree": self.tree.value,
            "fields": list(self.fields),
            "message_id": self.message,
            "params": json_value(self.params),
        }
