"""Korean where no installed font has Hangul: the window says so once per start, in English,
and how to install one."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QToolBar

from klcli.arguments import parse_arguments
from klgui.window import language
from klgui.window.application import run_application
from tests.klgui.conftest import close_without_asking

#: The event loop is ended after this if nothing ended it before (a test fails, not hangs).
GIVE_UP_MS = 20_000


def _notices(window) -> list[str]:
    """The texts of the font notices the window shows."""
    return [
        bar.findChild(QLabel).text()
        for bar in window.findChildren(QToolBar, "hangulNotice")
        if not bar.isHidden()
    ]


def _choose(name: str) -> None:
    """Pick a language in View ▸ Language of the current window (which rebuilds it)."""
    window = QApplication.instance().property("klguiMainWindow")
    [action] = [a for a in window.language_menu.actions() if a.text() == name]
    action.trigger()


def _notices_through_a_run(arguments: list[str], choices: list[str]) -> list[list[str]]:
    """Start the application as ``main.py arguments`` does, pick the ``choices`` in the
    Language menu one by one, and return the notices of each window shown on the way."""
    app = QApplication.instance()
    seen: list[list[str]] = []

    def look() -> None:
        seen.append(_notices(app.property("klguiMainWindow")))

    def during() -> None:
        look()
        for name in choices:
            _choose(name)
            look()
        app.exit(0)

    QTimer.singleShot(0, during)
    give_up = QTimer(singleShot=True, interval=GIVE_UP_MS)
    give_up.timeout.connect(lambda: app.exit(1))
    give_up.start()
    try:
        assert run_application(parse_arguments(arguments)) == 0
    finally:
        give_up.stop()  # left running, it would end a later test's event loop
        close_without_asking(app.property("klguiMainWindow"))
        language.install_language(app, "en")
    return seen


@pytest.fixture
def fonts(monkeypatch) -> Callable[[bool], None]:
    """fonts(has_hangul): pretend the installed fonts do or do not cover Hangul."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own

    def pretend(has_hangul: bool) -> None:
        monkeypatch.setattr(language, "has_hangul_font", lambda: has_hangul)

    return pretend


def test_korean_at_start_without_a_hangul_font_says_so_once(qapp, fonts):
    fonts(False)
    seen = _notices_through_a_run(["--language", "ko"], ["English", "한국어"])
    [[notice], [], []] = seen
    assert "Hangul" in notice and "sudo apt install fonts-nanum" in notice
    assert "Noto Sans CJK" in notice


def test_korean_chosen_in_the_menu_without_a_hangul_font_says_so(qapp, fonts):
    fonts(False)
    seen = _notices_through_a_run(["--language", "en"], ["한국어", "English", "한국어"])
    assert [len(notices) for notices in seen] == [0, 1, 0, 0]


def test_korean_with_a_hangul_font_says_nothing(qapp, fonts):
    fonts(True)
    assert _notices_through_a_run(["--language", "ko"], []) == [[]]
