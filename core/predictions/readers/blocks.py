"""How many rows the readers take at a time: blocks checked or copied in cache, batches read
from a library.
"""

from __future__ import annotations

BLOCK_VALUES = 256 * 1024  # probabilities checked or copied at a time: 2 MB, stays in cache
#: Probabilities per batch from text or Parquet (4 MB): as fast as more, and the batches
#: polars holds ready for us take little room.
BATCH_VALUES = 500_000


def block_rows(columns: int) -> int:
    """Rows of this many columns in a block of about BLOCK_VALUES values."""
    return max(1, BLOCK_VALUES // max(1, columns))


def batch_rows(columns: int) -> int:
    return max(64, BATCH_VALUES // max(1, columns))
