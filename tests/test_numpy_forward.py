"""The model files' forward pass in NumPy (the window's first answers, before torch is loaded)
gives what the torch network gives: the same probabilities, the same layers' outputs."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from helpers.drawing import redraw

from lenet_desktop.files.model_files import (
    ModelFileError,
    load_model,
    load_numpy_model,
    save_model,
    shipped_models,
)
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.nn.inference import Predictor
from lenet_desktop.nn.numpy_forward import UnsupportedModel

SHIPPED = list(shipped_models())


def test_every_architecture_the_app_ships_is_here():
    assert {"mnist", "fashion-mnist", "lenet5"} <= set(SHIPPED)


def pictures(splits, count: int = 12):
    """Real test images re-drawn as a learner would give them, and the dataset images."""
    _, test = splits
    for index in range(count):
        digit = test.images[index].numpy()
        yield "picture", redraw(digit, size=150 + 10 * index, centre=(240 + 5 * index, 210))
        yield "sample", digit


def same_answers(name_or_path, splits) -> int:
    """Asserts the NumPy pass gives torch's probabilities and every layer's output for real
    inputs; returns how many were compared."""
    numpy_model = load_numpy_model(name_or_path)
    torch_model = Predictor(load_model(name_or_path), "cpu")
    info = numpy_model.bundle.dataset
    assert info == torch_model.bundle.dataset
    assert numpy_model.bundle.temperature == torch_model.bundle.temperature
    compared = 0
    for kind, pixels in pictures(splits):
        if kind == "picture":
            prepared = numpy_model.preprocess(pixels)
        else:
            from lenet_desktop.data.preprocessing import dataset_sample

            prepared = dataset_sample(pixels, info.mean, info.std)
        assert not prepared.empty
        ours = numpy_model.predict(prepared.normalized)
        theirs = torch_model.predict(prepared.tensor)
        np.testing.assert_allclose(ours.probabilities, theirs.probabilities, rtol=0, atol=1e-5)
        assert ours.label == theirs.label
        assert ours.probabilities.dtype == np.float32 and abs(ours.probabilities.sum() - 1) < 1e-5
        assert list(ours.activations) == list(theirs.activations)  # every layer, in order
        for layer, value in theirs.activations.items():
            mine = ours.activations[layer]
            assert mine.shape == value.shape, layer
            scale = max(1.0, float(np.abs(value).max()))
            np.testing.assert_allclose(mine, value, rtol=0, atol=1e-5 * scale, err_msg=layer)
        compared += 1
    return compared


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_model_answers_in_numpy_as_in_torch(name, mnist_splits, fashion_dir):
    from lenet_desktop.data.datasets import FASHION_MNIST, load_dataset

    fashion = load_numpy_model(name).bundle.dataset.name == "fashion-mnist"
    splits = load_dataset(fashion_dir, FASHION_MNIST) if fashion else mnist_splits
    assert same_answers(name, splits) == 24


def test_the_shipped_mnist_model_reads_real_digits(mnist_splits):
    """The learner's first answers are right ones: the shipped model's own accuracy, in NumPy."""
    _, test = mnist_splits
    model = load_numpy_model("mnist")
    from lenet_desktop.data.preprocessing import dataset_sample

    info = model.bundle.dataset
    right = sum(
        model.predict(dataset_sample(test.images[i].numpy(), info.mean, info.std).normalized).index
        == int(test.labels[i])
        for i in range(200)
    )
    assert right >= 194  # above 97 %


LAYERS_NOT_SHIPPED = """
name = "every-layer"
[[layers]]
type = "conv"
channels = 4
kernel = 3
padding = 1
stride = 2
[[layers]]
type = "tanh"
[[layers]]
type = "avgpool"
kernel = 3
stride = 1
padding = 1
[[layers]]
type = "conv"
channels = 6
kernel = 3
[[layers]]
type = "leakyrelu"
slope = 0.2
[[layers]]
type = "batchnorm"
[[layers]]
type = "maxpool"
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
features = 32
[[layers]]
type = "relu"
[[layers]]
type = "linear"
features = 16
[[layers]]
type = "sigmoid"
[[layers]]
type = "linear"
features = 10
"""


def test_every_layer_type_a_spec_may_write(tmp_path, mnist_splits):
    """Strides, paddings, average and max pooling with padding, every activation, dropout and
    batch norm with statistics of its own: a learner's own network, saved by the app."""
    from dataclasses import replace

    import torch

    from lenet_desktop.data.datasets import MNIST
    from lenet_desktop.specs import LAYER_TYPES, LayerSpec, spec_from_toml
    from lenet_desktop.specs.layer_types import SPEC_TYPES

    spec = spec_from_toml(LAYERS_NOT_SHIPPED)
    # and every activation of the table it does not write (a row added later), after its ReLU
    written = {layer.type for layer in spec.layers}
    more = [
        LayerSpec(name, **row.defaults())
        for name, row in SPEC_TYPES.items()
        if row.kind == "activation" and name not in written
    ]
    at = [layer.type for layer in spec.layers].index("relu") + 1
    spec = replace(spec, layers=(*spec.layers[:at], *more, *spec.layers[at:]))
    assert set(LAYER_TYPES) == {layer.type for layer in spec.layers}
    bundle = new_model(spec, MNIST)
    torch.manual_seed(0)
    with torch.no_grad():
        for module in bundle.network.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.running_mean.uniform_(-0.5, 0.5)
                module.running_var.uniform_(0.5, 2.0)
                module.weight.uniform_(0.5, 1.5)
                module.bias.uniform_(-0.2, 0.2)
    bundle.temperature = 0.7
    path = save_model(bundle, tmp_path / "every-layer.safetensors")
    assert same_answers(path, mnist_splits) == 24


