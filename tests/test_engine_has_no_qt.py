"""The engine never imports Qt: it serves the command line, tests and benchmarks alone."""

from __future__ import annotations

import subprocess
import sys

ENGINE = [
    "cli",
    "datasets",
    "device",
    "evaluation",
    "inference",
    "layer_table",
    "model_files",
    "models",
    "options",
    "preprocessing",
    "training",
]


def test_importing_the_engine_loads_no_qt():
    imports = "; ".join(f"import lenet_desktop.{name}" for name in ENGINE)
    code = (
        f"import sys; {imports}; "
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', "
        "'pyqtgraph'))); print(qt)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
