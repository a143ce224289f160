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

from lenet_desktop.analysis.calibration import calibration, fit_temperature, logits_of
from lenet_desktop.analysis.doubt import UNLIKE_QUANTILE, unlike_threshold
from lenet_desktop.data.datasets import Split, dataset_info
from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.nn import fast_ops
from lenet_desktop.nn.bundle import ModelBundle, new_model
from lenet_desktop.nn.device import resolve_device
from lenet_desktop.nn.models import initialize_weights
from lenet_desktop.specs import resolve_spec
from lenet_desktop.training import diagnosis as diagnose
from lenet_desktop.training.batches import augment_batch, split_holdout, take_slice
from lenet_desktop.training.config import (  # noqa: F401 - where they were first defined
    BOOK_SETTINGS,
    LOSSES,
    OPTIONS_CONTEXT,
    RECENT_STEPS,
    TrainConfig,
    option,
)
from lenet_desktop.training.diagnosis import Diagnosis
from lenet_desktop.training.evaluation import Evaluation, evaluate
from lenet_desktop.training.outliers import OutlierMaker, outlier_loss
from lenet_desktop.training.recipes import family as network_family
from lenet_desktop.training.styles import add_styles

CURVE_POINTS = 400  # points of a kept run's loss curve
# Non-examples (config.outliers > 0) add this share of a batch's size to every batch.
OUTLIER_SHARE = 0.25


