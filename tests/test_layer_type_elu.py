"""ELU, added to the layer-type table as one row and nothing else: one test per thing the row
says — a spec, ``info``, training, the editor, the maps' titles, the explanation (the engine's
and the panel's), the code view, the window's first answers in NumPy, run names, the recipe
family, the fast path and a live notebook's layers."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch
from helpers.drawing import drawn_seven

from lenet_desktop.analysis.explain import explain
from lenet_desktop.cli import main as cli
from lenet_desktop.data.datasets import MNIST, Split
from lenet_desktop.files.model_files import load_model, load_numpy_model, save_model
from lenet_desktop.live.network import read_layers
from lenet_desktop.live.receiver import LiveError
from lenet_desktop.nn import fast_ops
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.nn.inference import Predictor
from lenet_desktop.nn.layer_table import layer_table
from lenet_desktop.session import Session, Unit
from lenet_desktop.specs import SpecError, build_network, plan, preset_spec, spec_from_toml
from lenet_desktop.specs.code import pytorch_code
from lenet_desktop.specs.layer_types import SPEC_TYPES, describe, english, kind_of
from lenet_desktop.training.loop import TrainConfig, train
from lenet_desktop.training.naming import run_name
from lenet_desktop.training.recipes import family

ELU = """
name = "elu-net"
[[layers]]
type = "conv"
channels = 6
kernel = 5
padding = 2
[[layers]]
type = "elu"
[[layers]]
type = "maxpool"
kernel = 2
[[layers]]
type = "flatten"
[[layers]]
type = "linear"
features = 10
"""


@pytest.fixture(scope="module")
def elu_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("elu") / "elu.toml"
    path.write_text(ELU, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def predictor():
    torch.manual_seed(0)
    return Predictor(new_model(spec_from_toml(ELU), MNIST), device="cpu")


def _negative_unit(predictor) -> tuple[Unit, object]:
    """A C1_elu value whose input was negative (the interesting side of ELU), and its pass."""
    torch.manual_seed(1)
    prediction = predictor.predict(torch.randn(1, 1, 28, 28))
    where = np.argwhere(prediction.activations["C1_elu"] < -0.05)[0]
    return Unit("C1_elu", *(int(v) for v in where)), prediction


def test_a_spec_plans_and_builds_it():
    spec = spec_from_toml(ELU)
    steps = plan(spec, 10)
    assert [s.name for s in steps] == ["C1", "C1_elu", "S2", "flatten", "output"]
    assert steps[1].out_shape == (6, 28, 28) and steps[1].parameters == 0
    network = build_network(spec, 10)
    assert isinstance(network.C1_elu, torch.nn.ELU) and network.C1_elu.alpha == 1.0
    assert kind_of(network.C1_elu) == "activation"
    assert english(describe(network.C1_elu)) == "ELU"
    with pytest.raises(SpecError, match="slope"):  # it takes no keys
        spec_from_toml(ELU.replace('type = "elu"', 'type = "elu"\nslope = 0.5'))


def test_info_shows_it(elu_file, capsys):
    assert cli(["info", str(elu_file), "--json"]) == 0
    layers = {row["name"]: row for row in json.loads(capsys.readouterr().out)["layers"]}
    assert layers["C1_elu"]["output_shape"] == [6, 28, 28]
    assert layers["C1_elu"]["type"] == "ELU" and layers["C1_elu"]["kind"] == "activation"


def test_it_trains(elu_file, mnist_splits):
    train_split, test_split = mnist_splits
    config = TrainConfig(dataset="mnist", architecture=str(elu_file), epochs=1, seed=0)
    result = train(
        config,
        Split(train_split.images[:2048], train_split.labels[:2048]),
        Split(test_split.images[:400], test_split.labels[:400]),
    )
    assert isinstance(result.bundle.network.C1_elu, torch.nn.ELU)
    assert result.evaluation.accuracy > 0.5  # chance is 0.1
    assert family(str(elu_file)) == "relu"  # its recipe: the ReLU family's


def test_the_editor_offers_it(qtbot):
    from lenet_desktop.ui.tools.spec_editor import SpecEditor

    editor = SpecEditor(Session())
    qtbot.addWidget(editor)
    editor.set_spec(spec_from_toml(ELU))
    assert editor.error is None
    assert "elu" in [editor.add_box.itemData(i) for i in range(editor.add_box.count())]
    assert SPEC_TYPES["elu"].defaults() == {}


def test_the_maps_are_titled_and_shaped(predictor):
    rows = {r.name: r for r in layer_table(predictor.network)}
    assert rows["C1_elu"].operation == "ELU" and rows["C1_elu"].kind == "activation"
    assert predictor.anatomy.shapes["C1_elu"] == (6, 28, 28)


def test_a_value_is_explained(predictor):
    unit, prediction = _negative_unit(predictor)
    e = explain(predictor.layers, prediction, unit)
    assert e.kind == "activation" and e.function == "elu"
    assert e.formula == "ELU(x) = x if x > 0, else 1·(e^x − 1)"
    assert e.x < 0 and e.total == pytest.approx(math.expm1(e.x), abs=1e-6)
    assert e.total == pytest.approx(e.recorded, abs=1e-6)


def test_the_explanation_panel_shows_it(predictor, qtbot):
    from lenet_desktop.ui.views.explain_panel import ExplainPanel

    session = Session()
    session.use(predictor)
    panel = ExplainPanel(session)
    qtbot.addWidget(panel)
    session.draw(drawn_seven(280))
    c1 = session.prediction.activations["C1_elu"]
    where = np.argwhere(c1 < -0.01)[0]
    session.select(Unit("C1_elu", *(int(v) for v in where)))
    assert panel.explanation is not None and panel.explanation.function == "elu"
    texts = panel.sheet.painted_texts()
    assert "ELU(x) = x if x > 0, else 1·(e^x − 1)" in texts
    assert any(t.startswith("Activation: ELU") for t in texts)


def test_the_code_view_writes_it_and_the_code_runs(predictor):
    code = pytorch_code(predictor.bundle.spec, 10)
    assert "nn.ELU(),  # C1_elu → 6×28×28" in code
    space: dict = {}
    exec(compile(code, "code-view", "exec"), space)  # the code a learner copies
    net = space["net"]
    net.load_state_dict(dict(zip(net.state_dict(), predictor.network.state_dict().values())))
    x = torch.randn(3, 1, 28, 28)
    with torch.no_grad():
        assert torch.allclose(net.eval()(x), predictor.network(x), atol=1e-6)


def test_numpy_gives_the_first_answer_as_torch_does(predictor, tmp_path):
    path = save_model(predictor.bundle, tmp_path / "elu.safetensors")
    numpy_model, torch_model = load_numpy_model(path), Predictor(load_model(path), "cpu")
    image = drawn_seven(280)
    prepared = numpy_model.preprocess(image)
    mine = numpy_model.predict(prepared.normalized)
    theirs = torch_model.predict(torch_model.preprocess(image).tensor)
    np.testing.assert_allclose(mine.activations["C1_elu"], theirs.activations["C1_elu"], atol=1e-5)
    np.testing.assert_allclose(mine.probabilities, theirs.probabilities, atol=1e-5)


def test_a_run_name_says_it():
    d2l = preset_spec("d2l")
    layers = tuple(type(layer)("elu") if layer.type == "sigmoid" else layer for layer in d2l.layers)
    spec = type(d2l)(layers=layers, name="d2l")
    assert run_name({"architecture": "d2l", "dataset": "fashion-mnist"}, spec) == "d2l · ELU"


def test_the_fast_path_runs_it_as_the_network_does(predictor):
    x = torch.randn(8, 1, 28, 28)
    with torch.no_grad():
        assert torch.allclose(
            fast_ops.forward(predictor.network, x), predictor.network(x), atol=1e-5
        )


def test_a_live_notebook_may_use_it_with_pytorchs_alpha_only():
    def layers(act: dict) -> list:
        return [
            {"kind": "module", "class": "Conv2d", "text": "conv",
             "args": {"in_channels": 1, "out_channels": 6, "kernel_size": [5, 5],
                      "stride": [1, 1], "padding": [2, 2]}},
            act,
            {"kind": "module", "class": "Flatten", "text": "flatten", "args": {}},
            {"kind": "module", "class": "Linear", "text": "linear",
             "args": {"in_features": 4704, "out_features": 10}},
        ]  # fmt: skip

    module = {"kind": "module", "class": "ELU", "text": "ELU", "args": {"alpha": 1.0}}
    function = {"kind": "function", "name": "elu", "text": "F.elu(x)", "args": [], "kwargs": {}}
    for act in (module, function):
        assert [layer.type for layer in read_layers(layers(act), 10).spec.layers][1] == "elu"
    with pytest.raises(LiveError, match="alpha = 1.0 only"):
        read_layers(layers(module | {"args": {"alpha": 0.5}}), 10)
    with pytest.raises(LiveError, match="alpha = 1.0 only"):
        read_layers(layers(function | {"args": [0.5]}), 10)
