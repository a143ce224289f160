"""The session: the state between the learner's input and the views, as one plain-Python object.

It holds the model in use, the current input (a drawing, a picture or a test sample with its
true label), what the network made of it, the unit the learner selected and a pinned second
input, and emits an event when one of them changes. Views subscribe and redraw; nothing here
knows about Qt, so a test or a script can drive it without a window (napari's viewer model is
the pattern; the events are psygnal's, as napari's are).

Data flows one way: :meth:`Session.show` (an input) → preprocessing → one forward pass →
``predicted`` (emitted once). torch is imported only when a model is put in use; before that,
at start-up, :meth:`Session.preview` lets the model file's NumPy forward pass
(:mod:`lenet_desktop.nn.numpy_forward`) give the first answers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from psygnal import Signal

from lenet_desktop.analysis.results import EMPTY, Input, Result, Unit, digit_result, fits

if TYPE_CHECKING:
    from collections.abc import Callable

    from lenet_desktop.analysis.explanations import Explanation
    from lenet_desktop.analysis.live import Attribution, Job, Outcome
    from lenet_desktop.nn.bundle import ModelBundle, ModelHeader
    from lenet_desktop.nn.inference import Prediction, Predictor
    from lenet_desktop.nn.numpy_forward import NumpyPredictor


class Session:
    """The model in use, the current input and its result, the selected unit, a pinned input.

    Events (psygnal): ``model_changed(predictor)``, ``previewed(header or None)`` (a model
    answers from NumPy until torch's predictor is in use: :meth:`preview`), ``predicted(result)``
    (the hot path's one event, also after a model change), ``selection_changed(unit or None)``,
    ``pinned_changed(result or None)``, ``hovered(unit or None)`` (the value under the mouse),
    ``reported(error)`` (something the learner asked for failed: a LocalizedError or a text),
    ``explained(explanation or None)`` and ``attributed(attribution or None)`` (computed after
    the prediction, by :attr:`runner` when set), ``options_changed(name, value)``
    (``attribution``: the method or None; ``presentation``: on or off).
    """

    model_changed = Signal(object)
    previewed = Signal(object)
    predicted = Signal(object)
    selection_changed = Signal(object)
    pinned_changed = Signal(object)
    hovered = Signal(object)
    reported = Signal(object)
    explained = Signal(object)
    attributed = Signal(object)
    options_changed = Signal(str, object)

    def __init__(self, device: str = "") -> None:
        self.device = device  # "" means the best available
        self._predictor: Predictor | None = None
        self._preview: NumpyPredictor | None = None  # answers until a Predictor is in use
        self._result: Result = EMPTY
        self._selection: Unit | None = None
        self._pinned: Result | None = None
        self._hovered: Unit | None = None
        self._error: BaseException | str | None = None  # the complaint on screen, if any
        # What the learner asked to see beyond the prediction, and what was computed for it.
        self._attribution_method: str | None = None  # None: attribution off
        self._presentation = False
        self._explanation: Explanation | None = None
        self._attribution: Attribution | None = None
        self._jobs: dict[str, Job | None] = {"explain": None, "attribute": None}
        # Who runs analysis jobs: ``runner(job, deliver)``; None runs them here, at once.
        self.runner: Callable[[Job, Callable[[Outcome], None]], None] | None = None
        self._digit = 0  # the digit of a number shown (kept while the number is written)

    # -- what views read -----------------------------------------------------------------------
    @property
    def predictor(self) -> Predictor | None:
        """The model in use with torch (None until the first is loaded, even while a
        preview answers)."""
        return self._predictor

    @property
    def model(self) -> ModelBundle | ModelHeader | None:
        """The model in use: its bundle, or while a preview answers (:meth:`preview`), the
        header of the file it reads (a ModelHeader: everything but the torch network)."""
        if self._predictor is not None:
            return self._predictor.bundle
        return None if self._preview is None else self._preview.bundle

    @property
    def previewing(self) -> bool:
        """Whether the answers come from the NumPy preview (no torch predictor yet)."""
        return self._predictor is None and self._preview is not None

    @property
    def result(self) -> Result:
        return self._result

    @property
    def error(self) -> BaseException | str | None:
        """What the learner asked for that failed, until the next thing that works."""
        return self._error

    @property
    def prediction(self) -> Prediction | None:
        return self._result.prediction

    @property
    def selection(self) -> Unit | None:
        return self._selection

    @property
    def pinned(self) -> Result | None:
        return self._pinned

    @property
    def hovered_unit(self) -> Unit | None:
        return self._hovered

    @property
    def explanation(self) -> Explanation | None:
        """How the selected value was computed, for the current input (None: nothing selected,
        nothing drawn, or not computed yet)."""
        return self._explanation

    @property
    def attribution(self) -> Attribution | None:
        return self._attribution

    @property
    def attribution_method(self) -> str | None:
        return self._attribution_method

    @property
    def presentation(self) -> bool:
        return self._presentation

    # -- the model -----------------------------------------------------------------------------
    def use(self, predictor: Predictor) -> None:
        """Put ``predictor`` in use and run the current and the pinned input through it.

        Atomic for the views: the new model's results are computed first (an error then leaves
        the model in use as it was), a selection or hover that no longer fits the new layers
        is cleared, and only then are the views told: ``model_changed``, then ``predicted``
        with a result of this model."""
        predictor.anatomy  # noqa: B018 - computed here (or in the loader), never in a view
        result = self._run(self._result.input, predictor)
        pinned = None if self._pinned is None else self._run(self._pinned.input, predictor)
        self._predictor, self._result, self._preview = predictor, result, None
        if self._pinned is not None:
            self._pinned = pinned
        if self._selection is not None and not fits(self._selection, predictor):
            self._selection = None
            self.selection_changed.emit(None)
        self.hover(None)
        self._worked()
        self.model_changed.emit(predictor)
        self.predicted.emit(result)
        if pinned is not None:
            self.pinned_changed.emit(pinned)
        self._analyse()

    def preview(self, predictor: NumpyPredictor | None) -> None:
        """Answer with ``predictor`` (a model file's NumPy forward pass, no torch) until a
        torch predictor is put in use: the window's first seconds. Runs the current input
        through it, then emits ``previewed(header)`` and ``predicted``. Ignored once a torch
        predictor is in use; None ends the preview (its model could not be loaded)."""
        if self._predictor is not None or predictor is self._preview:
            return
        self._preview = predictor
        self._result = self._run(self._result.input)
        self.previewed.emit(None if predictor is None else predictor.bundle)
        self.predicted.emit(self._result)

    def use_bundle(self, bundle: ModelBundle, device: str | None = None) -> None:
        """Put a model that is in memory in use on ``device`` (default: the session's).
        ValueError for a device that is not here; the model in use then stays."""
        from lenet_desktop.nn.inference import Predictor  # deferred: torch

        if device is not None:
            predictor = Predictor(bundle, device or None)
            self.device = device
        else:
            predictor = Predictor(bundle, self.device or None)
        self.use(predictor)

    def devices(self) -> list[str]:
        """The devices this machine can run a model on (torch's: "cpu", "cuda:0", "mps" …), for
        the views that offer a choice."""
        from lenet_desktop.nn.device import available_devices  # torch: once a model is in use

        return available_devices()

    def set_device(self, device: str) -> None:
        """Run the model in use on ``device`` ("" for the best available)."""
        if self._predictor is None:
            self.device = device
        else:
            self.use_bundle(self._predictor.bundle, device)

    # -- the hot path --------------------------------------------------------------------------
    def _run(
        self, source: Input | None, predictor: Predictor | NumpyPredictor | None = None
    ) -> Result:
        predictor = predictor or self._predictor or self._preview
        if source is None or predictor is None:
            return Result(source, None, None, None if predictor is None else predictor.bundle)
        info = predictor.bundle.dataset
        if source.kind == "sample":
            from lenet_desktop.data.preprocessing import dataset_sample  # deferred: Pillow, SciPy

            prepared = dataset_sample(np.asarray(source.pixels), info.mean, info.std)
        else:
            prepared = predictor.preprocess(source.pixels)
        normalized = prepared.normalized
        prediction = None if normalized is None else predictor.predict(normalized)
        # deferred: Pillow and SciPy, off the first paint (a drawing's first answer is NumPy's)
        from lenet_desktop.analysis.doubt import doubt_of
        from lenet_desktop.analysis.reading import cleaning_pictures, notes

        probabilities = None if prediction is None else prediction.probabilities
        doubt = None if prediction is None else doubt_of(prediction, predictor.bundle)
        found = notes(prepared, probabilities, info.classes, doubt)
        pictures = None
        if source.kind == "picture" and prepared.cleaning is not None:
            pictures = cleaning_pictures(source.pixels, prepared.cleaning)
        result = Result(source, prepared, prediction, predictor.bundle, found, pictures, doubt)
        if (
            prediction is not None
            and source.kind != "sample"
            and hasattr(predictor, "network")  # torch's (not the first seconds' NumPy preview)
        ):
            from lenet_desktop.analysis.number import read_number  # deferred: Pillow, SciPy

            number = read_number(predictor, source.pixels, prepared.cleaning)
            if number is not None:
                if source.kind == "picture" and number.cleaning is not None:  # the cuts shown
                    whole = cleaning_pictures(source.pixels, number.cleaning, number.cuts)
                    result = replace(result, pictures=whole)
                return digit_result(result, number, min(self._digit, len(number.digits) - 1))
        return result

    # -- a whole number ------------------------------------------------------------------------
    def show_digit(self, index: int) -> None:
        """Put digit ``index`` of the number read (counted from the left) in the views: its
        28×28 input, maps, probabilities and explanations. Ignored without a number."""
        number = self._result.number
        if number is None or not 0 <= index < len(number.digits) or index == self._result.digit:
            return
        self._digit = index
        self._result = digit_result(self._result, number, index)
        self.predicted.emit(self._result)
        self._analyse()

    def show(self, source: Input | None) -> Result:
        """Make ``source`` the current input: preprocess it, run one forward pass, emit
        ``predicted`` once. Returns the result."""
        previous = self._result.input
        if source is not None and source is not previous and source.kind != "drawing":
            self._digit = 0  # a new picture: its number from the left
        self._result = self._run(source)
        if source is not None and source is not previous:  # a new input (not a refresh)
            self._worked()
        self.predicted.emit(self._result)
        self._analyse()
        return self._result

    def offer(self, source: Input) -> Result:
        """Like :meth:`show`, but a blank input (no ink found) is not taken: the current input
        stays and nothing is emitted. ``result.prepared.empty`` tells which happened."""
        if source.kind != "drawing":
            self._digit = 0
        result = self._run(source)
        if result.prepared is not None and result.prepared.empty:
            return result
        self._result = result
        self._worked()
        self.predicted.emit(result)
        self._analyse()
        return result

    def draw(self, pixels: np.ndarray) -> Result:
        """The canvas changed: ``(H, W) uint8``, dark ink on white."""
        return self.show(Input("drawing", pixels))

    def refresh(self) -> Result:
        """Run the current input again (the model's weights changed in place)."""
        return self.show(self._result.input)

    # -- selection and pinning -----------------------------------------------------------------
    def select(self, unit: Unit | None) -> None:
        """Select one value of one layer (None: nothing selected; a value the model does not
        have is not selected)."""
        if unit is not None and self._predictor is not None and not fits(unit, self._predictor):
            unit = None
        if unit != self._selection:
            self._selection = unit
            self.selection_changed.emit(unit)
            self._analyse()

    def hover(self, unit: Unit | None) -> None:
        """The value under the mouse (None: none)."""
        if unit != self._hovered:
            self._hovered = unit
            self.hovered.emit(unit)

    def report(self, error: BaseException | str) -> None:
        """Tell the learner that something they asked for did not work (nothing else changes).
        It stays said until the next thing that works: then ``reported(None)``."""
        self._error = error
        self.reported.emit(error)

    def _worked(self) -> None:
        """Something the learner asked for worked: an earlier complaint no longer applies."""
        if self._error is not None:
            self._error = None
            self.reported.emit(None)

    def pin(self) -> Result | None:
        """Keep the current input beside the next ones (two inputs compared)."""
        if self._result.input is None:
            return None
        self._pinned = self._result
        self.pinned_changed.emit(self._pinned)
        return self._pinned

    def unpin(self) -> None:
        if self._pinned is not None:
            self._pinned = None
            self.pinned_changed.emit(None)

    # -- what the learner asked to see beyond the prediction ----------------------------------
    def set_attribution(self, method: str | None) -> None:
        """Show "which pixels decided" by ``method`` (``saliency`` or ``gradcam``; None: off)."""
        from lenet_desktop.analysis.live import ATTRIBUTION_METHODS  # deferred: first paint

        if method is not None and method not in ATTRIBUTION_METHODS:
            raise ValueError(f"unknown attribution method {method!r}")
        if method != self._attribution_method:
            self._attribution_method = method
            self.options_changed.emit("attribution", method)
            self._analyse()

    def set_presentation(self, on: bool) -> None:
        """Presentation mode (larger type and maps, for a projector)."""
        if bool(on) != self._presentation:
            self._presentation = bool(on)
            self.options_changed.emit("presentation", self._presentation)

    def attribution_target(self) -> int | None:
        """The class the attribution is for: the class the learner clicked (an output unit
        selected), else the top class; None with nothing predicted."""
        prediction, predictor = self.prediction, self._predictor
        if prediction is None or predictor is None:
            return None
        unit = self._selection
        if unit is not None and unit.layer == predictor.layers[-1][0] and unit.row is None:
            return unit.channel
        return prediction.index

    def _analyse(self) -> None:
        """Ask for the explanation and the attribution of the current input (see
        :mod:`lenet_desktop.analysis.live`); what no longer fits is cleared at once."""
        from lenet_desktop.analysis.live import Job  # deferred: off the first paint

        predictor, unit, method = self._predictor, self._selection, self._attribution_method
        wanted: dict[str, Job | None] = {"explain": None, "attribute": None}
        if predictor is not None and unit is not None:
            wanted["explain"] = Job("explain", predictor, self._result, unit=unit)
        if predictor is not None and method is not None:
            target = self.attribution_target()
            wanted["attribute"] = Job(
                "attribute", predictor, self._result, method=method, target=target
            )
        for kind, job in wanted.items():
            if job is not None and job.same_request(self._jobs[kind]):
                continue
            self._jobs[kind] = job
            if job is None:
                self._clear(kind)
            elif self.runner is None:
                self._take(job())
            else:
                self.runner(job, self._take)

    def _clear(self, kind: str) -> None:
        if kind == "explain" and self._explanation is not None:
            self._explanation = None
            self.explained.emit(None)
        if kind == "attribute" and self._attribution is not None:
            self._attribution = None
            self.attributed.emit(None)

    def _take(self, outcome: Outcome) -> None:
        """An analysis job's outcome: kept only while it is for the current request."""
        job = outcome.job
        if job is not self._jobs.get(job.kind):
            return
        if job.kind == "explain":
            self._explanation = outcome.explanation
            self.explained.emit(outcome.explanation)
        else:
            self._attribution = outcome.attribution
            self.attributed.emit(outcome.attribution)
