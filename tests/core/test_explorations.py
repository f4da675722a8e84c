"""Interpolation toward P and temperature scaling: values, convexity, the best temperature."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import core
from core.explorations import (
    best_temperature,
    interpolated,
    interpolation_curve,
    temperature_curve,
    temperature_scaled,
)
from tests.conftest import REPOSITORY

P = np.array([0.6, 0.3, 0.1])
Q = np.array([0.5, 0.35, 0.15])
SETTINGS = settings(max_examples=80, deadline=None)


def brute_kl(p, q) -> float:
    """Σ p·ln(p/q) one class at a time, in plain Python."""
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        if pi == 0:
            continue
        if qi == 0:
            return math.inf
        total += pi * math.log(pi / qi)
    return total


def brute_tempered(q, temperature) -> list[float]:
    powered = [qi ** (1.0 / temperature) if qi > 0 else 0.0 for qi in q]
    total = sum(powered)
    return [value / total for value in powered]


@st.composite
def distributions(draw, size: int, zeros: bool = False):
    low = 0.0 if zeros else 0.01
    raw = np.array(draw(st.lists(st.floats(low, 1.0), min_size=size, max_size=size)))
    if raw.sum() <= 0:
        raw[0] = 1.0
    return raw / raw.sum()


@st.composite
def pairs(draw):
    size = draw(st.integers(2, 6))
    return draw(distributions(size)), draw(distributions(size))


# -- interpolation ------------------------------------------------------------------------------


def test_interpolation_ends_are_q_and_p_exactly():
    assert interpolated(P, Q, 0.0).tolist() == Q.tolist()
    assert interpolated(P, Q, 1.0).tolist() == P.tolist()
    assert interpolated(P, Q, 0.25) == pytest.approx(0.75 * Q + 0.25 * P)
    rows = interpolated(P, Q, [0.0, 0.5, 1.0])
    assert rows.shape == (3, 3)
    assert rows[1] == pytest.approx((P + Q) / 2)


@pytest.mark.parametrize("lam", [0.0, 0.1, 0.37, 0.5, 0.9, 0.999])
def test_interpolation_curve_matches_brute_force(lam):
    mixture = [(1 - lam) * qi + lam * pi for pi, qi in zip(P, Q, strict=True)]
    assert interpolation_curve(P, Q, [lam])[0] == pytest.approx(brute_kl(P, mixture), rel=1e-12)


def test_interpolation_curve_is_zero_at_one_and_keeps_the_shape():
    assert interpolation_curve(P, Q, 1.0) == 0.0
    assert interpolation_curve(P, Q, 1.0).shape == ()
    assert interpolation_curve(P, Q, [[0.0, 1.0]][0]).shape == (2,)
    assert interpolation_curve(P, Q, 0.0) == pytest.approx(core.kl_divergence(P, Q), rel=1e-12)


def test_interpolation_with_a_zero_is_infinite_only_at_zero():
    q = np.array([0.5, 0.5, 0.0])
    curve = interpolation_curve(P, q, np.linspace(0, 1, 101))
    assert curve[0] == math.inf
    assert np.isfinite(curve[1:]).all()
    assert curve[-1] == 0.0
    assert curve[1] == pytest.approx(brute_kl(P, 0.99 * q + 0.01 * P), rel=1e-12)


@SETTINGS
@given(pairs())
def test_interpolation_curve_is_convex_and_decreasing(pair):
    p, q = pair
    lambdas = np.linspace(0, 1, 201)
    curve = interpolation_curve(p, q, lambdas)
    second = curve[:-2] - 2 * curve[1:-1] + curve[2:]
    assert (second >= -1e-12).all()
    assert (np.diff(curve) <= 1e-12).all()  # convex with its minimum 0 at λ = 1
    assert curve[-1] == 0.0
    assert (curve >= 0).all()


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan])
def test_lambda_outside_the_unit_interval_is_refused(bad):
    with pytest.raises(ValueError, match="λ"):
        interpolation_curve(P, Q, [0.5, bad])


def test_inputs_are_checked():
    with pytest.raises(core.InvalidDistributionError):
        interpolation_curve([0.5, 0.6], [0.5, 0.5], [0.5])
    with pytest.raises(core.InvalidDistributionError):
        temperature_curve(P, [0.5, 0.5], [1.0])
    with pytest.raises(ValueError, match="temperature"):
        temperature_scaled(Q, 0.0)
    with pytest.raises(ValueError, match="temperature"):
        temperature_curve(P, Q, [-1.0])
    with pytest.raises(ValueError):
        best_temperature(P, Q, low=2.0, high=1.0)


# -- temperature --------------------------------------------------------------------------------


@pytest.mark.parametrize("temperature", [0.05, 0.3, 0.9, 1.7, 5.0, 20.0])
def test_temperature_scaling_matches_brute_force(temperature):
    expected = brute_tempered(Q, temperature)
    assert temperature_scaled(Q, temperature) == pytest.approx(expected, rel=1e-12)
    assert temperature_curve(P, Q, [temperature])[0] == pytest.approx(
        brute_kl(P, expected), rel=1e-10
    )


def test_temperature_one_is_q_itself():
    assert temperature_scaled(Q, 1.0).tolist() == Q.tolist()
    assert temperature_curve(P, Q, 1.0) == pytest.approx(core.kl_divergence(P, Q), rel=1e-14)
    assert temperature_curve(P, P, 1.0) == 0.0


def test_temperature_limits_and_zeros():
    q = np.array([0.5, 0.3, 0.0, 0.2])
    hot = temperature_scaled(q, 1e6)
    assert hot == pytest.approx([1 / 3, 1 / 3, 0, 1 / 3], abs=1e-6)
    assert hot[2] == 0.0
    assert temperature_scaled(q, math.inf).tolist() == pytest.approx([1 / 3, 1 / 3, 0, 1 / 3])
    cold = temperature_scaled(q, 1e-3)
    assert cold.tolist() == pytest.approx([1.0, 0.0, 0.0, 0.0])
    assert cold[2] == 0.0
    rows = temperature_scaled(q, [0.5, 2.0])
    assert rows.shape == (2, 4)
    assert rows.sum(axis=1) == pytest.approx([1.0, 1.0])


def test_a_tiny_temperature_stays_finite_where_q_is_positive():
    # q_T underflows to 0 for the small classes, but KL(P‖q_T) is large, not infinite.
    kl = temperature_curve(P, Q, 1e-4)
    assert math.isfinite(kl)
    log_qt = np.log(Q) / 1e-4
    log_qt -= np.log(np.sum(np.exp(log_qt - log_qt.max()))) + log_qt.max()
    assert kl == pytest.approx(float(np.sum(P * (np.log(P) - log_qt))), rel=1e-12)


def test_a_zero_where_p_is_positive_is_infinite_at_every_temperature():
    q = np.array([0.7, 0.3, 0.0])
    assert np.isinf(temperature_curve(P, q, [0.05, 1.0, 20.0])).all()
    temperature, kl = best_temperature(P, q)
    assert math.isnan(temperature) and kl == math.inf


@SETTINGS
@given(pairs())
def test_temperature_curve_is_convex_in_inverse_temperature(pair):
    p, q = pair
    betas = np.linspace(0.05, 5.0, 200)
    curve = temperature_curve(p, q, 1.0 / betas)
    second = curve[:-2] - 2 * curve[1:-1] + curve[2:]
    assert (second >= -1e-12).all()


# -- the best temperature -----------------------------------------------------------------------


def dense_grid_minimum(p, q, low=1e-2, high=1e2, points=200_001) -> tuple[float, float]:
    temperatures = np.geomspace(low, high, points)
    curve = temperature_curve(p, q, temperatures)
    index = int(np.argmin(curve))
    return float(temperatures[index]), float(curve[index])


def test_best_temperature_of_a_tempered_truth_is_recovered():
    # q = P at temperature 2.5: tempering it back with T = 1/2.5 gives P exactly.
    q = temperature_scaled(P, 2.5)
    temperature, kl = best_temperature(P, q)
    assert temperature == pytest.approx(1 / 2.5, rel=1e-9)
    assert kl == pytest.approx(0.0, abs=1e-14)


def test_best_temperature_agrees_with_a_dense_grid():
    temperature, kl = best_temperature(P, Q)
    grid_temperature, grid_kl = dense_grid_minimum(P, Q)
    assert kl <= grid_kl + 1e-15
    assert temperature == pytest.approx(grid_temperature, rel=1e-4)  # the grid's spacing
    assert temperature_curve(P, Q, temperature) == pytest.approx(kl, rel=1e-12)


@SETTINGS
@given(pairs())
def test_best_temperature_beats_a_grid(pair):
    p, q = pair
    temperature, kl = best_temperature(p, q)
    grid = temperature_curve(p, q, np.geomspace(1e-2, 1e2, 2001))
    assert kl <= grid.min() * (1 + 1e-9) + 1e-15
    assert 1e-2 <= temperature <= 1e2
    # the minimum to 1e-6 relative: its neighbours are no better
    for neighbour in (temperature * (1 - 1e-6), temperature * (1 + 1e-6)):
        if 1e-2 <= neighbour <= 1e2:
            assert kl <= temperature_curve(p, q, neighbour) * (1 + 1e-12) + 1e-15


def test_q_equal_to_p_gives_temperature_one_and_zero():
    assert best_temperature(P, P) == (1.0, 0.0)


def test_uniform_q_on_its_support_gives_temperature_one():
    uniform = np.full(3, 1 / 3)
    temperature, kl = best_temperature(P, uniform)
    assert temperature == 1.0
    assert kl == pytest.approx(core.kl_divergence(P, uniform), rel=1e-14)
    # uniform on the part where q > 0, with p = 0 outside it
    temperature, kl = best_temperature([0.7, 0.3, 0.0], [0.5, 0.5, 0.0])
    assert temperature == 1.0
    assert kl == pytest.approx(core.kl_divergence([0.7, 0.3, 0.0], [0.5, 0.5, 0.0]))


def test_best_temperature_at_an_end_of_the_range():
    # P uniform, Q peaked: hotter is always better, up to the end of the range.
    uniform = np.full(3, 1 / 3)
    temperature, kl = best_temperature(uniform, [0.8, 0.15, 0.05], low=0.1, high=10.0)
    assert temperature == pytest.approx(10.0)
    assert kl == pytest.approx(temperature_curve(uniform, [0.8, 0.15, 0.05], 10.0))
    # P one-hot on the argmax of Q: colder is always better.
    temperature, _ = best_temperature([1.0, 0.0, 0.0], [0.5, 0.3, 0.2], low=0.1, high=10.0)
    assert temperature == pytest.approx(0.1)


def test_zeros_in_q_where_p_is_zero_are_fine():
    p = np.array([0.7, 0.3, 0.0])
    q = np.array([0.5, 0.2, 0.3])
    temperature, kl = best_temperature(p, q)
    grid_temperature, grid_kl = dense_grid_minimum(p, q)
    assert kl <= grid_kl + 1e-15
    assert temperature == pytest.approx(grid_temperature, rel=1e-4)
    q_zero = np.array([0.6, 0.4, 0.0])
    temperature, kl = best_temperature(p, q_zero)
    assert math.isfinite(kl)
    assert temperature_scaled(q_zero, temperature)[2] == 0.0


def test_explorations_import_no_gui():
    script = "import json, sys, core.explorations; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    modules = {name.split(".")[0] for name in json.loads(result.stdout)}
    assert "numpy" in modules
    assert not modules & {"PySide6", "shiboken6", "pyqtgraph", "klgui", "scipy"}
