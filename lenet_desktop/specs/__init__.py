"""Architectures as specs: a network described by a small TOML document, checked in plain words.

A spec has an optional ``name`` and ``title`` and its ``[[layers]]`` in order::

    name = "my-lenet"
    title = "LeNet with ReLU"

    [[layers]]
    type = "conv"        # channels, kernel, padding (0), stride (1)
    channels = 6
    kernel = 5
    padding = 2

    [[layers]]
    type = "relu"        # also sigmoid, tanh, batchnorm, dropout (p), flatten

    [[layers]]
    type = "maxpool"     # or avgpool: kernel, stride (= kernel), padding (0)
    kernel = 2

    [[layers]]
    type = "flatten"

    [[layers]]
    type = "linear"      # features; the input size is inferred
    features = 10

Input channels and the input size of each ``linear`` layer are inferred; the last layer must be a
``linear`` with as many features as the dataset has classes. Layers are named in the notes'
vocabulary: conv and pool layers are numbered together in order (C1, S2, C3, S4), linear layers
continue the count (F5, F6) and the last one is ``output``; an activation, batch norm or dropout
takes the name of the layer before it (C1_relu, F5_bn), and the flatten layer is ``flatten``.

Everything here is plain Python (no torch): parsing, the shape arithmetic of :func:`plan` and the
parameter counts. Only :func:`build_network` imports torch. Every problem is a
:class:`SpecError` that names the layer (its number and name) and the numbers involved.
"""

from __future__ import annotations

import json
import math
import os
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.options import ARCHITECTURES

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

if TYPE_CHECKING:
    from torch import nn

INPUT_SHAPE = (1, 28, 28)
ACTIVATIONS = ("sigmoid", "relu", "tanh")
POOLS = ("maxpool", "avgpool")
LAYER_TYPES = ("conv", *POOLS, *ACTIVATIONS, "batchnorm", "dropout", "flatten", "linear")
# The keys each layer type takes, required ones first.
KEYS: dict[str, tuple[str, ...]] = {
    "conv": ("channels", "kernel", "padding", "stride"),
    "maxpool": ("kernel", "stride", "padding"),
    "avgpool": ("kernel", "stride", "padding"),
    "linear": ("features",),
    "dropout": ("p",),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "conv": ("channels", "kernel"),
    "maxpool": ("kernel",),
    "avgpool": ("kernel",),
    "linear": ("features",),
    "dropout": ("p",),
}
TOP_KEYS = ("name", "title", "layers")
# Far above any LeNet and far below what would exhaust a laptop: refused before anything is
# allocated.
MAX_SIZE = {"channels": 4096, "features": 65536, "kernel": 64, "stride": 64, "padding": 64}
MAX_LAYERS = 200
MAX_PARAMETERS = 50_000_000
MAX_ACTIVATIONS = 4_000_000  # values in one layer's output for one image
MAX_FILE_BYTES = 1024 * 1024


class SpecError(LocalizedError):
    """A spec that cannot become a network. ``index`` is the 0-based position of the layer at
    fault in ``layers`` (None for the document as a whole), so a view can mark that row; the
    message counts layers from 1, as a person reading the file does. ``path``, when the spec
    came from a file, is put before the message."""

    def __init__(
        self,
        template: str,
        index: int | None = None,
        path: str | os.PathLike[str] | None = None,
        **values: object,
    ) -> None:
        super().__init__(template, **values)
        self.index = index
        self.path = None if path is None else Path(path)
        if self.path is not None:
            self.args = (f"{self.path}: {self.args[0]}",)

    def with_path(self, path: str | os.PathLike[str]) -> SpecError:
        return SpecError(self.template, index=self.index, path=path, **self.values)


@dataclass(frozen=True)
class LayerSpec:
    """One layer as written, with the defaults filled in (stride of a conv 1, of a pool its
    kernel; padding 0). Keys a type does not take stay None."""

    type: str
    channels: int | None = None
    kernel: int | None = None
    padding: int | None = None
    stride: int | None = None
    features: int | None = None
    p: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Spec:
    layers: tuple[LayerSpec, ...]
    name: str | None = None
    title: str | None = None

    def as_dict(self) -> dict[str, Any]:
        head = {k: v for k, v in (("name", self.name), ("title", self.title)) if v is not None}
        return head | {"layers": [layer.as_dict() for layer in self.layers]}


@dataclass(frozen=True)
class PlannedLayer:
    """What a layer does to one image: ``in_shape``/``out_shape`` exclude the batch, e.g.
    ``(6, 28, 28)`` or ``(400,)``."""

    index: int
    name: str
    type: str
    in_shape: tuple[int, ...]
    out_shape: tuple[int, ...]
    parameters: int


