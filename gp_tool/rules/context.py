"""What the checks read: the case, ``today``, the parameters, and values derived once per evaluation.

Derived values (case start, timeline, NAV's case start, the back-dating decision, the questions due)
are computed lazily and cached on the context, so each is computed once however many rules use it.
A context belongs to one evaluation; it is not shared or kept.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from gp_tool.codes.lists import CodeLists, code_lists
from gp_tool.domain.case import Case, Diagnosis, DiagnosisSystem, Period
from gp_tool.rules.absence import birth_date, course_of, nav_case_start
from gp_tool.rules.absence import case_start as _case_start
from gp_tool.rules.backdating import BackdatingDecision, decide_backdating
from gp_tool.rules.parameters import Parameters, parameters
from gp_tool.rules.questions import QuestionsDue, questions_due
from gp_tool.rules.timeline import Timeline, timeline_of_course

__all__ = ["Context"]


class Context:
    """The inputs of one evaluation and the values derived from them."""

    def __init__(
        self, case: Case, today: dt.date, params: Parameters | None = None, codes: CodeLists | None = None
    ):
        self.case = case
        self.today = today
        self.params = parameters() if params is None else params
        self._codes = codes
        self.note = case.sick_note
        self.periods: tuple[Period, ...] = tuple(case.sick_note.periods)

    def p(self, name: str) -> int:
        """A numeric parameter in force today."""
        return self.params.number(name, self.today)

    @property
    def codes(self) -> CodeLists:
        return code_lists() if self._codes is None else self._codes

    @cached_property
    def first_fom(self) -> dt.date | None:
        return min((p.from_ for p in self.periods), default=None)

    @cached_property
    def last_tom(self) -> dt.date | None:
        return max((p.to for p in self.periods), default=None)

    @cached_property
    def birth_date(self) -> dt.date | None:
        return birth_date(self.case)

    @cached_property
    def case_start(self) -> dt.date:
        """The case start the tool uses: ``case.case_start`` if given, else NAV's chaining."""
        return _case_start(self.case)

    @cached_property
    def nav_start(self) -> dt.date | None:
        """The case start NAV's rule engine computes (it does not know ``case.case_start``)."""
        if self.first_fom is None:
            return None
        return nav_case_start(self.first_fom, self.case.earlier_sick_notes, self.params, self.today)

    @cached_property
    def timeline(self) -> Timeline:
        course = course_of(self.case, self.case_start)
        return timeline_of_course(
            course, self.birth_date, self.today, self.case.case_start is not None, self.params
        )

    @cached_property
    def backdating(self) -> BackdatingDecision | None:
        return decide_backdating(self.note, self.case.earlier_sick_notes, self.params, self.today)

    @cached_property
    def questions(self) -> QuestionsDue:
        return questions_due(self.note, self.case.earlier_sick_notes, self.params, self.today)

    def code_valid(self, diagnosis: Diagnosis) -> bool:
        """NAV's list check: the code is in its system's list (ICPC-2B via a valid ICPC-2 parent)."""
        return self.codes.is_valid(DiagnosisSystem(diagnosis.system), diagnosis.code)

    def period_path(self, index: int, name: str | None = None) -> str:
        path = f"sick_note.periods[{index}]"
        return path if name is None else f"{path}.{name}"
