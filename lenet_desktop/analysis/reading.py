"""How a picture was read: notes that say when the answer should not be trusted (and what to
try), and the before/after pictures of the cleaning.

:func:`notes` turns what the cleaning found (:class:`~lenet_desktop.data.cleaning.Cleaning`)
and the prediction into short sentences, English and marked for translation (context
``"notes"``): *warnings* (the input is unlike the training digits: too small, too faint,
touching the frame, in many pieces, or the model's top answer is weak) and *information* (what
was removed: the paper's lines or dots, its shading). The window shows them next to the answer,
``predict --json`` prints them. :func:`cleaning_pictures` draws the picture as it was opened and
what was kept of it, the removed template in red.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from lenet_desktop.data.cleaning import Cleaning
from lenet_desktop.data.preprocessing import MNIST_BOX, SIZE, Preprocessed, to_array
from lenet_desktop.messages import QT_TRANSLATE_NOOP, fill

NOTES = "notes"  # the translation context
CLASS_VALUES = ("first", "second")  # the values of a note that are class names

# Warnings. The digit's longer side in the picture below SMALL_PX pixels: enlarged to the
# training digits' MNIST_BOX it blurs. Ink that absorbs less than FAINT of the paper's light.
# More than PIECES separate pieces. A top probability below UNSURE.
SMALL_PX = 24
FAINT = 0.35
PIECES = 2
UNSURE = 0.6
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

    def as_json(self, translated: str | None = None) -> dict:
        out: dict = {"kind": self.kind, "warning": self.warning, "text": self.text}
        if translated is not None:
            out["text_zh_CN"] = translated
        return out


def notes(prepared: Preprocessed | None, probabilities: np.ndarray | None, classes=()) -> tuple:
    """The notes on one input, warnings first (empty for a blank or a dataset image)."""
    found: list[Note] = []
    cleaning = None if prepared is None else prepared.cleaning
    if cleaning is not None and not cleaning.empty:
        found += _warnings(cleaning, prepared.scale if prepared is not None else 1.0)
    if probabilities is not None and len(probabilities) > 1:
        ranked = np.argsort(probabilities)[::-1]
        top, second = float(probabilities[ranked[0]]), float(probabilities[ranked[1]])
        if top < UNSURE:
            names = list(classes) or [str(i) for i in range(len(probabilities))]
            found.append(
                Note(
                    "unsure",
                    QT_TRANSLATE_NOOP(
                        "notes",
                        "The model is unsure: {first} at {p1:.0f} %, then {second} at {p2:.0f} %.",
                    ),
                    {
                        "first": names[ranked[0]],
                        "p1": 100 * top,
                        "second": names[ranked[1]],
                        "p2": 100 * second,
                    },
                )
            )
    if cleaning is not None and not cleaning.empty:
        found += _information(cleaning)
    return tuple(found)


def _warnings(cleaning: Cleaning, scale: float) -> list[Note]:
    found = []
    side = round(max(cleaning.box) * scale)
    if side < SMALL_PX:
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
    return any(note.warning for note in found)


@dataclass(frozen=True)
class CleaningPictures:
    """The picture as it was opened (``before``) and what was read as ink (``after``: the
    kept ink dark on white, the removed template in red), ``(h, w, 3) uint8`` each, at most
    PICTURE_SIDE px on their longer side."""

    before: np.ndarray
    after: np.ndarray


def cleaning_pictures(pixels, cleaning: Cleaning) -> CleaningPictures | None:
    """The before/after pictures of an opened picture (None when the cleaning has no maps)."""
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
    return CleaningPictures(_shrink(before), _shrink(after))


def _rgb(data: np.ndarray) -> np.ndarray:
    values = data
    if values.dtype != np.uint8:
        from lenet_desktop.data.preprocessing import _unit_float

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
