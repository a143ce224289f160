"""The datasets the app knows: class names, normalisation statistics and the preprocessing
convention live here together, and everything else asks this module."""

from __future__ import annotations

import gzip
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch


@dataclass(frozen=True)
class DatasetInfo:
    """What a model needs to know about the data it was trained on.

    ``convention`` is how a free-form image is turned into one of this dataset's 28×28 images:
    ``"mnist"`` (ink box scaled to 20 px, centre of mass centred) or ``"fashion"`` (object fills
    the 28×28 frame, centred by its box). Both are light on dark.
    """

    name: str
    title: str
    classes: tuple[str, ...]
    mean: float
    std: float
    convention: str


MNIST = DatasetInfo(
    name="mnist",
    title="MNIST",
    classes=tuple(str(d) for d in range(10)),
    mean=0.1307,
    std=0.3081,
    convention="mnist",
)

FASHION_MNIST = DatasetInfo(
    name="fashion-mnist",
    title="Fashion-MNIST",
    classes=(
        "T-shirt/top",
        "Trouser",
        "Pullover",
        "Dress",
        "Coat",
        "Sandal",
        "Shirt",
        "Sneaker",
        "Bag",
        "Ankle boot",
    ),
    mean=0.2860,
    std=0.3530,
    convention="fashion",
)

DATASETS: dict[str, DatasetInfo] = {d.name: d for d in (MNIST, FASHION_MNIST)}

CONVENTIONS = ("mnist", "fashion")


def dataset_info(name: str) -> DatasetInfo:
    """The dataset called ``name`` (``mnist`` or ``fashion-mnist``); ValueError otherwise."""
    try:
        return DATASETS[name]
    except KeyError:
        known = ", ".join(DATASETS)
        raise ValueError(f"unknown dataset {name!r} (known: {known})") from None


# ---------------------------------------------------------------------------------------------
# Reading the four IDX files

SPLIT_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
# torchvision keeps each dataset under ROOT/<class name>/raw.
TORCHVISION_CLASS = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST"}
IMAGE_MAGIC, LABEL_MAGIC = 0x00000803, 0x00000801


class DatasetError(ValueError):
    """A dataset that cannot be used; the message names the file and says why."""


@dataclass(frozen=True)
class Split:
    """One split in memory: ``images (N, 28, 28) uint8`` light on dark, ``labels (N,) int64``."""

    images: torch.Tensor
    labels: torch.Tensor

    def __len__(self) -> int:
        return int(self.labels.shape[0])


def user_data_dir() -> Path:
    """The per-user folder torchvision downloads into."""
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir("lenet-desktop", appauthor=False)) / "datasets"


def _find(folder: Path, stem: str, info: DatasetInfo) -> Path:
    places = [folder, folder / TORCHVISION_CLASS[info.name] / "raw"]
    for place in places:
        for name in (stem, stem + ".gz"):
            if (place / name).is_file():
                return place / name
    raise DatasetError(
        f"{folder / (stem + '.gz')}: missing — a {info.title} folder needs the four files "
        f"train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
        f"t10k-labels-idx1-ubyte (optionally .gz)"
    )


def read_idx(path: Path, magic: int) -> np.ndarray:
    """Read one IDX file (plain or gzip) of unsigned bytes; DatasetError naming it if damaged."""
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as handle:
                data = handle.read()
        else:
            data = path.read_bytes()
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise DatasetError(f"{path}: the gzip file is truncated or damaged ({exc})") from None
    except OSError as exc:
        raise DatasetError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) < 8:
        raise DatasetError(f"{path}: too short to be an IDX file ({len(data)} bytes)")
    found = int.from_bytes(data[:4], "big")
    if found != magic:
        kind = "image" if magic == IMAGE_MAGIC else "label"
        raise DatasetError(
            f"{path}: not an IDX {kind} file (magic number {found:#010x}, expected {magic:#010x})"
        )
    ndim = magic & 0xFF
    header = 4 + 4 * ndim
    dims = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    expected = int(np.prod(dims))
    if len(data) - header != expected:
        raise DatasetError(
            f"{path}: the file is truncated or too long ({len(data) - header} bytes of data, "
            f"expected {expected} for {'×'.join(map(str, dims))})"
        )
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(dims)


