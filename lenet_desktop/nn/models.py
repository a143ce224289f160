"""The LeNet family the study notes describe, as plain ``nn.Sequential`` stacks.

Every architecture takes a normalised ``(N, 1, 28, 28) float32`` batch and returns
``(N, num_classes)`` logits. Layers are named the way the notes and LeCun et al. (1998) name
them (C1, S2, C3, S4, C5, F6, …), so the app, ``lenet-desktop info`` and the activations a
forward pass records all speak the same vocabulary.

- ``lenet5``  LeCun et al. 1998: 32×32 input (28×28 padded by 2), trainable subsampling, C3's
  sparse connection table, scaled-tanh squashing. Per-layer parameters: C1 156, S2 12,
  C3 1516, S4 32, C5 48120, F6 10164.

Every other architecture is a spec (``specs.py``): ``d2l``, the D2L chapter's network (sigmoid
activations and average pooling); ``modern``, the same topology with batch normalisation, ReLU and
max pooling; the study notes' variants and one network per D2L exercise; or a learner's own TOML.
"""

from __future__ import annotations

from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.nn.lenet5_layout import F6_UNITS, LAYOUT, PADDING
from lenet_desktop.options import ARCHITECTURES
from lenet_desktop.specs import PRESET_LAYERS, Spec, SpecError, build_network, preset_spec
from lenet_desktop.specs.layer_types import (
    C3_CONNECTIONS,
    SQUASH_AMPLITUDE,
    SQUASH_SLOPE,
    kind_of,
)


class Squash(nn.Module):
    """LeNet-5's squashing function ``f(a) = A·tanh(S·a)`` (the constants:
    :data:`~lenet_desktop.specs.layer_types.SQUASH_AMPLITUDE` and ``SQUASH_SLOPE``)."""

    def __init__(self) -> None:
        super().__init__()
        self.amplitude = SQUASH_AMPLITUDE
        self.slope = SQUASH_SLOPE[0] / SQUASH_SLOPE[1]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.amplitude * torch.tanh(self.slope * x)


class Subsampling(nn.Module):
    """LeNet-5's S layers: each 2×2 block summed, times a trainable weight, plus a trainable bias.

    One weight and one bias per map: 2 × channels parameters. ``(N, C, H, W) → (N, C, H/2, W/2)``.
    """

    def __init__(self, channels: int, kernel_size: int = 2) -> None:
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = kernel_size
        self.padding = 0
        self.weight = nn.Parameter(torch.full((channels,), 0.25))
        self.bias = nn.Parameter(torch.zeros(channels))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        area = self.kernel_size * self.kernel_size
        summed = F.avg_pool2d(x, self.kernel_size, self.stride) * area
        return summed * self.weight.view(1, -1, 1, 1) + self.bias.view(1, -1, 1, 1)


class SparseConv2d(nn.Module):
    """C3: a 5×5 convolution where output map ``o`` reads only the inputs ``connections[o]``.

    Only the connected kernels are parameters (60 × 25 weights + 16 biases = 1516 for the
    paper's table); :attr:`weight_full` scatters them into an ordinary
    ``(out, in, k, k)`` kernel with zeros for the missing connections.
    """

    def __init__(
        self, in_channels: int, connections: tuple[tuple[int, ...], ...], kernel_size: int = 5
    ) -> None:
        super().__init__()
        self.in_channels = in_channels
        self.connections = tuple(tuple(c) for c in connections)
        self.out_channels = len(connections)
        self.kernel_size = kernel_size
        self.stride = 1
        self.padding = 0
        pairs = [(o, i) for o, inputs in enumerate(connections) for i in inputs]
        self.out_index: torch.Tensor
        self.in_index: torch.Tensor
        self.register_buffer("out_index", torch.tensor([o for o, _ in pairs]), persistent=False)
        self.register_buffer("in_index", torch.tensor([i for _, i in pairs]), persistent=False)
        fan_in = torch.tensor([len(connections[o]) for o, _ in pairs], dtype=torch.float32)
        bound = (1.0 / (fan_in * kernel_size * kernel_size)).sqrt().view(-1, 1, 1)
        self.weight = nn.Parameter(
            (torch.rand(len(pairs), kernel_size, kernel_size) * 2 - 1) * bound
        )
        self.bias = nn.Parameter(torch.zeros(self.out_channels))

    @property
    def weight_full(self) -> torch.Tensor:
        """The dense ``(out, in, k, k)`` kernel, zero where the table has no connection."""
        k = self.kernel_size
        full = self.weight.new_zeros(self.out_channels, self.in_channels, k, k)
        return full.index_put((self.out_index, self.in_index), self.weight)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.conv2d(x, self.weight_full, self.bias)


