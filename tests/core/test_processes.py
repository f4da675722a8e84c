"""A writer's process is told apart from a later process given the same id: by the time it
started and the boot it ran in."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from core.processes import ProcessIdentity, current_boot, start_time


@pytest.fixture
def live_pid() -> int:
    """A process that runs for the whole test and is not this one: the test's parent."""
    if start_time(os.getppid()) is None:
        pytest.skip("this system does not say when a process started")
    return os.getppid()


def test_this_process_is_running():
    assert ProcessIdentity.current().is_running()


def test_a_live_process_is_its_own_writer(live_pid):
    assert ProcessIdentity(live_pid, start_time(live_pid), current_boot()).is_running()


def test_a_live_process_that_started_at_another_time_is_not_the_writer(live_pid):
    assert not ProcessIdentity(live_pid, start_time(live_pid) + 1, current_boot()).is_running()


def test_a_process_of_another_boot_is_not_running_whatever_its_id(live_pid):
    if current_boot() is None:
        pytest.skip("this system has no boot id")
    other_boot = "0" * 8 if current_boot() != "0" * 8 else "1" * 8
    assert not ProcessIdentity(live_pid, start_time(live_pid), other_boot).is_running()


def test_an_ended_process_is_not_running(ended_pid):
    assert not ProcessIdentity(ended_pid).is_running()
    assert not ProcessIdentity(ended_pid, 12345, current_boot()).is_running()


def test_a_record_with_only_an_id_is_compared_by_its_id(live_pid, ended_pid):
    assert ProcessIdentity.from_record({"pid": live_pid}).is_running()
    assert not ProcessIdentity.from_record({"pid": ended_pid}).is_running()


def test_an_identity_survives_its_record():
    current = ProcessIdentity.current()
    assert ProcessIdentity.from_record(current.as_record()) == current


@pytest.mark.parametrize(
    "record",
    [{}, {"pid": "12"}, {"pid": 12, "start_time": "later"}, {"pid": 12, "boot": 7}],
)
def test_a_malformed_record_is_refused(record):
    with pytest.raises((KeyError, TypeError, ValueError)):
        ProcessIdentity.from_record(record)


def test_a_process_whose_name_holds_parentheses_and_spaces_has_a_start_time(tmp_path):
    if start_time(os.getpid()) is None:
        pytest.skip("this system does not say when a process started")
    odd = tmp_path / "odd) name ) 1 2 3"  # the command name /proc/PID/stat shows
    odd.symlink_to(sys.executable)
    child = subprocess.Popen(
        [str(odd), "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        started = start_time(child.pid)
        assert started is not None and started >= start_time(os.getpid())
        assert ProcessIdentity(child.pid, started, current_boot()).is_running()
    finally:
        child.communicate(timeout=60)
