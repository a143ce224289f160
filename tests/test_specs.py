"""Architectures as specs: the TOML format, the shapes and parameter counts it implies, its errors
in words, the presets, and a learner's own network in a model file."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

import pytest
import torch
from torch import nn

from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import load_model, model_metadata, save_model
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.nn.layer_table import layer_table, total_parameters
from lenet_desktop.nn.models import build_model
from lenet_desktop.options import ARCHITECTURE_TITLES, ARCHITECTURES
from lenet_desktop.specs import (
    PRESET_LAYERS,
    LayerSpec,
    SpecError,
    build_network,
    layer_names,
    load_spec,
    plan,
    preset_spec,
    spec_from_json,
    spec_from_toml,
    spec_to_json,
    spec_to_toml,
)

MY_SPEC = """
name = "my-net"
title = "My ReLU LeNet"

[[layers]]
type = "conv"
channels = 8
kernel = 3
padding = 1

[[layers]]
type = "relu"

[[layers]]
type = "maxpool"
kernel = 2

[[layers]]
type = "conv"
channels = 16
kernel = 5

[[layers]]
type = "batchnorm"

[[layers]]
type = "relu"

[[layers]]
type = "avgpool"
kernel = 2

[[layers]]
type = "flatten"

[[layers]]
type = "dropout"
p = 0.25

[[layers]]
type = "linear"
features = 64

[[layers]]
type = "tanh"

