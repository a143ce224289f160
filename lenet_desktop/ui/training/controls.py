"""The Training panel's left column: the options, the time the run will take, Train and Cancel,
the progress bar, the message and what went wrong with its fix. It scrolls rather than make the
dock (and the window) taller than a screen, and is as wide as its widest row in the language
shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from lenet_desktop.ui.training.options_form import OptionsForm
from lenet_desktop.ui.training.status import RunStatus


class ControlsColumn(QScrollArea):
    """``widget()`` holds the rows; ``train_button`` and ``cancel_button`` are the panel's."""

    def __init__(
        self,
        form: OptionsForm,
        status: RunStatus,
        estimate: QWidget | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.train_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.cancel_button)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(form)
        if estimate is not None:
            layout.addWidget(estimate)
        layout.addLayout(buttons)
        layout.addWidget(status.progress)
        layout.addWidget(status.message)
        layout.addWidget(status.hint)
        layout.addWidget(status.fix_button)
        layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(inner)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def retranslate(self) -> None:
        """The buttons' words (the form's are the form's), then the width they need."""
        self.train_button.setText(self.tr("Train"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.fit()

    def fit(self) -> None:
        """As wide as the widest row in this language, never cut."""
        inner = self.widget()
        if inner is None:
            return
        for widget in inner.findChildren(QWidget):
            widget.ensurePolished()
        layout = inner.layout()
        if layout is not None:
            layout.activate()
        scrollbar = self.verticalScrollBar().sizeHint().width()
        width = inner.minimumSizeHint().width() + scrollbar + 8
        self.setFixedWidth(min(max(width, 240), 460))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.fit()  # now styled: the final sizes are known
        super().showEvent(event)
