"""The same numbers give the same figures from every prediction file format.

Each test writes one set of probabilities and labels as CSV, TSV, Parquet, .npz and .npy
(+ labels) and checks that every format reads them back as the file holds them, and that
the per-sample cross-entropy (= KL with one-hot targets) and Brier score agree with a
float64 computation made here from the file's numbers, to 1e-12 relative.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from core.errors import FormatError
from core.predictions import polars_import
from core.predictions.evaluation import evaluate_model
from core.predictions.readers import read_predictions

CLASSES = ("a", "b", "c")
# Tiny probabilities (as GaussianNB gives), a float64 subnormal, values next to 1, and a
# few ordinary rows; every row sums to 1 within the readers' tolerance.
NEAR_ONE = 1.0 - 1e-9 - 1e-12
ROWS = [
    ([1e-50, 0.75, 0.25], 0),
    ([1e-268, 0.5, 0.5], 0),
    ([5e-320, 0.3, 0.7], 0),
    ([NEAR_ONE, 1e-9, 1e-12], 0),
    ([1e-12, 1.0 - 1e-12, 0.0], 1),
    ([0.2, 0.3, 0.5], 1),
    ([1e-300, 1e-200, 1.0], 2),
    ([0.1, 0.2, 0.7000000000000001], 2),
]
FLOAT64 = np.array([values for values, _ in ROWS], dtype=np.float64)
LABELS = np.array([label for _, label in ROWS])
# What a float32 file can hold: float32 subnormals, and values next to 1 in float32.
FLOAT32 = np.array(
    [
        [1e-44, 0.75, 0.25],
        [np.float32(1) - np.float32(2**-24) - np.float32(1e-7), 1e-7, 2**-24],
        [1e-38, 1.0, 0.0],
        [0.2, 0.3, 0.5],
        [0.1, 0.2, 0.7],
        [1e-45, 0.5, 0.5],
        [0.4, 0.35, 0.25],
        [0.3, 1e-30, 0.7],
    ],
    dtype=np.float32,
)


def write_every_format(folder: Path, probabilities: np.ndarray) -> list[tuple[Path, dict]]:
    """The probabilities and LABELS in every format, with the options to read each; text
    holds each number as repr() writes it, which reads back as the same double."""
    names = [CLASSES[label] for label in LABELS]
    lines = [
        ",".join([name, *(repr(float(value)) for value in row)])
        for name, row in zip(names, probabilities, strict=True)
    ]
    text = "\n".join(["label," + ",".join(CLASSES), *lines]) + "\n"
    (folder / "p.csv").write_text(text, encoding="utf-8")
    (folder / "p.tsv").write_text(text.replace(",", "\t"), encoding="utf-8")
    frame = pl.DataFrame({"label": names}).hstack(pl.from_numpy(probabilities, schema=CLASSES))
    frame.write_parquet(folder / "p.parquet")
    np.savez(folder / "p.npz", probs=probabilities, labels=LABELS, classes=CLASSES)
    np.save(folder / "p.npy", probabilities)
    (folder / "labels.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    np.save(folder / "classes_as_indices.npy", LABELS)
    return [
        (folder / "p.csv", {}),
        (folder / "p.tsv", {}),
        (folder / "p.parquet", {}),
        (folder / "p.npz", {}),
        (folder / "p.npy", {"labels_path": folder / "classes_as_indices.npy"}),
    ]


def reference(probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-sample cross-entropy and Brier score, in float64, straight from the definitions."""
    values = probabilities.astype(np.float64)
    rows = np.arange(len(values))
    with np.errstate(divide="ignore"):
        cross_entropy = -np.log(values[rows, LABELS])
    onehot = np.zeros_like(values)
    onehot[rows, LABELS] = 1.0
    brier = ((values - onehot) ** 2).sum(axis=1)
    return cross_entropy, brier


@pytest.fixture(params=["polars", "numpy"])
def engine(request, monkeypatch) -> str:
    """Text files are read with polars, or with numpy when polars is not installed."""
    if request.param == "numpy":
        monkeypatch.setattr(polars_import, "import_polars", lambda: None)
    return request.param


def check_figures(path: Path, options: dict, probabilities: np.ndarray, held: type) -> None:
    (model,) = read_predictions(path, **options)
    assert model.probabilities.dtype == held, path
    assert model.labels.tolist() == LABELS.tolist(), path
    # Read exactly as written: every value > 0 in the file is > 0 here.
    np.testing.assert_array_equal(model.probabilities, probabilities.astype(held), str(path))
    assert ((model.probabilities > 0) == (probabilities > 0)).all(), path
    metrics = evaluate_model(model)
    cross_entropy, brier = reference(probabilities)
    np.testing.assert_allclose(metrics.cross_entropy, cross_entropy, rtol=1e-12, atol=0)
    np.testing.assert_allclose(metrics.brier_scores, brier, rtol=1e-12, atol=0)
    assert metrics.mean_cross_entropy == pytest.approx(cross_entropy.mean(), rel=1e-12)
    assert metrics.brier == pytest.approx(brier.mean(), rel=1e-12)
    assert metrics.infinite_samples.size == 0


def test_every_format_gives_the_float64_figures_of_the_files_numbers(tmp_path, engine):
    files = write_every_format(tmp_path, FLOAT64)
    if engine == "numpy":  # the fallback reads text only
        files = [(path, options) for path, options in files if path.suffix in (".csv", ".tsv")]
    for path, options in files:
        check_figures(path, options, FLOAT64, np.float64)


