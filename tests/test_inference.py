"""One forward pass: probabilities, every layer's maps, and the device it ran on."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from lenet_desktop.data.datasets import MNIST
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.nn.device import available_devices, resolve_device
from lenet_desktop.nn.inference import Predictor
from lenet_desktop.nn.layer_table import layer_table
from lenet_desktop.options import ARCHITECTURES


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_probabilities_and_activations_of_every_layer(architecture, mnist_splits):
    bundle = new_model(architecture, MNIST)
    predictor = Predictor(bundle, "cpu")
    _, test = mnist_splits
    prepared, prediction = predictor.predict_image(test.images[0].numpy())
    assert prediction is not None
    assert prediction.probabilities.shape == (10,)
    assert prediction.probabilities.sum() == pytest.approx(1.0, abs=1e-5)
    assert (prediction.probabilities >= 0).all()
    assert prediction.label == MNIST.classes[prediction.index]
    assert prediction.device == "cpu"
    table = {row.name: row for row in layer_table(bundle.network)}
    expected = [r.name for r in table.values() if r.kind in ("conv", "pool", "activation")]
    assert [
        n for n in prediction.activations if table[n].kind in ("conv", "pool", "activation")
    ] == expected
    for name, activation in prediction.activations.items():
        assert activation.shape == table[name].output_shape, name
        assert np.isfinite(activation).all()


def test_activations_are_the_real_layer_outputs():
    bundle = new_model("d2l", MNIST)
    predictor = Predictor(bundle, "cpu")
    tensor = torch.randn(1, 1, 28, 28)
    prediction = predictor.predict(tensor)
    with torch.no_grad():
        c1 = bundle.network.C1(tensor)
        expected = torch.sigmoid(c1)
    np.testing.assert_allclose(prediction.activations["C1"], c1[0].numpy(), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(
        prediction.activations["C1_sigmoid"], expected[0].numpy(), rtol=1e-5, atol=1e-6
    )


def test_blank_picture_is_not_classified():
    predictor = Predictor(new_model("modern", MNIST), "cpu")
    prepared, prediction = predictor.predict_image(np.full((100, 100), 255, np.uint8))
    assert prepared.empty and prediction is None


def test_best_device_order(monkeypatch):
    monkeypatch.delenv("LENET_DEVICE", raising=False)
    devices = available_devices()
    assert devices[-1] == "cpu"
    assert str(resolve_device()) == devices[0]
    if torch.cuda.is_available():
        assert devices[0].startswith("cuda")


def test_best_device_prefers_cuda_then_mps(monkeypatch):
    monkeypatch.delenv("LENET_DEVICE", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    assert available_devices()[0] == "cuda"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert available_devices()[:1] == ["mps"]


def test_device_override_by_argument_and_environment(monkeypatch):
    monkeypatch.setenv("LENET_DEVICE", "cpu")
    assert resolve_device() == torch.device("cpu")
    assert resolve_device("cpu") == torch.device("cpu")
    with pytest.raises(ValueError, match="unknown device"):
        resolve_device("banana")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="not available"):
            resolve_device("cuda")
        monkeypatch.setenv("LENET_DEVICE", "cuda")
        with pytest.raises(ValueError, match="not available"):
            resolve_device()


def test_no_hooks_pile_up_and_old_predictors_are_freed():
    """Moving a model between devices or putting it in use again many times leaves the network
    without forward hooks, and the predictors that were replaced are freed (review defect 1)."""
    import gc
    import weakref

    bundle = new_model("modern", MNIST)
    tensor = torch.randn(1, 1, 28, 28)
    first = Predictor(bundle, "cpu").predict(tensor)
    replaced = []
    for _ in range(25):
        predictor = Predictor(bundle, "cpu")
        replaced.append(weakref.ref(predictor))
        again = predictor.predict(tensor)
    del predictor
    gc.collect()
    hooks = [m for m in bundle.network.modules() if m._forward_hooks or m._forward_pre_hooks]
    assert hooks == []
    assert sum(ref() is not None for ref in replaced) == 0
    np.testing.assert_array_equal(first.probabilities, again.probabilities)


def test_layer_input_is_the_previous_output():
    predictor = Predictor(new_model("modern", MNIST), "cpu")
    prediction = predictor.predict(torch.randn(1, 1, 28, 28))
    np.testing.assert_array_equal(prediction.layer_input("C1"), prediction.input)
    np.testing.assert_array_equal(prediction.layer_input("S2"), prediction.activations["C1_relu"])
    np.testing.assert_allclose(prediction.activations["output"], prediction.logits)
