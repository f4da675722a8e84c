"""Grouped bars: per class, the reference P and every model's predicted probability."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from klgui.bar_chart import BarChart, Bars, group_geometry, series_at
from klgui.document import Document
from klgui.number_format import format_precise
from klgui.palette import REFERENCE_COLOUR, model_colour

#: Room above the tallest bar.
HEADROOM = 1.1


class DistributionChart(BarChart):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Distributions"), parent)
        self._document = document
        self._bars: list[Bars] = []
        self._legend_names: tuple[str, ...] = ()
        self.set_axis_label(self.tr("probability"))
        document.comparisonChanged.connect(self._on_document_comparison_changed)
        self._on_document_comparison_changed()

    def _series(self) -> tuple[tuple[str, ...], np.ndarray]:
        comparison = self._document.comparison
        names = (comparison.reference, *comparison.models)
        values = np.vstack([comparison.reference_distribution, comparison.model_distributions])
        return names, values

    def _ensure_bar_count(self, count: int) -> None:
        while len(self._bars) < count:
            bar = Bars(x=[], height=[], width=0.1)
            self.addItem(bar)
            self._bars.append(bar)
        while len(self._bars) > count:
            self.removeItem(self._bars.pop())

    def _on_document_comparison_changed(self) -> None:
        if self._document.comparison is None:
            self.show_state(False, self.tr("No valid input yet: see the table."))
            return
        names, values = self._series()
        class_count = values.shape[1]
        self._ensure_bar_count(len(names))
        offsets, width = group_geometry(len(names))
        positions = np.arange(class_count)
        outline = pg.mkPen(None) if class_count > 60 else pg.mkPen("#202020", width=0.6)
        for series, bar in enumerate(self._bars):
            colour = REFERENCE_COLOUR if series == 0 else model_colour(series - 1)
            bar.setOpts(
                x=positions + offsets[series],
                height=values[series],
                width=width,
                brush=pg.mkBrush(colour),
                pen=outline,
                name=names[series],
            )
        if names != self._legend_names:
            self._legend_names = names
            self.legend.clear()
            for bar, name in zip(self._bars, names, strict=True):
                label = f"★ {name}" if bar is self._bars[0] else name
                self.legend.addItem(bar, html.escape(label))  # labels are HTML
            self.fit_minimum_width()
        self.set_class_ticks(self._document.comparison.classes)
        self.set_x_span(-0.6, class_count - 0.4)
        top = float(values.max()) * HEADROOM
        self.set_y_span(0.0, top, bottom_margin=0.07)
        self.show_state(self._document.input_error is None)

    def tooltip_at(self, x: float, y: float) -> str | None:
        comparison = self._document.comparison
        if comparison is None:
            return None
        names, values = self._series()
        hit = series_at(x, values.shape[1], len(names))
        if hit is None:
            return None
        class_index, series = hit
        value = float(values[series, class_index])
        if series == 0:
            text = self.tr("%s (reference), class %s\np = %s")
        else:
            text = self.tr("%s (model), class %s\nq = %s")
        return text % (names[series], comparison.classes[class_index], format_precise(value))
