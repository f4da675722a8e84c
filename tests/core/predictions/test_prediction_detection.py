"""Which files are predictions, and the distributions prediction files imply."""

from __future__ import annotations

import numpy as np
import pytest

from core.predictions import ModelPredictions
from core.predictions.detection import (
    is_prediction_file,
    label_column_candidates,
    prediction_table_hint,
)
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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("truth,dog,cat,rabbit\ndog,0.7,0.2,0.1\ncat,0.1,0.8,0.1\n", "rows sums to 1"),
        ("id,truth,dog,cat\n0,dog,0.7,0.3\n1,cat,0.2,0.8\n", "rows sums to 1"),
        ("dog;cat;rabbit\n0,7;0,2;0,1\n1;0;0\n", None),  # decimal commas: not numbers
        ("dog,cat,rabbit\n0.7,0.2,0.1\n1,0,0\n0.1,0.8,0.1\n", "numbers such as 0.7"),
    ],
    ids=["a label column of another name", "with an id", "decimal commas", "no label column"],
)
def test_a_prediction_file_read_as_a_table_gets_a_hint(tmp_path, text, words):
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8")
    hint = prediction_table_hint(path)
    if words is None:
        assert hint is None
        return
    assert hint is not None and words in hint
    assert "label, y_true or target" in hint


@pytest.mark.parametrize(
    "text",
    [
        "class,P,A\ndog,0.6,0.5\ncat,0.3,0.35\nrabbit,0.1,0.15\n",  # a real table
        "digit,P,A\n0,0.5,0.4\n1,0.5,0.6\n",  # digits are class names
        "class,P\ndog,0.6\ncat,0.4\n",  # a single column always sums by row
        "class,P,A\ndog,0.5\n",  # ragged
        "",
    ],
)
def test_distribution_tables_get_no_prediction_hint(tmp_path, text):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    assert prediction_table_hint(path) is None
    assert prediction_table_hint(tmp_path / "missing.csv") is None


def test_the_hint_survives_a_file_csv_cannot_split(tmp_path):
    path = tmp_path / "quote.csv"
    wide = ",".join(["0.1"] * 400)
    path.write_text(f'truth,{wide}\nx,"{"9" * 200_000}\n', encoding="utf-8")  # no end
    assert prediction_table_hint(path) is None


def test_naming_a_label_column_makes_any_text_file_a_prediction_file(tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("class,P,A\ndog,0.5,0.4\ncat,0.5,0.6\n", encoding="utf-8")
    assert not is_prediction_file(table)
    assert is_prediction_file(table, label_column="nope")  # the reader then says "no column"


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


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("dog,cat,rabbit\n0.7,0.2,0.1\n0.1,0.8,0.1\n", []),  # probabilities only
        ("id,dog,cat\n0,0.7,0.3\n1,0.2,0.8\n", []),  # and an id the readers ignore
        ("truth,dog,cat\ndog,0.7,0.3\ncat,0.2,0.8\n", ["truth"]),
        ("truth,dog,cat\n0,0.7,0.3\n1,0.2,0.8\n", ["truth"]),  # classes by number
        ("gold;dog;cat\n1;0.5;0.5\n0;1;0\n", ["gold"]),
        ("a,b,c\nx,y\n", ["a", "b", "c"]),  # rows that cannot be split: every column
    ],
    ids=["probabilities", "with an id", "names", "numbers", "semicolons", "ragged"],
)
def test_the_columns_that_may_hold_labels_are_not_probabilities(tmp_path, text, candidates):
    path = tmp_path / "scores.csv"
    path.write_text(text, encoding="utf-8")
    assert label_column_candidates(path) == candidates
