"""Per-class terms p·log(p/q) of KL(P‖Q) for every model, signed; or how many classes carry
most of it.

Positive terms (the model gives the class less than P) are solid; negative terms (more than
P) are hatched. The sum of the terms, the KL divergence itself, is written in the legend
beside each model (a bar of it would dwarf every term). With many classes the chart shows
the top N by |term| and one "other" bar summing the rest (see core.class_selection). A term
that is infinite is marked with ▲ and ∞ at the top of the plot, never drawn as a huge bar.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from core.class_selection import (
    ClassSelection,
    class_importance,
    select_classes,
    selected_values,
)
from klgui.charts.bar_chart import (
    EMPTY_Y_SPAN,
    BarChart,
    Bars,
    filter_notes,
    finite_range,
    group_geometry,
    legend_label,
    other_label,
    scale_values,
    series_at,
    show_markers,
)
from klgui.charts.class_view_bar import ClassViewBar
from klgui.charts.share_chart import ShareChart
from klgui.document.document import Document
from klgui.style.palette import colour_of_model
from klgui.text.number_format import format_number, format_precise

HEADROOM = 1.2
INFINITY_HEADROOM = 1.5


class _TermsPlot(BarChart):
    """The plot of :class:`ContributionChart`."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Per-class terms"), parent)
        self._document = document
        self.reverse = False
        self._positive: list[Bars] = []
        self._negative: list[Bars] = []
        self._legend_names: tuple[str, ...] = ()
        self._selection: ClassSelection | None = None
        self._fitting = self.fitting_classes()
        self._infinite = pg.ScatterPlotItem(symbol="t1")
        self._infinite.setZValue(10)
        self.addItem(self._infinite)
        self._infinity_labels: list[pg.TextItem] = []
        self._zero_line = pg.InfiniteLine(pos=0, angle=0)
        self.addItem(self._zero_line)
        self._style_markers()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_document", None) is not None and not self.closed_down:
            fitting = self.fitting_classes()
            if fitting != self._fitting:  # room for more or fewer classes
                self._fitting = fitting
                self.redraw()

    def terms_and_totals(self) -> tuple[np.ndarray, np.ndarray]:
        comparison = self._document.comparison
        if self.reverse:
            return comparison.reverse_kl_terms, comparison.reverse_kl
        return comparison.kl_terms, comparison.kl

    def _ensure_series(self, count: int) -> None:
        while len(self._positive) < count:
            positive = Bars(x=[], height=[], width=0.1)
            negative = Bars(x=[], height=[], width=0.1)
            self.addItem(positive)
            self.addItem(negative)
            self._positive.append(positive)
            self._negative.append(negative)
        while len(self._positive) > count:
            self.removeItem(self._positive.pop())
            self.removeItem(self._negative.pop())

    def redraw(self) -> None:
        if self.closed_down:
            return
        comparison = self._document.comparison
        if comparison is None:  # nothing valid in this document yet
            self._ensure_series(0)
            self._legend_names = ()
            self._selection = None
            self.legend.clear()
            show_markers(self._infinite, [])
            for label in self._infinity_labels:
                label.hide()
            self.set_class_ticks(())
            self.reset_y_span()
            self.show_state(True, self.tr("No valid input yet: see the table."))
            return
        terms, totals = self.terms_and_totals()
        model_count = terms.shape[0]
        self._ensure_series(model_count)
        offsets, width = group_geometry(model_count)
        selection = select_classes(
            comparison.classes,
            comparison.reference_distribution,
            class_importance(terms, comparison.reference_distribution),
            self._document.class_view,
            self.fitting_classes(),
        )
        self._selection = selection
        values = selected_values(terms, selection)  # the shown classes, then "other"
        bar_count = values.shape[1]
        positions = np.arange(bar_count)
        finite = np.isfinite(values)
        low, high = finite_range(scale_values(values, selection))
        style = self.style
        many = bar_count > 60
        outline = self.outline_pen(many)
        table_models = self._document.workspace.model_names
        for model in range(model_count):
            colour = colour_of_model(comparison.models[model], table_models)
            row = values[model]
            self._positive[model].set_bars(
                x=positions + offsets[model],
                height=np.where(finite[model] & (row > 0), row, 0.0),
                width=width,
                brush=pg.mkBrush(colour),
                pen=outline,
                name=comparison.models[model],
            )
            self._negative[model].set_bars(
                x=positions + offsets[model],
                height=np.where(row < 0, row, 0.0),
                width=width,
                brush=QBrush(colour, Qt.BDiagPattern),
                # Stroking thousands of hairline-thin bars costs more than filling them.
                pen=pg.mkPen(None) if many else pg.mkPen(colour, width=2 * style.outline_width),
            )
        self._show_legend(comparison.models, totals)
        # Room above the bars for the ▲ ∞ markers of infinite terms, even when every finite
        # term is negative or zero.
        if finite.all():
            top = high * HEADROOM
        else:
            top = max(high, 0.5 * (high - low), EMPTY_Y_SPAN) * INFINITY_HEADROOM
        span = self.set_y_span(
            min(low * 1.15, 0.0), top, bottom_margin=0.0, hold=self._document.dragging
        )
        shown_top = span[1]
        other = values[:, -1] if selection.other_count else np.empty(0)
        self.mark_other_off_scale(other, span)
        self._mark_infinite(values, offsets, width, shown_top * 0.85)
        other_name = other_label(selection)
        self.set_class_ticks([comparison.classes[i] for i in selection.shown], whole=other_name)
        self.set_x_span(-0.6, self.class_span_end(bar_count, "".join(other_name)))
        if not model_count:
            notice = self.tr("Add a model to compare with %s (Ctrl+Shift+M)")
            notice %= comparison.reference
        elif not selection.matching:
            notice = self.tr("No class name contains “%s”") % self._document.class_view.find
        else:
            notice = ""
        self.show_state(self._document.comparison_is_current, notice)
        find = self._document.class_view.find
        self.set_title_notes(filter_notes(selection, len(comparison.classes), find))
        unit = comparison.unit
        self.set_axis_label(unit)  # which terms: the title's toggle says

    def _show_legend(self, models: tuple[str, ...], totals: np.ndarray) -> None:
        """Each model with the sum of its terms, KL itself. The entries are made again only
        when the models change; a new sum changes the text of its entry."""
        # While a class is found, the sum is still of every class: say so.
        sum_text = self.tr("%s: Σ %s (all classes)") if self._document.class_view.find else None
        texts = [
            (sum_text or self.tr("%s: Σ %s")) % (legend_label(name), format_number(float(total)))
            for name, total in zip(models, totals, strict=True)
        ]
        if models != self._legend_names:
            self._legend_names = models
            self.legend.clear()
            for bar, text in zip(self._positive, texts, strict=True):
                self.legend.addItem(bar, text)
            self.fit_minimum_width()
            return
        widened = False
        for (_, label), text in zip(self.legend.items, texts, strict=True):
            if label.text != text:
                widened |= len(text) > len(label.text)
                label.setText(text)
        if widened:
            self.fit_minimum_width()

    def restyle(self) -> None:
        self._style_markers()
        self.redraw()

    def _style_markers(self) -> None:
        # Only on a style change: setting a pen repaints the item, and the zero line's
        # repaint spans the whole plot, axes included.
        style = self.style
        self._zero_line.setPen(pg.mkPen(style.outline, width=max(1.0, style.outline_width)))
        self._infinite.setSize(style.marker_size)
        self._infinite.setPen(pg.mkPen(style.outline))

    def _mark_infinite(
        self, values: np.ndarray, offsets: np.ndarray, width: float, y: float
    ) -> None:
        models, classes = np.nonzero(np.isinf(values))
        names = self._document.comparison.models
        table_models = self._document.workspace.model_names
        spots = [
            {
                "pos": (c + offsets[m], y),
                "brush": pg.mkBrush(colour_of_model(names[m], table_models)),
            }
            for m, c in zip(models, classes, strict=True)
        ]
        show_markers(self._infinite, spots)
        while len(self._infinity_labels) < len(spots):
            label = self.add_text("∞", anchor=(0.0, 0.5), scale=1.6)
            self._infinity_labels.append(label)
        for index, label in enumerate(self._infinity_labels):
            if index < len(spots):
                x, _ = spots[index]["pos"]
                label.setPos(x + width * 0.3, y)
                label.show()
            else:
                label.hide()

    def tooltip_at(self, x: float, y: float) -> str | None:
        comparison = self._document.comparison
        if comparison is None:
            return None
        selection = self._selection
        if selection is None:
            return None
        terms, totals = self.terms_and_totals()
        model_count = terms.shape[0]
        shown = selection.shown.size
        hit = series_at(x, shown + (1 if selection.other_count else 0), model_count)
        if hit is None:
            return None
        slot, model = hit
        name = comparison.models[model]
        kl = self.tr("KL(%s‖%s)") % (
            (name, comparison.reference) if self.reverse else (comparison.reference, name)
        )
        if slot == shown:
            other = float(terms[model, selection.other].sum(dtype=np.float64))
            return self.tr("%s, the %s other classes\nsum of their terms = %s %s\n%s = %s %s") % (
                name,
                f"{selection.other_count:,}",
                format_precise(other),
                comparison.unit,
                kl,
                format_precise(float(totals[model])),
                comparison.unit,
            )
        class_index = int(selection.shown[slot])
        p = float(comparison.reference_distribution[class_index])
        q = float(comparison.model_distributions[model, class_index])
        term = float(terms[model, class_index])
        formula = "q·log(q/p)" if self.reverse else "p·log(p/q)"
        text = self.tr("%s, class %s\np = %s, q = %s\n%s = %s %s") % (
            name,
            comparison.classes[class_index],
            format_number(p),
            format_number(q),
            formula,
            format_precise(term),
            comparison.unit,
        )
        if np.isinf(term):
            text += "\n" + self.tr("Infinite: the model gives this class probability 0.")
        return text


