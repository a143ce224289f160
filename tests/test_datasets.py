"""Datasets: the four IDX files as the dataset authors ship them, and clear errors."""

from __future__ import annotations

import gzip
import shutil

import pytest
import torchvision

from lenet_desktop.data.datasets import (
    DATASETS,
    FASHION_MNIST,
    MNIST,
    DatasetError,
    candidate_folders,
    dataset_info,
    describe,
    load_dataset,
    load_split,
)
from lenet_desktop.data.download import download

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


def test_every_dataset_fact_is_in_its_record(tmp_path, monkeypatch):
    from lenet_desktop.options import DATASET_NAMES

    assert DATASET_NAMES == tuple(info.name for info in DATASETS) == ("mnist", "fashion-mnist")
    for info in DATASETS:
        assert dataset_info(info.name) is info
        assert getattr(torchvision.datasets, info.torchvision or "").__name__ == info.torchvision
        assert info.augmentation.degrees > 0
        # a model file of a known dataset gets the record back, with the file's statistics
        again = describe(info.name, info.classes, 0.5, 0.25, info.convention)
        assert (again.augmentation, again.torchvision, again.folder_name) == (
            info.augmentation,
            info.torchvision,
            info.folder_name,
        )
        assert (again.mean, again.std) == (0.5, 0.25)
    assert MNIST.folder_name == "mnist-subset" and not MNIST.augmentation.flip
    assert FASHION_MNIST.augmentation.flip
    custom = describe("letters", ("a", "b"), 0.5, 0.25, "mnist")
    assert custom.torchvision is None and custom.folder_name == "letters"
    monkeypatch.setenv("LENET_DATA", str(tmp_path))
    assert candidate_folders(MNIST)[:2] == [tmp_path / "mnist-subset", tmp_path]


def test_the_options_need_neither_torch_nor_numpy():
    import subprocess
    import sys

    code = (
        "import sys, lenet_desktop.options as o; print(o.DATASET_NAMES, "
        "sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'numpy', 'PIL'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "('mnist', 'fashion-mnist') []", done.stderr


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