# -- reading -----------------------------------------------------------------------------------


def _where(index: int, name: str | None, type_: str) -> dict[str, Any]:
    """The values every layer message begins with: ``layer 3 (C3, conv)``."""
    return {"number": index + 1, "name": name or "?", "type": type_}


def _layer(index: int, raw: object) -> LayerSpec:
    if not isinstance(raw, dict):
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "layer {number}: a layer is a table of keys, not {got!r}"),
            index=index,
            number=index + 1,
            got=raw,
        )
    type_ = raw.get("type")
    if type_ not in LAYER_TYPES:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "layer {number}: unknown type {got!r} (known: {known})"),
            index=index,
            number=index + 1,
            got=type_,
            known=", ".join(LAYER_TYPES),
        )
    allowed = KEYS.get(type_, ())
    for key in raw:
        if key != "type" and key not in allowed:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({type}): unknown key {key!r} (a {type} takes: {keys})",
                ),
                index=index,
                number=index + 1,
                type=type_,
                key=key,
                keys=", ".join(allowed) or "no keys",
            )
    for key in REQUIRED.get(type_, ()):
        if key not in raw:
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "layer {number} ({type}): {key} is missing"),
                index=index,
                number=index + 1,
                type=type_,
                key=key,
            )
    values: dict[str, Any] = {}
    for key in allowed:
        if key not in raw:
            continue
        value = raw[key]
        if key == "p":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                value = None
            if value is None or not (0.0 <= value < 1.0):
                raise SpecError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "layer {number} ({type}): p must be a number from 0 up to (not "
                        "including) 1, not {value!r}",
                    ),
                    index=index,
                    number=index + 1,
                    type=type_,
                    value=raw[key],
                )
            values[key] = float(value)
            continue
        smallest = 0 if key == "padding" else 1
        if isinstance(value, bool) or not isinstance(value, int) or value < smallest:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({type}): {key} must be a whole number of at least "
                    "{smallest}, not {value!r}",
                ),
                index=index,
                number=index + 1,
                type=type_,
                key=key,
                smallest=smallest,
                value=value,
            )
        if value > MAX_SIZE[key]:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({type}): {key} = {value} is too large (at most {limit})",
                ),
                index=index,
                number=index + 1,
                type=type_,
                key=key,
                value=value,
                limit=MAX_SIZE[key],
            )
        values[key] = value
    if type_ == "conv":
        values.setdefault("padding", 0)
        values.setdefault("stride", 1)
    elif type_ in POOLS:
        values.setdefault("padding", 0)
        values.setdefault("stride", values["kernel"])
    return LayerSpec(type=type_, **values)


def parse_spec(document: object) -> Spec:
    """A spec from its parsed document (TOML's or JSON's tables: a dict with ``layers``).

    Checks the keys and values of each layer; the shapes are checked by :func:`plan`.
    Raises SpecError.
    """
    if not isinstance(document, dict):
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "a spec is a table with name, title and layers")
        )
    for key in document:
        if key not in TOP_KEYS:
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "unknown key {key!r} (a spec takes: {keys})"),
                key=key,
                keys=", ".join(TOP_KEYS),
            )
    for key in ("name", "title"):
        if key in document and not isinstance(document[key], str):
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "{key} must be text, not {value!r}"),
                key=key,
                value=document[key],
            )
    layers = document.get("layers")
    if not isinstance(layers, list) or not layers:
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "errors", "a spec needs its layers: one [[layers]] table per layer, in order"
            )
        )
    if len(layers) > MAX_LAYERS:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "{count} layers are too many (at most {limit})"),
            count=len(layers),
            limit=MAX_LAYERS,
        )
    return Spec(
        layers=tuple(_layer(i, raw) for i, raw in enumerate(layers)),
        name=document.get("name") or None,
        title=document.get("title") or None,
    )


def spec_from_toml(text: str) -> Spec:
    """Parse a spec's TOML text (SpecError naming the line for a syntax error)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "not valid TOML ({detail})"), detail=str(exc)
        ) from None
    return parse_spec(document)


def load_spec(path: str | os.PathLike[str], num_classes: int | None = None) -> Spec:
    """Read, parse and check (:func:`plan`) a ``.toml`` spec file. Every SpecError names the
    file; ``num_classes`` also checks the last layer against the dataset's classes."""
    path = Path(path).expanduser()
    try:
        if path.is_dir():
            raise SpecError(QT_TRANSLATE_NOOP("errors", "is a folder, not a spec file"), path=path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SpecError(
                QT_TRANSLATE_NOOP("errors", "too large for an architecture spec ({size} bytes)"),
                path=path,
                size=size,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "cannot be read ({detail})"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
    try:
        if b"\0" in data:
            raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL byte")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "errors", "not a text file; an architecture spec is TOML text ([[layers]] …)"
            ),
            path=path,
        ) from None
    try:
        spec = spec_from_toml(text)
        plan(spec, num_classes)
    except SpecError as exc:
        raise exc.with_path(path) from None
    return spec


