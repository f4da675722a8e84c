"""Gathering the rows of a text file, batch by batch, into one C-contiguous (N, K) array per
model: each batch copied straight in and checked as it arrives.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from core.errors import FormatError
from core.predictions.model_predictions import (
    ModelPredictions,
)
from core.predictions.readers.allocation import allocate, refuse_beyond_memory, rows_that_fit
from core.predictions.readers.labels import LabelCoder, label_indices
from core.predictions.readers.layout import Layout
from core.predictions.readers.progress import READ_SHARE, Tracker
from core.predictions.readers.row_checks import (
    Where,
    check_rows,
    explain_model_row,
    scatter,
)

if TYPE_CHECKING:
    import polars


class Collector:
    """Rows of a text file arriving in batches → one C-contiguous (N, K) float64 array per
    model, each batch checked as it arrives. The arrays are allocated once for the expected
    row count (pages never written cost no memory) and grow only if that was short."""

    def __init__(
        self,
        layout: Layout,
        path: str,
        tracker: Tracker,
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
        self._labels = np.empty(0, np.int64)  # the position of each row's label (LabelCoder)
        self._coder = LabelCoder(layout.label + 1)
        self._diagnose = diagnose  # checks a line: an empty cell reads as NaN
        # The row count is estimated from the first megabyte: leave some room, within what
        # the memory holds (growing checks again); refuse at once what surely cannot fit.
        refuse_beyond_memory(
            self._expected * self._row_bytes,
            f"the probabilities of about {self._expected:,} rows (estimated from the size of "
            "the file)",
            path,
            decompressed=False,
        )
        room = rows_that_fit(self._row_bytes)
        self._allocate(max(16, min(self._expected + self._expected // 8, room)), self._expected)
        self.holds_zero = False  # some probability read as 0 (it may have underflowed)

    def _where(self) -> Where:
        return Where(self._path, self._lines[: self._count])

    @property
    def _row_bytes(self) -> int:
        """Bytes a row takes: its probabilities for every model, its line number and its
        label's position."""
        return len(self._layout.models) * len(self._layout.classes) * 8 + 16

    def _allocate(self, capacity: int, rows: int) -> None:
        """Arrays for ``capacity`` rows (one per model, the line numbers and the labels'
        positions), holding the rows read so far; ``rows`` are needed."""
        classes = len(self._layout.classes)
        shapes = [((capacity, classes), np.float64) for _ in self._layout.models]
        *outs, lines, labels = allocate(
            [*shapes, ((capacity,), np.int64), ((capacity,), np.int64)],
            f"the probabilities of {rows:,} rows",
            self._path,
        )
        if self._count:
            for out, held in zip(outs, self._outs, strict=True):
                out[: self._count] = held[: self._count]
            lines[: self._count] = self._lines[: self._count]
            labels[: self._count] = self._labels[: self._count]
        self._outs, self._lines, self._labels = outs, lines, labels

    def _grow(self, rows: int) -> None:
        """Room for ``rows`` rows at least: half as many again as now where the memory holds
        them (the rows read so far are held twice meanwhile)."""
        room = rows_that_fit(self._row_bytes)
        self._allocate(max(rows, min(len(self._lines) * 3 // 2, room)), rows)

    def add(
        self, labels: np.ndarray | polars.Series, values: np.ndarray, lines: np.ndarray
    ) -> None:
        """``values`` holds the probability columns in the order of
        ``layout.probability_columns``, in any memory order."""
        start, stop = self._count, self._count + len(values)
        if stop > len(self._lines):
            self._grow(stop)
        scatter(self._outs, values, start, 0)
        self._lines[start:stop] = lines
        self._count = stop
        where = self._where()
        for model, out in enumerate(self._outs):
            explain = functools.partial(self._explain, model, where)
            self.holds_zero |= check_rows(out, start, stop, explain)
        self._coder.add(labels, self._labels[start:stop], replace(where, first=start))
        self._tracker.step(READ_SHARE * stop / self._expected)

    def _explain(self, model: int, where: Where, row: int) -> None:
        values = self._outs[model][row]
        if not np.isfinite(values).all():
            # an empty cell, a short line, a number too large: say so, not "NaN" or "infinite"
            self._diagnose(self.line_of(row))
        explain_model_row(self._layout, model, values, row, where, self._layout.columns[model])

    def line_of(self, row: int) -> int:
        return int(self._lines[row])

    def finish(self) -> list[ModelPredictions]:
        if not self._count:
            raise FormatError("no samples: the file holds no rows of predictions", path=self._path)
        self._tracker.poll()
        labels = label_indices(
            self._coder.labels(self._labels[: self._count]),
            self._layout.classes,
            self._where(),
            self._layout.label + 1,
        )
        return [
            ModelPredictions(name, self._layout.classes, labels, out[: self._count], self._path)
            for name, out in zip(self._layout.models, self._outs, strict=True)
        ]
