"""The arithmetic the app teaches: each layer's output shape, parameter count, and for conv and
pool layers the output-size formula ⌊(n − k + 2p + s) / s⌋ with the numbers filled in."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn

from lenet_desktop.nn.models import layer_kind

INPUT_SHAPE = (1, 28, 28)
FORMULA = "⌊(n − k + 2p + s) / s⌋"


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

    def as_json(self) -> dict:
        row = asdict(self)
        row["output_shape"] = list(self.output_shape)
        return row


def _first(value: int | tuple[int, ...]) -> int:
    return value[0] if isinstance(value, tuple) else int(value)


def size_formula(n: int, kernel: int, padding: int, stride: int) -> str:
    """The notes' output-size formula with numbers, e.g. ``(14 − 5 + 0 + 1) / 1 = 10``.

    ``padding`` is per side; the formula adds both sides (2p). Floor brackets are shown when
    the division leaves a remainder.
    """
    numerator = n - kernel + 2 * padding + stride
    result = numerator // stride
    text = f"({n} − {kernel} + {2 * padding} + {stride}) / {stride}"
    if numerator % stride:
        text = f"⌊{text}⌋"
    return f"{text} = {result}"


def shape_text(shape: tuple[int, ...]) -> str:
    """``(16, 10, 10)`` → ``16×10×10``."""
    return "×".join(str(d) for d in shape)


def layer_table(network: nn.Sequential) -> list[LayerRow]:
    """Run one blank ``(1, 1, 28, 28)`` input through ``network`` and describe every layer."""
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
    from lenet_desktop.analysis.explain import receptive_fields

    fields = receptive_fields(list(network.named_children()))
    for name, module in network.named_children():
        kind = layer_kind(module)
        formula = None
        if kind in ("conv", "pool") and len(inputs[name]) == 3:
            # every conv and pool layer of the family has these (nn.Module types them loosely)
            kernel, padding, stride = (
                getattr(module, a) for a in ("kernel_size", "padding", "stride")
            )
            formula = size_formula(inputs[name][1], _first(kernel), _first(padding), _first(stride))
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
            )
        )
    return rows


def total_parameters(network: nn.Module) -> int:
    """Trainable parameters (fixed weights such as the RBF codes not included)."""
    return sum(p.numel() for p in network.parameters())
