"""A model file's forward pass in NumPy: the window's first answers while torch loads.

Importing torch takes one to three seconds; the window is on screen in half a second. This
module reads the same model file — its header with
:func:`~lenet_desktop.files.model_files.read_model_file`, its tensors with safetensors' NumPy
loader — and runs its layers with NumPy alone, so the first drawing is answered, with the
probabilities the torch network gives (to about 1e-6), before torch is there. When torch is
loaded the session puts the torch :class:`~lenet_desktop.nn.inference.Predictor` in use and
this one is dropped: the torch network stays the one source of everything beyond the answer
(kernels, gradients, training, devices).

The layers are every kind a spec may write (convolution with padding and stride, max and
average pooling, sigmoid, ReLU, leaky ReLU, tanh, batch normalisation and dropout as in eval
mode, flatten, linear) and LeNet-5's own (the padding to 32×32, trainable subsampling, C3's
partial connections, the squashing function, the RBF output): the shipped models and any file
the app writes. Each works on one image, ``(C, H, W)`` or ``(F,)`` float32, the way the
matching torch module computes it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from lenet_desktop.data.datasets import DatasetInfo
from lenet_desktop.data.preprocessing import Preprocessed, preprocess
from lenet_desktop.nn.bundle import ModelHeader
from lenet_desktop.nn.lenet5_layout import LAYOUT, PADDING
from lenet_desktop.nn.lenet5_layout import Layer as LenetLayer
from lenet_desktop.nn.prediction import Prediction
from lenet_desktop.specs import Spec, plan
from lenet_desktop.specs.geometry import INPUT_SHAPE
from lenet_desktop.specs.layer_types import (
    C3_CONNECTIONS,
    SPEC_TYPES,
    SQUASH_AMPLITUDE,
    SQUASH_SLOPE,
)

Layer = Callable[[np.ndarray], np.ndarray]
BATCH_NORM_EPS = 1e-5  # torch's default, which the networks are built with
F32 = np.float32


class UnsupportedModel(ValueError):
    """A model file this module cannot run; torch's loader then answers alone (and says,
    in the learner's words, what is wrong with a file that is damaged)."""


# -- the layers --------------------------------------------------------------------------------


def _windows(x: np.ndarray, kernel: int, stride: int) -> np.ndarray:
    """``(C, H, W)`` → ``(C, H', W', k, k)``: the ``k×k`` window under each output position."""
    return sliding_window_view(x, (kernel, kernel), axis=(1, 2))[:, ::stride, ::stride]


def pad(x: np.ndarray, padding: int, value: float = 0.0) -> np.ndarray:
    """``nn.ConstantPad2d``: ``(C, H, W)`` → ``(C, H + 2p, W + 2p)``, the border ``value``
    (as float32, as torch fills a float32 tensor)."""
    width = ((0, 0), (padding, padding), (padding, padding))
    return np.pad(x, width, constant_values=F32(value))


def conv2d(
    x: np.ndarray, weight: np.ndarray, bias: np.ndarray, stride: int = 1, padding: int = 0
) -> np.ndarray:
    """``nn.Conv2d``: ``(C, H, W)`` with ``(O, C, k, k)`` kernels → ``(O, H', W')``."""
    if padding:
        x = pad(x, padding)
    out_channels, in_channels, kernel, _ = weight.shape
    windows = _windows(x, kernel, stride)
    height, width = windows.shape[1:3]
    columns = windows.transpose(1, 2, 0, 3, 4).reshape(height * width, in_channels * kernel**2)
    out = columns @ weight.reshape(out_channels, -1).T + bias
    return np.ascontiguousarray(out.T.reshape(out_channels, height, width))


def pool2d(x: np.ndarray, kind: str, kernel: int, stride: int, padding: int = 0) -> np.ndarray:
    """``nn.MaxPool2d`` (``kind`` "max": padding is −∞) or ``nn.AvgPool2d`` ("avg": padding
    is 0 and counts in the mean, as torch's default)."""
    if padding:
        x = pad(x, padding, -np.inf if kind == "max" else 0.0)
    windows = _windows(x, kernel, stride)
    pooled = windows.max(axis=(3, 4)) if kind == "max" else windows.mean(axis=(3, 4))
    return pooled.astype(F32)


def batch_norm(
    x: np.ndarray, weight: np.ndarray, bias: np.ndarray, mean: np.ndarray, var: np.ndarray
) -> np.ndarray:
    """``nn.BatchNorm1d``/``2d`` in eval mode, with the running statistics."""
    scale = weight / np.sqrt(var + F32(BATCH_NORM_EPS))
    shift = bias - mean * scale
    if x.ndim == 3:
        scale, shift = scale[:, None, None], shift[:, None, None]
    return x * scale + shift


