"""The datasets the app knows, one record each (:class:`DatasetInfo`): name, title, class
names, normalisation statistics, preprocessing convention, augmentation strength, what to ask a
person to draw, the torchvision class that downloads it and its folder under
``shared/datasets``. :data:`DATASETS` lists the records; everything else (the command line's
and the Training panel's choices through :data:`lenet_desktop.options.DATASET_NAMES`, the
training loop, the model files) asks them, so adding a dataset is adding one record. This
module also reads the four IDX files and finds them (:mod:`.download` fetches them).

torch and numpy are imported only where arrays are made, so the command line and the window
can ask for names and titles before either has loaded.
"""

from __future__ import annotations

import gzip
import os
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.paths import places
from lenet_desktop.specs.geometry import INPUT_SIDE

if TYPE_CHECKING:
    import numpy as np
    import torch


@dataclass(frozen=True)
class Augmentation:
    """Random distortions for training: rotation ±degrees, scale 1 ± scale, shift ±shift_px
    pixels, horizontal flips (garments are left-right symmetric, digits are not); ``stroke``:
    the range of stroke-width changes (−1 = a 3×3 grey erosion, a thinner pen; +1 = a 3×3 grey
    dilation, a thicker marker; values between blend); ``elastic_px``: the typical size of a
    smooth random warp (a hand's wobble), in pixels."""

    degrees: float
    scale: float
    shift_px: float
    flip: bool
    stroke: tuple[float, float] = (0.0, 0.0)
    elastic_px: float = 0.0


NO_AUGMENTATION = Augmentation(degrees=0.0, scale=0.0, shift_px=0.0, flip=False)


@dataclass(frozen=True)
class StyleTable:
    """How the dataset's classes are also written elsewhere (:mod:`lenet_desktop.training.
    styles`): the ``flagged`` classes get a flag in ``flag_share`` of their training images and
    a base in ``base_share`` (independently)."""

    flagged: tuple[int, ...] = ()
    flag_share: float = 0.0
    base_share: float = 0.0


@dataclass(frozen=True)
class OutlierTable:
    """Which classes stay none of the classes when turned or mirrored, for making non-examples
    from a dataset's own images (:mod:`lenet_desktop.training.outliers`): ``quarter`` (a
    quarter turn either way), ``half`` (a half turn), ``mirror`` (left to right), ``flip``
    (upside down), each a tuple of class indices."""

    quarter: tuple[int, ...] = ()
    half: tuple[int, ...] = ()
    mirror: tuple[int, ...] = ()
    flip: tuple[int, ...] = ()


@dataclass(frozen=True)
class DatasetInfo:
    """What a model needs to know about the data it was trained on.

    ``convention`` is how a free-form image is turned into one of this dataset's 28×28 images:
    ``"mnist"`` (ink box scaled to 20 px, centre of mass centred) or ``"fashion"`` (object fills
    the 28×28 frame, centred by its box). Both are light on dark. ``prompt`` asks a person what
    to draw (English, marked for translation; ``{classes}`` is filled with the class names).
    ``augmentation``: how much training may tilt, scale, shift and flip its images.
    ``outliers``: how to make pictures that are none of its classes from its own images (None:
    it has no such table, and training with non-examples is refused). ``styles``: how its
    classes are written in other hands, added to some training images when augmenting.
    ``torchvision``: the torchvision dataset class that downloads it (None: it cannot be
    downloaded; torchvision keeps it under ``ROOT/<class>/raw``). ``shared_folder``: its folder
    under a ``shared/datasets`` folder (None: its name).
    """

    name: str
    title: str
    classes: tuple[str, ...]
    mean: float
    std: float
    convention: str
    prompt: str = QT_TRANSLATE_NOOP("prompts", "Draw one of: {classes}.")
    augmentation: Augmentation = NO_AUGMENTATION
    outliers: OutlierTable | None = None
    styles: StyleTable | None = None
    torchvision: str | None = None
    shared_folder: str | None = None

    @property
    def folder_name(self) -> str:
        """Its folder under a ``shared/datasets`` folder or ``$LENET_DATA``."""
        return self.shared_folder or self.name


