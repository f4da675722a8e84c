"""Memory: every array a reader fills (the probabilities, the line of each text row, the labels
of a labels file) is allocated here, only once it is known to fit, with the arrays allocated
together with it, in the memory available (core.memory: the machine's, or a container's
limit if less); otherwise it is refused, saying what it would take. So an NPZ member that
would inflate far beyond it is refused before it is inflated, a Parquet file of a few
kilobytes that says it holds 10⁸ rows before a row is decoded, a text file by the rows its
size suggests and again as its arrays grow; labels are counted with what mapping them to
classes takes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from core.errors import FormatError
from core.memory import available_memory, readable_size


def allocate(
    arrays: Sequence[tuple[tuple[int, ...], Any]], what: str, path: str
) -> list[np.ndarray]:
    """Empty arrays of these shapes and types, allocated only if together they fit in the
    memory available: every array a reader fills is allocated here. Otherwise FormatError,
    saying what ``what`` would take (numpy would allocate them lazily, and the machine would
    run out of memory or swap only while they fill)."""
    needed = sum(math.prod(shape) * np.dtype(dtype).itemsize for shape, dtype in arrays)
    refuse_beyond_memory(needed, what, path, decompressed=False)
    try:
        return [np.empty(shape, dtype) for shape, dtype in arrays]
    except (MemoryError, ValueError):  # ValueError: more bytes than an address space holds
        raise FormatError(f"not enough memory for {what}", path=path) from None


def refuse_beyond_memory(needed: int, what: str, path: str, *, decompressed: bool) -> None:
    """FormatError, before anything is read or inflated, when ``what`` would take more than
    the memory available: an NPZ member that inflates a thousandfold, a Parquet file whose
    few kilobytes say it holds 10⁸ rows, or a bigger array than the machine holds."""
    available = available_memory()
    if needed > available:
        how = "once decompressed" if decompressed else "in memory"
        raise FormatError(
            f"{what} would take {readable_size(needed)} {how}; only "
            f"{readable_size(available)} of memory is available",
            path=path,
        )


def rows_that_fit(row_bytes: int) -> int:
    """How many rows of ``row_bytes`` bytes the memory available holds."""
    return available_memory() // row_bytes
