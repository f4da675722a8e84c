"""Chart exports (PNG, SVG) and the one-page report (HTML, PDF), on the real charts."""

from __future__ import annotations

import base64
import datetime
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from core import Smoothing, Workspace, example_workspace
from core.workspace import Distribution
from klgui.charts import chart_export
from klgui.charts.chart_export import chart_image, export_chart
from klgui.charts.contribution_chart import ContributionChart
from klgui.charts.decomposition_chart import DecompositionChart
from klgui.charts.distribution_chart import DistributionChart
from klgui.document.document import Document
from klgui.files import report_export
from klgui.files.report_export import report_html, write_report

SVG = "{http://www.w3.org/2000/svg}"
ORANGE = (0xE6, 0x9F, 0x00)  # Okabe–Ito orange: model A
SERIES_FILLS = ("#3b3b3b", "#e69f00", "#56b4e9")  # P, A, B in the distribution chart
EVIL = '<b>&"x"</b>'
WHEN = datetime.date(2025, 3, 14)


def make_charts(qtbot, workspace: Workspace):
    document = Document(workspace)
    distribution = DistributionChart(document)
    contribution = ContributionChart(document)
    decomposition = DecompositionChart(document)
    for widget in (distribution, contribution, decomposition):
        qtbot.addWidget(widget)
        widget.resize(640, 400)
        widget.show()
        qtbot.waitExposed(widget)
    return document, {
        "distribution": distribution,
        "contribution": contribution.plot,
        "decomposition": decomposition,
        "_keep": contribution,  # the plot's parent must outlive the test
    }


@pytest.fixture
def shown(qtbot):
    return make_charts(qtbot, example_workspace())


def report_charts(charts):
    return [
        ("Distributions", charts["distribution"]),
        ("Per-class terms", charts["contribution"]),
        ("H(P,Q) = H(P) + KL(P‖Q)", charts["decomposition"]),
    ]


def pixels(image: QImage) -> np.ndarray:
    """Height × width × RGB."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return raw.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def directory_listing(path) -> list[str]:
    return sorted(os.listdir(path))


# -- PNG ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1, 2])
def test_png_has_the_scaled_size_and_real_content(shown, tmp_path, scale):
    _, charts = shown
    plot = charts["distribution"]
    target = tmp_path / f"distribution@{scale}x.png"
    export_chart(plot, str(target), scale=scale)
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (plot.width() * scale, plot.height() * scale)
    rgb = pixels(image)
    assert tuple(rgb[0, 0]) == (255, 255, 255)  # white background
    colours = {tuple(c) for c in rgb.reshape(-1, 3)[:: max(1, rgb.size // 300_000)]}
    assert len(colours) >= 8  # bars, text, axes: not blank
    orange = np.all(rgb == ORANGE, axis=-1)
    assert orange.sum() > 100 * scale * scale  # model A's bars are there, solid


def test_png_of_every_chart_has_its_size(shown, tmp_path):
    _, charts = shown
    for name in ("distribution", "contribution", "decomposition"):
        plot = charts[name]
        target = tmp_path / f"{name}.png"
        export_chart(plot, str(target))  # default scale: 2×
        image = QImage(str(target))
        assert (image.width(), image.height()) == (plot.width() * 2, plot.height() * 2), name
        assert len(np.unique(pixels(image).reshape(-1, 3), axis=0)) >= 8, name


def test_png_legend_scales_with_the_image(shown):
    """pyqtgraph's legend ignores transformations; at 2× it must still be 2× as large."""
    _, charts = shown
    plot = charts["distribution"]

    def orange_legend_swatch_width(image: QImage) -> int:
        rgb = pixels(image)
        rows = np.all(rgb == ORANGE, axis=-1)
        # The legend sits above the plot area: the first rows holding orange.
        first_row = int(np.argmax(rows.any(axis=1)))
        return int(rows[first_row + 2].sum())

    one = orange_legend_swatch_width(chart_image(plot, 1))
    two = orange_legend_swatch_width(chart_image(plot, 2))
    assert one > 5
    assert two == pytest.approx(2 * one, abs=3)


