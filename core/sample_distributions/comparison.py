"""Comparing candidates with a reference sample by sample: the entry point.

``compare_samples(reference, candidates)`` matches each candidate to the reference's
samples and classes (matching), checks that the files cover the same samples and classes,
makes one pass over the reference and each candidate (divergence_pass), turns
the per-sample figures into llama.cpp's statistics and ours (statistics), ranks the
candidates by mean KLD and runs the paired bootstrap of mean KLD differences between every
two of them (core.predictions.evaluation.paired_bootstrap, the one prediction files use).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from core.comparison import rank_values
from core.errors import FormatError
from core.measures import log_scale, unit_name
from core.predictions.evaluation import DEFAULT_RESAMPLES, DEFAULT_SEED, paired_bootstrap
from core.predictions.model_predictions import (
    IsCancelled,
    Progress,
    never_cancelled,
    no_progress,
)
from core.sample_distributions import statistics
from core.sample_distributions.divergence_pass import WORKERS, SampleTerms, sample_terms
from core.sample_distributions.kld_files import refuse_other_evaluation
from core.sample_distributions.matching import match_candidate
from core.sample_distributions.results import (
    CandidateStatistics,
    DeltaPFigures,
    PerplexityFigures,
    SampleComparison,
)
from core.sample_distributions.sample_set import SampleSet
from core.sample_distributions.top_k import refuse_top_k_candidate

#: Share of the progress the passes take (the rest: the bootstrap).
_PASS_SHARE = 0.9


def compare_samples(
    reference: SampleSet,
    candidates: Sequence[SampleSet],
    *,
    base: float | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    workers: int = WORKERS,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> SampleComparison:
    """Every candidate against ``reference`` (see the module), the blocks of each pass
    shared by ``workers`` threads. FormatError where a file does not match the reference
    (names the file and the first difference); a bad row is a FormatError naming its file,
    sample and class."""
    if not candidates:
        raise ValueError("no candidates to compare with the reference")
    names = [candidate.name for candidate in candidates]
    duplicate = next((name for name in names if names.count(name) > 1), None)
    if duplicate is not None:
        raise ValueError(f"two candidates are named {duplicate!r}; rename a file")
    candidates = [match_candidate(reference, candidate) for candidate in candidates]
    for candidate in candidates:
        refuse_mismatch(reference, candidate)
    scale = log_scale(base)
    count = len(candidates)
    per_sample = []
    for index, candidate in enumerate(candidates):
        per_sample.append(
            sample_terms(
                reference,
                candidate,
                workers=workers,
                progress=lambda f, i=index: progress(_PASS_SHARE * (i + f) / count),
                is_cancelled=is_cancelled,
            )
        )
    found = [
        candidate_statistics(candidate, terms, scale)
        for candidate, terms in zip(candidates, per_sample, strict=True)
    ]
    ranks = rank_values(np.array([model.mean_kld for model in found]))
    ranked = [replace(model, rank=int(rank)) for model, rank in zip(found, ranks, strict=True)]
    order = sorted(range(count), key=lambda i: (ranks[i], i))
    pairwise = ()
    if count > 1:
        pairwise = paired_bootstrap(
            [per_sample[i].kl * scale for i in order],
            [names[i] for i in order],
            resamples=resamples,
            seed=seed,
            progress=lambda f: progress(_PASS_SHARE + (1 - _PASS_SHARE) * f),
            is_cancelled=is_cancelled,
        )
    progress(1.0)
    return SampleComparison(
        unit=unit_name(base),
        unit_scale=scale,
        reference=reference.name,
        reference_source=reference.source,
        reference_normalised=reference.normalised,
        samples=reference.samples,
        classes=reference.classes,
        llama_kld_rule=reference.kind == "kld",
        top_k_lower_bound=reference.kind == "top_k",
        models=tuple(ranked[i] for i in order),
        pairwise=pairwise,
    )


def refuse_mismatch(reference: SampleSet, candidate: SampleSet) -> None:
    """FormatError, naming the candidate's file, unless it covers the reference's samples
    and classes (matched by match_candidate: in the same order, or as many) and, for .kld
    files, the same evaluation, and its true classes, if it has them, are the reference's."""
    refuse_top_k_candidate(candidate.rows, candidate.source)
    refuse_other_evaluation(reference, candidate)
    if candidate.samples != reference.samples:
        raise FormatError(
            f"{candidate.samples:,} samples, but the reference {reference.source!r} has "
            f"{reference.samples:,}",
            path=candidate.source,
        )
    if len(candidate.classes) != len(reference.classes):
        raise FormatError(
            f"{len(candidate.classes):,} classes, but the reference has "
            f"{len(reference.classes):,} ({reference.source!r})",
            path=candidate.source,
        )
    if candidate.labels is not None and reference.labels is not None:
        differ = candidate.labels != reference.labels
        if differ.any():
            sample = int(np.argmax(differ))
            raise FormatError(
                f"sample {sample} (numbered from 0) has true class "
                f"{candidate.classes[candidate.labels[sample]]!r} here but "
                f"{reference.classes[reference.labels[sample]]!r} in the reference "
                f"{reference.source!r}",
                path=candidate.source,
            )


