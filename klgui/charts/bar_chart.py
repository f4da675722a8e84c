"""What the bar charts share: style, class-name ticks, grouped-bar geometry, hover tooltips."""

from __future__ import annotations

import html
import math
import os
import re
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QCursor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QShowEvent,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.class_selection import ClassSelection
from klgui.style.chart_style import DEFAULT_STYLE, ChartStyle
from klgui.style.stale_mark import StaleMark
from klgui.text.number_format import format_number

#: Fraction of a class's slot filled by its group of bars.
GROUP_WIDTH = 0.8
MINIMUM_WIDTH = 200
#: When data outgrows the span during a drag, the new span has this much extra room.
Y_SPAN_GROWTH = 1.15
#: Room between two class names under the axis (pixels) when only every n-th is named.
NAME_GAP = 16
#: A class's slot holds this many average characters of its name on a line (wrapped onto
#: more lines): per-class charts show as many classes as have this room each.
CLASS_NAME_CHARACTERS = 6
#: With less room, names stand on end, one per class, cut to this many characters, while a
#: class has this many lines of the font across; with less, every n-th class is named, its
#: name cut to :data:`CUT_NAME_CHARACTERS`.
STANDING_NAME_CHARACTERS = 16
STANDING_SLOT_LINES = 1.05
STANDING_HEIGHT_SHARE = 0.3
CUT_NAME_CHARACTERS = 14
#: The draw flags that mark a name drawn on end.
STANDING = -1
#: How far (pixels) the first and last names may reach past the ends of the x axis.
NAME_OVERHANG = 18
#: The most of a chart's height a legend above the plot takes, of its width one beside it:
#: more entries go on more columns, with their names cut.
LEGEND_HEIGHT_SHARE = 0.45
LEGEND_WIDTH_SHARE = 0.4
#: A legend beside the plot leaves its names this many average characters at least; one
#: above it, never fewer than the least.
LEGEND_NAME_CHARACTERS = 8
LEGEND_LEAST_CHARACTERS = 3
#: Most legend entries on a row; fewer when the chart is narrow (they wrap, never widen it).
LEGEND_COLUMNS = 5
#: Room for a legend entry's colour sample and spacing, beside its label (pixels).
LEGEND_SAMPLE_ROOM = 60
#: pyqtgraph's margins around a legend's entries, above and below (pixels).
LEGEND_MARGINS = 18
#: A chart shorter than this many lines of its text puts its legend beside the plot, its
#: rows this many pixels closer than pyqtgraph's (whose labels have margins of their own).
SHORT_CHART_LINES = 12
LEGEND_ROWS_BESIDE_SPACING = -6
#: Room above and below a chart's title (pixels).
TITLE_MARGIN = 1
#: Room for the y axis and margins beside a chart's title (pixels).
LEFT_AXIS_ROOM = 90
#: The y span for data that is all zero: a readable axis, not ticks at 1e-09.
EMPTY_Y_SPAN = 0.05
#: The "other" bar may be this many times the tallest class shown before it goes off the scale.
OTHER_SCALE_LIMIT = 3.0
#: Classes a per-class chart shows before it knows its width; the fewest it ever fits.
UNLAID_FITTING = 40
MIN_FITTING = 5
#: Room a value axis gives each labelled tick, in lines of its font (labels never touch).
TICK_LABEL_LINES = 1.5
#: Room between a plot's notice (an empty chart's "what to do") and its sides (pixels).
NOTICE_MARGIN = 6


class Bars(pg.BarGraphItem):
    """A BarGraphItem that remembers its bounding rectangle.

    pyqtgraph recomputes it, with a pixel-size lookup, on every one of the scene's many calls
    per repaint; at 1000 bars that alone cost a millisecond per frame of a drag.
    """

    _cached_rect: QRectF | None = None

    def setOpts(self, **opts) -> None:
        self._cached_rect = None
        super().setOpts(**opts)

    def viewTransformChanged(self) -> None:
        self._cached_rect = None
        super().viewTransformChanged()

    def boundingRect(self) -> QRectF:
        if self._cached_rect is None:
            self._cached_rect = super().boundingRect()
        return self._cached_rect

    def set_bars(self, **opts) -> None:
        """Like setOpts, but passes on only the options that changed: a series the edit did
        not touch costs nothing, and pyqtgraph rebuilds pens and brushes only when they change."""
        changed = {key: new for key, new in opts.items() if not _same(self.opts.get(key), new)}
        if changed:
            self.setOpts(**changed)


def _same(old: object, new: object) -> bool:
    if isinstance(old, np.ndarray) or isinstance(new, np.ndarray):
        return np.array_equal(np.asarray(old), np.asarray(new))
    return type(old) is type(new) and old == new


class LegendSample(pg.ItemSample):
    """A legend's sample of a series: bars as a plain filled square in their colours
    (pyqtgraph draws a line under it too, a stray dash beside every square); other items as
    pyqtgraph draws them."""

    def paint(self, painter, *args) -> None:
        if not isinstance(self.item, pg.BarGraphItem) or not self.item.isVisible():
            super().paint(painter, *args)
            return
        opts = self.item.opts
        painter.setPen(pg.mkPen(opts["pen"]))
        painter.setBrush(pg.mkBrush(opts["brush"]))
        painter.drawRect(QRectF(2, 2, 16, 16))


def group_geometry(series_count: int) -> tuple[np.ndarray, float]:
    """Offsets from the class centre of each series' bar, and the bar width."""
    width = GROUP_WIDTH / max(series_count, 1)
    offsets = (np.arange(series_count) - (series_count - 1) / 2) * width
    return offsets, width


def series_at(x: float, class_count: int, series_count: int) -> tuple[int, int] | None:
    """(class index, series index) of the bar under data coordinate ``x``, or None."""
    class_index = round(x)
    if not 0 <= class_index < class_count or series_count == 0:
        return None
    offset = x - class_index + GROUP_WIDTH / 2
    if not 0 <= offset < GROUP_WIDTH:
        return None
    return class_index, min(int(offset / (GROUP_WIDTH / series_count)), series_count - 1)


