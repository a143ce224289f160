"""A choice of device: "auto" (the best available) and every device this machine has."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from lenet_desktop.ui.translation import Retranslating


def _auto() -> str:
    return QCoreApplication.translate("DeviceBox", "auto (best available)")


class DeviceBox(Retranslating, QComboBox):
    """Items carry the device name ("" for auto). Filled once torch has loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # as wide as its longest item in the language shown: "auto (best available)" whole
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.addItem(_auto(), "")

    def retranslate(self) -> None:
        self.setItemText(0, _auto())

    def fill(self, devices: list[str], current: str = "") -> str:
        """List ``devices`` (the session's: this machine's) and select ``current`` (auto if it
        is not one of them); returns the device selected."""
        self.clear()
        self.addItem(_auto(), "")
        for name in devices:
            self.addItem(name, name)
        index = self.findData(current)
        self.setCurrentIndex(max(0, index))
        return self.currentData() or ""

    def device(self) -> str:
        return self.currentData() or ""
