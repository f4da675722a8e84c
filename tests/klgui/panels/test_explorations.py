"""Explorations: the curves follow the Document; the sliders move the markers and the text;
Apply writes exactly Q_λ or q_T into the model as one undo step."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.distributions import Smoothing
from core.explorations import (
    best_temperature,
    interpolated,
    interpolation_curve,
    temperature_curve,
    temperature_scaled,
)
from klgui.panels.explorations import (
    TEMPERATURE_HIGH,
    TEMPERATURE_LOW,
    TEMPERATURE_STEPS,
    Explorations,
    step_of,
    temperature_at,
)
from klgui.text.number_format import format_number

P = np.array([0.6, 0.3, 0.1])
Q = np.array([0.5, 0.35, 0.15])
LN2 = math.log(2.0)


@pytest.fixture
def panel(qtbot, document):
    widget = Explorations(document)
    qtbot.addWidget(widget)
    widget.resize(560, 640)
    widget.show()
    return widget


def recompute(qtbot, document, edit) -> None:
    with qtbot.waitSignal(document.comparisonChanged):
        edit()


def curve_data(plot) -> tuple[np.ndarray, np.ndarray]:
    x, y = plot.curve.getData()
    return np.asarray(x), np.asarray(y)


def marker(plot) -> tuple[float, float]:
    x, y = plot.marker.getData()
    return float(x[0]), float(y[0])


def values_of(document, name: str) -> list[float]:
    return document.workspace.distribution(name).values.tolist()


def test_temperature_steps_are_logarithmic_with_one_in_the_middle():
    assert temperature_at(0) == pytest.approx(TEMPERATURE_LOW)
    assert temperature_at(TEMPERATURE_STEPS) == pytest.approx(TEMPERATURE_HIGH)
    assert temperature_at(TEMPERATURE_STEPS // 2) == 1.0
    assert step_of(1.0) == TEMPERATURE_STEPS // 2
    assert all(step_of(temperature_at(s)) == s for s in range(TEMPERATURE_STEPS + 1))
    ratios = [temperature_at(s + 1) / temperature_at(s) for s in range(TEMPERATURE_STEPS)]
    assert ratios == pytest.approx([ratios[0]] * TEMPERATURE_STEPS)


def test_the_curves_follow_the_document(qtbot, panel, document):
    x, y = curve_data(panel.lambda_plot)
    assert x[0] == 0.0 and x[-1] == 1.0
    assert y[0] == pytest.approx(float(document.comparison.kl[0]))
    assert y[-1] == 0.0
    assert y == pytest.approx(interpolation_curve(P, Q, x))
    x, y = curve_data(panel.temperature_plot)
    assert y == pytest.approx(temperature_curve(P, Q, 10**x))
    recompute(qtbot, document, lambda: document.set_values("A", [0.4, 0.4, 0.2]))
    _, y = curve_data(panel.lambda_plot)
    assert y[0] == pytest.approx(float(document.comparison.kl[0]))
    assert panel.best == best_temperature(P, [0.4, 0.4, 0.2], TEMPERATURE_LOW, TEMPERATURE_HIGH)
    with qtbot.waitSignal(document.selectedModelChanged):
        document.select_model("B")
    _, y = curve_data(panel.lambda_plot)
    assert y[0] == pytest.approx(float(document.comparison.kl[1]))
    assert panel.apply_lambda_button.text() == "Apply Q_λ to B"


def test_the_lambda_slider_moves_the_marker_and_the_text(qtbot, panel, document):
    assert marker(panel.lambda_plot) == (0.0, pytest.approx(float(document.comparison.kl[0])))
    assert not panel.apply_lambda_button.isEnabled()  # λ = 0 would change nothing
    panel.lambda_slider.setValue(30)
    assert panel.lam == 0.3
    kl = float(interpolation_curve(P, Q, 0.3))
    assert marker(panel.lambda_plot) == (0.3, pytest.approx(kl))
    assert panel.lambda_plot.position_line.value() == 0.3
    assert "λ = 0.3:" in panel.lambda_label.text()
    assert format_number(kl) in panel.lambda_label.text()
    panel.lambda_slider.setFocus()
    qtbot.keyClick(panel.lambda_slider, Qt.Key_Right)
    assert panel.lam == 0.31
    assert marker(panel.lambda_plot)[0] == 0.31
    assert panel.apply_lambda_button.isEnabled()
    assert document.undo_stack.count() == 0  # the slider alone changes nothing


def test_apply_lambda_writes_the_mixture_as_one_undo_step(qtbot, panel, document):
    panel.lambda_slider.setValue(40)
    expected = interpolated(P, Q, 0.4).tolist()
    recompute(qtbot, document, lambda: qtbot.mouseClick(panel.apply_lambda_button, Qt.LeftButton))
    assert values_of(document, "A") == pytest.approx(expected, abs=1e-15)
    assert document.undo_stack.count() == 1
    assert panel.lam == 0.0  # the model is now Q_λ: λ starts again from it
    _, y = curve_data(panel.lambda_plot)
    assert y[0] == pytest.approx(float(interpolation_curve(P, Q, 0.4)))
    recompute(qtbot, document, document.undo_stack.undo)
    assert values_of(document, "A") == Q.tolist()


def test_the_temperature_slider_marks_the_current_and_the_best_temperature(panel):
    best_t, best_kl = best_temperature(P, Q, TEMPERATURE_LOW, TEMPERATURE_HIGH)
    x, y = panel.temperature_plot.best_marker.getData()
    assert (10 ** float(x[0]), float(y[0])) == (pytest.approx(best_t), pytest.approx(best_kl))
    assert f"{best_t:.3g}" in panel.best_label.text()
    assert format_number(best_kl) in panel.best_label.text()
    assert "not confident enough" in panel.best_label.text()  # best T < 1 here
    assert marker(panel.temperature_plot) == (
        0.0,
        pytest.approx(float(temperature_curve(P, Q, 1.0))),
    )
    assert not panel.apply_temperature_button.isEnabled()  # T = 1 would change nothing
    step = step_of(2.0)
    panel.temperature_slider.setValue(step)
    temperature = temperature_at(step)
    assert panel.temperature == temperature
    x, y = marker(panel.temperature_plot)
    assert x == pytest.approx(math.log10(temperature))
    assert y == pytest.approx(float(temperature_curve(P, Q, temperature)))
    assert f"T = {temperature:.3g}" in panel.temperature_label.text()
    assert panel.apply_temperature_button.isEnabled()


def test_apply_the_best_temperature_as_one_undo_step(qtbot, panel, document):
    best_t, _ = best_temperature(P, Q, TEMPERATURE_LOW, TEMPERATURE_HIGH)
    qtbot.mouseClick(panel.best_button, Qt.LeftButton)
    assert panel.temperature == best_t  # exactly, not the nearest slider step
    assert panel.temperature_slider.value() == step_of(best_t)
    expected = temperature_scaled(Q, best_t).tolist()
    recompute(
        qtbot, document, lambda: qtbot.mouseClick(panel.apply_temperature_button, Qt.LeftButton)
    )
    assert values_of(document, "A") == expected
    assert document.undo_stack.count() == 1
    assert panel.temperature == 1.0
    # The model is now the best tempered Q: its own best temperature is 1.
    assert panel.best[0] == pytest.approx(1.0, rel=1e-6)
    recompute(qtbot, document, document.undo_stack.undo)
    assert values_of(document, "A") == Q.tolist()


def test_bits_scale_the_curves(qtbot, panel, document):
    _, nats = curve_data(panel.lambda_plot)
    panel.lambda_slider.setValue(50)
    recompute(qtbot, document, lambda: document.set_base(2))
    _, bits = curve_data(panel.lambda_plot)
    assert bits == pytest.approx(nats / LN2, rel=1e-12)
    assert marker(panel.lambda_plot)[1] == pytest.approx(
        float(interpolation_curve(P, Q, 0.5)) / LN2
    )
    assert "bits" in panel.lambda_label.text() and "bits" in panel.best_label.text()
    _, y = panel.temperature_plot.best_marker.getData()
    assert float(y[0]) == pytest.approx(best_temperature(P, Q, 0.05, 20.0)[1] / LN2)


def test_a_zero_in_q_is_infinite_at_lambda_zero_and_for_every_temperature(qtbot, panel, document):
    recompute(qtbot, document, lambda: document.set_values("A", [0.5, 0.5, 0.0]))
    _, y = curve_data(panel.lambda_plot)
    assert math.isnan(y[0]) and np.isfinite(y[1:]).all()  # a gap, not a huge value
    assert len(panel.lambda_plot.infinity_marker.data) == 1
    assert "∞" in panel.lambda_label.text()
    assert math.isinf(panel.best[1])
    assert "No best T" in panel.best_label.text()
    assert not panel.best_button.isEnabled()
    assert len(panel.temperature_plot.best_marker.data) == 0
    panel.lambda_slider.setValue(1)
    assert len(panel.lambda_plot.infinity_marker.data) == 1  # ∞ stays marked at λ = 0
    assert "∞" not in panel.lambda_label.text()


def test_apply_is_off_while_the_input_is_invalid(qtbot, panel, document):
    panel.lambda_slider.setValue(50)
    assert panel.apply_lambda_button.isEnabled()
    recompute(qtbot, document, lambda: document.set_value("P", 0, 0.9))
    assert not panel.apply_lambda_button.isEnabled()
    assert "last valid input" in panel.status.text()
    panel.apply_lambda()  # even called directly it writes nothing
    assert document.undo_stack.count() == 1


def test_a_model_that_was_valid_and_is_not_now_is_said_to_be_invalid_and_why(
    qtbot, panel, document
):
    assert document.selected_model == "A"
    recompute(qtbot, document, lambda: document.set_value("A", 0, 0.7))  # A sums to 1.2
    assert panel.status.text() == (
        "A is not valid: 'A' sums to 1.2, not 1: normalize it, or mark it as counts. Fix it in "
        "the table to explore it."
    )


def test_a_counts_column_keeps_its_total(qtbot, panel, document):
    document.set_values("A", [50.0, 35.0, 15.0])
    recompute(qtbot, document, lambda: document.set_kind("A", "counts"))
    count = document.undo_stack.count()
    panel.lambda_slider.setValue(50)
    recompute(qtbot, document, panel.apply_lambda)
    assert values_of(document, "A") == pytest.approx((interpolated(P, Q, 0.5) * 100).tolist())
    assert document.workspace.distribution("A").is_counts
    assert document.undo_stack.count() == count + 1


def test_apply_starts_from_the_entered_values_not_the_smoothed_ones(qtbot, panel, document):
    recompute(qtbot, document, lambda: document.set_smoothing(Smoothing("epsilon", 0.1)))
    panel.lambda_slider.setValue(50)
    recompute(qtbot, document, panel.apply_lambda)
    # Smoothing is applied when comparing; writing the smoothed mixture back would apply it twice.
    assert values_of(document, "A") == pytest.approx(interpolated(P, Q, 0.5).tolist())


def test_without_a_model_it_says_what_to_do(qtbot, panel, document):
    document.remove_distribution("A")
    recompute(qtbot, document, lambda: document.remove_distribution("B"))
    assert "add one" in panel.status.text()
    assert not panel.lambda_slider.isEnabled()
    assert not panel.apply_lambda_button.isEnabled()


def test_it_renders(panel):
    image = panel.grab().toImage()
    assert not image.isNull() and image.width() == 560


def test_the_lambda_axis_is_numbered(qtbot, panel):
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    axis = panel.lambda_plot.getPlotItem().getAxis("bottom")
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        texts = [text for _, _, text in axis.generateDrawSpecs(painter)[2]]
    finally:
        painter.end()
    assert "0.5" in texts or "0.4" in texts, texts  # numbers, not class names
