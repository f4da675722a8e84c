"""Open, save, import, recent files, drag and drop, autosave and recovery."""

from __future__ import annotations

import json
import math

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import example_workspace
from core.errors import one_line
from core.formats import read_workspace
from core.formats.comparison_tables import ranking_rows
from core.formats.session import session_text
from core.merging import merge
from klgui.document.autosave import find_recoverable
from klgui.resources import shipped_path
from klgui.style.palette import table_brushes
from klgui.window.application import offer_recovery
from tests.conftest import REPOSITORY

TABLE = "class,Truth,Net\ndog,0.5,0.4\ncat,0.5,0.6\n"


def test_save_as_then_open_round_trips_the_workspace(window, tmp_path, monkeypatch):
    window.document.set_value("A", 0, 0.55)
    target = tmp_path / "lecture"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.file_actions.save_as()
    saved = tmp_path / "lecture.klsession"
    assert read_workspace(saved) == window.document.workspace
    assert not window.isWindowModified()
    assert "lecture.klsession" in window.windowTitle()

    edited = window.document.workspace
    window.document.set_value("B", 0, 0.25, merge_key="drag")
    window.document.set_value("B", 0, 0.2, merge_key="drag")  # a drag back where it was
    window.file_actions.new()
    assert window.document.workspace == example_workspace()
    assert window.file_actions.open_paths([str(saved)])
    assert window.document.workspace == edited
    assert window.file_actions.path == str(saved)


def test_save_writes_back_to_the_opened_session(window, tmp_path):
    path = tmp_path / "s.klsession"
    window.file_actions.save_to(str(path))
    window.document.set_value("P", 0, 0.5)
    window.document.set_value("P", 1, 0.4)
    assert window.isWindowModified()
    assert window.file_actions.save()  # no dialog: it goes back to s.klsession
    assert read_workspace(path).distribution("P").values.tolist() == [0.5, 0.4, 0.1]
    assert not window.isWindowModified()


def test_a_bad_file_leaves_the_document_exactly_as_it_was(
    window, tmp_path, warnings, answer_questions
):
    answer_questions(QMessageBox.Discard)
    window.document.set_value("A", 0, 0.45)
    before, history = window.document.workspace, window.document.undo_stack.count()
    bad = tmp_path / "bad.csv"
    bad.write_text("class,P,A\ndog,0.5,0.5\ncat,oops,0.5\n", encoding="utf-8")
    assert not window.file_actions.open_paths([str(bad)])
    assert window.document.workspace == before
    assert window.document.undo_stack.count() == history
    assert len(warnings) == 1 and "bad.csv" in warnings[0] and "line 3" in warnings[0]


def test_opening_over_unsaved_changes_asks_and_cancel_keeps_them(
    window, tmp_path, answer_questions
):
    table = tmp_path / "t.csv"
    table.write_text(TABLE, encoding="utf-8")
    window.document.set_value("A", 0, 0.45)
    asked = answer_questions(QMessageBox.Cancel)
    assert not window.file_actions.open_paths([str(table)])
    assert asked and window.document.workspace.distribution("A").values[0] == 0.45
    answer_questions(QMessageBox.Discard)
    assert window.file_actions.open_paths([str(table)])
    assert window.document.workspace.names == ("Truth", "Net")
    assert window.file_actions.path is None  # a table is saved as a new session


def test_import_merges_by_class_name_as_one_undo_step(window, tmp_path):
    table = tmp_path / "extra.csv"
    table.write_text("class,C\nrabbit,0.2\ndog,0.5\ncat,0.3\n", encoding="utf-8")
    assert window.file_actions.import_paths([str(table)])
    workspace = window.document.workspace
    assert workspace.distribution("C").values.tolist() == [0.5, 0.3, 0.2]
    window.document.undo_stack.undo()
    assert window.document.workspace == example_workspace()


def test_a_prediction_file_opened_as_a_table_says_why(window, tmp_path, informations, warnings):
    predictions = tmp_path / "model.csv"
    predictions.write_text("truth,dog,cat\ndog,0.7,0.3\ncat,0.2,0.8\n", encoding="utf-8")
    assert window.file_actions.open_paths([str(predictions)])
    assert window.document.workspace.names == ("dog", "cat")  # opened, problems and all
    [hint] = informations
    assert "model.csv" in hint and "true labels named label, y_true or target" in hint
    assert "Open predictions" in hint
    table = tmp_path / "table.csv"
    table.write_text(TABLE, encoding="utf-8")
    window.file_actions.open_paths([str(table)])
    assert len(informations) == 1  # a good table opens without a word
    unlabelled = tmp_path / "unlabelled.csv"
    unlabelled.write_text("dog,cat,rabbit\n0.5,0.5,0\n0.2,0.3,0.5\n0.5,0.1,0.4\n", "utf-8")
    before = window.document.workspace
    assert not window.file_actions.open_paths([str(unlabelled)])  # "0.5" twice as a class
    assert window.document.workspace is before
    assert "appears twice" in warnings[0] and "first column holds numbers" in warnings[0]


