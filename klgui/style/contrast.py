"""Contrast between colours, as WCAG 2 measures it: controls must stand out from what is
behind them by 3:1 at least (WCAG's "non-text contrast")."""

from __future__ import annotations

from PySide6.QtGui import QColor

#: The least contrast a control's outline, handle or indicator needs against its background.
CONTROL_CONTRAST = 3.0


def relative_luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """From 1 (the same luminance) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def legible_on(colour: QColor, background: QColor, ratio: float = CONTROL_CONTRAST) -> QColor:
    """``colour``, made lighter (on a dark background) or darker (on a light one) until it
    stands out from ``background`` by ``ratio``; as it is when it already does."""
    result = QColor(colour)
    lighten = relative_luminance(background) < 0.18
    for _ in range(40):
        if contrast_ratio(result, background) >= ratio:
            break
        hue, saturation, value, alpha = result.getHsvF()
        if lighten:
            value, saturation = min(1.0, value + 0.05), max(0.0, saturation - 0.03)
        else:
            value = max(0.0, value - 0.05)
        result = QColor.fromHsvF(max(hue, 0.0), saturation, value, alpha)
    return result
