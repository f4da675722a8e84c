"""One rule for the delimiter and the decimal comma (core.formats.delimiters), held by every
reader of delimited text: the detection that tells predictions from tables, the prediction
readers (both engines) and the table reader split a header alike, and all of them read
"0,25" with ';' or tab delimiters."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import FormatError
from core.formats import read_workspace
from core.formats.delimiters import sniff_delimiter, with_decimal_point
from core.predictions import polars_import
from core.predictions.detection import header_columns, is_prediction_file
from core.predictions.readers import read_predictions


@pytest.fixture(params=["polars", "numpy"])
def engine(request, monkeypatch) -> str:
    """Text files are read with polars, or with numpy when polars is not installed."""
    if request.param == "numpy":
        monkeypatch.setattr(polars_import, "import_polars", lambda: None)
    return request.param


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("label,a,b", ","),
        ("label;a;b", ";"),
        ("label\ta\tb", "\t"),
        ("label;x,y,z", ","),  # the most frequent
        ("label,x;y,z", ","),  # a ';' in a class name of a CSV
        ("label;x,y;z", ";"),  # a tie goes to ';' before ','
        ("label\tx;y\tz;w", "\t"),  # and to a tab before ';'
        ('"label;a;b",c,d', ","),  # quoted fields do not count
        ("label", None),
    ],
)
def test_the_header_decides_the_delimiter(header, delimiter):
    assert sniff_delimiter(header) == delimiter


@pytest.mark.parametrize(
    ("header", "row", "columns"),
    [
        ("label;x,y,z", "y;0.5,0.25,0.25", ["label;x", "y", "z"]),
        ("label,x;y,z", "z,0.5,0.5", ["label", "x;y", "z"]),
        ("a,b;label;c", "0.5;c;0.5", ["a,b", "label", "c"]),
        ("id;label;a,b;c", "1;c;0.5;0.5", ["id", "label", "a,b", "c"]),
    ],
)
def test_detection_and_the_prediction_reader_split_a_header_alike(
    tmp_path, engine, header, row, columns
):
    path = write(tmp_path / "p.csv", f"{header}\n{row}\n")
    assert header_columns(path) == columns
    if "label" in columns:
        assert is_prediction_file(path)
        (model,) = read_predictions(path)
        assert model.classes == tuple(c for c in columns if c not in ("id", "label"))
    else:  # not predictions, and the reader, told to read it, sees the same columns
        assert not is_prediction_file(path)
        with pytest.raises(FormatError) as caught:
            read_predictions(path)
        assert caught.value.reason.startswith("no true-label column")
        assert ", ".join(repr(column) for column in columns) in caught.value.reason


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_prediction_files_read_a_decimal_comma_as_tables_do(tmp_path, engine, delimiter):
    rows = [["label", "a", "b"], ["a", "0,5", "0,5"], ["b", "0.25", "7,5e-1"], ["a", "1", "0"]]
    text = "".join(delimiter.join(row) + "\n" for row in rows)
    (model,) = read_predictions(write(tmp_path / "p.csv", text))
    assert model.probabilities.tolist() == [[0.5, 0.5], [0.25, 0.75], [1.0, 0.0]]
    table = "".join(delimiter.join(row) + "\n" for row in [["class", "P"], ["a", "0,5"]])
    table += f"b{delimiter}0.5\n"
    workspace = read_workspace(write(tmp_path / "t.csv", table))
    assert workspace.distribution("P").values.tolist() == [0.5, 0.5]


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("1,2,5", "'1,2,5' is not a number"),  # two commas
        ("0,5.1", "'0,5.1' is not a number"),  # a comma and a point
        ("1,0e-400", "'1,0e-400' is too small for a double"),
    ],
)
def test_what_a_decimal_comma_cannot_make_a_number_is_refused_where_it_is(
    tmp_path, engine, cell, words
):
    text = f"label;a;b\na;0;1\nb;{cell};1\n"
    with pytest.raises(FormatError) as caught:
        read_predictions(write(tmp_path / "p.csv", text))
    assert (caught.value.line, caught.value.column) == (3, 2)
    assert words in caught.value.reason


def test_a_comma_delimiter_allows_no_decimal_comma(tmp_path, engine):
    with pytest.raises(FormatError) as caught:
        read_predictions(write(tmp_path / "p.csv", 'label,a,b\na,"0,5","0,5"\n'))
    assert (caught.value.line, caught.value.column) == (2, 2)
    assert "'0,5' is not a number" in caught.value.reason
    assert with_decimal_point("0,5", ",") == "0,5"
    assert with_decimal_point("0,5", ";") == "0.5"
