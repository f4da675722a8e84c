"""One file of per-sample distributions: a reference or a candidate, over N samples and K
classes, with the true class (or next token) of each sample where the file gives it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.sample_distributions.distribution_rows import DistributionRows, Kind


@dataclass(frozen=True, eq=False)
class SampleSet:
    """A file's distributions, read block by block through ``rows``.

    ``labels[i]`` is the index in ``classes`` of sample i's true class (a language model's
    next token), or None where the file gives none. ``normalised`` says the file held counts
    that were divided by each row's total (so a report can say so). ``tokens`` is, for a
    llama.cpp ``.kld`` file, every token of its evaluation (checked equal between a
    reference and its candidates), else None. ``ids`` are the samples' ids (distinct
    strings) where the file names its samples, and ``classes_named`` says whether the file
    names its classes (a .npy does not: its classes are "0" … "K-1"); a candidate is matched
    to its reference by them (see matching).
    """

    name: str
    source: str
    rows: DistributionRows
    classes: tuple[str, ...]
    labels: np.ndarray | None = None
    normalised: bool = False
    tokens: np.ndarray | None = None
    ids: np.ndarray | None = None
    classes_named: bool = False

    def __post_init__(self) -> None:
        if len(self.classes) != self.rows.class_count:
            raise ValueError(f"{self.rows.class_count} columns for {len(self.classes)} classes")
        if self.labels is not None and self.labels.shape != (self.rows.samples,):
            raise ValueError(f"{self.rows.samples} rows but labels of shape {self.labels.shape}")
        if self.ids is not None and self.ids.shape != (self.rows.samples,):
            raise ValueError(f"{self.rows.samples} rows but ids of shape {self.ids.shape}")

    @property
    def kind(self) -> Kind:
        return self.rows.kind

    @property
    def samples(self) -> int:
        return self.rows.samples

    @property
    def class_count(self) -> int:
        return self.rows.class_count
