"""Parquet files of predictions (``.parquet``, ``.pq``), read by polars: the columns of text
files (core.predictions.readers.layout).

Float64 columns, and anything else float32 cannot hold exactly, are held as float64; a
model's probabilities are float32 only where each of its columns holds float16 or float32,
or 8- and 16-bit integers (all exact in float32). Columns are read in passes, as polars
decodes a row group whole, each batch copied into the models' arrays; a file that says it
holds more rows than the memory takes is refused before a row is decoded. Parquet needs
polars. A NaN or a missing value is named as such at its sample.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from core.errors import FormatError
from core.formats.regular_files import library_path, open_regular
from core.predictions import polars_import
from core.predictions.model_predictions import (
    ModelPredictions,
)
from core.predictions.readers import polars_reading
from core.predictions.readers.allocation import allocate
from core.predictions.readers.blocks import batch_rows
from core.predictions.readers.labels import LabelCoder, label_indices
from core.predictions.readers.layout import table_layout
from core.predictions.readers.messages import first_line
from core.predictions.readers.polars_reading import PolarsFailed
from core.predictions.readers.progress import Tracker
from core.predictions.readers.row_checks import (
    Where,
    check_rows,
    explain_model_row,
)

if TYPE_CHECKING:
    import polars

#: Parquet column types whose every value is exactly a float32 (polars' names).
_FLOAT32_EXACT_POLARS = ("Float16", "Float32", "Int8", "Int16", "UInt8", "UInt16")
_PASS_VALUES = 8_000_000  # probabilities of a Parquet file decoded in one pass (≤ 64 MB)


def read_parquet(path: str, label_column: str | None, tracker: Tracker) -> list[ModelPredictions]:
    pl = polars_import.import_polars()
    if pl is None:
        raise FormatError("reading Parquet files needs polars: pip install polars", path=path)
    with open_regular(path) as checked:  # polars then opens the very file checked
        return _read_parquet_file(pl, library_path(checked, path), path, label_column, tracker)


def _read_parquet_file(
    pl: Any, source: str, path: str, label_column: str | None, tracker: Tracker
) -> list[ModelPredictions]:
    """Read with polars from ``source`` (the file at ``path``, see library_path)."""
    try:
        query = pl.scan_parquet(source, glob=False)
        schema = query.collect_schema()
        rows = query.select(pl.len()).collect().item()
    except (Exception, pl.exceptions.PanicException) as error:
        raise FormatError(
            f"cannot read this Parquet file: {first_line(error)}", path=path
        ) from None
    names, dtypes = list(schema.names()), list(schema.dtypes())
    layout = table_layout(names, label_column, Path(path).stem, path, line=None)
    for column in layout.probability_columns:
        if not dtypes[column].is_numeric():
            raise FormatError(
                f"column {names[column]!r} holds {dtypes[column]}, not probabilities", path=path
            )
    label_type = dtypes[layout.label]
    label = pl.col(names[layout.label])
    if label_type in (pl.String, pl.Categorical) or isinstance(label_type, pl.Enum):
        label = label.cast(pl.String).str.strip_chars()
    elif not label_type.is_numeric():
        raise FormatError(
            f"the label column {names[layout.label]!r} holds {label_type}; expected class names "
            "or class indices",
            path=path,
        )
    if rows == 0:
        raise FormatError("no samples: the file holds no rows of predictions", path=path)
    # A Parquet row group is decoded whole, and often one holds every row: read the columns
    # in passes of about _PASS_VALUES values, so that polars' buffers stay small.
    flat = layout.probability_columns
    width = math.ceil(len(flat) / max(1, math.ceil(rows * len(flat) / _PASS_VALUES)))
    # A model is held as float32 only if every value of each of its columns is a float32.
    exact = tuple(getattr(pl, name) for name in _FLOAT32_EXACT_POLARS if hasattr(pl, name))
    held = [
        np.float32 if all(dtypes[column] in exact for column in columns) else np.float64
        for columns in layout.columns
    ]
    *outs, positions = allocate(
        [*(((rows, len(layout.classes)), dtype) for dtype in held), ((rows,), np.int64)],
        f"the probabilities of {rows:,} rows",
        path,
    )
    where = Where(path, None, "NaN or missing")
    coder = LabelCoder()  # the labels, coded into positions as they come
    casts = [pl.Float32 if dtype == np.float32 else pl.Float64 for dtype in held]
    classes = len(layout.classes)
    for first in range(0, len(flat), width):
        chosen = [
            pl.col(names[column]).cast(casts[(first + offset) // classes])
            for offset, column in enumerate(flat[first : first + width])
        ]
        row = 0
        try:
            batches = polars_reading.batches(
                pl,
                query.select(*chosen) if first else query.select(label, *chosen),
                batch_rows(width),
            )
            for batch in batches:
                labels = None if first else batch.drop_in_place(batch.columns[0])
                count = batch.height
                if row + count > rows:
                    break
                if labels is not None:
                    into = positions[row : row + count]
                    coder.add(labels, into, replace(where, first=row))
                _place(outs, batch, row, first)
                row += count
                tracker.step(0.95 * (first * rows + row * len(chosen)) / (len(flat) * rows))
        except PolarsFailed as failure:
            raise FormatError(f"cannot read this Parquet file: {failure}", path=path) from None
        if row != rows:
            raise FormatError(f"the file says it has {rows} rows but holds others", path=path)
    for model, out in enumerate(outs):

        def explain(row: int, model: int = model, out: np.ndarray = out) -> None:
            explain_model_row(layout, model, out[row], row, where, None)

        check_rows(out, 0, rows, explain)
    tracker.step(0.99)
    indices = label_indices(coder.labels(positions), layout.classes, where)
    return [
        ModelPredictions(name, layout.classes, indices, out, path)
        for name, out in zip(layout.models, outs, strict=True)
    ]


def _place(outs: list[np.ndarray], batch: polars.DataFrame, row: int, first: int) -> None:
    """Put the batch's columns, probability columns ``first``… (model by model, each in
    class order), into the models' arrays from ``row`` on: column by column, each as polars
    holds it (no copy of the batch; a null is NaN)."""
    classes = outs[0].shape[1]
    for offset, column in enumerate(batch.get_columns()):
        model, klass = divmod(first + offset, classes)
        outs[model][row : row + batch.height, klass] = column.to_numpy()
