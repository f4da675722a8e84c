"""Per-sample distributions in CSV, TSV and Parquet (one column per class, optionally an id
and a label column), and candidates matched to their reference by sample id and class name:
the same numbers give the same figures in every format and in any order, and what cannot be
matched or read is refused on one line naming the file and where."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from core.errors import FormatError
from core.sample_distributions import compare_samples, read_sample_file
from core.sample_distributions.results import CandidateStatistics

SAMPLES, CLASSES = 60, 5
NAMES = [f"k{index}" for index in range(CLASSES)]


@pytest.fixture
def data() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(13)
    logits = rng.normal(size=(SAMPLES, CLASSES)) * 2
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    noisy = logits + rng.normal(size=logits.shape) * 0.5
    q = np.exp(noisy) / np.exp(noisy).sum(axis=1, keepdims=True)
    return {"p": p, "q": q, "labels": rng.integers(0, CLASSES, SAMPLES)}


def table(values: np.ndarray, labels: np.ndarray | None, ids: bool = True) -> pl.DataFrame:
    columns: dict[str, object] = {}
    if ids:
        columns["id"] = [f"s{row}" for row in range(len(values))]
    if labels is not None:
        columns["label"] = [NAMES[label] for label in labels]
    columns.update({name: values[:, index] for index, name in enumerate(NAMES)})
    return pl.DataFrame(columns)


def write_text(frame: pl.DataFrame, path: Path, delimiter: str = ",") -> Path:
    """Every number as repr writes it: the very double read back."""
    lines = [delimiter.join(frame.columns)]
    for row in frame.iter_rows():
        lines.append(delimiter.join(v if isinstance(v, str) else repr(float(v)) for v in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write(values: np.ndarray, labels: np.ndarray | None, path: Path) -> Path:
    """The distributions in the format of ``path``'s extension (a .npy has no labels)."""
    if path.suffix == ".npy":
        np.save(path, values)
    elif path.suffix == ".npz":
        extra = {} if labels is None else {"labels": labels}
        np.savez(path, probs=values, classes=np.array(NAMES), **extra)
    elif path.suffix == ".parquet":
        table(values, labels).write_parquet(path)
    else:
        write_text(table(values, labels), path, "\t" if path.suffix == ".tsv" else ",")
    return path


def figures(model: CandidateStatistics) -> dict[str, object]:
    """Every figure of a candidate, but where it came from."""
    found = dataclasses.asdict(model)
    for key in ("name", "source", "terms", "rank"):
        found.pop(key)
    return found


def assert_same_figures(found: dict, expected: dict) -> None:
    assert found.keys() == expected.keys()
    for key, value in expected.items():
        if isinstance(value, dict):
            assert_same_figures(found[key], value)
        elif isinstance(value, np.ndarray):
            np.testing.assert_allclose(found[key], value, rtol=1e-12, atol=0)
        elif isinstance(value, float):
            assert found[key] == pytest.approx(value, rel=1e-12, abs=0), key
        else:
            assert found[key] == value, key


def refusal(action) -> str:
    with pytest.raises(FormatError) as caught:
        action()
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("suffix", [".npy", ".csv", ".tsv", ".parquet"])
def test_the_same_numbers_give_the_same_figures_in_every_format(tmp_path, data, suffix):
    labels = None if suffix == ".npy" else data["labels"]
    expected = compare_samples(
        read_sample_file(write(data["p"], labels, tmp_path / "ref.npz")),
        [read_sample_file(write(data["q"], labels, tmp_path / "cand.npz"))],
    )
    found = compare_samples(
        read_sample_file(write(data["p"], labels, tmp_path / f"ref{suffix}")),
        [read_sample_file(write(data["q"], labels, tmp_path / f"cand{suffix}"))],
    )
    assert found.models[0].delta_p is not None or suffix == ".npy"
    assert_same_figures(figures(found.models[0]), figures(expected.models[0]))


@pytest.mark.parametrize("kind", ["log_probabilities", "logits", "counts"])
def test_every_kind_of_values_is_read_from_a_table_as_told(tmp_path, data, kind):
    expected = compare_samples(
        read_sample_file(write(data["p"], None, tmp_path / "ref.csv")),
        [read_sample_file(write(data["q"], None, tmp_path / "cand.csv"))],
    )
    values = {
        "log_probabilities": np.log(data["q"]),
        "logits": np.log(data["q"]) + 3.0,
        "counts": data["q"] * 7,
    }[kind]
    for path in (tmp_path / "told.csv", tmp_path / "told.parquet"):
        write(values, None, path)
        found = compare_samples(
            read_sample_file(tmp_path / "ref.csv"), [read_sample_file(path, kind=kind)]
        )
        np.testing.assert_allclose(found.models[0].mean_kld, expected.models[0].mean_kld, 1e-9)
        assert found.models[0].normalised == (kind == "counts")