# -- writing -----------------------------------------------------------------------------------


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    return repr(value)


def spec_to_toml(spec: Spec) -> str:
    """The spec as TOML text that :func:`spec_from_toml` reads back to an equal spec."""
    lines = []
    for key in ("name", "title"):
        value = getattr(spec, key)
        if value is not None:
            lines.append(f"{key} = {_toml_value(value)}")
    for layer in spec.layers:
        lines += ["", "[[layers]]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in layer.as_dict().items()]
    return "\n".join(lines).lstrip("\n") + "\n"


def spec_to_json(spec: Spec) -> str:
    """The spec as one line of JSON (how a model file's header carries it)."""
    return json.dumps(spec.as_dict(), ensure_ascii=False)


def spec_from_json(text: str) -> Spec:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError(
            QT_TRANSLATE_NOOP("errors", "not valid JSON ({detail})"), detail=exc
        ) from None
    return parse_spec(document)


# -- the arithmetic ------------------------------------------------------------------------------


def layer_names(spec: Spec) -> list[str]:
    """The notes' names for the layers: C1, C1_relu, S2, …, flatten, F5, …, output."""
    last_linear = max((i for i, x in enumerate(spec.layers) if x.type == "linear"), default=-1)
    names: list[str] = []
    count, base = 0, "input"
    for i, layer in enumerate(spec.layers):
        if layer.type in ("conv", *POOLS, "linear"):
            count += 1
            letter = {"conv": "C", "linear": "F"}.get(layer.type, "S")
            base = "output" if i == last_linear else f"{letter}{count}"
            name = base
        elif layer.type == "flatten":
            name = "flatten"
        else:
            suffix = {"batchnorm": "bn"}.get(layer.type, layer.type)
            name = f"{base}_{suffix}"
        unique, n = name, 2
        while unique in names:
            unique, n = f"{name}_{n}", n + 1
        names.append(unique)
    return names


def output_size(n: int, kernel: int, padding: int, stride: int) -> int:
    """The notes' formula ⌊(n − k + 2p + s) / s⌋."""
    return (n - kernel + 2 * padding + stride) // stride


def plan(
    spec: Spec, num_classes: int | None = None, input_shape: tuple[int, ...] = INPUT_SHAPE
) -> list[PlannedLayer]:
    """Every layer's input and output shape and parameter count, for one image of
    ``input_shape`` (channels, height, width). Checks that every layer fits its input and,
    given ``num_classes``, that the network ends with a linear layer of that many features.
    Raises SpecError naming the layer and the numbers."""
    names = layer_names(spec)
    shape = tuple(input_shape)
    planned: list[PlannedLayer] = []
    total = 0
    for i, layer in enumerate(spec.layers):
        where = _where(i, names[i], layer.type)
        params = 0
        if layer.type in ("conv", *POOLS):
            if len(shape) != 3:
                raise SpecError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "layer {number} ({name}, {type}) needs feature maps "
                        "(channels×height×width), but its input is a vector of {size} "
                        "(after flatten only linear layers and activations fit)",
                    ),
                    index=i,
                    size=shape[0],
                    **where,
                )
            assert layer.kernel is not None and layer.stride is not None
            assert layer.padding is not None
            k, p, s = layer.kernel, layer.padding, layer.stride
            channels, n = shape[0], shape[1]
            out = output_size(n, k, p, s)
            if n + 2 * p < k or out <= 0:
                raise SpecError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "layer {number} ({name}, {type}): the {k}×{k} kernel is larger than its "
                        "padded input ({n} + 2×{p} = {padded}); output size ⌊(n − k + 2p + s) / "
                        "s⌋ = ⌊({n} − {k} + {twice_p} + {s}) / {s}⌋ = {out}, not a positive size",
                    ),
                    index=i,
                    k=k,
                    n=n,
                    p=p,
                    s=s,
                    padded=n + 2 * p,
                    twice_p=2 * p,
                    out=out,
                    **where,
                )
            if layer.type in POOLS and 2 * p > k:
                raise SpecError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "layer {number} ({name}, {type}): padding {p} is more than half the "
                        "{k}×{k} window (a pooling window must cover some of the input)",
                    ),
                    index=i,
                    p=p,
                    k=k,
                    **where,
                )
            if layer.type == "conv":
                assert layer.channels is not None
                params = layer.channels * (channels * k * k + 1)
                channels = layer.channels
            shape = (channels, out, out)
        elif layer.type == "flatten":
            shape = (math.prod(shape),)
        elif layer.type == "linear":
            if len(shape) != 1:
                raise SpecError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "layer {number} ({name}, {type}) takes a vector, but its input is "
                        "{shape} feature maps: put a flatten layer before it",
                    ),
                    index=i,
                    shape="×".join(map(str, shape)),
                    **where,
                )
            assert layer.features is not None
            params = layer.features * (shape[0] + 1)
            shape = (layer.features,)
        elif layer.type == "batchnorm":
            params = 2 * shape[0]
        size = math.prod(shape)
        if size > MAX_ACTIVATIONS:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({name}, {type}): its output {shape} holds {size} values per "
                    "image, too many (at most {limit})",
                ),
                index=i,
                shape="×".join(map(str, shape)),
                size=size,
                limit=MAX_ACTIVATIONS,
                **where,
            )
        total += params
        if total > MAX_PARAMETERS:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({name}, {type}): {total} parameters so far ({params} in "
                    "this layer), too many (at most {limit})",
                ),
                index=i,
                total=total,
                params=params,
                limit=MAX_PARAMETERS,
                **where,
            )
        planned.append(
            PlannedLayer(
                index=i,
                name=names[i],
                type=layer.type,
                in_shape=planned[-1].out_shape if planned else tuple(input_shape),
                out_shape=shape,
                parameters=params,
            )
        )
    if num_classes is not None:
        i = len(spec.layers) - 1
        last = spec.layers[i]
        if last.type != "linear" or last.features != num_classes:
            has = f"{last.features} features" if last.type == "linear" else "no features"
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "layer {number} ({name}, {type}): the last layer must be a linear layer with "
                    "as many features as the dataset has classes ({classes}); it has {has}",
                ),
                index=i,
                classes=num_classes,
                has=has,
                **_where(i, names[i], last.type),
            )
    return planned