def test_png_of_a_chart_never_shown_uses_a_fallback_size(qtbot, tmp_path):
    document = Document(example_workspace())
    chart = ContributionChart(document)  # never shown: its plot was never laid out
    qtbot.addWidget(chart)
    image = chart_image(chart.plot, 1)
    expected = chart_export.FALLBACK_SIZE.expandedTo(chart.plot.minimumSize())
    assert (image.width(), image.height()) == (expected.width(), expected.height())
    assert np.all(pixels(image) == ORANGE, axis=-1).sum() > 100


def test_a_title_for_the_export_leaves_the_chart_as_it_was(shown):
    _, charts = shown
    plot = charts["contribution"]
    item = plot.getPlotItem()
    label = item.titleLabel

    def state():
        return item.geometry(), label.isVisible(), label.text, dict(label.opts)

    before = state()
    plain = chart_image(plot, 1)
    titled = chart_image(plot, 1, title="Terms <p·log(p/q)> & more")
    assert pixels(plain).tolist() != pixels(titled).tolist()
    assert state() == before
    item.setTitle(None)  # a plot without a title of its own gets one for the export only
    untitled = state()
    assert pixels(chart_image(plot, 1, title="Terms")).tolist() != pixels(plain).tolist()
    assert state() == untitled and not label.isVisible()


@pytest.mark.parametrize("scale", [0, -1, float("nan"), float("inf"), 1000])
def test_a_bad_scale_is_a_value_error(shown, tmp_path, scale):
    _, charts = shown
    with pytest.raises(ValueError, match=r"scale|too large"):
        export_chart(charts["distribution"], str(tmp_path / "chart.png"), scale=scale)
    assert directory_listing(tmp_path) == []


# -- SVG ----------------------------------------------------------------------------------------


def scales(element: ET.Element) -> bool:
    """Whether the element's transform does more than move things."""
    match = re.match(r"\s*matrix\(([^)]*)\)", element.get("transform", ""))
    if match is None:
        return bool(element.get("transform"))
    a, b, c, d, _, _ = (float(v) for v in re.split(r"[\s,]+", match.group(1).strip()))
    return (a, b, c, d) != (1, 0, 0, 1)


def filled_shapes(root: ET.Element) -> list[tuple[str, float, float, float, float]]:
    """(fill, x, y, width, height) of every filled rect and path, the fill inherited from
    its groups; asserts that none is drawn under a scaling transform."""
    shapes = []

    def walk(element: ET.Element, fill: str | None, scaled: bool) -> None:
        fill = element.get("fill", fill)
        scaled = scaled or scales(element)
        filled = fill not in (None, "none")
        if element.tag == f"{SVG}rect" and filled and "%" not in element.get("width", "%"):
            assert not scaled, "a shape under a scaling transform draws badly in many viewers"
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
            width, height = float(element.get("width")), float(element.get("height"))
            shapes.append((fill.lower(), x, y, width, height))
        elif element.tag == f"{SVG}path" and filled:
            assert not scaled, "a shape under a scaling transform draws badly in many viewers"
            numbers = [
                float(n) for n in re.findall(r"[-+]?\d*\.?\d+(?:e[-+]?\d+)?", element.get("d"))
            ]
            xs, ys = numbers[0::2], numbers[1::2]
            if xs:
                box = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
                shapes.append((fill.lower(), *box))
        for child in element:
            if child.tag not in (f"{SVG}defs", f"{SVG}clipPath", f"{SVG}mask", f"{SVG}pattern"):
                walk(child, fill, scaled)

    walk(root, None, False)
    return shapes


