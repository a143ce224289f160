"""Handwriting a learner brings from elsewhere, made from real MNIST digits (development sets).

* :func:`template_page` — a note app's page exported or screenshotted: a clean picture (no noise,
  no shadow, exact colours), white or cream paper with a template (``"ruled"``, ``"squared"``,
  ``"dotted"`` or ``"margin"``: ruled lines plus a red margin line), the digit written over it
  with an antialiased pen of any width, black or blue.
* :func:`marker_page` — a thick marker on ruled paper: the stroke 2–4× MNIST's width.
* :func:`pencil_photo` — pencil photographed with a shadow: faint grey ink (25–50 % of the paper's
  light absorbed), grainy, under uneven light with a hard-edged shadow, sensor noise and JPEG.
* :func:`audit_blue_five` — the audit's picture reproduced: a thick blue 5 on cream ruled paper.

Every random choice comes from the ``rng`` given. These sets are for development and the
benchmark; the checks use pictures made in other ways, so nothing here is a target to tune to.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from scipy import ndimage

from helpers.photos import _lighting, jpeg

TEMPLATES = ("ruled", "squared", "dotted", "margin")


def _paper(rng: np.random.Generator, height: int, width: int) -> np.ndarray:
    cream = np.array([250, 244, 222]) if rng.random() < 0.5 else np.array([255, 255, 255])
    page = np.empty((height, width, 3), dtype=np.float32)
    page[:] = cream
    return page


def _line_colour(rng: np.random.Generator) -> np.ndarray:
    choices = ([160, 190, 235], [190, 190, 200], [120, 150, 210], [200, 215, 240])
    return np.array(choices[int(rng.integers(len(choices)))], dtype=np.float32)


def draw_template(page: np.ndarray, kind: str, rng: np.random.Generator) -> None:
    """Draw a note app's template on ``page`` (``(H, W, 3) float32``) in place."""
    height, width = page.shape[:2]
    period = int(rng.integers(18, 42))
    thick = int(rng.integers(1, 3))
    colour = _line_colour(rng)
    phase = int(rng.integers(0, period))
    if kind in ("ruled", "squared", "margin"):
        for top in range(phase, height, period):
            page[top : top + thick] = colour
    if kind == "squared":
        for left in range(int(rng.integers(0, period)), width, period):
            page[:, left : left + thick] = colour
    if kind == "dotted":
        radius = float(rng.uniform(0.8, 2.0))
        picture = Image.fromarray(page.round().astype(np.uint8), "RGB")
        draw = ImageDraw.Draw(picture)
        for y in range(phase, height, period):
            for x in range(phase, width, period):
                draw.ellipse(
                    (x - radius, y - radius, x + radius, y + radius), fill=tuple(colour.astype(int))
                )
        page[:] = np.asarray(picture, dtype=np.float32)
    if kind == "margin":
        left = int(rng.integers(20, max(21, width // 4)))
        page[:, left : left + int(rng.integers(1, 4))] = (225, 80, 85)


def _glyph(digit28: np.ndarray, side: int, width_factor: float) -> np.ndarray:
    """The digit's ink box upscaled to ``side`` px, its stroke widened (``width_factor`` > 1) or
    thinned (< 1): ``(h, w) float32`` opacity in [0, 1], antialiased."""
    rows = np.flatnonzero(digit28.max(1) > 0)
    cols = np.flatnonzero(digit28.max(0) > 0)
    crop = np.pad(digit28[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1], 4)
    scale = side / max(crop.shape)
    height, width = (max(1, round(s * scale)) for s in crop.shape)
    glyph = (
        np.asarray(
            Image.fromarray(crop).resize((width, height), Image.Resampling.BICUBIC),
            dtype=np.float32,
        )
        / 255.0
    )
    stroke = side / 20 * 2.5  # MNIST's stroke is about 2.5 px of a 20 px digit
    if width_factor > 1:
        grow = max(1, round(stroke * (width_factor - 1) / 2))
        glyph = ndimage.grey_dilation(glyph, footprint=_disc(grow))
    elif width_factor < 1:
        cut = 0.5 * (1 - width_factor) + 0.1
        glyph = ((glyph - cut) / (1 - cut)).clip(0, 1)
    mask = glyph > 0.5
    soft = ndimage.gaussian_filter(mask.astype(np.float32), 0.7)
    return soft.clip(0, 1)


def _disc(radius: int) -> np.ndarray:
    ys, xs = np.mgrid[-radius : radius + 1, -radius : radius + 1]
    return ys**2 + xs**2 <= radius**2


def _place(page: np.ndarray, glyph: np.ndarray, ink: np.ndarray, rng, opacity: float) -> None:
    height, width = page.shape[:2]
    gh, gw = min(glyph.shape[0], height - 16), min(glyph.shape[1], width - 16)
    glyph = glyph[:gh, :gw]
    top = int(rng.integers(8, height - gh - 8 + 1))
    left = int(rng.integers(8, width - gw - 8 + 1))
    alpha = (glyph * opacity)[..., None]
    region = page[top : top + gh, left : left + gw]
    region[:] = region * (1 - alpha) + ink * alpha


def _pen(rng: np.random.Generator) -> np.ndarray:
    if rng.random() < 0.5:
        return rng.uniform(10, 50, size=3).astype(np.float32)
    return np.array([rng.uniform(20, 50), rng.uniform(40, 80), rng.uniform(150, 210)], np.float32)


def _page_size(rng: np.random.Generator) -> tuple[int, int]:
    return int(rng.integers(260, 560)), int(rng.integers(260, 560))


def template_page(digit28: np.ndarray, rng: np.random.Generator, kind: str) -> Image.Image:
    """A clean note-app page (RGB, exact colours) of ``kind`` with ``digit28`` written on it."""
    width, height = _page_size(rng)
    page = _paper(rng, height, width)
    draw_template(page, kind, rng)
    side = int(rng.integers(90, min(230, int(0.8 * min(width, height))) + 1))
    glyph = _glyph(digit28, side, float(rng.uniform(0.7, 2.0)))
    _place(page, glyph, _pen(rng), rng, 1.0)
    return Image.fromarray(page.round().clip(0, 255).astype(np.uint8), "RGB")


def marker_page(digit28: np.ndarray, rng: np.random.Generator) -> Image.Image:
    """A thick marker (2–4× MNIST's stroke) on ruled paper, clean or lightly noisy."""
    width, height = _page_size(rng)
    page = _paper(rng, height, width)
    draw_template(page, "ruled" if rng.random() < 0.7 else "margin", rng)
    side = int(rng.integers(120, min(260, int(0.85 * min(width, height))) + 1))
    glyph = _glyph(digit28, side, float(rng.uniform(1.5, 2.8)))
    _place(page, glyph, _pen(rng), rng, float(rng.uniform(0.85, 1.0)))
    if rng.random() < 0.5:
        page += rng.normal(0.0, 2.0, size=page.shape).astype(np.float32)
    return Image.fromarray(page.round().clip(0, 255).astype(np.uint8), "RGB")


def pencil_photo(digit28: np.ndarray, rng: np.random.Generator) -> Image.Image:
    """Faint pencil on paper photographed with a shadow (RGB, noisy, JPEG)."""
    width, height = (int(rng.integers(320, 640)) for _ in range(2))
    page = np.empty((height, width, 3), dtype=np.float32)
    page[:] = rng.uniform(225, 245) + rng.uniform(-3, 3, size=3)
    if rng.random() < 0.5:
        draw_template(page, "ruled", rng)
    side = int(rng.integers(100, int(0.7 * min(width, height)) + 1))
    glyph = _glyph(digit28, side, float(rng.uniform(0.6, 1.2)))
    grain = rng.uniform(0.6, 1.0, size=glyph.shape).astype(np.float32)
    grey = np.full(3, rng.uniform(60, 100), dtype=np.float32)
    _place(page, glyph * grain, grey, rng, float(rng.uniform(0.25, 0.5)))
    light = _lighting(rng, height, width)
    # A hard shadow (a hand or the phone) over a corner: 25–40 % darker.
    ys, xs = np.mgrid[0:height, 0:width]
    cx, cy = rng.uniform(0, width), rng.uniform(0, height)
    angle = rng.uniform(0, 2 * np.pi)
    side_of = np.cos(angle) * (xs - cx) + np.sin(angle) * (ys - cy) > 0
    light = light * np.where(side_of, 1.0 - rng.uniform(0.25, 0.4), 1.0)
    page *= ndimage.gaussian_filter(light.astype(np.float32), 3)[..., None]
    page += rng.normal(0.0, rng.uniform(2, 5), size=page.shape).astype(np.float32)
    return jpeg(page, int(rng.integers(65, 90)))


def write_digit(page, digit28, top: int, left: int, side: int, ink=(30, 40, 60)) -> np.ndarray:
    """Write an MNIST digit on ``page`` (``(H, W, 3) float32``, in place) with an opaque pen:
    its ink box ``side`` px on its longer side, its top left corner at (``top``, ``left``)."""
    rows = np.flatnonzero(digit28.max(1) > 0)
    cols = np.flatnonzero(digit28.max(0) > 0)
    crop = digit28[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    scale = side / max(crop.shape)
    size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
    glyph = np.asarray(Image.fromarray(crop).resize(size, Image.Resampling.BICUBIC), np.float32)
    alpha = (glyph / 255.0)[..., None]
    region = page[top : top + size[1], left : left + size[0]]
    region[:] = region * (1 - alpha) + np.array(ink, np.float32) * alpha
    return page


def audit_blue_five() -> Image.Image:
    """The audit's picture as issue 13 described it: a thick blue marker 5 on cream ruled paper
    (light blue rules every 32 px, a red margin), 480×400, written with a round 34 px pen."""
    picture = Image.new("RGB", (480, 400), (250, 243, 220))
    draw = ImageDraw.Draw(picture)
    for top in range(22, 400, 32):
        draw.line([(0, top), (480, top)], fill=(150, 185, 230), width=2)
    draw.line([(60, 0), (60, 400)], fill=(225, 90, 95), width=2)
    points = [(330, 80), (190, 80), (175, 190), (270, 175), (335, 235), (315, 320), (170, 325)]
    width = 34
    draw.line(points, fill=(35, 60, 190), width=width, joint="curve")
    for x, y in points:
        r = width / 2
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(35, 60, 190))
    return picture


def page_set(kind: str, digits: np.ndarray, labels: np.ndarray, n: int, seed: int = 0):
    """``n`` pictures of ``kind`` (a template, ``"marker"`` or ``"pencil"``) of digits drawn
    without replacement from ``digits``/``labels``; returns (pictures, labels)."""
    rng = np.random.default_rng(seed)
    picks = rng.choice(len(labels), size=n, replace=False)
    make = {"marker": marker_page, "pencil": pencil_photo}
    pictures = []
    for i in picks:
        if kind in make:
            pictures.append(make[kind](digits[i], rng))
        else:
            pictures.append(template_page(digits[i], rng, kind))
    return pictures, [int(labels[i]) for i in picks]
