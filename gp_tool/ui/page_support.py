"""Step 4, referrals and support: treatment and work at the same time (domain brief §5, issue 6).

One tree holds three groups, so the whole step is one keyboard target:

* **Proposed for this case** — :func:`gp_tool.rules.referrals.suggestions`, each with its reason and
  source (the proposal rule id is in the detail pane);
* **Your local services** — the practice's own list (:mod:`gp_tool.settings.local_services`), edited in
  the *Local services* dialog (button here, or File → Local services…);
* **All options in the catalogue** — :func:`gp_tool.rules.referrals.catalogue`, searchable; options
  NAV no longer offers are marked *history only* and cannot be proposed.

The detail pane shows, for the option under the cursor, the target group, the route, what the GP
should know, the source and, for a proposal, why. What became of an option is recorded with one key
in the tree — ``1`` planned, ``2`` done, ``3`` declined, ``4`` not relevant, Delete forgets it — or
with the status, date and note fields; each option has one
:class:`~gp_tool.domain.assessment.ReferralRecord` in ``Case.referrals`` (NAV note and journal, never
the employer). A finding on ``referrals[2]`` selects that option.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from gp_tool.domain.assessment import ReferralRecord, ReferralStatus
from gp_tool.domain.case import Case
from gp_tool.i18n.markers import N_
from gp_tool.ui.document import CaseDocument
from gp_tool.ui.i18n import _, language
from gp_tool.ui.pages import Section, StepPage, render_problem
from gp_tool.ui.steps import Step
from gp_tool.ui.widgets import MIN_CONTROL_HEIGHT, DateField, buddy_label, make_label

if TYPE_CHECKING:
    from gp_tool.rules.referrals import ReferralOption, Suggestion
    from gp_tool.settings.local_services import LocalService

__all__ = ["ROUTE_LABELS", "STATUS_KEYS", "STATUS_LABELS", "OptionTree", "SupportPage"]

GROUP_PROPOSED, GROUP_LOCAL, GROUP_CATALOGUE = range(3)
COL_NAME, COL_ROUTE, COL_STATUS = range(3)
ID_ROLE: Final = int(Qt.ItemDataRole.UserRole)

STATUS_LABELS: Final = {
    ReferralStatus.PLANNED: N_("Planned"),
    ReferralStatus.DONE: N_("Done"),
    ReferralStatus.DECLINED: N_("Declined by the patient"),
    ReferralStatus.NOT_RELEVANT: N_("Not relevant"),
}
STATUS_KEYS: Final[dict[int, ReferralStatus]] = {
    Qt.Key.Key_1: ReferralStatus.PLANNED,
    Qt.Key.Key_2: ReferralStatus.DONE,
    Qt.Key.Key_3: ReferralStatus.DECLINED,
    Qt.Key.Key_4: ReferralStatus.NOT_RELEVANT,
}
ROUTE_LABELS: Final = {
    "REFERRAL": N_("GP referral"),
    "SELF_REFERRAL": N_("Self-referral"),
    "VIA_NAV": N_("Via NAV"),
    "VIA_EMPLOYER": N_("Via the employer"),
}


class OptionTree(QTreeWidget):
    """The options; 1–4 set a status on the current option, Delete forgets it."""

    def __init__(self, page: SupportPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        option_id = item.data(COL_NAME, ID_ROLE) if item is not None else None
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if option_id and mods == Qt.KeyboardModifier.NoModifier:
            if event.key() in STATUS_KEYS:
                self.page.set_status(option_id, STATUS_KEYS[Qt.Key(event.key())])
                event.accept()
                return
            if event.key() in {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}:
                self.page.set_status(option_id, None)
                event.accept()
                return
        super().keyPressEvent(event)


class SupportPage(StepPage):
    """Step 4: proposals, local services and the catalogue, with what became of each option."""

    def __init__(self, step: Step, index: int, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(step, index, document, parent)
        self.labels: dict[str, QLabel] = {}
        self.local: tuple[LocalService, ...] = ()
        self.local_problem = ""
        self._suggestions: tuple[Suggestion, ...] = ()
        self._seen: list[str] = []  # option ids in the proposals group, in order of first appearance
        self._updating = False
        self.group = Section("group.support", "nav", self)
        group = self.group
        self.intro = make_label("muted", group, wrap=True)
        self.tree = OptionTree(self, group)
        self.tree.setObjectName("referrals")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setMinimumHeight(300)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(COL_ROUTE, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda _new, _old: self._show_detail())
        self.tree_label = self._label("tree", self.tree, group)
        for _g in range(3):
            top = QTreeWidgetItem(self.tree)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            top.setFirstColumnSpanned(True)  # group titles use the whole width
            top.setExpanded(True)
        self.search = QLineEdit(group)
        self.search.setObjectName("referrals.search")
        self.search.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search_label = self._label("search", self.search, group)
        self.keys_help = make_label("muted", group, wrap=True)
        self.detail = make_label("", group, wrap=True)
        self.detail.setObjectName("referrals.detail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setOpenExternalLinks(True)
        self.detail.setTextInteractionFlags(  # links by mouse; Tab never stops in a label
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.detail.setMinimumHeight(80)

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.status = QComboBox(group)
        self.status.setObjectName("referrals.status")
        self.status.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.status.addItem("", None)
        for status in ReferralStatus:
            self.status.addItem("", status.value)
        self.status.activated.connect(lambda _i: self._commit_fields())
        self.date = DateField(group, name="referrals.date")
        self.date.committed.connect(lambda _day: self._commit_fields())
        self.note = QLineEdit(group)
        self.note.setObjectName("referrals.note")
        self.note.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.note.setMaxLength(500)
        self.note.editingFinished.connect(self._commit_fields)
        form.addRow(self._label("status", self.status, group), self.status)
        form.addRow(self._label("date", self.date.edit, group), self.date)
        form.addRow(self._label("note", self.note, group), self.note)
        self.problem = make_label("field-error", group, wrap=True)
        self.problem.hide()
        self.local_button = QPushButton(group)
        self.local_button.setObjectName("referrals.local_services")
        self.local_button.setMinimumHeight(MIN_CONTROL_HEIGHT)
        self.local_button.setAutoDefault(False)
        self.local_button.clicked.connect(self.edit_local_services)
        self.summary = make_label("muted", group, wrap=True)
        self.summary.setObjectName("referrals.summary")

        group.body.addWidget(self.intro)
        group.body.addWidget(self.tree_label)
        group.body.addWidget(self.tree)
        group.body.addWidget(self.keys_help)
        search_row = QFormLayout()  # under the list: the list takes the focus first (reading order)
        search_row.addRow(self.search_label, self.search)
        group.body.addLayout(search_row)
        group.body.addWidget(self.detail)
        group.body.addLayout(form)
        group.body.addWidget(self.problem)
        group.body.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.local_button)
        row.addStretch(1)
        group.body.addLayout(row)
        self.content.addWidget(group)
        self.register("referrals", self.tree)
        self.first_focus = self.tree
        # the inputs were created in reading order; the step buttons go last
        QWidget.setTabOrder(self.local_button, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.next_button)
        self.load_local_services()
        self.retranslate()

    def _top(self, group: int) -> QTreeWidgetItem:
        item = self.tree.topLevelItem(group)
        if item is None:
            raise LookupError(group)
        return item

    @staticmethod
    def _child(top: QTreeWidgetItem, k: int) -> QTreeWidgetItem:
        item = top.child(k)
        if item is None:
            raise LookupError(k)
        return item

    def _label(self, key: str, buddy: QWidget, parent: QWidget) -> QLabel:
        self.labels[key] = label = buddy_label("label:referrals." + key, buddy, parent)
        return label

    # ------------------------------------------------------------------ data
    def load_local_services(self) -> None:
        from gp_tool.domain.problems import ProblemError  # noqa: PLC0415
        from gp_tool.settings.local_services import load  # noqa: PLC0415

        try:
            self.local, self.local_problem = load(), ""
        except ProblemError as exc:
            self.local = ()
            self.local_problem = "\n".join(f"✕ {render_problem(p)}" for p in exc.problems)

    def record(self, option_id: str) -> tuple[int, ReferralRecord] | None:
        for i, record in enumerate(self.document.case.referrals or []):
            if record.option == option_id:
                return i, record
        return None

    def option_name(self, option_id: str) -> str:
        from gp_tool.rules.referrals import option  # noqa: PLC0415

        if option_id.startswith("local:"):
            for service in self.local:
                if service.id == option_id:
                    return service.name
            return option_id
        found = option(option_id)
        return found.text("name", language()) if found is not None else option_id

    def current_option(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(COL_NAME, ID_ROLE) if item is not None else None
        return str(value) if value else None

    # ------------------------------------------------------------------ editing
    def set_status(
        self,
        option_id: str,
        status: ReferralStatus | None,
        *,
        day: dt.date | None = None,
        note: str | None = None,
    ) -> None:
        """Record what became of ``option_id`` (None: forget it); the date defaults to today."""
        found = self.record(option_id)

        def change(doc: dict[str, Any]) -> None:
            records = doc.get("referrals")
            if not isinstance(records, list):
                records = doc["referrals"] = []
            if status is None:
                if found is not None:
                    del records[found[0]]
                return
            old = records[found[0]] if found is not None else {}
            new = {
                "option": option_id,
                "status": status.value,
                "date": (day or (dt.date.fromisoformat(old["date"]) if old.get("date") else self.today)),
                "note": old.get("note", "") if note is None else note,
            }
            new["date"] = new["date"].isoformat() if isinstance(new["date"], dt.date) else None
            if found is not None:
                records[found[0]] = new
            else:
                records.append(new)

        index = found[0] if found is not None else len(self.document.case.referrals or [])
        problems = self.document.edit_document(f"referrals[{index}]", change)
        self.problem.setText("\n".join(f"✕ {render_problem(p)}" for p in problems))
        self.problem.setVisible(bool(problems))
        self.refresh()

    def _commit_fields(self) -> None:
        if self._updating:
            return
        option_id = self.current_option()
        if option_id is None:
            return
        value = self.status.currentData()
        day = self.date.date()
        if self.date.parse(self.date.edit.text()) == "invalid":
            self.problem.setText("✕ " + _("not a valid date: use DD.MM.YYYY, a day that exists"))
            self.problem.show()
            return
        self.set_status(
            option_id, ReferralStatus(value) if value else None, day=day, note=self.note.text().strip()
        )

    def edit_local_services(self) -> None:
        """Open the Local services dialog; the tree shows the saved list afterwards."""
        from gp_tool.ui.local_services_dialog import LocalServicesDialog  # noqa: PLC0415

        dialog = LocalServicesDialog(self)
        dialog.exec()
        self.load_local_services()
        self.refresh()

    # ------------------------------------------------------------------ showing
    def set_case(self, case: Case, today: dt.date) -> None:
        self._seen = []
        self.date.today = today
        super().set_case(case, today)

    def case_edited(self, path: str) -> None:
        if not self._updating:
            self.refresh()

    def focus_field(self, path: str, severity: str = "INFO") -> bool:
        if path.startswith("referrals["):
            try:
                index = int(path.split("[", 1)[1].split("]", 1)[0])
                option_id = (self.document.case.referrals or [])[index].option
            except (ValueError, IndexError):
                option_id = ""
            self.select_option(option_id)
            rest = path.split("]", 1)[1]
            target: QWidget = self.tree
            if rest.startswith(".status"):
                target = self.status
            elif rest.startswith(".date"):
                target = self.date.edit
            elif rest.startswith(".note"):
                target = self.note
            self.register(path, target)
        return super().focus_field(path, severity)

    def select_option(self, option_id: str) -> bool:
        """Make the first item of ``option_id`` current (proposals first)."""
        for g in range(self.tree.topLevelItemCount()):
            top = self._top(g)
            for k in range(top.childCount()):
                child = self._child(top, k)
                if child.data(COL_NAME, ID_ROLE) == option_id:
                    self.tree.setCurrentItem(child)
                    return True
        return False

    def refresh(self) -> None:
        from gp_tool.rules.referrals import catalogue, suggestions  # noqa: PLC0415

        if self.today is None:
            return
        self._updating = True
        try:
            lang = language()
            case = self.document.case
            current = self.current_option()
            try:
                self._suggestions = suggestions(case, self.today)
            except Exception:  # a proposal rule must never take the step down
                self._suggestions = ()
            # proposals keep their place once the GP records what became of them (the rules stop
            # proposing a recorded option); recorded catalogue options are listed here too
            live = {s.option_id for s in self._suggestions}
            recorded = {r.option for r in case.referrals if not r.option.startswith("local:")}
            for option_id in [*(s.option_id for s in self._suggestions), *sorted(recorded)]:
                if option_id not in self._seen:
                    self._seen.append(option_id)
            proposed = [
                (option_id, self.option_name(option_id), self._route(option_id), False)
                for option_id in self._seen
                if option_id in live or option_id in recorded
            ]
            local = [(s.id, s.name, _("Local service"), False) for s in self.local]
            everything = [
                (o.id, o.text("name", lang), self._route(o.id), o.history_only) for o in catalogue()
            ]
            titles = (
                _("Proposed and recorded for this case ({count})").format(count=len(proposed)),
                _("Your local services ({count})").format(count=len(local)),
                _("All options in the catalogue ({count})").format(count=len(everything)),
            )
            for g, (title, rows) in enumerate(zip(titles, (proposed, local, everything), strict=True)):
                top = self._top(g)
                top.setText(COL_NAME, title)
                while top.childCount() > len(rows):
                    top.removeChild(self._child(top, top.childCount() - 1))
                while top.childCount() < len(rows):
                    QTreeWidgetItem(top)
                for k, (option_id, name, route, history) in enumerate(rows):
                    child = self._child(top, k)
                    child.setData(COL_NAME, ID_ROLE, option_id)
                    child.setText(COL_NAME, name)
                    child.setText(COL_ROUTE, _("History only") if history else route)
                    found = self.record(option_id)
                    child.setText(COL_STATUS, _(STATUS_LABELS[found[1].status]) if found else "")
                    child.setToolTip(COL_NAME, name)
                top.setExpanded(True)
            if current is None or not self.select_option(current):
                first = self._top(GROUP_PROPOSED)
                target = self._child(first, 0) if first.childCount() else self._top(GROUP_CATALOGUE).child(0)
                if target is not None:
                    self.tree.setCurrentItem(target)
            self._filter(self.search.text())
            self._show_summary()
        finally:
            self._updating = False
        self._show_detail()
        self.show_findings()

    def _route(self, option_id: str) -> str:
        from gp_tool.rules.referrals import option  # noqa: PLC0415

        found = option(option_id)
        return _(ROUTE_LABELS.get(str(found.route), str(found.route))) if found is not None else ""

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for g in range(self.tree.topLevelItemCount()):
            top = self._top(g)
            for k in range(top.childCount()):
                child = self._child(top, k)
                haystack = " ".join(child.text(c) for c in range(3)).lower()
                child.setHidden(bool(needle) and needle not in haystack)

    def _show_summary(self) -> None:
        records = self.document.case.referrals or []
        if not records:
            self.summary.setText(_("Nothing recorded yet."))
            return
        lines = [_("Recorded in this case:")]
        lang = language()
        from gp_tool.i18n.formatting import format_date  # noqa: PLC0415

        for record in records:
            when = f" {format_date(record.date, lang, 'short')}" if record.date else ""
            note = f" – {record.note}" if record.note else ""
            lines.append(
                f"• {self.option_name(record.option)}: {_(STATUS_LABELS[record.status])}{when}{note}"
            )
        self.summary.setText("\n".join(lines))

    def _show_detail(self) -> None:
        from gp_tool.rules.referrals import option  # noqa: PLC0415

        lang = language()
        option_id = self.current_option()
        esc = html.escape
        words = {
            "local": esc(_("Local service")),
            "contact": esc(_("Contact")),
            "history": esc(_("History only: no longer offered; shown for earlier cases.")),
            "why": esc(_("Why proposed")),
            "whom": esc(_("For whom")),
            "know": esc(_("What the GP should know")),
            "source": esc(_("Source")),
        }
        parts: list[str] = []
        if option_id is None:
            parts.append(esc(_("Choose an option to see who it is for and how to refer.")))
        elif option_id.startswith("local:"):
            service = next((s for s in self.local if s.id == option_id), None)
            if service is not None:
                parts.append(f"<b>{esc(service.name)}</b> · {words['local']}")
                if service.contact:
                    parts.append(f"{words['contact']}: {esc(service.contact)}")
                if service.notes:
                    parts.append(esc(service.notes).replace("\n", "<br>"))
        else:
            found: ReferralOption | None = option(option_id)
            if found is not None:
                parts.append(f"<b>{esc(found.text('name', lang))}</b> · {esc(self._route(option_id))}")
                if found.history_only:
                    parts.append(f"<i>{words['history']}</i>")
                for suggestion in self._suggestions:
                    if suggestion.option_id == option_id:
                        parts.append(
                            f"{words['why']}: {esc(suggestion.reason_text(lang))} ({esc(suggestion.rule)})"
                        )
                parts.append(f"{words['whom']}: {esc(found.text('target_group', lang))}")
                parts.append(f"{words['know']}: {esc(found.text('gp_should_know', lang))}")
                source = found.source
                link = (
                    f'<a href="{esc(source)}">{esc(source)}</a>' if source.startswith("http") else esc(source)
                )
                parts.append(f"{words['source']}: {link}")
        self.detail.setText("<br>".join(parts))
        self.detail.setAccessibleName(self.detail.text())
        self._updating, was = True, self._updating
        try:
            found_record = self.record(option_id) if option_id else None
            enabled = option_id is not None
            for widget in (self.status, self.date, self.note):
                widget.setEnabled(enabled)
            record = found_record[1] if found_record else None
            self.status.setCurrentIndex(max(0, self.status.findData(record.status.value if record else None)))
            self.date.set_date(record.date if record else None)
            if not self.note.hasFocus():
                self.note.setText(record.note if record else "")
        finally:
            self._updating = was

    def retranslate_content(self) -> None:
        self.group.retranslate_section(_("Referrals and support alongside treatment"))
        self.intro.setText(
            _(
                "Treatment and work at the same time: proposals from the rules first, then your local "
                "services and the whole catalogue."
            )
        )
        self.labels["search"].setText(_("&Search the options"))
        self.search.setPlaceholderText(_("A word from the name, the route or the status"))
        self.search.setAccessibleName(_("Search the options"))
        self.labels["tree"].setText(_("Opt&ions"))
        self.tree.setHeaderLabels([_("Option"), _("Route"), _("What became of it")])
        self.tree.setAccessibleName(_("Referral and support options"))
        self.keys_help.setText(
            _("Keys in the list: 1 planned, 2 done, 3 declined, 4 not relevant, Delete forgets it.")
        )
        self.labels["status"].setText(_("Wha&t became of it"))
        self.status.setItemText(0, _("Not recorded"))
        for i, status in enumerate(ReferralStatus, start=1):
            self.status.setItemText(i, _(STATUS_LABELS[status]))
        self.labels["date"].setText(_("D&ate"))
        self.date.edit.setAccessibleName(_("Date"))
        self.labels["note"].setText(_("N&ote"))
        self.note.setPlaceholderText(_("Where, waiting time, what the patient said"))
        self.local_button.setText(_("&Local services…"))
        self.local_button.setToolTip(_("Add, edit or remove the practice's own local services"))
        self.refresh()
        if self.local_problem:
            self.problem.setText(self.local_problem)
            self.problem.show()
