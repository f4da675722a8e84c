"""The main window opens on the built-in example and shows its comparison."""

from __future__ import annotations

from core import example_workspace
from klgui.main_window import MainWindow


def test_window_opens_on_the_example_and_ranks_a_first(qtbot):
    window = MainWindow(example_workspace())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.ranking.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, 1)) == "A"
    assert model.data(model.index(0, 0)) == "1"
    assert model.data(model.index(1, 1)) == "B"
    image = window.grab().toImage()
    assert not image.isNull() and image.width() > 0
