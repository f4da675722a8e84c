"""Explorations for the selected model: move Q toward P, or change its temperature, and watch
KL(P‖·) along the way.

- Interpolation: Q_λ = (1−λ)Q + λP with the curve KL(P‖Q_λ) over λ ∈ [0, 1] and the current λ
  marked; "Apply" writes Q_λ into the model (one undo step).
- Temperature: q_T ∝ q^(1/T) with the curve KL(P‖q_T) over T on a log axis, the current T and
  the best T (from :func:`core.explorations.best_temperature`) marked; "Apply" writes q_T.

The curves are computed with :mod:`core.explorations` (in nats, scaled to the workspace's unit)
from the latest valid comparison, so they describe what the other views show. The sliders are
view state: only Apply changes the Document.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core import Comparison
from core.explorations import (
    best_temperature,
    interpolated,
    interpolation_curve,
    temperature_curve,
    temperature_scaled,
)
from core.measures import log_scale
from klgui.charts.bar_chart import BarChart
from klgui.document.document import Document
from klgui.panels.worked_example import ModelChooser
from klgui.style.chart_style import ChartStyle
from klgui.style.palette import BANNER_COLOUR, colour_of_model, model_colour
from klgui.text.number_format import format_number, format_precise

#: λ moves in steps of 1/100.
LAMBDA_STEPS = 100
#: The temperature slider: T from 1/20 to 20 on a log scale, T = 20^(step/100 − 1), so the
#: middle step is T = 1 exactly.
TEMPERATURE_HIGH = 20.0
TEMPERATURE_LOW = 1.0 / TEMPERATURE_HIGH
TEMPERATURE_STEPS = 200
TEMPERATURE_TICKS = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)
CURVE_POINTS = 241
#: The temperature plot's y axis reaches this many times the KL of the model (T = 1): the dip
#: around the best T stays readable; the steep ends leave the plot (the label has the value).
DIP_ROOM = 3.0
HEADROOM = 1.15
PLOT_HEIGHT = 230


def temperature_at(step: int) -> float:
    """The temperature of a slider step."""
    return TEMPERATURE_HIGH ** (step / (TEMPERATURE_STEPS / 2) - 1.0)


def step_of(temperature: float) -> int:
    """The slider step nearest to ``temperature``."""
    position = (math.log(temperature) / math.log(TEMPERATURE_HIGH) + 1.0) * TEMPERATURE_STEPS / 2
    return min(max(round(position), 0), TEMPERATURE_STEPS)


class CurvePlot(BarChart):
    """A curve of KL against a parameter, the current value marked by a dot and a vertical
    line; styled like the bar charts. Every item is created once and updated in place."""

    def __init__(
        self, title: str, x_label: str, parameter_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent, class_names=False)
        self._parameter_name = parameter_name
        #: The unit of KL, for the tooltips.
        self.unit = ""
        plot = self.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.layout.removeItem(self.legend)  # one curve: no legend row
        self.legend.hide()
        self._x_label = x_label
        self._colour = model_colour(0)
        self._x = np.zeros(0)
        self._y = np.zeros(0)
        self.curve = pg.PlotDataItem([], [], connect="finite")
        self.position_line = pg.InfiniteLine(angle=90, movable=False)
        self.marker = pg.ScatterPlotItem(symbol="o")
        self.infinity_marker = pg.ScatterPlotItem(symbol="t1")  # a value that is ∞
        self.infinity_marker.setZValue(10)
        self.marker.setZValue(12)
        for item in (self.curve, self.position_line, self.marker, self.infinity_marker):
            self.addItem(item)
        self.infinity_label = self.add_text("∞", anchor=(-0.6, 0.5))
        self.infinity_label.hide()
        self.restyle()

    def restyle(self) -> None:
        style = self.style
        self.getPlotItem().setLabel(
            "bottom",
            self._x_label,
            **{"font-size": f"{style.font_point_size}pt", "color": style.foreground},
        )
        self.curve.setPen(pg.mkPen(self._colour, width=style.line_width))
        self.position_line.setPen(
            pg.mkPen(style.notice_colour, width=max(1.0, style.line_width / 2), style=Qt.DashLine)
        )
        self.marker.setSize(style.marker_size)
        self.marker.setPen(pg.mkPen(style.outline, width=max(1.5, style.outline_width * 2)))
        self.marker.setBrush(pg.mkBrush(self._colour))
        self.infinity_marker.setSize(style.marker_size)
        self.infinity_marker.setPen(pg.mkPen(style.outline))
        self.infinity_marker.setBrush(pg.mkBrush(self._colour))

    def set_colour(self, colour) -> None:
        if colour != self._colour:
            self._colour = colour
            self.restyle()

    def set_curve(self, x: np.ndarray, y: np.ndarray) -> None:
        """The curve; infinite values are left out (a gap) and may be marked with ▲."""
        self._x, self._y = x, y
        self.curve.setData(x, np.where(np.isfinite(y), y, np.nan))

    def set_position(self, x: float, y: float) -> None:
        self.position_line.setValue(x)
        if math.isfinite(y):
            self.marker.setData([x], [y])
        else:
            self.marker.setData([], [])

    def set_infinity(self, x: float | None, y: float = 0.0) -> None:
        """Mark an infinite value at ``x`` with ▲ ∞ at height ``y`` (None: no mark)."""
        if x is None:
            self.infinity_marker.setData([], [])
            self.infinity_label.hide()
            return
        self.infinity_marker.setData([x], [y])
        self.infinity_label.setPos(x, y)
        self.infinity_label.show()

    def parameter_at(self, x: float) -> float:
        """The parameter at plot coordinate ``x``."""
        return x

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The curve's value at the nearest point."""
        if self._x.size == 0:
            return None
        index = int(np.argmin(np.abs(self._x - x)))
        parameter = format_precise(self.parameter_at(float(self._x[index])))
        value = format_precise(float(self._y[index]))
        return f"{self._parameter_name} = {parameter}\nKL = {value} {self.unit}"


