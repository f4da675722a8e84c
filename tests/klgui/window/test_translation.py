"""The Korean translation: complete, compiled, loaded, and rendered.

The .ts source must hold every string the code passes to tr() / translate() (a new string
without a translation fails here), every message translated, and the committed .qm compiled
from it. The .qm then translates the interface, and switching back restores English.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from klgui.window.language import TRANSLATIONS, has_hangul_font, install_language
from tests.conftest import REPOSITORY

KOREAN_TS = TRANSLATIONS / "klgui_ko.ts"
KOREAN_QM = TRANSLATIONS / "klgui_ko.qm"
UPDATE_HINT = (
    "update the translation as klgui/resources/translations/README.md says "
    "(pyside6-lupdate, translate, pyside6-lrelease)"
)
PLACEHOLDER = re.compile(r"%(?:\d+|[sdrnp%])")
HTML_TAG = re.compile(r"</?\w+[^>]*>")


def _tool(name: str) -> str:
    """A PySide6 tool installed beside this Python (the venv's bin), else on the PATH."""
    for directory in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(directory) / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (it comes with PySide6-Essentials)")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → the <message> element, for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _source_files() -> list[str]:
    sources = (REPOSITORY / "klgui").rglob("*.py")
    return sorted(str(path.relative_to(REPOSITORY)) for path in sources)


# -- the .ts source -------------------------------------------------------------------------------


def test_every_string_in_the_code_is_in_the_korean_ts(tmp_path):
    fresh = tmp_path / "klgui_ko.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", *_source_files(), "-ts", str(fresh)],
        cwd=REPOSITORY,
        check=True,
        capture_output=True,
        timeout=120,
    )
    in_code = set(_messages(fresh))
    committed = set(_messages(KOREAN_TS))
    assert len(in_code) > 300  # lupdate did find the interface's strings
    missing = sorted(in_code - committed)
    assert not missing, f"strings with no Korean translation ({UPDATE_HINT}): {missing}"
    stale = sorted(committed - in_code)
    assert not stale, f"strings no longer in the code ({UPDATE_HINT}, -no-obsolete): {stale}"


def test_every_korean_message_is_translated():
    unfinished = [
        key
        for key, message in _messages(KOREAN_TS).items()
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (message.findtext("translation") or "").strip()
    ]
    assert not unfinished, f"untranslated messages: {unfinished}"


def test_translations_keep_placeholders_markup_and_mnemonics():
    """Python's % fills placeholders in order, so the order must be the source's; HTML tags
    and the & of a menu mnemonic must survive too."""
    wrong = []
    for (context, source), message in _messages(KOREAN_TS).items():
        translation = message.findtext("translation") or ""
        if PLACEHOLDER.findall(source) != PLACEHOLDER.findall(translation):
            wrong.append((context, source, "placeholders"))
        if sorted(HTML_TAG.findall(source)) != sorted(HTML_TAG.findall(translation)):
            wrong.append((context, source, "HTML tags"))
        if ("&" in source) != ("&" in translation):
            wrong.append((context, source, "mnemonic"))
        if source.count("\n") != translation.count("\n"):
            wrong.append((context, source, "line breaks"))
    assert not wrong


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path):
    compiled = tmp_path / "klgui_ko.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(KOREAN_TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert compiled.read_bytes() == KOREAN_QM.read_bytes(), f"the .qm is out of date: {UPDATE_HINT}"


# -- the .qm at run time --------------------------------------------------------------------------


@pytest.fixture
def korean(qapp):
    """The interface in Korean for one test; English again afterwards."""
    assert install_language(qapp, "ko")
    yield
    install_language(qapp, "en")


def test_the_korean_qm_translates_the_interface_and_english_comes_back(qapp, make_window):
    from klgui.text.measure_names import measure_long_name

    try:
        assert install_language(qapp, "ko")
        window = make_window()
        assert [
            menu.title() for menu in (window.file_menu, window.edit_menu, window.view_menu)
        ] == [
            "파일(&F)",
            "편집(&E)",
            "보기(&V)",
        ]
        assert window.right_tabs.tabText(1) == "풀이 예제"
        assert measure_long_name("kl") == "KL 발산 KL(P‖Q)"
        assert QCoreApplication.translate("report", "Per-class terms") == "클래스별 항"
        # A string of a base class's tr() reaches a subclass (PySide walks the class tree).
        window.resize(1400, 900)  # wide enough for the whole mark after the title
        window.show()
        window.document.set_value("P", 0, 0.9)
        window.document.recompute_now()
        assert "(마지막 유효 입력)" in window.distribution_chart.getPlotItem().titleLabel.text
        window.document.undo_stack.undo()
    finally:
        assert install_language(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert measure_long_name("kl") == "KL divergence KL(P‖Q)"
    assert make_window().file_menu.title() == "&File"


def test_a_missing_translation_leaves_the_interface_english(qapp, monkeypatch, tmp_path):
    from klgui.window import language

    monkeypatch.setattr(language, "TRANSLATIONS", tmp_path)
    try:
        assert not install_language(qapp, "ko")
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        monkeypatch.undo()
        install_language(qapp, "en")


def test_a_korean_window_renders(qtbot, korean, make_window):
    window = make_window()
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    for tab in range(3):
        window.right_tabs.setCurrentIndex(tab)
        image = window.grab()
        assert not image.isNull() and image.width() >= 800


def _glyph(text: str) -> QImage:
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(28)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_hangul_is_drawn_as_letters_not_boxes(qapp):
    """Missing glyphs all come out as the same empty box: distinct syllables must differ."""
    if not has_hangul_font():
        pytest.skip("no font with Hangul here (Debian / Ubuntu: apt-get install fonts-nanum)")
    han, guk = _glyph("한"), _glyph("국")
    blank = _glyph(" ")
    assert han != blank and guk != blank
    assert han != guk


def test_a_window_rebuilt_in_korean_names_an_untitled_workspace_in_korean(qapp, make_window):
    first = make_window()
    assert first.file_actions.title == "Untitled"
    try:
        assert install_language(qapp, "ko")
        successor = first.hand_over()
        assert successor.file_actions.title == "제목 없음"
        assert "제목 없음" in successor.windowTitle()
        successor.file_actions.set_file(None, "results.csv")
        named = successor.hand_over()
        assert named.file_actions.title == "results.csv"  # a file's name is not translated
        named.close()
    finally:
        assert install_language(qapp, "en")
