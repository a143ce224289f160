"""Teacher's tools: export what the window shows — canvas, the network's input, probabilities
and the open tab — as a PNG picture or an SVG drawing, for slides and handouts; and presentation
mode (larger type and maps) for a projector."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QWidget


def export_widget(widget: QWidget, path: str | Path) -> Path:
    """Render ``widget`` as it is on screen into ``path``: ``.svg`` as vector drawing,
    anything else as a PNG at twice the screen resolution. OSError if it cannot be written."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(widget.size())
        generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
        generator.setTitle("LeNet Desktop")
        painter = QPainter(generator)
        try:
            widget.render(painter, QPoint())
        finally:
            painter.end()
    else:
        from PySide6.QtGui import QImage

        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        image = QImage(widget.size() * 2, QImage.Format.Format_ARGB32)  # crisp on slides
        image.fill(0)
        painter = QPainter(image)
        painter.scale(2, 2)
        try:
            widget.render(painter, QPoint())
        finally:
            painter.end()
        if not image.save(str(path)):
            raise OSError(_unwritable(path))
    if not path.is_file():
        raise OSError(_unwritable(path))
    return path


def _unwritable(path: Path) -> str:
    return QCoreApplication.translate("export", "{0}: could not be written").format(path)


def export_dialog(parent: QWidget, widget: QWidget) -> Path | None:
    """Ask where to save, then export; a failure is said in a message box."""
    from PySide6.QtWidgets import QMessageBox

    path, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("export", "Export View"),
        str(Path.home() / "lenet-view.png"),
        QCoreApplication.translate("export", "PNG picture (*.png);;SVG drawing (*.svg)"),
    )
    if not path:
        return None
    if not Path(path).suffix:
        path += ".svg" if "svg" in chosen.lower() else ".png"
    try:
        return export_widget(widget, path)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("export", "Export View"), str(exc))
        return None


def presentation(session, settings, on: bool) -> None:
    """Presentation mode for a projector: 1.5× type everywhere, and the session told (the maps
    and kernels follow it with 1.8× tiles). The window's own font size is remembered, so
    turning it off restores it."""
    from PySide6.QtWidgets import QApplication

    font = QApplication.font()
    base = _font_size(settings.value("base_font_pt"), font.pointSizeF())
    if on or settings.value("base_font_pt") is not None:
        settings.setValue("base_font_pt", base)  # a damaged value is replaced
    font.setPointSizeF(base * (1.5 if on else 1.0))
    QApplication.setFont(font)
    session.set_presentation(on)


def _font_size(stored: object, default: float) -> float:
    """The remembered font size in points, or ``default`` for anything that is not a
    readable size (text, NaN, zero, 100,000)."""
    import math

    try:
        value = float(stored)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) and 4.0 <= value <= 72.0 else default
