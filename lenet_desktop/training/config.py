"""The options of a training run, in one validated dataclass: every option's default, its
help text, its label and range for the Training panel's form, and how the command line offers
it. The panel's form and the CLI's flags are generated from these fields; the D2L book's own
settings are one constructor (:meth:`TrainConfig.book`). Plain Python: no torch."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import Any

from lenet_desktop.data.datasets import dataset_info
from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.options import (
    ARCHITECTURE_TITLES,
    ARCHITECTURES,
    DATASET_NAMES,
    DEFAULT_LR,
    INITS,
    OPTIMIZERS,
    SCHEDULES,
)
from lenet_desktop.specs import resolve_spec
from lenet_desktop.specs.planning import check_memory

LOSSES = ("cross-entropy", "map")
# A run's curves show the training loss and accuracy over about the last this many steps.
RECENT_STEPS = 50
# How a network sees its input: normalised with the dataset's mean and std, or ToTensor's [0, 1].
SCALES = ("standard", "unit")
# Where a run's settings came from: the learner's own, or a recipe (training.recipes).
RECIPES = ("custom", "quick", "book")


def option(default: Any, help: str, label: str, **meta: Any) -> Any:
    """A TrainConfig field: its default, its help text, its label, and how the command line
    and the Training panel offer it. The command line builds its options from these and the
    panel its form, so defaults live here only.

    ``help`` and ``label`` are marked with ``QT_TRANSLATE_NOOP("training options", …)``: the
    panel shows them translated (the help as the tooltip, unless ``tip`` gives another).
    For the command line: ``flag`` (the option's name if not ``--field-name``), ``choices``,
    ``metavar``, ``cli=False`` to leave it out. For the panel: ``form=False`` to leave it out;
    ``range`` (lowest, highest) with ``step`` and ``decimals`` for a number — the one home of
    its bounds: the form's field and the check on creation both read it; ``percent`` to
    show a share as a percentage; ``titles`` (choice → marked title, in ``titles_context``;
    ``named`` shows the choice's name before it); ``offers`` the choices a free-form field
    lists (``architecture``: the presets); ``check`` the text beside a check box;
    ``zero`` the word a number field shows for 0; ``default_from`` (field,
    mapping): a None default shows ``mapping[that field's value]``,
    which a change of that field brings back; ``window_default`` where the window starts from
    another value than the command line (none does today)."""
    return field(default=default, metadata={"help": help, "label": label, **meta})


def _number(bound: float) -> str:
    return str(bound) if isinstance(bound, int) else f"{bound:g}"


# The translation context of the options' labels, help texts and choice titles.
OPTIONS_CONTEXT = "training options"


@dataclass
class TrainConfig:
    """Every option of a training run, validated on creation (ValueError saying what is off).
    ``lr`` None means the optimiser's default (peak lr for the one-cycle schedule)."""

    dataset: str = option(
        "mnist",
        QT_TRANSLATE_NOOP("training options", "the dataset to train on"),
        QT_TRANSLATE_NOOP("training options", "Dataset"),
        choices=DATASET_NAMES,
    )
    architecture: str = option(
        "modern",
        f"the network: a preset ({', '.join(ARCHITECTURES)}) or a spec file (.toml)",
        QT_TRANSLATE_NOOP("training options", "Architecture"),
        tip=QT_TRANSLATE_NOOP(
            "training options", "the network: a preset, or a spec file (.toml) of your own"
        ),
        flag="--arch",
        metavar="PRESET|SPEC.toml",
        offers=ARCHITECTURES,
        titles=ARCHITECTURE_TITLES,
        titles_context="architectures",
        named=True,
    )
    recipe: str = option(
        "custom",
        QT_TRANSLATE_NOOP(
            "training options",
            "start from a recipe: quick (learns in about a minute on a laptop's CPU) or book "
            "(the D2L chapter's own settings); the options given beside it still apply",
        ),
        QT_TRANSLATE_NOOP("training options", "Recipe"),
        tip=QT_TRANSLATE_NOOP(
            "training options",
            "Quick: settings that learn in about a minute on a laptop's CPU, chosen per "
            "activation on held-out images. Book: the D2L chapter's own settings. Choosing one "
            "sets the options below (and again when the network or the dataset changes).",
        ),
        choices=RECIPES,
        titles={
            "custom": QT_TRANSLATE_NOOP("training options", "your own settings"),
            "quick": QT_TRANSLATE_NOOP("training options", "Quick (about a minute)"),
            "book": QT_TRANSLATE_NOOP("training options", "Book (the chapter's settings)"),
        },
    )
    epochs: int = option(
        10,
        QT_TRANSLATE_NOOP("training options", "passes over the training split"),
        QT_TRANSLATE_NOOP("training options", "Epochs"),
        range=(1, 100_000),
    )
    train_images: int = option(
        0,
        QT_TRANSLATE_NOOP(
            "training options",
            "train on only this many of the training images (a random slice, the same for the "
            "same seed); 0: all of them",
        ),
        QT_TRANSLATE_NOOP("training options", "Training images"),
        metavar="N",
        range=(0, 10_000_000),
        step=1000,
        zero=QT_TRANSLATE_NOOP("training options", "all"),
    )
    batch_size: int = option(
        256,
        QT_TRANSLATE_NOOP("training options", "images per optimiser step"),
        QT_TRANSLATE_NOOP("training options", "Batch size"),
        range=(2, 8192),
    )
    optimizer: str = option(
        "adamw",
        QT_TRANSLATE_NOOP("training options", "the optimiser"),
        QT_TRANSLATE_NOOP("training options", "Optimiser"),
        choices=OPTIMIZERS,
    )
    lr: float | None = option(
        None,
        QT_TRANSLATE_NOOP(
            "training options", "learning rate (peak of the schedule); default per optimiser"
        ),
        QT_TRANSLATE_NOOP("training options", "Learning rate"),
        metavar="LR",
        range=(1e-5, 1e6),
        step=0.001,
        decimals=5,
        default_from=("optimizer", DEFAULT_LR),
    )
    momentum: float = option(
        0.9,
        QT_TRANSLATE_NOOP(
            "training options",
            "SGD's momentum (Nesterov when above 0; 0: plain SGD, as the book)",
        ),
        QT_TRANSLATE_NOOP("training options", "Momentum (SGD)"),
        range=(0.0, 0.99),
        step=0.1,
        decimals=2,
    )
    schedule: str = option(
        "onecycle",
        QT_TRANSLATE_NOOP("training options", "how the learning rate changes"),
        QT_TRANSLATE_NOOP("training options", "Schedule"),
        choices=SCHEDULES,
        titles={
            "onecycle": QT_TRANSLATE_NOOP("training options", "one-cycle"),
            "cosine": QT_TRANSLATE_NOOP("training options", "cosine"),
            "constant": QT_TRANSLATE_NOOP("training options", "constant"),
        },
    )
    init: str = option(
        "default",
        QT_TRANSLATE_NOOP(
            "training options",
            "how the weights start: PyTorch's default, or Xavier (uniform) on conv and linear "
            "weights as the book does",
        ),
        QT_TRANSLATE_NOOP("training options", "Initialisation"),
        choices=INITS,
        titles={
            "default": QT_TRANSLATE_NOOP("training options", "PyTorch default"),
            "xavier": QT_TRANSLATE_NOOP("training options", "Xavier (as the book)"),
        },
    )
    weight_decay: float = option(
        5e-4,
        QT_TRANSLATE_NOOP("training options", "weight decay"),
        QT_TRANSLATE_NOOP("training options", "Weight decay"),
        range=(0.0, 1.0),
        step=0.0001,
        decimals=5,
    )
    label_smoothing: float = option(
        0.0,
        QT_TRANSLATE_NOOP("training options", "label smoothing, from 0 up to (not including) 1"),
        QT_TRANSLATE_NOOP("training options", "Label smoothing"),
        range=(0.0, 0.99),
        step=0.05,
        decimals=2,
    )
    loss: str = option(
        "cross-entropy",
        QT_TRANSLATE_NOOP(
            "training options",
            "cross-entropy, or map: LeCun et al. 1998's Eq. 9 for an RBF output (the correct "
            "class's distance plus log(e^−j + Σ e^−y_i))",
        ),
        QT_TRANSLATE_NOOP("training options", "Loss"),
        choices=LOSSES,
        titles={
            "cross-entropy": QT_TRANSLATE_NOOP("training options", "cross-entropy"),
            "map": QT_TRANSLATE_NOOP("training options", "MAP (LeCun et al. 1998, Eq. 9)"),
        },
    )
    augment: bool = option(
        True,
        QT_TRANSLATE_NOOP(
            "training options", "random affine (and flips for Fashion-MNIST) on the device"
        ),
        QT_TRANSLATE_NOOP("training options", "Augmentation"),
        tip=QT_TRANSLATE_NOOP(
            "training options",
            "Random small rotations, scalings and shifts of each batch (and flips for garments)",
        ),
        check=QT_TRANSLATE_NOOP("training options", "random affine"),
    )
    scale: str = option(
        "standard",
        QT_TRANSLATE_NOOP(
            "training options",
            "how the network sees its input: standard = normalised with the dataset's mean and "
            "std (the app's), unit = ToTensor's pixels in [0, 1] (the book's)",
        ),
        QT_TRANSLATE_NOOP("training options", "Input"),
        choices=SCALES,
        titles={
            "standard": QT_TRANSLATE_NOOP("training options", "normalised (mean, std)"),
            "unit": QT_TRANSLATE_NOOP("training options", "pixels in [0, 1] (the book's)"),
        },
    )
    outliers: float = option(
        0.0,
        QT_TRANSLATE_NOOP(
            "training options",
            "weight of the non-digits made from the training digits (turned, mirrored, "
            "overlaid, blotted), which the network learns to give no class: it then tells a "
            "letter or a scribble from a digit; 0: none",
        ),
        QT_TRANSLATE_NOOP("training options", "Non-digits"),
        tip=QT_TRANSLATE_NOOP(
            "training options",
            "Teach the network to doubt: a quarter of each batch is non-digits made from the "
            "training digits themselves (turned, mirrored, overlaid, blotted), and the network "
            "learns to give them no class (outlier exposure). 0: none. Digits only.",
        ),
        range=(0.0, 10.0),
        step=0.1,
        decimals=2,
    )
    seed: int = option(
        0,
        QT_TRANSLATE_NOOP("training options", "random seed: the same seed gives the same run"),
        QT_TRANSLATE_NOOP("training options", "Seed"),
        range=(0, 2**31 - 1),
    )
    holdout: float = option(
        0.05,
        QT_TRANSLATE_NOOP(
            "training options",
            "share of the training split kept out of training to calibrate the probabilities "
            "(temperature scaling); 0 for none",
        ),
        QT_TRANSLATE_NOOP("training options", "Held out to calibrate"),
        tip=QT_TRANSLATE_NOOP(
            "training options",
            "Training images kept out of training; when it ends, a temperature is fitted on "
            "them so that the probabilities are honest (0: no temperature, as in the book)",
        ),
        range=(0.0, 0.5),
        step=0.01,
        decimals=1,
        percent=True,
    )
    device: str | None = option(
        None,
        QT_TRANSLATE_NOOP("training options", "where to train"),
        QT_TRANSLATE_NOOP("training options", "Device"),
        cli=False,
        form=False,  # the panel's device box lists what this machine has
    )
    # CPU threads for this run; None keeps torch's setting
    threads: int | None = option(
        None,
        QT_TRANSLATE_NOOP("training options", "CPU threads"),
        QT_TRANSLATE_NOOP("training options", "Threads"),
        cli=False,
        form=False,
    )

    def __post_init__(self) -> None:
        info = dataset_info(self.dataset)  # raises for an unknown dataset
        # a spec file is read and checked now (SpecError, a ValueError, naming the layer), and
        # so is the memory a step would take, before anything is allocated
        spec = resolve_spec(self.architecture, len(info.classes))
        if spec is not None and self.batch_size >= 2:
            check_memory(spec, self.batch_size, len(info.classes))

        def known(field_name: str, value: str, choices: tuple[str, ...]) -> None:
            if value not in choices:
                raise LocalizedError(
                    QT_TRANSLATE_NOOP("errors", "unknown {option} {value!r} (known: {known})"),
                    option=field_name,
                    value=value,
                    known=", ".join(choices),
                )

        def refuse(template: str, value: object) -> None:
            raise LocalizedError(template, value=value)

        known("recipe", self.recipe, RECIPES)
        known("optimiser", self.optimizer, OPTIMIZERS)
        known("schedule", self.schedule, SCHEDULES)
        known("initialisation", self.init, INITS)
        known("loss", self.loss, LOSSES)
        known("input", self.scale, SCALES)
        for item in fields(self):
            bounds = item.metadata.get("range")
            value = getattr(self, item.name)
            if bounds is None or value is None:  # (no learning rate: the optimiser's own)
                continue
            low, high = bounds
            if not (math.isfinite(value) and low <= value <= high):
                raise LocalizedError(
                    QT_TRANSLATE_NOOP(
                        "errors", "{option} must be from {low} to {high}, not {value}"
                    ),
                    option=item.name.replace("_", " "),
                    low=_number(low),
                    high=_number(high),
                    value=value,
                )
        if self.outliers > 0 and info.outliers is None:
            refuse(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{value} has no non-examples to learn from (they are made for digits): "
                    "set the non-digits' weight to 0",
                ),
                info.title,
            )

    @property
    def learning_rate(self) -> float:
        return DEFAULT_LR[self.optimizer] if self.lr is None else self.lr

    @classmethod
    def book(cls, dataset: str = "fashion-mnist", **changes: Any) -> TrainConfig:
        """The D2L chapter's own run (:data:`BOOK_SETTINGS`), with ``changes`` on top."""
        return cls(**({"dataset": dataset} | BOOK_SETTINGS | {"recipe": "book"} | changes))


# The LeNet chapter of Dive into Deep Learning trains exactly so: its network, plain SGD at a
# constant 0.9, batches of 256 for 10 epochs, Xavier-initialised weights, no augmentation and
# no weight decay, on the whole training split. (The panel's "D2L book settings" and
# `train --book` use this.)
BOOK_SETTINGS: dict[str, Any] = {
    "architecture": "d2l",
    "optimizer": "sgd",
    "momentum": 0.0,
    "lr": 0.9,
    "schedule": "constant",
    "batch_size": 256,
    "epochs": 10,
    "init": "xavier",
    "augment": False,
    "weight_decay": 0.0,
    "holdout": 0.0,  # the book trains on all 60,000 images
    "scale": "unit",  # ToTensor()'s pixels in [0, 1], no normalisation
}