def parameter_count(spec: Spec) -> int:
    return sum(layer.parameters for layer in plan(spec))


# -- presets ------------------------------------------------------------------------------------


def _conv(channels: int, kernel: int, padding: int = 0, stride: int = 1) -> LayerSpec:
    return LayerSpec("conv", channels=channels, kernel=kernel, padding=padding, stride=stride)


def _pool(type_: str, kernel: int = 2, stride: int | None = None, padding: int = 0) -> LayerSpec:
    return LayerSpec(
        type_, kernel=kernel, stride=kernel if stride is None else stride, padding=padding
    )


def _linear(features: int) -> LayerSpec:
    return LayerSpec("linear", features=features)


def _d2l(
    act: str = "sigmoid",
    pool: str = "avgpool",
    kernel: tuple[int, int] = (5, 5),
    padding: tuple[int, int] = (2, 0),
    channels: tuple[int, int] = (6, 16),
    third_conv: bool = False,
    hidden: tuple[int, ...] = (120, 84),
) -> tuple[LayerSpec, ...]:
    """D2L's LeNet with one of the chapter's exercises applied."""
    a = LayerSpec(act)
    layers = [
        _conv(channels[0], kernel[0], padding[0]),
        a,
        _pool(pool),
        _conv(channels[1], kernel[1], padding[1]),
        a,
        _pool(pool),
    ]
    if third_conv:
        layers += [_conv(channels[1], 3, 1), a]
    layers.append(LayerSpec("flatten"))
    for features in hidden:
        layers += [_linear(features), a]
    return (*layers, _linear(10))


def _modern() -> tuple[LayerSpec, ...]:
    bn, relu = LayerSpec("batchnorm"), LayerSpec("relu")
    return (
        _conv(6, 5, 2), bn, relu, _pool("maxpool"),
        _conv(16, 5), bn, relu, _pool("maxpool"),
        LayerSpec("flatten"),
        _linear(120), bn, relu,
        _linear(84), bn, relu,
        _linear(10),
    )  # fmt: skip


