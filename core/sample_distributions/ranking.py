"""Candidates compared here ranked together with figures read from llama-perplexity logs
(llama_logs), by mean KLD in the comparison's unit (a log's KL figures, printed in nats,
are turned into it here). Only the compared candidates have
per-sample figures: the paired bootstrap is theirs alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from core.comparison import rank_values
from core.sample_distributions.llama_logs import LoggedStatistics
from core.sample_distributions.results import CandidateStatistics, SampleComparison

RankedModel = CandidateStatistics | LoggedStatistics


@dataclass(frozen=True, eq=False)
class RankedModels:
    """Every candidate in rank order (ties in the order they were given), with its rank
    among all of them: 1 is the lowest mean KLD."""

    comparison: SampleComparison
    models: tuple[RankedModel, ...]
    ranks: tuple[int, ...]


def rank_with_logs(
    comparison: SampleComparison, logged: Sequence[LoggedStatistics], order: Sequence[str]
) -> RankedModels:
    """``comparison``'s candidates and the ``logged`` figures ranked together. ``order``
    names every candidate in the order given (ties keep it). ValueError where two share a
    name."""
    scale = comparison.unit_scale
    models: list[RankedModel] = [*comparison.models, *(_in_unit(log, scale) for log in logged)]
    names = [model.name for model in models]
    duplicate = next((name for name in names if names.count(name) > 1), None)
    if duplicate is not None:
        raise ValueError(f"two candidates are named {duplicate!r}; rename a file")
    position = {name: index for index, name in enumerate(order)}
    models.sort(key=lambda model: position[model.name])
    means = np.array([model.mean_kld for model in models])
    ranks = rank_values(means)
    ranked = sorted(range(len(models)), key=lambda i: (ranks[i], i))
    return RankedModels(
        comparison=comparison,
        models=tuple(models[i] for i in ranked),
        ranks=tuple(int(ranks[i]) for i in ranked),
    )


def _in_unit(logged: LoggedStatistics, scale: float) -> LoggedStatistics:
    """A log's KL figures (nats) in the comparison's unit, as its candidates' are."""
    return replace(
        logged,
        mean_kld=logged.mean_kld * scale,
        kld_standard_error=logged.kld_standard_error * scale,
        kld_percentiles={name: value * scale for name, value in logged.kld_percentiles.items()},
    )
