"""One screening form (ÖMPSQ-SF, WAS, PHQ-9 or GAD-7): items, live score, signal and the GP's opinion.

The item texts, anchors, bands, formula, source and licence come from
:func:`gp_tool.rules.screening.instrument_info` (peers §7), in the window's language. Each answer is a
spin box: Tab to it, type the number (``10`` for ÖMPSQ-SF's top), Tab on; ↑/↓ step; the lowest value
"–" means *left blank*. The score, its band and whether it signals a risk are computed by
:func:`gp_tool.rules.screening.score` as the answers are typed, with the formula beside them.

A score is a signal, not a decision (Webcert's SRS own-opinion row, ui-brief a.3): the GP says whether
they agree with the signal, with a comment. The answers are stored as one
:class:`~gp_tool.domain.assessment.ScreeningResult` in ``Case.screening``: the form edits the newest
result of its instrument, or appends one when the first answer is given; *New form* starts another
(the earlier ones stay, listed under the form as history).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gp_tool.domain.assessment import INSTRUMENT_ITEMS, EnteredBy, Instrument, ScreeningResult
from gp_tool.i18n.formatting import format_date
from gp_tool.ui.i18n import _, language
from gp_tool.ui.pages import render_problem
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT, DateField, make_label, set_role

if TYPE_CHECKING:
    from gp_tool.rules.screening import InstrumentInfo, ItemText, Score
    from gp_tool.ui.document import CaseDocument

__all__ = ["ScreeningForm", "item_anchors", "item_text", "newest_index"]

AGREE_CHOICES: Final = (None, True, False)


def item_text(item: ItemText, lang: str) -> str:
    """The text of one item of an instrument in ``lang``."""
    return item.text_in(lang)


def item_anchors(item: ItemText, lang: str) -> str:
    """What the answers mean: every labelled answer ("0 = Not at all · 1 = Several days · …"), or the
    two ends of a 0–10 scale."""
    options = item.options_in(lang)
    if options:
        return " · ".join(f"{item.minimum + i} = {text}" for i, text in enumerate(options))
    low, high = item.anchors_in(lang)
    return f"{item.minimum} = {low} · {item.maximum} = {high}" if low or high else ""


def newest_index(
    results: list[ScreeningResult] | tuple[ScreeningResult, ...], instrument: Instrument
) -> int | None:
    """Index of the newest result of ``instrument`` (the later one on the same date), or None."""
    best: int | None = None
    for i, result in enumerate(results):
        if result.instrument is instrument and (best is None or result.date >= results[best].date):
            best = i
    return best


class _AnswerBox(QSpinBox):
    """An answer ``lowest``..``highest``, or "–" (blank) just below; typing replaces the value."""

    def __init__(self, lowest: int, highest: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blank = lowest - 1
        self.setRange(self.blank, highest)
        self.setSpecialValueText("–")
        self.setValue(self.blank)
        self.setKeyboardTracking(False)
        self.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.setMinimumWidth(72)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def answer(self) -> int | None:
        return None if self.value() == self.blank else self.value()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()  # a typed digit replaces the answer, whatever brought the focus here

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit() and self.value() == self.blank:
            self.lineEdit().clear()  # "–" is not part of a number
        super().keyPressEvent(event)

    def set_answer(self, answer: int | None) -> None:
        self.setValue(self.blank if answer is None or answer < self.blank else answer)


class ScreeningForm(QWidget):
    """The form of one instrument; ``score_changed`` after each answer, with the tab title to show."""

    score_changed = Signal(str)

    def __init__(self, instrument: Instrument, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gp_tool.rules.screening import instrument_info  # noqa: PLC0415

        self.instrument = instrument
        self.document = document
        self.info: InstrumentInfo = instrument_info(instrument)
        self.today: dt.date | None = None
        self.index: int | None = None  # the result in case.screening this form edits
        self._updating = False
        count = INSTRUMENT_ITEMS[instrument][0]
        key = instrument.value.lower()
        self.setObjectName(f"screening.{key}")

        self.title = make_label("", self, wrap=True)
        self.title.setObjectName(f"screening.{key}.title")
        self.about = make_label("muted", self, wrap=True)  # source and licence
        self.about.setObjectName(f"screening.{key}.source")
        self.about.setTextInteractionFlags(  # links by mouse; Tab never stops in a label
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.about.setOpenExternalLinks(True)
        self.instruction = make_label("", self, wrap=True)
        self.instruction.setObjectName(f"screening.{key}.instruction")

        top = QFormLayout()
        top.setHorizontalSpacing(16)
        top.setVerticalSpacing(8)
        self.date_field = DateField(self, name=f"screening.{key}.date")
        self.date_field.committed.connect(self._commit_date)
        self.entered_by = QComboBox(self)
        self.entered_by.setObjectName(f"screening.{key}.entered_by")
        self.entered_by.setMinimumHeight(MIN_CONTROL_HEIGHT)
        for who in EnteredBy:
            self.entered_by.addItem("", who.value)
        self.entered_by.activated.connect(lambda _i: self.commit())
        self.date_label = QLabel(self)
        self.date_label.setBuddy(self.date_field.edit)
        self.entered_label = QLabel(self)
        self.entered_label.setBuddy(self.entered_by)
        top.addRow(self.date_label, self.date_field)
        top.addRow(self.entered_label, self.entered_by)

        items = QFormLayout()
        items.setHorizontalSpacing(16)
        items.setVerticalSpacing(6)
        items.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.item_labels: list[QLabel] = []
        self.anchor_labels: list[QLabel] = []
        self.answers: list[_AnswerBox] = []
        for i in range(count):
            item = self.info.items[i]
            box = _AnswerBox(item.minimum, item.maximum, self)
            box.setObjectName(f"screening.{key}.answers[{i}]")
            box.valueChanged.connect(self._answer_changed)
            label = QLabel(self)
            label.setWordWrap(True)
            label.setBuddy(box)
            anchors = make_label("muted", self, wrap=True)
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(box)
            row.addWidget(anchors, 1)
            items.addRow(label, row)
            self.item_labels.append(label)
            self.anchor_labels.append(anchors)
            self.answers.append(box)

        self.score_label = make_label("banner-info", self, wrap=True)
        self.score_label.setObjectName(f"screening.{key}.score")
        self.formula = make_label("muted", self, wrap=True)
        self.formula.setObjectName(f"screening.{key}.formula")
        self.agree = QComboBox(self)
        self.agree.setObjectName(f"screening.{key}.gp_agrees")
        self.agree.setMinimumHeight(MIN_CONTROL_HEIGHT)
        for _choice in AGREE_CHOICES:
            self.agree.addItem("")
        self.agree.activated.connect(lambda _i: self.commit())
        self.comment = QLineEdit(self)
        self.comment.setObjectName(f"screening.{key}.comment")
        self.comment.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.comment.setMaxLength(500)
        self.comment.editingFinished.connect(self.commit)
        self.agree_label = QLabel(self)
        self.agree_label.setBuddy(self.agree)
        self.comment_label = QLabel(self)
        self.comment_label.setBuddy(self.comment)
        opinion = QFormLayout()
        opinion.setHorizontalSpacing(16)
        opinion.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        opinion.addRow(self.agree_label, self.agree)
        opinion.addRow(self.comment_label, self.comment)

        self.problem = make_label("field-error", self, wrap=True)
        self.problem.hide()
        self.new_button = QPushButton(self)
        self.new_button.setObjectName(f"screening.{key}.new")
        self.new_button.setAutoDefault(False)
        self.new_button.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.new_button.clicked.connect(self.start_new)
        self.history = make_label("muted", self, wrap=True)
        self.history.setObjectName(f"screening.{key}.history")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.about)
        layout.addWidget(self.instruction)
        layout.addLayout(top)
        layout.addLayout(items)
        layout.addWidget(self.score_label)
        layout.addWidget(self.formula)
        layout.addLayout(opinion)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.history)

    # ------------------------------------------------------------------ state
    def current_result(self) -> ScreeningResult | None:
        results = self.document.case.screening or []
        if self.index is not None and 0 <= self.index < len(results):
            return results[self.index]
        return None

    def _draft(self) -> ScreeningResult:
        """The form as a result (not stored); used for the live score."""
        stored = self.current_result()
        return ScreeningResult(
            instrument=self.instrument,
            date=self.date_field.date() or (stored.date if stored else None) or self.today or dt.date.today(),  # noqa: DTZ011
            answers=[box.answer() for box in self.answers],
            entered_by=EnteredBy(self.entered_by.currentData() or EnteredBy.GP.value),
            gp_agrees=AGREE_CHOICES[max(0, self.agree.currentIndex())],
            comment=self.comment.text()[:500],
        )

    def score(self) -> Score:
        from gp_tool.rules.screening import score  # noqa: PLC0415

        return score(self._draft())

    # ------------------------------------------------------------------ editing
    def _answer_changed(self, _value: int) -> None:
        if self._updating:
            return
        self.commit()

    def _commit_date(self, day: Any) -> None:
        if self._updating:
            return
        if day == "invalid" or day is None:
            self._show_problem(_("not a valid date: use DD.MM.YYYY, a day that exists"))
            return
        self.commit()

    def commit(self) -> None:
        """Store the form in ``Case.screening`` (appending a result if it has none yet)."""
        if self._updating:
            return
        draft = self._draft()
        stored = self.current_result()
        if (
            stored is None
            and all(a is None for a in draft.answers)
            and draft.gp_agrees is None
            and not draft.comment
        ):
            self.show_score()
            return
        value = draft.model_dump(mode="json")
        if stored is not None and self.index is not None:
            problems = self.document.edit(f"screening[{self.index}]", value)
        else:
            count = len(self.document.case.screening or [])

            def append(doc: dict[str, Any]) -> None:
                doc.setdefault("screening", [])
                if doc["screening"] is None:
                    doc["screening"] = []
                doc["screening"].append(value)

            problems = self.document.edit_document(f"screening[{count}]", append)
            if not problems:
                self.index = count
        self._show_problem("\n".join(f"✕ {render_problem(p)}" for p in problems))
        self.show_score()

    def start_new(self) -> None:
        """A blank form dated today; the earlier result stays in the case."""
        self.index = None
        self._updating = True
        try:
            for box in self.answers:
                box.set_answer(None)
            self.date_field.set_date(self.today)
            self.entered_by.setCurrentIndex(0)
            self.agree.setCurrentIndex(0)
            self.comment.clear()
        finally:
            self._updating = False
        self.show_score()
        self.refresh_history()
        self.answers[0].setFocus()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # ------------------------------------------------------------------ showing
    def set_case(self, today: dt.date | None) -> None:
        """Show the newest result of the instrument in the case (or a blank form)."""
        self.today = today
        self.date_field.today = today
        self.index = newest_index(self.document.case.screening or [], self.instrument)
        self.refresh()

    def refresh(self) -> None:
        result = self.current_result()
        self._updating = True
        try:
            for i, box in enumerate(self.answers):
                box.set_answer(result.answers[i] if result is not None else None)
            self.date_field.set_date(result.date if result is not None else self.today)
            by = result.entered_by if result is not None else EnteredBy.GP
            self.entered_by.setCurrentIndex(max(0, self.entered_by.findData(by.value)))
            agrees = result.gp_agrees if result is not None else None
            self.agree.setCurrentIndex(AGREE_CHOICES.index(agrees))
            if not self.comment.hasFocus():
                self.comment.setText(result.comment if result is not None else "")
        finally:
            self._updating = False
        self.show_score()
        self.refresh_history()

    def tab_title(self) -> str:
        score = self.score()
        short = self.info.short_name
        if score.total is None:
            if all(box.answer() is None for box in self.answers):
                return _("{name} · not filled in").format(name=short)
            return _("{name} · incomplete").format(name=short)
        mark = " ⚑" if score.signal else ""
        return _("{name} · {score} of {max}").format(name=short, score=score.total, max=score.maximum) + mark

    def show_score(self) -> None:
        score = self.score()
        info = self.info
        if score.total is None:
            answered = sum(box.answer() is not None for box in self.answers)
            text = _("Not scored yet: {answered} of {count} items answered, {missing} blank.").format(
                answered=answered, count=len(self.answers), missing=score.missing
            )
            role = "banner-info"
        else:
            band = (
                _("{band} ({low}–{high})").format(
                    band=_(score.band.label), low=score.band.low, high=score.band.high
                )
                if score.band is not None
                else _("no band")
            )
            text = _("Score {score} of {max} · {band}").format(
                score=score.total, max=score.maximum, band=band
            )
            if info.cut_off is not None:
                signal = (
                    _("Signal: yes (cut-off {cut_off})")
                    if score.signal
                    else _("Signal: no (cut-off {cut_off})")
                ).format(cut_off=info.cut_off)
                text += "\n" + ("⚑ " if score.signal else "") + signal
            if score.missing:
                text += "\n" + _("{missing} blank items (scored as the formula says).").format(
                    missing=score.missing
                )
            role = "banner-warning" if score.signal else "banner-success"
        self.score_label.setText(text)
        self.score_label.setAccessibleName(text)
        set_role(self.score_label, role)
        self.score_changed.emit(self.tab_title())

    def refresh_history(self) -> None:
        from gp_tool.rules.screening import score  # noqa: PLC0415

        lang = language()
        lines = []
        for i, result in enumerate(self.document.case.screening or []):
            if result.instrument is not self.instrument or i == self.index:
                continue
            s = score(result)
            total = "–" if s.total is None else str(s.total)
            band = f" · {_(s.band.label)}" if s.band is not None else ""
            lines.append(
                _("{date}: {score} of {max}{band}").format(
                    date=format_date(result.date, lang, "short"), score=total, max=s.maximum, band=band
                )
            )
        self.history.setText(
            _("Earlier forms:") + "\n" + "\n".join(lines) if lines else _("No earlier forms.")
        )

    def retranslate(self) -> None:
        info, lang = self.info, language()
        name = _(info.name)
        if info.short_name not in name:
            name = f"{name} ({info.short_name})"
        self.title.setText(_("Form: {name}").format(name=name))
        self.title.setAccessibleName(self.title.text())
        self.about.setText(
            _("Source: {source}").format(source=info.source)
            + "\n"
            + _("Licence: {licence}").format(licence=_(info.licence))
        )
        self.formula.setText(_("How it is scored: {formula}").format(formula=_(info.formula)))
        self.date_label.setText(_("Filled &in on"))
        self.entered_label.setText(_("Entered &by"))
        for who in EnteredBy:
            index = self.entered_by.findData(who.value)
            self.entered_by.setItemText(
                index, _("The GP, with the patient") if who is EnteredBy.GP else _("The patient, on the form")
            )
        self.instruction.setText(info.instruction.get(lang, ""))
        for i, (label, anchors) in enumerate(zip(self.item_labels, self.anchor_labels, strict=True)):
            item = info.items[i]
            text = item_text(item, lang)
            label.setText(f"{i + 1}. {text}")
            anchors.setText(item_anchors(item, lang))
            self.answers[i].setAccessibleName(_("Item {number}: {text}").format(number=i + 1, text=text))
            self.answers[i].setToolTip(anchors.text())
        self.agree_label.setText(_("Do you a&gree with this signal?"))
        for i, text in enumerate((_("Not decided"), _("Yes, I agree"), _("No, I do not agree"))):
            self.agree.setItemText(i, text)
        self.comment_label.setText(_("Co&mment"))
        self.comment.setPlaceholderText(_("Why you agree or not; what else you know"))
        self.new_button.setText(_("Ne&w form (today)"))
        self.new_button.setToolTip(_("Start a blank form; this one stays in the case as history"))
        self.date_field.edit.setAccessibleName(_("Filled in on"))
        self.entered_by.setAccessibleName(_("Entered by"))
        self.agree.setAccessibleName(_("Do you agree with this signal?"))
        self.comment.setAccessibleName(_("Comment"))
        self.show_score()
        self.refresh_history()
