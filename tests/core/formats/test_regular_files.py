"""Every file is opened as a regular file, checked on what was opened, and never read past the
size it had when opened; each reader bounds what it reads by what its format can need."""

from __future__ import annotations

import io
import os

import pytest

from core.errors import FormatError
from core.formats import read_workspace, regular_files
from core.formats.regular_files import open_regular
from core.predictions import polars_import
from core.predictions.readers import line_checks, read_predictions


def test_a_fifo_swapped_in_after_the_check_is_refused(special_file, monkeypatch, tmp_path):
    # The name is checked first; if a FIFO takes the file's place before it is opened, the
    # check on the opened descriptor still sees a FIFO (and the open does not wait for it).
    fifo = special_file("fifo", "swapped.csv")
    regular = tmp_path / "regular.csv"
    regular.write_text("class,P\ndog,1\n", encoding="utf-8")
    real_stat = os.stat

    def stat_before_the_swap(path, *arguments, **options):
        swapped = os.fspath(path) == str(fifo.path)
        return real_stat(regular if swapped else path, *arguments, **options)

    monkeypatch.setattr(regular_files.os, "stat", stat_before_the_swap)
    with pytest.raises(FormatError) as caught:
        open_regular(fifo.path)
    assert caught.value.reason == "is a FIFO (named pipe), not a file"
    assert caught.value.path == str(fifo.path)


def test_reading_stops_at_the_size_the_file_had_when_opened(tmp_path):
    path = tmp_path / "growing.csv"
    path.write_bytes(b"0123456789")
    with open_regular(path) as stream:
        assert stream.size == 10
        with open(path, "ab") as writer:  # another program appends meanwhile
            writer.write(b"more and more")
        assert stream.read() == b"0123456789"
        assert stream.seek(0, io.SEEK_END) == 10
        stream.seek(4)
        assert stream.read(100) == b"456789"


def test_a_table_bigger_than_any_table_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as stream:  # sparse: takes no room on disk
        stream.write(b"class,P\n")
        stream.truncate(300 * 1000**2)
    with pytest.raises(FormatError) as caught:
        read_workspace(path)
    assert "300.0 MB; too large to open (at most 256.0 MB)" in caught.value.reason


def test_a_line_longer_than_any_row_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(polars_import, "import_polars", lambda: None)  # numpy reads line by line
    monkeypatch.setattr(line_checks, "_MAX_LINE_BYTES", 1000)
    path = tmp_path / "long.csv"
    path.write_text("label,a,b\na,0.5,0.5\nb," + "0" * 2000 + ",1\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_predictions(path)
    assert (caught.value.line, caught.value.reason) == (
        3,
        "the line is longer than 1,000 bytes: not a table",
    )
