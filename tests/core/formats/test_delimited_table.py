"""CSV / TSV / semicolon distribution tables, and the dispatch of read_workspace by file type."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import numpy as np
import pytest

import core
from core.formats import read_workspace
from core.formats.delimited_table import workspace_from_delimited_text

EXAMPLE_ROWS = [
    ["class", "P", "A", "B"],
    ["dog", "0.6", "0.5", "0.2"],
    ["cat", "0.3", "0.35", "0.3"],
    ["rabbit", "0.1", "0.15", "0.5"],
]


def write(directory: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = directory / name
    path.write_bytes(text.encode(encoding))
    return path


def table_text(rows: list[list[str]], delimiter: str = ",") -> str:
    return "".join(delimiter.join(row) + "\n" for row in rows)


def values(workspace: core.Workspace, name: str) -> list[float]:
    return workspace.distribution(name).values.tolist()


# -- good tables ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "extension"),
    [(",", ".csv"), ("\t", ".tsv"), (";", ".csv"), ("\t", ".tab"), (";", ".txt")],
)
def test_comma_tab_and_semicolon_tables_read_the_same(tmp_path, delimiter, extension):
    path = write(tmp_path, f"table{extension}", table_text(EXAMPLE_ROWS, delimiter))
    workspace = read_workspace(path)
    assert workspace.classes == ("dog", "cat", "rabbit")
    assert workspace.names == ("P", "A", "B")
    assert workspace.reference == "P"  # the first data column
    assert values(workspace, "A") == [0.5, 0.35, 0.15]
    assert all(d.kind == "probabilities" for d in workspace.distributions)
    assert workspace.is_valid()


def test_the_example_ranks_a_above_b(tmp_path):
    comparison = read_workspace(write(tmp_path, "t.csv", table_text(EXAMPLE_ROWS))).compare()
    kl = dict(zip(comparison.models, comparison.kl, strict=True))
    assert kl["A"] < kl["B"]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_decimal_comma_with_semicolon_or_tab(tmp_path, delimiter):
    rows = [["class", "P", "A"], ["dog", "0,25", "0.5"], ["cat", "0,75", " 0,5 "]]
    workspace = read_workspace(write(tmp_path, "t.csv", table_text(rows, delimiter)))
    assert values(workspace, "P") == [0.25, 0.75]
    assert values(workspace, "A") == [0.5, 0.5]


def test_percentages_as_spreadsheets_export_them(tmp_path):
    text = "class;P;A\ndog;60%;62,5 %\ncat;30%;37,5%\nrabbit;10%;0\n"  # 0 is 0 either way
    workspace = read_workspace(write(tmp_path, "t.csv", text))
    assert values(workspace, "P") == pytest.approx([0.6, 0.3, 0.1], abs=1e-15)
    assert values(workspace, "A") == pytest.approx([0.625, 0.375, 0.0], abs=1e-15)
    assert workspace.problems() == ()  # they sum to 1 within the tolerance


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('class,P,A\ndog,"0,25",0.5\ncat,0.75,0.5\n', "'0,25'"),  # comma is the delimiter
        ("class;P;A\ndog;1,234.5;0.5\ncat;0.75;0.5\n", "'1,234.5'"),  # a comma and a dot
        ("class;P;A\ndog;1,2,3;0.5\ncat;0.75;0.5\n", "'1,2,3'"),  # two commas
    ],
)
def test_decimal_comma_is_refused_where_it_is_ambiguous(tmp_path, text, cell):
    path = write(tmp_path, "t.csv", text)
    with pytest.raises(core.FormatError, match="not a number") as caught:
        read_workspace(path)
    assert cell in str(caught.value)
    assert (caught.value.line, caught.value.column) == (2, 2)


def test_quoted_names_may_hold_delimiters_and_quotes(tmp_path):
    text = 'class,"model, v1","say ""hi"""\n"dog, big",0.5,0.25\n"cat; small",0.5,0.75\n'
    workspace = read_workspace(write(tmp_path, "t.csv", text))
    assert workspace.classes == ("dog, big", "cat; small")
    assert workspace.names == ("model, v1", 'say "hi"')
    assert values(workspace, 'say "hi"') == [0.25, 0.75]


