"""A reference kept as its top k classes per sample plus the mass of the rest (how
distillation caches are stored): ``topk_ids`` (N×k class indices), ``topk_logprobs`` (N×k
ln p of those classes) and ``tail_mass`` (N: the probability of every other class together;
1 − Σ exp(topk_logprobs) if absent).

Against such a reference a candidate's full distribution is merged the same way: q at the k
classes, and one tail bucket holding the sum of its other classes (summed directly, not as
1 − Σ top k, which would cancel away a small tail). The divergences are those of these k + 1
buckets: merging classes can only lower KL (and reverse KL, JS), so each sample's KL here is
a LOWER BOUND of its full KL, equal to it when both put the same share on every tail class.
Each class's KL terms are summed as usual; the tail bucket's, which belong to no one class,
apart (``tail_kl``). True labels are not used with such a reference: the reference's
probability of a true class in its tail is unknown.
"""

from __future__ import annotations

import numpy as np

from core.errors import FormatError
from core.predictions.model_predictions import PREDICTION_SUM_TOLERANCE
from core.predictions.readers.row_checks import Where
from core.sample_distributions.distribution_rows import Kind


class TopKRows:
    """The reference's k + 1 buckets, block by block (see the module)."""

    kind: Kind = "top_k"

    def __init__(
        self,
        ids: np.ndarray,
        log_probabilities: np.ndarray,
        tail_mass: np.ndarray | None,
        class_count: int,
        path: str,
    ) -> None:
        self.ids = ids
        self.log_probabilities = log_probabilities
        self.tail_mass = tail_mass
        self._class_count = class_count
        self.path = path

    @property
    def samples(self) -> int:
        return int(self.ids.shape[0])

    @property
    def class_count(self) -> int:
        return self._class_count

    @property
    def width(self) -> int:
        """Buckets per sample: the k classes and the tail."""
        return int(self.ids.shape[1]) + 1

    @property
    def row_bytes(self) -> int:
        return self.ids.shape[1] * (self.ids.itemsize + self.log_probabilities.itemsize) + 8

    def check(self, start: int, stop: int) -> None:
        """Refuse ids outside the classes or twice in a row (FormatError); the values are
        checked by fill."""
        ids = self.ids[start:stop]
        where = Where(self.path, first=start)
        outside = (ids < 0) | (ids >= self._class_count)
        if outside.any():
            row, column = (int(i) for i in np.argwhere(outside)[0])
            raise where.error(
                row, f"top-k id {ids[row, column]} is not a class (there are {self._class_count})"
            )
        ordered = np.sort(ids, axis=1)
        twice = (ordered[:, 1:] == ordered[:, :-1]).any(axis=1)
        if twice.any():
            row = int(np.argmax(twice))
            raise where.error(row, "a class is listed twice among the top k")

    def fill(
        self, start: int, stop: int, probabilities: np.ndarray, log_probabilities: np.ndarray
    ) -> np.ndarray:
        """Fill the (rows, k + 1) buffers: the k classes' values then the tail; return the
        class with the largest probability (the first listed, of equal ones)."""
        top = self.log_probabilities[start:stop]
        k = top.shape[1]
        np.copyto(log_probabilities[:, :k], top)
        with np.errstate(over="ignore"):
            np.exp(log_probabilities[:, :k], out=probabilities[:, :k])
        tail = probabilities[:, k]
        if self.tail_mass is None:
            tail[...] = 1.0 - probabilities[:, :k].sum(axis=1)
            np.maximum(tail, 0.0, out=tail)  # rounding of a full top k
        else:
            tail[...] = self.tail_mass[start:stop]
        with np.errstate(divide="ignore"):
            np.log(tail, out=log_probabilities[:, k])
        self._refuse_bad_rows(top, probabilities, Where(self.path, first=start))
        rows = np.arange(stop - start)
        return self.ids[start:stop][rows, top.argmax(axis=1)]

    def _refuse_bad_rows(self, top: np.ndarray, buckets: np.ndarray, where: Where) -> None:
        bad_value = np.isnan(top) | (top == np.inf)
        if bad_value.any():
            row, column = (int(i) for i in np.argwhere(bad_value)[0])
            raise where.error(row, f"top-k log-probability {column} is {top[row, column]}")
        tail = buckets[:, -1]
        if not (np.isfinite(tail) & (tail >= 0)).all():
            row = int(np.argmax(~(np.isfinite(tail) & (tail >= 0))))
            raise where.error(row, f"the tail mass is {tail[row]:.6g}")
        sums = buckets.sum(axis=1)
        off = np.abs(sums - 1) > PREDICTION_SUM_TOLERANCE
        if off.any():
            row = int(np.argmax(off))
            raise where.error(
                row,
                f"the top k and the tail sum to {sums[row]:.6g}, not 1 (allowed: ±"
                f"{PREDICTION_SUM_TOLERANCE:g}); distributions are never renormalised",
            )

    def merge(
        self,
        start: int,
        stop: int,
        probabilities: np.ndarray,
        log_probabilities: np.ndarray,
        merged: np.ndarray,
        merged_log: np.ndarray,
    ) -> None:
        """A candidate's full rows start..stop merged into the reference's buckets: its
        values at the k classes, and its other classes summed into the tail."""
        ids = self.ids[start:stop]
        k = ids.shape[1]
        merged[:, :k] = np.take_along_axis(probabilities, ids, axis=1)
        merged_log[:, :k] = np.take_along_axis(log_probabilities, ids, axis=1)
        others = probabilities.copy()
        np.put_along_axis(others, ids, 0.0, axis=1)
        merged[:, k] = others.sum(axis=1)
        with np.errstate(divide="ignore"):
            np.log(merged[:, k], out=merged_log[:, k])

    def class_sums(self, start: int, stop: int, terms: np.ndarray) -> tuple[np.ndarray, float]:
        """Each class's KL terms of rows start..stop, and the tail buckets' together."""
        k = self.width - 1
        ids = self.ids[start:stop]
        sums = np.bincount(ids.ravel(), weights=terms[:, :k].ravel(), minlength=self._class_count)
        return sums, float(terms[:, k].sum())


def refuse_top_k_candidate(candidate_rows: object, path: str) -> None:
    """A candidate must give whole distributions: KL against top k needs its tail."""
    if isinstance(candidate_rows, TopKRows):
        raise FormatError(
            "a candidate must give whole distributions, not its top k classes", path=path
        )
