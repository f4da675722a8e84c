"""NumPy files of predictions: ``.npz`` and ``.npy``.

- ``.npz``: arrays ``probs`` (N×K), ``labels`` (N) and optionally ``classes`` (K names,
  default ``"0"`` … ``"K-1"``).
- ``.npy``: probabilities (N×K) only; the labels come from ``labels_path``: a ``.npy`` array,
  or text with one label per line (core.predictions.readers.label_files).

Arrays of float16 and float32 and of 8- and 16-bit integers are held as float32, all exact
in float32; wider ones as float64, and a long double that float64 cannot hold (a value > 0
that would become 0) is refused. ``.npy`` data is read in blocks straight into its array
(one stored column by column too). An array (an NPZ member too) is read only as far as its
.npy header says; an array of Python objects is refused: a pickle is never loaded. An NPZ
member that would inflate far beyond the memory available is refused before it is inflated.
Class names and labels in arrays may take 1 MB each; labels of text are held no wider than
a class name or a number needs (a type that gives each label room for 100,000 characters is
read in blocks, each narrowed), and one too long to name a class is refused where it is.
"""

from __future__ import annotations

import contextlib
import math
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from core.errors import FormatError, shortened
from core.formats.number_text import SMALLEST_DOUBLE
from core.formats.regular_files import open_regular, read_error
from core.memory import readable_size
from core.predictions.model_predictions import (
    ModelPredictions,
)
from core.predictions.readers.allocation import allocate, refuse_beyond_memory
from core.predictions.readers.label_files import read_label_text, refuse_other_label_count
from core.predictions.readers.labels import MAX_NAME_BYTES, Labels, label_indices
from core.predictions.readers.messages import first_line, listing
from core.predictions.readers.progress import Tracker
from core.predictions.readers.row_checks import (
    Where,
    check_rows,
    explain_row,
)

_READ_BYTES = 16 * 1024**2  # bytes of a .npy array read between progress reports


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
        raise FormatError(f"{what} is not a .npy array: {first_line(error)}", path=path) from None
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
    longest needs: refuse more than MAX_NAME_BYTES a string (a dtype such as U1000000000
    would make a few names take gigabytes)."""
    if header.dtype.kind in "SU" and header.dtype.itemsize > MAX_NAME_BYTES:
        raise FormatError(
            f"{what} gives each text {readable_size(header.dtype.itemsize)}; a class name or "
            f"a label may take at most {readable_size(MAX_NAME_BYTES)}",
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
    fit in memory together with what mapping them to classes takes (label_indices sorts
    a copy: _LABEL_MAPPING_BYTES a label besides). Text is held no wider than a label that
    can name a class (_label_room): a type that gives each label room for 100,000 characters
    is read in blocks, each narrowed as it comes, and a label too long to name a class or
    with no text at all is refused at its sample right away."""
    dtype = header.dtype
    room = _label_room(classes, dtype)
    held = dtype if room is None else np.dtype((dtype.kind, room))
    (count,) = header.shape
    needed = count * (2 * held.itemsize + _LABEL_MAPPING_BYTES)
    refuse_beyond_memory(needed, what, path, decompressed=False)
    if held == dtype:
        return _read_whole(stream, header, what, path)
    (labels,) = allocate([((count,), held)], what, path)
    where = Where(path)
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


#: Bytes a label takes while label_indices maps labels to classes, besides the label and
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
    where: Where,
    classes: Sequence[str],
    tracker: Tracker,
) -> np.ndarray:
    """The (N, K) array, C-contiguous, in the precision _held_dtype gives, checked block by
    block."""
    rows, count = header.shape
    dtype = header.dtype
    target = _held_dtype(dtype)
    subjects = [f"class {klass!r}" for klass in classes]

    def explain(row: int) -> None:
        explain_row(out[row], row, where, subjects, None, "")

    (out,) = allocate([((rows, count), target)], what, where.path)
    if header.fortran:  # rare: column-major on disk
        _read_columns(stream, header, out, what, where, subjects, tracker)
        check_rows(out, 0, rows, explain)
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
        check_rows(out, start, stop, explain)
        tracker.step(stop / rows)
    return out


