"""One rule for a number written as text (core.formats.number_text), whatever reads it:
its value exactly as float() reads it, unless a double cannot hold it: a number that is not 0
but reads as 0, or is finite but reads as infinity, is refused, saying which."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.formats.number_text import OutOfRange, number_value, refuse_lost_value


def numbers() -> st.SearchStrategy[str]:
    """Numbers near both ends of the doubles, written in many ways."""
    digits = st.text("0123456789", min_size=1, max_size=25)
    mantissa = st.one_of(
        digits, st.builds(lambda i, f: f"{i}.{f}", digits, digits), st.just("0.000")
    )
    exponent = st.integers(-450, 450).map(lambda e: f"e{e}")
    sign = st.sampled_from(["", "-", "+"])
    return st.builds(lambda s, m, e: s + m + e, sign, mantissa, exponent)


@given(numbers())
def test_a_number_is_refused_exactly_when_a_double_cannot_hold_it(text):
    value = float(text)
    zero_digits = not any(digit in "123456789" for digit in text.partition("e")[0])
    lost = (value == 0 and not zero_digits) or math.isinf(value)
    try:
        assert number_value(text) == value
    except OutOfRange as error:
        assert lost, text
        assert error.too_small == (value == 0)
    else:
        assert not lost, text


@pytest.mark.parametrize("text", ["inf", "-Infinity", "+INF", "nan", "0", "-0.0", "0e-999"])
def test_infinity_nan_and_zero_written_as_such_are_values(text):
    assert repr(number_value(text)) == repr(float(text))


def test_the_message_shows_both_ends_of_a_long_number():
    with pytest.raises(OutOfRange) as caught:
        number_value("0." + "0" * 400 + "1e-5")
    assert str(caught.value) == (
        "'0.000000000000000000…0000000000000001e-5' is too small for a double "
        "(below 4.9e-324): it would be read as 0"
    )


def test_digits_with_underscores_are_not_a_number():
    with pytest.raises(ValueError) as caught:
        number_value("1_000")
    assert not isinstance(caught.value, OutOfRange)


@pytest.mark.parametrize(
    ("number", "value", "lost"),
    [(1e-322, 1e-324, "small"), (1e300, math.inf, "large"), (0.0, 0.0, None), (1.0, 0.5, None)],
)
def test_a_value_made_from_a_number_must_keep_what_it_says(number, value, lost):
    if lost is None:
        refuse_lost_value(number, value, "typed")
        return
    with pytest.raises(OutOfRange) as caught:
        refuse_lost_value(number, value, "typed")
    assert caught.value.too_small == (lost == "small")
    assert str(caught.value).startswith("'typed' is too")
