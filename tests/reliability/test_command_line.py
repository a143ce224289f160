"""The command line under bad input: usage errors exit 2 with a usage message; a missing file
exits 1 naming its path; never a traceback."""

from __future__ import annotations

import pytest

from lenet_desktop.cli import main

TRAIN = ["train", "--dataset", "mnist", "--out", "never-written.safetensors"]

USAGE_ERRORS = [
    ["--frobnicate"],
    ["predict", "--bogus", "x.png"],
    ["predict"],
    ["nonsense"],
    ["info", "--frobnicate"],
    ["evaluate", "--model"],
    ["predict", "--device", "banana", "x.png"],
    [*TRAIN, "--epochs", "zero"],
    [*TRAIN, "--epochs", "-3"],
    [*TRAIN, "--epochs", "1e9"],
    [*TRAIN, "--lr", "nan"],
    [*TRAIN, "--lr", "-1"],
    [*TRAIN, "--lr", "inf"],
    [*TRAIN, "--batch-size", "0"],
    [*TRAIN, "--label-smoothing", "3"],
    [*TRAIN, "--label-smoothing", "-0.5"],
    [*TRAIN, "--weight-decay", "-1"],
    [*TRAIN, "--optimizer", "rmsprop"],
    [*TRAIN, "--arch", "resnet"],
    [*TRAIN, "--seed", "x"],
    ["train", "--dataset", "cifar", "--out", "x.safetensors"],
    ["train", "--dataset", "mnist"],  # no --out
]


@pytest.mark.parametrize("argv", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_exit_2_with_a_usage_message(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "usage" in err and "error" in err and "Traceback" not in err
    assert not (tmp_path / "never-written.safetensors").exists()


def test_batch_size_one_with_data_is_a_usage_error(capsys, tmp_path, mnist_dir):
    with pytest.raises(SystemExit) as stop:
        main([*TRAIN[:-1], str(tmp_path / "x.safetensors"), "--data", str(mnist_dir),
              "--batch-size", "1"])  # fmt: skip
    assert stop.value.code == 2 and "batch size" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["predict", "{tmp}/missing.png"],
        ["predict", "--model", "{tmp}/missing.safetensors", "{tmp}/missing.png"],
        ["info", "{tmp}/missing.safetensors"],
        ["evaluate", "--model", "{tmp}/missing.safetensors", "--data", "{tmp}"],
        ["evaluate", "--model", "mnist", "--data", "{tmp}/nowhere"],
        ["train", "--dataset", "mnist", "--data", "{tmp}/nowhere", "--out", "{tmp}/x.safetensors"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_a_missing_file_exits_1_naming_it(argv, capsys, tmp_path):
    argv = [part.format(tmp=tmp_path) for part in argv]
    missing = next(p for p in argv if "missing" in p or "nowhere" in p)
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert missing in captured.out + captured.err
    assert "Traceback" not in captured.err
