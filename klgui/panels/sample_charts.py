"""The charts of the per-sample distributions panel: how per-sample KL spreads (a histogram
on a log axis) and which classes carry KL over all samples (the top N, with the cumulative
share)."""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from core.class_selection import cumulative_share
from klgui.charts.bar_chart import BarChart, Bars
from klgui.style.palette import model_colour
from klgui.text.number_format import format_number

HISTOGRAM_BINS = 40
#: Classes drawn one by one in the per-class chart; the rest are one "other" bar.
TOP_CLASSES = 20


class KlHistogram(BarChart):
    """Per-sample KL(P‖Q), one outline per candidate, over log-spaced bins. A KL of 0 has no
    place on a log axis and an infinite one none on any: both are counted in the legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Per-sample KL(P‖Q)"), parent, False)
        self._curves: list[pg.PlotDataItem] = []
        self.set_axis_label(self.tr("samples"))
        self._decades: tuple[int, int] | None = None
        self._last: tuple[list[str], list[np.ndarray], str] | None = None
        #: What the legend says of each candidate (for tests and the screen reader alike).
        self.legend_texts: list[str] = []

    def show_values(self, names: list[str], values: list[np.ndarray], unit: str) -> None:
        self._last = (names, values, unit)
        positive = [v[np.isfinite(v) & (v > 0)] for v in values]
        everything = np.concatenate([*positive, np.empty(0)])
        if everything.size:
            low, high = math.log10(everything.min()), math.log10(everything.max())
        else:
            low, high = -3.0, 0.0
        if high - low < 1e-9:
            low, high = low - 0.5, high + 0.5
        # Binned and drawn over log10 of KL (binning 10**edges would drop the largest value
        # where 10**log10(x) rounds below x), with the decades named as numbers (0.01, 0.1).
        log_edges = np.linspace(low, high, HISTOGRAM_BINS + 1)
        self._name_decades(low, high)
        while len(self._curves) < len(values):
            curve = pg.PlotDataItem(stepMode="center", fillLevel=0)
            self.addItem(curve)
            self._curves.append(curve)
        while len(self._curves) > len(values):
            self.removeItem(self._curves.pop())
        self.legend.clear()
        self.legend_texts = []
        top = 1.0
        for index, (curve, name, kept, all_values) in enumerate(
            zip(self._curves, names, positive, values, strict=True)
        ):
            counts, _ = np.histogram(np.log10(kept), bins=log_edges)
            top = max(top, float(counts.max()))
            colour = model_colour(index)
            fill = pg.mkColor(colour)
            fill.setAlpha(60)
            curve.setData(
                log_edges, counts, pen=pg.mkPen(colour, width=self.style.line_width), brush=fill
            )
            text = html.escape(name) + self._left_out(all_values)
            self.legend_texts.append(text)
            self.legend.addItem(curve, text)
        self.getPlotItem().setLabel(
            "bottom",
            self.tr("KL(P‖Q), %s (log scale)") % unit,
            **{"font-size": f"{self.style.font_point_size}pt", "color": self.style.foreground},
        )
        self.set_x_span(low, high)
        self.set_y_span(0.0, top * 1.1)

    def _name_decades(self, low: float, high: float) -> None:
        decades = (math.floor(low), math.ceil(high))
        if decades != self._decades:
            self._decades = decades
            ticks = [(k, format_number(10.0**k)) for k in range(decades[0], decades[1] + 1)]
            self.getPlotItem().getAxis("bottom").setTicks([ticks, []])

    def _left_out(self, values: np.ndarray) -> str:
        """The samples the log axis cannot show, said: "(+3 at 0, +1 at ∞)"."""
        zeros = int(np.count_nonzero(values == 0))
        infinite = int(np.count_nonzero(np.isinf(values)))
        parts = []
        if zeros:
            parts.append(self.tr("+%d at 0") % zeros)
        if infinite:
            parts.append(self.tr("+%d at ∞") % infinite)
        return f" ({', '.join(parts)})" if parts else ""

    def restyle(self) -> None:
        if self._last is not None:
            self.show_values(*self._last)


class ClassShareChart(BarChart):
    """Each class's share of one candidate's KL summed over all samples: the TOP_CLASSES
    largest as bars, the rest as one "other" bar, and the cumulative share of the classes
    taken largest first as a line (where it reaches 90 % is said in the title's notice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Classes that carry KL over all samples"), parent)
        self._bars = Bars(x=[0.0], height=[0.0], width=0.6)
        self.addItem(self._bars)
        self._curve = pg.PlotDataItem(symbol="o")
        self.addItem(self._curve)
        self.set_axis_label(self.tr("share of KL"))
        #: The class names drawn, "other" last (for tests).
        self.names: list[str] = []
        self.shares = np.empty(0)
        #: What the legend says of the cumulative curve ("" when there is none).
        self.legend_text = ""
        self._last: tuple[tuple[str, ...], np.ndarray, str] | None = None

    def show_terms(self, classes: tuple[str, ...], class_kl: np.ndarray, candidate: str) -> None:
        self._last = (classes, class_kl, candidate)
        share = cumulative_share(class_kl)
        if share.status != "ok":
            self._show_nothing(classes, class_kl, candidate, share.status)
            return
        total = float(class_kl.sum())
        order = np.argsort(-class_kl, kind="stable")
        shown = order[:TOP_CLASSES]
        shares = class_kl[shown] / total
        names = [classes[i] for i in shown]
        rest = order[TOP_CLASSES:]
        if rest.size:
            shares = np.append(shares, float(class_kl[rest].sum()) / total)
            names.append(self.tr("other (%s classes)") % f"{rest.size:,}")
        self.names, self.shares = names, shares
        x = np.arange(len(names), dtype=float)
        colour = model_colour(0)
        self._bars.set_bars(x=x, height=shares, width=0.6, brush=colour, pen=self.outline_pen())
        # The classes so far, largest first; the "other" bar brings the share to all of KL.
        running = share.fractions[: len(names)]
        if rest.size:
            running = np.append(share.fractions[: len(shown)], share.fractions[-1])
        self._curve.setData(
            x,
            running,
            pen=pg.mkPen(self.style.foreground, width=self.style.line_width),
            symbolBrush=self.style.foreground,
            symbolSize=self.style.marker_size * 0.5,
        )
        self.getPlotItem().getAxis("bottom").set_names(names)
        self.set_x_span(-0.6, len(names) - 0.4)
        self.set_y_span(min(0.0, float(shares.min())), max(1.0, float(running.max())) * 1.05)
        self.show_state(True)
        self._update_legend(
            self.tr("cumulative: 90 %% in %s classes") % f"{share.carrying:,}"
        )
        self.setToolTip(
            self.tr(
                "%s: each class's KL terms summed over all samples, as a share of the total "
                "(%s); the line is the share carried by the classes so far, largest first: "
                "%s classes carry 90 %%."
            )
            % (candidate, format_number(total), f"{share.carrying:,}")
        )

    def _show_nothing(
        self, classes: tuple[str, ...], class_kl: np.ndarray, candidate: str, status: str
    ) -> None:
        self.names, self.shares = [], np.empty(0)
        self._bars.set_bars(x=[0.0], height=[0.0], width=0.6)
        self._curve.setData([], [])
        self.getPlotItem().getAxis("bottom").set_names([])
        self._update_legend("")
        if status == "infinite":
            infinite = int(np.count_nonzero(np.isinf(class_kl)))
            notice = self.tr(
                "%s: KL is infinite in %s classes\n(samples with q = 0 where p > 0: see ∞ samples)"
            ) % (candidate, f"{infinite:,}")
        else:
            notice = self.tr("%s: KL is 0, no class carries any") % candidate
        self.show_state(True, notice)

    def _update_legend(self, curve_text: str) -> None:
        if curve_text == self.legend_text:
            return
        self.legend_text = curve_text
        self.legend.clear()
        if curve_text:
            self.legend.addItem(self._curve, curve_text)

    def restyle(self) -> None:
        if self._last is not None:
            self.show_terms(*self._last)
