"""Explain every number: for every layer kind of the three architectures, the explained total
is the value the forward pass recorded; the receptive fields follow the notes' arithmetic."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from helpers.drawing import drawn_seven

from lenet_desktop.analysis.explain import (
    ConvExplanation,
    LinearExplanation,
    PoolExplanation,
    RBFExplanation,
    Unexplained,
    explain,
)
from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import load_model
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.nn.inference import Predictor
from lenet_desktop.nn.models import layer_kind
from lenet_desktop.options import ARCHITECTURES
from lenet_desktop.session import Unit
from lenet_desktop.specs.geometry import Field, field_on_picture, receptive_fields, unit_field

KINDS = ("conv", "pool", "activation", "norm", "linear", "flatten", "pad")


def _predictor(architecture: str) -> Predictor:
    torch.manual_seed(0)
    bundle = new_model(architecture, MNIST)
    # Batch norm's running statistics as training leaves them, not the identity they start as.
    for module in bundle.network.modules():
        if isinstance(module, (torch.nn.BatchNorm1d, torch.nn.BatchNorm2d)):
            module.running_mean.uniform_(-0.5, 0.5)
            module.running_var.uniform_(0.5, 2.0)
            module.weight.data.uniform_(0.5, 1.5)
            module.bias.data.uniform_(-0.3, 0.3)
    return Predictor(bundle, "cpu")


def _units(shape: tuple[int, ...], name: str) -> list[Unit]:
    """A corner, an edge and a middle unit of every channel kind of a layer's output."""
    if len(shape) == 1:
        return [Unit(name, i) for i in (0, shape[0] // 2, shape[0] - 1)]
    c, h, w = shape
    return [
        Unit(name, 0, 0, 0),
        Unit(name, c - 1, h // 2, w // 2),
        Unit(name, c // 2, h - 1, min(1, w - 1)),
    ]


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_every_layer_explained_total_is_the_recorded_value(architecture):
    predictor = _predictor(architecture)
    _, prediction = predictor.predict_image(drawn_seven())
    assert prediction is not None
    fields = receptive_fields(predictor.layers)
    seen = set()
    for name, module in predictor.layers:
        kind = layer_kind(module)
        for unit in _units(prediction.activations[name].shape, name):
            explanation = explain(predictor.layers, prediction, unit, fields)
            assert not isinstance(explanation, Unexplained), name
            assert explanation.total == pytest.approx(explanation.recorded, rel=1e-6, abs=1e-5), (
                unit
            )
            seen.add(kind)
    expected = {"conv", "pool", "activation", "linear", "flatten"}
    expected |= {"norm"} if architecture == "modern" else set()
    expected |= {"pad"} if architecture == "lenet5" else set()
    assert expected <= seen


def test_the_shipped_model_on_a_drawing_every_unit_of_c1_and_c3():
    predictor = Predictor(load_model("mnist"), "cpu")
    _, prediction = predictor.predict_image(drawn_seven())
    fields = receptive_fields(predictor.layers)
    for name in ("C1", "C3"):
        c, h, w = prediction.activations[name].shape
        for channel in range(c):
            for row in range(0, h, 3):
                unit = Unit(name, channel, row, (row * 7) % w)
                explanation = explain(predictor.layers, prediction, unit, fields)
                assert explanation.total == pytest.approx(explanation.recorded, rel=1e-6, abs=1e-5)


def test_a_convolution_shows_patch_kernel_products_and_padding_zeros():
    predictor = _predictor("modern")
    _, prediction = predictor.predict_image(drawn_seven())
    explanation = explain(predictor.layers, prediction, Unit("C1", 2, 0, 1))
    assert isinstance(explanation, ConvExplanation)
    (channel,) = explanation.channels
    assert channel.products.shape == (5, 5)  # 25 products
    # Padding 2: the window of row 0, column 1 starts two rows and one column outside.
    assert (
        channel.padded[:2].all() and channel.padded[:, 0].all() and not channel.padded[2:, 1:].any()
    )
    assert (channel.patch[channel.padded] == 0).all()
    assert np.allclose(channel.products, channel.patch * channel.kernel)
    assert explanation.total == pytest.approx(channel.sum + explanation.bias)
    c3 = explain(predictor.layers, prediction, Unit("C3", 0, 4, 4))
    assert isinstance(c3, ConvExplanation) and len(c3.channels) == 6  # every S2 map


def test_lenet5_c3_reads_only_the_maps_its_table_connects():
    predictor = _predictor("lenet5")
    _, prediction = predictor.predict_image(drawn_seven())
    for map_index, inputs in ((0, (0, 1, 2)), (6, (0, 1, 2, 3)), (15, (0, 1, 2, 3, 4, 5))):
        explanation = explain(predictor.layers, prediction, Unit("C3", map_index, 3, 3))
        assert isinstance(explanation, ConvExplanation)
        assert tuple(ch.channel for ch in explanation.channels) == inputs
        assert explanation.connections is not None and len(explanation.connections) == 16
        assert explanation.total == pytest.approx(explanation.recorded, rel=1e-6, abs=1e-5)
    s2 = explain(predictor.layers, prediction, Unit("S2", 1, 2, 2))
    assert isinstance(s2, PoolExplanation) and s2.mode == "subsampling"
    assert s2.total == pytest.approx(s2.window.sum() * s2.weight + s2.bias)


def test_max_pool_names_the_winner_and_avg_pool_the_mean():
    for architecture, mode in (("modern", "max"), ("d2l", "avg")):
        predictor = _predictor(architecture)
        _, prediction = predictor.predict_image(drawn_seven())
        explanation = explain(predictor.layers, prediction, Unit("S2", 3, 7, 6))
        assert isinstance(explanation, PoolExplanation) and explanation.mode == mode
        if mode == "max":
            assert explanation.window[explanation.winner] == explanation.window.max()
        else:
            assert explanation.total == pytest.approx(explanation.window.mean())


def test_a_linear_unit_lists_its_largest_contributions_and_sums_the_rest():
    predictor = _predictor("modern")
    _, prediction = predictor.predict_image(drawn_seven())
    explanation = explain(predictor.layers, prediction, Unit("F5", 7))
    assert isinstance(explanation, LinearExplanation)
    sizes = [abs(t.product) for t in explanation.terms]
    assert sizes == sorted(sizes, reverse=True) and len(sizes) == 10
    assert explanation.rest_count == 400 - 10
    assert explanation.total == pytest.approx(
        explanation.bias + sum(t.product for t in explanation.terms) + explanation.rest
    )
    assert explanation.terms[0].where.startswith("S4[")  # named where it came from: S4[c, i, j]


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_the_output_softmax_is_the_probability_shown(architecture):
    predictor = _predictor(architecture)
    _, prediction = predictor.predict_image(drawn_seven())
    for index in range(10):
        explanation = explain(predictor.layers, prediction, Unit("output", index))
        # LeNet-5's output is the paper's RBF layer: the logit is minus a squared distance
        kind = RBFExplanation if architecture == "lenet5" else LinearExplanation
        assert isinstance(explanation, kind) and explanation.softmax is not None
        softmax = explanation.softmax
        assert softmax.probability == pytest.approx(softmax.shown, abs=1e-6)
        assert explanation.total == pytest.approx(prediction.logits[index], rel=1e-6, abs=1e-5)


def test_receptive_fields_of_modern_follow_the_notes():
    fields = receptive_fields(_predictor("modern").layers)
    assert (fields["C1"].size, fields["C1"].jump) == (5, 1)
    assert (fields["S2"].size, fields["S2"].jump) == (6, 2)
    assert (fields["C3"].size, fields["C3"].jump) == (14, 2)
    assert (fields["C3_relu"].size, fields["S4"].size, fields["S4"].jump) == (14, 16, 4)
    assert fields["F5"].whole and fields["F5"].text() == "28×28 (all)"
    assert fields["C3"].text() == "14×14, jump 2"
    # In the middle a C3 unit sees 14×14 pixels; near the border the field is clipped.
    middle = unit_field(fields["C3"], 5, 5)
    assert (middle.height, middle.width, middle.clipped) == (14, 14, False)
    assert middle.box() == (8, 8, 21, 21)
    corner = unit_field(fields["C3"], 0, 0)
    assert corner.box() == (0, 0, 11, 11) and corner.clipped and corner.size == 14
    s4 = unit_field(fields["S4"], 2, 2)
    assert (s4.height, s4.width) == (16, 16)
    assert unit_field(fields["S4"], 4, 4).box() == (14, 14, 27, 27)


def test_receptive_fields_of_lenet5_start_in_its_padding():
    fields = receptive_fields(_predictor("lenet5").layers)
    assert [fields[n].size for n in ("C1", "S2", "C3", "S4", "C5")] == [5, 6, 14, 16, 32]
    assert unit_field(fields["C1"], 0, 0).box() == (0, 0, 2, 2)  # 2 rows of padding above
    assert unit_field(fields["C1"], 2, 2).box() == (0, 0, 4, 4)


def test_an_unknown_layer_is_not_explained_but_named():
    predictor = _predictor("d2l")
    _, prediction = predictor.predict_image(drawn_seven())
    layers = [(n, torch.nn.GELU() if n == "C1_sigmoid" else m) for n, m in predictor.layers]
    explanation = explain(layers, prediction, Unit("C1_sigmoid", 0, 3, 3))
    assert isinstance(explanation, Unexplained) and explanation.type_name == "GELU"


def test_a_field_maps_back_onto_the_drawing():
    predictor = _predictor("modern")
    picture = drawn_seven()
    prepared, _ = predictor.predict_image(picture)
    ink = (255 - picture) / 255.0
    box = field_on_picture(Field(0, 0, 27, 27, 28), prepared.image, ink)
    assert box is not None
    x0, y0, x1, y1 = box
    # The 28×28 frame is larger than the ink: it covers the ink box of the drawing and more.
    assert x0 < 40 and y0 < 40 and x1 > 158 and y1 > 168
    assert abs((x1 - x0) - (y1 - y0)) < 1e-6  # square, as the frame is


def test_the_layer_table_has_each_layers_receptive_field():
    from lenet_desktop.nn.layer_table import layer_table
    from lenet_desktop.nn.models import build_model

    rows = {r.name: r for r in layer_table(build_model("modern"))}
    assert rows["C3"].receptive_field == "14×14, jump 2"
    assert rows["S4"].receptive_field == "16×16, jump 4"
    assert rows["F5"].receptive_field == "28×28 (all)"
    assert rows["C1"].as_json()["receptive_field"] == "5×5, jump 1"


CUSTOM = """
name = "mine"
[[layers]]
type = "conv"
channels = 4
kernel = 3
stride = 2
padding = 1
[[layers]]
type = "batchnorm"
[[layers]]
type = "tanh"
[[layers]]
type = "avgpool"
kernel = 3
stride = 2
padding = 1
[[layers]]
type = "flatten"
[[layers]]
type = "dropout"
p = 0.3
[[layers]]
type = "linear"
features = 10
"""


def test_a_learners_own_spec_is_explained_too():
    from lenet_desktop.specs import spec_from_toml

    torch.manual_seed(0)
    bundle = new_model(spec_from_toml(CUSTOM), MNIST)
    predictor = Predictor(bundle, "cpu")
    _, prediction = predictor.predict_image(drawn_seven())
    for name, values in prediction.activations.items():
        unit = Unit(name, 1, 2, 3) if values.ndim == 3 else Unit(name, 5)
        explanation = explain(predictor.layers, prediction, unit)
        assert not isinstance(explanation, Unexplained), name
        recorded = values[1, 2, 3] if values.ndim == 3 else values[5]
        assert explanation.recorded == pytest.approx(float(recorded))
        if explanation.total is not None:
            assert explanation.total == pytest.approx(float(recorded), rel=1e-6, abs=1e-5), name
