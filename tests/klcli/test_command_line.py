"""main.py run as a user would: a subprocess, its output and exit status."""

from __future__ import annotations

import json
import math
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import REPOSITORY

MAIN = REPOSITORY / "main.py"


def run_main(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(MAIN), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
        cwd=REPOSITORY,
    )


def test_json_report_ranks_a_above_b_on_the_built_in_example():
    result = run_main("--report", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["unit"] == "nats"
    assert report["reference"] == "P"
    assert report["classes"] == ["dog", "cat", "rabbit"]
    assert report["rank_by"] == "kl"
    names = [model["name"] for model in report["models"]]
    assert names == ["A", "B"]
    assert [model["rank"] for model in report["models"]] == [1, 2]
    first = report["models"][0]
    for key in (
        "kl",
        "reverse_kl",
        "cross_entropy",
        "js_divergence",
        "js_distance",
        "total_variation",
        "hellinger",
        "terms",
        "infinite_classes",
    ):
        assert key in first
    assert first["kl"] < report["models"][1]["kl"]
    assert abs(first["cross_entropy"] - report["reference_entropy"] - first["kl"]) < 1e-12
    assert abs(sum(first["terms"]) - first["kl"]) < 1e-12


@pytest.mark.parametrize(("base", "unit"), [("2", "bits"), ("e", "nats"), ("10", "bans")])
def test_base_sets_the_unit_and_scales_every_information_value(base, unit):
    nats = json.loads(run_main("--report", "--json").stdout)
    result = run_main("--report", "--json", "--base", base)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["unit"] == unit
    factor = {"2": 0.6931471805599453, "e": 1.0, "10": 2.302585092994046}[base]
    assert report["models"][0]["kl"] * factor == pytest.approx(nats["models"][0]["kl"], rel=1e-12)
    # Unitless measures do not change with the base.
    assert report["models"][0]["hellinger"] == nats["models"][0]["hellinger"]


def test_text_report_is_an_aligned_ranking_table():
    result = run_main("--report")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("rank"))
    rows = [line for line in lines if line.strip().startswith(("1  ", "2  "))]
    assert "KL(P‖Q)" in header and "H(P,Q)" in header
    assert len(rows) == 2 and "A" in rows[0] and "B" in rows[1]
    # Right-aligned numbers: every row ends where the header ends.
    assert all(len(row) == len(header) for row in rows)
    assert "same order" in result.stdout


