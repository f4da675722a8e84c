"""Telling a prediction file (per-sample labels and probabilities) from a distribution table."""

from __future__ import annotations

import csv
import os

import numpy as np

from core.predictions.model_predictions import LABEL_COLUMNS
from core.workspace import Workspace

#: Extensions that only ever hold predictions.
PREDICTION_EXTENSIONS = frozenset({".npz", ".npy", ".parquet"})
_TEXT_EXTENSIONS = frozenset({".csv", ".tsv", ".tab", ".txt"})


def header_columns(path: str | os.PathLike[str]) -> list[str]:
    """The column names on the first line of a text file ([] if it has none or can't be read)."""
    try:
        with open(os.fspath(path), "rb") as stream:
            start = stream.read(1 << 20)
    except OSError:
        return []
    text = start.decode("utf-8-sig", errors="replace")
    header = text.splitlines()[0].strip() if text.strip() else ""  # \n, \r\n or an old Mac's \r
    for delimiter in ("\t", ";", ","):
        try:
            cells = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(cells) > 1:
            return [cell.strip() for cell in cells]
    return []


def is_prediction_file(path: str | os.PathLike[str], label_column: str | None = None) -> bool:
    """True for .npz / .npy / .parquet, and for text whose header has a true-label column.

    Reads at most the first line; a file that cannot be read is "not predictions", and the
    table reader then reports what is wrong with it.
    """
    name = os.fspath(path)
    extension = os.path.splitext(name)[1].lower()
    if extension in PREDICTION_EXTENSIONS:
        return True
    if extension not in _TEXT_EXTENSIONS and extension:
        return False
    wanted = {label_column.lower()} if label_column else set(LABEL_COLUMNS)
    return any(cell.lower() in wanted for cell in header_columns(name))


def prediction_table_hint(workspace: Workspace) -> str | None:
    """A sentence for an invalid distribution table that is more likely a prediction file
    without a true-label column: one whose rows (not columns) sum to 1, or whose "class
    names" are fractions. None when the table does not look like that."""
    if len(workspace.classes) < 2 or len(workspace.distributions) < 2:
        return None
    rows = np.column_stack([distribution.values for distribution in workspace.distributions])
    rows_sum_to_one = bool(np.all(np.abs(rows.sum(axis=1) - 1) <= 1e-3))
    fractions_as_names = all(_is_fraction(name) for name in workspace.classes)
    if not (rows_sum_to_one or fractions_as_names):
        return None
    why = (
        "each of its rows sums to 1, as per-sample predictions do"
        if rows_sum_to_one
        else f"its first column holds numbers such as {workspace.classes[0]}, not class names"
    )
    return (
        f"{why}; if it holds per-sample predictions, they need a column of true labels "
        f"named {', '.join(LABEL_COLUMNS[:-1])} or {LABEL_COLUMNS[-1]}"
    )


def _is_fraction(text: str) -> bool:
    """A number with a fractional part: 0.7, not 7 (digits are fine class names)."""
    try:
        value = float(text)
    except ValueError:
        return False
    return np.isfinite(value) and not value.is_integer()
