"""Every layer's output for the current input, in the order data flows: maps as tiles, the fully
connected layers as vectors, batch normalisation as its own row. With a pinned input, both
inputs side by side, one colour scale per layer shared by both."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from lenet_desktop.session import Session, Unit
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating
from lenet_desktop.ui.views.layer_text import band_title
from lenet_desktop.ui.views.model_page import MosaicPage
from lenet_desktop.ui.widgets.heatmaps import Band


class FeatureMapsView(Retranslating, MosaicPage):
    """Follows the session: rebuilt when the model changes, refilled on every prediction;
    hovering a value tells the session (the status bar shows it), clicking selects it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._layers: list[str] = []
        self.mosaics.hovered.connect(self._hovered)
        self.mosaics.clicked.connect(self._clicked)
        follow(self, session.predicted, self._refill)
        follow(self, session.pinned_changed, self._refill)
        follow(self, session.selection_changed, self._selected)
        self.follow_model(session)

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Every layer's output, in the order data flows: one tile per channel, one "
                "colour scale per layer. Hover a value to read it; click it to select it; "
                "double-click a map to enlarge it with its numbers."
            )
        )
        if self.session.predictor is not None:
            self._model_changed(self.session.predictor)

    # -- following the session -------------------------------------------------------------------
    def _model_changed(self, predictor) -> None:
        """One band per layer, from the model's facts (its layer rows)."""
        rows = predictor.anatomy.rows
        self._layers = [r.name for r in rows]
        self.mosaics.set_bands(
            [
                Band(r.name, band_title(r.name, r.words, r.output_shape), r.output_shape)
                for r in rows
            ]
        )
        self._refill()

    def _refill(self, *_: object) -> None:
        results = [self.session.result]
        pinned = self.session.pinned
        if pinned is not None:
            results.append(pinned)
        shown = [r.prediction for r in results]
        if shown[0] is None and len(shown) == 1:
            self.mosaics.set_values({})
            return
        values: dict[str, list[np.ndarray | None]] = {}
        for band in self.mosaics.bands:
            arrays: list[np.ndarray | None] = []
            for prediction in shown:
                if prediction is None or band.key not in prediction.activations:
                    arrays.append(None)
                else:
                    arrays.append(prediction.activations[band.key].reshape(band.shape))
            values[band.key] = arrays
        if pinned is not None:
            self.mosaics.set_headers(
                [
                    self.tr("Current input: {0}").format(self._describe(results[0])),
                    self.tr("Pinned input: {0}").format(self._describe(pinned)),
                ]
            )
        else:
            self.mosaics.set_headers([])
        self.mosaics.set_values(values)

    def _describe(self, result) -> str:
        """What an input is, in a few words: "Coat (test #12) → Coat 91 %"."""
        from lenet_desktop.ui.translation import class_name  # deferred: off the first paint

        source, prediction = result.input, result.prediction
        if source is None:
            return "—"
        if source.kind == "sample" and result.true_label is not None and result.model is not None:
            what = self.tr("{0} (test #{1})").format(
                class_name(result.model.dataset.classes[result.true_label]), source.index
            )
        elif source.kind == "drawing":
            what = self.tr("drawing")
        else:
            what = self.tr("picture")
        if prediction is None:
            return what
        return f"{what} → {class_name(prediction.label)} {100 * prediction.confidence:.0f} %"

    def _selected(self, unit: Unit | None) -> None:
        self.mosaics.set_highlight(
            None if unit is None else (unit.layer, 0, unit.channel, unit.row, unit.col)
        )

    def _unit(self, hit: tuple | None) -> Unit | None:
        if hit is None:
            return None
        key, _, tile, row, col = hit
        return Unit(key, tile, row, col)

    def enlarge(self, hit: tuple) -> QWidget | None:
        """Open one map (or a vector) of the input shown at ``hit`` with every value written."""
        from lenet_desktop.ui.widgets.map_dialog import MapDialog  # deferred: off the first paint

        key, index, tile, _, _ = hit
        arrays = self.mosaics.values.get(key, [])
        if index >= len(arrays) or arrays[index] is None:
            return None
        band = next(b for b in self.mosaics.bands if b.key == key)
        if band.is_vector:
            values = arrays[index].reshape(-1)
            title = self.tr("{0} · {1} units").format(key, values.size)
        else:
            values = arrays[index][tile]
            title = self.tr("{0} · map {1} · {2}×{3}").format(key, tile, *values.shape)
        dialog = MapDialog(title, values, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _hovered(self, hit: tuple | None) -> None:
        self.session.hover(self._unit(hit))

    def _clicked(self, hit: tuple | None) -> None:
        if hit is not None:
            self.session.select(self._unit(hit))
