"""A header whose labels of several lines ("★ labels\\n(counts)") are cut line by line, and only
where a line is wider than its section."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget


class LineElidingHeader(QHeaderView):
    """Qt's own eliding measures a label of several lines as one long line, so "★ labels
    (counts)" is cut in a section that shows both lines whole; here each line is cut by
    itself to the section's width, with "…", and the header's tooltip (the model's) has it
    whole."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setTextElideMode(Qt.ElideNone)  # the style draws the lines cut here as they are
        self.setSectionsClickable(True)  # as a table's own header: a click selects a column
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        option.text = self.shown_label(logical_index, option.text)

    def shown_label(self, logical_index: int, text: str) -> str:
        """``text`` as the section shows it: each line whole if it fits, else cut with "…"."""
        margin = self.style().pixelMetric(QStyle.PM_HeaderMargin, None, self)
        width = self.sectionSize(logical_index) - 2 * margin
        metrics = QFontMetrics(self._section_font(logical_index))
        return "\n".join(
            metrics.elidedText(line, Qt.ElideRight, width) for line in text.split("\n")
        )

    def _section_font(self, logical_index: int) -> QFont:
        model = self.model()
        font = model.headerData(logical_index, self.orientation(), Qt.FontRole) if model else None
        return font if isinstance(font, QFont) else self.font()