def test_an_invalid_file_never_shows_the_previous_documents_results(window, tmp_path):
    table = tmp_path / "notsum.csv"
    table.write_text("class,P,C\ndog,0.6,0.5\ncat,0.6,0.5\n", encoding="utf-8")
    assert window.document.comparison is not None  # the example's
    assert window.file_actions.open_paths([str(table)])
    assert window.document.comparison is None and window.document.input_error
    assert window.ranking.model.rowCount() == 0  # not A and B of the example
    assert window.distribution_chart._bars == []
    assert window.contribution_chart.plot._positive == []
    assert window.decomposition_chart._entropy.opts["height"].size == 0
    for chart in (window.distribution_chart, window.decomposition_chart):
        assert chart._notice.isVisible() and "No valid input" in chart._notice.toPlainText()
        assert chart.getPlotItem().getViewBox().viewRange()[1] == [0.0, 1.0]  # not the old
        assert "last valid" not in chart.getPlotItem().titleLabel.text
    window.document.set_values("P", [0.5, 0.5])  # made valid: everything comes back
    window.document.recompute_now()
    assert [name for name in window.document.comparison.models] == ["C"]
    assert len(window.distribution_chart._bars) == 2
    assert not window.distribution_chart._notice.isVisible()


def test_importing_a_table_with_no_class_in_common_says_so(window, tmp_path, informations):
    table = tmp_path / "fruit.csv"
    table.write_text("class,C\napple,0.5\npear,0.5\n", encoding="utf-8")
    assert window.file_actions.import_paths([str(table)])
    assert "C" in window.document.workspace.names  # imported all the same: it can be undone
    assert len(informations) == 1 and "None of the classes of fruit.csv" in informations[0]
    assert "left empty" in informations[0] and "Undo takes the import back" in informations[0]
    window.document.undo_stack.undo()
    shared = tmp_path / "shared.csv"
    shared.write_text("class,D\ndog,0.5\ncat,0.25\nrabbit,0.25\n", encoding="utf-8")
    assert window.file_actions.import_paths([str(shared)])
    assert len(informations) == 1  # every class matched: nothing to say


def test_importing_a_table_that_lacks_a_class_leaves_its_cells_empty_and_says_so(
    qtbot, window, tmp_path, monkeypatch
):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[1:3]))
    table = tmp_path / "b.csv"
    table.write_text("class,C\ncat,0.3\ndog,0.5\nmouse,0.2\n", encoding="utf-8")  # no rabbit
    assert window.file_actions.import_paths([str(table)])
    document, model = window.document, window.editor.model
    workspace = document.workspace
    assert workspace.classes == ("dog", "cat", "rabbit", "mouse")
    assert set(workspace.empty_cells()) == {
        ("P", "mouse"),
        ("A", "mouse"),
        ("B", "mouse"),
        ("C", "rabbit"),
    }
    # Empty and marked in the editor, with a tooltip that says how to fill it.
    cell = model.index(2, model.column_of("C"))
    assert model.data(cell, Qt.DisplayRole) == "" and model.data(cell, Qt.EditRole) == ""
    assert model.data(cell, Qt.BackgroundRole) == table_brushes().invalid_cell
    assert "empty" in model.data(cell, Qt.ToolTipRole)
    assert "0 if the model gives the class no probability" in model.data(cell, Qt.ToolTipRole)
    assert model.data(model.index(model.sum_row, model.column_of("C")), Qt.DisplayRole) == ""
    # The summary, in a message box, in the status bar and in the undo step.
    [(title, text)] = shown
    assert title == "Merged by class name"
    assert "b.csv merged by class name: 'dog', 'cat' matched." in text
    assert "Added from it: 'mouse' (left empty in 'P', 'A', 'B')." in text
    assert "It lacks 'rabbit' (left empty in 'C')." in text
    assert "Undo takes the import back" in text
    assert "It lacks 'rabbit'" in window.statusBar().currentMessage()
    assert document.undo_stack.undoText() == "Import b.csv (4 cells left empty)"
    # The banner names the empty cells; the charts and the ranking keep the last valid input.
    qtbot.waitUntil(lambda: document.input_error is not None)
    assert "'P', class 'mouse': empty (no value)" in window.banner.label.text()
    assert window.distribution_chart.getPlotItem().getViewBox().opacity() < 1  # dimmed
    assert window.ranking.is_stale()
    # Typing a value fills a cell; Undo takes the import back whole.
    assert model.setData(cell, "0")
    assert document.workspace.distribution("C").values[2] == 0.0
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.workspace == example_workspace()
    qtbot.waitUntil(lambda: document.input_error is None)
    assert not window.ranking.is_stale()


