"""What is ink in a picture, and what is paper: one path for drawings, scans, screenshots of a
note app's page and phone photos.

The path never guesses whether a picture is "clean" or "a photo". Every step holds for both
by construction, the way document scanners work:

1. **Paper.** The paper's light under whatever fell on it (:func:`_paper`): a grey-level
   closing of a reduced copy, which removes every dark thing narrower than its window (ink,
   template lines) and keeps wider things (gradients, vignetting, shadows). Dividing by it
   makes ink a fraction of the light absorbed: 0 on paper, in the shade or not. On a drawing's
   uniform background the paper is that background and nothing changes.
2. **Template lines** (:func:`.templates.find_lines`): straight lines found by their
   geometry, not their colour. A line is a thin band along which ink covers most of the page,
   found in the row (then column) profile of a low-threshold ink mask at the tilt that makes
   the bands sharpest. Bands that repeat at a regular spacing (a ruled or squared page) always go; a
   lone band (a margin, the one rule a tight crop shows) goes when it runs nearly edge to edge,
   ink is left beside it and it is finer than that ink's strokes (else it is one of them: the
   stem of a 1 or a 9 in a picture cropped tight to it). A band is a line only when it stands
   out of the page beside it (paper grain under uneven light covers whole regions, not
   bands). A line's own strength is divided out of the pixels it crosses (ink absorbs light
   multiplicatively, so a darker stroke over it survives), and a stroke is bridged across a
   line as dark as itself.
3. **Template dots** (:func:`.templates.find_dots`): a dotted page is many tiny pieces of one size;
   they go together.
4. **The digit** (:func:`_keep_digit`): threshold with Otsu's method; keep the heaviest
   connected piece and the pieces near it that are not specks; stretch the kept ink so a
   stroke's core is 1, as the datasets' strokes are, however faint the pen was.

:func:`clean` returns the ink and a :class:`Cleaning` report (what was removed, how faint and
how large the ink was), which the window shows and the unsure note reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image
from scipy import ndimage

from lenet_desktop.data.templates import find_dots, find_lines

# The paper's light is estimated on a copy about PAPER_SIDE px per side, with a closing window
# this fraction of that side: wider than a thick marker's stroke, narrower than a shadow.
PAPER_SIDE = 128
# ... after a look at a copy EVEN_SIDE px per side: paper whose light varies by at most EVEN
# there is even.
EVEN_SIDE = 48
EVEN_WINDOW = 0.3
EVEN = 1.5 / 255
PAPER_WINDOW = 0.16
# The ink mask for finding lines: above this many noise deviations of the paper (and at least
# LINE_LEVEL). A band is a line when ink covers at least LINE_COVER of the page along it, and
# a lone band only when it covers LONE_COVER; a line is at most LINE_THICK of the page thick.
LINE_NOISE = 5.0
LINE_LEVEL = 0.04
# A hollow stroke's rim is at least RIM × the median strength of the ink's edges.
RIM = 0.5
# A piece of ink lighter than SPECK × the digit's is a speck; pieces further than NEAR × the
# digit's size from it are not part of it; pieces touching the frame are passed over for a
# piece inside this heavy (relative) and must then stand out by BORDER_CONTRAST.
SPECK = 0.02
NEAR = 0.25
BORDER_SHARE = 0.1
# The kept ink must stand out of the paper by this much (fraction of light absorbed).
MIN_CONTRAST = 0.08
BORDER_CONTRAST = 0.4


@dataclass
class Cleaning:
    """What :func:`clean` found in a picture.

    ``ink``: ``(H, W) float32`` in [0, 1], the digit's ink (1 = a stroke's core). ``removed``:
    ``(H, W) bool``, the template's pixels taken out (lines, dots). ``kept``: ``(H, W) bool``,
    the pixels kept as the digit. ``rows``/``columns``: template lines found across/down the
    page; ``dots``: template dots; ``shade``: how much the paper's light varied (0 = even);
    ``contrast``: how dark the kept ink was before stretching (fraction of light absorbed);
    ``pieces``: separate pieces of ink kept (``dropped``: left out, specks aside);
    ``touches_edge``: kept ink is cut by the frame (it reaches one side, or two sides that
    meet, but not two opposite sides: a picture cropped tight to the digit is not cut);
    ``as_is``: the picture already was a network input, taken pixel for pixel
    (:func:`~lenet_desktop.data.preprocessing.dataset_framed`).
    """

    ink: np.ndarray
    removed: np.ndarray
    kept: np.ndarray
    rows: int = 0
    columns: int = 0
    dots: int = 0
    shade: float = 0.0
    contrast: float = 0.0
    pieces: int = 0
    dropped: int = 0  # pieces of ink left out as not the digit's (specks aside)
    touches_edge: bool = False
    box: tuple[int, int] = field(default=(0, 0))
    as_is: bool = False

    @property
    def empty(self) -> bool:
        return not self.kept.any()


def blank(shape: tuple[int, ...], **found) -> Cleaning:
    nothing = np.zeros(shape, dtype=bool)
    return Cleaning(
        np.zeros(shape, dtype=np.float32), found.pop("removed", nothing), nothing, **found
    )


def _closing(lum: np.ndarray, side: int) -> tuple[np.ndarray, int]:
    """The grey-level closing of a copy of ``lum`` box-reduced to about ``side`` px, and
    its window."""
    step = max(1, max(lum.shape) // side)
    small = np.asarray(Image.fromarray(lum, mode="F").reduce(step), dtype=np.float32)
    window = max(3, round(PAPER_WINDOW * max(small.shape)) | 1)
    return ndimage.grey_closing(small, size=(window, window), mode="reflect"), window


def _paper(lum: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The paper's brightness under the light that fell on it, ``(H, W) float32``, and the
    brightest paper within a window of each pixel.

    A coarse copy (EVEN_SIDE px) first: when the brightest paper within EVEN_WINDOW of every
    pixel is the same (a drawing, a scan, a note app's page), the paper is that one value.
    Otherwise the closing runs on a finer copy (PAPER_SIDE px), so the edge of a hard shadow
    stays sharp instead of leaving a thin band that reads as a stroke."""
    height, width = lum.shape
    step = max(1, max(lum.shape) // EVEN_SIDE)
    coarse = np.asarray(Image.fromarray(lum, mode="F").reduce(step), dtype=np.float32)
    # The brightest paper within a wide window: a stroke however thick is paper there, a
    # shadow or a gradient is not.
    window = max(3, round(EVEN_WINDOW * max(coarse.shape)) | 1)
    bright = ndimage.grey_dilation(coarse, size=(window, window), mode="nearest")
    if float(bright.max() - bright.min()) <= EVEN:
        level = np.float32(bright.max())
        paper = np.maximum(np.full_like(lum, level), lum)
        return paper, paper
    closed, window = _closing(lum, PAPER_SIDE)
    closed = ndimage.uniform_filter(closed, size=3, mode="nearest")
    # Around it, the light of the paper beside: inside a stroke wider than the window the
    # closing is the stroke's own darkness, and the light beside is the paper's.
    beside = ndimage.grey_dilation(closed, size=(window, window), mode="nearest")
    paper, near = (
        np.maximum(
            np.asarray(
                Image.fromarray(a, mode="F").resize((width, height), Image.Resampling.BILINEAR),
                dtype=np.float32,
            ),
            lum,
        )
        for a in (closed, beside)
    )
    return paper, near


def _hollow(ink: np.ndarray, level: float) -> np.ndarray:
    """The cores of hollow strokes: holes in the ink mask whose rim is a stroke's edge (as dark
    as the ink's strongest half) and whose paper, read against the paper beside, is dark too."""
    edges = ink > max(level, _otsu(ink))
    holes = ndimage.binary_fill_holes(edges) & ~edges
    if not holes.any():
        return holes
    labels, count = ndimage.label(holes)
    rim = ndimage.binary_dilation(holes, iterations=2) & ~holes
    rim_labels = ndimage.grey_dilation(labels, size=(5, 5)) * rim
    strong = float(np.percentile(ink[edges], 50))
    with np.errstate(invalid="ignore", divide="ignore"):
        rims = ndimage.mean(ink, rim_labels, index=np.arange(1, count + 1))
    good = np.concatenate([[False], np.nan_to_num(rims) >= RIM * strong])
    return good[labels]


def _noise(ink: np.ndarray) -> float:
    """The paper's noise: a robust deviation of the differences between neighbouring pixels
    (lines, dots and strokes change only at their edges, a minority of pixel pairs even on a
    dense grid; the sensor's noise changes every pair)."""
    across = np.abs(np.diff(ink[::2], axis=1)).ravel()
    down = np.abs(np.diff(ink[:, ::2], axis=0)).ravel()
    return 1.4826 * float(np.median(np.concatenate([across, down]))) / np.sqrt(2.0)


def _otsu(values: np.ndarray) -> float:
    """Otsu's threshold of values in [0, 1] (256 bins)."""
    bins = np.minimum((values.ravel() * 256).astype(np.intp), 255)
    counts = np.bincount(bins, minlength=256).astype(np.float64)
    centres = (np.arange(256) + 0.5) / 256
    weight = np.cumsum(counts)
    mass = np.cumsum(counts * centres)
    total, total_mass = weight[-1], mass[-1]
    below, above = weight[:-1], total - weight[:-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mass * below - mass[:-1] * total) ** 2 / (below * above)
    between = np.nan_to_num(between, nan=0.0, posinf=0.0)
    return float(int(np.argmax(between)) + 1) / 256


def _keep_digit(
    ink: np.ndarray, floor: float, line: bool = False
) -> tuple[np.ndarray, float, int, int] | None:
    """The digit's pieces of ``ink``: (kept mask, its strong ink level, pieces kept, pieces
    left out — specks aside) or None.
    ``line``: every piece on the digit's line (a number's digits), not only those near it."""
    threshold = max(_otsu(ink), floor)
    mask = ink > threshold
    if not mask.any():
        return None
    labels, count = ndimage.label(mask, structure=np.ones((3, 3), dtype=bool))
    masses = ndimage.sum_labels(ink, labels, index=np.arange(1, count + 1))
    boxes = ndimage.find_objects(labels)
    height, width = ink.shape
    inside = np.array(
        [
            b[0].start > 0 and b[1].start > 0 and b[0].stop < height and b[1].stop < width
            for b in boxes
        ]
    )
    # A piece touching the frame (a shadow's corner, the page's edge) is the digit only when no
    # piece inside is of a similar weight, and then it must be clearer ink.
    weighty = inside & (masses >= BORDER_SHARE * masses.max())
    main = (
        int(np.argmax(np.where(weighty, masses, 0.0))) if weighty.any() else int(np.argmax(masses))
    )
    paper = float(np.median(ink))
    strong = float(np.percentile(ink[labels == main + 1], 90))
    if not inside[main] and strong - paper < BORDER_CONTRAST:
        # Not clear enough for ink at the frame (a shadow's corner): the heaviest piece
        # inside, if there is one, is the digit.
        if not inside.any():
            return None
        main = int(np.argmax(np.where(inside, masses, 0.0)))
        strong = float(np.percentile(ink[labels == main + 1], 90))
    if strong - paper < MIN_CONTRAST:
        return None
    top, bottom = boxes[main][0].start, boxes[main][0].stop
    left, right = boxes[main][1].start, boxes[main][1].stop
    reach = NEAR * max(bottom - top, right - left)
    keep = np.zeros(count + 1, dtype=bool)
    for index, box in enumerate(boxes):
        if masses[index] < SPECK * masses[main]:
            continue
        near_rows = box[0].start < bottom + reach and box[0].stop > top - reach
        near_cols = box[1].start < right + reach and box[1].stop > left - reach
        keep[index + 1] = near_rows and (near_cols or (line and bool(inside[index])))
    pieces = int(np.count_nonzero(keep))
    dropped = int(np.count_nonzero(masses >= SPECK * masses[main])) - pieces
    kept = ndimage.binary_dilation(keep[labels], iterations=1)
    return kept, strong, pieces, dropped


def cut_by_frame(kept: np.ndarray) -> bool:
    """Whether ink reaches the frame as a digit cut off does: on one side, or on two sides that
    meet. Ink on two opposite sides is a picture cropped tight to its digit (the digit fills
    its height or width), which cuts nothing."""
    top, bottom = bool(kept[0].any()), bool(kept[-1].any())
    left, right = bool(kept[:, 0].any()), bool(kept[:, -1].any())
    return (top or bottom or left or right) and not ((top and bottom) or (left and right))


def clean(lum: np.ndarray, line: bool = False) -> Cleaning:
    """The ink of a picture of dark ink on light paper (``lum`` ``(H, W)`` in [0, 1]).

    See the module's docstring for the steps. ``line``: keep every piece on the digit's line
    (a number), not only the digit and the pieces near it.
    """
    paper, near = _paper(lum)
    bright = float(np.percentile(paper, 99))
    if bright <= 0.0:
        return blank(lum.shape)
    shade = float(1.0 - np.percentile(paper, 1) / bright)
    ink = (1.0 - lum / np.maximum(paper, 1e-3)).clip(0.0, 1.0).astype(np.float32)
    level = max(LINE_LEVEL, LINE_NOISE * _noise(ink))
    # A stroke wider than the paper's window comes out hollow: its core, enclosed by its
    # edges, is read against the paper beside it (a loop's inside is that paper, and stays).
    # (on even paper no stroke is hollow: the paper is one value)
    hollow = np.zeros(ink.shape, dtype=bool) if near is paper else _hollow(ink, level)
    if hollow.any():
        against = (1.0 - lum / np.maximum(near, 1e-3)).clip(0.0, 1.0)
        ink = np.where(hollow, np.maximum(ink, against), ink).astype(np.float32)
    mask = ink > level
    ink, across, rows = find_lines(ink, mask, level)
    down_t, down_mask, columns = find_lines(np.ascontiguousarray(ink.T), (ink > level).T, level)
    ink, down = down_t.T, down_mask.T
    removed = across | down
    dots, dot_count = find_dots(ink > level)
    if dot_count:
        ink = np.where(ndimage.binary_dilation(dots, iterations=1), 0.0, ink).astype(np.float32)
        removed |= dots
    found: dict = dict(rows=rows, columns=columns, dots=dot_count, shade=shade)
    digit = _keep_digit(ink, level, line)
    if digit is None:
        return blank(lum.shape, removed=removed, **found)
    kept, strong, pieces, dropped = digit
    low = min(level, strong / 2)
    stretched = np.where(kept, ((ink - low) / max(strong - low, 1e-3)).clip(0.0, 1.0), 0.0)
    edge = cut_by_frame(kept)
    inked = stretched > 0
    rows_at = np.flatnonzero(inked.any(axis=1))
    cols_at = np.flatnonzero(inked.any(axis=0))
    if rows_at.size == 0:
        return blank(lum.shape, removed=removed, **found)
    box = (int(rows_at[-1] - rows_at[0] + 1), int(cols_at[-1] - cols_at[0] + 1))
    return Cleaning(
        stretched.astype(np.float32),
        removed & ~kept,
        kept,
        contrast=strong,
        pieces=pieces,
        dropped=dropped,
        touches_edge=bool(edge),
        box=box,
        **found,
    )
