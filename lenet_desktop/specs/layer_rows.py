"""What a row of the layer-type table (:mod:`.layer_types`) is made of: a spec's layer
(:class:`LayerSpec`), a key it takes (:class:`Key`), the row itself (:class:`LayerType`), and
the pieces rows share — descriptions beside the maps, PyTorch builders, element-wise
functions, NumPy forward passes and code texts — with LeNet-5's constants.

Plain Python: torch and numpy are imported only inside the functions that make modules or
arrays."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from lenet_desktop.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from torch import nn

# LeNet-5's squashing function f(a) = A·tanh(S·a) (LeCun et al. 1998, Appendix A).
SQUASH_AMPLITUDE = 1.7159
SQUASH_SLOPE = (2, 3)  # S = 2/3, as a fraction: the formula writes "2a/3"
# LeCun et al. 1998, Table I: which S2 maps each C3 map reads (torch's network and the NumPy
# forward pass of the first seconds both build C3 from it).
C3_CONNECTIONS: tuple[tuple[int, ...], ...] = (
    (0, 1, 2), (1, 2, 3), (2, 3, 4), (3, 4, 5), (4, 5, 0), (5, 0, 1),
    (0, 1, 2, 3), (1, 2, 3, 4), (2, 3, 4, 5), (3, 4, 5, 0), (4, 5, 0, 1), (5, 0, 1, 2),
    (0, 1, 3, 4), (1, 2, 4, 5), (0, 2, 3, 5),
    (0, 1, 2, 3, 4, 5),
)  # fmt: skip


@dataclass(frozen=True)
class LayerSpec:
    """One layer as a spec writes it, with the defaults filled in (stride of a conv 1, of a
    pool its kernel; padding 0). Keys a type does not take stay None. The fields are the
    union of every row's keys."""

    type: str
    channels: int | None = None
    kernel: int | None = None
    padding: int | None = None
    stride: int | None = None
    features: int | None = None
    p: float | None = None
    slope: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Key:
    """One key a layer type takes. ``default`` None: the key is required. Whole numbers
    range over ``smallest``…``largest``; a fraction (``whole`` False) over
    ``smallest`` ≤ value < ``largest``."""

    name: str
    word: str  # what the editor's column says (translatable, context "layer keys")
    default: float | None = None
    smallest: float = 1
    largest: float = 64
    whole: bool = True
    start: float | None = None  # what a new layer of this type starts with in the editor
    default_from: str | None = None  # the default is another key's value (a pool's stride)
    attribute: str | None = None  # PyTorch's name for it (a module's argument), if another

    @property
    def required(self) -> bool:
        return self.default is None and self.default_from is None

    @property
    def initial(self) -> float | None:
        return self.start if self.start is not None else self.default


# A part of a layer's description: an English template (context "layers") and its values; a
# value that is text is itself a template of that context.
Words = tuple[tuple[str, tuple[Any, ...]], ...]


@dataclass(frozen=True)
class LayerType:
    """One row of the table (see the module's docstring).

    ``modules``: the class names of the PyTorch modules this row describes. ``letter``: the
    notes' letter of a numbered layer (C, S, F); None for layers named after the one before
    (``C1_relu``), with ``suffix``. ``function(module, x)`` and ``formula(module)``: an
    element-wise activation's arithmetic, for the explanation panel."""

    name: str
    kind: str
    word: str
    modules: tuple[str, ...]
    describe: Callable[[Any], Words]
    keys: tuple[Key, ...] = ()
    build: Callable[[LayerSpec, tuple[int, ...]], nn.Module] | None = None
    letter: str | None = None
    suffix: str | None = None
    spec: bool = True
    parameters: Callable[[LayerSpec, tuple[int, ...]], int] | None = None
    function: Callable[[Any, float], float] | None = None
    formula: Callable[[Any], str] | None = None
    code: Callable[[LayerSpec, tuple[int, ...]], str] | None = None  # ``nn.ReLU()``, as a book
    array: Callable[[LayerSpec], Callable[[Any], Any]] | None = None  # NumPy, for no-weight rows
    short: str | None = None  # in a run's name (context "run names"); None: the type's name
    family: str | None = None  # an activation's recipe family ("relu", "sigmoid")
    monotone: bool = False  # an activation that never decreases: it commutes with a max pool
    functions: tuple[str, ...] = ()  # its torch.nn.functional names (a notebook's forward)
    pool: str | None = None  # how a pool combines its window: "max", "avg" or "subsampling"
    # PyTorch arguments the row stands for at these values only (a notebook's other value is
    # refused, not drawn as something else)
    only: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def key(self, name: str) -> Key | None:
        return next((k for k in self.keys if k.name == name), None)

    @property
    def key_names(self) -> tuple[str, ...]:
        """The keys, required ones first."""
        ordered = sorted(self.keys, key=lambda k: not k.required)
        return tuple(k.name for k in ordered)

    def defaults(self) -> dict[str, Any]:
        """What a new layer of this type starts with (the editor's *Add*)."""
        return {k.name: k.initial for k in self.keys if k.initial is not None}


def _first(value: Any) -> int:
    return int(value[0]) if isinstance(value, (tuple, list)) else int(value)


# -- descriptions ------------------------------------------------------------------------------


