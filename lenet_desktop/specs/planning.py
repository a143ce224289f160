"""The arithmetic of a spec: every layer's name, input and output shape and parameter count
(:func:`plan`, plain Python), and the PyTorch network it describes (:func:`build_network`)."""

from __future__ import annotations

import math
import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs.document import Spec, SpecError, read_spec
from lenet_desktop.specs.document import where as spec_where
from lenet_desktop.specs.geometry import FORMULA, INPUT_SHAPE, output_size, size_formula
from lenet_desktop.specs.layer_types import SPEC_TYPES

if TYPE_CHECKING:
    from torch import nn

# Far above any LeNet and far below what would exhaust a laptop: refused before anything is
# allocated.
MAX_PARAMETERS = 50_000_000
MAX_ACTIVATIONS = 4_000_000  # values in one layer's output for one image


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


def layer_names(spec: Spec) -> list[str]:
    """The notes' names for the layers: C1, C1_relu, S2, …, flatten, F5, …, output. Conv and
    pool layers are numbered together in order, linear layers continue the count and the last
    one is ``output``; other layers take the name of the layer before with their suffix."""
    last_linear = max((i for i, x in enumerate(spec.layers) if x.type == "linear"), default=-1)
    names: list[str] = []
    count, base = 0, "input"
    for i, layer in enumerate(spec.layers):
        row = SPEC_TYPES[layer.type]
        if row.letter is not None:
            count += 1
            base = "output" if i == last_linear else f"{row.letter}{count}"
            name = base
        elif row.kind == "flatten":
            name = "flatten"
        else:
            name = f"{base}_{row.suffix or row.name}"
        unique, n = name, 2
        while unique in names:
            unique, n = f"{name}_{n}", n + 1
        names.append(unique)
    return names


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
        where = spec_where(i, names[i], layer.type)
        row = SPEC_TYPES[layer.type]
        params = row.parameters(layer, shape) if row.parameters is not None else 0
        if row.kind in ("conv", "pool"):
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
                        "padded input ({n} + 2×{p} = {padded}); output size {formula} = {worked}, "
                        "not a positive size",
                    ),
                    index=i,
                    k=k,
                    n=n,
                    p=p,
                    padded=n + 2 * p,
                    formula=FORMULA,
                    worked=size_formula(n, k, p, s),
                    **where,
                )
            if row.kind == "pool" and 2 * p > k:
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
            if layer.channels is not None:
                channels = layer.channels
            shape = (channels, out, out)
        elif row.kind == "flatten":
            shape = (math.prod(shape),)
        elif row.kind == "linear":
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
            shape = (layer.features,)
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
                **spec_where(i, names[i], last.type),
            )
    return planned


def parameter_count(spec: Spec) -> int:
    return sum(layer.parameters for layer in plan(spec))


def build_network(spec: Spec, num_classes: int | None = None) -> nn.Sequential:
    """A freshly initialised ``nn.Sequential`` for ``spec``: ``(N, *INPUT_SHAPE) → (N, classes)``.
    Checks the spec first (:func:`plan`), so nothing is allocated for a broken one."""
    from torch import nn  # deferred: NumPy, torch

    planned = plan(spec, num_classes)
    modules: list[tuple[str, nn.Module]] = []
    for layer, step in zip(spec.layers, planned):
        build = SPEC_TYPES[layer.type].build
        assert build is not None  # every row a spec may write builds
        modules.append((step.name, build(layer, step.in_shape)))
    return nn.Sequential(OrderedDict(modules))


# -- memory -----------------------------------------------------------------------------------
BYTES_PER_VALUE = 4  # float32


def memory_budget() -> int:
    """What one training may use: a quarter of this machine's memory (8 GiB when it cannot
    be read)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        total = 32 * 1024**3
    return int(total) // 4


def training_memory(spec: Spec, batch_size: int, num_classes: int | None = None) -> int:
    """Bytes a training step of ``spec`` needs at ``batch_size``, estimated before anything is
    allocated: every layer's output and its gradient for the whole batch, and the parameters
    with their gradients and two optimiser states (Adam's). Raises SpecError for a broken spec."""
    steps = plan(spec, num_classes)
    values = math.prod(INPUT_SHAPE) * batch_size * 2
    for step in steps:
        values += 2 * batch_size * math.prod(step.out_shape) + 4 * step.parameters
    return values * BYTES_PER_VALUE


def check_memory(spec: Spec, batch_size: int, num_classes: int | None = None) -> int:
    """:func:`training_memory`, refused (SpecError naming the layer that holds the most) when
    it is over :func:`memory_budget`. Returns the estimate in bytes."""
    need, budget = training_memory(spec, batch_size, num_classes), memory_budget()
    if need > budget:
        steps = plan(spec, num_classes)
        largest = max(steps, key=lambda s: math.prod(s.out_shape))
        layer_bytes = 2 * batch_size * math.prod(largest.out_shape) * BYTES_PER_VALUE
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "errors",
                "training this network at batch size {batch} needs about {need:,} MB of memory "
                "(at most {budget:,} MB here, a quarter of this machine's); layer {number} "
                "({name}, {type}) alone holds {layer:,} MB: use fewer channels or a smaller "
                "batch",
            ),
            index=largest.index,
            batch=batch_size,
            need=need // 2**20,
            budget=budget // 2**20,
            layer=layer_bytes // 2**20,
            **spec_where(largest.index, largest.name, largest.type),
        )
    return need


def load_spec(path: str | os.PathLike[str], num_classes: int | None = None) -> Spec:
    """Read, parse and check (:func:`plan`) a ``.toml`` spec file. Every SpecError names the
    file; ``num_classes`` also checks the last layer against the dataset's classes."""
    path = Path(path).expanduser()
    spec = read_spec(path)
    try:
        plan(spec, num_classes)
    except SpecError as exc:
        raise exc.with_path(path) from None
    return spec
