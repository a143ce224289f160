"""Shared fixtures: the real datasets beside the repository, re-drawn digits, a tmp model."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LENET_SHARED", REPO.parent / "shared"))
DATASETS = SHARED / "datasets"


def dataset_folder(name: str) -> Path:
    folder = DATASETS / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here (the real datasets live in ../shared/datasets)")
    return folder


@pytest.fixture(autouse=True)
def kept_runs(tmp_path_factory, monkeypatch) -> Path:
    """Runs the tests keep go to a folder of their own, never the developer's data folder."""
    folder = tmp_path_factory.mktemp("runs")
    monkeypatch.setenv("LENET_RUNS", str(folder))
    return folder


@pytest.fixture(autouse=True)
def live_channel(tmp_path_factory, monkeypatch) -> Path:
    """The notebook channel's files (its secret, the receivers' ports) in a folder of each
    test's own: a window under test never listens in the developer's folder."""
    folder = tmp_path_factory.mktemp("live")
    monkeypatch.setenv("LENET_DESKTOP_LIVE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    return dataset_folder("mnist-subset")


@pytest.fixture(scope="session")
def fashion_dir() -> Path:
    return dataset_folder("fashion-mnist")


@pytest.fixture(scope="session")
def mnist_splits(mnist_dir):
    from lenet_desktop.data.datasets import MNIST, load_dataset

    return load_dataset(mnist_dir, MNIST)


@pytest.fixture(scope="session")
def notebook_files(tmp_path_factory, fashion_dir):
    """Issue 36's three networks (the English book's class, the Chinese book's nn.Sequential,
    a learner's ReLU + max-pooling class), trained a few hundred steps on Fashion-MNIST with
    ToTensor-style input, each saved as .params, a tutorial checkpoint .pth and a bare
    .safetensors: {name: (network, {kind: path})}."""
    import torch
    from helpers.notebook_nets import save_as_a_learner_would, trained_notebooks

    from lenet_desktop.data.datasets import FASHION_MNIST, load_split

    folder = tmp_path_factory.mktemp("notebooks")
    train = load_split(fashion_dir, FASHION_MNIST, "train")
    threads = torch.get_num_threads()
    nets = trained_notebooks(train.images, train.labels)
    torch.set_num_threads(threads)
    return {name: (net, save_as_a_learner_would(net, folder, f"lenet-{name}"))
            for name, net in nets.items()}  # fmt: skip
