"""The function grid: each function domain's limitation now against the job's demand, by keyboard.

One row per :class:`~gp_tool.domain.assessment.FunctionDomain`, columns *Limitation now*, *The job
demands*, *Match* and *Note* (domain brief §1.2, the gap model; the four-step limitation is the ICF
qualifier, the domains follow the ICF core sets and the Dutch FML). A GP fills it without the mouse:

* arrow keys move between cells; Home/End go to the first/last row;
* in *Limitation now*: ``0`` or ``N`` none, ``1`` or ``S`` some, ``2`` or ``M`` marked, ``3`` or ``X``
  not possible now; in *The job demands*: ``0``/``N`` none, ``1``/``L`` low, ``2``/``M`` medium,
  ``3``/``H`` high; Delete or Backspace clears the cell;
* after a limitation the cursor moves to the demand of the same row, after a demand to the limitation
  of the next row, so the whole grid is 22 key presses;
* in *Note*, typing or F2 edits the note, Enter commits it.

*Match* shows what :func:`gp_tool.rules.function.gaps` says: a GAP (the job asks more than the patient
can give now) or STRAIN (close to the limit), each with an icon character and a word as well as the
danger or warning colour of ui-brief b.10 (never colour alone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from gp_tool.domain.assessment import Demand, FunctionAssessment, FunctionDomain, Limitation
from gp_tool.i18n.markers import N_
from gp_tool.ui.i18n import _

if TYPE_CHECKING:
    from gp_tool.rules.function import Gap

__all__ = [
    "COL_DEMAND",
    "COL_DOMAIN",
    "COL_LIMITATION",
    "COL_MATCH",
    "COL_NOTE",
    "DEMAND_KEYS",
    "LIMITATION_KEYS",
    "FunctionGrid",
]

COL_DOMAIN, COL_LIMITATION, COL_DEMAND, COL_MATCH, COL_NOTE = range(5)
HEADERS: Final = (
    N_("Function domain"),
    N_("Limitation now"),
    N_("The job demands"),
    N_("Match"),
    N_("Note"),
)
LIMITATIONS: Final = (Limitation.NONE, Limitation.SOME, Limitation.MARKED, Limitation.NOT_POSSIBLE)
DEMANDS: Final = (Demand.NONE, Demand.LOW, Demand.MEDIUM, Demand.HIGH)
LIMITATION_KEYS: Final[dict[int, Limitation]] = {
    **{Qt.Key.Key_0 + i: level for i, level in enumerate(LIMITATIONS)},
    Qt.Key.Key_N: Limitation.NONE,
    Qt.Key.Key_S: Limitation.SOME,
    Qt.Key.Key_M: Limitation.MARKED,
    Qt.Key.Key_X: Limitation.NOT_POSSIBLE,
}
DEMAND_KEYS: Final[dict[int, Demand]] = {
    **{Qt.Key.Key_0 + i: level for i, level in enumerate(DEMANDS)},
    Qt.Key.Key_N: Demand.NONE,
    Qt.Key.Key_L: Demand.LOW,
    Qt.Key.Key_M: Demand.MEDIUM,
    Qt.Key.Key_H: Demand.HIGH,
}
LIMITATION_LETTERS: Final = {
    Limitation.NONE: "N",
    Limitation.SOME: "S",
    Limitation.MARKED: "M",
    Limitation.NOT_POSSIBLE: "X",
}
DEMAND_LETTERS: Final = {Demand.NONE: "N", Demand.LOW: "L", Demand.MEDIUM: "M", Demand.HIGH: "H"}
FIT: Final = "FIT"
STRAIN: Final = "STRAIN"
MATCH_TEXT: Final = {"GAP": N_("✕ Gap"), "STRAIN": N_("! Strain"), "FIT": N_("✓ Fits")}
MATCH_TIP: Final = {
    "GAP": N_("✕ Gap: the job asks more"),
    "STRAIN": N_("! Strain: close to the limit"),
    "FIT": N_("✓ Fits"),
}
EMPTY: Final = "–"


class _NoteDelegate(QStyledItemDelegate):
    """Notes are short texts (at most 500 characters, ShortText)."""

    def createEditor(
        self, parent: QWidget, option: object, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)  # type: ignore[arg-type]
        from PySide6.QtWidgets import QLineEdit  # noqa: PLC0415

        if isinstance(editor, QLineEdit):
            editor.setMaxLength(500)
        return editor


class FunctionGrid(QTableWidget):
    """The grid. ``level_set(domain, column_name, value)`` with ``column_name`` ``limitation`` or
    ``demand`` and ``value`` an enum value string or None; ``note_set(domain, text)``."""

    level_set = Signal(str, str, object)
    note_set = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(FunctionDomain), len(HEADERS), parent)
        self.setObjectName("function.domains")
        self.domains: tuple[FunctionDomain, ...] = tuple(FunctionDomain)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setTabKeyNavigation(False)  # Tab leaves the grid; arrows move inside it
        self.setItemDelegateForColumn(COL_NOTE, _NoteDelegate(self))
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_DOMAIN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LIMITATION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DEMAND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MATCH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.setWordWrap(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._filling = False
        self._shown: tuple[FunctionAssessment | None, tuple[Gap, ...]] | None = None
        for row in range(self.rowCount()):
            for col in range(self.columnCount()):
                item = QTableWidgetItem(EMPTY if col in {COL_LIMITATION, COL_DEMAND} else "")
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if col == COL_NOTE:
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                self.setItem(row, col, item)
        self.itemChanged.connect(self._item_changed)
        self.setCurrentCell(0, COL_LIMITATION)
        self._fit_height()

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        """The item of a cell (every cell has one from the start)."""
        item = self.item(row, column)
        if item is None:
            raise LookupError((row, column))
        return item

    def _fit_height(self) -> None:
        """Rows sized to the font (zoom, presenter mode); tall enough for every row: the page scrolls,
        not the grid."""
        self.verticalHeader().setDefaultSectionSize(max(28, self.fontMetrics().height() + 12))
        rows = self.verticalHeader().length()
        height = rows + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 2
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        """Zoom and presenter mode change the font and the palette: refit and recolour."""
        super().changeEvent(event)
        if event.type() in {QEvent.Type.FontChange, QEvent.Type.PaletteChange} and not self._filling:
            self._fit_height()
            if self._shown is not None:
                self.show_assessment(*self._shown)

    # ------------------------------------------------------------------ showing
    def show_assessment(self, assessment: FunctionAssessment | None, gaps: tuple[Gap, ...]) -> None:
        """Fill the cells from ``assessment`` and colour *Match* from ``gaps`` (no signals)."""
        from gp_tool.rules.function import demand_label, domain_label, limitation_label  # noqa: PLC0415
        from gp_tool.ui import palette  # noqa: PLC0415

        self._shown = (assessment, gaps)
        colours = palette.current()
        by_domain = {gap.domain: gap for gap in gaps}
        domains = assessment.domains if assessment is not None else {}
        self._filling = True
        try:
            for c, title in enumerate(HEADERS):
                header = self.horizontalHeaderItem(c) or QTableWidgetItem()
                header.setText(_(title))
                self.setHorizontalHeaderItem(c, header)
            for row, domain in enumerate(self.domains):
                entry = domains.get(domain)
                limitation = entry.limitation if entry is not None else None
                demand = entry.demand if entry is not None else None
                name = self.cell(row, COL_DOMAIN)
                name.setText(_(domain_label(domain)))
                lim = self.cell(row, COL_LIMITATION)
                lim.setText(
                    f"{LIMITATIONS.index(limitation)} {_(limitation_label(limitation))}"
                    if limitation is not None
                    else EMPTY
                )
                lim.setData(Qt.ItemDataRole.UserRole, limitation.value if limitation is not None else None)
                dem = self.cell(row, COL_DEMAND)
                dem.setText(
                    f"{DEMANDS.index(demand)} {_(demand_label(demand))}" if demand is not None else EMPTY
                )
                dem.setData(Qt.ItemDataRole.UserRole, demand.value if demand is not None else None)
                match = self.cell(row, COL_MATCH)
                gap = by_domain.get(domain)
                if gap is not None:
                    role = colours.danger if gap.level == "GAP" else colours.warning
                    level = gap.level if gap.level in MATCH_TEXT else STRAIN
                    match.setText(_(MATCH_TEXT[level]))
                    match.setToolTip(_(MATCH_TIP[level]))
                    match.setBackground(QBrush(QColor(role.bg)))
                    match.setForeground(QBrush(QColor(role.text)))
                elif limitation is not None and demand is not None:
                    match.setText(_(MATCH_TEXT[FIT]))
                    match.setToolTip(_(MATCH_TIP[FIT]))
                    match.setBackground(QBrush(QColor(colours.success.bg)))
                    match.setForeground(QBrush(QColor(colours.success.text)))
                else:
                    match.setText("")
                    match.setToolTip("")
                    match.setBackground(QBrush())
                    match.setForeground(QBrush())
                match.setData(Qt.ItemDataRole.UserRole, gap.level if gap is not None else None)
                note = self.cell(row, COL_NOTE)
                if self.state() != QAbstractItemView.State.EditingState or self.currentRow() != row:
                    note.setText(entry.note if entry is not None else "")
        finally:
            self._filling = False

    def retranslate(self) -> None:
        self.setAccessibleName(_("Function against the job"))
        self.setAccessibleDescription(self.key_help())
        self.setToolTip(self.key_help())

    @staticmethod
    def key_help() -> str:
        return _(
            "Arrow keys move. Limitation: 0–3 or N, S, M, X. Demand: 0–3 or N, L, M, H. "
            "Delete clears. Note: type or F2, Enter keeps it."
        )

    # ------------------------------------------------------------------ keys
    def focus_path(self, path: str) -> bool:
        """Make the cell of ``function.domains.<DOMAIN>[.limitation|.demand|.note]`` current."""
        parts = path.split(".")
        if len(parts) < 3 or parts[0] != "function" or parts[1] != "domains":
            return False
        try:
            row = self.domains.index(FunctionDomain(parts[2]))
        except ValueError:
            return False
        column = {"demand": COL_DEMAND, "note": COL_NOTE}.get(
            parts[3] if len(parts) > 3 else "", COL_LIMITATION
        )
        self.setCurrentCell(row, column)
        self.scrollToItem(self.cell(row, column))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row, col = self.currentRow(), self.currentColumn()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            row >= 0
            and col in {COL_LIMITATION, COL_DEMAND}
            and mods
            in {
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.ShiftModifier,
            }
        ):
            key = event.key()
            domain = self.domains[row]
            if key in {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}:
                self.level_set.emit(domain.value, "limitation" if col == COL_LIMITATION else "demand", None)
                event.accept()
                return
            table = LIMITATION_KEYS if col == COL_LIMITATION else DEMAND_KEYS
            if key in table:
                value = table[key]
                self.level_set.emit(
                    domain.value, "limitation" if col == COL_LIMITATION else "demand", value.value
                )
                if col == COL_LIMITATION:
                    self.setCurrentCell(row, COL_DEMAND)
                elif row + 1 < self.rowCount():
                    self.setCurrentCell(row + 1, COL_LIMITATION)
                event.accept()
                return
            if event.text().strip() and key not in {Qt.Key.Key_Tab, Qt.Key.Key_Backtab}:
                event.accept()  # other letters do nothing in a level cell (no accidental edits)
                return
        super().keyPressEvent(event)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != COL_NOTE:
            return
        self.note_set.emit(self.domains[item.row()].value, item.text().strip())
