"""Per-sample results of prediction files: metrics per model, percentiles of the
cross-entropy, its histogram, and the paired bootstrap between models."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import file_name, one_line
from core.measures import log_scale, unit_name
from core.predictions.evaluation import PERCENTILES, PredictionReport
from klgui.charts.bar_chart import PlainAxis
from klgui.document.document import Document
from klgui.style.chart_style import DEFAULT_STYLE
from klgui.style.palette import model_colour
from klgui.tables.rows_table_model import RowsTableModel
from klgui.text.number_format import format_number, format_precise

HISTOGRAM_BINS = 40
#: The histogram's least width (pixels): room for its axes, title and legend, which
#: pyqtgraph draws cut, rather than asking for room, in a narrower view.
HISTOGRAM_MINIMUM_WIDTH = 280
#: Infinite samples listed in a tooltip before "…".
LISTED_SAMPLES = 20


def _table(model: RowsTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    model.modelReset.connect(lambda: _fit(view))
    view.setMinimumSize(120, 48)  # a small window shrinks the tables, not the whole layout
    return view


def _fit(view: QTableView) -> None:
    """Columns to their contents, and the table no taller than its rows."""
    view.resizeColumnsToContents()
    rows = view.model().rowCount()
    height = view.horizontalHeader().height() + 2 * view.frameWidth() + 4
    height += sum(view.rowHeight(row) for row in range(rows))
    height += view.horizontalScrollBar().sizeHint().height()
    view.setMaximumHeight(max(height, view.minimumHeight()))


def _interval(low: float, high: float) -> str:
    return f"[{format_number(low)}, {format_number(high)}]"


class CrossEntropyHistogram(pg.PlotWidget):
    """How the per-sample cross-entropy spreads, one outline per model (created once)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # Values as they are (0.002, never 2 with "(x0.001)"), as on the other charts.
        super().__init__(
            parent=parent, axisItems={"left": PlainAxis("left"), "bottom": PlainAxis("bottom")}
        )
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        # Under the plot, not over it: the tallest bins are where a legend inside would sit.
        self.legend = pg.LegendItem()
        plot.layout.addItem(self.legend, 4, 1)
        self._curves: list[pg.PlotCurveItem] = []
        self._style = DEFAULT_STYLE
        self._last: tuple[PredictionReport, float, str] | None = None
        self.setMinimumSize(HISTOGRAM_MINIMUM_WIDTH, 100)
        self.apply_style(DEFAULT_STYLE)

    def apply_style(self, style) -> None:
        """Fonts, colours and line widths of a theme (see klgui.style.chart_style)."""
        self._style = style
        self.setBackground(style.background)
        plot = self.getPlotItem()
        plot.setTitle(
            self.tr("Per-sample cross-entropy"),
            justify="left",
            size=f"{style.title_point_size}pt",
            color=style.foreground,
        )
        font = QFont()
        font.setPointSize(style.font_point_size)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(style.foreground))
            axis.setTextPen(pg.mkPen(style.foreground))
            axis.setTickFont(font)
        label_style = {"font-size": f"{style.font_point_size}pt", "color": style.foreground}
        plot.setLabel("left", self.tr("samples"), **label_style)
        self.legend.setLabelTextColor(style.foreground)
        self.legend.setLabelTextSize(f"{style.font_point_size}pt")
        if self._last is not None:
            self.show_report(*self._last)

    def clear_report(self) -> None:
        """No prediction files any more: no curves, no legend."""
        self._last = None
        while self._curves:
            self.removeItem(self._curves.pop())
        self.legend.clear()

    def show_report(self, report: PredictionReport, scale: float, unit: str) -> None:
        self._last = (report, scale, unit)
        finite = [m.cross_entropy[np.isfinite(m.cross_entropy)] * scale for m in report.models]
        everything = np.concatenate([values for values in finite if values.size] or [[0.0]])
        high = float(everything.max()) if everything.size else 1.0
        edges = np.linspace(0.0, high if high > 0 else 1.0, HISTOGRAM_BINS + 1)
        while len(self._curves) < len(report.models):
            curve = pg.PlotCurveItem(x=[0.0, 1.0], y=[0.0], stepMode="center", fillLevel=0)
            self.addItem(curve)
            self._curves.append(curve)
        while len(self._curves) > len(report.models):
            self.removeItem(self._curves.pop())
        self.legend.clear()
        for index, (curve, metrics, values) in enumerate(
            zip(self._curves, report.models, finite, strict=True)
        ):
            counts, _ = np.histogram(values, bins=edges)
            colour = model_colour(index)
            fill = pg.mkColor(colour)
            fill.setAlpha(60)
            curve.setData(
                edges,
                counts,
                pen=pg.mkPen(colour, width=self._style.line_width),
                brush=pg.mkBrush(fill),
            )
            label = html.escape(metrics.name)
            if metrics.infinite_samples.size:
                label += self.tr(" (+%d at ∞)") % metrics.infinite_samples.size
            self.legend.addItem(curve, label)
        self.getPlotItem().setLabel(
            "bottom",
            self.tr("−log q(true class), %s") % unit,
            **{"font-size": f"{self._style.font_point_size}pt", "color": self._style.foreground},
        )
        self.getPlotItem().enableAutoRange()