def test_lenet5_made_before_its_rbf_output(tmp_path, mnist_splits):
    """A LeNet-5 file with the linear output it had before the RBF layer."""
    from lenet_desktop.nn.bundle import ModelBundle
    from lenet_desktop.nn.models import PAPER_MEAN, PAPER_STD, lenet5

    shipped = load_model("lenet5")
    info = shipped.dataset
    network = lenet5(10, -PAPER_MEAN / PAPER_STD, rbf=False)
    old = ModelBundle(network=network, architecture="lenet5", dataset=info)
    path = save_model(old, tmp_path / "old-lenet5.safetensors")
    from lenet_desktop.nn.numpy_forward import linear

    assert load_numpy_model(path).layers[-1][1].func is linear  # not the RBF's distances
    assert same_answers(path, mnist_splits) == 24


def test_a_file_it_cannot_run_is_refused_so_torch_can_say_why(tmp_path):
    from safetensors.numpy import load, save

    from lenet_desktop.files.model_files import read_model_file, resolve_model_path

    data, _ = read_model_file(resolve_model_path("mnist"))
    header_length = int.from_bytes(data[:8], "little")
    metadata = json.loads(data[8 : 8 + header_length])["__metadata__"]
    tensors = load(data)

    extra = dict(tensors, stray=np.zeros(3, dtype=np.float32))
    (tmp_path / "extra.safetensors").write_bytes(save(extra, metadata=metadata))
    missing = {k: v for k, v in tensors.items() if k != "C3.bias"}
    (tmp_path / "missing.safetensors").write_bytes(save(missing, metadata=metadata))
    wrong = dict(tensors, **{"C1.weight": np.zeros((6, 1, 3, 3), dtype=np.float32)})
    (tmp_path / "wrong.safetensors").write_bytes(save(wrong, metadata=metadata))
    broken = dict(tensors, **{"F5.bias": np.full(120, np.nan, dtype=np.float32)})
    (tmp_path / "nan.safetensors").write_bytes(save(broken, metadata=metadata))
    for name in ("extra", "missing", "wrong", "nan"):
        with pytest.raises(UnsupportedModel):
            load_numpy_model(tmp_path / f"{name}.safetensors")
        with pytest.raises(ModelFileError):  # and torch's load says so in the learner's words
            load_model(tmp_path / f"{name}.safetensors")
    (tmp_path / "foreign.pt").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    with pytest.raises(ModelFileError):
        load_numpy_model(tmp_path / "foreign.pt")


def test_the_first_answer_needs_no_torch():
    """The whole first answer — the model file read, a drawing preprocessed, the forward pass,
    the notes — in an interpreter that never imports torch."""
    code = (
        "import sys, numpy as np\n"
        "from lenet_desktop.files.model_files import load_numpy_model\n"
        "from lenet_desktop.session import Input, Session\n"
        "page = np.full((360, 360), 255, np.uint8)\n"
        "page[60:80, 90:270] = 0\n"  # a seven: the bar …
        "for row in range(80, 300):\n"  # … and the stroke down to the left
        "    col = 270 - (row - 80) * 120 // 220\n"
        "    page[row, col - 10 : col + 10] = 0\n"
        "session = Session()\n"
        "session.preview(load_numpy_model('mnist'))\n"
        "result = session.show(Input('drawing', page))\n"
        "print(result.prediction.label, session.predictor, 'torch' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["7", "None", "False"]