# Every architecture but LeNet-5 (whose layers the spec format cannot say: trainable
# subsampling, a partly connected C3, scaled tanh) as the spec it is, for 10 classes.
PRESET_LAYERS: dict[str, tuple[LayerSpec, ...]] = {
    "modern": _modern(),
    "d2l": _d2l(),
    # 002: second conv padded by 1, pooled with padding 1 (16×7×7), one hidden FC layer
    "notes-padding": (
        _conv(6, 5, 2),
        LayerSpec("sigmoid"),
        _pool("avgpool"),
        _conv(16, 5, 1),
        LayerSpec("sigmoid"),
        _pool("avgpool", padding=1),
        LayerSpec("flatten"),
        _linear(120),
        LayerSpec("sigmoid"),
        _linear(10),
    ),  # fmt: skip
    # 003: no padding and max pooling (16×4×4)
    "notes-maxpool": _d2l(pool="maxpool", padding=(0, 0)),
    "d2l-maxpool": _d2l(pool="maxpool"),
    "d2l-relu": _d2l(act="relu"),
    "d2l-kernel3": _d2l(kernel=(3, 3), padding=(1, 0)),
    "d2l-wide": _d2l(channels=(16, 32)),
    "d2l-deeper": _d2l(third_conv=True),
    "d2l-fc1": _d2l(hidden=(120,)),
}
assert set(PRESET_LAYERS) | {"lenet5"} == set(ARCHITECTURES)


def preset_spec(name: str, num_classes: int = 10) -> Spec:
    """The preset ``name`` as a spec, its last layer sized for ``num_classes``."""
    from lenet_desktop.options import ARCHITECTURE_TITLES

    layers = PRESET_LAYERS[name]
    layers = (*layers[:-1], replace(layers[-1], features=num_classes))
    return Spec(layers=layers, name=name, title=ARCHITECTURE_TITLES.get(name))


def resolve_spec(name_or_path: str, num_classes: int = 10) -> Spec | None:
    """A preset's name or a spec file's path → its spec (None for ``lenet5``, which is no
    spec). Raises SpecError for an unknown name or a broken file."""
    if name_or_path == "lenet5":
        return None
    if name_or_path in PRESET_LAYERS:
        return preset_spec(name_or_path, num_classes)
    path = Path(name_or_path).expanduser()
    if not path.exists():
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "errors", "{name}: no such architecture (presets: {known}) and no such spec file"
            ),
            name=name_or_path,
            known=", ".join(ARCHITECTURES),
        )
    return load_spec(path, num_classes)


def is_preset(spec: Spec) -> bool:
    """Whether ``spec`` is its namesake preset (for any number of classes)."""
    layers = PRESET_LAYERS.get(spec.name or "")
    return (
        layers is not None
        and spec.layers[:-1] == layers[:-1]
        and spec.layers[-1].type == layers[-1].type
    )


def spec_architecture(spec: Spec) -> str:
    """The name a network built from ``spec`` goes by: its own, else ``custom`` (also when
    it takes a preset's name but has other layers: a name says which network it is)."""
    if spec.name in ARCHITECTURES and not is_preset(spec):
        return "custom"
    return spec.name or "custom"


# -- the network -------------------------------------------------------------------------------


def build_network(spec: Spec, num_classes: int | None = None) -> nn.Sequential:
    """A freshly initialised ``nn.Sequential`` for ``spec``: ``(N, 1, 28, 28) → (N, classes)``.
    Checks the spec first (:func:`plan`), so nothing is allocated for a broken one."""
    from collections import OrderedDict

    from torch import nn

    planned = plan(spec, num_classes)
    modules: list[tuple[str, nn.Module]] = []
    for layer, step in zip(spec.layers, planned):
        module: nn.Module
        if layer.type == "conv":
            assert layer.channels is not None and layer.kernel is not None
            module = nn.Conv2d(
                step.in_shape[0],
                layer.channels,
                kernel_size=layer.kernel,
                stride=layer.stride or 1,
                padding=layer.padding or 0,
            )
        elif layer.type in POOLS:
            assert layer.kernel is not None
            pool = nn.MaxPool2d if layer.type == "maxpool" else nn.AvgPool2d
            module = pool(kernel_size=layer.kernel, stride=layer.stride, padding=layer.padding or 0)
        elif layer.type == "linear":
            assert layer.features is not None
            module = nn.Linear(step.in_shape[0], layer.features)
        elif layer.type == "batchnorm":
            norm = nn.BatchNorm2d if len(step.in_shape) == 3 else nn.BatchNorm1d
            module = norm(step.in_shape[0])
        elif layer.type == "dropout":
            module = nn.Dropout(layer.p or 0.0)
        elif layer.type == "flatten":
            module = nn.Flatten()
        else:
            module = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh}[layer.type]()
        modules.append((step.name, module))
    return nn.Sequential(OrderedDict(modules))
