"""Workers end (issue 24, case 5): a download that stalls fails after a timeout, a cancelled one
stops between files, and a worker that will not stop does not keep the process alive or abort
it when the window closes."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import threading

import pytest

from lenet_desktop.data import download as downloading
from lenet_desktop.data.datasets import MNIST, DatasetError
from lenet_desktop.data.download import DownloadCancelled


@pytest.fixture
def silent_server():
    """A server on this machine that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    stop.set()
    thread.join(2)
    for connection in accepted:
        connection.close()
    server.close()


def test_a_stalled_download_fails_with_a_message(silent_server, tmp_path, monkeypatch):
    tv = pytest.importorskip("torchvision.datasets")
    monkeypatch.setattr(tv.MNIST, "mirrors", [silent_server])
    monkeypatch.setattr(downloading, "DOWNLOAD_TIMEOUT_S", 1.0)
    with pytest.raises(DatasetError, match="could not download"):
        downloading.download(MNIST, tmp_path)
    assert socket.getdefaulttimeout() is None  # put back


def test_a_cancelled_download_stops_between_files(tmp_path):
    pytest.importorskip("torchvision.datasets")
    with pytest.raises(DownloadCancelled):
        downloading.download(MNIST, tmp_path, should_stop=lambda: True)


def test_a_worker_that_will_not_stop_does_not_abort_the_exit(tmp_path):
    script = textwrap.dedent(
        """
        import os, sys, time
        from PySide6.QtWidgets import QApplication
        from PySide6.QtCore import QObject
        from lenet_desktop.ui.tasks import Runner, lingering

        app = QApplication([])
        owner = QObject()
        runner = Runner(owner)
        runner.run(lambda: time.sleep(60), lambda r: None, lambda e: None)
        time.sleep(0.2)
        assert not runner.stop(200)  # still downloading, say
        del owner, runner
        if lingering():
            sys.stdout.write("left it\\n")
            sys.stdout.flush()
            os._exit(0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30,
        env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "left it" in done.stdout
    assert "Destroyed while thread is still running" not in done.stderr
