"""One forward pass that yields the class probabilities and every layer's activations."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from PIL import Image

from .device import resolve_device
from .model_files import ModelBundle
from .models import layer_kind
from .preprocessing import Preprocessed, preprocess

# Layers whose outputs a forward pass records (padding and flattening show nothing new).
RECORDED_KINDS = ("conv", "pool", "activation", "norm", "linear")


@dataclass(frozen=True)
class Prediction:
    """What the network made of one image.

    ``probabilities``: ``(num_classes,) float32`` summing to 1. ``activations``: layer name →
    that layer's output for this image, ``(C, H, W)`` for conv/pool maps or ``(F,)`` for
    vectors, in the order data flows. ``device``: where the forward pass ran.
    """

    probabilities: np.ndarray
    classes: tuple[str, ...]
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

    def as_json(self) -> dict:
        return {
            "label": self.label,
            "index": self.index,
            "confidence": self.confidence,
            "probabilities": {c: float(p) for c, p in zip(self.classes, self.probabilities)},
        }


class Predictor:
    """Runs a model on a device and records the activations of its layers.

    ``device``: a device name, or None for ``$LENET_DEVICE`` or the best available.
    """

    def __init__(self, bundle: ModelBundle, device: str | torch.device | None = None) -> None:
        self.bundle = bundle
        self.device = device if isinstance(device, torch.device) else resolve_device(device)
        self.network = bundle.network.to(self.device).eval()
        self.recorded = [
            name
            for name, module in self.network.named_children()
            if layer_kind(module) in RECORDED_KINDS
        ]
        self._captured: dict[str, torch.Tensor] = {}
        self._capturing = False
        modules = dict(self.network.named_children())
        for name in self.recorded:
            modules[name].register_forward_hook(self._hook(name))

    def _hook(self, name: str):
        def capture(module, args, output):
            if self._capturing:
                self._captured[name] = output.detach()

        return capture

    def preprocess(self, image: Image.Image | np.ndarray) -> Preprocessed:
        """An image → this model's 28×28 input (see :func:`preprocessing.preprocess`)."""
        b = self.bundle
        return preprocess(image, b.convention, b.mean, b.std)

    def predict(self, tensor: torch.Tensor) -> Prediction:
        """Classify one normalised ``(1, 1, 28, 28)`` image, recording every layer's output."""
        self._captured = {}
        self._capturing = True
        try:
            with torch.inference_mode():
                logits = self.network(tensor.to(self.device, non_blocking=True))
                probabilities = torch.softmax(logits.float(), dim=1)[0]
                stacked = [self._captured[n][0].float().cpu() for n in self.recorded]
                probabilities = probabilities.cpu()
        finally:
            self._capturing = False
            self._captured = {}
        return Prediction(
            probabilities=probabilities.numpy(),
            classes=self.bundle.classes,
            activations={n: a.numpy() for n, a in zip(self.recorded, stacked)},
            device=str(self.device),
        )

    def predict_image(
        self, image: Image.Image | np.ndarray
    ) -> tuple[Preprocessed, Prediction | None]:
        """Preprocess and classify a picture; the prediction is None for a blank picture."""
        prepared = self.preprocess(image)
        return prepared, (None if prepared.empty else self.predict(prepared.tensor))

    def probabilities(self, batch: torch.Tensor, batch_size: int = 2048) -> torch.Tensor:
        """``(N, 1, 28, 28)`` normalised images → ``(N, num_classes)`` probabilities on the CPU,
        without recording activations."""
        parts = []
        with torch.inference_mode():
            for start in range(0, batch.shape[0], batch_size):
                chunk = batch[start : start + batch_size].to(self.device, non_blocking=True)
                parts.append(torch.softmax(self.network(chunk).float(), dim=1).cpu())
        if not parts:
            return torch.zeros((0, len(self.bundle.classes)))
        return torch.cat(parts)
