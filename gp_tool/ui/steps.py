"""The eight steps of the consultation window (ui-brief b.4), declared as data.

Titles and texts are English msgids marked with ``N_`` and translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from gp_tool.i18n.markers import N_

__all__ = ["STEPS", "Step"]


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    purpose: str
    placeholder: str = ""  # what a later issue will put here; empty when the page has content


STEPS: Final[tuple[Step, ...]] = (
    Step("patient", N_("Patient and work"), N_("Who the patient is and where they work.")),
    Step(
        "timeline",
        N_("Where the case stands"),
        N_("Earlier sick notes and the new one, period by period."),
    ),
    Step(
        "diagnosis",
        N_("Diagnosis and function"),
        N_("What limits the patient at work, and what they can still do."),
        N_("Diagnosis search, the function assessment and screening forms will appear here."),
    ),
    Step("sick_note", N_("The sick note"), N_("Kind, grade, dates and diagnosis of the new sick note.")),
    Step(
        "nav_questions",
        N_("NAV's questions"),
        N_("The additional information NAV asks for in weeks 7, 17 and 39."),
        N_("NAV's questions will appear here when they are due."),
    ),
    Step(
        "measures",
        N_("Measures and referrals"),
        N_("What can help the patient stay in work or return to it."),
        N_("Proposed measures and referrals will appear here."),
    ),
    Step(
        "messages",
        N_("Messages"),
        N_("What the employer and NAV are told."),
        N_("The advice to the employer and the message to NAV will appear here."),
    ),
    Step(
        "preview",
        N_("Preview and print"),
        N_("Check what the employer and NAV will see, then print."),
        N_("The side-by-side preview and printing will appear here."),
    ),
)
