"""Which pixels decided: Captum's saliency and Grad-CAM as 28×28 maps in [0, 1], computed on a
copy so the model in use keeps no hooks and no gradients."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from helpers.drawing import drawn_seven
from test_explain import _predictor

from lenet_desktop.analysis.attribution import Attributor, attribute, gradcam_layer
from lenet_desktop.files.model_files import load_model
from lenet_desktop.nn.inference import Predictor


@pytest.mark.parametrize("architecture", ["modern", "d2l", "lenet5"])  # the built-in networks
def test_both_methods_give_a_map_in_0_1_and_leave_the_model_alone(architecture):
    predictor = _predictor(architecture)
    prepared, prediction = predictor.predict_image(drawn_seven())
    before = [p.detach().clone() for p in predictor.network.parameters()]
    assert gradcam_layer(predictor.layers) == "C3"  # lenet5's C5 is 1×1: C3 is the last map
    for method in ("saliency", "gradcam"):
        values = attribute(predictor.network, prepared.tensor, prediction.index, method)
        assert values.shape == (28, 28) and values.dtype == np.float32
        assert values.min() >= 0 and values.max() == pytest.approx(1.0)
    for module in predictor.network.modules():
        assert not module._forward_hooks and not module._backward_hooks
    assert all(p.grad is None for p in predictor.network.parameters())
    assert all(torch.equal(a, b) for a, b in zip(before, predictor.network.parameters()))
    _, again = predictor.predict_image(drawn_seven())
    assert np.array_equal(again.logits, prediction.logits)


def test_each_method_follows_the_target_class():
    predictor = Predictor(load_model("mnist"), "cpu")
    prepared, prediction = predictor.predict_image(drawn_seven())
    attributor = Attributor(predictor.network)
    for method in ("saliency", "gradcam"):
        top = attributor.attribute(prepared.tensor, prediction.index, method)
        other = attributor.attribute(prepared.tensor, (prediction.index + 1) % 10, method)
        assert top.std() > 0.05 and not np.allclose(top, other), method


def test_an_unknown_method_is_refused():
    predictor = _predictor("d2l")
    prepared, _ = predictor.predict_image(drawn_seven())
    with pytest.raises(ValueError, match="unknown attribution method"):
        attribute(predictor.network, prepared.tensor, 0, "lime")
