"""The law as code: pure rules of (case, today, parameters) - domain brief §1-§4.

May import gp_tool.domain, gp_tool.codes, gp_tool.clock, gp_tool.i18n, pydantic and stdlib; never Qt,
reportlab, platformdirs or sqlite3 (import-linter enforces it). Legal numbers live in
``gp_tool/resources/rules/parameters.json``; the rule catalogue is :data:`RULES` and is rendered to
``docs/rules.md`` by ``scripts/rules_doc.py``.

Public API::

    evaluate(case, today) -> Evaluation            # every rule, every finding, NAV's outcome, questions, timeline
    build_timeline(case, today) -> Timeline
    timeline_from_start(case_start, today, birth_date=None) -> Timeline
    case_start(case) -> date                       # case.case_start, else NAV's 16-day chaining
    week_and_day(start, day) -> (week, day) | None # the week of the case (the one definition)
    age_at(born, day) -> int                       # the patient's age (the one definition)
    RULES, RULES_VERSION, PARAMETERS_LAST_CHECKED
"""

from gp_tool.rules.absence import EmployerPeriod, case_start
from gp_tool.rules.activity import ActivityPoint, Point, activity_point, point_due
from gp_tool.rules.calendar import age_at, week_and_day
from gp_tool.rules.catalogue import (
    NOT_EVALUATED,
    RULES,
    RULES_VERSION,
    catalogue_json,
    catalogue_markdown,
    rule,
)
from gp_tool.rules.engine import Evaluation, TreeResult, evaluate
from gp_tool.rules.legal import LegalRef
from gp_tool.rules.model import Finding, NavOutcome, RuleSpec, Severity, Tree
from gp_tool.rules.parameters import PARAMETERS_LAST_CHECKED, parameters
from gp_tool.rules.questions import QuestionsDue
from gp_tool.rules.timeline import (
    MaxDate,
    MaxDateBasis,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Timeline,
    build_timeline,
    timeline_from_start,
)

__all__ = [
    "NOT_EVALUATED",
    "PARAMETERS_LAST_CHECKED",
    "RULES",
    "RULES_VERSION",
    "EmployerPeriod",
    "Evaluation",
    "Finding",
    "LegalRef",
    "MaxDate",
    "MaxDateBasis",
    "Milestone",
    "MilestoneKind",
    "MilestoneStatus",
    "NavOutcome",
    "QuestionsDue",
    "RuleSpec",
    "Severity",
    "Timeline",
    "Tree",
    "TreeResult",
    "age_at",
    "build_timeline",
    "case_start",
    "catalogue_json",
    "catalogue_markdown",
    "evaluate",
    "parameters",
    "rule",
    "timeline_from_start",
    "week_and_day",
]

# the 8-week dialogue point and its follow-ups (issue 10)
__all__ += ["ActivityPoint", "Point", "activity_point", "point_due"]

# screening instruments and function against the job (issue 6; api.md §A, §B)
from gp_tool.rules.function import Gap, GradeProposal, gaps, grade_range, neutral_wording  # noqa: E402
from gp_tool.rules.screening import InstrumentInfo, Score, instrument_info, latest_scores, score  # noqa: E402

__all__ += [
    "Gap",
    "GradeProposal",
    "InstrumentInfo",
    "Score",
    "gaps",
    "grade_range",
    "instrument_info",
    "latest_scores",
    "neutral_wording",
    "score",
]

# referral proposals, diagnosis guidance and consistency checks (issue 6, points 3-6)
from gp_tool.rules.guidance import Guidance, beyond_guidance, full_leave_days, guidance_for  # noqa: E402
from gp_tool.rules.referrals import ReferralOption, Route, Suggestion, catalogue, option, suggestions  # noqa: E402

__all__ += [
    "Guidance",
    "ReferralOption",
    "Route",
    "Suggestion",
    "beyond_guidance",
    "catalogue",
    "full_leave_days",
    "guidance_for",
    "option",
    "suggestions",
]
