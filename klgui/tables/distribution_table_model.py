"""The editor's table model: classes as rows (plus a Σ row), class names then distributions
as columns. A thin model over the Document's workspace; edits go through the Document.

An empty cell (NaN: a table merged in had no value for the class) shows as empty, marked as
an invalid cell, until a value is typed into it."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from core import Problem, WorkspaceError
from core.workspace import Workspace
from klgui.document.document import Document
from klgui.document.rejected_entries import RejectedEntry
from klgui.style.palette import table_brushes
from klgui.tables.cell_updates import CELL_BY_CELL_LIMIT, announce_changed_cells
from klgui.tables.item_roles import (
    ALIGN_RIGHT,
    ALIGNMENT,
    BACKGROUND,
    DISPLAY,
    EDIT,
    FONT,
    TOOLTIP,
)
from klgui.text.number_format import format_number
from klgui.text.value_parsing import ValueParseError, format_editable, parse_value

AnyIndex = QModelIndex | QPersistentModelIndex
NAME_COLUMN = 0
_SUM_ROW_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
_CELL_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable
_ANSWERED_ROLES = frozenset({DISPLAY, EDIT, TOOLTIP, BACKGROUND, ALIGNMENT, FONT})


def _shape(workspace: Workspace) -> tuple[int, int]:
    """What decides the table's rows and columns; names and values change without a reset."""
    return (len(workspace.classes), len(workspace.distributions))


def format_cell(value: float, is_counts: bool) -> str:
    """The tables' rule (:func:`format_number`: at most 12 characters, −0.000123457), which
    the editor's columns are wide enough for: a value is never cut to a misleading prefix.
    Whole counts as whole numbers; nothing for an empty cell (and for the sum of a column
    with one)."""
    if math.isnan(value):
        return ""
    if is_counts and float(value).is_integer() and abs(value) < 1e9:
        return f"{value:.0f}"
    return format_number(value)


def column_total(values: np.ndarray) -> float:
    """The sum of a column, correctly rounded where it is finite (0.6 + 0.3 + 0.1 is 1, not
    the 0.9999999999999999 of adding left to right)."""
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(values.sum())
    if not math.isfinite(total):
        return total
    try:
        return math.fsum(values)
    except OverflowError:  # a partial sum overflows on the way: the plain sum is finite
        return total


