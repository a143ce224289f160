"""Is a candidate one whole digit? The number reader's second opinion, as LeCun et al. 1998
(section VI) trained their recogniser on the segmenter's wrong cuts as well as on digits.

The shipped classifier learned what a digit looks like, and a reasonable one even from two
digits squeezed into one 20-px box or from half a digit; it cannot say "this is not one
digit". The checker can: a network of the same shape (the ``modern`` preset) with an eleventh
class, *not one digit*, trained by :mod:`lenet_desktop.training.number_pieces` on every
candidate the segmentation (:mod:`lenet_desktop.analysis.segmentation`) cuts from numbers made
of the training split's digits — whole digits under their labels, everything else (two digits
merged, a digit cut in two, a stroke of a neighbour) as the eleventh class. Its file is
``models/helpers/number-pieces.safetensors``; without it, numbers are read as before it existed.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from lenet_desktop.files.model_files import ModelFileError, load_model
from lenet_desktop.paths.places import models_folder

FILE = "number-pieces.safetensors"
NOT_ONE_DIGIT = "not one digit"  # the eleventh class's name in the file


def checker_path() -> Path:
    return models_folder() / "helpers" / FILE


@functools.cache
def _checker(device: str):
    """The checker on ``device``, loaded once; None when its file is missing or unreadable."""
    path = checker_path()
    if not path.is_file():
        return None
    try:
        bundle = load_model(path)
    except ModelFileError:
        return None
    if bundle.dataset.classes[-1] != NOT_ONE_DIGIT:
        return None
    return bundle, bundle.network.to(device).eval()


def one_digit(framed: np.ndarray, device: str = "cpu") -> np.ndarray | None:
    """For each ``(28, 28)`` candidate in ``framed`` (``(N, 28, 28)``, ink in [0, 1], framed as
    MNIST's digits are), the checker's probability that it is one whole digit; None without a
    checker."""
    import torch  # deferred: torch

    found = _checker(str(device))
    if found is None:
        return None
    bundle, network = found
    info = bundle.dataset
    batch = (framed.astype(np.float32) - np.float32(info.mean)) / np.float32(info.std)
    with torch.inference_mode():
        logits = network(torch.from_numpy(batch[:, None]).to(device)).float().cpu()
    probabilities = torch.softmax(logits / bundle.temperature, dim=1).numpy()
    return 1.0 - probabilities[:, -1]


def doubted(device: str = "cpu", below: float = 0.5):
    """For :func:`~lenet_desktop.analysis.segmentation.candidates`: which framed parts the
    checker finds less likely than ``below`` to be one digit; None without a checker."""
    if _checker(str(device)) is None:
        return None

    def doubt(framed: np.ndarray) -> np.ndarray:
        found = one_digit(framed, device)
        return np.zeros(len(framed), dtype=bool) if found is None else found < below

    return doubt
