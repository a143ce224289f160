"""Find a notebook's network by trying it.

A notebook's weights say the network's geometry — the convolutions' channels and kernels, the
linear layers' sizes, where batch norm is — but not what shapes cannot tell: the activation
(sigmoid, tanh, ReLU, …), the pooling (average or max), the dataset it learned (MNIST or
Fashion-MNIST) or how it saw its input (``ToTensor``'s [0, 1], or standardised). So every
combination is built and run on the test images that ship with the app
(:func:`~lenet_desktop.data.datasets.shipped_sample`, 500 of each dataset), and the one that
reads them clearly best is the network:

* the **geometries** are the presets the weights fit by shape, and the one the weights
  themselves say (convolutions, each followed by 2 × 2 pooling, their padding chosen so the
  flattened size is the first linear layer's input; batch norm where the file has it);
* each geometry is tried with **every activation and every pooling** of the layer-type table
  (:mod:`lenet_desktop.specs.layer_types`), not only the presets' pairs, so a learner's
  ReLU + max-pooling class is found;
* two candidates whose answers on the test images agree (AGREE of them) are one network for
  the learner: the first of the table's order is kept (ReLU before leaky ReLU, ``ToTensor``'s
  scaling before the standardised one);
* :func:`decide` says ``clear`` when the best reads CLOSE more images than any other;
  ``likeliest`` when others read about as well but one of them is the book's own network
  (``d2l``; and of one network, ``ToTensor``'s scaling before the standardised), which is
  taken and said; ``ambiguous`` when two other networks read about as well (the window asks,
  showing each one's score);
  ``untrained`` when even the best is near chance (the weights look untrained, or unlike any
  candidate: never picked silently). Why a prior: a sigmoid network trained with average
  pooling reads the test images as well with max pooling, often a little better, until it is
  well trained; its answers alone cannot tell the two apart.

``--arch``, ``--dataset`` and ``--scale`` still override: :func:`find` then tries only what
they leave open.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lenet_desktop.data.datasets import DATASETS, dataset_info, shipped_sample
from lenet_desktop.files.notebook import NotebookError, Weights, import_model, read_weights, scaling
from lenet_desktop.files.notebook_specs import (
    Candidate,
    candidate_specs,
    describe,
    describe_misfit,
    fits,
    layers_of,
)
from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs import build_network
from lenet_desktop.specs.layer_types import SPEC_TYPES

if TYPE_CHECKING:
    import numpy as np

    from lenet_desktop.data.datasets import DatasetInfo, Split
    from lenet_desktop.nn.bundle import ModelBundle

SCALES = ("unit", "standard")
# Two candidates answering alike on this share of the test images are one network.
AGREE = 0.98
# The best is clear when it reads at least this share more of the images than any other
# (a sigmoid network trained with average pooling reads its images up to 4 points better with
# max pooling early in training: measured over 3 seeds × 5 stages).
CLOSE = 0.05
# ... and it is a guess near chance below chance + NEAR_CHANCE (an untrained sigmoid
# network read with tanh can reach 31 %).
NEAR_CHANCE = 0.25
# The book's own network: the likeliest of those that read the test images about as well.
PREFERRED = ("d2l",)


@dataclass(frozen=True)
class Trial:
    """One candidate tried: the network, the dataset, the scaling and how many of the shipped
    test images it read right (``accuracy`` of ``images``)."""

    candidate: Candidate
    dataset: str
    scale: str
    accuracy: float
    images: int
    likelihood: float = 0.0  # the mean log-probability of the true classes (nats)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.candidate.name, self.dataset, self.scale

    def as_json(self) -> dict[str, Any]:
        return {
            "architecture": self.candidate.name,
            "title": describe(self.candidate.spec),
            "dataset": self.dataset,
            "scale": self.scale,
            "accuracy": round(self.accuracy, 4),
            "images": self.images,
        }


@dataclass(frozen=True)
class Finding:
    """What trying found: ``verdict`` (``clear``, ``likeliest``, ``ambiguous``, ``untrained``),
    the trials — the chosen one first, then best first (alike ones left out) — and the file's
    weights."""

    verdict: str
    trials: tuple[Trial, ...]
    weights: Weights

    @property
    def best(self) -> Trial:
        return self.trials[0]

    @property
    def close(self) -> tuple[Trial, ...]:
        """The trials within CLOSE of the one that reads best (the first of them first)."""
        top = max((t.accuracy for t in self.trials), default=0.0)
        return tuple(t for t in self.trials if top - t.accuracy < CLOSE)


def _load(candidate: Candidate, state: dict[str, Any], classes: int):
    """The candidate's network with the file's weights (in their order)."""
    network = build_network(candidate.spec, classes)
    ours = network.state_dict()
    renamed = {}
    for (mine, _), (prefix, params) in zip(layers_of(ours), layers_of(state)):
        for name, _shape in params:
            renamed[f"{mine}.{name}" if mine else name] = state[
                f"{prefix}.{name}" if prefix else name
            ]
    for key in ours:
        if key.endswith("num_batches_tracked") and key not in renamed:
            renamed[key] = ours[key]
    network.load_state_dict(renamed, strict=True)
    return network.eval()


def _answers(network, split: Split, mean: float, std: float) -> tuple[np.ndarray, float]:
    """The network's answers on the split, and the mean log-probability of the true classes."""
    import torch  # deferred: NumPy, torch

    with torch.inference_mode():
        x = (split.images.unsqueeze(1).float() / 255.0 - mean) / std
        logits = network(x).double()
        logp = torch.log_softmax(logits, dim=1).gather(1, split.labels.view(-1, 1))
        return logits.argmax(1).numpy(), float(logp.mean())


