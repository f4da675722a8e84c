"""Per-sample distributions against a reference (File ▸ Open reference and candidates…):
llama.cpp's statistics and ours for every candidate, how per-sample KL spreads, the worst
samples of a candidate, one sample's distributions and per-class terms in the comparison's
own charts, and the classes that carry KL over all samples."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import Workspace
from core.errors import one_line
from core.sample_distributions import CandidateStatistics, SampleComparison
from core.workspace import Distribution
from klgui.charts.contribution_chart import ContributionChart
from klgui.charts.distribution_chart import DistributionChart
from klgui.document.document import Document
from klgui.document.opened_samples import OpenedSamples
from klgui.panels.sample_charts import ClassShareChart, KlHistogram
from klgui.tables.rows_table_model import RowsTableModel
from klgui.text.number_format import format_number, format_precise

#: The worst samples listed for the chosen candidate.
WORST_SAMPLES = 100


#: Significant digits of a percentage (83.67 %, 0.6750 %): a share of samples needs no more.
PERCENT_DIGITS = 4


def _percent(fraction: float) -> str:
    return f"{format_number(100 * fraction, PERCENT_DIGITS)} %"


def _table(model: RowsTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setSelectionMode(QTableView.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    model.modelReset.connect(view.resizeColumnsToContents)
    view.setMinimumSize(120, 60)
    return view


class SampleDistributionsPanel(QWidget):
    """Shown when per-sample distributions are open beside the workspace."""

    STATISTICS_HEADERS = (
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "Rank"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "Candidate"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "Mean KLD"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "± SE"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "Median"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "99 %"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "Max"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "Same top"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "Mean Δp"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "RMS Δp"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "Reverse KL"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "JS"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "CE"),
        QT_TRANSLATE_NOOP("SampleDistributionsPanel", "∞ samples"),
    )

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._opened: OpenedSamples | None = None
        self._style = None  # a theme's ChartStyle, once one is applied
        self._worst_samples = np.empty(0, dtype=int)  # the samples listed, in order
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.PlainText)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setToolTip(
            self.tr("Close these files and this tab; the table and its history stay as they are")
        )
        self.close_button.clicked.connect(lambda: document.set_sample_distributions(None))
        self.statistics = RowsTableModel([self.tr(h) for h in self.STATISTICS_HEADERS], {1}, self)
        self.statistics.set_header_tips(self._statistics_tips())
        self.candidate = QComboBox(self)
        self.candidate.setToolTip(self.tr("The candidate whose samples are listed and drawn"))
        self.candidate.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.candidate.currentIndexChanged.connect(self._on_candidate_changed)
        self.worst = RowsTableModel(
            [self.tr("Sample"), self.tr("KL(P‖Q)"), self.tr("KL(Q‖P)"), self.tr("JS")], set(), self
        )
        self.worst.set_header_tips([self.tr("The sample's index in the files, from 0"), "", "", ""])
        self.worst_view = _table(self.worst, self)
        self.worst_view.setToolTip(
            self.tr("Choose a sample to see its distributions and per-class terms")
        )
        self.worst_view.selectionModel().currentRowChanged.connect(self._on_worst_row_changed)
        self.sample_number = QSpinBox(self)
        self.sample_number.setPrefix(self.tr("sample "))
        self.sample_number.setKeyboardTracking(False)  # the sample typed, not each digit
        self.sample_number.setToolTip(self.tr("Show any sample: its index in the files, from 0"))
        self.sample_number.valueChanged.connect(self.show_sample)
        self.statistics_view = _table(self.statistics, self)
        self.statistics_view.selectionModel().currentRowChanged.connect(
            self._on_statistics_row_changed
        )
        self.histogram = KlHistogram(self)
        self.class_share = ClassShareChart(self)
        # One sample's distributions go into a document of their own, shown by the
        # comparison's charts (top N and "other" for big vocabularies, the class filter).
        self.sample_document: Document | None = None
        self.sample_distributions: DistributionChart | None = None
        self.sample_terms: ContributionChart | None = None
        self.sample_title = QLabel(self.tr("Choose one of the worst samples."), self)
        self.sample_title.setWordWrap(True)
        self.sample_title.setTextFormat(Qt.PlainText)
        self._sample_area = QWidget(self)
        self._sample_layout = QVBoxLayout(self._sample_area)
        self._sample_layout.setContentsMargins(0, 0, 0, 0)
        self._sample_layout.addWidget(self.sample_title)
        self._sample_layout.addStretch(1)
        self._lay_out()
        document.sampleDistributionsChanged.connect(self._on_document_samples_changed)
        self._on_document_samples_changed()

    def _statistics_tips(self) -> list[str]:
        return [
            self.tr("1 is the lowest mean KLD; ties share a rank"),
            "",
            self.tr('Mean over samples of KL(P‖Q), P the reference (llama.cpp\'s "Mean KLD")'),
            self.tr("Standard error of the mean KLD"),
            self.tr("Median of the per-sample KL"),
            self.tr("99th percentile of the per-sample KL (linear interpolation)"),
            self.tr("Largest per-sample KL"),
            self.tr("Share of samples whose most probable class is the reference's"),
            self.tr("Mean of q(true) − p(true), where the files give true classes"),
            self.tr("Root mean square of q(true) − p(true)"),
            self.tr("Mean over samples of KL(Q‖P)"),
            self.tr("Mean over samples of the Jensen–Shannon divergence"),
            self.tr("Mean cross-entropy H(P, Q) = H(P) + KL(P‖Q)"),
            self.tr("Samples whose KL is infinite (q = 0 where p > 0): never clipped"),
        ]

    def _lay_out(self) -> None:
        """The statistics on top; the spread of KL and the classes that carry it; then the
        worst samples beside the charts of the one chosen."""
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.summary, 1)
        heading.addWidget(self.close_button, 0, Qt.AlignTop)
        top_layout.addLayout(heading)
        top_layout.addWidget(self.statistics_view, 1)
        spread = QSplitter(Qt.Horizontal)
        spread.addWidget(self.histogram)
        spread.addWidget(self.class_share)
        worst = QWidget(self)
        worst_layout = QVBoxLayout(worst)
        worst_layout.setContentsMargins(0, 0, 0, 0)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Worst samples of"), worst))
        choose.addWidget(self.candidate, 1)
        worst_layout.addLayout(choose)
        worst_layout.addWidget(self.sample_number)
        worst_layout.addWidget(self.worst_view, 1)
        sample = QSplitter(Qt.Horizontal)
        sample.addWidget(worst)
        sample.addWidget(self._sample_area)
        sample.setStretchFactor(1, 3)
        sample.setSizes([250, 750])
        splitter = QSplitter(Qt.Vertical)
        for part in (top, spread, sample):
            splitter.addWidget(part)
        splitter.setSizes([150, 260, 360])
        for part in (spread, sample, splitter):
            part.setChildrenCollapsible(False)
        # A small window scrolls the panel rather than squeezing the charts to nothing.
        splitter.setMinimumHeight(680)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def charts(self) -> list:
        """Every chart of the panel that takes a ChartStyle (for themes)."""
        charts: list = [self.histogram, self.class_share]
        if self.sample_terms is not None:
            charts += [
                self.sample_distributions,
                self.sample_terms.plot,
                self.sample_terms.share_plot,
            ]
        return charts

    def apply_style(self, style) -> None:
        self._style = style
        for chart in self.charts():
            chart.apply_style(style)

    # -- the files' results ---------------------------------------------------------------------

    def _on_document_samples_changed(self) -> None:
        self._opened = opened = self._document.sample_distributions
        self.candidate.blockSignals(True)
        self.candidate.clear()
        if opened is None:
            self.candidate.blockSignals(False)
            self.summary.setText(
                self.tr(
                    "File ▸ Open reference and candidates… compares per-sample distributions "
                    "with a reference's, sample by sample."
                )
            )
            self.statistics.set_rows([])
            self.worst.set_rows([])
            return
        comparison = opened.comparison
        self.candidate.addItems([model.name for model in comparison.models])
        self.sample_number.blockSignals(True)
        self.sample_number.setRange(0, comparison.samples - 1)
        self.sample_number.blockSignals(False)
        self.candidate.blockSignals(False)
        self.summary.setText(self._summary_text(comparison))
        self._show_statistics(comparison)
        self.histogram.show_values(
            [model.name for model in comparison.models],
            [model.terms.kl * comparison.unit_scale for model in comparison.models],
            comparison.unit,
        )
        self._on_candidate_changed()
        self.worst_view.selectRow(0)  # the worst sample on show: never one of other files

    def _summary_text(self, comparison: SampleComparison) -> str:
        parts = [
            self.tr("Reference %s: %s samples, %s classes; KL and entropies in %s.")
            % (
                one_line(comparison.reference),
                f"{comparison.samples:,}",
                f"{len(comparison.classes):,}",
                comparison.unit,
            )
        ]
        if comparison.llama_kld_rule:
            parts.append(
                self.tr(
                    "As llama.cpp does, KL leaves out the terms whose reference "
                    "log-probability is ≤ −16; nothing is renormalised."
                )
            )
        if comparison.top_k_lower_bound:
            parts.append(
                self.tr(
                    "The reference keeps its top k classes and a tail: KL is a lower bound of "
                    "the full KL."
                )
            )
        if comparison.reference_normalised:
            parts.append(self.tr("The reference held counts, divided by each sample's total."))
        return " ".join(parts)

    def _show_statistics(self, comparison: SampleComparison) -> None:
        rows, tips, best = [], [], set()
        for row, model in enumerate(comparison.models):
            if model.rank == 1:
                best.add(row)
            rows.append(self._statistics_row(model))
            row_tips = [""] * len(rows[-1])
            row_tips[1] = model.source
            row_tips[2] = f"{format_precise(model.mean_kld)} {comparison.unit}"
            tips.append(row_tips)
        self.statistics.set_rows(rows, tips, best)

    def _statistics_row(self, model: CandidateStatistics) -> list[str]:
        delta = model.delta_p
        none = self.tr("n/a")
        return [
            str(model.rank),
            model.name + (self.tr(" (counts)") if model.normalised else ""),
            format_number(model.mean_kld),
            format_number(model.kld_standard_error),
            format_number(model.kld_percentiles["median"]),
            format_number(model.kld_percentiles["99"]),
            format_number(model.kld_percentiles["max"]),
            f"{_percent(model.same_top)} ± {_percent(model.same_top_standard_error)}",
            _percent(delta.mean_delta_p) if delta else none,
            _percent(delta.rms_delta_p) if delta else none,
            format_number(model.mean_reverse_kld),
            format_number(model.mean_js_divergence),
            format_number(model.mean_cross_entropy),
            f"{model.infinite_samples.size:,}",
        ]

    def _chosen(self) -> CandidateStatistics | None:
        if self._opened is None or self.candidate.currentIndex() < 0:
            return None
        return self._opened.comparison.models[self.candidate.currentIndex()]

    def _on_candidate_changed(self) -> None:
        model = self._chosen()
        if model is None:
            return
        comparison = self._opened.comparison
        scale = comparison.unit_scale
        terms = model.terms
        # Largest KL first (infinite ones before all); ties by sample index.
        order = np.argsort(-terms.kl, kind="stable")[:WORST_SAMPLES]
        self.worst.set_rows(
            [
                [
                    str(int(i)),
                    format_number(float(terms.kl[i]) * scale),
                    format_number(float(terms.reverse_kl[i]) * scale),
                    format_number(float(terms.js[i]) * scale),
                ]
                for i in order
            ]
        )
        self._worst_samples = order
        classes, class_kl = comparison.classes, model.class_kl
        if comparison.top_k_lower_bound:  # the tail buckets' terms belong to no one class
            classes = (*classes, self.tr("the tail buckets"))
            class_kl = np.append(class_kl, model.tail_kl)
        self.class_share.show_terms(classes, class_kl, model.name)
        if self.sample_document is not None:  # the sample on show, for this candidate
            self.show_sample(self.sample_number.value())

    def _on_worst_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            sample = int(self._worst_samples[current.row()])
            self.sample_number.blockSignals(True)  # shown once, below, even if it was shown
            self.sample_number.setValue(sample)
            self.sample_number.blockSignals(False)
            self.show_sample(sample)

    def _on_statistics_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():  # the rows are the candidates, in the order of the list
            self.candidate.setCurrentIndex(current.row())

    # -- one sample -----------------------------------------------------------------------------

    def show_sample(self, index: int) -> None:
        """Sample ``index``'s reference and chosen candidate distributions, and the terms,
        in the comparison's charts."""
        model = self._chosen()
        opened = self._opened
        try:
            classes, p, q = opened.sample(model.name, index)
        except ValueError as error:  # FormatError is one: a row the pass did not reach
            self.sample_title.setText(one_line(str(error)))
            return
        comparison = opened.comparison
        workspace = self._sample_workspace(classes, p, q, model.name, opened.base)
        self._ensure_sample_charts(workspace)
        self.sample_document.replace_workspace(workspace)
        kl = float(model.terms.kl[index]) * comparison.unit_scale
        title = self.tr("Sample %d: %s against %s, KL(P‖Q) = %s %s") % (
            index,
            model.name,
            comparison.reference,
            format_precise(kl),
            comparison.unit,
        )
        if workspace.distributions[0].kind == "counts":
            title += self.tr(
                " (the file's values sum to %s: the charts draw them normalised, with every "
                "term, so their Σ may differ a little from this)"
            ) % format_number(float(p.sum()))
        self.sample_title.setText(title)

    def _sample_workspace(
        self,
        classes: tuple[str, ...],
        p: np.ndarray,
        q: np.ndarray,
        candidate: str,
        base: float | None,
    ) -> Workspace:
        """P and Q as the charts' workspace. Values that do not sum to 1 within the table's
        tolerance (a .kld file's uint16 log-probabilities, its floor at −16) are given as
        counts, which the comparison normalises: the title says so."""
        reference = self._opened.comparison.reference
        if candidate == reference:  # a workspace's names are unique
            candidate += " ′"
        for kind in ("probabilities", "counts"):
            workspace = Workspace(
                classes,
                (Distribution(reference, p, kind), Distribution(candidate, q, kind)),
                reference,
                base=base,
            )
            if not workspace.problems():
                break
        return workspace

    def _ensure_sample_charts(self, workspace: Workspace) -> None:
        if self.sample_document is not None:
            return
        self.sample_document = Document(workspace, self)
        self.sample_distributions = DistributionChart(
            self.sample_document, self._sample_area, editable=False
        )
        self.sample_terms = ContributionChart(self.sample_document, self._sample_area)
        charts = QSplitter(Qt.Horizontal, self._sample_area)
        charts.addWidget(self.sample_distributions)
        charts.addWidget(self.sample_terms)
        charts.setChildrenCollapsible(False)
        self._sample_layout.takeAt(1)  # the stretch that kept the title at the top
        self._sample_layout.addWidget(charts, 1)
        if self._style is not None:
            for chart in self.charts():
                chart.apply_style(self._style)
