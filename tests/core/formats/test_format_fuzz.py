"""Fuzzing read_workspace through real files: it returns a valid Workspace or raises
FormatError, never anything else; and a table with one broken cell names that cell's line.
Special files (FIFO, device, folder, socket, link loop, unreadable) are refused at once by
every reader and every detection function, never waited on or read without end."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import core
from core.formats import read_workspace
from core.formats.merged_files import merge_files
from core.formats.table import infer_kind
from core.predictions.detection import (
    first_prediction_hint,
    header_columns,
    is_prediction_file,
    needs_labels,
    prediction_table_hint,
)
from core.predictions.readers import PREDICTION_SUFFIXES, read_predictions

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    # Module-scoped: hypothesis does not reset function-scoped fixtures between examples.
    return tmp_path_factory.mktemp("fuzz")


def read_or_format_error(path: Path) -> core.Workspace | core.FormatError:
    """The reader's contract: a valid Workspace or a FormatError naming the file."""
    try:
        workspace = read_workspace(path)
    except core.FormatError as error:
        assert error.path == str(path)
        assert str(error).startswith(str(path))
        return error
    assert isinstance(workspace, core.Workspace)
    assert len(workspace.classes) >= 2
    for distribution in workspace.distributions:
        assert all(math.isfinite(v) and v >= 0 for v in distribution.values)
    return workspace


# -- (a) random bytes -----------------------------------------------------------------------

TABLE_CHARACTERS = list("classPAB,;\t\n\r\"'# 0123456789.-+eE_naif{}[]:") + list("고양이개")
JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.integers().map(lambda n: n * 10**400),  # too large for a float
    st.floats(),
    st.text(max_size=5),
)
JSON_TABLES = st.fixed_dictionaries(
    {
        "classes": st.one_of(st.lists(st.text(max_size=4), max_size=4), JSON_VALUES),
        "distributions": st.one_of(
            st.dictionaries(
                st.text(max_size=3), st.one_of(st.lists(JSON_VALUES, max_size=4), JSON_VALUES)
            ),
            JSON_VALUES,
        ),
    },
    optional={
        "reference": st.one_of(JSON_VALUES, st.lists(JSON_VALUES, max_size=2)),
        "kinds": st.dictionaries(st.text(max_size=3), JSON_VALUES),
    },
).map(lambda data: json.dumps(data).encode())

SESSIONS = st.fixed_dictionaries(
    {
        "format": st.just("kl-explorer-session"),
        "version": st.one_of(st.just(1), JSON_VALUES),
        "classes": st.one_of(st.lists(st.text(max_size=4), max_size=4), JSON_VALUES),
        "distributions": st.lists(
            st.one_of(
                st.fixed_dictionaries(
                    {"name": st.one_of(st.text(max_size=3), JSON_VALUES)},
                    optional={
                        "kind": st.one_of(
                            st.sampled_from(["probabilities", "counts"]), JSON_VALUES
                        ),
                        "values": st.one_of(
                            st.lists(st.one_of(JSON_VALUES, st.just("inf")), max_size=4),
                            JSON_VALUES,
                        ),
                    },
                ),
                JSON_VALUES,
            ),
            max_size=3,
        ),
        "reference": st.one_of(st.text(max_size=3), JSON_VALUES),
    },
    optional={
        "base": JSON_VALUES,
        "smoothing": st.one_of(
            st.fixed_dictionaries({"method": JSON_VALUES, "amount": JSON_VALUES}), JSON_VALUES
        ),
        "rank_by": st.one_of(st.just("js_divergence"), JSON_VALUES),
    },
).map(lambda data: json.dumps(data).encode())

RANDOM_CONTENTS = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.text(alphabet=TABLE_CHARACTERS, max_size=300).map(str.encode),
    JSON_TABLES,
    SESSIONS,
)


