"""`lenet-desktop train` and `evaluate` as a user runs them."""

from __future__ import annotations

import json

import pytest
from helpers.drawing import write_idx_slice

from lenet_desktop.cli import main
from lenet_desktop.files.model_files import load_model


@pytest.fixture(scope="module")
def mnist_slice(tmp_path_factory, mnist_dir):
    folder = tmp_path_factory.mktemp("slice")
    write_idx_slice(mnist_dir, folder, train=2048, test=500)
    return folder


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("architecture", ["modern", "d2l", "lenet5"])
def test_every_architecture_trains_from_the_command_line(
    tmp_path, capsys, mnist_slice, architecture
):
    out_file = tmp_path / f"{architecture}.safetensors"
    code, out, err = run(
        capsys,
        "train",
        "--dataset",
        "mnist",
        "--data",
        mnist_slice,
        "--arch",
        architecture,
        "--epochs",
        "2",
        "--json",
        "--out",
        out_file,
    )
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["epoch"] for line in lines[:-1]] == [1, 2]
    assert lines[-1]["saved"] == str(out_file)
    model = load_model(out_file)
    assert model.architecture == architecture
    assert model.training["config"]["architecture"] == architecture
    assert model.training["test_accuracy"] == lines[-1]["test_accuracy"]

    code, out, _ = run(capsys, "evaluate", "--model", out_file, "--data", mnist_slice, "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) == {
        "accuracy",
        "count",
        "per_class",
        "confusion",
        "ece",
        "nll",
        "mean_confidence",
        "temperature",
    }
    assert report["count"] == 500
    assert report["accuracy"] == pytest.approx(model.training["test_accuracy"])
    assert sum(map(sum, report["confusion"])) == 500
    assert list(report["per_class"]) == [str(d) for d in range(10)]


def test_nan_loss_leaves_the_previous_file_byte_identical(tmp_path, capsys, mnist_slice):
    out_file = tmp_path / "model.safetensors"
    code, _, _ = run(
        capsys,
        "train",
        "--dataset",
        "mnist",
        "--data",
        mnist_slice,
        "--epochs",
        "1",
        "--out",
        out_file,
    )
    assert code == 0
    before = out_file.read_bytes()
    code, _, err = run(
        capsys,
        "train",
        "--dataset",
        "mnist",
        "--data",
        mnist_slice,
        "--optimizer",
        "sgd",
        "--lr",
        "1e6",  # the highest the option takes
        "--epochs",
        "1",
        "--out",
        out_file,
    )
    assert code == 1
    assert "NaN" in err or "infinite" in err
    assert out_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.safetensors"]


def test_damaged_dataset_is_named_before_training(tmp_path, capsys, mnist_slice):
    broken = tmp_path / "broken"
    write_idx_slice(mnist_slice, broken, train=100, test=10)
    labels = broken / "t10k-labels-idx1-ubyte.gz"
    labels.write_bytes(labels.read_bytes()[:-9])
    code, out, err = run(
        capsys,
        "train",
        "--dataset",
        "mnist",
        "--data",
        broken,
        "--json",
        "--out",
        tmp_path / "m.safetensors",
    )
    assert code == 1
    assert "t10k-labels-idx1-ubyte.gz" in err
    assert out == ""  # no epoch ran
    assert not (tmp_path / "m.safetensors").exists()


def test_train_usage_errors(capsys, tmp_path):
    for argv in (
        ["train", "--dataset", "mnist", "--out", "x"],
        ["train", "--dataset", "cifar", "--data", ".", "--out", "x"],
        ["train", "--dataset", "mnist", "--data", ".", "--epochs", "0", "--out", "x"],
        ["train", "--dataset", "mnist", "--data", ".", "--lr", "nan", "--out", "x"],
    ):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
    capsys.readouterr()