class PlainAxis(pg.AxisItem):
    """An axis that writes values as they are: probabilities as 0.6, never as 600 with a
    "(×0.001)" in the label (pyqtgraph's SI prefixes are for physical units). A vertical one
    has no more labelled ticks than its height holds in its font (:func:`value_tick_spacing`)."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        # Off, a range change redraws the ticks without laying the label out again.
        self.autoSIPrefix = False

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.orientation not in ("left", "right") or not levels:
            return levels
        # pyqtgraph spaces ticks by the axis's length alone, and always labels its first
        # level: on a short axis, or in large type, the labels overlapped.
        line = QFontMetricsF(self.style["tickFont"] or QFont()).height()
        return [(value_tick_spacing(maxVal - minVal, size, line, levels[0][0]), 0.0)]

    def _updateWidth(self) -> None:
        super()._updateWidth()
        # pyqtgraph counts 0.8 of a left axis's title's height and puts it 5 pixels past the
        # axis's edge: tall glyphs (Hangul) in large type were cut at the chart's edge. Its
        # box (whose margins hold no ink) starts a pixel before the axis (see resizeEvent)
        # and ends where the tick labels may start.
        visible = self.isVisible() and self.label.isVisible()
        if self.orientation == "left" and self.fixedWidth is None and visible:
            height = self.label.boundingRect().height()
            margin = self.label.document().documentMargin()
            width = self.maximumWidth() + max(0.0, 0.2 * height - margin)
            self.setMaximumWidth(width)
            self.setMinimumWidth(width)

    def resizeEvent(self, event=None) -> None:
        super().resizeEvent(event)
        if self.orientation == "left" and self.label is not None:
            self.label.setX(-1)


def value_tick_spacing(span: float, length: float, line: float, at_least: float) -> float:
    """The tick spacing for ``span`` on an axis ``length`` pixels long whose labels are
    ``line`` pixels high: 1, 2 or 5 times a power of ten, no denser than ``at_least`` (the
    spacing pyqtgraph chose), with labels :data:`TICK_LABEL_LINES` lines apart at least."""
    wanted = max(at_least, span * line * TICK_LABEL_LINES / max(length, 1.0))
    if not math.isfinite(wanted) or wanted <= 0:
        return at_least
    power = 10.0 ** math.floor(math.log10(wanted))
    return next(step * power for step in (1.0, 2.0, 5.0, 10.0) if step * power >= wanted * 0.999)


class ClassAxis(PlainAxis):
    """The x axis of grouped bars: every class named under its group, wrapped onto up to
    :data:`NAME_LINES` lines at spaces and _-./ to fit its slot (the axis's length when it is
    drawn, in the window, in an export, zoomed in), long names cut in the middle, never two
    alike (:func:`fitted_names`). Only slots narrower than :data:`CLASS_NAME_CHARACTERS`
    characters (many classes chosen, or zoomed out) name every n-th class, and a short tick
    the others; the last one (the "other" bar's) is always named."""

    _MAJOR, _MINOR = 1.0, 0.5  # the spacings that tell tickStrings which level it labels

    def __init__(self) -> None:
        super().__init__("bottom")
        self._names: tuple[str, ...] = ()  # under the bars, the "other" bar's last
        self._whole = 0  # how many of the last are labels, never cut (the "other" bar's)
        self._labels: tuple[str, ...] = ()
        self._labelled_room: tuple[float, bool] | None = None  # what the labels were fitted to
        self._standing = False  # the names stand on end, one per class
        self._text_room = 0.0  # pixels under the ticks the labels need
        self._first_drawn = 0

    def set_names(self, names: Sequence[str], whole: Sequence[str] = ()) -> None:
        """Class names, then labels (the "other" bar's) only wrapped at their spaces, never
        cut: their room is theirs (:meth:`BarChart.class_span_end`)."""
        names, whole = tuple(names), tuple(whole)
        if (*names, *whole) != self._names or len(whole) != self._whole:
            self._names, self._whole = (*names, *whole), len(whole)
            self._labelled_room = None
            self.picture = None
            self.update()

    def setTickFont(self, font: QFont) -> None:
        super().setTickFont(font)
        self._labelled_room = None

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.style["tickFont"] or QFont())

    def class_slot(self) -> float:
        """The pixels a class needs for its name to be written under it, wrapped."""
        return CLASS_NAME_CHARACTERS * self._metrics().averageCharWidth() + WRAPPED_NAME_GAP

    def _updateMaxTextSize(self, x: float) -> None:
        # Room for the longest name, wrapped or stood on end; pyqtgraph takes 0.8 of a
        # label's height, which cut off the bottom of tall glyphs (Hangul) in large type.
        super()._updateMaxTextSize(max(x, getattr(self, "_text_room", 0.0)))

    def _fit_labels(self, room: float, standing: bool) -> None:
        """Labels in ``room`` pixels across, wrapped; ``standing``: on end, on one line
        (the "other" bar's on two), as long as :data:`STANDING_NAME_CHARACTERS`."""
        if (room, standing) == self._labelled_room:
            return
        self._labelled_room = (room, standing)
        self._standing = standing
        metrics = self._metrics()
        whole = [
            "\n".join(
                wrapped(label, max([room, *map(metrics.horizontalAdvance, label.split())]), metrics)
            )
            for label in self._names[len(self._names) - self._whole :]
        ]
        most_lines = 1 if standing else NAME_LINES
        names = self._names[: len(self._names) - self._whole]
        self._labels = (*fitted_names(names, room, metrics, most_lines), *whole)
        if standing:
            widest = max(
                metrics.horizontalAdvance(line)
                for label in self._labels
                for line in label.split("\n")
            )
            text_room = widest + 4
        else:
            lines = max((label.count("\n") + 1 for label in self._labels), default=1)
            text_room = (lines - 1) * metrics.lineSpacing() + metrics.height()
        if text_room != self._text_room:
            self._text_room = text_room
            self._updateMaxTextSize(0.0)  # room for them at once, not after a paint

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        count = len(self._names)
        first, last = max(0, math.ceil(minVal)), min(count - 1, math.floor(maxVal))
        if last < first or maxVal <= minVal or size <= 0:
            return []
        self._first_drawn = first
        per_class = size / (maxVal - minVal)  # pixels
        metrics = self._metrics()
        every_class = [(self._MAJOR, [float(i) for i in range(first, last + 1)])]
        if per_class >= self.class_slot():
            self._fit_labels(per_class - WRAPPED_NAME_GAP, standing=False)
            return every_class
        if per_class >= STANDING_SLOT_LINES * metrics.lineSpacing():
            self._fit_labels(self._standing_room(), standing=True)
            return every_class
        # Too many classes for their names: every n-th, on one line, the widest of them
        # (not the "other" bar's label, written whole at the end) setting n.
        self._fit_labels(CUT_NAME_CHARACTERS * metrics.averageCharWidth(), standing=False)
        widths = [metrics.horizontalAdvance(label) + 2 for label in self._labels]
        step = max(1, math.ceil((max(widths[first:last] or widths) + NAME_GAP) / per_class))

        def within_ends(index: int) -> bool:  # pyqtgraph drops a name reaching further
            centre, half = (index - minVal) * per_class, widths[index] / 2
            return centre - half >= -NAME_OVERHANG and centre + half <= size + NAME_OVERHANG

        fitting = [i for i in range(first, last + 1) if within_ends(i)] or [last]
        named = list(range(fitting[0], fitting[-1] + 1, step))
        if fitting[-1] - named[-1] < step and len(named) > 1:
            named[-1] = fitting[-1]  # the last one is named, moved to if need be
        elif named[-1] != fitting[-1]:
            named.append(fitting[-1])
        unnamed = sorted(set(range(first, last + 1)) - set(named))
        return [
            (self._MAJOR, [float(i) for i in named]),
            (self._MINOR, [float(i) for i in unnamed]),
        ]

    def _standing_room(self) -> float:
        """How long a name on end may be: :data:`STANDING_NAME_CHARACTERS`, in at most
        :data:`STANDING_HEIGHT_SHARE` of the plot's height (a short chart keeps its bars)."""
        average = self._metrics().averageCharWidth()
        plot = self.parentItem()
        height = plot.boundingRect().height() if plot is not None else 0.0
        return max(
            CLASS_NAME_CHARACTERS * average,
            min(STANDING_NAME_CHARACTERS * average, STANDING_HEIGHT_SHARE * height),
        )

    def generateDrawSpecs(self, p: QPainter):
        specs = super().generateDrawSpecs(p)
        if specs is None or not self._standing:
            return specs
        # pyqtgraph lays names out level (and drops those reaching past the ends): stand
        # each on end under its tick instead, reading upwards, hanging from the axis.
        axis_spec, tick_specs, _ = specs
        metrics = self._metrics()
        top = self.boundingRect().top() + max(0, self.style["tickLength"])
        top += self.style["tickTextOffset"][1]
        text_specs = []
        for (_, start, _), label in zip(
            tick_specs, self._labels[self._first_drawn :], strict=False
        ):
            lines = label.split("\n")
            along = max(map(metrics.horizontalAdvance, lines)) + 2
            across = (len(lines) - 1) * metrics.lineSpacing() + metrics.height()
            rect = QRectF(start.x() - across / 2, top, across, along)
            text_specs.append((rect, STANDING, label))
        return axis_spec, tick_specs, text_specs

    def drawPicture(self, p: QPainter, axisSpec, tickSpecs, textSpecs) -> None:
        standing = [spec for spec in textSpecs if spec[1] is STANDING]
        super().drawPicture(p, axisSpec, tickSpecs, [s for s in textSpecs if s[1] is not STANDING])
        for rect, _, text in standing:
            p.save()
            p.translate(rect.left(), rect.top())
            p.rotate(-90)
            # Turned a quarter: the footprint's height is the text's width, reading upwards.
            flags = Qt.AlignRight | Qt.AlignVCenter
            p.drawText(QRectF(-rect.height(), 0, rect.height(), rect.width()), flags, text)
            p.restore()

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing != self._MAJOR:
            return [""] * len(values)
        return [self._labels[round(value)] for value in values]

    def names_drawn(self) -> list[str]:
        """The names pyqtgraph draws at the axis's current range and length, after its own
        checks (a name reaching too far past an end is dropped)."""
        return [text for _, text in tick_labels_drawn(self)]


