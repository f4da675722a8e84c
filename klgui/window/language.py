"""The interface language: English or Korean, from the system locale or the View menu.

KL Explorer's own strings come from ``klgui/resources/translations/klgui_<code>.qm``
(compiled from the ``.ts`` sources beside them with pyside6-lrelease; package data, so an
installed wheel has them too); Qt's standard dialogs use the translations that ship with
PySide6.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from klgui.resources import shipped_path

TRANSLATIONS = shipped_path("translations")
#: Language codes and their names, each in its own language.
LANGUAGES = {"en": "English", "ko": "한국어"}
LANGUAGE_KEY = "view/language"


def preferred_language() -> str:
    """The language chosen in the menu, else the system's if we have it, else English."""
    chosen = QSettings().value(LANGUAGE_KEY, "", type=str)
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_language(app: QApplication, code: str) -> bool:
    """Translate the interface into ``code`` (replacing any earlier choice); False if its
    translation file is missing, and the interface stays English."""
    for translator in app.property("klguiTranslators") or []:
        app.removeTranslator(translator)
    installed = []
    app.setProperty("klguiLanguage", "en")
    if code != "en":
        ours = QTranslator(app)
        if not ours.load(str(TRANSLATIONS / f"klgui_{code}.qm")):
            app.setProperty("klguiTranslators", [])
            return False
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        app.installTranslator(ours)
        installed.append(ours)
    app.setProperty("klguiTranslators", installed)
    app.setProperty("klguiLanguage", code)
    return True


def interface_language() -> str:
    """The code of the language the interface speaks now (``--language`` may differ from
    the one chosen in the menu before)."""
    app = QApplication.instance()
    return (app.property("klguiLanguage") if app else None) or "en"


def interface_locale() -> QLocale:
    """How the interface's language writes dates: the system's own formats when the system
    speaks that language, else the language's usual ones."""
    code = interface_language()
    system = QLocale.system()
    return system if system.name().split("_")[0] == code else QLocale(code)


def date_and_time(seconds: float) -> str:
    """A moment (seconds since the epoch) as the interface's language writes it, to the
    minute: "Thursday, December 3, 2026 3:58 PM", "2026년 12월 3일 목요일 오후 3:58"."""
    moment = QDateTime.fromSecsSinceEpoch(int(seconds))
    locale = interface_locale()
    date = locale.toString(moment.date(), QLocale.LongFormat)
    return f"{date} {locale.toString(moment.time(), QLocale.ShortFormat)}"


def has_hangul_font() -> bool:
    """Whether some installed font covers Hangul (else Korean shows as empty boxes)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))
