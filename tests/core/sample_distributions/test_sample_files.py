"""Files of per-sample distributions (.npy memory-mapped, .npz): every kind of values gives
the figures of the same distributions, and every bad file or row is refused on one line
that names the file and where."""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
import pytest
from scipy.special import log_softmax, rel_entr

from core.errors import FormatError
from core.predictions.readers import allocation
from core.sample_distributions import compare_samples, read_sample_file
from core.sample_distributions.divergence_pass import sample_terms

SAMPLES, CLASSES = 40, 5


@pytest.fixture
def p() -> np.ndarray:
    return np.random.default_rng(4).dirichlet(np.ones(CLASSES), size=SAMPLES)


@pytest.fixture
def q() -> np.ndarray:
    return np.random.default_rng(5).dirichlet(np.ones(CLASSES), size=SAMPLES)


def save(path: Path, array: np.ndarray) -> Path:
    np.save(path, array)
    return path


def refusal(action) -> str:
    with pytest.raises(FormatError) as caught:
        action()
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_every_kind_of_values_gives_the_same_divergences(tmp_path, p, q):
    counts = np.random.default_rng(6).integers(0, 50, (SAMPLES, CLASSES))
    counts[:, 0] += 1  # no sample without votes
    reference = read_sample_file(save(tmp_path / "votes.npy", counts), kind="counts")
    assert reference.normalised
    expected = rel_entr(counts / counts.sum(axis=1, keepdims=True), q).sum(axis=1)
    logits = np.log(q) * 2.0 + 3.0  # softmax(logits / 2) = q
    candidates = {
        "probabilities": save(tmp_path / "q.npy", q.astype(np.float32)),
        "log_probabilities": save(tmp_path / "lq.npy", np.log(q)),
        "logits": save(tmp_path / "logits.npy", logits),
    }
    for kind, path in candidates.items():
        temperature = 2.0 if kind == "logits" else 1.0
        candidate = read_sample_file(path, kind=kind, temperature=temperature)
        assert not candidate.normalised
        tolerance = 1e-6 if kind == "probabilities" else 1e-12  # float32 storage
        found = sample_terms(reference, candidate).kl
        np.testing.assert_allclose(found, expected, rtol=tolerance, atol=1e-12)


def test_logits_go_through_a_stable_log_softmax(tmp_path):
    logits = np.array([[1000.0, 999.0, -np.inf], [-5.0, 0.0, 5.0]])
    reference = read_sample_file(save(tmp_path / "a.npy", logits), kind="logits")
    candidate = read_sample_file(save(tmp_path / "b.npy", logits[::-1].copy()), kind="logits")
    terms = sample_terms(reference, candidate)
    with np.errstate(divide="ignore"):
        p, q = np.exp(log_softmax(logits, axis=1)), np.exp(log_softmax(logits[::-1], axis=1))
    np.testing.assert_allclose(terms.kl, rel_entr(p, q).sum(axis=1), rtol=1e-12)
    np.testing.assert_allclose(terms.entropy, -rel_entr(p, 1).sum(axis=1), rtol=1e-12)


def test_npy_files_are_memory_mapped(tmp_path, p):
    sample_set = read_sample_file(save(tmp_path / "p.npy", p))
    assert isinstance(sample_set.rows.values, np.memmap)


def test_an_npz_gives_its_labels_and_class_names(tmp_path, p, q):
    classes = np.array(["cat", "dog", "fox", "owl", "yak"])
    labels = np.random.default_rng(1).integers(0, CLASSES, SAMPLES)
    np.savez(tmp_path / "ref.npz", probs=p, labels=classes[labels], classes=classes)
    np.savez(tmp_path / "cand.npz", logprobs=np.log(q), classes=classes)
    reference = read_sample_file(tmp_path / "ref.npz")
    assert reference.classes == tuple(classes) and reference.labels.tolist() == labels.tolist()
    model = compare_samples(reference, [read_sample_file(tmp_path / "cand.npz")]).models[0]
    rows = np.arange(SAMPLES)
    assert model.delta_p.mean_delta_p == pytest.approx(np.mean(q[rows, labels] - p[rows, labels]))


