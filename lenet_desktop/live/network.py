"""A notebook's network as the app builds it: the layers its forward pass ran, as the notebook
described them (:func:`lenet_desktop.live.watching.describe`), become a spec — exactly those
layers, never a guess from the weights' shapes — and the weights go into it unchanged.

Each layer is read from its class and arguments (``Conv2d`` with ``kernel_size=(5, 5)``,
``padding=(2, 2)``; ``F.relu``; ``x.view(-1, 400)``…). A layer the app cannot draw is said in
one line naming it (``layer 4, conv2: Conv2d(6, 16, kernel_size=(3, 5)) — the app's
convolutions have square kernels``). A final softmax or log-softmax is left to the app, whose
probabilities are the same. A layer without a bias gets a bias of zeros, which computes the
same.

The input's scaling is read from the first training batches' pixel range: a ``ToTensor()``
input is [0, 1] (the book's), a normalised one [−mean/std, (1−mean)/std]; the dataset from
their mean pixel (MNIST's digits are mostly background, 0.13; Fashion-MNIST's garments 0.29),
unless the notebook named it.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import torch

from lenet_desktop.data.datasets import dataset_info
from lenet_desktop.live.receiver import LiveError, Update
from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.specs import (
    INPUT_SHAPE,
    PRESET_LAYERS,
    LayerSpec,
    Spec,
    SpecError,
    plan,
    preset_spec,
)
from lenet_desktop.specs.layer_types import SPEC_TYPES, LayerType

if TYPE_CHECKING:
    from lenet_desktop.data.datasets import DatasetInfo
    from lenet_desktop.nn.bundle import ModelBundle

# The element-wise activations a notebook's module or function may be: the layer-type table's.
ACTIVATIONS = {
    m: row for row in SPEC_TYPES.values() if row.kind == "activation" for m in row.modules
}
FUNCTIONS = {
    f: row for row in SPEC_TYPES.values() if row.kind == "activation" for f in row.functions
}
SOFTMAX = {"softmax", "log_softmax", "Softmax", "LogSoftmax"}
PIXEL_MEAN_BETWEEN = 0.2  # MNIST's mean pixel is 0.13, Fashion-MNIST's 0.29
CANNOT = QT_TRANSLATE_NOOP("errors", "The app cannot draw layer {number} ({text}): {why}")


@dataclass(frozen=True)
class LiveNetwork:
    """The spec a notebook's layers make, and for each of the spec's layers the notebook's
    module path its weights come from (None: no weights, or a function)."""

    spec: Spec
    sources: tuple[str | None, ...]
    texts: tuple[str, ...]  # each notebook layer as the notebook wrote it
    softmax_dropped: bool = False


def _one(value: Any) -> Any:
    """A square window's one number (``(5, 5)`` → 5); None when its sides differ."""
    if isinstance(value, list):
        return value[0] if value and all(v == value[0] for v in value) else None
    return value


def _cannot(number: int, text: str, why: str) -> LiveError:
    return LiveError(CANNOT, number=number, text=text[:120], why=LiveError(why))


WHY_SQUARE = QT_TRANSLATE_NOOP("errors", "the app's windows are square, with one stride")
WHY_CONV = QT_TRANSLATE_NOOP(
    "errors", "the app's convolutions have no dilation or groups, and pad with zeros"
)
WHY_POOL = QT_TRANSLATE_NOOP(
    "errors", "the app's pooling rounds down (ceil_mode=False) and has no dilation"
)
WHY_NORM = QT_TRANSLATE_NOOP(
    "errors", "the app's batch normalisation has eps 1e-5, a scale and a shift, running statistics"
)
WHY_FLATTEN = QT_TRANSLATE_NOOP("errors", "only a flatten of each picture (from dimension 1)")
WHY_UNKNOWN = QT_TRANSLATE_NOOP("errors", "the app does not know this layer")
WHY_ARGUMENT = QT_TRANSLATE_NOOP("errors", "the app draws this layer with {name} = {value} only")
WHY_SOFTMAX = QT_TRANSLATE_NOOP("errors", "a softmax is the app's, at the end only")
WHY_CHAIN = QT_TRANSLATE_NOOP(
    "errors", "the forward pass is not a chain of layers (each one feeding the next)"
)


