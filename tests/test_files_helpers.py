"""The one home of each file fact: atomic writes (old file or whole new one, never half) and
where things live (per-user folders, the package's own files)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lenet_desktop.paths import atomic, places


def test_an_atomic_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    assert atomic.write_text(target, "new — 新") == target
    assert target.read_text(encoding="utf-8") == "new — 新"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        atomic.write_bytes(target, b"new" * 1000)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]
    with pytest.raises(OSError):
        atomic.write_bytes(target / "inside", b"x")  # a file is no folder
    assert target.read_bytes() == b"old"


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_process_killed_while_writing_leaves_the_old_or_the_whole_new_file(tmp_path):
    target = tmp_path / "big.bin"
    old, new = b"o" * 4_000_000, b"n" * 4_000_000
    target.write_bytes(old)
    code = (
        "import sys; from lenet_desktop.paths.atomic import write_bytes\n"
        "print('go', flush=True)\n"
        f"while True: write_bytes(sys.argv[1], b'n' * {len(new)})\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, cwd=Path.cwd()
    )
    assert child.stdout is not None and child.stdout.readline().strip() == b"go"
    time.sleep(0.3)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert target.read_bytes() in (old, new)
    # at most one hidden temporary file beside it, never a damaged target
    assert all(p.name.startswith(".big.bin.") for p in tmp_path.iterdir() if p != target)


def test_user_folders_honour_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LENET_RUNS", str(tmp_path / "runs-here"))
    assert places.user_folder("runs") == tmp_path / "runs-here"
    assert places.user_folder("specs") == tmp_path / "specs"  # kept beside the runs
    monkeypatch.delenv("LENET_RUNS")
    base = places.user_data_folder()
    assert places.user_folder("runs") == base / "runs"
    assert places.user_folder("specs") == base / "specs"
    assert places.user_folder("datasets") == base / "datasets"
    with pytest.raises(KeyError):
        places.user_folder("nonsense")
    monkeypatch.setenv("LENET_DATA", str(tmp_path))
    assert places.data_override() == tmp_path
    monkeypatch.delenv("LENET_DATA")
    assert places.data_override() is None


def test_the_package_folders_are_found_in_a_checkout():
    import lenet_desktop

    assert places.package_folder() == Path(lenet_desktop.__file__).resolve().parent
    assert (places.resources_folder() / "i18n" / "lenet_desktop_zh_CN.ts").is_file()
    assert places.models_folder().is_dir()
    assert places.shared_datasets_folders()[0] == places.package_folder().parents[1] / (
        "shared/datasets"
    )