#: Most lines a bar's name is wrapped onto under the axis.
NAME_LINES = 3
#: Narrower slots than this many average characters number the bars (the legend names them).
MIN_NAME_CHARACTERS = 4
#: Room between the names of neighbouring bars (pixels).
WRAPPED_NAME_GAP = 8
#: Bars narrower than a word of their names (up to this many average characters) are
#: numbered: a word is broken only when it alone is wider.
WORD_CHARACTERS = 12
#: Where a long name may break: after these.
NAME_BREAKS = " _-./"
#: A line this short (characters) is better kept on the line before, where there is room.
FRAGMENT_CHARACTERS = 2


class EveryNameAxis(PlainAxis):
    """The x axis of one bar per name (the models of the cross-entropy chart): every bar is
    named, never every n-th. A long name wraps onto up to :data:`NAME_LINES` lines to fit
    its bar's slot (at spaces and _-./, else anywhere), and a last line still too long is
    cut in the middle. Slots too narrow for a few characters get numbers 1, 2, …, which the
    chart's legend explains (see :meth:`numbered`)."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self._names: tuple[str, ...] = ()
        self._slot = 0.0  # pixels per bar at the last layout of the ticks
        self._lines = 1

    def set_names(self, names: Sequence[str]) -> None:
        names = tuple(names)
        if names != self._names:
            self._names = names
            self.picture = None
            self.update()

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.style["tickFont"] or QFont())

    def numbered(self, slot_pixels: float) -> bool:
        """Whether bars ``slot_pixels`` wide are numbered rather than named: when a word of
        a name (up to :data:`WORD_CHARACTERS` long: a longer one is broken anyway) would
        be broken, "mode/l_a"."""
        room = slot_pixels - WRAPPED_NAME_GAP
        metrics = self._metrics()
        average = metrics.averageCharWidth()
        words = (word for name in self._names for word in re.split(r"(?<=[\s_\-./])", name))
        widest = max(
            (metrics.horizontalAdvance(word.rstrip(NAME_BREAKS)) for word in words), default=0.0
        )
        return room < max(MIN_NAME_CHARACTERS * average, min(widest, WORD_CHARACTERS * average))

    def labels(self, slot_pixels: float) -> list[str]:
        """The text under each bar when each has ``slot_pixels`` of the axis."""
        if self.numbered(slot_pixels):
            return [str(index + 1) for index in range(len(self._names))]
        room = slot_pixels - WRAPPED_NAME_GAP
        return fitted_names(self._names, room, self._metrics(), NAME_LINES)

    def _updateMaxTextSize(self, x: float) -> None:
        # Room for every line of the longest wrapped name (pyqtgraph counts 0.8 of a label).
        lines = getattr(self, "_lines", 1)
        super()._updateMaxTextSize(max(x, lines * self._metrics().lineSpacing() + 2))

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if not self._names or maxVal <= minVal or size <= 0:
            return []
        self._slot = size / (maxVal - minVal)
        self._lines = max(text.count("\n") + 1 for text in self.labels(self._slot))
        return [(1.0, [float(index) for index in range(len(self._names))])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        texts = self.labels(self._slot)
        return [texts[round(value)] for value in values]

    def names_drawn(self) -> list[str]:
        """The labels pyqtgraph draws at the axis's current range and length."""
        return [text for _, text in tick_labels_drawn(self)]


