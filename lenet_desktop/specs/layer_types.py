"""Every kind of layer the app knows, declared once: one row per layer type.

A row says what a spec file may write for the type (its keys, their defaults and limits), what
it is called (in English, marked for translation: the window shows it in Chinese too), what
kind of layer it is (conv, pool, activation, norm, dropout, flatten, linear), how a layer of
the notes' vocabulary is named after it (C1, S2, F5 or C1_relu), how it builds its PyTorch
module, how that module is described beside its maps, and — for an element-wise activation —
its function and formula, from which the explanation panel redoes its arithmetic.

Everything else asks this table: the spec parser and :func:`~lenet_desktop.specs.planning`, the
network builder, the layer table, the receptive fields, the explanations, the editor and the
feature maps' titles. Adding a layer type is one row here (and, if its arithmetic is new, its
explanation in :mod:`lenet_desktop.analysis.explain`) and its test.

LeNet-5's own layers (trainable subsampling, the partly connected C3, the scaled-tanh
squashing, the RBF output, the padding to 32×32) have rows too, with ``spec=False``: no spec
writes them, but the app describes, names and explains them like the others.

Plain Python: torch is imported only inside the ``build`` functions.
"""

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


def _conv_words(module: Any) -> Words:
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


def _pool_words(word: str) -> Callable[[Any], Words]:
    def describe(module: Any) -> Words:
        k, s, p = (_first(getattr(module, a)) for a in ("kernel_size", "stride", "padding"))
        parts: list[tuple[str, tuple[Any, ...]]] = [
            (QT_TRANSLATE_NOOP("layers", "{0} {1}×{1}, stride {2}"), (word, k, s))
        ]
        if p:
            parts.append((QT_TRANSLATE_NOOP("layers", ", padding {0}"), (p,)))
        return tuple(parts)

    return describe


def _fixed(template: str, *values: Any) -> Callable[[Any], Words]:
    return lambda module: ((template, values),)


# -- building ----------------------------------------------------------------------------------


def _nn() -> Any:
    from torch import nn

    return nn


