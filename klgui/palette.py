"""Colours: the Okabe–Ito palette, safe for colour-blind viewers and readable on a projector."""

from __future__ import annotations

from PySide6.QtGui import QColor

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
BANNER_COLOUR = QColor("#fff3c4")


def model_colour(index: int) -> QColor:
    """The colour of the model at ``index`` among the models (not counting the reference)."""
    return MODEL_COLOURS[index % len(MODEL_COLOURS)]
