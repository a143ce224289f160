"""One forward pass that yields the class probabilities and every layer's output (torch).

Every network is an ``nn.Sequential``, so the pass runs it layer by layer and keeps each output
as it goes: no forward hooks, nothing attached to the network that could pile up when a model is
moved to another device or put in use again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import torch
from PIL import Image

from lenet_desktop.data.preprocessing import Preprocessed, preprocess
from lenet_desktop.nn.bundle import ModelBundle

if TYPE_CHECKING:
    from lenet_desktop.nn.anatomy import Anatomy

from lenet_desktop.nn.anatomy import anatomy
from lenet_desktop.nn.device import resolve_device
from lenet_desktop.nn.models import layer_kind
from lenet_desktop.nn.prediction import Prediction

__all__ = ["RECORDED_KINDS", "Prediction", "Predictor"]

# Layers whose outputs the views show (padding and flattening show nothing new).
RECORDED_KINDS = ("conv", "pool", "activation", "norm", "linear", "rbf")


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
            self._anatomy = anatomy(self.network)
        return self._anatomy

    def preprocess(self, image: Image.Image | np.ndarray) -> Preprocessed:
        """An image → this model's 28×28 input (see :func:`preprocessing.preprocess`)."""
        info = self.bundle.dataset
        return preprocess(image, info.convention, info.mean, info.std)

    def predict(self, tensor: torch.Tensor | np.ndarray) -> Prediction:
        """Classify one normalised ``(1, 1, 28, 28)`` image (a tensor, or the array of
        :attr:`Preprocessed.normalized`), keeping every layer's output."""
        return self.predict_many(tensor)[0]

    def predict_many(self, tensor: torch.Tensor | np.ndarray) -> list[Prediction]:
        """:meth:`predict` for each of ``(N, 1, 28, 28)`` normalised images, in one pass."""
        outputs = {}
        tensor = torch.as_tensor(tensor)
        with torch.inference_mode():
            x = tensor.to(self.device, non_blocking=True)
            for name, module in self.layers:
                x = module(x)
                outputs[name] = x
            logits = x.float()
            probabilities = torch.softmax(logits / self.bundle.temperature, dim=1).cpu().numpy()
            activations = {n: a.float().cpu().numpy() for n, a in outputs.items()}
            logits_array, inputs = logits.cpu().numpy(), tensor.float().cpu().numpy()
        return [
            Prediction(
                probabilities=probabilities[k],
                logits=logits_array[k],
                temperature=self.bundle.temperature,
                classes=self.bundle.dataset.classes,
                input=inputs[k],
                activations={n: a[k] for n, a in activations.items()},
                device=str(self.device),
            )
            for k in range(len(inputs))
        ]

    def predict_image(
        self, image: Image.Image | np.ndarray
    ) -> tuple[Preprocessed, Prediction | None]:
        """Preprocess and classify a picture; the prediction is None for a blank picture."""
        prepared = self.preprocess(image)
        return prepared, (None if prepared.tensor is None else self.predict(prepared.tensor))
