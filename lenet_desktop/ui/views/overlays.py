"""What the input views draw over the image: the selected unit's receptive field (outlined on the
input view and on the canvas) and "which pixels decided" (an attribution heatmap for the top
class or the class the learner clicked).

Both follow the session and call the views' ``set_outline`` / ``set_overlay``; the numbers come
from the engine (:mod:`lenet_desktop.analysis.explain`, :mod:`lenet_desktop.analysis.attribution`).

On the canvas, an input position is placed through the ink boxes (the input image's ink box ↔
the canvas's ink box; :func:`lenet_desktop.specs.geometry.field_on_picture`): preprocessing
does not report its crop box, so this is an approximation to about one input pixel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, QRectF, QTimer
from PySide6.QtGui import QImage

from lenet_desktop.session import Result, Session, Unit

if TYPE_CHECKING:
    from lenet_desktop.analysis.attribution import Attributor
from lenet_desktop.ui.follow import follow

FRAME_MS = 16  # at most one attribution per display frame


def canvas_rect(canvas, result: Result, field) -> QRectF | None:
    """Where ``field`` (a :class:`lenet_desktop.specs.geometry.Field`) of the current input
    lies on the canvas, in paper pixels; None when there is no drawing to place it on."""
    from lenet_desktop.specs.geometry import field_on_picture

    prepared = result.prepared
    if prepared is None or prepared.empty or result.input is None:
        return None
    ink = 1.0 - canvas.to_array().astype(np.float32) / 255.0
    box = field_on_picture(field, prepared.image, ink)
    if box is None:
        return None
    x0, y0, x1, y1 = box
    return QRectF(x0, y0, x1 - x0, y1 - y0)


class FieldOutlines(QObject):
    """The selected unit's receptive field, outlined on the input view and on the canvas."""

    def __init__(self, session: Session, input_view, canvas, parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.input_view, self.canvas = session, input_view, canvas
        self._fields: dict = {}
        follow(self, session.model_changed, self._model_changed)
        follow(self, session.selection_changed, self._update)
        follow(self, session.predicted, self._update)
        if session.predictor is not None:
            self._model_changed(session.predictor)

    def _model_changed(self, predictor) -> None:
        from lenet_desktop.specs.geometry import receptive_fields

        self._fields = receptive_fields(predictor.layers)
        self._update()

    def _update(self, *_: object) -> None:
        from lenet_desktop.specs.geometry import unit_field

        unit: Unit | None = self.session.selection
        if unit is None or unit.layer not in self._fields:
            self.input_view.set_outline(None)
            self.canvas.set_outline(None)
            return
        field = unit_field(self._fields[unit.layer], unit.row, unit.col)
        self.input_view.set_outline(field.box())
        self.canvas.set_outline(canvas_rect(self.canvas, self.session.result, field))


def heat_image(values: np.ndarray) -> QImage:
    """``(side, side)`` in [0, 1] → a translucent orange-to-yellow QImage (0 fully transparent)."""
    v = np.clip(np.asarray(values, dtype=np.float32), 0, 1)
    rgba = np.zeros((*v.shape, 4), dtype=np.uint8)
    rgba[..., 0] = 255
    rgba[..., 1] = (60 + 195 * v).astype(np.uint8)
    rgba[..., 2] = 0
    rgba[..., 3] = (210 * v).astype(np.uint8)
    h, w = v.shape
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


class AttributionOverlay(QObject):
    """Which pixels decided, for the class the learner clicked in the chart (an output unit
    selected) or else the top class. Computed after the prediction, at most once per frame
    (updates coalesce in a single-shot timer), and only while on."""

    def __init__(self, session: Session, input_view, canvas, parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.input_view, self.canvas = session, input_view, canvas
        self.enabled = False
        self.method = "saliency"
        self.values: np.ndarray | None = None
        self.shown_target: int | None = None
        self.computed = 0  # how many maps were computed (tests, benchmark)
        self._attributor: Attributor | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.compute)
        follow(self, session.predicted, self._schedule)
        follow(self, session.selection_changed, self._schedule)
        follow(self, session.model_changed, self._model_changed)

    def target(self) -> int | None:
        """The class the map is for: the clicked class, else the top class (None: nothing
        predicted)."""
        prediction, predictor = self.session.prediction, self.session.predictor
        if prediction is None or predictor is None:
            return None
        unit = self.session.selection
        if unit is not None and unit.layer == predictor.layers[-1][0] and unit.row is None:
            return unit.channel
        return prediction.index

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        if self.enabled:
            self._schedule()
        else:
            self._timer.stop()
            self._clear()

    def set_method(self, method: str) -> None:
        self.method = method
        self._schedule()

    def _model_changed(self, _predictor) -> None:
        self._attributor = None

    def _schedule(self, *_: object) -> None:
        if self.enabled and not self._timer.isActive():
            self._timer.start()

    def _clear(self) -> None:
        self.values, self.shown_target = None, None
        self.input_view.set_overlay(None)
        self.canvas.set_overlay(None, None)

    def compute(self) -> None:
        """Compute the map now for the current prediction and target, and show it."""
        from lenet_desktop.analysis.attribution import Attributor

        predictor, result = self.session.predictor, self.session.result
        target = self.target()
        if not self.enabled or predictor is None or result.prepared is None or target is None:
            self._clear()
            return
        if self._attributor is None or self._attributor.network is not predictor.network:
            self._attributor = Attributor(predictor.network)
        self.values = self._attributor.attribute(result.prepared.tensor, target, self.method)
        self.shown_target = target
        self.computed += 1
        image = heat_image(self.values)
        self.input_view.set_overlay(image)
        from lenet_desktop.specs.geometry import WHOLE

        self.canvas.set_overlay(image, canvas_rect(self.canvas, result, WHOLE))
