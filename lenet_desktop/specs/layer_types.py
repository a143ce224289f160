"""Every kind of layer the app knows, declared once: one row per layer type.

A row says what a spec file may write for the type (its keys, their defaults and limits), what
it is called (in English, marked for translation: the window shows it in Chinese too), what
kind of layer it is (conv, pool, activation, norm, dropout, flatten, linear), how a layer of
the notes' vocabulary is named after it (C1, S2, F5 or C1_relu), how it builds its PyTorch
module, how that module is described beside its maps, and — for an element-wise activation —
its function and formula, from which the explanation panel redoes its arithmetic — and what the
rest of the app does with it: the PyTorch code the code view writes (``code``), its NumPy
forward pass for the window's first answers (``array``), how a run's name says it (``short``),
its recipe family (``family``), whether it commutes with a max pool (``monotone``, for the fast
path), the ``torch.nn.functional`` names a notebook may call it by (``functions``) and how a
pool's window is combined (``pool``).

Everything else asks this table: the spec parser and :func:`~lenet_desktop.specs.planning`, the
network builder, the layer table, the receptive fields, the explanations, the editor, the
feature maps' titles, the code view, the NumPy forward pass, the run names, the recipes, the
fast path and a live notebook's layers. Adding a layer type is one row here (and, if its
arithmetic is new, its explanation in :mod:`lenet_desktop.analysis.explain`) and its test.

LeNet-5's own layers (trainable subsampling, the partly connected C3, the scaled-tanh
squashing, the RBF output, the padding to 32×32) have rows too, with ``spec=False``: no spec
writes them, but the app describes, names and explains them like the others.

Plain Python: torch is imported only inside the ``build`` functions.
"""

from __future__ import annotations

import math
from typing import Any

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs.layer_rows import (  # the row's parts; re-exported: their users ask here
    C3_CONNECTIONS,
    SQUASH_AMPLITUDE,
    SQUASH_SLOPE,
    SQUASH_TEXT,
    Key,
    LayerSpec,
    LayerType,
    Words,
    build_batchnorm,
    build_conv,
    build_dropout,
    build_linear,
    build_plain,
    build_pool,
    code_conv,
    code_plain,
    code_pool,
    conv_words,
    fixed,
    np_leaky_relu,
    np_relu,
    np_sigmoid,
    numpy_module,
    pool_words,
    same,
    sigmoid,
    squash,
    torch_nn,
)

__all__ = [
    "LayerSpec",
    "Key",
    "LayerType",
    "Words",
    "SQUASH_AMPLITUDE",
    "SQUASH_SLOPE",
    "SQUASH_TEXT",
    "C3_CONNECTIONS",
    "LAYER_TYPES",
    "SPEC_TYPES",
    "TABLE",
    "describe",
    "english",
    "kind_of",
    "row_of",
]


def _elu(x: Any) -> Any:
    np = numpy_module()
    return np.where(x > 0, x, np.expm1(np.minimum(x, x.dtype.type(0))))


# -- the table -----------------------------------------------------------------------------------

