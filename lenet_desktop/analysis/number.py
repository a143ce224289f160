"""Reading a whole number: the ink cut into digits that the network itself checks — LeCun et
al. 1998's heuristic over-segmentation (sections V–VI), in small.

1. **Candidates** (:mod:`lenet_desktop.analysis.segmentation`): the ink's parts, cut where
   digits may touch; every run of one to four consecutive pieces framed as a 28×28 input,
   all of them through the network in one batch.
2. **A second opinion** (:mod:`lenet_desktop.analysis.checker`): a network trained on the
   segmentation's by-products says how likely each candidate is one whole digit.
3. **The reading it is surest of.** Dynamic programming over the cut points picks the
   segmentation whose digits have the highest summed log-probability, less a penalty for a
   candidate shaped unlike a digit (much wider than tall: two digits read as one; much lower
   than the line: a fragment), for one the network finds unlike its training images (its
   energy near the model's threshold), for one the checker finds unlike one whole digit and for
   each cut through connected ink.

A picture whose best segmentation is one digit is read exactly as before (:func:`read_number`
returns None).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from lenet_desktop.analysis.checker import doubted, one_digit
from lenet_desktop.analysis.doubt import doubt_of, energy
from lenet_desktop.analysis.segmentation import candidates, ink_box
from lenet_desktop.data.cleaning import Cleaning
from lenet_desktop.data.preprocessing import (
    Preprocessed,
    cleaning,
    dataset_framed,
    normalized,
    to_array,
)

if TYPE_CHECKING:
    from lenet_desktop.analysis.doubt import Doubt
    from lenet_desktop.nn.prediction import Prediction

ASPECT = 1.15  # a candidate wider than this × its height is penalised (two digits as one)
ASPECT_PENALTY = 3.0
FRAGMENT = 0.45  # a candidate lower than this × the line's height is penalised (a fragment)
FRAGMENT_PENALTY = 6.0
UNLIKE_PENALTY = 1.0  # per unit of energy above the model's threshold less UNLIKE_MARGIN
UNLIKE_MARGIN = 1.0  # a digit the model knows well lies this far below its threshold
CUT_PENALTY = 0.25  # a cut through connected ink must be worth it
CHECK_WEIGHT = 1.0  # × log of the checker's probability that a candidate is one digit
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
        top, left, bottom, right = (round(v * prepared.scale) for v in ink_box(found.kept))
        box = (top, left, bottom, right)
    return Digit(box, prepared, reading.prediction, reading.doubt)


def read_number(predictor, image, done: Cleaning | None = None) -> NumberReading | None:
    """The number in a drawing or picture, read digit by digit with ``predictor`` (a torch
    :class:`~lenet_desktop.nn.inference.Predictor`); None when the ink is one digit — or the
    model does not read digits — and the picture is read as before. ``done``: the cleaning
    the single-digit reading already made of ``image``; when it left no piece out it is the
    number's too, and the picture is not cleaned twice (the drawing path's case)."""
    import torch  # deferred: torch

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
    cut = candidates(ink, doubted(predictor.device))
    if cut is None:
        return None
    pieces, runs = cut.pieces, cut.runs
    framed = np.stack([c.framed for c in runs])
    batch = ((framed - np.float32(info.mean)) / np.float32(info.std))[:, None]
    with torch.inference_mode():
        logits = predictor.network(torch.from_numpy(batch).to(predictor.device)).float().cpu()
    temperature = predictor.bundle.temperature
    probabilities = torch.softmax(logits / temperature, dim=1).numpy()
    energies = energy(logits.numpy(), temperature)
    threshold = getattr(predictor.bundle, "unlike_threshold", None)
    single = one_digit(framed, predictor.device)
    score: dict[tuple[int, int], float] = {}
    for row, candidate in enumerate(runs):
        top, left, bottom, right = candidate.box
        aspect = (right - left) / max(1, bottom - top)
        value = math.log(max(float(probabilities[row].max()), 1e-9))
        value -= ASPECT_PENALTY * max(0.0, aspect - ASPECT)
        value -= FRAGMENT_PENALTY * max(0.0, FRAGMENT - (bottom - top) / cut.line)
        if threshold is not None:
            above = float(energies[row]) - (threshold - UNLIKE_MARGIN)
            value -= UNLIKE_PENALTY * max(0.0, above)
        if single is not None:
            value += CHECK_WEIGHT * math.log(max(float(single[row]), 1e-4))
        if candidate.cut_after:
            value -= CUT_PENALTY
        score[(candidate.start, candidate.end)] = value
    # the best path from cut point 0 to the last, over the runs
    best = [-math.inf] * (len(pieces) + 1)
    back = [0] * (len(pieces) + 1)
    best[0] = 0.0
    for (i, j), value in sorted(score.items(), key=lambda item: item[0][1]):
        if best[i] + value > best[j]:  # every run ending at j comes after those ending at i
            best[j], back[j] = best[i] + value, i
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
    chosen = {(c.start, c.end): c for c in runs}
    prepared_digits = []
    for i, j in path:
        candidate = chosen[(i, j)]
        mask = candidate.mask
        top, left, bottom, right = candidate.box
        kept = replace(
            found,
            ink=np.where(mask, ink, 0.0).astype(np.float32),
            kept=mask,
            removed=found.removed & ~mask,
            pieces=len({p.part for p in pieces[i:j]}),
            box=(bottom - top, right - left),
        )
        prepared_digits.append(
            Preprocessed(
                candidate.framed, normalized(candidate.framed, info.mean, info.std), kept, scale
            )
        )
    predictions = predictor.predict_many(np.concatenate([p.normalized for p in prepared_digits]))
    digits = []
    for (i, j), prepared, prediction in zip(path, prepared_digits, predictions):
        top, left, bottom, right = chosen[(i, j)].box
        made_by_cut = any(
            pieces[k].part == pieces[k - 1].part for k in (i, j) if 0 < k < len(pieces)
        )
        box = (round(top * scale), round(left * scale), round(bottom * scale), round(right * scale))
        doubt = doubt_of(prediction, predictor.bundle)
        digits.append(Digit(box, prepared, prediction, doubt, made_by_cut))
    cuts = [  # the boundary after each digit but the last, where it cut ink
        pieces[j].path for _, j in path[:-1] if pieces[j].part == pieces[j - 1].part
    ]
    if len(cut.parts) == 1 and any(d.doubt.unsure for d in digits):
        return None  # one stroke cut into digits the network doubts: read as one, as before
    entire = replace(found, kept=ink > 0, pieces=len(cut.parts))
    return NumberReading(tuple(digits), ink, scale, entire, tuple(cuts))