MNIST = DatasetInfo(
    name="mnist",
    title="MNIST",
    classes=tuple(str(d) for d in range(10)),
    mean=0.1307,
    std=0.3081,
    convention="mnist",
    prompt=QT_TRANSLATE_NOOP("prompts", "Draw a digit on the canvas."),
    # Digits tolerate tilts and size changes (people write them so), thinner and thicker pens
    # and a hand's wobble: chosen on held-out training digits (python -m benchmarks.augmentation).
    augmentation=Augmentation(
        degrees=12.0, scale=0.12, shift_px=2.5, flip=False, stroke=(-0.3, 0.6), elastic_px=0.5
    ),
    # A quarter-turned 0 is a 0; a half-turned 6 a 9 (and 0, 1, 2, 5, 8, 9 pass for digits);
    # a mirrored 0, 1, 8 is itself and a 2 nearly a 5; a 3 upside down is a 3.
    outliers=OutlierTable(
        quarter=(1, 2, 3, 4, 5, 6, 7, 8, 9),
        half=(3, 4, 7),
        mirror=(3, 4, 6, 7, 9),
        flip=(4, 6, 7, 9),
    ),
    # MNIST's 1 is one stroke; much of the world writes it with a flag and a base.
    styles=StyleTable(flagged=(1,), flag_share=0.5, base_share=0.2),
    torchvision="MNIST",
    shared_folder="mnist-subset",
)

FASHION_MNIST = DatasetInfo(
    name="fashion-mnist",
    title="Fashion-MNIST",
    classes=(
        QT_TRANSLATE_NOOP("classes", "T-shirt/top"),
        QT_TRANSLATE_NOOP("classes", "Trouser"),
        QT_TRANSLATE_NOOP("classes", "Pullover"),
        QT_TRANSLATE_NOOP("classes", "Dress"),
        QT_TRANSLATE_NOOP("classes", "Coat"),
        QT_TRANSLATE_NOOP("classes", "Sandal"),
        QT_TRANSLATE_NOOP("classes", "Shirt"),
        QT_TRANSLATE_NOOP("classes", "Sneaker"),
        QT_TRANSLATE_NOOP("classes", "Bag"),
        QT_TRANSLATE_NOOP("classes", "Ankle boot"),
    ),
    mean=0.2860,
    std=0.3530,
    convention="fashion",
    # The dataset's garments are filled silhouettes photographed from the front: an outline
    # drawn with a pen is usually read as a bag.
    prompt=QT_TRANSLATE_NOOP(
        "prompts",
        "Draw a garment as a filled shape (the Fill tool fills an outline): the dataset's "
        "garments are solid silhouettes, and a bare outline is often read as a bag.",
    ),
    # Garments are photographed upright and framed the same way: gentler changes, and flips.
    augmentation=Augmentation(degrees=4.0, scale=0.05, shift_px=2.0, flip=True),
    torchvision="FashionMNIST",
    shared_folder="fashion-mnist",
)

# Every dataset the app knows, in the order it offers them (the first is the default).
DATASETS: tuple[DatasetInfo, ...] = (MNIST, FASHION_MNIST)
_BY_NAME = {d.name: d for d in DATASETS}
CONVENTIONS = ("mnist", "fashion")  # how a free-form picture is framed (data.preprocessing)


class DatasetError(LocalizedError):
    """A dataset that cannot be used; the message names the file and says why."""


