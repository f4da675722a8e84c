"""The report of per-sample distributions compared with a reference (``--report
--reference``): candidates ranked by mean KLD, llama.cpp's statistics blocks and ours, the
paired bootstrap, as text or JSON.

Imports no Qt. KL values (KLD, reverse KL, JS, cross-entropy, entropy, their percentiles,
the pairwise differences) are in the report's unit; Δp and same top are fractions in JSON
and percentages in the text, as llama.cpp prints them; perplexities are perplexities and
ln(PPL(Q)/PPL(base)) is in nats. A figure that does not exist (no labels, a line a log did
not print, an undefined correlation) is null in JSON and "—" in the text.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np

from core.errors import file_name
from core.predictions.evaluation import PairwiseResult
from core.reports.text_table import aligned_table, format_value, joined_lines, json_number
from core.sample_distributions.llama_logs import LoggedStatistics
from core.sample_distributions.ranking import RankedModel, RankedModels
from core.sample_distributions.results import CandidateStatistics, SampleComparison
from core.sample_distributions.statistics import DELTA_P_PERCENTILES, KLD_PERCENTILES

#: How many indices of samples with infinite KL the report lists.
LISTED_INFINITE_SAMPLES = 10
#: How many classes the report names among those carrying the most KL.
LISTED_CLASSES = 5


def _number(value: float) -> float | str | None:
    return None if math.isnan(value) else json_number(value)


def sample_report_dict(ranked: RankedModels) -> dict[str, Any]:
    """The JSON report (see the module and the README for every key)."""
    comparison = ranked.comparison
    return {
        "unit": comparison.unit,
        "reference": comparison.reference,
        "reference_source": comparison.reference_source,
        "samples": comparison.samples,
        "classes": len(comparison.classes),
        "llama_kld_rule": comparison.llama_kld_rule,
        "top_k_lower_bound": comparison.top_k_lower_bound,
        "reference_normalised": comparison.reference_normalised,
        "models": [
            _model_dict(model, rank, comparison)
            for model, rank in zip(ranked.models, ranked.ranks, strict=True)
        ],
        "pairwise": [_pair_dict(pair) for pair in comparison.pairwise],
    }


def _model_dict(model: RankedModel, rank: int, comparison: SampleComparison) -> dict[str, Any]:
    logged = isinstance(model, LoggedStatistics)
    entry: dict[str, Any] = {
        "name": model.name,
        "rank": rank,
        "source": model.source,
        "from_log": logged,
        "samples": None if logged else model.samples,
        "mean_kld": json_number(model.mean_kld),
        "kld_standard_error": _number(model.kld_standard_error),
        "kld_percentiles": {name: _number(model.kld_percentiles[name]) for name in KLD_PERCENTILES},
    }
    if logged:
        entry.update(
            mean_reverse_kld=None,
            mean_js_divergence=None,
            mean_cross_entropy=None,
            reference_mean_entropy=None,
            infinite_samples=None,
            first_infinite_samples=None,
            normalised=None,
            top_classes=None,
        )
    else:
        entry.update(
            mean_reverse_kld=json_number(model.mean_reverse_kld),
            mean_js_divergence=json_number(model.mean_js_divergence),
            mean_cross_entropy=json_number(model.mean_cross_entropy),
            reference_mean_entropy=json_number(model.reference_mean_entropy),
            infinite_samples=int(model.infinite_samples.size),
            first_infinite_samples=[
                int(i) for i in model.infinite_samples[:LISTED_INFINITE_SAMPLES]
            ],
            normalised=model.normalised,
            top_classes=[
                {"class": name, "kl": json_number(value)}
                for name, value in _top_classes(model, comparison)
            ],
        )
    entry["same_top"] = _number(model.same_top)
    entry["same_top_standard_error"] = _number(model.same_top_standard_error)
    delta_p = model.delta_p
    entry.update(
        mean_delta_p=_number(delta_p.mean_delta_p) if delta_p else None,
        delta_p_standard_error=_number(delta_p.delta_p_standard_error) if delta_p else None,
        delta_p_percentiles=(
            {name: _number(delta_p.delta_p_percentiles[name]) for name in DELTA_P_PERCENTILES}
            if delta_p
            else None
        ),
        rms_delta_p=_number(delta_p.rms_delta_p) if delta_p else None,
        rms_delta_p_standard_error=_number(delta_p.rms_delta_p_standard_error) if delta_p else None,
    )
    figures = model.perplexity
    entry["perplexity"] = (
        {name: _number(value) for name, value in vars(figures).items()} if figures else None
    )
    return entry


def _top_classes(
    model: CandidateStatistics, comparison: SampleComparison, count: int = LISTED_CLASSES
) -> list[tuple[str, float]]:
    """The classes whose KL terms, summed over all samples, are largest, with that sum (a
    class's terms may be negative: p < q there)."""
    order = np.argsort(-model.class_kl, kind="stable")[:count]
    return [(comparison.classes[i], float(model.class_kl[i])) for i in order]


def _pair_dict(pair: PairwiseResult) -> dict[str, Any]:
    return {
        "a": pair.a,
        "b": pair.b,
        "mean_difference": _number(pair.mean_difference),
        "ci_low": _number(pair.ci_low),
        "ci_high": _number(pair.ci_high),
        "confidence": pair.confidence,
        "a_better_fraction": pair.a_better_fraction,
        "resamples": pair.resamples,
        "seed": pair.seed,
    }


def sample_report_json(ranked: RankedModels) -> str:
    return json.dumps(sample_report_dict(ranked), indent=2, ensure_ascii=False)


def sample_report_text(ranked: RankedModels) -> str:
    """The ranking, then for every candidate llama.cpp's statistics blocks as it prints
    them (in the report's unit) and ours, then the paired bootstrap and what to know to
    read them."""
    comparison = ranked.comparison
    unit = comparison.unit
    lines = [
        f"KL Explorer report: per-sample distributions against {comparison.reference} "
        f"({file_name(comparison.reference_source)})",
        f"{comparison.samples:,} samples over {len(comparison.classes):,} classes; KL values "
        f"in {unit}; Δp and same top in percent.",
        *_reading_notes(ranked),
        "Ranked by mean KLD, KL(reference‖candidate) (lower is better).",
        "",
    ]
    rows = [["rank", "model", f"mean KLD ({unit})", "± SE", "same top", "∞ samples", "from"]]
    for model, rank in zip(ranked.models, ranked.ranks, strict=True):
        logged = isinstance(model, LoggedStatistics)
        rows.append(
            [
                str(rank),
                model.name,
                _fixed(model.mean_kld),
                _fixed(model.kld_standard_error),
                _percent(model.same_top),
                "—" if logged else str(model.infinite_samples.size),
                f"log {file_name(model.source)}" if logged else file_name(model.source),
            ]
        )
    lines.extend(aligned_table(rows))
    for model, rank in zip(ranked.models, ranked.ranks, strict=True):
        lines += ["", f"###### {rank}. {model.name} ({file_name(model.source)}) ######"]
        lines += _llama_blocks(model)
        if not isinstance(model, LoggedStatistics):
            lines += _our_block(model, comparison)
    lines += ["", *_pairwise_lines(ranked)]
    return joined_lines(lines)


def _reading_notes(ranked: RankedModels) -> list[str]:
    comparison = ranked.comparison
    notes = []
    if comparison.llama_kld_rule:
        notes.append(
            "The reference is a llama.cpp .kld file: as llama-perplexity does, KL leaves out "
            "the terms whose reference log-probability is ≤ −16, and nothing is renormalised."
        )
    if comparison.top_k_lower_bound:
        notes.append(
            "The reference keeps its top k classes and a tail mass: KL is over the k classes "
            "and one tail bucket, a lower bound of the full KL (merging classes can only "
            "lower KL)."
        )
    counted = [comparison.reference] if comparison.reference_normalised else []
    counted += [
        model.name
        for model in ranked.models
        if isinstance(model, CandidateStatistics) and model.normalised
    ]
    if counted:
        notes.append(
            f"Counts divided by each sample's total to give distributions: {', '.join(counted)}."
        )
    logged = [model.name for model in ranked.models if isinstance(model, LoggedStatistics)]
    if logged:
        notes.append(
            f"From llama-perplexity logs: {', '.join(logged)}: their figures as the log printed "
            "them (mean ± SE, percentiles); no per-sample values, so no paired bootstrap, and "
            "their reference cannot be checked to be this one."
        )
    return notes


def _llama_blocks(model: RankedModel) -> list[str]:
    """llama.cpp's three statistics blocks, spelled as llama-perplexity prints them."""
    lines = []
    figures = model.perplexity
    if figures is not None:
        lines += [
            "====== Perplexity statistics ======",
            f"Mean PPL(Q)                   : {_pm(figures.ppl, figures.ppl_standard_error)}",
            "Mean PPL(base)                : "
            + _pm(figures.reference_ppl, figures.reference_ppl_standard_error),
            f"Cor(ln(PPL(Q)), ln(PPL(base))): {_percent(figures.ln_ppl_correlation, 2)}",
            "Mean ln(PPL(Q)/PPL(base))     : "
            + _pm(figures.ln_ppl_ratio, figures.ln_ppl_ratio_standard_error),
            "Mean PPL(Q)/PPL(base)         : "
            + _pm(figures.ppl_ratio, figures.ppl_ratio_standard_error),
            "Mean PPL(Q)-PPL(base)         : "
            + _pm(figures.ppl_difference, figures.ppl_difference_standard_error),
            "",
        ]
    kld = model.kld_percentiles
    lines += [
        "====== KL divergence statistics ======",
        f"Mean    KLD: {_pm(model.mean_kld, model.kld_standard_error)}",
        *(f"{_ladder_label(name)} KLD: {_fixed(kld[name])}" for name in KLD_PERCENTILES),
    ]
    delta_p = model.delta_p
    if delta_p is not None or not math.isnan(model.same_top):
        lines += ["", "====== Token probability statistics ======"]
    if delta_p is not None:
        lines.append(
            f"Mean    Δp: {_percent_pm(delta_p.mean_delta_p, delta_p.delta_p_standard_error)}"
        )
        lines += [
            f"{_ladder_label(name)} Δp: {_percent(delta_p.delta_p_percentiles[name], 3, 6)}"
            for name in DELTA_P_PERCENTILES
        ]
        lines.append(
            f"RMS Δp    : {_percent_pm(delta_p.rms_delta_p, delta_p.rms_delta_p_standard_error)}"
        )
    if not math.isnan(model.same_top):
        lines.append(f"Same top p: {_percent_pm(model.same_top, model.same_top_standard_error)}")
    return lines


def _our_block(model: CandidateStatistics, comparison: SampleComparison) -> list[str]:
    """What llama.cpp does not print: the other divergences, CE = H + KL, infinite samples,
    the classes carrying the divergence."""
    lines = [
        "",
        "====== More divergences (KL Explorer) ======",
        f"Mean reverse KLD, KL(Q‖P)  : {_fixed(model.mean_reverse_kld)}",
        f"Mean JS divergence         : {_fixed(model.mean_js_divergence)}",
        f"Mean cross-entropy H(P,Q)  : {_fixed(model.mean_cross_entropy)} = H(P) "
        f"{_fixed(model.reference_mean_entropy).strip()} + KLD {_fixed(model.mean_kld).strip()}",
    ]
    infinite = model.infinite_samples
    if infinite.size:
        shown = ", ".join(str(i) for i in infinite[:LISTED_INFINITE_SAMPLES])
        more = " …" if infinite.size > LISTED_INFINITE_SAMPLES else ""
        lines.append(
            f"Infinite KLD samples       : {infinite.size:,} (the candidate gives 0 where the "
            f"reference does not; numbered from 0: {shown}{more})"
        )
    else:
        lines.append("Infinite KLD samples       : 0")
    top = _top_classes(model, comparison)
    if top:
        named = ", ".join(f"{name} {_fixed(value).strip()}" for name, value in top)
        lines.append(f"Classes carrying most KL   : {named} (terms summed over samples)")
    if model.tail_kl:
        lines.append(f"Tail buckets' KL terms     : {_fixed(model.tail_kl)} (summed)")
    return lines


def _pairwise_lines(ranked: RankedModels) -> list[str]:
    pairwise = ranked.comparison.pairwise
    if not pairwise:
        return ["One candidate file: no paired comparison is made."]
    first = pairwise[0]
    lines = [
        f"Paired bootstrap of mean KLD differences ({first.resamples} resamples, seed "
        f"{first.seed}, {first.confidence:.0%} interval):"
    ]
    for pair in pairwise:
        lines.append(
            f"  {pair.a} − {pair.b}: {format_value(pair.mean_difference, 6)} "
            f"[{format_value(pair.ci_low, 6)}, {format_value(pair.ci_high, 6)}]; "
            f"{pair.a} better in {pair.a_better_fraction:.1%} of resamples"
        )
    return lines


def _ladder_label(name: str) -> str:
    """llama.cpp's label of a percentile: "Maximum", "99.9%  ", " 5.0%  ", "Median ", ..."""
    words = {"max": "Maximum", "min": "Minimum", "median": "Median "}
    if name in words:
        return words[name]
    return f"{float(name):4.1f}%  "


def _fixed(value: float) -> str:
    """A figure as llama.cpp's ``%10.6lf`` writes it; "—" where there is none."""
    if math.isnan(value):
        return f"{'—':>10}"
    if math.isinf(value):
        return f"{'inf' if value > 0 else '-inf':>10}"
    return f"{value:10.6f}"


def _pm(value: float, error: float) -> str:
    return f"{_fixed(value)} ± {_fixed(error)}"


def _percent(value: float, digits: int = 3, width: int = 0) -> str:
    """A fraction as a percentage, as llama.cpp's ``%6.3lf%%`` writes it."""
    if math.isnan(value):
        return "—"
    return f"{100 * value:{width}.{digits}f}%"


def _percent_pm(value: float, error: float) -> str:
    """A fraction ± its uncertainty as llama.cpp's ``%6.3lf ± %5.3lf %%`` writes them."""
    if math.isnan(value):
        return "—"
    shown_error = "—" if math.isnan(error) else f"{100 * error:5.3f}"
    return f"{100 * value:6.3f} ± {shown_error} %"
