"""Reading a whole number: the ink cut into digits that the network itself checks — LeCun et
al. 1998's heuristic over-segmentation (sections V–VI), in small.

1. **Pieces.** The ink's connected parts, left to right; a stroke that shares most of its
   columns with a taller neighbour is part of it (a 5's flag, a 7's bar), while two
   full-height digits slanted into each other's columns stay apart. A part wider than a digit
   may be two digits touching: it gets candidate cuts at the lows of its column profile (never
   nearer its ends than a third of its height), each cut following the least-ink path from
   top to bottom near that column, so digits that lean into each other are parted along the
   gap between them.
2. **Candidates.** Every run of one to four consecutive pieces is a candidate digit; each goes
   through the same 28×28 path as a drawing (:func:`~lenet_desktop.data.preprocessing.
   frame_ink`: crop, stroke width, 20-px box, centre of mass) and all of them through the
   network in one batch.
3. **The reading it is surest of.** Dynamic programming over the cut points picks the
   segmentation whose digits have the highest summed log-probability, less a penalty for a
   candidate shaped unlike a digit (much wider than tall: two digits read as one; much lower
   than the line: a fragment), for one the network finds unlike its training images (its
   energy near the model's threshold) and for each cut through connected ink.

A picture whose best segmentation is one digit is read exactly as before (:func:`read_number`
returns None). Everything here is NumPy and SciPy; the network is run through the predictor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image
from scipy import ndimage

from lenet_desktop.data.cleaning import Cleaning
from lenet_desktop.data.preprocessing import (
    Preprocessed,
    cleaning,
    dataset_framed,
    frame_ink,
    normalized,
    to_array,
)

if TYPE_CHECKING:
    from lenet_desktop.analysis.doubt import Doubt
    from lenet_desktop.nn.prediction import Prediction

SHARED_COLUMNS = 0.5  # parts sharing this much of the narrower one's columns: one digit
STROKE_HEIGHT = 0.75  # a part lower than this × its neighbour's height may be its stroke
SPECK = 0.03  # a part lighter than this share of the heaviest: a speck, joined or dropped
WIDE = 0.8  # a part wider than this × its height and ↓ may be digits touching: cuts tried
WIDER = 1.25  # … than this × the other parts' median width
FLAT = 0.25  # a part lower than this × its width is a bar or a dash, never cut into digits
ALONE_WIDE = 2.0  # a part alone: wider than this × its height (a single digit is not cut)
CUT_MARGIN = 0.35  # no cut nearer a part's end than this × its height (a sliver is no digit)
MOST_CUTS = 4  # candidate cuts per wide part
PATH_REACH = 0.2  # a cut may lean this × the part's height either side of its column
PATH_STRAY = 0.02  # the cost of leaning one column, against crossing ink (1 per pixel)
RUN = 4  # the most pieces one digit may be made of
MERGE_GAP = 0.12  # parts further apart than this × the line's height are never one digit
ASPECT = 1.15  # a candidate wider than this × its height is penalised (two digits as one)
ASPECT_PENALTY = 3.0
FRAGMENT = 0.45  # a candidate lower than this × the line's height is penalised (a fragment)
FRAGMENT_PENALTY = 6.0
UNLIKE_PENALTY = 1.0  # per unit of energy above the model's threshold less UNLIKE_MARGIN
UNLIKE_MARGIN = 1.0  # a digit the model knows well lies this far below its threshold
CUT_PENALTY = 0.25  # a cut through connected ink must be worth it
NARROW = 0.45  # a part narrower than this × its height (a 1) does not set the usual width
UNSURE_CUT = 0.8  # a digit made by a cut read below this probability: the cut is unsure


@dataclass(frozen=True)
class Digit:
    """One digit of a number: its box in the picture's pixels (top, left, bottom, right), its
    28×28 input, the network's answer and the doubt about it; ``cut``: made by cutting ink
    that touched its neighbour."""

    box: tuple[int, int, int, int]
    prepared: Preprocessed
    prediction: Prediction
    doubt: Doubt
    cut: bool = False

    @property
    def label(self) -> str:
        return self.prediction.label

    @property
    def confidence(self) -> float:
        return float(self.prediction.confidence)


@dataclass(frozen=True)
class NumberReading:
    """A number read digit by digit, left to right. ``unsure_cut``: a cut between touching
    digits gave a digit the network is not sure of."""

    digits: tuple[Digit, ...]
    ink: np.ndarray | None = None  # the whole number's ink, as the cleaning found it
    scale: float = 1.0  # the picture's pixels per pixel of ``ink``
    cleaning: Cleaning | None = None  # that cleaning (the template it removed)
    cuts: tuple[tuple[tuple[int, int], ...], ...] = ()  # each cut's (row, column), in ink px

    @property
    def text(self) -> str:
        return "".join(d.label for d in self.digits)

    @property
    def unsure_cut(self) -> bool:
        return any(d.cut and d.confidence < UNSURE_CUT for d in self.digits)

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.text,
            "digits": [
                {
                    "box": {"top": b[0], "left": b[1], "bottom": b[2], "right": b[3]},
                    "label": d.label,
                    "confidence": d.confidence,
                    "cut": d.cut,
                    "unsure": bool(d.doubt.unsure),
                }
                for d in self.digits
                for b in [d.box]
            ],
            "unsure_cut": self.unsure_cut,
        }


def digit_of(reading) -> Digit:
    """A single digit's :class:`~lenet_desktop.analysis.reading.Reading` as a number's one
    digit: its box is its ink's, in the picture's pixels."""
    prepared = reading.prepared
    found = prepared.cleaning
    box = (0, 0, 0, 0)
    if found is not None and found.kept.any():
        top, left, bottom, right = (round(v * prepared.scale) for v in _box(found.kept))
        box = (top, left, bottom, right)
    return Digit(box, prepared, reading.prediction, reading.doubt)


@dataclass(frozen=True)
class Piece:
    """A piece of one part of the ink (the part whole, or the part between two cuts):
    ``pixels``, its mask; ``left``…``right`` (exclusive) its columns."""

    pixels: np.ndarray  # (H, W) bool
    left: int
    right: int
    part: int  # which part it comes from
    path: tuple[tuple[int, int], ...] = ()  # the cut on its left, (row, column) per row


def _parts(ink: np.ndarray) -> list[np.ndarray]:
    """The ink's parts as masks, left to right: connected pieces, those that share most of
    their columns joined (one digit in several strokes), specks joined to the part above or
    below them or dropped."""
    labels, count = ndimage.label(ink > 0, structure=np.ones((3, 3), dtype=bool))
    if count == 0:
        return []
    boxes = ndimage.find_objects(labels)
    masses = np.asarray(ndimage.sum_labels(ink, labels, index=np.arange(1, count + 1)))
    heavy = masses >= SPECK * masses.max()
    spans = [(b[1].start, b[1].stop) for b in boxes]
    heights = [b[0].stop - b[0].start for b in boxes]
    group = list(range(count))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i in range(count):
        for j in range(i + 1, count):
            (a0, a1), (b0, b1) = spans[i], spans[j]
            shared = min(a1, b1) - max(a0, b0)
            narrower = min(a1 - a0, b1 - b0)
            light = not (heavy[i] and heavy[j])
            # a stroke of the same digit is shorter than it (a 5's flag, a 7's bar); two
            # digits side by side, slanted, share columns too but both are full height
            short = min(heights[i], heights[j]) < STROKE_HEIGHT * max(heights[i], heights[j])
            overlapping = shared >= SHARED_COLUMNS * narrower and short
            if shared > 0 and (overlapping or shared >= 0.9 * narrower or light):
                group[root(j)] = root(i)
    found: dict[int, list[int]] = {}
    for i in range(count):
        found.setdefault(root(i), []).append(i)
    parts = []
    for members in found.values():
        if not any(heavy[m] for m in members):
            continue  # a speck alone
        parts.append(np.isin(labels, [m + 1 for m in members]))
    parts.sort(key=lambda m: float(np.flatnonzero(m.any(axis=0)).mean()))
    return parts


def _width(part: np.ndarray) -> int:
    cols = np.flatnonzero(part.any(axis=0))
    return int(cols[-1] - cols[0] + 1)


def _cuts(part: np.ndarray, reference: float | None) -> list[int]:
    """Candidate cut columns of a part wide enough to be digits touching — wider than the
    other parts of the number (``reference``: their median width) and than its height, or,
    alone, much wider than high — at the lowest points of its column profile, away from its
    ends and from each other."""
    rows = np.flatnonzero(part.any(axis=1))
    cols = np.flatnonzero(part.any(axis=0))
    height, left, right = rows[-1] - rows[0] + 1, cols[0], cols[-1] + 1
    width = right - left
    if height < FLAT * width:
        return []  # a bar, a dash, an underline: no digits side by side
    if reference is None:
        if width <= ALONE_WIDE * height:
            return []
    elif width <= WIDE * height or width <= WIDER * reference:
        return []
    profile = part[:, left:right].sum(axis=0).astype(np.float64)
    profile = ndimage.uniform_filter1d(profile, size=max(1, int(height * 0.06)))
    margin = max(2, int(CUT_MARGIN * height))
    if profile.size <= 2 * margin:
        return []
    found: list[int] = []
    for x in np.argsort(profile[margin:-margin], kind="stable") + margin:
        if len(found) >= MOST_CUTS:
            break
        if all(abs(int(x) - f) >= 0.25 * height for f in found):
            found.append(int(x))
    return sorted(left + f for f in found)


def _cut_path(ink: np.ndarray, part: np.ndarray, column: int) -> np.ndarray:
    """A cut from the part's top to its bottom near ``column`` that crosses as little ink as
    it can (moving at most one column a row): touching digits that lean into each other are
    parted along the gap between them, not by a straight line. The cut's column in each row
    of the image (``column`` outside the part's rows)."""
    rows = np.flatnonzero(part.any(axis=1))
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    reach = max(2, int(PATH_REACH * (bottom - top)))
    low, high = max(0, column - reach), min(ink.shape[1], column + reach + 1)
    cost = np.where(part[top:bottom, low:high], ink[top:bottom, low:high], 0.0)
    cost = cost + PATH_STRAY * np.abs(np.arange(low, high) - column)[None, :]
    total = cost[0].copy()
    came = np.zeros(cost.shape, dtype=np.int64)
    width = high - low
    for row in range(1, cost.shape[0]):
        options = np.stack(
            [np.r_[np.inf, total[:-1]], total, np.r_[total[1:], np.inf]]
        )  # from the column to the left, the same, the right
        step = np.argmin(options, axis=0)
        came[row] = np.arange(width) + step - 1
        total = options[step, np.arange(width)] + cost[row]
    path = np.full(ink.shape[0], column, dtype=np.int64)
    x = int(np.argmin(total))
    for row in range(cost.shape[0] - 1, -1, -1):
        path[top + row] = low + x
        x = int(came[row, x])
    return path


def _height(part: np.ndarray) -> int:
    rows = np.flatnonzero(part.any(axis=1))
    return int(rows[-1] - rows[0] + 1)


def references(parts: list[np.ndarray]) -> list[float | None]:
    """For each part, the median width of the other parts that are not as narrow as a 1 (a
    digit's usual width in this number), or None when there are none."""
    sizes = [(_width(part), _height(part)) for part in parts]
    found: list[float | None] = []
    for index in range(len(parts)):
        others = [w for k, (w, h) in enumerate(sizes) if k != index and w >= NARROW * h]
        found.append(float(np.median(others)) if others else None)
    return found


def _pieces(parts: list[np.ndarray], ink: np.ndarray) -> list[Piece]:
    pieces = []
    columns = np.arange(ink.shape[1])[None, :]
    for index, (part, reference) in enumerate(zip(parts, references(parts))):
        paths = [_cut_path(ink, part, c) for c in _cuts(part, reference)]
        bounds = [None, *paths, None]
        for left_path, right_path in zip(bounds[:-1], bounds[1:]):
            pixels = part.copy()
            if left_path is not None:
                pixels &= columns >= left_path[:, None]
            if right_path is not None:
                pixels &= columns < right_path[:, None]
            cols = np.flatnonzero(pixels.any(axis=0))
            if cols.size == 0:
                continue
            rows = np.flatnonzero(part.any(axis=1))
            path = () if left_path is None else tuple((int(r), int(left_path[r])) for r in rows)
            pieces.append(Piece(pixels, int(cols[0]), int(cols[-1]) + 1, index, path))
    return pieces


def _segment_mask(pieces: list[Piece], shape: tuple[int, ...]) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    for piece in pieces:
        mask |= piece.pixels
    return mask


def _box(mask: np.ndarray) -> tuple[int, int, int, int]:
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def read_number(predictor, image, done: Cleaning | None = None) -> NumberReading | None:
    """The number in a drawing or picture, read digit by digit with ``predictor`` (a torch
    :class:`~lenet_desktop.nn.inference.Predictor`); None when the ink is one digit — or the
    model does not read digits — and the picture is read as before. ``done``: the cleaning
    the single-digit reading already made of ``image``; when it left no piece out it is the
    number's too, and the picture is not cleaned twice (the drawing path's case)."""
    import torch

    from lenet_desktop.analysis.doubt import doubt_of, energy

    info = predictor.bundle.dataset
    if info.convention != "mnist" or (done is not None and (done.as_is or done.empty)):
        return None
    if done is not None and done.dropped == 0:
        found = done
    else:
        data = to_array(image)
        if dataset_framed(data, info.convention) is not None:
            return None  # already a network input: one digit
        found = cleaning(data, handwriting=True, line=True)
    ink = found.ink
    if found.empty or ink.size == 0:
        return None
    parts = _parts(ink)
    if not parts:
        return None
    pieces = _pieces(parts, ink)
    if len(pieces) < 2:
        return None
    line_rows = np.flatnonzero((ink > 0).any(axis=1))
    line = float(line_rows[-1] - line_rows[0] + 1)
    # every run of consecutive pieces that may be one digit
    runs: list[tuple[int, int]] = []
    for i in range(len(pieces)):
        for j in range(i + 1, min(len(pieces), i + RUN) + 1):
            if j - i > 1:
                gap = pieces[j - 1].left - pieces[j - 2].right
                if pieces[j - 1].part != pieces[j - 2].part and gap > MERGE_GAP * line:
                    break
            spanned = {p.part for p in pieces[i:j]}
            if len(spanned) > 1 and (  # a digit in several parts takes each of them whole
                (i > 0 and pieces[i - 1].part == pieces[i].part)
                or (j < len(pieces) and pieces[j].part == pieces[j - 1].part)
            ):
                continue
            runs.append((i, j))
    masks = [_segment_mask(pieces[i:j], ink.shape) for i, j in runs]
    framed = [frame_ink(np.where(m, ink, 0.0).astype(np.float32), "mnist") for m in masks]
    usable = [k for k, f in enumerate(framed) if f is not None]
    batch = np.stack([normalized(f, info.mean, info.std)[0] for f in framed if f is not None])
    with torch.inference_mode():
        logits = predictor.network(torch.from_numpy(batch).to(predictor.device)).float().cpu()
    temperature = predictor.bundle.temperature
    probabilities = torch.softmax(logits / temperature, dim=1).numpy()
    energies = energy(logits.numpy(), temperature)
    threshold = getattr(predictor.bundle, "unlike_threshold", None)
    score: dict[tuple[int, int], float] = {}
    for row, k in enumerate(usable):
        i, j = runs[k]
        top, left, bottom, right = _box(masks[k])
        aspect = (right - left) / max(1, bottom - top)
        value = math.log(max(float(probabilities[row].max()), 1e-9))
        value -= ASPECT_PENALTY * max(0.0, aspect - ASPECT)
        value -= FRAGMENT_PENALTY * max(0.0, FRAGMENT - (bottom - top) / line)
        if threshold is not None:
            above = float(energies[row]) - (threshold - UNLIKE_MARGIN)
            value -= UNLIKE_PENALTY * max(0.0, above)
        if j < len(pieces) and pieces[j].part == pieces[j - 1].part:
            value -= CUT_PENALTY  # it ends at a cut through connected ink
        score[runs[k]] = value
    # the best path from cut point 0 to the last, over the runs
    best = [-math.inf] * (len(pieces) + 1)
    back = [0] * (len(pieces) + 1)
    best[0] = 0.0
    for j in range(1, len(pieces) + 1):
        for i in range(max(0, j - RUN), j):
            if (i, j) in score and best[i] + score[(i, j)] > best[j]:
                best[j], back[j] = best[i] + score[(i, j)], i
    if best[-1] == -math.inf:
        return None
    path, j = [], len(pieces)
    while j > 0:
        path.append((back[j], j))
        j = back[j]
    path.reverse()
    if len(path) < 2:
        return None
    original = image.size[::-1] if isinstance(image, Image.Image) else np.asarray(image).shape
    scale = max(original[:2]) / max(ink.shape)
    digits = []
    for i, j in path:
        mask = masks[runs.index((i, j))]
        digit_ink = np.where(mask, ink, 0.0).astype(np.float32)
        framed_digit = frame_ink(digit_ink, "mnist")
        assert framed_digit is not None
        top, left, bottom, right = _box(mask)
        kept = replace(
            found,
            ink=digit_ink,
            kept=mask,
            removed=found.removed & ~mask,
            pieces=len({p.part for p in pieces[i:j]}),
            box=(bottom - top, right - left),
        )
        prepared = Preprocessed(
            framed_digit, normalized(framed_digit, info.mean, info.std), kept, scale
        )
        prediction = predictor.predict(prepared.tensor)
        cut = any(pieces[k].part == pieces[k - 1].part for k in (i, j) if 0 < k < len(pieces))
        box = (round(top * scale), round(left * scale), round(bottom * scale), round(right * scale))
        doubt = doubt_of(prediction, predictor.bundle)
        digits.append(Digit(box, prepared, prediction, doubt, cut))
    cuts = [  # the boundary after each digit but the last, where it cut ink
        pieces[j].path for _, j in path[:-1] if pieces[j].part == pieces[j - 1].part
    ]
    if len(parts) == 1 and any(d.doubt.unsure for d in digits):
        return None  # one stroke cut into digits the network doubts: read as one, as before
    entire = replace(found, kept=ink > 0, pieces=len(parts))
    return NumberReading(tuple(digits), ink, scale, entire, tuple(cuts))
