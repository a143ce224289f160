"""What the session holds, as plain values: the learner's :class:`Input`, a :class:`Unit` of a
layer, and the :class:`Result` of reading an input. They live below the session
(:mod:`lenet_desktop.session`), which holds and emits them, so that the analysis modules that
take or make them import nothing above their own layer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lenet_desktop.analysis.doubt import Doubt
    from lenet_desktop.analysis.number import NumberReading
    from lenet_desktop.analysis.reading import CleaningPictures, Note
    from lenet_desktop.data.preprocessing import Preprocessed
    from lenet_desktop.nn.bundle import ModelBundle, ModelHeader
    from lenet_desktop.nn.inference import Prediction, Predictor

KINDS = ("drawing", "picture", "sample")


@dataclass(frozen=True, eq=False)
class Input:
    """What the learner gave the network.

    ``kind``: ``"drawing"`` (the canvas, ``(H, W) uint8`` dark ink on white), ``"picture"``
    (an opened, dropped or pasted picture: any array :func:`preprocessing.preprocess` takes, or
    a Pillow image) or ``"sample"`` (a test image of ``dataset``, ``(28, 28) uint8`` light on
    dark, shown to the network as it was in training, with its true class ``label`` and its
    ``index`` in the test split). ``name``: the picture's file name, if any.
    """

    kind: str
    pixels: Any
    name: str = ""
    dataset: str = ""
    label: int | None = None
    index: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown input kind {self.kind!r}")


@dataclass(frozen=True)
class Unit:
    """One value of one layer: ``channel`` of a map at (``row``, ``col``), or unit ``channel``
    of a vector (``row`` and ``col`` None)."""

    layer: str
    channel: int
    row: int | None = None
    col: int | None = None


@dataclass(frozen=True, eq=False)
class Result:
    """An input with what the network made of it. ``prepared`` is None while no model is in
    use; ``prediction`` is None then and for a blank input. ``notes``: how the input was read
    (:func:`analysis.reading.notes`: the model's doubt first); ``pictures``: an opened picture
    before and after its cleaning (None for drawings and samples); ``doubt``: how far to trust
    the answer (None without one)."""

    input: Input | None
    prepared: Preprocessed | None
    prediction: Prediction | None
    model: ModelBundle | ModelHeader | None = None
    notes: tuple[Note, ...] = ()
    pictures: CleaningPictures | None = None
    doubt: Doubt | None = None
    # A whole number (more than one digit in the ink): its reading, and which digit the
    # prepared input, the prediction, the doubt and the notes are of.
    number: NumberReading | None = None
    digit: int = 0

    @property
    def unsure(self) -> bool:
        """Whether the model's doubt says not to trust the answer: the input is unlike its
        training images, or it is unsure between classes (:mod:`analysis.doubt`)."""
        return self.doubt is not None and self.doubt.unsure

    @property
    def true_label(self) -> int | None:
        """A test sample's true class, when it is a sample of the model's own dataset."""
        source = self.input
        if source is None or source.kind != "sample" or self.model is None:
            return None
        return source.label if source.dataset == self.model.dataset.name else None


EMPTY = Result(None, None, None)


def fits(unit: Unit, predictor: Predictor) -> bool:
    """Whether ``unit`` names a value the network of ``predictor`` has (a layer of that name,
    and its channel, row and column inside that layer's output)."""
    shape = predictor.anatomy.shapes.get(unit.layer)
    if shape is None or not 0 <= unit.channel < shape[0]:
        return False
    if unit.row is None or unit.col is None:
        return len(shape) == 1
    return len(shape) == 3 and 0 <= unit.row < shape[1] and 0 <= unit.col < shape[2]


def digit_result(result: Result, number: NumberReading, index: int) -> Result:
    """``result`` showing digit ``index`` of ``number``."""
    from lenet_desktop.analysis.reading import notes  # Pillow and the cleaning: deferred

    digit = number.digits[index]
    model = result.model
    classes = model.dataset.classes if model is not None else ()
    found = notes(digit.prepared, digit.prediction.probabilities, classes, digit.doubt)
    return replace(
        result,
        prepared=digit.prepared,
        prediction=digit.prediction,
        notes=found,
        doubt=digit.doubt,
        number=number,
        digit=index,
    )