class PredictionsPanel(QWidget):
    """Shown when the workspace comes from prediction files."""

    METRIC_HEADERS = (
        QT_TRANSLATE_NOOP("PredictionsPanel", "Rank"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "Model"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "Samples"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "Accuracy"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "Mean CE"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "± SE"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "Mean q(true)"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "Jensen bound"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "Brier"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "∞ samples"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "KL(labels‖mean q)"),
    )
    #: The columns of METRIC_HEADERS whose cells have tooltips of their own.
    SAMPLES_COLUMN = METRIC_HEADERS.index("Samples")
    MEAN_CE_COLUMN = METRIC_HEADERS.index("Mean CE")
    INFINITE_COLUMN = METRIC_HEADERS.index("∞ samples")
    KL_COLUMN = METRIC_HEADERS.index("KL(labels‖mean q)")
    #: The named percentiles of core's PERCENTILES (the numbered ones need no translation).
    PERCENTILE_NAMES = (
        QT_TRANSLATE_NOOP("PredictionsPanel", "max"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "median"),
        QT_TRANSLATE_NOOP("PredictionsPanel", "min"),
    )

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        # Files that label different samples: why the Comparison tab may rank otherwise.
        self.reference_note = QLabel(self)
        self.reference_note.setWordWrap(True)
        self.reference_note.setTextFormat(Qt.PlainText)
        self.metrics = RowsTableModel([self.tr(h) for h in self.METRIC_HEADERS], {1}, self)
        self.metrics.set_header_tips(
            [
                "",
                "",
                "",
                self.tr("Share of samples whose most probable class is the true one"),
                self.tr(
                    "Mean of −log q(true class): the cross-entropy, here also the KL "
                    "divergence, since a one-hot target has H(y) = 0"
                ),
                self.tr("Standard error of the mean cross-entropy"),
                self.tr("Mean probability given to the true class"),
                self.tr(
                    "e^(−mean CE in nats): by Jensen's inequality, mean q(true) is at least this"
                ),
                self.tr("Brier score: mean of Σ (q_k − y_k)²; lower is better"),
                self.tr(
                    "Samples whose true class got probability 0: infinite cross-entropy, "
                    "never clipped"
                ),
                self.tr(
                    "KL divergence of the model's mean predicted distribution from the "
                    "distribution of the true labels in the model's own file"
                ),
            ]
        )
        self.percentiles = RowsTableModel(
            [self.tr("Model"), *(self.tr(p) for p in PERCENTILES)], {0}, self
        )
        self.pairwise = RowsTableModel(
            [
                self.tr("A"),
                self.tr("B"),
                self.tr("Mean CE(A) − CE(B)"),
                self.tr("95% interval"),
                self.tr("A better in"),
            ],
            {0, 1},
            self,
        )
        self.histogram = CrossEntropyHistogram(self)
        tables = QWidget(self)
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        tables_layout.addWidget(self.summary)
        tables_layout.addWidget(self.reference_note)
        tables_layout.addWidget(_table(self.metrics, tables), 2)
        percentiles_title = QLabel(self.tr("Percentiles of the per-sample cross-entropy"), tables)
        percentiles_title.setWordWrap(True)
        tables_layout.addWidget(percentiles_title)
        tables_layout.addWidget(_table(self.percentiles, tables), 1)
        self.pairwise_title = QLabel(tables)
        self.pairwise_title.setWordWrap(True)
        tables_layout.addWidget(self.pairwise_title)
        self.pairwise_view = _table(self.pairwise, tables)
        tables_layout.addWidget(self.pairwise_view, 1)
        tables_layout.addStretch(1)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(tables)
        splitter.addWidget(self.histogram)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([650, 350])
        # In a small window the panel scrolls rather than forcing the window to grow.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        document.predictionsChanged.connect(self._on_document_predictions_changed)
        document.workspaceChanged.connect(self._on_document_workspace_changed)
        document.comparisonChanged.connect(self._show_reference_note)
        self._unit_base: object = object()
        self._on_document_predictions_changed()

    def _show_reference_note(self) -> None:
        """Where the files label different samples, say that the Comparison tab compares
        with one reference (the first file's labels, or what the user made the reference)."""
        report, comparison = self._document.predictions, self._document.comparison
        if report is None or report.same_labels:
            self.reference_note.hide()
            return
        reference = comparison.reference if comparison else self._document.workspace.reference
        self.reference_note.setText(
            self.tr(
                "The Comparison tab compares every model's mean prediction with one "
                "reference, %s; the figures here score each model against the labels of "
                "its own file."
            )
            % one_line(reference)
        )
        self.reference_note.show()

    def _on_document_workspace_changed(self) -> None:
        if self._document.workspace.base != self._unit_base:  # only the unit matters here
            self._on_document_predictions_changed()

    def _on_document_predictions_changed(self) -> None:
        report = self._document.predictions
        base = self._document.workspace.base
        self._unit_base = base
        self._show_reference_note()
        if report is None:
            self.summary.setText(
                self.tr(
                    "Open prediction files (true labels and predicted probabilities) to "
                    "see per-sample results here."
                )
            )
            for model in (self.metrics, self.percentiles, self.pairwise):
                model.set_rows([])
            self.pairwise_title.clear()
            self.histogram.clear_report()
            return
        scale, unit = log_scale(base), unit_name(base)
        self._show_metrics(report, scale, unit)
        self._show_pairwise(report, scale, unit)
        self.histogram.show_report(report, scale, unit)

    def _show_metrics(self, report: PredictionReport, scale: float, unit: str) -> None:
        first = report.models[0]
        self.summary.setText(
            self.tr(
                "%d samples, %d classes; cross-entropy in %s. With one-hot targets each "
                "sample's cross-entropy is its KL divergence, and mean q(true) ≥ "
                "exp(−mean CE in nats)."
            )
            % (first.samples, len(first.classes), unit)
            if report.same_labels
            else self.tr(
                "%d classes; cross-entropy in %s. The files label different samples, so each "
                "model is scored against the labels of its own file (see Samples). With "
                "one-hot targets each sample's cross-entropy is its KL divergence, and mean "
                "q(true) ≥ exp(−mean CE in nats)."
            )
            % (len(first.classes), unit)
        )
        kl = report.distribution_measure("kl") / report.unit_scale * scale  # in the unit now
        rows, tips, best = [], [], set()
        for row, index in enumerate(report.order):
            m = report.models[index]
            if report.rank[index] == 1:
                best.add(row)
            infinite = m.infinite_samples
            listed = ", ".join(str(i) for i in infinite[:LISTED_SAMPLES])
            rows.append(
                [
                    str(int(report.rank[index])),
                    m.name,
                    str(m.samples),
                    format_number(m.accuracy),
                    format_number(m.mean_cross_entropy * scale),
                    format_number(m.ce_standard_error * scale),
                    format_number(m.mean_true_class_probability),
                    format_number(m.true_class_probability_bound),
                    format_number(m.brier),
                    str(infinite.size),
                    format_number(float(kl[index])),
                ]
            )
            labels_file = file_name(m.labels_source)
            row_tips = [""] * len(rows[-1])
            row_tips[self.SAMPLES_COLUMN] = self.tr("Labels from %s") % labels_file
            row_tips[self.MEAN_CE_COLUMN] = f"{format_precise(m.mean_cross_entropy * scale)} {unit}"
            row_tips[self.KL_COLUMN] = self.tr("%s %s, against the labels from %s") % (
                format_precise(float(kl[index])),
                unit,
                labels_file,
            )
            if infinite.size:
                row_tips[self.INFINITE_COLUMN] = self.tr("Samples (0-based): %s%s") % (
                    listed,
                    " …" if infinite.size > LISTED_SAMPLES else "",
                )
            tips.append(row_tips)
        self.metrics.set_rows(rows, tips, best)
        self.percentiles.set_rows(
            [
                [report.models[i].name]
                + [format_number(v * scale) for v in report.models[i].ce_percentiles.values()]
                for i in report.order
            ]
        )

    def _show_pairwise(self, report: PredictionReport, scale: float, unit: str) -> None:
        self.pairwise_view.setVisible(bool(report.pairwise))  # no empty table
        if not report.pairwise:
            self.pairwise_title.setText(
                self.tr("No paired comparison: the files label different samples.")
                if len(report.models) > 1
                else self.tr("No paired comparison: it needs two models or more.")
            )
            self.pairwise.set_rows([])
            return
        first = report.pairwise[0]
        self.pairwise_title.setText(
            self.tr("Paired bootstrap over the same samples: %d resamples, seed %d (%s)")
            % (first.resamples, first.seed, unit)
        )
        self.pairwise.set_rows(
            [
                [
                    pair.a,
                    pair.b,
                    format_number(pair.mean_difference * scale),
                    _interval(pair.ci_low * scale, pair.ci_high * scale),
                    f"{pair.a_better_fraction:.1%}",
                ]
                for pair in report.pairwise
            ]
        )
