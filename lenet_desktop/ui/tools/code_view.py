"""Show PyTorch Code: the network as the D2L-style code that builds it (from
:func:`lenet_desktop.specs.code.pytorch_code`), selectable and copied with one click."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CodeDialog(QDialog):
    """The code, read-only, in a fixed-width font; *Copy* puts it on the clipboard."""

    def __init__(self, title: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.setWindowTitle(self.tr("PyTorch Code · {0}").format(title))
        self.hint = QLabel(
            self.tr(
                "Paste it into a notebook: it builds the same network, layer by layer "
                "(names and output shapes as comments). Model ▸ Export Weights for a "
                "Notebook… writes weights that load into it."
            )
        )
        self.hint.setWordWrap(True)
        self.text = QPlainTextEdit(code)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)


def show_code(parent: QWidget, title: str, code: str) -> CodeDialog:
    dialog = CodeDialog(title, code, parent)
    dialog.show()
    return dialog