def test_quoted_numbers_and_spaces_around_cells(tmp_path):
    text = 'class , P , A\n dog , "0.5", 0.25\ncat,0.5 ,"0.75"\n'
    workspace = read_workspace(write(tmp_path, "t.csv", text))
    assert workspace.classes == ("dog", "cat")
    assert workspace.names == ("P", "A")
    assert values(workspace, "A") == [0.25, 0.75]


def test_empty_class_column_label(tmp_path):
    workspace = read_workspace(write(tmp_path, "t.csv", ",P,A\ndog,1,2\ncat,3,4\n"))
    assert workspace.names == ("P", "A")


def test_blank_lines_comments_and_crlf_are_skipped_but_lines_are_counted(tmp_path):
    text = (
        "# exported by hand\r\n\r\nclass,P,A\r\n# a note\r\ndog,0.5,0.5\r\n\r\n,,\r\ncat,0.5,x\r\n"
    )
    path = write(tmp_path, "t.csv", text)
    with pytest.raises(core.FormatError) as caught:
        read_workspace(path)
    assert (caught.value.line, caught.value.column) == (8, 3)
    fixed = write(tmp_path, "fixed.csv", text.replace(",x", ",0.5"))
    assert read_workspace(fixed).classes == ("dog", "cat")


def test_counts_and_probabilities_are_inferred_per_column(tmp_path):
    text = "class,P,A,B,C\ndog,10,0.5,1,0\ncat,30,0.5,0,0\nrabbit,0,0,0,3\n"
    workspace = read_workspace(write(tmp_path, "t.csv", text))
    kinds = {d.name: d.kind for d in workspace.distributions}
    # Integers are counts; a one-hot column (integers summing to 1) stays probabilities.
    assert kinds == {"P": "counts", "A": "probabilities", "B": "probabilities", "C": "counts"}
    assert values(workspace, "P") == [10.0, 30.0, 0.0]
    assert workspace.is_valid()


def test_a_column_not_summing_to_one_loads_unchanged(tmp_path):
    text = "class,P,A\ndog,0.5,0.6\ncat,0.5,0.6\n"
    workspace = read_workspace(write(tmp_path, "t.csv", text))
    assert values(workspace, "A") == [0.6, 0.6]  # not renormalised
    problems = workspace.problems()
    assert problems and {p.distribution for p in problems} == {"A"}
    assert not workspace.is_valid()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_korean_names_come_through_in_every_encoding(tmp_path, encoding, delimiter):
    rows = [["클래스", "정답", "모델 A"], ["고양이", "0.7", "0.6"], ["개", "0.3", "0.4"]]
    path = write(tmp_path, "표.csv", table_text(rows, delimiter), encoding)
    workspace = read_workspace(path)
    assert workspace.classes == ("고양이", "개")
    assert workspace.names == ("정답", "모델 A")
    assert values(workspace, "모델 A") == [0.6, 0.4]


def test_korean_names_in_error_messages(tmp_path):
    path = write(tmp_path, "표.csv", "class,P,모델 A\n고양이,0.5,abc\n개,0.5,0.5\n", "cp949")
    with pytest.raises(core.FormatError) as caught:
        read_workspace(path)
    message = str(caught.value)
    assert "모델 A" in message and "고양이" in message and str(path) in message


