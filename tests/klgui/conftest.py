"""Qt fixtures: settings in a temporary directory, a fresh example document per test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from core import example_workspace


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """QSettings go to a temporary directory, empty for every test."""
    QCoreApplication.setOrganizationName("KL Explorer Tests")
    QCoreApplication.setApplicationName("KL Explorer Tests")
    for settings_format in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(settings_format, QSettings.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def document(qapp):
    from klgui.document import Document

    doc = Document(example_workspace())
    yield doc
    doc.deleteLater()


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A test that opens a modal dialog it did not expect fails at once instead of hanging."""

    def refuse(*_arguments, **_keywords):
        raise AssertionError("a modal dialog was opened; patch it in the test")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", refuse)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", refuse)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse)
    monkeypatch.setattr(QInputDialog, "getText", refuse)


def close_without_asking(window) -> None:
    """Close a window at the end of a test: mark it saved first, so closing asks nothing."""
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


@pytest.fixture
def make_window(qapp, tmp_path):
    """Build main windows that are closed without questions after the test."""
    from klgui.main_window import MainWindow

    made = []

    def make(workspace=None, **options):
        options.setdefault("autosave_directory", tmp_path / "autosave")
        window = MainWindow(workspace or example_workspace(), **options)
        made.append(window)
        return window

    yield make
    for window in made:
        close_without_asking(window)


@pytest.fixture
def window(qtbot, make_window):
    """The main window on the example, shown."""
    main = make_window()
    main.show()
    qtbot.waitExposed(main)
    return main
