"""The model zoo: the notes' shapes and the paper's parameter counts."""

from __future__ import annotations

import pytest
import torch

from lenet_desktop.nn.layer_table import layer_table, size_formula, total_parameters
from lenet_desktop.nn.models import C3_CONNECTIONS, build_model, conv_kernels
from lenet_desktop.options import ARCHITECTURES


def params_by_layer(architecture: str) -> dict[str, int]:
    return {row.name: row.parameters for row in layer_table(build_model(architecture))}


def test_lenet5_has_the_papers_parameter_counts():
    counts = params_by_layer("lenet5")
    assert {k: counts[k] for k in ("C1", "S2", "C3", "S4", "C5", "F6")} == {
        "C1": 156,
        "S2": 12,
        "C3": 1516,
        "S4": 32,
        "C5": 48120,
        "F6": 10164,
    }


def test_lenet5_works_on_a_32x32_field():
    rows = {row.name: row.output_shape for row in layer_table(build_model("lenet5"))}
    assert rows["pad"] == (1, 32, 32)
    assert rows["C1"] == (6, 28, 28) and rows["S2"] == (6, 14, 14)
    assert rows["C3"] == (16, 10, 10) and rows["S4"] == (16, 5, 5)
    assert rows["C5"] == (120, 1, 1) and rows["F6"] == (84,)


def test_c3_reads_only_the_papers_connections():
    network = build_model("lenet5")
    kernels = conv_kernels(network.C3)
    assert kernels.shape == (16, 6, 5, 5)
    connected = kernels.abs().sum((2, 3)) > 0
    for out_map, inputs in enumerate(C3_CONNECTIONS):
        assert set(torch.nonzero(connected[out_map]).flatten().tolist()) == set(inputs)
    assert sum(len(c) for c in C3_CONNECTIONS) == 60


def test_c3_gradient_flows_only_through_connections():
    network = build_model("lenet5")
    network(torch.randn(4, 1, 28, 28)).sum().backward()
    assert network.C3.weight.grad.shape == (60, 5, 5)
    assert torch.isfinite(network.C3.weight.grad).all()


def test_d2l_has_the_notes_shapes():
    rows = [
        r
        for r in layer_table(build_model("d2l"))
        if r.kind in ("pool", "linear", "flatten") or r.name in ("C1", "C3")
    ]
    shapes = [r.output_shape for r in rows]
    assert shapes == [
        (6, 28, 28),
        (6, 14, 14),
        (16, 10, 10),
        (16, 5, 5),
        (400,),
        (120,),
        (84,),
        (10,),
    ]
    types = [type(m).__name__ for m in build_model("d2l")]
    assert types.count("Sigmoid") == 4 and types.count("AvgPool2d") == 2


def test_modern_is_the_same_topology_with_bn_relu_and_max_pooling():
    d2l_shapes = [r.output_shape for r in layer_table(build_model("d2l")) if r.kind != "activation"]
    modern_rows = layer_table(build_model("modern"))
    modern_shapes = [r.output_shape for r in modern_rows if r.kind not in ("activation", "norm")]
    assert modern_shapes == d2l_shapes
    types = {r.type for r in modern_rows}
    assert {"BatchNorm2d", "ReLU", "MaxPool2d"} <= types and "Sigmoid" not in types


@pytest.mark.parametrize("architecture", ARCHITECTURES)
@pytest.mark.parametrize("classes", [10, 3])
def test_logits_for_n_classes(architecture, classes):
    network = build_model(architecture, classes).eval()
    assert network(torch.zeros(5, 1, 28, 28)).shape == (5, classes)


def test_size_formula_matches_the_notes():
    assert size_formula(14, 5, 0, 1) == "(14 − 5 + 0 + 1) / 1 = 10"
    assert size_formula(28, 5, 2, 1) == "(28 − 5 + 4 + 1) / 1 = 28"
    assert size_formula(28, 2, 0, 2) == "(28 − 2 + 0 + 2) / 2 = 14"
    assert size_formula(7, 2, 0, 2) == "⌊(7 − 2 + 0 + 2) / 2⌋ = 3"


def test_formulas_agree_with_the_real_shapes():
    for architecture in ARCHITECTURES:
        for row in layer_table(build_model(architecture)):
            if row.formula:
                assert row.formula.endswith(f"= {row.output_shape[1]}")


def test_total_parameters():
    assert total_parameters(build_model("d2l")) == 61706
    # The paper's 60,000: the RBF output's 840 code values are fixed, not parameters.
    assert total_parameters(build_model("lenet5")) == 156 + 12 + 1516 + 32 + 48120 + 10164
