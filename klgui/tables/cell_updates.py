"""Telling table views which cells changed, so that they repaint only those.

A view repaints the rectangle of a changed range one pixel wider and taller than the range
(its grid line), which reaches into the next column and row: they are then repainted too,
at about 40 µs a cell. Announced one by one, cells repaint exactly; past a few dozen, the
signals cost more than the extra painting.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel

#: Most cells announced one by one; more are announced as their bounding range.
CELL_BY_CELL_LIMIT = 64


def announce_changed_cells(model: QAbstractItemModel, cells: Sequence[tuple[int, int]]) -> None:
    """Emit dataChanged for ``cells`` (row, column): each on its own while they are few,
    else once for the range that holds them all."""
    if not cells:
        return
    if len(cells) <= CELL_BY_CELL_LIMIT:
        for row, column in cells:
            index = model.index(row, column)
            model.dataChanged.emit(index, index)
        return
    rows = [row for row, _ in cells]
    columns = [column for _, column in cells]
    model.dataChanged.emit(
        model.index(min(rows), min(columns)), model.index(max(rows), max(columns))
    )
