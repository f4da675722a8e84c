"""The window started on files named on the command line, as ``main.py a.csv b.csv`` does."""

from __future__ import annotations

import sys

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from klcli.arguments import parse_arguments
from klgui.window.application import run_application
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


def write_predictions(path, labels, probabilities):
    np.savez(path, probs=np.array(probabilities), labels=np.array(labels))
    return str(path)


def test_the_unit_and_the_bootstrap_asked_for_at_start_are_the_window_s(
    qapp, tmp_path, monkeypatch
):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own
    labels = [0, 1, 1, 0]
    first = write_predictions(tmp_path / "a.npz", labels, [[0.9, 0.1], [0.2, 0.8]] * 2)
    second = write_predictions(tmp_path / "b.npz", labels, [[0.6, 0.4], [0.5, 0.5]] * 2)

    def end_once_loaded() -> None:
        window = qapp.property("klguiMainWindow")
        if window is not None and window.document.predictions is not None:
            qapp.exit(0)

    loaded = QTimer(interval=10)
    loaded.timeout.connect(end_once_loaded)
    loaded.start()
    give_up = QTimer(singleShot=True, interval=GIVE_UP_MS)
    give_up.timeout.connect(lambda: qapp.exit(1))
    give_up.start()
    arguments = ["--language", "en", "--base", "2", "--resamples", "50", "--seed", "7"]
    status = run_application(parse_arguments([*arguments, first, second]))
    give_up.stop()
    loaded.stop()
    window = qapp.property("klguiMainWindow")
    try:
        assert status == 0, "the prediction files did not load"
        [pair] = window.document.predictions.pairwise
        assert (pair.resamples, pair.seed) == (50, 7)
        assert window.document.workspace.base == 2.0
        assert window.document.comparison.unit == "bits"
    finally:
        close_without_asking(window)


def test_the_unit_asked_for_at_start_is_that_of_the_tables(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    table = tmp_path / "a.csv"
    table.write_text("class,P,A\ndog,0.5,0.4\ncat,0.5,0.6\n", encoding="utf-8")
    QTimer.singleShot(0, lambda: qapp.exit(0))
    status = run_application(parse_arguments(["--language", "en", "--base", "10", str(table)]))
    window = qapp.property("klguiMainWindow")
    try:
        assert status == 0
        assert window.document.workspace.base == 10.0
        assert not window.isWindowModified()  # the unit asked for is no edit
    finally:
        close_without_asking(window)
