"""Phone photos of handwritten digits on paper, made from real MNIST test digits.

:func:`photo` renders one ``(28, 28) uint8`` light-on-dark MNIST digit as a learner's phone
would photograph it written on a sheet of paper, and :func:`photo_set` makes a deterministic
set of them from the MNIST-subset test split. Every random choice comes from the ``rng`` given,
so a seed gives the same photos on every machine. Each photo is built in this order:

1. **Page.** A photo ``W × H`` with each side 300–640 px. The paper is off-white and slightly
   tinted: each channel is 222–250, a warm, cool or neutral cast of a few levels.
2. **Ruled lines** (on about half the pages). Thin horizontal lines across the whole width,
   1–3 px thick, every 25–45 px (random phase), light blue or grey, 35–75 % strength; on
   half of the ruled pages also a red margin line down the page, 1–3 px thick, 30–110 px from
   the left edge (the digit may cross it).
3. **Pen.** The digit is upscaled (bicubic) so its ink box's longer side is 80–250 px (and at
   most ¾ of the photo's shorter side), optionally rotated by up to ±10° (half the photos),
   and placed anywhere on the page with at least 8 px to spare (not necessarily centred). The
   stroke is thinned like a finer pen on half of them (the upscaled grey profile is cut at
   a level 0–45 % of full ink and re-stretched, so strokes are 50–100 % of their upscaled
   width), and its darkness is never full: 60–95 % opacity. The ink is black-ish
   (≈ 20–60 per channel) or blue (≈ (20–60, 40–90, 130–200)), laid over the page
   multiplicatively-like (alpha blending with a dark colour), so it covers the ruled lines.
4. **Light.** The whole page (paper, lines and ink) is multiplied by an uneven brightness field:
   a linear gradient in a random direction, plus a radial vignette centred anywhere near the
   middle, plus — on 40 % of the photos — a soft shadow over one side of a random straight
   edge (10–60 px soft edge), as a hand or phone casts. The field is rescaled so brightness
   drops by 20–45 % from the brightest to the darkest point of the page.
5. **Sensor.** Gaussian noise with σ 2–6 levels per channel, then the photo is JPEG-compressed
   at quality 60–90 (4:2:0 chroma subsampling, Pillow's default) and decoded again.

The result is an RGB Pillow image; the ink is always darker than the paper around it and a
person reads every digit, but a gradient or shadow can be darker than the ink is against its
paper, ruled lines cross the page, and the digit can be small and off-centre.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from helpers.drawing import enlarged_ink

PHOTO_SIDE = (300, 640)
DIGIT_SIDE = (80, 250)


def _glyph(digit28: np.ndarray, side: int, angle: float) -> np.ndarray:
    """The digit's ink box upscaled so its longer side is ``side``, rotated by ``angle``°:
    ``(h, w) float32`` opacity in [0, 1]."""
    glyph = enlarged_ink(digit28, side)
    if angle:
        glyph = glyph.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    return np.asarray(glyph, dtype=np.float32) / 255.0


def _lighting(rng: np.random.Generator, height: int, width: int) -> np.ndarray:
    """An uneven brightness field ``(H, W)`` with maximum 1 and a 20–45 % drop."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    ys /= max(height, width)
    xs /= max(height, width)
    direction = rng.uniform(0, 2 * np.pi)
    field = rng.uniform(0.3, 1.0) * (np.cos(direction) * xs + np.sin(direction) * ys)
    cy, cx = rng.uniform(0.3, 0.7) * height, rng.uniform(0.3, 0.7) * width
    radius = np.hypot((ys * max(height, width) - cy), (xs * max(height, width) - cx))
    field -= rng.uniform(0.2, 1.0) * (radius / max(height, width)) ** 2
    if rng.random() < 0.4:  # a soft shadow over one side of a straight edge
        angle = rng.uniform(0, 2 * np.pi)
        px, py = rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height
        signed = (np.cos(angle) * (xs * max(height, width) - px)) + np.sin(angle) * (
            ys * max(height, width) - py
        )
        soft = rng.uniform(10, 60)
        shade = 1.0 / (1.0 + np.exp(-signed / (soft / 4)))
        span = float(field.max() - field.min()) or 1.0
        field -= rng.uniform(0.5, 1.2) * span * shade
    low, high = float(field.min()), float(field.max())
    drop = rng.uniform(0.20, 0.45)
    return 1.0 - drop * (high - field) / max(high - low, 1e-6)


