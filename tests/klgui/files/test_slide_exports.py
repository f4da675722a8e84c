"""Charts exported for slides (16:9 or 4:3 at a chosen width, text at a chosen scale) and
the report drawn the same way, through the Export menu as a user does it."""

from __future__ import annotations

import base64
import re
import struct
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QColor, QFont, QFontInfo, QImage
from PySide6.QtWidgets import QFileDialog

from core import example_workspace
from klgui.charts.chart_export import ExportSize, chart_svg, export_chart, sized_chart_image
from klgui.files.export_size_dialog import ExportSizeDialog, saved_export_size
from klgui.files.report_export import report_html
from klgui.style.chart_style import DEFAULT_STYLE, chart_style
from tests.klgui.files.test_exports import make_charts, parse, pixels, report_charts

#: The chart widget's on-screen strip in a wide window (the issue's 1634 × 426).
STRIP = QSize(1634, 426)


def png_size(path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


@pytest.fixture
def strip_chart(qtbot):
    _document, charts = make_charts(qtbot, example_workspace())
    chart = charts["distribution"]
    chart.resize(STRIP)
    qtbot.waitUntil(lambda: chart.size() == STRIP)
    return chart


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (ExportSize("16:9", 1920, 2.0), (1920, 1080)),
        (ExportSize("4:3", 1024, 1.5), (1024, 768)),
        (ExportSize("16:9", 1280, 1.0), (1280, 720)),
    ],
)
def test_a_slide_png_has_the_slide_s_size_not_the_window_strip_s(
    strip_chart, tmp_path, size, expected
):
    target = tmp_path / "chart.png"
    export_chart(strip_chart, str(target), size=size)
    assert png_size(target) == expected
    assert strip_chart.size() == STRIP  # the window's chart is left as it was


def test_a_slide_is_laid_out_at_its_own_shape_whatever_the_window_shows(qtbot, strip_chart):
    """Not the window's strip stretched: the same slide from a wide strip and a small pane."""
    slide = ExportSize("16:9", 1920, 2.0)
    from_strip = sized_chart_image(strip_chart, slide)
    strip_chart.resize(520, 300)
    qtbot.waitUntil(lambda: strip_chart.size() == QSize(520, 300))
    from_pane = sized_chart_image(strip_chart, slide)
    assert (from_strip.width(), from_strip.height()) == (1920, 1080)
    assert np.array_equal(pixels(from_strip), pixels(from_pane))


def _effective_font_pixels(svg: bytes) -> list[float]:
    """Each text's font size in the image's pixels (user units times pixels per unit)."""
    root = ET.fromstring(svg)
    view_width = float(root.get("viewBox").split()[2])
    per_unit = float(root.get("width")) / view_width
    return [
        float(element.get("font-size")) * per_unit
        for element in root.iter()
        if element.get("font-size") and re.fullmatch(r"[\d.]+", element.get("font-size"))
    ]


@pytest.mark.parametrize("font_scale", [1.5, 2.0, 3.0])
def test_svg_text_grows_with_the_font_scale(strip_chart, font_scale):
    svg = chart_svg(strip_chart, size=ExportSize("16:9", 1920, font_scale))
    root = ET.fromstring(svg)
    assert (root.get("width"), root.get("height")) == ("1920", "1080")  # pixels, not mm
    at_one = _effective_font_pixels(chart_svg(strip_chart, size=ExportSize("16:9", 1920, 1.0)))
    # At 1×, text is as large in pixels as in the window (11 pt at 96 dpi: ~15 px).
    assert max(at_one) == pytest.approx(
        QFontInfo(_point_font(DEFAULT_STYLE.title_point_size)).pixelSize(), rel=0.15
    )
    # Every kind of text (ticks, axis title, legend, title), font_scale times as large.
    assert _distinct(_effective_font_pixels(svg)) == pytest.approx(
        [size * font_scale for size in _distinct(at_one)], rel=0.01
    )


def _distinct(sizes: list[float]) -> list[float]:
    return sorted({round(size, 2) for size in sizes})


def _point_font(points: int) -> QFont:
    font = QFont()
    font.setPointSize(points)
    return font


