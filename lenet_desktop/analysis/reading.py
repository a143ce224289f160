"""How a picture was read: notes that say when the answer should not be trusted (and what to
try), and the before/after pictures of the cleaning.

:func:`notes` turns what the cleaning found (:class:`~lenet_desktop.data.cleaning.Cleaning`)
and the prediction into short sentences, English and marked for translation (context
``"notes"``): the model's *doubt* (the input is unlike anything it was trained on, or it is
unsure between classes: :mod:`lenet_desktop.analysis.doubt`), *warnings* about the picture (too
small, too faint, cut by the frame, in many pieces) and *information* (what was removed: the
paper's lines or dots, its shading; a picture that already was a network input). The window
shows them next to the answer, ``predict --json`` prints them (:func:`read`).
:func:`cleaning_pictures` draws the picture as it was opened and what was kept of it, the
removed template in red.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from lenet_desktop.analysis.doubt import DOUBT_KINDS, Doubt, doubt_of, judge
from lenet_desktop.data.cleaning import Cleaning
from lenet_desktop.data.preprocessing import MNIST_BOX, SIZE, Preprocessed, _unit_float, to_array
from lenet_desktop.messages import QT_TRANSLATE_NOOP, TRANSLATED, fill
from lenet_desktop.nn.prediction import Prediction
from lenet_desktop.specs.geometry import INPUT_SIDE

NOTES = "notes"  # the translation context
CLASS_VALUES = ("first", "second")  # the values of a note that are class names

# Warnings. The digit's longer side in the picture below MNIST_BOX pixels: the training digits
# were only ever shrunk to their 20-px box, this one is enlarged and blurs. Ink that absorbs
# less than FAINT of the paper's light. More than PIECES separate pieces.
FAINT = 0.35
PIECES = 2
# Information: the paper's light varied by more than SHADE.
SHADE = 0.15
# The before/after pictures' longer side, in pixels.
PICTURE_SIDE = 200
REMOVED_RGB = (220, 50, 50)


@dataclass(frozen=True)
class Note:
    """One sentence about how the input was read: ``template`` (English, marked in context
    ``"notes"``) filled with ``values``; ``warning`` True when it is a reason to doubt the
    answer, False when it says what the cleaning did."""

    kind: str
    template: str
    values: dict = field(default_factory=dict)
    warning: bool = True

    @property
    def text(self) -> str:
        return self.template.format(**self.values)

    def translated(self, translate) -> str | None:
        """The note in another language: ``translate(context, text)`` gives a translation or
        None (the window passes Qt's, the command line the shipped catalogue's); class names
        in it are translated too. None when the note has no translation."""
        return fill(
            NOTES, self.template, self.values, translate, dict.fromkeys(CLASS_VALUES, "classes")
        )

    def as_json(self, translated: str | None = None, language: str = TRANSLATED[0]) -> dict:
        """The note for JSON: ``text`` in English, ``text_<language>`` its translation."""
        out: dict = {"kind": self.kind, "warning": self.warning, "text": self.text}
        if translated is not None:
            out[f"text_{language}"] = translated
        return out


@dataclass(frozen=True)
class Reading:
    """One picture read by a model: its 28×28 input, the answer (None for a blank picture),
    the doubt about it and the notes."""

    prepared: Preprocessed
    prediction: Prediction | None
    doubt: Doubt | None
    notes: tuple


def read(predictor, image) -> Reading:
    """Preprocess and classify a picture with ``predictor`` (torch's or NumPy's), and say how
    far to trust the answer: what ``predict`` prints and the benchmarks measure."""
    prepared, prediction = predictor.predict_image(image)
    if prediction is None:
        return Reading(prepared, None, None, ())
    doubt = doubt_of(prediction, predictor.bundle)
    found = notes(prepared, prediction.probabilities, prediction.classes, doubt)
    return Reading(prepared, prediction, doubt, found)


def notes(
    prepared: Preprocessed | None,
    probabilities: np.ndarray | None,
    classes=(),
    doubt: Doubt | None = None,
) -> tuple:
    """The notes on one input: the model's doubt first (unlike training, unsure between
    classes: :mod:`lenet_desktop.analysis.doubt`), then what the picture shows (too small,
    faint, cut by the frame, in pieces), then what the cleaning did. Empty for a blank input;
    a dataset image (or a picture that is one) has no picture notes."""
    found: list[Note] = []
    cleaning = None if prepared is None else prepared.cleaning
    if probabilities is not None and len(probabilities) > 1:
        names = list(classes) or [str(i) for i in range(len(probabilities))]
        if doubt is None:
            doubt = judge(np.log(np.maximum(probabilities, 1e-30)), probabilities, 1.0, None)
        found += _doubts(doubt, probabilities, names)
    if cleaning is not None and not cleaning.empty:
        if cleaning.as_is:
            found.append(Note("as_is", AS_IS, {"side": INPUT_SIDE}, warning=False))
        else:
            found += _warnings(cleaning, prepared.scale if prepared is not None else 1.0)
            found += _information(cleaning)
    return tuple(found)


AS_IS = QT_TRANSLATE_NOOP(
    "notes",
    "The picture already is a {side}×{side} image framed as the dataset's: the network got it "
    "pixel for pixel, as in training.",
)


def _doubts(doubt: Doubt, probabilities: np.ndarray, names: list[str]) -> list[Note]:
    found = []
    if doubt.unlike_training:
        found.append(
            Note(
                "unlike",
                QT_TRANSLATE_NOOP(
                    "notes",
                    "Unlike anything it was trained on (score {score:.1f}, above "
                    "{threshold:.1f}): the answer means little.",
                ),
                {"score": doubt.score, "threshold": doubt.threshold},
            )
        )
    if doubt.close and not doubt.unlike_training:  # (unlike training says more)
        found.append(
            Note(
                "unsure",
                QT_TRANSLATE_NOOP(
                    "notes",
                    "The model is unsure: {first} at {p1:.0f} %, then {second} at {p2:.0f} %.",
                ),
                {
                    "first": names[doubt.top],
                    "p1": 100 * float(probabilities[doubt.top]),
                    "second": names[doubt.second],
                    "p2": 100 * float(probabilities[doubt.second]),
                },
            )
        )
    return found


def _warnings(cleaning: Cleaning, scale: float) -> list[Note]:
    found = []
    side = round(max(cleaning.box) * scale)
    if side < MNIST_BOX:
        found.append(
            Note(
                "small",
                QT_TRANSLATE_NOOP(
                    "notes",
                    "The digit is only {px} px tall in the picture; the model reads digits "
                    "{box} px tall, so it was enlarged and blurs — draw or photograph it larger.",
                ),
                {"px": side, "box": MNIST_BOX},
            )
        )
    if cleaning.contrast < FAINT:
        found.append(
            Note(
                "faint",
                QT_TRANSLATE_NOOP(
                    "notes",
                    "The ink is faint (only {pct:.0f} % darker than the paper); it was "
                    "strengthened — a darker pen or brush reads more surely.",
                ),
                {"pct": 100 * cleaning.contrast},
            )
        )
    if cleaning.touches_edge:
        found.append(
            Note(
                "edge",
                QT_TRANSLATE_NOOP(
                    "notes",
                    "The ink touches the edge of the picture: part of the digit may be cut "
                    "off — leave a margin around it.",
                ),
            )
        )
    if cleaning.pieces > PIECES:
        found.append(
            Note(
                "pieces",
                QT_TRANSLATE_NOOP(
                    "notes",
                    "The ink is in {n} separate pieces; a digit is one or two strokes — a gap "
                    "or a stray mark can change the answer.",
                ),
                {"n": cleaning.pieces},
            )
        )
    return found


def _information(cleaning: Cleaning) -> list[Note]:
    found = []
    lines = cleaning.rows + cleaning.columns
    if lines:
        found.append(
            Note(
                "lines",
                QT_TRANSLATE_NOOP(
                    "notes", "{n} lines of the paper were found and removed (shown in red)."
                )
                if lines > 1
                else QT_TRANSLATE_NOOP(
                    "notes", "A line of the paper was found and removed (shown in red)."
                ),
                {"n": lines},
                warning=False,
            )
        )
    if cleaning.dots:
        found.append(
            Note(
                "dots",
                QT_TRANSLATE_NOOP("notes", "{n} dots of the paper's grid were removed."),
                {"n": cleaning.dots},
                warning=False,
            )
        )
    if cleaning.shade > SHADE:
        found.append(
            Note(
                "shade",
                QT_TRANSLATE_NOOP(
                    "notes",
                    "The paper's light was evened out (it was up to {pct:.0f} % darker in "
                    "places: a shadow or uneven light).",
                ),
                {"pct": 100 * cleaning.shade},
                warning=False,
            )
        )
    return found


def is_unsure(found: tuple) -> bool:
    """Whether the notes say the answer is doubtful: unlike training or unsure between
    classes (what the picture shows is advice, not doubt)."""
    return any(note.kind in DOUBT_KINDS for note in found)


@dataclass(frozen=True)
class CleaningPictures:
    """The picture as it was opened (``before``) and what was read as ink (``after``: the
    kept ink dark on white, the removed template in red), ``(h, w, 3) uint8`` each, at most
    PICTURE_SIDE px on their longer side."""

    before: np.ndarray
    after: np.ndarray


CUT_RGB = (230, 120, 30)  # where a number's touching digits were cut apart


def cleaning_pictures(pixels, cleaning: Cleaning, cuts=()) -> CleaningPictures | None:
    """The before/after pictures of an opened picture (None when the cleaning has no maps);
    ``cuts``: a number's cuts between touching digits, each its (row, column) points in the
    cleaning's pixels, drawn across the ink."""
    if cleaning.ink.size == 0 or min(cleaning.ink.shape) < SIZE:
        return None
    data = to_array(pixels)
    if data.shape[:2] != cleaning.ink.shape:
        return None
    before = _rgb(data)
    after = np.full(cleaning.ink.shape + (3,), 255, dtype=np.uint8)
    after[cleaning.removed] = REMOVED_RGB
    ink = (255 * (1.0 - cleaning.ink)).round().astype(np.uint8)
    inked = cleaning.ink > 0
    after[inked] = np.repeat(ink[inked][:, None], 3, axis=1)
    wide = max(1, round(max(after.shape[:2]) / PICTURE_SIDE))  # a line still seen once shrunk
    for cut in cuts:
        for row, column in cut:
            after[row, max(0, column - wide) : column + wide] = CUT_RGB
    return CleaningPictures(_shrink(before), _shrink(after))


def _rgb(data: np.ndarray) -> np.ndarray:
    values = data
    if values.dtype != np.uint8:
        values = (255 * _unit_float(values)).round().astype(np.uint8)
    if values.ndim == 2:
        return np.repeat(values[..., None], 3, axis=2)
    channels = values.shape[2]
    if channels in (1, 2):
        return np.repeat(values[..., :1], 3, axis=2)
    if channels == 4:
        alpha = values[..., 3:4].astype(np.float32) / 255.0
        return (values[..., :3] * alpha + 255 * (1 - alpha)).round().astype(np.uint8)
    return np.ascontiguousarray(values[..., :3])


def _shrink(rgb: np.ndarray) -> np.ndarray:
    picture = Image.fromarray(np.ascontiguousarray(rgb), "RGB")
    picture.thumbnail((PICTURE_SIDE, PICTURE_SIDE), Image.Resampling.BOX)
    return np.asarray(picture).copy()