def load_split(folder: str | os.PathLike[str], info: DatasetInfo, split: str) -> Split:
    """Read the ``train`` or ``test`` split of ``info`` from ``folder``.

    ``folder`` holds the four IDX files (plain or .gz), or is a torchvision root
    (``folder/MNIST/raw/…``). Raises DatasetError naming the file for anything missing or
    damaged.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise DatasetError(f"{folder}: no such folder")
    image_stem, label_stem = SPLIT_FILES[split]
    image_path = _find(folder, image_stem, info)
    label_path = _find(folder, label_stem, info)
    images = read_idx(image_path, IMAGE_MAGIC)
    labels = read_idx(label_path, LABEL_MAGIC)
    if images.shape[1:] != (28, 28):
        raise DatasetError(
            f"{image_path}: images are {images.shape[1]}×{images.shape[2]}, expected 28×28"
        )
    if images.shape[0] != labels.shape[0]:
        raise DatasetError(
            f"{label_path}: {labels.shape[0]} labels for {images.shape[0]} images in "
            f"{image_path.name}"
        )
    if labels.size and int(labels.max()) >= len(info.classes):
        raise DatasetError(
            f"{label_path}: label {int(labels.max())} is out of range for "
            f"{len(info.classes)} classes"
        )
    return Split(torch.from_numpy(images.copy()), torch.from_numpy(labels.astype(np.int64)))


def load_dataset(folder: str | os.PathLike[str], info: DatasetInfo) -> tuple[Split, Split]:
    """Both splits (train, test), every file checked before anything else happens."""
    folder = Path(folder).expanduser()
    if folder.is_dir():
        for image_stem, label_stem in SPLIT_FILES.values():
            _find(folder, image_stem, info)
            _find(folder, label_stem, info)
    return load_split(folder, info, "train"), load_split(folder, info, "test")


def download(info: DatasetInfo, root: str | os.PathLike[str] | None = None) -> Path:
    """Download ``info`` with torchvision into ``root`` (default: the per-user data folder).

    Returns the root, which :func:`load_dataset` then reads. Raises DatasetError with a plain
    message when the network is not there.
    """
    from torchvision import datasets as tv

    root = Path(root) if root is not None else user_data_dir()
    cls = getattr(tv, TORCHVISION_CLASS[info.name])
    try:
        root.mkdir(parents=True, exist_ok=True)
        for train in (True, False):
            cls(str(root), train=train, download=True)
    except Exception as exc:  # urllib, socket and torchvision's RuntimeError alike
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatasetError(
            f"could not download {info.title} into {root}: {first}. Check the network "
            "connection, or point --data at a folder holding the four IDX files."
        ) from None
    return root


# Where a dataset's files may already be on this machine, beside the ones a user picks.
SHARED_FOLDER = {"mnist": "mnist-subset", "fashion-mnist": "fashion-mnist"}
DATA_ENV_VAR = "LENET_DATA"


def candidate_folders(info: DatasetInfo) -> list[Path]:
    """Folders that may hold ``info``'s files, most specific first: ``$LENET_DATA`` (a folder
    of dataset folders), the per-user download folder, and the ``shared/datasets`` folder
    beside a source checkout."""
    places = []
    env = os.environ.get(DATA_ENV_VAR)
    if env:
        places += [Path(env) / SHARED_FOLDER[info.name], Path(env)]
    places.append(user_data_dir())
    checkout = Path(__file__).resolve().parents[2] / "shared" / "datasets"
    places.append(checkout / SHARED_FOLDER[info.name])
    return places


def find_test_split(info: DatasetInfo, preferred: str | os.PathLike[str] | None = None) -> Split:
    """The test split of ``info`` from ``preferred`` or the first candidate folder that holds
    it; DatasetError (naming where it looked) if none does."""
    places = ([Path(preferred)] if preferred else []) + candidate_folders(info)
    errors = []
    for place in places:
        if not place.is_dir():
            continue
        try:
            return load_split(place, info, "test")
        except DatasetError as exc:
            errors.append(str(exc))
    looked = ", ".join(str(p) for p in places)
    detail = f" ({errors[0]})" if errors else ""
    raise DatasetError(f"no {info.title} test files found; looked in {looked}{detail}")
