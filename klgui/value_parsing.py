"""Reading a number a person typed or pasted: 0.25, 0,25, 25%, 1/4, 2.5e-1."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication

_FRACTION = re.compile(r"^\s*([^/]+)/([^/]+)\s*$")


class ValueParseError(ValueError):
    """The text is not a number; the message says what was typed."""


def _plain(text: str) -> float:
    cleaned = text.strip().replace("\u2212", "-").replace(" ", "")
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        whole, fraction = cleaned.split(",")
        if len(fraction) == 3 and whole.lstrip("+-") not in ("", "0"):
            # 1,000 is a thousand in English and one in German: ask rather than guess.
            raise ValueParseError(
                QCoreApplication.translate("values", "%s is ambiguous: write %s or %s")
                % (repr(text.strip()), f"{whole}{fraction}", f"{whole}.{fraction}")
            )
        cleaned = f"{whole}.{fraction}"  # a decimal comma, as typed in much of Europe
    try:
        return float(cleaned)
    except ValueError:
        raise ValueParseError(
            QCoreApplication.translate("values", "%s is not a number") % repr(text.strip())
        ) from None


def parse_value(text: str) -> float:
    """The number in ``text``. NaN and infinity parse (the cell then shows why it is invalid)."""
    stripped = text.strip()
    if not stripped:
        raise ValueParseError(
            QCoreApplication.translate("values", "the cell is empty; type a number")
        )
    if stripped.endswith("%"):
        return _plain(stripped[:-1]) / 100.0
    fraction = _FRACTION.match(stripped)
    if fraction:
        numerator, denominator = _plain(fraction[1]), _plain(fraction[2])
        if denominator == 0:
            raise ValueParseError(
                QCoreApplication.translate("values", "%s divides by zero") % repr(stripped)
            )
        return numerator / denominator
    return _plain(stripped)


def format_editable(value: float) -> str:
    """A value as the editor shows it for editing: short, but exact enough to round-trip."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = f"{value:.15g}"
    return text if float(text) == value else repr(value)