def check_distribution_svg(data: bytes, document: Document) -> None:
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Distributions"
    # Every bar stands on the zero line: the 3 × 3 bars are the rects with that bottom edge.
    shapes = [s for s in filled_shapes(root) if s[0] in SERIES_FILLS and s[4] > 0]
    bottoms = [round(y + h, 1) for _, _, y, _, h in shapes]
    baseline = max(set(bottoms), key=bottoms.count)
    bars = [s for s, bottom in zip(shapes, bottoms, strict=True) if bottom == baseline]
    assert len(bars) == 9
    comparison = document.comparison
    values = np.vstack([comparison.reference_distribution, comparison.model_distributions])
    for series, fill in enumerate(SERIES_FILLS):
        mine = sorted((s for s in bars if s[0] == fill), key=lambda s: s[1])  # left to right
        assert len(mine) == 3, fill
        heights = np.array([s[4] for s in mine])
        assert heights / heights.max() == pytest.approx(
            values[series] / values[series].max(), abs=0.01
        )
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    assert {"dog", "cat", "rabbit"} <= texts
    assert "Distributions" in texts
    assert {"A", "B"} <= texts  # the legend
    # Portable: no SVG 1.2 non-scaling strokes, font families with a generic fallback.
    assert b"vector-effect" not in data
    assert root.find(f".//{SVG}image") is None  # vectors and text, no picture of them
    families = {e.get("font-family") for e in root.iter() if e.get("font-family")}
    assert families and all(f.endswith("sans-serif") for f in families)
    identifiers = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(identifiers) == len(set(identifiers))


def test_svg_parses_and_holds_the_bars_and_class_names(shown, tmp_path):
    document, charts = shown
    target = tmp_path / "distribution.svg"
    export_chart(charts["distribution"], str(target))
    check_distribution_svg(target.read_bytes(), document)


_SVG_NUMBER = r"[-+]?\d*\.?\d+(?:e[-+]?\d+)?"


