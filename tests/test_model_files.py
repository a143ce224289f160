"""Model files: safetensors with metadata, refused clearly when damaged, never unpickled."""

from __future__ import annotations

import json
import os
import pickle
import struct

import pytest
import torch
from safetensors.torch import save_file

from lenet_desktop.data.datasets import FASHION_MNIST, MNIST
from lenet_desktop.files.model_files import ModelFileError, load_model, model_metadata, save_model
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.options import ARCHITECTURES


def trained_looking(architecture="modern", dataset=MNIST):
    torch.manual_seed(1)
    bundle = new_model(architecture, dataset)
    bundle.network.train()
    with torch.no_grad():  # move batch-norm statistics away from their defaults
        bundle.network(torch.randn(64, 1, 28, 28) * 2 + 0.5)
    bundle.network.eval()
    bundle.training = {"epochs": 3, "test_accuracy": 0.5}
    return bundle


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_saved_and_loaded_model_gives_identical_outputs(tmp_path, architecture):
    bundle = trained_looking(architecture, FASHION_MNIST)
    path = save_model(bundle, tmp_path / "model.safetensors")
    loaded = load_model(path)
    x = torch.randn(8, 1, 28, 28)
    with torch.no_grad():
        assert torch.equal(bundle.network(x), loaded.network(x))
    assert loaded.architecture == architecture
    # its classes, normalisation (LeNet-5: the paper's input scale), convention, prompt
    assert loaded.dataset == bundle.dataset
    assert loaded.dataset.classes == FASHION_MNIST.classes
    assert loaded.temperature == 1.0
    assert loaded.training == {"epochs": 3, "test_accuracy": 0.5}


def test_saving_is_atomic_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "m.safetensors"
    save_model(trained_looking(), target)
    first = target.read_bytes()
    broken = trained_looking()
    with torch.no_grad():
        broken.network.C1.weight[0, 0, 0, 0] = float("nan")
    with pytest.raises(ModelFileError, match="NaN"):
        save_model(broken, target)
    assert target.read_bytes() == first
    assert os.listdir(tmp_path) == ["m.safetensors"]


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelFileError, match="cannot write"):
        save_model(trained_looking(), tmp_path / "no" / "such" / "m.safetensors")


def make_payload(marker):
    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    return Payload()


def test_a_pickle_payload_really_would_run(tmp_path):
    marker = tmp_path / "proof"
    pickle.loads(pickle.dumps(make_payload(marker))).close()
    assert marker.exists()  # so the refusals below mean something


@pytest.mark.parametrize("how", ["torch.save", "pickle"])
def test_pickled_files_are_refused_and_never_run(tmp_path, how):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pt"
    payload = {"C1.weight": make_payload(marker)}
    if how == "torch.save":
        torch.save(payload, path)
    else:
        path.write_bytes(pickle.dumps(payload))
    with pytest.raises(ModelFileError, match="evil.pt") as error:
        load_model(path)
    assert "pickle" in str(error.value)
    assert not marker.exists()


def test_truncated_and_random_files_are_refused(tmp_path):
    good = save_model(trained_looking(), tmp_path / "good.safetensors")
    data = good.read_bytes()
    for name, content in {
        "truncated.safetensors": data[: len(data) // 2],
        "header-only.safetensors": data[:20],
        "random.safetensors": os.urandom(5000),
        "empty.safetensors": b"",
        "text.safetensors": b"hello world, not a model" * 10,
    }.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ModelFileError, match=name):
            load_model(tmp_path / name)


def write_raw(path, tensors, metadata):
    save_file(tensors, str(path), metadata=metadata)
    return path


def test_tensors_of_another_architecture_are_refused(tmp_path):
    d2l = trained_looking("d2l")
    tensors = {k: v.contiguous() for k, v in d2l.network.state_dict().items()}
    meta = model_metadata(d2l) | {"architecture": "modern"}
    path = write_raw(tmp_path / "mislabelled.safetensors", tensors, meta)
    with pytest.raises(ModelFileError, match="mislabelled.safetensors.*'modern'.*missing"):
        load_model(path)


def test_missing_extra_and_misshaped_tensors_are_refused(tmp_path):
    bundle = trained_looking()
    meta = model_metadata(bundle)
    tensors = {k: v.contiguous() for k, v in bundle.network.state_dict().items()}
    cases = {
        "missing": {k: v for k, v in tensors.items() if k != "C3.weight"},
        "extra": tensors | {"bonus": torch.zeros(3)},
        "shape": tensors | {"F5.weight": torch.zeros(10, 400)},
    }
    for name, content in cases.items():
        path = write_raw(tmp_path / f"{name}.safetensors", content, meta)
        with pytest.raises(ModelFileError, match=f"{name}.safetensors"):
            load_model(path)


def test_nan_weights_and_unknown_architecture_are_refused(tmp_path):
    bundle = trained_looking()
    tensors = {k: v.clone().contiguous() for k, v in bundle.network.state_dict().items()}
    tensors["F6.bias"][3] = float("inf")
    with pytest.raises(ModelFileError, match="NaN or infinite"):
        load_model(write_raw(tmp_path / "nan.safetensors", tensors, model_metadata(bundle)))
    meta = model_metadata(bundle) | {"architecture": "alexnet"}
    good = {k: v.contiguous() for k, v in bundle.network.state_dict().items()}
    with pytest.raises(ModelFileError, match="unknown architecture 'alexnet'"):
        load_model(write_raw(tmp_path / "alex.safetensors", good, meta))
    with pytest.raises(ModelFileError, match="not a LeNet Desktop model"):
        load_model(write_raw(tmp_path / "plain.safetensors", good, None))


def test_header_longer_than_the_file_is_refused(tmp_path):
    path = tmp_path / "liar.safetensors"
    path.write_bytes(struct.pack("<Q", 10**12) + json.dumps({}).encode())
    with pytest.raises(ModelFileError, match="truncated"):
        load_model(path)


def test_missing_file_and_unknown_name(tmp_path):
    with pytest.raises(ModelFileError, match="no such file"):
        load_model(tmp_path / "absent.safetensors")
    with pytest.raises(ModelFileError, match="no such model"):
        load_model("cifar")


def test_a_header_whose_length_looks_like_a_pickle_still_loads(tmp_path):
    # A safetensors header of 0x0580 bytes starts the file with 80 05, the opening bytes of a
    # protocol-5 pickle: the file is a model all the same.
    bundle = trained_looking("d2l")
    path = tmp_path / "m.safetensors"
    for pad in range(0, 2000):
        bundle.training = {"note": "x" * pad}
        save_model(bundle, path)
        if path.read_bytes()[:2] == b"\x80\x05":
            break
    else:
        pytest.fail("no padding gave a 0x0580-byte header")
    assert load_model(path).training == {"note": "x" * pad}
