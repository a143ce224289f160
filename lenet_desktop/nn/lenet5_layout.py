"""LeNet-5 (LeCun et al. 1998) written once, as data: its layers in order, each a name, a kind
and its sizes. The torch network (:func:`lenet_desktop.nn.models.lenet5`) and the NumPy forward
pass of the window's first seconds (:func:`lenet_desktop.nn.numpy_forward.lenet5_layers`) are
both built from it, so they have the same layers under the same names.

Kinds: ``pad`` (the 28×28 input padded to the paper's 32×32 field with the background value),
``conv``, ``sparse`` (C3: a convolution whose output map ``o`` reads the inputs
:data:`~lenet_desktop.specs.layer_types.C3_CONNECTIONS` ``[o]``), ``subsampling`` (2×2 sum ×
weight + bias, per map), ``squash`` (A·tanh(S·a)), ``flatten``, ``linear`` and ``output`` (the
Euclidean RBF output, or a linear one in files made before it). Plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass

PADDING = 2  # 28 + 2 × 2 = the paper's 32
KERNEL = 5
F6_UNITS = 84  # the 7 × 12 bitmaps of the RBF codes


@dataclass(frozen=True)
class Layer:
    """One layer: ``inputs`` and ``outputs`` are channels (or features), ``kernel`` a side."""

    name: str
    kind: str
    inputs: int = 0
    outputs: int = 0
    kernel: int = 0


LAYOUT: tuple[Layer, ...] = (
    Layer("pad", "pad"),
    Layer("C1", "conv", 1, 6, KERNEL),
    Layer("S2", "subsampling", 6, 6),
    Layer("S2_squash", "squash"),
    Layer("C3", "sparse", 6, 16, KERNEL),
    Layer("S4", "subsampling", 16, 16),
    Layer("S4_squash", "squash"),
    Layer("C5", "conv", 16, 120, KERNEL),
    Layer("C5_squash", "squash"),
    Layer("flatten", "flatten"),
    Layer("F6", "linear", 120, F6_UNITS),
    Layer("F6_squash", "squash"),
    Layer("output", "output", F6_UNITS),
)
