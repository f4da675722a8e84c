"""``main.py --report --reference REF CAND ...`` run as a user would: per-sample
distributions of candidates against a reference (.npy, .npz, CSV, Parquet, llama.cpp's .kld,
and figures from llama-perplexity logs), their JSON keys, their figures against an
independent float64 computation, and one-line errors."""

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
import polars as pl
import pytest

from core.sample_distributions.kld_writer import write_kld
from tests.conftest import REPOSITORY
from tests.core.sample_distributions.test_llama_logs import CURRENT
from tests.klcli.test_command_line import INTERRUPTED_DRIVER, MAIN

SAMPLES, CLASSES = 200, 6
MODEL_KEYS = {
    "name",
    "rank",
    "source",
    "from_log",
    "samples",
    "mean_kld",
    "kld_standard_error",
    "kld_percentiles",
    "mean_reverse_kld",
    "mean_js_divergence",
    "mean_cross_entropy",
    "reference_mean_entropy",
    "same_top",
    "same_top_standard_error",
    "infinite_samples",
    "first_infinite_samples",
    "normalised",
    "top_classes",
    "mean_delta_p",
    "delta_p_standard_error",
    "delta_p_percentiles",
    "rms_delta_p",
    "rms_delta_p_standard_error",
    "perplexity",
}
TOP_KEYS = {
    "unit",
    "reference",
    "reference_source",
    "samples",
    "classes",
    "llama_kld_rule",
    "top_k_lower_bound",
    "reference_normalised",
    "models",
    "pairwise",
}
KLD_LADDER = ["max", "99.9", "99", "95", "90", "median", "10", "5", "1", "0.1", "min"]
DELTA_P_LADDER = [
    "max",
    "99.9",
    "99",
    "95",
    "90",
    "75",
    "median",
    "25",
    "10",
    "5",
    "1",
    "0.1",
    "min",
]
PERPLEXITY_KEYS = {
    "ppl",
    "ppl_standard_error",
    "reference_ppl",
    "reference_ppl_standard_error",
    "ln_ppl_correlation",
    "ln_ppl_ratio",
    "ln_ppl_ratio_standard_error",
    "ppl_ratio",
    "ppl_ratio_standard_error",
    "ppl_difference",
    "ppl_difference_standard_error",
}


def run_main(*arguments: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(MAIN), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
    )


