"""The value of a number written as text, with nothing changed on the way: one rule for every
reader of numbers (tables, JSON, sessions, prediction files) and for the editor.

``float()`` reads a number too small for a double (``1e-400``, below 4.9e-324) as 0 and one
too large (``1e400``, above 1.8e308) as infinity, without a word: a probability that is > 0
where it is written would be 0 in every computation, and a KL that is infinite would be 0.
:func:`number_value` refuses both, saying which (:class:`OutOfRange`); a value that is made
from the number (a percentage, a fraction) is checked by :func:`refuse_lost_value`.
"""

from __future__ import annotations

import math

from core.errors import shortened

#: What the messages say the limits of a double are.
SMALLEST_DOUBLE = "4.9e-324"
LARGEST_DOUBLE = "1.8e308"
#: The spellings of infinity float() reads (in any case, with a sign): infinite on purpose.
_INFINITY = frozenset({"inf", "infinity"})


class OutOfRange(ValueError):
    """A number a double cannot hold: ``too_small`` (> 0 but read as 0) or too large (finite,
    but read as infinity). The message says so, quoting the number as it is written."""

    def __init__(self, text: str, *, too_small: bool) -> None:
        self.text = text
        self.too_small = too_small
        quoted = repr(shortened(text))
        if too_small:
            why = f"too small for a double (below {SMALLEST_DOUBLE}): it would be read as 0"
        else:
            why = f"too large for a double (above {LARGEST_DOUBLE})"
        super().__init__(f"{quoted} is {why}")


def number_value(text: str) -> float:
    """The value of ``text`` (a number as float() writes it, without surrounding spaces; '_'
    between digits is not taken). ValueError if it is not a number, OutOfRange (a
    ValueError) if a double cannot hold it. NaN and infinity spelled as such are values."""
    if "_" in text:  # float() takes "1_000"; a table should not
        raise ValueError(f"not a number: {text!r}")
    value = float(text)
    if value == 0 and not is_zero_text(text):
        raise OutOfRange(text, too_small=True)
    if math.isinf(value) and text.lstrip("+-").lower() not in _INFINITY:
        raise OutOfRange(text, too_small=False)
    return value


def refuse_lost_value(number: float, value: float, written: str) -> None:
    """OutOfRange if ``value``, made from the finite number ``number`` (a percentage of it, or
    it divided by a finite number), is 0 though ``number`` is not, or infinite: a double
    cannot hold it. ``written`` is the text the user wrote, for the message."""
    if number == 0 or not math.isfinite(number):
        return
    if value == 0:
        raise OutOfRange(written, too_small=True)
    if math.isinf(value):
        raise OutOfRange(written, too_small=False)


def reads_as_a_false_zero(text: str) -> bool:
    """Whether ``text`` is a number whose digits are not all 0 but that reads as 0.0."""
    if "_" in text:
        return False
    try:
        value = float(text)
    except ValueError:
        return False
    return value == 0 and not is_zero_text(text)


def is_zero_text(text: str) -> bool:
    """Whether the digits of a number's text (before any exponent) are all 0."""
    digits = text.lower().partition("e")[0]
    return not any(digit in "123456789" for digit in digits)