def test_a_hundred_thousand_classes(tmp_path):
    rng = random.Random(4)
    count = 100_000
    lines = ["class,P,A,C"]
    lines += [
        f"class {i},{rng.random()!r},{rng.random()!r},{rng.randrange(10)}" for i in range(count)
    ]
    path = write(tmp_path, "big.csv", "\n".join(lines) + "\n")
    workspace = read_workspace(path)
    assert len(workspace.classes) == count
    assert workspace.classes[-1] == f"class {count - 1}"
    assert workspace.distribution("C").kind == "counts"
    expected = [float(line.split(",")[1]) for line in lines[1:]]
    assert np.array_equal(workspace.distribution("P").values, expected)


def test_the_reader_works_on_text_directly():
    workspace = workspace_from_delimited_text(table_text(EXAMPLE_ROWS, ";"), "pasted")
    assert workspace.names == ("P", "A", "B")


# -- bad tables -----------------------------------------------------------------------------

#: (name, text, line, column, words the message must contain)
BAD_TABLES = [
    ("empty", "", 1, None, ["empty"]),
    ("whitespace only", "  \n\n\t\n", 1, None, ["empty"]),
    ("only comments", "# nothing\n\n# here\n", None, None, ["no header"]),
    ("no distribution names", "class\ndog\ncat\n", 1, None, ["names no distributions"]),
    ("empty distribution name", "class,P,\ndog,1,2\ncat,1,2\n", 1, 3, ["no distribution name"]),
    ("blank distribution name", "class, ,A\ndog,1,2\ncat,1,2\n", 1, 2, ["no distribution name"]),
    ("duplicate distribution", "class,P,A,P\ndog,1,2,3\ncat,1,2,3\n", 1, 4, ["'P'", "twice"]),
    (
        "distributions named alike but for spaces",
        'class,P,A,"P "\ndog,1,2,3\ncat,1,2,3\n',
        1,
        4,
        ["the distributions 'P' and 'P ' have the same name once spaces", "columns 2 and 4"],
    ),
    (  # csv's skipinitialspace would drop the space after the comma: "'P' appears twice"
        "distributions named alike but for a leading space",
        "class,P, P\ndog,1,2\ncat,1,2\n",
        1,
        3,
        ["the distributions 'P' and ' P' have the same name once spaces", "columns 2 and 3"],
    ),
    (
        "classes named alike but for a leading space",
        "class,P,A\ndog,0.5,0.5\ncat,0.5,0.5\n dog,0,0\n",
        4,
        1,
        ["the classes 'dog' and ' dog' have the same name once spaces", "on line 2 and here"],
    ),
    (
        "ragged: too few",
        "class,P,A,B\ndog,1,2,3\n\n# comment\n\ncat,1,2,3\nrabbit,1,2\n",
        7,
        None,
        ["3 fields", "header (line 1) has 4"],
    ),
    ("ragged: too many", "class,P,A\ndog,1,2\ncat,1,2,3\n", 3, None, ["4 fields", "has 3"]),
    (
        "unclosed quote",
        'class,P,A\n"dog,1,2\ncat,1,2\nrabbit,1,2\n',
        2,
        None,
        ["closing quote"],
    ),
    ("empty cell", "class,P,A\ndog,1,\ncat,1,2\n", 2, 3, ["'A'", "'dog'", "empty"]),
    ("blank cell", "class;P;A\ndog;1;2\ncat;  ;2\n", 3, 2, ["'P'", "'cat'", "empty"]),
    ("text", "class,P,A\ndog,1,2\ncat,lots,2\n", 3, 2, ["'lots'", "not a number"]),
    ("a lone percent sign", "class,P,A\ndog,%,0.5\ncat,0.5,0.5\n", 2, 2, ["'%'"]),
    (
        "percentages and plain numbers",
        "class,P,A\ndog,0.5,50%\ncat,0.5,0.5\n",
        3,
        3,
        ["'A'", "mixes percentages (line 2)", "plain numbers (line 3)"],
    ),
    ("underscore number", "class,P,A\ndog,1_000,2\ncat,1,2\n", 2, 2, ["'1_000'"]),
    ("negative", "class,P,A\ndog,0.5,0.5\ncat,0.5,-0.25\n", 3, 3, ["-0.25", "negative"]),
    ("negative decimal comma", "class;P;A\ndog;0,5;-0,5\ncat;0,5;1\n", 2, 3, ["negative"]),
    ("nan", "class,P,A\ndog,0.5,NaN\ncat,0.5,0.5\n", 2, 3, ["not a finite number"]),
    ("inf", "class,P,A\ndog,inf,0.5\ncat,0.5,0.5\n", 2, 2, ["not a finite number"]),
    ("overflow", "class,P,A\ndog,1e999,0.5\ncat,0.5,0.5\n", 2, 2, ["'1e999' is too large"]),
    (
        "underflow",
        "class,P,A\ndog,1e-400,0.5\ncat,1,0.5\n",
        2,
        2,
        ["'1e-400' is too small for a double", "read as 0"],
    ),
    ("underflow %", "class,P,A\ndog,1e-323%,50%\ncat,100%,50%\n", 2, 2, ["'1e-323%' is too small"]),
    ("empty class name", "class,P,A\ndog,1,2\n  ,1,2\n", 3, 1, ["class name is empty"]),
    (
        "duplicate class",
        "class,P,A\ndog,1,2\ncat,1,2\n\ndog,3,4\n",
        5,
        1,
        ["the class 'dog' appears twice: here and on line 2"],
    ),
    ("single class", "class,P,A\n# one\ndog,1,2\n", 3, None, ["only one class", "'dog'"]),
    ("header only", "class,P,A\n\n", 1, None, ["no classes"]),
    ("nul character", "class,P,A\ndog,1,2\ncat,1\x002\n", None, None, ["binary"]),
]


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [case[1:] for case in BAD_TABLES],
    ids=[case[0] for case in BAD_TABLES],
)
def test_bad_tables_name_the_file_line_and_column(tmp_path, text, line, column, words):
    path = write(tmp_path, "bad table.csv", text)
    with pytest.raises(core.FormatError) as caught:
        read_workspace(path)
    error = caught.value
    assert error.path == str(path)
    assert str(path) in str(error)
    if line is not None:
        assert error.line == line, str(error)
        assert f"line {line}" in str(error)
    if column is not None:
        assert error.column == column, str(error)
        assert f"column {column}" in str(error)
    for word in words:
        assert word in str(error)
    assert "\n" not in str(error)  # one line on stderr in --report