def test_candidates_in_another_order_of_samples_and_classes_give_the_figures_in_order(
    tmp_path, data
):
    reference = read_sample_file(write(data["p"], data["labels"], tmp_path / "ref.csv"))
    expected = compare_samples(
        reference, [read_sample_file(write(data["q"], data["labels"], tmp_path / "q.csv"))]
    )
    rows = np.random.default_rng(3).permutation(SAMPLES)
    columns = ["k3", "label", "k0", "id", "k4", "k1", "k2"]  # the id and label moved too
    shuffled = table(data["q"], data["labels"])[rows].select(columns)
    write_text(shuffled, tmp_path / "shuffled.csv")
    shuffled.write_parquet(tmp_path / "shuffled.parquet")
    classes = [3, 0, 4, 1, 2]
    np.savez(
        tmp_path / "shuffled.npz",
        probs=data["q"][rows][:, classes],
        classes=np.array(NAMES)[classes],
        labels=np.array(NAMES)[data["labels"][rows]],
        ids=np.array([f"s{row}" for row in rows]),
    )
    for name in ("shuffled.csv", "shuffled.parquet", "shuffled.npz"):
        found = compare_samples(reference, [read_sample_file(tmp_path / name)])
        assert found.classes == tuple(NAMES)
        assert_same_figures(figures(found.models[0]), figures(expected.models[0]))


def test_a_bad_value_of_a_reordered_candidate_is_named_where_the_file_has_it(tmp_path, data):
    reference = read_sample_file(write(data["p"], None, tmp_path / "ref.csv"))
    q = data["q"].copy()
    q[7, 2] += 0.5  # sample s7, class k2
    frame = table(q, None)[::-1].select(["id", *NAMES[::-1]])
    write_text(frame, tmp_path / "reversed.csv")
    message = refusal(
        lambda: compare_samples(reference, [read_sample_file(tmp_path / "reversed.csv")])
    )
    assert f"reversed.csv, line {SAMPLES - 7 + 1}: the probabilities sum to" in message
    frame.write_parquet(tmp_path / "reversed.parquet")
    message = refusal(
        lambda: compare_samples(reference, [read_sample_file(tmp_path / "reversed.parquet")])
    )
    assert f"reversed.parquet: sample {SAMPLES - 1 - 7} (numbered from 0)" in message


def test_files_without_names_are_matched_by_position(tmp_path, data):
    reference = read_sample_file(write(data["p"], None, tmp_path / "ref.csv"))
    expected = compare_samples(
        reference, [read_sample_file(write(data["q"], None, tmp_path / "q.csv"))]
    )
    unnamed = read_sample_file(write(data["q"], None, tmp_path / "q.npy"))
    found = compare_samples(reference, [unnamed])
    assert found.classes == tuple(NAMES)
    assert_same_figures(figures(found.models[0]), figures(expected.models[0]))
    np.save(tmp_path / "narrow.npy", data["q"][:, :-1] / data["q"][:, :-1].sum(axis=1)[:, None])
    narrow = read_sample_file(tmp_path / "narrow.npy")
    assert "narrow.npy: 4 classes, but the reference has 5" in refusal(
        lambda: compare_samples(reference, [narrow])
    )
    np.save(tmp_path / "short.npy", data["q"][:-1])
    short = read_sample_file(tmp_path / "short.npy")
    assert f"short.npy: {SAMPLES - 1} samples, but the reference" in refusal(
        lambda: compare_samples(reference, [short])
    )


def test_samples_or_classes_that_cannot_be_matched_are_refused_naming_them(tmp_path, data):
    reference = read_sample_file(write(data["p"], None, tmp_path / "ref.csv"))
    frame = table(data["q"], None)

    def compared(changed: pl.DataFrame, name: str) -> str:
        write_text(changed, tmp_path / name)
        return refusal(lambda: compare_samples(reference, [read_sample_file(tmp_path / name)]))

    renamed = frame.with_columns(pl.col("id").replace("s7", "t7"))
    assert compared(renamed, "renamed.csv") == (
        f"{tmp_path / 'renamed.csv'}: no sample with id 's7', which the reference "
        f"{str(tmp_path / 'ref.csv')!r} has"
    )
    extra = pl.concat([frame, frame[:1].with_columns(pl.lit("s99").alias("id"))])
    assert "extra.csv: sample id 's99' is not among the reference's" in compared(
        extra, "extra.csv"
    )
    twice = frame.with_columns(pl.col("id").replace("s9", "s4"))
    assert compared(twice, "twice.csv") == (
        f"{tmp_path / 'twice.csv'}, line 11: sample id 's4' (column 'id') is given twice: here "
        "and at line 6"
    )
    other = frame.rename({"k4": "z"})
    assert "other.csv: no column for class 'k4', which the reference" in compared(
        other, "other.csv"
    )
    wider = frame.with_columns(pl.lit(0.0).alias("z"))
    assert "wider.csv: class 'z' is not among the reference's" in compared(wider, "wider.csv")
    np.savez(tmp_path / "twice.npz", probs=data["q"], ids=np.array([0, 1, 2, 1] + [9] * 56))
    assert "twice.npz: sample 3 (numbered from 0): sample id '1' ('ids') is given twice" in (
        refusal(lambda: read_sample_file(tmp_path / "twice.npz"))
    )