class DistributionTableModel(QAbstractTableModel):
    #: An edit could not be made; the message says why (for the status bar).
    editRejected = Signal(str)

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._document = document
        self._shape = _shape(document.workspace)
        self._shown = document.workspace
        self._cell_problems: dict[tuple[int, int], str] = {}
        self._column_problems: dict[int, str] = {}
        self._index_problems(document.problems)
        document.workspaceChanged.connect(self._on_document_workspace_changed)
        document.rejectedEntriesChanged.connect(self._on_document_rejected_entries_changed)
        document.classViewChanged.connect(self._on_document_class_view_changed)

    # -- geometry -------------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self._document.workspace

    @property
    def sum_row(self) -> int:
        return len(self.workspace.classes)

    def distribution_at(self, column: int) -> str | None:
        """The distribution shown in ``column`` (None for the class-name column)."""
        if column <= NAME_COLUMN or column > len(self.workspace.distributions):
            return None
        return self.workspace.distributions[column - 1].name

    def column_of(self, name: str) -> int:
        return self.workspace.index_of(name) + 1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.workspace.classes) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.workspace.distributions) + 1

    # -- document → view ------------------------------------------------------------------------

    def _index_problems(self, problems: tuple[Problem, ...]) -> None:
        names = self.workspace.names
        self._cell_problems = {}
        self._column_problems = {}
        for problem in problems:
            column = names.index(problem.distribution) + 1
            if problem.class_index is None:
                self._column_problems[column] = problem.message
            else:
                self._cell_problems[(problem.class_index, column)] = problem.message

    def _on_document_workspace_changed(self) -> None:
        before, after = self._shown, self.workspace
        self._shown = after
        shape = _shape(after)
        if shape != self._shape:
            self.beginResetModel()
            self._shape = shape
            self._index_problems(self._document.problems)
            self.endResetModel()
            return
        old_columns = self._column_problems
        self._index_problems(self._document.problems)
        if after.classes != before.classes:
            self.dataChanged.emit(self.index(0, 0), self.index(self.sum_row, 0))
        if after.names != before.names:
            self.dataChanged.emit(self.index(0, 1), self.index(self.sum_row, len(after.names)))
        # Transitions keep unchanged columns as the same objects: repaint only the changed ones.
        changed = [
            column
            for column, (old, new) in enumerate(
                zip(before.distributions, after.distributions, strict=True), start=1
            )
            if old is not new
        ]
        rows = self.sum_row + 1
        if len(changed) * rows <= CELL_BY_CELL_LIMIT:
            announce_changed_cells(
                self, [(row, column) for column in changed for row in range(rows)]
            )
        elif changed:
            self.dataChanged.emit(self.index(0, changed[0]), self.index(self.sum_row, changed[-1]))
        if (
            after.reference != before.reference
            or after.names != before.names
            or self._column_problems != old_columns
            or any(
                old.kind != new.kind
                for old, new in zip(before.distributions, after.distributions, strict=True)
            )
        ):
            self.headerDataChanged.emit(Qt.Horizontal, 0, self.columnCount() - 1)

    # -- reading --------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        workspace = self.workspace
        if orientation == Qt.Vertical:
            if role == DISPLAY:
                return "Σ" if section == self.sum_row else str(section + 1)
            return None
        name = self.distribution_at(section)
        if name is None:
            return self.tr("Class") if role == DISPLAY else None
        distribution = workspace.distribution(name)
        is_reference = name == workspace.reference
        if role == DISPLAY:
            label = f"★ {name}" if is_reference else name
            return self.tr("%s\n(counts)") % label if distribution.is_counts else label
        if role == TOOLTIP:
            if is_reference:
                what = self.tr("%s: the reference P, the true distribution")
            elif name in self._document.histograms:
                what = self.tr(
                    "%s: how often each class is the predicted label (argmax), not a model's "
                    "probabilities; the ranking lists it apart"
                )
            else:
                what = self.tr("%s: a model's predicted distribution Q")
            lines = [
                what % name,
                self.tr("Values are counts; they are divided by their total.")
                if distribution.is_counts
                else self.tr("Values are probabilities; they must sum to 1."),
                self.tr("Right-click for more: reference, rename, counts, normalize, remove."),
            ]
            if section in self._column_problems:
                lines.append(self._column_problems[section])
            return "\n".join(lines)
        if role == FONT and is_reference:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _on_document_rejected_entries_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(self.sum_row, self.columnCount() - 1))

    def data(self, index: AnyIndex, role: int = DISPLAY):
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        workspace = self.workspace
        if row == self.sum_row:
            return self._sum_data(column, role)
        rejected = self._document.rejected_entry(
            self.distribution_at(column), workspace.classes[row]
        )
        if rejected is not None:
            return self._rejected_data(rejected, index, role)
        if column == NAME_COLUMN:
            if role in (DISPLAY, EDIT):
                return workspace.classes[row]
            return None
        distribution = workspace.distributions[column - 1]
        value = float(distribution.values[row])
        problem = self._cell_problems.get((row, column))
        if role == DISPLAY:
            return format_cell(value, distribution.is_counts)
        if role == EDIT:  # an empty cell copies as nothing, which pastes as nothing
            return "" if math.isnan(value) else format_editable(value)
        if role == TOOLTIP and math.isnan(value):
            return self.tr(
                "%s, %s: empty. Type a value to fill it (0 if the model gives the class no "
                "probability)."
            ) % (distribution.name, workspace.classes[row])
        if role == TOOLTIP:
            return problem or f"{distribution.name}, {workspace.classes[row]}: {value!r}"
        if role == BACKGROUND and problem:
            return table_brushes().invalid_cell
        if role == ALIGNMENT:
            return ALIGN_RIGHT
        return None

    def _rejected_data(self, entry: RejectedEntry, index: AnyIndex, role: int):
        """A cell over which typed text was not accepted: the text, marked, to be corrected
        (the editor opens on it); the tooltip says why and what the table still holds."""
        if role == DISPLAY:
            return "⚠ " + entry.text
        if role == EDIT:
            return entry.text
        if role == BACKGROUND:
            return table_brushes().invalid_cell
        if role == TOOLTIP:
            return self.tr(
                "Not accepted: %s\nNothing was changed: the table still holds %s. Correct the "
                "text to apply it."
            ) % (entry.reason, self._kept_text(entry, index.row()))
        if role == ALIGNMENT and entry.distribution is not None:
            return ALIGN_RIGHT
        return None

    def _kept_text(self, entry: RejectedEntry, row: int) -> str:
        """What the document holds in the cell of ``entry``."""
        if entry.distribution is None:
            return repr(self.workspace.classes[row])
        value = float(self.workspace.distribution(entry.distribution).values[row])
        return self.tr("no value") if math.isnan(value) else format_editable(value)

    def _on_document_class_view_changed(self) -> None:
        """The sum row says whether it is of the rows in view or of all (a filter hides some)."""
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(self.sum_row, 0), self.index(self.sum_row, last))

    def _sum_data(self, column: int, role: int):
        if role == BACKGROUND:
            brushes = table_brushes()
            return brushes.invalid_cell if column in self._column_problems else brushes.sum_row
        filtered = bool(self._document.class_view.find)
        if filtered and role == TOOLTIP:  # the sums do not follow the filter: say so
            whole = self.tr("The sum of all %s classes, the hidden ones too.") % (
                f"{len(self.workspace.classes):,}"
            )
            detail = self._sum_cell_data(column, role)
            return f"{whole}\n{detail}" if detail else whole
        if column == NAME_COLUMN and filtered and role == DISPLAY:
            return self.tr("Σ all classes")
        return self._sum_cell_data(column, role)

    def _sum_cell_data(self, column: int, role: int):
        if column == NAME_COLUMN:
            return self.tr("Σ sum") if role == DISPLAY else None
        distribution = self.workspace.distributions[column - 1]
        total = column_total(distribution.values)
        if role == DISPLAY:
            return format_cell(total, distribution.is_counts)
        if role == TOOLTIP and np.isnan(distribution.values).any():
            return self.tr("No sum while a cell of %s is empty.") % distribution.name
        if role == TOOLTIP:
            return self._column_problems.get(column) or (
                self.tr("Total count %s") % format_cell(total, True)
                if distribution.is_counts
                else self.tr("Sum of probabilities: %r") % total
            )
        if role == ALIGNMENT:
            return ALIGN_RIGHT
        if role == FONT:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        return _SUM_ROW_FLAGS if index.row() == self.sum_row else _CELL_FLAGS

    # -- view → document ------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: object, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or index.row() == self.sum_row:
            return False
        row, column = index.row(), index.column()
        distribution, class_name = self.distribution_at(column), self.workspace.classes[row]
        try:
            if column == NAME_COLUMN:
                self._document.rename_class(row, str(value))
            else:
                number = value if isinstance(value, float) else parse_value(str(value))
                self._document.set_value(distribution, row, number)
        except (ValueParseError, WorkspaceError) as error:
            # Kept in the cell, marked, to be corrected; the document is left as it was.
            self._document.reject_entry(
                RejectedEntry(distribution, class_name, str(value), str(error))
            )
            self.editRejected.emit(self.tr("Not changed: %s") % error)
            return False
        self._document.clear_rejected_entry(distribution, class_name)
        return True
