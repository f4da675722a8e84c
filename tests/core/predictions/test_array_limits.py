"""Prediction files are read within what they need and what the machine holds: an archive
member that would inflate beyond the memory available is refused before it is inflated, the
arrays every reader fills (.npy, .npz, Parquet, text) are refused before they are filled if
they would not fit, and an array of Python objects is refused without unpickling anything,
wherever arrays are read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from core.errors import FormatError
from core.memory import available_memory
from core.predictions import polars_import
from core.predictions.readers import allocation, arrays, read_predictions, text_header

MB = 1000**2


def npy_bytes(array_header: dict, data: bytes = b"") -> bytes:
    """A .npy file (version 1.0) with this header and data."""
    header = repr(array_header).encode("latin-1")
    header += b" " * (63 - (10 + len(header)) % 64) + b"\n"  # align the data to 64 bytes
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header + data


def array_bytes(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    np.save(out, array)
    return out.getvalue()


def write_member(archive: zipfile.ZipFile, name: str, array_header: dict, zeros: int) -> None:
    """A member whose data is ``zeros`` zero bytes, deflated (a thousandfold smaller)."""
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as member:
        member.write(npy_bytes(array_header))
        block = bytes(MB)
        for _ in range(zeros // MB):
            member.write(block)
        member.write(bytes(zeros % MB))


def archive_of(path: Path, **members: np.ndarray) -> Path:
    np.savez_compressed(path, **members)
    return path


@pytest.fixture
def memory(monkeypatch):
    """Set the memory available, as the readers see it."""

    def set_available(count: int) -> None:
        monkeypatch.setattr(allocation, "available_memory", lambda: count)

    return set_available


def test_an_npz_member_that_would_inflate_beyond_memory_is_refused_before_inflating(
    tmp_path, memory
):
    path = tmp_path / "bomb.npz"
    with zipfile.ZipFile(path, "w") as archive:
        # 64 MB of float64 zeros: 4 million rows of two classes.
        header = {"descr": "<f8", "fortran_order": False, "shape": (4 * MB, 2)}
        write_member(archive, "probs.npy", header, 64 * MB)
        labels = array_bytes(np.zeros(4 * MB, dtype=np.int8))
        archive.writestr("labels.npy", labels, zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < MB // 4  # a 250-fold bomb at least
    memory(16 * MB)
    with pytest.raises(FormatError) as caught:
        read_predictions(path)
    assert caught.value.path == str(path)
    assert caught.value.reason == (
        "'probs' would take 64.0 MB once decompressed; only 16.0 MB of memory is available"
    )


@pytest.mark.parametrize("member", ["labels", "classes"])
def test_labels_and_classes_are_checked_against_probs_before_they_are_inflated(
    tmp_path, memory, member
):
    path = tmp_path / "bomb.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("probs.npy", array_bytes(np.full((2, 2), 0.5)))
        if member == "classes":
            archive.writestr("labels.npy", array_bytes(np.array([0, 1])))
        header = {"descr": "<i8", "fortran_order": False, "shape": (8 * MB,)}
        write_member(archive, f"{member}.npy", header, 64 * MB)
    for available in (16 * MB, available_memory()):  # what the format needs says no first
        memory(available)
        with pytest.raises(FormatError) as caught:
            read_predictions(path)
        assert caught.value.reason == (
            "'probs' has 2 rows but there are 8000000 labels in 'labels'"
            if member == "labels"
            else "'classes' has shape (8000000,) but 'probs' has 2 class columns"
        )


def test_classes_that_would_not_fit_are_refused_before_they_are_inflated(tmp_path, memory):
    path = tmp_path / "bomb.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("probs.npy", array_bytes(np.full((2, 2), 0.5)))
        archive.writestr("labels.npy", array_bytes(np.array([0, 1])))
        header = {"descr": "<U250000", "fortran_order": False, "shape": (2,)}
        write_member(archive, "classes.npy", header, 2 * MB)
    memory(MB)
    with pytest.raises(FormatError) as caught:
        read_predictions(path)
    assert caught.value.reason == (
        "'classes' would take 2.0 MB once decompressed; only 1.0 MB of memory is available"
    )


def test_labels_are_checked_with_the_memory_that_mapping_them_to_classes_takes(tmp_path, memory):
    """Mapping labels to classes sorts a copy of them, with an index or two for each: 8
    MB of int64 labels take 48 MB."""
    path = tmp_path / "bomb.npz"
    with zipfile.ZipFile(path, "w") as archive:
        header = {"descr": "<f8", "fortran_order": False, "shape": (MB, 2)}
        write_member(archive, "probs.npy", header, 16 * MB)
        write_member(archive, "labels.npy", {**header, "descr": "<i8", "shape": (MB,)}, 8 * MB)
    memory(40 * MB)  # enough for the probabilities (16 MB) and the labels alone (8 MB)
    with pytest.raises(FormatError) as caught:
        read_predictions(path)
    assert caught.value.reason == (
        "'labels' would take 48.0 MB in memory; only 40.0 MB of memory is available"
    )


@pytest.mark.parametrize("place", ["labels", "labels file"])
def test_labels_of_a_type_far_wider_than_any_class_name_take_no_more_than_the_names_need(
    tmp_path, memory, place
):
    """Labels each given room for 20,000 characters (16 MB for 200, and as much again to map
    them) are read in blocks, each label held no wider than a class name or a number may
    need; one with no text, or too long to name a class, is refused where it is."""
    labels = np.array(["cat", " dog "] * 100, dtype="U20000")
    cases = {
        "valid": (labels, None),
        "empty": (np.concatenate([labels[:150], np.zeros(50, "U20000")]), 150),
        "too long": (np.concatenate([labels[:-1], ["x" * 20_000]]), 199),
    }
    for case, (values, sample) in cases.items():
        path, labels_path = tmp_path / f"{case}.npz", None
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("probs.npy", array_bytes(np.full((200, 2), 0.5)))
            archive.writestr("classes.npy", array_bytes(np.array(["dog", "cat"])))
            if place == "labels file":
                labels_path = tmp_path / f"{case}.npy"
                np.save(labels_path, values)
            else:
                archive.writestr("labels.npy", array_bytes(values))
        memory(MB)  # far less than the 16 MB the type gives the labels
        if sample is None:
            [model] = read_predictions(path, labels_path=labels_path)
            assert model.labels.tolist() == [1, 0] * 100
            continue
        with pytest.raises(FormatError) as caught:
            read_predictions(path, labels_path=labels_path)
        assert caught.value.reason == (
            "sample 150 (numbered from 0): no true label"
            if case == "empty"
            else "sample 199 (numbered from 0): label 'xxxxxxxxxxxxxxxxxxxx…xxxxxxxxxxxxxxxxxxx' "
            "is 20,000 characters long: too long to name a class (the longest class name has 3)"
        )


def test_the_array_the_probabilities_fill_must_fit_as_well(tmp_path, memory):
    # float16 on disk, held as float32: twice the room of the member itself.
    probabilities = np.full((1000, 4), 0.25, dtype=np.float16)
    path = archive_of(tmp_path / "half.npz", probs=probabilities, labels=np.zeros(1000, int))
    memory(12_000)
    with pytest.raises(FormatError) as caught:
        read_predictions(path)
    assert caught.value.reason == (
        "'probs' would take 16.0 kB once decompressed; only 12.0 kB of memory is available"
    )
    memory(64_000)  # and the labels, with what mapping them to classes takes
    assert read_predictions(path)[0].probabilities.dtype == np.float32


def test_an_npy_bigger_than_the_memory_available_is_refused_before_it_is_read(
    tmp_path, memory
):
    np.save(tmp_path / "p.npy", np.full((1000, 2), 0.5))
    (tmp_path / "labels.txt").write_text("0\n" * 1000, encoding="utf-8")
    memory(12_000)
    with pytest.raises(FormatError) as caught:
        read_predictions(tmp_path / "p.npy", labels_path=tmp_path / "labels.txt")
    assert caught.value.reason == (
        "the array would take 16.0 kB in memory; only 12.0 kB of memory is available"
    )


@pytest.mark.parametrize("place", ["classes", "labels", "labels file"])
def test_a_name_may_take_at_most_a_megabyte(tmp_path, place):
    # U300000: every string given 1.2 MB (U1000000000 would be 4 GB a name).
    names = np.array(["a", "b"], dtype="U300000")
    members = {"probs": np.full((2, 2), 0.5), "labels": np.array([0, 1])}
    labels_path = None
    if place == "labels file":
        labels_path = tmp_path / "labels.npy"
        np.save(labels_path, names)
        del members["labels"]
    else:
        members[place] = names
        if place == "labels":
            members["classes"] = np.array(["a", "b"])
    np.savez(tmp_path / "p.npz", **members)
    with pytest.raises(FormatError) as caught:
        read_predictions(tmp_path / "p.npz", labels_path=labels_path)
    what = {"classes": "'classes'", "labels": "'labels'", "labels file": "the labels array"}
    assert caught.value.reason == (
        f"{what[place]} gives each text 1.2 MB; a class name or a label may take at most 1.0 MB"
    )


def test_a_file_of_labels_is_read_no_further_than_the_rows_need(tmp_path, memory):
    np.save(tmp_path / "p.npy", np.full((3, 2), 0.5))
    # Read on, the file would say that its last line has no label.
    (tmp_path / "labels.txt").write_text("label\n" + "1\n" * 10_000 + '""\n', encoding="utf-8")
    memory(200)  # the probabilities and 3 labels, not 10,000 labels
    with pytest.raises(FormatError) as caught:
        read_predictions(tmp_path / "p.npy", labels_path=tmp_path / "labels.txt")
    assert caught.value.reason == (
        f"3 rows of probabilities but more labels in {tmp_path / 'labels.txt'}: label 4 is "
        "on line 5"
    )


def test_an_npy_stored_column_by_column_is_read_in_blocks(tmp_path, monkeypatch):
    rng = np.random.default_rng(5)
    probabilities = rng.random((40, 6))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    np.save(tmp_path / "p.npy", np.asfortranarray(probabilities))
    np.save(tmp_path / "labels.npy", rng.integers(0, 6, 40))
    # 8 values a read: pieces of each long column; 128: three whole columns at once.
    for read_bytes in (64, 1024):
        monkeypatch.setattr(arrays, "_READ_BYTES", read_bytes)
        reported: list[float] = []
        (model,) = read_predictions(
            tmp_path / "p.npy", labels_path=tmp_path / "labels.npy", progress=reported.append
        )
        np.testing.assert_array_equal(model.probabilities, probabilities)
        assert model.probabilities.flags.c_contiguous
        assert reported == sorted(reported)
        assert len([done for done in reported if 0.05 < done < 1]) >= 2  # while it reads


# -- Parquet and text: the arrays they fill are checked too --------------------------------


def test_a_parquet_file_whose_rows_would_not_fit_is_refused_before_they_are_read(
    tmp_path, memory
):
    # A few kilobytes of Parquet (a constant column compresses to nothing) for 200,000 rows.
    rows = 200_000
    frame = pl.DataFrame({"label": ["a"] * rows, "a": [0.5] * rows, "b": [0.5] * rows})
    frame.write_parquet(tmp_path / "p.parquet")
    assert (tmp_path / "p.parquet").stat().st_size < 10_000
    memory(100_000)
    with pytest.raises(FormatError) as caught:
        read_predictions(tmp_path / "p.parquet")
    assert caught.value.reason == (  # 2 float64 and the label's position a row
        "the probabilities of 200,000 rows would take 4.8 MB in memory; only 100.0 kB of "
        "memory is available"
    )
    memory(5 * MB)
    assert read_predictions(tmp_path / "p.parquet")[0].samples == rows


@pytest.fixture(params=["polars", "numpy"])
def engine(request, monkeypatch) -> str:
    """Text files are read with polars, or with numpy when polars is not installed."""
    if request.param == "numpy":
        monkeypatch.setattr(polars_import, "import_polars", lambda: None)
    return request.param


def test_a_text_file_whose_rows_would_not_fit_is_refused_before_they_are_read(
    tmp_path, memory, engine
):
    path = tmp_path / "p.csv"
    path.write_text("label,a,b\n" + "a,0.5,0.5\n" * 20_000, encoding="utf-8")
    memory(100_000)  # 20,000 rows of 2 float64, a line number and a label's position: 640 kB
    with pytest.raises(FormatError) as caught:
        read_predictions(path)
    assert caught.value.reason == (
        "the probabilities of about 20,000 rows (estimated from the size of the file) would "
        "take 640.0 kB in memory; only 100.0 kB of memory is available"
    )
    memory(MB)
    assert read_predictions(path)[0].samples == 20_000


def test_text_rows_beyond_the_estimate_are_checked_as_the_arrays_grow(
    tmp_path, memory, engine, monkeypatch
):
    # Long first rows make the estimate of the row count far too low.
    monkeypatch.setattr(text_header, "_SAMPLE_BYTES", 64)
    long_rows = "".join(f"{'x' * 1000},a,0.5,0.5\n" for _ in range(3))
    path = tmp_path / "p.csv"
    path.write_text("id,label,a,b\n" + long_rows + "1,a,0.5,0.5\n" * 5000, encoding="utf-8")
    memory(50_000)  # room for the estimate (under 1,000 rows), not for 5,003 rows
    with pytest.raises(FormatError) as caught:
        read_predictions(path)
    assert caught.value.reason == (
        "the probabilities of 5,003 rows would take 160.1 kB in memory; only 50.0 kB of "
        "memory is available"
    )
    memory(200_000)
    assert read_predictions(path)[0].samples == 5003


# -- pickles are never loaded, wherever an array is read -------------------------------------


class Marker:
    """Unpickling this creates the file named: proof that a pickle was loaded."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def pickled(marker: Path, length: int) -> np.ndarray:
    array = np.empty(length, dtype=object)
    array[:] = [Marker(marker)] * length
    return array


