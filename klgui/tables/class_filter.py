"""The editor's class filter: a field to type part of a class name in, and the table's rows
of the other classes hidden. The text is the document's (the charts follow it too)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtWidgets import QLineEdit, QTableView, QWidget

from core.class_selection import matching_classes
from klgui.document.document import Document


class ClassFilter(QLineEdit):
    """Type to find a class: the editor shows only the rows of classes whose name contains
    the text (any case); the sum row stays. Rows are shown and hidden one by one only where
    that changes, so typing stays quick at 32,000 classes."""

    def __init__(self, document: Document, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._view = view
        self._hidden = np.zeros(0, dtype=bool)  # per class row, as the view has it now
        self.setPlaceholderText(self.tr("Find a class…"))
        self.setClearButtonEnabled(True)
        self.setToolTip(
            self.tr("Show only the classes whose name contains this text, in the table and charts")
        )
        self.setText(document.class_view.find)
        self.textChanged.connect(self._on_text_changed)
        document.classViewChanged.connect(self._on_document_class_view_changed)
        document.workspaceChanged.connect(self.apply)
        view.model().modelReset.connect(self._on_model_reset)
        self.apply()

    def _on_text_changed(self, text: str) -> None:
        self._document.set_class_view(replace(self._document.class_view, find=text))

    def _on_document_class_view_changed(self) -> None:
        find = self._document.class_view.find
        if self.text() != find:  # typed in the charts' field
            self.setText(find)
        self.apply()

    def _on_model_reset(self) -> None:
        self._hidden = np.zeros(0, dtype=bool)  # a reset shows every row again
        self.apply()

    def apply(self) -> None:
        """Hide the rows of the classes that do not match, show the others."""
        classes = self._document.workspace.classes
        hidden = np.ones(len(classes), dtype=bool)
        hidden[matching_classes(classes, self._document.class_view.find)] = False
        before = np.zeros(len(classes), dtype=bool)
        count = min(len(before), len(self._hidden))
        before[:count] = self._hidden[:count]
        changed = np.flatnonzero(hidden != before)
        if changed.size:
            # Each row hidden while the view updates costs it a repaint of its header: 28,000
            # rows took a second; with updates off, 40 ms.
            self._view.setUpdatesEnabled(False)
            try:
                for row in changed:
                    self._view.setRowHidden(int(row), bool(hidden[row]))
            finally:
                self._view.setUpdatesEnabled(True)
        self._hidden = hidden
