"""One blocked pass over a reference and a candidate: every per-sample figure the statistics
need, and each class's share of the KL.

Rows are taken in blocks of about BLOCK_BYTES of the files (as core.predictions.evaluation
does), each block in cache-sized sub-blocks converted to float64; the blocks go to up to two
threads (numpy releases the GIL in its loops), and their results are put together in block
order, so the figures do not depend on the number of threads. A block is a pure function of
the two files and its row range (block_terms), so another engine (issue 14: Dask, out of
core) can compute blocks anywhere and combine them with SampleTerms.combine.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from core.predictions.evaluation import BLOCK_BYTES
from core.predictions.model_predictions import (
    Cancelled,
    IsCancelled,
    Progress,
    never_cancelled,
    no_progress,
)
from core.predictions.readers.allocation import allocate
from core.sample_distributions.divergence_terms import row_terms, workspace
from core.sample_distributions.sample_set import SampleSet
from core.sample_distributions.top_k import TopKRows

#: float64 values of each buffer of a sub-block (512 kB): the fastest size measured here
#: (smaller ones pay numpy's overhead per call more often, larger ones leave the cache).
SUB_BLOCK_VALUES = 64 * 1024
#: llama.cpp leaves out of KL the classes whose reference log-probability is ≤ this.
KLD_SKIP_BELOW = -16.0
WORKERS = min(2, os.cpu_count() or 1)


@dataclass(frozen=True, eq=False)
class BlockTerms:
    """The figures of rows start..start + len(kl) (see SampleTerms)."""

    start: int
    kl: np.ndarray
    reverse_kl: np.ndarray
    js: np.ndarray
    entropy: np.ndarray
    same_top: np.ndarray
    reference_log_true: np.ndarray | None
    candidate_log_true: np.ndarray | None
    class_kl: np.ndarray
    tail_kl: float = 0.0


@dataclass(frozen=True, eq=False)
class SampleTerms:
    """Per-sample figures of a candidate against the reference, in nats (see
    divergence_terms for the definitions): KL(P‖Q), KL(Q‖P), JS and H(P) per sample,
    whether the two put their largest probability on the same class, and with labels
    ln p(true) and ln q(true); ``class_kl`` sums each class's KL terms over all samples
    (``tail_kl``: the tail buckets' of a top-k reference, which belong to no one class)."""

    kl: np.ndarray
    reverse_kl: np.ndarray
    js: np.ndarray
    entropy: np.ndarray
    same_top: np.ndarray
    reference_log_true: np.ndarray | None
    candidate_log_true: np.ndarray | None
    class_kl: np.ndarray
    tail_kl: float = 0.0

    @property
    def cross_entropy(self) -> np.ndarray:
        return self.entropy + self.kl

    @classmethod
    def combine(cls, blocks: Sequence[BlockTerms], samples: int, source: str) -> SampleTerms:
        """The figures of all samples from blocks covering them (in any order: the class
        sums are added in row order, so they do not depend on the order of completion)."""
        combined = _allocated(samples, blocks[0].reference_log_true is not None, source)
        class_kl = np.zeros_like(blocks[0].class_kl)
        tail_kl = 0.0
        for block in sorted(blocks, key=lambda block: block.start):
            _place(combined, block)
            class_kl += block.class_kl
            tail_kl += block.tail_kl
        return cls(**combined, class_kl=class_kl, tail_kl=tail_kl)


def skip_below(reference: SampleSet) -> float | None:
    """llama.cpp's −16 rule for a .kld reference; none for any other (exact KL)."""
    return KLD_SKIP_BELOW if reference.kind == "kld" else None


def block_rows(reference: SampleSet, candidate: SampleSet) -> int:
    """Rows of a block: about BLOCK_BYTES of the wider file."""
    row_bytes = max(reference.rows.row_bytes, candidate.rows.row_bytes)
    return max(1, BLOCK_BYTES // row_bytes)


def block_terms(reference: SampleSet, candidate: SampleSet, start: int, stop: int) -> BlockTerms:
    """The figures of rows start..stop (FormatError for a bad row of either file). Each
    row's figures depend on that row alone (divergence_terms sums row by row), so they are
    the same bits whatever the blocks and sub-blocks."""
    classes = reference.class_count
    top_k = reference.rows if isinstance(reference.rows, TopKRows) else None
    width = classes if top_k is None else top_k.width  # the reference's columns
    rows_at_once = max(1, SUB_BLOCK_VALUES // classes)
    labels = reference.labels
    count = stop - start
    out = {name: np.empty(count) for name in ("kl", "reverse_kl", "js", "entropy")}
    same_top = np.empty(count, dtype=bool)
    log_true = None if labels is None else (np.empty(count), np.empty(count))
    class_kl = np.zeros(classes)
    tail_kl = 0.0
    room = min(rows_at_once, count)
    p_buffers = [np.empty((room, width)) for _ in range(2)]
    q_buffers = [np.empty((room, classes)) for _ in range(2)]
    merged_buffers = [np.empty((room, width)) for _ in range(2)] if top_k else []
    scratch_room = workspace(room, width)
    reference.rows.check(start, stop)
    candidate.rows.check(start, stop)
    for first in range(start, stop, rows_at_once):
        last = min(first + rows_at_once, stop)
        p, log_p = (buffer[: last - first] for buffer in p_buffers)
        q, log_q = (buffer[: last - first] for buffer in q_buffers)
        reference_top = reference.rows.fill(first, last, p, log_p)
        candidate_top = candidate.rows.fill(first, last, q, log_q)
        if top_k is not None:
            merged, merged_log = (buffer[: last - first] for buffer in merged_buffers)
            top_k.merge(first, last, q, log_q, merged, merged_log)
            q, log_q = merged, merged_log
        terms = row_terms(p, log_p, q, log_q, skip_below(reference), scratch_room)
        here = slice(first - start, last - start)
        for name in out:
            out[name][here] = getattr(terms, name)
        same_top[here] = reference_top == candidate_top
        if top_k is None:
            class_kl += terms.class_kl
        else:
            sums, tail = top_k.class_sums(first, last, terms.terms)
            class_kl += sums
            tail_kl += tail
        if log_true is not None:
            rows = np.arange(last - first)
            true = labels[first:last]  # type: ignore[index]
            log_true[0][here] = log_p[rows, true]
            log_true[1][here] = log_q[rows, true]
    return BlockTerms(
        start,
        **out,
        same_top=same_top,
        reference_log_true=None if log_true is None else log_true[0],
        candidate_log_true=None if log_true is None else log_true[1],
        class_kl=class_kl,
        tail_kl=tail_kl,
    )


def sample_terms(
    reference: SampleSet,
    candidate: SampleSet,
    *,
    workers: int = WORKERS,
    progress: Progress = no_progress,
    is_cancelled: IsCancelled = never_cancelled,
) -> SampleTerms:
    """Every per-sample figure of ``candidate`` against ``reference`` in one pass over
    both files (see the module). ``progress`` gets fractions of the work done,
    ``is_cancelled`` is polled between blocks (True raises Cancelled)."""
    samples = reference.samples
    rows = block_rows(reference, candidate)
    combined = _allocated(samples, reference.labels is not None, candidate.source)
    class_kl = np.zeros(reference.class_count)
    tail_kl = 0.0
    starts = iter(range(0, samples, rows))
    pending: deque[Future[BlockTerms]] = deque()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        try:
            while True:
                while len(pending) < 2 * max(1, workers):
                    start = next(starts, None)
                    if start is None:
                        break
                    stop = min(start + rows, samples)
                    pending.append(pool.submit(block_terms, reference, candidate, start, stop))
                if not pending:
                    break
                block = pending.popleft().result()  # in row order: the first bad row first
                _place(combined, block)
                class_kl += block.class_kl
                tail_kl += block.tail_kl
                progress((block.start + len(block.kl)) / samples)
                if is_cancelled():
                    raise Cancelled
        finally:
            for future in pending:
                future.cancel()
    return SampleTerms(**combined, class_kl=class_kl, tail_kl=tail_kl)


def _allocated(samples: int, labelled: bool, source: str) -> dict[str, np.ndarray | None]:
    """The per-sample arrays, allocated once they are known to fit in memory."""
    names = ["kl", "reverse_kl", "js", "entropy"]
    if labelled:
        names += ["reference_log_true", "candidate_log_true"]
    shapes = [((samples,), np.float64) for _ in names] + [((samples,), np.bool_)]
    arrays = allocate(shapes, "the per-sample figures", source)
    combined: dict[str, np.ndarray | None] = dict(zip(names, arrays[:-1], strict=True))
    combined["same_top"] = arrays[-1]
    combined.setdefault("reference_log_true", None)
    combined.setdefault("candidate_log_true", None)
    return combined


def _place(combined: dict[str, np.ndarray | None], block: BlockTerms) -> None:
    here = slice(block.start, block.start + len(block.kl))
    for name, target in combined.items():
        if target is not None:
            target[here] = getattr(block, name)
