"""A polars query's result in batches, and only if it reached its end.

polars is imported on first use (never at start-up; without its Ctrl+C handler and with CSV
read ahead in 8 MB, see core.predictions.polars_import). If polars ends a read before the
end of the file (as its Ctrl+C handler would), the read is refused: no read is taken for the
whole file unless it reached the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from core.predictions.readers.messages import first_line

if TYPE_CHECKING:
    import polars


class PolarsFailed(Exception):
    """polars could not read on; its message, shortened, is the exception's text."""


#: A column of the row that batches appends after a query's rows to see them all come.
_END = "__kl_explorer_end__"


def batches(pl: Any, query: polars.LazyFrame, rows: int) -> Iterator[polars.DataFrame]:
    """The query's result in batches of about ``rows`` rows, in order; PolarsFailed if
    polars fails or stops early. Closing the iterator early (an error, a cancel) drops the
    query, which stops it.

    A query that polars stops (its own Ctrl+C handler does, see core.predictions.polars_import)
    does not fail: its batches just end. So a row is appended after the query's rows, and
    batches that end before it are refused: no read is ever taken for a whole file unless
    it reached the end."""
    errors = (Exception, pl.exceptions.PanicException)  # a panic is a BaseException
    end = pl.LazyFrame({_END: [True]})  # its other columns null ("diagonal")
    marked = pl.concat([query.with_columns(pl.lit(False).alias(_END)), end], how="diagonal")
    try:
        if hasattr(marked, "collect_batches"):
            source = iter(marked.collect_batches(chunk_size=rows))
        else:  # polars < 1.34 streams no batches: read it all, hand out slices (more memory)
            source = marked.collect().iter_slices(rows)
    except errors as error:
        raise PolarsFailed(first_line(error)) from None
    while True:
        try:
            batch = next(source)
        except StopIteration:
            raise PolarsFailed("polars stopped before its end") from None
        except errors as error:
            raise PolarsFailed(first_line(error)) from None
        end = batch.drop_in_place(_END)
        if batch.height and end[-1]:  # the appended row: every row of the query came
            if batch.height > 1:
                yield batch.head(batch.height - 1)
            return
        yield batch
