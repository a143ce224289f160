"""From any drawing or picture to the 28×28 tensor a model was trained on.

The MNIST convention follows how MNIST itself was made: the ink is extracted, cropped to its
bounding box, scaled (aspect kept, antialiased) so the longer side is 20 px, and placed in a
28×28 frame with its centre of mass at the centre. Fashion-MNIST's convention scales the object
to fill the 28×28 frame and centres its box. Both give light ink on a dark background, as the
datasets store it, and then normalise with the model's mean and std.

Data flow: image (PIL or array) → luminance + alpha → ink map → 28×28 image → normalised tensor.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageOps, UnidentifiedImageError

SIZE = 28
MNIST_BOX = 20
MNIST_CENTRE = 13.75
# Pictures larger than this are refused before they are decoded (a decompression bomb is only a
# few kilobytes on disk).
MAX_PIXELS = 50_000_000
# Work on about this many pixels per side (larger pictures are box-reduced by a whole factor
# first): far more than a 20-pixel glyph needs, and it keeps the drawing path fast.
WORKING_SIDE = 256
# The ink must differ from the background by this much (on a 0–1 scale) to count as a drawing.
MIN_CONTRAST = 0.08
# Ink weaker than this fraction of the strongest ink is treated as paper (noise, JPEG artefacts).
NOISE_FLOOR = 0.1

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R 601-2, as Pillow's "L"


class ImageReadError(ValueError):
    """An image file that cannot be used; the message names the file and says why."""


@dataclass(frozen=True)
class Preprocessed:
    """The result of preprocessing one picture.

    ``image``: ``(28, 28) float32`` in [0, 1], light ink on dark, what the network sees before
    normalisation (all zeros when empty). ``tensor``: ``(1, 1, 28, 28) float32`` normalised, or
    None when the picture holds no ink. ``empty``: True for a blank picture, which must not be
    classified.
    """

    image: np.ndarray
    tensor: torch.Tensor | None

    @property
    def empty(self) -> bool:
        return self.tensor is None


def load_image(path: str | os.PathLike[str]) -> Image.Image:
    """Read an image file (first frame, EXIF orientation applied) or raise ImageReadError."""
    path = Path(path)
    try:
        with Image.open(path) as im:
            width, height = im.size
            if width * height > MAX_PIXELS:
                raise ImageReadError(
                    f"{path}: image is too large ({width}×{height} pixels; "
                    f"the limit is {MAX_PIXELS // 1_000_000} megapixels)"
                )
            im.seek(0)
            im.load()
            return ImageOps.exif_transpose(im) or im.copy()
    except ImageReadError:
        raise
    except FileNotFoundError:
        raise ImageReadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImageReadError(f"{path}: is a folder, not an image") from None
    except Image.DecompressionBombError:
        raise ImageReadError(f"{path}: image is too large to open safely") from None
    except UnidentifiedImageError:
        raise ImageReadError(f"{path}: not an image file LeNet Desktop can read") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageReadError(f"{path}: the image is damaged or truncated ({exc})") from None


def _pil_to_array(im: Image.Image) -> np.ndarray:
    """A Pillow image as an ``(H, W)``, ``(H, W, 2)``, ``(H, W, 3)`` or ``(H, W, 4)`` array."""
    mode = im.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N"):
        return np.asarray(im, dtype=np.uint16)
    if mode == "I":
        data = np.asarray(im, dtype=np.int64)
        peak = 65535.0 if data.max(initial=0) > 255 else 255.0
        return (data.clip(0, None) / peak).clip(0, 1).astype(np.float32)
    if mode == "F":
        return np.asarray(im, dtype=np.float32)
    if mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    elif mode in ("PA", "RGBa", "La"):
        im = im.convert("RGBA")
    elif mode == "1":
        im = im.convert("L")
    elif mode not in ("L", "LA", "RGB", "RGBA"):
        im = im.convert("RGB")  # CMYK, YCbCr, LAB, HSV, …
    return np.asarray(im)


def _shrink(im: Image.Image) -> Image.Image:
    """Reduce a large picture by an integer box factor so its longer side is near WORKING_SIDE."""
    factor = max(im.size) // WORKING_SIDE
    if factor >= 2 and im.mode in ("L", "LA", "RGB", "RGBA", "I", "F", "P"):
        if im.mode == "P":
            im = im.convert("RGBA" if "transparency" in im.info else "RGB")
        return im.reduce(factor)
    return im


def _unit_float(data: np.ndarray) -> np.ndarray:
    """Any numeric array as float32 in [0, 1]: integers by their type's range, floats as they are
    when already in [0, 1] and stretched to it otherwise; NaN counts as 0."""
    if data.dtype == np.bool_:
        return data.astype(np.float32)
    if data.dtype == np.uint8:
        return data.astype(np.float32) * np.float32(1.0 / 255.0)
    if np.issubdtype(data.dtype, np.integer):
        peak = float(np.iinfo(data.dtype).max)
        return (data.astype(np.float64).clip(0, None) / peak).astype(np.float32)
    if np.issubdtype(data.dtype, np.floating):
        values = np.nan_to_num(data.astype(np.float64), nan=0.0, posinf=1.0, neginf=0.0)
        low, high = values.min(initial=0.0), values.max(initial=0.0)
        if low < 0.0 or high > 1.0:
            low, high = min(low, 0.0), max(high, 1.0)
            values = (values - low) / (high - low)
        return values.astype(np.float32)
    raise ValueError(f"cannot read pixels of type {data.dtype}")


def _luminance_alpha(data: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Split an image array into luminance ``(H, W)`` and alpha ``(H, W)`` (or None), in [0, 1]."""
    if data.ndim == 2:
        return _unit_float(data), None
    if data.ndim == 3 and data.shape[2] in (1, 2, 3, 4):
        values = _unit_float(data)
        channels = data.shape[2]
        lum = values[..., 0] if channels in (1, 2) else values[..., :3] @ _LUMA
        alpha = values[..., -1] if channels in (2, 4) else None
        return lum, alpha
    raise ValueError(
        f"an image must be (H, W) or (H, W, C) with C in 1–4 channels, not shape {data.shape}"
    )