def dataset_info(name: str) -> DatasetInfo:
    """The dataset called ``name`` (``mnist`` or ``fashion-mnist``); ValueError otherwise."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise DatasetError(
            QT_TRANSLATE_NOOP("errors", "unknown dataset {name!r} (known: {known})"),
            name=name,
            known=", ".join(_BY_NAME),
        ) from None


def describe(
    name: str, classes: tuple[str, ...], mean: float, std: float, convention: str
) -> DatasetInfo:
    """The DatasetInfo a model file describes: a known dataset as it is defined here (with the
    file's own normalisation), anything else as a custom dataset titled by its name."""
    known = _BY_NAME.get(name)
    if known is not None and known.classes == tuple(classes):
        return replace(known, mean=mean, std=std, convention=convention)
    return DatasetInfo(name, name, tuple(classes), mean, std, convention)


# ---------------------------------------------------------------------------------------------
# Reading the four IDX files

SPLIT_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
IMAGE_MAGIC, LABEL_MAGIC = 0x00000803, 0x00000801


@dataclass(frozen=True)
class Split:
    """One split in memory: ``images (N, 28, 28) uint8`` light on dark, ``labels (N,) int64``;
    ``indices``: for a part of a split, each image's index in the whole split (None: it is
    the whole split)."""

    images: torch.Tensor
    labels: torch.Tensor
    indices: torch.Tensor | None = None

    def __len__(self) -> int:
        return int(self.labels.shape[0])


def _places(folder: Path, info: DatasetInfo) -> list[Path]:
    """Where the files may be inside ``folder``: in it, or in a torchvision root's raw folder."""
    places = [folder]
    if info.torchvision:
        places.append(folder / info.torchvision / "raw")
    return places


def find_file(folder: Path, stem: str, info: DatasetInfo) -> Path | None:
    """The IDX file ``stem`` (plain or .gz) inside ``folder`` (either layout), or None."""
    for place in _places(folder, info):
        for name in (stem, stem + ".gz"):
            if (place / name).is_file():
                return place / name
    return None


def _find(folder: Path, stem: str, info: DatasetInfo) -> Path:
    found = find_file(folder, stem, info)
    if found is None:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: missing — a {title} folder needs the four files "
                "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                "t10k-labels-idx1-ubyte (optionally .gz)",
            ),
            path=folder / (stem + ".gz"),
            title=info.title,
        )
    return found


def holds(folder: str | os.PathLike[str], info: DatasetInfo, split: str = "test") -> bool:
    """Whether ``folder`` has ``split``'s two files of ``info`` (either layout)."""
    folder = Path(folder).expanduser()
    return folder.is_dir() and all(find_file(folder, s, info) for s in SPLIT_FILES[split])


def read_idx(path: Path, magic: int) -> np.ndarray:
    """Read one IDX file (plain or gzip) of unsigned bytes; DatasetError naming it if damaged."""
    import numpy as np  # deferred: NumPy

    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as handle:
                data = handle.read()
        else:
            data = path.read_bytes()
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise DatasetError(
            QT_TRANSLATE_NOOP("errors", "{path}: the gzip file is truncated or damaged ({detail})"),
            path=path,
            detail=exc,
        ) from None
    except OSError as exc:
        raise DatasetError(
            QT_TRANSLATE_NOOP("errors", "{path}: cannot be read ({detail})"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
    if len(data) < 8:
        raise DatasetError(
            QT_TRANSLATE_NOOP("errors", "{path}: too short to be an IDX file ({size} bytes)"),
            path=path,
            size=len(data),
        )
    found = int.from_bytes(data[:4], "big")
    if found != magic:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "errors", "{path}: not an IDX {kind} file (magic number {found}, expected {magic})"
            ),
            path=path,
            kind="image" if magic == IMAGE_MAGIC else "label",
            found=f"{found:#010x}",
            magic=f"{magic:#010x}",
        )
    ndim = magic & 0xFF
    header = 4 + 4 * ndim
    dims = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    expected = int(np.prod(dims))
    if len(data) - header != expected:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: the file is truncated or too long ({size} bytes of data, expected "
                "{expected} for {shape})",
            ),
            path=path,
            size=len(data) - header,
            expected=expected,
            shape="×".join(map(str, dims)),
        )
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(dims)


