"""The banner over the editor while the input cannot be compared: what is wrong, and a fix."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from klgui.document.document import Document
from klgui.style.palette import banner_colours


class InputBanner(QFrame):
    #: What Normalize all left out and why, for the status bar.
    message = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setObjectName("inputBanner")
        self.follow_theme()
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.normalize_button = QPushButton(self.tr("Normalize all"), self)
        self.normalize_button.setToolTip(
            self.tr("Divide every column that does not sum to 1 by its sum")
        )
        self.normalize_button.clicked.connect(self._on_normalize_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.normalize_button)
        document.comparisonChanged.connect(self._on_document_changed)
        document.rejectedEntriesChanged.connect(self._on_document_changed)
        self._on_document_changed()

    def follow_theme(self) -> None:
        """Amber with text that reads on it, on the application's palette (light or dark)."""
        colours = banner_colours()
        self.setStyleSheet(
            f"#inputBanner {{ background: {colours.background.name()};"
            f" border: 1px solid {colours.border.name()}; border-radius: 4px; }}"
            f" #inputBanner > QLabel {{ color: {colours.text.name()}; }}"
        )

    def _on_document_changed(self) -> None:
        lines = [*self._input_lines(), *self._rejected_lines()]
        if not lines:
            self.hide()
            return
        self.label.setText("\n".join(lines))
        workspace = self._document.workspace
        self.normalize_button.setVisible(
            any(
                p.class_index is None and not workspace.distribution(p.distribution).is_counts
                for p in self._document.problems
            )
        )
        self.show()

    def _input_lines(self) -> list[str]:
        """What keeps the input from a comparison, and what the charts show meanwhile."""
        error = self._document.input_error
        if error is None:
            return []
        problems = self._document.problems
        more = len(problems) - 1
        text = "⚠ " + error
        if more == 1:
            text += " " + self.tr("(and 1 more problem, marked in the table)")
        elif more > 1:
            text += " " + self.tr("(and %d more problems, marked in the table)") % more
        reference = self._document.workspace.reference
        left_out = self._document.left_out
        if left_out:
            shown = self.tr("Left out of the charts and the ranking until it is fixed: %s") % (
                ", ".join(left_out)
            )
        elif self._document.comparison is None:
            return [text]
        elif any(p.distribution == reference for p in problems):
            shown = (
                self.tr("The reference %s is not valid: the charts show the last valid input.")
                % reference
            )
        else:
            shown = self.tr("The charts show the last valid input.")
        return [text, shown]

    def _rejected_lines(self) -> list[str]:
        """Text typed and not accepted: it is not in the document (nor in a saved file)."""
        rejected = self._document.rejected_entries
        if not rejected:
            return []
        first = rejected[0]
        if first.distribution is None:
            where = self.tr("the name of class %s") % first.class_name
        else:
            where = f"{first.distribution}, {first.class_name}"
        more = len(rejected) - 1
        if more == 0:
            fix = self.tr("Nothing was changed; correct the marked cell.")
        elif more == 1:
            fix = self.tr("Nothing was changed; correct the marked cells (this one and 1 more).")
        else:
            fix = (
                self.tr("Nothing was changed; correct the marked cells (this one and %d more).")
                % more
            )
        return [self.tr("⚠ Not accepted (%s): %s.") % (where, first.reason) + " " + fix]

    def _on_normalize_button_clicked(self) -> None:
        left_out = self._document.normalize_all()
        if left_out:
            self.message.emit(left_out)
