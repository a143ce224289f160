"""The test images a trained model gets wrong, as thumbnails to click."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from lenet_desktop.ui.translation import class_name

GALLERY_LIMIT = 200


def thumbnail(pixels: np.ndarray, size: int = 56) -> QIcon:
    """A dataset image (``(H, W) uint8``, light on dark) as an icon, shown dark on light."""
    data = np.ascontiguousarray(255 - pixels)
    height, width = data.shape
    image = QImage(data.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
    return QIcon(QPixmap.fromImage(image).scaled(size, size))


class Gallery(QWidget):
    """A caption over ``images`` (a QListWidget of thumbnails); each item's UserRole is the
    test image's index."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.images = QListWidget()
        self.images.setViewMode(QListWidget.ViewMode.IconMode)
        self.images.setIconSize(QSize(48, 48))
        self.images.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.images.setMovement(QListWidget.Movement.Static)
        layout.addWidget(self.images)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Misclassified test images (click to inspect):"))

    def show_mistakes(self, evaluation, test_split, classes) -> None:
        """The first GALLERY_LIMIT test images ``evaluation`` got wrong."""
        self.images.clear()
        for index in evaluation.misclassified[:GALLERY_LIMIT]:
            truth = class_name(classes[int(test_split.labels[index])])
            guess = class_name(classes[evaluation.predictions[index]])
            item = QListWidgetItem(thumbnail(test_split.images[index].numpy()), "")
            item.setToolTip(self.tr("#{0}: true {1}, predicted {2}").format(index, truth, guess))
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.images.addItem(item)

    def clear(self) -> None:
        self.images.clear()
