"""llama.cpp's .kld files: written here byte for byte as llama-perplexity writes them (an
odd vocabulary too), read memory-mapped, KL following llama.cpp's −16 rule against a
straightforward decoding of the bytes, and every malformed file or mismatched pair refused
with a message that says where."""

from __future__ import annotations

import math
import struct
from pathlib import Path

import numpy as np
import pytest

from core.errors import FormatError
from core.sample_distributions import compare_samples, read_sample_file
from core.sample_distributions.divergence_pass import sample_terms
from core.sample_distributions.kld_writer import encode_record, kld_bytes, write_kld

N_CTX, VOCABULARY, CHUNKS = 12, 7, 3  # an odd vocabulary: each record is padded
RECORDS = N_CTX - 1 - N_CTX // 2


def f32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def llama_record(logits: list[float]) -> list[int]:
    """llama.cpp's log_softmax with uint16 output, transcribed op by op in float32 (C's
    float arithmetic, expf summed in double, the nearest_int bit trick)."""
    top = max(logits)
    low = f32(max(min(logits), f32(top - 16)))
    sum_exp = sum(f32(math.exp(f32(value - top))) for value in logits)
    log_sum_exp = f32(math.log(sum_exp))
    min_log_prob = f32(f32(low - top) - log_sum_exp)
    scale = f32(f32(top - low) / f32(65535))
    words = list(struct.unpack("<4H", struct.pack("<2f", scale, min_log_prob)))
    inverse = f32(1 / scale) if scale else 0.0
    for value in logits:
        if scale and value > low:
            shifted = f32(f32(inverse * f32(value - low)) + 12582912.0)
            bits = struct.unpack("<i", struct.pack("<f", shifted))[0]
            words.append((bits & 0x007FFFFF) - 0x00400000)
        else:
            words.append(0)
    return words + [0] * (len(logits) % 2)


