"""The eight steps of the consultation (issue 5, ui-brief b.4), declared as data.

The order carries the strategy: work and function before the decision, the least absent option first,
NAV's questions only when due, and the notes last. Titles and texts are English msgids marked with
``N_`` and translated when shown. ``fields`` are the case-file path prefixes whose findings point into
the step (a finding on ``sick_note.periods[0].grade`` belongs to step 5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from gp_tool.i18n.markers import N_

__all__ = ["STEPS", "Step", "step_index", "step_of_field"]


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    purpose: str
    fields: tuple[str, ...] = ()


STEPS: Final[tuple[Step, ...]] = (
    Step(
        "patient",
        N_("Patient and work"),
        N_("The work first: what the job demands, and how the patient sees work and health."),
        ("patient", "work", "sykmelder"),
    ),
    Step(
        "timeline",
        N_("Where the case stands"),
        N_("The case from day 1 to the benefit end date: earlier notes, deadlines, and what is due now."),
        ("case_start", "earlier_sick_notes"),
    ),
    Step(
        "function",
        N_("Function and screening"),
        N_("What the patient can still do, measured against the demands of the job."),
        ("function", "screening"),
    ),
    Step(
        "support",
        N_("Referrals and support"),
        N_("Treatment and work at the same time: what can help the patient stay in work or return."),
        ("referrals", "measures"),
    ),
    Step(
        "decision",
        N_("Decision"),
        N_("The least absent option that works: periods, diagnosis, and why."),
        ("sick_note",),
    ),
    Step(
        "nav_questions",
        N_("NAV's questions"),
        N_("The additional information NAV asks for in weeks 7, 17 and 39, when it is due."),
        ("sick_note.answers",),
    ),
    Step(
        "messages",
        N_("Messages"),
        N_("What the employer is told, and what NAV is asked for."),
        ("sick_note.message_to_employer", "sick_note.message_to_nav"),
    ),
    Step(
        "notes",
        N_("Notes"),
        N_("What NAV and the employer will see, side by side; then print and copy to the record."),
        (),
    ),
)

_INDEX: Final = re.compile(r"\[\d+\]")


def step_index(key: str) -> int:
    """The position of the step with ``key``."""
    for i, step in enumerate(STEPS):
        if step.key == key:
            return i
    raise KeyError(key)


def step_of_field(path: str) -> int:
    """The step that shows the case field ``path`` (the longest matching prefix wins; step 5 else)."""
    bare = _INDEX.sub("", path)
    best, best_len = step_index("decision"), -1
    for i, step in enumerate(STEPS):
        for prefix in step.fields:
            if (bare == prefix or bare.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    return best
