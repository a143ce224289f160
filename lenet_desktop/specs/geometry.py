"""The geometry the app teaches, in one place: the input's size, the notes' output-size formula
(as a function and as its worked text) and the receptive field of every layer.

The engine, the spec checker, the layer table, the sandbox, the editor and the command line
all ask this module; nothing else writes 28 or the formula. Plain Python: no torch.

The receptive field of every layer follows the jump/offset recurrence of the notes (a unit of
layer l sees r_l × r_l input pixels; neighbouring units' fields are j_l pixels apart)::

    j_out = s · j_in        r_out = r_in + (k − 1) · j_in        start_out = start_in − p · j_in
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lenet_desktop.specs.layer_types import kind_of

if TYPE_CHECKING:
    import numpy as np


INPUT_SIDE = 28  # MNIST's and Fashion-MNIST's images: 28×28 pixels, one channel
INPUT_CHANNELS = 1
INPUT_SHAPE = (INPUT_CHANNELS, INPUT_SIDE, INPUT_SIDE)
# The notes' output size of one side of a conv or pool layer; p is the padding per side.
FORMULA = "⌊(n − k + 2p + s) / s⌋"


def output_size(n: int, kernel: int, padding: int = 0, stride: int = 1) -> int:
    """The notes' output size of one side (:data:`FORMULA`)."""
    return (n - kernel + 2 * padding + stride) // stride


def size_formula(n: int, kernel: int, padding: int, stride: int) -> str:
    """:data:`FORMULA` with the numbers in, e.g. ``(14 − 5 + 0 + 1) / 1 = 10``.

    ``padding`` is per side; the formula adds both sides (2p). Floor brackets are shown when
    the division leaves a remainder.
    """
    numerator = n - kernel + 2 * padding + stride
    text = f"({n} − {kernel} + {2 * padding} + {stride}) / {stride}"
    if numerator % stride:
        text = f"⌊{text}⌋"
    return f"{text} = {output_size(n, kernel, padding, stride)}"


def shape_text(shape: Iterable[int]) -> str:
    """``(16, 10, 10)`` → ``16×10×10``."""
    return "×".join(str(int(d)) for d in shape)


def pair(value: Any) -> tuple[int, int]:
    """A module's ``kernel_size``/``stride``/``padding`` (an int or a pair) as a pair."""
    if isinstance(value, (tuple, list)):
        return int(value[0]), int(value[-1])
    return int(value), int(value)


# -- receptive fields ------------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldArithmetic:
    """What one unit of a layer sees of the input image.

    ``size``: the side of the field in input pixels (unclipped); ``jump``: how far apart, in
    input pixels, the fields of neighbouring units are; ``start``: the top (and left) input
    coordinate of unit (0, 0)'s field, negative where it reaches into padding. ``whole``: a
    fully connected layer (or anything after flattening) sees the whole input.
    """

    name: str
    size: int
    jump: int
    start: int
    whole: bool = False

    def text(self) -> str:
        """``14×14, jump 2``; ``28×28 (all)`` for a layer that sees everything."""
        if self.whole:
            return f"{INPUT_SIDE}×{INPUT_SIDE} (all)"
        return f"{self.size}×{self.size}, jump {self.jump}"


@dataclass(frozen=True)
class Field:
    """A unit's receptive field in the input, rows ``top``–``bottom`` and columns
    ``left``–``right`` inclusive, clipped to the input; ``size`` is the unclipped side."""

    top: int
    left: int
    bottom: int
    right: int
    size: int

    @property
    def height(self) -> int:
        return self.bottom - self.top + 1

    @property
    def width(self) -> int:
        return self.right - self.left + 1

    @property
    def clipped(self) -> bool:
        return self.height < self.size or self.width < self.size

    def box(self) -> tuple[int, int, int, int]:
        """(top, left, bottom, right), as the input view's outline takes it."""
        return self.top, self.left, self.bottom, self.right


WHOLE = Field(0, 0, INPUT_SIDE - 1, INPUT_SIDE - 1, INPUT_SIDE)


def receptive_fields(layers: Iterable[tuple[str, Any]]) -> dict[str, FieldArithmetic]:
    """Every layer's receptive-field size, jump and start, by the recurrence above.

    ``layers``: a network's ``(name, module)`` pairs. Layers with a ``kernel_size``
    (convolutions, pools, LeNet-5's subsampling) grow the field; padding moves its start; fully
    connected layers and everything after a flatten see the whole input; other layers
    (activations, normalisation, dropout) keep it. What a module is comes from the table of
    layer types (:func:`lenet_desktop.specs.layer_types.kind_of`).
    """
    size, jump, start, whole = 1, 1, 0, False
    fields = {}
    for name, module in layers:
        kind = kind_of(module)
        if kind in ("linear", "flatten", "rbf"):
            whole = True
        elif kind == "pad":
            start -= pair(module.padding)[0] * jump  # (left, right, top, bottom): same here
        elif hasattr(module, "kernel_size") and not whole:
            k = pair(module.kernel_size)[0]
            s = pair(getattr(module, "stride", None) or k)[0]
            p = pair(getattr(module, "padding", 0))[0]
            d = pair(getattr(module, "dilation", 1))[0]
            k = d * (k - 1) + 1
            size, start, jump = size + (k - 1) * jump, start - p * jump, jump * s
        fields[name] = FieldArithmetic(name, INPUT_SIDE if whole else size, jump, start, whole)
    return fields


def unit_field(arithmetic: FieldArithmetic, row: int | None, col: int | None) -> Field:
    """The input pixels unit (``row``, ``col``) of a layer sees, clipped to the input."""
    if arithmetic.whole or row is None or col is None:
        return WHOLE
    last = INPUT_SIDE - 1
    top = arithmetic.start + row * arithmetic.jump
    left = arithmetic.start + col * arithmetic.jump
    return Field(
        max(0, top),
        max(0, left),
        min(last, top + arithmetic.size - 1),
        min(last, left + arithmetic.size - 1),
        arithmetic.size,
    )


def field_on_picture(
    field: Field, image: np.ndarray, picture_ink: np.ndarray, threshold: float = 0.1
) -> tuple[float, float, float, float] | None:
    """Where a receptive field lies on the picture the input was made from, approximately.

    Preprocessing crops the picture's ink, scales it (aspect kept) and places it in the 28×28
    frame; this undoes that from the two ink boxes: ``image`` ``(28, 28)`` in [0, 1] (ink
    light) and ``picture_ink`` ``(H, W)`` in [0, 1] (1 = ink). Returns (x0, y0, x1, y1) in
    picture pixels (edges, exclusive end), or None when either has no ink. An approximation:
    antialiasing blurs the 28×28 ink box by up to a pixel.
    """
    small = _ink_box(image > threshold)
    large = _ink_box(picture_ink > threshold)
    if small is None or large is None:
        return None
    (st, sl, sb, sr), (lt, ll, lb, lr) = small, large
    scale = max(lb - lt, lr - ll) / max(sb - st, sr - sl)
    # Centre on centre: the crop box is placed whole in the frame.
    cy_small, cx_small = (st + sb) / 2, (sl + sr) / 2
    cy_large, cx_large = (lt + lb) / 2, (ll + lr) / 2

    def x(c: float) -> float:
        return cx_large + (c - cx_small) * scale

    def y(r: float) -> float:
        return cy_large + (r - cy_small) * scale

    return x(field.left), y(field.top), x(field.right + 1), y(field.bottom + 1)


def _ink_box(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    import numpy as np  # deferred on purpose: the names above are read at start-up, before numpy

    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return None
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1
