"""The declared rule catalogue: every rule in evaluation order, its version, and its renderings.

``RULES`` lists NAV's trees in NAV's order (regulus-regula ``Regula.kt``), then the tool's own rules.
``gp-tool rules`` prints :func:`catalogue_markdown` or :func:`catalogue_json`; ``docs/rules.md`` is
:func:`catalogue_document` (all three languages), written by ``scripts/rules_doc.py`` and compared
with the committed file by a test, so the catalogue a NAV doctor reads is always the code's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from gp_tool.i18n.catalog import LANGUAGES, translator
from gp_tool.i18n.formatting import format_date
from gp_tool.i18n.markers import N_
from gp_tool.rules.consistency import CONSISTENCY_RULES
from gp_tool.rules.model import NAV_TREES, OUTCOME_NAMES, SEVERITY_NAMES, TREE_NAMES, RuleSpec, Tree
from gp_tool.rules.nav_rules import BACKDATING_RULES, NAV_RULES
from gp_tool.rules.own_rules import OWN_RULES
from gp_tool.rules.parameters import PARAMETERS_LAST_CHECKED, Parameter, parameters

__all__ = [
    "NOT_EVALUATED",
    "RULES",
    "RULES_VERSION",
    "NotEvaluated",
    "catalogue_document",
    "catalogue_json",
    "catalogue_markdown",
    "rule",
]

RULES_VERSION: Final = "2026.12.0"
"""Version of the rule set: year.month.n; bump on every rule or parameter change (style habit 10)."""

RULES: Final[tuple[RuleSpec, ...]] = (*NAV_RULES, *BACKDATING_RULES, *OWN_RULES, *CONSISTENCY_RULES)

_BY_ID: Final = {spec.id: spec for spec in RULES}
if len(_BY_ID) != len(RULES):  # pragma: no cover - guarded by a test as well
    raise RuntimeError("rule ids must be unique")
_TREE_ORDER: Final = (*NAV_TREES, Tree.ARBEIDSFOKUS)
if [s.tree for s in RULES] != sorted((s.tree for s in RULES), key=_TREE_ORDER.index):  # pragma: no cover
    raise RuntimeError("rules must be declared in tree order")


def rule(rule_id: str) -> RuleSpec:
    """The declared rule with this id (KeyError if none)."""
    return _BY_ID[rule_id]


@dataclass(frozen=True, slots=True)
class NotEvaluated:
    """A NAV rule of domain brief §3.2 that a case file cannot judge, and why."""

    rule: str
    tree: str
    reason: str
    """English msgid."""


_NO_HPR: Final = N_(
    "Needs a lookup in the health-personnel register (HPR), which the tool cannot make offline; the category is taken from the case file."
)

NOT_EVALUATED: Final[tuple[NotEvaluated, ...]] = (
    NotEvaluated(
        "BEHANDLER_SUSPENDERT", "LEGESUSPENSJON", N_("Needs NAV's register of suspended practitioners.")
    ),
    NotEvaluated(
        "UGYLDIG_ORGNR_LENGDE",
        "VALIDERING",
        N_("The case file holds no organisation number for the practice."),
    ),
    NotEvaluated(
        "PAPIRSYKMELDING", "VALIDERING", N_("The tool prepares digital sick notes, never paper ones.")
    ),
    NotEvaluated(
        "UGYLDIG_REGELSETTVERSJON",
        "VALIDERING",
        N_("Concerns the ruleset version of an EPJ message, which the case file does not have."),
    ),
    NotEvaluated(
        "MANGLENDE_DYNAMISKE_SPOERSMAL_VERSJON2_UKE_39",
        "VALIDERING",
        N_(
            "Applies only to the legacy ruleset version 2; the tool's own rule UTDYPENDE_OPPLYSNINGER_MANGLER checks the week-39 questions."
        ),
    ),
    NotEvaluated("BEHANDLER_IKKE_I_HPR", "HPR", _NO_HPR),
    NotEvaluated("BEHANDLER_IKKE_GYLDIG_I_HPR", "HPR", _NO_HPR),
    NotEvaluated("BEHANDLER_MANGLER_AUTORISASJON_I_HPR", "HPR", _NO_HPR),
    NotEvaluated("BEHANDLER_IKKE_LE_KI_MT_TL_FT_I_HPR", "HPR", _NO_HPR),
)

_UNIT_NAMES: Final = {
    "days": N_("days"),
    "weeks": N_("weeks"),
    "months": N_("months"),
    "years": N_("years"),
    "percent": N_("per cent"),
    "words": N_("words"),
}


def _value_text(param: Parameter) -> str:
    value = param.values[-1].value
    return ", ".join(str(v) for v in value) if isinstance(value, tuple) else str(value)


def _spec_json(spec: RuleSpec, lang: str) -> dict[str, Any]:
    tr = translator(lang)
    return {
        "id": spec.id,
        "tree": spec.tree.value,
        "severity": spec.severity.value,
        "nav_outcome": None if spec.nav_outcome is None else spec.nav_outcome.value,
        "legal_ref": spec.legal.text(lang),
        "legal": spec.legal.to_json(),
        "nav_juridisk": spec.nav_juridisk,
        "message": tr.gettext(spec.message),
        "description": tr.gettext(spec.description),
        "inputs": list(spec.inputs),
        "parameters": list(spec.parameters),
        "source": spec.source,
    }


def catalogue_json(lang: str) -> dict[str, Any]:
    """The whole catalogue as JSON (``gp-tool rules --format json``)."""
    tr = translator(lang)
    return {
        "rules_version": RULES_VERSION,
        "parameters_last_checked": PARAMETERS_LAST_CHECKED.isoformat(),
        "nav_tree_order": [t.value for t in NAV_TREES],
        "rules": [_spec_json(spec, lang) for spec in RULES],
        "parameters": [p.to_json() for p in parameters().values()],
        "not_evaluated": [
            {"rule": n.rule, "tree": n.tree, "reason": tr.gettext(n.reason)} for n in NOT_EVALUATED
        ],
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _parameter_rows(lang: str) -> list[str]:
    tr = translator(lang)
    headers = (
        N_("Parameter"),
        N_("Value"),
        N_("Unit"),
        N_("Legal reference"),
        N_("Valid from"),
        N_("Last checked"),
    )
    rows = ["| " + " | ".join(tr.gettext(h) for h in headers) + " |", "|---|---|---|---|---|---|"]
    for p in parameters().values():
        ref = p.legal_ref.text(lang) if p.legal_ref is not None else "—"
        unit = tr.gettext(_UNIT_NAMES[p.unit])
        rows.append(
            f"| `{p.name}` | {_value_text(p)} | {unit} | {ref} | {p.values[-1].valid_from.isoformat()} | {p.last_checked.isoformat()} |"
        )
    return rows


def catalogue_markdown(lang: str) -> str:
    """The catalogue in one language, as Markdown (``gp-tool rules --format md``)."""
    tr = translator(lang)
    _ = tr.gettext
    out = [
        "# " + _("Rules catalogue"),
        "",
        tr.format(
            N_("Rules version {version}; parameters last checked {date}."),
            version=RULES_VERSION,
            date=format_date(PARAMETERS_LAST_CHECKED, lang),
        ),
        "",
        _(
            "NAV's receiving rules run tree by tree in NAV's order and stop at the first tree that is not OK; the tool evaluates every rule and lists every finding, and reports the outcome NAV's engine would reach."
        ),
        "",
    ]
    for tree in _TREE_ORDER:
        specs = [s for s in RULES if s.tree is tree]
        out += [f"## {_(TREE_NAMES[tree])} (`{tree.value}`)", ""]
        for spec in specs:
            outcome = f" · NAV: `{spec.nav_outcome.value}`" if spec.nav_outcome is not None else ""
            out += [
                f"### `{spec.id}`",
                "",
                f"**{_(SEVERITY_NAMES[spec.severity])}** (`{spec.severity.value}`){outcome} · {spec.legal.text(lang)}",
                "",
                _(spec.message),
                "",
                _(spec.description),
                "",
                _("Inputs") + ": " + ", ".join(f"`{i}`" for i in spec.inputs),
            ]
            if spec.parameters:
                out.append(_("Parameters") + ": " + ", ".join(f"`{p}`" for p in spec.parameters))
            out += [_("Source") + ": " + spec.source, ""]
    out += ["## " + _("NAV rules the tool does not evaluate"), ""]
    out += [f"- `{n.rule}` ({n.tree}): {_(n.reason)}" for n in NOT_EVALUATED]
    out += ["", "## " + _("Parameters"), "", *_parameter_rows(lang), ""]
    return "\n".join(out)


_LANGUAGE_LABELS: Final = {"nb": "nb", "nn": "nn", "en": "en"}


def catalogue_document() -> str:
    """``docs/rules.md``: every rule with id, tree, severity, NAV outcome, legal reference, inputs,
    parameters and source, and its message and description in nb, nn and en."""
    en = translator("en")
    out = [
        "# Rules catalogue (generated)",
        "",
        "<!-- Generated by `python scripts/rules_doc.py` from gp_tool.rules; do not edit by hand. -->",
        "",
        f"Rules version **{RULES_VERSION}**; parameters last checked **{PARAMETERS_LAST_CHECKED.isoformat()}**.",
        "",
        en.gettext(
            "NAV's receiving rules run tree by tree in NAV's order and stop at the first tree that is not OK; the tool evaluates every rule and lists every finding, and reports the outcome NAV's engine would reach."
        ),
        "Severity: `BLOCK` must be fixed before the note is sent (every NAV `INVALID` and the tool's stricter legal checks); `WARN` for NAV's `MANUAL_PROCESSING` and payment consequences; `INFO` for facts the GP should know.",
        "",
        "| Rule | Tree | Severity | NAV outcome | Legal reference |",
        "|---|---|---|---|---|",
    ]
    for spec in RULES:
        outcome = spec.nav_outcome.value if spec.nav_outcome is not None else "—"
        out.append(
            f"| [`{spec.id}`](#{spec.id.lower()}) | {spec.tree.value} | {spec.severity.value} | {outcome} | {spec.legal.citation} |"
        )
    out.append("")
    for tree in _TREE_ORDER:
        out += [f"## {en.gettext(TREE_NAMES[tree])} (`{tree.value}`)", ""]
        for spec in (s for s in RULES if s.tree is tree):
            outcome = spec.nav_outcome.value if spec.nav_outcome is not None else "— (the tool's own rule)"
            out += [
                f"### {spec.id}",
                "",
                f"- Severity: `{spec.severity.value}`; NAV outcome: `{outcome}`",
                "- Legal reference: "
                + ("none" if spec.legal.is_none else spec.legal.citation)
                + (f" (NAV `RuleJuridisk.{spec.nav_juridisk}`)" if spec.nav_juridisk else ""),
                "- Inputs: " + ", ".join(f"`{i}`" for i in spec.inputs),
            ]
            if spec.parameters:
                out.append("- Parameters: " + ", ".join(f"`{p}`" for p in spec.parameters))
            out += [f"- Source: {spec.source}", ""]
            out += ["| | Message for the GP | What the rule checks |", "|---|---|---|"]
            for lang in LANGUAGES:
                tr = translator(lang)
                out.append(
                    f"| {_LANGUAGE_LABELS[lang]} | {_cell(tr.gettext(spec.message))} | {_cell(tr.gettext(spec.description))} |"
                )
            out.append("")
    out += ["## NAV rules not evaluated", "", "| Rule | Tree | Why (en) |", "|---|---|---|"]
    out += [f"| `{n.rule}` | {n.tree} | {_cell(en.gettext(n.reason))} |" for n in NOT_EVALUATED]
    out += ["", "## Outcomes", ""]
    out += [f"- `{o.value}`: {en.gettext(OUTCOME_NAMES[o])}" for o in OUTCOME_NAMES]
    out += ["", "## Parameters", "", *_parameter_rows("en"), ""]
    out += ["Sources of the parameters:", ""]
    for p in parameters().values():
        note = f" {p.note}" if p.note else ""
        out.append(f"- `{p.name}`: {p.source}.{note}")
    out.append("")
    return "\n".join(out)