def try_all(
    weights: Weights,
    archs: list[Candidate] | None = None,
    datasets: list[DatasetInfo] | None = None,
    scales: tuple[str, ...] = SCALES,
) -> list[tuple[Trial, np.ndarray]]:
    """Every candidate × dataset × scaling run on the shipped test images: (trial, its
    answers), best first."""
    import torch  # deferred: NumPy, torch

    state = weights.state
    tried = []
    with torch.random.fork_rng():
        for info in datasets or list(DATASETS):
            split = shipped_sample(info)
            classes = len(info.classes)
            if split is None:
                continue
            labels = split.labels.numpy()
            for candidate in archs if archs is not None else candidate_specs(state, classes):
                if not fits(candidate.spec, state, classes):
                    continue
                network = _load(candidate, state, classes)
                for scale in scales:
                    mean, std = scaling(scale, info)
                    answers, likelihood = _answers(network, split, mean, std)
                    accuracy = float((answers == labels).mean())
                    trial = Trial(candidate, info.name, scale, accuracy, len(labels), likelihood)
                    tried.append((trial, answers))
    tried.sort(key=lambda pair: -pair[0].accuracy)  # stable: the table's order among equals
    return tried


def _preference(trial: Trial) -> tuple[int, int]:
    """How likely the book makes a candidate, most first: its own network (``d2l``: sigmoid,
    average pooling) before any other, and ``ToTensor``'s scaling before the standardised."""
    return (0 if trial.candidate.name in PREFERRED else 1, SCALES.index(trial.scale))


def _alike_order(trial: Trial) -> tuple:
    """Of trials that answer alike, the one to stand for all: the preferred (:func:`_preference`),
    then the one whose layer types come first in the layer-type table — a ReLU before a leaky
    ReLU, which no weight can tell apart from it."""
    order = list(SPEC_TYPES)
    return _preference(trial), tuple(order.index(x.type) for x in trial.candidate.spec.layers)


def decide(tried: list[tuple[Trial, np.ndarray]], weights: Weights) -> Finding:
    """The verdict on the trials (see the module's docstring). Trials that answer alike are
    one: the preferred of them stands for all. Of those within CLOSE of the best, the one the
    book makes likeliest (:func:`_preference`: its own network, then its exercises' and the
    presets, then ``ToTensor``'s scaling) is taken when it is the only one so likely; else the
    learner chooses."""
    groups: list[list[tuple[Trial, np.ndarray]]] = []
    for trial, answers in tried:  # best first
        home = next(
            (
                group
                for group in groups
                if group[0][0].dataset == trial.dataset
                and float((group[0][1] == answers).mean()) >= AGREE
            ),
            None,
        )
        if home is None:
            groups.append([(trial, answers)])
        else:
            home.append((trial, answers))
    trials = [min((t for t, _ in group), key=_alike_order) for group in groups]
    if not trials:
        return Finding("untrained", (), weights)
    trials.sort(key=lambda t: -t.accuracy)
    if trials[0].accuracy < 1.0 / 10 + NEAR_CHANCE:
        return Finding("untrained", tuple(trials), weights)
    close = [t for t in trials if trials[0].accuracy - t.accuracy < CLOSE]
    likeliest = min(_preference(t)[0] for t in close)
    tied = [t for t in close if _preference(t)[0] == likeliest]
    if len({(t.candidate.name, t.dataset) for t in tied}) > 1:
        return Finding("ambiguous", tuple(trials), weights)
    chosen = min(tied, key=_preference)  # one network: ToTensor's scaling first
    ordered = [chosen] + [t for t in trials if t is not chosen]
    return Finding("clear" if len(close) == 1 else "likeliest", tuple(ordered), weights)


