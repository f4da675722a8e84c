"""Dragging bars and the arrow keys change the distributions; others rescale; one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core import example_workspace
from klgui.charts.bar_chart import group_geometry
from klgui.charts.chart_export import chart_image
from klgui.charts.distribution_chart import DistributionChart


@pytest.fixture
def chart(qtbot, document):
    widget = DistributionChart(document)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixel(chart, x, y):
    scene = chart.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return chart.mapFromScene(scene)


def bar_x(series, class_index, series_count=3):
    offsets, _ = group_geometry(series_count)
    return class_index + offsets[series]


def drag(chart, series, class_index, from_y, to_y):
    x = bar_x(series, class_index)
    viewport = chart.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, pixel(chart, x, from_y))
    for step in range(1, 6):
        y = from_y + (to_y - from_y) * step / 5
        QTest.mouseMove(viewport, pixel(chart, x, y))
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, pixel(chart, x, to_y))


def test_dragging_a_bar_sets_it_and_rescales_the_others_as_one_undo_step(chart, document):
    drag(chart, series=1, class_index=0, from_y=0.5, to_y=0.7)  # A's dog, from its top
    values = document.workspace.distribution("A").values
    assert values[0] == pytest.approx(0.7, abs=0.01)
    assert values.sum() == pytest.approx(1.0)
    assert values[1] / values[2] == pytest.approx(0.35 / 0.15)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.workspace == example_workspace()


def test_a_click_on_a_bar_selects_it_and_changes_nothing(chart, document):
    viewport = chart.viewport()
    at = pixel(chart, bar_x(2, 1), 0.1)  # low on B's cat bar (0.3), not at its top
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, at)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, at)
    assert document.workspace == example_workspace()
    assert document.undo_stack.count() == 0
    assert chart.selected_bar == (2, 1)
    assert chart.hasFocus() and chart._selection_outline.isVisible()


def test_a_jitter_within_the_drag_distance_is_still_a_click(chart, document):
    viewport = chart.viewport()
    at = pixel(chart, bar_x(1, 0), 0.1)
    jitter = QApplication.startDragDistance() - 1
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, at)
    QTest.mouseMove(viewport, at + QPoint(0, -jitter))
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, at + QPoint(0, -jitter))
    assert document.workspace == example_workspace()
    assert document.undo_stack.count() == 0


def view_y(chart, point: QPoint) -> float:
    return chart.getPlotItem().getViewBox().mapSceneToView(chart.mapToScene(point)).y()


def test_a_move_past_the_drag_distance_moves_the_bar_by_the_pointer_s_motion(chart, document):
    viewport = chart.viewport()
    at = pixel(chart, bar_x(1, 0), 0.25)  # low on A's dog bar (0.5), not at its top
    moved = at + QPoint(0, -QApplication.startDragDistance())
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, at)
    QTest.mouseMove(viewport, moved)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, moved)
    # Up by the pointer's motion, not to the pointer (which is still below 0.5).
    motion = view_y(chart, moved) - view_y(chart, at)
    assert 0 < motion < 0.1
    assert document.workspace.distribution("A").values[0] == pytest.approx(0.5 + motion)
    assert document.undo_stack.count() == 1


def test_a_drag_down_from_low_on_a_bar_lowers_it_by_the_pointer_s_motion(chart, document):
    drag(chart, series=0, class_index=0, from_y=0.3, to_y=0.1)  # P's dog bar (0.6)
    values = document.workspace.distribution("P").values
    assert values[0] == pytest.approx(0.4, abs=0.005)
    assert values.sum() == pytest.approx(1.0) and document.undo_stack.count() == 1


@pytest.mark.parametrize("sideways", [1, 3], ids=["the drag distance", "three times it"])
def test_sideways_motion_changes_nothing_and_selects_the_bar(chart, document, sideways):
    viewport = chart.viewport()
    at = pixel(chart, bar_x(0, 0), 0.05)  # low on P's dog bar (0.6)
    distance = QApplication.startDragDistance()
    moved = at + QPoint(sideways * distance, 0)
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, at)
    QTest.mouseMove(viewport, at + QPoint(distance, 0))
    QTest.mouseMove(viewport, moved)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, moved)
    assert document.workspace == example_workspace()
    assert document.undo_stack.count() == 0
    assert chart.selected_bar == (0, 0)


def test_a_slanted_drag_follows_only_the_vertical_motion(chart, document):
    viewport = chart.viewport()
    at = pixel(chart, bar_x(0, 0), 0.3)  # P's dog bar (0.6)
    moved = pixel(chart, bar_x(0, 0), 0.4) + QPoint(25, 0)
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, at)
    QTest.mouseMove(viewport, moved)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, moved)
    motion = view_y(chart, moved) - view_y(chart, at)
    assert document.workspace.distribution("P").values[0] == pytest.approx(0.6 + motion)
    assert motion == pytest.approx(0.1, abs=0.005)


def test_a_locked_class_keeps_its_value_during_a_drag(chart, document):
    document.set_class_locked("rabbit", True)
    drag(chart, series=0, class_index=0, from_y=0.6, to_y=0.8)  # P's dog, from its top
    values = document.workspace.distribution("P").values
    assert values[2] == 0.1
    assert values[0] == pytest.approx(0.8, abs=0.01) and values.sum() == pytest.approx(1.0)
    assert "rabbit (locked)" in chart.getPlotItem().getAxis("bottom").names_drawn()


def test_a_press_away_from_the_bars_changes_nothing(chart, document):
    viewport = chart.viewport()
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, pixel(chart, bar_x(2, 0), 0.55))
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, pixel(chart, bar_x(2, 0), 0.55))
    assert document.workspace == example_workspace()  # B's dog bar is only 0.2 high


def test_arrow_keys_select_a_bar_and_change_it_in_one_undo_step(chart, document):
    chart.setFocus()
    assert chart.selected_bar == (1, 0)
    QTest.keyClick(chart, Qt.Key_Right)  # cat
    for _ in range(3):
        QTest.keyClick(chart, Qt.Key_Up)
    values = document.workspace.distribution("A").values
    assert values[1] == pytest.approx(0.38)
    assert document.undo_stack.count() == 1
    QTest.keyClick(chart, Qt.Key_Right, Qt.ShiftModifier)  # the same class of model B
    assert chart.selected_bar == (2, 1)
    QTest.keyClick(chart, Qt.Key_Down, Qt.AltModifier)
    assert document.workspace.distribution("B").values[1] == pytest.approx(0.299)
    assert document.undo_stack.count() == 2


def test_a_drag_of_an_invalid_column_is_refused_with_a_message(qtbot, chart, document):
    document.set_value("P", 1, -0.5)
    document.recompute_now()
    chart.setFocus()
    QTest.keyClick(chart, Qt.Key_Left, Qt.ShiftModifier)  # from A's bars to P's
    with qtbot.waitSignal(chart.message) as signal:
        QTest.keyClick(chart, Qt.Key_Up)
    assert "not a valid distribution" in signal.args[0]


def test_an_export_draws_no_selected_bar_outline(chart, tmp_path):
    chart.clearFocus()
    QApplication.processEvents()
    unselected = chart_image(chart, 1.0)
    at = pixel(chart, bar_x(2, 1), 0.1)
    QTest.mousePress(chart.viewport(), Qt.LeftButton, Qt.NoModifier, at)
    QTest.mouseRelease(chart.viewport(), Qt.LeftButton, Qt.NoModifier, at)
    assert chart._selection_outline.isVisible()  # in the window
    assert chart_image(chart, 1.0) == unselected  # not in the file
    assert chart._selection_outline.isVisible()  # and back in the window after
