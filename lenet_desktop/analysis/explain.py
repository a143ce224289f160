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
keeps them), a :class:`inference.Prediction` and a :class:`session.Unit`. Nothing here imports
Qt; the explanation panel only shows these values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs.geometry import (
    Field,
    FieldArithmetic,
    pair,
    receptive_fields,
    unit_field,
)
from lenet_desktop.specs.layer_types import row_of

if TYPE_CHECKING:
    from torch import nn

    from lenet_desktop.nn.inference import Prediction
    from lenet_desktop.session import Unit

TOP_TERMS = 10  # a fully connected unit: how many of the largest contributions are listed


def field_on_picture(
    field: Field, image: np.ndarray, picture_ink: np.ndarray, threshold: float = 0.1
) -> tuple[float, float, float, float] | None:
    """Where a receptive field lies on the picture the input was made from, approximately.

    Preprocessing crops the picture's ink, scales it (aspect kept) and places it in the 28×28
    frame; this undoes that from the two ink boxes: ``image`` ``(28, 28)`` in [0, 1] (ink
    light) and ``picture_ink`` ``(H, W)`` in [0, 1] (1 = ink). Returns (x0, y0, x1, y1) in
    picture pixels (edges, exclusive end), or None when either has no ink. An approximation:
    antialiasing blurs the 28×28 ink box by up to a pixel.
    """
    small = _ink_box(image > threshold)
    large = _ink_box(picture_ink > threshold)
    if small is None or large is None:
        return None
    (st, sl, sb, sr), (lt, ll, lb, lr) = small, large
    scale = max(lb - lt, lr - ll) / max(sb - st, sr - sl)
    # Centre on centre: the crop box is placed whole in the frame.
    cy_small, cx_small = (st + sb) / 2, (sl + sr) / 2
    cy_large, cx_large = (lt + lb) / 2, (ll + lr) / 2

    def x(c: float) -> float:
        return cx_large + (c - cx_small) * scale

    def y(r: float) -> float:
        return cy_large + (r - cy_small) * scale

    return x(field.left), y(field.top), x(field.right + 1), y(field.bottom + 1)