def test_an_export_while_presenting_in_the_dark_is_light_with_the_usual_type(strip_chart):
    presenting = chart_style(dark=True, presentation=True)
    strip_chart.apply_style(presenting)
    image = sized_chart_image(strip_chart, ExportSize("16:9", 1280, 1.0))
    assert QColor(image.pixel(2, 2)) == QColor("#ffffff")  # white, as slides are
    on_white = sized_chart_image(strip_chart, ExportSize("16:9", 1280, 1.0))
    strip_chart.apply_style(DEFAULT_STYLE)
    usual = sized_chart_image(strip_chart, ExportSize("16:9", 1280, 1.0))
    assert np.array_equal(pixels(on_white), pixels(usual))  # the same picture as at the desk
    strip_chart.apply_style(presenting)
    assert strip_chart.style == presenting  # the window keeps presenting


def test_the_size_chosen_is_remembered_and_used_by_the_export_menu(window, tmp_path, monkeypatch):
    def choose(dialog):
        dialog.preset.setCurrentIndex(dialog.preset.findData("4:3"))
        dialog.width_box.setValue(1600)
        dialog.font_scale.setValue(2.5)
        assert "1600 × 1200 pixels" in dialog.summary.text()
        return ExportSizeDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportSizeDialog, "exec", choose)
    window.export_actions.size_action.trigger()
    assert saved_export_size() == ExportSize("4:3", 1600, 2.5)
    assert QSettings().value("export/size_preset") == "4:3"
    target = tmp_path / "chart.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.export_actions.export_chart("Distributions", window.distribution_chart)
    assert png_size(target) == (1600, 1200)


def test_a_cancelled_size_dialog_changes_nothing(window, monkeypatch):
    def cancel(dialog):
        dialog.width_box.setValue(640)
        return ExportSizeDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportSizeDialog, "exec", cancel)
    window.export_actions.size_action.trigger()
    assert saved_export_size() == ExportSize()


def test_a_size_saved_wrong_falls_back_to_the_default():
    QSettings().setValue("export/width", "wide")
    assert saved_export_size() == ExportSize()


@pytest.mark.parametrize(
    ("preset", "width", "font_scale"),
    [("5:4", 1920, 2.0), ("16:9", 100, 2.0), ("16:9", 1920, 0.0), ("4:3", 1920, float("nan"))],
)
def test_an_impossible_size_is_a_value_error(preset, width, font_scale):
    with pytest.raises(ValueError):
        ExportSize(preset, width, font_scale)


@pytest.mark.parametrize(("preset", "height"), [("16:9", 518), ("4:3", 690)])
def test_the_report_s_charts_take_the_slide_s_shape(qtbot, preset, height):
    document, charts = make_charts(qtbot, example_workspace())
    export = ExportSize(preset, 1920, 2.0)
    report = parse(
        report_html("Lecture", _today(), document.comparison, report_charts(charts), export=export)
    )
    assert len(report.images) == 3
    for attributes in report.images:
        data = base64.b64decode(attributes["src"].split(",", 1)[1])
        image = QImage.fromData(data, "PNG")
        assert (image.width(), image.height()) == (920, height)
        assert int(attributes["width"]) == 460
        assert int(attributes["height"]) == round(460 * height / 920)


def _today():
    import datetime

    return datetime.date(2025, 3, 14)


def test_the_report_from_the_export_menu_uses_the_size_chosen(window, tmp_path, monkeypatch):
    def choose(dialog):
        dialog.preset.setCurrentIndex(dialog.preset.findData("4:3"))
        return ExportSizeDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportSizeDialog, "exec", choose)
    window.export_actions.size_action.trigger()
    target = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.export_actions.export_report()
    report = parse(target.read_text(encoding="utf-8"))
    sizes = {
        (image.width(), image.height())
        for image in (
            QImage.fromData(base64.b64decode(attributes["src"].split(",", 1)[1]), "PNG")
            for attributes in report.images
        )
    }
    assert sizes == {(920, 690)}  # 4:3, not the report's old 460 × 400 shape
