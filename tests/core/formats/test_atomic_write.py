"""Saving writes through symbolic links, keeps permissions, refuses read-only files and
cleans up what a killed save left behind."""

from __future__ import annotations

import os

import pytest

from core.formats.atomic_write import ReadOnlyFileError, write_atomically
from core.processes import ProcessIdentity, current_boot, start_time


def test_saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link(tmp_path):
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real = real_folder / "work.klsession"
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    link = tmp_path / "link.klsession"
    link.symlink_to(os.path.join("real", "work.klsession"))  # relative, as ln -s makes them
    write_atomically(link, b"new")
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "work.klsession")
    assert real.read_bytes() == b"new"
    assert os.stat(real).st_mode & 0o777 == 0o640
    # The temporary file was made beside the real file, and nothing is left anywhere.
    assert sorted(p.name for p in real_folder.iterdir()) == ["work.klsession"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.klsession", "real"]


def test_a_dangling_link_gets_its_target_written(tmp_path):
    link = tmp_path / "link.klsession"
    link.symlink_to(tmp_path / "later.klsession")
    write_atomically(link, b"data")
    assert link.is_symlink() and (tmp_path / "later.klsession").read_bytes() == b"data"


def test_a_symbolic_link_loop_is_refused_and_left_alone(tmp_path):
    first, second = tmp_path / "a.klsession", tmp_path / "b.klsession"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(OSError, match="symbolic links"):
        write_atomically(first, b"data")
    assert first.is_symlink() and second.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.klsession", "b.klsession"]


@pytest.mark.parametrize("mode", [0o444, 0o400], ids=["for everyone", "owner-only"])
def test_a_read_only_file_is_refused_and_kept(tmp_path, mode):
    path = tmp_path / "protected.klsession"
    path.write_bytes(b"keep me")
    os.chmod(path, mode)
    with pytest.raises(ReadOnlyFileError, match="read-only"):
        write_atomically(path, b"overwritten")
    assert path.read_bytes() == b"keep me"
    assert os.stat(path).st_mode & 0o777 == mode
    assert [p.name for p in tmp_path.iterdir()] == ["protected.klsession"]


def test_a_read_only_file_behind_a_link_is_refused(tmp_path):
    real = tmp_path / "protected.klsession"
    real.write_bytes(b"keep me")
    os.chmod(real, 0o444)
    link = tmp_path / "link.klsession"
    link.symlink_to(real)
    with pytest.raises(ReadOnlyFileError):
        write_atomically(link, b"overwritten")
    assert real.read_bytes() == b"keep me"


def test_the_next_save_removes_what_killed_saves_left_and_nothing_else(tmp_path, ended_pid):
    dead = ended_pid
    left_by_a_killed_save = [
        tmp_path / f".work.klsession.kl-explorer-{dead}-abc_123.tmp",
        tmp_path / f".other\nname.csv.kl-explorer-{dead}-x9.tmp",  # any file of that folder
    ]
    still_being_written = tmp_path / f".work.klsession.kl-explorer-{os.getpid()}-live.tmp"
    not_ours = [
        tmp_path / ".work.klsession.12345.tmp",
        tmp_path / f"kl-explorer-{dead}-abc.tmp",
        tmp_path / "notes.tmp",
    ]
    for path in [*left_by_a_killed_save, still_being_written, *not_ours]:
        path.write_bytes(b"partial")
    write_atomically(tmp_path / "work.klsession", b"complete")
    remaining = {p.name for p in tmp_path.iterdir()}
    assert remaining == {"work.klsession", still_being_written.name} | {p.name for p in not_ours}
    assert (tmp_path / "work.klsession").read_bytes() == b"complete"


def test_a_killed_save_s_leftover_goes_though_its_process_id_now_belongs_to_another(tmp_path):
    live = os.getppid()  # a process that runs, and did not write these files
    started = start_time(live)
    if started is None:
        pytest.skip("this system does not say when a process started")
    boot = current_boot() or ""
    left_by_a_killed_save = [
        tmp_path / f".work.klsession.kl-explorer-{live}-{started + 1}-{boot}-abc_123.tmp",
        tmp_path / f".work.klsession.kl-explorer-{live}-{started}-{'0' * 7}1-abc_124.tmp",
    ]
    being_written = tmp_path / f".work.klsession.kl-explorer-{live}-{started}-{boot}-abc_125.tmp"
    for path in [*left_by_a_killed_save, being_written]:
        path.write_bytes(b"partial")
    write_atomically(tmp_path / "work.klsession", b"complete")
    assert {p.name for p in tmp_path.iterdir()} == {"work.klsession", being_written.name}


def test_a_save_s_temporary_file_names_its_writer(tmp_path, monkeypatch):
    names = []
    real_replace = os.replace

    def replace(source, target):
        names.append(os.path.basename(source))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    write_atomically(tmp_path / "work.klsession", b"complete")
    writer = ProcessIdentity.current()
    start = "" if writer.start_time is None else writer.start_time
    tag = f"kl-explorer-{writer.pid}-{start}-{writer.boot or ''}-"
    assert names and names[0].startswith(f".work.klsession.{tag}")