def _window(args: dict[str, Any], number: int, text: str) -> tuple[int, int, int]:
    kernel = _one(args.get("kernel_size"))
    stride = _one(args.get("stride"))
    padding = _one(args.get("padding", 0))
    stride = kernel if stride in (None, []) else stride
    if not all(isinstance(v, int) for v in (kernel, stride, padding)):
        raise _cannot(number, text, WHY_SQUARE)
    return kernel, stride, padding


def _activation(row: LayerType, given: dict[str, Any], number: int, text: str) -> LayerSpec:
    """An activation's spec layer, its keys from ``given`` (PyTorch's names for them); an
    argument the row takes at one value only (:attr:`LayerType.only`) must have it."""
    for name, value in row.only.items():
        if name in given and given[name] != value:
            why = LiveError(WHY_ARGUMENT, name=name, value=value)
            raise LiveError(CANNOT, number=number, text=text[:120], why=why)
    values: dict[str, Any] = {}
    for key in row.keys:
        value = given.get(key.attribute or key.name, key.default)
        if value is not None:
            values[key.name] = int(value) if key.whole else float(value)
    return LayerSpec(row.name, **values)


def _layer(entry: dict[str, Any], number: int) -> LayerSpec | None | str:
    """The spec layer for one notebook layer; None to leave out; "softmax" for a softmax."""
    kind = entry.get("kind")
    text = str(entry.get("text") or entry.get("name") or "?")
    if kind == "module":
        cls = str(entry.get("class"))
        args = entry.get("args") if isinstance(entry.get("args"), dict) else {}
        assert isinstance(args, dict)
        if cls in ACTIVATIONS:  # its keys from the module's arguments (a leaky ReLU's slope)
            return _activation(ACTIVATIONS[cls], args, number, text)
        if cls == "Identity":
            return None
        if cls in SOFTMAX:
            return "softmax"
        if cls == "Conv2d":
            kernel, stride, padding = _window(args, number, text)
            if isinstance(args.get("padding"), str):  # "same" or "valid"
                padding = (kernel - 1) // 2 if args["padding"] == "same" else 0
            if (
                _one(args.get("dilation", 1)) != 1
                or args.get("groups", 1) != 1
                or args.get("padding_mode", "zeros") != "zeros"
            ):
                raise _cannot(number, text, WHY_CONV)
            return LayerSpec(
                "conv",
                channels=int(args["out_channels"]),
                kernel=kernel,
                padding=padding,
                stride=stride,
            )
        if cls in ("MaxPool2d", "AvgPool2d"):
            kernel, stride, padding = _window(args, number, text)
            if args.get("ceil_mode") or _one(args.get("dilation", 1)) != 1:
                raise _cannot(number, text, WHY_POOL)
            if cls == "AvgPool2d" and (
                args.get("divisor_override") is not None
                or (padding and args.get("count_include_pad") is False)
            ):
                raise _cannot(number, text, WHY_POOL)
            return LayerSpec(
                "maxpool" if cls == "MaxPool2d" else "avgpool",
                kernel=kernel,
                stride=stride,
                padding=padding,
            )
        if cls in ("BatchNorm1d", "BatchNorm2d"):
            if (
                not math.isclose(float(args.get("eps", 1e-5)), 1e-5)
                or args.get("affine") is False
                or args.get("track_running_stats") is False
            ):
                raise _cannot(number, text, WHY_NORM)
            return LayerSpec("batchnorm")
        if cls == "Dropout":
            return LayerSpec("dropout", p=float(args.get("p", 0.5)))
        if cls == "Flatten":
            if args.get("start_dim", 1) != 1 or args.get("end_dim", -1) != -1:
                raise _cannot(number, text, WHY_FLATTEN)
            return LayerSpec("flatten")
        if cls == "Linear":
            return LayerSpec("linear", features=int(args["out_features"]))
        raise _cannot(number, text, WHY_UNKNOWN)
    if kind in ("function", "method"):
        name = str(entry.get("name"))
        args = entry.get("args") if isinstance(entry.get("args"), list) else []
        kwargs = entry.get("kwargs") if isinstance(entry.get("kwargs"), dict) else {}
        assert isinstance(args, list) and isinstance(kwargs, dict)
        if name in FUNCTIONS:  # its keys positional after the input, or by PyTorch's names
            row = FUNCTIONS[name]
            names = [*(k.attribute or k.name for k in row.keys), *row.only]
            return _activation(row, dict(zip(names, args)) | kwargs, number, text)
        if name in SOFTMAX:
            return "softmax"
        if name in ("max_pool2d", "avg_pool2d"):
            names = ["kernel_size", "stride", "padding"]
            if name == "max_pool2d":
                names += ["dilation", "ceil_mode"]
            else:
                names += ["ceil_mode", "count_include_pad", "divisor_override"]
            values = dict(zip(names, args)) | kwargs
            module = {
                "kind": "module",
                "class": "MaxPool2d" if name == "max_pool2d" else "AvgPool2d",
                "args": values,
                "text": text,
            }
            return _layer(module, number)
        if name == "dropout":
            p = args[0] if args else kwargs.get("p", 0.5)
            return LayerSpec("dropout", p=float(p))
        if name in ("flatten", "view", "reshape"):
            shape = args[0] if len(args) == 1 and isinstance(args[0], list) else args
            if name == "flatten":
                start = args[0] if args else kwargs.get("start_dim", 0)
                if start != 1 or kwargs.get("end_dim", -1) != -1:
                    raise _cannot(number, text, WHY_FLATTEN)
            elif len(shape) != 2:
                raise _cannot(number, text, WHY_FLATTEN)
            return LayerSpec("flatten")
        if name in ("contiguous", "float", "clone"):
            return None
        raise _cannot(number, text, WHY_UNKNOWN)
    if kind == "other" and entry.get("name") != "output":
        raise _cannot(number, text, WHY_CHAIN)
    raise _cannot(number, text, WHY_UNKNOWN)


