"""What the views show of a network that does not change with the input, computed once per
model in the engine: every layer's row (name, what it does, shapes, parameters, formula,
receptive field, as numbers and translatable words), the learned kernels of every convolution
as arrays, and LeNet-5's RBF codes. Views take these values; none of them touches a module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from lenet_desktop.nn.layer_table import LayerRow, layer_table, total_parameters
from lenet_desktop.specs.geometry import INPUT_SHAPE, FieldArithmetic, receptive_fields
from lenet_desktop.specs.layer_types import SQUASH_AMPLITUDE

if TYPE_CHECKING:
    from torch import nn


@dataclass(frozen=True, eq=False)
class Kernels:
    """One convolution's learned kernels: ``weights`` ``(out, in, k, k)`` float32; ``missing``
    the (output, input) pairs a partly connected layer (LeNet-5's C3) does not connect."""

    layer: str
    weights: np.ndarray
    missing: frozenset[tuple[int, int]] = frozenset()


@dataclass(frozen=True, eq=False)
class RBFCodes:
    """LeNet-5's output: ``codes`` ``(classes, rows·cols)`` the fixed ±1 codes, drawn as
    ``shape`` (rows, columns) pictures; ``source`` the layer whose outputs they are compared with
    (F6), on the scale ``levels`` (the squashing function's range)."""

    layer: str
    source: str
    codes: np.ndarray
    shape: tuple[int, int]
    levels: tuple[float, float]


@dataclass(frozen=True, eq=False)
class Anatomy:
    """A network's facts for the views (see the module's docstring)."""

    rows: tuple[LayerRow, ...]
    kernels: tuple[Kernels, ...]
    rbf: RBFCodes | None
    total_parameters: int
    fields: dict[str, FieldArithmetic]
    input_shape: tuple[int, ...] = INPUT_SHAPE

    def row(self, name: str) -> LayerRow:
        return next(r for r in self.rows if r.name == name)

    @property
    def shapes(self) -> dict[str, tuple[int, ...]]:
        """Every layer's output shape, batch excluded."""
        return {r.name: r.output_shape for r in self.rows}


def kernels_of(network: nn.Module) -> tuple[Kernels, ...]:
    """Every convolution's kernels, in order (the Kernels tab and the runs' comparison)."""
    from lenet_desktop.nn.models import conv_kernels, sparse_connections  # deferred: torch

    found = []
    for name, module in network.named_children():
        weights = conv_kernels(module)
        if weights is None:
            continue
        connected = sparse_connections(module)
        out_maps, in_maps = weights.shape[:2]
        missing = frozenset(
            (o, i)
            for o in range(out_maps)
            for i in range(in_maps)
            if connected is not None and i not in connected[o]
        )
        found.append(Kernels(name, weights.float().cpu().numpy(), missing))
    return tuple(found)


def _rbf(network: nn.Module) -> RBFCodes | None:
    from lenet_desktop.nn.models import RBF_SHAPE, RBFOutput  # deferred: torch

    layers = list(network.named_children())
    for position, (name, module) in enumerate(layers):
        if isinstance(module, RBFOutput) and position > 0:
            # the codes are compared with the output of the last layer before (F6's squash)
            source = layers[position - 1][0]
            return RBFCodes(
                name,
                source,
                module.centres.float().cpu().numpy(),
                RBF_SHAPE,
                (-SQUASH_AMPLITUDE, SQUASH_AMPLITUDE),
            )
    return None


def anatomy(network: nn.Sequential) -> Anatomy:
    """The network's facts, from one blank forward pass (:func:`layer_table`)."""
    return Anatomy(
        rows=tuple(layer_table(network)),
        kernels=kernels_of(network),
        rbf=_rbf(network),
        total_parameters=total_parameters(network),
        fields=receptive_fields(network.named_children()),
    )
