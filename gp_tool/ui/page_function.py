"""Steps 3 and 4: function and screening; referrals and support.

The structured function assessment, the screening forms and the referral proposals are filled in by
the Function issue. From the start these steps already show the job's demands recorded in step 1
(function is judged against them) and the support options a GP should weigh at the same time as
treatment (domain brief §5), so the order of the consultation is visible from day one.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QLabel, QWidget

from gp_tool.i18n.markers import N_
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _
from gp_tool.ui.pages import Section, StepPage
from gp_tool.ui.steps import Step
from gp_tool.ui.widgets import make_label

__all__ = ["SUPPORT_OPTIONS", "FunctionPage", "SupportPage"]

SUPPORT_OPTIONS: Final = (
    (
        N_("Workplace adjustment"),
        N_("Other tasks, hours or aids at work; the employer's duty, agreed in the follow-up plan."),
    ),
    (
        N_("Graded sick leave or travel grant"),
        N_("Keeps the patient in part of the job; a travel grant when only the journey is the problem."),
    ),
    (
        N_("Treatment alongside work"),
        N_("Physiotherapy, psychologist or a low-threshold mental-health service, fitted around work hours."),
    ),
    (
        N_("NAV's work-oriented measures"),
        N_("Expert help for the workplace, work-oriented rehabilitation, or a dialogue meeting sooner."),
    ),
    (
        N_("Occupational health service"),
        N_("When the employer has one: assessment of the workplace and of what can be adjusted."),
    ),
)


class FunctionPage(StepPage):
    """Step 3: the job's demands to measure function against; the assessment comes with the Function issue."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.demands_group = Section("group.function_demands", "none", self)
        self.demands_label = QLabel(self.demands_group)
        self.demands_label.setObjectName("function.demands")
        self.demands_label.setWordWrap(True)
        self.demands_group.body.addWidget(self.demands_label)
        self.assessment_group = Section("group.function_assessment", "none", self)
        self.assessment_label = make_label("muted", self.assessment_group, wrap=True)
        self.assessment_label.setObjectName("page.placeholder")
        self.assessment_group.body.addWidget(self.assessment_label)
        self.content.addWidget(self.demands_group)
        self.content.addWidget(self.assessment_group)
        self.retranslate()

    def case_edited(self, path: str) -> None:
        if path.startswith("work"):
            self.retranslate_content()

    def retranslate_content(self) -> None:
        self.demands_group.retranslate_section(_("What the job demands"))
        demands = self.document.case.work.demands
        self.demands_label.setText(
            "\n".join(f"• {d}" for d in demands) if demands else _("No demands recorded yet (step 1).")
        )
        self.demands_label.setAccessibleName(_("What the job demands"))
        self.assessment_group.retranslate_section(_("Function and screening"))
        self.assessment_label.setText(
            _(
                "The function assessment against each demand, what the patient can still do, and the "
                "screening forms (ÖMPSQ-SF, PHQ-9, GAD-7) will appear here."
            )
        )


class SupportPage(StepPage):
    """Step 4: support to weigh alongside treatment; proposals come with the Function issue."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.options_group = Section("group.support_options", "none", self)
        self.option_labels: list[tuple[QLabel, QLabel]] = []
        for _title, _why in SUPPORT_OPTIONS:
            title = QLabel(self.options_group)
            title.setWordWrap(True)
            why = make_label("why", self.options_group, wrap=True)
            self.options_group.body.addWidget(title)
            self.options_group.body.addWidget(why)
            self.option_labels.append((title, why))
        self.proposals_label = make_label("muted", self, wrap=True)
        self.proposals_label.setObjectName("page.placeholder")
        self.content.addWidget(self.options_group)
        self.content.addWidget(self.proposals_label)
        self.retranslate()

    def retranslate_content(self) -> None:
        self.options_group.retranslate_section(_("Work and treatment at the same time"))
        for (title_label, why_label), (title, why) in zip(self.option_labels, SUPPORT_OPTIONS, strict=True):
            title_label.setText(f"<b>{_(title)}</b>")
            why_label.setText(_(why))
        self.proposals_label.setText(
            _("Proposals from the rules, with their reasons and how to refer, will appear here.")
        )
