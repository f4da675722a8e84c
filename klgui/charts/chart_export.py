"""Charts to files for slides: PNG and SVG, at a slide's size or the window's.

An :class:`ExportSize` says how large: a 16:9 or 4:3 slide a chosen number of pixels wide,
or the chart's size in the window; and a font scale, how many times larger than in the
window the chart's text is drawn. The chart is laid out afresh at the export's size divided
by the font scale (its own layout: the legend's rows, the names that fit, the ticks), then
drawn that many times larger: never the window's strip stretched. Exports are drawn in the
light style at the window's usual type, whatever the theme or presentation mode shows.

PNG is rendered with pyqtgraph's ImageExporter on the chart's PlotItem (title, legend, axes),
on white. SVG comes
from Qt's own QSvgGenerator painting the chart's scene, in SVG 1.1 so that the plot area
clips the bars (SVG Tiny 1.2, its default, has no clip paths). Not pyqtgraph's SVGExporter:
it fails on PySide6 ≥ 6.11 (pyqtgraph #3495, still so in pyqtgraph 0.14.0 on 6.11.3), and
one route gives the same file on every PySide6.

QSvgGenerator leaves the bars as rectangles in data coordinates under a scaling matrix,
with ``vector-effect: non-scaling-stroke`` outlines. Viewers without that SVG 1.2 feature
(librsvg, LibreOffice and others) then draw each outline hundreds of pixels wide and the
chart turns black, and hatch patterns get stretched. :func:`portable_svg` moves those shapes
into plain coordinates, so every viewer draws what the window shows.

Every file is written atomically: rendered to bytes first, then written beside the target
and renamed over it.
"""

from __future__ import annotations

import contextlib
import html
import math
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontInfo, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from core.formats.atomic_write import write_atomically
from klgui.charts.bar_chart import tick_labels_drawn
from klgui.style.chart_style import DEFAULT_STYLE, ChartStyle

#: What a file name may end with, and what it gets.
CHART_FORMATS = {
    ".png": QT_TRANSLATE_NOOP("export", "PNG image"),
    ".svg": QT_TRANSLATE_NOOP("export", "SVG vector image"),
}
#: Exports are on white whatever the window shows: slides and paper are white.
BACKGROUND = QColor("#ffffff")
#: The logical size used when the widget has none to give (hidden, or a collapsed pane).
FALLBACK_SIZE = QSize(960, 540)
#: The largest image side written, in pixels (a 16k × 16k image is 1 GiB in memory).
MAX_IMAGE_SIDE = 16384
#: Qt's logical resolution: a 1× image is 96 dots per inch.
_LOGICAL_DPI = 96.0

#: Slide shapes: (across, down).
SLIDE_ASPECTS = {"16:9": (16, 9), "4:3": (4, 3)}
#: The export size preset that keeps the chart's size in the window.
WINDOW_PRESET = "window"
#: The narrowest export and the range of font scales offered.
MIN_EXPORT_WIDTH = 320
FONT_SCALES = (0.5, 8.0)


@dataclass(frozen=True)
class ExportSize:
    """How large a chart is exported: ``preset`` "16:9" or "4:3" (a slide ``width`` pixels
    wide) or :data:`WINDOW_PRESET` (the chart's size in the window, ``font_scale`` times);
    the text ``font_scale`` times as large as in the window, relative to the image."""

    preset: str = "16:9"
    width: int = 1920
    font_scale: float = 2.0

    def __post_init__(self) -> None:
        if self.preset not in (*SLIDE_ASPECTS, WINDOW_PRESET):
            raise ValueError(f"no export size preset {self.preset!r}")
        if not MIN_EXPORT_WIDTH <= self.width <= MAX_IMAGE_SIDE:
            raise ValueError(
                QCoreApplication.translate(
                    "export", "the width must be from %d to %d pixels, not %s"
                )
                % (MIN_EXPORT_WIDTH, MAX_IMAGE_SIDE, self.width)
            )
        low, high = FONT_SCALES
        if not (math.isfinite(self.font_scale) and low <= self.font_scale <= high):
            raise ValueError(
                QCoreApplication.translate("export", "the font scale must be from %s to %s, not %s")
                % (low, high, self.font_scale)
            )

    def pixels(self, window: QSize | None = None) -> QSize:
        """The image's size in pixels; ``window``: the chart's logical size on screen."""
        if self.preset == WINDOW_PRESET:
            window = window or FALLBACK_SIZE
            return QSize(
                round(window.width() * self.font_scale), round(window.height() * self.font_scale)
            )
        across, down = SLIDE_ASPECTS[self.preset]
        return QSize(self.width, round(self.width * down / across))

    def logical(self, window: QSize | None = None) -> QSizeF:
        """The size the chart is laid out at: the image's, divided by the font scale."""
        pixels = self.pixels(window)
        return QSizeF(pixels.width() / self.font_scale, pixels.height() / self.font_scale)


