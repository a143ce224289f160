"""Numbers made of real MNIST test digits, for reading whole numbers (issue 40): the
benchmark's generator and the tests'.

:func:`number_ink` crops each ``(28, 28) uint8`` test digit (light on dark) to its ink and sets
them left to right on one line — with gaps of 2–6 pixels at the digits' 28-pixel scale, or,
``touching``, one neighbouring pair moved together until their ink touches — each digit
jittered up or down by up to 2 pixels, the whole number slanted by a shear of up to ±0.2.
:func:`compose` enlarges it 6× as a drawing (dark ink on white); :func:`number_photo` writes it
on a photographed page (``tests/helpers/photos.py``: paper, ruled lines, pen, light, JPEG).
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage


def _crop(digit: np.ndarray) -> np.ndarray:
    rows = np.flatnonzero(digit.max(axis=1) > 30)
    cols = np.flatnonzero(digit.max(axis=0) > 30)
    return digit[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _touch(left: np.ndarray, right: np.ndarray) -> int:
    """How far to the left ``right`` must move (columns) for the two inks to touch."""
    for overlap in range(0, min(left.shape[1], right.shape[1]) // 2):
        width = left.shape[1] + right.shape[1] - overlap
        height = max(left.shape[0], right.shape[0])
        canvas = np.zeros((height, width), dtype=np.uint8)
        canvas[: left.shape[0], : left.shape[1]] = left
        part = canvas[: right.shape[0], width - right.shape[1] :]
        np.maximum(part, right, out=part)
        if ndimage.label(canvas > 60, structure=np.ones((3, 3)))[1] == 1 or overlap > 6:
            return overlap
    return 0


def number_ink(digits: list[np.ndarray], touching: bool, rng: np.random.Generator) -> np.ndarray:
    """A number from 28×28 test digits: ``(H, W) uint8``, light ink on dark, slanted."""
    crops = [_crop(d) for d in digits]
    gaps = [int(rng.integers(2, 7)) for _ in crops[1:]]
    if touching and len(crops) > 1:
        pair = int(rng.integers(0, len(crops) - 1))
        gaps[pair] = -_touch(crops[pair], crops[pair + 1])
    width = sum(c.shape[1] for c in crops) + sum(gaps) + 24
    canvas = np.zeros((48, width), dtype=np.uint8)
    x = 12
    for index, crop in enumerate(crops):
        top = 10 + int(rng.integers(-2, 3)) + (20 - crop.shape[0]) // 2
        part = canvas[top : top + crop.shape[0], x : x + crop.shape[1]]
        np.maximum(part, crop, out=part)
        x += crop.shape[1] + (gaps[index] if index < len(gaps) else 0)
    picture = Image.fromarray(canvas)
    shear = float(rng.uniform(-0.2, 0.2))
    picture = picture.transform(
        picture.size, Image.Transform.AFFINE, (1, shear, -shear * 24, 0, 1, 0),
        resample=Image.Resampling.BILINEAR,
    )  # fmt: skip
    return np.asarray(picture)


def compose(digits: list[np.ndarray], touching: bool, rng: np.random.Generator) -> Image.Image:
    """A number's picture from 28×28 test digits, as a drawing: dark on white, 6× enlarged."""
    picture = Image.fromarray(number_ink(digits, touching, rng))
    picture = picture.resize((picture.width * 6, picture.height * 6), Image.Resampling.BILINEAR)
    return Image.fromarray(255 - np.asarray(picture))


def number_photo(
    digits: list[np.ndarray], rng: np.random.Generator, ruled: bool | None = None
) -> Image.Image:
    """A phone photo of the number written on paper (``ruled``: force a ruled page or not)."""
    from helpers.photos import photo

    return photo(number_ink(digits, False, rng), rng, ruled=ruled)
