"""File ▸ Open predictions… on a text file without a label, y_true or target column."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog

from core import example_workspace


def _choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))


def test_a_file_of_probabilities_alone_is_said_to_have_no_label_column(
    window, tmp_path, monkeypatch, warnings
):
    path = tmp_path / "scores.csv"
    path.write_text("dog,cat,rabbit\n0.7,0.2,0.1\n0.1,0.8,0.1\n", encoding="utf-8")
    _choose_file(monkeypatch, path)
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: offered.append(a[3]) or ("", False))
    window.file_actions.open_predictions_action.trigger()
    assert offered == []  # no column of probabilities is offered as the labels
    assert len(warnings) == 1
    assert "scores.csv has no column of true labels" in warnings[0]
    assert "dog, cat, rabbit" in warnings[0]
    assert not window.file_actions.loader.busy
    assert window.document.workspace == example_workspace()


def test_the_label_column_chooser_offers_only_columns_that_may_hold_labels(
    qtbot, window, tmp_path, monkeypatch
):
    path = tmp_path / "scores.csv"
    path.write_text("id,dog,truth,cat\n0,0.8,dog,0.2\n1,0.3,cat,0.7\n", encoding="utf-8")
    _choose_file(monkeypatch, path)
    offered = []

    def choose(_parent, _title, _text, columns, *_rest):
        offered.append(list(columns))
        return columns[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    with qtbot.waitSignal(window.file_actions.loader.loaded, timeout=30_000):
        window.file_actions.open_predictions_action.trigger()
    assert offered == [["truth"]]
    assert window.document.predictions.models[0].accuracy == 1.0
