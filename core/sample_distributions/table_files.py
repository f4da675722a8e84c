"""Tables of per-sample distributions, one column per class: delimited text (``.csv``,
``.tsv``, ``.tab``) and Parquet (``.parquet``, ``.pq``)::

    id,label,dog,cat,rabbit
    s1,cat,0.1,0.8,0.1

Columns, by their header (in any case, spaces around it ignored):

- ``id`` or ``sample_id`` (optional): each sample's id, text or integers, each once; a
  candidate is matched to its reference's samples by it (see matching);
- ``label``, ``y_true`` or ``target`` (optional): each sample's true class (or next token),
  by the rule of prediction files (core.predictions.readers.labels);
- ``index``, and an unnamed first column (the index pandas writes): ignored;
- every other column: a class, named by its header, holding the kind of values the caller
  names (probabilities unless told otherwise; see distribution_rows): a candidate's columns
  are matched to its reference's classes by these names.

Text is read by the machinery of text prediction files (core.predictions.readers: the header,
delimiter and encoding rules, decimal commas, polars' batches read to their end, numpy line
by line for text polars cannot read and from a line it refuses on, one-line messages naming
the line and column, a number too small for a double refused rather than read as 0). Parquet
is read by polars in batches; a file whose rows could not fit in memory is refused before a
row is decoded. The values are held in memory as float64 (the rows of a text file are joined
once read: for a moment, twice).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import FormatError
from core.formats.regular_files import library_path, open_regular
from core.predictions import polars_import
from core.predictions.model_predictions import LABEL_COLUMNS
from core.predictions.readers import polars_reading
from core.predictions.readers.allocation import allocate, refuse_beyond_memory
from core.predictions.readers.blocks import batch_rows
from core.predictions.readers.labels import label_indices
from core.predictions.readers.line_checks import (
    SPANNING_FIELD,
    diagnose_line,
    file_lines,
)
from core.predictions.readers.messages import first_line, listing
from core.predictions.readers.polars_reading import PolarsFailed
from core.predictions.readers.row_checks import Where
from core.predictions.readers.text_header import Header, in_file_encoding, read_header
from core.predictions.readers.text_numpy import cell_text, line_numbers
from core.predictions.tiny_numbers import refuse_false_zeros
from core.sample_distributions.array_files import kind_temperature
from core.sample_distributions.distribution_rows import ArrayRows, Kind, refuse_unknown_kind
from core.sample_distributions.matching import sample_ids
from core.sample_distributions.sample_set import SampleSet

TEXT_TABLE_SUFFIXES = (".csv", ".tsv", ".tab")
PARQUET_TABLE_SUFFIXES = (".parquet", ".pq")
#: The columns that hold the samples' ids (in any case).
ID_COLUMNS = ("id", "sample_id")
_IGNORED_COLUMNS = ("index",)


@dataclass(frozen=True)
class TableLayout:
    """Which columns of a table hold the ids, the true classes and each class's values."""

    names: tuple[str, ...]  # every column's header, stripped
    class_columns: tuple[int, ...]
    label: int | None  # the true-label column, if any (0-based)
    ids: int | None  # the sample-id column, if any

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(self.names[column] for column in self.class_columns)

    @property
    def probability_columns(self) -> list[int]:
        """The columns of numbers (what core.predictions.readers.line_checks checks)."""
        return list(self.class_columns)

    @property
    def text_columns(self) -> list[int]:
        """The id column then the label column, those the file has."""
        return [column for column in (self.ids, self.label) if column is not None]


