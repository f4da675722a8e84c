"""The banner over the editor while the input is invalid: what it says, and Normalize."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from klgui.panels.input_banner import InputBanner
from klgui.style.contrast import contrast_ratio, relative_luminance


def test_banner_shows_the_problem_and_normalize_fixes_it(qtbot, document):
    window = QWidget()
    qtbot.addWidget(window)
    banner = InputBanner(document, window)
    window.show()
    assert not banner.isVisible()
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_value("A", 0, 0.9)
    assert banner.isVisible()
    assert "sums to 1.4" in banner.label.text()
    assert "Left out of the charts and the ranking until it is fixed: A" in banner.label.text()
    assert banner.normalize_button.isVisible()
    with qtbot.waitSignal(document.comparisonChanged):
        qtbot.mouseClick(banner.normalize_button, Qt.LeftButton)
    assert not banner.isVisible()
    assert document.workspace.distribution("A").values.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        (("A",), None),
        (("A", "B"), "(and 1 more problem,"),
        (("P", "A", "B"), "(and 2 more problems,"),
    ],
)
def test_the_banner_counts_the_other_problems(qtbot, document, broken, words):
    banner = InputBanner(document)
    qtbot.addWidget(banner)
    for name in broken:
        document.set_value(name, 0, 0.95)
    document.recompute_now()
    text = banner.label.text()
    assert "more problem" not in text if words is None else words in text


def test_the_banner_appears_without_moving_the_cells_of_the_table(qtbot, window):
    """The next click lands where the user aimed: no cell moves when the banner shows."""
    view = window.editor.view

    def cell_position(row: int, column: int):
        rect = view.visualRect(view.model().index(row, column))
        return view.viewport().mapTo(window, rect.center())

    before = [cell_position(row, 2) for row in range(3)]
    view.setCurrentIndex(view.model().index(0, 2))
    view.setFocus()
    QTest.keyClicks(view, "0.9")
    QTest.keyClick(view.focusWidget(), Qt.Key_Return)
    qtbot.waitUntil(window.banner.isVisible)
    assert window.document.input_error is not None
    assert [cell_position(row, 2) for row in range(3)] == before
    # A click aimed at A's cat before the banner showed lands on A's cat.
    QTest.mouseClick(view.viewport(), Qt.LeftButton, pos=view.viewport().mapFrom(window, before[1]))
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 2)


def test_the_banner_says_the_charts_show_the_last_valid_input_while_p_is_invalid(qtbot, document):
    banner = InputBanner(document)
    qtbot.addWidget(banner)
    document.set_value("P", 0, 0.9)
    document.recompute_now()
    assert not document.comparison_is_current and document.left_out == {}
    assert "The reference P is not valid: the charts show the last valid input." in (
        banner.label.text()
    )


def _most_contrasting(image, background):
    """The contrast of the pixel of ``image`` that stands out most from ``background``."""
    return max(
        contrast_ratio(image.pixelColor(x, y), background)
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


@pytest.mark.parametrize("dark", [False, True])
def test_the_banner_reads_in_either_theme(qtbot, window, dark):
    window.set_dark_theme(dark, remember=False)  # as View ▸ Dark theme does
    try:
        window.document.set_value("A", 0, 0.9)
        qtbot.waitUntil(window.banner.isVisible)
        banner = window.banner
        image = banner.grab().toImage()
        background = image.pixelColor(4, banner.height() // 2)  # inside the frame, no text
        window_colour = window.palette().color(QPalette.Window)
        if dark:  # no bright strip on a dark window
            assert relative_luminance(background) < 0.1
        assert abs(relative_luminance(background) - relative_luminance(window_colour)) < 0.5
        label = banner.label.grab().toImage()
        assert _most_contrasting(label, background) >= 4.5  # WCAG's contrast for text
    finally:
        window.set_dark_theme(False, remember=False)


def test_the_banner_counts_the_other_refused_cells_in_a_sentence(qtbot, window):
    from tests.klgui.tables.test_rejected_entries import type_text

    type_text(qtbot, window, 0, 2, "0.4x")
    type_text(qtbot, window, 1, 2, "abc")
    qtbot.waitUntil(window.banner.isVisible)
    assert window.banner.label.text() == (
        "⚠ Not accepted (A, dog): '0.4x' is not a number. Nothing was changed; correct the "
        "marked cells (this one and 1 more)."
    )
