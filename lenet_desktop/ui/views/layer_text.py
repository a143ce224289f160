"""What each layer does, in words a learner reads beside its maps: "convolution 5×5, padding 2",
"batch normalisation", "ReLU", "max pooling 2×2, stride 2", "fully connected 400 → 120".

The words come from the engine's table of layer types as translatable parts
(:func:`lenet_desktop.specs.layer_types.describe`); this only translates and joins them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from lenet_desktop.specs.geometry import shape_text
from lenet_desktop.specs.layer_types import Words


def _word(value: object) -> object:
    return QCoreApplication.translate("layers", value) if isinstance(value, str) else value


def operation(words: Words) -> str:
    """A layer's description in the window's language."""
    return "".join(
        QCoreApplication.translate("layers", template).format(*(_word(v) for v in values))
        for template, values in words
    )


def band_title(name: str, words: Words, shape: Iterable[int]) -> str:
    """``C1 · convolution 5×5, padding 2 · 6×…×…``: the name, what it does, its output shape."""
    what = operation(words)
    if what == name:  # "flatten · flatten": the name already says it
        return f"{name} · {shape_text(shape)}"
    return f"{name} · {what} · {shape_text(shape)}"
