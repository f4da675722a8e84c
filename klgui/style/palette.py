"""Colours: the Okabe–Ito palette, safe for colour-blind viewers and readable on a projector."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

#: Okabe–Ito without black (yellow last, it is the faintest on white), then Paul Tol's
#: "muted" scheme: 16 colours, all distinguishable with the common colour-vision deficiencies.
MODEL_COLOURS = tuple(
    QColor(code)
    for code in (
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
        "#F0E442",
        "#332288",
        "#88CCEE",
        "#44AA99",
        "#117733",
        "#999933",
        "#DDCC77",
        "#CC6677",
        "#882255",
        "#AA4499",
    )
)
#: The reference P in the light theme (charts take it from their ChartStyle).
REFERENCE_COLOUR = QColor("#3b3b3b")
INVALID_CELL_COLOUR = QColor("#f8d0c8")
SUM_ROW_COLOUR = QColor("#eeeeee")
BEST_ROW_COLOUR = QColor("#d9f0d3")  # pale green: readable on a projector, also in grey
#: The same roles on a dark background.
DARK_INVALID_CELL_COLOUR = QColor("#6b2626")
DARK_SUM_ROW_COLOUR = QColor("#303030")
DARK_BEST_ROW_COLOUR = QColor("#1e4d2b")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.Window).lightness() < 128


@dataclass(frozen=True)
class TableBrushes:
    invalid_cell: QBrush
    sum_row: QBrush
    best_row: QBrush


_brushes: dict[int, TableBrushes] = {}


def table_brushes() -> TableBrushes:
    """Backgrounds that read on the application's current palette (light or dark); cached,
    since table models ask for them on every repaint."""
    palette = QGuiApplication.palette()
    key = palette.cacheKey()
    if key not in _brushes:
        colours = (
            (DARK_INVALID_CELL_COLOUR, DARK_SUM_ROW_COLOUR, DARK_BEST_ROW_COLOUR)
            if is_dark(palette)
            else (INVALID_CELL_COLOUR, SUM_ROW_COLOUR, BEST_ROW_COLOUR)
        )
        _brushes[key] = TableBrushes(*(QBrush(colour) for colour in colours))
    return _brushes[key]


BANNER_COLOUR = QColor("#fff3c4")


@dataclass(frozen=True)
class BannerColours:
    """A warning strip's amber background, its border and its text: the text reads on the
    background (WCAG's 4.5:1), in the light theme and the dark one."""

    background: QColor
    border: QColor
    text: QColor


_LIGHT_BANNER = BannerColours(BANNER_COLOUR, QColor("#c9a400"), QColor("#202020"))
_DARK_BANNER = BannerColours(QColor("#3d3300"), QColor("#9c8200"), QColor("#f0f0f0"))


def banner_colours() -> BannerColours:
    """The warning strip's colours on the application's current palette."""
    return _DARK_BANNER if is_dark(QGuiApplication.palette()) else _LIGHT_BANNER


def model_colour(index: int) -> QColor:
    """The colour of the model at ``index`` among the models (not counting the reference)."""
    return MODEL_COLOURS[index % len(MODEL_COLOURS)]


def colour_of_model(name: str, table_models: Sequence[str]) -> QColor:
    """The colour of model ``name`` by its place among the table's models: one left out of
    the comparison while it is invalid leaves the others their colours. A name the table no
    longer has (the last valid input shows a model since removed) takes the next colour."""
    return model_colour(table_models.index(name) if name in table_models else len(table_models))
