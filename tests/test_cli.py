"""The command line as a user runs it: info, predict, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from lenet_desktop.cli import main
from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import save_model
from lenet_desktop.nn.bundle import new_model


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_info_lenet5_shows_the_papers_counts(capsys):
    code, out, _ = run(capsys, "info", "lenet5")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    for layer, count in {
        "C1": 156,
        "S2": 12,
        "C3": 1516,
        "S4": 32,
        "C5": 48120,
        "F6": 10164,
    }.items():
        assert str(count) in lines[layer].split()
    assert "(14 − 5 + 0 + 1) / 1 = 10" in lines["C3"]


def test_info_d2l_json_has_the_notes_shapes(capsys):
    code, out, _ = run(capsys, "info", "d2l", "--json")
    assert code == 0
    info = json.loads(out)
    shapes = [tuple(layer["output_shape"]) for layer in info["layers"]]
    for shape in [(6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 5, 5), (400,), (120,), (84,), (10,)]:
        assert shape in shapes
    assert set(info["layers"][0]) >= {"name", "type", "output_shape", "parameters"}
    assert info["total_parameters"] == sum(layer["parameters"] for layer in info["layers"])


def test_info_of_a_model_file(tmp_path, capsys):
    path = save_model(new_model("lenet5", MNIST), tmp_path / "m.safetensors")
    code, out, _ = run(capsys, "info", str(path), "--json")
    assert code == 0
    assert json.loads(out)["architecture"] == "lenet5"


@pytest.fixture
def model_file(tmp_path):
    return save_model(new_model("modern", MNIST), tmp_path / "fresh.safetensors")


def test_predict_json_one_line_per_image(tmp_path, capsys, model_file, mnist_splits):
    _, test = mnist_splits
    paths = []
    for i in range(3):
        path = tmp_path / f"digit{i}.png"
        Image.fromarray(test.images[i].numpy()).save(path)
        paths.append(str(path))
    code, out, _ = run(capsys, "predict", "--model", str(model_file), "--json", *paths)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in records] == paths
    for record in records:
        assert set(record) >= {"path", "label", "index", "confidence", "probabilities"}
        assert sum(record["probabilities"].values()) == pytest.approx(1.0, abs=1e-5)
        assert record["label"] == MNIST.classes[record["index"]]
        assert record["confidence"] == max(record["probabilities"].values())


def test_blank_image_is_empty_and_exit_status_nonzero(tmp_path, capsys, model_file):
    blank = tmp_path / "blank.png"
    Image.new("RGB", (500, 400), "white").save(blank)
    code, out, _ = run(capsys, "predict", "--model", str(model_file), "--json", str(blank))
    assert code != 0
    record = json.loads(out)
    assert record["path"] == str(blank) and record["error"] == "empty"


def test_unreadable_image_is_an_error_record(tmp_path, capsys, model_file):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    missing = tmp_path / "missing.png"
    code, out, _ = run(
        capsys, "predict", "--model", str(model_file), "--json", str(bad), str(missing)
    )
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert "bad.png" in records[0]["error"] and "missing.png" in records[1]["error"]


def test_damaged_model_is_exit_1_naming_the_file(tmp_path, capsys):
    broken = tmp_path / "broken.safetensors"
    broken.write_bytes(np.random.default_rng(0).bytes(999))
    image = tmp_path / "x.png"
    Image.new("L", (28, 28)).save(image)
    code, _, err = run(capsys, "predict", "--model", str(broken), str(image))
    assert code == 1 and "broken.safetensors" in err


def test_usage_errors_exit_2(capsys):
    for argv in (
        ["predict"],
        ["info", "--frobnicate"],
        ["predict", "--device", "banana", "x"],
        ["nonsense"],
    ):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        assert "usage" in capsys.readouterr().err


def test_console_entry_point_runs(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "lenet_desktop", "info", "lenet5", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["layers"][1]["parameters"] == 156
