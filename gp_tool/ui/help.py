"""F1 help for every input (ui-brief b.5, b.12): what the field means, its legal source or NAV field,
and who sees it: NAV, the employer, the journal text.

The texts are content, not UI: ``gp_tool/resources/help/fields.json`` holds one entry per case-file
path, with the indices taken out (``sick_note.periods[0].grade`` → ``sick_note.periods.grade``), each
in nb, nn and en (legal terms stay Norwegian in en and are glossed there, ui-brief b.13). A path
without an entry of its own uses its nearest parent that has one (``function.domains.mobility`` →
``function.domains``); the tests check that every input the window registers finds help in all
three languages.

F1 shows the help of the focused input next to it (:class:`FieldHelpPopup`), followed by the
field's findings; Esc or moving on closes it. The same text is the input's What's This
(Shift+F1 and Help → What's This). The file is read on the first F1 or after the first paint, never
before the window is on screen.
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Final

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from gp_tool.i18n.markers import N_
from gp_tool.ui.i18n import _, language

__all__ = [
    "AUDIENCES",
    "FieldHelp",
    "FieldHelpPopup",
    "help_entries",
    "help_for",
    "help_html",
    "help_key",
    "install_whats_this",
    "path_of",
]

AUDIENCES: Final[dict[str, str]] = {
    "nav": N_("NAV (the sick note)"),
    "employer": N_("the employer (their copy of the note)"),
    "journal": N_("the journal text in the patient record"),
}
"""Who may see a field, in reading order; an entry lists the keys that apply."""

ALIASES: Final[dict[str, str]] = {
    # inputs whose object name is not a case-file path
    "decision.kind": "sick_note.periods.kind",
    "decision.code_system": "sick_note.main_diagnosis",
    "decision.secondary_list": "sick_note.secondary_diagnoses",
    "decision.clear_secondary": "sick_note.secondary_diagnoses",
    "decision.period_tabs": "sick_note.periods",
    "timeline.periods": "earlier_sick_notes",
    "timeline.milestones": "case_start",
}
LANGS: Final = ("nb", "nn", "en")
_INDEX = re.compile(r"\[\d+\]")
_PATHLIKE = re.compile(r"^[a-z_]+(\.[A-Za-z0-9_\[\]]+)*(:\d+)?$")


@dataclass(frozen=True)
class FieldHelp:
    key: str  # the entry's key in fields.json
    text: str  # what it means, in the language asked for
    source: str  # legal source or NAV field
    audience: tuple[str, ...]  # keys of AUDIENCES


@functools.cache
def help_entries() -> dict[str, dict[str, object]]:
    """The help file, parsed once: ``{key: {"audience": [...], "nb": {"text", "source"}, ...}}``."""
    text = (resources.files("gp_tool") / "resources" / "help" / "fields.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def help_key(path: str) -> str:
    """``sick_note.periods[0].grade`` → ``sick_note.periods.grade``; a radio's ``…:2`` suffix goes."""
    return _INDEX.sub("", path.split(":", 1)[0])


def help_for(path: str, lang: str | None = None) -> FieldHelp | None:
    """The help for the input of case-file ``path`` (its own entry, else its nearest parent's)."""
    entries = help_entries()
    key = help_key(path)
    key = next((v for k, v in ALIASES.items() if key == k or key.startswith(k + ".")), key)
    if key.startswith("sick_note.answers."):  # a question id contains dots itself: exact only
        candidates = [key, "sick_note.answers"]
    else:
        parts = key.split(".")
        candidates = [".".join(parts[:n]) for n in range(len(parts), 0, -1)]
    for candidate in candidates:
        entry = entries.get(candidate)
        if entry is None:
            continue
        texts = entry.get(lang or language())
        if not isinstance(texts, dict):
            return None
        audience = entry.get("audience", [])
        return FieldHelp(
            candidate,
            str(texts.get("text", "")),
            str(texts.get("source", "")),
            tuple(a for a in AUDIENCES if isinstance(audience, list) and a in audience),
        )
    return None


def audience_text(help_: FieldHelp) -> str:
    if not help_.audience:
        return _("Nobody outside the consultation: used in your assessment only, not sent or printed.")
    return _("Who sees it: {who}.").format(who="; ".join(_(AUDIENCES[a]) for a in help_.audience))


