"""Pictures a learner might make: real test digits re-drawn large and off-centre."""

from __future__ import annotations

import numpy as np
from PIL import Image


def enlarged_ink(digit: np.ndarray, size: int) -> Image.Image:
    """A ``(28, 28) uint8`` dataset image's ink box, scaled (bicubic) so its longer side is
    ``size`` px: an ``L`` image, light ink on black."""
    rows = np.flatnonzero(digit.max(1) > 0)
    cols = np.flatnonzero(digit.max(0) > 0)
    crop = digit[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    scale = size / max(crop.shape)
    height = max(1, round(crop.shape[0] * scale))
    width = max(1, round(crop.shape[1] * scale))
    return Image.fromarray(crop).resize((width, height), Image.Resampling.BICUBIC)


def redraw(
    digit: np.ndarray,
    canvas: tuple[int, int] = (500, 400),
    size: int = 300,
    centre: tuple[int, int] = (330, 220),
    dark_on_light: bool = True,
    mode: str = "RGB",
) -> Image.Image:
    """Scale a ``(28, 28) uint8`` light-on-dark dataset image so its ink box is ``size`` px on
    its longer side and paste it with its box centred at ``centre`` on a ``canvas``
    (width, height) picture.

    ``mode`` RGB or L gives an opaque picture; RGBA gives ink on a transparent background.
    """
    glyph = np.asarray(enlarged_ink(digit, size), dtype=np.uint8)
    height, width = glyph.shape
    ink = np.zeros((canvas[1], canvas[0]), dtype=np.uint8)
    top, left = centre[1] - height // 2, centre[0] - width // 2
    ink[top : top + height, left : left + width] = glyph
    if mode == "RGBA":
        colour = (20, 20, 160) if dark_on_light else (250, 250, 250)
        rgba = np.zeros((canvas[1], canvas[0], 4), dtype=np.uint8)
        rgba[..., :3] = colour
        rgba[..., 3] = ink
        return Image.fromarray(rgba, "RGBA")
    gray = 255 - ink if dark_on_light else ink
    picture = Image.fromarray(gray, "L")
    return picture.convert(mode)


def ink_box(image: np.ndarray, threshold: float = 0.0) -> tuple[int, int]:
    """(height, width) of the box holding pixels above ``threshold``."""
    rows = np.flatnonzero(image.max(1) > threshold)
    cols = np.flatnonzero(image.max(0) > threshold)
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    ys, xs = np.indices(image.shape)
    total = image.sum()
    return float((ys * image).sum() / total), float((xs * image).sum() / total)


def write_idx_slice(source, target, train: int, test: int) -> None:
    """Copy the first ``train``/``test`` images and labels of an IDX dataset folder into
    ``target`` as the four standard .gz files (a small real dataset for quick runs)."""
    import gzip
    import struct
    from pathlib import Path

    source, target = Path(source), Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for prefix, count in (("train", train), ("t10k", test)):
        for kind, header in (("images-idx3", 16), ("labels-idx1", 8)):
            name = f"{prefix}-{kind}-ubyte.gz"
            data = gzip.decompress((source / name).read_bytes())
            item = 28 * 28 if kind.startswith("images") else 1
            head = bytearray(data[:header])
            head[4:8] = struct.pack(">I", count)
            body = data[header : header + count * item]
            (target / name).write_bytes(gzip.compress(bytes(head) + body))


def drawn_seven(side: int = 200) -> np.ndarray:
    """A 7 as a canvas drawing: dark ink on white paper, ``side`` pixels square (a bar, a
    slanting stem and a crossbar, scaled from a 200-pixel drawing)."""
    k = side / 200
    paper = np.full((side, side), 255, dtype=np.uint8)
    paper[round(40 * k) : round(56 * k), round(40 * k) : round(160 * k)] = 0
    for y in range(round(56 * k), round(170 * k)):
        x = round((150 - (y / k - 56) // 2) * k)
        paper[y, x - round(8 * k) : x + round(8 * k)] = 0
    paper[round(100 * k) : round(112 * k), round(70 * k) : round(130 * k)] = 0
    return paper
