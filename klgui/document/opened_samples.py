"""Per-sample distributions opened beside the workspace: a reference file, its candidates,
and how each candidate compares with it sample by sample (core.sample_distributions).

They are read-only results, not part of the workspace: opening them changes no table and
no undo history, and a view reads one sample's rows from the files when it is chosen."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.sample_distributions import SampleComparison, SampleSet
from core.sample_distributions.top_k import TopKRows


@dataclass(frozen=True, eq=False)
class OpenedSamples:
    reference: SampleSet
    candidates: tuple[SampleSet, ...]
    comparison: SampleComparison
    base: float | None  # the log base of the comparison's unit (None: nats)

    def candidate(self, name: str) -> SampleSet:
        return next(candidate for candidate in self.candidates if candidate.name == name)

    def sample(self, candidate: str, index: int) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
        """Sample ``index`` as the statistics compare it: the classes, the reference's P and
        the candidate's Q. A top-k reference gives its k classes and one tail bucket, and
        the candidate's other classes are summed into the tail, as its KL is computed."""
        q = sample_probabilities(self.candidate(candidate), index)
        rows = self.reference.rows
        if not isinstance(rows, TopKRows):
            return self.reference.classes, sample_probabilities(self.reference, index), q
        p, log_p = np.empty((1, rows.width)), np.empty((1, rows.width))
        rows.fill(index, index + 1, p, log_p)
        merged, merged_log = np.empty_like(p), np.empty_like(p)
        with np.errstate(divide="ignore"):
            log_q = np.log(q)[None]
        rows.merge(index, index + 1, q[None], log_q, merged, merged_log)
        names = [self.reference.classes[i] for i in rows.ids[index]]
        tail = QCoreApplication.translate("OpenedSamples", "tail (%s other classes)") % (
            f"{rows.class_count - len(names):,}"
        )
        return (*names, tail), p[0], merged[0]


def sample_probabilities(samples: SampleSet, index: int) -> np.ndarray:
    """Sample ``index``'s whole distribution (float64, K values) as the statistics read it:
    from probabilities, log-probabilities, logits, counts or a .kld record, checked
    (FormatError for a bad row). Not for a top-k reference (see OpenedSamples.sample)."""
    probabilities = np.empty((1, samples.class_count))
    log_probabilities = np.empty_like(probabilities)
    samples.rows.fill(index, index + 1, probabilities, log_probabilities)
    return probabilities[0]
