"""A one-page report of the comparison: charts, the ranking, the per-class terms.

HTML is self-contained (charts embedded as base64 PNG data URIs), so it works offline and
survives being mailed. PDF is one A4 landscape page, laid out by QTextDocument from the same
markup: QTextDocument does not load data: URIs, so there the charts are document resources
referred to by name. A report too long for the page is scaled down to fit it.

Every piece of user text (title, class and model names) is escaped.
"""

from __future__ import annotations

import base64
import datetime
import html
import math
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QSize,
    QSizeF,
    QUrl,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from core import Comparison
from core.errors import file_name
from core.formats.atomic_write import write_atomically
from core.formats.comparison_tables import ranking_rows, terms_rows
from core.measures import INFORMATION_MEASURES, MEASURES, log_scale, unit_name
from core.predictions.evaluation import PredictionReport
from klgui.charts.chart_export import WINDOW_PRESET, ExportSize, chart_image, png_bytes
from klgui.style.palette import BANNER_COLOUR
from klgui.text.measure_names import describe_smoothing, measure_title
from klgui.text.number_format import format_number

REPORT_FORMATS = {
    ".html": QT_TRANSLATE_NOOP("report", "HTML page"),
    ".pdf": QT_TRANSLATE_NOOP("report", "PDF document"),
}
#: Charts are shown this wide (pixels at 96 dpi), whatever the window shows, so the report
#: looks the same every time, and rendered with this many pixels per shown one; their shape
#: and text size are the chart export's (:func:`report_chart_size`), this one's without one.
CHART_SIZE = QSize(460, 400)
CHART_SCALE = 2.0
#: Charts side by side in a row.
CHARTS_PER_ROW = 3
#: The PDF page: A4 landscape (the tables are wide, the charts sit in one row), margins in mm.
PAGE_MARGIN_MM = 12.0
#: QTextDocument lays the page out in logical pixels; the PDF is drawn at this resolution.
LOGICAL_DPI = 96
PDF_DPI = 1200
#: Classes in the PDF's table of per-class terms, at most (the page must stay readable):
#: those with the largest terms; the CSV export has them all.
PDF_CLASS_LIMIT = 30
#: The HTML page lists every class up to this many (its table scrolls), then those with the
#: largest terms: 32,000 rows would make a page of megabytes no one reads.
HTML_CLASS_LIMIT = 1000

_STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, 'Nanum Gothic', sans-serif;
       font-size: 9.5pt; color: #202020; background-color: #ffffff; }
