"""Saving from the window: through symbolic links, never over a read-only file."""

from __future__ import annotations

import os

from core.formats import read_workspace


def test_ctrl_s_on_a_linked_session_writes_the_real_file(window, tmp_path):
    real = tmp_path / "projects" / "work.klsession"
    real.parent.mkdir()
    link = tmp_path / "work.klsession"
    link.symlink_to(real)
    assert window.file_actions.save_to(str(link))
    window.document.set_value("A", 0, 0.45)
    window.file_actions.save_action.trigger()
    assert link.is_symlink()
    assert read_workspace(real).distribution("A").values[0] == 0.45
    assert window.file_actions.path == str(link)  # the name the user chose
    assert not window.isWindowModified()


def test_saving_over_a_read_only_file_is_refused_and_the_work_stays_unsaved(
    window, tmp_path, warnings
):
    protected = tmp_path / "protected.klsession"
    assert window.file_actions.save_to(str(protected))
    before = protected.read_bytes()
    os.chmod(protected, 0o444)
    window.document.set_value("A", 0, 0.45)
    window.file_actions.save_action.trigger()
    assert len(warnings) == 1 and "read-only" in warnings[0] and protected.name in warnings[0]
    assert protected.read_bytes() == before
    assert os.stat(protected).st_mode & 0o777 == 0o444
    assert window.isWindowModified()


def test_a_save_error_names_the_file_on_one_line(window, tmp_path, warnings):
    protected = tmp_path / "pro\ntected.klsession"
    assert window.file_actions.save_to(str(protected))
    os.chmod(protected, 0o444)
    window.document.set_value("A", 0, 0.45)
    window.file_actions.save_action.trigger()
    [warning] = warnings
    assert warning.isprintable() and "pro\\ntected.klsession" in warning
    missing = tmp_path / "no\nfolder" / "work.klsession"
    assert not window.file_actions.save_to(str(missing))
    assert warnings[1].isprintable() and "work.klsession" in warnings[1]


def test_saving_says_that_text_not_accepted_is_not_in_the_file(window, tmp_path):
    model = window.editor.model
    model.setData(model.index(0, 2), "0.5x")  # typed into A, dog, and refused
    path = tmp_path / "work.klsession"
    assert window.file_actions.save_to(str(path))
    message = window.statusBar().currentMessage()
    assert message == "Saved work.klsession; the text not accepted in 1 cell is not in it"
    assert read_workspace(path).distribution("A").values[0] == 0.5  # what the table holds
