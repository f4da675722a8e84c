"""A read-only table of prepared rows: display text, and optionally tooltips per cell."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from klgui.style.palette import table_brushes
from klgui.tables.item_roles import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    ALIGNMENT,
    BACKGROUND,
    DISPLAY,
    FONT,
    TOOLTIP,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """Rows of text formatted once by the owner. ``text_columns`` (names) align left, the
    numbers right."""

    def __init__(
        self, headers: list[str], text_columns: set[int], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._text_columns = text_columns
        self._header_tips: list[str] = [""] * len(headers)
        self._rows: list[list[str]] = []
        self._tips: list[list[str]] = []
        self._highlighted: set[int] = set()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(
        self,
        rows: list[list[str]],
        tips: list[list[str]] | None = None,
        highlighted: set[int] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = rows
        self._tips = tips or [[""] * len(row) for row in rows]
        self._highlighted = highlighted or set()
        self.endResetModel()

    def set_header_tips(self, tips: list[str]) -> None:
        self._header_tips = tips

    def rows(self) -> list[list[str]]:
        return self._rows

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if orientation != Qt.Horizontal:
            return None
        if role == DISPLAY:
            return self._headers[section]
        if role == TOOLTIP:
            return self._header_tips[section] or None
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY):
        row, column = index.row(), index.column()
        if role == DISPLAY:
            return self._rows[row][column]
        if role == TOOLTIP:
            return self._tips[row][column] or None
        if role == ALIGNMENT:
            return ALIGN_LEFT if column in self._text_columns else ALIGN_RIGHT
        if role == BACKGROUND and row in self._highlighted:
            return table_brushes().best_row
        if role == FONT and row in self._highlighted:
            return self._bold
        return None