# The paper's input scaling (Section II-B): background −0.1, ink 1.175, so the mean is about 0
# and the variance about 1. As a (mean, std) normalisation of [0, 1] pixels: x' = (x − m) / s
# with s = 1 / 1.275 and m = 0.1·s.
PAPER_STD = 1.0 / 1.275
PAPER_MEAN = 0.1 * PAPER_STD

# The RBF output's fixed ±1 codes: a 7×12 bitmap of each digit ('#' = +1, '.' = −1), drawn for
# this project after the stylised ASCII digits of LeCun et al. 1998, Fig. 3 ("the bitmaps of
# the characters ... drawn on a 7×12 grid"), so that F6's 84 outputs, drawn as a 7×12 picture,
# look like the digit the network sees.
RBF_BITMAPS: tuple[str, ...] = (
    ".#####.|##...##|##...##|##...##|##...##|##...##|##...##|##...##|##...##|##...##|##...##|.#####.",
    "...##..|..###..|.####..|...##..|...##..|...##..|...##..|...##..|...##..|...##..|...##..|.######",
    ".#####.|##...##|.....##|.....##|....##.|...##..|..##...|.##....|##.....|##.....|##.....|#######",
    ".#####.|##...##|.....##|.....##|....##.|..###..|....##.|.....##|.....##|.....##|##...##|.#####.",
    "....##.|...###.|..####.|.##.##.|##..##.|##..##.|#######|....##.|....##.|....##.|....##.|...####",
    "#######|##.....|##.....|##.....|######.|.....##|.....##|.....##|.....##|.....##|##...##|.#####.",
    "..####.|.##....|##.....|##.....|######.|##...##|##...##|##...##|##...##|##...##|##...##|.#####.",
    "#######|.....##|.....##|....##.|....##.|...##..|...##..|..##...|..##...|..##...|..##...|..##...",
    ".#####.|##...##|##...##|##...##|.#####.|##...##|##...##|##...##|##...##|##...##|##...##|.#####.",
    ".#####.|##...##|##...##|##...##|##...##|.######|.....##|.....##|.....##|.....##|....##.|.####..",
)  # fmt: skip
RBF_SHAPE = (12, 7)  # rows (high), columns (wide)


def rbf_codes() -> torch.Tensor:
    """``(10, 84)`` the ten ±1 codes, row by row of each 7×12 bitmap."""
    rows = []
    for bitmap in RBF_BITMAPS:
        text = bitmap.replace("|", "")
        rows.append([1.0 if c == "#" else -1.0 for c in text])
    return torch.tensor(rows)