def ink_map(data: np.ndarray) -> np.ndarray:
    """The ink of an image array as ``(H, W) float32`` in [0, 1], 1 = strongest ink.

    Dark ink on light paper and light ink on a dark background are told apart by the border's
    colour; transparent pixels are background.
    """
    lum, alpha = _luminance_alpha(np.asarray(data))
    if lum.size == 0:
        return np.zeros((0, 0), dtype=np.float32)
    if alpha is not None and alpha.min() < 0.99:
        weight = float(alpha.sum())
        if weight == 0.0:
            return np.zeros_like(lum)
        # Put the visible strokes on the background they contrast with.
        content = float((lum * alpha).sum()) / weight
        backdrop = 1.0 if content < 0.5 else 0.0
        lum = lum * alpha + backdrop * (1.0 - alpha)
    border = np.concatenate([lum[0], lum[-1], lum[1:-1, 0], lum[1:-1, -1]])
    background = float(np.median(border))
    ink = background - lum if background >= 0.5 else lum - background
    peak = float(ink.max())
    if peak < MIN_CONTRAST:
        return np.zeros_like(lum, dtype=np.float32)
    floor = NOISE_FLOOR * peak
    return ((ink - floor) / (peak - floor)).clip(0.0, 1.0).astype(np.float32)


def _resize(ink: np.ndarray, width: int, height: int) -> np.ndarray:
    resized = Image.fromarray(ink, mode="F").resize((width, height), Image.Resampling.LANCZOS)
    return np.asarray(resized, dtype=np.float32).clip(0.0, 1.0)


