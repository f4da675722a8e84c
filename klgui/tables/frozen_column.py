"""The editor's class column kept in sight when the table scrolls sideways (many models)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHeaderView, QTableView


class FrozenColumn(QTableView):
    """A view of the host's first column, on the same model and selection, drawn over the
    host's left edge while the host is scrolled sideways: the class names stay beside the
    values of the 20th model. Not scrolled, the host's own column shows and this hides.
    The names can be edited here as there."""

    def __init__(self, host: QTableView) -> None:
        super().__init__(host)
        self._host = host
        self.setModel(host.model())
        self.setSelectionModel(host.selectionModel())
        self.setSelectionMode(host.selectionMode())
        self.setEditTriggers(host.editTriggers())
        self.setFocusPolicy(Qt.StrongFocus)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self._hide_other_columns()
        # The header lays new sections out later than a reset: hide them once it has.
        self.horizontalHeader().sectionCountChanged.connect(self._hide_other_columns)
        host.horizontalScrollBar().valueChanged.connect(self.place)
        host.horizontalHeader().sectionResized.connect(self.place)
        host.horizontalHeader().geometriesChanged.connect(self.place)
        host.verticalHeader().sectionResized.connect(self._on_host_row_resized)
        host.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(host.verticalScrollBar().setValue)
        host.installEventFilter(self)
        self.hide()

    def _hide_other_columns(self) -> None:
        model = self.model()
        if model is None:  # the view is being taken down
            return
        for column in range(1, model.columnCount()):
            self.setColumnHidden(column, True)
        self.place()

    def _on_host_row_resized(self, row: int, _old: int, size: int) -> None:
        self.setRowHeight(row, size)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() in (QEvent.Resize, QEvent.FontChange):
            self.place()
        return super().eventFilter(watched, event)

    def place(self) -> None:
        """Over the host's first column while it is scrolled sideways; hidden otherwise."""
        host = self._host
        if host.horizontalScrollBar().value() == 0 or host.isColumnHidden(0):
            self.hide()
            return
        self.setFont(host.font())
        self.horizontalHeader().setDefaultAlignment(host.horizontalHeader().defaultAlignment())
        self.verticalHeader().setDefaultSectionSize(host.verticalHeader().defaultSectionSize())
        header_height = host.horizontalHeader().height()
        self.horizontalHeader().setFixedHeight(header_height)
        width = host.columnWidth(0)
        self.setColumnWidth(0, width)
        left = host.frameWidth() + host.verticalHeader().width()
        self.setGeometry(
            left, host.frameWidth(), width + 1, header_height + host.viewport().height()
        )
        self.show()
        self.raise_()
        self.verticalScrollBar().setValue(host.verticalScrollBar().value())
