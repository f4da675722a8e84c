"""The ranking: models in rank order by the chosen measure, best first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsOpacityEffect,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.comparison import Comparison, rank_values
from core.errors import one_line
from klgui.document.document import Document
from klgui.style.palette import table_brushes
from klgui.style.stale_mark import StaleMark
from klgui.tables.cell_updates import announce_changed_cells
from klgui.tables.item_roles import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    ALIGNMENT,
    BACKGROUND,
    DISPLAY,
    FONT,
    TOOLTIP,
)
from klgui.text.measure_names import describe_smoothing, measure_title, measure_tooltip
from klgui.text.number_format import format_number, format_precise

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


AnyIndex = QModelIndex | QPersistentModelIndex


#: The model column's widest, in average characters; longer names are elided.
MODEL_COLUMN_CHARACTERS = 22


class RankingModel(QAbstractTableModel):
    """Rows: models in rank order. Columns: rank, model, then every measure.

    The display text of every cell is formatted once per comparison, not on every repaint.
    """

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._document = document
        self._order: tuple[int, ...] = ()
        self._cells: list[list[str]] = []
        self._best_rows: frozenset[int] = frozenset()
        self._apart_rows: frozenset[int] = frozenset()
        #: Argmax histograms ranked with the models (off: listed after them, unranked).
        self.rank_histograms = False
        self._rank_column = -1
        self._header_key: tuple = ()
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        document.comparisonChanged.connect(self._on_document_comparison_changed)
        self._on_document_comparison_changed()

    def set_rank_histograms(self, on: bool) -> None:
        self.rank_histograms = on
        self._order = ()  # a new set of rows
        self._on_document_comparison_changed()

    def _rows(self, comparison: Comparison) -> tuple[tuple[int, ...], list[int | None]]:
        """Model indices in the order shown, and the rank each row shows: the models ranked
        among themselves, then the argmax histograms, unranked (unless ranked with them)."""
        histograms = frozenset() if self.rank_histograms else self._document.histograms
        order = comparison.order
        models = [i for i in order if comparison.models[i] not in histograms]
        apart = [i for i in order if comparison.models[i] in histograms]
        if not apart:
            return order, [int(comparison.rank[i]) for i in order]
        # Competition ranks of the ranks: the same order and ties, counted among models only.
        ranks = rank_values(comparison.rank[models].astype(float)) if models else []
        return (*models, *apart), [int(r) for r in ranks] + [None] * len(apart)

    def _on_document_comparison_changed(self) -> None:
        comparison = self._document.comparison
        order: tuple[int, ...] = ()
        old_best, old_rank_column = self._best_rows, self._rank_column
        cells = []
        if comparison is not None:
            order, ranks = self._rows(comparison)
            columns = [comparison.measure(m) for m in RANKING_MEASURES]
            cells = [
                [
                    "—" if rank is None else str(rank),
                    comparison.models[i],
                    *(format_number(float(values[i])) for values in columns),
                ]
                for i, rank in zip(order, ranks, strict=True)
            ]
            self._best_rows = frozenset(row for row, rank in enumerate(ranks) if rank == 1)
            self._apart_rows = frozenset(row for row, rank in enumerate(ranks) if rank is None)
            self._rank_column = 2 + RANKING_MEASURES.index(comparison.rank_by)
        if len(order) != len(self._order):
            self.beginResetModel()
            self._order, self._cells = order, cells
            self.endResetModel()
            return
        old_cells = self._cells
        self._order, self._cells = order, cells
        if self._best_rows != old_best or self._rank_column != old_rank_column:
            changed = [
                (row, column) for row in range(len(order)) for column in range(self.columnCount())
            ]
        else:  # in a drag, only the dragged model's row
            changed = [
                (row, column)
                for row, (old, new) in enumerate(zip(old_cells, cells, strict=True))
                for column, (before, after) in enumerate(zip(old, new, strict=True))
                if before != after
            ]
        announce_changed_cells(self, changed)
        header_key = (self._rank_column, comparison.unit if comparison is not None else "")
        if header_key != self._header_key:
            self._header_key = header_key
            self.headerDataChanged.emit(Qt.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(RANKING_MEASURES)

    def measure_at(self, column: int) -> str | None:
        return RANKING_MEASURES[column - 2] if column >= 2 else None

    def longest_texts(self) -> list[int]:
        """The length of the longest text in each column."""
        return [
            max((len(row[c]) for row in self._cells), default=0) for c in range(self.columnCount())
        ]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if orientation != Qt.Horizontal:
            return None
        comparison = self._document.comparison
        measure = self.measure_at(section)
        if role == DISPLAY:
            if section == 0:
                return self.tr("Rank")
            if section == 1:
                return self.tr("Model")
            title = measure_title(measure)
            return f"{title} ▲" if section == self._rank_column else title
        if role == TOOLTIP and measure is not None:
            unit = comparison.unit if comparison is not None else ""
            return measure_tooltip(measure, unit)
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY):
        row, column = index.row(), index.column()
        if role == DISPLAY:
            return self._cells[row][column]
        if role == ALIGNMENT:
            return ALIGN_LEFT if column == 1 else ALIGN_RIGHT
        if role == BACKGROUND:
            return table_brushes().best_row if row in self._best_rows else None
        if role == FONT and row in self._apart_rows:
            return self._italic
        if role == FONT:
            return self._bold if row in self._best_rows or column == self._rank_column else None
        if role == TOOLTIP and row in self._apart_rows:
            return self.tr(
                "%s: how often each class is the predicted label (argmax), not the model's "
                "probabilities. One that matches the labels says little of a model: it is not "
                "ranked with the models."
            ) % self._cells[row][1]
        if role == TOOLTIP and column == 1:
            return self._cells[row][1]
        if role == TOOLTIP and column >= 2:
            return self._tooltip(self._order[row], RANKING_MEASURES[column - 2])
        return None

    def _tooltip(self, model_index: int, measure: str) -> str:
        comparison = self._document.comparison
        value = float(comparison.measure(measure)[model_index])
        tip = f"{measure_title(measure)} = {format_precise(value)}"
        if measure in ("kl", "cross_entropy", "chi_square"):
            infinite = comparison.infinite_classes[model_index]
            if infinite:
                tip += "\n" + self.tr("Infinite: the model gives 0 to %s") % ", ".join(infinite)
        return tip


class RankingTable(QWidget):
    """The ranking table under its title, which names the reference the models are compared
    with, and the sentence that explains why CE and KL rank alike. While the input is invalid
    it shows the last valid input, marked and dimmed (the sentence too) as the charts are."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = RankingModel(document)
        self._mark = StaleMark(self.tr("Ranking"))
        self.title = QLabel(self._mark.title, self)
        self.title.setTextFormat(Qt.PlainText)
        bold = QFont()
        bold.setBold(True)
        self.title.setFont(bold)
        # The title follows the width it is given (long or short mark), never widens the view.
        self.title.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setTextElideMode(Qt.ElideMiddle)  # long names often differ only at the end
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        # Fitted on a new set of models only: ResizeToContents would measure every cell on
        # every edit.
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        self.view.resizeColumnsToContents()
        self._fitted_lengths: list[int] = []
        header.setSectionsClickable(True)
        header.setToolTip(self.tr("Click a measure to rank by it"))
        header.sectionClicked.connect(self._on_header_section_clicked)
        self.view.clicked.connect(self._on_view_clicked)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.rank_histograms = QCheckBox(self.tr("Rank the argmax histograms with the models"))
        self.rank_histograms.setToolTip(
            self.tr(
                "Prediction files give each model's predicted-label (argmax) histogram too; "
                "by default they are listed after the models, unranked"
            )
        )
        self.rank_histograms.toggled.connect(self.model.set_rank_histograms)
        # Its label never widens the window (an 800 px window with prediction files grew to
        # 895): in a narrow pane it is cut, and its tooltip says what it does.
        self.rank_histograms.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        # The cells and the note on them are dimmed, as the charts' plots are (their axes,
        # like the header, are not).
        self._dimmings = [_dimming(self.view.viewport()), _dimming(self.note)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addWidget(self.rank_histograms)
        layout.addWidget(self.note)
        document.comparisonChanged.connect(self._on_document_comparison_changed)
        self._on_document_comparison_changed()

    def is_stale(self) -> bool:
        """True while the table shows the last valid input, not the current one."""
        return self._mark.stale

    def _show_state(self, current: bool) -> None:
        """Mark the title and dim the table while it shows the last valid input."""
        if self._mark.stale == current:
            self._mark.stale = not current
            self._show_title()
            for dimming in self._dimmings:
                dimming.setOpacity(self._mark.opacity)
                dimming.setEnabled(not current)

    def _show_title(self) -> None:
        font = self.title.font()
        reference = self._reference()
        if reference is None:
            self._mark.title = self.tr("Ranking")
            self.title.setToolTip("")
        else:  # a long name shortened in the middle; the tooltip has it whole
            widest = QFontMetrics(font).averageCharWidth() * MODEL_COLUMN_CHARACTERS
            short = QFontMetrics(font).elidedText(reference, Qt.ElideMiddle, widest)
            self._mark.title = self.tr("Ranking against %s") % short
            self.title.setToolTip(self.tr("Ranking against %s") % reference)
        self.title.setMinimumWidth(self._mark.minimum_width(font))
        self.title.setText(self._mark.title_text(font, self.width()))

    def _reference(self) -> str | None:
        """What the figures compare with, on one line (after prediction files that label
        different samples, the first file's labels, not each model's own)."""
        comparison = self._document.comparison
        return None if comparison is None else one_line(comparison.reference)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_title()  # the long or the short mark

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._show_title()

    def _on_view_clicked(self, index) -> None:
        name = self.model.data(self.model.index(index.row(), 1))
        if name:
            self._document.select_model(name)

    def _on_header_section_clicked(self, column: int) -> None:
        measure = self.model.measure_at(column)
        if measure is not None:
            self._document.set_rank_by(measure)

    def fit_columns(self, force: bool = False) -> None:
        """Widen columns when their text grew (a new name, a longer number), not on every edit:
        fitting measures every cell. ``force``: fit them now (a new font)."""
        lengths = self.model.longest_texts()
        fitted = self._fitted_lengths
        if force or len(fitted) != len(lengths):
            self._fitted_lengths = lengths
            self.view.resizeColumnsToContents()
        else:
            # Only the columns whose text grew, and never narrower: six significant digits
            # make the numbers' lengths wobble during a drag, and fitting measures every cell.
            pairs = enumerate(zip(lengths, fitted, strict=True))
            grown = [column for column, (new, old) in pairs if new > old]
            if not grown:
                return
            for column in grown:
                fitted[column] = lengths[column]
                self.view.resizeColumnToContents(column)
        # A long model name is cut short (its tooltip has it whole), not let push the
        # measures out of sight.
        widest = self.view.fontMetrics().averageCharWidth() * MODEL_COLUMN_CHARACTERS
        if self.view.columnWidth(1) > widest:
            self.view.setColumnWidth(1, widest)

    def _on_document_comparison_changed(self) -> None:
        self.rank_histograms.setVisible(bool(self._document.histograms))
        self.fit_columns()
        comparison = self._document.comparison
        self._show_state(comparison is None or self._document.comparison_is_current)
        self._show_title()  # the reference may have changed
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
        smoothing = comparison.smoothing
        has_counts = any(d.is_counts for d in self._document.workspace.distributions)
        if smoothing.is_active and smoothing.method == "add_k" and not has_counts:
            lines.append(self.tr("Add-k smoothing has no effect: no column holds counts."))
        elif smoothing.is_active:
            lines.append(
                self.tr("Smoothing is on (%s): these are not the raw distributions.")
                % describe_smoothing(smoothing)
            )
        self.note.setText("\n".join(lines))


def _dimming(widget: QWidget) -> QGraphicsOpacityEffect:
    """An opacity effect on ``widget``, off: an effect renders offscreen, so only while dimmed."""
    effect = QGraphicsOpacityEffect(widget)
    effect.setEnabled(False)
    widget.setGraphicsEffect(effect)
    return effect
