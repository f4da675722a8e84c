"""Per-sample distributions opened beside the workspace: a reference file, its candidates,
and how each candidate compares with it sample by sample (core.sample_distributions).

They are read-only results, not part of the workspace: opening them changes no table and
no undo history, and a view reads one sample's rows from the files when it is chosen."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.sample_distributions import SampleComparison, SampleSet


@dataclass(frozen=True, eq=False)
class OpenedSamples:
    reference: SampleSet
    candidates: tuple[SampleSet, ...]
    comparison: SampleComparison
    base: float | None  # the log base of the comparison's unit (None: nats)

    def candidate(self, name: str) -> SampleSet:
        return next(candidate for candidate in self.candidates if candidate.name == name)


def sample_probabilities(samples: SampleSet, index: int) -> np.ndarray:
    """Sample ``index``'s distribution (float64, K values) as the statistics read it: from
    probabilities, log-probabilities, logits or counts, checked (FormatError for a bad row)."""
    probabilities = np.empty((1, samples.class_count))
    log_probabilities = np.empty_like(probabilities)
    samples.rows.fill(index, index + 1, probabilities, log_probabilities)
    return probabilities[0]
