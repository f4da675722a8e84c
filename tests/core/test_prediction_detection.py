"""Which files are predictions, and the distributions prediction files imply."""

from __future__ import annotations

import numpy as np
import pytest

from core.predictions import ModelPredictions
from core.predictions.detection import is_prediction_file
from core.predictions.evaluation import evaluate
from core.predictions.prediction_workspace import workspace_from_predictions


def test_prediction_files_are_told_from_distribution_tables(tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("class,P,A\ndog,0.5,0.4\ncat,0.5,0.6\n", encoding="utf-8")
    predictions = tmp_path / "model.csv"
    predictions.write_text("id;Y_True;dog;cat\n1;dog;0.7;0.3\n", encoding="utf-8")
    assert not is_prediction_file(table)
    assert is_prediction_file(predictions)
    assert is_prediction_file(tmp_path / "anything.npz")
    assert is_prediction_file(tmp_path / "anything.parquet")
    assert not is_prediction_file(tmp_path / "missing.csv")
    custom = tmp_path / "custom.tsv"
    custom.write_text("truth\tdog\tcat\ndog\t0.6\t0.4\n", encoding="utf-8")
    assert not is_prediction_file(custom)
    assert is_prediction_file(custom, label_column="truth")


def test_headers_are_read_whatever_the_line_ending_and_odd_ones_are_refused(tmp_path):
    old_mac = tmp_path / "old_mac.csv"
    old_mac.write_bytes(b"label,dog,cat\rdog,0.7,0.3\rcat,0.2,0.8\r")
    assert is_prediction_file(old_mac)
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"x" * 200_000 + b",dog,cat\n")  # over the csv module's field size limit
    assert not is_prediction_file(huge)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\n\n")
    assert not is_prediction_file(empty)


def test_the_workspace_of_predictions_has_labels_means_and_argmax_histograms():
    labels = np.array([0, 0, 1])
    probabilities = np.array([[0.8, 0.2], [0.4, 0.6], [0.3, 0.7]])
    report = evaluate([ModelPredictions("labels", ("dog", "cat"), labels, probabilities)])
    workspace = workspace_from_predictions(report)
    assert workspace.names == ("labels (true)", "labels", "labels (argmax)")
    assert workspace.reference == "labels (true)"
    assert workspace.distribution("labels (true)").values.tolist() == [2.0, 1.0]
    assert workspace.distribution("labels").values == pytest.approx([0.5, 0.5])
    assert workspace.distribution("labels (argmax)").values.tolist() == [1.0, 2.0]
    assert workspace.is_valid()
