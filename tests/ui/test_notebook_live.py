"""Issue 39: a notebook's network, live in the window. Each notebook below runs in a process
of its own with ``live.watch`` added, while the real window follows: the maps change as it
trains, and after its last step the window's probabilities for a drawing are the script's
final network's on the app's 28×28 input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PySide6.QtWidgets import QApplication
from test_startup import draw_seven

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def follow_notebook(window, qtbot, tmp_path, fashion_dir, script: str):
    """Run ``script`` beside the window; the C1 maps the window showed on the way, and the
    script's final probabilities with the window's."""
    draw_seven(window)
    image, out = tmp_path / "input.pt", tmp_path / "out.json"
    maps: list[float] = []

    def shown(_result=None) -> None:
        prediction = window.session.result.prediction
        if window.notebook.follower.shown is not None and prediction is not None:
            maps.append(float(np.abs(prediction.activations["C1"]).sum()))

    window.session.predicted.connect(shown)
    process = subprocess.Popen(
        [sys.executable, str(NOTEBOOKS / script), str(fashion_dir), str(image), str(out)],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: window.notebook.follower.shown is not None, timeout=60_000)
        assert window.notebook.dock.isVisible()
        prepared = window.session.result.prepared  # the app's 28×28 input, now Fashion-MNIST's
        torch.save(torch.from_numpy(prepared.image.copy()), tmp_path / "input.tmp")
        os.replace(tmp_path / "input.tmp", image)
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=120_000)
        output, errors = process.communicate()
        assert process.returncode == 0, errors
        final = json.loads(out.read_text())
        expected = np.array(final["probabilities"])

        def same() -> bool:
            prediction = window.session.result.prediction
            if prediction is None:
                return False
            return np.abs(prediction.probabilities - expected).max() < 1e-5

        qtbot.waitUntil(same, timeout=20_000)
    finally:
        window.session.predicted.disconnect(shown)
        if process.poll() is None:
            process.kill()
    assert window.notebook.follower.shown.step == final["step"]
    assert QApplication.activeModalWidget() is None  # no dialog asked anything
    return maps, output


@pytest.mark.parametrize("script", ["book_zh.py", "book_en.py"])
def test_the_books_network_is_followed_as_it_trains(window, qtbot, tmp_path, fashion_dir, script):
    maps, output = follow_notebook(window, qtbot, tmp_path, fashion_dir, script)
    assert len(set(maps)) >= 2, maps  # the maps changed during training
    assert output == ""  # the app was there: nothing printed
    bundle = window.session.model
    assert bundle.architecture == "d2l" and bundle.dataset.name == "fashion-mnist"
    assert (bundle.dataset.mean, bundle.dataset.std) == (0.0, 1.0)  # ToTensor's pixels
    assert "Live from your notebook" in window.answer.answer.text()
    if script == "book_zh.py":  # the loss it logged, as a curve
        assert [p[0] for p in window.notebook.follower.metrics["loss"]] == [8, 16, 24]
        assert "loss" in window.notebook.dock.curves


def test_a_hand_written_class_is_shown_exactly(window, qtbot, tmp_path, fashion_dir):
    maps, _ = follow_notebook(window, qtbot, tmp_path, fashion_dir, "own_class.py")
    assert len(set(maps)) >= 2
    spec = window.session.model.spec
    assert [layer.type for layer in spec.layers] == [
        "conv", "relu", "maxpool", "conv", "relu", "maxpool", "flatten",
        "linear", "relu", "linear", "relu", "linear",
    ]  # fmt: skip
    layers = window.notebook.dock.layers.text()
    assert "MaxPool2d(kernel_size=2" in layers and "max_pool2d(x, 2" in layers
    assert "relu(x" in layers and "x.view(size, -1)" in layers


def test_stop_following_gives_the_model_back_and_a_copy_is_kept(
    window, qtbot, tmp_path, fashion_dir
):
    before = window.session.model
    follow_notebook(window, qtbot, tmp_path, fashion_dir, "book_zh.py")
    follower = window.notebook.follower
    shown = follower.shown.bundle
    window.notebook.dock.save_to(str(tmp_path / "kept.safetensors"))
    from lenet_desktop.files.model_files import load_model

    kept = load_model(tmp_path / "kept.safetensors")
    x = torch.rand(2, 1, 28, 28)
    with torch.no_grad():
        assert torch.allclose(kept.network(x), shown.network(x))
    window.notebook.dock.toggle.click()
    assert window.session.model is before and not follower.following
    assert "Follow Again" in window.notebook.dock.toggle.text()
    window.notebook.dock.toggle.click()  # Follow Again: the newest network the notebook sent
    again = window.session.model
    assert follower.following and again.training["notebook"]["name"] == "net"
    with torch.no_grad():
        assert torch.equal(again.network(x), shown.network(x))


def test_the_notebooks_dock_fits_a_laptops_screen(window, qtbot):
    """At 1024×700 the dock opens as a strip at the bottom: the window stays within the screen
    and the answer's ten classes stay in sight."""
    import time

    from helpers.notebook_nets import book_lenet

    from lenet_desktop.live.receiver import decode
    from lenet_desktop.live.structure import describe, safetensors_bytes

    window.resize(1024, 700)
    layers, how = describe(book_lenet())
    state = {k: v.detach().clone() for k, v in book_lenet().state_dict().items()}
    header = {"kind": "network", "name": "net", "step": 7, "layers": layers, "structure": how,
              "classes": 10, "taken_at": time.time(), "watch": "1"}  # fmt: skip
    window.notebook.bridge.put(decode(header, safetensors_bytes(state)))
    qtbot.waitUntil(lambda: window.notebook.follower.shown is not None)
    QApplication.processEvents()
    dock = window.notebook.dock
    assert dock.isVisible() and window.height() <= 700
    assert dock.height() <= window.height() // 3 + 40
    assert window.chart.isVisible() and len(window.chart.values) == 10
