"""Per-sample predictions of real classifiers: true labels and predicted probabilities.

Readers (``core.predictions.readers``) turn prediction files into :class:`ModelPredictions`;
``core.predictions.evaluation`` computes per-sample metrics, the distributions they imply and
a paired bootstrap between models.
"""

from core.predictions.model_predictions import (
    LABEL_COLUMNS,
    PREDICTION_SUM_TOLERANCE,
    Cancelled,
    ModelPredictions,
)

__all__ = ["LABEL_COLUMNS", "PREDICTION_SUM_TOLERANCE", "Cancelled", "ModelPredictions"]