def _read_columns(
    stream: IO[bytes],
    header: _ArrayHeader,
    out: np.ndarray,
    what: str,
    where: Where,
    subjects: Sequence[str],
    tracker: Tracker,
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
    values: np.ndarray, held: np.ndarray, first: int, where: Where, subjects: Sequence[str]
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


def class_names(array: np.ndarray, path: str) -> tuple[str, ...]:
    """The names of an array of class names (text, bytes or integers): stripped, none empty,
    none twice."""
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


def default_classes(count: int) -> tuple[str, ...]:
    """The names of classes an array does not name: "0" … "K-1"."""
    return tuple(str(index) for index in range(count))


def _read_label_file(
    path: str, rows: int, classes: Sequence[str]
) -> tuple[np.ndarray | Labels, Where]:
    """Labels from a .npy array, or from text with one label per line (see read_label_text);
    ``rows`` are expected (a count that differs is the caller's to refuse), of ``classes``."""
    if Path(path).suffix.lower() != ".npy":
        return read_label_text(path, rows)
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
    return labels, Where(path)


def read_npy(path: str, labels_path: str | None, tracker: Tracker) -> list[ModelPredictions]:
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
            refuse_beyond_memory(held, "the array", path, decompressed=False)
            classes = default_classes(count)
            labels, where = _read_label_file(labels_path, rows, classes)
            refuse_other_label_count(labels, rows, labels_path, path)
            indices = label_indices(labels, classes, where)
            tracker.step(0.05)
            probabilities = _read_probabilities(
                stream, header, "the array", Where(path), classes, tracker
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
            raise FormatError(f"not a .npz archive: {first_line(error)}", path=path) from None
        with archive:
            yield archive


def read_npz(path: str, labels_path: str | None, tracker: Tracker) -> list[ModelPredictions]:
    with _open_archive(path) as archive:
        members = {name.removesuffix(".npy"): name for name in archive.namelist()}
        if "probs" not in members:
            raise FormatError(
                f"no array 'probs' in the archive (it holds {listing(sorted(members))})",
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
            refuse_beyond_memory(held, "'probs'", path, decompressed=True)
            classes = default_classes(count)
            if "classes" in members:
                with member("classes") as (stream, header):
                    _refuse_long_names(header, "'classes'", path)
                    if header.shape != (count,):
                        raise FormatError(
                            f"'classes' has shape {header.shape} but 'probs' has {count} class "
                            "columns",
                            path=path,
                        )
                    refuse_beyond_memory(header.data_bytes, "'classes'", path, decompressed=True)
                    classes = class_names(_read_whole(stream, header, "'classes'", path), path)
            if labels_path is not None:
                labels, where = _read_label_file(labels_path, rows, classes)
                refuse_other_label_count(labels, rows, labels_path, path)
            else:
                with member("labels") as (stream, header):
                    _refuse_long_names(header, "'labels'", path)
                    _refuse_label_count(header.shape, rows, "in 'labels'", path)
                    labels = _read_label_array(stream, header, "'labels'", classes, path)
                where = Where(path)
            indices = label_indices(labels, classes, where)
            tracker.step(0.05)
            with member("probs") as (stream, header):
                probabilities = _read_probabilities(
                    stream, header, "'probs'", Where(path), classes, tracker
                )
        except _ARRAY_ERRORS as error:
            if isinstance(error, FormatError):
                raise
            raise FormatError(f"cannot read the archive: {first_line(error)}", path=path) from None
    labels_source = labels_path or path  # its own labels, or the separate ones
    return [ModelPredictions(Path(path).stem, classes, indices, probabilities, path, labels_source)]
