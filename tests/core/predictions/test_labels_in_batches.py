"""Labels read in batches (text and Parquet) are coded batch by batch, each as its position
among the distinct labels so far, and held as nothing else: the result is that of the whole
column mapped at once, and a missing label is named at its row of the file."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from core.errors import FormatError
from core.predictions.readers import blocks, read_predictions


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    monkeypatch.setattr(blocks, "BATCH_VALUES", 10)  # batches of 64 rows


def probabilities(rows: int) -> dict[str, list[float]]:
    return {"x": [0.25] * rows, "y": [0.75] * rows}


def test_labels_that_first_come_in_later_batches_name_their_classes(tmp_path):
    # Batch by batch new labels come: 'y' only after 64 rows, 'x' again after 128.
    labels = ["x"] * 64 + ["y"] * 64 + ["x", "y"] * 36
    pl.DataFrame({"label": labels, **probabilities(len(labels))}).write_parquet(
        tmp_path / "p.parquet"
    )
    (model,) = read_predictions(tmp_path / "p.parquet")
    assert model.labels.tolist() == [0 if label == "x" else 1 for label in labels]


def test_numbers_read_as_indices_across_batches_of_other_numbers(tmp_path):
    # 2 names no class (the classes are 'x' and 'y') in the third batch only: every label is
    # then an index, also those of the batches before it.
    labels = [0] * 64 + [1] * 64 + [1, 0] * 36
    pl.DataFrame({"label": labels, **probabilities(len(labels))}).write_parquet(
        tmp_path / "p.parquet"
    )
    (model,) = read_predictions(tmp_path / "p.parquet")
    assert model.labels.tolist() == labels
    labels[150] = 2
    pl.DataFrame({"label": labels, **probabilities(len(labels))}).write_parquet(
        tmp_path / "q.parquet"
    )
    with pytest.raises(FormatError) as caught:
        read_predictions(tmp_path / "q.parquet")
    assert caught.value.reason.startswith("sample 150 (numbered from 0): label '2' is neither")


@pytest.mark.parametrize("missing", [None, ""])
def test_a_missing_label_in_a_later_batch_is_named_at_its_sample(tmp_path, missing):
    labels: list[str | None] = ["x", "y"] * 100
    labels[130] = missing
    pl.DataFrame({"label": labels, **probabilities(len(labels))}).write_parquet(
        tmp_path / "p.parquet"
    )
    with pytest.raises(FormatError) as caught:
        read_predictions(tmp_path / "p.parquet")
    assert caught.value.reason == "sample 130 (numbered from 0): no true label"


def test_a_text_file_of_many_batches_gives_each_row_its_class(tmp_path):
    rng = np.random.default_rng(7)
    labels = rng.choice(["dog", "cat", "rabbit"], size=500)
    rows = "".join(f"{label},0.25,0.25,0.5\n" for label in labels)
    path = tmp_path / "p.csv"
    path.write_text("label,rabbit,dog,cat\n" + rows, encoding="utf-8")
    (model,) = read_predictions(path)
    expected = [("rabbit", "dog", "cat").index(label) for label in labels]
    assert model.labels.tolist() == expected
