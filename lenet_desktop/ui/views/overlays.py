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
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QImage

from lenet_desktop.session import Result, Session, Unit
from lenet_desktop.specs.geometry import WHOLE

if TYPE_CHECKING:
    from lenet_desktop.analysis.live import Attribution
from lenet_desktop.ui.follow import follow


def canvas_rect(canvas, result: Result, field) -> QRectF | None:
    """Where ``field`` (a :class:`lenet_desktop.specs.geometry.Field`) of the current input
    lies on the canvas, in paper pixels; None when there is no drawing to place it on."""
    from lenet_desktop.specs.geometry import field_on_picture  # deferred: off the first paint

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
        self._fields = predictor.anatomy.fields
        self._update()

    def _update(self, *_: object) -> None:
        from lenet_desktop.specs.geometry import unit_field  # deferred: off the first paint

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
    selected) or else the top class: the session's attribution (computed off the window's
    thread), drawn over the input view and the canvas while attribution is on."""

    def __init__(self, session: Session, input_view, canvas, parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.input_view, self.canvas = session, input_view, canvas
        self.values: np.ndarray | None = None
        self.shown_target: int | None = None
        follow(self, session.attributed, self._attributed)

    def _attributed(self, attribution: Attribution | None) -> None:
        result = self.session.result
        if attribution is None or result.prepared is None:
            self.values, self.shown_target = None, None
            self.input_view.set_overlay(None)
            self.canvas.set_overlay(None, None)
            return
        self.values, self.shown_target = attribution.values, attribution.target
        image = heat_image(attribution.values)
        self.input_view.set_overlay(image)
        self.canvas.set_overlay(image, canvas_rect(self.canvas, result, WHOLE))
