"""Per-class charts with many classes: the top N by |term| and one "other" bar, the order,
the class filter, the controls that set them (remembered), and the cumulative share of KL."""

from __future__ import annotations

import numpy as np
import pytest
from pyqtgraph import TextItem
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core import Distribution, Workspace
from core.class_selection import ClassView
from klgui.charts.contribution_chart import ContributionChart
from klgui.charts.distribution_chart import DistributionChart
from klgui.document.document import Document
from klgui.text.number_format import format_number


def many_classes(count: int, seed: int = 1) -> Document:
    rng = np.random.default_rng(seed)
    p, a, b = rng.dirichlet(np.ones(count), size=3)
    return Document(
        Workspace(
            classes=tuple(f"token {i}" for i in range(count)),
            distributions=(Distribution("P", p), Distribution("A", a), Distribution("B", b)),
            reference="P",
        )
    )


def heights(bar) -> np.ndarray:
    return np.asarray(bar.opts["height"], dtype=float)


def shown(qtbot, widget, width: int = 900, height: int = 360):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def axis_names(chart) -> tuple[str, ...]:
    return chart.getPlotItem().getAxis("bottom")._names


@pytest.fixture
def thousand(qapp):
    document = many_classes(1000)
    yield document
    document.deleteLater()


def test_the_terms_chart_draws_the_top_classes_and_one_other_bar_sized_to_its_width(
    qtbot, thousand
):
    chart = shown(qtbot, ContributionChart(thousand))
    plot = chart.plot
    bars = heights(plot._positive[0]) + heights(plot._negative[0])
    shown_count = len(bars) - 1
    assert 10 <= shown_count <= 60  # as many as fit 900 pixels, not 1000 hairlines
    terms = thousand.comparison.kl_terms
    largest = np.sort(np.abs(terms).max(axis=0))[::-1]
    drawn = np.abs(terms[:, plot._selection.shown]).max(axis=0)
    assert np.sort(drawn)[::-1] == pytest.approx(largest[:shown_count])
    assert axis_names(plot)[-1] == f"other ({1000 - shown_count:,} classes)"
    assert bars[-1] == pytest.approx(terms[0].sum() - terms[0, plot._selection.shown].sum())
    assert "the 9" in plot.tooltip_at(shown_count - 0.3, 0.0)  # "the 9xx other classes"
    chart.resize(1600, 360)  # wider: more classes fit
    QApplication.processEvents()
    assert len(heights(plot._positive[0])) - 1 > shown_count


def test_the_top_number_and_the_order_are_chosen_in_the_bar_and_remembered(qtbot, thousand):
    chart = shown(qtbot, ContributionChart(thousand))
    bar = chart.class_view_bar
    bar.top.setValue(7)
    bar.order.setCurrentIndex(1)  # by |term|
    assert thousand.class_view == ClassView(top=7, order="term")
    plot = chart.plot
    assert len(heights(plot._positive[0])) == 8  # seven classes and "other"
    importance = np.abs(thousand.comparison.kl_terms).max(axis=0)[plot._selection.shown]
    assert (np.diff(importance) <= 0).all()  # largest first
    settings = QSettings()
    assert int(settings.value("classView/top")) == 7
    assert settings.value("classView/order") == "term"
    again = shown(qtbot, ContributionChart(many_classes(1000)))
    assert again.class_view_bar.top.value() == 7 and again.class_view_bar.order.currentIndex() == 1


def test_the_distribution_chart_shows_the_same_classes_and_its_other_bar_is_a_sum(qtbot, thousand):
    thousand.set_class_view(ClassView(top=12))
    chart = shown(qtbot, DistributionChart(thousand))
    p = thousand.comparison.reference_distribution
    drawn = heights(chart._bars[0])
    assert len(drawn) == 13
    shown_classes = chart._selection.shown
    assert drawn[:12].tolist() == p[shown_classes].tolist()
    assert drawn[12] == pytest.approx(1 - p[shown_classes].sum())
    assert "other classes" in chart.tooltip_at(12.0, 0.0)
    # The other bar is a sum: a press on it grabs nothing, a drag changes nothing.
    scene = chart.getPlotItem().getViewBox().mapViewToScene(QPointF(12.0, drawn[12] / 2))
    pixel = chart.mapFromScene(scene)
    QTest.mousePress(chart.viewport(), Qt.LeftButton, Qt.NoModifier, pixel)
    QTest.mouseMove(chart.viewport(), pixel - QPoint(0, 40))
    QTest.mouseRelease(chart.viewport(), Qt.LeftButton, Qt.NoModifier, pixel - QPoint(0, 40))
    assert thousand.undo_stack.count() == 0


