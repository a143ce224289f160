"""A page's printed template, found by its geometry (for :mod:`.cleaning`): ruled lines and
grids (:func:`find_lines`: straight bands of ink across the page, at a small tilt, repeating or
standing out alone) and dotted paper (:func:`find_dots`: many tiny pieces of one size on a
lattice)."""

from __future__ import annotations

import numpy as np
from scipy import ndimage
from scipy.spatial import cKDTree

from lenet_desktop.data.strokes import stroke_width

# A band is a line when ink covers at least LINE_COVER of the page along it, and a lone band
# only when it covers LONE_COVER; a line is at most LINE_THICK of the page thick.
LINE_COVER = 0.6
LONE_COVER = 0.9
# ... and only when the ink beside it is at least LONE_REST of the band's own and the band is
# at most LONE_THIN times as wide as that ink's strokes.
LONE_REST = 0.25
LONE_THIN = 0.6
LINE_THICK = 0.03
# ... and its cover exceeds the median cover of the page beside it by at least STANDOUT.
STANDOUT = 0.4
LINE_RANK = 75
# Bands repeat when at least REPEAT of them have gaps within SPACING of their median.
REPEAT = 3
SPACING = 0.15
# Tilts searched for lines: slopes up to ±MAX_SLOPE (about ±3°) in TILT_STEPS steps.
MAX_SLOPE = 0.05
TILT_STEPS = 11
# A dotted template: at least DOTS pieces each at most DOT_SIZE of the page's side across,
# of areas within DOT_SPREAD× of their median.
DOTS = 8
DOT_SIZE = 0.03
DOT_SPREAD = 3.0
# ... and LATTICE_SHARE of them have their nearest neighbour within LATTICE of the typical spacing.
LATTICE = 0.15
LATTICE_SHARE = 0.7


def bands_of(cover: np.ndarray, thick: float, lone: bool) -> list[tuple[int, int]]:
    """Runs of consecutive indices whose cover is at least LINE_COVER (LONE_COVER for lone
    bands) and at most ``thick`` long."""
    level = LONE_COVER if lone else LINE_COVER
    hits = np.flatnonzero(cover >= level)
    if hits.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(hits) > 1)
    starts = np.concatenate([[hits[0]], hits[breaks + 1]])
    stops = np.concatenate([hits[breaks], [hits[-1]]]) + 1
    bands = []
    for a, b in zip(starts, stops):
        if b - a > thick:
            continue
        # A line is a band that stands out: the page beside it, within a few of its widths,
        # is mostly paper (grain, shading or a dense scribble cover whole regions, not bands).
        reach = int(max(3 * (b - a), 3))
        beside = np.concatenate(
            [cover[max(0, a - reach) : max(0, a - 1)], cover[b + 1 : b + reach]]
        )
        if beside.size and float(cover[a:b].max()) - float(np.median(beside)) < STANDOUT:
            continue
        bands.append((int(a), int(b)))
    return bands


def repeating(bands: list[tuple[int, int]]) -> bool:
    if len(bands) < REPEAT:
        return False
    centres = np.array([(a + b) / 2 for a, b in bands])
    gaps = np.diff(centres)
    median = float(np.median(gaps))
    regular = np.count_nonzero(np.abs(gaps - median) <= SPACING * median)
    return bool(median > 0 and regular >= REPEAT - 1)


