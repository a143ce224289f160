"""A desktop without the libraries of Qt's xcb plugin: one plain line naming the packages to
install and exit status 1, never Qt's abort and a core dump.

The fast tests simulate the missing library (the loader is replaced); the slow one needs a
system where libxcb-cursor0 is really absent (``apt-get remove libxcb-cursor0``) and xvfb-run.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lenet_desktop import qt_check

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")


def loader_without(*names: str):
    """A loader that fails for the xcb plugin and the given libraries, as dlopen would."""

    def load(path: str) -> None:
        if path.endswith("libqxcb.so") or path in names:
            raise OSError(f"{path}: cannot open shared object file: No such file or directory")

    return load


def test_the_hint_names_exactly_the_missing_libraries_and_their_packages():
    hint = qt_check.check_platform_plugin(
        {"DISPLAY": ":0"}, load=loader_without("libxcb-cursor.so.0", "libxcb-keysyms.so.1")
    )
    assert hint is not None and "\n" not in hint
    assert "libxcb-cursor.so.0, libxcb-keysyms.so.1" in hint
    assert "sudo apt install libxcb-cursor0 libxcb-keysyms1;" in hint
    assert hint.endswith("sudo dnf install xcb-util-cursor xcb-util-keysyms")
    assert "icccm" not in hint


def test_no_hint_when_the_plugin_loads_or_is_not_wanted():
    assert qt_check.check_platform_plugin({"DISPLAY": ":0"}, load=lambda path: None) is None
    failing = loader_without("libxcb-cursor.so.0")
    assert qt_check.check_platform_plugin({"QT_QPA_PLATFORM": "offscreen"}, load=failing) is None
    wayland = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert qt_check.check_platform_plugin(wayland, load=failing) is None
    assert qt_check.check_platform_plugin({**wayland, "QT_QPA_PLATFORM": "xcb"}, load=failing)


def test_a_plugin_that_fails_for_another_reason_still_gets_a_plain_line():
    hint = qt_check.check_platform_plugin({"QT_QPA_PLATFORM": "xcb"}, load=loader_without())
    assert hint is not None and "\n" not in hint and "libxcb-cursor0" in hint


def test_the_real_plugin_loads_here():
    """On this machine (libraries installed) the real check finds the plugin and passes."""
    if qt_check.xcb_plugin() is None:
        pytest.skip("PySide6 without an xcb plugin")
    if ctypes.util.find_library("xcb-cursor") is None:
        pytest.skip("libxcb-cursor0 is not installed here (the slow test covers this case)")
    assert qt_check.check_platform_plugin({"QT_QPA_PLATFORM": "xcb"}) is None


def test_the_app_prints_one_line_and_exits_1_without_creating_a_window():
    """The real command line, with the loader made to miss libxcb-cursor: status 1 and one line
    on stderr. Without the check, Qt would abort on the display that is not there."""
    script = textwrap.dedent(
        """
        import sys
        from lenet_desktop import cli
        from lenet_desktop import qt_check

        def load(path):
            if path.endswith("libqxcb.so") or path == "libxcb-cursor.so.0":
                raise OSError(path)

        qt_check._load = load
        raise SystemExit(cli.main([]))
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":97")
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("LeNet Desktop cannot open a window")
    assert "libxcb-cursor0" in lines[0] and "xcb-util-cursor" in lines[0]


def test_a_source_install_without_libxcb_cursor_under_xvfb(tmp_path):
    """The real case, with nothing of the app replaced: `lenet-desktop` under Xvfb on a system
    where the dynamic loader cannot use libxcb-cursor0 — hidden here by an empty file of its
    name first on LD_LIBRARY_PATH, so the test runs wherever the library is installed (CI
    included)."""
    if qt_check.xcb_plugin() is None:
        pytest.skip("PySide6 without an xcb plugin")
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / "libxcb-cursor.so.0").write_bytes(b"")  # "file too short": the loader stops here
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    env["LD_LIBRARY_PATH"] = os.pathsep.join(
        filter(None, [str(hidden), env.get("LD_LIBRARY_PATH")])
    )
    command = [sys.executable, "-m", "lenet_desktop"]
    if shutil.which("xvfb-run") is not None:
        command = ["xvfb-run", "-a", *command]
    else:
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":97")
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert lines == [line for line in lines if line.startswith("LeNet Desktop cannot open")]
    assert len(lines) == 1
    assert "libxcb-cursor0" in lines[0] and "xcb-util-cursor" in lines[0]
