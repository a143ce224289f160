"""What several benchmarks share: the real window offscreen with its model loaded, a 7 drawn on
its canvas, a percentile, and the figures printed as a table or JSON."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def open_window(model: str = "mnist", size: tuple[int, int] = (1360, 820)):
    """``(app, window)``: the main window shown offscreen, its model in use (RuntimeError when
    it does not load within a minute), with a settings file of its own."""
    from PySide6.QtCore import QSettings

    from lenet_desktop.ui.app import create_app
    from lenet_desktop.ui.main_window import MainWindow

    app = create_app()
    store = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(model=model, settings=store)
    window.resize(*size)
    window.show()
    loaded: list[bool] = []
    window.ready.connect(lambda: loaded.append(True))
    window.finish_startup()
    deadline = time.perf_counter() + 60
    while not loaded and time.perf_counter() < deadline:
        app.processEvents()
    if not loaded:
        raise RuntimeError("the model did not load")
    return app, window


def draw_seven(window) -> None:
    """A 7 on the canvas, read."""
    canvas = window.canvas
    for t in range(12):
        canvas.draw_polyline([(0.3 + 0.04 * t, 0.25), (0.34 + 0.04 * t, 0.25)])
    canvas.draw_polyline([(0.75, 0.25), (0.45, 0.8)])
    window.session.draw(canvas.to_array())


def report(figures: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:28} {value}")