def test_the_arrow_keys_move_between_the_classes_drawn(qtbot, thousand):
    thousand.set_class_view(ClassView(top=5, order="p"))
    chart = shown(qtbot, DistributionChart(thousand))
    chart.setFocus()
    QTest.keyClick(chart, Qt.Key_Right)
    QTest.keyClick(chart, Qt.Key_Right)
    assert chart.selected_bar[1] == chart._selection.shown[1]
    assert chart._selection_outline.isVisible()


def test_typing_in_the_find_field_restricts_both_charts_to_matching_classes(qtbot, thousand):
    terms_chart = shown(qtbot, ContributionChart(thousand))
    distribution_chart = shown(qtbot, DistributionChart(thousand))
    QTest.keyClicks(terms_chart.class_view_bar.find, "token 99")
    assert thousand.class_view.find == "token 99"
    expected = ("token 99", *(f"token {i}" for i in range(990, 1000)))
    for chart in (terms_chart.plot, distribution_chart):
        assert sorted(axis_names(chart)) == sorted(expected)
    terms_chart.class_view_bar.find.setText("zebra")
    notice = distribution_chart._notice
    assert notice.isVisible() and "zebra" in notice.toPlainText()
    assert len(heights(distribution_chart._bars[0])) == 0


def test_32000_classes_draw_a_few_dozen_bars_not_32000(qtbot):
    document = many_classes(32_000)
    chart = shown(qtbot, ContributionChart(document), 1280, 300)
    distribution = shown(qtbot, DistributionChart(document), 1280, 300)
    for bars in (chart.plot._positive[0], distribution._bars[0]):
        assert len(heights(bars)) <= 1280 // 24 + 1
    for plot in (chart.plot, distribution):
        # The "other" bar is named whole, however long its name.
        axis = plot.getPlotItem().getAxis("bottom")
        qtbot.waitUntil(lambda: "other" in "".join(axis.names_drawn()[-1:]))  # noqa: B023
        other = axis.names_drawn()[-1].replace("\n", " ")
        assert other.startswith("other (31,9") and other.endswith(" classes)")
    # P's other bar holds nearly all the probability: the axis follows the classes shown
    # (or they would be flattened), and each series' legend entry says how far its "other"
    # bar reaches, named and in its colour (no text over the bars).
    others = [heights(bars)[-1] for bars in distribution._bars]
    top = distribution.getPlotItem().getViewBox().viewRange()[1][1]
    assert min(others) > 0.9 > top
    legend = [label.text for _, label in distribution.legend.items]
    expected = [
        f"{name}: other ↑ {format_number(float(value))}"
        for name, value in zip(("★ P", "A", "B"), others, strict=True)
    ]
    assert legend == expected
    assert not [
        item
        for item in distribution.getPlotItem().items
        if isinstance(item, TextItem) and item.isVisible() and item.toPlainText()
    ]


# -- the cumulative share ------------------------------------------------------------------------


def show_share(qtbot, document) -> ContributionChart:
    chart = shown(qtbot, ContributionChart(document))
    chart.view.setCurrentIndex(1)
    QApplication.processEvents()
    return chart


def legend_texts(plot) -> list[str]:
    return [label.text for _, label in plot.legend.items]


def test_the_share_view_says_how_many_classes_carry_90_percent_of_kl(qtbot, thousand):
    chart = show_share(qtbot, thousand)
    plot = chart.share_plot
    assert chart.shown_plot is plot and plot.isVisible() and not chart.plot.isVisible()
    counts = [share.carrying for share in plot.shares]
    assert legend_texts(plot) == [
        f"A: {counts[0]} classes carry 90 %",
        f"B: {counts[1]} classes carry 90 %",
    ]
    y = plot._curves[0].yData  # the data, before any downsampling for the screen
    assert len(y) == 1000 and not np.isnan(y).any() and y[-1] == 100.0  # per cent
    marker_x = sorted(spot.pos().x() for spot in plot._carried.points())
    assert marker_x == pytest.approx(sorted(np.log10(counts)))  # the k axis is logarithmic
    assert "largest terms carry" in plot.tooltip_at(1.0, 0.5)


def test_a_model_with_kl_zero_or_infinite_has_no_curve_and_the_legend_says_why(qtbot, document):
    document.set_values("A", document.workspace.distribution("P").values)  # KL = 0
    document.set_values("B", [0.5, 0.5, 0.0])  # P has rabbits, B gives them 0: KL = ∞
    document.recompute_now()
    chart = show_share(qtbot, document)
    plot = chart.share_plot
    assert legend_texts(plot) == [
        "A: KL = 0, no class carries any",
        "B: KL = ∞ (1 class with q = 0)",
    ]
    for curve in plot._curves:
        assert curve.yData is None or len(curve.yData) == 0
    assert "finite, non-zero" in plot._notice.toPlainText()
    assert not plot._carried.isVisible()