def clip_boxes(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """url(#id) → (left, top, right, bottom) of each clip path (Qt writes one path each)."""
    boxes = {}
    for clip in root.iter(f"{SVG}clipPath"):
        numbers = [float(n) for n in re.findall(_SVG_NUMBER, clip.find(f"{SVG}path").get("d"))]
        xs, ys = numbers[0::2], numbers[1::2]
        boxes[f"url(#{clip.get('id')})"] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def test_svg_clips_the_bars_to_the_plot_area_as_the_window_does(shown, tmp_path):
    """Zoomed in, a bar taller than the view ends at the plot's edge, not over the title."""
    _, charts = shown
    plot = charts["distribution"]
    plot.getPlotItem().getViewBox().setYRange(0, 0.2, padding=0)  # P's dog is 0.6
    target = tmp_path / "zoomed.svg"
    export_chart(plot, str(target))
    root = ET.fromstring(target.read_bytes())
    boxes = clip_boxes(root)
    view = plot.getPlotItem().getViewBox().sceneBoundingRect()
    view.translate(-plot.getPlotItem().sceneBoundingRect().topLeft())
    bars = [
        (clipped.get("clip-path"), rect)
        for clipped in root.iter(f"{SVG}g")
        if clipped.get("clip-path")
        for group in clipped.iter(f"{SVG}g")
        if group.get("fill") in SERIES_FILLS
        for rect in group.iter(f"{SVG}rect")
        if float(rect.get("width")) > 20  # not the legend's swatches
    ]
    assert len(bars) == 9
    for clip in {clip for clip, _ in bars}:  # the plot area's, wherever the bar is
        assert boxes[clip] == pytest.approx(
            (view.left(), view.top(), view.right(), view.bottom()), abs=1.5
        )
    tallest = min(float(rect.get("y")) for _, rect in bars)
    assert tallest < view.top() - 50  # drawn past the plot's top: the clip is what ends it


def test_svg_of_the_other_charts_parses(shown, tmp_path):
    _, charts = shown
    for name in ("contribution", "decomposition"):
        target = tmp_path / f"{name}.svg"
        export_chart(charts[name], str(target))
        root = ET.fromstring(target.read_bytes())
        fills = {s[0] for s in filled_shapes(root)}
        assert "#e69f00" in fills and "#56b4e9" in fills, name


# -- the report -----------------------------------------------------------------------------------


class ReportParser(HTMLParser):
    """Tables of class "data" as lists of rows of cell texts; images; the title; all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.best_rows: list[list[str]] = []
        self.images: list[dict[str, str]] = []
        self.title = ""
        self.text: list[str] = []
        self._in_table = False
        self._cell: list[str] | None = None
        self._cell_is_best = False
        self._row_is_best = False
        self._in_title = False
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag == "table" and attributes.get("class") == "data":
            self._in_table = True
            self.tables.append([])
        elif tag == "tr" and self._in_table:
            self.tables[-1].append([])
            self._row_is_best = False
        elif tag in ("td", "th") and self._in_table:
            self._cell = []
            self._row_is_best |= "best" in (attributes.get("class") or "").split()
        elif tag == "img":
            self.images.append(attributes)
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._in_table and self._row_is_best:
            self.best_rows.append(self.tables[-1][-1])
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._in_title:
            self.title += data


def parse(markup: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(markup)
    parser.close()
    return parser


def test_html_report_holds_title_tables_in_rank_order_and_images(qtbot):
    # B before A in the input; A is the better model.
    workspace = example_workspace().with_distribution_moved(2, 1)
    document, charts = make_charts(qtbot, workspace)
    comparison = document.comparison
    assert comparison.models == ("B", "A")
    markup = report_html("Lecture 3", WHEN, comparison, report_charts(charts))
    report = parse(markup)

    assert "Lecture 3" in report.title and "2025-03-14" in report.title
    text = " ".join(report.text)
    assert "2025-03-14" in text
    assert "0.8979" in text  # H(P)
    assert "nats" in text and "reference" in text
    assert "ranking by cross-entropy gives the same order as ranking by KL" in text
    assert "Ranking against P" in text
    assert "Smoothing" not in text

    ranking, terms = report.tables
    assert [row[1] for row in ranking[1:]] == ["A", "B"]  # rank order, not input order
    assert ranking[1][2] == "0.0226012"  # KL(P‖A), the window's six significant digits
    assert report.best_rows == [ranking[1]]
    assert [cell for cell in terms[0] if cell in ("A", "B")] == ["A", "B"]
    assert [row[0] for row in terms[2:]] == ["dog", "cat", "rabbit", "Σ"]

    assert len(report.images) == 3
    for attributes in report.images:
        source = attributes["src"]
        assert source.startswith("data:image/png;base64,")
        data = base64.b64decode(source.split(",", 1)[1], validate=True)
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        image = QImage.fromData(data, "PNG")
        size = report_export.CHART_SIZE * report_export.CHART_SCALE
        assert (image.width(), image.height()) == (size.width(), size.height())
    assert [a["alt"] for a in report.images] == [name for name, _ in report_charts(charts)]


def test_html_report_escapes_user_text(qtbot, tmp_path):
    workspace = example_workspace().with_distribution_renamed("B", EVIL)
    workspace = workspace.with_class_renamed(2, "토끼 <rabbit> & co")
    document, charts = make_charts(qtbot, workspace)
    title = 'Session "<script>alert(1)</script>" & more'
    target = tmp_path / "report.html"
    write_report(str(target), title, WHEN, document.comparison, report_charts(charts))
    markup = target.read_text(encoding="utf-8")
    assert EVIL not in markup and "<script>" not in markup and "<rabbit>" not in markup
    assert "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;" in markup
    report = parse(markup)
    assert "script" not in report.tags
    assert report.title.startswith(title)
    ranking, terms = report.tables
    assert [row[1] for row in ranking[1:]] == ["A", EVIL]
    assert EVIL in terms[0]
    assert "토끼 <rabbit> & co" in [row[0] for row in terms]


def test_html_report_notes_smoothing_and_infinite_kl(qapp):
    workspace = example_workspace().with_values("B", [0.5, 0.5, 0.0])
    smoothed = workspace.with_smoothing(Smoothing("epsilon", 1e-3))
    text = " ".join(parse(report_html("s", WHEN, workspace.compare(), [])).text)
    assert "KL(P‖Q) is ∞" in text and "rabbit" in text
    comparison = smoothed.compare()
    text = " ".join(parse(report_html("s", WHEN, comparison, [])).text)
    assert "Smoothing is on" in text
    assert comparison.smoothing.describe() in text


def count_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


def test_pdf_report_is_one_page(shown, tmp_path):
    document, charts = shown
    target = tmp_path / "report.pdf"
    write_report(str(target), "Lecture 3", WHEN, document.comparison, report_charts(charts))
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert count_pages(data) == 1
    assert data.rstrip().endswith(b"%%EOF")
    assert len(data) > 20_000  # the charts are in it


def test_pdf_report_of_a_large_workspace_still_fits_one_page(qtbot, tmp_path):
    rng = np.random.default_rng(7)
    workspace = Workspace(
        classes=tuple(f"class {i}" for i in range(40)),
        distributions=tuple(
            Distribution(name, rng.dirichlet(np.ones(40))) for name in ("P", *"ABCDEF")
        ),
        reference="P",
    )
    document, charts = make_charts(qtbot, workspace)
    target = tmp_path / "large.pdf"
    write_report(str(target), "Large", WHEN, document.comparison, report_charts(charts))
    assert count_pages(target.read_bytes()) == 1


# -- bad paths ----------------------------------------------------------------------------------


def test_unknown_extensions_are_value_errors(shown, tmp_path):
    document, charts = shown
    plot = charts["distribution"]
    for name in ("chart.jpg", "chart", "chart.svg.bak"):
        with pytest.raises(ValueError, match=r"\.png.*\.svg"):
            export_chart(plot, str(tmp_path / name))
    for name in ("report.docx", "report"):
        with pytest.raises(ValueError, match=r"\.html.*\.pdf"):
            write_report(str(tmp_path / name), "t", WHEN, document.comparison, [])
    assert directory_listing(tmp_path) == []


def test_extensions_are_case_insensitive(shown, tmp_path):
    _, charts = shown
    export_chart(charts["distribution"], str(tmp_path / "CHART.PNG"), scale=1)
    assert QImage(str(tmp_path / "CHART.PNG")).width() == charts["distribution"].width()


@pytest.mark.parametrize("name", ["chart.png", "chart.svg", "report.html", "report.pdf"])
def test_a_missing_directory_is_an_os_error_and_leaves_nothing(shown, tmp_path, name):
    document, charts = shown
    target = tmp_path / "missing" / name
    with pytest.raises(OSError):
        if name.startswith("chart"):
            export_chart(charts["distribution"], str(target))
        else:
            write_report(str(target), "t", WHEN, document.comparison, report_charts(charts))
    assert directory_listing(tmp_path) == []


def test_export_replaces_an_existing_file(shown, tmp_path):
    _, charts = shown
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    export_chart(charts["distribution"], str(target), scale=1)
    assert target.read_bytes().startswith(b"\x89PNG")
    assert directory_listing(tmp_path) == ["chart.png"]


def test_report_chart_size_does_not_depend_on_the_window(shown):
    _, charts = shown
    plot = charts["distribution"]
    plot.resize(300, 900)  # a tall, narrow pane
    image = chart_image(plot, 1, size=QSize(460, 340))
    assert (image.width(), image.height()) == (460, 340)


def prediction_report():
    from core.predictions import ModelPredictions
    from core.predictions.evaluation import evaluate

    classes = ("dog", "cat", "rabbit")
    labels = np.array([0, 1, 2, 2])
    sharp = [[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.2, 0.2, 0.6]]
    broken = [[0.0, 0.5, 0.5], [0.3, 0.4, 0.3], [0.3, 0.3, 0.4], [0.4, 0.3, 0.3]]
    models = [
        ModelPredictions("weak", classes, labels, np.array(broken)),
        ModelPredictions("sharp", classes, labels, np.array(sharp)),
    ]
    return evaluate(models, resamples=200, seed=1)


def test_a_report_of_files_that_label_different_samples_gives_each_files_count(qapp):
    from core.predictions import ModelPredictions
    from core.predictions.evaluation import evaluate
    from core.predictions.prediction_workspace import workspace_from_predictions

    classes = ("dog", "cat")
    a = ModelPredictions("A", classes, np.array([0, 0, 1]), np.full((3, 2), 0.5), "dir/a.csv")
    b = ModelPredictions("B", classes, np.array([1]), np.full((1, 2), 0.5), "dir/b\nc.csv")
    predictions = evaluate([a, b])
    comparison = workspace_from_predictions(predictions).compare()
    text = " ".join(parse(report_html("Classifiers", WHEN, comparison, [], predictions)).text)
    assert "3 samples over" not in text
    assert "labels of its own file: a.csv: 3 samples, b\\nc.csv: 1 sample." in text
    # The ranking compares with the first file's labels, and says why the per-sample
    # results (each model against its own labels) may rank otherwise.
    assert "Ranking against labels (a.csv)" in text
    assert (
        "this ranking and the per-class terms compare every model's mean prediction with one "
        "reference, labels (a.csv), while the per-sample results below score each model "
        "against the labels of its own file."
    ) in text


def test_a_report_of_prediction_files_holds_the_per_sample_results(qapp, tmp_path):
    from core.predictions.prediction_workspace import workspace_from_predictions

    predictions = prediction_report()
    comparison = workspace_from_predictions(predictions).compare()  # what the window shows
    markup = report_html("Classifiers", WHEN, comparison, [], predictions)
    report = parse(markup)
    text = " ".join(report.text)
    assert "Per-sample results" in text and "4 samples over 3 classes" in text
    assert "Ranking against labels" in text and "one reference" not in text  # same labels
    _ranking, _terms, per_sample, pairwise = report.tables
    assert per_sample[0][:4] == ["Rank", "Model", "Accuracy", "Mean CE"]
    assert [row[1] for row in per_sample[1:]] == ["sharp", "weak"]  # by mean CE, best first
    sharp = predictions.models[1]
    assert per_sample[1][2] == f"{sharp.accuracy:.6g}"
    assert per_sample[1][3] == f"{sharp.mean_cross_entropy:.6g}"
    assert per_sample[2][3] == "∞" and per_sample[2][-1] == "1"  # never clipped
    assert report.best_rows[-1] == per_sample[1]
    assert [row[:2] for row in pairwise[1:]] == [["weak", "sharp"]]
    assert "200 resamples, seed 1" in text
    assert "weak: samples that give their true class probability 0" in text
    assert "infinite: 1 (numbered from 0: 0)" in text
    target = tmp_path / "classifiers.pdf"
    write_report(str(target), "Classifiers", WHEN, comparison, [], predictions)
    assert count_pages(target.read_bytes()) == 1
    # The unit switched to bits after loading: the whole report is in bits.
    in_bits = workspace_from_predictions(predictions).with_base(2.0).compare()
    report = parse(report_html("Classifiers", WHEN, in_bits, [], predictions))
    per_sample = report.tables[2]
    assert per_sample[1][3] == f"{sharp.mean_cross_entropy / np.log(2):.6g}"
    assert "cross-entropy in bits" in " ".join(report.text)


def test_a_report_of_distributions_has_no_per_sample_section(qapp):
    text = " ".join(parse(report_html("s", WHEN, example_workspace().compare(), [])).text)
    assert "Per-sample" not in text


def test_the_report_counts_classes_and_models_in_good_english(qapp):
    one_model = example_workspace().with_distribution_removed("B")
    text = " ".join(parse(report_html("s", WHEN, one_model.compare(), [])).text)
    assert "3 classes, 1 model" in text and "1 models" not in text
    text = " ".join(parse(report_html("s", WHEN, example_workspace().compare(), [])).text)
    assert "3 classes, 2 models" in text


def test_the_pdf_lists_the_classes_with_the_largest_terms_and_says_so(qapp):
    from core import Distribution, Workspace

    count = 300
    p = np.full(count, 1 / count)
    q = p.copy()
    q[[7, 250]] *= [0.05, 3.0]  # two classes far off; the rest nearly equal
    q /= q.sum()
    workspace = Workspace(
        classes=tuple(f"class {i}" for i in range(count)),
        distributions=(Distribution("P", p), Distribution("A", q)),
        reference="P",
    )
    comparison = workspace.compare()
    markup = report_export._markup(
        "t", WHEN, comparison, [], report_export._print_image, None, class_limit=30
    )
    report = parse(markup)
    _ranking, terms = report.tables
    names = [row[0] for row in terms[2:]]
    assert len(names) == 31 and names[-1] == "Σ"
    assert "class 7" in names and "class 250" in names
    assert names.index("class 7") < names.index("class 250")  # in class order
    assert "the other 270 are in File ▸ Export ▸ Per-class terms as CSV" in " ".join(report.text)
    full = parse(report_html("t", WHEN, comparison, []))  # HTML scrolls: every class
    assert len(full.tables[1]) == 2 + count + 1


def test_the_html_lists_every_class_up_to_a_limit_then_the_largest_terms(qapp):
    from core import Distribution, Workspace

    count = report_export.HTML_CLASS_LIMIT + 500
    p = np.full(count, 1 / count)
    q = p.copy()
    q[count - 1] *= 3.0  # the last class far off: listed though beyond the limit
    q /= q.sum()
    workspace = Workspace(
        classes=tuple(f"class {i}" for i in range(count)),
        distributions=(Distribution("P", p), Distribution("A", q)),
        reference="P",
    )
    report = parse(report_html("t", WHEN, workspace.compare(), []))
    names = [row[0] for row in report.tables[1][2:]]
    assert len(names) == report_export.HTML_CLASS_LIMIT + 1 and names[-1] == "Σ"
    assert f"class {count - 1}" in names
    assert "the other 500 are in File ▸ Export ▸ Per-class terms as CSV" in " ".join(report.text)


def test_a_report_of_the_reference_alone_has_no_tables_of_models(qapp, tmp_path):
    from core import Distribution, Workspace

    alone = Workspace(
        classes=tuple(f"c{i}" for i in range(40)),
        distributions=(Distribution("P", np.full(40, 1 / 40)),),
        reference="P",
    )
    target = tmp_path / "alone.pdf"
    write_report(str(target), "alone", WHEN, alone.compare(), [])  # more classes than listed
    assert count_pages(target.read_bytes()) == 1
    report = parse(report_html("alone", WHEN, alone.compare(), []))
    assert report.tables == []
    assert " ".join(report.text).count("No models to compare: only the reference.") == 2


def test_a_report_chart_wraps_its_legend_to_the_report_width(qtbot):
    from core import Distribution, Workspace
    from klgui.charts.chart_export import _laid_out

    workspace = Workspace(
        classes=("dog", "cat", "rabbit"),
        distributions=tuple(
            Distribution(name, [0.6, 0.3, 0.1]) for name in ("P", "model_a", "model_b", "model_c")
        ),
        reference="P",
    )
    _document, charts = make_charts(qtbot, workspace)
    plot = charts["distribution"]
    plot.resize(1100, 400)
    QApplication.processEvents()
    assert plot.legend.columnCount == 4  # one row in the wide window
    with _laid_out(plot, report_export.CHART_SIZE, None):
        item = plot.getPlotItem()
        assert plot.legend.columnCount < 4  # wrapped for the report's 460 pixels
        assert item.geometry().width() <= report_export.CHART_SIZE.width() + 0.5
        assert item.layout.minimumWidth() <= report_export.CHART_SIZE.width() + 0.5
    assert plot.legend.columnCount == 4  # and back
