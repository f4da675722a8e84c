"""Line ends: '\\n' and '\\r\\n' wherever text is read. A carriage return alone (old Mac line
ends) is read as a line end by the table reader, which reads a file whole, and refused by
name, at its line, wherever text is read line by line (prediction files with either engine,
label files, UTF-16 too); nothing else (a form feed, a file separator) ends a line."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.errors import FormatError
from core.formats import read_workspace
from core.predictions import polars_import
from core.predictions.detection import is_prediction_file
from core.predictions.readers import read_predictions

OLD_MAC = (
    "this line holds a carriage return (\\r) that no line feed follows: old Mac line ends "
    "(\\r alone) are not read; save the file with \\n or \\r\\n line ends"
)


@pytest.fixture(params=["polars", "numpy"])
def engine(request, monkeypatch) -> str:
    """Text files are read with polars, or with numpy when polars is not installed."""
    if request.param == "numpy":
        monkeypatch.setattr(polars_import, "import_polars", lambda: None)
    return request.param


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def refused_at(path: Path, line: int, **options) -> None:
    with pytest.raises(FormatError) as caught:
        read_predictions(path, **options)
    assert (caught.value.path, caught.value.line, caught.value.reason) == (
        str(options.get("labels_path", path)),
        line,
        OLD_MAC,
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_prediction_file_with_old_mac_line_ends_is_refused_by_name(
    tmp_path, engine, encoding
):
    path = write(tmp_path / "p.csv", "label,a,b\ra,0.5,0.5\rb,0.25,0.75\r", encoding)
    assert is_prediction_file(path)  # its header says so; the reader says what is wrong
    refused_at(path, 1)


def test_a_lone_carriage_return_later_in_a_file_is_refused_at_its_line(tmp_path, engine):
    text = "label,a,b\r\na,0.5,0.5\r\nb,0.25,0.75\ra,1,0\r\nb,0,1\r\n"
    refused_at(write(tmp_path / "p.csv", text), 3)


def test_a_label_file_with_old_mac_line_ends_is_refused_by_name(tmp_path):
    np.save(tmp_path / "p.npy", np.full((3, 2), 0.5))
    labels = write(tmp_path / "labels.txt", "label\r0\r1\r1\r")
    refused_at(tmp_path / "p.npy", 1, labels_path=labels)


def test_a_table_reads_old_mac_line_ends(tmp_path):
    path = write(tmp_path / "t.csv", "class,P,Q\rdog,0.5,0.25\rcat,0.5,0.75\r")
    assert read_workspace(path).classes == ("dog", "cat")


def test_a_label_file_ends_lines_at_line_feeds_only(tmp_path):
    # A file separator (\x1c) or a form feed inside a line does not end it.
    np.save(tmp_path / "p.npy", np.full((3, 2), 0.5))
    labels = write(tmp_path / "labels.txt", "0\r\n1\x1c0\n1\n")
    with pytest.raises(FormatError) as caught:
        read_predictions(tmp_path / "p.npy", labels_path=labels)
    assert (caught.value.path, caught.value.line) == (str(labels), 2)
    assert caught.value.reason.startswith("label '1\\x1c0' is not a class")
    write(labels, "label\n\n0\x0c\n\n1\r\n 1 \n")  # blank lines; spaces around a label
    (model,) = read_predictions(tmp_path / "p.npy", labels_path=labels)
    assert model.labels.tolist() == [0, 1, 1]
