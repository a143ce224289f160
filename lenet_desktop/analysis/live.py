"""What the session computes for each input beyond the prediction, when the learner asked for
it: the explanation of the selected value and the attribution map ("which pixels decided").

Both cost milliseconds, so the session does not compute them inside :meth:`Session.show`:
it builds a :class:`Job` (plain values: the model, the result, the unit, the method) and hands
it to whoever runs jobs — the window's worker thread, or the caller itself (a script, a test,
the command line) — and takes the outcome only while it still belongs to the current input
(the latest input wins). Plain Python; torch and Captum are imported by the job itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from lenet_desktop.analysis.attribution import Attributor
from lenet_desktop.analysis.explain import explain

if TYPE_CHECKING:
    from lenet_desktop.analysis.explanations import Explanation
    from lenet_desktop.analysis.results import Result, Unit
    from lenet_desktop.nn.inference import Predictor

ATTRIBUTION_METHODS = ("saliency", "gradcam")


@dataclass(frozen=True, eq=False)
class Attribution:
    """How much each input pixel counted for class ``target``: ``values`` ``(side, side)``
    float32 in [0, 1], by ``method`` (a key of :data:`ATTRIBUTION_METHODS`)."""

    values: np.ndarray
    target: int
    method: str


@dataclass(frozen=True, eq=False)
class Outcome:
    """What a job found: ``explanation`` for the unit (None: none asked or nothing drawn),
    ``attribution`` (None: off or nothing drawn). ``job`` says what it was for."""

    job: Job
    explanation: Explanation | None
    attribution: Attribution | None


class _Attributors:
    """One Captum attributor per model (it keeps a private copy of the network, so a job in
    another thread never runs hooks on the network the window predicts with)."""

    def __init__(self) -> None:
        self._for: tuple[Any, Any] | None = None

    def get(self, predictor: Predictor) -> Any:
        if self._for is None or self._for[0] is not predictor:
            self._for = (predictor, Attributor(predictor.network))
        return self._for[1]


ATTRIBUTORS = _Attributors()


KINDS = ("explain", "attribute")  # the two kinds of job, each with its own latest request


@dataclass(frozen=True, eq=False)
class Job:
    """One request of ``kind`` ``explain`` (the value of ``unit``) or ``attribute`` (class
    ``target`` by ``method``) for ``result`` of ``predictor``. Calling it computes the
    :class:`Outcome` (in any thread). The two kinds are separate jobs, so an explanation never
    waits for an attribution (whose first call imports Captum, which takes seconds)."""

    kind: str
    predictor: Predictor
    result: Result
    unit: Unit | None = None
    method: str | None = None
    target: int | None = None

    def __call__(self) -> Outcome:
        prediction, prepared = self.result.prediction, self.result.prepared
        if prediction is None or prepared is None or prepared.tensor is None:
            return Outcome(self, None, None)
        if self.kind == "explain":
            unit = self.unit
            if unit is None or unit.layer not in prediction.activations:
                return Outcome(self, None, None)
            fields = self.predictor.anatomy.fields
            info = self.predictor.bundle.dataset
            scaling = (float(info.mean), float(info.std))
            explained = explain(self.predictor.layers, prediction, unit, fields, scaling)
            return Outcome(self, explained, None)
        if self.method is None or self.target is None:
            return Outcome(self, None, None)
        attributor = ATTRIBUTORS.get(self.predictor)
        values = attributor.attribute(prepared.tensor, self.target, self.method)
        return Outcome(self, None, Attribution(values, self.target, self.method))

    def same_request(self, other: Job | None) -> bool:
        """Whether ``other`` asks for the same thing (then its outcome still fits)."""
        return other is not None and all(
            getattr(self, k) is getattr(other, k) or getattr(self, k) == getattr(other, k)
            for k in ("kind", "predictor", "result", "unit", "method", "target")
        )