def frame_ink(ink: np.ndarray, convention: str = "mnist") -> np.ndarray | None:
    """Place an ink map in a 28×28 frame the way the dataset did; None if there is no ink.

    ``"mnist"``: longer side of the ink box 20 px, centre of mass at the centre (whole-pixel
    shift, kept inside the frame). ``"fashion"``: longer side 28 px, box centred.
    """
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    crop = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    target = MNIST_BOX if convention == "mnist" else SIZE
    scale = target / max(crop.shape)
    height = min(target, max(1, round(crop.shape[0] * scale)))
    width = min(target, max(1, round(crop.shape[1] * scale)))
    glyph = _resize(np.ascontiguousarray(crop), width, height)
    if convention == "mnist":
        total = float(glyph.sum())
        if total <= 0.0:
            return None
        ys, xs = np.indices(glyph.shape, dtype=np.float64)
        com_y = float((ys * glyph).sum()) / total
        com_x = float((xs * glyph).sum()) / total
        # MNIST's digits have their centre of mass at pixel index 14.0 (mean over the test
        # set); the geometric centre of 0…27 is 13.5. Aiming between keeps a whole-pixel
        # shift within 0.75 px of both.
        centre = MNIST_CENTRE
        top = int(np.clip(round(centre - com_y), 0, SIZE - height))
        left = int(np.clip(round(centre - com_x), 0, SIZE - width))
    else:
        top, left = (SIZE - height) // 2, (SIZE - width) // 2
    framed = np.zeros((SIZE, SIZE), dtype=np.float32)
    framed[top : top + height, left : left + width] = glyph
    return framed


def _reduce(data: np.ndarray) -> np.ndarray:
    """Box-reduce a large ``uint8`` image array by a whole factor (Pillow's reduce)."""
    factor = max(data.shape[:2]) // WORKING_SIDE
    channels = 1 if data.ndim == 2 else data.shape[2]
    if factor < 2 or data.dtype != np.uint8 or channels not in (1, 3, 4):
        return data
    picture = Image.fromarray(data if data.ndim == 2 or channels > 1 else data[..., 0])
    return np.asarray(picture.reduce(factor))


def to_array(image: Image.Image | np.ndarray) -> np.ndarray:
    """A Pillow image or array as an array :func:`ink_map` accepts (large pictures shrunk)."""
    if isinstance(image, Image.Image):
        return _reduce(_pil_to_array(_shrink(image)))
    data = np.asarray(image)
    return _reduce(data) if data.ndim in (2, 3) else data


def normalize(image: np.ndarray, mean: float, std: float) -> torch.Tensor:
    """``(28, 28)`` in [0, 1] → ``(1, 1, 28, 28) float32`` normalised tensor."""
    tensor = torch.from_numpy(np.ascontiguousarray(image, dtype=np.float32))
    return ((tensor - mean) / std).view(1, 1, SIZE, SIZE)


def preprocess(
    image: Image.Image | np.ndarray,
    convention: str = "mnist",
    mean: float = 0.0,
    std: float = 1.0,
) -> Preprocessed:
    """Turn a drawing or picture into what a model expects.

    ``image``: a Pillow image of any mode, or an array ``(H, W)`` / ``(H, W, C)`` of any numeric
    type. Returns the 28×28 image in [0, 1] and the ``(1, 1, 28, 28)`` tensor normalised with
    ``mean``/``std``, or an empty result for a picture with no ink. Raises ValueError only for
    arrays that are not image-shaped.
    """
    ink = ink_map(to_array(image))
    framed = frame_ink(ink, convention) if ink.size else None
    if framed is None:
        return Preprocessed(np.zeros((SIZE, SIZE), dtype=np.float32), None)
    return Preprocessed(framed, normalize(framed, mean, std))


def dataset_sample(pixels: np.ndarray, mean: float, std: float) -> Preprocessed:
    """A dataset image (``(28, 28) uint8``, already light on dark) as a Preprocessed result,
    without re-framing: what the network saw in training."""
    image = np.asarray(pixels, dtype=np.float32) / 255.0
    return Preprocessed(image, normalize(image, mean, std))