class RBFOutput(nn.Module):
    """LeNet-5's output layer: one Euclidean radial basis function unit per class,
    ``y_i = Σ_j (x_j − w_ij)²``, with fixed ±1 weights (:data:`RBF_BITMAPS`, not trained).
    The nearest code wins, so the layer returns ``−y`` as logits: the softmax of ``−y`` gives
    the probabilities shown, and the largest logit is the smallest distance."""

    def __init__(self, num_classes: int = 10) -> None:
        super().__init__()
        codes = rbf_codes()
        if num_classes > codes.shape[0]:
            raise ValueError(f"the RBF output has codes for 10 classes, not {num_classes}")
        self.centres: torch.Tensor
        self.register_buffer("centres", codes[:num_classes].clone())
        self.in_features = codes.shape[1]
        self.out_features = num_classes

    @property
    def fixed_parameters(self) -> int:
        """Weights the layer has but training never changes (the 840 code values)."""
        return self.centres.numel()

    def distances(self, x: torch.Tensor) -> torch.Tensor:
        """``(N, 84) → (N, classes)`` squared Euclidean distances to each class's code."""
        return ((x.unsqueeze(1) - self.centres.unsqueeze(0)) ** 2).sum(-1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return -self.distances(x)


def lenet5(num_classes: int = 10, pad_value: float = 0.0, rbf: bool = True) -> nn.Sequential:
    """LeCun et al. 1998. ``pad_value`` is the normalised value of a blank pixel, so the
    28×28 → 32×32 border is background, as the paper's 32×32 field was. ``rbf``: the paper's
    Euclidean RBF output with fixed 7×12 codes (ten classes at most); False gives an ordinary
    84 → classes linear output (the files made before the RBF layer existed)."""
    units = F6_UNITS
    output: nn.Module = (
        RBFOutput(num_classes) if rbf and num_classes <= 10 else nn.Linear(units, num_classes)
    )
    build = {  # each kind of lenet5_layout.LAYOUT, as a torch module
        "pad": lambda layer: nn.ConstantPad2d(PADDING, pad_value),
        "conv": lambda layer: nn.Conv2d(layer.inputs, layer.outputs, kernel_size=layer.kernel),
        "sparse": lambda layer: SparseConv2d(layer.inputs, C3_CONNECTIONS, layer.kernel),
        "subsampling": lambda layer: Subsampling(layer.outputs),
        "squash": lambda layer: Squash(),
        "flatten": lambda layer: nn.Flatten(),
        "linear": lambda layer: nn.Linear(layer.inputs, layer.outputs),
        "output": lambda layer: output,
    }
    return nn.Sequential(OrderedDict((layer.name, build[layer.kind](layer)) for layer in LAYOUT))


def build_model(
    architecture: str | Spec,
    num_classes: int = 10,
    normalization: tuple[float, float] = (0.0, 1.0),
) -> nn.Sequential:
    """A freshly initialised network: a preset's name (``lenet5``, ``d2l``, ``modern``, …) or a
    :class:`~lenet_desktop.specs.Spec`.

    ``normalization`` is the (mean, std) its inputs are normalised with; ``lenet5`` needs it to
    pad with the background value. Raises SpecError for an unknown name or a broken spec.
    """
    if architecture == "lenet5":
        mean, std = normalization
        return lenet5(num_classes, pad_value=-mean / std)
    if isinstance(architecture, str):
        if architecture not in PRESET_LAYERS:
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "unknown architecture {name!r} (known: {known})"),
                name=architecture,
                known=", ".join(ARCHITECTURES),
            )
        architecture = preset_spec(architecture, num_classes)
    return build_network(architecture, num_classes)


def initialize_weights(network: nn.Module, scheme: str) -> nn.Module:
    """Re-initialise ``network`` in place: ``default`` keeps PyTorch's initialisation;
    ``xavier`` draws every ``Conv2d`` and ``Linear`` weight from Xavier's uniform distribution
    (±√(6 / (fan_in + fan_out))), as D2L's ``init_weights`` does; biases are kept."""
    if scheme == "xavier":
        for module in network.modules():
            if isinstance(module, (nn.Linear, nn.Conv2d)) and type(module) in (
                nn.Linear,
                nn.Conv2d,
            ):
                nn.init.xavier_uniform_(module.weight)
    elif scheme != "default":
        raise ValueError(f"unknown initialisation {scheme!r} (known: default, xavier)")
    return network


def layer_kind(module: nn.Module) -> str:
    """What a layer does, in the words of the notes: conv, pool, activation, norm, linear, …
    (the table of layer types says: :func:`lenet_desktop.specs.layer_types.kind_of`)."""
    return kind_of(module)


def conv_kernels(module: nn.Module) -> torch.Tensor | None:
    """The learned ``(out, in, k, k)`` kernels of a conv layer (None for other layers)."""
    if isinstance(module, SparseConv2d):
        return module.weight_full.detach()
    if isinstance(module, nn.Conv2d):
        return module.weight.detach()
    return None


def sparse_connections(module: nn.Module) -> tuple[tuple[int, ...], ...] | None:
    """For a partly connected convolution (LeNet-5's C3), which input maps each output map
    reads; None for every other layer."""
    if isinstance(module, SparseConv2d):
        return module.connections
    return None
