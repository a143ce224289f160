"""Start-up as the learner meets it: the window answers a drawing from the model file's NumPy
forward pass before torch's model exists, and the maps follow once it does."""

from __future__ import annotations

import ast
import inspect
import json
import os
import subprocess
import sys
import textwrap

import numpy as np
from PySide6.QtWidgets import QApplication

from lenet_desktop.ui.app import SAMPLE_SEVEN, create_app, start
from lenet_desktop.ui.main_window import MainWindow


def draw_seven(window: MainWindow) -> None:
    for points in SAMPLE_SEVEN:
        window.canvas.draw_polyline(list(points))
    QApplication.processEvents()


def test_the_window_answers_before_torchs_model_exists(qtbot, settings):
    create_app()
    window = MainWindow(model="mnist", settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.answering, timeout=10_000):
        window.loader.preview()
    draw_seven(window)
    session = window.session
    assert session.previewing and session.predictor is None  # no torch model yet…
    assert session.prediction.label == "7"  # …and the answer is on screen
    assert "7" in window.answer.answer.text() and "Loading" not in window.answer.answer.text()
    assert int(np.argmax(window.chart.values)) == 7
    assert window.chart.classes == tuple(str(d) for d in range(10))
    assert "mnist" in window.status.model_label.text()
    assert window.loader.shipped_actions["mnist"].isChecked()
    first = session.prediction

    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.finish_startup()
    assert not session.previewing and session.predictor is not None
    assert session.prediction.label == "7"  # the same drawing, now through torch
    np.testing.assert_allclose(session.prediction.probabilities, first.probabilities, atol=1e-5)
    bands = [band.key for band in window.maps.mosaics.bands]
    assert bands == list(session.prediction.activations)  # the maps followed
    assert window.maps.mosaics.values["C1"][0].shape == (6, 28, 28)
    window.close()


def test_start_up_as_the_app_does_it(qtbot, settings):
    """After the first paint: the preview, then torch and the views from a background thread,
    then torch's model, with nothing asked of the test in between."""
    create_app()
    window = MainWindow(model="fashion-mnist", settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    with qtbot.waitSignal(window.answering, timeout=10_000):
        start(window)
    assert window.session.previewing and not ready
    assert window.chart.raw_classes[-1] == "Ankle boot"
    qtbot.waitUntil(lambda: bool(ready), timeout=60_000)
    assert window.session.model.source == "fashion-mnist" and not window.session.previewing
    assert window.tabs.count() >= 4 and window.menu_actions["training"].isEnabled()
    window.close()


def test_the_smoke_test_answers_from_numpy_first_then_from_torch():
    """``--smoke-test`` as a frozen bundle runs it: the seven read first from NumPy, then by
    torch's model, and the moments of each for the start-up benchmark."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "lenet_desktop", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["first_label"] == result["label"] == "7"
    assert result["first_by"] == "numpy" and result["device"]
    assert result["painted_at"] <= result["predicted_at"] <= result["ready_at"]


def test_the_background_preload_imports_every_module_the_window_finishes_with():
    """``HEAVY_MODULES`` (imported off the main thread at start-up) names every package module
    that ``finish_startup`` imports, so none of them is left for the main thread to wait on."""
    from lenet_desktop.ui import app, main_window

    source = textwrap.dedent(inspect.getsource(main_window.MainWindow.finish_startup))
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lenet_desktop.")
    }
    light = {"lenet_desktop.nn.device"}  # only torch, which nn.inference has already loaded
    missing = imported - light - set(app.HEAVY_MODULES)
    assert not missing, missing
