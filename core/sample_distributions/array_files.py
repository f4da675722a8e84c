"""NumPy files of per-sample distributions: ``.npy`` and ``.npz``.

- ``.npy``: one N×K array of the kind of values the caller names (``probabilities`` unless
  told otherwise; see distribution_rows.KINDS), memory-mapped: nothing is read until the
  statistics read it, block by block.
- ``.npz``: exactly one of ``probs``, ``logprobs``, ``logits`` or ``counts`` (N×K), which
  says the kind, and optionally ``labels`` (N: the true class of each sample, as class names
  or 0-based indices, by the rule of prediction files) and ``classes`` (K names, default
  ``"0"`` … ``"K-1"``), and ``ids`` (N distinct sample ids, text or integers): a candidate
  is matched to its reference by the ids and class names both give (see matching). A member
  is inflated into memory only once it is known to fit.
- a top-k reference ``.npz`` (see top_k): ``topk_ids`` and ``topk_logprobs`` (N×k),
  optionally ``tail_mass`` (N), and ``classes`` (K names) or ``n_classes`` (K).

Arrays are loaded by ``np.load(allow_pickle=False)``: an array of Python objects is refused,
never unpickled. Files are opened as every file is (core.formats.regular_files: a folder,
a FIFO or a device is refused unread). Numbers of up to 64 bits are read (floats, integers);
their values are checked as the statistics read them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from core.errors import FormatError
from core.formats.regular_files import library_path, open_regular, read_error
from core.predictions.readers.allocation import refuse_beyond_memory
from core.predictions.readers.arrays import class_names, default_classes
from core.predictions.readers.labels import label_indices
from core.predictions.readers.messages import first_line, listing
from core.predictions.readers.row_checks import Where
from core.sample_distributions.distribution_rows import ArrayRows, Kind, refuse_unknown_kind
from core.sample_distributions.log_softmax import check_temperature
from core.sample_distributions.matching import sample_ids
from core.sample_distributions.sample_set import SampleSet
from core.sample_distributions.top_k import TopKRows

#: The .npz member that holds the distributions, for each kind of values.
NPZ_MEMBERS: dict[str, Kind] = {
    "probs": "probabilities",
    "logprobs": "log_probabilities",
    "logits": "logits",
    "counts": "counts",
}
#: np.load's .npy header parser (ast, tokenize) and zipfile raise many kinds on a damaged
#: file: SyntaxError, tokenize.TokenError, ValueError, EOFError, BadZipFile, ...
_LOAD_ERRORS = (Exception,)


def read_npy(
    path: str | os.PathLike[str],
    kind: str = "probabilities",
    *,
    temperature: float = 1.0,
    name: str | None = None,
) -> SampleSet:
    """The N×K ``kind`` values of a .npy file, memory-mapped (see the module)."""
    path = os.fspath(path)
    checked_kind = refuse_unknown_kind(kind, path)
    temperature = kind_temperature(temperature, checked_kind, path)
    try:
        with open_regular(path) as stream:
            if not stream.size:
                raise FormatError("the file is empty", path=path)
            values = np.load(library_path(stream, path), mmap_mode="r", allow_pickle=False)
    except OSError as error:
        raise read_error(error, path) from None
    except FormatError:
        raise
    except _LOAD_ERRORS as error:
        raise FormatError(f"not a .npy array: {first_line(error)}", path=path) from None
    _refuse_shape(values, "the array", path)
    classes = default_classes(values.shape[1])
    return SampleSet(
        name=name if name is not None else Path(path).stem,
        source=path,
        rows=ArrayRows(values, checked_kind, path, classes, temperature),
        classes=classes,
        normalised=checked_kind == "counts",
    )


def read_npz(
    path: str | os.PathLike[str], *, temperature: float = 1.0, name: str | None = None
) -> SampleSet:
    """The distributions of a .npz archive, with its labels and class names if it has
    them (see the module)."""
    path = os.fspath(path)
    try:
        with open_regular(path) as stream:
            archive = np.load(library_path(stream, path), allow_pickle=False)
            if not isinstance(archive, np.lib.npyio.NpzFile):
                raise FormatError("not a .npz archive (a single array?)", path=path)
            with archive:
                return _sample_set(archive, path, temperature, name)
    except OSError as error:
        raise read_error(error, path) from None
    except FormatError:
        raise
    except _LOAD_ERRORS as error:
        raise FormatError(f"cannot read the archive: {first_line(error)}", path=path) from None


def _sample_set(
    archive: np.lib.npyio.NpzFile, path: str, temperature: float, name: str | None
) -> SampleSet:
    if "topk_ids" in archive.files:
        return _top_k_set(archive, path, name)
    present = [member for member in NPZ_MEMBERS if member in archive.files]
    if len(present) != 1:
        said = "none" if not present else f"{len(present)}: {listing(present)}"
        raise FormatError(
            f"the archive must hold exactly one of {listing(list(NPZ_MEMBERS))}; it holds "
            f"{said} (its arrays: {listing(archive.files)})",
            path=path,
        )
    (member,) = present
    kind = NPZ_MEMBERS[member]
    temperature = kind_temperature(temperature, kind, path)
    values = _member(archive, member, path)
    _refuse_shape(values, f"{member!r}", path)
    samples, count = values.shape
    classes = default_classes(count)
    if "classes" in archive.files:
        classes = _class_names(_member(archive, "classes", path), count, path)
    labels = None
    if "labels" in archive.files:
        found = _member(archive, "labels", path)
        if found.shape != (samples,):
            raise FormatError(
                f"'labels' has shape {found.shape}, but {member!r} has {samples} rows: "
                "expected one label per sample",
                path=path,
            )
        labels = label_indices(found, classes, Where(path))
    ids = None
    if "ids" in archive.files:
        ids = sample_ids(_member(archive, "ids", path), "'ids'", Where(path))
        if ids.shape != (samples,):
            raise FormatError(
                f"'ids' has {ids.shape[0]} ids, but {member!r} has {samples} rows: expected "
                "one id per sample",
                path=path,
            )
    return SampleSet(
        name=name if name is not None else Path(path).stem,
        source=path,
        rows=ArrayRows(values, kind, path, classes, temperature),
        classes=classes,
        labels=labels,
        normalised=kind == "counts",
        ids=ids,
        classes_named="classes" in archive.files,
    )


def _top_k_set(archive: np.lib.npyio.NpzFile, path: str, name: str | None) -> SampleSet:
    """A reference kept as its top k classes and a tail mass (see top_k)."""
    if "topk_logprobs" not in archive.files:
        raise FormatError("'topk_ids' needs 'topk_logprobs' beside it", path=path)
    ids, log_probabilities = (_member(archive, m, path) for m in ("topk_ids", "topk_logprobs"))
    if ids.ndim != 2 or ids.shape != log_probabilities.shape or ids.dtype.kind not in "iu":
        raise FormatError(
            f"'topk_ids' ({ids.dtype}, shape {ids.shape}) and 'topk_logprobs' (shape "
            f"{log_probabilities.shape}) must be N×k, the ids integers",
            path=path,
        )
    if ids.shape[0] == 0 or ids.shape[1] == 0:
        raise FormatError(f"no samples or no classes: the top k have shape {ids.shape}", path=path)
    _refuse_shape(log_probabilities, "'topk_logprobs'", path, least_classes=1)
    tail = None
    if "tail_mass" in archive.files:
        tail = _member(archive, "tail_mass", path)
        if tail.shape != (ids.shape[0],) or tail.dtype.kind not in "fiu":
            raise FormatError(
                f"'tail_mass' ({tail.dtype}, shape {tail.shape}) must hold one number per sample",
                path=path,
            )
    if "classes" in archive.files:
        names = _member(archive, "classes", path)
        if names.ndim != 1:
            raise FormatError(f"'classes' has shape {names.shape}: one name per class", path=path)
        classes = _class_names(names, names.shape[0], path)
    elif "n_classes" in archive.files:
        count = _member(archive, "n_classes", path)
        if count.shape != () or count.dtype.kind not in "iu" or not ids.shape[1] < count < 2**31:
            raise FormatError(
                f"'n_classes' must be one integer above k = {ids.shape[1]}, not {count!r}",
                path=path,
            )
        classes = default_classes(int(count))
    else:
        raise FormatError(
            "a top-k reference must say how many classes there are: 'classes' or 'n_classes'",
            path=path,
        )
    return SampleSet(
        name=name if name is not None else Path(path).stem,
        source=path,
        rows=TopKRows(ids, log_probabilities, tail, len(classes), path),
        classes=classes,
        classes_named="classes" in archive.files,
    )


def _member(archive: np.lib.npyio.NpzFile, member: str, path: str) -> np.ndarray:
    """A member of the archive, inflated only once its size is known to fit in memory."""
    info = archive.zip.getinfo(f"{member}.npy")
    refuse_beyond_memory(info.file_size, f"{member!r}", path, decompressed=True)
    return archive[member]


def _refuse_shape(values: np.ndarray, what: str, path: str, least_classes: int = 2) -> None:
    if values.ndim != 2:
        raise FormatError(
            f"{what} is {values.ndim}-D (shape {values.shape}); expected samples × classes (N×K)",
            path=path,
        )
    if values.dtype.kind not in "fiu" or values.dtype.itemsize > 8:
        raise FormatError(
            f"{what} holds {values.dtype}; expected numbers of up to 64 bits", path=path
        )
    samples, count = values.shape
    if count < least_classes:
        raise FormatError(
            f"{what} has {count} class column(s); at least {least_classes} are needed", path=path
        )
    if samples == 0:
        raise FormatError(f"no samples: {what} has no rows", path=path)


def kind_temperature(temperature: float, kind: Kind, path: str) -> float:
    """The temperature, which only logits may take."""
    try:
        temperature = check_temperature(temperature)
    except ValueError as error:
        raise FormatError(str(error), path=path) from None
    if temperature != 1.0 and kind != "logits":
        raise FormatError(
            f"a temperature applies to logits; this file holds {kind.replace('_', '-')}",
            path=path,
        )
    return temperature


def _class_names(array: np.ndarray, count: int, path: str) -> tuple[str, ...]:
    if array.shape != (count,):
        raise FormatError(
            f"'classes' has shape {array.shape}, but there are {count} class columns", path=path
        )
    return class_names(array, path)
