"""The built-in example: a true label distribution P over dog / cat / rabbit and two models.

Model A predicts nearly the true mix; model B over-predicts rabbits. KL(P‖A) is small,
KL(P‖B) large, and KL(P‖B) ≠ KL(B‖P) shows the asymmetry.
"""

from __future__ import annotations

from core.workspace import Distribution, Workspace

EXAMPLE_CLASSES = ("dog", "cat", "rabbit")
EXAMPLE_DISTRIBUTIONS = {
    "P": (0.6, 0.3, 0.1),
    "A": (0.5, 0.35, 0.15),
    "B": (0.2, 0.3, 0.5),
}


def example_workspace() -> Workspace:
    return Workspace(
        classes=EXAMPLE_CLASSES,
        distributions=tuple(
            Distribution(name, values) for name, values in EXAMPLE_DISTRIBUTIONS.items()
        ),
        reference="P",
    )
