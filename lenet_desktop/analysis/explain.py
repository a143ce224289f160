"""Explain every number: how one value of one layer was computed from the layer before it.

For any unit the learner selects, :func:`explain` redoes that one value's arithmetic in float64
from the forward pass's own (float32) inputs and the layer's weights, step by step, and keeps
every intermediate number: a convolution's patches (padding shown as zeros), kernels,
element-wise products and sums; a pooling window and its winner or mean; batch
normalisation's (x − μ) / √(σ² + ε) · γ + β; an activation's input and output; a fully
connected unit's largest contributions w·x; the output's softmax. ``total`` is the recomputed
value and ``recorded`` the one the forward pass produced (they agree to about 1e-6).

The receptive field of every layer follows the jump/offset recurrence of the notes (a unit of
layer l sees r_l × r_l input pixels; neighbouring units' fields are j_l pixels apart)::

    j_out = s · j_in        r_out = r_in + (k − 1) · j_in        start_out = start_in − p · j_in

Data in: ``layers`` (the network's ``(name, module)`` pairs, as :class:`inference.Predictor`
keeps them), a :class:`inference.Prediction` and a :class:`results.Unit`. Nothing here imports
Qt; the explanation panel only shows these values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from lenet_desktop.analysis.explanations import (
    ActivationExplanation,
    ConvChannel,
    ConvExplanation,
    CopyExplanation,
    Explanation,
    LinearExplanation,
    NormExplanation,
    PoolExplanation,
    RBFExplanation,
    Softmax,
    Term,
    Unexplained,
)
from lenet_desktop.specs.geometry import FieldArithmetic, pair, receptive_fields, unit_field
from lenet_desktop.specs.layer_types import kind_of, row_of

__all__ = [
    "ActivationExplanation", "ConvChannel", "ConvExplanation", "CopyExplanation", "EXPLAINERS",
    "Explanation", "LinearExplanation", "NormExplanation", "PoolExplanation", "RBFExplanation",
    "Softmax", "Term", "Unexplained", "explain",
]  # fmt: skip

if TYPE_CHECKING:
    from torch import nn

    from lenet_desktop.analysis.results import Unit
    from lenet_desktop.nn.inference import Prediction

TOP_TERMS = 10  # a fully connected unit: how many of the largest contributions are listed


def _numpy(tensor) -> np.ndarray:
    return tensor.detach().to("cpu", dtype=_float64()).numpy()


def _float64():
    import torch  # deferred: torch

    return torch.float64


def _value(array: np.ndarray, unit: Unit) -> float:
    if array.ndim == 1:
        return float(array[unit.channel])
    return float(array[unit.channel, unit.row or 0, unit.col or 0])


def _name_index(name: str, shape: tuple[int, ...], flat: int) -> str:
    if len(shape) <= 1:
        return f"{name}[{flat}]"
    return f"{name}[{', '.join(str(int(i)) for i in np.unravel_index(flat, shape))}]"


def _window(
    x: np.ndarray, row: int, col: int, k: int, s: int, p: int, d: int = 1, fill: float = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """``x`` ``(C, H, W)`` → the ``(C, k, k)`` window of output (row, col) and where it lies in
    the padding (filled with ``fill``)."""
    channels, height, width = x.shape
    rows = row * s - p + d * np.arange(k)
    cols = col * s - p + d * np.arange(k)
    inside = ((rows >= 0) & (rows < height))[:, None] & ((cols >= 0) & (cols < width))[None, :]
    window = np.full((channels, k, k), fill, dtype=np.float64)
    r, c = np.clip(rows, 0, height - 1), np.clip(cols, 0, width - 1)
    taken = x[:, r[:, None], c[None, :]].astype(np.float64)
    window[:, inside] = taken[:, inside]
    return window, ~inside


@dataclass(frozen=True)
class _Step:
    """What every explainer is given: the layer's module and input ``x`` (float32, batch
    dropped), the unit and its position, the fields every explanation carries (``common``)."""

    module: Any
    x: np.ndarray
    unit: Unit
    prediction: Prediction
    modules: dict[str, Any]
    names: list[str]
    position: int
    source: str
    common: dict[str, Any]
    scaling: tuple[float, float] = (0.0, 1.0)  # the model's input scaling (mean, std)

    @property
    def at(self) -> tuple[int, int, int]:
        return self.unit.channel, self.unit.row or 0, self.unit.col or 0

    def softmax(self) -> Softmax:
        p = self.prediction
        logits = p.logits.astype(np.float64) / p.temperature
        exps = np.exp(logits - logits.max())
        c = self.unit.channel
        return Softmax(
            p.logits.astype(np.float64), float(p.temperature), exps / exps.sum(), c,
            float(p.probabilities[c]), exps,
        )  # fmt: skip


def _conv(step: _Step) -> Explanation | None:
    module, x, common = step.module, step.x, step.common
    if x.ndim != 3 or getattr(module, "padding_mode", "zeros") != "zeros":
        return None
    c, row, col = step.at
    k = pair(module.kernel_size)[0]
    s, p = pair(module.stride)[0], pair(module.padding)[0]
    d = pair(getattr(module, "dilation", 1))[0]
    connections = getattr(module, "connections", None)
    if connections is not None:  # LeNet-5's partly connected C3
        weight = _numpy(module.weight_full)
        inputs: tuple[int, ...] = connections[c]
        kernels = [weight[c, i] for i in inputs]
    else:
        weight = _numpy(module.weight)
        groups = module.groups
        per_group = module.in_channels // groups
        group = c // (module.out_channels // groups)
        inputs = tuple(range(group * per_group, (group + 1) * per_group))
        kernels = [weight[c, i - group * per_group] for i in inputs]
    windows, padded = _window(x, row, col, k, s, p, d)
    first = step.position == 0  # its input is the network's: show the pixels, in [0, 1]
    mean, std = step.scaling
    channels = tuple(
        ConvChannel(
            i, windows[i], padded, kernel, windows[i] * kernel,
            np.where(padded, 0.0, windows[i] * std + mean) if first else None,
        )
        for i, kernel in zip(inputs, kernels)
    )  # fmt: skip
    bias = 0.0 if module.bias is None else float(_numpy(module.bias)[c])
    total = float(sum(ch.sum for ch in channels)) + bias
    return ConvExplanation(
        **common, channels=channels, bias=bias, total=total, kernel_size=k, stride=s,
        padding=p, in_channels=x.shape[0], connections=connections,
        scaling=(float(mean), float(std)) if first else None,
    )  # fmt: skip


def _pool(step: _Step) -> Explanation | None:
    module, x, common = step.module, step.x, step.common
    if x.ndim != 3:
        return None
    c, row, col = step.at
    k = pair(module.kernel_size)[0]
    s = pair(module.stride or k)[0]
    p = pair(module.padding)[0]
    layer_type = row_of(module)
    mode = layer_type.pool if layer_type is not None else None
    if mode == "max":
        d = pair(module.dilation)[0]
        window, padded = _window(x[c : c + 1], row, col, k, s, p, d, fill=-np.inf)
        window, winner = window[0], np.unravel_index(int(np.argmax(window[0])), (k, k))
        return PoolExplanation(
            **common, mode="max", window=window, padded=padded, total=float(window.max()),
            winner=(int(winner[0]), int(winner[1])),
        )  # fmt: skip
    window, padded = _window(x[c : c + 1], row, col, k, s, p)
    window = window[0]
    if mode == "subsampling":
        scale, shift = float(_numpy(module.weight)[c]), float(_numpy(module.bias)[c])
        return PoolExplanation(
            **common, mode="subsampling", window=window, padded=padded,
            total=float(window.sum()) * scale + shift, weight=scale, bias=shift,
        )  # fmt: skip
    count = k * k if module.count_include_pad else int((~padded).sum())
    divisor = module.divisor_override or count
    return PoolExplanation(
        **common, mode="avg", window=window, padded=padded, total=float(window.sum()) / divisor
    )


def _norm(step: _Step) -> Explanation | None:
    module, c = step.module, step.unit.channel
    if module.running_mean is None:
        return None
    value = _value(step.x, step.unit)
    mean = float(_numpy(module.running_mean)[c])
    var = float(_numpy(module.running_var)[c])
    gamma = 1.0 if module.weight is None else float(_numpy(module.weight)[c])
    beta = 0.0 if module.bias is None else float(_numpy(module.bias)[c])
    eps = float(module.eps)
    total = (value - mean) / float(np.sqrt(var + eps)) * gamma + beta
    return NormExplanation(
        **step.common, x=value, mean=mean, var=var, eps=eps, gamma=gamma, beta=beta, total=total
    )


def _activation(step: _Step) -> Explanation | None:
    layer_type = row_of(step.module)
    if layer_type is None or layer_type.function is None or layer_type.formula is None:
        return None
    value = _value(step.x, step.unit)
    return ActivationExplanation(
        **step.common, function=layer_type.name, word=layer_type.word,
        formula=layer_type.formula(step.module), x=value,
        total=layer_type.function(step.module, value),
    )  # fmt: skip


def _linear(step: _Step) -> Explanation | None:
    module, x = step.module, step.x
    if not (x.ndim == 1 or (x.ndim == 3 and x.shape[1:] == (1, 1))):
        return None
    c = step.unit.channel
    vector = x.reshape(-1).astype(np.float64)
    weights = _numpy(module.weight)[c]
    products = weights * vector
    order = np.argsort(-np.abs(products), kind="stable")
    shown, hidden = order[:TOP_TERMS], order[TOP_TERMS:]
    source, names, position = step.source, step.names, step.position
    before = step.prediction.layer_input(source) if source in step.modules else None
    origin, shape = source, x.shape
    if before is not None and kind_of(step.modules[source]) == "flatten":
        origin, shape = (names[position - 2] if position > 1 else "input"), before.shape
    terms = tuple(
        Term(int(i), _name_index(origin, shape, int(i)), float(weights[i]), float(vector[i]))
        for i in shown
    )
    bias = 0.0 if module.bias is None else float(_numpy(module.bias)[c])
    last = position == len(names) - 1
    return LinearExplanation(
        **step.common, bias=bias, terms=terms, rest=float(products[hidden].sum()),
        rest_count=int(hidden.size), total=bias + float(products.sum()),
        inputs=int(vector.size), softmax=step.softmax() if last else None,
    )  # fmt: skip


def _rbf(step: _Step) -> Explanation | None:
    x = step.x
    if x.ndim != 1:
        return None
    vector = x.astype(np.float64)
    code = _numpy(step.module.centres)[step.unit.channel]
    squares = (vector - code) ** 2
    order = np.argsort(-squares, kind="stable")
    shown, hidden = order[:TOP_TERMS], order[TOP_TERMS:]
    terms = tuple(
        Term(int(i), _name_index(step.source, x.shape, int(i)), float(code[i]), float(vector[i]))
        for i in shown
    )
    distance = float(squares.sum())
    return RBFExplanation(
        **step.common, terms=terms, rest=float(squares[hidden].sum()),
        rest_count=int(hidden.size), distance=distance, total=-distance, softmax=step.softmax(),
    )  # fmt: skip


def _flatten(step: _Step) -> Explanation | None:
    c = step.unit.channel
    return CopyExplanation(
        **step.common, operation="flatten", source=step.source,
        where=_name_index(step.source, step.x.shape, c), total=float(step.x.reshape(-1)[c]),
    )  # fmt: skip


def _dropout(step: _Step) -> Explanation | None:
    x = step.x
    flat = int(np.ravel_multi_index(step.at[: x.ndim], x.shape))
    return CopyExplanation(
        **step.common, operation="dropout", source=step.source,
        where=_name_index(step.source, x.shape, flat), total=_value(x, step.unit),
    )  # fmt: skip


def _pad(step: _Step) -> Explanation | None:
    module, x = step.module, step.x
    c, row, col = step.at
    left, _, top, _ = module.padding
    r, q = row - top, col - left
    inside = 0 <= r < x.shape[1] and 0 <= q < x.shape[2]
    source = step.source
    return CopyExplanation(
        **step.common, operation="pad", source=source if inside else "",
        where=f"{source}[{c}, {r}, {q}]" if inside else "",
        total=float(x[c, r, q]) if inside else float(module.value),
    )  # fmt: skip


# How each kind of layer (a row's ``kind`` in the table of layer types) is explained.
EXPLAINERS: dict[str, Callable[[_Step], Explanation | None]] = {
    "conv": _conv,
    "pool": _pool,
    "norm": _norm,
    "activation": _activation,
    "linear": _linear,
    "rbf": _rbf,
    "flatten": _flatten,
    "dropout": _dropout,
    "pad": _pad,
}


def explain(
    layers: list[tuple[str, nn.Module]],
    prediction: Prediction,
    unit: Unit,
    fields: dict[str, FieldArithmetic] | None = None,
    scaling: tuple[float, float] = (0.0, 1.0),
) -> Explanation:
    """How ``unit``'s value in ``prediction`` was computed (see the module's docstring).

    ``layers``: the network's ``(name, module)`` pairs; ``fields``: their receptive fields
    (computed when not given); ``scaling``: the model's input scaling (mean, std), so the first
    layer's explanation starts from the pixels in [0, 1] the learner sees. KeyError for a layer
    the prediction does not hold.
    """
    modules = dict(layers)
    module = modules[unit.layer]
    fields = fields or receptive_fields(layers)
    recorded = _value(prediction.activations[unit.layer], unit)
    field = unit_field(fields[unit.layer], unit.row, unit.col)
    names = list(modules)
    position = names.index(unit.layer)
    common: dict[str, Any] = {"unit": unit, "field": field, "recorded": recorded}
    step = _Step(
        module, prediction.layer_input(unit.layer), unit, prediction, modules, names, position,
        names[position - 1] if position else "input", common, scaling,
    )  # fmt: skip
    explainer = EXPLAINERS.get(kind_of(module))
    explained = explainer(step) if explainer is not None else None
    return explained or Unexplained(**common, type_name=type(module).__name__)
