"""Per-sample distributions compared with a reference, sample by sample: a teacher and its
students, a full-precision language model and its quantisations (llama.cpp's ``.kld``
files), annotators' votes and a classifier.

A reference and each candidate give, for the same N samples over the same K classes, one
distribution per sample: P_i for the reference, Q_i for a candidate. Per sample (nats;
``divergence_terms``): KL(P‖Q), KL(Q‖P), JS, H(P) and H(P, Q) = H(P) + KL(P‖Q); where the
samples have true classes (a language model's next tokens), Δp = q(true) − p(true) and the
perplexities. Over all samples: llama.cpp's statistics with its definitions
(``statistics``), each class's sum of KL terms, the candidates ranked by mean KLD and the
paired bootstrap of their differences (``comparison``).

Modules, each with one job:

- ``sample_set``: a file's distributions (SampleSet), read block by block;
- ``distribution_rows``: the kinds of values (probabilities, log-probabilities, logits,
  counts) turned into float64 P and ln P, and every row checked;
- ``log_softmax``: the stable log-softmax, with a temperature;
- ``array_files``: ``.npy`` (memory-mapped) and ``.npz``; ``kld_files``: llama.cpp's
  ``.kld``, memory-mapped; ``kld_writer``: writing ``.kld`` files as llama.cpp does;
- ``top_k``: a reference kept as its top k classes and a tail mass (KL over k + 1 buckets,
  a lower bound of the full KL);
- ``divergence_terms``: one block's per-sample divergences; ``divergence_pass``: the blocked
  pass over a reference and a candidate (blocks that another engine can compute);
- ``statistics``: llama.cpp's mean ± uncertainty, percentiles, RMS, covariance;
- ``results``: the results, named as the JSON report's keys; ``comparison``: the entry point.

Not here yet: Parquet and CSV/TSV files with one column per class (read_sample_file is
where they go: a reader returning a SampleSet over an ArrayRows of the columns).
"""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import FormatError
from core.sample_distributions.array_files import read_npy, read_npz
from core.sample_distributions.comparison import compare_samples
from core.sample_distributions.kld_files import read_kld
from core.sample_distributions.results import CandidateStatistics, SampleComparison
from core.sample_distributions.sample_set import SampleSet

#: Every extension read_sample_file understands.
SAMPLE_SUFFIXES = (".npy", ".npz", ".kld")


def read_sample_file(
    path: str | os.PathLike[str],
    *,
    kind: str = "probabilities",
    temperature: float = 1.0,
    name: str | None = None,
) -> SampleSet:
    """The per-sample distributions in the file at ``path``, by its extension. ``kind``
    says what a ``.npy`` holds (a ``.npz`` and a ``.kld`` say it themselves);
    ``temperature`` divides logits. FormatError for anything that cannot be read."""
    suffix = Path(path).suffix.lower()
    if suffix == ".npy":
        return read_npy(path, kind, temperature=temperature, name=name)
    if suffix == ".npz":
        return read_npz(path, temperature=temperature, name=name)
    if suffix == ".kld":
        if temperature != 1.0:
            raise FormatError(
                "a .kld file holds log-probabilities: no temperature applies", path=os.fspath(path)
            )
        return read_kld(path, name=name)
    raise FormatError(
        f"not a file of per-sample distributions: expected one of {', '.join(SAMPLE_SUFFIXES)}",
        path=os.fspath(path),
    )


__all__ = [
    "SAMPLE_SUFFIXES",
    "CandidateStatistics",
    "SampleComparison",
    "SampleSet",
    "compare_samples",
    "read_sample_file",
]
