"""Tables announce exactly the cells an edit changed, so views repaint only those."""

from __future__ import annotations

import numpy as np

from core import Distribution, Workspace
from klgui.tables.cell_updates import CELL_BY_CELL_LIMIT
from klgui.tables.distribution_table_model import DistributionTableModel
from klgui.tables.ranking_table import RankingModel


def record_changes(model) -> list[tuple[int, int, int, int]]:
    changes: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda first, last, _roles=(): changes.append(
            (first.row(), first.column(), last.row(), last.column())
        )
    )
    return changes


def test_an_edit_announces_the_cells_of_its_column_one_by_one(qtbot, document):
    model = DistributionTableModel(document)
    changes = record_changes(model)
    document.set_values("A", [0.4, 0.4, 0.2])
    column = model.column_of("A")
    assert sorted(changes) == [(row, column, row, column) for row in range(model.sum_row + 1)]


def test_a_long_column_is_announced_as_one_range(qtbot, document):
    classes = CELL_BY_CELL_LIMIT + 10
    values = np.full(classes, 1 / classes)
    document.replace_workspace(
        Workspace(
            classes=tuple(f"c{i}" for i in range(classes)),
            distributions=(Distribution("P", values), Distribution("A", values)),
            reference="P",
        )
    )
    model = DistributionTableModel(document)
    changes = record_changes(model)
    document.set_values(
        "A", np.r_[2 / classes, np.full(classes - 1, (1 - 2 / classes) / (classes - 1))]
    )
    assert changes == [(0, 2, classes, 2)]


def test_the_ranking_announces_only_the_row_that_changed(qtbot, document):
    model = RankingModel(document)
    changes = record_changes(model)
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("A", [0.55, 0.3, 0.15])  # A stays best
    assert changes
    assert {row for row, _, last_row, _ in changes} == {0}  # A's row; B's did not change
    assert all(first == last for first, _, last, _ in changes)
    rank_and_name = {(0, 0), (0, 1)}
    assert not rank_and_name & {(row, column) for row, column, _, _ in changes}


def test_swapped_rows_announce_every_cell_whose_text_changed(qtbot, document):
    model = RankingModel(document)
    before = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(2)]
    changes = record_changes(model)
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_values("B", [0.6, 0.3, 0.1])  # B becomes best: the rows swap
    after = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(2)]
    differing = {
        (r, c) for r in range(2) for c in range(model.columnCount()) if before[r][c] != after[r][c]
    }
    assert {(row, column) for row, column, _, _ in changes} == differing
    assert (0, 0) not in differing  # rank 1 is still in the first row


def test_a_new_ranking_measure_repaints_the_whole_ranking(qtbot, document):
    model = RankingModel(document)
    changes = record_changes(model)
    with qtbot.waitSignal(document.comparisonChanged):
        document.set_rank_by("js_divergence")  # its column turns bold
    cells = {(row, column) for row, column, _, _ in changes}
    assert cells == {(row, column) for row in range(2) for column in range(model.columnCount())}
