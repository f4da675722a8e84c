"""The results of comparing candidates with a reference, sample by sample: what the report
writes and the window shows. Field names are the JSON report's keys.

Information values (KL, reverse KL, JS, cross-entropy, entropy, their percentiles and the
per-class sums) are in the comparison's ``unit`` (nats unless a log base was chosen); Δp and
``same_top`` are fractions; perplexities are perplexities and ``ln_ppl_ratio`` is in nats,
as llama.cpp prints them. Each ``*_standard_error`` is llama.cpp's uncertainty of the
figure before it (see statistics).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.predictions.evaluation import PairwiseResult
from core.sample_distributions.divergence_pass import SampleTerms


@dataclass(frozen=True, eq=False)
class PerplexityFigures:
    """llama.cpp's "Perplexity statistics": Q is the candidate, base the reference, each
    scored on the samples' true classes (tokens)."""

    ppl: float
    ppl_standard_error: float
    reference_ppl: float
    reference_ppl_standard_error: float
    ln_ppl_correlation: float  # Cor(ln PPL(Q), ln PPL(base)), a fraction
    ln_ppl_ratio: float  # mean ln(PPL(Q)/PPL(base)), nats
    ln_ppl_ratio_standard_error: float
    ppl_ratio: float
    ppl_ratio_standard_error: float
    ppl_difference: float
    ppl_difference_standard_error: float


@dataclass(frozen=True, eq=False)
class DeltaPFigures:
    """Δp = q(true) − p(true) per sample: llama.cpp's "Token probability statistics"."""

    mean_delta_p: float
    delta_p_standard_error: float
    delta_p_percentiles: dict[str, float]
    rms_delta_p: float
    rms_delta_p_standard_error: float


@dataclass(frozen=True, eq=False)
class CandidateStatistics:
    """One candidate against the reference (see the module for units)."""

    name: str
    source: str
    rank: int  # 1 is the lowest mean KLD; ties share a rank
    samples: int
    mean_kld: float
    kld_standard_error: float
    kld_percentiles: dict[str, float]  # max, 99.9, 99, 95, 90, median, 10, 5, 1, 0.1, min
    mean_reverse_kld: float
    mean_js_divergence: float
    mean_cross_entropy: float
    reference_mean_entropy: float
    same_top: float
    same_top_standard_error: float
    infinite_samples: np.ndarray  # indices of the samples whose KL is +inf
    class_kl: np.ndarray  # (K,) each class's KL terms summed over all samples
    tail_kl: float  # a top-k reference's tail buckets' terms (0 for any other reference)
    normalised: bool  # the candidate held counts, divided by each sample's total
    terms: SampleTerms  # the per-sample figures, in nats
    delta_p: DeltaPFigures | None  # where the samples have true classes
    perplexity: PerplexityFigures | None


@dataclass(frozen=True, eq=False)
class SampleComparison:
    """Every candidate against one reference over the same samples and classes."""

    unit: str
    unit_scale: float  # nats → unit
    reference: str  # the reference's name
    reference_source: str
    reference_normalised: bool  # the reference held counts, divided by each sample's total
    samples: int
    classes: tuple[str, ...]
    llama_kld_rule: bool  # a .kld reference: terms with ln p ≤ −16 are left out of KL
    top_k_lower_bound: bool  # a top-k reference: KL of k classes + a tail, a lower bound
    models: tuple[CandidateStatistics, ...]  # in rank order (ties in input order)
    #: Paired bootstrap of mean KLD differences, in rank order, already in ``unit``.
    pairwise: tuple[PairwiseResult, ...]