def test_names_from_files_stay_on_one_line_in_what_an_import_says(window, tmp_path, informations):
    table = tmp_path / "b\nc.json"
    table.write_text(
        json.dumps(
            {
                "classes": ["cat", "dog", "mo\nuse"],
                "distributions": {"C\u202e": [0.3, 0.5, 0.2]},
            }
        ),
        encoding="utf-8",
    )
    assert window.file_actions.import_paths([str(table)])
    status = window.statusBar().currentMessage()
    assert status.isprintable() and "b\\nc.json merged by class name" in status
    [text] = informations
    sentence = text.split("\n\n")[0]
    assert sentence.isprintable()
    assert "'mo\\nuse' (left empty in 'P', 'A', 'B')" in sentence
    assert "(left empty in 'C\\u202e')" in sentence
    # What the report says, in the same words.
    _, summary = merge(example_workspace(), read_workspace(table), "b\nc")
    assert sentence == summary.describe("b\\nc.json")


def test_opening_several_tables_says_what_merging_them_left_empty(window, tmp_path, informations):
    first = tmp_path / "a.csv"
    first.write_text(TABLE, encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("class,C\nmouse,0.5\ndog,0.5\n", encoding="utf-8")
    assert window.file_actions.open_paths([str(first), str(second)])
    assert window.document.workspace.empty_cells()
    assert len(informations) == 1 and "b.csv merged by class name" in informations[0]
    assert "Undo" not in informations[0]  # opening is not an undo step
    assert window.document.input_error is not None


def test_the_same_prediction_file_twice_is_refused_before_loading(window, warnings):
    model = str(REPOSITORY / "klgui" / "resources" / "examples" / "model_a.csv")
    assert not window.file_actions.open_predictions([model, model])
    assert "given twice" in warnings[0]
    assert not window.file_actions.loader.busy


def test_tables_and_prediction_files_opened_together_are_named_by_kind(window, warnings):
    examples = REPOSITORY / "klgui" / "resources" / "examples"
    paths = [str(examples / "model_a.csv"), str(examples / "dog_cat_rabbit.csv")]
    assert not window.file_actions.open_paths(paths)
    assert warnings == [
        "Could not open these files: give either distribution tables or prediction files, not "
        "both (prediction files: model_a.csv; distribution tables: dog_cat_rabbit.csv)"
    ]


def test_file_examples_opens_the_shipped_table_and_prediction_files(window, qtbot):
    [examples] = [
        action.menu() for action in window.file_menu.actions() if action.text() == "E&xamples"
    ]
    table, predictions = examples.actions()
    table.trigger()
    assert window.file_actions.title == "dog_cat_rabbit.csv"
    assert window.document.workspace.classes == ("dog", "cat", "rabbit")
    predictions.trigger()
    qtbot.waitUntil(lambda: window.document.predictions is not None)
    assert [model.name for model in window.document.predictions.models] == ["model_a", "model_b"]
    assert window.file_actions.title == "model_a.csv, model_b.csv"


def test_the_shipped_examples_are_not_the_user_s_files(window, qtbot, tmp_path):
    """Not among recent files (File ▸ Open would start in the package), and Save As does
    not propose the package's folder (an upgrade would delete the session)."""
    chosen = tmp_path / "mine.csv"
    chosen.write_text(TABLE, encoding="utf-8")
    assert window.file_actions.open_paths([str(chosen)])
    examples = shipped_path("examples")
    assert window.file_actions.open_paths([str(examples / "dog_cat_rabbit.csv")])
    assert window.file_actions.recent_files() == [str(chosen)]
    assert window.file_actions.suggested_path == str(tmp_path / "dog_cat_rabbit.klsession")
    assert window.file_actions.open_paths([str(examples / "model_a.csv")])
    qtbot.waitUntil(lambda: window.document.predictions is not None)
    assert window.file_actions.recent_files() == [str(chosen)]
    assert window.file_actions.suggested_path == str(tmp_path / "model_a.klsession")


def test_recent_files_are_remembered_and_reopen(window, tmp_path):
    first, second = tmp_path / "one.csv", tmp_path / "two.csv"
    for path in (first, second):
        path.write_text(TABLE, encoding="utf-8")
    window.file_actions.open_paths([str(first)])
    window.file_actions.open_paths([str(second)])
    assert window.file_actions.recent_files()[:2] == [str(second), str(first)]
    entries = [a for a in window.file_actions.recent_menu.actions() if a.toolTip()]
    assert [a.toolTip() for a in entries][:2] == [str(second), str(first)]
    entries[1].trigger()
    assert window.file_actions.title == "one.csv"
    window.file_actions.clear_recent()
    assert window.file_actions.recent_files() == []


def test_a_recent_file_whose_name_holds_a_newline_is_listed_on_one_line(window, tmp_path):
    table = tmp_path / "two\nlines.csv"
    table.write_text(TABLE, encoding="utf-8")
    assert window.file_actions.open_paths([str(table)])
    entry = window.file_actions.recent_menu.actions()[0]
    assert entry.text() == "&1 two\\nlines.csv"
    assert entry.toolTip() == entry.statusTip() == str(tmp_path / "two\\nlines.csv")
    entry.trigger()  # and it opens the file itself
    assert window.file_actions.title == "two\\nlines.csv"
    assert window.file_actions.recent_files() == [str(table)]


def test_a_recovered_title_is_asked_about_on_one_line(
    make_window, tmp_path, answer_questions, crashed_autosave
):
    crashed_autosave(tmp_path / "autosave", title="work\n.klsession")
    asked = answer_questions(QMessageBox.No)
    offer_recovery(make_window())
    # On one line (a date may hold a no-break space: "3:58\u202fPM").
    assert "“work\\n.klsession”" in asked[0] and one_line(asked[0]) == asked[0]


def test_dropping_a_file_opens_it_and_ctrl_drop_imports_it(window, tmp_path):
    table = tmp_path / "dropped.csv"
    table.write_text("class,C\ndog,0.2\ncat,0.3\nrabbit,0.5\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(table))])

    def drop(modifiers):
        event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, modifiers)
        window.dropEvent(event)

    drop(Qt.ControlModifier)
    assert "C" in window.document.workspace.names and "P" in window.document.workspace.names
    window.document.undo_stack.setClean()
    drop(Qt.NoModifier)
    assert window.document.workspace.names == ("C",)
    assert window.file_actions.title == "dropped.csv"


def test_autosave_writes_unsaved_work_and_saving_removes_it(window, tmp_path, monkeypatch):
    window.document.set_value("A", 0, 0.45)
    window.autosave.write_now()
    assert window.autosave.path.exists()
    data = json.loads(window.autosave.path.read_text(encoding="utf-8"))
    assert data["distributions"][1]["values"][0] == 0.45
    target = tmp_path / "kept.klsession"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.file_actions.save()
    assert not window.autosave.path.exists()


def test_after_a_crash_the_next_start_offers_to_restore(
    make_window, window, monkeypatch, tmp_path, answer_questions, ended_pid
):
    session = tmp_path / "work.klsession"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(session), ""))
    window.file_actions.save()
    window.document.set_value("B", 2, 0.4)
    window.autosave.write_now()
    crashed = json.loads(window.autosave.path.read_text(encoding="utf-8"))
    crashed["autosave"]["pid"] = ended_pid  # as if written by a process that has ended
    window.autosave.discard()
    leftover = window.autosave.directory / "12345-dead.autosave.klsession"
    leftover.write_text(json.dumps(crashed), encoding="utf-8")

    assert [item.path for item in find_recoverable(window.autosave.directory)] == [leftover]
    restarted = make_window(autosave_directory=window.autosave.directory)
    asked = answer_questions(QMessageBox.Yes)
    offer_recovery(restarted)
    assert asked and "did not close normally" in asked[0]
    assert restarted.document.workspace.distribution("B").values[2] == 0.4
    assert restarted.isWindowModified()
    # Save asks where, suggesting the file it came from (not chosen in this run).
    assert restarted.file_actions.path is None
    assert restarted.file_actions.suggested_path == str(session)
    assert not leftover.exists()


