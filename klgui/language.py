"""The interface language: English or Korean, from the system locale or the View menu.

KL Explorer's own strings come from ``resources/translations/klgui_<code>.qm`` (compiled from
the ``.ts`` sources beside them with pyside6-lrelease); Qt's standard dialogs use the
translations that ship with PySide6.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
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
    return True


def has_hangul_font() -> bool:
    """Whether some installed font covers Hangul (else Korean shows as empty boxes)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))