def wrapped(
    name: str,
    width: float,
    metrics: QFontMetricsF,
    most_lines: int = NAME_LINES,
    elide: Qt.TextElideMode = Qt.ElideMiddle,
) -> list[str]:
    """``name`` on lines no wider than ``width`` pixels, at most ``most_lines``: broken
    after spaces and _-./ where it can, inside a word only when the word alone is wider; a
    piece of a line or two characters is kept on the line before if the gap beside it has
    room (not "model_" over "a"); the last line cut (``elide``: in the middle) if the rest
    will not fit."""

    def fits(text: str) -> bool:  # a separator ending a line may reach past it
        return metrics.horizontalAdvance(text.rstrip(NAME_BREAKS)) <= width

    pieces = [piece for piece in re.split(r"(?<=[\s_\-./])", name) if piece]
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if fits(line + piece):
            line += piece
            continue
        if line:
            lines.append(line)
        line = piece
        while not fits(line) and len(line) > 1:
            cut = _characters_fitting(line, fits)
            lines.append(line[:cut])
            line = line[cut:]
    lines.append(line)
    lines = _fragments_joined(lines, width + WRAPPED_NAME_GAP, metrics)
    if len(lines) > most_lines:
        rest = "".join(lines[most_lines - 1 :])
        lines = [*lines[: most_lines - 1], metrics.elidedText(rest, elide, width)]
    return [line.rstrip() for line in lines]


def fitted_names(
    names: Sequence[str], width: float, metrics: QFontMetricsF, most_lines: int = 1
) -> list[str]:
    """Labels of ``names`` wrapped (:func:`wrapped`) into ``width`` pixels, never two alike
    for different names: names that would read the same keep their beginnings or their
    ends whole instead of both, else the part where they differ, else are numbered."""
    return _distinct_cuts(names, width, metrics, most_lines, numbered=True)


def told_apart(names: Sequence[str], width: float, metrics: QFontMetricsF) -> bool:
    """Whether ``names`` cut to ``width`` pixels (on one line) can all be told apart
    without numbering them."""
    return _distinct_cuts(names, width, metrics, 1, numbered=False) is not None


def _distinct_cuts(
    names: Sequence[str], width: float, metrics: QFontMetricsF, most_lines: int, numbered: bool
) -> list[str] | None:
    """:func:`fitted_names`; names that no cut tells apart are ``numbered`` (else: None)."""
    labels = ["\n".join(wrapped(name, width, metrics, most_lines)) for name in names]
    for group in _alike(names, labels):
        group_names = [names[index] for index in group]
        for tried in _other_cuts(group_names, width, metrics, most_lines):
            if len(set(tried)) == len(group):
                break
        else:
            if not numbered:
                return None
            tried = [f"{label} ({number})" for number, label in enumerate(tried, start=1)]
        for index, label in zip(group, tried, strict=True):
            labels[index] = label
    return labels


def _other_cuts(
    names: Sequence[str], width: float, metrics: QFontMetricsF, most_lines: int
) -> Iterator[list[str]]:
    """``names`` cut otherwise than in the middle: keeping their beginnings, their ends,
    then from a character before where they start to differ, then from there, then only
    where they differ."""
    for elide in (Qt.ElideRight, Qt.ElideLeft):
        yield ["\n".join(wrapped(name, width, metrics, most_lines, elide)) for name in names]
    # Character by character, as wanted here: these are names, not paths.
    differ = len(os.path.commonprefix(list(names)))  # noqa: RUF071
    for start in (differ - 1, differ):
        yield [
            "\n".join(wrapped("…" + name[start:], width, metrics, most_lines, Qt.ElideRight))
            for name in names
        ]
    yield [metrics.elidedText(name[differ:], Qt.ElideRight, width) for name in names]