def table_layout(raw_names: list[str], path: str, line: int | None) -> TableLayout:
    """The layout of a table whose header is ``raw_names`` (see the module); FormatError for
    two id or label columns, a class named twice or fewer than 2 classes."""
    names = tuple(str(name).strip() for name in raw_names)
    folded = [name.casefold() for name in names]

    def error(message: str, column: int | None = None) -> FormatError:
        return FormatError(
            message, path=path, line=line, column=None if column is None else column + 1
        )

    def the_column(kinds: tuple[str, ...], what: str) -> int | None:
        found = [column for column, name in enumerate(folded) if name in kinds]
        if len(found) > 1:
            first, second = found[:2]
            raise error(
                f"columns {first + 1} and {second + 1} ({names[first]!r} and "
                f"{names[second]!r}) are both {what}: keep one",
                second,
            )
        return found[0] if found else None

    label = the_column(tuple(name.casefold() for name in LABEL_COLUMNS), "the true-label column")
    ids = the_column(ID_COLUMNS, "the sample-id column")
    seen: dict[str, int] = {}
    for column, name in enumerate(names):
        if column in (label, ids) or folded[column] in _IGNORED_COLUMNS or not (column or name):
            continue  # an unnamed first column is the index pandas writes
        if not name:
            raise error(f"column {column + 1} has no name: name its class", column)
        if name in seen:
            raise error(
                f"class {name!r} has two columns, {seen[name] + 1} and {column + 1}", column
            )
        seen[name] = column
    if len(seen) < 2:
        raise error(
            f"{len(seen)} class column(s): a file of per-sample distributions needs a column "
            f"for each of at least 2 classes (the columns are {listing(names)})"
        )
    return TableLayout(names, tuple(seen.values()), label, ids)


def read_text_table(
    path: str | os.PathLike[str], kind: str, *, temperature: float = 1.0, name: str | None = None
) -> SampleSet:
    """The per-sample distributions of a delimited text file (see the module)."""
    path = os.fspath(path)
    checked_kind = refuse_unknown_kind(kind, path)
    temperature = kind_temperature(temperature, checked_kind, path)
    header = read_header(path)
    layout = table_layout(list(header.names), path, line=1)
    refuse_beyond_memory(
        header.rows_estimate * (len(layout.class_columns) * 8 + 16),
        f"the values of about {header.rows_estimate:,} rows (estimated from the size of the file)",
        path,
        decompressed=False,
    )
    rows = _Rows()
    pl = polars_import.import_polars() if header.encoding == "utf-8" else None
    start: int | None = 2  # where numpy reads from (None: polars read every line)
    if pl is not None:
        try:
            with open_regular(path) as checked:  # polars then opens the very file checked
                _gather_polars(pl, library_path(checked, path), path, header, layout, rows)
            start = None
        except PolarsFailed:
            # polars says neither line nor column: numpy reads on from where it stopped and
            # names the line; all over again if the file is not UTF-8 as a whole
            whole = in_file_encoding(header, path)
            if whole.encoding != header.encoding:
                rows = _Rows()
            start = rows.next_line
            header = whole
    else:
        header = in_file_encoding(header, path)
    if start is not None:
        _gather_lines(path, header, layout, rows, start)
    values, lines, texts = rows.joined(layout, path)
    if not values.all():  # a 0 may be a number too small for a double, read as 0
        columns = {column: layout.names[column] for column in layout.class_columns}
        refuse_false_zeros(path, header.encoding, header.delimiter, columns, lambda _: None)
    return _sample_set(path, name, layout, checked_kind, temperature, values, texts, lines)


@dataclass
class _Rows:
    """The rows of a text file, batch by batch: values, lines and the id and label cells."""

    next_line: int = 2  # the line after the last one read
    values: list[np.ndarray] = field(default_factory=list)
    lines: list[np.ndarray] = field(default_factory=list)
    texts: list[list[np.ndarray]] = field(default_factory=list)
    diagnosed: bool = False  # a line was checked for what made a value NaN or infinite

    def add(
        self,
        values: np.ndarray,
        lines: np.ndarray,
        texts: list[np.ndarray],
        path: str,
        header: Header,
        layout: TableLayout,
    ) -> None:
        if len(values) and not values.max() < np.inf and not self.diagnosed:  # NaN or +inf
            # an empty cell, a short line, 1e400: said at its line and column; a NaN written
            # as such is said by the checks of the values, at its line
            self.diagnosed = True
            bad = np.isnan(values).any(axis=1) | (values == np.inf).any(axis=1)
            diagnose_line(path, header, layout, int(lines[np.argmax(bad)]))
        self.values.append(values)
        self.lines.append(lines)
        self.texts.append(texts)

    def joined(
        self, layout: TableLayout, path: str
    ) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
        count = sum(len(lines) for lines in self.lines)
        if not count:
            raise FormatError("no samples: the file holds no rows", path=path)
        (values,) = allocate(
            [((count, len(layout.class_columns)), np.float64)],
            f"the values of {count:,} rows",
            path,
        )
        row = 0
        for batch in self.values:
            values[row : row + len(batch)] = batch
            row += len(batch)
        self.values.clear()
        texts = [
            np.concatenate([batch[index] for batch in self.texts])
            for index in range(len(layout.text_columns))
        ]
        return values, np.concatenate(self.lines), texts


