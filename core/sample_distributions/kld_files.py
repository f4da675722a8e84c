"""llama.cpp's ``.kld`` files (``llama-perplexity --kl-divergence-base FILE``): reading them
memory-mapped, and checking that two were made from the same evaluation.

Layout (little-endian), as tools/perplexity/perplexity.cpp writes it:

- 8 bytes ``_logits_``; uint32 n_ctx; int32 n_vocab; int32 n_chunk;
- int32 tokens[n_chunk · n_ctx]: the evaluated text, chunk by chunk;
- for each chunk, n_ctx − 1 − n_ctx/2 records of nv = 2·⌈n_vocab/2⌉ + 4 uint16 each: the
  first four are two float32, scale and min_log_prob, then one uint16 u_i per token of the
  vocabulary (an odd vocabulary is padded by one unused value), and
  ln p_i = scale · u_i + min_log_prob.

Record j of chunk c holds the distribution at position n_ctx/2 + j of the chunk, which
predicts token tokens[c · n_ctx + n_ctx/2 + 1 + j]: sample c · (n_ctx − 1 − n_ctx/2) + j here,
its label that token. Values are decoded in float64 and nothing is renormalised (the
quantisation leaves each row's sum a little off 1, as llama.cpp has it).
"""

from __future__ import annotations

import mmap
import os
from dataclasses import dataclass

import numpy as np

from core.errors import FormatError
from core.formats.regular_files import open_regular, read_error
from core.memory import readable_size
from core.sample_distributions.distribution_rows import Kind
from core.sample_distributions.sample_set import SampleSet

MAGIC = b"_logits_"
_STEPS = 65535.0  # the uint16 steps between min_log_prob and the top token's log-probability
#: Above 0 only by float32 rounding in a file llama.cpp wrote; a record saying more is damaged.
_HIGHEST_LOG_PROBABILITY = 1e-3
HEADER_BYTES = len(MAGIC) + 3 * 4
#: The header's three numbers: n_ctx is unsigned in llama.cpp, n_vocab and n_chunk signed.
HEADER_FIELDS = np.dtype([("n_ctx", "<u4"), ("n_vocab", "<i4"), ("n_chunk", "<i4")])


