"""What each layer does, in words a learner reads beside its maps: "convolution 5×5, padding 2",
"batch normalisation", "ReLU", "max pooling 2×2, stride 2", "fully connected 400 → 120"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _first(value) -> int:
    return int(value[0]) if isinstance(value, tuple) else int(value)


def operation(module) -> str:
    """A short description of ``module`` (a layer of one of the app's networks)."""
    from torch import nn

    from lenet_desktop.nn.models import Squash, Subsampling

    name = type(module).__name__
    if isinstance(module, nn.Conv2d) or name == "SparseConv2d":
        k, p, s = _first(module.kernel_size), _first(module.padding), _first(module.stride)
        text = QCoreApplication.translate("layers", "convolution {0}×{0}").format(k)
        if name == "SparseConv2d":
            text = QCoreApplication.translate(
                "layers", "convolution {0}×{0}, partly connected"
            ).format(k)
        if p:
            text += QCoreApplication.translate("layers", ", padding {0}").format(p)
        if s != 1:
            text += QCoreApplication.translate("layers", ", stride {0}").format(s)
        return text
    if isinstance(module, (nn.MaxPool2d, nn.AvgPool2d)):
        k, s, p = _first(module.kernel_size), _first(module.stride), _first(module.padding)
        kind = (
            QCoreApplication.translate("layers", "max pooling")
            if isinstance(module, nn.MaxPool2d)
            else QCoreApplication.translate("layers", "average pooling")
        )
        text = QCoreApplication.translate("layers", "{0} {1}×{1}, stride {2}").format(kind, k, s)
        if p:
            text += QCoreApplication.translate("layers", ", padding {0}").format(p)
        return text
    if isinstance(module, Subsampling):
        return QCoreApplication.translate("layers", "subsampling: 2×2 sum × weight + bias")
    if isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)):
        return QCoreApplication.translate("layers", "batch normalisation")
    if isinstance(module, nn.ReLU):
        return "ReLU"
    if isinstance(module, nn.Sigmoid):
        return QCoreApplication.translate("layers", "sigmoid")
    if isinstance(module, nn.Tanh):
        return "tanh"
    if isinstance(module, Squash):
        return QCoreApplication.translate("layers", "squashing 1.7159·tanh(2a/3)")
    if isinstance(module, nn.Linear):
        return QCoreApplication.translate("layers", "fully connected {0} → {1}").format(
            module.in_features, module.out_features
        )
    if isinstance(module, nn.Flatten):
        return QCoreApplication.translate("layers", "flatten")
    if isinstance(module, nn.ConstantPad2d):
        return QCoreApplication.translate("layers", "padding to the 32×32 field")
    if isinstance(module, nn.Dropout):
        return QCoreApplication.translate("layers", "dropout (off when predicting)")
    return name


def band_title(name: str, module, shape: tuple[int, ...]) -> str:
    """``C1 · convolution 5×5, padding 2 · 6×28×28``: the name, what it does, its output shape."""
    return f"{name} · {operation(module)} · {'×'.join(str(d) for d in shape)}"
