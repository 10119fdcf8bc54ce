"""The guidance and plan section of the Decision step (issue 6, point 4).

Webcert shows the FMB guidance *at the field it concerns* (ui-brief a.3): here, right under the
diagnosis, the section shows Helsedirektoratet's diagnosis guidance for the main diagnosis
(:func:`gp_tool.rules.guidance.guidance_for`, domain brief §6) with a link that opens the live page in
the browser (the app itself never goes online), and how many days of full sick leave the case has up to
the end of the new note (:func:`gp_tool.rules.guidance.full_leave_days`). When that runs beyond the
guidance (:func:`gp_tool.rules.guidance.beyond_guidance`) it asks why, as structured reasons
(``plan.guidance_deviation``, after the Swedish FMB qualifiers) and in words
(``plan.guidance_deviation_text``), both for the NAV note (peers §11.5).

Then the plan: prognosis, expected return, treatment, measures at work, what NAV is asked to consider,
and when the GP reassesses (``Case.plan``; NAV note and journal, never the employer).

The section lives on the Decision page because the plan is part of the decision and the deviation
reason belongs beside the periods that cause it; it is a widget of its own so that page stays small.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from gp_tool.domain.assessment import DeviationReason, Prognosis
from gp_tool.domain.case import Case
from gp_tool.i18n.markers import N_
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _, language
from gp_tool.ui.pages import Section, render_problem
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT, DateField, TextArea, buddy_label, make_label

__all__ = ["DEVIATION_LABELS", "PROGNOSIS_LABELS", "PlanSection"]

PROGNOSIS_LABELS: Final = {
    None: N_("Not assessed"),
    Prognosis.GOOD: N_("Good: back in work soon"),
    Prognosis.UNCERTAIN: N_("Uncertain"),
    Prognosis.POOR: N_("Poor: a long course is likely"),
}
DEVIATION_LABELS: Final = {
    DeviationReason.WORK_LOAD: N_("The job's demands are heavy for this condition"),
    DeviationReason.SEVERITY: N_("The condition is more severe than usual"),
    DeviationReason.COMPLICATION: N_("A complication"),
    DeviationReason.COMORBIDITY: N_("Other illness at the same time"),
    DeviationReason.WAITING_FOR_TREATMENT: N_("Waiting for examination or treatment"),
    DeviationReason.OTHER: N_("Another reason (say which below)"),
}
TEXTS: Final = (
    ("treatment", N_("Treatment plan")),
    ("work_measures", N_("Measures at work alongside treatment")),
    ("measures_from_nav", N_("What NAV is asked to consider")),
)


class PlanSection(Section):
    """Guidance for the main diagnosis, the deviation reason when needed, and the plan fields."""

    def __init__(
        self,
        document: CaseDocument,
        register: Callable[[str, QWidget], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("group.plan", "nav", parent)
        self.document = document
        self.today: dt.date | None = None
        self._updating = False
        self.url = ""
        self.labels: dict[str, QLabel] = {}

        self.guidance = make_label("banner-info", self, wrap=True)
        self.guidance.setObjectName("plan.guidance")
        self.guidance.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("plan.guidance_link")
        self.open_button.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_guidance)
        self.body.addWidget(self.guidance)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.body.addLayout(row)

        self.deviation_box = QWidget(self)
        box = QFormLayout(self.deviation_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.deviation_title = make_label("finding-warning", self.deviation_box, wrap=True)
        self.deviation_title.setObjectName("plan.deviation_title")
        box.addRow(self.deviation_title)
        self.deviation: dict[DeviationReason, QCheckBox] = {}
        for reason in DeviationReason:
            check = QCheckBox(self.deviation_box)
            check.setObjectName(f"plan.guidance_deviation.{reason.value}")
            check.toggled.connect(lambda _on: self._commit_deviation())
            box.addRow(check)
            self.deviation[reason] = check
        self.deviation_text = TextArea(self.deviation_box, name="plan.guidance_deviation_text", lines=2)
        self.deviation_text.committed.connect(lambda text: self._edit("plan.guidance_deviation_text", text))
        box.addRow(self._label("guidance_deviation_text", self.deviation_text), self.deviation_text)
        self.body.addWidget(self.deviation_box)

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.prognosis = QComboBox(self)
        self.prognosis.setObjectName("plan.prognosis")
        self.prognosis.setMinimumHeight(MIN_CONTROL_HEIGHT)
        for value in PROGNOSIS_LABELS:
            self.prognosis.addItem("", value.value if value is not None else None)
        self.prognosis.activated.connect(
            lambda _i: self._edit("plan.prognosis", self.prognosis.currentData())
        )
        self.expected_return = DateField(self, name="plan.expected_return")
        self.expected_return.committed.connect(lambda day: self._commit_date("expected_return", day))
        form.addRow(self._label("prognosis", self.prognosis), self.prognosis)
        form.addRow(self._label("expected_return", self.expected_return.edit), self.expected_return)
        self.texts: dict[str, TextArea] = {}
        wrap = QFormLayout()
        wrap.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        wrap.setVerticalSpacing(8)
        for name, _label in TEXTS:
            area = TextArea(self, name=f"plan.{name}", lines=2)
            area.setMinimumWidth(480)
            area.committed.connect(lambda text, n=name: self._edit(f"plan.{n}", text))
            wrap.addRow(self._label(name, area), area)
            self.texts[name] = area
        self.reassess_on = DateField(self, name="plan.reassess_on")  # after the texts: tab order
        self.reassess_on.committed.connect(lambda day: self._commit_date("reassess_on", day))
        form2 = QFormLayout()
        form2.setHorizontalSpacing(16)
        form2.addRow(self._label("reassess_on", self.reassess_on.edit), self.reassess_on)
        self.problem = make_label("field-error", self, wrap=True)
        self.problem.setObjectName("plan.problem")
        self.problem.hide()
        self.body.addLayout(form)
        self.body.addLayout(wrap)
        self.body.addLayout(form2)
        self.body.addWidget(self.problem)

        register("plan.prognosis", self.prognosis)
        register("plan.expected_return", self.expected_return.edit)
        register("plan.reassess_on", self.reassess_on.edit)
        for name, area in self.texts.items():
            register(f"plan.{name}", area)
        register("plan.guidance_deviation", self.deviation[DeviationReason.WORK_LOAD])
        register("plan.guidance_deviation_text", self.deviation_text)
        register("plan", self.prognosis)

    def _label(self, key: str, buddy: QWidget) -> QLabel:
        self.labels[key] = label = buddy_label("label:plan." + key, buddy, self)
        return label

    def inputs(self) -> list[QWidget]:
        """The inputs in reading order (for the page's tab order)."""
        return [
            self.open_button,
            *self.deviation.values(),
            self.deviation_text,
            self.prognosis,
            self.expected_return.edit,
            *self.texts.values(),
            self.reassess_on.edit,
        ]

    # ------------------------------------------------------------------ editing
    def _edit(self, path: str, value: Any) -> None:
        if self._updating:
            return
        problems = self.document.edit(path, value)
        self.problem.setText("\n".join(f"✕ {p.field}: {render_problem(p)}" for p in problems))
        self.problem.setVisible(bool(problems))

    def _commit_date(self, name: str, day: Any) -> None:
        if self._updating:
            return
        if day == "invalid":
            self.problem.setText(
                f"✕ plan.{name}: " + _("not a valid date: use DD.MM.YYYY, a day that exists")
            )
            self.problem.show()
            return
        self._edit(f"plan.{name}", day.isoformat() if isinstance(day, dt.date) else None)

    def _commit_deviation(self) -> None:
        self._edit(
            "plan.guidance_deviation", [r.value for r, box in self.deviation.items() if box.isChecked()]
        )

    def open_guidance(self) -> bool:
        """Open Helsedirektoratet's page in the browser (the only network use, and it is the browser's)."""
        return bool(self.url) and QDesktopServices.openUrl(QUrl(self.url))

    # ------------------------------------------------------------------ showing
    def refresh(self, case: Case, today: dt.date | None) -> None:
        from gp_tool.rules.guidance import (  # noqa: PLC0415
            beyond_guidance,
            full_leave_days,
            general_guidance,
            guidance_for,
        )

        self.today = today
        lang = language()
        esc = html.escape
        diagnosis = case.sick_note.main_diagnosis
        entry = guidance_for(diagnosis)
        shown = entry or general_guidance()
        lines = []
        if diagnosis is None:
            lines.append(esc(_("No main diagnosis yet: the general advice on sick-leave length.")))
        elif entry is None:
            lines.append(
                esc(
                    _("No guidance for {code}: the general advice on sick-leave length.").format(
                        code=diagnosis.code
                    )
                )
            )
        lines.append(f"<b>{esc(shown.text('title', lang))}</b>")
        lines.append(esc(shown.text("advice", lang)))
        if shown.full_leave_days is not None:
            lines.append(
                esc(_("Full sick leave beyond {days} days: reconsider.").format(days=shown.full_leave_days))
            )
        if shown.review_after_days is not None:
            lines.append(esc(_("Reassess after {days} days.").format(days=shown.review_after_days)))
        days = full_leave_days(case, today or dt.date.today())  # noqa: DTZ011
        lines.append(
            esc(
                _("Full sick leave in this case up to the end of the new note: {days} days.").format(
                    days=days
                )
            )
        )
        lines.append(esc(_("Source: {source}").format(source=shown.source)))
        self.guidance.setText("<br>".join(lines))
        self.guidance.setAccessibleName(_("Diagnosis guidance"))
        self.url = shown.url
        self.open_button.setEnabled(bool(self.url))
        self.open_button.setToolTip(_("Opens {url} in your browser").format(url=self.url) if self.url else "")

        beyond = beyond_guidance(case, today or dt.date.today())  # noqa: DTZ011
        plan = case.plan
        self.deviation_box.setVisible(
            beyond or bool(plan and (plan.guidance_deviation or plan.guidance_deviation_text))
        )
        if beyond and shown.full_leave_days is not None:
            self.deviation_title.setText(
                "! "
                + _(
                    "Full sick leave ({days} days) runs beyond the guidance ({limit} days). Why? (NAV only)"
                ).format(days=days, limit=shown.full_leave_days)
            )
        else:
            self.deviation_title.setText(_("Why the full sick leave runs beyond the guidance (NAV only)"))
        self._updating = True
        try:
            for reason, box in self.deviation.items():
                box.setChecked(bool(plan and reason in plan.guidance_deviation))
            self.deviation_text.set_text(plan.guidance_deviation_text if plan else "")
            prognosis = plan.prognosis.value if plan and plan.prognosis else None
            self.prognosis.setCurrentIndex(max(0, self.prognosis.findData(prognosis)))
            self.expected_return.today = self.reassess_on.today = today
            self.expected_return.set_date(plan.expected_return if plan else None)
            self.reassess_on.set_date(plan.reassess_on if plan else None)
            for name, area in self.texts.items():
                area.set_text(getattr(plan, name) if plan else "")
        finally:
            self._updating = False

    def retranslate(self) -> None:
        self.retranslate_section(_("Guidance and plan"))
        self.open_button.setText(_("Open the guidance at Helsedirektoratet (browser)"))
        for reason, text in DEVIATION_LABELS.items():
            self.deviation[reason].setText(_(text))
        texts = {
            "guidance_deviation_text": _("The reason in your words (NAV only)"),
            "prognosis": _("Prognosis for return to work"),
            "expected_return": _("Expected back in (part of) the job"),
            "reassess_on": _("Reassess on"),
            **{name: _(label) for name, label in TEXTS},
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
            buddy = self.labels[key].buddy()
            if buddy is not None:
                buddy.setAccessibleName(text)
        for i, label in enumerate(PROGNOSIS_LABELS.values()):
            self.prognosis.setItemText(i, _(label))
