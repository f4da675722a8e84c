"""Rows of per-sample distributions as the statistics read them: float64 P and log P, block
by block, checked as they are read.

A file holds each sample's distribution in one of these kinds (``KINDS``):

- ``probabilities``: p_ik ≥ 0, each row summing to 1 within PREDICTION_SUM_TOLERANCE (the
  rule of prediction files: nothing is renormalised);
- ``log_probabilities``: ln p_ik (−inf for p = 0), the same rule for exp of the row;
- ``logits``: any finite numbers (−inf for a class that cannot occur), turned into
  probabilities by a stable log-softmax, after dividing by a temperature if one is given;
- ``counts``: annotators' votes (any numbers ≥ 0, not all 0), divided by the row's total:
  normalised explicitly, and the result says it was done;
- ``kld``: llama.cpp's uint16 log-probabilities (see kld_files), decoded as they are;
- ``top_k``: a reference's top k classes and the mass of the rest (see top_k).

Every value kept is a float64 computed from the file's own numbers: a value > 0 in the file
is > 0 here. A bad row is a FormatError naming the file, the sample (numbered from 0) and the
class, the first bad row in the file first.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Literal, Protocol

import numpy as np

from core.errors import FormatError
from core.predictions.readers.row_checks import Where, check_rows, explain_row
from core.sample_distributions.log_softmax import log_softmax_into

Kind = Literal["probabilities", "log_probabilities", "logits", "counts", "kld", "top_k"]
#: The kinds of values an array file may hold (a .kld file holds its own).
ARRAY_KINDS: tuple[Kind, ...] = ("probabilities", "log_probabilities", "logits", "counts")


class DistributionRows(Protocol):
    """What the statistics read of a file: rows of distributions, block by block."""

    kind: Kind

    @property
    def samples(self) -> int: ...

    @property
    def class_count(self) -> int: ...

    @property
    def row_bytes(self) -> int:
        """Bytes of the file read for one row (blocks are sized by it)."""
        ...

    def check(self, start: int, stop: int) -> None:
        """Refuse a bad row among rows start..stop (FormatError), where the file's values
        tell; rows whose check needs them converted are checked by fill."""
        ...

    def fill(
        self, start: int, stop: int, probabilities: np.ndarray, log_probabilities: np.ndarray
    ) -> np.ndarray:
        """Fill the float64 buffers (stop − start rows) with rows start..stop; return the
        index of each row's largest value (the first, where several are equal). A bad row
        raises FormatError."""
        ...


class ArrayRows:
    """Rows of an (N, K) array of ``kind`` values (memory-mapped or in memory).

    ``lines`` gives the line of each row of a text file (messages name it, not the sample).
    ``order`` and ``columns``, if given, are the file's rows and columns in the order read
    (see reordered): a candidate matched to its reference's samples and classes by name."""

    def __init__(
        self,
        values: np.ndarray,
        kind: Kind,
        path: str,
        classes: Sequence[str],
        temperature: float = 1.0,
        *,
        lines: np.ndarray | None = None,
        order: np.ndarray | None = None,
        columns: np.ndarray | None = None,
    ) -> None:
        self.values = values
        self.kind = kind
        self.path = path
        self.classes = tuple(classes)
        self.temperature = temperature
        self.lines = lines
        self.order = order
        self.columns = columns

    def reordered(self, order: np.ndarray | None, columns: np.ndarray | None) -> ArrayRows:
        """These rows read as the file's rows ``order`` (None: as they are) and its columns
        ``columns`` (None: as they are), taken a block at a time: nothing is copied whole."""
        classes = self.classes if columns is None else [self.classes[c] for c in columns]
        if order is None:
            order = self.order
        elif self.order is not None:
            order = self.order[order]
        if columns is None:
            columns = self.columns
        elif self.columns is not None:
            columns = self.columns[columns]
        return ArrayRows(
            self.values,
            self.kind,
            self.path,
            classes,
            self.temperature,
            lines=self.lines,
            order=order,
            columns=columns,
        )

    @property
    def samples(self) -> int:
        return int(self.values.shape[0]) if self.order is None else len(self.order)

    @property
    def class_count(self) -> int:
        return int(self.values.shape[1]) if self.columns is None else len(self.columns)

    def _block(self, start: int, stop: int) -> np.ndarray:
        """Rows start..stop as read (reordered, if they are)."""
        raw = self.values[start:stop] if self.order is None else self.values[self.order[start:stop]]
        return raw if self.columns is None else raw[:, self.columns]

    @property
    def row_bytes(self) -> int:
        return self.class_count * self.values.itemsize

    @cached_property
    def _subjects(self) -> list[str]:
        return [f"class {name!r}" for name in self.classes]

    def check(self, start: int, stop: int) -> None:
        """Probabilities are checked as the file holds them (fast for float32: see
        check_rows), a block at a time; the other kinds by fill, once converted."""
        if self.kind == "probabilities":
            raw = self._block(start, stop)
            check_rows(raw, 0, stop - start, lambda row: self._explain(raw, row, start))

    def fill(
        self, start: int, stop: int, probabilities: np.ndarray, log_probabilities: np.ndarray
    ) -> np.ndarray:
        raw = self._block(start, stop)
        with np.errstate(divide="ignore", invalid="ignore"):  # bad rows are explained below
            if self.kind == "logits":
                row_max = log_softmax_into(raw, self.temperature, probabilities, log_probabilities)
                bad = ~np.isfinite(row_max)  # NaN or ±inf anywhere shows in the maximum
                if bad.any():
                    self._explain(raw, int(np.argmax(bad)), start)
                return raw.argmax(axis=1)
            if self.kind == "log_probabilities":
                np.copyto(log_probabilities, raw)
                np.exp(log_probabilities, out=probabilities)
            else:
                np.copyto(probabilities, raw)
                if self.kind == "counts":
                    probabilities /= probabilities.sum(axis=1)[:, None]
                np.log(probabilities, out=log_probabilities)
        if self.kind != "probabilities":  # checked by check, as the file holds them
            check_rows(probabilities, 0, stop - start, lambda row: self._explain(raw, row, start))
        return raw.argmax(axis=1)

    def _explain(self, raw: np.ndarray, row: int, start: int) -> None:
        """Raise the FormatError that says what is wrong with row ``row`` of the block read
        from ``start``, in the file's terms: its sample (or line) in the file."""
        values = np.asarray(raw[row], dtype=np.float64)
        row = start + row if self.order is None else int(self.order[start + row])
        where = Where(self.path, self.lines)
        if self.kind == "probabilities":
            explain_row(values, row, where, self._subjects, None, "")
            return
        noun = {"logits": "logit", "log_probabilities": "log-probability", "counts": "count"}
        bad = np.isnan(values) | (values == np.inf)
        if self.kind == "counts":
            bad |= (values < 0) | np.isinf(values)
        if bad.any():
            index = int(np.argmax(bad))
            raise where.error(
                row, f"the {noun[self.kind]} of {self._subjects[index]} is {values[index]:.6g}"
            )
        if self.kind == "counts" and not values.any():
            raise where.error(row, "no counts: every class has 0 votes")
        if self.kind == "logits" and not np.isfinite(values).any():
            raise where.error(row, "every logit is -inf")
        with np.errstate(over="ignore"):
            explain_row(np.exp(values), row, where, self._subjects, None, "")


def refuse_unknown_kind(kind: str, path: str) -> Kind:
    """``kind`` if an array may hold it; FormatError listing the kinds otherwise."""
    if kind not in ARRAY_KINDS:
        raise FormatError(
            f"unknown kind of values {kind!r}: expected one of {', '.join(ARRAY_KINDS)}",
            path=path,
        )
    return kind  # type: ignore[return-value]