class TemperaturePlot(CurvePlot):
    """KL against T on a log axis (x is log₁₀ T), with the best T marked by a star."""

    def __init__(self, title: str, x_label: str, parent: QWidget | None = None) -> None:
        self.best_marker = pg.ScatterPlotItem(symbol="star")
        self.best_line = pg.InfiniteLine(angle=90, movable=False)
        super().__init__(title, x_label, "T", parent)
        self.best_marker.setZValue(11)
        self.addItem(self.best_line)
        self.addItem(self.best_marker)
        self.best_label = self.add_text("", anchor=(-0.05, 0.0))
        self.best_label.hide()
        ticks = [(math.log10(t), f"{t:g}") for t in TEMPERATURE_TICKS]
        self.getPlotItem().getAxis("bottom").setTicks([ticks, []])

    def parameter_at(self, x: float) -> float:
        return 10**x

    def restyle(self) -> None:
        super().restyle()
        style = self.style
        self.best_marker.setSize(style.marker_size * 1.4)
        self.best_marker.setPen(pg.mkPen(style.outline, width=max(1.0, style.outline_width)))
        self.best_marker.setBrush(pg.mkBrush(style.foreground))
        self.best_line.setPen(pg.mkPen(style.foreground, width=max(1.0, style.line_width / 2)))

    def set_best(self, temperature: float | None, kl: float = math.nan, text: str = "") -> None:
        if temperature is None or not math.isfinite(kl):
            self.best_marker.setData([], [])
            self.best_line.hide()
            self.best_label.hide()
            return
        x = math.log10(temperature)
        self.best_marker.setData([x], [kl])
        self.best_line.setValue(x)
        self.best_line.show()
        self.best_label.setText(text)
        top = self.getPlotItem().getViewBox().viewRange()[1][1]
        self.best_label.setPos(x, top)
        self.best_label.show()


def _temperature_text(temperature: float) -> str:
    """Three significant digits: T = 0.649, 1, 12.3."""
    return f"{temperature:.3g}"


def _large(text: str) -> str:
    return f"<span style='font-size:large'>{text}</span>"