h1 { font-size: 16pt; font-weight: 600; margin-top: 0px; margin-bottom: 2px; }
h2 { font-size: 10.5pt; font-weight: 600; margin-top: 8px; margin-bottom: 3px; }
p { margin-top: 2px; margin-bottom: 2px; }
p.meta { color: #505050; }
table.data { border-collapse: collapse; border-color: #b0b0b0; border-style: solid;
              border-width: 1px; }
table.data th { background-color: #eeeeee; font-weight: 600; padding: 2px 5px;
                border-color: #b0b0b0; border-style: solid; border-width: 1px;
                white-space: nowrap; }
table.data td { padding: 2px 5px; border-color: #b0b0b0; border-style: solid;
                border-width: 1px; white-space: nowrap; }
td.num { text-align: right; }
td.best { background-color: %(best)s; font-weight: 600; }
td.sum { font-weight: 600; background-color: #f6f6f6; }
td.chart { padding: 0px 4px; text-align: center; vertical-align: top; }
p.note { color: #404040; }
"""


@dataclass(frozen=True)
class _Figure:
    """A chart image, how the markup refers to it, and its displayed size."""

    name: str
    source: str
    width: int
    height: int


# -- public API -------------------------------------------------------------------------------


def report_html(
    title: str,
    when: datetime.date,
    comparison: Comparison,
    charts: list[tuple[str, pg.PlotWidget]],
    predictions: PredictionReport | None = None,
    export: ExportSize | None = None,
) -> str:
    """The report as one self-contained HTML page (charts as base64 PNG data URIs, shaped
    and lettered as ``export`` says); with ``predictions``, their per-sample results too."""
    figures = []
    for name, image in _chart_images(charts, export):
        uri = "data:image/png;base64," + base64.b64encode(png_bytes(image)).decode("ascii")
        height = round(CHART_SIZE.width() * image.height() / image.width())
        figures.append(_Figure(name, uri, CHART_SIZE.width(), height))
    return _markup(
        title, when, comparison, figures, _html_image, predictions, class_limit=HTML_CLASS_LIMIT
    )


def write_report(
    path: str,
    title: str,
    when: datetime.date,
    comparison: Comparison,
    charts: list[tuple[str, pg.PlotWidget]],
    predictions: PredictionReport | None = None,
    export: ExportSize | None = None,
) -> None:
    """Write the report to ``path``: ``.html`` or ``.pdf`` (one A4 page), atomically; its
    charts shaped and lettered as ``export`` says (see :func:`report_chart_size`).

    Raises ValueError for another extension; an OSError from writing propagates, and then
    neither a partial file nor a temporary one is left behind.
    """
    extension = os.path.splitext(os.fspath(path))[1].lower()
    if extension == ".html":
        data = report_html(title, when, comparison, charts, predictions, export).encode("utf-8")
    elif extension == ".pdf":
        data = report_pdf(title, when, comparison, charts, predictions, export)
    else:
        choices = ", ".join(
            f"{suffix} ({QCoreApplication.translate('report', what)})"
            for suffix, what in REPORT_FORMATS.items()
        )
        shown = extension or QCoreApplication.translate("report", "no extension")
        raise ValueError(
            QCoreApplication.translate("report", "cannot write a report as %s: use %s")
            % (shown, choices)
        )
    write_atomically(path, data)


def report_pdf(
    title: str,
    when: datetime.date,
    comparison: Comparison,
    charts: list[tuple[str, pg.PlotWidget]],
    predictions: PredictionReport | None = None,
    export: ExportSize | None = None,
) -> bytes:
    """The report as a one-page A4 landscape PDF."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("KL Explorer")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    # The page's printable area in the document's logical pixels.
    paint_rect = writer.pageLayout().paintRect(QPageLayout.Unit.Inch)
    page_width = paint_rect.width() * LOGICAL_DPI
    page_height = paint_rect.height() * LOGICAL_DPI

    document = QTextDocument()
    document.setDocumentMargin(0)
    figures = []
    for index, (name, image) in enumerate(_chart_images(charts, export)):
        resource = f"chart-{index + 1}.png"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(resource), image)
        width, height = _fitted_chart_size(page_width, len(charts), image.size())
        figures.append(_Figure(name, resource, width, height))
    markup = _markup(
        title, when, comparison, figures, _print_image, predictions, class_limit=PDF_CLASS_LIMIT
    )
    document.setHtml(markup)
    document.setTextWidth(page_width)

    # One page, always: a report longer or wider than the page is scaled down to fit.
    size = document.size()
    fit = min(1.0, page_width / max(size.width(), 1.0), page_height / max(size.height(), 1.0))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("Qt could not start the PDF")
    try:
        painter.scale(PDF_DPI / LOGICAL_DPI * fit, PDF_DPI / LOGICAL_DPI * fit)
        document.drawContents(painter)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


# -- building the page ------------------------------------------------------------------------


def report_chart_size(export: ExportSize | None) -> tuple[QSizeF, QSize]:
    """(logical size, pixels) of the report's charts: :data:`CHART_SCALE` pixels per shown
    one, in the export's shape (a slide's 16:9 or 4:3; the report's own for the window's),
    laid out at the pixels divided by its font scale, as an exported chart is. Without an
    export, the report's own: :data:`CHART_SIZE` at :data:`CHART_SCALE`."""
    export = export or ExportSize(WINDOW_PRESET, font_scale=CHART_SCALE)
    width = round(CHART_SIZE.width() * CHART_SCALE)
    if export.preset == WINDOW_PRESET:
        height = round(CHART_SIZE.height() * CHART_SCALE)
    else:
        height = ExportSize(export.preset, width, export.font_scale).pixels().height()
    scale = export.font_scale
    return QSizeF(width / scale, height / scale), QSize(width, height)


def _chart_images(
    charts: Sequence[tuple[str, pg.PlotWidget]], export: ExportSize | None
) -> Iterator[tuple[str, QImage]]:
    logical, pixels = report_chart_size(export)
    scale = pixels.width() / logical.width()
    for name, plot in charts:
        # Never narrower than the chart can be: then more pixels, not a squeezed chart.
        wide_enough = logical.expandedTo(QSizeF(plot.minimumWidth(), 0))
        shown = QSize(round(wide_enough.width() * scale), round(wide_enough.height() * scale))
        yield name, chart_image(plot, scale, wide_enough, name, shown)


def _fitted_chart_size(page_width: float, count: int, image: QSize) -> tuple[int, int]:
    per_row = max(1, min(CHARTS_PER_ROW, count))
    width = math.floor(page_width / per_row) - 10  # the cells' padding
    height = round(width * image.height() / image.width())
    return width, height


def _html_image(figure: _Figure) -> str:
    name = html.escape(figure.name)
    return (
        f'<img src="{figure.source}" alt="{name}" width="{figure.width}" '
        f'height="{figure.height}" style="max-width: 100%; height: auto;">'
    )


def _print_image(figure: _Figure) -> str:
    return (
        f'<img src="{html.escape(figure.source)}" width="{figure.width}" height="{figure.height}">'
    )


def _markup(
    title: str,
    when: datetime.date,
    comparison: Comparison,
    figures: Sequence[_Figure],
    image: Callable[[_Figure], str],
    predictions: PredictionReport | None,
    class_limit: int | None,
) -> str:
    e = html.escape
    unit = comparison.unit
    reference = e(comparison.reference)
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{e(title)} — {when.isoformat()}</title>",
        f"<style>{_STYLE % {'best': BANNER_COLOUR.name()}}</style>",
        "</head><body>",
        f"<h1>{e(title)}</h1>",
        '<p class="meta">'
        + e(when.isoformat())
        + " · "
        + e(QCoreApplication.translate("report", "KL Explorer report"))
        + "</p>",
        "<p>"
        + QCoreApplication.translate(
            "report", "Unit: <b>%s</b> · reference: <b>%s</b> · H(%s) = <b>%s %s</b> · %s"
        )
        % (
            e(unit),
            reference,
            reference,
            format_number(comparison.reference_entropy),
            e(unit),
            e(_class_summary(comparison)),
        )
        + "</p>",
    ]
    if figures:
        parts.append(_figure_table(figures, image))
    parts.append(
        "<h2>"
        + e(QCoreApplication.translate("report", "Ranking against %s") % comparison.reference)
        + "</h2>"
    )
    parts.append(
        "<p>"
        + e(
            QCoreApplication.translate(
                "report", "Models best first by %s; lower is better. The best is highlighted."
            )
            % measure_title(comparison.rank_by)
        )
        + "</p>"
    )
    if predictions is not None and not predictions.same_labels:
        parts.append(f'<p class="note">{e(_one_reference_note(comparison.reference))}</p>')
    parts.append(_ranking_table(comparison))
    parts.append("<h2>" + e(QCoreApplication.translate("report", "Per-class terms")) + "</h2>")
    parts.append(
        "<p>"
        + e(
            QCoreApplication.translate(
                "report",
                "p·log(p/q) sums to KL(P‖Q), q·log(q/p) to KL(Q‖P); a negative term means "
                "the model gives the class more than P does.",
            )
        )
        + "</p>"
    )
    parts.append(_terms_table(comparison, class_limit))
    parts.extend(f'<p class="note">{note}</p>' for note in _notes(comparison))
    if predictions is not None:
        parts.extend(_per_sample_section(predictions, comparison.base))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _class_summary(comparison: Comparison) -> str:
    models = len(comparison.models)
    return ", ".join(
        (
            # A comparison has two classes or more.
            QCoreApplication.translate("report", "%d classes") % len(comparison.classes),
            QCoreApplication.translate("report", "1 model")
            if models == 1
            else QCoreApplication.translate("report", "%d models") % models,
        )
    )


def _figure_table(figures: Sequence[_Figure], image: Callable[[_Figure], str]) -> str:
    rows = []
    for start in range(0, len(figures), CHARTS_PER_ROW):
        cells = "".join(
            f'<td class="chart">{image(figure)}</td>'
            for figure in figures[start : start + CHARTS_PER_ROW]
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<table class="charts" width="100%" cellspacing="0" cellpadding="0">'
        + "".join(rows)
        + "</table>"
    )


def _number_cell(text: str, classes: str = "num") -> str:
    return f'<td class="{classes}">{html.escape(format_number(float(text)))}</td>'


def _table(header_rows: Sequence[str], body_rows: Sequence[str]) -> str:
    return (
        '<table class="data" width="100%" cellspacing="0" cellpadding="2">'
        + "<thead>"
        + "".join(header_rows)
        + "</thead><tbody>"
        + "".join(body_rows)
        + "</tbody></table>"
    )


def _ranking_table(comparison: Comparison) -> str:
    rows = ranking_rows(comparison)
    header, body = rows[0], rows[1:]
    if len(header) != 2 + len(MEASURES):
        raise AssertionError("ranking_rows changed its columns: update the report")
    if not body:
        return _no_models()
    unit = comparison.unit
    titles = [
        QCoreApplication.translate("report", "Rank"),
        QCoreApplication.translate("report", "Model"),
    ] + [
        f"{measure_title(name)} ({unit})" if name in INFORMATION_MEASURES else measure_title(name)
        for name in MEASURES
    ]
    # A unit goes on a line of its own: headers never wrap inside a word.
    header_row = (
        "<tr>"
        + "".join(f"<th>{html.escape(t).replace(' (', '<br>(')}</th>" for t in titles)
        + "</tr>"
    )
    body_rows = []
    for rank, model, *values in body:
        best = " best" if rank == "1" else ""
        cells = [
            f'<td class="num{best}">{html.escape(rank)}</td>',
            f'<td class="model{best}">{html.escape(model)}</td>',
            *(_number_cell(value, "num" + best) for value in values),
        ]
        body_rows.append("<tr>" + "".join(cells) + "</tr>")
    return _table([header_row], body_rows)


def _no_models() -> str:
    return (
        "<p>"
        + html.escape(
            QCoreApplication.translate("report", "No models to compare: only the reference.")
        )
        + "</p>"
    )


def _terms_table(comparison: Comparison, class_limit: int | None) -> str:
    """Classes down, models across in rank order, each with q, p·log(p/q), q·log(q/p); with
    more classes than ``class_limit``, those with the largest terms, and a note."""
    if not comparison.models:  # no model, no terms
        return _no_models()
    rows = terms_rows(comparison)
    shown = _classes_shown(comparison, class_limit)
    rows = [rows[0], *(rows[1 + i] for i in shown), rows[-1]]
    models = comparison.models
    if len(rows[0]) != 2 + 3 * len(models):
        raise AssertionError("terms_rows changed its columns: update the report")
    e = html.escape
    unit = e(comparison.unit)
    order = comparison.order
    group_header = (
        '<tr><th rowspan="2">'
        + e(QCoreApplication.translate("report", "Class"))
        + '</th><th rowspan="2">'
        + e(QCoreApplication.translate("report", "p (%s)") % comparison.reference)
        + "</th>"
        + "".join(f'<th colspan="3">{e(models[i])}</th>' for i in order)
        + "</tr>"
    )
    column_header = (
        "<tr>"
        + "".join(
            f"<th>q</th><th>p·log(p/q)<br>({unit})</th><th>q·log(q/p)<br>({unit})</th>"
            for _ in order
        )
        + "</tr>"
    )
    body_rows = []
    for position, row in enumerate(rows[1:]):
        is_sum = position == len(rows) - 2
        extra = " sum" if is_sum else ""
        name = "Σ" if is_sum else row[0]
        cells = [f'<td class="class{extra}">{e(name)}</td>', _number_cell(row[1], "num" + extra)]
        for model in order:
            start = 2 + 3 * model
            cells.extend(_number_cell(value, "num" + extra) for value in row[start : start + 3])
        body_rows.append("<tr>" + "".join(cells) + "</tr>")
    table = _table([group_header, column_header], body_rows)
    hidden = len(comparison.classes) - len(shown)
    if hidden:
        table += (
            '<p class="note">'
            + e(
                QCoreApplication.translate(
                    "report",
                    "The %d classes with the largest terms, in class order; the other %d are "
                    "in File ▸ Export ▸ Per-class terms as CSV. Σ is over all classes.",
                )
                % (len(shown), hidden)
            )
            + "</p>"
        )
    return table


def _classes_shown(comparison: Comparison, limit: int | None) -> list[int]:
    """The indices of the classes to list: all, or the ``limit`` whose largest term (in
    either direction, any model; infinite ones first) is largest, in class order."""
    count = len(comparison.classes)
    if limit is None or count <= limit:
        return list(range(count))
    terms = np.abs(np.vstack([comparison.kl_terms, comparison.reverse_kl_terms]))
    largest = np.nan_to_num(terms, nan=0.0, posinf=np.finfo(float).max).max(axis=0)
    return sorted(int(i) for i in np.argsort(-largest, kind="stable")[:limit])


def _notes(comparison: Comparison) -> list[str]:
    e = html.escape
    unit = comparison.unit
    notes = [
        e(
            QCoreApplication.translate(
                "report",
                "H(P,Q) = H(P) + KL(P‖Q), and H(P) = %s %s is the same for every model, so "
                "ranking by cross-entropy gives the same order as ranking by KL.",
            )
            % (format_number(comparison.reference_entropy), unit)
        )
    ]
    for index in comparison.order:
        classes = comparison.infinite_classes[index]
        if classes:
            notes.append(
                e(
                    QCoreApplication.translate(
                        "report",
                        "%s: KL(P‖Q) is ∞, the model gives probability 0 to %s, which P has.",
                    )
                    % (comparison.models[index], ", ".join(classes))
                )
            )
    if comparison.smoothing.is_active:
        notes.append(
            "<b>"
            + e(QCoreApplication.translate("report", "Smoothing is on"))
            + "</b>: "
            + e(
                QCoreApplication.translate(
                    "report",
                    "%s. The numbers are those of the smoothed distributions, not the raw ones.",
                )
                % describe_smoothing(comparison.smoothing)
            )
        )
    return notes


def _one_reference_note(reference: str) -> str:
    """Why the ranking and the per-sample results may disagree, for files that label
    different samples."""
    return QCoreApplication.translate(
        "report",
        "The files label different samples: this ranking and the per-class terms compare every "
        "model's mean prediction with one reference, %s, while the per-sample results below "
        "score each model against the labels of its own file.",
    ) % reference


def _samples_per_file(report: PredictionReport) -> str:
    """Each labels file and how many samples it labels: "a.csv: 300 samples, …"."""
    return ", ".join(
        file_name(path)
        + ": "
        + (
            QCoreApplication.translate("report", "1 sample")
            if count == 1
            else QCoreApplication.translate("report", "%d samples") % count
        )
        for path, count in report.samples_by_labels().items()
    )


def _per_sample_section(report: PredictionReport, base: float | None) -> list[str]:
    """The per-sample results of prediction files: metrics per model in rank order, the
    paired bootstrap, and the samples whose cross-entropy is infinite; cross-entropy in the
    unit of ``base``, the rest of the report's (the files' results are kept in nats)."""
    e = html.escape
    unit, scale = unit_name(base), log_scale(base)
    first = report.models[0]
    parts = [
        "<h2>" + e(QCoreApplication.translate("report", "Per-sample results")) + "</h2>",
        "<p>"
        + e(
            QCoreApplication.translate(
                "report",
                "%d samples over %d classes; cross-entropy in %s. With one-hot targets "
                "H(y) = 0, so each sample's cross-entropy is its KL divergence, −log q(true "
                "class); and mean q(true) ≥ exp(−mean CE in nats) (Jensen's inequality).",
            )
            % (first.samples, len(first.classes), unit)
            if report.same_labels
            else QCoreApplication.translate(
                "report",
                "%d classes; cross-entropy in %s. The files label different samples, so each "
                "model is scored against the labels of its own file: %s. With one-hot targets "
                "H(y) = 0, so each sample's cross-entropy is its KL divergence, −log q(true "
                "class); and mean q(true) ≥ exp(−mean CE in nats) (Jensen's inequality).",
            )
            % (len(first.classes), unit, _samples_per_file(report))
        )
        + "</p>",
    ]
    titles = [
        QCoreApplication.translate("report", "Rank"),
        QCoreApplication.translate("report", "Model"),
        QCoreApplication.translate("report", "Accuracy"),
        QCoreApplication.translate("report", "Mean CE"),
        QCoreApplication.translate("report", "± SE"),
        QCoreApplication.translate("report", "Median CE"),
        QCoreApplication.translate("report", "95% of CE"),
        QCoreApplication.translate("report", "Mean q(true)"),
        QCoreApplication.translate("report", "Jensen bound"),
        QCoreApplication.translate("report", "Brier"),
        QCoreApplication.translate("report", "∞ samples"),
    ]
    header = "<tr>" + "".join(f"<th>{e(title)}</th>" for title in titles) + "</tr>"
    rows = []
    for index in report.order:
        metrics = report.models[index]
        best = " best" if report.rank[index] == 1 else ""
        numbers = [
            metrics.accuracy,
            metrics.mean_cross_entropy * scale,
            metrics.ce_standard_error * scale,
            metrics.ce_percentiles["median"] * scale,
            metrics.ce_percentiles["95"] * scale,
            metrics.mean_true_class_probability,
            metrics.true_class_probability_bound,
            metrics.brier,
        ]
        cells = [
            f'<td class="num{best}">{int(report.rank[index])}</td>',
            f'<td class="model{best}">{e(metrics.name)}</td>',
            *(
                f'<td class="num{best}">{e(format_number(value))}</td>'
                for value in numbers
            ),
            f'<td class="num{best}">{metrics.infinite_samples.size}</td>',
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    parts.append(_table([header], rows))
    if report.pairwise:
        pair = report.pairwise[0]
        parts.append(
            "<p>"
            + e(
                QCoreApplication.translate(
                    "report",
                    "Paired bootstrap of the difference in mean CE over the same samples: "
                    "%d resamples, seed %d, %d%% interval.",
                )
                % (pair.resamples, pair.seed, round(pair.confidence * 100))
            )
            + "</p>"
        )
        header = (
            "<tr>"
            + "".join(
                f"<th>{e(title)}</th>"
                for title in (
                    QCoreApplication.translate("report", "A"),
                    QCoreApplication.translate("report", "B"),
                    QCoreApplication.translate("report", "Mean CE(A) − CE(B)"),
                    QCoreApplication.translate("report", "Interval"),
                    QCoreApplication.translate("report", "A better in"),
                )
            )
            + "</tr>"
        )
        rows = [
            "<tr>"
            + f"<td>{e(pair.a)}</td><td>{e(pair.b)}</td>"
            + f'<td class="num">{e(format_number(pair.mean_difference * scale))}</td>'
            + '<td class="num">'
            + e(
                f"[{format_number(pair.ci_low * scale)}, "
                f"{format_number(pair.ci_high * scale)}]"
            )
            + "</td>"
            + f'<td class="num">{e(f"{pair.a_better_fraction:.1%}")}</td>'
            + "</tr>"
            for pair in report.pairwise
        ]
        parts.append(_table([header], rows))
    elif len(report.models) > 1:
        parts.append(
            "<p>"
            + e(
                QCoreApplication.translate(
                    "report", "No paired comparison: the files label different samples."
                )
            )
            + "</p>"
        )
    for metrics in report.models:
        count = metrics.infinite_samples.size
        if count:
            shown = ", ".join(str(i) for i in metrics.infinite_samples[:10])
            parts.append(
                '<p class="note">'
                + e(
                    QCoreApplication.translate(
                        "report",
                        "%s: samples that give their true class probability 0, so that "
                        "their cross-entropy is infinite: %d (numbered from 0: %s%s).",
                    )
                    % (metrics.name, count, shown, " …" if count > 10 else "")
                )
                + "</p>"
            )
    return parts
