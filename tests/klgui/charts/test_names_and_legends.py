"""Every bar of the cross-entropy chart is identifiable: each model named under its bar
(wrapped when long), or numbered with a legend when the bars are too narrow; on screen and
in exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QApplication

from core.class_selection import ClassView
from klgui.charts.bar_chart import MINIMUM_WIDTH
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


@pytest.mark.parametrize("width", [480, 640, 1000])
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


# -- the per-class charts: every bar shown carries its name; legends keep the plot's room -------


def table(classes: list[str], models: list[str], reference: str = "P"):
    import numpy as np

    from core import Distribution, Workspace
    from klgui.document.document import Document

    rng = np.random.default_rng(3)
    values = rng.dirichlet(np.ones(len(classes)), size=len(models) + 1)
    return Document(
        Workspace(
            classes=tuple(classes),
            distributions=tuple(
                Distribution(name, row)
                for name, row in zip([reference, *models], values, strict=True)
            ),
            reference=reference,
        )
    )


LONG_CLASSES = ["golden retriever", "persian cat (long-haired)", "european rabbit"]
COLLIDING_CLASSES = ["sentiment_pos_strong", "sentiment_neg_strong", "sentiment_neutral"]
COLLIDING_MODELS = [
    "ResNet-50 fine-tuned (lr 1e-3 epoch 12)",
    "ResNet-50 fine-tuned (lr 1e-4 epoch 12)",
]
LONG_MODELS = [
    "ResNet-50 fine-tuned (epoch 12)",
    "ViT-B/16 distilled",
    "logistic regression baseline",
    "random forest (500 trees)",
    "calibrated ensemble v2",
]


def per_class_charts(qtbot, document, width: int, height: int, presentation: bool, top=None):
    """The distribution chart and the terms plot, with the widget holding the plot (pytest-qt
    keeps no reference to it)."""
    from klgui.charts.contribution_chart import ContributionChart
    from klgui.charts.distribution_chart import DistributionChart
    from klgui.style.chart_style import chart_style

    terms = ContributionChart(document)
    charts = [DistributionChart(document), terms.plot]
    for chart, widget in zip(charts, [charts[0], terms], strict=True):
        chart.apply_style(chart_style(False, presentation))
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
    if top is not None:  # after the class view bar has set the view it remembers
        document.set_class_view(ClassView(top=top))
    QApplication.processEvents()
    return charts, terms


def bar_count(chart) -> int:
    return chart._selection.shown.size + (1 if chart._selection.other_count else 0)


def assert_every_bar_named(qtbot, chart, names: list[str] | None = None) -> list[str]:
    axis = chart.getPlotItem().getAxis("bottom")
    # Once the axis is tall enough for the names' lines (a paint measures them).
    qtbot.waitUntil(lambda: len(axis.names_drawn()) == bar_count(chart))
    labels = axis.names_drawn()
    assert len(set(labels)) == len(labels)  # never two alike
    for label, name in zip(labels, names or [], strict=False):
        assert names_or_cut(label, name)
    return labels


def names_or_cut(label: str, name: str) -> bool:
    """``label`` is ``name`` wrapped, or cut with some of its beginning or end kept."""
    text = unwrapped(label).replace(" ", "")
    whole = name.replace(" ", "")
    if "…" not in text:
        return text == whole
    head, _, tail = text.partition("…")
    return whole.startswith(head) and whole.endswith(tail) and bool(head or tail)


@pytest.mark.parametrize(
    ("classes", "models"),
    [(["dog", "cat", "rabbit"], ["A", "B"]), (LONG_CLASSES, LONG_MODELS)],
    ids=["three classes", "long names"],
)
@pytest.mark.parametrize(
    ("width", "height", "presentation"),
    [(560, 260, True), (800, 300, False), (420, 240, False)],
    ids=["presentation 800x600", "1280x800", "narrow"],
)
def test_every_class_is_named_under_its_bars(qtbot, classes, models, width, height, presentation):
    document = table(classes, models)
    charts, _terms = per_class_charts(qtbot, document, width, height, presentation)
    for chart in charts:
        assert bar_count(chart) == 3
        assert_every_bar_named(qtbot, chart, classes)


def test_names_that_differ_in_the_middle_are_told_apart_on_the_axis_and_in_the_legends(qtbot):
    document = table(COLLIDING_CLASSES, COLLIDING_MODELS, reference="truth")
    for width in (420, 800):
        charts, _terms = per_class_charts(qtbot, document, width, 300, False)
        for chart in charts:
            assert_every_bar_named(qtbot, chart)
            legend = [label.text for _, label in chart.legend.items]
            assert len(set(legend)) == len(legend)
            assert all("1e-3" in text or "1e-4" in text for text in legend if "ResNet" in text)


@pytest.mark.parametrize(
    ("width", "presentation", "top"),
    [
        pytest.param(560, True, 5, id="presentation 800x600, top 5"),
        pytest.param(560, True, None, id="presentation 800x600, as many as fit"),
        *(
            pytest.param(
                width,
                False,
                top,
                id=f"{window}, {'as many as fit' if top is None else f'top {top}'}",
            )
            for width, window in ((760, "800x600"), (1000, "1280x800"))
            for top in (5, 10, None)
        ),
    ],
)
def test_32000_classes_name_every_bar_shown(qtbot, width, presentation, top):
    document = table([f"tok_{i:05d}" for i in range(32_000)], ["A", "B"])
    charts, _terms = per_class_charts(qtbot, document, width, 280, presentation, top)
    for chart in charts:
        if top is not None:
            assert bar_count(chart) == top + 1
        labels = assert_every_bar_named(qtbot, chart)
        assert labels[-1].replace("\n", " ").startswith("other (31,9")


@pytest.mark.parametrize("size", [(800, 280), (900, 320), (1000, 200)])
def test_twelve_models_leave_the_plot_its_room_and_the_legend_tells_them_apart(qtbot, size):
    models = [f"model_{i:02d}_checkpoint" for i in range(12)]
    document = table(["dog", "cat", "rabbit"], models)
    width, height = size
    charts, _terms = per_class_charts(qtbot, document, width, height, False)
    for chart in charts:
        # The legend takes more columns, not the plot's height (past a share, as the width
        # allows), or, in a short chart, a share of its width beside the plot.
        if chart.legend_beside:
            assert chart.getPlotItem().getViewBox().width() >= MINIMUM_WIDTH - 10
        else:
            assert chart.legend.height() <= 0.5 * height
        legend = [label.text for _, label in chart.legend.items]
        assert len(set(legend)) == len(legend) >= len(models)
        for (_, label), index in zip(chart.legend.items[-12:], range(12), strict=True):
            assert f"{index:02d}" in label.text  # the part that tells them apart is kept
            assert models[index] in (label.toolTip() or label.text)
