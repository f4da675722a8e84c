"""The rows of probabilities are checked as float64 sums say, whatever shortcut the check
takes (blocks summed in float32 first, a block's smallest value at once)."""

from __future__ import annotations

import numpy as np
import pytest

from core.predictions import PREDICTION_SUM_TOLERANCE
from core.predictions.readers.row_checks import check_rows


def refused_rows(probabilities: np.ndarray) -> list[int]:
    refused: list[int] = []
    check_rows(probabilities, 0, len(probabilities), refused.append)
    return refused


def float64_verdict(probabilities: np.ndarray) -> list[int]:
    """The rows the float64 rule refuses: a value < 0, or a sum off 1 by more than the
    tolerance."""
    sums = probabilities @ np.ones(probabilities.shape[1])
    bad = (probabilities.min(axis=1) < 0) | (np.abs(sums - 1) > PREDICTION_SUM_TOLERANCE)
    return np.flatnonzero(bad).tolist()


@pytest.mark.parametrize("classes", [2, 10, 1000, 5000])
def test_float32_rows_at_the_edge_of_the_tolerance_are_judged_as_in_float64(classes):
    rng = np.random.default_rng(classes)
    rows = 4000
    values = rng.random((rows, classes))
    # Sums spread over 1 ± 1.5 × the tolerance, many within a few float32 steps of its edge.
    edge = PREDICTION_SUM_TOLERANCE * rng.choice([-1, 1], rows)
    targets = 1 + edge + rng.normal(0, 1e-6, rows)
    targets[: rows // 4] = 1 + rng.uniform(-1.5, 1.5, rows // 4) * PREDICTION_SUM_TOLERANCE
    probabilities = (values / values.sum(axis=1, keepdims=True) * targets[:, None]).astype(
        np.float32
    )
    expected = float64_verdict(probabilities)
    assert 0 < len(expected) < rows  # some refused, some not
    assert refused_rows(probabilities) == expected


@pytest.mark.parametrize("classes", [2, 10, 1000])
def test_a_row_over_the_tolerance_by_less_than_float32_tells_is_refused(classes):
    """A float32 row whose float32 sum is within the tolerance and whose float64 sum is not,
    among good rows: a block that float32 sums would all pass."""
    rng = np.random.default_rng(classes)
    values = rng.random((2_000_000 // classes, classes))
    edges = PREDICTION_SUM_TOLERANCE * rng.choice([-1, 1], len(values))
    targets = 1 + edges + rng.normal(0, 1e-7, len(values))
    candidates = (values / values.sum(axis=1, keepdims=True) * targets[:, None]).astype(np.float32)
    float32_sums = (candidates @ np.ones(classes, np.float32)).astype(np.float64)
    float64_sums = candidates @ np.ones(classes)
    tolerance = PREDICTION_SUM_TOLERANCE
    passed = np.abs(float32_sums - 1) <= tolerance
    row = np.flatnonzero(passed & (np.abs(float64_sums - 1) > tolerance))[0]
    probabilities = np.full((1000, classes), 1 / classes, np.float32)
    probabilities[500] = candidates[row]
    assert refused_rows(probabilities) == float64_verdict(probabilities) == [500]


def test_a_block_of_good_float32_rows_with_one_bad_value_names_that_row():
    probabilities = np.full((50_000, 10), 0.1, np.float32)
    probabilities[31_337, 3:5] = [-0.0, 0.2]  # −0.0 is a zero, ≥ 0
    assert refused_rows(probabilities) == []
    probabilities[40_000, 7] = np.nan
    assert refused_rows(probabilities) == [40_000]