_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_NS = "http://www.w3.org/1999/xlink"
_CSS_GENERIC_FAMILIES = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}


def export_chart(
    plot: pg.PlotWidget,
    path: str,
    scale: float = 2.0,
    title: str | None = None,
    size: ExportSize | None = None,
) -> None:
    """Write ``plot`` to ``path``, ``.png`` or ``.svg``: at ``size`` (a slide's, see
    :class:`ExportSize`), or else the widget's size (``scale`` times, for a PNG).

    ``title`` (plain text) is written above the chart instead of its own title: the per-class
    terms plot has none of its own (its heading is a QLabel beside it), so pass one there.
    Raises ValueError for another extension or a bad scale; an OSError from writing
    propagates, and then neither a partial file nor a temporary one is left behind.
    """
    if size is None:
        size = ExportSize(WINDOW_PRESET, font_scale=_checked_scale(scale))
    extension = os.path.splitext(os.fspath(path))[1].lower()
    if extension == ".png":
        data = png_bytes(sized_chart_image(plot, size, title), size.font_scale)
    elif extension == ".svg":
        data = chart_svg(plot, title, size)
    else:
        choices = ", ".join(
            f"{suffix} ({QCoreApplication.translate('export', what)})"
            for suffix, what in CHART_FORMATS.items()
        )
        shown = extension or QCoreApplication.translate("export", "no extension")
        raise ValueError(
            QCoreApplication.translate("export", "cannot export a chart as %s: use %s")
            % (shown, choices)
        )
    write_atomically(path, data)


def sized_chart_image(plot: pg.PlotWidget, size: ExportSize, title: str | None = None) -> QImage:
    """The chart as an image of ``size``'s pixels, laid out at its logical size."""
    if size.preset == WINDOW_PRESET:
        return chart_image(plot, size.font_scale, title=title)
    return chart_image(plot, size.font_scale, size.logical(), title, size.pixels())


def chart_image(
    plot: pg.PlotWidget,
    scale: float,
    size: QSize | QSizeF | None = None,
    title: str | None = None,
    pixels: QSize | None = None,
) -> QImage:
    """The chart (title, legend, axes, plot) on white, ``scale`` times its logical size
    (exactly ``pixels``, when given).

    ``size`` is the logical size to lay the chart out at, the widget's own size by default;
    the report passes one so that its charts line up whatever the window's layout is.
    ``title``, plain text, is shown above the chart instead of its own title.
    """
    scale = _checked_scale(scale)
    with _laid_out(plot, size, title) as logical:
        width, height = _pixels(logical, scale) if pixels is None else _pixels(pixels, 1.0)
        item = plot.getPlotItem()
        exporter = ImageExporter(item)
        parameters = exporter.parameters()
        # Set both sides exactly: each one's handler would recompute the other, rounding.
        parameters.param("width").setValue(width, blockSignal=exporter.widthChanged)
        parameters.param("height").setValue(height, blockSignal=exporter.heightChanged)
        parameters["background"] = BACKGROUND
        parameters["antialias"] = True
        with _legends_follow_scale(item):
            image = exporter.export(toBytes=True)
    return image.convertToFormat(QImage.Format.Format_RGB32)