def find_lines(
    ink: np.ndarray, mask: np.ndarray, level: float
) -> tuple[np.ndarray, np.ndarray, int]:
    """Template lines across the page (rows of ``ink``): the ink with them divided out, the
    line pixels, and how many lines were found."""
    height, width = mask.shape
    # At any tilt a row meets each column once: with ink in fewer columns than a line covers,
    # no line can be there (the canvas's digits, most pictures without a template).
    if np.count_nonzero(mask.any(axis=0)) < LINE_COVER * width:
        return ink, np.zeros_like(mask), 0
    columns = np.arange(width) - width / 2
    best, best_score, best_shift = None, -1.0, None
    for slope in np.linspace(-MAX_SLOPE, MAX_SLOPE, TILT_STEPS):
        shift = np.round(slope * columns).astype(np.int64)
        span = int(np.abs(shift).max(initial=0))
        rows = np.arange(height)[:, None] + shift[None, :] + span
        cover = np.bincount(rows[mask], minlength=height + 2 * span)[: height + 2 * span] / width
        score = float((cover**2).sum())
        if score > best_score:
            best, best_score, best_shift = cover, score, (shift, span)
    assert best is not None and best_shift is not None
    shift, span = best_shift
    thick = max(3.0, LINE_THICK * height)
    bands = bands_of(best, thick, lone=False)
    lone = not repeating(bands)
    if lone:
        bands = bands_of(best, thick, lone=True)
    if not bands:
        return ink, np.zeros_like(mask), 0
    index = np.arange(height)[:, None] + shift[None, :] + span
    on_line = np.zeros(best.shape[0] + 2, dtype=bool)
    for start, stop in bands:
        on_line[max(0, start - 1) : stop + 2] = True
    line_pixels = on_line[index] & (mask | ndimage.binary_dilation(mask, iterations=1))
    # A lone band is a line only when there is ink beside it: alone, a thin straight stroke
    # from edge to edge is the drawing (a "1" cropped tight), not the paper's.
    if lone and np.count_nonzero(mask & ~line_pixels) < LONE_REST * np.count_nonzero(line_pixels):
        return ink, np.zeros_like(mask), 0
    # ... and only when it is thinner than the strokes beside it: a printed margin is a fine
    # line, while a band as wide as the pen's strokes is one of them (the stem of a 9 or a 1
    # in a picture cropped tight to it).
    if lone:
        band = stroke_width(np.where(line_pixels, ink, 0.0))
        rest = np.where(mask & ~line_pixels, ink, 0.0)
        if band > LONE_THIN * stroke_width(rest):
            return ink, np.zeros_like(mask), 0
    # Ink just above and just below the band, in each column: a stroke crossing the line.
    reach = max(stop - start for start, stop in bands) + 2
    above = ndimage.shift(ink, (reach, 0), order=0, mode="constant")
    below = ndimage.shift(ink, (-reach, 0), order=0, mode="constant")
    bridge = np.minimum(above, below)
    # The line's strength: a high rank of its own pixels, where no stroke crosses it (its
    # antialiased or reduced edges are lighter).
    core = line_pixels & mask & (bridge <= level)
    strength = float(np.percentile(ink[core], LINE_RANK)) if core.any() else 0.0
    light = np.where(line_pixels, (1.0 - ink) / max(1.0 - strength, 0.05), 1.0 - ink)
    cleaned = (1.0 - np.minimum(light, 1.0)).astype(np.float32)
    # A stroke crossing a line as dark as itself is bridged: the lighter of above and below.
    cleaned = np.where(line_pixels, np.maximum(cleaned, bridge), cleaned).astype(np.float32)
    return cleaned, line_pixels, len(bands)


def find_dots(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """A dotted template's dots in an ink mask (all False when the page has none)."""
    labels, count = ndimage.label(mask)
    if count < DOTS:
        return np.zeros_like(mask), 0
    boxes = ndimage.find_objects(labels)
    size = DOT_SIZE * max(mask.shape)
    small = np.array(
        [b[0].stop - b[0].start <= size and b[1].stop - b[1].start <= size for b in boxes]
    )
    areas = ndimage.sum_labels(mask, labels, index=np.arange(1, count + 1))
    if np.count_nonzero(small) < DOTS:
        return np.zeros_like(mask), 0
    typical = float(np.median(areas[small]))
    dots = small & (areas <= DOT_SPREAD * typical) & (areas >= typical / DOT_SPREAD)
    if np.count_nonzero(dots) < DOTS:
        return np.zeros_like(mask), 0
    # A template's dots lie on a lattice: each one's nearest neighbour is at the same distance
    # (noise and a pencil's grain are scattered at random distances).

    centres = np.array(ndimage.center_of_mass(mask, labels, np.flatnonzero(dots) + 1))
    nearest = cKDTree(centres).query(centres, k=2)[0][:, 1]
    spacing = float(np.median(nearest))
    regular = np.abs(nearest - spacing) <= LATTICE * spacing
    if np.count_nonzero(regular) < LATTICE_SHARE * len(nearest):
        return np.zeros_like(mask), 0
    keep = np.concatenate([[False], dots])
    return keep[labels], int(np.count_nonzero(dots))
