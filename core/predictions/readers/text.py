"""Delimited text files of predictions: ``.csv``, ``.tsv``, ``.tab``, ``.txt``.

The header (core.predictions.readers.text_header) names the columns
(core.predictions.readers.layout). Lines end with '\n' or '\r\n'; a carriage return alone
(old Mac line ends) is refused at its line. Blank lines are skipped. A quoted field may not
span lines: one that runs on past the end of its line is refused at that line, whichever
engine reads the file (polars would take it, numpy not).

Numbers are read as float64: a text number too small or too large for a double
(``1e-400``, which would read as 0, and ``1e400``; core.formats.number_text) is refused.
Only when some probability read as 0 is the file searched for numbers too small for a double
(core.predictions.tiny_numbers, at memory speed; cancellable).

UTF-8 text is read by polars, in batches copied straight into one C-contiguous (N, K) array
per model (core.predictions.readers.collector). From a line polars refuses on, and for all
of a file that is not UTF-8 or when polars is missing, numpy reads the text
(core.predictions.readers.text_numpy, several times slower) and names the bad line; so it
does from where polars stopped if polars ends a read before the end of the file (as its
Ctrl+C handler would). A quoted field that spans lines is found in the same pass: polars
flags a line end inside a text field, numpy checks the lines that hold a quote.

polars opens the file itself: on Linux the very file that was checked (through
/proc/self/fd, so nothing put at its name since is read) but as it is when polars reads it,
to its end then, not to the size checked; elsewhere the name, checked a moment before.
polars reads a line of any length. Labels of text are held no wider than a class name or a
number needs.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import FormatError
from core.formats.regular_files import library_path, open_regular
from core.predictions import polars_import
from core.predictions.model_predictions import (
    ModelPredictions,
)
from core.predictions.readers import polars_reading
from core.predictions.readers.blocks import batch_rows
from core.predictions.readers.collector import Collector
from core.predictions.readers.layout import Layout, table_layout
from core.predictions.readers.line_checks import (
    SPANNING_FIELD,
    diagnose_line,
)
from core.predictions.readers.polars_reading import PolarsFailed
from core.predictions.readers.progress import READ_SHARE, Tracker
from core.predictions.readers.text_header import Header, in_file_encoding, read_header
from core.predictions.readers.text_numpy import collect_lines
from core.predictions.tiny_numbers import refuse_false_zeros


def read_text(path: str, label_column: str | None, tracker: Tracker) -> list[ModelPredictions]:
    header = read_header(path)
    layout = table_layout(header.names, label_column, Path(path).stem, path, line=1)
    pl = (
        polars_import.import_polars() if header.encoding == "utf-8" else None
    )  # polars reads only UTF-8
    if pl is None:  # numpy decodes line by line: in the encoding of the whole file
        header = in_file_encoding(header, path)
    try:
        return _read_rows(pl, path, header, layout, tracker)
    except _NotUtf8:
        pass  # (out of the except clause, the rows read so far are let go)
    # polars read UTF-8 lines up to one that is not: the file as a whole is CP949 (as a
    # table would be), and is read again so
    return _read_rows(None, path, in_file_encoding(header, path), layout, tracker)


class _NotUtf8(Exception):
    """The file, whose header is UTF-8, is not UTF-8 as a whole."""


def _read_rows(
    pl: Any, path: str, header: Header, layout: Layout, tracker: Tracker
) -> list[ModelPredictions]:
    """The models of a text file, read with polars (``pl``) or numpy (None)."""
    diagnose = functools.partial(diagnose_line, path, header, layout)
    collector = Collector(layout, path, tracker, header.rows_estimate, diagnose)
    columns = {column: layout.names[column] for column in layout.probability_columns}
    search = functools.partial(
        refuse_false_zeros,
        path,
        header.encoding,
        header.delimiter,
        columns,
        functools.partial(_scan_step, tracker),
    )
    try:
        if pl is not None:
            with open_regular(path) as checked:  # polars then opens the very file checked
                source = library_path(checked, path)
                _collect_text_polars(pl, source, path, header, layout, collector)
        else:
            collect_lines(path, header, layout, collector)
        models = collector.finish()
    except FormatError as error:
        # Something is wrong at this line; a number before it that read as 0 (and is
        # searched for only when everything else is right) comes first in the file.
        if error.line is not None and error.path == path:
            search(before=error.line)
        raise
    if collector.holds_zero:
        search()
    return models


def _scan_step(tracker: Tracker, fraction: float) -> None:
    """Progress of the search for numbers too small for a double, after the reading."""
    tracker.step(READ_SHARE + (1 - READ_SHARE) * fraction)


def _collect_text_polars(
    pl: Any, source: str, path: str, header: Header, layout: Layout, collector: Collector
) -> None:
    """Read the rows with polars from ``source`` (the file at ``path``, see library_path)."""
    probability = layout.probability_columns
    wanted = set(probability)
    # Positional names: the header is ours to check (polars would rename duplicates).
    schema = {
        f"c{column}": pl.Float64 if column in wanted else pl.String
        for column in range(len(header.names))
    }
    texts = [name for name, dtype in schema.items() if dtype == pl.String]
    query = pl.scan_csv(
        source,
        has_header=False,
        skip_rows=1,
        separator=header.delimiter,
        decimal_comma=header.decimal_comma,
        schema=schema,
        glob=False,
    ).select(
        pl.col(f"c{layout.label}").str.strip_chars(),
        # polars reads a quoted field across lines; we refuse it (see SPANNING_FIELD)
        pl.any_horizontal(pl.col(texts).str.contains("\n", literal=True))
        .fill_null(False)
        .alias("spans"),
        *(pl.col(f"c{column}") for column in probability),
    )
    next_line = 2  # polars gives a row for each line after the header, blank ones too
    try:
        for batch in polars_reading.batches(pl, query, batch_rows(len(probability))):
            lines = np.arange(next_line, next_line + batch.height)
            next_line += batch.height
            labels = batch.drop_in_place(batch.columns[0])  # cheaper than slicing
            spans = batch.drop_in_place("spans")
            if spans.any():  # every row before it was one line: its line number is right
                raise FormatError(SPANNING_FIELD, path=path, line=int(lines[spans.arg_max()]))
            values = batch.to_numpy()  # column-major (polars' layout): one copy
            no_label = (labels.is_null() | (labels == "")).to_numpy()
            if no_label.any():
                blank = no_label & np.isnan(values).all(axis=1)
                if blank.any():  # blank lines, or lines of nothing but delimiters
                    keep = ~blank
                    labels = labels.filter(keep)
                    values, lines, no_label = values[keep], lines[keep], no_label[keep]
                if no_label.any():  # a short line, or an empty label: check_lines says which
                    diagnose_line(path, header, layout, int(lines[np.argmax(no_label)]))
            collector.add(labels, values, lines)
    except PolarsFailed:
        # polars refused something (a ragged or non-UTF-8 line, a cell with spaces after the
        # number, ...) and says neither line nor column: numpy reads on from where it stopped
        # and names the line if something is wrong (unless the file is not UTF-8 at all).
        if in_file_encoding(header, path).encoding != header.encoding:
            raise _NotUtf8() from None
        collect_lines(path, header, layout, collector, start=next_line)
