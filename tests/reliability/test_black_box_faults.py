"""What a black-box reliability run still found (issue 42), on the real command and the real
window: a run's name that is not valid Unicode, a picture path that is a FIFO or a device, a
damaged record in the Runs tab, the leftovers of a killed ``train --out``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.hostile import run_record, write_run
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QApplication

from lenet_desktop.paths import atomic

pytestmark = pytest.mark.skipif(os.name == "nt", reason="FIFOs and signals are POSIX")

# Names as a damaged or hand-edited run.json can hold them: JSON's escapes of an unpaired
# surrogate, and of a byte that was not UTF-8 as Python's surrogateescape carries it.
BAD_NAMES = {"lone": '"bad \\ud800"', "escaped": '"caf\\udce9"'}


def _lenet(*args: str, env: dict | None = None, timeout: float = 120):
    return subprocess.run(
        [sys.executable, "-m", "lenet_desktop", *args],
        capture_output=True, timeout=timeout, env=dict(os.environ, **(env or {})),
    )  # fmt: skip


@pytest.fixture
def bad_names(tmp_path) -> Path:
    root = tmp_path / "runs"
    root.mkdir()
    for folder, name in BAD_NAMES.items():
        text = json.dumps(run_record(id=folder, name="PLACEHOLDER")).replace('"PLACEHOLDER"', name)
        write_run(root, folder, text)
    write_run(root, "fine", name="a fine run")
    return root


@pytest.mark.parametrize("form", [[], ["--json"], ["--csv"]], ids=["table", "json", "csv"])
def test_runs_prints_names_that_are_not_unicode_as_valid_utf8(bad_names, form):
    done = _lenet("runs", *form, env={"LENET_RUNS": str(bad_names)})
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    text = done.stdout.decode("utf-8")  # raises if a byte is not UTF-8
    assert "bad \ufffd" in text and "caf\ufffd" in text and "a fine run" in text
    if form == ["--json"]:
        rows = [json.loads(line) for line in text.splitlines()]
        assert {row["name"] for row in rows} == {"bad \ufffd", "caf\ufffd", "a fine run"}


def test_runs_survives_a_terminal_that_is_not_utf8(bad_names):
    done = _lenet("runs", env={"LENET_RUNS": str(bad_names), "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"a fine run" in done.stdout


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "digit.png"
    os.mkfifo(path)
    return path


def test_predict_refuses_a_fifo_at_once(fifo):
    for _attempt in range(2):  # once more if the machine was busy: the figure is a second
        start = time.perf_counter()
        done = _lenet("predict", str(fifo), timeout=20)
        elapsed = time.perf_counter() - start
        if elapsed < 1.0:
            break
    assert done.returncode == 1
    assert elapsed < 1.0, elapsed
    assert b"not a regular file" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize("path", ["/dev/zero", "fifo"])
def test_predict_number_json_refuses_what_is_not_a_file(path, fifo):
    path = str(fifo) if path == "fifo" else path
    done = _lenet("predict", "--number", "--json", path, timeout=20)
    assert done.returncode == 1
    assert "not a regular file" in json.loads(done.stdout)["error"]


def test_opening_dropping_and_pasting_a_fifo_leaves_the_window_responsive(window, qtbot, fifo):
    inputs = window.inputs
    start = time.perf_counter()
    assert not inputs.open_image(str(fifo))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fifo))])
    assert not inputs.open_mime(mime)  # a drop, or Paste of a copied file
    assert time.perf_counter() - start < 1.0
    assert "not a regular file" in str(window.session.error)
    assert window.answer.error.isVisible()
    window.inputs.random_sample()  # the window still answers
    QApplication.processEvents()
    assert window.session.error is None and window.session.result.prediction is not None


def test_a_damaged_record_leaves_every_run_name_readable(window, panel, kept_runs):
    write_run(kept_runs, "fine", name="a run with a name to read")
    write_run(kept_runs, "hand-edited", name="another run", dataset="mnist " * 60)
    write_run(kept_runs, "damaged", json.dumps(run_record(classes=["x"] * 5000, name=7)))
    window.resize(1280, 760)
    panel.tabs.setCurrentWidget(panel.runs_view)
    view = panel.runs_view
    view.refresh()
    QApplication.processEvents()
    assert len(view.damaged) == 1 and len(view.runs) == 2
    assert view.table.columnWidth(0) >= 100, view.table.columnWidth(0)
    reason = view.damaged[0].reason
    row = len(view.runs)
    shown = [view.table.item(row, col) for col in range(view.table.columnCount())]
    assert all(item.toolTip() == reason for item in shown[1:])
    assert view.table.item(row, 1).text() == "—"


def test_a_killed_train_out_leaves_no_part_file_after_the_next(tmp_path, small_mnist):
    out = tmp_path / "mine.safetensors"
    args = ["train", "--dataset", "mnist", "--data", str(small_mnist), "--epochs", "1",
            "--out", str(out)]  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "lenet_desktop", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    parts: list[Path] = []
    while process.poll() is None and not parts:  # kill it the moment it writes X's part file
        parts = list(tmp_path.glob(".mine.safetensors.*.part"))
    process.send_signal(signal.SIGKILL)
    process.wait()
    if not list(tmp_path.glob("*.part")):
        # the save was too quick to catch: leave what a kill in it leaves, for that process
        (tmp_path / f".mine.safetensors.{process.pid}.x1y2z3.part").write_bytes(b"half")
    alive = tmp_path / f".mine.safetensors.{os.getpid()}.a1b2c3.part"  # a save going on now
    alive.write_bytes(b"being written")
    done = _lenet(*args, timeout=600)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert out.is_file()
    assert list(tmp_path.glob("*.part")) == [alive]


def test_a_term_signal_during_a_save_removes_its_part_file(tmp_path):
    """The part file of a write interrupted by SIGTERM (as by Ctrl+C) is removed."""
    script = (
        "import os, signal, sys\n"
        "from lenet_desktop.paths import atomic\n"
        "from lenet_desktop.cli.commands_training import _terminate_as_interrupt\n"
        "real = os.fsync\n"
        "def stop(fd): os.kill(os.getpid(), signal.SIGTERM); real(fd)\n"
        "os.fsync = stop\n"
        "try:\n"
        "    with _terminate_as_interrupt():\n"
        f"        atomic.write_bytes({str(tmp_path / 'x.bin')!r}, b'data')\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == 130, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_clear_stale_keeps_what_a_live_process_writes(tmp_path):
    target = tmp_path / "x.safetensors"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".x.safetensors.{dead.pid}.abc.part"
    live = tmp_path / f".x.safetensors.{os.getpid()}.def.part"
    other = tmp_path / f".y.safetensors.{dead.pid}.ghi.part"  # another file's: not ours to clear
    for path in (stale, live, other):
        path.write_bytes(b"")
    assert atomic.clear_stale(target) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])
