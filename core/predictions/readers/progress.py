"""Progress and cancellation of a read: fractions that never go backwards, a poll between
batches.
"""

from __future__ import annotations

from core.predictions.model_predictions import (
    Cancelled,
    IsCancelled,
    Progress,
)

#: Of a text file's progress, the share of reading it (the rest: the search of tiny_numbers).
READ_SHARE = 0.95


class Tracker:
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
