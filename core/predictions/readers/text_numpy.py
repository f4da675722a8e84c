"""Delimited text read line by line with numpy: the engine for text polars cannot read
(CP949 and UTF-16, or when polars is missing) and, from a line polars refuses on, for the
rest of the file, naming the bad line. Each line is decoded in the encoding of the whole
file, and a line may take 64 MB.

It is kept beside polars, though polars is a dependency, because polars reads UTF-8 only
and says neither the line nor the column of what it refuses. It is several times slower:
50,000 × 1,000 (a 475 MB CSV) in 13.5 s against 2.8 s for polars.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence

import numpy as np

from core.errors import FormatError
from core.predictions.readers.blocks import batch_rows
from core.predictions.readers.collector import Collector
from core.predictions.readers.layout import Layout
from core.predictions.readers.line_checks import (
    Columns,
    check_lines,
    file_lines,
)
from core.predictions.readers.text_header import Header


def cell_text(text: str, delimiter: str, column: int) -> str:
    """Cell ``column`` (0-based) of a line of the file, stripped."""
    if '"' in text:
        return next(csv.reader([text], delimiter=delimiter))[column].strip()
    return text.split(delimiter, column + 1)[column].strip()


def _parse_lines(
    entries: list[tuple[int, str]], header: Header, layout: Layout, path: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labels, probabilities (float64) and line numbers of some lines, read with numpy."""
    texts = [text for _, text in entries]
    delimiter = header.delimiter
    values = line_numbers(entries, header, layout, layout.probability_columns, path)
    labels = np.array([cell_text(text, delimiter, layout.label) for text in texts], dtype=object)
    return labels, values, np.array([number for number, _ in entries], dtype=np.int64)


def collect_lines(
    path: str, header: Header, layout: Layout, collector: Collector, start: int = 2
) -> None:
    rows = batch_rows(len(layout.probability_columns))
    batch: list[tuple[int, str]] = []
    for entry in file_lines(path, header, start):
        batch.append(entry)
        if len(batch) == rows:
            collector.add(*_parse_lines(batch, header, layout, path))
            batch = []
    if batch:
        collector.add(*_parse_lines(batch, header, layout, path))


def line_numbers(
    entries: list[tuple[int, str]],
    header: Header,
    layout: Columns,
    columns: Sequence[int],
    path: str,
) -> np.ndarray:
    """The numbers in ``columns`` of some lines (float64, one row a line), read with numpy;
    a line numpy cannot read is named by check_lines (``layout`` is what it checks against)."""
    texts = [text for _, text in entries]
    delimiter = header.delimiter
    fields = len(header.names) - 1
    # np.loadtxt ignores surplus fields: check the count first (quoted fields the slow way).
    if any('"' in text or text.count(delimiter) != fields for text in texts):
        check_lines(entries, header, layout, path)
    # A decimal comma, where the delimiter allows one, as a point: numbers are written either
    # way (see with_decimal_point; a comma and a point in one number fail either way).
    numbers = [text.replace(",", ".") for text in texts] if header.decimal_comma else texts
    try:
        return np.loadtxt(
            numbers,
            delimiter=delimiter,
            dtype=np.float64,
            usecols=columns,
            comments=None,
            quotechar='"',
            ndmin=2,
        )
    except ValueError as error:
        check_lines(entries, header, layout, path)
        raise FormatError(
            f"cannot read lines {entries[0][0]} to {entries[-1][0]}: {error}", path=path
        ) from None