class ContributionChart(QWidget):
    """The per-term plot with its direction toggle, the controls of which classes it shows,
    and the cumulative share of KL as an alternative view."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.plot = _TermsPlot(document, self)
        self.share_plot = ShareChart(document, self)
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("KL(P‖Q): Σ p·log(p/q)"))
        self.direction.addItem(self.tr("KL(Q‖P): Σ q·log(q/p)"))
        self.direction.setToolTip(
            self.tr("KL is not symmetric: compare the terms in both directions.")
        )
        self.direction.currentIndexChanged.connect(self._on_direction_changed)
        self.plot.set_corner_widget(self.direction)
        self.view = QComboBox(self)
        self.view.addItems([self.tr("terms per class"), self.tr("cumulative share")])
        self.view.setToolTip(
            self.tr(
                "Terms per class, or how many classes carry most of KL: the share of it "
                "carried by the k largest terms"
            )
        )
        self.view.currentIndexChanged.connect(self._on_view_changed)
        self.class_view_bar = ClassViewBar(document, self)
        self.class_view_bar.add_widget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.class_view_bar)
        # One plot in view at a time; the hidden one asks for no room (a stack would).
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.share_plot, 1)
        self.share_plot.hide()
        document.comparisonChanged.connect(self._on_document_comparison_changed)
        document.classViewChanged.connect(self.plot.redraw)
        document.classViewChanged.connect(self.share_plot.redraw)  # its title says "all classes"
        self._on_document_comparison_changed()

    @property
    def shown_plot(self) -> BarChart:
        """The plot in view: the terms, or the cumulative share."""
        return self.share_plot if self.view.currentIndex() == 1 else self.plot

    def set_reverse(self, reverse: bool) -> None:
        self.direction.setCurrentIndex(1 if reverse else 0)

    def _on_direction_changed(self, index: int) -> None:
        self.plot.reverse = self.share_plot.reverse = index == 1
        self._on_document_comparison_changed()

    def _on_view_changed(self, index: int) -> None:
        had_focus = self.plot.hasFocus() or self.share_plot.hasFocus()
        self.plot.setVisible(index == 0)
        self.share_plot.setVisible(index == 1)
        self.shown_plot.set_corner_widget(self.direction)
        if had_focus:
            self.shown_plot.setFocus()

    def _on_document_comparison_changed(self) -> None:
        self.plot.redraw()
        self.share_plot.redraw()