def read_layers(layers: object, classes: int) -> LiveNetwork:
    """The spec of a notebook's layers (LiveError naming the first it cannot draw)."""
    if not isinstance(layers, list) or not layers:
        raise LiveError(QT_TRANSLATE_NOOP("errors", "The notebook did not describe its layers"))
    specs: list[LayerSpec] = []
    sources: list[str | None] = []
    texts: list[str] = []
    softmax = False
    for number, entry in enumerate(layers, 1):
        if not isinstance(entry, dict):
            raise LiveError(QT_TRANSLATE_NOOP("errors", "The notebook did not describe its layers"))
        text = str(entry.get("text") or entry.get("name") or "?")[:200]
        texts.append(text)
        if softmax:  # something after the softmax
            raise _cannot(number - 1, texts[-2], WHY_SOFTMAX)
        layer = _layer(entry, number)
        if layer == "softmax":
            softmax = True
            continue
        if layer is None:
            continue
        assert isinstance(layer, LayerSpec)
        specs.append(layer)
        path = entry.get("path") if entry.get("kind") == "module" else None
        sources.append(str(path) if isinstance(path, str) else None)
    spec = Spec(tuple(specs), name=None, title=None)

    for name in PRESET_LAYERS:  # the book's network, say: called by its name
        preset = preset_spec(name, classes)
        if preset.layers == spec.layers:
            spec = preset
            break
    try:
        plan(spec, classes)
    except SpecError as exc:
        raise LiveError(
            QT_TRANSLATE_NOOP("errors", "The app cannot build the notebook's network: {why}"),
            why=str(exc),
        ) from None
    return LiveNetwork(spec, tuple(sources), tuple(texts), softmax)


# -- the input -----------------------------------------------------------------------------------

_ALIASES = {"mnist": "mnist", "fashion": "fashion-mnist", "fashionmnist": "fashion-mnist"}


