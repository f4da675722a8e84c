"""The JSON distribution table: what it accepts, and every way it refuses a bad file."""

from __future__ import annotations

import json

import pytest

from core import FormatError
from core.formats import read_workspace


def write(tmp_path, text: str, name: str = "table.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_table_with_reference_and_kinds(tmp_path):
    data = {
        "classes": ["dog", "cat"],
        "distributions": {"A": [0.5, 0.5], "Truth": [30, 70]},
        "reference": "Truth",
        "kinds": {"Truth": "counts"},
    }
    workspace = read_workspace(write(tmp_path, json.dumps(data)))
    assert workspace.reference == "Truth"
    assert workspace.distribution("Truth").is_counts
    assert workspace.compare().models == ("A",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"classes":["a","b"],"distributions":{"P":[0.5,0.5]},"reference":["P"]}',
            "the reference ['P'] is not the name",
        ),
        (
            '{"classes":["a","b"],"distributions":{"P":[1, ' + "9" * 400 + "]}}",
            "distribution 'P', class 'b': '99999999999999999999…9999999999999999999' is too "
            "large for a double (above 1.8e308)",
        ),
        (  # json itself reads 1e-400 as 0.0: a KL of 0 where it is infinite
            '{"classes":["a","b"],"distributions":{"P":[1e-400,1],"A":[0,1]}}',
            "distribution 'P', class 'a': '1e-400' is too small for a double (below 4.9e-324): "
            "it would be read as 0",
        ),
        (
            '{"classes":["a","b"],"distributions":{"P":[0.5,1e400]}}',
            "distribution 'P', class 'b': '1e400' is too large for a double (above 1.8e308)",
        ),
        (  # Python's own words were "... use sys.set_int_max_str_digits() to increase ..."
            '{"classes":["a","b"],"distributions":{"P":[0.5,' + "1" * 5000 + "]}}",
            "distribution 'P', class 'b': a number with 5,000 digits is too long",
        ),
        (
            '{"classes":["a","b"],"distributions":{"P":[0.5,0.5],"P":[0.2,0.8]}}',
            "the key 'P' appears twice",
        ),
        (
            '{"classes":["a","b"],"distributions":{"P":[0.5,0.5]},"kinds":{"Z":"counts"}}',
            "'Z', which is not one of the distributions",
        ),
        ('{"classes":["a","b"],"distributions":{"P":[0.5,"half"]}}', "'half' is not a number"),
        ('{"classes":["a","b"],"distributions":{"P":[0.5,true]}}', "true is not a number"),
        ('{"classes":["a","b"],"distributions":{"P":[0.5,null]}}', "null is not a number"),
        ('{"classes":["a","b"],"distributions":{"P":[0.5,[1]]}}', "[1] is not a number"),
        ('{"classes":["a"],"distributions":{"P":[1.0]}}', "found 1 class"),
        ('{"classes":["a","a"],"distributions":{"P":[0.5,0.5]}}', "appears twice"),
        ('{"classes":["a","b"],"distributions":{"P":[0.5,-0.5]}}', "is negative"),
        ("[1, 2, 3]", "expected a JSON object"),
        ('{"classes":["a","b"],', "not valid JSON"),
    ],
)
def test_bad_tables_are_refused_naming_the_file(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(FormatError) as caught:
        read_workspace(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"classes":["a","b"],"distributions":{"P":[0.5,0.5]," P":[0.2,0.8]}}',
            "the distributions 'P' and ' P' have the same name once spaces around it are removed",
        ),
        (
            '{"classes":["a","b"],"distributions":{"P":[0.5,0.5],"A":[1,2]},'
            '"kinds":{"A":"counts","A ":"probabilities"}}',
            "'kinds' entries 'A' and 'A ' have the same name once spaces around it are removed",
        ),
    ],
)
def test_keys_that_differ_only_in_spaces_around_them_are_refused_naming_both(
    tmp_path, text, message
):
    path = write(tmp_path, text)
    with pytest.raises(FormatError) as caught:
        read_workspace(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_names_are_read_without_the_spaces_around_them(tmp_path):
    text = '{"classes":[" a","b "],"distributions":{" P ":[0.5,0.5]},"reference":"P"}'
    workspace = read_workspace(write(tmp_path, text))
    assert workspace.classes == ("a", "b") and workspace.names == ("P",)


def test_a_json_syntax_error_gives_line_and_column(tmp_path):
    path = write(tmp_path, '{\n  "classes": ["a", "b"],\n  "distributions": {"P": [0.5 0.5]}\n}')
    with pytest.raises(FormatError) as caught:
        read_workspace(path)
    assert caught.value.line == 3 and caught.value.column is not None


def test_duplicate_class_error_names_no_column_without_a_line(tmp_path):
    path = write(tmp_path, '{"classes":["a","a"],"distributions":{"P":[0.5,0.5]}}')
    with pytest.raises(FormatError) as caught:
        read_workspace(path)
    assert caught.value.line is None and caught.value.column is None
