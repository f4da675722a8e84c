"""Prediction files: per-sample true labels and predicted probabilities of classifiers.

Formats, chosen by the file's extension, one module each behind :func:`read_predictions`:

- ``.csv``, ``.tsv``, ``.tab``, ``.txt``: delimited text (``text``; its header
  ``text_header``, the line-by-line numpy engine ``text_numpy``, the diagnosis of a bad line
  ``line_checks``), a header naming a true-label column and one probability column per
  class (``layout``)::

      id,label,dog,cat,rabbit
      0,cat,0.1,0.8,0.1

- ``.parquet``, ``.pq``: the same columns (``parquet``).
- ``.npz``: arrays ``probs`` (N×K), ``labels`` (N) and optionally ``classes`` (K names,
  default ``"0"`` … ``"K-1"``); ``.npy``: probabilities (N×K) only, the labels from
  ``labels_path``: a ``.npy`` array or text with one label per line (``arrays``,
  ``label_files``).

What every format shares: labels follow one rule, text or numbers alike (``labels``); rows
are checked alike (``row_checks``); every array a reader fills is allocated only once it is
known to fit in the memory available (``allocation``).

Probabilities are kept exactly as the file holds them: a value > 0 in the file is > 0 here.
Decimal text and float64 data (text, float64 Parquet columns and arrays, and anything else
float32 cannot hold exactly) are held as float64; float32 only where the file itself holds
float32 (float16 and float32 arrays and Parquet columns, 8- and 16-bit integers, all exact in
float32). A text number too small or too large for a double and a long double that float64
cannot hold are refused. Probabilities must be finite, ≥ 0 and at most 1, and each row must
sum to 1 within PREDICTION_SUM_TOLERANCE: nothing is renormalised. Each problem is a
FormatError naming the file and the line and column (text) or the sample, numbered from 0
(Parquet and arrays); of several, the first in the file.

Files: every file read here is opened by core.formats.regular_files.open_regular: a folder,
a device, a FIFO or a socket is refused at once, by what it is, and what is read here stops
at the size a file had when it was opened. polars, which reads text (UTF-8) and Parquet,
opens the file itself (see ``text``). Each read here is bounded by what the format needs: a
header line by 16 MB (for either engine), a line that numpy reads by 64 MB (polars reads a
line of any length), a text file of labels by 2 GB and a label in it by 1 MB; an array (an
NPZ member too) is read only as far as its .npy header says. An array of Python objects is
refused: a pickle is never loaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from core.errors import FormatError
from core.formats.regular_files import open_regular
from core.predictions import polars_import
from core.predictions.model_predictions import (
    IsCancelled,
    ModelPredictions,
    Progress,
    never_cancelled,
    no_progress,
)
from core.predictions.readers.arrays import read_npy, read_npz
from core.predictions.readers.parquet import read_parquet
from core.predictions.readers.progress import Tracker
from core.predictions.readers.text import read_text

TEXT_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")
PARQUET_SUFFIXES = (".parquet", ".pq")
#: Every extension read_predictions understands (for file dialogs and drag and drop).
PREDICTION_SUFFIXES = (*TEXT_SUFFIXES, *PARQUET_SUFFIXES, ".npz", ".npy")


def read_predictions(
    path: str | os.PathLike[str],
    *,
    label_column: str | None = None,
    labels_path: str | os.PathLike[str] | None = None,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> list[ModelPredictions]:
    """The models' predictions in a prediction file, one ModelPredictions per model.

    ``label_column`` names the true-label column of a text or Parquet file (default: the
    first of LABEL_COLUMNS present); array files ignore it. ``labels_path`` gives the labels
    of a ``.npy`` file (or of a ``.npz`` without ``labels``); files with labels of their own
    ignore it, so one option can serve several files. ``progress`` is called with
    non-decreasing fractions ending with 1.0; ``is_cancelled`` is polled between batches and
    True raises Cancelled. Every problem with the files raises FormatError.
    """
    name = os.fspath(path)
    labels_name = None if labels_path is None else os.fspath(labels_path)
    tracker = Tracker(progress, is_cancelled)
    tracker.step(0.0)
    suffix = Path(name).suffix.lower()
    if suffix not in PREDICTION_SUFFIXES:
        raise FormatError(
            f"not a prediction file: expected one of {', '.join(PREDICTION_SUFFIXES)}", path=name
        )
    _check_readable(name)
    if suffix in TEXT_SUFFIXES:
        models = read_text(name, label_column, tracker)
    elif suffix in PARQUET_SUFFIXES:
        models = read_parquet(name, label_column, tracker)
    elif suffix == ".npz":
        models = read_npz(name, labels_name, tracker)
    else:
        models = read_npy(name, labels_name, tracker)
    tracker.step(1.0)
    tracker.finish()
    return models


def import_libraries_for(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Called on the main thread before ``paths`` are read on another: polars, if some of them
    are read with it, is imported now, where the Ctrl+C handler it installs can be undone
    (only the main thread can; see core.predictions.polars_import). Fast once imported."""
    if any(Path(path).suffix.lower() in (*TEXT_SUFFIXES, *PARQUET_SUFFIXES) for path in paths):
        polars_import.import_polars()


# -- files and messages ----------------------------------------------------------------------


def _check_readable(path: str) -> None:
    """A regular file that is not empty (a folder, a device, a FIFO: refused, unread)."""
    with open_regular(path) as stream:
        if not stream.size:
            raise FormatError("the file is empty", path=path)
