"""Text files of labels, one per line (the labels of a ``.npy`` file, or of a ``.npz`` without
``labels``), ended as text files are (core.formats.text_files), with an optional header
(``label``). A text file of labels is read no further than a label beyond the rows, and is
bounded: 2 GB a file, 1 MB a label.
"""

from __future__ import annotations

import numpy as np

from core.errors import FormatError
from core.formats.regular_files import open_regular, read_error
from core.formats.text_files import (
    file_encoding,
    text_lines,
)
from core.memory import readable_size
from core.predictions.model_predictions import (
    LABEL_COLUMNS,
)
from core.predictions.readers.allocation import allocate
from core.predictions.readers.labels import MAX_NAME_BYTES, Labels
from core.predictions.readers.row_checks import (
    Where,
)

_MAX_LABEL_FILE_BYTES = 2 * 1000**3  # a text file of labels, one per line


def read_label_text(path: str, rows: int) -> tuple[Labels, Where]:
    """Labels from text, one a line (lines end as text_lines ends them), read line by line:
    blank lines are skipped, a first line 'label' (or another of LABEL_COLUMNS) is a header,
    and a label in double quotes loses them. The first ``rows`` labels are kept, as the
    position of each among the distinct labels; reading stops at a label beyond them."""
    inverse, lines = allocate(
        [((rows,), np.int64), ((rows,), np.int64)], f"the labels of {rows:,} rows", path
    )
    distinct: dict[str, int] = {}
    count = 0
    beyond = None  # the line of a label beyond the rows
    first = True  # the first line that is not blank: it may be a header
    try:
        with open_regular(path) as stream:
            if stream.size > _MAX_LABEL_FILE_BYTES:
                raise FormatError(
                    f"the file is {readable_size(stream.size)}; too large for a file of "
                    f"labels (at most {readable_size(_MAX_LABEL_FILE_BYTES)})",
                    path=path,
                )
            encoding = file_encoding(stream, path, _LABEL_FILE)
            for number, text in enumerate(text_lines(stream, encoding, path, MAX_NAME_BYTES), 1):
                label = text.strip()
                if not label:
                    continue
                if first:
                    first = False
                    if _is_label_header(label):
                        continue
                if len(label) >= 2 and label[0] == label[-1] == '"':
                    label = label[1:-1].strip()
                if not label:
                    raise FormatError("no true label", path=path, line=number)
                if count == rows:
                    beyond = number
                    break
                inverse[count] = distinct.setdefault(label, len(distinct))
                lines[count] = number
                count += 1
    except OSError as error:
        raise read_error(error, path) from None
    labels = Labels(list(distinct), inverse[:count], count, beyond)
    return labels, Where(path, lines[:count])


def refuse_other_label_count(
    labels: np.ndarray | Labels, rows: int, labels_path: str, path: str
) -> None:
    """FormatError unless the file of labels at ``labels_path`` gave one label a row."""
    beyond = labels.beyond if isinstance(labels, Labels) else None
    if beyond is not None:
        raise FormatError(
            f"{rows} rows of probabilities but more labels in {labels_path}: label "
            f"{rows + 1} is on line {beyond}",
            path=path,
        )
    if len(labels) != rows:
        raise FormatError(
            f"{rows} rows of probabilities but {len(labels)} labels in {labels_path}", path=path
        )


#: What a file of labels may be, as a message says it.
_LABEL_FILE = "a file of labels: give an .npy array, or text with one label per line"


def _is_label_header(text: str) -> bool:
    return text.strip('"').casefold() in LABEL_COLUMNS