def scaling(update: Update, fallback: DatasetInfo) -> tuple[DatasetInfo, float, float, str]:
    """The dataset, the input scaling (mean, std on [0, 1] pixels) and how they were known
    (``"named"``, ``"pixels"`` or ``"assumed"``)."""
    named = update.header.get("dataset")
    info = None
    how = "assumed"
    if isinstance(named, str) and named:
        key = _ALIASES.get(re.sub(r"[^a-z]", "", named.lower()))
        if key is None:
            raise LiveError(
                QT_TRANSLATE_NOOP(
                    "errors", "The notebook names the dataset {name!r}: the app knows {known}"
                ),
                name=named[:40],
                known="mnist, fashion-mnist",
            )
        info, how = dataset_info(key), "named"
    raw = update.header.get("input")
    batches = raw.get("batches") if isinstance(raw, dict) else None
    rows = [
        b
        for b in (batches if isinstance(batches, list) else [])
        if isinstance(b, list)
        and len(b) == 3
        and all(isinstance(v, int | float) and math.isfinite(v) for v in b)
    ]
    mean, std = 0.0, 1.0
    if rows:
        low = statistics.median(b[0] for b in rows)
        high = statistics.median(b[1] for b in rows)
        if high - low > 1e-6:
            std = 1.0 / (high - low)
            mean = -low * std
        pixel = statistics.fmean(b[2] / std + mean for b in rows)
        if info is None:
            key = "mnist" if pixel < PIXEL_MEAN_BETWEEN else "fashion-mnist"
            info, how = dataset_info(key), "pixels"
    info = info or fallback
    if abs(mean) < 2e-3 and abs(std - 1) < 2e-3:
        mean, std = 0.0, 1.0  # ToTensor's [0, 1], the book's
    else:
        for known in (dataset_info("mnist"), dataset_info("fashion-mnist")):
            if abs(mean - known.mean) < 2e-3 and abs(std - known.std) < 2e-3:
                mean, std = known.mean, known.std
    return info, mean, std, how


def _check_input(update: Update) -> None:
    raw = update.header.get("input")
    shape = raw.get("shape") if isinstance(raw, dict) else None
    if isinstance(shape, list) and shape and tuple(shape) != tuple(INPUT_SHAPE):
        raise LiveError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The notebook's network reads {shape} pictures; the app's are {ours}",
            ),
            shape="×".join(map(str, shape)),
            ours="×".join(map(str, INPUT_SHAPE)),
        )


def bundle_of(update: Update, fallback: DatasetInfo, built: LiveNetwork | None = None) -> tuple[
    ModelBundle, LiveNetwork
]:  # fmt: skip
    """The notebook's network as a model the app runs: its layers (``built``, when the
    structure is the one read last time), its weights unchanged, fed as it was fed."""

    if update.state is None:
        raise LiveError(QT_TRANSLATE_NOOP("errors", "The notebook sent no weights"))
    _check_input(update)
    classes = update.header.get("classes")
    info, mean, std, how = scaling(update, fallback)
    if not isinstance(classes, int) or classes < 2:
        classes = len(info.classes)
    if classes != len(info.classes):
        raise LiveError(
            QT_TRANSLATE_NOOP(
                "errors", "The notebook's network has {count} outputs; {dataset} has {classes}"
            ),
            count=classes,
            dataset=info.name,
            classes=len(info.classes),
        )
    network = built or read_layers(update.header.get("layers"), classes)
    bundle = new_model(network.spec, info, mean=mean, std=std)
    ours = bundle.network.state_dict()
    state = update.state
    renamed: dict[str, torch.Tensor] = {}
    for (child, module), source in zip(bundle.network.named_children(), network.sources):
        for key, mine in module.state_dict().items():
            name = f"{child}.{key}"
            theirs = state.get(f"{source}.{key}") if source is not None else None
            if theirs is None and key == "bias":
                theirs = torch.zeros_like(mine)  # a layer without a bias: the same as zeros
            if theirs is None and key == "num_batches_tracked":
                theirs = mine
            if theirs is None or tuple(theirs.shape) != tuple(mine.shape):
                raise LiveError(
                    QT_TRANSLATE_NOOP(
                        "errors", "The notebook's weights do not fit its layers ({name})"
                    ),
                    name=f"{source}.{key}",
                )
            renamed[name] = theirs.to(mine.dtype)
    missing = set(ours) - set(renamed)
    if missing:  # pragma: no cover - every child's state was walked
        raise LiveError(
            QT_TRANSLATE_NOOP("errors", "The notebook's weights do not fit its layers ({name})"),
            name=sorted(missing)[0],
        )
    bundle.network.load_state_dict(renamed, strict=True)
    bundle.network.eval()
    record = {
        "notebook": {
            "name": update.name,
            "step": update.step,
            "mode": update.mode,
            "taken_at": update.taken_at,
            "scale": "unit" if (mean, std) == (0.0, 1.0) else f"{mean:g},{std:g}",
            "dataset_from": how,
            "structure": str(update.header.get("structure", ""))[:300],
        }
    }
    return replace(bundle, source=update.name, training=record), network