def help_html(help_: FieldHelp, label: str = "", findings: str = "", *, keys: bool = True) -> str:
    """The help as rich text: label, meaning, source, who sees it, then the field's findings."""
    parts = []
    if label:
        parts.append(f"<p><b>{html.escape(label)}</b></p>")
    parts.append(f"<p>{html.escape(help_.text)}</p>")
    if help_.source:
        parts.append("<p>" + html.escape(_("Source: {source}").format(source=help_.source)) + "</p>")
    parts.append(f"<p>{html.escape(audience_text(help_))}</p>")
    if findings:
        parts.append("<p><b>" + html.escape(_("Findings")) + "</b><br>")
        parts.append("<br>".join(html.escape(line) for line in findings.splitlines()) + "</p>")
    if keys:
        parts.append("<p><i>" + html.escape(_("F1 again or Esc: close")) + "</i></p>")
    return "".join(parts)


def path_of(widget: QWidget | None, registered: dict[str, QWidget]) -> str | None:
    """The case-file path of ``widget``: the registered input it is or sits in, else the first
    path-like object name on the way up (a check box ``sick_note.work_related_reasons.X``)."""
    by_widget = {id(w): p for p, w in registered.items()}
    chain: list[QWidget] = []
    node = widget
    while node is not None:
        chain.append(node)
        node = node.parentWidget()
    for node in chain:  # the registered input it is or sits in comes first
        if id(node) in by_widget:
            return by_widget[id(node)]
    for node in chain:
        name = node.objectName()
        if name and _PATHLIKE.match(name) and help_for(name) is not None:
            return name
    return None


def label_of(widget: QWidget) -> str:
    """The input's accessible name (its buddy label), without the mnemonic."""
    return widget.accessibleName().replace("&", "")


class FieldHelpPopup(QFrame):
    """A non-modal help panel next to the focused input; Esc, F1 again or a focus move closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("fieldHelp")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setProperty("role", "help-popup")
        self.label = QLabel(self)
        self.label.setObjectName("fieldHelp.text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        self.setFixedWidth(420)
        self.path = ""
        self._anchor: QWidget | None = None
        self._watching_focus = False
        self.hide()

    def text(self) -> str:
        """The help shown, as plain text (what a screen reader reads)."""
        return self.label.text() and _plain(self.label.text())

    def show_for(self, widget: QWidget, path: str, html_text: str) -> None:
        self.path = path
        self.label.setText(html_text)
        self.setAccessibleName(_("Help"))
        self.setAccessibleDescription(self.text())
        self.adjustSize()
        parent = self.parentWidget()
        assert parent is not None
        below = widget.mapTo(parent, QPoint(0, widget.height() + 4))
        x = max(8, min(below.x(), parent.width() - self.width() - 8))
        y = below.y()
        if y + self.height() > parent.height() - 8:  # no room below: above the field
            y = max(8, widget.mapTo(parent, QPoint(0, 0)).y() - self.height() - 4)
        self.move(x, y)
        self.show()
        self.raise_()
        if self._anchor is not None:
            self._anchor.removeEventFilter(self)
        self._anchor = widget
        widget.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication) and not self._watching_focus:
            app.focusChanged.connect(self._focus_changed)
            self._watching_focus = True

    def close_help(self) -> None:
        if self._anchor is not None:
            self._anchor.removeEventFilter(self)
            self._anchor = None
        self.hide()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.isVisible() and new is not None and new is not self._anchor and not self.isAncestorOf(new):
            self.close_help()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.isVisible()
        ):
            self.close_help()
            return True
        return super().eventFilter(watched, event)


def _plain(rich: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", rich)
    text = re.sub(r"</p>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def install_whats_this(page: QWidget) -> int:
    """Set the What's This text of every input of ``page`` that has help; returns how many."""
    registered: dict[str, QWidget] = getattr(page, "field_widgets", {})
    count = 0
    seen: set[int] = set()
    targets: list[tuple[str, QWidget]] = list(registered.items())
    targets += [
        (w.objectName(), w) for w in page.findChildren(QWidget) if _PATHLIKE.match(w.objectName() or "-")
    ]
    for path, widget in targets:
        if id(widget) in seen:
            continue
        help_ = help_for(path)
        if help_ is None:
            continue
        seen.add(id(widget))
        text = help_html(help_, label_of(widget), keys=False)
        if widget.whatsThis() != text:
            widget.setWhatsThis(text)
        count += 1
    return count
