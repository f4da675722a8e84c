"""Autosave through its real timer: every change after a clean state is kept, restored work
stays on disk until it is saved, and a window rebuilt in another language keeps one file."""

from __future__ import annotations

import json
import os
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

import klgui.document.autosave
from core.processes import ProcessIdentity, current_boot, start_time
from klgui.document.autosave import AUTOSAVE_SUFFIX, find_recoverable
from klgui.window.application import offer_recovery
from klgui.window.language import install_language

#: Short enough for tests; the timer, its connections and the writer are the real ones.
TEST_DELAY_MS = 20


@pytest.fixture(autouse=True)
def short_autosave_delay(monkeypatch):
    monkeypatch.setattr(klgui.document.autosave, "AUTOSAVE_DELAY_MS", TEST_DELAY_MS)


def autosaved_values(path, name: str) -> list[float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return next(d["values"] for d in data["distributions"] if d["name"] == name)


def autosave_files(directory) -> list:
    return sorted(directory.glob(f"*{AUTOSAVE_SUFFIX}"))


def wait_for_autosave(qtbot, window, name: str, values: list[float]) -> None:
    path = window.autosave.path
    qtbot.waitUntil(lambda: path.exists() and autosaved_values(path, name) == values, timeout=3000)


def test_the_first_change_of_a_fresh_window_is_autosaved(qtbot, window):
    window.document.set_value("A", 0, 0.45)
    wait_for_autosave(qtbot, window, "A", [0.45, 0.35, 0.15])


def test_the_first_change_after_a_save_is_autosaved(qtbot, window, tmp_path):
    assert window.file_actions.save_to(str(tmp_path / "saved.klsession"))
    window.document.set_value("B", 0, 0.3)
    wait_for_autosave(qtbot, window, "B", [0.3, 0.3, 0.5])


def test_edits_that_keep_coming_are_autosaved_within_the_longest_wait(
    qtbot, make_window, monkeypatch
):
    # The quiet time never passes here: only the longest wait can write.
    monkeypatch.setattr(klgui.document.autosave, "AUTOSAVE_DELAY_MS", 3_600_000)
    monkeypatch.setattr(klgui.document.autosave, "AUTOSAVE_MAX_WAIT_MS", 200)
    window = make_window()
    window.show()
    chart = window.distribution_chart
    chart.setFocus()
    chart.selected_bar = (1, 0)  # model A, class 0
    presses = QTimer()
    presses.setInterval(20)  # Alt+Down, as a user nudges a bar, again and again
    presses.timeout.connect(lambda: QTest.keyClick(chart, Qt.Key_Down, Qt.AltModifier))
    presses.start()
    try:
        qtbot.waitUntil(window.autosave.path.exists, timeout=5000)
        first = autosaved_values(window.autosave.path, "A")[0]
        assert first < 0.5
        # The next edits, still coming, are written within the longest wait too.
        qtbot.waitUntil(
            lambda: autosaved_values(window.autosave.path, "A")[0] < first - 0.002, timeout=5000
        )
        assert presses.isActive()
    finally:
        presses.stop()


def test_undoing_back_to_the_saved_state_removes_the_autosave(qtbot, window):
    window.document.set_value("A", 0, 0.45)
    wait_for_autosave(qtbot, window, "A", [0.45, 0.35, 0.15])
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not window.autosave.path.exists(), timeout=3000)


def test_restored_work_is_autosaved_at_once_and_survives_a_second_crash(
    qtbot, make_window, tmp_path, answer_questions, crashed_autosave
):
    leftover = crashed_autosave(
        tmp_path / "autosave", str(tmp_path / "work.klsession"), "work.klsession"
    )
    restarted = make_window()
    answer_questions(QMessageBox.Yes)
    offer_recovery(restarted)
    assert restarted.document.workspace.distribution("B").values[2] == 0.4
    # The restored work is in the new window's autosave before the leftover goes: a crash
    # now still finds it.
    assert not leftover.exists()
    assert autosave_files(restarted.autosave.directory) == [restarted.autosave.path]
    assert autosaved_values(restarted.autosave.path, "B")[2] == 0.4
    restarted.document.set_value("B", 0, 0.25)  # and the next change is autosaved too
    wait_for_autosave(qtbot, restarted, "B", [0.25, 0.3, 0.4])


def test_an_unanswered_recovery_question_keeps_the_work(
    make_window, tmp_path, answer_questions, crashed_autosave
):
    leftover = crashed_autosave(
        tmp_path / "autosave", str(tmp_path / "work.klsession"), "work.klsession"
    )
    restarted = make_window()
    answer_questions(QMessageBox.NoButton)  # a signal ended the question
    offer_recovery(restarted)
    assert leftover.exists()
    answer_questions(QMessageBox.No)
    offer_recovery(restarted)
    assert not leftover.exists()


def test_saving_restored_work_asks_where_suggesting_its_old_file(
    make_window, tmp_path, monkeypatch, answer_questions, crashed_autosave
):
    original = tmp_path / "work.klsession"
    original.write_text("the user's file, not to be overwritten unasked", encoding="utf-8")
    crashed_autosave(tmp_path / "autosave", str(original), "work.klsession")
    restarted = make_window()
    answer_questions(QMessageBox.Yes)
    offer_recovery(restarted)
    suggestions = []

    def cancel(_parent, _caption, suggested, _filters):
        suggestions.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    restarted.file_actions.save_action.trigger()  # Ctrl+S
    assert suggestions == [str(original)]
    assert original.read_text(encoding="utf-8").startswith("the user's file")
    assert restarted.isWindowModified() and restarted.autosave.path.exists()
    # A second crash still suggests it: the autosave keeps where the work came from.
    recovered = json.loads(restarted.autosave.path.read_text(encoding="utf-8"))
    assert recovered["autosave"]["source"] == str(original)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(original), ""))
    restarted.file_actions.save_action.trigger()  # the user confirms that file
    assert "the user's file" not in original.read_text(encoding="utf-8")
    assert not restarted.isWindowModified() and not restarted.autosave.path.exists()
    assert restarted.file_actions.path == str(original)


