"""The search for numbers too small for a double (core.predictions.tiny_numbers): whatever way
a number is written, it is refused exactly when it is not 0 but reads as 0.0."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import FormatError
from core.predictions.tiny_numbers import refuse_false_zeros

COLUMNS = {1: "a", 2: "b"}


def numbers() -> st.SearchStrategy[str]:
    """Numbers near the smallest double (4.9e-324), written in every way a file may hold."""
    digits = st.text("0123456789", min_size=0, max_size=30)
    zeros = st.integers(0, 340).map(lambda count: "0" * count)
    mantissa = st.one_of(
        st.builds(lambda i, f: f"{i}.{f}" if i or f else "0", digits, digits),
        st.builds(lambda z, f: f"0.{z}{f}", zeros, digits),
        st.builds(lambda i: i or "0", digits),
    )
    exponent = st.one_of(
        st.just(""),
        st.integers(-420, 40).map(lambda e: f"e{e}"),
        st.integers(-420, -90).map(lambda e: f"E-{'0' * 3}{-e}"),  # leading zeros
    )
    return st.builds(lambda m, e: m + e, mantissa, exponent)


def reads_as_a_false_zero(number: str) -> bool:
    return float(number) == 0 and any(digit in "123456789" for digit in number.split("e")[0])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(number=numbers(), delimiter=st.sampled_from([",", ";", "\t"]))
def test_a_number_is_refused_exactly_when_it_reads_as_a_false_zero(
    tmp_path_factory, number, delimiter
):
    written = number.replace(".", ",") if delimiter != "," else number  # a decimal comma
    rows = [["label", "a", "b"], ["x", "0", "1"], ["y", written, "1"], ["z", "3.5e-310", "1"]]
    path = Path(tmp_path_factory.mktemp("tiny")) / "p.csv"
    path.write_text("".join(delimiter.join(row) + "\n" for row in rows), encoding="utf-8")
    expected = reads_as_a_false_zero(number.lower())
    try:
        refuse_false_zeros(str(path), "utf-8", delimiter, COLUMNS, lambda done: None)
    except FormatError as error:
        assert expected, f"{number!r} was refused: {error}"
        assert (error.line, error.column) == (3, 2)
    else:
        assert not expected, f"{number!r} reads as 0 but was not refused"


@pytest.mark.parametrize("encoding", ["utf-8", "cp949", "utf-16"])
def test_lines_are_counted_in_every_encoding_and_across_windows(
    tmp_path, monkeypatch, encoding
):
    from core.predictions import tiny_numbers

    monkeypatch.setattr(tiny_numbers, "_SCAN_BYTES", 100)  # lines cut by block ends
    lines = ["레이블,a,b", *[f"가{row},0.{'0' * (row % 9)}5e-300,1" for row in range(300)]]
    lines.insert(250, "나,1e-400,1")
    path = tmp_path / "p.csv"
    path.write_bytes("\n".join(lines).encode(encoding))
    with pytest.raises(FormatError) as caught:
        refuse_false_zeros(str(path), encoding, ",", COLUMNS, lambda done: None)
    assert (caught.value.line, caught.value.column) == (251, 2)


def test_numbers_outside_the_probability_columns_and_in_the_header_are_not_refused(tmp_path):
    text = "1e-400,a,b\n" + "1e-400,0,1\n" * 1000 + "x,0.5,0.5"  # no line end at the end
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8")
    refuse_false_zeros(str(path), "utf-8", ",", COLUMNS, lambda done: None)
