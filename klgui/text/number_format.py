"""How numbers read in the tables, tooltips and labels."""

from __future__ import annotations

import math

INFINITY = "∞"


def format_number(value: float, decimals: int = 4) -> str:
    """Fixed decimals for easy comparison down a column; tiny values in scientific notation."""
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return INFINITY if value > 0 else "−" + INFINITY
    if value == 0:
        return f"{0:.{decimals}f}"
    if abs(value) < 10 ** -(decimals - 1):
        return f"{value:.2e}".replace("-", "−")
    return f"{value:.{decimals}f}".replace("-", "−")


def format_precise(value: float) -> str:
    """Six significant digits, for tooltips: more than a table shows, less than noise."""
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return INFINITY if value > 0 else "−" + INFINITY
    return f"{value:.6g}".replace("-", "−")
