"""Per-call cost of core.compare, the recompute the GUI runs on every edit.

Target (issue 2): compare() for 3 classes × 2 models ≤ 50 µs on the 2-core machines.
Run: python benchmarks/bench_compare.py
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

import numpy as np
from temporary_home import use_temporary_home

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import core


def microseconds(function, number: int) -> float:
    """Best of 5 runs of ``number`` calls, per call."""
    return min(timeit.repeat(function, number=number, repeat=5)) / number * 1e6


def main() -> None:
    use_temporary_home()
    reference = [0.6, 0.3, 0.1]
    models = {"A": [0.5, 0.35, 0.15], "B": [0.2, 0.3, 0.5]}
    classes = ("dog", "cat", "rabbit")
    workspace = core.example_workspace()
    rows = [
        ("compare, 3 classes × 2 models", lambda: core.compare(reference, models), 20000),
        (
            "compare with class names, base 2",
            lambda: core.compare(reference, models, classes=classes, base=2),
            20000,
        ),
        ("Workspace.compare (the GUI's recompute)", workspace.compare, 20000),
        ("kl_divergence, 3 classes", lambda: core.kl_divergence(reference, models["A"]), 20000),
    ]
    rng = np.random.default_rng(1)
    for classes_count in (100, 1000, 100_000):
        matrix = rng.dirichlet(np.ones(classes_count), size=3)
        big_models = {"A": matrix[1], "B": matrix[2]}
        rows.append(
            (
                f"compare, {classes_count} classes × 2 models",
                lambda m=matrix, b=big_models: core.compare(m[0], b),
                max(10, 200_000 // classes_count),
            )
        )
    try:
        from scipy.stats import entropy
    except ImportError:
        pass
    else:
        rows.append(
            (
                "for scale: scipy.stats.entropy(p, q), 3 classes",
                lambda: entropy(reference, models["A"]),
                5000,
            )
        )
    width = max(len(name) for name, _, _ in rows)
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}")
    for name, function, number in rows:
        print(f"{name:<{width}}  {microseconds(function, number):10.1f} µs")


if __name__ == "__main__":
    main()
