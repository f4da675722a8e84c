"""The ranking: models in rank order by the chosen measure, best first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from klgui.document import Document
from klgui.measure_names import measure_title, measure_tooltip
from klgui.number_format import format_exact, format_number

#: Measures shown as columns, in order.
RANKING_MEASURES = (
    "kl",
    "reverse_kl",
    "cross_entropy",
    "js_divergence",
    "js_distance",
    "total_variation",
    "hellinger",
    "bhattacharyya",
    "chi_square",
    "wasserstein",
)

BEST_ROW_COLOUR = QColor("#d9f0d3")  # pale green: readable on a projector, also in grey

AnyIndex = QModelIndex | QPersistentModelIndex


class RankingModel(QAbstractTableModel):
    """Rows: models in rank order. Columns: rank, model, then every measure."""

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._document = document
        self._order: tuple[int, ...] = ()
        document.comparisonChanged.connect(self._on_document_comparison_changed)
        self._on_document_comparison_changed()

    def _on_document_comparison_changed(self) -> None:
        self.beginResetModel()
        comparison = self._document.comparison
        self._order = comparison.order if comparison is not None else ()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(RANKING_MEASURES)

    def measure_at(self, column: int) -> str | None:
        return RANKING_MEASURES[column - 2] if column >= 2 else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation != Qt.Horizontal:
            return None
        comparison = self._document.comparison
        measure = self.measure_at(section)
        if role == Qt.DisplayRole:
            if section == 0:
                return self.tr("Rank")
            if section == 1:
                return self.tr("Model")
            title = measure_title(measure)
            if comparison is not None and measure == comparison.rank_by:
                return f"{title} ▲"
            return title
        if role == Qt.ToolTipRole and measure is not None:
            unit = comparison.unit if comparison is not None else ""
            return measure_tooltip(measure, unit)
        return None

    def data(self, index: AnyIndex, role: int = Qt.DisplayRole):
        comparison = self._document.comparison
        if comparison is None or not index.isValid():
            return None
        model_index = self._order[index.row()]
        column = index.column()
        measure = self.measure_at(column)
        if role == Qt.DisplayRole:
            if column == 0:
                return str(int(comparison.rank[model_index]))
            if column == 1:
                return comparison.models[model_index]
            return format_number(float(comparison.measure(measure)[model_index]))
        if role == Qt.ToolTipRole and measure is not None:
            value = float(comparison.measure(measure)[model_index])
            tip = f"{measure_title(measure)} = {format_exact(value)}"
            if measure in ("kl", "cross_entropy", "chi_square"):
                infinite = comparison.infinite_classes[model_index]
                if infinite:
                    tip += "\n" + self.tr("Infinite: the model gives 0 to %s") % ", ".join(infinite)
            return tip
        if role == Qt.TextAlignmentRole:
            if column == 1:
                return int(Qt.AlignLeft | Qt.AlignVCenter)
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.BackgroundRole and comparison.rank[model_index] == 1:
            return QBrush(BEST_ROW_COLOUR)
        if role == Qt.FontRole and (
            comparison.rank[model_index] == 1 or measure == comparison.rank_by
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None


class RankingTable(QWidget):
    """The ranking table with the sentence that explains why CE and KL rank alike."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = RankingModel(document)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(False)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.note)
        document.comparisonChanged.connect(self._on_document_comparison_changed)
        self._on_document_comparison_changed()

    def _on_document_comparison_changed(self) -> None:
        comparison = self._document.comparison
        if comparison is None:
            self.note.clear()
            return
        lines = [
            self.tr(
                "H(P,Q) = H(P) + KL(P‖Q), and H(P) = %s %s does not depend on the model: "
                "ranking by cross-entropy gives the same order as ranking by KL."
            )
            % (format_number(comparison.reference_entropy), comparison.unit)
        ]
        if comparison.smoothing.is_active:
            lines.append(
                self.tr("Smoothing is on (%s): these are not the raw distributions.")
                % comparison.smoothing.describe()
            )
        self.note.setText("\n".join(lines))
