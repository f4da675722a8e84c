"""Prediction files: per-sample true labels and predicted probabilities of classifiers.

Formats, chosen by the file's extension:

- ``.csv``, ``.tsv``, ``.tab``, ``.txt``: delimited text (comma, tab or semicolon, sniffed
  from the header line), UTF-8 with or without a byte-order mark, or CP949. The header names
  a true-label column (``label``, ``y_true`` or ``target``, in any case, or ``label_column``)
  and one probability column per class::

      id,label,dog,cat,rabbit
      0,cat,0.1,0.8,0.1

  Columns named ``id``, ``index``, ``sample`` or ``sample_id`` (and an unnamed first column,
  the index pandas writes) are ignored; every other column holds probabilities. Several
  models share a file as prefixed column groups (``A:dog,A:cat,B:dog,B:cat``), each prefix
  a model; otherwise the file is one model named after the file's stem. Blank lines are
  skipped; a quoted field may not span lines.
- ``.parquet``: the same columns.
- ``.npz``: arrays ``probs`` (N×K), ``labels`` (N) and optionally ``classes`` (K names,
  default ``"0"`` … ``"K-1"``).
- ``.npy``: probabilities (N×K) only; the labels come from ``labels_path``: a ``.npy`` array,
  or text with one label per line and an optional header (``label``).

Labels are class names or 0-based indices into the classes. Text labels are read as indices
when all of them are integers in range and none is a class name; integer arrays are indices.
Probabilities must be finite and ≥ 0 and each row must sum to 1 within
PREDICTION_SUM_TOLERANCE: nothing is renormalised. Each problem is a FormatError naming the
file and the line and column (text) or the sample index (Parquet and arrays).

Speed and memory (see the design notes): text and Parquet are read by polars, imported on
first use (never at start-up), in batches copied straight into one float32 C-contiguous
(N, K) array per model; rows are checked 256 at a time, so there is no whole-file copy and no
big temporary. Parquet columns are read in passes, as polars decodes a row group whole. From
a line polars refuses on, and for all of a file when polars is missing, numpy reads the text
(several times slower) and names the bad line; Parquet needs polars. ``.npy`` data is read in
blocks straight into its array.
"""

from __future__ import annotations

import csv
import functools
import itertools
import math
import os
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from core.errors import FormatError
from core.formats.text_files import decode_text, read_text
from core.predictions.model_predictions import (
    IGNORED_COLUMNS,
    LABEL_COLUMNS,
    PREDICTION_SUM_TOLERANCE,
    Cancelled,
    IsCancelled,
    ModelPredictions,
    Progress,
    never_cancelled,
    no_progress,
)

if TYPE_CHECKING:
    import polars

TEXT_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")
PARQUET_SUFFIXES = (".parquet", ".pq")
#: Every extension read_predictions understands (for file dialogs and drag and drop).
PREDICTION_SUFFIXES = (*TEXT_SUFFIXES, *PARQUET_SUFFIXES, ".npz", ".npy")
#: In order of preference when the header holds as many of one as of another.
DELIMITERS = ("\t", ";", ",")

_CHECK_ROWS = 256  # rows checked at a time: 256 × 1000 float32 is 1 MB, stays in cache
_BATCH_VALUES = 1_000_000  # probabilities per batch from text or Parquet (4 MB): fastest
_PASS_VALUES = 8_000_000  # probabilities of a Parquet file decoded in one pass (32 MB)
_READ_BYTES = 16 * 1024**2  # bytes of a .npy array read between progress reports
_MAX_HEADER_BYTES = 16 * 1024**2
_SAMPLE_BYTES = 1024**2  # read after the header to estimate the number of rows
_SHOWN_NAMES = 8  # column or class names listed in a message


# -- progress and cancellation ---------------------------------------------------------------


class _Tracker:
    """Polls for cancellation and reports progress that never goes backwards."""

    def __init__(self, progress: Progress, is_cancelled: IsCancelled) -> None:
        self._progress = progress
        self._is_cancelled = is_cancelled
        self._done = 0.0

    def poll(self) -> None:
        if self._is_cancelled():
            raise Cancelled()

    def step(self, fraction: float) -> None:
        self.poll()
        # 1.0 only at the very end: the row count of a text file is an estimate.
        self._done = max(self._done, min(fraction, 0.99))
        self._progress(self._done)

    def finish(self) -> None:
        self._progress(1.0)


# -- the entry point -------------------------------------------------------------------------


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
    tracker = _Tracker(progress, is_cancelled)
    tracker.step(0.0)
    suffix = Path(name).suffix.lower()
    if suffix not in PREDICTION_SUFFIXES:
        raise FormatError(
            f"not a prediction file: expected one of {', '.join(PREDICTION_SUFFIXES)}", path=name
        )
    _check_readable(name)
    if suffix in TEXT_SUFFIXES:
        models = _read_text(name, label_column, tracker)
    elif suffix in PARQUET_SUFFIXES:
        models = _read_parquet(name, label_column, tracker)
    elif suffix == ".npz":
        models = _read_npz(name, labels_name, tracker)
    else:
        models = _read_npy(name, labels_name, tracker)
    tracker.step(1.0)
    tracker.finish()
    return models


# -- files and messages ----------------------------------------------------------------------


