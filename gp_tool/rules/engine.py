"""Evaluate every rule on a case and keep the trace (style habit 4).

:func:`evaluate` runs all declared rules (:data:`gp_tool.rules.catalogue.RULES`) on the new sick note
and returns an :class:`Evaluation`: every finding, sorted BLOCK, WARN, INFO and then in catalogue
order; the outcome NAV's engine would reach; the week 7/17/39 questions due; and the timeline.

NAV's outcome is computed as NAV's engine runs (regulus-regula ``Regula.kt``, domain brief §3.1):
the trees in NAV's order, stopping at the first tree that is not OK; inside a tree the first rule in
tree order that fires decides. Since the rules of each tree are declared in that order, the decisive
rule of a tree is its first finding. The tool's own rules never change NAV's outcome.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gp_tool.domain.case import Case
from gp_tool.i18n.catalog import translator
from gp_tool.rules.catalogue import RULES, RULES_VERSION
from gp_tool.rules.context import Context
from gp_tool.rules.model import NAV_TREES, OUTCOME_NAMES, Finding, NavOutcome, Severity, Tree, json_value
from gp_tool.rules.parameters import PARAMETERS_LAST_CHECKED, Parameters
from gp_tool.rules.questions import QuestionsDue
from gp_tool.rules.timeline import Timeline

__all__ = ["Evaluation", "TreeResult", "evaluate"]


@dataclass(frozen=True, slots=True)
class TreeResult:
    """What one of NAV's trees would decide, and by which rule."""

    tree: Tree
    outcome: NavOutcome
    rule: str | None
    reached: bool
    """False for the trees NAV's engine would not run because an earlier tree was not OK."""

    def to_json(self) -> dict[str, Any]:
        return {
            "tree": self.tree.value,
            "outcome": self.outcome.value,
            "rule": self.rule,
            "reached": self.reached,
        }


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The result of :func:`evaluate`: findings, NAV's outcome, questions due, timeline."""

    findings: tuple[Finding, ...]
    nav_outcome: NavOutcome
    questions_due: tuple[str, ...]
    timeline: Timeline
    today: dt.date
    nav_rule: str | None
    """The rule that decides NAV's outcome (None when it is OK)."""
    nav_trees: tuple[TreeResult, ...]
    questions: QuestionsDue
    case_start: dt.date
    nav_case_start: dt.date | None
    """The case start NAV's engine computes (16-day chaining, without ``case.case_start``)."""
    rules_version: str = RULES_VERSION

    @property
    def blocked(self) -> bool:
        """True when at least one finding is BLOCK (``gp-tool check`` exits with 1)."""
        return any(f.severity is Severity.BLOCK for f in self.findings)

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    def to_json(self, lang: str) -> dict[str, Any]:
        """Contracts §3 ``check --json``, with the trace added (extra keys)."""
        tr = translator(lang)
        return {
            "nav_outcome": self.nav_outcome.value,
            "nav_outcome_text": tr.gettext(OUTCOME_NAMES[self.nav_outcome]),
            "nav_rule": self.nav_rule,
            "findings": [f.to_json(lang) for f in self.findings],
            "questions_due": list(self.questions_due),
            "questions_required": list(self.questions.required),
            "questions_weeks": list(self.questions.weeks),
            "blocked": self.blocked,
            "nav_trees": [t.to_json() for t in self.nav_trees],
            "today": self.today.isoformat(),
            "case_start": self.case_start.isoformat(),
            "nav_case_start": None if self.nav_case_start is None else self.nav_case_start.isoformat(),
            "rules_version": self.rules_version,
            "parameters_last_checked": PARAMETERS_LAST_CHECKED.isoformat(),
            "timeline": self.timeline.to_json(lang),
        }


def _parameter_values(ctx: Context, names: tuple[str, ...]) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in names:
        value = ctx.params[name].at(ctx.today)
        values[name] = list(value) if isinstance(value, tuple) else value
    return values


def evaluate(case: Case, today: dt.date, params: Parameters | None = None) -> Evaluation:
    """Evaluate every rule on ``case``'s new sick note as of ``today``. Pure: no clock, no disk."""
    ctx = Context(case, today, params)
    ranked: list[tuple[int, int, Finding]] = []
    for index, spec in enumerate(RULES):
        for hit in spec.check(ctx):
            inputs: dict[str, object] = dict(hit.inputs)
            if spec.parameters:
                inputs["parameters"] = _parameter_values(ctx, spec.parameters)
            finding = Finding(
                rule=spec.id,
                severity=spec.severity,
                nav_outcome=spec.nav_outcome,
                legal_ref=spec.legal.citation,
                message=spec.message,
                params=dict(hit.params),
                inputs=json_value(inputs),
                fields=hit.fields,
                tree=spec.tree,
                legal=spec.legal,
            )
            ranked.append((spec.severity.rank, index, finding))
    in_tree_order = [f for _, _, f in sorted(ranked, key=lambda r: r[1])]
    trees: list[TreeResult] = []
    outcome, deciding = NavOutcome.OK, None
    for tree in NAV_TREES:
        first = next((f for f in in_tree_order if f.tree is tree and f.nav_outcome is not None), None)
        tree_outcome = NavOutcome.OK if first is None else first.nav_outcome
        assert tree_outcome is not None
        reached = outcome is NavOutcome.OK
        trees.append(TreeResult(tree, tree_outcome, None if first is None else first.rule, reached))
        if reached and first is not None:
            outcome, deciding = tree_outcome, first.rule
    findings = tuple(f for _, _, f in sorted(ranked, key=lambda r: (r[0], r[1])))
    return Evaluation(
        findings=findings,
        nav_outcome=outcome,
        questions_due=ctx.questions.ids,
        timeline=ctx.timeline,
        today=today,
        nav_rule=deciding,
        nav_trees=tuple(trees),
        questions=ctx.questions,
        case_start=ctx.case_start,
        nav_case_start=ctx.nav_start,
    )