def loss_curve(losses: list[float], steps: int, points: int = CURVE_POINTS) -> list:
    """Every step's loss (``steps`` a epoch) as at most ``points`` points: (epochs done, the
    mean loss of the steps since the point before)."""
    chunk = max(1, -(-len(losses) // points))
    curve = []
    for start in range(0, len(losses), chunk):
        part = losses[start : start + chunk]
        curve.append((round((start + len(part)) / steps, 4), round(sum(part) / len(part), 5)))
    return curve


@dataclass(frozen=True)
class Progress:
    """Where a run is. ``step`` counts within the epoch (1-based); ``loss`` and ``accuracy``
    are running means over the epoch so far, ``recent_loss`` and ``recent_accuracy`` averages
    over about the last RECENT_STEPS steps; ``test_accuracy`` is set once the epoch's
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
    diagnosis: Diagnosis | None = None  # an epoch's: what its figures say went wrong
    # the loss and accuracy of the last RECENT_STEPS steps or so (an exponential average that
    # runs on across epochs: the curves, which a mean restarted at each epoch made steps in)
    recent_loss: float | None = None
    recent_accuracy: float | None = None


class TrainingCancelled(Exception):
    """The stop callback asked the run to end; nothing was kept."""


class TrainingFailed(LocalizedError):
    """The run cannot go on (it diverged); the message says why in plain words, and
    ``diagnosis`` (when there is one) the likely cause and the change that fixes it."""

    def __init__(self, template: str, diagnosis: Diagnosis | None = None, **values) -> None:
        super().__init__(template, **values)
        self.diagnosis = diagnosis

    @classmethod
    def of(cls, diagnosis: Diagnosis) -> TrainingFailed:
        """The failure a divergence is: its sentence as the message."""
        return cls(QT_TRANSLATE_NOOP("errors", "{reason}"), diagnosis, reason=diagnosis.text)


@dataclass
class TrainResult:
    """``calibration``: how honest the final model's probabilities are on the test split
    (at its fitted temperature), for the reliability diagram."""

    bundle: ModelBundle
    evaluation: Evaluation
    history: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    calibration: Any = None
    # the loss along the run: (epochs done, as a fraction; the mean step loss since the last
    # point), at most CURVE_POINTS points
    curve: list[tuple[float, float]] = field(default_factory=list)
    diagnosis: Diagnosis | None = None  # what the final figures say went wrong, if anything


def _copy(bundle: ModelBundle, network: torch.nn.Sequential, training: dict) -> ModelBundle:
    """A CPU copy of the network as it is now, for showing while training goes on (its
    ``training["live"]``: the epoch, the run's epochs and its recipe, for the live label)."""
    clone = copy.deepcopy(network).to("cpu").eval()
    return dataclasses.replace(
        bundle,
        network=clone,
        training=dict(training),
        source=f"{bundle.architecture} ({bundle.dataset.name}, training)",
    )


# A run this long (in steps) first measures which convolution passes are faster here: about
# 12 steps' time, so 6 % of the run or less.
PLAN_MIN_STEPS = 200


def _plan(network, images, batch_size: int, mean: float, std: float, total_steps: int):
    """The faster passes' choices for this network, batch size and machine
    (:func:`~lenet_desktop.nn.fast_ops.choose`), measured only for a long run."""
    if total_steps < PLAN_MIN_STEPS:
        return fast_ops.Plan()
    sample = images[:batch_size].unsqueeze(1).float().div_(255.0)
    return fast_ops.choose(network, (sample - mean) / std)


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
RECENT_WEIGHT = 2.0 / (RECENT_STEPS + 1)  # the curves' average (config.RECENT_STEPS)


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
    TrainingFailed when the run diverges (the loss stops being finite, or it blows up and the
    network stops learning: :mod:`~lenet_desktop.training.diagnosis`). ``snapshot`` receives a
    copy of the model (CPU, eval mode) as initialised (epoch 0) and after every epoch. Returns
    the trained model (on the CPU, in eval mode) with its final evaluation, per-epoch history,
    loss curve and diagnosis.
    """
    if config.threads:
        torch.set_num_threads(config.threads)
    info = dataset_info(config.dataset)
    device = resolve_device(config.device)
    torch.manual_seed(config.seed)
    generator = torch.Generator(device=device)
    generator.manual_seed(config.seed)
    spec = resolve_spec(config.architecture, len(info.classes))
    unit = config.scale == "unit"  # the book's ToTensor() input: pixels in [0, 1] as they are
    bundle = new_model(spec or config.architecture, info, *((0.0, 1.0) if unit else (None, None)))
    initialize_weights(bundle.network, config.init)
    network = bundle.network.to(device)
    mean, std = bundle.dataset.mean, bundle.dataset.std

    train_split = take_slice(train_split, config.train_images, config.seed)
    train_split, held_out = split_holdout(train_split, config.holdout, config.seed)
    kind = network_family(config.architecture, len(info.classes))
    step_losses: list[float] = []
    diagnosis: Diagnosis | None = None
    images = train_split.images.to(device)
    labels = train_split.labels.to(device)
    count = images.shape[0]
    if count < 2:
        raise TrainingFailed(
            QT_TRANSLATE_NOOP("errors", "the training split has fewer than two images")
        )
    batch_size = min(config.batch_size, count)
    steps = count // batch_size  # the incomplete last batch is dropped (batch norm needs > 1)
    optimizer = _optimizer(config, network)
    scheduler = _scheduler(config, optimizer, config.epochs * steps)
    strength = info.augmentation

    plan = _plan(network, images, batch_size, mean, std, config.epochs * steps)
    outliers = None
    if config.outliers > 0 and info.outliers is not None:
        outliers = OutlierMaker(images, labels, info.outliers)
    outlier_count = max(1, round(OUTLIER_SHARE * batch_size))

    history: list[dict] = []
    if snapshot is not None:  # epoch 0: the network as initialised, before any step
        before = evaluate(network, test_split, mean, std, device)
        live = {"epoch": 0, "epochs": config.epochs, "recipe": config.recipe}
        start = {"epochs": 0, "test_accuracy": before.accuracy, "live": live}
        snapshot(_copy(bundle, network, start))
    recent_loss = recent_accuracy = 0.0
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
            if config.augment and info.styles is not None:
                batch = add_styles(batch, target, generator, info.styles)
            if outliers is not None:
                # Non-digits ride in the same batch (and its batch-norm statistics).
                batch = torch.cat([batch, outliers.batch(outlier_count, generator)])
            if config.augment:
                batch = augment_batch(batch, generator, strength)
            batch = (batch - mean) / std
            logits = fast_ops.forward(network, batch, plan)
            if outliers is not None:
                logits, others = logits[: target.shape[0]], logits[target.shape[0] :]
            if config.loss == "map":
                loss = map_loss(logits, target)
            else:
                loss = F.cross_entropy(logits, target, label_smoothing=config.label_smoothing)
            # The curves and the diagnosis follow the classes' loss.
            loss_value = float(loss.detach())
            if outliers is not None:
                loss = loss + config.outliers * outlier_loss(others)
            if not math.isfinite(loss_value):
                raise TrainingFailed.of(
                    diagnose.diverged(config, kind, epoch=epoch, step=step, loss=loss_value)
                )
            step_losses.append(loss_value)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()

            n = target.shape[0]
            seen += n
            epoch_seen += n
            loss_sum += loss_value * n
            right = int((logits.argmax(1) == target).sum())
            correct += right
            weight = max(RECENT_WEIGHT, 1.0 / len(step_losses))  # (the first steps: a mean)
            recent_loss += weight * (loss_value - recent_loss)
            recent_accuracy += weight * (right / n - recent_accuracy)
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
                        recent_loss=recent_loss,
                        recent_accuracy=recent_accuracy,
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
        diagnosis = diagnose.after_epoch(
            config, kind, history, step_losses[0], max(step_losses), len(info.classes)
        )
        if diagnosis is not None and diagnosis.kind == "diverged":
            raise TrainingFailed.of(diagnosis)
        if snapshot is not None:
            live = {"epoch": epoch, "epochs": config.epochs, "recipe": config.recipe}
            snapshot(
                _copy(
                    bundle,
                    network,
                    {"epochs": epoch, "test_accuracy": evaluation.accuracy, "live": live},
                )
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
                    diagnosis=diagnosis,
                )
            )

    seconds = time.perf_counter() - started
    assert evaluation is not None  # there is at least one epoch
    network.eval()
    calibrated = _calibrate(bundle, network, held_out, device)

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
    if diagnosis is None:
        diagnosis = diagnose.at_end(config, history)
    curve = loss_curve(step_losses, steps)
    return TrainResult(bundle, evaluation, history, seconds, report, curve, diagnosis)


# The constant j of LeCun et al. 1998, Eq. 9: it keeps the penalty of a wrong class finite
# when every distance is already large.
MAP_J = 10.0


def map_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """LeCun et al. 1998, Eq. 9, on ``logits = −y`` (y: RBF distances): the mean over the batch
    of ``y_target + log(e^−j + Σ_i e^−y_i)``."""
    floor = torch.full((logits.shape[0], 1), -MAP_J, dtype=logits.dtype, device=logits.device)
    competing = torch.logsumexp(torch.cat([floor, logits], dim=1), dim=1)
    return (competing - logits.gather(1, target.unsqueeze(1)).squeeze(1)).mean()


def _calibrate(bundle: ModelBundle, network: torch.nn.Module, held_out, device) -> dict:
    """Fit the bundle's temperature on the held-out images (never the test split), and the
    energy above which an input is unlike them (:mod:`lenet_desktop.analysis.doubt`); what was
    done, for the model file's training record."""
    if held_out is None:
        return {}

    info = bundle.dataset
    logits = logits_of(network, held_out, info.mean, info.std, device)
    temperature = fit_temperature(logits, held_out.labels)
    bundle.temperature = temperature
    bundle.unlike_threshold = unlike_threshold(logits.numpy(), temperature)
    before = calibration(logits, held_out.labels)
    after = calibration(logits, held_out.labels, temperature)
    return {
        "temperature": round(temperature, 4),
        "holdout_size": len(held_out),
        "holdout_ece_before": round(before.ece, 4),
        "holdout_ece_after": round(after.ece, 4),
        "unlike_threshold": bundle.unlike_threshold,
        "unlike_quantile": UNLIKE_QUANTILE,
    }
