"""Cutting a line of handwriting into candidate digits: the first half of LeCun et al. 1998's
heuristic over-segmentation (sections V–VI), which :mod:`lenet_desktop.analysis.number` ends by
letting the network choose among the candidates.

1. **Pieces.** The ink's connected parts, left to right; a stroke that shares most of its
   columns with a taller neighbour is part of it (a 5's flag, a 7's bar), while two
   full-height digits slanted into each other's columns stay apart. A part wider than a digit
   may be two digits touching: it gets candidate cuts at the lows of its column profile (never
   nearer its ends than a third of its height), each cut following the least-ink path from
   top to bottom near that column, so digits that lean into each other are parted along the
   gap between them.
2. **Candidates.** Every run of one to four consecutive pieces is a candidate digit, framed
   through the same 28×28 path as a drawing (:func:`~lenet_desktop.data.preprocessing.
   frame_ink`: crop, stroke width, 20-px box, centre of mass).

NumPy and SciPy only; no network here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from lenet_desktop.data.preprocessing import frame_ink
from lenet_desktop.data.strokes import stroke_width

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
RUN = 4  # the most pieces of one part, or whole parts, one digit may be made of
MERGE_GAP = 0.12  # parts further apart than this × the line's height are never one digit
NARROW = 0.45  # a part narrower than this × its height (a 1) does not set the usual width
# a part the checker doubts is one digit is cut if wider than this × its height, …
SUSPECT_WIDE = 0.6
SUSPECT_MARGIN = 0.15  # … not nearer its ends than this × its height, …
SUSPECT_CUTS = 6  # … at up to this many places
TOO_WIDE = 1.6  # a run of pieces wider than this × the line's height is not a candidate


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


def _cuts(part: np.ndarray, reference: float | None, suspect: bool = False) -> list[int]:
    """Candidate cut columns of a part wide enough to be digits touching — wider than the
    other parts of the number (``reference``: their median width) and than its height, or,
    alone, much wider than high — at the lowest points of its column profile, away from its
    ends and from each other. A ``suspect`` part (the checker doubts it is one digit) is cut
    as soon as it is not narrow, nearer its ends (a 1 touching its neighbour) and at more
    places."""
    rows = np.flatnonzero(part.any(axis=1))
    cols = np.flatnonzero(part.any(axis=0))
    height, left, right = rows[-1] - rows[0] + 1, cols[0], cols[-1] + 1
    width = right - left
    if height < FLAT * width:
        return []  # a bar, a dash, an underline: no digits side by side
    if suspect:
        if width <= SUSPECT_WIDE * height:
            return []
    elif reference is None:
        if width <= ALONE_WIDE * height:
            return []
    elif width <= WIDE * height or width <= WIDER * reference:
        return []
    profile = part[:, left:right].sum(axis=0).astype(np.float64)
    profile = ndimage.uniform_filter1d(profile, size=max(1, int(height * 0.06)))
    margin = max(2, int((SUSPECT_MARGIN if suspect else CUT_MARGIN) * height))
    if profile.size <= 2 * margin:
        return []
    found: list[int] = []
    most, apart = (SUSPECT_CUTS, 0.15) if suspect else (MOST_CUTS, 0.25)
    for x in np.argsort(profile[margin:-margin], kind="stable") + margin:
        if len(found) >= most:
            break
        if all(abs(int(x) - f) >= apart * height for f in found):
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
    width = high - low
    came = np.zeros(cost.shape, dtype=np.int64)
    options = np.full((3, width), np.inf)  # from the column to the left, the same, the right
    options[1] = cost[0]
    columns = np.arange(width)
    for row in range(1, cost.shape[0]):
        options[0, 1:] = options[1, :-1]
        options[2, :-1] = options[1, 1:]
        step = options.argmin(axis=0)
        came[row] = columns + step - 1
        options[1] = options[step, columns] + cost[row]
    total = options[1]
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


def _pieces(parts: list[np.ndarray], ink: np.ndarray, suspects: np.ndarray) -> list[Piece]:
    pieces = []
    columns = np.arange(ink.shape[1])[None, :]
    for index, (part, reference) in enumerate(zip(parts, references(parts))):
        cuts = _cuts(part, reference, bool(suspects[index]))
        paths = [_cut_path(ink, part, c) for c in cuts]
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


def ink_box(mask: np.ndarray) -> tuple[int, int, int, int]:
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


@dataclass(frozen=True)
class Candidate:
    """A run of consecutive pieces that may be one digit: ``start``…``end`` (exclusive) index
    the pieces; ``mask`` its pixels; ``box`` (top, left, bottom, right) in ink pixels;
    ``framed`` its 28×28 network input (unnormalised); ``cut_after``: it ends at a cut
    through connected ink."""

    start: int
    end: int
    mask: np.ndarray
    box: tuple[int, int, int, int]
    framed: np.ndarray
    cut_after: bool


@dataclass(frozen=True)
class Candidates:
    """Everything a line of ink may be cut into: its ``parts`` (masks), their ``pieces``, the
    ``runs`` that may be digits and ``line``, the height of the line of ink in pixels."""

    parts: list[np.ndarray]
    pieces: list[Piece]
    runs: list[Candidate]
    line: float


def candidates(ink: np.ndarray, doubted=None) -> Candidates | None:
    """The candidate digits of a line of ink (``(H, W)`` float, 0 = paper); None when it is
    one piece (nothing to choose). ``doubted``: given the parts framed as 28×28 inputs
    (``(N, 28, 28)``), which of them may not be one digit (``(N,)`` bool: such a part is cut
    more readily, see :func:`_cuts`); None: none is doubted."""
    parts = _parts(ink)
    if not parts:
        return None
    suspects = np.zeros(len(parts), dtype=bool)
    whole_parts: dict[int, np.ndarray | None] = {}  # each part framed, when it was needed
    if doubted is not None and len(parts) > 1:  # one part alone is cut only if very wide
        for k, part in enumerate(parts):
            whole_parts[k] = frame_ink(np.where(part, ink, 0.0).astype(np.float32), "mnist")
        usable = {k: f for k, f in whole_parts.items() if f is not None}
        if usable:
            suspects[list(usable)] = doubted(np.stack(list(usable.values())))
    pieces = _pieces(parts, ink, suspects)
    if len(pieces) < 2:
        return None
    line_rows = np.flatnonzero((ink > 0).any(axis=1))
    line = float(line_rows[-1] - line_rows[0] + 1)
    runs: list[Candidate] = []
    count = len(pieces)
    strokes: dict[int, float] = {}

    def starts_part(k: int) -> bool:  # a part begins at piece k (or the ink ends there)
        return k == 0 or k == count or pieces[k].part != pieces[k - 1].part

    for i in range(count):
        for j in range(i + 1, count + 1):
            between = pieces[j - 1].left - pieces[j - 2].right if j - i > 1 else 0
            if between > MERGE_GAP * line and pieces[j - 1].part != pieces[j - 2].part:
                break
            spanned = len({p.part for p in pieces[i:j]})
            if spanned > RUN:
                break
            whole = starts_part(i) and starts_part(j)
            # a run of at most RUN pieces of one part, or whole parts (a digit in several
            # parts takes each of them whole; a part cut in many pieces may still be one digit)
            if not (whole or (spanned == 1 and j - i <= RUN)):
                continue
            if pieces[j - 1].right - pieces[i].left > TOO_WIDE * line and not (
                whole and spanned == 1
            ):
                continue  # far wider than the line is high: never one digit (a part whole
                # stays, so that every reading has a path)
            mask = np.zeros(ink.shape, dtype=bool)
            for piece in pieces[i:j]:
                mask |= piece.pixels
            one = pieces[i].part
            if whole and spanned == 1 and one in whole_parts:
                framed = whole_parts[one]
            else:  # a piece of one part has the part's strokes: measured once
                if spanned == 1 and one not in strokes:
                    top, left, bottom, right = ink_box(parts[one])
                    crop = np.where(parts[one], ink, 0.0)[top:bottom, left:right]
                    strokes[one] = stroke_width(crop)
                stroke = strokes.get(one) if spanned == 1 else None
                framed = frame_ink(np.where(mask, ink, 0.0).astype(np.float32), "mnist", stroke)
            if framed is None:
                continue
            cut_after = not starts_part(j)
            runs.append(Candidate(i, j, mask, ink_box(mask), framed, cut_after))
    return Candidates(parts, pieces, runs, line)
