"""Which pixels decided: an attribution map over the 28×28 input for one class.

Two methods, both from Captum (PyTorch's attribution library), imported on first use (it takes
seconds to import, so the app never pays for it until the learner turns the overlay on):

- ``saliency``: |∂ logit / ∂ pixel| (Captum's ``Saliency``), the pixels whose change would
  move the class's score most.
- ``gradcam``: Grad-CAM (Captum's ``LayerGradCam``) on the last convolution whose maps are
  larger than 1×1 (C3 in all three architectures; LeNet-5's C5 is 1×1, a single number):
  the maps weighted by their mean gradient, summed, ReLU. Each value is placed at the centre
  of its receptive field and the grid interpolated to 28×28, so a C3 value lands where the
  explanation panel says that unit looks.

The network is copied before Captum attaches hooks and asks for gradients, so the model in
use is never touched (no hooks left, no ``.grad`` filled) and prediction stays in inference
mode elsewhere. The copy runs on the model's device.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

import numpy as np

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs.geometry import INPUT_SIDE as INPUT_SIZE
from lenet_desktop.specs.geometry import receptive_fields

if TYPE_CHECKING:
    from torch import nn

METHODS = {
    "saliency": QT_TRANSLATE_NOOP("attribution", "Gradient saliency"),
    "gradcam": QT_TRANSLATE_NOOP("attribution", "Grad-CAM (last convolution)"),
}


def gradcam_layer(layers: list[tuple[str, nn.Module]]) -> str | None:
    """The last convolution whose output is larger than 1×1 (None: no convolution)."""
    from lenet_desktop.nn.models import layer_kind  # deferred: torch

    fields = receptive_fields(layers)
    found = None
    for name, module in layers:
        if layer_kind(module) == "conv" and fields[name].size < INPUT_SIZE:
            found = name
    return found


def _normalised(values: np.ndarray) -> np.ndarray:
    values = np.nan_to_num(np.asarray(values, dtype=np.float64))
    peak = float(values.max(initial=0.0))
    return (values / peak if peak > 0 else np.zeros_like(values)).astype(np.float32)


def _place(cam: np.ndarray, start: int, jump: int, size: int) -> np.ndarray:
    """A ``(h, w)`` map whose unit (i, j) sees the field starting at ``start + i·jump`` →
    ``(28, 28)``: bilinear between the fields' centres, held at the edges."""
    h, w = cam.shape
    centres_y = start + jump * np.arange(h) + (size - 1) / 2
    centres_x = start + jump * np.arange(w) + (size - 1) / 2
    pixels = np.arange(INPUT_SIZE, dtype=np.float64)
    rows = np.stack([np.interp(pixels, centres_y, cam[:, j]) for j in range(w)], axis=1)
    return np.stack([np.interp(pixels, centres_x, rows[i]) for i in range(INPUT_SIZE)])


class Attributor:
    """Attribution maps for one network, on a private copy of it.

    The copy is made once (deep-copying costs ~10 ms); before each map its weights and
    buffers are refreshed from the network in use, which training may have changed in place.
    """

    def __init__(self, network: nn.Sequential) -> None:
        self.network = network
        self.model = copy.deepcopy(network).eval()
        for parameter in self.model.parameters():
            parameter.requires_grad_(False)  # gradients for the input only
        self.layers = list(self.model.named_children())
        self.gradcam_layer = gradcam_layer(self.layers)

    def _sync(self) -> None:
        import torch  # deferred: torch

        with torch.no_grad():
            mine = self.model.state_dict()
            for key, value in self.network.state_dict().items():
                mine[key].copy_(value)

    def attribute(self, tensor, target: int, method: str = "saliency") -> np.ndarray:
        """How much each input pixel counted for class ``target``: ``(28, 28) float32`` in
        [0, 1]. ``tensor``: the normalised ``(1, 1, 28, 28)`` input; ``method``: a key of
        :data:`METHODS`. Runs where the network's parameters are."""
        import torch  # deferred: torch
        from captum.attr import LayerGradCam, Saliency  # deferred: Pillow, Captum, torch

        if method not in METHODS:
            known = ", ".join(METHODS)
            raise ValueError(f"unknown attribution method {method!r} (known: {known})")
        self._sync()
        model = self.model
        device = next(model.parameters()).device
        x = torch.as_tensor(tensor, dtype=torch.float32).reshape(1, 1, INPUT_SIZE, INPUT_SIZE)
        x = x.detach().clone().to(device).requires_grad_(True)
        with torch.inference_mode(False), torch.enable_grad():
            if method == "saliency":
                values = Saliency(model).attribute(x, target=target, abs=True)
                return _normalised(values[0, 0].detach().cpu().numpy())
            name = self.gradcam_layer
            if name is None:
                return np.zeros((INPUT_SIZE, INPUT_SIZE), dtype=np.float32)
            cam = LayerGradCam(model, dict(self.layers)[name]).attribute(
                x, target=target, relu_attributions=True
            )
            grid = cam[0, 0].detach().cpu().double().numpy()
        field = receptive_fields(self.layers)[name]
        return _normalised(_place(grid, field.start, field.jump, field.size))


def attribute(network: nn.Sequential, tensor, target: int, method: str = "saliency") -> np.ndarray:
    """One attribution map (see :meth:`Attributor.attribute`); the network is not modified."""
    return Attributor(network).attribute(tensor, target, method)