@pytest.mark.parametrize(
    ("kind", "row", "said"),
    [
        ("probabilities", [0.5, math.nan, 0.5, 0, 0], "the probability of class '1' is NaN"),
        ("probabilities", [0.5, 0.4, 0, 0, 0], "the probabilities sum to 0.9, not 1"),
        ("probabilities", [1.2, -0.2, 0, 0, 0], "the probability of class '1' is negative"),
        ("log_probabilities", [0, math.inf, -1, -1, -1], "the log-probability of class '1' is inf"),
        ("log_probabilities", [-1, -1, -1, -1, -1], "the probabilities sum to 1.8394, not 1"),
        ("logits", [0, 1, math.nan, 2, 3], "the logit of class '2' is nan"),
        ("logits", [-math.inf] * 5, "every logit is -inf"),
        ("counts", [3, -1, 0, 0, 0], "the count of class '1' is -1"),
        ("counts", [0, 0, 0, 0, 0], "no counts: every class has 0 votes"),
    ],
)
def test_a_bad_row_is_refused_with_its_sample_and_class(tmp_path, p, kind, row, said):
    values = np.log(p) if kind in ("log_probabilities", "logits") else p.copy()
    if kind == "counts":
        values = np.ones_like(p)
    values[7] = row
    path = save(tmp_path / "bad.npy", values)
    good = read_sample_file(save(tmp_path / "good.npy", p))
    message = refusal(lambda: sample_terms(good, read_sample_file(path, kind=kind)))
    assert message.startswith(f"{path}: sample 7 (numbered from 0): ")
    assert said in message


def test_files_over_other_samples_or_classes_are_refused(tmp_path, p):
    reference = read_sample_file(save(tmp_path / "ref.npy", p))
    fewer = read_sample_file(save(tmp_path / "fewer.npy", p[:-1]))
    assert "39 samples, but the reference" in refusal(lambda: compare_samples(reference, [fewer]))
    wider = read_sample_file(save(tmp_path / "wider.npy", np.hstack([p, 0 * p[:, :1]])))
    assert "6 classes, but the reference has 5" in refusal(
        lambda: compare_samples(reference, [wider])
    )
    names = np.array(["a", "b", "c", "d", "e"])
    np.savez(tmp_path / "named.npz", probs=p, classes=names)
    np.savez(tmp_path / "other.npz", probs=p, classes=np.array(["a", "b", "c", "d", "z"]))
    named = read_sample_file(tmp_path / "named.npz")
    other = read_sample_file(tmp_path / "other.npz")
    assert "named.npz' has" in refusal(lambda: compare_samples(named, [other]))
    assert "other.npz: no column for class 'e'" in refusal(lambda: compare_samples(named, [other]))


def test_candidates_labelling_a_sample_otherwise_are_refused(tmp_path, p):
    labels = np.zeros(SAMPLES, dtype=int)
    np.savez(tmp_path / "ref.npz", probs=p, labels=labels)
    labels[12] = 3
    np.savez(tmp_path / "cand.npz", probs=p, labels=labels)
    message = refusal(
        lambda: compare_samples(
            read_sample_file(tmp_path / "ref.npz"), [read_sample_file(tmp_path / "cand.npz")]
        )
    )
    assert "cand.npz: sample 12 (numbered from 0) has true class '3' here but '0'" in message


def test_malformed_files_are_refused_before_anything_is_computed(tmp_path, p):
    np.savez(tmp_path / "two.npz", probs=p, logits=p)
    assert "exactly one of 'probs', 'logprobs', 'logits'" in refusal(
        lambda: read_sample_file(tmp_path / "two.npz")
    )
    np.savez(tmp_path / "none.npz", labels=np.zeros(3))
    assert "it holds none" in refusal(lambda: read_sample_file(tmp_path / "none.npz"))
    np.save(tmp_path / "objects.npy", np.array([[{"a": 1}, 2]], dtype=object))
    assert "not a .npy array" in refusal(lambda: read_sample_file(tmp_path / "objects.npy"))
    flat = save(tmp_path / "flat.npy", p[0])
    assert "is 1-D" in refusal(lambda: read_sample_file(flat))
    assert "a temperature applies to logits" in refusal(
        lambda: read_sample_file(save(tmp_path / "p.npy", p), temperature=2)
    )
    assert "unknown kind of values 'votes'" in refusal(
        lambda: read_sample_file(tmp_path / "p.npy", kind="votes")
    )
    assert "not a file of per-sample distributions" in refusal(
        lambda: read_sample_file(tmp_path / "p.json")
    )
    (tmp_path / "empty.npy").write_bytes(b"")
    assert "the file is empty" in refusal(lambda: read_sample_file(tmp_path / "empty.npy"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.npy")
    assert "FIFO" in refusal(lambda: read_sample_file(tmp_path / "pipe.npy"))


def test_an_npz_member_beyond_the_memory_available_is_refused_before_it_is_inflated(
    tmp_path, p, monkeypatch
):
    np.savez_compressed(tmp_path / "big.npz", probs=p)
    monkeypatch.setattr(allocation, "available_memory", lambda: 1000)
    message = refusal(lambda: read_sample_file(tmp_path / "big.npz"))
    assert "'probs' would take" in message and "once decompressed" in message


def test_per_sample_figures_beyond_the_memory_available_are_refused(tmp_path, p, monkeypatch):
    reference = read_sample_file(save(tmp_path / "p.npy", p))
    monkeypatch.setattr(allocation, "available_memory", lambda: 1000)
    assert "the per-sample figures would take" in refusal(
        lambda: sample_terms(reference, reference)
    )
