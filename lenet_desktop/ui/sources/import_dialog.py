"""Opening a notebook's weights when trying them did not settle which network they are: the
networks tried, each with how many of the app's test images it reads right, best first; the
learner chooses one, or describes their own in the Architecture Editor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.ui.translation import trial_text

SHOWN = 12  # the networks listed, best first


class ImportDialog(QDialog):
    """Non-blocking: ``chosen(trial)`` when the learner opens one of the networks tried."""

    chosen = Signal(object)
    edit_requested = Signal()  # none of these: describe the network in the editor

    def __init__(self, file_name: str, finding, parent: QWidget | None = None):
        super().__init__(parent)
        self.finding = finding
        self.trials = list(finding.trials[:SHOWN])
        self.setWindowTitle(self.tr("Open a Notebook Model"))
        if finding.verdict == "untrained" or not self.trials:
            text = self.tr(
                "{0} holds a network's weights, but none of the networks their shapes fit "
                "reads the app's test images much better than chance: the weights look "
                "untrained, or the network is unlike these. Describe it in the Architecture "
                "Editor, or open one of them anyway."
            )
        else:
            text = self.tr(
                "{0} holds a network's weights. Shapes cannot tell sigmoid from ReLU, average "
                "from max pooling, the dataset or the input's scaling, so each network was "
                "tried on the app's test images; these read them about as well. Choose the one "
                "your notebook built."
            )
        self.intro = QLabel(text.format(file_name))
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        for trial in self.trials:
            QListWidgetItem(trial_text(trial), self.list)
        if self.trials:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(self.trials))
        self.edit_button = buttons.addButton(
            self.tr("Edit as Spec…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.edit_button.setToolTip(
            self.tr("Describe your own layers in the Architecture Editor; it says which layer "
                    "the weights do not fit.")
        )  # fmt: skip
        self.edit_button.clicked.connect(self._edit)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 360)

    @property
    def shown(self) -> list[str]:
        """The networks as listed (for tests)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _edit(self) -> None:
        self.edit_requested.emit()
        super().reject()

    def accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.trials):
            self.chosen.emit(self.trials[row])
        super().accept()
