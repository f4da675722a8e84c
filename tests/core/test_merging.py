"""Merging tables by class name: a class one side lacks is left empty, never filled with 0,
and the summary says what was matched, added and left empty."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import InvalidDistributionError, Problem, example_workspace
from core.formats import read_workspace
from core.formats.atomic_write import write_atomically
from core.formats.merged_files import merge_files
from core.formats.session import session_text
from core.merging import MergeSummary, MergeWording, describe_empty_cells, merge
from core.workspace import Distribution, Workspace


def table(classes, **columns) -> Workspace:
    return Workspace(
        classes=tuple(classes),
        distributions=tuple(Distribution(name, values) for name, values in columns.items()),
        reference=next(iter(columns)),
    )


#: Lacks the example's rabbit, and has a mouse the example lacks.
MOUSE_NOT_RABBIT = table(("cat", "dog", "mouse"), C=[0.3, 0.5, 0.2])


def test_a_class_one_side_lacks_is_left_empty_and_the_summary_says_so():
    merged, summary = merge(example_workspace(), MOUSE_NOT_RABBIT, "b")
    assert merged.classes == ("dog", "cat", "rabbit", "mouse")
    assert np.isnan(merged.distribution("P").values[3])  # the example has no mouse
    assert merged.distribution("P").values[:3].tolist() == [0.6, 0.3, 0.1]  # kept as they were
    values = merged.distribution("C").values
    assert values[[0, 1, 3]].tolist() == [0.5, 0.3, 0.2] and np.isnan(values[2])  # no rabbit
    assert summary == MergeSummary(
        matched=("dog", "cat"),
        added=("mouse",),
        empty_for_added=("P", "A", "B"),
        lacking=("rabbit",),
        empty_for_lacking=("C",),
    )
    assert summary.empty_cell_count == 4
    assert set(merged.empty_cells()) == {
        ("P", "mouse"),
        ("A", "mouse"),
        ("B", "mouse"),
        ("C", "rabbit"),
    }


def test_the_summary_says_it_in_a_sentence():
    _, summary = merge(example_workspace(), MOUSE_NOT_RABBIT, "b")
    assert summary.describe("b.csv") == (
        "b.csv merged by class name: 'dog', 'cat' matched. "
        "Added from it: 'mouse' (left empty in 'P', 'A', 'B'). "
        "It lacks 'rabbit' (left empty in 'C')."
    )
    _, nothing_left = merge(example_workspace(), example_workspace(), "b")
    assert nothing_left.describe("b.csv") == (
        "b.csv merged by class name: 'dog', 'cat', 'rabbit' matched."
    )
    assert nothing_left.empty_cell_count == 0
    _, apart = merge(example_workspace(), table(("x", "y"), D=[0.5, 0.5]), "c")
    assert apart.describe("c.csv").startswith("c.csv merged by class name: no class matched. ")


def test_the_sentence_is_built_once_from_the_words_each_side_gives():
    """The window words it in its language; what is listed, cut and in what order is the
    same as in the report."""
    classes = [f"c{number}" for number in range(8)]
    _, summary = merge(
        table(classes, P=[1 / 8] * 8), table([*classes[:1], "new"], Q=[0.5, 0.5]), "b"
    )
    words = MergeWording(
        matched="[%s: %s]",
        none_matched="[%s: none]",
        added="[+ %s in %s]",
        lacking="[- %s in %s]",
        more="%s & %d",
    )
    assert summary.describe("b.csv", words) == (
        "[b.csv: 'c0'] [+ 'new' in 'P'] [- 'c1', 'c2', 'c3', 'c4', 'c5' & 2 in 'Q']"
    )
    assert "'c1', 'c2', 'c3', 'c4', 'c5' and 2 more" in summary.describe("b.csv")


def test_names_from_files_stay_on_one_line_in_the_sentence():
    current = table(("dog", "cat\nkitty", "rabbit"), P=[0.5, 0.25, 0.25])
    _, summary = merge(current, table(("dog", "rabbit"), **{"model\x1b": [0.5, 0.5]}), "b")
    sentence = summary.describe("b.csv")
    assert sentence.isprintable()
    assert "'cat\\nkitty'" in sentence and "'model\\x1b'" in sentence


def test_a_file_name_holding_a_newline_is_kept_on_one_line(tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("class,P\ndog,0.5\ncat,0.5\n", encoding="utf-8")
    second = tmp_path / "b\nc.csv"
    second.write_text("class,Q\ndog,0.5\ncat,0.5\n", encoding="utf-8")
    [(name, _)] = merge_files([first, second]).merges
    assert name == "b\\nc.csv"


def test_a_renamed_distribution_is_named_as_merged_in_the_summary():
    incoming = table(("dog", "cat"), P=[0.5, 0.5])
    merged, summary = merge(example_workspace(), incoming, "b")
    assert summary.empty_for_lacking == ("P (b)",)
    assert np.isnan(merged.distribution("P (b)").values[2])


def test_an_empty_cell_is_a_problem_named_as_empty_and_keeps_the_comparison_off():
    merged, _ = merge(example_workspace(), MOUSE_NOT_RABBIT, "b")
    assert Problem("C", 2, "'C', class 'rabbit': empty (no value)") in merged.problems()
    assert Problem("P", 3, "'P', class 'mouse': empty (no value)") in merged.problems()
    with pytest.raises(InvalidDistributionError, match=r"'P', class 'mouse': empty \(no value\)"):
        merged.compare()
    filled = merged.with_value("P", 3, 0.0).with_value("A", 3, 0.0).with_value("B", 3, 0.0)
    filled = filled.with_value("C", 2, 0.0)
    assert filled.empty_cells() == () and filled.compare().models == ("A", "B", "C")


def test_empty_cells_stay_empty_through_a_session(tmp_path):
    merged, _ = merge(example_workspace(), MOUSE_NOT_RABBIT, "b")
    path = tmp_path / "merged.klsession"
    write_atomically(path, session_text(merged).encode("utf-8"))
    assert '"nan"' in path.read_text(encoding="utf-8")
    again = read_workspace(path)
    assert again == merged
    assert again.empty_cells() == merged.empty_cells()


def test_files_merged_into_a_workspace_say_what_each_did(tmp_path):
    second = tmp_path / "b.csv"
    second.write_text("class,C\ncat,0.3\ndog,0.5\nmouse,0.2\n", encoding="utf-8")
    third = tmp_path / "c.csv"
    third.write_text("class,D\ndog,0.5\ncat,0.25\nrabbit,0.125\nmouse,0.125\n", "utf-8")
    merged = merge_files([second, third], into=example_workspace())
    assert [name for name, _ in merged.merges] == ["b.csv", "c.csv"]
    assert merged.merges[0][1].added == ("mouse",)
    assert merged.merges[1][1].matched == ("dog", "cat", "rabbit", "mouse")
    assert merged.workspace.names == ("P", "A", "B", "C", "D")
    assert not math.isnan(merged.workspace.distribution("D").values[2])
    opened = merge_files([second, third])  # the first file is what the others merge into
    assert [name for name, _ in opened.merges] == ["c.csv"]
    assert opened.merges[0][1].added == ("rabbit",)
    assert opened.merges[0][1].empty_for_added == ("C",)


def test_empty_cells_are_described_by_where_they_came_from():
    merged, summary = merge(example_workspace(), MOUSE_NOT_RABBIT, "b")
    assert set(summary.empty_cells()) == set(merged.empty_cells())
    left_by_merge = describe_empty_cells(merged.empty_cells(), summary.empty_cells())
    assert left_by_merge.startswith("4 cells are empty ('P', class 'mouse'; ")
    assert left_by_merge.endswith(
        ": give the class in the file that lacks it, 0 if the model gives it no probability"
    )
    # A session (or any file that is not a merge) holds the empty cell itself.
    assert describe_empty_cells([("P", "dog")]) == (
        "1 cell is empty ('P', class 'dog'): type a value "
        "(0 if the model gives the class no probability)"
    )
    mixed = describe_empty_cells([("P", "dog"), ("C", "rabbit")], summary.empty_cells())
    assert mixed.endswith(": type a value in each (0 if the model gives the class no probability)")
