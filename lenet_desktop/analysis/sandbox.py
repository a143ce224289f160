"""The convolution sandbox: the notes' cross-correlation by hand, with padding, stride and
channels, and their examples as lessons.

Matrices are written as text the way a learner types them: rows separated by ``;`` (or new
lines), numbers by spaces or commas; input channels separated by ``|``; a kernel's output
channels separated by ``/``. ``"1 2; 3 4 | 5 6; 7 8"`` is a 2-channel 2×2 input.

Output size per side: the notes' formula (:func:`lenet_desktop.specs.geometry.output_size`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.specs.geometry import output_size, size_formula

MAX_SIDE = 32
MAX_CHANNELS = 8


class SandboxError(LocalizedError):
    """Text that is not a matrix, shapes that do not fit: the message says which."""


def parse_matrix(text: str) -> np.ndarray:
    """``"1 2; 3 4"``, or as the notes and NumPy write it, ``[[1, 2], [3, 4]]`` →
    ``(2, 2) float64``. Every row must be as long as the first."""
    text = text.strip()
    if text.startswith("["):  # nested lists: one row per inner [...]
        inner = text[1:-1] if text.endswith("]") else text[1:]
        if "[" in inner:
            text = ";".join(
                part.strip(" ,") for part in inner.replace("]", "[").split("[") if part.strip(" ,")
            )
        else:
            text = inner
    rows = [r for r in text.replace("\n", ";").split(";") if r.strip()]
    if not rows:
        raise SandboxError(QT_TRANSLATE_NOOP("errors", "an empty matrix"))
    values: list[list[float]] = []
    for row in rows:
        values.append([])
        for token in row.replace(",", " ").split():
            try:
                values[-1].append(float(token))
            except ValueError:
                raise SandboxError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{token!r} is not a number (write rows as 1 2 3; 4 5 6 or "
                        "[[1, 2, 3], [4, 5, 6]])",
                    ),
                    token=token,
                ) from None
    if any(len(r) != len(values[0]) for r in values):
        raise SandboxError(
            QT_TRANSLATE_NOOP("errors", "every row must have as many numbers as the first")
        )
    matrix = np.array(values, dtype=np.float64)
    if max(matrix.shape) > MAX_SIDE:
        raise SandboxError(QT_TRANSLATE_NOOP("errors", "at most {side}×{side}"), side=MAX_SIDE)
    return matrix


def parse_channels(text: str) -> np.ndarray:
    """``"1 2; 3 4 | 5 6; 7 8"`` → ``(C, H, W)``: channels separated by ``|``."""
    channels = [parse_matrix(t) for t in text.split("|")]
    if any(c.shape != channels[0].shape for c in channels):
        raise SandboxError(QT_TRANSLATE_NOOP("errors", "every channel must have the same size"))
    if len(channels) > MAX_CHANNELS:
        raise SandboxError(
            QT_TRANSLATE_NOOP("errors", "at most {count} channels"), count=MAX_CHANNELS
        )
    return np.stack(channels)


def parse_kernels(text: str) -> np.ndarray:
    """``"1 | 0 / 0 | 1"`` → ``(O, C, kh, kw)``: output channels separated by ``/``, each a
    kernel per input channel separated by ``|``."""
    kernels = [parse_channels(t) for t in text.split("/")]
    if any(k.shape != kernels[0].shape for k in kernels):
        raise SandboxError(
            QT_TRANSLATE_NOOP("errors", "every output channel's kernel must have the same shape")
        )
    return np.stack(kernels)


def number(value: float) -> str:
    """``37.0`` → ``37``, ``0.5`` → ``0.5``: integers without ``.0``, ASCII minus (copyable)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4g}"


def matrix_text(matrix: np.ndarray) -> str:
    """``[[37, 47], [67, 77]]``: a 2-D array written as nested lists, integers without ``.0``."""
    return "[" + ", ".join("[" + ", ".join(number(v) for v in row) + "]" for row in matrix) + "]"


