"""One model's predictions on a labelled set of samples."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

#: Names of the true-label column, tried in this order (case-insensitive).
LABEL_COLUMNS = ("label", "y_true", "target")
#: Columns of a table that are neither label nor probabilities (compared case-insensitively).
IGNORED_COLUMNS = ("id", "index", "sample", "sample_id")

#: How far from 1 a row of predicted probabilities may sum. Looser than for a typed
#: distribution: softmax outputs stored as float32 or printed with 6 decimals over 1000
#: classes drift by up to ~1e-4.
PREDICTION_SUM_TOLERANCE = 1e-3

#: Called with the fraction of the work done, from 0 to 1.
Progress = Callable[[float], None]
#: Polled between chunks of work; True stops it with :class:`Cancelled`.
IsCancelled = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled a long read or computation; nothing was changed."""


def no_progress(_fraction: float) -> None:
    return None


def never_cancelled() -> bool:
    return False


@dataclass(frozen=True, eq=False)
class ModelPredictions:
    """A model's predicted probabilities for N labelled samples over K classes.

    ``labels[i]`` is the index in ``classes`` of sample i's true class; ``probabilities[i]``
    is the model's predicted distribution for sample i (float32 or float64, read-only).
    ``source`` is the file the model was read from, ``labels_source`` the file its labels
    came from (``source`` unless they were given apart, as for a ``.npy``).
    """

    name: str
    classes: tuple[str, ...]
    labels: np.ndarray
    probabilities: np.ndarray
    source: str = ""
    labels_source: str = ""

    def __post_init__(self) -> None:
        if not self.labels_source:
            object.__setattr__(self, "labels_source", self.source)
        samples, class_count = self.probabilities.shape
        if self.labels.shape != (samples,):
            raise ValueError(f"{samples} rows of probabilities but {self.labels.shape[0]} labels")
        if class_count != len(self.classes):
            raise ValueError(f"{class_count} probability columns for {len(self.classes)} classes")
        for array in (self.labels, self.probabilities):
            array.flags.writeable = False

    @property
    def samples(self) -> int:
        return self.probabilities.shape[0]