def png_bytes(image: QImage, scale: float = 1.0) -> bytes:
    """``image`` as PNG, its resolution saying ``scale`` pixels per logical pixel, so that
    office programs insert a 2× image at the chart's size, twice as sharp."""
    image = QImage(image)
    dots_per_meter = round(_LOGICAL_DPI * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValueError(
            QCoreApplication.translate("export", "Qt could not encode the chart as PNG")
        )
    buffer.close()
    return bytes(data.data())


def chart_svg(
    plot: pg.PlotWidget, title: str | None = None, size: ExportSize | None = None
) -> bytes:
    """The chart as an SVG document (UTF-8): ``size``'s pixels wide and high, its user
    units the logical pixels it is laid out in (the widget's size by default, at 1×)."""
    logical = None if size is None or size.preset == WINDOW_PRESET else size.logical()
    with _laid_out(plot, logical, title) as laid_out:
        name = _plain_title(plot.getPlotItem())
        plot.scene().prepareForPaint()  # the view boxes apply a pending range or resize
        pixels = QSize(round(laid_out.width()), round(laid_out.height()))
        if size is not None:
            pixels = size.pixels(pixels)
        return portable_svg(_qt_svg(plot, laid_out, pixels, name), name, pixels)


def _plain_title(item: pg.PlotItem) -> str:
    """The title shown above the chart as plain text (the label holds HTML)."""
    label = item.titleLabel
    text = html.unescape(re.sub(r"<[^>]*>", "", label.text)) if label.isVisible() else ""
    return text.strip() or "KL Explorer chart"


# -- rendering --------------------------------------------------------------------------------


def _checked_scale(scale: float) -> float:
    try:
        value = float(scale)
    except (TypeError, ValueError):
        raise ValueError(
            QCoreApplication.translate("export", "the scale must be a number, not %s") % repr(scale)
        ) from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError(
            QCoreApplication.translate("export", "the scale must be a positive number, not %s")
            % repr(scale)
        )
    return value


def _pixels(logical: QSize | QSizeF, scale: float) -> tuple[int, int]:
    width = max(1, round(logical.width() * scale))
    height = max(1, round(logical.height() * scale))
    if max(width, height) > MAX_IMAGE_SIDE:
        raise ValueError(
            QCoreApplication.translate(
                "export",
                "a %d × %d pixel image is too large; the limit is %d pixels a side: "
                "choose a smaller scale",
            )
            % (width, height, MAX_IMAGE_SIDE)
        )
    return width, height


@contextlib.contextmanager
def _laid_out(
    plot: pg.PlotWidget, size: QSize | QSizeF | None, title: str | None
) -> Iterator[QSize | QSizeF]:
    """Lay the PlotItem out at ``size`` with ``title``, in the export's style, while
    exporting; put it back after.

    ``size`` defaults to the widget's size: a shown chart's PlotItem already fills it and
    nothing changes. A chart that was never shown (one built for the report, a hidden page)
    has a stale layout and no size of its own; it is laid out at :data:`FALLBACK_SIZE`.
    ``title`` (plain text) replaces the plot's own title for the export; None keeps it.
    """
    if size is None:
        size = plot.size()
        shown_or_sized = plot.isVisible() or plot.testAttribute(Qt.WidgetAttribute.WA_Resized)
        too_small = size.width() < plot.minimumWidth() or size.height() < plot.minimumHeight()
        if not shown_or_sized or too_small:
            size = FALLBACK_SIZE.expandedTo(plot.minimumSize())
    with _export_style(plot), _without_screen_only_items(plot), _at_size(plot, size, title):
        yield size


@contextlib.contextmanager
def _without_screen_only_items(plot: pg.PlotWidget) -> Iterator[None]:
    """Hide what the chart draws for the window only (the selected bar's outline) while
    exporting: a file shows the data, not where the keyboard was."""
    shown = [item for item in getattr(plot, "screen_only_items", ()) if item.isVisible()]
    for item in shown:
        item.hide()
    try:
        yield
    finally:
        for item in shown:
            item.show()


@contextlib.contextmanager
def _export_style(plot: pg.PlotWidget) -> Iterator[None]:
    """The chart in the light style at the usual type while exporting (slides and paper are
    white; the font scale, not presentation mode, sets the text's size)."""
    style = getattr(plot, "style", None)
    restyle = isinstance(style, ChartStyle) and style != DEFAULT_STYLE
    if restyle:
        plot.apply_style(DEFAULT_STYLE)
    try:
        yield
    finally:
        if restyle:
            plot.apply_style(style)


@contextlib.contextmanager
def _at_size(plot: pg.PlotWidget, size: QSize | QSizeF, title: str | None) -> Iterator[None]:
    item = plot.getPlotItem()
    label = item.titleLabel
    original_title = (label.isVisible(), label.text, dict(label.opts))
    if title is not None:
        item.setTitle(
            html.escape(title, quote=False),  # the title label reads HTML
            size=label.opts.get("size") or f"{DEFAULT_STYLE.title_point_size}pt",
            color=label.opts.get("color") or DEFAULT_STYLE.foreground,
        )
    wanted = QRectF(0, 0, size.width(), size.height())
    original = item.geometry()
    lay_out_for = getattr(plot, "lay_out_for", None)  # our charts: the legend's rows
    if lay_out_for is not None:
        lay_out_for(size.width(), size.height())
    item.setGeometry(wanted)
    item.layout.activate()
    _fit_axes_to_their_text(item)
    try:
        yield
    finally:
        if lay_out_for is not None:
            lay_out_for(None)
        if title is not None:
            visible, text, options = original_title
            label.opts.clear()
            label.opts.update(options)
            if visible:
                item.setTitle(text)
            else:
                label.setText(text)
                item.setTitle(None)
        item.setGeometry(original)
        item.layout.activate()


def _fit_axes_to_their_text(item: pg.PlotItem) -> None:
    """Let the axes measure the tick labels of the export's ranges and make room for them,
    as they do when first painted (else an axis title may overlap the tick labels)."""
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        if axis.isVisible():
            tick_labels_drawn(axis)
    item.layout.activate()


@contextlib.contextmanager
def _legends_follow_scale(item: QGraphicsItem) -> Iterator[None]:
    """pyqtgraph's LegendItem ignores transformations (it floats over a zoomable view), so a
    2× image would get a 1× legend. Our legends sit in the plot's layout: let them scale."""
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    pending = [item]
    legends = []
    while pending:
        current = pending.pop()
        if isinstance(current, pg.LegendItem) and current.flags() & flag:
            legends.append(current)
        pending.extend(current.childItems())
    for legend in legends:
        legend.setFlag(flag, False)
    try:
        yield
    finally:
        for legend in legends:
            legend.setFlag(flag, True)


def _qt_svg(plot: pg.PlotWidget, logical: QSize | QSizeF, pixels: QSize, title: str) -> bytes:
    """The chart as QSvgGenerator writes it: text as text, shapes as vectors, each item
    clipped as on screen; ``pixels`` wide and high, in user units of ``logical`` pixels."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)
    generator.setSize(pixels)
    generator.setViewBox(QRectF(0, 0, logical.width(), logical.height()))
    # Point sizes to pixels as on screen (QSvgGenerator assumes 72 dpi): the axes lay out
    # their text with screen metrics.
    generator.setResolution(round(_screen_dpi()))
    generator.setTitle(title)
    generator.setDescription("KL Explorer chart")
    painter = QPainter(generator)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        target = QRectF(0, 0, logical.width(), logical.height())
        painter.fillRect(target, BACKGROUND)
        source = plot.getPlotItem().sceneBoundingRect()
        plot.scene().render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _screen_dpi() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen is not None else _LOGICAL_DPI


# -- making the SVG portable ------------------------------------------------------------------

_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PATH_TOKEN = re.compile(rf"[A-Za-z]|{_NUMBER}")
_POINT_PATH_COMMANDS = set("MLCSQTZ")
_POINT_PATTERN = re.compile(rf"({_NUMBER})\s*,?\s*({_NUMBER})")


def portable_svg(data: bytes, title: str | None = None, pixels: QSize | None = None) -> bytes:
    """Rewrite QSvgGenerator's SVG so that viewers without SVG 1.2 features draw it right.

    - Shapes under a ``matrix(...)`` transform get their coordinates transformed and the
      transform dropped (rectangles only under axis-aligned matrices): outlines and hatch
      patterns are then drawn in plain user units.
    - ``vector-effect`` goes wherever no transform is left, so lines scale with the picture.
    - Font families get a CSS generic fallback (Qt writes "Sans Serif", which no browser or
      office program knows).
    - Duplicate ids (Qt writes one pattern mask per item, all with the same id) are dropped.
    - The document's ``<title>`` becomes ``title``, when given.
    - Its width and height are ``pixels``, when given (Qt writes millimetres, which office
      programs take for a page's size).
    """
    ET.register_namespace("", _SVG_NS)
    ET.register_namespace("xlink", _XLINK_NS)
    root = ET.fromstring(data)
    title_element = root.find(f"{{{_SVG_NS}}}title")
    if title is not None and title_element is not None:
        title_element.text = title
    if pixels is not None:
        root.set("width", str(pixels.width()))
        root.set("height", str(pixels.height()))
    for group in root.iter(f"{{{_SVG_NS}}}g"):
        _flatten_group(group)
    _drop_vector_effects(root, under_transform=False)
    _fix_font_families(root)
    _drop_duplicate_ids(root)
    _drop_empty_groups(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _matrix_of(element: ET.Element) -> tuple[float, ...] | None:
    match = _MATRIX.match(element.get("transform", ""))
    if match is None:
        return None
    try:
        values = tuple(float(part) for part in re.split(r"[\s,]+", match.group(1).strip()))
    except ValueError:
        return None
    return values if len(values) == 6 else None


def _apply(matrix: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _flatten_group(group: ET.Element) -> None:
    """Apply the group's matrix to its shapes' coordinates, if every child can take it."""
    matrix = _matrix_of(group)
    if matrix is None or matrix == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0):
        return
    if group.get("clip-path"):  # its clip is drawn in the matrix's coordinates too
        return
    children = list(group)
    if not children or any(not _can_flatten(child, matrix) for child in children):
        return
    for child in children:
        _flatten_shape(child, matrix)
    del group.attrib["transform"]


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _can_flatten(element: ET.Element, matrix: tuple[float, ...]) -> bool:
    tag = _tag(element)
    if len(element) or element.get("transform"):
        return False
    if tag == "rect":
        axis_aligned = matrix[1] == 0 and matrix[2] == 0
        return axis_aligned and not (element.get("rx") or element.get("ry"))
    if tag in ("polyline", "polygon"):
        return True
    if tag == "path":
        commands = {token for token in _PATH_TOKEN.findall(element.get("d", "")) if token.isalpha()}
        return commands <= _POINT_PATH_COMMANDS
    return False


def _number(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _flatten_shape(element: ET.Element, matrix: tuple[float, ...]) -> None:
    tag = _tag(element)
    if tag == "rect":
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        width, height = float(element.get("width", 0)), float(element.get("height", 0))
        left, top = _apply(matrix, x, y)
        right, bottom = _apply(matrix, x + width, y + height)
        element.set("x", _number(min(left, right)))
        element.set("y", _number(min(top, bottom)))
        element.set("width", _number(abs(right - left)))
        element.set("height", _number(abs(bottom - top)))
    elif tag in ("polyline", "polygon"):
        points = _POINT_PATTERN.findall(element.get("points", ""))
        moved = (_apply(matrix, float(x), float(y)) for x, y in points)
        element.set("points", " ".join(f"{_number(x)},{_number(y)}" for x, y in moved))
    else:  # a path of absolute point commands: every number pair is a point
        parts: list[str] = []
        numbers: list[float] = []
        for token in _PATH_TOKEN.findall(element.get("d", "")):
            if token.isalpha():
                parts.append(token)
                continue
            numbers.append(float(token))
            if len(numbers) == 2:
                x, y = _apply(matrix, *numbers)
                parts.append(f"{_number(x)},{_number(y)}")
                numbers.clear()
        element.set("d", " ".join(parts))


def _drop_vector_effects(element: ET.Element, under_transform: bool) -> None:
    under_transform = under_transform or bool(element.get("transform"))
    if not under_transform:
        element.attrib.pop("vector-effect", None)
    for child in element:
        _drop_vector_effects(child, under_transform)


def _fix_font_families(root: ET.Element) -> None:
    resolved = QFontInfo(QFont()).family()
    for element in root.iter():
        value = element.get("font-family")
        if value is None:
            continue
        families = [part.strip().strip("\"'") for part in value.split(",") if part.strip()]
        if any(family.lower() in _CSS_GENERIC_FAMILIES for family in families):
            continue
        if resolved and resolved not in families:
            families.append(resolved)
        quoted = [f"'{family}'" if " " in family else family for family in families]
        element.set("font-family", ", ".join([*quoted, "sans-serif"]))


def _drop_duplicate_ids(root: ET.Element) -> None:
    seen: set[str] = set()
    for parent in list(root.iter()):
        for child in list(parent):
            identifier = child.get("id")
            if identifier is None:
                continue
            if identifier in seen:
                parent.remove(child)
            else:
                seen.add(identifier)


def _drop_empty_groups(root: ET.Element) -> None:
    """Qt opens a group for every change of pen or brush, most of them left empty (and a
    group that held only those is empty once they go: the deepest go first)."""
    for parent in reversed(list(root.iter())):
        for child in list(parent):
            if _tag(child) == "g" and len(child) == 0 and child.get("id") is None:
                parent.remove(child)
