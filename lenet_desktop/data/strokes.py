"""Strokes as the training digits have them: a pen's width measured where the ink is, and
brought into the training digits' range before the digit shrinks to its 20-px box.

A learner's 1-pixel line in a 300-px drawing becomes a 0.07-px line in MNIST's box: a faint
grey ghost that no MNIST digit resembles, and the network then reads the one shape it still
sees, a thin "1". A heavy marker closes a digit's loops the other way. MNIST's strokes are 2–3.5
px wide in the 28×28 frame (measured below), so the width is measured at the picture's own
resolution and the ink is thickened or thinned there, before shrinking.

**The width** of a stroke is twice its ink's mass over its edges' length: a band of width w and
length L has mass w·L and two edges of length L. For grey ink both are integrals — the mass is
the sum of the ink, the edges' length is the total variation Σ|∇ink| (the coarea formula), so
the estimate needs no threshold and no skeleton and does not change with the ink's strength.
A stroke thinner than 3 px is measured on a copy enlarged 2× (a 1-px line's central
differences are then resolved).

**Thickening** grows the ink by a distance: every pixel within g of the stroke's core is ink,
with an antialiased edge. **Thinning** erodes it by a distance, and the medial axis (the ridge of
the distance to the paper) is drawn back at the target width inside the old outline, so a part
of the stroke narrower than the rest is never erased.

The training digits' range, ``python -m benchmarks.real_digits --stroke-widths`` over the
MNIST subset's 8,000 training digits (the same estimator on their 28×28 pictures): 5th
percentile 1.99 px, 10th 2.10, 25th 2.33, median 2.64, 75th 3.04, 90th 3.57, 95th 3.97.
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

# The training digits' stroke width in the 28×28 frame (px): a digit whose width is outside
# their central 90 % at its 20-px box is brought to THINNEST or THICKEST (the 10th and 90th
# percentiles of MNIST's training digits, measured as above).
THINNEST = 2.1
THICKEST = 3.6
# ... but a digit whose strokes are within the central 90 % of the training digits' widths
# (their 5th and 95th percentiles) is left as it is.
LEFT_THIN = 1.99
LEFT_THICK = 3.97
# A width below this (px) is measured again on a copy enlarged 2×: central differences blur a
# 1-px line's edges into its width.
RESOLVED = 3.0
# A grown stroke's edge covering less than this of a pixel leaves it paper.
HALO_FLOOR = 0.1
# The correction of a growth adds at most this share of it again.
CORRECTION = 1.5
# Ink at least this strong is the stroke's body (the cleaning stretches a core to 1).
BODY = 0.4
# Enlarge a crop smaller than this (px, longer side) before changing its width, so the change
# has sub-pixel steps (unless its strokes are BROAD).
FINE_SIDE = 80
# ... and a crop larger than twice that, of strokes at least BROAD px wide, is reduced first.
BROAD = 4.0
# The medial axis lies at least this deep inside the ink (px): a pixel of the outline's own
# steps is no axis.
AXIS_DEPTH = 1.5


def stroke_width(ink: np.ndarray) -> float:
    """The mean stroke width of ``ink`` (``(H, W)`` in [0, 1]), in its pixels; 0 for no ink."""
    values = np.asarray(ink, dtype=np.float32)
    mass = float(values.sum(dtype=np.float64))
    if mass <= 0.0:
        return 0.0
    width = _width(values, mass)
    if width < RESOLVED:
        # A stroke this thin is resolved on a copy enlarged 2× (the mass grows 4×, the edges'
        # length 2×, so the ratio is in 2× pixels).
        enlarged = ndimage.zoom(values, 2, order=1, mode="nearest", grid_mode=True)
        width = _width(enlarged, 4.0 * mass) / 2.0
    return width


def _width(values: np.ndarray, mass: float) -> float:
    # (paper all round: a crop cut to its ink's box has edges at its border too)
    gy, gx = np.gradient(np.pad(values, 2))
    edges = float(np.hypot(gx, gy).sum(dtype=np.float64))
    return 0.0 if edges <= 0.0 else 2.0 * mass / edges


def target_width(width: float, side: int, box: float) -> float | None:
    """The width (in the crop's pixels) the strokes of a ``side``-px crop should have so that,
    once its longer side is ``box`` px, they are at THINNEST or THICKEST (of a 28-px frame
    whose digits are ``box`` px); None when they are within [LEFT_THIN, LEFT_THICK].

    Growing a stroke by d grows the crop by d too: w' · box / (side + w' − w) = T gives
    w' = T (side − w) / (box − T)."""
    if width <= 0.0 or side <= 0:
        return None
    now = width * box / side
    if LEFT_THIN <= now <= LEFT_THICK:
        return None
    goal = THINNEST if now < THINNEST else THICKEST
    return max(goal * (side - width) / (box - goal), 0.5)