def find(
    path: str | os.PathLike[str],
    arch: Candidate | None = None,
    dataset: DatasetInfo | None = None,
    scale: str | None = None,
) -> Finding:
    """Read a notebook file and try what its weights could be; ``arch``, ``dataset`` and
    ``scale`` narrow the search to what they leave open."""
    weights = read_weights(path)
    tried = try_all(
        weights,
        [arch] if arch is not None else None,
        [dataset] if dataset is not None else None,
        (scale,) if scale is not None else SCALES,
    )
    if not tried and arch is None:
        raise NothingFits(
            QT_TRANSLATE_NOOP(
                "errors", "{path}: no network the app knows has layers of these shapes"
            ),
            path=path,
        )
    if not tried and arch is not None:
        classes = len(dataset.classes) if dataset is not None else 10
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: the weights do not fit {name}: {why}"),
            path=path,
            name=arch.name,
            why=describe_misfit(arch.spec, weights.state, classes),
        )
    return decide(tried, weights)


def scores_text(trials: tuple[Trial, ...], limit: int = 4) -> str:
    """``sigmoid + average pooling, Fashion-MNIST, [0, 1] input: 64 % of 500 test images; …``
    (English, for the command line)."""
    parts = []
    for trial in trials[:limit]:
        scale = "[0, 1] input" if trial.scale == "unit" else "standardised input"
        parts.append(
            f"{describe(trial.candidate.spec)}, {dataset_info(trial.dataset).title}, {scale}: "
            f"{100 * trial.accuracy:.0f} % of {trial.images} test images"
        )
    return "; ".join(parts)


def open_notebook(
    path: str | os.PathLike[str],
    arch: Candidate | None = None,
    dataset: DatasetInfo | None = None,
    scale: str | None = None,
) -> tuple[ModelBundle, Finding]:
    """The model in a notebook file, found by trying (or as ``arch``/``dataset``/``scale``
    say), with what was found. NotebookError, with every score, when the best is not clear
    (ambiguous, or near chance): the learner then chooses."""
    if arch is not None and dataset is not None and scale is not None:  # nothing left to find
        weights = read_weights(path)
        bundle = import_model(path, arch, dataset, scale, weights)
        return bundle, Finding("given", (Trial(arch, dataset.name, scale, 0.0, 0),), weights)
    finding = find(path, arch, dataset, scale)
    if finding.verdict == "untrained":
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: the weights look untrained, or unlike any network the app knows: the "
                "best reads {best} of the test images ({scores}); describe the network in the "
                "Architecture Editor, or give --arch, --dataset and --scale",
            ),
            path=path,
            best=f"{100 * finding.best.accuracy:.0f} %" if finding.trials else "none",
            scores=scores_text(finding.trials) or "nothing fits",
        )
    if finding.verdict == "ambiguous":
        raise AmbiguousNotebook(finding, path)
    return import_trial(path, finding.best, finding), finding


def import_trial(
    path: str | os.PathLike[str], trial: Trial, finding: Finding | None = None
) -> ModelBundle:
    """The notebook's network as ``trial`` says — the best of ``finding``, or the one the
    learner chose — with what trying found kept in its training summary. The command line and
    the window both import this way."""
    weights = finding.weights if finding is not None else None
    info = dataset_info(trial.dataset)
    bundle = import_model(path, trial.candidate, info, trial.scale, weights)
    if finding is not None and finding.trials:
        best = finding.best
        bundle.training["found"] = {
            "accuracy": round(best.accuracy, 4),
            "images": best.images,
            "others": [t.as_json() for t in finding.trials[1:4]],
        }
    return bundle


class NothingFits(NotebookError):
    """No network the app knows has layers of the file's shapes (perhaps not a network's
    weights at all)."""


class AmbiguousNotebook(NotebookError):
    """Two or more networks read the test images about as well: the learner chooses."""

    def __init__(self, finding: Finding, path: str | os.PathLike[str]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: these networks read the test images about as well, so choose one with "
                "--arch, --dataset and --scale: {scores}",
            ),
            path=path,
            scores=scores_text(finding.close, limit=6),
        )
        self.finding = finding
