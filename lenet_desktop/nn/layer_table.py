"""The arithmetic the app teaches: each layer's output shape, parameter count, what it does,
its receptive field, and for conv and pool layers the output-size formula
(:data:`lenet_desktop.specs.geometry.FORMULA`) with the numbers filled in."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from lenet_desktop.specs.geometry import (
    FORMULA,
    INPUT_SHAPE,
    pair,
    receptive_fields,
    shape_text,
    size_formula,
)
from lenet_desktop.specs.layer_types import Words, describe, english, kind_of

if TYPE_CHECKING:
    from torch import nn

__all__ = ["FORMULA", "INPUT_SHAPE", "LayerRow", "layer_table", "shape_text", "size_formula"]


@dataclass(frozen=True)
class LayerRow:
    """One layer: ``output_shape`` excludes the batch dimension, e.g. ``(16, 10, 10)``."""

    name: str
    type: str
    kind: str
    output_shape: tuple[int, ...]
    parameters: int
    formula: str | None
    # Weights the layer has that training never changes (LeNet-5's RBF codes).
    fixed: int = 0
    receptive_field: str | None = None  # "14×14, jump 2": input pixels one unit sees
    # The same as numbers, for a view: the field's side and jump (None: the whole input).
    field_size: int | None = None
    field_jump: int | None = None
    input_shape: tuple[int, ...] = ()
    # What the layer does, as translatable parts (lenet_desktop.specs.layer_types.describe).
    words: Words = ()

    @property
    def operation(self) -> str:
        """What the layer does, in English."""
        return english(self.words)

    def as_json(self) -> dict:
        row = asdict(self)
        row["output_shape"] = list(self.output_shape)
        for key in ("field_size", "field_jump", "input_shape", "words"):
            row.pop(key)
        return row


def layer_table(network: nn.Sequential) -> list[LayerRow]:
    """Run one blank ``(1, *INPUT_SHAPE)`` input through ``network`` and describe every layer."""
    import torch  # deferred: NumPy, torch

    rows: list[LayerRow] = []
    inputs: dict[str, tuple[int, ...]] = {}
    outputs: dict[str, tuple[int, ...]] = {}
    handles = []
    for name, module in network.named_children():

        def record(mod, args, out, name=name):
            inputs[name] = tuple(args[0].shape[1:])
            outputs[name] = tuple(out.shape[1:])

        handles.append(module.register_forward_hook(record))
    was_training = network.training
    network.eval()
    try:
        device = next(network.parameters()).device
        with torch.inference_mode():
            network(torch.zeros((1, *INPUT_SHAPE), device=device))
    finally:
        network.train(was_training)
        for handle in handles:
            handle.remove()
    fields = receptive_fields(list(network.named_children()))
    for name, module in network.named_children():
        kind = kind_of(module)
        formula = None
        if kind in ("conv", "pool") and len(inputs[name]) == 3:
            # every conv and pool layer of the family has these (nn.Module types them loosely)
            kernel, padding, stride = (
                getattr(module, a) for a in ("kernel_size", "padding", "stride")
            )
            formula = size_formula(
                inputs[name][1], pair(kernel)[0], pair(padding)[0], pair(stride)[0]
            )
        rows.append(
            LayerRow(
                name=name,
                type=type(module).__name__,
                kind=kind,
                output_shape=outputs[name],
                parameters=sum(p.numel() for p in module.parameters()),
                formula=formula,
                fixed=int(getattr(module, "fixed_parameters", 0)),
                receptive_field=fields[name].text(),
                field_size=None if fields[name].whole else fields[name].size,
                field_jump=None if fields[name].whole else fields[name].jump,
                input_shape=inputs[name],
                words=describe(module),
            )
        )
    return rows


def total_parameters(network: nn.Module) -> int:
    """Trainable parameters (fixed weights such as the RBF codes not included)."""
    return sum(p.numel() for p in network.parameters())
