"""An unexpected exception shows a dialog with details to copy instead of killing the app."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from klgui.window.error_dialog import install_excepthook


def test_uncaught_exception_opens_a_dialog_with_the_traceback(qtbot, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(None)
    try:
        raise RuntimeError("the unexpected")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    box = shown[0]
    assert "RuntimeError: the unexpected" in box.informativeText()
    assert "Traceback" in box.detailedText()
    assert "the unexpected" in capsys.readouterr().err