def load_split(folder: str | os.PathLike[str], info: DatasetInfo, split: str) -> Split:
    """Read the ``train`` or ``test`` split of ``info`` from ``folder``.

    ``folder`` holds the four IDX files (plain or .gz), or is a torchvision root
    (``folder/MNIST/raw/…``). Raises DatasetError naming the file for anything missing or
    damaged.
    """
    import numpy as np  # deferred: NumPy
    import torch  # deferred: NumPy, torch

    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise DatasetError(QT_TRANSLATE_NOOP("errors", "{path}: no such folder"), path=folder)
    image_stem, label_stem = SPLIT_FILES[split]
    image_path = _find(folder, image_stem, info)
    label_path = _find(folder, label_stem, info)
    images = read_idx(image_path, IMAGE_MAGIC)
    labels = read_idx(label_path, LABEL_MAGIC)
    if images.shape[1:] != (INPUT_SIDE, INPUT_SIDE):
        raise DatasetError(
            QT_TRANSLATE_NOOP("errors", "{path}: images are {shape}, expected {side}×{side}"),
            path=image_path,
            side=INPUT_SIDE,
            shape=f"{images.shape[1]}×{images.shape[2]}",
        )
    if images.shape[0] != labels.shape[0]:
        raise DatasetError(
            QT_TRANSLATE_NOOP("errors", "{path}: {labels} labels for {images} images in {name}"),
            path=label_path,
            labels=labels.shape[0],
            images=images.shape[0],
            name=image_path.name,
        )
    if labels.size and int(labels.max()) >= len(info.classes):
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "errors", "{path}: label {label} is out of range for {count} classes"
            ),
            path=label_path,
            label=int(labels.max()),
            count=len(info.classes),
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


def candidate_folders(info: DatasetInfo) -> list[Path]:
    """Folders that may hold ``info``'s files, most specific first: ``$LENET_DATA`` (a folder
    of dataset folders), the per-user download folder, and a ``shared/datasets`` folder beside
    a source checkout or the current folder."""
    sub = info.folder_name
    found = []
    env = places.data_override()
    if env is not None:
        found += [env / sub, env]
    found.append(places.user_folder("datasets"))
    for shared in places.shared_datasets_folders():
        if shared / sub not in found:
            found.append(shared / sub)
    return found


def find_folder(info: DatasetInfo, preferred: str | os.PathLike[str] | None = None) -> Path | None:
    """The first of ``preferred`` and the candidate folders that holds ``info``'s test files."""
    places = ([Path(preferred)] if preferred else []) + candidate_folders(info)
    return next((p for p in places if holds(p, info)), None)


# The test images that ship inside the package: SAMPLE_PER_CLASS of each class, the first of
# each in the test split, so that a notebook's network can be tried and a test sample shown
# with no dataset on the computer (resources/samples; its README says where they come from).
SAMPLE_PER_CLASS = 50


def shipped_sample(info: DatasetInfo) -> Split | None:
    """The part of ``info``'s test split shipped with the app (None for a dataset without
    one)."""
    import numpy as np  # deferred: NumPy
    import torch  # deferred: NumPy, torch

    path = places.resources_folder() / "samples" / f"{info.name}-test-{10 * SAMPLE_PER_CLASS}.npz"
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        return Split(
            torch.from_numpy(np.ascontiguousarray(data["images"], dtype=np.uint8)),
            torch.from_numpy(np.ascontiguousarray(data["labels"], dtype=np.int64)),
            torch.from_numpy(np.ascontiguousarray(data["indices"], dtype=np.int64)),
        )


def find_test_split(info: DatasetInfo, preferred: str | os.PathLike[str] | None = None) -> Split:
    """The test split of ``info`` from ``preferred`` or the first candidate folder that holds
    it; DatasetError (naming where it looked) if none does."""
    places = ([Path(preferred)] if preferred else []) + candidate_folders(info)
    errors: list[DatasetError] = []
    for place in places:
        if not place.is_dir():
            continue
        try:
            return load_split(place, info, "test")
        except DatasetError as exc:
            errors.append(exc)
    looked = ", ".join(str(p) for p in places)
    if errors:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "errors", "no {title} test files found; looked in {places} ({reason})"
            ),
            title=info.title,
            places=looked,
            reason=errors[0],
        )
    raise DatasetError(
        QT_TRANSLATE_NOOP("errors", "no {title} test files found; looked in {places}"),
        title=info.title,
        places=looked,
    )
