"""How numbers read in the tables, tooltips and labels: one rule everywhere."""

from __future__ import annotations

import math

INFINITY = "∞"
#: Significant digits of a number in a table: a typed 0.333333 shows whole, and a small
#: value keeps the precision of its neighbours (8.76543e-05 beside 0.00301071).
SIGNIFICANT_DIGITS = 6


def format_number(value: float, digits: int = SIGNIFICANT_DIGITS) -> str:
    """``digits`` significant digits, trailing zeros dropped; scientific notation below
    0.0001 and from 10^digits on; a typographic minus; ∞ and — for what is not a number."""
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return INFINITY if value > 0 else "−" + INFINITY
    return f"{value:.{digits}g}".replace("-", "−")


def format_precise(value: float) -> str:
    """A number in a tooltip, by the tables' rule with its six significant digits (however
    few a chart's label shows)."""
    return format_number(value)