def _side(ink: np.ndarray) -> int:
    """The longer side of the box holding the ink."""
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return 0 if rows.size == 0 else int(max(rows[-1] - rows[0], cols[-1] - cols[0])) + 1


def _fine(crop: np.ndarray) -> tuple[np.ndarray, int]:
    """The crop enlarged by a whole factor so its longer side is at least FINE_SIDE."""
    factor = int(np.ceil(FINE_SIDE / max(crop.shape)))
    if factor <= 1:
        return crop, 1
    enlarged = ndimage.zoom(crop, factor, order=1, mode="nearest", grid_mode=True)
    return enlarged.clip(0.0, 1.0).astype(np.float32), factor


def _thickener(ink: np.ndarray, most: float):
    """A function that grows the ink's strokes by ``grow`` px (up to ``most``): every pixel
    within ``grow`` of the stroke's body becomes ink, with an antialiased edge. (The distance to
    the body is computed once, for a first growth and its correction.)"""
    pad = int(np.ceil(most)) + 2
    padded = np.pad(ink, pad)
    body = padded >= BODY
    if not body.any():
        return lambda grow: padded
    distance = ndimage.distance_transform_edt(~body).astype(np.float32)

    def grown(grow: float) -> np.ndarray:
        # A body pixel's edge is half a pixel beyond its centre: a pixel at distance d from it
        # is covered by a stroke grown by ``grow`` over 1 + grow − d of its width.
        halo = np.clip(np.float32(min(grow, most) + 1.0) - distance, 0.0, 1.0)
        # (a pixel covered by less than a tenth is left as paper: a stroke grown by a hair must
        # not grow the digit's box by a pixel, and so its scale)
        halo[halo < HALO_FLOOR] = 0.0
        return np.maximum(padded, halo).astype(np.float32)

    return grown


def _thin(ink: np.ndarray, shrink: float, width: float) -> np.ndarray:
    """Erode the ink by ``shrink`` px, and draw its medial axis back ``width`` px wide inside
    the old outline (a narrower part of the stroke stays, at its own width at most)."""
    body = ink >= BODY
    # (paper all round: the crop's edge is no ink's inside)
    inside = ndimage.distance_transform_edt(np.pad(body, 1))[1:-1, 1:-1]
    eroded = ink * np.clip(inside - shrink, 0.0, 1.0)
    # The medial axis: where the distance to the paper is a local maximum (not on the outline).
    ridge = body & (inside >= ndimage.grey_dilation(inside, size=(3, 3))) & (inside >= AXIS_DEPTH)
    if not ridge.any():
        return eroded.astype(np.float32)
    from_ridge = ndimage.distance_transform_edt(~ridge)
    axis = np.clip(width / 2.0 + 0.5 - from_ridge, 0.0, 1.0) * ink
    return np.maximum(eroded, axis).astype(np.float32)


def restroke(crop: np.ndarray, box: float, width: float | None = None) -> np.ndarray:
    """The ink of a digit's crop (``(H, W)`` in [0, 1], cut to its ink's box) with its strokes
    brought into the training digits' width for a ``box``-px digit; the crop itself when they
    already are. The result may be enlarged or reduced (a whole factor) and grown by a margin:
    crop it to its ink again before scaling. ``width``: the crop's stroke width when it is
    known (a piece of ink whose whole was measured), else it is measured here."""
    if width is None:
        width = stroke_width(crop)
    if target_width(width, max(crop.shape), box) is None:
        return crop
    # (broad strokes need no finer copy: their change is many pixels)
    fine, factor = (crop, 1) if width >= BROAD else _fine(np.asarray(crop, dtype=np.float32))
    fine = np.asarray(fine, dtype=np.float32)
    width *= factor
    # A large crop of broad strokes is changed on a copy box-reduced by a whole factor: still
    # FINE_SIDE px or more, its strokes still BROAD px wide or more (the canvas's, every stroke).
    reduce = int(min(max(fine.shape) / FINE_SIDE, width / BROAD))
    if reduce >= 2:
        fine = np.asarray(Image.fromarray(fine, mode="F").reduce(reduce), dtype=np.float32)
        width /= reduce
    side = max(fine.shape)
    goal = target_width(width, side, box)
    if goal is None:
        return fine
    if goal > width:
        grow = (goal - width) / 2.0
        grown = _thickener(fine, CORRECTION * grow + 1.0)
        changed = grown(grow)
        # The estimate of a grown stroke is better than of a 1-px one: correct once.
        again = stroke_width(changed)
        better = target_width(again, _side(changed), box)
        if better is not None and better > again:
            changed = grown(grow + (better - again) / 2.0)
        return changed
    return _thin(fine, (width - goal) / 2.0, goal)
