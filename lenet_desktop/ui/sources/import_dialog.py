"""Opening a notebook's weights: which network they are (the architectures whose layers fit,
the book's first), which dataset the network learned, and how it saw its input."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.data.datasets import DATASETS
from lenet_desktop.files.notebook import Candidate
from lenet_desktop.ui.translation import architecture_title


class ImportDialog(QDialog):
    """Non-blocking: ``chosen(candidate, dataset name, scale)`` when the learner accepts."""

    chosen = Signal(object, str, str)
    edit_requested = Signal()  # none of these: describe the network in the editor

    def __init__(self, file_name: str, found: list[Candidate], parent: QWidget | None = None):
        super().__init__(parent)
        self.found = found
        self.setWindowTitle(self.tr("Open a Notebook Model"))
        self.intro = QLabel(
            self.tr(
                "{0} holds a network's weights. Their shapes fit these architectures; shapes "
                "cannot tell sigmoid from ReLU or average from max pooling, so choose the one "
                "your notebook built."
            ).format(file_name)
        )
        self.intro.setWordWrap(True)
        self.arch_box = QComboBox()
        for candidate in found:
            self.arch_box.addItem(
                f"{candidate.name} · {architecture_title(candidate.name)}", candidate.name
            )
        self.dataset_box = QComboBox()
        for info in DATASETS:
            self.dataset_box.addItem(info.title, info.name)  # MNIST, Fashion-MNIST: names
        self.scale_box = QComboBox()
        self.scale_box.addItem(self.tr("ToTensor() pixels in [0, 1] (the notebook's)"), "unit")
        self.scale_box.addItem(self.tr("normalised with the dataset's mean and std"), "standard")
        form = QFormLayout()
        form.addRow(self.tr("Architecture"), self.arch_box)
        form.addRow(self.tr("Trained on"), self.dataset_box)
        form.addRow(self.tr("Input"), self.scale_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
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
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _edit(self) -> None:
        self.edit_requested.emit()
        super().reject()

    def accept(self) -> None:
        candidate = self.found[self.arch_box.currentIndex()]
        self.chosen.emit(candidate, self.dataset_box.currentData(), self.scale_box.currentData())
        super().accept()