def _gather_polars(
    pl: Any, source: str, path: str, header: Header, layout: TableLayout, rows: _Rows
) -> None:
    """Read the rows with polars from ``source`` (the file at ``path``, see library_path)."""
    numbers = set(layout.class_columns)
    # Positional names: the header is ours to check (polars would rename duplicates).
    schema = {
        f"c{column}": pl.Float64 if column in numbers else pl.String
        for column in range(len(header.names))
    }
    texts = [name for name, dtype in schema.items() if dtype == pl.String]
    # polars reads a quoted field across lines; we refuse it (see SPANNING_FIELD)
    spans = pl.lit(False)
    if texts:
        spans = pl.any_horizontal(pl.col(texts).str.contains("\n", literal=True)).fill_null(False)
    query = pl.scan_csv(
        source,
        has_header=False,
        skip_rows=1,
        separator=header.delimiter,
        decimal_comma=header.decimal_comma,
        schema=schema,
        glob=False,
    ).select(
        *(pl.col(f"c{column}").str.strip_chars().fill_null("") for column in layout.text_columns),
        spans.alias("spans"),
        *(pl.col(f"c{column}") for column in layout.class_columns),
    )
    for batch in polars_reading.batches(pl, query, batch_rows(len(numbers))):
        lines = np.arange(rows.next_line, rows.next_line + batch.height)
        rows.next_line += batch.height
        cells = [
            batch.drop_in_place(f"c{column}").to_numpy().astype(str)
            for column in layout.text_columns
        ]
        spanning = batch.drop_in_place("spans")
        if spanning.any():  # every row before it was one line: its line number is right
            raise FormatError(SPANNING_FIELD, path=path, line=int(lines[spanning.arg_max()]))
        values = batch.to_numpy()  # column-major (polars' layout): copied once, by joined
        if len(values) and np.isnan(values.max()):
            blank = np.isnan(values).all(axis=1)  # blank lines, or lines of only delimiters
            for cell in cells:
                blank &= cell == ""
            if blank.any():
                keep = ~blank
                values, lines, cells = values[keep], lines[keep], [cell[keep] for cell in cells]
        rows.add(values, lines, cells, path, header, layout)


def _gather_lines(path: str, header: Header, layout: TableLayout, rows: _Rows, start: int) -> None:
    """Read the rows with numpy, line by line, from line ``start`` on."""
    size = batch_rows(len(layout.class_columns))
    batch: list[tuple[int, str]] = []
    for entry in file_lines(path, header, start):
        batch.append(entry)
        if len(batch) == size:
            _add_lines(batch, path, header, layout, rows)
            batch = []
    if batch:
        _add_lines(batch, path, header, layout, rows)


def _add_lines(
    entries: list[tuple[int, str]], path: str, header: Header, layout: TableLayout, rows: _Rows
) -> None:
    texts = [text for _, text in entries]
    delimiter = header.delimiter
    values = line_numbers(entries, header, layout, layout.class_columns, path)
    cells = [
        np.array([cell_text(text, delimiter, column) for text in texts], dtype=str)
        for column in layout.text_columns
    ]
    lines = np.array([number for number, _ in entries], dtype=np.int64)
    rows.add(values, lines, cells, path, header, layout)