@dataclass(frozen=True, eq=False)
class Corr2d:
    """One cross-correlation with everything shown: ``input`` ``(C, H, W)``, ``padded``
    ``(C, H + 2p, W + 2p)``, ``kernels`` ``(O, C, kh, kw)``, ``output`` ``(O, Ho, Wo)``."""

    input: np.ndarray
    padded: np.ndarray
    kernels: np.ndarray
    padding: int
    stride: int
    output: np.ndarray

    def window(self, row: int, col: int) -> tuple[int, int]:
        """Top-left corner, in the padded input, of the window of output (row, col)."""
        return row * self.stride, col * self.stride

    def products(self, channel: int, row: int, col: int) -> np.ndarray:
        """``(C, kh, kw)``: each input value under the kernel times its kernel weight."""
        top, left = self.window(row, col)
        kh, kw = self.kernels.shape[2:]
        patch = self.padded[:, top : top + kh, left : left + kw]
        return patch * self.kernels[channel]

    def formula(self, channel: int, row: int, col: int) -> str:
        """``1×1 + 2×2 + 4×3 + 5×4 = 37``: every product of one output value, with its sum."""
        top, left = self.window(row, col)
        kh, kw = self.kernels.shape[2:]
        terms = []
        for c in range(self.input.shape[0]):
            patch = self.padded[c, top : top + kh, left : left + kw]
            for x, w in zip(patch.ravel(), self.kernels[channel, c].ravel()):
                terms.append(f"{number(x)}×{number(w)}")
        return f"{' + '.join(terms)} = {number(self.output[channel, row, col])}"

    def size_text(self) -> tuple[str, str]:
        """Output height and width by the formula, with the numbers."""
        (h, w), (kh, kw) = self.input.shape[1:], self.kernels.shape[2:]
        p, s = self.padding, self.stride

        def one(n: int, k: int) -> str:
            return size_formula(n, k, p, s)

        return one(h, kh), one(w, kw)

    def as_json(self) -> dict:
        return {
            "input_shape": list(self.input.shape),
            "kernel_shape": list(self.kernels.shape),
            "padding": self.padding,
            "stride": self.stride,
            "output": self.output.tolist(),
            "output_shape": list(self.output.shape),
        }