@dataclass(frozen=True)
class KldHeader:
    """What a .kld file's header says, and the sizes that follow from it."""

    n_ctx: int
    n_vocab: int
    n_chunk: int

    @property
    def records_per_chunk(self) -> int:
        return self.n_ctx - 1 - self.n_ctx // 2

    @property
    def first(self) -> int:
        """The position in a chunk of its first record's distribution."""
        return self.n_ctx // 2

    @property
    def record_values(self) -> int:
        """uint16 values per record: scale and min_log_prob, then the padded vocabulary."""
        return 2 * ((self.n_vocab + 1) // 2) + 4

    @property
    def samples(self) -> int:
        return self.n_chunk * self.records_per_chunk

    @property
    def records_offset(self) -> int:
        return HEADER_BYTES + 4 * self.n_ctx * self.n_chunk

    @property
    def file_bytes(self) -> int:
        return self.records_offset + 2 * self.record_values * self.samples

    def position(self, sample: int) -> str:
        """Where sample ``sample`` comes from, as a message says it."""
        chunk, record = divmod(sample, self.records_per_chunk)
        return f"chunk {chunk}, position {self.first + record}"

    def predicted_positions(self) -> np.ndarray:
        """Index in tokens of the token each sample predicts."""
        chunks = np.arange(self.n_chunk, dtype=np.int64)[:, None] * self.n_ctx
        records = np.arange(self.records_per_chunk, dtype=np.int64)[None, :]
        return (chunks + self.first + 1 + records).ravel()


class KldRows:
    """The records of a .kld file, decoded block by block from its memory map."""

    kind: Kind = "kld"

    def __init__(self, records: np.ndarray, header: KldHeader, path: str) -> None:
        self.records = records  # (samples, record_values) uint16, memory-mapped
        self.header = header
        self.path = path

    @property
    def samples(self) -> int:
        return self.header.samples

    @property
    def class_count(self) -> int:
        return self.header.n_vocab

    @property
    def row_bytes(self) -> int:
        return 2 * self.header.record_values

    def check(self, start: int, stop: int) -> None:
        """Each record's scale and minimum are checked by fill, as it decodes them."""

    def fill(
        self, start: int, stop: int, probabilities: np.ndarray, log_probabilities: np.ndarray
    ) -> np.ndarray:
        block = self.records[start:stop]
        scale, minimum = self._scales(block, start)
        values = block[:, 4 : 4 + self.header.n_vocab]
        np.multiply(values, scale[:, None], out=log_probabilities)
        log_probabilities += minimum[:, None]
        np.exp(log_probabilities, out=probabilities)
        return values.argmax(axis=1)

    def _scales(self, block: np.ndarray, start: int) -> tuple[np.ndarray, np.ndarray]:
        """Each record's scale and min_log_prob (float32 in the file), as float64; a record
        whose scale is not a finite number ≥ 0 or whose minimum is not finite is refused."""
        pairs = np.ascontiguousarray(block[:, :4]).view("<f4").astype(np.float64)
        scale, minimum = pairs[:, 0], pairs[:, 1]
        with np.errstate(invalid="ignore", over="ignore"):
            highest = minimum + scale * _STEPS  # ln p of the top token: −ln Σ exp(l − max) ≤ 0
            bad = ~(np.isfinite(scale) & (scale >= 0) & np.isfinite(highest))
            bad |= highest > _HIGHEST_LOG_PROBABILITY
        if bad.any():
            row = int(np.argmax(bad))
            sample = start + row
            raise FormatError(
                f"sample {sample} ({self.header.position(sample)}) is damaged: scale "
                f"{scale[row]:.6g} and min_log_prob {minimum[row]:.6g} make its largest "
                f"log-probability {highest[row]:.6g} (at most 0)",
                path=self.path,
            )
        return scale, minimum


def read_kld(path: str | os.PathLike[str], name: str | None = None) -> SampleSet:
    """The distributions of a .kld file, memory-mapped (nothing of the records is read until
    the statistics read it), its samples labelled with the tokens they predict. FormatError
    for a file that is not one: wrong magic, a header whose numbers make no sense, a size
    other than the header implies, a predicted token outside the vocabulary."""
    path = os.fspath(path)
    try:
        with open_regular(path) as stream:
            size = stream.size
            if size < HEADER_BYTES:
                raise FormatError(
                    f"not a llama.cpp .kld file: {size} bytes, too short for its header",
                    path=path,
                )
            mapped = mmap.mmap(stream.fileno(), size, access=mmap.ACCESS_READ)
    except OSError as error:
        raise read_error(error, path) from None
    if mapped[: len(MAGIC)] != MAGIC:
        raise FormatError(
            f"not a llama.cpp .kld file: it starts with {bytes(mapped[:8])!r}, not {MAGIC!r}",
            path=path,
        )
    header = _header(mapped, size, path)
    tokens = np.frombuffer(mapped, "<i4", header.n_ctx * header.n_chunk, HEADER_BYTES)
    records = np.frombuffer(
        mapped, "<u2", header.samples * header.record_values, header.records_offset
    ).reshape(header.samples, header.record_values)
    labels = tokens[header.predicted_positions()].astype(np.int64)
    _refuse_tokens_outside(labels, header, path)
    return SampleSet(
        name=name if name is not None else os.path.splitext(os.path.basename(path))[0],
        source=path,
        rows=KldRows(records, header, path),
        classes=tuple(str(token) for token in range(header.n_vocab)),
        labels=labels,
        tokens=tokens.reshape(header.n_chunk, header.n_ctx),
    )


def _header(mapped: mmap.mmap, size: int, path: str) -> KldHeader:
    fields = np.frombuffer(mapped, HEADER_FIELDS, 1, len(MAGIC))[0]
    header = KldHeader(int(fields["n_ctx"]), int(fields["n_vocab"]), int(fields["n_chunk"]))
    said = f"n_ctx {header.n_ctx}, n_vocab {header.n_vocab}, n_chunk {header.n_chunk}"
    if header.n_ctx < 3 or header.n_vocab < 2 or header.n_chunk < 1:
        raise FormatError(
            f"the header makes no sense ({said}): a context of at least 3 tokens, a vocabulary "
            "of at least 2 and at least 1 chunk are needed",
            path=path,
        )
    expected = header.file_bytes
    if size < expected:
        raise FormatError(
            f"the file is cut short: its header ({said}) needs {expected:,} bytes "
            f"({readable_size(expected)}); the file has {size:,}",
            path=path,
        )
    if size > expected:
        raise FormatError(
            f"the file has {size - expected:,} bytes more than its header ({said}) accounts "
            f"for ({expected:,} bytes): not one .kld file",
            path=path,
        )
    return header


def _refuse_tokens_outside(labels: np.ndarray, header: KldHeader, path: str) -> None:
    outside = (labels < 0) | (labels >= header.n_vocab)
    if outside.any():
        sample = int(np.argmax(outside))
        raise FormatError(
            f"sample {sample} ({header.position(sample)}) predicts token {labels[sample]}, "
            f"outside the vocabulary of {header.n_vocab}",
            path=path,
        )


def refuse_other_evaluation(reference: SampleSet, candidate: SampleSet) -> None:
    """FormatError unless two .kld files come from the same evaluation: the same context,
    vocabulary, chunks and tokens (the first differing token is named)."""
    if reference.tokens is None or candidate.tokens is None:
        return
    ours, theirs = reference.tokens, candidate.tokens
    if ours.shape != theirs.shape or reference.class_count != candidate.class_count:
        raise FormatError(
            f"made from another evaluation than the reference {reference.source!r}: "
            f"{_sizes(candidate)} against {_sizes(reference)}",
            path=candidate.source,
        )
    differ = ours != theirs
    if differ.any():
        chunk, position = (int(index) for index in np.argwhere(differ)[0])
        raise FormatError(
            f"made from other tokens than the reference {reference.source!r}: token "
            f"{chunk * ours.shape[1] + position} (chunk {chunk}, position {position}) is "
            f"{theirs[chunk, position]} here and {ours[chunk, position]} there",
            path=candidate.source,
        )


def _sizes(sample_set: SampleSet) -> str:
    chunks, context = sample_set.tokens.shape  # type: ignore[union-attr]
    return f"n_ctx {context}, n_vocab {sample_set.class_count}, n_chunk {chunks}"