PROBS = np.array([[0.5, 0.5], [0.25, 0.75]])


@pytest.mark.parametrize(
    "place",
    ["npy probs", "npz probs", "npz labels", "npz classes", "npy labels file", "npz labels file"],
)
def test_an_array_of_python_objects_is_refused_and_never_unpickled(tmp_path, place):
    marker = tmp_path / "unpickled"
    labels_path = None
    if place == "npy probs":
        path = tmp_path / "p.npy"
        np.save(path, pickled(marker, 4).reshape(2, 2), allow_pickle=True)
        labels_path = tmp_path / "labels.txt"
        labels_path.write_text("0\n1\n", encoding="utf-8")
    elif place.endswith("file"):
        path = tmp_path / ("p.npy" if place.startswith("npy") else "p.npz")
        if place.startswith("npy"):
            np.save(path, PROBS)
        else:
            np.savez(path, probs=PROBS)
        labels_path = tmp_path / "labels.npy"
        np.save(labels_path, pickled(marker, 2), allow_pickle=True)
    else:
        members = {"probs": PROBS, "labels": np.array([0, 1])}
        objects = pickled(marker, 4).reshape(2, 2) if place == "npz probs" else pickled(marker, 2)
        members[place.split()[1]] = objects
        path = tmp_path / "p.npz"
        np.savez(path, **members)
    with pytest.raises(FormatError) as caught:
        read_predictions(path, labels_path=labels_path)
    assert "holds Python objects" in caught.value.reason
    assert "pickles are never loaded" in caught.value.reason
    assert not marker.exists()
    # The files are real pickles: numpy's own loader, allowed to, would unpickle them.
    source = labels_path if place.endswith("file") else path
    loaded = np.load(source, allow_pickle=True)
    if isinstance(loaded, np.lib.npyio.NpzFile):
        loaded[place.split()[1]]
    assert marker.exists()