def test_a_nul_character_past_the_binary_check_names_its_line(tmp_path):
    rows = [f"class {i},0.5,0.5" for i in range(1000)]  # well past the first 4096 bytes
    rows[900] = "class 900,0.5,0\x00.5"
    path = write(tmp_path, "t.csv", "class,P,A\n" + "\n".join(rows) + "\n")
    with pytest.raises(core.FormatError, match="NUL") as caught:
        read_workspace(path)
    assert caught.value.line == 902


def test_an_unclosed_quote_that_swallows_a_big_file_names_where_it_opens(tmp_path):
    # The csv module refuses a field over 128 KiB; the row it is in starts on line 3.
    text = 'class,P,A\ndog,1,2\n"cat,1,2\n' + "rabbit,1,2\n" * 20_000
    with pytest.raises(core.FormatError, match="cannot read this row") as caught:
        read_workspace(write(tmp_path, "t.csv", text))
    assert caught.value.line == 3


def test_a_missing_file(tmp_path):
    path = tmp_path / "missing.csv"
    with pytest.raises(core.FormatError, match="no such file") as caught:
        read_workspace(path)
    assert caught.value.path == str(path)


def test_a_folder(tmp_path):
    with pytest.raises(core.FormatError, match="folder"):
        read_workspace(tmp_path)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_a_file_without_read_permission(tmp_path):
    path = write(tmp_path, "locked.csv", table_text(EXAMPLE_ROWS))
    path.chmod(0)
    try:
        with pytest.raises(core.FormatError, match="permission") as caught:
            read_workspace(path)
        assert caught.value.path == str(path)
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",  # a zip (an .xlsx)
        b"class,P,A\n\xff\xfe\xfd,0.5,0.5\n\x80\x80,0.5,0.5\n",  # neither UTF-8 nor CP949
    ],
    ids=["png", "all bytes", "xlsx", "undecodable"],
)
def test_binary_garbage(tmp_path, data):
    path = tmp_path / "garbage.csv"
    path.write_bytes(data)
    with pytest.raises(core.FormatError) as caught:
        read_workspace(path)
    assert caught.value.path == str(path)