def conv_words(module: Any) -> Words:
    k, p, s = (_first(getattr(module, a)) for a in ("kernel_size", "padding", "stride"))
    sparse = getattr(module, "connections", None) is not None
    parts: list[tuple[str, tuple[Any, ...]]] = [
        (
            QT_TRANSLATE_NOOP("layers", "convolution {0}×{0}, partly connected")
            if sparse
            else QT_TRANSLATE_NOOP("layers", "convolution {0}×{0}"),
            (k,),
        )
    ]
    if p:
        parts.append((QT_TRANSLATE_NOOP("layers", ", padding {0}"), (p,)))
    if s != 1:
        parts.append((QT_TRANSLATE_NOOP("layers", ", stride {0}"), (s,)))
    return tuple(parts)


def pool_words(word: str) -> Callable[[Any], Words]:
    def describe(module: Any) -> Words:
        k, s, p = (_first(getattr(module, a)) for a in ("kernel_size", "stride", "padding"))
        parts: list[tuple[str, tuple[Any, ...]]] = [
            (QT_TRANSLATE_NOOP("layers", "{0} {1}×{1}, stride {2}"), (word, k, s))
        ]
        if p:
            parts.append((QT_TRANSLATE_NOOP("layers", ", padding {0}"), (p,)))
        return tuple(parts)

    return describe


def fixed(template: str, *values: Any) -> Callable[[Any], Words]:
    return lambda module: ((template, values),)


# -- building ----------------------------------------------------------------------------------


def torch_nn() -> Any:
    from torch import nn  # deferred: NumPy, torch

    return nn


def build_conv(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
    from torch import nn  # deferred: NumPy, torch

    assert layer.channels is not None and layer.kernel is not None
    return nn.Conv2d(
        in_shape[0],
        layer.channels,
        kernel_size=layer.kernel,
        stride=layer.stride or 1,
        padding=layer.padding or 0,
    )


def build_pool(cls: str) -> Callable[[LayerSpec, tuple[int, ...]], nn.Module]:
    def build(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
        from torch import nn  # deferred: NumPy, torch

        assert layer.kernel is not None
        pool = getattr(nn, cls)
        return pool(kernel_size=layer.kernel, stride=layer.stride, padding=layer.padding or 0)

    return build


def build_plain(cls: str) -> Callable[[LayerSpec, tuple[int, ...]], nn.Module]:
    def build(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
        from torch import nn  # deferred: NumPy, torch

        return getattr(nn, cls)()

    return build


def build_linear(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
    from torch import nn  # deferred: NumPy, torch

    assert layer.features is not None
    return nn.Linear(in_shape[0], layer.features)


def build_batchnorm(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
    from torch import nn  # deferred: NumPy, torch

    norm = nn.BatchNorm2d if len(in_shape) == 3 else nn.BatchNorm1d
    return norm(in_shape[0])


def build_dropout(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
    from torch import nn  # deferred: NumPy, torch

    return nn.Dropout(layer.p or 0.0)


def sigmoid(module: Any, x: float) -> float:
    # written so that a large negative x does not overflow exp
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def squash(module: Any, x: float) -> float:
    return SQUASH_AMPLITUDE * math.tanh(SQUASH_SLOPE[0] * x / SQUASH_SLOPE[1])


SQUASH_TEXT = f"{SQUASH_AMPLITUDE}·tanh({SQUASH_SLOPE[0]}a/{SQUASH_SLOPE[1]})"

# -- the NumPy forward pass (nn.numpy_forward) and the code view (specs.code) ------------------


def numpy_module() -> Any:
    import numpy as np  # deferred on purpose: the table is read at start-up, before numpy

    return np


def same(x: Any) -> Any:
    return x


def np_sigmoid(layer: LayerSpec) -> Callable[[Any], Any]:
    np = numpy_module()
    return lambda x: np.exp(-np.logaddexp(x.dtype.type(0), -x))  # no overflow for x ≪ 0


def np_relu(layer: LayerSpec) -> Callable[[Any], Any]:
    np = numpy_module()
    return lambda x: np.maximum(x, x.dtype.type(0))


def np_leaky_relu(layer: LayerSpec) -> Callable[[Any], Any]:
    np, slope = numpy_module(), layer.slope or 0.0
    return lambda x: np.where(x >= 0, x, x.dtype.type(slope) * x)


def code_conv(layer: LayerSpec, in_shape: tuple[int, ...]) -> str:
    padding = f", padding={layer.padding}" if layer.padding else ""
    stride = f", stride={layer.stride}" if layer.stride not in (None, 1) else ""
    return (
        f"nn.Conv2d({in_shape[0]}, {layer.channels}, kernel_size={layer.kernel}{padding}{stride})"
    )


def code_pool(cls: str) -> Callable[[LayerSpec, tuple[int, ...]], str]:
    def code(layer: LayerSpec, in_shape: tuple[int, ...]) -> str:
        padding = f", padding={layer.padding}" if layer.padding else ""
        return f"nn.{cls}(kernel_size={layer.kernel}, stride={layer.stride}{padding})"

    return code


def code_plain(text: str) -> Callable[[LayerSpec, tuple[int, ...]], str]:
    return lambda layer, in_shape: text