def test_report_marks_infinite_values_as_the_string_inf(tmp_path):
    table = tmp_path / "zero.json"
    table.write_text(
        json.dumps(
            {
                "classes": ["dog", "cat", "rabbit"],
                "distributions": {"P": [0.5, 0.3, 0.2], "A": [0.5, 0.5, 0.0]},
            }
        ),
        encoding="utf-8",
    )
    report = json.loads(run_main("--report", "--json", str(table)).stdout)
    model = report["models"][0]
    assert model["kl"] == "inf"
    assert model["cross_entropy"] == "inf"
    assert model["infinite_classes"] == ["rabbit"]
    assert model["terms"][2] == "inf"
    text = run_main("--report", str(table)).stdout
    assert "rabbit" in text and "infinite" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--report", "--base", "3"], "invalid choice"),
        (["--json"], "--json only goes with --report"),
        (["--report", "missing-file.json"], "missing-file.json: no such file"),
        (["--screenshot", "out.jpg"], ".png"),
        (["--screenshot", "out.png", "--size", "big"], "WIDTHxHEIGHT"),
        (["--no-such-option"], "unrecognized arguments"),
        (["--report", "--presentation"], "--presentation is for the window, not --report"),
        (["--report", "--theme", "dark"], "--theme is for the window, not --report"),
        (
            ["--report", "--theme", "dark", "--presentation"],
            "--theme and --presentation are for the window, not --report",
        ),
    ],
)
def test_bad_arguments_exit_2_with_one_clear_line(arguments, message):
    result = run_main(*arguments)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_file_content_names_the_file_and_line(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"classes": ["a", "b"],\n "distributions": {"P": [0.5, 0.5]\n', "utf-8")
    result = run_main("--report", str(broken))
    assert result.returncode == 2
    assert str(broken) in result.stderr and "line" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_report_works_without_qt(tmp_path):
    """--report must not import Qt: make PySide6 and pyqtgraph unimportable and run it."""
    for package in ("PySide6", "pyqtgraph", "shiboken6"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text(
            f"raise ImportError('{package} is not installed here')\n", encoding="utf-8"
        )
    path = os.pathsep.join([str(tmp_path), str(REPOSITORY)])
    result = run_main("--report", "--json", env={"PYTHONPATH": path})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["models"][0]["name"] == "A"


def test_screenshot_writes_a_png(tmp_path):
    out = tmp_path / "window.png"
    result = run_main(
        "--screenshot", str(out), "--size", "800x600", env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (800, 600)


def test_a_screenshot_that_cannot_be_written_says_why(tmp_path):
    out = tmp_path / "missing" / "window.png"
    result = run_main("--screenshot", str(out), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"klgui: error: {out}: cannot write the screenshot: No such file or directory"
    )


EXAMPLE_CSV = "class,P,A,B\ndog,0.6,0.5,0.2\ncat,0.3,0.35,0.3\nrabbit,0.1,0.15,0.5\n"


def test_json_report_on_a_csv_table_ranks_a_above_b(tmp_path):
    table = tmp_path / "pets.csv"
    table.write_text(EXAMPLE_CSV, encoding="utf-8")
    result = run_main("--report", "--json", str(table))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["reference"] == "P"
    assert report["classes"] == ["dog", "cat", "rabbit"]
    assert [model["name"] for model in report["models"]] == ["A", "B"]
    assert report["models"][0]["kl"] < report["models"][1]["kl"]
    builtin = json.loads(run_main("--report", "--json").stdout)
    assert report["models"][0]["kl"] == pytest.approx(builtin["models"][0]["kl"], rel=1e-12)


def test_a_session_with_an_empty_cell_says_to_type_a_value(tmp_path):
    from core import example_workspace
    from core.formats.session import session_text

    session = tmp_path / "nan.klsession"
    emptied = example_workspace().with_value("P", 0, math.nan)
    session.write_text(session_text(emptied), encoding="utf-8")
    one_error_line(
        run_main("--report", str(session)),
        f"{session}: 1 cell is empty ('P', class 'dog'): type a value (0 if the model gives "
        "the class no probability)",
    )


def test_merged_tables_say_what_was_matched_added_and_left_empty(tmp_path):
    first = tmp_path / "a.csv"
    first.write_text(EXAMPLE_CSV, encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("class,C\ncat,0.3\ndog,0.7\n", encoding="utf-8")  # no rabbit
    result = run_main("--report", str(first), str(second))
    assert result.returncode == 2 and result.stdout == ""
    summary, error = result.stderr.strip().splitlines()
    assert summary == (
        "klgui: b.csv merged by class name: 'dog', 'cat' matched. "
        "It lacks 'rabbit' (left empty in 'C')."
    )
    assert error == (
        f"klgui: error: {first}, {second}: 1 cell is empty ('C', class 'rabbit'): give the "
        "class in the file that lacks it, 0 if the model gives it no probability"
    )
    second.write_text("class,C\ncat,0.3\nrabbit,0\ndog,0.7\n", encoding="utf-8")  # fixed
    fixed = run_main("--report", "--json", str(first), str(second))
    assert fixed.returncode == 0, fixed.stderr
    assert fixed.stderr == "klgui: b.csv merged by class name: 'dog', 'cat', 'rabbit' matched.\n"
    assert [model["name"] for model in json.loads(fixed.stdout)["models"]] == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("content", "where", "words"),
    [
        ("", "line 1", "empty"),
        ("class,P,A\ndog,0.6,0.5\ncat,0.4\n", "line 3", "2 fields"),
        ("class,P,A\ndog,0.6,0.5\ncat,0.4,lots\n", "line 3, column 3", "'lots' is not a number"),
        ("class,P,A\ndog,0.6,0.5\ncat,0.4,-0.5\n", "line 3, column 3", "negative"),
    ],
    ids=["empty", "ragged", "non-numeric", "negative"],
)
def test_bad_csv_files_exit_2_with_one_clear_message(tmp_path, content, where, words):
    table = tmp_path / "bad.csv"
    table.write_text(content, encoding="utf-8")
    result = run_main("--report", "--json", str(table))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    # The file, then where in it (the path itself may hold the word "line").
    assert f"{table}, {where}: " in lines[0]
    assert words in lines[0]
    assert "Traceback" not in result.stderr


def test_a_prediction_file_without_a_label_column_says_what_it_needs(tmp_path):
    predictions = tmp_path / "model.csv"
    predictions.write_text("truth,dog,cat\ndog,0.7,0.3\ncat,0.2,0.8\n", encoding="utf-8")
    result = run_main("--report", str(predictions))
    assert result.returncode == 2
    assert "sums to" in result.stderr and "true labels named label, y_true or target" in (
        result.stderr
    )
    assert "--label-column" in result.stderr
    assert run_main("--report", "--label-column", "truth", str(predictions)).returncode == 0
    misspelled = run_main("--report", "--label-column", "turth", str(predictions))
    assert misspelled.returncode == 2 and "no column named 'turth'" in misspelled.stderr


EXAMPLES = REPOSITORY / "klgui" / "resources" / "examples"


def test_json_report_of_prediction_files_has_per_sample_metrics_and_pairwise():
    result = run_main(
        "--report", "--json", str(EXAMPLES / "model_a.csv"), str(EXAMPLES / "model_b.csv")
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["rank_by"] == "mean_cross_entropy"
    assert report["reference"] == "labels" and report["same_labels"] is True
    first, second = report["models"]
    assert [first["name"], second["name"]] == ["model_a", "model_b"]
    for key in (
        "samples",
        "accuracy",
        "mean_cross_entropy",
        "ce_standard_error",
        "ce_percentiles",
        "mean_true_class_probability",
        "brier",
        "infinite_samples",
        "kl",
        "terms",
    ):
        assert key in first
    assert set(first["ce_percentiles"]) == {
        "max",
        "99",
        "95",
        "90",
        "median",
        "10",
        "5",
        "1",
        "min",
    }
    assert first["samples"] == 300 and first["infinite_samples"] == 0
    assert first["mean_true_class_probability"] >= math.exp(-first["mean_cross_entropy"])
    assert second["mean_cross_entropy"] == "inf" and second["infinite_samples"] == 3
    (pair,) = report["pairwise"]
    assert (pair["a"], pair["b"], pair["resamples"], pair["seed"]) == (
        "model_a",
        "model_b",
        1000,
        0,
    )
    assert pair["a_better_fraction"] == 1.0


def test_prediction_report_options_and_errors(tmp_path):
    result = run_main(
        "--report",
        "--json",
        "--resamples",
        "50",
        "--seed",
        "3",
        "--base",
        "2",
        str(EXAMPLES / "model_a.csv"),
        str(EXAMPLES / "model_b.csv"),
    )
    report = json.loads(result.stdout)
    assert report["unit"] == "bits" and report["pairwise"][0]["resamples"] == 50
    probabilities = tmp_path / "probs.npy"
    np.save(probabilities, np.full((4, 2), 0.5))
    missing_labels = run_main("--report", str(probabilities))
    assert missing_labels.returncode == 2 and "labels" in missing_labels.stderr
    assert len(missing_labels.stderr.strip().splitlines()) == 1
    labels = tmp_path / "labels.npy"
    np.save(labels, np.array([0, 1, 1, 0]))
    ok = run_main("--report", "--json", "--labels", str(labels), str(probabilities))
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["models"][0]["accuracy"] == 0.5
    mixed = run_main(
        "--report", str(EXAMPLES / "model_a.csv"), str(EXAMPLES / "dog_cat_rabbit.csv")
    )
    assert mixed.returncode == 2 and mixed.stderr.strip().endswith(
        "give either distribution tables or prediction files, not both (prediction files: "
        f"{EXAMPLES / 'model_a.csv'}; distribution tables: {EXAMPLES / 'dog_cat_rabbit.csv'})"
    )


def test_screenshot_of_prediction_files_shows_the_per_sample_tab_at_the_size_asked(tmp_path):
    out = tmp_path / "predictions.png"
    result = run_main(
        "--screenshot",
        str(out),
        "--size",
        "800x600",
        str(EXAMPLES / "model_a.csv"),
        str(EXAMPLES / "model_b.csv"),
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (800, 600)  # the window's least width fits 800 (not 895)


def test_the_text_report_aligns_korean_names_as_a_terminal_shows_them(tmp_path):
    from core.reports.text_table import display_width

    table = tmp_path / "kor.csv"
    table.write_text(
        "class,P,모델가,B\n개,0.6,0.5,0.2\n고양이,0.3,0.35,0.3\n토끼,0.1,0.15,0.5\n", "utf-8"
    )
    result = run_main("--report", str(table))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("rank"))
    table_lines = lines[start : start + 4]
    assert "모델가" in table_lines[2]
    assert len({display_width(line) for line in table_lines}) == 1  # right edges line up


def test_the_same_prediction_file_twice_is_refused(tmp_path):
    model = EXAMPLES / "model_a.csv"
    result = run_main("--report", str(model), str(model.parent / "." / "model_a.csv"))
    assert result.returncode == 2 and "the file is given twice" in result.stderr


def write_predictions(path: Path, rows: list[str]) -> Path:
    path.write_text("label,x,y,z\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def files_labelling_different_samples(folder: Path) -> tuple[Path, Path]:
    """Each model's mean prediction equals its own file's label distribution (KL 0 against
    its own labels; B's KL against A's labels is infinite: A has an x, B predicts none)."""
    a = write_predictions(folder / "a.csv", ["x,0.75,0.25,0"] * 3 + ["y,0.75,0.25,0"])
    b = write_predictions(folder / "b.csv", ["y,0,0.5,0.5", "z,0,0.5,0.5"])
    return a, b


def test_json_report_scores_each_file_against_its_own_labels(tmp_path):
    a, b = files_labelling_different_samples(tmp_path)
    result = run_main("--report", "--json", str(a), str(b))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["same_labels"] is False
    assert report["reference"] == "own labels" and report["reference_entropy"] is None
    models = {model["name"]: model for model in report["models"]}
    assert (models["a"]["labels_source"], models["b"]["labels_source"]) == (str(a), str(b))
    assert (models["a"]["samples"], models["b"]["samples"]) == (4, 2)
    assert models["a"]["kl"] == 0.0 and models["b"]["kl"] == 0.0  # not "inf" against a's
    assert models["b"]["labels_entropy"] == pytest.approx(math.log(2))
    assert models["b"]["cross_entropy"] == pytest.approx(math.log(2))
    a2 = write_predictions(tmp_path / "a2.csv", ["x,0.7,0.3,0"] * 3 + ["y,0.7,0.3,0"])
    shared = json.loads(run_main("--report", "--json", str(a), str(a2)).stdout)
    assert shared["same_labels"] is True and shared["reference"] == "labels"
    assert shared["reference_entropy"] == pytest.approx(shared["models"][0]["labels_entropy"])
    assert {model["labels_source"] for model in shared["models"]} == {str(a), str(a2)}


def test_text_report_gives_the_samples_of_each_file_when_they_differ(tmp_path):
    a, b = files_labelling_different_samples(tmp_path)
    result = run_main("--report", str(a), str(b))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("3 classes;")  # no one sample count for both files
    assert "its own file: a.csv: 4 samples, b.csv: 2 samples." in lines[2]  # as the window
    start = next(i for i, line in enumerate(lines) if line.startswith("rank"))
    assert lines[start].endswith("KL(own labels‖mean)")
    assert all(line.endswith(" 0.0000") for line in lines[start + 2 : start + 4])


# -- inputs that must neither hang, nor exhaust memory, nor split a message -----------------

#: Memory the app may use in the tests below: a file read without bound fails quickly.
MEMORY_LIMIT = 3 * 1024**3
LIMITED = (
    "import resource, runpy, sys; "
    "resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit})); "
    "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
)


def run_limited(*arguments: str) -> subprocess.CompletedProcess:
    """main.py with its memory capped at MEMORY_LIMIT, stopped after a minute."""
    return subprocess.run(
        [sys.executable, "-c", LIMITED.format(limit=MEMORY_LIMIT), str(MAIN), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=REPOSITORY,
    )


def one_error_line(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("fifo", "x.csv"),
        ("fifo", "x.npz"),
        ("fifo", "x"),
        ("device", "x.csv"),
        ("random device", "x.csv"),
        ("folder", "x.csv"),
        ("socket", "x.csv"),
        ("link loop", "x.csv"),
        ("dangling link", "x.csv"),
        ("unreadable", "x.csv"),
        ("unreadable by root", "x.csv"),
        ("unreadable by root", "x.npz"),
    ],
)
def test_report_refuses_a_special_file_at_once_naming_it(special_file, kind, name):
    special = special_file(kind, name)
    line = one_error_line(run_limited("--report", str(special.path)), str(special.path))
    assert special.words in line
    assert not special.was_opened


def test_report_refuses_a_special_labels_file(special_file, tmp_path):
    special = special_file("fifo", "labels.txt")
    np.save(tmp_path / "p.npy", np.full((2, 2), 0.5))
    result = run_limited("--report", "--labels", str(special.path), str(tmp_path / "p.npy"))
    one_error_line(result, str(special.path), "FIFO")


def test_a_file_name_holding_a_newline_stays_on_one_line(tmp_path):
    bad = tmp_path / "bad\nname\x1b[2J.csv"
    bad.write_text("class,P,A\ndog,0.5,oops\ncat,0.5,0.5\n", encoding="utf-8")
    line = one_error_line(run_main("--report", str(bad)), "bad\\nname\\x1b[2J.csv", "line 2")
    assert line.startswith("klgui: error: ")


def test_names_holding_newlines_keep_every_report_line_whole(tmp_path):
    table = tmp_path / "t.json"
    table.write_text(
        json.dumps(
            {
                "classes": ["dog\nhound", "cat\tkitty"],
                "distributions": {"P": [0.5, 0.5], "model\nA": [0.25, 0.75]},
            }
        ),
        encoding="utf-8",
    )
    text = run_main("--report", str(table)).stdout
    assert "dog\\nhound, cat\\tkitty" in text
    row = next(line for line in text.splitlines() if "model\\nA" in line)
    assert row.split()[:2] == ["1", "model\\nA"]
    # A model is named after its file's stem: "two\nlines.csv" is the model "two\nlines".
    plain = write_predictions(tmp_path / "twolines.csv", ["x,0.5,0.25,0.25", "y,0,1,0"])
    named = tmp_path / "two\nlines.csv"
    named.write_bytes(plain.read_bytes())
    expected = run_main("--report", str(plain)).stdout.splitlines()
    lines = run_main("--report", str(named)).stdout.splitlines()
    assert len(lines) == len(expected)
    assert any(line.split()[:2] == ["1", "two\\nlines"] for line in lines)


def test_resamples_are_at_most_100000(tmp_path):
    model = str(EXAMPLES / "model_a.csv")
    one_error_line(
        run_main("--report", "--resamples", "1000000000", model),
        "--resamples",
        "at most 100,000, not 1,000,000,000",
    )
    assert run_main("--report", "--resamples", "100000", model).returncode == 0


@pytest.mark.parametrize(
    ("seed", "words"),
    [("-1", "must be at least 0, not -1"), ("one", "expected a whole number, not 'one'")],
)
def test_a_bad_seed_is_refused_naming_seed(seed, words):
    model = str(EXAMPLES / "model_a.csv")
    line = one_error_line(run_main("--report", "--seed", seed, model), "--seed", words)
    assert line.startswith("klgui: error: argument --seed: ")
    big = run_main("--report", "--json", "--seed", str(2**70), model, str(EXAMPLES / "model_b.csv"))
    assert big.returncode == 0, big.stderr  # numpy takes any seed from 0 up
    assert json.loads(big.stdout)["pairwise"][0]["seed"] == 2**70


def test_a_labels_file_that_would_not_be_used_is_an_error(tmp_path):
    labels = tmp_path / "labels.txt"
    labels.write_text("0\n1\n", encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("class,P,Q\ndog,0.5,0.25\ncat,0.5,0.75\n", encoding="utf-8")
    one_error_line(
        run_main("--report", "--labels", str(labels), str(table)),
        f"{labels}: --labels",
        "distribution tables",
    )
    own = tmp_path / "own.npz"
    np.savez(own, probs=np.full((2, 2), 0.5), labels=np.array([0, 1]))
    # Decided before the data is read: this file's bad row is never reached.
    broken = write_predictions(tmp_path / "broken.csv", ["x,0.5,0.5,oops"])
    for files in ([own], [broken], [own, broken]):
        one_error_line(
            run_main("--report", "--labels", str(labels), *map(str, files)),
            f"{labels}: --labels would not be used",
            "labels of its own",
        )
    without = tmp_path / "without.npz"
    np.savez(without, probs=np.full((2, 2), 0.5))
    used = run_main("--report", "--labels", str(labels), str(own), str(without))
    assert used.returncode == 0, used.stderr


@pytest.mark.parametrize("option", [["--resamples", "10"], ["--seed", "3"]], ids=lambda o: o[0])
@pytest.mark.parametrize("mode", ["--report", "--screenshot"])
def test_bootstrap_options_with_distribution_tables_are_errors_naming_them(
    tmp_path, option, mode
):
    table = tmp_path / "t.csv"
    table.write_text("class,P,Q\ndog,0.5,0.25\ncat,0.5,0.75\n", encoding="utf-8")
    shown = [mode] if mode == "--report" else [mode, str(tmp_path / "window.png")]
    one_error_line(
        run_main(*shown, *option, str(table)),
        f"{option[0]} sets the paired bootstrap of prediction files, but these are "
        "distribution tables",
    )
    one_error_line(run_main(*shown, *option), f"{option[0]} sets the paired bootstrap", "none")
    assert not (tmp_path / "window.png").exists()


#: main.py as the user starts it from a terminal, where Ctrl+C raises KeyboardInterrupt; the
#: function named by argv[2] ("module:name") says "working" when called and then waits, as
#: long work would, until Ctrl+C comes.
INTERRUPTED_DRIVER = """
import importlib, runpy, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # a terminal's foreground process
main_py, target = sys.argv[1], sys.argv[2]
module_name, name = target.split(":")
module = importlib.import_module(module_name)
work = getattr(module, name)

def work_until_interrupted(*arguments, **keywords):
    print("working", flush=True)
    signal.pause()  # until Ctrl+C
    return work(*arguments, **keywords)

setattr(module, name, work_until_interrupted)
sys.argv = [main_py, *sys.argv[3:]]
runpy.run_path(main_py, run_name="__main__")
"""


@pytest.mark.parametrize(
    ("working", "arguments"),
    [
        ("core.predictions.readers:read_predictions", ["--report", "model_a.csv"]),
        ("core.formats.merged_files:merge_files", ["--report", "table.csv"]),
        ("core.formats.merged_files:merge_files", ["table.csv"]),  # before the window opens
    ],
    ids=["report of predictions", "report of a table", "window reading a table"],
)
def test_ctrl_c_while_reading_stops_quietly_with_status_130(tmp_path, working, arguments):
    (tmp_path / "table.csv").write_text("class,P,Q\ndog,0.5,0.25\ncat,0.5,0.75\n", "utf-8")
    (tmp_path / "model_a.csv").write_bytes((EXAMPLES / "model_a.csv").read_bytes())
    child = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED_DRIVER, str(MAIN), working, *arguments],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )
    try:
        ready, _, _ = select.select([child.stdout], [], [], 60)
        assert ready and child.stdout.readline() == "working\n", child.stderr.read()
        child.send_signal(signal.SIGINT)
        output, errors = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=60)
    assert child.returncode == 130, errors
    assert "Traceback" not in errors and len(errors.splitlines()) <= 1, errors
    assert output == ""


#: main.py with Ctrl+C coming while polars reads a prediction file: argv[1] "ignored" as for a
#: job started in the background of a shell (where Ctrl+C is ignored), "default" as in a
#: terminal. The SIGINT is sent from a Python function that polars calls during the read.
CTRL_C_WHILE_POLARS_READS = """
import os, runpy, signal, sys
ignored = sys.argv[1] == "ignored"
signal.signal(signal.SIGINT, signal.SIG_IGN if ignored else signal.default_int_handler)
from core.predictions.readers import polars_reading
batches, sent = polars_reading.batches, []

def ctrl_c_once(values):
    if not sent:
        sent.append(True)
        os.kill(os.getpid(), signal.SIGINT)
    return values

def batches_with_a_ctrl_c(pl, query, rows):
    name, dtype = next(iter(query.collect_schema().items()))
    sending = pl.col(name).map_batches(ctrl_c_once, return_dtype=dtype)
    return batches(pl, query.with_columns(sending), rows)

polars_reading.batches = batches_with_a_ctrl_c
sys.argv = sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@pytest.mark.parametrize("ctrl_c", ["ignored", "default"])
def test_ctrl_c_while_polars_reads_never_gives_a_report_of_part_of_the_file(tmp_path, ctrl_c):
    """polars' own Ctrl+C handler stopped the read, whose batches then just ended: a report
    of 100,000 samples of 400,000 with status 0 (or 'no samples')."""
    samples, classes = 120_000, 20  # read in several batches
    row = ",".join(["0.05"] * classes)
    path = tmp_path / "big.csv"
    with path.open("w") as stream:
        stream.write("label," + ",".join(f"c{index}" for index in range(classes)) + "\n")
        stream.writelines(f"c{index % classes},{row}\n" for index in range(samples))
    result = subprocess.run(
        [sys.executable, "-c", CTRL_C_WHILE_POLARS_READS, ctrl_c, str(MAIN), "--report", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )
    assert "Traceback" not in result.stderr, result.stderr
    if ctrl_c == "ignored":  # the whole file is read and reported
        assert result.returncode == 0, result.stderr
        assert f"{samples} samples over {classes} classes" in result.stdout
    else:
        assert result.returncode == 130, result.stderr
        assert result.stdout == "" and len(result.stderr.splitlines()) <= 1, result.stderr
