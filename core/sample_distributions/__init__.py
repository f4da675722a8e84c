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

- ``table_files``: CSV/TSV and Parquet, one column per class (optionally an id and a label
  column), read by the machinery of prediction files;
- ``matching``: a candidate matched to its reference's samples (by id) and classes (by name)
  where both files name them, by position otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import FormatError
from core.sample_distributions.array_files import read_npy, read_npz
from core.sample_distributions.comparison import compare_samples
from core.sample_distributions.kld_files import read_kld
from core.sample_distributions.matching import match_candidate
from core.sample_distributions.results import CandidateStatistics, SampleComparison
from core.sample_distributions.sample_set import SampleSet
from core.sample_distributions.table_files import (
    PARQUET_TABLE_SUFFIXES,
    TEXT_TABLE_SUFFIXES,
    read_parquet_table,
    read_text_table,
)

#: The extensions of files that do not say what kind of values they hold (read_sample_file's
#: ``kind`` does; --values on the command line).
KIND_GIVEN_SUFFIXES = (".npy", *TEXT_TABLE_SUFFIXES, *PARQUET_TABLE_SUFFIXES)
#: Every extension read_sample_file understands.
SAMPLE_SUFFIXES = (*KIND_GIVEN_SUFFIXES, ".npz", ".kld")


def read_sample_file(
    path: str | os.PathLike[str],
    *,
    kind: str = "probabilities",
    temperature: float = 1.0,
    name: str | None = None,
) -> SampleSet:
    """The per-sample distributions in the file at ``path``, by its extension. ``kind``
    says what a ``.npy``, CSV/TSV or Parquet file holds (a ``.npz`` and a ``.kld`` say it
    themselves);
    ``temperature`` divides logits. FormatError for anything that cannot be read."""
    suffix = Path(path).suffix.lower()
    if suffix == ".npy":
        return read_npy(path, kind, temperature=temperature, name=name)
    if suffix == ".npz":
        return read_npz(path, temperature=temperature, name=name)
    if suffix in TEXT_TABLE_SUFFIXES:
        return read_text_table(path, kind, temperature=temperature, name=name)
    if suffix in PARQUET_TABLE_SUFFIXES:
        return read_parquet_table(path, kind, temperature=temperature, name=name)
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
    "KIND_GIVEN_SUFFIXES",
    "SAMPLE_SUFFIXES",
    "CandidateStatistics",
    "SampleComparison",
    "SampleSet",
    "compare_samples",
    "match_candidate",
    "read_sample_file",
]
