"""A network with what is needed to feed it and read its answers (:class:`ModelBundle`), and what
a model file says of it before the network is built (:class:`ModelHeader`): beside the network,
below the files that hold them (:mod:`lenet_desktop.files.model_files` reads and writes them)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lenet_desktop.data.datasets import DatasetInfo
from lenet_desktop.specs import PRESET_LAYERS, Spec, preset_spec, spec_architecture

if TYPE_CHECKING:
    from torch import nn


@dataclass
class ModelHeader:
    """What a model file says about its network, without the network (what the window shows of
    the model before torch is loaded; a :class:`ModelBundle` is a header with its network)."""

    architecture: str
    dataset: DatasetInfo
    training: dict = field(default_factory=dict)
    source: str = ""
    temperature: float = 1.0
    spec: Spec | None = None
    # The energy above which an input is unlike the training images (analysis.doubt), fitted
    # on held-out training images; None when the file does not say.
    unlike_threshold: float | None = None

    @property
    def title(self) -> str:
        return self.source or f"{self.architecture} ({self.dataset.name})"


@dataclass
class ModelBundle(ModelHeader):
    """A network with everything needed to feed it and read its answers.

    ``network`` maps ``(N, 1, 28, 28)`` images normalised with ``dataset.mean``/``dataset.std``
    to ``(N, len(dataset.classes))`` logits. ``temperature`` divides the logits before the
    softmax (1.0: as trained; fitted on held-out data, it makes the probabilities calibrated).
    ``source`` is the shipped model's name, the file it came from, or a description.
    ``spec`` is the spec the network was built from (None for LeNet-5, which is no spec).
    """

    network: nn.Sequential = field(kw_only=True)


def preset_of(architecture: str, num_classes: int) -> Spec | None:
    """The preset ``architecture`` as a spec for ``num_classes`` classes; None for LeNet-5."""
    return preset_spec(architecture, num_classes) if architecture in PRESET_LAYERS else None


def new_model(
    architecture: str | Spec,
    dataset: DatasetInfo,
    mean: float | None = None,
    std: float | None = None,
) -> ModelBundle:
    """A freshly initialised model for ``dataset``, normalised with its statistics by default.
    ``architecture``: a preset's name or a spec (SpecError when it does not fit the dataset)."""
    # torch, deferred on purpose: a header is read, and the window painted, without it
    from lenet_desktop.nn.models import PAPER_MEAN, PAPER_STD, build_model

    if architecture == "lenet5" and mean is None and std is None:
        mean, std = PAPER_MEAN, PAPER_STD  # background −0.1, ink 1.175, as the paper scales
    if mean is not None or std is not None:
        dataset = replace(
            dataset,
            mean=dataset.mean if mean is None else mean,
            std=dataset.std if std is None else std,
        )
    classes = len(dataset.classes)
    spec = architecture if isinstance(architecture, Spec) else preset_of(architecture, classes)
    network = build_model(spec or architecture, classes, (dataset.mean, dataset.std))
    name = spec_architecture(architecture) if isinstance(architecture, Spec) else architecture
    return ModelBundle(network=network, architecture=name, dataset=dataset, spec=spec)
