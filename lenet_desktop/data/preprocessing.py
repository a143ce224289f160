"""From any drawing or picture to the 28×28 tensor a model was trained on.

The MNIST convention follows how MNIST itself was made: the ink is extracted, cropped to its
bounding box, scaled (aspect kept, antialiased) so the longer side is 20 px, and placed in a
28×28 frame with its centre of mass at the centre. Fashion-MNIST's convention scales the object
to fill the 28×28 frame and centres its box. Both give light ink on a dark background, as the
datasets store it, and then normalise with the model's mean and std.

Data flow — one pipeline for the canvas, opened/dropped/pasted pictures and the command line:

1. :func:`to_array`: a Pillow image or an array → an array; an RGB(A) array whose colour
   channels are equal becomes gray (a pasted picture and the same file give the same input);
   a large picture is box-reduced by a whole factor to about WORKING_SIDE px (:func:`_reduce`).
2. :func:`cleaning`: luminance and alpha (transparent pixels become background), the ink's
   polarity from the border's colour, then one path for every picture, drawing or photo
   (:func:`lenet_desktop.data.cleaning.clean`): the paper's light divided out, a template's
   lines and dots found by their geometry and removed, the digit's pieces kept and its ink
   stretched to full strength. :func:`ink_map` is its ink.
3. :func:`frame_ink`: crop, scale, place in 28×28 by the dataset's convention.
4. :func:`normalized`: the model's mean and std → ``(1, 1, 28, 28)`` array (no torch).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from lenet_desktop.data.cleaning import MIN_CONTRAST, Cleaning, blank, clean
from lenet_desktop.data.pictures import ImageReadError
from lenet_desktop.data.strokes import restroke
from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs.geometry import INPUT_SIDE

if TYPE_CHECKING:
    import torch

SIZE = INPUT_SIDE  # the network input's side, from specs.geometry
MNIST_BOX = 20
MNIST_CENTRE = 13.75
# Work on about this many pixels per side (larger pictures are box-reduced by a whole factor
# first): far more than a 20-pixel glyph needs, and it keeps the drawing path fast.
WORKING_SIDE = 160
# The picture's dark and light ends, when telling dark ink from light ink on a dark border
# (percentiles).
ENDS = (0.5, 99.5)
# Ink weaker than this fraction of the strongest ink is treated as paper (noise, JPEG artefacts).
NOISE_FLOOR = 0.1
# A 28×28 picture is a dataset image as it is (dataset_framed) when, for MNIST, its centre of
# mass is within this of the frame's centre (MNIST's are all within 0.5 px of pixel 14.0), and
# for Fashion-MNIST, at least this share of it is exact black (every test image has 4.8 % or
# more).
DATASET_CENTRE = 1.0
DATASET_BLACK = 0.03
# Pictures with a shorter side than this are read as they are (a dataset image, an icon): too
# small to hold paper, lines and ink apart.
MIN_PHOTO_SIDE = 24

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R 601-2, as Pillow's "L"


@dataclass(frozen=True)
class Preprocessed:
    """The result of preprocessing one picture.

    ``image``: ``(28, 28) float32`` in [0, 1], light ink on dark, what the network sees before
    normalisation (all zeros when empty). ``normalized``: ``(1, 1, 28, 28) float32`` normalised,
    or None when the picture holds no ink; :attr:`tensor` is the same as a torch tensor.
    ``empty``: True for a blank picture, which must not be classified. ``cleaning``: what was
    found in the picture (None for a dataset image); ``scale``: the picture's pixels per pixel
    of the cleaning's maps (large pictures are reduced). Made without torch: the window's first
    answers come before torch is loaded.
    """

    image: np.ndarray
    normalized: np.ndarray | None
    cleaning: Cleaning | None = None
    scale: float = 1.0

    @property
    def empty(self) -> bool:
        return self.normalized is None

    @cached_property
    def tensor(self) -> torch.Tensor | None:
        """:attr:`normalized` as a ``(1, 1, 28, 28)`` tensor (sharing its memory), or None."""
        if self.normalized is None:
            return None
        import torch  # deferred: torch

        return torch.from_numpy(self.normalized)


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
            # Halved first: high - low of two values near ±1.8e308 would overflow to inf.
            low, high = min(low, 0.0) / 2, max(high, 1.0) / 2
            values = (values / 2 - low) / (high - low)
        return values.clip(0.0, 1.0).astype(np.float32)
    raise ImageReadError(
        QT_TRANSLATE_NOOP("errors", "cannot read pixels of type {kind}"), kind=data.dtype
    )


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
    raise ImageReadError(
        QT_TRANSLATE_NOOP(
            "errors",
            "an image must be (H, W) or (H, W, C) with C in 1–4 channels, not shape {shape}",
        ),
        shape=data.shape,
    )


def _dark_ink(lum: np.ndarray, border: np.ndarray) -> bool:
    """Whether the ink is darker than the paper. A light border is paper under dark ink (a
    shadow over part of a photo can be darker than faint pencil, so nothing else is asked).
    A dark border is a dark background, or grey paper in a dim photo: then the ink is what
    stands out of the picture's typical colour (its median, the paper's or the background's),
    darker or lighter."""
    if float(np.median(border)) >= 0.5:
        return True
    typical = float(np.median(lum))
    dark_end, light_end = (float(v) for v in np.percentile(lum, ENDS))
    return typical - dark_end > light_end - typical


def cleaning(data: np.ndarray, handwriting: bool = True, line: bool = False) -> Cleaning:
    """What is ink in an image array and what is paper.

    Dark ink on light paper and light ink on a dark background are told apart by the border's
    colour and, on a dark border, by which way the ink stands out (:func:`_dark_ink`);
    transparent pixels are background.
    Handwriting (the ``"mnist"`` convention) is cleaned
    (:func:`lenet_desktop.data.cleaning.clean`): paper, template and shading removed.
    Anything else (a garment: its grey levels are the picture), and pictures smaller than
    MIN_PHOTO_SIDE, are read directly: ink is the difference from the border's colour.
    ``line``: keep every piece of handwriting on the digit's line (a number's digits).
    """
    lum, alpha = _luminance_alpha(np.asarray(data))
    if lum.size == 0:
        return blank((0, 0))
    if alpha is not None and alpha.min() < 0.99:
        weight = float(alpha.sum())
        if weight == 0.0:
            return blank(lum.shape)
        # Put the visible strokes on the background they contrast with.
        content = float((lum * alpha).sum()) / weight
        backdrop = 1.0 if content < 0.5 else 0.0
        lum = lum * alpha + backdrop * (1.0 - alpha)
    border = np.concatenate([lum[0], lum[-1], lum[1:-1, 0], lum[1:-1, -1]])
    background = float(np.median(border))
    dark_on_light = lum if _dark_ink(lum, border) else 1.0 - lum
    if handwriting and min(lum.shape) >= MIN_PHOTO_SIDE:
        return clean(np.ascontiguousarray(dark_on_light, dtype=np.float32), line)
    ink = max(background, 1.0 - background) - dark_on_light
    peak = float(ink.max())
    if peak < MIN_CONTRAST:
        return blank(lum.shape)
    floor = NOISE_FLOOR * peak
    ink = ((ink - floor) / (peak - floor)).clip(0.0, 1.0).astype(np.float32)
    kept = ink > 0
    rows, cols = np.flatnonzero(kept.any(axis=1)), np.flatnonzero(kept.any(axis=0))
    return Cleaning(
        ink,
        np.zeros_like(kept),
        kept,
        contrast=peak,
        pieces=1,
        box=(int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)),
    )


def ink_map(data: np.ndarray, handwriting: bool = True) -> np.ndarray:
    """The ink of an image array as ``(H, W) float32`` in [0, 1], 1 = a stroke's core."""
    return cleaning(data, handwriting).ink


