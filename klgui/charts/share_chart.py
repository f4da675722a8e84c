"""How many classes carry most of KL: per model, the share of the divergence carried by its k
largest terms (core.class_selection.cumulative_share), in per cent, with the point where it
reaches 90 % marked and said in the legend ("12 classes carry 90 %").

The share is of KL itself, the sum of all terms. Negative terms (classes the model gives more
than P) come last, so a curve may pass 100 % (480 % at three classes is possible) before they
bring it back to 100 % at the last class."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from core.class_selection import CARRIED_SHARE, CumulativeShare, cumulative_share
from klgui.charts.bar_chart import BarChart, legend_label, show_markers
from klgui.document.document import Document
from klgui.style.palette import colour_of_model

#: Room above the highest share (it may pass 100 % before negative terms bring it back).
HEADROOM = 1.08
#: With more classes than this the k axis is logarithmic (1, 10, 100, …).
LOG_AXIS_FROM = 30
#: The y axis is in per cent.
PERCENT = 100.0
#: Size of the 90 % line's label, relative to the chart's font.
THRESHOLD_LABEL_SCALE = 0.85


class ShareChart(BarChart):
    """Curves of the cumulative share of KL(P‖Q) (or KL(Q‖P), with ``reverse``) by the
    largest terms, one per model."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cumulative share of KL"), parent, False)
        self._document = document
        self.reverse = False
        self.shares: list[CumulativeShare] = []
        self._curves: list[pg.PlotDataItem] = []
        self._legend_names: tuple[str, ...] = ()
        self._ticks: list | None = None
        # Labelled at its right end, past the curves' last class; below the line, or above
        # it when the line is in the lower half of the plot (curves above 100 %).
        self._threshold = pg.InfiniteLine(
            pos=CARRIED_SHARE * PERCENT,
            angle=0,
            label=self.tr("%s %%") % f"{CARRIED_SHARE * PERCENT:g}",
            labelOpts={"position": 0.99, "anchors": [(1, 0), (1, 1)]},
        )
        self.addItem(self._threshold)
        self._carried = pg.ScatterPlotItem(symbol="o")
        self._carried.setZValue(10)
        self.addItem(self._carried)
        self.set_axis_label(self.tr("share of KL (%)"))
        self.getPlotItem().setLabel("bottom", self.tr("k classes, largest terms first"))
        self.setToolTip("")
        self._style_lines()

    def _terms(self) -> np.ndarray:
        comparison = self._document.comparison
        return comparison.reverse_kl_terms if self.reverse else comparison.kl_terms

    def _ensure_curves(self, count: int) -> None:
        while len(self._curves) < count:
            curve = pg.PlotDataItem()
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.addItem(curve)
            self._curves.append(curve)
        while len(self._curves) > count:
            self.removeItem(self._curves.pop())

    def redraw(self) -> None:
        if self.closed_down or not self.isVisible():
            return  # drawn when shown: the terms plot is the one usually in view
        comparison = self._document.comparison
        if comparison is None:
            self._ensure_curves(0)
            self.shares = []
            self._update_legend(())
            show_markers(self._carried, [])
            self.show_state(True, self.tr("No valid input yet: see the table."))
            return
        terms = self._terms()
        table_models = self._document.workspace.model_names
        self.shares = [cumulative_share(row) for row in terms]
        self._ensure_curves(len(self.shares))
        class_count = terms.shape[1]
        log_axis = class_count > LOG_AXIS_FROM
        self.getPlotItem().setLogMode(x=log_axis, y=False)
        # A few classes: whole numbers only (there is no 1.5th class).
        ticks = None if log_axis else [[(k, str(k)) for k in range(1, class_count + 1)]]
        if ticks != self._ticks:
            self._ticks = ticks
            self.getPlotItem().getAxis("bottom").setTicks(ticks)
        ks = np.arange(1, class_count + 1, dtype=float)
        spots = []
        high = PERCENT
        for model, (curve, share) in enumerate(zip(self._curves, self.shares, strict=True)):
            colour = colour_of_model(comparison.models[model], table_models)
            curve.setPen(pg.mkPen(colour, width=self.style.line_width))
            if share.status != "ok":
                curve.setData([], [])  # nothing to draw: the legend says why
                continue
            percent = share.fractions * PERCENT
            curve.setData(ks, percent)
            high = max(high, float(percent.max()))
            x = math.log10(share.carrying) if log_axis else share.carrying
            spots.append({"pos": (x, percent[share.carrying - 1]), "brush": pg.mkBrush(colour)})
        show_markers(self._carried, spots)
        self._update_legend(
            tuple(
                self._legend_text(name, share)
                for name, share in zip(comparison.models, self.shares, strict=True)
            )
        )
        last = math.log10(class_count) if log_axis else class_count
        first = -0.05 * last if log_axis else 0.5
        self.set_x_span(first, last + (0.05 * last if log_axis else 0.5))
        self.set_y_span(0.0, high * HEADROOM, bottom_margin=0.03)
        self.show_state(self._document.comparison_is_current, self._notice_text(comparison))
        self.set_title_notes(self._filter_notes(class_count))

    def _filter_notes(self, class_count: int) -> list[str]:
        """While a class is being found, the title says the share is of every class (the
        share of KL is of the sum of all its terms; the filter is for the per-class views)."""
        if not self._document.class_view.find:
            return []
        count = f"{class_count:,}"
        return [
            self.tr("all %s classes (Find a class filters the terms)") % count,
            self.tr("all %s classes") % count,
            self.tr("all classes"),
        ]

    def _notice_text(self, comparison) -> str:
        if not comparison.models:
            return self.tr("Add a model to compare with %s (Ctrl+Shift+M)") % comparison.reference
        if all(share.status != "ok" for share in self.shares):
            return self.tr("No model has a finite, non-zero KL: the legend says why.")
        return ""

    def _legend_text(self, name: str, share: CumulativeShare) -> str:
        name = legend_label(name)
        if share.status == "zero":
            return self.tr("%s: KL = 0, no class carries any") % name
        if share.status == "infinite" and share.infinite_terms == 1:
            return self.tr("%s: KL = ∞ (1 class with q = 0)") % name
        if share.status == "infinite":
            return self.tr("%s: KL = ∞ (%s classes with q = 0)") % (
                name,
                f"{share.infinite_terms:,}",
            )
        if share.carrying == 1:
            return self.tr("%s: 1 class carries 90 %%") % name
        return self.tr("%s: %s classes carry 90 %%") % (name, f"{share.carrying:,}")

    def _update_legend(self, texts: tuple[str, ...]) -> None:
        if texts == self._legend_names:
            return
        self._legend_names = texts
        self.legend.clear()
        for curve, text in zip(self._curves, texts, strict=True):
            self.legend.addItem(curve, text)
        self.fit_minimum_width()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.redraw()

    def restyle(self) -> None:
        self._style_lines()
        self.redraw()

    def _style_lines(self) -> None:
        style = self.style
        self._threshold.setPen(pg.mkPen(style.outline, width=1, style=Qt.DashLine))
        self._threshold.label.setColor(style.foreground)
        self._threshold.label.setFont(self._text_font(THRESHOLD_LABEL_SCALE))
        self._carried.setSize(style.marker_size * 0.7)
        self._carried.setPen(pg.mkPen(style.outline))

    def tooltip_at(self, x: float, y: float) -> str | None:
        comparison = self._document.comparison
        if comparison is None or not self.shares:
            return None
        class_count = len(comparison.classes)
        k = round(10**x) if class_count > LOG_AXIS_FROM else round(x)
        if not 1 <= k <= class_count:
            return None
        lines = [self.tr("the %s largest terms carry:") % f"{k:,}"]
        for name, share in zip(comparison.models, self.shares, strict=True):
            if share.status == "ok":
                lines.append(f"{name}: {share.fractions[k - 1]:.1%}")
        lines.append(
            self.tr(
                "Terms sorted largest first; the share is of KL itself (the sum of all terms). "
                "Negative terms come last and bring it back to 100 %."
            )
        )
        return "\n".join(lines)
