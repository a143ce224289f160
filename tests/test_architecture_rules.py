"""The boundaries of the code, checked by tools: the engine never imports Qt (import-linter's
contracts in pyproject.toml), and importing every engine module loads no Qt at run time."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import lenet_desktop

REPO = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    done = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_importing_every_engine_module_loads_no_qt():
    """Every module of the package except the UI and the command line (which starts it) —
    found, not listed — imported in a fresh interpreter."""
    engine = [
        m.name
        for m in pkgutil.walk_packages(lenet_desktop.__path__, "lenet_desktop.")
        if not m.name.startswith(
            ("lenet_desktop.ui", "lenet_desktop.cli", "lenet_desktop.__main__")
        )
    ]
    expected = {"session", "nn.inference", "data.preprocessing", "training.loop", "nn.fast_ops"}
    assert {f"lenet_desktop.{name}" for name in expected} <= set(engine)
    imports = "; ".join(f"import {name}" for name in engine)
    code = (
        f"import sys; {imports}; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', "
        "'pyqtgraph'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