[[layers]]
type = "linear"
features = 10
"""


def shapes(spec_or_name) -> list[str]:
    """The output shapes of the conv, pool, flatten and linear layers, as ``6×24×24``."""
    network = build_model(spec_or_name)
    return [
        "×".join(map(str, r.output_shape))
        for r in layer_table(network)
        if r.kind in ("conv", "pool", "flatten", "linear")
    ]


def test_a_hand_written_spec_gets_defaults_inferred_sizes_and_the_notes_names():
    spec = spec_from_toml(MY_SPEC)
    assert spec.name == "my-net" and spec.title == "My ReLU LeNet"
    conv, pool = spec.layers[0], spec.layers[2]
    assert (conv.padding, conv.stride) == (1, 1)  # stride defaults to 1
    assert (pool.kernel, pool.stride, pool.padding) == (2, 2, 0)  # stride defaults to the kernel
    assert layer_names(spec) == [
        "C1", "C1_relu", "S2", "C3", "C3_bn", "C3_relu", "S4", "flatten", "S4_dropout",
        "F5", "F5_tanh", "output",
    ]  # fmt: skip
    planned = plan(spec, num_classes=10)
    assert [p.out_shape for p in planned] == [
        (8, 28, 28), (8, 28, 28), (8, 14, 14), (16, 10, 10), (16, 10, 10), (16, 10, 10),
        (16, 5, 5), (400,), (400,), (64,), (64,), (10,),
    ]  # fmt: skip
    # inferred: C3 reads 8 maps; F5 reads the 400 values of the flatten
    params = {p.name: p.parameters for p in planned}
    assert params["C3"] == 16 * (8 * 5 * 5 + 1)
    assert params["C3_bn"] == 32
    assert params["F5"] == 64 * (400 + 1)
    network = build_network(spec, 10)
    rows = layer_table(network)
    assert [r.output_shape for r in rows] == [p.out_shape for p in planned]
    assert [r.parameters for r in rows] == [p.parameters for p in planned]
    assert total_parameters(network) == 80 + 3216 + 32 + 25664 + 650 == 29642
    assert network(torch.zeros(2, 1, 28, 28)).shape == (2, 10)


def test_the_notes_variants_have_the_notes_shapes_and_parameter_counts():
    assert shapes("notes-maxpool") == [
        "6×24×24",
        "6×12×12",
        "16×8×8",
        "16×4×4",
        "256",
        "120",
        "84",
        "10",
    ]
    assert total_parameters(build_model("notes-maxpool")) == 44426
    assert shapes("notes-padding") == [
        "6×28×28",
        "6×14×14",
        "16×12×12",
        "16×7×7",
        "784",
        "120",
        "10",
    ]
    assert total_parameters(build_model("notes-padding")) == 97982


@pytest.mark.parametrize("name", list(PRESET_LAYERS))
def test_every_preset_is_listed_titled_planned_and_built_alike(name):
    assert name in ARCHITECTURES and ARCHITECTURE_TITLES[name]
    spec = preset_spec(name)
    planned = plan(spec, 10)
    rows = layer_table(build_model(name))
    assert [r.name for r in rows] == [p.name for p in planned]
    assert [r.output_shape for r in rows] == [p.out_shape for p in planned]
    assert [r.parameters for r in rows] == [p.parameters for p in planned]
    assert rows[-1].name == "output" and rows[-1].output_shape == (10,)


def test_the_d2l_exercise_presets_change_what_the_exercise_says():
    def types(name):
        return [type(m).__name__ for m in build_model(name)]

    assert "AvgPool2d" not in types("d2l-maxpool") and types("d2l-maxpool").count("MaxPool2d") == 2
    assert "Sigmoid" not in types("d2l-relu") and types("d2l-relu").count("ReLU") == 4
    assert {m.kernel_size for m in build_model("d2l-kernel3") if isinstance(m, nn.Conv2d)} == {
        (3, 3)
    }
    assert [m.out_channels for m in build_model("d2l-wide") if isinstance(m, nn.Conv2d)] == [16, 32]
    assert types("d2l-deeper").count("Conv2d") == 3
    assert types("d2l-fc1").count("Linear") == 2


# Today's hand-written networks, as they were before they became specs: the shipped files and
# every file saved since were written from these.
def old_modern() -> nn.Sequential:
    return nn.Sequential(
        OrderedDict(
            [
                ("C1", nn.Conv2d(1, 6, kernel_size=5, padding=2)),
                ("C1_bn", nn.BatchNorm2d(6)),
                ("C1_relu", nn.ReLU()),
                ("S2", nn.MaxPool2d(kernel_size=2, stride=2)),
                ("C3", nn.Conv2d(6, 16, kernel_size=5)),
                ("C3_bn", nn.BatchNorm2d(16)),
                ("C3_relu", nn.ReLU()),
                ("S4", nn.MaxPool2d(kernel_size=2, stride=2)),
                ("flatten", nn.Flatten()),
                ("F5", nn.Linear(16 * 5 * 5, 120)),
                ("F5_bn", nn.BatchNorm1d(120)),
                ("F5_relu", nn.ReLU()),
                ("F6", nn.Linear(120, 84)),
                ("F6_bn", nn.BatchNorm1d(84)),
                ("F6_relu", nn.ReLU()),
                ("output", nn.Linear(84, 10)),
            ]
        )
    )


def old_d2l() -> nn.Sequential:
    return nn.Sequential(
        OrderedDict(
            [
                ("C1", nn.Conv2d(1, 6, kernel_size=5, padding=2)),
                ("C1_sigmoid", nn.Sigmoid()),
                ("S2", nn.AvgPool2d(kernel_size=2, stride=2)),
                ("C3", nn.Conv2d(6, 16, kernel_size=5)),
                ("C3_sigmoid", nn.Sigmoid()),
                ("S4", nn.AvgPool2d(kernel_size=2, stride=2)),
                ("flatten", nn.Flatten()),
                ("F5", nn.Linear(16 * 5 * 5, 120)),
                ("F5_sigmoid", nn.Sigmoid()),
                ("F6", nn.Linear(120, 84)),
                ("F6_sigmoid", nn.Sigmoid()),
                ("output", nn.Linear(84, 10)),
            ]
        )
    )


@pytest.mark.parametrize("name, old", [("modern", old_modern), ("d2l", old_d2l)])
def test_modern_and_d2l_from_specs_are_todays_networks(name, old):
    torch.manual_seed(3)
    before = old()
    torch.manual_seed(3)
    now = build_model(name)
    assert repr(now) == repr(before)
    a, b = before.state_dict(), now.state_dict()
    assert list(a) == list(b)
    assert all(torch.equal(a[k], b[k]) for k in a)  # the same initialisation, draw for draw


@pytest.mark.parametrize("shipped", ["mnist", "fashion-mnist"])
def test_the_shipped_models_load_and_predict_as_before(shipped, mnist_splits):
    from safetensors.torch import load_file

    from lenet_desktop.files.model_files import shipped_models

    model = load_model(shipped)
    assert model.architecture == "modern" and model.spec == preset_spec("modern")
    before = old_modern()
    before.load_state_dict(load_file(shipped_models()[shipped]))
    before.eval()
    _, test = mnist_splits
    batch = (test.images[:200].unsqueeze(1).float() / 255 - model.dataset.mean) / model.dataset.std
    with torch.inference_mode():
        assert torch.equal(model.network(batch), before(batch))


def test_a_spec_survives_toml_and_json():
    for spec in [spec_from_toml(MY_SPEC), *(preset_spec(n) for n in PRESET_LAYERS)]:
        assert spec_from_toml(spec_to_toml(spec)) == spec
        assert spec_from_json(spec_to_json(spec)) == spec


def test_a_preset_is_saved_by_name_and_a_namesake_with_other_layers_is_custom(tmp_path):
    assert "spec" not in model_metadata(new_model("d2l-relu", MNIST))
    assert load_model(
        save_model(new_model("d2l-relu", MNIST), tmp_path / "r.safetensors")
    ).spec == (preset_spec("d2l-relu"))
    impostor = replace(spec_from_toml(MY_SPEC), name="modern")
    bundle = new_model(impostor, MNIST)
    assert bundle.architecture == "custom"
    loaded = load_model(save_model(bundle, tmp_path / "c.safetensors"))
    assert loaded.architecture == "custom" and loaded.spec == impostor


def test_a_model_of_a_custom_spec_is_saved_with_its_spec_and_loads_with_no_code(tmp_path):
    spec = spec_from_toml(MY_SPEC)
    bundle = new_model(spec, MNIST)
    assert bundle.architecture == "my-net" and bundle.spec == spec
    assert spec_from_json(model_metadata(bundle)["spec"]) == spec
    path = save_model(bundle, tmp_path / "mine.safetensors")
    loaded = load_model(path)
    assert loaded.architecture == "my-net" and loaded.spec == spec
    assert [r.as_json() for r in layer_table(loaded.network)] == [
        r.as_json() for r in layer_table(bundle.network)
    ]
    bundle.network.eval()
    x = torch.randn(4, 1, 28, 28)
    with torch.inference_mode():
        assert torch.equal(loaded.network(x), bundle.network(x))


def test_a_model_file_whose_spec_is_broken_says_so(tmp_path):
    from safetensors.torch import save_file

    from lenet_desktop.files.model_files import ModelFileError

    bundle = new_model(spec_from_toml(MY_SPEC), MNIST)
    meta = model_metadata(bundle)
    meta["spec"] = meta["spec"].replace('"channels": 8', '"channels": 1000000000')
    path = tmp_path / "huge.safetensors"
    save_file(bundle.network.state_dict(), path, metadata=meta)
    with pytest.raises(ModelFileError, match=r"huge\.safetensors.*spec.*channels = 1000000000"):
        load_model(path)


# -- errors: each names the layer and the numbers ---------------------------------------------


def error(text: str, classes: int | None = 10) -> SpecError:
    with pytest.raises(SpecError) as caught:
        plan(spec_from_toml(text), classes)
    return caught.value


def layers(*tables: str) -> str:
    return "\n".join(f"[[layers]]\n{t}\n" for t in tables)


END = 'type = "flatten"', 'type = "linear"\nfeatures = 10'


def test_a_kernel_larger_than_its_padded_input_names_the_layer_and_the_formula():
    exc = error(
        layers(
            'type = "conv"\nchannels = 6\nkernel = 5',  # 24
            'type = "maxpool"\nkernel = 2',  # 12
            'type = "conv"\nchannels = 16\nkernel = 5',  # 8
            'type = "maxpool"\nkernel = 2',  # 4
            'type = "conv"\nchannels = 16\nkernel = 5\nstride = 2',  # (4 − 5 + 0 + 2)/2 = 0
            *END,
        )
    )
    assert exc.index == 4
    assert str(exc).startswith("layer 5 (C5, conv): the 5×5 kernel is larger than its padded input")
    assert "(4 + 2×0 = 4)" in str(exc) and "⌊(4 − 5 + 0 + 2) / 2⌋ = 0" in str(exc)


def test_an_output_size_below_one_names_the_numbers():
    exc = error(layers('type = "avgpool"\nkernel = 30\nstride = 1', *END))
    assert exc.index == 0 and "layer 1 (S1, avgpool)" in str(exc)
    assert "output size ⌊(n − k + 2p + s) / s⌋ = (28 − 30 + 0 + 1) / 1 = -1" in str(exc)


def test_a_last_layer_with_the_wrong_number_of_classes_is_named():
    exc = error(MY_SPEC.replace("features = 10", "features = 12"))
    assert exc.index == 11
    assert str(exc) == (
        "layer 12 (output, linear): the last layer must be a linear layer with as many "
        "features as the dataset has classes (10); it has 12 features"
    )
    exc = error(layers(*END, 'type = "relu"'))
    assert exc.index == 2 and "layer 3 (output_relu, relu)" in str(exc)


def test_unknown_types_and_keys_are_named():
    exc = error(layers('type = "conv"\nchannels = 6\nkernel = 5', 'type = "softmax"'))
    assert exc.index == 1 and "layer 2: unknown type 'softmax' (known: conv, maxpool" in str(exc)
    exc = error(layers('type = "conv"\nchannels = 6\nkernel = 5\nfilters = 3', *END))
    assert exc.index == 0
    assert "layer 1 (conv): unknown key 'filters' (a conv takes: channels, kernel, padding" in str(
        exc
    )
    exc = error('nme = "x"\n' + layers(*END))
    assert exc.index is None and "unknown key 'nme'" in str(exc)
    exc = error(layers('type = "linear"'))
    assert "layer 1 (linear): features is missing" in str(exc)


WHOLE = "must be a whole number of at least"


@pytest.mark.parametrize(
    "table, words",
    [
        ('type = "conv"\nchannels = 0\nkernel = 5', f"channels {WHOLE} 1, not 0"),
        ('type = "conv"\nchannels = 6\nkernel = -3', f"kernel {WHOLE} 1, not -3"),
        ('type = "maxpool"\nkernel = 2\npadding = -1', f"padding {WHOLE} 0, not -1"),
        ('type = "conv"\nchannels = 6.5\nkernel = 5', f"channels {WHOLE} 1, not 6.5"),
        ('type = "dropout"\np = 1.5', "p must be a number from 0 up to (not including) 1, not 1.5"),
        (
            'type = "conv"\nchannels = 1000000000\nkernel = 5',
            "channels = 1000000000 is too large (at most 4096)",
        ),
    ],
)
def test_bad_sizes_are_refused_naming_the_layer(table, words):
    exc = error(layers('type = "relu"', table, *END))
    assert exc.index == 1 and str(exc).startswith("layer 2 (") and words in str(exc)


def test_too_many_parameters_are_refused_before_anything_is_allocated():
    text = layers(
        'type = "conv"\nchannels = 4096\nkernel = 3\npadding = 1',
        'type = "conv"\nchannels = 4096\nkernel = 3\npadding = 1',
        *END,
    )
    exc = error(text)
    assert exc.index == 1 and "too many (at most 50000000)" in str(exc)
    with pytest.raises(SpecError):
        build_network(spec_from_toml(text), 10)


def test_shapes_that_do_not_fit_say_what_to_do():
    exc = error(layers('type = "linear"\nfeatures = 10'))
    assert "layer 1 (output, linear) takes a vector, but its input is 1×28×28" in str(exc)
    assert "put a flatten layer before it" in str(exc)
    exc = error(layers('type = "flatten"', 'type = "conv"\nchannels = 6\nkernel = 5', *END))
    assert exc.index == 1 and "needs feature maps" in str(exc) and "vector of 784" in str(exc)


def test_spec_files_name_the_file_and_the_line(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('[[layers]]\ntype = "conv"\nchannels = \n')
    with pytest.raises(SpecError, match=r"broken\.toml: not valid TOML \(.*line 3"):
        load_spec(broken)
    binary = tmp_path / "picture.toml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    with pytest.raises(SpecError, match=r"picture\.toml: not a text file"):
        load_spec(binary)
    mine = tmp_path / "mine.toml"
    mine.write_text(MY_SPEC.replace("kernel = 5", "kernel = 15"))
    with pytest.raises(SpecError, match=r"mine\.toml: layer 4 \(C3, conv\): the 15×15") as caught:
        load_spec(mine)
    assert caught.value.index == 3 and caught.value.path == mine
    assert caught.value.template.startswith("layer {number}")  # translatable without the path


def test_a_preset_sized_for_other_class_counts():
    spec = preset_spec("d2l-relu", num_classes=26)
    assert spec.layers[-1] == LayerSpec("linear", features=26)
    assert build_model("d2l-relu", 26)(torch.zeros(2, 1, 28, 28)).shape == (2, 26)
    with pytest.raises(SpecError, match="classes \\(26\\); it has 10 features"):
        plan(replace(spec, layers=PRESET_LAYERS["d2l-relu"]), 26)


def test_the_spec_parser_and_the_options_need_no_torch():
    import subprocess
    import sys

    code = (
        "import sys; import lenet_desktop.specs as s, lenet_desktop.options; "
        "s.plan(s.preset_spec('notes-padding'), 10); print('torch' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
