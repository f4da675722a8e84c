"""Prediction files: per-sample true labels and predicted probabilities of classifiers.

Formats, chosen by the file's extension:

- ``.csv``, ``.tsv``, ``.tab``, ``.txt``: delimited text, UTF-8 with or without a byte-order
  mark, CP949, or UTF-16 with a byte-order mark (Excel's "Unicode text"), decoded as in
  core.formats.text_files, in the encoding of the whole file (an ASCII header may head CP949
  lines). The delimiter is the header's most frequent of tab, ';' and ','
  (core.formats.delimiters: the rule of tables and of the detection too); with a tab or ';'
  a number may have a decimal comma (``0,25``), as spreadsheets in many locales write it.
  Lines end with '\n' or '\r\n'; a carriage return alone (old Mac line ends) is refused at
  its line. The header names a true-label column (``label``, ``y_true`` or ``target``, in
  any case, or ``label_column``) and one probability column per class::

      id,label,dog,cat,rabbit
      0,cat,0.1,0.8,0.1

  Columns named ``id``, ``index``, ``sample`` or ``sample_id`` (and an unnamed first column,
  the index pandas writes) are ignored; every other column holds probabilities. Several
  models share a file as prefixed column groups (``A:dog,A:cat,B:dog,B:cat``), each prefix
  a model; otherwise the file is one model named after the file's stem. Blank lines are
  skipped. A quoted field may not span lines: one that runs on past the end of its line is
  refused at that line, whichever engine reads the file (polars would take it, numpy not).
- ``.parquet``: the same columns.
- ``.npz``: arrays ``probs`` (N×K), ``labels`` (N) and optionally ``classes`` (K names,
  default ``"0"`` … ``"K-1"``).
- ``.npy``: probabilities (N×K) only; the labels come from ``labels_path``: a ``.npy`` array,
  or text with one label per line (ended as above) and an optional header (``label``).

Labels follow one rule in every format, text or numbers alike: they name classes, and a
number names the class written as that number (3, 3.0 and "3.0" all name a class "3").
Only if some label names no class are the labels read as 0-based class indices, and then
every label must be an integer in range and none may name another class than the one it
indexes; such an ambiguous file is refused, naming a label, both classes and the place.

Probabilities are kept exactly as the file holds them: a value > 0 in the file is > 0 here.
Decimal text and float64 data (text, float64 Parquet columns and arrays, and anything else
float32 cannot hold exactly) are held as float64; float32 only where the file itself holds
float32 (float16 and float32 arrays and Parquet columns, 8- and 16-bit integers, all exact in
float32). A text number too small or too large for a double (``1e-400``, which would read
as 0, and ``1e400``; core.formats.number_text) and a long double that float64 cannot hold are
refused. Probabilities must be finite, ≥ 0 and at
most 1, and each row must sum to 1 within PREDICTION_SUM_TOLERANCE: nothing is
renormalised. Each problem is a FormatError naming the file and the line and column (text)
or the sample, numbered from 0 (Parquet and arrays); of several, the first in the file.

Speed and memory (see the design notes): text and Parquet are read by polars, imported on
first use (never at start-up; without its Ctrl+C handler and with CSV read ahead in 8 MB,
see core.predictions.polars_import), in batches copied straight into one C-contiguous (N, K)
array per model; rows are checked in cache-sized blocks, so there is no whole-file copy and
no big temporary. Parquet columns are read in passes, as polars decodes a row group whole.
From a line polars refuses on, and for all of a file when polars is missing, numpy reads the
text (several times slower) and names the bad line; so it does from where polars stopped if
polars ends a read before the end of the file (as its Ctrl+C handler would), and such a
Parquet read is refused: no read is taken for the whole file unless it reached the end.
Parquet needs polars. ``.npy`` data is read in blocks straight into its array (one stored
column by column too). Labels are mapped to classes once per distinct label. A quoted field
that spans lines is found in the same pass: polars flags a line end inside a text field,
numpy checks the lines that hold a quote. Only when some probability read as 0 is the file
searched for numbers too small for a double (core.predictions.tiny_numbers, at memory speed;
cancellable).

Memory: every array a reader fills (the probabilities, the line of each text row, the labels
of a labels file) is allocated only once it is known to fit, with the arrays allocated
together with it, in the memory available (core.memory: the machine's, or a container's
limit if less); otherwise it is refused, saying what it would take. So an NPZ member that
would inflate far beyond it is refused before it is inflated, a Parquet file of a few
kilobytes that says it holds 10⁸ rows before a row is decoded, a text file by the rows its
size suggests and again as its arrays grow; labels are counted with what mapping them to
classes takes. Class names and labels in arrays may take 1 MB each, and labels of text are
held no wider than a class name or a number needs (a type that gives each label room for
100,000 characters is read in blocks, each narrowed), and one too long to name a class is
refused where it is. A text file of labels is read no further than a label beyond the rows.

Files: every file read here is opened by core.formats.regular_files.open_regular: a folder,
a device, a FIFO or a socket is refused at once, by what it is, and what is read here stops
at the size a file had when it was opened. polars, which reads text (UTF-8) and Parquet,
opens the file itself: on Linux the very file that was checked (through /proc/self/fd, so
nothing put at its name since is read) but as it is when polars reads it, to its end then,
not to the size checked; elsewhere the name, checked a moment before. Each read here is
bounded by what the format needs: a header line by 16 MB (for either engine), a line that
numpy reads by 64 MB (polars reads a line of any length), a text file of labels by 2 GB and
a label in it by 1 MB; an array (an NPZ member too) is read only as far as its .npy header
says. An array of Python objects is refused: a pickle is never loaded.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import itertools
import math
import os
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from core.errors import FormatError, shortened
from core.formats.delimiters import allows_decimal_comma, sniff_delimiter, with_decimal_point
from core.formats.number_text import SMALLEST_DOUBLE, OutOfRange, number_value
from core.formats.regular_files import library_path, open_regular, read_error
from core.formats.text_files import (
    UTF16,
    check_line_end,
    decode_text,
    file_encoding,
    is_utf8,
    text_encoding,
    text_lines,
)
from core.memory import available_memory, readable_size
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
from core.predictions.polars_import import import_polars
from core.predictions.tiny_numbers import refuse_false_zeros
from core.workspace import spelled_apart

if TYPE_CHECKING:
    import polars

TEXT_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")
PARQUET_SUFFIXES = (".parquet", ".pq")
#: Every extension read_predictions understands (for file dialogs and drag and drop).
PREDICTION_SUFFIXES = (*TEXT_SUFFIXES, *PARQUET_SUFFIXES, ".npz", ".npy")

#: Of a text file's progress, the share of reading it (the rest: the search of tiny_numbers).
_READ_SHARE = 0.95
_BLOCK_VALUES = 256 * 1024  # probabilities checked or copied at a time: 2 MB, stays in cache
#: Parquet column types whose every value is exactly a float32 (polars' names).
_FLOAT32_EXACT_POLARS = ("Float16", "Float32", "Int8", "Int16", "UInt8", "UInt16")
#: Probabilities per batch from text or Parquet (4 MB): as fast as more, and the batches
#: polars holds ready for us take little room.
_BATCH_VALUES = 500_000
_PASS_VALUES = 8_000_000  # probabilities of a Parquet file decoded in one pass (≤ 64 MB)
_READ_BYTES = 16 * 1024**2  # bytes of a .npy array read between progress reports
_MAX_HEADER_BYTES = 16 * 1024**2
_MAX_LINE_BYTES = 64 * 1024**2  # a line of numbers for 4 million classes
_MAX_LABEL_FILE_BYTES = 2 * 1000**3  # a text file of labels, one per line
_MAX_NAME_BYTES = 1024**2  # a class name or a label (in an array, the room for each)
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


def import_libraries_for(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Called on the main thread before ``paths`` are read on another: polars, if some of them
    are read with it, is imported now, where the Ctrl+C handler it installs can be undone
    (only the main thread can; see core.predictions.polars_import). Fast once imported."""
    if any(Path(path).suffix.lower() in (*TEXT_SUFFIXES, *PARQUET_SUFFIXES) for path in paths):
        import_polars()


