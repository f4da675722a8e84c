"""KL Explorer's compute core: pure Python and numpy, never Qt.

Entropy, divergences and distances between class distributions, the comparison of models
with a reference, and the immutable :class:`Workspace` a user edits.
"""

from core.comparison import Comparison, compare, rank_values
from core.distributions import (
    NO_SMOOTHING,
    SUM_TOLERANCE,
    Counts,
    Smoothing,
    check_counts,
    check_probabilities,
    from_counts,
    normalize,
    smooth,
)
from core.errors import FormatError, InvalidDistributionError, WorkspaceError
from core.examples import example_workspace
from core.measures import (
    INFORMATION_MEASURES,
    MEASURES,
    bhattacharyya_distance,
    chi_square,
    cross_entropy,
    entropy,
    hellinger,
    js_distance,
    js_divergence,
    kl_divergence,
    kl_terms,
    total_variation,
    unit_name,
    wasserstein_ordinal,
)
from core.workspace import Distribution, Problem, Workspace

__all__ = [
    "INFORMATION_MEASURES",
    "MEASURES",
    "NO_SMOOTHING",
    "SUM_TOLERANCE",
    "Comparison",
    "Counts",
    "Distribution",
    "FormatError",
    "InvalidDistributionError",
    "Problem",
    "Smoothing",
    "Workspace",
    "WorkspaceError",
    "bhattacharyya_distance",
    "check_counts",
    "check_probabilities",
    "chi_square",
    "compare",
    "cross_entropy",
    "entropy",
    "example_workspace",
    "from_counts",
    "hellinger",
    "js_distance",
    "js_divergence",
    "kl_divergence",
    "kl_terms",
    "normalize",
    "rank_values",
    "smooth",
    "total_variation",
    "unit_name",
    "wasserstein_ordinal",
]
