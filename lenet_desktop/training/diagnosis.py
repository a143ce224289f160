"""Runs that explain themselves: what went wrong with a run, in one sentence with its likely
cause, and the change that fixes it.

Three things go wrong with the chapter's runs, each recognised from figures the loop has anyway:

* **diverged** — the loss became NaN or infinite, or it rose far above where it started and the
  network stopped learning (test accuracy at chance): the rate is too high for this network.
  Fix: a smaller rate.
* **chance** — after an epoch the test accuracy is still at chance, the loss did not blow up:
  a sigmoid network at the book's rate needs many more steps (the book trains 10 epochs of
  60,000 images); any other network's rate is off. Fix: the Quick recipe (or more epochs).
* **overfit** — at the end the training accuracy is far above the test accuracy: the network
  memorised its images. Fix: every image, with augmentation.

A :class:`Diagnosis` is English, marked for translation in context ``"diagnosis"``; the window
translates it, the command line prints it as a ``hint:`` line. Plain Python: no torch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from lenet_desktop.messages import QT_TRANSLATE_NOOP, fill
from lenet_desktop.training.recipes import QUICK_BY_FAMILY

DIAGNOSIS = "diagnosis"  # the translation context
# At chance: a test accuracy less than CHANCE_MARGIN above 1/classes.
CHANCE_MARGIN = 0.05
# Blown up: a step's loss above BLOWN_UP times the first step's.
BLOWN_UP = 1.5
# Overfitting: training accuracy more than OVERFIT points above the test accuracy.
OVERFIT = 0.08


@dataclass(frozen=True)
class Diagnosis:
    """``template`` (the sentence) and ``fix_label`` (the fix button's words) filled with
    ``values``; ``fix`` the TrainConfig options that fix it."""

    kind: str
    template: str
    values: dict = field(default_factory=dict)
    fix: dict = field(default_factory=dict)
    fix_label: str = ""

    @property
    def text(self) -> str:
        return self.template.format(**self.values)

    @property
    def fix_text(self) -> str:
        return self.fix_label.format(**self.values)

    def translated(self, translate) -> str | None:
        return fill(DIAGNOSIS, self.template, self.values, translate)

    def translated_fix(self, translate) -> str | None:
        return fill(DIAGNOSIS, self.fix_label, self.values, translate)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "fix": self.fix, "fix_text": self.fix_text}


def at_chance(accuracy: float, classes: int) -> bool:
    return accuracy < 1.0 / classes + CHANCE_MARGIN


def smaller_rate(config, family: str) -> float:
    """A rate to try after a divergence: the Quick recipe's for this family when it is smaller
    (ReLU networks under SGD: 0.1, the rate that learns), else a tenth of this one."""
    lr = config.learning_rate
    if config.optimizer == "sgd":
        suggestion = 0.1 if lr > 0.1 else lr / 10
    else:
        suggestion = min(QUICK_BY_FAMILY[family]["lr"], lr / 10)
    digits = -math.floor(math.log10(suggestion))
    return round(suggestion, max(0, digits))


def _percent(value: float) -> str:
    return f"{100 * value:.1f}"


def diverged(config, family: str, *, epoch: int, step: int, loss: float | None = None,
             start: float | None = None, peak: float | None = None,
             accuracy: float | None = None, classes: int = 10,
             dead: bool = False) -> Diagnosis:  # fmt: skip
    """The loss became ``loss`` (NaN or infinite) at ``epoch``/``step``, or (``loss`` None) it
    rose from ``start`` to ``peak`` and the test accuracy fell to ``accuracy``, at chance, or
    (``dead``) it stayed where it started: a ReLU network whose units no longer respond."""
    rate = smaller_rate(config, family)
    values: dict[str, Any] = {
        "lr": f"{config.learning_rate:g}",
        "suggested": f"{rate:g}",
        "epoch": epoch,
        "step": step,
    }
    relu = family == "relu"
    if loss is not None:
        values["value"] = "NaN" if math.isnan(loss) else "infinite"
        template = (
            QT_TRANSLATE_NOOP(
                "diagnosis",
                "The loss became {value} at epoch {epoch}, step {step}, at the learning rate "
                "{lr}: ReLU networks want a smaller rate — try {suggested}.",
            )
            if relu
            else QT_TRANSLATE_NOOP(
                "diagnosis",
                "The loss became {value} at epoch {epoch}, step {step}, at the learning rate "
                "{lr}: the rate is too high for this network — try {suggested}.",
            )
        )
    elif dead:
        values |= {
            "accuracy": _percent(accuracy or 0.0),
            "chance": _percent(1.0 / classes),
        }
        template = QT_TRANSLATE_NOOP(
            "diagnosis",
            "The network stopped learning at the learning rate {lr}: after epoch {epoch} the "
            "loss has not fallen and the test accuracy is at chance ({accuracy} %, chance "
            "{chance} %) — its ReLU units no longer respond. ReLU networks want a smaller rate "
            "— try {suggested}.",
        )
    else:
        values |= {
            "start": f"{start:.2f}",
            "peak": f"{peak:.2f}",
            "accuracy": _percent(accuracy or 0.0),
            "chance": _percent(1.0 / classes),
        }
        template = (
            QT_TRANSLATE_NOOP(
                "diagnosis",
                "The run diverged at the learning rate {lr}: the loss rose from {start} to "
                "{peak} and the network stopped learning (test accuracy {accuracy} %, chance "
                "{chance} %). ReLU networks want a smaller rate — try {suggested}.",
            )
            if relu
            else QT_TRANSLATE_NOOP(
                "diagnosis",
                "The run diverged at the learning rate {lr}: the loss rose from {start} to "
                "{peak} and the network stopped learning (test accuracy {accuracy} %, chance "
                "{chance} %). The rate is too high for this network — try {suggested}.",
            )
        )
    return Diagnosis(
        "diverged",
        template,
        values,
        fix={"lr": rate},
        fix_label=QT_TRANSLATE_NOOP("diagnosis", "Use learning rate {suggested}"),
    )


def after_epoch(
    config, family: str, history: list[dict], start: float, peak: float, classes: int
) -> Diagnosis | None:
    """What an epoch's figures say (``history`` so far; ``start`` the first step's loss and
    ``peak`` the highest step loss): a divergence (the run should stop), a run at chance, or
    nothing."""
    last = history[-1]
    if not at_chance(last["test_accuracy"], classes):
        return None
    # A ReLU network at chance that learned nothing in a whole epoch has died (its units no
    # longer respond) even when its loss never rose: it will not recover either.
    dead = family == "relu" and last["loss"] >= 0.97 * start
    # blown up: a step's loss far above the start, and the epoch's mean still above it
    if (peak > BLOWN_UP * start and last["loss"] > start) or dead:
        return diverged(
            config,
            family,
            epoch=last["epoch"],
            step=0,
            start=start,
            peak=peak,
            accuracy=last["test_accuracy"],
            classes=classes,
            dead=peak <= BLOWN_UP * start,
        )
    values = {
        "epochs": last["epoch"],
        "accuracy": _percent(last["test_accuracy"]),
        "chance": _percent(1.0 / classes),
        "lr": f"{config.learning_rate:g}",
    }
    if family == "sigmoid":
        template = QT_TRANSLATE_NOOP(
            "diagnosis",
            "Still at chance after {epochs} epoch(s) (test accuracy {accuracy} %, chance "
            "{chance} %): sigmoid networks learn slowly at first. The book trains 10 epochs of "
            "60,000 images; train 10 epochs, or use the Quick recipe.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "diagnosis",
            "Still at chance after {epochs} epoch(s) (test accuracy {accuracy} %, chance "
            "{chance} %): the learning rate {lr} does not suit this network; the Quick recipe's "
            "does.",
        )
    return Diagnosis(
        "chance",
        template,
        values,
        fix={"recipe": "quick"},
        fix_label=QT_TRANSLATE_NOOP("diagnosis", "Use the Quick recipe"),
    )


def at_end(config, history: list[dict]) -> Diagnosis | None:
    """What a finished run's figures say beyond :func:`after_epoch`: overfitting."""
    last = history[-1]
    gap = last["train_accuracy"] - last["test_accuracy"]
    if gap <= OVERFIT or last["train_accuracy"] < 0.5:
        return None
    values = {
        "train": _percent(last["train_accuracy"]),
        "test": _percent(last["test_accuracy"]),
    }
    if config.augment and not config.train_images:
        template = QT_TRANSLATE_NOOP(
            "diagnosis",
            "The network fits its training images far better than the test images ({train} % "
            "against {test} %): it memorises them. Train fewer epochs, or with more weight "
            "decay.",
        )
        fix = {"epochs": max(1, config.epochs // 2), "weight_decay": 5e-3}
        label = QT_TRANSLATE_NOOP("diagnosis", "Train half the epochs, more weight decay")
    else:
        template = QT_TRANSLATE_NOOP(
            "diagnosis",
            "The network fits its training images far better than the test images ({train} % "
            "against {test} %): it memorises them. Train on every image, with augmentation.",
        )
        fix = {"train_images": 0, "augment": True}
        label = QT_TRANSLATE_NOOP("diagnosis", "Use every image, with augmentation")
    return Diagnosis("overfit", template, values, fix=fix, fix_label=label)