def _build_conv(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
    from torch import nn

    assert layer.channels is not None and layer.kernel is not None
    return nn.Conv2d(
        in_shape[0],
        layer.channels,
        kernel_size=layer.kernel,
        stride=layer.stride or 1,
        padding=layer.padding or 0,
    )


def _build_pool(cls: str) -> Callable[[LayerSpec, tuple[int, ...]], nn.Module]:
    def build(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
        from torch import nn

        assert layer.kernel is not None
        pool = getattr(nn, cls)
        return pool(kernel_size=layer.kernel, stride=layer.stride, padding=layer.padding or 0)

    return build


def _build_plain(cls: str) -> Callable[[LayerSpec, tuple[int, ...]], nn.Module]:
    def build(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
        from torch import nn

        return getattr(nn, cls)()

    return build


def _build_linear(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
    from torch import nn

    assert layer.features is not None
    return nn.Linear(in_shape[0], layer.features)


def _build_batchnorm(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
    from torch import nn

    norm = nn.BatchNorm2d if len(in_shape) == 3 else nn.BatchNorm1d
    return norm(in_shape[0])


def _build_dropout(layer: LayerSpec, in_shape: tuple[int, ...]) -> nn.Module:
    from torch import nn

    return nn.Dropout(layer.p or 0.0)


def _sigmoid(module: Any, x: float) -> float:
    # written so that a large negative x does not overflow exp
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _squash(module: Any, x: float) -> float:
    return SQUASH_AMPLITUDE * math.tanh(SQUASH_SLOPE[0] * x / SQUASH_SLOPE[1])


SQUASH_TEXT = f"{SQUASH_AMPLITUDE}·tanh({SQUASH_SLOPE[0]}a/{SQUASH_SLOPE[1]})"

# -- the table -----------------------------------------------------------------------------------

_WINDOW = (
    Key("kernel", QT_TRANSLATE_NOOP("layer keys", "kernel"), start=2),
    Key("stride", QT_TRANSLATE_NOOP("layer keys", "stride"), default_from="kernel", start=2),
    Key("padding", QT_TRANSLATE_NOOP("layer keys", "padding"), default=0, smallest=0),
)
TABLE: tuple[LayerType, ...] = (
    LayerType(
        "conv", "conv", QT_TRANSLATE_NOOP("layer types", "convolution"),
        ("Conv2d", "SparseConv2d"), _conv_words,
        keys=(
            Key("channels", QT_TRANSLATE_NOOP("layer keys", "channels"), largest=4096, start=6),
            Key("kernel", QT_TRANSLATE_NOOP("layer keys", "kernel"), start=5),
            Key("padding", QT_TRANSLATE_NOOP("layer keys", "padding"), default=0, smallest=0),
            Key("stride", QT_TRANSLATE_NOOP("layer keys", "stride"), default=1),
        ),
        build=_build_conv, letter="C",
        parameters=lambda x, shape: (x.channels or 0) * (shape[0] * (x.kernel or 0) ** 2 + 1),
    ),
    LayerType(
        "maxpool", "pool", QT_TRANSLATE_NOOP("layer types", "max pooling"), ("MaxPool2d",),
        _pool_words(QT_TRANSLATE_NOOP("layers", "max pooling")),
        keys=_WINDOW, build=_build_pool("MaxPool2d"), letter="S",
    ),
    LayerType(
        "avgpool", "pool", QT_TRANSLATE_NOOP("layer types", "average pooling"), ("AvgPool2d",),
        _pool_words(QT_TRANSLATE_NOOP("layers", "average pooling")),
        keys=_WINDOW, build=_build_pool("AvgPool2d"), letter="S",
    ),
    LayerType(
        "sigmoid", "activation", QT_TRANSLATE_NOOP("layer types", "sigmoid"), ("Sigmoid",),
        _fixed(QT_TRANSLATE_NOOP("layers", "sigmoid")), build=_build_plain("Sigmoid"),
        function=_sigmoid, formula=lambda m: "σ(x) = 1 / (1 + e^(−x))",
    ),
    LayerType(
        "relu", "activation", QT_TRANSLATE_NOOP("layer types", "ReLU"), ("ReLU",),
        _fixed("ReLU"), build=_build_plain("ReLU"),
        function=lambda m, x: max(0.0, x), formula=lambda m: "ReLU(x) = max(0, x)",
    ),
    LayerType(
        "tanh", "activation", QT_TRANSLATE_NOOP("layer types", "tanh"), ("Tanh",),
        _fixed("tanh"), build=_build_plain("Tanh"),
        function=lambda m, x: math.tanh(x), formula=lambda m: "tanh(x)",
    ),
    # ReLU that lets a little of a negative input through (slope·x): no unit ever goes silent
    LayerType(
        "leakyrelu", "activation", QT_TRANSLATE_NOOP("layer types", "leaky ReLU"), ("LeakyReLU",),
        lambda m: ((QT_TRANSLATE_NOOP("layers", "leaky ReLU, slope {0:g}"), (m.negative_slope,)),),
        keys=(
            Key("slope", QT_TRANSLATE_NOOP("layer keys", "negative slope"), default=0.01,
                smallest=0.0, largest=1.0, whole=False),
        ),
        build=lambda layer, shape: _nn().LeakyReLU(layer.slope or 0.0),
        function=lambda m, x: x if x >= 0 else m.negative_slope * x,
        formula=lambda m: f"LeakyReLU(x) = max({m.negative_slope:g}·x, x)",
    ),
    LayerType(
        "batchnorm", "norm", QT_TRANSLATE_NOOP("layer types", "batch normalisation"),
        ("BatchNorm1d", "BatchNorm2d"), _fixed(QT_TRANSLATE_NOOP("layers", "batch normalisation")),
        build=_build_batchnorm, suffix="bn", parameters=lambda x, shape: 2 * shape[0],
    ),
    LayerType(
        "dropout", "dropout", QT_TRANSLATE_NOOP("layer types", "dropout"), ("Dropout",),
        _fixed(QT_TRANSLATE_NOOP("layers", "dropout (off when predicting)")),
        keys=(
            Key("p", QT_TRANSLATE_NOOP("layer keys", "dropout p"), smallest=0.0, largest=1.0,
                whole=False, start=0.5),
        ),
        build=_build_dropout,
    ),
    LayerType(
        "flatten", "flatten", QT_TRANSLATE_NOOP("layer types", "flatten"), ("Flatten",),
        _fixed(QT_TRANSLATE_NOOP("layers", "flatten")), build=_build_plain("Flatten"),
    ),
    LayerType(
        "linear", "linear", QT_TRANSLATE_NOOP("layer types", "fully connected"), ("Linear",),
        lambda m: (
            (QT_TRANSLATE_NOOP("layers", "fully connected {0} → {1}"),
             (m.in_features, m.out_features)),
        ),
        keys=(Key("features", QT_TRANSLATE_NOOP("layer keys", "features"), largest=65536,
                  start=84),),
        build=_build_linear, letter="F",
        parameters=lambda x, shape: (x.features or 0) * (shape[0] + 1),
    ),
    # LeNet-5's own layers (nn.models.lenet5): described and explained, not written in specs.
    LayerType(
        "subsampling", "pool", QT_TRANSLATE_NOOP("layer types", "subsampling"), ("Subsampling",),
        _fixed(QT_TRANSLATE_NOOP("layers", "subsampling: 2×2 sum × weight + bias")),
        letter="S", spec=False,
    ),
    LayerType(
        "squash", "activation", QT_TRANSLATE_NOOP("layer types", "LeNet-5's squashing function"),
        ("Squash",), _fixed(QT_TRANSLATE_NOOP("layers", "squashing {0}"), SQUASH_TEXT),
        suffix="squash", spec=False, function=_squash, formula=lambda m: f"f(a) = {SQUASH_TEXT}",
    ),
    LayerType(
        "rbf", "rbf", QT_TRANSLATE_NOOP("layer types", "Euclidean RBF output"), ("RBFOutput",),
        _fixed(QT_TRANSLATE_NOOP("layers", "Euclidean RBF: distance to each class's code")),
        spec=False,
    ),
    LayerType(
        "pad", "pad", QT_TRANSLATE_NOOP("layer types", "padding"), ("ConstantPad2d",),
        _fixed(QT_TRANSLATE_NOOP("layers", "padding to the 32×32 field")), spec=False,
    ),
)  # fmt: skip

SPEC_TYPES: dict[str, LayerType] = {row.name: row for row in TABLE if row.spec}
LAYER_TYPES = tuple(SPEC_TYPES)  # the types a spec may write, in the editor's order
_BY_MODULE = {module: row for row in TABLE for module in row.modules}
# Every key any type takes, in the order the editor's columns show them.
SPEC_KEYS: tuple[str, ...] = tuple(
    dict.fromkeys(k for row in SPEC_TYPES.values() for k in row.key_names)
)
# What each key is called (its column in the editor).
KEY_WORDS: dict[str, str] = {k.name: k.word for row in SPEC_TYPES.values() for k in row.keys}


def row_of(module: Any) -> LayerType | None:
    """The row describing a PyTorch module (by its class), None for a module no row knows."""
    return _BY_MODULE.get(type(module).__name__)


def kind_of(module: Any) -> str:
    """What a layer does, in the words of the notes: conv, pool, activation, norm, linear,
    rbf, flatten, pad, dropout, or ``other``."""
    row = row_of(module)
    return row.kind if row is not None else "other"


def describe(module: Any) -> Words:
    """What ``module`` does, as translatable parts ("convolution 5×5", ", padding 2")."""
    row = row_of(module)
    if row is None:
        return ((type(module).__name__, ()),)
    return row.describe(module)


def english(words: Words) -> str:
    """The description in English (the command line's)."""
    return "".join(t.format(*v) for t, v in words)
