"""The table of layer types: a type declared by its row alone works everywhere — the spec, the
plan and `info`, the network, the maps' titles, the explanation and the editor. `leakyrelu`
was added as that demonstration (one row, no other source file)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from lenet_desktop.analysis.explain import explain
from lenet_desktop.cli import main as cli
from lenet_desktop.data.datasets import MNIST
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.nn.inference import Predictor
from lenet_desktop.nn.layer_table import layer_table
from lenet_desktop.session import Unit
from lenet_desktop.specs import LAYER_TYPES, SpecError, build_network, plan, spec_from_toml
from lenet_desktop.specs.layer_types import SPEC_TYPES, TABLE, describe, english, kind_of

LEAKY = """
name = "leaky"
[[layers]]
type = "conv"
channels = 6
kernel = 5
padding = 2
[[layers]]
type = "leakyrelu"
slope = 0.1
[[layers]]
type = "maxpool"
kernel = 2
[[layers]]
type = "flatten"
[[layers]]
type = "linear"
features = 10
"""


def test_every_row_is_complete():
    for row in TABLE:
        assert row.kind and row.word and row.modules, row.name
        if row.spec:
            assert row.build is not None and row.code is not None, row.name
            if row.kind in ("activation", "dropout", "flatten"):  # no weights: NumPy runs it
                assert row.array is not None, row.name
        if row.kind == "activation":
            assert row.function is not None and row.formula is not None, row.name
            if row.spec:
                assert row.family in ("relu", "sigmoid") and row.functions, row.name
        if row.kind == "pool":
            assert row.pool in ("max", "avg", "subsampling"), row.name


def test_the_readme_and_the_package_docstring_point_to_the_table():
    """README's spec paragraph and the example in ``lenet_desktop.specs`` send the reader to the
    table instead of listing every type by hand; every type they do name is one, and the
    paragraph names every type that is not an activation (those have structure to explain)."""
    import re

    import lenet_desktop.specs as specs

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    paragraph = readme[readme.index("`type` is a row of the layer-type") :].split("\n\n")[0]
    assert "`lenet_desktop/specs/layer_types.py`" in paragraph
    assert "specs.layer_types.TABLE" in (specs.__doc__ or "")
    named = set(re.findall(r"`([a-z0-9]+)`", paragraph))
    assert {"relu", "sigmoid", "tanh"} <= named
    assert named & set(LAYER_TYPES) <= set(LAYER_TYPES)
    for name, row in SPEC_TYPES.items():
        if row.kind != "activation":
            assert name in named, name


def test_leakyrelu_in_a_spec_plan_and_network():
    spec = spec_from_toml(LEAKY)
    assert spec.layers[1].slope == 0.1
    steps = plan(spec, 10)
    assert [s.name for s in steps] == ["C1", "C1_leakyrelu", "S2", "flatten", "output"]
    assert steps[1].out_shape == (6, 28, 28) and steps[1].parameters == 0
    network = build_network(spec, 10)
    assert isinstance(network.C1_leakyrelu, torch.nn.LeakyReLU)
    assert network.C1_leakyrelu.negative_slope == pytest.approx(0.1)
    assert kind_of(network.C1_leakyrelu) == "activation"
    assert english(describe(network.C1_leakyrelu)) == "leaky ReLU, slope 0.1"
    # the default slope is PyTorch's
    default = spec_from_toml(LEAKY.replace("slope = 0.1\n", ""))
    assert default.layers[1].slope == 0.01


def test_leakyrelu_slope_is_checked():
    with pytest.raises(SpecError, match="slope must be a number from 0 up to"):
        spec_from_toml(LEAKY.replace("slope = 0.1", "slope = 2"))


def test_leakyrelu_is_explained_and_its_maps_titled():
    predictor = Predictor(new_model(spec_from_toml(LEAKY), MNIST), device="cpu")
    rows = {r.name: r for r in layer_table(predictor.network)}
    assert rows["C1_leakyrelu"].operation == "leaky ReLU, slope 0.1"
    assert predictor.anatomy.shapes["C1_leakyrelu"] == (6, 28, 28)
    x = torch.randn(1, 1, 28, 28)
    prediction = predictor.predict(x)
    activations = prediction.activations["C1_leakyrelu"]
    negative = np.argwhere(activations < 0)[0]
    unit = Unit("C1_leakyrelu", int(negative[0]), int(negative[1]), int(negative[2]))
    e = explain(predictor.layers, prediction, unit)
    assert e.kind == "activation" and e.function == "leakyrelu"
    assert e.formula == "LeakyReLU(x) = max(0.1·x, x)"
    assert e.total == pytest.approx(e.recorded, abs=1e-6) and e.total == pytest.approx(0.1 * e.x)


def test_leakyrelu_in_info(tmp_path, capsys):
    path = tmp_path / "leaky.toml"
    path.write_text(LEAKY)
    assert cli(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    layers = {row["name"]: row for row in info["layers"]}
    assert layers["C1_leakyrelu"]["output_shape"] == [6, 28, 28]


def test_leakyrelu_in_the_editor(qtbot):
    from lenet_desktop.session import Session
    from lenet_desktop.ui.tools.spec_editor import COLUMNS, SpecEditor

    editor = SpecEditor(Session())
    qtbot.addWidget(editor)
    editor.set_spec(spec_from_toml(LEAKY))
    assert "slope" in COLUMNS
    header = editor.table.horizontalHeaderItem(COLUMNS.index("slope")).text()
    assert header == "negative slope"
    assert editor.table.horizontalHeaderItem(COLUMNS.index("formula")).text() == "size formula"
    assert editor.error is None
    kinds = [editor.add_box.itemData(i) for i in range(editor.add_box.count())]
    assert "leakyrelu" in kinds
    assert SPEC_TYPES["leakyrelu"].defaults() == {"slope": 0.01}