@FUZZ
@given(data=RANDOM_CONTENTS, extension=st.sampled_from([".csv", ".json", ".txt", ".tsv", ""]))
def test_random_bytes_give_a_workspace_or_a_format_error(fuzz_dir, data, extension):
    path = fuzz_dir / f"random{extension}"
    path.write_bytes(data)
    read_or_format_error(path)


# -- (b) near-valid tables ------------------------------------------------------------------


@dataclass
class Table:
    """A valid table as rows of cells, and how to write it."""

    rows: list[list[str]]
    delimiter: str
    encoding: str

    def render_row(self, row: list[str], delimiter: str | None = None) -> str:
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter or self.delimiter, lineterminator="\n").writerow(row)
        return out.getvalue()

    def render(self, rows: list[list[str]] | None = None) -> bytes:
        text = "".join(self.render_row(row) for row in (rows or self.rows))
        return text.encode(self.encoding)


# Names may hold the table's own delimiter and quotes (csv quotes them), Korean and spaces;
# no '#' (a comment line) and no newlines.
NAME_CHARACTERS = "abcXYZ019 -_.'\"고양이개모델"


def names(delimiter: str, size: int):
    return st.lists(
        st.text(alphabet=NAME_CHARACTERS + delimiter, min_size=1, max_size=6).filter(
            lambda name: name.strip() and not name.lstrip().startswith("#")
        ),
        min_size=size,
        max_size=size,
        unique_by=str.strip,
    )


def format_value(value: float, decimal_comma: bool) -> str:
    text = str(int(value)) if value.is_integer() else repr(value)
    return text.replace(".", ",") if decimal_comma else text


@st.composite
def valid_tables(draw) -> Table:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp949"]))
    decimal_comma = delimiter != "," and draw(st.booleans())
    class_count = draw(st.integers(2, 6))
    distribution_count = draw(st.integers(1, 4))
    classes = draw(names(delimiter, class_count))
    distributions = draw(names(delimiter, distribution_count))
    columns = []
    for _ in distributions:
        column = draw(
            st.one_of(
                st.lists(
                    st.integers(0, 1000).map(float), min_size=class_count, max_size=class_count
                ),
                st.lists(
                    st.floats(0, 1e6, allow_nan=False, allow_subnormal=False),
                    min_size=class_count,
                    max_size=class_count,
                ),
            )
        )
        columns.append([format_value(v, decimal_comma) for v in column])
    rows = [["class", *distributions]]
    rows += [[name, *(column[i] for column in columns)] for i, name in enumerate(classes)]
    return Table(rows, delimiter, encoding)


def cell_value(cell: str) -> float:
    return float(cell.replace(",", "."))


@FUZZ
@given(table=valid_tables(), extension=st.sampled_from([".csv", ".tsv", ".txt", ""]))
def test_valid_tables_read_back_exactly(fuzz_dir, table, extension):
    path = fuzz_dir / f"valid{extension}"
    path.write_bytes(table.render())
    workspace = read_workspace(path)
    header, *rows = table.rows
    assert workspace.classes == tuple(row[0].strip() for row in rows)
    assert workspace.names == tuple(name.strip() for name in header[1:])
    assert workspace.reference == header[1].strip()
    for column, distribution in enumerate(workspace.distributions, start=1):
        expected = [cell_value(row[column]) for row in rows]
        assert distribution.values.tolist() == expected
        assert distribution.kind == infer_kind(expected)


BAD_TEXT = ["abc", "x", "1e", "0.5.5", "--1", "?", "1_0", "모델"]
BAD_NUMBERS = ["-0.5", "-1", "-3e-05", "nan", "NaN", "inf", "-inf", "1e999"]
BREAKAGES = [
    "drop cell",
    "add cell",
    "bad cell",
    "duplicate class",
    "remove header",
    "nul byte",
    "truncate",
    "swap delimiter",
]