def _ink_box(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return None
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


# -- explanations ----------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ConvChannel:
    """One input channel's part of a convolution: ``patch`` ``(k, k)`` the input values under
    the kernel (0 where the window lies in the padding, marked by ``padded``), ``kernel``
    ``(k, k)``, ``products`` = patch · kernel element-wise, and their ``sum``."""

    channel: int
    patch: np.ndarray
    padded: np.ndarray
    kernel: np.ndarray
    products: np.ndarray

    @property
    def sum(self) -> float:
        return float(self.products.sum())


@dataclass(frozen=True, eq=False)
class Explained:
    """What every explanation has: the ``unit``, the input pixels it sees (``field``) and the
    value the forward pass recorded there (the explanation's ``total`` must equal it)."""

    unit: Unit
    field: Field
    recorded: float


@dataclass(frozen=True, eq=False)
class ConvExplanation(Explained):
    """total = Σ over ``channels`` of Σ products + ``bias``: the pre-activation.

    ``connections``: LeNet-5's C3 table (which input maps each output map reads), else None."""

    channels: tuple[ConvChannel, ...]
    bias: float
    total: float
    kernel_size: int
    stride: int
    padding: int
    in_channels: int
    connections: tuple[tuple[int, ...], ...] | None = None
    kind: str = "conv"


@dataclass(frozen=True, eq=False)
class PoolExplanation(Explained):
    """``mode``: "max" (``winner`` = (row, col) of the largest value in ``window``), "avg"
    (total = the mean) or "subsampling" (LeNet-5: Σ window × ``weight`` + ``bias``)."""

    mode: str
    window: np.ndarray
    padded: np.ndarray
    total: float
    winner: tuple[int, int] | None = None
    weight: float | None = None
    bias: float | None = None
    kind: str = "pool"

    @property
    def sum(self) -> float:
        return float(self.window[~self.padded].sum())


@dataclass(frozen=True, eq=False)
class NormExplanation(Explained):
    """Batch normalisation with the running statistics: (x − μ) / √(σ² + ε) · γ + β."""

    x: float
    mean: float
    var: float
    eps: float
    gamma: float
    beta: float
    total: float
    kind: str = "norm"

    @property
    def normalised(self) -> float:
        return (self.x - self.mean) / float(np.sqrt(self.var + self.eps))


@dataclass(frozen=True, eq=False)
class ActivationExplanation(Explained):
    """An element-wise activation: ``function`` its layer type (a row of
    :mod:`lenet_desktop.specs.layer_types`), ``word`` what it is called (translatable, context
    "layer types"), ``formula`` as the panel writes it, ``x`` its input, ``total`` its output."""

    function: str
    word: str
    formula: str
    x: float
    total: float
    kind: str = "activation"


@dataclass(frozen=True, eq=False)
class Term:
    """One input of a fully connected unit: ``index`` in the input vector, ``where`` the same
    value named in the layer it came from (``S4[3, 1, 2]``), and w · x."""

    index: int
    where: str
    weight: float
    x: float

    @property
    def product(self) -> float:
        return self.weight * self.x


@dataclass(frozen=True, eq=False)
class Softmax:
    """The output layer's last step: p = e^(z/T) / Σ e^(z'/T) over every class, and the
    probability the chart shows."""

    logits: np.ndarray
    temperature: float
    probabilities: np.ndarray
    index: int
    shown: float

    @property
    def probability(self) -> float:
        return float(self.probabilities[self.index])


@dataclass(frozen=True, eq=False)
class LinearExplanation(Explained):
    """total = ``bias`` + Σ w·x: ``terms`` the largest |w·x| (sorted, largest first), the other
    ``rest_count`` summed in ``rest``. ``softmax``: for the output layer."""

    bias: float
    terms: tuple[Term, ...]
    rest: float
    rest_count: int
    total: float
    inputs: int
    softmax: Softmax | None = None
    kind: str = "linear"


@dataclass(frozen=True, eq=False)
class RBFExplanation(Explained):
    """LeNet-5's output unit: the squared distance y = Σ (x_j − w_j)² between F6's outputs x
    and the class's fixed ±1 code w; the logit is −y. ``terms``: the largest (x − w)², as
    Terms whose ``weight`` is the code value (their ``product`` is not used)."""

    terms: tuple[Term, ...]
    rest: float
    rest_count: int
    distance: float
    total: float
    softmax: Softmax | None = None
    kind: str = "rbf"


@dataclass(frozen=True, eq=False)
class CopyExplanation(Explained):
    """A layer that moves values without arithmetic (flatten, padding, dropout when
    predicting): the value came from ``source`` at ``where``, or is the padding value."""

    operation: str
    source: str
    where: str
    total: float
    kind: str = "copy"


@dataclass(frozen=True, eq=False)
class Unexplained(Explained):
    """A layer type this module does not explain (yet): its type name, and the value."""

    type_name: str
    total: float | None = None
    kind: str = "unexplained"


Explanation = (
    ConvExplanation
    | PoolExplanation
    | NormExplanation
    | ActivationExplanation
    | LinearExplanation
    | RBFExplanation
    | CopyExplanation
    | Unexplained
)

OPERATIONS = {
    "flatten": QT_TRANSLATE_NOOP("explain", "flatten: the same value, in a vector"),
    "pad": QT_TRANSLATE_NOOP("explain", "padding: the input value, or the padding value"),
    "dropout": QT_TRANSLATE_NOOP("explain", "dropout is off when predicting: the same value"),
}


def _numpy(tensor) -> np.ndarray:
    return tensor.detach().to("cpu", dtype=_float64()).numpy()


def _float64():
    import torch

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


def explain(
    layers: list[tuple[str, nn.Module]],
    prediction: Prediction,
    unit: Unit,
    fields: dict[str, FieldArithmetic] | None = None,
) -> Explanation:
    """How ``unit``'s value in ``prediction`` was computed (see the module's docstring).

    ``layers``: the network's ``(name, module)`` pairs; ``fields``: their receptive fields
    (computed when not given). KeyError for a layer the prediction does not hold.
    """
    from torch import nn

    from lenet_desktop.nn.models import SparseConv2d, Subsampling

    modules = dict(layers)
    module = modules[unit.layer]
    fields = fields or receptive_fields(layers)
    recorded = _value(prediction.activations[unit.layer], unit)
    field = unit_field(fields[unit.layer], unit.row, unit.col)
    x = prediction.layer_input(unit.layer)
    names = list(modules)
    position = names.index(unit.layer)
    source = names[position - 1] if position else "input"
    c, row, col = unit.channel, unit.row or 0, unit.col or 0
    common: dict[str, Any] = {"unit": unit, "field": field, "recorded": recorded}

    if isinstance(module, (nn.Conv2d, SparseConv2d)) and x.ndim == 3:
        if isinstance(module, nn.Conv2d) and module.padding_mode != "zeros":
            return Unexplained(**common, type_name=type(module).__name__)
        k = pair(module.kernel_size)[0]
        s, p = pair(module.stride)[0], pair(module.padding)[0]
        d = pair(getattr(module, "dilation", 1))[0]
        connections = None
        if isinstance(module, SparseConv2d):
            weight = _numpy(module.weight_full)
            connections = module.connections
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
        channels = tuple(
            ConvChannel(i, windows[i], padded, kernel, windows[i] * kernel)
            for i, kernel in zip(inputs, kernels)
        )
        bias = 0.0 if module.bias is None else float(_numpy(module.bias)[c])
        total = float(sum(ch.sum for ch in channels)) + bias
        return ConvExplanation(
            **common, channels=channels, bias=bias, total=total, kernel_size=k, stride=s,
            padding=p, in_channels=x.shape[0], connections=connections,
        )  # fmt: skip

    if isinstance(module, (nn.MaxPool2d, nn.AvgPool2d, Subsampling)) and x.ndim == 3:
        k = pair(module.kernel_size)[0]
        s = pair(module.stride or k)[0]
        p = pair(module.padding)[0]
        if isinstance(module, nn.MaxPool2d):
            d = pair(module.dilation)[0]
            window, padded = _window(x[c : c + 1], row, col, k, s, p, d, fill=-np.inf)
            window, winner = window[0], np.unravel_index(int(np.argmax(window[0])), (k, k))
            return PoolExplanation(
                **common, mode="max", window=window, padded=padded, total=float(window.max()),
                winner=(int(winner[0]), int(winner[1])),
            )  # fmt: skip
        window, padded = _window(x[c : c + 1], row, col, k, s, p)
        window = window[0]
        if isinstance(module, Subsampling):
            scale, shift = float(_numpy(module.weight)[c]), float(_numpy(module.bias)[c])
            return PoolExplanation(
                **common, mode="subsampling", window=window, padded=padded,
                total=float(window.sum()) * scale + shift, weight=scale, bias=shift,
            )  # fmt: skip
        count = k * k if module.count_include_pad else int((~padded).sum())
        divisor = module.divisor_override or count
        return PoolExplanation(
            **common, mode="avg", window=window, padded=padded,
            total=float(window.sum()) / divisor,
        )  # fmt: skip

    if isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)) and module.running_mean is not None:
        value = _value(x, unit)
        mean = float(_numpy(module.running_mean)[c])
        var = float(_numpy(module.running_var)[c])
        gamma = 1.0 if module.weight is None else float(_numpy(module.weight)[c])
        beta = 0.0 if module.bias is None else float(_numpy(module.bias)[c])
        eps = float(module.eps)
        total = (value - mean) / float(np.sqrt(var + eps)) * gamma + beta
        return NormExplanation(
            **common, x=value, mean=mean, var=var, eps=eps, gamma=gamma, beta=beta, total=total
        )

    layer_type = row_of(module)
    if layer_type is not None and layer_type.function and layer_type.formula:
        value = _value(x, unit)
        return ActivationExplanation(
            **common, function=layer_type.name, word=layer_type.word,
            formula=layer_type.formula(module), x=value,
            total=layer_type.function(module, value),
        )  # fmt: skip

    if (
        isinstance(module, nn.Linear)
        and x.ndim == 1
        or (isinstance(module, nn.Linear) and x.ndim == 3 and x.shape[1:] == (1, 1))
    ):
        vector = x.reshape(-1).astype(np.float64)
        weights = _numpy(module.weight)[c]
        products = weights * vector
        order = np.argsort(-np.abs(products), kind="stable")
        shown, hidden = order[:TOP_TERMS], order[TOP_TERMS:]
        before = prediction.layer_input(source) if source in modules else None
        origin, shape = source, x.shape
        if before is not None and isinstance(modules[source], nn.Flatten):
            origin, shape = (names[position - 2] if position > 1 else "input"), before.shape
        terms = tuple(
            Term(int(i), _name_index(origin, shape, int(i)), float(weights[i]), float(vector[i]))
            for i in shown
        )
        bias = 0.0 if module.bias is None else float(_numpy(module.bias)[c])
        rest = float(products[hidden].sum())
        total = bias + float(products.sum())
        softmax = None
        if position == len(names) - 1:
            logits = prediction.logits.astype(np.float64) / prediction.temperature
            exps = np.exp(logits - logits.max())
            softmax = Softmax(
                prediction.logits.astype(np.float64),
                float(prediction.temperature),
                exps / exps.sum(),
                c,
                float(prediction.probabilities[c]),
            )
        return LinearExplanation(
            **common, bias=bias, terms=terms, rest=rest, rest_count=int(hidden.size),
            total=total, inputs=int(vector.size), softmax=softmax,
        )  # fmt: skip

    from lenet_desktop.nn.models import RBFOutput

    if isinstance(module, RBFOutput) and x.ndim == 1:
        vector = x.astype(np.float64)
        code = _numpy(module.centres)[c]
        squares = (vector - code) ** 2
        order = np.argsort(-squares, kind="stable")
        shown, hidden = order[:TOP_TERMS], order[TOP_TERMS:]
        terms = tuple(
            Term(int(i), _name_index(source, x.shape, int(i)), float(code[i]), float(vector[i]))
            for i in shown
        )
        distance = float(squares.sum())
        logits = prediction.logits.astype(np.float64) / prediction.temperature
        exps = np.exp(logits - logits.max())
        softmax = Softmax(
            prediction.logits.astype(np.float64),
            float(prediction.temperature),
            exps / exps.sum(),
            c,
            float(prediction.probabilities[c]),
        )
        return RBFExplanation(
            **common, terms=terms, rest=float(squares[hidden].sum()), rest_count=int(hidden.size),
            distance=distance, total=-distance, softmax=softmax,
        )  # fmt: skip

    if isinstance(module, nn.Flatten):
        flat_shape = x.shape
        return CopyExplanation(
            **common, operation="flatten", source=source,
            where=_name_index(source, flat_shape, c), total=float(x.reshape(-1)[c]),
        )  # fmt: skip
    if isinstance(module, nn.Dropout):
        return CopyExplanation(
            **common, operation="dropout", source=source,
            where=_name_index(source, x.shape, int(np.ravel_multi_index(
                (c, row, col)[: x.ndim], x.shape))), total=_value(x, unit),
        )  # fmt: skip
    if isinstance(module, nn.ConstantPad2d):
        left, _, top, _ = module.padding
        r, q = row - top, col - left
        inside = 0 <= r < x.shape[1] and 0 <= q < x.shape[2]
        return CopyExplanation(
            **common, operation="pad", source=source if inside else "",
            where=f"{source}[{c}, {r}, {q}]" if inside else "",
            total=float(x[c, r, q]) if inside else float(module.value),
        )  # fmt: skip
    return Unexplained(**common, type_name=type(module).__name__)
