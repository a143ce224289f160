"""The maps' and the kernels' tab page: a mosaic of the model in use, rebuilt with each model
the session puts in use (the mosaic itself, :mod:`lenet_desktop.ui.widgets.heatmaps`, knows no
session)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.widgets.heatmaps import MosaicView


class MosaicPage(QWidget):
    """A tab page that follows the model in use: a line of explanation above a scrolling
    :class:`~lenet_desktop.ui.widgets.heatmaps.MosaicView`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.mosaics = MosaicView()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.mosaics)
        self.page_layout = QVBoxLayout(self)
        self.page_layout.setContentsMargins(2, 2, 2, 2)
        self.page_layout.addWidget(self.hint)
        self.page_layout.addWidget(self.scroll_area, 1)

    def follow_model(self, session) -> None:
        """Rebuild on every model the session puts in use (and now, if one is); a double-click
        enlarges. Subclasses define ``_model_changed(predictor)``, ``enlarge(hit)`` and
        ``retranslate()``."""
        self.mosaics.double_clicked.connect(self.enlarge)
        follow(self, session.model_changed, self._model_changed)
        follow(self, session.options_changed, self._option_changed)
        self.retranslate()
        if session.predictor is not None:
            self._model_changed(session.predictor)

    def _option_changed(self, name: str, value: object) -> None:
        """Presentation mode: the application's (larger) type and 1.8× tiles."""
        if name == "presentation":
            self.mosaics.setFont(QApplication.font())
            self.mosaics.set_zoom(1.8 if value else 1.0)

    def _model_changed(self, predictor) -> None:  # pragma: no cover - each page has its own
        raise NotImplementedError

    def enlarge(self, hit: tuple) -> QWidget | None:  # pragma: no cover - each page has its own
        raise NotImplementedError

    def retranslate(self) -> None:  # pragma: no cover - each page has its own
        raise NotImplementedError