_WINDOW = (
    Key("kernel", QT_TRANSLATE_NOOP("layer keys", "kernel"), start=2),
    Key("stride", QT_TRANSLATE_NOOP("layer keys", "stride"), default_from="kernel", start=2),
    Key("padding", QT_TRANSLATE_NOOP("layer keys", "padding"), default=0, smallest=0),
)
TABLE: tuple[LayerType, ...] = (
    LayerType(
        "conv", "conv", QT_TRANSLATE_NOOP("layer types", "convolution"),
        ("Conv2d", "SparseConv2d"), conv_words,
        keys=(
            Key("channels", QT_TRANSLATE_NOOP("layer keys", "channels"), largest=4096, start=6),
            Key("kernel", QT_TRANSLATE_NOOP("layer keys", "kernel"), start=5),
            Key("padding", QT_TRANSLATE_NOOP("layer keys", "padding"), default=0, smallest=0),
            Key("stride", QT_TRANSLATE_NOOP("layer keys", "stride"), default=1),
        ),
        build=build_conv, letter="C",
        parameters=lambda x, shape: (x.channels or 0) * (shape[0] * (x.kernel or 0) ** 2 + 1),
        code=code_conv, short=QT_TRANSLATE_NOOP("run names", "conv"),
    ),
    LayerType(
        "maxpool", "pool", QT_TRANSLATE_NOOP("layer types", "max pooling"), ("MaxPool2d",),
        pool_words(QT_TRANSLATE_NOOP("layers", "max pooling")),
        keys=_WINDOW, build=build_pool("MaxPool2d"), letter="S", pool="max",
        code=code_pool("MaxPool2d"), short=QT_TRANSLATE_NOOP("run names", "max pool"),
    ),
    LayerType(
        "avgpool", "pool", QT_TRANSLATE_NOOP("layer types", "average pooling"), ("AvgPool2d",),
        pool_words(QT_TRANSLATE_NOOP("layers", "average pooling")),
        keys=_WINDOW, build=build_pool("AvgPool2d"), letter="S", pool="avg",
        code=code_pool("AvgPool2d"), short=QT_TRANSLATE_NOOP("run names", "avg pool"),
    ),
    LayerType(
        "sigmoid", "activation", QT_TRANSLATE_NOOP("layer types", "sigmoid"), ("Sigmoid",),
        fixed(QT_TRANSLATE_NOOP("layers", "sigmoid")), build=build_plain("Sigmoid"),
        function=sigmoid, formula=lambda m: "σ(x) = 1 / (1 + e^(−x))",
        code=code_plain("nn.Sigmoid()"), array=np_sigmoid, short="sigmoid", family="sigmoid",
        monotone=True, functions=("sigmoid",),
    ),
    LayerType(
        "relu", "activation", QT_TRANSLATE_NOOP("layer types", "ReLU"), ("ReLU",),
        fixed("ReLU"), build=build_plain("ReLU"),
        function=lambda m, x: max(0.0, x), formula=lambda m: "ReLU(x) = max(0, x)",
        code=code_plain("nn.ReLU()"), array=np_relu, short="ReLU", family="relu",
        monotone=True, functions=("relu", "relu_"),
    ),
    LayerType(
        "tanh", "activation", QT_TRANSLATE_NOOP("layer types", "tanh"), ("Tanh",),
        fixed("tanh"), build=build_plain("Tanh"),
        function=lambda m, x: math.tanh(x), formula=lambda m: "tanh(x)",
        code=code_plain("nn.Tanh()"), array=lambda layer: numpy_module().tanh, short="tanh",
        family="sigmoid", monotone=True, functions=("tanh",),
    ),
    # ReLU that lets a little of a negative input through (slope·x): no unit ever goes silent
    LayerType(
        "leakyrelu", "activation", QT_TRANSLATE_NOOP("layer types", "leaky ReLU"), ("LeakyReLU",),
        lambda m: ((QT_TRANSLATE_NOOP("layers", "leaky ReLU, slope {0:g}"), (m.negative_slope,)),),
        keys=(
            Key("slope", QT_TRANSLATE_NOOP("layer keys", "negative slope"), default=0.01,
                smallest=0.0, largest=1.0, whole=False, attribute="negative_slope"),
        ),
        build=lambda layer, shape: torch_nn().LeakyReLU(layer.slope or 0.0),
        function=lambda m, x: x if x >= 0 else m.negative_slope * x,
        formula=lambda m: f"LeakyReLU(x) = max({m.negative_slope:g}·x, x)",
        code=lambda layer, shape: f"nn.LeakyReLU({layer.slope})", array=np_leaky_relu,
        short=QT_TRANSLATE_NOOP("run names", "leaky ReLU"), family="relu", monotone=True,
        functions=("leaky_relu", "leaky_relu_"),
    ),
    # ELU (Clevert et al. 2016): x above zero, α·(eˣ − 1) below, with PyTorch's α = 1: smooth
    # at zero, and its outputs average nearer zero than a ReLU's
    LayerType(
        "elu", "activation", QT_TRANSLATE_NOOP("layer types", "ELU"), ("ELU",),
        fixed("ELU"), build=build_plain("ELU"),
        function=lambda m, x: x if x > 0 else m.alpha * math.expm1(x),
        formula=lambda m: f"ELU(x) = x if x > 0, else {m.alpha:g}·(e^x − 1)",
        code=code_plain("nn.ELU()"), short="ELU", family="relu", monotone=True,
        array=lambda layer: _elu, functions=("elu", "elu_"), only={"alpha": 1.0},
    ),
    LayerType(
        "batchnorm", "norm", QT_TRANSLATE_NOOP("layer types", "batch normalisation"),
        ("BatchNorm1d", "BatchNorm2d"), fixed(QT_TRANSLATE_NOOP("layers", "batch normalisation")),
        build=build_batchnorm, suffix="bn", parameters=lambda x, shape: 2 * shape[0],
        code=lambda layer, shape: f"nn.BatchNorm{2 if len(shape) == 3 else 1}d({shape[0]})",
        short=QT_TRANSLATE_NOOP("run names", "batch norm"),
    ),
    LayerType(
        "dropout", "dropout", QT_TRANSLATE_NOOP("layer types", "dropout"), ("Dropout",),
        fixed(QT_TRANSLATE_NOOP("layers", "dropout (off when predicting)")),
        keys=(
            Key("p", QT_TRANSLATE_NOOP("layer keys", "dropout p"), smallest=0.0, largest=1.0,
                whole=False, start=0.5),
        ),
        build=build_dropout, code=lambda layer, shape: f"nn.Dropout({layer.p})",
        array=lambda layer: same, short=QT_TRANSLATE_NOOP("run names", "dropout"),
    ),
    LayerType(
        "flatten", "flatten", QT_TRANSLATE_NOOP("layer types", "flatten"), ("Flatten",),
        fixed(QT_TRANSLATE_NOOP("layers", "flatten")), build=build_plain("Flatten"),
        code=code_plain("nn.Flatten()"), array=lambda layer: lambda x: x.reshape(-1),
    ),
    LayerType(
        "linear", "linear", QT_TRANSLATE_NOOP("layer types", "fully connected"), ("Linear",),
        lambda m: (
            (QT_TRANSLATE_NOOP("layers", "fully connected {0} → {1}"),
             (m.in_features, m.out_features)),
        ),
        keys=(Key("features", QT_TRANSLATE_NOOP("layer keys", "features"), largest=65536,
                  start=84),),
        build=build_linear, letter="F",
        parameters=lambda x, shape: (x.features or 0) * (shape[0] + 1),
        code=lambda layer, shape: f"nn.Linear({shape[0]}, {layer.features})",
        short=QT_TRANSLATE_NOOP("run names", "linear"),
    ),
    # LeNet-5's own layers (nn.models.lenet5): described and explained, not written in specs.
    LayerType(
        "subsampling", "pool", QT_TRANSLATE_NOOP("layer types", "subsampling"), ("Subsampling",),
        fixed(QT_TRANSLATE_NOOP("layers", "subsampling: 2×2 sum × weight + bias")),
        letter="S", spec=False, pool="subsampling",
    ),
    LayerType(
        "squash", "activation", QT_TRANSLATE_NOOP("layer types", "LeNet-5's squashing function"),
        ("Squash",), fixed(QT_TRANSLATE_NOOP("layers", "squashing {0}"), SQUASH_TEXT),
        suffix="squash", spec=False, function=squash, formula=lambda m: f"f(a) = {SQUASH_TEXT}",
    ),
    LayerType(
        "rbf", "rbf", QT_TRANSLATE_NOOP("layer types", "Euclidean RBF output"), ("RBFOutput",),
        fixed(QT_TRANSLATE_NOOP("layers", "Euclidean RBF: distance to each class's code")),
        spec=False,
    ),
    LayerType(
        "pad", "pad", QT_TRANSLATE_NOOP("layer types", "padding"), ("ConstantPad2d",),
        fixed(QT_TRANSLATE_NOOP("layers", "padding to the 32×32 field")), spec=False,
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
