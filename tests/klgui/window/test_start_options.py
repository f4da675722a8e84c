"""--theme and --presentation: the window as asked for, this run only."""

from __future__ import annotations

import struct
import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage

from klcli.arguments import parse_arguments
from klgui.window.application import run_application
from klgui.window.main_window import DARK_THEME_KEY
from tests.klgui.conftest import close_without_asking


def _screenshot(qapp, tmp_path, monkeypatch, *options: str):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own
    out = tmp_path / "window.png"
    arguments = ["--language", "en", "--screenshot", str(out), "--size", "900x600", *options]
    assert run_application(parse_arguments(arguments)) == 0
    return qapp.property("klguiMainWindow"), out


def test_theme_dark_is_for_this_run_and_the_menu_shows_it(qapp, tmp_path, monkeypatch):
    QSettings().setValue(DARK_THEME_KEY, False)
    window, out = _screenshot(qapp, tmp_path, monkeypatch, "--theme", "dark")
    try:
        assert window.theme.dark and window.dark_action.isChecked()
        assert QSettings().value(DARK_THEME_KEY, type=bool) is False  # not remembered
        background = QColor(QImage(str(out)).pixel(3, 590))  # the window's, by the status bar
        assert background.lightness() < 60
    finally:
        close_without_asking(window)


def test_presentation_at_the_screenshot_s_size(qapp, tmp_path, monkeypatch):
    window, out = _screenshot(qapp, tmp_path, monkeypatch, "--presentation")
    try:
        assert window.theme.presentation and window.presentation_action.isChecked()
        assert not window.side_panel.isVisible()  # the charts take the table's room
        assert struct.unpack(">II", out.read_bytes()[16:24]) == (900, 600)  # not full screen
    finally:
        window.presentation_action.setChecked(False)
        close_without_asking(window)


def test_theme_and_presentation_are_not_for_the_report():
    for option in (["--theme", "dark"], ["--presentation"]):
        with pytest.raises(SystemExit):
            parse_arguments(["--report", *option])
