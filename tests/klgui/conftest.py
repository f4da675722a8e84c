"""Qt fixtures: settings in a temporary directory, a fresh example document per test, main
windows closed after the test, and the window's dialogs answered and recorded (any other
dialog fails the test)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMessageBox,
)

from core import example_workspace
from klgui.panels.analysis_controls import AnalysisControls
from klgui.tables.ranking_table import RankingTable


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
    from klgui.document.document import Document

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


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """The texts of the warnings shown from now on (QMessageBox.warning), in order."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    return shown


@pytest.fixture
def informations(monkeypatch) -> list[str]:
    """The texts of the information boxes shown from now on (QMessageBox.information)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    return shown


@pytest.fixture
def answer_questions(monkeypatch):
    """answer(button) → the texts of the questions asked from then on
    (QMessageBox.question), each answered with ``button``."""

    def answer(button) -> list[str]:
        asked: list[str] = []

        def question(*args, **_keywords):
            asked.append(args[2])
            return button

        monkeypatch.setattr(QMessageBox, "question", question)
        return asked

    return answer


@pytest.fixture
def crashed_autosave(ended_pid):
    """leave(directory, source=None, title="", writer=None) → the autosave a crashed app left
    in ``directory``: the example with model B's rabbit at 0.4, its work on ``source``,
    written by a process that has ended (or by ``writer``, a process identity's record)."""
    from core.formats.session import session_dict
    from klgui.document.autosave import AUTOSAVE_SUFFIX

    def leave(
        directory: Path, source: str | None = None, title: str = "", writer: dict | None = None
    ) -> Path:
        crashed = session_dict(example_workspace().with_value("B", 2, 0.4))
        crashed["autosave"] = {
            **(writer or {"pid": ended_pid}),
            "title": title,
            "source": source,
            "saved_at": time.time(),
        }
        directory.mkdir(parents=True, exist_ok=True)
        leftover = directory / f"{ended_pid}-crashed{AUTOSAVE_SUFFIX}"
        leftover.write_text(json.dumps(crashed), encoding="utf-8")
        return leftover

    return leave


def close_without_asking(window) -> None:
    """Close a window at the end of a test: mark it saved first, so closing asks nothing."""
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


@pytest.fixture
def make_window(qapp, tmp_path):
    """Build main windows that are closed without questions after the test."""
    from klgui.window.main_window import MainWindow

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


@pytest.fixture
def ranking(qtbot, document):
    widget = RankingTable(document)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def controls(qtbot, document):
    widget = AnalysisControls(document)
    qtbot.addWidget(widget)
    return widget