@pytest.mark.parametrize("breakage", BREAKAGES)  # each gets its share of examples
@settings(FUZZ, max_examples=40)
@given(
    table=valid_tables(),
    extension=st.sampled_from([".csv", ".tsv", ".txt", ""]),
    data=st.data(),
)
def test_near_valid_tables_give_a_workspace_or_a_format_error(
    fuzz_dir, table, breakage, extension, data
):
    rows = [list(row) for row in table.rows]
    # Data rows are rows[1:]; row r is on line r + 1 (no blank lines, no newlines in names).
    row = data.draw(st.integers(1, len(rows) - 1), label="row")
    width = len(rows[0])
    expected_line: int | None = None
    expected_column: int | None = None
    if breakage == "drop cell":
        del rows[row][data.draw(st.integers(0, width - 1), label="cell")]
        expected_line = row + 1
    elif breakage == "add cell":
        rows[row].insert(data.draw(st.integers(0, width), label="at"), "0.5")
        expected_line = row + 1
    elif breakage == "bad cell":
        column = data.draw(st.integers(1, width - 1), label="column")
        rows[row][column] = data.draw(st.sampled_from([*BAD_TEXT, *BAD_NUMBERS, "", "  "]))
        expected_line, expected_column = row + 1, column + 1
    elif breakage == "duplicate class":
        # Copy an earlier class name: the error is at the second occurrence.
        row = data.draw(st.integers(2, len(rows) - 1), label="second")
        rows[row][0] = rows[data.draw(st.integers(1, row - 1), label="first")][0]
        expected_line, expected_column = row + 1, 1
    elif breakage == "remove header":
        rows = rows[1:]

    content = table.render(rows)
    if breakage == "swap delimiter":
        other = data.draw(st.sampled_from([d for d in ",;\t" if d != table.delimiter]))
        lines = [table.render_row(r) for r in rows]
        lines[row] = table.render_row(rows[row], other)
        content = "".join(lines).encode(table.encoding)
        expected_line = row + 1
    elif breakage == "nul byte":
        at = data.draw(st.integers(0, len(content)), label="at")
        content = content[:at] + b"\x00" + content[at:]
    elif breakage == "truncate":
        content = content[: data.draw(st.integers(0, len(content) - 1), label="length")]

    path = fuzz_dir / f"near-valid{extension}"
    path.write_bytes(content)
    result = read_or_format_error(path)
    event(f"{breakage}: {type(result).__name__}")  # see --hypothesis-show-statistics

    if breakage == "nul byte":
        assert isinstance(result, core.FormatError)
    if expected_line is None:
        return
    if breakage == "swap delimiter" and isinstance(result, core.Workspace):
        # The row may still parse: a class "1," swapped to a tab reads as "1" and "\t0".
        return
    assert isinstance(result, core.FormatError), f"{breakage} was not noticed"
    if breakage == "swap delimiter" and result.line != expected_line:
        # The swapped row split a quoted class name; its first part may clash with a class
        # further down, which is then reported there, naming the swapped row.
        assert f"appears twice: here and on line {expected_line}" in result.reason
        return
    assert result.line == expected_line, str(result)
    if expected_column is not None:
        assert result.column == expected_column, str(result)


# -- regressions the fuzzer found in the JSON table reader (now fixed) ----------------------