class Explorations(QWidget):
    """Interpolation toward P and temperature scaling of the selected model.

    While hidden it only notes that it is out of date and catches up when shown.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._out_of_date = True
        self._lambda = 0.0
        self._temperature = 1.0
        self._p: np.ndarray | None = None
        self._q: np.ndarray | None = None
        self._scale = 1.0
        self._unit = "nats"
        self._model: str | None = None
        self.best: tuple[float, float] = (math.nan, math.inf)  # (T, KL in nats)

        self.model_chooser = ModelChooser(document, self)
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Model:"), self))
        header.addWidget(self.model_chooser)
        header.addStretch(1)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(
            f"background: {BANNER_COLOUR.name()}; color: #202020; padding: 6px;"
            " border: 1px solid #c9a400; border-radius: 4px;"
        )

        # -- interpolation --
        self.lambda_slider = QSlider(Qt.Horizontal, self)
        self.lambda_slider.setRange(0, LAMBDA_STEPS)
        self.lambda_slider.setPageStep(10)
        self.lambda_slider.setToolTip(self.tr("λ: 0 is the model Q, 1 is the reference P"))
        self.lambda_label = self._label()
        self.lambda_plot = CurvePlot(
            self.tr("KL(P‖Q<sub>λ</sub>), Q<sub>λ</sub> = (1−λ)Q + λP"), "λ", "λ", self
        )
        self.lambda_plot.setMinimumHeight(PLOT_HEIGHT)
        self.lambda_plot.set_x_span(-0.03, 1.03)
        self.apply_lambda_button = QPushButton(self.tr("Apply Q_λ"), self)
        interpolation = QGroupBox(self.tr("Move Q toward P"), self)
        box = QVBoxLayout(interpolation)
        row = QHBoxLayout()
        row.addWidget(QLabel("λ", self))
        row.addWidget(self.lambda_slider, 1)
        row.addWidget(self.apply_lambda_button)
        box.addLayout(row)
        box.addWidget(self.lambda_label)
        box.addWidget(self.lambda_plot, 1)

        # -- temperature --
        self.temperature_slider = QSlider(Qt.Horizontal, self)
        self.temperature_slider.setRange(0, TEMPERATURE_STEPS)
        self.temperature_slider.setPageStep(10)
        self.temperature_slider.setValue(TEMPERATURE_STEPS // 2)
        self.temperature_slider.setToolTip(
            self.tr("T < 1 sharpens Q (more confident), T > 1 flattens it; T = 1 is Q itself")
        )
        self.temperature_label = self._label()
        self.best_label = self._label()
        self.temperature_plot = TemperaturePlot(
            self.tr("KL(P‖q<sub>T</sub>), q<sub>T</sub> ∝ q<sup>1/T</sup>"),
            self.tr("temperature T (log scale)"),
            self,
        )
        self.temperature_plot.setMinimumHeight(PLOT_HEIGHT)
        low, high = math.log10(TEMPERATURE_LOW), math.log10(TEMPERATURE_HIGH)
        margin = 0.03 * (high - low)
        self.temperature_plot.set_x_span(low - margin, high + margin)
        self.best_button = QPushButton(self.tr("Go to best T"), self)
        self.apply_temperature_button = QPushButton(self.tr("Apply T"), self)
        temperature = QGroupBox(self.tr("Change the temperature"), self)
        box = QVBoxLayout(temperature)
        row = QHBoxLayout()
        row.addWidget(QLabel("T", self))
        row.addWidget(self.temperature_slider, 1)
        row.addWidget(self.best_button)
        row.addWidget(self.apply_temperature_button)
        box.addLayout(row)
        box.addWidget(self.temperature_label)
        box.addWidget(self.best_label)
        box.addWidget(self.temperature_plot, 1)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(6, 0, 6, 6)
        content_layout.addWidget(interpolation, 1)
        content_layout.addWidget(temperature, 1)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.NoFrame)
        self._scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addWidget(self._scroll, 1)

        self.lambda_slider.valueChanged.connect(self._on_lambda_slider_value_changed)
        self.temperature_slider.valueChanged.connect(self._on_temperature_slider_value_changed)
        self.apply_lambda_button.clicked.connect(self.apply_lambda)
        self.apply_temperature_button.clicked.connect(self.apply_temperature)
        self.best_button.clicked.connect(self.go_to_best_temperature)
        document.comparisonChanged.connect(self._on_document_changed)
        document.selectedModelChanged.connect(self._on_document_changed)
        self.refresh()

    def _label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.RichText)
        label.setWordWrap(True)
        return label

    def apply_style(self, style: ChartStyle) -> None:
        """Restyle both plots (the main window calls this for every chart)."""
        self.lambda_plot.apply_style(style)
        self.temperature_plot.apply_style(style)
        self._show_lambda()
        self._show_temperature()

    # -- state ----------------------------------------------------------------------------------

    @property
    def lam(self) -> float:
        return self._lambda

    @property
    def temperature(self) -> float:
        return self._temperature

    def _on_lambda_slider_value_changed(self, step: int) -> None:
        self._lambda = step / LAMBDA_STEPS
        self._show_lambda()

    def _on_temperature_slider_value_changed(self, step: int) -> None:
        self._temperature = temperature_at(step)
        self._show_temperature()

    def _set_temperature(self, temperature: float) -> None:
        """An exact T (the slider shows the nearest step)."""
        self._temperature = temperature
        self.temperature_slider.blockSignals(True)
        self.temperature_slider.setValue(step_of(temperature))
        self.temperature_slider.blockSignals(False)
        self._show_temperature()

    def go_to_best_temperature(self) -> None:
        if math.isfinite(self.best[0]):
            self._set_temperature(self.best[0])

    # -- following the document -----------------------------------------------------------------

    def _on_document_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._out_of_date = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._out_of_date:
            self.refresh()

    def refresh(self) -> None:
        """Recompute both curves for the selected model of the latest valid comparison."""
        self._out_of_date = False
        document = self._document
        comparison = document.comparison
        model = document.selected_model
        message = ""
        if model is None:
            message = self.tr(
                "There is no model to explore: add one (Edit ▸ Add model, Ctrl+Shift+M) and type "
                "its predicted probabilities."
            )
        elif comparison is None:
            message = self.tr("No valid input yet: fix the values marked in the table.")
        elif model in document.left_out:  # valid before, perhaps: say what is wrong now
            message = self.tr("%s is not valid: %s. Fix it in the table to explore it.") % (
                model,
                document.left_out[model],
            )
        elif model not in comparison.models:
            message = self.tr("%s has no valid values yet: fix them in the table.") % model
        elif not document.comparison_is_current:
            message = (
                self.tr("⚠ Showing the last valid input (Apply is off until it is fixed): %s")
                % document.input_error
            )
        self.status.setText(message)
        self.status.setVisible(bool(message))
        showable = comparison is not None and model is not None and model in comparison.models
        self._scroll.setVisible(showable)
        if not showable:
            self._p = self._q = None
            self._model = None
            self._update_buttons()
            return
        self._show_comparison(comparison, model)

    def _show_comparison(self, comparison: Comparison, model: str) -> None:
        index = comparison.index_of(model)
        self._model = model
        self._p = np.asarray(comparison.reference_distribution, dtype=np.float64)
        self._q = np.asarray(comparison.model_distributions[index], dtype=np.float64)
        self._scale = log_scale(comparison.base)
        self._unit = comparison.unit
        current = self._document.comparison_is_current
        colour = colour_of_model(model, self._document.workspace.model_names)
        for plot in (self.lambda_plot, self.temperature_plot):
            plot.set_colour(colour)
            plot.set_axis_label(self.tr("KL (%s)") % self._unit)
            plot.unit = self._unit
        self.apply_lambda_button.setText(self.tr("Apply Q_λ to %s") % model)
        self.apply_temperature_button.setText(self.tr("Apply T to %s") % model)

        # Interpolation: KL falls from KL(P‖Q) at λ = 0 to 0 at λ = 1.
        lambdas = np.linspace(0.0, 1.0, CURVE_POINTS)
        curve = interpolation_curve(self._p, self._q, lambdas) * self._scale
        self.lambda_plot.set_curve(lambdas, curve)
        finite = curve[np.isfinite(curve)]
        top = float(finite.max()) if finite.size else 1.0
        _, shown_top = self.lambda_plot.set_y_span(0.0, top * HEADROOM, bottom_margin=0.07)
        self.lambda_plot.set_infinity(None if math.isfinite(curve[0]) else 0.0, shown_top * 0.9)
        self.lambda_plot.show_state(current)

        # Temperature: the whole range drawn, the y axis fitted to the part around the dip.
        temperatures = np.geomspace(TEMPERATURE_LOW, TEMPERATURE_HIGH, CURVE_POINTS)
        curve = temperature_curve(self._p, self._q, temperatures) * self._scale
        self.temperature_plot.set_curve(np.log10(temperatures), curve)
        self.best = best_temperature(self._p, self._q, TEMPERATURE_LOW, TEMPERATURE_HIGH)
        finite = curve[np.isfinite(curve)]
        if finite.size:
            # The y axis fits the dip: T = 1 (the model) and the best T, with room to move.
            at_one = float(temperature_curve(self._p, self._q, 1.0)) * self._scale
            top = DIP_ROOM * max(at_one, self.best[1] * self._scale)
            if top <= 0:  # Q = P: the dip touches 0
                near = (temperatures >= 0.5) & (temperatures <= 2.0)
                top = float(curve[near].max())
            self.temperature_plot.set_y_span(0.0, min(top, float(finite.max())), 0.07)
            notice = ""
        else:  # nothing to fit: no span left from another model
            self.temperature_plot.reset_y_span()
            notice = self.tr("KL is ∞ at every temperature")
        self.temperature_plot.show_state(current, notice)
        self._show_lambda()
        self._show_temperature()

    # -- what the sliders show ------------------------------------------------------------------

    def _lambda_kl(self) -> float:
        return float(interpolation_curve(self._p, self._q, self._lambda)) * self._scale

    def _temperature_kl(self) -> float:
        return float(temperature_curve(self._p, self._q, self._temperature)) * self._scale

    def _show_lambda(self) -> None:
        if self._p is None:
            return
        kl = self._lambda_kl()
        self.lambda_plot.set_position(self._lambda, kl)
        text = self.tr("λ = %s: KL(P‖Q<sub>λ</sub>) = <b>%s</b> %s") % (
            format_number(self._lambda, 2),
            format_number(kl),
            self._unit,
        )
        if math.isinf(kl):
            text += "<br>" + self.tr(
                "∞ at λ = 0: Q gives 0 to a class P has; any λ > 0 mixes in P and makes it finite."
            )
        self.lambda_label.setText(_large(text))
        self._update_buttons()

    def _show_temperature(self) -> None:
        if self._p is None:
            return
        kl = self._temperature_kl()
        x = math.log10(self._temperature)
        self.temperature_plot.set_position(x, kl)
        text = self.tr("T = %s: KL(P‖q<sub>T</sub>) = <b>%s</b> %s") % (
            _temperature_text(self._temperature),
            format_number(kl),
            self._unit,
        )
        if self._temperature != 1.0:
            at_one = float(temperature_curve(self._p, self._q, 1.0)) * self._scale
            text += " " + self.tr("(the model, T = 1: %s)") % format_number(at_one)
        self.temperature_label.setText(_large(text))
        self._show_best()
        self._update_buttons()

    def _show_best(self) -> None:
        best_t, best_kl = self.best
        if not math.isfinite(best_kl):
            self.temperature_plot.set_best(None)
            self.best_label.setText(
                _large(
                    self.tr(
                        "No best T: Q gives 0 to a class P has, and tempering never makes a 0 "
                        "positive, so KL is ∞ for every T."
                    )
                )
            )
            return
        best_kl *= self._scale
        best_text = _temperature_text(best_t)
        self.temperature_plot.set_best(best_t, best_kl, self.tr("best T = %s") % best_text)
        if float(np.ptp(self._q[self._q > 0])) == 0.0:
            text = self.tr("Every T gives the same KL: Q is uniform where it is not 0.")
        else:
            text = self.tr("Best T = <b>%s</b>: KL = <b>%s</b> %s") % (
                best_text,
                format_number(best_kl),
                self._unit,
            )
            if best_t in (TEMPERATURE_LOW, TEMPERATURE_HIGH):
                text += " " + self.tr("(at the end of the range: KL keeps falling beyond it)")
            elif best_t < 1:
                text += " " + self.tr("— Q is not confident enough: sharpen it")
            elif best_t > 1:
                text += " " + self.tr("— Q is overconfident: soften it")
        self.best_label.setText(_large(text))

    def _update_buttons(self) -> None:
        editable = self._p is not None and self._document.comparison_is_current
        self.apply_lambda_button.setEnabled(editable and self._lambda > 0)
        self.apply_temperature_button.setEnabled(editable and self._temperature != 1.0)
        self.best_button.setEnabled(editable and math.isfinite(self.best[0]))
        self.lambda_slider.setEnabled(self._p is not None)
        self.temperature_slider.setEnabled(self._p is not None)

    # -- writing into the model -----------------------------------------------------------------

    def _write(self, values: np.ndarray) -> None:
        """One undoable edit of the model. A counts column keeps its total, so smoothing by
        add-k weighs the same as before."""
        model = self._model
        distribution = self._document.workspace.distribution(model)
        if distribution.is_counts:
            values = values * float(distribution.values.sum())
        self._document.set_values(model, values)

    def _raw(self, name: str) -> np.ndarray:
        """A column as the user entered it, as probabilities: what Apply starts from (the
        curves show the comparison's values, smoothed if smoothing is on; writing those back
        would smooth them twice)."""
        values = self._document.workspace.distribution(name).values
        return values / values.sum()

    def apply_lambda(self) -> None:
        """Write Q_λ into the model; the model is now Q_λ, so λ goes back to 0."""
        if self._p is None or not self._document.comparison_is_current:
            return
        reference = self._document.workspace.reference
        values = interpolated(self._raw(reference), self._raw(self._model), self._lambda)
        self.lambda_slider.setValue(0)
        self._write(values)

    def apply_temperature(self) -> None:
        """Write q_T into the model; the model is now q_T, so T goes back to 1."""
        if self._p is None or not self._document.comparison_is_current:
            return
        values = temperature_scaled(self._raw(self._model), self._temperature)
        self._set_temperature(1.0)
        self._write(values)
