"""Reading a number a person typed or pasted: 0.25, 0,25, 25%, 1/4, 2.5e-1."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication

from core.errors import shortened
from core.formats.number_text import OutOfRange, number_value, refuse_lost_value

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
        return number_value(cleaned)
    except OutOfRange as error:
        raise _out_of_range(text.strip(), error) from None
    except ValueError:
        raise ValueParseError(
            QCoreApplication.translate("values", "%s is not a number") % repr(text.strip())
        ) from None


def _out_of_range(written: str, error: OutOfRange) -> ValueParseError:
    """What the cell says of a number a double cannot hold (core.formats.number_text)."""
    if error.too_small:
        message = QCoreApplication.translate(
            "values", "%s is too small for a double (below 4.9e-324): it would be read as 0"
        )
    else:
        message = QCoreApplication.translate(
            "values", "%s is too large for a double (above 1.8e308)"
        )
    return ValueParseError(message % repr(shortened(written)))


def _kept(value: float, number: float, written: str) -> float:
    """``value``, made from ``number`` (a percentage, a fraction of it), unless a double
    cannot hold it: 1e-323% would be 0, though it is not."""
    try:
        refuse_lost_value(number, value, written)
    except OutOfRange as error:
        raise _out_of_range(written, error) from None
    return value


def parse_value(text: str) -> float:
    """The number in ``text``. Infinity parses (the cell then shows why it is invalid); NaN
    is refused, since the table holds NaN for an empty cell and would silently empty it; a
    number a double cannot hold (1e-400, 1e400), or a value it cannot hold made from one
    (1e-200/1e200), is refused: a value > 0 as typed is never 0."""
    value = _parsed(text)
    if math.isnan(value):  # "nan", "nan%", "inf/inf"
        raise ValueParseError(
            QCoreApplication.translate(
                "values", "%s is not a number; type a probability or a count"
            )
            % repr(shortened(text.strip()))
        )
    return value


def _parsed(text: str) -> float:
    stripped = text.strip()
    if not stripped:
        raise ValueParseError(
            QCoreApplication.translate("values", "the cell is empty; type a number")
        )
    if stripped.endswith("%"):
        number = _plain(stripped[:-1])
        return _kept(number / 100.0, number, stripped)
    fraction = _FRACTION.match(stripped)
    if fraction:
        numerator, denominator = _plain(fraction[1]), _plain(fraction[2])
        if denominator == 0:
            raise ValueParseError(
                QCoreApplication.translate("values", "%s divides by zero") % repr(stripped)
            )
        if math.isinf(denominator):  # a number divided by infinity is 0 indeed
            return numerator / denominator
        return _kept(numerator / denominator, numerator, stripped)
    return _plain(stripped)


def format_editable(value: float) -> str:
    """A value as the editor shows it for editing: short, but exact enough to round-trip."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = f"{value:.15g}"
    return text if float(text) == value else repr(value)