def decoded(path: Path) -> tuple[list[list[float]], list[int]]:
    """Each record's log-probabilities and the token it predicts, read with struct."""
    data = path.read_bytes()
    assert data[:8] == b"_logits_"
    n_ctx, vocabulary, chunks = struct.unpack_from("<Iii", data, 8)
    tokens = struct.unpack_from(f"<{n_ctx * chunks}i", data, 20)
    width = 2 * ((vocabulary + 1) // 2) + 4
    offset = 20 + 4 * n_ctx * chunks
    rows, predicted = [], []
    for chunk in range(chunks):
        for record in range(n_ctx - 1 - n_ctx // 2):
            scale, minimum = struct.unpack_from("<2f", data, offset)
            values = struct.unpack_from(f"<{vocabulary}H", data, offset + 8)
            rows.append([scale * value + minimum for value in values])
            predicted.append(tokens[chunk * n_ctx + n_ctx // 2 + 1 + record])
            offset += 2 * width
    assert offset == len(data)
    return rows, predicted


def pair(folder: Path, seed: int = 3) -> tuple[Path, Path, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    tokens = rng.integers(0, VOCABULARY, (CHUNKS, N_CTX))
    logits = rng.normal(0, 4, (CHUNKS, RECORDS, VOCABULARY)).astype(np.float32)
    logits[0, 0, 0] = 40.0  # a peaked row: other classes fall below the −16 floor
    quantised = logits + rng.normal(0, 0.3, logits.shape).astype(np.float32)
    base, candidate = folder / "base.kld", folder / "q4.kld"
    write_kld(base, tokens, logits)
    write_kld(candidate, tokens, quantised)
    return base, candidate, tokens, logits


def test_records_are_written_as_llama_cpp_writes_them():
    rng = np.random.default_rng(0)
    for row in [*rng.normal(0, 5, (20, VOCABULARY)), np.array([0, 1, 2.0]), np.full(5, 3.0)]:
        row = row.astype(np.float32)
        assert encode_record(row).tolist() == llama_record([float(v) for v in row])


def test_an_odd_vocabulary_is_padded_and_the_file_has_the_size_its_header_says(tmp_path):
    base, _, tokens, _ = pair(tmp_path)
    width = 2 * ((VOCABULARY + 1) // 2) + 4
    assert width == VOCABULARY + 5
    assert base.stat().st_size == 20 + 4 * tokens.size + 2 * width * CHUNKS * RECORDS
    sample_set = read_sample_file(base)
    assert sample_set.kind == "kld" and sample_set.samples == CHUNKS * RECORDS
    assert sample_set.class_count == VOCABULARY


def test_kl_follows_llama_cpp_against_the_decoded_bytes(tmp_path):
    base, candidate, _, _ = pair(tmp_path)
    reference_rows, predicted = decoded(base)
    candidate_rows, _ = decoded(candidate)
    expected_kl, expected_same_top, expected_delta_p = [], [], []
    for log_p, log_q, token in zip(reference_rows, candidate_rows, predicted, strict=True):
        expected_kl.append(
            sum(math.exp(a) * (a - b) for a, b in zip(log_p, log_q, strict=True) if a > -16)
        )
        expected_same_top.append(log_p.index(max(log_p)) == log_q.index(max(log_q)))
        expected_delta_p.append(math.exp(log_q[token]) - math.exp(log_p[token]))
    found = sample_terms(read_sample_file(base), read_sample_file(candidate))
    np.testing.assert_allclose(found.kl, expected_kl, rtol=1e-12, atol=1e-15)
    assert found.same_top.tolist() == expected_same_top
    delta_p = np.exp(found.candidate_log_true) - np.exp(found.reference_log_true)
    np.testing.assert_allclose(delta_p, expected_delta_p, rtol=1e-12, atol=1e-15)
    assert any(value <= -16 for value in reference_rows[0])  # the rule was put to work


def test_the_samples_are_labelled_with_the_tokens_they_predict(tmp_path):
    base, _, tokens, _ = pair(tmp_path)
    expected = [tokens[c, N_CTX // 2 + 1 + j] for c in range(CHUNKS) for j in range(RECORDS)]
    assert read_sample_file(base).labels.tolist() == expected


def test_the_decoded_distribution_is_the_log_softmax_of_the_logits_within_a_step(tmp_path):
    base, _, _, logits = pair(tmp_path)
    rows, _ = decoded(base)
    for log_p, row in zip(rows, logits.reshape(-1, VOCABULARY), strict=True):
        exact = row.astype(np.float64) - np.log(np.exp(row - row.max()).sum()) - row.max()
        above = exact > exact.max() - 16
        scale = (row.max() - max(row.min(), row.max() - 16)) / 65535
        assert np.abs(np.array(log_p)[above] - exact[above]).max() <= scale + 1e-5


def refused(path: Path) -> str:
    with pytest.raises(FormatError) as caught:
        read_sample_file(path)
    message = str(caught.value)
    assert "\n" not in message and path.name in message
    return message


def test_a_file_with_another_magic_is_refused(tmp_path):
    path = tmp_path / "other.kld"
    path.write_bytes(b"GGUF" + bytes(100))
    assert "not a llama.cpp .kld file" in refused(path)


def test_a_truncated_file_says_how_many_bytes_it_needs_and_has(tmp_path):
    base, _, _, _ = pair(tmp_path)
    data = base.read_bytes()
    base.write_bytes(data[:-10])
    message = refused(base)
    assert f"needs {len(data):,} bytes" in message and f"has {len(data) - 10:,}" in message


def test_trailing_bytes_and_nonsensical_headers_are_refused(tmp_path):
    base, _, _, _ = pair(tmp_path)
    data = base.read_bytes()
    base.write_bytes(data + b"\0\0")
    assert "2 bytes more than its header" in refused(base)
    for n_ctx, vocabulary, chunks in [(2, 7, 3), (12, 1, 3), (12, 7, 0), (12, -5, 3)]:
        base.write_bytes(b"_logits_" + struct.pack("<Iii", n_ctx, vocabulary, chunks) + data[20:])
        assert "header makes no sense" in refused(base)
    base.write_bytes(b"_logits_" + struct.pack("<Iii", 2**31, 7, 3) + data[20:])
    assert "cut short" in refused(base)


def test_a_token_outside_the_vocabulary_is_refused_where_it_is(tmp_path):
    rng = np.random.default_rng(1)
    tokens = rng.integers(0, VOCABULARY, (CHUNKS, N_CTX))
    tokens[1, N_CTX // 2 + 1] = VOCABULARY + 3
    path = tmp_path / "bad.kld"
    write_kld(path, tokens, rng.normal(size=(CHUNKS, RECORDS, VOCABULARY)))
    assert f"sample {RECORDS} (chunk 1, position {N_CTX // 2})" in refused(path)


def test_a_pair_from_other_tokens_names_the_first_differing_token(tmp_path):
    base, _, tokens, logits = pair(tmp_path)
    other_tokens = tokens.copy()
    other_tokens[2, 5] = (tokens[2, 5] + 1) % VOCABULARY
    other = tmp_path / "other.kld"
    write_kld(other, other_tokens, logits)
    with pytest.raises(FormatError) as caught:
        compare_samples(read_sample_file(base), [read_sample_file(other)])
    assert f"token {2 * N_CTX + 5} (chunk 2, position 5)" in str(caught.value)
    assert "other.kld" in str(caught.value)


def test_a_pair_with_another_vocabulary_or_context_is_refused(tmp_path):
    base, _, tokens, _ = pair(tmp_path)
    rng = np.random.default_rng(2)
    wider = tmp_path / "wider.kld"
    write_kld(wider, tokens, rng.normal(size=(CHUNKS, RECORDS, VOCABULARY + 1)))
    longer = tmp_path / "longer.kld"
    write_kld(
        longer,
        rng.integers(0, VOCABULARY, (CHUNKS - 1, N_CTX + 2)),
        rng.normal(size=(CHUNKS - 1, N_CTX + 1 - (N_CTX + 2) // 2, VOCABULARY)),
    )
    for other, said in [(wider, f"n_vocab {VOCABULARY + 1}"), (longer, f"n_ctx {N_CTX + 2}")]:
        with pytest.raises(FormatError, match="another evaluation") as caught:
            compare_samples(read_sample_file(base), [read_sample_file(other)])
        assert said in str(caught.value)


def test_a_damaged_record_is_refused_with_its_chunk_and_position(tmp_path):
    base, _, tokens, _ = pair(tmp_path)
    data = bytearray(base.read_bytes())
    width = 2 * (VOCABULARY + 5)
    at = 20 + 4 * tokens.size + width * (RECORDS + 2)  # chunk 1, record 2
    for scale in (math.nan, 1.0):  # 1.0: the top token's log-probability would be ~65535
        data[at : at + 4] = struct.pack("<f", scale)
        base.write_bytes(bytes(data))
        with pytest.raises(FormatError) as caught:
            sample_terms(read_sample_file(base), read_sample_file(base))
        assert f"sample {RECORDS + 2} (chunk 1, position {N_CTX // 2 + 2}) is damaged" in str(
            caught.value
        )


def test_kld_bytes_refuses_logits_of_the_wrong_shape():
    with pytest.raises(ValueError, match="need logits of shape"):
        kld_bytes(np.zeros((2, N_CTX), int), np.zeros((2, RECORDS + 1, VOCABULARY)))
