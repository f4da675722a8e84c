"""Charts follow the Document: bar heights, infinite markers, direction toggle, hover text."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication

from core import example_workspace
from core.class_selection import ClassView
from klgui.charts.bar_chart import Y_SPAN_GROWTH, next_y_span
from klgui.charts.contribution_chart import ContributionChart
from klgui.charts.decomposition_chart import DecompositionChart
from klgui.charts.distribution_chart import DistributionChart
from klgui.text.number_format import format_number


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


def test_an_edit_leaves_the_series_it_did_not_change_alone(qtbot, document, charts):
    reference_heights = charts[0]._bars[0].opts["height"]
    model_heights = charts[0]._bars[1].opts["height"]
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("A", [0.4, 0.4, 0.2])
    assert charts[0]._bars[0].opts["height"] is reference_heights  # P was not set again
    assert charts[0]._bars[1].opts["height"] is not model_heights


def test_distribution_tooltip_gives_the_exact_value(charts):
    chart = charts[0]
    text = chart.tooltip_at(0.0, 0.1)  # the middle bar of "dog": model A
    assert "A (model), class dog" in text and "0.5" in text
    assert chart.tooltip_at(5.0, 0.1) is None


def test_contributions_are_signed_and_their_sum_is_a_number_not_a_bar(document, charts):
    plot = charts[1].plot
    comparison = document.comparison
    positive, negative = heights(plot._positive[0]), heights(plot._negative[0])
    terms = comparison.kl_terms[0]
    assert len(positive) == 3  # one bar per class, none for Σ
    assert positive + negative == pytest.approx(terms)
    assert (positive >= 0).all() and (negative <= 0).all()
    legend = [label.text for _, label in plot.legend.items]
    totals = [format_number(kl) for kl in comparison.kl]
    assert legend == [f"A: Σ {totals[0]}", f"B: Σ {totals[1]}"]
    assert "Σ" not in plot.getPlotItem().getAxis("bottom").names_drawn()


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
    assert len(plot._infinite.data) == 1  # the rabbit term of model B
    visible = [label for label in plot._infinity_labels if label.isVisible()]
    assert len(visible) == 1
    assert plot.legend.items[1][1].text == "B: Σ ∞"
    high = plot.getPlotItem().getViewBox().viewRange()[1][1]
    assert high < 10  # the axis stays readable
    assert "Infinite" in plot.tooltip_at(2.2, 0.0)
    assert plot._infinite.isVisible()
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("B", [0.5, 0.4, 0.1])
    assert len(plot._infinite.data) == 0
    assert not plot._infinite.isVisible()  # an empty scatter would still be painted


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


def test_the_y_span_holds_during_a_drag_and_follows_the_data_otherwise():
    assert next_y_span(None, 0.0, 0.5) == (0.0, 0.5)
    assert next_y_span((0.0, 0.5), 0.0, 0.45) == (0.0, 0.5)  # a drag: held
    assert next_y_span((0.0, 0.5), 0.0, 0.1) == (0.0, 0.5)  # never shrinks during a drag
    assert next_y_span((0.0, 0.8), 0.0, 0.6, hold=False) == (0.0, 0.6)  # the data's own
    assert next_y_span((0.0, 0.5), 0.0, 0.6, hold=False) == (0.0, 0.6)
    low, high = next_y_span((0.0, 0.5), 0.0, 0.6)
    assert low == 0.0 and high == pytest.approx(0.6 + (Y_SPAN_GROWTH - 1) * 0.6)
    assert next_y_span(None, 0.0, float("inf")) == (0.0, 1.0)
    assert next_y_span(None, 0.2, 0.2)[1] > 0.2  # flat data still gets a readable span


def test_the_same_data_twice_keeps_the_span():
    rng = np.random.default_rng(5)
    for _ in range(2000):
        current = tuple(sorted(rng.normal(0, 2, 2)))
        low, high = sorted(rng.normal(0, 2, 2))
        first = next_y_span(current, low, high)
        assert first[0] <= low and high <= first[1]
        assert next_y_span(first, low, high) == first, (current, low, high)


def test_a_growing_signed_range_never_flips_back_and_forth():
    """Both ends overflowing by a little each frame (the terms of a drag) must not make the
    span jump between two shapes: it only grows, and it holds the data every time."""
    span = None
    spans = []
    for step in range(60):
        low, high = -0.005 - 0.0001 * step, 1.28 + 0.02 * step
        span = next_y_span(span, low, high)
        assert span[0] <= low and high <= span[1]
        spans.append(span)
    assert all(a[0] >= b[0] and a[1] <= b[1] for a, b in pairwise(spans))
    assert len(set(spans)) < 20  # most frames keep the axes


@pytest.mark.parametrize("size", [(300, 200), (420, 260), (600, 420)])
def test_decomposition_value_labels_stay_inside_the_plot(qtbot, document, charts, size):
    chart = charts[2]
    chart.resize(*size)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()  # pyqtgraph lays the plot out
    chart._on_document_comparison_changed()  # after the resize, as the window does
    QApplication.processEvents()  # text labels place themselves when painted
    plot_area = chart.getPlotItem().getViewBox().sceneBoundingRect()
    shown = [label for label in chart._labels if label.isVisible()]
    for label in shown:
        assert label.sceneBoundingRect().top() >= plot_area.top() - 0.5, size
    if size[1] >= 420:
        assert len(shown) == 2  # room enough: the values are written over the bars


def test_the_axes_redraw_their_ticks_when_the_range_changes(qtbot, document, charts):
    chart = charts[0]
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()
    axis = chart.getPlotItem().getAxis("left")
    drawn = []
    original = axis.generateDrawSpecs
    axis.generateDrawSpecs = lambda painter: drawn.append(axis.range[:]) or original(painter)
    document.set_values("B", [0.05, 0.1, 0.85])  # taller than the axis shows: it must grow
    document.recompute_now()
    QApplication.processEvents()  # the view repaints
    assert drawn and drawn[-1][1] > 0.85
    assert axis.autoSIPrefixScale == 1.0 and axis.labelUnitPrefix == ""


def chart_of_classes(qtbot, names: list[str], width: int) -> DistributionChart:
    from core import Distribution, Workspace
    from klgui.document.document import Document

    values = np.full(len(names), 1 / len(names))
    document = Document(
        Workspace(
            classes=tuple(names),
            distributions=(Distribution("P", values), Distribution("A", values)),
            reference="P",
        )
    )
    document.set_class_view(ClassView(top=len(names)))  # every class, however many
    chart = DistributionChart(document)
    qtbot.addWidget(chart)
    chart.resize(width, 300)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()
    return chart


def drawn_name_rects(chart) -> list:
    """What pyqtgraph draws under the x axis: (rectangle, text) of every name."""
    from klgui.charts.bar_chart import tick_labels_drawn

    return tick_labels_drawn(chart.getPlotItem().getAxis("bottom"))


def test_class_names_fit_the_axis_and_follow_a_zoom(qtbot):
    chart = chart_of_classes(qtbot, [f"class {i}" for i in range(100)], 800)
    axis = chart.getPlotItem().getAxis("bottom")
    names = axis.names_drawn()
    assert 3 <= len(names) < 100
    # The names nearest the ends that fit are drawn (pyqtgraph drops one reaching too far).
    assert names[0] in ("class 0", "class 1", "class 2")
    assert names[-1] in ("class 97", "class 98", "class 99")
    chart.getPlotItem().getViewBox().setXRange(9.5, 15.5, padding=0)  # zoom into six classes
    QApplication.processEvents()
    assert axis.names_drawn() == [f"class {i}" for i in range(10, 16)]


@pytest.mark.parametrize(
    ("names", "widths"),
    [
        ([f"extraordinarily_{i}" for i in range(5)], [400, 520, 640]),
        ([f"a rather long class {i:02d}" for i in range(20)], range(420, 900, 7)),
        ([f"c{i}" for i in range(300)], [300, 800]),
    ],
    ids=["few long names", "many widths", "many short names"],
)
def test_class_names_never_overlap_and_some_are_always_drawn(qtbot, names, widths):
    chart = chart_of_classes(qtbot, names, 400)
    for width in widths:
        chart.resize(width, 300)
        QApplication.processEvents()
        drawn = drawn_name_rects(chart)
        assert drawn, width
        rects = sorted((rect for rect, _ in drawn), key=lambda rect: rect.left())
        assert all(a.right() <= b.left() for a, b in pairwise(rects)), width


def test_at_its_narrowest_a_stale_chart_still_fits_its_view(qtbot, document, charts):
    chart = charts[2]
    chart.show()
    qtbot.waitExposed(chart)
    chart.resize(chart.minimumWidth(), 300)
    QApplication.processEvents()
    document.set_value("P", 0, 0.9)  # invalid input (P sums to more than 1): the title's mark
    document.recompute_now()
    QApplication.processEvents()
    assert chart.getPlotItem().titleLabel.text.endswith(" ⚠")
    assert chart.getPlotItem().sceneBoundingRect().right() <= chart.viewport().width() + 0.5


def test_a_legend_shows_a_series_of_bars_as_a_plain_square(qapp):
    import pyqtgraph as pg
    from PySide6.QtGui import QImage, QPainter

    from klgui.charts.bar_chart import Bars, LegendSample

    bars = Bars(x=[0.0], height=[1.0], width=0.5, brush=pg.mkBrush("#e69f00"), pen=pg.mkPen("k"))
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    LegendSample(bars).paint(painter)
    painter.end()
    assert image.pixelColor(10, 10) == QColor("#e69f00")
    assert image.pixelColor(0, 11) == QColor("white")  # no stray line beside the square


@pytest.mark.parametrize(
    "names",
    [
        ["a_really_long_model_name_for_purposes_v1", "a_really_long_model_name_for_purposes_v2"],
        ["sentiment_pos_strong", "sentiment_neg_strong", "sentiment_neutral"],
        ["ResNet-50 fine-tuned (lr 1e-3 epoch 12)", "ResNet-50 fine-tuned (lr 1e-4 epoch 12)"],
        ["x" * 30 + "1" + "x" * 30, "x" * 30 + "2" + "x" * 30],
    ],
)
@pytest.mark.parametrize("characters", [6, 10, 16])
@pytest.mark.parametrize("lines", [1, 3])
def test_long_names_cut_to_their_room_never_read_the_same(names, characters, lines):
    from PySide6.QtGui import QFont, QFontMetricsF

    from klgui.charts.bar_chart import fitted_names

    metrics = QFontMetricsF(QFont())
    room = characters * metrics.averageCharWidth()
    labels = fitted_names(names, room, metrics, lines)
    assert len(set(labels)) == len(names)
    for label in labels:
        assert label.count("\n") < lines


def test_the_class_axis_is_tall_enough_for_hangul_in_large_type(qtbot):
    from PySide6.QtGui import QFont, QFontMetricsF

    chart = chart_of_classes(qtbot, ["개", "고양이", "토끼"], 900)
    axis = chart.getPlotItem().getAxis("bottom")
    font = QFont()
    font.setPointSize(24)  # presentation-sized
    axis.setTickFont(font)
    axis.names_drawn()  # measures the labels, as a paint does
    QApplication.processEvents()
    room = axis.height() - max(0, axis.style["tickLength"]) - axis.style["tickTextOffset"][1]
    assert room >= QFontMetricsF(font).height() - 0.5


def test_infinite_terms_are_marked_inside_the_plot_when_no_finite_term_is_positive(
    qtbot, document, charts
):
    plot = charts[1].plot
    document.set_values("A", [0.7, 0.3, 0.0])  # dog and cat: q ≥ p, terms ≤ 0; rabbit: ∞
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("B", [0.6, 0.4, 0.0])
    finite = document.comparison.kl_terms[np.isfinite(document.comparison.kl_terms)]
    assert np.isinf(document.comparison.kl).all() and (finite <= 0).all()
    low, high = plot.getPlotItem().getViewBox().viewRange()[1]
    marker_heights = [spot.pos().y() for spot in plot._infinite.points()]
    assert marker_heights and all(low < y < high - 0.05 * (high - low) for y in marker_heights)


@pytest.mark.parametrize("make", [DistributionChart, ContributionChart, DecompositionChart])
def test_an_empty_chart_s_notice_wraps_within_its_plot(qtbot, make):
    from core import example_workspace
    from klgui.document.document import Document

    document = Document(example_workspace().with_value("P", 0, -1.0))  # never valid
    document.recompute_now()
    assert document.comparison is None
    chart = make(document)
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)
    chart.resize(chart.minimumWidth(), 300)
    QApplication.processEvents()
    plot_widget = chart.plot if isinstance(chart, ContributionChart) else chart  # holds its plot
    notice = plot_widget._notice
    assert notice.isVisible() and "No valid input" in notice.toPlainText()
    plot = plot_widget.getPlotItem().getViewBox().sceneBoundingRect()
    shown = notice.mapRectToScene(notice.boundingRect())
    assert plot.left() <= shown.left() and shown.right() <= plot.right()
    one_line = QFontMetricsF(notice.textItem.font()).lineSpacing()
    assert shown.height() > 1.5 * one_line  # wrapped onto lines of its own
    document.deleteLater()


def test_charts_say_when_they_show_the_last_valid_input(window):
    chart = window.distribution_chart
    window.document.set_value("P", 0, 0.9)
    window.document.recompute_now()
    assert "last valid input" in chart.getPlotItem().titleLabel.text
    assert chart.getPlotItem().getViewBox().opacity() < 1
    window.document.undo_stack.undo()
    window.document.recompute_now()
    assert "last valid input" not in chart.getPlotItem().titleLabel.text
    assert chart.getPlotItem().getViewBox().opacity() == 1


def test_a_narrow_chart_marks_the_last_valid_input_briefly_and_keeps_its_width(window):
    chart = window.decomposition_chart
    window.resize(900, 700)
    QApplication.processEvents()
    width = chart.width()
    window.document.set_value("P", 0, 0.9)
    window.document.recompute_now()
    QApplication.processEvents()
    title = chart.getPlotItem().titleLabel.text
    assert title.endswith(" ⚠") and "last valid" not in title
    assert chart.width() == width  # the title did not push the layout
    plot_right = chart.getPlotItem().getViewBox().sceneBoundingRect().right()
    assert plot_right <= chart.viewport().width()  # nothing cut off at the right
    window.document.undo_stack.undo()
    window.document.recompute_now()
    assert not chart.getPlotItem().titleLabel.text.endswith(" ⚠")


def test_without_models_the_charts_say_what_to_do(window):
    window.document.remove_distribution("A")
    window.document.remove_distribution("B")
    window.document.recompute_now()
    notice = window.contribution_chart.plot._notice
    assert notice.isVisible() and "Add a model" in notice.toPlainText()


def test_many_classes_asked_for_get_thinned_names_under_the_axis(window):
    workspace = example_workspace()
    for index in range(200):
        workspace = workspace.with_class_added(f"class {index}")
    window.document.replace_workspace(workspace)
    window.document.set_class_view(ClassView(top=1000))
    axis = window.distribution_chart.getPlotItem().getAxis("bottom")
    names = axis.names_drawn()
    assert 2 <= len(names) <= window.distribution_chart.width() // 60
    assert names[0] == "dog" and int(names[-1].split()[-1]) >= 190  # near both ends


def test_many_models_drop_the_value_labels_of_the_decomposition(window):
    assert all(label.isVisible() for label in window.decomposition_chart._entropy_labels[:2])
    for _ in range(6):
        window.document.add_distribution()
    window.document.recompute_now()
    labels = window.decomposition_chart._labels
    assert not any(label.isVisible() for label in labels)
    for _ in range(12):  # bars narrower than "H(P)": it is no longer written in them
        window.document.add_distribution()
    window.document.recompute_now()
    assert not any(label.isVisible() for label in window.decomposition_chart._entropy_labels)
