"""The learned kernels of every convolution: a table per layer, one row per output map and one
column per input map, so the kernel at (output o, input i) is where a learner looks for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from lenet_desktop.session import Session
from lenet_desktop.ui.translation import Retranslating
from lenet_desktop.ui.views.model_page import MosaicPage
from lenet_desktop.ui.widgets.heatmaps import Band


class KernelsView(Retranslating, MosaicPage):
    """Follows the session's model; the value under the mouse is read out below the tables."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.readout = QLabel()
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.page_layout.addWidget(self.readout)
        self._kernels: dict = {}
        # while the learner steps through a run's epochs: (layer, output, input) → the kernel
        # at every epoch, as (epoch, 2-D array) pairs (None otherwise); set by the window
        self.history: Callable[[str, int, int], list | None] | None = None
        self.mosaics.hovered.connect(self._hovered)
        self.follow_model(session)

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "The learned kernels of each convolution: one row per output map, one column "
                "per input map. Hover a weight to read it; double-click a kernel to enlarge it "
                "(while stepping through a run's epochs: to see it at every epoch)."
            )
        )
        self.readout.setText("")
        if self.session.predictor is not None:
            self._model_changed(self.session.predictor)

    def _model_changed(self, predictor) -> None:
        bands, values = [], {}
        self._kernels = {}
        for kernels in predictor.anatomy.kernels:
            name, weights = kernels.layer, kernels.weights
            out_maps, in_maps, kh, kw = weights.shape
            stack = weights.reshape(out_maps * in_maps, kh, kw)
            missing = frozenset(o * in_maps + i for o, i in kernels.missing)
            title = self.tr("{0} · {1} output × {2} input maps · kernels {3}×{4}").format(
                name, out_maps, in_maps, kh, kw
            )
            bands.append(Band(name, title, stack.shape, grid=(out_maps, in_maps), missing=missing))
            values[name] = [stack]
            self._kernels[name] = (stack, in_maps)
        self.mosaics.set_bands(bands)
        self.mosaics.set_values(values)

    def enlarge(self, hit: tuple) -> QWidget | None:
        from lenet_desktop.ui.widgets.map_dialog import MapDialog  # deferred: off the first paint

        key, _, tile, _, _ = hit
        stack, in_maps = self._kernels[key]
        out, inp = divmod(tile, in_maps)
        title = self.tr("{0} kernel · output map {1}, input map {2}").format(key, out, inp)
        history = self.history(key, out, inp) if self.history is not None else None
        if history:
            # deferred: off the first paint
            from lenet_desktop.ui.widgets.kernel_history import KernelHistoryDialog

            model = self.session.model
            live = model.training.get("live") if model is not None else None
            shown = live.get("epoch") if isinstance(live, dict) else None
            title = self.tr("{0} kernel · output map {1}, input map {2} · every epoch").format(
                key, out, inp
            )
            dialog: QWidget = KernelHistoryDialog(title, history, shown, self)
        else:
            dialog = MapDialog(title, stack[tile], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _hovered(self, hit: tuple | None) -> None:
        if hit is None or hit[0] not in self._kernels:
            self.readout.setText("")
            return
        key, _, tile, row, col = hit
        stack, in_maps = self._kernels[key]
        out, inp = divmod(tile, in_maps)
        self.readout.setText(
            self.tr(
                "{0} kernel · output map {1}, input map {2} · row {3}, column {4} = {5:.4f}"
            ).format(key, out, inp, row, col, float(stack[tile, row, col]))
        )
