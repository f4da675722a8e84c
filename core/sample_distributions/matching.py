"""A candidate matched to its reference's samples and classes, by name where both files
name them, by position where either does not.

- Samples: where both files give sample ids (an ``id`` or ``sample_id`` column, an ``ids``
  array), the candidate's rows are read in the order of the reference's ids; both must hold
  the same ids, each once. Otherwise the N rows of each are the same samples, in order.
- Classes: where both files name their classes (a table's header, a .npz's ``classes``), the
  candidate's columns are read in the order of the reference's classes; both must hold the
  same classes. Otherwise the K columns of each are the same classes, in order.

Nothing is copied: the candidate's rows are read reordered, a block at a time
(ArrayRows.reordered). Whatever cannot be matched is a FormatError naming the candidate's
file and the first id or class that differs; core.sample_distributions.comparison then
checks what is left (counts, true classes, llama.cpp's evaluations).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.errors import FormatError
from core.predictions.readers.messages import listing
from core.predictions.readers.row_checks import Where
from core.sample_distributions.distribution_rows import ArrayRows
from core.sample_distributions.sample_set import SampleSet
from core.sample_distributions.top_k import refuse_top_k_candidate


def sample_ids(values: np.ndarray, what: str, where: Where) -> np.ndarray:
    """The ids of a file's samples as distinct, stripped strings (integers as their digits,
    so 7 in one file is "7" in another); FormatError at the first empty or repeated one."""
    if values.ndim != 1:
        raise FormatError(f"{what} has shape {values.shape}: one id per sample", path=where.path)
    if values.dtype.kind in "iu":
        texts = values.astype(str)
    elif values.dtype.kind == "U":
        texts = np.char.strip(values)
    elif values.dtype.kind == "S":
        texts = np.char.strip(np.char.decode(values, "utf-8"))
    else:
        raise FormatError(
            f"{what} holds {values.dtype}; expected text or integers", path=where.path
        )
    empty = texts == ""
    if empty.any():
        raise where.error(int(np.argmax(empty)), f"no sample id ({what})")
    distinct, firsts = np.unique(texts, return_index=True)
    if len(distinct) < len(texts):
        again = np.ones(len(texts), bool)
        again[firsts] = False
        row = int(np.argmax(again))  # the first id in the file given before
        first = int(firsts[np.searchsorted(distinct, texts[row])])
        raise where.error(
            row,
            f"sample id {str(texts[row])!r} ({what}) is given twice: here and at "
            f"{_at(where, first)}",
        )
    return texts


def _at(where: Where, row: int) -> str:
    return f"sample {row}" if where.lines is None else f"line {int(where.lines[row])}"


def match_candidate(reference: SampleSet, candidate: SampleSet) -> SampleSet:
    """The candidate, its rows and columns in the reference's order (see the module)."""
    refuse_top_k_candidate(candidate.rows, candidate.source)
    order = None
    if reference.ids is not None and candidate.ids is not None:
        order = _sample_order(reference, candidate)
    columns = None
    classes = reference.classes
    if reference.classes_named and candidate.classes_named:
        columns = _class_order(reference, candidate)
    elif len(candidate.classes) != len(reference.classes):
        classes = candidate.classes  # refused by the comparison, counting both
    if order is None and columns is None:
        return replace(candidate, classes=classes)
    if not isinstance(candidate.rows, ArrayRows):  # only arrays carry names
        raise FormatError("this file's rows cannot be reordered", path=candidate.source)
    labels = candidate.labels
    if labels is not None:
        labels = labels if order is None else labels[order]
        if columns is not None:
            place = np.empty(len(columns), np.int64)
            place[columns] = np.arange(len(columns))
            labels = place[labels]
    return replace(
        candidate,
        rows=candidate.rows.reordered(order, columns),
        classes=classes,
        labels=labels,
        ids=reference.ids if order is not None else candidate.ids,
    )


def _sample_order(reference: SampleSet, candidate: SampleSet) -> np.ndarray | None:
    """Where each of the reference's samples is among the candidate's rows (None: in the
    same order already); FormatError for an id one has and the other lacks."""
    ours, theirs = reference.ids, candidate.ids
    assert ours is not None and theirs is not None
    if ours.shape == theirs.shape and (ours == theirs).all():
        return None
    missing = np.setdiff1d(ours, theirs)
    if len(missing):
        raise FormatError(
            f"no sample with id {listing(missing.tolist())}, which the reference "
            f"{reference.source!r} has",
            path=candidate.source,
        )
    extra = np.setdiff1d(theirs, ours)
    if len(extra):
        raise FormatError(
            f"sample id {listing(extra.tolist())} is not among the reference's "
            f"({reference.source!r})",
            path=candidate.source,
        )
    by_ours, by_theirs = np.argsort(ours), np.argsort(theirs)
    order = np.empty(len(ours), np.int64)
    order[by_ours] = by_theirs
    return order


def _class_order(reference: SampleSet, candidate: SampleSet) -> np.ndarray | None:
    """Where each of the reference's classes is among the candidate's columns (None: in the
    same order already); FormatError for a class one has and the other lacks."""
    if candidate.classes == reference.classes:
        return None
    position = {name: index for index, name in enumerate(candidate.classes)}
    missing = [name for name in reference.classes if name not in position]
    if missing:
        raise FormatError(
            f"no column for class {listing(missing)}, which the reference {reference.source!r} has",
            path=candidate.source,
        )
    known = set(reference.classes)
    extra = [name for name in candidate.classes if name not in known]
    if extra:
        raise FormatError(
            f"class {listing(extra)} is not among the reference's ({reference.source!r})",
            path=candidate.source,
        )
    return np.array([position[name] for name in reference.classes], np.int64)
