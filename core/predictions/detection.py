"""Telling a prediction file (per-sample labels and probabilities) from a distribution table."""

from __future__ import annotations

import csv
import os

from core.predictions.model_predictions import LABEL_COLUMNS

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