def photo(digit28: np.ndarray, rng: np.random.Generator, ruled: bool | None = None) -> Image.Image:
    """One phone photo (RGB) of ``digit28`` (``(28, 28) uint8``, light on dark, as MNIST
    stores it; or any such ink, a number) written on paper; see the module docstring for what
    varies and by how much. ``ruled``: a ruled page or not (None: as the seed draws it; the
    draw is made either way, so a seed's other choices stay the same)."""
    width, height = (int(rng.integers(PHOTO_SIDE[0], PHOTO_SIDE[1] + 1)) for _ in range(2))
    tint = rng.choice([np.array([4, 2, -4]), np.array([-3, 0, 4]), np.array([0, 0, 0])])
    paper = rng.uniform(230, 246) + tint + rng.uniform(-3, 3, size=3)
    page = np.empty((height, width, 3), dtype=np.float32)
    page[:] = paper.clip(222, 250)

    lined = rng.random() < 0.5
    if lined if ruled is None else ruled:  # ruled notebook paper
        period = int(rng.integers(25, 46))
        thickness = int(rng.integers(1, 4))
        colour = (
            np.array([120, 160, 225]) if rng.random() < 0.6 else np.array([150, 150, 160])
        ) + rng.uniform(-15, 15, size=3)
        strength = rng.uniform(0.35, 0.75)
        for top in range(int(rng.integers(0, period)), height, period):
            band = page[top : top + thickness]
            band[:] = band * (1 - strength) + colour * strength
        if rng.random() < 0.5:
            left = int(rng.integers(30, 111))
            thick = int(rng.integers(1, 4))
            red = np.array([215, 90, 95]) + rng.uniform(-15, 15, size=3)
            band = page[:, left : left + thick]
            band[:] = band * (1 - strength) + red * strength

    side_limit = min(DIGIT_SIDE[1], int(0.75 * min(width, height)))
    side = int(rng.integers(DIGIT_SIDE[0], side_limit + 1))
    angle = float(rng.uniform(-10, 10)) if rng.random() < 0.5 else 0.0
    glyph = _glyph(digit28, side, angle)
    if rng.random() < 0.5:  # a finer pen: keep the core of the stroke
        cut = rng.uniform(0.0, 0.45)
        glyph = ((glyph - cut) / (1 - cut)).clip(0, 1)
    gh, gw = glyph.shape
    gh, gw = min(gh, height - 16), min(gw, width - 16)
    glyph = glyph[:gh, :gw]
    top = int(rng.integers(8, height - gh - 8 + 1))
    left = int(rng.integers(8, width - gw - 8 + 1))
    if rng.random() < 0.5:
        ink = rng.uniform(20, 60, size=3)
    else:
        ink = np.array([rng.uniform(20, 60), rng.uniform(40, 90), rng.uniform(130, 200)])
    alpha = (glyph * rng.uniform(0.60, 0.95))[..., None]
    region = page[top : top + gh, left : left + gw]
    region[:] = region * (1 - alpha) + ink * alpha

    page *= _lighting(rng, height, width)[..., None]
    page += rng.normal(0.0, rng.uniform(2, 6), size=page.shape).astype(np.float32)
    return jpeg(page, int(rng.integers(60, 91)))


def jpeg(page: np.ndarray, quality: int) -> Image.Image:
    """An ``(H, W, 3)`` float page as an RGB picture that went through JPEG at ``quality``."""
    picture = Image.fromarray(page.round().clip(0, 255).astype(np.uint8), "RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return decoded.convert("RGB")


def photo_set(
    n: int, seed: int = 0, folder: str | None = None
) -> tuple[list[Image.Image], list[int]]:
    """``n`` photos of MNIST-subset test digits (drawn without replacement, ``seed`` fixed)
    and their labels. ``folder``: the dataset folder (default: ``shared/datasets/mnist-subset``
    beside the repository, or ``$LENET_SHARED/datasets/mnist-subset``)."""
    import os
    from pathlib import Path

    from lenet_desktop.data.datasets import MNIST, load_dataset

    if folder is None:
        shared = Path(
            os.environ.get("LENET_SHARED", Path(__file__).resolve().parents[3] / "shared")
        )
        folder = str(shared / "datasets" / "mnist-subset")
    _, test = load_dataset(folder, MNIST)
    images, labels = test.images.numpy(), test.labels.numpy()
    rng = np.random.default_rng(seed)
    indices = rng.choice(len(labels), size=n, replace=False)
    return [photo(images[i], rng) for i in indices], [int(labels[i]) for i in indices]