def candidate_statistics(
    candidate: SampleSet, terms: SampleTerms, scale: float = 1.0
) -> CandidateStatistics:
    """The statistics of one candidate's per-sample figures (rank 0: set by the caller)."""
    kl = terms.kl
    mean_kld, kld_error = statistics.mean_and_uncertainty(kl)
    samples = kl.size
    same_top, same_top_error = statistics.binomial(int(np.count_nonzero(terms.same_top)), samples)
    return CandidateStatistics(
        name=candidate.name,
        source=candidate.source,
        rank=0,
        samples=samples,
        mean_kld=mean_kld * scale,
        kld_standard_error=kld_error * scale,
        kld_percentiles={
            name: value * scale
            for name, value in statistics.percentiles(kl, statistics.KLD_PERCENTILES).items()
        },
        mean_reverse_kld=_mean(terms.reverse_kl) * scale,
        mean_js_divergence=_mean(terms.js) * scale,
        mean_cross_entropy=_mean(terms.cross_entropy) * scale,
        reference_mean_entropy=_mean(terms.entropy) * scale,
        same_top=same_top,
        same_top_standard_error=same_top_error,
        infinite_samples=np.flatnonzero(np.isposinf(kl)),
        class_kl=terms.class_kl * scale,
        tail_kl=terms.tail_kl * scale,
        normalised=candidate.normalised,
        terms=terms,
        delta_p=_delta_p(terms),
        perplexity=_perplexity(terms),
    )


def _mean(values: np.ndarray) -> float:
    return float(np.sum(values, dtype=np.float64)) / values.size + 0.0  # −0.0 → 0.0


def _delta_p(terms: SampleTerms) -> DeltaPFigures | None:
    if terms.reference_log_true is None or terms.candidate_log_true is None:
        return None
    delta_p = np.exp(terms.candidate_log_true) - np.exp(terms.reference_log_true)
    mean, error = statistics.mean_and_uncertainty(delta_p)
    rms, rms_error = statistics.root_mean_square(delta_p)
    return DeltaPFigures(
        mean_delta_p=mean,
        delta_p_standard_error=error,
        delta_p_percentiles=statistics.percentiles(delta_p, statistics.DELTA_P_PERCENTILES),
        rms_delta_p=rms,
        rms_delta_p_standard_error=rms_error,
    )


def _perplexity(terms: SampleTerms) -> PerplexityFigures | None:
    """llama.cpp's perplexity figures from −ln q(true) and −ln p(true) per sample."""
    if terms.reference_log_true is None or terms.candidate_log_true is None:
        return None
    nll, nll_base = -terms.candidate_log_true, -terms.reference_log_true
    log_ppl, log_ppl_error = statistics.mean_and_uncertainty(nll)
    log_base, log_base_error = statistics.mean_and_uncertainty(nll_base)
    covariance = statistics.covariance(nll, nll_base)
    ppl, base = _exp(log_ppl), _exp(log_base)
    ppl_error, base_error = ppl * log_ppl_error, base * log_base_error
    ratio_log = log_ppl - log_base
    ratio_log_error = _root(log_ppl_error**2 + log_base_error**2 - 2 * covariance)
    ratio = _exp(ratio_log)
    errors = log_ppl_error * log_base_error
    return PerplexityFigures(
        ppl=ppl,
        ppl_standard_error=ppl_error,
        reference_ppl=base,
        reference_ppl_standard_error=base_error,
        ln_ppl_correlation=covariance / errors if errors > 0 else math.nan,
        ln_ppl_ratio=ratio_log,
        ln_ppl_ratio_standard_error=ratio_log_error,
        ppl_ratio=ratio,
        ppl_ratio_standard_error=ratio * ratio_log_error,
        ppl_difference=ppl - base,
        ppl_difference_standard_error=_root(
            ppl_error**2 + base_error**2 - 2 * ppl * base * covariance
        ),
    )


def _exp(value: float) -> float:
    """exp, +inf beyond what a double holds (a perplexity above 1e308 is infinite here)."""
    with np.errstate(over="ignore"):
        return float(np.exp(value))


def _root(variance: float) -> float:
    """√ of a variance that rounding may have left a hair below 0 (llama.cpp gives NaN)."""
    return math.sqrt(max(variance, 0.0)) if not math.isnan(variance) else math.nan
