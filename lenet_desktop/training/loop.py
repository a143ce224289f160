"""The training loop: one function, no framework around it.

The whole training split lives on the device as one ``uint8`` tensor; each step cuts a batch by
index, augments it on the device in one go (random affine, plus horizontal flips for
Fashion-MNIST), normalises it and takes one optimiser step. After every epoch the test split is
evaluated. A progress callback sees every step; a stop callback is asked before every step.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import torch
import torch.nn.functional as F

from lenet_desktop.data.datasets import Augmentation, Split, dataset_info
from lenet_desktop.files.model_files import ModelBundle, new_model
from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.nn import fast_ops
from lenet_desktop.nn.device import resolve_device
from lenet_desktop.nn.models import initialize_weights
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
from lenet_desktop.specs.plan import check_memory
from lenet_desktop.training.evaluation import Evaluation, evaluate

LOSSES = ("cross-entropy", "map")


def option(default: Any, help: str, label: str, **meta: Any) -> Any:
    """A TrainConfig field: its default, its help text, its label, and how the command line
    and the Training panel offer it. The command line builds its options from these and the
    panel its form, so defaults live here only.

    ``help`` and ``label`` are marked with ``QT_TRANSLATE_NOOP("training options", …)``: the
    panel shows them translated (the help as the tooltip, unless ``tip`` gives another).
    For the command line: ``flag`` (the option's name if not ``--field-name``), ``choices``,
    ``metavar``, ``cli=False`` to leave it out. For the panel: ``form=False`` to leave it out;
    ``range`` (lowest, highest) with ``step`` and ``decimals`` for a number; ``percent`` to
    show a share as a percentage; ``titles`` (choice → marked title, in ``titles_context``;
    ``named`` shows the choice's name before it); ``offers`` the choices a free-form field
    lists (``architecture``: the presets); ``check`` the text beside a check box;
    ``default_from`` (field, mapping): a None default shows ``mapping[that field's value]``,
    which a change of that field brings back; ``window_default`` where the window starts from
    another value than the command line (none does today)."""
    return field(default=default, metadata={"help": help, "label": label, **meta})


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
    epochs: int = option(
        10,
        QT_TRANSLATE_NOOP("training options", "passes over the training split"),
        QT_TRANSLATE_NOOP("training options", "Epochs"),
        range=(1, 100_000),
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
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(
                f"unknown optimiser {self.optimizer!r} (known: {', '.join(OPTIMIZERS)})"
            )
        if self.schedule not in SCHEDULES:
            raise ValueError(f"unknown schedule {self.schedule!r} (known: {', '.join(SCHEDULES)})")
        if not 1 <= self.epochs <= 100_000:
            raise ValueError(f"epochs must be from 1 to 100000, not {self.epochs}")
        if self.batch_size < 2:
            raise ValueError(f"batch size must be at least 2, not {self.batch_size}")
        if self.lr is not None and not (math.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"the learning rate must be a positive number, not {self.lr}")
        if not (math.isfinite(self.momentum) and 0.0 <= self.momentum < 1.0):
            raise ValueError(
                f"the momentum must be from 0 up to (not including) 1, not {self.momentum}"
            )
        if self.init not in INITS:
            raise ValueError(f"unknown initialisation {self.init!r} (known: {', '.join(INITS)})")
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            raise ValueError(f"the weight decay must be zero or more, not {self.weight_decay}")
        if self.loss not in LOSSES:
            raise ValueError(f"unknown loss {self.loss!r} (known: {', '.join(LOSSES)})")
        if not (0.0 <= self.holdout <= 0.5):
            raise ValueError(f"the hold-out share must be from 0 to 0.5, not {self.holdout}")
        if not (0.0 <= self.label_smoothing < 1.0):
            raise ValueError(
                "label smoothing must be from 0 up to (not including) 1, "
                f"not {self.label_smoothing}"
            )

    @property
    def learning_rate(self) -> float:
        return DEFAULT_LR[self.optimizer] if self.lr is None else self.lr

    @classmethod
    def book(cls, dataset: str = "fashion-mnist", **changes: Any) -> TrainConfig:
        """The D2L chapter's own run (:data:`BOOK_SETTINGS`), with ``changes`` on top."""
        return cls(**({"dataset": dataset} | BOOK_SETTINGS | changes))


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
}


@dataclass(frozen=True)
class Progress:
    """Where a run is. ``step`` counts within the epoch (1-based); ``loss`` and ``accuracy``
    are running means over the epoch so far; ``test_accuracy`` is set once the epoch's
    evaluation is done (``phase == "epoch"``)."""

    phase: str
    epoch: int
    epochs: int
    step: int
    steps: int
    loss: float
    accuracy: float
    samples_per_s: float
    elapsed_s: float
    eta_s: float
    test_accuracy: float | None = None


class TrainingCancelled(Exception):
    """The stop callback asked the run to end; nothing was kept."""


class TrainingFailed(Exception):
    """The run cannot go on (a NaN or infinite loss); the message says why in plain words."""


@dataclass
class TrainResult:
    """``calibration``: how honest the final model's probabilities are on the test split
    (at its fitted temperature), for the reliability diagram."""

    bundle: ModelBundle
    evaluation: Evaluation
    history: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    calibration: Any = None


def augment_batch(
    images: torch.Tensor, generator: torch.Generator, strength: Augmentation
) -> torch.Tensor:
    """Random affine for a whole ``(B, 1, 28, 28)`` batch in [0, 1], on its device, as
    ``strength`` says (flipping half the images horizontally when it allows flips)."""
    b, device = images.shape[0], images.device
    degrees, scale, shift_px = strength.degrees, strength.scale, strength.shift_px

    def uniform(low: float, high: float) -> torch.Tensor:
        return torch.rand(b, generator=generator, device=device) * (high - low) + low

    angle = uniform(-degrees, degrees) * (math.pi / 180.0)
    zoom = uniform(1.0 - scale, 1.0 + scale)
    half = images.shape[-1] / 2.0
    tx, ty = uniform(-shift_px, shift_px) / half, uniform(-shift_px, shift_px) / half
    cos, sin = torch.cos(angle) / zoom, torch.sin(angle) / zoom
    mirror = torch.ones(b, device=device)
    if strength.flip:
        mirror = torch.where(uniform(0.0, 1.0) < 0.5, -mirror, mirror)
    theta = torch.stack(
        [torch.stack([cos * mirror, -sin, tx], 1), torch.stack([sin * mirror, cos, ty], 1)], 1
    )
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    return F.grid_sample(images, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def _copy(bundle: ModelBundle, network: torch.nn.Sequential, training: dict) -> ModelBundle:
    """A CPU copy of the network as it is now, for showing while training goes on."""
    clone = copy.deepcopy(network).to("cpu").eval()
    return dataclasses.replace(
        bundle,
        network=clone,
        training=dict(training),
        source=f"{bundle.architecture} ({bundle.dataset.name}, training)",
    )


def _optimizer(config: TrainConfig, network: torch.nn.Module) -> torch.optim.Optimizer:
    lr, wd = config.learning_rate, config.weight_decay
    if config.optimizer == "sgd":
        return torch.optim.SGD(
            network.parameters(),
            lr=lr,
            momentum=config.momentum,
            nesterov=config.momentum > 0,
            weight_decay=wd,
        )
    if config.optimizer == "adam":
        return torch.optim.Adam(network.parameters(), lr=lr, weight_decay=wd)
    return torch.optim.AdamW(network.parameters(), lr=lr, weight_decay=wd)


def _scheduler(config: TrainConfig, optimizer: torch.optim.Optimizer, total_steps: int):
    if config.schedule == "onecycle" and total_steps >= 4:
        # The warm-up needs a step or two of its own, or a very short run divides by zero.
        return torch.optim.lr_scheduler.OneCycleLR(
            optimizer,
            max_lr=config.learning_rate,
            total_steps=total_steps,
            pct_start=max(0.25, 2.0 / total_steps),
        )
    if config.schedule == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total_steps)
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda _: 1.0)  # constant, or too short


PROGRESS_PER_S = 20  # step reports a second, at most


def train(
    config: TrainConfig,
    train_split: Split,
    test_split: Split,
    progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    snapshot: Callable[[ModelBundle], None] | None = None,
) -> TrainResult:
    """Train a fresh model as ``config`` says and evaluate it on ``test_split`` every epoch.

    Raises TrainingCancelled when ``should_stop()`` turns true (checked before every step) and
    TrainingFailed when the loss stops being finite. ``snapshot`` receives a copy of the model
    (CPU, eval mode) after every epoch. Returns the trained model (on the CPU, in eval mode)
    with its final evaluation and per-epoch history.
    """
    if config.threads:
        torch.set_num_threads(config.threads)
    info = dataset_info(config.dataset)
    device = resolve_device(config.device)
    torch.manual_seed(config.seed)
    generator = torch.Generator(device=device)
    generator.manual_seed(config.seed)
    spec = resolve_spec(config.architecture, len(info.classes))
    bundle = new_model(spec or config.architecture, info)
    initialize_weights(bundle.network, config.init)
    network = bundle.network.to(device)
    mean, std = bundle.dataset.mean, bundle.dataset.std

    train_split, held_out = split_holdout(train_split, config.holdout, config.seed)
    images = train_split.images.to(device)
    labels = train_split.labels.to(device)
    count = images.shape[0]
    if count < 2:
        raise TrainingFailed("the training split has fewer than two images")
    batch_size = min(config.batch_size, count)
    steps = count // batch_size  # the incomplete last batch is dropped (batch norm needs > 1)
    optimizer = _optimizer(config, network)
    scheduler = _scheduler(config, optimizer, config.epochs * steps)
    strength = info.augmentation

    history: list[dict] = []
    started = time.perf_counter()
    last_report = 0.0
    seen = 0
    evaluation = None
    for epoch in range(1, config.epochs + 1):
        network.train()
        order = torch.randperm(count, generator=generator, device=device)
        epoch_started = time.perf_counter()
        loss_sum, correct, epoch_seen = 0.0, 0, 0
        for step in range(1, steps + 1):
            if should_stop is not None and should_stop():
                raise TrainingCancelled("training was cancelled")
            index = order[(step - 1) * batch_size : step * batch_size]
            batch = images[index].unsqueeze(1).float().div_(255.0)
            target = labels[index]
            if config.augment:
                batch = augment_batch(batch, generator, strength)
            batch = (batch - mean) / std
            logits = fast_ops.forward(network, batch)
            if config.loss == "map":
                loss = map_loss(logits, target)
            else:
                loss = F.cross_entropy(logits, target, label_smoothing=config.label_smoothing)
            loss_value = float(loss.detach())
            if not math.isfinite(loss_value):
                raise TrainingFailed(
                    f"the loss became {'NaN' if math.isnan(loss_value) else 'infinite'} at "
                    f"epoch {epoch}, step {step}: the learning rate "
                    f"({config.learning_rate:g}) is probably too high"
                )
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()

            n = target.shape[0]
            seen += n
            epoch_seen += n
            loss_sum += loss_value * n
            correct += int((logits.argmax(1) == target).sum())
            now = time.perf_counter()
            # at most PROGRESS_PER_S reports a second (a fast device must not flood the window),
            # and always the first and the last step of an epoch
            due = step in (1, steps) or now - last_report >= 1.0 / PROGRESS_PER_S
            if progress is not None and due:
                last_report = now
                elapsed = now - started
                rate = epoch_seen / max(now - epoch_started, 1e-9)
                remaining = (config.epochs - epoch) * steps + (steps - step)
                progress(
                    Progress(
                        phase="step",
                        epoch=epoch,
                        epochs=config.epochs,
                        step=step,
                        steps=steps,
                        loss=loss_sum / epoch_seen,
                        accuracy=correct / epoch_seen,
                        samples_per_s=rate,
                        elapsed_s=elapsed,
                        eta_s=remaining * batch_size / max(rate, 1e-9),
                    )
                )
        epoch_seconds = time.perf_counter() - epoch_started
        evaluation = evaluate(network, test_split, mean, std, device)
        record = {
            "epoch": epoch,
            "loss": loss_sum / epoch_seen,
            "train_accuracy": correct / epoch_seen,
            "test_accuracy": evaluation.accuracy,
            "seconds": epoch_seconds,
            "samples_per_s": epoch_seen / max(epoch_seconds, 1e-9),
        }
        history.append(record)
        if snapshot is not None:
            snapshot(
                _copy(bundle, network, {"epochs": epoch, "test_accuracy": evaluation.accuracy})
            )
        if progress is not None:
            elapsed = time.perf_counter() - started
            rate = record["samples_per_s"]
            progress(
                Progress(
                    phase="epoch",
                    epoch=epoch,
                    epochs=config.epochs,
                    step=steps,
                    steps=steps,
                    loss=record["loss"],
                    accuracy=record["train_accuracy"],
                    samples_per_s=rate,
                    elapsed_s=elapsed,
                    eta_s=(config.epochs - epoch) * steps * batch_size / max(rate, 1e-9),
                    test_accuracy=evaluation.accuracy,
                )
            )

    seconds = time.perf_counter() - started
    assert evaluation is not None  # there is at least one epoch
    network.eval()
    calibrated = _calibrate(bundle, network, held_out, device)
    from lenet_desktop.analysis.calibration import calibration, logits_of

    report = calibration(
        logits_of(network, test_split, mean, std, device), test_split.labels, bundle.temperature
    )
    bundle.network = network.to("cpu")
    bundle.training = {
        "config": asdict(config) | {"lr": config.learning_rate},
        "epochs": config.epochs,
        "train_size": count,
        "test_size": len(test_split),
        "test_accuracy": evaluation.accuracy,
        "seconds": round(seconds, 1),
        "device": str(device),
        "samples_seen": seen,
        **calibrated,
    }
    return TrainResult(bundle, evaluation, history, seconds, report)


# The constant j of LeCun et al. 1998, Eq. 9: it keeps the penalty of a wrong class finite
# when every distance is already large.
MAP_J = 10.0


def map_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """LeCun et al. 1998, Eq. 9, on ``logits = −y`` (y: RBF distances): the mean over the batch
    of ``y_target + log(e^−j + Σ_i e^−y_i)``."""
    floor = torch.full((logits.shape[0], 1), -MAP_J, dtype=logits.dtype, device=logits.device)
    competing = torch.logsumexp(torch.cat([floor, logits], dim=1), dim=1)
    return (competing - logits.gather(1, target.unsqueeze(1)).squeeze(1)).mean()


def split_holdout(split: Split, share: float, seed: int) -> tuple[Split, Split | None]:
    """Keep ``share`` of ``split`` out (a seeded random choice, the same for the same seed):
    (the rest, the held-out images), or (split, None) for no hold-out."""
    count = len(split)
    held = int(round(count * share))
    if share <= 0 or held < 1 or count - held < 2:
        return split, None
    order = torch.randperm(count, generator=torch.Generator().manual_seed(seed + 7919))
    keep, out = order[: count - held].sort().values, order[count - held :].sort().values
    return (
        Split(split.images[keep], split.labels[keep]),
        Split(split.images[out], split.labels[out]),
    )


def _calibrate(bundle: ModelBundle, network: torch.nn.Module, held_out, device) -> dict:
    """Fit the bundle's temperature on the held-out images (never the test split); what was
    done, for the model file's training record."""
    if held_out is None:
        return {}
    from lenet_desktop.analysis.calibration import calibration, fit_temperature, logits_of

    info = bundle.dataset
    logits = logits_of(network, held_out, info.mean, info.std, device)
    temperature = fit_temperature(logits, held_out.labels)
    bundle.temperature = temperature
    before = calibration(logits, held_out.labels)
    after = calibration(logits, held_out.labels, temperature)
    return {
        "temperature": round(temperature, 4),
        "holdout_size": len(held_out),
        "holdout_ece_before": round(before.ece, 4),
        "holdout_ece_after": round(after.ece, 4),
    }
