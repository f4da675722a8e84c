"""The Language menu shows the language the interface speaks."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from klgui.window.language import LANGUAGE_KEY, LANGUAGES, install_language


def _checked_languages(window) -> list[str]:
    return [action.text() for action in window.language_menu.actions() if action.isChecked()]


def test_the_language_menu_checks_the_language_in_use_not_the_one_chosen_before(
    qapp, make_window
):
    QSettings().setValue(LANGUAGE_KEY, "ko")  # chosen in an earlier run
    assert install_language(qapp, "en")  # this run: --language en
    assert _checked_languages(make_window()) == [LANGUAGES["en"]]


def test_the_language_menu_checks_korean_when_the_interface_is_korean(qapp, make_window):
    try:
        assert install_language(qapp, "ko")
        assert _checked_languages(make_window()) == [LANGUAGES["ko"]]
    finally:
        assert install_language(qapp, "en")
