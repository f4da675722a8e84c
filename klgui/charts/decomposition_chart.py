"""Per model, a stacked bar: H(P) + KL(P‖Q) = H(P,Q).

The grey part, H(P), is the same for every model: only the coloured KL part tells models
apart, which is why ranking by cross-entropy and by KL give the same order.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QWidget

from klgui.charts.bar_chart import (
    LEFT_AXIS_ROOM,
    BarChart,
    Bars,
    EveryNameAxis,
    finite_range,
    legend_label,
    show_markers,
)
from klgui.document.document import Document
from klgui.style.palette import colour_of_model
from klgui.text.number_format import format_number, format_precise

BAR_WIDTH = 0.6
#: With more models than this the value labels would overlap; the tooltips still tell.
MAX_LABELLED_MODELS = 5
#: Nor when a bar's slot is narrower than a label (pixels).
MIN_LABEL_PIXELS = 90
#: Room above the tallest bar: for the value labels when they are written, else a little.
HEADROOM = 1.45
PLAIN_HEADROOM = 1.05
#: Size of the value labels, relative to the chart's font.
LABEL_SCALE = 0.9
#: Room around a two-line value label (pixels).
LABEL_PADDING = 10
#: Value labels show only while they need less than this share of the plot's height.
MAX_LABEL_SHARE = 0.45
BOTTOM_MARGIN = 0.07


class DecompositionChart(BarChart):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        self._name_axis = EveryNameAxis()
        super().__init__(self.tr("H(P,Q) = H(P) + KL(P‖Q)"), parent, bottom_axis=self._name_axis)
        self._document = document
        # A sample of each model's colour for the legend that names numbered bars.
        self._legend_samples: list[Bars] = []
        self._legend_key: tuple = ()
        self._entropy = Bars(x=[], height=[], width=BAR_WIDTH)
        self._divergence = Bars(x=[], height=[], width=BAR_WIDTH)
        self.addItem(self._entropy)
        self.addItem(self._divergence)
        self._labels: list[pg.TextItem] = []
        self._entropy_labels: list[pg.TextItem] = []
        self._infinite = pg.ScatterPlotItem(symbol="t1")
        self.addItem(self._infinite)
        self._style_markers()
        self.getPlotItem().setMouseEnabled(x=False, y=False)
        # The labels show where they fit the plot: in the window, and in an export laid out
        # at its own size.
        self.getPlotItem().getViewBox().sigResized.connect(self._on_document_comparison_changed)
        document.comparisonChanged.connect(self._on_document_comparison_changed)
        self._on_document_comparison_changed()

    def _on_document_comparison_changed(self) -> None:
        if self.closed_down:
            return
        comparison = self._document.comparison
        if comparison is None:  # nothing valid in this document yet
            for bars in (self._entropy, self._divergence):
                bars.set_bars(x=np.empty(0), height=np.empty(0), y0=0.0, brushes=None)
            show_markers(self._infinite, [])
            for label in (*self._labels, *self._entropy_labels):
                label.hide()
            self._name_axis.set_names(())
            self._update_legend((), 0.0)
            self.reset_y_span()
            self.show_state(True, self.tr("No valid input yet: see the table."))
            return
        count = len(comparison.models)
        table_models = self._document.workspace.model_names
        colours = [colour_of_model(name, table_models) for name in comparison.models]
        positions = np.arange(count, dtype=float)
        entropy = comparison.reference_entropy
        kl = comparison.kl
        finite = np.isfinite(kl)
        style = self.style
        outline = self.outline_pen()
        self._entropy.set_bars(
            x=positions,
            height=np.full(count, entropy),
            width=BAR_WIDTH,
            brush=pg.mkBrush(style.entropy_colour),
            pen=outline,
        )
        self._divergence.set_bars(
            x=positions,
            y0=np.full(count, entropy),
            height=np.where(finite, kl, 0.0),
            width=BAR_WIDTH,
            brushes=[pg.mkBrush(colour) for colour in colours],
            pen=outline,
        )
        _, high = finite_range(comparison.cross_entropy)
        label_share = self._label_share()
        show_values = (
            count <= MAX_LABELLED_MODELS
            and self.getPlotItem().getViewBox().width() / max(count, 1) >= MIN_LABEL_PIXELS
            and label_share < MAX_LABEL_SHARE
        )
        top = max(high, entropy) * (HEADROOM if show_values else PLAIN_HEADROOM)
        if show_values:  # room above the tallest bar for its two lines, in a small window too
            top = max(top, high / (1 - (1 + BOTTOM_MARGIN) * label_share))
        _, shown_top = self.set_y_span(
            0.0, top, bottom_margin=BOTTOM_MARGIN, hold=self._document.dragging
        )
        marker_y = max(entropy + 0.1 * shown_top, shown_top * 0.7)
        spots = [
            {"pos": (i, marker_y), "brush": pg.mkBrush(colours[i])} for i in np.flatnonzero(~finite)
        ]
        show_markers(self._infinite, spots)
        self._update_labels(comparison, marker_y, shown_top, show_values)
        self._name_axis.set_names(comparison.models)
        # Measured from the chart's width: a legend may widen the plot while it is laid out.
        self._update_legend(comparison.models, self.width() - LEFT_AXIS_ROOM)
        self.set_x_span(-0.6, max(count, 1) - 0.4)
        self.set_axis_label(comparison.unit)
        notice = self.tr("Add a model to compare with %s") % comparison.reference
        self.show_state(self._document.comparison_is_current, "" if count else notice)

    def _update_legend(self, models: tuple[str, ...], plot_width: float) -> None:
        """Bars too narrow to carry their names are numbered; the legend then says which
        number is which model (in its colour). Otherwise there is no legend."""
        slot = plot_width / (max(len(models), 1) + 0.2)
        numbered = bool(models) and self._name_axis.numbered(slot)
        key = (models, numbered)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        if not numbered:
            self.fit_minimum_width()  # the plot takes the room the legend had
            return
        while len(self._legend_samples) < len(models):
            self._legend_samples.append(Bars(x=[], height=[], width=BAR_WIDTH))
        for index, name in enumerate(models):
            sample = self._legend_samples[index]
            colour = colour_of_model(name, self._document.workspace.model_names)
            sample.setOpts(brush=pg.mkBrush(colour), pen=self.outline_pen())
            self.legend.addItem(sample, legend_label(f"{index + 1} {name}"))
        self.fit_minimum_width()

    def lay_out_for(self, width: float | None, height: float | None = None) -> None:
        comparison = self._document.comparison
        if comparison is not None:  # an export at another width may number the bars
            plot_width = (self.width() if width is None else width) - LEFT_AXIS_ROOM
            self._update_legend(comparison.models, plot_width)
        super().lay_out_for(width, height)

    def _label_share(self) -> float:
        """The share of the plot's height a two-line value label needs."""
        view_height = self.getPlotItem().getViewBox().height()
        if view_height <= 0:
            return 1.0
        line = QFontMetricsF(self._text_font(LABEL_SCALE)).lineSpacing()
        return (2 * line + LABEL_PADDING) / view_height

    def _update_labels(self, comparison, marker_y: float, top: float, show_values: bool) -> None:
        """Values over the bars while they fit (hover shows them always); "H(P)" inside the
        grey part while it is tall and wide enough to hold it."""
        count = len(comparison.models)
        while len(self._labels) < count:
            label = self.add_text("", anchor=(0.5, 1.0), scale=LABEL_SCALE)
            entropy_label = self.add_text(self.tr("H(P)"), anchor=(0.5, 0.5), scale=LABEL_SCALE)
            self._labels.append(label)
            self._entropy_labels.append(entropy_label)
        bar_pixels = self.getPlotItem().getViewBox().width() / (max(count, 1) + 0.2) * BAR_WIDTH
        text_pixels = self._entropy_labels[0].textItem.boundingRect().width() if count else 0
        show_entropy = comparison.reference_entropy > 0.12 * top and bar_pixels >= text_pixels
        for index, (label, entropy_label) in enumerate(
            zip(self._labels, self._entropy_labels, strict=True)
        ):
            entropy_label.setVisible(index < count and show_entropy)
            entropy_label.setPos(index, comparison.reference_entropy / 2)
            if index >= count or not show_values:
                label.hide()
                continue
            cross_entropy = float(comparison.cross_entropy[index])
            kl = float(comparison.kl[index])
            if np.isfinite(cross_entropy):
                height = cross_entropy
                text = f"{format_number(cross_entropy)}\nKL {format_number(kl)}"
            else:  # above the ▲ marker
                height = marker_y * 1.08
                text = f"KL {format_number(kl)}"
            if label.toPlainText() != text:  # setText re-lays out HTML: only when it changed
                label.setText(text)
            label.setPos(index, height)
            label.show()

    def restyle(self) -> None:
        self._style_markers()
        self._on_document_comparison_changed()

    def _style_markers(self) -> None:
        # Only on a style change: setting a pen repaints the item.
        self._infinite.setSize(self.style.marker_size)
        self._infinite.setPen(pg.mkPen(self.style.outline))

    def tooltip_at(self, x: float, y: float) -> str | None:
        comparison = self._document.comparison
        if comparison is None:
            return None
        index = round(x)
        if not 0 <= index < len(comparison.models) or abs(x - index) > BAR_WIDTH / 2:
            return None
        unit = comparison.unit
        return self.tr("%s\nH(P) = %s %s\nKL(P‖Q) = %s %s\nH(P,Q) = %s %s") % (
            comparison.models[index],
            format_precise(comparison.reference_entropy),
            unit,
            format_precise(float(comparison.kl[index])),
            unit,
            format_precise(float(comparison.cross_entropy[index])),
            unit,
        )
