"""Writing llama.cpp's ``.kld`` files from logits, with llama.cpp's own float32 arithmetic
(tools/perplexity/perplexity.cpp, ``log_softmax`` with uint16 output), so that a file
written here decodes as one ``llama-perplexity --kl-divergence-base`` would have written:

    max, min = the row's largest and smallest logit; min = max(min, max − 16)
    log_sum_exp = ln Σ_i exp(l_i − max)       (exps in float32, summed in float64)
    min_log_prob = min − max − log_sum_exp;  scale = (max − min) / 65535
    u_i = round((l_i − min) / scale) where l_i > min, else 0   (all 0 where scale is 0)

Used by the tests and the sample generators; see kld_files for the layout.
"""

from __future__ import annotations

import os

import numpy as np

from core.formats.atomic_write import write_atomically
from core.sample_distributions.kld_files import HEADER_FIELDS, MAGIC, KldHeader

_FLOOR = np.float32(16)  # llama.cpp keeps 16 nats of log-probability below the top
_STEPS = np.float32(65535)


def encode_record(logits: np.ndarray) -> np.ndarray:
    """One record (record_values uint16) for one row of float32 logits."""
    row = np.asarray(logits, dtype=np.float32)
    vocabulary = row.size
    record = np.zeros(2 * ((vocabulary + 1) // 2) + 4, dtype="<u2")
    top = row.max()
    low = max(row.min(), np.float32(top - _FLOOR))
    sum_exp = np.exp(row - top).astype(np.float64).sum()
    log_sum_exp = np.float32(np.log(sum_exp))
    min_log_prob = np.float32(np.float32(low - top) - log_sum_exp)
    scale = np.float32((top - low) / _STEPS)
    record[:4] = np.array([scale, min_log_prob], dtype="<f4").view("<u2")
    if scale:
        inverse = np.float32(np.float32(1) / scale)
        steps = np.rint(inverse * (row - low)).astype(np.int64)  # float32 rounds like C's
        record[4 : 4 + vocabulary] = np.where(row > low, steps, 0).astype(np.uint16)
    return record


def kld_bytes(tokens: np.ndarray, logits: np.ndarray) -> bytes:
    """A .kld file's bytes: ``tokens`` (n_chunk × n_ctx int32) and, per chunk, the logits
    of its records (n_chunk × (n_ctx − 1 − n_ctx/2) × n_vocab)."""
    tokens = np.asarray(tokens, dtype="<i4")
    logits = np.asarray(logits, dtype=np.float32)
    chunks, context = tokens.shape
    header = KldHeader(context, logits.shape[2], chunks)
    if logits.shape[:2] != (chunks, header.records_per_chunk):
        raise ValueError(
            f"{chunks} chunks of {context} tokens need logits of shape "
            f"({chunks}, {header.records_per_chunk}, n_vocab), not {logits.shape}"
        )
    head = np.array([(context, header.n_vocab, chunks)], dtype=HEADER_FIELDS)
    records = [encode_record(row) for row in logits.reshape(-1, header.n_vocab)]
    return MAGIC + head.tobytes() + tokens.tobytes() + b"".join(r.tobytes() for r in records)


def write_kld(path: str | os.PathLike[str], tokens: np.ndarray, logits: np.ndarray) -> None:
    """Write a .kld file (see kld_bytes) at ``path``, atomically."""
    write_atomically(path, kld_bytes(tokens, logits))
