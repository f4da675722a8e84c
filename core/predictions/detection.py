"""Telling a prediction file (per-sample labels and probabilities) from a distribution table.

These run first, in the window and in --report, before any reader: they open files as the
readers do (core.formats.regular_files), read at most a file's first megabyte (of an archive,
its directory) and decode text as the readers do (core.formats.text_files)."""

from __future__ import annotations

import csv
import math
import os
import re
import zipfile
from collections.abc import Sequence

from core.errors import FormatError
from core.formats.delimiters import sniff_delimiter
from core.formats.regular_files import open_regular
from core.formats.text_files import peek_text
from core.predictions.model_predictions import IGNORED_COLUMNS, LABEL_COLUMNS

#: Extensions that only ever hold predictions.
PREDICTION_EXTENSIONS = frozenset({".npz", ".npy", ".parquet"})
_TEXT_EXTENSIONS = frozenset({".csv", ".tsv", ".tab", ".txt"})
#: How much of a file the detection reads.
_SAMPLE_BYTES = 1 << 20


def header_columns(path: str | os.PathLike[str]) -> list[str]:
    """The column names on the first line of a text file, split as the readers split it
    (core.formats.delimiters); [] if it has fewer than two or cannot be read."""
    header = _lines(_start_of(os.fspath(path)))[0].strip()
    delimiter = sniff_delimiter(header)
    if delimiter is None:
        return []
    try:
        cells = next(csv.reader([header], delimiter=delimiter), [])
    except csv.Error:
        return []
    return [cell.strip() for cell in cells] if len(cells) > 1 else []


def label_column_candidates(path: str | os.PathLike[str]) -> list[str]:
    """The columns of a text file that may hold true labels: all but those that hold
    probabilities in the first rows (numbers from 0 to 1, some with a fractional part) and
    those a prediction reader ignores (id, index). [] when no column can, so that the window
    says the file has no label column instead of offering a column of probabilities."""
    columns = header_columns(path)
    rows = _first_rows(os.fspath(path), columns)
    if not rows:  # the rows cannot be read here: let the reader judge the column chosen
        return columns
    return [
        name
        for index, name in enumerate(columns)
        if name.lower() not in IGNORED_COLUMNS
        and not _holds_probabilities([row[index] for row in rows])
    ]


def _holds_probabilities(cells: list[str]) -> bool:
    """Numbers from 0 to 1, one at least with a fractional part (0 and 1 alone may be class
    numbers)."""
    numbers = [float(cell) for cell in cells if _is_number(cell)]
    return (
        len(numbers) == len(cells)
        and all(0 <= number <= 1 for number in numbers)
        and any(map(_is_fraction, cells))
    )


def is_prediction_file(path: str | os.PathLike[str], label_column: str | None = None) -> bool:
    """True for .npz / .npy / .parquet, and for text whose header has a true-label column,
    or any text when the user named its label column (the prediction reader then says if
    there is no such column, rather than the file being read as something else).

    Reads at most the first megabyte, of a regular file only (a FIFO or a device is never
    opened); a file that cannot be read is "not predictions", and the table reader then
    reports what is wrong with it.
    """
    name = os.fspath(path)
    extension = os.path.splitext(name)[1].lower()
    if extension in PREDICTION_EXTENSIONS:
        return True
    if extension not in _TEXT_EXTENSIONS and extension:
        return False
    if label_column:
        return True
    return any(cell.lower() in LABEL_COLUMNS for cell in header_columns(name))


def needs_labels(path: str | os.PathLike[str]) -> bool:
    """Whether a prediction file needs its true labels from elsewhere (``labels_path``): a
    ``.npy`` (probabilities only), or a ``.npz`` without a ``labels`` array. Reads only the
    archive's directory; a file that cannot be read as one is said to need them (its reader
    then says what is wrong with it)."""
    extension = os.path.splitext(os.fspath(path))[1].lower()
    if extension != ".npz":
        return extension == ".npy"
    try:
        with open_regular(path) as stream, zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
    except (FormatError, OSError, EOFError, ValueError, zipfile.BadZipFile):
        return True
    return "labels" not in {name.removesuffix(".npy") for name in names}


def prediction_table_hint(path: str | os.PathLike[str]) -> str | None:
    """A sentence for a text file that failed as a distribution table but looks like
    per-sample predictions without a true-label column: its rows (not its columns) sum to 1,
    or its first column holds probabilities where class names belong. Reads the first lines;
    None when the file does not look like that (or cannot be read)."""
    columns = header_columns(path)
    rows = _first_rows(os.fspath(path), columns)
    # Without the columns a prediction reader ignores (id, index, an unnamed first one).
    kept = [
        index
        for index, name in enumerate(columns)
        if name.lower() not in IGNORED_COLUMNS and (name or index > 0)
    ]
    rows = [[row[index] for index in kept] for row in rows]
    if len(rows) < 2 or len(rows[0]) < 3:
        return None
    first_cells = [row[0] for row in rows]
    if all(_is_number(cell) for cell in first_cells) and any(map(_is_fraction, first_cells)):
        return (
            f"its first column holds numbers such as {first_cells[0]} where class names "
            f"belong; {_LABEL_NEEDED}"
        )
    try:
        sums = [sum(float(cell) for cell in row[1:]) for row in rows]
    except ValueError:
        return None
    if all(abs(total - 1) <= 1e-3 for total in sums):
        return f"each of its rows sums to 1, as per-sample predictions do; {_LABEL_NEEDED}"
    return None


_LABEL_NEEDED = (
    "if it holds per-sample predictions, they need a column of true labels named "
    f"{', '.join(LABEL_COLUMNS[:-1])} or {LABEL_COLUMNS[-1]}"
)


def first_prediction_hint(paths: Sequence[str]) -> tuple[str, str] | None:
    """(path, hint) of the first of ``paths`` that gets a :func:`prediction_table_hint`."""
    for path in paths:
        hint = prediction_table_hint(path)
        if hint:
            return path, hint
    return None


def _first_rows(path: str, columns: list[str], count: int = 50) -> list[list[str]]:
    """Up to ``count`` data rows after the header, split like the header's ``columns`` (the
    same width), from the file's first megabyte; [] when they cannot be read or split so."""
    if not columns:
        return []
    lines = _lines(_start_of(path))
    delimiter = sniff_delimiter(lines[0])
    try:
        rows = [row for row in csv.reader(lines[1 : count + 1], delimiter=delimiter or ",") if row]
    except csv.Error:  # a stray quote in a file that already failed as a table
        return []
    if rows and all(len(row) == len(columns) for row in rows):
        return [[cell.strip() for cell in row] for row in rows]
    return []


def _lines(text: str) -> list[str]:
    """The lines of a text, ended by '\n', '\r\n' or '\r' (an old Mac's) as the table
    reader ends them (unlike str.splitlines, not by form feeds and other separators)."""
    return re.split(r"\r\n|\r|\n", text)


def _start_of(path: str) -> str:
    """The text of the file's first megabyte, "" when it is not a regular file or cannot be
    read (never waiting on a FIFO, never reading a device)."""
    try:
        with open_regular(path) as stream:
            return peek_text(stream.read(_SAMPLE_BYTES))
    except (FormatError, OSError):
        return ""


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _is_fraction(text: str) -> bool:
    """A number with a fractional part: 0.7, not 7 (digits are fine class names)."""
    return _is_number(text) and not float(text).is_integer()
