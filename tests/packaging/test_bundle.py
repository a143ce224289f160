"""The PyInstaller bundle, built from this checkout and run as a user without Python would.

Slow (minutes, and several GB with PyPI's CUDA torch): marked ``slow``; `.ci/run` runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from drawing import redraw, write_idx_slice

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def binary(tmp_path_factory) -> Path:
    """Build the bundle (or use $LENET_BUNDLE, a bundle already built, while iterating)."""
    if os.environ.get("LENET_BUNDLE"):
        return Path(os.environ["LENET_BUNDLE"])
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            str(REPO / "packaging" / "lenet-desktop.spec"),
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=3000,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    path = work / "dist" / "lenet-desktop" / "lenet-desktop"
    assert path.is_file()
    return path


def run_clean(binary: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run the binary with an empty environment: no Python, no PATH, no virtualenv."""
    home = binary.parent.parent / "home"
    home.mkdir(exist_ok=True)
    return subprocess.run(
        ["env", "-i", f"HOME={home}", str(binary), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_predict_json_on_a_drawn_digit(binary, tmp_path, mnist_splits):
    _, test = mnist_splits
    index = int(np.flatnonzero(test.labels.numpy() == 3)[0])
    picture = tmp_path / "three.png"
    redraw(test.images[index].numpy(), canvas=(500, 400), size=300, centre=(300, 200)).save(picture)
    done = run_clean(binary, "predict", "--json", str(picture))
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout)["label"] == "3"


def test_smoke_test_opens_the_window_offscreen(binary):
    done = run_clean(binary, "--smoke-test")
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1])["label"] == "7"


def test_fashion_model_and_a_dataset_folder(binary, fashion_dir):
    done = run_clean(binary, "info", "fashion-mnist", "--json")
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout)["model"]["classes"][-1] == "Ankle boot"


def test_one_epoch_of_training_from_the_frozen_binary(binary, tmp_path, mnist_dir):
    data = tmp_path / "slice"
    write_idx_slice(mnist_dir, data, train=4096, test=500)
    out = tmp_path / "frozen.safetensors"
    done = run_clean(
        binary,
        "train",
        "--dataset",
        "mnist",
        "--data",
        str(data),
        "--epochs",
        "1",
        "--batch-size",
        "128",
        "--json",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert out.is_file()
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["test_accuracy"] > 0.25, done.stdout  # chance is 0.1


def test_the_bundle_carries_models_translations_and_torchvision_ops(binary):
    internal = binary.parent / "_internal"
    assert (internal / "lenet_desktop" / "models" / "mnist.safetensors").is_file()
    assert (internal / "lenet_desktop" / "resources" / "i18n" / "lenet_desktop_zh_CN.qm").is_file()
    assert list((internal / "torchvision").glob("_C*"))
    assert not (internal / "tkinter").exists()
    assert os.access(binary, os.X_OK)