# -- dispatch by file type ------------------------------------------------------------------

JSON_TABLE = {
    "classes": ["dog", "cat"],
    "distributions": {"P": [0.5, 0.5], "A": [0.25, 0.75]},
    "reference": "A",
}


@pytest.mark.parametrize("name", ["t.json", "t.JSON", "t.dat", "t"])
def test_json_by_extension_or_by_its_opening_brace(tmp_path, name):
    path = write(tmp_path, name, "\n  " + json.dumps(JSON_TABLE))
    workspace = read_workspace(path)
    assert workspace.reference == "A"
    assert values(workspace, "A") == [0.25, 0.75]


@pytest.mark.parametrize("name", ["t.dat", "t", "t.CSV", "t.TSV"])
def test_delimited_text_by_extension_or_by_sniffing(tmp_path, name):
    workspace = read_workspace(write(tmp_path, name, table_text(EXAMPLE_ROWS, "\t")))
    assert workspace.names == ("P", "A", "B")


def test_a_csv_extension_is_never_read_as_json(tmp_path):
    path = write(tmp_path, "t.csv", json.dumps(JSON_TABLE))
    with pytest.raises(core.FormatError) as caught:
        read_workspace(path)
    assert "JSON" not in str(caught.value)


def test_a_json_extension_is_never_read_as_a_table(tmp_path):
    with pytest.raises(core.FormatError, match="not valid JSON") as caught:
        read_workspace(write(tmp_path, "t.json", table_text(EXAMPLE_ROWS)))
    assert caught.value.line == 1


@pytest.mark.parametrize("name", ["t.json", "t.csv", "t"])
def test_an_empty_file_of_any_type(tmp_path, name):
    path = write(tmp_path, name, " \n\t\n")
    with pytest.raises(core.FormatError, match="the file is empty") as caught:
        read_workspace(path)
    assert caught.value.path == str(path)


@pytest.mark.parametrize("name", ["work.klsession", "work.json"])
def test_a_session_file_goes_to_the_session_reader(tmp_path, monkeypatch, name):
    from core.formats import session

    calls = []
    expected = core.example_workspace()

    def fake_workspace_from_session(data, path):
        calls.append((data, path))
        return expected

    monkeypatch.setattr(session, "workspace_from_session", fake_workspace_from_session)
    data = {"format": "kl-explorer-session", "version": 1}
    path = write(tmp_path, name, json.dumps(data))
    assert read_workspace(path) is expected
    assert calls == [(data, str(path))]


def test_files_merge_by_class_name_and_the_same_file_twice_is_refused(tmp_path):
    from core.formats.merged_files import merge_files

    first = write(tmp_path, "a.csv", "class,P,A\ndog,0.5,0.4\ncat,0.5,0.6\n")
    second = write(tmp_path, "b.csv", "class,A\ncat,0.3\ndog,0.7\n")
    merged = merge_files([first, second]).workspace
    assert merged.names == ("P", "A", "A (b)")
    assert values(merged, "A (b)") == [0.7, 0.3]  # by name, not by position
    with pytest.raises(core.FormatError, match="given twice") as caught:
        merge_files([first, second, tmp_path / "." / "a.csv"])
    assert caught.value.path.endswith("a.csv")
