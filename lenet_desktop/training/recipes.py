"""Recipes: whole sets of training options a learner starts from.

* **Book**: the D2L chapter's own settings (:data:`~lenet_desktop.training.config.BOOK_SETTINGS`
  but for the network, which the exercise chooses): plain SGD at 0.9, 10 epochs of every
  training image. Minutes to an hour on a laptop's CPU.
* **Quick**: what learns in about a minute on a 2-core CPU, per *family* of network — sigmoid
  (D2L's LeNet and its exercises), ReLU without normalisation, batch-normalised, LeNet-5 —
  because the rate that suits one diverges or crawls on another. Chosen by
  ``python -m benchmarks.recipes --choose`` on images held out of the training split (never the
  test split); its output is :data:`QUICK_BY_FAMILY`.

Options given beside a recipe still apply (``train --recipe quick --epochs 5``): a recipe is a
set of defaults. Plain Python: no torch.
"""

from __future__ import annotations

from typing import Any

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs import SpecError, resolve_spec
from lenet_desktop.specs.layer_types import SPEC_TYPES
from lenet_desktop.training.config import BOOK_SETTINGS, RECIPES

__all__ = ["FAMILIES", "QUICK_BY_FAMILY", "RECIPES", "family", "recipe_settings"]

FAMILIES = {
    "sigmoid": QT_TRANSLATE_NOOP("recipes", "sigmoid network"),
    "relu": QT_TRANSLATE_NOOP("recipes", "ReLU network"),
    "normalised": QT_TRANSLATE_NOOP("recipes", "batch-normalised network"),
    "lenet5": QT_TRANSLATE_NOOP("recipes", "LeNet-5"),
}

# What every Quick run shares: AdamW with a one-cycle rate (fast and forgiving), batches of
# 128, no augmentation (a few epochs do not overfit), a small hold-out to calibrate.
QUICK_BASE: dict[str, Any] = {
    "optimizer": "adamw",
    "schedule": "onecycle",
    "batch_size": 128,
    "momentum": 0.9,
    "weight_decay": 5e-4,
    "label_smoothing": 0.0,
    "loss": "cross-entropy",
    "augment": False,
    "holdout": 0.05,
}

# Per family: the peak rate, the epochs and the slice of the training split. The rate was chosen
# by `python -m benchmarks.recipes --choose` (2026-12-02): 5 epochs of Fashion-MNIST's training
# split less a seeded 10 %, scored on that 10 % (held-out accuracy at 0.003 / 0.01 / 0.03 / 0.1):
# sigmoid (d2l) 84.6 / 88.4 / 90.1 / 87.8 %; ReLU (d2l-relu) 90.1 / 91.6 / 91.2 / 77.9 %;
# batch norm (modern) 92.4 / 92.3 / 92.3 / 91.9 %; LeNet-5 84.8 / 84.9 / diverged / diverged.
QUICK_BY_FAMILY: dict[str, dict[str, Any]] = {
    "sigmoid": {"lr": 0.03, "epochs": 5, "train_images": 0, "init": "xavier"},
    "relu": {"lr": 0.01, "epochs": 5, "train_images": 0, "init": "default"},
    "normalised": {"lr": 0.003, "epochs": 5, "train_images": 0, "init": "default"},
    "lenet5": {"lr": 0.01, "epochs": 5, "train_images": 0, "init": "default"},
}


def family(architecture: str, num_classes: int = 10) -> str:
    """The family a network belongs to, for its Quick recipe: ``normalised`` when it has batch
    norm, else ``relu`` when its activations are of the ReLU family (each row's ``family``),
    ``lenet5`` for LeNet-5, else ``sigmoid`` (sigmoid, tanh and anything else that
    saturates). A spec file that cannot be read counts as sigmoid (TrainConfig says what is
    wrong with it)."""
    if architecture == "lenet5":
        return "lenet5"
    try:
        spec = resolve_spec(architecture, num_classes)
    except (SpecError, OSError):
        return "sigmoid"
    types = {layer.type for layer in spec.layers} if spec is not None else set()
    if "batchnorm" in types:
        return "normalised"
    families = {SPEC_TYPES[t].family for t in types if t in SPEC_TYPES}  # the activations'
    return "relu" if "relu" in families and "sigmoid" not in families else "sigmoid"


# A Quick epoch takes at least this many steps where it can (batches of 128, halved down to 32
# for fewer images): a sigmoid network needs steps, and a small slice in batches of 128 gives
# too few of them to leave chance (3,000 digits, 2 epochs: 10 % in batches of 128, 93 % in 32).
QUICK_STEPS_PER_EPOCH = 60
QUICK_SMALLEST_BATCH = 32


def quick_batch(images: int | None, holdout: float = QUICK_BASE["holdout"]) -> int:
    """The Quick recipe's batch size for ``images`` training images (None: not known)."""
    batch = int(QUICK_BASE["batch_size"])
    if images:
        trained = images * (1 - holdout)
        while batch > QUICK_SMALLEST_BATCH and trained / batch < QUICK_STEPS_PER_EPOCH:
            batch //= 2
    return batch


def recipe_settings(
    recipe: str, architecture: str | None = None, images: int | None = None
) -> dict[str, Any]:
    """The options ``recipe`` sets (TrainConfig field → value, ``recipe`` included) for
    ``architecture`` and ``images`` training images (None: not known; Quick's batch size
    follows it); only the network for the learner's own settings (``custom``). The Book recipe
    keeps the network given (the book's own, ``d2l``, when none is)."""
    if recipe not in RECIPES:
        raise ValueError(f"unknown recipe {recipe!r} (known: {', '.join(RECIPES)})")
    if recipe == "custom":
        return {"recipe": "custom"} | ({"architecture": architecture} if architecture else {})
    if recipe == "book":
        settings = dict(BOOK_SETTINGS)
        if architecture is not None:
            settings["architecture"] = architecture
        return settings | {"recipe": "book"}
    settings = QUICK_BASE | QUICK_BY_FAMILY[family(architecture or "modern")]
    settings["batch_size"] = quick_batch(images)
    if architecture is not None:
        settings["architecture"] = architecture
    return settings | {"recipe": "quick"}
