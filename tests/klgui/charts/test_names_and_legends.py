"""Every bar of the cross-entropy chart is identifiable: each model named under its bar
(wrapped when long), or numbered with a legend when the bars are too narrow; on screen and
in exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QApplication

from klgui.charts.chart_export import export_chart
from klgui.charts.decomposition_chart import DecompositionChart

LONG_NAME = "resnet50_finetuned_on_imagenet_subset_v2"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def four_models(document):
    document.rename_distribution("B", LONG_NAME)
    document.add_distribution("C")
    document.add_distribution("D")
    document.recompute_now()
    return document


def shown_chart(qtbot, document, width: int, height: int = 300) -> DecompositionChart:
    chart = DecompositionChart(document)
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()
    return chart


def drawn_labels(qtbot, chart, count: int) -> list[str]:
    """The labels under the bars, once the axis has grown to hold their lines (a paint
    measures them, the next lays the axis out)."""
    axis = chart.getPlotItem().getAxis("bottom")
    qtbot.waitUntil(lambda: len(axis.names_drawn()) == count)
    return axis.names_drawn()


def unwrapped(text: str) -> str:
    return text.replace("\n", "")


def names(label: str, name: str) -> bool:
    """Whether ``label`` (lines under a bar) names ``name``: whole, or cut in the middle
    with both ends kept (the tooltip has the rest)."""
    text = unwrapped(label)
    if "…" not in text:
        return text == name
    head, tail = text.split("…")
    return len(head) >= 8 and name.startswith(head) and name.endswith(tail)


@pytest.mark.parametrize("width", [420, 640, 1000])
def test_every_model_is_named_under_its_bar_at_four_models_with_a_long_name(
    qtbot, four_models, width
):
    chart = shown_chart(qtbot, four_models, width)
    labels = drawn_labels(qtbot, chart, 4)
    assert len(labels) == 4
    assert all(map(names, labels, ["A", LONG_NAME, "C", "D"]))
    assert any("\n" in label for label in labels)  # the long one wraps to fit its bar
    assert not chart.legend.items  # the names say it all


def test_too_narrow_bars_are_numbered_and_the_legend_names_them(qtbot, document):
    for _ in range(14):
        document.add_distribution()
    document.recompute_now()
    chart = shown_chart(qtbot, document, 320)
    models = document.comparison.models
    assert drawn_labels(qtbot, chart, len(models)) == [
        str(index + 1) for index in range(len(models))
    ]
    legend = [label.text for _, label in chart.legend.items]
    assert legend == [f"{index + 1} {name}" for index, name in enumerate(models)]
    chart.resize(1800, 300)  # wide enough again: names, no legend
    QApplication.processEvents()
    labels = drawn_labels(qtbot, chart, len(models))
    assert len(labels) == len(models) and all(map(names, labels, models))
    assert not chart.legend.items


def test_an_export_names_every_model(qtbot, four_models, tmp_path):
    chart = shown_chart(qtbot, four_models, 420)
    target = tmp_path / "decomposition.svg"
    export_chart(chart, str(target))
    texts = "".join(
        "".join(element.itertext())
        for element in ET.fromstring(target.read_bytes()).iter()
        if element.tag == f"{SVG}text"
    )
    texts = texts.replace("\n", "")
    assert "resnet50_finetuned_on_" in texts and "_v2" in texts  # wrapped, cut in the middle
    for name in ("A", "C", "D"):
        assert name in texts


def test_a_name_wraps_at_its_separators_and_keeps_a_last_letter_where_there_is_room():
    from PySide6.QtGui import QFont, QFontMetricsF

    from klgui.charts.bar_chart import wrapped

    metrics = QFontMetricsF(QFont())
    first = metrics.horizontalAdvance("resnet50_finetuned_")
    assert wrapped("resnet50_finetuned_on", first + 1, metrics) == ["resnet50_finetuned_", "on"]
    # "a" alone under "model_" reads badly: the gap beside the name has room for it.
    assert wrapped("model_a", metrics.horizontalAdvance("model_a") - 3, metrics) == ["model_a"]