def test_a_reordered_candidate_must_give_the_references_true_classes(tmp_path, data):
    reference = read_sample_file(write(data["p"], data["labels"], tmp_path / "ref.csv"))
    labels = data["labels"].copy()
    labels[12] = (labels[12] + 1) % CLASSES
    frame = table(data["q"], labels)[::-1]
    frame.write_parquet(tmp_path / "cand.parquet")
    assert (
        f"cand.parquet: sample 12 (numbered from 0) has true class {NAMES[labels[12]]!r} here "
        f"but {NAMES[data['labels'][12]]!r}"
    ) in refusal(lambda: compare_samples(reference, [read_sample_file(tmp_path / "cand.parquet")]))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,label,a,b\ns1,a,0.5,\n", "t.csv, line 2, column 4: empty cell (column 'b')"),
        ("id,label,a,b\n,a,0.5,0.5\n", "t.csv, line 2: no sample id (column 'id')"),
        ("id,label,a,b\ns1,,0.5,0.5\n", "t.csv, line 2: no true label"),
        ("a,b\n0.5,0.5,0\n", "t.csv, line 2: this line has 3 fields but the header has 2"),
        ("a,b\n1e-400,1\n", "t.csv, line 2, column 1: '1e-400' is too small for a double"),
        ("a,b\n0.5,x\n", "t.csv, line 2, column 2: 'x' is not a number (column 'b')"),
        ("a,b\n0.5,0.6\n", "t.csv, line 2: the probabilities sum to 1.1, not 1"),
        ("a,b\n0.5,nan\n", "t.csv, line 2: the probability of class 'b' is NaN"),
        ("id,sample_id,a,b\n1,1,0.5,0.5\n", "t.csv, line 1, column 2: columns 1 and 2"),
        ("a,b,a\n0.5,0.5,0\n", "t.csv, line 1, column 3: class 'a' has two columns, 1 and 3"),
        ("id,a\n1,1\n", "t.csv, line 1: 1 class column(s)"),
        ("a,b\n", "t.csv: no samples"),
    ],
)
def test_a_bad_text_table_is_refused_at_its_line_and_column(tmp_path, text, message):
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    assert message in refusal(
        lambda: compare_samples(
            read_sample_file(tmp_path / "t.csv"), [read_sample_file(tmp_path / "t.csv")]
        )
    )


def test_blank_lines_are_skipped_and_lines_after_them_named_as_they_are(tmp_path):
    (tmp_path / "gaps.csv").write_text("id,a,b\ns1,0.5,0.5\n\n,,\ns2,0.25,0.75\n")
    gaps = read_sample_file(tmp_path / "gaps.csv")
    assert gaps.ids.tolist() == ["s1", "s2"]
    (tmp_path / "bad.csv").write_text("id,a,b\ns1,0.5,0.5\n\n,,\ns2,0.25,0.8\n")
    assert "bad.csv, line 5: the probabilities sum to 1.05" in refusal(
        lambda: compare_samples(
            read_sample_file(tmp_path / "bad.csv"), [read_sample_file(tmp_path / "gaps.csv")]
        )
    )


def test_text_in_other_encodings_and_decimal_commas_is_read(tmp_path):
    (tmp_path / "korean.csv").write_bytes("개,고양이\n0.25,0.75\n".encode("cp949"))
    assert read_sample_file(tmp_path / "korean.csv").classes == ("개", "고양이")
    (tmp_path / "excel.tsv").write_bytes("a\tb\n0,25\t0,75\n".encode("utf-16"))
    excel = read_sample_file(tmp_path / "excel.tsv")
    probabilities, logs = np.empty((1, 2)), np.empty((1, 2))
    excel.rows.fill(0, 1, probabilities, logs)
    assert probabilities.tolist() == [[0.25, 0.75]]


def test_a_bad_parquet_table_is_refused_naming_the_sample_or_column(tmp_path):
    pl.DataFrame({"a": [0.5, None], "b": [0.5, 1.0]}).write_parquet(tmp_path / "null.parquet")
    assert "null.parquet: sample 1 (numbered from 0): no value for class 'a'" in refusal(
        lambda: read_sample_file(tmp_path / "null.parquet")
    )
    pl.DataFrame({"a": ["x"], "b": [1.0]}).write_parquet(tmp_path / "text.parquet")
    assert "text.parquet: column 'a' holds String, not numbers" in refusal(
        lambda: read_sample_file(tmp_path / "text.parquet")
    )
    pl.DataFrame({"id": [0.5], "a": [0.5], "b": [0.5]}).write_parquet(tmp_path / "id.parquet")
    assert "id.parquet: column 'id' holds Float64; expected text or integers" in refusal(
        lambda: read_sample_file(tmp_path / "id.parquet")
    )
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    assert "broken.parquet: cannot read this Parquet file" in refusal(
        lambda: read_sample_file(tmp_path / "broken.parquet")
    )