def _alike(names: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """Groups of the positions of different names with the same label."""
    positions: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        positions.setdefault(label, []).append(index)
    return [group for group in positions.values() if len({names[i] for i in group}) > 1]


def _fragments_joined(lines: list[str], width: float, metrics: QFontMetricsF) -> list[str]:
    """``lines`` with each line of at most two characters (separators aside) joined to the
    line before when the two fit ``width`` pixels together."""
    joined: list[str] = []
    for line in lines:
        short = len(line.strip(NAME_BREAKS)) <= FRAGMENT_CHARACTERS
        if joined and short and metrics.horizontalAdvance(joined[-1] + line.rstrip()) <= width:
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _characters_fitting(text: str, fits: Callable[[str], bool]) -> int:
    """How many of ``text``'s first characters ``fits`` a line (one at least)."""
    count = 1
    while count < len(text) and fits(text[: count + 1]):
        count += 1
    return count


def tick_labels_drawn(axis: pg.AxisItem) -> list[tuple[QRectF, str]]:
    """(rectangle, text) of every tick label ``axis`` draws at its range and length now. As
    in a paint, the axis also updates the room its labels need."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _, text in specs[2]] if specs else []


class BarChart(pg.PlotWidget):
    """A PlotWidget styled for reading at a distance, with class names on the x axis (or
    numbers, for a chart of a parameter: ``class_names=False``; or ``bottom_axis``)."""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        class_names: bool = True,
        bottom_axis: pg.AxisItem | None = None,
    ) -> None:
        if bottom_axis is not None:
            bottom = bottom_axis
        else:
            bottom = ClassAxis() if class_names else PlainAxis("bottom")
        super().__init__(
            parent=parent,
            axisItems={"left": PlainAxis("left"), "bottom": bottom},
            enableMenu=False,  # never built: pyqtgraph's menus cost start-up time, unused here
        )
        self._style = DEFAULT_STYLE
        self._x_span: tuple[float, float] | None = None
        self._y_data_span: tuple[float, float] | None = None  # the span before its margin
        self._y_span: tuple[float, float] = (0.0, 1.0)
        self._axis_label: str | None = None
        self._texts: list[pg.TextItem] = []
        self.corner_widget: QWidget | None = None
        #: Items drawn in the window only, never in an export (the selected bar's outline).
        self.screen_only_items: list[pg.GraphicsObject] = []
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)  # zoom into many classes, never lose the zero line
        plot.showGrid(x=False, y=False)
        # The legend sits in its own row between the title and the plot, never over bars.
        self.legend = pg.LegendItem(
            offset=None, colCount=LEGEND_COLUMNS, horSpacing=14, sampleType=LegendSample
        )
        self.legend.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)
        plot.layout.removeItem(plot.getAxis("top"))
        plot.layout.addItem(self.legend, 1, 1, alignment=Qt.AlignHCenter)
        self.legend_beside = False
        # Room on the right for the last class name, which may reach past the axis's end.
        plot.layout.setContentsMargins(4, 4, NAME_OVERHANG, 4)
        self._mark = StaleMark(title, LEFT_AXIS_ROOM)
        self._title_notes: tuple[str, ...] = ()
        self._title_shown: tuple | None = None
        if title:
            self.setTitle(title)
        self._notice = pg.TextItem("", color=DEFAULT_STYLE.notice_colour, anchor=(0.5, 0.5))
        self._notice.setZValue(20)
        # Wrapped to the plot's width, each line centred: a long one (a translation, a narrow
        # chart) is never cut at the plot's edges.
        self._notice.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignHCenter))
        plot.getViewBox().addItem(self._notice, ignoreBounds=True)
        plot.getViewBox().sigResized.connect(self._fit_notice)
        plot.getViewBox().sigResized.connect(self._on_view_resized)
        self._notice.hide()
        self.setMinimumSize(MINIMUM_WIDTH, 120)
        # The view fills every pixel it repaints with the chart's background: Qt need not
        # repaint the window, splitters and tabs behind it first (a third of a repaint's cost).
        self.viewport().setAttribute(Qt.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.StrongFocus)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self._style_plot(DEFAULT_STYLE)

    # -- appearance -----------------------------------------------------------------------------

    def apply_style(self, style: ChartStyle) -> None:
        """Restyle everything: fonts, colours, lines; the chart redraws."""
        self._style_plot(style)
        self.restyle()

    def _style_plot(self, style: ChartStyle) -> None:
        self._style = style
        self.setBackground(style.background)
        font = QFont()
        font.setPointSize(style.font_point_size)
        plot = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTickFont(font)
            axis.setPen(pg.mkPen(style.foreground))
            axis.setTextPen(pg.mkPen(style.foreground))
            # The 0 of the y axis sits at its edge: show it, don't hide it as overlapping.
            # Names may reach past the x axis's ends into the margins: that far, no further.
            hide = NAME_OVERHANG if name == "bottom" else False
            axis.setStyle(tickTextOffset=6, hideOverlappingLabels=hide)
        self.legend.setLabelTextSize(f"{style.font_point_size}pt")
        self.legend.setLabelTextColor(style.foreground)
        for _sample, label in self.legend.items:  # existing entries take the new style too
            label.setText(label.text, size=f"{style.font_point_size}pt", color=style.foreground)
        self._apply_axis_label()
        self._notice.setColor(style.notice_colour)
        notice_font = QFont()
        notice_font.setPointSize(style.font_point_size)
        self._notice.setFont(notice_font)
        for label in self._texts:
            label.setColor(style.foreground)
            label.setFont(self._text_font(label.scale_factor))
        self._show_title()
        self.fit_minimum_width()

    def restyle(self) -> None:
        """Redraw with the new style; charts whose items carry colours override this."""

    @property
    def closed_down(self) -> bool:
        """True once pyqtgraph's close() has let go of the plot and deleted its items: a late
        signal must then touch nothing (the items' C++ objects are gone)."""
        return getattr(self, "plotItem", None) is None

    @property
    def style(self) -> ChartStyle:
        return self._style

    def _text_font(self, scale: float) -> QFont:
        font = QFont()
        font.setPointSizeF(self._style.font_point_size * scale)
        return font

    def _title_font(self) -> QFont:
        font = QFont()
        font.setPointSize(self._style.title_point_size)
        return font

    def set_title_notes(self, notes: Sequence[str]) -> None:
        """Say after the title what part of the data the chart shows (a class filter): the
        first of ``notes`` (longest first) that fits beside the title (never cut, nor under
        the corner widget); none when none fits (the class controls say it then)."""
        notes = tuple(notes)
        if notes != self._title_notes:
            self._title_notes = notes
            self._show_title()

    def _show_title(self) -> None:
        if self._mark.title:
            font = self._title_font()
            title = self._mark.title_text(font, self.width())
            room = self._title_room()
            beside = [
                f"{title} — {note}"
                for note in self._title_notes
                if QFontMetricsF(font).horizontalAdvance(f"{title} — {note}") <= room
            ]
            text = html.escape((beside or [title])[0], quote=False)  # the label reads HTML
            shown = (text, self._style.title_point_size, self._style.foreground)
            if shown == self._title_shown:
                return  # (setting it lays the plot out again)
            self._title_shown = shown
            self.getPlotItem().setTitle(
                text,
                size=f"{self._style.title_point_size}pt",
                color=self._style.foreground,
                justify="left",
            )
            # pyqtgraph gives the title a row 30 pixels high: large type ran into the plot.
            # Its own height, with thin margins (a short chart keeps its plot).
            plot = self.getPlotItem()
            plot.titleLabel.item.document().setDocumentMargin(TITLE_MARGIN)
            height = plot.titleLabel.item.boundingRect().height()
            plot.titleLabel.setMaximumHeight(height)
            plot.layout.setRowFixedHeight(0, height)

    def _on_view_resized(self) -> None:
        if self._title_notes:  # the room beside the title follows the plot's left edge
            self._show_title()

    def _title_room(self) -> float:
        """Pixels from where the title starts (over the plot) to the corner widget, or to
        the chart's right edge."""
        view = self.getPlotItem().getViewBox()
        laid_out = view.width() > 1
        start = self.mapFromScene(view.sceneBoundingRect().topLeft()).x() if laid_out else 0
        start = max(start, self._mark.room)
        corner = self.corner_widget
        end = corner.x() if corner is not None and corner.parent() is self else self.width()
        return end - start - NAME_OVERHANG

    def show_state(self, current: bool, notice: str = "") -> None:
        """Dim the plot and mark its title while it shows the last valid input; show
        ``notice`` (for an empty chart: what to do) in the middle of the plot."""
        if self._mark.stale == current:
            self._mark.stale = not current
            self._show_title()
        view = self.getPlotItem().getViewBox()
        opacity = self._mark.opacity
        if view.opacity() != opacity:  # setting it repaints the whole plot
            view.setOpacity(opacity)
        if notice and notice != self._notice.toPlainText():
            self._notice.setText(notice)
            (x0, x1), (y0, y1) = self.getPlotItem().getViewBox().viewRange()
            self._notice.setPos((x0 + x1) / 2, (y0 + y1) / 2)
            self._fit_notice()
        if self._notice.isVisible() != bool(notice):
            self._notice.setVisible(bool(notice))

    def _fit_notice(self) -> None:
        """Wrap the notice to the plot's width, less a margin on each side."""
        width = self.getPlotItem().getViewBox().width() - 2 * NOTICE_MARGIN
        self._notice.setTextWidth(max(width, 1.0))

    def add_text(self, text: str, anchor: tuple[float, float], scale: float = 1.0) -> pg.TextItem:
        """A text label in data coordinates, in the chart's font and colour (both follow the
        style), added to the plot."""
        label = pg.TextItem(text, color=self._style.foreground, anchor=anchor)
        label.scale_factor = scale
        label.setFont(self._text_font(scale))
        self._texts.append(label)
        self.addItem(label)
        return label

    def outline_pen(self, many: bool = False) -> pg.functions.QtGui.QPen:
        """The bar outline of the style; none when bars are too many to show one."""
        return (
            pg.mkPen(None)
            if many
            else pg.mkPen(self._style.outline, width=self._style.outline_width)
        )

    def fit_minimum_width(self) -> None:
        """Never narrower than the plot's title (pyqtgraph would clip it, not shrink it); the
        legend wraps into more rows instead of widening the chart."""
        self._wrap_legend()
        # With room for the short mark the title gets while the input is invalid.
        self.setMinimumWidth(max(MINIMUM_WIDTH, self._mark.minimum_width(self._title_font())))

    def _wrap_legend(self, width: float | None = None, height: float | None = None) -> None:
        """The legend's entries in rows above the plot, as many on a row as fit the chart's
        width (or ``width``: an export lays the chart out at its own size), in at most
        :data:`LEGEND_HEIGHT_SHARE` of its height; in columns beside the plot, in at most
        :data:`LEGEND_WIDTH_SHARE` of its width, when the chart is too short for both (or
        ``height`` is). Either way the plot keeps its room: names too long for theirs are
        cut (:func:`fitted_names`), whole in their tooltips."""
        width = self.width() if width is None else width
        height = self.height() if height is None else height
        width = max(width, MINIMUM_WIDTH)
        entries = max(1, len(self.legend.items))
        metrics = QFontMetricsF(self._text_font(1.0))
        texts = [legend_text(label) for _, label in self.legend.items]
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0.0)
        line = metrics.height()
        row = max((label.height() for _, label in self.legend.items), default=line)
        # Beside: as many rows as the plot's height holds (below the title, above the class
        # names), then more columns, while the plot keeps a chart's least width.
        plot_height = height - 1.5 * QFontMetricsF(self._title_font()).height() - 2 * line
        rows = max(1, int(plot_height // max(1.0, row + LEGEND_ROWS_BESIDE_SPACING)))
        columns_beside = math.ceil(entries / rows)
        parts = [legend_parts(text) for text in texts]
        # The least an entry takes: a few characters of its name, its number and its sums.
        around = max((metrics.horizontalAdvance(head + tail) for head, _, tail in parts), default=0)
        least = LEGEND_NAME_CHARACTERS * metrics.averageCharWidth() + LEGEND_SAMPLE_ROOM + around
        legend_width = min(
            columns_beside * (widest + LEGEND_SAMPLE_ROOM),
            max(LEGEND_WIDTH_SHARE * width, columns_beside * least),
        )
        beside = (
            height < SHORT_CHART_LINES * line
            and width - LEFT_AXIS_ROOM - legend_width >= MINIMUM_WIDTH
        )
        if beside:
            columns = columns_beside
            room = legend_width / columns - LEGEND_SAMPLE_ROOM
        else:  # above the plot, within its width (past the y axis)
            available = width - LEFT_AXIS_ROOM
            per_row = max(1, int(available // (widest + LEGEND_SAMPLE_ROOM)))
            most_rows = max(
                1, int((LEGEND_HEIGHT_SHARE * height - LEGEND_MARGINS) // max(row, 1.0))
            )
            # Past its share of the height, more columns, as many as the width holds with
            # a few characters of each name (never wider than the chart).
            columns = max(min(entries, per_row, LEGEND_COLUMNS), math.ceil(entries / most_rows))
            shortest = LEGEND_LEAST_CHARACTERS * metrics.averageCharWidth() + around
            columns = max(1, min(columns, int(available // (shortest + LEGEND_SAMPLE_ROOM))))
            # Fewer, past the share, while names cut to fit them cannot be told apart.
            names = [name for _, name, _ in parts]
            while columns > 1 and not told_apart(
                names, available / columns - LEGEND_SAMPLE_ROOM - around, metrics
            ):
                columns -= 1
            room = available / columns - LEGEND_SAMPLE_ROOM
        refitted = self._fit_legend_texts(texts, parts, room, metrics)
        if self.legend.columnCount == columns and beside == self.legend_beside and not refitted:
            return
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)
        elif refitted:  # its entries' new widths, not those they had
            self.legend.layout.invalidate()
            self.legend.layout.activate()
            self.legend.updateSize()
        self._place_legend(beside)
        # The plot was sized to the view within the least height of the legend as it was:
        # fit it again (an export sets its own size after this).
        item = self.getPlotItem()
        item.updateGeometry()  # its least size, cached, is the old legend's
        item.setGeometry(self.range)

    def _fit_legend_texts(
        self,
        texts: list[str],
        parts: list[tuple[str, str, str]],
        room: float,
        metrics: QFontMetricsF,
    ) -> bool:
        """Each legend entry's text (``parts``: :func:`legend_parts`) in ``room`` pixels: its
        name cut to fit, never two entries alike; its number and its sums whole. Whether a
        text changed."""
        least = LEGEND_LEAST_CHARACTERS * metrics.averageCharWidth()
        around = max((metrics.horizontalAdvance(head + tail) for head, _, tail in parts), default=0)
        names = [name for _, name, _ in parts]
        name_room = max(least, room - around)
        fitted = fitted_names(names, name_room, metrics)
        changed = False
        for (_, label), text, (head, _, tail), name in zip(
            self.legend.items, texts, parts, fitted, strict=True
        ):
            shown = html.escape(head + name + tail)
            if label.text != shown:
                label.setText(shown)
                changed = True
            label.fitted_text, label.full_text = shown, text
            label.setToolTip(html.unescape(text) if shown != text else "")
        return changed

    def _place_legend(self, beside: bool) -> None:
        """The legend in its row above the plot, or in a column right of it (a short chart
        would otherwise give the legend as much height as the plot)."""
        if beside == self.legend_beside:
            return
        self.legend_beside = beside
        layout = self.getPlotItem().layout
        layout.removeItem(self.legend)
        # Beside, its rows are closer: its height must not squeeze the axis under the plot.
        self.legend.layout.setVerticalSpacing(LEGEND_ROWS_BESIDE_SPACING if beside else 0)
        if beside:
            layout.addItem(self.legend, 2, 3, alignment=Qt.AlignLeft | Qt.AlignVCenter)
        else:
            layout.addItem(self.legend, 1, 1, alignment=Qt.AlignHCenter)

    def lay_out_for(self, width: float | None, height: float | None = None) -> None:
        """Fit what depends on the size (the legend's rows and place) to ``width`` × ``height``
        pixels, for an export at another size than the window's; None: back to the chart's
        own."""
        self._wrap_legend(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_minimum_width()

    def set_axis_label(self, text: str) -> None:
        if text == self._axis_label:
            return  # a new label makes the axis redraw itself from scratch
        self._axis_label = text
        self._apply_axis_label()

    def _apply_axis_label(self) -> None:
        text = self._axis_label
        if text is None:
            return
        self.getPlotItem().setLabel(
            "left",
            text,
            **{"font-size": f"{self._style.font_point_size}pt", "color": self._style.foreground},
        )

    def set_class_ticks(
        self, names: Sequence[str], suffixes: Sequence[str] = (), whole: Sequence[str] = ()
    ) -> None:
        """Class names under their groups (``suffixes`` added), then the labels ``whole``
        (the "other" bar's), each fitted to its slot (:class:`ClassAxis`)."""
        suffixes = tuple(suffixes) or ("",) * len(names)
        self.getPlotItem().getAxis("bottom").set_names(
            [name + suffix for name, suffix in zip(names, suffixes, strict=True)], whole
        )

    def class_span_end(self, bar_count: int, last_name: str) -> float:
        """Where the x span ends for ``bar_count`` groups: just past the last, or far enough
        for its name (the "other (k classes)", wrapped at its spaces) to be drawn whole
        under it."""
        end = max(bar_count, 1) - 0.4
        width = self.getPlotItem().getViewBox().width()
        metrics = QFontMetricsF(self.getPlotItem().getAxis("bottom").style["tickFont"] or QFont())
        widest = max(map(metrics.horizontalAdvance, last_name.split()), default=0.0)
        # (With some slack: the y axis may widen as its ticks change, narrowing the plot.)
        reach = widest / 2 + 12 - NAME_OVERHANG
        if not last_name or width <= 1 or reach >= width / 2:
            return end
        # The last name's centre, x = bar_count - 1, must be ``reach`` pixels from the end,
        # where a class is width / (end + 0.6) pixels wide.
        share = reach / width
        return max(end, (bar_count - 1 + 0.6 * share) / (1 - share))

    def mark_other_off_scale(self, other: np.ndarray, span: tuple[float, float]) -> None:
        """Say in each series' legend entry (its name, its colour) how far its "other" bar
        reaches when that is past the axis's ``span`` (the axis follows the classes shown, or
        they would be flattened; the bar is cut at the plot's edge): "★ P: other ↑ 0.996617",
        "A: Σ 0.141109 · other ↑ 0.140582" (after the name, kept whole when the legend cuts
        a long name). ``other`` holds the bars' values in the legend's order; infinite values
        have their own marks. Call it after the legend's texts are set."""
        notes = other_off_scale_notes(other, span)
        changed = False
        for index, (_, label) in enumerate(self.legend.items):
            given = legend_text(label)
            old = getattr(label, "other_note", "")
            base = given[: -len(old)] if old and given.endswith(old) else given
            note = notes[index] if index < len(notes) else ""
            if note:
                note = (" · " if ": " in html.unescape(base) else ": ") + note
            if base + note != given:
                label.setText(base + note)
                changed = True
            label.other_note = note
        if changed:
            self.fit_minimum_width()

    def fitting_classes(self) -> int:
        """How many classes the plot's width has room for, each with its name under it
        (:meth:`ClassAxis.class_slot`; before the chart is laid out: :data:`UNLAID_FITTING`)."""
        width = self.getPlotItem().getViewBox().width()
        if width <= 1:
            return UNLAID_FITTING
        # Less one for the "other" bar, and one for the span past the first and last groups.
        slot = self.getPlotItem().getAxis("bottom").class_slot()
        return max(MIN_FITTING, int(width // slot) - 2)

    def set_corner_widget(self, widget: QWidget) -> None:
        """Show ``widget`` (a chart's own control) in the top-right corner, beside the
        title, so the plot keeps its height in a small window."""
        widget.setParent(self)
        self.corner_widget = widget
        widget.show()
        self._place_corner_widget()
        self._show_title()  # less room beside it

    def _place_corner_widget(self) -> None:
        widget = getattr(self, "corner_widget", None)
        if widget is not None and widget.parent() is self:
            widget.adjustSize()
            widget.move(self.width() - widget.width() - 6, 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_corner_widget()
        if getattr(self, "legend", None) is not None and self.getPlotItem() is not None:
            self._wrap_legend()  # (pyqtgraph resizes during __init__, and while closing)
            if self._mark.stale or self._title_notes:
                self._show_title()  # the long or the short mark, or note

    def set_x_span(self, first: float, last: float) -> None:
        """Show x from ``first`` to ``last``; only when the span changes (keeps a user's zoom)."""
        if self._x_span == (first, last):
            return
        self._x_span = (first, last)
        self.getPlotItem().getViewBox().setXRange(first, last, padding=0)

    def reset_zoom(self) -> None:
        """Back to every class in view (after zooming with the mouse wheel)."""
        if self._x_span is not None:
            self.getPlotItem().getViewBox().setXRange(*self._x_span, padding=0)

    def mouseDoubleClickEvent(self, event) -> None:
        self.reset_zoom()
        super().mouseDoubleClickEvent(event)

    def set_y_span(
        self, low: float, high: float, bottom_margin: float = 0.0, hold: bool = False
    ) -> tuple[float, float]:
        """Show the data range [low, high] (plus ``bottom_margin`` × its extent below, so a
        zero line is not on the edge). While ``hold`` (a drag), keep the current span while
        the data fits it: the drag then changes bars only, and the axes need no new ticks
        every frame; a span that must grow gets room to grow more. Returns the span shown."""
        data_span = next_y_span(self._y_data_span, low, high, hold)
        if data_span != self._y_data_span:
            self._y_data_span = data_span
            low, high = data_span
            self._y_span = (low - bottom_margin * (high - low), high)
            self.getPlotItem().getViewBox().setYRange(*self._y_span, padding=0)
        return self._y_span

    def reset_y_span(self) -> None:
        """An axis from 0 to 1, whatever was shown before (an empty chart)."""
        self._y_data_span = None
        self.set_y_span(0.0, 1.0)

    # -- hover ----------------------------------------------------------------------------------

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The tooltip for data coordinates (x, y); subclasses say what is there."""
        return None

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        plot = self.getPlotItem()
        if not plot.vb.sceneBoundingRect().contains(position):
            QToolTip.hideText()
            return
        point = plot.vb.mapSceneToView(position)
        text = self.tooltip_at(point.x(), point.y())
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()


def next_y_span(
    current: tuple[float, float] | None, low: float, high: float, hold: bool = True
) -> tuple[float, float]:
    """The y span (before any margin) to show data from ``low`` to ``high``: the data's
    own, unless ``hold`` (a drag): then ``current`` while the data fits it (it never
    shrinks during a drag), or one that holds both, with room to grow on the side that
    overflowed."""
    if not (math.isfinite(low) and math.isfinite(high)):
        low, high = 0.0, 1.0
    if high - low <= 1e-12:
        high = low + EMPTY_Y_SPAN
    if current is None or not hold:
        return low, high
    shown_low, shown_high = current
    if shown_low <= low and high <= shown_high:
        return current
    return _with_room(min(low, shown_low), max(high, shown_high), low, high, current)


def _with_room(
    new_low: float, new_high: float, low: float, high: float, current: tuple[float, float]
) -> tuple[float, float]:
    """[new_low, new_high] with room to grow on the side(s) where the data left ``current``."""
    room = (Y_SPAN_GROWTH - 1) * (new_high - new_low)
    if high > current[1]:
        new_high += room
    if low < current[0] and low < 0:  # a span that starts at 0 stays there
        new_low -= room
    return new_low, new_high


def show_markers(markers: pg.ScatterPlotItem, spots: list[dict]) -> None:
    """Show ``spots`` (ScatterPlotItem.setData's dicts); an empty item is hidden, since
    pyqtgraph paints even an empty scatter, at a cost on every repaint."""
    if spots or len(markers.data):
        markers.setData(spots)
    markers.setVisible(bool(spots))


def filter_notes(selection: ClassSelection, class_count: int, find: str) -> list[str]:
    """What a per-class chart's title says while ``find`` filters its classes (none
    without a filter), longest first: how many of all the classes match, and what."""
    if not find:
        return []
    counts = (f"{selection.matching:,}", f"{class_count:,}")
    return [
        QCoreApplication.translate("BarChart", "%s of %s classes matching “%s”") % (*counts, find),
        QCoreApplication.translate("BarChart", "%s of %s classes") % counts,
        QCoreApplication.translate("BarChart", "%s of %s") % counts,
    ]


def other_label(selection: ClassSelection) -> list[str]:
    """The label of the bar summing the classes a per-class chart does not show (none when
    there is no such bar)."""
    if not selection.other_count:
        return []
    return [
        QCoreApplication.translate("BarChart", "other (%s classes)") % f"{selection.other_count:,}"
    ]


def other_off_scale_notes(other: np.ndarray, span: tuple[float, float]) -> list[str]:
    """For each "other" bar, what its series' legend entry adds when the bar reaches past
    ``span`` ("other ↑ 0.996617"); "" for a bar within it, or infinite."""
    bottom, top = span
    notes = []
    for value in map(float, other):
        if not math.isfinite(value) or bottom <= value <= top:
            notes.append("")
            continue
        arrow = "↑" if value > top else "↓"
        note = QCoreApplication.translate("BarChart", "other %s %s")
        notes.append(note % (arrow, format_number(value)))
    return notes


def scale_values(values: np.ndarray, selection: ClassSelection | None) -> np.ndarray:
    """The columns of ``values`` (the bars: shown classes, then "other") the y axis is sized
    to: without the "other" bars when they would flatten every class shown (a sum of 31,000
    classes beside single ones), which are then marked as off the scale."""
    if selection is None or not selection.other_count or values.shape[1] < 2:
        return values
    low, high = finite_range(values[:, :-1])
    other_low, other_high = finite_range(values[:, -1:])
    if max(-other_low, other_high) <= OTHER_SCALE_LIMIT * max(-low, high):
        return values
    return values[:, :-1]


def legend_label(name: str) -> str:
    """A series' name for a legend: HTML-escaped (legends read HTML); the legend cuts it to
    the room it has (:meth:`BarChart._wrap_legend`)."""
    return html.escape(name)


def legend_parts(text: str) -> tuple[str, str, str]:
    """A legend entry's (HTML) text as plain (head, name, tail): a number or ★ before the
    name, a ": " and what follows it (sums, counts) after it."""
    head, name, tail = re.fullmatch(r"(\d+ |★ )?(.*?)(: .*)?", html.unescape(text), re.S).groups()
    return head or "", name, tail or ""


def legend_text(label: pg.LabelItem) -> str:
    """The text a chart gave a legend entry, before the legend cut it to fit."""
    if label.text == getattr(label, "fitted_text", None):
        return label.full_text
    return label.text


def finite_range(*arrays: np.ndarray) -> tuple[float, float]:
    """The smallest and largest finite value over ``arrays`` (0 included, so bars have a base)."""
    low, high = 0.0, 0.0
    for array in arrays:
        finite = array[np.isfinite(array)]
        if finite.size:
            low = min(low, float(finite.min()))
            high = max(high, float(finite.max()))
    return low, high
