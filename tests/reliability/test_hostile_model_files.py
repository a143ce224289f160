"""Damaged, mismatched and malicious model files: a clear message naming the file, the payload
of a pickle never runs, and the model in use stays in use."""

from __future__ import annotations

import json
import os
import pickle

import pytest
import torch
from helpers.strokes import stroke
from reliability.test_hostile_images import SEVEN, drop_file
from safetensors.torch import save_file

from lenet_desktop.cli import main
from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import model_metadata, save_model
from lenet_desktop.nn.bundle import new_model


class Payload:
    """Unpickling this creates the file ``marker``: proof that code ran."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture(scope="module")
def bad_models(tmp_path_factory):
    """{file name: words its message must hold}, and the marker a payload would create."""
    folder = tmp_path_factory.mktemp("models")
    marker = folder / "payload-ran"
    bundle = new_model("modern", MNIST)
    meta = model_metadata(bundle)
    tensors = {k: v.contiguous() for k, v in bundle.network.state_dict().items()}
    good = save_model(bundle, folder / "good.safetensors").read_bytes()
    cases = {}

    def raw(name, content, metadata=meta, words=""):
        save_file(content, str(folder / name), metadata=metadata)
        cases[name] = words

    (folder / "truncated.safetensors").write_bytes(good[: len(good) // 2])
    cases["truncated.safetensors"] = "truncated"
    (folder / "random.safetensors").write_bytes(os.urandom(4096))
    cases["random.safetensors"] = ""
    (folder / "empty.safetensors").write_bytes(b"")
    cases["empty.safetensors"] = ""
    raw("missing.safetensors", {k: v for k, v in tensors.items() if k != "C3.weight"},
        words="missing")  # fmt: skip
    raw("extra.safetensors", tensors | {"bonus": torch.zeros(3)}, words="unexpected")
    raw("misshaped.safetensors", tensors | {"F5.weight": torch.zeros(10, 400)}, words="F5.weight")
    nan = {k: v.clone() for k, v in tensors.items()}
    nan["C1.weight"][0, 0, 0, 0] = float("nan")
    raw("nan.safetensors", nan, words="NaN")
    raw("alexnet.safetensors", tensors, meta | {"architecture": "alexnet"}, words="alexnet")
    raw("no-metadata.safetensors", tensors, None, words="not a LeNet Desktop model")
    torch.save({"C1.weight": Payload(marker)}, folder / "evil.pt")
    cases["evil.pt"] = "pickle"
    (folder / "evil.safetensors").write_bytes(pickle.dumps({"C1.weight": Payload(marker)}))
    cases["evil.safetensors"] = ""
    return folder, cases, marker


def test_the_payload_would_really_run(tmp_path):
    pickle.loads(pickle.dumps(Payload(tmp_path / "ran"))).close()
    assert (tmp_path / "ran").exists()  # so "never runs" below means something


def test_predict_refuses_each_naming_the_file(bad_models, tmp_path, capsys):
    folder, cases, marker = bad_models
    image = tmp_path / "seven.png"
    from PIL import Image, ImageDraw

    picture = Image.new("L", (200, 200), 255)
    ImageDraw.Draw(picture).line([(50, 40), (150, 40), (90, 170)], fill=0, width=14)
    picture.save(image)
    for name, words in cases.items():
        code = main(["predict", "--model", str(folder / name), "--json", str(image)])
        captured = capsys.readouterr()
        assert code == 1, name
        assert name in captured.err and words in captured.err, (name, captured.err)
        assert "Traceback" not in captured.err
    assert not marker.exists()


@pytest.mark.parametrize("how", ["menu", "drop"])
def test_the_window_keeps_its_model(window, qtbot, bad_models, how):
    folder, cases, marker = bad_models
    stroke(window.canvas, SEVEN[0])
    before = window.session.prediction
    for name, words in cases.items():
        if name == "no-metadata.safetensors":
            continue  # a bare state dict: the window offers to import it (test_notebook_window)
        with qtbot.waitSignal(window.loader.failed, timeout=30_000) as failed:
            if how == "menu":
                window.loader.load(str(folder / name))
            else:
                drop_file(window, folder / name)
        assert name in failed.args[0] and words in failed.args[0], (name, failed.args[0])
        assert window.answer.error.isVisible() and name in window.answer.error.text()
        assert window.session.predictor.bundle.source == "mnist"
        window.session.refresh()
        assert window.session.prediction.label == before.label
    assert not marker.exists()
    assert json.loads(json.dumps(window.settings.value("model"))) == "mnist"
