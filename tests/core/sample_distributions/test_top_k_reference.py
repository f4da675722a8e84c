"""A reference kept as its top k classes and a tail mass: KL over the k classes and one tail
bucket (the candidate's other classes summed), a lower bound of the full KL that equals it
when the tail is one class; malformed top-k files are refused where they are wrong."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import rel_entr

from core.errors import FormatError
from core.sample_distributions import compare_samples, read_sample_file

SAMPLES, CLASSES, K = 60, 9, 3


@pytest.fixture
def full():
    rng = np.random.default_rng(8)
    return rng.dirichlet(np.full(CLASSES, 0.4), SAMPLES), rng.dirichlet(np.ones(CLASSES), SAMPLES)


def top_k_file(path, p, k=K, tail=True, **extra):
    ids = np.argsort(-p, axis=1, kind="stable")[:, :k]
    top = np.take_along_axis(p, ids, axis=1)
    members = {"topk_ids": ids, "topk_logprobs": np.log(top), **extra}
    if tail:
        members["tail_mass"] = 1 - top.sum(axis=1)
    np.savez(path, **members)
    return ids


def merged(values, ids):
    top = np.take_along_axis(values, ids, axis=1)
    rest = values.copy()
    np.put_along_axis(rest, ids, 0.0, axis=1)
    return np.hstack([top, rest.sum(axis=1, keepdims=True)])


@pytest.mark.parametrize("tail", [True, False])
def test_kl_is_that_of_the_k_classes_and_one_tail_bucket_and_a_lower_bound(tmp_path, full, tail):
    p, q = full
    ids = top_k_file(tmp_path / "ref.npz", p, tail=tail, n_classes=CLASSES)
    np.save(tmp_path / "q.npy", q)
    result = compare_samples(
        read_sample_file(tmp_path / "ref.npz"), [read_sample_file(tmp_path / "q.npy")]
    )
    assert result.top_k_lower_bound and not result.llama_kld_rule
    model = result.models[0]
    terms = rel_entr(merged(p, ids), merged(q, ids))
    np.testing.assert_allclose(model.terms.kl, terms.sum(axis=1), rtol=1e-9)
    assert (model.terms.kl <= rel_entr(p, q).sum(axis=1) + 1e-12).all()
    expected_classes = np.zeros(CLASSES)
    np.add.at(expected_classes, ids, terms[:, :K])
    np.testing.assert_allclose(model.class_kl, expected_classes, rtol=1e-9, atol=1e-15)
    assert model.tail_kl == pytest.approx(terms[:, K].sum(), rel=1e-9)
    assert model.same_top == np.mean(p.argmax(axis=1) == q.argmax(axis=1))


def test_with_one_class_in_the_tail_the_bound_is_the_full_kl(tmp_path, full):
    p, q = full
    top_k_file(tmp_path / "ref.npz", p, k=CLASSES - 1, classes=np.array(list("abcdefghi")))
    np.savez(tmp_path / "q.npz", probs=q, classes=np.array(list("abcdefghi")))
    model = compare_samples(
        read_sample_file(tmp_path / "ref.npz"), [read_sample_file(tmp_path / "q.npz")]
    ).models[0]
    np.testing.assert_allclose(model.terms.kl, rel_entr(p, q).sum(axis=1), rtol=1e-9)


def refused(path, candidate) -> str:
    with pytest.raises(FormatError) as caught:
        compare_samples(read_sample_file(path), [read_sample_file(candidate)])
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_malformed_top_k_references_are_refused_where_they_are_wrong(tmp_path, full):
    p, q = full
    ids = top_k_file(tmp_path / "ref.npz", p, n_classes=CLASSES)
    np.save(tmp_path / "q.npy", q)
    top = np.log(np.take_along_axis(p, ids, axis=1))
    tail = 1 - np.exp(top).sum(axis=1)
    twice = ids.copy()
    twice[4, 1] = twice[4, 0]
    np.savez(tmp_path / "twice.npz", topk_ids=twice, topk_logprobs=top, n_classes=CLASSES)
    assert "sample 4 (numbered from 0): a class is listed twice" in refused(
        tmp_path / "twice.npz", tmp_path / "q.npy"
    )
    outside = ids.copy()
    outside[2, 2] = CLASSES
    np.savez(tmp_path / "out.npz", topk_ids=outside, topk_logprobs=top, n_classes=CLASSES)
    assert "sample 2 (numbered from 0): top-k id 9 is not a class" in refused(
        tmp_path / "out.npz", tmp_path / "q.npy"
    )
    short = tail.copy()
    short[5] -= 0.1
    np.savez(
        tmp_path / "short.npz", topk_ids=ids, topk_logprobs=top, tail_mass=short, n_classes=CLASSES
    )
    assert "sample 5 (numbered from 0): the top k and the tail sum to 0.9" in refused(
        tmp_path / "short.npz", tmp_path / "q.npy"
    )
    np.savez(tmp_path / "nok.npz", topk_ids=ids, topk_logprobs=top)
    assert "how many classes there are" in refused(tmp_path / "nok.npz", tmp_path / "q.npy")
    assert "a candidate must give whole distributions" in refused(
        tmp_path / "q.npy", tmp_path / "ref.npz"
    )
