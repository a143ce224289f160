"""The presets: every architecture but LeNet-5 (whose layers the spec format cannot say:
trainable subsampling, a partly connected C3, scaled tanh) as the spec it is — D2L's LeNet,
the modern variant, the study notes' variants and one network per D2L exercise."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs.document import Spec, SpecError
from lenet_desktop.specs.layer_types import LayerSpec
from lenet_desktop.specs.names import ARCHITECTURE_TITLES, ARCHITECTURES
from lenet_desktop.specs.planning import load_spec


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
