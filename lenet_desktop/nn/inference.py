"""One forward pass that yields the class probabilities and every layer's output.

Every network is an ``nn.Sequential``, so the pass runs it layer by layer and keeps each output
as it goes: no forward hooks, nothing attached to the network that could pile up when a model is
moved to another device or put in use again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import torch
from PIL import Image

from lenet_desktop.data.preprocessing import Preprocessed, preprocess
from lenet_desktop.files.model_files import ModelBundle

if TYPE_CHECKING:
    from lenet_desktop.analysis.anatomy import Anatomy

from lenet_desktop.nn.device import resolve_device
from lenet_desktop.nn.models import layer_kind

# Layers whose outputs the views show (padding and flattening show nothing new).
RECORDED_KINDS = ("conv", "pool", "activation", "norm", "linear", "rbf")


@dataclass(frozen=True)
class Prediction:
    """What the network made of one image.

    ``probabilities``: ``(num_classes,) float32`` summing to 1, the softmax of ``logits`` divided
    by the model's temperature. ``logits``: ``(num_classes,)``, the last layer's output.
    ``input``: ``(1, 28, 28)`` the normalised image the network got. ``activations``: every
    layer's output for this image by layer name, in the order data flows — ``(C, H, W)`` for
    maps, ``(F,)`` for vectors. ``device``: where the forward pass ran.
    """

    probabilities: np.ndarray
    logits: np.ndarray
    temperature: float
    classes: tuple[str, ...]
    input: np.ndarray
    activations: dict[str, np.ndarray]
    device: str

    @property
    def index(self) -> int:
        return int(self.probabilities.argmax())

    @property
    def label(self) -> str:
        return self.classes[self.index]

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.index])

    def layer_input(self, name: str) -> np.ndarray:
        """The input of layer ``name``: the previous layer's output, or the image itself."""
        previous = self.input
        for key, value in self.activations.items():
            if key == name:
                return previous
            previous = value
        raise KeyError(name)

    def as_json(self) -> dict:
        return {
            "label": self.label,
            "index": self.index,
            "confidence": self.confidence,
            "probabilities": {c: float(p) for c, p in zip(self.classes, self.probabilities)},
        }


class Predictor:
    """Runs a model on a device and keeps every layer's output of each forward pass.

    ``device``: a device name, or None for ``$LENET_DEVICE`` or the best available. The
    bundle's network is moved to that device.
    """

    def __init__(self, bundle: ModelBundle, device: str | torch.device | None = None) -> None:
        self.bundle = bundle
        self.device = device if isinstance(device, torch.device) else resolve_device(device)
        self.network = bundle.network.to(self.device).eval()
        self.layers = list(self.network.named_children())
        self.recorded = [name for name, m in self.layers if layer_kind(m) in RECORDED_KINDS]
        self._anatomy: Anatomy | None = None

    @property
    def anatomy(self) -> Anatomy:
        """What the views show of the network that the input does not change (computed once,
        on first use: the model loader asks for it in its worker thread)."""
        if self._anatomy is None:
            from lenet_desktop.analysis.anatomy import anatomy

            self._anatomy = anatomy(self.network)
        return self._anatomy

    def preprocess(self, image: Image.Image | np.ndarray) -> Preprocessed:
        """An image → this model's 28×28 input (see :func:`preprocessing.preprocess`)."""
        info = self.bundle.dataset
        return preprocess(image, info.convention, info.mean, info.std)

    def predict(self, tensor: torch.Tensor) -> Prediction:
        """Classify one normalised ``(1, 1, 28, 28)`` image, keeping every layer's output."""
        outputs = {}
        with torch.inference_mode():
            x = tensor.to(self.device, non_blocking=True)
            for name, module in self.layers:
                x = module(x)
                outputs[name] = x
            logits = x.float()[0]
            probabilities = torch.softmax(logits / self.bundle.temperature, dim=0).cpu()
            activations = {n: a[0].float().cpu().numpy() for n, a in outputs.items()}
        return Prediction(
            probabilities=probabilities.numpy(),
            logits=logits.cpu().numpy(),
            temperature=self.bundle.temperature,
            classes=self.bundle.dataset.classes,
            input=tensor[0].float().cpu().numpy(),
            activations=activations,
            device=str(self.device),
        )

    def predict_image(
        self, image: Image.Image | np.ndarray
    ) -> tuple[Preprocessed, Prediction | None]:
        """Preprocess and classify a picture; the prediction is None for a blank picture."""
        prepared = self.preprocess(image)
        return prepared, (None if prepared.tensor is None else self.predict(prepared.tensor))