def linear(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """``nn.Linear``: ``(F,)`` with ``(O, F)`` weights → ``(O,)``."""
    return weight @ x + bias


def rbf(x: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """LeNet-5's RBF output: minus the squared distance of ``(84,)`` to each class's code."""
    return -((x[None, :] - centres) ** 2).sum(axis=1)


def flatten(x: np.ndarray) -> np.ndarray:
    return x.reshape(-1)


def squash(x: np.ndarray) -> np.ndarray:
    """LeNet-5's ``A·tanh(S·a)``."""
    return F32(SQUASH_AMPLITUDE) * np.tanh(F32(SQUASH_SLOPE[0] / SQUASH_SLOPE[1]) * x)


def subsample(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """LeNet-5's S layers: each 2×2 block summed, times the map's weight, plus its bias."""
    summed = pool2d(x, "avg", 2, 2) * F32(4)
    return summed * weight[:, None, None] + bias[:, None, None]


def softmax(logits: np.ndarray, temperature: float) -> np.ndarray:
    scaled = logits / F32(temperature)
    exp = np.exp(scaled - scaled.max())
    return (exp / exp.sum()).astype(F32)


# -- a network from a file's tensors -------------------------------------------------------------


class Tensors:
    """A file's tensors, taken by name; :meth:`check_all_used` refuses a file with more."""

    def __init__(self, tensors: dict[str, np.ndarray]) -> None:
        self._tensors = tensors
        self._used: set[str] = set()

    def take(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        value = self._tensors.get(name)
        if value is None or tuple(value.shape) != shape:
            raise UnsupportedModel(f"{name}: missing, or not of shape {shape}")
        self._used.add(name)
        if value.dtype.kind != "f":
            return value
        value = value.astype(F32)
        if not np.isfinite(value).all():
            raise UnsupportedModel(f"{name}: not finite")
        return value

    def has(self, name: str) -> bool:
        return name in self._tensors

    def check_all_used(self) -> None:
        extra = sorted(set(self._tensors) - self._used)
        if extra:
            raise UnsupportedModel(f"unexpected tensors {extra[:4]}")


def spec_layers(spec: Spec, classes: int, tensors: Tensors) -> list[tuple[str, Layer]]:
    """The layers of a network built from ``spec`` (:func:`~lenet_desktop.specs.planning` names
    them and gives their input shapes, as for the torch network)."""
    layers: list[tuple[str, Layer]] = []
    for layer, step in zip(spec.layers, plan(spec, classes)):
        name, kind, shape = step.name, layer.type, step.in_shape
        fn: Layer
        if kind == "conv":
            assert layer.channels is not None and layer.kernel is not None
            k = layer.kernel
            w = tensors.take(f"{name}.weight", (layer.channels, shape[0], k, k))
            b = tensors.take(f"{name}.bias", (layer.channels,))
            stride, padding = layer.stride or 1, layer.padding or 0
            fn = partial(conv2d, weight=w, bias=b, stride=stride, padding=padding)
        elif kind in ("maxpool", "avgpool"):
            assert layer.kernel is not None
            how, k = kind[:3], layer.kernel
            stride, padding = layer.stride or k, layer.padding or 0
            fn = partial(pool2d, kind=how, kernel=k, stride=stride, padding=padding)
        elif kind == "batchnorm":
            n = (shape[0],)
            w, b = tensors.take(f"{name}.weight", n), tensors.take(f"{name}.bias", n)
            mean = tensors.take(f"{name}.running_mean", n)
            var = tensors.take(f"{name}.running_var", n)
            tensors.take(f"{name}.num_batches_tracked", ())
            fn = partial(batch_norm, weight=w, bias=b, mean=mean, var=var)
        elif kind == "linear":
            assert layer.features is not None
            w = tensors.take(f"{name}.weight", (layer.features, shape[0]))
            b = tensors.take(f"{name}.bias", (layer.features,))
            fn = partial(linear, weight=w, bias=b)
        elif (row := SPEC_TYPES.get(kind)) is not None and row.array is not None:
            fn = row.array(layer)  # no weights: an activation, dropout (off), flatten
        else:
            raise UnsupportedModel(f"layer type {kind!r}")
        layers.append((name, fn))
    return layers


def lenet5_layers(classes: int, pad_value: float, tensors: Tensors) -> list[tuple[str, Layer]]:
    """LeNet-5 as :func:`lenet_desktop.nn.models.lenet5` builds it, from the same layout
    (:data:`~lenet_desktop.nn.lenet5_layout.LAYOUT`): the same names, the RBF output with the
    file's codes (or, in files made before it, a linear output)."""
    t = tensors.take

    def weights(layer: LenetLayer) -> tuple[np.ndarray, np.ndarray]:
        name, k = layer.name, layer.kernel
        shape = {
            "conv": (layer.outputs, layer.inputs, k, k),
            "subsampling": (layer.outputs,),
            "linear": (layer.outputs, layer.inputs),
        }[layer.kind]
        return t(f"{name}.weight", shape), t(f"{name}.bias", (layer.outputs,))

    def sparse(layer: LenetLayer) -> Layer:  # C3: its connected kernels in a full one
        pairs = [(o, i) for o, inputs in enumerate(C3_CONNECTIONS) for i in inputs]
        k = layer.kernel
        kernels = t(f"{layer.name}.weight", (len(pairs), k, k))
        full = np.zeros((layer.outputs, layer.inputs, k, k), dtype=F32)
        full[[o for o, _ in pairs], [i for _, i in pairs]] = kernels
        return partial(conv2d, weight=full, bias=t(f"{layer.name}.bias", (layer.outputs,)))

    def output(layer: LenetLayer) -> Layer:
        if classes <= 10 and tensors.has("output.centres"):
            return partial(rbf, centres=t("output.centres", (classes, layer.inputs)))
        weight = t("output.weight", (classes, layer.inputs))
        return partial(linear, weight=weight, bias=t("output.bias", (classes,)))

    def with_weights(function: Callable[..., np.ndarray]) -> Callable[[LenetLayer], Layer]:
        def made(layer: LenetLayer) -> Layer:
            weight, bias = weights(layer)
            return partial(function, weight=weight, bias=bias)

        return made

    build: dict[str, Callable[[LenetLayer], Layer]] = {  # each kind of the layout, in NumPy
        "pad": lambda layer: partial(pad, padding=PADDING, value=pad_value),
        "conv": with_weights(conv2d),
        "sparse": sparse,
        "subsampling": with_weights(subsample),
        "squash": lambda layer: squash,
        "flatten": lambda layer: flatten,
        "linear": with_weights(linear),
        "output": output,
    }
    return [(layer.name, build[layer.kind](layer)) for layer in LAYOUT]


# -- the predictor -------------------------------------------------------------------------------


class NumpyPredictor:
    """A model file's network in NumPy, with the torch Predictor's hot path:
    :meth:`preprocess` and :meth:`predict` (every layer's output kept)."""

    device = "cpu"

    def __init__(self, bundle: ModelHeader, layers: list[tuple[str, Layer]]) -> None:
        self.bundle = bundle
        self.layers = layers

    def preprocess(self, image) -> Preprocessed:
        """An image → this model's 28×28 input (see :func:`preprocessing.preprocess`)."""
        info = self.bundle.dataset
        return preprocess(image, info.convention, info.mean, info.std)

    def predict(self, normalized: np.ndarray) -> Prediction:
        """Classify one normalised ``(1, 1, 28, 28) float32`` image, keeping every layer's
        output."""
        image = np.asarray(normalized, dtype=F32).reshape(INPUT_SHAPE)
        x, activations = image, {}
        with np.errstate(over="ignore", under="ignore"):
            for name, layer in self.layers:
                x = np.asarray(layer(x), dtype=F32)
                activations[name] = x
        return Prediction(
            probabilities=softmax(x, self.bundle.temperature),
            logits=x,
            temperature=self.bundle.temperature,
            classes=self.bundle.dataset.classes,
            input=image,
            activations=activations,
            device=self.device,
        )


def numpy_predictor(
    header: ModelHeader, tensors: dict[str, np.ndarray], where: object = "model"
) -> NumpyPredictor:
    """The network a model file's ``header`` describes, with its ``tensors``, ready to answer in
    NumPy. UnsupportedModel (naming ``where``) for one this module cannot run (a tensor
    missing or extra): torch's loader then has the last word."""
    found = Tensors(tensors)
    info: DatasetInfo = header.dataset
    classes = len(info.classes)
    if header.architecture == "lenet5":
        layers = lenet5_layers(classes, -info.mean / info.std, found)
    elif header.spec is not None:
        layers = spec_layers(header.spec, classes, found)
    else:
        raise UnsupportedModel(f"{where}: no layers for {header.architecture!r}")
    found.check_all_used()
    return NumpyPredictor(header, layers)