def corr2d(x: np.ndarray, kernels: np.ndarray, padding: int = 0, stride: int = 1) -> Corr2d:
    """Cross-correlate ``x`` (``(H, W)`` or ``(C, H, W)``) with ``kernels`` (``(kh, kw)``,
    ``(C, kh, kw)`` or ``(O, C, kh, kw)``): each output channel sums its kernels' products
    over every input channel (the notes' multi-channel rule). SandboxError when they do not
    fit."""
    x = np.asarray(x, dtype=np.float64)
    x = x[None] if x.ndim == 2 else x
    k = np.asarray(kernels, dtype=np.float64)
    while k.ndim < 4:
        k = k[None]
    if k.shape[1] != x.shape[0]:
        raise SandboxError(
            QT_TRANSLATE_NOOP(
                "errors", "the input has {inputs} channel(s) but each kernel has {kernels}"
            ),
            inputs=x.shape[0],
            kernels=k.shape[1],
        )
    if padding < 0 or stride < 1:
        raise SandboxError(
            QT_TRANSLATE_NOOP("errors", "padding must be 0 or more and stride 1 or more")
        )
    (h, w), (kh, kw) = x.shape[1:], k.shape[2:]
    out_h, out_w = output_size(h, kh, padding, stride), output_size(w, kw, padding, stride)
    if out_h < 1 or out_w < 1:
        raise SandboxError(
            QT_TRANSLATE_NOOP("errors", "the kernel is larger than the padded input")
        )
    padded = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    output = np.zeros((k.shape[0], out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            top, left = i * stride, j * stride
            patch = padded[:, top : top + kh, left : left + kw]
            output[:, i, j] = (patch[None] * k).sum(axis=(1, 2, 3))
    return Corr2d(x, padded, k, padding, stride, output)


@dataclass(frozen=True)
class Lesson:
    """One of the notes' examples: texts in English, marked for translation (context
    "lessons"); ``input`` and ``kernel`` in the sandbox's text format."""

    key: str
    title: str
    text: str
    input: str
    kernel: str
    padding: int = 0
    stride: int = 1


EDGES = "; ".join(["1 1 0 0 0 0 1 1"] * 6)
RAMP = "1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 16"
LESSONS = (
    Lesson(
        "cross-correlation",
        QT_TRANSLATE_NOOP("lessons", "Cross-correlation, 3×3 ∗ 2×2"),
        QT_TRANSLATE_NOOP(
            "lessons",
            "The kernel slides over the input; each output value is the sum of the element-wise "
            "products under it: 1×1 + 2×2 + 4×3 + 5×4 = 37. The result is [[37, 47], [67, 77]]. "
            "(The notes write the lower-left sum as 4+10+21+43: the last product is 8×4 = 32, "
            "so the sum is 67.)",
        ),
        "1 2 3; 4 5 6; 7 8 9",
        "1 2; 3 4",
    ),
    Lesson(
        "edges",
        QT_TRANSLATE_NOOP("lessons", "Edge detection with [1, −1]"),
        QT_TRANSLATE_NOOP(
            "lessons",
            "A 6×8 image, white (1) with a dark middle (0). The kernel [1, −1] subtracts each "
            "pixel's right neighbour: 0 where they are equal, 1 where white turns dark and −1 "
            "where dark turns white. Two columns light up: the two edges.",
        ),
        EDGES,
        "1 -1",
    ),
    Lesson(
        "padding-1",
        QT_TRANSLATE_NOOP("lessons", "Padding 1 keeps the size"),
        QT_TRANSLATE_NOOP(
            "lessons",
            "A 4×4 input and a 3×3 kernel: without padding the output is 2×2. One ring of "
            "zeros (padding 1) gives (4 − 3 + 2 + 1) / 1 = 4: the same size as the input, as "
            "p = (k − 1) / 2 promises.",
        ),
        RAMP,
        "0 1 0; 1 1 1; 0 1 0",
        padding=1,
    ),
    Lesson(
        "padding-2",
        QT_TRANSLATE_NOOP("lessons", "Padding 2 grows it"),
        QT_TRANSLATE_NOOP(
            "lessons",
            "The same 4×4 input and 3×3 kernel with two rings of zeros: (4 − 3 + 4 + 1) / 1 = "
            "6, a 6×6 output. The outer values see mostly padding.",
        ),
        RAMP,
        "0 1 0; 1 1 1; 0 1 0",
        padding=2,
    ),
    Lesson(
        "stride-2",
        QT_TRANSLATE_NOOP("lessons", "Stride 2 halves it"),
        QT_TRANSLATE_NOOP(
            "lessons",
            "A 2×2 kernel moved two pixels at a time over a 4×4 input: (4 − 2 + 0 + 2) / 2 = 2, "
            "a 2×2 output. Windows no longer overlap.",
        ),
        RAMP,
        "1 1; 1 1",
        stride=2,
    ),
    Lesson(
        "two-channels",
        QT_TRANSLATE_NOOP("lessons", "Two input channels, summed"),
        QT_TRANSLATE_NOOP(
            "lessons",
            "Each input channel has its own kernel; the two cross-correlations are added into "
            "one output: (0×0 + 1×1 + 3×2 + 4×3) + (1×1 + 2×2 + 4×3 + 5×4) = 19 + 37 = 56.",
        ),
        "0 1 2; 3 4 5; 6 7 8 | 1 2 3; 4 5 6; 7 8 9",
        "0 1; 2 3 | 1 2; 3 4",
    ),
    Lesson(
        "one-by-one",
        QT_TRANSLATE_NOOP("lessons", "A 1×1 convolution mixes channels"),
        QT_TRANSLATE_NOOP(
            "lessons",
            "A 1×1 kernel sees one pixel, but of every channel: each output pixel is a weighted "
            "sum of the three input channels at that pixel, like a fully connected layer applied "
            "at every position. Here three channels become two.",
        ),
        "1 2; 3 4 | 5 6; 7 8 | 9 10; 11 12",
        "1 | 0 | 0 / 0.5 | 0.5 | 0",
    ),
)


def lesson(key: str) -> Lesson:
    return next(item for item in LESSONS if item.key == key)


def run_lesson(item: Lesson) -> Corr2d:
    return corr2d(parse_channels(item.input), parse_kernels(item.kernel), item.padding, item.stride)