def _resize(ink: np.ndarray, width: int, height: int) -> np.ndarray:
    resized = Image.fromarray(ink, mode="F").resize((width, height), Image.Resampling.LANCZOS)
    return np.asarray(resized, dtype=np.float32).clip(0.0, 1.0)


def frame_ink(
    ink: np.ndarray, convention: str = "mnist", stroke: float | None = None
) -> np.ndarray | None:
    """Place an ink map in a 28×28 frame the way the dataset did; None if there is no ink.
    ``stroke``: the ink's stroke width when it is known (see :func:`~lenet_desktop.data.
    strokes.restroke`).

    ``"mnist"``: longer side of the ink box 20 px, centre of mass at the centre (whole-pixel
    shift, kept inside the frame). ``"fashion"``: longer side 28 px, box centred.
    """
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    crop = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    if convention == "mnist":
        crop = _crop(restroke(np.ascontiguousarray(crop), MNIST_BOX, stroke))
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
    if convention == "mnist":
        # The training digits' strokes reach full strength (255): so does the input's.
        peak = float(framed.max())
        if 0.0 < peak < 1.0:
            framed /= peak
    return framed


def _crop(ink: np.ndarray) -> np.ndarray:
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return ink
    return np.ascontiguousarray(ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])


def _reduce(data: np.ndarray) -> np.ndarray:
    """Box-reduce a large image array by a whole factor so its longer side is near WORKING_SIDE.

    ``uint8`` arrays use Pillow's ``reduce`` (fast, and what most decoded files are); any other
    type is first read as float in [0, 1] (:func:`_unit_float`, exactly as :func:`ink_map` would)
    and averaged in numpy, the last partial block dropped.
    """
    if data.ndim not in (2, 3) or (data.ndim == 3 and data.shape[2] not in (1, 2, 3, 4)):
        return data
    factor = max(data.shape[:2], default=0) // WORKING_SIDE
    if factor < 2 or min(data.shape[:2]) < factor:
        return data
    if data.dtype == np.uint8:
        single = data.ndim == 3 and data.shape[2] == 1
        picture = Image.fromarray(np.ascontiguousarray(data[..., 0] if single else data))
        reduced = np.asarray(picture.reduce(factor))
        return reduced[..., None] if single else reduced
    values = _unit_float(data)
    height, width = (side // factor * factor for side in data.shape[:2])
    blocks = values[:height, :width].reshape(height // factor, factor, width // factor, factor, -1)
    reduced = blocks.mean(axis=(1, 3), dtype=np.float32)
    return reduced[..., 0] if data.ndim == 2 else reduced


def _canonical(data: np.ndarray) -> np.ndarray:
    """An RGB or RGBA array whose three colour channels are equal as gray (or gray + alpha, the
    alpha dropped when fully opaque): a pasted picture, which arrives as RGB(A), and the same
    picture opened as a grayscale file then give the same pixels."""
    if data.ndim != 3 or data.shape[2] not in (3, 4):
        return data
    red = data[..., 0]
    if not (np.array_equal(red, data[..., 1]) and np.array_equal(red, data[..., 2])):
        return data
    if data.shape[2] == 3:
        return np.ascontiguousarray(red)
    alpha = data[..., 3]
    if data.dtype == np.uint8 and alpha.min(initial=255) == 255:
        return np.ascontiguousarray(red)
    return np.ascontiguousarray(data[..., [0, 3]])


def to_array(image: Image.Image | np.ndarray) -> np.ndarray:
    """A Pillow image or array as an array :func:`ink_map` accepts: gray when the colour
    channels are equal, large pictures box-reduced by a whole factor."""
    data = _pil_to_array(image) if isinstance(image, Image.Image) else np.asarray(image)
    return _reduce(_canonical(data))


def normalized(image: np.ndarray, mean: float, std: float) -> np.ndarray:
    """``(28, 28)`` in [0, 1] → ``(1, 1, 28, 28) float32`` normalised array."""
    values = np.ascontiguousarray(image, dtype=np.float32)
    return ((values - np.float32(mean)) / np.float32(std)).reshape(1, 1, SIZE, SIZE)


def normalize(image: np.ndarray, mean: float, std: float) -> torch.Tensor:
    """``(28, 28)`` in [0, 1] → ``(1, 1, 28, 28) float32`` normalised tensor."""
    import torch  # deferred: torch

    return torch.from_numpy(normalized(image, mean, std))


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
    data = _pil_to_array(image) if isinstance(image, Image.Image) else np.asarray(image)
    reduced = to_array(data)
    as_is = dataset_framed(reduced, convention)
    if as_is is not None:
        return Preprocessed(as_is.ink, normalized(as_is.ink, mean, std), as_is)
    found = cleaning(reduced, handwriting=convention == "mnist")
    scale = max(data.shape[:2], default=1) / max(max(reduced.shape[:2], default=1), 1)
    framed = frame_ink(found.ink, convention) if found.ink.size else None
    if framed is None:
        return Preprocessed(np.zeros((SIZE, SIZE), dtype=np.float32), None, found, scale)
    return Preprocessed(framed, normalized(framed, mean, std), found, scale)


def dataset_framed(data: np.ndarray, convention: str = "mnist") -> Cleaning | None:
    """A picture that already is a network input, as a Cleaning whose ink is that input; None
    for any other picture.

    That is a 28×28 grey picture framed as the dataset frames its images (a test image saved as
    PNG): light ink on a black background (or the same inverted), and for ``"mnist"`` the ink's
    box 20 px on its longer side with its centre of mass at the centre (every MNIST image is),
    for ``"fashion"`` the object filling the frame (26–28 px) on a background of exact black.
    Such a picture is given to the network pixel for pixel: re-cropping and re-scaling it would
    change the very image the dataset holds."""
    if data.ndim != 2 or data.shape != (SIZE, SIZE):
        return None
    values = _unit_float(data)
    border = np.concatenate([values[0], values[-1], values[1:-1, 0], values[1:-1, -1]])
    if float(np.median(border)) >= 0.5:
        values = 1.0 - values
    background = float(values.min())
    if background > 0.0 or float(values.max()) < MIN_CONTRAST:
        return None
    inked = values > 0.0
    rows, cols = np.flatnonzero(inked.any(axis=1)), np.flatnonzero(inked.any(axis=0))
    box = (int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1))
    if convention == "mnist":
        ys, xs = np.indices(values.shape)
        total = float(values.sum())
        centre = np.array([(ys * values).sum(), (xs * values).sum()]) / total
        framed = max(box) == MNIST_BOX and bool(np.all(np.abs(centre - 14.0) <= DATASET_CENTRE))
    else:
        framed = max(box) >= SIZE - 2 and float((values == 0.0).mean()) >= DATASET_BLACK
    if not framed:
        return None
    ink = values.astype(np.float32)
    return Cleaning(ink, np.zeros_like(inked), inked, contrast=1.0, pieces=1, box=box, as_is=True)


def dataset_sample(pixels: np.ndarray, mean: float, std: float) -> Preprocessed:
    """A dataset image (``(28, 28) uint8``, already light on dark) as a Preprocessed result,
    without re-framing: what the network saw in training."""
    image = np.asarray(pixels, dtype=np.float32) / 255.0
    return Preprocessed(image, normalized(image, mean, std))
