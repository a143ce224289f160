"""LeNet-5 as LeCun et al. (1998) built it: the paper's input scaling, 60,000 trainable
parameters, and the Euclidean RBF output with fixed 7×12 ±1 codes of the ten digits."""

from __future__ import annotations

import json

import numpy as np
import torch

from lenet_desktop.cli import main
from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import load_model, save_model
from lenet_desktop.nn.bundle import ModelBundle, new_model
from lenet_desktop.nn.models import RBF_BITMAPS, RBF_SHAPE, RBFOutput, lenet5, rbf_codes


def test_the_codes_are_plus_minus_one_bitmaps_7_wide_and_12_high():
    assert RBF_SHAPE == (12, 7) and len(RBF_BITMAPS) == 10
    for bitmap in RBF_BITMAPS:
        rows = bitmap.split("|")
        assert len(rows) == 12 and all(len(row) == 7 for row in rows)
    codes = rbf_codes()
    assert codes.shape == (10, 84)
    assert set(codes.unique().tolist()) == {-1.0, 1.0}
    # Ten different codes, far apart: the nearest code of each is itself.
    distances = torch.cdist(codes, codes) ** 2
    assert (distances + torch.eye(10) * 1e9).min() >= 8  # at least two pixels differ


def test_the_predicted_class_is_the_one_at_the_smallest_distance():
    layer = RBFOutput(10)
    x = rbf_codes()[7].unsqueeze(0) + 0.3 * torch.randn(
        5, 84, generator=torch.Generator().manual_seed(0)
    )
    distances = layer.distances(x)
    assert torch.equal(layer(x).argmax(1), distances.argmin(1))
    assert (distances.argmin(1) == 7).all()
    manual = ((x[0] - layer.centres[3]) ** 2).sum()
    assert torch.isclose(distances[0, 3], manual)
    assert not any(p.requires_grad for p in layer.parameters())  # nothing to train


def test_info_lists_the_papers_parameters(capsys):
    assert main(["info", "lenet5", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    counted = {row["name"]: row["parameters"] for row in info["layers"] if row["parameters"]}
    assert counted == {"C1": 156, "S2": 12, "C3": 1516, "S4": 32, "C5": 48120, "F6": 10164}
    output = info["layers"][-1]
    assert output["type"] == "RBFOutput" and output["fixed"] == 840 and output["parameters"] == 0
    assert info["total_parameters"] == 60_000 and info["fixed_parameters"] == 840


def test_a_new_lenet5_sees_the_papers_input_scale():
    bundle = new_model("lenet5", MNIST)
    blank, ink = (
        (0.0 - bundle.dataset.mean) / bundle.dataset.std,
        (1.0 - bundle.dataset.mean) / bundle.dataset.std,
    )
    assert abs(blank - -0.1) < 1e-6 and abs(ink - 1.175) < 1e-6
    assert float(bundle.network.pad.value) == -0.1 or abs(bundle.network.pad.value + 0.1) < 1e-6


def test_a_lenet5_file_from_before_the_rbf_output_still_loads(tmp_path):
    old = ModelBundle(network=lenet5(10, -MNIST.mean / MNIST.std, rbf=False),
                      architecture="lenet5", dataset=MNIST)  # fmt: skip
    path = save_model(old, tmp_path / "old-lenet5.safetensors")
    loaded = load_model(path)
    assert isinstance(loaded.network.output, torch.nn.Linear)
    x = torch.zeros(1, 1, 28, 28)
    assert torch.allclose(loaded.network(x), old.network.eval()(x))


def test_the_app_shows_f6_as_7_by_12_beside_each_code(qtbot, tmp_path):
    """The LeNet-5 Output tab: shown only for an RBF model; F6 drawn as 7×12, the distances
    are the logits' negatives, the nearest framed."""
    from PySide6.QtCore import QSettings

    from lenet_desktop.ui.app import create_app
    from lenet_desktop.ui.main_window import MainWindow

    create_app()
    bundle = new_model("lenet5", MNIST)
    path = save_model(bundle, tmp_path / "lenet5.safetensors")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(model="mnist", settings=settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.finish_startup()
    index = window.tabs.indexOf(window.rbf)
    assert not window.tabs.isTabVisible(index)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.loader.load(str(path))
    assert window.tabs.isTabVisible(index)
    window.canvas.draw_polyline([(0.5, 0.15), (0.5, 0.85)])
    picture = window.rbf.picture
    prediction = window.session.prediction
    assert picture.f6.shape == (12, 7)
    assert np.allclose(picture.distances, -prediction.logits)
    assert int(np.argmin(picture.distances)) == prediction.index
    window.close()