def test_json_integer_too_large_for_a_float(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(
        '{"classes": ["a", "b"], "distributions": {"P": [1' + "0" * 400 + ", 1]}}",
        encoding="utf-8",
    )
    with pytest.raises(core.FormatError):
        read_workspace(path)


def test_json_integer_with_too_many_digits(tmp_path):
    # json.loads raises a plain ValueError past sys.get_int_max_str_digits() (4300).
    path = tmp_path / "huge.json"
    path.write_text(
        '{"classes": ["a", "b"], "distributions": {"P": [1' + "0" * 5000 + ", 1]}}",
        encoding="utf-8",
    )
    with pytest.raises(core.FormatError):
        read_workspace(path)


@pytest.mark.parametrize("reference", [["P"], {}])
def test_json_reference_that_is_not_text(tmp_path, reference):
    # `reference not in columns` used to raise TypeError for an unhashable reference.
    path = tmp_path / "reference.json"
    data = {"classes": ["a", "b"], "distributions": {"P": [0.5, 0.5]}, "reference": reference}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(core.FormatError):
        read_workspace(path)


@pytest.mark.parametrize("where", ["values", "base", "amount"])
def test_session_integer_too_large_for_a_float(tmp_path, where):
    huge = 10**400
    data = {
        "format": "kl-explorer-session",
        "version": 1,
        "classes": ["a", "b"],
        "distributions": [{"name": "P", "values": [huge if where == "values" else 1, 1]}],
        "reference": "P",
        "base": huge if where == "base" else None,
        "smoothing": {"method": "epsilon", "amount": huge if where == "amount" else 0.01},
    }
    path = tmp_path / "huge.klsession"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(core.FormatError):
        read_workspace(path)


# -- special files: refused at once by what they are, through every entry point -------------

SPECIAL_KINDS = [
    "fifo",
    "device",
    "folder",
    "socket",
    "link loop",
    "dangling link",
    "unreadable",
    "unreadable by root",
]
GOOD_TABLE = "class,P,Q\ndog,0.5,0.25\ncat,0.5,0.75\n"


def refused(special, read) -> core.FormatError:
    """``read()`` raises a FormatError about ``special`` that says what it is."""
    with pytest.raises(core.FormatError) as caught:
        read()
    error = caught.value
    assert error.path == str(special.path)
    assert str(error).startswith(str(special.path))
    assert special.words in error.reason, str(error)
    assert not special.was_opened  # refused by what it is, not after waiting on it
    return error


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
@pytest.mark.parametrize("name", ["t.csv", "t.json", "t.klsession", "t"])
def test_read_workspace_refuses_special_files(special_file, kind, name):
    special = special_file(kind, name)
    refused(special, lambda: read_workspace(special.path))


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_merging_files_refuses_special_files(special_file, tmp_path, kind):
    special = special_file(kind, "second.csv")
    good = tmp_path / "first.csv"
    good.write_text(GOOD_TABLE, encoding="utf-8")
    refused(special, lambda: merge_files([special.path]))
    refused(special, lambda: merge_files([good, special.path]))


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
@pytest.mark.parametrize("suffix", PREDICTION_SUFFIXES)
def test_read_predictions_refuses_special_files(special_file, tmp_path, kind, suffix):
    special = special_file(kind, f"p{suffix}")
    labels = tmp_path / "labels.txt"
    labels.write_text("0\n1\n", encoding="utf-8")
    refused(special, lambda: read_predictions(special.path, labels_path=labels))


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
@pytest.mark.parametrize("labels_name", ["labels.txt", "labels.csv", "labels.npy"])
@pytest.mark.parametrize("data", ["p.npy", "p.npz"])
def test_a_special_labels_file_is_refused(special_file, tmp_path, kind, labels_name, data):
    special = special_file(kind, labels_name)
    probabilities = np.array([[0.5, 0.5], [0.25, 0.75]])
    if data == "p.npy":
        np.save(tmp_path / data, probabilities)
    else:
        np.savez(tmp_path / data, probs=probabilities)  # no labels of its own
    refused(special, lambda: read_predictions(tmp_path / data, labels_path=special.path))


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
@pytest.mark.parametrize("suffix", [".csv", ".txt", ".npz"])
def test_detection_looks_at_special_files_without_waiting(special_file, kind, suffix):
    # Detection runs first in the window and in --report: it must neither block nor read.
    special = special_file(kind, f"p{suffix}")
    assert header_columns(special.path) == []
    assert is_prediction_file(special.path) == (suffix == ".npz")
    assert prediction_table_hint(special.path) is None
    assert first_prediction_hint([str(special.path)]) is None
    assert needs_labels(special.path) == (suffix == ".npz")  # its reader will say why
    assert not special.was_opened
