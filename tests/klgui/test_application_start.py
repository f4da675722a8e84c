"""The window started on files named on the command line, as ``main.py a.csv b.csv`` does."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from klgui.app import parse_arguments
from klgui.application import run_application
from tests.klgui.conftest import close_without_asking

#: The event loop is ended after this if nothing ended it before (a test fails, not hangs).
GIVE_UP_MS = 20_000


def test_tables_named_at_start_say_what_merging_them_did(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own
    first = tmp_path / "a.csv"
    first.write_text("class,P,A\ndog,0.5,0.4\ncat,0.3,0.4\nrabbit,0.2,0.2\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("class,B\ndog,0.6\ncat,0.4\n", encoding="utf-8")
    shown: list[tuple[str, str]] = []

    def information(_parent, title: str, text: str, *_rest) -> None:
        shown.append((title, text))
        QApplication.instance().exit(0)

    monkeypatch.setattr(QMessageBox, "information", information)
    give_up = QTimer(singleShot=True, interval=GIVE_UP_MS)
    give_up.timeout.connect(lambda: QApplication.instance().exit(1))
    give_up.start()
    status = run_application(parse_arguments(["--language", "en", str(first), str(second)]))
    give_up.stop()  # left running, it would end a later test's event loop
    window = qapp.property("klguiMainWindow")
    try:
        assert status == 0, "no message said what merging the tables did"
        [(title, text)] = shown
        assert title == "Merged by class name"
        assert "b.csv merged by class name: 'dog', 'cat' matched." in text
        assert "It lacks 'rabbit' (left empty in 'B')." in text
        assert window.windowTitle().startswith("a.csv, b.csv")
        assert window.file_actions.path is None  # tables are saved as a new session
    finally:
        close_without_asking(window)