def test_a_language_switch_keeps_one_autosave_that_follows_the_document(
    qtbot, make_window, answer_questions
):
    first = make_window()
    first.show()
    first.document.set_value("A", 0, 0.45)
    wait_for_autosave(qtbot, first, "A", [0.45, 0.35, 0.15])
    directory = first.autosave.directory
    successor = first.hand_over()
    successor.show()
    successor.document.set_value("A", 1, 0.25)
    wait_for_autosave(qtbot, successor, "A", [0.45, 0.25, 0.15])
    assert autosave_files(directory) == [successor.autosave.path]

    answer_questions(QMessageBox.Discard)
    assert successor.close()
    assert autosave_files(directory) == []


def test_saving_after_a_language_switch_leaves_no_autosave(qtbot, make_window, tmp_path):
    first = make_window()
    first.document.set_value("A", 0, 0.45)
    wait_for_autosave(qtbot, first, "A", [0.45, 0.35, 0.15])
    successor = first.hand_over()
    try:
        assert successor.file_actions.save_to(str(tmp_path / "kept.klsession"))
        assert autosave_files(first.autosave.directory) == []
    finally:
        successor.close()


def test_a_normal_close_after_discard_removes_the_autosave(qtbot, window, answer_questions):
    window.document.set_value("A", 0, 0.45)
    wait_for_autosave(qtbot, window, "A", [0.45, 0.35, 0.15])
    answer_questions(QMessageBox.Cancel)
    assert not window.close()
    assert window.autosave.path.exists()  # still open: the work stays on disk
    answer_questions(QMessageBox.Discard)
    assert window.close()
    assert not window.autosave.path.exists()


@pytest.mark.parametrize("pid", [1, os.getppid()], ids=["pid 1", "the test's parent"])
def test_work_whose_process_id_now_belongs_to_another_process_is_offered(
    make_window, tmp_path, answer_questions, crashed_autosave, pid
):
    started = start_time(pid)
    if started is None:
        pytest.skip("this system does not say when a process started")
    # The crashed app had this id too, but started at another time (a reboot, a container).
    writer = {"pid": pid, "start_time": started + 1, "boot": current_boot()}
    leftover = crashed_autosave(tmp_path / "autosave", writer=writer)
    restarted = make_window()
    asked = answer_questions(QMessageBox.Yes)
    offer_recovery(restarted)
    assert len(asked) == 1
    assert restarted.document.workspace.distribution("B").values[2] == 0.4
    assert not leftover.exists()


def test_work_of_a_process_that_runs_is_not_offered_and_of_another_boot_is(
    tmp_path, crashed_autosave
):
    pid = os.getppid()
    started = start_time(pid)
    if started is None or current_boot() is None:
        pytest.skip("this system does not say when a process started, or in which boot")
    running = {"pid": pid, "start_time": started, "boot": current_boot()}
    crashed_autosave(tmp_path / "autosave", writer=running)
    assert find_recoverable(tmp_path / "autosave") == []
    other_boot = "0" * 8 if current_boot() != "0" * 8 else "1" * 8
    # The same file, written in another boot by a process with that id and start time.
    leftover = crashed_autosave(tmp_path / "autosave", writer={**running, "boot": other_boot})
    assert [found.path for found in find_recoverable(tmp_path / "autosave")] == [leftover]


def test_an_autosave_names_its_writer_so_a_later_run_with_its_id_offers_it(
    qtbot, window, tmp_path
):
    window.document.set_value("A", 0, 0.45)
    wait_for_autosave(qtbot, window, "A", [0.45, 0.35, 0.15])
    data = json.loads(window.autosave.path.read_text(encoding="utf-8"))
    assert ProcessIdentity.from_record(data["autosave"]) == ProcessIdentity.current()
    assert find_recoverable(window.autosave.directory) == []  # this run's own work
    if data["autosave"]["start_time"] is None:
        return  # this system tells processes apart by their id alone
    # The same id in a later run (a container gives it at every start): offered there.
    data["autosave"]["start_time"] += 1
    window.autosave.path.write_text(json.dumps(data), encoding="utf-8")
    [offered] = find_recoverable(window.autosave.directory)
    assert offered.workspace.distribution("A").values[0] == 0.45


def test_the_recovery_question_writes_its_date_in_the_interface_s_language(
    qapp, make_window, tmp_path, answer_questions, crashed_autosave
):
    crashed_autosave(tmp_path / "autosave", title="work.klsession")
    year = time.localtime().tm_year
    try:
        assert install_language(qapp, "ko")
        asked = answer_questions(QMessageBox.NoButton)  # unanswered: the work stays
        offer_recovery(make_window())
        [question] = asked
        assert f"{year}년" in question and "요일" in question
        assert not any(day in question for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat"))
    finally:
        assert install_language(qapp, "en")
    asked = answer_questions(QMessageBox.NoButton)
    offer_recovery(make_window())
    [question] = asked
    assert str(year) in question and "day, " in question  # "Thursday, December 3, 2026"
