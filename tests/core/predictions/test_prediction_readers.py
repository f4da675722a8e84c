"""Prediction files (CSV/TSV, Parquet, .npz, .npy + labels) → ModelPredictions.

Every format and variant reads back exactly; every bad input is a FormatError naming the file
and the line (text) or sample (arrays); nothing else escapes, even for random bytes; reading
is cancellable and reports progress. Text files are read twice: with polars and with the
numpy fallback used when polars is missing.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import FormatError
from core.predictions import Cancelled, ModelPredictions, polars_import, tiny_numbers
from core.predictions.readers import (
    arrays,
    blocks,
    parquet,
    progress,
    read_predictions,
    text_header,
)
from tests.conftest import REPOSITORY as ROOT

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(params=["polars", "numpy"])
def engine(request, monkeypatch) -> str:
    """Text files are read with polars, or with numpy when polars is not installed."""
    if request.param == "numpy":
        monkeypatch.setattr(polars_import, "import_polars", lambda: None)
    return request.param


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def fails(path: Path, **options) -> FormatError:
    """The FormatError reading ``path`` raises; it always names the file it is about."""
    with pytest.raises(FormatError) as caught:
        read_predictions(path, **options)
    error = caught.value
    assert error.path is not None
    assert str(error).startswith(str(error.path))
    return error


def one(path: Path, **options) -> ModelPredictions:
    models = read_predictions(path, **options)
    assert len(models) == 1
    return models[0]


def check_arrays(model: ModelPredictions) -> None:
    """What every reader promises about the arrays."""
    assert model.probabilities.flags.c_contiguous
    assert not model.probabilities.flags.writeable
    assert not model.labels.flags.writeable
    assert model.labels.dtype == np.int64
    assert model.probabilities.shape == (len(model.labels), len(model.classes))


THREE = "id,label,dog,cat,rabbit\n0,cat,0.1,0.8,0.1\n1,dog,0.7,0.2,0.1\n2,rabbit,0.25,0.25,0.5\n"


# -- delimited text -------------------------------------------------------------------------


def test_csv_with_class_names_as_labels(tmp_path, engine):
    path = write(tmp_path / "resnet.csv", THREE)
    model = one(path)
    check_arrays(model)
    assert model.name == "resnet"
    assert model.source == str(path)
    assert model.classes == ("dog", "cat", "rabbit")
    assert model.labels.tolist() == [1, 0, 2]
    assert model.probabilities.dtype == np.float64  # decimal text: held as float64, exactly
    np.testing.assert_array_equal(
        model.probabilities, [[0.1, 0.8, 0.1], [0.7, 0.2, 0.1], [0.25, 0.25, 0.5]]
    )


def test_integer_labels_are_indices(tmp_path, engine):
    path = write(tmp_path / "p.csv", "label,dog,cat,rabbit\n2,0.1,0.1,0.8\n0,0.6,0.2,0.2\n")
    assert one(path).labels.tolist() == [2, 0]


def test_numbers_that_are_class_names_are_names(tmp_path, engine):
    # "1" and "3" are class names here, so the labels are names, not indices.
    path = write(tmp_path / "p.csv", "label,3,1,2\n1,0.1,0.8,0.1\n3,0.8,0.1,0.1\n")
    model = one(path)
    assert model.classes == ("3", "1", "2")
    assert model.labels.tolist() == [1, 0]


def test_integer_labels_out_of_range_are_not_indices(tmp_path, engine):
    path = write(tmp_path / "p.csv", "label,dog,cat\n0,0.5,0.5\n2,0.5,0.5\n")
    error = fails(path)
    assert error.line == 3
    assert "'2' is neither a class index (0 to 1) nor a class name" in error.reason


def test_prefixed_column_groups_are_models(tmp_path, engine):
    text = (
        "sample_id,y_true,A:dog,A:cat,B:cat,B:dog\n7,dog,0.9,0.1,0.3,0.7\n8,cat,0.2,0.8,0.6,0.4\n"
    )
    a, b = read_predictions(write(tmp_path / "two.csv", text))
    for model in (a, b):
        check_arrays(model)
        assert model.classes == ("dog", "cat")
        assert model.labels.tolist() == [0, 1]
    assert (a.name, b.name) == ("A", "B")
    np.testing.assert_allclose(a.probabilities, [[0.9, 0.1], [0.2, 0.8]], rtol=1e-6)
    # B's columns come in another order; its array follows the classes.
    np.testing.assert_allclose(b.probabilities, [[0.7, 0.3], [0.4, 0.6]], rtol=1e-6)


def test_custom_label_column(tmp_path, engine):
    path = write(tmp_path / "p.csv", "Truth,dog,cat,target\ndog,0.6,0.4,x\ncat,0.3,0.7,y\n")
    model = one(path, label_column="truth")  # any case; the other label-like column is ignored
    assert model.classes == ("dog", "cat")
    assert model.labels.tolist() == [0, 1]


@pytest.mark.parametrize("name", ["LABEL", "Y_True", "target"])
def test_label_column_names_in_any_case(tmp_path, engine, name):
    path = write(tmp_path / "p.csv", f"{name},dog,cat\ncat,0.4,0.6\n")
    assert one(path).labels.tolist() == [1]


@pytest.mark.parametrize(
    ("suffix", "delimiter"),
    [(".tsv", "\t"), (".csv", ";"), (".txt", "\t"), (".tab", "\t"), (".csv", ",")],
)
def test_delimiter_is_sniffed(tmp_path, engine, suffix, delimiter):
    text = THREE.replace(",", delimiter)
    model = one(write(tmp_path / f"p{suffix}", text))
    assert model.classes == ("dog", "cat", "rabbit")
    assert model.labels.tolist() == [1, 0, 2]


def test_ignored_and_unnamed_index_columns(tmp_path, engine):
    text = ",index,sample,ID,label,dog,cat\n0,5,s1,a,dog,0.5,0.5\n1,6,s2,b,cat,0.1,0.9\n"
    model = one(write(tmp_path / "p.csv", text))
    assert model.classes == ("dog", "cat")
    assert model.labels.tolist() == [0, 1]


def test_korean_class_names_in_cp949(tmp_path, engine):
    text = "label,개,고양이\n고양이,0.2,0.8\n개,0.9,0.1\n"
    model = one(write(tmp_path / "p.csv", text, "cp949"))
    assert model.classes == ("개", "고양이")
    assert model.labels.tolist() == [1, 0]


def test_utf8_bom_crlf_quotes_spaces_and_blank_lines(tmp_path, engine):
    text = 'label,"dog, big",cat\r\n"dog, big", 0.5 ,0.5\r\n\r\n,,\r\n cat ,"0.25",0.75\r\n\r\n'
    model = one(write(tmp_path / "p.csv", text, "utf-8-sig"))
    assert model.classes == ("dog, big", "cat")
    assert model.labels.tolist() == [0, 1]
    np.testing.assert_allclose(model.probabilities, [[0.5, 0.5], [0.25, 0.75]])


def test_many_batches_and_a_short_row_estimate(tmp_path, engine, monkeypatch):
    # Small batches, and long rows first so that the row count is underestimated.
    monkeypatch.setattr(blocks, "BATCH_VALUES", 10)
    monkeypatch.setattr(text_header, "_SAMPLE_BYTES", 200)
    rng = np.random.default_rng(3)
    probabilities = rng.dirichlet(np.ones(3), size=500)
    labels = rng.integers(3, size=500)
    lines = ["label,a,b,c"]
    for row, (label, values) in enumerate(zip(labels, probabilities, strict=True)):
        digits = 17 if row < 20 else 4
        cells = [f"{value:.{digits}f}" for value in values[:2]]
        cells.append(repr(1 - float(cells[0]) - float(cells[1])))
        lines.append(",".join(["abc"[label], *cells]))
    model = one(write(tmp_path / "p.csv", "\n".join(lines)))
    assert model.labels.tolist() == labels.tolist()
    np.testing.assert_allclose(model.probabilities, probabilities, atol=1e-4)


def test_what_polars_refuses_numpy_reads_on(tmp_path, monkeypatch):
    """polars refuses a number with a space after it; numpy reads on from that line."""
    monkeypatch.setattr(blocks, "BATCH_VALUES", 20)  # batches of 64 rows
    rows = ["dog,0.5,0.5"] * 200 + ["cat, 0.25 ,0.75 "] + ["dog,1,0"] * 100
    model = one(write(tmp_path / "p.csv", "label,dog,cat\n" + "\n".join(rows)))
    assert model.samples == 301
    assert model.labels[200] == 1 and model.labels[-1] == 0
    np.testing.assert_array_equal(model.probabilities[199:202], [[0.5, 0.5], [0.25, 0.75], [1, 0]])


def test_polars_without_streaming_batches(tmp_path, monkeypatch):
    """polars < 1.34 has no LazyFrame.collect_batches: everything is read at once."""
    monkeypatch.delattr(pl.LazyFrame, "collect_batches")
    model = one(write(tmp_path / "p.csv", THREE))
    assert model.labels.tolist() == [1, 0, 2]
    frame = pl.DataFrame({"label": ["cat", "dog"], "dog": [0.3, 0.6], "cat": [0.7, 0.4]})
    frame.write_parquet(tmp_path / "p.parquet")
    assert one(tmp_path / "p.parquet").labels.tolist() == [1, 0]


def test_a_read_that_polars_ends_early_is_never_taken_for_the_whole_file(tmp_path, monkeypatch):
    """polars' batches end early, without an error, when its Ctrl+C handler stops a query:
    the rest of a text file is read by numpy, and a Parquet file is refused."""
    monkeypatch.setattr(blocks, "BATCH_VALUES", 20)  # batches of 64 rows
    batches = pl.LazyFrame.collect_batches

    def first_batch_only(query, *arguments, **options):
        return iter([next(iter(batches(query, *arguments, **options)))])

    monkeypatch.setattr(pl.LazyFrame, "collect_batches", first_batch_only)
    rows = ["dog,0.5,0.5"] * 200 + ["cat,0.25,0.75"]
    model = one(write(tmp_path / "p.csv", "label,dog,cat\n" + "\n".join(rows)))
    assert model.samples == 201 and model.labels[-1] == 1
    frame = pl.DataFrame({"label": ["dog"] * 200, "dog": [0.5] * 200, "cat": [0.5] * 200})
    frame.write_parquet(tmp_path / "p.parquet")
    error = fails(tmp_path / "p.parquet")
    assert error.reason == "cannot read this Parquet file: polars stopped before its end"


# -- bad text files -------------------------------------------------------------------------


def located(path: Path, line: int, column: int | None = None, **options) -> FormatError:
    error = fails(path, **options)
    assert (error.line, error.column) == (line, column), str(error)
    return error


BAD_CELLS = [
    # (the bad row, the column named in the error, words the message must hold)
    ("cat,-0.1,1.1", 2, ["negative", "-0.1", "'dog'"]),
    ("cat,nan,0.5", 2, ["NaN", "'dog'"]),
    ("cat,0.5,inf", 3, ["infinite", "'cat'"]),
    ("cat,1e300,0.5", 2, ["1e+300, above 1", "'dog'"]),  # finite: not "infinite"
    ("cat,1e400,0.5", 2, ["'1e400' is too large for a double", "'dog'"]),  # not "infinite"
    ("cat,1e-400,1.0", 2, ["'1e-400' is too small for a double", "read as 0", "'dog'"]),
    ("cat,1.0,-2E-0330", 3, ["'-2E-0330' is too small for a double", "'cat'"]),
    ("cat,0.5,0.4", None, ["sum to 0.9"]),
    ("cat,0.5,zero", 3, ["'zero' is not a number", "'cat'"]),
    ("cat,0.5,1_0", 3, ["'1_0' is not a number"]),
    ("cat,,1.0", 2, ["empty cell", "'dog'"]),
    ("cat,0.5", None, ["2 fields", "header has 3"]),
    ("cat,0.5,0.5,0.1", None, ["4 fields"]),
    ("cow,0.5,0.5", 1, ["label 'cow' is not a class", "'dog', 'cat'"]),
    (",0.5,0.5", 1, ["no true label"]),
]


@pytest.mark.parametrize(("row", "column", "words"), BAD_CELLS)
def test_a_bad_row_is_named_by_line_and_column(tmp_path, engine, row, column, words):
    text = "label,dog,cat\ndog,0.6,0.4\n\ncat,0.3,0.7\n" + row + "\ndog,1,0\n"
    error = located(write(tmp_path / "bad.csv", text), 5, column)
    for word in words:
        assert word in error.reason


@pytest.mark.parametrize(("row", "column", "words"), BAD_CELLS)
def test_a_bad_row_in_a_later_batch(tmp_path, engine, monkeypatch, row, column, words):
    monkeypatch.setattr(blocks, "BATCH_VALUES", 20)  # batches of 64 rows
    good = "dog,0.6,0.4\n" * 300
    error = located(write(tmp_path / "bad.csv", "label,dog,cat\n" + good + row + "\n"), 302, column)
    for word in words:
        assert word in error.reason


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize(("row", "column", "words"), BAD_CELLS)
def test_a_number_too_small_for_a_double_before_a_bad_row_is_the_error(
    tmp_path, engine, monkeypatch, encoding, row, column, words
):
    """The first error in the file is the one named, though numbers too small for a double
    are searched for only when everything else is right: on a later error, before it."""
    monkeypatch.setattr(blocks, "BATCH_VALUES", 20)  # batches of 64 rows
    good = "dog,0.6,0.4\n" * 100
    text = "label,dog,cat\n" + good + "cat,1e-400,1\n" + good + row + "\n"
    error = located(write(tmp_path / "bad.csv", text, encoding), 102, 2)
    assert error.reason.startswith("'1e-400' is too small for a double")


def test_a_line_of_one_field_says_so(tmp_path, engine):
    error = located(write(tmp_path / "p.csv", "label,dog,cat\ndog,0.5,0.5\ncat\n"), 3)
    assert error.reason == "this line has 1 field but the header has 3"


def test_a_short_line_that_lacks_its_label_says_it_is_short(tmp_path, engine):
    # The label is the last column: a short line has no label, and that is not the news.
    text = "dog,cat,label\n0.5,0.5,dog\n0.5,0.5\n0.5,0.5,cat\n"
    error = located(write(tmp_path / "short.csv", text), 3)
    assert error.reason == "this line has 2 fields but the header has 3"
    error = located(write(tmp_path / "empty.csv", "dog,cat,label\n0.5,0.5,dog\n1,0, \n"), 3, 3)
    assert error.reason == "no true label"


def test_a_wrong_sum_names_the_sum_and_never_renormalises(tmp_path, engine):
    error = located(write(tmp_path / "p.csv", "label,a,b\na,0.6,0.45\n"), 2)
    assert "1.05" in error.reason and "renormalised" in error.reason
    # Within the tolerance is fine, and kept as it is.
    model = one(write(tmp_path / "q.csv", "label,a,b\na,0.6,0.4009\n"))
    assert float(model.probabilities[0, 1]) == 0.4009  # as the file says, not a float32


def test_zeros_and_the_smallest_doubles_are_read_as_they_are(tmp_path, engine):
    zeros = "0." + "0" * 400
    text = (
        "id,label,a,b\n"
        "x-400,a,0,1\n"  # an id that looks like a long exponent
        "y,b,0.0e-500,1\n"
        f"z,a,{zeros},1\n"
        "w,b,4.9e-324,1.0\n"
        "v,a,1e-300,1E+0\n"
    )
    model = one(write(tmp_path / "p.csv", text))
    assert model.probabilities[:, 0].tolist() == [0.0, 0.0, 0.0, 5e-324, 1e-300]


@pytest.mark.parametrize(
    "tiny",
    [
        "1e-400",
        "0.001e-322",  # an exponent of −300 or below
        "0." + "0" * 26 + "1e-299",  # −100 to −299, and zeros after the point
        "0." + "0" * 200 + "1e-130",
        "0." + "0" * 230 + "1e-95",  # a short exponent, and many zeros
        "1E-000000000000400",  # more leading zeros than are skipped
    ],
)
def test_every_kind_of_number_below_the_smallest_double_is_refused(tmp_path, engine, tiny):
    rows = ["a,0.5,0.5,x-1e-300", "b,1e-300,1,e-400"] * 50  # near misses: not probabilities
    text = "label,a,b,id\n" + "\n".join([*rows, f"b,{tiny},1,ok", "a,0,1,ok"]) + "\n"
    error = located(write(tmp_path / "p.csv", text), 102, 2)
    # A long number is shown by its ends, so that what makes it small is seen.
    shown = tiny if len(tiny) <= 40 else f"{tiny[:20]}…{tiny[-19:]}"
    assert f"{shown!r} is too small for a double" in error.reason


def test_a_number_below_the_smallest_double_across_a_block_end_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(tiny_numbers, "_SCAN_BYTES", 64)  # many blocks, numbers cut by their ends
    rows = [f"a,0.5{'0' * (row % 7)},1e-300,0.5" for row in range(40)]  # lines of all lengths
    for row in range(40):  # each place of the number relative to a block end
        cut = [*rows[:row], "b,0,1e-0401,1", *rows[row:]]
        path = write(tmp_path / f"p{row}.csv", "label,a,b,c\n" + "\n".join(cut) + "\n")
        with pytest.raises(FormatError) as caught:
            read_predictions(path)
        assert (caught.value.line, caught.value.column) == (row + 2, 3), str(caught.value)


def test_a_long_run_of_zeros_that_reads_as_0_is_refused(tmp_path, engine):
    tiny = "0." + "0" * 400 + "1"
    text = f"label,A:a,A:b,B:a,B:b\na,0.5,0.5,0.5,0.5\nb,0.5,0.5,{tiny},1\n"
    error = located(write(tmp_path / "p.csv", text), 3, 4)
    assert "too small for a double" in error.reason and "'B:a'" in error.reason


@pytest.mark.parametrize(
    "text",
    [
        'label,a,b\na,0.5,0.5\n"a\nb",0.5,0.5\na,0.5,0.7\n',  # in the label
        'id,label,a,b\n1,a,0.5,0.5\n"2\n",a,0.5,0.5\n3,a,0.5,0.7\n',  # in an ignored column
        'label,a,b\na,0.5,0.5\nb,"0.5\n",0.5\na,0.5,0.7\n',  # in a probability
    ],
)
def test_a_quoted_field_may_not_span_lines(tmp_path, engine, text):
    error = located(write(tmp_path / "p.csv", text), 3)
    assert "fields may not span lines" in error.reason


def test_quotes_within_lines_keep_the_line_numbers(tmp_path, engine):
    # Every field quoted (as R writes), a quote inside a field, and a bad row after them.
    text = '"label","a","b"\n"a","0.5",0.5\n5" tv,0.5,0.5\n'
    error = located(write(tmp_path / "p.csv", text), 3, 1)
    assert "label '5\" tv' is not a class" in error.reason
    text = '"label","a","b"\n"a","0.5",0.5\n"b, or a",0.5,0.5\n"a",0.5,0.7\n'
    assert "sum to 1.2" in located(write(tmp_path / "q.csv", text), 4).reason


def test_a_bad_row_of_one_model_names_the_model(tmp_path, engine):
    text = "label,A:x,A:y,B:x,B:y\nx,0.5,0.5,0.5,0.5\ny,0.5,0.5,0.9,0.5\n"
    error = located(write(tmp_path / "p.csv", text), 3)
    assert "model 'B'" in error.reason and "1.4" in error.reason


HEADER_ERRORS = [
    ("dog,cat\n0.5,0.5\n", ["no true-label column", "'dog', 'cat'"]),
    ("label,dog\ndog,1\n", ["only the class column 'dog'", "at least 2"]),
    ("label,id\n1,2\n", ["no class columns"]),
    ("label,dog,cat,dog\ndog,0.5,0.5,0\n", ["class 'dog' has two columns, 2 and 4"]),
    ("label,A:dog,A:cat,B:dog\ndog,0.5,0.5,1\n", ["model 'B' has no column for class 'cat'"]),
    ("label,A:dog,A:dog,A:cat\ndog,0.5,0,0.5\n", ["class 'dog' of model 'A' has two columns"]),
    ("label,A:dog,cat\ndog,0.5,0.5\n", ["'cat' has no model prefix"]),
    ("label,A:,A:cat\ndog,0.5,0.5\n", ["no class name"]),
    ("label,:dog,:cat\ndog,0.5,0.5\n", ["no model name"]),
    ("label,target,dog,cat\ndog,dog,0.5,0.5\n", ["two true-label columns", "'target'"]),
    ("label,label,dog,cat\ndog,dog,0.5,0.5\n", ["both named 'label'"]),
    ("label,dog,cat, Label\ndog,0.5,0.5,x\n", ["columns 1 and 4 ('label' and ' Label') are"]),
    (  # both as written: the space is what tells them apart
        "label,a, a\na,0.5,0.5\n",
        ["the class columns 'a' and ' a' have the same name once spaces", "(columns 2 and 3)"],
    ),
    ("label,A:a,A :b, A:b\na,0.5,0.5,0\n", ["the class columns 'A :b' and ' A:b'"]),
    ("label,dog,,cat\ndog,0.5,0,0.5\n", ["column 3 has no name"]),
    ("\nlabel,dog,cat\n", ["first line is empty"]),
    ("label dog cat\ncat 0 1\n", ["single column"]),
    ('label,"dog,cat\n', ["unclosed quote"]),
    ("label,dog,cat\n", ["no samples"]),
    ("label,dog,cat\n\n\n", ["no samples"]),
]


@pytest.mark.parametrize(("text", "words"), HEADER_ERRORS)
def test_header_problems(tmp_path, engine, text, words):
    error = fails(write(tmp_path / "p.csv", text))
    for word in words:
        assert word in error.reason, str(error)


def test_an_unknown_text_column_is_named(tmp_path, engine):
    text = "label,notes,dog,cat\ndog,fine,0.5,0.5\n"
    error = located(write(tmp_path / "p.csv", text), 2, 2)
    assert "'fine' is not a number" in error.reason and "'notes'" in error.reason


def test_unknown_label_column_lists_the_columns(tmp_path, engine):
    error = fails(write(tmp_path / "p.csv", THREE), label_column="truth")
    assert "no column named 'truth'" in error.reason
    assert "'id', 'label', 'dog', 'cat', 'rabbit'" in error.reason


def test_text_that_is_neither_utf8_nor_cp949_is_named_by_line(tmp_path, engine):
    data = b"label,dog,cat\ndog,0.5,0.5\n\xff\xfe\xfa,0.5,0.5\n"
    (tmp_path / "p.csv").write_bytes(data)
    error = located(tmp_path / "p.csv", 3)
    assert error.reason == (
        "this line is neither UTF-8 nor CP949/EUC-KR text; save the file as UTF-8"
    )
    mixed = "label,dog,cat\n개,0.5,0.5\n".encode() + "고양이,0.5,0.5\n".encode("cp949")
    (tmp_path / "mixed.csv").write_bytes(mixed)
    error = located(tmp_path / "mixed.csv", 2)  # as the file is CP949, the UTF-8 line is wrong
    assert error.reason == (
        "this line is UTF-8 text but other lines are not: save the whole file as UTF-8"
    )


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", ["empty"]),
        (b"label,dog,cat\x00\x01\x02\n", ["binary"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["binary"]),
    ],
)
def test_empty_and_binary_files(tmp_path, engine, data, words):
    (tmp_path / "p.csv").write_bytes(data)
    error = fails(tmp_path / "p.csv")
    for word in words:
        assert word in error.reason


def test_missing_unreadable_and_unknown_files(tmp_path):
    assert "no such file" in fails(tmp_path / "nothing.csv").reason
    (tmp_path / "folder.csv").mkdir()
    assert "folder" in fails(tmp_path / "folder.csv").reason
    assert "not a prediction file" in fails(write(tmp_path / "p.xlsx", THREE)).reason
    # Separate labels are for .npy files; a file with its own labels ignores them.
    assert one(write(tmp_path / "p.csv", THREE), labels_path="x").labels.tolist() == [1, 0, 2]


# -- Parquet --------------------------------------------------------------------------------


def test_parquet(tmp_path):
    frame = pl.DataFrame(
        {
            "id": [10, 11, 12],
            "target": ["cat", "dog", "cat"],
            "dog": [0.2, 0.9, 0.4],
            "cat": pl.Series([0.8, 0.1, 0.6], dtype=pl.Float32),
        }
    )
    frame.write_parquet(tmp_path / "vit.parquet")
    model = one(tmp_path / "vit.parquet")
    check_arrays(model)
    assert (model.name, model.classes) == ("vit", ("dog", "cat"))
    assert model.labels.tolist() == [1, 0, 1]
    # One float64 column: the model is held as float64; the float32 column widens exactly.
    assert model.probabilities.dtype == np.float64
    np.testing.assert_array_equal(
        model.probabilities,
        [[0.2, np.float32(0.8)], [0.9, np.float32(0.1)], [0.4, np.float32(0.6)]],
    )


@pytest.mark.parametrize("pass_values", [10**6, 1])
def test_parquet_columns_are_held_as_precisely_as_they_are_stored(
    tmp_path, monkeypatch, pass_values
):
    monkeypatch.setattr(parquet, "_PASS_VALUES", pass_values)
    tiny = 1e-300  # a float64 value that float32 would make 0
    frame = pl.DataFrame(
        {
            "label": ["x", "y"],
            "A:x": pl.Series([0.25, 1e-40], dtype=pl.Float32),
            "A:y": pl.Series([0.75, 1.0], dtype=pl.Float32),
            "B:x": pl.Series([1.0, 0.0], dtype=pl.Float16),
            "B:y": pl.Series([0, 1], dtype=pl.Int8),
            "C:x": pl.Series([tiny, 0.5], dtype=pl.Float64),
            "C:y": pl.Series([1.0, 0.5], dtype=pl.Float32),
            "D:x": pl.Series([1, 0], dtype=pl.Int64),
            "D:y": pl.Series([0, 1], dtype=pl.Int64),
        }
    )
    frame.write_parquet(tmp_path / "p.parquet")
    a, b, c, d = read_predictions(tmp_path / "p.parquet")
    assert [m.probabilities.dtype for m in (a, b, c, d)] == [np.float32] * 2 + [np.float64] * 2
    np.testing.assert_array_equal(a.probabilities, np.array([[0.25, 0.75], [1e-40, 1]], np.float32))
    assert c.probabilities[0, 0] == tiny
    np.testing.assert_array_equal(d.probabilities, [[1, 0], [0, 1]])


@pytest.mark.parametrize("pass_values", [10**6, 1])
def test_parquet_integer_and_categorical_labels_and_groups(tmp_path, monkeypatch, pass_values):
    monkeypatch.setattr(parquet, "_PASS_VALUES", pass_values)  # 1: a pass per column
    frame = pl.DataFrame(
        {"label": [1, 0], "A:x": [0.5, 0.6], "A:y": [0.5, 0.4], "B:y": [1, 0], "B:x": [0, 1]}
    )
    frame.write_parquet(tmp_path / "g.parquet")
    a, b = read_predictions(tmp_path / "g.parquet")
    assert (a.name, b.name, a.classes) == ("A", "B", ("x", "y"))
    assert a.labels.tolist() == [1, 0]
    np.testing.assert_array_equal(b.probabilities, [[0, 1], [1, 0]])
    categorical = pl.DataFrame(
        {"y_true": pl.Series(["y", "x"], dtype=pl.Categorical), "x": [0.1, 0.9], "y": [0.9, 0.1]}
    )
    categorical.write_parquet(tmp_path / "c.parquet")
    assert one(tmp_path / "c.parquet").labels.tolist() == [1, 0]


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.uint64])
@pytest.mark.parametrize("suffix", [".npy", ".npz", ".parquet"])
def test_narrow_and_wide_integer_labels_are_read_whatever_their_type(tmp_path, dtype, suffix):
    # The extremes of int8 are 255 apart, more than an int8 holds; many labels, few values.
    low, high = (0, 2**63 + 5) if dtype == np.uint64 else (-128, 127)
    labels = np.array([low, high] * 100, dtype=dtype)
    probabilities = np.tile([[0.75, 0.25], [0.25, 0.75]], (100, 1))
    classes = [str(low), str(high)]
    path = tmp_path / f"p{suffix}"
    if suffix == ".npy":  # its classes are 0 and 1: −128, 127 and 2⁶³ + 5 name none
        np.save(path, probabilities)
        np.save(tmp_path / "labels.npy", labels)
        error = fails(path, labels_path=tmp_path / "labels.npy")
        sample = 1 if low == 0 else 0
        assert error.reason == (
            f"sample {sample} (numbered from 0): label '{labels[sample]}' is neither a class "
            "index (0 to 1) nor a class name (the classes are '0', '1')"
        )
        return
    if suffix == ".npz":
        np.savez(path, probs=probabilities, labels=labels, classes=classes)
    else:
        columns = {"label": labels, **dict(zip(classes, probabilities.T, strict=True))}
        pl.DataFrame(columns).write_parquet(path)
        assert pl.read_parquet_schema(path)["label"] == pl.Series(labels).dtype  # Int8 ...
    model = one(path)
    assert model.classes == tuple(classes)
    assert model.labels.tolist() == [0, 1] * 100


@pytest.mark.parametrize(
    ("columns", "words"),
    [
        ({"label": ["x", "y"], "x": [0.5, None], "y": [0.5, 0.5]}, ["sample 1", "'x'", "missing"]),
        ({"label": ["x", "y"], "x": [0.5, -0.5], "y": [0.5, 1.5]}, ["sample 1", "negative"]),
        ({"label": ["x", "z"], "x": [0.5, 0.5], "y": [0.5, 0.5]}, ["sample 1", "'z'"]),
        (
            {"label": [0, 5], "x": [0.5, 0.5], "y": [0.5, 0.5]},
            ["sample 1", "label '5' is neither a class index"],
        ),
        ({"label": ["x", None], "x": [0.5, 0.5], "y": [0.5, 0.5]}, ["sample 1", "no true"]),
        ({"label": ["x", "y"], "x": ["a", "b"], "y": [0.5, 0.5]}, ["'x' holds String"]),
        ({"label": [True, False], "x": [0.5, 0.5], "y": [0.5, 0.5]}, ["holds Boolean"]),
        ({"x": [0.5, 0.5], "y": [0.5, 0.5]}, ["no true-label column"]),
        (
            pl.DataFrame(schema={"label": pl.String, "x": pl.Float64, "y": pl.Float64}),
            ["no samples"],
        ),
    ],
)
def test_bad_parquet(tmp_path, columns, words):
    frame = columns if isinstance(columns, pl.DataFrame) else pl.DataFrame(columns)
    frame.write_parquet(tmp_path / "p.parquet")
    error = fails(tmp_path / "p.parquet")
    for word in words:
        assert word in error.reason


def test_parquet_needs_polars(tmp_path, monkeypatch):
    pl.DataFrame({"label": ["x"], "x": [1.0], "y": [0.0]}).write_parquet(tmp_path / "p.parquet")
    monkeypatch.setattr(polars_import, "import_polars", lambda: None)
    assert "pip install polars" in fails(tmp_path / "p.parquet").reason


def test_damaged_parquet(tmp_path):
    (tmp_path / "p.parquet").write_bytes(b"PAR1 not really PAR1")
    assert "cannot read this Parquet file" in fails(tmp_path / "p.parquet").reason


# -- .npz and .npy --------------------------------------------------------------------------

PROBS = np.array([[0.1, 0.9], [0.8, 0.2], [0.5, 0.5]], dtype=np.float32)


def test_npz_with_classes_and_name_labels(tmp_path):
    path = tmp_path / "m.npz"
    np.savez(path, probs=PROBS, labels=np.array(["cat", "dog", "cat"]), classes=["dog", "cat"])
    model = one(path)
    check_arrays(model)
    assert (model.name, model.classes) == ("m", ("dog", "cat"))
    assert model.labels.tolist() == [1, 0, 1]
    np.testing.assert_array_equal(model.probabilities, PROBS)
    assert model.probabilities.dtype == np.float32


def test_npz_without_classes_compressed_float64(tmp_path):
    path = tmp_path / "m.npz"
    np.savez_compressed(path, probs=PROBS.astype(np.float64), labels=np.array([1, 0, 1]))
    model = one(path)
    check_arrays(model)
    assert model.classes == ("0", "1")
    assert model.labels.tolist() == [1, 0, 1]
    assert model.probabilities.dtype == np.float64  # float64 is kept


def test_npz_integer_and_big_endian_probabilities_become_float32(tmp_path):
    np.savez(tmp_path / "a.npz", probs=np.eye(3, dtype=np.int8), labels=[0, 1, 2])
    np.savez(tmp_path / "b.npz", probs=PROBS.astype(">f4"), labels=[1.0, 0.0, 1.0])
    np.savez(tmp_path / "c.npz", probs=np.asfortranarray(PROBS), labels=[1, 0, 1])
    assert one(tmp_path / "a.npz").probabilities.dtype == np.float32
    for name in ("b.npz", "c.npz"):
        model = one(tmp_path / name)
        check_arrays(model)
        np.testing.assert_array_equal(model.probabilities, PROBS)


def test_arrays_are_held_as_precisely_as_they_are_stored(tmp_path):
    float16 = np.array([[0.5, 0.5], [2**-24, 1]], dtype=np.float16)  # a float16 subnormal
    np.savez(tmp_path / "f2.npz", probs=float16, labels=[0, 1])
    np.savez(tmp_path / "i8.npz", probs=np.eye(2, dtype=np.int64), labels=[0, 1])
    half = one(tmp_path / "f2.npz").probabilities
    assert half.dtype == np.float32 and half[1, 0] == 2**-24
    assert one(tmp_path / "i8.npz").probabilities.dtype == np.float64


def test_a_long_double_too_small_for_a_double_is_refused(tmp_path):
    probabilities = np.array([[0.5, 0.5], [1.0, 0.0]], dtype=np.longdouble)
    probabilities[1, 1] = np.longdouble("1e-400")
    if probabilities[1, 1] == 0:
        pytest.skip("this platform's long double is a double")
    np.savez(tmp_path / "p.npz", probs=probabilities, labels=[0, 1])
    error = fails(tmp_path / "p.npz")
    assert error.reason == (  # the file's value, not the 0 it would be as a double
        "sample 1 (numbered from 0): the probability of class '1' is 1e-400, too small for "
        "a double (below 4.9e-324): it would be read as 0"
    )


def test_a_labels_file_that_is_no_text_says_what_a_labels_file_may_be(tmp_path):
    np.save(tmp_path / "p.npy", PROBS)
    np.savez(tmp_path / "labels.npz", labels=np.array([1, 0, 1]))
    error = fails(tmp_path / "p.npy", labels_path=tmp_path / "labels.npz")
    assert error.reason == (
        "this is a binary file, not a file of labels: give an .npy array, or text with one "
        "label per line"
    )


def test_npy_with_labels_in_npy_or_text(tmp_path):
    np.save(tmp_path / "p.npy", PROBS)
    np.save(tmp_path / "labels.npy", np.array([1, 0, 1]))
    write(tmp_path / "labels.txt", "label\n1\n0\n\n1\n")
    write(tmp_path / "plain.csv", "1\n0\n1")
    for labels in ("labels.npy", "labels.txt", "plain.csv"):
        model = one(tmp_path / "p.npy", labels_path=tmp_path / labels)
        check_arrays(model)
        assert (model.name, model.classes) == ("p", ("0", "1"))
        assert model.labels.tolist() == [1, 0, 1]


def test_npy_needs_labels(tmp_path):
    np.save(tmp_path / "p.npy", PROBS)
    assert "--labels" in fails(tmp_path / "p.npy").reason


def test_npz_with_separate_labels(tmp_path):
    np.savez(tmp_path / "p.npz", probs=PROBS)
    assert "no array 'labels'" in fails(tmp_path / "p.npz").reason
    write(tmp_path / "labels.txt", "1\n0\n1\n")
    separate = one(tmp_path / "p.npz", labels_path=tmp_path / "labels.txt")
    assert separate.labels.tolist() == [1, 0, 1]
    np.savez(tmp_path / "own.npz", probs=PROBS, labels=[0, 0, 0])
    own = one(tmp_path / "own.npz", labels_path=tmp_path / "labels.txt")
    assert own.labels.tolist() == [0, 0, 0]  # its own labels win


BAD_ARRAYS = [
    ({"probs": PROBS[0], "labels": [0]}, ["1-D"]),
    ({"probs": PROBS[None], "labels": [0]}, ["3-D"]),
    ({"probs": PROBS[:, :1], "labels": [0, 0, 0]}, ["at least 2"]),
    ({"probs": PROBS[:0], "labels": []}, ["no samples"]),
    ({"probs": PROBS, "labels": [0, 1]}, ["3 rows but there are 2 labels"]),
    ({"probs": PROBS, "labels": [[0, 1, 1]]}, ["shape (1, 3)"]),
    (
        {"probs": PROBS, "labels": [0, 1, 2]},
        ["sample 2", "label '2' is neither a class index (0 to 1)"],
    ),
    ({"probs": PROBS, "labels": [0, 1.5, 0]}, ["sample 1", "label '1.5' is not a class"]),
    ({"probs": PROBS, "labels": ["0", "1", "x"]}, ["sample 2", "'x'"]),
    ({"probs": PROBS, "labels": [True, False, True]}, ["type bool"]),
    ({"probs": PROBS, "labels": [0, 1, 1], "classes": ["a"]}, ["'classes' has shape (1,)"]),
    ({"probs": PROBS, "labels": [0, 1, 1], "classes": ["a", "a"]}, ["'a' appears twice"]),
    ({"probs": PROBS, "labels": [0, 1, 1], "classes": [1.5, 2.5]}, ["expected class names"]),
    ({"probs": PROBS.astype(str), "labels": [0, 1, 1]}, ["not probabilities"]),
    ({"probs": np.array([[0.5, 0.5], [np.nan, 1]]), "labels": [0, 1]}, ["sample 1", "NaN"]),
    ({"probs": np.array([[0.5, 0.5], [1, -0.0001]]), "labels": [0, 1]}, ["sample 1", "negative"]),
    ({"probs": np.array([[0.5, 0.5], [0.5, 0.6]]), "labels": [0, 1]}, ["sample 1", "sum to 1.1"]),
    ({"probs": np.array([[0.5, 0.5], [np.inf, 1]]), "labels": [0, 1]}, ["sample 1", "infinite"]),
    ({"labels": [0, 1]}, ["no array 'probs'", "'labels'"]),
]


@pytest.mark.parametrize(("arrays", "words"), BAD_ARRAYS)
def test_bad_npz(tmp_path, arrays, words):
    np.savez(tmp_path / "p.npz", **arrays)
    error = fails(tmp_path / "p.npz")
    for word in words:
        assert word in error.reason, str(error)


def test_a_bad_sample_in_a_later_block(tmp_path, monkeypatch):
    monkeypatch.setattr(arrays, "_READ_BYTES", 64)
    probabilities = np.full((1000, 2), 0.5)
    probabilities[777] = [0.5, 0.7]
    np.savez(tmp_path / "p.npz", probs=probabilities, labels=np.zeros(1000, int))
    assert fails(tmp_path / "p.npz").reason.startswith("sample 777 (numbered from 0): ")


def test_bad_npy_and_label_files(tmp_path):
    np.save(tmp_path / "p.npy", PROBS)
    write(tmp_path / "short.txt", "label\n1\n0\n")
    error = fails(tmp_path / "p.npy", labels_path=tmp_path / "short.txt")
    assert "3 rows of probabilities but 2 labels" in error.reason
    write(tmp_path / "names.txt", "1\n0\ncat\n")
    error = fails(tmp_path / "p.npy", labels_path=tmp_path / "names.txt")
    assert (error.path, error.line) == (str(tmp_path / "names.txt"), 3)
    assert "'cat'" in error.reason
    error = fails(tmp_path / "p.npy", labels_path=tmp_path / "none.txt")
    assert error.path == str(tmp_path / "none.txt") and "no such file" in error.reason
    np.save(tmp_path / "objects.npy", np.array([1, "a", None], dtype=object), allow_pickle=True)
    error = fails(tmp_path / "p.npy", labels_path=tmp_path / "objects.npy")
    assert "Python objects" in error.reason
    data = (tmp_path / "p.npy").read_bytes()
    (tmp_path / "cut.npy").write_bytes(data[:-5])
    assert "cut short" in fails(tmp_path / "cut.npy", labels_path=tmp_path / "labels.txt").reason
    garbled = data.replace(b"), }", b"#\xdc}")  # numpy's parser raises TokenError on this
    assert garbled != data
    (tmp_path / "garbled.npy").write_bytes(garbled)
    assert "not a .npy array" in fails(tmp_path / "garbled.npy", labels_path="x").reason
    (tmp_path / "text.npy").write_bytes(b"probably not an array")
    assert "not a .npy array" in fails(tmp_path / "text.npy", labels_path="x").reason
    (tmp_path / "text.npz").write_bytes(b"probably not an archive")
    assert "not a .npz archive" in fails(tmp_path / "text.npz").reason


# -- imports, cancelling, progress ------------------------------------------------------------


def test_importing_the_readers_loads_no_format_library():
    script = (
        "import json, sys\n"
        "import core.predictions.readers\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    modules = set(json.loads(result.stdout))
    assert "core.predictions.readers" in modules
    assert not {"polars", "pyarrow", "pandas"} & {name.split(".")[0] for name in modules}


def example_files(tmp_path: Path, engine: str = "polars") -> list[tuple[Path, dict]]:
    """One small valid file of every kind the engine reads, with the options to read it."""
    rng = np.random.default_rng(0)
    probabilities = rng.dirichlet(np.ones(4), size=300).astype(np.float32)
    labels = rng.integers(4, size=300)
    classes = ["a", "b", "c", "d"]
    frame = pl.DataFrame({"label": [classes[i] for i in labels]}).hstack(
        pl.from_numpy(probabilities, schema=classes)
    )
    frame.write_csv(tmp_path / "p.csv")
    frame.write_parquet(tmp_path / "p.parquet")
    np.savez(tmp_path / "p.npz", probs=probabilities, labels=labels)
    np.save(tmp_path / "p.npy", probabilities)
    np.save(tmp_path / "labels.npy", labels)
    files = [
        (tmp_path / "p.csv", {}),
        (tmp_path / "p.parquet", {}),
        (tmp_path / "p.npz", {}),
        (tmp_path / "p.npy", {"labels_path": tmp_path / "labels.npy"}),
    ]
    return [
        (path, options)
        for path, options in files
        if engine == "polars" or path.suffix != ".parquet"
    ]


def test_cancelling_after_the_first_poll(tmp_path, engine):
    for path, options in example_files(tmp_path, engine):
        polls = iter([False])
        with pytest.raises(Cancelled):
            read_predictions(path, is_cancelled=lambda polls=polls: next(polls, True), **options)


def test_the_search_for_numbers_too_small_for_a_double_can_be_cancelled(
    tmp_path, engine, monkeypatch
):
    # Many numbers near the smallest double (all valid), a 0 that makes the reader search the
    # file for false zeros, and one at the very end that the search would refuse.
    monkeypatch.setattr(tiny_numbers, "_SCAN_BYTES", 4096)
    rows = "b,3.5e-310,1\nb,0.0001e-310,1\n" * 5000
    path = write(tmp_path / "p.csv", f"label,a,b\na,0,1\n{rows}b,1e-400,1\n")
    polls: list[float] = []
    reported: list[float] = []
    with pytest.raises(FormatError) as caught:
        read_predictions(path, progress=reported.append, is_cancelled=lambda: polls.append(1))
    assert (caught.value.line, caught.value.column) == (10003, 2)
    assert reported == sorted(reported)
    searching = [value for value in reported if value >= progress.READ_SHARE]
    assert len(searching) > path.stat().st_size // 4096  # at every window of the file
    # Cancelled during the search (the last polls are the search's), it stops at that poll.
    cancel_at = len(polls) - 10
    polls.clear()
    with pytest.raises(Cancelled):
        read_predictions(path, is_cancelled=lambda: polls.append(1) or len(polls) >= cancel_at)
    assert len(polls) == cancel_at


def test_progress_rises_to_one(tmp_path, engine, monkeypatch):
    monkeypatch.setattr(blocks, "BATCH_VALUES", 200)  # several batches
    monkeypatch.setattr(arrays, "_READ_BYTES", 1024)  # several blocks
    monkeypatch.setattr(parquet, "_PASS_VALUES", 500)  # several passes over Parquet columns
    for path, options in example_files(tmp_path, engine):
        reported: list[float] = []
        models = read_predictions(path, progress=reported.append, **options)
        assert models[0].samples == 300
        assert len(reported) > 3, path
        assert reported == sorted(reported), path
        assert reported[-1] == 1.0 and all(0 <= value <= 1 for value in reported)


# -- fuzzing: predictions or a FormatError, nothing else ---------------------------------------


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    # Module-scoped: hypothesis does not reset function-scoped fixtures between examples.
    directory = tmp_path_factory.mktemp("fuzz")
    write(directory / "labels.txt", "0\n1\n1\n")
    np.save(directory / "labels.npy", np.zeros(300, int))  # as many as example_files has
    return directory


@pytest.fixture(scope="module")
def valid_bytes(tmp_path_factory) -> dict[str, bytes]:
    directory = tmp_path_factory.mktemp("valid")
    return {path.suffix: path.read_bytes() for path, _ in example_files(directory)}


def predictions_or_format_error(path: Path, **options) -> None:
    try:
        models = read_predictions(path, **options)
    except FormatError as error:
        assert str(error).startswith(str(error.path))
        return
    for model in models:
        check_arrays(model)
        assert len(model.classes) >= 2
        sums = model.probabilities.sum(axis=1, dtype=np.float64)
        assert np.all(np.abs(sums - 1) <= 1e-3)
        assert np.all(model.probabilities >= 0)


TEXT_CHARACTERS = list("label,;\t\n\r\"' 0123456789.-+eE_naif:AB") + list("고양이")
SUFFIXES = [".csv", ".tsv", ".parquet", ".npz", ".npy"]


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(alphabet=TEXT_CHARACTERS, max_size=300).map(str.encode),
    ),
    suffix=st.sampled_from(SUFFIXES),
)
def test_random_bytes(fuzz_dir, data, suffix):
    path = fuzz_dir / f"random{suffix}"
    path.write_bytes(data)
    labels = fuzz_dir / "labels.txt" if suffix == ".npy" else None
    predictions_or_format_error(path, labels_path=labels)


@FUZZ
@given(
    suffix=st.sampled_from([".csv", ".parquet", ".npz", ".npy"]),
    damage=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), max_size=4),
    cut=st.floats(0, 1),
)
def test_damaged_valid_files(fuzz_dir, valid_bytes, suffix, damage, cut):
    data = bytearray(valid_bytes[suffix])
    for where, junk in damage:
        start = int(where * len(data))
        data[start : start + len(junk)] = junk
    if cut < 0.3:  # sometimes cut short as well
        data = data[: int(len(data) * cut / 0.3)]
    path = fuzz_dir / f"damaged{suffix}"
    path.write_bytes(bytes(data))
    labels = fuzz_dir / "labels.npy" if suffix == ".npy" else None
    predictions_or_format_error(path, labels_path=labels)


@dataclass
class Breakage:
    """A valid prediction table with one thing broken on one line."""

    text: str
    delimiter: str
    line: int  # where the error must be
    column: int | None  # the column it must name, if any


def render(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


@st.composite
def broken_tables(draw) -> Breakage:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    classes = draw(
        st.lists(
            st.text(alphabet="abcxyz고양이 ", min_size=1, max_size=4).map(str.strip),
            min_size=2,
            max_size=5,
            unique=True,
        ).filter(all)
    )
    count = len(classes)
    samples = draw(st.integers(1, 12))
    rows = [["label", *classes]]
    for _ in range(samples):
        weights = draw(st.lists(st.integers(0, 50), min_size=count, max_size=count))
        total = sum(weights) or 1
        values = [w / total for w in weights] if sum(weights) else [1.0] + [0.0] * (count - 1)
        label = draw(st.sampled_from(classes))
        rows.append([label, *(repr(value) for value in values)])
    row = draw(st.integers(1, samples))
    line = row + 1
    kind = draw(
        st.sampled_from(
            ["text", "empty", "nan", "inf", "negative", "big", "short", "long", "label", "nolabel"]
        )
    )
    column = draw(st.integers(1, count))
    cells = rows[row]
    where: int | None = column + 1
    if kind == "text":
        cells[column] = draw(st.sampled_from(["x", "0.1.2", "1_0", "--1", "0x1", "1e"]))
    elif kind == "empty":
        cells[column] = ""
    elif kind == "nan":
        cells[column] = draw(st.sampled_from(["nan", "NaN"]))
    elif kind == "inf":
        cells[column] = draw(st.sampled_from(["inf", "-inf", "1e400"]))
    elif kind == "negative":
        cells[column] = "-0.5"
    elif kind == "big":
        cells[column] = repr(float(cells[column]) + 0.25)
        where = None
    elif kind == "short":
        del cells[column]
        where = None
    elif kind == "long":
        cells.insert(column, "0")
        where = None
    elif kind == "label":
        cells[0] = draw(st.sampled_from(["cow", "99", "-1", "1.5"]))  # 1.0 may be an index
        where = 1
    else:
        cells[0] = ""
        where = 1
    return Breakage(render(rows, delimiter), delimiter, line, where)


@settings(FUZZ, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(table=broken_tables())
def test_one_broken_thing_is_found_where_it_is(fuzz_dir, engine, table):
    path = write(fuzz_dir / "broken.csv", table.text)
    with pytest.raises(FormatError) as caught:
        read_predictions(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), table.line), str(error)
    if table.column is not None:
        assert error.column == table.column, str(error)
