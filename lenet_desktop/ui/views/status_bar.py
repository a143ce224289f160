"""The status bar: the model in use, the value under the mouse, and the device chooser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from lenet_desktop.session import Session, Unit
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating, error_text, model_architecture_title
from lenet_desktop.ui.widgets.device_box import DeviceBox


class StatusBarView(Retranslating, QStatusBar):
    """Follows the session's model, predictions and hovered unit; choosing a device moves the
    model there (a device that fails is reported and the model stays where it was)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model_label = QLabel()
        self.hover_label = QLabel()
        self.device_caption = QLabel()
        self.device_box = DeviceBox()
        self.device_box.activated.connect(self._device_chosen)
        self.addWidget(self.model_label)
        self.addWidget(self.hover_label, 1)
        self.addPermanentWidget(self.device_caption)
        self.addPermanentWidget(self.device_box)
        follow(self, session.model_changed, lambda _: self._show_model())
        follow(self, session.previewed, lambda _: self._show_model())
        follow(self, session.hovered, self._show_hover)
        follow(self, session.predicted, lambda _: self._show_hover(session.hovered_unit))
        self.retranslate()

    def retranslate(self) -> None:
        self.device_caption.setText(self.tr("Device:"))
        self._show_model()
        self._show_hover(self.session.hovered_unit)

    def fill_devices(self) -> None:
        """List this machine's devices (after torch has loaded)."""
        chosen = self.device_box.fill(self.session.devices(), self.session.device)
        if chosen != self.session.device:  # the remembered one is not on this machine
            self.session.set_device(chosen)

    def _device_chosen(self, index: int) -> None:
        device = self.device_box.itemData(index) or ""
        try:
            self.session.set_device(device)
        except ValueError as exc:
            self.session.report(error_text(exc))
            self.device_box.setCurrentIndex(max(0, self.device_box.findData(self.session.device)))

    def _show_model(self) -> None:
        model = self.session.model
        if model is None:
            self.model_label.setText(self.tr("Loading the model…"))
            return
        self.model_label.setText(
            self.tr("Model: {0} · {1} · {2}").format(
                model.title, model.dataset.title, model_architecture_title(model)
            )
        )
        predictor = self.session.predictor
        device = predictor.device if predictor is not None else "—"
        self.model_label.setToolTip(self.tr("Runs on {0}").format(device))
        self.device_box.setCurrentIndex(max(0, self.device_box.findData(self.session.device)))

    def show_loading(self, name: str) -> None:
        """A model is being read: said where the model's name is shown, until it is in use."""
        shown = Path(name).name if ("/" in name or "\\" in name) else name
        self.model_label.setText(self.tr("Loading {0}…").format(shown))

    def show_model(self) -> None:
        self._show_model()

    def show_input_hover(self, text: str) -> None:
        """The 28×28 view's pixel under the mouse (its text), or nothing."""
        self.hover_label.setText(text)

    def _show_hover(self, unit: Unit | None) -> None:
        prediction = self.session.prediction
        if unit is None or prediction is None or unit.layer not in prediction.activations:
            self.hover_label.setText("")
            return
        values = prediction.activations[unit.layer]
        try:
            if unit.row is None:
                value = float(values.reshape(-1)[unit.channel])
                where = self.tr("{0} · unit {1}").format(unit.layer, unit.channel)
            else:
                value = float(values[unit.channel, unit.row, unit.col])
                where = self.tr("{0} · map {1} · row {2}, column {3}").format(
                    unit.layer, unit.channel, unit.row, unit.col
                )
        except IndexError:
            self.hover_label.setText("")
            return
        self.hover_label.setText(f"{where} = {value:.4f}")
