"""Datasets: the four IDX files as the dataset authors ship them, and clear errors."""

from __future__ import annotations

import gzip
import shutil

import pytest
import torchvision

from lenet_desktop.data.datasets import (
    FASHION_MNIST,
    MNIST,
    DatasetError,
    download,
    load_dataset,
    load_split,
)

FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)


def test_mnist_subset_loads(mnist_splits):
    train, test = mnist_splits
    assert len(train) == 8000 and len(test) == 2000
    assert train.images.shape == (8000, 28, 28) and str(train.images.dtype) == "torch.uint8"
    assert sorted(set(test.labels.tolist())) == list(range(10))


def test_fashion_mnist_loads(fashion_dir):
    train, test = load_dataset(fashion_dir, FASHION_MNIST)
    assert len(train) == 60000 and len(test) == 10000
    assert test.labels.bincount().tolist() == [1000] * 10


def test_class_names_are_torchvisions():
    assert list(FASHION_MNIST.classes) == torchvision.datasets.FashionMNIST.classes
    assert [c.split(" - ")[0] for c in torchvision.datasets.MNIST.classes] == list(MNIST.classes)


def test_plain_files_and_a_torchvision_root_work(tmp_path, mnist_dir):
    raw = tmp_path / "root" / "MNIST" / "raw"
    raw.mkdir(parents=True)
    for name in FILES:
        with gzip.open(mnist_dir / name) as src, open(raw / name[:-3], "wb") as dst:
            shutil.copyfileobj(src, dst)
    test = load_split(tmp_path / "root", MNIST, "test")
    assert len(test) == 2000


@pytest.fixture
def copy_of_mnist(tmp_path, mnist_dir):
    folder = tmp_path / "mnist"
    shutil.copytree(mnist_dir, folder)
    return folder


def test_missing_file_is_named(copy_of_mnist):
    (copy_of_mnist / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DatasetError, match="t10k-labels-idx1-ubyte"):
        load_dataset(copy_of_mnist, MNIST)


def test_truncated_gzip_is_named(copy_of_mnist):
    path = copy_of_mnist / "train-images-idx3-ubyte.gz"
    path.write_bytes(path.read_bytes()[:50_000])
    with pytest.raises(DatasetError, match="train-images-idx3-ubyte.gz.*truncated"):
        load_dataset(copy_of_mnist, MNIST)


def test_wrong_magic_is_named(copy_of_mnist):
    # labels where images belong
    shutil.copy(
        copy_of_mnist / "t10k-labels-idx1-ubyte.gz", copy_of_mnist / "t10k-images-idx3-ubyte.gz"
    )
    with pytest.raises(DatasetError, match="t10k-images-idx3-ubyte.gz.*magic"):
        load_dataset(copy_of_mnist, MNIST)


def test_count_mismatch_is_named(copy_of_mnist):
    # the test labels (2000) beside the train images (8000)
    shutil.copy(
        copy_of_mnist / "t10k-labels-idx1-ubyte.gz", copy_of_mnist / "train-labels-idx1-ubyte.gz"
    )
    with pytest.raises(DatasetError, match="train-labels-idx1-ubyte.gz.*2000 labels for 8000"):
        load_dataset(copy_of_mnist, MNIST)


def test_missing_folder(tmp_path):
    with pytest.raises(DatasetError, match="no such folder"):
        load_dataset(tmp_path / "nowhere", MNIST)


def test_download_offline_is_a_clear_error(tmp_path, monkeypatch):
    # Point torchvision's real download code at a closed local port: what a user without a
    # network gets.
    monkeypatch.setattr(torchvision.datasets.MNIST, "mirrors", ["http://127.0.0.1:9/"])
    with pytest.raises(DatasetError, match="could not download MNIST.*network"):
        download(MNIST, tmp_path)
