"""Charts follow the Document: bar heights, infinite markers, direction toggle, hover text."""

from __future__ import annotations

import numpy as np
import pytest

from klgui.contribution_chart import ContributionChart
from klgui.decomposition_chart import DecompositionChart
from klgui.distribution_chart import DistributionChart


def heights(bar) -> np.ndarray:
    return np.asarray(bar.opts["height"], dtype=float)


@pytest.fixture
def charts(qtbot, document):
    made = (
        DistributionChart(document),
        ContributionChart(document),
        DecompositionChart(document),
    )
    for chart in made:
        qtbot.addWidget(chart)
    return made


def test_distribution_bars_follow_an_edit(qtbot, document, charts):
    distribution_chart = charts[0]
    assert heights(distribution_chart._bars[1]).tolist() == [0.5, 0.35, 0.15]
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("A", [0.4, 0.4, 0.2])
    assert heights(distribution_chart._bars[1]).tolist() == [0.4, 0.4, 0.2]
    assert len(distribution_chart._bars) == 3
    with qtbot.waitSignal(document.comparisonChanged):
        document.add_distribution("C")
    assert len(distribution_chart._bars) == 4
    assert heights(distribution_chart._bars[3]) == pytest.approx([1 / 3] * 3)


def test_distribution_tooltip_gives_the_exact_value(charts):
    chart = charts[0]
    text = chart.tooltip_at(0.0, 0.1)  # the middle bar of "dog": model A
    assert "A (model), class dog" in text and "0.5" in text
    assert chart.tooltip_at(5.0, 0.1) is None


def test_contributions_are_signed_and_end_with_their_sum(document, charts):
    plot = charts[1].plot
    comparison = document.comparison
    positive, negative = heights(plot._positive[0]), heights(plot._negative[0])
    terms = comparison.kl_terms[0]
    assert positive[:3] + negative[:3] == pytest.approx(terms)
    assert (positive >= 0).all() and (negative <= 0).all()
    assert positive[3] == pytest.approx(comparison.kl[0])  # the Σ group


def test_direction_toggle_shows_the_reverse_terms(document, charts):
    chart = charts[1]
    chart.direction.setCurrentIndex(1)
    assert chart.plot.reverse
    positive, negative = heights(chart.plot._positive[1]), heights(chart.plot._negative[1])
    assert positive[:3] + negative[:3] == pytest.approx(document.comparison.reverse_kl_terms[1])
    assert "q·log(q/p)" in chart.plot.tooltip_at(0.1, 0.0)


def test_an_infinite_term_is_marked_not_drawn_as_a_bar(qtbot, document, charts):
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("B", [0.5, 0.5, 0.0])  # P has rabbits, B gives them 0
    plot = charts[1].plot
    assert np.isinf(document.comparison.kl[1])
    assert np.isfinite(heights(plot._positive[1])).all()
    assert heights(plot._positive[1])[2] == 0.0
    assert len(plot._infinite.data) == 2  # the rabbit term and the Σ of model B
    visible = [label for label in plot._infinity_labels if label.isVisible()]
    assert len(visible) == 2
    high = plot.getPlotItem().getViewBox().viewRange()[1][1]
    assert high < 10  # the axis stays readable
    assert "Infinite" in plot.tooltip_at(2.2, 0.0)


def test_decomposition_stacks_kl_on_the_entropy(qtbot, document, charts):
    chart = charts[2]
    comparison = document.comparison
    assert heights(chart._entropy) == pytest.approx([comparison.reference_entropy] * 2)
    assert heights(chart._divergence) == pytest.approx(comparison.kl)
    assert np.asarray(chart._divergence.opts["y0"]) == pytest.approx(
        [comparison.reference_entropy] * 2
    )
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_base(2.0)
    assert heights(chart._divergence) == pytest.approx(document.comparison.kl)
    assert "H(P,Q)" in chart.tooltip_at(1.0, 0.5)


def test_charts_survive_hundreds_of_repaints(qtbot, document, charts):
    """Catches the PySide6 6.12.0 crash with pyqtgraph (none_dealloc after some repaints)."""
    rng = np.random.default_rng(3)
    for chart in charts:
        chart.show()
    for _ in range(300):
        values = rng.dirichlet(np.ones(3))
        document.set_values("A", values, merge_key="stress")
        document.recompute_now()
        for chart in charts:
            chart.repaint()
    assert heights(charts[0]._bars[1]) == pytest.approx(values)