def test_the_share_axis_is_in_percent_with_a_labelled_90_percent_line(qtbot, document):
    chart = show_share(qtbot, document)
    plot = chart.share_plot  # 3 classes: A's partial sums pass 100 % before the last
    curve = plot._curves[0].yData
    assert curve[-1] == 100.0 and curve.max() > 100.0
    assert list(curve) == pytest.approx(list(plot.shares[0].fractions * 100))
    assert "%" in plot.getPlotItem().getAxis("left").labelText
    assert plot._threshold.value() == 90.0
    assert plot._threshold.label.toPlainText() == "90 %"
    marker_y = sorted(spot.pos().y() for spot in plot._carried.points())
    expected = sorted(100 * share.fractions[share.carrying - 1] for share in plot.shares)
    assert marker_y == pytest.approx(expected)
    view = plot.getPlotItem().getViewBox()
    top = view.viewRange()[1][1]
    assert curve.max() < top < 1.2 * curve.max()
    # The 90 % line is low on this axis: its label is above it, inside the plot.
    QApplication.processEvents()
    label = plot._threshold.label.sceneBoundingRect()
    assert label.bottom() <= view.mapViewToScene(QPointF(0, 90)).y() + 1
    assert view.sceneBoundingRect().contains(label)


def test_the_share_view_says_it_is_of_all_classes_while_a_class_is_being_found(qtbot, thousand):
    chart = show_share(qtbot, thousand)
    title = chart.share_plot.getPlotItem().titleLabel
    assert "all" not in title.text
    QTest.keyClicks(chart.class_view_bar.find, "token 99")
    assert "all 1,000 classes" in title.text
    chart.class_view_bar.find.clear()
    assert "all" not in title.text


def test_while_a_class_is_found_the_per_class_charts_say_so_and_the_sums_are_of_all_classes(
    qtbot, thousand
):
    terms_chart = shown(qtbot, ContributionChart(thousand))
    distribution_chart = shown(qtbot, DistributionChart(thousand))
    titles = [chart.getPlotItem().titleLabel for chart in (terms_chart.plot, distribution_chart)]
    QTest.keyClicks(terms_chart.class_view_bar.find, "token 99")
    for title in titles:
        assert "11 of 1,000 classes matching “token 99”" in title.text
    kl = thousand.comparison.kl
    assert legend_texts(terms_chart.plot) == [
        f"{name}: Σ {format_number(float(value))} (all classes)"
        for name, value in zip(("A", "B"), kl, strict=True)
    ]
    terms_chart.class_view_bar.find.clear()
    assert [title.text for title in titles] == ["Per-class terms", "Distributions"]
    first = legend_texts(terms_chart.plot)[0]  # with the "other" bar's note, maybe
    assert first.startswith(f"A: Σ {format_number(float(kl[0]))}") and "all" not in first


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("3.5", "'3.5' is not a whole number of classes"),
        ("-5", "'-5' is not a whole number of classes"),
        ("5000", "at most 1000 classes are shown; the rest are summed into the “other” bar"),
    ],
)
def test_a_top_number_the_box_cannot_take_stays_as_typed_and_changes_nothing(
    qtbot, thousand, typed, says
):
    chart = shown(qtbot, ContributionChart(thousand))
    box = chart.class_view_bar.top
    box.setValue(10)
    box.setFocus()
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), typed)
    QTest.keyClick(box.lineEdit(), Qt.Key_Return)
    assert box.text() == f"top {typed}"  # not "top 35" or "top 5"
    assert box.problem() == says and box.toolTip() == says
    assert thousand.class_view.top == 10
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), "25")
    QTest.keyClick(box.lineEdit(), Qt.Key_Return)
    assert thousand.class_view.top == 25 and box.problem() is None


@pytest.mark.parametrize(
    ("width", "title"),
    [
        (1200, "Per-class terms — 11 of 1,000 classes matching “token 99”"),
        (560, "Per-class terms — 11 of 1,000"),
        (300, "Per-class terms"),
    ],
)
def test_a_filter_note_beside_the_title_is_as_long_as_fits_before_the_corner_control(
    qtbot, thousand, width, title
):
    chart = shown(qtbot, ContributionChart(thousand), width, 360)
    QTest.keyClicks(chart.class_view_bar.find, "token 99")
    QApplication.processEvents()
    plot = chart.plot
    label = plot.getPlotItem().titleLabel
    assert label.item.document().toPlainText() == title
    if "—" in title:  # a note is only written where it fits (the bare title may not)
        text = plot.mapFromScene(label.item.sceneBoundingRect()).boundingRect()
        assert text.right() <= plot.corner_widget.x() + 8  # (a margin of the text's own)
