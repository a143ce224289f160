"""Text that stands out — an error in red and bold, a hint in amber — without a style sheet: a
widget with its own style sheet no longer follows the application's font, so presentation
mode's larger type passed the red error line by. The colour goes in the palette, the weight in a
font that sets nothing else (the size still comes from the window)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ERROR = "#c0392b"
HINT = "#a35400"


def emphasise(widget: QWidget, colour: str | None = None, bold: bool = False) -> None:
    """Show ``widget``'s text in ``colour`` (None: the usual one), bold or not."""
    palette = QApplication.palette(widget)
    if colour is not None:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        palette.setColor(QPalette.ColorRole.Text, QColor(colour))
    widget.setPalette(palette)
    font = QFont()  # resolves only the weight: the family and the size stay inherited
    if bold:
        font.setBold(True)
    widget.setFont(font)
