"""The spreadsheet-like editor of classes and distributions, with its actions."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import WorkspaceError
from klgui.actions import make_action
from klgui.document.document import Document
from klgui.tables.class_filter import ClassFilter
from klgui.tables.distribution_table_model import NAME_COLUMN, DistributionTableModel
from klgui.tables.frozen_column import FrozenColumn
from klgui.tables.line_eliding_header import LineElidingHeader
from klgui.text.value_parsing import ValueParseError, parse_value


def _split_pasted_line(line: str) -> list[str]:
    """Cells of one pasted line: tab-separated (spreadsheets), else semicolons, else spaces.
    Commas are left alone: "0,5" may be a decimal comma."""
    if "\t" in line:
        return line.split("\t")
    if ";" in line:
        return line.split(";")
    return line.split()


#: Text a value column is wide enough for: the longest a cell shows (format_cell gives at
#: most six significant digits: −0.000123457).
WIDEST_VALUE = "−0.000000000"
#: Room beside a cell's text: margins and the grid line (pixels).
CELL_PADDING = 14
#: A column widens to show its header whole up to this many average characters; a longer
#: name is cut short, and the header's tooltip has it whole.
HEADER_CHARACTERS = 32


class _EditorTableView(QTableView):
    """A table where Enter commits a cell and moves down, as in a spreadsheet; its columns
    are as wide as the longest value their cells show, and their header ("★ labels
    (counts)"), in the font of the moment."""

    def fit_column_width(self) -> None:
        width = self.fontMetrics().horizontalAdvance(WIDEST_VALUE) + CELL_PADDING
        widest_header = self.fontMetrics().averageCharWidth() * HEADER_CHARACTERS
        header = self.horizontalHeader()
        header.setDefaultSectionSize(width)
        for column in range(header.count()):
            fitted = max(width, min(header.sectionSizeHint(column), widest_header))
            header.resizeSection(column, max(header.sectionSize(column), fitted))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # presentation mode
            self.fit_column_width()

    def keep_class_column_in_sight(self) -> None:
        """Once the model and edit triggers are set: the class names stay in sight when the
        table scrolls sideways (by pixels, so that a cell comes out exactly beside them)."""
        self.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.frozen_column = FrozenColumn(self)

    def setRowHidden(self, row: int, hide: bool) -> None:
        """A row hidden (the class filter) is hidden beside the frozen class column too."""
        super().setRowHidden(row, hide)
        self.frozen_column.setRowHidden(row, hide)

    def scrollTo(self, index, hint=QAbstractItemView.EnsureVisible) -> None:
        """A class name is in sight in the frozen column while the table is scrolled
        sideways: going to one scrolls up or down only, never back to the first column. A
        value cell gone to is brought out from under the frozen column."""
        if index.column() == NAME_COLUMN and self.frozen_column.isVisible():
            super().scrollTo(
                index.siblingAtColumn(max(self.columnAt(self.frozen_column.width()), 1)), hint
            )
            return
        super().scrollTo(index, hint)
        covered = self.frozen_column.width() - self.visualRect(index).left()
        if self.frozen_column.isVisible() and covered > 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - covered)

    def edit(self, index, trigger=QAbstractItemView.AllEditTriggers, event=None) -> bool:
        """A class name is edited where it is seen: in the frozen column while it shows."""
        if index.column() == NAME_COLUMN and self.frozen_column.isVisible():
            self.frozen_column.setFocus()
            return self.frozen_column.edit(index, trigger, event)
        return super().edit(index, trigger, event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.SubmitModelCache:  # Enter or Return
            current = self.currentIndex()
            below = current.siblingAtRow(current.row() + 1)
            if below.isValid() and below.flags() & Qt.ItemIsEditable:
                self.setCurrentIndex(below)


class DistributionEditor(QWidget):
    """Edit values, classes and distributions; every change goes through the Document."""

    #: Something could not be done, or was done and is worth saying (for the status bar).
    message = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = DistributionTableModel(document)
        self.model.editRejected.connect(self.message)
        self.view = _EditorTableView(self)
        self.view.setHorizontalHeader(LineElidingHeader(Qt.Horizontal, self.view))
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.DoubleClicked
            | QAbstractItemView.EditKeyPressed
            | QAbstractItemView.AnyKeyPressed
        )
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.view.keep_class_column_in_sight()
        self.view.fit_column_width()
        # New names or kinds in the headers ("(counts)"): as wide as they need.
        self.model.headerDataChanged.connect(self.view.fit_column_width)
        self.model.modelReset.connect(self.view.fit_column_width)
        self.view.horizontalHeader().setMinimumSectionSize(48)
        self.view.verticalHeader().setDefaultSectionSize(26)
        for header in (self.view.horizontalHeader(), self.view.verticalHeader()):
            header.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.horizontalHeader().customContextMenuRequested.connect(
            self._on_column_header_menu_requested
        )
        self.view.verticalHeader().customContextMenuRequested.connect(
            self._on_row_header_menu_requested
        )
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_cell_menu_requested)
        self.view.horizontalHeader().sectionDoubleClicked.connect(
            self._on_column_header_double_clicked
        )
        self.class_filter = ClassFilter(document, self.view, self)
        self._create_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.class_filter)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self._kept_position = (0, 1)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_reset)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        document.workspaceChanged.connect(self._update_actions)
        document.lockedClassesChanged.connect(self._update_actions)
        self.view.setCurrentIndex(self.model.index(0, 1))
        self._update_actions()

    # -- actions --------------------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.find_class_action = make_action(
            self,
            self.tr("&Find a class"),
            self.find_class,
            QKeySequence.Find,
            self.tr("Show only the classes whose name contains what you type"),
        )
        self.addAction(self.find_class_action)  # Ctrl+F anywhere in the window
        self.class_filter.setPlaceholderText(
            self.tr("Find a class… (%s)")
            % self.find_class_action.shortcut().toString(QKeySequence.NativeText)
        )
        self.add_class_action = make_action(
            self,
            self.tr("Add &class"),
            self.add_class,
            "Ctrl+Shift+K",
            self.tr("Add a class below the current one"),
        )
        self.remove_class_action = make_action(
            self,
            self.tr("Remove class"),
            self.remove_class,
            "Ctrl+Shift+Del",
            self.tr("Remove the current class"),
        )
        self.move_class_up_action = make_action(
            self,
            self.tr("Move class up"),
            lambda: self.move_class(-1),
            "Ctrl+Shift+Up",
            self.tr("Move the current class up"),
        )
        self.move_class_down_action = make_action(
            self,
            self.tr("Move class down"),
            lambda: self.move_class(1),
            "Ctrl+Shift+Down",
            self.tr("Move the current class down"),
        )
        self.add_model_action = make_action(
            self,
            self.tr("Add &model"),
            self.add_model,
            "Ctrl+Shift+M",
            self.tr("Add a model (uniform to start)"),
        )
        self.remove_distribution_action = make_action(
            self,
            self.tr("Remove model"),
            self.remove_distribution,
            None,
            self.tr("Remove the current model"),
        )
        self.move_left_action = make_action(
            self,
            self.tr("Move column left"),
            lambda: self.move_distribution(-1),
            "Ctrl+Shift+Left",
            self.tr("Move the current distribution left"),
        )
        self.move_right_action = make_action(
            self,
            self.tr("Move column right"),
            lambda: self.move_distribution(1),
            "Ctrl+Shift+Right",
            self.tr("Move the current distribution right"),
        )
        self.rename_distribution_action = make_action(
            self,
            self.tr("Rename…"),
            self.rename_distribution,
            "Shift+F2",
            self.tr("Rename the current distribution"),
        )
        self.set_reference_action = make_action(
            self,
            self.tr("Make the &reference"),
            self.set_reference,
            "Ctrl+Shift+P",
            self.tr("Compare every other distribution with this one"),
        )
        self.toggle_counts_action = make_action(
            self,
            self.tr("Values are &counts"),
            self.toggle_counts,
            None,
            self.tr("Read this column as counts (divided by their total) or as probabilities"),
        )
        self.toggle_counts_action.setCheckable(True)
        self.lock_class_action = make_action(
            self,
            self.tr("&Lock the class during drags"),
            self.toggle_class_lock,
            None,
            self.tr("Dragging a bar rescales the other classes, but not a locked one"),
        )
        self.lock_class_action.setCheckable(True)
        self.normalize_action = make_action(
            self,
            self.tr("&Normalize column"),
            self.normalize_current,
            "Ctrl+Shift+N",
            self.tr("Divide the current column by its sum so it sums to 1"),
        )
        self.normalize_all_action = make_action(
            self,
            self.tr("Normalize &all"),
            self.normalize_all,
            None,
            self.tr("Normalize every column that does not sum to 1"),
        )
        self.copy_action = make_action(
            self, self.tr("&Copy"), self.copy_selection, QKeySequence.Copy
        )
        self.paste_action = make_action(self, self.tr("&Paste"), self.paste, QKeySequence.Paste)
        self.clear_action = make_action(
            self,
            self.tr("Set to zero"),
            self.clear_selection,
            QKeySequence.Delete,
            self.tr("Set the selected values to 0"),
        )
        for action in (self.copy_action, self.paste_action, self.clear_action):
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.view.addAction(action)

    # -- current cell ---------------------------------------------------------------------------

    def current_class(self) -> int | None:
        row = self.view.currentIndex().row()
        return row if 0 <= row < self.model.sum_row else None

    def current_distribution(self) -> str | None:
        return self.model.distribution_at(self.view.currentIndex().column())

    def select(self, class_index: int | None = None, distribution: str | None = None) -> None:
        row = class_index if class_index is not None else max(self.current_class() or 0, 0)
        column = (
            self.model.column_of(distribution)
            if distribution is not None
            else max(self.view.currentIndex().column(), 1)
        )
        row = min(row, self.model.rowCount() - 2)
        column = min(column, self.model.columnCount() - 1)
        self.view.setCurrentIndex(self.model.index(row, column))

    def _on_model_about_to_be_reset(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self._kept_position = (current.row(), current.column())

    def _on_model_reset(self) -> None:
        """Rows or columns came or went: keep the cursor where it was, as near as possible."""
        row, column = self._kept_position
        row = min(row, self.model.rowCount() - 2)
        column = min(max(column, 0), self.model.columnCount() - 1)
        self.view.setCurrentIndex(self.model.index(row, column))
        self._update_actions()

    def _on_view_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        name = self.current_distribution()
        if name is not None:
            self._document.select_model(name)  # the worked example follows the cursor

    def _update_actions(self) -> None:
        workspace = self._document.workspace
        name = self.current_distribution()
        has_class = self.current_class() is not None
        is_model = name is not None and name != workspace.reference
        self.remove_class_action.setEnabled(has_class and len(workspace.classes) > 2)
        self.lock_class_action.setEnabled(has_class)
        self.lock_class_action.setChecked(
            has_class and workspace.classes[self.current_class()] in self._document.locked_classes
        )
        self.move_class_up_action.setEnabled(has_class and self.current_class() > 0)
        self.move_class_down_action.setEnabled(
            has_class and self.current_class() < len(workspace.classes) - 1
        )
        self.remove_distribution_action.setEnabled(is_model)
        self.remove_distribution_action.setText(
            self.tr("Remove %s") % name if is_model else self.tr("Remove model")
        )
        index = workspace.index_of(name) if name is not None else -1
        self.move_left_action.setEnabled(index > 0)
        self.move_right_action.setEnabled(0 <= index < len(workspace.distributions) - 1)
        for action in (
            self.rename_distribution_action,
            self.toggle_counts_action,
            self.normalize_action,
        ):
            action.setEnabled(name is not None)
        self.set_reference_action.setEnabled(is_model)
        self.set_reference_action.setText(
            self.tr("Make %s the &reference") % name if is_model else self.tr("Make the &reference")
        )
        self.toggle_counts_action.setChecked(
            name is not None and workspace.distribution(name).is_counts
        )

    # -- operations -----------------------------------------------------------------------------

    def _attempt(self, operation: Callable[[], None]) -> bool:
        """Run a document edit; say why in the status bar if it cannot be done."""
        try:
            operation()
        except (WorkspaceError, ValueParseError) as error:
            self.message.emit(self.tr("Not changed: %s") % error)
            return False
        return True

    def add_class(self) -> None:
        current = self.current_class()
        index = current + 1 if current is not None else None
        if self._attempt(lambda: self._document.add_class(index=index)):
            self.select(class_index=index if index is not None else self.model.sum_row - 1)

    def remove_class(self) -> None:
        current = self.current_class()
        if current is not None and self._attempt(lambda: self._document.remove_class(current)):
            self.select(class_index=min(current, self.model.sum_row - 1))

    def move_class(self, step: int) -> None:
        current = self.current_class()
        if current is None:
            return
        target = current + step
        if self._attempt(lambda: self._document.move_class(current, target)):
            self.select(class_index=target)

    def add_model(self) -> None:
        name = self._document.unused_model_name()
        if self._attempt(lambda: self._document.add_distribution(name)):
            self.select(distribution=name)

    def remove_distribution(self) -> None:
        name = self.current_distribution()
        if name is not None:
            self._attempt(lambda: self._document.remove_distribution(name))
            self.select()

    def move_distribution(self, step: int) -> None:
        name = self.current_distribution()
        if name is None:
            return
        index = self._document.workspace.index_of(name)
        if self._attempt(lambda: self._document.move_distribution(index, index + step)):
            self.select(distribution=name)

    def rename_distribution(self) -> None:
        """Ask for a new name; one that cannot be taken is asked again, as typed, with why."""
        name = self.current_distribution()
        if name is None:
            return
        typed, prompt = name, self.tr("New name for %s:") % name
        while True:
            typed, accepted = QInputDialog.getText(self, self.tr("Rename"), prompt, text=typed)
            if not accepted or typed.strip() in ("", name):
                return
            try:
                self._document.rename_distribution(name, typed)
            except WorkspaceError as error:
                prompt = self.tr("Not renamed: %s\nNew name for %s:") % (error, name)
                continue
            self.select(distribution=typed.strip())
            return

    def set_reference(self) -> None:
        name = self.current_distribution()
        if name is not None:
            self._attempt(lambda: self._document.set_reference(name))

    def toggle_counts(self) -> None:
        name = self.current_distribution()
        if name is None:
            return
        is_counts = self._document.workspace.distribution(name).is_counts
        kind = "probabilities" if is_counts else "counts"
        self._attempt(lambda: self._document.set_kind(name, kind))

    def normalize_current(self) -> None:
        name = self.current_distribution()
        if name is None:
            return
        before = self._document.workspace
        if not self._attempt(lambda: self._document.normalize(name)):
            return
        if self._document.workspace is before:  # no step, no change to announce
            self.message.emit(self.tr("%s already sums to 1: nothing to change.") % name)
        else:
            self.message.emit(self.tr("Normalized %s: it now sums to 1.") % name)

    def normalize_all(self) -> None:
        left_out = self._document.normalize_all()
        if left_out:
            self.message.emit(left_out)

    # -- clipboard ------------------------------------------------------------------------------

    def _selected_value_cells(self) -> list[tuple[int, int]]:
        return sorted(
            (index.row(), index.column())
            for index in self.view.selectionModel().selectedIndexes()
            if index.row() < self.model.sum_row
        )

    def copy_selection(self) -> None:
        """The selected block as tab-separated text that pastes into spreadsheets."""
        cells = self._selected_value_cells() or (
            [(self.current_class(), self.view.currentIndex().column())]
            if self.current_class() is not None
            else []
        )
        if not cells:
            return
        rows = sorted({row for row, _ in cells})
        columns = sorted({column for _, column in cells})
        selected = set(cells)
        lines = [
            "\t".join(
                str(self.model.data(self.model.index(row, column), Qt.EditRole))
                if (row, column) in selected
                else ""
                for column in columns
            )
            for row in rows
        ]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Paste a block (tab-, semicolon- or space-separated, as spreadsheets and editors
        copy it) at the current cell, as one undo step. An empty cell, or an empty line,
        leaves what it lands on as it is."""
        start_row, start_column = self.current_class(), self.view.currentIndex().column()
        if start_row is None or start_column < 0:
            self.message.emit(self.tr("Not pasted: choose a cell to paste into first."))
            return
        grid = [_split_pasted_line(line) for line in text.rstrip("\r\n").splitlines()]
        if not grid or not any(cell.strip() for line in grid for cell in line):
            self.message.emit(self.tr("Not pasted: the clipboard holds no values."))
            return
        try:
            workspace = self._pasted(self._document.workspace, grid, start_row, start_column)
        except WorkspaceError as error:
            self.message.emit(self.tr("Not pasted: %s") % error)
            return
        self._document.apply(workspace, self.tr("Paste"))

    def _pasted(self, workspace, grid: list[list[str]], start_row: int, start_column: int):
        """The workspace with ``grid`` written from (start_row, start_column): one new column
        per distribution touched, not one per cell (a 1000-row paste stays instant)."""
        if start_row + len(grid) > len(workspace.classes):
            raise WorkspaceError(
                self.tr("the pasted block has %d rows; only %d fit below")
                % (len(grid), len(workspace.classes) - start_row)
            )
        names = list(workspace.classes)
        columns: dict[str, np.ndarray] = {}
        for row_offset, line in enumerate(grid):
            row = start_row + row_offset
            for column_offset, cell in enumerate(line):
                column = start_column + column_offset
                if not cell.strip():
                    continue
                if column == NAME_COLUMN:
                    names[row] = cell.strip()
                    continue
                name = self.model.distribution_at(column)
                if name is None:
                    raise WorkspaceError(self.tr("the pasted block is wider than the table"))
                try:
                    value = parse_value(cell)
                except ValueParseError as error:
                    raise WorkspaceError(
                        self.tr("pasted row %d, column %d: %s")
                        % (row_offset + 1, column_offset + 1, error)
                    ) from None
                if name not in columns:
                    columns[name] = workspace.distribution(name).values.copy()
                columns[name][row] = value
        if names != list(workspace.classes):
            workspace = workspace.with_class_names(names)  # all at once: names may swap
        for name, values in columns.items():
            workspace = workspace.with_values(name, values)
        return workspace

    def clear_selection(self) -> None:
        """Set the selected values to 0; text there that was not accepted goes too."""
        workspace = self._document.workspace
        columns: dict[str, np.ndarray] = {}
        for row, column in self._selected_value_cells():
            name = self.model.distribution_at(column)
            self._document.clear_rejected_entry(name, workspace.classes[row])
            if name is not None:
                columns.setdefault(name, workspace.distribution(name).values.copy())[row] = 0.0
        for name, values in columns.items():
            workspace = workspace.with_values(name, values)
        self._document.apply(workspace, self.tr("Set to zero"))

    # -- menus ----------------------------------------------------------------------------------

    def distribution_actions(self) -> list[QAction | None]:
        return [
            self.set_reference_action,
            self.rename_distribution_action,
            self.toggle_counts_action,
            self.normalize_action,
            None,
            self.move_left_action,
            self.move_right_action,
            None,
            self.add_model_action,
            self.remove_distribution_action,
        ]

    def class_actions(self) -> list[QAction | None]:
        return [
            self.find_class_action,
            None,
            self.add_class_action,
            self.remove_class_action,
            None,
            self.move_class_up_action,
            self.move_class_down_action,
            self.lock_class_action,
        ]

    def find_class(self) -> None:
        """Put the keyboard in the class filter, its text selected to type over."""
        self.class_filter.setFocus(Qt.ShortcutFocusReason)
        self.class_filter.selectAll()

    def toggle_class_lock(self) -> None:
        current = self.current_class()
        if current is not None:
            name = self._document.workspace.classes[current]
            self._document.set_class_locked(name, name not in self._document.locked_classes)

    def _popup(self, actions: list[QAction | None], position: QPoint, source: QWidget) -> None:
        menu = QMenu(self)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(source.mapToGlobal(position))

    def _on_column_header_menu_requested(self, position: QPoint) -> None:
        column = self.view.horizontalHeader().logicalIndexAt(position)
        if self.model.distribution_at(column) is None:
            return
        self.select(distribution=self.model.distribution_at(column))
        self._popup(self.distribution_actions(), position, self.view.horizontalHeader())

    def _on_row_header_menu_requested(self, position: QPoint) -> None:
        row = self.view.verticalHeader().logicalIndexAt(position)
        if not 0 <= row < self.model.sum_row:
            return
        self.select(class_index=row)
        self._popup(self.class_actions(), position, self.view.verticalHeader())

    def _on_cell_menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if index.isValid():
            self.view.setCurrentIndex(index)
        actions: list[QAction | None] = [self.copy_action, self.paste_action, self.clear_action]
        if self.current_distribution() is not None:
            actions += [None, *self.distribution_actions()]
        actions += [None, *self.class_actions()]
        self._popup(actions, position, self.view.viewport())

    def _on_column_header_double_clicked(self, column: int) -> None:
        if self.model.distribution_at(column) is not None:
            self.select(distribution=self.model.distribution_at(column))
            self.rename_distribution()
