"""UTF-16 text with a byte-order mark (Excel's "Unicode text": tab-separated UTF-16 LE) is read
wherever text is read: distribution tables, prediction files, label files, detection; UTF-16
without a mark is named as such, and undecodable UTF-16 is placed at its line."""

from __future__ import annotations

import codecs
from pathlib import Path

import numpy as np
import pytest

from core.errors import FormatError
from core.formats import read_workspace
from core.predictions import polars_import
from core.predictions.detection import header_columns, is_prediction_file
from core.predictions.readers import blocks, read_predictions

BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
TABLE = "class\t참값\t모델 A\r\n고양이\t0.5\t0.25\r\n개\t0.5\t0.75\r\n"
PREDICTIONS = 'id\tlabel\t고양이\t"개"\r\n0\t고양이\t0.75\t0.25\r\n1\t개\t"0.5"\t0.5\r\n'


@pytest.fixture(params=["polars", "numpy"])
def engine(request, monkeypatch) -> str:
    if request.param == "numpy":
        monkeypatch.setattr(polars_import, "import_polars", lambda: None)
    return request.param


def utf16(path: Path, text: str, codec: str = "utf-16-le", mark: bool = True) -> Path:
    path.write_bytes((BOMS[codec] if mark else b"") + text.encode(codec))
    return path


@pytest.mark.parametrize("codec", BOMS)
def test_a_distribution_table_in_utf16_reads_as_in_utf8(tmp_path, codec):
    expected = read_workspace(write_utf8(tmp_path / "utf8.txt", TABLE))
    workspace = read_workspace(utf16(tmp_path / "unicode.txt", TABLE, codec))
    assert workspace == expected
    assert workspace.classes == ("고양이", "개")
    assert workspace.names == ("참값", "모델 A")


@pytest.mark.parametrize("codec", BOMS)
def test_a_prediction_file_in_utf16_reads_as_in_utf8(tmp_path, engine, codec):
    (expected,) = read_predictions(write_utf8(tmp_path / "model.csv", PREDICTIONS))
    (model,) = read_predictions(utf16(tmp_path / "model.txt", PREDICTIONS, codec))
    assert model.classes == expected.classes == ("고양이", "개")
    assert model.labels.tolist() == expected.labels.tolist() == [0, 1]
    assert model.probabilities.tolist() == expected.probabilities.tolist()


@pytest.mark.parametrize("codec", BOMS)
def test_a_label_file_in_utf16_reads_as_in_utf8(tmp_path, codec):
    probabilities = np.array([[0.5, 0.5], [0.25, 0.75]])
    np.savez(tmp_path / "p.npz", probs=probabilities, classes=["고양이", "개"])
    labels = utf16(tmp_path / "labels.txt", "label\r\n개\r\n고양이\r\n", codec)
    (model,) = read_predictions(tmp_path / "p.npz", labels_path=labels)
    assert model.labels.tolist() == [1, 0]


@pytest.mark.parametrize("codec", BOMS)
def test_detection_reads_utf16_headers(tmp_path, codec):
    path = utf16(tmp_path / "model.csv", PREDICTIONS, codec)
    assert header_columns(path) == ["id", "label", "고양이", "개"]
    assert is_prediction_file(path)


LATIN_TABLE = "class\tP\tA\r\ncat\t0.5\t0.25\r\ndog\t0.5\t0.75\r\n"


@pytest.mark.parametrize("codec", BOMS)
@pytest.mark.parametrize(
    "text", [LATIN_TABLE, TABLE, PREDICTIONS], ids=["latin", "korean", "predictions"]
)
def test_utf16_without_a_byte_order_mark_is_named_not_called_binary(tmp_path, codec, text):
    """Told by its structure, whatever its letters (Korean ones are not NUL and ASCII)."""
    path = utf16(tmp_path / "t.txt", text, codec, mark=False)
    for read in (read_workspace, read_predictions):
        with pytest.raises(FormatError) as caught:
            read(path)
        assert "UTF-16 text without a byte-order mark" in caught.value.reason
        assert "binary" not in caught.value.reason


@pytest.mark.parametrize("seed", range(20))
def test_binary_data_with_nul_bytes_is_still_called_binary(tmp_path, seed):
    data = np.random.default_rng(seed).integers(0, 256, 4096, dtype=np.uint8).tobytes()
    path = tmp_path / "t.txt"
    path.write_bytes(b"\x00" + data)
    with pytest.raises(FormatError) as caught:
        read_workspace(path)
    assert caught.value.reason == "this is a binary file, not a text table"


def test_undecodable_utf16_is_placed_at_its_line(tmp_path, engine):
    lone_surrogate = "\udc00".encode("utf-16-le", "surrogatepass")
    for text, read in ((TABLE, read_workspace), (PREDICTIONS, read_predictions)):
        lines = text.encode("utf-16-le").split("\n".encode("utf-16-le"))
        lines[2] = lines[2][:4] + lone_surrogate + lines[2][4:]
        path = tmp_path / "broken.txt"
        path.write_bytes(codecs.BOM_UTF16_LE + "\n".encode("utf-16-le").join(lines))
        with pytest.raises(FormatError) as caught:
            read(path)
        assert (caught.value.line, caught.value.column) == (3, 3)
        assert "not valid UTF-16" in caught.value.reason


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("1\t개\t0.5\toops", "'oops' is not a number"),
        ('1\t개\t"0.5\t0.5', "quoted field runs on"),
        ("1\t개\t1e-400\t1", "too small for a double"),
    ],
)
def test_problems_in_utf16_prediction_files_are_found_at_their_line(tmp_path, row, words):
    text = PREDICTIONS.rsplit("\r\n", 2)[0] + f"\r\n{row}\r\n2\t개\t0.5\t0.5\r\n"
    with pytest.raises(FormatError) as caught:
        read_predictions(utf16(tmp_path / "model.txt", text))
    assert caught.value.line == 3
    assert words in caught.value.reason


def write_utf8(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_a_cp949_file_whose_header_is_ascii_reads_as_cp949(tmp_path, engine, monkeypatch):
    """The encoding is the whole file's, as for tables and labels: not the header line's."""
    monkeypatch.setattr(blocks, "BATCH_VALUES", 20)  # batches of 64 rows: polars reads some
    rows = ["x,b,0.5,0.5"] * 100 + ["고양이,a,0.25,0.75", "개,b,0.5,0.5"]
    path = tmp_path / "model.csv"
    path.write_bytes("\n".join(["sample,label,a,b", *rows, ""]).encode("cp949"))
    (model,) = read_predictions(path)
    assert model.samples == 102
    assert model.labels.tolist()[-2:] == [0, 1]
    assert model.probabilities[-2].tolist() == [0.25, 0.75]