def read_parquet_table(
    path: str | os.PathLike[str], kind: str, *, temperature: float = 1.0, name: str | None = None
) -> SampleSet:
    """The per-sample distributions of a Parquet file (see the module)."""
    path = os.fspath(path)
    checked_kind = refuse_unknown_kind(kind, path)
    temperature = kind_temperature(temperature, checked_kind, path)
    pl = polars_import.import_polars()
    if pl is None:
        raise FormatError("reading Parquet files needs polars: pip install polars", path=path)
    with open_regular(path) as checked:  # polars then opens the very file checked
        layout, values, texts = _read_parquet(pl, library_path(checked, path), path)
    return _sample_set(path, name, layout, checked_kind, temperature, values, texts, None)


def _read_parquet(
    pl: Any, source: str, path: str
) -> tuple[TableLayout, np.ndarray, list[np.ndarray]]:
    try:
        query = pl.scan_parquet(source, glob=False)
        schema = query.collect_schema()
        count = query.select(pl.len()).collect().item()
    except (Exception, pl.exceptions.PanicException) as error:
        raise FormatError(
            f"cannot read this Parquet file: {first_line(error)}", path=path
        ) from None
    names, dtypes = list(schema.names()), list(schema.dtypes())
    layout = table_layout(names, path, line=None)
    for column in layout.class_columns:
        if not dtypes[column].is_numeric():
            raise FormatError(
                f"column {names[column]!r} holds {dtypes[column]}, not numbers", path=path
            )
    texts = [
        _text_column(pl, names[column], dtypes[column], column == layout.ids, path)
        for column in layout.text_columns
    ]
    if count == 0:
        raise FormatError("no samples: the file holds no rows", path=path)
    classes = len(layout.class_columns)
    (values,) = allocate([((count, classes), np.float64)], f"the values of {count:,} rows", path)
    parts: list[list[np.ndarray]] = [[] for _ in texts]
    chosen = [pl.col(names[column]).cast(pl.Float64) for column in layout.class_columns]
    row = 0
    try:
        for batch in polars_reading.batches(pl, query.select(*chosen, *texts), batch_rows(classes)):
            height = batch.height
            if row + height > count:
                break
            for index, column in enumerate(batch.get_columns()):
                if index >= classes:
                    parts[index - classes].append(column.to_numpy().astype(str))
                    continue
                if column.null_count():
                    raise FormatError(
                        f"sample {row + int(column.is_null().arg_max())} (numbered from 0): no "
                        f"value for class {layout.classes[index]!r}",
                        path=path,
                    )
                values[row : row + height, index] = column.to_numpy()
            row += height
    except PolarsFailed as failure:
        raise FormatError(f"cannot read this Parquet file: {failure}", path=path) from None
    if row != count:
        raise FormatError(f"the file says it has {count} rows but holds others", path=path)
    return layout, values, [np.concatenate(part) for part in parts]


def _text_column(pl: Any, name: str, dtype: Any, ids: bool, path: str) -> Any:
    """The id or label column as stripped text (a missing value: empty)."""
    text = dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum)
    if not (text or dtype.is_integer() or (dtype.is_numeric() and not ids)):
        expected = "text or integers" if ids else "class names or class indices"
        raise FormatError(f"column {name!r} holds {dtype}; expected {expected}", path=path)
    return pl.col(name).cast(pl.String).str.strip_chars().fill_null("")


def _sample_set(
    path: str,
    name: str | None,
    layout: TableLayout,
    kind: Kind,
    temperature: float,
    values: np.ndarray,
    texts: list[np.ndarray],
    lines: np.ndarray | None,
) -> SampleSet:
    cells = dict(zip(layout.text_columns, texts, strict=True))
    where = Where(path, lines)
    labels = ids = None
    if layout.label is not None:
        labels = label_indices(cells[layout.label], layout.classes, where, layout.label + 1)
    if layout.ids is not None:
        ids = sample_ids(cells[layout.ids], f"column {layout.names[layout.ids]!r}", where)
    return SampleSet(
        name=name if name is not None else Path(path).stem,
        source=path,
        rows=ArrayRows(values, kind, path, layout.classes, temperature, lines=lines),
        classes=layout.classes,
        labels=labels,
        normalised=kind == "counts",
        ids=ids,
        classes_named=True,
    )
