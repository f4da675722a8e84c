"""The memory the readers may use: the machine's free memory, or less where a container's
memory limit (a cgroup, v2 or v1) leaves less; read from a fake system tree here."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import memory
from core.memory import available_memory, readable_size

GB = 1000**3


@pytest.fixture
def system(tmp_path, monkeypatch):
    """A fake system tree with 8 GB available on the machine; returns a writer of its files."""
    monkeypatch.setattr(memory, "SYSTEM_ROOT", tmp_path)

    def put(name: str, text: str) -> None:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="ascii")

    put("proc/meminfo", f"MemTotal: 16000000 kB\nMemAvailable: {8 * GB // 1024} kB\n")
    return put


def test_without_cgroups_the_machines_free_memory_counts(system):
    system("proc/self/cgroup", "0::/\n")
    assert available_memory() == 8 * GB // 1024 * 1024


def test_a_cgroup_v2_limit_of_the_container_leaves_less(system):
    system("proc/self/cgroup", "0::/\n")  # a container sees its own cgroup at the mount point
    system("sys/fs/cgroup/memory.max", f"{2 * GB}\n")
    system("sys/fs/cgroup/memory.current", f"{GB // 2}\n")
    # Page cache it can drop (inactive files) is room, not use.
    system("sys/fs/cgroup/memory.stat", f"anon 100\ninactive_file {GB // 4}\nactive_file 7\n")
    assert available_memory() == 2 * GB - (GB // 2 - GB // 4)


def test_no_limit_and_no_cgroup_files_leave_the_machines_memory(system):
    system("proc/self/cgroup", "0::/user.slice/session-1.scope\n")
    system("sys/fs/cgroup/user.slice/memory.max", "max\n")
    system("sys/fs/cgroup/user.slice/memory.current", f"{GB}\n")
    assert available_memory() == 8 * GB // 1024 * 1024


def test_the_tightest_limit_of_the_cgroups_holding_the_process_counts(system):
    system("proc/self/cgroup", "0::/outer/inner\n")
    system("sys/fs/cgroup/outer/memory.max", f"{3 * GB}\n")
    system("sys/fs/cgroup/outer/memory.current", f"{2 * GB}\n")  # 1 GB left above
    system("sys/fs/cgroup/outer/inner/memory.max", f"{4 * GB}\n")
    system("sys/fs/cgroup/outer/inner/memory.current", f"{GB}\n")  # 3 GB left here
    assert available_memory() == GB


def test_a_cgroup_v1_memory_limit_leaves_less(system):
    system(
        "proc/self/cgroup",
        "9:name=systemd:/\n4:memory:/process_api/abc\n1:cpu:/\n0::/\n",
    )
    folder = "sys/fs/cgroup/memory/process_api/abc"
    system(f"{folder}/memory.limit_in_bytes", f"{3 * GB}\n")
    system(f"{folder}/memory.usage_in_bytes", f"{GB}\n")
    system(f"{folder}/memory.stat", "cache 5\ntotal_inactive_file 1000\n")
    # v1 writes "no limit" as a huge number: not a limit.
    system("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n")
    system("sys/fs/cgroup/memory/memory.usage_in_bytes", f"{GB}\n")
    assert available_memory() == 3 * GB - (GB - 1000)


def test_a_container_without_a_cgroup_namespace_finds_its_limit_at_the_mount_point(system):
    # /proc/self/cgroup names the host's path, which the container does not mount.
    system("proc/self/cgroup", "4:memory:/docker/0123abcd\n")
    system("sys/fs/cgroup/memory/memory.limit_in_bytes", f"{GB}\n")
    system("sys/fs/cgroup/memory/memory.usage_in_bytes", f"{GB // 4}\n")
    assert available_memory() == GB - GB // 4


def test_damaged_system_files_are_ignored(system, tmp_path: Path):
    system("proc/self/cgroup", "garbage\n0::/\n")
    system("sys/fs/cgroup/memory.max", "lots\n")
    system("sys/fs/cgroup/memory.current", "-1\n")
    assert available_memory() == 8 * GB // 1024 * 1024


def test_sizes_read_as_people_write_them():
    assert readable_size(512) == "512 bytes"
    assert readable_size(1_500_000) == "1.5 MB"
    assert readable_size(2.9 * GB) == "2.9 GB"