# -- files and messages ----------------------------------------------------------------------


def _check_readable(path: str) -> None:
    """A regular file that is not empty (a folder, a device, a FIFO: refused, unread)."""
    with open_regular(path) as stream:
        if not stream.size:
            raise FormatError("the file is empty", path=path)


def _first_line(error: BaseException) -> str:
    """A library's message, short: polars appends paragraphs of advice."""
    text = str(error).strip().splitlines()
    line = text[0] if text else type(error).__name__
    return line if len(line) <= 300 else line[:300] + "…"


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(repr(name) for name in names[:_SHOWN_NAMES])
    return shown if len(names) <= _SHOWN_NAMES else f"{shown}, … ({len(names)} in all)"


def _block_rows(columns: int) -> int:
    """Rows of this many columns in a block of about _BLOCK_VALUES values."""
    return max(1, _BLOCK_VALUES // max(1, columns))


def _batch_rows(columns: int) -> int:
    return max(64, _BATCH_VALUES // max(1, columns))


# -- memory ----------------------------------------------------------------------------------


def _allocate(
    arrays: Sequence[tuple[tuple[int, ...], Any]], what: str, path: str
) -> list[np.ndarray]:
    """Empty arrays of these shapes and types, allocated only if together they fit in the
    memory available: every array a reader fills is allocated here. Otherwise FormatError,
    saying what ``what`` would take (numpy would allocate them lazily, and the machine would
    run out of memory or swap only while they fill)."""
    needed = sum(math.prod(shape) * np.dtype(dtype).itemsize for shape, dtype in arrays)
    _refuse_beyond_memory(needed, what, path, decompressed=False)
    try:
        return [np.empty(shape, dtype) for shape, dtype in arrays]
    except (MemoryError, ValueError):  # ValueError: more bytes than an address space holds
        raise FormatError(f"not enough memory for {what}", path=path) from None


def _refuse_beyond_memory(needed: int, what: str, path: str, *, decompressed: bool) -> None:
    """FormatError, before anything is read or inflated, when ``what`` would take more than
    the memory available: an NPZ member that inflates a thousandfold, a Parquet file whose
    few kilobytes say it holds 10⁸ rows, or a bigger array than the machine holds."""
    available = available_memory()
    if needed > available:
        how = "once decompressed" if decompressed else "in memory"
        raise FormatError(
            f"{what} would take {readable_size(needed)} {how}; only "
            f"{readable_size(available)} of memory is available",
            path=path,
        )


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
            first, second = (raw_names[match] for match in matches[:2])
            both = f"columns {matches[0] + 1} and {matches[1] + 1}"
            if first == second:
                raise error(f"{both} are both named {first!r}", matches[1])
            raise error(
                f"{both} ({first!r} and {second!r}) are both the true-label column", matches[1]
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
            first = group[klass]
            where = f"columns {first + 1} and {column + 1}"
            if raw_names[first] != raw_names[column]:  # 'a' and ' a': both as written
                names_apart = spelled_apart(
                    "the class columns", raw_names[first], raw_names[column]
                )
                raise error(f"{names_apart} ({where})", column)
            owner = f" of model {model!r}" if prefixed else ""
            raise error(
                f"class {klass!r}{owner} has two columns, {first + 1} and {column + 1}", column
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
            return FormatError(f"sample {row} (numbered from 0): {message}", path=self.path)
        return FormatError(message, path=self.path, line=int(self.lines[row]), column=column)


def _check_rows(
    probabilities: np.ndarray,
    start: int,
    stop: int,
    explain: Callable[[int], None],
) -> bool:
    """Rows start..stop are finite, ≥ 0 and sum to 1; ``explain(row)`` raises for a bad row.
    Returns whether any of them holds a 0.

    Blocks of _BLOCK_VALUES values keep the temporaries small and in cache; the sums are
    taken in float64. NaN fails both comparisons.
    """
    zero = False
    rows = _block_rows(probabilities.shape[1])
    ones = np.ones(probabilities.shape[1])  # a product with float64 ones: sums in float64, fast
    for first in range(start, stop, rows):
        block = probabilities[first : min(first + rows, stop)]
        with np.errstate(all="ignore"):  # inf − inf and overflows: bad rows, said below
            sums = block @ ones
        smallest = block.min(axis=1)
        ok = (smallest >= 0) & (np.abs(sums - 1) <= PREDICTION_SUM_TOLERANCE)
        if not ok.all():
            for offset in np.flatnonzero(~ok):
                explain(first + int(offset))
        zero = zero or bool((smallest == 0).any())
    return zero


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
    above = values > 1 + PREDICTION_SUM_TOLERANCE
    if above.any():
        index = int(np.argmax(above))
        raise error(f"the probability of {subjects[index]} is {values[index]:.6g}, above 1", index)
    with np.errstate(all="ignore"):
        total = float(values.sum(dtype=np.float64))
    if abs(total - 1) > PREDICTION_SUM_TOLERANCE:
        raise error(
            f"{owner}the probabilities sum to {total:.6g}, not 1 (allowed: ±"
            f"{PREDICTION_SUM_TOLERANCE:g}); predictions are never renormalised"
        )


# -- labels ----------------------------------------------------------------------------------


def _label_indices(
    labels: np.ndarray | polars.Series | _Labels,
    classes: Sequence[str],
    where: _Where,
    column: int | None = None,
) -> np.ndarray:
    """The index in ``classes`` of each label, by one rule for every format.

    Labels name classes; a number names the class written as that number (3, 3.0 and "3.0"
    all name a class "3"). Only if some label names no class are the labels read as 0-based
    class indices, and then every one must be an integer in range and none may name another
    class than the one it indexes. The rule is applied to the distinct labels only.
    """
    distinct, inverse = _distinct_labels(labels, where, column)
    texts = [_label_text(value) for value in distinct]
    named = _named_classes(texts, classes)
    if all(position is not None for position in named):
        return np.asarray(named, dtype=np.int64)[inverse]
    count = len(classes)
    integers = [_label_integer(value) for value in distinct]
    indexable = all(integer is not None for integer in integers)

    def first(labels: list[int]) -> tuple[int, int]:
        """The first of these labels in the file: (its row, its position in distinct)."""
        row = int(np.argmax(np.isin(inverse, labels)))
        return row, int(inverse[row])

    if indexable and all(0 <= integer < count for integer in integers):
        clashes = [d for d, position in enumerate(named) if position not in (None, integers[d])]
        if clashes:
            row, label = first(clashes)
            _, other = first([d for d, position in enumerate(named) if position is None])
            raise where.error(
                row,
                f"label {texts[label]!r} is ambiguous: it names class "
                f"{classes[named[label]]!r}, but as a 0-based class index (labels such as "
                f"{texts[other]!r} name no class, so they would be indices) it is class "
                f"{classes[integers[label]]!r}; write every label as a class name",
                column,
            )
        return np.asarray(integers, dtype=np.int64)[inverse]
    neither = [
        d
        for d, position in enumerate(named)
        if position is None and not (indexable and 0 <= integers[d] < count)
    ]
    row, label = first(neither or [d for d, position in enumerate(named) if position is None])
    listed = f"the classes are {_listing(classes)}"
    if not neither:  # class names and class indices mixed
        message = f"label {texts[label]!r} is not a class ({listed}); labels are read as class "
        message += "indices only when none is a class name"
    elif integers[label] is not None:
        message = (
            f"label {texts[label]!r} is neither a class index (0 to {count - 1}) nor a class "
            f"name ({listed})"
        )
    else:
        message = f"label {texts[label]!r} is not a class ({listed})"
    raise where.error(row, message, column)


@dataclass(frozen=True)
class _Labels:
    """Labels as their distinct values and, per sample, the position of its own among them
    (a file of labels is read so); ``count`` labels were found, ``len(inverse)`` kept, and
    where there was one more than the rows, ``beyond`` is its line (none was read after)."""

    distinct: list[str]
    inverse: np.ndarray
    count: int
    beyond: int | None = None

    def __len__(self) -> int:
        return self.count


def _distinct_labels(
    labels: np.ndarray | polars.Series | _Labels, where: _Where, column: int | None
) -> tuple[list[Any], np.ndarray]:
    """The distinct labels and, per sample, the position of its label among them; a missing
    label (null, NaN, empty text) is an error at its sample."""
    if isinstance(labels, _Labels):
        return labels.distinct, labels.inverse
    if not isinstance(labels, np.ndarray):  # a polars Series (text or Parquet)
        if labels.dtype.is_numeric():
            labels = labels.to_numpy()  # nulls become NaN
        else:  # text, already stripped: polars finds the distinct values by hashing
            missing = labels.is_null() | (labels == "")
            if missing.any():
                raise where.error(int(missing.arg_max()), "no true label", column)
            distinct = labels.unique(maintain_order=True)
            positions = np.arange(len(distinct), dtype=np.int64)
            inverse = labels.replace_strict(distinct, positions).to_numpy()
            return distinct.to_list(), inverse
    kind = labels.dtype.kind
    if kind in "SU":  # sorted as they are, so that only the distinct ones become str
        distinct, inverse = np.unique(labels, return_inverse=True)
        texts = [_stripped_text(value) for value in distinct.tolist()]
        bad = [position for position, text in enumerate(texts) if not text]
        if bad:  # the first sample with no text, or bytes that are not UTF-8
            row = int(np.argmax(np.isin(inverse, bad)))
            missing = texts[inverse[row]] == ""
            raise where.error(row, "no true label" if missing else "the label is not UTF-8 text")
        return texts, inverse.astype(np.int64, copy=False)
    if kind in "iu" and len(labels) and int(labels.max()) - int(labels.min()) < 2 * len(labels):
        low = int(labels.min())
        shifted = _above_lowest(labels)
        present = np.flatnonzero(np.bincount(shifted))  # O(N), no sort
        renumber = np.zeros(int(present[-1]) + 1, dtype=np.int64)
        renumber[present] = np.arange(len(present))
        return [low + offset for offset in present.tolist()], renumber[shifted]
    if kind in "iuf":
        missing = np.isnan(labels) if kind == "f" else None
        if missing is not None and missing.any():
            raise where.error(int(np.argmax(missing)), "no true label", column)
        distinct, inverse = np.unique(labels, return_inverse=True)
        return distinct.tolist(), inverse.astype(np.int64)
    if kind != "O":
        raise FormatError(
            f"the labels are of type {labels.dtype}; expected class names or class indices",
            path=where.path,
        )
    found: dict[str, int] = {}
    inverse = np.empty(len(labels), dtype=np.int64)
    for row, value in enumerate(labels.tolist()):
        text = "" if value is None else str(value).strip()
        if not text:
            raise where.error(row, "no true label", column)
        inverse[row] = found.setdefault(text, len(found))
    return list(found), inverse


def _stripped_text(value: str | bytes) -> str | None:
    """A label of a text array, stripped (bytes as UTF-8: None if they are not)."""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return value.strip()


def _above_lowest(labels: np.ndarray) -> np.ndarray:
    """How far each integer label is above the lowest, as int64 (less than 2N here), worked
    out where it cannot wrap around: int8 labels −128 and 127 are 255 apart, more than an
    int8 holds, and uint64 labels may not fit in an int64 before the lowest is taken off."""
    if labels.dtype.kind == "u":
        return (labels - labels.min()).astype(np.int64)  # never below 0 nor above the largest
    return labels.astype(np.int64) - int(labels.min())


def _label_text(value: Any) -> str:
    """A label as a class name would write it: 3 and 3.0 as "3"."""
    if isinstance(value, str):
        return value
    integer = _label_integer(value)
    return str(integer) if integer is not None else repr(float(value))


def _label_integer(value: Any) -> int | None:
    """The integer a label is (3, 3.0, "3", "3.0", "-1"), or None."""
    if isinstance(value, str):
        if not _is_number(value) or not value.isascii():
            return None
        try:
            return int(value)
        except ValueError:
            value = float(value)
    if isinstance(value, float) and not (math.isfinite(value) and value == int(value)):
        return None
    return int(value)


def _named_classes(texts: Sequence[str], classes: Sequence[str]) -> list[int | None]:
    """The class each label names, by its text or, for a number, by its value."""
    by_name = {name: position for position, name in enumerate(classes)}
    by_value: dict[float, int | None] = {}
    for position, name in enumerate(classes):
        if _is_number(name) and math.isfinite(value := float(name)):
            # Two classes of the same value ("1" and "1.0") are told apart by text only.
            by_value[value] = None if value in by_value else position
    named = []
    for text in texts:
        position = by_name.get(text)
        if position is None and _is_number(text):
            position = by_value.get(float(text))
        named.append(position)
    return named


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
        rows = _block_rows(count)
        for start in range(0, len(values), rows):
            stop = min(start + rows, len(values))
            target[row + start : row + stop] = part[start:stop]


# -- gathering batches of text rows ----------------------------------------------------------


class _Collector:
    """Rows of a text file arriving in batches → one C-contiguous (N, K) float64 array per
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
        self._count = 0
        self._outs: list[np.ndarray] = []
        self._lines = np.empty(0, np.int64)  # the line of each row
        self._diagnose = diagnose  # checks a line: an empty cell reads as NaN
        # The row count is estimated from the first megabyte: leave some room, within what
        # the memory holds (growing checks again); refuse at once what surely cannot fit.
        _refuse_beyond_memory(
            self._expected * self._row_bytes,
            f"the probabilities of about {self._expected:,} rows (estimated from the size of "
            "the file)",
            path,
            decompressed=False,
        )
        room = available_memory() // self._row_bytes
        self._allocate(max(16, min(self._expected + self._expected // 8, room)), self._expected)
        self._labels: list[np.ndarray | polars.Series] = []  # as each engine gives them
        self.holds_zero = False  # some probability read as 0 (it may have underflowed)

    def _where(self) -> _Where:
        return _Where(self._path, self._lines[: self._count])

    @property
    def _row_bytes(self) -> int:
        """Bytes a row takes: its probabilities for every model, and its line number."""
        return len(self._layout.models) * len(self._layout.classes) * 8 + 8

    def _allocate(self, capacity: int, rows: int) -> None:
        """Arrays for ``capacity`` rows (one per model, and the line numbers), holding the
        rows read so far; ``rows`` are needed."""
        classes = len(self._layout.classes)
        shapes = [((capacity, classes), np.float64) for _ in self._layout.models]
        *outs, lines = _allocate(
            [*shapes, ((capacity,), np.int64)], f"the probabilities of {rows:,} rows", self._path
        )
        if self._count:
            for out, held in zip(outs, self._outs, strict=True):
                out[: self._count] = held[: self._count]
            lines[: self._count] = self._lines[: self._count]
        self._outs, self._lines = outs, lines

    def _grow(self, rows: int) -> None:
        """Room for ``rows`` rows at least: half as many again as now where the memory holds
        them (the rows read so far are held twice meanwhile)."""
        room = available_memory() // self._row_bytes
        self._allocate(max(rows, min(len(self._lines) * 3 // 2, room)), rows)

    def add(
        self, labels: np.ndarray | polars.Series, values: np.ndarray, lines: np.ndarray
    ) -> None:
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
            explain = functools.partial(self._explain, model, where)
            self.holds_zero |= _check_rows(out, start, stop, explain)
        self._tracker.step(_READ_SHARE * stop / self._expected)

    def _explain(self, model: int, where: _Where, row: int) -> None:
        values = self._outs[model][row]
        if not np.isfinite(values).all():
            # an empty cell, a short line, a number too large: say so, not "NaN" or "infinite"
            self._diagnose(self.line_of(row))
        _explain_model_row(self._layout, model, values, row, where, self._layout.columns[model])

    def line_of(self, row: int) -> int:
        return int(self._lines[row])

    def finish(self) -> list[ModelPredictions]:
        if not self._count:
            raise FormatError("no samples: the file holds no rows of predictions", path=self._path)
        self._tracker.poll()
        labels = _label_indices(
            _joined_labels(self._labels),
            self._layout.classes,
            self._where(),
            self._layout.label + 1,
        )
        return [
            ModelPredictions(name, self._layout.classes, labels, out[: self._count], self._path)
            for name, out in zip(self._layout.models, self._outs, strict=True)
        ]


def _joined_labels(parts: list[np.ndarray | polars.Series]) -> np.ndarray | polars.Series:
    """The labels of every batch in one array, or one polars Series if polars read them all
    (it finds the distinct labels far faster than Python)."""
    if all(isinstance(part, np.ndarray) for part in parts):
        return np.concatenate(parts)
    if not any(isinstance(part, np.ndarray) for part in parts):
        return import_polars().concat(parts, rechunk=False)
    # polars read the first batches, numpy the rest (from a line polars refused on)
    return np.concatenate(
        [part if isinstance(part, np.ndarray) else part.to_numpy().astype(object) for part in parts]
    )


class _PolarsFailed(Exception):
    """polars could not read on; its message, shortened, is the exception's text."""


#: A column of the row that _polars_batches appends after a query's rows to see them all come.
_END = "__kl_explorer_end__"


def _polars_batches(pl: Any, query: polars.LazyFrame, rows: int) -> Iterator[polars.DataFrame]:
    """The query's result in batches of about ``rows`` rows, in order; _PolarsFailed if
    polars fails or stops early. Closing the iterator early (an error, a cancel) drops the
    query, which stops it.

    A query that polars stops (its own Ctrl+C handler does, see core.predictions.polars_import)
    does not fail: its batches just end. So a row is appended after the query's rows, and
    batches that end before it are refused: no read is ever taken for a whole file unless
    it reached the end."""
    errors = (Exception, pl.exceptions.PanicException)  # a panic is a BaseException
    end = pl.LazyFrame({_END: [True]})  # its other columns null ("diagonal")
    marked = pl.concat([query.with_columns(pl.lit(False).alias(_END)), end], how="diagonal")
    try:
        if hasattr(marked, "collect_batches"):
            source = iter(marked.collect_batches(chunk_size=rows))
        else:  # polars < 1.34 streams no batches: read it all, hand out slices (more memory)
            source = marked.collect().iter_slices(rows)
    except errors as error:
        raise _PolarsFailed(_first_line(error)) from None
    while True:
        try:
            batch = next(source)
        except StopIteration:
            raise _PolarsFailed("polars stopped before its end") from None
        except errors as error:
            raise _PolarsFailed(_first_line(error)) from None
        end = batch.drop_in_place(_END)
        if batch.height and end[-1]:  # the appended row: every row of the query came
            if batch.height > 1:
                yield batch.head(batch.height - 1)
            return
        yield batch


# -- delimited text --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    names: tuple[str, ...]
    delimiter: str
    # "utf-8", "cp949" or UTF16: the header line's, which polars' read checks for the whole
    # file (_NotUtf8); the whole file's for numpy (_in_file_encoding)
    encoding: str
    rows_estimate: int

    @property
    def decimal_comma(self) -> bool:
        """Whether numbers may have a decimal comma (0,25), as well as a point."""
        return allows_decimal_comma(self.delimiter)


def _read_header(path: str) -> _Header:
    try:
        with open_regular(path) as stream:
            encoding = text_encoding(stream.read(4096), path)  # binary data is refused
            stream.seek(0)
            if encoding == UTF16:
                text = next(text_lines(stream, UTF16, path, _MAX_HEADER_BYTES), "")
                header_bytes = len(f"{text}\n".encode(UTF16))  # with the byte-order mark
            else:
                first = stream.readline(_MAX_HEADER_BYTES + 1)
                check_line_end(first.removesuffix(b"\n"), path, 1)
                if len(first) > _MAX_HEADER_BYTES:
                    raise FormatError(
                        "the first line is over 16 MB long: not a table of predictions",
                        path=path,
                        line=1,
                    )
                text = decode_text(first, path)  # drops a byte-order mark
                encoding = "utf-8" if is_utf8(first) else "cp949"
                header_bytes = len(first)
            stream.seek(header_bytes)
            sample = stream.read(_SAMPLE_BYTES)
            size = stream.size
    except OSError as error:
        raise read_error(error, path) from None
    text = text.rstrip("\r\n")
    if not text.strip():
        raise FormatError(
            "the first line is empty: it must be the header naming the label and class columns",
            path=path,
            line=1,
        )
    delimiter = sniff_delimiter(text)
    if delimiter is None:
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
    estimate = math.ceil((size - header_bytes) / max(row_bytes, len(names)))
    return _Header(tuple(names), delimiter, encoding, estimate)


def _read_text(path: str, label_column: str | None, tracker: _Tracker) -> list[ModelPredictions]:
    header = _read_header(path)
    layout = _layout(header.names, label_column, Path(path).stem, path, line=1)
    pl = import_polars() if header.encoding == "utf-8" else None  # polars reads only UTF-8
    if pl is None:  # numpy decodes line by line: in the encoding of the whole file
        header = _in_file_encoding(header, path)
    try:
        return _read_rows(pl, path, header, layout, tracker)
    except _NotUtf8:
        pass  # (out of the except clause, the rows read so far are let go)
    # polars read UTF-8 lines up to one that is not: the file as a whole is CP949 (as a
    # table would be), and is read again so
    return _read_rows(None, path, _in_file_encoding(header, path), layout, tracker)


class _NotUtf8(Exception):
    """The file, whose header is UTF-8, is not UTF-8 as a whole."""


def _in_file_encoding(header: _Header, path: str) -> _Header:
    """The header, with the encoding of the whole file (file_encoding) instead of its own
    line's: an ASCII header may head a CP949 file."""
    try:
        with open_regular(path) as stream:
            return replace(header, encoding=file_encoding(stream, path))
    except OSError as error:
        raise read_error(error, path) from None


def _read_rows(
    pl: Any, path: str, header: _Header, layout: _Layout, tracker: _Tracker
) -> list[ModelPredictions]:
    """The models of a text file, read with polars (``pl``) or numpy (None)."""
    diagnose = functools.partial(_diagnose_line, path, header, layout)
    collector = _Collector(layout, path, tracker, header.rows_estimate, diagnose)
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
            _collect_text_numpy(path, header, layout, collector)
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


def _scan_step(tracker: _Tracker, fraction: float) -> None:
    """Progress of the search for numbers too small for a double, after the reading."""
    tracker.step(_READ_SHARE + (1 - _READ_SHARE) * fraction)


def _diagnose_line(path: str, header: _Header, layout: _Layout, line: int) -> None:
    """Raise what is wrong with this line of the file, if _check_lines finds something: a
    short line or an empty cell, where the engine only saw a NaN or a missing label."""
    _check_lines(itertools.islice(_file_lines(path, header, line), 1), header, layout, path)


#: Both engines refuse a quoted field that spans lines, at the line where it starts.
_SPANNING_FIELD = "a quoted field runs on past the end of this line: fields may not span lines"


def _field_runs_on(line: str, delimiter: str) -> bool:
    """Whether a quoted field opened on this line is still open at its end (as Python's csv
    reads it: a quote opens a field only at the field's start)."""
    reader = csv.reader(iter([line.rstrip("\r\n") + "\n", "\n"]), delimiter=delimiter)
    next(reader, None)
    return reader.line_num > 1


def _collect_text_polars(
    pl: Any, source: str, path: str, header: _Header, layout: _Layout, collector: _Collector
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
        # polars reads a quoted field across lines; we refuse it (see _SPANNING_FIELD)
        pl.any_horizontal(pl.col(texts).str.contains("\n", literal=True))
        .fill_null(False)
        .alias("spans"),
        *(pl.col(f"c{column}") for column in probability),
    )
    next_line = 2  # polars gives a row for each line after the header, blank ones too
    try:
        for batch in _polars_batches(pl, query, _batch_rows(len(probability))):
            lines = np.arange(next_line, next_line + batch.height)
            next_line += batch.height
            labels = batch.drop_in_place(batch.columns[0])  # cheaper than slicing
            spans = batch.drop_in_place("spans")
            if spans.any():  # every row before it was one line: its line number is right
                raise FormatError(_SPANNING_FIELD, path=path, line=int(lines[spans.arg_max()]))
            values = batch.to_numpy()  # column-major (polars' layout): one copy
            no_label = (labels.is_null() | (labels == "")).to_numpy()
            if no_label.any():
                blank = no_label & np.isnan(values).all(axis=1)
                if blank.any():  # blank lines, or lines of nothing but delimiters
                    keep = ~blank
                    labels = labels.filter(keep)
                    values, lines, no_label = values[keep], lines[keep], no_label[keep]
                if no_label.any():  # a short line, or an empty label: _check_lines says which
                    _diagnose_line(path, header, layout, int(lines[np.argmax(no_label)]))
            collector.add(labels, values, lines)
    except _PolarsFailed:
        # polars refused something (a ragged or non-UTF-8 line, a cell with spaces after the
        # number, ...) and says neither line nor column: numpy reads on from where it stopped
        # and names the line if something is wrong (unless the file is not UTF-8 at all).
        if _in_file_encoding(header, path).encoding != header.encoding:
            raise _NotUtf8() from None
        _collect_text_numpy(path, header, layout, collector, start=next_line)


def _file_lines(path: str, header: _Header, start: int) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line from line ``start`` on."""
    blank = " \t\r\n" + header.delimiter
    try:
        with open_regular(path) as stream:
            lines = text_lines(stream, header.encoding, path, _MAX_LINE_BYTES)
            for number, text in enumerate(itertools.islice(lines, start - 1, None), start=start):
                if text.strip(blank):
                    yield number, text.rstrip("\r")
    except OSError as error:
        raise read_error(error, path) from None


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
    """Raise a FormatError at the first line with the wrong number of fields, no label, a
    cell that is not a number or a quoted field that spans lines. Slow (pure Python): it
    says where numpy failed, and is called for every line that holds a quote."""
    width = len(header.names)
    for number, text in entries:
        if '"' in text and _field_runs_on(text, header.delimiter):
            raise FormatError(_SPANNING_FIELD, path=path, line=number)
        try:
            fields = next(csv.reader([text], delimiter=header.delimiter))
        except csv.Error as error:
            raise FormatError(f"cannot split this line: {error}", path=path, line=number) from None
        if len(fields) != width:
            count = f"{len(fields)} field{'' if len(fields) == 1 else 's'}"
            raise FormatError(
                f"this line has {count} but the header has {width}",
                path=path,
                line=number,
            )
        if not fields[layout.label].strip():
            raise FormatError("no true label", path=path, line=number, column=layout.label + 1)
        for column in layout.probability_columns:
            cell = fields[column].strip()
            try:
                number_value(with_decimal_point(cell, header.delimiter))
                continue
            except OutOfRange as error:  # 1e400, which the engines read as infinity
                what = str(error)
            except ValueError:
                what = "empty cell" if not cell else f"{shortened(cell)!r} is not a number"
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
    """Labels, probabilities (float64) and line numbers of some lines, read with numpy."""
    texts = [text for _, text in entries]
    delimiter = header.delimiter
    fields = len(header.names) - 1
    # np.loadtxt ignores surplus fields: check the count first (quoted fields the slow way).
    if any('"' in text or text.count(delimiter) != fields for text in texts):
        _check_lines(entries, header, layout, path)
    # A decimal comma, where the delimiter allows one, as a point: numbers are written either
    # way (see with_decimal_point; a comma and a point in one number fail either way).
    numbers = [text.replace(",", ".") for text in texts] if header.decimal_comma else texts
    try:
        values = np.loadtxt(
            numbers,
            delimiter=delimiter,
            dtype=np.float64,
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
    pl = import_polars()
    if pl is None:
        raise FormatError("reading Parquet files needs polars: pip install polars", path=path)
    with open_regular(path) as checked:  # polars then opens the very file checked
        return _read_parquet_file(pl, library_path(checked, path), path, label_column, tracker)


def _read_parquet_file(
    pl: Any, source: str, path: str, label_column: str | None, tracker: _Tracker
) -> list[ModelPredictions]:
    """Read with polars from ``source`` (the file at ``path``, see library_path)."""
    try:
        query = pl.scan_parquet(source, glob=False)
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
    # A model is held as float32 only if every value of each of its columns is a float32.
    exact = tuple(getattr(pl, name) for name in _FLOAT32_EXACT_POLARS if hasattr(pl, name))
    held = [
        np.float32 if all(dtypes[column] in exact for column in columns) else np.float64
        for columns in layout.columns
    ]
    outs = _allocate(
        [((rows, len(layout.classes)), dtype) for dtype in held],
        f"the probabilities of {rows:,} rows",
        path,
    )
    casts = [pl.Float32 if dtype == np.float32 else pl.Float64 for dtype in held]
    classes = len(layout.classes)
    labels: list[polars.Series] = []
    for first in range(0, len(flat), width):
        chosen = [
            pl.col(names[column]).cast(casts[(first + offset) // classes])
            for offset, column in enumerate(flat[first : first + width])
        ]
        row = 0
        try:
            batches = _polars_batches(
                pl,
                query.select(*chosen) if first else query.select(label, *chosen),
                _batch_rows(width),
            )
            for batch in batches:
                if not first:
                    labels.append(batch.drop_in_place(batch.columns[0]))
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
    indices = _label_indices(pl.concat(labels, rechunk=False), layout.classes, where)
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

    @property
    def data_bytes(self) -> int:
        return math.prod(self.shape) * self.dtype.itemsize


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
    header = _ArrayHeader(tuple(shape), bool(fortran), dtype)
    if header.data_bytes > size - stream.tell():
        raise FormatError(
            f"{what} is cut short: the file is smaller than its header says", path=path
        )
    return header


def _refuse_long_names(header: _ArrayHeader, what: str, path: str) -> None:
    """A text array (class names, labels) gives each of its strings as much room as the
    longest needs: refuse more than _MAX_NAME_BYTES a string (a dtype such as U1000000000
    would make a few names take gigabytes)."""
    if header.dtype.kind in "SU" and header.dtype.itemsize > _MAX_NAME_BYTES:
        raise FormatError(
            f"{what} gives each text {readable_size(header.dtype.itemsize)}; a class name or "
            f"a label may take at most {readable_size(_MAX_NAME_BYTES)}",
            path=path,
        )


def _refuse_label_count(shape: tuple[int, ...], rows: int, source: str, path: str) -> None:
    if len(shape) != 1:
        raise FormatError(
            f"the labels {source} have shape {shape}; expected one per sample", path=path
        )
    if shape[0] != rows:
        raise FormatError(
            f"'probs' has {rows} rows but there are {shape[0]} labels {source}", path=path
        )


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


def _read_label_array(
    stream: IO[bytes], header: _ArrayHeader, what: str, classes: Sequence[str], path: str
) -> np.ndarray:
    """The labels of a 1-D array (an .npz member or a .npy file), read once they are known to
    fit in memory together with what mapping them to classes takes (_distinct_labels sorts
    a copy: _LABEL_MAPPING_BYTES a label besides). Text is held no wider than a label that
    can name a class (_label_room): a type that gives each label room for 100,000 characters
    is read in blocks, each narrowed as it comes, and a label too long to name a class or
    with no text at all is refused at its sample right away."""
    dtype = header.dtype
    room = _label_room(classes, dtype)
    held = dtype if room is None else np.dtype((dtype.kind, room))
    (count,) = header.shape
    needed = count * (2 * held.itemsize + _LABEL_MAPPING_BYTES)
    _refuse_beyond_memory(needed, what, path, decompressed=False)
    if held == dtype:
        return _read_whole(stream, header, what, path)
    (labels,) = _allocate([((count,), held)], what, path)
    where = _Where(path)
    step = max(1, _READ_BYTES // dtype.itemsize)
    for start in range(0, count, step):
        stop = min(count, start + step)
        data = _read_exact(stream, (stop - start) * dtype.itemsize, what, path)
        block = np.frombuffer(data, dtype)
        narrowed = labels[start:stop]
        narrowed[...] = block  # cut to the room: what it cuts is looked at below
        for offset in np.flatnonzero(np.char.str_len(block) > room).tolist():
            text = block[offset].strip()
            if len(text) > room:
                raise where.error(start + offset, _too_long_to_name_a_class(text, classes))
            narrowed[offset] = text
        empty = np.char.str_len(np.char.strip(narrowed)) == 0
        if empty.any():
            raise where.error(start + int(np.argmax(empty)), "no true label")
    return labels


#: Bytes a label takes while _distinct_labels maps labels to classes, besides the label and
#: a sorted copy of it: np.unique's sort order, inverse and running count (int64 each).
_LABEL_MAPPING_BYTES = 32
#: Characters a label that is a number may need (a class index, or a class's value: "3.0").
_NUMBER_CHARACTERS = 64


def _label_room(classes: Sequence[str], dtype: np.dtype) -> int | None:
    """The characters (bytes for a bytes array) a label of this text type needs at most to
    name one of ``classes``, if the type gives each label more; None otherwise."""
    if dtype.kind not in "SU":
        return None
    if dtype.kind == "S":
        longest = max(len(name.encode("utf-8")) for name in classes)
        width = dtype.itemsize
    else:
        longest = max(len(name) for name in classes)
        width = dtype.itemsize // 4
    room = max(longest, _NUMBER_CHARACTERS)
    return room if width > room else None


def _too_long_to_name_a_class(label: str | bytes, classes: Sequence[str]) -> str:
    text = label.decode("utf-8", "replace") if isinstance(label, bytes) else label
    longest = max(len(name) for name in classes)
    return (
        f"label {shortened(text)!r} is {len(text):,} characters long: too long to name a "
        f"class (the longest class name has {longest:,})"
    )


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
    """The (N, K) array, C-contiguous, in the precision _held_dtype gives, checked block by
    block."""
    rows, count = header.shape
    dtype = header.dtype
    target = _held_dtype(dtype)
    subjects = [f"class {klass!r}" for klass in classes]

    def explain(row: int) -> None:
        _explain_row(out[row], row, where, subjects, None, "")

    (out,) = _allocate([((rows, count), target)], what, where.path)
    if header.fortran:  # rare: column-major on disk
        _read_columns(stream, header, out, what, where, subjects, tracker)
        _check_rows(out, 0, rows, explain)
        return out
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
            values = np.frombuffer(data, dtype).reshape(stop - start, count)
            out[start:stop] = values
            _refuse_underflows(values, out[start:stop], start, where, subjects)
        _check_rows(out, start, stop, explain)
        tracker.step(stop / rows)
    return out


def _read_columns(
    stream: IO[bytes],
    header: _ArrayHeader,
    out: np.ndarray,
    what: str,
    where: _Where,
    subjects: Sequence[str],
    tracker: _Tracker,
) -> None:
    """Fill ``out`` from an array stored column by column (Fortran order), _READ_BYTES at a
    time: several whole columns, or pieces of one long column; never a copy of it all."""
    rows, count = header.shape
    dtype = header.dtype
    values_at_once = max(1, _READ_BYTES // dtype.itemsize)
    rows_at_once = min(rows, values_at_once)
    columns_at_once = max(1, values_at_once // rows)
    for first in range(0, count, columns_at_once):
        last = min(count, first + columns_at_once)
        for start in range(0, rows, rows_at_once):  # once, unless a column is long
            stop = min(rows, start + rows_at_once)
            data = _read_exact(
                stream, (last - first) * (stop - start) * dtype.itemsize, what, where.path
            )
            values = np.frombuffer(data, dtype).reshape(last - first, stop - start).T
            block = out[start:stop, first:last]
            block[...] = values
            _refuse_underflows(values, block, start, where, subjects[first:last])
            tracker.step((first * rows + stop * (last - first)) / (rows * count))


def _held_dtype(dtype: np.dtype) -> np.dtype:
    """The precision an array of probabilities of this type is held in: float32 where every
    value of the type is exactly a float32 (floats of up to 32 bits, 8- and 16-bit integers),
    float64 otherwise."""
    if dtype.itemsize <= (4 if dtype.kind == "f" else 2):
        return np.dtype(np.float32)
    return np.dtype(np.float64)


def _refuse_underflows(
    values: np.ndarray, held: np.ndarray, first: int, where: _Where, subjects: Sequence[str]
) -> None:
    """A value > 0 in a file wider than float64 (long double) must not become 0 here."""
    if values.dtype.itemsize <= held.dtype.itemsize:
        return  # held at least as wide as stored: every value is kept
    lost = (values != 0) & (held == 0)
    if lost.any():
        row, column = (int(index) for index in np.argwhere(lost)[0])
        value = np.format_float_scientific(values[row, column], precision=6, trim="-")
        raise where.error(
            first + row,
            f"the probability of {subjects[column]} is {value}, too small for a double "
            f"(below {SMALLEST_DOUBLE}): it would be read as 0",
        )


def _strings(array: np.ndarray, what: str, path: str) -> np.ndarray:
    """Byte strings decoded as UTF-8; other arrays as they are."""
    if array.dtype.kind != "S":
        return array
    try:
        return np.array([value.decode("utf-8") for value in array.tolist()], dtype=object)
    except UnicodeDecodeError:
        raise FormatError(f"{what} holds bytes that are not UTF-8 text", path=path) from None


def _class_names(array: np.ndarray, path: str) -> tuple[str, ...]:
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


def _read_label_file(
    path: str, rows: int, classes: Sequence[str]
) -> tuple[np.ndarray | _Labels, _Where]:
    """Labels from a .npy array, or from text with one label per line (see _read_label_text);
    ``rows`` are expected (a count that differs is the caller's to refuse), of ``classes``."""
    if Path(path).suffix.lower() != ".npy":
        return _read_label_text(path, rows)
    what = "the labels array"
    try:
        with open_regular(path) as stream:
            header = _array_header(stream, stream.size, what, path)
            _refuse_long_names(header, what, path)
            if len(header.shape) != 1:
                raise FormatError(
                    f"{what} has shape {header.shape}; expected one label per sample", path=path
                )
            labels = _read_label_array(stream, header, what, classes, path)
    except OSError as error:
        raise read_error(error, path) from None
    return labels, _Where(path)


def _read_label_text(path: str, rows: int) -> tuple[_Labels, _Where]:
    """Labels from text, one a line (lines end as text_lines ends them), read line by line:
    blank lines are skipped, a first line 'label' (or another of LABEL_COLUMNS) is a header,
    and a label in double quotes loses them. The first ``rows`` labels are kept, as the
    position of each among the distinct labels; reading stops at a label beyond them."""
    inverse, lines = _allocate(
        [((rows,), np.int64), ((rows,), np.int64)], f"the labels of {rows:,} rows", path
    )
    distinct: dict[str, int] = {}
    count = 0
    beyond = None  # the line of a label beyond the rows
    first = True  # the first line that is not blank: it may be a header
    try:
        with open_regular(path) as stream:
            if stream.size > _MAX_LABEL_FILE_BYTES:
                raise FormatError(
                    f"the file is {readable_size(stream.size)}; too large for a file of "
                    f"labels (at most {readable_size(_MAX_LABEL_FILE_BYTES)})",
                    path=path,
                )
            encoding = file_encoding(stream, path, _LABEL_FILE)
            for number, text in enumerate(text_lines(stream, encoding, path, _MAX_NAME_BYTES), 1):
                label = text.strip()
                if not label:
                    continue
                if first:
                    first = False
                    if _is_label_header(label):
                        continue
                if len(label) >= 2 and label[0] == label[-1] == '"':
                    label = label[1:-1].strip()
                if not label:
                    raise FormatError("no true label", path=path, line=number)
                if count == rows:
                    beyond = number
                    break
                inverse[count] = distinct.setdefault(label, len(distinct))
                lines[count] = number
                count += 1
    except OSError as error:
        raise read_error(error, path) from None
    labels = _Labels(list(distinct), inverse[:count], count, beyond)
    return labels, _Where(path, lines[:count])


def _refuse_other_label_count(
    labels: np.ndarray | _Labels, rows: int, labels_path: str, path: str
) -> None:
    """FormatError unless the file of labels at ``labels_path`` gave one label a row."""
    beyond = labels.beyond if isinstance(labels, _Labels) else None
    if beyond is not None:
        raise FormatError(
            f"{rows} rows of probabilities but more labels in {labels_path}: label "
            f"{rows + 1} is on line {beyond}",
            path=path,
        )
    if len(labels) != rows:
        raise FormatError(
            f"{rows} rows of probabilities but {len(labels)} labels in {labels_path}", path=path
        )


#: What a file of labels may be, as a message says it.
_LABEL_FILE = "a file of labels: give an .npy array, or text with one label per line"


def _is_label_header(text: str) -> bool:
    return text.strip('"').casefold() in LABEL_COLUMNS


def _read_npy(path: str, labels_path: str | None, tracker: _Tracker) -> list[ModelPredictions]:
    if labels_path is None:
        raise FormatError(
            "a .npy file holds only probabilities: give the true labels as well "
            "(--labels on the command line)",
            path=path,
        )
    try:
        with open_regular(path) as stream:
            header = _array_header(stream, stream.size, "the array", path)
            rows, count = _probability_shape(header, "the array", path)
            held = rows * count * _held_dtype(header.dtype).itemsize
            _refuse_beyond_memory(held, "the array", path, decompressed=False)
            classes = _default_classes(count)
            labels, where = _read_label_file(labels_path, rows, classes)
            _refuse_other_label_count(labels, rows, labels_path, path)
            indices = _label_indices(labels, classes, where)
            tracker.step(0.05)
            probabilities = _read_probabilities(
                stream, header, "the array", _Where(path), classes, tracker
            )
    except OSError as error:
        raise read_error(error, path) from None
    return [ModelPredictions(Path(path).stem, classes, indices, probabilities, path, labels_path)]


@contextlib.contextmanager
def _open_archive(path: str) -> Iterator[zipfile.ZipFile]:
    """The .npz archive at ``path``, opened as every file is (a FIFO or a device is refused
    unread)."""
    with open_regular(path) as stream:
        try:
            archive = zipfile.ZipFile(stream)
        except _ARRAY_ERRORS as error:
            raise FormatError(f"not a .npz archive: {_first_line(error)}", path=path) from None
        with archive:
            yield archive


def _read_npz(path: str, labels_path: str | None, tracker: _Tracker) -> list[ModelPredictions]:
    with _open_archive(path) as archive:
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

        @contextlib.contextmanager
        def member(name: str) -> Iterator[tuple[IO[bytes], _ArrayHeader]]:
            """A member's stream after its header: nothing of its data is inflated yet (what
            reads it checks first that what it will hold fits)."""
            info = archive.getinfo(members[name])
            with archive.open(info) as stream:
                yield stream, _array_header(stream, info.file_size, f"'{name}'", path)

        try:
            with member("probs") as (_, header):
                rows, count = _probability_shape(header, "'probs'", path)
            held = rows * count * _held_dtype(header.dtype).itemsize
            _refuse_beyond_memory(held, "'probs'", path, decompressed=True)
            classes = _default_classes(count)
            if "classes" in members:
                with member("classes") as (stream, header):
                    _refuse_long_names(header, "'classes'", path)
                    if header.shape != (count,):
                        raise FormatError(
                            f"'classes' has shape {header.shape} but 'probs' has {count} class "
                            "columns",
                            path=path,
                        )
                    _refuse_beyond_memory(header.data_bytes, "'classes'", path, decompressed=True)
                    classes = _class_names(_read_whole(stream, header, "'classes'", path), path)
            if labels_path is not None:
                labels, where = _read_label_file(labels_path, rows, classes)
                _refuse_other_label_count(labels, rows, labels_path, path)
            else:
                with member("labels") as (stream, header):
                    _refuse_long_names(header, "'labels'", path)
                    _refuse_label_count(header.shape, rows, "in 'labels'", path)
                    labels = _read_label_array(stream, header, "'labels'", classes, path)
                where = _Where(path)
            indices = _label_indices(labels, classes, where)
            tracker.step(0.05)
            with member("probs") as (stream, header):
                probabilities = _read_probabilities(
                    stream, header, "'probs'", _Where(path), classes, tracker
                )
        except _ARRAY_ERRORS as error:
            if isinstance(error, FormatError):
                raise
            raise FormatError(f"cannot read the archive: {_first_line(error)}", path=path) from None
    labels_source = labels_path or path  # its own labels, or the separate ones
    return [ModelPredictions(Path(path).stem, classes, indices, probabilities, path, labels_source)]