def _os_error(error: OSError, path: str) -> FormatError:
    if isinstance(error, FileNotFoundError):
        return FormatError("no such file", path=path)
    if isinstance(error, IsADirectoryError):
        return FormatError("is a folder, not a file", path=path)
    if isinstance(error, PermissionError):
        return FormatError("permission denied: the file cannot be read", path=path)
    return FormatError(f"cannot read the file: {error.strerror or error}", path=path)


def _check_readable(path: str) -> None:
    try:
        with open(path, "rb") as stream:
            empty = not stream.read(1)
    except OSError as error:
        raise _os_error(error, path) from None
    if empty:
        raise FormatError("the file is empty", path=path)


def _first_line(error: BaseException) -> str:
    """A library's message, short: polars appends paragraphs of advice."""
    text = str(error).strip().splitlines()
    line = text[0] if text else type(error).__name__
    return line if len(line) <= 300 else line[:300] + "…"


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(repr(name) for name in names[:_SHOWN_NAMES])
    return shown if len(names) <= _SHOWN_NAMES else f"{shown}, … ({len(names)} in all)"


def _import_polars() -> Any:
    """polars, imported on first use (it takes 160 ms); None when it is not installed."""
    try:
        import polars
    except ImportError:
        return None
    return polars


def _batch_rows(columns: int) -> int:
    return max(64, _BATCH_VALUES // max(1, columns))


def _empty(rows: int, columns: int, dtype: Any, path: str) -> np.ndarray:
    try:
        return np.empty((rows, columns), dtype)
    except (MemoryError, ValueError):  # ValueError: more bytes than an address space holds
        raise FormatError(
            f"not enough memory for {rows:,} × {columns:,} probabilities", path=path
        ) from None


# -- the columns of a table ------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """Which columns of a table hold the label and which each model's probabilities."""

    names: tuple[str, ...]  # every column's header, stripped
    label: int  # the true-label column (0-based)
    models: tuple[str, ...]
    classes: tuple[str, ...]
    columns: tuple[tuple[int, ...], ...]  # per model, the column of each class

    @property
    def probability_columns(self) -> list[int]:
        """Model by model, each in class order: the order of the values in a batch."""
        return [column for columns in self.columns for column in columns]


def _layout(
    raw_names: Sequence[str], label_column: str | None, stem: str, path: str, line: int | None
) -> _Layout:
    names = tuple(str(name).strip() for name in raw_names)
    folded = [name.casefold() for name in names]

    def error(message: str, column: int | None = None) -> FormatError:
        return FormatError(
            message, path=path, line=line, column=None if column is None else column + 1
        )

    label_names = {name.casefold() for name in LABEL_COLUMNS}
    wanted = [label_column.strip().casefold()] if label_column is not None else LABEL_COLUMNS
    label = None
    for candidate in wanted:
        matches = [column for column, name in enumerate(folded) if name == candidate]
        if len(matches) > 1:
            raise error(
                f"columns {matches[0] + 1} and {matches[1] + 1} are both named "
                f"{names[matches[0]]!r}",
                matches[1],
            )
        if matches:
            label = matches[0]
            break
    if label is None:
        if label_column is not None:
            raise error(f"no column named {label_column!r}; the columns are {_listing(names)}")
        raise error(
            "no true-label column: name it 'label', 'y_true' or 'target' (or choose one); "
            f"the columns are {_listing(names)}"
        )
    ignored = set(IGNORED_COLUMNS)
    if label_column is None:
        others = [c for c, name in enumerate(folded) if name in label_names and c != label]
        if others:
            raise error(
                f"two true-label columns, {names[label]!r} and {names[others[0]]!r}: choose one",
                others[0],
            )
    else:  # the user chose one: other label-like columns are not probabilities
        ignored |= label_names

    probability = []
    for column, name in enumerate(names):
        if column == label or folded[column] in ignored or (column == 0 and not name):
            continue  # an unnamed first column is the index pandas writes
        if not name:
            raise error(f"column {column + 1} has no name", column)
        probability.append(column)

    prefixed = [column for column in probability if ":" in names[column]]
    if prefixed and len(prefixed) < len(probability):
        plain = next(column for column in probability if ":" not in names[column])
        raise error(
            f"column {names[plain]!r} has no model prefix but {names[prefixed[0]]!r} has one: "
            "prefix every probability column ('A:dog') or none",
            plain,
        )
    groups: dict[str, dict[str, int]] = {}
    for column in probability:
        if prefixed:
            model, _, klass = (part.strip() for part in names[column].partition(":"))
        else:
            model, klass = stem, names[column]
        if not model:
            raise error(f"column {names[column]!r} has no model name before ':'", column)
        if not klass:
            raise error(f"column {names[column]!r} has no class name", column)
        group = groups.setdefault(model, {})
        if klass in group:
            owner = f" of model {model!r}" if prefixed else ""
            raise error(
                f"class {klass!r}{owner} has two columns, {group[klass] + 1} and {column + 1}",
                column,
            )
        group[klass] = column

    classes = tuple(dict.fromkeys(klass for group in groups.values() for klass in group))
    for model, group in groups.items():
        missing = [klass for klass in classes if klass not in group]
        if missing:
            raise error(f"model {model!r} has no column for class {missing[0]!r}")
    if len(classes) < 2:
        found = f"only the class column {classes[0]!r}" if classes else "no class columns"
        raise error(
            f"{found}: a prediction file needs a probability column for each of at least "
            f"2 classes (the columns are {_listing(names)})"
        )
    return _Layout(
        names=names,
        label=label,
        models=tuple(groups),
        classes=classes,
        columns=tuple(tuple(group[klass] for klass in classes) for group in groups.values()),
    )


# -- checking rows and labels ----------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """Where row i of the arrays came from, for messages: a text file's line, or sample i."""

    path: str
    lines: np.ndarray | None = None  # the line of each row of a text file
    nan: str = "NaN"  # what a NaN may stand for in this format

    def error(self, row: int, message: str, column: int | None = None) -> FormatError:
        if self.lines is None:
            return FormatError(f"sample {row}: {message}", path=self.path)
        return FormatError(message, path=self.path, line=int(self.lines[row]), column=column)


def _check_rows(
    probabilities: np.ndarray,
    start: int,
    stop: int,
    explain: Callable[[int], None],
) -> None:
    """Rows start..stop are finite, ≥ 0 and sum to 1; ``explain(row)`` raises for a bad row.

    Blocks of _CHECK_ROWS rows keep the temporaries small and in cache. NaN fails both
    comparisons; a float32 sum of a row is exact to ~1e-6, far inside the tolerance, and
    ``explain`` decides the rows near the limit in float64.
    """
    for first in range(start, stop, _CHECK_ROWS):
        block = probabilities[first : min(first + _CHECK_ROWS, stop)]
        with np.errstate(all="ignore"):  # inf − inf and overflows: bad rows, said below
            sums = block.sum(axis=1)
        ok = (block.min(axis=1) >= 0) & (np.abs(sums - 1) <= PREDICTION_SUM_TOLERANCE)
        if not ok.all():
            for offset in np.flatnonzero(~ok):
                explain(first + int(offset))


def _explain_row(
    values: np.ndarray,
    row: int,
    where: _Where,
    subjects: Sequence[str],
    columns: Sequence[int] | None,
    owner: str,
) -> None:
    """Raise the FormatError that says what is wrong with this row of probabilities, if any."""

    def error(message: str, index: int | None = None) -> FormatError:
        column = None if columns is None or index is None else columns[index] + 1
        return where.error(row, message, column)

    finite = np.isfinite(values)
    if not finite.all():
        index = int(np.argmin(finite))
        what = where.nan if np.isnan(values[index]) else "infinite"
        raise error(f"the probability of {subjects[index]} is {what}", index)
    negative = values < 0
    if negative.any():
        index = int(np.argmax(negative))
        raise error(f"the probability of {subjects[index]} is negative: {values[index]:.6g}", index)
    with np.errstate(all="ignore"):
        total = float(values.sum(dtype=np.float64))
    if abs(total - 1) > PREDICTION_SUM_TOLERANCE:
        raise error(
            f"{owner}the probabilities sum to {total:.6g}, not 1 (allowed: ±"
            f"{PREDICTION_SUM_TOLERANCE:g}); predictions are never renormalised"
        )


def _label_indices(
    labels: np.ndarray, classes: Sequence[str], where: _Where, column: int | None = None
) -> np.ndarray:
    """The index in ``classes`` of each label (names, integer indices, or text of either)."""
    kind = labels.dtype.kind
    if kind in "OUS":
        return _indices_of_names(labels, classes, where, column)
    if kind == "f":
        whole = np.isfinite(labels) & (labels == np.round(labels))
        if not whole.all():
            row = int(np.argmin(whole))
            message = (
                "no true label"
                if np.isnan(labels[row])
                else f"label {labels[row]:g} is not a class index"
            )
            raise where.error(row, message, column)
    elif kind not in "iu":
        raise FormatError(
            f"the labels are of type {labels.dtype}; expected class names or class indices",
            path=where.path,
        )
    indices = labels.astype(np.int64)
    outside = (indices < 0) | (indices >= len(classes))
    if outside.any():
        row = int(np.argmax(outside))
        raise where.error(
            row, f"label {indices[row]} is not a class index (0 to {len(classes) - 1})", column
        )
    return indices


def _indices_of_names(
    labels: np.ndarray, classes: Sequence[str], where: _Where, column: int | None
) -> np.ndarray:
    values = [None if value is None else str(value).strip() for value in labels]
    distinct = set(values)
    for missing in (None, ""):
        if missing in distinct:
            raise where.error(values.index(missing), "no true label", column)
    index = {name: position for position, name in enumerate(classes)}
    count = len(classes)
    if distinct.isdisjoint(index) and all(_is_integer(value) for value in distinct):
        # Integers and none a class name: indices, which must be in range.
        outside = {value for value in distinct if int(value) >= count}
        if outside:
            row = next(row for row, value in enumerate(values) if value in outside)
            raise where.error(
                row,
                f"label {values[row]!r} is neither a class index (0 to {count - 1}) nor a class "
                f"name (the classes are {_listing(classes)})",
                column,
            )
        lookup = {value: int(value) for value in distinct}
    else:
        unknown = distinct - index.keys()
        if unknown:
            row = next(row for row, value in enumerate(values) if value in unknown)
            raise where.error(
                row,
                f"label {values[row]!r} is not a class (the classes are {_listing(classes)})",
                column,
            )
        lookup = index
    return np.fromiter((lookup[value] for value in values), dtype=np.int64, count=len(values))


def _is_integer(value: str) -> bool:
    return value.isascii() and value.isdigit()


def _explain_model_row(
    layout: _Layout,
    model: int,
    values: np.ndarray,
    row: int,
    where: _Where,
    columns: Sequence[int] | None,
) -> None:
    several = len(layout.models) > 1
    name = layout.models[model]
    subjects = [
        f"class {klass!r}" + (f" for model {name!r}" if several else "") for klass in layout.classes
    ]
    _explain_row(values, row, where, subjects, columns, f"model {name!r}: " if several else "")


def _scatter(outs: list[np.ndarray], values: np.ndarray, row: int, first: int) -> None:
    """Put ``values``, columns ``first``… of the probability columns of every model in turn
    (model by model, each in class order), into the models' arrays from ``row`` on."""
    classes = outs[0].shape[1]
    count = values.shape[1]
    for model, out in enumerate(outs):
        low, high = max(first, model * classes), min(first + count, (model + 1) * classes)
        if low >= high:
            continue
        part = values[:, low - first : high - first]
        target = out[:, low - model * classes : high - model * classes]
        # Copy in blocks that fit in cache: a batch is column-major, the result row-major.
        for start in range(0, len(values), _CHECK_ROWS):
            stop = min(start + _CHECK_ROWS, len(values))
            target[row + start : row + stop] = part[start:stop]


# -- gathering batches of text rows ----------------------------------------------------------


class _Collector:
    """Rows of a text file arriving in batches → one C-contiguous (N, K) float32 array per
    model, each batch checked as it arrives. The arrays are allocated once for the expected
    row count (pages never written cost no memory) and grow only if that was short."""

    def __init__(
        self,
        layout: _Layout,
        path: str,
        tracker: _Tracker,
        expected_rows: int,
        diagnose: Callable[[int], None],
    ) -> None:
        self._layout = layout
        self._path = path
        self._tracker = tracker
        self._expected = max(1, expected_rows)
        self._diagnose = diagnose  # checks a row's line: an empty cell reads as NaN
        # The row count is estimated from the first megabyte: leave some room.
        capacity = max(16, expected_rows + expected_rows // 8)
        classes = len(layout.classes)
        self._outs = [_empty(capacity, classes, np.float32, path) for _ in layout.models]
        self._lines = np.empty(capacity, np.int64)  # the line of each row
        self._labels: list[np.ndarray] = []
        self._count = 0

    def _where(self) -> _Where:
        return _Where(self._path, self._lines[: self._count])

    def _grow(self, rows: int) -> None:
        capacity = max(rows, len(self._lines) * 3 // 2)
        for index, out in enumerate(self._outs):
            grown = _empty(capacity, out.shape[1], out.dtype, self._path)
            grown[: self._count] = out[: self._count]
            self._outs[index] = grown
        lines = np.empty(capacity, np.int64)
        lines[: self._count] = self._lines[: self._count]
        self._lines = lines

    def add(self, labels: np.ndarray, values: np.ndarray, lines: np.ndarray) -> None:
        """``values`` holds the probability columns in the order of
        ``layout.probability_columns``, in any memory order."""
        start, stop = self._count, self._count + len(values)
        if stop > len(self._lines):
            self._grow(stop)
        _scatter(self._outs, values, start, 0)
        self._lines[start:stop] = lines
        self._labels.append(labels)
        self._count = stop
        where = self._where()
        for model, out in enumerate(self._outs):
            _check_rows(out, start, stop, functools.partial(self._explain, model, where))
        self._tracker.step(stop / self._expected)

    def _explain(self, model: int, where: _Where, row: int) -> None:
        values = self._outs[model][row]
        if np.isnan(values).any():
            self._diagnose(row)  # an empty cell or a short line: say so, not "NaN"
        _explain_model_row(self._layout, model, values, row, where, self._layout.columns[model])

    def line_of(self, row: int) -> int:
        return int(self._lines[row])

    def finish(self) -> list[ModelPredictions]:
        if not self._count:
            raise FormatError("no samples: the file holds no rows of predictions", path=self._path)
        self._tracker.poll()
        labels = _label_indices(
            np.concatenate(self._labels),
            self._layout.classes,
            self._where(),
            self._layout.label + 1,
        )
        return [
            ModelPredictions(name, self._layout.classes, labels, out[: self._count], self._path)
            for name, out in zip(self._layout.models, self._outs, strict=True)
        ]


class _PolarsFailed(Exception):
    """polars could not read on; its message, shortened, is the exception's text."""


def _polars_batches(pl: Any, query: polars.LazyFrame, rows: int) -> Iterator[polars.DataFrame]:
    """The query's result in batches of about ``rows`` rows, in order. Closing the iterator
    early (an error, a cancel) drops the query, which stops it."""
    errors = (Exception, pl.exceptions.PanicException)  # a panic is a BaseException
    try:
        if hasattr(query, "collect_batches"):
            source = iter(query.collect_batches(chunk_size=rows))
        else:  # polars < 1.34 streams no batches: read it all, hand out slices (more memory)
            source = query.collect().iter_slices(rows)
    except errors as error:
        raise _PolarsFailed(_first_line(error)) from None
    while True:
        try:
            batch = next(source)
        except StopIteration:
            return
        except errors as error:
            raise _PolarsFailed(_first_line(error)) from None
        yield batch


# -- delimited text --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    names: tuple[str, ...]
    delimiter: str
    encoding: str  # of the whole file: "utf-8" or "cp949"
    rows_estimate: int


def _read_header(path: str) -> _Header:
    try:
        with open(path, "rb") as stream:
            start = stream.read(4096)
            stream.seek(0)
            first = stream.readline(_MAX_HEADER_BYTES + 1)
            sample = stream.read(_SAMPLE_BYTES)
            size = os.fstat(stream.fileno()).st_size
    except OSError as error:
        raise _os_error(error, path) from None
    if b"\x00" in start:
        raise FormatError("this is a binary file, not a text table", path=path)
    if len(first) > _MAX_HEADER_BYTES:
        raise FormatError(
            "the first line is over 16 MB long: not a table of predictions", path=path, line=1
        )
    text = decode_text(first, path).rstrip("\r\n")  # drops a byte-order mark
    try:
        first.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "cp949"
    if not text.strip():
        raise FormatError(
            "the first line is empty: it must be the header naming the label and class columns",
            path=path,
            line=1,
        )
    delimiter = max(DELIMITERS, key=text.count)
    if delimiter not in text:
        raise FormatError(
            f"the header has a single column ({text.strip()[:80]!r}): expected a label column "
            "and one column per class, separated by commas, tabs or semicolons",
            path=path,
            line=1,
        )
    if text.count('"') % 2:
        raise FormatError("the header has an unclosed quote", path=path, line=1)
    try:
        names = next(csv.reader([text], delimiter=delimiter))
    except csv.Error as error:
        raise FormatError(f"cannot split the header: {error}", path=path, line=1) from None
    # Rows to expect, from the first megabyte; a row holds at least its delimiters.
    complete = sample.rfind(b"\n") + 1
    row_bytes = complete / sample.count(b"\n") if complete else len(sample)
    estimate = math.ceil((size - len(first)) / max(row_bytes, len(names)))
    return _Header(tuple(names), delimiter, encoding, estimate)


def _read_text(path: str, label_column: str | None, tracker: _Tracker) -> list[ModelPredictions]:
    header = _read_header(path)
    layout = _layout(header.names, label_column, Path(path).stem, path, line=1)
    pl = _import_polars() if header.encoding == "utf-8" else None  # polars reads only UTF-8

    def diagnose(row: int) -> None:
        line = collector.line_of(row)
        _check_lines(itertools.islice(_file_lines(path, header, line), 1), header, layout, path)

    collector = _Collector(layout, path, tracker, header.rows_estimate, diagnose)
    if pl is not None:
        _collect_text_polars(pl, path, header, layout, collector)
    else:
        _collect_text_numpy(path, header, layout, collector)
    return collector.finish()


def _collect_text_polars(
    pl: Any, path: str, header: _Header, layout: _Layout, collector: _Collector
) -> None:
    probability = layout.probability_columns
    wanted = set(probability)
    # Positional names: the header is ours to check (polars would rename duplicates).
    schema = {
        f"c{column}": pl.Float32 if column in wanted else pl.String
        for column in range(len(header.names))
    }
    query = pl.scan_csv(
        os.path.abspath(path),
        has_header=False,
        skip_rows=1,
        separator=header.delimiter,
        schema=schema,
        glob=False,
    ).select(
        pl.col(f"c{layout.label}").str.strip_chars(),
        *(pl.col(f"c{column}") for column in probability),
    )
    next_line = 2  # polars gives a row for each line after the header, blank ones too
    try:
        for batch in _polars_batches(pl, query, _batch_rows(len(probability))):
            lines = np.arange(next_line, next_line + batch.height)
            next_line += batch.height
            label_series = batch.drop_in_place(batch.columns[0])  # cheaper than slicing
            labels = label_series.to_numpy()
            values = batch.to_numpy()  # column-major (polars' layout): one copy
            if label_series.null_count() or (label_series == "").any():
                blank = np.array([not label for label in labels]) & np.isnan(values).all(axis=1)
                if blank.any():  # blank lines, or lines of nothing but delimiters
                    keep = ~blank
                    labels, values, lines = labels[keep], values[keep], lines[keep]
            collector.add(labels, values, lines)
    except _PolarsFailed:
        # polars refused something (a ragged or non-UTF-8 line, a cell with spaces after the
        # number, ...) and says neither line nor column: numpy reads on from where it stopped
        # and names the line if something is wrong.
        _collect_text_numpy(path, header, layout, collector, start=next_line)


def _file_lines(path: str, header: _Header, start: int) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line from line ``start`` on."""
    blank = " \t\r\n" + header.delimiter
    try:
        with open(path, "rb") as stream:
            lines = itertools.islice(stream, start - 1, None)
            for number, raw in enumerate(lines, start=start):
                try:
                    text = raw.decode(header.encoding)
                except UnicodeDecodeError:
                    expected = "UTF-8" if header.encoding == "utf-8" else "CP949 (as the header)"
                    raise FormatError(
                        f"this line is not {expected} text", path=path, line=number
                    ) from None
                if text.strip(blank):
                    yield number, text.rstrip("\r\n")
    except OSError as error:
        raise _os_error(error, path) from None


def _is_number(cell: str) -> bool:
    if not cell or "_" in cell:  # float() takes "1_000"; a table should not
        return False
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _check_lines(
    entries: Iterable[tuple[int, str]],
    header: _Header,
    layout: _Layout,
    path: str,
) -> None:
    """Raise a FormatError at the first line with the wrong number of fields, no label or a
    cell that is not a number. Slow (pure Python): it says where numpy failed."""
    width = len(header.names)
    for number, text in entries:
        try:
            fields = next(csv.reader([text], delimiter=header.delimiter))
        except csv.Error as error:
            raise FormatError(f"cannot split this line: {error}", path=path, line=number) from None
        if len(fields) != width:
            raise FormatError(
                f"this line has {len(fields)} fields but the header has {width}",
                path=path,
                line=number,
            )
        if not fields[layout.label].strip():
            raise FormatError("no true label", path=path, line=number, column=layout.label + 1)
        for column in layout.probability_columns:
            cell = fields[column].strip()
            if not _is_number(cell):
                what = "empty cell" if not cell else f"{cell[:40]!r} is not a number"
                raise FormatError(
                    f"{what} (column {layout.names[column]!r})",
                    path=path,
                    line=number,
                    column=column + 1,
                )


def _cell(text: str, delimiter: str, column: int) -> str:
    if '"' in text:
        return next(csv.reader([text], delimiter=delimiter))[column].strip()
    return text.split(delimiter, column + 1)[column].strip()


def _parse_lines(
    entries: list[tuple[int, str]], header: _Header, layout: _Layout, path: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labels, probabilities (float32) and line numbers of some lines, read with numpy."""
    texts = [text for _, text in entries]
    delimiter = header.delimiter
    fields = len(header.names) - 1
    # np.loadtxt ignores surplus fields: check the count first (quoted fields the slow way).
    if any('"' in text or text.count(delimiter) != fields for text in texts):
        _check_lines(entries, header, layout, path)
    try:
        values = np.loadtxt(
            texts,
            delimiter=delimiter,
            dtype=np.float32,
            usecols=layout.probability_columns,
            comments=None,
            quotechar='"',
            ndmin=2,
        )
    except ValueError as error:
        _check_lines(entries, header, layout, path)
        raise FormatError(
            f"cannot read lines {entries[0][0]} to {entries[-1][0]}: {error}", path=path
        ) from None
    labels = np.array([_cell(text, delimiter, layout.label) for text in texts], dtype=object)
    return labels, values, np.array([number for number, _ in entries], dtype=np.int64)


def _collect_text_numpy(
    path: str, header: _Header, layout: _Layout, collector: _Collector, start: int = 2
) -> None:
    rows = _batch_rows(len(layout.probability_columns))
    batch: list[tuple[int, str]] = []
    for entry in _file_lines(path, header, start):
        batch.append(entry)
        if len(batch) == rows:
            collector.add(*_parse_lines(batch, header, layout, path))
            batch = []
    if batch:
        collector.add(*_parse_lines(batch, header, layout, path))


# -- Parquet ---------------------------------------------------------------------------------


def _read_parquet(path: str, label_column: str | None, tracker: _Tracker) -> list[ModelPredictions]:
    pl = _import_polars()
    if pl is None:
        raise FormatError("reading Parquet files needs polars: pip install polars", path=path)

    try:
        query = pl.scan_parquet(os.path.abspath(path), glob=False)
        schema = query.collect_schema()
        rows = query.select(pl.len()).collect().item()
    except (Exception, pl.exceptions.PanicException) as error:
        raise FormatError(
            f"cannot read this Parquet file: {_first_line(error)}", path=path
        ) from None
    names, dtypes = list(schema.names()), list(schema.dtypes())
    layout = _layout(names, label_column, Path(path).stem, path, line=None)
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
    outs = [_empty(rows, len(layout.classes), np.float32, path) for _ in layout.models]
    labels: list[np.ndarray] = []
    for first in range(0, len(flat), width):
        chosen = [pl.col(names[column]).cast(pl.Float32) for column in flat[first : first + width]]
        row = 0
        try:
            batches = _polars_batches(
                pl,
                query.select(*chosen) if first else query.select(label, *chosen),
                _batch_rows(width),
            )
            for batch in batches:
                if not first:
                    labels.append(batch.drop_in_place(batch.columns[0]).to_numpy())
                values = batch.to_numpy()
                if row + len(values) > rows:
                    break
                _scatter(outs, values, row, first)
                row += len(values)
                tracker.step(0.95 * (first * rows + row * len(chosen)) / (len(flat) * rows))
        except _PolarsFailed as failure:
            raise FormatError(f"cannot read this Parquet file: {failure}", path=path) from None
        if row != rows:
            raise FormatError(f"the file says it has {rows} rows but holds others", path=path)
    where = _Where(path, None, "NaN or missing")
    for model, out in enumerate(outs):

        def explain(row: int, model: int = model, out: np.ndarray = out) -> None:
            _explain_model_row(layout, model, out[row], row, where, None)

        _check_rows(out, 0, rows, explain)
    tracker.step(0.99)
    indices = _label_indices(np.concatenate(labels), layout.classes, where)
    return [
        ModelPredictions(name, layout.classes, indices, out, path)
        for name, out in zip(layout.models, outs, strict=True)
    ]


# -- .npy and .npz ---------------------------------------------------------------------------

# What zipfile, zlib and numpy's .npy header parser raise on a damaged file.
_ARRAY_ERRORS = (
    OSError,
    EOFError,
    ValueError,
    RuntimeError,  # an encrypted archive member
    NotImplementedError,  # an unsupported compression method
    zipfile.BadZipFile,
    zlib.error,
)


@dataclass(frozen=True)
class _ArrayHeader:
    shape: tuple[int, ...]
    fortran: bool
    dtype: np.dtype


def _array_header(stream: IO[bytes], size: int, what: str, path: str) -> _ArrayHeader:
    """The header of a .npy array; its data must fit in the ``size`` bytes of the stream."""
    try:
        version = np.lib.format.read_magic(stream)
        if version not in ((1, 0), (2, 0), (3, 0)):
            raise ValueError(f"unknown .npy format version {version}")
        read = (
            np.lib.format.read_array_header_1_0
            if version == (1, 0)
            else np.lib.format.read_array_header_2_0
        )
        shape, fortran, dtype = read(stream)
    except Exception as error:  # numpy's header parser raises many kinds on garbage
        raise FormatError(f"{what} is not a .npy array: {_first_line(error)}", path=path) from None
    if dtype.hasobject:
        raise FormatError(
            f"{what} holds Python objects; save numbers or strings (pickles are never loaded)",
            path=path,
        )
    if any(length < 0 for length in shape) or dtype.itemsize == 0:
        raise FormatError(f"{what} has a damaged header: shape {shape}, type {dtype}", path=path)
    if math.prod(shape) * dtype.itemsize > size - stream.tell():
        raise FormatError(
            f"{what} is cut short: the file is smaller than its header says", path=path
        )
    return _ArrayHeader(tuple(shape), bool(fortran), dtype)


def _read_exact(stream: IO[bytes], count: int, what: str, path: str) -> bytes:
    data = stream.read(count)
    if len(data) < count:
        raise FormatError(f"{what} is cut short", path=path)
    return data


def _read_whole(stream: IO[bytes], header: _ArrayHeader, what: str, path: str) -> np.ndarray:
    count = math.prod(header.shape)
    data = _read_exact(stream, count * header.dtype.itemsize, what, path)
    array = np.frombuffer(data, header.dtype, count)
    return array.reshape(header.shape, order="F" if header.fortran else "C")


def _probability_shape(header: _ArrayHeader, what: str, path: str) -> tuple[int, int]:
    if len(header.shape) != 2:
        raise FormatError(
            f"{what} is {len(header.shape)}-D (shape {header.shape}); expected samples × "
            "classes (N×K)",
            path=path,
        )
    rows, classes = header.shape
    if header.dtype.kind not in "fiu":
        raise FormatError(f"{what} holds {header.dtype}, not probabilities", path=path)
    if classes < 2:
        raise FormatError(f"{what} has {classes} class column(s); at least 2 are needed", path=path)
    if rows == 0:
        raise FormatError(f"no samples: {what} has no rows", path=path)
    return rows, classes


def _read_probabilities(
    stream: IO[bytes],
    header: _ArrayHeader,
    what: str,
    where: _Where,
    classes: Sequence[str],
    tracker: _Tracker,
) -> np.ndarray:
    """The (N, K) array, C-contiguous, float32 (float64 kept), checked block by block."""
    rows, count = header.shape
    dtype = header.dtype
    target = np.dtype(np.float64 if dtype.kind == "f" and dtype.itemsize == 8 else np.float32)
    subjects = [f"class {klass!r}" for klass in classes]

    def explain(row: int) -> None:
        _explain_row(out[row], row, where, subjects, None, "")

    if header.fortran:  # rare: column-major on disk; read it all, then one transposing copy
        out = np.ascontiguousarray(_read_whole(stream, header, what, where.path), dtype=target)
        _check_rows(out, 0, rows, explain)
        return out
    out = _empty(rows, count, target, where.path)
    step = max(1, _READ_BYTES // (count * dtype.itemsize))
    for start in range(0, rows, step):
        stop = min(rows, start + step)
        if dtype == target:  # the bytes as they are: read straight into the array
            view = memoryview(out[start:stop]).cast("B")
            filled = 0
            while filled < len(view):
                got = stream.readinto(view[filled:])
                if not got:
                    raise FormatError(f"{what} is cut short", path=where.path)
                filled += got
        else:
            data = _read_exact(stream, (stop - start) * count * dtype.itemsize, what, where.path)
            out[start:stop] = np.frombuffer(data, dtype).reshape(stop - start, count)
        _check_rows(out, start, stop, explain)
        tracker.step(stop / rows)
    return out


def _strings(array: np.ndarray, what: str, path: str) -> np.ndarray:
    """Byte strings decoded as UTF-8; other arrays as they are."""
    if array.dtype.kind != "S":
        return array
    try:
        return np.array([value.decode("utf-8") for value in array.tolist()], dtype=object)
    except UnicodeDecodeError:
        raise FormatError(f"{what} holds bytes that are not UTF-8 text", path=path) from None


def _class_names(array: np.ndarray, count: int, path: str) -> tuple[str, ...]:
    if array.ndim != 1 or len(array) != count:
        raise FormatError(
            f"'classes' has shape {array.shape} but 'probs' has {count} class columns", path=path
        )
    if array.dtype.kind not in "USiu":
        raise FormatError(f"'classes' holds {array.dtype}; expected class names", path=path)
    names = tuple(str(name).strip() for name in _strings(array, "'classes'", path).tolist())
    seen: dict[str, int] = {}
    for position, name in enumerate(names):
        if not name:
            raise FormatError(f"class {position} in 'classes' has an empty name", path=path)
        if name in seen:
            raise FormatError(
                f"class {name!r} appears twice in 'classes' (at {seen[name]} and {position})",
                path=path,
            )
        seen[name] = position
    return names


def _default_classes(count: int) -> tuple[str, ...]:
    return tuple(str(index) for index in range(count))


def _read_label_file(path: str) -> tuple[np.ndarray, _Where]:
    """Labels from a .npy array, or from text with one label per line (optional header)."""
    if Path(path).suffix.lower() == ".npy":
        try:
            with open(path, "rb") as stream:
                size = os.fstat(stream.fileno()).st_size
                header = _array_header(stream, size, "the labels array", path)
                labels = _read_whole(stream, header, "the labels array", path)
        except OSError as error:
            raise _os_error(error, path) from None
        if labels.ndim != 1:
            raise FormatError(
                f"the labels array has shape {labels.shape}; expected one label per sample",
                path=path,
            )
        return _strings(labels, "the labels array", path), _Where(path)
    entries = [
        (number, line.strip())
        for number, line in enumerate(read_text(path).splitlines(), start=1)
        if line.strip()
    ]
    if entries and entries[0][1].strip('"').casefold() in LABEL_COLUMNS:
        entries = entries[1:]  # a header
    labels = np.array(
        [
            value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
            for _, value in entries
        ],
        dtype=object,
    )
    lines = np.array([number for number, _ in entries], dtype=np.int64)
    return labels, _Where(path, lines)


def _read_npy(path: str, labels_path: str | None, tracker: _Tracker) -> list[ModelPredictions]:
    if labels_path is None:
        raise FormatError(
            "a .npy file holds only probabilities: give the true labels as well "
            "(--labels on the command line)",
            path=path,
        )
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            header = _array_header(stream, size, "the array", path)
            rows, count = _probability_shape(header, "the array", path)
            classes = _default_classes(count)
            labels, where = _read_label_file(labels_path)
            if len(labels) != rows:
                raise FormatError(
                    f"{rows} rows of probabilities but {len(labels)} labels in {labels_path}",
                    path=path,
                )
            indices = _label_indices(labels, classes, where)
            tracker.step(0.05)
            probabilities = _read_probabilities(
                stream, header, "the array", _Where(path), classes, tracker
            )
    except OSError as error:
        raise _os_error(error, path) from None
    return [ModelPredictions(Path(path).stem, classes, indices, probabilities, path)]


def _read_npz(path: str, labels_path: str | None, tracker: _Tracker) -> list[ModelPredictions]:
    try:
        archive = zipfile.ZipFile(path)
    except _ARRAY_ERRORS as error:
        raise FormatError(f"not a .npz archive: {_first_line(error)}", path=path) from None
    with archive:
        members = {name.removesuffix(".npy"): name for name in archive.namelist()}
        if "probs" not in members:
            raise FormatError(
                f"no array 'probs' in the archive (it holds {_listing(sorted(members))})",
                path=path,
            )
        if "labels" in members:
            labels_path = None  # its own labels come first
        elif labels_path is None:
            raise FormatError(
                "no array 'labels' in the archive: save the true labels with the "
                "probabilities (np.savez(path, probs=..., labels=...))",
                path=path,
            )

        def member(name: str) -> tuple[IO[bytes], int]:
            info = archive.getinfo(members[name])
            return archive.open(info), info.file_size

        try:
            stream, size = member("probs")
            with stream:
                rows, count = _probability_shape(
                    _array_header(stream, size, "'probs'", path), "'probs'", path
                )
            classes = _default_classes(count)
            if "classes" in members:
                stream, size = member("classes")
                with stream:
                    header = _array_header(stream, size, "'classes'", path)
                    classes = _class_names(
                        _read_whole(stream, header, "'classes'", path), count, path
                    )
            if labels_path is not None:
                labels, where = _read_label_file(labels_path)
                source = f"in {labels_path}"
            else:
                stream, size = member("labels")
                with stream:
                    header = _array_header(stream, size, "'labels'", path)
                    labels = _strings(
                        _read_whole(stream, header, "'labels'", path), "'labels'", path
                    )
                where, source = _Where(path), "in 'labels'"
            if labels.ndim != 1:
                raise FormatError(
                    f"the labels {source} have shape {labels.shape}; expected one per sample",
                    path=path,
                )
            if len(labels) != rows:
                raise FormatError(
                    f"'probs' has {rows} rows but there are {len(labels)} labels {source}",
                    path=path,
                )
            indices = _label_indices(labels, classes, where)
            tracker.step(0.05)
            stream, size = member("probs")
            with stream:
                header = _array_header(stream, size, "'probs'", path)
                probabilities = _read_probabilities(
                    stream, header, "'probs'", _Where(path), classes, tracker
                )
        except _ARRAY_ERRORS as error:
            if isinstance(error, FormatError):
                raise
            raise FormatError(f"cannot read the archive: {_first_line(error)}", path=path) from None
    return [ModelPredictions(Path(path).stem, classes, indices, probabilities, path)]