def test_float32_files_are_held_as_float32_and_summed_in_float64(tmp_path):
    for path, options in write_every_format(tmp_path, FLOAT32):
        # Text holds decimal numbers (float64); only the float32 arrays and columns stay float32.
        text = path.suffix in (".csv", ".tsv")
        check_figures(path, options, FLOAT32, np.float64 if text else np.float32)


def test_a_tiny_true_class_probability_is_finite_from_csv(tmp_path, engine):
    path = tmp_path / "nb.csv"
    path.write_text("label,a,b\na,1e-50,1.0\nb,0.5,0.5\n", encoding="utf-8")
    metrics = evaluate_model(read_predictions(path)[0])
    assert metrics.infinite_samples.size == 0
    assert round(metrics.mean_cross_entropy, 4) == 57.9112
    assert metrics.mean_cross_entropy == pytest.approx((50 * math.log(10) + math.log(2)) / 2)


# -- labels: one rule for every format ---------------------------------------------------------


def write_labelled(folder: Path, classes: list[str], labels: list, stem: str = "p") -> list[Path]:
    """Confident, right predictions for ``labels`` over ``classes`` as CSV, Parquet and .npz,
    each format keeping the labels' type (numbers stay numbers where the format can)."""
    probabilities = np.full((len(labels), len(classes)), 0.0)
    text = "label," + ",".join(classes) + "\n"
    for row, label in enumerate(labels):
        name = str(int(label)) if isinstance(label, float) else str(label)
        position = classes.index(name) if name in classes else row % len(classes)
        probabilities[row, position] = 1.0
        text += f"{label}," + ",".join(repr(float(v)) for v in probabilities[row]) + "\n"
    (folder / f"{stem}.csv").write_text(text, encoding="utf-8")
    frame = pl.DataFrame({"label": labels}).hstack(pl.from_numpy(probabilities, schema=classes))
    frame.write_parquet(folder / f"{stem}.parquet")
    np.savez(folder / f"{stem}.npz", probs=probabilities, labels=np.array(labels), classes=classes)
    return [folder / f"{stem}.{suffix}" for suffix in ("csv", "parquet", "npz")]


def readable(paths: list[Path], engine: str) -> list[Path]:
    """Without polars (the numpy engine) Parquet cannot be read."""
    return [path for path in paths if engine == "polars" or path.suffix != ".parquet"]


@pytest.mark.parametrize("labels", [[1, 2, 3, 3], [1.0, 2.0, 3.0, 3.0], ["1", "2", "3", "3"]])
def test_numeric_labels_name_classes_named_as_numbers_in_every_format(tmp_path, engine, labels):
    for path in readable(write_labelled(tmp_path, ["1", "2", "3"], labels), engine):
        (model,) = read_predictions(path)
        assert model.labels.tolist() == [0, 1, 2, 2], path
        assert evaluate_model(model).accuracy == 1.0, path


def test_text_numbers_name_classes_by_value(tmp_path, engine):
    path = tmp_path / "p.csv"  # pandas writes float labels as "1.0"
    path.write_text("label,1,2\n1.0,1,0\n2.0,0,1\n02,0,1\n", encoding="utf-8")
    assert read_predictions(path)[0].labels.tolist() == [0, 1, 1]


def test_labels_that_name_no_class_are_indices_where_unambiguous(tmp_path, engine):
    for labels in ([2, 0, 1], [2.0, 0.0, 1.0]):  # "2.0" in text: an integral number is one
        for path in readable(write_labelled(tmp_path, ["a", "b", "c"], labels), engine):
            assert read_predictions(path)[0].labels.tolist() == [2, 0, 1], path
    # "0" and "1" name the classes they index: either reading gives the same classes.
    for path in readable(write_labelled(tmp_path, ["0", "1", "x"], [0, 1, 2], "q"), engine):
        assert read_predictions(path)[0].labels.tolist() == [0, 1, 2], path


def test_labels_that_are_both_names_and_other_indices_are_refused(tmp_path, engine):
    # Label 0 names no class, so the labels would be indices, but label 1 names class '1'
    # and would index class '2': the file says so, where, and what to do.
    csv_path, parquet, npz = write_labelled(tmp_path, ["1", "2", "3"], [0, 1, 2])
    places = [(csv_path, 3, 1), (parquet, None, None), (npz, None, None)]
    for path, line, column in places[:: 1 if engine == "polars" else 2]:
        with pytest.raises(FormatError) as caught:
            read_predictions(path)
        error = caught.value
        assert (error.line, error.column) == (line, column), str(error)
        if line is None:
            assert error.reason.startswith("sample 1 (numbered from 0): "), str(error)
        for words in (
            "label '1' is ambiguous",
            "names class '1'",
            "it is class '2'",
            "'0' name no class",
            "write every label as a class name",
        ):
            assert words in error.reason, str(error)
        assert len(str(error).splitlines()) == 1


def test_a_label_out_of_range_is_named_where_it_is(tmp_path, engine):
    csv_path, parquet, npz = write_labelled(tmp_path, ["a", "b"], [0, -1, 1])
    places = [(csv_path, (3, 1)), (parquet, (None, None)), (npz, (None, None))]
    for path, where in places[:: 1 if engine == "polars" else 2]:
        with pytest.raises(FormatError) as caught:
            read_predictions(path)
        error = caught.value
        assert (error.line, error.column) == where, str(error)
        assert "label '-1' is neither a class index (0 to 1) nor a class name" in error.reason
        if where[0] is None:
            assert error.reason.startswith("sample 1 (numbered from 0): ")