def test_a_running_window_s_autosave_is_not_offered(window):
    window.document.set_value("A", 0, 0.45)
    window.autosave.write_now()
    assert find_recoverable(window.autosave.directory) == []


def test_export_menu_writes_a_chart_a_table_and_a_report(window, tmp_path, monkeypatch):
    targets = iter([tmp_path / "chart.svg", tmp_path / "ranking.csv", tmp_path / "report.html"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    window.show()
    exports = window.export_actions
    assert exports.export_chart("Distributions", window.distribution_chart)
    assert "<svg" in (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert exports.export_table("ranking", ranking_rows)
    lines = (tmp_path / "ranking.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("rank,model,kl (nats)") and lines[1].startswith("1,A,")
    assert exports.export_report()
    assert "A" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_copy_ranking_puts_tab_separated_rows_on_the_clipboard(window):
    window.export_actions.copy_ranking_action.trigger()
    rows = [line.split("\t") for line in QGuiApplication.clipboard().text().splitlines()]
    assert rows[0][:2] == ["rank", "model"] and [row[1] for row in rows[1:]] == ["A", "B"]


def test_an_empty_cell_of_a_session_says_to_type_a_value(window, tmp_path):
    session = tmp_path / "nan.klsession"
    session.write_text(session_text(example_workspace().with_value("P", 0, math.nan)), "utf-8")
    assert window.file_actions.open_paths([str(session)])
    model = window.editor.model
    tip = model.data(model.index(0, model.column_of("P")), Qt.ToolTipRole)
    assert tip == (
        "P, dog: empty. Type a value to fill it (0 if the model gives the class no probability)."
    )


def save_as_suggestions(window, monkeypatch) -> list[str]:
    """What Save As proposes, each time it is asked (the dialog is then cancelled)."""
    suggested: list[str] = []

    def cancel(_parent, _caption, suggestion, _filters):
        suggested.append(suggestion)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    window.file_actions.save_action.trigger()
    return suggested


def test_save_as_after_opening_tables_suggests_a_session_named_after_the_first(
    window, tmp_path, monkeypatch, informations
):
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "a.csv").write_text(TABLE, encoding="utf-8")
    (folder / "c.csv").write_text("class,Other\ndog,0.3\ncat,0.7\n", encoding="utf-8")
    assert window.file_actions.open_paths([str(folder / "a.csv"), str(folder / "c.csv")])
    assert window.file_actions.title == "a.csv, c.csv"
    assert save_as_suggestions(window, monkeypatch) == [str(folder / "a.klsession")]


@pytest.mark.parametrize("copied", ["ranking", "terms"])
def test_copying_while_the_input_is_invalid_asks_first_as_an_export_does(
    qtbot, window, answer_questions, copied
):
    action = {
        "ranking": window.export_actions.copy_ranking_action,
        "terms": window.export_actions.copy_terms_action,
    }[copied]
    window.document.set_value("P", 0, 0.05)  # P sums to 0.45 now
    qtbot.waitUntil(lambda: window.document.input_error is not None)
    QGuiApplication.clipboard().setText("the user's own clipboard")
    asked = answer_questions(QMessageBox.No)
    action.trigger()
    assert len(asked) == 1 and "sums to 0.45" in asked[0] and "Copy the last valid" in asked[0]
    assert QGuiApplication.clipboard().text() == "the user's own clipboard"
    asked = answer_questions(QMessageBox.Yes)
    action.trigger()
    assert len(asked) == 1
    assert QGuiApplication.clipboard().text().startswith(("rank\tmodel", "class\t"))


def test_copying_before_any_input_is_valid_says_there_is_nothing_to_copy(
    qtbot, make_window, informations
):
    window = make_window(example_workspace().with_value("P", 0, 0.05))
    window.document.recompute_now()
    assert window.document.comparison is None
    QGuiApplication.clipboard().setText("the user's own clipboard")
    window.export_actions.copy_ranking_action.trigger()
    assert informations == ["There is nothing to copy until the input is valid."]
    assert QGuiApplication.clipboard().text() == "the user's own clipboard"


def test_an_export_into_a_missing_folder_says_why(window, tmp_path, monkeypatch, warnings):
    missing = tmp_path / "no such folder" / "ranking.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    assert not window.export_actions.export_table("ranking", ranking_rows)
    assert len(warnings) == 1 and "ranking.csv: No such file or directory" in warnings[0]


def test_copying_while_a_model_is_left_out_says_it_is_left_out(
    qtbot, window, answer_questions
):
    window.document.set_value("A", 0, 0.05)  # A sums to 0.55: left out, B still compared
    qtbot.waitUntil(lambda: "A" in window.document.left_out)
    asked = answer_questions(QMessageBox.Yes)
    window.export_actions.copy_ranking_action.trigger()
    assert len(asked) == 1
    assert asked[0].startswith("A is left out until it is fixed ('A' sums to 0.55")
    assert "Copy the comparison without it?" in asked[0]
    copied = QGuiApplication.clipboard().text()
    assert "\tB\t" in copied and "\tA\t" not in copied
