"""A FIFO, a device or a folder given to the window is refused at once with a warning naming
it, through every way a file comes in (Open, Open predictions, Import, drop, recent files);
the window never waits on it and the document stays exactly as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from klgui.files.file_actions import RECENT_KEY


def choose_in_file_dialog(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))


def drop(window, path, modifiers) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, modifiers))


def open_through(way: str, window, path, monkeypatch) -> None:
    """Give ``path`` to the window the way a user does."""
    files = window.file_actions
    if way == "open":
        choose_in_file_dialog(monkeypatch, path)
        files.open_action.trigger()
    elif way == "open predictions":
        choose_in_file_dialog(monkeypatch, path)
        files.open_predictions_action.trigger()
    elif way == "import":
        choose_in_file_dialog(monkeypatch, path)
        files.import_action.trigger()
    elif way == "drop":
        drop(window, path, Qt.NoModifier)
    elif way == "drop to import":
        drop(window, path, Qt.ControlModifier)
    elif way == "recent file":
        entry = files.recent_menu.actions()[0]
        assert entry.toolTip() == str(path)
        entry.trigger()


@pytest.mark.parametrize(
    ("way", "name"),
    [
        ("open", "table.csv"),
        ("open", "session.klsession"),
        ("open predictions", "predictions.npz"),
        ("open predictions", "predictions.npy"),  # refused before its labels are asked for
        ("open predictions", "predictions.csv"),
        ("import", "table.csv"),
        ("drop", "table.csv"),
        ("drop", "predictions.parquet"),
        ("drop to import", "table.tsv"),
        ("recent file", "table.csv"),
    ],
)
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_special_file_is_refused_with_a_warning_and_changes_nothing(
    qtbot, make_window, special_file, warnings, monkeypatch, way, name, kind
):
    special = special_file(kind, name)
    if way == "recent file":  # as an earlier run left the list
        QSettings().setValue(RECENT_KEY, [str(special.path)])
    window = make_window()
    window.document.set_value("A", 0, 0.45)  # work that must stay as it is
    window.document.undo_stack.setClean()  # saved: opening asks nothing
    before, history = window.document.workspace, window.document.undo_stack.count()
    open_through(way, window, special.path, monkeypatch)
    qtbot.waitUntil(lambda: bool(warnings))  # prediction files fail on the loader's thread
    assert len(warnings) == 1
    assert str(special.path) in warnings[0] and special.words in warnings[0]
    assert not special.was_opened
    assert window.document.workspace == before
    assert window.document.undo_stack.count() == history
    assert not window.file_actions.loader.busy
