"""What the network made of one image: the answer of a forward pass, whichever engine ran it
(torch's :class:`~lenet_desktop.nn.inference.Predictor`, or NumPy's
:class:`~lenet_desktop.nn.numpy_forward.NumpyPredictor` while torch loads). Plain NumPy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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