def report(*arguments: str, cwd: Path = REPOSITORY) -> dict:
    result = run_main("--report", "--json", *arguments, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def one_error_line(result: subprocess.CompletedProcess, *parts: str) -> None:
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in result.stderr, result.stderr


def distributions(seed: int, noise: float, base: np.ndarray | None = None) -> np.ndarray:
    rng = np.random.default_rng(seed)
    logits = rng.normal(size=(SAMPLES, CLASSES)) * 2 if base is None else base
    noisy = logits + noise * rng.normal(size=logits.shape)
    p = np.exp(noisy - noisy.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


@pytest.fixture
def teacher_and_students(tmp_path):
    """A reference with true classes (.npz) and two candidates: a .npz of probabilities and
    a .npy of log-probabilities (told by --values)."""
    rng = np.random.default_rng(7)
    logits = rng.normal(size=(SAMPLES, CLASSES)) * 2
    p = distributions(1, 0.0, logits)
    good = distributions(2, 0.2, logits)
    poor = distributions(3, 0.8, logits)
    labels = rng.integers(0, CLASSES, SAMPLES)
    classes = np.array([f"c{i}" for i in range(CLASSES)])
    np.savez(tmp_path / "teacher.npz", probs=p, labels=labels, classes=classes)
    np.savez(tmp_path / "good.npz", probs=good, labels=labels, classes=classes)
    np.save(tmp_path / "poor.npy", np.log(poor))
    return tmp_path, p, {"good": good, "poor": poor}, labels


def llama_percentiles(values: np.ndarray, ladder: dict[str, float]) -> dict[str, float]:
    return {name: float(np.percentile(values, 100 * fraction)) for name, fraction in ladder.items()}


def test_json_has_exactly_the_documented_keys_and_figures_of_a_float64_computation(
    teacher_and_students,
):
    folder, p, candidates, labels = teacher_and_students
    # .npy files carry no class names: the reference's must match, so name them 0..K-1 here.
    np.savez(folder / "teacher0.npz", probs=p, labels=labels)
    np.savez(folder / "good0.npz", probs=candidates["good"], labels=labels)
    result = report(
        "--values", "logprobs", "--reference", "teacher0.npz", "good0.npz", "poor.npy", cwd=folder
    )
    assert set(result) == TOP_KEYS
    assert result["unit"] == "nats" and result["reference"] == "teacher0"
    assert (result["samples"], result["classes"]) == (SAMPLES, CLASSES)
    assert [model["name"] for model in result["models"]] == ["good0", "poor"]
    assert [model["rank"] for model in result["models"]] == [1, 2]
    rows = np.arange(SAMPLES)
    for model, q in zip(result["models"], [candidates["good"], candidates["poor"]], strict=True):
        assert set(model) == MODEL_KEYS
        assert list(model["kld_percentiles"]) == KLD_LADDER
        assert list(model["delta_p_percentiles"]) == DELTA_P_LADDER
        assert set(model["perplexity"]) == PERPLEXITY_KEYS
        kl = np.sum(p * np.log(p / q), axis=1)
        reverse = np.sum(q * np.log(q / p), axis=1)
        m = (p + q) / 2
        js = (np.sum(p * np.log(p / m), axis=1) + np.sum(q * np.log(q / m), axis=1)) / 2
        entropy = -np.sum(p * np.log(p), axis=1)
        delta_p = q[rows, labels] - p[rows, labels]
        same = np.argmax(q, axis=1) == np.argmax(p, axis=1)
        assert model["samples"] == SAMPLES and model["from_log"] is False
        assert model["mean_kld"] == pytest.approx(kl.mean(), rel=1e-9)
        assert model["kld_standard_error"] == pytest.approx(kl.std() / math.sqrt(SAMPLES - 1))
        assert model["kld_percentiles"] == pytest.approx(
            llama_percentiles(
                kl,
                {
                    "max": 1,
                    "99.9": 0.999,
                    "99": 0.99,
                    "95": 0.95,
                    "90": 0.9,
                    "median": 0.5,
                    "10": 0.1,
                    "5": 0.05,
                    "1": 0.01,
                    "0.1": 0.001,
                    "min": 0,
                },
            )
        )
        assert model["mean_reverse_kld"] == pytest.approx(reverse.mean(), rel=1e-9)
        assert model["mean_js_divergence"] == pytest.approx(js.mean(), rel=1e-9)
        assert model["reference_mean_entropy"] == pytest.approx(entropy.mean(), rel=1e-9)
        assert model["mean_cross_entropy"] == pytest.approx(entropy.mean() + kl.mean(), rel=1e-9)
        assert model["same_top"] == pytest.approx(same.mean())
        assert model["same_top_standard_error"] == pytest.approx(
            math.sqrt(same.mean() * (1 - same.mean()) / (SAMPLES - 1))
        )
        assert model["mean_delta_p"] == pytest.approx(delta_p.mean(), abs=1e-12)
        assert model["rms_delta_p"] == pytest.approx(math.sqrt(np.mean(delta_p**2)))
        assert model["delta_p_percentiles"]["75"] == pytest.approx(np.percentile(delta_p, 75))
        nll, nll_base = -np.log(q[rows, labels]), -np.log(p[rows, labels])
        assert model["perplexity"]["ppl"] == pytest.approx(math.exp(nll.mean()))
        assert model["perplexity"]["ppl_ratio"] == pytest.approx(
            math.exp(nll.mean() - nll_base.mean())
        )
        assert (model["infinite_samples"], model["first_infinite_samples"]) == (0, [])
        assert len(model["top_classes"]) == 5
        assert model["top_classes"][0]["kl"] == pytest.approx(
            np.max(np.sum(p * np.log(p / q), axis=0)), rel=1e-9
        )
    (pair,) = result["pairwise"]
    assert (pair["a"], pair["b"], pair["resamples"], pair["seed"]) == ("good0", "poor", 1000, 0)
    assert pair["ci_low"] <= pair["mean_difference"] <= pair["ci_high"] < 0


def test_base_scales_kl_values_once_and_leaves_fractions_alone(teacher_and_students):
    folder, *_ = teacher_and_students
    nats = report("--reference", "teacher.npz", "good.npz", cwd=folder)
    bits = report("--base", "2", "--reference", "teacher.npz", "good.npz", cwd=folder)
    assert bits["unit"] == "bits"
    (n,), (b,) = nats["models"], bits["models"]
    for key in (
        "mean_kld",
        "kld_standard_error",
        "mean_reverse_kld",
        "mean_js_divergence",
        "mean_cross_entropy",
        "reference_mean_entropy",
    ):
        assert b[key] == pytest.approx(n[key] / math.log(2), rel=1e-12), key
    assert b["kld_percentiles"]["max"] == pytest.approx(n["kld_percentiles"]["max"] / math.log(2))
    for key in ("same_top", "mean_delta_p", "rms_delta_p", "perplexity"):
        assert b[key] == n[key], key


def test_a_class_the_candidate_rules_out_gives_inf_and_names_the_sample(tmp_path):
    p = np.full((SAMPLES, 3), 1 / 3)
    q = p.copy()
    q[[4, 9], 0], q[[4, 9], 1] = 0.0, 2 / 3
    np.save(tmp_path / "p.npy", p)
    np.save(tmp_path / "q.npy", q)
    (model,) = report("--reference", "p.npy", "q.npy", cwd=tmp_path)["models"]
    assert model["mean_kld"] == "inf" and model["kld_percentiles"]["max"] == "inf"
    assert (model["infinite_samples"], model["first_infinite_samples"]) == (2, [4, 9])
    text = run_main("--report", "--reference", "p.npy", "q.npy", cwd=tmp_path).stdout
    assert "Infinite KLD samples       : 2 (" in text and "numbered from 0: 4, 9)" in text


def kld_files(folder: Path) -> None:
    """A base and two quantisations in llama.cpp's .kld format (an odd vocabulary)."""
    rng = np.random.default_rng(5)
    n_ctx, chunks, vocabulary = 32, 8, 33
    records = n_ctx - 1 - n_ctx // 2
    tokens = rng.integers(0, vocabulary, (chunks, n_ctx))
    logits = rng.normal(size=(chunks, records, vocabulary)) * 3
    write_kld(folder / "base.kld", tokens, logits)
    write_kld(folder / "q8.kld", tokens, logits + 0.02 * rng.normal(size=logits.shape))
    write_kld(folder / "q4.kld", tokens, logits + 0.5 * rng.normal(size=logits.shape))


def test_kld_files_and_a_published_log_are_ranked_together(tmp_path):
    kld_files(tmp_path)
    (tmp_path / "published_q6.log").write_text(CURRENT, "utf-8")
    result = report("--reference", "base.kld", "q4.kld", "published_q6.log", "q8.kld", cwd=tmp_path)
    assert result["llama_kld_rule"] is True
    assert result["samples"] == 8 * 15 and result["classes"] == 33
    by_name = {model["name"]: model for model in result["models"]}
    means = sorted((model["mean_kld"], name) for name, model in by_name.items())
    assert [model["name"] for model in result["models"]] == [name for _, name in means]
    assert [model["rank"] for model in result["models"]] == [1, 2, 3]
    logged = by_name["published_q6"]
    assert set(logged) == MODEL_KEYS and logged["from_log"] is True
    assert (logged["mean_kld"], logged["kld_standard_error"]) == (0.010871, 0.000130)
    assert logged["same_top"] == pytest.approx(0.95113) and logged["samples"] is None
    assert logged["mean_reverse_kld"] is None and logged["infinite_samples"] is None
    assert logged["perplexity"]["ln_ppl_correlation"] == pytest.approx(0.9923)
    # The paired bootstrap is for files with per-sample values only.
    assert [(pair["a"], pair["b"]) for pair in result["pairwise"]] == [("q8", "q4")]
    bits = report(
        "--base", "2", "--reference", "base.kld", "q4.kld", "published_q6.log", cwd=tmp_path
    )
    logged_bits = next(model for model in bits["models"] if model["from_log"])
    assert logged_bits["mean_kld"] == pytest.approx(0.010871 / math.log(2))

    text = run_main(
        "--report", "--reference", "base.kld", "q4.kld", "published_q6.log", "q8.kld", cwd=tmp_path
    ).stdout
    for line in (
        "====== Perplexity statistics ======",
        "Mean PPL(Q)                   :   6.291567 ±   0.038100",
        "====== KL divergence statistics ======",
        "Mean    KLD:   0.010871 ±   0.000130",
        "99.9%   KLD:   0.504117",
        " 5.0%   KLD:   0.000024",
        "====== Token probability statistics ======",
        "Mean    Δp: -0.129 ± 0.020 %",
        "Maximum Δp: 64.391%",
        "RMS Δp    :  3.207 ± 0.047 %",
        "Same top p: 95.113 ± 0.135 %",
    ):
        assert line in text.splitlines(), line
    assert "terms whose reference log-probability is ≤ −16" in text
    assert "no paired bootstrap" in text and "Paired bootstrap of mean KLD differences" in text


def test_the_text_block_of_a_candidate_is_llama_cpps_with_ours_after_it(tmp_path):
    kld_files(tmp_path)
    result = run_main("--report", "--reference", "base.kld", "q8.kld", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    figures = report("--reference", "base.kld", "q8.kld", cwd=tmp_path)["models"][0]
    mean = f"Mean    KLD: {figures['mean_kld']:10.6f} ± {figures['kld_standard_error']:10.6f}"
    assert mean in lines
    start = lines.index("====== KL divergence statistics ======")
    labels = [line[:12] for line in lines[start + 1 : start + 13]]
    assert labels == [
        "Mean    KLD:",
        "Maximum KLD:",
        "99.9%   KLD:",
        "99.0%   KLD:",
        "95.0%   KLD:",
        "90.0%   KLD:",
        "Median  KLD:",
        "10.0%   KLD:",
        " 5.0%   KLD:",
        " 1.0%   KLD:",
        " 0.1%   KLD:",
        "Minimum KLD:",
    ]
    assert any(line.startswith("Mean cross-entropy H(P,Q)  :") for line in lines)
    assert "One candidate file: no paired comparison is made." in lines


def test_counts_are_said_to_be_normalised(tmp_path):
    votes = np.random.default_rng(0).integers(0, 20, (SAMPLES, 4)) + 1
    np.savez(tmp_path / "annotators.npz", counts=votes)
    np.save(tmp_path / "classifier.npy", votes / votes.sum(axis=1, keepdims=True))
    result = report("--reference", "annotators.npz", "classifier.npy", cwd=tmp_path)
    assert result["reference_normalised"] is True
    assert result["models"][0]["mean_kld"] == pytest.approx(0.0, abs=1e-12)
    text = run_main(
        "--report", "--reference", "annotators.npz", "classifier.npy", cwd=tmp_path
    ).stdout
    assert "Counts divided by each sample's total to give distributions: annotators." in text


def softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_a_top_k_reference_is_said_to_give_a_lower_bound(tmp_path):
    p = distributions(4, 0.0)
    q = distributions(4, 0.3, np.log(p))
    top = np.argsort(-p, axis=1)[:, :3]
    kept = np.take_along_axis(p, top, axis=1)
    np.savez(
        tmp_path / "cache.npz",
        topk_ids=top,
        topk_logprobs=np.log(kept),
        tail_mass=1 - kept.sum(axis=1),
        n_classes=np.int64(CLASSES),
    )
    np.save(tmp_path / "student.npy", q)
    result = report("--reference", "cache.npz", "student.npy", cwd=tmp_path)
    assert result["top_k_lower_bound"] is True
    full = np.sum(p * np.log(p / q), axis=1).mean()
    assert 0 < result["models"][0]["mean_kld"] <= full
    text = run_main("--report", "--reference", "cache.npz", "student.npy", cwd=tmp_path).stdout
    assert "a lower bound of the full KL" in text


@pytest.mark.parametrize("temperature", [None, 2.0])
def test_logits_are_divided_by_the_temperature_before_the_softmax(tmp_path, temperature):
    logits = np.random.default_rng(0).normal(size=(SAMPLES, 5)) * 3
    np.save(tmp_path / "teacher.npy", logits)
    np.save(tmp_path / "student.npy", logits / 2)
    option = ["--temperature", str(temperature)] if temperature else []
    result = report(
        "--values", "logits", *option, "--reference", "teacher.npy", "student.npy", cwd=tmp_path
    )
    t = temperature or 1.0
    p, q = softmax(logits / t), softmax(logits / 2 / t)
    expected = np.sum(p * np.log(p / q), axis=1).mean()
    assert result["models"][0]["mean_kld"] == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("arguments", "parts"),
    [
        (["--reference", "base.kld"], ["--reference REF needs candidate files after it"]),
        (["--reference", "base.kld", "--labels", "y.npy", "q8.kld"], ["--labels and"]),
        (["--reference", "base.kld", "published.log"], ["at least one candidate file"]),
        (
            ["--values", "logits", "--reference", "base.kld", "q8.kld"],
            ["--values says what a .npy, CSV, TSV or Parquet file holds, but none is given"],
        ),
        (
            ["--resamples", "50", "--reference", "base.kld", "q8.kld", "published.log"],
            ["--resamples sets the paired bootstrap of candidate files, which needs two"],
        ),
        (
            ["--temperature", "2", "--reference", "base.kld", "q8.kld"],
            ["--temperature divides logits, but no .npy, .npz, CSV, TSV or Parquet file is given"],
        ),
        (["--reference", "base.kld", "other.kld"], ["other.kld", "base.kld"]),
        (["--reference", "base.kld", "q8.kld", "broken.log"], ["broken.log", "no KL divergence"]),
        (["--reference", "base.kld", "q8.kld", "missing.npz"], ["missing.npz: no such file"]),
        (["--reference", "base.kld", "q8.kld", "./q8.kld"], ["q8.kld: the file is given twice"]),
        (
            ["--reference", "published.log", "q8.kld"],
            ["published.log: a llama-perplexity log holds figures, not the reference's"],
        ),
        (
            ["--reference", "base.kld", "q8.kld", "q8.txt"],
            ["two candidates are named 'q8'; rename a file"],
        ),
    ],
    ids=[
        "no candidates",
        "options of prediction files",
        "only logs",
        "--values without .npy",
        "--resamples with one file",
        "--temperature with .kld only",
        "another evaluation",
        "a log without statistics",
        "a missing file",
        "a file twice",
        "a log as the reference",
        "a log named as a file",
    ],
)
def test_mistakes_get_one_line_and_status_2(tmp_path, arguments, parts):
    kld_files(tmp_path)
    rng = np.random.default_rng(9)
    write_kld(tmp_path / "other.kld", rng.integers(0, 33, (8, 32)), rng.normal(size=(8, 15, 33)))
    (tmp_path / "published.log").write_text(CURRENT, "utf-8")
    (tmp_path / "q8.txt").write_text(CURRENT, "utf-8")
    (tmp_path / "broken.log").write_text("Final estimate: PPL = 6.2316 +/- 0.03772\n", "utf-8")
    one_error_line(run_main("--report", *arguments, cwd=tmp_path), *parts)


def test_reference_and_its_options_go_with_report(tmp_path):
    one_error_line(run_main("--reference", "a.npz", "b.npz"), "--reference goes with --report")
    one_error_line(run_main("--report", "--values", "logits", "a.csv"), "--values goes with")


def test_ctrl_c_while_comparing_stops_quietly_with_status_130(tmp_path):
    kld_files(tmp_path)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            INTERRUPTED_DRIVER,
            str(MAIN),
            "core.sample_distributions:compare_samples",
            "--report",
            "--reference",
            "base.kld",
            "q8.kld",
        ],
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


#: The README's examples ("Per-sample reference distributions"), word for word: the script
#: that makes the files, then the commands (``python main.py`` is this repository's).
README_SCRIPT = """\
import numpy as np

rng = np.random.default_rng(0)
logits = rng.normal(size=(1000, 10)) * 2  # 1,000 samples × 10 classes
np.savez("teacher.npz", logits=logits, labels=rng.integers(0, 10, 1000))
np.savez("student.npz", logits=logits + rng.normal(size=logits.shape) * 0.3)
np.save("small.npy", logits / 2 + rng.normal(size=logits.shape))  # raw logits, no names
votes = rng.integers(0, 5, size=(1000, 10)) + 1
np.savez("annotators.npz", counts=votes)
"""
README_COMMANDS = [
    "--report --reference teacher.npz student.npz",
    "--report --json --base 2 --values logits --temperature 2 "
    "--reference teacher.npz student.npz small.npy",
    "--report --reference annotators.npz student.npz",
]
README_LLAMA_COMMAND = "--report --reference f16.kld q4_k_m.kld q8_0.kld published_q6_k.log"


def test_the_readme_examples_run(tmp_path):
    made = subprocess.run(
        [sys.executable, "-c", README_SCRIPT], cwd=tmp_path, capture_output=True, timeout=120
    )
    assert made.returncode == 0, made.stderr
    outputs = [run_main(*command.split(), cwd=tmp_path) for command in README_COMMANDS]
    for command, result in zip(README_COMMANDS, outputs, strict=True):
        assert result.returncode == 0 and result.stderr == "", (command, result.stderr)
    assert "Mean    KLD:" in outputs[0].stdout
    distilled = json.loads(outputs[1].stdout)
    assert distilled["unit"] == "bits" and len(distilled["models"]) == 2
    assert "Counts divided by each sample's total" in outputs[2].stdout


def test_the_readme_example_of_quantisations_runs(tmp_path):
    """As the README's llama-perplexity runs would leave them: .kld files of the same tokens
    (written here as llama.cpp writes them) and a saved log of a published run."""
    rng = np.random.default_rng(3)
    n_ctx, chunks, vocabulary = 64, 4, 101
    tokens = rng.integers(0, vocabulary, (chunks, n_ctx))
    logits = rng.normal(size=(chunks, n_ctx - 1 - n_ctx // 2, vocabulary)) * 4
    write_kld(tmp_path / "f16.kld", tokens, logits)
    for name, noise in (("q4_k_m", 0.4), ("q8_0", 0.02)):
        write_kld(tmp_path / f"{name}.kld", tokens, logits + noise * rng.normal(size=logits.shape))
    (tmp_path / "published_q6_k.log").write_text(CURRENT, "utf-8")
    result = run_main(*README_LLAMA_COMMAND.split(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("----"))
    ranking = [line.split()[:2] for line in lines[rule + 1 : rule + 4]]
    assert ranking == [["1", "q8_0"], ["2", "published_q6_k"], ["3", "q4_k_m"]]


def test_a_csv_reference_and_a_reordered_parquet_candidate_are_compared_by_id_and_name(
    tmp_path,
):
    rng = np.random.default_rng(21)
    p, q = distributions(4, 0.0), distributions(5, 0.0)
    labels = rng.integers(0, CLASSES, SAMPLES)
    names = [f"c{index}" for index in range(CLASSES)]
    ids = [f"s{row}" for row in range(SAMPLES)]

    def frame(values: np.ndarray) -> pl.DataFrame:
        columns = {"id": ids, "label": [names[label] for label in labels]}
        return pl.DataFrame(columns | {n: values[:, i] for i, n in enumerate(names)})

    frame(p).write_csv(tmp_path / "reference.csv", float_precision=None)
    order = rng.permutation(SAMPLES)
    frame(q)[order].select(["label", *names[::-1], "id"]).write_parquet(tmp_path / "q.parquet")
    result = report("--reference", "reference.csv", "q.parquet", cwd=tmp_path)
    (model,) = result["models"]
    kl = (p * np.log(p / q)).sum(axis=1)
    rows = np.arange(SAMPLES)
    delta_p = q[rows, labels] - p[rows, labels]
    assert (result["samples"], result["classes"]) == (SAMPLES, CLASSES)
    assert model["mean_kld"] == pytest.approx(kl.mean(), rel=1e-9)
    assert model["kld_percentiles"]["max"] == pytest.approx(kl.max(), rel=1e-9)
    assert model["mean_delta_p"] == pytest.approx(delta_p.mean(), rel=1e-9, abs=1e-15)
    frame(q)[1:].write_parquet(tmp_path / "fewer.parquet")
    one_error_line(
        run_main("--report", "--reference", "reference.csv", "fewer.parquet", cwd=tmp_path),
        "fewer.parquet: no sample with id 's0', which the reference 'reference.csv' has",
    )
