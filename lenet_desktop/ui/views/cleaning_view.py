"""An opened picture before and after its cleaning: what was kept as ink, and what was taken
out as paper (the template's lines and dots in red; shading evened out), toggled by the learner.
Shown only while the input is an opened, dropped or pasted picture."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.session import Result, Session
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating

if TYPE_CHECKING:
    from lenet_desktop.analysis.reading import CleaningPictures

HEIGHT = 140  # the picture's height on screen, in pixels, when there is room
SMALLEST = 48  # ... and below this it is not shown


class CleaningView(Retranslating, QWidget):
    """Follows the session's predictions; ``showing`` is ``"after"`` or ``"before"``."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CleaningView")
        self.title = QLabel()
        # a column too narrow for the title and the two buttons keeps the buttons (their
        # tooltips say what they show)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.before_button, self.after_button = QToolButton(), QToolButton()
        self.group = QButtonGroup(self)
        for button in (self.after_button, self.before_button):
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.group.addButton(button)
        self.after_button.setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._paint())
        # The picture takes what height the column can spare, up to HEIGHT: on a laptop's
        # screen the answer and the ten classes come first, and a picture too small to read
        # (below SMALLEST) is left out, the two buttons kept.
        self.picture = _Shrinking()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMaximumHeight(HEIGHT)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 1)
        row.addWidget(self.after_button)
        row.addWidget(self.before_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addLayout(row)
        layout.addWidget(self.picture)
        self._pictures: CleaningPictures | None = None
        self._images: dict[str, QImage] = {}
        self.hide()
        follow(self, session.predicted, self._predicted)
        self.retranslate()

    @property
    def showing(self) -> str:
        return "before" if self.before_button.isChecked() else "after"

    def show_before(self, before: bool) -> None:
        (self.before_button if before else self.after_button).setChecked(True)

    def retranslate(self) -> None:
        self.title.setText(self.tr("How the picture was read"))
        self.after_button.setText(self.tr("Read as ink"))
        self.after_button.setToolTip(
            self.tr("What was kept as the digit; the paper's lines and dots, removed, in red")
        )
        self.before_button.setText(self.tr("As opened"))
        self.before_button.setToolTip(self.tr("The picture as it was opened"))

    def _predicted(self, result: Result) -> None:
        pictures = result.pictures
        if pictures is self._pictures:
            return
        self._pictures = pictures
        if pictures is None:
            self._images = {}
            self.hide()
            return
        self._images = {"before": _qimage(pictures.before), "after": _qimage(pictures.after)}
        self.show()
        self._paint()

    def _paint(self) -> None:
        image = self._images.get(self.showing)
        if image is None:
            self.picture.clear()
            return
        height = min(HEIGHT, self.picture.height())
        if height < SMALLEST:
            self.picture.clear()
            return
        pixmap = QPixmap.fromImage(image)
        width = max(1, self.picture.width())
        self.picture.setPixmap(
            pixmap.scaled(
                width,
                height,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        buttons = self.after_button.sizeHint().width() + self.before_button.sizeHint().width()
        self.title.setVisible(self.width() >= self.title.sizeHint().width() + buttons + 12)
        self._paint()

    def shown_pixels(self) -> np.ndarray | None:
        """The picture shown now, ``(h, w, 3) uint8`` (before scaling), for tests."""
        if self._pictures is None:
            return None
        return self._pictures.before if self.showing == "before" else self._pictures.after


class _Shrinking(QLabel):
    """A picture that asks for its full height but takes less, down to none."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), HEIGHT)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, 0)


def _qimage(rgb: np.ndarray) -> QImage:
    data = np.ascontiguousarray(rgb, dtype=np.uint8)
    height, width = data.shape[:2]
    return QImage(data.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
